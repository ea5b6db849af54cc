//! Copy, paste and duplicate of products. A copy lands beside its original in free floor
//! space (no other product, no wall, still in the room), trying the sides first, then further
//! out; a paste when the original is gone or out of view lands in the middle of the view.

use crate::AppSystems;
use crate::document::{Document, EditRequested};
use crate::editor::keystrokes::Keystrokes;
use crate::editor::selection::Selection;
use crate::live::LiveState;
use crate::notices::Notices;
use crate::viewport::camera::OrbitCamera;
use crate::world_units::plan_of;
use bevy::prelude::*;
use bevy_egui::input::EguiWantsInput;
use room_planner_core::domain::editing::Edit;
use room_planner_core::domain::geometry::{Coord, OrientedRect, convex_overlap_depth};
use room_planner_core::domain::layout::{Layout, PlacedProduct};
use room_planner_core::domain::measured::ProductPlacement;
use room_planner_core::domain::values::ids::ProductInstanceId;
use room_planner_core::domain::values::units::PointMm;

/// Space left between a copy and its original (mm).
const GAP_MM: f64 = 100.0;
/// Spacing of the spots tried (mm).
const GRID_MM: f64 = 100.0;
/// How far beyond its own size a copy may land from where it started (mm).
const SEARCH_MM: f64 = 3000.0;

/// The product copied with Ctrl+C, as it was then.
#[derive(Resource, Debug, Default, Clone)]
pub struct Clipboard(pub Option<PlacedProduct>);

/// A request to place a copy of a product beside it (Ctrl+D, the menu, the sidebar).
#[derive(Message, Debug, Clone, PartialEq, Eq)]
pub struct DuplicateRequested(pub ProductInstanceId);

/// The clipboard and its keys: Ctrl+C copies the selected product, Ctrl+V pastes it, Ctrl+D
/// duplicates the selected product.
pub fn plugin(app: &mut App) {
    app.init_resource::<Clipboard>()
        .add_message::<DuplicateRequested>()
        .add_systems(
            Update,
            (clipboard_keys, duplicate_requested)
                .chain()
                .in_set(AppSystems::Input),
        );
}

/// Places each requested duplicate beside its original and selects it.
fn duplicate_requested(
    mut requests: MessageReader<DuplicateRequested>,
    document: Res<Document>,
    live: Res<LiveState>,
    mut selection: ResMut<Selection>,
    mut edits: MessageWriter<EditRequested>,
    mut notices: ResMut<Notices>,
) {
    let layout = &document.layout;
    // One per frame: the next id is only free once the document applied the first copy.
    let Some(DuplicateRequested(id)) = requests.read().last() else {
        return;
    };
    let Some(placed) = layout.products.iter().find(|placed| &placed.id == id) else {
        notices.error(format!(
            "Nothing to duplicate: {id} is no longer in the layout"
        ));
        return;
    };
    let copy = copy_at_free_spot(placed, layout, &live, placed.position, false);
    place_copy(copy, &live, &mut selection, &mut edits, &mut notices);
}

fn place_copy(
    (copy, free): (PlacedProduct, bool),
    live: &LiveState,
    selection: &mut Selection,
    edits: &mut MessageWriter<EditRequested>,
    notices: &mut Notices,
) {
    if !free {
        let name = live
            .checker
            .product(&copy.id)
            .or_else(|| {
                live.checker
                    .products()
                    .find(|p| p.product_id == copy.product)
            })
            .map_or_else(
                || copy.product.to_string(),
                |placement| placement.name.clone(),
            );
        notices.info(format!(
            "No free floor near the {name}: the copy overlaps other furniture until you move it"
        ));
    }
    *selection = Selection::Product(copy.id.clone());
    edits.write(EditRequested::single(Edit::AddProduct(copy)));
}

