//! Turning the selected product: R and Shift+R turn it by 15°, and a round handle in front of
//! it turns it to face the pointer (in 15° steps; hold Alt to turn freely).

use crate::document::{EditRequested, Gesture};
use crate::editor::pointer::{MainCameraQuery, plan_point_under, snapping_disabled};
use crate::editor::selection::Selection;
use crate::live::LiveState;
use crate::theme;
use crate::world_units::{metres_of, world_point};
use bevy::prelude::*;
use room_planner_core::domain::editing::Edit;
use room_planner_core::domain::values::units::PointMm;

/// The step of keyboard and handle rotation.
pub const ROTATION_STEP_DEG: f64 = 15.0;

/// The rotation handle entity.
#[derive(Component, Debug)]
pub struct RotateHandle {
    dragging: bool,
}

/// `rotation_deg` rounded to the nearest step.
#[must_use]
pub fn snap_angle(rotation_deg: f64) -> f64 {
    ((rotation_deg / ROTATION_STEP_DEG).round() * ROTATION_STEP_DEG).rem_euclid(360.0)
}

/// Keeps the handle in front of the selected product, hidden when nothing is selected.
pub(crate) fn update_rotate_handle(
    mut commands: Commands,
    selection: Res<Selection>,
    live: Res<LiveState>,
    mut handles: Query<(&mut Transform, &mut Visibility), With<RotateHandle>>,
    mut meshes: ResMut<Assets<Mesh>>,
    mut materials: ResMut<Assets<StandardMaterial>>,
) {
    let Ok((mut transform, mut visibility)) = handles.single_mut() else {
        commands
            .spawn((
                RotateHandle { dragging: false },
                Mesh3d(meshes.add(Torus::new(0.06, 0.1))),
                MeshMaterial3d(materials.add(StandardMaterial {
                    base_color: theme::HANDLE,
                    unlit: true,
                    ..default()
                })),
                Transform::default(),
                Visibility::Hidden,
                Name::new("rotate handle"),
            ))
            .observe(start_turn)
            .observe(turn)
            .observe(end_turn);
        return;
    };
    let placement = selection.product().and_then(|id| live.checker.product(id));
    let Some(placement) = placement else {
        *visibility = Visibility::Hidden;
        // Far away: the plan view's picking also sees hidden meshes.
        transform.translation = Vec3::splat(-10_000.0);
        return;
    };
    *visibility = Visibility::Visible;
    let footprint = &placement.footprint;
    let reach = footprint.half_depth + 350.0;
    let at = footprint.centre + footprint.across * reach;
    let height = placement.bottom_mm
        + (metres_of(placement.dimensions.height) as f64 * 1000.0).min(900.0) / 2.0;
    transform.translation = world_point(at.x, at.y, height.max(150.0));
}

fn start_turn(drag: On<Pointer<DragStart>>, mut handles: Query<&mut RotateHandle>) {
    if let Ok(mut handle) = handles.get_mut(drag.entity) {
        handle.dragging = true;
    }
}

#[allow(clippy::too_many_arguments)]
fn turn(
    drag: On<Pointer<Drag>>,
    handles: Query<&RotateHandle>,
    cameras: MainCameraQuery,
    keys: Res<ButtonInput<KeyCode>>,
    selection: Res<Selection>,
    live: Res<LiveState>,
    mut edits: MessageWriter<EditRequested>,
    mut started: Local<bool>,
) {
    let Ok(handle) = handles.get(drag.entity) else {
        return;
    };
    if !handle.dragging {
        *started = false;
        return;
    }
    let Some(id) = selection.product() else {
        return;
    };
    let Some(placement) = live.checker.product(id) else {
        return;
    };
    let Ok((camera, camera_transform)) = cameras.single() else {
        return;
    };
    let Some(pointer) = plan_point_under(
        camera,
        camera_transform,
        drag.pointer_location.position,
        0.0,
    ) else {
        return;
    };
    let centre = placement.footprint.centre;
    let towards = (pointer.x.as_f64() - centre.x, pointer.y.as_f64() - centre.y);
    // At rotation 0 the front faces +y, so the front points at the pointer when turned by
    // the pointer's angle less a quarter turn.
    let free = towards.1.atan2(towards.0).to_degrees() - 90.0;
    let rotation_deg = if snapping_disabled(&keys) {
        free.rem_euclid(360.0)
    } else {
        snap_angle(free)
    };
    edits.write(EditRequested {
        edit: Edit::MoveProduct {
            id: id.clone(),
            position: PointMm::new(centre.x.round() as i64, centre.y.round() as i64),
            rotation_deg,
        },
        gesture: if *started {
            Gesture::Continue
        } else {
            Gesture::Start
        },
    });
    *started = true;
}

fn end_turn(drag: On<Pointer<DragEnd>>, mut handles: Query<&mut RotateHandle>) {
    if let Ok(mut handle) = handles.get_mut(drag.entity) {
        handle.dragging = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn angles_snap_to_the_nearest_15_degrees() {
        assert_eq!(snap_angle(7.4), 0.0);
        assert_eq!(snap_angle(7.6), 15.0);
        assert_eq!(snap_angle(-91.0), 270.0);
        assert_eq!(snap_angle(359.0), 0.0);
    }
}
