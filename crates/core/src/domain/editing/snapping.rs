//! Magnetism while moving a product: the centre on a grid, the back against the wall it faces
//! (and into a corner), edges lined up with or pushed against neighbouring products. A drag
//! never turns the product (only the user does), pushes it out of a wall it was dragged into,
//! and never snaps it onto another product when the spot it was dragged to is free.

use crate::domain::constraints::LiveChecker;
use crate::domain::geometry::walls::WallGeometry;
use crate::domain::geometry::{Coord, OrientedRect, cross, dot, length};
use crate::domain::geometry::{bounds_of, grown};
use crate::domain::layout::Layout;
use crate::domain::measured::ProductPlacement;
use crate::domain::values::ids::ProductInstanceId;
use crate::domain::values::units::{PointMm, normalize_deg};

/// Below this an axis counts as parallel (sine of about 0.06°).
const PARALLEL_SINE: f64 = 1e-3;
/// Overlaps smaller than this count as touching, in millimetres.
const TOUCH_MM: f64 = 0.5;
/// A product's back faces a wall when its rotation is within this of square to it (degrees);
/// it is then squared, a turn too small to see.
const FACING_TOLERANCE_DEG: f64 = 1.0;

/// How strongly products snap.
#[derive(Debug, Clone, PartialEq)]
pub struct SnapSettings {
    /// Grid for the centre, in millimetres (0 or 1: no grid).
    pub grid_mm: i64,
    /// A product's back this close to a wall's face is put against it, in millimetres.
    pub wall_distance_mm: f64,
    /// Edges this close to a neighbour's edges (or a side wall) are lined up, in millimetres.
    pub neighbour_distance_mm: f64,
}

impl Default for SnapSettings {
    fn default() -> Self {
        Self {
            grid_mm: 10,
            wall_distance_mm: 250.0,
            neighbour_distance_mm: 80.0,
        }
    }
}

/// What a position was snapped to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SnapKind {
    /// The centre was rounded to the grid.
    Grid,
    /// The product was put against a wall (or into a corner).
    Wall,
    /// An edge was lined up with, or pushed against, a neighbour.
    Neighbour,
}

/// A snapped placement.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapped {
    /// Where the centre goes.
    pub position: PointMm,
    /// The rotation in degrees, in `[0, 360)`.
    pub rotation_deg: f64,
    /// What it snapped to, in the order applied.
    pub snapped_to: Vec<SnapKind>,
}

/// The normal (pointing into the room) of a wall face the product was put against, to keep it
/// out of the wall when rounding.
type Face = Coord<f64>;

/// Where a product wanted at `wanted` and `rotation_deg` goes with snapping. The product's size
/// comes from the checker; its neighbours and the walls too (the layout is what they were
/// measured from). A product the checker does not know only snaps to the grid.
#[must_use]
pub fn snap_product(
    checker: &LiveChecker,
    layout: &Layout,
    id: &ProductInstanceId,
    wanted: PointMm,
    rotation_deg: f64,
    settings: &SnapSettings,
) -> Snapped {
    let mut rotation = if rotation_deg.is_finite() {
        normalize_deg(rotation_deg)
    } else {
        0.0
    };
    let mut snapped_to = Vec::new();
    let mut centre = Coord {
        x: wanted.x.as_f64(),
        y: wanted.y.as_f64(),
    };
    if settings.grid_mm > 1 {
        let grid = settings.grid_mm as f64;
        centre = Coord {
            x: (centre.x / grid).round() * grid,
            y: (centre.y / grid).round() * grid,
        };
        snapped_to.push(SnapKind::Grid);
    }
    let placement = checker.product(id).filter(|_| layout.product(id).is_some());
    let Some(placement) = placement else {
        return Snapped {
            position: rounded(centre, &[]),
            rotation_deg: rotation,
            snapped_to,
        };
    };
    let width = placement.dimensions.width.as_f64();
    let depth = placement.dimensions.depth.as_f64();

    let wanted_centre = centre;
    let mut faces = Vec::new();
    let mut fixed_across = false;
    let mut fixed_along = false;
    if let Some((wall, side)) =
        nearest_wall(checker.walls(), centre, width, depth, rotation, settings)
    {
        let normal = wall.left * side;
        // Within a degree of square: squared exactly, so the back lies flat on the face.
        rotation = turned_to_face(normal);
        let level = dot(wall.start, normal) + wall.half_thickness;
        centre = centre + normal * (level + depth / 2.0 - dot(centre, normal));
        faces.push(normal);
        fixed_across = true;
        snapped_to.push(SnapKind::Wall);
        let rect = OrientedRect::new(centre, width, depth, rotation);
        if let Some((shift, face)) = side_wall(checker.walls(), wall, &rect, settings) {
            centre = centre + shift;
            faces.push(face);
            fixed_along = true;
        }
    } else if let Some((shift, face)) = out_of_walls(
        checker.walls(),
        &OrientedRect::new(centre, width, depth, rotation),
    ) {
        centre = centre + shift;
        faces.push(face);
        snapped_to.push(SnapKind::Wall);
    }
    let walls_only = centre;

    let rect = OrientedRect::new(centre, width, depth, rotation);
    let shift = neighbour_shift(
        checker,
        placement,
        &rect,
        fixed_along,
        fixed_across,
        settings,
    );
    if length(shift) > 0.0 {
        centre = centre + shift;
        snapped_to.push(SnapKind::Neighbour);
    }
    // Snapping must not put the product onto another one when a spot it would have taken
    // without a pull is free: the neighbour pull goes first, then the wall's.
    let on_others = |at: Coord<f64>| {
        overlaps_others(
            checker,
            placement,
            &OrientedRect::new(at, width, depth, rotation),
        )
    };
    if on_others(centre) {
        if !on_others(walls_only) {
            centre = walls_only;
            snapped_to.retain(|kind| *kind != SnapKind::Neighbour);
        } else if !on_others(wanted_centre) {
            centre = wanted_centre;
            faces.clear();
            snapped_to.retain(|kind| *kind == SnapKind::Grid);
        }
    }
    Snapped {
        position: rounded(centre, &faces),
        rotation_deg: rotation,
        snapped_to,
    }
}

