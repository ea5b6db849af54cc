//! The totals block (sum of lines, quote discount, net, VAT by rate, total to pay), kept on one
//! page, then the terms: validity, price lists, the dealer's conditions and payment details.

use super::format;
use super::page::{Align, Block, CONTENT_WIDTH, Flow, LEFT, Pen, RIGHT, Style, theme};
use super::text::wrap;
use crate::domain::pricing::quote_document::QuoteDocument;
use crate::storage::fonts::{FontKind, Fonts};

const LABEL: Style = Style::new(FontKind::Regular, 8.5, theme::INK);
const TOTAL: Style = Style::new(FontKind::Bold, 10.5, theme::INK);
const HEADING: Style = Style::new(FontKind::Bold, 9.5, theme::ACCENT);
const BODY: Style = Style::new(FontKind::Regular, 8.0, theme::INK);

/// Width of the totals block at the right.
const TOTALS_WIDTH: f32 = 250.0;

/// The totals as one block.
pub(super) fn totals_block(fonts: &Fonts, document: &QuoteDocument) -> Block {
    let quote = &document.quote;
    let totals = &quote.totals;
    let currency = &quote.currency;
    let label_x = RIGHT - TOTALS_WIDTH;
    let mut block = Block::default();
    let mut y = 14.0;
    let row = |block: &mut Block, y: &mut f32, label: &str, value: String, style: Style| {
        block.text(fonts, label_x, *y, Align::Left, style, label);
        block.text(fonts, RIGHT - 3.0, *y, Align::Right, style, &value);
        *y += style.leading() + 2.0;
    };
    let net_label = if quote.discount_percent.is_zero() {
        "Net total"
    } else {
        "Total of lines (net)"
    };
    row(
        &mut block,
        &mut y,
        net_label,
        format::money(totals.amount, currency),
        LABEL,
    );
    if !quote.discount_percent.is_zero() {
        row(
            &mut block,
            &mut y,
            &format!("Quote discount {}", format::percent(quote.discount_percent)),
            format::money(-totals.quote_discount, currency),
            LABEL,
        );
        row(
            &mut block,
            &mut y,
            "Net total",
            format::money(totals.net, currency),
            LABEL,
        );
    }
    for group in &totals.vat_groups {
        row(
            &mut block,
            &mut y,
            &format!(
                "VAT {} on {}",
                format::percent(group.rate_percent),
                format::money(group.net, currency)
            ),
            format::money(group.vat, currency),
            LABEL,
        );
    }
    let rule_y = y - LABEL.leading() + 5.0;
    block.line(
        (label_x, rule_y),
        (RIGHT, rule_y),
        Pen::solid(theme::INK, 0.8),
    );
    y = rule_y + TOTAL.size + 5.0;
    row(
        &mut block,
        &mut y,
        "Total incl. VAT",
        format::money(totals.gross, currency),
        TOTAL,
    );
    block.height = y;
    block
}

/// A heading followed by paragraphs, each paragraph one block.
fn paragraphs(fonts: &Fonts, heading: &str, texts: &[String]) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut head = Block::default();
    head.text(fonts, LEFT, 12.0, Align::Left, HEADING, heading);
    head.height = 17.0;
    blocks.push(head);
    for text in texts {
        let mut block = Block::default();
        let mut y = BODY.size;
        for line in wrap(fonts, BODY, text, CONTENT_WIDTH) {
            block.text(fonts, LEFT, y, Align::Left, BODY, &line);
            y += BODY.leading();
        }
        block.height = y - BODY.leading() + BODY.size * 0.3 + 5.0;
        blocks.push(block);
    }
    blocks
}

/// Places the totals, then the terms.
pub(super) fn place_totals_and_terms(flow: &mut Flow<'_>, document: &QuoteDocument) {
    let fonts = flow.fonts;
    flow.place(totals_block(fonts, document));
    flow.space(16.0);
    let mut texts = vec![format!(
        "This quote is valid until {} ({} days from {}).",
        format::date(document.valid_until),
        document.valid_days,
        format::date(document.issue_date)
    )];
    for list in &document.price_lists {
        let mut text = format!(
            "Prices from price list {} version {}",
            list.name, list.version
        );
        if let Some(date) = list.date {
            text.push_str(&format!(" of {}", format::date(date)));
        }
        text.push_str(&format!(", in {}.", document.quote.currency.code));
        texts.push(text);
    }
    texts.extend(document.dealer.terms.iter().cloned());
    if !document.dealer.bank.is_empty() {
        texts.push(format!(
            "Bank details: {}",
            document.dealer.bank.replace('\n', " · ")
        ));
    }
    let blocks = paragraphs(fonts, "Terms", &texts);
    let keep: f32 = blocks.iter().take(2).map(|block| block.height).sum();
    flow.ensure(keep);
    for block in blocks {
        flow.place(block);
    }
}
