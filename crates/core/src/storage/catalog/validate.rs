//! Turns a raw catalog into a validated [`Catalog`], collecting every problem with its place:
//! unknown or duplicate ids, empty domains, bad sizes, paths leaving `assets/`, defaults that
//! break a rule, products that cannot be configured at all.
//!
//! Here: the limits, the catalog header, each product's fields, placement and whether it can be
//! configured at all. Options, shape (dimensions and appearance), rules, and SKU and bill of
//! materials are checked in the submodules.

mod derived;
mod options;
mod personal;
mod price_tables;
mod rules;
mod shape;
mod sku_bom;

use super::raw::{RawCatalog, RawProduct};
use crate::domain::catalog::configuration::{
    ConfigurationEngine, MAX_COMBINATIONS, OversizedRule, oversized_rules,
};
use crate::domain::catalog::expression::DerivedSource;
use crate::domain::catalog::{Catalog, Clearance, Currency, OptionValue, Product, Size};
use crate::domain::values::ids::{CatalogId, OptionId, ProductId, is_valid_id};
use crate::domain::values::units::{MAX_SIZE_MM, Mm};
use crate::storage::error::{FileProblem, LoadError};
use crate::storage::locate::{Needle, SourceText};
use derived::validate_derived;
use options::{attach_visibility, validate_options};
use price_tables::{attach_groups, check_coverage, validate_price_groups, validate_prices};
use rules::validate_rules;
use rust_decimal::Decimal;
use shape::{validate_appearance, validate_dimension};
use sku_bom::{validate_bom, validate_sku};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Most products in one catalog.
const MAX_PRODUCTS: usize = 5_000;
/// Most options per product.
const MAX_OPTIONS: usize = 32;
/// Most values one choice option may offer.
const MAX_VALUES: usize = 500;
/// Most values one range option may offer (a made-to-measure width in 1 mm steps).
const MAX_RANGE_VALUES: usize = 10_000;
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
    /// Derived values of the current product checked so far, for expressions to name.
    derived: Vec<DerivedSource>,
    /// The catalog's price groups by name, with their rank (cheapest first).
    price_groups: BTreeMap<String, u16>,
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

    /// Reports a mistake at character `chars_in` of the expression `text`, a string found
    /// after `place`.
    fn report_in_expression(
        &mut self,
        place: &[(Needle<'_>, usize)],
        text: &str,
        chars_in: usize,
        message: impl Into<String>,
    ) {
        let (line, column) = self.source.locate_in_string(place, text, chars_in);
        self.problems.push(FileProblem {
            path: self.path.to_owned(),
            line,
            column,
            message: message.into(),
        });
    }

    /// Whether `name` is a derived value of the current product: `Some(Some(true))` for a
    /// number, `Some(Some(false))` for a name, `Some(None)` when it has a mistake (reported).
    fn derived_kind(&self, name: &str) -> Option<Option<bool>> {
        let derived = self.derived.iter().find(|d| d.id.as_str() == name)?;
        Some(derived.checked.as_ref().map(|(_, names)| names.is_none()))
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
        derived: Vec::new(),
        price_groups: BTreeMap::new(),
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
    checker.price_groups = validate_price_groups(&mut checker, &raw.price_groups);
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

    let mut options = validate_options(checker, anchor, raw);
    let derived = validate_derived(checker, anchor, &raw.derived, &options);
    attach_visibility(checker, anchor, raw, &mut options);
    attach_groups(checker, anchor, raw, &mut options);
    let size = Size {
        width: validate_dimension(checker, anchor, "width", &raw.width, &options),
        depth: validate_dimension(checker, anchor, "depth", &raw.depth, &options),
        height: validate_dimension(checker, anchor, "height", &raw.height, &options),
    };
    let appearance = validate_appearance(checker, anchor, &raw.appearance, &options);
    let rules = validate_rules(checker, anchor, &raw.rules, &options);
    let personalization =
        personal::validate_personal(checker, anchor, &raw.personalization, &options, &appearance);
    let personal_ids: Vec<&str> = personalization.iter().map(|def| def.id.as_str()).collect();
    let sku = validate_sku(
        checker,
        anchor,
        raw.sku.as_deref().unwrap_or(&raw.id),
        &options,
        &personal_ids,
    );
    let bom = validate_bom(checker, anchor, &raw.bom, &options);
    let prices = validate_prices(checker, anchor, &raw.prices, &options);
    if checker.problems.len() > before {
        return None;
    }
    let product = Product {
        derived,
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
        prices,
        vat_percent,
        sku,
        bom,
        personalization,
    };
    check_configurable(checker, anchor, &product);
    if checker.problems.len() == before {
        check_coverage(checker, anchor, &product);
    }
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
    for (index, rule) in product.rules.iter().enumerate() {
        if rule.options().is_empty() {
            checker.report(
                &[
                    anchor,
                    (Needle::Key("rules"), 0),
                    (Needle::Key("message"), index),
                ],
                format!(
                    "this rule of product `{}` reads no option: {}",
                    product.id,
                    rule.message()
                ),
            );
        }
    }
    for (oversized, combinations) in oversized_rules(product) {
        let (place, what) = match &oversized {
            OversizedRule::Rule(index) => (
                vec![
                    anchor,
                    (Needle::Key("rules"), 0),
                    (Needle::Key("message"), *index),
                ],
                "this rule".to_owned(),
            ),
            OversizedRule::Visibility(option) => (
                vec![
                    anchor,
                    (Needle::Key("options"), 0),
                    (Needle::KeyValue("id", option.as_str()), 0),
                    (Needle::Key("visible_when"), 0),
                ],
                format!("the visible_when of option `{option}`"),
            ),
        };
        checker.report(
            &place,
            format!(
                "{what} tells apart {combinations} combinations of values; at most {MAX_COMBINATIONS}: compare each option with fixed limits, or split the rule"
            ),
        );
    }
    let defaults: BTreeMap<OptionId, OptionValue> = product
        .options
        .iter()
        .map(|def| (def.id.clone(), def.default.clone()))
        .collect();
    let mut defaults_valid = true;
    for (index, rule) in product.rules.iter().enumerate() {
        let broken = !product.rule_holds(rule, &defaults);
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

#[cfg(test)]
mod tests;
