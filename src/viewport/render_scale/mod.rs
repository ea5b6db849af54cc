//! A lower render scale for the 3D view while it moves, in the fast quality tier: a software
//! renderer shades every pixel on the CPU, so while the camera orbits or a product is dragged the
//! 3D view is drawn smaller and stretched over its area; once nothing has moved for [`REST`] the
//! next frame draws it at full size again. The panels and the plan's labels are drawn by egui
//! afterwards and stay crisp throughout.
//!
//! While it moves, products farther than [`MOVING_REACH`] times the camera's distance from its
//! focus are not drawn either (their one-box stand-ins: tiny at that distance, but at 10,000
//! products most of the triangles); they are back in the full-size frame at rest.
//!
//! The scale starts at half the width and height (a quarter of the pixels) and follows the frame
//! times of moving frames, in steps of [`SCALE_STEP`] between [`MIN_SCALE`] and full size, so a
//! moving frame takes about [`TARGET_FRAME`] where the machine allows; what it learnt is kept for
//! the next movement.

pub mod upscale;

use crate::editor::pointer::MainCamera;
use crate::pacing::wake::Wakeups;
use crate::scene::detail::DETAIL_DISTANCE_M;
use crate::scene::products::{ProductEntity, StandIn};
use crate::viewport::camera::OrbitCamera;
use crate::viewport::quality::GraphicsQuality;
use bevy::camera::visibility::VisibilityRange;
use bevy::prelude::*;
use bevy::window::PrimaryWindow;
use std::time::{Duration, Instant};
use upscale::Upscale;

/// The render scale (of width and of height) the first movement starts at in the fast tier.
pub const MOVING_SCALE: f32 = 0.5;
/// The smallest render scale while moving.
pub const MIN_SCALE: f32 = 0.25;
/// How much the scale changes after one frame.
pub const SCALE_STEP: f32 = 0.05;
/// The frame time the moving scale aims at.
pub const TARGET_FRAME: Duration = Duration::from_millis(80);
/// While moving, stand-ins are drawn up to this many times the camera's distance from its focus.
pub const MOVING_REACH: f32 = 1.5;
/// Frames slower than this (a pause between movements) say nothing about the scale.
const LONGEST_MEASURED_FRAME: Duration = Duration::from_secs(2);
/// How long after the last movement the view is drawn at full size again.
pub const REST: Duration = Duration::from_millis(250);

/// When the 3D view last moved (camera or products), as [`scale_while_moving`] saw it.
#[derive(Resource, Debug, Default, Clone, Copy)]
pub struct Motion {
    /// The frame time of the last movement.
    pub last: Option<Instant>,
    /// True while the view moves in the fast tier: drawn at [`Motion::scale`] (full size when the
    /// scale has grown to 1).
    pub reduced: bool,
    /// The render scale of moving frames now (0 until the first movement: [`MOVING_SCALE`]).
    pub scale: f32,
    /// When the last moving frame started (its successor measures it).
    previous_moving_frame: Option<Instant>,
}

/// The next moving frame's scale after a moving frame drawn at `scale` took `frame`: a step
/// down when it was over the target by more than a sixth, a step up when it was under three
/// quarters of it, within [`MIN_SCALE`] and 1.
#[must_use]
pub fn next_scale(scale: f32, frame: Duration) -> f32 {
    let next = if frame > TARGET_FRAME.mul_f32(7.0 / 6.0) {
        scale - SCALE_STEP
    } else if frame < TARGET_FRAME.mul_f32(0.75) {
        scale + SCALE_STEP
    } else {
        scale
    };
    // Kept on the steps' grid so sizes repeat rather than drift.
    ((next / SCALE_STEP).round() * SCALE_STEP).clamp(MIN_SCALE, 1.0)
}

