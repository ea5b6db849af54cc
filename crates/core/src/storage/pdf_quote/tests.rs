//! Tests of the page layout (on the drawing operations) and of the written PDF.

use super::lines_table::{column_edges, columns};
use super::page::{CONTENT_BOTTOM, ImageSlot, LEFT, Op, PAGE_WIDTH, Page, RIGHT};
use super::*;
use crate::domain::constraints::test_support::{catalogs, placed, room};
use crate::domain::layout::Layout;
use crate::domain::pricing::dealer::Dealer;
use crate::domain::pricing::quote_document::{QuoteDocument, quote_document};
use crate::domain::values::date::IsoDate;
use crate::storage::fonts::{FontKind, Fonts};
use crate::storage::png_image::tests::tiny_png;
use rust_decimal::Decimal;

fn dealer() -> Dealer {
    Dealer {
        name: "Möbelhaus Żółć & Söhne".into(),
        address: "Hauptstraße 1\n12345 Düsseldorf".into(),
        phone: "+49 211 000".into(),
        terms: vec!["Prices in €.".into()],
        ..Dealer::default()
    }
}

/// The test room with `count` cabinets, each on its own line (distinct discounts).
fn layout_with_lines(count: usize) -> Layout {
    let mut layout = room();
    for index in 0..count {
        let mut product = placed(
            &format!("c{index}"),
            "cabinet",
            (
                600 + (index as i64 % 4) * 1100,
                700 + (index as i64 / 4 % 3) * 1100,
            ),
            0.0,
        );
        product.discount_percent = Decimal::new(index as i64, 2);
        layout.products.push(product);
    }
    layout.customer.name = "Zoë Ångström".into();
    layout
}

fn document(layout: &Layout) -> QuoteDocument {
    let date = IsoDate::parse("2026-11-22").unwrap();
    quote_document(layout, &catalogs(), &dealer(), "Q-2026-0007", date).unwrap()
}

fn pages(document: &QuoteDocument, pictures: QuotePictures<'_>) -> Vec<Page> {
    layout_pages(&Fonts::new().unwrap(), document, pictures)
}

/// Every text on a page with its left x, baseline y and right x.
fn texts(page: &Page) -> Vec<(&str, f32, f32, f32)> {
    let fonts = Fonts::new().unwrap();
    page.ops
        .iter()
        .filter_map(|op| match op {
            Op::Text {
                x,
                y,
                text,
                font,
                size,
                angle_deg,
                ..
            } if *angle_deg == 0.0 => {
                Some((text.as_str(), *x, *y, x + fonts.width(*font, *size, text)))
            }
            _ => None,
        })
        .collect()
}

#[test]
fn every_page_is_numbered_and_text_stays_inside_the_margins() {
    let document = document(&layout_with_lines(120));
    let pages = pages(&document, QuotePictures::default());
    assert!(pages.len() >= 4, "{} pages", pages.len());
    for (index, page) in pages.iter().enumerate() {
        let texts = texts(page);
        let label = format!("Page {} of {}", index + 1, pages.len());
        assert!(texts.iter().any(|(text, ..)| *text == label), "{label}");
        for (text, left, baseline, right) in texts {
            assert!(
                left >= LEFT - 6.0 && right <= RIGHT + 0.5,
                "`{text}` at {left}..{right}"
            );
            assert!(right <= PAGE_WIDTH);
            let footer = text.starts_with("Page ")
                || text.starts_with("Quote Q-")
                || text.starts_with("Möbelhaus");
            assert!(
                baseline <= CONTENT_BOTTOM || footer,
                "`{text}` below the content at {baseline}"
            );
        }
    }
}

