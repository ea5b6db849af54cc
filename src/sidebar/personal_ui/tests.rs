//! The engraving field, driven like a user with egui_kittest: a valid text is applied as an
//! edit, a character outside the set is named and not applied but stays in the field.

use super::*;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use room_planner_core::domain::catalog::{CatalogSet, OptionValue};
use room_planner_core::storage::catalog::load_catalog;

fn catalogs() -> CatalogSet {
    CatalogSet {
        catalogs: vec![
            load_catalog(std::path::Path::new("catalogs/nordhaus.ron")).expect("demo catalog"),
        ],
    }
}

struct State {
    catalogs: CatalogSet,
    personal: Personalization,
    actions: Vec<UiAction>,
}

fn harness() -> Harness<'static, State> {
    Harness::new_ui_state(
        |ui, state: &mut State| {
            let (_, product) = state
                .catalogs
                .product(&"dining-table-eika".into())
                .expect("the engraved table");
            let configuration: Configuration =
                [("plate".into(), OptionValue::Choice("engraved".into()))]
                    .into_iter()
                    .collect();
            let id = ProductInstanceId::from("p-1");
            personal_ui(
                ui,
                &PersonalView {
                    id: &id,
                    product,
                    configuration: &configuration,
                    personal: &state.personal,
                    currency: "EUR",
                    layout_folder: None,
                },
                &mut state.actions,
            );
        },
        State {
            catalogs: catalogs(),
            personal: Personalization::new(),
            actions: Vec::new(),
        },
    )
}

fn applied_texts(actions: &[UiAction]) -> Vec<Option<String>> {
    actions
        .iter()
        .filter_map(|action| match action {
            UiAction::Edit(Edit::SetPersonal { value, .. }, _) => Some(match value {
                Some(PersonalValue::Text { text, .. }) => Some(text.clone()),
                _ => None,
            }),
            _ => None,
        })
        .collect()
}

#[test]
fn a_valid_text_is_applied_and_a_refused_character_is_named_but_kept() {
    let mut harness = harness();
    harness.run();
    harness
        .get_by_role(egui::accesskit::Role::MultilineTextInput)
        .click();
    harness.run();
    harness
        .get_by_role(egui::accesskit::Role::MultilineTextInput)
        .type_text("Anna");
    harness.run();
    assert_eq!(
        applied_texts(&harness.state().actions).last(),
        Some(&Some("Anna".to_owned()))
    );
    let before = harness.state().actions.len();
    harness
        .get_by_role(egui::accesskit::Role::MultilineTextInput)
        .type_text(" + Tom");
    harness.run();
    assert!(
        applied_texts(&harness.state().actions[before..])
            .iter()
            .all(|text| text.as_deref() != Some("Anna + Tom")),
        "the refused text is not applied"
    );
    harness.get_by_label_contains("“+” (line 1, character 6) cannot be engraved");
    assert!(
        harness.query_all_by_value("Anna + Tom").next().is_some(),
        "the refused text stays in the field"
    );
}

#[test]
fn an_over_long_text_says_how_long_it_may_be() {
    let mut harness = harness();
    harness.run();
    harness
        .get_by_role(egui::accesskit::Role::MultilineTextInput)
        .click();
    harness.run();
    harness
        .get_by_role(egui::accesskit::Role::MultilineTextInput)
        .type_text("Abcdefghij Klmnopqrst Uvwxyzabc");
    harness.run();
    harness.get_by_label_contains("Not applied: 29 characters; at most 24");
}
