//! The fixed part of a plan, measured once: wall bodies cut at doorways, rooms, openings and
//! door swings, each with a spatial index so a product is measured only against what is near it.

use super::placement::OpeningPlacement;
use super::spatial::{Bounds, Indexed, bounds_of, indexed};
use crate::domain::catalog::{CatalogSet, ProductKind};
use crate::domain::geometry::Coord;
use crate::domain::geometry::rooms::{Room, detect_rooms};
use crate::domain::geometry::walls::{WallGeometry, wall_geometries};
use crate::domain::ids::WallId;
use crate::domain::plan::Layout;
use rstar::RTree;

/// Walls, rooms and openings of a plan with every measured quantity the rules need.
#[derive(Debug, Clone)]
pub struct Structure {
    /// Wall geometry, in layout order.
    pub walls: Vec<WallGeometry>,
    /// Wall ids, in layout order.
    pub wall_ids: Vec<WallId>,
    /// Rooms formed by the walls, largest first.
    pub rooms: Vec<Room>,
    /// Openings whose product and wall were found, in layout order.
    pub openings: Vec<OpeningPlacement>,
    /// Solid stretches of wall (doorways left out) with the index of their wall.
    pub wall_solids: Vec<(usize, [Coord<f64>; 4])>,
    room_outlines: Vec<geo::Polygon<f64>>,
    room_index: RTree<Indexed<usize>>,
    solid_index: RTree<Indexed<usize>>,
    swing_index: RTree<Indexed<usize>>,
}

impl Structure {
    /// Measures the walls and openings of a layout. Openings whose catalog entry or wall is
    /// missing are left out: loading reports those as errors before any check runs.
    #[must_use]
    pub fn new(layout: &Layout, catalogs: &CatalogSet) -> Self {
        let walls = wall_geometries(&layout.walls);
        let rooms = detect_rooms(&layout.walls);
        let openings: Vec<OpeningPlacement> = layout
            .openings
            .iter()
            .filter_map(|opening| {
                let (_, product) = catalogs.product(&opening.product)?;
                let wall = layout
                    .walls
                    .iter()
                    .position(|wall| wall.id == opening.wall)?;
                Some(OpeningPlacement::new(opening, product, wall, &walls[wall]))
            })
            .collect();
        let wall_solids = solid_stretches(&walls, &openings);
        let room_outlines: Vec<geo::Polygon<f64>> = rooms.iter().map(Room::polygon).collect();
        let room_index = RTree::bulk_load(
            rooms
                .iter()
                .enumerate()
                .map(|(index, room)| indexed(bounds_of(&room.outline), index))
                .collect(),
        );
        let solid_index = RTree::bulk_load(
            wall_solids
                .iter()
                .enumerate()
                .map(|(index, (_, solid))| indexed(bounds_of(solid), index))
                .collect(),
        );
        let swing_index = RTree::bulk_load(
            openings
                .iter()
                .enumerate()
                .filter_map(|(index, opening)| {
                    let zone = opening.swing_zone.as_ref()?;
                    Some(indexed(bounds_of(zone), index))
                })
                .collect(),
        );
        Self {
            walls,
            wall_ids: layout.walls.iter().map(|wall| wall.id.clone()).collect(),
            rooms,
            openings,
            wall_solids,
            room_outlines,
            room_index,
            solid_index,
            swing_index,
        }
    }

    /// The index and geometry of wall `id`.
    #[must_use]
    pub fn wall(&self, id: &WallId) -> Option<(usize, &WallGeometry)> {
        let index = self.wall_ids.iter().position(|known| known == id)?;
        Some((index, self.walls.get(index)?))
    }

    /// The outline of room `index` as a polygon.
    #[must_use]
    pub fn room_outline(&self, index: usize) -> Option<&geo::Polygon<f64>> {
        self.room_outlines.get(index)
    }

    /// Rooms nearest first, each with the distance from `point` to the room's bounding box (a
    /// lower bound of the distance to the room itself).
    pub(crate) fn rooms_by_distance(
        &self,
        point: Coord<f64>,
    ) -> impl Iterator<Item = (usize, f64)> + '_ {
        self.room_index
            .nearest_neighbor_iter_with_distance_2(&[point.x, point.y])
            .map(|(entry, distance_2)| (entry.data, distance_2.sqrt()))
    }

    /// Indices of the rooms whose bounding box holds `point`, ascending.
    pub(crate) fn rooms_around(&self, point: Coord<f64>) -> Vec<usize> {
        let mut found: Vec<usize> = self
            .room_index
            .locate_all_at_point(&[point.x, point.y])
            .map(|entry| entry.data)
            .collect();
        found.sort_unstable();
        found
    }

    /// Indices into `wall_solids` of the solid stretches whose bounds meet `bounds`, ascending.
    pub(crate) fn solids_touching(&self, bounds: &Bounds) -> Vec<usize> {
        let mut found: Vec<usize> = self
            .solid_index
            .locate_in_envelope_intersecting(bounds)
            .map(|entry| entry.data)
            .collect();
        found.sort_unstable();
        found
    }

    /// Indices into `openings` of the doors whose swing bounds meet `bounds`, ascending.
    pub(crate) fn swings_touching(&self, bounds: &Bounds) -> Vec<usize> {
        let mut found: Vec<usize> = self
            .swing_index
            .locate_in_envelope_intersecting(bounds)
            .map(|entry| entry.data)
            .collect();
        found.sort_unstable();
        found
    }
}

/// Each wall body cut at its doorways: products may stand in a doorway's gap but not in the wall.
fn solid_stretches(
    walls: &[WallGeometry],
    openings: &[OpeningPlacement],
) -> Vec<(usize, [Coord<f64>; 4])> {
    let mut solids = Vec::new();
    for (index, wall) in walls.iter().enumerate() {
        let mut doorways: Vec<(f64, f64)> = openings
            .iter()
            .filter(|placement| placement.wall == index && placement.kind == ProductKind::Door)
            .map(|placement| (placement.from_mm, placement.to_mm))
            .collect();
        doorways.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut from = 0.0;
        for (gap_from, gap_to) in doorways {
            if gap_from > from {
                solids.push((index, wall.piece(from, gap_from)));
            }
            from = from.max(gap_to);
        }
        if wall.length > from {
            solids.push((index, wall.piece(from, wall.length)));
        }
    }
    solids
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::constraints::test_support::{catalogs, opening, room};

    #[test]
    fn a_door_cuts_its_wall_and_its_swing_is_found_near_it() {
        let catalogs = catalogs();
        let mut layout = room();
        layout.openings.push(opening("d1", "door", "south", 1000));
        let structure = Structure::new(&layout, &catalogs);
        assert_eq!(structure.wall_solids.len(), 5);
        assert_eq!(structure.rooms.len(), 1);
        let near_door = bounds_of(&[Coord {
            x: 1400.0,
            y: 300.0,
        }]);
        assert_eq!(structure.swings_touching(&near_door), vec![0]);
        let far = bounds_of(&[Coord {
            x: 4000.0,
            y: 3000.0,
        }]);
        assert!(structure.swings_touching(&far).is_empty());
        assert_eq!(
            structure.rooms_around(Coord {
                x: 2500.0,
                y: 2000.0
            }),
            vec![0]
        );
    }
}
