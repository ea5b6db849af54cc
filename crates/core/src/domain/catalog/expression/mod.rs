//! Expressions in catalogs: conditions (`chaise = left and width < 2400`), derived values
//! (`floor(width / 600)`), visibility. Read from text (`parse`), names resolved and types
//! checked against a product's options and derived values (`check`), then evaluated here with
//! exact decimals.
//!
//! Evaluation never fails: an expression reading an option that has no value (unset, or hidden
//! by its `visible_when`), or dividing by zero, has no value, and a condition without a value
//! does not hold.

mod check;
pub mod parse;

pub use check::{CheckError, DerivedSource, Names, check_condition, check_derived};
pub use parse::{ArithOp, CompareOp, Span, Syntax, SyntaxError, parse};

use crate::domain::catalog::OptionValue;
use crate::domain::values::ids::{OptionId, ValueId};
use rust_decimal::{Decimal, RoundingStrategy};
use std::fmt;

/// What an expression evaluates to.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Value {
    /// A number: a range option's value or a computed amount (exact decimal).
    Number(Decimal),
    /// A name: a choice option's value id or a name a derived value gives.
    Name(ValueId),
    /// A condition's outcome.
    Bool(bool),
}

impl Value {
    /// The value an option has, as an expression sees it.
    #[must_use]
    pub fn of_option(value: &OptionValue) -> Self {
        match value {
            OptionValue::Number(number) => Value::Number(Decimal::from(*number)),
            OptionValue::Choice(id) => Value::Name(id.clone()),
        }
    }

    /// The number, if this is one.
    #[must_use]
    pub fn number(&self) -> Option<Decimal> {
        match self {
            Value::Number(number) => Some(*number),
            _ => None,
        }
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Number(number) => write!(f, "{}", number.normalize()),
            Value::Name(name) => write!(f, "{name}"),
            Value::Bool(value) => write!(f, "{value}"),
        }
    }
}

/// A checked expression: every name resolved, every operation on the right kind of value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expr {
    /// A literal number, name or truth value.
    Literal(Value),
    /// The value of an option.
    Option(OptionId),
    /// A derived value, by name and with its expression (derived values are acyclic).
    Derived(OptionId, Box<Expr>),
    /// True when the inner condition is false.
    Not(Box<Expr>),
    /// True when every part is.
    All(Vec<Expr>),
    /// True when some part is.
    Any(Vec<Expr>),
    /// A comparison of two numbers (any operator) or two names (`=`, `!=`).
    Compare(CompareOp, Box<Expr>, Box<Expr>),
    /// True when the value equals one of the listed ones.
    In(Box<Expr>, Vec<Expr>),
    /// Arithmetic on two numbers.
    Arith(ArithOp, Box<Expr>, Box<Expr>),
    /// The number with its sign changed.
    Negate(Box<Expr>),
    /// The smallest of the numbers.
    Min(Vec<Expr>),
    /// The largest of the numbers.
    Max(Vec<Expr>),
    /// Rounded down to a whole number.
    Floor(Box<Expr>),
    /// Rounded up to a whole number.
    Ceil(Box<Expr>),
    /// Rounded half away from zero to this many decimals.
    Round(Box<Expr>, u32),
    /// The second value when the condition holds, else the third.
    If(Box<Expr>, Box<Expr>, Box<Expr>),
}

impl Expr {
    /// The value, reading options with `value_of`; `None` when an option read has no value or
    /// a division by zero or an overflow happens on the way.
    pub fn eval(&self, value_of: &dyn Fn(&OptionId) -> Option<OptionValue>) -> Option<Value> {
        let number = |expr: &Expr| expr.eval(value_of).and_then(|value| value.number());
        match self {
            Expr::Literal(value) => Some(value.clone()),
            Expr::Option(option) => value_of(option).map(|value| Value::of_option(&value)),
            Expr::Derived(_, expr) => expr.eval(value_of),
            Expr::Not(inner) => match inner.eval(value_of)? {
                Value::Bool(value) => Some(Value::Bool(!value)),
                _ => None,
            },
            Expr::All(parts) => logic(parts, value_of, false),
            Expr::Any(parts) => logic(parts, value_of, true),
            Expr::Compare(op, left, right) => {
                let (left, right) = (left.eval(value_of)?, right.eval(value_of)?);
                let order = match (&left, &right) {
                    (Value::Number(a), Value::Number(b)) => a.cmp(b),
                    _ => {
                        return match op {
                            CompareOp::Eq => Some(Value::Bool(left == right)),
                            CompareOp::Ne => Some(Value::Bool(left != right)),
                            _ => None,
                        };
                    }
                };
                Some(Value::Bool(match op {
                    CompareOp::Eq => order.is_eq(),
                    CompareOp::Ne => order.is_ne(),
                    CompareOp::Lt => order.is_lt(),
                    CompareOp::Le => order.is_le(),
                    CompareOp::Gt => order.is_gt(),
                    CompareOp::Ge => order.is_ge(),
                }))
            }
            Expr::In(value, items) => {
                let value = value.eval(value_of)?;
                let mut found = false;
                for item in items {
                    found |= item.eval(value_of)? == value;
                }
                Some(Value::Bool(found))
            }
            Expr::Arith(op, left, right) => {
                let (a, b) = (number(left)?, number(right)?);
                let result = match op {
                    ArithOp::Add => a.checked_add(b),
                    ArithOp::Sub => a.checked_sub(b),
                    ArithOp::Mul => a.checked_mul(b),
                    ArithOp::Div => a.checked_div(b),
                }?;
                Some(Value::Number(result.normalize()))
            }
            Expr::Negate(inner) => Some(Value::Number(-number(inner)?)),
            Expr::Min(parts) | Expr::Max(parts) => {
                let mut best: Option<Decimal> = None;
                for part in parts {
                    let next = number(part)?;
                    best = Some(match (best, self) {
                        (None, _) => next,
                        (Some(best), Expr::Min(_)) => best.min(next),
                        (Some(best), _) => best.max(next),
                    });
                }
                best.map(Value::Number)
            }
            Expr::Floor(inner) => Some(Value::Number(number(inner)?.floor())),
            Expr::Ceil(inner) => Some(Value::Number(number(inner)?.ceil())),
            Expr::Round(inner, decimals) => Some(Value::Number(
                number(inner)?
                    .round_dp_with_strategy(*decimals, RoundingStrategy::MidpointAwayFromZero),
            )),
            Expr::If(condition, then, otherwise) => match condition.eval(value_of)? {
                Value::Bool(true) => then.eval(value_of),
                Value::Bool(false) => otherwise.eval(value_of),
                _ => None,
            },
        }
    }

