//! The production sheet as a PDF for the factory, with no prices: a head naming the order, then
//! per line its position, quantity, product, article number and size, every option that applies
//! with its value and code, its derived values, its personalizations (text verbatim with font,
//! colour and part; the customer's image embedded) and its parts; the bill of materials of the whole order at the end. Built from the
//! quote's page pieces (flow, blocks, text wrapping, the parts table), so it looks like the quote.

use super::bom;
use super::format;
use super::page::{
    Align, Block, CONTENT_BOTTOM, CONTENT_WIDTH, Flow, LEFT, Page, Pen, RIGHT, Style, theme,
};
use super::page::{ImageSlot, Op};
use super::render;
use super::text::{fit, wrap};
use super::{PdfError, heading};
use crate::domain::pricing::production::{
    PersonalContent, PersonalReading, ProductionLine, ProductionSheet,
};
use crate::storage::fonts::{FontKind, Fonts};
use crate::storage::png_image::PngImage;

const TITLE: Style = Style::new(FontKind::Bold, 20.0, theme::INK);
const DEALER: Style = Style::new(FontKind::Bold, 12.0, theme::ACCENT);
const LABEL: Style = Style::new(FontKind::Regular, 8.5, theme::MUTED);
const VALUE: Style = Style::new(FontKind::Regular, 8.5, theme::INK);
const VALUE_BOLD: Style = Style::new(FontKind::Bold, 8.5, theme::INK);
const LINE_TITLE: Style = Style::new(FontKind::Bold, 10.0, theme::INK);
const SKU: Style = Style::new(FontKind::Bold, 9.0, theme::ACCENT);
const SECTION: Style = Style::new(FontKind::Bold, 7.5, theme::MUTED);
const CELL: Style = Style::new(FontKind::Regular, 8.0, theme::INK);
const CODE: Style = Style::new(FontKind::Regular, 7.5, theme::MUTED);
const FOOTER: Style = Style::new(FontKind::Regular, 7.5, theme::MUTED);

/// Left edges of the label, value and code columns of a line's options and parts.
const LABEL_X: f32 = LEFT + 34.0;
const VALUE_X: f32 = LEFT + 190.0;
const CODE_X: f32 = RIGHT;
/// Height of one option or part row.
const ROW: f32 = 11.5;
/// Tallest and widest a customer's image is drawn.
const IMAGE_MAX_HEIGHT: f32 = 170.0;
const IMAGE_MAX_WIDTH: f32 = 300.0;

/// The customers' images of a sheet, each with the layout path it was read from.
#[derive(Debug, Clone, Copy, Default)]
pub struct SheetImages<'a> {
    /// `(file as named in the layout, picture)`.
    pub images: &'a [(String, PngImage)],
}

impl SheetImages<'_> {
    fn index_of(&self, file: &str) -> Option<usize> {
        self.images.iter().position(|(name, _)| name == file)
    }
}

/// The sheet's title: what it is, the dealer it comes from, the order it belongs to.
fn head(fonts: &Fonts, sheet: &ProductionSheet, dealer: &str) -> Block {
    let mut block = Block::default();
    block.text(fonts, LEFT, 18.0, Align::Left, TITLE, "Production sheet");
    block.text(
        fonts,
        RIGHT,
        16.0,
        Align::Right,
        DEALER,
        &fit(fonts, DEALER, dealer, CONTENT_WIDTH / 2.0),
    );
    block.text(
        fonts,
        RIGHT,
        29.0,
        Align::Right,
        LABEL,
        "For the factory: configuration and parts, no prices",
    );
    block.line((LEFT, 38.0), (RIGHT, 38.0), Pen::solid(theme::RULE, 0.8));
    let items: u64 = sheet
        .lines
        .iter()
        .map(|line| u64::from(line.quantity))
        .sum();
    let reference = if sheet.reference.is_empty() {
        "none issued yet".to_owned()
    } else {
        sheet.reference.clone()
    };
    let rows = [
        ("Quote number", reference, VALUE_BOLD),
        ("Date", format::date(sheet.issue_date), VALUE),
        ("Customer", sheet.customer_name.clone(), VALUE),
        (
            "Order",
            format!("{} lines, {items} items", sheet.lines.len()),
            VALUE,
        ),
    ];
    let mut y = 54.0;
    for (label, value, style) in rows {
        if value.trim().is_empty() {
            continue;
        }
        block.text(fonts, LEFT, y, Align::Left, LABEL, label);
        block.text(
            fonts,
            LEFT + 80.0,
            y,
            Align::Left,
            style,
            &fit(fonts, style, &value, CONTENT_WIDTH - 80.0),
        );
        y += VALUE.leading() + 2.0;
    }
    block.height = y + 8.0;
    block
}

