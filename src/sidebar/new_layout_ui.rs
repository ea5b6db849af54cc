//! The "New layout" window: start from a rectangular room (width × depth), an L-shaped room or
//! nothing, with the walls' thickness and height; sizes are the rooms' clear inner dimensions.

use crate::files::FileRequested;
use crate::sidebar::actions::UiAction;
use crate::sidebar::format::length_value;
use crate::theme::ui as colours;
use bevy_egui::egui;
use room_planner_core::domain::layout::room_templates::{RoomTemplate, WallBuild, template_walls};
use room_planner_core::domain::layout::{
    MAX_WALL_HEIGHT_MM, MAX_WALL_THICKNESS_MM, MIN_WALL_HEIGHT_MM, MIN_WALL_THICKNESS_MM,
};
use room_planner_core::domain::values::length_units::LengthUnit;
use room_planner_core::domain::values::units::Mm;

/// Which kind of room the form is set to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TemplateKind {
    /// A rectangle.
    #[default]
    Rectangle,
    /// An L.
    LShaped,
    /// No walls.
    Empty,
}

/// The form's values, kept while the window is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NewLayoutForm {
    /// Kind of room.
    pub kind: TemplateKind,
    /// Clear width (mm).
    pub width_mm: i64,
    /// Clear depth (mm).
    pub depth_mm: i64,
    /// The L's narrow leg width (mm).
    pub leg_width_mm: i64,
    /// The L's front part depth (mm).
    pub leg_depth_mm: i64,
    /// Wall thickness (mm).
    pub thickness_mm: i64,
    /// Wall height (mm).
    pub height_mm: i64,
}

impl Default for NewLayoutForm {
    fn default() -> Self {
        Self {
            kind: TemplateKind::Rectangle,
            width_mm: 4000,
            depth_mm: 3000,
            leg_width_mm: 2500,
            leg_depth_mm: 2500,
            thickness_mm: 100,
            height_mm: 2500,
        }
    }
}

impl NewLayoutForm {
    /// The template the form describes.
    #[must_use]
    pub fn template(&self) -> RoomTemplate {
        match self.kind {
            TemplateKind::Rectangle => RoomTemplate::Rectangle {
                width: Mm(self.width_mm),
                depth: Mm(self.depth_mm),
            },
            TemplateKind::LShaped => RoomTemplate::LShaped {
                width: Mm(self.width_mm),
                depth: Mm(self.depth_mm),
                leg_width: Mm(self.leg_width_mm),
                leg_depth: Mm(self.leg_depth_mm),
            },
            TemplateKind::Empty => RoomTemplate::Empty,
        }
    }

    /// Wall thickness and height.
    #[must_use]
    pub fn build(&self) -> WallBuild {
        WallBuild {
            thickness: Mm(self.thickness_mm),
            height: Mm(self.height_mm),
        }
    }
}

/// The window; `form` is `None` when it is closed.
pub fn new_layout_ui(
    ctx: &egui::Context,
    form: &mut Option<NewLayoutForm>,
    unit: LengthUnit,
    actions: &mut Vec<UiAction>,
) {
    let Some(values) = form.as_mut() else {
        return;
    };
    let mut close = false;
    egui::Window::new("New layout")
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_TOP, [0.0, 140.0])
        .show(ctx, |ui| {
            ui.horizontal(|ui| {
                ui.selectable_value(&mut values.kind, TemplateKind::Rectangle, "Rectangle");
                ui.selectable_value(&mut values.kind, TemplateKind::LShaped, "L-shaped");
                ui.selectable_value(&mut values.kind, TemplateKind::Empty, "Empty");
            });
            if values.kind != TemplateKind::Empty {
                egui::Grid::new("template")
                    .num_columns(2)
                    .spacing([8.0, 4.0])
                    .show(ui, |ui| {
                        let row = |ui: &mut egui::Ui,
                                   label: &str,
                                   value: &mut i64,
                                   low: i64,
                                   high: i64| {
                            ui.label(label);
                            ui.add(length_value(value, unit, low..=high));
                            ui.end_row();
                        };
                        row(ui, "Inner width", &mut values.width_mm, 500, 20_000);
                        row(ui, "Inner depth", &mut values.depth_mm, 500, 20_000);
                        if values.kind == TemplateKind::LShaped {
                            row(ui, "Back part width", &mut values.leg_width_mm, 500, 20_000);
                            row(
                                ui,
                                "Front part depth",
                                &mut values.leg_depth_mm,
                                500,
                                20_000,
                            );
                        }
                        row(
                            ui,
                            "Wall thickness",
                            &mut values.thickness_mm,
                            MIN_WALL_THICKNESS_MM,
                            MAX_WALL_THICKNESS_MM,
                        );
                        row(
                            ui,
                            "Wall height",
                            &mut values.height_mm,
                            MIN_WALL_HEIGHT_MM,
                            MAX_WALL_HEIGHT_MM,
                        );
                    });
            }
            let checked = template_walls(values.template(), values.build());
            if let Err(problem) = &checked {
                ui.label(egui::RichText::new(problem.to_string()).color(colours::ERROR));
            }
            ui.horizontal(|ui| {
                if ui
                    .add_enabled(checked.is_ok(), egui::Button::new("Create"))
                    .clicked()
                {
                    actions.push(UiAction::File(FileRequested::NewFromTemplate(
                        values.template(),
                        values.build(),
                    )));
                    close = true;
                }
                if ui.button("Cancel").clicked() {
                    close = true;
                }
            });
        });
    if close {
        *form = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    #[test]
    fn create_sends_the_chosen_template() {
        let state = (Some(NewLayoutForm::default()), Vec::new());
        let mut harness = Harness::new_ui_state(
            |ui, (form, actions): &mut (Option<NewLayoutForm>, Vec<UiAction>)| {
                new_layout_ui(ui.ctx(), form, LengthUnit::Millimetres, actions);
            },
            state,
        );
        harness.get_by_label("L-shaped").click();
        harness.run();
        harness.get_by_label("Create").click();
        harness.run();
        let (form, actions) = harness.state();
        assert!(form.is_none());
        assert_eq!(
            actions.as_slice(),
            &[UiAction::File(FileRequested::NewFromTemplate(
                RoomTemplate::LShaped {
                    width: Mm(4000),
                    depth: Mm(3000),
                    leg_width: Mm(2500),
                    leg_depth: Mm(2500)
                },
                WallBuild {
                    thickness: Mm(100),
                    height: Mm(2500)
                }
            ))]
        );
    }
}
