//! The Room Planner core, with no GUI dependency: `domain` (units, geometry, catalogs,
//! configuration, pricing, quotes, the layout document and its constraint checks; no IO) and
//! `storage` (file formats). A crate of its own so that tests and benchmarks of the core do
//! not compile or link the 3D engine.

pub mod domain;
pub mod storage;
