//! Axis-aligned bounds and R-tree entries, for finding what stands near a shape without
//! measuring everything against everything.

use crate::domain::geometry::Coord;
use rstar::AABB;
use rstar::primitives::{GeomWithData, Rectangle};

/// Axis-aligned bounds on the plan, in millimetres.
pub type Bounds = AABB<[f64; 2]>;

/// An R-tree entry: bounds with the data they stand for.
pub(crate) type Indexed<T> = GeomWithData<Rectangle<[f64; 2]>, T>;

/// The smallest bounds holding every point (an empty box at the origin for no points).
#[must_use]
pub fn bounds_of(points: &[Coord<f64>]) -> Bounds {
    let Some(first) = points.first() else {
        return AABB::from_point([0.0, 0.0]);
    };
    let (mut low, mut high) = ([first.x, first.y], [first.x, first.y]);
    for point in &points[1..] {
        low = [low[0].min(point.x), low[1].min(point.y)];
        high = [high[0].max(point.x), high[1].max(point.y)];
    }
    AABB::from_corners(low, high)
}

/// Bounds grown by `margin` on every side.
#[must_use]
pub fn grown(bounds: &Bounds, margin: f64) -> Bounds {
    let (low, high) = (bounds.lower(), bounds.upper());
    AABB::from_corners(
        [low[0] - margin, low[1] - margin],
        [high[0] + margin, high[1] + margin],
    )
}

/// An R-tree entry for bounds.
pub(crate) fn indexed<T>(bounds: Bounds, data: T) -> Indexed<T> {
    GeomWithData::new(Rectangle::from_aabb(bounds), data)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_hold_every_point_and_grow_evenly() {
        let points = [
            Coord { x: 3.0, y: -1.0 },
            Coord { x: -2.0, y: 4.0 },
            Coord { x: 0.0, y: 0.0 },
        ];
        let bounds = bounds_of(&points);
        assert_eq!(bounds.lower(), [-2.0, -1.0]);
        assert_eq!(bounds.upper(), [3.0, 4.0]);
        let bigger = grown(&bounds, 1.0);
        assert_eq!(bigger.lower(), [-3.0, -2.0]);
        assert_eq!(bigger.upper(), [4.0, 5.0]);
    }
}
