//! Adding products from the catalog: "Add" puts one in the middle of the view's room, and a
//! product dragged from the catalog lands where it is dropped. Doors and windows go into the
//! wall nearest the drop point (or the selected wall, or the wall nearest the view's centre),
//! centred there as far as the wall allows, with the wall's thickness as their depth.

use crate::catalogs::Catalogs;
use crate::document::{Document, EditRequested};
use crate::editor::pointer::{MainCameraQuery, plan_point_under};
use crate::editor::selection::Selection;
use crate::interaction::clipboard::free_spot;
use crate::live::LiveState;
use crate::notices::Notices;
use crate::viewport::camera::OrbitCamera;
use crate::world_units::plan_of;
use bevy::prelude::*;
use geo::Contains;
use room_planner_core::domain::editing::Edit;
use room_planner_core::domain::editing::new_opening::opening_in_wall;
use room_planner_core::domain::layout::PlacedProduct;
use room_planner_core::domain::measured::ProductPlacement;
use room_planner_core::domain::values::ids::ProductId;
use room_planner_core::domain::values::units::PointMm;
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
#[allow(clippy::too_many_arguments)]
pub(crate) fn place_requested_products(
    mut requests: MessageReader<PlaceRequested>,
    cameras: MainCameraQuery,
    orbit: Query<&OrbitCamera>,
    document: Res<Document>,
    catalogs: Res<Catalogs>,
    live: Res<LiveState>,
    mut edits: MessageWriter<EditRequested>,
    mut selection: ResMut<Selection>,
    mut notices: ResMut<Notices>,
) {
    let mut taken = Vec::new();
    for request in requests.read() {
        let dropped = request.dropped_at.and_then(|window_position| {
            let (camera, camera_transform) = cameras.single().ok()?;
            plan_point_under(camera, camera_transform, window_position, 0.0)
        });
        let is_opening = catalogs
            .set
            .product(&request.product)
            .is_some_and(|(_, product)| product.kind.is_opening());
        if is_opening {
            let selected_wall = match &*selection {
                Selection::Wall(id) => Some(id.clone()),
                _ => None,
            };
            let focus = orbit
                .single()
                .map_or(PointMm::default(), |camera| plan_of(camera.focus));
            match opening_in_wall(
                &document.layout,
                &catalogs.set,
                live.checker.structure(),
                &request.product,
                dropped.or_else(|| selected_wall.is_none().then_some(focus)),
                selected_wall.as_ref(),
            ) {
                Ok(opening) => {
                    *selection = Selection::Opening(opening.id.clone());
                    edits.write(EditRequested::single(Edit::AddOpening(opening)));
                }
                Err(problem) => notices.error(problem.to_string()),
            }
            continue;
        }
        let position = dropped.unwrap_or_else(|| middle_of_view(&orbit, &live));
        let mut id = document.layout.next_product_id();
        // Several requests in one frame must not reuse an id.
        while taken.contains(&id) {
            id = room_planner_core::domain::values::ids::ProductInstanceId(format!(
                "{id}-{}",
                taken.len()
            ));
        }
        taken.push(id.clone());
        let mut placed = PlacedProduct {
            id: id.clone(),
            product: request.product.clone(),
            options: Default::default(),
            position,
            rotation: 0.0,
            elevation: None,
            discount_percent: Decimal::ZERO,
            personal: Default::default(),
        };
        // "Add" puts it on free floor near the middle of the view; a drop goes where it fell.
        if request.dropped_at.is_none()
            && let Some((_, product)) = catalogs.set.product(&request.product)
        {
            let placement = ProductPlacement::new(&placed, product);
            let (spot, _) = free_spot(&placement.footprint, &placement, &live, true);
            placed.position = spot;
        }
        edits.write(EditRequested::single(Edit::AddProduct(placed)));
        *selection = Selection::Product(id);
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
    // The label point lies in the widest part of the floor, clear of walls (the centroid of an
    // L-shaped room may sit in its inner corner).
    room.map_or(focus, |room| {
        let centre = room.label_point();
        PointMm::new(centre.x.round() as i64, centre.y.round() as i64)
    })
}
