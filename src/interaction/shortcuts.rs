//! Keyboard shortcuts of the 3D view (ignored while a text field has the keyboard):
//! Ctrl+Z undo, Ctrl+Shift+Z / Ctrl+Y redo, R / Shift+R turn by 15°, arrows nudge by 10 mm
//! (Shift: 100 mm), P plan view, Ctrl+N/O/S files. Escape and Delete act on any selection
//! ([`crate::editor::keys`]); Ctrl+C/V/D are the clipboard's ([`super::clipboard`]).

use crate::document::{Document, EditRequested, RedoRequested, UndoRequested};
use crate::editor::keys::command_held;
use crate::editor::selection::Selection;
use crate::files::FileRequested;
use crate::interaction::rotate::{ROTATION_STEP_DEG, snap_angle};
use crate::viewport::camera::{ViewRequested, ViewToggleRequested};
use bevy::prelude::*;
use bevy_egui::input::EguiWantsInput;
use room_planner_core::domain::editing::Edit;
use room_planner_core::domain::values::units::PointMm;

/// Everything a shortcut can ask for.
#[derive(bevy::ecs::system::SystemParam)]
pub(crate) struct ShortcutOutputs<'w> {
    edits: MessageWriter<'w, EditRequested>,
    undo: MessageWriter<'w, UndoRequested>,
    redo: MessageWriter<'w, RedoRequested>,
    files: MessageWriter<'w, FileRequested>,
    view: MessageWriter<'w, ViewToggleRequested>,
    view_options: MessageWriter<'w, ViewRequested>,
}

pub(crate) fn keyboard_shortcuts(
    keys: Res<ButtonInput<KeyCode>>,
    egui_input: Option<Res<EguiWantsInput>>,
    document: Res<Document>,
    selection: Res<Selection>,
    mut out: ShortcutOutputs,
) {
    if egui_input.is_some_and(|input| input.wants_any_keyboard_input()) {
        return;
    }
    let ctrl = command_held(&keys);
    let shift = keys.any_pressed([KeyCode::ShiftLeft, KeyCode::ShiftRight]);
    if ctrl {
        if keys.just_pressed(KeyCode::KeyZ) && !shift {
            out.undo.write(UndoRequested);
        } else if (keys.just_pressed(KeyCode::KeyZ) && shift) || keys.just_pressed(KeyCode::KeyY) {
            out.redo.write(RedoRequested);
        } else if keys.just_pressed(KeyCode::KeyS) {
            out.files.write(if shift {
                FileRequested::SaveAs
            } else {
                FileRequested::Save
            });
        } else if keys.just_pressed(KeyCode::KeyO) {
            out.files.write(FileRequested::Open);
        } else if keys.just_pressed(KeyCode::KeyN) {
            out.files.write(FileRequested::New);
        }
    } else if keys.just_pressed(KeyCode::KeyP) {
        out.view.write(ViewToggleRequested);
    } else if keys.just_pressed(KeyCode::KeyF) {
        out.view_options.write(ViewRequested::Fit);
    } else if keys.just_pressed(KeyCode::F11) {
        out.view_options.write(ViewRequested::Presentation);
    }
    let Some(placed) = selection.product().and_then(|id| {
        document
            .layout
            .products
            .iter()
            .find(|placed| &placed.id == id)
    }) else {
        return;
    };
    if ctrl {
        return;
    }
    let mut position = placed.position;
    let mut rotation_deg = placed.rotation;
    if keys.just_pressed(KeyCode::KeyR) {
        let step = if shift {
            -ROTATION_STEP_DEG
        } else {
            ROTATION_STEP_DEG
        };
        rotation_deg = snap_angle(rotation_deg + step);
    }
    let nudge = if shift { 100 } else { 10 };
    for (key, dx, dy) in [
        (KeyCode::ArrowLeft, -nudge, 0),
        (KeyCode::ArrowRight, nudge, 0),
        (KeyCode::ArrowUp, 0, nudge),
        (KeyCode::ArrowDown, 0, -nudge),
    ] {
        if keys.just_pressed(key) {
            position = PointMm::new(position.x.0 + dx, position.y.0 + dy);
        }
    }
    if position != placed.position || rotation_deg != placed.rotation {
        out.edits.write(EditRequested::single(Edit::MoveProduct {
            id: placed.id.clone(),
            position,
            rotation_deg,
        }));
    }
}
