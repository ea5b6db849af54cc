//! Adding products from the catalog: "Add" puts one in the middle of the view's room, and a
//! product dragged from the catalog lands where it is dropped.

use crate::document::{Document, EditRequested};
use crate::interaction::ground::{MainCameraQuery, plan_point_under};
use crate::interaction::selection::Selection;
use crate::live::LiveState;
use crate::viewport::camera::OrbitCamera;
use crate::world_units::plan_of;
use bevy::prelude::*;
use geo::{Centroid, Contains};
use room_planner_core::domain::edits::Edit;
use room_planner_core::domain::ids::ProductId;
use room_planner_core::domain::plan::PlacedProduct;
use room_planner_core::domain::units::PointMm;
use rust_decimal::Decimal;

/// A request to place a new product.
#[derive(Message, Debug, Clone)]
pub struct PlaceRequested {
    /// The catalog product.
    pub product: ProductId,
    /// Where it was dropped (window position), or `None` for the middle of the view.
    pub dropped_at: Option<Vec2>,
}

/// Turns placement requests into edits and selects the new product.
pub(crate) fn place_requested_products(
    mut requests: MessageReader<PlaceRequested>,
    cameras: MainCameraQuery,
    orbit: Query<&OrbitCamera>,
    document: Res<Document>,
    live: Res<LiveState>,
    mut edits: MessageWriter<EditRequested>,
    mut selection: ResMut<Selection>,
) {
    let mut taken = Vec::new();
    for request in requests.read() {
        let dropped = request.dropped_at.and_then(|window_position| {
            let (camera, camera_transform) = cameras.single().ok()?;
            plan_point_under(camera, camera_transform, window_position, 0.0)
        });
        let position = dropped.unwrap_or_else(|| middle_of_view(&orbit, &live));
        let mut id = document.layout.next_product_id();
        // Several requests in one frame must not reuse an id.
        while taken.contains(&id) {
            id = room_planner_core::domain::ids::ProductInstanceId(format!("{id}-{}", taken.len()));
        }
        taken.push(id.clone());
        edits.write(EditRequested::single(Edit::AddProduct(PlacedProduct {
            id: id.clone(),
            product: request.product.clone(),
            options: Default::default(),
            position,
            rotation: 0.0,
            elevation: None,
            discount_percent: Decimal::ZERO,
        })));
        selection.0 = Some(id);
    }
}

/// The centre of the room the camera looks at, or the camera's focus point.
fn middle_of_view(orbit: &Query<&OrbitCamera>, live: &LiveState) -> PointMm {
    let focus = orbit
        .single()
        .map_or(PointMm::default(), |camera| plan_of(camera.focus));
    let point = geo::Point::new(focus.x.as_f64(), focus.y.as_f64());
    let room = live
        .checker
        .rooms()
        .iter()
        .find(|room| room.polygon().contains(&point))
        .or_else(|| live.checker.rooms().first());
    room.and_then(|room| room.polygon().centroid())
        .map_or(focus, |centre| {
            PointMm::new(centre.x().round() as i64, centre.y().round() as i64)
        })
}
