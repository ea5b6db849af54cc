//! The catalog file exactly as written (RON), before any check: see the README for the format.

pub(crate) use super::raw_condition::{RawCondition, RawV1Condition};
use super::raw_prices::RawPriceTable;
use crate::domain::catalog::{ProductKind, RangeUnit, ShapeKind};
use crate::domain::values::date::IsoDate;
use crate::domain::values::money::decimal_number;
use rust_decimal::Decimal;
use serde::Deserialize;
use std::collections::BTreeMap;

/// A whole catalog file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Catalog")]
pub(crate) struct RawCatalog {
    /// The format version (first in the file); absent in version 1 catalogs.
    #[serde(default)]
    pub format_version: Option<u32>,
    pub id: String,
    pub name: String,
    pub version: String,
    #[serde(default)]
    pub price_date: Option<IsoDate>,
    pub currency: String,
    #[serde(default)]
    pub currency_decimals: Option<u32>,
    #[serde(with = "decimal_number")]
    pub vat_percent: Decimal,
    /// Price groups, cheapest first (see `raw_prices`).
    #[serde(default)]
    pub price_groups: Vec<String>,
    pub products: Vec<RawProduct>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Product")]
pub(crate) struct RawProduct {
    pub id: String,
    pub name: String,
    pub category: String,
    pub kind: ProductKind,
    pub width: RawDimension,
    pub depth: RawDimension,
    pub height: RawDimension,
    #[serde(default)]
    pub elevation: i64,
    pub appearance: RawAppearance,
    #[serde(default)]
    pub front_clearance: i64,
    #[serde(default)]
    pub stackable: bool,
    #[serde(default)]
    pub options: Vec<RawOption>,
    #[serde(default)]
    pub rules: Vec<RawRule>,
    #[serde(with = "decimal_number")]
    pub base_price: Decimal,
    #[serde(default)]
    pub prices: Vec<RawPriceTable>,
    #[serde(default, deserialize_with = "optional_decimal")]
    pub vat_percent: Option<Decimal>,
    #[serde(default)]
    pub sku: Option<String>,
    #[serde(default)]
    pub bom: Vec<RawBomLine>,
    #[serde(default)]
    pub derived: Vec<RawDerived>,
    #[serde(default)]
    pub personalization: Vec<super::raw_personal::RawPersonal>,
}

/// A derived value: `(id: "seats", label: "Seats", value: "floor(width / 600)", on_quote: true)`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Derived")]
pub(crate) struct RawDerived {
    pub id: String,
    pub label: String,
    pub value: String,
    #[serde(default)]
    pub on_quote: bool,
}

#[derive(Debug, Deserialize)]
pub(crate) enum RawDimension {
    Fixed(i64),
    Option(String),
    ByChoice(String, BTreeMap<String, i64>),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) enum RawAppearance {
    Model(String),
    Shape {
        shape: ShapeKind,
        #[serde(default)]
        materials: BTreeMap<String, RawMaterial>,
    },
}

#[derive(Debug, Deserialize)]
pub(crate) enum RawMaterial {
    Colour(String),
    Option(String),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) enum RawOption {
    Choice {
        id: String,
        label: String,
        values: Vec<RawValue>,
        #[serde(default)]
        default: Option<String>,
        #[serde(default)]
        visible_when: Option<RawCondition>,
    },
    Range {
        id: String,
        label: String,
        min: i64,
        max: i64,
        step: i64,
        #[serde(default = "default_unit")]
        unit: RangeUnit,
        #[serde(default)]
        default: Option<i64>,
        #[serde(default, with = "decimal_number")]
        price_per_step: Decimal,
        #[serde(default, with = "decimal_number")]
        price_per_mm: Decimal,
        #[serde(default)]
        visible_when: Option<RawCondition>,
    },
}

fn default_unit() -> RangeUnit {
    RangeUnit::Mm
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawValue {
    pub id: String,
    pub label: String,
    #[serde(default, with = "decimal_number")]
    pub price: Decimal,
    #[serde(default)]
    pub code: Option<String>,
    #[serde(default)]
    pub colour: Option<String>,
    #[serde(default)]
    pub group: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) enum RawRule {
    Requires {
        when: RawCondition,
        then: RawCondition,
        message: String,
    },
    Excludes {
        when: RawCondition,
        then: RawCondition,
        message: String,
    },
    Table {
        options: Vec<String>,
        rows: Vec<Vec<String>>,
        message: String,
    },
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) enum RawQuantity {
    Fixed(u32),
    Option(String),
    Steps {
        option: String,
        base: u32,
        per_step: u32,
    },
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawBomLine {
    pub part: String,
    pub description: String,
    pub quantity: RawQuantity,
    #[serde(default, with = "decimal_number")]
    pub unit_price: Decimal,
    #[serde(default)]
    pub when: Option<RawCondition>,
}

fn optional_decimal<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Decimal>, D::Error> {
    decimal_number::deserialize(deserializer).map(Some)
}
