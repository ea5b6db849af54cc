//! What an edit (or an undo step) touched, so live checks, prices and the 3D scene update only
//! what changed.

use crate::domain::layout::{Layout, PlacedProduct};
use crate::domain::values::ids::{OpeningId, ProductInstanceId};
use std::collections::{BTreeMap, BTreeSet};

/// What an edit touched, so live checks and prices update incrementally.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Changes {
    /// The whole layout was replaced (new, open, recover), or walls, the set of openings or
    /// room names changed.
    pub everything: bool,
    /// Products whose position, rotation or elevation changed, and nothing else.
    pub moved: BTreeSet<ProductInstanceId>,
    /// Products whose options or discount changed (price, maybe size).
    pub reconfigured: BTreeSet<ProductInstanceId>,
    /// Products added.
    pub added: BTreeSet<ProductInstanceId>,
    /// Products removed.
    pub removed: BTreeSet<ProductInstanceId>,
    /// Openings changed in any way.
    pub openings: BTreeSet<OpeningId>,
    /// Customer or quote fields changed.
    pub quote_fields: bool,
}

impl Changes {
    /// Everything changed.
    #[must_use]
    pub fn all() -> Self {
        Self {
            everything: true,
            quote_fields: true,
            ..Self::default()
        }
    }

    /// Adds what another change touched.
    pub fn merge(&mut self, other: Changes) {
        self.everything |= other.everything;
        self.moved.extend(other.moved);
        self.reconfigured.extend(other.reconfigured);
        self.added.extend(other.added);
        self.removed.extend(other.removed);
        self.openings.extend(other.openings);
        self.quote_fields |= other.quote_fields;
    }

    /// True when nothing was touched.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        !self.everything
            && self.moved.is_empty()
            && self.reconfigured.is_empty()
            && self.added.is_empty()
            && self.removed.is_empty()
            && self.openings.is_empty()
            && !self.quote_fields
    }

    /// Every product moved, reconfigured, added or removed.
    #[must_use]
    pub fn touched_products(&self) -> BTreeSet<&ProductInstanceId> {
        self.moved
            .iter()
            .chain(&self.reconfigured)
            .chain(&self.added)
            .chain(&self.removed)
            .collect()
    }

    /// What differs between two versions of a layout (for undo and redo). Walls, catalogs, room
    /// names, the set of openings, duplicate ids or products in a different order count as
    /// everything.
    #[must_use]
    pub fn between(before: &Layout, after: &Layout) -> Changes {
        if before.format_version != after.format_version
            || before.catalogs != after.catalogs
            || before.walls != after.walls
            || before.rooms != after.rooms
            || before.openings.len() != after.openings.len()
        {
            return Changes::all();
        }
        let mut changes = Changes {
            quote_fields: before.customer != after.customer || before.quote != after.quote,
            ..Changes::default()
        };
        for (old, new) in before.openings.iter().zip(&after.openings) {
            if old.id != new.id {
                return Changes::all();
            }
            if old != new {
                changes.openings.insert(new.id.clone());
            }
        }
        let aligned = before.products.len() == after.products.len()
            && before
                .products
                .iter()
                .zip(&after.products)
                .all(|(old, new)| old.id == new.id);
        if aligned {
            for (old, new) in before.products.iter().zip(&after.products) {
                classify(old, new, &mut changes);
            }
            return changes;
        }
        let old_by_id: BTreeMap<&ProductInstanceId, (usize, &PlacedProduct)> = before
            .products
            .iter()
            .enumerate()
            .map(|(index, product)| (&product.id, (index, product)))
            .collect();
        let new_ids: BTreeSet<&ProductInstanceId> =
            after.products.iter().map(|product| &product.id).collect();
        if old_by_id.len() != before.products.len() || new_ids.len() != after.products.len() {
            return Changes::all();
        }
        let mut last_index = None;
        for new in &after.products {
            match old_by_id.get(&new.id) {
                Some((index, old)) => {
                    if last_index.is_some_and(|last| *index < last) {
                        return Changes::all();
                    }
                    last_index = Some(*index);
                    classify(old, new, &mut changes);
                }
                None => {
                    changes.added.insert(new.id.clone());
                }
            }
        }
        for old in &before.products {
            if !new_ids.contains(&old.id) {
                changes.removed.insert(old.id.clone());
            }
        }
        changes
    }
}

/// Files one product present in both versions under `reconfigured`, `moved` or nothing. Discounts
/// compare as written (5 and 5.0 differ), as the quote shows them so.
fn classify(old: &PlacedProduct, new: &PlacedProduct, changes: &mut Changes) {
    if old.product != new.product
        || old.options != new.options
        || old.discount_percent.serialize() != new.discount_percent.serialize()
    {
        changes.reconfigured.insert(new.id.clone());
    } else if old.position != new.position
        || old.rotation.to_bits() != new.rotation.to_bits()
        || old.elevation != new.elevation
    {
        changes.moved.insert(new.id.clone());
    }
}
