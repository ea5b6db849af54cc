//! Personalizations shown on their part in 3D: an engraved text drawn with the embedded font
//! into a texture (core's `engraving_picture`), a customer's image loaded from the layout's
//! `images/` folder, each on a thin quad just above the part's top face or in front of its front
//! face, sized to the part and keeping the picture's shape.

use crate::scene::parts::{Part, Role};
use bevy::asset::RenderAssetUsages;
use bevy::prelude::*;
use bevy::render::render_resource::{Extent3d, TextureDimension, TextureFormat};
use room_planner_core::domain::catalog::{
    Configuration, PersonalKind, PersonalValue, Personalization, Product,
};
use room_planner_core::storage::engraving_picture::engraving_picture;
use room_planner_core::storage::personal_image::locate_image;
use std::path::Path;

/// Gap between a part's face and the quad on it (metres), so the two never fight for depth.
const LIFT_M: f32 = 0.0015;
/// Pixels per metre of an engraving texture.
const TEXT_PX_PER_M: f32 = 1_200.0;
/// Longest side of a customer's image as a texture.
const IMAGE_MAX_PX: u32 = 1_024;

/// Assets the decals are made into.
pub(crate) struct DecalAssets<'a> {
    pub meshes: &'a mut Assets<Mesh>,
    pub images: &'a mut Assets<Image>,
    pub materials: &'a mut Assets<StandardMaterial>,
}

/// The face a part name is shown on: the top of `Role::Top` parts, the front of the others.
fn role_of(part: &str) -> Option<(Role, bool)> {
    match part {
        "top" => Some((Role::Top, true)),
        "front" | "leaf" => Some((Role::Front, false)),
        "headboard" => Some((Role::Headboard, false)),
        _ => None,
    }
}

/// Spawns one quad per personalization that applies, as children of `root`.
#[allow(clippy::too_many_arguments)]
pub(crate) fn spawn_personal_decals(
    commands: &mut Commands,
    assets: &mut DecalAssets<'_>,
    root: Entity,
    product: &Product,
    configuration: &Configuration,
    personal: &Personalization,
    pieces: &[Part],
    layout_folder: Option<&Path>,
) {
    for (def, value) in product.applied_personal(configuration, personal) {
        let Some((role, on_top)) = role_of(&def.part) else {
            continue;
        };
        // The largest part of that role carries it (a wardrobe's doors: the widest).
        let Some(part) = pieces
            .iter()
            .filter(|part| part.role == role)
            .max_by(|a, b| (a.size.x * a.size.y).total_cmp(&(b.size.x * b.size.y)))
        else {
            continue;
        };
        // The face's width (x) and height (z on a top, y on a front).
        let face = if on_top {
            Vec2::new(part.size.x, part.size.z)
        } else {
            Vec2::new(part.size.x, part.size.y)
        };
        let (picture, area) = match (&def.kind, value) {
            (PersonalKind::Text(spec), PersonalValue::Text { text, font, colour }) => {
                let Some(named) = spec.colour(colour) else {
                    continue;
                };
                // A plate of 60% of the width and up to a third of the depth.
                let area = Vec2::new(face.x * 0.6, (face.y * 0.33).min(face.x * 0.2));
                let (w, h) = (
                    (area.x * TEXT_PX_PER_M).clamp(16.0, 2_048.0) as u32,
                    (area.y * TEXT_PX_PER_M).clamp(16.0, 1_024.0) as u32,
                );
                let Some(picture) = engraving_picture(text, *font, named.colour, w, h) else {
                    continue;
                };
                (
                    Image::new(
                        Extent3d {
                            width: picture.width_px,
                            height: picture.height_px,
                            depth_or_array_layers: 1,
                        },
                        TextureDimension::D2,
                        picture.rgba,
                        TextureFormat::Rgba8UnormSrgb,
                        RenderAssetUsages::RENDER_WORLD,
                    ),
                    area,
                )
            }
            (PersonalKind::Image(_), PersonalValue::Image { file }) => {
                let Some(picture) = layout_folder.and_then(|folder| load_image(folder, file))
                else {
                    continue;
                };
                let aspect = picture.width() as f32 / picture.height().max(1) as f32;
                // The print fills the upper part of a front face (a headboard above the
                // pillows), or the middle of a top, keeping its shape.
                let room = if on_top {
                    face * 0.8
                } else {
                    Vec2::new(face.x * 0.92, face.y * 0.5)
                };
                let area = if room.x / room.y > aspect {
                    Vec2::new(room.y * aspect, room.y)
                } else {
                    Vec2::new(room.x, room.x / aspect)
                };
                (picture, area)
            }
            _ => continue,
        };
        let texture = assets.images.add(picture);
        let material = assets.materials.add(StandardMaterial {
            base_color_texture: Some(texture),
            alpha_mode: AlphaMode::Blend,
            perceptual_roughness: 0.6,
            ..default()
        });
        let mesh = assets.meshes.add(Rectangle::new(area.x, area.y));
        // A rectangle faces +z; products face −z. Turned half round it faces the front with
        // its right edge on the customer's right.
        let transform = if on_top {
            Transform::from_translation(part.centre + Vec3::Y * (part.size.y / 2.0 + LIFT_M))
                .with_rotation(
                    Quat::from_rotation_y(std::f32::consts::PI)
                        * Quat::from_rotation_x(-std::f32::consts::FRAC_PI_2),
                )
        } else {
            let top = part.centre.y + part.size.y / 2.0;
            let y = top - area.y / 2.0 - face.y * 0.06;
            Transform::from_translation(Vec3::new(
                part.centre.x,
                y,
                part.centre.z - part.size.z / 2.0 - LIFT_M,
            ))
            .with_rotation(Quat::from_rotation_y(std::f32::consts::PI))
        };
        commands.spawn((
            Mesh3d(mesh),
            MeshMaterial3d(material),
            transform,
            Name::new(format!("personalization {}", def.id)),
            ChildOf(root),
        ));
    }
}

/// A layout's image as a texture no larger than [`IMAGE_MAX_PX`] a side.
fn load_image(folder: &Path, file: &str) -> Option<Image> {
    let path = locate_image(folder, file).ok()?;
    let picture = image::ImageReader::open(path)
        .ok()?
        .with_guessed_format()
        .ok()?
        .decode()
        .ok()?
        .thumbnail(IMAGE_MAX_PX, IMAGE_MAX_PX)
        .to_rgba8();
    let (width, height) = picture.dimensions();
    Some(Image::new(
        Extent3d {
            width,
            height,
            depth_or_array_layers: 1,
        },
        TextureDimension::D2,
        picture.into_raw(),
        TextureFormat::Rgba8UnormSrgb,
        RenderAssetUsages::RENDER_WORLD,
    ))
}
