//! The window title: the document's name, marked while there are unsaved changes.

use crate::document::Document;
use bevy::prelude::*;
use bevy::window::PrimaryWindow;

/// The title for a document: "Room Planner — showroom.ron *" while there are unsaved changes.
#[must_use]
pub fn title_of(document: &Document) -> String {
    let mark = if document.is_dirty() { " *" } else { "" };
    format!("Room Planner — {}{mark}", document.display_name())
}

/// Keeps the window title current.
pub(crate) fn update_title(
    document: Res<Document>,
    mut windows: Query<&mut Window, With<PrimaryWindow>>,
) {
    if !document.is_changed() {
        return;
    }
    let title = title_of(&document);
    for mut window in &mut windows {
        if window.title != title {
            window.title.clone_from(&title);
        }
    }
}
