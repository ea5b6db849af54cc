//! The live checker: every violation of a layout kept current edit by edit. A changed product is
//! measured again on its own and against what stands near it (found through R-trees of
//! footprints and of front access zones); a change of openings or of the whole layout measures
//! everything again, as walls and openings are few. Its violations always equal
//! [`check_layout`](super::check_layout)'s.

mod store;

use super::{
    ConstraintRule, Violation, configuration_valid, door_swing_clear, front_clearance, height_fits,
    inside_room, opening_fits_wall, openings_apart, product_overlap, wall_mounted_on_wall,
    wall_overlap,
};
use crate::domain::catalog::CatalogSet;
use crate::domain::catalog::Configuration;
use crate::domain::catalog::configuration::ResolveMemo;
use crate::domain::geometry::rooms::Room;
use crate::domain::geometry::walls::WallGeometry;
use crate::domain::geometry::{Bounds, Indexed, indexed};
use crate::domain::layout::Changes;
use crate::domain::layout::order;
use crate::domain::layout::{Layout, PlacedProduct};
use crate::domain::measured::{ProductPlacement, Structure};
use crate::domain::values::ids::{ElementId, ProductInstanceId};
use rstar::RTree;
use std::collections::{BTreeMap, BTreeSet};
use store::ViolationStore;

/// The rules whose pair findings a product owns with other products: measured again whenever
/// something changes near it.
const OWNED_RULES: [ConstraintRule; 2] = [
    ConstraintRule::ProductOverlap,
    ConstraintRule::FrontClearance,
];

/// One placed product as the checker knows it.
#[derive(Debug, Clone)]
struct Entry {
    placement: ProductPlacement,
    /// The explicit choices the configuration was resolved from.
    explicit: Configuration,
    /// Sorts like the product's position in the layout.
    order: u64,
    /// Where it was in the layout last time: usually still there.
    index_hint: usize,
    bounds: Bounds,
    zone_bounds: Option<Bounds>,
}

impl Entry {
    fn new(placement: ProductPlacement, placed: &PlacedProduct, order: u64, index: usize) -> Self {
        Self {
            bounds: placement.bounds(),
            zone_bounds: placement.front_zone_bounds(),
            placement,
            explicit: placed.options.clone(),
            order,
            index_hint: index,
        }
    }
}

/// Every constraint violation of a layout, kept current incrementally; a Bevy resource in the
/// planner (it owns everything it holds).
#[derive(Debug, Clone)]
pub struct LiveChecker {
    structure: Structure,
    products: BTreeMap<ProductInstanceId, Entry>,
    /// Products whose catalog entry is missing: not checked, as in the batch check.
    unplaced: BTreeSet<ProductInstanceId>,
    footprints: RTree<Indexed<ProductInstanceId>>,
    zones: RTree<Indexed<ProductInstanceId>>,
    violations: ViolationStore,
    /// The layout repeats a product id: ids cannot tell products apart, so every update
    /// measures everything the batch way.
    batch_only: bool,
}

impl LiveChecker {
    /// Measures and checks a whole layout.
    #[must_use]
    pub fn new(layout: &Layout, catalogs: &CatalogSet) -> Self {
        let structure = Structure::new(layout, catalogs);
        let mut memo = ResolveMemo::default();
        let mut products = BTreeMap::new();
        let mut unplaced = BTreeSet::new();
        let mut batch_only = false;
        for (index, placed) in layout.products.iter().enumerate() {
            let repeated = match catalogs.product(&placed.product) {
                Some((_, product)) => {
                    let resolved = memo.resolve(product, &placed.options);
                    let placement = ProductPlacement::with_resolved(placed, product, resolved);
                    let entry = Entry::new(placement, placed, order::initial(index), index);
                    products.insert(placed.id.clone(), entry).is_some()
                        || unplaced.contains(&placed.id)
                }
                None => !unplaced.insert(placed.id.clone()) || products.contains_key(&placed.id),
            };
            batch_only |= repeated;
        }
        let footprints = RTree::bulk_load(
            products
                .iter()
                .map(|(id, entry)| indexed(entry.bounds, id.clone()))
                .collect(),
        );
        let zones = RTree::bulk_load(
            products
                .iter()
                .filter_map(|(id, entry)| Some(indexed(entry.zone_bounds?, id.clone())))
                .collect(),
        );
        let mut checker = Self {
            structure,
            products,
            unplaced,
            footprints,
            zones,
            violations: ViolationStore::default(),
            batch_only,
        };
        if checker.batch_only {
            for violation in super::check_layout(layout, catalogs) {
                checker.violations.insert(violation);
            }
            return checker;
        }
        let mut found = structure_violations(&checker.structure);
        for id in checker.products.keys() {
            found.extend(checker.measure_alone(id));
            found.extend(checker.measure_owned(id));
        }
        for violation in found {
            checker.violations.insert(violation);
        }
        checker
    }

