//! How amounts, percentages and dates read on the quote: `1,234.56`, `€ 1,234.56`, `19%`,
//! `22 November 2026`; negative amounts with a true minus sign.

use crate::domain::catalog::Currency;
use crate::domain::values::date::IsoDate;
use crate::domain::values::money::grouped_amount;
use rust_decimal::Decimal;

/// An amount with the currency's decimals and thousands separators, e.g. `12,345.60`.
pub(super) fn amount(value: Decimal, decimals: u32) -> String {
    grouped_amount(value, decimals, "−")
}

/// The currency's symbol where it has a common one, else its code.
pub(super) fn currency_symbol(currency: &Currency) -> &str {
    match currency.code.as_str() {
        "EUR" => "€",
        "GBP" => "£",
        "USD" => "$",
        code => code,
    }
}

/// An amount with its currency, e.g. `€ 1,234.56` or `CHF 1,234.56`.
pub(super) fn money(value: Decimal, currency: &Currency) -> String {
    format!(
        "{} {}",
        currency_symbol(currency),
        amount(value, currency.decimals)
    )
}

/// A percentage without trailing zeros, e.g. `19%` or `7.5%`.
pub(super) fn percent(value: Decimal) -> String {
    format!("{}%", value.normalize())
}

/// A date in words, e.g. `22 November 2026`.
pub(super) fn date(value: IsoDate) -> String {
    format!("{} {} {}", value.0.day(), value.0.month(), value.0.year())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn dec(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    #[test]
    fn amounts_are_grouped_and_padded() {
        assert_eq!(amount(dec("1234567.5"), 2), "1,234,567.50");
        assert_eq!(amount(dec("999"), 2), "999.00");
        assert_eq!(amount(dec("-116.97"), 2), "−116.97");
        assert_eq!(amount(dec("0"), 0), "0");
        let euro = Currency {
            code: "EUR".into(),
            decimals: 2,
        };
        assert_eq!(money(dec("14.5"), &euro), "€ 14.50");
        assert_eq!(percent(dec("19.00")), "19%");
        assert_eq!(
            date(IsoDate::parse("2026-11-02").unwrap()),
            "2 November 2026"
        );
    }
}
