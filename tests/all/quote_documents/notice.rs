//! The notice a quote carries when its layout breaks constraints: every violation in words, with
//! lengths in millimetres.

use super::{Scratch, flat};
use crate::support::{room_planner, root};
use room_planner::domain::constraints::check_layout;
use room_planner::domain::drawing::names::Names;
use room_planner::domain::measured::Structure;
use room_planner::domain::values::length_units::LengthUnit;
use room_planner::storage::layout_file::load_layout;

#[test]
fn a_quote_of_a_layout_with_violations_carries_a_notice_listing_them() {
    let scratch = Scratch::new("notice");
    let run = room_planner(&[
        "quote",
        "saves/problems.ron",
        "--format",
        "pdf",
        "-o",
        &scratch.path("p.pdf"),
        "--settings",
        &scratch.settings(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("warning: the layout has"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("carries a notice"), "{}", run.stderr);
    let text = flat(
        &pdf_extract::extract_text_from_mem(&std::fs::read(scratch.path("p.pdf")).expect("pdf"))
            .expect("text"),
    );
    let (layout, _) = load_layout(&root().join("saves/problems.ron")).expect("layout");
    let catalogs = crate::support::shipped_catalogs();
    let violations = check_layout(&layout, &catalogs);
    assert!(text.contains(&format!(
        "this design has {} unresolved planning issues",
        violations.len()
    )));
    let names = Names::new(&layout, &catalogs, &Structure::new(&layout, &catalogs));
    for violation in &violations {
        // Elements by name, lengths in millimetres. Text read back from a PDF may lose the space
        // where a long message wraps, so spaces are left out of the comparison.
        let message = names.message(&violation.message, LengthUnit::Millimetres);
        assert!(
            text.replace(' ', "").contains(&message.replace(' ', "")),
            "{message} missing from {text}"
        );
    }
    assert!(
        text.contains("Alva sideboard reaches 100 mm into the east wall of the room"),
        "{text}"
    );
}
