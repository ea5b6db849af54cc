//! The quote as a PDF a dealer can send: letterhead, customer and quote details, a notice of
//! planning issues, the picture of the design, the floor plan in vectors, the lines, totals and
//! terms, and the bill of materials; page numbers on every page. The production sheet for the
//! factory (`production`) is built from the same pieces. Pure Rust (krilla), fonts
//! embedded in the binary, and the same input always gives the same bytes.
//!
//! Laying out and writing are separate: [`layout_pages`] turns the document into pages of
//! drawing operations (what the unit tests inspect), `render` writes them with krilla.

mod bom;
mod format;
mod header;
mod lines_table;
mod notice;
mod page;
mod plan;
mod production;
mod render;
mod text;
mod totals;

#[cfg(test)]
mod tests;

pub use production::{SheetImages, production_pdf};

use crate::domain::pricing::quote_document::QuoteDocument;
use crate::storage::fonts::{FontKind, Fonts};
use crate::storage::png_image::PngImage;
use page::{Align, Block, CONTENT_WIDTH, Flow, ImageSlot, LEFT, Op, Page, Style, theme};
use thiserror::Error;

/// Why a PDF could not be written.
#[derive(Debug, Error)]
pub enum PdfError {
    /// The embedded fonts could not be read (a damaged build).
    #[error("the embedded fonts cannot be read")]
    Font,
    /// The page size was refused.
    #[error("the page size is invalid")]
    Page,
    /// A picture could not be embedded.
    #[error("a picture cannot be embedded: {0}")]
    Picture(String),
    /// krilla refused to write the document.
    #[error("the PDF cannot be written: {0}")]
    Write(String),
}

/// Pictures to put on the quote.
#[derive(Debug, Clone, Copy, Default)]
pub struct QuotePictures<'a> {
    /// The dealer's logo, in the letterhead.
    pub logo: Option<&'a PngImage>,
    /// A picture of the design (a 3D render), on the first page.
    pub design: Option<&'a PngImage>,
    /// Thumbnails of customers' printed images by their layout path (`images/…`), shown on
    /// the quote lines that print them (see [`line_thumbnails`](crate::storage::personal_image::line_thumbnails)).
    pub thumbnails: &'a [(String, PngImage)],
}

const HEADING: Style = Style::new(FontKind::Bold, 11.0, theme::ACCENT);
const HEADING_NOTE: Style = Style::new(FontKind::Regular, 7.5, theme::MUTED);

/// Tallest the design picture is drawn.
const DESIGN_MAX_HEIGHT: f32 = 300.0;
/// Least height worth giving the plan on the first page.
const PLAN_MIN_HEIGHT: f32 = 330.0;
/// Most height the plan takes.
const PLAN_MAX_HEIGHT: f32 = 640.0;

/// A section heading with an optional note at the right.
fn heading(fonts: &Fonts, title: &str, note: &str) -> Block {
    let mut block = Block::default();
    block.text(fonts, LEFT, 12.0, Align::Left, HEADING, title);
    block.text(
        fonts,
        LEFT + CONTENT_WIDTH,
        12.0,
        Align::Right,
        HEADING_NOTE,
        note,
    );
    block.height = 20.0;
    block
}

fn place_design(flow: &mut Flow<'_>, design: &PngImage) {
    let fonts = flow.fonts;
    let mut width = CONTENT_WIDTH;
    let mut height = width / design.aspect_ratio();
    if height > DESIGN_MAX_HEIGHT {
        height = DESIGN_MAX_HEIGHT;
        width = height * design.aspect_ratio();
    }
    let title = heading(fonts, "Your design", "");
    let mut block = Block::default();
    block.ops.push(Op::Image {
        slot: ImageSlot::Design,
        x: LEFT + (CONTENT_WIDTH - width) / 2.0,
        y: 0.0,
        width,
        height,
    });
    block.height = height + 16.0;
    flow.ensure(title.height + block.height);
    flow.place(title);
    flow.place(block);
}

/// Places the plan in what is left of the current page, or on a page of its own; returns false
/// (placing nothing) when the current page has too little room left. An empty plan is left out.
fn place_plan(flow: &mut Flow<'_>, document: &QuoteDocument, own_page: bool) -> bool {
    let fonts = flow.fonts;
    if document.plan.bounds().is_none() {
        return true;
    }
    let title = heading(fonts, "Floor plan", "");
    if own_page {
        flow.new_page();
    } else if flow.remaining() - title.height < PLAN_MIN_HEIGHT {
        return false;
    }
    let room = (flow.remaining() - title.height - 10.0).min(PLAN_MAX_HEIGHT);
    if let Some(block) = plan::plan_block(fonts, &document.plan, room) {
        flow.place(title);
        flow.place(block);
        flow.space(12.0);
    }
    true
}

/// The document laid out as pages of drawing operations.
fn layout_pages(fonts: &Fonts, document: &QuoteDocument, pictures: QuotePictures<'_>) -> Vec<Page> {
    let mut flow = Flow::new(fonts, header::running_head(fonts, document));
    flow.place(header::letterhead(fonts, document, pictures.logo));
    notice::place_notice(&mut flow, &document.violation_messages());
    if let Some(design) = pictures.design {
        place_design(&mut flow, design);
    }
    // The plan goes on page one when it fits there, else on a page of its own after the terms.
    let plan_placed = place_plan(&mut flow, document, false);
    let currency = &document.quote.currency;
    let title = heading(
        fonts,
        "Items",
        &format!(
            "Amounts in {} ({}), before VAT",
            currency.code,
            format::currency_symbol(currency)
        ),
    );
    flow.ensure(title.height + 60.0);
    flow.place(title);
    let totals_height = totals::totals_block(fonts, document).height + 4.0;
    lines_table::place_lines(
        &mut flow,
        &document.quote,
        pictures.thumbnails,
        totals_height,
    );
    flow.space(4.0);
    totals::place_totals_and_terms(&mut flow, document);
    if !plan_placed {
        place_plan(&mut flow, document, true);
    }
    bom::place_bom(&mut flow, &document.quote);
    let mut pages = flow.pages;
    header::add_footers(fonts, document, &mut pages);
    pages
}

/// Writes the quote document as PDF bytes.
///
/// # Errors
/// Damaged embedded fonts, or a picture krilla cannot embed.
pub fn quote_pdf(
    document: &QuoteDocument,
    pictures: QuotePictures<'_>,
) -> Result<Vec<u8>, PdfError> {
    let fonts = Fonts::new().ok_or(PdfError::Font)?;
    let pages = layout_pages(&fonts, document, pictures);
    render::render(
        &pages,
        &fonts,
        &render::Pictures {
            logo: pictures.logo,
            design: pictures.design,
            attached: &[],
            thumbnails: pictures.thumbnails,
        },
        &render::Info {
            title: format!("Quote {}", document.reference),
            author: &document.dealer.name,
            date: document.issue_date,
        },
    )
}
