//! The configuration engine: which option values can still lead to a valid product, the full
//! configuration from the user's choices, and the rules that explain a conflict.
//!
//! The engine is order-independent and free of dead ends: a value is offered only when some
//! complete configuration satisfying every rule contains it together with the user's other
//! choices. Behind it is a small constraint solver: values no rule tells apart are grouped into
//! classes, rules become constraints kept arc-consistent by propagation, and a search with
//! propagation at every step finds witnesses (one solution shows every value it contains) and
//! proves blocks. Explanations are minimal sets of rules (shrunk from the rules a proof used),
//! with the user's choices they need.

mod blocks;
mod diagnostics;
mod domains;
mod enumerate;
mod explain;
mod ground;
mod memo;
mod model;
mod panel;
mod propagate;
mod reasons;
mod resolve;
pub mod sample;
mod search;
mod states;

pub use blocks::{MAX_COMBINATIONS, OversizedRule, oversized_rules};
pub use diagnostics::{ProductDiagnostics, RuleFinding, UnreachableValue};
pub use memo::{ResolveMemo, Resolved};
pub use search::QUESTION_TIME_LIMIT;
pub use states::{BlockedValue, OptionAvailability, OptionState};

use crate::domain::catalog::{Configuration, OptionValue, Product};
use crate::domain::values::ids::OptionId;
use explain::{Explanation, KnownCores, explain};
use ground::{Held, all_rules, satisfiable};
use model::Model;
use panel::Reasons;
use search::{Budget, OutOfTime};
use std::time::Duration;
use thiserror::Error;

/// Why a configuration cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ConfigurationError {
    /// The product has no option with this id.
    #[error("product has no option `{0}`")]
    UnknownOption(OptionId),
    /// The value is not in the option's domain.
    #[error("`{value}` is not a value of option `{option}`")]
    ValueNotAllowed {
        /// The option.
        option: OptionId,
        /// The value given.
        value: OptionValue,
    },
    /// The choices break rules; the messages say which.
    #[error("{}", messages.join("; "))]
    Conflict {
        /// Messages of the rules that forbid the combination.
        messages: Vec<String>,
    },
    /// The question ran past the engine's time limit ([`QUESTION_TIME_LIMIT`] unless set).
    #[error("checking the options took too long; the product's rules are too involved to answer")]
    TooComplex,
}

impl From<OutOfTime> for ConfigurationError {
    fn from(_: OutOfTime) -> Self {
        ConfigurationError::TooComplex
    }
}

/// Answers configuration questions about one product.
#[derive(Debug)]
pub struct ConfigurationEngine<'product> {
    product: &'product Product,
    model: Model,
    time_limit: Duration,
}

impl<'product> ConfigurationEngine<'product> {
    /// Prepares the engine for a product.
    #[must_use]
    pub fn new(product: &'product Product) -> Self {
        Self {
            product,
            model: Model::new(product),
            time_limit: QUESTION_TIME_LIMIT,
        }
    }

    /// The same engine giving up on a question after `limit` instead of
    /// [`QUESTION_TIME_LIMIT`] (with [`ConfigurationError::TooComplex`]): a window asks with a
    /// frame's share of time first and hands slow questions to a background task.
    #[must_use]
    pub fn with_time_limit(mut self, limit: Duration) -> Self {
        self.time_limit = limit;
        self
    }

