//! Tests of applying edits: valid edits and what they report, refused edits leaving the layout
//! untouched, and the difference between two layouts.

use super::*;
use crate::domain::catalog::Catalog;
use crate::domain::constraints::test_support::{opening, placed, room};
use crate::domain::layout::{CatalogRef, HingeSide, RoomName, Swing};
use crate::domain::values::ids::{CatalogId, ProductId, ValueId};
use crate::storage::catalog::parse_catalog;
use std::collections::BTreeSet;
use std::path::Path;
use std::str::FromStr;

const CATALOG: &str = r#"Catalog(
    id: "t", name: "T", version: "1", currency: "EUR", vat_percent: 19,
    products: [
        Product(
            id: "sofa", name: "Sofa", category: "Sofas", kind: Floor,
            width: Option("width"), depth: Fixed(950), height: Fixed(820),
            appearance: Shape(shape: Sofa),
            options: [
                Range(id: "width", label: "Width", min: 1800, max: 3000, step: 200, default: 2200),
                Choice(id: "chaise", label: "Chaise", values: [(id: "none", label: "None"), (id: "left", label: "Left")]),
            ],
            rules: [
                Requires(when: Is("chaise", "left"), then: AtLeast("width", 2400), message: "A chaise needs 2400 mm"),
            ],
            base_price: 1000,
        ),
        Product(
            id: "door", name: "Door", category: "Doors", kind: Door,
            width: ByChoice("size", {"s": 735, "m": 860}), depth: Fixed(120), height: Fixed(2010),
            appearance: Shape(shape: Door),
            options: [
                Choice(id: "size", label: "Width", values: [(id: "s", label: "735"), (id: "m", label: "860")], default: "m"),
                Choice(id: "leaf", label: "Leaf", values: [(id: "solid", label: "Solid"), (id: "glass", label: "Glass")]),
            ],
            rules: [
                Excludes(when: Is("leaf", "glass"), then: Is("size", "s"), message: "No glass in the narrow leaf"),
            ],
            base_price: 400,
        ),
    ],
)"#;

fn catalogs() -> CatalogSet {
    let catalog: Catalog = parse_catalog(Path::new("t.ron"), CATALOG).expect("test catalog");
    CatalogSet {
        catalogs: vec![catalog],
    }
}

/// The test room with one sofa `s1` and a door `d1` on the south wall.
fn layout() -> Layout {
    let mut layout = room();
    layout.catalogs = vec![CatalogRef {
        id: CatalogId::from("t"),
        version: "1".into(),
    }];
    layout
        .products
        .push(placed("s1", "sofa", (2500, 2000), 0.0));
    layout.openings.push(opening("d1", "door", "south", 1000));
    layout
}

fn choice(value: &str) -> OptionValue {
    OptionValue::Choice(ValueId::from(value))
}

fn apply(layout: &mut Layout, edit: Edit) -> Result<Changes, EditError> {
    apply_edit(layout, &catalogs(), &edit)
}

#[test]
fn adding_moving_and_deleting_report_what_they_touched() {
    let mut layout = layout();
    let id = layout.next_product_id();
    let mut sofa = placed(id.as_str(), "sofa", (1000, 1000), -90.0);
    sofa.options
        .insert(OptionId::from("width"), OptionValue::Number(2400));
    let changes = apply(&mut layout, Edit::AddProduct(sofa)).expect("valid add");
    assert_eq!(changes.added, BTreeSet::from([id.clone()]));
    assert_eq!(layout.products[1].rotation, 270.0);

    let changes = apply(
        &mut layout,
        Edit::MoveProduct {
            id: id.clone(),
            position: PointMm::new(1200, 900),
            rotation_deg: 405.0,
        },
    )
    .expect("valid move");
    assert_eq!(changes.moved, BTreeSet::from([id.clone()]));
    assert_eq!(layout.products[1].position, PointMm::new(1200, 900));
    assert_eq!(layout.products[1].rotation, 45.0);

    let changes = apply(
        &mut layout,
        Edit::SetElevation {
            id: id.clone(),
            elevation: Some(Mm(300)),
        },
    )
    .expect("valid elevation");
    assert_eq!(changes.moved.len(), 1);

    // The layout now names the catalog it came from.
    assert_eq!(layout.catalogs.len(), 1);
    let mut unlisted = layout.clone();
    unlisted.catalogs.clear();
    apply(
        &mut unlisted,
        Edit::AddProduct(placed("s9", "sofa", (1000, 2500), 0.0)),
    )
    .expect("valid add");
    assert_eq!(unlisted.catalogs, layout.catalogs);

    let changes = apply(&mut layout, Edit::DeleteProduct(id.clone())).expect("valid delete");
    assert_eq!(changes.removed, BTreeSet::from([id]));
    assert_eq!(layout.products.len(), 1);
}

