//! Meshes for what lies flat: each room's floor, and the ground around the rooms with a hole
//! under each floor, so no pixel is shaded twice (ground, then the floor on top): a software
//! renderer shades every pixel on the CPU, and the floors are most of the picture.

use crate::world_units::world_point;
use bevy::asset::RenderAssetUsages;
use bevy::mesh::{Indices, PrimitiveTopology};
use bevy::prelude::*;
use geo::TriangulateEarcut;
use room_planner_core::domain::geometry::Coord;
use room_planner_core::domain::geometry::rooms::Room;
use room_planner_core::domain::layout::Layout;

/// How far the ground reaches beyond the outermost walls, in millimetres.
const GROUND_MARGIN_MM: f64 = 6000.0;
/// The ground lies this far below the floors, in millimetres.
const GROUND_BELOW_MM: f64 = -2.0;
/// Floors lie this far above the ground level, in millimetres.
const FLOOR_ABOVE_MM: f64 = 1.0;

/// A room's floor (bounded by the walls' inner faces), triangulated, just above the ground.
#[must_use]
pub fn floor_mesh(room: &Room) -> Mesh {
    let polygon = room_planner_core::domain::geometry::polygon(&room.floor);
    flat_mesh(&polygon, FLOOR_ABOVE_MM)
}

/// The ground: the walls' extent and a margin, with a hole under every room floor whose bounding
/// box meets no other hole's (floors of rooms never overlap, but a hole is only cut where that is
/// plain, so the triangulation stays valid whatever the rooms).
#[must_use]
pub fn ground_mesh(layout: &Layout, rooms: &[Room]) -> Mesh {
    let (mut low, mut high) = (
        Coord {
            x: f64::MAX,
            y: f64::MAX,
        },
        Coord {
            x: f64::MIN,
            y: f64::MIN,
        },
    );
    for wall in &layout.walls {
        for point in [wall.start, wall.end] {
            low.x = low.x.min(point.x.as_f64());
            low.y = low.y.min(point.y.as_f64());
            high.x = high.x.max(point.x.as_f64());
            high.y = high.y.max(point.y.as_f64());
        }
    }
    if low.x > high.x {
        (low, high) = (
            Coord {
                x: -5000.0,
                y: -5000.0,
            },
            Coord {
                x: 5000.0,
                y: 5000.0,
            },
        );
    }
    let (low, high) = (
        Coord {
            x: low.x - GROUND_MARGIN_MM,
            y: low.y - GROUND_MARGIN_MM,
        },
        Coord {
            x: high.x + GROUND_MARGIN_MM,
            y: high.y + GROUND_MARGIN_MM,
        },
    );
    let outline = geo::LineString::from(vec![
        low,
        Coord {
            x: high.x,
            y: low.y,
        },
        high,
        Coord {
            x: low.x,
            y: high.y,
        },
    ]);
    let holes = separate_floors(rooms)
        .into_iter()
        .map(|room| geo::LineString::from(room.floor.clone()))
        .collect();
    flat_mesh(&geo::Polygon::new(outline, holes), GROUND_BELOW_MM)
}

/// The rooms whose floors have at least three corners and a bounding box that meets no other
/// such floor's.
fn separate_floors(rooms: &[Room]) -> Vec<&Room> {
    let bounds = |room: &Room| {
        room.floor.iter().fold(
            [f64::MAX, f64::MAX, f64::MIN, f64::MIN],
            |[x0, y0, x1, y1], corner| {
                [
                    x0.min(corner.x),
                    y0.min(corner.y),
                    x1.max(corner.x),
                    y1.max(corner.y),
                ]
            },
        )
    };
    let mut boxes: Vec<([f64; 4], &Room)> = rooms
        .iter()
        .filter(|room| room.floor.len() >= 3)
        .map(|room| (bounds(room), room))
        .collect();
    boxes.sort_by(|a, b| a.0[0].total_cmp(&b.0[0]));
    let mut clear = vec![true; boxes.len()];
    for (index, (this, _)) in boxes.iter().enumerate() {
        // Sorted by left edge: only boxes starting before this one ends can meet it.
        for (offset, (other, _)) in boxes[index + 1..].iter().enumerate() {
            if other[0] > this[2] {
                break;
            }
            if other[1] <= this[3] && this[1] <= other[3] {
                clear[index] = false;
                clear[index + 1 + offset] = false;
            }
        }
    }
    boxes
        .into_iter()
        .zip(clear)
        .filter_map(|((_, room), clear)| clear.then_some(room))
        .collect()
}

