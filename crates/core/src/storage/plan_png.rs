//! The plan drawing as a PNG picture, drawn on the CPU (no graphics adapter): the layout fitted
//! to the picture with a margin, its labels placed for a readable text size in pixels, and the
//! shapes of [`crate::domain::drawing::plan_paint`] rasterised with anti-aliasing; text is set
//! from the embedded fonts' outlines, so every character they have is drawn as written.

use crate::domain::drawing::labels::{LabelSettings, place_labels};
use crate::domain::drawing::plan_drawing::PlanDrawing;
use crate::domain::drawing::plan_paint::{PaintSettings, Palette, Pen, Rgba, Shape, paint};
use crate::domain::geometry::Coord;
use crate::domain::geometry::extent;
use crate::domain::values::ids::ProductInstanceId;
use crate::domain::values::length_units::LengthUnit;
use crate::storage::fonts::{FontKind, Fonts, font_data};
use skrifa::instance::{LocationRef, Size};
use skrifa::outline::{DrawSettings, OutlinePen};
use skrifa::{FontRef, GlyphId, MetadataProvider};
use std::collections::BTreeSet;
use tiny_skia::{
    FillRule, LineCap, LineJoin, Paint, PathBuilder, Pixmap, Stroke, StrokeDash, Transform,
};

/// The margin around the drawing, as a share of the picture's smaller side.
const MARGIN_SHARE: f32 = 0.025;

/// Why a plan picture could not be made.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PlanPictureError {
    /// The layout has nothing to draw.
    #[error("the layout has no walls or products to draw")]
    Empty,
    /// A width or height of zero, or one too large.
    #[error("a picture of {0}×{1} pixels cannot be made")]
    BadSize(u32, u32),
    /// The embedded fonts could not be read.
    #[error("the embedded fonts could not be read")]
    Fonts,
    /// The PNG encoder failed.
    #[error("the PNG could not be written: {0}")]
    Encode(String),
}

/// A drawn plan: where its plan millimetres lie on the picture, and the pixels.
#[derive(Debug)]
pub struct PlanPicture {
    /// The pixels.
    pixmap: Pixmap,
    /// Pixels per plan millimetre.
    pub px_per_mm: f64,
    /// The plan point at the picture's top-left corner.
    pub top_left: Coord<f64>,
}

impl PlanPicture {
    /// Where a plan point lies on the picture, in pixels from the top left.
    #[must_use]
    pub fn pixel_of(&self, point: Coord<f64>) -> (f64, f64) {
        pixel_of(self.px_per_mm, self.top_left, point)
    }

    /// The picture as PNG bytes.
    ///
    /// # Errors
    /// The encoder's error, as [`PlanPictureError::Encode`].
    pub fn png(&self) -> Result<Vec<u8>, PlanPictureError> {
        let mut bytes = Vec::new();
        let mut encoder = png::Encoder::new(&mut bytes, self.pixmap.width(), self.pixmap.height());
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        let encode = |error: png::EncodingError| PlanPictureError::Encode(error.to_string());
        let mut writer = encoder.write_header().map_err(encode)?;
        writer
            .write_image_data(self.pixmap.data())
            .map_err(encode)?;
        writer.finish().map_err(encode)?;
        Ok(bytes)
    }

    /// The colour of a pixel (premultiplied RGBA; the paper is opaque).
    #[must_use]
    pub fn pixel(&self, x: u32, y: u32) -> Option<Rgba> {
        self.pixmap
            .pixel(x, y)
            .map(|pixel| Rgba(pixel.red(), pixel.green(), pixel.blue(), pixel.alpha()))
    }
}

/// What to highlight and how to write lengths.
#[derive(Debug, Clone, Copy)]
pub struct PictureOptions<'a> {
    /// The unit lengths are written in.
    pub unit: LengthUnit,
    /// The selected product.
    pub selected: Option<&'a ProductInstanceId>,
    /// Products breaking a rule.
    pub violating: &'a BTreeSet<ProductInstanceId>,
}

