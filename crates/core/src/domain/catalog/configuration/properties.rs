//! The engine held against plain enumeration on random small products: offered values,
//! completions, resolution (most defaults kept) and minimal explanations.

use super::sample::{SampleKind, SampleRng, SampleShape, sample_product};
use super::sample_expressions::add_expressions;
use super::{BlockedValue, ConfigurationEngine, ConfigurationError};
use crate::domain::catalog::Configuration;
use crate::domain::catalog::{OptionValue, Product, Rule};
use crate::domain::values::ids::OptionId;
use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use std::cell::Cell;

/// Every complete configuration satisfying the rules whose index `active` accepts (indices
/// past the product's rules are the visibility conditions, in option order): hidden options
/// have no value; an option whose visibility condition is not active may show or not.
fn valid_with(product: &Product, active: &dyn Fn(usize) -> bool) -> Vec<Configuration> {
    let mut all = vec![Configuration::new()];
    for def in &product.options {
        let mut values: Vec<Option<OptionValue>> = def.values().into_iter().map(Some).collect();
        if def.visible_when.is_some() {
            values.push(None);
        }
        all = all
            .into_iter()
            .flat_map(|partial| {
                values.clone().into_iter().map(move |value| {
                    let mut next = partial.clone();
                    if let Some(value) = value {
                        next.insert(def.id.clone(), value);
                    }
                    next
                })
            })
            .collect();
    }
    let rule_count = product.rules.len();
    all.into_iter()
        .filter(|full| {
            let value_of = |option: &OptionId| full.get(option).cloned();
            let mut gated = 0;
            let shows_right = product.options.iter().all(|def| match &def.visible_when {
                None => full.contains_key(&def.id),
                Some(condition) => {
                    gated += 1;
                    !active(rule_count + gated - 1)
                        || condition.holds(value_of) == full.contains_key(&def.id)
                }
            });
            shows_right
                && product
                    .rules
                    .iter()
                    .enumerate()
                    .all(|(index, rule): (usize, &Rule)| {
                        !active(index)
                            || rule
                                .options()
                                .iter()
                                .any(|option| !full.contains_key(option))
                            || rule.check(value_of) == Some(true)
                    })
        })
        .collect()
}

/// Whether a complete configuration keeps the user's choices; a choice of a hidden option is
/// kept for when it shows, so it is met by the option having no value too.
fn agrees(full: &Configuration, partial: &Configuration, product: &Product) -> bool {
    partial.iter().all(|(option, value)| {
        full.get(option) == Some(value)
            || (!full.contains_key(option)
                && product
                    .option(option)
                    .is_some_and(|def| def.visible_when.is_some()))
    })
}

fn random_choices(product: &Product, rng: &mut SampleRng) -> Configuration {
    let mut choices = Configuration::new();
    for def in &product.options {
        if rng.chance(35) {
            let values = def.values();
            choices.insert(def.id.clone(), values[rng.below(values.len())].clone());
        }
    }
    choices
}

#[derive(Default)]
struct Counts {
    cases: Cell<usize>,
    blocked: Cell<usize>,
    with_choices: Cell<usize>,
    conflicts: Cell<usize>,
    moved_defaults: Cell<usize>,
    asked: Cell<usize>,
    with_expressions: Cell<usize>,
}

/// `blocked`'s rules forbid its value with the user's other choices and each is needed; the
/// choices it names are enough with those rules, and each of them is needed.
fn check_explanation(
    product: &Product,
    option: &OptionId,
    others: &Configuration,
    blocked: &BlockedValue,
    counts: &Counts,
) -> Result<(), TestCaseError> {
    prop_assert!(!blocked.rules.is_empty() && !blocked.messages.is_empty());
    let mut asked = others.clone();
    asked.insert(option.clone(), blocked.value.clone());
    let completable = |rules: &[usize], choices: &Configuration| {
        valid_with(product, &|rule| rules.contains(&rule))
            .iter()
            .any(|c| agrees(c, choices, product) && c.get(option) == Some(&blocked.value))
    };
    prop_assert!(
        !completable(&blocked.rules, &asked),
        "rules {:?} do not forbid {} = {}",
        blocked.rules,
        option,
        blocked.value
    );
    for dropped in &blocked.rules {
        let fewer: Vec<usize> = blocked
            .rules
            .iter()
            .copied()
            .filter(|r| r != dropped)
            .collect();
        prop_assert!(
            completable(&fewer, &asked),
            "rule {} is not needed to forbid {} = {}",
            dropped,
            option,
            blocked.value
        );
    }
    let mut named: Configuration = blocked.because_of.iter().cloned().collect();
    named.insert(option.clone(), blocked.value.clone());
    prop_assert!(
        !completable(&blocked.rules, &named),
        "choices named are not enough"
    );
    for (other, _) in &blocked.because_of {
        let mut fewer = named.clone();
        fewer.remove(other);
        prop_assert!(
            completable(&blocked.rules, &fewer),
            "choice {} is not needed",
            other
        );
    }
    if !blocked.because_of.is_empty() {
        counts.with_choices.set(counts.with_choices.get() + 1);
    }
    Ok(())
}