#[allow(clippy::too_many_arguments)]
fn clipboard_keys(
    strokes: Res<Keystrokes>,
    egui_input: Option<Res<EguiWantsInput>>,
    document: Res<Document>,
    live: Res<LiveState>,
    orbit: Query<&OrbitCamera>,
    mut clipboard: ResMut<Clipboard>,
    mut selection: ResMut<Selection>,
    mut duplicates: MessageWriter<DuplicateRequested>,
    mut edits: MessageWriter<EditRequested>,
    mut notices: ResMut<Notices>,
) {
    // Read from the presses as they came, so a Ctrl+V inside one slow frame still pastes; a
    // second paste waits for the next frame (its id is free only once the first is applied).
    let pressed = |key: KeyCode| strokes.with_command(key).next().is_some();
    if egui_input.is_some_and(|input| input.wants_any_keyboard_input()) {
        return;
    }
    let layout = &document.layout;
    let selected = selection
        .product()
        .and_then(|id| layout.products.iter().find(|placed| &placed.id == id));
    if pressed(KeyCode::KeyD) {
        if let Some(placed) = selected {
            duplicates.write(DuplicateRequested(placed.id.clone()));
        }
        return;
    }
    let copy = if pressed(KeyCode::KeyC) {
        if let Some(placed) = selected {
            clipboard.0 = Some(placed.clone());
            let name = live
                .checker
                .product(&placed.id)
                .map_or("the product", |p| p.name.as_str());
            notices.info(format!("Copied {name}"));
        }
        None
    } else if pressed(KeyCode::KeyV) {
        let Some(copied) = clipboard.0.as_ref() else {
            notices.info("Nothing to paste: copy a product first (Ctrl+C)");
            return;
        };
        let view = orbit
            .single()
            .ok()
            .map(|camera| (plan_of(camera.focus), camera.distance));
        Some(paste(copied, layout, &live, view))
    } else {
        None
    };
    if let Some(copy) = copy {
        place_copy(copy, &live, &mut selection, &mut edits, &mut notices);
    }
}

/// Where a paste lands: beside the original while it is in view, else in the middle of the
/// view (`view`: the point looked at and the camera's distance in metres).
#[must_use]
pub fn paste(
    copied: &PlacedProduct,
    layout: &Layout,
    live: &LiveState,
    view: Option<(PointMm, f32)>,
) -> (PlacedProduct, bool) {
    let original = live
        .checker
        .product(&copied.id)
        .map(|placed| placed.position);
    let in_view = |position: PointMm| {
        view.is_none_or(|(focus, distance_m)| {
            let (dx, dy) = (
                (position.x.0 - focus.x.0) as f64,
                (position.y.0 - focus.y.0) as f64,
            );
            dx.hypot(dy) <= f64::from(distance_m) * 1000.0 * 0.6
        })
    };
    match (original, view) {
        (Some(position), _) if in_view(position) => {
            copy_at_free_spot(copied, layout, live, position, false)
        }
        (_, Some((focus, _))) => copy_at_free_spot(copied, layout, live, focus, true),
        (_, None) => copy_at_free_spot(copied, layout, live, copied.position, true),
    }
}

/// A copy of `placed` with a fresh id, placed at the first free spot around `around` (the
/// original's centre for a duplicate, the view's middle for a paste elsewhere); true when
/// the spot is free, false when the copy had to go where it overlaps other products.
#[must_use]
pub fn copy_at_free_spot(
    placed: &PlacedProduct,
    layout: &Layout,
    live: &LiveState,
    around: PointMm,
    try_the_spot_itself: bool,
) -> (PlacedProduct, bool) {
    let (position, free) = live
        .checker
        .product(&placed.id)
        .map(|placement| {
            let mut footprint = placement.footprint;
            footprint.centre = Coord {
                x: around.x.as_f64(),
                y: around.y.as_f64(),
            };
            free_spot(&footprint, placement, live, try_the_spot_itself)
        })
        .unwrap_or_else(|| (PointMm::new(around.x.0 + 300, around.y.0 - 300), false));
    let copy = PlacedProduct {
        id: layout.next_product_id(),
        position,
        ..placed.clone()
    };
    (copy, free)
}

