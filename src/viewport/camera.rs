//! The main camera: orbit, pan and zoom around a focus point in 3D, or look straight down in
//! an orthographic plan view. Pointer input over the sidebar never reaches it.

use crate::document::{Document, ReplaceRequested};
use crate::editor::pointer::{MainCamera, PointerCapture};
use crate::world_units::world_point;
use bevy::camera::ScalingMode;
use bevy::input::mouse::{AccumulatedMouseMotion, AccumulatedMouseScroll, MouseScrollUnit};
use bevy::prelude::*;
use bevy::window::PrimaryWindow;
use bevy_egui::egui;

/// Where the camera looks from.
#[derive(Component, Debug, Clone, Copy, PartialEq)]
pub struct OrbitCamera {
    /// The point looked at (world metres).
    pub focus: Vec3,
    /// Turn around the vertical axis (radians).
    pub yaw: f32,
    /// Angle above the horizon (radians).
    pub pitch: f32,
    /// Distance from the focus (metres); also sets the plan view's scale.
    pub distance: f32,
}

impl OrbitCamera {
    /// Where a perspective camera stands, looking at the focus.
    #[must_use]
    pub fn eye(&self) -> Transform {
        let offset = Vec3::new(
            self.distance * self.pitch.cos() * self.yaw.sin(),
            self.distance * self.pitch.sin(),
            self.distance * self.pitch.cos() * self.yaw.cos(),
        );
        Transform::from_translation(self.focus + offset).looking_at(self.focus, Vec3::Y)
    }

    /// Where the plan camera stands: straight above the focus, north up.
    #[must_use]
    pub fn plan_eye(&self) -> Transform {
        Transform::from_translation(self.focus + Vec3::Y * 60.0).looking_at(self.focus, Vec3::NEG_Z)
    }
}

impl Default for OrbitCamera {
    fn default() -> Self {
        Self {
            focus: Vec3::ZERO,
            yaw: -0.55,
            pitch: 0.75,
            distance: 14.0,
        }
    }
}

/// Perspective 3D view or orthographic plan view.
#[derive(Resource, Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ViewMode {
    /// Looking into the rooms from above at an angle.
    #[default]
    Perspective,
    /// Looking straight down, to scale.
    Plan,
}

/// The part of the window the 3D or plan view shows, in egui points (set by the sidebar).
#[derive(Resource, Debug, Clone, Copy)]
pub struct ViewArea(pub egui::Rect);

impl ViewArea {
    /// Width over height (16:9 until the window has laid out).
    #[must_use]
    pub fn aspect(&self) -> f32 {
        if self.0.is_positive() {
            self.0.width() / self.0.height()
        } else {
            16.0 / 9.0
        }
    }
}

impl Default for ViewArea {
    fn default() -> Self {
        Self(egui::Rect::NOTHING)
    }
}

/// How the view is shown, for this session.
#[derive(Resource, Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ViewOptions {
    /// The one-metre grid under the plan.
    pub plan_grid: bool,
    /// Walls at full height in 3D; off, the walls between the camera and the rooms are cut
    /// down low so the furniture shows.
    pub full_walls: bool,
    /// The customer view: no editing chrome, the view with the quote total and the selected
    /// product's options and price.
    pub presentation: bool,
}

/// A request about how the view is shown (toolbar buttons, keys).
#[derive(Message, Debug, Clone, Copy, PartialEq, Eq)]
pub enum ViewRequested {
    /// Frame the whole layout (F).
    Fit,
    /// Switch the customer view on or off (F11).
    Presentation,
    /// Full-height walls in 3D on or off.
    FullWalls,
    /// The plan grid on or off.
    Grid,
}

/// A request to switch between the 3D and the plan view.
#[derive(Message, Debug, Clone, Copy, Default)]
pub struct ViewToggleRequested;

/// The camera entity with its components.
#[must_use]
pub fn camera_bundle() -> impl Bundle {
    (
        MainCamera,
        OrbitCamera::default(),
        Camera3d::default(),
        Transform::from_xyz(8.0, 9.0, 10.0).looking_at(Vec3::ZERO, Vec3::Y),
        Name::new("main camera"),
    )
}

/// Switches views; the plan view opens framed on the whole layout.
pub(crate) fn toggle_view(
    mut requests: MessageReader<ViewToggleRequested>,
    mut mode: ResMut<ViewMode>,
    mut fits: MessageWriter<ViewRequested>,
) {
    for _ in requests.read() {
        *mode = match *mode {
            ViewMode::Perspective => ViewMode::Plan,
            ViewMode::Plan => ViewMode::Perspective,
        };
        if *mode == ViewMode::Plan {
            fits.write(ViewRequested::Fit);
        }
    }
}

