//! Expression rules and visibility for the solver: a rule over several options becomes a table
//! over blocks of each option's values, where two values share a block when every part of the
//! rule that reads only that option gives the same for both (`width < 2400` splits a 2,201-value
//! width into two blocks). A hidden option takes the extra "not shown" value, in a block of its
//! own; a rule reading it there is satisfied, and its visibility condition is a table of its own.

use crate::domain::catalog::expression::{Expr, Value};
use crate::domain::catalog::{Condition, OptionValue, Product, Rule};
use crate::domain::values::ids::{OptionId, ValueId};
use std::collections::HashMap;

/// Most block combinations one rule may have (the rows the solver's table is built from).
pub const MAX_COMBINATIONS: usize = 100_000;

/// Stands for "not shown" among a conditionally shown option's values; no valid id looks
/// like it.
#[must_use]
pub(super) fn hidden_value() -> OptionValue {
    OptionValue::Choice(ValueId("\u{0}not shown".to_owned()))
}

/// A rule (or visibility condition) over blocks of values: per column, each value's block,
/// and the allowed combinations of blocks.
pub(super) struct BlockRule {
    pub(super) columns: Vec<usize>,
    pub(super) block_of: Vec<Vec<usize>>,
    pub(super) rows: Vec<Vec<usize>>,
}

/// What the solver is asked to hold: a product rule, or option `option`'s visibility.
#[derive(Clone, Copy)]
pub(super) enum Source<'p> {
    Rule(&'p Rule),
    Visibility(usize, &'p Condition),
}

/// The options a source reads, in order (for visibility, the option itself first).
fn columns_of(source: Source<'_>, index_of: &HashMap<&OptionId, usize>) -> Option<Vec<usize>> {
    let read = match source {
        Source::Rule(rule) => rule.options(),
        Source::Visibility(_, condition) => condition.options(),
    };
    let mut columns: Vec<usize> = match source {
        Source::Visibility(option, _) => vec![option],
        Source::Rule(_) => Vec::new(),
    };
    for id in &read {
        let column = *index_of.get(id)?;
        if !columns.contains(&column) {
            columns.push(column);
        }
    }
    Some(columns)
}

/// The parts of `expr` that read exactly one option, with that option.
fn atoms<'e>(expr: &'e Expr, found: &mut Vec<(OptionId, Atom<'e>)>) {
    let read = expr.options();
    match read.as_slice() {
        [] => {}
        [only] => found.push((only.clone(), Atom::Expr(expr))),
        _ => match expr {
            Expr::Literal(_) | Expr::Option(_) => {}
            Expr::Derived(_, inner)
            | Expr::Not(inner)
            | Expr::Negate(inner)
            | Expr::Floor(inner)
            | Expr::Ceil(inner)
            | Expr::Round(inner, _) => atoms(inner, found),
            Expr::All(parts) | Expr::Any(parts) | Expr::Min(parts) | Expr::Max(parts) => {
                for part in parts {
                    atoms(part, found);
                }
            }
            Expr::Compare(_, a, b) | Expr::Arith(_, a, b) => {
                atoms(a, found);
                atoms(b, found);
            }
            Expr::In(value, items) => {
                atoms(value, found);
                for item in items {
                    atoms(item, found);
                }
            }
            Expr::If(a, b, c) => {
                atoms(a, found);
                atoms(b, found);
                atoms(c, found);
            }
        },
    }
}

#[derive(Clone, Copy)]
enum Atom<'e> {
    Expr(&'e Expr),
    Condition(&'e Condition),
    /// A table column: the value itself.
    Value,
}

impl Atom<'_> {
    fn key(self, value: &OptionValue) -> Option<Value> {
        match self {
            Atom::Expr(expr) => expr.eval(&|_| Some(value.clone())),
            Atom::Condition(condition) => Some(Value::Bool(condition.holds_for(value))),
            Atom::Value => Some(Value::of_option(value)),
        }
    }
}

fn condition_atoms<'c>(condition: &'c Condition, found: &mut Vec<(OptionId, Atom<'c>)>) {
    match condition {
        Condition::Expr(expression) => atoms(&expression.expr, found),
        other => {
            if let [only] = other.options().as_slice() {
                found.push((only.clone(), Atom::Condition(other)));
            }
        }
    }
}

fn source_atoms<'p>(source: Source<'p>) -> Vec<(OptionId, Atom<'p>)> {
    let mut found = Vec::new();
    match source {
        Source::Rule(Rule::Requires { when, then, .. } | Rule::Excludes { when, then, .. }) => {
            condition_atoms(when, &mut found);
            condition_atoms(then, &mut found);
        }
        Source::Rule(Rule::Table { options, .. }) => {
            for option in options {
                found.push((option.clone(), Atom::Value));
            }
        }
        Source::Visibility(_, condition) => condition_atoms(condition, &mut found),
    }
    found
}

/// Each column's values split into blocks; the hidden value (when the option has one) alone.
fn blocks(
    source: Source<'_>,
    columns: &[usize],
    option_ids: &[OptionId],
    values: &[Vec<OptionValue>],
    hidden: &[Option<usize>],
) -> Vec<Vec<usize>> {
    let found = source_atoms(source);
    columns
        .iter()
        .enumerate()
        .map(|(at, column)| {
            let mine: Vec<Atom<'_>> = found
                .iter()
                .filter(|(option, _)| option == &option_ids[*column])
                .map(|(_, atom)| *atom)
                .collect();
            let visibility_target = at == 0 && matches!(source, Source::Visibility(..));
            let mut numbers: HashMap<Option<Vec<Option<Value>>>, usize> = HashMap::new();
            values[*column]
                .iter()
                .enumerate()
                .map(|(index, value)| {
                    let key = if Some(index) == hidden[*column] {
                        None
                    } else if visibility_target {
                        Some(Vec::new())
                    } else {
                        Some(mine.iter().map(|atom| atom.key(value)).collect())
                    };
                    let next = numbers.len();
                    *numbers.entry(key).or_insert(next)
                })
                .collect()
        })
        .collect()
}

