//! The room tools: the wall-drawing tool with the thickness and height of new walls, how to use
//! it while it is on, and the unit dimensions are shown and typed in.

use crate::editor::tool::WallDefaults;
use crate::sidebar::actions::UiAction;
use crate::sidebar::format::length_value;
use crate::theme::ui as colours;
use bevy_egui::egui;
use room_planner_core::domain::layout::{
    MAX_WALL_HEIGHT_MM, MAX_WALL_THICKNESS_MM, MIN_WALL_HEIGHT_MM, MIN_WALL_THICKNESS_MM,
};
use room_planner_core::domain::values::length_units::LengthUnit;
use room_planner_core::domain::values::units::Mm;

/// What the room tools show.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ToolsView<'a> {
    /// The wall tool is on.
    pub drawing: bool,
    /// A length typed for the next wall, if any.
    pub typed: Option<&'a str>,
    /// Thickness and height of new walls.
    pub defaults: WallDefaults,
    /// Display unit.
    pub unit: LengthUnit,
}

/// The room tools section.
pub fn tools_ui(ui: &mut egui::Ui, view: &ToolsView<'_>, actions: &mut Vec<UiAction>) {
    ui.horizontal(|ui| {
        let label = if view.drawing {
            "✔ Drawing walls"
        } else {
            "Draw walls"
        };
        if ui
            .add(egui::Button::selectable(view.drawing, label))
            .on_hover_text("W: click corners in the plan; double-click or Esc to finish")
            .clicked()
        {
            actions.push(UiAction::SetDrawing(!view.drawing));
        }
        ui.label("Units");
        egui::ComboBox::from_id_salt("length unit")
            .selected_text(view.unit.symbol())
            .width(60.0)
            .show_ui(ui, |ui| {
                for unit in LengthUnit::ALL {
                    if ui
                        .selectable_label(unit == view.unit, format!("{} ({unit})", unit.symbol()))
                        .clicked()
                    {
                        actions.push(UiAction::SetUnit(unit));
                    }
                }
            });
    });
    let mut defaults = view.defaults;
    let mut thickness_mm = defaults.0.thickness.0;
    let mut height_mm = defaults.0.height.0;
    ui.horizontal(|ui| {
        ui.label("New walls");
        let thick = ui
            .add(length_value(
                &mut thickness_mm,
                view.unit,
                MIN_WALL_THICKNESS_MM..=MAX_WALL_THICKNESS_MM,
            ))
            .on_hover_text("Thickness");
        ui.label("thick,");
        let high = ui
            .add(length_value(
                &mut height_mm,
                view.unit,
                MIN_WALL_HEIGHT_MM..=MAX_WALL_HEIGHT_MM,
            ))
            .on_hover_text("Height");
        ui.label("high");
        if thick.changed() || high.changed() {
            defaults.0.thickness = Mm(thickness_mm);
            defaults.0.height = Mm(height_mm);
            actions.push(UiAction::SetWallDefaults(defaults));
        }
    });
    if view.drawing {
        let help = "Click each corner. Corners snap to wall ends, 15° steps and the grid \
                    (hold Alt for none). Type a length and press Enter for an exact wall. \
                    Double-click, right-click or Esc ends the chain; clicking the first \
                    corner closes the room.";
        ui.label(egui::RichText::new(help).small().color(colours::MUTED));
        if let Some(typed) = view.typed.filter(|typed| !typed.is_empty()) {
            ui.label(
                egui::RichText::new(format!("Length typed: {typed} {}", view.unit.symbol()))
                    .color(colours::ACCENT),
            );
        }
    }
}
