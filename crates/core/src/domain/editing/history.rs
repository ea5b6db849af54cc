//! Undo and redo by snapshots of the whole document: simple, and right for every edit there is
//! or will be. Which edits form one step (a whole drag, say) is the caller's choice: it records
//! a snapshot only at the start of a step.

use crate::domain::layout::Changes;
use crate::domain::layout::Layout;
use std::collections::VecDeque;

/// Undo steps kept by [`History::default`].
pub const DEFAULT_UNDO_LIMIT: usize = 500;

/// Snapshots of the layout before each undo step, and of undone steps for redo.
#[derive(Debug, Clone)]
pub struct History {
    undo: VecDeque<Layout>,
    redo: Vec<Layout>,
    limit: usize,
}

impl Default for History {
    fn default() -> Self {
        Self::new(DEFAULT_UNDO_LIMIT)
    }
}

impl History {
    /// An empty history keeping at most `limit` undo steps (0 keeps none).
    #[must_use]
    pub fn new(limit: usize) -> Self {
        Self {
            undo: VecDeque::new(),
            redo: Vec::new(),
            limit,
        }
    }

    /// Starts an undo step: call with the layout as it was before the step's first edit. Clears
    /// redo and forgets the oldest step beyond the limit.
    pub fn record(&mut self, before: &Layout) {
        self.redo.clear();
        self.push_undo(before.clone());
    }

    /// Goes back one step: `current` becomes the snapshot recorded before it and is kept for
    /// redo. False when there is nothing to undo.
    pub fn undo(&mut self, current: &mut Layout) -> bool {
        self.undo_changes(current).is_some()
    }

    /// Goes forward one undone step. False when there is nothing to redo.
    pub fn redo(&mut self, current: &mut Layout) -> bool {
        self.redo_changes(current).is_some()
    }

    /// As [`History::undo`], saying what changed (for incremental updates of live views).
    pub fn undo_changes(&mut self, current: &mut Layout) -> Option<Changes> {
        let previous = self.undo.pop_back()?;
        let changes = Changes::between(current, &previous);
        self.redo.push(std::mem::replace(current, previous));
        Some(changes)
    }

    /// As [`History::redo`], saying what changed (for incremental updates of live views).
    pub fn redo_changes(&mut self, current: &mut Layout) -> Option<Changes> {
        let next = self.redo.pop()?;
        let changes = Changes::between(current, &next);
        let undone = std::mem::replace(current, next);
        self.push_undo(undone);
        Some(changes)
    }

