//! What lies under a point of the plan: a door or window, a wall (and whether near one of its
//! ends), or a room's floor. Products are picked on their meshes; this covers the structure.

use crate::domain::geometry::{Coord, length};
use crate::domain::measured::Structure;
use geo::Contains;

/// Which end of a wall.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WallEndHit {
    /// The start point.
    Start,
    /// The end point.
    End,
}

/// A piece of structure under a point.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum StructureHit {
    /// A door or window (index into the structure's openings).
    Opening(usize),
    /// Near one end of a wall (index into the structure's walls).
    WallEnd(usize, WallEndHit),
    /// A wall's body (index into the structure's walls).
    Wall(usize),
    /// A room's floor (index into the structure's rooms).
    Room(usize),
}

/// The piece of structure under `point`; walls and openings count within `reach_mm` of their
/// body, wall ends within `reach_mm` of the centre-line end (ends are only offered for the
/// wall `ends_of`, the selected one, so a click on a corner does not grab by surprise).
#[must_use]
pub fn structure_under(
    structure: &Structure,
    point: Coord<f64>,
    reach_mm: f64,
    ends_of: Option<usize>,
) -> Option<StructureHit> {
    if let Some(index) = ends_of
        && let Some(wall) = structure.walls.get(index)
    {
        for (end, at) in [(WallEndHit::Start, wall.start), (WallEndHit::End, wall.end)] {
            if length(point - at) <= reach_mm.max(wall.half_thickness) {
                return Some(StructureHit::WallEnd(index, end));
            }
        }
    }
    let within_wall = |index: usize, from: f64, to: f64| {
        let wall = &structure.walls[index];
        let along = wall.offset_of(point);
        wall.side_distance(point).abs() <= wall.half_thickness + reach_mm
            && along >= from - reach_mm
            && along <= to + reach_mm
    };
    if let Some(index) = structure
        .openings
        .iter()
        .position(|opening| within_wall(opening.wall, opening.from_mm, opening.to_mm))
    {
        return Some(StructureHit::Opening(index));
    }
    let nearest_wall = structure
        .walls
        .iter()
        .enumerate()
        .filter(|(index, wall)| within_wall(*index, 0.0, wall.length))
        .min_by(|a, b| {
            a.1.side_distance(point)
                .abs()
                .total_cmp(&b.1.side_distance(point).abs())
        });
    if let Some((index, _)) = nearest_wall {
        return Some(StructureHit::Wall(index));
    }
    let inside = geo::Point::new(point.x, point.y);
    // Rooms come largest first; the smallest containing room is the one the user sees.
    structure
        .rooms
        .iter()
        .enumerate()
        .rev()
        .find(|(_, room)| room.polygon().contains(&inside))
        .map(|(index, _)| StructureHit::Room(index))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::constraints::test_support::{catalogs, opening, room};

    fn at(x: f64, y: f64) -> Coord<f64> {
        Coord { x, y }
    }

    #[test]
    fn openings_walls_ends_and_floors_are_found_in_that_order() {
        let catalogs = catalogs();
        let mut layout = room();
        layout.openings.push(opening("d1", "door", "south", 1000));
        let structure = Structure::new(&layout, &catalogs);
        let south = structure
            .wall_ids
            .iter()
            .position(|id| id.as_str() == "south")
            .unwrap_or(usize::MAX);
        let door = structure.openings[0].from_mm + 100.0;
        let on_door = structure.walls[south].point_at(door);
        assert_eq!(
            structure_under(&structure, on_door, 20.0, None),
            Some(StructureHit::Opening(0))
        );
        let on_wall = structure.walls[south].point_at(structure.walls[south].length - 400.0);
        assert_eq!(
            structure_under(&structure, on_wall, 20.0, None),
            Some(StructureHit::Wall(south))
        );
        let near_start = structure.walls[south].start + at(30.0, 10.0);
        assert_eq!(
            structure_under(&structure, near_start, 60.0, Some(south)),
            Some(StructureHit::WallEnd(south, WallEndHit::Start))
        );
        let centre = structure.rooms[0].polygon();
        let inside = geo::InteriorPoint::interior_point(&centre)
            .map_or(at(0.0, 0.0), |point| at(point.x(), point.y()));
        assert_eq!(
            structure_under(&structure, inside, 20.0, None),
            Some(StructureHit::Room(0))
        );
        assert_eq!(
            structure_under(&structure, at(-90_000.0, 0.0), 20.0, None),
            None
        );
    }
}
