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
pub mod preview;
pub mod quote_ui;
pub mod selection_ui;
pub mod status_ui;
pub mod structure_ui;
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
use bevy::render::render_resource::BlendState;
use bevy::window::PrimaryWindow;
use bevy_egui::{
    EguiContexts, EguiGlobalSettings, EguiPlugin, EguiPrimaryContextPass, PrimaryEguiContext, egui,
};
use catalog_ui::CatalogBrowser;
use quote_ui::QuoteForm;
use room_planner_core::domain::drawing::room_keys;
use room_planner_core::domain::editing::Edit;
use room_planner_core::domain::values::ids::{ElementId, ProductId, ProductInstanceId, WallId};

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
}

/// The sidebar plugin (window only: egui cannot run without a renderer).
pub(crate) fn plugin(app: &mut App) {
    app.add_plugins(EguiPlugin::default())
        .init_resource::<SidebarState>()
        .add_systems(Startup, spawn_egui_camera)
        // The built-in file dialog is drawn after the panels, on top of them.
        .add_systems(
            EguiPrimaryContextPass,
            (sidebar, crate::files::dialogs::in_app_dialog_ui).chain(),
        );
}

/// egui draws on its own camera over the 3D view, which gets the space the panels leave.
fn spawn_egui_camera(mut commands: Commands, mut settings: ResMut<EguiGlobalSettings>) {
    settings.auto_create_primary_context = false;
    commands.spawn((
        PrimaryEguiContext,
        Camera2d,
        RenderLayers::none(),
        Camera {
            order: 1,
            output_mode: CameraOutputMode::Write {
                blend_state: Some(BlendState::ALPHA_BLENDING),
                clear_color: ClearColorConfig::None,
            },
            clear_color: ClearColorConfig::Custom(Color::NONE),
            ..default()
        },
    ));
}

/// Where sidebar actions go.
#[derive(bevy::ecs::system::SystemParam)]
pub(crate) struct SidebarOutputs<'w> {
    edits: MessageWriter<'w, EditRequested>,
    undo: MessageWriter<'w, UndoRequested>,
    redo: MessageWriter<'w, RedoRequested>,
    files: MessageWriter<'w, FileRequested>,
    view: MessageWriter<'w, ViewToggleRequested>,
    place: MessageWriter<'w, PlaceRequested>,
    duplicates: MessageWriter<'w, DuplicateRequested>,
    answers: MessageWriter<'w, DialogAnswered>,
    selection: ResMut<'w, Selection>,
    tool: ResMut<'w, PlanTool>,
    wall_defaults: ResMut<'w, WallDefaults>,
    preferences: ResMut<'w, Preferences>,
    new_layout_wanted: ResMut<'w, NewLayoutWanted>,
}

/// What the sidebar reads.
#[derive(bevy::ecs::system::SystemParam)]
pub(crate) struct SidebarInputs<'w> {
    document: Res<'w, Document>,
    catalogs: Res<'w, Catalogs>,
    live: Res<'w, LiveState>,
    mode: Res<'w, ViewMode>,
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
    egui::Panel::top("menu").show(&mut root, |ui| {
        menu_ui::menu_ui(
            ui,
            menu_ui::MenuState {
                can_undo: inputs.document.can_undo(),
                can_redo: inputs.document.can_redo(),
                selected: selected.as_ref(),
                plan_view: *inputs.mode == ViewMode::Plan,
                recent: &out.preferences.recent_files,
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
    let state = &mut *state;
    egui::Panel::left("sidebar")
        .resizable(true)
        .default_size(360.0)
        .min_size(280.0)
        .show(&mut root, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("sidebar scroll")
                .show(ui, |ui| {
                    let plan = PlanView {
                        selection: &out.selection,
                        tool: &out.tool,
                        wall_defaults: *out.wall_defaults,
                        unit: out.preferences.length_unit,
                    };
                    sections(
                        ui,
                        &inputs,
                        state,
                        &mut panels,
                        selected.as_ref(),
                        &plan,
                        &mut actions,
                    );
                });
        });
    let free = root.available_rect_before_wrap();
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
        camera.viewport = Some(Viewport {
            physical_position: position,
            physical_size: size,
            ..default()
        });
    }
    dispatch(actions, &inputs, &mut out, ctx.zoom_factor());
    Ok(())
}

/// What the sidebar shows of the plan tools.
struct PlanView<'a> {
    selection: &'a Selection,
    tool: &'a PlanTool,
    wall_defaults: WallDefaults,
    unit: room_planner_core::domain::values::length_units::LengthUnit,
}

