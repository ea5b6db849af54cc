//! Plan geometry in floating-point millimetres: oriented rectangles, convex overlap depth,
//! door-swing sectors (here); wall outlines and corner joins, the rules every wall keeps, room
//! detection, room floors, bounds for spatial indexes and dimension helpers live in the
//! submodules.

pub mod dimensions;
mod floors;
pub mod rooms;
mod spatial;
/// Lowest and highest corner of some points.
#[must_use]
pub fn extent<'a>(
    points: impl Iterator<Item = &'a Coord<f64>>,
) -> Option<(Coord<f64>, Coord<f64>)> {
    points.fold(None, |bounds, point| {
        let (low, high) = bounds.unwrap_or((*point, *point));
        Some((
            Coord {
                x: low.x.min(point.x),
                y: low.y.min(point.y),
            },
            Coord {
                x: high.x.max(point.x),
                y: high.y.max(point.y),
            },
        ))
    })
}

#[cfg(test)]
mod test_support;
pub mod wall_rules;
pub mod walls;

pub use dimensions::{Clearance, MAX_CLEARANCE_MM, distances_to_walls, face_lengths};
pub use spatial::{Bounds, bounds_of, grown};
pub(crate) use spatial::{Indexed, indexed};
pub use walls::joins::MITRE_LIMIT_HALF_THICKNESSES;

pub use geo::Coord;

use crate::domain::values::units::PointMm;

/// Overlaps or gaps smaller than this are treated as touching (half a millimetre).
pub const TOUCH_TOLERANCE_MM: f64 = 0.5;

/// A plan point as floating-point millimetres.
#[must_use]
pub fn coord(point: PointMm) -> Coord<f64> {
    Coord {
        x: point.x.as_f64(),
        y: point.y.as_f64(),
    }
}

/// Unit vector at `angle_deg` anticlockwise from +x.
#[must_use]
pub fn direction(angle_deg: f64) -> Coord<f64> {
    let radians = angle_deg.to_radians();
    Coord {
        x: radians.cos(),
        y: radians.sin(),
    }
}

/// Length of a vector.
#[must_use]
pub fn length(vector: Coord<f64>) -> f64 {
    vector.x.hypot(vector.y)
}

/// The vector rotated a quarter turn anticlockwise.
#[must_use]
pub fn left_normal(vector: Coord<f64>) -> Coord<f64> {
    Coord {
        x: -vector.y,
        y: vector.x,
    }
}

/// Dot product.
#[must_use]
pub fn dot(a: Coord<f64>, b: Coord<f64>) -> f64 {
    a.x * b.x + a.y * b.y
}

/// Cross product's z component.
#[must_use]
pub fn cross(a: Coord<f64>, b: Coord<f64>) -> f64 {
    a.x * b.y - a.y * b.x
}

/// A rectangle turned by an angle, as four corners anticlockwise.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OrientedRect {
    /// Centre.
    pub centre: Coord<f64>,
    /// Unit vector along the width.
    pub along: Coord<f64>,
    /// Unit vector along the depth (towards the front).
    pub across: Coord<f64>,
    /// Half the width.
    pub half_width: f64,
    /// Half the depth.
    pub half_depth: f64,
}

impl OrientedRect {
    /// A rectangle of `width` by `depth` at `centre`, turned `rotation_deg` anticlockwise.
    #[must_use]
    pub fn new(centre: Coord<f64>, width: f64, depth: f64, rotation_deg: f64) -> Self {
        let along = direction(rotation_deg);
        Self {
            centre,
            along,
            across: left_normal(along),
            half_width: width / 2.0,
            half_depth: depth / 2.0,
        }
    }

    /// Corners anticlockwise: back-left, back-right, front-right, front-left.
    #[must_use]
    pub fn corners(&self) -> [Coord<f64>; 4] {
        let a = self.along * self.half_width;
        let b = self.across * self.half_depth;
        [
            self.centre - a - b,
            self.centre + a - b,
            self.centre + a + b,
            self.centre - a + b,
        ]
    }

    /// The two back corners (the side opposite the front).
    #[must_use]
    pub fn back_edge(&self) -> [Coord<f64>; 2] {
        let corners = self.corners();
        [corners[0], corners[1]]
    }

    /// The zone of `depth` directly in front of this rectangle, as wide as it.
    #[must_use]
    pub fn front_zone(&self, depth: f64) -> OrientedRect {
        OrientedRect {
            centre: self.centre + self.across * (self.half_depth + depth / 2.0),
            half_depth: depth / 2.0,
            ..*self
        }
    }

    /// As a `geo` polygon.
    #[must_use]
    pub fn polygon(&self) -> geo::Polygon<f64> {
        polygon(&self.corners())
    }
}

/// A closed polygon from its corners.
#[must_use]
pub fn polygon(corners: &[Coord<f64>]) -> geo::Polygon<f64> {
    geo::Polygon::new(geo::LineString::from(corners.to_vec()), Vec::new())
}

