//! The configuration engine: which option values can still lead to a valid product, the full
//! configuration from the user's choices, and the rule messages that explain a conflict.
//!
//! The engine is order-independent and free of dead ends: a value is offered only when some
//! complete configuration satisfying every rule contains it together with the user's other
//! choices. It works by bounded backtracking over the options' finite domains.

mod compiled;
mod memo;

pub use memo::{ResolveMemo, Resolved};

use crate::domain::catalog::{OptionValue, Product};
use crate::domain::ids::OptionId;
use compiled::{Assignment, CompiledProduct};
use std::collections::BTreeMap;
use thiserror::Error;

/// Option values chosen for a product, by option id; a missing option is unset.
pub type Configuration = BTreeMap<OptionId, OptionValue>;

/// Most search steps one question to the engine may take before giving up.
pub const SEARCH_STEP_LIMIT: u64 = 2_000_000;

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
    /// The product's options have too many combinations to search.
    #[error(
        "the options have too many combinations to check (more than {SEARCH_STEP_LIMIT} search steps)"
    )]
    TooComplex,
}

/// The state of one option for the options panel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionState {
    /// The option.
    pub option: OptionId,
    /// Values that can still be completed into a valid product, in display order.
    pub offered: Vec<OptionValue>,
    /// Values that cannot, each with the messages of the rules that forbid it.
    pub blocked: Vec<(OptionValue, Vec<String>)>,
}

/// Answers configuration questions about one product.
#[derive(Debug)]
pub struct ConfigurationEngine<'product> {
    product: &'product Product,
    compiled: CompiledProduct,
}

impl<'product> ConfigurationEngine<'product> {
    /// Prepares the engine for a product.
    #[must_use]
    pub fn new(product: &'product Product) -> Self {
        Self {
            product,
            compiled: CompiledProduct::new(product),
        }
    }

    /// The product the engine answers for.
    #[must_use]
    pub fn product(&self) -> &'product Product {
        self.product
    }

    /// Whether some complete valid configuration contains every choice in `partial`.
    ///
    /// # Errors
    /// An unknown option or value, or a search that exceeds [`SEARCH_STEP_LIMIT`].
    pub fn is_completable(&self, partial: &Configuration) -> Result<bool, ConfigurationError> {
        let assignment = self.assignment_of(partial)?;
        self.compiled.completion(assignment, None)
    }

    /// Values of `option` that can still be completed together with the other explicit choices.
    ///
    /// The option's own current choice is ignored, so the user can always see their alternatives.
    ///
    /// # Errors
    /// An unknown option or value, or a search that exceeds [`SEARCH_STEP_LIMIT`].
    pub fn option_state(
        &self,
        explicit: &Configuration,
        option: &OptionId,
    ) -> Result<OptionState, ConfigurationError> {
        let index = self
            .compiled
            .option_index(option)
            .ok_or_else(|| ConfigurationError::UnknownOption(option.clone()))?;
        let mut others = explicit.clone();
        others.remove(option);
        let base = self.assignment_of(&others)?;
        let mut offered = Vec::new();
        let mut blocked = Vec::new();
        for (value_index, value) in self.compiled.domain(index).iter().enumerate() {
            let mut attempt = base.clone();
            attempt[index] = Some(value_index);
            if self.compiled.completion(attempt.clone(), None)? {
                offered.push(value.clone());
            } else {
                blocked.push((value.clone(), self.blocking_messages(&attempt)?));
            }
        }
        Ok(OptionState {
            option: option.clone(),
            offered,
            blocked,
        })
    }

    /// The state of every option, in display order.
    ///
    /// # Errors
    /// As [`ConfigurationEngine::option_state`].
    pub fn option_states(
        &self,
        explicit: &Configuration,
    ) -> Result<Vec<OptionState>, ConfigurationError> {
        self.product
            .options
            .iter()
            .map(|def| self.option_state(explicit, &def.id))
            .collect()
    }

    /// The full configuration: explicit choices kept, every other option set to its default when
    /// that can be completed, else to its first value that can.
    ///
    /// # Errors
    /// [`ConfigurationError::Conflict`] with the rule messages when the explicit choices cannot
    /// be completed; unknown options or values; a search over the step limit.
    pub fn resolve(&self, explicit: &Configuration) -> Result<Configuration, ConfigurationError> {
        let mut assignment = self.assignment_of(explicit)?;
        if !self.compiled.completion(assignment.clone(), None)? {
            return Err(ConfigurationError::Conflict {
                messages: self.blocking_messages(&assignment)?,
            });
        }
        for (index, def) in self.product.options.iter().enumerate() {
            if assignment[index].is_some() {
                continue;
            }
            let default_index = self.compiled.value_index(index, &def.default);
            let candidates = default_index
                .into_iter()
                .chain(0..self.compiled.domain(index).len());
            for candidate in candidates {
                let mut attempt = assignment.clone();
                attempt[index] = Some(candidate);
                if self.compiled.completion(attempt.clone(), None)? {
                    assignment = attempt;
                    break;
                }
            }
        }
        Ok(self.configuration_of(&assignment))
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
        let assignment = self.assignment_of(full)?;
        Ok(self
            .compiled
            .broken_rules(&assignment)
            .into_iter()
            .map(|rule| self.product.rules[rule].message().to_owned())
            .collect())
    }

    /// Every valid complete configuration, for exhaustive tests; `None` above `limit` results.
    #[must_use]
    pub fn enumerate_valid(&self, limit: usize) -> Option<Vec<Configuration>> {
        let assignments = self.compiled.enumerate(limit)?;
        Some(
            assignments
                .iter()
                .map(|a| self.configuration_of(a))
                .collect(),
        )
    }

    fn blocking_messages(
        &self,
        assignment: &Assignment,
    ) -> Result<Vec<String>, ConfigurationError> {
        let rules = self.compiled.blocking_rules(assignment)?;
        Ok(rules
            .into_iter()
            .map(|rule| self.product.rules[rule].message().to_owned())
            .collect())
    }

    fn assignment_of(
        &self,
        configuration: &Configuration,
    ) -> Result<Assignment, ConfigurationError> {
        let mut assignment = vec![None; self.product.options.len()];
        for (option, value) in configuration {
            let index = self
                .compiled
                .option_index(option)
                .ok_or_else(|| ConfigurationError::UnknownOption(option.clone()))?;
            let value_index = self.compiled.value_index(index, value).ok_or_else(|| {
                ConfigurationError::ValueNotAllowed {
                    option: option.clone(),
                    value: value.clone(),
                }
            })?;
            assignment[index] = Some(value_index);
        }
        Ok(assignment)
    }

    fn configuration_of(&self, assignment: &Assignment) -> Configuration {
        self.product
            .options
            .iter()
            .enumerate()
            .filter_map(|(index, def)| {
                assignment[index]
                    .map(|value| (def.id.clone(), self.compiled.domain(index)[value].clone()))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests;
