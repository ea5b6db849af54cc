//! The issues panel: every constraint violation with its message; clicking one selects the
//! product involved.

use crate::editor::selection::Selection;
use crate::sidebar::actions::UiAction;
use crate::theme::ui as colours;
use bevy_egui::egui;
use room_planner_core::domain::constraints::Violation;
use room_planner_core::domain::values::ids::ElementId;

/// The issues panel.
pub fn issues_ui(ui: &mut egui::Ui, violations: &[Violation], actions: &mut Vec<UiAction>) {
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
                let text =
                    egui::RichText::new(format!("⚠ {}", violation.message)).color(colours::ERROR);
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

    #[test]
    fn clicking_an_issue_selects_its_product() {
        let violations = vec![Violation {
            rule: ConstraintRule::ProductOverlap,
            elements: vec![
                ElementId::Product(ProductInstanceId::from("p-sofa")),
                ElementId::Product(ProductInstanceId::from("p-table")),
            ],
            amount_mm: Some(120),
            message: "Sofa overlaps table by 120 mm".into(),
        }];
        let mut harness = Harness::new_ui_state(
            |ui, actions: &mut Vec<UiAction>| issues_ui(ui, &violations, actions),
            Vec::new(),
        );
        harness.get_by_label_contains("Sofa overlaps table").click();
        harness.run();
        assert_eq!(
            harness.state(),
            &vec![UiAction::Select(Selection::Product(
                ProductInstanceId::from("p-sofa")
            ))]
        );
    }
}
