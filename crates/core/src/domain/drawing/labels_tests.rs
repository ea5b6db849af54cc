//! The label placement over every shipped layout and generated crowded rooms, at the text
//! sizes the screen, the PNG and the PDF use: no two placed labels touch, every room's name and
//! area is placed, and text keeps its letters.

use super::label_board::convex_intersect;
use super::labels::{ApproximateMeasure, LabelKind, LabelSettings, PlacedLabel, place_labels};
use super::plan_drawing::{PlanDrawing, plan_drawing};
use crate::domain::catalog::CatalogSet;
use crate::domain::constraints::test_support::{catalogs, opening, placed, room, wall};
use crate::domain::layout::{Layout, RoomName};
use crate::domain::measured::PlanContext;
use crate::domain::values::ids::WallId;
use crate::domain::values::length_units::LengthUnit;
use crate::storage::catalog::load_catalog_folder;
use crate::storage::layout_open::open_layout;
use std::collections::BTreeMap;
use std::path::Path;

fn drawing_of(layout: &Layout, catalogs: &CatalogSet) -> PlanDrawing {
    plan_drawing(
        layout,
        &PlanContext::new(layout, catalogs),
        &BTreeMap::new(),
    )
}

/// Asserts that no two labels touch and that every room has its label.
fn assert_clean(drawing: &PlanDrawing, labels: &[PlacedLabel], what: &str) {
    for (index, label) in labels.iter().enumerate() {
        for other in &labels[index + 1..] {
            assert!(
                !convex_intersect(&label.corners(), &other.corners()),
                "{what}: {:?} overlaps {:?}",
                label.lines,
                other.lines
            );
        }
    }
    let rooms = labels
        .iter()
        .filter(|label| label.kind == LabelKind::Room)
        .count();
    assert_eq!(rooms, drawing.rooms.len(), "{what}: every room is labelled");
}

fn shipped() -> (CatalogSet, Vec<(String, Layout)>) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let (catalogs, errors) = load_catalog_folder(&root.join("catalogs"));
    assert!(errors.is_empty(), "{errors:?}");
    let catalogs = CatalogSet { catalogs };
    let mut layouts = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(root.join("saves"))
        .expect("saves/")
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "ron"))
        .collect();
    files.sort();
    for path in files {
        let opened = open_layout(&path, &catalogs).expect("a shipped layout opens");
        layouts.push((path.display().to_string(), opened.layout));
    }
    (catalogs, layouts)
}

/// Text sizes in plan mm: a 1:50 print (7 pt), the screen zoomed in and zoomed out.
const TEXT_SIZES_MM: [f64; 4] = [60.0, 120.0, 180.0, 320.0];

#[test]
fn labels_on_every_shipped_layout_never_overlap_and_every_room_is_named() {
    let (catalogs, layouts) = shipped();
    assert!(layouts.len() >= 4, "the shipped layouts are found");
    for (name, layout) in &layouts {
        let drawing = drawing_of(layout, &catalogs);
        for text_mm in TEXT_SIZES_MM {
            for unit in [LengthUnit::Millimetres, LengthUnit::Centimetres] {
                let settings = LabelSettings {
                    unit,
                    text_mm,
                    view: None,
                    numbered: false,
                };
                let labels = place_labels(&drawing, &settings, &ApproximateMeasure);
                assert_clean(&drawing, &labels, &format!("{name} at {text_mm} mm"));
                if text_mm <= 120.0 {
                    let dimensions = labels
                        .iter()
                        .filter(|label| label.kind == LabelKind::Dimension)
                        .count();
                    assert!(
                        dimensions * 10 >= drawing.dimensions.len() * 7,
                        "{name}: {dimensions} of {} dimensions written",
                        drawing.dimensions.len()
                    );
                }
            }
        }
    }
}

/// A small room split by a partition, packed with products of every size (some overlapping,
/// some too small for their names), a door and windows, rooms named with umlauts.
fn crowded_room(products: usize) -> Layout {
    let mut layout = room();
    layout
        .walls
        .push(wall("partition", (3000, 0), (3000, 4000)));
    layout
        .openings
        .push(opening("door", "door", "partition", 2000));
    layout.openings.push(opening("w1", "window", "north", 600));
    layout.openings.push(opening("w2", "window", "north", 1900));
    layout.openings.push(opening("w3", "window", "north", 3400));
    layout.rooms = vec![
        RoomName {
            wall: WallId::from("south"),
            left: true,
            name: "Gäste-WC".into(),
        },
        RoomName {
            wall: WallId::from("east"),
            left: true,
            name: "Küche & Eßzimmer".into(),
        },
    ];
    let kinds = [
        "cabinet",
        "lamp",
        "sideboard",
        "wall-cabinet",
        "wardrobe",
        "lamp",
    ];
    for index in 0..products {
        let x = 400 + (index as i64 * 730) % 4300;
        let y = 400 + (index as i64 * 470) % 3300;
        let rotation = [0.0, 90.0, 30.0, 180.0][index % 4];
        layout.products.push(placed(
            &format!("p{index}"),
            kinds[index % kinds.len()],
            (x, y),
            rotation,
        ));
    }
    layout
}

#[test]
fn labels_in_crowded_rooms_never_overlap_and_rooms_keep_their_names() {
    let catalogs = catalogs();
    for products in [5, 20, 60] {
        let layout = crowded_room(products);
        let drawing = drawing_of(&layout, &catalogs);
        assert_eq!(drawing.rooms.len(), 2);
        for text_mm in TEXT_SIZES_MM {
            let settings = LabelSettings {
                unit: LengthUnit::Centimetres,
                text_mm,
                view: None,
                numbered: true,
            };
            let labels = place_labels(&drawing, &settings, &ApproximateMeasure);
            assert_clean(
                &drawing,
                &labels,
                &format!("{products} products at {text_mm} mm"),
            );
            let names = labels
                .iter()
                .filter(|label| label.kind == LabelKind::ProductName)
                .count();
            assert!(names > 0, "some product names are placed");
        }
    }
}

#[test]
fn label_text_keeps_umlauts_and_signs() {
    let layout = crowded_room(3);
    let drawing = drawing_of(&layout, &catalogs());
    let settings = LabelSettings {
        unit: LengthUnit::Centimetres,
        text_mm: 100.0,
        view: None,
        numbered: false,
    };
    let labels = place_labels(&drawing, &settings, &ApproximateMeasure);
    let text: Vec<&str> = labels
        .iter()
        .flat_map(|label| label.lines.iter().map(String::as_str))
        .collect();
    assert!(text.contains(&"Gäste-WC"), "{text:?}");
    assert!(text.contains(&"Küche & Eßzimmer"), "{text:?}");
    assert!(text.iter().any(|line| line.ends_with(" m²")), "{text:?}");
    assert!(text.iter().any(|line| line.contains(" × ")), "{text:?}");
}

#[test]
fn labels_outside_the_view_are_left_for_later() {
    let layout = crowded_room(20);
    let drawing = drawing_of(&layout, &catalogs());
    let all = LabelSettings {
        unit: LengthUnit::Millimetres,
        text_mm: 100.0,
        view: None,
        numbered: false,
    };
    let corner = LabelSettings {
        view: Some((
            crate::domain::geometry::Coord { x: 0.0, y: 0.0 },
            crate::domain::geometry::Coord {
                x: 1000.0,
                y: 1000.0,
            },
        )),
        ..all
    };
    let everywhere = place_labels(&drawing, &all, &ApproximateMeasure).len();
    let some = place_labels(&drawing, &corner, &ApproximateMeasure).len();
    assert!(some < everywhere, "{some} < {everywhere}");
}
