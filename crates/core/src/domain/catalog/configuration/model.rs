//! A product's options and rules compiled for the solver: each option's values grouped into
//! classes that no rule tells apart (a 500-value width read by two thresholds has three), each
//! rule a constraint over those classes, and the options split into groups that no rule links.

use super::blocks::{BlockRule, Source, block_rule, hidden_value, is_simple};
use super::domains::{ClassSet, Domains, Layout};
use crate::domain::catalog::{Condition, OptionValue, Product, Rule};
use crate::domain::values::ids::{OptionId, ValueId};
use std::collections::HashMap;

/// One rule as a constraint over value classes.
#[derive(Debug, Clone)]
pub(super) enum Constraint {
    /// The option must take one of these classes (a rule whose two conditions read one option).
    Unary { option: usize, allowed: ClassSet },
    /// When `when_option` is in `when`, `then_option` must be in `then`.
    Implies {
        when_option: usize,
        when: ClassSet,
        not_when: ClassSet,
        then_option: usize,
        then: ClassSet,
    },
    /// The columns (distinct options) take the classes of one of the rows together; the
    /// rows one after another, a class per column each.
    Table {
        columns: Vec<usize>,
        rows: Vec<usize>,
    },
}

impl Constraint {
    pub(super) fn options(&self) -> Vec<usize> {
        match self {
            Constraint::Unary { option, .. } => vec![*option],
            Constraint::Implies {
                when_option,
                then_option,
                ..
            } => vec![*when_option, *then_option],
            Constraint::Table { columns, .. } => columns.clone(),
        }
    }
}

/// Options linked through rules; each group is solved on its own.
#[derive(Debug, Clone)]
pub(super) struct Group {
    pub(super) options: Vec<usize>,
    /// Indices into [`Model::constraints`].
    pub(super) constraints: Vec<usize>,
}

/// A product compiled for the solver.
#[derive(Debug, Clone)]
pub(super) struct Model {
    pub(super) option_ids: Vec<OptionId>,
    /// Every option's values in display order.
    pub(super) values: Vec<Vec<OptionValue>>,
    /// Per option, the class of each value.
    pub(super) class_of: Vec<Vec<usize>>,
    /// Per option, the values (indices) of each class in display order.
    pub(super) members: Vec<Vec<Vec<usize>>>,
    pub(super) layout: Layout,
    pub(super) constraints: Vec<Constraint>,
    /// The product rule each constraint comes from.
    pub(super) rule_of: Vec<usize>,
    /// Per option, the constraints reading it.
    pub(super) constraints_of: Vec<Vec<usize>>,
    pub(super) groups: Vec<Group>,
    /// Per option, its group (`None` when no rule reads it).
    pub(super) group_of: Vec<Option<usize>>,
    /// Product rules, then one visibility condition per conditionally shown option.
    pub(super) rule_count: usize,
    /// Per option, the class of its "not shown" value (options with `visible_when` only).
    pub(super) hidden_class: Vec<Option<usize>>,
    /// The message of each visibility condition (rule index `product.rules.len() + k`).
    pub(super) visibility_messages: Vec<String>,
}

/// A rule over value indices, before values are grouped into classes.
enum ValueRule {
    Unary {
        option: usize,
        allowed: Vec<bool>,
    },
    Implies {
        when_option: usize,
        when: Vec<bool>,
        then_option: usize,
        then: Vec<bool>,
    },
    Table {
        columns: Vec<usize>,
        rows: Vec<Vec<usize>>,
    },
    /// A table over blocks of values (expression rules, hidden options, visibility).
    Blocks(BlockRule),
}

