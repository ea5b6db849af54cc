//! `room-planner catalog upgrade`: writes a catalog in the current format version, keeping the
//! dealer's comments (the core inserts the version and proves the catalog unchanged).

use super::{EXIT_BAD_INPUT, EXIT_OK};
use crate::storage::atomic_write::write_atomically;
use crate::storage::catalog::upgrade_catalog;
use crate::storage::format_version::FORMAT_VERSION;
use std::path::Path;

/// Upgrades `file` and writes it to `output` (or back to `file`); a catalog with problems is
/// left untouched.
pub(super) fn run(file: &Path, output: Option<&Path>) -> u8 {
    let upgraded = match upgrade_catalog(file) {
        Ok(upgraded) => upgraded,
        Err(error) => {
            eprintln!("{error}");
            return EXIT_BAD_INPUT;
        }
    };
    let target = output.unwrap_or(file);
    if upgraded.from_version == u64::from(FORMAT_VERSION) && target == file {
        println!(
            "{}: already format {FORMAT_VERSION}; left as it is",
            file.display()
        );
        return EXIT_OK;
    }
    match write_atomically(target, upgraded.text.as_bytes()) {
        Ok(()) => {
            println!(
                "{}: format {} written as format {FORMAT_VERSION} to {}",
                file.display(),
                upgraded.from_version,
                target.display()
            );
            EXIT_OK
        }
        Err(error) => {
            eprintln!("{error}");
            EXIT_BAD_INPUT
        }
    }
}
