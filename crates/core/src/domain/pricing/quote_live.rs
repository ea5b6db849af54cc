//! The live quote: the layout's quote kept current edit by edit. Each product's resolved
//! configuration and price are cached; a move changes no price, and a reconfigured, added or
//! removed product re-prices only the lines it leaves and joins. The quote always equals
//! [`quote_for_layout`](crate::domain::pricing::quote::quote_for_layout)'s.

use crate::domain::catalog::Configuration;
use crate::domain::catalog::configuration::{ConfigurationEngine, ResolveMemo};
use crate::domain::catalog::{CatalogSet, Currency, Product};
use crate::domain::layout::Changes;
use crate::domain::layout::Layout;
use crate::domain::layout::order;
use crate::domain::pricing::quote::{
    BomRow, Quote, QuoteError, QuoteItem, QuoteLine, price_line, sum_lines,
};
use crate::domain::pricing::{PriceBreakdown, price_breakdown};
use crate::domain::values::ids::{OpeningId, ProductId, ProductInstanceId};
use rust_decimal::Decimal;
use std::collections::{BTreeMap, HashMap};

/// Openings come after every product on the quote; their order numbers start here.
const OPENING_ORDER_BASE: u64 = 1 << 63;

/// A layout element that is priced: a placed product or an opening.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Source {
    Product(ProductInstanceId),
    Opening(OpeningId),
}

impl Source {
    /// The id the quote lists it under.
    fn instance(&self) -> ProductInstanceId {
        match self {
            Source::Product(id) => id.clone(),
            Source::Opening(id) => ProductInstanceId(id.as_str().to_owned()),
        }
    }
}

/// What makes items identical on the quote (discounts compare by value, as when merging).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct LineKey {
    product: ProductId,
    configuration: Configuration,
    discount_percent: Decimal,
}

/// One priced element.
#[derive(Debug, Clone)]
struct Item {
    /// Its own product, configuration and discount as written.
    key: LineKey,
    /// Sorts like its place on the quote.
    order: u64,
    /// Where it was in the layout last time.
    index_hint: usize,
    breakdown: PriceBreakdown,
}

/// Identical items forming one line, by order.
#[derive(Debug, Clone)]
struct Group {
    key: LineKey,
    members: BTreeMap<u64, Source>,
}

impl Group {
    /// How many members sort before `order` (fast for the last place, where adds go).
    fn rank(&self, order: u64) -> usize {
        match self.members.last_key_value() {
            Some((last, _)) if *last < order => self.members.len(),
            Some((last, _)) if *last == order => self.members.len() - 1,
            _ => self.members.range(..order).count(),
        }
    }

    fn first_order(&self) -> Option<u64> {
        self.members.first_key_value().map(|(order, _)| *order)
    }
}

/// A line taken out of the quote while its group changes.
#[derive(Debug, Default)]
struct Taken {
    instances: Vec<ProductInstanceId>,
    old_quantity: u64,
}

/// The quote of a layout, kept current incrementally; a Bevy resource in the planner.
#[derive(Debug, Clone)]
pub struct LiveQuote {
    quote: Quote,
    items: BTreeMap<Source, Item>,
    groups: BTreeMap<u64, Group>,
    group_ids: BTreeMap<LineKey, u64>,
    next_group: u64,
    /// For each quote line: the order of its first item and its group.
    line_meta: Vec<(u64, u64)>,
    bom: BTreeMap<(String, String), u64>,
    /// The last update failed: the next one prices everything again.
    stale: bool,
}

