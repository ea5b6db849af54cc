//! `room-planner catalog check`: validates catalog files and folders.

use super::model_check::check_models;
use super::{EXIT_BAD_INPUT, EXIT_OK};

/// Where catalog model paths point: `assets/` in the working directory.
const ASSETS_FOLDER: &str = "assets";
use crate::domain::catalog::Catalog;
use crate::domain::values::message_text::escape_control;
use crate::storage::catalog::{catalog_files, catalog_warnings, load_catalog_with_text};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Validates every catalog named (files, or folders of `.ron` files). Warnings are printed
/// and only fail the check with `deny_warnings`.
pub(super) fn run(paths: &[PathBuf], deny_warnings: bool) -> u8 {
    let mut files = Vec::new();
    let mut failed = false;
    for path in paths {
        if path.is_dir() {
            match catalog_files(path) {
                Ok(found) if found.is_empty() => {
                    eprintln!(
                        "{}:1:1: no .ron catalog files in this folder",
                        path.display()
                    );
                    failed = true;
                }
                Ok(found) => files.extend(found),
                Err(error) => {
                    eprintln!("{error}");
                    failed = true;
                }
            }
        } else {
            files.push(path.clone());
        }
    }
    let mut ids: BTreeMap<String, PathBuf> = BTreeMap::new();
    for file in &files {
        match load_catalog_with_text(file) {
            Ok((catalog, text)) => {
                let warnings = catalog_warnings(file, &text, &catalog);
                for warning in &warnings {
                    eprintln!("{warning}");
                }
                failed |= deny_warnings && !warnings.is_empty();
                if let Some(first) = ids.get(catalog.id.as_str()) {
                    eprintln!(
                        "{}:1:1: catalog id `{}` is already used by {}",
                        file.display(),
                        catalog.id,
                        first.display()
                    );
                    failed = true;
                    continue;
                }
                ids.insert(catalog.id.to_string(), file.clone());
                let models = check_models(&catalog, file, &text, Path::new(ASSETS_FOLDER));
                for problem in &models.problems {
                    eprintln!("{problem}");
                }
                if !models.problems.is_empty() {
                    failed = true;
                    continue;
                }
                println!(
                    "{}{}",
                    summary(file, &catalog, models.checked),
                    match warnings.len() {
                        0 => String::new(),
                        1 => ", 1 warning".to_owned(),
                        count => format!(", {count} warnings"),
                    }
                );
            }
            Err(error) => {
                eprintln!("{error}");
                failed = true;
            }
        }
    }
    if failed { EXIT_BAD_INPUT } else { EXIT_OK }
}

fn summary(file: &Path, catalog: &Catalog, models: usize) -> String {
    let options: usize = catalog.products.iter().map(|p| p.options.len()).sum();
    let rules: usize = catalog.products.iter().map(|p| p.rules.len()).sum();
    let configurable = catalog
        .products
        .iter()
        .filter(|p| !p.options.is_empty())
        .count();
    format!(
        "{}: ok: catalog `{}` version {} ({}): {} products in {} categories, {} configurable, {} options, {} rules, {} glTF models",
        file.display(),
        catalog.id,
        catalog.version,
        escape_control(&catalog.name),
        catalog.products.len(),
        catalog.categories().len(),
        configurable,
        options,
        rules,
        models
    )
}
