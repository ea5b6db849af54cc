//! Walls, doors, windows and floors as entities: rebuilt together whenever the walls or
//! openings change (they are few), each wall cut around its openings.

use crate::catalogs::Catalogs;
use crate::document::{Document, LayoutEdited};
use crate::live::LiveState;
use crate::scene::materials::{MaterialCache, UnitMeshes};
use crate::scene::parts::{PartShape, parts};
use crate::scene::wall_mesh::prism_mesh;
use crate::theme;
use crate::world_units::{metres, world_point, world_rotation};
use bevy::asset::RenderAssetUsages;
use bevy::mesh::{Indices, PrimitiveTopology};
use bevy::prelude::*;
use geo::TriangulateEarcut;
use room_planner_core::domain::catalog::configuration::ConfigurationEngine;
use room_planner_core::domain::catalog::{Appearance, CatalogSet, ShapeKind};
use room_planner_core::domain::geometry::rooms::Room;
use room_planner_core::domain::geometry::walls::WallGeometry;
use room_planner_core::domain::layout::{Layout, Opening};
use room_planner_core::domain::values::ids::{OpeningId, WallId};

/// The parent of every wall, opening and floor entity.
#[derive(Component, Debug)]
pub struct StructureRoot;

/// A piece of wall.
#[derive(Component, Debug, Clone)]
pub struct WallPiece {
    /// The wall it belongs to.
    pub wall: WallId,
}

/// A door or window entity.
#[derive(Component, Debug, Clone)]
pub struct OpeningEntity {
    /// The opening's layout id.
    pub id: OpeningId,
}

/// A room's floor.
#[derive(Component, Debug, Clone)]
pub struct Floor {
    /// Index of the room among the live checker's rooms.
    pub room: usize,
}

/// Materials of walls and floors.
struct StructureMaterials {
    wall: Handle<StandardMaterial>,
    floor: Handle<StandardMaterial>,
    ground: Handle<StandardMaterial>,
}

/// Rebuilds the structure at start and when walls or openings change.
#[allow(clippy::too_many_arguments)]
pub(crate) fn sync_structure(
    mut commands: Commands,
    mut edited: MessageReader<LayoutEdited>,
    document: Res<Document>,
    catalogs: Res<Catalogs>,
    live: Res<LiveState>,
    unit_meshes: Res<UnitMeshes>,
    mut meshes: ResMut<Assets<Mesh>>,
    mut materials: ResMut<Assets<StandardMaterial>>,
    mut cache: ResMut<MaterialCache>,
    roots: Query<Entity, With<StructureRoot>>,
    mut started: Local<bool>,
) {
    let mut rebuild = !*started;
    *started = true;
    for message in edited.read() {
        rebuild |= message.changes.everything || !message.changes.openings.is_empty();
    }
    if !rebuild {
        return;
    }
    for root in &roots {
        commands.entity(root).despawn();
    }
    let looks = StructureMaterials {
        wall: materials.add(StandardMaterial {
            base_color: theme::WALL,
            perceptual_roughness: 0.9,
            ..default()
        }),
        floor: materials.add(StandardMaterial {
            base_color: theme::FLOOR,
            perceptual_roughness: 0.7,
            double_sided: true,
            cull_mode: None,
            ..default()
        }),
        ground: materials.add(StandardMaterial {
            base_color: theme::GROUND,
            perceptual_roughness: 1.0,
            ..default()
        }),
    };
    let root = commands
        .spawn((
            StructureRoot,
            Transform::default(),
            Visibility::default(),
            Name::new("structure"),
        ))
        .id();
    let layout = &document.layout;
    spawn_ground(&mut commands, root, &mut meshes, &looks, layout);
    for (index, room) in live.checker.rooms().iter().enumerate() {
        commands.spawn((
            Floor { room: index },
            Mesh3d(meshes.add(floor_mesh(room))),
            MeshMaterial3d(looks.floor.clone()),
            Transform::default(),
            ChildOf(root),
        ));
    }
    let structure = live.checker.structure();
    for (wall, wall_id) in structure.walls.iter().zip(&structure.wall_ids) {
        let openings = openings_on(layout, &catalogs.set, wall_id);
        for (from, to, bottom, top) in wall_pieces(wall, &openings) {
            commands.spawn((
                WallPiece {
                    wall: wall_id.clone(),
                },
                Mesh3d(meshes.add(prism_mesh(&wall.piece(from, to), bottom, top))),
                MeshMaterial3d(looks.wall.clone()),
                Transform::default(),
                ChildOf(root),
            ));
        }
        for placed in &openings {
            spawn_opening(
                &mut commands,
                root,
                &unit_meshes,
                &mut cache,
                &mut materials,
                &catalogs.set,
                wall,
                placed,
            );
        }
    }
}

