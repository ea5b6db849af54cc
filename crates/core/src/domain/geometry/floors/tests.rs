//! Room floors: inset by half of each wall, net areas, partitions and T-junctions, steps
//! between walls of different thickness, drawing direction, sides and label points.

use super::super::rooms::{Room, detect_rooms};
use super::super::test_support::{is_simple_anticlockwise, wall};
use super::super::{Coord, polygon};
use crate::domain::layout::Wall;
use geo::Contains;
use proptest::prelude::*;

fn at(x: f64, y: f64) -> Coord<f64> {
    Coord { x, y }
}

fn rectangle(origin: (i64, i64), width: i64, depth: i64, thickness: i64) -> Vec<Wall> {
    let (x0, y0) = origin;
    let (x1, y1) = (x0 + width, y0 + depth);
    vec![
        wall((x0, y0), (x1, y0), thickness),
        wall((x1, y0), (x1, y1), thickness),
        wall((x1, y1), (x0, y1), thickness),
        wall((x0, y1), (x0, y0), thickness),
    ]
}

fn only_room(walls: &[Wall]) -> Room {
    let mut rooms = detect_rooms(walls);
    assert_eq!(rooms.len(), 1, "{rooms:?}");
    rooms.remove(0)
}

fn label_inside(room: &Room) -> bool {
    polygon(&room.floor).contains(&geo::Point(room.label_point()))
}

#[test]
fn a_rectangle_floor_is_inset_by_half_the_wall_thickness() {
    let room = only_room(&rectangle((0, 0), 4000, 3000, 100));
    assert_eq!(
        room.floor,
        vec![
            at(50.0, 50.0),
            at(3950.0, 50.0),
            at(3950.0, 2950.0),
            at(50.0, 2950.0)
        ]
    );
    assert_eq!(room.net_area_mm2, 3900.0 * 2900.0);
    assert_eq!(room.area_mm2, 12_000_000.0);
    assert_eq!(room.label_point(), at(2000.0, 1500.0));
    assert_eq!(room.sides, vec![(0, true), (1, true), (2, true), (3, true)]);
}

#[test]
fn a_loop_drawn_clockwise_has_the_same_floor_with_the_room_on_the_right() {
    let mut walls = rectangle((0, 0), 4000, 3000, 100);
    for wall in &mut walls {
        std::mem::swap(&mut wall.start, &mut wall.end);
    }
    let room = only_room(&walls);
    assert!(is_simple_anticlockwise(&room.floor));
    assert_eq!(room.net_area_mm2, 3900.0 * 2900.0);
    assert!(room.sides.iter().all(|(_, on_left)| !on_left));
}

#[test]
fn an_l_shaped_floor_follows_the_inner_corner() {
    let walls = vec![
        wall((0, 0), (6000, 0), 100),
        wall((6000, 0), (6000, 2500), 100),
        wall((6000, 2500), (2500, 2500), 100),
        wall((2500, 2500), (2500, 5000), 100),
        wall((2500, 5000), (0, 5000), 100),
        wall((0, 5000), (0, 0), 100),
    ];
    let room = only_room(&walls);
    assert!(room.floor.contains(&at(2450.0, 2450.0)), "{:?}", room.floor);
    assert_eq!(room.net_area_mm2, 5900.0 * 2400.0 + 2400.0 * 2500.0);
    assert!(label_inside(&room));
}

#[test]
fn a_partition_wall_splits_the_floor_at_its_faces() {
    let mut walls = rectangle((0, 0), 6000, 3000, 200);
    walls.push(wall((2000, 0), (2000, 3000), 100));
    let rooms = detect_rooms(&walls);
    assert_eq!(rooms.len(), 2);
    let (right, left) = (&rooms[0], &rooms[1]);
    assert_eq!(
        left.floor,
        vec![
            at(100.0, 100.0),
            at(1950.0, 100.0),
            at(1950.0, 2900.0),
            at(100.0, 2900.0)
        ]
    );
    assert_eq!(left.net_area_mm2, 1850.0 * 2800.0);
    assert_eq!(right.net_area_mm2, 3850.0 * 2800.0);
    assert!(right.floor.contains(&at(2050.0, 100.0)));
    // The partition runs up: the left room is on its left.
    assert!(left.sides.contains(&(4, true)));
    assert!(right.sides.contains(&(4, false)));
    assert!(label_inside(left) && label_inside(right));
}

