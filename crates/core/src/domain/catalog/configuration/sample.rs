//! Random products with choices, ranges and every kind of rule, from a seed: the property tests
//! hold the engine against enumeration on small ones, and the benchmark runs large ones up to
//! the catalog format's limits.

use crate::domain::catalog::{
    Appearance, ChoiceValue, Clearance, Condition, Dimension, OptionDef, OptionDomain, OptionValue,
    Product, ProductKind, RangeSpec, RangeUnit, Rule, ShapeKind, Size,
};
use crate::domain::values::ids::{OptionId, ProductId, ValueId};
use crate::domain::values::units::{MAX_SIZE_MM, Mm};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// What kind of product to make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SampleKind {
    /// Choices and small ranges linked by two-option requires/excludes rules.
    Sparse,
    /// Choices linked mostly by tables of three or four columns.
    DenseTables,
    /// A few ranges of up to 500 values (5 mm steps) read by thresholds, with some choices.
    MadeToMeasure,
    /// Every kind of option and rule mixed, small enough to enumerate.
    Mixed,
}

/// The size of a product to make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SampleShape {
    /// What kind.
    pub kind: SampleKind,
    /// Number of options.
    pub options: usize,
    /// Most values per option.
    pub values: usize,
    /// Number of rules.
    pub rules: usize,
    /// Only rules that a hidden random configuration satisfies, which also becomes the
    /// defaults: the product is valid, as a dealer's would be.
    pub valid: bool,
}

/// A small deterministic random generator (SplitMix64).
#[derive(Debug, Clone)]
pub struct SampleRng(u64);

