//! The catalog browser: search, category filter, a list with thumbnails and an "Add" button
//! (or drag an item into the view), and a preview of the product under the pointer.

use crate::sidebar::actions::UiAction;
use crate::sidebar::format::money;
use crate::sidebar::preview::paint_front_view;
use bevy_egui::egui;
use room_planner_core::domain::catalog::configuration::ConfigurationEngine;
use room_planner_core::domain::catalog::{CatalogSet, Product};
use room_planner_core::domain::pricing::price_breakdown;
use room_planner_core::domain::values::ids::ProductId;
use room_planner_core::domain::values::length_units::LengthUnit;

/// What the browser shows: search text, category and the product previewed.
#[derive(Debug, Clone, Default)]
pub struct CatalogBrowser {
    /// Search text (matches name, category and id, any case).
    pub search: String,
    /// Category shown, or all.
    pub category: Option<String>,
    /// Product in the preview.
    pub previewed: Option<ProductId>,
}

/// Products matching the search and category, in catalog order.
#[must_use]
pub fn matching_products<'a>(
    catalogs: &'a CatalogSet,
    browser: &CatalogBrowser,
) -> Vec<&'a Product> {
    let needle = browser.search.trim().to_lowercase();
    catalogs
        .catalogs
        .iter()
        .flat_map(|catalog| &catalog.products)
        .filter(|product| {
            browser
                .category
                .as_ref()
                .is_none_or(|category| &product.category == category)
        })
        .filter(|product| {
            needle.is_empty()
                || product.name.to_lowercase().contains(&needle)
                || product.category.to_lowercase().contains(&needle)
                || product.id.as_str().contains(&needle)
        })
        .collect()
}

/// The catalog browser.
pub fn catalog_ui(
    ui: &mut egui::Ui,
    catalogs: &CatalogSet,
    browser: &mut CatalogBrowser,
    unit: LengthUnit,
    actions: &mut Vec<UiAction>,
) {
    ui.horizontal(|ui| {
        ui.label("Search");
        ui.add(egui::TextEdit::singleline(&mut browser.search).hint_text("name or category"));
    });
    let mut categories: Vec<&str> = Vec::new();
    for catalog in &catalogs.catalogs {
        for category in catalog.categories() {
            if !categories.contains(&category) {
                categories.push(category);
            }
        }
    }
    ui.horizontal_wrapped(|ui| {
        if ui
            .selectable_label(browser.category.is_none(), "All")
            .clicked()
        {
            browser.category = None;
        }
        for category in categories {
            let selected = browser.category.as_deref() == Some(category);
            if ui.selectable_label(selected, category).clicked() {
                browser.category = if selected {
                    None
                } else {
                    Some(category.to_owned())
                };
            }
        }
    });
    let products = matching_products(catalogs, browser);
    let currency = catalogs
        .catalogs
        .first()
        .map_or("EUR", |c| c.currency.code.as_str());
    egui::ScrollArea::vertical()
        .id_salt("catalog list")
        .auto_shrink([false, true])
        .show(ui, |ui| {
            if products.is_empty() {
                ui.label("No product matches.");
            }
            for product in &products {
                product_row(ui, product, currency, unit, browser, actions);
            }
        });
    if let Some(product) = browser
        .previewed
        .as_ref()
        .and_then(|id| catalogs.product(id))
        .map(|(_, product)| product)
    {
        preview(ui, product, currency);
    }
}

fn default_configuration(product: &Product) -> room_planner_core::domain::catalog::Configuration {
    ConfigurationEngine::new(product)
        .resolve_or_defaults(&Default::default())
        .0
}

