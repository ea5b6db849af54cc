//! Cameras (orbiting 3D view and top-down plan view), lights, the 3D view's quality tier, the
//! plan drawing painted on screen and what the 3D scene shows in each view.

pub mod camera;
pub mod cutaway;
pub mod lights;
pub mod plan_mode;
pub mod plan_overlay;
pub mod plan_painter;
pub mod quality;
pub mod render_scale;

use crate::AppSystems;
use bevy::prelude::*;

/// The parts of the viewport used by both the window and the off-screen renderer.
pub(crate) fn plugin(app: &mut App) {
    app.init_resource::<camera::ViewMode>()
        .init_resource::<quality::GraphicsQuality>()
        .init_resource::<camera::ViewOptions>()
        .init_resource::<camera::ViewArea>()
        .add_message::<camera::ViewToggleRequested>()
        .add_message::<camera::ViewRequested>()
        .add_systems(Startup, lights::spawn_lights)
        .add_systems(
            Update,
            (
                camera::toggle_view,
                camera::apply_view_requests,
                camera::frame_new_layout,
                camera::apply_camera,
            )
                .chain()
                .in_set(AppSystems::Camera),
        )
        .add_systems(
            Update,
            (
                plan_overlay::draw_plan_overlay,
                plan_mode::show_scene_for_view,
                cutaway::cut_away_walls,
            )
                .in_set(AppSystems::Highlight),
        )
        .add_systems(
            Update,
            (quality::choose_quality, quality::apply_quality)
                .chain()
                .in_set(AppSystems::Camera),
        );
}

/// Pointer control of the camera (window only).
pub(crate) fn controls_plugin(app: &mut App) {
    app.add_systems(Update, camera::control_camera.in_set(AppSystems::Input))
        .add_plugins(render_scale::plugin);
}
