//! Live constraint checks and prices: kept current from [`LayoutEdited`] messages, updating
//! only what the edit touched (the core's incremental checker and quote), and the names messages
//! give the layout's elements.

use crate::AppSystems;
use crate::catalogs::Catalogs;
use crate::document::{Document, LayoutEdited};
use bevy::prelude::*;
use room_planner_core::domain::constraints::live::LiveChecker;
use room_planner_core::domain::drawing::names::Names;
use room_planner_core::domain::layout::Changes;
use room_planner_core::domain::pricing::quote_live::LiveQuote;

/// Current violations and quote of the document.
#[derive(Resource, Debug)]
pub struct LiveState {
    /// Constraint violations, updated incrementally.
    pub checker: LiveChecker,
    /// The priced quote, or why it cannot be priced.
    pub quote: Result<LiveQuote, String>,
    /// What messages call each element ("the north wall of Living room").
    pub names: Names,
}

impl LiveState {
    /// Checks and prices a document from scratch.
    #[must_use]
    pub fn new(document: &Document, catalogs: &Catalogs) -> Self {
        let checker = LiveChecker::new(&document.layout, &catalogs.set);
        Self {
            names: Names::new(&document.layout, &catalogs.set, checker.structure()),
            checker,
            quote: LiveQuote::new(&document.layout, &catalogs.set)
                .map_err(|error| error.to_string()),
        }
    }
}

/// The live-state plugin.
pub(crate) fn plugin(app: &mut App) {
    app.add_systems(Update, update_live_state.in_set(AppSystems::Live));
}

fn update_live_state(
    mut edited: MessageReader<LayoutEdited>,
    document: Res<Document>,
    catalogs: Res<Catalogs>,
    mut live: ResMut<LiveState>,
) {
    let mut changes = Changes::default();
    for message in edited.read() {
        changes.merge(message.changes.clone());
    }
    if changes.is_empty() {
        return;
    }
    let live = &mut *live;
    live.checker
        .update(&document.layout, &catalogs.set, &changes);
    live.names = Names::new(&document.layout, &catalogs.set, live.checker.structure());
    live.quote = match std::mem::replace(&mut live.quote, Err(String::new())) {
        Ok(mut quote) => match quote.update(&document.layout, &catalogs.set, &changes) {
            Ok(()) => Ok(quote),
            Err(error) => Err(error.to_string()),
        },
        Err(_) => {
            LiveQuote::new(&document.layout, &catalogs.set).map_err(|error| error.to_string())
        }
    };
}
