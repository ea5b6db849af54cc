//! Product options: finite choices and stepped numeric ranges, with their price effects.

use crate::domain::catalog::Colour;
use crate::domain::catalog::price_tables::PriceGroup;
use crate::domain::values::ids::{OptionId, ValueId};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// Option values chosen for a product, by option id; a missing option is unset.
pub type Configuration = BTreeMap<OptionId, OptionValue>;

/// A chosen value: a choice's value id or a range's number.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(untagged)]
pub enum OptionValue {
    /// A value of a numeric range option.
    Number(i64),
    /// A value of a choice option.
    Choice(ValueId),
}

impl fmt::Display for OptionValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OptionValue::Number(number) => write!(f, "{number}"),
            OptionValue::Choice(value) => write!(f, "{value}"),
        }
    }
}

/// One value of a choice option.
#[derive(Debug, Clone, PartialEq)]
pub struct ChoiceValue {
    /// Stable id used in saves, rules and tables.
    pub id: ValueId,
    /// What the customer reads.
    pub label: String,
    /// Added to the product's price when chosen.
    pub price: Decimal,
    /// Text put into the SKU for this value.
    pub code: String,
    /// Colour of the material this value stands for, if any.
    pub colour: Option<Colour>,
    /// The price group the value is priced as in the product's price tables, if any.
    pub group: Option<PriceGroup>,
}

/// What a range option's number counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum RangeUnit {
    /// A length in millimetres.
    Mm,
    /// A count of things (shelves, drawers).
    Count,
}

/// A numeric option with a minimum, maximum and step.
#[derive(Debug, Clone, PartialEq)]
pub struct RangeSpec {
    /// Smallest allowed value.
    pub min: i64,
    /// Largest allowed value (reachable from `min` in whole steps).
    pub max: i64,
    /// Distance between allowed values.
    pub step: i64,
    /// What the number means.
    pub unit: RangeUnit,
    /// Price added per step above `min`.
    pub price_per_step: Decimal,
    /// Price added per millimetre (or unit) above `min`.
    pub price_per_unit: Decimal,
}

impl RangeSpec {
    /// Every allowed value, smallest first.
    #[must_use]
    pub fn values(&self) -> Vec<i64> {
        let mut values = Vec::new();
        let mut value = Some(self.min);
        while let Some(next) = value.filter(|next| *next <= self.max && self.step > 0) {
            values.push(next);
            value = next.checked_add(self.step);
        }
        values
    }

    /// True when `value` is between min and max on a whole step.
    #[must_use]
    pub fn allows(&self, value: i64) -> bool {
        self.step > 0
            && value >= self.min
            && value <= self.max
            && value
                .checked_sub(self.min)
                .is_some_and(|above| above % self.step == 0)
    }
}

/// The values an option can take.
#[derive(Debug, Clone, PartialEq)]
pub enum OptionDomain {
    /// A finite list of named values.
    Choice(Vec<ChoiceValue>),
    /// A stepped numeric range.
    Range(RangeSpec),
}

/// An option of a product.
#[derive(Debug, Clone, PartialEq)]
pub struct OptionDef {
    /// Stable id used in saves, rules and templates.
    pub id: OptionId,
    /// What the customer reads.
    pub label: String,
    /// The allowed values.
    pub domain: OptionDomain,
    /// The value chosen when the user has not chosen one.
    pub default: OptionValue,
    /// The option applies only when this holds; otherwise it is hidden and has no value.
    pub visible_when: Option<crate::domain::catalog::Condition>,
}

impl OptionDef {
    /// Every allowed value, in display order.
    #[must_use]
    pub fn values(&self) -> Vec<OptionValue> {
        match &self.domain {
            OptionDomain::Choice(values) => values
                .iter()
                .map(|value| OptionValue::Choice(value.id.clone()))
                .collect(),
            OptionDomain::Range(range) => range
                .values()
                .into_iter()
                .map(OptionValue::Number)
                .collect(),
        }
    }

