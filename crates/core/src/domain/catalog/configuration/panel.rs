//! The options panel: for each asked option, which classes some valid product still contains
//! together with the user's other choices, and why each other class is blocked.
//!
//! One solution found witnesses every class it contains, so the search asks only for classes
//! no earlier solution has shown, preferring them at every step; a failed search proves every
//! remaining class blocked at once.

use super::domains::ClassSet;
use super::explain::{Explanation, KnownCores, explain};
use super::ground::{Held, all_rules, satisfiable};
use super::model::Model;
use super::propagate::propagate;
use super::reasons::{Traced, traced};
use super::search::{Budget, OutOfTime, every_solution, solve};

/// The answer for one option.
#[derive(Debug, Clone)]
pub(super) struct ClassPanel {
    pub(super) option: usize,
    /// Classes some valid product contains with the other choices, ascending.
    pub(super) offered: Vec<usize>,
    /// The other classes, ascending, each with why when asked for.
    pub(super) blocked: Vec<(usize, Option<Explanation>)>,
}

/// Valid products listed whole before witnesses are searched one by one.
const LISTED_AT_MOST: usize = 64;

/// Whether the panel says why each blocked class is blocked. Finding a minimal set of rules
/// takes a search per rule in it, which on products with large tables is far slower than
/// finding what is offered; the window asks for reasons one value at a time instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Reasons {
    /// Every blocked class with a minimal explanation.
    Given,
    /// Offered and blocked classes only.
    Left,
}

/// The panel for `options` (in the order given), with `chosen` the user's choices by option.
/// Each option is answered as if its own choice were not made.
pub(super) fn panels(
    model: &Model,
    chosen: &[Option<usize>],
    options: &[usize],
    reasons: Reasons,
    budget: &mut Budget,
) -> Result<Vec<ClassPanel>, OutOfTime> {
    let asked = Asked {
        model,
        failing: failing_groups(model, chosen, reasons, budget)?,
        reasons,
    };
    let mut answers: Vec<Option<ClassPanel>> = vec![None; model.option_count()];
    // Options the user has not chosen share one question: the user's choices as they are.
    let unchosen: Vec<usize> = options
        .iter()
        .copied()
        .filter(|option| chosen[*option].is_none())
        .collect();
    for answer in asked.answer(chosen, &unchosen, budget)? {
        let option = answer.option;
        answers[option] = Some(answer);
    }
    for option in options.iter().copied().filter(|o| chosen[*o].is_some()) {
        let mut others = chosen.to_vec();
        others[option] = None;
        for answer in asked.answer(&others, &[option], budget)? {
            answers[option] = Some(answer);
        }
    }
    Ok(options
        .iter()
        .filter_map(|option| answers[*option].take())
        .collect())
}

/// The groups that cannot be completed with the user's choices, each with why when asked.
/// Such a group blocks every other group's values too: no complete product exists.
fn failing_groups(
    model: &Model,
    chosen: &[Option<usize>],
    reasons: Reasons,
    budget: &mut Budget,
) -> Result<Vec<(usize, Option<Explanation>)>, OutOfTime> {
    let active = all_rules(model);
    let mut failing = Vec::new();
    for group in 0..model.groups.len() {
        let held = held_in(model, group, chosen);
        let hint = match traced(model, group, &held, &active) {
            Traced::Failed(reason) => Some(reason),
            Traced::Narrowed { .. } => None,
        };
        if hint.is_some() || !satisfiable(model, group, &held, &active, budget)? {
            let why = match reasons {
                Reasons::Given => {
                    let mut known = KnownCores::default();
                    Some(explain(
                        model,
                        group,
                        &[],
                        &held,
                        hint.as_ref(),
                        &mut known,
                        budget,
                    )?)
                }
                Reasons::Left => None,
            };
            failing.push((group, why));
        }
    }
    Ok(failing)
}

/// Why `class` of `option` cannot be completed with the user's other choices, or `None`
/// when some valid product contains it.
pub(super) fn explain_one(
    model: &Model,
    chosen: &[Option<usize>],
    option: usize,
    class: usize,
    budget: &mut Budget,
) -> Result<Option<Explanation>, OutOfTime> {
    let mut others = chosen.to_vec();
    others[option] = None;
    let group = model.group_of[option];
    for (failing, why) in failing_groups(model, &others, Reasons::Given, budget)? {
        if Some(failing) != group {
            return Ok(why);
        }
    }
    let Some(group) = group else {
        return Ok(None);
    };
    let choices = held_in(model, group, &others);
    let mut with_class = choices.clone();
    with_class.push((option, class));
    let active = all_rules(model);
    let hint = match traced(model, group, &with_class, &active) {
        Traced::Failed(reason) => Some(reason),
        Traced::Narrowed { .. } => {
            if satisfiable(model, group, &with_class, &active, budget)? {
                return Ok(None);
            }
            None
        }
    };
    let mut known = KnownCores::default();
    let why = explain(
        model,
        group,
        &[(option, class)],
        &choices,
        hint.as_ref(),
        &mut known,
        budget,
    )?;
    Ok(Some(why))
}

fn held_in(model: &Model, group: usize, chosen: &[Option<usize>]) -> Vec<Held> {
    model.groups[group]
        .options
        .iter()
        .filter_map(|option| chosen[*option].map(|class| (*option, class)))
        .collect()
}

struct Asked<'a> {
    model: &'a Model,
    /// Groups that cannot be completed with all the user's choices, with why when asked.
    failing: Vec<(usize, Option<Explanation>)>,
    reasons: Reasons,
}

