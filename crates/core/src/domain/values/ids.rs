//! Typed, stable identifiers: every catalog item and plan element is named by one of these, never by position or `Entity`.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! string_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            /// The id as text.
            #[must_use]
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(text: &str) -> Self {
                Self(text.to_owned())
            }
        }
    };
}

string_id!(
    /// Identifies a catalog file's content (stable across versions).
    CatalogId
);
string_id!(
    /// Identifies a product within its catalog.
    ProductId
);
string_id!(
    /// Identifies an option within its product.
    OptionId
);
string_id!(
    /// Identifies a value of a choice option.
    ValueId
);
string_id!(
    /// Identifies a wall in a layout.
    WallId
);
string_id!(
    /// Identifies a door or window in a layout.
    OpeningId
);
string_id!(
    /// Identifies a product placed in a layout.
    ProductInstanceId
);

/// Any element of a layout that a constraint violation can name.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ElementId {
    /// A wall.
    Wall(WallId),
    /// A door or window.
    Opening(OpeningId),
    /// A placed product.
    Product(ProductInstanceId),
}

impl From<WallId> for ElementId {
    fn from(id: WallId) -> Self {
        ElementId::Wall(id)
    }
}

impl From<OpeningId> for ElementId {
    fn from(id: OpeningId) -> Self {
        ElementId::Opening(id)
    }
}

impl From<ProductInstanceId> for ElementId {
    fn from(id: ProductInstanceId) -> Self {
        ElementId::Product(id)
    }
}

impl fmt::Display for ElementId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ElementId::Wall(id) => write!(f, "wall {id}"),
            ElementId::Opening(id) => write!(f, "opening {id}"),
            ElementId::Product(id) => write!(f, "product {id}"),
        }
    }
}

/// True when `text` is a usable id: 1 to 64 characters of ASCII letters, digits, `-`, `_` or `.`.
#[must_use]
pub fn is_valid_id(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 64
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_accept_plain_names_and_reject_odd_characters() {
        assert!(is_valid_id("sofa-oslo_2.1"));
        assert!(!is_valid_id(""));
        assert!(!is_valid_id("sofa oslo"));
        assert!(!is_valid_id("../etc"));
        assert!(!is_valid_id(&"x".repeat(65)));
    }
}
