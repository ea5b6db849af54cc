//! The table of quote lines: position, SKU, description with the chosen options, the
//! price-table rows the unit price is made of and the personalizations (texts verbatim,
//! thumbnails of printed images), quantity, unit price, discount, net and VAT rate. Each line
//! is one block, so a page break never splits
//! it; the column heads repeat on every page; amounts are right-aligned.

use super::format;
use super::page::{
    Align, Block, CONTENT_WIDTH, Flow, ImageSlot, LEFT, Op, Pen, RIGHT, Style, theme,
};
use super::text::wrap;
use crate::domain::pricing::quote::{Quote, QuoteLine};
use crate::storage::fonts::{FontKind, Fonts};
use crate::storage::png_image::PngImage;

const HEAD: Style = Style::new(FontKind::Bold, 7.0, theme::MUTED);
const CELL: Style = Style::new(FontKind::Regular, 8.0, theme::INK);
const NAME: Style = Style::new(FontKind::Bold, 8.0, theme::INK);
const OPTIONS: Style = Style::new(FontKind::Regular, 7.0, theme::MUTED);
const SKU: Style = Style::new(FontKind::Regular, 7.0, theme::INK);
const PERSONAL: Style = Style::new(FontKind::Regular, 7.5, theme::INK);

/// Height of a customer's image thumbnail on its line.
const THUMBNAIL_HEIGHT: f32 = 36.0;

/// Inner padding of a cell, left and right.
const PAD: f32 = 3.0;
/// Padding above and below a row's text.
const ROW_PAD: f32 = 4.0;

/// A column: its left edge, width and alignment.
#[derive(Debug, Clone, Copy)]
pub(super) struct Column {
    /// Heading.
    pub title: &'static str,
    /// Width in points.
    pub width: f32,
    /// Alignment of heading and cells.
    pub align: Align,
}

impl Column {
    const fn new(title: &'static str, width: f32, align: Align) -> Self {
        Self {
            title,
            width,
            align,
        }
    }
}

/// Left edge and anchor x (where text aligns) of each column.
pub(super) fn column_edges(columns: &[Column]) -> Vec<(f32, f32)> {
    let mut left = LEFT;
    columns
        .iter()
        .map(|column| {
            let anchor = match column.align {
                Align::Left => left + PAD,
                Align::Right => left + column.width - PAD,
                Align::Centre => left + column.width / 2.0,
            };
            let edge = left;
            left += column.width;
            (edge, anchor)
        })
        .collect()
}

const FIXED: [Column; 8] = [
    Column::new("Pos.", 24.0, Align::Right),
    Column::new("SKU", 86.0, Align::Left),
    Column::new("Description", 0.0, Align::Left),
    Column::new("Qty", 26.0, Align::Right),
    Column::new("Unit price", 60.0, Align::Right),
    Column::new("Discount", 40.0, Align::Right),
    Column::new("Net", 64.0, Align::Right),
    Column::new("VAT", 30.0, Align::Right),
];

/// The columns, the description taking what the others leave.
pub(super) fn columns() -> [Column; 8] {
    let fixed: f32 = FIXED.iter().map(|column| column.width).sum();
    let mut columns = FIXED;
    columns[2].width = CONTENT_WIDTH - fixed;
    columns
}

/// The row of column headings (with a rule under it).
pub(super) fn head_row(fonts: &Fonts, columns: &[Column]) -> Block {
    let mut block = Block::default();
    for (column, (_, anchor)) in columns.iter().zip(column_edges(columns)) {
        block.text(fonts, anchor, 10.0, column.align, HEAD, column.title);
    }
    block.line((LEFT, 14.5), (RIGHT, 14.5), Pen::solid(theme::INK, 0.6));
    block.height = 15.0;
    block
}

