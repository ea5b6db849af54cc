//! The bill of materials page: every part summed across the quote's lines, sorted by part
//! number, in a table whose heads repeat on every page.

use super::lines_table::{Column, column_edges};
use super::page::{Align, Block, CONTENT_WIDTH, Flow, LEFT, Pen, RIGHT, Style, theme};
use super::text::wrap;
use crate::domain::pricing::quote::{BomRow, Quote};
use crate::storage::fonts::{FontKind, Fonts};

const HEADING: Style = Style::new(FontKind::Bold, 13.0, theme::ACCENT);
const NOTE: Style = Style::new(FontKind::Regular, 8.0, theme::MUTED);
const HEAD: Style = Style::new(FontKind::Bold, 7.0, theme::MUTED);
const CELL: Style = Style::new(FontKind::Regular, 8.0, theme::INK);

pub(super) fn columns() -> [Column; 3] {
    [
        Column {
            title: "Part",
            width: 130.0,
            align: Align::Left,
        },
        Column {
            title: "Description",
            width: CONTENT_WIDTH - 130.0 - 70.0,
            align: Align::Left,
        },
        Column {
            title: "Quantity",
            width: 70.0,
            align: Align::Right,
        },
    ]
}

pub(super) fn head_row(fonts: &Fonts, columns: &[Column]) -> Block {
    let mut block = Block::default();
    for (column, (_, anchor)) in columns.iter().zip(column_edges(columns)) {
        block.text(fonts, anchor, 10.0, column.align, HEAD, column.title);
    }
    block.line((LEFT, 14.5), (RIGHT, 14.5), Pen::solid(theme::INK, 0.6));
    block.height = 15.0;
    block
}

pub(super) fn part_row(fonts: &Fonts, row: &BomRow, columns: &[Column], stripe: bool) -> Block {
    let edges = column_edges(columns);
    let mut text = Block::default();
    let first = 4.0 + CELL.size * 0.85;
    let mut last = first;
    for (index, value) in [(0, &row.part), (1, &row.description)] {
        let mut y = first;
        for line in wrap(fonts, CELL, value, columns[index].width - 6.0) {
            text.text(fonts, edges[index].1, y, Align::Left, CELL, &line);
            last = last.max(y);
            y += CELL.leading();
        }
    }
    text.text(
        fonts,
        edges[2].1,
        first,
        Align::Right,
        CELL,
        &row.quantity.to_string(),
    );
    let mut block = Block {
        ops: Vec::new(),
        height: last + CELL.size * 0.3 + 4.0,
    };
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

/// Starts a new page and places the bill of materials (nothing when the quote has no parts).
pub(super) fn place_bom(flow: &mut Flow<'_>, quote: &Quote) {
    if quote.bom.is_empty() {
        return;
    }
    let fonts = flow.fonts;
    flow.new_page();
    let mut title = Block::default();
    title.text(fonts, LEFT, 14.0, Align::Left, HEADING, "Bill of materials");
    let parts: u64 = quote.bom.iter().map(|row| row.quantity).sum();
    let note = format!(
        "{} part numbers, {parts} parts in all, summed across the {} lines of this quote.",
        quote.bom.len(),
        quote.lines.len()
    );
    title.text(fonts, LEFT, 28.0, Align::Left, NOTE, &note);
    title.height = 38.0;
    flow.place(title);
    let columns = columns();
    let head = head_row(fonts, &columns);
    flow.place(head.clone());
    for (index, row) in quote.bom.iter().enumerate() {
        let block = part_row(fonts, row, &columns, index % 2 == 1);
        if block.height > flow.remaining() {
            flow.new_page();
            flow.place(head.clone());
        }
        flow.place(block);
    }
}
