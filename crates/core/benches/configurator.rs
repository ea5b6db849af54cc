//! Benchmark of the configuration engine on generated products up to the catalog format's
//! limits (32 options, 500 values, 200 rules): sparse two-option rules, dense tables of three or
//! four columns, and made-to-measure products with 500-value ranges. For each it times loading
//! the product from catalog text (parse, validate, defaults checked) and a full options panel
//! (offered values and minimal explanations) with no choices and with one to three choices;
//! median and maximum. Run with `cargo bench -p room-planner-core --bench configurator`;
//! `BENCH_VERBOSE=1` prints each product's times as it goes.

use room_planner_core::domain::catalog::Configuration;
use room_planner_core::domain::catalog::configuration::ConfigurationEngine;
use room_planner_core::domain::catalog::configuration::sample::{
    SampleKind, SampleRng, SampleShape, sample_product,
};
use room_planner_core::domain::catalog::{Condition, OptionDomain, OptionValue, Product, Rule};
use room_planner_core::storage::catalog::parse_catalog;
use std::fmt::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};

/// Products generated per family.
const PRODUCTS: u64 = 12;

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
        "| family | products | load median / max | panel, no choices: median / max | panel, 1–3 choices: median / max |"
    );
    println!("|---|---|---|---|---|");
    let mut largest = (0, String::new());
    let verbose = std::env::var_os("BENCH_VERBOSE").is_some();
    for (name, kind, options, values, rules) in families {
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
        let mut seed = 0;
        let mut made = 0;
        while made < PRODUCTS && seed < PRODUCTS * 50 {
            seed += 1;
            let Some(product) = configurable(seed, shape) else {
                continue;
            };
            made += 1;
            let text = catalog_text(&product);
            let started = Instant::now();
            let loaded = parse_catalog(Path::new("bench.ron"), &text);
            loads.push(started.elapsed());
            let Ok(catalog) = loaded else {
                eprintln!("{name}: seed {seed} did not load: {:?}", loaded.err());
                continue;
            };
            let product = &catalog.products[0];
            if verbose {
                eprintln!("{name} seed {seed}: loaded in {:?}", loads.last());
            }
            let combinations: usize = product.options.iter().map(|d| d.values().len()).sum();
            if combinations > largest.0 {
                largest = (combinations, format!("{name} seed {seed}"));
            }
            empty.push(panel_time(product, &Configuration::new()));
            if verbose {
                eprintln!("{name} seed {seed}: panel {:?}", empty.last());
            }
            let mut rng = SampleRng::new(seed);
            for count in 1..=3 {
                let explicit = random_choices(product, &mut rng, count);
                chosen.push(panel_time(product, &explicit));
            }
        }
        println!(
            "| {name} | {made} | {} | {} | {} |",
            stats(&mut loads),
            stats(&mut empty),
            stats(&mut chosen)
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

fn panel_time(product: &Product, explicit: &Configuration) -> Duration {
    let started = Instant::now();
    let engine = ConfigurationEngine::new(product);
    let states = engine.option_states(explicit);
    let elapsed = started.elapsed();
    if let Err(error) = states {
        eprintln!("{}: {error}", product.id);
    }
    elapsed
}

/// `count` choices, each among the values still offered after the earlier ones.
fn random_choices(product: &Product, rng: &mut SampleRng, count: usize) -> Configuration {
    let engine = ConfigurationEngine::new(product);
    let mut explicit = Configuration::new();
    for _ in 0..count {
        let def = &product.options[rng.below(product.options.len())];
        let Ok(state) = engine.option_state(&explicit, &def.id) else {
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
    }
}
