//! Format versions of catalog and layout files: the version a file declares (its first field,
//! `format_version: 2`; a catalog without it is version 1), a clear refusal of a version newer
//! than this build reads, and a version 1 catalog's text rewritten as version 2 with its comments
//! kept.
//!
//! Version 2 reads every version 1 construct unchanged, so migrating a file is setting its
//! version: layouts are migrated on load (and so saved as version 2), catalogs are read as they
//! are and upgraded on request (`room-planner catalog upgrade`).

use crate::storage::error::LoadError;
use crate::storage::locate::SourceText;
use std::path::Path;

/// The format version this build writes, for catalogs and layouts alike.
pub const FORMAT_VERSION: u32 = crate::domain::layout::FORMAT_VERSION;

/// The oldest format version this build reads.
pub const OLDEST_FORMAT_VERSION: u32 = 1;

/// The field that carries the version.
const KEY: &str = "format_version";

/// A version written in a file and the byte offset of its number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Declared {
    /// The version as written (wide, so that any number fits).
    pub(crate) version: u64,
    /// Where the number starts.
    pub(crate) offset: usize,
}

/// The version declared as the first field of the file's top-level struct, read from the text
/// alone so that a newer file is recognised before its unknown fields are. `None` when the first
/// field is not `format_version` with a whole number.
pub(crate) fn declared_version(text: &str) -> Option<Declared> {
    let mut at = skip_blank(text, 0);
    // An optional struct name (`Catalog`, `Layout`).
    at = skip_blank(text, at + identifier_len(&text[at..]));
    at = skip_blank(text, at + text[at..].strip_prefix('(').map(|_| 1)?);
    let name = identifier_len(&text[at..]);
    if &text[at..at + name] != KEY {
        return None;
    }
    at = skip_blank(text, at + name);
    at = skip_blank(text, at + text[at..].strip_prefix(':').map(|_| 1)?);
    let digits = text[at..]
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len() - at);
    let version = text[at..at + digits].parse().ok()?;
    Some(Declared {
        version,
        offset: at,
    })
}

/// Length in bytes of the identifier at the start of `text` (0 when there is none).
fn identifier_len(text: &str) -> usize {
    text.find(|c: char| !(c == '_' || c.is_ascii_alphanumeric()))
        .unwrap_or(text.len())
}

/// The offset of the first character at or after `at` that is neither white space nor inside a
/// comment.
fn skip_blank(text: &str, mut at: usize) -> usize {
    loop {
        let rest = &text[at..];
        let trimmed = rest.trim_start();
        at += rest.len() - trimmed.len();
        if trimmed.starts_with("//") {
            at += trimmed.find('\n').unwrap_or(trimmed.len());
        } else if trimmed.starts_with("/*") {
            at += block_comment_len(trimmed);
        } else {
            return at;
        }
    }
}

/// Length of the (possibly nested) block comment at the start of `text`.
fn block_comment_len(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut depth = 0_usize;
    let mut at = 0;
    while at + 1 < bytes.len() {
        match (bytes[at], bytes[at + 1]) {
            (b'/', b'*') => {
                depth += 1;
                at += 2;
            }
            (b'*', b'/') => {
                depth -= 1;
                at += 2;
                if depth == 0 {
                    return at;
                }
            }
            _ => at += 1,
        }
    }
    text.len()
}

/// Refuses a version this build cannot read, located at `offset` in `text`.
///
/// # Errors
/// A version newer than [`FORMAT_VERSION`] ("made by a newer Room Planner") or one below
/// [`OLDEST_FORMAT_VERSION`].
pub(crate) fn check_version(
    path: &Path,
    text: &str,
    version: u64,
    offset: usize,
) -> Result<(), LoadError> {
    let message = if version > u64::from(FORMAT_VERSION) {
        format!(
            "made by a newer Room Planner: format {version}, this version reads up to {FORMAT_VERSION}"
        )
    } else if version < u64::from(OLDEST_FORMAT_VERSION) {
        format!(
            "format {version} does not exist: Room Planner formats are {OLDEST_FORMAT_VERSION} to {FORMAT_VERSION}"
        )
    } else {
        return Ok(());
    };
    let (line, column) = SourceText::new(text).line_column(offset);
    Err(LoadError::at(path, line, column, message))
}

