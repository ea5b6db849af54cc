//! What the plan tools draw over the view: the wall being drawn with its live length and angle
//! (and a typed length), and the selected wall, opening or room with its handles.

use crate::editor::selection::Selection;
use crate::editor::tool::PlanTool;
use crate::live::LiveState;
use crate::preferences::Preferences;
use crate::theme;
use crate::viewport::plan_overlay::{PLAN_LIFT_MM, plan_label};
use crate::world_units::world_point;
use bevy::prelude::*;
use room_planner_core::domain::drawing::room_keys;
use room_planner_core::domain::editing::wall_drawing::{SnappedTo, length_and_angle};
use room_planner_core::domain::geometry::coord;

/// Draws the wall draft and the structure selection.
pub(crate) fn draw_tool_overlay(
    tool: Res<PlanTool>,
    selection: Res<Selection>,
    live: Res<LiveState>,
    preferences: Res<Preferences>,
    mut gizmos: Gizmos,
) {
    let at = |point: room_planner_core::domain::geometry::Coord<f64>| {
        world_point(point.x, point.y, PLAN_LIFT_MM + 20.0)
    };
    let unit = preferences.length_unit;
    if let PlanTool::DrawWalls(draft) = &*tool {
        for pair in draft.corners.windows(2) {
            gizmos.line(at(coord(pair[0])), at(coord(pair[1])), theme::SELECTION);
        }
        for corner in &draft.corners {
            gizmos.circle(
                Isometry3d::new(
                    at(coord(*corner)),
                    Quat::from_rotation_x(-std::f32::consts::FRAC_PI_2),
                ),
                0.06,
                theme::SELECTION,
            );
        }
        if let Some(next) = draft.next {
            let marker_color = match next.snapped_to {
                SnappedTo::WallEnd | SnappedTo::OnWall => theme::HANDLE,
                _ => theme::SELECTION,
            };
            gizmos.circle(
                Isometry3d::new(
                    at(coord(next.point)),
                    Quat::from_rotation_x(-std::f32::consts::FRAC_PI_2),
                ),
                0.1,
                marker_color,
            );
            if let Some(last) = draft.corners.last() {
                gizmos.line(at(coord(*last)), at(coord(next.point)), theme::SELECTION);
                let (length_mm, angle_deg) = length_and_angle(*last, next.point);
                let middle = (coord(*last) + coord(next.point)) / 2.0;
                let typed = if draft.typed.is_empty() {
                    String::new()
                } else {
                    format!("  typed: {}", draft.typed)
                };
                plan_label(
                    &mut gizmos,
                    middle.x,
                    middle.y + 250.0,
                    &format!("{}  {angle_deg:.0} deg{typed}", unit.format(length_mm)),
                    0.22,
                    theme::SELECTION,
                );
            }
        }
    }
    let structure = live.checker.structure();
    // Selection outlines sit on top of the wall (or on the floor), so they read in 3D too.
    let on_top = |point: room_planner_core::domain::geometry::Coord<f64>, height_mm: f64| {
        world_point(point.x, point.y, height_mm + 15.0)
    };
    match &*selection {
        Selection::Wall(id) => {
            let Some((_, wall)) = structure.wall(id) else {
                return;
            };
            let outline: Vec<Vec3> = wall
                .outline()
                .iter()
                .map(|corner| on_top(*corner, wall.height))
                .collect();
            gizmos.lineloop(outline, theme::SELECTION);
            for end in [wall.start, wall.end] {
                gizmos.rect(
                    Isometry3d::new(
                        on_top(end, wall.height),
                        Quat::from_rotation_x(-std::f32::consts::FRAC_PI_2),
                    ),
                    Vec2::splat(0.18),
                    theme::HANDLE,
                );
            }
        }
        Selection::Opening(id) => {
            let Some(placement) = structure.openings.iter().find(|o| &o.id == id) else {
                return;
            };
            let wall = &structure.walls[placement.wall];
            let outline: Vec<Vec3> = wall
                .body_between(placement.from_mm, placement.to_mm)
                .iter()
                .map(|corner| on_top(*corner, wall.height))
                .collect();
            gizmos.lineloop(outline, theme::SELECTION);
        }
        Selection::Room { wall, left } => {
            let Some(room) = room_keys::room_on_side(structure, wall, *left)
                .and_then(|index| structure.rooms.get(index))
            else {
                return;
            };
            let outline: Vec<Vec3> = room
                .floor
                .iter()
                .map(|corner| on_top(*corner, 0.0))
                .collect();
            gizmos.lineloop(outline, theme::SELECTION);
        }
        Selection::Nothing | Selection::Product(_) => {}
    }
}
