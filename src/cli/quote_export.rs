//! `room-planner quote`: writes a layout's quote (CSV lines and totals, or the BOM).

use super::workspace::load;
use super::{EXIT_BAD_INPUT, EXIT_OK, QuoteFormat};
use crate::domain::constraints::check_layout;
use crate::domain::quote::quote_for_layout;
use crate::storage::csv_quote::{bom_csv, quote_csv};
use std::io::Write;
use std::path::Path;

/// Writes the quote to `output` or stdout.
pub(super) fn run(
    layout_path: &Path,
    format: QuoteFormat,
    output: Option<&Path>,
    catalogs_folder: &Path,
) -> u8 {
    let Some(workspace) = load(layout_path, catalogs_folder) else {
        return EXIT_BAD_INPUT;
    };
    let quote = match quote_for_layout(&workspace.layout, &workspace.catalogs) {
        Ok(quote) => quote,
        Err(error) => {
            eprintln!("{}: {error}", layout_path.display());
            return EXIT_BAD_INPUT;
        }
    };
    let violations = check_layout(&workspace.layout, &workspace.catalogs);
    if !violations.is_empty() {
        eprintln!(
            "warning: the layout has {} constraint violation(s); run `room-planner check {}` to list them",
            violations.len(),
            layout_path.display()
        );
    }
    let bytes = match format {
        QuoteFormat::Csv => quote_csv(&quote),
        QuoteFormat::BomCsv => bom_csv(&quote),
    };
    let bytes = match bytes {
        Ok(bytes) => bytes,
        Err(error) => {
            eprintln!("cannot write the CSV: {error}");
            return EXIT_BAD_INPUT;
        }
    };
    let written = match output {
        Some(path) => std::fs::write(path, &bytes)
            .map_err(|error| format!("{}: cannot write: {error}", path.display())),
        None => std::io::stdout()
            .write_all(&bytes)
            .map_err(|error| format!("cannot write to stdout: {error}")),
    };
    match written {
        Ok(()) => EXIT_OK,
        Err(message) => {
            eprintln!("{message}");
            EXIT_BAD_INPUT
        }
    }
}
