//! Rules: conditions naming options and values that exist, requires/excludes, and tables of
//! valid combinations.

use crate::domain::catalog::expression::{
    Expression, Names, Syntax, check_condition, check_derived, parse,
};
use crate::domain::catalog::{Condition, OptionDef, OptionDomain, Rule};
use crate::domain::values::ids::{OptionId, ValueId};
use crate::storage::catalog::raw::{RawCondition, RawRule, RawV1Condition};
use crate::storage::locate::Needle;
use std::collections::BTreeSet;

use super::{Checker, MAX_RULES};

/// Parses an expression's text, reporting a mistake at its place inside the string.
pub(super) fn parse_expression(
    checker: &mut Checker<'_>,
    place: &[(Needle<'_>, usize)],
    text: &str,
) -> Option<Syntax> {
    match parse(text) {
        Ok(syntax) => Some(syntax),
        Err(error) => {
            checker.report_in_expression(place, text, error.span.start, error.message);
            None
        }
    }
}

/// Checks an expression that must be a condition (`place` leads to its string).
pub(super) fn validate_expression(
    checker: &mut Checker<'_>,
    place: &[(Needle<'_>, usize)],
    text: &str,
    options: &[OptionDef],
) -> Option<Condition> {
    let syntax = parse_expression(checker, place, text)?;
    let derived = std::mem::take(&mut checker.derived);
    let names = Names {
        options,
        derived: &derived,
    };
    let checked = check_condition(&syntax, names);
    checker.derived = derived;
    match checked {
        Ok(expr) => Some(Condition::Expr(Expression {
            source: text.to_owned(),
            expr,
        })),
        Err(error) => {
            if !error.already_reported && !invalid_name(checker, &syntax, &error.message) {
                checker.report_in_expression(place, text, error.span.start, error.message);
            }
            None
        }
    }
}

/// Checks a derived value's expression: a number or a name, and the names it can give.
pub(super) fn validate_derived_expression(
    checker: &mut Checker<'_>,
    place: &[(Needle<'_>, usize)],
    text: &str,
    syntax: &Syntax,
    options: &[OptionDef],
) -> Option<(
    crate::domain::catalog::expression::Expr,
    Option<BTreeSet<ValueId>>,
)> {
    let derived = std::mem::take(&mut checker.derived);
    let checked = check_derived(
        syntax,
        Names {
            options,
            derived: &derived,
        },
    );
    checker.derived = derived;
    match checked {
        Ok(checked) => Some(checked),
        Err(error) => {
            if !error.already_reported && !invalid_name(checker, syntax, &error.message) {
                checker.report_in_expression(place, text, error.span.start, error.message);
            }
            None
        }
    }
}

/// True when the mistake is naming an option that was declared but is itself invalid (and
/// reported already).
fn invalid_name(checker: &Checker<'_>, _syntax: &Syntax, message: &str) -> bool {
    checker
        .invalid_options
        .iter()
        .any(|option| message.starts_with(&format!("`{option}` is not an option")))
}

pub(super) fn validate_condition(
    checker: &mut Checker<'_>,
    place: &[(Needle<'_>, usize)],
    raw: &RawCondition,
    options: &[OptionDef],
) -> Option<Condition> {
    let raw = match raw {
        RawCondition::Expr(text) => return validate_expression(checker, place, text, options),
        RawCondition::V1(raw) => raw,
    };
    let (option, needs_choice) = match raw {
        RawV1Condition::Is(option, _) | RawV1Condition::OneOf(option, _) => (option, true),
        RawV1Condition::AtLeast(option, _) | RawV1Condition::AtMost(option, _) => (option, false),
    };
    let mut option_place = place.to_vec();
    option_place.push((Needle::Quoted(option), 0));
    let Some(def) = options.iter().find(|def| def.id.as_str() == option) else {
        checker.report_missing_option(
            &option_place,
            option,
            format!("rule names option `{option}`, which does not exist"),
        );
        return None;
    };
    let is_choice = matches!(def.domain, OptionDomain::Choice(_));
    if needs_choice != is_choice {
        let expected = if is_choice {
            "Is or OneOf (it is a choice)"
        } else {
            "AtLeast or AtMost (it is a range)"
        };
        checker.report(
            &option_place,
            format!("option `{option}` must be tested with {expected}"),
        );
        return None;
    }
    let check_value = |checker: &mut Checker<'_>, value: &String| {
        if def.choice(&ValueId(value.clone())).is_none() {
            let mut value_place = option_place.clone();
            value_place.push((Needle::Quoted(value), 0));
            checker.report(
                &value_place,
                format!("rule names `{value}`, which is not a value of option `{option}`"),
            );
            false
        } else {
            true
        }
    };
    let id = OptionId(option.clone());
    match raw {
        RawV1Condition::Is(_, value) => {
            check_value(checker, value).then(|| Condition::Is(id, ValueId(value.clone())))
        }
        RawV1Condition::OneOf(_, values) => {
            let unknown = values
                .iter()
                .filter(|value| !check_value(checker, value))
                .count();
            if values.is_empty() {
                checker.report(&option_place, "OneOf needs at least one value");
                return None;
            }
            (unknown == 0)
                .then(|| Condition::OneOf(id, values.iter().map(|v| ValueId(v.clone())).collect()))
        }
        RawV1Condition::AtLeast(_, limit) => Some(Condition::AtLeast(id, *limit)),
        RawV1Condition::AtMost(_, limit) => Some(Condition::AtMost(id, *limit)),
    }
}

pub(super) fn validate_rules(
    checker: &mut Checker<'_>,
    anchor: (Needle<'_>, usize),
    raw: &[RawRule],
    options: &[OptionDef],
) -> Vec<Rule> {
    let rules_place = vec![anchor, (Needle::Key("rules"), 0)];
    if raw.len() > MAX_RULES {
        checker.report(
            &rules_place,
            format!("{} rules; a product has at most {MAX_RULES}", raw.len()),
        );
        return Vec::new();
    }
    let mut rules = Vec::new();
    for (index, rule) in raw.iter().enumerate() {
        let mut place = rules_place.clone();
        place.push((Needle::Key("message"), index));
        match rule {
            RawRule::Requires {
                when,
                then,
                message,
            }
            | RawRule::Excludes {
                when,
                then,
                message,
            } => {
                checker.check_text(&place, "rule message", message);
                let when = validate_condition(checker, &rules_place, when, options);
                let then = validate_condition(checker, &rules_place, then, options);
                if let (Some(when), Some(then)) = (when, then) {
                    let message = message.clone();
                    rules.push(match rule {
                        RawRule::Requires { .. } => Rule::Requires {
                            when,
                            then,
                            message,
                        },
                        _ => Rule::Excludes {
                            when,
                            then,
                            message,
                        },
                    });
                }
            }
            RawRule::Table {
                options: columns,
                rows,
                message,
            } => {
                checker.check_text(&place, "rule message", message);
                if let Some(table) = validate_table(checker, &rules_place, columns, rows, options) {
                    rules.push(Rule::Table {
                        options: table.0,
                        rows: table.1,
                        message: message.clone(),
                    });
                }
            }
        }
    }
    rules
}

pub(super) type Table = (Vec<OptionId>, Vec<Vec<ValueId>>);

pub(super) fn validate_table(
    checker: &mut Checker<'_>,
    place: &[(Needle<'_>, usize)],
    columns: &[String],
    rows: &[Vec<String>],
    options: &[OptionDef],
) -> Option<Table> {
    let before = checker.problems.len();
    if columns.is_empty() || rows.is_empty() {
        checker.report(place, "a Table rule needs at least one option and one row");
        return None;
    }
    let mut defs = Vec::new();
    for column in columns {
        let mut column_place = place.to_vec();
        column_place.push((Needle::Quoted(column), 0));
        match options.iter().find(|def| def.id.as_str() == column) {
            Some(def) if matches!(def.domain, OptionDomain::Choice(_)) => defs.push(def),
            Some(_) => checker.report(
                &column_place,
                format!("table option `{column}` is a range; tables take choices"),
            ),
            None => checker.report_missing_option(
                &column_place,
                column,
                format!("table names option `{column}`, which does not exist"),
            ),
        }
    }
    if checker.problems.len() > before {
        return None;
    }
    for row in rows {
        if row.len() != columns.len() {
            checker.report(
                place,
                format!(
                    "table row {:?} has {} values for {} options",
                    row,
                    row.len(),
                    columns.len()
                ),
            );
            continue;
        }
        for (value, def) in row.iter().zip(&defs) {
            if def.choice(&ValueId(value.clone())).is_none() {
                let mut value_place = place.to_vec();
                value_place.push((Needle::Quoted(value), 0));
                checker.report(
                    &value_place,
                    format!(
                        "table names `{value}`, which is not a value of option `{}`",
                        def.id
                    ),
                );
            }
        }
    }
    (checker.problems.len() == before).then(|| {
        (
            columns.iter().map(|c| OptionId(c.clone())).collect(),
            rows.iter()
                .map(|row| row.iter().map(|v| ValueId(v.clone())).collect())
                .collect(),
        )
    })
}
