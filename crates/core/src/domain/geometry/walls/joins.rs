//! Wall end joins: what meets each wall end, and the footprint corners there (a mitre where
//! exactly two walls meet, the host's face at a T-junction, square otherwise).
//!
//! The rules, per wall end:
//! - nothing else there: a square end at the centre-line end;
//! - the end lies on the side of another wall (a T-junction): both corners lie on the host's
//!   near face, so the wall neither reaches into the host nor leaves a gap;
//! - exactly one other wall ends there: a mitre. Each face line of one wall is intersected
//!   with the other wall's face line on the opposite side of the bisector, so both walls get
//!   the very same two corner points (computed once), whatever their thicknesses and whichever
//!   way they were drawn;
//! - three or more walls end there: the square end reaches past the node by the largest half
//!   thickness of the others (the walls overlap there, as they always have).
//!
//! A mitre or T cut that would reach further than [`MITRE_LIMIT_HALF_THICKNESSES`] times the
//! larger half thickness from the node, or more than half way along either wall (very acute
//! angles, walls folding back on themselves, collinear walls), falls back to square ends at
//! the centre-line end points. Those overlap near the node or leave a notch, but every wall
//! outline stays a convex quadrilateral: all its corners lie on its two face lines, in order.

use crate::domain::geometry::walls::{JOIN_TOLERANCE_MM, WallGeometry};
use crate::domain::geometry::{Coord, cross, distance_to_segment, dot, length};

/// A mitre or T-junction corner further than this many times the larger half thickness from
/// the node falls back to square ends.
pub const MITRE_LIMIT_HALF_THICKNESSES: f64 = 5.0;

/// Lines whose directions' cross product is below this are treated as parallel.
const PARALLEL_TOLERANCE: f64 = 1e-9;

/// The two footprint corners at one wall end, `[right, left]`.
type EndCorners = [Coord<f64>; 2];

/// One end of a wall.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum End {
    Start,
    End,
}

/// What meets a wall end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Joint {
    /// Nothing.
    Free,
    /// Exactly one other wall ends here.
    Pair(usize, End),
    /// The end lies on the side of this wall.
    Host(usize),
    /// Two or more other walls end here.
    Many,
}

/// The footprint corners `[start, end]` of every wall, each `[right, left]`. `near` lists, per
/// wall, the walls close enough to join it; extensions must already be worked out.
pub(super) fn end_corners(walls: &[WallGeometry], near: &[Vec<usize>]) -> Vec<[EndCorners; 2]> {
    let joints: Vec<[Joint; 2]> = (0..walls.len())
        .map(|index| [End::Start, End::End].map(|end| joint_at(walls, &near[index], index, end)))
        .collect();
    let mut corners: Vec<[EndCorners; 2]> = walls
        .iter()
        .map(|wall| [square(wall, End::Start, 0.0), square(wall, End::End, 0.0)])
        .collect();
    for (index, wall) in walls.iter().enumerate() {
        for end in [End::Start, End::End] {
            let slot = end as usize;
            let extended = square(wall, end, extension(wall, end));
            let chosen = match joints[index][slot] {
                Joint::Free => continue,
                Joint::Many => extended,
                Joint::Host(host) => {
                    on_host_face(wall, end, &walls[host]).unwrap_or_else(|| square(wall, end, 0.0))
                }
                // The other wall sees more walls here: the node is crowded.
                Joint::Pair(other, other_end)
                    if joints[other][other_end as usize] != Joint::Pair(index, end) =>
                {
                    extended
                }
                // Worked out once, from the wall listed first, so both get the same points.
                Joint::Pair(other, other_end) if (other, other_end) < (index, end) => continue,
                Joint::Pair(other, other_end) => {
                    let Some((this, that)) = mitre(wall, end, &walls[other], other_end) else {
                        continue;
                    };
                    corners[other][other_end as usize] = that;
                    this
                }
            };
            corners[index][slot] = chosen;
        }
    }
    corners
}

fn point(wall: &WallGeometry, end: End) -> Coord<f64> {
    match end {
        End::Start => wall.start,
        End::End => wall.end,
    }
}

/// Unit vector from the end into the wall.
fn inward(wall: &WallGeometry, end: End) -> Coord<f64> {
    match end {
        End::Start => wall.along,
        End::End => -wall.along,
    }
}

fn extension(wall: &WallGeometry, end: End) -> f64 {
    match end {
        End::Start => wall.start_extension,
        End::End => wall.end_extension,
    }
}

