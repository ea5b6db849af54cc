//! RON reading and writing with the project's settings: size and nesting limits, `implicit_some`
//! for hand-written files, and one canonical pretty layout for everything written.

use crate::storage::error::LoadError;
use serde::de::DeserializeOwned;
use std::path::Path;

/// Largest file read (16 MiB): catalogs and layouts are far smaller; bigger means damage.
pub(crate) const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// Deepest nesting accepted, so a hostile file cannot exhaust the stack.
const RECURSION_LIMIT: usize = 64;

fn options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .with_recursion_limit(RECURSION_LIMIT)
}

/// Reads a file as UTF-8 text, refusing files over [`MAX_FILE_BYTES`].
///
/// # Errors
/// IO errors, files too large, text that is not UTF-8.
pub(crate) fn read_text(path: &Path) -> Result<String, LoadError> {
    let io = |source| LoadError::Io {
        path: path.to_owned(),
        source,
    };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > MAX_FILE_BYTES {
        return Err(LoadError::at(
            path,
            1,
            1,
            format!("file is {size} bytes; files over {MAX_FILE_BYTES} bytes are refused"),
        ));
    }
    let bytes = std::fs::read(path).map_err(io)?;
    String::from_utf8(bytes).map_err(|error| {
        let valid = error.utf8_error().valid_up_to();
        let text = String::from_utf8_lossy(&error.as_bytes()[..valid]).into_owned();
        let source = crate::storage::locate::SourceText::new(&text);
        let (line, column) = source.line_column(valid);
        LoadError::at(path, line, column, "the file is not UTF-8 text")
    })
}

/// Parses RON text, turning syntax and type errors into a located problem.
///
/// # Errors
/// The RON error at its line and column.
pub(crate) fn parse<T: DeserializeOwned>(path: &Path, text: &str) -> Result<T, LoadError> {
    options().from_str(text).map_err(|error| {
        let source = crate::storage::locate::SourceText::new(text);
        let at_end = source
            .only_whitespace_after(source.offset_of(error.span.start.line, error.span.start.col));
        let message = match &error.code {
            ron::Error::Eof => "the file ends too early (is it cut off?)".to_owned(),
            other if at_end => {
                format!("the file ends too early (is it empty or cut off?): {other}")
            }
            other => other.to_string(),
        };
        LoadError::at(path, error.span.start.line, error.span.start.col, message)
    })
}

/// The one pretty layout every written RON file uses.
pub(crate) fn pretty() -> ron::ser::PrettyConfig {
    ron::ser::PrettyConfig::new()
        .indentor("    ")
        .new_line("\n")
        .struct_names(true)
        .depth_limit(8)
}
