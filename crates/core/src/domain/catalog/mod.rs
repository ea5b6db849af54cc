//! The validated catalog: products, their options, rules, pricing, SKU template and bill of
//! materials (here and in the small submodules), and the configuration engine that says which
//! option values a product can still take (`configuration`).
//!
//! Values of these types only come out of `storage::catalog_file`, which checks every
//! reference, so code using them may rely on ids resolving.

mod appearance;
mod derived;
pub mod expression;
mod options;
mod price_tables;
mod rules;

pub mod configuration;

pub use appearance::{Appearance, Colour, MaterialSource, ShapeKind};
pub use derived::{DerivedValue, same_value};
pub use options::{
    ChoiceValue, Configuration, OptionDef, OptionDomain, OptionValue, RangeSpec, RangeUnit,
};
pub use price_tables::{
    Band, KeyCell, KeyInput, PriceCell, PriceGroup, PriceKey, PriceRow, PriceTable, key_input,
};
pub use rules::{Condition, Rule};

use crate::domain::values::date::IsoDate;
use crate::domain::values::ids::{CatalogId, OptionId, ProductId, ValueId};
use crate::domain::values::units::Mm;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// A dealer's catalog as loaded from one file.
#[derive(Debug, Clone, PartialEq)]
pub struct Catalog {
    /// Stable id, referenced by layouts.
    pub id: CatalogId,
    /// Display name of the catalog (usually the manufacturer or dealer).
    pub name: String,
    /// Price-list version, e.g. `2026.1`.
    pub version: String,
    /// Date the price list took effect, printed on quotes.
    pub price_date: Option<IsoDate>,
    /// Currency of every price in the catalog.
    pub currency: Currency,
    /// Products in file order.
    pub products: Vec<Product>,
}

impl Catalog {
    /// The product with this id, if the catalog has it.
    #[must_use]
    pub fn product(&self, id: &ProductId) -> Option<&Product> {
        self.products.iter().find(|product| &product.id == id)
    }

    /// Category names in first-seen order.
    #[must_use]
    pub fn categories(&self) -> Vec<&str> {
        let mut seen: Vec<&str> = Vec::new();
        for product in &self.products {
            if !seen.contains(&product.category.as_str()) {
                seen.push(&product.category);
            }
        }
        seen
    }
}

/// An ISO 4217 currency with the number of decimals prices are rounded to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Currency {
    /// Three-letter code, e.g. `EUR`.
    pub code: String,
    /// Digits after the decimal point of the minor unit (2 for cents).
    pub decimals: u32,
}

/// Where and how a product is placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Deserialize)]
pub enum ProductKind {
    /// Stands on the floor (or on a product that allows stacking).
    Floor,
    /// Hangs on a wall at an elevation.
    WallMounted,
    /// A door set into a wall opening.
    Door,
    /// A window set into a wall opening.
    Window,
}

impl ProductKind {
    /// True for doors and windows, which live in wall openings instead of the floor.
    #[must_use]
    pub fn is_opening(self) -> bool {
        matches!(self, ProductKind::Door | ProductKind::Window)
    }
}

/// One dimension of a product: fixed, or driven by an option.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Dimension {
    /// Always this size.
    Fixed(Mm),
    /// The value of a numeric range option, in millimetres.
    FromOption(OptionId),
    /// A size per value of a choice option.
    ByChoice(OptionId, BTreeMap<ValueId, Mm>),
    /// A derived value, rounded to whole millimetres.
    Derived(OptionId),
}

/// Width (side to side), depth (back to front) and height of a product.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Size {
    /// Side-to-side size; for doors and windows the opening width.
    pub width: Dimension,
    /// Back-to-front size; for doors and windows the frame depth.
    pub depth: Dimension,
    /// Height; for doors and windows the opening height.
    pub height: Dimension,
}

/// Concrete dimensions of a configured product.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dimensions {
    /// Side-to-side size.
    pub width: Mm,
    /// Back-to-front size.
    pub depth: Mm,
    /// Height.
    pub height: Mm,
}

