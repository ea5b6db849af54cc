//! What a glTF model looks like from afar: the colour of the material that covers most of its
//! triangles, read once per model file from the glTF's JSON. Beyond the detail distance a model
//! is drawn as one box in that colour (a potted plant is 3,648 triangles; a thousand of them
//! across a showroom overview would be most of a software renderer's work), and the model's own
//! meshes are drawn only near the camera.

use crate::scene::detail::detail_ranges;
use bevy::camera::visibility::VisibilityRange;
use bevy::prelude::*;
use std::collections::HashMap;
use std::path::{Component as PathPart, Path, PathBuf};

/// The stand-in colour of a model that cannot be read (its own loading reports why).
pub const UNKNOWN_MODEL_COLOUR: [u8; 3] = [0xa8, 0xa4, 0x9c];
/// Model files larger than this are not read for their colour (the JSON alone of a glTF is small).
const MAX_READ_BYTES: u64 = 64 * 1024 * 1024;

/// Stand-in colours of glTF models by catalog path, read on first use.
#[derive(Resource, Debug, Default)]
pub struct ModelLooks {
    /// Where model paths are read from (`None`: no files; every model gets the unknown colour).
    folder: Option<PathBuf>,
    colours: HashMap<String, [u8; 3]>,
}

impl ModelLooks {
    /// Looks reading models from `folder` (the asset folder).
    #[must_use]
    pub fn in_folder(folder: impl Into<PathBuf>) -> Self {
        Self {
            folder: Some(folder.into()),
            colours: HashMap::new(),
        }
    }

    /// The sRGB stand-in colour of the model at `path` (relative to the asset folder).
    pub fn colour(&mut self, path: &str) -> [u8; 3] {
        if let Some(colour) = self.colours.get(path) {
            return *colour;
        }
        let colour = self
            .folder
            .as_deref()
            .and_then(|folder| read_inside(folder, path))
            .and_then(|bytes| main_colour(&bytes))
            .unwrap_or(UNKNOWN_MODEL_COLOUR);
        self.colours.insert(path.to_owned(), colour);
        colour
    }
}

/// The bytes of `path` under `folder`, if it stays inside it (plain relative parts only) and is
/// not over [`MAX_READ_BYTES`].
fn read_inside(folder: &Path, path: &str) -> Option<Vec<u8>> {
    let relative = Path::new(path);
    if !relative
        .components()
        .all(|part| matches!(part, PathPart::Normal(_)))
    {
        return None;
    }
    let file = folder.join(relative);
    let size = std::fs::metadata(&file).ok()?.len();
    (size <= MAX_READ_BYTES)
        .then(|| std::fs::read(file).ok())
        .flatten()
}

/// The sRGB colour of the material covering the most triangles of a glTF (JSON or binary), as
/// the renderer shows its base colour factor (linear); `None` when it is not glTF or has no
/// material.
#[must_use]
pub fn main_colour(bytes: &[u8]) -> Option<[u8; 3]> {
    let gltf = gltf::Gltf::from_slice(bytes).ok()?;
    let mut triangles: HashMap<usize, usize> = HashMap::new();
    for mesh in gltf.document.meshes() {
        for primitive in mesh.primitives() {
            let Some(material) = primitive.material().index() else {
                continue;
            };
            let vertices = primitive
                .indices()
                .or_else(|| primitive.get(&gltf::Semantic::Positions))
                .map_or(0, |accessor| accessor.count());
            *triangles.entry(material).or_default() += vertices / 3;
        }
    }
    let (material, _) = triangles
        .into_iter()
        .max_by_key(|&(material, count)| (count, std::cmp::Reverse(material)))?;
    let [red, green, blue, _] = gltf
        .document
        .materials()
        .nth(material)?
        .pbr_metallic_roughness()
        .base_color_factor();
    let srgb = Color::linear_rgb(red, green, blue).to_srgba();
    let channel = |value: f32| (value.clamp(0.0, 1.0) * 255.0).round() as u8;
    Some([channel(srgb.red), channel(srgb.green), channel(srgb.blue)])
}

/// Marks the entity a glTF model's scene is spawned under: its meshes are drawn near the camera
/// only, the product's stand-in box beyond.
#[derive(Component, Debug, Clone, Copy)]
pub struct ModelRoot;

/// Gives each mesh of a model's scene, as the scene spawns it, the near visibility range.
pub(crate) fn limit_model_detail(
    mut commands: Commands,
    meshes: Query<Entity, (Added<Mesh3d>, Without<VisibilityRange>)>,
    parents: Query<&ChildOf>,
    roots: Query<(), With<ModelRoot>>,
) {
    let (near, _) = detail_ranges();
    for mesh in &meshes {
        if parents
            .iter_ancestors(mesh)
            .any(|ancestor| roots.contains(ancestor))
        {
            commands.entity(mesh).insert(near.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_material_covering_most_triangles_gives_the_stand_in_colour() {
        let plant = std::fs::read("assets/models/plant-monstera.gltf").unwrap();
        // Leaves (linear 0.180, 0.431, 0.227) outnumber the pot and the soil.
        assert_eq!(main_colour(&plant), Some([118, 175, 131]));
        assert_eq!(main_colour(b"not a model"), None);
        let mut looks = ModelLooks::in_folder("assets");
        assert_eq!(looks.colour("models/plant-monstera.gltf"), [118, 175, 131]);
        assert_eq!(
            looks.colour("../assets/models/plant-monstera.gltf"),
            UNKNOWN_MODEL_COLOUR
        );
        assert_eq!(looks.colour("models/missing.gltf"), UNKNOWN_MODEL_COLOUR);
        assert_eq!(
            ModelLooks::default().colour("models/plant-monstera.gltf"),
            UNKNOWN_MODEL_COLOUR
        );
    }
}
