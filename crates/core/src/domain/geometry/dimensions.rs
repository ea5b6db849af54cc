//! Dimension helpers: the lengths of a wall's two faces, and the clearances from a footprint
//! out to the nearest walls.

use super::walls::WallGeometry;
use super::{Coord, OrientedRect, cross, left_normal, length};

/// Walls further than this from a footprint's side are not measured to (20 m).
pub const MAX_CLEARANCE_MM: f64 = 20_000.0;

/// Directions whose cross product is below this are treated as parallel.
const PARALLEL_TOLERANCE: f64 = 1e-12;

/// A measured clearance from a footprint's side to a wall face.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Clearance {
    /// The middle of the footprint's side.
    pub from: Coord<f64>,
    /// Where the straight line out from that side meets a wall.
    pub to: Coord<f64>,
    /// The distance between them.
    pub distance_mm: f64,
}

/// The lengths of a wall's faces along its mitred footprint: `(left, right)`, the left face
/// running from `start_corners[1]` to `end_corners[1]`, the right from `start_corners[0]` to
/// `end_corners[0]`.
#[must_use]
pub fn face_lengths(wall: &WallGeometry) -> (f64, f64) {
    (
        length(wall.end_corners[1] - wall.start_corners[1]),
        length(wall.end_corners[0] - wall.start_corners[0]),
    )
}

/// From the middle of each side of `footprint` (back, right, front, left: the order of its
/// corners), straight out along that side's outward normal to the first crossing of any
/// wall outline within [`MAX_CLEARANCE_MM`]. Sides that meet no wall are left out.
#[must_use]
pub fn distances_to_walls(footprint: &OrientedRect, walls: &[WallGeometry]) -> Vec<Clearance> {
    let corners = footprint.corners();
    let outlines: Vec<[Coord<f64>; 4]> = walls.iter().map(WallGeometry::outline).collect();
    (0..corners.len())
        .filter_map(|index| {
            let (a, b) = (corners[index], corners[(index + 1) % corners.len()]);
            let side = b - a;
            let side_length = length(side);
            if side_length <= 0.0 {
                return None;
            }
            let from = (a + b) / 2.0;
            let outward = -left_normal(side) / side_length;
            let distance_mm = outlines
                .iter()
                .flat_map(|outline| {
                    (0..outline.len()).filter_map(move |edge| {
                        let start = outline[edge];
                        let end = outline[(edge + 1) % outline.len()];
                        ray_hit(from, outward, start, end)
                    })
                })
                .filter(|distance| *distance <= MAX_CLEARANCE_MM)
                .min_by(f64::total_cmp)?;
            Some(Clearance {
                from,
                to: from + outward * distance_mm,
                distance_mm,
            })
        })
        .collect()
}

/// How far along the ray `origin + t·direction` (t ≥ 0) it crosses the segment, if it does.
fn ray_hit(
    origin: Coord<f64>,
    direction: Coord<f64>,
    start: Coord<f64>,
    end: Coord<f64>,
) -> Option<f64> {
    let edge = end - start;
    let denominator = cross(direction, edge);
    if denominator.abs() <= PARALLEL_TOLERANCE * length(edge) {
        return None;
    }
    let to_start = start - origin;
    let along_ray = cross(to_start, edge) / denominator;
    let along_edge = cross(to_start, direction) / denominator;
    (along_ray >= 0.0 && (0.0..=1.0).contains(&along_edge)).then_some(along_ray)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::geometry::test_support::wall;
    use crate::domain::geometry::walls::wall_geometries;
    use crate::domain::layout::Wall;

    fn room(thickness: i64) -> Vec<Wall> {
        vec![
            wall((0, 0), (4000, 0), thickness),
            wall((4000, 0), (4000, 3000), thickness),
            wall((4000, 3000), (0, 3000), thickness),
            wall((0, 3000), (0, 0), thickness),
        ]
    }

    fn distances(clearances: &[Clearance]) -> Vec<f64> {
        clearances.iter().map(|c| c.distance_mm).collect()
    }

    #[test]
    fn a_box_in_a_room_measures_to_the_inner_faces() {
        let walls = wall_geometries(&room(100));
        let cabinet = OrientedRect::new(
            Coord {
                x: 1000.0,
                y: 800.0,
            },
            600.0,
            600.0,
            0.0,
        );
        let clearances = distances_to_walls(&cabinet, &walls);
        // Back (-y) to y = 50, right to x = 3950, front to y = 2950, left to x = 50.
        assert_eq!(distances(&clearances), vec![450.0, 2650.0, 1850.0, 650.0]);
        assert_eq!(
            clearances[0].from,
            Coord {
                x: 1000.0,
                y: 500.0
            }
        );
        assert_eq!(clearances[0].to, Coord { x: 1000.0, y: 50.0 });
        assert_eq!(clearances[3].to, Coord { x: 50.0, y: 800.0 });
    }

    #[test]
    fn a_turned_box_measures_from_its_own_sides() {
        let walls = wall_geometries(&room(100));
        let cabinet = OrientedRect::new(
            Coord {
                x: 1000.0,
                y: 800.0,
            },
            600.0,
            600.0,
            90.0,
        );
        let found = distances(&distances_to_walls(&cabinet, &walls));
        // Turned a quarter: the back faces +x, the right side +y, the front -x, the left -y.
        let expected = [2650.0, 1850.0, 650.0, 450.0];
        assert_eq!(found.len(), 4);
        for (got, want) in found.iter().zip(expected) {
            assert!((got - want).abs() < 1e-6, "{found:?}");
        }
    }

    #[test]
    fn a_side_facing_no_wall_is_left_out() {
        let mut walls = room(100);
        walls.remove(2);
        let cabinet = OrientedRect::new(
            Coord {
                x: 1000.0,
                y: 800.0,
            },
            600.0,
            600.0,
            0.0,
        );
        let found = distances(&distances_to_walls(&cabinet, &wall_geometries(&walls)));
        assert_eq!(found, vec![450.0, 2650.0, 650.0]);
    }

    #[test]
    fn face_lengths_follow_the_mitred_corners() {
        let mut walls = room(200);
        walls.push(wall((2000, 0), (2000, 3000), 100));
        let geometry = wall_geometries(&walls);
        // The inner face is the left one for walls drawn anticlockwise.
        assert_eq!(face_lengths(&geometry[0]), (3800.0, 4200.0));
        assert_eq!(face_lengths(&geometry[4]), (2800.0, 2800.0));
    }
}
