//! Tests of setting doors and windows into walls and removing them: valid, then refused.

use super::*;
use crate::domain::constraints::test_support::{catalogs, opening, room};
use crate::domain::editing::{Edit, apply_edit};
use crate::domain::values::ids::{ProductId, WallId};

fn apply(layout: &mut Layout, edit: Edit) -> Result<Changes, EditError> {
    apply_edit(layout, &catalogs(), &edit)
}

fn offset_of(layout: &Layout, id: &str) -> Option<i64> {
    layout.opening(&OpeningId::from(id)).map(|o| o.offset.0)
}

#[test]
fn a_new_opening_goes_to_the_free_place_nearest_its_offset_and_can_be_removed() {
    let mut layout = room();
    layout.catalogs.clear();
    layout.openings.push(opening("d1", "door", "south", 1000));
    let id = layout.next_opening_id();
    assert_eq!(id.as_str(), "o-1");
    let window = opening(id.as_str(), "window", "south", 1500);
    let changes = apply(&mut layout, Edit::AddOpening(window)).expect("fits");
    assert!(changes.everything);
    // It would overlap the door (1000 to 1900): it goes right after it instead.
    assert_eq!(offset_of(&layout, "o-1"), Some(1900));
    // The layout now names the catalog the window comes from.
    assert_eq!(layout.catalogs, room().catalogs);

    // Past the end: clamped clear of the corner with the west wall (north runs east to west).
    let far = opening("o-2", "window", "north", 4500);
    apply(&mut layout, Edit::AddOpening(far)).expect("fits");
    assert_eq!(offset_of(&layout, "o-2"), Some(3750));

    let changes = apply(&mut layout, Edit::DeleteOpening(id)).expect("valid delete");
    assert!(changes.everything);
    assert_eq!(offset_of(&layout, "o-1"), None);
    assert_eq!(layout.openings.len(), 2);
}

#[test]
fn invalid_openings_are_refused_and_leave_the_layout_untouched() {
    let mut layout = room();
    layout.openings.push(opening("d1", "door", "south", 1000));
    layout.openings.push(opening("w1", "window", "south", 1900));
    layout.openings.push(opening("w2", "window", "south", 3100));
    let before = layout.clone();
    let add = |change: fn(&mut Opening)| {
        let mut new = opening("o-9", "window", "south", 100);
        change(&mut new);
        Edit::AddOpening(new)
    };
    let mut sized = opening("o-9", "window", "north", 100);
    sized
        .options
        .insert(OptionId::from("size"), OptionValue::Number(1));
    let refused = [
        (
            add(|o| o.id = "d1".into()),
            EditError::DuplicateId("d1".into()),
        ),
        (
            add(|o| o.id = "south".into()),
            EditError::DuplicateId("south".into()),
        ),
        (
            add(|o| o.id = "bad id".into()),
            EditError::InvalidId("bad id".into()),
        ),
        (
            add(|o| o.product = "cabinet".into()),
            EditError::NotAnOpeningProduct(ProductId::from("cabinet")),
        ),
        (
            add(|o| o.product = "bench".into()),
            EditError::UnknownCatalogProduct(ProductId::from("bench")),
        ),
        (
            add(|o| o.wall = "nope".into()),
            EditError::UnknownWall(WallId::from("nope")),
        ),
        (
            add(|o| o.offset = Mm(-1)),
            EditError::OffsetOutOfRange(Mm(-1)),
        ),
        (
            add(|o| o.sill = Mm(5001)),
            EditError::SillOutOfRange(Mm(5001)),
        ),
        (
            add(|o| {
                o.product = "door".into();
                o.sill = Mm(100);
            }),
            EditError::DoorWithSill(Mm(100)),
        ),
        (
            Edit::AddOpening(sized),
            EditError::UnknownOption {
                product: ProductId::from("window"),
                option: OptionId::from("size"),
            },
        ),
        // Free stretches on the south wall: 950 and 650 mm.
        (
            add(|_| {}),
            EditError::NoRoomForOpening {
                wall: WallId::from("south"),
                width: Mm(1200),
            },
        ),
        (
            Edit::DeleteOpening(OpeningId::from("nope")),
            EditError::UnknownOpening(OpeningId::from("nope")),
        ),
    ];
    for (edit, error) in refused {
        assert_eq!(apply(&mut layout, edit.clone()), Err(error), "{edit:?}");
        assert_eq!(layout, before, "{edit:?} changed the layout");
    }
    // A narrower door still fits in the 950 mm before the first door.
    let door = opening("o-9", "door", "south", 0);
    apply(&mut layout, Edit::AddOpening(door)).expect("fits");
    assert_eq!(offset_of(&layout, "o-9"), Some(50));
}

#[test]
fn a_slid_opening_stops_against_its_neighbour_and_the_corner() {
    let mut layout = room();
    layout.openings.push(opening("d1", "door", "south", 1000));
    layout.openings.push(opening("w1", "window", "south", 2500));
    // The door (900 wide) slid onto the window stops right before it.
    apply(
        &mut layout,
        Edit::MoveOpening {
            id: OpeningId::from("d1"),
            offset: Mm(2000),
        },
    )
    .expect("valid slide");
    assert_eq!(offset_of(&layout, "d1"), Some(1600));
    // Slid past the wall's start, it stops clear of the corner.
    apply(
        &mut layout,
        Edit::MoveOpening {
            id: OpeningId::from("d1"),
            offset: Mm(0),
        },
    )
    .expect("valid slide");
    let start = offset_of(&layout, "d1").unwrap_or(0);
    assert!(start > 0, "{start}");
    // A free place is taken as asked.
    apply(
        &mut layout,
        Edit::MoveOpening {
            id: OpeningId::from("d1"),
            offset: Mm(700),
        },
    )
    .expect("valid slide");
    assert_eq!(offset_of(&layout, "d1"), Some(700));
}
