//! Personalization options: a customer's engraved or printed `Text` and printed `Image` on a
//! named part of a product, with what the customer typed or chose (`PersonalValue`), the check of
//! a text as typed, and the price of a personalization.
//!
//! Counting rule: a text's characters are its Unicode scalar values other than white space (a
//! space or line break is neither charged nor counted against `max_chars`), the way an engraver
//! counts glyphs cut. Spaces are always allowed inside a line.

use crate::domain::catalog::{Colour, Condition};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// What the customer entered, by personalization id; a missing id is not personalized.
pub type Personalization = BTreeMap<String, PersonalValue>;

/// The typefaces a text can be set in: the fonts embedded in the program (DejaVu Sans
/// Condensed), so the 3D view, plan and quote show exactly what is engraved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum EngravingFont {
    /// DejaVu Sans Condensed.
    Sans,
    /// DejaVu Sans Condensed Bold.
    SansBold,
}

impl EngravingFont {
    /// The name shown to the customer.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            EngravingFont::Sans => "Sans",
            EngravingFont::SansBold => "Sans Bold",
        }
    }
}

/// A named group of characters a text may use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CharSet {
    /// A–Z and a–z with the accented Latin letters of Latin-1 and Latin Extended-A (ä, é, ß, ł…).
    LatinLetters,
    /// 0–9.
    Digits,
    /// `. , - ' & ! ? : ; / ( ) "`.
    Punctuation,
    /// Exactly these characters.
    Chars(String),
}

/// Punctuation allowed by [`CharSet::Punctuation`].
const PUNCTUATION: &str = ".,-'&!?:;/()\"";

impl CharSet {
    /// True when the set has this character.
    #[must_use]
    pub fn contains(&self, c: char) -> bool {
        match self {
            CharSet::LatinLetters => {
                c.is_ascii_alphabetic()
                    || (('\u{c0}'..='\u{17f}').contains(&c)
                        && c != '\u{d7}'
                        && c != '\u{f7}'
                        && c.is_alphabetic())
            }
            CharSet::Digits => c.is_ascii_digit(),
            CharSet::Punctuation => PUNCTUATION.contains(c),
            CharSet::Chars(chars) => chars.contains(c),
        }
    }

    /// How the set reads in a message.
    #[must_use]
    pub fn describe(&self) -> String {
        match self {
            CharSet::LatinLetters => "Latin letters".to_owned(),
            CharSet::Digits => "digits".to_owned(),
            CharSet::Punctuation => format!("punctuation {PUNCTUATION}"),
            CharSet::Chars(chars) => format!("the characters {chars}"),
        }
    }
}

/// A colour the customer can pick for a text, e.g. `brass`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamedColour {
    /// Id stored in layouts and shown to the customer.
    pub id: String,
    /// The colour the text is drawn in.
    pub colour: Colour,
}

/// What a `Text` personalization accepts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextSpec {
    /// Most characters (see the counting rule in the module documentation).
    pub max_chars: u32,
    /// Most lines.
    pub max_lines: u32,
    /// Allowed characters: the union of these sets (spaces are always allowed).
    pub allowed: Vec<CharSet>,
    /// Fonts offered, the first being the default.
    pub fonts: Vec<EngravingFont>,
    /// Colours offered, the first being the default.
    pub colours: Vec<NamedColour>,
}

/// Why a text cannot be engraved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextProblem {
    /// The text is empty (leave the personalization out instead).
    Empty,
    /// A character outside the allowed sets, with its 1-based line and position in the line.
    NotAllowed {
        /// The character.
        character: char,
        /// Line, from 1.
        line: usize,
        /// Position in the line, from 1.
        position: usize,
        /// What is allowed.
        allowed: String,
    },
    /// More characters than allowed.
    TooLong {
        /// Characters counted.
        count: usize,
        /// The most allowed.
        max: u32,
    },
    /// More lines than allowed.
    TooManyLines {
        /// Lines in the text.
        lines: usize,
        /// The most allowed.
        max: u32,
    },
}

