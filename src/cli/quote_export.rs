//! `room-planner quote`: writes a layout's quote as CSV, BOM CSV, PDF or XLSX, or its production
//! sheet (PDF).

use super::quote_document::{issue_date, prepare};
use super::workspace::load;
use super::{EXIT_BAD_INPUT, EXIT_OK, QuoteFormat, QuoteOptions};
use crate::domain::constraints::check_layout;
use crate::domain::pricing::quote::quote_for_layout;
use crate::storage::atomic_write::write_atomically;
use crate::storage::csv_quote::{bom_csv, quote_csv};
use crate::storage::pdf_quote::{QuotePictures, quote_pdf};
use crate::storage::personal_image::line_thumbnails;
use crate::storage::production_prepare::prepare_production;
use crate::storage::quote_prepare::{PrepareError, Prepared};
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
    let binary = matches!(
        format,
        QuoteFormat::Pdf | QuoteFormat::Xlsx | QuoteFormat::Production
    );
    if binary && output.is_none() {
        eprintln!(
            "{}:1:1: --format pdf, xlsx and production need an output file: -o FILE",
            layout_path.display()
        );
        return EXIT_BAD_INPUT;
    }
    let Some(workspace) = load(layout_path, catalogs_folder) else {
        return EXIT_BAD_INPUT;
    };
    let bytes = if format == QuoteFormat::Production {
        let date = issue_date(&workspace, options);
        // The customers' images are named relative to the layout's folder.
        // (`layout.ron` has the empty path as its parent: the working folder.)
        let layout_folder = layout_path
            .parent()
            .filter(|folder| !folder.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        match prepare_production(
            &workspace.layout,
            &workspace.catalogs,
            &options.settings,
            layout_folder,
            date,
        ) {
            Ok(bytes) => bytes,
            Err(PrepareError::Located(problem)) => {
                eprintln!("{problem}");
                return EXIT_BAD_INPUT;
            }
            Err(problem) => {
                eprintln!("{}:1:1: {problem}", layout_path.display());
                return EXIT_BAD_INPUT;
            }
        }
    } else if binary {
        let layout_folder = layout_path.parent().unwrap_or(Path::new("."));
        let render = |prepared: &Prepared| match format {
            QuoteFormat::Pdf => quote_pdf(
                &prepared.document,
                QuotePictures {
                    logo: prepared.settings.logo.as_ref(),
                    design: prepared.design.as_ref(),
                    thumbnails: &line_thumbnails(layout_folder, &prepared.document.quote),
                },
            )
            .map_err(|error| format!("the PDF cannot be written: {error}")),
            _ => quote_xlsx(&prepared.document)
                .map_err(|error| format!("the XLSX cannot be written: {error}")),
        };
        let Some((prepared, bytes)) = prepare(layout_path, &workspace, options, &render) else {
            return EXIT_BAD_INPUT;
        };
        warn_about_violations(layout_path, prepared.document.violations.len(), true);
        bytes
    } else {
        let quote = match quote_for_layout(&workspace.layout, &workspace.catalogs) {
            Ok(quote) => quote,
            Err(error) => {
                eprintln!("{}:1:1: {error}", layout_path.display());
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
                eprintln!(
                    "{}:1:1: cannot write the CSV: {error}",
                    layout_path.display()
                );
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