/// How quantities of a bill-of-materials line are computed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Quantity {
    /// Always this many.
    Fixed(u32),
    /// As many as the value of a numeric option (e.g. number of shelves).
    OptionValue(OptionId),
    /// As many as a derived value, rounded to a whole number (e.g. doors).
    Derived(OptionId),
    /// `base` plus `per_step` for every step a range option is above its minimum.
    Steps {
        /// The range option counted.
        option: OptionId,
        /// Quantity at the option's minimum.
        base: u32,
        /// Added per step above the minimum.
        per_step: u32,
    },
}

/// A part in a product's bill of materials.
#[derive(Debug, Clone, PartialEq)]
pub struct BomLine {
    /// Manufacturer's part number.
    pub part: String,
    /// What the part is.
    pub description: String,
    /// How many per product.
    pub quantity: Quantity,
    /// Price per part added to the product's price (zero when included in the base price).
    pub unit_price: Decimal,
    /// The part is only used when this holds.
    pub when: Option<Condition>,
}

/// One piece of an SKU template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SkuPiece {
    /// Literal text.
    Text(String),
    /// The code of the chosen value (choices) or the number (ranges).
    Option(OptionId),
    /// A derived value: its number or name.
    Derived(OptionId),
}

/// Extra floor space a product needs to be usable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Clearance {
    /// Free depth needed in front of the product (doors, drawers, seating).
    pub front: Mm,
}

/// A product of the catalog with everything needed to configure, price and place it.
#[derive(Debug, Clone, PartialEq)]
pub struct Product {
    /// Stable id within the catalog.
    pub id: ProductId,
    /// Display name.
    pub name: String,
    /// Category shown in the catalog browser.
    pub category: String,
    /// How the product is placed.
    pub kind: ProductKind,
    /// Dimensions, fixed or option-driven.
    pub size: Size,
    /// Default height of the product's underside above the floor (wall-mounted items).
    pub elevation: Mm,
    /// How the product looks in 3D.
    pub appearance: Appearance,
    /// Access space needed in front.
    pub clearance: Clearance,
    /// Other floor products may stand on top of this one.
    pub stackable: bool,
    /// Options in display order.
    pub options: Vec<OptionDef>,
    /// Rules every configuration must satisfy.
    pub rules: Vec<Rule>,
    /// Price of the product before options.
    pub base_price: Decimal,
    /// Price tables, summed (each adds the row the configuration uses).
    pub prices: Vec<PriceTable>,
    /// VAT rate in percent.
    pub vat_percent: Decimal,
    /// Article number template.
    pub sku: Vec<SkuPiece>,
    /// Parts the product is made of.
    pub bom: Vec<BomLine>,
    /// Values computed from the options, in file order (each reads only those before it).
    pub derived: Vec<DerivedValue>,
}

impl Product {
    /// The option with this id.
    #[must_use]
    pub fn option(&self, id: &OptionId) -> Option<&OptionDef> {
        self.options.iter().find(|option| &option.id == id)
    }

    /// Concrete dimensions for a full configuration.
    ///
    /// An option missing from `configuration` falls back to its default.
    #[must_use]
    pub fn dimensions(&self, configuration: &Configuration) -> Dimensions {
        Dimensions {
            width: self.resolve_dimension(&self.size.width, configuration),
            depth: self.resolve_dimension(&self.size.depth, configuration),
            height: self.resolve_dimension(&self.size.height, configuration),
        }
    }

    fn resolve_dimension(&self, dimension: &Dimension, configuration: &Configuration) -> Mm {
        match dimension {
            Dimension::Fixed(size) => *size,
            Dimension::FromOption(option) => match self.value_of(option, configuration) {
                Some(OptionValue::Number(number)) => Mm(number),
                _ => Mm(0),
            },
            Dimension::ByChoice(option, sizes) => match self.value_of(option, configuration) {
                Some(OptionValue::Choice(value)) => sizes.get(&value).copied().unwrap_or(Mm(0)),
                _ => Mm(0),
            },
            Dimension::Derived(id) => Mm(self.derived_whole(id, configuration).unwrap_or(0)),
        }
    }

