//! Opening a layout for use: read and parsed, then checked against the catalogs. The one way
//! both the command line and the window open a layout file.

use crate::domain::catalog::CatalogSet;
use crate::domain::layout::Layout;
use crate::storage::error::LoadError;
use crate::storage::layout_file::{check_references, load_layout};
use std::path::Path;

/// A layout file opened and checked against the catalogs.
#[derive(Debug, Clone)]
pub struct OpenedLayout {
    /// The layout.
    pub layout: Layout,
    /// The file's text, for locating problems found later.
    pub text: String,
    /// What is worth telling but does not stop the layout from opening (a catalog version
    /// differs from the one the layout was priced with).
    pub warnings: Vec<String>,
}

/// Reads `path` and checks its references against `catalogs`.
///
/// # Errors
/// The file cannot be read or parsed, or it names what the catalogs lack; located in the file.
pub fn open_layout(path: &Path, catalogs: &CatalogSet) -> Result<OpenedLayout, LoadError> {
    let (layout, text) = load_layout(path)?;
    let warnings = check_references(path, &text, &layout, catalogs)?;
    Ok(OpenedLayout {
        layout,
        text,
        warnings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::catalog::load_catalog_folder;

    #[test]
    fn the_showroom_opens_and_an_unknown_catalog_is_located() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let (catalogs, errors) = load_catalog_folder(&root.join("catalogs"));
        assert!(errors.is_empty());
        let catalogs = CatalogSet { catalogs };
        let opened = open_layout(&root.join("saves/showroom.ron"), &catalogs);
        assert!(opened.is_ok_and(|opened| !opened.layout.products.is_empty()));
        let empty = CatalogSet {
            catalogs: Vec::new(),
        };
        let problem = open_layout(&root.join("saves/showroom.ron"), &empty)
            .err()
            .map(|error| error.to_string())
            .unwrap_or_default();
        assert!(problem.contains("showroom.ron:"), "{problem}");
    }
}
