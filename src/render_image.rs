//! Pictures of the design without a window: a camera renders into an image, which is saved as
//! PNG once every model has loaded and the frame has settled. Used by `room-planner render`
//! and by "Export image…" in the planner.

use crate::AppSystems;
use bevy::asset::RenderAssetUsages;
use bevy::camera::RenderTarget;
use bevy::prelude::*;
use bevy::render::render_resource::{Extent3d, TextureDimension, TextureFormat, TextureUsages};
use bevy::render::view::screenshot::{Screenshot, ScreenshotCaptured};
use bevy::window::RequestRedraw;
use std::path::PathBuf;

/// Frames rendered before capturing, so that shadows and pipelines have settled.
const SETTLE_FRAMES: u32 = 12;

/// A camera rendering into an image that is saved to `path` once ready.
#[derive(Component, Debug, Clone)]
pub struct OffscreenCapture {
    /// Where the PNG goes.
    pub path: PathBuf,
    /// The image rendered into.
    pub image: Handle<Image>,
    settle_frames: u32,
    requested: bool,
}

/// A capture was written (or failed).
#[derive(Message, Debug, Clone)]
pub struct CaptureFinished {
    /// The PNG path.
    pub path: PathBuf,
    /// What went wrong, if anything.
    pub error: Option<String>,
}

impl OffscreenCapture {
    /// A capture of `size` pixels into a new image.
    pub fn new(images: &mut Assets<Image>, size: UVec2, path: PathBuf) -> Self {
        let mut image = Image::new_fill(
            Extent3d {
                width: size.x.max(1),
                height: size.y.max(1),
                depth_or_array_layers: 1,
            },
            TextureDimension::D2,
            &[0, 0, 0, 255],
            TextureFormat::Rgba8UnormSrgb,
            RenderAssetUsages::default(),
        );
        image.texture_descriptor.usage = TextureUsages::TEXTURE_BINDING
            | TextureUsages::COPY_DST
            | TextureUsages::COPY_SRC
            | TextureUsages::RENDER_ATTACHMENT;
        Self {
            path,
            image: images.add(image),
            settle_frames: SETTLE_FRAMES,
            requested: false,
        }
    }

    /// The camera that renders the capture, placed like `transform` with `projection`.
    pub fn camera_bundle(self, transform: Transform, projection: Projection) -> impl Bundle {
        (
            Camera3d::default(),
            Camera {
                order: -1,
                ..default()
            },
            RenderTarget::Image(self.image.clone().into()),
            projection,
            transform,
            self,
        )
    }
}

/// The capture plugin.
pub(crate) fn plugin(app: &mut App) {
    app.add_message::<CaptureFinished>()
        .add_systems(Update, capture_when_ready.in_set(AppSystems::Highlight));
}

/// Counts down once all models are loaded, then asks for the screenshot of the image. Frames
/// keep coming while a capture or a window screenshot is under way.
fn capture_when_ready(
    mut commands: Commands,
    mut captures: Query<(Entity, &mut OffscreenCapture)>,
    screenshots: Query<(), With<Screenshot>>,
    models: Query<&WorldAssetRoot>,
    asset_server: Res<AssetServer>,
    mut redraw: MessageWriter<RequestRedraw>,
) {
    if !captures.is_empty() || !screenshots.is_empty() {
        redraw.write(RequestRedraw);
    }
    let loading = models.iter().any(|model| {
        !asset_server.is_loaded_with_dependencies(&model.0)
            && !asset_server.load_state(&model.0).is_failed()
    });
    for (entity, mut capture) in &mut captures {
        if capture.requested || loading {
            continue;
        }
        if capture.settle_frames > 0 {
            capture.settle_frames -= 1;
            continue;
        }
        capture.requested = true;
        let path = capture.path.clone();
        commands
            .spawn(Screenshot::image(capture.image.clone()))
            .observe(
                move |captured: On<ScreenshotCaptured>,
                      mut finished: MessageWriter<CaptureFinished>,
                      mut commands: Commands| {
                    let error = save_png(&captured.image, &path).err();
                    finished.write(CaptureFinished {
                        path: path.clone(),
                        error,
                    });
                    commands.entity(entity).despawn();
                },
            );
    }
}

/// Writes a captured image as an RGB PNG.
///
/// # Errors
/// Image conversion or file errors, as text.
fn save_png(image: &Image, path: &std::path::Path) -> Result<(), String> {
    let dynamic = image
        .clone()
        .try_into_dynamic()
        .map_err(|error| error.to_string())?;
    dynamic
        .to_rgb8()
        .save(path)
        .map_err(|error| error.to_string())
}
