//! Cut-away walls in the 3D view: the walls between the camera and the rooms are drawn low (the
//! pieces above doors and windows and the doors and windows themselves are left out) so the
//! furniture behind them shows; View → "Full-height walls in 3D" turns it off. In the plan view
//! every wall and opening is hidden (the plan drawing paints them).

use crate::live::LiveState;
use crate::scene::structure::{OpeningEntity, WallPiece};
use crate::viewport::camera::{OrbitCamera, ViewMode, ViewOptions};
use bevy::prelude::*;
use room_planner_core::domain::geometry::Coord;
use room_planner_core::domain::geometry::walls::WallGeometry;
use room_planner_core::domain::measured::Structure;
use room_planner_core::domain::values::ids::{OpeningId, WallId};
use std::collections::{HashMap, HashSet};

/// How high a cut wall stands, in millimetres.
pub const CUT_HEIGHT_MM: f64 = 400.0;
/// A wall is cut when it faces the camera at least this much (the cosine of the angle between
/// its outside and the horizontal direction to the camera).
const FACING: f64 = 0.25;

/// The walls to cut for a camera looking from `towards_camera` (a horizontal unit vector from
/// the focus towards the camera, in plan coordinates) at `focus` (plan mm): outside walls whose
/// outside faces the camera, and partitions lying between the focus and the camera. One flag
/// per wall, in layout order; the work grows with the walls and room sides, not their product.
#[must_use]
pub fn walls_to_cut(
    structure: &Structure,
    focus: Coord<f64>,
    towards_camera: Coord<f64>,
) -> Vec<bool> {
    let dot = |a: Coord<f64>, b: Coord<f64>| a.x * b.x + a.y * b.y;
    // Which sides of each wall (left, right) face a room.
    let mut room_on = vec![[false, false]; structure.walls.len()];
    for room in &structure.rooms {
        for &(index, left) in &room.sides {
            if let Some(sides) = room_on.get_mut(index) {
                sides[usize::from(!left)] = true;
            }
        }
    }
    let facing = |outside: Coord<f64>| dot(outside, towards_camera) > FACING;
    structure
        .walls
        .iter()
        .zip(room_on)
        .map(|(wall, sides): (&WallGeometry, [bool; 2])| match sides {
            [true, false] => facing(wall.left * -1.0),
            [false, true] => facing(wall.left),
            _ => {
                let middle = wall.point_at(wall.length / 2.0);
                dot(middle - focus, towards_camera) > 0.0
                    && dot(wall.left, towards_camera).abs() > FACING
            }
        })
        .collect()
}

/// Cuts the walls facing the camera down low in 3D, hides every wall and opening in the plan.
/// Runs only when the camera, the view, the walls or the pieces drawn change.
#[allow(clippy::type_complexity)]
pub(crate) fn cut_away_walls(
    mode: Res<ViewMode>,
    options: Res<ViewOptions>,
    live: Res<LiveState>,
    cameras: Query<Ref<OrbitCamera>>,
    added: Query<(), Or<(Added<WallPiece>, Added<OpeningEntity>)>>,
    mut pieces: Query<(&WallPiece, &mut Transform, &mut Visibility), Without<OpeningEntity>>,
    mut openings: Query<(&OpeningEntity, &mut Visibility), Without<WallPiece>>,
) {
    let camera_moved = cameras.iter().any(|orbit| orbit.is_changed());
    // A change of walls or openings rebuilds their entities (`scene::structure`), so new pieces
    // stand for it; product edits, which change the live state too, leave the cut as it is.
    if !(camera_moved || mode.is_changed() || options.is_changed() || !added.is_empty()) {
        return;
    }
    let structure = live.checker.structure();
    let plan = *mode == ViewMode::Plan;
    let cut: Vec<bool> = match cameras.single() {
        Ok(orbit) if !plan && !options.full_walls => {
            // The camera stands at yaw from the focus: world (sin, cos) in x and z, plan y = −z.
            let towards_camera = Coord {
                x: f64::from(orbit.yaw.sin()),
                y: -f64::from(orbit.yaw.cos()),
            };
            let focus = Coord {
                x: f64::from(orbit.focus.x) * 1000.0,
                y: -f64::from(orbit.focus.z) * 1000.0,
            };
            walls_to_cut(structure, focus, towards_camera)
        }
        _ => vec![false; structure.walls.len()],
    };
    let index_of: HashMap<&WallId, usize> = structure
        .wall_ids
        .iter()
        .enumerate()
        .map(|(index, id)| (id, index))
        .collect();
    for (piece, mut transform, mut visibility) in &mut pieces {
        let index = index_of.get(&piece.wall).copied();
        let is_cut = index.is_some_and(|index| cut.get(index) == Some(&true));
        let height_mm = index
            .and_then(|index| structure.walls.get(index))
            .map_or(1.0, |wall| wall.height.max(1.0));
        let shown = !(plan || is_cut && piece.bottom_mm > 0.0);
        visibility.set_if_neq(if shown {
            Visibility::Inherited
        } else {
            Visibility::Hidden
        });
        let scale = if is_cut {
            (CUT_HEIGHT_MM / height_mm).min(1.0) as f32
        } else {
            1.0
        };
        if transform.scale.y != scale {
            transform.scale.y = scale;
        }
    }
    let cut_openings: HashSet<&OpeningId> = structure
        .openings
        .iter()
        .filter(|opening| cut.get(opening.wall) == Some(&true))
        .map(|opening| &opening.id)
        .collect();
    for (opening, mut visibility) in &mut openings {
        let shown = !plan && !cut_openings.contains(&opening.id);
        visibility.set_if_neq(if shown {
            Visibility::Inherited
        } else {
            Visibility::Hidden
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use room_planner_core::domain::catalog::CatalogSet;
    use room_planner_core::domain::layout::{Customer, FORMAT_VERSION, Layout, QuoteInfo, Wall};
    use room_planner_core::domain::values::units::{Mm, PointMm};

    fn wall(id: &str, start: (i64, i64), end: (i64, i64)) -> Wall {
        Wall {
            id: WallId::from(id),
            start: PointMm::new(start.0, start.1),
            end: PointMm::new(end.0, end.1),
            thickness: Mm(100),
            height: Mm(2600),
        }
    }

    #[test]
    fn the_walls_facing_the_camera_are_cut_and_the_far_ones_stay() {
        let layout = Layout {
            format_version: FORMAT_VERSION,
            catalogs: Vec::new(),
            walls: vec![
                wall("south", (0, 0), (5000, 0)),
                wall("east", (5000, 0), (5000, 4000)),
                wall("north", (5000, 4000), (0, 4000)),
                wall("west", (0, 4000), (0, 0)),
            ],
            openings: Vec::new(),
            rooms: Vec::new(),
            products: Vec::new(),
            customer: Customer::default(),
            quote: QuoteInfo::default(),
        };
        let structure = Structure::new(&layout, &CatalogSet::default());
        // Looking north from the south-east.
        let towards = Coord { x: 0.6, y: -0.8 };
        let cut = walls_to_cut(
            &structure,
            Coord {
                x: 2500.0,
                y: 2000.0,
            },
            towards,
        );
        // south, east, north, west
        assert_eq!(cut, vec![true, true, false, false]);
    }
}