/// The line's title row: position, quantity and name at the left, article number at the right,
/// the size under it.
fn line_title(fonts: &Fonts, line: &ProductionLine) -> Block {
    let mut block = Block::default();
    block.line((LEFT, 0.0), (RIGHT, 0.0), Pen::solid(theme::INK, 0.6));
    block.text(
        fonts,
        LEFT,
        14.0,
        Align::Left,
        LINE_TITLE,
        &format!("{}.", line.position),
    );
    let sku_width = fonts
        .width(SKU.font, SKU.size, &line.sku)
        .min(CONTENT_WIDTH * 0.4);
    let title = format!("{} × {}", line.quantity, line.name);
    block.text(
        fonts,
        LABEL_X,
        14.0,
        Align::Left,
        LINE_TITLE,
        &fit(
            fonts,
            LINE_TITLE,
            &title,
            RIGHT - LABEL_X - sku_width - 12.0,
        ),
    );
    block.text(
        fonts,
        RIGHT,
        14.0,
        Align::Right,
        SKU,
        &fit(fonts, SKU, &line.sku, sku_width),
    );
    let size = format!(
        "W {} × D {} × H {} mm",
        line.size.width.0, line.size.depth.0, line.size.height.0
    );
    block.text(fonts, LABEL_X, 27.0, Align::Left, LABEL, "Size");
    block.text(fonts, VALUE_X, 27.0, Align::Left, VALUE, &size);
    block.height = 33.0;
    block
}

/// A small section title inside a line ("Configuration", "Parts").
fn section(fonts: &Fonts, title: &str, right: &str) -> Block {
    let mut block = Block::default();
    block.text(fonts, LABEL_X, 9.0, Align::Left, SECTION, title);
    block.text(fonts, CODE_X, 9.0, Align::Right, SECTION, right);
    block.height = 12.0;
    block
}

/// One row of label, value (wrapped) and code.
fn row(fonts: &Fonts, label: &str, value: &str, code: &str) -> Block {
    let mut block = Block::default();
    let code_width = fonts.width(CODE.font, CODE.size, code).min(90.0);
    block.text(
        fonts,
        LABEL_X,
        8.5,
        Align::Left,
        LABEL,
        &fit(fonts, LABEL, label, VALUE_X - LABEL_X - 6.0),
    );
    let mut y = 8.5;
    for part in wrap(fonts, CELL, value, CODE_X - VALUE_X - code_width - 10.0) {
        block.text(fonts, VALUE_X, y, Align::Left, CELL, &part);
        y += CELL.leading();
    }
    block.text(
        fonts,
        CODE_X,
        8.5,
        Align::Right,
        CODE,
        &fit(fonts, CODE, code, 90.0),
    );
    block.height = (y - CELL.leading()) + ROW - 8.5 + 3.0;
    block
}

/// The customer's image, fitted into the value column.
fn image_block(picture: &PngImage, index: usize) -> Block {
    let aspect = picture.aspect_ratio();
    let mut width = IMAGE_MAX_WIDTH.min(RIGHT - VALUE_X);
    let mut height = width / aspect;
    if height > IMAGE_MAX_HEIGHT {
        height = IMAGE_MAX_HEIGHT;
        width = height * aspect;
    }
    let mut block = Block::default();
    block.ops.push(Op::Image {
        slot: ImageSlot::Attached(index),
        x: VALUE_X,
        y: 2.0,
        width,
        height,
    });
    block.rect(
        (VALUE_X, 2.0, width, height),
        None,
        Some(Pen::solid(theme::RULE, 0.5)),
    );
    block.height = height + 6.0;
    block
}

/// Places one personalization: the text line by line, verbatim, then font, colour and part; or
/// the image's file and part, then the image itself.
fn place_personal(flow: &mut Flow<'_>, reading: &PersonalReading, images: SheetImages<'_>) {
    let fonts = flow.fonts;
    match &reading.content {
        PersonalContent::Text {
            text,
            font,
            colour,
            colour_hex,
        } => {
            for (index, text_line) in text.split('\n').enumerate() {
                let label = if index == 0 {
                    reading.label.as_str()
                } else {
                    ""
                };
                let code = if index == 0 { "TEXT" } else { "" };
                flow.place(row(fonts, label, &format!("“{text_line}”"), code));
            }
            let colour = if colour_hex.is_empty() {
                colour.clone()
            } else {
                format!("{colour} ({colour_hex})")
            };
            flow.place(row(fonts, "", &format!("Font: {font}"), ""));
            flow.place(row(fonts, "", &format!("Colour: {colour}"), ""));
            flow.place(row(fonts, "", &format!("On the {}", reading.part), ""));
        }
        PersonalContent::Image { file } => {
            flow.place(row(fonts, &reading.label, file, "IMAGE"));
            flow.place(row(fonts, "", &format!("On the {}", reading.part), ""));
            if let Some(index) = images.index_of(file) {
                flow.place(image_block(&images.images[index].1, index));
            }
        }
    }
}

