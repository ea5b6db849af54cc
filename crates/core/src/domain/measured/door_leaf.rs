//! A door's leaf measured once: its hinge, the floor area it sweeps (what the swing rule keeps
//! clear) and its tip when fully open (what the plan view, PNG and PDF draw).

use crate::domain::geometry::walls::WallGeometry;
use crate::domain::geometry::{Coord, sector};
use crate::domain::layout::{HingeSide, Swing};

/// Arc segments used for a door swing.
const SWING_SEGMENTS: usize = 12;

/// A door leaf drawn open, with the area its swing covers.
#[derive(Debug, Clone, PartialEq)]
pub struct DoorLeaf {
    /// The hinge point, on the face of the wall the door swings to.
    pub hinge: Coord<f64>,
    /// The leaf's tip when fully open (a quarter turn off the wall).
    pub open_tip: Coord<f64>,
    /// The swept area as a convex polygon: the hinge, then the arc of the tip.
    zone: Vec<Coord<f64>>,
}

impl DoorLeaf {
    /// The leaf of a door filling `from_mm`..`to_mm` along `wall`, hinged at `hinge`'s end and
    /// swinging to `swing`'s side (in: the wall's left, out: its right).
    #[must_use]
    pub fn new(
        wall: &WallGeometry,
        from_mm: f64,
        to_mm: f64,
        hinge: HingeSide,
        swing: Swing,
    ) -> Self {
        let side = match swing {
            Swing::In => wall.left,
            Swing::Out => -wall.left,
        };
        let (hinge_at_mm, closed_towards) = match hinge {
            HingeSide::Start => (from_mm, wall.along),
            HingeSide::End => (to_mm, -wall.along),
        };
        let hinge = wall.point_at(hinge_at_mm) + side * wall.half_thickness;
        let zone = sector(hinge, to_mm - from_mm, closed_towards, side, SWING_SEGMENTS);
        // The arc runs from the closed tip to the open one, or back (a sector turning clockwise
        // is reversed to stay anticlockwise): the open tip is the end further off the wall.
        let arc = zone.get(1..).unwrap_or_default();
        let off_wall = |point: &Coord<f64>| wall.side_distance(*point).abs();
        let open_tip = match (arc.first(), arc.last()) {
            (Some(first), Some(last)) if off_wall(first) > off_wall(last) => *first,
            (_, Some(last)) => *last,
            _ => hinge,
        };
        Self {
            hinge,
            open_tip,
            zone,
        }
    }

    /// The floor area the leaf sweeps, as a convex polygon (the hinge, then the arc).
    #[must_use]
    pub fn zone(&self) -> &[Coord<f64>] {
        &self.zone
    }

    /// The arc the tip sweeps from closed to open (or back).
    #[must_use]
    pub fn arc(&self) -> &[Coord<f64>] {
        self.zone.get(1..).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::geometry::length;
    use crate::domain::geometry::walls::wall_geometries;
    use crate::domain::layout::Wall;
    use crate::domain::values::units::{Mm, PointMm};

    /// A lone wall along +x from (0, 0) to (4000, 0), 200 mm thick: its left is +y.
    fn wall() -> WallGeometry {
        let walls = [Wall {
            id: "w".into(),
            start: PointMm::new(0, 0),
            end: PointMm::new(4000, 0),
            thickness: Mm(200),
            height: Mm(2600),
        }];
        wall_geometries(&walls).remove(0)
    }

    fn near(a: Coord<f64>, (x, y): (f64, f64)) -> bool {
        (a.x - x).abs() < 1e-6 && (a.y - y).abs() < 1e-6
    }

    #[test]
    fn the_open_tip_stands_a_leaf_off_the_hinge_for_every_hinge_and_swing() {
        let wall = wall();
        // A 900 mm door from 1000 to 1900 mm: hinge end and swing side pick hinge and tip.
        let cases = [
            (
                HingeSide::Start,
                Swing::In,
                (1000.0, 100.0),
                (1000.0, 1000.0),
            ),
            (
                HingeSide::Start,
                Swing::Out,
                (1000.0, -100.0),
                (1000.0, -1000.0),
            ),
            (HingeSide::End, Swing::In, (1900.0, 100.0), (1900.0, 1000.0)),
            (
                HingeSide::End,
                Swing::Out,
                (1900.0, -100.0),
                (1900.0, -1000.0),
            ),
        ];
        for (hinge, swing, hinge_mm, tip_mm) in cases {
            let leaf = DoorLeaf::new(&wall, 1000.0, 1900.0, hinge, swing);
            assert!(
                near(leaf.hinge, hinge_mm),
                "{hinge:?} {swing:?}: {:?}",
                leaf.hinge
            );
            assert!(
                near(leaf.open_tip, tip_mm),
                "{hinge:?} {swing:?}: {:?}",
                leaf.open_tip
            );
            assert_eq!(leaf.zone()[0], leaf.hinge);
            assert_eq!(leaf.arc().len(), SWING_SEGMENTS + 1);
            assert!(
                leaf.arc()
                    .iter()
                    .all(|point| (length(*point - leaf.hinge) - 900.0).abs() < 1e-6),
                "the arc is the leaf's width from the hinge"
            );
            let area = geo::Area::signed_area(&crate::domain::geometry::polygon(leaf.zone()));
            let quarter = std::f64::consts::PI * 900.0 * 900.0 / 4.0;
            assert!(
                area > 0.0 && (area - quarter).abs() < quarter * 0.01,
                "{area}"
            );
        }
    }
}
