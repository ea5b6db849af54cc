//! The egui sidebar and bars around the 3D view: menus, catalog, selection, issues, quote and
//! status. UI functions are plain `fn *_ui(ui, &state, &mut actions)`; this plugin lays them
//! out, gives the rest of the window to the 3D view and turns actions into messages.

pub mod actions;
pub mod catalog_ui;
pub mod dialogs_ui;
pub mod format;
pub mod issues_ui;
pub mod menu_ui;
pub mod preview;
pub mod quote_ui;
pub mod selection_ui;
pub mod status_ui;

use crate::catalogs::Catalogs;
use crate::document::{Document, EditRequested, RedoRequested, UndoRequested};
use crate::files::{DialogAnswered, FileRequested, PendingQuestion};
use crate::interaction::placing::PlaceRequested;
use crate::interaction::selection::Selection;
use crate::interaction::shortcuts::duplicate;
use crate::live::LiveState;
use crate::notices::Notices;
use crate::viewport::camera::{MainCamera, ViewMode, ViewToggleRequested};
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
use room_planner_core::domain::configuration::{Configuration, ConfigurationEngine, OptionState};
use room_planner_core::domain::edits::Edit;
use room_planner_core::domain::ids::{ElementId, ProductId, ProductInstanceId};

/// Sidebar state that lives between frames.
#[derive(Resource, Debug, Default)]
pub struct SidebarState {
    browser: CatalogBrowser,
    form: QuoteForm,
    option_states: Option<(ProductInstanceId, Configuration, Vec<OptionState>)>,
}

/// The sidebar plugin (window only: egui cannot run without a renderer).
pub(crate) fn plugin(app: &mut App) {
    app.add_plugins(EguiPlugin::default())
        .init_resource::<SidebarState>()
        .add_systems(Startup, spawn_egui_camera)
        .add_systems(EguiPrimaryContextPass, sidebar);
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
    answers: MessageWriter<'w, DialogAnswered>,
    selection: ResMut<'w, Selection>,
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
    let selected = out.selection.0.clone();
    egui::Panel::top("menu").show(&mut root, |ui| {
        menu_ui::menu_ui(
            ui,
            menu_ui::MenuState {
                can_undo: inputs.document.can_undo(),
                can_redo: inputs.document.can_redo(),
                selected: selected.as_ref(),
                plan_view: *inputs.mode == ViewMode::Plan,
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
                    sections(ui, &inputs, state, selected.as_ref(), &mut actions);
                });
        });
    let free = root.available_rect_before_wrap();
    if let Some(question) = &inputs.question.0 {
        dialogs_ui::question_ui(&ctx, question, &mut actions);
    }
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

fn sections(
    ui: &mut egui::Ui,
    inputs: &SidebarInputs,
    state: &mut SidebarState,
    selected: Option<&ProductInstanceId>,
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
    if let Some(id) = selected {
        egui::CollapsingHeader::new(egui::RichText::new("Selection").heading())
            .default_open(true)
            .show(ui, |ui| selection_section(ui, inputs, state, id, actions));
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

fn selection_section(
    ui: &mut egui::Ui,
    inputs: &SidebarInputs,
    state: &mut SidebarState,
    id: &ProductInstanceId,
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
    let fresh = matches!(&state.option_states, Some((cached_id, cached, _)) if cached_id == id && cached == &placed.options);
    if !fresh {
        let engine = ConfigurationEngine::new(product);
        let states = engine.option_states(&placed.options).unwrap_or_default();
        state.option_states = Some((id.clone(), placed.options.clone(), states));
    }
    let states = state
        .option_states
        .as_ref()
        .map_or(&[][..], |(_, _, states)| states.as_slice());
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
            states,
            breakdown,
            sku: &sku,
            currency: &catalog.currency.code,
            violations: &violations,
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
            UiAction::Select(id) => out.selection.0 = id,
            UiAction::Duplicate(id) => {
                if let Some(placed) = inputs
                    .document
                    .layout
                    .products
                    .iter()
                    .find(|placed| placed.id == id)
                {
                    let copy = duplicate(placed, &inputs.document);
                    out.selection.0 = Some(copy.id.clone());
                    out.edits
                        .write(crate::document::EditRequested::single(Edit::AddProduct(
                            copy,
                        )));
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
            UiAction::Answer(answer) => {
                out.answers.write(DialogAnswered(answer));
            }
        }
    }
}
