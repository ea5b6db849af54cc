//! `room-planner format`: rewrites hand-edited layout files in the canonical saved form.

use super::workspace::load;
use super::{EXIT_BAD_INPUT, EXIT_OK};
use crate::storage::layout_file::save_layout;
use std::path::PathBuf;

/// Loads, checks and saves each layout; files with problems are left untouched.
pub(super) fn run(layouts: &[PathBuf], catalogs_folder: &std::path::Path) -> u8 {
    let mut code = EXIT_OK;
    for path in layouts {
        let Some(workspace) = load(path, catalogs_folder) else {
            code = EXIT_BAD_INPUT;
            continue;
        };
        match save_layout(path, &workspace.layout) {
            Ok(()) => println!("{}: formatted", path.display()),
            Err(error) => {
                eprintln!("{error}");
                code = EXIT_BAD_INPUT;
            }
        }
    }
    code
}
