//! The level of detail of the 3D scene: how far from the camera a product's parts (or model)
//! are drawn, and where its one-box stand-in takes over.

use bevy::camera::visibility::VisibilityRange;
use std::ops::Range;

/// Camera distance (metres) beyond which a product's parts give way to its one-box stand-in;
/// the switch is abrupt (a crossfade would dither, which costs a software renderer more).
pub const DETAIL_DISTANCE_M: f32 = 35.0;
const DETAIL_FADE_M: Range<f32> = DETAIL_DISTANCE_M..DETAIL_DISTANCE_M;

/// The parts are drawn near the camera, the stand-in box beyond [`DETAIL_DISTANCE_M`].
pub fn detail_ranges() -> (VisibilityRange, VisibilityRange) {
    (
        VisibilityRange {
            start_margin: 0.0..0.0,
            end_margin: DETAIL_FADE_M,
            use_aabb: false,
        },
        VisibilityRange {
            start_margin: DETAIL_FADE_M,
            end_margin: f32::MAX..f32::MAX,
            use_aabb: false,
        },
    )
}
