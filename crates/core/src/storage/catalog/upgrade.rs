//! Upgrading a catalog file to the current format version: checked first, the version inserted
//! as the first field with the dealer's comments and layout kept, and the result proven to read
//! as the same catalog.

use super::{load_catalog_with_text, parse_catalog};
use crate::storage::error::LoadError;
use crate::storage::format_version::{FORMAT_VERSION, declared_version, upgrade_catalog_text};
use std::path::Path;

/// A catalog's text in the current format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UpgradedCatalog {
    /// The version the file declared (1 when it declared none).
    pub from_version: u64,
    /// The text in the current format (the file's own text when it already was).
    pub text: String,
}

/// Reads, checks and upgrades the catalog at `path` (nothing is written).
///
/// # Errors
/// The file cannot be read, has problems (an upgraded file must load), or, should the inserted
/// version change what the file means, a problem saying so.
pub fn upgrade_catalog(path: &Path) -> Result<UpgradedCatalog, LoadError> {
    let (catalog, text) = load_catalog_with_text(path)?;
    let from_version = declared_version(&text).map_or(1, |declared| declared.version);
    let upgraded = upgrade_catalog_text(&text)
        .ok_or_else(|| LoadError::at(path, 1, 1, "the file does not start with `Catalog(`"))?;
    if parse_catalog(path, &upgraded)? != catalog {
        return Err(LoadError::at(
            path,
            1,
            1,
            format!("the catalog reads differently as format {FORMAT_VERSION}; upgrade it by hand"),
        ));
    }
    Ok(UpgradedCatalog {
        from_version,
        text: upgraded,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_version_1_catalog_upgrades_and_a_broken_one_is_refused() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let old = root.join("tests/format-v1/catalogs/cabinets-64b8f26.ron");
        let upgraded = upgrade_catalog(&old).map_err(|error| error.to_string());
        assert!(
            upgraded
                .as_ref()
                .is_ok_and(|upgraded| upgraded.from_version == 1
                    && upgraded.text.contains("Catalog(\n    format_version: 2,\n")),
            "{upgraded:?}"
        );
        let current = root.join("catalogs/nordhaus.ron");
        let same = upgrade_catalog(&current).map_err(|error| error.to_string());
        let text = std::fs::read_to_string(&current).unwrap_or_default();
        assert_eq!(
            same,
            Ok(UpgradedCatalog {
                from_version: 2,
                text
            })
        );
        let broken = root.join("tests/corpus/catalogs/empty-domain.ron");
        assert!(upgrade_catalog(&broken).is_err());
    }
}
