//! The measured plan: everything worked out from a layout and its catalogs once, for every
//! reader (constraint rules, 3D scene, plan view, PNG and PDF plans, sidebar): walls cut into
//! pieces around their openings, door leaves and swings, rooms, product and opening placements
//! and their spatial indexes. The live checker keeps one current from each edit's `Changes`.
//!
//! Above `geometry` and below `constraints` and `drawing`: it reads catalogs, the layout and
//! plan geometry, and is read by everything that shows or checks a plan.

mod context;
mod door_leaf;
mod placement;
mod structure;
mod wall_pieces;

pub use context::PlanContext;
pub use door_leaf::DoorLeaf;
pub use placement::{OpeningPlacement, ProductPlacement, place_product};
pub use structure::Structure;
pub use wall_pieces::{Gap, PieceKind, WallPiece, cut_wall};
