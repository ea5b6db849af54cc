//! The customer view (F11 or "Customer view"): the editing chrome is gone, the 3D or plan view
//! fills the window, and one clean panel shows the design's total and the selected product
//! with its options and price, in words a customer reads.

use crate::sidebar::actions::UiAction;
use crate::sidebar::format::money;
use crate::viewport::camera::ViewRequested;
use bevy_egui::egui;
use room_planner_core::domain::pricing::quote::{Quote, QuoteLine};
use room_planner_core::domain::values::ids::ProductInstanceId;
use rust_decimal::Decimal;

/// What the customer panel shows.
pub struct PresentationView<'a> {
    /// The priced design, or why it has no price.
    pub quote: Result<&'a Quote, &'a str>,
    /// The selected product.
    pub selected: Option<&'a ProductInstanceId>,
    /// Who the design is for.
    pub customer: &'a str,
    /// The plan view is showing.
    pub plan_view: bool,
}

/// The customer panel.
pub fn presentation_ui(
    ui: &mut egui::Ui,
    view: &PresentationView<'_>,
    actions: &mut Vec<UiAction>,
) {
    ui.add_space(12.0);
    ui.heading(egui::RichText::new("Your design").size(24.0).strong());
    if !view.customer.is_empty() {
        ui.label(egui::RichText::new(format!("for {}", view.customer)).size(15.0));
    }
    ui.add_space(16.0);
    let quote = match view.quote {
        Ok(quote) => quote,
        Err(why) => {
            ui.label(format!("No price yet: {why}"));
            return;
        }
    };
    let currency = quote.currency.code.as_str();
    let decimals = quote.currency.decimals;
    ui.group(|ui| {
        ui.set_width(ui.available_width());
        let line = view
            .selected
            .and_then(|id| quote.lines.iter().find(|line| line.instances.contains(id)));
        match line {
            Some(line) => selected_ui(ui, line, currency, decimals),
            None => {
                ui.label(
                    egui::RichText::new("Click a piece of furniture to see its options and price.")
                        .size(15.0)
                        .weak(),
                );
            }
        }
    });
    ui.add_space(16.0);
    ui.separator();
    ui.horizontal(|ui| {
        ui.label(egui::RichText::new("Total").size(20.0).strong());
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.label(
                egui::RichText::new(money(quote.totals.gross, currency, decimals))
                    .size(22.0)
                    .strong(),
            );
        });
    });
    ui.label(
        egui::RichText::new(format!(
            "{} items, VAT included ({} VAT)",
            quote.totals.quantity,
            money(quote.totals.vat, currency, decimals)
        ))
        .weak(),
    );
    ui.add_space(20.0);
    ui.horizontal(|ui| {
        let other = if view.plan_view {
            "3D view"
        } else {
            "Plan view"
        };
        if ui.button(other).clicked() {
            actions.push(UiAction::ToggleView);
        }
        if ui.button("Fit").clicked() {
            actions.push(UiAction::View(ViewRequested::Fit));
        }
        if ui.button("Back to editing").on_hover_text("F11").clicked() {
            actions.push(UiAction::View(ViewRequested::Presentation));
        }
    });
}

/// The selected product: name, chosen options, price each and for the line.
fn selected_ui(ui: &mut egui::Ui, line: &QuoteLine, currency: &str, decimals: u32) {
    ui.label(egui::RichText::new(&line.name).size(19.0).strong());
    ui.add_space(6.0);
    for option in &line.options {
        ui.label(egui::RichText::new(format!("• {option}")).size(14.0));
    }
    ui.add_space(8.0);
    let each = if line.quantity > 0 {
        line.gross / Decimal::from(line.quantity)
    } else {
        line.gross
    };
    ui.horizontal(|ui| {
        ui.label(egui::RichText::new("Price").size(16.0));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.label(
                egui::RichText::new(money(each.round_dp(decimals), currency, decimals))
                    .size(18.0)
                    .strong(),
            );
        });
    });
    if line.quantity > 1 {
        ui.label(
            egui::RichText::new(format!(
                "{} of these in the design: {}",
                line.quantity,
                money(line.gross, currency, decimals)
            ))
            .weak(),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;
    use room_planner_core::domain::catalog::Currency;
    use room_planner_core::domain::pricing::quote::build_quote;

    #[test]
    fn without_a_selection_the_panel_says_what_to_do_and_shows_the_total() {
        let quote = build_quote(
            &[],
            Decimal::ZERO,
            &Currency {
                code: "EUR".into(),
                decimals: 2,
            },
        );
        let view = PresentationView {
            quote: Ok(&quote),
            selected: None,
            customer: "Jörg Müller",
            plan_view: false,
        };
        let harness = Harness::new_ui(|ui| {
            let mut actions = Vec::new();
            presentation_ui(ui, &view, &mut actions);
        });
        harness.get_by_label("for Jörg Müller");
        harness.get_by_label("Click a piece of furniture to see its options and price.");
        harness.get_by_label("Total");
        harness.get_by_label("Back to editing");
    }
}
