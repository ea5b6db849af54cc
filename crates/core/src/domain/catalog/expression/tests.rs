//! Evaluation with hand-computed values, and the checks that turn text into typed trees.

use super::*;
use crate::domain::catalog::{ChoiceValue, OptionDef, OptionDomain, RangeSpec, RangeUnit};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

fn options() -> Vec<OptionDef> {
    let choice = |id: &str, values: &[&str]| OptionDef {
        id: OptionId::from(id),
        label: id.to_owned(),
        domain: OptionDomain::Choice(
            values
                .iter()
                .map(|value| ChoiceValue {
                    id: ValueId::from(*value),
                    label: (*value).to_owned(),
                    price: Decimal::ZERO,
                    code: value.to_uppercase(),
                    colour: None,
                    group: None,
                })
                .collect(),
        ),
        default: OptionValue::Choice(ValueId::from(values[0])),
        visible_when: None,
    };
    vec![
        OptionDef {
            id: OptionId::from("width"),
            label: "Width".into(),
            domain: OptionDomain::Range(RangeSpec {
                min: 800,
                max: 3000,
                step: 1,
                unit: RangeUnit::Mm,
                price_per_step: Decimal::ZERO,
                price_per_unit: Decimal::ZERO,
            }),
            default: OptionValue::Number(1200),
            visible_when: None,
        },
        choice("chaise", &["none", "left", "right"]),
        choice("fabric", &["wool", "dark-oak", "velvet"]),
    ]
}

fn condition(text: &str) -> Result<Expr, CheckError> {
    let syntax = parse(text).map_err(|error| CheckError {
        span: error.span,
        message: error.message,
        already_reported: false,
    })?;
    check_condition(
        &syntax,
        Names {
            options: &options(),
            derived: &[],
        },
    )
}

fn derived(
    text: &str,
    earlier: &[DerivedSource],
) -> (Expr, Option<std::collections::BTreeSet<ValueId>>) {
    check_derived(
        &parse(text).unwrap(),
        Names {
            options: &options(),
            derived: earlier,
        },
    )
    .unwrap()
}

fn config(width: i64, chaise: &str, fabric: &str) -> BTreeMap<OptionId, OptionValue> {
    BTreeMap::from([
        (OptionId::from("width"), OptionValue::Number(width)),
        (
            OptionId::from("chaise"),
            OptionValue::Choice(ValueId::from(chaise)),
        ),
        (
            OptionId::from("fabric"),
            OptionValue::Choice(ValueId::from(fabric)),
        ),
    ])
}

fn eval(expr: &Expr, values: &BTreeMap<OptionId, OptionValue>) -> Option<Value> {
    expr.eval(&|option| values.get(option).cloned())
}

fn number(text: &str) -> Value {
    Value::Number(text.parse().unwrap())
}

#[test]
fn and_or_not_and_in_follow_their_truth_tables() {
    let rule = condition("chaise = left and width < 2400").unwrap();
    assert_eq!(
        eval(&rule, &config(2399, "left", "wool")),
        Some(Value::Bool(true))
    );
    assert_eq!(
        eval(&rule, &config(2400, "left", "wool")),
        Some(Value::Bool(false))
    );
    assert_eq!(
        eval(&rule, &config(1000, "right", "wool")),
        Some(Value::Bool(false))
    );
    let rule = condition("not (chaise in [left, right]) or fabric = 'dark-oak'").unwrap();
    assert_eq!(
        eval(&rule, &config(1000, "none", "wool")),
        Some(Value::Bool(true))
    );
    assert_eq!(
        eval(&rule, &config(1000, "left", "wool")),
        Some(Value::Bool(false))
    );
    assert_eq!(
        eval(&rule, &config(1000, "left", "dark-oak")),
        Some(Value::Bool(true))
    );
    let rule = condition("all(width >= 1000, any(chaise = none, width > 2000))").unwrap();
    assert_eq!(
        eval(&rule, &config(1500, "left", "wool")),
        Some(Value::Bool(false))
    );
    assert_eq!(
        eval(&rule, &config(2001, "left", "wool")),
        Some(Value::Bool(true))
    );
}

