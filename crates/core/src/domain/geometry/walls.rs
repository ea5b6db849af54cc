//! Wall geometry: centre lines, which walls join at which ends, and the solid footprint of
//! each wall (its corners are worked out in `joins`).

pub(super) mod joins;

use super::{Coord, coord, distance_to_segment, dot, left_normal, length};
use crate::domain::layout::Wall;
use joins::end_corners;
use rstar::primitives::{GeomWithData, Rectangle};
use rstar::{AABB, RTree};

/// Wall ends closer than this are joined (millimetres).
pub const JOIN_TOLERANCE_MM: f64 = 1.0;

/// A wall's centre line and the space its neighbours take along it.
#[derive(Debug, Clone, PartialEq)]
pub struct WallGeometry {
    /// Start of the centre line.
    pub start: Coord<f64>,
    /// End of the centre line.
    pub end: Coord<f64>,
    /// Unit vector from start to end.
    pub along: Coord<f64>,
    /// Unit vector to the wall's left (the `In` side).
    pub left: Coord<f64>,
    /// Centre-line length.
    pub length: f64,
    /// Half the thickness.
    pub half_thickness: f64,
    /// Height.
    pub height: f64,
    /// How far the body reaches past the start to close a corner with a joined wall.
    pub start_extension: f64,
    /// How far the body reaches past the end to close a corner with a joined wall.
    pub end_extension: f64,
    /// Stretches along the centre line (from, to) taken up by joined walls; openings must avoid them.
    pub occupied: Vec<(f64, f64)>,
    /// Footprint corners at the start, `[right, left]` (right is against `left`): square at a
    /// free end, a mitre shared with the one other wall ending there, on the host's face where
    /// the wall ends on another's side, square and extended where three or more walls meet,
    /// square where a mitre would reach past [`super::MITRE_LIMIT_HALF_THICKNESSES`].
    pub start_corners: [Coord<f64>; 2],
    /// Footprint corners at the end, `[right, left]`.
    pub end_corners: [Coord<f64>; 2],
}

impl WallGeometry {
    /// The point at a distance along the centre line from the start.
    #[must_use]
    pub fn point_at(&self, offset: f64) -> Coord<f64> {
        self.start + self.along * offset
    }

    /// The stretch of the centre line, `(from, to)` in mm from the start, that a door or window
    /// may take: clear of the walls joined at either end and of the corner on both faces (at a
    /// corner sharper than a right angle the inner face's corner lies further along the wall).
    #[must_use]
    pub fn usable_stretch(&self) -> (f64, f64) {
        let along = |corner: Coord<f64>| super::dot(corner - self.start, self.along);
        let from = self
            .start_corners
            .iter()
            .map(|corner| along(*corner))
            .fold(self.start_extension, f64::max);
        let to = self
            .end_corners
            .iter()
            .map(|corner| along(*corner))
            .fold(self.length - self.end_extension, f64::min);
        (from, to)
    }

    /// The wall body between two distances along the centre line, as four corners anticlockwise.
    #[must_use]
    pub fn body_between(&self, from: f64, to: f64) -> [Coord<f64>; 4] {
        let side = self.left * self.half_thickness;
        let (a, b) = (self.point_at(from), self.point_at(to));
        [a - side, b - side, b + side, a + side]
    }

    /// The whole body as a square-ended box reaching into corners by the extensions (walls
    /// overlap at corners); [`WallGeometry::outline`] is the mitred footprint.
    #[must_use]
    pub fn body(&self) -> [Coord<f64>; 4] {
        self.body_between(-self.start_extension, self.length + self.end_extension)
    }

    /// The whole mitred footprint, anticlockwise: start right, end right, end left, start left.
    #[must_use]
    pub fn outline(&self) -> [Coord<f64>; 4] {
        [
            self.start_corners[0],
            self.end_corners[0],
            self.end_corners[1],
            self.start_corners[1],
        ]
    }

    /// The footprint between two distances along the centre line, anticlockwise like
    /// [`WallGeometry::outline`]: `from_mm <= 0.0` takes the start corners, `to_mm >= length`
    /// the end corners, anything else is a square cut. A cut inside a mitred corner stops at
    /// that corner on each face, so the piece stays a simple polygon inside the outline.
    #[must_use]
    pub fn piece(&self, from_mm: f64, to_mm: f64) -> [Coord<f64>; 4] {
        let [(from_right, to_right), (from_left, to_left)] =
            [0, 1].map(|face| self.face_ends(face, from_mm, to_mm));
        [from_right, to_right, to_left, from_left]
    }

