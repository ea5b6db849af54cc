//! The first page's letterhead (dealer, logo, title), the customer and quote details, the
//! running head of later pages and the footer with page numbers.

use super::format;
use super::page::{
    Align, Block, CONTENT_BOTTOM, CONTENT_WIDTH, ImageSlot, LEFT, Op, PAGE_HEIGHT, Page, Pen,
    RIGHT, Style, theme,
};
use super::text::{fit, wrap};
use crate::domain::pricing::quote_document::QuoteDocument;
use crate::storage::fonts::{FontKind, Fonts};
use crate::storage::png_image::PngImage;

const NAME: Style = Style::new(FontKind::Bold, 15.0, theme::ACCENT);
const SMALL: Style = Style::new(FontKind::Regular, 8.0, theme::MUTED);
const TITLE: Style = Style::new(FontKind::Bold, 20.0, theme::INK);
const LABEL: Style = Style::new(FontKind::Regular, 8.5, theme::MUTED);
const VALUE: Style = Style::new(FontKind::Regular, 8.5, theme::INK);
const VALUE_BOLD: Style = Style::new(FontKind::Bold, 8.5, theme::INK);
const CUSTOMER_NAME: Style = Style::new(FontKind::Bold, 10.5, theme::INK);
const FOOTER: Style = Style::new(FontKind::Regular, 7.5, theme::MUTED);

/// Tallest and widest the logo is drawn.
const LOGO_HEIGHT: f32 = 52.0;
const LOGO_MAX_WIDTH: f32 = 130.0;

/// The letterhead and the customer/quote details of page one.
pub(super) fn letterhead(
    fonts: &Fonts,
    document: &QuoteDocument,
    logo: Option<&PngImage>,
) -> Block {
    let mut block = Block::default();
    let dealer = &document.dealer;
    let mut text_left = LEFT;
    if let Some(logo) = logo {
        let width = (LOGO_HEIGHT * logo.aspect_ratio()).min(LOGO_MAX_WIDTH);
        let height = width / logo.aspect_ratio();
        block.ops.push(Op::Image {
            slot: ImageSlot::Logo,
            x: LEFT,
            y: (LOGO_HEIGHT - height) / 2.0,
            width,
            height,
        });
        text_left = LEFT + width + 12.0;
    }
    let title_width = fonts
        .width(TITLE.font, TITLE.size, "Quote")
        .max(fonts.width(VALUE_BOLD.font, VALUE_BOLD.size, &document.reference))
        .min(150.0);
    let dealer_width = RIGHT - title_width - 16.0 - text_left;
    block.text(
        fonts,
        text_left,
        15.0,
        Align::Left,
        NAME,
        &fit(fonts, NAME, &dealer.name, dealer_width),
    );
    let address = dealer
        .address
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    let contact = [&dealer.phone, &dealer.email, &dealer.website]
        .into_iter()
        .filter(|part| !part.is_empty())
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(" · ");
    let mut y = 29.0;
    for line in [address, contact] {
        if !line.is_empty() {
            block.text(
                fonts,
                text_left,
                y,
                Align::Left,
                SMALL,
                &fit(fonts, SMALL, &line, dealer_width),
            );
            y += SMALL.leading();
        }
    }
    block.text(fonts, RIGHT, 18.0, Align::Right, TITLE, "Quote");
    block.text(
        fonts,
        RIGHT,
        32.0,
        Align::Right,
        VALUE_BOLD,
        &fit(fonts, VALUE_BOLD, &document.reference, title_width),
    );
    let rule_y = LOGO_HEIGHT.max(y) + 8.0;
    block.line(
        (LEFT, rule_y),
        (RIGHT, rule_y),
        Pen::solid(theme::RULE, 0.8),
    );
    let details = details(fonts, document);
    let details_top = rule_y + 16.0;
    let height = details.height;
    block.append(details, details_top);
    block.height = details_top + height + 10.0;
    block
}

