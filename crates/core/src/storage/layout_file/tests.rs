//! Tests of layout reading, checking and atomic writing.

use super::*;
use crate::domain::catalog::Configuration;
use crate::domain::catalog::OptionValue;
use crate::domain::layout::CatalogRef;
use crate::domain::layout::{PlacedProduct, RoomName, Wall};
use crate::domain::values::ids::{CatalogId, WallId};
use crate::domain::values::ids::{OptionId, ProductId, ProductInstanceId};
use crate::domain::values::units::{Mm, PointMm};
use rust_decimal::Decimal;
use std::path::PathBuf;

fn sample() -> Layout {
    let mut layout = Layout {
        format_version: FORMAT_VERSION,
        catalogs: vec![CatalogRef {
            id: CatalogId::from("test"),
            version: "1".into(),
        }],
        walls: vec![Wall {
            id: WallId::from("w1"),
            start: PointMm::new(0, 0),
            end: PointMm::new(4000, 0),
            thickness: Mm(120),
            height: Mm(2600),
        }],
        openings: Vec::new(),
        rooms: Vec::new(),
        products: Vec::new(),
        customer: Default::default(),
        quote: Default::default(),
    };
    let mut options = Configuration::new();
    options.insert(OptionId::from("width"), OptionValue::Number(2400));
    options.insert(
        OptionId::from("fabric"),
        OptionValue::Choice("stone".into()),
    );
    layout.products.push(PlacedProduct {
        id: ProductInstanceId::from("p1"),
        product: ProductId::from("sofa"),
        options,
        position: PointMm::new(1200, 800),
        rotation: 90.0,
        elevation: Some(Mm(10)),
        discount_percent: Decimal::new(75, 1),
        personal: Default::default(),
    });
    layout.quote.date =
        crate::domain::values::date::IsoDate::parse("2026-11-22").unwrap_or(layout.quote.date);
    layout
}

#[test]
fn written_text_reads_back_to_the_same_layout_and_the_same_bytes()
-> Result<(), Box<dyn std::error::Error>> {
    let layout = sample();
    let text = layout_to_string(&layout)?;
    let path = PathBuf::from("sample.ron");
    let read = parse_layout(&path, &text)?;
    assert_eq!(read, layout);
    assert_eq!(layout_to_string(&read)?, text);
    Ok(())
}

#[test]
fn a_newer_format_version_is_refused_with_its_line() {
    let text = "Layout(\n    format_version: 7,\n    catalogs: [],\n)";
    let error = parse_layout(Path::new("new.ron"), text)
        .err()
        .map(|e| e.to_string());
    assert_eq!(
        error.as_deref(),
        Some("new.ron:2:21: made by a newer Room Planner: format 7, this version reads up to 2")
    );
    // Written after other fields, it is still found once the file is read.
    let later = "Layout(\n    catalogs: [],\n    format_version: 3,\n)";
    let error = parse_layout(Path::new("later.ron"), later)
        .err()
        .map(|e| e.to_string());
    assert_eq!(
        error.as_deref(),
        Some("later.ron:3:5: made by a newer Room Planner: format 3, this version reads up to 2")
    );
}

#[test]
fn a_version_1_layout_is_read_as_version_2() {
    let text = "Layout(\n    format_version: 1,\n    catalogs: [],\n)";
    let layout = parse_layout(Path::new("old.ron"), text).map_err(|e| e.to_string());
    assert_eq!(layout.map(|layout| layout.format_version), Ok(2));
}

#[test]
fn duplicate_ids_and_zero_length_walls_are_located() {
    let text = "Layout(\n format_version: 1,\n catalogs: [],\n walls: [\n  (id: \"w1\", start: (0, 0), end: (0, 0), thickness: 100, height: 2500),\n  (id: \"w1\", start: (0, 0), end: (10, 0), thickness: 100, height: 2500),\n ],\n quote: (date: \"2026-01-01\", valid_days: 30),\n)";
    let error = parse_layout(Path::new("dup.ron"), text)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(
        error.contains("dup.ron:5:4: wall `w1` starts and ends at the same point"),
        "{error}"
    );
    assert!(
        error.contains("dup.ron:6:4: id `w1` is used twice"),
        "{error}"
    );
}

