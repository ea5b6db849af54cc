//! `room-planner quote`: writes a layout's quote as CSV, BOM CSV, PDF or XLSX.

use super::quote_document::prepare;
use super::workspace::load;
use super::{EXIT_BAD_INPUT, EXIT_OK, QuoteFormat, QuoteOptions};
use crate::domain::constraints::check_layout;
use crate::domain::quote::quote_for_layout;
use crate::storage::atomic_write::write_atomically;
use crate::storage::csv_quote::{bom_csv, quote_csv};
use crate::storage::pdf_quote::{QuotePictures, quote_pdf};
use crate::storage::xlsx_quote::quote_xlsx;
use std::io::Write;
use std::path::Path;

/// Writes the quote to `output` or stdout.
pub(super) fn run(
    layout_path: &Path,
    format: QuoteFormat,
    output: Option<&Path>,
    catalogs_folder: &Path,
    options: &QuoteOptions,
) -> u8 {
    let binary = matches!(format, QuoteFormat::Pdf | QuoteFormat::Xlsx);
    if binary && output.is_none() {
        eprintln!("error: --format pdf and --format xlsx need an output file: -o FILE");
        return EXIT_BAD_INPUT;
    }
    let Some(workspace) = load(layout_path, catalogs_folder) else {
        return EXIT_BAD_INPUT;
    };
    let bytes = if binary {
        let Some(prepared) = prepare(layout_path, &workspace, options) else {
            return EXIT_BAD_INPUT;
        };
        let document = &prepared.document;
        warn_about_violations(layout_path, document.violations.len(), true);
        let written = match format {
            QuoteFormat::Pdf => quote_pdf(
                document,
                QuotePictures {
                    logo: prepared.settings.logo.as_ref(),
                    design: prepared.design.as_ref(),
                },
            )
            .map_err(|error| error.to_string()),
            _ => {
                quote_xlsx(document).map_err(|error| format!("the XLSX cannot be written: {error}"))
            }
        };
        match written {
            Ok(bytes) => bytes,
            Err(message) => {
                eprintln!("{message}");
                return EXIT_BAD_INPUT;
            }
        }
    } else {
        let quote = match quote_for_layout(&workspace.layout, &workspace.catalogs) {
            Ok(quote) => quote,
            Err(error) => {
                eprintln!("{}: {error}", layout_path.display());
                return EXIT_BAD_INPUT;
            }
        };
        let violations = check_layout(&workspace.layout, &workspace.catalogs);
        warn_about_violations(layout_path, violations.len(), false);
        let csv = match format {
            QuoteFormat::BomCsv => bom_csv(&quote),
            _ => quote_csv(&quote),
        };
        match csv {
            Ok(bytes) => bytes,
            Err(error) => {
                eprintln!("cannot write the CSV: {error}");
                return EXIT_BAD_INPUT;
            }
        }
    };
    let written = match output {
        Some(path) => write_atomically(path, &bytes).map_err(|error| error.to_string()),
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

fn warn_about_violations(layout_path: &Path, count: usize, noticed: bool) {
    if count == 0 {
        return;
    }
    let carried = if noticed {
        "; the quote carries a notice listing them"
    } else {
        ""
    };
    eprintln!(
        "warning: the layout has {count} constraint violation(s){carried}; run `room-planner check {}` to list them",
        layout_path.display()
    );
}
