//! Pages of drawing operations written as PDF with krilla: glyphs of the embedded fonts
//! (subset by krilla, with ToUnicode maps so the text can be copied and searched), paths and
//! pictures. Metadata carries the issue date instead of the clock, so output is reproducible.

use super::PdfError;
use super::page::{ImageSlot, Op, PAGE_HEIGHT, PAGE_WIDTH, Page, Pen, Rgb};
use crate::domain::values::date::IsoDate;
use crate::storage::fonts::{BOLD_TTF, FontKind, Fonts, REGULAR_TTF};
use crate::storage::png_image::PngImage;
use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Size, Transform};
use krilla::image::Image;
use krilla::metadata::{DateTime, Metadata};
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, FillRule, LineCap, LineJoin, Stroke, StrokeDash};
use krilla::surface::Surface;
use krilla::text::{Font, GlyphId, KrillaGlyph};

/// What the document says about itself.
pub(super) struct Info<'a> {
    /// Title, e.g. "Quote Q-2026-0142".
    pub title: String,
    /// Author (the dealer).
    pub author: &'a str,
    /// Issue date, used as the creation date.
    pub date: IsoDate,
}

/// The pictures an image operation may name.
pub(super) struct Pictures<'a> {
    /// The dealer's logo.
    pub logo: Option<&'a PngImage>,
    /// The picture of the design.
    pub design: Option<&'a PngImage>,
    /// Other pictures, by their index in [`ImageSlot::Attached`].
    pub attached: &'a [PngImage],
    /// Thumbnails of customers' images, by layout path.
    pub thumbnails: &'a [(String, PngImage)],
}

fn colour(value: Rgb) -> rgb::Color {
    rgb::Color::new(value.0, value.1, value.2)
}

fn fill(value: Rgb) -> Fill {
    Fill {
        paint: colour(value).into(),
        opacity: NormalizedF32::ONE,
        rule: FillRule::NonZero,
    }
}

fn stroke(pen: Pen) -> Stroke {
    Stroke {
        paint: colour(pen.colour).into(),
        width: pen.width,
        line_cap: LineCap::Butt,
        line_join: LineJoin::Round,
        dash: pen.dashed.then(|| StrokeDash {
            array: vec![2.5, 1.8],
            offset: 0.0,
        }),
        ..Stroke::default()
    }
}

fn picture(image: &PngImage) -> Result<Image, PdfError> {
    let data: krilla::Data = std::sync::Arc::clone(&image.bytes).into();
    Image::from_png(data, true).map_err(PdfError::Picture)
}

/// Writes the pages as PDF bytes.
pub(super) fn render(
    pages: &[Page],
    fonts: &Fonts,
    pictures: &Pictures<'_>,
    info: &Info<'_>,
) -> Result<Vec<u8>, PdfError> {
    let regular = Font::new(REGULAR_TTF.into(), 0).ok_or(PdfError::Font)?;
    let bold = Font::new(BOLD_TTF.into(), 0).ok_or(PdfError::Font)?;
    let logo = pictures.logo.map(picture).transpose()?;
    let design = pictures.design.map(picture).transpose()?;
    let attached = pictures
        .attached
        .iter()
        .map(picture)
        .collect::<Result<Vec<_>, _>>()?;
    let thumbnails = pictures
        .thumbnails
        .iter()
        .map(|(_, image)| picture(image))
        .collect::<Result<Vec<_>, _>>()?;
    let settings = PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT).ok_or(PdfError::Page)?;
    let mut document = Document::new();
    for page in pages {
        let mut pdf_page = document.start_page_with(settings.clone());
        let mut surface = pdf_page.surface();
        for op in &page.ops {
            match op {
                Op::Text {
                    x,
                    y,
                    text,
                    font,
                    size,
                    colour: ink,
                    angle_deg,
                } => {
                    let (face, pdf_font) = match font {
                        FontKind::Regular => (fonts.face(FontKind::Regular), &regular),
                        FontKind::Bold => (fonts.face(FontKind::Bold), &bold),
                    };
                    let glyphs: Vec<KrillaGlyph> = text
                        .char_indices()
                        .map(|(at, c)| {
                            let (glyph, advance) = face.glyph(c);
                            KrillaGlyph::new(
                                GlyphId::new(glyph),
                                advance,
                                0.0,
                                0.0,
                                0.0,
                                at..at + c.len_utf8(),
                                None,
                            )
                        })
                        .collect();
                    surface.set_fill(Some(fill(*ink)));
                    surface.set_stroke(None);
                    let turned = *angle_deg != 0.0;
                    if turned {
                        surface.push_transform(&Transform::from_rotate_at(-angle_deg, *x, *y));
                    }
                    surface.draw_glyphs(
                        Point::from_xy(*x, *y),
                        &glyphs,
                        pdf_font.clone(),
                        text,
                        *size,
                        false,
                    );
                    if turned {
                        surface.pop();
                    }
                }
                Op::Shape {
                    points,
                    closed,
                    fill: inside,
                    pen,
                } => draw_shape(&mut surface, points, *closed, *inside, *pen),
                Op::Image {
                    slot,
                    x,
                    y,
                    width,
                    height,
                } => {
                    let image = match slot {
                        ImageSlot::Logo => logo.as_ref(),
                        ImageSlot::Design => design.as_ref(),
                        ImageSlot::Attached(index) => attached.get(*index),
                        ImageSlot::Thumbnail(index) => thumbnails.get(*index),
                    };
                    if let (Some(image), Some(size)) = (image, Size::from_wh(*width, *height)) {
                        surface.push_transform(&Transform::from_translate(*x, *y));
                        surface.draw_image(image.clone(), size);
                        surface.pop();
                    }
                }
            }
        }
        surface.finish();
        pdf_page.finish();
    }
    let (year, month, day) = info.date.0.to_calendar_date();
    let created = DateTime::new(u16::try_from(year).unwrap_or(0))
        .month(u8::from(month))
        .day(day);
    document.set_metadata(
        Metadata::new()
            .title(info.title.clone())
            .authors(vec![info.author.to_owned()])
            .creator("Room Planner".to_owned())
            .producer("Room Planner".to_owned())
            .language("en".to_owned())
            .creation_date(created),
    );
    document
        .finish()
        .map_err(|error| PdfError::Write(format!("{error:?}")))
}

fn draw_shape(
    surface: &mut Surface<'_>,
    points: &[(f32, f32)],
    closed: bool,
    inside: Option<Rgb>,
    pen: Option<Pen>,
) {
    let inside = if closed { inside } else { None };
    let Some((first, rest)) = points.split_first() else {
        return;
    };
    if inside.is_none() && pen.is_none() {
        return;
    }
    let mut builder = PathBuilder::new();
    builder.move_to(first.0, first.1);
    for point in rest {
        builder.line_to(point.0, point.1);
    }
    if closed {
        builder.close();
    }
    let Some(path) = builder.finish() else {
        return;
    };
    surface.set_fill(inside.map(fill));
    surface.set_stroke(pen.map(stroke));
    surface.draw_path(&path);
}
