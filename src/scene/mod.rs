//! The plan drawn in 3D: walls with openings cut, doors and windows, floors per room and every
//! placed product, kept in step with the document through [`LayoutEdited`] messages and keyed
//! by stable ids.

pub mod detail;
pub mod floor_mesh;
pub mod highlight;
pub mod materials;
pub mod model_looks;
pub mod parts;
pub mod personal_decals;
pub mod products;
pub mod structure;
pub mod wall_mesh;

use crate::AppSystems;
use crate::pacing::wake::Wakeups;
use bevy::prelude::*;
use std::time::Duration;

/// How often an idle window looks again while glTF models load.
const MODEL_POLL: Duration = Duration::from_millis(100);

/// The scene plugin.
pub(crate) fn plugin(app: &mut App) {
    app.init_resource::<materials::MaterialCache>()
        .init_resource::<products::SceneIndex>()
        .init_resource::<model_looks::ModelLooks>()
        .add_systems(Startup, materials::setup_unit_meshes)
        .add_systems(
            Update,
            (structure::sync_structure, products::sync_products).in_set(AppSystems::SyncScene),
        )
        .add_systems(
            Update,
            (
                highlight::show_violations,
                poll_while_models_load,
                model_looks::limit_model_detail,
            )
                .in_set(AppSystems::Highlight),
        );
}

/// A model that finishes loading wakes nothing by itself: an idle window looks again now and
/// then until every one is loaded (or failed).
fn poll_while_models_load(
    models: Query<&WorldAssetRoot>,
    asset_server: Res<AssetServer>,
    wakeups: Res<Wakeups>,
) {
    if !wakeups.is_live() {
        return;
    }
    let loading = models.iter().any(|model| {
        !asset_server.is_loaded_with_dependencies(&model.0)
            && !asset_server.load_state(&model.0).is_failed()
    });
    if loading {
        wakeups.after(MODEL_POLL);
    }
}
