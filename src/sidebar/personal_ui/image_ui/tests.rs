//! The printed-image section driven with egui_kittest: without an image it offers the chooser
//! and says what the print needs; with the demo photo it shows the thumbnail, the pixel size
//! against the minimum and the price.

use super::super::{PersonalView, personal_ui};
use crate::files::FileRequested;
use crate::sidebar::actions::UiAction;
use bevy_egui::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use room_planner_core::domain::catalog::{
    CatalogSet, Configuration, PersonalValue, Personalization,
};
use room_planner_core::domain::values::ids::ProductInstanceId;
use room_planner_core::storage::catalog::load_catalog;
use std::path::Path;

struct State {
    catalogs: CatalogSet,
    personal: Personalization,
    actions: Vec<UiAction>,
}

fn harness(personal: Personalization) -> Harness<'static, State> {
    Harness::new_ui_state(
        |ui, state: &mut State| {
            let (_, product) = state
                .catalogs
                .product(&"bed-lume-print".into())
                .expect("the bed with a photo headboard");
            let configuration = Configuration::new();
            let id = ProductInstanceId::from("p-bed");
            personal_ui(
                ui,
                &PersonalView {
                    id: &id,
                    product,
                    configuration: &configuration,
                    personal: &state.personal,
                    currency: "EUR",
                    layout_folder: Some(Path::new("saves")),
                },
                &mut state.actions,
            );
        },
        State {
            catalogs: CatalogSet {
                catalogs: vec![
                    load_catalog(Path::new("catalogs/nordhaus.ron")).expect("demo catalog"),
                ],
            },
            personal,
            actions: Vec::new(),
        },
    )
}

#[test]
fn without_an_image_the_chooser_is_offered_and_asks_the_files_plugin() {
    let mut harness = harness(Personalization::new());
    harness.run();
    harness.get_by_label_contains("No image yet: PNG or JPEG, needs at least 1600 × 640 pixels");
    assert!(
        harness.query_by_label("Remove the image").is_none(),
        "nothing to remove"
    );
    harness.get_by_label("Choose image…").click();
    harness.run();
    assert_eq!(
        harness.state().actions,
        vec![UiAction::File(FileRequested::ChooseImage {
            product: "p-bed".into(),
            personal: "photo".to_owned(),
        })]
    );
}

#[test]
fn a_chosen_image_shows_its_thumbnail_size_and_price() {
    let personal: Personalization = [(
        "photo".to_owned(),
        PersonalValue::Image {
            file: "images/sample-photo.png".to_owned(),
        },
    )]
    .into_iter()
    .collect();
    let mut harness = harness(personal);
    harness.run();
    harness.get_by_label("1600 × 640 px, needs at least 1600 × 640");
    harness.get_by_role_and_label(egui::accesskit::Role::Image, "images/sample-photo.png");
    harness.get_by_label_contains("Headboard print: ");
    harness.get_by_label_contains("149");
    harness.get_by_label("Choose another image…");
    harness.get_by_label("Remove the image").click();
    harness.run();
    assert!(
        matches!(
            harness.state().actions.last(),
            Some(UiAction::Edit(
                room_planner_core::domain::editing::Edit::SetPersonal { value: None, .. },
                _
            ))
        ),
        "{:?}",
        harness.state().actions
    );
}
