//! Tests of the configuration engine on a small sofa with a chaise rule and a finish table.

use super::*;
use crate::domain::catalog::Catalog;
use crate::domain::values::ids::ValueId;
use crate::storage::catalog::parse_catalog;
use std::path::Path;

const CATALOG: &str = r#"Catalog(
    id: "t", name: "T", version: "1", currency: "EUR", vat_percent: 19,
    products: [Product(
        id: "sofa", name: "Sofa", category: "Sofas", kind: Floor,
        width: Option("width"), depth: Fixed(950), height: Fixed(820),
        appearance: Shape(shape: Sofa),
        options: [
            Range(id: "width", label: "Width", min: 1800, max: 3000, step: 200, default: 2200),
            Choice(id: "chaise", label: "Chaise", values: [(id: "none", label: "None"), (id: "left", label: "Left")]),
            Choice(id: "frame", label: "Frame", values: [(id: "oak", label: "Oak"), (id: "steel", label: "Steel")]),
            Choice(id: "fabric", label: "Fabric", values: [(id: "wool", label: "Wool"), (id: "leather", label: "Leather")]),
        ],
        rules: [
            Requires(when: Is("chaise", "left"), then: AtLeast("width", 2400), message: "A chaise needs 2400 mm"),
            Table(options: ["frame", "fabric"], rows: [["oak", "wool"], ["oak", "leather"], ["steel", "leather"]], message: "Steel frames come in leather only"),
        ],
        base_price: 1000,
    )],
)"#;

fn catalog() -> Catalog {
    parse_catalog(Path::new("t.ron"), CATALOG).expect("test catalog is valid")
}

fn choice(option: &str, value: &str) -> (OptionId, OptionValue) {
    (
        OptionId::from(option),
        OptionValue::Choice(ValueId::from(value)),
    )
}

fn number(option: &str, value: i64) -> (OptionId, OptionValue) {
    (OptionId::from(option), OptionValue::Number(value))
}

#[test]
fn with_a_chaise_only_widths_from_2400_are_offered() {
    let catalog = catalog();
    let engine = ConfigurationEngine::new(&catalog.products[0]);
    let explicit = Configuration::from([choice("chaise", "left")]);
    let state = engine
        .option_state(&explicit, &OptionId::from("width"))
        .expect("searchable");
    let offered: Vec<OptionValue> = [2400, 2600, 2800, 3000]
        .into_iter()
        .map(OptionValue::Number)
        .collect();
    assert_eq!(state.offered, offered);
    assert_eq!(state.blocked.len(), 3);
    assert_eq!(
        state.blocked[0].messages,
        vec!["A chaise needs 2400 mm".to_owned()]
    );
}

#[test]
fn the_order_of_choices_does_not_matter() {
    let catalog = catalog();
    let engine = ConfigurationEngine::new(&catalog.products[0]);
    // Width first: the chaise is no longer offered, and the width itself stays fully open.
    let narrow = Configuration::from([number("width", 2000)]);
    let chaise = engine
        .option_state(&narrow, &OptionId::from("chaise"))
        .expect("searchable");
    assert_eq!(
        chaise.offered,
        vec![OptionValue::Choice(ValueId::from("none"))]
    );
    let width = engine
        .option_state(&narrow, &OptionId::from("width"))
        .expect("searchable");
    assert_eq!(width.offered.len(), 7);
}

#[test]
fn table_rules_limit_the_other_column() {
    let catalog = catalog();
    let engine = ConfigurationEngine::new(&catalog.products[0]);
    let steel = Configuration::from([choice("frame", "steel")]);
    let fabric = engine
        .option_state(&steel, &OptionId::from("fabric"))
        .expect("searchable");
    assert_eq!(
        fabric.offered,
        vec![OptionValue::Choice(ValueId::from("leather"))]
    );
    assert_eq!(
        fabric.blocked[0].messages,
        vec!["Steel frames come in leather only".to_owned()]
    );
}

#[test]
fn resolving_keeps_choices_and_completes_the_rest_without_dead_ends() {
    let catalog = catalog();
    let engine = ConfigurationEngine::new(&catalog.products[0]);
    let full = engine
        .resolve(&Configuration::from([
            choice("chaise", "left"),
            choice("frame", "steel"),
        ]))
        .expect("completable");
    // The default width 2200 cannot take a chaise, so the first width that can is chosen.
    assert_eq!(
        full.get(&OptionId::from("width")),
        Some(&OptionValue::Number(2400))
    );
    assert_eq!(
        full.get(&OptionId::from("fabric")),
        Some(&OptionValue::Choice(ValueId::from("leather")))
    );
    assert!(
        engine
            .broken_rules(&full)
            .expect("known options")
            .is_empty()
    );
}

#[test]
fn conflicting_choices_are_refused_with_the_rule_messages() {
    let catalog = catalog();
    let engine = ConfigurationEngine::new(&catalog.products[0]);
    let conflict = Configuration::from([choice("chaise", "left"), number("width", 2000)]);
    assert_eq!(
        engine.resolve(&conflict),
        Err(ConfigurationError::Conflict {
            messages: vec!["A chaise needs 2400 mm".to_owned()]
        })
    );
    let (fallback, problems) = engine.resolve_or_defaults(&conflict);
    assert_eq!(fallback.len(), 4);
    assert_eq!(problems, vec!["A chaise needs 2400 mm".to_owned()]);
}

#[test]
fn unknown_options_and_values_are_errors() {
    let catalog = catalog();
    let engine = ConfigurationEngine::new(&catalog.products[0]);
    assert!(matches!(
        engine.resolve(&Configuration::from([number("depth", 900)])),
        Err(ConfigurationError::UnknownOption(_))
    ));
    assert!(matches!(
        engine.resolve(&Configuration::from([number("width", 2100)])),
        Err(ConfigurationError::ValueNotAllowed { .. })
    ));
}

#[test]
fn enumeration_counts_exactly_the_valid_configurations() {
    let catalog = catalog();
    let engine = ConfigurationEngine::new(&catalog.products[0]);
    // Widths 7 × chaise (none: 7, left: 4) = 11; frame×fabric = 3 rows.
    let all = engine.enumerate_valid(10_000).expect("small");
    assert_eq!(all.len(), 11 * 3);
    assert_eq!(engine.enumerate_valid(10), None);
}
