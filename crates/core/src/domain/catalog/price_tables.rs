//! Price tables and price groups: a product's prices looked up by one to three keys (an option's
//! exact value, the price group of a fabric, the highest group across several material slots, a
//! band of widths), each row giving an amount or a percent surcharge.
//!
//! A key names an option or a derived value (`Option("seats")`, `Band("inner_width")`): a
//! derived number is read as a whole number (rounded half away from zero, as in dimensions and
//! SKU), a derived name as a value id. Group keys read options only: a derived price group is
//! keyed with `Option`, its cells the group names it gives.
//!
//! What a key reads from a configuration is decided in one place, [`key_input`]; a key naming an
//! option without a value (a hidden option), or a derived value reading one, gives no input, and
//! its table gives nothing.

use crate::domain::catalog::expression::Value;
use crate::domain::catalog::{Configuration, OptionDomain, OptionValue, Product, RangeUnit};
use crate::domain::values::ids::{OptionId, ValueId};
use rust_decimal::Decimal;

/// A price group of the catalog (`A`–`H`, `COM`, …), ranked in the order the catalog declares.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PriceGroup {
    /// Position in the catalog's `price_groups`: a higher rank is a dearer group.
    pub rank: u16,
    /// The group's name as written, e.g. `D` or `COM`.
    pub name: String,
}

/// What a price table looks up by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PriceKey {
    /// The exact value of an option or a derived value: a choice's value or a derived name, a
    /// range's number or a derived number.
    Option(OptionId),
    /// The price group of a choice option's value.
    Group(OptionId),
    /// The highest price group among the values of several choice options.
    HighestGroup(Vec<OptionId>),
    /// The band a range option's number or a derived number falls in.
    Band(OptionId),
}

impl PriceKey {
    /// The options or derived values the key names.
    #[must_use]
    pub fn options(&self) -> Vec<&OptionId> {
        match self {
            PriceKey::Option(option) | PriceKey::Group(option) | PriceKey::Band(option) => {
                vec![option]
            }
            PriceKey::HighestGroup(options) => options.iter().collect(),
        }
    }
}

/// What a configuration gives a key.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KeyInput {
    /// A choice's value.
    Value(ValueId),
    /// A number (range options; banded keys look up their band).
    Number(i64),
    /// A price group.
    Group(PriceGroup),
}

/// Numbers from `from` up to but not including `to`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Band {
    /// First number in the band.
    pub from: i64,
    /// First number after the band.
    pub to: i64,
}

impl Band {
    /// True when `number` lies in the band.
    #[must_use]
    pub fn contains(&self, number: i64) -> bool {
        self.from <= number && number < self.to
    }
}

/// What one row matches for one key.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum KeyCell {
    /// This choice value.
    Value(ValueId),
    /// This number.
    Number(i64),
    /// This price group (by name).
    Group(String),
    /// A number in this band.
    Band(Band),
}

impl KeyCell {
    /// True when the input matches the cell.
    #[must_use]
    pub fn matches(&self, input: &KeyInput) -> bool {
        match (self, input) {
            (KeyCell::Value(cell), KeyInput::Value(value)) => cell == value,
            (KeyCell::Number(cell), KeyInput::Number(number)) => cell == number,
            (KeyCell::Group(cell), KeyInput::Group(group)) => *cell == group.name,
            (KeyCell::Band(band), KeyInput::Number(number)) => band.contains(*number),
            _ => false,
        }
    }
}

/// The price a row gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PriceCell {
    /// An amount added to the unit price.
    Amount(Decimal),
    /// A surcharge in percent of the list price: the base price, the option prices and the
    /// amounts of all price tables (not other percentages, not priced parts).
    Percent(Decimal),
}

/// One row of a price table: a cell per key and the price.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PriceRow {
    /// What the row matches, one cell per key.
    pub cells: Vec<KeyCell>,
    /// The row's price.
    pub price: PriceCell,
}

/// A price table of a product.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PriceTable {
    /// Name shown in the price breakdown, e.g. `Upholstery`.
    pub label: String,
    /// What the rows are looked up by (1 to 3 keys).
    pub keys: Vec<PriceKey>,
    /// The priced rows; combinations without a row give nothing.
    pub rows: Vec<PriceRow>,
}