fn check_product(seed: u64, counts: &Counts) -> Result<(), TestCaseError> {
    let mut rng = SampleRng::new(seed ^ 0x5EED);
    let shape = SampleShape {
        kind: SampleKind::Mixed,
        options: 2 + rng.below(4),
        values: 2 + rng.below(3),
        rules: rng.below(7),
        valid: false,
    };
    let mut product = sample_product(seed, shape);
    if rng.chance(50) {
        add_expressions(&mut product, &mut rng);
        counts
            .with_expressions
            .set(counts.with_expressions.get() + 1);
    }
    let engine = ConfigurationEngine::new(&product);
    let valid = valid_with(&product, &|_| true);
    let explicit = random_choices(&product, &mut rng);
    counts.cases.set(counts.cases.get() + 1);

    let extendable: Vec<&Configuration> = valid
        .iter()
        .filter(|c| agrees(c, &explicit, &product))
        .collect();
    prop_assert_eq!(
        engine
            .is_completable(&explicit)
            .map_err(|e| TestCaseError::fail(e.to_string()))?,
        !extendable.is_empty()
    );
    match engine.resolve(&explicit) {
        Ok(full) => {
            prop_assert!(!extendable.is_empty(), "resolved {:?}", explicit);
            prop_assert!(valid.contains(&full), "resolved to an invalid product");
            prop_assert!(agrees(&full, &explicit, &product), "dropped a choice");
            let kept = |c: &Configuration| {
                product
                    .options
                    .iter()
                    .filter(|def| {
                        !explicit.contains_key(&def.id) && c.get(&def.id) == Some(&def.default)
                    })
                    .count()
            };
            let best = extendable.iter().map(|c| kept(c)).max().unwrap_or(0);
            prop_assert_eq!(kept(&full), best, "defaults kept");
            if best + explicit.len() < product.options.len() {
                counts.moved_defaults.set(counts.moved_defaults.get() + 1);
            }
        }
        Err(ConfigurationError::Conflict { messages }) => {
            prop_assert!(extendable.is_empty(), "refused {:?}", explicit);
            prop_assert!(!messages.is_empty());
            counts.conflicts.set(counts.conflicts.get() + 1);
        }
        Err(other) => prop_assert!(false, "{}", other),
    }

    let states = engine
        .option_states(&explicit)
        .map_err(|e| TestCaseError::fail(e.to_string()))?;
    let availability = engine
        .option_availability(&explicit)
        .map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(availability.len(), states.len());
    for ((def, state), available) in product.options.iter().zip(&states).zip(&availability) {
        let mut others = explicit.clone();
        others.remove(&def.id);
        let truth: Vec<OptionValue> = def
            .values()
            .into_iter()
            .filter(|value| {
                valid
                    .iter()
                    .any(|c| agrees(c, &others, &product) && c.get(&def.id) == Some(value))
            })
            .collect();
        prop_assert_eq!(&state.offered, &truth, "offered values of {}", def.id);
        prop_assert_eq!(
            state.offered.len() + state.blocked.len(),
            def.values().len()
        );
        for blocked in &state.blocked {
            counts.blocked.set(counts.blocked.get() + 1);
            check_explanation(&product, &def.id, &others, blocked, counts)?;
        }
        // Asked one value at a time, as the window does: the same values blocked, each with
        // a valid minimal explanation of its own, and none for the offered ones.
        prop_assert_eq!(&available.offered, &state.offered);
        let blocked_values: Vec<OptionValue> =
            state.blocked.iter().map(|b| b.value.clone()).collect();
        prop_assert_eq!(&available.blocked, &blocked_values);
        for value in def.values() {
            let why = engine
                .why_blocked(&explicit, &def.id, &value)
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            match why {
                Some(blocked) => {
                    prop_assert!(blocked_values.contains(&value), "{} explained", value);
                    prop_assert_eq!(&blocked.value, &value);
                    counts.asked.set(counts.asked.get() + 1);
                    check_explanation(&product, &def.id, &others, &blocked, counts)?;
                }
                None => prop_assert!(state.offered.contains(&value), "{} not explained", value),
            }
        }
    }
    Ok(())
}

#[test]
fn the_engine_agrees_with_enumeration_on_random_products() {
    let cases: u32 = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|text| text.parse().ok())
        .unwrap_or(600);
    let mut runner = TestRunner::new_with_rng(
        Config::with_cases(cases),
        TestRng::deterministic_rng(RngAlgorithm::ChaCha),
    );
    let counts = Counts::default();
    runner
        .run(&any::<u64>(), |seed| check_product(seed, &counts))
        .expect("the engine agrees with enumeration");
    let cases = usize::try_from(cases).unwrap_or(usize::MAX);
    assert_eq!(counts.cases.get(), cases);
    println!(
        "{} cases accepted, {} with expression rules, derived values and visibility; {} blocked values explained",
        counts.cases.get(),
        counts.with_expressions.get(),
        counts.blocked.get()
    );
    assert!(counts.with_expressions.get() >= cases / 3);
    // Enough of the cases exercised the interesting paths for the checks to mean something.
    assert!(
        counts.blocked.get() >= cases,
        "{} blocked values",
        counts.blocked.get()
    );
    assert_eq!(
        counts.asked.get(),
        counts.blocked.get(),
        "every blocked value explained when asked alone"
    );
    assert!(
        counts.with_choices.get() >= cases / 20,
        "{} explained by choices",
        counts.with_choices.get()
    );
    assert!(
        counts.conflicts.get() >= cases / 20,
        "{} conflicts",
        counts.conflicts.get()
    );
    assert!(
        counts.moved_defaults.get() >= cases / 20,
        "{} moved defaults",
        counts.moved_defaults.get()
    );
}
