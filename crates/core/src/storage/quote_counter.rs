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
/// Largest quote number: twelve digits, the most a number is padded to. The counter never goes
/// beyond it, so it always has numbers left to issue unless a dealer issues a trillion quotes.
pub const MAX_QUOTE_NUMBER: u64 = 999_999_999_999;
/// Furthest a layout's own reference may lie beyond the last issued number: further is taken
/// for a typo (`Q-2026-99999999`), which would otherwise make the counter jump for good.
pub const MAX_REFERENCE_JUMP: u64 = 100_000;

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
    #[error("{}:1:1: the quote counter has reached its largest number, {MAX_QUOTE_NUMBER}", path.display())]
    Exhausted {
        /// The counter file.
        path: std::path::PathBuf,
    },
    /// A layout's reference carries a number far beyond the counter (a typo, most likely).
    #[error(
        "quote.reference has number {number}, more than {MAX_REFERENCE_JUMP} past the last number issued ({last}); correct the reference or clear it to get the next number"
    )]
    ReferenceTooFar {
        /// The number in the layout's reference.
        number: u64,
        /// The last number the counter issued.
        last: u64,
    },
}

/// Issues the next quote number (one more than the last issued; 1 for a new counter) and
/// records it before returning.
///
/// # Errors
/// A malformed counter file, or one that cannot be written.
pub fn issue_quote_number(folder: &Path) -> Result<u64, CounterError> {
    update(folder, |last| {
        last.checked_add(1)
            .filter(|number| *number <= MAX_QUOTE_NUMBER)
            .ok_or(None)
    })
}

/// Records that `number` is taken (a layout carries it already), so it is never issued again.
///
/// # Errors
/// A malformed counter file, or one that cannot be written; a number more than
/// [`MAX_REFERENCE_JUMP`] beyond the last one issued (the counter is left alone).
pub fn reserve_quote_number(folder: &Path, number: u64) -> Result<(), CounterError> {
    update(folder, |last| {
        if number <= last {
            Ok(last)
        } else if number - last > MAX_REFERENCE_JUMP || number > MAX_QUOTE_NUMBER {
            Err(Some(CounterError::ReferenceTooFar { number, last }))
        } else {
            Ok(number)
        }
    })
    .map(|_| ())
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
    if counter.last_number > MAX_QUOTE_NUMBER {
        let (line, column) = crate::storage::locate::SourceText::new(&text)
            .locate(&[(crate::storage::locate::Needle::Key("last_number"), 0)]);
        return Err(LoadError::at(
            &path,
            line,
            column,
            format!(
                "last_number {} is beyond the largest quote number, {MAX_QUOTE_NUMBER}",
                counter.last_number
            ),
        )
        .into());
    }
    Ok(counter.last_number)
}

/// Moves the counter from its last number to the one `next` gives; `Err(None)` means the
/// counter is exhausted.
fn update(
    folder: &Path,
    next: impl FnOnce(u64) -> Result<u64, Option<CounterError>>,
) -> Result<u64, CounterError> {
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
    let number = next(last)
        .map_err(|error| error.unwrap_or_else(|| CounterError::Exhausted { path: path.clone() }))?;
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
    fn a_reference_far_beyond_the_counter_is_refused_and_the_counter_kept() {
        let folder = folder("far");
        assert_eq!(issue_quote_number(&folder).unwrap(), 1);
        for number in [99_999_999, u64::MAX, 1 + MAX_REFERENCE_JUMP + 1] {
            let error = reserve_quote_number(&folder, number).unwrap_err();
            assert!(
                matches!(error, CounterError::ReferenceTooFar { last: 1, .. }),
                "{error}"
            );
        }
        assert!(
            reserve_quote_number(&folder, 99_999_999)
                .unwrap_err()
                .to_string()
                .starts_with("quote.reference has number 99999999, more than 100000 past")
        );
        reserve_quote_number(&folder, 1 + MAX_REFERENCE_JUMP).unwrap();
        assert_eq!(issue_quote_number(&folder).unwrap(), MAX_REFERENCE_JUMP + 2);
        std::fs::remove_dir_all(&folder).unwrap();
    }

    #[test]
    fn the_counter_never_reaches_a_number_it_cannot_advance_from() {
        let folder = folder("end");
        let path = folder.join(COUNTER_FILE);
        std::fs::write(
            &path,
            format!("QuoteCounter(last_number: {})", MAX_QUOTE_NUMBER - 1),
        )
        .unwrap();
        assert_eq!(issue_quote_number(&folder).unwrap(), MAX_QUOTE_NUMBER);
        let error = issue_quote_number(&folder).unwrap_err().to_string();
        assert!(
            error.contains("quote-counter.ron:1:1: the quote counter has reached"),
            "{error}"
        );
        std::fs::write(
            &path,
            "QuoteCounter(\n  last_number: 18446744073709551615,\n)",
        )
        .unwrap();
        let error = issue_quote_number(&folder).unwrap_err().to_string();
        assert!(
            error.contains("quote-counter.ron:2:3: last_number 18446744073709551615 is beyond"),
            "{error}"
        );
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