/// Draws the plan fitted into a picture of `width` × `height` pixels.
///
/// # Errors
/// An empty plan, a bad size or unreadable embedded fonts.
pub fn plan_picture(
    drawing: &PlanDrawing,
    (width, height): (u32, u32),
    options: &PictureOptions<'_>,
) -> Result<PlanPicture, PlanPictureError> {
    if width == 0 || height == 0 || width > 16_000 || height > 16_000 {
        return Err(PlanPictureError::BadSize(width, height));
    }
    let mut pixmap = Pixmap::new(width, height).ok_or(PlanPictureError::BadSize(width, height))?;
    let fonts = Fonts::new().ok_or(PlanPictureError::Fonts)?;
    let mut drawing = drawing.clone();
    let (mut low, mut high) = drawing.bounds().ok_or(PlanPictureError::Empty)?;
    let (w, h) = (width as f32, height as f32);
    let margin = f64::from(w.min(h) * MARGIN_SHARE);
    let text_px = f64::from((w.min(h) / 900.0 * 13.0).clamp(11.0, 30.0));
    let mut labels = Vec::new();
    let mut fit = (1.0, low);
    // Labels moved out along leaders can reach past the drawing: fit, place, fit again.
    for _ in 0..2 {
        let scale = ((f64::from(w) - 2.0 * margin) / (high.x - low.x).max(1.0))
            .min((f64::from(h) - 2.0 * margin) / (high.y - low.y).max(1.0));
        let centre = (low + high) / 2.0;
        let top_left = Coord {
            x: centre.x - f64::from(w) / 2.0 / scale,
            y: centre.y + f64::from(h) / 2.0 / scale,
        };
        fit = (scale, top_left);
        drawing.set_text_size(text_px / scale);
        let settings = LabelSettings {
            unit: options.unit,
            text_mm: text_px / scale,
            view: None,
            numbered: false,
        };
        labels = place_labels(&drawing, &settings, &fonts);
        let corners: Vec<Coord<f64>> = labels.iter().flat_map(|label| label.corners()).collect();
        let (drawn_low, drawn_high) = drawing.bounds().ok_or(PlanPictureError::Empty)?;
        let Some((label_low, label_high)) = extent(corners.iter()) else {
            break;
        };
        low = Coord {
            x: drawn_low.x.min(label_low.x),
            y: drawn_low.y.min(label_low.y),
        };
        high = Coord {
            x: drawn_high.x.max(label_high.x),
            y: drawn_high.y.max(label_high.y),
        };
    }
    let (px_per_mm, top_left) = fit;
    let palette = Palette::PRINT;
    pixmap.fill(colour(palette.paper));
    let settings = PaintSettings {
        units_per_mm: px_per_mm,
        line_scale: (text_px / 13.0) as f32,
        palette: &palette,
        selected: options.selected,
        violating: options.violating,
        floors: true,
    };
    let at = |point: Coord<f64>| {
        let (x, y) = pixel_of(px_per_mm, top_left, point);
        (x as f32, y as f32)
    };
    for shape in paint(&drawing, &labels, &settings) {
        draw_shape(&mut pixmap, &fonts, &shape, &at, px_per_mm);
    }
    Ok(PlanPicture {
        pixmap,
        px_per_mm,
        top_left,
    })
}

/// Where a plan point lies on a picture with this scale and top-left corner.
fn pixel_of(px_per_mm: f64, top_left: Coord<f64>, point: Coord<f64>) -> (f64, f64) {
    (
        (point.x - top_left.x) * px_per_mm,
        (top_left.y - point.y) * px_per_mm,
    )
}

fn colour(rgba: Rgba) -> tiny_skia::Color {
    tiny_skia::Color::from_rgba8(rgba.0, rgba.1, rgba.2, rgba.3)
}

fn paint_of(rgba: Rgba) -> Paint<'static> {
    let mut paint = Paint::default();
    paint.set_color(colour(rgba));
    paint.anti_alias = true;
    paint
}

fn stroke_of(pen: &Pen) -> Stroke {
    Stroke {
        width: pen.width.max(0.3),
        line_cap: LineCap::Butt,
        line_join: LineJoin::Round,
        dash: if pen.dashed {
            StrokeDash::new(vec![pen.width * 5.0, pen.width * 3.5], 0.0)
        } else {
            None
        },
        ..Stroke::default()
    }
}