impl SampleRng {
    /// A generator from a seed.
    #[must_use]
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..bound` (0 when `bound` is 0).
    pub fn below(&mut self, bound: usize) -> usize {
        if bound == 0 {
            return 0;
        }
        usize::try_from(self.next_u64() % bound as u64).unwrap_or(0)
    }

    /// True with probability `percent` / 100.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

/// A random product of the given shape; its defaults are random values, which may break rules.
#[must_use]
pub fn sample_product(seed: u64, shape: SampleShape) -> Product {
    let mut rng = SampleRng::new(seed);
    let options: Vec<OptionDef> = (0..shape.options)
        .map(|index| sample_option(&mut rng, index, shape))
        .collect();
    let mut rules = Vec::new();
    for index in 0..shape.rules {
        // A valid product keeps only rules its defaults satisfy; a few tries each.
        for _ in 0..20 {
            let rule = sample_rule(&mut rng, index, &options, shape.kind);
            let kept = !shape.valid
                || rule.check(|id| {
                    options
                        .iter()
                        .find(|def| &def.id == id)
                        .map(|def| def.default.clone())
                }) == Some(true);
            if kept {
                rules.push(rule);
                break;
            }
        }
    }
    Product {
        derived: Vec::new(),
        id: ProductId::from(format!("sample-{seed}").as_str()),
        name: format!("Sample {seed}"),
        category: "Samples".into(),
        kind: ProductKind::Floor,
        size: Size {
            width: Dimension::Fixed(Mm(600)),
            depth: Dimension::Fixed(Mm(600)),
            height: Dimension::Fixed(Mm(600)),
        },
        elevation: Mm(0),
        appearance: Appearance::Shape {
            shape: ShapeKind::Block,
            materials: BTreeMap::new(),
        },
        clearance: Clearance { front: Mm(0) },
        stackable: false,
        options,
        rules,
        base_price: Decimal::ONE_HUNDRED,
        prices: Vec::new(),
        vat_percent: Decimal::from(19),
        sku: Vec::new(),
        bom: Vec::new(),
    }
}

fn sample_option(rng: &mut SampleRng, index: usize, shape: SampleShape) -> OptionDef {
    let is_range = match shape.kind {
        SampleKind::Sparse | SampleKind::Mixed => rng.chance(35),
        SampleKind::DenseTables => false,
        SampleKind::MadeToMeasure => index < 4,
    };
    let id = OptionId::from(format!("o{index}").as_str());
    let (domain, values) = if is_range {
        let (count, step) = if shape.kind == SampleKind::MadeToMeasure {
            (shape.values, 5)
        } else {
            (
                1 + rng.below(shape.values),
                1 + i64::try_from(rng.below(50)).unwrap_or(0),
            )
        };
        let min = 100 * (1 + i64::try_from(rng.below(10)).unwrap_or(0));
        let steps = i64::try_from(count).unwrap_or(1) - 1;
        // Sizes stay within the format's limit.
        let step = step.min((MAX_SIZE_MM - min) / steps.max(1)).max(1);
        let max = min + step * steps;
        let range = RangeSpec {
            min,
            max,
            step,
            unit: RangeUnit::Mm,
            price_per_step: Decimal::ZERO,
            price_per_unit: Decimal::ZERO,
        };
        let values: Vec<OptionValue> = range
            .values()
            .into_iter()
            .map(OptionValue::Number)
            .collect();
        (OptionDomain::Range(range), values)
    } else {
        let count = if shape.kind == SampleKind::DenseTables {
            2 + rng.below(shape.values.saturating_sub(1))
        } else {
            1 + rng.below(shape.values)
        };
        let choices: Vec<ChoiceValue> = (0..count)
            .map(|value| ChoiceValue {
                id: ValueId::from(format!("v{value}").as_str()),
                label: format!("Value {value}"),
                price: Decimal::ZERO,
                code: format!("{value}"),
                colour: None,
                group: None,
            })
            .collect();
        let values = choices
            .iter()
            .map(|choice| OptionValue::Choice(choice.id.clone()))
            .collect();
        (OptionDomain::Choice(choices), values)
    };
    let default = values[rng.below(values.len())].clone();
    OptionDef {
        visible_when: None,
        label: format!("Option {index}"),
        id,
        domain,
        default,
    }
}

fn sample_condition(rng: &mut SampleRng, option: &OptionDef) -> Condition {
    let id = option.id.clone();
    match &option.domain {
        OptionDomain::Choice(values) => {
            let pick = |rng: &mut SampleRng| values[rng.below(values.len())].id.clone();
            if rng.chance(50) {
                Condition::Is(id, pick(rng))
            } else {
                let mut chosen: Vec<ValueId> = (0..1 + rng.below(values.len()))
                    .map(|_| pick(rng))
                    .collect();
                chosen.sort();
                chosen.dedup();
                Condition::OneOf(id, chosen)
            }
        }
        OptionDomain::Range(range) => {
            let span =
                usize::try_from((range.max - range.min) / range.step.max(1) + 3).unwrap_or(3);
            let mut limit =
                range.min + range.step * (i64::try_from(rng.below(span)).unwrap_or(0) - 1);
            if rng.chance(10) {
                limit += 1;
            }
            if rng.chance(50) {
                Condition::AtLeast(id, limit)
            } else {
                Condition::AtMost(id, limit)
            }
        }
    }
}

fn sample_rule(rng: &mut SampleRng, index: usize, options: &[OptionDef], kind: SampleKind) -> Rule {
    let message = format!("Rule {index}");
    let choices: Vec<&OptionDef> = options
        .iter()
        .filter(|def| matches!(def.domain, OptionDomain::Choice(_)))
        .collect();
    let table_percent = match kind {
        SampleKind::Sparse | SampleKind::MadeToMeasure => 0,
        SampleKind::DenseTables => 85,
        SampleKind::Mixed => 25,
    };
    if choices.len() >= 2 && rng.chance(table_percent) {
        return sample_table(rng, &choices, message, kind);
    }
    let when_option = &options[rng.below(options.len())];
    // Now and then both conditions read one option.
    let then_option = if rng.chance(10) {
        when_option
    } else {
        &options[rng.below(options.len())]
    };
    let when = sample_condition(rng, when_option);
    let then = sample_condition(rng, then_option);
    if rng.chance(50) {
        Rule::Requires {
            when,
            then,
            message,
        }
    } else {
        Rule::Excludes {
            when,
            then,
            message,
        }
    }
}

fn sample_table(
    rng: &mut SampleRng,
    choices: &[&OptionDef],
    message: String,
    kind: SampleKind,
) -> Rule {
    let wanted = if kind == SampleKind::DenseTables {
        3 + rng.below(2)
    } else {
        1 + rng.below(3)
    };
    let mut columns: Vec<&OptionDef> = Vec::new();
    for _ in 0..wanted.min(choices.len()) {
        let pick = choices[rng.below(choices.len())];
        // Now and then an option is listed twice.
        if !columns.iter().any(|c| c.id == pick.id) || rng.chance(5) {
            columns.push(pick);
        }
    }
    let value_ids = |def: &OptionDef| -> Vec<ValueId> {
        match &def.domain {
            OptionDomain::Choice(values) => values.iter().map(|v| v.id.clone()).collect(),
            OptionDomain::Range(_) => Vec::new(),
        }
    };
    let combinations: usize = columns
        .iter()
        .map(|def| value_ids(def).len().max(1))
        .product();
    let rows_wanted = (combinations * (20 + rng.below(50)) / 100).clamp(1, 400);
    let rows = (0..rows_wanted)
        .map(|_| {
            columns
                .iter()
                .map(|def| {
                    let ids = value_ids(def);
                    ids[rng.below(ids.len())].clone()
                })
                .collect()
        })
        .collect();
    Rule::Table {
        options: columns.iter().map(|def| def.id.clone()).collect(),
        rows,
        message,
    }
}
