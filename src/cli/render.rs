//! `room-planner render`: one picture of a layout to PNG: the 3D view rendered off-window, or
//! the plan drawn on the CPU from the one plan drawing the window and the PDF draw (fitted to
//! the picture with a margin; no graphics adapter needed).

use super::{EXIT_BAD_INPUT, EXIT_OK, RenderView};
use crate::app::{asset_folder, insert_start_resources};
use crate::catalogs::Catalogs;
use crate::document::Document;
use crate::render_image::{CaptureFinished, OffscreenCapture};
use crate::viewport::camera::{OrbitCamera, ViewMode, framing_distance, layout_bounds};
use crate::{core_plugin, theme};
use bevy::app::ScheduleRunnerPlugin;
use bevy::camera::ScalingMode;
use bevy::prelude::*;
use bevy::render::RenderPlugin;
use bevy::window::ExitCondition;
use bevy::winit::WinitPlugin;
use std::path::Path;
use std::time::Duration;

/// Frames after which an unfinished render gives up.
const MAX_FRAMES: u32 = 2_000;

/// Renders the layout and writes the PNG.
pub(super) fn run(
    layout_path: &Path,
    output: &Path,
    view: RenderView,
    size: (u32, u32),
    catalogs_folder: &Path,
) -> u8 {
    let catalogs = Catalogs::load(catalogs_folder);
    for problem in &catalogs.problems {
        eprintln!("warning: {problem}");
    }
    let layout =
        match room_planner_core::storage::layout_open::open_layout(layout_path, &catalogs.set) {
            Ok(opened) => opened.layout,
            Err(problem) => {
                eprintln!("{problem}");
                return EXIT_BAD_INPUT;
            }
        };
    if view == RenderView::Plan {
        return render_plan(&layout, &catalogs, output, size);
    }
    let document = Document::new(layout, Some(layout_path.to_owned()));
    let output = output.to_owned();
    let rendered = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        render_document(catalogs, document, &output, view, size)
    }));
    match rendered {
        Ok(Ok(())) => {
            println!(
                "{}: {}x{} {} view",
                output.display(),
                size.0,
                size.1,
                match view {
                    RenderView::ThreeD => "3D",
                    RenderView::Plan => "plan",
                }
            );
            EXIT_OK
        }
        Ok(Err(problem)) => {
            eprintln!("{}: {problem}", output.display());
            EXIT_BAD_INPUT
        }
        Err(_) => {
            eprintln!(
                "cannot render: no graphics adapter could be used (on a machine without a GPU, install a software Vulkan driver such as Debian's mesa-vulkan-drivers)"
            );
            EXIT_BAD_INPUT
        }
    }
}

/// Draws the plan (violating products in red) and writes the PNG.
fn render_plan(
    layout: &room_planner_core::domain::layout::Layout,
    catalogs: &Catalogs,
    output: &Path,
    size: (u32, u32),
) -> u8 {
    use room_planner_core::domain::constraints::check_context;
    use room_planner_core::domain::drawing::plan_drawing::plan_drawing;
    use room_planner_core::domain::measured::PlanContext;
    use room_planner_core::domain::values::ids::ElementId;
    use room_planner_core::domain::values::length_units::LengthUnit;
    use room_planner_core::storage::plan_png::{PictureOptions, plan_picture};
    let context = PlanContext::new(layout, &catalogs.set);
    let violating = check_context(&context)
        .into_iter()
        .flat_map(|violation| violation.elements)
        .filter_map(|element| match element {
            ElementId::Product(id) => Some(id),
            _ => None,
        })
        .collect();
    let drawing = plan_drawing(layout, &context, &std::collections::BTreeMap::new());
    let options = PictureOptions {
        unit: LengthUnit::Millimetres,
        selected: None,
        violating: &violating,
    };
    let written = plan_picture(&drawing, size, &options)
        .and_then(|picture| picture.png())
        .map_err(|error| error.to_string())
        .and_then(|bytes| {
            room_planner_core::storage::atomic_write::write_atomically(output, &bytes)
                .map_err(|error| error.to_string())
        });
    match written {
        Ok(()) => {
            println!("{}: {}x{} plan view", output.display(), size.0, size.1);
            EXIT_OK
        }
        Err(problem) => {
            eprintln!("{}: {problem}", output.display());
            EXIT_BAD_INPUT
        }
    }
}

