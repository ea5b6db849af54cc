//! Room detection: the closed loops formed by wall centre lines become rooms.
//!
//! Walls are split where another wall ends on them, dangling walls are pruned, and every
//! bounded face of the resulting plane graph is a room (traced with its interior on the left);
//! its floor inside the walls' inner faces is worked out in `floors`.

use super::floors::{inner_floor, label_point, room_sides};
use super::walls::{JOIN_TOLERANCE_MM, nearby_walls};
use super::{Coord, coord, distance_to_segment, length};
use crate::domain::layout::Wall;
use geo::Area;
use std::collections::{BTreeMap, BTreeSet};

/// Faces smaller than this are slivers, not rooms (0.1 m² in mm²).
const MIN_ROOM_AREA_MM2: f64 = 100_000.0;

/// A room: a closed loop of walls.
#[derive(Debug, Clone, PartialEq)]
pub struct Room {
    /// Centre-line corners, anticlockwise.
    pub outline: Vec<Coord<f64>>,
    /// Indices of the walls bounding the room.
    pub walls: Vec<usize>,
    /// The lowest of the bounding walls' heights.
    pub ceiling_height: f64,
    /// Area inside the centre lines in mm².
    pub area_mm2: f64,
    /// The floor bounded by the walls' inner faces, anticlockwise.
    pub floor: Vec<Coord<f64>>,
    /// Area of `floor` in mm² (never below zero).
    pub net_area_mm2: f64,
    /// For each wall in `walls`, in the same order: whether the room lies on that wall's left
    /// (the `WallGeometry::left` side).
    pub sides: Vec<(usize, bool)>,
    /// A point well inside the floor for the room's name and area label (found once here:
    /// the plan draws it every frame).
    pub label: Coord<f64>,
}

impl Room {
    /// The outline as a `geo` polygon.
    #[must_use]
    pub fn polygon(&self) -> geo::Polygon<f64> {
        super::polygon(&self.outline)
    }

    /// A point well inside the floor, for the room's name and area label.
    #[must_use]
    pub fn label_point(&self) -> Coord<f64> {
        self.label
    }

    /// A point well inside the floor and clear of the given product outlines where the floor
    /// has room (the plain label point when there are none).
    #[must_use]
    pub fn label_point_clear_of(&self, obstacles: &[[Coord<f64>; 4]]) -> Coord<f64> {
        if obstacles.is_empty() {
            self.label
        } else {
            label_point(&self.floor, obstacles)
        }
    }

    /// Length of the floor's edge (along the walls' inner faces) in mm.
    #[must_use]
    pub fn floor_perimeter_mm(&self) -> f64 {
        (0..self.floor.len())
            .map(|index| length(self.floor[(index + 1) % self.floor.len()] - self.floor[index]))
            .sum()
    }
}

type Node = (i64, i64);

/// Every room the walls enclose, largest first.
#[must_use]
pub fn detect_rooms(walls: &[Wall]) -> Vec<Room> {
    let mut edges: BTreeMap<(Node, Node), usize> = BTreeMap::new();
    let near = nearby_walls(walls);
    for (index, wall) in walls.iter().enumerate() {
        let (start, end) = (coord(wall.start), coord(wall.end));
        let mut cuts: Vec<(f64, Node)> = vec![(0.0, node_of(wall.start)), (1.0, node_of(wall.end))];
        for other in near[index].iter().map(|other| &walls[*other]) {
            for point in [other.start, other.end] {
                let at = coord(point);
                let wall_length = length(end - start);
                if wall_length <= 0.0 || distance_to_segment(at, start, end) > JOIN_TOLERANCE_MM {
                    continue;
                }
                let t = super::dot(at - start, end - start) / (wall_length * wall_length);
                if t > 0.0 && t < 1.0 {
                    cuts.push((t, node_of(point)));
                }
            }
        }
        cuts.sort_by(|a, b| a.0.total_cmp(&b.0));
        cuts.dedup_by(|a, b| a.1 == b.1);
        for pair in cuts.windows(2) {
            let (from, to) = (pair[0].1, pair[1].1);
            if from != to {
                edges.insert((from.min(to), from.max(to)), index);
            }
        }
    }
    let mut neighbours: BTreeMap<Node, BTreeSet<Node>> = BTreeMap::new();
    for (a, b) in edges.keys() {
        neighbours.entry(*a).or_default().insert(*b);
        neighbours.entry(*b).or_default().insert(*a);
    }
    prune_dangling(&mut neighbours);

    let angle = |from: Node, to: Node| ((to.1 - from.1) as f64).atan2((to.0 - from.0) as f64);
    let sorted: BTreeMap<Node, Vec<Node>> = neighbours
        .iter()
        .map(|(node, around)| {
            let mut around: Vec<Node> = around.iter().copied().collect();
            around.sort_by(|a, b| angle(*node, *a).total_cmp(&angle(*node, *b)));
            (*node, around)
        })
        .collect();

    let mut visited: BTreeSet<(Node, Node)> = BTreeSet::new();
    let mut rooms = Vec::new();
    for (from, around) in &sorted {
        for to in around {
            if visited.contains(&(*from, *to)) {
                continue;
            }
            let face = trace_face(&sorted, *from, *to, &mut visited);
            if let Some(room) = room_from_face(&face, &edges, walls) {
                rooms.push(room);
            }
        }
    }
    rooms.sort_by(|a, b| b.area_mm2.total_cmp(&a.area_mm2));
    rooms
}

fn node_of(point: crate::domain::values::units::PointMm) -> Node {
    (point.x.0, point.y.0)
}

