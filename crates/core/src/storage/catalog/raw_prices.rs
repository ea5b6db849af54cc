//! A product's price tables exactly as written (RON), before any check.
//!
//! ```ron
//! prices: [
//!     Table(
//!         label: "Upholstery",
//!         keys: [Group("cover"), Band("width")],     // the last key heads the columns
//!         columns: ["1800..2000", "2000..2200"],      // bands: from..to (to not included)
//!         rows: [
//!             (["A"], [1490, 1590]),                  // the other keys' cells, then a price per column
//!             (["COM"], [990, "-"]),                  // "-": no price (must be unreachable)
//!         ],
//!     ),
//! ]
//! ```

use crate::domain::values::money::decimal_number;
use rust_decimal::Decimal;
use serde::Deserialize;
use std::str::FromStr;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) enum RawPriceTable {
    Table {
        label: String,
        keys: Vec<RawPriceKey>,
        columns: Vec<RawKeyCell>,
        rows: Vec<(Vec<RawKeyCell>, Vec<RawPriceCell>)>,
    },
}

#[derive(Debug, Deserialize)]
pub(crate) enum RawPriceKey {
    Option(String),
    Group(String),
    HighestGroup(Vec<String>),
    Band(String),
}

/// A key cell: a value id, a group name or a band as text, or a number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum RawKeyCell {
    Text(String),
    Number(i64),
}

impl std::fmt::Display for RawKeyCell {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RawKeyCell::Text(text) => write!(f, "{text}"),
            RawKeyCell::Number(number) => write!(f, "{number}"),
        }
    }
}

impl<'de> Deserialize<'de> for RawKeyCell {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = RawKeyCell;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a value id, a group, a band such as \"1800..2000\" or a whole number")
            }
            fn visit_i64<E: serde::de::Error>(self, value: i64) -> Result<RawKeyCell, E> {
                Ok(RawKeyCell::Number(value))
            }
            fn visit_u64<E: serde::de::Error>(self, value: u64) -> Result<RawKeyCell, E> {
                i64::try_from(value)
                    .map(RawKeyCell::Number)
                    .map_err(|_| E::custom(format!("{value} is too large")))
            }
            fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<RawKeyCell, E> {
                Ok(RawKeyCell::Text(value.to_owned()))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

/// A price cell: an amount (`1490`, `35.5`, `"35.50"`), a percent surcharge (`"12%"`) or no
/// price (`"-"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RawPriceCell {
    Amount(Decimal),
    Percent(Decimal),
    Nothing,
}

impl<'de> Deserialize<'de> for RawPriceCell {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = RawPriceCell;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(
                    "an amount such as 1490 or \"35.50\", a surcharge such as \"12%\", or \"-\"",
                )
            }
            fn visit_i64<E: serde::de::Error>(self, value: i64) -> Result<RawPriceCell, E> {
                decimal_number::deserialize(serde::de::value::I64Deserializer::<E>::new(value))
                    .map(RawPriceCell::Amount)
            }
            fn visit_u64<E: serde::de::Error>(self, value: u64) -> Result<RawPriceCell, E> {
                decimal_number::deserialize(serde::de::value::U64Deserializer::<E>::new(value))
                    .map(RawPriceCell::Amount)
            }
            fn visit_f64<E: serde::de::Error>(self, value: f64) -> Result<RawPriceCell, E> {
                decimal_number::deserialize(serde::de::value::F64Deserializer::<E>::new(value))
                    .map(RawPriceCell::Amount)
            }
            fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<RawPriceCell, E> {
                let text = value.trim();
                if text == "-" {
                    return Ok(RawPriceCell::Nothing);
                }
                let (number, percent) = match text.strip_suffix('%') {
                    Some(number) => (number.trim(), true),
                    None => (text, false),
                };
                let amount = Decimal::from_str(number).map_err(|_| {
                    E::custom(format!(
                        "`{value}` is not an amount (1490, \"35.50\"), a surcharge (\"12%\") or \"-\""
                    ))
                })?;
                Ok(if percent {
                    RawPriceCell::Percent(amount)
                } else {
                    RawPriceCell::Amount(amount)
                })
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}
