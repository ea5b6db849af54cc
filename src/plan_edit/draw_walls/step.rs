//! One step of the wall tool, without Bevy's input: a frame's pointer, clicks and typed
//! length in, the walls to add and the problem to show out. The systems in the parent module
//! feed it; the tests drive it directly.

use super::{DOUBLE_CLICK_S, ToolInput};
use crate::document::Gesture;
use crate::editor::tool::{PlanTool, WallDefaults, WallDraft};
use bevy::prelude::*;
use room_planner_core::domain::editing::wall_drawing::{
    WallSnapping, corner_at_length, snap_corner,
};
use room_planner_core::domain::geometry::coord;
use room_planner_core::domain::layout::{MIN_WALL_LENGTH_MM, Wall};
use room_planner_core::domain::values::ids::WallId;

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
mod tests;