impl Model {
    pub(super) fn new(product: &Product) -> Self {
        let option_ids: Vec<OptionId> = product.options.iter().map(|def| def.id.clone()).collect();
        let mut values: Vec<Vec<OptionValue>> =
            product.options.iter().map(|def| def.values()).collect();
        let mut hidden: Vec<Option<usize>> = vec![None; option_ids.len()];
        for (at, def) in product.options.iter().enumerate() {
            if def.visible_when.is_some() {
                hidden[at] = Some(values[at].len());
                values[at].push(hidden_value());
            }
        }
        let index_of: HashMap<&OptionId, usize> = option_ids
            .iter()
            .enumerate()
            .map(|(index, id)| (id, index))
            .collect();
        let value_index: Vec<HashMap<&OptionValue, usize>> = values
            .iter()
            .map(|domain| domain.iter().enumerate().map(|(at, v)| (v, at)).collect())
            .collect();
        let mut value_rules = Vec::new();
        for (rule_index, rule) in product.rules.iter().enumerate() {
            let compiled = if is_simple(rule, product) {
                value_rule(rule, &index_of, &values, &value_index)
            } else {
                block_rule(Source::Rule(rule), &option_ids, &values, &hidden).map(ValueRule::Blocks)
            };
            if let Some(compiled) = compiled {
                value_rules.push((rule_index, compiled));
            }
        }
        let mut visibility_messages = Vec::new();
        for (at, def) in product.options.iter().enumerate() {
            if let Some(condition) = &def.visible_when {
                let index = product.rules.len() + visibility_messages.len();
                visibility_messages.push(format!(
                    "{} is only offered when {}",
                    def.label,
                    condition.text()
                ));
                if let Some(compiled) = block_rule(
                    Source::Visibility(at, condition),
                    &option_ids,
                    &values,
                    &hidden,
                ) {
                    value_rules.push((index, ValueRule::Blocks(compiled)));
                }
            }
        }
        let (class_of, members) = classes(&values, &value_rules);
        let layout = Layout::new(members.iter().map(Vec::len).collect());
        let set = |option: usize, holds: &[bool]| {
            layout.set_of(option, |class| holds[members[option][class][0]])
        };
        let mut constraints = Vec::new();
        let mut rule_of = Vec::new();
        for (rule_index, rule) in &value_rules {
            let constraint = match rule {
                ValueRule::Unary { option, allowed } => Constraint::Unary {
                    option: *option,
                    allowed: set(*option, allowed),
                },
                ValueRule::Implies {
                    when_option,
                    when,
                    then_option,
                    then,
                } => {
                    let not: Vec<bool> = when.iter().map(|holds| !holds).collect();
                    Constraint::Implies {
                        when_option: *when_option,
                        when: set(*when_option, when),
                        not_when: set(*when_option, &not),
                        then_option: *then_option,
                        then: set(*then_option, then),
                    }
                }
                ValueRule::Table { columns, rows } => {
                    let mut class_rows: Vec<Vec<usize>> = rows
                        .iter()
                        .map(|row| {
                            row.iter()
                                .zip(columns)
                                .map(|(value, column)| class_of[*column][*value])
                                .collect()
                        })
                        .collect();
                    class_rows.sort_unstable();
                    class_rows.dedup();
                    Constraint::Table {
                        columns: columns.clone(),
                        rows: class_rows.concat(),
                    }
                }
                ValueRule::Blocks(rule) => Constraint::Table {
                    columns: rule.columns.clone(),
                    rows: block_rows_as_classes(rule, &members),
                },
            };
            constraints.push(constraint);
            rule_of.push(*rule_index);
        }
        let mut constraints_of = vec![Vec::new(); option_ids.len()];
        for (index, constraint) in constraints.iter().enumerate() {
            for option in constraint.options() {
                if !constraints_of[option].contains(&index) {
                    constraints_of[option].push(index);
                }
            }
        }
        let (groups, group_of) = linked_groups(option_ids.len(), &constraints);
        let hidden_class = hidden
            .iter()
            .enumerate()
            .map(|(option, value)| value.map(|value| class_of[option][value]))
            .collect();
        Self {
            option_ids,
            values,
            class_of,
            members,
            layout,
            constraints,
            rule_of,
            constraints_of,
            groups,
            group_of,
            rule_count: product.rules.len() + visibility_messages.len(),
            hidden_class,
            visibility_messages,
        }
    }

    /// Applies the user's choice `class` of `option` (as `chosen_class` encodes it) to
    /// `domains`; false when the domain no longer allows it.
    pub(super) fn hold(&self, domains: &mut Domains, option: usize, class: usize) -> bool {
        let (class, or_hidden) = self.decode(option, class);
        match or_hidden {
            None => {
                if !domains.contains(&self.layout, option, class) {
                    return false;
                }
                domains.fix(&self.layout, option, class);
            }
            Some(hidden) => {
                let keep = self
                    .layout
                    .set_of(option, |other| other == class || other == hidden);
                domains.restrict(&self.layout, option, keep.words());
                if domains.is_empty(&self.layout, option) {
                    return false;
                }
            }
        }
        true
    }

