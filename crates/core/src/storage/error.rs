//! File errors: every problem in a file names the file, line and column and what was expected.

use crate::domain::values::message_text::escape_control;
use crate::storage::locate::{Needle, SourceText};
use std::fmt;
use std::path::{Path, PathBuf};
use thiserror::Error;

/// One problem at a place in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileProblem {
    /// The file.
    pub path: PathBuf,
    /// 1-based line.
    pub line: usize,
    /// 1-based column (characters).
    pub column: usize,
    /// What was wrong and what was expected.
    pub message: String,
}

impl fmt::Display for FileProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Escaped so that every problem is one line that cannot drive a terminal.
        write!(
            f,
            "{}:{}:{}: {}",
            escape_control(&self.path.display().to_string()),
            self.line,
            self.column,
            escape_control(&self.message)
        )
    }
}

/// Why a file could not be loaded.
#[derive(Debug, Error)]
pub enum LoadError {
    /// The file could not be read.
    #[error("{}:1:1: cannot read: {source}", escape_control(&path.display().to_string()))]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The file's content is wrong; one or more located problems.
    #[error("{}", problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    Invalid {
        /// Every problem found, in file order.
        problems: Vec<FileProblem>,
    },
}

impl LoadError {
    /// A single located problem.
    #[must_use]
    pub fn at(path: &Path, line: usize, column: usize, message: impl Into<String>) -> Self {
        LoadError::Invalid {
            problems: vec![FileProblem {
                path: path.to_owned(),
                line,
                column,
                message: message.into(),
            }],
        }
    }

    /// A problem found after reading a file (while quoting, or checking a catalog's models),
    /// located at a field of its text: each step is `(key, None)` for `key:` or
    /// `(key, Some(value))` for `key: "value"`, searched from where the previous one matched.
    #[must_use]
    pub fn at_field(
        path: &Path,
        text: &str,
        steps: &[(&str, Option<&str>)],
        message: impl Into<String>,
    ) -> Self {
        let needles: Vec<(Needle<'_>, usize)> = steps
            .iter()
            .map(|(key, value)| match value {
                Some(value) => (Needle::KeyValue(key, value), 0),
                None => (Needle::Key(key), 0),
            })
            .collect();
        let (line, column) = SourceText::new(text).locate(&needles);
        Self::at(path, line, column, message)
    }
}

/// Why a file could not be written.
#[derive(Debug, Error)]
#[error("{}:1:1: cannot save: {}", escape_control(&path.display().to_string()), escape_control(message))]
pub struct SaveError {
    /// The file.
    pub path: PathBuf,
    /// What went wrong.
    pub message: String,
}
