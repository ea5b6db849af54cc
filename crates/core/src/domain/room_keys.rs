//! Rooms are found from closed wall loops, so they have no ids of their own: a room is known by
//! one of its walls and the side of it the room lies on. These lookups go between the rooms a
//! [`Structure`] detected (by index) and the names stored in the layout.

use crate::domain::constraints::Structure;
use crate::domain::ids::WallId;
use crate::domain::plan::Layout;

/// The detected room bounded by `wall` on the given side (`left` of its start-to-end direction).
#[must_use]
pub fn room_on_side(structure: &Structure, wall: &WallId, left: bool) -> Option<usize> {
    let (wall_index, _) = structure.wall(wall)?;
    structure
        .rooms
        .iter()
        .position(|room| room.sides.contains(&(wall_index, left)))
}

/// The key naming detected room `room`: the key its name is stored under if it has one, else
/// its first wall and side.
#[must_use]
pub fn room_key(layout: &Layout, structure: &Structure, room: usize) -> Option<(WallId, bool)> {
    stored_name(layout, structure, room)
        .map(|(key, _)| key)
        .or_else(|| {
            let (wall, left) = structure.rooms.get(room)?.sides.first()?;
            Some((structure.wall_ids.get(*wall)?.clone(), *left))
        })
}

/// The name given to detected room `room`, if any.
#[must_use]
pub fn room_name<'a>(layout: &'a Layout, structure: &Structure, room: usize) -> Option<&'a str> {
    stored_name(layout, structure, room).map(|(_, name)| name)
}

/// The stored name of a detected room and its key, trying each of its walls and sides in turn.
fn stored_name<'a>(
    layout: &'a Layout,
    structure: &Structure,
    room: usize,
) -> Option<((WallId, bool), &'a str)> {
    structure
        .rooms
        .get(room)?
        .sides
        .iter()
        .find_map(|(wall, left)| {
            let id = structure.wall_ids.get(*wall)?;
            layout
                .room_name(id, *left)
                .map(|name| ((id.clone(), *left), name))
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::constraints::test_support::{catalogs, room};
    use crate::domain::room_name::RoomName;

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
}
