//! Tests of wall edits: each valid then refused, openings kept inside their walls, and a
//! property test of that under random wall edits (moving walls is in `move_tests`).

use super::*;
use crate::domain::catalog::CatalogSet;
use crate::domain::constraints::test_support::{catalogs, opening, room, wall};
use crate::domain::editing::strategies::{edit_for, structure_step, wall_shape_step};
use crate::domain::editing::{Edit, apply_edit};
use crate::domain::geometry::walls::wall_geometries;
use crate::domain::layout::RoomName;
use crate::domain::values::ids::OpeningId;
use proptest::prelude::*;

/// The test room (5 m by 4 m, walls 100 mm thick) with a door on the south wall and windows on
/// the north and east walls.
pub(super) fn layout() -> Layout {
    let mut layout = room();
    layout.openings.push(opening("d1", "door", "south", 1000));
    layout.openings.push(opening("w1", "window", "north", 500));
    layout.openings.push(opening("w2", "window", "east", 1500));
    layout
}

pub(super) fn apply(layout: &mut Layout, edit: Edit) -> Result<Changes, EditError> {
    apply_edit(layout, &catalogs(), &edit)
}

/// Applies each edit to the layout, expecting its error and the layout untouched.
pub(super) fn assert_refused(layout: &mut Layout, cases: Vec<(Edit, EditError)>) {
    let before = layout.clone();
    for (edit, error) in cases {
        assert_eq!(apply(layout, edit.clone()), Err(error), "{edit:?}");
        assert_eq!(*layout, before, "{edit:?} changed the layout");
    }
}

pub(super) fn offset_of(layout: &Layout, id: &str) -> (String, i64) {
    let opening = layout
        .openings
        .iter()
        .find(|opening| opening.id.as_str() == id)
        .expect("opening");
    (opening.wall.to_string(), opening.offset.0)
}

pub(super) fn id(text: &str) -> WallId {
    WallId::from(text)
}

#[test]
fn drawn_walls_are_added_and_invalid_ones_refused() {
    let mut layout = layout();
    assert_eq!(layout.next_wall_id().as_str(), "w-1");
    let chain = vec![
        wall("w-1", (5000, 0), (8000, 0)),
        wall("w-2", (8000, 0), (8000, 4000)),
    ];
    let changes = apply(&mut layout, Edit::AddWalls(chain.clone())).expect("valid walls");
    assert!(changes.everything);
    assert_eq!(layout.walls[4..], chain[..]);
    assert!(
        apply(&mut layout, Edit::AddWalls(Vec::new()))
            .expect("nothing")
            .is_empty()
    );

    let with = |change: fn(&mut Wall)| {
        let mut wall = wall("w-3", (0, 0), (0, -3000));
        change(&mut wall);
        Edit::AddWalls(vec![wall])
    };
    assert_refused(
        &mut layout,
        vec![
            (
                Edit::AddWalls(vec![wall("south", (0, 0), (1, 1))]),
                EditError::DuplicateId("south".into()),
            ),
            (
                Edit::AddWalls(vec![wall("a", (0, 0), (1, 1)), wall("a", (1, 1), (2, 2))]),
                EditError::DuplicateId("a".into()),
            ),
            (
                Edit::AddWalls(vec![wall("bad id", (0, 0), (1, 1))]),
                EditError::InvalidId("bad id".into()),
            ),
            (
                with(|wall| wall.end = wall.start),
                EditError::WallTooShort(id("w-3")),
            ),
            (
                with(|wall| wall.thickness = Mm(9)),
                EditError::WallThicknessOutOfRange(Mm(9)),
            ),
            (
                with(|wall| wall.thickness = Mm(2001)),
                EditError::WallThicknessOutOfRange(Mm(2001)),
            ),
            (
                with(|wall| wall.height = Mm(99)),
                EditError::WallHeightOutOfRange(Mm(99)),
            ),
            (
                with(|wall| wall.height = Mm(10_001)),
                EditError::WallHeightOutOfRange(Mm(10_001)),
            ),
            (
                with(|wall| wall.end = PointMm::new(0, -1_000_001)),
                EditError::PositionOutOfRange(PointMm::new(0, -1_000_001)),
            ),
            (
                with(|wall| wall.end = PointMm::new(6, -7)),
                EditError::WallTooShort(id("w-3")),
            ),
            (
                Edit::AddWalls(vec![wall("w-3", (4000, 0), (1000, 0))]),
                EditError::WallsOverlap {
                    wall: id("w-3"),
                    other: id("south"),
                },
            ),
        ],
    );
}

