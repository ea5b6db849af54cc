//! Tests of line pricing, merging, discounts, VAT and the BOM roll-up.

use super::*;
use crate::domain::catalog::{Catalog, OptionValue};
use crate::domain::pricing::price_breakdown;
use crate::domain::values::ids::{OptionId, ValueId};
use crate::storage::catalog::parse_catalog;
use std::path::Path;
use std::str::FromStr;

const CATALOG: &str = r#"Catalog(
    id: "t", name: "T", version: "1", currency: "EUR", vat_percent: 19,
    products: [
        Product(
            id: "cabinet", name: "Base cabinet", category: "Kitchen", kind: Floor,
            width: Option("width"), depth: Fixed(600), height: Fixed(870),
            appearance: Shape(shape: Cabinet),
            options: [
                Range(id: "width", label: "Width", min: 300, max: 900, step: 150, price_per_step: 35.5, price_per_mm: 0.1),
                Choice(id: "front", label: "Front", values: [(id: "white", label: "White"), (id: "oak", label: "Oak veneer", price: 89.99, code: "OK")]),
            ],
            base_price: 249,
            sku: "BC-{width}-{front}",
            bom: [
                (part: "HINGE", description: "Hinge", quantity: Fixed(2), unit_price: 4.25),
                (part: "SHELF", description: "Shelf", quantity: Steps(option: "width", base: 1, per_step: 0)),
                (part: "HANDLE", description: "Handle", quantity: Fixed(1), when: Is("front", "oak")),
            ],
        ),
        Product(
            id: "book", name: "Planning guide", category: "Service", kind: Floor,
            width: Fixed(150), depth: Fixed(20), height: Fixed(210),
            appearance: Shape(shape: Block), base_price: 9.99, vat_percent: 7,
        ),
    ],
)"#;

fn catalog() -> Catalog {
    parse_catalog(Path::new("t.ron"), CATALOG).expect("test catalog is valid")
}

fn dec(text: &str) -> Decimal {
    Decimal::from_str(text).expect("decimal")
}

fn cabinet_config(width: i64, front: &str) -> Configuration {
    Configuration::from([
        (OptionId::from("width"), OptionValue::Number(width)),
        (
            OptionId::from("front"),
            OptionValue::Choice(ValueId::from(front)),
        ),
    ])
}

fn item<'a>(product: &'a Product, configuration: Configuration, discount: &str) -> QuoteItem<'a> {
    QuoteItem {
        product,
        configuration,
        quantity: 1,
        discount_percent: dec(discount),
        instances: vec![ProductInstanceId::from("x")],
        personal: Personalization::new(),
    }
}

#[test]
fn unit_price_adds_base_options_per_length_and_priced_parts() {
    let catalog = catalog();
    let cabinet = &catalog.products[0];
    // 249 + 2 steps × 35.50 + 300 mm × 0.10 + 89.99 oak + 2 hinges × 4.25 = 448.49
    let breakdown = price_breakdown(cabinet, &cabinet_config(600, "oak"), 2);
    assert_eq!(breakdown.unit_price, dec("448.49"));
    assert_eq!(breakdown.options.len(), 2);
    assert_eq!(cabinet.sku_for(&cabinet_config(600, "oak")), "BC-600-OK");
}

#[test]
fn identical_items_merge_into_one_line_and_different_discounts_do_not() {
    let catalog = catalog();
    let cabinet = &catalog.products[0];
    let currency = catalog.currency.clone();
    let items = vec![
        item(cabinet, cabinet_config(600, "white"), "0"),
        item(cabinet, cabinet_config(600, "white"), "0"),
        item(cabinet, cabinet_config(600, "white"), "10"),
        item(cabinet, cabinet_config(450, "white"), "0"),
    ];
    let quote = build_quote(&items, Decimal::ZERO, &currency);
    assert_eq!(quote.lines.len(), 3);
    assert_eq!(quote.lines[0].quantity, 2);
    assert_eq!(quote.lines[0].instances.len(), 2);
}

#[test]
fn discounts_vat_and_totals_add_up_to_the_cent() {
    let catalog = catalog();
    let (cabinet, book) = (&catalog.products[0], &catalog.products[1]);
    let items = vec![
        item(cabinet, cabinet_config(600, "oak"), "7.5"),
        item(book, Configuration::new(), "0"),
    ];
    let quote = build_quote(&items, dec("3"), &catalog.currency);
    let line = &quote.lines[0];
    // 448.49 less 7.5 % = 414.853... -> 414.85; quote discount 3 % = 12.4455 -> 12.45.
    assert_eq!(line.amount, dec("414.85"));
    assert_eq!(line.quote_discount, dec("12.45"));
    assert_eq!(line.net, dec("402.40"));
    assert_eq!(line.vat, dec("76.46"));
    assert_eq!(line.gross, dec("478.86"));
    let totals = &quote.totals;
    assert_eq!(
        totals.net,
        quote.lines.iter().map(|l| l.net).sum::<Decimal>()
    );
    assert_eq!(totals.gross, totals.net + totals.vat);
    assert_eq!(totals.vat_groups.len(), 2);
    assert_eq!(totals.vat_groups[0].rate_percent, dec("7"));
}

#[test]
fn the_bom_sums_parts_across_lines_and_skips_parts_whose_condition_fails() {
    let catalog = catalog();
    let cabinet = &catalog.products[0];
    let mut two = item(cabinet, cabinet_config(900, "oak"), "0");
    two.quantity = 2;
    let items = vec![two, item(cabinet, cabinet_config(300, "white"), "0")];
    let quote = build_quote(&items, Decimal::ZERO, &catalog.currency);
    let rows: Vec<(&str, u64)> = quote
        .bom
        .iter()
        .map(|r| (r.part.as_str(), r.quantity))
        .collect();
    assert_eq!(rows, vec![("HANDLE", 2), ("HINGE", 6), ("SHELF", 3)]);
}
