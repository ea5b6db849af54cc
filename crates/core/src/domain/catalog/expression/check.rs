//! Turns a syntax tree into a checked [`Expr`]: words become options, derived values or choice
//! values, and every operation is checked for the kind of value it takes (a choice compared
//! with one of its own values, numbers compared and added), with the place of each mistake.

use super::parse::{CompareOp, Span, Syntax};
use super::{Expr, Value};
use crate::domain::catalog::{OptionDef, OptionDomain};
use crate::domain::values::ids::{OptionId, ValueId};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use std::collections::BTreeSet;

/// A mistake found while checking, with its place in the expression's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckError {
    /// Where it is.
    pub span: Span,
    /// What is wrong.
    pub message: String,
    /// The mistake lies in a derived value this expression names, already reported there.
    pub already_reported: bool,
}

/// A derived value as the expressions after it see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DerivedSource {
    /// Its name.
    pub id: OptionId,
    /// Its checked expression and the names it can give (empty for a number); `None` when it
    /// failed its own check.
    pub checked: Option<(Expr, Option<BTreeSet<ValueId>>)>,
}

/// What words can name in an expression.
#[derive(Debug, Clone, Copy)]
pub struct Names<'a> {
    /// The product's options.
    pub options: &'a [OptionDef],
    /// The derived values checked so far.
    pub derived: &'a [DerivedSource],
}

/// Most nodes of one expression with its derived values written out.
const MAX_NODES: usize = 20_000;

/// The kind of value a (sub)expression gives.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Ty {
    Bool,
    Number,
    /// A choice or a named value: the names it can take and what it is, for messages.
    Names(BTreeSet<ValueId>, String),
    /// A word that names no option or derived value: a value, if its context takes one.
    Word(ValueId),
}

fn error(span: Span, message: impl Into<String>) -> CheckError {
    CheckError {
        span,
        message: message.into(),
        already_reported: false,
    }
}

/// Checks a condition: it must give true or false.
///
/// # Errors
/// The first mistake, with its place.
pub fn check_condition(syntax: &Syntax, names: Names<'_>) -> Result<Expr, CheckError> {
    let (expr, ty) = typed(syntax, names)?;
    want_bool(syntax, &ty)?;
    limit_size(syntax, &expr)?;
    Ok(expr)
}

/// Checks a derived value: it must give a number or a name; returns the names it can give
/// (`None` for a number).
///
/// # Errors
/// The first mistake, with its place.
pub fn check_derived(
    syntax: &Syntax,
    names: Names<'_>,
) -> Result<(Expr, Option<BTreeSet<ValueId>>), CheckError> {
    let (expr, ty) = typed(syntax, names)?;
    limit_size(syntax, &expr)?;
    match ty {
        Ty::Number => Ok((expr, None)),
        Ty::Names(values, _) => Ok((expr, Some(values))),
        Ty::Word(word) => Ok((expr, Some(BTreeSet::from([word])))),
        Ty::Bool => Err(error(
            syntax.span(),
            "a derived value is a number or a name, not a condition: use if(condition, a, b)",
        )),
    }
}

fn limit_size(syntax: &Syntax, expr: &Expr) -> Result<(), CheckError> {
    let size = expr.size();
    if size > MAX_NODES {
        return Err(error(
            syntax.span(),
            format!(
                "with its derived values written out the expression has {size} parts; at most {MAX_NODES}"
            ),
        ));
    }
    Ok(())
}

fn unknown_word(span: Span, word: &ValueId) -> CheckError {
    error(
        span,
        format!("`{word}` is not an option or derived value of this product"),
    )
}

fn want_bool(syntax: &Syntax, ty: &Ty) -> Result<(), CheckError> {
    match ty {
        Ty::Bool => Ok(()),
        Ty::Word(word) => Err(unknown_word(syntax.span(), word)),
        Ty::Number | Ty::Names(..) => Err(error(
            syntax.span(),
            "this is a value, not a condition: compare it, e.g. `width < 2400` or `arm = slim`",
        )),
    }
}

fn want_number(syntax: &Syntax, ty: &Ty) -> Result<(), CheckError> {
    match ty {
        Ty::Number => Ok(()),
        Ty::Word(word) => Err(unknown_word(syntax.span(), word)),
        Ty::Names(_, what) => Err(error(
            syntax.span(),
            format!("{what} is a choice, not a number"),
        )),
        Ty::Bool => Err(error(syntax.span(), "a condition is not a number")),
    }
}

