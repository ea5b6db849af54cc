//! Walls, doors, windows and floors as entities: rebuilt together whenever the walls or
//! openings change (they are few), from the measured plan the live checker keeps (each wall's
//! pieces around its openings, each opening's place on its wall).

use crate::catalogs::Catalogs;
use crate::document::{Document, LayoutEdited};
use crate::live::LiveState;
use crate::scene::floor_mesh::{floor_mesh, ground_mesh};
use crate::scene::materials::{MaterialCache, UnitMeshes};
use crate::scene::parts::{PartShape, parts};
use crate::scene::wall_mesh::prism_mesh;
use crate::theme;
use crate::world_units::{metres, world_point, world_rotation};
use bevy::prelude::*;
use room_planner_core::domain::catalog::{Appearance, CatalogSet, ShapeKind};
use room_planner_core::domain::geometry::Coord;
use room_planner_core::domain::geometry::rooms::Room;
use room_planner_core::domain::geometry::walls::WallGeometry;
use room_planner_core::domain::layout::Layout;
use room_planner_core::domain::measured::{OpeningPlacement, Structure};
use room_planner_core::domain::values::ids::{OpeningId, WallId};

/// The parent of every wall, opening and floor entity.
#[derive(Component, Debug)]
pub struct StructureRoot;

/// A piece of wall.
#[derive(Component, Debug, Clone)]
pub struct WallPiece {
    /// The wall it belongs to.
    pub wall: WallId,
    /// Where the piece starts above the floor (0 for full-height pieces and those under sills).
    pub bottom_mm: f64,
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
    spawn_ground(
        &mut commands,
        root,
        &mut meshes,
        &looks,
        layout,
        live.checker.rooms(),
    );
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
    for (wall_id, footprint, bottom_mm, top_mm) in wall_prisms(structure) {
        commands.spawn((
            WallPiece {
                wall: wall_id.clone(),
                bottom_mm,
            },
            Mesh3d(meshes.add(prism_mesh(footprint, bottom_mm, top_mm))),
            MeshMaterial3d(looks.wall.clone()),
            Transform::default(),
            ChildOf(root),
        ));
    }
    for placement in &structure.openings {
        let Some(wall) = structure.walls.get(placement.wall) else {
            continue;
        };
        spawn_opening(
            &mut commands,
            root,
            &unit_meshes,
            &mut cache,
            &mut materials,
            &catalogs.set,
            wall,
            placement,
        );
    }
}

