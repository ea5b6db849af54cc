//! Benchmark of the configuration engine on generated products up to the catalog format's
//! limits (32 options, 500 values, 200 rules): sparse two-option rules, dense tables of three or
//! four columns, and made-to-measure products with 500-value ranges. For each it times loading
//! the product from catalog text (parse, validate, defaults checked) and a full options panel
//! (offered values and minimal explanations) with no choices and with one to three choices;
//! median and maximum. Run with `cargo bench -p room-planner-core --bench configurator`;
//! `BENCH_VERBOSE=1` prints each product's times as it goes; `BENCH_FAMILY=dense` runs only
//! the families whose name contains the text; `BENCH_PANELS_ONLY=1` leaves out the reasons.

use room_planner_core::domain::catalog::Configuration;
use room_planner_core::domain::catalog::configuration::sample::{
    SampleKind, SampleRng, SampleShape, sample_product,
};
use room_planner_core::domain::catalog::configuration::{ConfigurationEngine, ConfigurationError};
use room_planner_core::domain::catalog::{Condition, OptionDomain, OptionValue, Product, Rule};
use room_planner_core::domain::values::ids::OptionId;
use room_planner_core::storage::catalog::parse_catalog;
use std::fmt::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};

/// Products generated per family.
const PRODUCTS: u64 = 12;
/// Blocked values whose reasons are asked one at a time, per panel.
const REASONS_ASKED: usize = 10;
/// How long a panel with every reason may take before the bench counts it as over.
const EVERY_REASON_LIMIT: Duration = Duration::from_secs(2);

fn main() {
    let families = [
        ("sparse 10 × 20, 100 rules", SampleKind::Sparse, 10, 20, 100),
        ("sparse 32 × 5, 200 rules", SampleKind::Sparse, 32, 5, 200),
        (
            "sparse 32 × 500, 200 rules",
            SampleKind::Sparse,
            32,
            500,
            200,
        ),
        (
            "dense tables 16 × 12, 60 rules",
            SampleKind::DenseTables,
            16,
            12,
            60,
        ),
        (
            "dense tables 32 × 20, 200 rules",
            SampleKind::DenseTables,
            32,
            20,
            200,
        ),
        (
            "made to measure 32 (4 × 500 mm), 200 rules",
            SampleKind::MadeToMeasure,
            32,
            500,
            200,
        ),
    ];
    println!(
        "| family | products | load median / max | panel, no choices: median / max | panel, 1–3 choices: median / max | one value's reasons: median / max | every reason at once: median / max |"
    );
    println!("|---|---|---|---|---|---|---|");
    let mut largest = (0, String::new());
    let verbose = std::env::var_os("BENCH_VERBOSE").is_some();
    let only = std::env::var("BENCH_FAMILY").ok();
    let panels_only = std::env::var_os("BENCH_PANELS_ONLY").is_some();
    for (name, kind, options, values, rules) in families {
        if only
            .as_ref()
            .is_some_and(|only| !name.contains(only.as_str()))
        {
            continue;
        }
        let shape = SampleShape {
            kind,
            options,
            values,
            rules,
            valid: true,
        };
        let mut loads = Vec::new();
        let mut empty = Vec::new();
        let mut chosen = Vec::new();
        let mut reasons = Vec::new();
        let mut all_reasons = Vec::new();
        let mut seed = 0;
        let mut made = 0;
        while made < PRODUCTS && seed < PRODUCTS * 50 {
            seed += 1;
            let Some(product) = configurable(seed, shape) else {
                continue;
            };
            let text = catalog_text(&product);
            let started = Instant::now();
            let loaded = parse_catalog(Path::new("bench.ron"), &text);
            loads.push(started.elapsed());
            let Ok(catalog) = loaded else {
                eprintln!("{name}: seed {seed} did not load: {:?}", loaded.err());
                continue;
            };
            made += 1;
            let product = &catalog.products[0];
            if verbose {
                eprintln!("{name} seed {seed}: loaded in {:?}", loads.last());
            }
            let combinations: usize = product.options.iter().map(|d| d.values().len()).sum();
            if combinations > largest.0 {
                largest = (combinations, format!("{name} seed {seed}"));
            }
            let mut rng = SampleRng::new(seed);
            let mut asked = vec![Configuration::new()];
            asked.extend((1..=3).map(|count| random_choices(product, &mut rng, count)));
            for (index, explicit) in asked.iter().enumerate() {
                let (panel, blocked) = panel_time(product, explicit);
                if index == 0 {
                    empty.push(panel);
                } else {
                    chosen.push(panel);
                }
                if panels_only {
                    continue;
                }
                reasons.extend(reason_times(product, explicit, &blocked));
                all_reasons.push(every_reason_time(product, explicit));
                if verbose {
                    eprintln!(
                        "{name} seed {seed}, {index} choices: panel {panel:?}, every reason {:?}",
                        all_reasons.last()
                    );
                }
            }
        }
        println!(
            "| {name} | {made} | {} | {} | {} | {} | {} |",
            stats(&mut loads),
            stats(&mut empty),
            stats(&mut chosen),
            stats(&mut reasons),
            limited_stats(&all_reasons)
        );
    }
    println!(
        "\nlargest product: {} ({} values in all)",
        largest.1, largest.0
    );
}