/// What the render job found out; shared with the caller because `App::run` consumes the app.
#[derive(Resource, Debug, Default, Clone)]
struct RenderOutcome(std::sync::Arc<std::sync::Mutex<Outcome>>);

#[derive(Debug, Default)]
struct Outcome {
    error: Option<String>,
    done: bool,
    frames: u32,
}

fn render_document(
    catalogs: Catalogs,
    document: Document,
    output: &Path,
    view: RenderView,
    size: (u32, u32),
) -> Result<(), String> {
    let mut app = App::new();
    app.insert_resource(ClearColor(theme::BACKGROUND))
        .add_plugins(
            DefaultPlugins
                .set(WindowPlugin {
                    primary_window: None,
                    exit_condition: ExitCondition::DontExit,
                    ..default()
                })
                .set(RenderPlugin {
                    synchronous_pipeline_compilation: true,
                    ..default()
                })
                .set(AssetPlugin {
                    file_path: asset_folder(),
                    ..default()
                })
                .disable::<WinitPlugin>(),
        )
        .add_plugins(ScheduleRunnerPlugin::run_loop(Duration::from_millis(1)));
    let mode = match view {
        RenderView::ThreeD => ViewMode::Perspective,
        RenderView::Plan => ViewMode::Plan,
    };
    let mut orbit = OrbitCamera::default();
    if let Some((centre, extent)) = layout_bounds(&document) {
        orbit.focus = centre;
        orbit.distance = framing_distance(extent);
    }
    insert_start_resources(&mut app, catalogs, document);
    let outcome = RenderOutcome::default();
    app.insert_resource(mode)
        .insert_resource(outcome.clone())
        .add_plugins(core_plugin);
    let output = output.to_owned();
    let aspect = size.0 as f32 / size.1 as f32;
    app.add_systems(
        Startup,
        move |mut commands: Commands, mut images: ResMut<Assets<Image>>| {
            let capture =
                OffscreenCapture::new(&mut images, UVec2::new(size.0, size.1), output.clone());
            let (transform, projection) = camera_placement(&orbit, mode, aspect);
            commands.spawn(capture.camera_bundle(transform, projection));
        },
    )
    .add_systems(Update, finish_when_captured);
    app.run();
    let outcome = outcome
        .0
        .lock()
        .map_err(|_| "the render job failed".to_owned())?;
    match (outcome.done, outcome.error.clone()) {
        (true, None) => Ok(()),
        (_, Some(error)) => Err(error),
        (false, None) => Err(format!(
            "the picture was not ready after {MAX_FRAMES} frames"
        )),
    }
}

/// Where the render camera stands for a view.
fn camera_placement(orbit: &OrbitCamera, mode: ViewMode, aspect: f32) -> (Transform, Projection) {
    match mode {
        ViewMode::Perspective => (
            orbit.eye(),
            Projection::Perspective(PerspectiveProjection {
                aspect_ratio: aspect,
                ..default()
            }),
        ),
        ViewMode::Plan => (
            orbit.plan_eye(),
            Projection::from(OrthographicProjection {
                scaling_mode: ScalingMode::AutoMin {
                    min_width: orbit.distance * 1.05,
                    min_height: orbit.distance * 1.05,
                },
                ..OrthographicProjection::default_3d()
            }),
        ),
    }
}

fn finish_when_captured(
    mut finished: MessageReader<CaptureFinished>,
    outcome: Res<RenderOutcome>,
    mut exit: MessageWriter<AppExit>,
) {
    let Ok(mut outcome) = outcome.0.lock() else {
        exit.write(AppExit::error());
        return;
    };
    outcome.frames += 1;
    for capture in finished.read() {
        outcome.done = true;
        outcome.error.clone_from(&capture.error);
        exit.write(AppExit::Success);
    }
    if outcome.frames > MAX_FRAMES && !outcome.done {
        exit.write(AppExit::error());
    }
}
