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
use crate::storage::format_version::{OLDEST_FORMAT_VERSION, check_declared, check_version};
use crate::storage::locate::{Needle, SourceText};
use crate::storage::ron_text::{MAX_LAYOUT_BYTES, parse, pretty, read_text_up_to};
use std::path::Path;

/// Most walls, openings or products in one layout.
const MAX_ELEMENTS: usize = 100_000;

/// Parses layout text and checks everything that does not need the catalogs.
///
/// # Errors
/// Syntax errors, a format version this build cannot read (a version 1 layout is read and
/// migrated to the current version), duplicate or invalid ids, walls
/// without length, sizes and coordinates out of range, openings on unknown walls, room names
/// on unknown walls, named twice or unusable.
pub fn parse_layout(path: &Path, text: &str) -> Result<Layout, LoadError> {
    check_declared(path, text)?;
    let mut layout: Layout = parse(path, text)?;
    let source = SourceText::new(text);
    let version = u64::from(layout.format_version);
    if !(u64::from(OLDEST_FORMAT_VERSION)..=u64::from(FORMAT_VERSION)).contains(&version) {
        // Written elsewhere than first: located only now, as building the index costs time.
        let offset = source
            .find(0, Needle::Key("format_version"), 0)
            .unwrap_or(0);
        check_version(path, text, version, offset)?;
    }
    migrate(&mut layout);
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

/// Brings a layout read in an older format to this build's: version 2 reads every version 1
/// construct as it was, so only the version changes (and the layout is saved as version 2).
fn migrate(layout: &mut Layout) {
    layout.format_version = FORMAT_VERSION;
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
