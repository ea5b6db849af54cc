//! What each sidebar tab shows: the catalog, the room tools, the selection (a product's
//! options, size and price, or a wall's, opening's or room's), the issues and the quote.

use super::{
    SidebarInputs, SidebarState, catalog_ui, issues_ui, quote_ui, selection_ui, structure_ui,
    tools_ui,
};
use crate::editor::selection::Selection;
use crate::editor::tool::{PlanTool, WallDefaults, WallDraft};
use crate::option_panels::OptionPanels;
use crate::sidebar::actions::UiAction;
use crate::sidebar::tabs::SidebarTab;
use bevy_egui::egui;
use room_planner_core::domain::drawing::room_keys;
use room_planner_core::domain::editing::Edit;
use room_planner_core::domain::values::ids::{ElementId, ProductInstanceId, WallId};

/// What the sidebar shows of the plan tools.
pub(super) struct PlanView<'a> {
    pub selection: &'a Selection,
    pub tool: &'a PlanTool,
    pub wall_defaults: WallDefaults,
    pub unit: room_planner_core::domain::values::length_units::LengthUnit,
}

/// The shown tab's contents; each tab scrolls on its own.
#[allow(clippy::too_many_arguments)]
pub(super) fn tab_ui(
    ui: &mut egui::Ui,
    tab: SidebarTab,
    inputs: &SidebarInputs,
    state: &mut SidebarState,
    panels: &mut OptionPanels,
    plan: &PlanView<'_>,
    actions: &mut Vec<UiAction>,
) {
    store_room_name_left_behind(state, plan.selection, actions);
    match tab {
        SidebarTab::Catalog => {
            for problem in &inputs.catalogs.problems {
                ui.label(
                    egui::RichText::new(problem)
                        .color(crate::theme::ui::ERROR)
                        .small(),
                );
            }
            catalog_ui::catalog_ui(
                ui,
                &inputs.catalogs.set,
                &mut state.browser,
                plan.unit,
                actions,
            );
        }
        SidebarTab::Issues => {
            let violations = inputs.live.checker.violations();
            let view = issues_ui::IssuesView {
                violations: &violations,
                names: &inputs.live.names,
                unit: plan.unit,
            };
            issues_ui::issues_ui(ui, &view, actions);
        }
        SidebarTab::Room | SidebarTab::Selection | SidebarTab::Quote => {
            egui::ScrollArea::vertical()
                .id_salt(("tab", tab as u8))
                .auto_shrink([false, true])
                .show(ui, |ui| match tab {
                    SidebarTab::Room => room_tab_ui(ui, plan, actions),
                    SidebarTab::Selection => {
                        selection_tab_ui(ui, inputs, state, panels, plan, actions)
                    }
                    _ => quote_tab_ui(ui, inputs, state, actions),
                });
        }
    }
}

/// A room name typed and then left by selecting something else is stored, not dropped.
fn store_room_name_left_behind(
    state: &mut SidebarState,
    selection: &Selection,
    actions: &mut Vec<UiAction>,
) {
    let still_named = |key: &(WallId, bool)| matches!(selection, Selection::Room { wall, left } if (wall, *left) == (&key.0, key.1));
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
}

fn room_tab_ui(ui: &mut egui::Ui, plan: &PlanView<'_>, actions: &mut Vec<UiAction>) {
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
}

fn selection_tab_ui(
    ui: &mut egui::Ui,
    inputs: &SidebarInputs,
    state: &mut SidebarState,
    panels: &mut OptionPanels,
    plan: &PlanView<'_>,
    actions: &mut Vec<UiAction>,
) {
    match plan.selection {
        Selection::Nothing => {
            ui.weak("Nothing is selected. Click a product, wall, door, window or (in the plan view) a room.");
        }
        Selection::Product(id) => selection_section(ui, inputs, panels, id, plan.unit, actions),
        pick => structure_section(ui, inputs, state, panels, pick, plan.unit, actions),
    }
}

fn quote_tab_ui(
    ui: &mut egui::Ui,
    inputs: &SidebarInputs,
    state: &mut SidebarState,
    actions: &mut Vec<UiAction>,
) {
    let layout = &inputs.document.layout;
    let editing = ui.ctx().memory(|memory| memory.focused().is_some());
    state.form.refresh(
        &layout.customer,
        &layout.quote,
        inputs.document.revision(),
        editing,
    );
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
            let element = ElementId::Opening(id.clone());
            let issues = issue_messages(inputs, &element, unit);
            let wall_name = inputs
                .live
                .names
                .name(&ElementId::Wall(opening.wall.clone()), unit);
            structure_ui::opening_ui(
                ui,
                &structure_ui::OpeningView {
                    opening,
                    product,
                    placement,
                    panel,
                    wall_length_mm: structure.walls[placement.wall].length,
                    issues: &issues,
                    wall_name: &wall_name,
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
    let issues = issue_messages(inputs, &ElementId::Product(id.clone()), unit);
    let sku = product.sku_with(&placement.configuration, &placed.personal);
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
            issues: &issues,
            unit,
            layout_folder: inputs
                .document
                .path
                .as_deref()
                .and_then(std::path::Path::parent)
                .map(|folder| {
                    if folder.as_os_str().is_empty() {
                        std::path::Path::new(".")
                    } else {
                        folder
                    }
                }),
        },
        actions,
    );
}

/// The messages of an element's violations, in the user's words and unit.
fn issue_messages(
    inputs: &SidebarInputs,
    element: &ElementId,
    unit: room_planner_core::domain::values::length_units::LengthUnit,
) -> Vec<String> {
    inputs
        .live
        .checker
        .violations_of(element)
        .iter()
        .map(|violation| inputs.live.names.message(&violation.message, unit))
        .collect()
}
