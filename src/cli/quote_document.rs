//! Gathering what a PDF or XLSX quote needs besides the layout: the dealer settings, the quote
//! number (the layout's own, or the next from the counter), the issue date and the picture.
//!
//! Numbering rule: a layout whose `quote.reference` is set keeps it, and when that reference has
//! the dealer's number form the counter is moved past it so the number is never issued again; a
//! layout without one gets the next number of the counter, which is saved before the quote is
//! written (so a number is used at most once even if writing fails).

use super::QuoteOptions;
use super::workspace::Workspace;
use crate::domain::plan::IsoDate;
use crate::domain::quote_document::{QuoteDocument, quote_document};
use crate::storage::dealer_settings::{DealerSettings, load_dealer};
use crate::storage::png_image::PngImage;
use crate::storage::quote_counter::{issue_quote_number, reserve_quote_number};
use std::path::Path;

/// A quote document with its pictures.
pub(super) struct Prepared {
    pub document: QuoteDocument,
    pub settings: DealerSettings,
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
    let settings = match load_dealer(&options.settings) {
        Ok(settings) => settings,
        Err(error) => {
            eprintln!("{error}");
            return None;
        }
    };
    let design = match options.image.as_deref().map(PngImage::load).transpose() {
        Ok(design) => design,
        Err(error) => {
            eprintln!("{error}");
            return None;
        }
    };
    let date = issue_date(workspace, options);
    let numbering = &settings.dealer.numbering;
    let existing = workspace.layout.quote.reference.trim();
    // Price first: a layout that cannot be quoted must not use up a number.
    let draft = match quote_document(
        &workspace.layout,
        &workspace.catalogs,
        &settings.dealer,
        existing,
        date,
    ) {
        Ok(document) => document,
        Err(error) => {
            eprintln!("{}: {error}", layout_path.display());
            return None;
        }
    };
    let reference = if existing.is_empty() {
        match issue_quote_number(&options.settings) {
            Ok(number) => {
                let reference = numbering.format(number, date);
                eprintln!(
                    "note: issued quote number {reference}; set it as quote.reference in {} to keep it for this layout",
                    layout_path.display()
                );
                reference
            }
            Err(error) => {
                eprintln!("{error}");
                return None;
            }
        }
    } else {
        if let Some(number) = numbering.number_in(existing, date)
            && let Err(error) = reserve_quote_number(&options.settings, number)
        {
            eprintln!("{error}");
            return None;
        }
        existing.to_owned()
    };
    Some(Prepared {
        document: QuoteDocument { reference, ..draft },
        settings,
        design,
    })
}
