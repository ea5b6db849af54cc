//! Options: choice values (ids, names, price deltas, colours) and numeric ranges (bounds, step,
//! unit, per-length pricing), each checked with the default it names.

use crate::domain::catalog::{
    ChoiceValue, Colour, OptionDef, OptionDomain, OptionValue, RangeSpec, RangeUnit,
};
use crate::domain::values::ids::{OptionId, ValueId};
use crate::domain::values::units::MAX_SIZE_MM;
use crate::storage::catalog::raw::{RawOption, RawProduct};
use crate::storage::locate::Needle;
use std::collections::BTreeSet;

use super::derived::order_of;
use super::rules::validate_condition;
use super::{Checker, MAX_OPTIONS, MAX_RANGE_VALUES, MAX_VALUES, Place};

pub(super) fn validate_options(
    checker: &mut Checker<'_>,
    anchor: (Needle<'_>, usize),
    raw: &RawProduct,
) -> Vec<OptionDef> {
    if raw.options.len() > MAX_OPTIONS {
        checker.report(
            &[anchor, (Needle::Key("options"), 0)],
            format!(
                "{} options; a product has at most {MAX_OPTIONS}",
                raw.options.len()
            ),
        );
    }
    let mut seen = BTreeSet::new();
    let mut options = Vec::new();
    checker.invalid_options.clear();
    for option in raw.options.iter().take(MAX_OPTIONS) {
        let (id, label) = match option {
            RawOption::Choice { id, label, .. } | RawOption::Range { id, label, .. } => (id, label),
        };
        let place: Place<'_> = vec![
            anchor,
            (Needle::Key("options"), 0),
            (Needle::KeyValue("id", id), 0),
        ];
        checker.check_id(&place, "option id", id);
        checker.check_text(&place, &format!("label of option `{id}`"), label);
        if !seen.insert(id.clone()) {
            checker.report(
                &place,
                format!("option id `{id}` is used twice in product `{}`", raw.id),
            );
            continue;
        }
        match validate_option(checker, &place, option) {
            Some(def) => options.push(def),
            None => {
                checker.invalid_options.insert(id.clone());
            }
        }
    }
    options
}

