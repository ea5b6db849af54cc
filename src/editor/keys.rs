//! The keys that act on whatever is selected, handled here once for every kind of selection:
//! Escape selects nothing, Delete (or Backspace) removes the selected product, wall (with its
//! doors and windows) or door or window. While walls are drawn the wall tool has these keys.
//! Presses are read as they came ([`super::keystrokes`]), so a slow frame loses none.

use crate::document::EditRequested;
use crate::editor::keystrokes::Keystrokes;
use crate::editor::selection::Selection;
use crate::editor::tool::PlanTool;
use crate::notices::Notices;
use bevy::prelude::*;
use bevy_egui::input::EguiWantsInput;
use room_planner_core::domain::editing::Edit;

/// True while Ctrl (or the Super/Command key) is held: the modifier of every shortcut.
#[must_use]
pub fn command_held(keys: &ButtonInput<KeyCode>) -> bool {
    keys.any_pressed([
        KeyCode::ControlLeft,
        KeyCode::ControlRight,
        KeyCode::SuperLeft,
        KeyCode::SuperRight,
    ])
}

/// What Delete does to a selection: the edit, or why there is none.
#[must_use]
pub fn delete_edit(selection: &Selection) -> Option<Result<Edit, &'static str>> {
    match selection {
        Selection::Nothing => None,
        Selection::Product(id) => Some(Ok(Edit::DeleteProduct(id.clone()))),
        Selection::Wall(id) => Some(Ok(Edit::DeleteWall(id.clone()))),
        Selection::Opening(id) => Some(Ok(Edit::DeleteOpening(id.clone()))),
        Selection::Room { .. } => Some(Err(
            "A room is not deleted on its own: delete its walls, or rename it in the sidebar",
        )),
    }
}

/// Escape and Delete on the selection (ignored while a text field has the keyboard).
pub(crate) fn selection_keys(
    strokes: Res<Keystrokes>,
    egui_input: Option<Res<EguiWantsInput>>,
    tool: Res<PlanTool>,
    mut selection: ResMut<Selection>,
    mut edits: MessageWriter<EditRequested>,
    mut notices: ResMut<Notices>,
) {
    if egui_input.is_some_and(|input| input.wants_any_keyboard_input()) || tool.is_drawing() {
        return;
    }
    if strokes.pressed_plain(KeyCode::Escape) {
        *selection = Selection::Nothing;
        return;
    }
    if !strokes.pressed_plain(KeyCode::Delete) && !strokes.pressed_plain(KeyCode::Backspace) {
        return;
    }
    match delete_edit(&selection) {
        None => {}
        Some(Ok(edit)) => {
            edits.write(EditRequested::single(edit));
            *selection = Selection::Nothing;
        }
        Some(Err(why)) => notices.info(why),
    }
}
