//! Turns a raw catalog into a validated [`Catalog`], collecting every problem with its place:
//! unknown or duplicate ids, empty domains, bad sizes, paths leaving `assets/`, defaults that
//! break a rule, products that cannot be configured at all.

use super::raw::{
    RawAppearance, RawBomLine, RawCatalog, RawCondition, RawDimension, RawMaterial, RawOption,
    RawProduct, RawQuantity, RawRule,
};
use crate::domain::catalog::configuration::ConfigurationEngine;
use crate::domain::catalog::{
    Appearance, BomLine, Catalog, ChoiceValue, Clearance, Colour, Condition, Currency, Dimension,
    MaterialSource, OptionDef, OptionDomain, OptionValue, Product, Quantity, RangeSpec, RangeUnit,
    Rule, Size, SkuPiece,
};
use crate::domain::values::ids::{CatalogId, OptionId, ProductId, ValueId, is_valid_id};
use crate::domain::values::units::{MAX_SIZE_MM, Mm};
use crate::storage::error::{FileProblem, LoadError};
use crate::storage::locate::{Needle, SourceText};
use rust_decimal::Decimal;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Most products in one catalog.
const MAX_PRODUCTS: usize = 5_000;
/// Most options per product.
const MAX_OPTIONS: usize = 32;
/// Most values one option may offer.
const MAX_VALUES: usize = 500;
/// Most rules per product.
const MAX_RULES: usize = 200;
/// Most bill-of-materials lines per product.
const MAX_BOM_LINES: usize = 200;
/// Largest price or price delta accepted.
const MAX_PRICE: i64 = 10_000_000;
/// Largest access space or mounting height.
const MAX_PLACEMENT_MM: i64 = 5_000;
/// Longest text field.
const MAX_TEXT: usize = 500;

/// A place in the file: a path of needles followed from the start.
type Place<'n> = Vec<(Needle<'n>, usize)>;

struct Checker<'a> {
    path: &'a Path,
    source: SourceText<'a>,
    problems: Vec<FileProblem>,
    /// Options of the current product that are declared but invalid: their own problem is
    /// reported once, so references to them are not reported again as missing.
    invalid_options: BTreeSet<String>,
}

