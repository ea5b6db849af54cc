//! What a configured product is called and made of: the SKU template's placeholders and the
//! bill-of-materials lines with their quantities and conditions.

use crate::domain::catalog::{BomLine, OptionDef, OptionDomain, Quantity, SkuPiece};
use crate::domain::values::ids::OptionId;
use crate::storage::catalog::raw::{RawBomLine, RawQuantity};
use crate::storage::locate::Needle;

use super::rules::validate_condition;
use super::{Checker, MAX_BOM_LINES};

pub(super) fn validate_sku(
    checker: &mut Checker<'_>,
    anchor: (Needle<'_>, usize),
    template: &str,
    options: &[OptionDef],
) -> Vec<SkuPiece> {
    let place = vec![anchor, (Needle::Key("sku"), 0)];
    let mut pieces = Vec::new();
    let mut rest = template;
    while !rest.is_empty() {
        match rest.find('{') {
            Some(open) => {
                if open > 0 {
                    pieces.push(SkuPiece::Text(rest[..open].to_owned()));
                }
                let Some(close) = rest[open..].find('}') else {
                    checker.report(
                        &place,
                        format!("SKU template `{template}` has a `{{` without `}}`"),
                    );
                    return pieces;
                };
                let name = &rest[open + 1..open + close];
                if options.iter().any(|def| def.id.as_str() == name) {
                    pieces.push(SkuPiece::Option(OptionId(name.to_owned())));
                } else if checker.derived_kind(name).is_some() {
                    pieces.push(SkuPiece::Derived(OptionId(name.to_owned())));
                } else {
                    checker.report_missing_option(
                        &place,
                        name,
                        format!("SKU template names option `{name}`, which does not exist"),
                    );
                }
                rest = &rest[open + close + 1..];
            }
            None => {
                if rest.contains('}') {
                    checker.report(
                        &place,
                        format!("SKU template `{template}` has a `}}` without `{{`"),
                    );
                }
                pieces.push(SkuPiece::Text(rest.to_owned()));
                rest = "";
            }
        }
    }
    pieces
}

pub(super) fn validate_bom(
    checker: &mut Checker<'_>,
    anchor: (Needle<'_>, usize),
    raw: &[RawBomLine],
    options: &[OptionDef],
) -> Vec<BomLine> {
    let bom_place = vec![anchor, (Needle::Key("bom"), 0)];
    if raw.len() > MAX_BOM_LINES {
        checker.report(
            &bom_place,
            format!("{} BOM lines; at most {MAX_BOM_LINES}", raw.len()),
        );
        return Vec::new();
    }
    let mut lines = Vec::new();
    for line in raw {
        let mut place = bom_place.clone();
        place.push((Needle::KeyValue("part", &line.part), 0));
        checker.check_text(&place, "BOM part number", &line.part);
        checker.check_text(&place, "BOM description", &line.description);
        checker.check_price(
            &place,
            &format!("unit_price of part `{}`", line.part),
            line.unit_price,
            false,
        );
        let range_option = |checker: &mut Checker<'_>, option: &str| {
            let is_range = options.iter().any(|def| {
                def.id.as_str() == option && matches!(def.domain, OptionDomain::Range(_))
            });
            if !is_range {
                checker.report(
                    &place,
                    format!(
                        "quantity of part `{}` follows `{option}`, which is not a range option",
                        line.part
                    ),
                );
            }
            OptionId(option.to_owned())
        };
        let quantity = match &line.quantity {
            RawQuantity::Fixed(count) => Quantity::Fixed(*count),
            RawQuantity::Option(option) if checker.derived_kind(option).is_some() => {
                if checker.derived_kind(option) == Some(Some(false)) {
                    checker.report(
                        &place,
                        format!("quantity follows derived value `{option}`, which gives a name, not a number"),
                    );
                }
                Quantity::Derived(OptionId(option.clone()))
            }
            RawQuantity::Option(option) => Quantity::OptionValue(range_option(checker, option)),
            RawQuantity::Steps {
                option,
                base,
                per_step,
            } => Quantity::Steps {
                option: range_option(checker, option),
                base: *base,
                per_step: *per_step,
            },
        };
        let when = match &line.when {
            Some(condition) => match validate_condition(checker, &place, condition, options) {
                Some(valid) => Some(valid),
                None => continue,
            },
            None => None,
        };
        lines.push(BomLine {
            part: line.part.clone(),
            description: line.description.clone(),
            quantity,
            unit_price: line.unit_price,
            when,
        });
    }
    lines
}