impl LiveQuote {
    /// Prices a whole layout.
    ///
    /// # Errors
    /// As [`quote_for_layout`](crate::domain::pricing::quote::quote_for_layout): a product missing from
    /// the catalogs, or catalogs in different currencies.
    pub fn new(layout: &Layout, catalogs: &CatalogSet) -> Result<Self, QuoteError> {
        let mut currency: Option<&Currency> = None;
        let mut memo = ResolveMemo::default();
        let mut prices: HashMap<&ProductId, HashMap<Configuration, PriceBreakdown>> =
            HashMap::new();
        let mut resolved: Vec<(Source, u64, usize, LineKey, &Product)> = Vec::new();
        let products = layout.products.iter().enumerate().map(|(index, placed)| {
            (
                Source::Product(placed.id.clone()),
                order::initial(index),
                index,
                &placed.product,
                &placed.options,
                placed.discount_percent,
            )
        });
        let openings = layout.openings.iter().enumerate().map(|(index, opening)| {
            (
                Source::Opening(opening.id.clone()),
                opening_order(index),
                index,
                &opening.product,
                &opening.options,
                Decimal::ZERO,
            )
        });
        for (source, order, index, product_id, explicit, discount_percent) in
            products.chain(openings)
        {
            let (catalog, product) = catalogs
                .product(product_id)
                .ok_or_else(|| QuoteError::UnknownProduct(product_id.clone()))?;
            match currency {
                Some(known) if known.code != catalog.currency.code => {
                    return Err(QuoteError::MixedCurrencies(
                        known.code.clone(),
                        catalog.currency.code.clone(),
                    ));
                }
                _ => currency = Some(&catalog.currency),
            }
            let (configuration, _) = memo.resolve(product, explicit);
            let key = LineKey {
                product: product.id.clone(),
                configuration,
                discount_percent,
            };
            resolved.push((source, order, index, key, product));
        }
        let currency = currency
            .cloned()
            .unwrap_or_else(|| fallback_currency(catalogs));
        let mut live = Self {
            quote: Quote {
                currency: currency.clone(),
                discount_percent: layout.quote.discount_percent,
                lines: Vec::new(),
                totals: sum_lines(&[]),
                bom: Vec::new(),
            },
            items: BTreeMap::new(),
            groups: BTreeMap::new(),
            group_ids: BTreeMap::new(),
            next_group: 0,
            line_meta: Vec::new(),
            bom: BTreeMap::new(),
            stale: false,
        };
        let mut taken: BTreeMap<u64, Taken> = BTreeMap::new();
        for (source, order, index, key, product) in resolved {
            let breakdown = prices
                .entry(&product.id)
                .or_default()
                .entry(key.configuration.clone())
                .or_insert_with(|| price_breakdown(product, &key.configuration, currency.decimals))
                .clone();
            let item = Item {
                key,
                order,
                index_hint: index,
                breakdown,
            };
            live.attach(source, item, &mut taken);
        }
        live.put_back(taken, catalogs);
        live.finish(true);
        Ok(live)
    }

