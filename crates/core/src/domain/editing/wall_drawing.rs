//! Where the next corner of a wall being drawn goes: snapped to existing wall ends, to angle
//! steps from the previous corner, or to the grid; and the exact corner for a typed length.

use crate::domain::geometry::{Coord, coord, length};
use crate::domain::layout::Wall;
use crate::domain::values::units::{MAX_COORDINATE_MM, PointMm};

/// How the pointer's position is snapped while drawing walls.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WallSnapping {
    /// Grid spacing in millimetres.
    pub grid_mm: f64,
    /// Angle step from the previous corner in degrees.
    pub angle_step_deg: f64,
    /// How near an existing wall end the pointer must come to join it, in millimetres.
    pub end_reach_mm: f64,
}

impl Default for WallSnapping {
    fn default() -> Self {
        Self {
            grid_mm: 50.0,
            angle_step_deg: 15.0,
            end_reach_mm: 250.0,
        }
    }
}

/// What a corner was snapped to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SnappedTo {
    /// Nothing: the pointer's own position (snapping off).
    Free,
    /// The end of an existing wall (or the first corner of the wall being drawn).
    WallEnd,
    /// A point on an existing wall's centre line: the new wall meets it in a T-junction.
    OnWall,
    /// An angle step from the previous corner, with the length on the grid.
    Angle,
    /// The grid (first corner).
    Grid,
}

/// A snapped corner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SnappedCorner {
    /// The corner.
    pub point: PointMm,
    /// Why it is there.
    pub snapped_to: SnappedTo,
}

/// The corner for a pointer at `pointer`, after the previous corner `previous` (none for the
/// first corner). `extra_ends` are corners of the chain being drawn, joinable like wall ends.
/// With `enabled` false (the user holds the modifier) the pointer's position is kept.
#[must_use]
pub fn snap_corner(
    pointer: Coord<f64>,
    previous: Option<PointMm>,
    walls: &[Wall],
    extra_ends: &[PointMm],
    snapping: WallSnapping,
    enabled: bool,
) -> SnappedCorner {
    if !enabled {
        return SnappedCorner {
            point: rounded(pointer),
            snapped_to: SnappedTo::Free,
        };
    }
    let nearest_end = walls
        .iter()
        .flat_map(|wall| [wall.start, wall.end])
        .chain(extra_ends.iter().copied())
        .filter(|end| Some(*end) != previous)
        .map(|end| (end, length(coord(end) - pointer)))
        .filter(|(_, distance)| *distance <= snapping.end_reach_mm)
        .min_by(|a, b| a.1.total_cmp(&b.1));
    if let Some((end, _)) = nearest_end {
        return SnappedCorner {
            point: end,
            snapped_to: SnappedTo::WallEnd,
        };
    }
    // Near the side of a wall: onto its centre line, so a partition joins the wall and splits
    // the room (rounding to whole millimetres stays within the join tolerance). Along the wall
    // the corner goes where the new wall keeps an angle step from the previous corner, or else
    // onto the grid.
    let on_wall = walls
        .iter()
        .filter_map(|wall| {
            let (start, end) = (coord(wall.start), coord(wall.end));
            let wall_length = length(end - start);
            if wall_length < 1.0 {
                return None;
            }
            let along = (end - start) / wall_length;
            let at = crate::domain::geometry::dot(pointer - start, along).clamp(0.0, wall_length);
            let distance = length(pointer - (start + along * at));
            if distance > wall.thickness.as_f64() / 2.0 + snapping.end_reach_mm / 2.0 {
                return None;
            }
            let stepped = previous
                .and_then(|previous| {
                    let direction = angle_step_direction(pointer - coord(previous), snapping);
                    ray_meets_line(coord(previous), direction, start, along)
                })
                .filter(|hit| (0.0..=wall_length).contains(hit))
                .filter(|hit| (hit - at).abs() <= snapping.end_reach_mm * 2.0);
            let at =
                stepped.unwrap_or_else(|| on_grid(at, snapping.grid_mm).clamp(0.0, wall_length));
            Some((start + along * at, distance))
        })
        .min_by(|a, b| a.1.total_cmp(&b.1));
    if let Some((foot, _)) = on_wall {
        return SnappedCorner {
            point: rounded(foot),
            snapped_to: SnappedTo::OnWall,
        };
    }
    match previous {
        None => SnappedCorner {
            point: rounded(Coord {
                x: on_grid(pointer.x, snapping.grid_mm),
                y: on_grid(pointer.y, snapping.grid_mm),
            }),
            snapped_to: SnappedTo::Grid,
        },
        Some(previous) => {
            let from = coord(previous);
            let offset = pointer - from;
            let direction = angle_step_direction(offset, snapping);
            let along = on_grid(
                crate::domain::geometry::dot(offset, direction),
                snapping.grid_mm,
            );
            SnappedCorner {
                point: rounded(from + direction * along.max(0.0)),
                snapped_to: SnappedTo::Angle,
            }
        }
    }
}

