//! Room floors: the polygon inside the walls' inner faces, which side of each wall a room is
//! on, and a point well inside the floor for its label.

use super::{Coord, cross, distance_to_segment, dot, left_normal, length};
use geo::{BoundingRect, Centroid, Contains, InteriorPoint};

/// Edges whose cross product is below this fraction of their lengths' product are parallel.
const PARALLEL_TOLERANCE: f64 = 1e-9;

/// One loop edge's inner face: the centre-line edge shifted towards the room.
#[derive(Debug, Clone, Copy)]
struct Face {
    /// The loop corner where this edge starts.
    node: Coord<f64>,
    /// The edge, from `node` to the next corner.
    edge: Coord<f64>,
    /// How far the face lies from the centre line (the wall's half thickness).
    half_thickness: f64,
}

impl Face {
    fn direction(&self) -> Coord<f64> {
        self.edge / length(self.edge)
    }

    fn normal(&self) -> Coord<f64> {
        left_normal(self.direction())
    }

    fn origin(&self) -> Coord<f64> {
        self.node + self.normal() * self.half_thickness
    }

    fn parallel_to(&self, other: &Face) -> bool {
        cross(self.edge, other.edge).abs()
            <= PARALLEL_TOLERANCE * length(self.edge) * length(other.edge)
    }

    /// Whether `next` continues this face on the same line (a wall split where another ends
    /// on it from outside): then the corner between them is dropped.
    fn continued_by(&self, next: &Face) -> bool {
        self.parallel_to(next)
            && dot(self.edge, next.edge) > 0.0
            && self.half_thickness == next.half_thickness
    }
}

/// The floor inside an anticlockwise centre-line loop whose edge `i` (from corner `i` to the
/// next) belongs to a wall of half thickness `half_thicknesses[i]`: each edge shifted towards
/// the room by that much, consecutive shifted lines intersected, collinear edges merged and
/// a step where collinear walls differ in thickness. Anticlockwise like the loop.
pub(super) fn inner_floor(outline: &[Coord<f64>], half_thicknesses: &[f64]) -> Vec<Coord<f64>> {
    let count = outline.len();
    let mut faces: Vec<Face> = Vec::with_capacity(count);
    for (index, node) in outline.iter().enumerate() {
        let face = Face {
            node: *node,
            edge: outline[(index + 1) % count] - *node,
            half_thickness: half_thicknesses.get(index).copied().unwrap_or(0.0),
        };
        if length(face.edge) <= 0.0 {
            continue;
        }
        match faces.last() {
            Some(last) if last.continued_by(&face) => {}
            _ => faces.push(face),
        }
    }
    while faces.len() > 1 && faces[faces.len() - 1].continued_by(&faces[0]) {
        faces.remove(0);
    }
    let mut floor = Vec::with_capacity(faces.len() + 2);
    for (index, face) in faces.iter().enumerate() {
        let previous = &faces[(index + faces.len() - 1) % faces.len()];
        if previous.parallel_to(face) {
            // A step between collinear walls of different thickness.
            floor.push(face.node + previous.normal() * previous.half_thickness);
            floor.push(face.origin());
        } else {
            // Unit directions keep axis-aligned rooms exact.
            let (p, u) = (previous.origin(), previous.direction());
            let (q, v) = (face.origin(), face.direction());
            floor.push(p + u * (cross(q - p, v) / cross(u, v)));
        }
    }
    floor
}

/// For each wall of a loop (in `walls` order), whether the room lies on that wall's left.
/// `edge_walls[i]` is the wall along loop edge `i`; `wall_direction(w)` runs from wall `w`'s
/// start to its end. The loop is anticlockwise, so the room is left of every edge.
pub(super) fn room_sides(
    outline: &[Coord<f64>],
    edge_walls: &[usize],
    walls: &[usize],
    wall_direction: impl Fn(usize) -> Coord<f64>,
) -> Vec<(usize, bool)> {
    walls
        .iter()
        .map(|wall| {
            let on_left = edge_walls
                .iter()
                .position(|edge_wall| edge_wall == wall)
                .is_some_and(|index| {
                    let edge = outline[(index + 1) % outline.len()] - outline[index];
                    dot(edge, wall_direction(*wall)) > 0.0
                });
            (*wall, on_left)
        })
        .collect()
}

/// A point well inside the floor, as far as it can be from the floor's edges and from the
/// `obstacles` (outlines of products standing on it): the centroid, geo's interior point or a
/// point of a coarse grid over the floor; the first corner if the floor is degenerate.
pub(super) fn label_point(floor: &[Coord<f64>], obstacles: &[[Coord<f64>; 4]]) -> Coord<f64> {
    let shape = super::polygon(floor);
    let obstacle_shapes: Vec<geo::Polygon<f64>> = obstacles
        .iter()
        .map(|corners| super::polygon(corners))
        .collect();
    // Labels are wide and flat: horizontal room counts a third as much as vertical room, so
    // a name lands in the middle of a long stretch of floor rather than near a wall.
    let squeeze = |point: Coord<f64>| Coord {
        x: point.x / 3.0,
        y: point.y,
    };
    let edge_clearance = |point: Coord<f64>, outline: &[Coord<f64>]| {
        (0..outline.len())
            .map(|index| {
                distance_to_segment(
                    squeeze(point),
                    squeeze(outline[index]),
                    squeeze(outline[(index + 1) % outline.len()]),
                )
            })
            .fold(f64::INFINITY, f64::min)
    };
    // A point on a product counts as having no room at all.
    let clearance = |point: Coord<f64>| {
        obstacles
            .iter()
            .zip(&obstacle_shapes)
            .map(|(corners, shape)| {
                if shape.contains(&geo::Point(point)) {
                    0.0
                } else {
                    edge_clearance(point, corners)
                }
            })
            .fold(edge_clearance(point, floor), f64::min)
    };
    // The centroid, the interior point and a coarse grid over the floor: the candidate
    // furthest from every edge wins, so labels sit in the widest part of an L or a U.
    let mut candidates: Vec<Coord<f64>> = [
        shape
            .centroid()
            .filter(|centre| shape.contains(centre))
            .map(|centre| centre.0),
        shape.interior_point().map(|point| point.0),
    ]
    .into_iter()
    .flatten()
    .collect();
    if let Some(bounds) = shape.bounding_rect() {
        const STEPS: u32 = 16;
        for i in 1..STEPS {
            for j in 1..STEPS {
                let point = Coord {
                    x: bounds.min().x + bounds.width() * f64::from(i) / f64::from(STEPS),
                    y: bounds.min().y + bounds.height() * f64::from(j) / f64::from(STEPS),
                };
                if shape.contains(&geo::Point(point)) {
                    candidates.push(point);
                }
            }
        }
    }
    // Among equally clear points (a long straight room), the one nearer the middle.
    let middle = shape
        .bounding_rect()
        .map_or(Coord { x: 0.0, y: 0.0 }, |bounds| bounds.center());
    let score = |point: Coord<f64>| clearance(point) - 0.1 * length(point - middle);
    candidates
        .into_iter()
        .max_by(|a, b| score(*a).total_cmp(&score(*b)))
        .or_else(|| floor.first().copied())
        .unwrap_or(Coord { x: 0.0, y: 0.0 })
}

#[cfg(test)]
mod tests;