fn product_row(
    ui: &mut egui::Ui,
    product: &Product,
    currency: &str,
    unit: LengthUnit,
    browser: &mut CatalogBrowser,
    actions: &mut Vec<UiAction>,
) {
    let configuration = default_configuration(product);
    let price = price_breakdown(product, &configuration, 2).unit_price;
    let dimensions = product.dimensions(&configuration);
    let row = ui.horizontal(|ui| {
        let drag = ui.dnd_drag_source(
            egui::Id::new(("catalog item", product.id.as_str())),
            product.id.clone(),
            |ui| {
                let (rect, _) =
                    ui.allocate_exact_size(egui::vec2(38.0, 38.0), egui::Sense::hover());
                ui.painter()
                    .rect_filled(rect, 3.0, ui.visuals().extreme_bg_color);
                paint_front_view(ui.painter(), rect.shrink(3.0), product, &configuration);
                ui.vertical(|ui| {
                    ui.label(egui::RichText::new(&product.name).strong());
                    let from = if product.options.is_empty() {
                        ""
                    } else {
                        "from "
                    };
                    ui.label(
                        egui::RichText::new(format!(
                            "{} · {from}{}",
                            unit.format_size(&[
                                dimensions.width.as_f64(),
                                dimensions.depth.as_f64(),
                                dimensions.height.as_f64(),
                            ]),
                            money(price, currency, 2)
                        ))
                        .small(),
                    );
                });
            },
        );
        drag.response
            .on_hover_text("Drag into the view to place it there");
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .button("Add")
                .on_hover_text("Place in the middle of the view")
                .clicked()
            {
                actions.push(UiAction::Add(product.id.clone()));
            }
        });
    });
    if row.response.contains_pointer() {
        browser.previewed = Some(product.id.clone());
    }
}

fn preview(ui: &mut egui::Ui, product: &Product, currency: &str) {
    let configuration = default_configuration(product);
    ui.separator();
    ui.horizontal(|ui| {
        let (rect, _) = ui.allocate_exact_size(egui::vec2(110.0, 90.0), egui::Sense::hover());
        ui.painter()
            .rect_filled(rect, 4.0, ui.visuals().extreme_bg_color);
        paint_front_view(ui.painter(), rect.shrink(6.0), product, &configuration);
        ui.vertical(|ui| {
            ui.label(egui::RichText::new(&product.name).strong());
            ui.label(&product.category);
            let price = price_breakdown(product, &configuration, 2).unit_price;
            ui.label(format!("{} as shown", money(price, currency, 2)));
            if !product.options.is_empty() {
                ui.label(format!(
                    "{} options, {} rules",
                    product.options.len(),
                    product.rules.len()
                ));
            }
        });
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;
    use room_planner_core::storage::catalog::load_catalog_folder;

    fn shipped() -> CatalogSet {
        let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("catalogs");
        CatalogSet {
            catalogs: load_catalog_folder(&folder).0,
        }
    }

    #[test]
    fn search_narrows_the_list_and_add_asks_for_the_product() {
        let catalogs = shipped();
        let mut state = (CatalogBrowser::default(), Vec::new());
        state.0.search = "oslo".into();
        let mut harness = Harness::new_ui_state(
            |ui, state: &mut (CatalogBrowser, Vec<UiAction>)| {
                catalog_ui(
                    ui,
                    &catalogs,
                    &mut state.0,
                    LengthUnit::Millimetres,
                    &mut state.1,
                )
            },
            state,
        );
        harness.run();
        assert!(harness.query_by_label_contains("Oslo").is_some());
        assert!(harness.query_by_label_contains("Fjord").is_none());
        harness.get_by_label("Add").click();
        harness.run();
        assert_eq!(
            harness.state().1,
            vec![UiAction::Add(ProductId::from("sofa-oslo"))]
        );
    }

    #[test]
    fn sizes_in_the_list_are_in_the_chosen_unit() {
        let catalogs = shipped();
        let mut browser = CatalogBrowser {
            search: "oslo".into(),
            ..CatalogBrowser::default()
        };
        let harness = Harness::new_ui(|ui| {
            catalog_ui(
                ui,
                &catalogs,
                &mut browser,
                LengthUnit::FeetInches,
                &mut Vec::new(),
            );
        });
        assert!(harness.query_by_label_contains("\" · ").is_some());
        assert!(harness.query_by_label_contains(" mm · ").is_none());
    }

    #[test]
    fn doors_and_windows_are_offered_to_set_into_walls() {
        let catalogs = shipped();
        let all = matching_products(&catalogs, &CatalogBrowser::default());
        assert!(all.iter().any(|product| product.kind.is_opening()));
        assert!(all.iter().any(|product| !product.kind.is_opening()));
    }
}
