//! The board the label placement works on: the boxes of the labels placed so far (which no new
//! label may touch) and the drawing's shapes a label should rather stay off (walls, furniture,
//! door swings, dimension lines), both in R-trees so each candidate box is tested only against
//! what is near it.

use crate::domain::geometry::extent;
use crate::domain::geometry::{Coord, cross, dot};
use geo::Contains;
use rstar::primitives::{GeomWithData, Rectangle};
use rstar::{AABB, RTree};

type Indexed = GeomWithData<Rectangle<[f64; 2]>, usize>;

/// A convex shape drawn on the plan that labels should keep off.
#[derive(Debug, Clone)]
pub(super) struct Obstacle {
    /// Corners of a convex polygon (two points for a line).
    pub points: Vec<Coord<f64>>,
    /// No label may touch it (walls: text on a wall cannot be read).
    pub hard: bool,
}

/// Placed label boxes and obstacles.
#[derive(Default)]
pub(super) struct Board {
    placed: RTree<Indexed>,
    boxes: Vec<[Coord<f64>; 4]>,
    obstacles: RTree<Indexed>,
    shapes: Vec<Obstacle>,
}

fn envelope(points: &[Coord<f64>]) -> Option<AABB<[f64; 2]>> {
    let (low, high) = extent(points.iter())?;
    Some(AABB::from_corners([low.x, low.y], [high.x, high.y]))
}

impl Board {
    /// A board with these obstacles and no labels.
    pub(super) fn new(shapes: Vec<Obstacle>) -> Self {
        let obstacles = RTree::bulk_load(
            shapes
                .iter()
                .enumerate()
                .filter_map(|(index, shape)| {
                    let bounds = envelope(&shape.points)?;
                    Some(GeomWithData::new(
                        Rectangle::from_corners(bounds.lower(), bounds.upper()),
                        index,
                    ))
                })
                .collect(),
        );
        Self {
            placed: RTree::new(),
            boxes: Vec::new(),
            obstacles,
            shapes,
        }
    }

    /// True when `quad` touches no placed label and no hard obstacle.
    pub(super) fn is_free(&self, quad: &[Coord<f64>; 4]) -> bool {
        let Some(bounds) = envelope(quad) else {
            return false;
        };
        self.placed
            .locate_in_envelope_intersecting(&bounds)
            .all(|other| !convex_intersect(quad, &self.boxes[other.data]))
            && self
                .obstacles
                .locate_in_envelope_intersecting(&bounds)
                .filter(|found| self.shapes[found.data].hard)
                .all(|found| !convex_intersect(quad, &self.shapes[found.data].points))
    }

    /// How many obstacles `quad` touches, not counting obstacle `except`.
    pub(super) fn obstacles_hit(&self, quad: &[Coord<f64>; 4], except: Option<usize>) -> usize {
        let Some(bounds) = envelope(quad) else {
            return usize::MAX;
        };
        self.obstacles
            .locate_in_envelope_intersecting(&bounds)
            .filter(|found| Some(found.data) != except && !self.shapes[found.data].hard)
            .filter(|found| convex_intersect(quad, &self.shapes[found.data].points))
            .count()
    }

    /// Adds an obstacle (a leader line just drawn).
    pub(super) fn add_obstacle(&mut self, shape: Obstacle) {
        if let Some(bounds) = envelope(&shape.points) {
            self.obstacles.insert(GeomWithData::new(
                Rectangle::from_corners(bounds.lower(), bounds.upper()),
                self.shapes.len(),
            ));
            self.shapes.push(shape);
        }
    }

    /// Takes the room of `quad` for a label.
    pub(super) fn take(&mut self, quad: [Coord<f64>; 4]) {
        if let Some(bounds) = envelope(&quad) {
            self.placed.insert(GeomWithData::new(
                Rectangle::from_corners(bounds.lower(), bounds.upper()),
                self.boxes.len(),
            ));
            self.boxes.push(quad);
        }
    }
}

/// Whether two convex polygons (or a polygon and a segment) share any point: no separating
/// axis among the edge normals of either.
#[must_use]
pub(super) fn convex_intersect(a: &[Coord<f64>], b: &[Coord<f64>]) -> bool {
    !separated_by_edges(a, b) && !separated_by_edges(b, a)
}

