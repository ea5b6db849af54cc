//! Calendar dates as written in files and quotes (`YYYY-MM-DD`).

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A calendar date written as `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct IsoDate(pub time::Date);

const ISO_DATE: &[time::format_description::BorrowedFormatItem<'static>] =
    time::macros::format_description!("[year]-[month]-[day]");

impl IsoDate {
    /// Parses `YYYY-MM-DD`.
    ///
    /// # Errors
    /// Text that is not a real calendar date in that form.
    pub fn parse(text: &str) -> Result<Self, time::error::Parse> {
        time::Date::parse(text, ISO_DATE).map(IsoDate)
    }
}

impl fmt::Display for IsoDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0.format(ISO_DATE) {
            Ok(text) => f.write_str(&text),
            Err(_) => Err(fmt::Error),
        }
    }
}

impl Serialize for IsoDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for IsoDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        IsoDate::parse(&text).map_err(|_| {
            serde::de::Error::custom(format!("`{text}` is not a date in the form YYYY-MM-DD"))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_real_dates_in_iso_form_parse() -> Result<(), time::error::Parse> {
        assert_eq!(IsoDate::parse("2026-11-22")?.to_string(), "2026-11-22");
        assert!(IsoDate::parse("2026-02-30").is_err());
        assert!(IsoDate::parse("22.11.2026").is_err());
        Ok(())
    }
}