impl Checker<'_> {
    fn report(&mut self, place: &[(Needle<'_>, usize)], message: impl Into<String>) {
        let (line, column) = self.source.locate(place);
        self.problems.push(FileProblem {
            path: self.path.to_owned(),
            line,
            column,
            message: message.into(),
        });
    }

    /// Reports a reference to an option that is not among the valid ones, unless the option
    /// was declared and already reported as invalid.
    fn report_missing_option(
        &mut self,
        place: &[(Needle<'_>, usize)],
        option: &str,
        message: String,
    ) {
        if !self.invalid_options.contains(option) {
            self.report(place, message);
        }
    }

    fn check_text(&mut self, place: &[(Needle<'_>, usize)], what: &str, text: &str) {
        if text.trim().is_empty() {
            self.report(place, format!("{what} is empty"));
        } else if text.chars().count() > MAX_TEXT {
            self.report(
                place,
                format!("{what} is longer than {MAX_TEXT} characters"),
            );
        }
    }

    fn check_id(&mut self, place: &[(Needle<'_>, usize)], what: &str, id: &str) {
        if !is_valid_id(id) {
            self.report(
                place,
                format!(
                    "{what} `{id}` is not a valid id: use 1 to 64 letters, digits, `-`, `_` or `.`"
                ),
            );
        }
    }

    fn check_price(
        &mut self,
        place: &[(Needle<'_>, usize)],
        what: &str,
        amount: Decimal,
        allow_negative: bool,
    ) {
        let limit = Decimal::from(MAX_PRICE);
        if amount.abs() > limit {
            self.report(
                place,
                format!("{what} {amount} is beyond the limit of {MAX_PRICE}"),
            );
        } else if !allow_negative && amount.is_sign_negative() && !amount.is_zero() {
            self.report(place, format!("{what} {amount} is negative"));
        }
    }

    fn check_size(&mut self, place: &[(Needle<'_>, usize)], what: &str, size: i64) {
        if !(1..=MAX_SIZE_MM).contains(&size) {
            self.report(
                place,
                format!("{what} {size} mm is impossible: sizes are 1 to {MAX_SIZE_MM} mm"),
            );
        }
    }
}

/// Validates a parsed catalog.
pub(super) fn validate(path: &Path, text: &str, raw: RawCatalog) -> Result<Catalog, LoadError> {
    let mut checker = Checker {
        path,
        source: SourceText::new(text),
        problems: Vec::new(),
        invalid_options: BTreeSet::new(),
    };
    let top = |key| vec![(Needle::Key(key), 0)];
    checker.check_id(&top("id"), "catalog id", &raw.id);
    checker.check_text(&top("name"), "catalog name", &raw.name);
    checker.check_text(&top("version"), "catalog version", &raw.version);
    if raw.currency.len() != 3 || !raw.currency.chars().all(|c| c.is_ascii_uppercase()) {
        checker.report(
            &top("currency"),
            format!(
                "currency `{}` is not a three-letter ISO code such as EUR",
                raw.currency
            ),
        );
    }
    let decimals = raw.currency_decimals.unwrap_or(2);
    if decimals > 4 {
        checker.report(
            &top("currency_decimals"),
            "currency_decimals must be 0 to 4",
        );
    }
    check_vat(&mut checker, &top("vat_percent"), raw.vat_percent);
    if raw.products.is_empty() {
        checker.report(&top("products"), "the catalog has no products");
    }
    if raw.products.len() > MAX_PRODUCTS {
        checker.report(
            &top("products"),
            format!(
                "{} products; a catalog holds at most {MAX_PRODUCTS}",
                raw.products.len()
            ),
        );
    }
    let mut products = Vec::new();
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for product in raw.products.iter().take(MAX_PRODUCTS) {
        let nth = *seen.get(product.id.as_str()).unwrap_or(&0);
        seen.insert(&product.id, nth + 1);
        let anchor = (Needle::KeyValue("id", &product.id), nth);
        if nth > 0 {
            checker.report(
                &[anchor],
                format!("product id `{}` is used twice", product.id),
            );
        }
        if let Some(valid) = validate_product(&mut checker, anchor, product, raw.vat_percent) {
            products.push(valid);
        }
    }
    if !checker.problems.is_empty() {
        return Err(LoadError::Invalid {
            problems: checker.problems,
        });
    }
    Ok(Catalog {
        id: CatalogId(raw.id),
        name: raw.name,
        version: raw.version,
        price_date: raw.price_date,
        currency: Currency {
            code: raw.currency,
            decimals,
        },
        products,
    })
}

fn check_vat(checker: &mut Checker<'_>, place: &[(Needle<'_>, usize)], vat: Decimal) {
    if vat.is_sign_negative() || vat > Decimal::ONE_HUNDRED {
        checker.report(place, format!("VAT rate {vat}% is not between 0 and 100"));
    }
}

fn validate_product(
    checker: &mut Checker<'_>,
    anchor: (Needle<'_>, usize),
    raw: &RawProduct,
    catalog_vat: Decimal,
) -> Option<Product> {
    let before = checker.problems.len();
    let at = |needle| vec![anchor, (needle, 0)];
    let label = format!("product `{}`", raw.id);
    checker.check_id(&[anchor], "product id", &raw.id);
    checker.check_text(
        &at(Needle::Key("name")),
        &format!("name of {label}"),
        &raw.name,
    );
    checker.check_text(
        &at(Needle::Key("category")),
        &format!("category of {label}"),
        &raw.category,
    );
    check_placement(
        checker,
        &at(Needle::Key("elevation")),
        "elevation",
        raw.elevation,
    );
    check_placement(
        checker,
        &at(Needle::Key("front_clearance")),
        "front_clearance",
        raw.front_clearance,
    );
    checker.check_price(
        &at(Needle::Key("base_price")),
        "base_price",
        raw.base_price,
        false,
    );
    if let Some(vat_percent) = raw.vat_percent {
        check_vat(checker, &at(Needle::Key("vat_percent")), vat_percent);
    }
    let vat_percent = raw.vat_percent.unwrap_or(catalog_vat);

    let options = validate_options(checker, anchor, raw);
    let size = Size {
        width: validate_dimension(checker, anchor, "width", &raw.width, &options),
        depth: validate_dimension(checker, anchor, "depth", &raw.depth, &options),
        height: validate_dimension(checker, anchor, "height", &raw.height, &options),
    };
    let appearance = validate_appearance(checker, anchor, &raw.appearance, &options);
    let rules = validate_rules(checker, anchor, &raw.rules, &options);
    let sku = validate_sku(
        checker,
        anchor,
        raw.sku.as_deref().unwrap_or(&raw.id),
        &options,
    );
    let bom = validate_bom(checker, anchor, &raw.bom, &options);
    if checker.problems.len() > before {
        return None;
    }
    let product = Product {
        id: ProductId(raw.id.clone()),
        name: raw.name.clone(),
        category: raw.category.clone(),
        kind: raw.kind,
        size,
        elevation: Mm(raw.elevation),
        appearance,
        clearance: Clearance {
            front: Mm(raw.front_clearance),
        },
        stackable: raw.stackable,
        options,
        rules,
        base_price: raw.base_price,
        vat_percent,
        sku,
        bom,
    };
    check_configurable(checker, anchor, &product);
    (checker.problems.len() == before).then_some(product)
}

fn check_placement(
    checker: &mut Checker<'_>,
    place: &[(Needle<'_>, usize)],
    what: &str,
    value: i64,
) {
    if !(0..=MAX_PLACEMENT_MM).contains(&value) {
        checker.report(
            place,
            format!("{what} {value} mm is not between 0 and {MAX_PLACEMENT_MM} mm"),
        );
    }
}

/// The defaults must satisfy every rule; valid defaults prove the product configurable, so the
/// solver is only asked whether any configuration exists when they do not.
fn check_configurable(checker: &mut Checker<'_>, anchor: (Needle<'_>, usize), product: &Product) {
    let defaults: BTreeMap<OptionId, OptionValue> = product
        .options
        .iter()
        .map(|def| (def.id.clone(), def.default.clone()))
        .collect();
    let mut defaults_valid = true;
    for (index, rule) in product.rules.iter().enumerate() {
        let broken = rule.check(|option| defaults.get(option).cloned()) == Some(false);
        if broken {
            defaults_valid = false;
            checker.report(
                &[
                    anchor,
                    (Needle::Key("rules"), 0),
                    (Needle::Key("message"), index),
                ],
                format!(
                    "the default options of product `{}` break this rule: {}",
                    product.id,
                    rule.message()
                ),
            );
        }
    }
    if defaults_valid {
        return;
    }
    match ConfigurationEngine::new(product).is_completable(&BTreeMap::new()) {
        Ok(true) => {}
        Ok(false) => checker.report(
            &[anchor],
            format!(
                "product `{}` has no valid configuration: its rules together forbid every combination",
                product.id
            ),
        ),
        Err(error) => checker.report(&[anchor], format!("product `{}`: {error}", product.id)),
    }
}

fn validate_options(
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

fn validate_option(
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
            if (max - min) / step >= MAX_VALUES as i64 {
                checker.report(
                    place,
                    format!("option `{id}` has more than {MAX_VALUES} values"),
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
                id: OptionId(id.clone()),
                label: label.clone(),
                domain: OptionDomain::Range(range),
                default: OptionValue::Number(default),
            })
        }
    }
}

fn validate_dimension(
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

fn validate_appearance(
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
fn check_asset_path(path: &str) -> Result<(), &'static str> {
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

fn validate_condition(
    checker: &mut Checker<'_>,
    place: &[(Needle<'_>, usize)],
    raw: &RawCondition,
    options: &[OptionDef],
) -> Option<Condition> {
    let (option, needs_choice) = match raw {
        RawCondition::Is(option, _) | RawCondition::OneOf(option, _) => (option, true),
        RawCondition::AtLeast(option, _) | RawCondition::AtMost(option, _) => (option, false),
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
        RawCondition::Is(_, value) => {
            check_value(checker, value).then(|| Condition::Is(id, ValueId(value.clone())))
        }
        RawCondition::OneOf(_, values) => {
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
        RawCondition::AtLeast(_, limit) => Some(Condition::AtLeast(id, *limit)),
        RawCondition::AtMost(_, limit) => Some(Condition::AtMost(id, *limit)),
    }
}

fn validate_rules(
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

type Table = (Vec<OptionId>, Vec<Vec<ValueId>>);

fn validate_table(
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

fn validate_sku(
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

fn validate_bom(
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

#[cfg(test)]
mod tests;