#[test]
fn a_partition_ending_across_a_window_moves_it_to_the_nearest_free_place() {
    let mut layout = layout();
    // The window w2 runs 1500..2700 along the east wall; the partition meets it at 2000.
    apply(
        &mut layout,
        Edit::AddWalls(vec![wall("w-1", (2500, 2000), (5000, 2000))]),
    )
    .expect("the window can move");
    assert_eq!(offset_of(&layout, "w2"), ("east".into(), 2050));
    // Moving it back onto the junction stops it clear of the partition.
    apply(
        &mut layout,
        Edit::MoveOpening {
            id: OpeningId::from("w2"),
            offset: Mm(1600),
        },
    )
    .expect("a slide");
    assert_eq!(offset_of(&layout, "w2"), ("east".into(), 2050));
}

#[test]
fn a_drawn_wall_joining_an_end_pushes_openings_out_of_its_corner() {
    let mut layout = Layout::new(room().catalogs);
    layout.walls.push(wall("a", (0, 0), (3000, 0)));
    layout.openings.push(opening("w1", "window", "a", 1800));
    let thick = |thickness: i64| Wall {
        thickness: Mm(thickness),
        ..wall("b", (3000, 0), (3000, 2000))
    };
    apply(&mut layout, Edit::AddWalls(vec![thick(200)])).expect("fits");
    assert_eq!(offset_of(&layout, "w1"), ("a".into(), 1700));

    let mut crowded = Layout::new(room().catalogs);
    crowded.walls.push(wall("a", (0, 0), (3000, 0)));
    crowded.openings.push(opening("w1", "window", "a", 0));
    crowded.openings.push(opening("w2", "window", "a", 1500));
    assert_refused(
        &mut crowded,
        vec![(
            Edit::AddWalls(vec![thick(2000)]),
            EditError::OpeningsDoNotFit {
                wall: id("a"),
                needed: Mm(2400),
                usable: Mm(2000),
            },
        )],
    );
}

