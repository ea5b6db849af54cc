//! Tests of moving walls: a wall's end or the whole wall moved, the walls joined to it
//! following, and a corner dragged over another left behind.

use super::tests::{apply, assert_refused, id, layout, offset_of};
use super::*;
use crate::domain::constraints::test_support::{room, wall};
use crate::domain::editing::Edit;

#[test]
fn a_dragged_corner_passing_over_another_corner_leaves_it_behind() {
    let mut layout = layout();
    apply(
        &mut layout,
        Edit::AddWalls(vec![wall("w-1", (6000, 2000), (8000, 2000))]),
    )
    .expect("a free wall");
    // The drag takes the north-east corner: the east wall's end and the north wall's start.
    let ends = corner_ends(&layout, &id("east"), WallEnd::End);
    assert_eq!(
        ends,
        vec![(id("east"), WallEnd::End), (id("north"), WallEnd::Start)]
    );
    for by in [(1000, -2000), (1000, 0)] {
        apply(
            &mut layout,
            Edit::MoveWallEnds {
                ends: ends.clone(),
                by: PointMm::new(by.0, by.1),
            },
        )
        .expect("the corner moves");
    }
    let free = layout.wall(&id("w-1")).expect("free wall");
    assert_eq!(free.start, PointMm::new(6000, 2000), "picked up on the way");
    assert_eq!(
        layout.wall(&id("east")).map(|w| w.end),
        Some(PointMm::new(7000, 2000))
    );
    assert_eq!(
        layout.wall(&id("north")).map(|w| w.start),
        Some(PointMm::new(7000, 2000))
    );
    assert_eq!(wall_and_corner_ends(&layout, &id("south")).len(), 4);
    assert_refused(
        &mut layout,
        vec![(
            Edit::MoveWallEnds {
                ends: vec![(id("nope"), WallEnd::Start)],
                by: PointMm::new(10, 0),
            },
            EditError::UnknownWall(id("nope")),
        )],
    );
}

#[test]
fn moving_a_wall_end_takes_the_joined_ends_along() {
    let mut layout = layout();
    let to = PointMm::new(6000, -500);
    let edit = Edit::MoveWallEnd {
        id: id("south"),
        end: WallEnd::End,
        to,
    };
    let changes = apply(&mut layout, edit).expect("valid move");
    assert!(changes.everything);
    assert_eq!(layout.walls[0].end, to);
    assert_eq!(layout.walls[1].start, to);
    assert_eq!(layout.walls[2], room().walls[2]);
    // The door keeps its offset from the south wall's start, which stayed; the east wall's
    // start moved, so its window keeps its distance from the east wall's end: the wall grew
    // from 4000 to 4610 mm.
    assert_eq!(offset_of(&layout, "d1"), ("south".into(), 1000));
    assert_eq!(offset_of(&layout, "w2"), ("east".into(), 2110));
    assert_eq!(offset_of(&layout, "w1"), ("north".into(), 500));

    // Ends within the join tolerance follow; ends further away stay.
    let mut layout = room();
    layout.walls[3].end = PointMm::new(1, 0);
    layout.walls.push(wall("stub", (0, 2), (-1000, 2)));
    let to = PointMm::new(-500, 0);
    let edit = Edit::MoveWallEnd {
        id: id("south"),
        end: WallEnd::Start,
        to,
    };
    apply(&mut layout, edit).expect("valid move");
    assert_eq!(layout.walls[3].end, to);
    assert_eq!(layout.walls[4].start, PointMm::new(0, 2));

    let mut layout = self::layout();
    let move_to = |x: i64, y: i64| Edit::MoveWallEnd {
        id: id("south"),
        end: WallEnd::End,
        to: PointMm::new(x, y),
    };
    assert!(
        apply(&mut layout, move_to(5000, 0))
            .expect("same")
            .is_empty()
    );
    assert_refused(
        &mut layout,
        vec![
            (
                Edit::MoveWallEnd {
                    id: id("nope"),
                    end: WallEnd::Start,
                    to: PointMm::new(0, 0),
                },
                EditError::UnknownWall(id("nope")),
            ),
            (
                move_to(2_000_000, 0),
                EditError::PositionOutOfRange(PointMm::new(2_000_000, 0)),
            ),
            (move_to(0, 0), EditError::WallTooShort(id("south"))),
            (move_to(6, 5), EditError::WallTooShort(id("south"))),
            (
                move_to(800, 0),
                EditError::OpeningsDoNotFit {
                    wall: id("south"),
                    needed: Mm(900),
                    usable: Mm(700),
                },
            ),
        ],
    );
}

#[test]
fn moving_a_wall_stretches_the_walls_joined_to_it() {
    let mut layout = layout();
    let changes = apply(
        &mut layout,
        Edit::MoveWall {
            id: id("south"),
            by: PointMm::new(0, -1000),
        },
    )
    .expect("valid move");
    assert!(changes.everything);
    assert_eq!(layout.walls[0], wall("south", (0, -1000), (5000, -1000)));
    assert_eq!(layout.walls[1], wall("east", (5000, -1000), (5000, 4000)));
    assert_eq!(layout.walls[2], room().walls[2]);
    assert_eq!(layout.walls[3], wall("west", (0, 4000), (0, -1000)));
    assert_eq!(offset_of(&layout, "d1"), ("south".into(), 1000));
    assert_eq!(offset_of(&layout, "w2"), ("east".into(), 2500));

    // A joined end a millimetre off moves by the same displacement.
    let mut layout = self::layout();
    layout.walls[1].start = PointMm::new(5000, 1);
    apply(
        &mut layout,
        Edit::MoveWall {
            id: id("south"),
            by: PointMm::new(0, -1000),
        },
    )
    .expect("valid move");
    assert_eq!(layout.walls[1].start, PointMm::new(5000, -999));
    assert_eq!(offset_of(&layout, "w2"), ("east".into(), 2500));

    let by = |x: i64, y: i64| Edit::MoveWall {
        id: id("south"),
        by: PointMm::new(x, y),
    };
    assert!(apply(&mut layout, by(0, 0)).expect("nothing").is_empty());
    assert_refused(
        &mut layout,
        vec![
            (
                Edit::MoveWall {
                    id: id("nope"),
                    by: PointMm::new(1, 0),
                },
                EditError::UnknownWall(id("nope")),
            ),
            (
                by(i64::MAX, 0),
                EditError::PositionOutOfRange(PointMm::new(i64::MAX, -1000)),
            ),
        ],
    );
}
