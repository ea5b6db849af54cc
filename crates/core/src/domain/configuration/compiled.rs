//! Rules compiled to value-index masks, and the bounded backtracking search over them.

use super::{ConfigurationError, SEARCH_STEP_LIMIT};
use crate::domain::catalog::{Condition, OptionValue, Product, Rule};
use crate::domain::ids::OptionId;
use std::cell::Cell;

/// A value index per option; `None` is unset.
pub(super) type Assignment = Vec<Option<usize>>;

/// A condition as the option it reads and, per value index, whether it holds.
#[derive(Debug)]
struct CompiledCondition {
    option: usize,
    holds: Vec<bool>,
}

impl CompiledCondition {
    fn holds(&self, assignment: &Assignment) -> Option<bool> {
        assignment[self.option].map(|value| self.holds[value])
    }
}

#[derive(Debug)]
enum CompiledRule {
    Requires(CompiledCondition, CompiledCondition),
    Excludes(CompiledCondition, CompiledCondition),
    Table {
        options: Vec<usize>,
        rows: Vec<Vec<usize>>,
    },
}

impl CompiledRule {
    fn options(&self) -> Vec<usize> {
        match self {
            CompiledRule::Requires(when, then) | CompiledRule::Excludes(when, then) => {
                vec![when.option, then.option]
            }
            CompiledRule::Table { options, .. } => options.clone(),
        }
    }

    /// `None` while an option the rule reads is unset.
    fn check(&self, assignment: &Assignment) -> Option<bool> {
        match self {
            CompiledRule::Requires(when, then) => {
                if !when.holds(assignment)? {
                    return Some(true);
                }
                then.holds(assignment)
            }
            CompiledRule::Excludes(when, then) => {
                if !when.holds(assignment)? {
                    return Some(true);
                }
                then.holds(assignment).map(|holds| !holds)
            }
            CompiledRule::Table { options, rows } => {
                let mut chosen = Vec::with_capacity(options.len());
                for option in options {
                    chosen.push(assignment[*option]?);
                }
                Some(rows.iter().any(|row| row == &chosen))
            }
        }
    }
}

/// A product's options and rules in index form.
#[derive(Debug)]
pub(super) struct CompiledProduct {
    option_ids: Vec<OptionId>,
    domains: Vec<Vec<OptionValue>>,
    rules: Vec<CompiledRule>,
    /// Rule indices reading each option.
    rules_of_option: Vec<Vec<usize>>,
    /// Options linked by rules, each group searchable on its own; options in no rule are left out.
    groups: Vec<Vec<usize>>,
}

impl CompiledProduct {
    pub(super) fn new(product: &Product) -> Self {
        let option_ids: Vec<OptionId> = product.options.iter().map(|def| def.id.clone()).collect();
        let domains: Vec<Vec<OptionValue>> =
            product.options.iter().map(|def| def.values()).collect();
        let index_of = |id: &OptionId| option_ids.iter().position(|known| known == id);
        let compile_condition = |condition: &Condition| {
            let option = index_of(condition.option()).unwrap_or(0);
            let holds = domains
                .get(option)
                .map(|domain| {
                    domain
                        .iter()
                        .map(|value| condition.holds_for(value))
                        .collect()
                })
                .unwrap_or_default();
            CompiledCondition { option, holds }
        };
        let rules: Vec<CompiledRule> = product
            .rules
            .iter()
            .map(|rule| match rule {
                Rule::Requires { when, then, .. } => {
                    CompiledRule::Requires(compile_condition(when), compile_condition(then))
                }
                Rule::Excludes { when, then, .. } => {
                    CompiledRule::Excludes(compile_condition(when), compile_condition(then))
                }
                Rule::Table { options, rows, .. } => {
                    let columns: Vec<usize> = options.iter().filter_map(&index_of).collect();
                    let rows = rows
                        .iter()
                        .filter_map(|row| {
                            row.iter()
                                .zip(&columns)
                                .map(|(value, column)| {
                                    domains[*column].iter().position(|known| {
                                        known == &OptionValue::Choice(value.clone())
                                    })
                                })
                                .collect::<Option<Vec<usize>>>()
                        })
                        .collect();
                    CompiledRule::Table {
                        options: columns,
                        rows,
                    }
                }
            })
            .collect();
        let mut rules_of_option = vec![Vec::new(); option_ids.len()];
        for (rule_index, rule) in rules.iter().enumerate() {
            for option in rule.options() {
                if !rules_of_option[option].contains(&rule_index) {
                    rules_of_option[option].push(rule_index);
                }
            }
        }
        let groups = linked_groups(option_ids.len(), &rules);
        Self {
            option_ids,
            domains,
            rules,
            rules_of_option,
            groups,
        }
    }

    pub(super) fn option_index(&self, id: &OptionId) -> Option<usize> {
        self.option_ids.iter().position(|known| known == id)
    }

    pub(super) fn value_index(&self, option: usize, value: &OptionValue) -> Option<usize> {
        self.domains[option].iter().position(|known| known == value)
    }

    pub(super) fn domain(&self, option: usize) -> &[OptionValue] {
        &self.domains[option]
    }