    /// True when `value` belongs to this option's domain.
    #[must_use]
    pub fn allows(&self, value: &OptionValue) -> bool {
        match (&self.domain, value) {
            (OptionDomain::Choice(values), OptionValue::Choice(id)) => {
                values.iter().any(|v| &v.id == id)
            }
            (OptionDomain::Range(range), OptionValue::Number(number)) => range.allows(*number),
            _ => false,
        }
    }

    /// The choice value with this id.
    #[must_use]
    pub fn choice(&self, id: &ValueId) -> Option<&ChoiceValue> {
        match &self.domain {
            OptionDomain::Choice(values) => values.iter().find(|value| &value.id == id),
            OptionDomain::Range(_) => None,
        }
    }

    /// What the customer reads for a value, e.g. `Oak` or `2400 mm`.
    #[must_use]
    pub fn label_of(&self, value: &OptionValue) -> String {
        match (&self.domain, value) {
            (OptionDomain::Choice(_), OptionValue::Choice(id)) => self
                .choice(id)
                .map_or_else(|| id.to_string(), |choice| choice.label.clone()),
            (OptionDomain::Range(range), OptionValue::Number(number)) => match range.unit {
                RangeUnit::Mm => format!("{number} mm"),
                RangeUnit::Count => number.to_string(),
            },
            _ => value.to_string(),
        }
    }

    /// The SKU code of a value.
    #[must_use]
    pub fn code_of(&self, value: &OptionValue) -> String {
        match value {
            OptionValue::Choice(id) => self
                .choice(id)
                .map_or_else(|| id.to_string(), |choice| choice.code.clone()),
            OptionValue::Number(number) => number.to_string(),
        }
    }

    /// Steps a range value lies above the minimum (0 for choices).
    #[must_use]
    pub fn steps_above_min(&self, value: i64) -> u32 {
        match &self.domain {
            OptionDomain::Range(range) if range.step > 0 => {
                u32::try_from((value - range.min).max(0) / range.step).unwrap_or(0)
            }
            _ => 0,
        }
    }

    /// The price this option adds for `value`.
    #[must_use]
    pub fn price_of(&self, value: &OptionValue) -> Decimal {
        match (&self.domain, value) {
            (OptionDomain::Choice(_), OptionValue::Choice(id)) => {
                self.choice(id).map_or(Decimal::ZERO, |choice| choice.price)
            }
            (OptionDomain::Range(range), OptionValue::Number(number)) => {
                let above_min = (number - range.min).max(0);
                range.price_per_unit * Decimal::from(above_min)
                    + range.price_per_step * Decimal::from(self.steps_above_min(*number))
            }
            _ => Decimal::ZERO,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn width_option() -> OptionDef {
        OptionDef {
            id: OptionId::from("width"),
            label: "Width".into(),
            domain: OptionDomain::Range(RangeSpec {
                min: 300,
                max: 900,
                step: 150,
                unit: RangeUnit::Mm,
                price_per_step: Decimal::new(4000, 2),
                price_per_unit: Decimal::new(10, 2),
            }),
            default: OptionValue::Number(600),
            visible_when: None,
        }
    }

    #[test]
    fn range_lists_whole_steps_only() {
        let option = width_option();
        assert_eq!(option.values().len(), 5);
        assert!(option.allows(&OptionValue::Number(750)));
        assert!(!option.allows(&OptionValue::Number(700)));
        assert!(!option.allows(&OptionValue::Number(1050)));
    }

    #[test]
    fn range_price_counts_steps_and_millimetres_above_minimum() {
        let option = width_option();
        // 2 steps * 40.00 + 300 mm * 0.10 = 110.00
        assert_eq!(
            option.price_of(&OptionValue::Number(600)),
            Decimal::new(11000, 2)
        );
        assert_eq!(option.price_of(&OptionValue::Number(300)), Decimal::ZERO);
        assert_eq!(option.label_of(&OptionValue::Number(600)), "600 mm");
    }
}
