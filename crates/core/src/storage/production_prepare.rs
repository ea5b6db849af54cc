//! Preparing the production sheet for any front end: the dealer's name from the settings, the
//! sheet built from the layout and written as PDF. Unlike a quote it issues no quote number: it
//! names the layout's own, if any.

use crate::domain::catalog::CatalogSet;
use crate::domain::layout::Layout;
use crate::domain::pricing::production::production_sheet;
use crate::domain::values::date::IsoDate;
use crate::storage::dealer_settings::load_dealer;
use crate::storage::pdf_quote::production_pdf;
use crate::storage::quote_prepare::PrepareError;
use std::path::Path;

/// The production sheet of `layout` as PDF bytes, issued on `date`.
///
/// # Errors
/// Dealer settings with problems (located), a layout that cannot be priced, or the PDF writer
/// failing.
pub fn prepare_production(
    layout: &Layout,
    catalogs: &CatalogSet,
    settings_folder: &Path,
    date: IsoDate,
) -> Result<Vec<u8>, PrepareError> {
    let settings =
        load_dealer(settings_folder).map_err(|error| PrepareError::Located(error.to_string()))?;
    let sheet = production_sheet(layout, catalogs, date)
        .map_err(|error| PrepareError::Layout(error.to_string()))?;
    production_pdf(&sheet, &settings.dealer.name)
        .map_err(|error| PrepareError::Layout(error.to_string()))
}