#[test]
fn option_choices_are_checked_against_the_catalog_rules() {
    let mut layout = layout();
    let id = ProductInstanceId::from("s1");
    let set = |option: &str, value: OptionValue| Edit::SetOption {
        id: id.clone(),
        option: OptionId::from(option),
        value,
    };
    apply(&mut layout, set("width", OptionValue::Number(2000))).expect("valid width");
    let before = layout.clone();

    let refused = apply(&mut layout, set("chaise", choice("left")));
    assert_eq!(
        refused,
        Err(EditError::Conflict {
            messages: vec!["A chaise needs 2400 mm".into()]
        })
    );
    assert_eq!(layout, before);
    assert!(matches!(
        apply(&mut layout, set("width", OptionValue::Number(2100))),
        Err(EditError::ValueNotAllowed { .. })
    ));
    assert!(matches!(
        apply(&mut layout, set("legs", choice("oak"))),
        Err(EditError::UnknownOption { .. })
    ));
    assert_eq!(layout, before);

    // Widening first leaves the chaise completable.
    apply(&mut layout, set("width", OptionValue::Number(2600))).expect("valid width");
    let changes = apply(&mut layout, set("chaise", choice("left"))).expect("now allowed");
    assert_eq!(changes.reconfigured, BTreeSet::from([id.clone()]));
    assert!(
        apply(&mut layout, set("chaise", choice("left")))
            .expect("same choice")
            .is_empty()
    );

    let changes = apply(&mut layout, Edit::ResetOptions(id.clone())).expect("reset");
    assert_eq!(changes.reconfigured.len(), 1);
    assert!(layout.products[0].options.is_empty());
    assert!(
        apply(&mut layout, Edit::ResetOptions(id))
            .expect("nothing to reset")
            .is_empty()
    );
}

#[test]
fn invalid_edits_are_refused_and_leave_the_layout_untouched() {
    let mut layout = layout();
    let before = layout.clone();
    let s1 = ProductInstanceId::from("s1");
    let refused = [
        Edit::AddProduct(placed("s1", "sofa", (0, 0), 0.0)),
        Edit::AddProduct(placed("south", "sofa", (0, 0), 0.0)),
        Edit::AddProduct(placed("bad id", "sofa", (0, 0), 0.0)),
        Edit::AddProduct(placed("p9", "bench", (0, 0), 0.0)),
        Edit::AddProduct(placed("p9", "door", (0, 0), 0.0)),
        Edit::AddProduct(placed("p9", "sofa", (2_000_000, 0), 0.0)),
        Edit::AddProduct(placed("p9", "sofa", (0, 0), f64::NAN)),
        Edit::DeleteProduct(ProductInstanceId::from("nope")),
        Edit::MoveProduct {
            id: s1.clone(),
            position: PointMm::new(0, -1_000_001),
            rotation_deg: 0.0,
        },
        Edit::MoveProduct {
            id: s1.clone(),
            position: PointMm::new(0, 0),
            rotation_deg: f64::INFINITY,
        },
        Edit::SetElevation {
            id: s1.clone(),
            elevation: Some(Mm(5001)),
        },
        Edit::SetElevation {
            id: s1.clone(),
            elevation: Some(Mm(-1)),
        },
        Edit::SetDiscount {
            id: s1.clone(),
            discount_percent: Decimal::from(101),
        },
        Edit::SetDiscount {
            id: s1,
            discount_percent: Decimal::from(-1),
        },
        Edit::MoveOpening {
            id: OpeningId::from("d1"),
            offset: Mm(-10),
        },
        Edit::FlipHinge(OpeningId::from("w9")),
        Edit::SetOpeningOption {
            id: OpeningId::from("d1"),
            option: OptionId::from("size"),
            value: choice("xl"),
        },
        Edit::SetQuoteInfo(QuoteInfo {
            valid_days: 4000,
            ..QuoteInfo::default()
        }),
    ];
    for edit in refused {
        let result = apply(&mut layout, edit.clone());
        assert!(result.is_err(), "{edit:?} was accepted");
        assert_eq!(layout, before, "{edit:?} changed the layout");
    }
}

#[test]
fn opening_and_quote_edits_report_their_own_changes() {
    let mut layout = layout();
    let d1 = OpeningId::from("d1");
    let changes = apply(&mut layout, Edit::FlipHinge(d1.clone())).expect("flip");
    assert_eq!(changes.openings, BTreeSet::from([d1.clone()]));
    assert_eq!(layout.openings[0].hinge, HingeSide::End);
    apply(&mut layout, Edit::FlipSwing(d1.clone())).expect("flip");
    assert_eq!(layout.openings[0].swing, Swing::Out);
    apply(
        &mut layout,
        Edit::MoveOpening {
            id: d1.clone(),
            offset: Mm(1500),
        },
    )
    .expect("move");
    assert_eq!(layout.openings[0].offset, Mm(1500));

    let leaf = |value: &str| Edit::SetOpeningOption {
        id: d1.clone(),
        option: OptionId::from("leaf"),
        value: choice(value),
    };
    apply(&mut layout, leaf("glass")).expect("glass in the default size");
    let narrow = Edit::SetOpeningOption {
        id: d1.clone(),
        option: OptionId::from("size"),
        value: choice("s"),
    };
    assert!(matches!(
        apply(&mut layout, narrow),
        Err(EditError::Conflict { .. })
    ));

    let customer = Customer {
        name: "Ada".into(),
        ..Customer::default()
    };
    let changes = apply(&mut layout, Edit::SetCustomer(customer.clone())).expect("customer");
    assert!(changes.quote_fields && changes.openings.is_empty());
    assert!(
        apply(&mut layout, Edit::SetCustomer(customer))
            .expect("same")
            .is_empty()
    );
    let info = QuoteInfo {
        discount_percent: Decimal::from_str("2.5").expect("decimal"),
        ..QuoteInfo::default()
    };
    assert!(
        apply(&mut layout, Edit::SetQuoteInfo(info))
            .expect("quote")
            .quote_fields
    );

    let replacement = room();
    let changes = apply(
        &mut layout,
        Edit::ReplaceLayout(Box::new(replacement.clone())),
    )
    .expect("replace");
    assert!(changes.everything);
    assert_eq!(layout, replacement);
}

