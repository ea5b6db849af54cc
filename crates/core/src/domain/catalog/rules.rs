//! Configuration rules (requires, excludes, tables of valid combinations) and the conditions they test.

use crate::domain::catalog::OptionValue;
use crate::domain::values::ids::{OptionId, ValueId};

/// A test on one option's value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Condition {
    /// The choice option has this value.
    Is(OptionId, ValueId),
    /// The choice option has one of these values.
    OneOf(OptionId, Vec<ValueId>),
    /// The range option is at least this number.
    AtLeast(OptionId, i64),
    /// The range option is at most this number.
    AtMost(OptionId, i64),
}

impl Condition {
    /// The option the condition tests.
    #[must_use]
    pub fn option(&self) -> &OptionId {
        match self {
            Condition::Is(option, _)
            | Condition::OneOf(option, _)
            | Condition::AtLeast(option, _)
            | Condition::AtMost(option, _) => option,
        }
    }

    /// Whether the condition holds for a value of its option.
    #[must_use]
    pub fn holds_for(&self, value: &OptionValue) -> bool {
        match (self, value) {
            (Condition::Is(_, expected), OptionValue::Choice(actual)) => expected == actual,
            (Condition::OneOf(_, expected), OptionValue::Choice(actual)) => {
                expected.contains(actual)
            }
            (Condition::AtLeast(_, limit), OptionValue::Number(actual)) => actual >= limit,
            (Condition::AtMost(_, limit), OptionValue::Number(actual)) => actual <= limit,
            _ => false,
        }
    }

    /// Whether the condition holds, looking values up with `value_of`; false when the option has no value.
    pub fn holds(&self, value_of: impl Fn(&OptionId) -> Option<OptionValue>) -> bool {
        value_of(self.option()).is_some_and(|value| self.holds_for(&value))
    }
}

/// A rule that only manufacturable configurations satisfy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rule {
    /// When `when` holds, `then` must hold too.
    Requires {
        /// The triggering condition.
        when: Condition,
        /// What is then required.
        then: Condition,
        /// Shown to the user when the rule blocks a choice.
        message: String,
    },
    /// `when` and `then` never hold together.
    Excludes {
        /// One condition.
        when: Condition,
        /// The condition it excludes.
        then: Condition,
        /// Shown to the user when the rule blocks a choice.
        message: String,
    },
    /// The listed choice options may only take one of the listed rows of values.
    Table {
        /// The options the table constrains, in column order.
        options: Vec<OptionId>,
        /// Allowed value combinations, one value per column.
        rows: Vec<Vec<ValueId>>,
        /// Shown to the user when the rule blocks a choice.
        message: String,
    },
}

impl Rule {
    /// The message shown when this rule blocks a choice.
    #[must_use]
    pub fn message(&self) -> &str {
        match self {
            Rule::Requires { message, .. }
            | Rule::Excludes { message, .. }
            | Rule::Table { message, .. } => message,
        }
    }

    /// Every option the rule reads.
    #[must_use]
    pub fn options(&self) -> Vec<&OptionId> {
        match self {
            Rule::Requires { when, then, .. } | Rule::Excludes { when, then, .. } => {
                vec![when.option(), then.option()]
            }
            Rule::Table { options, .. } => options.iter().collect(),
        }
    }

    /// Whether the rule is satisfied; `None` while an option it reads has no value yet.
    pub fn check(&self, value_of: impl Fn(&OptionId) -> Option<OptionValue>) -> Option<bool> {
        match self {
            Rule::Requires { when, then, .. } => {
                let when_value = value_of(when.option())?;
                if !when.holds_for(&when_value) {
                    return Some(true);
                }
                let then_value = value_of(then.option())?;
                Some(then.holds_for(&then_value))
            }
            Rule::Excludes { when, then, .. } => {
                let when_value = value_of(when.option())?;
                if !when.holds_for(&when_value) {
                    return Some(true);
                }
                let then_value = value_of(then.option())?;
                Some(!then.holds_for(&then_value))
            }
            Rule::Table { options, rows, .. } => {
                let mut chosen = Vec::with_capacity(options.len());
                for option in options {
                    match value_of(option)? {
                        OptionValue::Choice(value) => chosen.push(value),
                        OptionValue::Number(_) => return Some(false),
                    }
                }
                Some(rows.iter().any(|row| row == &chosen))
            }
        }
    }
}
