//! The selected product's personalizations: for each engraved text offered with its current
//! options, a text field checked as typed (a text that cannot be engraved shows why in red and
//! is kept in the field, unapplied, until it is fixed), font and colour pickers and the price;
//! for each printed image, a thumbnail, its pixel size against the print's minimum, the price
//! and a button to choose another (in `image_ui`).

mod image_ui;

use crate::sidebar::actions::UiAction;
use crate::sidebar::format::money;
use crate::theme::ui as colours;
use bevy_egui::egui;
use image_ui::image_ui;
use room_planner_core::domain::catalog::{
    Configuration, PersonalDef, PersonalKind, PersonalValue, Personalization, Product, TextSpec,
};
use room_planner_core::domain::editing::Edit;
use room_planner_core::domain::values::ids::ProductInstanceId;
use std::path::Path;

/// What the personalization section shows.
#[derive(Debug, Clone, Copy)]
pub struct PersonalView<'a> {
    /// The placed product's id.
    pub id: &'a ProductInstanceId,
    /// Its catalog entry.
    pub product: &'a Product,
    /// Its resolved configuration (decides which personalizations are offered).
    pub configuration: &'a Configuration,
    /// What the customer entered.
    pub personal: &'a Personalization,
    /// Currency code.
    pub currency: &'a str,
    /// The folder of the layout's file (its images lie beside it); none before the first save.
    pub layout_folder: Option<&'a Path>,
}

/// The text being typed and the applied text it started from: when the applied text changes
/// (undo, another edit) the field follows it.
#[derive(Debug, Clone, Default)]
struct Draft {
    typed: String,
    applied: String,
}

/// The personalization section (nothing when the product offers none with these options).
pub fn personal_ui(ui: &mut egui::Ui, view: &PersonalView<'_>, actions: &mut Vec<UiAction>) {
    let offered = view.product.offered_personal(view.configuration);
    if offered.is_empty() {
        return;
    }
    ui.separator();
    ui.label(egui::RichText::new("Personalization").strong());
    for def in offered {
        match &def.kind {
            PersonalKind::Text(spec) => text_ui(ui, view, def, spec, actions),
            PersonalKind::Image(spec) => image_ui(ui, view, def, spec, actions),
        }
    }
}

fn set(view: &PersonalView<'_>, def: &PersonalDef, value: Option<PersonalValue>) -> UiAction {
    UiAction::edit(Edit::SetPersonal {
        id: view.id.clone(),
        personal: def.id.clone(),
        value,
    })
}

fn text_ui(
    ui: &mut egui::Ui,
    view: &PersonalView<'_>,
    def: &PersonalDef,
    spec: &TextSpec,
    actions: &mut Vec<UiAction>,
) {
    let current = match view.personal.get(&def.id) {
        Some(PersonalValue::Text { text, font, colour }) => {
            Some((text.clone(), *font, colour.clone()))
        }
        _ => None,
    };
    let applied = current
        .as_ref()
        .map(|(text, ..)| text.clone())
        .unwrap_or_default();
    let draft_id = egui::Id::new(("personal-draft", view.id.as_str(), def.id.as_str()));
    let mut draft: Draft = ui.data(|data| data.get_temp(draft_id)).unwrap_or_default();
    if draft.applied != applied {
        draft = Draft {
            typed: applied.clone(),
            applied: applied.clone(),
        };
    }
    let font = current.as_ref().map_or(spec.fonts[0], |(_, font, _)| *font);
    let colour = current.as_ref().map_or_else(
        || spec.colours[0].id.clone(),
        |(_, _, colour)| colour.clone(),
    );
    ui.label(format!(
        "{} (up to {} characters, {} line{})",
        def.label,
        spec.max_chars,
        spec.max_lines,
        if spec.max_lines == 1 { "" } else { "s" }
    ));
    let field = if spec.max_lines > 1 {
        egui::TextEdit::multiline(&mut draft.typed).desired_rows(spec.max_lines.min(4) as usize)
    } else {
        egui::TextEdit::singleline(&mut draft.typed)
    };
    let response = ui.add(
        field
            .id(draft_id.with("field"))
            .hint_text("Type the text to engrave"),
    );
    let problem = if draft.typed.trim().is_empty() {
        None
    } else {
        spec.check(&draft.typed).err()
    };
    if response.changed() {
        if draft.typed.trim().is_empty() {
            if current.is_some() {
                actions.push(set(view, def, None));
            }
        } else if problem.is_none() {
            actions.push(set(
                view,
                def,
                Some(PersonalValue::Text {
                    text: draft.typed.clone(),
                    font,
                    colour: colour.clone(),
                }),
            ));
        }
    }
    if let Some(problem) = &problem {
        ui.label(egui::RichText::new(format!("Not applied: {problem}")).color(colours::ERROR));
    }
    ui.horizontal(|ui| {
        let mut chosen_font = font;
        egui::ComboBox::from_id_salt(draft_id.with("font"))
            .selected_text(font.label())
            .show_ui(ui, |ui| {
                for offered in &spec.fonts {
                    ui.selectable_value(&mut chosen_font, *offered, offered.label());
                }
            });
        let mut chosen_colour = colour.clone();
        egui::ComboBox::from_id_salt(draft_id.with("colour"))
            .selected_text(&colour)
            .show_ui(ui, |ui| {
                for named in &spec.colours {
                    ui.selectable_value(&mut chosen_colour, named.id.clone(), &named.id);
                }
            });
        if (chosen_font != font || chosen_colour != colour)
            && let Some((text, ..)) = &current
        {
            actions.push(set(
                view,
                def,
                Some(PersonalValue::Text {
                    text: text.clone(),
                    font: chosen_font,
                    colour: chosen_colour,
                }),
            ));
        }
    });
    if let Some((text, ..)) = &current {
        let value = PersonalValue::Text {
            text: text.clone(),
            font,
            colour: colour.clone(),
        };
        ui.label(
            egui::RichText::new(format!(
                "{}: {}",
                def.label,
                money(def.price_of(&value), view.currency, 2)
            ))
            .color(colours::MUTED),
        );
    }
    ui.data_mut(|data| data.insert_temp(draft_id, draft));
}

#[cfg(test)]
mod tests;
