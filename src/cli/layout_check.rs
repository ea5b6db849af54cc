//! `room-planner check`: lists a layout's constraint violations, one per line.

use super::workspace::load;
use super::{EXIT_BAD_INPUT, EXIT_OK, EXIT_VIOLATIONS};
use crate::domain::constraints::check_layout;
use std::path::Path;

/// Checks a layout; exit 1 when anything is violated.
pub(super) fn run(layout_path: &Path, catalogs_folder: &Path) -> u8 {
    let Some(workspace) = load(layout_path, catalogs_folder) else {
        return EXIT_BAD_INPUT;
    };
    let violations = check_layout(&workspace.layout, &workspace.catalogs);
    for violation in &violations {
        println!("{violation}");
    }
    let layout = &workspace.layout;
    let summary = format!(
        "{}: {} walls, {} openings, {} products: {} violation{}",
        layout_path.display(),
        layout.walls.len(),
        layout.openings.len(),
        layout.products.len(),
        violations.len(),
        if violations.len() == 1 { "" } else { "s" }
    );
    if violations.is_empty() {
        println!("{summary}");
        EXIT_OK
    } else {
        eprintln!("{summary}");
        EXIT_VIOLATIONS
    }
}