    /// Catches up with edits already applied to `layout`; `changes` says what they touched.
    /// Moved, reconfigured, added and removed products are measured again with their
    /// neighbours; opening changes or `everything` measure the whole layout again.
    pub fn update(&mut self, layout: &Layout, catalogs: &CatalogSet, changes: &Changes) {
        if changes.everything || !changes.openings.is_empty() || self.batch_only {
            *self = Self::new(layout, catalogs);
            return;
        }
        let touched = changes.touched_products();
        if touched.is_empty() {
            return;
        }
        // Products whose own pair findings (overlaps with later products, their access space)
        // may change: those near where a touched product was or now is.
        let mut owners: BTreeSet<ProductInstanceId> = BTreeSet::new();
        for id in &touched {
            if let Some(entry) = self.products.get(*id) {
                owners.extend(self.owners_near(entry.bounds));
            }
        }
        let mut previous: BTreeMap<&ProductInstanceId, Entry> = BTreeMap::new();
        let mut present: Vec<(usize, &PlacedProduct)> = Vec::new();
        for id in touched {
            let entry = self.forget(id);
            let hint = entry.as_ref().map_or(usize::MAX, |entry| entry.index_hint);
            if let Some(entry) = entry {
                previous.insert(id, entry);
            }
            if let Some(index) = find_product(layout, id, hint) {
                present.push((index, &layout.products[index]));
            }
        }
        present.sort_by_key(|(index, _)| *index);
        let Some(orders) = self.orders_for_new(layout, &present, &previous) else {
            *self = Self::new(layout, catalogs);
            return;
        };
        let mut placed_now = Vec::new();
        for (index, placed) in present {
            let Some((_, product)) = catalogs.product(&placed.product) else {
                self.unplaced.insert(placed.id.clone());
                continue;
            };
            let old = previous.get(&placed.id);
            let placement = match old {
                Some(old)
                    if old.explicit == placed.options && old.placement.product_id == product.id =>
                {
                    old.placement.moved_to(placed, product)
                }
                _ => ProductPlacement::new(placed, product),
            };
            let order = old
                .map(|old| old.order)
                .or_else(|| orders.get(&placed.id).copied());
            let Some(order) = order else {
                *self = Self::new(layout, catalogs);
                return;
            };
            self.remember(Entry::new(placement, placed, order, index));
            placed_now.push(placed.id.clone());
        }
        if self.products.len() + self.unplaced.len() != layout.products.len() {
            // The layout holds products the changes did not mention: start again.
            *self = Self::new(layout, catalogs);
            return;
        }
        for id in &placed_now {
            if let Some(entry) = self.products.get(id) {
                owners.extend(self.owners_near(entry.bounds));
            }
        }
        let mut found = Vec::new();
        for id in &placed_now {
            found.extend(self.measure_alone(id));
        }
        for owner in &owners {
            if self.products.contains_key(owner) {
                self.violations
                    .remove_owned(&ElementId::Product(owner.clone()), &OWNED_RULES);
                found.extend(self.measure_owned(owner));
            }
        }
        for violation in found {
            self.violations.insert(violation);
        }
    }

    /// The products whose pair findings can involve something within `bounds`: those whose
    /// footprint or access space meets it.
    fn owners_near(&self, bounds: Bounds) -> Vec<ProductInstanceId> {
        self.footprints
            .locate_in_envelope_intersecting(&bounds)
            .chain(self.zones.locate_in_envelope_intersecting(&bounds))
            .map(|found| found.data.clone())
            .collect()
    }

    /// Every violation, in the order and with the content [`check_layout`](super::check_layout)
    /// gives.
    #[must_use]
    pub fn violations(&self) -> Vec<Violation> {
        self.violations.all()
    }

    /// How many violations there are.
    #[must_use]
    pub fn count(&self) -> usize {
        self.violations.count()
    }

    /// Every wall, opening and product involved in a violation.
    #[must_use]
    pub fn elements_in_violation(&self) -> BTreeSet<ElementId> {
        self.violations.elements()
    }

    /// The violations an element is involved in, sorted.
    #[must_use]
    pub fn violations_of(&self, element: &ElementId) -> Vec<Violation> {
        self.violations.of(element)
    }

    /// A product's resolved configuration, size and footprint.
    #[must_use]
    pub fn product(&self, id: &ProductInstanceId) -> Option<&ProductPlacement> {
        self.products.get(id).map(|entry| &entry.placement)
    }

    /// Every measured product, by id.
    pub fn products(&self) -> impl Iterator<Item = &ProductPlacement> {
        self.products.values().map(|entry| &entry.placement)
    }

    /// The products whose footprint's bounding box meets `bounds`, by id.
    #[must_use]
    pub fn products_touching(&self, bounds: &Bounds) -> Vec<&ProductPlacement> {
        let ids: BTreeSet<&ProductInstanceId> = self
            .footprints
            .locate_in_envelope_intersecting(bounds)
            .map(|entry| &entry.data)
            .collect();
        ids.into_iter().filter_map(|id| self.product(id)).collect()
    }

    /// Rooms formed by the walls, largest first.
    #[must_use]
    pub fn rooms(&self) -> &[Room] {
        &self.structure.rooms
    }

