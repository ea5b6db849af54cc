//! An options panel's rows, shared by products and doors/windows: each option as a drop-down
//! where only values that can still make a valid product are enabled (the others say why when
//! hovered), a spinner while the answer is worked out, and the engine's error when it has one.

use crate::option_panels::PanelView;
use crate::theme::ui as colours;
use bevy_egui::egui;
use room_planner_core::domain::catalog::Configuration;
use room_planner_core::domain::catalog::configuration::OptionAvailability;
use room_planner_core::domain::catalog::{
    OptionDef, OptionDomain, OptionValue, Product, RangeSpec, RangeUnit,
};
use room_planner_core::domain::values::ids::OptionId;

/// What an options panel shows.
#[derive(Debug, Clone, Copy)]
pub struct OptionsView<'a> {
    /// The product.
    pub product: &'a Product,
    /// Its full configuration as resolved.
    pub configuration: &'a Configuration,
    /// Choices the user made (the rest are defaults).
    pub explicit: &'a Configuration,
    /// Which values can be chosen, as far as known.
    pub panel: PanelView<'a>,
    /// Tells the drop-downs of different panels apart.
    pub salt: &'a str,
}

/// What the user did in the rows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OptionRows {
    /// The option and value picked, if any.
    pub picked: Option<(OptionDef, OptionValue)>,
    /// Blocked values the user pointed at whose reasons are not known yet: ask the option
    /// panels for them.
    pub asked_reasons: Vec<(OptionId, OptionValue)>,
}

/// The rows of every option in a two-column grid already begun.
pub fn option_rows_ui(
    ui: &mut egui::Ui,
    view: &OptionsView<'_>,
    value_text: &dyn Fn(&OptionDef, &OptionValue) -> String,
) -> OptionRows {
    let states: &[OptionAvailability] = match view.panel.answer {
        Some(Ok(states)) => states,
        _ => &[],
    };
    let mut rows = OptionRows::default();
    for def in &view.product.options {
        // An option that does not apply now (its `visible_when` fails) is not listed; the
        // user's choice for it stays in the layout for when it shows again.
        if !view.product.is_shown(&def.id, view.configuration) {
            continue;
        }
        let state = states.iter().find(|state| state.option == def.id);
        let current = view.configuration.get(&def.id).unwrap_or(&def.default);
        let label = if view.explicit.contains_key(&def.id) {
            def.label.clone()
        } else {
            format!("{} (default)", def.label)
        };
        ui.label(label);
        if let (OptionDomain::Range(range), Some(state), OptionValue::Number(number)) =
            (&def.domain, state, current)
            && range.values().len() > MAX_LISTED_VALUES
        {
            number_row_ui(ui, view, def, range, state, *number, &mut rows);
            ui.end_row();
            continue;
        }
        let combo = egui::ComboBox::from_id_salt((view.salt, def.id.as_str()))
            .selected_text(def.label_of(current))
            .width(170.0);
        let Some(state) = state else {
            ui.add_enabled_ui(false, |ui| combo.show_ui(ui, |_| {}))
                .response
                .on_disabled_hover_text("Checking which values fit…");
            ui.end_row();
            continue;
        };
        let response = combo
            .show_ui(ui, |ui| {
                for value in def.values() {
                    let text = value_text(def, &value);
                    if state.blocked.contains(&value) {
                        let reason = view.panel.reason(&def.id, &value);
                        let response = ui
                            .add_enabled(false, egui::Button::selectable(false, text))
                            .on_disabled_hover_text(reason.unwrap_or(WORKING_OUT));
                        if reason.is_none() && response.contains_pointer() {
                            rows.asked_reasons.push((def.id.clone(), value.clone()));
                        }
                    } else if ui.selectable_label(&value == current, text).clicked()
                        && &value != current
                    {
                        rows.picked = Some((def.clone(), value.clone()));
                    }
                }
            })
            .response;
        if response.contains_pointer() {
            rows.asked_reasons.extend(
                state
                    .blocked
                    .iter()
                    .filter(|value| view.panel.reason(&def.id, value).is_none())
                    .map(|value| (def.id.clone(), value.clone())),
            );
        }
        response.on_hover_text(blocked_summary(def, state, &view.panel));
        ui.end_row();
    }
    for derived in &view.product.derived {
        ui.label(egui::RichText::new(&derived.label).color(colours::MUTED));
        ui.label(view.product.derived_text(&derived.id, view.configuration))
            .on_hover_text(format!("Worked out from the options: {}", derived.source));
        ui.end_row();
    }
    rows
}

/// Ranges with more values than this (made to measure, 1 mm steps) are typed or dragged
/// instead of picked from a list.
const MAX_LISTED_VALUES: usize = 60;

