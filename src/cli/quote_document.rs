//! Gathering what a PDF or XLSX quote needs besides the layout: the dealer settings, the quote
//! number (the layout's own, or the next from the counter), the issue date and the picture.
//!
//! Numbering rule: a layout whose `quote.reference` is set keeps it, and when that reference has
//! the dealer's number form the counter is moved past it so the number is never issued again; a
//! layout without one gets the next number of the counter, which is saved before the quote is
//! written (so a number is used at most once even if writing fails).

use super::QuoteOptions;
use super::workspace::Workspace;
use crate::domain::catalog::CatalogSet;
use crate::domain::plan::{IsoDate, Layout};
use crate::domain::quote_document::{QuoteDocument, quote_document};
use crate::storage::dealer_settings::{DealerSettings, load_dealer};
use crate::storage::error::LoadError;
use crate::storage::png_image::PngImage;
use crate::storage::quote_counter::{CounterError, issue_quote_number, reserve_quote_number};
use std::path::Path;

/// A quote document with its pictures.
pub struct Prepared {
    /// The priced, checked and drawn quote.
    pub document: QuoteDocument,
    /// The dealer's details and logo.
    pub settings: DealerSettings,
    /// The picture of the design, if one was given.
    pub design: Option<PngImage>,
}

/// The issue date: `--date`, else the layout's quote date, else today (UTC).
fn issue_date(workspace: &Workspace, options: &QuoteOptions) -> IsoDate {
    if let Some(date) = options.date {
        return date;
    }
    if workspace.layout.quote.date.0 != time::Date::MIN {
        return workspace.layout.quote.date;
    }
    IsoDate(time::OffsetDateTime::now_utc().date())
}

/// Loads settings and picture, fixes the number, builds the document and writes it with
/// `render`; every problem is printed to stderr (located in its file) and `None` returned.
pub(super) fn prepare(
    layout_path: &Path,
    workspace: &Workspace,
    options: &QuoteOptions,
    render: &dyn Fn(&Prepared) -> Result<Vec<u8>, String>,
) -> Option<(Prepared, Vec<u8>)> {
    let date = issue_date(workspace, options);
    match prepare_quote(
        &workspace.layout,
        &workspace.catalogs,
        &options.settings,
        options.image.as_deref(),
        date,
        render,
    ) {
        Ok((prepared, bytes, notes)) => {
            for note in notes {
                eprintln!(
                    "note: {note}; set it as quote.reference in {} to keep it for this layout",
                    layout_path.display()
                );
            }
            Some((prepared, bytes))
        }
        Err(PrepareError::Located(problem)) => {
            eprintln!("{problem}");
            None
        }
        Err(PrepareError::Reference(problem)) => {
            let located = LoadError::at_field(
                layout_path,
                &workspace.text,
                &[("quote", None), ("reference", None)],
                problem.to_string(),
            );
            eprintln!("{located}");
            None
        }
        Err(PrepareError::Layout(problem)) => {
            eprintln!("{}:1:1: {problem}", layout_path.display());
            None
        }
    }
}

/// Why a quote could not be prepared.
#[derive(Debug)]
pub enum PrepareError {
    /// A problem already located in its file (settings, picture, counter).
    Located(String),
    /// The layout's reference cannot be used (its number is far beyond the counter).
    Reference(CounterError),
    /// The layout cannot be quoted or written (pricing, the document writer).
    Layout(String),
}

impl std::fmt::Display for PrepareError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PrepareError::Located(problem) | PrepareError::Layout(problem) => f.write_str(problem),
            PrepareError::Reference(problem) => write!(f, "{problem}"),
        }
    }
}

/// Loads the dealer settings and picture, fixes the quote number, builds the document and
/// writes it with `render`. Returns the written bytes and notes for the user (a newly issued
/// number).
///
/// Everything that can fail is tried before a number is issued: pricing, and writing the
/// document once with a stand-in number of the largest width, so a document that cannot be
/// written never uses up a number.
///
/// # Errors
/// Settings, picture, pricing, writing or counter problems.
pub fn prepare_quote(
    layout: &Layout,
    catalogs: &CatalogSet,
    settings_folder: &Path,
    image: Option<&Path>,
    date: IsoDate,
    render: &dyn Fn(&Prepared) -> Result<Vec<u8>, String>,
) -> Result<(Prepared, Vec<u8>, Vec<String>), PrepareError> {
    let located = |error: LoadError| PrepareError::Located(error.to_string());
    let settings = load_dealer(settings_folder).map_err(located)?;
    let design = image.map(PngImage::load).transpose().map_err(located)?;
    let numbering = settings.dealer.numbering.clone();
    let existing = layout.quote.reference.trim();
    // Price first: a layout that cannot be quoted must not use up a number.
    let draft = quote_document(layout, catalogs, &settings.dealer, existing, date)
        .map_err(|error| PrepareError::Layout(error.to_string()))?;
    let mut prepared = Prepared {
        document: draft,
        settings,
        design,
    };
    let counter = |error: CounterError| match error {
        CounterError::ReferenceTooFar { .. } => PrepareError::Reference(error),
        other => PrepareError::Located(other.to_string()),
    };
    let mut notes = Vec::new();
    if existing.is_empty() {
        prepared.document.reference =
            numbering.format(crate::storage::quote_counter::MAX_QUOTE_NUMBER, date);
        render(&prepared).map_err(PrepareError::Layout)?;
        let number = issue_quote_number(settings_folder).map_err(counter)?;
        let reference = numbering.format(number, date);
        notes.push(format!("issued quote number {reference}"));
        prepared.document.reference = reference;
    } else if let Some(number) = numbering.number_in(existing, date) {
        render(&prepared).map_err(PrepareError::Layout)?;
        reserve_quote_number(settings_folder, number).map_err(counter)?;
    }
    let bytes = render(&prepared).map_err(PrepareError::Layout)?;
    Ok((prepared, bytes, notes))
}
