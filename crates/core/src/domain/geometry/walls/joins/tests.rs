//! Corner joins: mitres at any angle and drawing direction, T-junctions, free ends, crowded
//! nodes, and the fall-back for very acute angles; property tests for simple outlines.

use crate::domain::geometry::test_support::{is_simple_anticlockwise, near, wall};
use crate::domain::geometry::walls::{WallGeometry, wall_geometries};
use crate::domain::geometry::{Coord, polygon};
use crate::domain::layout::Wall;
use geo::{Area, BooleanOps};
use proptest::prelude::*;

fn at(x: f64, y: f64) -> Coord<f64> {
    Coord { x, y }
}

fn reversed(mut wall: Wall) -> Wall {
    std::mem::swap(&mut wall.start, &mut wall.end);
    wall
}

/// The corners where `a` and `b` meet, each as the two points of its joint edge.
fn joint_edges(a: &WallGeometry, b: &WallGeometry) -> ([Coord<f64>; 2], [Coord<f64>; 2]) {
    let node_of = |wall: &WallGeometry, other: &WallGeometry| {
        let meets = |p: Coord<f64>| near(p, other.start) || near(p, other.end);
        if meets(wall.start) {
            wall.start_corners
        } else {
            wall.end_corners
        }
    };
    (node_of(a, b), node_of(b, a))
}

fn same_points(first: [Coord<f64>; 2], second: [Coord<f64>; 2]) -> bool {
    (first[0] == second[0] && first[1] == second[1])
        || (first[0] == second[1] && first[1] == second[0])
}

/// Whether every corner lies on its face line: right corners `h` to the right, left `h` left.
fn corners_on_faces(wall: &WallGeometry) -> bool {
    let on = |corner: Coord<f64>, side: f64| {
        (wall.side_distance(corner) - side * wall.half_thickness).abs() < 1e-6
    };
    [wall.start_corners, wall.end_corners]
        .iter()
        .all(|[right, left]| on(*right, -1.0) && on(*left, 1.0))
}

fn overlap_mm2(a: &WallGeometry, b: &WallGeometry) -> f64 {
    polygon(&a.outline())
        .intersection(&polygon(&b.outline()))
        .unsigned_area()
}

#[test]
fn a_rectangle_room_has_mitred_right_angle_corners() {
    let walls = [
        wall((0, 0), (4000, 0), 100),
        wall((4000, 0), (4000, 3000), 100),
        wall((4000, 3000), (0, 3000), 100),
        wall((0, 3000), (0, 0), 100),
    ];
    let geometry = wall_geometries(&walls);
    assert_eq!(
        geometry[0].start_corners,
        [at(-50.0, -50.0), at(50.0, 50.0)]
    );
    assert_eq!(
        geometry[0].end_corners,
        [at(4050.0, -50.0), at(3950.0, 50.0)]
    );
    assert_eq!(geometry[1].start_corners, geometry[0].end_corners);
    assert_eq!(geometry[3].end_corners, geometry[0].start_corners);
    for index in 0..4 {
        let next = &geometry[(index + 1) % 4];
        assert_eq!(geometry[index].end_corners, next.start_corners);
        assert!(is_simple_anticlockwise(&geometry[index].outline()));
        assert!(overlap_mm2(&geometry[index], next) < 1e-6);
    }
    // The extensions keep their meaning for snapping and openings.
    assert_eq!(geometry[0].end_extension, 50.0);
}

#[test]
fn the_drawing_direction_does_not_change_the_footprint() {
    let forward = [
        wall((0, 0), (4000, 0), 100),
        wall((4000, 0), (4000, 3000), 100),
        wall((4000, 3000), (0, 3000), 100),
        wall((0, 3000), (0, 0), 100),
    ];
    // End-to-end, start-to-start and end-to-start joins all appear here.
    let mixed = [
        forward[0].clone(),
        reversed(forward[1].clone()),
        forward[2].clone(),
        reversed(forward[3].clone()),
    ];
    let expected = wall_geometries(&forward);
    let geometry = wall_geometries(&mixed);
    for (index, (want, got)) in expected.iter().zip(&geometry).enumerate() {
        let got_outline = got.outline();
        for corner in want.outline() {
            assert!(
                got_outline.iter().any(|point| near(*point, corner)),
                "wall {index}: {corner:?} missing from {got_outline:?}"
            );
        }
        assert!(is_simple_anticlockwise(&geometry[index].outline()));
    }
    let (a, b) = joint_edges(&geometry[0], &geometry[1]);
    assert!(same_points(a, b));
}

