//! The pure core: the layout document and everything about it, with no Bevy, egui, rfd or file
//! IO. Each folder is one concept; lower ones never import higher ones (checked by
//! `tools/import_cycles.py`): `values` < `catalog` < `layout` < `geometry` < `measured` <
//! `constraints` < `drawing`, `editing` < `pricing`.

pub mod catalog;
pub mod constraints;
pub mod drawing;
pub mod editing;
pub mod geometry;
pub mod layout;
pub mod measured;
pub mod pricing;
pub mod values;