fn joint_at(walls: &[WallGeometry], near: &[usize], index: usize, end: End) -> Joint {
    let at = point(&walls[index], end);
    let mut partners = Vec::new();
    let mut host = None;
    for &other in near {
        if other == index {
            continue;
        }
        let that = &walls[other];
        if length(that.start - at) <= JOIN_TOLERANCE_MM {
            partners.push((other, End::Start));
        } else if length(that.end - at) <= JOIN_TOLERANCE_MM {
            partners.push((other, End::End));
        } else if host.is_none()
            && distance_to_segment(at, that.start, that.end) <= JOIN_TOLERANCE_MM
        {
            host = Some(other);
        }
    }
    // A T-junction wins: walls ending on a host from either side each stop at its face.
    match (host, partners.as_slice()) {
        (Some(host), _) => Joint::Host(host),
        (None, []) => Joint::Free,
        (None, [(other, other_end)]) => Joint::Pair(*other, *other_end),
        (None, _) => Joint::Many,
    }
}

/// A square end `beyond` past the centre-line end.
fn square(wall: &WallGeometry, end: End, beyond: f64) -> EndCorners {
    let at = match end {
        End::Start => wall.point_at(-beyond),
        End::End => wall.point_at(wall.length + beyond),
    };
    let side = wall.left * wall.half_thickness;
    [at - side, at + side]
}

/// A point on the wall's face line: `+1.0` for the left face, `-1.0` for the right.
fn face_origin(wall: &WallGeometry, face: f64) -> Coord<f64> {
    wall.start + wall.left * (face * wall.half_thickness)
}

/// Where the lines `p + s·u` and `q + t·v` cross, or `None` when they are parallel.
fn intersect(p: Coord<f64>, u: Coord<f64>, q: Coord<f64>, v: Coord<f64>) -> Option<Coord<f64>> {
    let denominator = cross(u, v);
    if denominator.abs() < PARALLEL_TOLERANCE {
        return None;
    }
    Some(p + u * (cross(q - p, v) / denominator))
}

/// Whether a corner at this end stays near the node and leaves room for the other end.
fn within_limits(wall: &WallGeometry, end: End, corner: Coord<f64>, half_thickness: f64) -> bool {
    let from_node = corner - point(wall, end);
    length(from_node) <= MITRE_LIMIT_HALF_THICKNESSES * half_thickness
        && dot(from_node, inward(wall, end)) < wall.length / 2.0
}

/// The shared mitre corners of two walls ending at one node, as each wall's `[right, left]`,
/// or `None` where the mitre would reach too far.
fn mitre(
    a: &WallGeometry,
    a_end: End,
    b: &WallGeometry,
    b_end: End,
) -> Option<(EndCorners, EndCorners)> {
    // In each wall's frame looking away from the node, side +1 is to the left of `inward`:
    // the wall's left face at its start, its right face at its end.
    let sign = |end: End| if end == End::Start { 1.0 } else { -1.0 };
    let (ka, kb) = (sign(a_end), sign(b_end));
    // One corner joins a's +1 side with b's -1 side, the other a's -1 side with b's +1 side.
    let first = intersect(face_origin(a, ka), a.along, face_origin(b, -kb), b.along)?;
    let second = intersect(face_origin(a, -ka), a.along, face_origin(b, kb), b.along)?;
    let reach = a.half_thickness.max(b.half_thickness);
    let fits = [first, second].iter().all(|corner| {
        within_limits(a, a_end, *corner, reach) && within_limits(b, b_end, *corner, reach)
    });
    if !fits {
        return None;
    }
    // `first` is on a's left face at a's start (right at its end), on b's right face at b's
    // start (left at its end).
    let for_a = if a_end == End::Start {
        [second, first]
    } else {
        [first, second]
    };
    let for_b = if b_end == End::Start {
        [first, second]
    } else {
        [second, first]
    };
    Some((for_a, for_b))
}

/// Corners of a wall ending on the side of `host`: on the host's face towards this wall.
fn on_host_face(wall: &WallGeometry, end: End, host: &WallGeometry) -> Option<EndCorners> {
    let towards_wall = if dot(inward(wall, end), host.left) >= 0.0 {
        host.left
    } else {
        -host.left
    };
    let face_point = host.start + towards_wall * host.half_thickness;
    let face_direction = host.along;
    let reach = wall.half_thickness.max(host.half_thickness);
    let mut corners = [Coord { x: 0.0, y: 0.0 }; 2];
    for (slot, face) in [-1.0, 1.0].into_iter().enumerate() {
        let corner = intersect(
            face_origin(wall, face),
            wall.along,
            face_point,
            face_direction,
        )?;
        if !within_limits(wall, end, corner, reach) {
            return None;
        }
        corners[slot] = corner;
    }
    Some(corners)
}

#[cfg(test)]
mod tests;