#[test]
fn a_135_degree_corner_is_mitred_along_the_bisector() {
    // Turning 45° left: the mitre reaches h·tan(22.5°) along each wall from the node.
    let walls = [
        wall((0, 0), (4000, 0), 100),
        wall((4000, 0), (6000, 2000), 100),
    ];
    let geometry = wall_geometries(&walls);
    let reach = 50.0 * 22.5_f64.to_radians().tan();
    let [right, left] = geometry[0].end_corners;
    assert!(near(right, at(4000.0 + reach, -50.0)), "{right:?}");
    assert!(near(left, at(4000.0 - reach, 50.0)), "{left:?}");
    assert_eq!(geometry[1].start_corners, geometry[0].end_corners);
    assert!(overlap_mm2(&geometry[0], &geometry[1]) < 1e-6);
}

#[test]
fn a_45_degree_corner_is_still_mitred() {
    // Turning 135° left: the inner corner lies h·tan(67.5°) back along each wall.
    let walls = [
        wall((0, 0), (4000, 0), 100),
        wall((4000, 0), (2000, 2000), 100),
    ];
    let geometry = wall_geometries(&walls);
    let reach = 50.0 * 67.5_f64.to_radians().tan();
    let [right, left] = geometry[0].end_corners;
    assert!(near(right, at(4000.0 + reach, -50.0)), "{right:?}");
    assert!(near(left, at(4000.0 - reach, 50.0)), "{left:?}");
    assert_eq!(geometry[1].start_corners, geometry[0].end_corners);
    assert!(is_simple_anticlockwise(&geometry[1].outline()));
    assert!(overlap_mm2(&geometry[0], &geometry[1]) < 1e-6);
}

#[test]
fn walls_of_different_thickness_close_cleanly() {
    let walls = [
        wall((0, 0), (4000, 0), 200),
        wall((4000, 3000), (4000, 0), 100),
    ];
    let geometry = wall_geometries(&walls);
    assert_eq!(
        geometry[0].end_corners,
        [at(4050.0, -100.0), at(3950.0, 100.0)]
    );
    // Drawn towards the node, the second wall's right face is on the inside.
    assert_eq!(
        geometry[1].end_corners,
        [at(3950.0, 100.0), at(4050.0, -100.0)]
    );
    assert!(overlap_mm2(&geometry[0], &geometry[1]) < 1e-6);
}

#[test]
fn a_wall_ending_on_the_side_of_another_stops_at_its_face() {
    let walls = [
        wall((0, 0), (6000, 0), 200),
        wall((2500, 0), (2500, 3000), 100),
        wall((3500, 3000), (3500, 0), 100),
        wall((4500, 0), (4500, -2000), 100),
    ];
    let geometry = wall_geometries(&walls);
    assert_eq!(
        geometry[1].start_corners,
        [at(2550.0, 100.0), at(2450.0, 100.0)]
    );
    assert_eq!(
        geometry[2].end_corners,
        [at(3450.0, 100.0), at(3550.0, 100.0)]
    );
    assert_eq!(
        geometry[3].start_corners,
        [at(4450.0, -100.0), at(4550.0, -100.0)]
    );
    // The host is untouched: square ends, its stretch marked occupied.
    assert_eq!(geometry[0].start_corners, [at(0.0, -100.0), at(0.0, 100.0)]);
    for partition in &geometry[1..] {
        assert!(overlap_mm2(&geometry[0], partition) < 1e-6);
        assert!(is_simple_anticlockwise(&partition.outline()));
    }
}

#[test]
fn a_free_end_is_square_at_the_centre_line_end() {
    let geometry = wall_geometries(&[wall((1000, 1000), (1000, 4000), 120)]);
    assert_eq!(
        geometry[0].start_corners,
        [at(1060.0, 1000.0), at(940.0, 1000.0)]
    );
    assert_eq!(
        geometry[0].end_corners,
        [at(1060.0, 4000.0), at(940.0, 4000.0)]
    );
    assert_eq!(geometry[0].outline(), geometry[0].body());
}

#[test]
fn collinear_walls_join_square() {
    let walls = [
        wall((0, 0), (2000, 0), 100),
        wall((2000, 0), (5000, 0), 100),
    ];
    let geometry = wall_geometries(&walls);
    assert_eq!(
        geometry[0].end_corners,
        [at(2000.0, -50.0), at(2000.0, 50.0)]
    );
    assert_eq!(geometry[1].start_corners, geometry[0].end_corners);
}

#[test]
fn a_very_acute_corner_falls_back_to_square_ends() {
    let walls = [wall((0, 0), (4000, 0), 200), wall((4000, 0), (0, 300), 200)];
    let geometry = wall_geometries(&walls);
    assert_eq!(
        geometry[0].end_corners,
        [at(4000.0, -100.0), at(4000.0, 100.0)]
    );
    for wall in &geometry {
        assert!(is_simple_anticlockwise(&wall.outline()));
    }
}

#[test]
fn three_walls_at_a_node_keep_square_extended_ends() {
    let walls = [
        wall((0, 0), (4000, 0), 100),
        wall((4000, 0), (4000, 3000), 200),
        wall((4000, 0), (8000, 0), 100),
    ];
    let geometry = wall_geometries(&walls);
    assert_eq!(geometry[0].end_extension, 100.0);
    assert_eq!(
        geometry[0].end_corners,
        [at(4100.0, -50.0), at(4100.0, 50.0)]
    );
    assert_eq!(
        geometry[1].start_corners,
        [at(4100.0, -50.0), at(3900.0, -50.0)]
    );
}

