//! What a catalog check warns about in a product that loads: values no valid product can
//! contain, rules that never fire, and rules that can never be met (so that what triggers
//! them is never possible).

use super::model::Model;
use super::propagate::{RuleMask, propagate};
use super::search::{Budget, OutOfTime, solve};
use super::{ConfigurationError, OptionState};
use crate::domain::catalog::{Condition, OptionValue, Product, Rule};
use crate::domain::values::ids::OptionId;
use std::time::Duration;

/// A value no valid product contains.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnreachableValue {
    /// The option.
    pub option: OptionId,
    /// The value.
    pub value: OptionValue,
    /// Indices of a minimal set of rules that forbid it.
    pub rules: Vec<usize>,
}

/// A rule that does nothing useful.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleFinding {
    /// The rule's `when` holds in no product: `for_any_value` when no value of its option
    /// satisfies it, else other rules already rule it out.
    NeverFires {
        /// Index into the product's rules.
        rule: usize,
        /// True when the condition holds for no value of its option at all.
        for_any_value: bool,
    },
    /// No valid product satisfies the rule's `when` together with what it requires, so the
    /// rule only ever forbids its `when`.
    NeverMet {
        /// Index into the product's rules.
        rule: usize,
        /// True when what it requires holds for no value of its option at all.
        for_any_value: bool,
    },
}

/// Everything found about one product.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProductDiagnostics {
    /// Values no valid product contains, in option and value order.
    pub unreachable: Vec<UnreachableValue>,
    /// Rules that never fire or can never be met, in rule order.
    pub rules: Vec<RuleFinding>,
}

pub(super) fn diagnose(
    product: &Product,
    model: &Model,
    states: &[OptionState],
    time_limit: Duration,
) -> Result<ProductDiagnostics, ConfigurationError> {
    let unreachable = states
        .iter()
        .flat_map(|state| {
            state.blocked.iter().map(|blocked| UnreachableValue {
                option: state.option.clone(),
                value: blocked.value.clone(),
                rules: blocked.rules.clone(),
            })
        })
        .collect();
    let mut budget = Budget::new(time_limit);
    let mut rules = Vec::new();
    for (index, rule) in product.rules.iter().enumerate() {
        // Rules over several options or hidden ones have no single `when` option to judge.
        if !super::blocks::is_simple(rule, product) {
            continue;
        }
        if let Some(finding) = judge(model, index, rule, &mut budget)? {
            rules.push(finding);
        }
    }
    Ok(ProductDiagnostics { unreachable, rules })
}

fn judge(
    model: &Model,
    index: usize,
    rule: &Rule,
    budget: &mut Budget,
) -> Result<Option<RuleFinding>, OutOfTime> {
    let (when, then, required) = match rule {
        Rule::Requires { when, then, .. } => (when, then, true),
        Rule::Excludes { when, then, .. } => (when, then, false),
        Rule::Table { .. } => return Ok(None),
    };
    let (Some(when_mask), Some(then_mask)) = (
        class_mask(model, when, true),
        class_mask(model, then, required),
    ) else {
        return Ok(None);
    };
    let (when_option, then_option) = (when_mask.0, then_mask.0);
    if !when_mask.1.iter().any(|holds| *holds) {
        return Ok(Some(RuleFinding::NeverFires {
            rule: index,
            for_any_value: true,
        }));
    }
    let mut others = vec![true; model.rule_count];
    others[index] = false;
    if !possible(model, &others, std::slice::from_ref(&when_mask), budget)? {
        return Ok(Some(RuleFinding::NeverFires {
            rule: index,
            for_any_value: false,
        }));
    }
    let met_anywhere = if when_option == then_option {
        when_mask.1.iter().zip(&then_mask.1).any(|(w, t)| *w && *t)
    } else {
        then_mask.1.iter().any(|holds| *holds)
    };
    if !met_anywhere {
        return Ok(Some(RuleFinding::NeverMet {
            rule: index,
            for_any_value: true,
        }));
    }
    let all = vec![true; model.rule_count];
    if !possible(model, &all, &[when_mask, then_mask], budget)? {
        return Ok(Some(RuleFinding::NeverMet {
            rule: index,
            for_any_value: false,
        }));
    }
    Ok(None)
}

/// Per class of the condition's option, whether the condition holds (or, with `holds` false,
/// does not hold).
fn class_mask(model: &Model, condition: &Condition, holds: bool) -> Option<(usize, Vec<bool>)> {
    let [read] = condition.options().try_into().ok()?;
    let option = model.option_ids.iter().position(|id| *id == read)?;
    let mask = model.members[option]
        .iter()
        .map(|members| condition.holds_for(&model.values[option][members[0]]) == holds)
        .collect();
    Some((option, mask))
}

/// Whether some valid product (with the `active` rules) has each option in its mask.
fn possible(
    model: &Model,
    active: &RuleMask,
    masks: &[(usize, Vec<bool>)],
    budget: &mut Budget,
) -> Result<bool, OutOfTime> {
    let layout = &model.layout;
    let mut domains = layout.full();
    for (option, mask) in masks {
        let keep = layout.set_of(*option, |class| mask[class]);
        domains.restrict(layout, *option, keep.words());
        if domains.is_empty(layout, *option) {
            return Ok(false);
        }
    }
    let Some(group) = masks
        .first()
        .and_then(|(option, _)| model.group_of[*option])
    else {
        return Ok(true);
    };
    let seeds = model.groups[group].constraints.iter().copied();
    if !propagate(model, &mut domains, active, seeds) {
        return Ok(false);
    }
    let options = &model.groups[group].options;
    Ok(solve(model, domains, active, options, &|_, _| false, budget)?.is_some())
}
