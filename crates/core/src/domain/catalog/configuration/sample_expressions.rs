//! Random expression rules, derived values and visibility added to a random product, for the
//! property test: the solver compiles these through value blocks, enumeration evaluates them
//! directly, and the two must agree.

use super::sample::SampleRng;
use crate::domain::catalog::expression::{ArithOp, CompareOp, Expr, Expression, Value};
use crate::domain::catalog::{Condition, DerivedValue, OptionDef, OptionDomain, Product, Rule};
use crate::domain::values::ids::OptionId;
use rust_decimal::Decimal;

/// Adds to `product`: maybe a derived value, expression rules in place of some rules, and
/// `visible_when` on some options (reading only options before them, so never a cycle).
pub(super) fn add_expressions(product: &mut Product, rng: &mut SampleRng) {
    let options = product.options.clone();
    if rng.chance(60) {
        let expr = derived_expr(&options, rng);
        product.derived.push(DerivedValue {
            id: OptionId::from("d0"),
            label: "Derived".into(),
            source: format!("{expr:?}"),
            expr,
            on_quote: true,
        });
    }
    for rule in &mut product.rules {
        if !matches!(rule, Rule::Table { .. }) && rng.chance(60) {
            let when = condition(&options, &product.derived, rng);
            let then = condition(&options, &product.derived, rng);
            let message = rule.message().to_owned();
            *rule = if rng.chance(50) {
                Rule::Requires {
                    when,
                    then,
                    message,
                }
            } else {
                Rule::Excludes {
                    when,
                    then,
                    message,
                }
            };
        }
    }
    for at in 1..product.options.len() {
        if rng.chance(30) {
            let earlier = &options[..at];
            let visible = atom(&earlier[rng.below(earlier.len())], rng);
            product.options[at].visible_when = Some(wrap(visible));
        }
    }
}

fn wrap(expr: Expr) -> Condition {
    Condition::Expr(Expression {
        source: format!("{expr:?}"),
        expr,
    })
}

fn literal(number: i64) -> Box<Expr> {
    Box::new(Expr::Literal(Value::Number(Decimal::from(number))))
}

/// A condition on one option.
fn atom(option: &OptionDef, rng: &mut SampleRng) -> Expr {
    let read = Box::new(Expr::Option(option.id.clone()));
    match &option.domain {
        OptionDomain::Choice(values) => {
            let pick = values[rng.below(values.len())].id.clone();
            let op = if rng.chance(50) {
                CompareOp::Eq
            } else {
                CompareOp::Ne
            };
            Expr::Compare(op, read, Box::new(Expr::Literal(Value::Name(pick))))
        }
        OptionDomain::Range(range) => {
            let values = range.values();
            let limit = values[rng.below(values.len())];
            let op = [CompareOp::Lt, CompareOp::Le, CompareOp::Gt, CompareOp::Ge][rng.below(4)];
            Expr::Compare(op, read, literal(limit))
        }
    }
}

/// A number from the ranges (or a count of matching choices), e.g. `floor((o1 + o3) / 70)`.
fn derived_expr(options: &[OptionDef], rng: &mut SampleRng) -> Expr {
    let ranges: Vec<&OptionDef> = options
        .iter()
        .filter(|def| matches!(def.domain, OptionDomain::Range(_)))
        .collect();
    if ranges.is_empty() {
        let def = &options[rng.below(options.len())];
        return Expr::If(Box::new(atom(def, rng)), literal(2), literal(1));
    }
    let a = Box::new(Expr::Option(ranges[rng.below(ranges.len())].id.clone()));
    let b = Box::new(Expr::Option(ranges[rng.below(ranges.len())].id.clone()));
    let sum = Box::new(Expr::Arith(ArithOp::Add, a, b));
    let divisor = 50 + i64::try_from(rng.below(200)).unwrap_or(0);
    Expr::Floor(Box::new(Expr::Arith(ArithOp::Div, sum, literal(divisor))))
}

/// A condition over one to three options, possibly through the derived value.
fn condition(options: &[OptionDef], derived: &[DerivedValue], rng: &mut SampleRng) -> Condition {
    let pick = |rng: &mut SampleRng| atom(&options[rng.below(options.len())], rng);
    let expr = match rng.below(5) {
        0 => Expr::All(vec![pick(rng), pick(rng)]),
        1 => Expr::Any(vec![pick(rng), Expr::Not(Box::new(pick(rng)))]),
        2 => match derived.first() {
            Some(d) => Expr::Compare(
                [CompareOp::Le, CompareOp::Ge][rng.below(2)],
                Box::new(Expr::Derived(d.id.clone(), Box::new(d.expr.clone()))),
                literal(i64::try_from(rng.below(40)).unwrap_or(0)),
            ),
            None => pick(rng),
        },
        3 => Expr::All(vec![pick(rng), Expr::Any(vec![pick(rng), pick(rng)])]),
        _ => pick(rng),
    };
    wrap(expr)
}
