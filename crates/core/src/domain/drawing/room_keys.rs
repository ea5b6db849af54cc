//! Rooms are found from closed wall loops, so they have no ids of their own: a room is known by
//! one of its walls and the side of it the room lies on. These lookups go between the rooms a
//! [`Structure`] detected (by index) and the names stored in the layout.
//!
//! A wall that a partition ends on bounds two rooms on the same side; such a side belongs to
//! the room along the wall's first stretch (from its start), which stays the same when the
//! partition moves, so every key names one room and keeps naming it.

use crate::domain::layout::Layout;
use crate::domain::measured::Structure;
use crate::domain::values::ids::WallId;
use geo::Contains;

/// The detected room bounded by `wall` on the given side (`left` of its start-to-end direction).
#[must_use]
pub fn room_on_side(structure: &Structure, wall: &WallId, left: bool) -> Option<usize> {
    let (wall_index, _) = structure.wall(wall)?;
    owner(structure, (wall_index, left))
}

/// The room a side (wall index, left) belongs to: the one room bounded by it, or, when a
/// partition ending on the wall shares the side between rooms, the room beside the wall just
/// past its start corner.
fn owner(structure: &Structure, side: (usize, bool)) -> Option<usize> {
    let holders: Vec<usize> = (0..structure.rooms.len())
        .filter(|room| structure.rooms[*room].sides.contains(&side))
        .collect();
    let first = *holders.first()?;
    if holders.len() == 1 {
        return Some(first);
    }
    let geometry = structure.walls.get(side.0)?;
    let (from, _) = geometry.usable_stretch();
    let towards_room = if side.1 {
        geometry.left
    } else {
        geometry.left * -1.0
    };
    let probe =
        geometry.point_at(from.max(0.0) + 1.0) + towards_room * (geometry.half_thickness + 1.0);
    holders
        .into_iter()
        .find(|room| {
            structure
                .room_outline(*room)
                .is_some_and(|outline| outline.contains(&geo::Point(probe)))
        })
        .or(Some(first))
}

/// The sides that can name room `room`: its sides no larger room shares.
fn own_sides(structure: &Structure, room: usize) -> impl Iterator<Item = (usize, bool)> + '_ {
    structure
        .rooms
        .get(room)
        .into_iter()
        .flat_map(|found| found.sides.iter().copied())
        .filter(move |side| owner(structure, *side) == Some(room))
}

/// The key naming detected room `room`: the key its name is stored under if it has one, else
/// its first wall and side.
#[must_use]
pub fn room_key(layout: &Layout, structure: &Structure, room: usize) -> Option<(WallId, bool)> {
    stored_name(layout, structure, room)
        .map(|(key, _)| key)
        .or_else(|| {
            let (wall, left) = own_sides(structure, room).next()?;
            Some((structure.wall_ids.get(wall)?.clone(), left))
        })
}

/// The name given to detected room `room`, if any.
#[must_use]
pub fn room_name<'a>(layout: &'a Layout, structure: &Structure, room: usize) -> Option<&'a str> {
    stored_name(layout, structure, room).map(|(_, name)| name)
}

/// The stored name of a detected room and its key, trying each of its own sides in turn.
fn stored_name<'a>(
    layout: &'a Layout,
    structure: &Structure,
    room: usize,
) -> Option<((WallId, bool), &'a str)> {
    own_sides(structure, room).find_map(|(wall, left)| {
        let id = structure.wall_ids.get(wall)?;
        layout
            .room_name(id, left)
            .map(|name| ((id.clone(), left), name))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::constraints::test_support::{catalogs, room, wall};
    use crate::domain::layout::room_name::RoomName;

    #[test]
    fn a_room_is_found_from_any_of_its_walls_on_the_inner_side() {
        let layout = room();
        let structure = Structure::new(&layout, &catalogs());
        // The test room's walls run anticlockwise: the room is on their left.
        assert_eq!(
            room_on_side(&structure, &WallId::from("north"), true),
            Some(0)
        );
        assert_eq!(
            room_on_side(&structure, &WallId::from("north"), false),
            None
        );
        assert_eq!(room_on_side(&structure, &WallId::from("gone"), true), None);
    }

    #[test]
    fn a_name_stored_against_any_wall_of_the_room_names_it() {
        let mut layout = room();
        let structure = Structure::new(&layout, &catalogs());
        assert_eq!(room_name(&layout, &structure, 0), None);
        let (first_wall, left) = room_key(&layout, &structure, 0).expect("the room has walls");
        assert!(left);
        assert!(structure.wall_ids.contains(&first_wall));
        layout.rooms.push(RoomName {
            wall: WallId::from("east"),
            left: true,
            name: "Kitchen".into(),
        });
        assert_eq!(room_name(&layout, &structure, 0), Some("Kitchen"));
        assert_eq!(
            room_key(&layout, &structure, 0),
            Some((WallId::from("east"), true))
        );
        assert_eq!(room_name(&layout, &structure, 1), None);
    }

    #[test]
    fn rooms_either_side_of_a_partition_are_named_apart() {
        let mut layout = room();
        // A partition from the south wall to the north wall at x = 2000: both rooms are bounded
        // by the south and north walls on the same side.
        layout
            .walls
            .push(wall("partition", (2000, 0), (2000, 4000)));
        let structure = Structure::new(&layout, &catalogs());
        assert_eq!(structure.rooms.len(), 2);
        let shared = |side: &(usize, bool)| structure.rooms[0].sides.contains(side);
        assert!(structure.rooms[1].sides.iter().any(shared));
        let keys: Vec<(WallId, bool)> = (0..2)
            .map(|room| room_key(&layout, &structure, room).expect("each room has its own side"))
            .collect();
        assert_ne!(keys[0], keys[1]);
        for (room, (wall, left)) in keys.iter().enumerate() {
            assert_eq!(room_on_side(&structure, wall, *left), Some(room));
        }
        layout.rooms.push(RoomName {
            wall: keys[1].0.clone(),
            left: keys[1].1,
            name: "Study".into(),
        });
        assert_eq!(room_name(&layout, &structure, 0), None);
        assert_eq!(room_name(&layout, &structure, 1), Some("Study"));

        // Name the other room through the shared south wall, then move the partition past
        // the middle so the rooms swap sizes: each keeps its name.
        let (wall, left) = room_key(&layout, &structure, 0).expect("a key");
        layout.rooms.push(RoomName {
            wall,
            left,
            name: "Living".into(),
        });
        // The rooms' names from west to east.
        let names = |layout: &Layout| {
            let structure = Structure::new(layout, &catalogs());
            let mut named: Vec<(i64, String)> = (0..structure.rooms.len())
                .filter_map(|room| {
                    let west = structure.rooms[room]
                        .outline
                        .iter()
                        .map(|corner| corner.x)
                        .fold(f64::INFINITY, f64::min);
                    room_name(layout, &structure, room).map(|name| (west as i64, name.to_owned()))
                })
                .collect();
            named.sort();
            named.into_iter().map(|(_, name)| name).collect::<Vec<_>>()
        };
        let before = names(&layout);
        assert_eq!(before, ["Study", "Living"]);
        let partition = layout
            .walls
            .iter_mut()
            .find(|wall| wall.id.as_str() == "partition")
            .expect("partition");
        partition.start.x.0 = 4000;
        partition.end.x.0 = 4000;
        assert_eq!(names(&layout), before);
    }
}