/// The generated product when it has as many rules as asked (its defaults satisfy them all).
fn configurable(seed: u64, shape: SampleShape) -> Option<Product> {
    let product = sample_product(seed, shape);
    (product.rules.len() == shape.rules).then_some(product)
}

/// The time for the panel's offered and blocked values, and the blocked values by option.
fn panel_time(
    product: &Product,
    explicit: &Configuration,
) -> (Duration, Vec<(OptionId, OptionValue)>) {
    let started = Instant::now();
    let engine = ConfigurationEngine::new(product);
    let states = engine.option_availability(explicit);
    let elapsed = started.elapsed();
    let blocked = match states {
        Ok(states) => states
            .into_iter()
            .flat_map(|state| {
                let option = state.option;
                state
                    .blocked
                    .into_iter()
                    .map(move |value| (option.clone(), value))
            })
            .collect(),
        Err(error) => {
            eprintln!("{}: {error}", product.id);
            Vec::new()
        }
    };
    (elapsed, blocked)
}

/// Reasons asked one value at a time, as the window asks when a blocked value is hovered: at
/// most [`REASONS_ASKED`] values spread over the blocked ones.
fn reason_times(
    product: &Product,
    explicit: &Configuration,
    blocked: &[(OptionId, OptionValue)],
) -> Vec<Duration> {
    let engine = ConfigurationEngine::new(product);
    let stride = blocked.len().div_ceil(REASONS_ASKED).max(1);
    blocked
        .iter()
        .step_by(stride)
        .map(|(option, value)| {
            let started = Instant::now();
            match engine.why_blocked(explicit, option, value) {
                Ok(Some(_)) => {}
                Ok(None) => eprintln!("{}: {option} = {value} has no reason", product.id),
                Err(error) => eprintln!("{}: {error}", product.id),
            }
            started.elapsed()
        })
        .collect()
}

/// Every option's values with every blocked value's reasons, in one question; `None` when it
/// takes over [`EVERY_REASON_LIMIT`].
fn every_reason_time(product: &Product, explicit: &Configuration) -> Option<Duration> {
    let started = Instant::now();
    let engine = ConfigurationEngine::new(product).with_time_limit(EVERY_REASON_LIMIT);
    match engine.option_states(explicit) {
        Ok(_) => Some(started.elapsed()),
        Err(ConfigurationError::TooComplex) => None,
        Err(error) => {
            eprintln!("{}: {error}", product.id);
            None
        }
    }
}

/// As [`stats`], saying how many took over [`EVERY_REASON_LIMIT`].
fn limited_stats(times: &[Option<Duration>]) -> String {
    let mut within: Vec<Duration> = times.iter().flatten().copied().collect();
    let over = times.len() - within.len();
    if over == 0 {
        return stats(&mut within);
    }
    format!(
        "{} of {} over {} s",
        over,
        times.len(),
        EVERY_REASON_LIMIT.as_secs()
    )
}