/// Customer on the left, quote number, dates and price lists on the right.
fn details(fonts: &Fonts, document: &QuoteDocument) -> Block {
    let mut block = Block::default();
    let customer = &document.customer;
    let column_width = CONTENT_WIDTH * 0.48;
    block.text(fonts, LEFT, 0.0, Align::Left, LABEL, "Quote for");
    let mut y = 14.0;
    if !customer.name.is_empty() {
        for line in wrap(fonts, CUSTOMER_NAME, &customer.name, column_width) {
            block.text(fonts, LEFT, y, Align::Left, CUSTOMER_NAME, &line);
            y += CUSTOMER_NAME.leading();
        }
    }
    let lines = customer
        .address
        .lines()
        .map(str::to_owned)
        .chain([customer.email.clone(), customer.phone.clone()])
        .filter(|line| !line.trim().is_empty());
    for line in lines {
        for part in wrap(fonts, VALUE, line.trim(), column_width) {
            block.text(fonts, LEFT, y, Align::Left, VALUE, &part);
            y += VALUE.leading();
        }
    }
    let label_x = LEFT + CONTENT_WIDTH * 0.52;
    let value_x = label_x + 68.0;
    let value_width = RIGHT - value_x;
    let valid = format!(
        "{} ({} days)",
        format::date(document.valid_until),
        document.valid_days
    );
    let mut rows: Vec<(&str, String, Style)> = vec![
        ("Quote number", document.reference.clone(), VALUE_BOLD),
        ("Date", format::date(document.issue_date), VALUE),
        ("Valid until", valid, VALUE),
    ];
    for (index, list) in document.price_lists.iter().enumerate() {
        let mut text = format!("{} {}", list.name, list.version);
        if let Some(date) = list.date {
            text.push_str(&format!(" of {}", format::date(date)));
        }
        let label = if index == 0 { "Price list" } else { "" };
        rows.push((label, text, VALUE));
    }
    let mut right_y = 0.0;
    for (label, value, style) in rows {
        block.text(fonts, label_x, right_y, Align::Left, LABEL, label);
        for line in wrap(fonts, style, &value, value_width) {
            block.text(fonts, value_x, right_y, Align::Left, style, &line);
            right_y += style.leading() + 1.0;
        }
    }
    block.height = y.max(right_y);
    block
}

/// The small head on every page after the first.
pub(super) fn running_head(fonts: &Fonts, document: &QuoteDocument) -> Block {
    let mut block = Block::default();
    block.text(
        fonts,
        LEFT,
        8.0,
        Align::Left,
        FOOTER,
        &fit(fonts, FOOTER, &document.dealer.name, CONTENT_WIDTH / 2.0),
    );
    let mut right = format!("Quote {}", document.reference);
    if !document.customer.name.is_empty() {
        right.push_str(&format!(" · {}", document.customer.name));
    }
    block.text(
        fonts,
        RIGHT,
        8.0,
        Align::Right,
        FOOTER,
        &fit(fonts, FOOTER, &right, CONTENT_WIDTH / 2.0 - 10.0),
    );
    block.line((LEFT, 13.0), (RIGHT, 13.0), Pen::solid(theme::RULE, 0.5));
    block.height = 26.0;
    block
}

/// Adds the footer (dealer, VAT id, "Page i of n") to every page.
pub(super) fn add_footers(fonts: &Fonts, document: &QuoteDocument, pages: &mut [Page]) {
    let count = pages.len();
    let rule_y = CONTENT_BOTTOM + 14.0;
    let text_y = rule_y + 12.0;
    let mut left = document.dealer.name.clone();
    if !document.dealer.vat_id.is_empty() {
        left.push_str(&format!(" · VAT ID {}", document.dealer.vat_id));
    }
    let left = fit(fonts, FOOTER, &left, CONTENT_WIDTH * 0.4);
    let centre = fit(
        fonts,
        FOOTER,
        &format!("Quote {}", document.reference),
        CONTENT_WIDTH * 0.25,
    );
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
            LEFT + CONTENT_WIDTH / 2.0,
            text_y,
            Align::Centre,
            FOOTER,
            &centre,
        );
        footer.text(
            fonts,
            RIGHT,
            text_y,
            Align::Right,
            FOOTER,
            &format!("Page {} of {count}", index + 1),
        );
        debug_assert!(text_y < PAGE_HEIGHT);
        page.ops.extend(footer.ops);
    }
}
