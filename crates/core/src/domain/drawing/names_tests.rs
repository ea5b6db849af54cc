//! Tests of the names messages give elements.

use super::*;
use crate::domain::constraints::check_layout;
use crate::domain::constraints::test_support::{catalogs, opening, placed, room, wall};
use crate::domain::layout::RoomName;
use crate::domain::values::ids::{OpeningId, ProductInstanceId, WallId};

fn names_of(layout: &Layout) -> Names {
    let catalogs = catalogs();
    Names::new(layout, &catalogs, &Structure::new(layout, &catalogs))
}

fn wall_named(names: &Names, id: &str) -> String {
    names.name(&WallId::from(id).into(), LengthUnit::Millimetres)
}

#[test]
fn walls_of_the_only_room_are_named_by_their_outward_side() {
    let names = names_of(&room());
    assert_eq!(wall_named(&names, "south"), "the south wall of the room");
    assert_eq!(wall_named(&names, "east"), "the east wall of the room");
    assert_eq!(wall_named(&names, "north"), "the north wall of the room");
    assert_eq!(wall_named(&names, "west"), "the west wall of the room");
}

/// The test room split by a partition at x = 3000: a larger west room and a smaller east one.
fn two_rooms() -> Layout {
    let mut layout = room();
    layout.walls.push(wall("mid", (3000, 0), (3000, 4000)));
    layout
}

#[test]
fn walls_of_two_rooms_name_their_room_and_a_shared_wall_prefers_a_named_room() {
    let unnamed = names_of(&two_rooms());
    assert_eq!(wall_named(&unnamed, "west"), "the west wall of Room 1");
    assert_eq!(wall_named(&unnamed, "east"), "the east wall of Room 2");
    let mut layout = two_rooms();
    // The partition runs north: its left is the west room.
    layout.rooms.push(RoomName {
        wall: WallId::from("east"),
        left: true,
        name: "Kitchen".into(),
    });
    let names = names_of(&layout);
    assert_eq!(wall_named(&names, "mid"), "the west wall of Kitchen");
    assert_eq!(wall_named(&names, "east"), "the east wall of Kitchen");
    assert_eq!(wall_named(&names, "west"), "the west wall of Room 1");
    layout.rooms.push(RoomName {
        wall: WallId::from("mid"),
        left: true,
        name: "Living room".into(),
    });
    let names = names_of(&layout);
    assert_eq!(wall_named(&names, "west"), "the west wall of Living room");
    // Both sides are named: the partition keeps one of them.
    assert!(
        wall_named(&names, "mid") == "the east wall of Living room"
            || wall_named(&names, "mid") == "the west wall of Kitchen",
        "{}",
        wall_named(&names, "mid")
    );
}

#[test]
fn a_wall_bounding_no_room_is_named_by_its_ends_in_the_readers_unit() {
    let mut layout = room();
    layout.walls = vec![wall("alone", (0, 0), (2540, 254))];
    let names = names_of(&layout);
    assert_eq!(
        wall_named(&names, "alone"),
        "the wall from (0 mm, 0 mm) to (2540 mm, 254 mm)"
    );
    assert_eq!(
        names.name(&WallId::from("alone").into(), LengthUnit::Inches),
        "the wall from (0 in, 0 in) to (100 in, 10 in)"
    );
}

#[test]
fn products_sharing_a_name_are_numbered_and_openings_name_their_wall() {
    let mut layout = room();
    layout.products = vec![
        placed("p-1", "lamp", (1000, 1000), 0.0),
        placed("p-2", "cabinet", (2500, 2000), 0.0),
        placed("p-3", "lamp", (4000, 1000), 0.0),
    ];
    layout.openings = vec![
        opening("o-1", "door", "south", 500),
        opening("o-2", "window", "north", 500),
        opening("o-3", "window", "north", 2500),
    ];
    let names = names_of(&layout);
    let product =
        |id: &str| names.name(&ProductInstanceId::from(id).into(), LengthUnit::Millimetres);
    assert_eq!(product("p-1"), "lamp 1");
    assert_eq!(product("p-2"), "cabinet");
    assert_eq!(product("p-3"), "lamp 2");
    let opening_named = |id: &str| names.name(&OpeningId::from(id).into(), LengthUnit::Millimetres);
    assert_eq!(opening_named("o-1"), "door in the south wall of the room");
    assert_eq!(
        opening_named("o-2"),
        "window 1 in the north wall of the room"
    );
    assert_eq!(
        opening_named("o-3"),
        "window 2 in the north wall of the room"
    );
    assert_eq!(product("p-unknown"), "product p-unknown");
}

#[test]
fn a_violation_reads_with_names_and_the_chosen_unit() {
    let catalogs = catalogs();
    let mut layout = room();
    // The cabinet (500 deep) reaches 80 mm past the south wall's inner face at y = 50.
    layout.products = vec![placed("p-1", "cabinet", (2500, 220), 0.0)];
    let violations = check_layout(&layout, &catalogs);
    let into_wall = violations
        .iter()
        .find(|violation| violation.message.mentions("reaches"))
        .map(|violation| &violation.message);
    let Some(into_wall) = into_wall else {
        panic!("no wall overlap in {violations:?}");
    };
    let names = names_of(&layout);
    assert_eq!(
        names.message(into_wall, LengthUnit::Millimetres),
        "Cabinet reaches 80 mm into the south wall of the room"
    );
    assert_eq!(
        into_wall.to_string(),
        "Product p-1 reaches 80 mm into wall south"
    );
    assert_eq!(
        names.message(into_wall, LengthUnit::FeetInches),
        "Cabinet reaches 3.15\" into the south wall of the room"
    );
}
