//! The live quote: the layout's quote kept current edit by edit. Each product's resolved
//! configuration and price are cached; a move changes no price, and a reconfigured, added or
//! removed product re-prices only the lines it leaves and joins. The quote always equals
//! [`quote_for_layout`](crate::domain::pricing::quote::quote_for_layout)'s.
//!
//! Here: the cache, building it and finding what an edit changed; `lines` keeps the merged lines.

mod lines;

use crate::domain::catalog::Configuration;
use crate::domain::catalog::configuration::{ConfigurationEngine, ResolveMemo};
use crate::domain::catalog::{CatalogSet, Currency, Personalization, Product};
use crate::domain::layout::Changes;
use crate::domain::layout::Layout;
use crate::domain::layout::order;
use crate::domain::pricing::quote::{Quote, QuoteError, sum_lines};
use crate::domain::pricing::{PriceBreakdown, price_breakdown_personal};
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
    /// The personalizations that apply.
    personal: Personalization,
}

/// What openings carry: no personalization.
static NO_PERSONAL: Personalization = Personalization::new();

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
        let mut prices: HashMap<
            &ProductId,
            HashMap<(Configuration, Personalization), PriceBreakdown>,
        > = HashMap::new();
        let mut resolved: Vec<(Source, u64, usize, LineKey, &Product)> = Vec::new();
        let products = layout.products.iter().enumerate().map(|(index, placed)| {
            (
                Source::Product(placed.id.clone()),
                order::initial(index),
                index,
                &placed.product,
                &placed.options,
                placed.discount_percent,
                &placed.personal,
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
                &NO_PERSONAL,
            )
        });
        for (source, order, index, product_id, explicit, discount_percent, personal) in
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
            let personal = product.applied_personal_map(&configuration, personal);
            let key = LineKey {
                product: product.id.clone(),
                configuration,
                discount_percent,
                personal,
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
                .entry((key.configuration.clone(), key.personal.clone()))
                .or_insert_with(|| {
                    price_breakdown_personal(
                        product,
                        &key.configuration,
                        &key.personal,
                        currency.decimals,
                    )
                })
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
            let personal = found
                .product
                .applied_personal_map(&configuration, found.personal);
            let breakdown =
                price_breakdown_personal(found.product, &configuration, &personal, decimals);
            let item = Item {
                key: LineKey {
                    product: found.product.id.clone(),
                    configuration,
                    discount_percent: found.discount_percent,
                    personal,
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
                            &placed.personal,
                        )
                    })
                }
                Source::Opening(id) => {
                    let index = find(&layout.openings, hint, |opening| &opening.id == id)?;
                    let opening = &layout.openings[index];
                    Some((
                        index,
                        &opening.product,
                        &opening.options,
                        Decimal::ZERO,
                        &NO_PERSONAL,
                    ))
                }
            };
            let Some((index, product_id, explicit, discount_percent, personal)) = found else {
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
                personal,
            });
        }
        present.sort_by_key(|found| (matches!(found.source, Source::Opening(_)), found.index));
        (known_after == layout.products.len() + layout.openings.len()).then_some(present)
    }
}

/// A changed element found in the layout.
struct Found<'l> {
    source: Source,
    index: usize,
    product: &'l Product,
    explicit: &'l Configuration,
    discount_percent: Decimal,
    personal: &'l Personalization,
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