/// The corner at exactly `length_mm` from `previous` towards `towards` (a typed length).
/// `None` when the direction is undefined (the pointer is on the previous corner).
#[must_use]
pub fn corner_at_length(previous: PointMm, towards: PointMm, length_mm: f64) -> Option<PointMm> {
    let from = coord(previous);
    let offset = coord(towards) - from;
    let distance = length(offset);
    if distance < 1.0 || !length_mm.is_finite() || length_mm <= 0.0 {
        return None;
    }
    Some(rounded(from + offset * (length_mm / distance)))
}

/// Length in millimetres and direction in degrees anticlockwise from the +x axis, in
/// `[0, 360)`, of a wall from `from` to `to`.
#[must_use]
pub fn length_and_angle(from: PointMm, to: PointMm) -> (f64, f64) {
    let offset = coord(to) - coord(from);
    let angle = crate::domain::values::units::normalize_deg(offset.y.atan2(offset.x).to_degrees());
    (length(offset), angle)
}

/// The unit direction of `offset` turned to the nearest angle step.
fn angle_step_direction(offset: Coord<f64>, snapping: WallSnapping) -> Coord<f64> {
    let step = snapping.angle_step_deg.to_radians();
    let angle = (offset.y.atan2(offset.x) / step).round() * step;
    Coord {
        x: angle.cos(),
        y: angle.sin(),
    }
}

/// Where a ray from `from` along `direction` meets the line through `start` along the unit
/// vector `along`, as a distance along that line from `start`; `None` when they are parallel
/// or the line lies behind the ray.
fn ray_meets_line(
    from: Coord<f64>,
    direction: Coord<f64>,
    start: Coord<f64>,
    along: Coord<f64>,
) -> Option<f64> {
    use crate::domain::geometry::cross;
    let denominator = cross(along, direction);
    if denominator.abs() < 1e-9 {
        return None;
    }
    let to_from = from - start;
    let ray_length = cross(to_from, along) / denominator;
    (ray_length > 0.0).then(|| cross(to_from, direction) / denominator)
}

fn on_grid(value: f64, grid_mm: f64) -> f64 {
    if grid_mm > 0.0 {
        (value / grid_mm).round() * grid_mm
    } else {
        value
    }
}

