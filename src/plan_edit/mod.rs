//! Editing the room itself in the plan view: drawing walls, selecting and dragging walls, wall
//! ends and openings. Tools send edits like everything else; the document plugin applies them.
//! What they select and the tool that is on live in [`crate::editor`].

pub mod drag_structure;
pub mod draw_walls;
pub mod overlay;

use crate::AppSystems;
use crate::document::{RedoRequested, ReplaceRequested, UndoRequested};
use crate::editor::tool::{PlanTool, WallDraft};
use bevy::prelude::*;

/// The plan-editing plugin (the tools need a pointer; tests drive them with [`draw_walls::ToolInput`]).
pub fn plugin(app: &mut App) {
    // Registered by the window plugin; headless apps need it for the wall tool to read.
    app.add_message::<bevy::window::WindowEvent>()
        .add_message::<draw_walls::ToolInput>()
        .init_resource::<drag_structure::StructureDrag>()
        .add_plugins(drag_structure::observe_structure)
        .add_systems(
            Update,
            (
                draw_walls::toggle_wall_tool,
                draw_walls::gather_tool_input,
                draw_walls::run_wall_tool,
                drag_structure::continue_structure_drag,
            )
                .chain()
                .in_set(AppSystems::Input),
        )
        .add_systems(
            Update,
            (forget_gestures_on_history_jumps, overlay::draw_tool_overlay)
                .chain()
                .in_set(AppSystems::Highlight),
        );
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
