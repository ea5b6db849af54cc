//! An engraved or printed text drawn as a picture for the 3D view: the text set in the embedded
//! font it is engraved in (lines centred, as large as fits), in its colour, on a transparent
//! background, as straight RGBA rows ready for a texture.

use crate::domain::catalog::{Colour, EngravingFont};
use crate::storage::fonts::{FontKind, Fonts};
use crate::storage::plan_png::text_path;
use tiny_skia::{FillRule, Paint, Pixmap, Transform};

/// An RGBA picture, rows top to bottom, 4 bytes a pixel, not premultiplied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RgbaPicture {
    /// Width in pixels.
    pub width_px: u32,
    /// Height in pixels.
    pub height_px: u32,
    /// The pixels.
    pub rgba: Vec<u8>,
}

/// The text drawn in a picture of this size; `None` only for an empty picture size or text.
#[must_use]
pub fn engraving_picture(
    text: &str,
    font: EngravingFont,
    colour: Colour,
    width_px: u32,
    height_px: u32,
) -> Option<RgbaPicture> {
    let fonts = Fonts::new()?;
    let kind = match font {
        EngravingFont::Sans => FontKind::Regular,
        EngravingFont::SansBold => FontKind::Bold,
    };
    let lines: Vec<&str> = text.split('\n').collect();
    if text.trim().is_empty() {
        return None;
    }
    let mut pixmap = Pixmap::new(width_px, height_px)?;
    let (width, height) = (width_px as f32, height_px as f32);
    // As large as fits: the widest line in 90% of the width, the lines in 80% of the height.
    let widest_em = lines
        .iter()
        .map(|line| fonts.width(kind, 1.0, line))
        .fold(0.0_f32, f32::max)
        .max(0.1);
    let line_pitch = 1.25;
    let size_px = (width * 0.9 / widest_em).min(height * 0.8 / (lines.len() as f32 * line_pitch));
    let mut paint = Paint::default();
    paint.set_color_rgba8(colour.red, colour.green, colour.blue, 255);
    paint.anti_alias = true;
    let first_y = height / 2.0 - (lines.len() as f32 - 1.0) * size_px * line_pitch / 2.0;
    for (index, line) in lines.iter().enumerate() {
        let Some(path) = text_path(&fonts, kind, line, size_px) else {
            continue;
        };
        let y = first_y + index as f32 * size_px * line_pitch;
        pixmap.fill_path(
            &path,
            &paint,
            FillRule::Winding,
            Transform::from_translate(width / 2.0, y),
            None,
        );
    }
    let rgba = pixmap
        .pixels()
        .iter()
        .flat_map(|pixel| {
            let straight = pixel.demultiply();
            [
                straight.red(),
                straight.green(),
                straight.blue(),
                straight.alpha(),
            ]
        })
        .collect();
    Some(RgbaPicture {
        width_px,
        height_px,
        rgba,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_is_drawn_in_its_colour_centred_on_a_clear_ground() {
        let brass = Colour {
            red: 0xb0,
            green: 0x8d,
            blue: 0x57,
        };
        let picture =
            engraving_picture("Jörg & Zoë", EngravingFont::SansBold, brass, 512, 128).unwrap();
        let alpha = |x: u32, y: u32| picture.rgba[((y * 512 + x) * 4 + 3) as usize];
        // Corners stay clear; some pixels of the middle row are the text's colour.
        assert_eq!((alpha(0, 0), alpha(511, 127)), (0, 0));
        let inked: Vec<&[u8]> = picture
            .rgba
            .chunks(4)
            .filter(|pixel| pixel[3] == 255)
            .collect();
        assert!(inked.len() > 2_000, "{} inked pixels", inked.len());
        assert!(inked.iter().all(|pixel| pixel[..3] == [0xb0, 0x8d, 0x57]));
        assert_eq!(
            engraving_picture(" ", EngravingFont::Sans, brass, 64, 64),
            None
        );
    }
}
