//! A product's shape: its dimensions (fixed or driven by an option), its appearance and the
//! asset paths it names, which must stay inside `assets/`.

use crate::domain::catalog::{
    Appearance, Colour, Dimension, MaterialSource, OptionDef, OptionDomain, RangeUnit,
};
use crate::domain::values::ids::{OptionId, ValueId};
use crate::domain::values::units::Mm;
use crate::storage::catalog::raw::{RawAppearance, RawDimension, RawMaterial};
use crate::storage::locate::Needle;
use std::collections::BTreeMap;

use super::Checker;

pub(super) fn validate_dimension(
    checker: &mut Checker<'_>,
    anchor: (Needle<'_>, usize),
    what: &str,
    raw: &RawDimension,
    options: &[OptionDef],
) -> Dimension {
    let place = vec![anchor, (Needle::Key(what), 0)];
    match raw {
        RawDimension::Fixed(size) => {
            checker.check_size(&place, what, *size);
            Dimension::Fixed(Mm(*size))
        }
        RawDimension::Option(option) if checker.derived_kind(option).is_some() => {
            if checker.derived_kind(option) == Some(Some(false)) {
                checker.report(
                    &place,
                    format!(
                        "{what} follows derived value `{option}`, which gives a name, not a number"
                    ),
                );
            }
            Dimension::Derived(OptionId(option.clone()))
        }
        RawDimension::Option(option) => {
            match options
                .iter()
                .find(|def| def.id.as_str() == option)
                .map(|def| &def.domain)
            {
                Some(OptionDomain::Range(range)) if range.unit == RangeUnit::Mm => {}
                Some(_) => checker.report(
                    &place,
                    format!("{what} follows option `{option}`, which is not a range in mm"),
                ),
                None => checker.report_missing_option(
                    &place,
                    option,
                    format!("{what} follows option `{option}`, which does not exist"),
                ),
            }
            Dimension::FromOption(OptionId(option.clone()))
        }
        RawDimension::ByChoice(option, sizes) => {
            let Some(def) = options.iter().find(|def| def.id.as_str() == option) else {
                checker.report_missing_option(
                    &place,
                    option,
                    format!("{what} follows option `{option}`, which does not exist"),
                );
                return Dimension::Fixed(Mm(1));
            };
            let OptionDomain::Choice(values) = &def.domain else {
                checker.report(
                    &place,
                    format!("{what} follows option `{option}`, which is not a choice"),
                );
                return Dimension::Fixed(Mm(1));
            };
            for value in values {
                if !sizes.contains_key(value.id.as_str()) {
                    checker.report(
                        &place,
                        format!(
                            "{what} gives no size for value `{}` of `{option}`",
                            value.id
                        ),
                    );
                }
            }
            let mut by_value = BTreeMap::new();
            for (value, size) in sizes {
                if !values.iter().any(|known| known.id.as_str() == value) {
                    checker.report(
                        &place,
                        format!("{what} names `{value}`, which is not a value of `{option}`"),
                    );
                }
                checker.check_size(&place, what, *size);
                by_value.insert(ValueId(value.clone()), Mm(*size));
            }
            Dimension::ByChoice(OptionId(option.clone()), by_value)
        }
    }
}

pub(super) fn validate_appearance(
    checker: &mut Checker<'_>,
    anchor: (Needle<'_>, usize),
    raw: &RawAppearance,
    options: &[OptionDef],
) -> Appearance {
    let place = vec![anchor, (Needle::Key("appearance"), 0)];
    match raw {
        RawAppearance::Model(path) => {
            if let Err(reason) = check_asset_path(path) {
                checker.report(&place, format!("model path `{path}` {reason}"));
            }
            Appearance::Model { path: path.clone() }
        }
        RawAppearance::Shape { shape, materials } => {
            let mut checked = BTreeMap::new();
            for (slot, material) in materials {
                let source = match material {
                    RawMaterial::Colour(text) => match Colour::parse_hex(text) {
                        Some(colour) => MaterialSource::Colour(colour),
                        None => {
                            checker.report(
                                &place,
                                format!("material `{slot}`: `{text}` is not a #rrggbb colour"),
                            );
                            continue;
                        }
                    },
                    RawMaterial::Option(option) => {
                        match options.iter().find(|def| def.id.as_str() == option).map(|def| &def.domain) {
                            Some(OptionDomain::Choice(values)) => {
                                if let Some(value) = values.iter().find(|value| value.colour.is_none()) {
                                    checker.report(
                                        &place,
                                        format!(
                                            "material `{slot}` follows option `{option}`, but its value `{}` has no colour",
                                            value.id
                                        ),
                                    );
                                }
                            }
                            Some(OptionDomain::Range(_)) => checker.report(
                                &place,
                                format!("material `{slot}` follows option `{option}`, which is not a choice"),
                            ),
                            None => checker.report_missing_option(
                                &place,
                                option,
                                format!("material `{slot}` follows option `{option}`, which does not exist"),
                            ),
                        }
                        MaterialSource::FromOption(OptionId(option.clone()))
                    }
                };
                checked.insert(slot.clone(), source);
            }
            Appearance::Shape {
                shape: *shape,
                materials: checked,
            }
        }
    }
}

/// A model path must stay inside `assets/`: relative, no `..`, forward slashes, a glTF file.
pub(super) fn check_asset_path(path: &str) -> Result<(), &'static str> {
    if path.is_empty() || path.len() > 200 {
        return Err("must be 1 to 200 characters");
    }
    if path.starts_with('/') || path.contains('\\') || path.contains(':') {
        return Err("must be relative to the assets folder, with forward slashes");
    }
    if path
        .split('/')
        .any(|part| part == ".." || part.is_empty() || part == ".")
    {
        return Err("leaves or escapes the assets folder (no `..`, `.` or empty parts)");
    }
    if !(path.ends_with(".gltf") || path.ends_with(".glb")) {
        return Err("is not a glTF file (.gltf or .glb)");
    }
    Ok(())
}
