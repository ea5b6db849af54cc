//! What the engine answers about options: each option's offered and blocked values, and why
//! a blocked value cannot be chosen.

use crate::domain::catalog::{OptionValue, Product};
use crate::domain::values::ids::OptionId;

/// A value that cannot be completed into a valid product, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlockedValue {
    /// The value.
    pub value: OptionValue,
    /// Indices into the product's rules of a minimal set that together forbid the value:
    /// dropping any one of them would make it possible.
    pub rules: Vec<usize>,
    /// Those rules' messages, each once, in rule order.
    pub messages: Vec<String>,
    /// The user's other choices that those rules need to forbid the value (empty when no
    /// product with this value can be made at all).
    pub because_of: Vec<(OptionId, OptionValue)>,
}

impl BlockedValue {
    /// One line for the user: the messages, led by the choices they follow from, e.g.
    /// `With Chaise: Left: A chaise needs 2400 mm`.
    #[must_use]
    pub fn reason(&self, product: &Product) -> String {
        let messages = self.messages.join("; ");
        if self.because_of.is_empty() {
            return messages;
        }
        let choices: Vec<String> = self
            .because_of
            .iter()
            .map(|(option, value)| match product.option(option) {
                Some(def) => format!("{}: {}", def.label, def.label_of(value)),
                None => format!("{option}: {value}"),
            })
            .collect();
        format!("With {}: {messages}", choices.join(", "))
    }
}

/// The state of one option for the options panel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionState {
    /// The option.
    pub option: OptionId,
    /// Values that can still be completed into a valid product, in display order.
    pub offered: Vec<OptionValue>,
    /// Values that cannot, in display order, each with why.
    pub blocked: Vec<BlockedValue>,
}

impl OptionState {
    /// Why `value` is blocked, if it is.
    #[must_use]
    pub fn blocked(&self, value: &OptionValue) -> Option<&BlockedValue> {
        self.blocked.iter().find(|blocked| &blocked.value == value)
    }
}

/// Which values of one option can still be chosen, before the reasons for the others are
/// worked out (see [`ConfigurationEngine::why_blocked`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionAvailability {
    /// The option.
    pub option: OptionId,
    /// Values that can still be completed into a valid product, in display order.
    pub offered: Vec<OptionValue>,
    /// Values that cannot, in display order.
    pub blocked: Vec<OptionValue>,
}
