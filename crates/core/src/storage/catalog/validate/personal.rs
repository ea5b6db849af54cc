//! A product's personalization options (`Text` and `Image`): ids, the part they go on (one the
//! product's shape has), character sets, fonts, colours, sizes, prices and `when` conditions.

use super::Checker;
use super::rules::validate_condition;
use crate::domain::catalog::{
    Appearance, CharSet, Colour, ImageSpec, NamedColour, OptionDef, PersonalDef, PersonalKind,
    PersonalPrice, TextSpec,
};
use crate::domain::values::ids::is_valid_id;
use crate::storage::catalog::raw::RawCondition;
use crate::storage::catalog::raw_personal::{RawCharSet, RawPersonal, RawPersonalPrice};
use crate::storage::locate::Needle;

/// Most personalizations per product.
const MAX_PERSONAL: usize = 8;
/// Longest text a personalization may allow.
const MAX_CHARS: u32 = 200;
/// Most lines a text may have.
const MAX_LINES: u32 = 10;
/// Largest image side asked for, in pixels.
const MAX_PX: u32 = 20_000;
/// Largest aspect term and tolerance.
const MAX_ASPECT: u32 = 100;
const MAX_TOLERANCE_PERCENT: u32 = 50;

/// The fields both kinds share.
struct Common<'r> {
    id: &'r str,
    label: &'r str,
    part: &'r str,
    price: &'r RawPersonalPrice,
    code: &'r str,
    when: Option<&'r RawCondition>,
}

fn common(raw: &RawPersonal) -> Common<'_> {
    match raw {
        RawPersonal::Text {
            id,
            label,
            part,
            price,
            code,
            when,
            ..
        }
        | RawPersonal::Image {
            id,
            label,
            part,
            price,
            code,
            when,
            ..
        } => Common {
            id,
            label,
            part,
            price,
            code,
            when: when.as_ref(),
        },
    }
}

