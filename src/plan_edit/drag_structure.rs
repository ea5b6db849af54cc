//! Selecting and dragging the structure: a click selects a wall, door, window or room; in the
//! plan view a wall dragged by its middle moves (joined walls stretch along), dragged near an
//! end moves that corner (joined walls follow), and a door or window slides along its wall.
//! Alt turns snapping off. One drag is one undo step.

use crate::document::{Document, EditRequested, Gesture};
use crate::editor::pointer::{MainCameraQuery, plan_point_under, snapping_disabled};
use crate::editor::selection::Selection;
use crate::editor::tool::PlanTool;
use crate::live::LiveState;
use crate::scene::structure::{Floor, OpeningEntity, WallPiece};
use crate::viewport::camera::ViewMode;
use crate::world_units::plan_of;
use bevy::prelude::*;
use bevy::window::PrimaryWindow;
use room_planner_core::domain::drawing::plan_hit::{StructureHit, structure_under};
use room_planner_core::domain::drawing::room_keys;
use room_planner_core::domain::editing::wall_drawing::{WallSnapping, snap_corner};
use room_planner_core::domain::editing::{Edit, WallEnd, corner_ends, wall_and_corner_ends};
use room_planner_core::domain::geometry::coord;
use room_planner_core::domain::measured::Structure;
use room_planner_core::domain::values::ids::{OpeningId, WallId};
use room_planner_core::domain::values::units::{Mm, PointMm};

/// Grid for moving whole walls and sliding openings (mm).
const MOVE_GRID_MM: i64 = 10;

/// The structure drag in progress, if any.
#[derive(Resource, Debug, Default)]
pub struct StructureDrag {
    active: Option<ActiveDrag>,
}

impl StructureDrag {
    /// Drops the drag (after undo, redo or a new layout).
    pub fn cancel(&mut self) {
        self.active = None;
    }
}

#[derive(Debug)]
enum ActiveDrag {
    End {
        wall: WallId,
        end: WallEnd,
        /// The wall ends at the corner when the drag began: they, and only they, follow.
        ends: Vec<(WallId, WallEnd)>,
        moved: bool,
    },
    Wall {
        wall: WallId,
        grabbed: PointMm,
        start_before: PointMm,
        /// The wall's ends and those joined to them when the drag began.
        ends: Vec<(WallId, WallEnd)>,
        moved: bool,
    },
    Opening {
        id: OpeningId,
        /// Pointer distance along the wall minus the opening's offset when grabbed.
        grab_mm: f64,
        moved: bool,
    },
}

/// The pointer handlers of wall pieces, openings and floors: one observer each for all of them.
pub(crate) fn observe_structure(app: &mut App) {
    app.add_observer(select_on_click).add_observer(start_drag);
}

fn select_on_click(
    click: On<Pointer<Click>>,
    tool: Res<PlanTool>,
    pieces: Query<(Option<&WallPiece>, Option<&OpeningEntity>, Option<&Floor>)>,
    document: Res<Document>,
    live: Res<LiveState>,
    mode: Res<ViewMode>,
    mut selection: ResMut<Selection>,
) {
    if click.button != PointerButton::Primary || *tool != PlanTool::Select {
        return;
    }
    let Ok((wall, opening, floor)) = pieces.get(click.entity) else {
        return;
    };
    let over_opening = wall
        .zip(click.hit.position)
        .and_then(|(wall, hit)| opening_under(live.checker.structure(), &wall.wall, plan_of(hit)));
    // A room is picked by its floor in the plan view; in 3D a click on the floor is a click
    // on empty ground and selects nothing.
    let pick = if let Some(opening) = opening {
        Selection::Opening(opening.id.clone())
    } else if let Some(id) = over_opening {
        Selection::Opening(id)
    } else if let Some(wall) = wall {
        Selection::Wall(wall.wall.clone())
    } else if let Some(floor) = floor.filter(|_| *mode == ViewMode::Plan) {
        room_keys::room_key(&document.layout, live.checker.structure(), floor.room).map_or(
            Selection::Nothing,
            |(wall, left)| Selection::Room { wall, left },
        )
    } else {
        Selection::Nothing
    };
    *selection = pick;
}

#[allow(clippy::too_many_arguments)]
fn start_drag(
    drag: On<Pointer<DragStart>>,
    tool: Res<PlanTool>,
    mode: Res<ViewMode>,
    pieces: Query<(Option<&WallPiece>, Option<&OpeningEntity>)>,
    cameras: MainCameraQuery,
    document: Res<Document>,
    live: Res<LiveState>,
    mut state: ResMut<StructureDrag>,
    mut selection: ResMut<Selection>,
) {
    if drag.button != PointerButton::Primary || *tool != PlanTool::Select || *mode != ViewMode::Plan
    {
        return;
    }
    let Ok((wall_piece, opening)) = pieces.get(drag.entity) else {
        return;
    };
    let Ok((camera, transform)) = cameras.single() else {
        return;
    };
    let Some(grabbed) = plan_point_under(camera, transform, drag.pointer_location.position, 0.0)
    else {
        return;
    };
    let layout = &document.layout;
    let structure = live.checker.structure();
    // From above, the wall over a window or door hides it: a grab there takes the opening.
    let opening_id = opening
        .map(|opening| opening.id.clone())
        .or_else(|| wall_piece.and_then(|piece| opening_under(structure, &piece.wall, grabbed)));
    if let Some(opening_id) = opening_id {
        let Some(placement) = structure.openings.iter().find(|o| o.id == opening_id) else {
            return;
        };
        let wall = &structure.walls[placement.wall];
        state.active = Some(ActiveDrag::Opening {
            id: opening_id.clone(),
            grab_mm: wall.offset_of(coord(grabbed)) - placement.from_mm,
            moved: false,
        });
        *selection = Selection::Opening(opening_id);
        return;
    }
    let Some(piece) = wall_piece else { return };
    let (Some(wall), Some((_, geometry))) = (layout.wall(&piece.wall), structure.wall(&piece.wall))
    else {
        return;
    };
    let along = geometry.offset_of(coord(grabbed));
    let reach = (geometry.half_thickness * 2.0)
        .max(300.0)
        .min(geometry.length / 3.0);
    state.active = Some(if along <= reach {
        ActiveDrag::End {
            wall: piece.wall.clone(),
            end: WallEnd::Start,
            ends: corner_ends(layout, &piece.wall, WallEnd::Start),
            moved: false,
        }
    } else if along >= geometry.length - reach {
        ActiveDrag::End {
            wall: piece.wall.clone(),
            end: WallEnd::End,
            ends: corner_ends(layout, &piece.wall, WallEnd::End),
            moved: false,
        }
    } else {
        ActiveDrag::Wall {
            wall: piece.wall.clone(),
            grabbed,
            start_before: wall.start,
            ends: wall_and_corner_ends(layout, &piece.wall),
            moved: false,
        }
    });
    *selection = Selection::Wall(piece.wall.clone());
}

