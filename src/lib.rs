//! Room Planner: an offline room planner with configurable products, live pricing and quotes.
//!
//! The pure core (`domain`, `storage`) lives in the `room-planner-core` crate and is re-exported
//! here; `cli` is the headless command line built on it.

pub mod cli;

pub use room_planner_core::{domain, storage};
