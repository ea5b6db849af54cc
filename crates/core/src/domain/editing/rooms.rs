//! Naming rooms: a name is kept against one of a room's walls and the side the room lies on.

use super::EditError;
use crate::domain::layout::Changes;
use crate::domain::layout::room_name::tidy_room_name;
use crate::domain::layout::{Layout, RoomName};
use crate::domain::values::ids::WallId;

pub(super) fn set_name(
    layout: &mut Layout,
    wall: &WallId,
    left: bool,
    name: &str,
) -> Result<Changes, EditError> {
    if layout.wall(wall).is_none() {
        return Err(EditError::UnknownWall(wall.clone()));
    }
    let name = tidy_room_name(name)?;
    let existing = layout
        .rooms
        .iter()
        .position(|room| &room.wall == wall && room.left == left);
    match existing {
        None if name.is_empty() => return Ok(Changes::default()),
        Some(index) if name.is_empty() => {
            layout.rooms.remove(index);
        }
        Some(index) if layout.rooms[index].name == name => return Ok(Changes::default()),
        Some(index) => layout.rooms[index].name = name.to_owned(),
        None => {
            // Kept sorted by wall and side, so files list names in one order.
            let at = layout
                .rooms
                .partition_point(|room| (&room.wall, room.left) < (wall, left));
            layout.rooms.insert(
                at,
                RoomName {
                    wall: wall.clone(),
                    left,
                    name: name.to_owned(),
                },
            );
        }
    }
    Ok(Changes::all())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::constraints::test_support::room;

    #[test]
    fn names_are_set_trimmed_replaced_and_removed_one_per_side() {
        let mut layout = room();
        let south = WallId::from("south");
        let changes = set_name(&mut layout, &south, true, "  Living room ").expect("named");
        assert!(changes.everything);
        assert_eq!(layout.room_name(&south, true), Some("Living room"));
        set_name(&mut layout, &south, false, "Garden").expect("named");
        set_name(&mut layout, &WallId::from("east"), true, "Also living").expect("named");
        let sides: Vec<(&str, bool)> = layout
            .rooms
            .iter()
            .map(|room| (room.wall.as_str(), room.left))
            .collect();
        assert_eq!(sides, [("east", true), ("south", false), ("south", true)]);

        set_name(&mut layout, &south, true, "Lounge").expect("renamed");
        assert_eq!(layout.room_name(&south, true), Some("Lounge"));
        assert_eq!(layout.rooms.len(), 3);
        let same = set_name(&mut layout, &south, true, "Lounge ").expect("same");
        assert!(same.is_empty());

        set_name(&mut layout, &south, true, " ").expect("removed");
        assert_eq!(layout.room_name(&south, true), None);
        assert_eq!(layout.rooms.len(), 2);
        let nothing = set_name(&mut layout, &south, true, "").expect("nothing to remove");
        assert!(nothing.is_empty());
    }

    #[test]
    fn names_on_unknown_walls_and_unusable_names_are_refused() {
        let mut layout = room();
        let before = layout.clone();
        assert_eq!(
            set_name(&mut layout, &WallId::from("nope"), true, "Hall"),
            Err(EditError::UnknownWall(WallId::from("nope")))
        );
        let south = WallId::from("south");
        assert!(matches!(
            set_name(&mut layout, &south, true, &"x".repeat(81)),
            Err(EditError::RoomName(_))
        ));
        assert!(set_name(&mut layout, &south, true, "Bed\nroom").is_err());
        assert_eq!(layout, before);
    }
}