fn rounded(point: Coord<f64>) -> PointMm {
    let limit = MAX_COORDINATE_MM as f64;
    PointMm::new(
        point.x.round().clamp(-limit, limit) as i64,
        point.y.round().clamp(-limit, limit) as i64,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::values::ids::WallId;
    use crate::domain::values::units::Mm;
    use proptest::prelude::*;

    fn wall(start: (i64, i64), end: (i64, i64)) -> Wall {
        Wall {
            id: WallId::from("w"),
            start: PointMm::new(start.0, start.1),
            end: PointMm::new(end.0, end.1),
            thickness: Mm(100),
            height: Mm(2500),
        }
    }

    fn at(x: f64, y: f64) -> Coord<f64> {
        Coord { x, y }
    }

    #[test]
    fn the_first_corner_lands_on_the_grid() {
        let snapped = snap_corner(
            at(1012.0, 488.0),
            None,
            &[],
            &[],
            WallSnapping::default(),
            true,
        );
        assert_eq!(snapped.point, PointMm::new(1000, 500));
        assert_eq!(snapped.snapped_to, SnappedTo::Grid);
    }

    #[test]
    fn near_a_wall_end_the_corner_joins_it() {
        let walls = [wall((0, 0), (4000, 0))];
        let snapped = snap_corner(
            at(4100.0, 130.0),
            Some(PointMm::new(4000, 3000)),
            &walls,
            &[],
            WallSnapping::default(),
            true,
        );
        assert_eq!(snapped.point, PointMm::new(4000, 0));
        assert_eq!(snapped.snapped_to, SnappedTo::WallEnd);
    }

    #[test]
    fn later_corners_keep_to_fifteen_degree_steps() {
        let snapped = snap_corner(
            at(3010.0, 180.0),
            Some(PointMm::new(0, 0)),
            &[],
            &[],
            WallSnapping::default(),
            true,
        );
        assert_eq!(snapped.point, PointMm::new(3000, 0));
        let diagonal = snap_corner(
            at(2000.0, 2100.0),
            Some(PointMm::new(0, 0)),
            &[],
            &[],
            WallSnapping::default(),
            true,
        );
        let (_, angle) = length_and_angle(PointMm::new(0, 0), diagonal.point);
        assert!((angle - 45.0).abs() < 0.05, "{angle}");
    }

    #[test]
    fn near_the_side_of_a_wall_the_corner_lands_on_its_centre_line() {
        let walls = [wall((0, 0), (6000, 0))];
        let snapped = snap_corner(
            at(2437.0, 90.0),
            Some(PointMm::new(2400, 3000)),
            &walls,
            &[],
            WallSnapping::default(),
            true,
        );
        // Square to the previous corner: the partition runs straight across the room.
        assert_eq!(snapped.point, PointMm::new(2400, 0));
        assert_eq!(snapped.snapped_to, SnappedTo::OnWall);
        // From a corner up and to the left, at 45°; with none, along the wall onto the grid.
        for (previous, expected) in [
            (Some(PointMm::new(1000, 1234)), PointMm::new(2234, 0)),
            (None, PointMm::new(2450, 0)),
        ] {
            let first = snap_corner(
                at(2437.0, 90.0),
                previous,
                &walls,
                &[],
                WallSnapping::default(),
                true,
            );
            assert_eq!(first.point, expected, "{previous:?}");
        }
        let mut with_partition = walls.to_vec();
        with_partition.extend([
            wall((6000, 0), (6000, 3000)),
            wall((6000, 3000), (0, 3000)),
            wall((0, 3000), (0, 0)),
            wall((2437, 3000), (snapped.point.x.0, snapped.point.y.0)),
        ]);
        assert_eq!(
            crate::domain::geometry::rooms::detect_rooms(&with_partition).len(),
            2
        );
    }

    #[test]
    fn the_modifier_keeps_the_pointer_where_it_is() {
        let snapped = snap_corner(
            at(3010.4, 180.6),
            Some(PointMm::new(0, 0)),
            &[wall((3000, 0), (3000, 3000))],
            &[],
            WallSnapping::default(),
            false,
        );
        assert_eq!(snapped.point, PointMm::new(3010, 181));
        assert_eq!(snapped.snapped_to, SnappedTo::Free);
    }

    #[test]
    fn a_typed_length_sets_the_corner_along_the_pointer_direction() {
        let corner = corner_at_length(PointMm::new(0, 0), PointMm::new(0, 1234), 2500.0);
        assert_eq!(corner, Some(PointMm::new(0, 2500)));
        assert_eq!(
            corner_at_length(PointMm::new(5, 5), PointMm::new(5, 5), 100.0),
            None
        );
        assert_eq!(
            corner_at_length(PointMm::new(0, 0), PointMm::new(10, 0), -3.0),
            None
        );
    }

    proptest! {
        #[test]
        fn snapped_walls_point_along_an_angle_step(x in -8000.0f64..8000.0, y in -8000.0f64..8000.0) {
            prop_assume!(x.hypot(y) > 300.0);
            let snapped = snap_corner(at(x, y), Some(PointMm::new(0, 0)), &[], &[], WallSnapping::default(), true);
            let (length_mm, angle) = length_and_angle(PointMm::new(0, 0), snapped.point);
            if length_mm > 0.0 {
                let off_step = (angle / 15.0 - (angle / 15.0).round()).abs() * 15.0;
                // Whole-millimetre rounding moves the angle by at most atan(0.71 / length).
                let rounding_deg = (0.71 / length_mm).atan().to_degrees();
                prop_assert!(off_step <= rounding_deg, "{angle} at {length_mm} mm");
            }
        }
    }
}