    /// The ends of one face (0 right, 1 left) of the piece from `from_mm` to `to_mm`.
    fn face_ends(&self, face: usize, from_mm: f64, to_mm: f64) -> (Coord<f64>, Coord<f64>) {
        let (first, last) = (self.start_corners[face], self.end_corners[face]);
        let (first_mm, last_mm) = (self.offset_of(first), self.offset_of(last));
        let side = if face == 0 { -1.0 } else { 1.0 };
        let on_face =
            |offset: f64| self.point_at(offset) + self.left * (side * self.half_thickness);
        let low_mm = if from_mm <= 0.0 {
            first_mm
        } else {
            from_mm.max(first_mm).min(last_mm)
        };
        let low = if from_mm <= 0.0 {
            first
        } else {
            on_face(low_mm)
        };
        let high = if to_mm >= self.length {
            last
        } else {
            on_face(to_mm.min(last_mm).max(low_mm))
        };
        (low, high)
    }

    /// Direction of the wall (start to end) in degrees anticlockwise from +x.
    #[must_use]
    pub fn angle_deg(&self) -> f64 {
        self.along.y.atan2(self.along.x).to_degrees()
    }

    /// Distance along the centre line of the projection of a point.
    #[must_use]
    pub fn offset_of(&self, point: Coord<f64>) -> f64 {
        dot(point - self.start, self.along)
    }

    /// Signed distance of a point from the centre line, positive on the left.
    #[must_use]
    pub fn side_distance(&self, point: Coord<f64>) -> f64 {
        dot(point - self.start, self.left)
    }
}

/// Geometry of every wall, in the same order, with corner joins worked out.
#[must_use]
pub fn wall_geometries(walls: &[Wall]) -> Vec<WallGeometry> {
    let mut geometries: Vec<WallGeometry> = walls
        .iter()
        .map(|wall| {
            let (start, end) = (coord(wall.start), coord(wall.end));
            let wall_length = length(end - start);
            let along = if wall_length > 0.0 {
                (end - start) / wall_length
            } else {
                Coord { x: 1.0, y: 0.0 }
            };
            WallGeometry {
                start,
                end,
                along,
                left: left_normal(along),
                length: wall_length,
                half_thickness: wall.thickness.as_f64() / 2.0,
                height: wall.height.as_f64(),
                start_extension: 0.0,
                end_extension: 0.0,
                occupied: Vec::new(),
                start_corners: [start; 2],
                end_corners: [end; 2],
            }
        })
        .collect();
    let near = nearby_walls(walls);
    for index in 0..geometries.len() {
        for &other in &near[index] {
            if index == other {
                continue;
            }
            let (this, that) = (&geometries[index], &geometries[other]);
            let mut start_extension = this.start_extension;
            let mut end_extension = this.end_extension;
            let mut occupied = Vec::new();
            for that_end in [that.start, that.end] {
                if length(that_end - this.start) <= JOIN_TOLERANCE_MM {
                    start_extension = start_extension.max(that.half_thickness);
                    occupied.push((-that.half_thickness, that.half_thickness));
                } else if length(that_end - this.end) <= JOIN_TOLERANCE_MM {
                    end_extension = end_extension.max(that.half_thickness);
                    occupied.push((
                        this.length - that.half_thickness,
                        this.length + that.half_thickness,
                    ));
                } else if distance_to_segment(that_end, this.start, this.end) <= JOIN_TOLERANCE_MM {
                    let at = this.offset_of(that_end);
                    occupied.push((at - that.half_thickness, at + that.half_thickness));
                }
            }
            for (this_end, at) in [(this.start, 0.0), (this.end, this.length)] {
                let on_that =
                    distance_to_segment(this_end, that.start, that.end) <= JOIN_TOLERANCE_MM;
                let at_that_end = length(this_end - that.start) <= JOIN_TOLERANCE_MM
                    || length(this_end - that.end) <= JOIN_TOLERANCE_MM;
                if on_that && !at_that_end {
                    // This wall ends inside the other one's body (a T-junction).
                    occupied.push((at - that.half_thickness, at + that.half_thickness));
                }
            }
            let this = &mut geometries[index];
            this.start_extension = start_extension;
            this.end_extension = end_extension;
            this.occupied.extend(occupied);
        }
    }
    let corners = end_corners(&geometries, &near);
    for (geometry, [at_start, at_end]) in geometries.iter_mut().zip(corners) {
        geometry.start_corners = at_start;
        geometry.end_corners = at_end;
    }
    geometries
}