    /// The class a user's choice holds: for a conditionally shown option, "this class or not
    /// shown" (the choice counts only while the option shows), encoded above the option's
    /// class count.
    pub(super) fn chosen_class(&self, option: usize, class: usize) -> usize {
        match self.hidden_class[option] {
            Some(hidden) if hidden != class => class + self.layout.size(option),
            _ => class,
        }
    }

    /// A held class decoded: the class, and the "not shown" class it may also take.
    pub(super) fn decode(&self, option: usize, class: usize) -> (usize, Option<usize>) {
        let size = self.layout.size(option);
        if class >= size {
            (class - size, self.hidden_class[option])
        } else {
            (class, None)
        }
    }

    /// Whether a value index is an option's "not shown" value.
    pub(super) fn is_hidden_value(&self, option: usize, value: usize) -> bool {
        self.hidden_class[option].is_some() && value + 1 == self.values[option].len()
    }

    pub(super) fn option_count(&self) -> usize {
        self.option_ids.len()
    }

    /// The class of a value, if it is one of the option's values.
    pub(super) fn class_of_value(&self, option: usize, value: &OptionValue) -> Option<usize> {
        let index = self.values[option]
            .iter()
            .position(|known| known == value)?;
        Some(self.class_of[option][index])
    }

    /// The value standing for a class: `preferred` when it lies in the class, else the
    /// class's first value.
    pub(super) fn value_of_class(
        &self,
        option: usize,
        class: usize,
        preferred: Option<&OptionValue>,
    ) -> OptionValue {
        let members = &self.members[option][class];
        preferred
            .filter(|value| self.class_of_value(option, value) == Some(class))
            .cloned()
            .unwrap_or_else(|| self.values[option][members[0]].clone())
    }
}

/// Each option's values by value, to find a value's index without a scan.
type ValueIndex<'a> = [HashMap<&'a OptionValue, usize>];

fn value_rule(
    rule: &Rule,
    index_of: &HashMap<&OptionId, usize>,
    values: &[Vec<OptionValue>],
    value_index: &ValueIndex<'_>,
) -> Option<ValueRule> {
    let condition = |condition: &Condition| {
        let [read] = condition.options().try_into().ok()?;
        let option = *index_of.get(&read)?;
        let marked = |expected: &mut dyn Iterator<Item = &ValueId>| {
            let mut holds = vec![false; values[option].len()];
            for id in expected {
                if let Some(at) = value_index[option].get(&OptionValue::Choice(id.clone())) {
                    holds[*at] = true;
                }
            }
            holds
        };
        let holds: Vec<bool> = match condition {
            Condition::Is(_, expected) => marked(&mut std::iter::once(expected)),
            Condition::OneOf(_, expected) => marked(&mut expected.iter()),
            Condition::AtLeast(..) | Condition::AtMost(..) | Condition::Expr(_) => values[option]
                .iter()
                .map(|value| condition.holds_for(value))
                .collect(),
        };
        Some((option, holds))
    };
    let implies = |(when_option, when): (usize, Vec<bool>),
                   (then_option, then): (usize, Vec<bool>)| {
        if when_option == then_option {
            let allowed = when.iter().zip(&then).map(|(w, t)| !w || *t).collect();
            ValueRule::Unary {
                option: when_option,
                allowed,
            }
        } else {
            ValueRule::Implies {
                when_option,
                when,
                then_option,
                then,
            }
        }
    };
    match rule {
        Rule::Requires { when, then, .. } => Some(implies(condition(when)?, condition(then)?)),
        Rule::Excludes { when, then, .. } => {
            let (then_option, then) = condition(then)?;
            let not_then = then.iter().map(|holds| !holds).collect();
            Some(implies(condition(when)?, (then_option, not_then)))
        }
        Rule::Table { options, rows, .. } => {
            let listed: Vec<usize> = options
                .iter()
                .map(|id| index_of.get(id).copied())
                .collect::<Option<_>>()?;
            let mut columns: Vec<usize> = Vec::new();
            for option in &listed {
                if !columns.contains(option) {
                    columns.push(*option);
                }
            }
            // A table over no option restricts nothing the solver can hold.
            if columns.is_empty() {
                return None;
            }
            let rows = rows
                .iter()
                .filter_map(|row| {
                    let mut picked: Vec<Option<usize>> = vec![None; columns.len()];
                    for (value, option) in row.iter().zip(&listed) {
                        let wanted = OptionValue::Choice(value.clone());
                        let index = *value_index[*option].get(&wanted)?;
                        let column = columns.iter().position(|c| c == option)?;
                        match picked[column] {
                            Some(earlier) if earlier != index => return None,
                            _ => picked[column] = Some(index),
                        }
                    }
                    (row.len() == listed.len())
                        .then(|| picked.into_iter().collect::<Option<Vec<usize>>>())
                        .flatten()
                })
                .collect();
            Some(ValueRule::Table { columns, rows })
        }
    }
}

