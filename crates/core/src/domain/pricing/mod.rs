//! Prices and quotes: unit prices (here: base price, option deltas, per-length and per-step
//! pricing, and priced parts from the bill of materials, rounded once to the currency's minor
//! unit), the quote, the live quote, the quote document and the dealer who sends it.

pub mod dealer;
pub mod production;
pub mod quote;
pub mod quote_document;
pub mod quote_live;

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
    /// Non-zero priced parts from the bill of materials.
    pub parts: Vec<PriceComponent>,
    /// Everything added up and rounded to the minor unit.
    pub unit_price: Decimal,
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
    let total = product.base_price
        + options.iter().map(|c| c.amount).sum::<Decimal>()
        + parts.iter().map(|c| c.amount).sum::<Decimal>();
    PriceBreakdown {
        base: product.base_price,
        options,
        parts,
        unit_price: round_money(total, decimals),
    }
}
