//! The menu bar: File (with Open Recent), Edit and View, with their shortcuts.

use crate::editor::selection::Selection;
use crate::files::FileRequested;
use crate::preferences::GraphicsChoice;
use crate::sidebar::actions::UiAction;
use crate::viewport::camera::{ViewOptions, ViewRequested};
use bevy_egui::egui;
use room_planner_core::domain::editing::Edit;
use room_planner_core::domain::values::ids::ProductInstanceId;
use std::path::PathBuf;

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
    /// How the view is shown.
    pub options: ViewOptions,
    /// Layout files used lately, the latest first.
    pub recent: &'a [PathBuf],
    /// How the 3D view is drawn.
    pub graphics: GraphicsChoice,
}

/// View → 3D quality: automatic (from the graphics adapter), full or fast.
fn graphics_ui(ui: &mut egui::Ui, graphics: GraphicsChoice, actions: &mut Vec<UiAction>) {
    ui.menu_button("3D quality", |ui| {
        for (choice, label) in [
            (
                GraphicsChoice::Automatic,
                "Automatic (from the graphics adapter)",
            ),
            (GraphicsChoice::Full, "Full: shadows and smooth edges"),
            (GraphicsChoice::Fast, "Fast: for software graphics"),
        ] {
            if ui.radio(graphics == choice, label).clicked() {
                actions.push(UiAction::SetGraphics(choice));
                ui.close();
            }
        }
    });
}

/// File → Open Recent: the files used lately; those no longer there are greyed out.
pub fn open_recent_ui(ui: &mut egui::Ui, recent: &[PathBuf], actions: &mut Vec<UiAction>) {
    ui.menu_button("Open Recent", |ui| {
        if recent.is_empty() {
            ui.weak("No files opened yet");
        }
        for path in recent {
            let name = path.file_name().map_or_else(
                || path.display().to_string(),
                |name| name.to_string_lossy().into_owned(),
            );
            let exists = path.is_file();
            let button = ui
                .add_enabled(exists, egui::Button::new(name))
                .on_hover_text(path.display().to_string())
                .on_disabled_hover_text(format!("{} is no longer there", path.display()));
            if button.clicked() {
                actions.push(UiAction::File(FileRequested::OpenRecent(path.clone())));
                ui.close();
            }
        }
    });
}

/// The menu bar.
pub fn menu_ui(ui: &mut egui::Ui, state: MenuState<'_>, actions: &mut Vec<UiAction>) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            for (label, shortcut, request) in [
                ("New", "Ctrl+N", FileRequested::New),
                ("Open…", "Ctrl+O", FileRequested::Open),
                ("", "", FileRequested::OpenRecent(PathBuf::new())),
                ("Save", "Ctrl+S", FileRequested::Save),
                ("Save As…", "Ctrl+Shift+S", FileRequested::SaveAs),
                ("Export quote…", "", FileRequested::ExportQuote),
                ("Export CSV…", "", FileRequested::ExportCsv),
                ("Export image…", "", FileRequested::ExportImage),
                (
                    "Export production sheet…",
                    "",
                    FileRequested::ExportProduction,
                ),
                ("Quit", "", FileRequested::Quit),
            ] {
                if let FileRequested::OpenRecent(_) = request {
                    open_recent_ui(ui, state.recent, actions);
                    continue;
                }
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
                    actions.push(UiAction::Select(Selection::Nothing));
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
            if ui
                .add(egui::Button::new("Fit to layout").shortcut_text("F"))
                .clicked()
            {
                actions.push(UiAction::View(ViewRequested::Fit));
                ui.close();
            }
            if ui
                .add(egui::Button::new("Customer view").shortcut_text("F11"))
                .clicked()
            {
                actions.push(UiAction::View(ViewRequested::Presentation));
                ui.close();
            }
            ui.separator();
            let mut full_walls = state.options.full_walls;
            if ui
                .checkbox(&mut full_walls, "Full-height walls in 3D")
                .clicked()
            {
                actions.push(UiAction::View(ViewRequested::FullWalls));
            }
            let mut grid = state.options.plan_grid;
            if ui.checkbox(&mut grid, "Plan grid").clicked() {
                actions.push(UiAction::View(ViewRequested::Grid));
            }
            ui.separator();
            graphics_ui(ui, state.graphics, actions);
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
        if ui
            .button("Fit")
            .on_hover_text("Show the whole layout (F)")
            .clicked()
        {
            actions.push(UiAction::View(ViewRequested::Fit));
        }
        if ui
            .button("Customer view")
            .on_hover_text("Full screen for the customer, with the price (F11)")
            .clicked()
        {
            actions.push(UiAction::View(ViewRequested::Presentation));
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    #[test]
    fn open_recent_lists_the_files_and_greys_out_those_that_are_gone() {
        let dir = std::env::temp_dir().join(format!("room-planner-recent-{}", std::process::id()));
        std::fs::create_dir_all(&dir).ok();
        let here = dir.join("kitchen.ron");
        std::fs::write(&here, "()").ok();
        let gone = dir.join("gone.ron");
        let recent = vec![gone.clone(), here.clone()];
        let mut harness = Harness::new_ui_state(
            |ui, actions: &mut Vec<UiAction>| open_recent_ui(ui, &recent, actions),
            Vec::new(),
        );
        harness.run();
        harness.get_by_label("Open Recent").click();
        harness.run();
        harness.get_by_label("gone.ron").click();
        harness.run();
        assert_eq!(*harness.state(), Vec::new(), "a missing file was opened");
        if harness.query_by_label("kitchen.ron").is_none() {
            harness.get_by_label("Open Recent").click();
            harness.run();
        }
        harness.get_by_label("kitchen.ron").click();
        harness.run();
        assert_eq!(
            *harness.state(),
            vec![UiAction::File(FileRequested::OpenRecent(here))]
        );
        std::fs::remove_dir_all(dir).ok();
    }

    #[test]
    fn open_recent_says_so_when_no_file_was_used_yet() {
        let mut harness = Harness::new_ui_state(
            |ui, actions: &mut Vec<UiAction>| open_recent_ui(ui, &[], actions),
            Vec::new(),
        );
        harness.run();
        harness.get_by_label("Open Recent").click();
        harness.run();
        assert!(harness.query_by_label("No files opened yet").is_some());
    }
}