#[test]
fn changes_merge_and_the_difference_of_two_layouts_is_classified() {
    let mut changes = Changes::default();
    assert!(changes.is_empty());
    changes.merge(Changes {
        moved: BTreeSet::from([ProductInstanceId::from("a")]),
        ..Changes::default()
    });
    changes.merge(Changes {
        added: BTreeSet::from([ProductInstanceId::from("b")]),
        ..Changes::default()
    });
    assert_eq!(changes.touched_products().len(), 2);
    assert!(!changes.is_empty());
    assert!(Changes::all().everything && !Changes::all().is_empty());

    let before = layout();
    let mut after = before.clone();
    assert!(Changes::between(&before, &after).is_empty());
    after.products[0].position = PointMm::new(1, 2);
    after.products.push(placed("s2", "sofa", (1000, 1000), 0.0));
    after.openings[0].offset = Mm(1200);
    let diff = Changes::between(&before, &after);
    assert_eq!(diff.moved, BTreeSet::from([ProductInstanceId::from("s1")]));
    assert_eq!(diff.added, BTreeSet::from([ProductInstanceId::from("s2")]));
    assert_eq!(diff.openings, BTreeSet::from([OpeningId::from("d1")]));
    let back = Changes::between(&after, &before);
    assert_eq!(
        back.removed,
        BTreeSet::from([ProductInstanceId::from("s2")])
    );

    after.products[0].discount_percent = Decimal::from(5);
    assert_eq!(Changes::between(&before, &after).reconfigured.len(), 1);
    let mut swapped = after.clone();
    swapped.products.swap(0, 1);
    assert!(Changes::between(&after, &swapped).everything);
    after.walls.pop();
    assert!(Changes::between(&before, &after).everything);
    let mut moved_wall = before.clone();
    moved_wall.walls[0].end = PointMm::new(5000, 10);
    assert!(Changes::between(&before, &moved_wall).everything);
    let mut thicker = before.clone();
    thicker.walls[0].thickness = Mm(200);
    assert!(Changes::between(&before, &thicker).everything);
    let mut named = before.clone();
    named.rooms.push(RoomName {
        wall: "south".into(),
        left: true,
        name: "Living".into(),
    });
    assert!(Changes::between(&before, &named).everything);
    assert!(Changes::between(&named, &before).everything);
    let mut renamed_room = named.clone();
    renamed_room.rooms[0].name = "Lounge".into();
    assert!(Changes::between(&named, &renamed_room).everything);
    let mut fewer_openings = before.clone();
    fewer_openings.openings.clear();
    assert!(Changes::between(&before, &fewer_openings).everything);
    let mut renamed = before.clone();
    renamed.products[0].product = ProductId::from("other");
    assert_eq!(Changes::between(&before, &renamed).reconfigured.len(), 1);
}

#[test]
fn a_sofa_backed_onto_a_wall_made_deeper_grows_away_from_the_wall() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let (shipped, errors) = crate::storage::catalog::load_catalog_folder(&root.join("catalogs"));
    assert!(errors.is_empty());
    let catalogs = CatalogSet { catalogs: shipped };
    let mut layout = crate::domain::constraints::test_support::room();
    // 960 deep with its back on the south face (y 50).
    layout
        .products
        .push(crate::domain::constraints::test_support::placed(
            "s",
            "sofa-oslo",
            (2500, 530),
            0.0,
        ));
    let set = |option: &str, value: OptionValue| Edit::SetOption {
        id: "s".into(),
        option: option.into(),
        value,
    };
    let changes = apply_edit(
        &mut layout,
        &catalogs,
        &set("chaise", OptionValue::Choice("left".into())),
    )
    .expect("a chaise fits");
    assert!(changes.moved.contains(&ProductInstanceId::from("s")));
    // 1600 deep now, the back still on the face.
    assert_eq!(layout.products[0].position, PointMm::new(2500, 850));
    // Wider along the wall, away from any side wall: it grows to both sides.
    apply_edit(
        &mut layout,
        &catalogs,
        &set("width", OptionValue::Number(3000)),
    )
    .expect("fits");
    assert_eq!(layout.products[0].position, PointMm::new(2500, 850));
}