fn sections(
    ui: &mut egui::Ui,
    inputs: &SidebarInputs,
    state: &mut SidebarState,
    panels: &mut OptionPanels,
    selected: Option<&ProductInstanceId>,
    plan: &PlanView<'_>,
    actions: &mut Vec<UiAction>,
) {
    if !inputs.catalogs.problems.is_empty() {
        for problem in &inputs.catalogs.problems {
            ui.label(
                egui::RichText::new(problem)
                    .color(crate::theme::ui::ERROR)
                    .small(),
            );
        }
    }
    egui::CollapsingHeader::new(egui::RichText::new("Catalog").heading())
        .default_open(true)
        .show(ui, |ui| {
            catalog_ui::catalog_ui(ui, &inputs.catalogs.set, &mut state.browser, actions)
        });
    // A room name typed and then left by selecting something else is stored, not dropped.
    let still_named = |key: &(WallId, bool)| matches!(plan.selection, Selection::Room { wall, left } if (wall, *left) == (&key.0, key.1));
    if let Some((key, text, stored)) = state.room_name.take() {
        if still_named(&key) {
            state.room_name = Some((key, text, stored));
        } else if text.trim() != stored {
            actions.push(UiAction::edit(Edit::SetRoomName {
                wall: key.0,
                left: key.1,
                name: text.trim().to_owned(),
            }));
        }
    }
    egui::CollapsingHeader::new(egui::RichText::new("Walls and rooms").heading())
        .default_open(true)
        .show(ui, |ui| {
            let typed = match plan.tool {
                PlanTool::DrawWalls(WallDraft { typed, .. }) => Some(typed.as_str()),
                PlanTool::Select => None,
            };
            tools_ui::tools_ui(
                ui,
                &tools_ui::ToolsView {
                    drawing: typed.is_some(),
                    typed,
                    defaults: plan.wall_defaults,
                    unit: plan.unit,
                },
                actions,
            );
        });
    if let Some(id) = selected {
        egui::CollapsingHeader::new(egui::RichText::new("Selection").heading())
            .default_open(true)
            .show(ui, |ui| {
                selection_section(ui, inputs, panels, id, plan.unit, actions)
            });
    } else if !plan.selection.is_nothing() {
        let pick = plan.selection;
        egui::CollapsingHeader::new(egui::RichText::new("Selection").heading())
            .default_open(true)
            .show(ui, |ui| {
                structure_section(ui, inputs, state, panels, pick, plan.unit, actions)
            });
    }
    let violations = inputs.live.checker.violations();
    egui::CollapsingHeader::new(
        egui::RichText::new(format!("Issues ({})", violations.len())).heading(),
    )
    .default_open(true)
    .show(ui, |ui| issues_ui::issues_ui(ui, &violations, actions));
    let layout = &inputs.document.layout;
    let editing = ui.ctx().memory(|memory| memory.focused().is_some());
    state.form.refresh(
        &layout.customer,
        &layout.quote,
        inputs.document.revision(),
        editing,
    );
    egui::CollapsingHeader::new(egui::RichText::new("Quote").heading())
        .default_open(true)
        .show(ui, |ui| {
            let quote = match &inputs.live.quote {
                Ok(quote) => Ok(quote.quote()),
                Err(problem) => Err(problem.as_str()),
            };
            quote_ui::quote_ui(
                ui,
                quote,
                (&layout.customer, &layout.quote),
                &mut state.form,
                actions,
            );
        });
}

