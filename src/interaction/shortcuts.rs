//! Keyboard shortcuts of the 3D view (ignored while a text field has the keyboard):
//! Ctrl+Z undo, Ctrl+Shift+Z / Ctrl+Y redo, R / Shift+R turn by 15°, arrows nudge by 10 mm
//! (Shift: 100 mm), P plan view, F fit the layout, F11 customer view, Ctrl+N/O/S files. Escape and Delete act on any selection
//! ([`crate::editor::keys`]); Ctrl+C/V/D are the clipboard's ([`super::clipboard`]). Every press
//! counts, in order, however slow the frame ([`crate::editor::keystrokes`]).

use crate::document::{Document, EditRequested, RedoRequested, UndoRequested};
use crate::editor::keystrokes::Keystrokes;
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
    strokes: Res<Keystrokes>,
    egui_input: Option<Res<EguiWantsInput>>,
    document: Res<Document>,
    selection: Res<Selection>,
    mut out: ShortcutOutputs,
) {
    if egui_input.is_some_and(|input| input.wants_any_keyboard_input()) {
        return;
    }
    for stroke in strokes.this_frame.iter().filter(|stroke| stroke.command) {
        match (stroke.key, stroke.shift) {
            (KeyCode::KeyZ, false) => {
                out.undo.write(UndoRequested);
            }
            (KeyCode::KeyZ, true) | (KeyCode::KeyY, _) => {
                out.redo.write(RedoRequested);
            }
            (KeyCode::KeyS, shift) => {
                out.files.write(if shift {
                    FileRequested::SaveAs
                } else {
                    FileRequested::Save
                });
            }
            (KeyCode::KeyO, _) => {
                out.files.write(FileRequested::Open);
            }
            (KeyCode::KeyN, _) => {
                out.files.write(FileRequested::New);
            }
            _ => {}
        }
    }
    for _ in strokes.plain(KeyCode::KeyP) {
        out.view.write(ViewToggleRequested);
    }
    for _ in strokes.plain(KeyCode::KeyF) {
        out.view_options.write(ViewRequested::Fit);
    }
    for _ in strokes.plain(KeyCode::F11) {
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
    let mut position = placed.position;
    let mut rotation_deg = placed.rotation;
    for stroke in strokes.this_frame.iter().filter(|stroke| !stroke.command) {
        let nudge = if stroke.shift { 100 } else { 10 };
        match stroke.key {
            KeyCode::KeyR => {
                let step = if stroke.shift {
                    -ROTATION_STEP_DEG
                } else {
                    ROTATION_STEP_DEG
                };
                rotation_deg = snap_angle(rotation_deg + step);
            }
            KeyCode::ArrowLeft => position = PointMm::new(position.x.0 - nudge, position.y.0),
            KeyCode::ArrowRight => position = PointMm::new(position.x.0 + nudge, position.y.0),
            KeyCode::ArrowUp => position = PointMm::new(position.x.0, position.y.0 + nudge),
            KeyCode::ArrowDown => position = PointMm::new(position.x.0, position.y.0 - nudge),
            _ => {}
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
