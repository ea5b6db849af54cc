//! Derived values: ids that clash with nothing, expressions that give a number or a name, and
//! no derived value that depends on itself.

use super::rules::{parse_expression, validate_derived_expression};
use super::{Checker, Place};
use crate::domain::catalog::expression::{DerivedSource, Syntax};
use crate::domain::catalog::{DerivedValue, OptionDef};
use crate::domain::values::ids::OptionId;
use crate::storage::catalog::raw::RawDerived;
use crate::storage::locate::Needle;
use std::collections::BTreeSet;

/// Most derived values per product.
const MAX_DERIVED: usize = 64;

pub(super) fn validate_derived<'r>(
    checker: &mut Checker<'_>,
    anchor: (Needle<'r>, usize),
    raw: &'r [RawDerived],
    options: &[OptionDef],
) -> Vec<DerivedValue> {
    checker.derived.clear();
    if raw.len() > MAX_DERIVED {
        checker.report(
            &[anchor, (Needle::Key("derived"), 0)],
            format!(
                "{} derived values; a product has at most {MAX_DERIVED}",
                raw.len()
            ),
        );
        return Vec::new();
    }
    let place_of = |id: &'r str| -> Place<'r> {
        vec![
            anchor,
            (Needle::Key("derived"), 0),
            (Needle::KeyValue("id", id), 0),
        ]
    };
    let mut seen = BTreeSet::new();
    let mut parsed: Vec<Option<Syntax>> = Vec::new();
    for derived in raw {
        let place = place_of(&derived.id);
        checker.check_id(&place, "derived value id", &derived.id);
        checker.check_text(
            &place,
            &format!("label of derived value `{}`", derived.id),
            &derived.label,
        );
        let clash = if options.iter().any(|def| def.id.as_str() == derived.id)
            || checker.invalid_options.contains(&derived.id)
        {
            Some("an option")
        } else if !seen.insert(derived.id.clone()) {
            Some("another derived value")
        } else {
            None
        };
        if let Some(other) = clash {
            checker.report(
                &place,
                format!("derived value `{}` has the same id as {other}", derived.id),
            );
            parsed.push(None);
            continue;
        }
        parsed.push(parse_expression(checker, &place, &derived.value));
    }
    let index_of = |word: &str| raw.iter().position(|derived| derived.id == word);
    let deps: Vec<Vec<usize>> = parsed
        .iter()
        .map(|syntax| {
            let mut words = Vec::new();
            if let Some(syntax) = syntax {
                collect_words(syntax, &mut words);
            }
            let mut deps: Vec<usize> = words
                .iter()
                .filter(|word| !options.iter().any(|def| def.id.as_str() == word.as_str()))
                .filter_map(|word| index_of(word))
                .collect();
            deps.sort_unstable();
            deps.dedup();
            deps
        })
        .collect();
    let (order, cyclic) = order_of(&deps);
    for cycle in &cyclic {
        let names: Vec<&str> = cycle.iter().map(|at| raw[*at].id.as_str()).collect();
        let first = cycle[0];
        checker.report(
            &place_of(&raw[first].id),
            format!(
                "derived value `{}` depends on itself: {} → {}",
                raw[first].id,
                names.join(" → "),
                raw[first].id
            ),
        );
    }
    let in_cycle: BTreeSet<usize> = cyclic.iter().flatten().copied().collect();
    let mut checked: Vec<Option<DerivedValue>> = vec![None; raw.len()];
    for at in order {
        let derived = &raw[at];
        let result = match (&parsed[at], in_cycle.contains(&at)) {
            (Some(syntax), false) => {
                let place = place_of(&derived.id);
                validate_derived_expression(checker, &place, &derived.value, syntax, options)
            }
            _ => None,
        };
        checker.derived.push(DerivedSource {
            id: OptionId(derived.id.clone()),
            checked: result.clone(),
        });
        checked[at] = result.map(|(expr, _)| DerivedValue {
            id: OptionId(derived.id.clone()),
            label: derived.label.clone(),
            source: derived.value.clone(),
            expr,
            on_quote: derived.on_quote,
        });
    }
    checked.into_iter().flatten().collect()
}

/// Every word (name) an expression uses.
pub(super) fn collect_words(syntax: &Syntax, words: &mut Vec<String>) {
    match syntax {
        Syntax::Number(..) | Syntax::Bool(..) => {}
        Syntax::Word(word, _) => words.push(word.clone()),
        Syntax::Not(inner, _) | Syntax::Negate(inner, _) => collect_words(inner, words),
        Syntax::And(a, b, _)
        | Syntax::Or(a, b, _)
        | Syntax::Compare(_, a, b, _)
        | Syntax::Arith(_, a, b, _) => {
            collect_words(a, words);
            collect_words(b, words);
        }
        Syntax::In(value, items, _) => {
            collect_words(value, words);
            for item in items {
                collect_words(item, words);
            }
        }
        Syntax::Call(_, _, args, _) => {
            for arg in args {
                collect_words(arg, words);
            }
        }
    }
}

/// A dependency order (each node after the nodes it depends on) and the cycles found, each
/// as the nodes along it; nodes on a cycle and those depending on them come last.
pub(super) fn order_of(deps: &[Vec<usize>]) -> (Vec<usize>, Vec<Vec<usize>>) {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Open,
        Done,
    }
    fn visit(
        node: usize,
        deps: &[Vec<usize>],
        marks: &mut [Mark],
        path: &mut Vec<usize>,
        order: &mut Vec<usize>,
        cycles: &mut Vec<Vec<usize>>,
    ) {
        match marks[node] {
            Mark::Done => return,
            Mark::Open => {
                if let Some(start) = path.iter().position(|at| *at == node) {
                    cycles.push(path[start..].to_vec());
                }
                return;
            }
            Mark::New => {}
        }
        marks[node] = Mark::Open;
        path.push(node);
        for next in &deps[node] {
            visit(*next, deps, marks, path, order, cycles);
        }
        path.pop();
        marks[node] = Mark::Done;
        order.push(node);
    }
    let mut marks = vec![Mark::New; deps.len()];
    let mut order = Vec::new();
    let mut cycles = Vec::new();
    for node in 0..deps.len() {
        visit(
            node,
            deps,
            &mut marks,
            &mut Vec::new(),
            &mut order,
            &mut cycles,
        );
    }
    (order, cycles)
}
