//! Building the planner application: the window app, the headless app used by tests, and the
//! starting document (a layout file, recovered work, or the demo showroom).

use crate::catalogs::Catalogs;
use crate::document::Document;
use crate::files::recovery::Recovery;
use crate::files::{empty_layout, open_layout};
use crate::live::LiveState;
use crate::scene::model_looks::ModelLooks;
use crate::viewport::camera::camera_bundle;
use crate::{core_plugin, interactive_plugin, sidebar, theme};
use bevy::prelude::*;
use bevy::window::{RequestRedraw, WindowResolution};
use std::path::PathBuf;

/// The layout opened when the planner starts without one.
pub const DEMO_LAYOUT: &str = "saves/showroom.ron";

/// Environment variable: take a screenshot of the window to this PNG after the first frames,
/// then quit (for documentation and for checking the GUI by eye on a machine without a display).
pub const SCREENSHOT_ENV: &str = "ROOM_PLANNER_SCREENSHOT";
/// Environment variable: the product id to select at start (with [`SCREENSHOT_ENV`]).
pub const SELECT_ENV: &str = "ROOM_PLANNER_SELECT";

/// Environment variable: `plan` starts in the plan view (for screenshots).
pub const VIEW_ENV: &str = "ROOM_PLANNER_VIEW";

/// Frames before the screenshot: long enough for the sidebar to lay out and models to load.
const SCREENSHOT_AFTER_FRAMES: u32 = 90;

fn screenshot_and_quit(
    path: PathBuf,
) -> impl FnMut(Commands, MessageWriter<AppExit>, MessageWriter<RequestRedraw>, Local<u32>) {
    move |mut commands: Commands,
          mut exit: MessageWriter<AppExit>,
          mut redraw: MessageWriter<RequestRedraw>,
          mut frames: Local<u32>| {
        *frames += 1;
        // The window draws only on change: these frames are asked for.
        redraw.write(RequestRedraw);
        if *frames == SCREENSHOT_AFTER_FRAMES {
            commands
                .spawn(bevy::render::view::screenshot::Screenshot::primary_window())
                .observe(bevy::render::view::screenshot::save_to_disk(path.clone()));
        }
        if *frames == SCREENSHOT_AFTER_FRAMES + 30 {
            exit.write(AppExit::Success);
        }
    }
}

/// What the planner starts with.
#[derive(Debug, Clone)]
pub struct StartOptions {
    /// Layout to open; the demo showroom when `None`.
    pub layout: Option<PathBuf>,
    /// Folder of catalogs.
    pub catalogs: PathBuf,
}

/// The document to start with, and a problem to show if the layout could not be opened.
#[must_use]
pub fn starting_document(
    options: &StartOptions,
    catalogs: &Catalogs,
) -> (Document, Option<String>) {
    let requested = options.layout.clone();
    let path = requested
        .clone()
        .unwrap_or_else(|| PathBuf::from(DEMO_LAYOUT));
    if requested.is_none() && !path.exists() {
        return (Document::new(empty_layout(catalogs), None), None);
    }
    match open_layout(&path, catalogs) {
        Ok((layout, _)) => (Document::new(layout, Some(path)), None),
        Err(problem) => (Document::new(empty_layout(catalogs), None), Some(problem)),
    }
}

/// Inserts the starting resources: catalogs, document and its live state.
pub fn insert_start_resources(app: &mut App, catalogs: Catalogs, document: Document) {
    let live = LiveState::new(&document, &catalogs);
    app.insert_resource(catalogs)
        .insert_resource(document)
        .insert_resource(live)
        .insert_resource(ModelLooks::in_folder(asset_folder()));
}

/// The folder assets (glTF models) are read from: `assets/` in the working directory.
#[must_use]
pub fn asset_folder() -> String {
    std::env::current_dir()
        .map(|dir| dir.join("assets"))
        .unwrap_or_else(|_| PathBuf::from("assets"))
        .to_string_lossy()
        .into_owned()
}

/// Runs the planner window until it is closed.
pub fn run_planner(options: &StartOptions) -> AppExit {
    let catalogs = Catalogs::load(&options.catalogs);
    let (document, problem) = starting_document(options, &catalogs);
    let mut app = App::new();
    app.insert_resource(ClearColor(theme::BACKGROUND))
        .add_plugins(
            DefaultPlugins
                .set(WindowPlugin {
                    primary_window: Some(Window {
                        title: "Room Planner".into(),
                        resolution: WindowResolution::new(1600, 900),
                        ..default()
                    }),
                    close_when_requested: false,
                    ..default()
                })
                .set(AssetPlugin {
                    file_path: asset_folder(),
                    ..default()
                }),
        );
    insert_start_resources(&mut app, catalogs, document);
    app.insert_resource(Recovery::in_folder(&Recovery::default_folder()))
        .add_plugins((core_plugin, interactive_plugin, sidebar::plugin))
        .add_systems(Startup, |mut commands: Commands| {
            commands.spawn(camera_bundle());
        });
    if let Ok(path) = std::env::var(SCREENSHOT_ENV) {
        app.add_systems(Update, screenshot_and_quit(PathBuf::from(path)));
    }
    if std::env::var_os(crate::benchmark::BENCHMARK_ENV).is_some() {
        app.add_plugins(crate::benchmark::plugin);
    }
    if std::env::var(VIEW_ENV).is_ok_and(|view| view == "plan") {
        app.insert_resource(crate::viewport::camera::ViewMode::Plan);
    }
    if let Ok(id) = std::env::var(SELECT_ENV) {
        app.insert_resource(crate::editor::selection::Selection::Product(
            id.as_str().into(),
        ));
    }
    if let Some(problem) = problem {
        app.world_mut()
            .resource_mut::<crate::notices::Notices>()
            .error(problem);
    }
    app.run()
}
