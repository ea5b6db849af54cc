//! Propagation that remembers why: every class it removes carries the rules that led to it
//! (the removing rule, and whatever had narrowed the options that rule reads), given the
//! user's choices. That set forbids the class by propagation alone, so it is a small, sound starting
//! point for a minimal explanation, found without a search per rule.

use super::domains::Domains;
use super::ground::Held;
use super::model::Model;
use super::propagate::{RuleMask, revise};
use std::collections::VecDeque;

/// Rules that together (with the user's choices) rule something out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Reason {
    rules: Vec<u64>,
}

impl Reason {
    fn add_rule(&mut self, rule: usize) {
        set_bit(&mut self.rules, rule);
    }

    fn absorb(&mut self, other: &Reason) {
        union(&mut self.rules, &other.rules);
    }

    /// Rule indices, ascending.
    pub(super) fn rules(&self) -> Vec<usize> {
        bits(&self.rules)
    }
}

fn set_bit(words: &mut Vec<u64>, bit: usize) {
    if words.len() <= bit / 64 {
        words.resize(bit / 64 + 1, 0);
    }
    words[bit / 64] |= 1 << (bit % 64);
}

fn union(words: &mut Vec<u64>, other: &[u64]) {
    if words.len() < other.len() {
        words.resize(other.len(), 0);
    }
    for (word, more) in words.iter_mut().zip(other) {
        *word |= more;
    }
}

fn bits(words: &[u64]) -> Vec<usize> {
    let mut found = Vec::new();
    for (index, word) in words.iter().enumerate() {
        let mut rest = *word;
        while rest != 0 {
            found.push(index * 64 + rest.trailing_zeros() as usize);
            rest &= rest - 1;
        }
    }
    found
}

/// What propagating from the user's choices gave.
#[derive(Debug)]
pub(super) enum Traced {
    /// The domains left, and for each option and class removed, why.
    Narrowed {
        domains: Domains,
        removed: Vec<Vec<Option<Reason>>>,
    },
    /// Some option was left without a class, for this reason.
    Failed(Reason),
}

/// Full domains with `held` options fixed, propagated over `group`'s active constraints,
/// remembering why each class went.
pub(super) fn traced(model: &Model, group: usize, held: &[Held], active: &RuleMask) -> Traced {
    let layout = &model.layout;
    let mut domains = layout.full();
    let mut removed: Vec<Vec<Option<Reason>>> = (0..model.option_count())
        .map(|option| vec![None; layout.size(option)])
        .collect();
    let mut responsible: Vec<Reason> = vec![Reason::default(); model.option_count()];
    for (option, class) in held {
        let reason = Reason::default();
        let before: Vec<usize> = domains.iter(layout, *option).collect();
        if !model.hold(&mut domains, *option, *class) {
            return Traced::Failed(reason);
        }
        for other in before {
            if !domains.contains(layout, *option, other) {
                removed[*option][other] = Some(reason.clone());
            }
        }
        responsible[*option] = reason;
    }
    let constraints = &model.groups[group].constraints;
    let mut queued = vec![false; model.constraints.len()];
    let mut queue: VecDeque<usize> = VecDeque::new();
    for constraint in constraints {
        if active[model.rule_of[*constraint]] {
            queued[*constraint] = true;
            queue.push_back(*constraint);
        }
    }
    let mut changed = Vec::new();
    while let Some(constraint) = queue.pop_front() {
        queued[constraint] = false;
        let scope = model.constraints[constraint].options();
        let before: Vec<Vec<usize>> = scope
            .iter()
            .map(|option| domains.iter(layout, *option).collect())
            .collect();
        let mut reason = Reason::default();
        reason.add_rule(model.rule_of[constraint]);
        for option in &scope {
            reason.absorb(&responsible[*option]);
        }
        changed.clear();
        if !revise(model, &mut domains, constraint, &mut changed) {
            return Traced::Failed(reason);
        }
        for (option, had) in scope.iter().zip(&before) {
            if !changed.contains(option) {
                continue;
            }
            for class in had {
                if !domains.contains(layout, *option, *class) {
                    removed[*option][*class] = Some(reason.clone());
                }
            }
            responsible[*option].absorb(&reason);
            for next in &model.constraints_of[*option] {
                if *next != constraint && !queued[*next] && active[model.rule_of[*next]] {
                    queued[*next] = true;
                    queue.push_back(*next);
                }
            }
        }
    }
    Traced::Narrowed { domains, removed }
}
