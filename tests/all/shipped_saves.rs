//! Every shipped layout loads against the shipped catalogs, is stored in canonical form (load
//! then save gives the same bytes), and checks as intended: demo layouts clean, the problem
//! layout breaking every rule kind.

use crate::support::{ron_files, root, shipped_catalogs};
use room_planner::domain::constraints::{ConstraintRule, check_layout};
use room_planner::storage::layout_file::{check_references, layout_to_string, load_layout};
use std::collections::BTreeSet;

#[test]
fn every_shipped_save_loads_and_saves_back_to_the_same_bytes() {
    let catalogs = shipped_catalogs();
    let saves = ron_files("saves");
    assert!(saves.len() >= 3, "{saves:?}");
    for path in saves {
        let (layout, text) = load_layout(&path).unwrap_or_else(|error| panic!("{error}"));
        let warnings = check_references(&path, &text, &layout, &catalogs)
            .unwrap_or_else(|error| panic!("{error}"));
        assert!(warnings.is_empty(), "{warnings:?}");
        let written = layout_to_string(&layout).expect("serializable");
        assert_eq!(written, text, "{} is not in canonical form", path.display());
    }
}

#[test]
fn the_showroom_and_kitchen_have_no_violations() {
    let catalogs = shipped_catalogs();
    for name in ["showroom.ron", "kitchen.ron"] {
        let (layout, _) = load_layout(&root().join("saves").join(name)).expect("loads");
        let violations = check_layout(&layout, &catalogs);
        let lines: Vec<String> = violations.iter().map(ToString::to_string).collect();
        assert!(violations.is_empty(), "{name}:\n{}", lines.join("\n"));
    }
}

#[test]
fn the_showroom_is_a_real_showroom() {
    let (layout, _) = load_layout(&root().join("saves/showroom.ron")).expect("loads");
    let rooms = room_planner::domain::geometry::rooms::detect_rooms(&layout.walls);
    assert!(rooms.len() >= 3, "{} rooms", rooms.len());
    assert!(
        layout.products.len() >= 30,
        "{} products",
        layout.products.len()
    );
    assert!(!layout.openings.is_empty());
}

#[test]
fn the_problem_layout_breaks_every_rule_kind() {
    let catalogs = shipped_catalogs();
    let (layout, _) = load_layout(&root().join("saves/problems.ron")).expect("loads");
    let broken: BTreeSet<ConstraintRule> = check_layout(&layout, &catalogs)
        .iter()
        .map(|v| v.rule)
        .collect();
    let all: BTreeSet<ConstraintRule> = ConstraintRule::ALL.into_iter().collect();
    assert_eq!(broken, all);
}
