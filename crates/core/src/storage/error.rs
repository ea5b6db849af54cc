//! File errors: every problem in a file names the file, line and column and what was expected.

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
        write!(
            f,
            "{}:{}:{}: {}",
            self.path.display(),
            self.line,
            self.column,
            self.message
        )
    }
}

/// Why a file could not be loaded.
#[derive(Debug, Error)]
pub enum LoadError {
    /// The file could not be read.
    #[error("{}: cannot read: {source}", path.display())]
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
}

/// Why a file could not be written.
#[derive(Debug, Error)]
#[error("{}: cannot save: {message}", path.display())]
pub struct SaveError {
    /// The file.
    pub path: PathBuf,
    /// What went wrong.
    pub message: String,
}