impl Asked<'_> {
    /// Answers the `targets` (none of them chosen) given `base`, which differs from the
    /// user's choices at most within the targets' own groups.
    fn answer(
        &self,
        base: &[Option<usize>],
        targets: &[usize],
        budget: &mut Budget,
    ) -> Result<Vec<ClassPanel>, OutOfTime> {
        let model = self.model;
        let mut answers = Vec::new();
        let mut groups: Vec<Option<usize>> = Vec::new();
        for target in targets {
            if !groups.contains(&model.group_of[*target]) {
                groups.push(model.group_of[*target]);
            }
        }
        for group in groups {
            let in_group: Vec<usize> = targets
                .iter()
                .copied()
                .filter(|target| model.group_of[*target] == group)
                .collect();
            let elsewhere = self
                .failing
                .iter()
                .find(|(failing, _)| Some(*failing) != group);
            if let Some((_, why)) = elsewhere {
                answers.extend(in_group.iter().map(|target| {
                    ClassPanel {
                        option: *target,
                        offered: Vec::new(),
                        blocked: (0..model.layout.size(*target))
                            .map(|class| (class, why.clone()))
                            .collect(),
                    }
                }));
            } else if let Some(group) = group {
                answers.extend(answer_group(
                    model,
                    group,
                    base,
                    &in_group,
                    self.reasons,
                    budget,
                )?);
            } else {
                answers.extend(in_group.iter().map(|target| ClassPanel {
                    option: *target,
                    offered: (0..model.layout.size(*target)).collect(),
                    blocked: Vec::new(),
                }));
            }
        }
        Ok(answers)
    }
}

fn answer_group(
    model: &Model,
    group: usize,
    chosen: &[Option<usize>],
    targets: &[usize],
    reasons: Reasons,
    budget: &mut Budget,
) -> Result<Vec<ClassPanel>, OutOfTime> {
    let layout = &model.layout;
    let choices: Vec<Held> = model.groups[group]
        .options
        .iter()
        .filter_map(|option| chosen[*option].map(|class| (*option, class)))
        .collect();
    let active = all_rules(model);
    let mut witnessed: Vec<Option<ClassSet>> = vec![None; model.option_count()];
    for target in targets {
        witnessed[*target] = Some(layout.set_of(*target, |_| false));
    }
    let root = traced(model, group, &choices, &active);
    let (start, removed) = match &root {
        Traced::Narrowed { domains, removed } => (Some(domains), Some(removed)),
        Traced::Failed(_) => (None, None),
    };
    if let Some(start) = start {
        // Products with few valid configurations (large tables) are listed whole: one search
        // then shows every offered class and proves the rest blocked. Otherwise the products
        // found are witnesses as good as any.
        let options = &model.groups[group].options;
        let (found, all) = every_solution(
            model,
            start.clone(),
            &active,
            options,
            LISTED_AT_MOST,
            budget,
        )?;
        for product in &found {
            for option in targets {
                if let (Some(seen), Some(class)) =
                    (&mut witnessed[*option], product.first(layout, *option))
                {
                    seen.insert(class);
                }
            }
        }
        let targets_left = if all { &[][..] } else { targets };
        for target in targets_left {
            while let Some(seen) = &witnessed[*target] {
                let fresh = layout.set_of(*target, |class| {
                    start.contains(layout, *target, class) && !seen.contains(class)
                });
                if fresh.iter().next().is_none() {
                    break;
                }
                let mut attempt = start.clone();
                attempt.restrict(layout, *target, fresh.words());
                let seeds = model.constraints_of[*target].iter().copied();
                if !propagate(model, &mut attempt, &active, seeds) {
                    break;
                }
                let prefer = |option: usize, class: usize| {
                    witnessed[option]
                        .as_ref()
                        .is_some_and(|seen| !seen.contains(class))
                };
                let options = &model.groups[group].options;
                let Some(found) = solve(model, attempt, &active, options, &prefer, budget)? else {
                    break;
                };
                for option in targets {
                    if let (Some(seen), Some(class)) =
                        (&mut witnessed[*option], found.first(layout, *option))
                    {
                        seen.insert(class);
                    }
                }
            }
        }
    }
    let mut known = KnownCores::default();
    let mut answers = Vec::new();
    for target in targets {
        let Some(seen) = &witnessed[*target] else {
            continue;
        };
        let mut offered = Vec::new();
        let mut blocked = Vec::new();
        for class in 0..layout.size(*target) {
            if seen.contains(class) {
                offered.push(class);
            } else if reasons == Reasons::Left {
                blocked.push((class, None));
            } else {
                // Removed at the root, or refuted by propagation once held: either way the
                // propagation's reasons give a small start for the minimal explanation.
                let at_root = removed.and_then(|removed| removed[*target][class].clone());
                let hint = at_root.or_else(|| {
                    let mut with_class = choices.clone();
                    with_class.push((*target, class));
                    match traced(model, group, &with_class, &active) {
                        Traced::Failed(reason) => Some(reason),
                        Traced::Narrowed { .. } => None,
                    }
                });
                let why = explain(
                    model,
                    group,
                    &[(*target, class)],
                    &choices,
                    hint.as_ref(),
                    &mut known,
                    budget,
                )?;
                blocked.push((class, Some(why)));
            }
        }
        answers.push(ClassPanel {
            option: *target,
            offered,
            blocked,
        });
    }
    Ok(answers)
}
