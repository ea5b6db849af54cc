//! The quote: identical products merged into lines, discounts, VAT and totals, and the bill of
//! materials summed across lines.
//!
//! Rounding rule: every amount is worked out for one unit and rounded to the currency's minor
//! unit (halves away from zero), then multiplied by the quantity. So a line of three equals three
//! lines of one, and every total is exactly the sum of its lines.

use crate::domain::catalog::Configuration;
use crate::domain::catalog::configuration::ResolveMemo;
use crate::domain::catalog::{CatalogSet, Currency, Product};
use crate::domain::catalog::{PersonalValue, Personalization};
use crate::domain::layout::Layout;
use crate::domain::pricing::{PriceBreakdown, price_breakdown_personal};
use crate::domain::values::ids::{ProductId, ProductInstanceId};
use crate::domain::values::money::{percent_of, round_money};
use rust_decimal::Decimal;
use std::collections::{BTreeMap, HashMap};
use thiserror::Error;

/// Why a quote cannot be made.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum QuoteError {
    /// A product is in none of the catalogs.
    #[error("product `{0}` is in none of the loaded catalogs")]
    UnknownProduct(ProductId),
    /// The layout uses catalogs with different currencies.
    #[error("catalogs use different currencies ({0} and {1}); one quote needs one currency")]
    MixedCurrencies(String, String),
}

/// One product (or several identical ones) to put on a quote.
#[derive(Debug, Clone)]
pub struct QuoteItem<'a> {
    /// The catalog product.
    pub product: &'a Product,
    /// Its full configuration.
    pub configuration: Configuration,
    /// How many.
    pub quantity: u32,
    /// Line discount in percent.
    pub discount_percent: Decimal,
    /// The layout elements this item stands for.
    pub instances: Vec<ProductInstanceId>,
    /// Engraved texts and printed images (those that do not apply are ignored).
    pub personal: Personalization,
}

/// A line of the quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteLine {
    /// 1-based position.
    pub position: usize,
    /// Catalog product id.
    pub product_id: ProductId,
    /// Article number.
    pub sku: String,
    /// Product name.
    pub name: String,
    /// Chosen options, "Label: value" each.
    pub options: Vec<String>,
    /// Personalizations that apply, verbatim: `Name plate: “Anna & Tom” (Sans, brass, on the top)`.
    pub personal: Vec<String>,
    /// Printed images of the line, paths relative to the layout's folder (for thumbnails).
    pub images: Vec<String>,
    /// How many.
    pub quantity: u32,
    /// Price of one, before discounts.
    pub unit_price: Decimal,
    /// How the unit price is made up; the quotes name its price-table rows.
    pub breakdown: PriceBreakdown,
    /// Line discount in percent.
    pub discount_percent: Decimal,
    /// Quantity × unit price less the line discount.
    pub amount: Decimal,
    /// This line's share of the whole-quote discount.
    pub quote_discount: Decimal,
    /// Amount less quote discount: the taxable net.
    pub net: Decimal,
    /// VAT rate in percent.
    pub vat_percent: Decimal,
    /// VAT on the net.
    pub vat: Decimal,
    /// Net plus VAT.
    pub gross: Decimal,
    /// Layout elements on this line.
    pub instances: Vec<ProductInstanceId>,
}

impl QuoteLine {
    /// Product name followed by the chosen options.
    #[must_use]
    pub fn description(&self) -> String {
        if self.options.is_empty() && self.personal.is_empty() {
            self.name.clone()
        } else {
            let details: Vec<&str> = self
                .options
                .iter()
                .chain(&self.personal)
                .map(String::as_str)
                .collect();
            format!("{} ({})", self.name, details.join(", "))
        }
    }
}

/// Net and VAT for one VAT rate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VatGroup {
    /// Rate in percent.
    pub rate_percent: Decimal,
    /// Net taxed at this rate.
    pub net: Decimal,
    /// VAT at this rate.
    pub vat: Decimal,
}

