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
    failing_constraint_noting(
        model,
        domains,
        active,
        seeds,
        &mut [],
        &mut Scratch::default(),
    )
}

/// Working space of propagation, kept by a search so that its many small propagations
/// allocate nothing.
#[derive(Debug, Default)]
pub(super) struct Scratch {
    queued: Vec<bool>,
    queue: VecDeque<usize>,
    changed: Vec<usize>,
}

/// As [`failing_constraint`], marking in `noted` (indexed by constraint; empty to note
/// nothing) every constraint that removed a class or failed. Those constraints alone make
/// the same removals and the same failure, so a refutation that noted them holds with only
/// their rules active.
pub(super) fn failing_constraint_noting(
    model: &Model,
    domains: &mut Domains,
    active: &RuleMask,
    seeds: impl IntoIterator<Item = usize>,
    noted: &mut [bool],
    scratch: &mut Scratch,
) -> Option<usize> {
    let Scratch {
        queued,
        queue,
        changed,
    } = scratch;
    queued.resize(model.constraints.len(), false);
    for seed in seeds {
        if is_active(model, active, seed) && !queued[seed] {
            queued[seed] = true;
            queue.push_back(seed);
        }
    }
    while let Some(constraint) = queue.pop_front() {
        queued[constraint] = false;
        changed.clear();
        let kept = revise(model, domains, constraint, changed);
        if (!kept || !changed.is_empty())
            && let Some(flag) = noted.get_mut(constraint)
        {
            *flag = true;
        }
        if !kept {
            for left in queue.drain(..) {
                queued[left] = false;
            }
            return Some(constraint);
        }
        for option in changed.iter() {
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
            if columns.len() <= SMALL_COLUMNS
                && columns.iter().all(|option| layout.size(*option) <= 64)
            {
                revise_small_table(model, domains, columns, rows, changed)
            } else {
                revise_table(model, domains, columns, rows, changed)
            }
        }
    }
}

/// Tables of at most this many columns, each of at most 64 classes, are revised on the stack.
const SMALL_COLUMNS: usize = 8;

/// Keeps the classes of each column that some row still possible holds (simple tabular
/// reduction), stopping early once every class left is supported.
fn revise_small_table(
    model: &Model,
    domains: &mut Domains,
    columns: &[usize],
    rows: &[usize],
    changed: &mut Vec<usize>,
) -> bool {
    let layout = &model.layout;
    let arity = columns.len();
    let mut current = [0_u64; SMALL_COLUMNS];
    let mut support = [0_u64; SMALL_COLUMNS];
    for (word, option) in current.iter_mut().zip(columns) {
        *word = domains.of(layout, *option)[0];
    }
    for row in rows.chunks_exact(arity) {
        let possible = row
            .iter()
            .zip(&current)
            .all(|(class, word)| word >> class & 1 == 1);
        if possible {
            for (word, class) in support.iter_mut().zip(row) {
                *word |= 1 << class;
            }
            if support == current {
                return true;
            }
        }
    }
    for (option, word) in columns.iter().zip(&support) {
        if domains.restrict(layout, *option, std::slice::from_ref(word)) {
            changed.push(*option);
        }
        if domains.is_empty(layout, *option) {
            return false;
        }
    }
    true
}

/// As [`revise_small_table`] for tables with more columns or larger options.
fn revise_table(
    model: &Model,
    domains: &mut Domains,
    columns: &[usize],
    rows: &[usize],
    changed: &mut Vec<usize>,
) -> bool {
    let layout = &model.layout;
    let mut supports: Vec<Vec<u64>> = columns
        .iter()
        .map(|option| vec![0; domains.of(layout, *option).len()])
        .collect();
    for row in rows.chunks_exact(columns.len()) {
        let possible = row
            .iter()
            .zip(columns)
            .all(|(class, option)| domains.contains(layout, *option, *class));
        if possible {
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
