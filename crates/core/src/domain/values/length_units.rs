//! The length unit a user prefers for showing and typing dimensions (mm, cm, m, inches or feet
//! and inches), and the conversions both ways. Files always hold whole millimetres.

use crate::domain::values::units::{MAX_COORDINATE_MM, Mm};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Millimetres in an inch.
const MM_PER_INCH: f64 = 25.4;

/// A unit for showing and typing lengths.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum LengthUnit {
    /// Whole millimetres.
    #[default]
    Millimetres,
    /// Centimetres with one decimal.
    Centimetres,
    /// Metres with up to three decimals.
    Metres,
    /// Inches with two decimals.
    Inches,
    /// Feet and inches, the inches with up to two decimals: `7' 10.5"`. A bare typed number is
    /// in feet.
    FeetInches,
}

impl LengthUnit {
    /// Every unit, in the order a menu lists them.
    pub const ALL: [LengthUnit; 5] = [
        LengthUnit::Millimetres,
        LengthUnit::Centimetres,
        LengthUnit::Metres,
        LengthUnit::Inches,
        LengthUnit::FeetInches,
    ];

    /// The unit's symbol.
    #[must_use]
    pub fn symbol(self) -> &'static str {
        match self {
            LengthUnit::Millimetres => "mm",
            LengthUnit::Centimetres => "cm",
            LengthUnit::Metres => "m",
            LengthUnit::Inches => "in",
            LengthUnit::FeetInches => "ft",
        }
    }

    /// What follows a number from [`LengthUnit::format_number`]: ` mm`, ` in`; nothing for feet
    /// and inches, whose numbers carry their marks.
    #[must_use]
    pub fn suffix(self) -> &'static str {
        match self {
            LengthUnit::Millimetres => " mm",
            LengthUnit::Centimetres => " cm",
            LengthUnit::Metres => " m",
            LengthUnit::Inches => " in",
            LengthUnit::FeetInches => "",
        }
    }

    /// Millimetres in one of this unit.
    #[must_use]
    pub fn mm_per_unit(self) -> f64 {
        match self {
            LengthUnit::Millimetres => 1.0,
            LengthUnit::Centimetres => 10.0,
            LengthUnit::Metres => 1000.0,
            LengthUnit::Inches => MM_PER_INCH,
            LengthUnit::FeetInches => MM_PER_INCH * 12.0,
        }
    }

    /// A length for display, with the unit: `2450 mm`, `245 cm`, `2.45 m`, `96.5 in`,
    /// `8' 0.46"`.
    #[must_use]
    pub fn format(self, length_mm: f64) -> String {
        match self {
            LengthUnit::FeetInches => feet_and_inches(length_mm),
            _ => format!("{} {}", self.format_number(length_mm), self.symbol()),
        }
    }

    /// A length as a bare number in this unit, as an input field shows it (feet and inches
    /// carry their marks: `7' 10.5"`).
    #[must_use]
    pub fn format_number(self, length_mm: f64) -> String {
        if self == LengthUnit::FeetInches {
            return feet_and_inches(length_mm);
        }
        let value = length_mm / self.mm_per_unit();
        // Enough decimals that a shown value reads back to the same whole millimetre.
        let decimals = match self {
            LengthUnit::Millimetres => 0,
            LengthUnit::Centimetres => 1,
            LengthUnit::Inches | LengthUnit::FeetInches => 2,
            LengthUnit::Metres => 3,
        };
        // A value that rounds to zero reads 0, never -0.
        let shown_zero = 0.5 * 10_f64.powi(-i32::try_from(decimals).unwrap_or(0));
        let value = if value.abs() < shown_zero { 0.0 } else { value };
        trim_zeros(&format!("{value:.decimals$}"))
    }

    /// Several lengths with one unit, as a size reads: `2400 × 960 × 820 mm`,
    /// `7' 10.5" × 3' 1.8" × 2' 8.28"` (feet and inches carry their marks on each).
    #[must_use]
    pub fn format_size(self, lengths_mm: &[f64]) -> String {
        let numbers: Vec<String> = lengths_mm
            .iter()
            .map(|length| self.format_number(*length))
            .collect();
        format!("{}{}", numbers.join(" × "), self.suffix())
    }

    /// An area for display: square metres for metric units, square feet for inches.
    #[must_use]
    pub fn format_area(self, area_mm2: f64) -> String {
        match self {
            LengthUnit::Inches | LengthUnit::FeetInches => {
                let square_feet = area_mm2 / (MM_PER_INCH * 12.0).powi(2);
                format!("{square_feet:.1} sq ft")
            }
            _ => format!("{:.2} m²", area_mm2 / 1_000_000.0),
        }
    }

    /// Reads a typed length. A bare number is in this unit; a number may carry its own unit
    /// (`mm`, `cm`, `m`, `in`, `"`, `ft`, `'`), and feet and inches may be combined (`8' 2"`).
    /// A comma works as the decimal mark.
    ///
    /// # Errors
    /// Text that is not a length, a negative length, or one beyond a kilometre.
    pub fn parse(self, text: &str) -> Result<Mm, LengthParseError> {
        let cleaned = text.trim().replace(',', ".");
        if cleaned.is_empty() {
            return Err(LengthParseError::Empty);
        }
        let mut total_mm = 0.0;
        let mut rest = cleaned.as_str();
        let mut parts = 0;
        let mut units: Vec<String> = Vec::new();
        while !rest.is_empty() {
            let number_end = rest
                .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-' || c == '+'))
                .unwrap_or(rest.len());
            let (number, after) = rest.split_at(number_end);
            let value: f64 = number
                .parse()
                .map_err(|_| LengthParseError::NotALength(text.trim().to_owned()))?;
            let after = after.trim_start();
            let unit_end = after
                .find(|c: char| c.is_ascii_digit() || c == '.' || c.is_whitespace())
                .unwrap_or(after.len());
            let (unit, remaining) = after.split_at(unit_end);
            units.push(unit.to_owned());
            let after_feet = units
                .first()
                .is_some_and(|first| matches!(first.as_str(), "ft" | "'"));
            let scale = match unit {
                // A bare number after feet is inches (`8' 2`).
                "" if after_feet && parts == 1 => MM_PER_INCH,
                "" => self.mm_per_unit(),
                "mm" => 1.0,
                "cm" => 10.0,
                "m" => 1000.0,
                "in" | "\"" | "''" => MM_PER_INCH,
                "ft" | "'" => MM_PER_INCH * 12.0,
                other => return Err(LengthParseError::UnknownUnit(other.to_owned())),
            };
            total_mm += value * scale;
            rest = remaining.trim_start();
            parts += 1;
            if parts > 2 {
                return Err(LengthParseError::NotALength(text.trim().to_owned()));
            }
        }
        // Two parts only as feet and inches (`8' 2"`, `8 ft 2 in`, `8' 2`).
        if parts == 2
            && !(matches!(units[0].as_str(), "ft" | "'")
                && matches!(units[1].as_str(), "in" | "\"" | "''" | ""))
        {
            return Err(LengthParseError::NotALength(text.trim().to_owned()));
        }
        if !total_mm.is_finite() || total_mm < 0.0 {
            return Err(LengthParseError::Negative);
        }
        if total_mm > MAX_COORDINATE_MM as f64 {
            return Err(LengthParseError::TooLong);
        }
        Ok(Mm(total_mm.round() as i64))
    }
}

