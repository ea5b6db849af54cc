//! A product resized while it stands against a wall grows away from the wall: its back (or a
//! side) stays on the wall face it touched, and the centre moves by the change in size.

use crate::domain::geometry::walls::WallGeometry;
use crate::domain::geometry::{Coord, OrientedRect};

/// A side this close to a wall face (mm) stands against it.
const ON_FACE_MM: f64 = 1.0;

/// The centre for a product that was `before` and is now `width_mm` × `depth_mm`: sides that
/// stood on a wall face stay on it (the back first, then the left or right side); the front
/// grows freely.
#[must_use]
pub fn centre_after_resize(
    walls: &[WallGeometry],
    before: &OrientedRect,
    width_mm: f64,
    depth_mm: f64,
) -> Coord<f64> {
    let corners = before.corners();
    let on_a_wall = |edge: [Coord<f64>; 2]| {
        walls.iter().any(|wall| {
            let side_of = |point: Coord<f64>| wall.side_distance(point);
            let (first, second) = (side_of(edge[0]), side_of(edge[1]));
            let on_face =
                |distance: f64| (distance.abs() - wall.half_thickness).abs() <= ON_FACE_MM;
            let along = |point: Coord<f64>| wall.offset_of(point);
            let within = |point: Coord<f64>| {
                (-wall.start_extension - ON_FACE_MM..=wall.length + wall.end_extension + ON_FACE_MM)
                    .contains(&along(point))
            };
            on_face(first)
                && on_face(second)
                && first.signum() == second.signum()
                && (within(edge[0]) || within(edge[1]))
        })
    };
    let grow_depth = depth_mm / 2.0 - before.half_depth;
    let grow_width = width_mm / 2.0 - before.half_width;
    let mut centre = before.centre;
    // Back-left, back-right, front-right, front-left.
    if on_a_wall([corners[0], corners[1]]) {
        centre = centre + before.across * grow_depth;
    } else if on_a_wall([corners[2], corners[3]]) {
        centre = centre - before.across * grow_depth;
    }
    if on_a_wall([corners[0], corners[3]]) {
        centre = centre + before.along * grow_width;
    } else if on_a_wall([corners[1], corners[2]]) {
        centre = centre - before.along * grow_width;
    }
    centre
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::constraints::test_support::room;
    use crate::domain::geometry::walls::wall_geometries;

    /// The 5 m × 4 m test room: inner faces at x 50 and 4950, y 50 and 3950.
    fn walls() -> Vec<WallGeometry> {
        wall_geometries(&room().walls)
    }

    fn rect(x: f64, y: f64, width: f64, depth: f64, rotation_deg: f64) -> OrientedRect {
        OrientedRect::new(Coord { x, y }, width, depth, rotation_deg)
    }

    #[test]
    fn a_product_backed_onto_a_wall_grows_away_from_it() {
        // Back on the south face (y 50), 500 deep: 200 deeper moves the centre 100 north.
        let against = rect(2500.0, 300.0, 1000.0, 500.0, 0.0);
        let centre = centre_after_resize(&walls(), &against, 1000.0, 700.0);
        assert!((centre.y - 400.0).abs() < 1e-6 && (centre.x - 2500.0).abs() < 1e-6);
        // Free-standing, it grows about its centre.
        let free = rect(2500.0, 1000.0, 1000.0, 500.0, 0.0);
        let centre = centre_after_resize(&walls(), &free, 1000.0, 700.0);
        assert!((centre.y - 1000.0).abs() < 1e-6);
    }

    #[test]
    fn in_a_corner_it_grows_away_from_both_walls() {
        // Back on the south face, left side on the west face (x 50).
        let cornered = rect(550.0, 300.0, 1000.0, 500.0, 0.0);
        let centre = centre_after_resize(&walls(), &cornered, 1400.0, 500.0);
        assert!((centre.x - 750.0).abs() < 1e-6, "{centre:?}");
        assert!((centre.y - 300.0).abs() < 1e-6, "{centre:?}");
        // Turned to face west with its back on the east face (x 4950): grows westwards.
        let east = rect(4700.0, 2000.0, 1000.0, 500.0, 90.0);
        let centre = centre_after_resize(&walls(), &east, 1000.0, 900.0);
        assert!((centre.x - 4500.0).abs() < 1e-6, "{centre:?}");
    }
}
