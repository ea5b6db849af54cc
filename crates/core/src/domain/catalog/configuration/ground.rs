//! The starting point of every question: full domains with some options held to one class,
//! propagated over one group's active rules.

use super::domains::Domains;
use super::model::Model;
use super::propagate::{RuleMask, Scratch, failing_constraint_noting, propagate};
use super::search::{Budget, OutOfTime, solve, solve_noting};

/// An option held to one class.
pub(super) type Held = (usize, usize);

/// Full domains with `held` options fixed, propagated over `group`'s active constraints;
/// `None` when that already leaves some option without a class.
pub(super) fn grounded(
    model: &Model,
    group: usize,
    held: &[Held],
    active: &RuleMask,
) -> Option<Domains> {
    let mut domains = model.layout.full();
    for (option, class) in held {
        if !model.hold(&mut domains, *option, *class) {
            return None;
        }
    }
    let seeds = model.groups[group].constraints.iter().copied();
    propagate(model, &mut domains, active, seeds).then_some(domains)
}

/// Whether some valid product of `group` keeps every held option, with only the active rules.
pub(super) fn satisfiable(
    model: &Model,
    group: usize,
    held: &[Held],
    active: &RuleMask,
    budget: &mut Budget,
) -> Result<bool, OutOfTime> {
    let Some(domains) = grounded(model, group, held, active) else {
        return Ok(false);
    };
    let options = &model.groups[group].options;
    Ok(solve(model, domains, active, options, &|_, _| false, budget)?.is_some())
}

/// Every rule active.
pub(super) fn all_rules(model: &Model) -> Vec<bool> {
    vec![true; model.rule_count]
}

/// When no valid product of `group` keeps every held option with only the active rules, the
/// rules that the proof used (a set that forbids it on its own, usually far smaller than the
/// active ones); `None` when some product exists.
pub(super) fn refuting_rules(
    model: &Model,
    group: usize,
    held: &[Held],
    active: &RuleMask,
    budget: &mut Budget,
) -> Result<Option<Vec<usize>>, OutOfTime> {
    let layout = &model.layout;
    let mut noted = vec![false; model.constraints.len()];
    let mut domains = layout.full();
    for (option, class) in held {
        if !model.hold(&mut domains, *option, *class) {
            return Ok(Some(Vec::new()));
        }
    }
    let seeds = model.groups[group].constraints.iter().copied();
    let mut scratch = Scratch::default();
    let refuted =
        failing_constraint_noting(model, &mut domains, active, seeds, &mut noted, &mut scratch)
            .is_some()
            || solve_noting(
                model,
                domains,
                active,
                &model.groups[group].options,
                &|_, _| false,
                budget,
                &mut noted,
            )?
            .is_none();
    if !refuted {
        return Ok(None);
    }
    let mut rules: Vec<usize> = noted
        .iter()
        .enumerate()
        .filter(|(_, used)| **used)
        .map(|(constraint, _)| model.rule_of[constraint])
        .collect();
    rules.sort_unstable();
    rules.dedup();
    Ok(Some(rules))
}
