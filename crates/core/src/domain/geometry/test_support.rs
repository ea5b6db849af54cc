//! Test support for the geometry modules: walls from integer points, and a simple-polygon check.

use super::{Coord, cross, polygon};
use crate::domain::layout::Wall;
use crate::domain::values::ids::WallId;
use crate::domain::values::units::{Mm, PointMm};
use geo::Validation;

/// A wall from `start` to `end` with the given thickness, 2600 mm high.
pub(crate) fn wall(start: (i64, i64), end: (i64, i64), thickness_mm: i64) -> Wall {
    Wall {
        id: WallId::from(format!("w{}_{}_{}_{}", start.0, start.1, end.0, end.1).as_str()),
        start: PointMm::new(start.0, start.1),
        end: PointMm::new(end.0, end.1),
        thickness: Mm(thickness_mm),
        height: Mm(2600),
    }
}

/// Whether two points are within a micrometre.
pub(crate) fn near(a: Coord<f64>, b: Coord<f64>) -> bool {
    (a.x - b.x).abs() < 1e-3 && (a.y - b.y).abs() < 1e-3
}

/// Whether segments `a`–`b` and `c`–`d` cross or touch.
fn segments_meet(a: Coord<f64>, b: Coord<f64>, c: Coord<f64>, d: Coord<f64>) -> bool {
    let side = |p: Coord<f64>, q: Coord<f64>, r: Coord<f64>| cross(q - p, r - p);
    let (d1, d2) = (side(c, d, a), side(c, d, b));
    let (d3, d4) = (side(a, b, c), side(a, b, d));
    if ((d1 > 0.0 && d2 < 0.0) || (d1 < 0.0 && d2 > 0.0))
        && ((d3 > 0.0 && d4 < 0.0) || (d3 < 0.0 && d4 > 0.0))
    {
        return true;
    }
    let on = |p: Coord<f64>, q: Coord<f64>, r: Coord<f64>, turn: f64| {
        turn == 0.0
            && r.x >= p.x.min(q.x)
            && r.x <= p.x.max(q.x)
            && r.y >= p.y.min(q.y)
            && r.y <= p.y.max(q.y)
    };
    on(c, d, a, d1) || on(c, d, b, d2) || on(a, b, c, d3) || on(a, b, d, d4)
}

/// Whether a closed polygon is simple: no two non-adjacent edges meet, geo finds it valid,
/// and it winds anticlockwise with a positive area.
pub(crate) fn is_simple_anticlockwise(corners: &[Coord<f64>]) -> bool {
    let count = corners.len();
    for first in 0..count {
        for second in first + 1..count {
            let adjacent = second == first + 1 || (first == 0 && second == count - 1);
            if adjacent {
                continue;
            }
            let (a, b) = (corners[first], corners[(first + 1) % count]);
            let (c, d) = (corners[second], corners[(second + 1) % count]);
            if segments_meet(a, b, c, d) {
                return false;
            }
        }
    }
    let shape = polygon(corners);
    shape.is_valid() && geo::Area::signed_area(&shape) > 0.0
}
