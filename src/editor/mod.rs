//! The editor's shared state, between the product tools (`interaction`) and the plan tools
//! (`plan_edit`): the one selection, the plan tool, who holds the pointer, the pointer helpers,
//! and the keys that act on whatever is selected (Escape, Delete). Both tool modules and the
//! views read it; it imports none of them.

pub mod keys;
pub mod keystrokes;
pub mod pointer;
pub mod selection;
pub mod tool;

use crate::AppSystems;
use bevy::prelude::*;

/// The editor plugin: its resources, the selection keys and the selection's upkeep.
pub(crate) fn plugin(app: &mut App) {
    // The keys are read headless too (tests press them); the input plugin fills them in a window.
    app.init_resource::<ButtonInput<KeyCode>>()
        .init_resource::<keystrokes::Keystrokes>()
        .add_message::<bevy::input::keyboard::KeyboardInput>()
        .add_message::<bevy::input::keyboard::KeyboardFocusLost>()
        .add_systems(
            PreUpdate,
            keystrokes::read_keystrokes.after(bevy::input::InputSystems),
        )
        .init_resource::<selection::Selection>()
        .init_resource::<tool::PlanTool>()
        .init_resource::<tool::WallDefaults>()
        .init_resource::<pointer::PointerCapture>()
        .add_observer(selection::deselect_on_empty_click)
        .add_systems(Update, keys::selection_keys.in_set(AppSystems::Input))
        .add_systems(
            Update,
            (
                selection::nothing_selected_while_drawing,
                selection::forget_deleted_selection,
            )
                .chain()
                .in_set(AppSystems::Highlight),
        );
}
