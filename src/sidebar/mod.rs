//! The egui sidebar and bars around the 3D view: menus, catalog, selection, issues, quote and
//! status. UI functions are plain `fn *_ui(ui, &state, &mut actions)`; this plugin lays them
//! out, gives the rest of the window to the 3D view and turns actions into messages.

pub mod actions;
pub mod catalog_ui;
pub mod dialogs_ui;
pub mod format;
pub mod issues_ui;
pub mod menu_ui;
pub mod new_layout_ui;
pub mod options_ui;
pub mod personal_ui;
pub mod presentation_ui;
pub mod preview;
pub mod quote_ui;
pub mod selection_ui;
pub mod status_ui;
pub mod structure_ui;
pub mod tab_contents;
pub mod tabs;
pub mod tools_ui;

use crate::catalogs::Catalogs;
use crate::document::{Document, EditRequested, RedoRequested, UndoRequested};
use crate::editor::pointer::MainCamera;
use crate::editor::selection::Selection;
use crate::editor::tool::{PlanTool, WallDefaults, WallDraft};
use crate::files::{DialogAnswered, FileRequested, NewLayoutWanted, PendingQuestion};
use crate::interaction::clipboard::DuplicateRequested;
use crate::interaction::placing::PlaceRequested;
use crate::live::LiveState;
use crate::notices::Notices;
use crate::option_panels::OptionPanels;
use crate::preferences::Preferences;
use crate::viewport::camera::{ViewMode, ViewToggleRequested};
use actions::UiAction;
use bevy::camera::visibility::RenderLayers;
use bevy::camera::{CameraOutputMode, Viewport};
use bevy::prelude::*;
use bevy::window::PrimaryWindow;
use bevy_egui::{
    EguiContexts, EguiGlobalSettings, EguiPlugin, EguiPrimaryContextPass, PrimaryEguiContext, egui,
};
use catalog_ui::CatalogBrowser;
use quote_ui::QuoteForm;
use room_planner_core::domain::values::ids::{ProductId, WallId};

/// Sidebar state that lives between frames.
#[derive(Resource, Debug, Default)]
pub struct SidebarState {
    browser: CatalogBrowser,
    form: QuoteForm,
    /// The room name being typed: the room's key, the text, and the name stored when typing
    /// began (a name typed and then left by selecting something else is still stored).
    room_name: Option<((WallId, bool), String, String)>,
    /// The "New layout" window's values while it is open.
    new_layout: Option<new_layout_ui::NewLayoutForm>,
    /// The tab shown.
    tab: tabs::SidebarTab,
}

/// The sidebar plugin (window only: egui cannot run without a renderer).
pub(crate) fn plugin(app: &mut App) {
    app.add_plugins(EguiPlugin::default())
        .init_resource::<SidebarState>()
        .add_systems(Startup, spawn_egui_camera)
        .add_systems(PostUpdate, skip_3d_output)
        // The built-in file dialog is drawn after the panels, on top of them.
        .add_systems(
            EguiPrimaryContextPass,
            (
                sidebar,
                crate::viewport::plan_painter::paint_plan_view,
                crate::plan_edit::overlay::paint_tool_overlay,
                crate::files::dialogs::in_app_dialog_ui,
            )
                .chain(),
        );
}

/// egui draws on its own camera over the 3D view, which gets the space the panels leave. Both
/// cameras draw into the window's one main texture (Bevy shares it between cameras of the same
/// target and format): the 3D camera leaves its picture there without copying it to the window
/// ([`skip_3d_output`]) and the egui camera draws over it without clearing, then copies the whole
/// to the window once (a software renderer saves a full-window blend per frame).
fn spawn_egui_camera(mut commands: Commands, mut settings: ResMut<EguiGlobalSettings>) {
    settings.auto_create_primary_context = false;
    commands.spawn((
        PrimaryEguiContext,
        Camera2d,
        RenderLayers::none(),
        Camera {
            order: 1,
            output_mode: CameraOutputMode::Write {
                blend_state: None,
                clear_color: ClearColorConfig::None,
            },
            clear_color: ClearColorConfig::None,
            ..default()
        },
    ));
}

/// The 3D camera's picture reaches the window through the egui camera ([`spawn_egui_camera`]).
fn skip_3d_output(mut cameras: Query<&mut Camera, Added<MainCamera>>) {
    for mut camera in &mut cameras {
        camera.output_mode = CameraOutputMode::Skip;
    }
}

