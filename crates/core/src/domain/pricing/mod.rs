//! Prices and quotes: unit prices (here: base price, option deltas, per-length and per-step
//! pricing, the rows of the price tables, and priced parts from the bill of materials, rounded
//! once to the currency's minor unit), the quote, the live quote, the quote document and the
//! dealer who sends it.

pub mod dealer;
pub mod quote;
pub mod quote_document;
pub mod quote_live;
mod tables;

use crate::domain::catalog::Configuration;
use crate::domain::catalog::{OptionValue, Product};
use crate::domain::values::money::round_money;
use rust_decimal::Decimal;

/// One contribution to a unit price.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PriceComponent {
    /// What the amount is for, e.g. `Width: 2400 mm` or `4 × Oak leg`.
    pub label: String,
    /// The amount (unrounded).
    pub amount: Decimal,
}

/// How a unit price is made up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PriceBreakdown {
    /// Base price of the product.
    pub base: Decimal,
    /// Non-zero option contributions, in option order.
    pub options: Vec<PriceComponent>,
    /// The row each price table gives, in table order, e.g.
    /// `Upholstery: group D × 2000–2199 mm` (zero amounts included: the row was used).
    pub tables: Vec<PriceComponent>,
    /// Non-zero priced parts from the bill of materials.
    pub parts: Vec<PriceComponent>,
    /// Everything added up and rounded to the minor unit.
    pub unit_price: Decimal,
}

impl PriceBreakdown {
    /// Every component after the base price, in the order they are shown: options, price
    /// tables, parts.
    pub fn components(&self) -> impl Iterator<Item = &PriceComponent> {
        self.options.iter().chain(&self.tables).chain(&self.parts)
    }

    /// The base price plus every component, before rounding; `unit_price` is its rounding.
    #[must_use]
    pub fn unrounded_total(&self) -> Decimal {
        self.base + self.components().map(|c| c.amount).sum::<Decimal>()
    }
}

/// The price of one product in a full configuration, rounded to `decimals` places.
#[must_use]
pub fn price_breakdown(
    product: &Product,
    configuration: &Configuration,
    decimals: u32,
) -> PriceBreakdown {
    let options: Vec<PriceComponent> = product
        .options
        .iter()
        .filter_map(|def| {
            // A hidden option (its `visible_when` fails) has no value and adds nothing.
            let value: OptionValue = product.value_of(&def.id, configuration)?;
            let amount = def.price_of(&value);
            (!amount.is_zero()).then(|| PriceComponent {
                label: format!("{}: {}", def.label, def.label_of(&value)),
                amount,
            })
        })
        .collect();
    let parts: Vec<PriceComponent> = product
        .bom
        .iter()
        .filter_map(|line| {
            let quantity = product.bom_quantity(line, configuration);
            let amount = line.unit_price * Decimal::from(quantity);
            (!amount.is_zero()).then(|| PriceComponent {
                label: format!("{quantity} × {}", line.description),
                amount,
            })
        })
        .collect();
    let list_price = product.base_price + options.iter().map(|c| c.amount).sum::<Decimal>();
    let tables = tables::table_components(product, configuration, list_price, decimals);
    let mut breakdown = PriceBreakdown {
        base: product.base_price,
        options,
        tables,
        parts,
        unit_price: Decimal::ZERO,
    };
    breakdown.unit_price = round_money(breakdown.unrounded_total(), decimals);
    breakdown
}
