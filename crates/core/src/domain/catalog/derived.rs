//! Derived values (`seats = floor(width / 600)`), visibility (`visible_when`) and reading any
//! option or derived value by name: what a configuration gives beyond its chosen values.
//!
//! A hidden option has no value: conditions reading it do not hold, rules reading it are
//! satisfied, and it takes no part in SKU, price, BOM or quote. The user's choice for it stays
//! in the layout's explicit choices and counts again when it shows.

use super::expression::{Expr, Value};
use super::{Configuration, OptionValue, Product, Rule};
use crate::domain::values::ids::OptionId;

/// A value computed from a product's options, never offered as a choice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DerivedValue {
    /// Name used in expressions, SKU templates, dimensions and BOM quantities.
    pub id: OptionId,
    /// What the customer reads.
    pub label: String,
    /// The expression as written.
    pub source: String,
    /// The checked expression; gives a number or a name.
    pub expr: Expr,
    /// Listed in the quote line's option summary.
    pub on_quote: bool,
}

impl Product {
    /// The derived value with this id.
    #[must_use]
    pub fn derived(&self, id: &OptionId) -> Option<&DerivedValue> {
        self.derived.iter().find(|derived| &derived.id == id)
    }

    /// A derived value for a configuration (options missing from it at their defaults); `None`
    /// when it reads a hidden option or divides by zero.
    #[must_use]
    pub fn derived_value(&self, id: &OptionId, configuration: &Configuration) -> Option<Value> {
        let derived = self.derived(id)?;
        derived
            .expr
            .eval(&|option| self.value_of(option, configuration))
    }

    /// An option's value or a derived value, by name: what price tables, SKU and BOM read.
    /// `None` for an unknown name, a hidden option, or a derived value without a value.
    #[must_use]
    pub fn value_by_name(&self, name: &OptionId, configuration: &Configuration) -> Option<Value> {
        if self.option(name).is_some() {
            return self
                .value_of(name, configuration)
                .map(|value| Value::of_option(&value));
        }
        self.derived_value(name, configuration)
    }

    /// Whether an option shows for this configuration (its `visible_when` holds, or it has
    /// none). Unknown options do not show.
    #[must_use]
    pub fn is_shown(&self, option: &OptionId, configuration: &Configuration) -> bool {
        match self.option(option) {
            None => false,
            Some(def) => def.visible_when.as_ref().is_none_or(|condition| {
                condition.holds(|other| self.value_of(other, configuration))
            }),
        }
    }

    /// The options that show, each with its value (chosen or default): the configuration
    /// that SKU, price, BOM and quote read.
    #[must_use]
    pub fn shown_configuration(&self, configuration: &Configuration) -> Configuration {
        self.options
            .iter()
            .filter_map(|def| {
                self.value_of(&def.id, configuration)
                    .map(|value| (def.id.clone(), value))
            })
            .collect()
    }

    /// Whether a configuration satisfies a rule: a rule reading a hidden option is satisfied.
    #[must_use]
    pub fn rule_holds(&self, rule: &Rule, configuration: &Configuration) -> bool {
        let shown = self.shown_configuration(configuration);
        rule.options()
            .iter()
            .any(|option| !shown.contains_key(option))
            || rule.check(|option| shown.get(option).cloned()) == Some(true)
    }

    /// Whether `shown` is a complete valid product exactly as the solver sees it: every option
    /// that shows has a value, every hidden one has none, and every rule holds (a rule reading
    /// a hidden option is satisfied).
    #[must_use]
    pub fn is_valid_shown(&self, shown: &Configuration) -> bool {
        let value_of = |option: &OptionId| shown.get(option).cloned();
        let shows_right = self.options.iter().all(|def| {
            let visible = def
                .visible_when
                .as_ref()
                .is_none_or(|condition| condition.holds(value_of));
            visible == shown.contains_key(&def.id)
        });
        shows_right
            && self.rules.iter().all(|rule| {
                rule.options()
                    .iter()
                    .any(|option| !shown.contains_key(option))
                    || rule.check(value_of) == Some(true)
            })
    }

    /// A derived value as a whole number (rounded half away from zero); for dimensions, SKU
    /// and quantities.
    #[must_use]
    pub fn derived_whole(&self, id: &OptionId, configuration: &Configuration) -> Option<i64> {
        use rust_decimal::prelude::ToPrimitive;
        let number = self.derived_value(id, configuration)?.number()?;
        number
            .round_dp_with_strategy(0, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
            .to_i64()
    }

    /// What a derived value shows: a number without trailing zeros or a name.
    #[must_use]
    pub fn derived_text(&self, id: &OptionId, configuration: &Configuration) -> String {
        self.derived_value(id, configuration)
            .map_or_else(String::new, |value| value.to_string())
    }
}

/// Whether an option value and an expression value are the same (a range's number equals the
/// decimal, a choice's id the name).
#[must_use]
pub fn same_value(option: &OptionValue, value: &Value) -> bool {
    &Value::of_option(option) == value
}
