//! The engine on expression rules, hidden options and a made-to-measure width in 1 mm steps.

use super::*;
use crate::domain::catalog::Catalog;
use crate::domain::values::ids::ValueId;
use crate::storage::catalog::parse_catalog;
use std::path::Path;
use std::time::Instant;

const CATALOG: &str = r#"Catalog(
    id: "t", name: "T", version: "1", currency: "EUR", vat_percent: 19,
    products: [Product(
        id: "sofa", name: "Sofa", category: "Sofas", kind: Floor,
        width: Option("width"), depth: Fixed(950), height: Fixed(820),
        appearance: Shape(shape: Sofa),
        options: [
            Range(id: "width", label: "Width", min: 1800, max: 3000, step: 1, default: 2200),
            Choice(id: "chaise", label: "Chaise", values: [(id: "none", label: "None"), (id: "left", label: "Left"), (id: "right", label: "Right")]),
            Choice(id: "arm", label: "Arm", values: [(id: "wide", label: "Wide"), (id: "slim", label: "Slim")]),
            Choice(id: "cushion", label: "Chaise cushion", visible_when: "chaise != none", values: [(id: "plain", label: "Plain"), (id: "firm", label: "Firm")]),
        ],
        rules: [
            Requires(when: "chaise = left and width < 2400", then: "arm = slim", message: "A left chaise on a sofa under 2400 mm takes slim arms"),
            Excludes(when: "cushion = firm", then: "width > 2900", message: "Firm cushions are made up to 2900 mm"),
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
fn the_and_rule_blocks_wide_arms_only_for_a_left_chaise_on_a_narrow_sofa() {
    let catalog = catalog();
    let engine = ConfigurationEngine::new(&catalog.products[0]);
    let arm = OptionId::from("arm");
    let narrow_left = Configuration::from([number("width", 2399), choice("chaise", "left")]);
    let state = engine.option_state(&narrow_left, &arm).unwrap();
    assert_eq!(state.offered, vec![choice("arm", "slim").1]);
    assert_eq!(
        state.blocked[0].messages,
        vec!["A left chaise on a sofa under 2400 mm takes slim arms".to_owned()]
    );
    assert_eq!(state.blocked[0].rules, vec![0]);
    let wide_left = Configuration::from([number("width", 2400), choice("chaise", "left")]);
    assert_eq!(
        engine.option_state(&wide_left, &arm).unwrap().offered.len(),
        2
    );
    let narrow_right = Configuration::from([number("width", 1800), choice("chaise", "right")]);
    assert_eq!(
        engine
            .option_state(&narrow_right, &arm)
            .unwrap()
            .offered
            .len(),
        2
    );
    // With wide arms and a left chaise, widths 2400..=3000 are offered: 601 of 1201.
    let wide_arms = Configuration::from([choice("arm", "wide"), choice("chaise", "left")]);
    let width = engine
        .option_state(&wide_arms, &OptionId::from("width"))
        .unwrap();
    assert_eq!(width.offered.len(), 601);
    assert_eq!(width.offered[0], OptionValue::Number(2400));
    assert_eq!(width.blocked.len(), 600);
}

#[test]
fn a_hidden_option_has_no_value_and_keeps_the_choice_for_when_it_shows() {
    let catalog = catalog();
    let product = &catalog.products[0];
    let engine = ConfigurationEngine::new(product);
    let cushion = OptionId::from("cushion");
    // No chaise: the cushion is not shown, has no value and blocks nothing.
    let resolved = engine.resolve(&Configuration::new()).unwrap();
    assert!(!resolved.contains_key(&cushion));
    let state = engine
        .option_state(&Configuration::new(), &cushion)
        .unwrap();
    // Without a chaise chosen, a chaise can still be picked, so both cushions can be had.
    assert_eq!(state.offered.len(), 2);
    let no_chaise = Configuration::from([choice("chaise", "none")]);
    let state = engine.option_state(&no_chaise, &cushion).unwrap();
    assert!(state.offered.is_empty());
    assert_eq!(
        state.blocked[0].messages,
        vec!["Chaise cushion is only offered when chaise != none".to_owned()]
    );
    // The user's firm cushion, kept while the chaise is removed: it neither shows nor limits
    // the width (the rule reading it is satisfied while it is hidden).
    let kept = Configuration::from([choice("chaise", "none"), choice("cushion", "firm")]);
    let resolved = engine.resolve(&kept).unwrap();
    assert!(!resolved.contains_key(&cushion));
    let width = engine
        .option_state(&kept, &OptionId::from("width"))
        .unwrap();
    assert_eq!(width.offered.len(), 1201);
    assert_eq!(product.option_summary(&resolved).len(), 3);
    // With the chaise back, the choice counts again: widths over 2900 are blocked.
    let shown = Configuration::from([choice("chaise", "right"), choice("cushion", "firm")]);
    let resolved = engine.resolve(&shown).unwrap();
    assert_eq!(resolved.get(&cushion), Some(&choice("cushion", "firm").1));
    let width = engine
        .option_state(&shown, &OptionId::from("width"))
        .unwrap();
    assert_eq!(width.offered.len(), 1101);
    // Minimal: without the cushion's visibility it could be hidden and the width free.
    assert_eq!(
        width.blocked[0].messages,
        vec![
            "Firm cushions are made up to 2900 mm".to_owned(),
            "Chaise cushion is only offered when chaise != none".to_owned()
        ]
    );
    let valid = engine.enumerate_valid(100_000).unwrap();
    // No chaise: 1201 widths × 2 arms, no cushion. Left: (600 narrow × slim + 601 × 2 arms)
    // per width-cushion pair, minus firm over 2900. Right: 1201 × 2 arms × plain + 1101 × 2 × firm.
    let none = 1201 * 2;
    let left = (600 + 601 * 2) + (600 + 501 * 2);
    let right = 1201 * 2 + 1101 * 2;
    assert_eq!(valid.len(), none + left + right);
    assert!(valid.iter().all(|c| product.is_valid_shown(c)));
    assert!(valid.iter().all(|c| c.contains_key(&cushion)
        == (c.get(&OptionId::from("chaise")) != Some(&choice("chaise", "none").1))));
}

#[test]
fn a_one_millimetre_range_answers_a_full_panel_fast() {
    let catalog = catalog();
    let engine = ConfigurationEngine::new(&catalog.products[0]);
    let explicit = Configuration::from([choice("chaise", "left"), choice("cushion", "firm")]);
    let started = Instant::now();
    let states = engine.option_states(&explicit).unwrap();
    let elapsed = started.elapsed();
    assert_eq!(states[0].offered.len() + states[0].blocked.len(), 1201);
    assert!(elapsed.as_millis() < 500, "{elapsed:?}");
}