#[test]
fn splitting_keeps_the_length_and_rebases_the_openings() {
    let mut layout = room();
    layout.openings.push(opening("d1", "door", "south", 500));
    layout.openings.push(opening("w3", "window", "south", 1500));
    layout.openings.push(opening("w4", "window", "south", 3500));
    let split = |at: i64, new_id: &str| Edit::SplitWall {
        id: id("south"),
        at: Mm(at),
        new_id: id(new_id),
    };
    let changes = apply(&mut layout, split(2000, "south-2")).expect("valid split");
    assert!(changes.everything);
    assert_eq!(layout.walls[0], wall("south", (0, 0), (2000, 0)));
    assert_eq!(layout.walls[1], wall("south-2", (2000, 0), (5000, 0)));
    assert_eq!(layout.walls.len(), 5);
    assert_eq!(offset_of(&layout, "d1"), ("south".into(), 500));
    // Its centre was past the split: it moves to the second part, clear of the joint.
    assert_eq!(offset_of(&layout, "w3"), ("south-2".into(), 50));
    assert_eq!(offset_of(&layout, "w4"), ("south-2".into(), 1500));

    // A slanted wall is cut at the point that far along it.
    let mut slanted = Layout::new(room().catalogs);
    slanted.walls.push(wall("s", (0, 0), (3000, 4000)));
    let edit = Edit::SplitWall {
        id: id("s"),
        at: Mm(2500),
        new_id: id("t"),
    };
    apply(&mut slanted, edit).expect("valid split");
    assert_eq!(slanted.walls[0].end, PointMm::new(1500, 2000));
    assert_eq!(slanted.walls[1].start, PointMm::new(1500, 2000));
    assert_eq!(slanted.walls[1].end, PointMm::new(3000, 4000));

    let mut layout = room();
    layout.openings.push(opening("d1", "door", "south", 100));
    let mut near_end = layout.clone();
    apply(&mut near_end, split(4990, "s2")).expect("10 mm is long enough");
    let near = |at: i64| EditError::SplitTooNearEnd {
        wall: id("south"),
        at: Mm(at),
    };
    assert_refused(
        &mut layout,
        vec![
            (split(9, "s2"), near(9)),
            (split(4991, "s2"), near(4991)),
            (split(2000, "east"), EditError::DuplicateId("east".into())),
            (split(2000, "s 2"), EditError::InvalidId("s 2".into())),
            (
                Edit::SplitWall {
                    id: id("nope"),
                    at: Mm(100),
                    new_id: id("s2"),
                },
                EditError::UnknownWall(id("nope")),
            ),
            (
                split(700, "s2"),
                EditError::OpeningsDoNotFit {
                    wall: id("south"),
                    needed: Mm(900),
                    usable: Mm(600),
                },
            ),
        ],
    );
}

#[test]
fn deleting_a_wall_removes_its_openings_and_room_names() {
    let mut layout = layout();
    for (wall, name) in [("east", "Hall"), ("south", "Living")] {
        layout.rooms.push(RoomName {
            wall: id(wall),
            left: true,
            name: name.into(),
        });
    }
    let changes = apply(&mut layout, Edit::DeleteWall(id("south"))).expect("valid delete");
    assert!(changes.everything);
    assert!(layout.wall(&id("south")).is_none());
    let openings: Vec<&str> = layout.openings.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(openings, ["w1", "w2"]);
    assert_eq!(layout.rooms.len(), 1);
    assert_eq!(layout.room_name(&id("east"), true), Some("Hall"));
    assert_refused(
        &mut layout,
        vec![(
            Edit::DeleteWall(id("south")),
            EditError::UnknownWall(id("south")),
        )],
    );
}

#[test]
fn a_thicker_wall_pushes_openings_out_of_the_corners_it_reaches_into() {
    let mut layout = layout();
    layout.openings.push(opening("w5", "window", "south", 3750));
    let thickness = |wall: &str, mm: i64| Edit::SetWallThickness {
        id: id(wall),
        thickness: Mm(mm),
    };
    let changes = apply(&mut layout, thickness("east", 300)).expect("valid thickness");
    assert!(changes.everything);
    assert_eq!(layout.walls[1].thickness, Mm(300));
    assert_eq!(offset_of(&layout, "w5"), ("south".into(), 3650));
    assert_eq!(offset_of(&layout, "w2"), ("east".into(), 1500));
    assert!(
        apply(&mut layout, thickness("east", 300))
            .expect("same")
            .is_empty()
    );

    let mut crowded = room();
    for (id, product, offset) in [
        ("w1", "window", 100),
        ("w2", "window", 1400),
        ("w3", "window", 2700),
        ("d1", "door", 3900),
    ] {
        crowded.openings.push(opening(id, product, "south", offset));
    }
    assert_refused(
        &mut crowded,
        vec![
            (
                thickness("east", 2000),
                EditError::OpeningsDoNotFit {
                    wall: id("south"),
                    needed: Mm(4500),
                    usable: Mm(3950),
                },
            ),
            (
                thickness("east", 9),
                EditError::WallThicknessOutOfRange(Mm(9)),
            ),
            (
                thickness("east", 2001),
                EditError::WallThicknessOutOfRange(Mm(2001)),
            ),
            (thickness("nope", 100), EditError::UnknownWall(id("nope"))),
        ],
    );
}

