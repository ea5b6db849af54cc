//! Room Planner: an offline room planner with configurable products, live pricing and quotes.
//!
//! `domain` is the pure core (no IO, no GUI); `storage` reads and writes files; `cli` is the
//! headless command line built on both.

pub mod cli;
pub mod domain;
pub mod storage;