pub(super) fn validate_option(
    checker: &mut Checker<'_>,
    place: &[(Needle<'_>, usize)],
    option: &RawOption,
) -> Option<OptionDef> {
    match option {
        RawOption::Choice {
            id,
            label,
            values,
            default,
            ..
        } => {
            if values.is_empty() {
                checker.report(place, format!("option `{id}` has no values to choose from"));
                return None;
            }
            if values.len() > MAX_VALUES {
                checker.report(
                    place,
                    format!("option `{id}` has more than {MAX_VALUES} values"),
                );
                return None;
            }
            let mut seen = BTreeSet::new();
            let mut choices = Vec::new();
            for value in values {
                let mut value_place = place.to_vec();
                value_place.push((Needle::KeyValue("id", &value.id), 0));
                checker.check_id(&value_place, "value id", &value.id);
                checker.check_text(
                    &value_place,
                    &format!("label of value `{}`", value.id),
                    &value.label,
                );
                checker.check_price(
                    &value_place,
                    &format!("price of value `{}`", value.id),
                    value.price,
                    true,
                );
                if !seen.insert(value.id.clone()) {
                    checker.report(
                        &value_place,
                        format!("value `{}` is listed twice in option `{id}`", value.id),
                    );
                }
                let colour = match &value.colour {
                    Some(text) => {
                        let parsed = Colour::parse_hex(text);
                        if parsed.is_none() {
                            checker.report(
                                &value_place,
                                format!(
                                    "colour `{text}` of value `{}` is not a #rrggbb colour",
                                    value.id
                                ),
                            );
                        }
                        parsed
                    }
                    None => None,
                };
                choices.push(ChoiceValue {
                    id: ValueId(value.id.clone()),
                    label: value.label.clone(),
                    price: value.price,
                    code: value
                        .code
                        .clone()
                        .unwrap_or_else(|| value.id.to_uppercase()),
                    colour,
                    group: None,
                });
            }
            let default = match default {
                Some(default) if !seen.contains(default) => {
                    checker.report(
                        place,
                        format!("default `{default}` is not a value of option `{id}`"),
                    );
                    return None;
                }
                Some(default) => ValueId(default.clone()),
                None => choices[0].id.clone(),
            };
            Some(OptionDef {
                visible_when: None,
                id: OptionId(id.clone()),
                label: label.clone(),
                domain: OptionDomain::Choice(choices),
                default: OptionValue::Choice(default),
            })
        }
        RawOption::Range {
            id,
            label,
            min,
            max,
            step,
            unit,
            default,
            price_per_step,
            price_per_mm,
            ..
        } => {
            if *step <= 0 {
                checker.report(
                    place,
                    format!("option `{id}` has step {step}; the step must be positive"),
                );
                return None;
            }
            if min > max {
                checker.report(
                    place,
                    format!("option `{id}` has min {min} above max {max}: no value is possible"),
                );
                return None;
            }
            if *unit == RangeUnit::Mm && (*min < 1 || *max > MAX_SIZE_MM) {
                checker.report(
                    place,
                    format!(
                        "option `{id}` runs from {min} to {max} mm; sizes are 1 to {MAX_SIZE_MM} mm"
                    ),
                );
                return None;
            }
            if *unit == RangeUnit::Count && (*min < 0 || *max > 1000) {
                checker.report(
                    place,
                    format!("option `{id}` counts from {min} to {max}; counts are 0 to 1000"),
                );
                return None;
            }
            if (max - min) % step != 0 {
                checker.report(
                    place,
                    format!("option `{id}`: max {max} is not a whole number of {step} steps above min {min}"),
                );
                return None;
            }
            if (max - min) / step >= MAX_RANGE_VALUES as i64 {
                checker.report(
                    place,
                    format!("option `{id}` has more than {MAX_RANGE_VALUES} values"),
                );
                return None;
            }
            checker.check_price(
                place,
                &format!("price_per_step of option `{id}`"),
                *price_per_step,
                true,
            );
            checker.check_price(
                place,
                &format!("price_per_mm of option `{id}`"),
                *price_per_mm,
                true,
            );
            let range = RangeSpec {
                min: *min,
                max: *max,
                step: *step,
                unit: *unit,
                price_per_step: *price_per_step,
                price_per_unit: *price_per_mm,
            };
            let default = default.unwrap_or(*min);
            if !range.allows(default) {
                checker.report(
                    place,
                    format!("default {default} of option `{id}` is not one of its values ({min} to {max} in steps of {step})"),
                );
                return None;
            }
            Some(OptionDef {
                visible_when: None,
                id: OptionId(id.clone()),
                label: label.clone(),
                domain: OptionDomain::Range(range),
                default: OptionValue::Number(default),
            })
        }
    }
}

/// Checks each option's `visible_when` (once the derived values it may name are checked) and
/// attaches it; an option whose visibility depends on itself, directly or through others, is
/// an error.
pub(super) fn attach_visibility(
    checker: &mut Checker<'_>,
    anchor: (Needle<'_>, usize),
    raw: &RawProduct,
    options: &mut [OptionDef],
) {
    let names: Vec<OptionDef> = options.to_vec();
    for option in raw.options.iter().take(MAX_OPTIONS) {
        let (id, visible_when) = match option {
            RawOption::Choice {
                id, visible_when, ..
            }
            | RawOption::Range {
                id, visible_when, ..
            } => (id, visible_when),
        };
        let Some(raw_condition) = visible_when else {
            continue;
        };
        let Some(at) = options.iter().position(|def| def.id.as_str() == id) else {
            continue;
        };
        let place: Place<'_> = vec![
            anchor,
            (Needle::Key("options"), 0),
            (Needle::KeyValue("id", id), 0),
            (Needle::Key("visible_when"), 0),
        ];
        options[at].visible_when = validate_condition(checker, &place, raw_condition, &names);
    }
    let deps: Vec<Vec<usize>> = options
        .iter()
        .map(|def| {
            def.visible_when
                .as_ref()
                .map_or_else(Vec::new, |condition| {
                    condition
                        .options()
                        .iter()
                        .filter_map(|read| options.iter().position(|other| &other.id == read))
                        .collect()
                })
        })
        .collect();
    let (_, cycles) = order_of(&deps);
    for cycle in cycles {
        let names: Vec<&str> = cycle.iter().map(|at| options[*at].id.as_str()).collect();
        let first = options[cycle[0]].id.as_str();
        checker.report(
            &[
                anchor,
                (Needle::Key("options"), 0),
                (Needle::KeyValue("id", first), 0),
                (Needle::Key("visible_when"), 0),
            ],
            format!(
                "whether option `{first}` shows depends on itself: {} → {first}",
                names.join(" → ")
            ),
        );
    }
}
