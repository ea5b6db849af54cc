//! Placed products as entities: one parent per product (keyed by its id) with a child per part,
//! or a glTF scene for catalog models; rebuilt when reconfigured, moved when moved. Far from the
//! camera a product is drawn as one box in its main colour instead of its parts or model (a
//! level of detail: at 10,000 products the overview draws 10,000 boxes, not 100,000 parts and
//! two million model triangles).

use crate::catalogs::Catalogs;
use crate::document::{Document, LayoutEdited};
use crate::live::LiveState;
use crate::scene::detail::detail_ranges;
use crate::scene::materials::{MaterialCache, UnitMeshes};
use crate::scene::model_looks::{ModelLooks, ModelRoot};
use crate::scene::parts::{PartShape, parts};
use crate::scene::personal_decals::{DecalAssets, spawn_personal_decals};
use crate::world_units::{metres_of, world_point, world_rotation};
use bevy::prelude::*;
use room_planner_core::domain::catalog::{Appearance, Personalization, Product, ShapeKind};
use room_planner_core::domain::layout::Changes;
use room_planner_core::domain::measured::ProductPlacement;
use room_planner_core::domain::values::ids::ProductInstanceId;
use std::collections::HashMap;

/// A placed product's root entity.
#[derive(Component, Debug, Clone, PartialEq, Eq)]
pub struct ProductEntity {
    /// The layout id of the product.
    pub id: ProductInstanceId,
}

/// A drawn part of a product, with the material it has when nothing is wrong.
#[derive(Component, Debug, Clone)]
pub struct ProductPart {
    /// The part's own material.
    pub base: Handle<StandardMaterial>,
}

/// A product's one-box stand-in, drawn beyond [`crate::scene::detail::DETAIL_DISTANCE_M`]
/// (and, while a software renderer's view moves, only up to a distance that follows the
/// camera: see `viewport::render_scale`).
#[derive(Component, Debug, Clone, Copy)]
pub struct StandIn;

/// Product entities by layout id.
#[derive(Resource, Debug, Default)]
pub struct SceneIndex {
    /// Root entity of each placed product.
    pub products: HashMap<ProductInstanceId, Entity>,
}

/// Everything needed to spawn product entities.
#[derive(bevy::ecs::system::SystemParam)]
pub(crate) struct ProductSpawner<'w> {
    unit_meshes: Res<'w, UnitMeshes>,
    cache: ResMut<'w, MaterialCache>,
    looks: ResMut<'w, ModelLooks>,
    materials: ResMut<'w, Assets<StandardMaterial>>,
    asset_server: Res<'w, AssetServer>,
    /// Absent in apps without the glTF loader (headless tests): models are drawn as blocks.
    world_assets: Option<Res<'w, Assets<WorldAsset>>>,
    /// For personalization quads (absent in headless apps: no personalization is drawn).
    meshes: Option<ResMut<'w, Assets<Mesh>>>,
    images: Option<ResMut<'w, Assets<Image>>>,
}

/// Transform of a product's root: footprint centre on the plan, underside at its elevation.
#[must_use]
pub fn product_transform(placement: &ProductPlacement) -> Transform {
    let centre = placement.footprint.centre;
    Transform::from_translation(world_point(centre.x, centre.y, placement.bottom_mm))
        .with_rotation(world_rotation(rotation_deg(placement)))
}

/// The product's rotation in degrees, read off its footprint.
#[must_use]
pub fn rotation_deg(placement: &ProductPlacement) -> f64 {
    let along = placement.footprint.along;
    along.y.atan2(along.x).to_degrees()
}