fn separated_by_edges(shape: &[Coord<f64>], other: &[Coord<f64>]) -> bool {
    let count = shape.len();
    if count < 2 {
        return false;
    }
    (0..count).any(|index| {
        let edge = shape[(index + 1) % count] - shape[index];
        let normal = Coord {
            x: -edge.y,
            y: edge.x,
        };
        if dot(normal, normal) <= 0.0 {
            return false;
        }
        let project = |points: &[Coord<f64>]| {
            points
                .iter()
                .map(|point| dot(*point, normal))
                .fold((f64::INFINITY, f64::NEG_INFINITY), |(low, high), value| {
                    (low.min(value), high.max(value))
                })
        };
        let (a_low, a_high) = project(shape);
        let (b_low, b_high) = project(other);
        a_high <= b_low || b_high <= a_low
    })
}

/// Whether every corner of `quad` lies inside the convex polygon `outline` (either winding).
#[must_use]
pub(super) fn convex_contains(outline: &[Coord<f64>], quad: &[Coord<f64>; 4]) -> bool {
    let count = outline.len();
    let sides = |point: Coord<f64>| {
        (0..count).map(move |index| {
            cross(
                outline[(index + 1) % count] - outline[index],
                point - outline[index],
            )
        })
    };
    quad.iter()
        .all(|point| sides(*point).all(|side| side >= 0.0) || sides(*point).all(|side| side <= 0.0))
}

/// Where a label must lie for its spots marked `within`.
#[derive(Clone, Copy)]
pub(super) enum Region<'a> {
    /// Nowhere in particular.
    Anywhere,
    /// Inside a room's floor.
    Floor(&'a geo::Polygon<f64>),
    /// Inside a convex outline (a footprint).
    Convex(&'a [Coord<f64>; 4]),
}

impl Region<'_> {
    pub(super) fn contains(&self, corners: &[Coord<f64>; 4]) -> bool {
        match self {
            Region::Anywhere => true,
            Region::Floor(floor) => corners
                .iter()
                .all(|corner| floor.contains(&geo::Point(*corner))),
            Region::Convex(outline) => convex_contains(&outline[..], corners),
        }
    }
}

/// The point of a box's outline nearest to `point`.
pub(super) fn nearest_on_box(corners: &[Coord<f64>; 4], point: Coord<f64>) -> Coord<f64> {
    (0..4)
        .map(|index| {
            let (a, b) = (corners[index], corners[(index + 1) % 4]);
            let span = b - a;
            let size = crate::domain::geometry::dot(span, span);
            let t = if size > 0.0 {
                (crate::domain::geometry::dot(point - a, span) / size).clamp(0.0, 1.0)
            } else {
                0.0
            };
            a + span * t
        })
        .min_by(|a, b| {
            crate::domain::geometry::length(*a - point)
                .total_cmp(&crate::domain::geometry::length(*b - point))
        })
        .unwrap_or(point)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn square(x: f64, y: f64, size: f64) -> [Coord<f64>; 4] {
        [
            Coord { x, y },
            Coord { x: x + size, y },
            Coord {
                x: x + size,
                y: y + size,
            },
            Coord { x, y: y + size },
        ]
    }

    #[test]
    fn boxes_that_only_touch_corners_or_lie_apart_are_free() {
        let mut board = Board::new(vec![Obstacle {
            points: vec![Coord { x: 0.0, y: 5.0 }, Coord { x: 100.0, y: 5.0 }],
            hard: false,
        }]);
        board.take(square(0.0, 0.0, 10.0));
        assert!(!board.is_free(&square(5.0, 5.0, 10.0)));
        assert!(board.is_free(&square(10.0, 10.0, 10.0)));
        assert!(board.is_free(&square(20.0, 0.0, 10.0)));
        // A diamond beside the square, whose bounds overlap it.
        let diamond = [
            Coord { x: 8.0, y: 13.0 },
            Coord { x: 13.0, y: 8.0 },
            Coord { x: 18.0, y: 13.0 },
            Coord { x: 13.0, y: 18.0 },
        ];
        assert!(board.is_free(&diamond));
        assert_eq!(board.obstacles_hit(&square(50.0, 0.0, 10.0), None), 1);
        assert_eq!(board.obstacles_hit(&square(50.0, 0.0, 10.0), Some(0)), 0);
        assert!(convex_contains(
            &square(0.0, 0.0, 10.0),
            &square(1.0, 1.0, 5.0)
        ));
        assert!(!convex_contains(
            &square(0.0, 0.0, 10.0),
            &square(6.0, 1.0, 5.0)
        ));
    }
}
