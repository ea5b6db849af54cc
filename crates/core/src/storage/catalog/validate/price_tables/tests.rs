//! Tests of price groups and price tables: each construct loads, then fails with its message,
//! line and column.

use crate::domain::catalog::{Catalog, KeyCell, PriceCell, PriceKey};
use crate::storage::catalog::parse_catalog;
use crate::storage::error::LoadError;
use std::path::Path;

/// A sofa priced by cover group × width band, with a function surcharge; `{rows}` and the other
/// placeholders are replaced by each test.
const SOFA: &str = r#"Catalog(
    id: "t", name: "T", version: "1", currency: "EUR", vat_percent: 19,
    price_groups: ["COM", "A", "B", "C"],
    products: [
        Product(
            id: "sofa", name: "Sofa", category: "Sofas", kind: Floor,
            width: Option("width"), depth: Fixed(900), height: Fixed(800),
            appearance: Shape(shape: Sofa),
            options: [
                Range(id: "width", label: "Width", min: 1800, max: 2400, step: 200),
                Choice(id: "cover", label: "Cover", values: [
                    (id: "wool", label: "Wool", group: "A"),
                    (id: "velvet", label: "Velvet", group: "C"),
                    (id: "com", label: "Customer's own material", group: "COM"),
                ]),
                Choice(id: "back", label: "Back cover", values: [
                    (id: "same", label: "Same", group: "COM"),
                    (id: "linen", label: "Linen", group: "B"),
                ]),
                Choice(id: "function", label: "Function", values: [
                    (id: "fixed", label: "Fixed seat"),
                    (id: "recline", label: "Power recline"),
                ]),
            ],
            rules: [RULES],
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
                Table(label: "Function", keys: [Option("function")], columns: ["fixed", "recline"],
                      rows: [([], [0, "10%"])]),
            ],
        ),
    ],
)"#;

const KEYS: &str = r#"HighestGroup(["cover", "back"]), Band("width")"#;
const COLUMNS: &str = r#""1800..2000", "2000..2200", "2200..=2400""#;
const ROWS: &str = r#"(["COM"], [500, 600, 700]),
                        (["A"], [1000, 1100, 1200]),
                        (["B"], [1500, 1600, 1700]),
                        (["C"], [2000, 2100, 2200]),"#;