/// Applies view requests: framing the layout and the view options.
pub(crate) fn apply_view_requests(
    mut requests: MessageReader<ViewRequested>,
    mut options: ResMut<ViewOptions>,
    mode: Res<ViewMode>,
    document: Res<Document>,
    area: Res<ViewArea>,
    mut cameras: Query<&mut OrbitCamera>,
) {
    for request in requests.read() {
        match request {
            ViewRequested::Fit => {
                let Some((centre, size)) = layout_extent(&document) else {
                    continue;
                };
                for mut orbit in &mut cameras {
                    orbit.focus = centre;
                    orbit.distance = fitting_distance(*mode, size, area.aspect());
                }
            }
            ViewRequested::Presentation => options.presentation = !options.presentation,
            ViewRequested::FullWalls => options.full_walls = !options.full_walls,
            ViewRequested::Grid => options.plan_grid = !options.plan_grid,
        }
    }
}

/// How far the camera stands to show a layout `size` metres wide and deep: in the plan view the
/// whole of it with room for the dimension lines around it, in 3D as [`framing_distance`].
#[must_use]
pub fn fitting_distance(mode: ViewMode, size: Vec2, aspect: f32) -> f32 {
    match mode {
        ViewMode::Perspective => framing_distance(size.max_element()),
        ViewMode::Plan => {
            // The plan camera shows `distance × 0.8` metres top to bottom.
            let margin = 1.6;
            let height = (size.y + margin).max((size.x + margin) / aspect.max(0.1));
            (height * 1.06 / 0.8).clamp(1.0, 300.0)
        }
    }
}

/// Centre (world) and size (metres, plan x and y) of the walls and products.
#[must_use]
pub fn layout_extent(document: &Document) -> Option<(Vec3, Vec2)> {
    let mut points = document
        .layout
        .walls
        .iter()
        .flat_map(|wall| [wall.start, wall.end])
        .map(|point| (point.x.as_f64(), point.y.as_f64()))
        // Room around each product for its name beside it.
        .chain(document.layout.products.iter().flat_map(|placed| {
            let (x, y) = (placed.position.x.as_f64(), placed.position.y.as_f64());
            [(x - 700.0, y - 500.0), (x + 700.0, y + 500.0)]
        }))
        .map(|(x, y)| world_point(x, y, 0.0));
    let first = points.next()?;
    let (low, high) = points.fold((first, first), |(low, high), point| {
        (low.min(point), high.max(point))
    });
    Some((
        (low + high) / 2.0,
        Vec2::new(high.x - low.x, high.z - low.z),
    ))
}

/// Frames the walls when a layout is opened (and at start).
pub(crate) fn frame_new_layout(
    mut replacements: MessageReader<ReplaceRequested>,
    document: Res<Document>,
    mode: Res<ViewMode>,
    area: Res<ViewArea>,
    mut cameras: Query<&mut OrbitCamera>,
    mut framed: Local<bool>,
) {
    // Only a new, opened or recovered layout is framed: the view must stay put while walls
    // are drawn or edited.
    let replaced = replacements.read().count() > 0;
    if *framed && !replaced {
        return;
    }
    let (centre, size) =
        layout_extent(&document).unwrap_or((Vec3::ZERO, Vec2::splat(EMPTY_PLAN_EXTENT_M)));
    for mut orbit in &mut cameras {
        if !*framed || replaced {
            orbit.focus = centre;
            orbit.distance = fitting_distance(*mode, size, area.aspect());
        }
    }
    *framed = true;
}

/// How much of an empty plan the view shows (metres), room enough to draw a home.
const EMPTY_PLAN_EXTENT_M: f32 = 12.0;

/// How far the camera stands from the middle of a plan whose larger side is `extent_m`: the
/// whole plan in view, with room for the walls' height in perspective.
#[must_use]
pub fn framing_distance(extent_m: f32) -> f32 {
    (extent_m * 1.15 + 3.0).clamp(6.0, 200.0)
}

/// Centre (world) and the larger side (metres) of the walls' bounding box.
#[must_use]
pub fn layout_bounds(document: &Document) -> Option<(Vec3, f32)> {
    let mut points = document
        .layout
        .walls
        .iter()
        .flat_map(|wall| [wall.start, wall.end])
        .map(|point| world_point(point.x.as_f64(), point.y.as_f64(), 0.0));
    let first = points.next()?;
    let (low, high) = points.fold((first, first), |(low, high), point| {
        (low.min(point), high.max(point))
    });
    Some(((low + high) / 2.0, (high - low).max_element()))
}

