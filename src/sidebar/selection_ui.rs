//! The selected product: every option (only values that can still make a valid product are
//! enabled; the rules say why the others are not), size, position, rotation, elevation, the
//! line's price breakdown and discount, and its constraint problems.

use crate::document::Gesture;
use crate::editor::selection::Selection;
use crate::option_panels::PanelView;
use crate::sidebar::actions::UiAction;
use crate::sidebar::format::length_value;
use crate::sidebar::format::money;
use crate::sidebar::options_ui::{OptionsView, option_rows_ui, options_status_ui};
use crate::theme::ui as colours;
use bevy_egui::egui;
use room_planner_core::domain::catalog::{OptionDef, OptionValue, Product, ProductKind};
use room_planner_core::domain::editing::Edit;
use room_planner_core::domain::layout::PlacedProduct;
use room_planner_core::domain::measured::ProductPlacement;
use room_planner_core::domain::pricing::PriceBreakdown;
use room_planner_core::domain::values::length_units::LengthUnit;
use room_planner_core::domain::values::units::{MAX_COORDINATE_MM, Mm, PointMm};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

/// Everything the selection panel shows.
#[derive(Debug, Clone, Copy)]
pub struct SelectionView<'a> {
    /// The placed product.
    pub placed: &'a PlacedProduct,
    /// Its catalog entry.
    pub product: &'a Product,
    /// Its resolved configuration, size and footprint.
    pub placement: &'a ProductPlacement,
    /// Offered and blocked values of each option, as far as known.
    pub panel: PanelView<'a>,
    /// How its unit price is made up.
    pub breakdown: Option<&'a PriceBreakdown>,
    /// Article number of the configuration.
    pub sku: &'a str,
    /// Currency code.
    pub currency: &'a str,
    /// Its constraint violations' messages, in the user's words and unit.
    pub issues: &'a [String],
    /// Unit for sizes and positions.
    pub unit: LengthUnit,
    /// The folder of the layout's file (personalization images lie beside it).
    pub layout_folder: Option<&'a std::path::Path>,
}

/// The selection panel.
pub fn selection_ui(ui: &mut egui::Ui, view: &SelectionView<'_>, actions: &mut Vec<UiAction>) {
    let id = &view.placed.id;
    ui.label(egui::RichText::new(&view.product.name).heading());
    ui.label(
        egui::RichText::new(format!("{} · SKU {}", view.product.category, view.sku))
            .color(colours::MUTED),
    );
    for issue in view.issues {
        ui.label(egui::RichText::new(format!("⚠ {issue}")).color(colours::ERROR));
    }
    if !view.product.options.is_empty() {
        ui.add_space(4.0);
        let options = OptionsView {
            product: view.product,
            configuration: &view.placement.configuration,
            explicit: &view.placed.options,
            panel: view.panel,
            salt: "option",
        };
        let rows = egui::Grid::new("options")
            .num_columns(2)
            .spacing([8.0, 4.0])
            .show(ui, |ui| {
                option_rows_ui(ui, &options, &|def, value| {
                    value_text(def, value, view.currency)
                })
            })
            .inner;
        if !rows.asked_reasons.is_empty() {
            actions.push(UiAction::ExplainBlocked {
                product: view.product.id.clone(),
                explicit: view.placed.options.clone(),
                asked: rows.asked_reasons,
            });
        }
        if let Some((def, value)) = rows.picked {
            actions.push(UiAction::edit(Edit::SetOption {
                id: id.clone(),
                option: def.id,
                value,
            }));
        }
        options_status_ui(ui, view.panel);
        for conflict in &view.placement.configuration_conflicts {
            ui.label(
                egui::RichText::new(format!("Cannot be made: {conflict}")).color(colours::ERROR),
            );
        }
        if ui
            .add_enabled(
                !view.placed.options.is_empty(),
                egui::Button::new("Reset options to defaults"),
            )
            .clicked()
        {
            actions.push(UiAction::edit(Edit::ResetOptions(id.clone())));
        }
    }
    crate::sidebar::personal_ui::personal_ui(
        ui,
        &crate::sidebar::personal_ui::PersonalView {
            id,
            product: view.product,
            configuration: &view.placement.configuration,
            personal: &view.placed.personal,
            currency: view.currency,
            layout_folder: view.layout_folder,
        },
        actions,
    );
    ui.separator();
    let size = view.placement.dimensions;
    ui.label(format!(
        "Size: {} (W × D × H)",
        view.unit.format_size(&[
            size.width.as_f64(),
            size.depth.as_f64(),
            size.height.as_f64()
        ])
    ));
    placement_fields(ui, view, actions);
    ui.horizontal(|ui| {
        if ui.button("Turn left 15°").clicked() {
            actions.push(UiAction::edit(Edit::MoveProduct {
                id: id.clone(),
                position: view.placed.position,
                rotation_deg: (view.placed.rotation + 15.0).rem_euclid(360.0),
            }));
        }
        if ui.button("Turn right 15°").clicked() {
            actions.push(UiAction::edit(Edit::MoveProduct {
                id: id.clone(),
                position: view.placed.position,
                rotation_deg: (view.placed.rotation - 15.0).rem_euclid(360.0),
            }));
        }
        if ui.button("Duplicate").on_hover_text("Ctrl+D").clicked() {
            actions.push(UiAction::Duplicate(id.clone()));
        }
        if ui.button("Delete").on_hover_text("Del").clicked() {
            actions.push(UiAction::edit(Edit::DeleteProduct(id.clone())));
            actions.push(UiAction::Select(Selection::Nothing));
        }
    });
    ui.separator();
    price_breakdown_ui(ui, view, actions);
}

