//! Every shipped catalog loads, and on every product the configuration engine agrees with
//! brute-force enumeration of all option combinations: it offers exactly the values that some
//! valid product contains (no dead ends) and resolves to valid products.

use crate::support::shipped_catalogs;
use room_planner::domain::catalog::Configuration;
use room_planner::domain::catalog::configuration::ConfigurationEngine;
use room_planner::domain::catalog::{OptionValue, Product};
use room_planner::domain::values::ids::OptionId;
use std::collections::BTreeSet;

/// Most combinations brute-forced per product.
const MAX_COMBINATIONS: usize = 300_000;

/// Every combination of values; an option with `visible_when` is also tried without a value
/// (hidden).
fn all_combinations(product: &Product) -> Vec<Configuration> {
    let mut combinations = vec![Configuration::new()];
    for def in &product.options {
        let mut values: Vec<Option<OptionValue>> = def.values().into_iter().map(Some).collect();
        if def.visible_when.is_some() {
            values.push(None);
        }
        let mut next = Vec::new();
        for partial in &combinations {
            for value in &values {
                let mut extended = partial.clone();
                if let Some(value) = value {
                    extended.insert(def.id.clone(), value.clone());
                }
                next.push(extended);
            }
        }
        combinations = next;
        assert!(
            combinations.len() <= MAX_COMBINATIONS,
            "{} has too many combinations to brute-force",
            product.id
        );
    }
    combinations
}

/// Every rule holds (one reading a hidden option is satisfied), exactly the options that show
/// have values: checked directly, without the solver.
fn satisfies_rules(product: &Product, configuration: &Configuration) -> bool {
    let value_of = |option: &OptionId| configuration.get(option).cloned();
    product.options.iter().all(|def| {
        def.visible_when
            .as_ref()
            .is_none_or(|condition| condition.holds(value_of))
            == configuration.contains_key(&def.id)
    }) && product.rules.iter().all(|rule| {
        rule.options()
            .iter()
            .any(|option| !configuration.contains_key(option))
            || rule.check(value_of) == Some(true)
    })
}

/// The configuration keeps the explicit choices (but `except`); a choice of a hidden option
/// is kept for when it shows, so the option having no value keeps it too.
fn matches(configuration: &Configuration, explicit: &Configuration, except: &OptionId) -> bool {
    explicit
        .iter()
        .filter(|(option, _)| *option != except)
        .all(|(option, value)| {
            configuration.get(option) == Some(value) || !configuration.contains_key(option)
        })
}

/// Explicit choice sets to test: none, every single choice, and (a sample of) every pair.
fn explicit_choice_sets(product: &Product) -> Vec<Configuration> {
    let singles: Vec<(OptionId, OptionValue)> = product
        .options
        .iter()
        .flat_map(|def| {
            def.values()
                .into_iter()
                .map(|value| (def.id.clone(), value))
        })
        .collect();
    let mut sets = vec![Configuration::new()];
    // Made-to-measure ranges have thousands of values: a sample of the single choices.
    let single_stride = singles.len().div_ceil(300).max(1);
    sets.extend(
        singles
            .iter()
            .step_by(single_stride)
            .map(|single| Configuration::from([single.clone()])),
    );
    let mut pairs = Vec::new();
    for (index, first) in singles.iter().enumerate() {
        for second in &singles[index + 1..] {
            if first.0 != second.0 {
                pairs.push(Configuration::from([first.clone(), second.clone()]));
            }
        }
    }
    let stride = pairs.len().div_ceil(600).max(1);
    sets.extend(pairs.into_iter().step_by(stride));
    sets
}

#[test]
fn every_shipped_catalog_loads_with_a_real_range_of_products() {
    let catalogs = shipped_catalogs();
    assert!(!catalogs.catalogs.is_empty());
    let products: usize = catalogs.catalogs.iter().map(|c| c.products.len()).sum();
    let categories: BTreeSet<&str> = catalogs
        .catalogs
        .iter()
        .flat_map(|c| c.products.iter().map(|p| p.category.as_str()))
        .collect();
    let configurable_with_rules = catalogs
        .catalogs
        .iter()
        .flat_map(|c| &c.products)
        .filter(|p| !p.rules.is_empty())
        .count();
    assert!(products >= 25, "{products} products");
    assert!(categories.len() >= 6, "{categories:?}");
    assert!(
        configurable_with_rules >= 10,
        "{configurable_with_rules} products with rules"
    );
}

#[test]
fn the_engine_agrees_with_exhaustive_enumeration_on_every_shipped_product() {
    let catalogs = shipped_catalogs();
    for product in catalogs.catalogs.iter().flat_map(|c| &c.products) {
        let engine = ConfigurationEngine::new(product);
        let valid: Vec<Configuration> = all_combinations(product)
            .into_iter()
            .filter(|configuration| satisfies_rules(product, configuration))
            .collect();
        assert!(
            !valid.is_empty(),
            "{} has no valid configuration",
            product.id
        );
        let enumerated = engine
            .enumerate_valid(MAX_COMBINATIONS)
            .expect("enumerable");
        assert_eq!(enumerated.len(), valid.len(), "{}: enumeration", product.id);

        for explicit in explicit_choice_sets(product) {
            let extendable = valid
                .iter()
                .any(|c| matches(c, &explicit, &OptionId::from("")));
            match engine.resolve(&explicit) {
                Ok(full) => {
                    assert!(
                        extendable,
                        "{}: resolved {explicit:?} which has no valid product",
                        product.id
                    );
                    assert!(
                        satisfies_rules(product, &full),
                        "{}: resolved to an invalid product",
                        product.id
                    );
                    assert!(
                        matches(&full, &explicit, &OptionId::from("")),
                        "{}: resolve dropped a choice",
                        product.id
                    );
                }
                Err(error) => assert!(!extendable, "{}: refused {explicit:?}: {error}", product.id),
            }
            for def in &product.options {
                let possible: BTreeSet<&OptionValue> = valid
                    .iter()
                    .filter(|c| matches(c, &explicit, &def.id))
                    .filter_map(|c| c.get(&def.id))
                    .collect();
                let truth: Vec<OptionValue> = def
                    .values()
                    .into_iter()
                    .filter(|value| possible.contains(value))
                    .collect();
                let state = engine.option_state(&explicit, &def.id).expect("searchable");
                assert_eq!(
                    state.offered, truth,
                    "{}: offered values of {} given {explicit:?}",
                    product.id, def.id
                );
                for blocked in &state.blocked {
                    assert!(
                        !blocked.messages.is_empty(),
                        "{}: {} = {} is blocked without a message",
                        product.id,
                        def.id,
                        blocked.value
                    );
                }
            }
        }
    }
}

#[test]
fn the_catalog_example_in_the_readme_is_valid() {
    let readme = std::fs::read_to_string(crate::support::root().join("README.md")).expect("README");
    let start = readme.find("```ron\nCatalog(").expect("a catalog example") + "```ron\n".len();
    let end = start + readme[start..].find("```").expect("closed");
    let catalog = room_planner::storage::catalog::parse_catalog(
        std::path::Path::new("README.md"),
        &readme[start..end],
    )
    .unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(catalog.products[0].rules.len(), 3);
}
