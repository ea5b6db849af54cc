//! Minimal explanations: a set of rules (no rule can be dropped) that together with the user's
//! choices forbid a value, then the fewest of the user's choices those rules need. The rules
//! start from propagation's record of why the value went (made minimal for propagation by
//! QuickXplain, Junker 2004) or from the rules a refuting search used, and are shrunk by
//! deletion, each drop that still forbids the value continuing from the rules its proof used
//! (clause-set refinement, as MUS extractors do).

use super::ground::{Held, grounded, refuting_rules, satisfiable};
use super::model::Model;
use super::reasons::Reason;
use super::search::{Budget, OutOfTime};

/// Why a value or a set of choices cannot be part of a valid product.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(super) struct Explanation {
    /// Product rule indices, ascending; dropping any one of them lifts the block.
    pub(super) rules: Vec<usize>,
    /// Options whose chosen value the rules need to forbid it, ascending.
    pub(super) choices: Vec<usize>,
}

/// Remembers the rule sets already found in one group, because neighbouring values are
/// usually blocked by the same rules and checking a known set is one search, not dozens.
#[derive(Debug, Default)]
pub(super) struct KnownCores {
    cores: Vec<Vec<usize>>,
}

/// How many remembered sets are tried before a fresh search.
const KNOWN_CORES_TRIED: usize = 8;

/// Explains why `held` (always kept) and the user's `choices` cannot all hold in `group`.
/// The caller knows they cannot; `hint`, when given, is a set of rules and choices that
/// propagation alone shows to conflict, which narrows the search for a minimal set.
pub(super) fn explain(
    model: &Model,
    group: usize,
    held: &[Held],
    choices: &[Held],
    hint: Option<&Reason>,
    known: &mut KnownCores,
    budget: &mut Budget,
) -> Result<Explanation, OutOfTime> {
    let all_held: Vec<Held> = held.iter().chain(choices).copied().collect();
    let mask = |rules: &[usize]| {
        let mut active = vec![false; model.rule_count];
        for rule in rules {
            active[*rule] = true;
        }
        active
    };
    let propagation_refutes =
        |rules: &[usize]| grounded(model, group, &all_held, &mask(rules)).is_none();
    let refuting = |rules: &[usize], budget: &mut Budget| {
        refuting_rules(model, group, &all_held, &mask(rules), budget)
    };
    let hinted = hint
        .map(Reason::rules)
        .filter(|rules| propagation_refutes(rules));
    let start = match hinted {
        Some(candidates) => {
            quick_xplain(&candidates, &mut |subset| Ok(propagation_refutes(subset)))?
        }
        None => {
            let mut start = None;
            for core in known.cores.iter().rev().take(KNOWN_CORES_TRIED) {
                if let Some(used) = refuting(core, budget)? {
                    start = Some(used);
                    break;
                }
            }
            match start {
                Some(start) => start,
                None => {
                    let mut group_rules: Vec<usize> = model.groups[group]
                        .constraints
                        .iter()
                        .map(|constraint| model.rule_of[*constraint])
                        .collect();
                    group_rules.sort_unstable();
                    group_rules.dedup();
                    refuting(&group_rules, budget)?.unwrap_or(group_rules)
                }
            }
        }
    };
    let mut rules = shrink_refining(start, &mut |subset| refuting(subset, budget))?;
    rules.sort_unstable();
    if !known.cores.contains(&rules) {
        known.cores.push(rules.clone());
    }
    let active = mask(&rules);
    let kept_with = |subset: &[usize]| -> Vec<Held> {
        held.iter()
            .copied()
            .chain(subset.iter().map(|index| choices[*index]))
            .collect()
    };
    let all_choices: Vec<usize> = (0..choices.len()).collect();
    let choice_refutes_by_propagation =
        |subset: &[usize]| grounded(model, group, &kept_with(subset), &active).is_none();
    let mut choice_refutes = |subset: &[usize]| {
        Ok(!satisfiable(
            model,
            group,
            &kept_with(subset),
            &active,
            budget,
        )?)
    };
    let mut chosen = if choice_refutes_by_propagation(&all_choices) {
        let quick = quick_xplain(&all_choices, &mut |subset| {
            Ok(choice_refutes_by_propagation(subset))
        })?;
        shrink(quick, &mut choice_refutes)?
    } else {
        quick_xplain(&all_choices, &mut choice_refutes)?
    };
    chosen.sort_unstable();
    Ok(Explanation {
        rules,
        choices: chosen.into_iter().map(|index| choices[index].0).collect(),
    })
}