    /// Catches up with edits already applied to `layout`; `changes` says what they touched.
    ///
    /// # Errors
    /// As [`LiveQuote::new`]. After an error the next update prices everything again.
    pub fn update(
        &mut self,
        layout: &Layout,
        catalogs: &CatalogSet,
        changes: &Changes,
    ) -> Result<(), QuoteError> {
        if changes.everything
            || self.stale
            || last_item_currency(layout, catalogs).as_ref() != Some(&self.quote.currency)
        {
            return self.rebuild(layout, catalogs);
        }
        let mut sources: Vec<Source> = changes
            .reconfigured
            .iter()
            .chain(&changes.added)
            .chain(&changes.removed)
            .map(|id| Source::Product(id.clone()))
            .collect();
        sources.extend(
            changes
                .openings
                .iter()
                .map(|id| Source::Opening(id.clone())),
        );
        sources.sort();
        sources.dedup();
        let Some(present) = self.locate(layout, catalogs, &sources) else {
            return self.rebuild(layout, catalogs);
        };
        let discount_changed =
            self.quote.discount_percent.serialize() != layout.quote.discount_percent.serialize();
        if sources.is_empty() && !discount_changed {
            // Moves, customer fields: no price changes.
            return Ok(());
        }

        let mut taken: BTreeMap<u64, Taken> = BTreeMap::new();
        let mut previous: BTreeMap<Source, Item> = BTreeMap::new();
        for source in &sources {
            if let Some(item) = self.detach(source, &mut taken) {
                previous.insert(source.clone(), item);
            }
        }
        let new_products: Vec<usize> = present
            .iter()
            .filter(|found| matches!(found.source, Source::Product(_)))
            .filter(|found| !previous.contains_key(&found.source))
            .map(|found| found.index)
            .collect();
        let known = |id: &ProductInstanceId| {
            let source = Source::Product(id.clone());
            self.items
                .get(&source)
                .or_else(|| previous.get(&source))
                .map(|item| item.order)
        };
        let Some(new_orders) = order::assign(&layout.products, &new_products, known) else {
            return self.rebuild(layout, catalogs);
        };
        let mut new_orders = new_products.iter().copied().zip(new_orders);
        let decimals = self.quote.currency.decimals;
        for found in present {
            let order = match (&found.source, previous.get(&found.source)) {
                (Source::Opening(_), _) => opening_order(found.index),
                (Source::Product(_), Some(old)) => old.order,
                (Source::Product(_), None) => match new_orders.next() {
                    Some((index, order)) if index == found.index => order,
                    _ => return self.rebuild(layout, catalogs),
                },
            };
            if order >= OPENING_ORDER_BASE && matches!(found.source, Source::Product(_)) {
                return self.rebuild(layout, catalogs);
            }
            let (configuration, _) =
                ConfigurationEngine::new(found.product).resolve_or_defaults(found.explicit);
            let breakdown = price_breakdown(found.product, &configuration, decimals);
            let item = Item {
                key: LineKey {
                    product: found.product.id.clone(),
                    configuration,
                    discount_percent: found.discount_percent,
                },
                order,
                index_hint: found.index,
                breakdown,
            };
            self.attach(found.source, item, &mut taken);
        }
        if discount_changed {
            self.quote.discount_percent = layout.quote.discount_percent;
        }
        let bom_changed = self.put_back(taken, catalogs);
        if discount_changed {
            self.reprice_all(catalogs);
        }
        self.finish(bom_changed);
        Ok(())
    }

    /// The priced quote.
    #[must_use]
    pub fn quote(&self) -> &Quote {
        &self.quote
    }

    /// How a placed product's unit price is made up.
    #[must_use]
    pub fn breakdown(&self, id: &ProductInstanceId) -> Option<&PriceBreakdown> {
        self.items
            .get(&Source::Product(id.clone()))
            .map(|item| &item.breakdown)
    }

    /// How a door's or window's unit price is made up.
    #[must_use]
    pub fn opening_breakdown(&self, id: &OpeningId) -> Option<&PriceBreakdown> {
        self.items
            .get(&Source::Opening(id.clone()))
            .map(|item| &item.breakdown)
    }

    fn rebuild(&mut self, layout: &Layout, catalogs: &CatalogSet) -> Result<(), QuoteError> {
        match Self::new(layout, catalogs) {
            Ok(fresh) => {
                *self = fresh;
                Ok(())
            }
            Err(error) => {
                self.stale = true;
                Err(error)
            }
        }
    }