fn catalog_text(keys: &str, columns: &str, rows: &str, rules: &str) -> String {
    SOFA.replace("KEYS", keys)
        .replace("COLUMNS", columns)
        .replace("ROWS", rows)
        .replace("RULES", rules)
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

fn valid() -> String {
    catalog_text(KEYS, COLUMNS, ROWS, "")
}

#[test]
fn a_table_of_highest_group_by_width_band_and_a_percent_table_load() {
    let catalog = load(&valid()).expect("valid");
    let sofa = &catalog.products[0];
    assert_eq!(sofa.prices.len(), 2);
    let upholstery = &sofa.prices[0];
    assert_eq!(upholstery.keys.len(), 2);
    assert!(matches!(&upholstery.keys[0], PriceKey::HighestGroup(slots) if slots.len() == 2));
    assert_eq!(upholstery.rows.len(), 12);
    // The inclusive band 2200..=2400 is stored as 2200..2401.
    assert!(
        matches!(upholstery.rows[2].cells[1], KeyCell::Band(band) if band.from == 2200 && band.to == 2401)
    );
    let function = &sofa.prices[1];
    assert_eq!(function.rows[1].price, PriceCell::Percent(10.into()));
    let cover = sofa.option(&"cover".into()).expect("cover");
    let com = cover
        .choice(&"com".into())
        .and_then(|value| value.group.clone());
    assert_eq!(
        com.map(|group| (group.name, group.rank)),
        Some(("COM".to_owned(), 0))
    );
}

#[test]
fn a_value_naming_an_undeclared_group_is_refused_at_its_group() {
    let text = valid().replace(r#"group: "C"),"#, r#"group: "Z"),"#);
    let (line, column, message) = problem(&text);
    assert_eq!((line, column), position(&text, r#"id: "velvet""#, "group"));
    assert!(
        message.contains(
            "names price group `Z`, which the catalog does not declare (declared: COM, A, B, C)"
        ),
        "{message}"
    );
}

#[test]
fn a_group_declared_twice_is_refused() {
    let text = valid().replace(
        r#"["COM", "A", "B", "C"]"#,
        r#"["COM", "A", "B", "C", "A"]"#,
    );
    let (_, _, message) = problem(&text);
    assert!(
        message.contains("price group `A` is declared twice"),
        "{message}"
    );
}

#[test]
fn a_group_key_on_values_without_groups_is_refused_at_the_option() {
    let text = catalog_text(r#"Group("function"), Band("width")"#, COLUMNS, ROWS, "");
    let (line, column, message) = problem(&text);
    assert_eq!(
        (line, column),
        position(&text, "keys: [Group(", r#""function""#)
    );
    assert!(
        message.contains("value `fixed` of option `function` has no price group"),
        "{message}"
    );
}

#[test]
fn a_band_on_a_choice_and_a_key_naming_no_option_are_refused() {
    let text = catalog_text(r#"Group("cover"), Band("cover")"#, COLUMNS, ROWS, "");
    let (line, column, message) = problem(&text);
    assert_eq!(
        (line, column),
        position(&text, r#"Band("cover")"#, r#""cover""#)
    );
    assert!(
        message.contains("Band(\"cover\") needs a range option"),
        "{message}"
    );
    let text = catalog_text(r#"Group("cover"), Band("length")"#, COLUMNS, ROWS, "");
    let (line, column, message) = problem(&text);
    assert_eq!((line, column), position(&text, "Band(", r#""length""#));
    assert!(
        message.contains("names option `length`, which does not exist"),
        "{message}"
    );
}

#[test]
fn four_keys_are_refused_at_the_table() {
    let keys = r#"Group("cover"), Group("back"), Option("function"), Band("width")"#;
    let text = catalog_text(keys, COLUMNS, ROWS, "");
    let (line, column, message) = problem(&text);
    assert_eq!((line, column), position(&text, "prices:", "label"));
    assert!(
        message.contains("has 4 keys; a table has 1 to 3"),
        "{message}"
    );
}

#[test]
fn bands_with_a_gap_or_an_overlap_are_refused_at_the_later_band() {
    let columns = r#""1800..2000", "2100..2200", "2200..2401""#;
    let text = catalog_text(KEYS, columns, ROWS, "");
    let (line, column, message) = problem(&text);
    assert_eq!(
        (line, column),
        position(&text, "columns:", r#""2100..2200""#)
    );
    assert!(
        message.contains("leave a gap from 2000 to 2099"),
        "{message}"
    );
    let columns = r#""1800..2100", "2000..2200", "2200..2401""#;
    let text = catalog_text(KEYS, columns, ROWS, "");
    let (line, column, message) = problem(&text);
    assert_eq!(
        (line, column),
        position(&text, "columns:", r#""2000..2200""#)
    );
    assert!(message.contains("overlap"), "{message}");
}

#[test]
fn a_band_that_is_not_one_is_refused_at_the_cell() {
    let columns = r#""1800..2000", "2000-2200", "2200..2401""#;
    let text = catalog_text(KEYS, columns, ROWS, "");
    let (line, column, message) = problem(&text);
    assert_eq!(
        (line, column),
        position(&text, "columns:", r#""2000-2200""#)
    );
    assert!(message.contains("`2000-2200` is not a band"), "{message}");
}

#[test]
fn a_row_naming_an_unknown_group_or_with_too_few_prices_is_refused_at_the_row() {
    let rows = ROWS.replace(r#"(["B"]"#, r#"(["D"]"#);
    let text = catalog_text(KEYS, COLUMNS, &rows, "");
    let (line, column, message) = problem(&text);
    assert_eq!((line, column), position(&text, "rows:", r#""D""#));
    assert!(message.contains("`D` is not a price group"), "{message}");
    let rows = ROWS.replace("[1500, 1600, 1700]", "[1500, 1600]");
    let text = catalog_text(KEYS, COLUMNS, &rows, "");
    let (line, column, message) = problem(&text);
    assert_eq!((line, column), position(&text, "rows:", r#""B""#));
    assert!(
        message.contains("has 1 key cells and 2 prices"),
        "{message}"
    );
}

#[test]
fn a_combination_given_twice_is_refused() {
    let rows = ROWS.replace(r#"(["B"]"#, r#"(["A"]"#);
    let text = catalog_text(KEYS, COLUMNS, &rows, "");
    let Err(LoadError::Invalid { problems }) = load(&text) else {
        panic!("accepted")
    };
    assert!(
        problems
            .iter()
            .any(|p| p.message.contains("gives A × 1800..2000 twice")),
        "{problems:?}"
    );
}

#[test]
fn a_price_cell_that_is_not_a_price_is_refused_with_its_position() {
    let rows = ROWS.replace("[1500, 1600, 1700]", r#"[1500, "cheap", 1700]"#);
    let text = catalog_text(KEYS, COLUMNS, &rows, "");
    let (line, column, message) = problem(&text);
    assert_eq!(line, position(&text, "rows:", r#""cheap""#).0);
    assert!(column > 1);
    assert!(message.contains("is not an amount"), "{message}");
}

#[test]
fn a_missing_price_the_configurator_offers_is_refused_naming_the_combination() {
    let rows = ROWS.replace("[500, 600, 700]", r#"[500, 600, "-"]"#);
    let text = catalog_text(KEYS, COLUMNS, &rows, "");
    let (line, column, message) = problem(&text);
    assert_eq!((line, column), position(&text, "prices:", "label"));
    assert!(
        message.contains("price table `Upholstery` has no price for group COM × Width 2200–2400 mm, which the configurator offers (e.g. Cover: Customer's own material, Back cover: Same, Width: 2200 mm)"),
        "{message}"
    );
}

#[test]
fn a_missing_price_the_rules_rule_out_is_accepted() {
    // COM is not made above 2000 mm, so its last cell may stay empty.
    let rows = ROWS.replace("[500, 600, 700]", r#"[500, 600, "-"]"#);
    let rule = r#"Excludes(when: Is("cover", "com"), then: AtLeast("width", 2200), message: "COM up to 2000 mm")"#;
    let text = catalog_text(KEYS, COLUMNS, &rows, rule);
    load(&text).expect("the missing cell is unreachable");
}

#[test]
fn a_width_outside_every_band_is_a_missing_price() {
    let columns = r#""1800..2000", "2000..2200", "2200..2400""#;
    let text = catalog_text(KEYS, columns, ROWS, "");
    let Err(LoadError::Invalid { problems }) = load(&text) else {
        panic!("accepted")
    };
    assert!(
        problems.iter().any(|p| p
            .message
            .contains("has no price for group COM × Width 2400 mm")),
        "{problems:?}"
    );
}