/// Follows the pointer while a structure drag is on. Read from the mouse, not from picking's
/// drag events: every wall edit rebuilds the wall entities, and the entity a drag started on
/// is gone after the first step.
#[allow(clippy::too_many_arguments)]
pub(crate) fn continue_structure_drag(
    mouse: Res<ButtonInput<MouseButton>>,
    window: Query<&Window, With<PrimaryWindow>>,
    cameras: MainCameraQuery,
    keys: Res<ButtonInput<KeyCode>>,
    document: Res<Document>,
    live: Res<LiveState>,
    mut state: ResMut<StructureDrag>,
    mut edits: MessageWriter<EditRequested>,
) {
    if state.active.is_some() && !mouse.pressed(MouseButton::Left) {
        state.active = None;
    }
    let Some(active) = state.active.as_mut() else {
        return;
    };
    let Some(cursor) = window.single().ok().and_then(Window::cursor_position) else {
        return;
    };
    let Ok((camera, transform)) = cameras.single() else {
        return;
    };
    let Some(pointer) = plan_point_under(camera, transform, cursor, 0.0) else {
        return;
    };
    let free = snapping_disabled(&keys);
    let layout = &document.layout;
    let (edit, moved) = match active {
        ActiveDrag::End {
            wall,
            end,
            ends,
            moved,
        } => {
            let Some(current) = layout.wall(wall) else {
                return;
            };
            let (moving, other) = match end {
                WallEnd::Start => (current.start, current.end),
                WallEnd::End => (current.end, current.start),
            };
            // Every end except the corner being moved (which follows the pointer).
            let targets: Vec<PointMm> = layout
                .walls
                .iter()
                .flat_map(|wall| [wall.start, wall.end])
                .filter(|end| *end != moving)
                .collect();
            let to = snap_corner(
                coord(pointer),
                Some(other),
                &[],
                &targets,
                WallSnapping::default(),
                !free,
            )
            .point;
            if to == moving || to == other {
                return;
            }
            (
                Edit::MoveWallEnds {
                    ends: ends.clone(),
                    by: PointMm::new(to.x.0 - moving.x.0, to.y.0 - moving.y.0),
                },
                moved,
            )
        }
        ActiveDrag::Wall {
            wall,
            grabbed,
            start_before,
            ends,
            moved,
        } => {
            let Some(current) = layout.wall(wall) else {
                return;
            };
            let step = |value: i64| {
                if free {
                    value
                } else {
                    (value as f64 / MOVE_GRID_MM as f64).round() as i64 * MOVE_GRID_MM
                }
            };
            let wanted = PointMm::new(
                start_before.x.0 + step(pointer.x.0 - grabbed.x.0),
                start_before.y.0 + step(pointer.y.0 - grabbed.y.0),
            );
            let by = PointMm::new(
                wanted.x.0 - current.start.x.0,
                wanted.y.0 - current.start.y.0,
            );
            if by == PointMm::default() {
                return;
            }
            (
                Edit::MoveWallEnds {
                    ends: ends.clone(),
                    by,
                },
                moved,
            )
        }
        ActiveDrag::Opening { id, grab_mm, moved } => {
            let structure = live.checker.structure();
            let Some(placement) = structure.openings.iter().find(|o| &o.id == id) else {
                return;
            };
            let wall = &structure.walls[placement.wall];
            let width = placement.to_mm - placement.from_mm;
            let mut offset = wall.offset_of(coord(pointer)) - *grab_mm;
            if !free {
                offset = (offset / MOVE_GRID_MM as f64).round() * MOVE_GRID_MM as f64;
            }
            let offset = offset.clamp(0.0, (wall.length - width).max(0.0)).round() as i64;
            if layout
                .opening(id)
                .is_some_and(|opening| opening.offset.0 == offset)
            {
                return;
            }
            (
                Edit::MoveOpening {
                    id: id.clone(),
                    offset: Mm(offset),
                },
                moved,
            )
        }
    };
    edits.write(EditRequested {
        edit,
        gesture: if *moved {
            Gesture::Continue
        } else {
            Gesture::Start
        },
    });
    *moved = true;
}

/// The door or window in `wall` under a plan point, if any.
fn opening_under(structure: &Structure, wall: &WallId, point: PointMm) -> Option<OpeningId> {
    match structure_under(structure, coord(point), 0.0, None)? {
        StructureHit::Opening(index) => {
            let placement = structure.openings.get(index)?;
            (structure.wall_ids.get(placement.wall) == Some(wall)).then(|| placement.id.clone())
        }
        _ => None,
    }
}