/// True when a product at `rect` would overlap another product at its height.
fn overlaps_others(
    checker: &LiveChecker,
    placement: &ProductPlacement,
    rect: &OrientedRect,
) -> bool {
    let corners = rect.corners();
    checker
        .products_touching(&bounds_of(&corners))
        .into_iter()
        .any(|other| {
            other.id != placement.id
                && placement.overlaps_vertically(other)
                && crate::domain::geometry::convex_overlap_depth(
                    &corners,
                    &other.footprint.corners(),
                )
                .is_some()
        })
}

/// For a wall the footprint's centre lies beside (within its length and joins): the side of
/// the wall the centre is on (1 for its left, -1 for its right) and how far the footprint's
/// nearest corner is from that face (negative inside the wall).
fn gap_to_face(wall: &WallGeometry, rect: &OrientedRect) -> Option<(f64, f64)> {
    let along = wall.offset_of(rect.centre);
    if along < -wall.start_extension || along > wall.length + wall.end_extension {
        return None;
    }
    let side = if wall.side_distance(rect.centre) < 0.0 {
        -1.0
    } else {
        1.0
    };
    let gap = rect
        .corners()
        .iter()
        .map(|corner| wall.side_distance(*corner) * side - wall.half_thickness)
        .fold(f64::INFINITY, f64::min);
    Some((side, gap))
}

/// The push that takes a footprint dragged into a wall (one it does not back onto) back out of
/// it, square to the wall, with the wall's face normal.
fn out_of_walls(walls: &[WallGeometry], rect: &OrientedRect) -> Option<(Coord<f64>, Face)> {
    let mut deepest: Option<(f64, Coord<f64>)> = None;
    for wall in walls {
        let Some((side, gap)) = gap_to_face(wall, rect) else {
            continue;
        };
        if gap < -TOUCH_MM && deepest.is_none_or(|(known, _)| gap < known) {
            deepest = Some((gap, wall.left * side));
        }
    }
    deepest.map(|(gap, normal)| (normal * -gap, normal))
}

/// The wall face nearest to the footprint that the product's back faces (as it stands, within
/// a degree) and is within the wall distance of; with the side of the wall the product is on
/// (1 for the wall's left, -1 for its right).
fn nearest_wall<'w>(
    walls: &'w [WallGeometry],
    centre: Coord<f64>,
    width: f64,
    depth: f64,
    rotation: f64,
    settings: &SnapSettings,
) -> Option<(&'w WallGeometry, f64)> {
    let rect = OrientedRect::new(centre, width, depth, rotation);
    let corners = rect.corners();
    let reach = width.hypot(depth) / 2.0;
    let mut best: Option<(f64, f64, usize, f64)> = None;
    for (index, wall) in walls.iter().enumerate() {
        let along = wall.offset_of(centre);
        if along < -wall.start_extension || along > wall.length + wall.end_extension {
            continue;
        }
        let centre_distance = wall.side_distance(centre);
        if centre_distance.abs() > wall.half_thickness + reach + settings.wall_distance_mm {
            continue;
        }
        let side = if centre_distance < 0.0 { -1.0 } else { 1.0 };
        let face_gap = |point: Coord<f64>| wall.side_distance(point) * side - wall.half_thickness;
        let footprint_gap = corners
            .iter()
            .map(|corner| face_gap(*corner))
            .fold(f64::INFINITY, f64::min);
        let back_as_is = rect
            .back_edge()
            .iter()
            .map(|corner| face_gap(*corner))
            .fold(f64::NEG_INFINITY, f64::max);
        let facing = (normalize_deg(rotation - turned_to_face(wall.left * side) + 180.0) - 180.0)
            .abs()
            <= FACING_TOLERANCE_DEG;
        if !facing || back_as_is > settings.wall_distance_mm {
            continue;
        }
        let candidate = (footprint_gap.max(0.0), back_as_is.abs(), index, side);
        let better = best.is_none_or(|known| {
            (candidate.0, candidate.1, candidate.2) < (known.0, known.1, known.2)
        });
        if better {
            best = Some(candidate);
        }
    }
    best.map(|(_, _, index, side)| (&walls[index], side))
}