/// An opening measured on its wall.
struct PlacedOpening<'a> {
    opening: &'a Opening,
    from_mm: f64,
    to_mm: f64,
    sill_mm: f64,
    top_mm: f64,
}

fn openings_on<'a>(
    layout: &'a Layout,
    catalogs: &CatalogSet,
    wall_id: &WallId,
) -> Vec<PlacedOpening<'a>> {
    let mut openings: Vec<PlacedOpening<'a>> = layout
        .openings
        .iter()
        .filter(|opening| &opening.wall == wall_id)
        .filter_map(|opening| {
            let (_, product) = catalogs.product(&opening.product)?;
            let (configuration, _) =
                ConfigurationEngine::new(product).resolve_or_defaults(&opening.options);
            let dimensions = product.dimensions(&configuration);
            let from_mm = opening.offset.as_f64();
            Some(PlacedOpening {
                opening,
                from_mm,
                to_mm: from_mm + dimensions.width.as_f64(),
                sill_mm: opening.sill.as_f64(),
                top_mm: opening.sill.as_f64() + dimensions.height.as_f64(),
            })
        })
        .collect();
    openings.sort_by(|a, b| a.from_mm.total_cmp(&b.from_mm));
    openings
}

/// Stretches of wall body as (from, to, bottom, top) in mm: full height between openings,
/// below the sill and above the head of each opening.
fn wall_pieces(wall: &WallGeometry, openings: &[PlacedOpening<'_>]) -> Vec<(f64, f64, f64, f64)> {
    let mut pieces = Vec::new();
    let mut from = 0.0;
    for opening in openings {
        let (start, end) = (opening.from_mm.max(from), opening.to_mm.min(wall.length));
        if start > from {
            pieces.push((from, start, 0.0, wall.height));
        }
        if end > start {
            if opening.sill_mm > 0.0 {
                pieces.push((start, end, 0.0, opening.sill_mm.min(wall.height)));
            }
            if opening.top_mm < wall.height {
                pieces.push((start, end, opening.top_mm, wall.height));
            }
        }
        from = from.max(end);
    }
    let end = wall.length;
    if end > from {
        pieces.push((from, end, 0.0, wall.height));
    }
    pieces
}

#[allow(clippy::too_many_arguments)]
fn spawn_opening(
    commands: &mut Commands,
    root: Entity,
    unit_meshes: &UnitMeshes,
    cache: &mut MaterialCache,
    materials: &mut Assets<StandardMaterial>,
    catalogs: &CatalogSet,
    wall: &WallGeometry,
    placed: &PlacedOpening<'_>,
) {
    let Some((_, product)) = catalogs.product(&placed.opening.product) else {
        return;
    };
    let shape = match &product.appearance {
        Appearance::Shape { shape, .. } => *shape,
        Appearance::Model { .. } => ShapeKind::Door,
    };
    let (configuration, _) =
        ConfigurationEngine::new(product).resolve_or_defaults(&placed.opening.options);
    let middle = wall.point_at((placed.from_mm + placed.to_mm) / 2.0);
    let opening_root = commands
        .spawn((
            OpeningEntity {
                id: placed.opening.id.clone(),
            },
            Transform::from_translation(world_point(middle.x, middle.y, placed.sill_mm))
                .with_rotation(world_rotation(wall.angle_deg())),
            Visibility::default(),
            ChildOf(root),
        ))
        .id();
    let width = metres(placed.to_mm - placed.from_mm);
    let height = metres(placed.top_mm - placed.sill_mm);
    let depth = metres(wall.half_thickness * 2.0 + 10.0);
    for part in parts(shape, width, depth, height) {
        let material = cache.part(materials, product, &configuration, part.role);
        let mesh = match part.shape {
            PartShape::Box => unit_meshes.cube.clone(),
            PartShape::Cylinder => unit_meshes.cylinder.clone(),
        };
        commands.spawn((
            Mesh3d(mesh),
            MeshMaterial3d(material),
            Transform::from_translation(part.centre).with_scale(part.size),
            ChildOf(opening_root),
        ));
    }
}

/// A room's floor (bounded by the walls' inner faces), triangulated, just above the ground.
fn floor_mesh(room: &Room) -> Mesh {
    let polygon = room_planner_core::domain::geometry::polygon(&room.floor);
    let triangles = polygon.earcut_triangles_raw();
    let positions: Vec<[f32; 3]> = triangles
        .vertices
        .iter()
        .map(|[x, y]| {
            let point = world_point(*x, *y, 1.0);
            [point.x, point.y, point.z]
        })
        .collect();
    let normals = vec![[0.0, 1.0, 0.0]; positions.len()];
    let positions_for_winding = positions.clone();
    let uvs: Vec<[f32; 2]> = positions.iter().map(|p| [p[0], p[2]]).collect();
    let indices: Vec<u32> = triangles
        .triangle_indices
        .iter()
        .map(|i| *i as u32)
        .collect();
    Mesh::new(
        PrimitiveTopology::TriangleList,
        RenderAssetUsages::default(),
    )
    .with_inserted_attribute(Mesh::ATTRIBUTE_POSITION, positions)
    .with_inserted_attribute(Mesh::ATTRIBUTE_NORMAL, normals)
    .with_inserted_attribute(Mesh::ATTRIBUTE_UV_0, uvs)
    .with_inserted_indices(Indices::U32(ensure_upward(&positions_for_winding, indices)))
}

/// Earcut returns triangles in either winding; the floor must face up (+Y) to be lit and to be
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

fn spawn_ground(
    commands: &mut Commands,
    root: Entity,
    meshes: &mut Assets<Mesh>,
    looks: &StructureMaterials,
    layout: &Layout,
) {
    let (mut low, mut high) = (Vec2::splat(f32::MAX), Vec2::splat(f32::MIN));
    for wall in &layout.walls {
        for point in [wall.start, wall.end] {
            let world = world_point(point.x.as_f64(), point.y.as_f64(), 0.0);
            low = low.min(Vec2::new(world.x, world.z));
            high = high.max(Vec2::new(world.x, world.z));
        }
    }
    if low.x > high.x {
        (low, high) = (Vec2::splat(-5.0), Vec2::splat(5.0));
    }
    let centre = (low + high) / 2.0;
    let size = (high - low) + Vec2::splat(12.0);
    commands.spawn((
        Mesh3d(meshes.add(Plane3d::default().mesh().size(size.x, size.y))),
        MeshMaterial3d(looks.ground.clone()),
        Transform::from_xyz(centre.x, -0.002, centre.y),
        ChildOf(root),
    ));
}

#[cfg(test)]
mod tests {
    use super::*;
    use room_planner_core::domain::geometry::walls::wall_geometries;
    use room_planner_core::domain::layout::Wall;
    use room_planner_core::domain::values::units::{Mm, PointMm};

    #[test]
    fn a_window_leaves_wall_below_and_above_it() {
        let walls = [Wall {
            id: "w".into(),
            start: PointMm::new(0, 0),
            end: PointMm::new(4000, 0),
            thickness: Mm(200),
            height: Mm(2600),
        }];
        let geometry = wall_geometries(&walls);
        let opening = Opening {
            id: "o".into(),
            product: "window".into(),
            options: Default::default(),
            wall: "w".into(),
            offset: Mm(1000),
            sill: Mm(900),
            hinge: room_planner_core::domain::layout::HingeSide::Start,
            swing: room_planner_core::domain::layout::Swing::In,
        };
        let placed = PlacedOpening {
            opening: &opening,
            from_mm: 1000.0,
            to_mm: 2200.0,
            sill_mm: 900.0,
            top_mm: 2100.0,
        };
        let pieces = wall_pieces(&geometry[0], &[placed]);
        assert_eq!(
            pieces,
            vec![
                (0.0, 1000.0, 0.0, 2600.0),
                (1000.0, 2200.0, 0.0, 900.0),
                (1000.0, 2200.0, 2100.0, 2600.0),
                (2200.0, 4000.0, 0.0, 2600.0),
            ]
        );
    }
}