fn value_text(def: &OptionDef, value: &OptionValue, currency: &str) -> String {
    let price = def.price_of(value);
    if price.is_zero() {
        def.label_of(value)
    } else {
        format!("{}  (+{})", def.label_of(value), money(price, currency, 2))
    }
}

fn placement_fields(ui: &mut egui::Ui, view: &SelectionView<'_>, actions: &mut Vec<UiAction>) {
    let placed = view.placed;
    let mut x = placed.position.x.0;
    let mut y = placed.position.y.0;
    let mut rotation = placed.rotation;
    let mut moved: Option<Gesture> = None;
    egui::Grid::new("placement")
        .num_columns(4)
        .spacing([6.0, 4.0])
        .show(ui, |ui| {
            ui.label("X");
            let limit = MAX_COORDINATE_MM;
            let response = ui.add(length_value(&mut x, view.unit, -limit..=limit));
            moved = moved.or(gesture_of(&response));
            ui.label("Y");
            let response = ui.add(length_value(&mut y, view.unit, -limit..=limit));
            moved = moved.or(gesture_of(&response));
            ui.end_row();
            ui.label("Rotation");
            let response = ui.add(
                egui::DragValue::new(&mut rotation)
                    .speed(1.0)
                    .range(-360.0..=720.0)
                    .suffix("°"),
            );
            moved = moved.or(gesture_of(&response));
            if view.product.kind == ProductKind::WallMounted || placed.elevation.is_some() {
                ui.label("Elevation");
                let mut elevation = view.placement.bottom_mm.round() as i64;
                let response = ui.add(length_value(&mut elevation, view.unit, 0..=5000));
                if let Some(gesture) = gesture_of(&response) {
                    actions.push(UiAction::Edit(
                        Edit::SetElevation {
                            id: placed.id.clone(),
                            elevation: Some(Mm(elevation)),
                        },
                        gesture,
                    ));
                }
            }
            ui.end_row();
        });
    if let Some(gesture) = moved {
        actions.push(UiAction::Edit(
            Edit::MoveProduct {
                id: placed.id.clone(),
                position: PointMm::new(x, y),
                rotation_deg: rotation.rem_euclid(360.0),
            },
            gesture,
        ));
    }
}

