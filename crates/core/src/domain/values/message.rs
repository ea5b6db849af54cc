//! A message with slots for element names and lengths, filled in where it is shown: the window
//! names elements in words and writes lengths in the user's unit, the command line and the PDF
//! in millimetres. The slots keep the ids and whole millimetres, so the text can change unit or
//! names without checking again.

use crate::domain::values::ids::ElementId;
use crate::domain::values::length_units::LengthUnit;
use crate::domain::values::message_text::escape_control;
use std::fmt;

/// One piece of a [`Message`].
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Part {
    /// Fixed words.
    Text(String),
    /// A length in whole millimetres, written in the reader's unit.
    Length(i64),
    /// An element, written by its name.
    Element(ElementId),
}

/// Words with slots for lengths and element names.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Message {
    parts: Vec<Part>,
}

impl Message {
    /// An empty message.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// The message with `text` appended.
    #[must_use]
    pub fn text(mut self, text: impl Into<String>) -> Self {
        self.parts.push(Part::Text(text.into()));
        self
    }

    /// The message with a length slot appended.
    #[must_use]
    pub fn length(mut self, length_mm: i64) -> Self {
        self.parts.push(Part::Length(length_mm));
        self
    }

    /// The message with an element's name slot appended.
    #[must_use]
    pub fn element(mut self, element: impl Into<ElementId>) -> Self {
        self.parts.push(Part::Element(element.into()));
        self
    }

    /// The pieces, in order.
    #[must_use]
    pub fn parts(&self) -> &[Part] {
        &self.parts
    }

    /// The message as one line: lengths in `unit`, each element as `name_of` writes it, control
    /// characters escaped and the first letter capitalised.
    #[must_use]
    pub fn render(&self, unit: LengthUnit, name_of: impl Fn(&ElementId) -> String) -> String {
        let line = self.render_within(unit, name_of);
        let mut chars = line.chars();
        match chars.next() {
            Some(first) if first.is_lowercase() => first.to_uppercase().chain(chars).collect(),
            _ => line,
        }
    }

    /// As [`Message::render`], for words within a sentence: the first letter as it is.
    #[must_use]
    pub fn render_within(
        &self,
        unit: LengthUnit,
        name_of: impl Fn(&ElementId) -> String,
    ) -> String {
        let mut line = String::new();
        for part in &self.parts {
            match part {
                Part::Text(text) => line.push_str(&escape_control(text)),
                Part::Length(length_mm) => line.push_str(&unit.format(*length_mm as f64)),
                Part::Element(element) => line.push_str(&escape_control(&name_of(element))),
            }
        }
        line
    }

    /// True when the fixed words contain `words` (for tests and filters that ignore names).
    #[must_use]
    pub fn mentions(&self, words: &str) -> bool {
        self.to_string().contains(words)
    }
}

impl From<&str> for Message {
    fn from(text: &str) -> Self {
        Message::new().text(text)
    }
}

impl From<String> for Message {
    fn from(text: String) -> Self {
        Message::new().text(text)
    }
}

/// Elements by id and lengths in millimetres: `product p-1 reaches 80 mm into wall w-2`.
impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(LengthUnit::Millimetres, ToString::to_string))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::values::ids::{ProductInstanceId, WallId};

    fn overlap() -> Message {
        Message::new()
            .element(ProductInstanceId::from("p-1"))
            .text(" reaches ")
            .length(254)
            .text(" into ")
            .element(WallId::from("w-2"))
    }

    #[test]
    fn slots_take_the_readers_unit_and_names() {
        assert_eq!(
            overlap().to_string(),
            "Product p-1 reaches 254 mm into wall w-2"
        );
        let named = overlap().render(LengthUnit::Inches, |element| match element {
            ElementId::Product(_) => "Oslo sofa".to_owned(),
            _ => "the north wall of\nHall".to_owned(),
        });
        assert_eq!(
            named,
            "Oslo sofa reaches 10 in into the north wall of\\nHall"
        );
    }
}