fn prune_dangling(neighbours: &mut BTreeMap<Node, BTreeSet<Node>>) {
    loop {
        let dangling: Vec<Node> = neighbours
            .iter()
            .filter(|(_, around)| around.len() < 2)
            .map(|(node, _)| *node)
            .collect();
        if dangling.is_empty() {
            return;
        }
        for node in dangling {
            if let Some(around) = neighbours.remove(&node) {
                for other in around {
                    if let Some(set) = neighbours.get_mut(&other) {
                        set.remove(&node);
                    }
                }
            }
        }
    }
}

/// Follows half-edges keeping the face on the left: at each node, the next edge is the one
/// just clockwise of the edge we came in on.
fn trace_face(
    sorted: &BTreeMap<Node, Vec<Node>>,
    start_from: Node,
    start_to: Node,
    visited: &mut BTreeSet<(Node, Node)>,
) -> Vec<Node> {
    let mut face = Vec::new();
    let (mut from, mut to) = (start_from, start_to);
    while visited.insert((from, to)) {
        face.push(from);
        let Some(around) = sorted.get(&to) else { break };
        let Some(back) = around.iter().position(|node| *node == from) else {
            break;
        };
        let next = around[(back + around.len() - 1) % around.len()];
        (from, to) = (to, next);
    }
    face
}

fn room_from_face(
    face: &[Node],
    edges: &BTreeMap<(Node, Node), usize>,
    walls: &[Wall],
) -> Option<Room> {
    if face.len() < 3 {
        return None;
    }
    let outline: Vec<Coord<f64>> = face
        .iter()
        .map(|(x, y)| Coord {
            x: *x as f64,
            y: *y as f64,
        })
        .collect();
    let area = super::polygon(&outline).signed_area();
    if area < MIN_ROOM_AREA_MM2 {
        return None;
    }
    let edge_walls: Vec<usize> = (0..face.len())
        .filter_map(|index| {
            let (a, b) = (face[index], face[(index + 1) % face.len()]);
            edges.get(&(a.min(b), a.max(b))).copied()
        })
        .collect();
    if edge_walls.len() != face.len() {
        return None;
    }
    let mut wall_indices = edge_walls.clone();
    wall_indices.sort_unstable();
    wall_indices.dedup();
    let ceiling_height = wall_indices
        .iter()
        .map(|index| walls[*index].height.as_f64())
        .fold(f64::INFINITY, f64::min);
    let half_thicknesses: Vec<f64> = edge_walls
        .iter()
        .map(|index| walls[*index].thickness.as_f64() / 2.0)
        .collect();
    let floor = inner_floor(&outline, &half_thicknesses);
    let net_area_mm2 = super::polygon(&floor).signed_area().max(0.0);
    let sides = room_sides(&outline, &edge_walls, &wall_indices, |index| {
        coord(walls[index].end) - coord(walls[index].start)
    });
    let label = label_point(&floor, &[]);
    Some(Room {
        outline,
        walls: wall_indices,
        ceiling_height,
        area_mm2: area,
        floor,
        net_area_mm2,
        sides,
        label,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::values::ids::WallId;
    use crate::domain::values::units::{Mm, PointMm};

    fn wall(start: (i64, i64), end: (i64, i64)) -> Wall {
        Wall {
            id: WallId::from("w"),
            start: PointMm::new(start.0, start.1),
            end: PointMm::new(end.0, end.1),
            thickness: Mm(100),
            height: Mm(2500),
        }
    }

    fn rectangle(x0: i64, y0: i64, x1: i64, y1: i64) -> Vec<Wall> {
        vec![
            wall((x0, y0), (x1, y0)),
            wall((x1, y0), (x1, y1)),
            wall((x1, y1), (x0, y1)),
            wall((x0, y1), (x0, y0)),
        ]
    }

    #[test]
    fn a_closed_rectangle_is_one_room_whatever_the_drawing_direction() {
        let rooms = detect_rooms(&rectangle(0, 0, 4000, 3000));
        assert_eq!(rooms.len(), 1);
        assert!((rooms[0].area_mm2 - 12_000_000.0).abs() < 1.0);
        let mut reversed = rectangle(0, 0, 4000, 3000);
        for wall in &mut reversed {
            std::mem::swap(&mut wall.start, &mut wall.end);
        }
        assert_eq!(detect_rooms(&reversed).len(), 1);
    }

    #[test]
    fn a_partition_wall_ending_on_other_walls_makes_two_rooms() {
        let mut walls = rectangle(0, 0, 6000, 3000);
        walls.push(wall((2000, 0), (2000, 3000)));
        let rooms = detect_rooms(&walls);
        assert_eq!(rooms.len(), 2);
        assert!((rooms[0].area_mm2 - 12_000_000.0).abs() < 1.0);
        assert!((rooms[1].area_mm2 - 6_000_000.0).abs() < 1.0);
    }

    #[test]
    fn open_walls_and_stubs_make_no_room() {
        let mut walls = rectangle(0, 0, 4000, 3000);
        walls.pop();
        assert!(detect_rooms(&walls).is_empty());
        let mut with_stub = rectangle(0, 0, 4000, 3000);
        with_stub.push(wall((1000, 0), (1000, 800)));
        assert_eq!(detect_rooms(&with_stub).len(), 1);
    }

    #[test]
    fn an_l_shaped_room_has_its_real_area() {
        let walls = vec![
            wall((0, 0), (6000, 0)),
            wall((6000, 0), (6000, 2500)),
            wall((6000, 2500), (2500, 2500)),
            wall((2500, 2500), (2500, 5000)),
            wall((2500, 5000), (0, 5000)),
            wall((0, 5000), (0, 0)),
        ];
        let rooms = detect_rooms(&walls);
        assert_eq!(rooms.len(), 1);
        assert!((rooms[0].area_mm2 - (15_000_000.0 + 6_250_000.0)).abs() < 1.0);
    }
}
