//! What the sidebar asks for: UI functions only push actions; the sidebar system turns them
//! into messages for the document, files and view, and questions for the option panels.

use crate::document::{EditRequested, Gesture};
use crate::editor::selection::Selection;
use crate::editor::tool::WallDefaults;
use crate::files::{DialogAnswer, FileRequested};
use crate::preferences::GraphicsChoice;
use room_planner_core::domain::catalog::{Configuration, OptionValue};
use room_planner_core::domain::editing::Edit;
use room_planner_core::domain::values::ids::{OptionId, ProductId, ProductInstanceId};
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
    /// Select something, or nothing.
    Select(Selection),
    /// Turn the wall-drawing tool on or off.
    SetDrawing(bool),
    /// Thickness and height for new walls.
    SetWallDefaults(WallDefaults),
    /// The unit for dimensions.
    SetUnit(LengthUnit),
    /// How the 3D view is drawn.
    SetGraphics(GraphicsChoice),
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
    /// Fit the view, the customer view, full walls or the grid.
    View(crate::viewport::camera::ViewRequested),
    /// Answer to the open question dialog.
    Answer(DialogAnswer),
    /// Find why these values of a product's options cannot be chosen with these choices.
    ExplainBlocked {
        /// The product.
        product: ProductId,
        /// The user's choices.
        explicit: Configuration,
        /// The options and values pointed at.
        asked: Vec<(OptionId, OptionValue)>,
    },
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