/// Checks that `b` can be compared for equality with `a`.
fn comparable(a: (&Syntax, &Ty), b: (&Syntax, &Ty)) -> Result<(), CheckError> {
    match (a.1, b.1) {
        (Ty::Number, Ty::Number) | (Ty::Bool, Ty::Bool) => Ok(()),
        (Ty::Names(values, what), Ty::Word(word)) | (Ty::Word(word), Ty::Names(values, what)) => {
            let at = if matches!(a.1, Ty::Word(_)) { a.0 } else { b.0 };
            if values.contains(word) {
                Ok(())
            } else {
                Err(error(
                    at.span(),
                    format!("`{word}` is not a value of {what}"),
                ))
            }
        }
        (Ty::Names(..), Ty::Names(..)) => Ok(()),
        (Ty::Word(word), _) => Err(unknown_word(a.0.span(), word)),
        (_, Ty::Word(word)) => Err(unknown_word(b.0.span(), word)),
        (Ty::Names(_, what), Ty::Number) | (Ty::Number, Ty::Names(_, what)) => Err(error(
            b.0.span(),
            format!("{what} is a choice and cannot be compared with a number"),
        )),
        _ => Err(error(
            b.0.span(),
            "a condition can only be compared with another condition",
        )),
    }
}

fn typed(syntax: &Syntax, names: Names<'_>) -> Result<(Expr, Ty), CheckError> {
    let boxed = |syntax: &Syntax| typed(syntax, names).map(|(expr, ty)| (Box::new(expr), ty));
    match syntax {
        Syntax::Number(number, _) => Ok((Expr::Literal(Value::Number(*number)), Ty::Number)),
        Syntax::Bool(value, _) => Ok((Expr::Literal(Value::Bool(*value)), Ty::Bool)),
        Syntax::Word(word, span) => word_of(word, *span, names),
        Syntax::Not(inner, _) => {
            let (expr, ty) = boxed(inner)?;
            want_bool(inner, &ty)?;
            Ok((Expr::Not(expr), Ty::Bool))
        }
        Syntax::And(a, b, _) | Syntax::Or(a, b, _) => {
            let mut parts = Vec::new();
            for part in [a, b] {
                let (expr, ty) = typed(part, names)?;
                want_bool(part, &ty)?;
                parts.push(expr);
            }
            let is_and = matches!(syntax, Syntax::And(..));
            Ok((flatten(is_and, parts), Ty::Bool))
        }
        Syntax::Compare(op, a, b, _) => {
            let (left, left_ty) = boxed(a)?;
            let (right, right_ty) = boxed(b)?;
            if matches!(op, CompareOp::Eq | CompareOp::Ne) {
                comparable((a, &left_ty), (b, &right_ty))?;
            } else {
                want_number(a, &left_ty)?;
                want_number(b, &right_ty)?;
            }
            Ok((Expr::Compare(*op, left, right), Ty::Bool))
        }
        Syntax::In(value, items, _) => {
            let (left, left_ty) = boxed(value)?;
            if matches!(left_ty, Ty::Bool) {
                return Err(error(value.span(), "`in` takes a number or a choice"));
            }
            let mut checked = Vec::new();
            for item in items {
                let (expr, ty) = typed(item, names)?;
                comparable((value, &left_ty), (item, &ty))?;
                checked.push(expr);
            }
            Ok((Expr::In(left, checked), Ty::Bool))
        }
        Syntax::Arith(op, a, b, _) => {
            let (left, left_ty) = boxed(a)?;
            let (right, right_ty) = boxed(b)?;
            want_number(a, &left_ty)?;
            want_number(b, &right_ty)?;
            Ok((Expr::Arith(*op, left, right), Ty::Number))
        }
        Syntax::Negate(inner, _) => {
            let (expr, ty) = boxed(inner)?;
            want_number(inner, &ty)?;
            Ok((Expr::Negate(expr), Ty::Number))
        }
        Syntax::Call(name, name_span, args, span) => call(name, *name_span, args, *span, names),
    }
}

fn flatten(is_and: bool, parts: Vec<Expr>) -> Expr {
    let mut flat = Vec::new();
    for part in parts {
        match (is_and, part) {
            (true, Expr::All(inner)) | (false, Expr::Any(inner)) => flat.extend(inner),
            (_, other) => flat.push(other),
        }
    }
    if is_and {
        Expr::All(flat)
    } else {
        Expr::Any(flat)
    }
}

fn word_of(word: &str, span: Span, names: Names<'_>) -> Result<(Expr, Ty), CheckError> {
    if let Some(def) = names.options.iter().find(|def| def.id.as_str() == word) {
        let ty = match &def.domain {
            OptionDomain::Range(_) => Ty::Number,
            OptionDomain::Choice(values) => Ty::Names(
                values.iter().map(|value| value.id.clone()).collect(),
                format!("option `{word}`"),
            ),
        };
        return Ok((Expr::Option(def.id.clone()), ty));
    }
    if let Some(derived) = names.derived.iter().find(|d| d.id.as_str() == word) {
        let Some((expr, kind)) = &derived.checked else {
            return Err(CheckError {
                span,
                message: format!("derived value `{word}` has a mistake"),
                already_reported: true,
            });
        };
        let ty = match kind {
            None => Ty::Number,
            Some(values) => Ty::Names(values.clone(), format!("derived value `{word}`")),
        };
        return Ok((
            Expr::Derived(derived.id.clone(), Box::new(expr.clone())),
            ty,
        ));
    }
    let id = ValueId(word.to_owned());
    Ok((Expr::Literal(Value::Name(id.clone())), Ty::Word(id)))
}

