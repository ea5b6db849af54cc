//! Questions the program must ask before going on: discard unsaved changes? recover the work
//! saved automatically before the program last stopped?

use crate::files::DialogAnswer;
use crate::files::Question;
use crate::sidebar::actions::UiAction;
use bevy_egui::egui;

/// Shows the open question, if any, as a modal dialog.
pub fn question_ui(ctx: &egui::Context, question: &Question, actions: &mut Vec<UiAction>) {
    let (title, text, save, proceed, cancel) = match question {
        Question::DiscardChanges { document, .. } => (
            "Unsaved changes",
            format!("{document} has changes that are not saved."),
            Some("Save"),
            "Discard changes",
            "Cancel",
        ),
        Question::ExportWithViolations { count } => (
            "The layout has problems",
            format!(
                "The layout breaks {count} placement rule(s). The quote will list them in a notice.\nExport it anyway?"
            ),
            None,
            "Export anyway",
            "Cancel",
        ),
        Question::Recover { saved_at, original } => (
            "Recover unsaved work?",
            format!(
                "Room Planner stopped with unsaved changes{}.\nA copy was kept automatically {saved_at}.",
                original
                    .as_deref()
                    .map(|name| format!(" to {name}"))
                    .unwrap_or_default()
            ),
            None,
            "Recover",
            "Discard it",
        ),
    };
    egui::Modal::new(egui::Id::new("question")).show(ctx, |ui| {
        ui.set_width(360.0);
        ui.heading(title);
        ui.label(text);
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if let Some(save) = save
                && ui.button(save).clicked()
            {
                actions.push(UiAction::Answer(DialogAnswer::Save));
            }
            if ui.button(proceed).clicked() {
                actions.push(UiAction::Answer(DialogAnswer::Proceed));
            }
            if ui.button(cancel).clicked() {
                actions.push(UiAction::Answer(DialogAnswer::Cancel));
            }
        });
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::files::FileRequested;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    fn answer_to(question: &Question, button: &str) -> Vec<UiAction> {
        let question = question.clone();
        let mut harness = Harness::new_ui_state(
            move |ui, actions: &mut Vec<UiAction>| question_ui(ui.ctx(), &question, actions),
            Vec::new(),
        );
        harness.run();
        harness.get_by_label(button).click();
        harness.run();
        harness.state().clone()
    }

    #[test]
    fn unsaved_changes_offer_save_discard_and_cancel() {
        let question = Question::DiscardChanges {
            document: "Untitled".into(),
            then: FileRequested::Open,
        };
        for (button, answer) in [
            ("Save", DialogAnswer::Save),
            ("Discard changes", DialogAnswer::Proceed),
            ("Cancel", DialogAnswer::Cancel),
        ] {
            assert_eq!(
                answer_to(&question, button),
                vec![UiAction::Answer(answer)],
                "{button}"
            );
        }
    }
}