impl PriceTable {
    /// The inputs the configuration gives the keys; `None` when a key has none (a hidden
    /// option).
    #[must_use]
    pub fn inputs(
        &self,
        product: &Product,
        configuration: &Configuration,
    ) -> Option<Vec<KeyInput>> {
        self.keys
            .iter()
            .map(|key| key_input(product, key, configuration))
            .collect()
    }

    /// The first row matching these inputs.
    #[must_use]
    pub fn row_for(&self, inputs: &[KeyInput]) -> Option<&PriceRow> {
        self.rows.iter().find(|row| {
            row.cells.len() == inputs.len()
                && row
                    .cells
                    .iter()
                    .zip(inputs)
                    .all(|(cell, input)| cell.matches(input))
        })
    }

    /// The row this configuration uses, if any.
    #[must_use]
    pub fn lookup(&self, product: &Product, configuration: &Configuration) -> Option<&PriceRow> {
        self.row_for(&self.inputs(product, configuration)?)
    }

    /// The row's cells in words, e.g. `group D × 2000–2199 mm`.
    #[must_use]
    pub fn describe(&self, product: &Product, row: &PriceRow) -> String {
        let parts: Vec<String> = self
            .keys
            .iter()
            .zip(&row.cells)
            .map(|(key, cell)| self.describe_cell(product, key, cell))
            .collect();
        parts.join(" × ")
    }

    /// One cell in words: a value's label, `2000 mm`, `group D` or `2000–2199 mm`.
    #[must_use]
    pub fn describe_cell(&self, product: &Product, key: &PriceKey, cell: &KeyCell) -> String {
        describe_cell(product, key, cell)
    }
}

fn describe_cell(product: &Product, key: &PriceKey, cell: &KeyCell) -> String {
    let first = key
        .options()
        .first()
        .and_then(|option| product.option(option));
    match cell {
        KeyCell::Value(value) => first.map_or_else(
            || value.to_string(),
            |def| def.label_of(&OptionValue::Choice(value.clone())),
        ),
        KeyCell::Number(number) => first.map_or_else(
            || number.to_string(),
            |def| def.label_of(&OptionValue::Number(*number)),
        ),
        KeyCell::Group(group) => format!("group {group}"),
        KeyCell::Band(band) => {
            let unit = match first.map(|def| &def.domain) {
                Some(OptionDomain::Range(range)) if range.unit == RangeUnit::Count => "",
                _ => " mm",
            };
            format!("{}–{}{unit}", band.from, band.to - 1)
        }
    }
}

/// What `key` reads from a configuration: the one place a key's input is decided.
///
/// An option missing from the configuration takes its default, as everywhere in pricing. A key
/// naming a derived value reads its number (rounded to a whole number, half away from zero) or
/// its name; none when it reads a hidden option.
#[must_use]
pub fn key_input(
    product: &Product,
    key: &PriceKey,
    configuration: &Configuration,
) -> Option<KeyInput> {
    match key {
        PriceKey::Option(name) | PriceKey::Band(name) => {
            if product.option(name).is_none() {
                return derived_input(product, name, configuration);
            }
            match product.value_of(name, configuration)? {
                OptionValue::Choice(value) => Some(KeyInput::Value(value)),
                OptionValue::Number(number) => Some(KeyInput::Number(number)),
            }
        }
        PriceKey::Group(option) => group_of(product, option, configuration).map(KeyInput::Group),
        PriceKey::HighestGroup(options) => {
            // A slot without a value (hidden) takes no part; the catalog check makes sure every
            // value of these options has a group.
            options
                .iter()
                .filter_map(|option| group_of(product, option, configuration))
                .max()
                .map(KeyInput::Group)
        }
    }
}

/// The price group of a choice option's chosen value.
fn group_of(
    product: &Product,
    option: &OptionId,
    configuration: &Configuration,
) -> Option<PriceGroup> {
    let def = product.option(option)?;
    match product.value_of(option, configuration)? {
        OptionValue::Choice(value) => def.choice(&value)?.group.clone(),
        OptionValue::Number(_) => None,
    }
}

/// What a derived value gives a key: its number made whole, or its name.
fn derived_input(
    product: &Product,
    name: &OptionId,
    configuration: &Configuration,
) -> Option<KeyInput> {
    match product.derived_value(name, configuration)? {
        Value::Number(_) => product
            .derived_whole(name, configuration)
            .map(KeyInput::Number),
        Value::Name(value) => Some(KeyInput::Value(value)),
        Value::Bool(_) => None,
    }
}