/// Where sidebar actions go.
#[derive(bevy::ecs::system::SystemParam)]
pub(crate) struct SidebarOutputs<'w> {
    edits: MessageWriter<'w, EditRequested>,
    undo: MessageWriter<'w, UndoRequested>,
    redo: MessageWriter<'w, RedoRequested>,
    files: MessageWriter<'w, FileRequested>,
    view: MessageWriter<'w, ViewToggleRequested>,
    view_requests: MessageWriter<'w, crate::viewport::camera::ViewRequested>,
    place: MessageWriter<'w, PlaceRequested>,
    duplicates: MessageWriter<'w, DuplicateRequested>,
    answers: MessageWriter<'w, DialogAnswered>,
    selection: ResMut<'w, Selection>,
    tool: ResMut<'w, PlanTool>,
    wall_defaults: ResMut<'w, WallDefaults>,
    preferences: ResMut<'w, Preferences>,
    new_layout_wanted: ResMut<'w, NewLayoutWanted>,
    view_area: ResMut<'w, crate::viewport::camera::ViewArea>,
}

/// What the sidebar reads.
#[derive(bevy::ecs::system::SystemParam)]
pub(crate) struct SidebarInputs<'w> {
    document: Res<'w, Document>,
    catalogs: Res<'w, Catalogs>,
    live: Res<'w, LiveState>,
    mode: Res<'w, ViewMode>,
    view_options: Res<'w, crate::viewport::camera::ViewOptions>,
    notices: Res<'w, Notices>,
    question: Res<'w, PendingQuestion>,
}

fn sidebar(
    mut contexts: EguiContexts,
    mut camera: Query<&mut Camera, With<MainCamera>>,
    window: Query<&Window, With<PrimaryWindow>>,
    inputs: SidebarInputs,
    mut state: ResMut<SidebarState>,
    mut panels: ResMut<OptionPanels>,
    mut out: SidebarOutputs,
) -> Result {
    let ctx = contexts.ctx_mut()?.clone();
    let mut actions: Vec<UiAction> = Vec::new();
    let mut root = egui::Ui::new(
        ctx.clone(),
        "root".into(),
        egui::UiBuilder::new()
            .layer_id(egui::LayerId::background())
            .max_rect(ctx.viewport_rect()),
    );
    let selected = out.selection.product().cloned();
    let state = &mut *state;
    if inputs.view_options.presentation {
        egui::Panel::right("customer view")
            .resizable(false)
            .exact_size(340.0)
            .show(&mut root, |ui| {
                let quote = inputs
                    .live
                    .quote
                    .as_ref()
                    .map(|quote| quote.quote())
                    .map_err(String::as_str);
                presentation_ui::presentation_ui(
                    ui,
                    &presentation_ui::PresentationView {
                        quote,
                        selected: selected.as_ref(),
                        customer: &inputs.document.layout.customer.name,
                        plan_view: *inputs.mode == ViewMode::Plan,
                    },
                    &mut actions,
                );
            });
    } else {
        egui::Panel::top("menu").show(&mut root, |ui| {
            menu_ui::menu_ui(
                ui,
                menu_ui::MenuState {
                    can_undo: inputs.document.can_undo(),
                    can_redo: inputs.document.can_redo(),
                    selected: selected.as_ref(),
                    plan_view: *inputs.mode == ViewMode::Plan,
                    options: *inputs.view_options,
                    recent: &out.preferences.recent_files,
                    graphics: out.preferences.graphics,
                },
                &mut actions,
            );
        });
        egui::Panel::bottom("status").show(&mut root, |ui| {
            let quote = inputs.live.quote.as_ref().ok().map(|quote| quote.quote());
            status_ui::status_ui(
                ui,
                &status_ui::StatusView {
                    total: quote.map(|q| (q.totals.gross, q.currency.code.as_str())),
                    violations: inputs.live.checker.count(),
                    dirty: inputs.document.is_dirty(),
                    notice: inputs.notices.last(),
                },
            );
        });
        if out.selection.is_changed() {
            state.tab = tabs::tab_after_selection_change(state.tab, !out.selection.is_nothing());
        }
        egui::Panel::left("sidebar")
            .resizable(true)
            .default_size(360.0)
            .min_size(300.0)
            .show(&mut root, |ui| {
                // Scroll bars take their own room, so no amount is hidden under one.
                ui.spacing_mut().scroll = egui::style::ScrollStyle::solid();
                let counts = tabs::TabCounts {
                    issues: inputs.live.checker.count(),
                    selected: !out.selection.is_nothing(),
                };
                if let Some(clicked) = tabs::tab_bar_ui(ui, state.tab, counts) {
                    state.tab = clicked;
                }
                ui.separator();
                let plan = tab_contents::PlanView {
                    selection: &out.selection,
                    tool: &out.tool,
                    wall_defaults: *out.wall_defaults,
                    unit: out.preferences.length_unit,
                };
                tab_contents::tab_ui(
                    ui,
                    state.tab,
                    &inputs,
                    state,
                    &mut panels,
                    &plan,
                    &mut actions,
                );
            });
    }
    let free = root.available_rect_before_wrap();
    if out.view_area.0 != free {
        out.view_area.0 = free;
    }
    if let Some(question) = &inputs.question.0 {
        dialogs_ui::question_ui(&ctx, question, &mut actions);
    }
    if std::mem::take(&mut out.new_layout_wanted.0) && state.new_layout.is_none() {
        state.new_layout = Some(new_layout_ui::NewLayoutForm::default());
    }
    new_layout_ui::new_layout_ui(
        &ctx,
        &mut state.new_layout,
        out.preferences.length_unit,
        &mut actions,
    );
    if let Some(dropped) = dropped_product(&ctx, free) {
        actions.push(UiAction::Drop(dropped.0, dropped.1));
    }
    if let (Ok(mut camera), Ok(window)) = (camera.single_mut(), window.single()) {
        let scale = window.scale_factor() * ctx.zoom_factor();
        let position = UVec2::new((free.min.x * scale) as u32, (free.min.y * scale) as u32);
        let size = UVec2::new(
            (free.width() * scale).max(1.0) as u32,
            (free.height() * scale).max(1.0) as u32,
        );
        let size = size.min(
            UVec2::new(window.physical_width(), window.physical_height())
                .saturating_sub(position)
                .max(UVec2::ONE),
        );
        // Written only when it changes, so the camera is not marked changed every frame.
        let unchanged = camera.viewport.as_ref().is_some_and(|viewport| {
            viewport.physical_position == position && viewport.physical_size == size
        });
        if !unchanged {
            camera.viewport = Some(Viewport {
                physical_position: position,
                physical_size: size,
                ..default()
            });
        }
    }
    dispatch(actions, &inputs, &mut panels, &mut out, ctx.zoom_factor());
    Ok(())
}