impl fmt::Display for LengthUnit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            LengthUnit::Millimetres => "millimetres",
            LengthUnit::Centimetres => "centimetres",
            LengthUnit::Metres => "metres",
            LengthUnit::Inches => "inches",
            LengthUnit::FeetInches => "feet and inches",
        })
    }
}

/// `7' 10.5"`: whole feet and inches to a hundredth (enough that it reads back to the same
/// whole millimetre); `10.5"` under a foot; a minus sign in front of a negative length.
fn feet_and_inches(length_mm: f64) -> String {
    let hundredths = (length_mm.abs() / MM_PER_INCH * 100.0).round() as i64;
    let sign = if length_mm < 0.0 && hundredths > 0 {
        "-"
    } else {
        ""
    };
    let feet = hundredths / 1200;
    let inches = trim_zeros(&format!("{:.2}", (hundredths % 1200) as f64 / 100.0));
    if feet == 0 {
        format!("{sign}{inches}\"")
    } else {
        format!("{sign}{feet}' {inches}\"")
    }
}

fn trim_zeros(number: &str) -> String {
    if number.contains('.') {
        number
            .trim_end_matches('0')
            .trim_end_matches('.')
            .to_owned()
    } else {
        number.to_owned()
    }
}

/// Why typed text is not a length.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LengthParseError {
    /// Nothing was typed.
    #[error("type a length")]
    Empty,
    /// The text is not a number with an optional unit.
    #[error("`{0}` is not a length (try 2400, 240 cm, 2.4 m or 94 in)")]
    NotALength(String),
    /// The unit is not one we know.
    #[error("`{0}` is not a unit: use mm, cm, m, in or ft")]
    UnknownUnit(String),
    /// Lengths cannot be negative.
    #[error("a length cannot be negative")]
    Negative,
    /// Beyond the largest plan.
    #[error("a length cannot be more than a kilometre")]
    TooLong,
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn lengths_show_in_the_chosen_unit() {
        assert_eq!(LengthUnit::Millimetres.format(2450.0), "2450 mm");
        assert_eq!(LengthUnit::Centimetres.format(2450.0), "245 cm");
        assert_eq!(LengthUnit::Centimetres.format(2455.0), "245.5 cm");
        assert_eq!(LengthUnit::Metres.format(2450.0), "2.45 m");
        assert_eq!(LengthUnit::Inches.format(2540.0), "100 in");
        assert_eq!(LengthUnit::Metres.format_area(12_000_000.0), "12.00 m²");
        assert_eq!(LengthUnit::Inches.format_area(92_903.04), "1.0 sq ft");
        assert_eq!(LengthUnit::FeetInches.format(2387.6), "7' 10\"");
        assert_eq!(LengthUnit::FeetInches.format(2400.3), "7' 10.5\"");
        assert_eq!(LengthUnit::FeetInches.format(304.8), "1' 0\"");
        assert_eq!(LengthUnit::FeetInches.format(120.0), "4.72\"");
        assert_eq!(LengthUnit::FeetInches.format(-304.8), "-1' 0\"");
        // Inches that round up to twelve carry into the feet.
        assert_eq!(LengthUnit::FeetInches.format(609.5), "2' 0\"");
        assert_eq!(LengthUnit::FeetInches.format_area(92_903.04), "1.0 sq ft");
        let size = [2400.0, 960.0, 820.0];
        assert_eq!(
            LengthUnit::Millimetres.format_size(&size),
            "2400 × 960 × 820 mm"
        );
        assert_eq!(LengthUnit::Metres.format_size(&size), "2.4 × 0.96 × 0.82 m");
        assert_eq!(
            LengthUnit::FeetInches.format_size(&size),
            "7' 10.49\" × 3' 1.8\" × 2' 8.28\""
        );
    }

    #[test]
    fn lengths_that_round_to_zero_never_read_minus_zero() {
        assert_eq!(LengthUnit::Millimetres.format(-0.3), "0 mm");
        assert_eq!(LengthUnit::Centimetres.format(-0.4), "0 cm");
        assert_eq!(LengthUnit::Metres.format(-0.2), "0 m");
        assert_eq!(LengthUnit::Millimetres.format(-0.6), "-1 mm");
        assert_eq!(LengthUnit::FeetInches.format(-0.1), "0\"");
    }

    #[test]
    fn feet_and_inches_read_back_as_the_wall_tool_takes_them() {
        let unit = LengthUnit::FeetInches;
        assert_eq!(unit.parse("7' 10.5\""), Ok(Mm(2400)));
        assert_eq!(unit.parse("10.5\""), Ok(Mm(267)));
        assert_eq!(unit.parse("8"), Ok(Mm(2438)), "a bare number is in feet");
        assert_eq!(unit.parse("8' 2"), Ok(Mm(2489)));
        assert_eq!(unit.parse("2400 mm"), Ok(Mm(2400)));
        for mm in [0, 1, 254, 2400, 3048, 12_345] {
            assert_eq!(unit.parse(&unit.format(mm as f64)), Ok(Mm(mm)), "{mm}");
        }
    }

    #[test]
    fn typed_lengths_take_the_preferred_unit_or_their_own() {
        assert_eq!(LengthUnit::Metres.parse("2.4"), Ok(Mm(2400)));
        assert_eq!(LengthUnit::Metres.parse("2,4"), Ok(Mm(2400)));
        assert_eq!(LengthUnit::Millimetres.parse("240 cm"), Ok(Mm(2400)));
        assert_eq!(LengthUnit::Centimetres.parse("2400mm"), Ok(Mm(2400)));
        assert_eq!(LengthUnit::Millimetres.parse("8' 2\""), Ok(Mm(2489)));
        // A bare number after feet is inches, whatever the preferred unit.
        assert_eq!(LengthUnit::Millimetres.parse("8' 2"), Ok(Mm(2489)));
        assert_eq!(LengthUnit::Metres.parse("8 ft 2"), Ok(Mm(2489)));
        assert_eq!(LengthUnit::Inches.parse("10"), Ok(Mm(254)));
        assert_eq!(LengthUnit::Millimetres.parse("3 ft"), Ok(Mm(914)));
    }

    #[test]
    fn nonsense_is_refused_with_a_reason() {
        assert_eq!(LengthUnit::Metres.parse(" "), Err(LengthParseError::Empty));
        assert!(matches!(
            LengthUnit::Metres.parse("abc"),
            Err(LengthParseError::NotALength(_))
        ));
        assert_eq!(
            LengthUnit::Metres.parse("3 yards"),
            Err(LengthParseError::UnknownUnit("yards".to_owned()))
        );
        assert_eq!(
            LengthUnit::Metres.parse("-2"),
            Err(LengthParseError::Negative)
        );
        assert_eq!(
            LengthUnit::Metres.parse("5000"),
            Err(LengthParseError::TooLong)
        );
        assert!(LengthUnit::Metres.parse("1 2 3").is_err());
        assert!(LengthUnit::Metres.parse("2 4").is_err());
        assert!(LengthUnit::Metres.parse("2 m 40 cm").is_err());
    }

    proptest! {
        #[test]
        fn what_is_shown_reads_back_within_the_shown_precision(length_mm in 0i64..100_000) {
            for unit in LengthUnit::ALL {
                let shown = unit.format(length_mm as f64);
                let read = unit.parse(&shown);
                prop_assert!(read.is_ok(), "{shown}");
                let back = read.unwrap_or_default().0;
                prop_assert_eq!(back, length_mm, "{}", shown);
            }
        }
    }
}
