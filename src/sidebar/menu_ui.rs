//! The menu bar: File, Edit and View, with their shortcuts.

use crate::files::FileRequested;
use crate::sidebar::actions::UiAction;
use bevy_egui::egui;
use room_planner_core::domain::editing::Edit;
use room_planner_core::domain::values::ids::ProductInstanceId;

/// What the menus need to know.
#[derive(Debug, Clone, Copy)]
pub struct MenuState<'a> {
    /// Undo is possible.
    pub can_undo: bool,
    /// Redo is possible.
    pub can_redo: bool,
    /// The selected product.
    pub selected: Option<&'a ProductInstanceId>,
    /// The plan view is showing.
    pub plan_view: bool,
}

/// The menu bar.
pub fn menu_ui(ui: &mut egui::Ui, state: MenuState<'_>, actions: &mut Vec<UiAction>) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            for (label, shortcut, request) in [
                ("New", "Ctrl+N", FileRequested::New),
                ("Open…", "Ctrl+O", FileRequested::Open),
                ("Save", "Ctrl+S", FileRequested::Save),
                ("Save As…", "Ctrl+Shift+S", FileRequested::SaveAs),
                ("Export quote…", "", FileRequested::ExportQuote),
                ("Export CSV…", "", FileRequested::ExportCsv),
                ("Export image…", "", FileRequested::ExportImage),
                ("Quit", "", FileRequested::Quit),
            ] {
                if ui
                    .add(egui::Button::new(label).shortcut_text(shortcut))
                    .clicked()
                {
                    actions.push(UiAction::File(request));
                    ui.close();
                }
            }
        });
        ui.menu_button("Edit", |ui| {
            if ui
                .add_enabled(
                    state.can_undo,
                    egui::Button::new("Undo").shortcut_text("Ctrl+Z"),
                )
                .clicked()
            {
                actions.push(UiAction::Undo);
                ui.close();
            }
            if ui
                .add_enabled(
                    state.can_redo,
                    egui::Button::new("Redo").shortcut_text("Ctrl+Shift+Z"),
                )
                .clicked()
            {
                actions.push(UiAction::Redo);
                ui.close();
            }
            ui.separator();
            if let Some(id) = state.selected {
                if ui
                    .add(egui::Button::new("Duplicate").shortcut_text("Ctrl+D"))
                    .clicked()
                {
                    actions.push(UiAction::Duplicate(id.clone()));
                    ui.close();
                }
                if ui
                    .add(egui::Button::new("Delete").shortcut_text("Del"))
                    .clicked()
                {
                    actions.push(UiAction::edit(Edit::DeleteProduct(id.clone())));
                    actions.push(UiAction::Select(None));
                    ui.close();
                }
            }
        });
        ui.menu_button("View", |ui| {
            let label = if state.plan_view {
                "3D view"
            } else {
                "Plan view"
            };
            if ui
                .add(egui::Button::new(label).shortcut_text("P"))
                .clicked()
            {
                actions.push(UiAction::ToggleView);
                ui.close();
            }
        });
        ui.separator();
        if ui
            .add_enabled(state.can_undo, egui::Button::new("Undo"))
            .clicked()
        {
            actions.push(UiAction::Undo);
        }
        if ui
            .add_enabled(state.can_redo, egui::Button::new("Redo"))
            .clicked()
        {
            actions.push(UiAction::Redo);
        }
        let view = if state.plan_view {
            "3D view"
        } else {
            "Plan view"
        };
        if ui.button(view).clicked() {
            actions.push(UiAction::ToggleView);
        }
    });
}
