//! The quote number counter (`quote-counter.ron` beside the dealer settings): the last number
//! issued. Numbers only ever go up, so none is issued twice: each update holds an exclusive lock
//! on `quote-counter.lock` while it reads the file and replaces it atomically.

use crate::storage::atomic_write::write_atomically;
use crate::storage::error::{LoadError, SaveError};
use crate::storage::ron_text::{parse, pretty, read_text};
use serde::{Deserialize, Serialize};
use std::fs::File;
use std::path::Path;
use thiserror::Error;

/// The counter file's name inside the settings folder.
pub const COUNTER_FILE: &str = "quote-counter.ron";
/// The lock file's name inside the settings folder.
const LOCK_FILE: &str = "quote-counter.lock";

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename = "QuoteCounter")]
struct CounterFile {
    /// The last quote number issued.
    last_number: u64,
}

/// Why the counter could not be read or advanced.
#[derive(Debug, Error)]
pub enum CounterError {
    /// The counter file is unreadable or malformed.
    #[error(transparent)]
    Load(#[from] LoadError),
    /// The counter or its lock could not be written.
    #[error(transparent)]
    Save(#[from] SaveError),
    /// Every number has been used.
    #[error("{}: the quote counter has reached its largest number", path.display())]
    Exhausted {
        /// The counter file.
        path: std::path::PathBuf,
    },
}

/// Issues the next quote number (one more than the last issued; 1 for a new counter) and
/// records it before returning.
///
/// # Errors
/// A malformed counter file, or one that cannot be written.
pub fn issue_quote_number(folder: &Path) -> Result<u64, CounterError> {
    update(folder, |last| last.checked_add(1))
}

/// Records that `number` is taken (a layout carries it already), so it is never issued again.
///
/// # Errors
/// A malformed counter file, or one that cannot be written.
pub fn reserve_quote_number(folder: &Path, number: u64) -> Result<(), CounterError> {
    update(folder, |last| Some(last.max(number))).map(|_| ())
}

/// The last number issued (0 when there is no counter yet).
///
/// # Errors
/// A malformed counter file.
pub fn last_quote_number(folder: &Path) -> Result<u64, CounterError> {
    let path = folder.join(COUNTER_FILE);
    if !path.exists() {
        return Ok(0);
    }
    let text = read_text(&path)?;
    let counter: CounterFile = parse(&path, &text)?;
    Ok(counter.last_number)
}

fn update(folder: &Path, next: impl FnOnce(u64) -> Option<u64>) -> Result<u64, CounterError> {
    let path = folder.join(COUNTER_FILE);
    let lock_path = folder.join(LOCK_FILE);
    let lock_error = |error: std::io::Error| SaveError {
        path: lock_path.clone(),
        message: error.to_string(),
    };
    let lock = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)
        .map_err(lock_error)?;
    lock.lock().map_err(lock_error)?;
    let last = last_quote_number(folder)?;
    let number = next(last).ok_or_else(|| CounterError::Exhausted { path: path.clone() })?;
    if number != last || !path.exists() {
        let mut text = ron::ser::to_string_pretty(
            &CounterFile {
                last_number: number,
            },
            pretty(),
        )
        .map_err(|error| SaveError {
            path: path.clone(),
            message: error.to_string(),
        })?;
        text.push('\n');
        write_atomically(&path, text.as_bytes())?;
    }
    // Dropping the file releases the lock.
    drop(lock);
    Ok(number)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder(name: &str) -> std::path::PathBuf {
        let folder = std::env::temp_dir().join(format!("rp-counter-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&folder);
        std::fs::create_dir_all(&folder).unwrap();
        folder
    }

    #[test]
    fn numbers_go_up_and_a_reserved_number_is_skipped() {
        let folder = folder("up");
        assert_eq!(last_quote_number(&folder).unwrap(), 0);
        assert_eq!(issue_quote_number(&folder).unwrap(), 1);
        assert_eq!(issue_quote_number(&folder).unwrap(), 2);
        reserve_quote_number(&folder, 41).unwrap();
        reserve_quote_number(&folder, 7).unwrap();
        assert_eq!(issue_quote_number(&folder).unwrap(), 42);
        let text = std::fs::read_to_string(folder.join(COUNTER_FILE)).unwrap();
        assert_eq!(text, "QuoteCounter(\n    last_number: 42,\n)\n");
        std::fs::remove_dir_all(&folder).unwrap();
    }

    #[test]
    fn threads_racing_for_numbers_never_share_one() {
        let folder = folder("race");
        let handles: Vec<_> = (0..4)
            .map(|_| {
                let folder = folder.clone();
                std::thread::spawn(move || {
                    (0..10)
                        .map(|_| issue_quote_number(&folder).unwrap())
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        let mut numbers: Vec<u64> = handles
            .into_iter()
            .flat_map(|handle| handle.join().unwrap())
            .collect();
        numbers.sort_unstable();
        assert_eq!(numbers, (1..=40).collect::<Vec<_>>());
        std::fs::remove_dir_all(&folder).unwrap();
    }

    #[test]
    fn a_broken_counter_is_located_and_left_alone() {
        let folder = folder("broken");
        std::fs::write(folder.join(COUNTER_FILE), "QuoteCounter(\n  last: 3,\n)").unwrap();
        let error = issue_quote_number(&folder).unwrap_err().to_string();
        assert!(error.contains("quote-counter.ron:2:3:"), "{error}");
        std::fs::remove_dir_all(&folder).unwrap();
    }
}