/// A catalog product dragged out of the sidebar and released over the 3D view.
fn dropped_product(ctx: &egui::Context, free: egui::Rect) -> Option<(ProductId, [f32; 2])> {
    if !egui::DragAndDrop::has_payload_of_type::<ProductId>(ctx) {
        return None;
    }
    let released = ctx.input(|input| input.pointer.any_released());
    let position = ctx.input(|input| input.pointer.interact_pos())?;
    if !released || !free.contains(position) {
        return None;
    }
    let payload = egui::DragAndDrop::take_payload::<ProductId>(ctx)?;
    Some(((*payload).clone(), [position.x, position.y]))
}

fn dispatch(
    actions: Vec<UiAction>,
    inputs: &SidebarInputs,
    panels: &mut OptionPanels,
    out: &mut SidebarOutputs,
    zoom: f32,
) {
    for action in actions {
        if let Some(request) = action.as_edit_request() {
            out.edits.write(request);
            continue;
        }
        match action {
            UiAction::Edit(..) => {}
            UiAction::Undo => {
                out.undo.write(UndoRequested);
            }
            UiAction::Redo => {
                out.redo.write(RedoRequested);
            }
            UiAction::Select(selection) => *out.selection = selection,
            UiAction::SetDrawing(drawing) => {
                *out.tool = if drawing {
                    PlanTool::DrawWalls(WallDraft::default())
                } else {
                    PlanTool::Select
                };
                if drawing && *inputs.mode != ViewMode::Plan {
                    out.view.write(ViewToggleRequested);
                }
            }
            UiAction::SetWallDefaults(defaults) => *out.wall_defaults = defaults,
            UiAction::SetUnit(unit) => out.preferences.length_unit = unit,
            UiAction::SetGraphics(choice) => out.preferences.graphics = choice,
            UiAction::Duplicate(id) => {
                out.duplicates.write(DuplicateRequested(id));
            }
            UiAction::ExplainBlocked {
                product,
                explicit,
                asked,
            } => {
                if let Some((_, product)) = inputs.catalogs.set.product(&product) {
                    panels.ask_reasons(product, &explicit, &asked);
                }
            }
            UiAction::Add(product) => {
                out.place.write(PlaceRequested {
                    product,
                    dropped_at: None,
                });
            }
            UiAction::Drop(product, [x, y]) => {
                out.place.write(PlaceRequested {
                    product,
                    dropped_at: Some(Vec2::new(x, y) * zoom),
                });
            }
            UiAction::File(request) => {
                out.files.write(request);
            }
            UiAction::ToggleView => {
                out.view.write(ViewToggleRequested);
            }
            UiAction::View(request) => {
                out.view_requests.write(request);
            }
            UiAction::Answer(answer) => {
                out.answers.write(DialogAnswered(answer));
            }
        }
    }
}
