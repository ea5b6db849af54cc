//! The dealer who sends quotes: name, address, contact, terms, and how quote numbers look.

use crate::domain::values::date::IsoDate;

/// The dealer's details printed on every quote.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Dealer {
    /// Company name.
    pub name: String,
    /// Postal address, lines separated by newlines.
    pub address: String,
    /// Phone number.
    pub phone: String,
    /// E-mail address.
    pub email: String,
    /// Web address.
    pub website: String,
    /// VAT identification number.
    pub vat_id: String,
    /// Payment details (bank, IBAN), lines separated by newlines.
    pub bank: String,
    /// Terms and conditions, one paragraph each.
    pub terms: Vec<String>,
    /// How quote numbers are written.
    pub numbering: QuoteNumbering,
}

/// How a quote number is written: a prefix (which may contain `{year}`) and a zero-padded number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteNumbering {
    /// Text before the number; `{year}` is replaced by the issue year.
    pub prefix: String,
    /// The number is padded with zeros to at least this many digits.
    pub digits: usize,
}

impl Default for QuoteNumbering {
    fn default() -> Self {
        Self {
            prefix: "Q-{year}-".to_owned(),
            digits: 4,
        }
    }
}

/// Most digits a quote number is padded to.
pub const MAX_NUMBER_DIGITS: usize = 12;

impl QuoteNumbering {
    fn prefix_for(&self, date: IsoDate) -> String {
        self.prefix.replace("{year}", &date.0.year().to_string())
    }

    /// The reference for a number issued on a date, e.g. `Q-2026-0143`.
    #[must_use]
    pub fn format(&self, number: u64, date: IsoDate) -> String {
        format!(
            "{}{number:0width$}",
            self.prefix_for(date),
            width = self.digits.min(MAX_NUMBER_DIGITS)
        )
    }

    /// The number inside a reference written in this form for that date, if it is one.
    #[must_use]
    pub fn number_in(&self, reference: &str, date: IsoDate) -> Option<u64> {
        let digits = reference.strip_prefix(&self.prefix_for(date))?;
        if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        digits.parse().ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_padded_and_read_back() -> Result<(), time::error::Parse> {
        let numbering = QuoteNumbering::default();
        let date = IsoDate::parse("2026-11-22")?;
        assert_eq!(numbering.format(143, date), "Q-2026-0143");
        assert_eq!(numbering.format(123_456, date), "Q-2026-123456");
        assert_eq!(numbering.number_in("Q-2026-0143", date), Some(143));
        assert_eq!(numbering.number_in("Q-2025-0143", date), None);
        assert_eq!(numbering.number_in("Q-2026-01a", date), None);
        assert_eq!(numbering.number_in("Q-2026-", date), None);
        Ok(())
    }
}
