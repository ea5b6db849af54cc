//! Pointer and keyboard interaction with the 3D view: selecting, dragging with snapping,
//! rotating (keys and a handle), placing from the catalog, shortcuts.

pub mod clipboard;
pub mod drag;
pub mod placing;
pub mod rotate;
pub mod selection;
pub mod shortcuts;

use crate::AppSystems;
use bevy::prelude::*;

/// The interaction plugin (GUI only).
pub(crate) fn plugin(app: &mut App) {
    app.add_plugins(clipboard::plugin)
        .init_resource::<drag::DragState>()
        .add_message::<placing::PlaceRequested>()
        .add_plugins(selection::plugin)
        .add_systems(
            Update,
            (
                shortcuts::keyboard_shortcuts,
                placing::place_requested_products,
                rotate::update_rotate_handle,
            )
                .in_set(AppSystems::Input),
        )
        .add_systems(
            Update,
            selection::draw_selection.in_set(AppSystems::Highlight),
        );
}
