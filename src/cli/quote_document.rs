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
use crate::storage::png_image::PngImage;
use crate::storage::quote_counter::{issue_quote_number, reserve_quote_number};
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

/// Loads settings and picture, fixes the number and builds the document; every problem is
/// printed to stderr and `None` returned.
pub(super) fn prepare(
    layout_path: &Path,
    workspace: &Workspace,
    options: &QuoteOptions,
) -> Option<Prepared> {
    let date = issue_date(workspace, options);
    match prepare_quote(
        &workspace.layout,
        &workspace.catalogs,
        &options.settings,
        options.image.as_deref(),
        date,
    ) {
        Ok((prepared, notes)) => {
            for note in notes {
                eprintln!(
                    "note: {note}; set it as quote.reference in {} to keep it for this layout",
                    layout_path.display()
                );
            }
            Some(prepared)
        }
        Err(problem) => {
            eprintln!("{}: {problem}", layout_path.display());
            None
        }
    }
}

/// Loads the dealer settings and picture, fixes the quote number and builds the document.
/// Returns notes for the user (a newly issued number).
///
/// # Errors
/// Settings, picture, pricing or counter problems, as text for the user.
pub fn prepare_quote(
    layout: &Layout,
    catalogs: &CatalogSet,
    settings_folder: &Path,
    image: Option<&Path>,
    date: IsoDate,
) -> Result<(Prepared, Vec<String>), String> {
    let settings = load_dealer(settings_folder).map_err(|error| error.to_string())?;
    let design = image
        .map(PngImage::load)
        .transpose()
        .map_err(|error| error.to_string())?;
    let numbering = &settings.dealer.numbering;
    let existing = layout.quote.reference.trim();
    // Price first: a layout that cannot be quoted must not use up a number.
    let draft = quote_document(layout, catalogs, &settings.dealer, existing, date)
        .map_err(|error| error.to_string())?;
    let mut notes = Vec::new();
    let reference = if existing.is_empty() {
        let number = issue_quote_number(settings_folder).map_err(|error| error.to_string())?;
        let reference = numbering.format(number, date);
        notes.push(format!("issued quote number {reference}"));
        reference
    } else {
        if let Some(number) = numbering.number_in(existing, date) {
            reserve_quote_number(settings_folder, number).map_err(|error| error.to_string())?;
        }
        existing.to_owned()
    };
    Ok((
        Prepared {
            document: QuoteDocument { reference, ..draft },
            settings,
            design,
        },
        notes,
    ))
}
