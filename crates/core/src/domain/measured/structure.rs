//! The fixed part of a plan, measured once: walls cut around their openings (for the 3D view and
//! the plan) and at their doorways (for the rules), rooms, openings and door swings, each with a
//! spatial index so a product is measured only against what is near it.

use super::placement::OpeningPlacement;
use super::wall_pieces::{Gap, WallPiece, cut_wall};
use crate::domain::catalog::configuration::ResolveMemo;
use crate::domain::catalog::{CatalogSet, ProductKind};
use crate::domain::geometry::Coord;
use crate::domain::geometry::rooms::{Room, detect_rooms};
use crate::domain::geometry::walls::{WallGeometry, wall_geometries};
use crate::domain::geometry::{Bounds, Indexed, bounds_of, grown, indexed};
use crate::domain::layout::Layout;
use crate::domain::values::ids::WallId;
use rstar::RTree;
use std::collections::HashMap;

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
    /// Each wall's pieces around all its openings (full height, below sills, above heads), in
    /// layout order, each wall's in order along it.
    pub wall_pieces: Vec<Vec<WallPiece>>,
    /// Stretches of wall a product may not stand in: every wall cut at its doorways only (a
    /// product may stand in a doorway, not in the wall under a window), full height.
    pub wall_solids: Vec<WallPiece>,
    room_outlines: Vec<geo::Polygon<f64>>,
    room_index: RTree<Indexed<usize>>,
    solid_index: RTree<Indexed<usize>>,
    swing_index: RTree<Indexed<usize>>,
    /// Each wall's body with its corner extensions, grown by `WALL_REACH_MM`.
    wall_index: RTree<Indexed<usize>>,
    /// Indices into `openings` of each wall's openings, ascending.
    openings_on_wall: Vec<Vec<usize>>,
}

/// How far around a wall's body [`Structure::walls_by_distance`] bounds reach: a wall-mounted
/// product's back within this of the face counts as mounted.
pub(crate) const WALL_REACH_MM: f64 = 11.0;

impl Structure {
    /// Measures the walls and openings of a layout. Openings whose catalog entry or wall is
    /// missing are left out: loading reports those as errors before any check runs.
    #[must_use]
    pub fn new(layout: &Layout, catalogs: &CatalogSet) -> Self {
        let walls = wall_geometries(&layout.walls);
        let rooms = detect_rooms(&layout.walls);
        let wall_positions: HashMap<&WallId, usize> = layout
            .walls
            .iter()
            .enumerate()
            .map(|(index, wall)| (&wall.id, index))
            .collect();
        let mut memo = ResolveMemo::default();
        let openings: Vec<OpeningPlacement> = layout
            .openings
            .iter()
            .filter_map(|opening| {
                let (_, product) = catalogs.product(&opening.product)?;
                let wall = *wall_positions.get(&opening.wall)?;
                let resolved = memo.resolve(product, &opening.options);
                Some(OpeningPlacement::with_resolved(
                    opening,
                    product,
                    resolved,
                    wall,
                    &walls[wall],
                ))
            })
            .collect();
        let mut openings_on_wall: Vec<Vec<usize>> = vec![Vec::new(); walls.len()];
        for (index, opening) in openings.iter().enumerate() {
            if let Some(on_wall) = openings_on_wall.get_mut(opening.wall) {
                on_wall.push(index);
            }
        }
        let gaps_on = |wall: usize, doors_only: bool| -> Vec<Gap> {
            openings_on_wall[wall]
                .iter()
                .map(|index| &openings[*index])
                .filter(|opening| !doors_only || opening.kind == ProductKind::Door)
                .map(OpeningPlacement::gap)
                .collect()
        };
        let wall_pieces: Vec<Vec<WallPiece>> = walls
            .iter()
            .enumerate()
            .map(|(index, wall)| cut_wall(index, wall, &gaps_on(index, false)))
            .collect();
        let wall_solids: Vec<WallPiece> = walls
            .iter()
            .enumerate()
            .flat_map(|(index, wall)| cut_wall(index, wall, &gaps_on(index, true)))
            .filter(WallPiece::is_full_height)
            .collect();
        let wall_index = RTree::bulk_load(
            walls
                .iter()
                .enumerate()
                .map(|(index, wall)| {
                    let ends = [
                        wall.point_at(-wall.start_extension),
                        wall.point_at(wall.length + wall.end_extension),
                    ];
                    let reach = wall.half_thickness + WALL_REACH_MM;
                    indexed(grown(&bounds_of(&ends), reach), index)
                })
                .collect(),
        );
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
                .map(|(index, solid)| indexed(bounds_of(&solid.footprint), index))
                .collect(),
        );
        let swing_index = RTree::bulk_load(
            openings
                .iter()
                .enumerate()
                .filter_map(|(index, opening)| {
                    let zone = opening.swing_zone()?;
                    Some(indexed(bounds_of(zone), index))
                })
                .collect(),
        );
        Self {
            walls,
            wall_ids: layout.walls.iter().map(|wall| wall.id.clone()).collect(),
            rooms,
            openings,
            wall_pieces,
            wall_solids,
            room_outlines,
            room_index,
            solid_index,
            swing_index,
            wall_index,
            openings_on_wall,
        }
    }

    /// Walls nearest first, each with the distance from `point` to its grown bounds (a lower
    /// bound of the distance from `point` to the wall's faces, less [`WALL_REACH_MM`]).
    pub(crate) fn walls_by_distance(
        &self,
        point: Coord<f64>,
    ) -> impl Iterator<Item = (usize, f64)> + '_ {
        self.wall_index
            .nearest_neighbor_iter_with_distance_2(&[point.x, point.y])
            .map(|(entry, distance_2)| (entry.data, distance_2.sqrt()))
    }

    /// Indices into `openings` of the openings in wall `wall`, ascending.
    #[must_use]
    pub fn openings_on(&self, wall: usize) -> &[usize] {
        self.openings_on_wall.get(wall).map_or(&[], Vec::as_slice)
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
