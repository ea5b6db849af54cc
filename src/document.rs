//! The layout being edited, as a resource, and the one system that changes it: UI, picking and
//! file dialogs only send [`EditRequested`] (or undo/redo/replace requests); this plugin applies
//! them, keeps the undo history and announces what changed with [`LayoutEdited`].

use crate::AppSystems;
use crate::catalogs::Catalogs;
use crate::notices::Notices;
use bevy::prelude::*;
use room_planner_core::domain::editing::history::History;
use room_planner_core::domain::editing::{Edit, apply_edit};
use room_planner_core::domain::layout::Changes;
use room_planner_core::domain::layout::Layout;
use std::path::PathBuf;

/// Undo steps kept.
const UNDO_LIMIT: usize = 500;

/// The document: the layout, where it is saved, and its undo history.
#[derive(Resource, Debug)]
pub struct Document {
    /// The layout; read it anywhere, change it only through [`EditRequested`].
    pub layout: Layout,
    /// The file it was opened from or last saved to.
    pub path: Option<PathBuf>,
    revision: u64,
    saved_revision: u64,
    history: History,
    /// A gesture (a drag) has recorded its undo step; its further edits join that step.
    gesture_recorded: bool,
}

impl Document {
    /// A document for a layout, unchanged since it was opened.
    #[must_use]
    pub fn new(layout: Layout, path: Option<PathBuf>) -> Self {
        Self {
            layout,
            path,
            revision: 0,
            saved_revision: 0,
            history: History::new(UNDO_LIMIT),
            gesture_recorded: false,
        }
    }

    /// A document for a layout with changes not in any file (recovered work).
    #[must_use]
    pub fn unsaved(layout: Layout, path: Option<PathBuf>) -> Self {
        let mut document = Self::new(layout, path);
        document.revision = 1;
        document
    }

    /// True when there are changes since the last save.
    #[must_use]
    pub fn is_dirty(&self) -> bool {
        self.revision != self.saved_revision
    }

    /// Number of changes applied so far (grows with every edit, undo and redo).
    #[must_use]
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// True when undo has something to undo.
    #[must_use]
    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    /// True when redo has something to redo.
    #[must_use]
    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    /// The file name for the title bar.
    #[must_use]
    pub fn display_name(&self) -> String {
        self.path
            .as_ref()
            .and_then(|path| path.file_name())
            .map_or_else(
                || "Untitled".to_owned(),
                |name| name.to_string_lossy().into_owned(),
            )
    }
}

/// How an edit joins the undo history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gesture {
    /// A complete edit: one undo step.
    Single,
    /// The first edit of a gesture such as a drag: starts an undo step.
    Start,
    /// A further edit of the same gesture: joins the step already started.
    Continue,
}

/// A request to change the layout.
#[derive(Message, Debug, Clone)]
pub struct EditRequested {
    /// The change.
    pub edit: Edit,
    /// How it joins the undo history.
    pub gesture: Gesture,
}

impl EditRequested {
    /// A request forming one undo step.
    #[must_use]
    pub fn single(edit: Edit) -> Self {
        Self {
            edit,
            gesture: Gesture::Single,
        }
    }
}

/// A request to undo the last step.
#[derive(Message, Debug, Clone, Copy, Default)]
pub struct UndoRequested;

/// A request to redo the last undone step.
#[derive(Message, Debug, Clone, Copy, Default)]
pub struct RedoRequested;

/// A request to replace the whole document (new, open, recover); clears the history.
#[derive(Message, Debug, Clone)]
pub struct ReplaceRequested {
    /// The new layout.
    pub layout: Layout,
    /// Its file, if it has one.
    pub path: Option<PathBuf>,
    /// True when the layout is recovered work not yet saved to `path`.
    pub unsaved: bool,
}

/// The layout at `revision` was written to `path` (a fact from the file code).
#[derive(Message, Debug, Clone)]
pub struct LayoutSaved {
    /// Where it was written.
    pub path: PathBuf,
    /// The document revision that was written.
    pub revision: u64,
}

/// The layout changed; `changes` says what, for incremental updates.
#[derive(Message, Debug, Clone)]
pub struct LayoutEdited {
    /// What the edits touched.
    pub changes: Changes,
}

/// The document plugin.
pub(crate) fn plugin(app: &mut App) {
    app.add_message::<EditRequested>()
        .add_message::<UndoRequested>()
        .add_message::<RedoRequested>()
        .add_message::<ReplaceRequested>()
        .add_message::<LayoutEdited>()
        .add_message::<LayoutSaved>()
        .add_systems(Update, apply_requests.in_set(AppSystems::ApplyEdits));
}

/// The only writer of the document.
#[allow(clippy::too_many_arguments)]
fn apply_requests(
    mut document: ResMut<Document>,
    catalogs: Res<Catalogs>,
    mut replacements: MessageReader<ReplaceRequested>,
    mut edits: MessageReader<EditRequested>,
    mut undos: MessageReader<UndoRequested>,
    mut redos: MessageReader<RedoRequested>,
    mut saves: MessageReader<LayoutSaved>,
    mut edited: MessageWriter<LayoutEdited>,
    mut notices: ResMut<Notices>,
) {
    let mut changes = Changes::default();
    for replacement in replacements.read() {
        let (layout, path) = (replacement.layout.clone(), replacement.path.clone());
        *document = if replacement.unsaved {
            Document::unsaved(layout, path)
        } else {
            Document::new(layout, path)
        };
        changes.merge(Changes::all());
    }
    for request in edits.read() {
        let document = &mut *document;
        // A gesture whose first edits were refused starts its undo step at its first
        // accepted edit, so every drag stays undoable.
        if request.gesture != Gesture::Continue {
            document.gesture_recorded = false;
        }
        let joins_step = request.gesture == Gesture::Continue && document.gesture_recorded;
        let before = (!joins_step).then(|| document.layout.clone());
        match apply_edit(&mut document.layout, &catalogs.set, &request.edit) {
            // An edit that changes nothing (a door pushed against its neighbour) leaves the
            // document saved and records no step.
            Ok(applied) if applied.is_empty() => {}
            Ok(applied) => {
                if let Some(before) = before {
                    document.history.record(&before);
                    document.gesture_recorded = request.gesture != Gesture::Single;
                }
                document.revision += 1;
                changes.merge(applied);
            }
            Err(error) => notices.error(format!("That change cannot be made: {error}")),
        }
    }
    for _ in undos.read() {
        let document = &mut *document;
        document.gesture_recorded = false;
        if let Some(undone) = document.history.undo_changes(&mut document.layout) {
            document.revision += 1;
            changes.merge(undone);
        }
    }
    for _ in redos.read() {
        let document = &mut *document;
        document.gesture_recorded = false;
        if let Some(redone) = document.history.redo_changes(&mut document.layout) {
            document.revision += 1;
            changes.merge(redone);
        }
    }
    for saved in saves.read() {
        document.path = Some(saved.path.clone());
        document.saved_revision = saved.revision;
    }
    if !changes.is_empty() {
        edited.write(LayoutEdited { changes });
    }
}