/// Drops every item whose removal keeps `conflict` (one pass suffices: conflicts only grow
/// with more items), so each item left is needed.
fn shrink(
    items: Vec<usize>,
    conflict: &mut dyn FnMut(&[usize]) -> Result<bool, OutOfTime>,
) -> Result<Vec<usize>, OutOfTime> {
    let mut kept = items;
    let mut index = 0;
    while index < kept.len() {
        let without: Vec<usize> = kept
            .iter()
            .enumerate()
            .filter(|(at, _)| *at != index)
            .map(|(_, item)| *item)
            .collect();
        if conflict(&without)? {
            kept = without;
        } else {
            index += 1;
        }
    }
    Ok(kept)
}

/// Given rules, the rules a proof that they forbid the value used, or `None` when they do not.
type Refuting<'a> = dyn FnMut(&[usize]) -> Result<Option<Vec<usize>>, OutOfTime> + 'a;

/// Drops rules from `items` (which forbid the value) until each one left is needed: a set
/// without it admits a product. When a smaller set still forbids it, `refuting` gives the
/// rules its proof used, often far fewer, and the search goes on from those; rules found
/// needed stay needed, since every forbidding subset of the set they were needed in holds them.
fn shrink_refining(
    items: Vec<usize>,
    refuting: &mut Refuting<'_>,
) -> Result<Vec<usize>, OutOfTime> {
    let mut kept = items;
    let mut needed: Vec<usize> = Vec::new();
    while let Some(candidate) = kept.iter().copied().find(|rule| !needed.contains(rule)) {
        let without: Vec<usize> = kept
            .iter()
            .copied()
            .filter(|rule| *rule != candidate)
            .collect();
        match refuting(&without)? {
            Some(used) => {
                kept = used
                    .into_iter()
                    .filter(|rule| without.contains(rule))
                    .collect()
            }
            None => needed.push(candidate),
        }
    }
    Ok(kept)
}

/// A subset-minimal part of `items` for which `conflict` holds, given that it holds for all of
/// them (when it does not, all items are returned: nothing smaller can be proved).
fn quick_xplain(
    items: &[usize],
    conflict: &mut dyn FnMut(&[usize]) -> Result<bool, OutOfTime>,
) -> Result<Vec<usize>, OutOfTime> {
    if conflict(&[])? {
        return Ok(Vec::new());
    }
    if items.is_empty() || !conflict(items)? {
        return Ok(items.to_vec());
    }
    split(&[], false, items, conflict)
}

fn split(
    background: &[usize],
    background_grew: bool,
    candidates: &[usize],
    conflict: &mut dyn FnMut(&[usize]) -> Result<bool, OutOfTime>,
) -> Result<Vec<usize>, OutOfTime> {
    if background_grew && conflict(background)? {
        return Ok(Vec::new());
    }
    if candidates.len() <= 1 {
        return Ok(candidates.to_vec());
    }
    let (first, second) = candidates.split_at(candidates.len() / 2);
    let with_first: Vec<usize> = background.iter().chain(first).copied().collect();
    let from_second = split(&with_first, !first.is_empty(), second, conflict)?;
    let with_second: Vec<usize> = background.iter().chain(&from_second).copied().collect();
    let from_first = split(&with_second, !from_second.is_empty(), first, conflict)?;
    Ok(from_first.into_iter().chain(from_second).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quick_xplain_finds_a_minimal_conflicting_subset() {
        // A conflict needs both 3 and 7, or 5 alone is not enough.
        let mut checks = 0;
        let found = quick_xplain(&(0..10).collect::<Vec<_>>(), &mut |subset| {
            checks += 1;
            Ok(subset.contains(&3) && subset.contains(&7))
        })
        .expect("no budget");
        let mut found = found;
        found.sort_unstable();
        assert_eq!(found, vec![3, 7]);
        assert!(checks < 20, "{checks} checks");
    }

    #[test]
    fn quick_xplain_returns_nothing_when_the_background_conflicts() {
        let found = quick_xplain(&[1, 2], &mut |_| Ok(true)).expect("no budget");
        assert!(found.is_empty());
    }
}
