//! The live quote's lines: identical items merged into one line, a line taken off the quote
//! while its items change and put back in place, re-priced, and the bill of materials kept
//! summed, then the lines numbered and totalled.

use super::{Group, Item, LiveQuote, Source, Taken};
use crate::domain::catalog::CatalogSet;
use crate::domain::pricing::quote::{BomRow, QuoteItem, QuoteLine, price_line, sum_lines};
use std::collections::BTreeMap;

impl LiveQuote {
    /// Takes an item off its line; the line leaves the quote until [`LiveQuote::put_back`].
    pub(super) fn detach(
        &mut self,
        source: &Source,
        taken: &mut BTreeMap<u64, Taken>,
    ) -> Option<Item> {
        let item = self.items.remove(source)?;
        let group_id = *self.group_ids.get(&item.key)?;
        self.take_line(group_id, taken);
        let group = self.groups.get_mut(&group_id)?;
        let rank = group.rank(item.order);
        group.members.remove(&item.order);
        if let Some(line) = taken.get_mut(&group_id)
            && rank < line.instances.len()
        {
            line.instances.remove(rank);
        }
        Some(item)
    }

    /// Puts an item on the line of its identical items (a new line when there is none).
    pub(super) fn attach(&mut self, source: Source, item: Item, taken: &mut BTreeMap<u64, Taken>) {
        let group_id = match self.group_ids.get(&item.key) {
            Some(known) => *known,
            None => {
                let fresh = self.next_group;
                self.next_group += 1;
                self.group_ids.insert(item.key.clone(), fresh);
                self.groups.insert(
                    fresh,
                    Group {
                        key: item.key.clone(),
                        members: BTreeMap::new(),
                    },
                );
                fresh
            }
        };
        self.take_line(group_id, taken);
        if let Some(group) = self.groups.get_mut(&group_id) {
            let rank = group.rank(item.order);
            group.members.insert(item.order, source.clone());
            if let Some(line) = taken.get_mut(&group_id) {
                line.instances.insert(rank, source.instance());
            }
        }
        self.items.insert(source, item);
    }

    /// Takes a group's line out of the quote (once), keeping its instances.
    pub(super) fn take_line(&mut self, group_id: u64, taken: &mut BTreeMap<u64, Taken>) {
        if taken.contains_key(&group_id) {
            return;
        }
        let mut out = Taken::default();
        let first = self.groups.get(&group_id).and_then(Group::first_order);
        if let Some(first) = first
            && let Ok(index) = self
                .line_meta
                .binary_search_by_key(&first, |(order, _)| *order)
        {
            self.line_meta.remove(index);
            let line = self.quote.lines.remove(index);
            out.old_quantity = u64::from(line.quantity);
            out.instances = line.instances;
        }
        taken.insert(group_id, out);
    }

    /// Prices the taken groups' lines and puts them back in order; empty groups are dropped.
    /// Returns whether the bill of materials changed.
    pub(super) fn put_back(&mut self, taken: BTreeMap<u64, Taken>, catalogs: &CatalogSet) -> bool {
        let mut bom_changed = false;
        for (group_id, out) in taken {
            let new_quantity = self
                .groups
                .get(&group_id)
                .map_or(0, |group| group.members.len() as u64);
            bom_changed |= self.add_bom(group_id, out.old_quantity, new_quantity, catalogs);
            let (Some(mut line), Some(first)) = (
                self.price_group(group_id, catalogs),
                self.groups.get(&group_id).and_then(Group::first_order),
            ) else {
                if let Some(group) = self.groups.remove(&group_id) {
                    self.group_ids.remove(&group.key);
                }
                continue;
            };
            line.instances = out.instances;
            let index = self.line_meta.partition_point(|(order, _)| *order < first);
            self.line_meta.insert(index, (first, group_id));
            self.quote.lines.insert(index, line);
        }
        bom_changed
    }

    /// The group's line as the batch quote prices it: from its first item, for all its items.
    pub(super) fn price_group(&self, group_id: u64, catalogs: &CatalogSet) -> Option<QuoteLine> {
        let group = self.groups.get(&group_id)?;
        let (_, first) = group.members.first_key_value()?;
        let item = self.items.get(first)?;
        let (_, product) = catalogs.product(&item.key.product)?;
        let quote_item = QuoteItem {
            product,
            configuration: item.key.configuration.clone(),
            quantity: u32::try_from(group.members.len()).unwrap_or(u32::MAX),
            discount_percent: item.key.discount_percent,
            instances: Vec::new(),
            personal: item.key.personal.clone(),
        };
        Some(price_line(
            0,
            &quote_item,
            self.quote.discount_percent,
            self.quote.currency.decimals,
        ))
    }

    /// Re-prices every line (after the quote discount changed).
    pub(super) fn reprice_all(&mut self, catalogs: &CatalogSet) {
        for index in 0..self.line_meta.len() {
            let (_, group_id) = self.line_meta[index];
            if let Some(mut line) = self.price_group(group_id, catalogs) {
                line.instances = std::mem::take(&mut self.quote.lines[index].instances);
                self.quote.lines[index] = line;
            }
        }
    }

    /// Moves a group's parts in the bill of materials from `old` to `new` products.
    pub(super) fn add_bom(
        &mut self,
        group_id: u64,
        old: u64,
        new: u64,
        catalogs: &CatalogSet,
    ) -> bool {
        if old == new {
            return false;
        }
        let Some(key) = self.groups.get(&group_id).map(|group| group.key.clone()) else {
            return false;
        };
        let Some((_, product)) = catalogs.product(&key.product) else {
            return false;
        };
        let mut changed = false;
        for line in &product.bom {
            let per_product = u64::from(product.bom_quantity(line, &key.configuration));
            if per_product == 0 {
                continue;
            }
            let part = (line.part.clone(), line.description.clone());
            let total = self.bom.entry(part.clone()).or_default();
            *total = total.saturating_sub(per_product * old) + per_product * new;
            if *total == 0 {
                self.bom.remove(&part);
            }
            changed = true;
        }
        changed
    }

    /// Numbers the lines and sums them up.
    pub(super) fn finish(&mut self, bom_changed: bool) {
        for (index, line) in self.quote.lines.iter_mut().enumerate() {
            line.position = index + 1;
        }
        self.quote.totals = sum_lines(&self.quote.lines);
        if bom_changed {
            self.quote.bom = self
                .bom
                .iter()
                .map(|((part, description), quantity)| BomRow {
                    part: part.clone(),
                    description: description.clone(),
                    quantity: *quantity,
                })
                .collect();
        }
    }
}
