//! The notice box listing the layout's constraint violations: a tinted box with a red bar, one
//! row per violation message, so that a long list may continue on the next page.

use super::page::{Align, Block, CONTENT_WIDTH, Flow, LEFT, Style, theme};
use super::text::wrap;
use crate::storage::fonts::{FontKind, Fonts};

const TITLE: Style = Style::new(FontKind::Bold, 9.0, theme::NOTICE_INK);
const BODY: Style = Style::new(FontKind::Regular, 8.0, theme::INK);
const BAR_WIDTH: f32 = 3.0;
const PADDING: f32 = 10.0;

/// Places the notice when there are violations.
pub(super) fn place_notice(flow: &mut Flow<'_>, violations: &[String]) {
    if violations.is_empty() {
        return;
    }
    let fonts = flow.fonts;
    let count = violations.len();
    let title = if count == 1 {
        "Please note: this design has 1 unresolved planning issue".to_owned()
    } else {
        format!("Please note: this design has {count} unresolved planning issues")
    };
    let mut rows = vec![row(fonts, &title, TITLE, 8.0, false)];
    for message in violations {
        rows.push(row(fonts, message, BODY, 2.0, true));
    }
    rows.push(row(
        fonts,
        "They should be resolved before the order is placed; prices may change as a result.",
        Style::new(FontKind::Regular, 7.5, theme::MUTED),
        4.0,
        false,
    ));
    if let Some(last) = rows.last_mut() {
        last.height += 6.0;
        extend_background(last);
    }
    let first_two: f32 = rows.iter().take(2).map(|block| block.height).sum();
    flow.ensure(first_two);
    for block in rows {
        flow.place(block);
    }
    flow.space(14.0);
}

/// One row of the box: tinted background, red bar, text lines.
fn row(fonts: &Fonts, text: &str, style: Style, top_padding: f32, bullet: bool) -> Block {
    let text_left = LEFT + BAR_WIDTH + PADDING + if bullet { 9.0 } else { 0.0 };
    let width = LEFT + CONTENT_WIDTH - PADDING - text_left;
    let lines = wrap(fonts, style, text, width);
    let mut block = Block::default();
    let mut y = top_padding + style.size;
    if bullet {
        block.text(
            fonts,
            LEFT + BAR_WIDTH + PADDING,
            y,
            Align::Left,
            style,
            "•",
        );
    }
    let mut text_ops = Block::default();
    for line in &lines {
        text_ops.text(fonts, text_left, y, Align::Left, style, line);
        y += style.leading();
    }
    block.height = y - style.leading() + style.size * 0.45;
    let text = std::mem::take(&mut block.ops);
    extend_background(&mut block);
    block.ops.extend(text);
    block.ops.extend(text_ops.ops);
    block
}

/// Puts the tinted background and bar under a row, sized to its height.
fn extend_background(block: &mut Block) {
    block.ops.retain(|op| !is_background(op));
    let mut background = Block::default();
    background.rect(
        (LEFT, 0.0, CONTENT_WIDTH, block.height),
        Some(theme::NOTICE_FILL),
        None,
    );
    background.rect(
        (LEFT, 0.0, BAR_WIDTH, block.height),
        Some(theme::NOTICE_INK),
        None,
    );
    background.ops.append(&mut block.ops);
    block.ops = background.ops;
}

fn is_background(op: &super::page::Op) -> bool {
    matches!(op, super::page::Op::Shape { fill: Some(colour), .. }
        if *colour == theme::NOTICE_FILL || *colour == theme::NOTICE_INK)
}