/// The render scale plugin (window apps).
pub(crate) fn plugin(app: &mut App) {
    app.init_resource::<Motion>()
        .add_plugins(upscale::plugin)
        .add_systems(Last, (scale_while_moving, limit_reach_while_moving).chain());
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
    if motion.scale == 0.0 {
        motion.scale = MOVING_SCALE;
    }
    // A reduced frame right after another measures the scale.
    if reduced
        && motion.reduced
        && let Some(previous) = motion.previous_moving_frame
        && now - previous < LONGEST_MEASURED_FRAME
    {
        motion.scale = next_scale(motion.scale, now - previous);
    }
    motion.previous_moving_frame = reduced.then_some(now);
    let scale = motion.scale;
    let wanted = settings
        .viewport
        .as_ref()
        .filter(|_| reduced && scale < 1.0)
        .map(|viewport| Upscale {
            reduced: reduced_size(viewport.physical_size, scale),
        });
    // The frame at rest (full size, every stand-in back) must come without further input.
    if reduced && let Some(last) = motion.last {
        wakeups.at(last + REST);
    }
    match wanted {
        Some(upscale) if current != Some(&upscale) => {
            commands.entity(camera).insert(upscale);
        }
        None if current.is_some() => {
            commands.entity(camera).remove::<Upscale>();
        }
        _ => {}
    }
    motion.reduced = reduced;
}

/// How far stand-ins are drawn: everywhere at rest, up to [`MOVING_REACH`] times the orbit
/// distance (never nearer than just past the detail distance) while the view moves reduced.
#[must_use]
pub fn stand_in_reach_m(reduced: bool, orbit_distance_m: f32) -> f32 {
    if reduced {
        (orbit_distance_m * MOVING_REACH).max(DETAIL_DISTANCE_M + 10.0)
    } else {
        f32::MAX
    }
}

/// Sets how far the stand-ins are drawn when the reach changes (motion starts or stops, or the
/// camera zooms while moving); new stand-ins get the current reach too.
fn limit_reach_while_moving(
    motion: Res<Motion>,
    cameras: Query<&OrbitCamera, With<MainCamera>>,
    mut stand_ins: Query<&mut VisibilityRange, With<StandIn>>,
    added: Query<(), Added<StandIn>>,
    mut current: Local<Option<f32>>,
) {
    let distance = cameras.single().map_or(0.0, |orbit| orbit.distance);
    let reach = stand_in_reach_m(motion.reduced, distance);
    // Zooming while moving changes the reach in steps of a tenth, not every frame.
    let unchanged = current.is_some_and(|now| (now - reach).abs() <= now.min(reach) * 0.1);
    if unchanged && added.is_empty() {
        return;
    }
    *current = Some(reach);
    for mut range in &mut stand_ins {
        if range.end_margin.start != reach {
            range.end_margin = reach..reach;
        }
    }
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

    #[test]
    fn stand_ins_reach_everywhere_at_rest_and_follow_the_camera_while_moving() {
        assert_eq!(stand_in_reach_m(false, 80.0), f32::MAX);
        assert_eq!(stand_in_reach_m(true, 80.0), 120.0);
        assert_eq!(stand_in_reach_m(true, 5.0), DETAIL_DISTANCE_M + 10.0);
    }

    #[test]
    fn the_moving_scale_follows_the_frame_time_in_steps_within_its_bounds() {
        let ms = Duration::from_millis;
        let near = |a: f32, b: f32| (a - b).abs() < 1e-6;
        // Slow frames step down to the floor and stay there.
        let mut scale = MOVING_SCALE;
        let mut seen = vec![scale];
        for _ in 0..10 {
            scale = next_scale(scale, ms(400));
            seen.push(scale);
        }
        assert!(near(seen[1], 0.45), "{seen:?}");
        assert!(near(seen[5], MIN_SCALE), "{seen:?}");
        assert!(near(scale, MIN_SCALE), "{seen:?}");
        // Frames near the target keep it; fast ones step up to full size and no further.
        assert!(near(next_scale(0.4, ms(85)), 0.4));
        assert!(near(next_scale(0.4, ms(70)), 0.4));
        assert!(near(next_scale(0.4, ms(50)), 0.45));
        let mut scale = 0.9;
        for _ in 0..5 {
            scale = next_scale(scale, ms(10));
        }
        assert!(near(scale, 1.0));
    }
}
