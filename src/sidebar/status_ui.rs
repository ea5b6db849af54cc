//! The status bar: total price, number of problems, saved or unsaved, and the last notice.

use crate::notices::{Notice, NoticeLevel};
use crate::sidebar::format::money;
use crate::theme::ui as colours;
use bevy_egui::egui;
use rust_decimal::Decimal;

/// What the status bar shows.
#[derive(Debug, Clone)]
pub struct StatusView<'a> {
    /// Gross total and currency, if the layout could be priced.
    pub total: Option<(Decimal, &'a str)>,
    /// Number of constraint violations.
    pub violations: usize,
    /// Unsaved changes.
    pub dirty: bool,
    /// The newest notice.
    pub notice: Option<&'a Notice>,
}

/// The status bar.
pub fn status_ui(ui: &mut egui::Ui, view: &StatusView<'_>) {
    ui.horizontal(|ui| {
        match view.total {
            Some((gross, currency)) => {
                ui.label(
                    egui::RichText::new(format!("Total {} incl. VAT", money(gross, currency, 2)))
                        .strong(),
                );
            }
            None => {
                ui.label(egui::RichText::new("No total").color(colours::ERROR));
            }
        }
        ui.separator();
        if view.violations == 0 {
            ui.label(egui::RichText::new("✔ No problems").color(colours::GOOD));
        } else {
            let plural = if view.violations == 1 {
                "problem"
            } else {
                "problems"
            };
            ui.label(
                egui::RichText::new(format!("⚠ {} {plural}", view.violations))
                    .color(colours::ERROR),
            );
        }
        ui.separator();
        if view.dirty {
            ui.label(egui::RichText::new("Unsaved changes").color(colours::WARNING));
        } else {
            ui.label(egui::RichText::new("Saved").color(colours::GOOD));
        }
        if let Some(notice) = view.notice {
            ui.separator();
            let colour = match notice.level {
                NoticeLevel::Info => colours::MUTED,
                NoticeLevel::Error => colours::ERROR,
            };
            ui.label(egui::RichText::new(&notice.text).color(colour));
        }
    });
}
