//! The quote panel: lines with quantities and prices, totals with VAT, the customer and quote
//! fields, and "Export quote…" (PDF, XLSX, CSV) / "Export CSV…".

use crate::files::FileRequested;
use crate::sidebar::actions::UiAction;
use crate::sidebar::format::money;
use crate::theme::ui as colours;
use bevy_egui::egui;
use room_planner_core::domain::editing::Edit;
use room_planner_core::domain::layout::{Customer, QuoteInfo};
use room_planner_core::domain::pricing::quote::Quote;
use room_planner_core::domain::values::date::IsoDate;
use rust_decimal::Decimal;
use std::str::FromStr;

/// Text being typed into the customer and quote fields; sent to the document when a field
/// loses focus, so one field edit is one undo step.
#[derive(Debug, Clone, Default)]
pub struct QuoteForm {
    /// The customer as being typed.
    pub customer: Customer,
    /// Quote reference as being typed.
    pub reference: String,
    /// Quote date as being typed.
    pub date: String,
    /// Validity in days as being typed.
    pub valid_days: String,
    /// Quote discount as being typed.
    pub discount_percent: String,
    /// Document revision the form was filled from.
    pub revision: Option<u64>,
}

impl QuoteForm {
    /// Refills the form from the document unless it is being typed into.
    pub fn refresh(&mut self, customer: &Customer, info: &QuoteInfo, revision: u64, editing: bool) {
        if editing || self.revision == Some(revision) {
            return;
        }
        self.customer = customer.clone();
        self.reference = info.reference.clone();
        self.date = info.date.to_string();
        self.valid_days = info.valid_days.to_string();
        self.discount_percent = info.discount_percent.normalize().to_string();
        self.revision = Some(revision);
    }
}

/// The quote panel.
pub fn quote_ui(
    ui: &mut egui::Ui,
    quote: Result<&Quote, &str>,
    current: (&Customer, &QuoteInfo),
    form: &mut QuoteForm,
    actions: &mut Vec<UiAction>,
) {
    exports_ui(ui, actions);
    match quote {
        Ok(quote) => lines_and_totals(ui, quote),
        Err(problem) => {
            ui.label(
                egui::RichText::new(format!("Cannot price the layout: {problem}"))
                    .color(colours::ERROR),
            );
        }
    }
    ui.add_space(6.0);
    egui::CollapsingHeader::new("Customer and quote details")
        .default_open(false)
        .show(ui, |ui| details(ui, current, form, actions));
}

/// The export buttons, at the top of the quote so they are in view.
fn exports_ui(ui: &mut egui::Ui, actions: &mut Vec<UiAction>) {
    ui.horizontal(|ui| {
        if ui
            .button("Export quote…")
            .on_hover_text("PDF for the customer, XLSX or CSV for the ERP")
            .clicked()
        {
            actions.push(UiAction::File(FileRequested::ExportQuote));
        }
        if ui
            .button("Export CSV…")
            .on_hover_text("Quote lines and totals for the ERP")
            .clicked()
        {
            actions.push(UiAction::File(FileRequested::ExportCsv));
        }
    });
    ui.separator();
}

