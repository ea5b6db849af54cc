//! The wall tool: click corners in the plan; each click ends a wall and starts the next one.
//! Corners snap to wall ends, 15° steps and the grid (hold Alt to place freely); typing a
//! length and Enter puts the next corner at exactly that distance towards the pointer; a
//! double-click, a right-click, Escape or closing the loop ends the chain. One chain is one
//! undo step.

use crate::catalogs::Catalogs;
use crate::document::{Document, EditRequested, Gesture};
use crate::editor::pointer::{MainCameraQuery, plan_point_under, snapping_disabled};
use crate::editor::tool::{PlanTool, WallDefaults, WallDraft};
use crate::notices::Notices;
use crate::preferences::Preferences;
use bevy::input::keyboard::{Key, KeyboardInput};
use bevy::prelude::*;
use bevy::window::PrimaryWindow;
use bevy_egui::input::EguiWantsInput;
use room_planner_core::domain::editing::wall_drawing::{
    WallSnapping, corner_at_length, snap_corner,
};
use room_planner_core::domain::editing::{Edit, apply_edit};
use room_planner_core::domain::geometry::coord;
use room_planner_core::domain::layout::{MIN_WALL_LENGTH_MM, Wall};
use room_planner_core::domain::values::ids::WallId;
use room_planner_core::domain::values::units::PointMm;

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

