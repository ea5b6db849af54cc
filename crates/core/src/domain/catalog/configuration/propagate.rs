//! Propagation: removes from every option the classes that some active constraint rules out
//! given the others' possible classes (generalised arc consistency), until nothing changes.

use super::domains::Domains;
use super::model::{Constraint, Model};
use std::collections::VecDeque;

/// Which product rules take part: indexed by rule.
pub(super) type RuleMask = [bool];

/// Propagates after the options of the `seeds` constraints changed; false when some option is
/// left without any class (no valid product lies in `domains`).
pub(super) fn propagate(
    model: &Model,
    domains: &mut Domains,
    active: &RuleMask,
    seeds: impl IntoIterator<Item = usize>,
) -> bool {
    failing_constraint(model, domains, active, seeds).is_none()
}

/// As [`propagate`], naming the constraint that left an option empty, if one did.
pub(super) fn failing_constraint(
    model: &Model,
    domains: &mut Domains,
    active: &RuleMask,
    seeds: impl IntoIterator<Item = usize>,
) -> Option<usize> {
    let mut queued = vec![false; model.constraints.len()];
    let mut queue = VecDeque::new();
    for seed in seeds {
        if is_active(model, active, seed) && !queued[seed] {
            queued[seed] = true;
            queue.push_back(seed);
        }
    }
    let mut changed = Vec::new();
    while let Some(constraint) = queue.pop_front() {
        queued[constraint] = false;
        changed.clear();
        if !revise(model, domains, constraint, &mut changed) {
            return Some(constraint);
        }
        for option in &changed {
            for next in &model.constraints_of[*option] {
                if *next != constraint && !queued[*next] && is_active(model, active, *next) {
                    queued[*next] = true;
                    queue.push_back(*next);
                }
            }
        }
    }
    None
}

fn is_active(model: &Model, active: &RuleMask, constraint: usize) -> bool {
    active
        .get(model.rule_of[constraint])
        .copied()
        .unwrap_or(false)
}

/// Applies one constraint; records the options it narrowed; false when one is left empty.
pub(super) fn revise(
    model: &Model,
    domains: &mut Domains,
    constraint: usize,
    changed: &mut Vec<usize>,
) -> bool {
    let layout = &model.layout;
    match &model.constraints[constraint] {
        Constraint::Unary { option, allowed } => {
            if domains.restrict(layout, *option, allowed.words()) {
                changed.push(*option);
            }
            !domains.is_empty(layout, *option)
        }
        Constraint::Implies {
            when_option,
            when,
            not_when,
            then_option,
            then,
        } => {
            if !domains.meets(layout, *then_option, then.words()) {
                if domains.restrict(layout, *when_option, not_when.words()) {
                    changed.push(*when_option);
                }
                return !domains.is_empty(layout, *when_option);
            }
            if domains.within(layout, *when_option, when.words())
                && domains.restrict(layout, *then_option, then.words())
            {
                changed.push(*then_option);
            }
            !domains.is_empty(layout, *then_option)
        }
        Constraint::Table { columns, rows } => {
            let mut supports: Vec<Vec<u64>> = columns
                .iter()
                .map(|option| vec![0; domains.of(layout, *option).len()])
                .collect();
            for row in rows {
                let valid = row
                    .iter()
                    .zip(columns)
                    .all(|(class, option)| domains.contains(layout, *option, *class));
                if valid {
                    for (support, class) in supports.iter_mut().zip(row) {
                        support[class / 64] |= 1 << (class % 64);
                    }
                }
            }
            for (option, support) in columns.iter().zip(&supports) {
                if domains.restrict(layout, *option, support) {
                    changed.push(*option);
                }
                if domains.is_empty(layout, *option) {
                    return false;
                }
            }
            true
        }
    }
}
