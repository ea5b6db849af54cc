//! Resolved configurations remembered per product and explicit choices, so that measuring or
//! pricing a large layout resolves each distinct configuration once.

use super::ConfigurationEngine;
use crate::domain::catalog::Configuration;
use crate::domain::catalog::Product;
use crate::domain::values::ids::ProductId;
use std::collections::HashMap;

/// A full configuration and the problems with the explicit choices, as
/// [`ConfigurationEngine::resolve_or_defaults`] gives them.
pub type Resolved = (Configuration, Vec<String>);

/// Remembers [`ConfigurationEngine::resolve_or_defaults`] answers; the answers depend only on the
/// product and the explicit choices, so a remembered answer equals a fresh one.
#[derive(Debug, Default)]
pub struct ResolveMemo {
    answers: HashMap<ProductId, HashMap<Configuration, Resolved>>,
}

impl ResolveMemo {
    /// The full configuration for these explicit choices, resolved at most once per memo.
    pub fn resolve(&mut self, product: &Product, explicit: &Configuration) -> Resolved {
        let answers = self.answers.entry(product.id.clone()).or_default();
        if let Some(known) = answers.get(explicit) {
            return known.clone();
        }
        let resolved = ConfigurationEngine::new(product).resolve_or_defaults(explicit);
        answers.insert(explicit.clone(), resolved.clone());
        resolved
    }
}