#[test]
fn wall_heights_are_set_within_range() {
    let mut layout = layout();
    let height = |mm: i64| Edit::SetWallHeight {
        id: id("north"),
        height: Mm(mm),
    };
    assert!(
        apply(&mut layout, height(3000))
            .expect("valid height")
            .everything
    );
    assert_eq!(layout.walls[2].height, Mm(3000));
    assert!(apply(&mut layout, height(3000)).expect("same").is_empty());
    assert_refused(
        &mut layout,
        vec![
            (height(99), EditError::WallHeightOutOfRange(Mm(99))),
            (height(10_001), EditError::WallHeightOutOfRange(Mm(10_001))),
        ],
    );
}

/// Every opening is on an existing wall, inside its usable stretch (clear of corners) and
/// apart from the other openings on that wall.
fn assert_openings_inside(layout: &Layout, catalogs: &CatalogSet) -> Result<(), TestCaseError> {
    let geometries = wall_geometries(&layout.walls);
    let mut spans: BTreeMap<usize, Vec<(i64, i64)>> = BTreeMap::new();
    for opening in &layout.openings {
        let wall = layout.walls.iter().position(|wall| wall.id == opening.wall);
        prop_assert!(wall.is_some(), "{} is on no wall", opening.id);
        let wall = wall.unwrap_or_default();
        let geometry = &geometries[wall];
        let width = opening_width(catalogs, opening).expect("catalog product").0;
        let (from, to) = (opening.offset.0, opening.offset.0 + width);
        prop_assert!(
            from >= 0 && to as f64 <= geometry.length,
            "{} runs off its wall",
            opening.id
        );
        let (usable_from, usable_to) = geometry.usable_stretch();
        prop_assert!(
            from as f64 >= usable_from - 0.5 && to as f64 <= usable_to + 0.5,
            "{} at {from}..{to} reaches into a corner of {:?}",
            opening.id,
            geometry
        );
        for (joined_from, joined_to) in &geometry.occupied {
            prop_assert!(
                to as f64 <= joined_from + 0.5 || from as f64 >= joined_to - 0.5,
                "{} at {from}..{to} is crossed by a wall joined at {joined_from}..{joined_to}",
                opening.id
            );
        }
        spans.entry(wall).or_default().push((from, to));
    }
    for (wall, mut spans) in spans {
        spans.sort_unstable();
        for pair in spans.windows(2) {
            prop_assert!(
                pair[0].1 <= pair[1].0,
                "openings overlap on {}",
                layout.walls[wall].id
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn openings_stay_within_their_walls_under_random_wall_edits(
        steps in proptest::collection::vec(wall_shape_step(), 1..40)
    ) {
        let catalogs = catalogs();
        let mut layout = layout();
        for step in &steps {
            let Some(edit) = edit_for(step, &layout, &catalogs) else { continue };
            let before = layout.clone();
            if apply_edit(&mut layout, &catalogs, &edit).is_err() {
                prop_assert_eq!(&layout, &before, "a refused {:?} changed the layout", edit);
                continue;
            }
            assert_openings_inside(&layout, &catalogs)?;
            prop_assert_eq!(layout.openings.len(), 3, "{:?} lost an opening", edit);
        }
    }

    #[test]
    fn openings_stay_within_their_walls_under_any_structure_edits(
        steps in proptest::collection::vec(structure_step(), 1..40)
    ) {
        let catalogs = catalogs();
        let mut layout = layout();
        for step in &steps {
            let Some(edit) = edit_for(step, &layout, &catalogs) else { continue };
            if apply_edit(&mut layout, &catalogs, &edit).is_ok() {
                assert_openings_inside(&layout, &catalogs)?;
            }
        }
    }
}
