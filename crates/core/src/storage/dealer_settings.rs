//! The dealer settings file (`settings/dealer.ron`): who sends quotes, their terms, how quote
//! numbers look and an optional logo (a PNG inside the settings folder). Every problem is
//! reported as `file:line:column: message`.

use crate::domain::pricing::dealer::{Dealer, MAX_NUMBER_DIGITS, QuoteNumbering};
use crate::storage::error::{FileProblem, LoadError};
use crate::storage::inside_folder::{OutsideFolder, resolve_inside};
use crate::storage::locate::{Needle, SourceText};
use crate::storage::png_image::PngImage;
use crate::storage::ron_text::{parse, read_text};
use serde::Deserialize;
use std::path::{Component, Path};

/// The dealer file's name inside the settings folder.
pub const DEALER_FILE: &str = "dealer.ron";

/// Longest single text field (characters).
const MAX_TEXT_CHARS: usize = 1_000;
/// Most paragraphs of terms.
const MAX_TERMS: usize = 40;
/// Longest quote number prefix (characters).
const MAX_PREFIX_CHARS: usize = 40;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Dealer")]
struct RawDealer {
    name: String,
    #[serde(default)]
    address: String,
    #[serde(default)]
    phone: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    website: String,
    #[serde(default)]
    vat_id: String,
    #[serde(default)]
    bank: String,
    #[serde(default)]
    logo: Option<String>,
    #[serde(default)]
    quote_numbers: Option<RawNumbering>,
    #[serde(default)]
    terms: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "QuoteNumbers")]
struct RawNumbering {
    #[serde(default = "default_prefix")]
    prefix: String,
    #[serde(default = "default_digits")]
    digits: usize,
}

fn default_prefix() -> String {
    QuoteNumbering::default().prefix
}

fn default_digits() -> usize {
    QuoteNumbering::default().digits
}

/// The dealer and their logo, as read from a settings folder.
#[derive(Debug, Clone)]
pub struct DealerSettings {
    /// The dealer's details, terms and numbering.
    pub dealer: Dealer,
    /// The logo, when the file names one.
    pub logo: Option<PngImage>,
}

/// Parses dealer settings text; `folder` is where a named logo is read from.
///
/// # Errors
/// Syntax errors, empty name, oversized texts, a bad numbering, a logo path leaving the
/// folder or a logo that is not a PNG; each located in the file.
pub fn parse_dealer(path: &Path, text: &str, folder: &Path) -> Result<DealerSettings, LoadError> {
    let raw: RawDealer = parse(path, text)?;
    let source = SourceText::new(text);
    let mut problems = Vec::new();
    let mut report = |key: &str, message: String| {
        let (line, column) = source.locate(&[(Needle::Key(key), 0)]);
        problems.push(FileProblem {
            path: path.to_owned(),
            line,
            column,
            message,
        });
    };
    if raw.name.trim().is_empty() {
        report("name", "the dealer name is empty".to_owned());
    }
    for (key, value) in [
        ("name", &raw.name),
        ("address", &raw.address),
        ("phone", &raw.phone),
        ("email", &raw.email),
        ("website", &raw.website),
        ("vat_id", &raw.vat_id),
        ("bank", &raw.bank),
    ] {
        if value.chars().count() > MAX_TEXT_CHARS {
            report(
                key,
                format!("{key} is longer than {MAX_TEXT_CHARS} characters"),
            );
        }
    }
    if raw.terms.len() > MAX_TERMS {
        report(
            "terms",
            format!("{} terms; at most {MAX_TERMS} are printed", raw.terms.len()),
        );
    }
    if raw
        .terms
        .iter()
        .any(|term| term.chars().count() > MAX_TEXT_CHARS)
    {
        report(
            "terms",
            format!("a paragraph of terms is longer than {MAX_TEXT_CHARS} characters"),
        );
    }
    let numbering = match raw.quote_numbers {
        None => QuoteNumbering::default(),
        Some(numbers) => {
            if !(1..=MAX_NUMBER_DIGITS).contains(&numbers.digits) {
                report(
                    "digits",
                    format!(
                        "digits is {}; it must be 1 to {MAX_NUMBER_DIGITS}",
                        numbers.digits
                    ),
                );
            }
            let prefix_ok = numbers.prefix.chars().count() <= MAX_PREFIX_CHARS
                && !numbers.prefix.chars().any(char::is_control);
            if !prefix_ok {
                report(
                    "prefix",
                    format!(
                        "the quote number prefix must be at most {MAX_PREFIX_CHARS} characters on one line"
                    ),
                );
            }
            QuoteNumbering {
                prefix: numbers.prefix,
                digits: numbers.digits,
            }
        }
    };
    let mut logo = None;
    if let Some(name) = &raw.logo {
        let relative = Path::new(name);
        let inside = !name.is_empty()
            && relative
                .components()
                .all(|component| matches!(component, Component::Normal(_)));
        if !inside {
            report(
                "logo",
                format!("logo `{name}` must be a file name inside the settings folder"),
            );
        } else if relative
            .extension()
            .is_none_or(|ext| !ext.eq_ignore_ascii_case("png"))
        {
            report("logo", format!("logo `{name}` must be a .png file"));
        } else {
            match resolve_inside(folder, relative) {
                Err(OutsideFolder::ThroughLink) => report(
                    "logo",
                    format!(
                        "logo `{name}` leads outside the settings folder through a symbolic link"
                    ),
                ),
                Err(OutsideFolder::Unreadable(reason)) => {
                    report("logo", format!("logo `{name}`: cannot read: {reason}"));
                }
                Err(OutsideFolder::NotRelative) => report(
                    "logo",
                    format!("logo `{name}` must be a file name inside the settings folder"),
                ),
                Ok(real) => match PngImage::load(&real) {
                    Ok(image) => logo = Some(image),
                    Err(error) => {
                        report("logo", format!("logo `{name}`: {}", problem_text(&error)));
                    }
                },
            }
        }
    }
    if !problems.is_empty() {
        return Err(LoadError::Invalid { problems });
    }
    Ok(DealerSettings {
        dealer: Dealer {
            name: raw.name,
            address: raw.address,
            phone: raw.phone,
            email: raw.email,
            website: raw.website,
            vat_id: raw.vat_id,
            bank: raw.bank,
            terms: raw.terms,
            numbering,
        },
        logo,
    })
}

