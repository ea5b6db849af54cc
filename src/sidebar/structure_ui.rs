//! The selected wall, door or window, or room: its measurements in the preferred unit and what
//! can be changed (wall length, thickness and height, split, delete; an opening's options,
//! position, hinge and swing; a room's name).

use crate::document::Gesture;
use crate::editor::selection::Selection;
use crate::option_panels::PanelView;
use crate::sidebar::actions::UiAction;
use crate::sidebar::format::length_value;
use crate::sidebar::options_ui::{OptionsView, option_rows_ui, options_status_ui};
use crate::sidebar::selection_ui::gesture_of;
use crate::theme::ui as colours;
use bevy_egui::egui;
use room_planner_core::domain::catalog::{Product, ProductKind};
use room_planner_core::domain::editing::{Edit, WallEnd};
use room_planner_core::domain::geometry::dimensions::face_lengths;
use room_planner_core::domain::geometry::rooms::Room;
use room_planner_core::domain::geometry::walls::WallGeometry;
use room_planner_core::domain::layout::{
    MAX_WALL_HEIGHT_MM, MAX_WALL_THICKNESS_MM, MIN_WALL_HEIGHT_MM, MIN_WALL_THICKNESS_MM,
};
use room_planner_core::domain::layout::{Opening, Wall};
use room_planner_core::domain::measured::OpeningPlacement;
use room_planner_core::domain::values::ids::WallId;
use room_planner_core::domain::values::length_units::LengthUnit;
use room_planner_core::domain::values::units::{Mm, PointMm};

/// A selected wall.
#[derive(Debug, Clone, Copy)]
pub struct WallView<'a> {
    /// The wall as saved.
    pub wall: &'a Wall,
    /// Its measured geometry.
    pub geometry: &'a WallGeometry,
    /// A free id for the second half when it is split.
    pub split_id: &'a WallId,
    /// Doors and windows set into it.
    pub openings: usize,
    /// The wall ends meeting at its end point (its own first): they move when its length does.
    pub end_corner: &'a [(WallId, WallEnd)],
    /// Display unit.
    pub unit: LengthUnit,
}

/// The wall panel.
pub fn wall_ui(ui: &mut egui::Ui, view: &WallView<'_>, actions: &mut Vec<UiAction>) {
    let wall = view.wall;
    let unit = view.unit;
    ui.label(egui::RichText::new(format!("Wall {}", wall.id)).heading());
    let (left_mm, right_mm) = face_lengths(view.geometry);
    let angle_deg = view.geometry.angle_deg();
    ui.label(
        egui::RichText::new(format!(
            "Faces {} and {} · direction {:.0}°",
            unit.format(left_mm),
            unit.format(right_mm),
            angle_deg.rem_euclid(360.0)
        ))
        .color(colours::MUTED),
    );
    if view.openings > 0 {
        ui.label(
            egui::RichText::new(format!(
                "{} door(s) or window(s) set into it",
                view.openings
            ))
            .color(colours::MUTED),
        );
    }
    egui::Grid::new("wall")
        .num_columns(2)
        .spacing([8.0, 4.0])
        .show(ui, |ui| {
            ui.label("Length");
            let mut length_mm = view.geometry.length.round() as i64;
            let response = ui.add(length_value(&mut length_mm, unit, 10..=100_000));
            if let Some(gesture) = gesture_of(&response) {
                let end = view.geometry.start + view.geometry.along * length_mm as f64;
                let by = PointMm::new(
                    end.x.round() as i64 - wall.end.x.0,
                    end.y.round() as i64 - wall.end.y.0,
                );
                // A drag moves the ends joined when it began, so the end does not pick up a
                // corner it passes on the way.
                let key = egui::Id::new("wall-length-drag-corner");
                let ends = if gesture == Gesture::Continue {
                    ui.data(|data| data.get_temp::<Vec<(WallId, WallEnd)>>(key))
                } else {
                    None
                }
                .unwrap_or_else(|| view.end_corner.to_vec());
                ui.data_mut(|data| data.insert_temp(key, ends.clone()));
                actions.push(UiAction::Edit(Edit::MoveWallEnds { ends, by }, gesture));
            }
            ui.end_row();
            ui.label("Thickness");
            let mut thickness_mm = wall.thickness.0;
            let response = ui.add(length_value(
                &mut thickness_mm,
                unit,
                MIN_WALL_THICKNESS_MM..=MAX_WALL_THICKNESS_MM,
            ));
            if let Some(gesture) = gesture_of(&response) {
                actions.push(UiAction::Edit(
                    Edit::SetWallThickness {
                        id: wall.id.clone(),
                        thickness: Mm(thickness_mm),
                    },
                    gesture,
                ));
            }
            ui.end_row();
            ui.label("Height");
            let mut height_mm = wall.height.0;
            let response = ui.add(length_value(
                &mut height_mm,
                unit,
                MIN_WALL_HEIGHT_MM..=MAX_WALL_HEIGHT_MM,
            ));
            if let Some(gesture) = gesture_of(&response) {
                actions.push(UiAction::Edit(
                    Edit::SetWallHeight {
                        id: wall.id.clone(),
                        height: Mm(height_mm),
                    },
                    gesture,
                ));
            }
            ui.end_row();
        });
    ui.horizontal(|ui| {
        if ui
            .button("Split in half")
            .on_hover_text("Two walls meeting in the middle, each movable on its own")
            .clicked()
        {
            actions.push(UiAction::edit(Edit::SplitWall {
                id: wall.id.clone(),
                at: Mm((view.geometry.length / 2.0).round() as i64),
                new_id: view.split_id.clone(),
            }));
        }
        if ui
            .button("Delete wall")
            .on_hover_text("Removes the wall and the doors and windows in it (Del)")
            .clicked()
        {
            actions.push(UiAction::edit(Edit::DeleteWall(wall.id.clone())));
            actions.push(UiAction::Select(Selection::Nothing));
        }
    });
    ui.label(
        egui::RichText::new(
            "Drag the wall in the plan to move it, near an end to move that corner.",
        )
        .small()
        .color(colours::MUTED),
    );
}

