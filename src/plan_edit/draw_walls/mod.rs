//! The wall tool: click corners in the plan; each click ends a wall and starts the next one.
//! Corners snap to wall ends, 15° steps and the grid (hold Alt to place freely); typing a
//! length and Enter puts the next corner at exactly that distance towards the pointer; a
//! double-click, a right-click, Escape or closing the loop ends the chain. One chain is one
//! undo step.

use crate::catalogs::Catalogs;
use crate::document::{Document, EditRequested};
use crate::editor::keystrokes::Keystrokes;
use crate::editor::pointer::{MainCameraQuery, plan_point_under, snapping_disabled};
use crate::editor::tool::{PlanTool, WallDefaults, WallDraft};
use crate::notices::Notices;
use crate::preferences::Preferences;
use bevy::input::keyboard::{Key, KeyboardInput};
use bevy::prelude::*;
use bevy::window::{PrimaryWindow, WindowEvent};
use bevy_egui::input::EguiWantsInput;
use room_planner_core::domain::editing::{Edit, apply_edit};
use room_planner_core::domain::layout::{Layout, Wall};
use room_planner_core::domain::values::units::PointMm;

mod step;
pub use step::{StepOutcome, WallRules, step};

/// Two clicks closer together than this are a double-click (seconds).
const DOUBLE_CLICK_S: f64 = 0.4;

/// What the pointer and keyboard did this frame, as the wall tool needs it (sent by
/// [`gather_tool_input`] from the window; tests send it directly).
#[derive(Message, Debug, Clone, Default, PartialEq)]
pub struct ToolInput {
    /// The plan point under the pointer, if it is over the view.
    pub pointer: Option<PointMm>,
    /// The left button was pressed.
    pub click: bool,
    /// The right button was pressed.
    pub right_click: bool,
    /// Escape was pressed.
    pub escape: bool,
    /// Enter was pressed.
    pub enter: bool,
    /// Backspace was pressed.
    pub backspace: bool,
    /// Characters typed (digits, decimal marks, unit letters).
    pub typed: String,
    /// Snapping is off (the user holds Alt).
    pub free: bool,
    /// App time in seconds.
    pub now_s: f64,
}

/// Gathers the frame's pointer and keyboard input for the wall tool: one [`ToolInput`] per left
/// click, in order and at the place the pointer was when the button went down (read from the
/// window's event stream, so a slow frame loses no click and a double-click within one frame
/// still ends the chain), then one for the frame with the pointer where it is now.
#[allow(clippy::too_many_arguments)]
pub(crate) fn gather_tool_input(
    tool: Res<PlanTool>,
    mouse: Res<ButtonInput<MouseButton>>,
    keys: Res<ButtonInput<KeyCode>>,
    strokes: Res<Keystrokes>,
    mut keyboard: MessageReader<KeyboardInput>,
    mut window_events: MessageReader<WindowEvent>,
    egui_input: Option<Res<EguiWantsInput>>,
    window: Query<&Window, With<PrimaryWindow>>,
    cameras: MainCameraQuery,
    time: Res<Time>,
    mut inputs: MessageWriter<ToolInput>,
    mut right_pressed_at: Local<Option<Vec2>>,
    mut last_cursor: Local<Option<Vec2>>,
) {
    let typed_events: Vec<KeyboardInput> = keyboard.read().cloned().collect();
    let events: Vec<WindowEvent> = window_events.read().cloned().collect();
    let cursor_now = window.single().ok().and_then(Window::cursor_position);
    let cursor_before = std::mem::replace(&mut *last_cursor, cursor_now);
    if !matches!(*tool, PlanTool::DrawWalls(_)) {
        return;
    }
    let over_ui = egui_input
        .as_ref()
        .is_some_and(|input| input.wants_any_pointer_input());
    let typing_in_ui = egui_input
        .as_ref()
        .is_some_and(|input| input.wants_any_keyboard_input());
    let plan_point = |cursor: Vec2| {
        let (camera, transform) = cameras.single().ok()?;
        let rect = camera.logical_viewport_rect()?;
        if !rect.contains(cursor) || over_ui {
            return None;
        }
        plan_point_under(camera, transform, cursor, 0.0)
    };
    let pointer = cursor_now.and_then(plan_point);
    let free = snapping_disabled(&keys);
    let now_s = time.elapsed_secs_f64();
    // Each left press where the pointer was at that moment.
    let mut cursor_at = cursor_before.or(cursor_now);
    for event in &events {
        match event {
            WindowEvent::CursorMoved(moved) => cursor_at = Some(moved.position),
            WindowEvent::MouseButtonInput(press)
                if press.button == MouseButton::Left && press.state.is_pressed() =>
            {
                if let Some(at) = cursor_at.and_then(plan_point) {
                    inputs.write(ToolInput {
                        pointer: Some(at),
                        click: true,
                        free,
                        now_s,
                        ..default()
                    });
                }
            }
            _ => {}
        }
    }
    // Right-drag pans the plan; only a right click without movement ends the chain.
    if mouse.just_pressed(MouseButton::Right) {
        *right_pressed_at = cursor_now;
    }
    let right_click = mouse.just_released(MouseButton::Right)
        && right_pressed_at
            .take()
            .zip(cursor_now)
            .is_some_and(|(pressed, released)| pressed.distance(released) < 4.0);
    let mut input = ToolInput {
        pointer,
        right_click: pointer.is_some() && right_click,
        free,
        now_s,
        ..default()
    };
    if !typing_in_ui {
        input.escape = strokes.pressed_plain(KeyCode::Escape);
        input.enter =
            strokes.pressed_plain(KeyCode::Enter) || strokes.pressed_plain(KeyCode::NumpadEnter);
        input.backspace = strokes.pressed_plain(KeyCode::Backspace);
        for event in typed_events.iter().filter(|event| event.state.is_pressed()) {
            if let Key::Character(text) = &event.logical_key {
                input
                    .typed
                    .extend(text.chars().filter(|c| is_length_character(*c)));
            }
        }
    }
    inputs.write(input);
}