fn draw_shape(
    pixmap: &mut Pixmap,
    fonts: &Fonts,
    shape: &Shape,
    at: &impl Fn(Coord<f64>) -> (f32, f32),
    px_per_mm: f64,
) {
    let path = |points: &[Coord<f64>], closed: bool| {
        let mut builder = PathBuilder::new();
        for (index, point) in points.iter().enumerate() {
            let (x, y) = at(*point);
            if index == 0 {
                builder.move_to(x, y);
            } else {
                builder.line_to(x, y);
            }
        }
        if closed {
            builder.close();
        }
        builder.finish()
    };
    match shape {
        Shape::Floor { points, colour } => {
            if let Some(path) = path(points, true) {
                pixmap.fill_path(
                    &path,
                    &paint_of(*colour),
                    FillRule::EvenOdd,
                    Transform::identity(),
                    None,
                );
            }
        }
        Shape::Polygon { points, fill, pen } => {
            let Some(path) = path(points, true) else {
                return;
            };
            if let Some(fill) = fill {
                pixmap.fill_path(
                    &path,
                    &paint_of(*fill),
                    FillRule::Winding,
                    Transform::identity(),
                    None,
                );
            }
            if let Some(pen) = pen {
                pixmap.stroke_path(
                    &path,
                    &paint_of(pen.colour),
                    &stroke_of(pen),
                    Transform::identity(),
                    None,
                );
            }
        }
        Shape::Line { points, pen } => {
            if let Some(path) = path(points, false) {
                pixmap.stroke_path(
                    &path,
                    &paint_of(pen.colour),
                    &stroke_of(pen),
                    Transform::identity(),
                    None,
                );
            }
        }
        Shape::Text {
            text,
            centre,
            angle_deg,
            size_mm,
            bold,
            colour,
        } => {
            let kind = if *bold {
                FontKind::Bold
            } else {
                FontKind::Regular
            };
            let size_px = (*size_mm * px_per_mm) as f32;
            let (x, y) = at(*centre);
            let Some(path) = text_path(fonts, kind, text, size_px) else {
                return;
            };
            let transform = Transform::from_rotate(-*angle_deg as f32).post_translate(x, y);
            pixmap.fill_path(
                &path,
                &paint_of(*colour),
                FillRule::Winding,
                transform,
                None,
            );
        }
    }
}

/// A glyph outline pen writing into a path builder, moved along the line and turned y-down.
struct GlyphPen<'a> {
    builder: &'a mut PathBuilder,
    x: f32,
    y: f32,
}

impl OutlinePen for GlyphPen<'_> {
    fn move_to(&mut self, x: f32, y: f32) {
        self.builder.move_to(self.x + x, self.y - y);
    }
    fn line_to(&mut self, x: f32, y: f32) {
        self.builder.line_to(self.x + x, self.y - y);
    }
    fn quad_to(&mut self, cx0: f32, cy0: f32, x: f32, y: f32) {
        self.builder
            .quad_to(self.x + cx0, self.y - cy0, self.x + x, self.y - y);
    }
    fn curve_to(&mut self, cx0: f32, cy0: f32, cx1: f32, cy1: f32, x: f32, y: f32) {
        self.builder.cubic_to(
            self.x + cx0,
            self.y - cy0,
            self.x + cx1,
            self.y - cy1,
            self.x + x,
            self.y - y,
        );
    }
    fn close(&mut self) {
        self.builder.close();
    }
}

/// The outlines of a line of text centred on the origin, `size_px` high.
pub(crate) fn text_path(
    fonts: &Fonts,
    kind: FontKind,
    text: &str,
    size_px: f32,
) -> Option<tiny_skia::Path> {
    let font = FontRef::new(font_data(kind)).ok()?;
    let outlines = font.outline_glyphs();
    let face = fonts.face(kind);
    let width = fonts.width(kind, size_px, text);
    let mut builder = PathBuilder::new();
    let mut pen_x = -width / 2.0;
    // The middle of a capital letter sits on the centre line.
    let baseline = size_px * 0.36;
    for character in text.chars() {
        let (glyph, advance) = face.glyph(character);
        if let Some(outline) = outlines.get(GlyphId::new(glyph)) {
            let mut pen = GlyphPen {
                builder: &mut builder,
                x: pen_x,
                y: baseline,
            };
            let settings = DrawSettings::unhinted(Size::new(size_px), LocationRef::default());
            // A glyph that fails to draw is left out; the rest of the text stays.
            if outline.draw(settings, &mut pen).is_err() {
                continue;
            }
        }
        pen_x += advance * size_px;
    }
    builder.finish()
}

#[cfg(test)]
mod tests;
