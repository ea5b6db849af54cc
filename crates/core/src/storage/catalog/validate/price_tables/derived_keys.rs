//! Price-table keys naming a derived value: `Option` on a derived number or name, `Band` on a
//! derived number; group keys read choice options only (a derived price group is keyed with
//! `Option`, its cells the group names it gives). A cell must be something the derived value
//! can give: one of its names, or one of the whole numbers it takes over every combination of
//! the options it reads (any whole number when those are too many to try).

use super::super::Checker;
use super::band_cell;
use crate::domain::catalog::expression::{Expr, Value};
use crate::domain::catalog::{Configuration, KeyCell, OptionDef, OptionValue, PriceKey};
use crate::domain::values::ids::{OptionId, ValueId};
use crate::storage::catalog::raw_prices::{RawKeyCell, RawPriceKey};
use rust_decimal::RoundingStrategy;
use rust_decimal::prelude::ToPrimitive;
use std::collections::BTreeSet;

/// Most combinations of options tried to find the numbers a derived value takes.
const MAX_TRIED: usize = 20_000;
/// Most possible values listed in a message.
const MAX_LISTED: usize = 12;

/// What a derived value named by a key can give.
#[derive(Debug)]
pub(super) enum DerivedDomain {
    /// Whole numbers: these, or any when there were too many combinations to try.
    Numbers(Option<BTreeSet<i64>>),
    /// These names.
    Names(BTreeSet<ValueId>),
}

/// The problem with a key naming a derived value that gives a number (`is_number`) or a name.
pub(super) fn validate_derived_key(
    key: &RawPriceKey,
    name: &str,
    is_number: bool,
) -> Option<String> {
    match key {
        RawPriceKey::Group(_) | RawPriceKey::HighestGroup(_) => Some(format!(
            "a group key reads the price groups of a choice option's values; `{name}` is a derived value: key it with Option(\"{name}\") and write the group names it gives as cells"
        )),
        RawPriceKey::Band(_) if !is_number => Some(format!(
            "Band(\"{name}\") needs a number; derived value `{name}` gives a name: use Option(\"{name}\")"
        )),
        RawPriceKey::Option(_) | RawPriceKey::Band(_) => None,
    }
}

/// What the derived value a key names can give; `None` for a key naming an option.
pub(super) fn derived_domain(
    checker: &Checker<'_>,
    key: &PriceKey,
    options: &[OptionDef],
) -> Option<DerivedDomain> {
    let name = key.options().first().copied()?;
    if options.iter().any(|def| &def.id == name) {
        return None;
    }
    let derived = checker.derived.iter().find(|derived| &derived.id == name)?;
    let (expr, names) = derived.checked.as_ref()?;
    Some(match names {
        Some(names) => DerivedDomain::Names(names.clone()),
        None => DerivedDomain::Numbers(possible_numbers(expr, options)),
    })
}

/// Every whole number (rounded half away from zero) the expression gives over every
/// combination of the options it reads; `None` when there are more than [`MAX_TRIED`].
fn possible_numbers(expr: &Expr, options: &[OptionDef]) -> Option<BTreeSet<i64>> {
    let read = expr.options();
    let domains: Vec<Vec<OptionValue>> = read
        .iter()
        .map(|option| {
            options
                .iter()
                .find(|def| &def.id == option)
                .map(OptionDef::values)
                .unwrap_or_default()
        })
        .collect();
    let count = domains
        .iter()
        .try_fold(1usize, |total, values| total.checked_mul(values.len()))?;
    if count > MAX_TRIED || domains.iter().any(Vec::is_empty) {
        return None;
    }
    let mut numbers = BTreeSet::new();
    let mut digits = vec![0usize; read.len()];
    loop {
        let configuration: Configuration = read
            .iter()
            .zip(&domains)
            .zip(&digits)
            .map(|((option, values), digit)| (option.clone(), values[*digit].clone()))
            .collect();
        let whole = expr
            .eval(&|option| configuration.get(option).cloned())
            .as_ref()
            .and_then(Value::number)
            .and_then(|number| {
                number
                    .round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero)
                    .to_i64()
            });
        numbers.extend(whole);
        let mut position = 0;
        loop {
            let Some(digit) = digits.get_mut(position) else {
                return Some(numbers);
            };
            *digit += 1;
            if *digit < domains[position].len() {
                break;
            }
            *digit = 0;
            position += 1;
        }
    }
}

/// A cell of a key naming a derived value.
pub(super) fn validate_derived_cell(
    key: &PriceKey,
    name: &OptionId,
    domain: &DerivedDomain,
    cell: &RawKeyCell,
) -> Result<KeyCell, String> {
    if matches!(key, PriceKey::Band(_)) {
        return band_cell(cell);
    }
    match (domain, cell) {
        (DerivedDomain::Numbers(None), RawKeyCell::Number(number)) => Ok(KeyCell::Number(*number)),
        (DerivedDomain::Numbers(Some(numbers)), RawKeyCell::Number(number))
            if numbers.contains(number) =>
        {
            Ok(KeyCell::Number(*number))
        }
        (DerivedDomain::Numbers(Some(numbers)), RawKeyCell::Number(number)) => Err(format!(
            "{number} is not a value derived value `{name}` can take ({})",
            listed(numbers.iter().map(ToString::to_string))
        )),
        (DerivedDomain::Numbers(_), RawKeyCell::Text(text)) => Err(format!(
            "`{text}` is not a number: derived value `{name}` gives a number"
        )),
        (DerivedDomain::Names(names), RawKeyCell::Text(text))
            if names.contains(&ValueId::from(text.as_str())) =>
        {
            Ok(KeyCell::Value(ValueId::from(text.as_str())))
        }
        (DerivedDomain::Names(names), _) => Err(format!(
            "`{cell}` is not a name derived value `{name}` gives ({})",
            listed(names.iter().map(ToString::to_string))
        )),
    }
}

/// Values for a message, the first [`MAX_LISTED`] of them.
fn listed(values: impl Iterator<Item = String>) -> String {
    let values: Vec<String> = values.collect();
    let mut text = values
        .iter()
        .take(MAX_LISTED)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if values.len() > MAX_LISTED {
        text.push_str(", …");
    }
    text
}