/// Places one line: its title kept with the first rows, then a row per option and per part.
fn place_line(flow: &mut Flow<'_>, line: &ProductionLine, images: SheetImages<'_>) {
    let fonts = flow.fonts;
    let title = line_title(fonts, line);
    flow.ensure(title.height + 3.0 * ROW + 12.0);
    flow.place(title);
    if !line.configuration.is_empty() {
        flow.place(section(fonts, "CONFIGURATION", "CODE"));
        for option in &line.configuration {
            flow.place(row(fonts, &option.label, &option.value, &option.code));
        }
    }
    if !line.derived.is_empty() {
        flow.space(3.0);
        flow.place(section(fonts, "DERIVED VALUES", ""));
        for derived in &line.derived {
            flow.place(row(fonts, &derived.label, &derived.value, ""));
        }
    }
    if !line.personalization.is_empty() {
        flow.space(3.0);
        flow.place(section(fonts, "PERSONALIZATION", ""));
        for reading in &line.personalization {
            place_personal(flow, reading, images);
        }
    }
    if !line.bom.is_empty() {
        flow.space(3.0);
        flow.place(section(fonts, "PARTS FOR THIS LINE", "QUANTITY"));
        for part in &line.bom {
            flow.place(row(
                fonts,
                &part.part,
                &part.description,
                &part.quantity.to_string(),
            ));
        }
    }
    flow.space(8.0);
}

/// The bill of materials of the whole order, on a page of its own.
fn place_order_bom(flow: &mut Flow<'_>, sheet: &ProductionSheet) {
    if sheet.bom.is_empty() {
        return;
    }
    let fonts = flow.fonts;
    flow.new_page();
    let parts: u64 = sheet.bom.iter().map(|row| row.quantity).sum();
    flow.place(heading(
        fonts,
        "Bill of materials of the order",
        &format!(
            "{} part numbers, {parts} parts over {} lines",
            sheet.bom.len(),
            sheet.lines.len()
        ),
    ));
    let columns = bom::columns();
    let head = bom::head_row(fonts, &columns);
    flow.place(head.clone());
    for (index, row) in sheet.bom.iter().enumerate() {
        let block = bom::part_row(fonts, row, &columns, index % 2 == 1);
        if block.height > flow.remaining() {
            flow.new_page();
            flow.place(head.clone());
        }
        flow.place(block);
    }
}

/// The small head on every page after the first.
fn running_head(fonts: &Fonts, sheet: &ProductionSheet, dealer: &str) -> Block {
    let mut block = Block::default();
    block.text(
        fonts,
        LEFT,
        8.0,
        Align::Left,
        FOOTER,
        &fit(fonts, FOOTER, dealer, CONTENT_WIDTH / 2.0),
    );
    block.text(
        fonts,
        RIGHT,
        8.0,
        Align::Right,
        FOOTER,
        &fit(fonts, FOOTER, &title(sheet), CONTENT_WIDTH / 2.0 - 10.0),
    );
    block.line((LEFT, 13.0), (RIGHT, 13.0), Pen::solid(theme::RULE, 0.5));
    block.height = 26.0;
    block
}

/// "Production sheet Q-2026-0142 · customer".
fn title(sheet: &ProductionSheet) -> String {
    let mut title = "Production sheet".to_owned();
    if !sheet.reference.is_empty() {
        title.push_str(&format!(" {}", sheet.reference));
    }
    if !sheet.customer_name.is_empty() {
        title.push_str(&format!(" · {}", sheet.customer_name));
    }
    title
}

/// "Page i of n" under every page.
fn add_footers(fonts: &Fonts, sheet: &ProductionSheet, pages: &mut [Page]) {
    let count = pages.len();
    let rule_y = CONTENT_BOTTOM + 14.0;
    let text_y = rule_y + 12.0;
    let left = fit(fonts, FOOTER, &title(sheet), CONTENT_WIDTH * 0.7);
    for (index, page) in pages.iter_mut().enumerate() {
        let mut footer = Block::default();
        footer.line(
            (LEFT, rule_y),
            (RIGHT, rule_y),
            Pen::solid(theme::RULE, 0.5),
        );
        footer.text(fonts, LEFT, text_y, Align::Left, FOOTER, &left);
        footer.text(
            fonts,
            RIGHT,
            text_y,
            Align::Right,
            FOOTER,
            &format!("Page {} of {count}", index + 1),
        );
        page.ops.extend(footer.ops);
    }
}

