//! A product's `personalization` list exactly as written (RON), before any check: see the
//! README section "Personalization: Text and Image options".

use super::raw_condition::RawCondition;
use crate::domain::catalog::EngravingFont;
use crate::domain::values::money::decimal_number;
use rust_decimal::Decimal;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) enum RawPersonal {
    Text {
        id: String,
        label: String,
        part: String,
        max_chars: u32,
        #[serde(default = "one_line")]
        max_lines: u32,
        allowed: Vec<RawCharSet>,
        fonts: Vec<EngravingFont>,
        colours: Vec<(String, String)>,
        price: RawPersonalPrice,
        #[serde(default)]
        code: String,
        #[serde(default)]
        when: Option<RawCondition>,
    },
    Image {
        id: String,
        label: String,
        part: String,
        min_px: (u32, u32),
        aspect: (u32, u32),
        #[serde(default = "default_tolerance")]
        aspect_tolerance_percent: u32,
        price: RawPersonalPrice,
        #[serde(default)]
        code: String,
        #[serde(default)]
        when: Option<RawCondition>,
    },
}

fn one_line() -> u32 {
    1
}

fn default_tolerance() -> u32 {
    5
}

#[derive(Debug, Deserialize)]
pub(crate) enum RawCharSet {
    LatinLetters,
    Digits,
    Punctuation,
    Chars(String),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) enum RawPersonalPrice {
    Flat(#[serde(with = "decimal_number")] Decimal),
    PerChar {
        #[serde(with = "decimal_number")]
        amount: Decimal,
        #[serde(default)]
        free: u32,
    },
}
