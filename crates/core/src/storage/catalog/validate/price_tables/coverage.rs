//! Every combination the configurator can offer has a price: the options a table reads are
//! enumerated, and each combination without a row is put to the configuration engine, which
//! says whether some valid product contains it. A key naming a derived value reads the options
//! that value depends on (through other derived values too). A product too large to enumerate
//! must price every combination of its keys' inputs instead (a derived key's inputs are then
//! the cells its table gives).

use crate::domain::catalog::configuration::ConfigurationEngine;
use crate::domain::catalog::{
    Configuration, KeyCell, KeyInput, OptionDomain, OptionValue, PriceKey, PriceTable, Product,
};
use crate::domain::values::ids::OptionId;
use crate::storage::locate::Needle;
use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::super::Checker;

/// Most combinations of the options a table reads that are enumerated.
const MAX_ASSIGNMENTS: usize = 50_000;
/// Most questions put to the engine for one product.
const MAX_QUESTIONS: usize = 2_000;
/// Most missing combinations reported per table.
const MAX_REPORTED: usize = 5;

/// Why a combination without a price is reported.
enum Missing {
    /// A valid product contains it (with this example configuration).
    Offered(Configuration),
    /// It could not be shown that no valid product contains it.
    Unproven,
}

/// Reports every combination a product's tables leave without a price that the configurator can
/// offer.
pub(in crate::storage::catalog::validate) fn check_coverage(
    checker: &mut Checker<'_>,
    anchor: (Needle<'_>, usize),
    product: &Product,
) {
    if product.prices.is_empty() {
        return;
    }
    let engine = ConfigurationEngine::new(product);
    let mut questions = 0;
    for table in &product.prices {
        let missing = missing_combinations(product, table, &engine, &mut questions);
        let place = vec![
            anchor,
            (Needle::Key("prices"), 0),
            (Needle::KeyValue("label", &table.label), 0),
        ];
        // Numbers of one band missing together are one missing price.
        let mut described = BTreeSet::new();
        let missing: Vec<(String, &Missing)> = missing
            .iter()
            .map(|(inputs, why)| (describe_inputs(product, table, inputs), why))
            .filter(|(combination, _)| described.insert(combination.clone()))
            .collect();
        for (combination, why) in missing.iter().take(MAX_REPORTED) {
            let message = match why {
                Missing::Offered(example) => format!(
                    "price table `{}` has no price for {combination}, which the configurator offers (e.g. {}); add it, or a rule that excludes it",
                    table.label,
                    example_text(product, table, example)
                ),
                Missing::Unproven => format!(
                    "price table `{}` has no price for {combination}, and the product is too large to prove that the configurator never offers it; add it",
                    table.label
                ),
            };
            checker.report(&place, message);
        }
        if missing.len() > MAX_REPORTED {
            checker.report(
                &place,
                format!(
                    "price table `{}` misses {} more combinations",
                    table.label,
                    missing.len() - MAX_REPORTED
                ),
            );
        }
    }
}

/// The options a table reads, each once, in key order: a derived value's are the options it
/// depends on, and an option that can be hidden brings the options its `visible_when` reads.
fn read_options(product: &Product, table: &PriceTable) -> Vec<OptionId> {
    let mut seen = BTreeSet::new();
    let mut read: Vec<OptionId> = table
        .keys
        .iter()
        .flat_map(PriceKey::options)
        .flat_map(|name| match product.derived(name) {
            Some(derived) => derived.expr.options(),
            None => vec![name.clone()],
        })
        .filter(|option| seen.insert(option.clone()))
        .collect();
    let mut next = 0;
    while let Some(option) = read.get(next) {
        let shown_by = product
            .option(option)
            .and_then(|def| def.visible_when.as_ref())
            .map(crate::domain::catalog::Condition::options)
            .unwrap_or_default();
        read.extend(
            shown_by
                .into_iter()
                .filter(|other| seen.insert(other.clone())),
        );
        next += 1;
    }
    read
}

fn missing_combinations(
    product: &Product,
    table: &PriceTable,
    engine: &ConfigurationEngine<'_>,
    questions: &mut usize,
) -> Vec<(Vec<KeyInput>, Missing)> {
    let options = read_options(product, table);
    let domains: Vec<Vec<OptionValue>> = options
        .iter()
        .map(|option| {
            product
                .option(option)
                .map(|def| def.values())
                .unwrap_or_default()
        })
        .collect();
    let count = domains
        .iter()
        .try_fold(1usize, |total, values| total.checked_mul(values.len()));
    match count {
        Some(count) if count <= MAX_ASSIGNMENTS => {
            enumerate_assignments(product, table, engine, &options, &domains, questions)
        }
        _ => key_space(product, table),
    }
}

/// Walks every assignment of the read options; a combination without a row is missing when the
/// engine finds a valid product with it.
fn enumerate_assignments(
    product: &Product,
    table: &PriceTable,
    engine: &ConfigurationEngine<'_>,
    options: &[OptionId],
    domains: &[Vec<OptionValue>],
    questions: &mut usize,
) -> Vec<(Vec<KeyInput>, Missing)> {
    let mut priced: HashMap<Vec<KeyInput>, bool> = HashMap::new();
    let mut missing: BTreeMap<Vec<KeyInput>, Missing> = BTreeMap::new();
    let mut digits = vec![0usize; options.len()];
    loop {
        let configuration: Configuration = options
            .iter()
            .zip(domains)
            .zip(&digits)
            .map(|((option, values), digit)| (option.clone(), values[*digit].clone()))
            .collect();
        if let Some(inputs) = table.inputs(product, &configuration) {
            let has_row = *priced
                .entry(inputs.clone())
                .or_insert_with(|| table.row_for(&inputs).is_some());
            let settled = matches!(missing.get(&inputs), Some(Missing::Offered(_)));
            if !has_row && !settled {
                let answer = if *questions < MAX_QUESTIONS {
                    *questions += 1;
                    engine.is_completable(&configuration)
                } else {
                    Err(crate::domain::catalog::configuration::ConfigurationError::TooComplex)
                };
                match answer {
                    Ok(true) => {
                        missing.insert(inputs, Missing::Offered(configuration));
                    }
                    Ok(false) => {}
                    Err(_) => {
                        missing.entry(inputs).or_insert(Missing::Unproven);
                    }
                }
            }
        }
        // Next assignment, like an odometer.
        let mut position = 0;
        loop {
            let Some(digit) = digits.get_mut(position) else {
                return missing.into_iter().collect();
            };
            *digit += 1;
            if *digit < domains[position].len() {
                break;
            }
            *digit = 0;
            position += 1;
        }
    }
}

/// Every combination of the keys' possible inputs, each needing a row (no rules consulted).
fn key_space(product: &Product, table: &PriceTable) -> Vec<(Vec<KeyInput>, Missing)> {
    let per_key: Vec<Vec<KeyInput>> = (0..table.keys.len())
        .map(|index| key_inputs(product, table, index))
        .collect();
    let mut missing = Vec::new();
    let mut digits = vec![0usize; per_key.len()];
    if per_key.iter().any(Vec::is_empty) {
        return missing;
    }
    loop {
        let inputs: Vec<KeyInput> = per_key
            .iter()
            .zip(&digits)
            .map(|(inputs, digit)| inputs[*digit].clone())
            .collect();
        if table.row_for(&inputs).is_none() {
            missing.push((inputs, Missing::Unproven));
            if missing.len() > MAX_REPORTED {
                return missing;
            }
        }
        let mut position = 0;
        loop {
            let Some(digit) = digits.get_mut(position) else {
                return missing;
            };
            *digit += 1;
            if *digit < per_key[position].len() {
                break;
            }
            *digit = 0;
            position += 1;
        }
    }
}

/// Every input a key can get (for a derived value, the cells its table gives).
fn key_inputs(product: &Product, table: &PriceTable, index: usize) -> Vec<KeyInput> {
    let mut inputs = BTreeSet::new();
    let Some(key) = table.keys.get(index) else {
        return Vec::new();
    };
    if key
        .options()
        .first()
        .is_some_and(|name| product.derived(name).is_some())
    {
        for row in &table.rows {
            match row.cells.get(index) {
                Some(KeyCell::Value(value)) => {
                    inputs.insert(KeyInput::Value(value.clone()));
                }
                Some(KeyCell::Number(number)) => {
                    inputs.insert(KeyInput::Number(*number));
                }
                Some(KeyCell::Band(band)) => {
                    inputs.insert(KeyInput::Number(band.from));
                }
                Some(KeyCell::Group(_)) | None => {}
            }
        }
        return inputs.into_iter().collect();
    }
    for option in key.options() {
        let Some(def) = product.option(option) else {
            continue;
        };
        match (&def.domain, key) {
            (OptionDomain::Choice(values), PriceKey::Group(_) | PriceKey::HighestGroup(_)) => {
                inputs.extend(
                    values
                        .iter()
                        .filter_map(|value| value.group.clone())
                        .map(KeyInput::Group),
                );
            }
            (OptionDomain::Choice(values), _) => {
                inputs.extend(values.iter().map(|value| KeyInput::Value(value.id.clone())));
            }
            (OptionDomain::Range(range), _) => {
                inputs.extend(range.values().into_iter().map(KeyInput::Number));
            }
        }
    }
    inputs.into_iter().collect()
}

/// A combination in words, e.g. `group COM × Width 3200 mm`.
fn describe_inputs(product: &Product, table: &PriceTable, inputs: &[KeyInput]) -> String {
    let parts: Vec<String> = table
        .keys
        .iter()
        .zip(inputs)
        .enumerate()
        .map(|(index, (key, input))| {
            let def = key
                .options()
                .first()
                .and_then(|option| product.option(option));
            let band = table
                .rows
                .iter()
                .find_map(|row| match (row.cells.get(index), input) {
                    (Some(cell @ KeyCell::Band(band)), KeyInput::Number(number))
                        if band.contains(*number) =>
                    {
                        Some(cell)
                    }
                    _ => None,
                });
            let label = def.map(|def| def.label.as_str()).or_else(|| {
                key.options()
                    .first()
                    .and_then(|name| product.derived(name))
                    .map(|derived| derived.label.as_str())
            });
            if let Some(band) = band {
                let text = table.describe_cell(product, key, band);
                return label.map_or(text.clone(), |label| format!("{label} {text}"));
            }
            match (input, def) {
                (KeyInput::Group(group), _) => format!("group {}", group.name),
                (KeyInput::Value(value), Some(def)) => {
                    format!(
                        "{} {}",
                        def.label,
                        def.label_of(&OptionValue::Choice(value.clone()))
                    )
                }
                (KeyInput::Number(number), Some(def)) => {
                    format!(
                        "{} {}",
                        def.label,
                        def.label_of(&OptionValue::Number(*number))
                    )
                }
                (KeyInput::Value(value), None) => {
                    label.map_or(value.to_string(), |label| format!("{label} {value}"))
                }
                (KeyInput::Number(number), None) => {
                    label.map_or(number.to_string(), |label| format!("{label} {number}"))
                }
            }
        })
        .collect();
    parts.join(" × ")
}

/// The read options of an example configuration, "Label: value" each.
fn example_text(product: &Product, table: &PriceTable, example: &Configuration) -> String {
    let parts: Vec<String> = read_options(product, table)
        .into_iter()
        .filter_map(|option| {
            let def = product.option(&option)?;
            let value = example.get(&option)?;
            Some(format!("{}: {}", def.label, def.label_of(value)))
        })
        .collect();
    parts.join(", ")
}
