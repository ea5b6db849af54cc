//! The plan drawn in 3D: walls with openings cut, doors and windows, floors per room and every
//! placed product, kept in step with the document through [`LayoutEdited`] messages and keyed
//! by stable ids.

pub mod highlight;
pub mod materials;
pub mod parts;
pub mod products;
pub mod structure;
pub mod wall_mesh;

use crate::AppSystems;
use bevy::prelude::*;

/// The scene plugin.
pub(crate) fn plugin(app: &mut App) {
    app.init_resource::<materials::MaterialCache>()
        .init_resource::<products::SceneIndex>()
        .add_systems(Startup, materials::setup_unit_meshes)
        .add_systems(
            Update,
            (structure::sync_structure, products::sync_products).in_set(AppSystems::SyncScene),
        )
        .add_systems(
            Update,
            highlight::show_violations.in_set(AppSystems::Highlight),
        );
}
