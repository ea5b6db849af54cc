//! Selecting products: clicking one selects it, and the selected product gets an outline.
//! Walls, openings and floors are selected by the plan-editing plugin.

use crate::editor::selection::Selection;
use crate::editor::tool::PlanTool;
use crate::interaction::drag;
use crate::live::LiveState;
use crate::scene::products::ProductEntity;
use crate::theme;
use crate::world_units::{metres_of, world_point, world_rotation};
use bevy::prelude::*;

/// The product pointer handlers: one observer each for every product (pointer events bubble from
/// the part hit up to its product), not four per product, which at 10,000 products were 40,000
/// observer systems.
pub(crate) fn plugin(app: &mut App) {
    app.add_observer(select_on_click)
        .add_observer(drag::start_drag)
        .add_observer(drag::continue_drag)
        .add_observer(drag::end_drag);
}

fn select_on_click(
    click: On<Pointer<Click>>,
    products: Query<&ProductEntity>,
    tool: Option<Res<PlanTool>>,
    mut selection: ResMut<Selection>,
) {
    let drawing = tool.is_some_and(|tool| tool.is_drawing());
    if click.button != PointerButton::Primary || drawing {
        return;
    }
    if let Ok(product) = products.get(click.entity) {
        *selection = Selection::Product(product.id.clone());
    }
}

/// Draws an outline box around the selected product.
pub(crate) fn draw_selection(selection: Res<Selection>, live: Res<LiveState>, mut gizmos: Gizmos) {
    let Some(id) = selection.product() else {
        return;
    };
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
