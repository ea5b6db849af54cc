//! Catalog files: reading one file or a folder of them into validated [`Catalog`]s, in format
//! version 1 or 2.

mod raw;
mod raw_condition;
mod raw_personal;
mod raw_prices;
mod upgrade;
mod validate;
mod warnings;

pub use upgrade::{UpgradedCatalog, upgrade_catalog};
pub use warnings::catalog_warnings;

use crate::domain::catalog::Catalog;
use crate::storage::error::{FileProblem, LoadError};
use crate::storage::format_version::{
    FORMAT_VERSION, OLDEST_FORMAT_VERSION, check_declared, check_version,
};
use crate::storage::locate::{Needle, SourceText};
use crate::storage::ron_text::{parse, read_text};
use std::path::{Path, PathBuf};

/// Most catalog files read from one folder.
const MAX_FILES_PER_FOLDER: usize = 1000;

/// Parses and validates catalog text; `path` is only used in messages.
///
/// # Errors
/// Every problem found, each with its line and column.
pub fn parse_catalog(path: &Path, text: &str) -> Result<Catalog, LoadError> {
    check_declared(path, text)?;
    let raw: raw::RawCatalog = parse(path, text)?;
    // Version 1 (no `format_version`) reads as version 2: every version 1 construct is valid in
    // version 2 unchanged.
    let version = raw.format_version.unwrap_or(OLDEST_FORMAT_VERSION);
    if !(OLDEST_FORMAT_VERSION..=FORMAT_VERSION).contains(&version) {
        // Written elsewhere than first (the declared first field was checked above).
        let offset = SourceText::new(text)
            .find(0, Needle::Key("format_version"), 0)
            .unwrap_or(0);
        check_version(path, text, u64::from(version), offset)?;
    }
    validate::validate(path, text, raw)
}

/// Reads and validates one catalog file.
///
/// # Errors
/// Unreadable file, or every problem found in it.
pub fn load_catalog(path: &Path) -> Result<Catalog, LoadError> {
    let text = read_text(path)?;
    parse_catalog(path, &text)
}

/// Reads and validates one catalog file, returning its text too (to locate problems found
/// later, such as a glTF model that does not match).
///
/// # Errors
/// Unreadable file, or every problem found in it.
pub fn load_catalog_with_text(path: &Path) -> Result<(Catalog, String), LoadError> {
    let text = read_text(path)?;
    let catalog = parse_catalog(path, &text)?;
    Ok((catalog, text))
}

/// The `.ron` files in a folder, sorted by name.
///
/// # Errors
/// An unreadable folder or one with too many files.
pub fn catalog_files(folder: &Path) -> Result<Vec<PathBuf>, LoadError> {
    let io = |source| LoadError::Io {
        path: folder.to_owned(),
        source,
    };
    let mut files = Vec::new();
    for entry in std::fs::read_dir(folder).map_err(io)? {
        let path = entry.map_err(io)?.path();
        if path.is_file() && path.extension().is_some_and(|ext| ext == "ron") {
            files.push(path);
        }
    }
    if files.len() > MAX_FILES_PER_FOLDER {
        return Err(LoadError::at(
            folder,
            1,
            1,
            format!(
                "{} catalog files; at most {MAX_FILES_PER_FOLDER} are read",
                files.len()
            ),
        ));
    }
    files.sort();
    Ok(files)
}

/// Loads every catalog file in a folder; catalogs that load are returned along with the errors
/// of those that do not, and two files with the same catalog id are an error.
#[must_use]
pub fn load_catalog_folder(folder: &Path) -> (Vec<Catalog>, Vec<LoadError>) {
    let files = match catalog_files(folder) {
        Ok(files) => files,
        Err(error) => return (Vec::new(), vec![error]),
    };
    let mut catalogs: Vec<(PathBuf, Catalog)> = Vec::new();
    let mut errors = Vec::new();
    for file in files {
        match load_catalog(&file) {
            Ok(catalog) => {
                if let Some((first, _)) = catalogs.iter().find(|(_, known)| known.id == catalog.id)
                {
                    errors.push(LoadError::Invalid {
                        problems: vec![FileProblem {
                            path: file.clone(),
                            line: 1,
                            column: 1,
                            message: format!(
                                "catalog id `{}` is already used by {}",
                                catalog.id,
                                first.display()
                            ),
                        }],
                    });
                } else {
                    catalogs.push((file, catalog));
                }
            }
            Err(error) => errors.push(error),
        }
    }
    (
        catalogs.into_iter().map(|(_, catalog)| catalog).collect(),
        errors,
    )
}