/// Runs the wall tool on the frame's input and sends the walls it draws.
#[allow(clippy::too_many_arguments)]
pub(crate) fn run_wall_tool(
    mut tool: ResMut<PlanTool>,
    mut inputs: MessageReader<ToolInput>,
    document: Res<Document>,
    defaults: Res<WallDefaults>,
    preferences: Res<Preferences>,
    catalogs: Res<Catalogs>,
    mut edits: MessageWriter<EditRequested>,
    mut notices: ResMut<Notices>,
) {
    // Several clicks can come in one frame: each sees the walls the ones before it drew (the
    // document with them, made on the first), and the next free id after theirs.
    let mut working: Option<Layout> = None;
    for input in inputs.read() {
        let outcome = {
            let layout = working.as_ref().unwrap_or(&document.layout);
            // A wall the document would refuse (too short, or squeezing a door out of the wall
            // it continues) is not drawn: the chain stays at its last corner.
            let accepts = |wall: &Wall| {
                let mut trial = layout.clone();
                apply_edit(
                    &mut trial,
                    &catalogs.set,
                    &Edit::AddWalls(vec![wall.clone()]),
                )
                .map(|_| ())
                .map_err(|error| format!("That wall cannot be drawn: {error}"))
            };
            step(
                &mut tool,
                input,
                &layout.walls,
                &WallRules {
                    defaults: *defaults,
                    unit: preferences.length_unit,
                    next_id: layout.next_wall_id(),
                    accepts: &accepts,
                },
            )
        };
        // At most one wall per input (one click or one Enter), carrying the next free id.
        for (wall, gesture) in outcome.walls {
            let layout = working.get_or_insert_with(|| document.layout.clone());
            // `step` drew it only after the same edit was accepted on this very layout.
            if apply_edit(layout, &catalogs.set, &Edit::AddWalls(vec![wall.clone()])).is_ok() {
                edits.write(EditRequested {
                    edit: Edit::AddWalls(vec![wall]),
                    gesture,
                });
            }
        }
        if let Some(problem) = outcome.problem {
            notices.error(problem);
        }
    }
}

/// W turns the wall tool on (switching to the plan view) or off.
pub(crate) fn toggle_wall_tool(
    strokes: Res<Keystrokes>,
    egui_input: Option<Res<EguiWantsInput>>,
    mode: Res<crate::viewport::camera::ViewMode>,
    mut tool: ResMut<PlanTool>,
    mut view: MessageWriter<crate::viewport::camera::ViewToggleRequested>,
) {
    if !strokes.pressed_plain(KeyCode::KeyW)
        || egui_input.is_some_and(|input| input.wants_any_keyboard_input())
    {
        return;
    }
    *tool = match *tool {
        PlanTool::Select => {
            if *mode != crate::viewport::camera::ViewMode::Plan {
                view.write(crate::viewport::camera::ViewToggleRequested);
            }
            PlanTool::DrawWalls(WallDraft::default())
        }
        PlanTool::DrawWalls(_) => PlanTool::Select,
    };
}

fn is_length_character(c: char) -> bool {
    c.is_ascii_digit()
        || matches!(
            c,
            '.' | ',' | '\'' | '"' | ' ' | 'm' | 'c' | 'i' | 'n' | 'f' | 't'
        )
}
