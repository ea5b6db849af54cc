//! Pricing by tables keyed on derived values, with hand-computed amounts: seats
//! (`floor(width / 600)`) × a price group derived from the fabric, and a band on a derived
//! length that reads a hidden option.

use crate::domain::catalog::{Catalog, Configuration, OptionValue};
use crate::domain::pricing::price_breakdown;
use crate::storage::catalog::parse_catalog;
use rust_decimal::Decimal;
use std::path::Path;

const SOFA: &str = r#"Catalog(
    id: "t", name: "T", version: "1", currency: "EUR", vat_percent: 19,
    products: [
        Product(
            id: "sofa", name: "Sofa", category: "Sofas", kind: Floor,
            width: Option("width"), depth: Fixed(900), height: Fixed(800),
            appearance: Shape(shape: Sofa),
            options: [
                Range(id: "width", label: "Width", min: 1200, max: 3000, step: 100),
                Choice(id: "fabric", label: "Cover", values: [
                    (id: "cotton", label: "Cotton"),
                    (id: "velvet", label: "Velvet"),
                ]),
                Choice(id: "chaise", label: "Chaise", values: [(id: "none", label: "None"), (id: "left", label: "Left")]),
                Range(id: "chaise_length", label: "Chaise length", min: 1400, max: 1800, step: 200, visible_when: "chaise != none"),
            ],
            derived: [
                (id: "seats", label: "Seats", value: "floor(width / 600)"),
                (id: "price_group", label: "Price group", value: "if(fabric = velvet, 'B', 'A')"),
                (id: "lounge", label: "Lounge length", value: "chaise_length + 100"),
            ],
            base_price: 100,
            prices: [
                Table(label: "Upholstery", keys: [Option("price_group"), Option("seats")],
                      columns: [2, 3, 4, 5],
                      rows: [
                          (["A"], [800, 1100, 1400, 1700]),
                          (["B"], [1000, 1400, 1800, 2200]),
                      ]),
                Table(label: "Chaise", keys: [Band("lounge")], columns: ["1500..1800", "1800..=1900"],
                      rows: [([], [300, 400])]),
            ],
        ),
    ],
)"#;

fn catalog() -> Catalog {
    parse_catalog(Path::new("t.ron"), SOFA).expect("valid")
}

fn configuration(width: i64, fabric: &str, chaise: &str, length: i64) -> Configuration {
    Configuration::from([
        ("width".into(), OptionValue::Number(width)),
        ("fabric".into(), OptionValue::Choice(fabric.into())),
        ("chaise".into(), OptionValue::Choice(chaise.into())),
        ("chaise_length".into(), OptionValue::Number(length)),
    ])
}

fn lines(catalog: &Catalog, configuration: &Configuration) -> (Vec<(String, Decimal)>, Decimal) {
    let breakdown = price_breakdown(&catalog.products[0], configuration, 2);
    let lines = breakdown
        .tables
        .iter()
        .map(|line| (line.label.clone(), line.amount))
        .collect();
    (lines, breakdown.unit_price)
}

#[test]
fn seats_and_a_derived_group_pick_the_row() {
    let catalog = catalog();
    // 2100 / 600 = 3.5, floored: 3 seats; velvet gives group B: 1,400.00. No chaise: the
    // chaise length is hidden, the lounge length has no value and its table adds nothing.
    // 100 base + 1,400 = 1,500.00.
    let (found, unit) = lines(&catalog, &configuration(2100, "velvet", "none", 1600));
    assert_eq!(
        found,
        [("Upholstery: B × 3".to_owned(), Decimal::from(1400))]
    );
    assert_eq!(unit, Decimal::from(1500));
    // 2900 mm: floor(4.83) = 4 seats, cotton is group A: 1,400.00; a left chaise of 1800 mm
    // gives a lounge of 1900, in 1800..=1900: 400.00. 100 + 1,400 + 400 = 1,900.00.
    let (found, unit) = lines(&catalog, &configuration(2900, "cotton", "left", 1800));
    assert_eq!(
        found,
        [
            ("Upholstery: A × 4".to_owned(), Decimal::from(1400)),
            ("Chaise: 1800–1900 mm".to_owned(), Decimal::from(400)),
        ]
    );
    assert_eq!(unit, Decimal::from(1900));
    // 1200 mm is exactly 2 seats; a 1400 mm chaise gives 1500, in 1500..1800: 300.00.
    // 100 + 800 + 300 = 1,200.00.
    let (found, unit) = lines(&catalog, &configuration(1200, "cotton", "left", 1400));
    assert_eq!(
        found,
        [
            ("Upholstery: A × 2".to_owned(), Decimal::from(800)),
            ("Chaise: 1500–1799 mm".to_owned(), Decimal::from(300)),
        ]
    );
    assert_eq!(unit, Decimal::from(1200));
}