/// The message of a load error without its location (it is re-located in the settings file).
fn problem_text(error: &LoadError) -> String {
    match error {
        LoadError::Io { source, .. } => format!("cannot read: {source}"),
        LoadError::Invalid { problems } => problems
            .iter()
            .map(|problem| problem.message.clone())
            .collect::<Vec<_>>()
            .join("; "),
    }
}

/// Reads `dealer.ron` from a settings folder.
///
/// # Errors
/// An unreadable file or every problem found in it.
pub fn load_dealer(folder: &Path) -> Result<DealerSettings, LoadError> {
    let path = folder.join(DEALER_FILE);
    let text = read_text(&path)?;
    parse_dealer(&path, &text, folder)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_text(text: &str) -> Result<DealerSettings, LoadError> {
        parse_dealer(Path::new("dealer.ron"), text, Path::new("."))
    }

    #[test]
    fn a_minimal_dealer_gets_default_numbering() {
        let settings = parse_text("Dealer(name: \"Möbel Müller\")").unwrap();
        assert_eq!(settings.dealer.name, "Möbel Müller");
        assert_eq!(settings.dealer.numbering, QuoteNumbering::default());
        assert!(settings.logo.is_none());
    }

    #[test]
    fn problems_are_located() {
        let error = parse_text("Dealer(\n  name: \"X\",\n  quote_numbers: (digits: 0),\n)")
            .unwrap_err()
            .to_string();
        assert_eq!(error, "dealer.ron:3:19: digits is 0; it must be 1 to 12");
        let error = parse_text("Dealer(\n  name: \"X\",\n  logo: \"../secret.png\",\n)")
            .unwrap_err()
            .to_string();
        assert!(
            error.starts_with("dealer.ron:3:3: logo `../secret.png` must be a file name"),
            "{error}"
        );
        let error = parse_text("Dealer(\n  nam: \"X\",\n)")
            .unwrap_err()
            .to_string();
        assert!(error.starts_with("dealer.ron:2:"), "{error}");
    }

    #[test]
    fn a_field_written_twice_is_refused_at_the_second() {
        let error = parse_text(
            "Dealer(\n  name: \"X\",\n  quote_numbers: (digits: 3),\n  quote_numbers: (digits: 4),\n)",
        )
        .unwrap_err()
        .to_string();
        assert_eq!(
            error,
            "dealer.ron:4:3: field `quote_numbers` is written twice; write it once"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_logo_linked_to_a_file_outside_the_folder_is_refused() {
        let root = std::env::temp_dir().join(format!("rp-logo-link-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        let folder = root.join("settings");
        std::fs::create_dir_all(&folder).unwrap();
        std::fs::write(
            root.join("outside.png"),
            crate::storage::png_image::tests::tiny_png(2, 2),
        )
        .unwrap();
        std::os::unix::fs::symlink("../outside.png", folder.join("logo.png")).unwrap();
        let error = parse_dealer(
            Path::new("dealer.ron"),
            "Dealer(\n  name: \"X\",\n  logo: \"logo.png\",\n)",
            &folder,
        )
        .unwrap_err()
        .to_string();
        assert_eq!(
            error,
            "dealer.ron:3:3: logo `logo.png` leads outside the settings folder through a symbolic link"
        );
        std::fs::remove_dir_all(&root).unwrap();
    }
}