/// A horizontal mesh of a plan polygon (millimetres) at `height_mm`, facing up.
fn flat_mesh(polygon: &geo::Polygon<f64>, height_mm: f64) -> Mesh {
    let triangles = polygon.earcut_triangles_raw();
    let positions: Vec<[f32; 3]> = triangles
        .vertices
        .iter()
        .map(|[x, y]| world_point(*x, *y, height_mm).to_array())
        .collect();
    let normals = vec![[0.0, 1.0, 0.0]; positions.len()];
    let uvs: Vec<[f32; 2]> = positions.iter().map(|p| [p[0], p[2]]).collect();
    let indices: Vec<u32> = triangles
        .triangle_indices
        .iter()
        .map(|i| *i as u32)
        .collect();
    let indices = ensure_upward(&positions, indices);
    Mesh::new(
        PrimitiveTopology::TriangleList,
        RenderAssetUsages::default(),
    )
    .with_inserted_attribute(Mesh::ATTRIBUTE_POSITION, positions)
    .with_inserted_attribute(Mesh::ATTRIBUTE_NORMAL, normals)
    .with_inserted_attribute(Mesh::ATTRIBUTE_UV_0, uvs)
    .with_inserted_indices(Indices::U32(indices))
}

/// Earcut returns triangles in either winding; a floor must face up (+Y) to be lit and to be
/// hit by picking rays from above (they skip back faces): each triangle is turned to face up.
fn ensure_upward(positions: &[[f32; 3]], mut indices: Vec<u32>) -> Vec<u32> {
    for triangle in indices.chunks_mut(3) {
        let [a, b, c] = [0, 1, 2].map(|i| {
            positions
                .get(triangle[i] as usize)
                .map_or(Vec3::ZERO, |p| Vec3::from_array(*p))
        });
        if (b - a).cross(c - a).y < 0.0 {
            triangle.swap(1, 2);
        }
    }
    indices
}

#[cfg(test)]
mod tests {
    use super::*;
    use bevy::mesh::VertexAttributeValues;
    use room_planner_core::domain::catalog::CatalogSet;
    use room_planner_core::domain::measured::Structure;
    use room_planner_core::storage::layout_file::load_layout;

    /// The area of the mesh's triangles in square metres, projected on the ground.
    fn area_m2(mesh: &Mesh) -> f64 {
        let Some(VertexAttributeValues::Float32x3(positions)) =
            mesh.attribute(Mesh::ATTRIBUTE_POSITION)
        else {
            panic!("no positions");
        };
        let Some(Indices::U32(indices)) = mesh.indices() else {
            panic!("no indices");
        };
        indices
            .chunks(3)
            .map(|t| {
                let [a, b, c] = [0, 1, 2].map(|i| Vec3::from_array(positions[t[i] as usize]));
                f64::from((b - a).cross(c - a).y) / 2.0
            })
            .sum()
    }

    #[test]
    fn the_ground_has_a_hole_under_each_floor_and_covers_the_rest() {
        let (layout, _) = load_layout(std::path::Path::new("saves/showroom.ron")).unwrap();
        let structure = Structure::new(&layout, &CatalogSet::default());
        let rooms = &structure.rooms;
        assert!(rooms.len() >= 2, "the showroom has several rooms");
        let ground = ground_mesh(&layout, rooms);
        let floors: f64 = rooms.iter().map(|room| area_m2(&floor_mesh(room))).sum();
        let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for wall in &layout.walls {
            for point in [wall.start, wall.end] {
                x0 = x0.min(point.x.as_f64());
                y0 = y0.min(point.y.as_f64());
                x1 = x1.max(point.x.as_f64());
                y1 = y1.max(point.y.as_f64());
            }
        }
        let margin = GROUND_MARGIN_MM * 2.0;
        let extent = (x1 - x0 + margin) * (y1 - y0 + margin) / 1e6;
        // Every triangle faces up, and ground plus floors cover the extent once.
        assert!(area_m2(&ground) > 0.0 && floors > 0.0);
        assert!(
            (area_m2(&ground) + floors - extent).abs() < 0.01,
            "ground {} + floors {floors} != extent {extent}",
            area_m2(&ground)
        );
        assert_eq!(separate_floors(rooms).len(), rooms.len());
    }

    #[test]
    fn overlapping_floor_boxes_are_left_uncut() {
        let square = |x: f64, size: f64| Room {
            floor: vec![
                Coord { x, y: 0.0 },
                Coord {
                    x: x + size,
                    y: 0.0,
                },
                Coord {
                    x: x + size,
                    y: size,
                },
                Coord { x, y: size },
            ],
            outline: Vec::new(),
            walls: Vec::new(),
            ceiling_height: 2600.0,
            area_mm2: size * size,
            net_area_mm2: size * size,
            sides: Vec::new(),
            label: Coord { x, y: 0.0 },
        };
        let rooms = [
            square(0.0, 1000.0),
            square(500.0, 1000.0),
            square(3000.0, 500.0),
        ];
        let clear = separate_floors(&rooms);
        assert_eq!(clear.len(), 1);
        assert_eq!(clear[0].floor[0].x, 3000.0);
    }
}