/// Sums over all lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteTotals {
    /// Number of items.
    pub quantity: u64,
    /// Sum of line amounts (after line discounts).
    pub amount: Decimal,
    /// Sum of the whole-quote discount.
    pub quote_discount: Decimal,
    /// Taxable net.
    pub net: Decimal,
    /// VAT.
    pub vat: Decimal,
    /// Total to pay.
    pub gross: Decimal,
    /// Net and VAT per rate, lowest rate first.
    pub vat_groups: Vec<VatGroup>,
}

/// A part of the bill of materials, summed across lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BomRow {
    /// Part number.
    pub part: String,
    /// What it is.
    pub description: String,
    /// How many in total.
    pub quantity: u64,
}

/// A priced quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// Currency of every amount.
    pub currency: Currency,
    /// Whole-quote discount in percent.
    pub discount_percent: Decimal,
    /// Lines in order of first appearance.
    pub lines: Vec<QuoteLine>,
    /// Totals.
    pub totals: QuoteTotals,
    /// Parts, sorted by part number.
    pub bom: Vec<BomRow>,
}

/// Prices items into a quote, merging identical ones (same product, configuration and discount).
#[must_use]
pub fn build_quote(
    items: &[QuoteItem<'_>],
    discount_percent: Decimal,
    currency: &Currency,
) -> Quote {
    let decimals = currency.decimals;
    let mut merged: Vec<QuoteItem<'_>> = Vec::new();
    // Where each distinct (product, configuration, discount) went, so merging stays linear.
    let applied: Vec<Personalization> = items
        .iter()
        .map(|item| {
            item.product
                .applied_personal_map(&item.configuration, &item.personal)
        })
        .collect();
    let mut line_of: HashMap<(&ProductId, &Configuration, Decimal, &Personalization), usize> =
        HashMap::new();
    for (item, personal) in items.iter().zip(&applied) {
        let key = (
            &item.product.id,
            &item.configuration,
            item.discount_percent,
            personal,
        );
        match line_of.get(&key).and_then(|index| merged.get_mut(*index)) {
            Some(known) => {
                known.quantity += item.quantity;
                known.instances.extend(item.instances.iter().cloned());
            }
            None => {
                line_of.insert(key, merged.len());
                merged.push(item.clone());
            }
        }
    }
    let lines: Vec<QuoteLine> = merged
        .iter()
        .enumerate()
        .map(|(index, item)| price_line(index + 1, item, discount_percent, decimals))
        .collect();
    let totals = sum_lines(&lines);
    let bom = roll_up_bom(&merged);
    Quote {
        currency: currency.clone(),
        discount_percent,
        lines,
        totals,
        bom,
    }
}

/// Prices one line: `item` stands for `item.quantity` identical products.
pub(crate) fn price_line(
    position: usize,
    item: &QuoteItem<'_>,
    quote_discount_percent: Decimal,
    decimals: u32,
) -> QuoteLine {
    let product = item.product;
    let breakdown =
        price_breakdown_personal(product, &item.configuration, &item.personal, decimals);
    let unit_price = breakdown.unit_price;
    let applied = product.applied_personal(&item.configuration, &item.personal);
    let unit_amount = round_money(
        unit_price - percent_of(unit_price, item.discount_percent),
        decimals,
    );
    let unit_quote_discount =
        round_money(percent_of(unit_amount, quote_discount_percent), decimals);
    let unit_net = unit_amount - unit_quote_discount;
    let unit_vat = round_money(percent_of(unit_net, product.vat_percent), decimals);
    let quantity = Decimal::from(item.quantity);
    QuoteLine {
        position,
        product_id: product.id.clone(),
        sku: product.sku_with(&item.configuration, &item.personal),
        name: product.name.clone(),
        options: product.option_summary(&item.configuration),
        personal: applied
            .iter()
            .map(|(def, value)| def.describe(value))
            .collect(),
        images: applied
            .iter()
            .filter_map(|(_, value)| match value {
                PersonalValue::Image { file } => Some(file.clone()),
                PersonalValue::Text { .. } => None,
            })
            .collect(),
        quantity: item.quantity,
        unit_price,
        breakdown,
        discount_percent: item.discount_percent,
        amount: unit_amount * quantity,
        quote_discount: unit_quote_discount * quantity,
        net: unit_net * quantity,
        vat_percent: product.vat_percent,
        vat: unit_vat * quantity,
        gross: (unit_net + unit_vat) * quantity,
        instances: item.instances.clone(),
    }
}

/// Totals of the lines, with net and VAT per rate.
pub(crate) fn sum_lines(lines: &[QuoteLine]) -> QuoteTotals {
    let mut groups: BTreeMap<Decimal, (Decimal, Decimal)> = BTreeMap::new();
    for line in lines {
        let group = groups.entry(line.vat_percent.normalize()).or_default();
        group.0 += line.net;
        group.1 += line.vat;
    }
    QuoteTotals {
        quantity: lines.iter().map(|line| u64::from(line.quantity)).sum(),
        amount: lines.iter().map(|line| line.amount).sum(),
        quote_discount: lines.iter().map(|line| line.quote_discount).sum(),
        net: lines.iter().map(|line| line.net).sum(),
        vat: lines.iter().map(|line| line.vat).sum(),
        gross: lines.iter().map(|line| line.gross).sum(),
        vat_groups: groups
            .into_iter()
            .map(|(rate_percent, (net, vat))| VatGroup {
                rate_percent,
                net,
                vat,
            })
            .collect(),
    }
}

fn roll_up_bom(items: &[QuoteItem<'_>]) -> Vec<BomRow> {
    let mut parts: BTreeMap<(String, String), u64> = BTreeMap::new();
    for item in items {
        for line in &item.product.bom {
            let per_product = item.product.bom_quantity(line, &item.configuration);
            let quantity = u64::from(per_product) * u64::from(item.quantity);
            if quantity > 0 {
                *parts
                    .entry((line.part.clone(), line.description.clone()))
                    .or_default() += quantity;
            }
        }
    }
    parts
        .into_iter()
        .map(|((part, description), quantity)| BomRow {
            part,
            description,
            quantity,
        })
        .collect()
}

/// The quote for a layout: every placed product, door and window, priced from the catalogs.
///
/// # Errors
/// A product missing from the catalogs, or catalogs in different currencies.
pub fn quote_for_layout(layout: &Layout, catalogs: &CatalogSet) -> Result<Quote, QuoteError> {
    let mut items = Vec::new();
    let mut memo = ResolveMemo::default();
    let mut currency: Option<&Currency> = None;
    let placed = layout.products.iter().map(|p| {
        (
            &p.product,
            &p.options,
            p.discount_percent,
            p.id.clone(),
            &p.personal,
        )
    });
    let no_personal = Personalization::new();
    let openings = layout.openings.iter().map(|o| {
        (
            &o.product,
            &o.options,
            Decimal::ZERO,
            ProductInstanceId(o.id.as_str().to_owned()),
            &no_personal,
        )
    });
    for (product_id, explicit, discount_percent, instance, personal) in placed.chain(openings) {
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
        items.push(QuoteItem {
            product,
            configuration,
            quantity: 1,
            discount_percent,
            instances: vec![instance],
            personal,
        });
    }
    let currency = currency.cloned().unwrap_or_else(|| {
        catalogs
            .catalogs
            .first()
            .map(|catalog| catalog.currency.clone())
            .unwrap_or(Currency {
                code: "EUR".into(),
                decimals: 2,
            })
    });
    Ok(build_quote(
        &items,
        layout.quote.discount_percent,
        &currency,
    ))
}

#[cfg(test)]
mod tests;