    /// Finds the changed elements still in the layout, checking before anything is changed
    /// that they can be priced incrementally: products known to the catalogs in the quote's
    /// currency, and a layout holding exactly the elements known after the change.
    fn locate<'l>(
        &self,
        layout: &'l Layout,
        catalogs: &'l CatalogSet,
        sources: &[Source],
    ) -> Option<Vec<Found<'l>>> {
        let mut present = Vec::new();
        let mut known_after = self.items.len();
        for source in sources {
            let hint = self
                .items
                .get(source)
                .map_or(usize::MAX, |item| item.index_hint);
            known_after -= usize::from(self.items.contains_key(source));
            let found = match source {
                Source::Product(id) => {
                    find(&layout.products, hint, |placed| &placed.id == id).map(|index| {
                        let placed = &layout.products[index];
                        (
                            index,
                            &placed.product,
                            &placed.options,
                            placed.discount_percent,
                        )
                    })
                }
                Source::Opening(id) => {
                    let index = find(&layout.openings, hint, |opening| &opening.id == id)?;
                    let opening = &layout.openings[index];
                    Some((index, &opening.product, &opening.options, Decimal::ZERO))
                }
            };
            let Some((index, product_id, explicit, discount_percent)) = found else {
                continue;
            };
            let (catalog, product) = catalogs.product(product_id)?;
            if catalog.currency.code != self.quote.currency.code {
                return None;
            }
            known_after += 1;
            present.push(Found {
                source: source.clone(),
                index,
                product,
                explicit,
                discount_percent,
            });
        }
        present.sort_by_key(|found| (matches!(found.source, Source::Opening(_)), found.index));
        (known_after == layout.products.len() + layout.openings.len()).then_some(present)
    }

    /// Takes an item off its line; the line leaves the quote until [`LiveQuote::put_back`].
    fn detach(&mut self, source: &Source, taken: &mut BTreeMap<u64, Taken>) -> Option<Item> {
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
    fn attach(&mut self, source: Source, item: Item, taken: &mut BTreeMap<u64, Taken>) {
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
    fn take_line(&mut self, group_id: u64, taken: &mut BTreeMap<u64, Taken>) {
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
    fn put_back(&mut self, taken: BTreeMap<u64, Taken>, catalogs: &CatalogSet) -> bool {
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
    fn price_group(&self, group_id: u64, catalogs: &CatalogSet) -> Option<QuoteLine> {
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
        };
        Some(price_line(
            0,
            &quote_item,
            self.quote.discount_percent,
            self.quote.currency.decimals,
        ))
    }

    /// Re-prices every line (after the quote discount changed).
    fn reprice_all(&mut self, catalogs: &CatalogSet) {
        for index in 0..self.line_meta.len() {
            let (_, group_id) = self.line_meta[index];
            if let Some(mut line) = self.price_group(group_id, catalogs) {
                line.instances = std::mem::take(&mut self.quote.lines[index].instances);
                self.quote.lines[index] = line;
            }
        }
    }

    /// Moves a group's parts in the bill of materials from `old` to `new` products.
    fn add_bom(&mut self, group_id: u64, old: u64, new: u64, catalogs: &CatalogSet) -> bool {
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
    fn finish(&mut self, bom_changed: bool) {
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

/// A changed element found in the layout.
struct Found<'l> {
    source: Source,
    index: usize,
    product: &'l Product,
    explicit: &'l Configuration,
    discount_percent: Decimal,
}

fn opening_order(index: usize) -> u64 {
    OPENING_ORDER_BASE.saturating_add(u64::try_from(index).unwrap_or(u64::MAX))
}

/// Where an element is, looking first where it was last time.
fn find<T>(elements: &[T], hint: usize, matches: impl Fn(&T) -> bool) -> Option<usize> {
    if elements.get(hint).is_some_and(&matches) {
        return Some(hint);
    }
    elements.iter().rposition(matches)
}

/// The currency the batch quote ends up with: the last element's catalog's, or the first
/// catalog's (EUR without catalogs) for an empty layout. `None` when that product is unknown.
fn last_item_currency(layout: &Layout, catalogs: &CatalogSet) -> Option<Currency> {
    let last = layout
        .openings
        .last()
        .map(|opening| &opening.product)
        .or_else(|| layout.products.last().map(|placed| &placed.product));
    match last {
        Some(product) => catalogs
            .product(product)
            .map(|(catalog, _)| catalog.currency.clone()),
        None => Some(fallback_currency(catalogs)),
    }
}

fn fallback_currency(catalogs: &CatalogSet) -> Currency {
    catalogs
        .catalogs
        .first()
        .map(|catalog| catalog.currency.clone())
        .unwrap_or(Currency {
            code: "EUR".into(),
            decimals: 2,
        })
}

#[cfg(test)]
mod tests;
