//! Current violations keyed by (rule, elements), with an index from each element to its keys,
//! so the violations of one product can be dropped and measured again on their own.

use crate::domain::constraints::{ConstraintRule, Violation};
use crate::domain::values::ids::ElementId;
use std::collections::{BTreeMap, BTreeSet};

/// A violation's rule and elements.
type Key = (ConstraintRule, Vec<ElementId>);

/// The violations found so far, in the order the batch check sorts them.
#[derive(Debug, Clone, Default)]
pub(super) struct ViolationStore {
    /// Violations under each key, sorted and without duplicates.
    by_key: BTreeMap<Key, Vec<Violation>>,
    /// The keys each element appears in.
    by_element: BTreeMap<ElementId, BTreeSet<Key>>,
    count: usize,
}

impl ViolationStore {
    /// Adds a violation; an identical one already stored is kept once.
    pub(super) fn insert(&mut self, violation: Violation) {
        let key = (violation.rule, violation.elements.clone());
        for element in &violation.elements {
            self.by_element
                .entry(element.clone())
                .or_default()
                .insert(key.clone());
        }
        let stored = self.by_key.entry(key).or_default();
        if let Err(position) = stored.binary_search(&violation) {
            stored.insert(position, violation);
            self.count += 1;
        }
    }

    /// Drops every violation the element is involved in.
    pub(super) fn remove_element(&mut self, element: &ElementId) {
        let Some(keys) = self.by_element.remove(element) else {
            return;
        };
        for key in keys {
            for other in key.1.iter().filter(|other| *other != element) {
                if let Some(others) = self.by_element.get_mut(other) {
                    others.remove(&key);
                    if others.is_empty() {
                        self.by_element.remove(other);
                    }
                }
            }
            if let Some(dropped) = self.by_key.remove(&key) {
                self.count -= dropped.len();
            }
        }
    }

    /// Drops the violations of the given rules that list the element first (its own pair
    /// findings and summaries).
    pub(super) fn remove_owned(&mut self, owner: &ElementId, rules: &[ConstraintRule]) {
        let Some(keys) = self.by_element.get(owner) else {
            return;
        };
        let owned: Vec<Key> = keys
            .iter()
            .filter(|(rule, elements)| rules.contains(rule) && elements.first() == Some(owner))
            .cloned()
            .collect();
        for key in owned {
            for element in &key.1 {
                if let Some(keys) = self.by_element.get_mut(element) {
                    keys.remove(&key);
                    if keys.is_empty() {
                        self.by_element.remove(element);
                    }
                }
            }
            if let Some(dropped) = self.by_key.remove(&key) {
                self.count -= dropped.len();
            }
        }
    }

    /// Every violation, sorted by rule, then elements, amount and message.
    pub(super) fn all(&self) -> Vec<Violation> {
        self.by_key.values().flatten().cloned().collect()
    }

    /// How many violations there are.
    pub(super) fn count(&self) -> usize {
        self.count
    }

    /// Every element involved in at least one violation.
    pub(super) fn elements(&self) -> BTreeSet<ElementId> {
        self.by_element.keys().cloned().collect()
    }

    /// The violations an element is involved in, sorted.
    pub(super) fn of(&self, element: &ElementId) -> Vec<Violation> {
        self.by_element
            .get(element)
            .into_iter()
            .flatten()
            .filter_map(|key| self.by_key.get(key))
            .flatten()
            .cloned()
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::values::ids::{ProductInstanceId, WallId};

    fn violation(rule: ConstraintRule, elements: &[ElementId], amount: i64) -> Violation {
        Violation {
            rule,
            elements: elements.to_vec(),
            amount_mm: Some(amount),
            message: format!("{amount}").into(),
        }
    }

    #[test]
    fn violations_come_out_sorted_and_go_with_their_elements() {
        let a = ElementId::Product(ProductInstanceId::from("a"));
        let b = ElementId::Product(ProductInstanceId::from("b"));
        let wall = ElementId::Wall(WallId::from("w"));
        let mut store = ViolationStore::default();
        store.insert(violation(
            ConstraintRule::WallOverlap,
            &[b.clone(), wall.clone()],
            3,
        ));
        store.insert(violation(
            ConstraintRule::ProductOverlap,
            &[a.clone(), b.clone()],
            7,
        ));
        store.insert(violation(
            ConstraintRule::ProductOverlap,
            &[a.clone(), b.clone()],
            7,
        ));
        store.insert(violation(
            ConstraintRule::InsideRoom,
            std::slice::from_ref(&a),
            1,
        ));
        assert_eq!(store.count(), 3);
        let rules: Vec<ConstraintRule> = store.all().iter().map(|v| v.rule).collect();
        assert_eq!(
            rules,
            [
                ConstraintRule::InsideRoom,
                ConstraintRule::ProductOverlap,
                ConstraintRule::WallOverlap
            ]
        );
        assert_eq!(store.of(&b).len(), 2);

        store.remove_element(&a);
        assert_eq!(store.count(), 1);
        assert_eq!(store.elements(), BTreeSet::from([b.clone(), wall]));
        assert_eq!(store.of(&b).len(), 1);
        store.remove_element(&b);
        assert_eq!(store.count(), 0);
        assert!(store.elements().is_empty());
    }
}