/// Refuses text whose declared version this build cannot read (see [`declared_version`]).
///
/// # Errors
/// As [`check_version`].
pub(crate) fn check_declared(path: &Path, text: &str) -> Result<(), LoadError> {
    match declared_version(text) {
        Some(declared) => check_version(path, text, declared.version, declared.offset),
        None => Ok(()),
    }
}

/// A catalog's text as the current format: a catalog that declares no version gets
/// `format_version: 2,` as its first field, on a line of its own indented like the field after
/// it (or right after the `(` when the first field shares its line); everything else (comments,
/// spacing, order) is kept. Text that already declares a version is returned unchanged. `None`
/// when the text has no top-level `(`.
#[must_use]
pub fn upgrade_catalog_text(text: &str) -> Option<String> {
    if declared_version(text).is_some() {
        return Some(text.to_owned());
    }
    let mut at = skip_blank(text, 0);
    at = skip_blank(text, at + identifier_len(&text[at..]));
    let open = at + text[at..].strip_prefix('(').map(|_| 1)?;
    let first = skip_blank(text, open);
    let field = format!("{KEY}: {FORMAT_VERSION},");
    let line_start = text[..first].rfind('\n').map_or(0, |newline| newline + 1);
    let (insert_at, inserted) = if line_start > open {
        let indent = &text[line_start..first];
        let indent = if indent.trim().is_empty() { indent } else { "" };
        (line_start, format!("{indent}{field}\n"))
    } else {
        (open, format!("{field} "))
    };
    let mut upgraded = String::with_capacity(text.len() + inserted.len());
    upgraded.push_str(&text[..insert_at]);
    upgraded.push_str(&inserted);
    upgraded.push_str(&text[insert_at..]);
    Some(upgraded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_field_declares_the_version_whatever_the_comments() {
        let text = "// Dealer's notes\n/* a /* nested */ block */\nCatalog( // list\n    format_version: 2,\n    id: \"x\",\n)";
        let declared = declared_version(text);
        assert_eq!(declared.map(|d| d.version), Some(2));
        assert_eq!(
            declared.map(|d| &text[d.offset..d.offset + 1]),
            Some("2"),
            "{declared:?}"
        );
        assert_eq!(
            declared_version("(format_version:7)").map(|d| d.version),
            Some(7)
        );
        for undeclared in [
            "Catalog(\n    id: \"x\",\n    format_version: 2,\n)",
            "Catalog(\n    // format_version: 3\n    id: \"x\",\n)",
            "",
            "Catalog(format_version: x)",
        ] {
            assert_eq!(declared_version(undeclared), None, "{undeclared}");
        }
    }

    #[test]
    fn a_newer_version_names_both_versions_and_its_place() {
        let text = "Catalog(\n    format_version: 3,\n)";
        let error = check_declared(Path::new("new.ron"), text)
            .err()
            .map(|error| error.to_string())
            .unwrap_or_default();
        assert_eq!(
            error,
            "new.ron:2:21: made by a newer Room Planner: format 3, this version reads up to 2"
        );
        let zero = check_declared(Path::new("zero.ron"), "(format_version: 0)")
            .err()
            .map(|error| error.to_string())
            .unwrap_or_default();
        assert_eq!(
            zero,
            "zero.ron:1:18: format 0 does not exist: Room Planner formats are 1 to 2"
        );
        for readable in [
            "(format_version: 1)",
            "(format_version: 2)",
            "Catalog(id: \"x\")",
        ] {
            assert!(check_declared(Path::new("ok.ron"), readable).is_ok());
        }
    }

    #[test]
    fn upgrading_inserts_the_version_first_and_keeps_every_comment() {
        let text =
            "// Prices 2026\nCatalog( // the list\n    id: \"x\", // ours\n    name: \"X\",\n)\n";
        let upgraded = upgrade_catalog_text(text).unwrap_or_default();
        assert_eq!(
            upgraded,
            "// Prices 2026\nCatalog( // the list\n    format_version: 2,\n    id: \"x\", // ours\n    name: \"X\",\n)\n"
        );
        assert_eq!(declared_version(&upgraded).map(|d| d.version), Some(2));
        assert_eq!(upgrade_catalog_text(&upgraded).as_deref(), Some(&*upgraded));
        assert_eq!(
            upgrade_catalog_text("\t(id: \"x\")"),
            Some("\t(format_version: 2, id: \"x\")".to_owned())
        );
        assert_eq!(upgrade_catalog_text("[1, 2]"), None);
    }
}

#[cfg(test)]
mod history_tests;
