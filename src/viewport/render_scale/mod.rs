//! A lower render scale for the 3D view while it moves, in the fast quality tier: a software
//! renderer shades every pixel on the CPU, so while the camera orbits or a product is dragged the
//! 3D view is drawn at half the width and height (a quarter of the pixels) and stretched over its
//! area; once nothing has moved for [`REST`] the next frame draws it at full size again. The
//! panels and the plan's labels are drawn by egui afterwards and stay crisp throughout.

pub mod upscale;

use crate::editor::pointer::MainCamera;
use crate::pacing::wake::Wakeups;
use crate::scene::products::ProductEntity;
use crate::viewport::quality::GraphicsQuality;
use bevy::prelude::*;
use bevy::window::PrimaryWindow;
use std::time::{Duration, Instant};
use upscale::Upscale;

/// The render scale (of width and of height) while the 3D view moves in the fast tier.
pub const MOVING_SCALE: f32 = 0.5;
/// How long after the last movement the view is drawn at full size again.
pub const REST: Duration = Duration::from_millis(250);

/// When the 3D view last moved (camera or products), as [`scale_while_moving`] saw it.
#[derive(Resource, Debug, Default, Clone, Copy)]
pub struct Motion {
    /// The frame time of the last movement.
    pub last: Option<Instant>,
    /// True while the view is drawn at the reduced scale.
    pub reduced: bool,
}

/// The render scale plugin (window apps).
pub(crate) fn plugin(app: &mut App) {
    app.init_resource::<Motion>()
        .add_plugins(upscale::plugin)
        .add_systems(Last, scale_while_moving);
}

/// The reduced size of a viewport of `size` physical pixels at `scale` (at least one pixel).
#[must_use]
pub fn reduced_size(size: UVec2, scale: f32) -> UVec2 {
    (size.as_vec2() * scale)
        .round()
        .as_uvec2()
        .clamp(UVec2::ONE, size.max(UVec2::ONE))
}

/// Notes movement of the camera or of any product this frame and sets or clears the reduced
/// scale on the main camera; asks for the frame that draws the view at full size after [`REST`].
#[allow(clippy::type_complexity)]
fn scale_while_moving(
    mut commands: Commands,
    quality: Res<GraphicsQuality>,
    cameras: Query<(Entity, Ref<Transform>, &Camera, Option<&Upscale>), With<MainCamera>>,
    moved: Query<(), (Changed<Transform>, With<ProductEntity>)>,
    window: Query<&Window, With<PrimaryWindow>>,
    mut motion: ResMut<Motion>,
    wakeups: Res<Wakeups>,
) {
    let Ok((camera, transform, settings, current)) = cameras.single() else {
        return;
    };
    let now = Instant::now();
    if transform.is_changed() || !moved.is_empty() {
        motion.last = Some(now);
    }
    let moving = motion.last.is_some_and(|last| now - last < REST);
    let reduced = moving && *quality == GraphicsQuality::Fast && window.single().is_ok();
    let wanted = settings
        .viewport
        .as_ref()
        .filter(|_| reduced)
        .map(|viewport| Upscale {
            reduced: reduced_size(viewport.physical_size, MOVING_SCALE),
        });
    match wanted {
        Some(upscale) => {
            if current != Some(&upscale) {
                commands.entity(camera).insert(upscale);
            }
            if let Some(last) = motion.last {
                wakeups.at(last + REST);
            }
        }
        None if current.is_some() => {
            commands.entity(camera).remove::<Upscale>();
        }
        None => {}
    }
    motion.reduced = wanted.is_some();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_scale_keeps_at_least_a_pixel_and_never_grows() {
        assert_eq!(
            reduced_size(UVec2::new(1240, 861), 0.5),
            UVec2::new(620, 431)
        );
        assert_eq!(reduced_size(UVec2::new(1, 1), 0.5), UVec2::ONE);
        assert_eq!(reduced_size(UVec2::new(0, 0), 0.5), UVec2::ONE);
        assert_eq!(
            reduced_size(UVec2::new(800, 600), 1.0),
            UVec2::new(800, 600)
        );
    }
}
