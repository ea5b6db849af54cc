//! Rooms are found from closed wall loops, so they have no ids of their own: a room is known by
//! one of its walls and the side of it the room lies on. These helpers go between the detected
//! rooms and the names stored in the layout.

use room_planner_core::domain::constraints::Structure;
use room_planner_core::domain::ids::WallId;
use room_planner_core::domain::plan::{Layout, Wall};

/// The detected room bounded by `wall` on the given side.
#[must_use]
pub fn room_index(
    structure: &Structure,
    walls: &[Wall],
    wall: &WallId,
    left: bool,
) -> Option<usize> {
    let wall_index = walls.iter().position(|candidate| &candidate.id == wall)?;
    structure
        .rooms
        .iter()
        .position(|room| room.sides.contains(&(wall_index, left)))
}

/// The stored name of a detected room and the key it is stored under, trying each of its
/// walls and sides in turn.
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
            let id = &layout.walls.get(*wall)?.id;
            layout
                .room_name(id, *left)
                .map(|name| ((id.clone(), *left), name))
        })
}

/// The key naming a detected room: the key of its stored name if it has one, else its first
/// wall and side.
#[must_use]
pub fn room_key(layout: &Layout, structure: &Structure, room: usize) -> Option<(WallId, bool)> {
    stored_name(layout, structure, room)
        .map(|(key, _)| key)
        .or_else(|| {
            let (wall, left) = structure.rooms.get(room)?.sides.first()?;
            Some((layout.walls.get(*wall)?.id.clone(), *left))
        })
}

/// The name given to a detected room, if any.
#[must_use]
pub fn room_name<'a>(layout: &'a Layout, structure: &Structure, room: usize) -> Option<&'a str> {
    stored_name(layout, structure, room).map(|(_, name)| name)
}