    /// Wall geometry, in layout order.
    #[must_use]
    pub fn walls(&self) -> &[WallGeometry] {
        &self.structure.walls
    }

    /// Walls, rooms and openings as measured (door swings included).
    #[must_use]
    pub fn structure(&self) -> &Structure {
        &self.structure
    }

    /// Removes a product and its violations; returns what was known of it.
    fn forget(&mut self, id: &ProductInstanceId) -> Option<Entry> {
        self.unplaced.remove(id);
        self.violations
            .remove_element(&ElementId::Product(id.clone()));
        let entry = self.products.remove(id)?;
        self.footprints.remove(&indexed(entry.bounds, id.clone()));
        if let Some(zone) = entry.zone_bounds {
            self.zones.remove(&indexed(zone, id.clone()));
        }
        Some(entry)
    }

    fn remember(&mut self, entry: Entry) {
        let id = entry.placement.id.clone();
        self.footprints.insert(indexed(entry.bounds, id.clone()));
        if let Some(zone) = entry.zone_bounds {
            self.zones.insert(indexed(zone, id.clone()));
        }
        self.products.insert(id, entry);
    }

    /// Order numbers for the present products the checker did not know before.
    fn orders_for_new(
        &self,
        layout: &Layout,
        present: &[(usize, &PlacedProduct)],
        previous: &BTreeMap<&ProductInstanceId, Entry>,
    ) -> Option<BTreeMap<ProductInstanceId, u64>> {
        let new: Vec<usize> = present
            .iter()
            .filter(|(_, placed)| !previous.contains_key(&placed.id))
            .map(|(index, _)| *index)
            .collect();
        let known = |id: &ProductInstanceId| {
            self.products
                .get(id)
                .or_else(|| previous.get(id))
                .map(|entry| entry.order)
        };
        let orders = order::assign(&layout.products, &new, known)?;
        Some(
            new.iter()
                .zip(orders)
                .map(|(index, order)| (layout.products[*index].id.clone(), order))
                .collect(),
        )
    }

    /// The violations of one known product on its own and with walls and doors (it owns those
    /// pair findings).
    fn measure_alone(&self, id: &ProductInstanceId) -> Vec<Violation> {
        let Some(entry) = self.products.get(id) else {
            return Vec::new();
        };
        let placement = &entry.placement;
        let structure = &self.structure;
        let mut found = Vec::new();
        found.extend(configuration_valid::product_violation(placement));
        found.extend(inside_room::product_violation(structure, placement));
        found.extend(wall_overlap::product_violations(structure, placement));
        found.extend(wall_mounted_on_wall::product_violation(
            structure, placement,
        ));
        found.extend(height_fits::product_violation(structure, placement));
        let doors = structure.swings_touching(&entry.bounds);
        found.extend(door_swing_clear::product_violations(
            structure, placement, &doors,
        ));
        found
    }

    /// The pair findings a product owns with other products (overlaps with products placed
    /// after it, what stands in its access space, walls included), capped as the batch check
    /// caps them.
    fn measure_owned(&self, id: &ProductInstanceId) -> Vec<Violation> {
        let Some(entry) = self.products.get(id) else {
            return Vec::new();
        };
        let placement = &entry.placement;
        let later = self
            .neighbours(&self.footprints, &entry.bounds, id)
            .filter(|other| other.order > entry.order)
            .filter(|other| product_overlap::overlap(placement, &other.placement))
            .map(|other| (other.order, &other.placement))
            .collect();
        let mut found = product_overlap::owned(placement, later);
        if let Some(zone) = &entry.zone_bounds {
            let near = self
                .neighbours(&self.footprints, zone, id)
                .map(|other| (other.order, &other.placement))
                .collect();
            found.extend(front_clearance::owned_products(placement, near));
        }
        found.extend(front_clearance::wall_violation(&self.structure, placement));
        found
    }

    /// The other products an R-tree holds within `bounds`.
    fn neighbours<'s>(
        &'s self,
        tree: &'s RTree<Indexed<ProductInstanceId>>,
        bounds: &Bounds,
        id: &'s ProductInstanceId,
    ) -> impl Iterator<Item = &'s Entry> + 's {
        tree.locate_in_envelope_intersecting(bounds)
            .filter(move |found| &found.data != id)
            .filter_map(|found| self.products.get(&found.data))
    }
}

/// Violations of walls and openings alone.
fn structure_violations(structure: &Structure) -> Vec<Violation> {
    let mut found: Vec<Violation> = structure
        .openings
        .iter()
        .filter_map(configuration_valid::opening_violation)
        .collect();
    found.extend(opening_fits_wall::structure_violations(structure));
    found.extend(openings_apart::structure_violations(structure));
    found
}

/// Where a product is in the layout, looking first where it was last time.
fn find_product(layout: &Layout, id: &ProductInstanceId, hint: usize) -> Option<usize> {
    if layout
        .products
        .get(hint)
        .is_some_and(|placed| &placed.id == id)
    {
        return Some(hint);
    }
    layout.products.iter().rposition(|placed| &placed.id == id)
}

#[cfg(test)]
mod tests;
