//! How a product looks: a glTF model under `assets/`, or a parametric shape with named materials.

use crate::domain::values::ids::OptionId;
use std::collections::BTreeMap;
use std::fmt;

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Colour {
    /// Red, 0-255.
    pub red: u8,
    /// Green, 0-255.
    pub green: u8,
    /// Blue, 0-255.
    pub blue: u8,
}

impl Colour {
    /// Parses `#rrggbb`.
    #[must_use]
    pub fn parse_hex(text: &str) -> Option<Colour> {
        let hex = text.strip_prefix('#')?;
        if hex.len() != 6 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        let channel = |at: usize| u8::from_str_radix(&hex[at..at + 2], 16).ok();
        Some(Colour {
            red: channel(0)?,
            green: channel(2)?,
            blue: channel(4)?,
        })
    }
}

impl fmt::Display for Colour {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02x}{:02x}{:02x}", self.red, self.green, self.blue)
    }
}

/// The parametric shapes the 3D view can build from parts that follow the dimensions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Deserialize)]
pub enum ShapeKind {
    /// A plain block.
    Block,
    /// Seat, back and arms.
    Sofa,
    /// A seat with a back and four legs.
    Chair,
    /// A top on four legs.
    Table,
    /// A carcass with doors spaced along the width.
    Wardrobe,
    /// A kitchen or storage cabinet with a front and a plinth.
    Cabinet,
    /// An open frame with shelves.
    Shelf,
    /// A mattress on a frame with a headboard.
    Bed,
    /// A door leaf in a frame.
    Door,
    /// A glazed window in a frame.
    Window,
    /// A shade on a stand or a pendant.
    Lamp,
}

impl ShapeKind {
    /// The parts a personalization (engraved text, printed image) can go on, by the names a
    /// catalog uses: the flat faces the 3D view can put a text or picture on.
    #[must_use]
    pub fn personal_parts(self) -> &'static [&'static str] {
        match self {
            ShapeKind::Block => &["top", "front"],
            ShapeKind::Table | ShapeKind::Shelf => &["top"],
            ShapeKind::Wardrobe | ShapeKind::Cabinet => &["front", "top"],
            ShapeKind::Bed => &["headboard"],
            ShapeKind::Door => &["leaf"],
            ShapeKind::Sofa | ShapeKind::Chair | ShapeKind::Window | ShapeKind::Lamp => &[],
        }
    }
}

/// Where a material's colour comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MaterialSource {
    /// Always this colour.
    Colour(Colour),
    /// The colour of the chosen value of a choice option.
    FromOption(OptionId),
}

/// How a product is drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Appearance {
    /// A glTF file, relative to the `assets/` folder.
    Model {
        /// Relative path inside `assets/`, never leaving it.
        path: String,
    },
    /// A shape built from parts, with colours per named material slot.
    Shape {
        /// Which parametric shape.
        shape: ShapeKind,
        /// Material slot name to colour source.
        materials: BTreeMap<String, MaterialSource>,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_colours_parse_and_print_back() {
        let colour = Colour::parse_hex("#8A6f4e");
        assert_eq!(colour.map(|c| c.to_string()), Some("#8a6f4e".to_owned()));
        assert_eq!(Colour::parse_hex("8a6f4e"), None);
        assert_eq!(Colour::parse_hex("#8a6f4"), None);
        assert_eq!(Colour::parse_hex("#8a6f4g"), None);
    }
}
