//! Where the pointer meets the floor (or a level above it) in plan millimetres.

use crate::viewport::camera::MainCamera;
use crate::world_units::plan_of;
use bevy::prelude::*;
use room_planner_core::domain::values::units::PointMm;

/// The plan point under a window position, on a horizontal plane `height_m` above the floor.
#[must_use]
pub fn plan_point_under(
    camera: &Camera,
    camera_transform: &GlobalTransform,
    window_position: Vec2,
    height_m: f32,
) -> Option<PointMm> {
    let ray = camera
        .viewport_to_world(camera_transform, window_position)
        .ok()?;
    let hit = ray.plane_intersection_point(Vec3::Y * height_m, InfinitePlane3d::new(Vec3::Y))?;
    Some(plan_of(hit))
}

/// The main camera, for pointer rays.
pub type MainCameraQuery<'w, 's> =
    Query<'w, 's, (&'static Camera, &'static GlobalTransform), With<MainCamera>>;
