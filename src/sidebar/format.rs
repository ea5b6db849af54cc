//! How amounts and sizes are written in the sidebar.

use rust_decimal::Decimal;

/// An amount with thousands separators and the currency, e.g. `€ 12,345.60` or `12,345.60 CHF`.
#[must_use]
pub fn money(amount: Decimal, currency: &str, decimals: u32) -> String {
    let mut fixed = amount;
    fixed.rescale(decimals);
    let text = fixed.abs().to_string();
    let (whole, fraction) = text
        .split_once('.')
        .map_or((text.as_str(), ""), |(w, f)| (w, f));
    let mut grouped = String::new();
    for (index, digit) in whole.chars().enumerate() {
        if index > 0 && (whole.len() - index) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    let sign = if amount.is_sign_negative() && !amount.is_zero() {
        "−"
    } else {
        ""
    };
    let number = if fraction.is_empty() {
        grouped
    } else {
        format!("{grouped}.{fraction}")
    };
    match currency {
        "EUR" => format!("{sign}€ {number}"),
        "USD" => format!("{sign}$ {number}"),
        "GBP" => format!("{sign}£ {number}"),
        other => format!("{sign}{number} {other}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_get_separators_and_a_symbol() {
        assert_eq!(money(Decimal::new(3598007, 2), "EUR", 2), "€ 35,980.07");
        assert_eq!(money(Decimal::new(-5, 1), "CHF", 2), "−0.50 CHF");
        assert_eq!(money(Decimal::new(999, 0), "EUR", 2), "€ 999.00");
    }
}