/// Every piece of wall the scene stands up, as (wall, footprint, bottom, top) in plan mm: the
/// measured plan's pieces around the openings, full height, below sills and above heads.
fn wall_prisms(structure: &Structure) -> Vec<(&WallId, &[Coord<f64>; 4], f64, f64)> {
    structure
        .wall_ids
        .iter()
        .zip(&structure.wall_pieces)
        .flat_map(|(wall_id, pieces)| {
            pieces
                .iter()
                .map(move |piece| (wall_id, &piece.footprint, piece.bottom_mm, piece.top_mm))
        })
        .collect()
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
    placed: &OpeningPlacement,
) {
    let Some((_, product)) = catalogs.product(&placed.product_id) else {
        return;
    };
    let shape = match &product.appearance {
        Appearance::Shape { shape, .. } => *shape,
        Appearance::Model { .. } => ShapeKind::Door,
    };
    let middle = wall.point_at((placed.from_mm + placed.to_mm) / 2.0);
    let opening_root = commands
        .spawn((
            OpeningEntity {
                id: placed.id.clone(),
            },
            Transform::from_translation(world_point(middle.x, middle.y, placed.sill_mm))
                .with_rotation(world_rotation(wall.angle_deg())),
            Visibility::default(),
            ChildOf(root),
        ))
        .id();
    let width = metres(placed.to_mm - placed.from_mm);
    let height = metres(placed.height_mm);
    let depth = metres(wall.half_thickness * 2.0 + 10.0);
    for part in parts(shape, width, depth, height) {
        let material = cache.part(materials, product, &placed.configuration, part.role);
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

fn spawn_ground(
    commands: &mut Commands,
    root: Entity,
    meshes: &mut Assets<Mesh>,
    looks: &StructureMaterials,
    layout: &Layout,
    rooms: &[Room],
) {
    commands.spawn((
        Mesh3d(meshes.add(ground_mesh(layout, rooms))),
        MeshMaterial3d(looks.ground.clone()),
        Transform::default(),
        ChildOf(root),
    ));
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::Contains;
    use room_planner_core::domain::catalog::ProductKind;
    use room_planner_core::domain::constraints::LiveChecker;
    use room_planner_core::domain::drawing::plan_drawing::plan_drawing;
    use room_planner_core::domain::geometry::polygon;
    use room_planner_core::domain::measured::{PieceKind, PlanContext};
    use room_planner_core::storage::catalog::load_catalog_folder;
    use room_planner_core::storage::layout_file::load_layout;
    use std::collections::BTreeMap;
    use std::path::Path;

    fn covers(footprint: &[Coord<f64>; 4], point: Coord<f64>) -> bool {
        polygon(footprint).contains(&geo::Point::from(point))
    }

    #[test]
    fn the_scene_the_plan_drawing_and_the_constraint_check_agree_on_the_showroom_walls() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let (catalogs, errors) = load_catalog_folder(&root.join("catalogs"));
        assert!(errors.is_empty(), "{errors:?}");
        let catalogs = CatalogSet { catalogs };
        let (layout, _) =
            load_layout(&root.join("saves/showroom.ron")).expect("the shipped showroom loads");
        // The scene reads the live checker's measured plan; the plan drawing (screen, PNG, PDF)
        // and the batch check read one measured for them.
        let live = LiveChecker::new(&layout, &catalogs);
        let structure = live.structure();
        let context = PlanContext::new(&layout, &catalogs);
        assert_eq!(structure.wall_pieces, context.structure.wall_pieces);
        let prisms = wall_prisms(structure);
        let kinds: Vec<PieceKind> = structure
            .wall_pieces
            .iter()
            .flatten()
            .map(|p| p.kind)
            .collect();
        assert!(kinds.contains(&PieceKind::BelowSill) && kinds.contains(&PieceKind::AboveHead));

        // The plan draws exactly the scene's floor-to-top pieces.
        let drawing = plan_drawing(&layout, &context, &BTreeMap::new());
        let full_height: Vec<[Coord<f64>; 4]> = prisms
            .iter()
            .filter(|(wall_id, _, bottom_mm, top_mm)| {
                let (_, wall) = structure.wall(wall_id).expect("a measured wall");
                *bottom_mm == 0.0 && *top_mm == wall.height
            })
            .map(|(_, footprint, _, _)| **footprint)
            .collect();
        assert_eq!(drawing.walls, full_height);
        let leaves: Vec<_> = structure.openings.iter().map(|o| o.leaf.clone()).collect();
        let drawn: Vec<_> = drawing.openings.iter().map(|o| o.leaf.clone()).collect();
        assert_eq!(drawn, leaves);
        assert!(
            leaves.iter().any(Option::is_some),
            "the showroom has a door"
        );

        // Along every wall, the rules see a solid exactly where the scene stands wall or a
        // window on the floor: everywhere but the doorways (a French window reaches the floor,
        // yet nothing may stand in it).
        let mut sampled = 0;
        for (index, (wall, wall_id)) in structure.walls.iter().zip(&structure.wall_ids).enumerate()
        {
            let mut offset_mm = 12.5;
            while offset_mm < wall.length {
                let point = wall.point_at(offset_mm);
                let in_scene = prisms.iter().any(|(id, footprint, bottom_mm, _)| {
                    *id == wall_id && *bottom_mm == 0.0 && covers(footprint, point)
                });
                let in_rules = context
                    .structure
                    .wall_solids
                    .iter()
                    .any(|solid| solid.wall == index && covers(&solid.footprint, point));
                let in_window = structure.openings_on(index).iter().any(|opening| {
                    let opening = &structure.openings[*opening];
                    opening.kind == ProductKind::Window
                        && (opening.from_mm..opening.to_mm).contains(&offset_mm)
                });
                assert_eq!(
                    in_scene || in_window,
                    in_rules,
                    "wall {wall_id} at {offset_mm} mm"
                );
                sampled += 1;
                offset_mm += 25.0;
            }
        }
        assert!(sampled > 500, "{sampled} points along the walls");
    }
}
