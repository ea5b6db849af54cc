//! How amounts and sizes are written in the sidebar, and the length field that shows and reads
//! lengths in the preferred unit.

use bevy_egui::egui;
use room_planner_core::domain::values::length_units::LengthUnit;
use rust_decimal::Decimal;
use std::ops::RangeInclusive;

/// A draggable, typeable length field: the value is whole millimetres, shown and typed in
/// `unit` (a typed value may name its own unit, e.g. `2.4 m` or `8' 2"`).
pub fn length_value(
    length_mm: &mut i64,
    unit: LengthUnit,
    range_mm: RangeInclusive<i64>,
) -> egui::DragValue<'_> {
    // A typed value is applied once, when typing ends: each keystroke would be an edit of its
    // own (typing 3500 would move a wall through 3, 35 and 350 mm). Values outside the range
    // that come from the document are shown as they are, not clamped into an edit.
    egui::DragValue::new(length_mm)
        .range(range_mm)
        .clamp_existing_to_range(false)
        .update_while_editing(false)
        .speed(10.0)
        .custom_formatter(move |value_mm, _| unit.format_number(value_mm))
        .custom_parser(move |text| unit.parse(text).ok().map(|length| length.as_f64()))
        .suffix(unit.suffix())
}

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
