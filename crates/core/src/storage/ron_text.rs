//! RON reading and writing with the project's settings: size and nesting limits, `implicit_some`
//! for hand-written files, and one canonical pretty layout for everything written.

use crate::domain::values::message_text::escape_control as escape_for_message;
use crate::storage::error::LoadError;
use crate::storage::ron_keys::first_duplicate_key;
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

/// Largest layout file read (64 MiB): a layout holds at most 100,000 walls, openings and
/// products each; 100,000 products with their options are about 40 MB in the canonical form,
/// leaving room for the walls and openings of their rooms.
pub(crate) const MAX_LAYOUT_BYTES: u64 = 64 * 1024 * 1024;

/// Reads a file as UTF-8 text, refusing files over [`MAX_FILE_BYTES`].
///
/// # Errors
/// IO errors, files too large, text that is not UTF-8.
pub(crate) fn read_text(path: &Path) -> Result<String, LoadError> {
    read_text_up_to(path, MAX_FILE_BYTES, "")
}

/// Reads a file as UTF-8 text, refusing files over `limit` bytes; `why` explains the limit in
/// the message.
///
/// # Errors
/// IO errors, files too large, text that is not UTF-8.
pub(crate) fn read_text_up_to(path: &Path, limit: u64, why: &str) -> Result<String, LoadError> {
    let io = |source| LoadError::Io {
        path: path.to_owned(),
        source,
    };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > limit {
        return Err(LoadError::at(
            path,
            1,
            1,
            format!("file is {size} bytes; files over {limit} bytes are refused{why}"),
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

/// Parses RON text, turning syntax and type errors into a located problem. A field or map key
/// written twice in one struct or map is an error at the second one.
///
/// # Errors
/// The RON error at its line and column; a repeated field or key.
pub fn parse<T: DeserializeOwned>(path: &Path, text: &str) -> Result<T, LoadError> {
    let value = parse_syntax(path, text)?;
    if let Some(duplicate) = first_duplicate_key(text) {
        let source = crate::storage::locate::SourceText::new(text);
        let (line, column) = source.line_column(duplicate.second_offset);
        let (first_line, _) = source.line_column(duplicate.first_offset);
        return Err(LoadError::at(
            path,
            line,
            column,
            format!(
                "{} is written twice (first on line {first_line}); write it once",
                describe_key(&duplicate.key)
            ),
        ));
    }
    Ok(value)
}

fn describe_key(key: &str) -> String {
    if key.starts_with('"') || key.starts_with('r') && key.ends_with(['"', '#']) {
        format!("the key {}", escape_for_message(key))
    } else {
        format!("field `{}`", escape_for_message(key))
    }
}

fn parse_syntax<T: DeserializeOwned>(path: &Path, text: &str) -> Result<T, LoadError> {
    options().from_str(text).map_err(|error| {
        let source = crate::storage::locate::SourceText::new(text);
        let at_end = source
            .only_whitespace_after(source.offset_of(error.span.start.line, error.span.start.col));
        let message = match &error.code {
            ron::Error::Eof => "the file ends too early (is it cut off?)".to_owned(),
            ron::Error::ExceededRecursionLimit => format!(
                "values are nested more than {RECURSION_LIMIT} levels deep here; files are refused beyond that depth"
            ),
            ron::Error::DuplicateStructField { field, .. } => {
                format!("field `{field}` is written twice; write it once")
            }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_beyond_the_limit_says_the_limit_and_where() {
        let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
        let error = parse::<ron::Value>(Path::new("deep.ron"), &deep)
            .err()
            .map(|error| error.to_string())
            .unwrap_or_default();
        assert!(
            error.starts_with("deep.ron:1:")
                && error.contains("nested more than 64 levels deep here")
                && !error.contains("recursion_limit"),
            "{error}"
        );
        let shallow = format!("{}{}", "[".repeat(10), "]".repeat(10));
        assert!(parse::<ron::Value>(Path::new("ok.ron"), &shallow).is_ok());
    }
}
