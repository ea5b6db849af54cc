//! The issues panel: every constraint violation with its message (elements by name, lengths in
//! the user's unit); clicking one selects the product involved.

use crate::editor::selection::Selection;
use crate::sidebar::actions::UiAction;
use crate::theme::ui as colours;
use bevy_egui::egui;
use room_planner_core::domain::constraints::Violation;
use room_planner_core::domain::drawing::names::Names;
use room_planner_core::domain::values::ids::ElementId;
use room_planner_core::domain::values::length_units::LengthUnit;

/// What the issues panel shows.
pub struct IssuesView<'a> {
    /// Every violation of the layout.
    pub violations: &'a [Violation],
    /// What the messages call each element.
    pub names: &'a Names,
    /// The user's length unit.
    pub unit: LengthUnit,
}

/// The issues panel.
pub fn issues_ui(ui: &mut egui::Ui, view: &IssuesView<'_>, actions: &mut Vec<UiAction>) {
    let violations = view.violations;
    if violations.is_empty() {
        ui.label(egui::RichText::new("✔ No problems: everything fits.").color(colours::GOOD));
        return;
    }
    egui::ScrollArea::vertical()
        .id_salt("issues")
        .auto_shrink([false, true])
        .show(ui, |ui| {
            for violation in violations {
                let product = violation.elements.iter().find_map(|element| match element {
                    ElementId::Product(id) => Some(id.clone()),
                    _ => None,
                });
                let message = view.names.message(&violation.message, view.unit);
                let text = egui::RichText::new(format!("⚠ {message}")).color(colours::ERROR);
                let response = ui
                    .add(egui::Button::selectable(false, text).wrap())
                    .on_hover_text(format!("Rule: {}", violation.rule));
                if response.clicked()
                    && let Some(id) = product
                {
                    actions.push(UiAction::Select(Selection::Product(id)));
                }
            }
        });
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;
    use room_planner_core::domain::constraints::ConstraintRule;
    use room_planner_core::domain::values::ids::ProductInstanceId;
    use room_planner_core::domain::values::message::Message;

    fn overlap() -> Vec<Violation> {
        let sofa = ProductInstanceId::from("p-sofa");
        let table = ProductInstanceId::from("p-table");
        vec![Violation {
            rule: ConstraintRule::ProductOverlap,
            elements: vec![sofa.clone().into(), table.clone().into()],
            amount_mm: Some(127),
            message: Message::new()
                .element(sofa)
                .text(" overlaps ")
                .element(table)
                .text(" by ")
                .length(127),
        }]
    }

    #[test]
    fn clicking_an_issue_selects_its_product() {
        let violations = overlap();
        let names = Names::default();
        let view = IssuesView {
            violations: &violations,
            names: &names,
            unit: LengthUnit::Millimetres,
        };
        let mut harness = Harness::new_ui_state(
            |ui, actions: &mut Vec<UiAction>| issues_ui(ui, &view, actions),
            Vec::new(),
        );
        harness
            .get_by_label_contains("Product p-sofa overlaps product p-table by 127 mm")
            .click();
        harness.run();
        assert_eq!(
            harness.state(),
            &vec![UiAction::Select(Selection::Product(
                ProductInstanceId::from("p-sofa")
            ))]
        );
    }

    /// The shipped problem layout's sideboard, 100 mm into a wall, as the panel shows it in inches.
    const WALL_OVERLAP_IN_INCHES: &str =
        "Alva sideboard reaches 3.94 in into the east wall of the room";

    #[test]
    fn issues_name_elements_and_show_lengths_in_the_chosen_unit() {
        use room_planner_core::domain::catalog::CatalogSet;
        use room_planner_core::domain::constraints::LiveChecker;
        use room_planner_core::storage::catalog::load_catalog_folder;
        use room_planner_core::storage::layout_file::load_layout;
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let (catalogs, errors) = load_catalog_folder(&root.join("catalogs"));
        assert!(errors.is_empty(), "{errors:?}");
        let catalogs = CatalogSet { catalogs };
        let (layout, _) =
            load_layout(&root.join("saves/problems.ron")).expect("the shipped problems load");
        let live = LiveChecker::new(&layout, &catalogs);
        let names = Names::new(&layout, &catalogs, live.structure());
        let violations = live.violations();
        let view = IssuesView {
            violations: &violations,
            names: &names,
            unit: LengthUnit::Inches,
        };
        let harness = Harness::new_ui_state(
            |ui, actions: &mut Vec<UiAction>| issues_ui(ui, &view, actions),
            Vec::new(),
        );
        harness.get_by_label_contains(WALL_OVERLAP_IN_INCHES);
        harness.get_by_label_contains("Runa coffee table overlaps Bergen footstool by 17.72 in");
        // Catalog rule texts are the catalog's words; only the measured lengths change unit.
        assert!(harness.query_by_label_contains("by 450 mm").is_none());
        assert!(harness.query_by_label_contains("(p-").is_none());
    }
}
