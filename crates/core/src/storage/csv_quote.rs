//! Quote export as CSV for ERP import: UTF-8, RFC 4180 quoting, decimal point, a header row,
//! one `line` record per quote line and one `total` record; the BOM as its own CSV.
//!
//! The last column names the price-table rows a line's unit price is made of, exact amounts
//! per unit: `Upholstery: group D × 2000–2199 mm = 1890.00; Function: Fixed seat = 0.00`.

use crate::domain::pricing::quote::{Quote, QuoteLine};
use rust_decimal::Decimal;

/// Column names of the quote CSV.
pub const QUOTE_HEADER: [&str; 17] = [
    "record",
    "position",
    "sku",
    "product_id",
    "description",
    "quantity",
    "currency",
    "unit_price",
    "discount_percent",
    "amount",
    "quote_discount",
    "net",
    "vat_percent",
    "vat",
    "gross",
    "items",
    "price_tables",
];

/// Amounts with exactly the currency's decimals, e.g. `1299.00`.
fn money(amount: Decimal, decimals: u32) -> String {
    let mut fixed = amount;
    fixed.rescale(decimals);
    fixed.to_string()
}

/// An exact amount with at least the currency's decimals (surcharges may have more).
fn exact(amount: Decimal, decimals: u32) -> String {
    let mut exact = amount.normalize();
    if exact.scale() < decimals {
        exact.rescale(decimals);
    }
    exact.to_string()
}

/// The price-table rows of a line, `label = amount` each, joined by `separator`.
#[must_use]
pub fn price_tables_text(line: &QuoteLine, decimals: u32, separator: &str) -> String {
    let rows: Vec<String> = line
        .breakdown
        .tables
        .iter()
        .map(|row| format!("{} = {}", row.label, exact(row.amount, decimals)))
        .collect();
    rows.join(separator)
}

/// The quote's lines and totals as CSV bytes.
///
/// # Errors
/// Only if the CSV writer fails on memory.
pub fn quote_csv(quote: &Quote) -> Result<Vec<u8>, csv::Error> {
    let decimals = quote.currency.decimals;
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(QUOTE_HEADER)?;
    for line in &quote.lines {
        let items: Vec<&str> = line.instances.iter().map(|id| id.as_str()).collect();
        writer.write_record([
            "line".to_owned(),
            line.position.to_string(),
            line.sku.clone(),
            line.product_id.to_string(),
            line.description(),
            line.quantity.to_string(),
            quote.currency.code.clone(),
            money(line.unit_price, decimals),
            line.discount_percent.normalize().to_string(),
            money(line.amount, decimals),
            money(line.quote_discount, decimals),
            money(line.net, decimals),
            line.vat_percent.normalize().to_string(),
            money(line.vat, decimals),
            money(line.gross, decimals),
            items.join(" "),
            price_tables_text(line, decimals, "; "),
        ])?;
    }
    let totals = &quote.totals;
    writer.write_record([
        "total".to_owned(),
        String::new(),
        String::new(),
        String::new(),
        "Total".to_owned(),
        totals.quantity.to_string(),
        quote.currency.code.clone(),
        String::new(),
        quote.discount_percent.normalize().to_string(),
        money(totals.amount, decimals),
        money(totals.quote_discount, decimals),
        money(totals.net, decimals),
        String::new(),
        money(totals.vat, decimals),
        money(totals.gross, decimals),
        String::new(),
        String::new(),
    ])?;
    writer
        .into_inner()
        .map_err(|error| csv::Error::from(error.into_error()))
}

/// The bill of materials as CSV bytes: part, description, quantity.
///
/// # Errors
/// Only if the CSV writer fails on memory.
pub fn bom_csv(quote: &Quote) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(["part", "description", "quantity"])?;
    for row in &quote.bom {
        writer.write_record([
            row.part.clone(),
            row.description.clone(),
            row.quantity.to_string(),
        ])?;
    }
    writer
        .into_inner()
        .map_err(|error| csv::Error::from(error.into_error()))
}
