//! What the 3D scene shows in the plan view: only the floors (the plan drawing paints walls,
//! openings and furniture over them; [`super::cutaway`] hides the walls), no sun shadows;
//! products and walls stay pickable while hidden, so clicking and dragging work the same in
//! both views.

use crate::scene::products::ProductEntity;
use crate::viewport::camera::ViewMode;
use bevy::picking::mesh_picking::MeshPickingSettings;
use bevy::picking::mesh_picking::ray_cast::RayCastVisibility;
use bevy::prelude::*;

/// Hides products in the plan view (and shows them again in 3D), turns the
/// sun's shadows off there, and lets picking see hidden meshes there.
pub(crate) fn show_scene_for_view(
    mode: Res<ViewMode>,
    mut drawn: Query<&mut Visibility, With<ProductEntity>>,
    mut lights: Query<&mut DirectionalLight>,
    picking: Option<ResMut<MeshPickingSettings>>,
    mut first: Local<bool>,
) {
    let plan = *mode == ViewMode::Plan;
    let wanted = if plan {
        Visibility::Hidden
    } else {
        Visibility::Inherited
    };
    // Every frame, so that products added or rebuilt meanwhile follow too (unchanged ones are
    // not marked changed).
    for mut visibility in &mut drawn {
        visibility.set_if_neq(wanted);
    }
    if mode.is_changed() || !*first {
        *first = true;
        for mut light in &mut lights {
            // Only the sun casts shadows; it keeps them in 3D.
            if light.illuminance > 5_000.0 {
                light.shadow_maps_enabled = !plan;
            }
        }
        if let Some(mut picking) = picking {
            picking.ray_cast_visibility = if plan {
                RayCastVisibility::Any
            } else {
                RayCastVisibility::VisibleInView
            };
        }
    }
}