#[test]
fn page_breaks_never_split_a_line_and_heads_repeat() {
    let document = document(&layout_with_lines(120));
    let pages = pages(&document, QuotePictures::default());
    let columns = columns();
    let edges = column_edges(&columns);
    let fonts = Fonts::new().unwrap();
    let mut positions = Vec::new();
    for page in &pages {
        let texts = texts(page);
        let position_ys: Vec<(usize, f32)> = texts
            .iter()
            .filter(|(_, _, _, right)| (right - edges[0].1).abs() < 0.01)
            .filter_map(|(text, _, y, _)| text.parse::<usize>().ok().map(|p| (p, *y)))
            .collect();
        if !position_ys.is_empty() {
            assert!(
                texts.iter().any(|(text, ..)| *text == "Unit price"),
                "heads on every table page"
            );
        }
        for (position, y) in position_ys {
            // The line's net amount sits on the same page, on the same baseline.
            let line = &document.quote.lines[position - 1];
            let net = format::amount(line.amount, 2);
            let width = fonts.width(FontKind::Regular, 8.0, &net);
            assert!(
                texts.iter().any(|(text, x, ty, _)| *text == net
                    && (ty - y).abs() < 0.01
                    && (x + width - edges[6].1).abs() < 0.01),
                "line {position} is split or its amount is not right-aligned"
            );
            positions.push(position);
        }
    }
    assert_eq!(positions, (1..=120).collect::<Vec<_>>());
    let totals_page = pages
        .iter()
        .find(|page| {
            texts(page)
                .iter()
                .any(|(text, ..)| *text == "Total incl. VAT")
        })
        .expect("totals");
    assert!(
        texts(totals_page).iter().any(|(text, ..)| *text == "120"),
        "the last line stays with the totals"
    );
}

#[test]
fn the_notice_appears_only_with_violations() {
    let fine = document(&layout_with_lines(2));
    assert!(fine.violations.is_empty());
    let notice = |document: &QuoteDocument| {
        pages(document, QuotePictures::default())
            .iter()
            .flat_map(|page| {
                texts(page)
                    .into_iter()
                    .map(|(text, ..)| text.to_owned())
                    .collect::<Vec<_>>()
            })
            .any(|text| text.starts_with("Please note: this design has"))
    };
    assert!(!notice(&fine));
    let mut crowded = layout_with_lines(2);
    crowded
        .products
        .push(placed("clash", "cabinet", (600, 700), 0.0));
    crowded
        .products
        .push(placed("outside", "lamp", (9000, 9000), 0.0));
    let broken = document(&crowded);
    assert!(broken.violations.len() >= 2);
    assert!(notice(&broken));
}

#[test]
fn the_design_picture_is_drawn_only_when_given() {
    let document = document(&layout_with_lines(3));
    let has_design = |pages: &[Page]| {
        pages.iter().flat_map(|page| &page.ops).any(|op| {
            matches!(
                op,
                Op::Image {
                    slot: ImageSlot::Design,
                    ..
                }
            )
        })
    };
    assert!(!has_design(&pages(&document, QuotePictures::default())));
    let picture = PngImage::from_bytes(tiny_png(40, 30)).unwrap();
    let with = pages(
        &document,
        QuotePictures {
            logo: Some(&picture),
            design: Some(&picture),
            thumbnails: &[],
        },
    );
    assert!(has_design(&with));
}

#[test]
fn the_same_quote_gives_the_same_bytes() {
    let document = document(&layout_with_lines(5));
    let logo = PngImage::from_bytes(tiny_png(20, 10)).unwrap();
    let pictures = QuotePictures {
        logo: Some(&logo),
        design: None,
        thumbnails: &[],
    };
    let first = quote_pdf(&document, pictures).unwrap();
    let second = quote_pdf(&document, pictures).unwrap();
    assert!(first.starts_with(b"%PDF-"));
    assert_eq!(first, second);
}

#[test]
fn an_empty_layout_still_makes_a_quote_without_a_plan() {
    let mut empty = room();
    empty.walls.clear();
    let document = document(&empty);
    assert!(document.plan.bounds().is_none());
    let pages = pages(&document, QuotePictures::default());
    assert_eq!(pages.len(), 1);
    let texts: Vec<String> = texts(&pages[0])
        .into_iter()
        .map(|(text, ..)| text.to_owned())
        .collect();
    assert!(!texts.iter().any(|text| text == "Floor plan"));
    assert!(texts.iter().any(|text| text == "Total incl. VAT"));
    assert!(quote_pdf(&document, QuotePictures::default()).is_ok());
}
