//! What the plan tools draw over the view: the wall being drawn with its live length and angle
//! (and a typed length), and the selected wall, opening or room with its handles; painted over
//! the plan drawing in the plan view, selection outlines as gizmos on top of the walls in 3D.

use crate::editor::selection::Selection;
use crate::editor::tool::PlanTool;
use crate::live::LiveState;
use crate::preferences::Preferences;
use crate::theme;
use crate::viewport::camera::ViewArea;
use crate::viewport::camera::{OrbitCamera, ViewMode};
use crate::viewport::plan_painter::{PlanMapping, TEXT_PT, paint_shapes, plan_layer};
use crate::world_units::world_point;
use bevy::prelude::*;
use room_planner_core::domain::drawing::plan_paint::{Pen, Rgba, Shape};
use room_planner_core::domain::drawing::room_keys;
use room_planner_core::domain::editing::wall_drawing::{SnappedTo, length_and_angle};
use room_planner_core::domain::geometry::{Coord, coord};
use room_planner_core::domain::measured::Structure;
use room_planner_core::domain::values::length_units::LengthUnit;

/// Draws the structure selection in the 3D view (in the plan view [`paint_tool_overlay`] draws
/// it over the plan drawing).
pub(crate) fn draw_tool_overlay(
    mode: Res<ViewMode>,
    selection: Res<Selection>,
    live: Res<LiveState>,
    mut gizmos: Gizmos,
) {
    if *mode == ViewMode::Plan {
        return;
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

fn rgba(colour: Color) -> Rgba {
    let srgba = colour.to_srgba();
    Rgba(
        (srgba.red * 255.0) as u8,
        (srgba.green * 255.0) as u8,
        (srgba.blue * 255.0) as u8,
        255,
    )
}

/// A small square or circle-like mark around a point, `size_mm` across.
fn mark(centre: Coord<f64>, size_mm: f64, sides: usize, colour: Rgba, filled: bool) -> Shape {
    let points = (0..sides)
        .map(|index| {
            let angle =
                std::f64::consts::TAU * index as f64 / sides as f64 + std::f64::consts::FRAC_PI_4;
            centre
                + Coord {
                    x: angle.cos(),
                    y: angle.sin(),
                } * (size_mm / 2.0)
        })
        .collect();
    Shape::Polygon {
        points,
        fill: filled.then_some(colour),
        pen: Some(Pen {
            width: 2.0,
            colour,
            dashed: false,
        }),
    }
}

/// The wall draft and the selected wall, opening or room as shapes in plan millimetres;
/// `mm_per_point` sizes the marks and text for the screen.
#[must_use]
pub fn tool_shapes(
    tool: &PlanTool,
    selection: &Selection,
    structure: &Structure,
    unit: LengthUnit,
    mm_per_point: f64,
) -> Vec<Shape> {
    let selected = rgba(theme::SELECTION);
    let handle = rgba(theme::HANDLE);
    let pen = Pen {
        width: 2.5,
        colour: selected,
        dashed: false,
    };
    let mut shapes = Vec::new();
    if let PlanTool::DrawWalls(draft) = tool {
        for pair in draft.corners.windows(2) {
            shapes.push(Shape::Line {
                points: vec![coord(pair[0]), coord(pair[1])],
                pen,
            });
        }
        for corner in &draft.corners {
            shapes.push(mark(
                coord(*corner),
                10.0 * mm_per_point,
                12,
                selected,
                false,
            ));
        }
        if let Some(next) = draft.next {
            let colour = match next.snapped_to {
                SnappedTo::WallEnd | SnappedTo::OnWall => handle,
                _ => selected,
            };
            shapes.push(mark(
                coord(next.point),
                16.0 * mm_per_point,
                16,
                colour,
                false,
            ));
            if let Some(last) = draft.corners.last() {
                shapes.push(Shape::Line {
                    points: vec![coord(*last), coord(next.point)],
                    pen,
                });
                let (length_mm, angle_deg) = length_and_angle(*last, next.point);
                let middle = (coord(*last) + coord(next.point)) / 2.0;
                let typed = if draft.typed.is_empty() {
                    String::new()
                } else {
                    format!("  typed: {}", draft.typed)
                };
                let text = format!("{}  {angle_deg:.0}°{typed}", unit.format(length_mm));
                let size_mm = f64::from(TEXT_PT) * 1.1 * mm_per_point;
                shapes.push(Shape::Polygon {
                    points: {
                        let half = Coord {
                            x: text.chars().count() as f64 * size_mm * 0.32 + size_mm * 0.4,
                            y: size_mm * 0.75,
                        };
                        let at = middle
                            + Coord {
                                x: 0.0,
                                y: size_mm * 1.6,
                            };
                        vec![
                            at - half,
                            at + Coord {
                                x: half.x,
                                y: -half.y,
                            },
                            at + half,
                            at + Coord {
                                x: -half.x,
                                y: half.y,
                            },
                        ]
                    },
                    fill: Some(Rgba(255, 255, 255, 220)),
                    pen: None,
                });
                shapes.push(Shape::Text {
                    text,
                    centre: middle
                        + Coord {
                            x: 0.0,
                            y: size_mm * 1.6,
                        },
                    angle_deg: 0.0,
                    size_mm,
                    bold: true,
                    colour: rgba(theme::PLAN_LINE),
                });
            }
        }
    }
    match selection {
        Selection::Wall(id) => {
            if let Some((_, wall)) = structure.wall(id) {
                shapes.push(Shape::Polygon {
                    points: wall.outline().to_vec(),
                    fill: None,
                    pen: Some(pen),
                });
                for end in [wall.start, wall.end] {
                    shapes.push(mark(end, 14.0 * mm_per_point, 4, handle, true));
                }
            }
        }
        Selection::Opening(id) => {
            if let Some(placement) = structure.openings.iter().find(|o| &o.id == id) {
                let wall = &structure.walls[placement.wall];
                shapes.push(Shape::Polygon {
                    points: wall
                        .body_between(placement.from_mm, placement.to_mm)
                        .to_vec(),
                    fill: None,
                    pen: Some(pen),
                });
            }
        }
        Selection::Room { wall, left } => {
            if let Some(room) = room_keys::room_on_side(structure, wall, *left)
                .and_then(|index| structure.rooms.get(index))
            {
                let mut points = room.floor.clone();
                points.extend(room.floor.first().copied());
                shapes.push(Shape::Line { points, pen });
            }
        }
        Selection::Nothing | Selection::Product(_) => {}
    }
    shapes
}

/// Paints the wall draft and the structure selection over the plan drawing.
#[allow(clippy::too_many_arguments)]
pub(crate) fn paint_tool_overlay(
    mut contexts: bevy_egui::EguiContexts,
    mode: Res<ViewMode>,
    tool: Res<PlanTool>,
    selection: Res<Selection>,
    live: Res<LiveState>,
    preferences: Res<Preferences>,
    area: Res<ViewArea>,
    cameras: Query<&OrbitCamera>,
) -> Result {
    if *mode != ViewMode::Plan || !area.0.is_positive() {
        return Ok(());
    }
    let Ok(orbit) = cameras.single() else {
        return Ok(());
    };
    let ctx = contexts.ctx_mut()?.clone();
    let mapping = PlanMapping::of(orbit, area.0);
    let shapes = tool_shapes(
        &tool,
        &selection,
        live.checker.structure(),
        preferences.length_unit,
        1.0 / f64::from(mapping.points_per_mm.max(1e-6)),
    );
    let painter = ctx.layer_painter(plan_layer()).with_clip_rect(mapping.area);
    paint_shapes(&painter, &mapping, &shapes);
    Ok(())
}
