//! Daylight for the rooms: a low sun casting soft shadows through the open ceiling, a fill light
//! from the other side and an even ambient light so that rooms read as rooms. The fast quality
//! tier ([`super::quality`]) turns shadows and the fill light off and raises the ambient light.

use bevy::light::CascadeShadowConfigBuilder;
use bevy::prelude::*;

/// Ambient brightness with the fill light on.
pub const AMBIENT_FULL: f32 = 650.0;
/// Ambient brightness standing in for the fill light in the fast tier.
pub const AMBIENT_FAST: f32 = 800.0;

/// The sun, casting shadows in the full tier.
#[derive(Component, Debug)]
pub struct Sun;

/// The fill light, left out in the fast tier.
#[derive(Component, Debug)]
pub struct FillLight;

pub(crate) fn spawn_lights(mut commands: Commands) {
    commands.insert_resource(GlobalAmbientLight {
        color: Color::srgb(1.0, 0.98, 0.95),
        brightness: AMBIENT_FULL,
        ..default()
    });
    commands.spawn((
        Sun,
        DirectionalLight {
            illuminance: 9_000.0,
            shadow_maps_enabled: true,
            color: Color::srgb(1.0, 0.96, 0.9),
            ..default()
        },
        CascadeShadowConfigBuilder {
            num_cascades: 1,
            maximum_distance: 60.0,
            ..default()
        }
        .build(),
        Transform::from_xyz(-6.0, 14.0, 8.0).looking_at(Vec3::ZERO, Vec3::Y),
        Name::new("sun"),
    ));
    commands.spawn((
        FillLight,
        DirectionalLight {
            illuminance: 2_500.0,
            shadow_maps_enabled: false,
            ..default()
        },
        Transform::from_xyz(8.0, 10.0, -6.0).looking_at(Vec3::ZERO, Vec3::Y),
        Name::new("fill light"),
    ));
}
