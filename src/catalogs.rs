//! The loaded catalogs as a resource, with the problems of any catalog that failed to load.

use bevy::prelude::*;
use room_planner_core::domain::catalog::CatalogSet;
use room_planner_core::storage::catalog::load_catalog_folder;
use std::path::{Path, PathBuf};

/// The catalogs every product comes from.
#[derive(Resource, Debug, Clone, Default)]
pub struct Catalogs {
    /// Catalogs that loaded.
    pub set: CatalogSet,
    /// Located problems of catalog files that did not load (shown in the sidebar).
    pub problems: Vec<String>,
    /// The folder they were read from.
    pub folder: PathBuf,
}

impl Catalogs {
    /// Loads every catalog in a folder; broken files are reported, not fatal.
    #[must_use]
    pub fn load(folder: &Path) -> Self {
        let (catalogs, errors) = load_catalog_folder(folder);
        Self {
            set: CatalogSet { catalogs },
            problems: errors.iter().map(ToString::to_string).collect(),
            folder: folder.to_owned(),
        }
    }
}