    /// The chosen value of an option, or its default; `None` for an unknown option and for
    /// one hidden in this configuration (its `visible_when` fails).
    #[must_use]
    pub fn value_of(
        &self,
        option: &OptionId,
        configuration: &Configuration,
    ) -> Option<OptionValue> {
        let def = self.option(option)?;
        if let Some(condition) = &def.visible_when
            && !condition.holds(|other| self.value_of(other, configuration))
        {
            return None;
        }
        configuration
            .get(option)
            .cloned()
            .or_else(|| Some(def.default.clone()))
    }

    /// The article number of a configuration.
    #[must_use]
    pub fn sku_for(&self, configuration: &Configuration) -> String {
        let mut sku = String::new();
        for piece in &self.sku {
            match piece {
                SkuPiece::Text(text) => sku.push_str(text),
                SkuPiece::Option(option) => {
                    let code = match (self.option(option), self.value_of(option, configuration)) {
                        (Some(def), Some(value)) => def.code_of(&value),
                        _ => String::new(),
                    };
                    sku.push_str(&code);
                }
                SkuPiece::Derived(id) => sku.push_str(&self.derived_text(id, configuration)),
            }
        }
        sku
    }

    /// "Label: value label" for every option that shows, in display order, then for every
    /// derived value the catalog puts on the quote.
    #[must_use]
    pub fn option_summary(&self, configuration: &Configuration) -> Vec<String> {
        let options = self.options.iter().filter_map(|def| {
            let value = self.value_of(&def.id, configuration)?;
            Some(format!("{}: {}", def.label, def.label_of(&value)))
        });
        let derived = self
            .derived
            .iter()
            .filter(|derived| derived.on_quote)
            .filter_map(|derived| {
                let value = self.derived_value(&derived.id, configuration)?;
                Some(format!("{}: {value}", derived.label))
            });
        options.chain(derived).collect()
    }

    /// How many of a BOM line one product of this configuration needs (0 when its condition fails).
    #[must_use]
    pub fn bom_quantity(&self, line: &BomLine, configuration: &Configuration) -> u32 {
        if let Some(condition) = &line.when
            && !condition.holds(|option| self.value_of(option, configuration))
        {
            return 0;
        }
        match &line.quantity {
            Quantity::Fixed(count) => *count,
            Quantity::OptionValue(option) => match self.value_of(option, configuration) {
                Some(OptionValue::Number(number)) => u32::try_from(number).unwrap_or(0),
                _ => 0,
            },
            Quantity::Derived(id) => self
                .derived_whole(id, configuration)
                .and_then(|count| u32::try_from(count).ok())
                .unwrap_or(0),
            Quantity::Steps {
                option,
                base,
                per_step,
            } => {
                let steps = match (self.option(option), self.value_of(option, configuration)) {
                    (Some(def), Some(OptionValue::Number(number))) => def.steps_above_min(number),
                    _ => 0,
                };
                base.saturating_add(per_step.saturating_mul(steps))
            }
        }
    }
}

/// The catalogs a layout is checked and priced against.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CatalogSet {
    /// Loaded catalogs, in the order given.
    pub catalogs: Vec<Catalog>,
}

impl CatalogSet {
    /// The product with this id and the catalog it comes from (the first catalog that has it).
    #[must_use]
    pub fn product(&self, id: &ProductId) -> Option<(&Catalog, &Product)> {
        self.catalogs
            .iter()
            .find_map(|catalog| catalog.product(id).map(|product| (catalog, product)))
    }

    /// The catalog with this id.
    #[must_use]
    pub fn catalog(&self, id: &CatalogId) -> Option<&Catalog> {
        self.catalogs.iter().find(|catalog| &catalog.id == id)
    }
}
