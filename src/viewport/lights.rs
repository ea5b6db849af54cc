//! Daylight for the rooms: a low sun casting soft shadows through the open ceiling, and an
//! even ambient fill so that rooms read as rooms.

use bevy::light::CascadeShadowConfigBuilder;
use bevy::prelude::*;

pub(crate) fn spawn_lights(mut commands: Commands) {
    commands.insert_resource(GlobalAmbientLight {
        color: Color::srgb(1.0, 0.98, 0.95),
        brightness: 650.0,
        ..default()
    });
    commands.spawn((
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
        DirectionalLight {
            illuminance: 2_500.0,
            shadow_maps_enabled: false,
            ..default()
        },
        Transform::from_xyz(8.0, 10.0, -6.0).looking_at(Vec3::ZERO, Vec3::Y),
        Name::new("fill light"),
    ));
}