/// How a changed drag value joins the undo history: a drag is one step. The first change of
/// each drag starts the step, even when the drag began on an earlier frame without a change
/// (a press held before moving), so it never joins the step of an earlier drag.
pub(crate) fn gesture_of(response: &egui::Response) -> Option<Gesture> {
    if !response.changed() {
        return None;
    }
    if !response.dragged() {
        return Some(Gesture::Start);
    }
    // This drag: the widget and the time its press began.
    let drag = (
        response.id,
        response
            .ctx
            .input(|input| input.pointer.press_start_time())
            .map(f64::to_bits),
    );
    let key = egui::Id::new("room-planner-drag-gesture");
    let known = response
        .ctx
        .data_mut(|data| data.get_temp::<(egui::Id, Option<u64>)>(key) == Some(drag));
    if known {
        return Some(Gesture::Continue);
    }
    response.ctx.data_mut(|data| data.insert_temp(key, drag));
    Some(Gesture::Start)
}

fn price_breakdown_ui(ui: &mut egui::Ui, view: &SelectionView<'_>, actions: &mut Vec<UiAction>) {
    let Some(breakdown) = view.breakdown else {
        ui.label("No price: the product is in no loaded catalog.");
        return;
    };
    let currency = view.currency;
    egui::Grid::new("price")
        .num_columns(2)
        .spacing([12.0, 2.0])
        .striped(true)
        .show(ui, |ui| {
            // A product priced wholly by its price tables has no base price worth a line.
            if !breakdown.base.is_zero() || breakdown.tables.is_empty() {
                ui.label("Base price");
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    ui.label(money(breakdown.base, currency, 2))
                });
                ui.end_row();
            }
            // Options, then each price-table row used (e.g. "Upholstery: group D × 2000–2199
            // mm"), then priced parts.
            for component in breakdown.components() {
                ui.label(&component.label);
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    ui.label(money(component.amount, currency, 2))
                });
                ui.end_row();
            }
            ui.label(egui::RichText::new("Unit price").strong());
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.label(egui::RichText::new(money(breakdown.unit_price, currency, 2)).strong())
            });
            ui.end_row();
        });
    ui.horizontal(|ui| {
        ui.label("Line discount");
        let mut percent = view.placed.discount_percent.to_f64().unwrap_or(0.0);
        let response = ui.add(
            egui::DragValue::new(&mut percent)
                .speed(0.5)
                .range(0.0..=100.0)
                .suffix(" %"),
        );
        if let Some(gesture) = gesture_of(&response) {
            let discount_percent = Decimal::from_f64_retain(percent)
                .unwrap_or_default()
                .round_dp(2);
            actions.push(UiAction::Edit(
                Edit::SetDiscount {
                    id: view.placed.id.clone(),
                    discount_percent,
                },
                gesture,
            ));
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui_kittest::Harness;

    type DragState = (f64, Option<egui::Rect>, Vec<Gesture>);

    #[test]
    fn each_drag_starts_its_own_undo_step_even_when_its_first_change_comes_late() {
        let mut harness = Harness::new_ui_state(
            |ui, (value, rect, gestures): &mut DragState| {
                // Slow and whole: the first pixels of a drag change nothing.
                let response = ui.add(egui::DragValue::new(value).speed(0.01).max_decimals(0));
                *rect = Some(response.rect);
                gestures.extend(gesture_of(&response));
            },
            (0.0, None, Vec::new()),
        );
        harness.run();
        let Some(centre) = harness.state().1.map(|rect| rect.center()) else {
            panic!("the drag value was laid out");
        };
        for _ in 0..2 {
            harness.hover_at(centre);
            harness.drag_at(centre);
            harness.run();
            for dx in [10.0, 20.0, 150.0, 300.0] {
                harness.hover_at(centre + egui::vec2(dx, 0.0));
                harness.run();
            }
            harness.drop_at(centre + egui::vec2(300.0, 0.0));
            harness.run();
        }
        let (value, _, gestures) = harness.state();
        assert!(*value > 0.0, "the drags changed the value");
        let starts = gestures.iter().filter(|g| **g == Gesture::Start).count();
        assert_eq!(starts, 2, "{gestures:?}");
        assert_eq!(gestures.first(), Some(&Gesture::Start), "{gestures:?}");
    }
}
