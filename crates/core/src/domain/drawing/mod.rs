//! The plan as the user sees it and points at it: the drawing's shapes (the same on screen, in
//! PNG and in PDF), what lies under a point, which stored room name a detected room has, and the
//! words messages name elements by.

pub mod names;
pub mod plan_drawing;
pub mod plan_hit;
pub mod room_keys;