impl ProductSpawner<'_> {
    /// The one box in `material` that stands in for a product of `size` (metres) beyond the
    /// detail distance.
    fn spawn_stand_in(
        &self,
        commands: &mut Commands,
        root: Entity,
        material: Handle<StandardMaterial>,
        size: Vec3,
    ) {
        let (_, far) = detail_ranges();
        commands.spawn((
            ProductPart {
                base: material.clone(),
            },
            Mesh3d(self.unit_meshes.cube.clone()),
            MeshMaterial3d(material),
            Transform::from_translation(Vec3::new(0.0, size.y / 2.0, 0.0)).with_scale(size),
            far,
            StandIn,
            ChildOf(root),
        ));
    }

    fn spawn(
        &mut self,
        commands: &mut Commands,
        product: &Product,
        placement: &ProductPlacement,
        personal: Option<(&Personalization, Option<&std::path::Path>)>,
    ) -> Entity {
        let root = commands
            .spawn((
                ProductEntity {
                    id: placement.id.clone(),
                },
                product_transform(placement),
                Visibility::default(),
                Name::new(format!("product {}", placement.id)),
            ))
            .id();
        let dimensions = placement.dimensions;
        let (width, depth, height) = (
            metres_of(dimensions.width),
            metres_of(dimensions.depth),
            metres_of(dimensions.height),
        );
        let shape = match &product.appearance {
            Appearance::Shape { shape, .. } => Some(*shape),
            Appearance::Model { .. } if self.world_assets.is_none() => Some(ShapeKind::Block),
            Appearance::Model { .. } => None,
        };
        match (&product.appearance, shape) {
            (_, Some(shape)) => {
                let pieces = parts(shape, width, depth, height);
                let (near, _) = detail_ranges();
                // The stand-in takes the colour of the part with the largest volume.
                let main = pieces.iter().max_by(|a, b| {
                    a.size
                        .element_product()
                        .total_cmp(&b.size.element_product())
                });
                if let Some(main) = main {
                    let material = self.cache.part(
                        &mut self.materials,
                        product,
                        &placement.configuration,
                        main.role,
                    );
                    self.spawn_stand_in(commands, root, material, Vec3::new(width, height, depth));
                }
                if let (Some((personal, folder)), Some(meshes), Some(images)) = (
                    personal,
                    self.meshes.as_deref_mut(),
                    self.images.as_deref_mut(),
                ) {
                    spawn_personal_decals(
                        commands,
                        &mut DecalAssets {
                            meshes,
                            images,
                            materials: &mut self.materials,
                        },
                        root,
                        product,
                        &placement.configuration,
                        personal,
                        &pieces,
                        folder,
                    );
                }
                for part in pieces {
                    let material = self.cache.part(
                        &mut self.materials,
                        product,
                        &placement.configuration,
                        part.role,
                    );
                    let mesh = match part.shape {
                        PartShape::Box => self.unit_meshes.cube.clone(),
                        PartShape::Cylinder => self.unit_meshes.cylinder.clone(),
                    };
                    commands.spawn((
                        ProductPart {
                            base: material.clone(),
                        },
                        Mesh3d(mesh),
                        MeshMaterial3d(material),
                        Transform::from_translation(part.centre).with_scale(part.size),
                        near.clone(),
                        ChildOf(root),
                    ));
                }
            }
            (Appearance::Shape { .. }, None) => {}
            (Appearance::Model { path }, None) => {
                // Far away, one box in the model's main colour; its meshes only near.
                let material = self
                    .cache
                    .colour(&mut self.materials, self.looks.colour(path));
                self.spawn_stand_in(commands, root, material, Vec3::new(width, height, depth));
                // glTF assets face +Z; our products face −Z.
                commands.spawn((
                    ModelRoot,
                    WorldAssetRoot(
                        self.asset_server
                            .load(GltfAssetLabel::Scene(0).from_asset(path.clone())),
                    ),
                    Transform::from_rotation(Quat::from_rotation_y(std::f32::consts::PI)),
                    ChildOf(root),
                ));
            }
        }
        root
    }
}

/// Spawns, respawns, moves and despawns product entities after edits.
#[allow(clippy::too_many_arguments)]
pub(crate) fn sync_products(
    mut commands: Commands,
    mut edited: MessageReader<LayoutEdited>,
    document: Res<Document>,
    catalogs: Res<Catalogs>,
    live: Res<LiveState>,
    mut index: ResMut<SceneIndex>,
    mut spawner: ProductSpawner,
    mut transforms: Query<&mut Transform, With<ProductEntity>>,
    mut started: Local<bool>,
) {
    let mut changes = Changes::default();
    if !*started {
        *started = true;
        changes = Changes::all();
    }
    for message in edited.read() {
        changes.merge(message.changes.clone());
    }
    if changes.is_empty() {
        return;
    }
    let mut respawn: Vec<ProductInstanceId> = Vec::new();
    if changes.everything {
        for (_, entity) in index.products.drain() {
            commands.entity(entity).despawn();
        }
        respawn.extend(
            document
                .layout
                .products
                .iter()
                .map(|placed| placed.id.clone()),
        );
    } else {
        for id in changes
            .removed
            .iter()
            .chain(&changes.reconfigured)
            .chain(&changes.added)
        {
            if let Some(entity) = index.products.remove(id) {
                commands.entity(entity).despawn();
            }
        }
        respawn.extend(changes.reconfigured.iter().chain(&changes.added).cloned());
        for id in &changes.moved {
            let (Some(entity), Some(placement)) =
                (index.products.get(id), live.checker.product(id))
            else {
                continue;
            };
            if let Ok(mut transform) = transforms.get_mut(*entity) {
                *transform = product_transform(placement);
            }
        }
    }
    for id in respawn {
        if index.products.contains_key(&id) {
            continue;
        }
        let Some(placement) = live.checker.product(&id) else {
            continue;
        };
        let Some((_, product)) = catalogs.set.product(&placement.product_id) else {
            continue;
        };
        // Only products that offer personalization look up what the customer entered.
        let personal = (!product.personalization.is_empty())
            .then(|| document.layout.product(&id))
            .flatten()
            .filter(|placed| !placed.personal.is_empty())
            .map(|placed| {
                (
                    &placed.personal,
                    document.path.as_deref().and_then(std::path::Path::parent),
                )
            });
        let entity = spawner.spawn(&mut commands, product, placement, personal);
        index.products.insert(id, entity);
    }
}