/// `count` choices, each among the values still offered after the earlier ones.
fn random_choices(product: &Product, rng: &mut SampleRng, count: usize) -> Configuration {
    let engine = ConfigurationEngine::new(product);
    let mut explicit = Configuration::new();
    for _ in 0..count {
        let def = &product.options[rng.below(product.options.len())];
        let Ok(states) = engine.option_availability(&explicit) else {
            break;
        };
        let Some(state) = states.into_iter().find(|state| state.option == def.id) else {
            break;
        };
        if state.offered.is_empty() {
            continue;
        }
        let value = state.offered[rng.below(state.offered.len())].clone();
        explicit.insert(def.id.clone(), value);
    }
    explicit
}

fn stats(times: &mut [Duration]) -> String {
    times.sort_unstable();
    let Some(max) = times.last() else {
        return "–".into();
    };
    let median = times[times.len() / 2];
    format!("{} / {}", ms(median), ms(*max))
}

fn ms(time: Duration) -> String {
    format!("{:.2} ms", time.as_secs_f64() * 1000.0)
}

/// The product as catalog text, as a dealer would write it.
fn catalog_text(product: &Product) -> String {
    let mut text = String::from(
        "Catalog(id: \"bench\", name: \"Bench\", version: \"1\", currency: \"EUR\", vat_percent: 19, products: [Product(\n",
    );
    let _ = writeln!(
        text,
        "id: \"{}\", name: \"{}\", category: \"Samples\", kind: Floor, width: Fixed(600), depth: Fixed(600), height: Fixed(600), appearance: Shape(shape: Block), base_price: 100,",
        product.id, product.name
    );
    text.push_str("options: [\n");
    for def in &product.options {
        match &def.domain {
            OptionDomain::Range(range) => {
                let OptionValue::Number(default) = def.default else {
                    continue;
                };
                let _ = writeln!(
                    text,
                    "Range(id: \"{}\", label: \"{}\", min: {}, max: {}, step: {}, default: {default}),",
                    def.id, def.label, range.min, range.max, range.step
                );
            }
            OptionDomain::Choice(values) => {
                let _ = write!(
                    text,
                    "Choice(id: \"{}\", label: \"{}\", default: \"{}\", values: [",
                    def.id, def.label, def.default
                );
                for value in values {
                    let _ = write!(text, "(id: \"{}\", label: \"{}\"), ", value.id, value.label);
                }
                text.push_str("]),\n");
            }
        }
    }
    text.push_str("],\nrules: [\n");
    for rule in &product.rules {
        match rule {
            Rule::Requires {
                when,
                then,
                message,
            } => {
                let _ = writeln!(
                    text,
                    "Requires(when: {}, then: {}, message: \"{message}\"),",
                    condition(when),
                    condition(then)
                );
            }
            Rule::Excludes {
                when,
                then,
                message,
            } => {
                let _ = writeln!(
                    text,
                    "Excludes(when: {}, then: {}, message: \"{message}\"),",
                    condition(when),
                    condition(then)
                );
            }
            Rule::Table {
                options,
                rows,
                message,
            } => {
                let columns: Vec<String> = options.iter().map(|o| format!("\"{o}\"")).collect();
                let rows: Vec<String> = rows
                    .iter()
                    .map(|row| {
                        let cells: Vec<String> = row.iter().map(|v| format!("\"{v}\"")).collect();
                        format!("[{}]", cells.join(", "))
                    })
                    .collect();
                let _ = writeln!(
                    text,
                    "Table(options: [{}], rows: [{}], message: \"{message}\"),",
                    columns.join(", "),
                    rows.join(", ")
                );
            }
        }
    }
    text.push_str("],\n)])\n");
    text
}

fn condition(condition: &Condition) -> String {
    match condition {
        Condition::Is(option, value) => format!("Is(\"{option}\", \"{value}\")"),
        Condition::OneOf(option, values) => {
            let values: Vec<String> = values.iter().map(|v| format!("\"{v}\"")).collect();
            format!("OneOf(\"{option}\", [{}])", values.join(", "))
        }
        Condition::AtLeast(option, limit) => format!("AtLeast(\"{option}\", {limit})"),
        Condition::AtMost(option, limit) => format!("AtMost(\"{option}\", {limit})"),
        Condition::Expr(expression) => format!("{:?}", expression.source),
    }
}