/// Right drag orbits (pans in plan view), middle drag or Shift+right drag pans, the wheel zooms.
#[allow(clippy::too_many_arguments)]
pub(crate) fn control_camera(
    mouse: Res<ButtonInput<MouseButton>>,
    keys: Res<ButtonInput<KeyCode>>,
    motion: Res<AccumulatedMouseMotion>,
    scroll: Res<AccumulatedMouseScroll>,
    mode: Res<ViewMode>,
    capture: Res<PointerCapture>,
    window: Query<&Window, With<PrimaryWindow>>,
    mut cameras: Query<(&Camera, &GlobalTransform, &mut OrbitCamera)>,
    mut grabbed: Local<bool>,
) {
    let Ok((camera, camera_transform, mut orbit)) = cameras.single_mut() else {
        return;
    };
    let cursor = window.single().ok().and_then(Window::cursor_position);
    let inside = match (cursor, camera.logical_viewport_rect()) {
        (Some(cursor), Some(rect)) => rect.contains(cursor),
        _ => false,
    };
    let any_button = mouse.any_pressed([MouseButton::Right, MouseButton::Middle]);
    if mouse.any_just_pressed([MouseButton::Right, MouseButton::Middle]) {
        *grabbed = inside;
    }
    if !any_button {
        *grabbed = false;
    }
    if *capture != PointerCapture::Free {
        return;
    }
    let shift = keys.any_pressed([KeyCode::ShiftLeft, KeyCode::ShiftRight]);
    let delta = motion.delta;
    if *grabbed && delta != Vec2::ZERO {
        let pan = mouse.pressed(MouseButton::Middle) || shift || *mode == ViewMode::Plan;
        if pan {
            let scale = orbit.distance * 0.0016;
            let right = Vec3::new(orbit.yaw.cos(), 0.0, -orbit.yaw.sin());
            let forward = Vec3::new(-orbit.yaw.sin(), 0.0, -orbit.yaw.cos());
            let (right, forward) = if *mode == ViewMode::Plan {
                (Vec3::X, Vec3::NEG_Z)
            } else {
                (right, forward)
            };
            orbit.focus += (-right * delta.x + forward * delta.y) * scale;
        } else {
            orbit.yaw -= delta.x * 0.006;
            orbit.pitch = (orbit.pitch + delta.y * 0.005).clamp(0.12, 1.5);
        }
    }
    if inside && scroll.delta.y != 0.0 {
        let lines = match scroll.unit {
            MouseScrollUnit::Line => scroll.delta.y,
            MouseScrollUnit::Pixel => scroll.delta.y / 40.0,
        };
        let before = orbit.distance;
        orbit.distance = (orbit.distance * (1.0 - lines * 0.1)).clamp(1.0, 300.0);
        // Zoom to the cursor: the floor point under it stays under it.
        let under = cursor.and_then(|cursor| {
            let ray = camera.viewport_to_world(camera_transform, cursor).ok()?;
            ray.plane_intersection_point(Vec3::ZERO, InfinitePlane3d::new(Vec3::Y))
        });
        if let Some(under) = under {
            let ratio = orbit.distance / before;
            let shift = (under - orbit.focus) * (1.0 - ratio);
            orbit.focus += Vec3::new(shift.x, 0.0, shift.z);
        }
    }
}

/// Places the camera from its orbit and the view mode.
pub(crate) fn apply_camera(
    mode: Res<ViewMode>,
    mut cameras: Query<(Ref<OrbitCamera>, &mut Transform, &mut Projection)>,
) {
    for (orbit, mut transform, mut projection) in &mut cameras {
        if !orbit.is_changed() && !mode.is_changed() {
            continue;
        }
        match *mode {
            ViewMode::Perspective => {
                let offset = Vec3::new(
                    orbit.distance * orbit.pitch.cos() * orbit.yaw.sin(),
                    orbit.distance * orbit.pitch.sin(),
                    orbit.distance * orbit.pitch.cos() * orbit.yaw.cos(),
                );
                *transform = Transform::from_translation(orbit.focus + offset)
                    .looking_at(orbit.focus, Vec3::Y);
                if !matches!(*projection, Projection::Perspective(_)) {
                    *projection = Projection::Perspective(PerspectiveProjection::default());
                }
            }
            ViewMode::Plan => {
                *transform = Transform::from_translation(orbit.focus + Vec3::Y * 60.0)
                    .looking_at(orbit.focus, Vec3::NEG_Z);
                *projection = Projection::from(OrthographicProjection {
                    scaling_mode: ScalingMode::FixedVertical {
                        viewport_height: orbit.distance * 0.8,
                    },
                    ..OrthographicProjection::default_3d()
                });
            }
        }
    }
}
