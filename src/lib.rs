//! Room Planner: an offline room planner with configurable products, live pricing and quotes.
//!
//! The pure core (`domain`, `storage`) lives in the `room-planner-core` crate and is re-exported
//! here. This crate adds the command line (`cli`) and the Bevy planner: one plugin per concern,
//! composed in [`app`], with one system order ([`AppSystems`]) configured in [`core_plugin`].

pub mod app;
pub mod benchmark;
pub mod catalogs;
pub mod cli;
pub mod document;
pub mod editor;
pub mod files;
pub mod interaction;
pub mod live;
pub mod notices;
pub mod option_panels;
pub mod pacing;
pub mod plan_edit;
pub mod preferences;
pub mod render_image;
pub mod scene;
pub mod sidebar;
pub mod theme;
pub mod viewport;
pub mod world_units;

pub use room_planner_core::{domain, storage};

use bevy::prelude::*;

/// The order of the planner's `Update` systems within a frame.
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AppSystems {
    /// Keyboard, pointer and file requests become messages.
    Input,
    /// The document applies edit, undo and replace requests (its only writer).
    ApplyEdits,
    /// Constraint checks and prices catch up with the edits.
    Live,
    /// Entities follow the document.
    SyncScene,
    /// The camera follows its orbit and view mode.
    Camera,
    /// Highlights, outlines, plan drawings and captures.
    Highlight,
}

/// Everything that works without a window: the document, live checks and prices, the 3D scene,
/// cameras, lights and image capture. Needs `Document`, `Catalogs` and `LiveState` resources.
pub fn core_plugin(app: &mut App) {
    app.configure_sets(
        Update,
        (
            AppSystems::Input,
            AppSystems::ApplyEdits,
            AppSystems::Live,
            AppSystems::SyncScene,
            AppSystems::Camera,
            AppSystems::Highlight,
        )
            .chain(),
    )
    .init_resource::<notices::Notices>()
    .init_resource::<preferences::Preferences>()
    .add_plugins((
        pacing::plugin,
        document::plugin,
        editor::plugin,
        live::plugin,
        scene::plugin,
        viewport::plugin,
        render_image::plugin,
    ));
}

/// The interactive parts that need a window and pointer: picking, dragging, shortcuts, files,
/// camera controls. The egui sidebar is added separately ([`sidebar::plugin`]) because egui
/// cannot run without a renderer.
pub fn interactive_plugin(app: &mut App) {
    app.add_plugins(MeshPickingPlugin).add_plugins((
        interaction::plugin,
        files::plugin,
        viewport::controls_plugin,
        preferences::plugin,
        option_panels::plugin,
        plan_edit::plugin,
        sidebar_pacing,
    ));
}

/// What the sidebar (drawn after `Update`) sends and changes gets the frame that reads it.
fn sidebar_pacing(app: &mut App) {
    use pacing::{redraw_for_late_changes, redraw_for_late_messages};
    redraw_for_late_messages::<document::EditRequested>(app);
    redraw_for_late_messages::<document::UndoRequested>(app);
    redraw_for_late_messages::<document::RedoRequested>(app);
    redraw_for_late_messages::<files::FileRequested>(app);
    redraw_for_late_messages::<files::DialogAnswered>(app);
    redraw_for_late_messages::<files::dialogs::FileChosen>(app);
    redraw_for_late_messages::<viewport::camera::ViewToggleRequested>(app);
    redraw_for_late_messages::<viewport::camera::ViewRequested>(app);
    redraw_for_late_messages::<interaction::placing::PlaceRequested>(app);
    redraw_for_late_messages::<interaction::clipboard::DuplicateRequested>(app);
    redraw_for_late_changes::<editor::selection::Selection>(app);
    redraw_for_late_changes::<editor::tool::PlanTool>(app);
    redraw_for_late_changes::<editor::tool::WallDefaults>(app);
    redraw_for_late_changes::<preferences::Preferences>(app);
}
