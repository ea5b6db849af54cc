//! Dragging a product across the floor: snapping to the grid, backing onto the nearest wall
//! and lining up with neighbours (hold Alt to place freely). One drag is one undo step.

use crate::document::{Document, EditRequested, Gesture};
use crate::editor::pointer::{
    MainCameraQuery, PointerCapture, plan_point_under, snapping_disabled,
};
use crate::editor::selection::Selection;
use crate::editor::tool::PlanTool;
use crate::live::LiveState;
use crate::scene::products::ProductEntity;
use bevy::prelude::*;
use room_planner_core::domain::editing::Edit;
use room_planner_core::domain::editing::snapping::{SnapSettings, snap_product};
use room_planner_core::domain::values::ids::ProductInstanceId;
use room_planner_core::domain::values::units::PointMm;

/// The drag in progress, if any.
#[derive(Resource, Debug, Default)]
pub struct DragState {
    active: Option<ActiveDrag>,
}

#[derive(Debug)]
struct ActiveDrag {
    id: ProductInstanceId,
    /// Product centre minus the grabbed floor point, in mm.
    offset: (i64, i64),
    /// Height of the plane the pointer slides on (the grabbed point's height).
    height_m: f32,
    rotation_deg: f64,
    moved: bool,
}

#[allow(clippy::too_many_arguments)]
pub(crate) fn start_drag(
    drag: On<Pointer<DragStart>>,
    products: Query<&ProductEntity>,
    cameras: MainCameraQuery,
    live: Res<LiveState>,
    mut state: ResMut<DragState>,
    mut selection: ResMut<Selection>,
    mut capture: ResMut<PointerCapture>,
    tool: Option<Res<PlanTool>>,
) {
    // While walls are drawn, a press over furniture places a corner, it does not move it.
    let drawing = tool.is_some_and(|tool| tool.is_drawing());
    if drag.button != PointerButton::Primary || drawing {
        return;
    }
    let Ok(product) = products.get(drag.entity) else {
        return;
    };
    let Some(placement) = live.checker.product(&product.id) else {
        return;
    };
    let Ok((camera, camera_transform)) = cameras.single() else {
        return;
    };
    let height_m = drag.hit.position.map_or(0.0, |hit| hit.y);
    let Some(grabbed) = plan_point_under(
        camera,
        camera_transform,
        drag.pointer_location.position,
        height_m,
    ) else {
        return;
    };
    let centre = placement.footprint.centre;
    state.active = Some(ActiveDrag {
        id: product.id.clone(),
        offset: (
            centre.x.round() as i64 - grabbed.x.0,
            centre.y.round() as i64 - grabbed.y.0,
        ),
        height_m,
        rotation_deg: crate::scene::products::rotation_deg(placement),
        moved: false,
    });
    *selection = Selection::Product(product.id.clone());
    *capture = PointerCapture::ProductDrag;
}

#[allow(clippy::too_many_arguments)]
pub(crate) fn continue_drag(
    drag: On<Pointer<Drag>>,
    products: Query<(), With<ProductEntity>>,
    cameras: MainCameraQuery,
    keys: Res<ButtonInput<KeyCode>>,
    document: Res<Document>,
    live: Res<LiveState>,
    mut state: ResMut<DragState>,
    mut edits: MessageWriter<EditRequested>,
) {
    // The event bubbles from the part hit up to its product: act once, at the product.
    if !products.contains(drag.entity) {
        return;
    }
    let Some(active) = state.active.as_mut() else {
        return;
    };
    let Ok((camera, camera_transform)) = cameras.single() else {
        return;
    };
    let Some(under) = plan_point_under(
        camera,
        camera_transform,
        drag.pointer_location.position,
        active.height_m,
    ) else {
        return;
    };
    let wanted = PointMm::new(under.x.0 + active.offset.0, under.y.0 + active.offset.1);
    let (position, rotation_deg) = if snapping_disabled(&keys) {
        (wanted, active.rotation_deg)
    } else {
        let snapped = snap_product(
            &live.checker,
            &document.layout,
            &active.id,
            wanted,
            active.rotation_deg,
            &SnapSettings::default(),
        );
        (snapped.position, snapped.rotation_deg)
    };
    edits.write(EditRequested {
        edit: Edit::MoveProduct {
            id: active.id.clone(),
            position,
            rotation_deg,
        },
        gesture: if active.moved {
            Gesture::Continue
        } else {
            Gesture::Start
        },
    });
    active.moved = true;
}

pub(crate) fn end_drag(
    drag: On<Pointer<DragEnd>>,
    products: Query<(), With<ProductEntity>>,
    mut state: ResMut<DragState>,
    mut capture: ResMut<PointerCapture>,
) {
    if !products.contains(drag.entity) {
        return;
    }
    state.active = None;
    *capture = PointerCapture::Free;
}