fn lines_and_totals(ui: &mut egui::Ui, quote: &Quote) {
    let (currency, decimals) = (quote.currency.code.as_str(), quote.currency.decimals);
    egui::Grid::new("quote lines grid")
        .num_columns(3)
        .striped(true)
        .spacing([8.0, 2.0])
        .show(ui, |ui| {
            for line in &quote.lines {
                ui.label(format!("{}×", line.quantity));
                ui.label(&line.name).on_hover_text(format!(
                    "{}\nSKU {}",
                    line.description(),
                    line.sku
                ));
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    ui.label(money(line.amount, currency, decimals))
                });
                ui.end_row();
            }
        });
    ui.separator();
    let totals = &quote.totals;
    egui::Grid::new("quote totals")
        .num_columns(2)
        .spacing([12.0, 2.0])
        .show(ui, |ui| {
            let row = |ui: &mut egui::Ui, label: String, amount: Decimal, strong: bool| {
                let text = money(amount, currency, decimals);
                if strong {
                    ui.label(egui::RichText::new(label).strong());
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        ui.label(egui::RichText::new(text).strong().color(colours::ACCENT))
                    });
                } else {
                    ui.label(label);
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        ui.label(text)
                    });
                }
                ui.end_row();
            };
            row(
                ui,
                format!("Subtotal ({} items)", totals.quantity),
                totals.amount,
                false,
            );
            if !totals.quote_discount.is_zero() {
                row(
                    ui,
                    format!("Discount {} %", quote.discount_percent.normalize()),
                    -totals.quote_discount,
                    false,
                );
            }
            row(ui, "Net".to_owned(), totals.net, false);
            for group in &totals.vat_groups {
                row(
                    ui,
                    format!("VAT {} %", group.rate_percent.normalize()),
                    group.vat,
                    false,
                );
            }
            row(ui, "Total".to_owned(), totals.gross, true);
        });
}

fn details(
    ui: &mut egui::Ui,
    current: (&Customer, &QuoteInfo),
    form: &mut QuoteForm,
    actions: &mut Vec<UiAction>,
) {
    let (customer, info) = current;
    let mut committed = false;
    egui::Grid::new("customer")
        .num_columns(2)
        .spacing([8.0, 4.0])
        .show(ui, |ui| {
            for (label, text, multiline) in [
                ("Customer", &mut form.customer.name, false),
                ("Address", &mut form.customer.address, true),
                ("E-mail", &mut form.customer.email, false),
                ("Phone", &mut form.customer.phone, false),
                ("Reference", &mut form.reference, false),
                ("Date", &mut form.date, false),
                ("Valid (days)", &mut form.valid_days, false),
                ("Discount %", &mut form.discount_percent, false),
            ] {
                ui.label(label);
                let field = if multiline {
                    egui::TextEdit::multiline(text).desired_rows(2)
                } else {
                    egui::TextEdit::singleline(text)
                };
                committed |= ui.add(field.desired_width(170.0)).lost_focus();
                ui.end_row();
            }
        });
    if !committed {
        return;
    }
    if form.customer != *customer {
        actions.push(UiAction::edit(Edit::SetCustomer(form.customer.clone())));
    }
    match parse_info(form) {
        Ok(new_info) if new_info != *info => {
            actions.push(UiAction::edit(Edit::SetQuoteInfo(new_info)))
        }
        Ok(_) => {}
        Err(problem) => {
            ui.label(egui::RichText::new(problem).color(colours::ERROR));
        }
    }
}

/// The quote fields as typed, checked.
///
/// # Errors
/// A date, number of days or discount that cannot be read.
pub fn parse_info(form: &QuoteForm) -> Result<QuoteInfo, String> {
    let date = IsoDate::parse(form.date.trim())
        .map_err(|_| format!("`{}` is not a date like 2026-11-22", form.date))?;
    let valid_days = form
        .valid_days
        .trim()
        .parse::<u32>()
        .map_err(|_| format!("`{}` is not a number of days", form.valid_days))?;
    let discount_percent = Decimal::from_str(form.discount_percent.trim())
        .map_err(|_| format!("`{}` is not a percentage", form.discount_percent))?;
    Ok(QuoteInfo {
        reference: form.reference.trim().to_owned(),
        date,
        valid_days,
        discount_percent,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_quote_fields_are_checked() {
        let mut form = QuoteForm {
            date: "2026-11-22".into(),
            valid_days: "30".into(),
            discount_percent: "3".into(),
            reference: " Q-1 ".into(),
            ..QuoteForm::default()
        };
        let parsed = parse_info(&form).expect("valid");
        assert_eq!(parsed.reference, "Q-1");
        assert_eq!(parsed.discount_percent, Decimal::from(3));
        form.date = "22.11.2026".into();
        assert!(parse_info(&form).is_err());
    }
}
