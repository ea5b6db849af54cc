//! The command line's side of preparing a PDF or XLSX quote: the issue date from `--date`, and
//! every problem printed located in its file. The preparing itself is the core's
//! (`storage::quote_prepare`), shared with the planner window.

use super::QuoteOptions;
use super::workspace::Workspace;
use crate::domain::values::date::IsoDate;
use crate::storage::error::LoadError;
use crate::storage::quote_prepare::{PrepareError, Prepared, prepare_quote};
use std::path::Path;

/// The issue date: `--date`, else the layout's quote date, else today (UTC).
pub(super) fn issue_date(workspace: &Workspace, options: &QuoteOptions) -> IsoDate {
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