pub(super) fn validate_personal(
    checker: &mut Checker<'_>,
    anchor: (Needle<'_>, usize),
    raw: &[RawPersonal],
    options: &[OptionDef],
    appearance: &Appearance,
) -> Vec<PersonalDef> {
    let list_place = vec![anchor, (Needle::Key("personalization"), 0)];
    if raw.len() > MAX_PERSONAL {
        checker.report(
            &list_place,
            format!(
                "{} personalizations; a product offers at most {MAX_PERSONAL}",
                raw.len()
            ),
        );
        return Vec::new();
    }
    let mut defs = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for entry in raw {
        let fields = common(entry);
        let mut place = list_place.clone();
        place.push((Needle::KeyValue("id", fields.id), 0));
        let at = |key| {
            let mut inner = place.clone();
            inner.push((Needle::Key(key), 0));
            inner
        };
        if !is_valid_id(fields.id) {
            checker.report(
                &place,
                format!(
                    "personalization id `{}` is not a valid id: use 1 to 64 letters, digits, `-`, `_` or `.`",
                    fields.id
                ),
            );
        } else if seen.contains(&fields.id)
            || options.iter().any(|def| def.id.as_str() == fields.id)
        {
            checker.report(
                &place,
                format!(
                    "personalization id `{}` is already used by an option or personalization of this product",
                    fields.id
                ),
            );
        }
        seen.push(fields.id);
        checker.check_text(&at("label"), "personalization label", fields.label);
        check_part(checker, &at("part"), fields.part, appearance);
        let price = validate_price(checker, &at("price"), fields.price, entry);
        let when = fields
            .when
            .and_then(|condition| validate_condition(checker, &at("when"), condition, options));
        let kind = match entry {
            RawPersonal::Text {
                max_chars,
                max_lines,
                allowed,
                fonts,
                colours,
                ..
            } => PersonalKind::Text(validate_text(
                checker,
                &at,
                (*max_chars, *max_lines),
                allowed,
                fonts,
                colours,
            )),
            RawPersonal::Image {
                min_px,
                aspect,
                aspect_tolerance_percent,
                ..
            } => {
                for side in [min_px.0, min_px.1] {
                    if !(1..=MAX_PX).contains(&side) {
                        checker.report(
                            &at("min_px"),
                            format!("min_px {side} is not between 1 and {MAX_PX} pixels"),
                        );
                    }
                }
                for term in [aspect.0, aspect.1] {
                    if !(1..=MAX_ASPECT).contains(&term) {
                        checker.report(
                            &at("aspect"),
                            format!("aspect term {term} is not between 1 and {MAX_ASPECT}"),
                        );
                    }
                }
                if *aspect_tolerance_percent > MAX_TOLERANCE_PERCENT {
                    checker.report(
                        &at("aspect_tolerance_percent"),
                        format!(
                            "aspect_tolerance_percent {aspect_tolerance_percent} is above {MAX_TOLERANCE_PERCENT}"
                        ),
                    );
                }
                PersonalKind::Image(ImageSpec {
                    min_px: *min_px,
                    aspect: *aspect,
                    aspect_tolerance_percent: *aspect_tolerance_percent,
                })
            }
        };
        if fields.code.chars().count() > 32 || fields.code.chars().any(char::is_control) {
            checker.report(
                &at("code"),
                "SKU code must be at most 32 printable characters",
            );
        }
        defs.push(PersonalDef {
            id: fields.id.to_owned(),
            label: fields.label.to_owned(),
            part: fields.part.to_owned(),
            kind,
            price,
            code: fields.code.to_owned(),
            when,
        });
    }
    defs
}

fn check_part(
    checker: &mut Checker<'_>,
    place: &[(Needle<'_>, usize)],
    part: &str,
    appearance: &Appearance,
) {
    match appearance {
        Appearance::Model { .. } => checker.report(
            place,
            format!(
                "part `{part}`: the product is a glTF model, whose parts are unknown; personalization needs a Shape appearance"
            ),
        ),
        Appearance::Shape { shape, .. } => {
            let parts = shape.personal_parts();
            if !parts.contains(&part) {
                let offered = if parts.is_empty() {
                    "none".to_owned()
                } else {
                    parts.join(", ")
                };
                checker.report(
                    place,
                    format!("a {shape:?} has no part `{part}` to personalize (parts: {offered})"),
                );
            }
        }
    }
}

fn validate_price(
    checker: &mut Checker<'_>,
    place: &[(Needle<'_>, usize)],
    raw: &RawPersonalPrice,
    entry: &RawPersonal,
) -> PersonalPrice {
    match raw {
        RawPersonalPrice::Flat(amount) => {
            checker.check_price(place, "personalization price", *amount, false);
            PersonalPrice::Flat(*amount)
        }
        RawPersonalPrice::PerChar { amount, free } => {
            checker.check_price(place, "price per character", *amount, false);
            if matches!(entry, RawPersonal::Image { .. }) {
                checker.report(
                    place,
                    "an image is priced Flat(amount); PerChar is for texts",
                );
            }
            PersonalPrice::PerChar {
                amount: *amount,
                free: *free,
            }
        }
    }
}

fn validate_text<'n>(
    checker: &mut Checker<'_>,
    at: &dyn Fn(&'static str) -> Vec<(Needle<'n>, usize)>,
    (max_chars, max_lines): (u32, u32),
    allowed: &[RawCharSet],
    fonts: &[crate::domain::catalog::EngravingFont],
    colours: &[(String, String)],
) -> TextSpec {
    if !(1..=MAX_CHARS).contains(&max_chars) {
        checker.report(
            &at("max_chars"),
            format!("max_chars {max_chars} is not between 1 and {MAX_CHARS}"),
        );
    }
    if !(1..=MAX_LINES).contains(&max_lines) {
        checker.report(
            &at("max_lines"),
            format!("max_lines {max_lines} is not between 1 and {MAX_LINES}"),
        );
    }
    if allowed.is_empty() {
        checker.report(
            &at("allowed"),
            "no characters allowed: name at least one set",
        );
    }
    let allowed = allowed
        .iter()
        .map(|set| match set {
            RawCharSet::LatinLetters => CharSet::LatinLetters,
            RawCharSet::Digits => CharSet::Digits,
            RawCharSet::Punctuation => CharSet::Punctuation,
            RawCharSet::Chars(chars) => {
                if chars.is_empty() || chars.chars().count() > 200 {
                    checker.report(&at("allowed"), "Chars(...) needs 1 to 200 characters");
                } else if chars.chars().any(|c| c.is_control() || c == '\n') {
                    checker.report(
                        &at("allowed"),
                        "Chars(...) may not hold control characters or line breaks",
                    );
                }
                CharSet::Chars(chars.clone())
            }
        })
        .collect();
    if fonts.is_empty() {
        checker.report(&at("fonts"), "no fonts: offer Sans, SansBold or both");
    }
    let distinct: std::collections::BTreeSet<_> = fonts.iter().collect();
    if distinct.len() != fonts.len() {
        checker.report(&at("fonts"), "a font is listed twice");
    }
    if colours.is_empty() {
        checker.report(&at("colours"), "no colours: offer at least one");
    }
    let mut named = Vec::new();
    for (id, hex) in colours {
        let mut place: Vec<(Needle<'_>, usize)> = at("colours");
        place.push((Needle::Quoted(id), 0));
        if !is_valid_id(id) {
            checker.report(&place, format!("colour id `{id}` is not a valid id"));
        } else if named.iter().any(|known: &NamedColour| &known.id == id) {
            checker.report(&place, format!("colour `{id}` is listed twice"));
        }
        match Colour::parse_hex(hex) {
            Some(colour) => named.push(NamedColour {
                id: id.clone(),
                colour,
            }),
            None => checker.report(
                &place,
                format!("colour `{id}`: `{hex}` is not a #rrggbb colour"),
            ),
        }
    }
    TextSpec {
        max_chars,
        max_lines,
        allowed,
        fonts: fonts.to_vec(),
        colours: named,
    }
}

#[cfg(test)]
mod tests;
