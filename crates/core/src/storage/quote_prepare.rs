//! Preparing a PDF or XLSX quote for any front end: the dealer settings, the picture, the quote
//! number (the layout's own, or the next from the counter) and the document.
//!
//! Numbering rule: a layout whose `quote.reference` is set keeps it, and when that reference has
//! the dealer's number form the counter is moved past it so the number is never issued again; a
//! layout without one gets the next number of the counter, which is saved before the quote is
//! written (so a number is used at most once even if writing fails).

use crate::domain::catalog::CatalogSet;
use crate::domain::layout::Layout;
use crate::domain::pricing::quote_document::{QuoteDocument, quote_document};
use crate::domain::values::date::IsoDate;
use crate::storage::dealer_settings::{DealerSettings, load_dealer};
use crate::storage::error::LoadError;
use crate::storage::png_image::PngImage;
use crate::storage::quote_counter::{
    CounterError, MAX_QUOTE_NUMBER, issue_quote_number, reserve_quote_number,
};
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
        prepared.document.reference = numbering.format(MAX_QUOTE_NUMBER, date);
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
