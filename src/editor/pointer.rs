//! The pointer: where it meets the floor in plan millimetres, the camera its rays come from,
//! whether Alt turns snapping off, and which gesture holds it (so the camera keeps still).

use crate::world_units::plan_of;
use bevy::prelude::*;
use room_planner_core::domain::values::units::PointMm;

/// Marks the camera of the 3D and plan view, the one pointer rays are cast from.
#[derive(Component, Debug, Default, Clone, Copy)]
pub struct MainCamera;

/// The main camera, for pointer rays.
pub type MainCameraQuery<'w, 's> =
    Query<'w, 's, (&'static Camera, &'static GlobalTransform), With<MainCamera>>;

/// Which gesture holds the pointer, if any: while one does, the camera does not orbit or pan.
#[derive(Resource, Debug, Default, Clone, Copy, PartialEq, Eq)]
pub enum PointerCapture {
    /// No gesture holds the pointer.
    #[default]
    Free,
    /// A product is being dragged.
    ProductDrag,
}

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

/// True when the user holds Alt: place exactly where the pointer is.
pub fn snapping_disabled(keys: &ButtonInput<KeyCode>) -> bool {
    keys.any_pressed([KeyCode::AltLeft, KeyCode::AltRight])
}