const FUNCTIONS: &str = "all, any, not, if, min, max, floor, ceil, round";

fn call(
    name: &str,
    name_span: Span,
    args: &[Syntax],
    span: Span,
    names: Names<'_>,
) -> Result<(Expr, Ty), CheckError> {
    let count = |wanted: &str, ok: bool| {
        if ok {
            Ok(())
        } else {
            Err(error(
                span,
                format!("`{name}` takes {wanted}, not {}", args.len()),
            ))
        }
    };
    let mut checked = Vec::new();
    for arg in args {
        checked.push(typed(arg, names)?);
    }
    let numbers = |checked: &[(Expr, Ty)]| -> Result<Vec<Expr>, CheckError> {
        checked
            .iter()
            .zip(args)
            .map(|((expr, ty), arg)| want_number(arg, ty).map(|()| expr.clone()))
            .collect()
    };
    match name {
        "all" | "any" => {
            count("one condition or more", !args.is_empty())?;
            let mut parts = Vec::new();
            for ((expr, ty), arg) in checked.into_iter().zip(args) {
                want_bool(arg, &ty)?;
                parts.push(expr);
            }
            Ok((flatten(name == "all", parts), Ty::Bool))
        }
        "not" => {
            count("one condition", args.len() == 1)?;
            want_bool(&args[0], &checked[0].1)?;
            Ok((Expr::Not(Box::new(checked[0].0.clone())), Ty::Bool))
        }
        "min" | "max" => {
            count("one number or more", !args.is_empty())?;
            let parts = numbers(&checked)?;
            let expr = if name == "min" {
                Expr::Min(parts)
            } else {
                Expr::Max(parts)
            };
            Ok((expr, Ty::Number))
        }
        "floor" | "ceil" => {
            count("one number", args.len() == 1)?;
            let inner = Box::new(numbers(&checked)?.remove(0));
            let expr = if name == "floor" {
                Expr::Floor(inner)
            } else {
                Expr::Ceil(inner)
            };
            Ok((expr, Ty::Number))
        }
        "round" => {
            count(
                "a number and optionally a count of decimals",
                matches!(args.len(), 1 | 2),
            )?;
            let mut parts = numbers(&checked)?;
            let decimals = match args.get(1) {
                None => 0,
                Some(Syntax::Number(digits, _))
                    if digits.fract().is_zero() && *digits <= Decimal::from(10) =>
                {
                    digits.to_u32().unwrap_or(0)
                }
                Some(other) => {
                    return Err(error(
                        other.span(),
                        "the decimals of `round` are a whole number from 0 to 10",
                    ));
                }
            };
            Ok((Expr::Round(Box::new(parts.remove(0)), decimals), Ty::Number))
        }
        "if" => {
            count("a condition and two values", args.len() == 3)?;
            want_bool(&args[0], &checked[0].1)?;
            let (then_ty, else_ty) = (&checked[1].1, &checked[2].1);
            let ty = match (then_ty, else_ty) {
                (Ty::Number, Ty::Number) => Ty::Number,
                (Ty::Bool, Ty::Bool) => Ty::Bool,
                (Ty::Names(..) | Ty::Word(_), Ty::Names(..) | Ty::Word(_)) => {
                    let names_of = |ty: &Ty| match ty {
                        Ty::Names(values, _) => values.clone(),
                        Ty::Word(word) => BTreeSet::from([word.clone()]),
                        _ => BTreeSet::new(),
                    };
                    let mut all = names_of(then_ty);
                    all.extend(names_of(else_ty));
                    Ty::Names(all, "this value".to_owned())
                }
                _ => {
                    return Err(error(
                        args[2].span(),
                        "both values of `if` must be numbers, or both names",
                    ));
                }
            };
            let mut parts = checked.into_iter().map(|(expr, _)| Box::new(expr));
            let (Some(a), Some(b), Some(c)) = (parts.next(), parts.next(), parts.next()) else {
                return Err(error(span, "`if` takes a condition and two values"));
            };
            Ok((Expr::If(a, b, c), ty))
        }
        _ => Err(error(
            name_span,
            format!("unknown function `{name}`: use one of {FUNCTIONS}"),
        )),
    }
}
