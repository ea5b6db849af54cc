//! The embedded fonts (DejaVu Sans Condensed, regular and bold, from `assets/fonts/`) that the
//! PDF quote and the PNG plan set text in: glyph lookup and text widths. Text is set glyph by glyph with the fonts' advances (no kerning or
//! ligatures), so a measured width is exactly the drawn width and every glyph maps back to one
//! character for text extraction.

use skrifa::instance::{LocationRef, Size};
use skrifa::metrics::GlyphMetrics;
use skrifa::{FontRef, MetadataProvider};

/// DejaVu Sans Condensed (Bitstream Vera licence, see `assets/fonts/LICENSE-DejaVu.txt`).
pub(crate) static REGULAR_TTF: &[u8] =
    include_bytes!("../../../../assets/fonts/DejaVuSansCondensed.ttf");
/// DejaVu Sans Condensed Bold.
pub(crate) static BOLD_TTF: &[u8] =
    include_bytes!("../../../../assets/fonts/DejaVuSansCondensed-Bold.ttf");

/// Characters below this get their glyph and advance from a table built once.
const TABLE_CHARS: usize = 0x250;

/// Which of the two faces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum FontKind {
    /// Regular weight.
    Regular,
    /// Bold weight.
    Bold,
}

/// One face: glyph ids and advances in em.
pub(crate) struct Face {
    charmap: skrifa::charmap::Charmap<'static>,
    metrics: GlyphMetrics<'static>,
    units_per_em: f32,
    table: Vec<(u32, f32)>,
}

impl Face {
    fn new(data: &'static [u8]) -> Option<Self> {
        let font = FontRef::new(data).ok()?;
        let charmap = font.charmap();
        let metrics = font.glyph_metrics(Size::unscaled(), LocationRef::default());
        let units_per_em = f32::from(
            font.metrics(Size::unscaled(), LocationRef::default())
                .units_per_em
                .max(1),
        );
        let mut face = Self {
            charmap,
            metrics,
            units_per_em,
            table: Vec::new(),
        };
        face.table = (0..TABLE_CHARS)
            .map(|code| char::from_u32(code as u32).map_or((0, 0.0), |c| face.lookup_uncached(c)))
            .collect();
        Some(face)
    }

    fn lookup_uncached(&self, c: char) -> (u32, f32) {
        let glyph = self.charmap.map(c).unwrap_or_default();
        let advance = self.metrics.advance_width(glyph).unwrap_or(0.0) / self.units_per_em;
        (glyph.to_u32(), advance)
    }

    /// Glyph id and advance (in em) of a character; `.notdef` for characters the font lacks.
    pub(crate) fn glyph(&self, c: char) -> (u32, f32) {
        match self.table.get(c as usize) {
            Some(entry) => *entry,
            None => self.lookup_uncached(c),
        }
    }
}

/// Both faces.
pub struct Fonts {
    regular: Face,
    bold: Face,
}

impl Fonts {
    /// Reads the embedded fonts; `None` only if the embedded files were damaged at build time.
    #[must_use]
    pub fn new() -> Option<Self> {
        Some(Self {
            regular: Face::new(REGULAR_TTF)?,
            bold: Face::new(BOLD_TTF)?,
        })
    }

    /// The face of a kind.
    pub(crate) fn face(&self, kind: FontKind) -> &Face {
        match kind {
            FontKind::Regular => &self.regular,
            FontKind::Bold => &self.bold,
        }
    }

    /// Width of a text in points at a size.
    pub(crate) fn width(&self, kind: FontKind, size_pt: f32, text: &str) -> f32 {
        let face = self.face(kind);
        text.chars().map(|c| face.glyph(c).1).sum::<f32>() * size_pt
    }
}

impl crate::domain::drawing::labels::TextMeasure for Fonts {
    fn width_em(&self, text: &str, bold: bool) -> f64 {
        let kind = if bold {
            FontKind::Bold
        } else {
            FontKind::Regular
        };
        f64::from(self.width(kind, 1.0, text))
    }
}

/// The embedded font file of a kind.
pub(crate) fn font_data(kind: FontKind) -> &'static [u8] {
    match kind {
        FontKind::Regular => REGULAR_TTF,
        FontKind::Bold => BOLD_TTF,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fonts_cover_accents_and_the_euro_sign() {
        let fonts = Fonts::new().expect("embedded fonts parse");
        for c in "äöüßéèçñøåÆŒ€−–…×·²".chars() {
            for kind in [FontKind::Regular, FontKind::Bold] {
                let (glyph, advance) = fonts.face(kind).glyph(c);
                assert!(glyph != 0 && advance > 0.0, "{c} missing in {kind:?}");
            }
        }
        let narrow = fonts.width(FontKind::Regular, 10.0, "iiii");
        let wide = fonts.width(FontKind::Regular, 10.0, "MMMM");
        assert!(narrow < wide && wide < 40.0);
        assert!(
            fonts.width(FontKind::Bold, 10.0, "Total")
                > fonts.width(FontKind::Regular, 10.0, "Total")
        );
    }
}
