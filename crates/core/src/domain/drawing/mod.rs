//! The plan as the user sees it and points at it: the drawing's shapes (the same on screen, in
//! PNG and in PDF), its dimension lines and its labels placed without collisions, what lies under
//! a point, which stored room name a detected room has, and the words messages name elements by.

pub mod dimensions;
mod label_board;
mod label_spots;
pub mod labels;
pub mod names;
pub mod plan_drawing;
pub mod plan_hit;
pub mod plan_paint;
pub mod room_keys;

#[cfg(test)]
mod labels_tests;