/// Gathers the frame's pointer and keyboard input for the wall tool.
#[allow(clippy::too_many_arguments)]
pub(crate) fn gather_tool_input(
    tool: Res<PlanTool>,
    mouse: Res<ButtonInput<MouseButton>>,
    keys: Res<ButtonInput<KeyCode>>,
    mut keyboard: MessageReader<KeyboardInput>,
    egui_input: Option<Res<EguiWantsInput>>,
    window: Query<&Window, With<PrimaryWindow>>,
    cameras: MainCameraQuery,
    time: Res<Time>,
    mut inputs: MessageWriter<ToolInput>,
    mut right_pressed_at: Local<Option<Vec2>>,
) {
    let typed_events: Vec<KeyboardInput> = keyboard.read().cloned().collect();
    if !matches!(*tool, PlanTool::DrawWalls(_)) {
        return;
    }
    let over_ui = egui_input
        .as_ref()
        .is_some_and(|input| input.wants_any_pointer_input());
    let typing_in_ui = egui_input
        .as_ref()
        .is_some_and(|input| input.wants_any_keyboard_input());
    let pointer = window
        .single()
        .ok()
        .and_then(Window::cursor_position)
        .and_then(|cursor| {
            let (camera, transform) = cameras.single().ok()?;
            let rect = camera.logical_viewport_rect()?;
            if !rect.contains(cursor) || over_ui {
                return None;
            }
            plan_point_under(camera, transform, cursor, 0.0)
        });
    // Right-drag pans the plan; only a right click without movement ends the chain.
    if mouse.just_pressed(MouseButton::Right) {
        *right_pressed_at = window.single().ok().and_then(Window::cursor_position);
    }
    let right_click = mouse.just_released(MouseButton::Right)
        && right_pressed_at
            .take()
            .zip(window.single().ok().and_then(Window::cursor_position))
            .is_some_and(|(pressed, released)| pressed.distance(released) < 4.0);
    let mut input = ToolInput {
        pointer,
        click: pointer.is_some() && mouse.just_pressed(MouseButton::Left),
        right_click: false,
        free: snapping_disabled(&keys),
        now_s: time.elapsed_secs_f64(),
        ..default()
    };
    input.right_click = pointer.is_some() && right_click;
    if !typing_in_ui {
        input.escape = keys.just_pressed(KeyCode::Escape);
        input.enter = keys.just_pressed(KeyCode::Enter) || keys.just_pressed(KeyCode::NumpadEnter);
        input.backspace = keys.just_pressed(KeyCode::Backspace);
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
    // A wall the document would refuse (too short, or squeezing a door out of the wall it
    // continues) is not drawn: the chain stays at its last corner.
    let accepts = |wall: &Wall| {
        let mut trial = document.layout.clone();
        apply_edit(
            &mut trial,
            &catalogs.set,
            &Edit::AddWalls(vec![wall.clone()]),
        )
        .map(|_| ())
        .map_err(|error| format!("That wall cannot be drawn: {error}"))
    };
    for input in inputs.read() {
        let outcome = step(
            &mut tool,
            input,
            &document.layout.walls,
            &WallRules {
                defaults: *defaults,
                unit: preferences.length_unit,
                next_id: document.layout.next_wall_id(),
                accepts: &accepts,
            },
        );
        // At most one wall per input (one click or one Enter), and the wall carries the next
        // free id; the edit is applied before the next frame's input.
        for (wall, gesture) in outcome.walls {
            edits.write(EditRequested {
                edit: Edit::AddWalls(vec![wall]),
                gesture,
            });
        }
        if let Some(problem) = outcome.problem {
            notices.error(problem);
        }
    }
}

/// W turns the wall tool on (switching to the plan view) or off.
pub(crate) fn toggle_wall_tool(
    keys: Res<ButtonInput<KeyCode>>,
    egui_input: Option<Res<EguiWantsInput>>,
    mode: Res<crate::viewport::camera::ViewMode>,
    mut tool: ResMut<PlanTool>,
    mut view: MessageWriter<crate::viewport::camera::ViewToggleRequested>,
) {
    let ctrl = keys.any_pressed([KeyCode::ControlLeft, KeyCode::ControlRight]);
    if ctrl
        || !keys.just_pressed(KeyCode::KeyW)
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

/// What one frame of the tool produced.
#[derive(Debug, Default, PartialEq)]
pub struct StepOutcome {
    /// Walls to add, each with its place in the undo history.
    pub walls: Vec<(Wall, Gesture)>,
    /// A message for the user (a typed length that is not one).
    pub problem: Option<String>,
}

/// What a new wall is made of and whether the document would take it.
pub struct WallRules<'a> {
    /// Thickness and height of new walls.
    pub defaults: WallDefaults,
    /// The unit typed lengths are in.
    pub unit: room_planner_core::domain::values::length_units::LengthUnit,
    /// The id the next wall gets.
    pub next_id: WallId,
    /// `Err(message)` for a wall the document would refuse.
    pub accepts: &'a dyn Fn(&Wall) -> Result<(), String>,
}

/// One frame of the wall tool, as a pure state change: the ECS system above only gathers input
/// and sends the walls this returns.
#[must_use]
pub fn step(
    tool: &mut PlanTool,
    input: &ToolInput,
    walls: &[Wall],
    rules: &WallRules<'_>,
) -> StepOutcome {
    let (defaults, unit) = (rules.defaults, rules.unit);
    let mut outcome = StepOutcome::default();
    let PlanTool::DrawWalls(draft) = tool else {
        return outcome;
    };
    if input.escape && !draft.typed.is_empty() {
        draft.typed.clear();
        return outcome;
    }
    if input.escape || input.right_click {
        if draft.corners.is_empty() {
            *tool = PlanTool::Select;
        } else {
            *draft = WallDraft::default();
        }
        return outcome;
    }
    if input.backspace {
        draft.typed.pop();
    }
    draft.typed.push_str(&input.typed);
    draft.next = input.pointer.map(|pointer| {
        snap_corner(
            coord(pointer),
            draft.corners.last().copied(),
            walls,
            draft
                .corners
                .first()
                .map(std::slice::from_ref)
                .unwrap_or(&[]),
            WallSnapping::default(),
            !input.free,
        )
    });
    let mut corner = None;
    if input.enter && !draft.typed.trim().is_empty() {
        match unit.parse(&draft.typed) {
            Ok(length) if length.0 < MIN_WALL_LENGTH_MM => {
                outcome.problem = Some(format!(
                    "Wall length: a wall is at least {}",
                    unit.format(MIN_WALL_LENGTH_MM as f64)
                ));
            }
            Ok(length) => {
                let towards = draft.next.map(|next| next.point);
                corner = draft
                    .corners
                    .last()
                    .zip(towards)
                    .and_then(|(last, towards)| corner_at_length(*last, towards, length.as_f64()));
                if corner.is_none() {
                    outcome.problem = Some(
                        "Click the first corner and point where the wall goes, then type its length."
                            .to_owned(),
                    );
                }
            }
            Err(error) => outcome.problem = Some(format!("Wall length: {error}")),
        }
        draft.typed.clear();
    } else if input.enter {
        *draft = WallDraft::default();
        return outcome;
    } else if input.click {
        let double = draft
            .last_click_s
            .is_some_and(|last| input.now_s - last <= DOUBLE_CLICK_S);
        draft.last_click_s = Some(input.now_s);
        let clicked = draft.next.map(|next| next.point);
        if double && (clicked == draft.corners.last().copied() || clicked.is_none()) {
            *draft = WallDraft::default();
            return outcome;
        }
        corner = clicked;
        // A click places the corner where the pointer is: a half-typed length is dropped.
        draft.typed.clear();
    }
    let Some(corner) = corner else {
        return outcome;
    };
    if let Some(last) = draft.corners.last().copied() {
        if last == corner {
            return outcome;
        }
        let gesture = if draft.walls_added == 0 {
            Gesture::Start
        } else {
            Gesture::Continue
        };
        let wall = Wall {
            id: rules.next_id.clone(),
            start: last,
            end: corner,
            thickness: defaults.0.thickness,
            height: defaults.0.height,
        };
        if let Err(problem) = (rules.accepts)(&wall) {
            outcome.problem = Some(problem);
            return outcome;
        }
        outcome.walls.push((wall, gesture));
        draft.walls_added += 1;
        // Back at the first corner: the loop is closed and the chain ends.
        if draft.corners.first() == Some(&corner) {
            *draft = WallDraft::default();
            return outcome;
        }
    }
    draft.corners.push(corner);
    outcome
}

#[cfg(test)]
mod tests {
    use super::*;
    use room_planner_core::domain::values::length_units::LengthUnit;

    fn accept_all(_: &Wall) -> Result<(), String> {
        Ok(())
    }

    /// One frame of the tool over `walls`, every wall accepted.
    fn frame_in(
        tool: &mut PlanTool,
        input: &ToolInput,
        walls: &[Wall],
        unit: LengthUnit,
    ) -> StepOutcome {
        let rules = WallRules {
            defaults: WallDefaults::default(),
            unit,
            next_id: WallId::from("w-1"),
            accepts: &accept_all,
        };
        step(tool, input, walls, &rules)
    }

    /// One frame of the tool on an empty plan, lengths in millimetres.
    fn frame(tool: &mut PlanTool, input: &ToolInput) -> StepOutcome {
        frame_in(tool, input, &[], LengthUnit::Millimetres)
    }

    fn escape() -> ToolInput {
        ToolInput {
            escape: true,
            ..ToolInput::default()
        }
    }

    fn click(x: i64, y: i64, now_s: f64) -> ToolInput {
        ToolInput {
            pointer: Some(PointMm::new(x, y)),
            click: true,
            now_s,
            ..ToolInput::default()
        }
    }

    fn typed(text: &str, pointer: Option<PointMm>) -> ToolInput {
        ToolInput {
            pointer,
            typed: text.to_owned(),
            enter: true,
            now_s: 1.0,
            ..ToolInput::default()
        }
    }

    #[test]
    fn clicks_make_a_chain_of_walls_that_closes_into_a_loop() {
        let mut tool = PlanTool::DrawWalls(WallDraft::default());
        let mut walls = Vec::new();
        let points = [(0, 0), (4000, 0), (4000, 3000), (0, 3000), (10, 20)];
        for (index, (x, y)) in points.iter().enumerate() {
            let outcome = frame_in(
                &mut tool,
                &click(*x, *y, index as f64),
                &walls,
                LengthUnit::Millimetres,
            );
            walls.extend(outcome.walls.into_iter().map(|(wall, _)| wall));
        }
        assert_eq!(walls.len(), 4);
        assert_eq!(
            walls[3].end,
            PointMm::new(0, 0),
            "the last click snapped to the first corner"
        );
        assert_eq!(tool, PlanTool::DrawWalls(WallDraft::default()));
    }

    #[test]
    fn a_typed_length_puts_the_corner_towards_the_pointer() {
        let mut tool = PlanTool::DrawWalls(WallDraft::default());
        let _ = frame_in(&mut tool, &click(0, 0, 0.0), &[], LengthUnit::Metres);
        let outcome = frame_in(
            &mut tool,
            &typed("3.25", Some(PointMm::new(1200, 40))),
            &[],
            LengthUnit::Metres,
        );
        assert_eq!(outcome.walls.len(), 1);
        assert_eq!(outcome.walls[0].0.end, PointMm::new(3250, 0));
        assert_eq!(outcome.walls[0].1, Gesture::Start);
        for nonsense in ["..", "0", "0.004"] {
            let outcome = frame_in(&mut tool, &typed(nonsense, None), &[], LengthUnit::Metres);
            assert!(outcome.walls.is_empty(), "{nonsense}");
            let problem = outcome.problem.unwrap_or_default();
            assert!(problem.starts_with("Wall length"), "{nonsense}: {problem}");
        }
    }

    #[test]
    fn a_refused_wall_is_not_drawn_and_the_chain_stays_at_its_last_corner() {
        let mut tool = PlanTool::DrawWalls(WallDraft::default());
        let refuse = |_: &Wall| Err("That wall cannot be drawn: it overlaps wall w-1".to_owned());
        let rules = WallRules {
            defaults: WallDefaults::default(),
            unit: LengthUnit::Millimetres,
            next_id: WallId::from("w-2"),
            accepts: &refuse,
        };
        let _ = step(&mut tool, &click(0, 0, 0.0), &[], &rules);
        let outcome = step(&mut tool, &click(3000, 0, 1.0), &[], &rules);
        assert!(outcome.walls.is_empty());
        assert!(
            outcome
                .problem
                .is_some_and(|problem| problem.contains("overlaps"))
        );
        let PlanTool::DrawWalls(draft) = &tool else {
            panic!("the tool is still on");
        };
        assert_eq!(draft.corners, vec![PointMm::new(0, 0)]);
        assert_eq!(draft.walls_added, 0);
    }

    #[test]
    fn double_click_and_escape_end_the_chain_then_the_tool() {
        let mut tool = PlanTool::DrawWalls(WallDraft::default());
        let _ = frame(&mut tool, &click(0, 0, 0.0));
        let first = frame(&mut tool, &click(3000, 0, 1.0));
        let second = frame(&mut tool, &click(3000, 2000, 2.0));
        assert_eq!(first.walls[0].1, Gesture::Start);
        assert_eq!(second.walls[0].1, Gesture::Continue);
        let double = frame(&mut tool, &click(3000, 2000, 2.2));
        assert!(double.walls.is_empty());
        assert_eq!(tool, PlanTool::DrawWalls(WallDraft::default()));
        let _ = frame(&mut tool, &escape());
        assert_eq!(tool, PlanTool::Select);
    }

    #[test]
    fn escape_first_drops_a_typed_length_then_the_chain() {
        let mut tool = PlanTool::DrawWalls(WallDraft::default());
        let _ = frame(&mut tool, &click(0, 0, 0.0));
        let typing = ToolInput {
            typed: "25".to_owned(),
            ..ToolInput::default()
        };
        let _ = frame(&mut tool, &typing);
        let _ = frame(&mut tool, &escape());
        let PlanTool::DrawWalls(draft) = &tool else {
            panic!("the tool is still on");
        };
        assert!(draft.typed.is_empty());
        assert_eq!(draft.corners, vec![PointMm::new(0, 0)]);
        let _ = frame(&mut tool, &escape());
        assert_eq!(tool, PlanTool::DrawWalls(WallDraft::default()));
    }
}
