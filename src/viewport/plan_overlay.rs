//! Drawings that make the plan view readable: door swings (the measured plan's leaves), product
//! footprints with names and sizes, and dimensions in the preferred unit (both faces of every wall, opening widths, room
//! names with net floor areas, and the selected product's distances to the nearest walls).
//! Drawn as gizmos, so they also appear in rendered images.

use crate::document::Document;
use crate::editor::selection::Selection;
use crate::live::LiveState;
use crate::preferences::Preferences;
use crate::theme;
use crate::viewport::camera::{OrbitCamera, ViewMode};
use crate::world_units::{metres, world_point};
use bevy::prelude::*;
use room_planner_core::domain::geometry::Coord;
use room_planner_core::domain::geometry::dimensions::{distances_to_walls, face_lengths};
use room_planner_core::domain::measured::Structure;

/// Height above the floor plan drawings sit at, so they stay above floors and rugs.
pub const PLAN_LIFT_MM: f64 = 2_900.0;

/// Cells of the plan grid along each side (one metre each).
const GRID_CELLS: u32 = 80;

/// Text gizmos only draw ASCII: spell accented letters out.
#[must_use]
pub fn ascii_label(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            'ä' => out.push_str("ae"),
            'ö' => out.push_str("oe"),
            'ü' => out.push_str("ue"),
            'Ä' => out.push_str("Ae"),
            'Ö' => out.push_str("Oe"),
            'Ü' => out.push_str("Ue"),
            'ß' => out.push_str("ss"),
            'é' | 'è' | 'ê' => out.push('e'),
            'á' | 'à' | 'â' | 'å' => out.push('a'),
            '×' => out.push('x'),
            '²' => out.push('2'),
            '°' => out.push_str(" deg"),
            c if c.is_ascii() && !c.is_ascii_control() => out.push(c),
            _ => out.push('?'),
        }
    }
    out
}

/// A flat text label on the plan, readable from above.
pub fn plan_label(
    gizmos: &mut Gizmos,
    x_mm: f64,
    y_mm: f64,
    text: &str,
    size_m: f32,
    color: Color,
) {
    let position = world_point(x_mm, y_mm, PLAN_LIFT_MM);
    let isometry = Isometry3d::new(
        position,
        Quat::from_rotation_x(-std::f32::consts::FRAC_PI_2),
    );
    gizmos.text(isometry, &ascii_label(text), size_m, Vec2::ZERO, color);
}

/// A flat text label on the plan running along a direction (degrees anticlockwise from +x),
/// turned so that it never reads upside down.
pub fn plan_label_along(
    gizmos: &mut Gizmos,
    (x_mm, y_mm): (f64, f64),
    angle_deg: f64,
    text: &str,
    size_m: f32,
    color: Color,
) {
    let mut readable = angle_deg.rem_euclid(360.0);
    if readable > 90.0 && readable <= 270.0 {
        readable -= 180.0;
    }
    // Plan y is world −Z, so turning about world +Y by the plan angle follows the wall.
    let rotation = Quat::from_rotation_y(readable.to_radians() as f32)
        * Quat::from_rotation_x(-std::f32::consts::FRAC_PI_2);
    let isometry = Isometry3d::new(world_point(x_mm, y_mm, PLAN_LIFT_MM), rotation);
    gizmos.text(isometry, &ascii_label(text), size_m, Vec2::ZERO, color);
}

/// Where each room's name and area are written: clear of the products standing in it where
/// the floor has room. Worked out again only when the layout or its measurements change.
#[derive(Default)]
pub(crate) struct RoomLabelSpots(Vec<Coord<f64>>);

impl RoomLabelSpots {
    fn refresh(&mut self, structure: &Structure, live: &LiveState, changed: bool) {
        if !changed && self.0.len() == structure.rooms.len() {
            return;
        }
        let footprints: Vec<[Coord<f64>; 4]> = live
            .checker
            .products()
            .map(|placement| placement.footprint.corners())
            .collect();
        self.0 = structure
            .rooms
            .iter()
            .map(|room| {
                let Some(bounds) = geo::BoundingRect::bounding_rect(&room.polygon()) else {
                    return room.label_point();
                };
                // Only products whose bounds meet the room's can be in the way.
                let inside: Vec<[Coord<f64>; 4]> = footprints
                    .iter()
                    .filter(|corners| {
                        let (low, high) =
                            corners
                                .iter()
                                .fold((corners[0], corners[0]), |(low, high), corner| {
                                    (
                                        Coord {
                                            x: low.x.min(corner.x),
                                            y: low.y.min(corner.y),
                                        },
                                        Coord {
                                            x: high.x.max(corner.x),
                                            y: high.y.max(corner.y),
                                        },
                                    )
                                });
                        low.x <= bounds.max().x
                            && high.x >= bounds.min().x
                            && low.y <= bounds.max().y
                            && high.y >= bounds.min().y
                    })
                    .copied()
                    .collect();
                room.label_point_clear_of(&inside)
            })
            .collect();
    }
}