#[test]
fn a_wall_ending_on_the_outside_does_not_add_floor_corners() {
    let mut walls = rectangle((0, 0), 4000, 3000, 100);
    walls.push(wall((1000, 0), (1000, -2000), 100));
    let room = only_room(&walls);
    assert_eq!(room.outline.len(), 5);
    assert_eq!(room.floor.len(), 4);
    assert_eq!(room.net_area_mm2, 3900.0 * 2900.0);
}

#[test]
fn collinear_walls_of_different_thickness_leave_a_step() {
    let walls = vec![
        wall((0, 0), (2000, 0), 200),
        wall((2000, 0), (4000, 0), 100),
        wall((4000, 0), (4000, 3000), 100),
        wall((4000, 3000), (0, 3000), 100),
        wall((0, 3000), (0, 0), 100),
    ];
    let room = only_room(&walls);
    assert_eq!(
        room.floor,
        vec![
            at(50.0, 100.0),
            at(2000.0, 100.0),
            at(2000.0, 50.0),
            at(3950.0, 50.0),
            at(3950.0, 2950.0),
            at(50.0, 2950.0)
        ]
    );
    assert_eq!(room.net_area_mm2, 1950.0 * 2850.0 + 1950.0 * 2900.0);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn a_rectangle_room_has_the_net_area_inside_its_walls(
        origin in (-5000..5000_i64, -5000..5000_i64),
        width in 1000..10_000_i64,
        depth in 1000..10_000_i64,
        thickness in 50..=400_i64,
        reversed in any::<bool>(),
    ) {
        let mut walls = rectangle(origin, width, depth, thickness);
        if reversed {
            for wall in &mut walls {
                std::mem::swap(&mut wall.start, &mut wall.end);
            }
        }
        let room = only_room(&walls);
        let expected = ((width - thickness) * (depth - thickness)) as f64;
        prop_assert_eq!(room.net_area_mm2, expected);
        prop_assert!(is_simple_anticlockwise(&room.floor));
        prop_assert!(label_inside(&room));
        prop_assert!(room.sides.iter().all(|(_, on_left)| *on_left != reversed));
    }
}

#[test]
fn an_l_shaped_room_is_labelled_in_its_wide_part_away_from_the_walls() {
    let corners = [
        (-3000, 2500),
        (3000, 2500),
        (3000, 0),
        (-500, 0),
        (-500, -2500),
        (-3000, -2500),
    ];
    let walls: Vec<Wall> = (0..corners.len())
        .map(|index| wall(corners[index], corners[(index + 1) % corners.len()], 100))
        .collect();
    let room = only_room(&walls);
    let label = room.label_point();
    assert!(label_inside(&room));
    // The wide back part runs from y = 50 to 2450: the label keeps clear of both long walls
    // and of the far ends.
    assert!((label.y - 1250.0).abs() < 200.0, "{label:?}");
    assert!(label.x.abs() < 1000.0, "{label:?}");
}

#[test]
fn the_label_moves_off_a_product_in_the_middle_of_the_room() {
    let room = only_room(&rectangle((0, 0), 6000, 4000, 100));
    let sofa = [
        at(1800.0, 1500.0),
        at(4200.0, 1500.0),
        at(4200.0, 2500.0),
        at(1800.0, 2500.0),
    ];
    assert_eq!(room.label_point_clear_of(&[]), room.label_point());
    let label = room.label_point_clear_of(&[sofa]);
    assert!(!polygon(&sofa).contains(&geo::Point(label)), "{label:?}");
    assert!(polygon(&room.floor).contains(&geo::Point(label)));
    // Clear of the sofa by more than a label's half height, and still off the walls.
    let below_or_above = (label.y - 1500.0).min(0.0).abs() + (label.y - 2500.0).max(0.0);
    assert!(below_or_above > 400.0, "{label:?}");
    assert!(label.y > 400.0 && label.y < 3600.0, "{label:?}");
}