/// A made-to-measure number: dragged or typed within the range, snapped to its steps; a value
/// that cannot make a valid product is not taken, and the row says why.
fn number_row_ui(
    ui: &mut egui::Ui,
    view: &OptionsView<'_>,
    def: &OptionDef,
    range: &RangeSpec,
    state: &OptionAvailability,
    current: i64,
    rows: &mut OptionRows,
) {
    let id = ui.make_persistent_id((view.salt, def.id.as_str(), "typed"));
    let mut typed: i64 = ui.data(|data| data.get_temp(id)).unwrap_or(current);
    ui.vertical(|ui| {
        let suffix = match range.unit {
            RangeUnit::Mm => " mm",
            RangeUnit::Count => "",
        };
        let response = ui.add(
            egui::DragValue::new(&mut typed)
                .range(range.min..=range.max)
                .speed(range.step.max(1) as f64)
                .suffix(suffix),
        );
        let snapped = range.min + (typed - range.min) / range.step.max(1) * range.step.max(1);
        let value = OptionValue::Number(snapped);
        if state.blocked.contains(&value) {
            let reason = view.panel.reason(&def.id, &value);
            if reason.is_none() {
                rows.asked_reasons.push((def.id.clone(), value.clone()));
            }
            ui.label(
                egui::RichText::new(format!(
                    "{} is not available: {}",
                    def.label_of(&value),
                    reason.unwrap_or("working out why…")
                ))
                .color(colours::ERROR)
                .small(),
            );
        } else if snapped != current && !response.dragged() && !response.has_focus() {
            rows.picked = Some((def.clone(), value));
        }
        if let (Some(first), Some(last)) = (state.offered.first(), state.offered.last()) {
            ui.label(
                egui::RichText::new(format!("{} to {}", def.label_of(first), def.label_of(last)))
                    .color(colours::MUTED)
                    .small(),
            );
        }
    });
    if typed == current {
        ui.data_mut(|data| data.remove::<i64>(id));
    } else {
        ui.data_mut(|data| data.insert_temp(id, typed));
    }
}

/// The hover text of a blocked value whose reason is still being found.
const WORKING_OUT: &str = "Not available now; working out why…";

/// A line under the rows while the answer is worked out or when it failed.
pub fn options_status_ui(ui: &mut egui::Ui, panel: PanelView<'_>) {
    if panel.pending {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(egui::RichText::new("Checking which values fit…").color(colours::MUTED));
        });
    }
    if let Some(Err(problem)) = panel.answer {
        ui.label(
            egui::RichText::new(format!("The options cannot be checked: {problem}"))
                .color(colours::ERROR),
        );
    }
}

