//! Meshes for pieces of wall: an upright prism over a four-cornered footprint, so mitred corners
//! close exactly where two walls meet.

use crate::world_units::world_point;
use bevy::asset::RenderAssetUsages;
use bevy::mesh::{Indices, PrimitiveTopology};
use bevy::prelude::*;
use room_planner_core::domain::geometry::Coord;

/// A prism standing on `footprint` (plan millimetres) from `bottom_mm` to `top_mm`, with flat
/// normals; every triangle faces outwards whatever the footprint's winding.
#[must_use]
pub fn prism_mesh(footprint: &[Coord<f64>; 4], bottom_mm: f64, top_mm: f64) -> Mesh {
    let low: Vec<Vec3> = footprint
        .iter()
        .map(|corner| world_point(corner.x, corner.y, bottom_mm))
        .collect();
    let high: Vec<Vec3> = footprint
        .iter()
        .map(|corner| world_point(corner.x, corner.y, top_mm))
        .collect();
    let centre = (low.iter().chain(&high).copied().sum::<Vec3>()) / 8.0;
    let mut positions: Vec<[f32; 3]> = Vec::new();
    let mut normals: Vec<[f32; 3]> = Vec::new();
    let mut indices: Vec<u32> = Vec::new();
    let mut face = |corners: [Vec3; 4], outward: Vec3| {
        let base = positions.len() as u32;
        for corner in corners {
            positions.push(corner.to_array());
            normals.push(outward.to_array());
        }
        for triangle in [[0, 1, 2], [0, 2, 3]] {
            let [a, b, c] = triangle.map(|i| corners[i]);
            let facing = (b - a).cross(c - a).dot(outward);
            if facing.abs() < 1e-12 {
                continue;
            }
            let ordered = if facing > 0.0 {
                triangle
            } else {
                [triangle[0], triangle[2], triangle[1]]
            };
            indices.extend(ordered.map(|i| base + i as u32));
        }
    };
    face([high[0], high[1], high[2], high[3]], Vec3::Y);
    face([low[0], low[1], low[2], low[3]], Vec3::NEG_Y);
    for index in 0..4 {
        let next = (index + 1) % 4;
        let along = high[next] - high[index];
        let mut outward = along.cross(Vec3::Y).normalize_or_zero();
        let middle = (low[index] + low[next] + high[index] + high[next]) / 4.0;
        if outward.dot(middle - centre) < 0.0 {
            outward = -outward;
        }
        face([low[index], low[next], high[next], high[index]], outward);
    }
    Mesh::new(
        PrimitiveTopology::TriangleList,
        RenderAssetUsages::default(),
    )
    .with_inserted_attribute(Mesh::ATTRIBUTE_POSITION, positions)
    .with_inserted_attribute(Mesh::ATTRIBUTE_NORMAL, normals)
    .with_inserted_indices(Indices::U32(indices))
}

#[cfg(test)]
mod tests {
    use super::*;
    use bevy::mesh::VertexAttributeValues;

    #[test]
    fn every_face_of_a_mitred_piece_faces_outwards() {
        let footprint = [
            Coord { x: 0.0, y: -50.0 },
            Coord {
                x: 4050.0,
                y: -50.0,
            },
            Coord { x: 3950.0, y: 50.0 },
            Coord { x: 0.0, y: 50.0 },
        ];
        let mesh = prism_mesh(&footprint, 0.0, 2500.0);
        let Some(VertexAttributeValues::Float32x3(positions)) =
            mesh.attribute(Mesh::ATTRIBUTE_POSITION)
        else {
            panic!("positions missing");
        };
        let Some(Indices::U32(indices)) = mesh.indices() else {
            panic!("indices missing");
        };
        assert_eq!(indices.len(), 6 * 2 * 3);
        let centre = Vec3::new(2.0, 1.25, 0.0);
        for triangle in indices.chunks(3) {
            let [a, b, c] = [0, 1, 2].map(|i| Vec3::from_array(positions[triangle[i] as usize]));
            let normal = (b - a).cross(c - a);
            assert!(normal.dot((a + b + c) / 3.0 - centre) > 0.0);
        }
    }
}