/// A table row without one of its columns, as one number when the other columns' value
/// counts multiply to fit (they nearly always do), else as the values themselves.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum RowKey {
    Packed(u64),
    Values(Vec<usize>),
}

fn row_key(
    row: &[usize],
    skipped: usize,
    columns: &[usize],
    values: &[Vec<OptionValue>],
) -> RowKey {
    let mut packed: Option<u64> = Some(0);
    for (at, (value, option)) in row.iter().zip(columns).enumerate() {
        if at == skipped {
            continue;
        }
        let radix = u64::try_from(values[*option].len()).ok();
        let value = u64::try_from(*value).ok();
        packed = packed
            .zip(radix)
            .and_then(|(packed, radix)| packed.checked_mul(radix))
            .zip(value)
            .and_then(|(packed, value)| packed.checked_add(value));
    }
    match packed {
        Some(packed) => RowKey::Packed(packed),
        None => RowKey::Values(
            row.iter()
                .enumerate()
                .filter(|(at, _)| *at != skipped)
                .map(|(_, value)| *value)
                .collect(),
        ),
    }
}

/// Groups each option's values into classes: two values share a class when every condition
/// holds for both or for neither, and every table allows the same rows with either.
fn classes(
    values: &[Vec<OptionValue>],
    rules: &[(usize, ValueRule)],
) -> (Vec<Vec<usize>>, Vec<Vec<Vec<usize>>>) {
    // Partition refinement: every value starts in one class, and each condition or table
    // column splits the classes it tells apart, numbered in order of their first value.
    let mut class_of: Vec<Vec<usize>> = values.iter().map(|domain| vec![0; domain.len()]).collect();
    for (_, rule) in rules {
        match rule {
            ValueRule::Unary { option, allowed } => {
                split_by(&mut class_of[*option], |v| allowed[v])
            }
            ValueRule::Implies {
                when_option,
                when,
                then_option,
                then,
            } => {
                split_by(&mut class_of[*when_option], |v| when[v]);
                split_by(&mut class_of[*then_option], |v| then[v]);
            }
            ValueRule::Blocks(rule) => {
                for (column, option) in rule.columns.iter().enumerate() {
                    let blocks = &rule.block_of[column];
                    split_by(&mut class_of[*option], |v| blocks[v]);
                    let count = blocks.iter().max().map_or(0, |most| most + 1);
                    let mut rest_ids: HashMap<Vec<usize>, u32> = HashMap::new();
                    let mut marks = vec![Vec::new(); count];
                    for row in &rule.rows {
                        let mut rest = row.clone();
                        rest.remove(column);
                        let next = u32::try_from(rest_ids.len()).unwrap_or(u32::MAX);
                        let id = *rest_ids.entry(rest).or_insert(next);
                        marks[row[column]].push(id);
                    }
                    for mark in &mut marks {
                        mark.sort_unstable();
                        mark.dedup();
                    }
                    split_by(&mut class_of[*option], |v| marks[blocks[v]].clone());
                }
            }
            ValueRule::Table { columns, rows } => {
                for (column, option) in columns.iter().enumerate() {
                    let mut rest_ids: HashMap<RowKey, u32> = HashMap::new();
                    let mut marks = vec![Vec::new(); values[*option].len()];
                    for row in rows {
                        let rest = row_key(row, column, columns, values);
                        let next = u32::try_from(rest_ids.len()).unwrap_or(u32::MAX);
                        let id = *rest_ids.entry(rest).or_insert(next);
                        marks[row[column]].push(id);
                    }
                    for mark in &mut marks {
                        mark.sort_unstable();
                        mark.dedup();
                    }
                    split_by(&mut class_of[*option], |v| marks[v].clone());
                }
            }
        }
    }
    let members = class_of
        .iter()
        .map(|classes| {
            let count = classes.iter().max().map_or(0, |most| most + 1);
            let mut members = vec![Vec::new(); count];
            for (value, class) in classes.iter().enumerate() {
                members[*class].push(value);
            }
            members
        })
        .collect();
    (class_of, members)
}