    /// Rule indices that the assigned values already break.
    pub(super) fn broken_rules(&self, assignment: &Assignment) -> Vec<usize> {
        self.rules
            .iter()
            .enumerate()
            .filter(|(_, rule)| rule.check(assignment) == Some(false))
            .map(|(index, _)| index)
            .collect()
    }

    /// Whether the assignment can be completed, optionally ignoring one rule.
    pub(super) fn completion(
        &self,
        mut assignment: Assignment,
        ignored_rule: Option<usize>,
    ) -> Result<bool, ConfigurationError> {
        if self
            .broken_rules(&assignment)
            .iter()
            .any(|rule| Some(*rule) != ignored_rule)
        {
            return Ok(false);
        }
        let steps = Cell::new(0_u64);
        for group in &self.groups {
            let open: Vec<usize> = group
                .iter()
                .copied()
                .filter(|o| assignment[*o].is_none())
                .collect();
            if !self.search(&mut assignment, &open, ignored_rule, &steps)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    fn search(
        &self,
        assignment: &mut Assignment,
        open: &[usize],
        ignored_rule: Option<usize>,
        steps: &Cell<u64>,
    ) -> Result<bool, ConfigurationError> {
        let Some((&option, rest)) = open.split_first() else {
            return Ok(true);
        };
        for value in 0..self.domains[option].len() {
            steps.set(steps.get() + 1);
            if steps.get() > SEARCH_STEP_LIMIT {
                return Err(ConfigurationError::TooComplex);
            }
            assignment[option] = Some(value);
            let consistent = self.rules_of_option[option]
                .iter()
                .filter(|rule| Some(**rule) != ignored_rule)
                .all(|rule| self.rules[*rule].check(assignment) != Some(false));
            if consistent && self.search(assignment, rest, ignored_rule, steps)? {
                assignment[option] = None;
                return Ok(true);
            }
        }
        assignment[option] = None;
        Ok(false)
    }

    /// The rules to blame for an assignment that cannot be completed: those it breaks outright,
    /// else those whose removal alone would make it completable, else every rule reading a
    /// chosen option.
    pub(super) fn blocking_rules(
        &self,
        assignment: &Assignment,
    ) -> Result<Vec<usize>, ConfigurationError> {
        let broken = self.broken_rules(assignment);
        if !broken.is_empty() {
            return Ok(broken);
        }
        let mut culprits = Vec::new();
        for rule in 0..self.rules.len() {
            if self.completion(assignment.clone(), Some(rule))? {
                culprits.push(rule);
            }
        }
        if culprits.is_empty() {
            culprits = (0..self.rules.len())
                .filter(|rule| {
                    self.rules[*rule]
                        .options()
                        .iter()
                        .any(|option| assignment[*option].is_some())
                })
                .collect();
        }
        Ok(culprits)
    }

    /// Every complete assignment that breaks no rule, or `None` when there are more than `limit`.
    pub(super) fn enumerate(&self, limit: usize) -> Option<Vec<Assignment>> {
        let mut found = Vec::new();
        let mut assignment = vec![None; self.domains.len()];
        let all: Vec<usize> = (0..self.domains.len()).collect();
        self.collect(&mut assignment, &all, &mut found, limit)
            .then_some(found)
    }

    fn collect(
        &self,
        assignment: &mut Assignment,
        open: &[usize],
        found: &mut Vec<Assignment>,
        limit: usize,
    ) -> bool {
        let Some((&option, rest)) = open.split_first() else {
            found.push(assignment.clone());
            return found.len() <= limit;
        };
        for value in 0..self.domains[option].len() {
            assignment[option] = Some(value);
            let consistent = self.rules_of_option[option]
                .iter()
                .all(|rule| self.rules[*rule].check(assignment) != Some(false));
            if consistent && !self.collect(assignment, rest, found, limit) {
                return false;
            }
        }
        assignment[option] = None;
        true
    }
}

/// Groups of options connected through shared rules (union-find), each in option order.
fn linked_groups(option_count: usize, rules: &[CompiledRule]) -> Vec<Vec<usize>> {
    let mut parent: Vec<usize> = (0..option_count).collect();
    fn root(parent: &mut [usize], mut node: usize) -> usize {
        while parent[node] != node {
            parent[node] = parent[parent[node]];
            node = parent[node];
        }
        node
    }
    let mut in_rule = vec![false; option_count];
    for rule in rules {
        let options = rule.options();
        for option in &options {
            in_rule[*option] = true;
        }
        for pair in options.windows(2) {
            let (a, b) = (root(&mut parent, pair[0]), root(&mut parent, pair[1]));
            parent[a] = b;
        }
    }
    let mut groups: Vec<(usize, Vec<usize>)> = Vec::new();
    for option in (0..option_count).filter(|option| in_rule[*option]) {
        let group_root = root(&mut parent, option);
        match groups.iter_mut().find(|(known, _)| *known == group_root) {
            Some((_, members)) => members.push(option),
            None => groups.push((group_root, vec![option])),
        }
    }
    groups.into_iter().map(|(_, members)| members).collect()
}
