//! Tests of the wall tool's step: corners, snapping, typed lengths, ends of a chain.

use super::*;
use room_planner_core::domain::values::length_units::LengthUnit;
use room_planner_core::domain::values::units::PointMm;

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
