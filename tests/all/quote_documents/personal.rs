//! Personalizations on the quote, read back: the engraved text verbatim (accents and `&`) in the
//! PDF, XLSX and CSV, the photo print named on its line with its thumbnail embedded in the PDF.

use super::{Scratch, flat, write_quote};
use crate::support::room_planner;
use calamine::{Data, Reader, Xlsx};
use std::io::Cursor;

const LAYOUT: &str = "saves/personalized.ron";
const ENGRAVING: &str = "Engraving: “Jörg & Zoë 2026” (Sans Bold, brass, on the top)";

#[test]
fn the_engraving_prints_verbatim_in_pdf_xlsx_and_csv() {
    let scratch = Scratch::new("personal");
    let pdf = write_quote(&scratch, LAYOUT, "pdf", "q.pdf", &[]);
    let pages = pdf_extract::extract_text_from_mem_by_pages(&pdf).expect("text extracts");
    let text = flat(&pages.join("\n"));
    // The description wraps inside the engraving's line, and text extraction drops the space at
    // a line break: compare without white space there.
    let dense = |text: &str| text.split_whitespace().collect::<String>();
    assert!(
        dense(&text).contains(&dense(ENGRAVING)),
        "engraving missing in {text}"
    );
    assert!(dense(&text).contains(&dense(
        "Headboard print: image sample-photo.png (on the headboard)"
    )));
    assert!(text.contains("EIK-WN-NPE") && text.contains("LUM-16-P"));
    assert!(text.contains("2,377.50"), "the engraved table's price");

    let xlsx = write_quote(&scratch, LAYOUT, "xlsx", "q.xlsx", &[]);
    let mut workbook: Xlsx<_> = Xlsx::new(Cursor::new(xlsx)).expect("an xlsx");
    let lines = workbook.worksheet_range("Lines").expect("Lines");
    let described = lines
        .rows()
        .filter_map(|row| match row.get(3) {
            Some(Data::String(text)) => Some(text.clone()),
            _ => None,
        })
        .find(|text| text.starts_with("Eika dining table"))
        .expect("the table's line");
    assert!(described.contains(ENGRAVING), "{described}");

    let run = room_planner(&["quote", LAYOUT, "--format", "csv"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut reader = csv::Reader::from_reader(run.stdout.as_bytes());
    let found = reader
        .records()
        .map(|record| record.expect("record"))
        .any(|record| record.iter().any(|field| field.contains(ENGRAVING)));
    assert!(found, "engraving missing in the CSV");
}

#[test]
fn the_photo_thumbnail_is_embedded_in_the_pdf() {
    let scratch = Scratch::new("thumbnail");
    let with_photo = write_quote(&scratch, LAYOUT, "pdf", "with.pdf", &[]);
    // The same layout without the photo file: the line names the image but has no thumbnail.
    let copy = scratch.path("personalized.ron");
    std::fs::copy(crate::support::root().join(LAYOUT), &copy).expect("copy layout");
    let without_photo = write_quote(&scratch, &copy, "pdf", "without.pdf", &[]);
    assert!(
        with_photo.len() > without_photo.len() + 2_000,
        "the thumbnail adds a picture: {} vs {} bytes",
        with_photo.len(),
        without_photo.len()
    );
}