impl fmt::Display for TextProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TextProblem::Empty => write!(f, "the text is empty"),
            TextProblem::NotAllowed {
                character,
                line,
                position,
                allowed,
            } => write!(
                f,
                "“{character}” (line {line}, character {position}) cannot be engraved: allowed are {allowed} and spaces"
            ),
            TextProblem::TooLong { count, max } => write!(
                f,
                "{count} characters; at most {max} (spaces are not counted)"
            ),
            TextProblem::TooManyLines { lines, max } => {
                write!(f, "{lines} lines; at most {max}")
            }
        }
    }
}

/// The characters of a text that count and are charged: every Unicode scalar value except
/// white space.
#[must_use]
pub fn counted_chars(text: &str) -> usize {
    text.chars().filter(|c| !c.is_whitespace()).count()
}

impl TextSpec {
    /// Checks a text as typed; lines are separated by `\n`.
    ///
    /// # Errors
    /// The first problem found: empty, a character outside the allowed sets, too many lines,
    /// too many characters.
    pub fn check(&self, text: &str) -> Result<(), TextProblem> {
        if text.trim().is_empty() {
            return Err(TextProblem::Empty);
        }
        for (line_index, line) in text.split('\n').enumerate() {
            for (position, c) in line.chars().enumerate() {
                if c != ' ' && !self.allowed.iter().any(|set| set.contains(c)) {
                    return Err(TextProblem::NotAllowed {
                        character: c,
                        line: line_index + 1,
                        position: position + 1,
                        allowed: self.describe_allowed(),
                    });
                }
            }
        }
        let lines = text.split('\n').count();
        if lines > self.max_lines as usize {
            return Err(TextProblem::TooManyLines {
                lines,
                max: self.max_lines,
            });
        }
        let count = counted_chars(text);
        if count > self.max_chars as usize {
            return Err(TextProblem::TooLong {
                count,
                max: self.max_chars,
            });
        }
        Ok(())
    }

    /// The allowed sets in words.
    #[must_use]
    pub fn describe_allowed(&self) -> String {
        self.allowed
            .iter()
            .map(CharSet::describe)
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The colour with this id.
    #[must_use]
    pub fn colour(&self, id: &str) -> Option<&NamedColour> {
        self.colours.iter().find(|named| named.id == id)
    }
}

/// What an `Image` personalization accepts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageSpec {
    /// Smallest width and height in pixels for a sharp print at its printed size.
    pub min_px: (u32, u32),
    /// Width to height the print has.
    pub aspect: (u32, u32),
    /// How far the image's width/height may differ from `aspect`, in percent.
    pub aspect_tolerance_percent: u32,
}

/// Why an image cannot be printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImageProblem {
    /// Fewer pixels than the print needs.
    TooSmall {
        /// The image's size.
        size_px: (u32, u32),
        /// The least accepted.
        min_px: (u32, u32),
    },
    /// The wrong shape.
    WrongAspect {
        /// The image's size.
        size_px: (u32, u32),
        /// The print's width to height.
        aspect: (u32, u32),
        /// The tolerance in percent.
        tolerance_percent: u32,
    },
}

impl fmt::Display for ImageProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImageProblem::TooSmall { size_px, min_px } => write!(
                f,
                "the image is {} × {} pixels; the print needs at least {} × {}",
                size_px.0, size_px.1, min_px.0, min_px.1
            ),
            ImageProblem::WrongAspect {
                size_px,
                aspect,
                tolerance_percent,
            } => write!(
                f,
                "the image is {} × {} pixels; the print is {}:{} (within {}%): crop it to that shape",
                size_px.0, size_px.1, aspect.0, aspect.1, tolerance_percent
            ),
        }
    }
}

impl ImageSpec {
    /// Checks an image's pixel size against the print.
    ///
    /// # Errors
    /// Too few pixels, or a shape outside the tolerance.
    pub fn check(&self, size_px: (u32, u32)) -> Result<(), ImageProblem> {
        if size_px.0 < self.min_px.0 || size_px.1 < self.min_px.1 {
            return Err(ImageProblem::TooSmall {
                size_px,
                min_px: self.min_px,
            });
        }
        // |w/h − aw/ah| ≤ tol% of aw/ah, in integers: |w·ah − h·aw| · 100 ≤ tol · h · aw.
        let (w, h) = (u128::from(size_px.0), u128::from(size_px.1));
        let (aw, ah) = (u128::from(self.aspect.0), u128::from(self.aspect.1));
        let difference = (w * ah).abs_diff(h * aw);
        if difference * 100 > u128::from(self.aspect_tolerance_percent) * h * aw {
            return Err(ImageProblem::WrongAspect {
                size_px,
                aspect: self.aspect,
                tolerance_percent: self.aspect_tolerance_percent,
            });
        }
        Ok(())
    }
}

