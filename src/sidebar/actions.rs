//! What the sidebar asks for: UI functions only push actions; the sidebar system turns them
//! into messages for the document, files and view.

use crate::document::{EditRequested, Gesture};
use crate::files::FileRequested;
use crate::plan_edit::{StructurePick, WallDefaults};
use room_planner_core::domain::editing::Edit;
use room_planner_core::domain::values::ids::{ProductId, ProductInstanceId};
use room_planner_core::domain::values::length_units::LengthUnit;

/// One request from the sidebar.
#[derive(Debug, Clone, PartialEq)]
pub enum UiAction {
    /// Change the layout.
    Edit(Edit, Gesture),
    /// Undo the last step.
    Undo,
    /// Redo the last undone step.
    Redo,
    /// Select a product, or clear the selection.
    Select(Option<ProductInstanceId>),
    /// Select a wall, opening or room, or clear that selection.
    SelectStructure(Option<StructurePick>),
    /// Turn the wall-drawing tool on or off.
    SetDrawing(bool),
    /// Thickness and height for new walls.
    SetWallDefaults(WallDefaults),
    /// The unit for dimensions.
    SetUnit(LengthUnit),
    /// Place a copy of a product beside it.
    Duplicate(ProductInstanceId),
    /// Add a product in the middle of the view.
    Add(ProductId),
    /// A product dragged from the catalog was dropped at a window position (logical px).
    Drop(ProductId, [f32; 2]),
    /// A file command.
    File(FileRequested),
    /// Switch between 3D and plan view.
    ToggleView,
    /// Answer to the open question dialog.
    Answer(DialogAnswer),
}

impl UiAction {
    /// A one-step edit.
    #[must_use]
    pub fn edit(edit: Edit) -> Self {
        UiAction::Edit(edit, Gesture::Single)
    }

    /// The edit request this action stands for, if it is an edit.
    #[must_use]
    pub fn as_edit_request(&self) -> Option<EditRequested> {
        match self {
            UiAction::Edit(edit, gesture) => Some(EditRequested {
                edit: edit.clone(),
                gesture: *gesture,
            }),
            _ => None,
        }
    }
}

/// Answers to the questions the program asks (discard changes, recover work).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DialogAnswer {
    /// Save first, then go on.
    Save,
    /// Go on without saving / use the recovered work.
    Proceed,
    /// Do not go on / throw the recovered work away.
    Cancel,
}