/// For each wall, the walls (itself included) whose centre lines come near enough to join it,
/// in ascending order: walls further apart than the join tolerance cannot meet, so corner and
/// T-junction searches look only at these instead of at every wall.
#[must_use]
pub fn nearby_walls(walls: &[Wall]) -> Vec<Vec<usize>> {
    let reach = JOIN_TOLERANCE_MM;
    let boxes: Vec<AABB<[f64; 2]>> = walls
        .iter()
        .map(|wall| {
            let (a, b) = (coord(wall.start), coord(wall.end));
            AABB::from_corners(
                [a.x.min(b.x) - reach, a.y.min(b.y) - reach],
                [a.x.max(b.x) + reach, a.y.max(b.y) + reach],
            )
        })
        .collect();
    let index = RTree::bulk_load(
        boxes
            .iter()
            .enumerate()
            .map(|(position, bounds)| GeomWithData::new(Rectangle::from_aabb(*bounds), position))
            .collect(),
    );
    boxes
        .iter()
        .map(|bounds| {
            let mut found: Vec<usize> = index
                .locate_in_envelope_intersecting(bounds)
                .map(|entry| entry.data)
                .collect();
            found.sort_unstable();
            found
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::values::ids::WallId;
    use crate::domain::values::units::{Mm, PointMm};

    fn wall(id: &str, start: (i64, i64), end: (i64, i64), thickness: i64) -> Wall {
        Wall {
            id: WallId::from(id),
            start: PointMm::new(start.0, start.1),
            end: PointMm::new(end.0, end.1),
            thickness: Mm(thickness),
            height: Mm(2600),
        }
    }

    #[test]
    fn corner_joins_extend_each_wall_by_half_the_other_thickness() {
        let walls = [
            wall("a", (0, 0), (4000, 0), 200),
            wall("b", (4000, 0), (4000, 3000), 100),
        ];
        let geometry = wall_geometries(&walls);
        assert_eq!(geometry[0].end_extension, 50.0);
        assert_eq!(geometry[1].start_extension, 100.0);
        assert_eq!(geometry[0].start_extension, 0.0);
        assert_eq!(geometry[0].occupied, vec![(3950.0, 4050.0)]);
    }

    #[test]
    fn openings_keep_clear_of_the_inner_face_of_a_sharp_corner() {
        // At a right angle the usable stretch ends half the other wall's thickness short.
        let square = wall_geometries(&[
            wall("a", (0, 0), (4000, 0), 100),
            wall("b", (4000, 0), (4000, 3000), 100),
        ]);
        assert_eq!(square[0].usable_stretch(), (0.0, 3950.0));
        // At 45° the inner faces meet 50 / tan(22.5°) = 120.7 mm before the corner.
        let sharp = wall_geometries(&[
            wall("a", (0, 0), (4000, 0), 100),
            wall("b", (4000, 0), (2000, 2000), 100),
        ]);
        let (from, to) = sharp[0].usable_stretch();
        assert_eq!(from, 0.0);
        assert!((4000.0 - to - 120.7).abs() < 0.1, "{to}");
        // A wall ending on another's side starts clear of that wall's body.
        let tee = wall_geometries(&[
            wall("host", (0, 0), (6000, 0), 200),
            wall("t", (2500, 0), (2500, 3000), 100),
        ]);
        assert_eq!(tee[1].usable_stretch(), (100.0, 3000.0));
    }

    #[test]
    fn a_wall_ending_mid_way_along_another_occupies_that_stretch() {
        let walls = [
            wall("host", (0, 0), (6000, 0), 200),
            wall("t", (2500, 0), (2500, 3000), 100),
        ];
        let geometry = wall_geometries(&walls);
        assert_eq!(geometry[0].occupied, vec![(2450.0, 2550.0)]);
        assert_eq!(geometry[0].start_extension, 0.0);
    }

    #[test]
    fn only_walls_within_the_join_tolerance_count_as_near() {
        let walls = [
            wall("a", (0, 0), (4000, 0), 100),
            wall("b", (4000, 0), (4000, 3000), 100),
            wall("far", (9000, 9000), (9500, 9000), 100),
            wall("t", (2000, 1), (2000, 2000), 100),
        ];
        let near = nearby_walls(&walls);
        assert_eq!(near[0], vec![0, 1, 3]);
        assert_eq!(near[2], vec![2]);
    }
}
