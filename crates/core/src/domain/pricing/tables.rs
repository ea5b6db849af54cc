//! The price-table lines of a unit price: each table's row for the configuration, amounts as
//! written and percent surcharges worked out on the list price (base price, option prices and
//! every table amount; never on another surcharge or on priced parts, so the order of the
//! tables does not matter).

use crate::domain::catalog::{Configuration, PriceCell, Product};
use crate::domain::pricing::PriceComponent;
use crate::domain::values::money::{grouped_amount, percent_of, round_money};
use rust_decimal::Decimal;

/// One component per table whose keys find a row, in table order. `list_price` is the base
/// price plus the option prices; table amounts are added to it before surcharges are taken.
pub(super) fn table_components(
    product: &Product,
    configuration: &Configuration,
    list_price: Decimal,
    decimals: u32,
) -> Vec<PriceComponent> {
    let used: Vec<_> = product
        .prices
        .iter()
        .filter_map(|table| table.lookup(product, configuration).map(|row| (table, row)))
        .collect();
    let amounts: Decimal = used
        .iter()
        .filter_map(|(_, row)| match row.price {
            PriceCell::Amount(amount) => Some(amount),
            PriceCell::Percent(_) => None,
        })
        .sum();
    let surcharge_base = list_price + amounts;
    used.into_iter()
        .map(|(table, row)| {
            let cells = table.describe(product, row);
            match row.price {
                PriceCell::Amount(amount) => PriceComponent {
                    label: format!("{}: {cells}", table.label),
                    amount,
                },
                PriceCell::Percent(percent) => PriceComponent {
                    label: format!(
                        "{}: {cells} (+{} % of {})",
                        table.label,
                        percent.normalize(),
                        plain_amount(surcharge_base, decimals)
                    ),
                    amount: percent_of(surcharge_base, percent),
                },
            }
        })
        .collect()
}

/// An amount with the currency's decimals and thousands separated by commas, e.g. `3,380.00`.
fn plain_amount(amount: Decimal, decimals: u32) -> String {
    grouped_amount(round_money(amount, decimals), decimals, "-")
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod derived_tests;