    /// The options the expression reads (through derived values too), each once, in first-read
    /// order.
    #[must_use]
    pub fn options(&self) -> Vec<OptionId> {
        let mut found = Vec::new();
        self.collect_options(&mut found);
        found
    }

    fn collect_options(&self, found: &mut Vec<OptionId>) {
        match self {
            Expr::Literal(_) => {}
            Expr::Option(option) => {
                if !found.contains(option) {
                    found.push(option.clone());
                }
            }
            Expr::Derived(_, inner)
            | Expr::Not(inner)
            | Expr::Negate(inner)
            | Expr::Floor(inner)
            | Expr::Ceil(inner)
            | Expr::Round(inner, _) => inner.collect_options(found),
            Expr::All(parts) | Expr::Any(parts) | Expr::Min(parts) | Expr::Max(parts) => {
                for part in parts {
                    part.collect_options(found);
                }
            }
            Expr::Compare(_, a, b) | Expr::Arith(_, a, b) => {
                a.collect_options(found);
                b.collect_options(found);
            }
            Expr::In(value, items) => {
                value.collect_options(found);
                for item in items {
                    item.collect_options(found);
                }
            }
            Expr::If(a, b, c) => {
                a.collect_options(found);
                b.collect_options(found);
                c.collect_options(found);
            }
        }
    }

    /// Nodes in the tree, derived values counted in full.
    #[must_use]
    pub fn size(&self) -> usize {
        1 + match self {
            Expr::Literal(_) | Expr::Option(_) => 0,
            Expr::Derived(_, inner)
            | Expr::Not(inner)
            | Expr::Negate(inner)
            | Expr::Floor(inner)
            | Expr::Ceil(inner)
            | Expr::Round(inner, _) => inner.size(),
            Expr::All(parts) | Expr::Any(parts) | Expr::Min(parts) | Expr::Max(parts) => {
                parts.iter().map(Expr::size).sum()
            }
            Expr::Compare(_, a, b) | Expr::Arith(_, a, b) => a.size() + b.size(),
            Expr::In(value, items) => value.size() + items.iter().map(Expr::size).sum::<usize>(),
            Expr::If(a, b, c) => a.size() + b.size() + c.size(),
        }
    }
}

/// `all` (`stop_at` false) or `any` (`stop_at` true): decided by the first part equal to
/// `stop_at`; without one, no value when some part has none.
fn logic(
    parts: &[Expr],
    value_of: &dyn Fn(&OptionId) -> Option<OptionValue>,
    stop_at: bool,
) -> Option<Value> {
    let mut unknown = false;
    for part in parts {
        match part.eval(value_of) {
            Some(Value::Bool(value)) if value == stop_at => return Some(Value::Bool(stop_at)),
            Some(Value::Bool(_)) => {}
            _ => unknown = true,
        }
    }
    (!unknown).then_some(Value::Bool(!stop_at))
}

/// A condition written as an expression, with its text for messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expression {
    /// The text as written in the catalog.
    pub source: String,
    /// The checked tree.
    pub expr: Expr,
}

impl Expression {
    /// Whether the condition holds; false when it has no value.
    pub fn holds(&self, value_of: &dyn Fn(&OptionId) -> Option<OptionValue>) -> bool {
        self.expr.eval(value_of) == Some(Value::Bool(true))
    }

    /// The condition's outcome; `None` when an option it needs has no value.
    pub fn outcome(&self, value_of: &dyn Fn(&OptionId) -> Option<OptionValue>) -> Option<bool> {
        match self.expr.eval(value_of)? {
            Value::Bool(value) => Some(value),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests;