/// A selected door or window.
#[derive(Debug, Clone, Copy)]
pub struct OpeningView<'a> {
    /// The opening as saved.
    pub opening: &'a Opening,
    /// Its catalog entry.
    pub product: &'a Product,
    /// Its measured placement.
    pub placement: &'a OpeningPlacement,
    /// Offered and blocked values of each option, as far as known.
    pub panel: PanelView<'a>,
    /// The host wall's centre-line length.
    pub wall_length_mm: f64,
    /// Its constraint problems' messages, in the user's words and unit.
    pub issues: &'a [String],
    /// Its wall in words ("the north wall of Hall").
    pub wall_name: &'a str,
    /// Display unit.
    pub unit: LengthUnit,
}

/// The door or window panel.
pub fn opening_ui(ui: &mut egui::Ui, view: &OpeningView<'_>, actions: &mut Vec<UiAction>) {
    let opening = view.opening;
    let unit = view.unit;
    ui.label(egui::RichText::new(&view.product.name).heading());
    ui.label(
        egui::RichText::new(format!(
            "{} × {} in {}",
            unit.format(view.placement.dimensions.width.as_f64()),
            unit.format(view.placement.height_mm),
            view.wall_name
        ))
        .color(colours::MUTED),
    );
    for issue in view.issues {
        ui.label(egui::RichText::new(format!("⚠ {issue}")).color(colours::ERROR));
    }
    egui::Grid::new("opening")
        .num_columns(2)
        .spacing([8.0, 4.0])
        .show(ui, |ui| {
            let options = OptionsView {
                product: view.product,
                configuration: &view.placement.configuration,
                explicit: &opening.options,
                panel: view.panel,
                salt: "opening option",
            };
            let rows = option_rows_ui(ui, &options, &|def, value| def.label_of(value));
            if !rows.asked_reasons.is_empty() {
                actions.push(UiAction::ExplainBlocked {
                    product: view.product.id.clone(),
                    explicit: opening.options.clone(),
                    asked: rows.asked_reasons,
                });
            }
            if let Some((def, value)) = rows.picked {
                actions.push(UiAction::edit(Edit::SetOpeningOption {
                    id: opening.id.clone(),
                    option: def.id,
                    value,
                }));
            }
            ui.label("From wall start");
            let width_mm = view.placement.dimensions.width.0;
            let most = ((view.wall_length_mm.round() as i64) - width_mm).max(0);
            let mut offset_mm = opening.offset.0;
            let response = ui.add(length_value(&mut offset_mm, unit, 0..=most));
            if let Some(gesture) = gesture_of(&response) {
                actions.push(UiAction::Edit(
                    Edit::MoveOpening {
                        id: opening.id.clone(),
                        offset: Mm(offset_mm),
                    },
                    gesture,
                ));
            }
            ui.end_row();
        });
    options_status_ui(ui, view.panel);
    ui.horizontal(|ui| {
        if view.product.kind == ProductKind::Door {
            if ui.button("Flip hinge side").clicked() {
                actions.push(UiAction::edit(Edit::FlipHinge(opening.id.clone())));
            }
            if ui.button("Flip swing").clicked() {
                actions.push(UiAction::edit(Edit::FlipSwing(opening.id.clone())));
            }
        }
        if ui.button("Delete").clicked() {
            actions.push(UiAction::edit(Edit::DeleteOpening(opening.id.clone())));
            actions.push(UiAction::Select(Selection::Nothing));
        }
    });
    ui.label(
        egui::RichText::new("Drag it in the plan to slide it along the wall.")
            .small()
            .color(colours::MUTED),
    );
}

