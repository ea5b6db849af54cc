//! Shared helpers: paths of the shipped files and running the `room-planner` binary.

use bevy::prelude::*;
use room_planner::catalogs::Catalogs;
use room_planner::document::Document;
use room_planner::domain::catalog::CatalogSet;
use room_planner::files::open_layout;
use room_planner::storage::catalog::load_catalog_folder;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every `.ron` file in a folder under the root, sorted.
pub fn ron_files(folder: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join(folder))
        .expect("folder exists")
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "ron"))
        .collect();
    files.sort();
    files
}

/// The shipped catalogs, which must all load.
pub fn shipped_catalogs() -> CatalogSet {
    let (catalogs, errors) = load_catalog_folder(&root().join("catalogs"));
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert!(messages.is_empty(), "{}", messages.join("\n"));
    CatalogSet { catalogs }
}

/// What a command-line run gave.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `room-planner` with arguments, from the repository root.
pub fn room_planner(arguments: &[&str]) -> Run {
    let Output {
        status,
        stdout,
        stderr,
    } = Command::new(env!("CARGO_BIN_EXE_room-planner"))
        .args(arguments)
        .current_dir(root())
        .output()
        .expect("the binary runs");
    Run {
        code: status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
    }
}

/// A shipped layout as a document, with the shipped catalogs.
pub fn document(name: &str) -> (Document, Catalogs) {
    let catalogs = Catalogs::load(&root().join("catalogs"));
    let path = root().join("saves").join(name);
    let (layout, _) = open_layout(&path, &catalogs).expect("demo layout loads");
    (Document::new(layout, Some(path)), catalogs)
}

/// A bare app with only the planner's own plugins and what they need from Bevy.
pub fn test_app(name: &str) -> App {
    let (document, catalogs) = document(name);
    let mut app = App::new();
    app.add_plugins((
        MinimalPlugins,
        AssetPlugin::default(),
        bevy::mesh::MeshPlugin,
        TransformPlugin,
        bevy::gizmos::GizmoPlugin,
    ))
    .init_asset::<StandardMaterial>()
    .init_asset::<Image>();
    room_planner::app::insert_start_resources(&mut app, catalogs, document);
    app.add_plugins(room_planner::core_plugin);
    app.update();
    app
}
