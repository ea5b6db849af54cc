//! Names of rooms: rooms are found from closed wall loops and have no id of their own, so a
//! name is kept against one of the room's walls and the side of it the room lies on.

use crate::domain::values::ids::WallId;
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// Longest room name accepted, in characters.
pub const MAX_ROOM_NAME_CHARS: usize = 80;

/// The name of the room on one side of a wall.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoomName {
    /// A wall bounding the room.
    pub wall: WallId,
    /// True when the room lies to the left of the wall's direction (start to end).
    pub left: bool,
    /// The name: trimmed, 1 to [`MAX_ROOM_NAME_CHARS`] characters, no line breaks.
    pub name: String,
}

/// Why a room name cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RoomNameError {
    /// More characters than [`MAX_ROOM_NAME_CHARS`].
    #[error("a room name has at most {MAX_ROOM_NAME_CHARS} characters; this one has {0}")]
    TooLong(usize),
    /// Line breaks, tabs or other control characters.
    #[error("a room name cannot hold line breaks, tabs or other control characters")]
    ControlCharacter,
}

/// The name as it is kept: without spaces at either end. Empty means "no name".
///
/// # Errors
/// A name that is too long or holds control characters.
pub fn tidy_room_name(name: &str) -> Result<&str, RoomNameError> {
    let name = name.trim();
    if name.chars().any(char::is_control) {
        return Err(RoomNameError::ControlCharacter);
    }
    let chars = name.chars().count();
    if chars > MAX_ROOM_NAME_CHARS {
        return Err(RoomNameError::TooLong(chars));
    }
    Ok(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_trimmed_and_long_or_multi_line_names_refused() {
        assert_eq!(tidy_room_name("  Küche "), Ok("Küche"));
        assert_eq!(tidy_room_name("   "), Ok(""));
        assert_eq!(tidy_room_name(&"ä".repeat(80)).map(str::len), Ok(160));
        assert_eq!(
            tidy_room_name(&"ä".repeat(81)),
            Err(RoomNameError::TooLong(81))
        );
        assert_eq!(
            tidy_room_name("Bed\nroom"),
            Err(RoomNameError::ControlCharacter)
        );
    }
}