/// One quote line as a block.
fn line_row(
    fonts: &Fonts,
    quote: &Quote,
    line: &QuoteLine,
    thumbnails: &[(String, PngImage)],
    columns: &[Column],
    stripe: bool,
) -> Block {
    let edges = column_edges(columns);
    let decimals = quote.currency.decimals;
    let inner = |index: usize| columns[index].width - 2.0 * PAD;
    let mut block = Block::default();
    let first_baseline = ROW_PAD + CELL.size * 0.85;
    let mut text = Block::default();
    // Description: name, then the options in smaller type.
    let mut last_baseline = first_baseline;
    let mut y = first_baseline;
    for part in wrap(fonts, NAME, &line.name, inner(2)) {
        text.text(fonts, edges[2].1, y, Align::Left, NAME, &part);
        last_baseline = y;
        y += NAME.leading();
    }
    y -= 1.0;
    if !line.options.is_empty() {
        // A no-break space after each "Label:" keeps a label with the start of its value.
        let options: Vec<String> = line
            .options
            .iter()
            .map(|option| option.replacen(": ", ":\u{a0}", 1))
            .collect();
        for part in wrap(fonts, OPTIONS, &options.join(" · "), inner(2)) {
            text.text(fonts, edges[2].1, y, Align::Left, OPTIONS, &part);
            last_baseline = last_baseline.max(y);
            y += OPTIONS.leading();
        }
    }
    // Each price-table row used, on its own line: "Upholstery: group D × 2000–2199 mm: 1,890.00".
    for component in &line.breakdown.tables {
        let row = format!(
            "{}:\u{a0}{}",
            component.label,
            format::amount(component.amount, decimals)
        );
        for part in wrap(fonts, OPTIONS, &row, inner(2)) {
            text.text(fonts, edges[2].1, y, Align::Left, OPTIONS, &part);
            last_baseline = last_baseline.max(y);
            y += OPTIONS.leading();
        }
    }
    // Personalizations verbatim, each on its own line, then thumbnails of printed images.
    for personal in &line.personal {
        for part in wrap(fonts, PERSONAL, personal, inner(2)) {
            text.text(fonts, edges[2].1, y, Align::Left, PERSONAL, &part);
            last_baseline = last_baseline.max(y);
            y += PERSONAL.leading();
        }
    }
    let mut thumbnail_x = edges[2].1;
    let mut thumbnail_bottom = 0.0_f32;
    for file in &line.images {
        if let Some(index) = thumbnails.iter().position(|(path, _)| path == file) {
            let image = &thumbnails[index].1;
            let aspect = image.width_px as f32 / image.height_px.max(1) as f32;
            let width = (THUMBNAIL_HEIGHT * aspect).min(inner(2));
            let top = y - PERSONAL.size * 0.6;
            text.ops.push(Op::Image {
                slot: ImageSlot::Thumbnail(index),
                x: thumbnail_x,
                y: top,
                width,
                height: width / aspect,
            });
            thumbnail_x += width + PAD;
            thumbnail_bottom = thumbnail_bottom.max(top + width / aspect);
        }
    }
    let mut sku_y = first_baseline;
    for part in wrap(fonts, SKU, &line.sku, inner(1)) {
        text.text(fonts, edges[1].1, sku_y, Align::Left, SKU, &part);
        last_baseline = last_baseline.max(sku_y);
        sku_y += SKU.leading();
    }
    let discount = if line.discount_percent.is_zero() {
        String::new()
    } else {
        format::percent(line.discount_percent)
    };
    let cells = [
        (0, line.position.to_string()),
        (3, line.quantity.to_string()),
        (4, format::amount(line.unit_price, decimals)),
        (5, discount),
        (6, format::amount(line.amount, decimals)),
        (7, format::percent(line.vat_percent)),
    ];
    for (index, value) in cells {
        text.text(
            fonts,
            edges[index].1,
            first_baseline,
            columns[index].align,
            CELL,
            &value,
        );
    }
    block.height = (last_baseline + CELL.size * 0.3).max(thumbnail_bottom) + ROW_PAD;
    if stripe {
        block.rect(
            (LEFT, 0.0, CONTENT_WIDTH, block.height),
            Some(theme::STRIPE),
            None,
        );
    }
    block.ops.extend(text.ops);
    block
}

/// Places the whole table, heads repeated after each page break; the last line is kept on the
/// page of what follows it (`keep_with_last` points, the totals), so they are never alone.
pub(super) fn place_lines(
    flow: &mut Flow<'_>,
    quote: &Quote,
    thumbnails: &[(String, PngImage)],
    keep_with_last: f32,
) {
    let columns = columns();
    let fonts = flow.fonts;
    let head = head_row(fonts, &columns);
    for (index, line) in quote.lines.iter().enumerate() {
        let row = line_row(fonts, quote, line, thumbnails, &columns, index % 2 == 1);
        let last = index + 1 == quote.lines.len();
        let needed = row.height + if last { keep_with_last } else { 0.0 };
        if index == 0 {
            flow.ensure(head.height + needed);
            flow.place(head.clone());
        } else if needed > flow.remaining() {
            flow.new_page();
            flow.place(head.clone());
        }
        flow.place(row);
    }
    let mut rule = Block::default();
    rule.line((LEFT, 0.0), (RIGHT, 0.0), Pen::solid(theme::INK, 0.6));
    rule.height = 0.0;
    flow.place(rule);
}