/// A block table's rows as rows of classes: classes refine blocks, so each block row stands
/// for every combination of the classes inside its blocks.
fn block_rows_as_classes(rule: &BlockRule, members: &[Vec<Vec<usize>>]) -> Vec<usize> {
    let in_block: Vec<Vec<Vec<usize>>> = rule
        .columns
        .iter()
        .zip(&rule.block_of)
        .map(|(column, blocks)| {
            let count = blocks.iter().max().map_or(0, |most| most + 1);
            let mut classes = vec![Vec::new(); count];
            for (class, values) in members[*column].iter().enumerate() {
                classes[blocks[values[0]]].push(class);
            }
            classes
        })
        .collect();
    let mut class_rows: Vec<Vec<usize>> = Vec::new();
    for row in &rule.rows {
        let mut partial: Vec<Vec<usize>> = vec![Vec::new()];
        for (at, block) in row.iter().enumerate() {
            partial = partial
                .into_iter()
                .flat_map(|prefix| {
                    in_block[at][*block].iter().map(move |class| {
                        let mut next = prefix.clone();
                        next.push(*class);
                        next
                    })
                })
                .collect();
        }
        class_rows.extend(partial);
    }
    class_rows.sort_unstable();
    class_rows.dedup();
    class_rows.concat()
}

/// Splits the classes of one option's values by `key`: two values stay together only when
/// they shared a class and have the same key. Classes are renumbered in order of their first
/// value.
fn split_by<K: std::hash::Hash + Eq>(classes: &mut [usize], key: impl Fn(usize) -> K) {
    let mut renumbered: HashMap<(usize, K), usize> = HashMap::new();
    for (value, class) in classes.iter_mut().enumerate() {
        let next = renumbered.len();
        *class = *renumbered.entry((*class, key(value))).or_insert(next);
    }
}

/// Options connected through shared constraints (union-find), each group in option order.
fn linked_groups(
    option_count: usize,
    constraints: &[Constraint],
) -> (Vec<Group>, Vec<Option<usize>>) {
    fn root(parent: &mut [usize], mut node: usize) -> usize {
        while parent[node] != node {
            parent[node] = parent[parent[node]];
            node = parent[node];
        }
        node
    }
    let mut parent: Vec<usize> = (0..option_count).collect();
    let mut constrained = vec![false; option_count];
    for constraint in constraints {
        let options = constraint.options();
        for option in &options {
            constrained[*option] = true;
        }
        for pair in options.windows(2) {
            let (a, b) = (root(&mut parent, pair[0]), root(&mut parent, pair[1]));
            parent[a] = b;
        }
    }
    let mut groups: Vec<Group> = Vec::new();
    let mut group_of = vec![None; option_count];
    let mut group_of_root: HashMap<usize, usize> = HashMap::new();
    for option in (0..option_count).filter(|option| constrained[*option]) {
        let group_root = root(&mut parent, option);
        let group = *group_of_root.entry(group_root).or_insert_with(|| {
            groups.push(Group {
                options: Vec::new(),
                constraints: Vec::new(),
            });
            groups.len() - 1
        });
        groups[group].options.push(option);
        group_of[option] = Some(group);
    }
    for (index, constraint) in constraints.iter().enumerate() {
        if let Some(group) = constraint.options().first().and_then(|o| group_of[*o]) {
            groups[group].constraints.push(index);
        }
    }
    (groups, group_of)
}