#[test]
fn pieces_cut_square_inside_and_take_the_corners_at_the_ends() {
    let walls = [
        wall((0, 0), (4000, 0), 100),
        wall((4000, 0), (4000, 3000), 100),
    ];
    let geometry = wall_geometries(&walls);
    let wall = &geometry[0];
    assert_eq!(wall.piece(0.0, wall.length), wall.outline());
    assert_eq!(
        wall.piece(1000.0, 2000.0),
        wall.body_between(1000.0, 2000.0)
    );
    let last = wall.piece(3000.0, wall.length);
    assert_eq!(
        last,
        [
            at(3000.0, -50.0),
            at(4050.0, -50.0),
            at(3950.0, 50.0),
            at(3000.0, 50.0)
        ]
    );
    // A cut inside the mitre stops at the corner on the short face: a triangle.
    let inside = wall.piece(3980.0, wall.length);
    assert!(near(inside[0], at(3980.0, -50.0)));
    assert!(near(inside[2], at(3950.0, 50.0)) && near(inside[3], at(3950.0, 50.0)));
    assert!(Area::signed_area(&polygon(&inside)) > 0.0);
}

/// Two walls meeting at the origin, `turn_deg` apart, each drawn either way.
fn two_walls(
    heading_deg: f64,
    turn_deg: f64,
    lengths: (f64, f64),
    thicknesses: (i64, i64),
    flips: (bool, bool),
) -> Vec<Wall> {
    let end = |angle_deg: f64, length: f64| {
        let radians = angle_deg.to_radians();
        (
            (radians.cos() * length).round() as i64,
            (radians.sin() * length).round() as i64,
        )
    };
    let first = wall(end(heading_deg, lengths.0), (0, 0), thicknesses.0);
    let second = wall(
        (0, 0),
        end(heading_deg + turn_deg, lengths.1),
        thicknesses.1,
    );
    vec![
        if flips.0 { reversed(first) } else { first },
        if flips.1 { reversed(second) } else { second },
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn two_joined_walls_share_their_joint_and_do_not_overlap(
        heading_deg in 0.0..360.0_f64,
        turn_deg in 20.0..340.0_f64,
        lengths in (500.0..8000.0_f64, 500.0..8000.0_f64),
        thicknesses in (50..=400_i64, 50..=400_i64),
        flips in (any::<bool>(), any::<bool>()),
    ) {
        let walls = two_walls(heading_deg, turn_deg, lengths, thicknesses, flips);
        let geometry = wall_geometries(&walls);
        for wall in &geometry {
            prop_assert!(is_simple_anticlockwise(&wall.outline()), "{:?}", wall.outline());
            prop_assert!(corners_on_faces(wall), "{:?}", wall);
        }
        let (a, b) = joint_edges(&geometry[0], &geometry[1]);
        let mitred = same_points(a, b);
        // Clear of the acute and near-straight fall-backs, the walls must be mitred.
        let open = (40.0..=160.0).contains(&turn_deg) || (200.0..=320.0).contains(&turn_deg);
        if open && lengths.0 >= 2000.0 && lengths.1 >= 2000.0 {
            prop_assert!(mitred, "{:?} / {:?}", a, b);
        }
        if mitred {
            let overlap = overlap_mm2(&geometry[0], &geometry[1]);
            prop_assert!(overlap < 1.0, "overlap {} mm²", overlap);
        }
    }

    #[test]
    fn every_wall_of_a_convex_loop_has_a_simple_outline(
        gaps in proptest::collection::vec(5.0..90.0_f64, 3..12),
        radii in proptest::collection::vec(1000.0..6000.0_f64, 12),
        thicknesses in proptest::collection::vec(50..=400_i64, 12),
        flips in proptest::collection::vec(any::<bool>(), 12),
    ) {
        let total: f64 = gaps.iter().sum();
        let mut angle_deg = 0.0;
        let points: Vec<(i64, i64)> = gaps
            .iter()
            .zip(&radii)
            .map(|(gap, radius)| {
                angle_deg += gap / total * 360.0;
                let radians = f64::to_radians(angle_deg);
                ((radians.cos() * radius).round() as i64, (radians.sin() * radius).round() as i64)
            })
            .collect();
        let walls: Vec<Wall> = (0..points.len())
            .map(|index| {
                let built = wall(points[index], points[(index + 1) % points.len()], thicknesses[index]);
                if flips[index] { reversed(built) } else { built }
            })
            .collect();
        for wall in wall_geometries(&walls) {
            prop_assert!(is_simple_anticlockwise(&wall.outline()), "{:?}", wall.outline());
            prop_assert!(corners_on_faces(&wall), "{:?}", wall);
        }
    }
}
