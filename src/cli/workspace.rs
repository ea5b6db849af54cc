//! Loading what a layout command needs: the catalogs folder and the layout checked against it.

use crate::domain::catalog::CatalogSet;
use crate::domain::layout::Layout;
use crate::domain::values::message_text::escape_control;
use crate::storage::catalog::load_catalog_folder;
use crate::storage::layout_open::{OpenedLayout, open_layout};
use std::path::Path;

/// A layout with the catalogs it was checked against.
pub(super) struct Workspace {
    pub layout: Layout,
    /// The layout file's text, for locating problems found after loading.
    pub text: String,
    pub catalogs: CatalogSet,
}

/// Loads the catalogs and the layout, printing every problem to stderr; `None` means bad input.
pub(super) fn load(layout_path: &Path, catalogs_folder: &Path) -> Option<Workspace> {
    let (catalogs, errors) = load_catalog_folder(catalogs_folder);
    let catalogs = CatalogSet { catalogs };
    let (layout, text) = match open_layout(layout_path, &catalogs) {
        Ok(OpenedLayout {
            layout,
            text,
            warnings,
        }) => {
            for warning in warnings {
                eprintln!("warning: {}", escape_control(&warning));
            }
            (layout, text)
        }
        Err(error) => {
            for catalog_error in &errors {
                eprintln!("{catalog_error}");
            }
            eprintln!("{error}");
            return None;
        }
    };
    for catalog_error in &errors {
        for problem in catalog_error.to_string().lines() {
            eprintln!("warning: a catalog the layout does not need failed to load: {problem}");
        }
    }
    Some(Workspace {
        layout,
        text,
        catalogs,
    })
}