#[test]
fn saving_replaces_the_file_whole_and_leaves_no_temporary_behind()
-> Result<(), Box<dyn std::error::Error>> {
    let folder = std::env::temp_dir().join(format!("room-planner-save-{}", std::process::id()));
    std::fs::create_dir_all(&folder)?;
    let path = folder.join("plan.ron");
    std::fs::write(&path, "old content")?;
    save_layout(&path, &sample())?;
    let (read, _) = load_layout(&path)?;
    assert_eq!(read, sample());
    let leftovers: Vec<_> = std::fs::read_dir(&folder)?.filter_map(Result::ok).collect();
    assert_eq!(leftovers.len(), 1);
    std::fs::remove_dir_all(&folder)?;
    Ok(())
}

#[test]
fn saving_into_a_missing_folder_fails_and_names_the_file() {
    let path = std::env::temp_dir()
        .join("room-planner-no-such-folder")
        .join("plan.ron");
    let error = save_layout(&path, &sample())
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(error.contains("plan.ron:1:1: cannot save"), "{error}");
}

#[test]
fn the_shipped_saves_read_back_to_the_same_bytes_without_room_names()
-> Result<(), Box<dyn std::error::Error>> {
    let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../saves");
    for name in ["showroom.ron", "kitchen.ron", "problems.ron"] {
        let (layout, text) = load_layout(&folder.join(name))?;
        assert!(layout.rooms.is_empty());
        assert_eq!(layout_to_string(&layout)?, text, "{name}");
    }
    Ok(())
}

#[test]
fn room_names_are_written_after_the_openings_and_read_back()
-> Result<(), Box<dyn std::error::Error>> {
    let mut layout = sample();
    layout.rooms.push(RoomName {
        wall: WallId::from("w1"),
        left: true,
        name: "Wohnzimmer".into(),
    });
    let text = layout_to_string(&layout)?;
    assert!(
        text.contains(
            "    rooms: [\n        RoomName(\n            wall: \"w1\",\n            left: true,\n            name: \"Wohnzimmer\",\n        ),\n    ],\n"
        ),
        "{text}"
    );
    let read = parse_layout(Path::new("rooms.ron"), &text)?;
    assert_eq!(read, layout);
    assert_eq!(layout_to_string(&read)?, text);
    assert!(!layout_to_string(&sample())?.contains("rooms"));
    Ok(())
}

#[test]
fn room_names_on_unknown_walls_twice_on_one_side_or_unusable_are_located() {
    let text = "Layout(\n format_version: 1,\n catalogs: [],\n walls: [\n  (id: \"w1\", start: (0, 0), end: (10, 0), thickness: 100, height: 2500),\n ],\n rooms: [\n  (wall: \"w1\", left: true, name: \"Hall\"),\n  (wall: \"w9\", left: true, name: \"Bath\"),\n  (wall: \"w1\", left: true, name: \" Hall \"),\n  (wall: \"w1\", left: false, name: \"\"),\n ],\n quote: (date: \"2026-01-01\", valid_days: 30),\n)";
    let error = parse_layout(Path::new("rooms.ron"), text)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    for expected in [
        "rooms.ron:9:4: room `Bath` is named on wall `w9`, which does not exist",
        "rooms.ron:10:4: the room left of wall `w1` is named twice",
        "rooms.ron:10:4: room name ` Hall ` has spaces at either end",
        "rooms.ron:11:4: the room name on wall `w1` is empty",
    ] {
        assert!(error.contains(expected), "{expected} in {error}");
    }
}

