//! Configuration rules (requires, excludes, tables of valid combinations) and the conditions they test.

use crate::domain::catalog::OptionValue;
use crate::domain::catalog::expression::Expression;
use crate::domain::values::ids::{OptionId, ValueId};

/// A test on options' values: one of the four single-option forms of format version 1, or an
/// expression over any options and derived values.
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
    /// An expression such as `chaise = left and width < 2400`.
    Expr(Expression),
}

impl Condition {
    /// The options the condition reads (through derived values too), each once.
    #[must_use]
    pub fn options(&self) -> Vec<OptionId> {
        match self {
            Condition::Is(option, _)
            | Condition::OneOf(option, _)
            | Condition::AtLeast(option, _)
            | Condition::AtMost(option, _) => vec![option.clone()],
            Condition::Expr(expression) => expression.expr.options(),
        }
    }

    /// Whether the condition holds when every option it reads has `value` (meant for a
    /// condition on one option).
    #[must_use]
    pub fn holds_for(&self, value: &OptionValue) -> bool {
        match (self, value) {
            (Condition::Expr(expression), _) => expression.holds(&|_| Some(value.clone())),
            (Condition::Is(_, expected), OptionValue::Choice(actual)) => expected == actual,
            (Condition::OneOf(_, expected), OptionValue::Choice(actual)) => {
                expected.contains(actual)
            }
            (Condition::AtLeast(_, limit), OptionValue::Number(actual)) => actual >= limit,
            (Condition::AtMost(_, limit), OptionValue::Number(actual)) => actual <= limit,
            _ => false,
        }
    }

    /// Whether the condition holds, looking values up with `value_of`; false when an option
    /// it needs has no value.
    pub fn holds(&self, value_of: impl Fn(&OptionId) -> Option<OptionValue>) -> bool {
        self.outcome(value_of) == Some(true)
    }

    /// The condition's outcome; `None` when an option it needs has no value.
    pub fn outcome(&self, value_of: impl Fn(&OptionId) -> Option<OptionValue>) -> Option<bool> {
        match self {
            Condition::Expr(expression) => expression.outcome(&value_of),
            Condition::Is(option, _)
            | Condition::OneOf(option, _)
            | Condition::AtLeast(option, _)
            | Condition::AtMost(option, _) => value_of(option).map(|value| self.holds_for(&value)),
        }
    }

    /// The condition as a catalog writes it, for messages.
    #[must_use]
    pub fn text(&self) -> String {
        match self {
            Condition::Is(option, value) => format!("{option} = {value}"),
            Condition::OneOf(option, values) => {
                let values: Vec<&str> = values.iter().map(ValueId::as_str).collect();
                format!("{option} in [{}]", values.join(", "))
            }
            Condition::AtLeast(option, limit) => format!("{option} >= {limit}"),
            Condition::AtMost(option, limit) => format!("{option} <= {limit}"),
            Condition::Expr(expression) => expression.source.clone(),
        }
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

    /// Every option the rule reads (through derived values too), each once.
    #[must_use]
    pub fn options(&self) -> Vec<OptionId> {
        match self {
            Rule::Requires { when, then, .. } | Rule::Excludes { when, then, .. } => {
                let mut options = when.options();
                for option in then.options() {
                    if !options.contains(&option) {
                        options.push(option);
                    }
                }
                options
            }
            Rule::Table { options, .. } => {
                let mut unique: Vec<OptionId> = Vec::new();
                for option in options {
                    if !unique.contains(option) {
                        unique.push(option.clone());
                    }
                }
                unique
            }
        }
    }

    /// Whether the rule is satisfied; `None` while an option it reads has no value yet.
    pub fn check(&self, value_of: impl Fn(&OptionId) -> Option<OptionValue>) -> Option<bool> {
        match self {
            Rule::Requires { when, then, .. } => {
                if !when.outcome(&value_of)? {
                    return Some(true);
                }
                then.outcome(&value_of)
            }
            Rule::Excludes { when, then, .. } => {
                if !when.outcome(&value_of)? {
                    return Some(true);
                }
                then.outcome(&value_of).map(|holds| !holds)
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