/// Draws the plan-view drawings while the plan view is shown.
#[allow(clippy::too_many_arguments)]
pub(crate) fn draw_plan_overlay(
    mode: Res<ViewMode>,
    document: Res<Document>,
    live: Res<LiveState>,
    preferences: Res<Preferences>,
    selection: Option<Res<Selection>>,
    cameras: Query<&OrbitCamera>,
    mut label_spots: Local<RoomLabelSpots>,
    mut gizmos: Gizmos,
) {
    if *mode != ViewMode::Plan {
        return;
    }
    // A one-metre grid around what the view looks at, to draw and place by.
    if let Ok(camera) = cameras.single() {
        let centre = Vec3::new(camera.focus.x.round(), 0.004, camera.focus.z.round());
        gizmos.grid(
            Isometry3d::new(centre, Quat::from_rotation_x(-std::f32::consts::FRAC_PI_2)),
            UVec2::splat(GRID_CELLS),
            Vec2::splat(1.0),
            theme::GRID,
        );
    }
    let layout = &document.layout;
    let unit = preferences.length_unit;
    let at = |x: f64, y: f64| world_point(x, y, PLAN_LIFT_MM);

    let structure = live.checker.structure();
    // The spots depend only on the measured rooms and products, which change with every edit
    // (made in the 3D view too: this system returns early there).
    let changed = live.is_changed() || mode.is_changed();
    label_spots.refresh(structure, &live, changed);
    for (index, room) in structure.rooms.iter().enumerate() {
        let centre = label_spots
            .0
            .get(index)
            .copied()
            .unwrap_or(room.label_point());
        if let Some(name) =
            room_planner_core::domain::drawing::room_keys::room_name(layout, structure, index)
        {
            plan_label(
                &mut gizmos,
                centre.x,
                centre.y + 200.0,
                name,
                0.3,
                theme::PLAN_LINE,
            );
        }
        plan_label(
            &mut gizmos,
            centre.x,
            centre.y - 170.0,
            &unit.format_area(room.net_area_mm2),
            0.26,
            theme::DIMENSION,
        );
    }
    for geometry in &structure.walls {
        // Each face's length beside it: the inner one inside the room, the outer one outside.
        let (left_mm, right_mm) = face_lengths(geometry);
        let middle = geometry.point_at(geometry.length / 2.0);
        let angle_deg = geometry.angle_deg();
        for (side, face_mm) in [(1.0, left_mm), (-1.0, right_mm)] {
            let beside = middle + geometry.left * (side * (geometry.half_thickness + 200.0));
            plan_label_along(
                &mut gizmos,
                (beside.x, beside.y),
                angle_deg,
                &unit.format(face_mm),
                0.17,
                theme::DIMENSION,
            );
        }
    }
    for opening in &structure.openings {
        let wall = &structure.walls[opening.wall];
        let middle = wall.point_at((opening.from_mm + opening.to_mm) / 2.0);
        let beside = middle - wall.left * (wall.half_thickness + 480.0);
        plan_label_along(
            &mut gizmos,
            (beside.x, beside.y),
            wall.angle_deg(),
            &format!(
                "{} {}",
                opening.name,
                unit.format(opening.to_mm - opening.from_mm)
            ),
            0.12,
            theme::PLAN_LINE,
        );
    }
    if let Some(placement) = selection
        .and_then(|selection| selection.product().cloned())
        .and_then(|id| live.checker.product(&id))
    {
        for clearance in distances_to_walls(&placement.footprint, &structure.walls) {
            gizmos.line(
                at(clearance.from.x, clearance.from.y),
                at(clearance.to.x, clearance.to.y),
                theme::CLEARANCE,
            );
            let middle = (clearance.from + clearance.to) / 2.0;
            plan_label(
                &mut gizmos,
                middle.x,
                middle.y,
                &unit.format(clearance.distance_mm),
                0.15,
                theme::CLEARANCE,
            );
        }
    }
    for leaf in structure
        .openings
        .iter()
        .filter_map(|opening| opening.leaf.as_ref())
    {
        let arc_points: Vec<Vec3> = leaf.arc().iter().map(|p| at(p.x, p.y)).collect();
        gizmos.linestrip(arc_points, theme::PLAN_LINE);
        gizmos.line(
            at(leaf.hinge.x, leaf.hinge.y),
            at(leaf.open_tip.x, leaf.open_tip.y),
            theme::PLAN_LINE,
        );
    }
    for placed in &layout.products {
        let Some(placement) = live.checker.product(&placed.id) else {
            continue;
        };
        let corners = placement.footprint.corners();
        let outline: Vec<Vec3> = corners.iter().map(|c| at(c.x, c.y)).collect();
        gizmos.lineloop(outline, theme::PLAN_LINE);
        let centre = placement.footprint.centre;
        let size = format!(
            "{} x {}{}",
            unit.format_number(placement.dimensions.width.as_f64()),
            unit.format_number(placement.dimensions.depth.as_f64()),
            unit.suffix()
        );
        let (width, depth) = (
            placement.dimensions.width.as_f64(),
            placement.dimensions.depth.as_f64(),
        );
        // Names only where they fit; small items keep their outline.
        if width.min(depth) < 380.0 || width < 700.0 {
            continue;
        }
        let text_size = metres((width.min(depth) / 9.0).clamp(60.0, 140.0));
        plan_label(
            &mut gizmos,
            centre.x,
            centre.y + 90.0,
            &placement.name,
            text_size,
            theme::PLAN_LINE,
        );
        plan_label(
            &mut gizmos,
            centre.x,
            centre.y - 110.0,
            &size,
            text_size * 0.85,
            theme::DIMENSION,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_spelled_in_ascii() {
        assert_eq!(ascii_label("Gäst bed 160 × 200"), "Gaest bed 160 x 200");
    }
}
