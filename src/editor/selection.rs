//! What is selected: one thing at a time (a product, a wall, a door or window, a room) or
//! nothing. Clicks in the 3D or plan view, the sidebar and the keys all write this one resource.

use crate::document::Document;
use crate::editor::tool::PlanTool;
use crate::live::LiveState;
use bevy::prelude::*;
use room_planner_core::domain::drawing::room_keys;
use room_planner_core::domain::values::ids::{OpeningId, ProductInstanceId, WallId};

/// The one selection of the editor.
#[derive(Resource, Debug, Default, Clone, PartialEq, Eq)]
pub enum Selection {
    /// Nothing is selected.
    #[default]
    Nothing,
    /// A placed product.
    Product(ProductInstanceId),
    /// A wall.
    Wall(WallId),
    /// A door or window.
    Opening(OpeningId),
    /// A room, known by one of its walls and the side of that wall it lies on.
    Room {
        /// A wall bounding the room.
        wall: WallId,
        /// True when the room is on the wall's left.
        left: bool,
    },
}

impl Selection {
    /// The selected product, if a product is selected.
    #[must_use]
    pub fn product(&self) -> Option<&ProductInstanceId> {
        match self {
            Self::Product(id) => Some(id),
            _ => None,
        }
    }

    /// True when nothing is selected.
    #[must_use]
    pub fn is_nothing(&self) -> bool {
        *self == Self::Nothing
    }

    /// True when the selection names something the layout has.
    #[must_use]
    pub fn exists_in(&self, document: &Document, live: &LiveState) -> bool {
        let layout = &document.layout;
        match self {
            Self::Nothing => true,
            Self::Product(id) => layout.products.iter().any(|placed| &placed.id == id),
            Self::Wall(id) => layout.wall(id).is_some(),
            Self::Opening(id) => layout.opening(id).is_some(),
            Self::Room { wall, left } => {
                room_keys::room_on_side(live.checker.structure(), wall, *left).is_some()
            }
        }
    }
}

/// Drawing walls selects nothing (so Backspace while typing a length deletes nothing).
pub(crate) fn nothing_selected_while_drawing(
    tool: Res<PlanTool>,
    mut selection: ResMut<Selection>,
) {
    if matches!(*tool, PlanTool::DrawWalls(_)) && !selection.is_nothing() {
        *selection = Selection::Nothing;
    }
}

/// Drops the selection when what it names is gone (deleted, undone, another layout).
pub(crate) fn forget_deleted_selection(
    mut selection: ResMut<Selection>,
    document: Res<Document>,
    live: Res<LiveState>,
) {
    if !selection.exists_in(&document, &live) {
        *selection = Selection::Nothing;
    }
}

/// A click on empty space (no product, wall or floor under the pointer, so the window itself
/// is hit) selects nothing; a click over the sidebar is the sidebar's.
pub(crate) fn deselect_on_empty_click(
    click: On<Pointer<Click>>,
    windows: Query<(), With<Window>>,
    tool: Res<PlanTool>,
    egui_input: Option<Res<bevy_egui::input::EguiWantsInput>>,
    mut selection: ResMut<Selection>,
) {
    let over_sidebar = egui_input.is_some_and(|input| input.is_pointer_over_area());
    if click.button == PointerButton::Primary
        && windows.contains(click.entity)
        && !tool.is_drawing()
        && !over_sidebar
        && !selection.is_nothing()
    {
        *selection = Selection::Nothing;
    }
}
