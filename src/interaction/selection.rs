//! What is selected: clicking a product selects it (it gets an outline). Walls, openings and
//! floors are selected by the plan-editing plugin.

use crate::document::Document;
use crate::interaction::drag;
use crate::live::LiveState;
use crate::scene::products::ProductEntity;
use crate::theme;
use crate::world_units::{metres_of, world_point, world_rotation};
use bevy::prelude::*;
use room_planner_core::domain::values::ids::ProductInstanceId;

/// The selected product, if any.
#[derive(Resource, Debug, Default, Clone, PartialEq, Eq)]
pub struct Selection(pub Option<ProductInstanceId>);

/// Gives every new product entity its pointer handlers.
pub(crate) fn observe_new_products(added: On<Add, ProductEntity>, mut commands: Commands) {
    commands
        .entity(added.entity)
        .observe(select_on_click)
        .observe(drag::start_drag)
        .observe(drag::continue_drag)
        .observe(drag::end_drag);
}

fn select_on_click(
    click: On<Pointer<Click>>,
    products: Query<&ProductEntity>,
    tool: Option<Res<crate::plan_edit::PlanTool>>,
    mut selection: ResMut<Selection>,
) {
    let drawing = tool.is_some_and(|tool| *tool != crate::plan_edit::PlanTool::Select);
    if click.button != PointerButton::Primary || drawing {
        return;
    }
    if let Ok(product) = products.get(click.entity) {
        selection.0 = Some(product.id.clone());
    }
}

/// Drops the selection when its product no longer exists (deleted, undone).
pub(crate) fn forget_deleted_selection(mut selection: ResMut<Selection>, document: Res<Document>) {
    if let Some(id) = &selection.0
        && !document
            .layout
            .products
            .iter()
            .any(|placed| &placed.id == id)
    {
        selection.0 = None;
    }
}

/// Draws an outline box around the selected product.
pub(crate) fn draw_selection(selection: Res<Selection>, live: Res<LiveState>, mut gizmos: Gizmos) {
    let Some(id) = &selection.0 else { return };
    let Some(placement) = live.checker.product(id) else {
        return;
    };
    let size = Vec3::new(
        metres_of(placement.dimensions.width),
        metres_of(placement.dimensions.height),
        metres_of(placement.dimensions.depth),
    ) + Vec3::splat(0.03);
    let centre = placement.footprint.centre;
    let middle = world_point(centre.x, centre.y, placement.bottom_mm) + Vec3::Y * size.y / 2.0;
    let rotation = world_rotation(crate::scene::products::rotation_deg(placement));
    gizmos.cube(
        Transform::from_translation(middle)
            .with_rotation(rotation)
            .with_scale(size),
        theme::SELECTION,
    );
}