#[test]
fn arithmetic_is_exact_and_rounds_as_documented() {
    let values = config(2450, "none", "wool");
    // 2450 / 600 = 4.0833…: floor 4, ceil 5, round 4; round to 2 decimals 4.08.
    let (floor, _) = derived("floor(width / 600)", &[]);
    assert_eq!(eval(&floor, &values), Some(number("4")));
    let (ceil, _) = derived("ceil(width / 600)", &[]);
    assert_eq!(eval(&ceil, &values), Some(number("5")));
    let (round, _) = derived("round(width / 600, 2)", &[]);
    assert_eq!(eval(&round, &values), Some(number("4.08")));
    // 2.5 rounds away from zero to 3; -2.5 to -3.
    let (half, _) = derived("round(width / 980)", &[]);
    assert_eq!(eval(&half, &values), Some(number("3")));
    let (negative, _) = derived("round(-width / 980)", &[]);
    assert_eq!(eval(&negative, &values), Some(number("-3")));
    let (mixed, _) = derived("max(2, min(width - 450, 1000) * 3 + 0.5)", &[]);
    assert_eq!(eval(&mixed, &values), Some(number("3000.5")));
    // 0.1 + 0.2 is exactly 0.3 in decimals.
    let exact = condition("0.1 + 0.2 = 0.3").unwrap();
    assert_eq!(eval(&exact, &values), Some(Value::Bool(true)));
    // Division by zero has no value, so a condition on it does not hold.
    let by_zero = condition("width / (width - 2450) > 1").unwrap();
    assert_eq!(eval(&by_zero, &values), None);
}

#[test]
fn derived_values_give_numbers_and_names_and_nest() {
    let (seats, kind) = derived("floor(width / 600)", &[]);
    assert_eq!(kind, None);
    let earlier = [DerivedSource {
        id: OptionId::from("seats"),
        checked: Some((seats, None)),
    }];
    let (group, names) = derived("if(seats >= 4 or fabric = velvet, 'B', A)", &earlier);
    assert_eq!(
        names,
        Some(
            [ValueId::from("A"), ValueId::from("B")]
                .into_iter()
                .collect()
        )
    );
    assert_eq!(
        eval(&group, &config(2400, "none", "wool")),
        Some(Value::Name(ValueId::from("B")))
    );
    assert_eq!(
        eval(&group, &config(2399, "none", "wool")),
        Some(Value::Name(ValueId::from("A")))
    );
    assert_eq!(
        group.options(),
        vec![OptionId::from("width"), OptionId::from("fabric")]
    );
}

#[test]
fn a_missing_value_makes_a_condition_unknown_unless_decided_without_it() {
    let rule = condition("chaise = left or width > 2000").unwrap();
    let only_width = BTreeMap::from([(OptionId::from("width"), OptionValue::Number(2500))]);
    assert_eq!(eval(&rule, &only_width), Some(Value::Bool(true)));
    let narrow = BTreeMap::from([(OptionId::from("width"), OptionValue::Number(1500))]);
    assert_eq!(eval(&rule, &narrow), None);
}

#[test]
fn type_mistakes_name_their_place() {
    let error = condition("chaise = lefty").unwrap_err();
    assert_eq!(error.message, "`lefty` is not a value of option `chaise`");
    assert_eq!(error.span.start, 9);
    let error = condition("chaise < 3").unwrap_err();
    assert_eq!(error.message, "option `chaise` is a choice, not a number");
    assert_eq!(error.span.start, 0);
    let error = condition("width = left").unwrap_err();
    assert_eq!(
        error.message,
        "`left` is not an option or derived value of this product"
    );
    assert_eq!(error.span.start, 8);
    let error = condition("widht < 2400").unwrap_err();
    assert_eq!(error.span.start, 0);
    let error = condition("fabric = 3").unwrap_err();
    assert_eq!(
        error.message,
        "option `fabric` is a choice and cannot be compared with a number"
    );
    let error = condition("width + 1").unwrap_err();
    assert!(
        error
            .message
            .starts_with("this is a value, not a condition")
    );
    let error = condition("width > 1 and sqrt(width) > 3").unwrap_err();
    assert_eq!(error.span.start, 14);
    assert!(error.message.starts_with("unknown function `sqrt`"));
}