fn structure_section(
    ui: &mut egui::Ui,
    inputs: &SidebarInputs,
    state: &mut SidebarState,
    panels: &mut OptionPanels,
    pick: &Selection,
    unit: room_planner_core::domain::values::length_units::LengthUnit,
    actions: &mut Vec<UiAction>,
) {
    let layout = &inputs.document.layout;
    let structure = inputs.live.checker.structure();
    match pick {
        Selection::Wall(id) => {
            let (Some(wall), Some((_, geometry))) = (layout.wall(id), structure.wall(id)) else {
                return;
            };
            let split_id = layout.next_wall_id();
            let end_corner = room_planner_core::domain::editing::corner_ends(
                layout,
                id,
                room_planner_core::domain::editing::WallEnd::End,
            );
            structure_ui::wall_ui(
                ui,
                &structure_ui::WallView {
                    wall,
                    geometry,
                    split_id: &split_id,
                    openings: layout.openings.iter().filter(|o| &o.wall == id).count(),
                    end_corner: &end_corner,
                    unit,
                },
                actions,
            );
        }
        Selection::Opening(id) => {
            let (Some(opening), Some(placement)) = (
                layout.opening(id),
                structure
                    .openings
                    .iter()
                    .find(|placement| &placement.id == id),
            ) else {
                return;
            };
            let Some((_, product)) = inputs.catalogs.set.product(&opening.product) else {
                ui.label(format!(
                    "Product `{}` is in no loaded catalog.",
                    opening.product
                ));
                return;
            };
            let panel = panels.view(product, &opening.options);
            let violations = inputs
                .live
                .checker
                .violations_of(&ElementId::Opening(id.clone()));
            structure_ui::opening_ui(
                ui,
                &structure_ui::OpeningView {
                    opening,
                    product,
                    placement,
                    panel,
                    wall_length_mm: structure.walls[placement.wall].length,
                    violations: &violations,
                    unit,
                },
                actions,
            );
        }
        Selection::Room { wall, left } => {
            let Some(index) = room_keys::room_on_side(structure, wall, *left) else {
                return;
            };
            let stored = room_keys::room_name(layout, structure, index).unwrap_or("");
            let key = (wall.clone(), *left);
            let editing = ui
                .ctx()
                .memory(|memory| memory.has_focus(egui::Id::new(structure_ui::ROOM_NAME_FIELD)));
            let fresh = state
                .room_name
                .as_ref()
                .is_some_and(|(named, _, _)| named == &key);
            if !fresh || !editing {
                state.room_name = Some((key.clone(), stored.to_owned(), stored.to_owned()));
            }
            if let Some((_, name, _)) = state.room_name.as_mut() {
                structure_ui::room_ui(
                    ui,
                    &structure_ui::RoomView {
                        room: &structure.rooms[index],
                        key: (wall, *left),
                        stored_name: stored,
                        unit,
                    },
                    name,
                    actions,
                );
            }
        }
        Selection::Nothing | Selection::Product(_) => {}
    }
}

fn selection_section(
    ui: &mut egui::Ui,
    inputs: &SidebarInputs,
    panels: &mut OptionPanels,
    id: &ProductInstanceId,
    unit: room_planner_core::domain::values::length_units::LengthUnit,
    actions: &mut Vec<UiAction>,
) {
    let layout = &inputs.document.layout;
    let Some(placed) = layout.products.iter().find(|placed| &placed.id == id) else {
        return;
    };
    let Some((catalog, product)) = inputs.catalogs.set.product(&placed.product) else {
        ui.label(format!(
            "Product `{}` is in no loaded catalog.",
            placed.product
        ));
        return;
    };
    let Some(placement) = inputs.live.checker.product(id) else {
        return;
    };
    let panel = panels.view(product, &placed.options);
    let breakdown = inputs
        .live
        .quote
        .as_ref()
        .ok()
        .and_then(|quote| quote.breakdown(id));
    let violations = inputs
        .live
        .checker
        .violations_of(&ElementId::Product(id.clone()));
    let sku = product.sku_for(&placement.configuration);
    selection_ui::selection_ui(
        ui,
        &selection_ui::SelectionView {
            placed,
            product,
            placement,
            panel,
            breakdown,
            sku: &sku,
            currency: &catalog.currency.code,
            violations: &violations,
            unit,
        },
        actions,
    );
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

fn dispatch(actions: Vec<UiAction>, inputs: &SidebarInputs, out: &mut SidebarOutputs, zoom: f32) {
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
            UiAction::Duplicate(id) => {
                out.duplicates.write(DuplicateRequested(id));
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
            UiAction::Answer(answer) => {
                out.answers.write(DialogAnswered(answer));
            }
        }
    }
}
