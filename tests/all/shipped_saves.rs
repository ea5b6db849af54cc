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
fn the_demo_layouts_have_no_violations() {
    let catalogs = shipped_catalogs();
    for name in [
        "showroom.ron",
        "kitchen.ron",
        "made-to-order.ron",
        "upholstery.ron",
        "personalized.ron",
    ] {
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

/// The five made-to-order cases of the demo catalog, priced as worked out by hand:
/// - Malmö sofa, velvet seat (group E) and linen back (C), 2100 mm, power recliner: the dearer
///   group's upholstery row 2,610.00 plus 14 % (365.40) = 2,975.40;
/// - Bergen sofa, left chaise at 2200 mm (the rule forces slim arms), down cushion: 1,590 +
///   4 steps above 1,800 mm × 90 (360) + chaise 390 + down cushion 260 − slim arms 60 = 2,540.00;
/// - Fjord wardrobe, 2450 mm oak: 690 + 1,650 mm × 0.35 (577.50) + 5 derived doors × 260
///   (1,300) + 15 hinges × 9.50 (142.50) + 5 handles × 24 (120) = 2,830.00;
/// - Eika table, walnut, engraved plate, 12 letters with 3 free: 1,890 + 420 + 45 + 9 × 2.50 =
///   2,377.50;
/// - Lume bed with a photo headboard: 1,490 + 149 = 1,639.00.
#[test]
fn the_made_to_order_layout_prices_each_case_as_worked_out_by_hand() {
    use room_planner::domain::pricing::quote::quote_for_layout;
    use rust_decimal::Decimal;
    let catalogs = shipped_catalogs();
    let (layout, _) = load_layout(&root().join("saves/made-to-order.ron")).expect("loads");
    let quote = quote_for_layout(&layout, &catalogs).expect("priced");
    let prices: Vec<(String, Decimal)> = quote
        .lines
        .iter()
        .map(|line| (line.sku.clone(), line.unit_price))
        .collect();
    let expected = [
        ("MLM-2100-CVWL-P", Decimal::new(297_540, 2)),
        ("OSC-2200-ST-LD-S", Decimal::new(254_000, 2)),
        ("FJM-2450-5D-OK-B", Decimal::new(283_000, 2)),
        ("EIK-WN-NPE", Decimal::new(237_750, 2)),
        ("LUM-16-P", Decimal::new(163_900, 2)),
    ];
    let expected: Vec<(String, Decimal)> = expected
        .iter()
        .map(|(sku, price)| ((*sku).to_owned(), *price))
        .collect();
    assert_eq!(prices, expected);
    assert_eq!(quote.totals.net, Decimal::new(1_236_190, 2));
    let personal: Vec<&String> = quote.lines.iter().flat_map(|line| &line.personal).collect();
    assert_eq!(
        personal,
        [
            "Engraving: “Jörg & Zoë 2026” (Sans Bold, brass, on the top)",
            "Headboard print: image sample-photo.png (on the headboard)",
        ]
    );
}