fn block_counts(block_of: &[Vec<usize>]) -> Vec<usize> {
    block_of
        .iter()
        .map(|blocks| blocks.iter().max().map_or(0, |most| most + 1))
        .collect()
}

/// Rules (by index) and visibility conditions (by option index, after the rules) whose block
/// tables would have more than [`MAX_COMBINATIONS`] combinations, with the count: a catalog
/// check refuses them, as the solver would build tables too large to answer fast.
#[must_use]
pub fn oversized_rules(product: &Product) -> Vec<(OversizedRule, usize)> {
    let option_ids: Vec<OptionId> = product.options.iter().map(|def| def.id.clone()).collect();
    let mut values: Vec<Vec<OptionValue>> =
        product.options.iter().map(|def| def.values()).collect();
    let mut hidden = vec![None; option_ids.len()];
    for (at, def) in product.options.iter().enumerate() {
        if def.visible_when.is_some() {
            hidden[at] = Some(values[at].len());
            values[at].push(hidden_value());
        }
    }
    let index_of: HashMap<&OptionId, usize> = option_ids
        .iter()
        .enumerate()
        .map(|(at, id)| (id, at))
        .collect();
    let count = |source: Source<'_>| -> usize {
        let Some(columns) = columns_of(source, &index_of) else {
            return 0;
        };
        let block_of = blocks(source, &columns, &option_ids, &values, &hidden);
        block_counts(&block_of)
            .into_iter()
            .fold(1usize, usize::saturating_mul)
    };
    let mut found = Vec::new();
    for (index, rule) in product.rules.iter().enumerate() {
        if !is_simple(rule, product) {
            let combinations = count(Source::Rule(rule));
            if combinations > MAX_COMBINATIONS {
                found.push((OversizedRule::Rule(index), combinations));
            }
        }
    }
    for (at, def) in product.options.iter().enumerate() {
        if let Some(condition) = &def.visible_when {
            let combinations = count(Source::Visibility(at, condition));
            if combinations > MAX_COMBINATIONS {
                found.push((OversizedRule::Visibility(def.id.clone()), combinations));
            }
        }
    }
    found
}

/// A rule or visibility condition too large for the solver.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OversizedRule {
    /// The product rule with this index.
    Rule(usize),
    /// The `visible_when` of this option.
    Visibility(OptionId),
}

/// The source as a table over blocks; `None` when it reads no option or an unknown one.
pub(super) fn block_rule(
    source: Source<'_>,
    option_ids: &[OptionId],
    values: &[Vec<OptionValue>],
    hidden: &[Option<usize>],
) -> Option<BlockRule> {
    let index_of: HashMap<&OptionId, usize> = option_ids
        .iter()
        .enumerate()
        .map(|(at, id)| (id, at))
        .collect();
    let columns = columns_of(source, &index_of)?;
    if columns.is_empty() {
        return None;
    }
    let block_of = blocks(source, &columns, option_ids, values, hidden);
    let counts = block_counts(&block_of);
    // The first value of each block stands for it.
    let representative: Vec<Vec<usize>> = block_of
        .iter()
        .zip(&counts)
        .map(|(blocks, count)| {
            let mut first = vec![usize::MAX; *count];
            for (value, block) in blocks.iter().enumerate() {
                if first[*block] == usize::MAX {
                    first[*block] = value;
                }
            }
            first
        })
        .collect();
    let mut rows = Vec::new();
    let mut combination = vec![0usize; columns.len()];
    'combinations: loop {
        let picked: Vec<usize> = combination
            .iter()
            .zip(&representative)
            .map(|(block, first)| first[*block])
            .collect();
        let is_hidden = |at: usize| Some(picked[at]) == hidden[columns[at]];
        let value_of = |id: &OptionId| {
            let at = columns.iter().position(|c| &option_ids[*c] == id)?;
            (!is_hidden(at)).then(|| values[columns[at]][picked[at]].clone())
        };
        let allowed = match source {
            Source::Rule(rule) => {
                (0..columns.len()).any(is_hidden) || rule.check(value_of) == Some(true)
            }
            Source::Visibility(_, condition) => is_hidden(0) != condition.holds(value_of),
        };
        if allowed {
            rows.push(combination.clone());
        }
        for (at, block) in combination.iter_mut().enumerate() {
            *block += 1;
            if *block < counts[at] {
                continue 'combinations;
            }
            *block = 0;
        }
        break;
    }
    Some(BlockRule {
        columns,
        block_of,
        rows,
    })
}

/// Whether a rule can go the simple way (single-option conditions or a table, no hidden
/// option read): then it is compiled without blocks.
pub(super) fn is_simple(rule: &Rule, product: &Product) -> bool {
    let gated = |id: &OptionId| {
        product
            .option(id)
            .is_some_and(|def| def.visible_when.is_some())
    };
    if rule.options().iter().any(gated) {
        return false;
    }
    match rule {
        Rule::Requires { when, then, .. } | Rule::Excludes { when, then, .. } => {
            when.options().len() == 1 && then.options().len() == 1
        }
        Rule::Table { .. } => true,
    }
}
