//! Layout (save) files: reading with every problem located, checking references against the
//! catalogs, and writing atomically in one canonical form (load then save gives the same bytes).
//!
//! Here: parsing, loading and saving; `structure` checks the layout on its own and `references`
//! against the catalogs.

mod personal;
mod references;
mod structure;

pub use references::check_references;

use structure::check_structure;

use crate::domain::layout::{FORMAT_VERSION, Layout};
use crate::storage::atomic_write::write_atomically;
use crate::storage::error::{FileProblem, LoadError, SaveError};
use crate::storage::locate::{Needle, SourceText};
use crate::storage::ron_text::{MAX_LAYOUT_BYTES, parse, pretty, read_text_up_to};
use std::path::Path;

/// Most walls, openings or products in one layout.
const MAX_ELEMENTS: usize = 100_000;

/// The format version written in the text and where, read without parsing the whole file, so an
/// old or newer file gets a clear message instead of a complaint about its fields.
fn written_format_version(source: &SourceText<'_>, text: &str) -> Option<(u64, usize, usize)> {
    const KEY: &str = "format_version";
    // The first `format_version:` as a whole word (a plain search: the full index is built only
    // when a problem needs locating).
    let (at, digits) = text.match_indices(KEY).find_map(|(at, _)| {
        let before_ok = text[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
        let after = text[at + KEY.len()..].trim_start_matches([' ', '\t']);
        let digits = after.strip_prefix(':')?.trim_start();
        before_ok.then_some((at, digits))
    })?;
    let end = digits
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(digits.len());
    let version = digits.get(..end)?.parse().ok()?;
    let (line, column) = source.line_column(at);
    Some((version, line, column))
}

/// Parses layout text and checks everything that does not need the catalogs.
///
/// # Errors
/// Syntax errors, a format version this build cannot read, duplicate or invalid ids, walls
/// without length, sizes and coordinates out of range, openings on unknown walls, room names
/// on unknown walls, named twice or unusable.
pub fn parse_layout(path: &Path, text: &str) -> Result<Layout, LoadError> {
    let source = SourceText::new(text);
    if let Some((version, line, column)) = written_format_version(&source, text)
        && version != u64::from(FORMAT_VERSION)
    {
        let message = if version > u64::from(FORMAT_VERSION) {
            format!(
                "format_version {version} was written by a newer Room Planner; this one reads version {FORMAT_VERSION}"
            )
        } else {
            format!(
                "format_version {version} is not a known layout format (this build reads version {FORMAT_VERSION})"
            )
        };
        return Err(LoadError::at(path, line, column, message));
    }
    let layout: Layout = parse(path, text)?;
    let mut problems = Vec::new();
    check_structure(
        &layout,
        &mut |place: &[(Needle<'_>, usize)], message: String| {
            let (line, column) = source.locate(place);
            problems.push(FileProblem {
                path: path.to_owned(),
                line,
                column,
                message,
            });
        },
    );
    if problems.is_empty() {
        Ok(layout)
    } else {
        Err(LoadError::Invalid { problems })
    }
}

/// Reads and parses a layout file (without catalog checks).
///
/// # Errors
/// As [`parse_layout`], plus unreadable files.
pub fn load_layout(path: &Path) -> Result<(Layout, String), LoadError> {
    let text = read_text_up_to(
        path,
        MAX_LAYOUT_BYTES,
        " (a layout holds at most 100,000 walls, openings and products each)",
    )?;
    let layout = parse_layout(path, &text)?;
    Ok((layout, text))
}

/// The canonical text of a layout.
///
/// # Errors
/// Only if serialization itself fails (it does not for valid layouts).
pub fn layout_to_string(layout: &Layout) -> Result<String, ron::Error> {
    let mut text = ron::ser::to_string_pretty(layout, pretty())?;
    text.push('\n');
    Ok(text)
}

/// Writes a layout atomically (see [`write_atomically`]) in its canonical form.
///
/// # Errors
/// The file or its folder cannot be written.
pub fn save_layout(path: &Path, layout: &Layout) -> Result<(), SaveError> {
    let text = layout_to_string(layout).map_err(|error| SaveError {
        path: path.to_owned(),
        message: error.to_string(),
    })?;
    write_atomically(path, text.as_bytes())
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod coordinate_tests;