    /// True when there is a step to undo.
    #[must_use]
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// True when there is a step to redo.
    #[must_use]
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Forgets every step (after opening another layout).
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }

    fn push_undo(&mut self, snapshot: Layout) {
        if self.limit == 0 {
            return;
        }
        self.undo.push_back(snapshot);
        while self.undo.len() > self.limit {
            self.undo.pop_front();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::constraints::test_support::{placed, room};
    use crate::domain::constraints::{LiveChecker, check_layout};
    use crate::domain::editing::apply_edit;
    use crate::domain::editing::strategies::{any_step, document_step, edit_for, showroom};
    use crate::domain::pricing::quote::quote_for_layout;
    use crate::domain::pricing::quote_live::LiveQuote;
    use crate::domain::values::ids::ProductInstanceId;
    use proptest::prelude::*;

    fn with_products(count: usize) -> Layout {
        let mut layout = room();
        for index in 0..count {
            let id = format!("p{index}");
            layout.products.push(placed(&id, "lamp", (1000, 1000), 0.0));
        }
        layout
    }

    #[test]
    fn undo_and_redo_walk_the_recorded_steps() {
        let mut history = History::default();
        assert!(!history.can_undo() && !history.can_redo());
        let mut layout = with_products(0);
        for count in 1..=3 {
            history.record(&layout);
            layout = with_products(count);
        }
        assert!(history.undo(&mut layout));
        assert_eq!(layout, with_products(2));
        let changes = history.undo_changes(&mut layout).expect("a step");
        assert_eq!(layout, with_products(1));
        assert_eq!(
            changes.removed,
            [ProductInstanceId::from("p1")].into_iter().collect()
        );
        assert!(history.can_redo());
        assert!(history.redo(&mut layout));
        assert_eq!(layout, with_products(2));

        // A new step drops what was undone.
        history.record(&layout);
        layout = with_products(5);
        assert!(!history.can_redo());
        assert!(!history.redo(&mut layout));
        assert!(history.undo(&mut layout));
        assert_eq!(layout, with_products(2));
        history.clear();
        assert!(!history.undo(&mut layout));
    }

    #[test]
    fn the_oldest_steps_are_forgotten_beyond_the_limit() {
        let mut history = History::new(2);
        let mut layout = with_products(0);
        for count in 1..=4 {
            history.record(&layout);
            layout = with_products(count);
        }
        assert!(history.undo(&mut layout) && history.undo(&mut layout));
        assert_eq!(layout, with_products(2));
        assert!(!history.undo(&mut layout));

        let mut none = History::new(0);
        none.record(&layout);
        assert!(!none.can_undo());
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        #[test]
        fn undoing_every_step_gives_back_the_original_and_redoing_the_final_layout(
            steps in proptest::collection::vec(any_step(), 1..40)
        ) {
            let (showroom, catalogs) = showroom();
            let mut layout = showroom.clone();
            let mut history = History::new(1000);
            for step in &steps {
                let Some(edit) = edit_for(step, &layout, catalogs) else { continue };
                let before = layout.clone();
                if let Ok(changes) = apply_edit(&mut layout, catalogs, &edit)
                    && !changes.is_empty()
                {
                    history.record(&before);
                }
            }
            let edited = layout.clone();
            // Undo step by step, keeping live views current from what each undo changed.
            let mut checker = LiveChecker::new(&layout, catalogs);
            let mut quote = LiveQuote::new(&layout, catalogs).expect("priced");
            while let Some(changes) = history.undo_changes(&mut layout) {
                checker.update(&layout, catalogs, &changes);
                quote.update(&layout, catalogs, &changes).expect("priced");
                prop_assert_eq!(checker.violations(), check_layout(&layout, catalogs));
                prop_assert_eq!(quote.quote(), &quote_for_layout(&layout, catalogs).expect("priced"));
            }
            prop_assert_eq!(&layout, showroom);
            while history.redo(&mut layout) {}
            prop_assert_eq!(layout, edited);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        #[test]
        fn undoing_any_edits_recorded_as_the_app_does_gives_back_the_original(
            steps in proptest::collection::vec(document_step(), 1..40)
        ) {
            let (showroom, catalogs) = showroom();
            let mut layout = showroom.clone();
            let mut history = History::new(1000);
            let mut applied = 0;
            for step in &steps {
                let Some(edit) = edit_for(step, &layout, catalogs) else { continue };
                let before = layout.clone();
                // As the document's one writer does: a snapshot before every edit applied.
                if apply_edit(&mut layout, catalogs, &edit).is_ok() {
                    history.record(&before);
                    applied += 1;
                } else {
                    prop_assert_eq!(&layout, &before, "a refused {:?} changed the layout", edit);
                }
            }
            let edited = layout.clone();
            let mut undone = 0;
            loop {
                let current = layout.clone();
                let Some(changes) = history.undo_changes(&mut layout) else { break };
                undone += 1;
                if current.walls != layout.walls
                    || current.rooms != layout.rooms
                    || current.openings.len() != layout.openings.len()
                {
                    prop_assert!(changes.everything);
                }
            }
            prop_assert_eq!(undone, applied);
            prop_assert_eq!(&layout, showroom);
            while history.redo(&mut layout) {}
            prop_assert_eq!(layout, edited);
        }
    }
}
