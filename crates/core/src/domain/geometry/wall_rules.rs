//! The structural rules every wall keeps, whether it comes from a file or from an edit: long
//! enough to be more than a corner, and not lying along another wall. The loader and the edits
//! both ask these functions, so a file cannot hold what the editor refuses.

use crate::domain::geometry::Bounds;
use crate::domain::geometry::walls::JOIN_TOLERANCE_MM;
use crate::domain::geometry::{Coord, coord, cross, dot, length};
use crate::domain::layout::{MIN_WALL_LENGTH_MM, Wall};
use rstar::RTree;
use rstar::primitives::{GeomWithData, Rectangle};

/// True when a wall is shorter than [`MIN_WALL_LENGTH_MM`] (or has no length at all).
#[must_use]
pub fn is_too_short(wall: &Wall) -> bool {
    length(coord(wall.end) - coord(wall.start)) < MIN_WALL_LENGTH_MM as f64
}

/// How long a stretch of centre line two walls share: more than touching end to end means one
/// lies over the other (an adjacent room drawn over the shared wall a second time).
#[must_use]
pub fn shared_centre_line_mm(a: &Wall, b: &Wall) -> f64 {
    let (a_start, a_end) = (coord(a.start), coord(a.end));
    let a_length = length(a_end - a_start);
    if a_length <= 0.0 {
        return 0.0;
    }
    let along = (a_end - a_start) / a_length;
    let (b_start, b_end) = (coord(b.start), coord(b.end));
    let off_line = |point: Coord<f64>| cross(along, point - a_start).abs() > JOIN_TOLERANCE_MM;
    if off_line(b_start) || off_line(b_end) {
        return 0.0;
    }
    let (from, to) = (dot(b_start - a_start, along), dot(b_end - a_start, along));
    (from.max(to).min(a_length) - from.min(to).max(0.0)).max(0.0)
}

/// True when two walls share more centre line than the join tolerance.
#[must_use]
pub fn lie_over_each_other(a: &Wall, b: &Wall) -> bool {
    a.id != b.id
        && (shared_centre_line_mm(a, b) > JOIN_TOLERANCE_MM
            || shared_centre_line_mm(b, a) > JOIN_TOLERANCE_MM)
}

/// Every pair of walls (by index, the earlier first) lying over each other, found through an
/// R-tree of the walls' bounds, so a layout of many walls is checked in n log n.
#[must_use]
pub fn walls_lying_over_others(walls: &[Wall]) -> Vec<(usize, usize)> {
    let bounds = |wall: &Wall| {
        let (start, end) = (coord(wall.start), coord(wall.end));
        let margin = JOIN_TOLERANCE_MM;
        Bounds::from_corners(
            [start.x.min(end.x) - margin, start.y.min(end.y) - margin],
            [start.x.max(end.x) + margin, start.y.max(end.y) + margin],
        )
    };
    let tree = RTree::bulk_load(
        walls
            .iter()
            .enumerate()
            .map(|(index, wall)| GeomWithData::new(Rectangle::from_aabb(bounds(wall)), index))
            .collect(),
    );
    let mut pairs = Vec::new();
    for (index, wall) in walls.iter().enumerate() {
        let mut found: Vec<usize> = tree
            .locate_in_envelope_intersecting(&bounds(wall))
            .map(|entry| entry.data)
            .filter(|other| *other > index && lie_over_each_other(wall, &walls[*other]))
            .collect();
        found.sort_unstable();
        pairs.extend(found.into_iter().map(|other| (index, other)));
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::constraints::test_support::wall;

    #[test]
    fn short_walls_and_walls_along_others_are_found() {
        assert!(is_too_short(&wall("a", (0, 0), (1, 0))));
        assert!(is_too_short(&wall("a", (0, 0), (9, 0))));
        assert!(!is_too_short(&wall("a", (0, 0), (10, 0))));
        let walls = [
            wall("a", (0, 0), (4000, 0)),
            wall("b", (4000, 0), (4000, 3000)),
            // Along `a` from the other end: lies over it.
            wall("c", (3000, 0), (1000, 0)),
            // Touching end to end, in line: fine.
            wall("d", (4000, 0), (6000, 0)),
            // Parallel, 200 mm away: fine.
            wall("e", (0, 200), (4000, 200)),
        ];
        assert_eq!(walls_lying_over_others(&walls), vec![(0, 2)]);
        assert!(lie_over_each_other(&walls[2], &walls[0]));
        assert!(!lie_over_each_other(&walls[0], &walls[3]));
    }
}