/// How a personalization is priced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PersonalPrice {
    /// This amount whenever the personalization is filled in.
    Flat(Decimal),
    /// This amount per counted character beyond the first `free` ones (texts only).
    PerChar {
        /// Price per character.
        amount: Decimal,
        /// Characters included at no charge.
        free: u32,
    },
}

/// Text or image.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PersonalKind {
    /// Engraved or printed text.
    Text(TextSpec),
    /// A printed customer image.
    Image(ImageSpec),
}

/// One personalization a product offers.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonalDef {
    /// Stable id, the key in layouts and the SKU placeholder `{id}`.
    pub id: String,
    /// What the customer reads, e.g. `Name plate`.
    pub label: String,
    /// The part of the product's shape it goes on (see [`ShapeKind::personal_parts`](crate::domain::catalog::ShapeKind::personal_parts)).
    pub part: String,
    /// Text or image, with what it accepts.
    pub kind: PersonalKind,
    /// Its price.
    pub price: PersonalPrice,
    /// Put into the SKU at `{id}` when filled in (nothing when not).
    pub code: String,
    /// Offered only when this holds.
    pub when: Option<Condition>,
}

impl PersonalDef {
    /// The price of a filled-in value (unrounded).
    #[must_use]
    pub fn price_of(&self, value: &PersonalValue) -> Decimal {
        match (&self.price, value) {
            (PersonalPrice::Flat(amount), _) => *amount,
            (PersonalPrice::PerChar { amount, free }, PersonalValue::Text { text, .. }) => {
                let charged = counted_chars(text).saturating_sub(*free as usize);
                *amount * Decimal::from(charged)
            }
            (PersonalPrice::PerChar { .. }, PersonalValue::Image { .. }) => Decimal::ZERO,
        }
    }

    /// The text spec, for a text personalization.
    #[must_use]
    pub fn text_spec(&self) -> Option<&TextSpec> {
        match &self.kind {
            PersonalKind::Text(spec) => Some(spec),
            PersonalKind::Image(_) => None,
        }
    }

    /// How a value reads on a quote: the text verbatim in quotes with font, colour and part, or
    /// the image's file name with the part.
    #[must_use]
    pub fn describe(&self, value: &PersonalValue) -> String {
        match value {
            PersonalValue::Text { text, font, colour } => format!(
                "{}: “{}” ({}, {}, on the {})",
                self.label,
                text.replace('\n', " / "),
                font.label(),
                colour,
                self.part
            ),
            PersonalValue::Image { file } => {
                let name = file.rsplit('/').next().unwrap_or(file);
                format!("{}: image {name} (on the {})", self.label, self.part)
            }
        }
    }
}

/// True for `images/<name>.png|.jpg|.jpeg`: where a layout keeps its printed images, relative
/// to the layout's folder, with nothing climbing out.
#[must_use]
pub fn is_layout_image_path(file: &str) -> bool {
    let Some(name) = file
        .strip_prefix("images/")
        .filter(|name| !name.is_empty() && name.len() <= 200)
    else {
        return false;
    };
    if name.contains(['/', '\\', ':']) || name.starts_with('.') {
        return false;
    }
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".png") || lower.ends_with(".jpg") || lower.ends_with(".jpeg")
}

/// What the customer entered for one personalization.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum PersonalValue {
    /// A text with its font and colour id.
    Text {
        /// The text, lines separated by `\n`.
        text: String,
        /// Its font.
        font: EngravingFont,
        /// Id of one of the personalization's colours.
        colour: String,
    },
    /// A printed image.
    Image {
        /// Path relative to the layout's folder, under `images/`.
        file: String,
    },
}

#[cfg(test)]
mod tests;
