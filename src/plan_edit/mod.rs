//! Editing the room itself in the plan view: drawing walls, selecting and dragging walls, wall
//! ends and openings, naming rooms. Tools send edits like everything else; the document
//! plugin applies them.

pub mod drag_structure;
pub mod draw_walls;
pub mod overlay;

use crate::AppSystems;
use crate::document::{Document, RedoRequested, ReplaceRequested, UndoRequested};
use crate::interaction::selection::Selection;
use bevy::prelude::*;
use room_planner_core::domain::drawing::room_keys;
use room_planner_core::domain::editing::wall_drawing::SnappedCorner;
use room_planner_core::domain::layout::room_templates::WallBuild;
use room_planner_core::domain::values::ids::{OpeningId, WallId};
use room_planner_core::domain::values::units::PointMm;

/// The plan view's tool.
#[derive(Resource, Debug, Default, Clone, PartialEq)]
pub enum PlanTool {
    /// Select and drag (products, walls, openings, rooms).
    #[default]
    Select,
    /// Draw walls by clicking corners.
    DrawWalls(WallDraft),
}

/// A chain of walls being drawn.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct WallDraft {
    /// Corners placed so far; each corner after the first ended a wall.
    pub corners: Vec<PointMm>,
    /// Where the next corner would go, under the pointer.
    pub next: Option<SnappedCorner>,
    /// A length being typed for the next wall.
    pub typed: String,
    /// Walls added by this chain (the first starts an undo step, the rest join it).
    pub walls_added: usize,
    /// Seconds (app time) of the last click, for double-click detection.
    pub last_click_s: Option<f64>,
}

/// Thickness and height of newly drawn walls (the same build-up a room template uses).
#[derive(Resource, Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct WallDefaults(pub WallBuild);

/// The selected piece of structure, if any (products are selected with [`Selection`]).
#[derive(Resource, Debug, Default, Clone, PartialEq, Eq)]
pub struct StructureSelection(pub Option<StructurePick>);

/// A piece of structure that can be selected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StructurePick {
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

/// The plan-editing plugin (the tools need a pointer; tests drive them with [`draw_walls::ToolInput`]).
pub fn plugin(app: &mut App) {
    app.init_resource::<PlanTool>()
        .init_resource::<Selection>()
        .add_message::<draw_walls::ToolInput>()
        .init_resource::<WallDefaults>()
        .init_resource::<StructureSelection>()
        .init_resource::<drag_structure::StructureDrag>()
        .add_observer(drag_structure::observe_new_structure)
        .add_systems(
            Update,
            (
                draw_walls::toggle_wall_tool,
                draw_walls::gather_tool_input,
                draw_walls::run_wall_tool,
                drag_structure::continue_structure_drag,
                drag_structure::delete_selected_structure,
            )
                .chain()
                .in_set(AppSystems::Input),
        )
        .add_systems(
            Update,
            (
                forget_gestures_on_history_jumps,
                one_selection_at_a_time,
                forget_deleted_structure,
                overlay::draw_tool_overlay,
            )
                .chain()
                .in_set(AppSystems::Highlight),
        );
}

/// Selecting a product drops the structure selection and the other way round; drawing walls
/// drops both (so Backspace while typing a length deletes nothing).
fn one_selection_at_a_time(
    tool: Res<PlanTool>,
    mut products: ResMut<Selection>,
    mut structure: ResMut<StructureSelection>,
) {
    if matches!(*tool, PlanTool::DrawWalls(_)) {
        if products.0.is_some() {
            products.0 = None;
        }
        if structure.0.is_some() {
            structure.0 = None;
        }
    } else if products.is_changed() && products.0.is_some() && structure.0.is_some() {
        structure.0 = None;
    } else if structure.is_changed() && structure.0.is_some() && products.0.is_some() {
        products.0 = None;
    }
}

/// Undo, redo or another layout end a wall chain or drag in progress: its next step would
/// otherwise start from walls that are no longer there.
fn forget_gestures_on_history_jumps(
    mut undos: MessageReader<UndoRequested>,
    mut redos: MessageReader<RedoRequested>,
    mut replacements: MessageReader<ReplaceRequested>,
    mut tool: ResMut<PlanTool>,
    mut drag: ResMut<drag_structure::StructureDrag>,
) {
    let jumped = undos.read().count() + redos.read().count() + replacements.read().count() > 0;
    if !jumped {
        return;
    }
    if let PlanTool::DrawWalls(draft) = &mut *tool
        && !draft.corners.is_empty()
    {
        *draft = WallDraft::default();
    }
    drag.cancel();
}

/// Drops the structure selection when what it names is gone (deleted, undone).
fn forget_deleted_structure(
    mut selection: ResMut<StructureSelection>,
    document: Res<Document>,
    live: Res<crate::live::LiveState>,
) {
    let layout = &document.layout;
    let exists = match &selection.0 {
        None => true,
        Some(StructurePick::Wall(id)) => layout.wall(id).is_some(),
        Some(StructurePick::Opening(id)) => layout.opening(id).is_some(),
        Some(StructurePick::Room { wall, left }) => {
            room_keys::room_on_side(live.checker.structure(), wall, *left).is_some()
        }
    };
    if !exists {
        selection.0 = None;
    }
}