#[test]
fn each_repeat_of_a_duplicate_id_is_located_at_its_own_line() {
    let wall = |y: i64| {
        format!(
            "  (id: \"w1\", start: (0, {y}), end: (1000, {y}), thickness: 100, height: 2500),\n"
        )
    };
    let text = format!(
        "Layout(\n format_version: 1,\n catalogs: [],\n walls: [\n{}{}{}{} ],\n quote: (date: \"2026-01-01\", valid_days: 30),\n)",
        wall(0),
        wall(1000),
        wall(2000),
        wall(3000)
    );
    let error = parse_layout(Path::new("dup.ron"), &text)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert_eq!(
        error,
        "dup.ron:6:4: id `w1` is used twice\ndup.ron:7:4: id `w1` is used twice\ndup.ron:8:4: id `w1` is used twice"
    );
}

#[test]
fn many_invalid_room_names_are_each_located_in_one_pass() {
    let rooms: String = (0..20_000)
        .map(|index| format!("  (wall: \"w{index}\", left: true, name: \"Room\"),\n"))
        .collect();
    let text = format!(
        "Layout(\n format_version: 1,\n catalogs: [],\n rooms: [\n{rooms} ],\n quote: (date: \"2026-01-01\", valid_days: 30),\n)"
    );
    let Err(LoadError::Invalid { problems }) = parse_layout(Path::new("rooms.ron"), &text) else {
        panic!("20,000 room names on unknown walls were accepted");
    };
    assert_eq!(problems.len(), 20_000);
    assert_eq!(problems[19_999].line, 20_004);
    assert!(
        problems[19_999]
            .message
            .contains("room `Room` is named on wall `w19999`")
    );
}

#[test]
fn an_id_with_control_characters_is_located_and_shown_escaped() {
    let text = "Layout(\n format_version: 1,\n catalogs: [],\n walls: [\n  (id: \"w\\u{1b}[31m\\n\", start: (0, 0), end: (1000, 0), thickness: 100, height: 2500),\n ],\n quote: (date: \"2026-01-01\", valid_days: 30),\n)";
    let error = parse_layout(Path::new("esc.ron"), text)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert_eq!(
        error,
        "esc.ron:5:4: `w\\u{1b}[31m\\n` is not a valid id: use 1 to 64 letters, digits, `-`, `_` or `.`"
    );
    assert!(!error.contains('\u{1b}') && !error.contains('\n'));
}

#[test]
fn short_walls_and_walls_lying_on_others_are_refused_like_the_editor_refuses_them() {
    let text = "Layout(\n format_version: 1,\n catalogs: [],\n walls: [\n  (id: \"a\", start: (0, 0), end: (4000, 0), thickness: 100, height: 2500),\n  (id: \"tiny\", start: (0, 1000), end: (1, 1000), thickness: 100, height: 2500),\n  (id: \"again\", start: (3000, 0), end: (1000, 0), thickness: 100, height: 2500),\n ],\n quote: (date: \"2026-01-01\", valid_days: 30),\n)";
    let error = parse_layout(Path::new("walls.ron"), text)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(
        error.contains("walls.ron:6:4: wall `tiny` is shorter than 10 mm"),
        "{error}"
    );
    assert!(
        error.contains("walls.ron:7:4: wall `again` lies over wall `a`"),
        "{error}"
    );
}

#[test]
fn a_field_or_option_written_twice_is_refused_at_the_second() {
    let mut text = layout_to_string(&sample()).unwrap_or_default();
    text = text.replace(
        "rotation: 90.0,",
        "rotation: 90.0,\n            rotation: 0.0,",
    );
    let error = parse_layout(Path::new("twice.ron"), &text)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(
        error.contains("field `rotation` is written twice"),
        "{error}"
    );
    let line = text
        .lines()
        .position(|line| line.trim() == "rotation: 0.0,")
        .map_or(0, |index| index + 1);
    assert!(
        error.starts_with(&format!("twice.ron:{line}:13: ")),
        "{error}"
    );
}
