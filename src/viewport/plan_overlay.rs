//! The plan view's grid (a one-metre grid around what the view looks at, to draw and place by,
//! shown when the view options ask for it), drawn as gizmos under the plan drawing
//! ([`super::plan_painter`] paints the drawing itself).

use crate::theme;
use crate::viewport::camera::{OrbitCamera, ViewMode, ViewOptions};
use bevy::prelude::*;

/// Height above the floor the 3D view's selection outlines sit at in plan view.
pub const PLAN_LIFT_MM: f64 = 2_900.0;

/// Cells of the plan grid along each side (one metre each).
const GRID_CELLS: u32 = 80;

/// Draws the grid while the plan view is shown.
pub(crate) fn draw_plan_overlay(
    mode: Res<ViewMode>,
    options: Res<ViewOptions>,
    cameras: Query<&OrbitCamera>,
    mut gizmos: Gizmos,
) {
    if *mode != ViewMode::Plan || !options.plan_grid {
        return;
    }
    if let Ok(camera) = cameras.single() {
        let centre = Vec3::new(camera.focus.x.round(), 0.004, camera.focus.z.round());
        gizmos.grid(
            Isometry3d::new(centre, Quat::from_rotation_x(-std::f32::consts::FRAC_PI_2)),
            UVec2::splat(GRID_CELLS),
            Vec2::splat(1.0),
            theme::GRID,
        );
    }
}
