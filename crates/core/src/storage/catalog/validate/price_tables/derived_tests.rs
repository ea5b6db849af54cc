//! Tests of price-table keys naming derived values: each form loads, then a wrong key or cell is
//! refused with its message, line and column; coverage enumerates the options a derived key
//! depends on.

use crate::domain::catalog::{Catalog, KeyCell, PriceKey};
use crate::storage::catalog::parse_catalog;
use crate::storage::error::LoadError;
use std::path::Path;

/// A sofa priced by seats (`floor(width / 600)`: 2 to 5) × price group (derived from the fabric),
/// plus a chaise table banded by a derived length; `KEYS`, `COLUMNS` and `ROWS` are replaced.
const SOFA: &str = r#"Catalog(
    id: "t", name: "T", version: "1", currency: "EUR", vat_percent: 19,
    price_groups: ["A", "B"],
    products: [
        Product(
            id: "sofa", name: "Sofa", category: "Sofas", kind: Floor,
            width: Option("width"), depth: Fixed(900), height: Fixed(800),
            appearance: Shape(shape: Sofa),
            options: [
                Range(id: "width", label: "Width", min: 1200, max: 3000, step: 600),
                Choice(id: "fabric", label: "Cover", values: [
                    (id: "cotton", label: "Cotton"),
                    (id: "wool", label: "Wool"),
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
                Table(
                    label: "Upholstery",
                    keys: [KEYS],
                    columns: [COLUMNS],
                    rows: [
                        ROWS
                    ],
                ),
                Table(label: "Chaise", keys: [Band("lounge")], columns: ["1500..1800", "1800..=1900"],
                      rows: [([], [300, 400])]),
            ],
        ),
    ],
)"#;

const KEYS: &str = r#"Option("price_group"), Option("seats")"#;
const COLUMNS: &str = "2, 3, 4, 5";
const ROWS: &str = r#"(["A"], [800, 1100, 1400, 1700]),
                        (["B"], [1000, 1400, 1800, 2200]),"#;

fn text(keys: &str, columns: &str, rows: &str) -> String {
    SOFA.replace("KEYS", keys)
        .replace("COLUMNS", columns)
        .replace("ROWS", rows)
}

fn load(text: &str) -> Result<Catalog, LoadError> {
    parse_catalog(Path::new("t.ron"), text)
}

/// The one problem of a refused text: (line, column, message).
fn problem(text: &str) -> (usize, usize, String) {
    match load(text) {
        Ok(_) => panic!("accepted:\n{text}"),
        Err(LoadError::Invalid { problems }) => {
            assert_eq!(problems.len(), 1, "{problems:?}");
            let found = &problems[0];
            (found.line, found.column, found.message.clone())
        }
        Err(other) => panic!("{other}"),
    }
}

/// Line and column (1-based) of the first `needle` in `text`, at or after `after`.
fn position(text: &str, after: &str, needle: &str) -> (usize, usize) {
    let start = text.find(after).expect("anchor in text");
    let offset = start + text[start..].find(needle).expect("needle in text");
    let line = text[..offset].matches('\n').count() + 1;
    let line_start = text[..offset].rfind('\n').map_or(0, |at| at + 1);
    (line, text[line_start..offset].chars().count() + 1)
}

#[test]
fn keys_on_a_derived_name_a_derived_number_and_a_derived_band_load() {
    let catalog = load(&text(KEYS, COLUMNS, ROWS)).expect("valid");
    let sofa = &catalog.products[0];
    let upholstery = &sofa.prices[0];
    assert_eq!(
        upholstery.keys,
        [
            PriceKey::Option("price_group".into()),
            PriceKey::Option("seats".into())
        ]
    );
    assert_eq!(upholstery.rows.len(), 8);
    assert_eq!(
        upholstery.rows[7].cells,
        [KeyCell::Value("B".into()), KeyCell::Number(5)]
    );
    assert_eq!(sofa.prices[1].keys, [PriceKey::Band("lounge".into())]);
}

#[test]
fn a_number_the_derived_value_never_takes_is_refused_at_the_cell() {
    // floor(width / 600) over 1200, 1800, 2400, 3000 gives 2 to 5: never 6.
    let text = text(KEYS, "2, 3, 4, 6", ROWS);
    let (line, column, message) = problem(&text);
    // A number cell is located at its table's `columns` (as for range options).
    assert_eq!(
        (line, column),
        position(&text, r#"label: "Upholstery""#, "columns")
    );
    assert_eq!(
        message,
        "6 is not a value derived value `seats` can take (2, 3, 4, 5)"
    );
}

#[test]
fn a_name_the_derived_value_never_gives_is_refused_at_the_row() {
    let rows = ROWS.replace(r#"(["B"]"#, r#"(["C"]"#);
    let text = text(KEYS, COLUMNS, &rows);
    let (line, column, message) = problem(&text);
    assert_eq!((line, column), position(&text, "rows:", r#""C""#));
    assert_eq!(
        message,
        "`C` is not a name derived value `price_group` gives (A, B)"
    );
}

#[test]
fn a_group_key_or_a_band_on_a_derived_name_is_refused_at_the_key() {
    let text = text(r#"Group("price_group"), Option("seats")"#, COLUMNS, ROWS);
    let (line, column, message) = problem(&text);
    assert_eq!(
        (line, column),
        position(&text, "keys: [Group(", r#""price_group""#)
    );
    assert!(
        message.contains(
            "`price_group` is a derived value: key it with Option(\"price_group\") and write the group names it gives as cells"
        ),
        "{message}"
    );
    let text = text_with_band_on_name();
    let (line, column, message) = problem(&text);
    assert_eq!(
        (line, column),
        position(&text, "keys: [Band(", r#""price_group""#)
    );
    assert_eq!(
        message,
        "Band(\"price_group\") needs a number; derived value `price_group` gives a name: use Option(\"price_group\")"
    );
}

fn text_with_band_on_name() -> String {
    text(r#"Band("price_group"), Option("seats")"#, COLUMNS, ROWS)
}

#[test]
fn a_text_cell_on_a_derived_number_is_refused() {
    let text = text(KEYS, r#"2, 3, 4, "five""#, ROWS);
    let (line, column, message) = problem(&text);
    assert_eq!((line, column), position(&text, "columns: [2", r#""five""#));
    assert_eq!(
        message,
        "`five` is not a number: derived value `seats` gives a number"
    );
}

#[test]
fn coverage_enumerates_the_options_a_derived_key_reads() {
    // Width 3000 gives 5 seats; velvet gives group B: without that cell the configurator
    // offers a sofa the table cannot price.
    let rows = ROWS.replace("[1000, 1400, 1800, 2200]", r#"[1000, 1400, 1800, "-"]"#);
    let text = text(KEYS, COLUMNS, &rows);
    let (line, column, message) = problem(&text);
    assert_eq!((line, column), position(&text, "prices:", "label"));
    assert_eq!(
        message,
        "price table `Upholstery` has no price for Price group B × Seats 5, which the configurator offers (e.g. Cover: Velvet, Width: 3000 mm); add it, or a rule that excludes it"
    );
}

#[test]
fn coverage_of_a_band_on_a_derived_length_reads_the_option_behind_it() {
    // Chaise length 1800 gives a lounge of 1900, outside 1500..1900.
    let text = text(KEYS, COLUMNS, ROWS).replace(r#""1800..=1900""#, r#""1800..1900""#);
    let (line, column, message) = problem(&text);
    assert_eq!(
        (line, column),
        position(&text, "prices:", r#"label: "Chaise""#)
    );
    assert!(
        message.contains("price table `Chaise` has no price for Lounge length 1900"),
        "{message}"
    );
}