/// The nearest spot for `footprint` of `original` (moved beside itself, or kept where it is
/// when `try_the_spot_itself`) that overlaps no other product at its height, no wall, and
/// lies in a room when the layout has rooms; true when it is free.
/// Where no spot is free, the least crowded one in a room.
pub fn free_spot(
    footprint: &OrientedRect,
    original: &ProductPlacement,
    live: &LiveState,
    try_the_spot_itself: bool,
) -> (PointMm, bool) {
    // Candidates on a 100 mm grid in the product's own axes, nearest first; sideways (along
    // the wall it may stand at) counts as nearer than forwards.
    let reach_mm = footprint.half_width.max(footprint.half_depth) * 2.0 + SEARCH_MM;
    let steps = (reach_mm / GRID_MM).ceil() as i64;
    let mut offsets: Vec<(f64, f64)> = (-steps..=steps)
        .flat_map(|along| (-steps..=steps).map(move |across| (along, across)))
        .map(|(along, across)| (along as f64 * GRID_MM, across as f64 * GRID_MM))
        .filter(|&(along, across)| {
            let beside = along.abs() >= footprint.half_width * 2.0 + GAP_MM
                || across.abs() >= footprint.half_depth * 2.0 + GAP_MM;
            beside || (try_the_spot_itself && along == 0.0 && across == 0.0)
        })
        .collect();
    offsets.sort_by(|a, b| {
        let cost = |(along, across): &(f64, f64)| along.hypot(across * 1.5);
        cost(a).total_cmp(&cost(b))
    });
    let at = |(along, across): (f64, f64)| {
        let mut moved = *footprint;
        moved.centre = Coord {
            x: footprint.centre.x + footprint.along.x * along + footprint.across.x * across,
            y: footprint.centre.y + footprint.along.y * along + footprint.across.y * across,
        };
        moved
    };
    // The first free spot; where there is none, the least crowded one in a room.
    let mut least: Option<(f64, OrientedRect)> = None;
    for candidate in offsets.iter().map(|offset| at(*offset)) {
        match crowding(&candidate, original, live, try_the_spot_itself) {
            Some(depth) if depth <= 0.0 => return (to_point(&candidate), true),
            Some(depth) if least.is_none_or(|(fewest, _)| depth < fewest) => {
                least = Some((depth, candidate));
            }
            _ => {}
        }
    }
    let fallback = least.map_or_else(
        || at((footprint.half_width * 2.0 + GAP_MM, 0.0)),
        |(_, candidate)| candidate,
    );
    (to_point(&fallback), false)
}

fn to_point(footprint: &OrientedRect) -> PointMm {
    PointMm::new(
        footprint.centre.x.round() as i64,
        footprint.centre.y.round() as i64,
    )
}

/// How crowded a spot is: `None` where the copy cannot stand (in a wall, out of the rooms, on
/// its original), else how deep it reaches into other products (0 when the spot is free).
fn crowding(
    candidate: &OrientedRect,
    copied: &ProductPlacement,
    live: &LiveState,
    original_counts: bool,
) -> Option<f64> {
    let corners = candidate.corners();
    let original = &copied.id;
    // The original is where the copy starts from: it may not overlap it either.
    if !original_counts && convex_overlap_depth(&corners, &copied.footprint.corners()).is_some() {
        return None;
    }
    let structure = live.checker.structure();
    // The wall solids: walls without their doorways, as the wall rule measures them.
    let on_walls = structure.wall_solids.iter().any(|solid| {
        copied.bottom_mm < solid.top_mm
            && convex_overlap_depth(&corners, &solid.footprint).is_some()
    });
    let in_a_room = structure.rooms.is_empty()
        || structure.rooms.iter().any(|room| {
            let floor = room.polygon();
            // Corners pulled 2 mm inwards: a product backed onto a wall touches the floor's edge.
            corners.iter().all(|corner| {
                let inwards = candidate.centre - *corner;
                let pull = 2.0 / inwards.x.hypot(inwards.y).max(1.0);
                let point = *corner + inwards * pull;
                geo::Contains::contains(&floor, &geo::Point::new(point.x, point.y))
            })
        });
    if on_walls || !in_a_room {
        return None;
    }
    // The access space it needs in front, and that the others need in front of them.
    let own_front = (copied.front_clearance.0 > 0).then(|| {
        candidate
            .front_zone(copied.front_clearance.as_f64())
            .corners()
    });
    if let Some(front) = &own_front
        && structure
            .wall_solids
            .iter()
            .any(|solid| convex_overlap_depth(front, &solid.footprint).is_some())
    {
        return None;
    }
    // Only what shares the copy's heights is in its way (a wall lamp is not, over a sofa).
    let others = || {
        live.checker
            .products()
            .filter(move |other| original_counts || &other.id != original)
    };
    let on_products: f64 = others()
        .filter(|other| copied.overlaps_vertically(other))
        .filter_map(|other| convex_overlap_depth(&corners, &other.footprint.corners()))
        .sum();
    let in_front_of_others: f64 = others()
        .filter(|other| other.front_clearance.0 > 0)
        .filter_map(|other| {
            let zone = other.footprint.front_zone(other.front_clearance.as_f64());
            convex_overlap_depth(&corners, &zone.corners())
        })
        .sum();
    let blocking_own_front: f64 = own_front.map_or(0.0, |front| {
        others()
            .filter_map(|other| convex_overlap_depth(&front, &other.footprint.corners()))
            .sum()
    });
    Some(on_products + in_front_of_others + blocking_own_front)
}
