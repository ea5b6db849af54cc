//! Money and percentages as `Decimal`, with the one rounding rule used for every amount.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserializer, Serializer};

/// Rounds an amount to the currency's minor unit, halves away from zero (commercial rounding).
#[must_use]
pub fn round_money(amount: Decimal, decimals: u32) -> Decimal {
    amount.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero)
}

/// An amount with `decimals` places (rescaled, not rounded first) and thousands separators,
/// e.g. `12,345.60`, a negative one led by `minus`; zero never carries a sign.
#[must_use]
pub fn grouped_amount(value: Decimal, decimals: u32, minus: &str) -> String {
    let mut fixed = value.abs();
    fixed.rescale(decimals);
    let text = fixed.to_string();
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let mut grouped = String::new();
    for (index, digit) in whole.chars().enumerate() {
        if index > 0 && (whole.len() - index) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    let sign = if value.is_sign_negative() && !fixed.is_zero() {
        minus
    } else {
        ""
    };
    if fraction.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}.{fraction}")
    }
}

/// `amount * percent / 100`, unrounded.
#[must_use]
pub fn percent_of(amount: Decimal, percent: Decimal) -> Decimal {
    amount * percent / Decimal::ONE_HUNDRED
}

/// Serde for decimals written by hand: accepts `12`, `12.5` or `"12.50"`, writes a plain number
/// when it reads back identically, else a string.
pub mod decimal_number {
    use super::*;
    use std::str::FromStr;

    /// Writes the decimal.
    ///
    /// # Errors
    /// Those of the serializer.
    pub fn serialize<S: Serializer>(value: &Decimal, serializer: S) -> Result<S::Ok, S::Error> {
        let normalized = value.normalize();
        if normalized.scale() == 0
            && let Ok(whole) = i64::try_from(normalized.mantissa())
        {
            return serializer.serialize_i64(whole);
        }
        let text = normalized.to_string();
        match text.parse::<f64>() {
            Ok(float) if Decimal::from_str(&float.to_string()).ok() == Some(normalized) => {
                serializer.serialize_f64(float)
            }
            _ => serializer.serialize_str(&text),
        }
    }

    /// Reads a decimal from an integer, a float or a string.
    ///
    /// # Errors
    /// A value that is not a finite decimal number.
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Decimal, D::Error> {
        deserializer.deserialize_any(DecimalVisitor)
    }

    struct DecimalVisitor;

    impl serde::de::Visitor<'_> for DecimalVisitor {
        type Value = Decimal;

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a decimal number such as 12, 12.5 or \"12.50\"")
        }

        fn visit_i64<E: serde::de::Error>(self, value: i64) -> Result<Decimal, E> {
            Ok(Decimal::from(value))
        }

        fn visit_u64<E: serde::de::Error>(self, value: u64) -> Result<Decimal, E> {
            Ok(Decimal::from(value))
        }

        fn visit_f64<E: serde::de::Error>(self, value: f64) -> Result<Decimal, E> {
            if !value.is_finite() {
                return Err(E::custom("expected a finite number"));
            }
            Decimal::from_str(&value.to_string())
                .map_err(|_| E::custom(format!("{value} is out of range")))
        }

        fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<Decimal, E> {
            Decimal::from_str(value.trim())
                .map_err(|_| E::custom(format!("`{value}` is not a decimal number")))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn dec(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap_or_default()
    }

    #[test]
    fn rounding_is_half_away_from_zero_to_the_minor_unit() {
        assert_eq!(round_money(dec("2.345"), 2), dec("2.35"));
        assert_eq!(round_money(dec("2.344"), 2), dec("2.34"));
        assert_eq!(round_money(dec("-2.345"), 2), dec("-2.35"));
        assert_eq!(round_money(dec("1234.5"), 0), dec("1235"));
    }

    #[test]
    fn percent_of_is_exact() {
        assert_eq!(percent_of(dec("199.99"), dec("19")), dec("37.9981"));
    }
}
