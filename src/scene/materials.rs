//! Materials shared by every scene entity: one per colour, plus the violation and glass looks.
//! Colours come from the catalog (the chosen finish); the highlight colours from the theme.

use crate::scene::parts::Role;
use crate::theme;
use bevy::prelude::*;
use room_planner_core::domain::catalog::Configuration;
use room_planner_core::domain::catalog::{Appearance, MaterialSource, OptionValue, Product};
use std::collections::HashMap;

/// Unit meshes scaled per part, so a thousand parts share two meshes.
#[derive(Resource, Debug, Clone)]
pub struct UnitMeshes {
    /// A 1 m cube centred on the origin.
    pub cube: Handle<Mesh>,
    /// A cylinder 1 m across and 1 m high, centred on the origin.
    pub cylinder: Handle<Mesh>,
}

/// One material per colour, made on first use.
#[derive(Resource, Debug, Default)]
pub struct MaterialCache {
    by_colour: HashMap<[u8; 3], Handle<StandardMaterial>>,
    glass: Option<Handle<StandardMaterial>>,
    violation: Option<Handle<StandardMaterial>>,
}

impl MaterialCache {
    /// The material of an sRGB colour.
    pub fn colour(
        &mut self,
        materials: &mut Assets<StandardMaterial>,
        rgb: [u8; 3],
    ) -> Handle<StandardMaterial> {
        self.by_colour
            .entry(rgb)
            .or_insert_with(|| {
                materials.add(StandardMaterial {
                    base_color: Color::srgb_u8(rgb[0], rgb[1], rgb[2]),
                    perceptual_roughness: 0.75,
                    ..default()
                })
            })
            .clone()
    }

    /// Translucent glazing.
    pub fn glass(&mut self, materials: &mut Assets<StandardMaterial>) -> Handle<StandardMaterial> {
        self.glass
            .get_or_insert_with(|| {
                materials.add(StandardMaterial {
                    base_color: theme::GLASS,
                    alpha_mode: AlphaMode::Blend,
                    perceptual_roughness: 0.1,
                    reflectance: 0.6,
                    ..default()
                })
            })
            .clone()
    }

    /// The look of a product that breaks a constraint.
    pub fn violation(
        &mut self,
        materials: &mut Assets<StandardMaterial>,
    ) -> Handle<StandardMaterial> {
        self.violation
            .get_or_insert_with(|| {
                materials.add(StandardMaterial {
                    base_color: theme::VIOLATION,
                    emissive: theme::VIOLATION_GLOW,
                    perceptual_roughness: 0.6,
                    ..default()
                })
            })
            .clone()
    }

    /// The material of a part of a configured product.
    pub fn part(
        &mut self,
        materials: &mut Assets<StandardMaterial>,
        product: &Product,
        configuration: &Configuration,
        role: Role,
    ) -> Handle<StandardMaterial> {
        if role == Role::Glass {
            return self.glass(materials);
        }
        let rgb =
            slot_colour(product, configuration, role).unwrap_or_else(|| role.default_colour());
        self.colour(materials, rgb)
    }
}

/// The colour the catalog gives the first of the role's slots that the product names.
#[must_use]
pub fn slot_colour(
    product: &Product,
    configuration: &Configuration,
    role: Role,
) -> Option<[u8; 3]> {
    let Appearance::Shape { materials, .. } = &product.appearance else {
        return None;
    };
    let source = role
        .slot_names()
        .iter()
        .find_map(|name| materials.get(*name))?;
    let colour = match source {
        MaterialSource::Colour(colour) => Some(*colour),
        MaterialSource::FromOption(option) => match product.value_of(option, configuration) {
            Some(OptionValue::Choice(value)) => product
                .option(option)
                .and_then(|def| def.choice(&value))
                .and_then(|choice| choice.colour),
            _ => None,
        },
    }?;
    Some([colour.red, colour.green, colour.blue])
}

/// Creates the unit meshes.
pub(super) fn setup_unit_meshes(mut commands: Commands, mut meshes: ResMut<Assets<Mesh>>) {
    commands.insert_resource(UnitMeshes {
        cube: meshes.add(Cuboid::new(1.0, 1.0, 1.0)),
        // 16 sides read as round at furniture sizes, with half the triangles of the default
        // 32: a software renderer bins every one of them for each of thousands of legs.
        cylinder: meshes.add(Cylinder::new(0.5, 1.0).mesh().resolution(16)),
    });
}