/// How deep two convex polygons overlap (the smallest push that separates them), or `None`
/// when they are apart or only touch.
#[must_use]
pub fn convex_overlap_depth(a: &[Coord<f64>], b: &[Coord<f64>]) -> Option<f64> {
    let mut smallest = f64::INFINITY;
    for shape in [a, b] {
        for (index, start) in shape.iter().enumerate() {
            let end = shape[(index + 1) % shape.len()];
            let edge = end - *start;
            let edge_length = length(edge);
            if edge_length < f64::EPSILON {
                continue;
            }
            let axis = left_normal(edge) / edge_length;
            let (a_min, a_max) = project(a, axis);
            let (b_min, b_max) = project(b, axis);
            let overlap = a_max.min(b_max) - a_min.max(b_min);
            if overlap <= TOUCH_TOLERANCE_MM {
                return None;
            }
            smallest = smallest.min(overlap);
        }
    }
    smallest.is_finite().then_some(smallest)
}

fn project(shape: &[Coord<f64>], axis: Coord<f64>) -> (f64, f64) {
    shape
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(low, high), point| {
            let along = dot(*point, axis);
            (low.min(along), high.max(along))
        })
}

/// A circular sector as a convex polygon: centre, then `segments + 1` arc points from the
/// `from` direction turning towards `to` (a quarter turn at most).
#[must_use]
pub fn sector(
    centre: Coord<f64>,
    radius: f64,
    from: Coord<f64>,
    to: Coord<f64>,
    segments: usize,
) -> Vec<Coord<f64>> {
    let start_angle = from.y.atan2(from.x);
    let mut sweep = to.y.atan2(to.x) - start_angle;
    while sweep > std::f64::consts::PI {
        sweep -= std::f64::consts::TAU;
    }
    while sweep < -std::f64::consts::PI {
        sweep += std::f64::consts::TAU;
    }
    let mut points = vec![centre];
    for step in 0..=segments {
        let angle = start_angle + sweep * step as f64 / segments as f64;
        points.push(
            centre
                + Coord {
                    x: angle.cos(),
                    y: angle.sin(),
                } * radius,
        );
    }
    if sweep < 0.0 {
        points[1..].reverse();
    }
    points
}

/// Distance from a point to a segment.
#[must_use]
pub fn distance_to_segment(point: Coord<f64>, start: Coord<f64>, end: Coord<f64>) -> f64 {
    let segment = end - start;
    let length_squared = dot(segment, segment);
    if length_squared < f64::EPSILON {
        return length(point - start);
    }
    let t = (dot(point - start, segment) / length_squared).clamp(0.0, 1.0);
    length(point - (start + segment * t))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rectangles_side_by_side_do_not_overlap_but_pushed_together_do() {
        let a = OrientedRect::new(Coord { x: 0.0, y: 0.0 }, 1000.0, 500.0, 0.0).corners();
        let touching = OrientedRect::new(Coord { x: 1000.0, y: 0.0 }, 1000.0, 500.0, 0.0).corners();
        let overlapping =
            OrientedRect::new(Coord { x: 880.0, y: 0.0 }, 1000.0, 500.0, 0.0).corners();
        assert_eq!(convex_overlap_depth(&a, &touching), None);
        let depth = convex_overlap_depth(&a, &overlapping).unwrap_or_default();
        assert!((depth - 120.0).abs() < 1e-6, "{depth}");
    }

    #[test]
    fn rotated_rectangle_overlap_is_found() {
        let a = OrientedRect::new(Coord { x: 0.0, y: 0.0 }, 1000.0, 1000.0, 0.0).corners();
        let diamond = OrientedRect::new(Coord { x: 1150.0, y: 0.0 }, 500.0, 500.0, 45.0).corners();
        // The diamond's left tip at 1150 - 354 = 796 stays clear of the square's edge at 500.
        let depth = convex_overlap_depth(&a, &diamond);
        assert_eq!(depth, None);
        let closer = OrientedRect::new(Coord { x: 800.0, y: 0.0 }, 500.0, 500.0, 45.0).corners();
        assert!(convex_overlap_depth(&a, &closer).is_some_and(|d| (d - 53.55).abs() < 0.1));
    }

    #[test]
    fn front_zone_sits_in_front_of_a_turned_product() {
        let product = OrientedRect::new(Coord { x: 0.0, y: 0.0 }, 800.0, 600.0, 90.0);
        let zone = product.front_zone(500.0);
        // Turned a quarter anticlockwise, the front faces -x.
        assert!((zone.centre.x + 550.0).abs() < 1e-9 && zone.centre.y.abs() < 1e-9);
    }

    #[test]
    fn sector_is_a_convex_fan_of_the_right_radius() {
        let fan = sector(
            Coord { x: 0.0, y: 0.0 },
            900.0,
            Coord { x: 1.0, y: 0.0 },
            Coord { x: 0.0, y: -1.0 },
            8,
        );
        assert_eq!(fan.len(), 10);
        assert!(fan[1..].iter().all(|p| (length(*p) - 900.0).abs() < 1e-6));
        let area = geo::Area::signed_area(&polygon(&fan));
        assert!(area > 0.0, "anticlockwise");
    }
}