    /// The product the engine answers for.
    #[must_use]
    pub fn product(&self) -> &'product Product {
        self.product
    }

    /// Whether some complete valid configuration contains every choice in `partial`.
    ///
    /// # Errors
    /// An unknown option or value, or a question over [`QUESTION_TIME_LIMIT`].
    pub fn is_completable(&self, partial: &Configuration) -> Result<bool, ConfigurationError> {
        let chosen = self.chosen_classes(partial)?;
        let mut budget = Budget::new(self.time_limit);
        let active = all_rules(&self.model);
        for group in 0..self.model.groups.len() {
            let held = self.held_in(group, &chosen);
            if !satisfiable(&self.model, group, &held, &active, &mut budget)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// Values of `option` that can still be completed together with the other explicit choices.
    ///
    /// The option's own current choice is ignored, so the user can always see their alternatives.
    ///
    /// # Errors
    /// An unknown option or value, or a question over [`QUESTION_TIME_LIMIT`].
    pub fn option_state(
        &self,
        explicit: &Configuration,
        option: &OptionId,
    ) -> Result<OptionState, ConfigurationError> {
        let index = self.option_index(option)?;
        let mut states = self.states_of(explicit, &[index])?;
        states.pop().ok_or(ConfigurationError::TooComplex)
    }

    /// The state of every option, in display order.
    ///
    /// # Errors
    /// As [`ConfigurationEngine::option_state`].
    pub fn option_states(
        &self,
        explicit: &Configuration,
    ) -> Result<Vec<OptionState>, ConfigurationError> {
        let all: Vec<usize> = (0..self.model.option_count()).collect();
        self.states_of(explicit, &all)
    }

    /// Which values of every option can still be chosen, in display order, without the
    /// reasons for the blocked ones: as [`ConfigurationEngine::option_states`] but without a
    /// minimal explanation per blocked value, which on products with large tables takes far
    /// longer than the rest. Ask [`ConfigurationEngine::why_blocked`] for one value's reasons.
    ///
    /// # Errors
    /// As [`ConfigurationEngine::option_state`].
    pub fn option_availability(
        &self,
        explicit: &Configuration,
    ) -> Result<Vec<OptionAvailability>, ConfigurationError> {
        let all: Vec<usize> = (0..self.model.option_count()).collect();
        let chosen = self.chosen_classes(explicit)?;
        let mut budget = Budget::new(self.time_limit);
        let panels = panel::panels(&self.model, &chosen, &all, Reasons::Left, &mut budget)?;
        Ok(panels
            .into_iter()
            .map(|panel| {
                let blocked: Vec<usize> = panel.blocked.iter().map(|(class, _)| *class).collect();
                OptionAvailability {
                    option: self.model.option_ids[panel.option].clone(),
                    offered: self.values_in(panel.option, &panel.offered),
                    blocked: self.values_in(panel.option, &blocked),
                }
            })
            .collect())
    }

    /// Why `value` of `option` cannot be chosen with the other explicit choices (the option's
    /// own choice is ignored, as in the options panel): a minimal set of rules and the choices
    /// they need; `None` when the value can be chosen.
    ///
    /// # Errors
    /// An unknown option or value, or a question over [`QUESTION_TIME_LIMIT`].
    pub fn why_blocked(
        &self,
        explicit: &Configuration,
        option: &OptionId,
        value: &OptionValue,
    ) -> Result<Option<BlockedValue>, ConfigurationError> {
        let index = self.option_index(option)?;
        let class = self.model.class_of_value(index, value).ok_or_else(|| {
            ConfigurationError::ValueNotAllowed {
                option: option.clone(),
                value: value.clone(),
            }
        })?;
        let chosen = self.chosen_classes(explicit)?;
        let mut budget = Budget::new(self.time_limit);
        let why = panel::explain_one(&self.model, &chosen, index, class, &mut budget)?;
        Ok(why.map(|why| self.blocked_value(value, &why, explicit)))
    }

    /// The full configuration: explicit choices kept, and as many other options at their
    /// defaults as any valid product allows (the others at the first values that complete it).
    ///
    /// # Errors
    /// [`ConfigurationError::Conflict`] with the rule messages when the explicit choices cannot
    /// be completed; unknown options or values; a question over [`QUESTION_TIME_LIMIT`].
    pub fn resolve(&self, explicit: &Configuration) -> Result<Configuration, ConfigurationError> {
        let chosen = self.chosen_classes(explicit)?;
        let defaults: Vec<usize> = self
            .product
            .options
            .iter()
            .enumerate()
            .map(|(index, def)| self.model.class_of_value(index, &def.default).unwrap_or(0))
            .collect();
        let mut budget = Budget::new(self.time_limit);
        let Some(classes) = resolve::resolve(&self.model, &chosen, &defaults, &mut budget)? else {
            return Err(ConfigurationError::Conflict {
                messages: self.conflict_messages(&chosen, &mut budget)?,
            });
        };
        Ok(self
            .product
            .options
            .iter()
            .enumerate()
            .filter(|(index, _)| self.model.hidden_class[*index] != Some(classes[*index]))
            .map(|(index, def)| {
                let value = match explicit.get(&def.id) {
                    Some(value) => value.clone(),
                    None => self
                        .model
                        .value_of_class(index, classes[index], Some(&def.default)),
                };
                (def.id.clone(), value)
            })
            .collect())
    }

    /// The full configuration as [`ConfigurationEngine::resolve`] gives it, or, when the explicit
    /// choices cannot be used, those choices as given with defaults for the rest, together with
    /// what is wrong (rule messages or the error). Used to draw, price and report a product the
    /// user configured wrongly instead of dropping it.
    #[must_use]
    pub fn resolve_or_defaults(&self, explicit: &Configuration) -> (Configuration, Vec<String>) {
        match self.resolve(explicit) {
            Ok(full) => (full, Vec::new()),
            Err(error) => {
                let mut full = explicit.clone();
                for def in &self.product.options {
                    full.entry(def.id.clone())
                        .or_insert_with(|| def.default.clone());
                }
                let problems = match error {
                    ConfigurationError::Conflict { messages } => messages,
                    other => vec![other.to_string()],
                };
                (full, problems)
            }
        }
    }

    /// Messages of the rules that a full configuration breaks (empty when it is valid).
    ///
    /// # Errors
    /// Unknown options or values.
    pub fn broken_rules(&self, full: &Configuration) -> Result<Vec<String>, ConfigurationError> {
        self.chosen_classes(full)?;
        Ok(self
            .product
            .rules
            .iter()
            .filter(|rule| !self.product.rule_holds(rule, full))
            .map(|rule| rule.message().to_owned())
            .collect())
    }

    /// Every valid complete configuration, by plain enumeration (for exhaustive tests); `None`
    /// above `limit` results.
    #[must_use]
    pub fn enumerate_valid(&self, limit: usize) -> Option<Vec<Configuration>> {
        enumerate::enumerate(self.product, limit)
    }

    /// What the catalog check warns about: values no valid product contains, rules that never
    /// fire or can never be met.
    ///
    /// # Errors
    /// A question over [`QUESTION_TIME_LIMIT`].
    pub fn diagnostics(&self) -> Result<ProductDiagnostics, ConfigurationError> {
        let states = self.option_states(&Configuration::new())?;
        diagnostics::diagnose(self.product, &self.model, &states, self.time_limit)
    }

    fn states_of(
        &self,
        explicit: &Configuration,
        options: &[usize],
    ) -> Result<Vec<OptionState>, ConfigurationError> {
        let chosen = self.chosen_classes(explicit)?;
        let mut budget = Budget::new(self.time_limit);
        let panels = panel::panels(&self.model, &chosen, options, Reasons::Given, &mut budget)?;
        Ok(panels
            .into_iter()
            .map(|panel| {
                let option = panel.option;
                let class_of = &self.model.class_of[option];
                let values = &self.model.values[option];
                let offered = self.values_in(option, &panel.offered);
                let blocked = values
                    .iter()
                    .zip(class_of)
                    .enumerate()
                    .filter(|(at, _)| !self.model.is_hidden_value(option, *at))
                    .filter_map(|(_, (value, class))| {
                        let at = panel
                            .blocked
                            .binary_search_by_key(class, |(c, _)| *c)
                            .ok()?;
                        let why = panel.blocked[at].1.clone().unwrap_or_default();
                        Some(self.blocked_value(value, &why, explicit))
                    })
                    .collect();
                OptionState {
                    option: self.model.option_ids[option].clone(),
                    offered,
                    blocked,
                }
            })
            .collect())
    }

    /// The values of `option` whose classes are in `classes` (ascending), in display order
    /// (never the "not shown" value).
    fn values_in(&self, option: usize, classes: &[usize]) -> Vec<OptionValue> {
        self.model.values[option]
            .iter()
            .zip(&self.model.class_of[option])
            .enumerate()
            .filter(|(at, (_, class))| {
                !self.model.is_hidden_value(option, *at) && classes.binary_search(class).is_ok()
            })
            .map(|(_, (value, _))| value.clone())
            .collect()
    }

    fn blocked_value(
        &self,
        value: &OptionValue,
        why: &Explanation,
        explicit: &Configuration,
    ) -> BlockedValue {
        let because_of = why
            .choices
            .iter()
            .filter_map(|option| {
                let id = &self.model.option_ids[*option];
                explicit.get(id).map(|value| (id.clone(), value.clone()))
            })
            .collect();
        BlockedValue {
            value: value.clone(),
            rules: why.rules.clone(),
            messages: self.messages_of(&why.rules),
            because_of,
        }
    }

    fn messages_of(&self, rules: &[usize]) -> Vec<String> {
        let mut messages: Vec<String> = Vec::new();
        for rule in rules {
            let message = match self.product.rules.get(*rule) {
                Some(rule) => Some(rule.message()),
                None => self
                    .model
                    .visibility_messages
                    .get(rule - self.product.rules.len())
                    .map(String::as_str),
            };
            if let Some(message) = message
                && !messages.iter().any(|known| known == message)
            {
                messages.push(message.to_owned());
            }
        }
        messages
    }

    /// Messages of minimal rule sets that forbid the user's choices, group by group.
    fn conflict_messages(
        &self,
        chosen: &[Option<usize>],
        budget: &mut Budget,
    ) -> Result<Vec<String>, OutOfTime> {
        let active = all_rules(&self.model);
        let mut rules = Vec::new();
        for group in 0..self.model.groups.len() {
            let held = self.held_in(group, chosen);
            let hint = match reasons::traced(&self.model, group, &held, &active) {
                reasons::Traced::Failed(reason) => Some(reason),
                reasons::Traced::Narrowed { .. } => None,
            };
            if hint.is_none() && satisfiable(&self.model, group, &held, &active, budget)? {
                continue;
            }
            let mut known = KnownCores::default();
            let why = explain(
                &self.model,
                group,
                &[],
                &held,
                hint.as_ref(),
                &mut known,
                budget,
            )?;
            rules.extend(why.rules);
        }
        rules.sort_unstable();
        rules.dedup();
        Ok(self.messages_of(&rules))
    }

    fn held_in(&self, group: usize, chosen: &[Option<usize>]) -> Vec<Held> {
        self.model.groups[group]
            .options
            .iter()
            .filter_map(|option| chosen[*option].map(|class| (*option, class)))
            .collect()
    }

    fn option_index(&self, option: &OptionId) -> Result<usize, ConfigurationError> {
        self.model
            .option_ids
            .iter()
            .position(|known| known == option)
            .ok_or_else(|| ConfigurationError::UnknownOption(option.clone()))
    }

    fn chosen_classes(
        &self,
        configuration: &Configuration,
    ) -> Result<Vec<Option<usize>>, ConfigurationError> {
        let mut chosen = vec![None; self.model.option_count()];
        for (option, value) in configuration {
            let index = self.option_index(option)?;
            let class = self.model.class_of_value(index, value).ok_or_else(|| {
                ConfigurationError::ValueNotAllowed {
                    option: option.clone(),
                    value: value.clone(),
                }
            })?;
            chosen[index] = Some(self.model.chosen_class(index, class));
        }
        Ok(chosen)
    }
}

#[cfg(test)]
mod expression_tests;
#[cfg(test)]
mod properties;
#[cfg(test)]
mod sample_expressions;
#[cfg(test)]
mod tests;