/// The sheet laid out as pages of drawing operations.
pub(super) fn production_pages(
    fonts: &Fonts,
    sheet: &ProductionSheet,
    dealer: &str,
    images: SheetImages<'_>,
) -> Vec<Page> {
    let mut flow = Flow::new(fonts, running_head(fonts, sheet, dealer));
    flow.place(head(fonts, sheet, dealer));
    for line in &sheet.lines {
        place_line(&mut flow, line, images);
    }
    place_order_bom(&mut flow, sheet);
    let mut pages = flow.pages;
    add_footers(fonts, sheet, &mut pages);
    pages
}

/// Writes the production sheet as PDF bytes; `dealer` is the name of the dealer ordering, and
/// `images` the customers' images its lines name (one not given is listed without its picture).
///
/// # Errors
/// Damaged embedded fonts, a picture krilla cannot embed, or krilla refusing the document.
pub fn production_pdf(
    sheet: &ProductionSheet,
    dealer: &str,
    images: SheetImages<'_>,
) -> Result<Vec<u8>, PdfError> {
    let fonts = Fonts::new().ok_or(PdfError::Font)?;
    let pages = production_pages(&fonts, sheet, dealer, images);
    let attached: Vec<PngImage> = images
        .images
        .iter()
        .map(|(_, picture)| picture.clone())
        .collect();
    render::render(
        &pages,
        &fonts,
        &render::Pictures {
            logo: None,
            design: None,
            attached: &attached,
            thumbnails: &[],
        },
        &render::Info {
            title: title(sheet),
            author: dealer,
            date: sheet.issue_date,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalog::CatalogSet;
    use crate::domain::pricing::production::production_sheet;
    use crate::domain::values::date::IsoDate;
    use crate::storage::catalog::load_catalog_folder;
    use crate::storage::layout_file::load_layout;
    use crate::storage::pdf_quote::page::Op;
    use std::path::Path;

    fn showroom_sheet() -> ProductionSheet {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let (catalogs, _) = load_catalog_folder(&root.join("catalogs"));
        let (layout, _) = load_layout(&root.join("saves/showroom.ron")).expect("loads");
        let date = IsoDate::parse("2026-12-01").expect("a date");
        production_sheet(&layout, &CatalogSet { catalogs }, date).expect("a sheet")
    }

    #[test]
    fn every_option_part_and_article_number_is_on_the_pages_and_no_price() {
        let sheet = showroom_sheet();
        let fonts = Fonts::new().expect("fonts");
        let pages = production_pages(&fonts, &sheet, "Nordhaus Living", SheetImages::default());
        let texts: Vec<&str> = pages
            .iter()
            .flat_map(|page| &page.ops)
            .filter_map(|op| match op {
                Op::Text { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect();
        for line in &sheet.lines {
            assert!(texts.contains(&line.sku.as_str()), "{}", line.sku);
            for option in &line.configuration {
                assert!(texts.contains(&option.label.as_str()), "{}", option.label);
                assert!(texts.contains(&option.value.as_str()), "{}", option.value);
            }
            for derived in &line.derived {
                assert!(texts.contains(&derived.label.as_str()), "{}", derived.label);
                assert!(texts.contains(&derived.value.as_str()), "{}", derived.value);
            }
            for part in &line.bom {
                assert!(texts.contains(&part.part.as_str()), "{}", part.part);
            }
        }
        assert!(texts.contains(&"W 2800 × D 1600 × H 820 mm"), "{texts:?}");
        assert!(
            !texts
                .iter()
                .any(|text| text.contains('€') || text.contains("EUR"))
        );
        assert!(texts.iter().any(|text| text.starts_with("Page 1 of ")));
        // Every text stays on the page, between the margins.
        for page in &pages {
            for op in &page.ops {
                if let Op::Text { x, y, .. } = op {
                    assert!(*x >= LEFT - 0.5 && *y <= CONTENT_BOTTOM + 40.0, "{op:?}");
                }
            }
        }
        let none = SheetImages::default();
        let bytes = production_pdf(&sheet, "Nordhaus Living", none).expect("a PDF");
        assert!(bytes.starts_with(b"%PDF"));
        assert_eq!(
            bytes,
            production_pdf(&sheet, "Nordhaus Living", none).expect("again")
        );
    }
}
