//! `room-planner check`: lists a layout's constraint violations, one per line: the rule, ids and
//! amount for scripts, then the message naming elements in words.

use super::workspace::load;
use super::{EXIT_BAD_INPUT, EXIT_OK, EXIT_VIOLATIONS};
use crate::domain::constraints::check_layout;
use crate::domain::drawing::names::Names;
use crate::domain::measured::Structure;
use crate::domain::values::length_units::LengthUnit;
use std::path::Path;

/// Checks a layout; exit 1 when anything is violated.
pub(super) fn run(layout_path: &Path, catalogs_folder: &Path) -> u8 {
    let Some(workspace) = load(layout_path, catalogs_folder) else {
        return EXIT_BAD_INPUT;
    };
    let violations = check_layout(&workspace.layout, &workspace.catalogs);
    let structure = Structure::new(&workspace.layout, &workspace.catalogs);
    let names = Names::new(&workspace.layout, &workspace.catalogs, &structure);
    for violation in &violations {
        // Ids and millimetres first for scripts, then the message in words.
        let message = names.message(&violation.message, LengthUnit::Millimetres);
        println!("{}: {message}", violation.evidence());
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