fn blocked_summary(def: &OptionDef, state: &OptionAvailability, panel: &PanelView<'_>) -> String {
    if state.blocked.is_empty() {
        return "Every value can be chosen".to_owned();
    }
    let mut reasons: Vec<String> = Vec::new();
    let mut unexplained: Vec<String> = Vec::new();
    for value in &state.blocked {
        match panel.reason(&def.id, value) {
            Some(reason) => reasons.push(reason.to_owned()),
            None => unexplained.push(def.label_of(value)),
        }
    }
    reasons.sort_unstable();
    reasons.dedup();
    if !unexplained.is_empty() {
        reasons.push(format!("{}: working out why…", unexplained.join(", ")));
    }
    format!("Not available now:\n{}", reasons.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::option_panels::{PanelAnswer, Reasons};
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;
    use room_planner_core::domain::catalog::configuration::ConfigurationEngine;
    use room_planner_core::domain::values::ids::OptionId;
    use room_planner_core::storage::catalog::parse_catalog;
    use std::path::Path;

    const CATALOG: &str = r#"Catalog(
    id: "t", name: "T", version: "1", currency: "EUR", vat_percent: 19,
    products: [Product(
        id: "sofa", name: "Sofa", category: "Sofas", kind: Floor,
        width: Option("width"), depth: Fixed(950), height: Fixed(820),
        appearance: Shape(shape: Sofa),
        options: [
            Range(id: "width", label: "Width", min: 1800, max: 3000, step: 200, default: 2200),
            Choice(id: "chaise", label: "Chaise", values: [(id: "none", label: "None"), (id: "left", label: "Left")]),
        ],
        rules: [
            Requires(when: Is("chaise", "left"), then: AtLeast("width", 2400), message: "A chaise needs 2400 mm"),
        ],
        base_price: 1000,
    )],
)"#;

    fn product() -> Product {
        let catalog = parse_catalog(Path::new("t.ron"), CATALOG).expect("valid");
        catalog.products[0].clone()
    }

    type Picked = OptionRows;

    fn shows(harness: &Harness<'_, Picked>, text: &str) -> bool {
        harness.query_all_by_value(text).next().is_some()
    }

    fn ready(answer: &PanelAnswer) -> PanelView<'_> {
        PanelView {
            answer: Some(answer),
            pending: false,
            reasons: None,
        }
    }

    fn harness<'a>(
        product: &'a Product,
        configuration: &'a Configuration,
        panel: PanelView<'a>,
    ) -> Harness<'a, Picked> {
        Harness::new_ui_state(
            move |ui, picked: &mut Picked| {
                let view = OptionsView {
                    product,
                    configuration,
                    explicit: configuration,
                    panel,
                    salt: "test",
                };
                egui::Grid::new("rows").show(ui, |ui| {
                    let rows = option_rows_ui(ui, &view, &|def, value| def.label_of(value));
                    if rows.picked.is_some() {
                        picked.picked = rows.picked;
                    }
                    for asked in rows.asked_reasons {
                        if !picked.asked_reasons.contains(&asked) {
                            picked.asked_reasons.push(asked);
                        }
                    }
                });
                options_status_ui(ui, panel);
            },
            OptionRows::default(),
        )
    }

    #[test]
    fn a_panel_being_worked_out_shows_its_rows_and_a_spinner() {
        let product = product();
        let configuration = Configuration::new();
        let panel = PanelView {
            answer: None,
            pending: true,
            reasons: None,
        };
        let mut harness = harness(&product, &configuration, panel);
        // The spinner keeps asking for frames.
        harness.run_steps(3);
        assert!(shows(&harness, "Width (default)"));
        assert!(shows(&harness, "Chaise (default)"));
        assert!(shows(&harness, "Checking which values fit…"));
    }

    #[test]
    fn an_engine_error_is_said_in_the_panel() {
        let product = product();
        let configuration = Configuration::new();
        let answer: PanelAnswer = Err("checking the options took too long".into());
        let mut harness = harness(&product, &configuration, ready(&answer));
        harness.run();
        assert!(shows(
            &harness,
            "The options cannot be checked: checking the options took too long"
        ));
    }

    #[test]
    fn blocked_values_cannot_be_picked_and_offered_ones_can() {
        let product = product();
        let configuration =
            Configuration::from([(OptionId::from("width"), OptionValue::Number(2000))]);
        let answer: PanelAnswer = ConfigurationEngine::new(&product)
            .option_availability(&configuration)
            .map_err(|error| error.to_string());
        let mut harness = harness(&product, &configuration, ready(&answer));
        harness.run();
        harness.get_by_value("None").click();
        harness.run();
        harness.get_by_label("Left").click();
        harness.run();
        assert_eq!(harness.state().picked, None, "a blocked value was picked");
        harness.get_by_value("2000 mm").click();
        harness.run();
        harness.get_by_label("2600 mm").click();
        harness.run();
        let picked = harness
            .state()
            .picked
            .clone()
            .map(|(def, value)| (def.id, value));
        assert_eq!(
            picked,
            Some((OptionId::from("width"), OptionValue::Number(2600)))
        );
    }

    #[test]
    fn pointing_at_a_blocked_value_asks_why_and_shows_the_reason_once_known() {
        let product = product();
        let configuration =
            Configuration::from([(OptionId::from("width"), OptionValue::Number(2000))]);
        let engine = ConfigurationEngine::new(&product);
        let answer: PanelAnswer = engine
            .option_availability(&configuration)
            .map_err(|error| error.to_string());
        let chaise = OptionId::from("chaise");
        let left = OptionValue::Choice("left".into());
        {
            let mut harness = harness(&product, &configuration, ready(&answer));
            harness.run();
            harness.get_by_value("None").click();
            harness.run();
            harness.get_by_label("Left").hover();
            harness.run();
            assert!(shows(&harness, WORKING_OUT), "a reason still to be found");
            assert!(
                harness
                    .state()
                    .asked_reasons
                    .contains(&(chaise.clone(), left.clone())),
                "{:?}",
                harness.state().asked_reasons
            );
        }
        let why = engine
            .why_blocked(&configuration, &chaise, &left)
            .expect("answered")
            .expect("blocked");
        let reasons: Reasons = Reasons::from([((chaise, left), why.reason(&product))]);
        let panel = PanelView {
            answer: Some(&answer),
            pending: false,
            reasons: Some(&reasons),
        };
        let mut harness = harness(&product, &configuration, panel);
        harness.run();
        harness.get_by_value("None").click();
        harness.run();
        harness.get_by_label("Left").hover();
        harness.run();
        assert!(shows(
            &harness,
            "With Width: 2000 mm: A chaise needs 2400 mm"
        ));
        assert!(harness.state().asked_reasons.is_empty());
    }
}