/// The room name field's id (the sidebar asks whether it is being typed in).
pub const ROOM_NAME_FIELD: &str = "room name";

/// A selected room.
#[derive(Debug, Clone, Copy)]
pub struct RoomView<'a> {
    /// The detected room.
    pub room: &'a Room,
    /// The wall and side its name is stored under.
    pub key: (&'a WallId, bool),
    /// The name stored now (empty for none).
    pub stored_name: &'a str,
    /// Display unit.
    pub unit: LengthUnit,
}

/// The room panel; `name` is the text being edited (kept between frames by the caller).
pub fn room_ui(
    ui: &mut egui::Ui,
    view: &RoomView<'_>,
    name: &mut String,
    actions: &mut Vec<UiAction>,
) {
    let unit = view.unit;
    ui.label(egui::RichText::new("Room").heading());
    ui.horizontal(|ui| {
        ui.label("Name");
        let response = ui.add(
            egui::TextEdit::singleline(name)
                .id(egui::Id::new(ROOM_NAME_FIELD))
                .hint_text("e.g. Kitchen"),
        );
        // Enter or clicking elsewhere ends the typing; only then is the name stored.
        if response.lost_focus() && name.trim() != view.stored_name {
            actions.push(UiAction::edit(Edit::SetRoomName {
                wall: view.key.0.clone(),
                left: view.key.1,
                name: name.trim().to_owned(),
            }));
        }
    });
    egui::Grid::new("room")
        .num_columns(2)
        .spacing([8.0, 4.0])
        .show(ui, |ui| {
            ui.label("Floor area");
            ui.label(egui::RichText::new(unit.format_area(view.room.net_area_mm2)).strong());
            ui.end_row();
            ui.label("Inside the wall centres");
            ui.label(unit.format_area(view.room.area_mm2));
            ui.end_row();
            ui.label("Perimeter");
            ui.label(unit.format(view.room.floor_perimeter_mm()));
            ui.end_row();
            ui.label("Ceiling height");
            ui.label(unit.format(view.room.ceiling_height));
            ui.end_row();
        });
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;
    use room_planner_core::domain::geometry::walls::wall_geometries;

    type PanelState = (Vec<(WallId, WallEnd)>, Vec<UiAction>);

    #[test]
    fn dragging_the_length_moves_only_the_corner_the_drag_began_with() {
        let wall = Wall {
            id: WallId::from("south"),
            start: PointMm::new(0, 0),
            end: PointMm::new(4000, 0),
            thickness: Mm(100),
            height: Mm(2500),
        };
        let Some(geometry) = wall_geometries(std::slice::from_ref(&wall)).pop() else {
            panic!("one wall, one geometry");
        };
        let split_id = WallId::from("w-9");
        let corner = vec![
            (WallId::from("south"), WallEnd::End),
            (WallId::from("east"), WallEnd::Start),
        ];
        let mut harness = Harness::new_ui_state(
            move |ui, (corner, actions): &mut PanelState| {
                let view = WallView {
                    wall: &wall,
                    geometry: &geometry,
                    split_id: &split_id,
                    openings: 0,
                    end_corner: corner,
                    unit: LengthUnit::Millimetres,
                };
                wall_ui(ui, &view, actions);
            },
            (corner, Vec::new()),
        );
        harness.run();
        let centre = harness
            .get_all_by_role(egui::accesskit::Role::SpinButton)
            .next()
            .map(|length| length.rect().center());
        let Some(centre) = centre else {
            panic!("the length field is shown");
        };
        harness.hover_at(centre);
        harness.drag_at(centre);
        harness.run();
        harness.hover_at(centre + egui::vec2(30.0, 0.0));
        harness.run();
        // The end passed another wall's corner and joined it: the drag must not take it along.
        harness
            .state_mut()
            .0
            .push((WallId::from("passed"), WallEnd::Start));
        harness.hover_at(centre + egui::vec2(60.0, 0.0));
        harness.run();
        harness.drop_at(centre + egui::vec2(60.0, 0.0));
        harness.run();
        let moved: Vec<(usize, Gesture)> = harness
            .state()
            .1
            .iter()
            .filter_map(|action| match action {
                UiAction::Edit(Edit::MoveWallEnds { ends, .. }, gesture) => {
                    Some((ends.len(), *gesture))
                }
                _ => None,
            })
            .collect();
        assert!(moved.len() >= 2, "{moved:?}");
        assert_eq!(moved.first().map(|m| m.1), Some(Gesture::Start));
        assert!(moved.iter().all(|(ends, _)| *ends == 2), "{moved:?}");
    }
}