/// The rotation whose front faces along `normal` (at 0° the front faces +y).
fn turned_to_face(normal: Coord<f64>) -> f64 {
    normalize_deg((-normal.x).atan2(normal.y).to_degrees())
}

/// A push along the back wall that puts a side of the product against a wall across it.
fn side_wall(
    walls: &[WallGeometry],
    back_wall: &WallGeometry,
    rect: &OrientedRect,
    settings: &SnapSettings,
) -> Option<(Coord<f64>, Face)> {
    let mut best: Option<(f64, Coord<f64>, Face)> = None;
    for wall in walls {
        if std::ptr::eq(wall, back_wall) || dot(wall.along, back_wall.along).abs() > PARALLEL_SINE {
            continue;
        }
        let Some((side, gap)) = gap_to_face(wall, rect) else {
            continue;
        };
        if gap.abs() > settings.neighbour_distance_mm
            || best.as_ref().is_some_and(|known| known.0 <= gap.abs())
        {
            continue;
        }
        let normal = wall.left * side;
        best = Some((gap.abs(), normal * -gap, normal));
    }
    best.map(|(_, shift, face)| (shift, face))
}

/// The push that lines the product's edges up with nearby products' edges or puts it against
/// them, along each of its own axes; axes already fixed by walls are left alone.
fn neighbour_shift(
    checker: &LiveChecker,
    placement: &ProductPlacement,
    rect: &OrientedRect,
    fixed_along: bool,
    fixed_across: bool,
    settings: &SnapSettings,
) -> Coord<f64> {
    let reach = settings.neighbour_distance_mm;
    let search = grown(&bounds_of(&rect.corners()), reach);
    let axes = [rect.along, rect.across];
    let own = axes.map(|axis| interval(&rect.corners(), axis));
    let mut best: [Option<f64>; 2] = [None, None];
    for neighbour in checker.products_touching(&search) {
        if neighbour.id == placement.id {
            continue;
        }
        let turn = cross(neighbour.footprint.along, rect.along).abs();
        let square = dot(neighbour.footprint.along, rect.along).abs();
        if turn > PARALLEL_SINE && square > PARALLEL_SINE {
            continue;
        }
        let corners = neighbour.footprint.corners();
        let theirs = axes.map(|axis| interval(&corners, axis));
        for axis in 0..2 {
            let other = 1 - axis;
            let beside = own[other].1.min(theirs[other].1) - own[other].0.max(theirs[other].0);
            let candidates = if beside > TOUCH_MM && placement.overlaps_vertically(neighbour) {
                // Side by side at the same height: push against it.
                [theirs[axis].1 - own[axis].0, theirs[axis].0 - own[axis].1]
            } else if beside > TOUCH_MM || -beside <= reach {
                // In front, behind, above or below: line the edges up.
                [theirs[axis].0 - own[axis].0, theirs[axis].1 - own[axis].1]
            } else {
                continue;
            };
            for delta in candidates {
                if delta.abs() <= reach && best[axis].is_none_or(|known| delta.abs() < known.abs())
                {
                    best[axis] = Some(delta);
                }
            }
        }
    }
    let fixed = [fixed_along, fixed_across];
    let mut shift = Coord { x: 0.0, y: 0.0 };
    for axis in 0..2 {
        if let (false, Some(delta)) = (fixed[axis], best[axis]) {
            shift = shift + axes[axis] * delta;
        }
    }
    shift
}

/// The extent of points along an axis.
fn interval(points: &[Coord<f64>], axis: Coord<f64>) -> (f64, f64) {
    points
        .iter()
        .map(|point| dot(*point, axis))
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(low, high), along| {
            (low.min(along), high.max(along))
        })
}

/// The whole-millimetre point nearest to `centre` that keeps the product out of the faces it
/// was put against (rounding may otherwise push it a fraction into a slanted wall).
fn rounded(centre: Coord<f64>, faces: &[Face]) -> PointMm {
    let candidates = [
        (centre.x.round(), centre.y.round()),
        (centre.x.floor(), centre.y.floor()),
        (centre.x.floor(), centre.y.ceil()),
        (centre.x.ceil(), centre.y.floor()),
        (centre.x.ceil(), centre.y.ceil()),
    ];
    let intrusion = |(x, y): (f64, f64)| {
        faces
            .iter()
            .map(|normal| -dot(Coord { x, y } - centre, *normal))
            .fold(0.0, f64::max)
    };
    let distance = |(x, y): (f64, f64)| (x - centre.x).hypot(y - centre.y);
    let best = candidates
        .into_iter()
        .min_by(|a, b| {
            let a_key = (intrusion(*a) > TOUCH_MM - 0.01, distance(*a));
            let b_key = (intrusion(*b) > TOUCH_MM - 0.01, distance(*b));
            a_key.0.cmp(&b_key.0).then(a_key.1.total_cmp(&b_key.1))
        })
        .unwrap_or((centre.x.round(), centre.y.round()));
    PointMm::new(best.0 as i64, best.1 as i64)
}

#[cfg(test)]
mod tests;
