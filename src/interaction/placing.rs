//! Adding products from the catalog: "Add" puts one in the middle of the view's room, and a
//! product dragged from the catalog lands where it is dropped. Doors and windows go into the
//! wall nearest the drop point (or the selected wall, or the wall nearest the view's centre),
//! centred there as far as the wall allows, with the wall's thickness as their depth.

use crate::catalogs::Catalogs;
use crate::document::{Document, EditRequested};
use crate::interaction::ground::{MainCameraQuery, plan_point_under};
use crate::interaction::selection::Selection;
use crate::live::LiveState;
use crate::notices::Notices;
use crate::plan_edit::{StructurePick, StructureSelection};
use crate::viewport::camera::OrbitCamera;
use crate::world_units::plan_of;
use bevy::prelude::*;
use geo::Contains;
use room_planner_core::domain::catalog::{CatalogSet, ProductKind};
use room_planner_core::domain::configuration::{Configuration, ConfigurationEngine};
use room_planner_core::domain::constraints::Structure;
use room_planner_core::domain::edits::Edit;
use room_planner_core::domain::geometry::{coord, distance_to_segment};
use room_planner_core::domain::ids::ProductId;
use room_planner_core::domain::ids::WallId;
use room_planner_core::domain::plan::{HingeSide, Layout, Opening, PlacedProduct, Swing};
use room_planner_core::domain::units::{Mm, PointMm};
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
    mut structure_selection: ResMut<StructureSelection>,
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
            let selected_wall = match &structure_selection.0 {
                Some(StructurePick::Wall(id)) => Some(id),
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
                selected_wall,
            ) {
                Ok(opening) => {
                    structure_selection.0 = Some(StructurePick::Opening(opening.id.clone()));
                    edits.write(EditRequested::single(Edit::AddOpening(opening)));
                }
                Err(problem) => notices.error(problem),
            }
            continue;
        }
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

/// A new door or window for `product` in the wall nearest `near` (or in `wall`), centred on the
/// point as far as the wall's free length allows.
///
/// # Errors
/// A message for the user: no walls, or no wall with room for it.
pub fn opening_in_wall(
    layout: &Layout,
    catalogs: &CatalogSet,
    structure: &Structure,
    product: &ProductId,
    near: Option<PointMm>,
    wall: Option<&WallId>,
) -> Result<Opening, String> {
    let Some((_, catalog_product)) = catalogs.product(product) else {
        return Err(format!("`{product}` is in no loaded catalog"));
    };
    let (configuration, _) =
        ConfigurationEngine::new(catalog_product).resolve_or_defaults(&Configuration::new());
    let width_mm = catalog_product.dimensions(&configuration).width.as_f64();
    let fits = |index: usize| {
        let geometry = &structure.walls[index];
        geometry.length - geometry.start_extension - geometry.end_extension >= width_mm
    };
    // A drop point picks the wall nearest it; otherwise the selected wall.
    let index = match (wall, near) {
        (Some(id), None) => layout
            .walls
            .iter()
            .position(|candidate| &candidate.id == id),
        (_, Some(point)) => {
            let point = coord(point);
            (0..structure.walls.len())
                .filter(|index| fits(*index))
                .min_by(|a, b| {
                    let distance = |index: usize| {
                        let geometry = &structure.walls[index];
                        distance_to_segment(point, geometry.start, geometry.end)
                    };
                    distance(*a).total_cmp(&distance(*b))
                })
        }
        (None, None) => None,
    };
    let Some(index) = index.filter(|index| *index < structure.walls.len()) else {
        return Err(format!(
            "{} needs a wall: draw walls first (Walls and rooms → Draw walls)",
            catalog_product.name
        ));
    };
    if !fits(index) {
        return Err(format!(
            "{} ({} mm wide) does not fit into wall {}",
            catalog_product.name, width_mm, layout.walls[index].id
        ));
    }
    let geometry = &structure.walls[index];
    let centre = near.map_or(geometry.length / 2.0, |point| {
        geometry.offset_of(coord(point))
    });
    // Centred on the point; AddOpening moves it to the nearest free place clear of corners
    // and other openings.
    let offset = (centre - width_mm / 2.0).max(0.0).round() as i64;
    let sill_mm = match catalog_product.kind {
        ProductKind::Window if catalog_product.elevation.0 == 0 => DEFAULT_WINDOW_SILL_MM,
        ProductKind::Window => catalog_product.elevation.0,
        _ => 0,
    };
    Ok(Opening {
        id: layout.next_opening_id(),
        product: product.clone(),
        options: Configuration::new(),
        wall: layout.walls[index].id.clone(),
        offset: Mm(offset),
        sill: Mm(sill_mm),
        hinge: HingeSide::Start,
        // A door opens into the room beside it (rooms drawn clockwise lie to the walls' right).
        swing: if structure
            .rooms
            .iter()
            .any(|room| room.sides.contains(&(index, true)))
        {
            Swing::In
        } else if structure
            .rooms
            .iter()
            .any(|room| room.sides.contains(&(index, false)))
        {
            Swing::Out
        } else {
            Swing::In
        },
    })
}

/// Sill height of a new window whose catalog entry names none (mm).
const DEFAULT_WINDOW_SILL_MM: i64 = 900;

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
