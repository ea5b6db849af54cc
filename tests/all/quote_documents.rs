//! PDF and XLSX quotes written by the command line, read back: the PDF's text (through its
//! ToUnicode maps, with pdf-extract) and the workbook's cells and formulas (with calamine).

use crate::support::{room_planner, root};
use calamine::{Data, Reader, Xlsx};
use room_planner::domain::pricing::quote::{Quote, quote_for_layout};
use room_planner::storage::dealer_settings::{load_dealer, parse_dealer};
use room_planner::storage::layout_file::load_layout;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use std::io::Cursor;
use std::path::{Path, PathBuf};

/// A scratch folder with a copy of the shipped settings, so tests never move the shipped counter.
mod notice;
mod personal;

struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Self {
        let folder = std::env::temp_dir().join(format!("rp-quote-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&folder);
        std::fs::create_dir_all(folder.join("settings")).expect("scratch folder");
        for file in ["dealer.ron", "logo.png"] {
            std::fs::copy(
                root().join("settings").join(file),
                folder.join("settings").join(file),
            )
            .expect("copy settings");
        }
        Self(folder)
    }

    fn path(&self, name: &str) -> String {
        self.0.join(name).to_str().expect("utf-8 path").to_owned()
    }

    fn settings(&self) -> String {
        self.path("settings")
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn quote_of(layout: &str) -> Quote {
    let (layout, _) = load_layout(&root().join(layout)).expect("shipped layout");
    quote_for_layout(&layout, &crate::support::shipped_catalogs()).expect("priced")
}

/// Text with every run of whitespace made one space, so wrapped lines compare as one.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn amount(value: Decimal) -> String {
    let text = format!("{:.2}", value.abs());
    let (whole, cents) = text.split_once('.').expect("two decimals");
    let mut grouped = String::new();
    for (index, digit) in whole.chars().enumerate() {
        if index > 0 && (whole.len() - index) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    format!("{grouped}.{cents}")
}

fn write_quote(
    scratch: &Scratch,
    layout: &str,
    format: &str,
    file: &str,
    extra: &[&str],
) -> Vec<u8> {
    let output = scratch.path(file);
    let settings = scratch.settings();
    let mut arguments = vec![
        "quote",
        layout,
        "--format",
        format,
        "-o",
        &output,
        "--settings",
        &settings,
    ];
    arguments.extend_from_slice(extra);
    let run = room_planner(&arguments);
    assert_eq!(run.code, 0, "{}", run.stderr);
    std::fs::read(&output).expect("written")
}

#[test]
fn the_pdf_quote_of_the_showroom_reads_back_with_every_line_part_and_total() {
    let scratch = Scratch::new("pdf");
    let bytes = write_quote(&scratch, "saves/showroom.ron", "pdf", "showroom.pdf", &[]);
    assert!(bytes.starts_with(b"%PDF-"));
    let pages = pdf_extract::extract_text_from_mem_by_pages(&bytes).expect("text extracts");
    let text = flat(&pages.join("\n"));
    for expected in [
        "Nordhaus Living Studio München",
        "Leopoldstraße 120",
        "Katharina und Jonas Weber",
        "Lindenstraße 14",
        "Q-2026-0142",
        "22 November 2026",
        "22 December 2026",
        "Nordhaus Living 2026.1 of 15 January 2026",
        "Floor plan",
        "Scale 1:",
        "Bill of materials",
        "Quote discount 3%",
        "Total incl. VAT",
    ] {
        assert!(text.contains(expected), "`{expected}` missing");
    }
    assert!(
        !text.contains("Please note"),
        "the showroom has no violations"
    );
    let quote = quote_of("saves/showroom.ron");
    for line in &quote.lines {
        assert!(text.contains(&line.sku), "SKU {} missing", line.sku);
        assert!(text.contains(&line.name), "{} missing", line.name);
        assert!(
            text.contains(&amount(line.amount)),
            "amount of {} missing",
            line.name
        );
    }
    for part in &quote.bom {
        assert!(text.contains(&part.part), "part {} missing", part.part);
    }
    let totals = &quote.totals;
    let vat_by_rate = totals.vat_groups.iter().map(|group| group.vat);
    for value in [
        totals.amount,
        totals.quote_discount,
        totals.net,
        totals.gross,
    ]
    .into_iter()
    .chain(vat_by_rate)
    {
        assert!(
            text.contains(&format!("€ {}", amount(value)))
                || text.contains(&format!("€ −{}", amount(value))),
            "{value} missing"
        );
    }
    let sum: Decimal = quote.lines.iter().map(|line| line.amount).sum();
    assert_eq!(
        sum, totals.amount,
        "the lines add up to the total to the cent"
    );
    let count = pages.len();
    assert!(count >= 3);
    for page in 1..=count {
        assert!(text.contains(&format!("Page {page} of {count}")));
    }
    assert!(pages.last().expect("pages").contains("Bill of materials"));
}

#[test]
fn pdf_and_xlsx_are_byte_for_byte_reproducible_with_a_fixed_date() {
    let scratch = Scratch::new("same");
    for format in ["pdf", "xlsx"] {
        let first = write_quote(
            &scratch,
            "saves/kitchen.ron",
            format,
            "a",
            &["--date", "2026-12-01"],
        );
        let second = write_quote(
            &scratch,
            "saves/kitchen.ron",
            format,
            "b",
            &["--date", "2026-12-01"],
        );
        assert_eq!(first, second, "{format}");
        let later = write_quote(
            &scratch,
            "saves/kitchen.ron",
            format,
            "c",
            &["--date", "2026-12-02"],
        );
        assert_ne!(first, later, "{format}: the date is printed");
    }
}

fn number(cell: Option<&Data>) -> f64 {
    match cell {
        Some(Data::Float(value)) => *value,
        Some(Data::Int(value)) => *value as f64,
        other => panic!("expected a number, found {other:?}"),
    }
}

fn cents(value: f64) -> i64 {
    (value * 100.0).round() as i64
}

fn decimal_cents(value: Decimal) -> i64 {
    (value * Decimal::ONE_HUNDRED)
        .round()
        .to_i64()
        .expect("fits")
}

#[test]
fn the_xlsx_quote_has_numbers_money_formulas_and_every_part() {
    let scratch = Scratch::new("xlsx");
    let bytes = write_quote(&scratch, "saves/showroom.ron", "xlsx", "q.xlsx", &[]);
    let mut workbook: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).expect("an xlsx");
    assert_eq!(workbook.sheet_names(), ["Lines", "BOM", "Quote"]);
    let quote = quote_of("saves/showroom.ron");
    let lines = workbook.worksheet_range("Lines").expect("Lines");
    let formulas = workbook.worksheet_formula("Lines").expect("formulas");
    assert_eq!(
        lines.get_value((0, 7)),
        Some(&Data::String("Amount (EUR)".into()))
    );
    let count = quote.lines.len() as u32;
    for (row, line) in (1..).zip(&quote.lines) {
        assert_eq!(
            lines.get_value((row, 1)),
            Some(&Data::String(line.sku.clone()))
        );
        assert_eq!(number(lines.get_value((row, 4))), f64::from(line.quantity));
        assert_eq!(
            cents(number(lines.get_value((row, 7)))),
            decimal_cents(line.amount)
        );
    }
    let total_row = count + 1;
    assert_eq!(
        lines.get_value((total_row, 3)),
        Some(&Data::String("Total".into()))
    );
    for (column, total) in [
        (7, quote.totals.amount),
        (8, quote.totals.quote_discount),
        (9, quote.totals.net),
        (11, quote.totals.vat),
        (12, quote.totals.gross),
    ] {
        let letter = char::from(b'A' + column as u8);
        assert_eq!(
            formulas.get_value((total_row, column)).map(String::as_str),
            Some(format!("SUM({letter}2:{letter}{total_row})").as_str())
        );
        let cached = number(lines.get_value((total_row, column)));
        let sum: f64 = (1..=count)
            .map(|row| number(lines.get_value((row, column))))
            .sum();
        assert_eq!(cents(cached), cents(sum), "column {letter}");
        assert_eq!(cents(cached), decimal_cents(total), "column {letter}");
    }
    // One SUMIF row per VAT rate (the showroom has 19 % and 7 %), adding up to the total VAT.
    assert!(quote.totals.vat_groups.len() >= 2);
    let mut vat_sum = 0;
    for (index, group) in quote.totals.vat_groups.iter().enumerate() {
        let vat_row = total_row + 2 + index as u32;
        assert!(
            formulas
                .get_value((vat_row, 11))
                .is_some_and(|formula| formula.starts_with("SUMIF(K2:K"))
        );
        let cached = cents(number(lines.get_value((vat_row, 11))));
        assert_eq!(cached, decimal_cents(group.vat));
        vat_sum += cached;
    }
    assert_eq!(vat_sum, decimal_cents(quote.totals.vat));
    let bom = workbook.worksheet_range("BOM").expect("BOM");
    for (row, part) in (1..).zip(&quote.bom) {
        assert_eq!(
            bom.get_value((row, 0)),
            Some(&Data::String(part.part.clone()))
        );
        assert_eq!(number(bom.get_value((row, 2))) as u64, part.quantity);
    }
    let parts: u64 = quote.bom.iter().map(|part| part.quantity).sum();
    assert_eq!(
        number(bom.get_value((quote.bom.len() as u32 + 1, 2))) as u64,
        parts
    );
    let details = workbook.worksheet_range("Quote").expect("Quote");
    assert_eq!(
        details.get_value((0, 1)),
        Some(&Data::String("Q-2026-0142".into()))
    );
}

fn without_reference(scratch: &Scratch) -> String {
    let text = std::fs::read_to_string(root().join("saves/kitchen.ron")).expect("kitchen");
    let text = text.replace("reference: \"Q-2026-0143\",", "");
    let path = scratch.path("unnumbered.ron");
    std::fs::write(&path, text).expect("copy");
    path
}

#[test]
fn quote_numbers_come_from_the_counter_and_are_never_reused() {
    let scratch = Scratch::new("counter");
    let layout = without_reference(&scratch);
    // The shipped layouts use numbers 142 and 143: quoting one reserves its number.
    write_quote(&scratch, "saves/kitchen.ron", "xlsx", "k.xlsx", &[]);
    let counter = Path::new(&scratch.settings()).join("quote-counter.ron");
    assert!(
        std::fs::read_to_string(&counter)
            .expect("counter")
            .contains("last_number: 143")
    );
    let mut references = Vec::new();
    for file in ["1.xlsx", "2.xlsx"] {
        let settings = scratch.settings();
        let output = scratch.path(file);
        let run = room_planner(&[
            "quote",
            &layout,
            "--format",
            "xlsx",
            "-o",
            &output,
            "--settings",
            &settings,
        ]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert!(
            run.stderr.contains("note: issued quote number"),
            "{}",
            run.stderr
        );
        let mut workbook: Xlsx<_> =
            Xlsx::new(Cursor::new(std::fs::read(&output).expect("xlsx"))).expect("xlsx");
        let details = workbook.worksheet_range("Quote").expect("Quote");
        references.push(details.get_value((0, 1)).cloned());
    }
    assert_eq!(
        references,
        [
            Some(Data::String("Q-2026-0144".into())),
            Some(Data::String("Q-2026-0145".into()))
        ]
    );
}

#[test]
fn bad_quote_arguments_and_settings_are_bad_input() {
    let scratch = Scratch::new("bad");
    let run = room_planner(&["quote", "saves/showroom.ron", "--format", "pdf"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("need an output file"), "{}", run.stderr);
    let run = room_planner(&[
        "quote",
        "saves/showroom.ron",
        "--format",
        "pdf",
        "-o",
        &scratch.path("x.pdf"),
        "--date",
        "2026-02-30",
    ]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    let settings = scratch.settings();
    let dealer = Path::new(&settings).join("dealer.ron");
    std::fs::write(
        &dealer,
        "Dealer(\n    name: \"X\",\n    logo: \"nope.png\",\n)\n",
    )
    .expect("write");
    let run = room_planner(&[
        "quote",
        "saves/showroom.ron",
        "--format",
        "pdf",
        "-o",
        &scratch.path("x.pdf"),
        "--settings",
        &settings,
    ]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("dealer.ron:3:5: logo `nope.png`: cannot read"),
        "{}",
        run.stderr
    );
    std::fs::write(&dealer, "Dealer(\n    name: \"X\",\n    colour: 3,\n)\n").expect("write");
    let run = room_planner(&[
        "quote",
        "saves/showroom.ron",
        "--format",
        "xlsx",
        "-o",
        &scratch.path("x.xlsx"),
        "--settings",
        &settings,
    ]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("dealer.ron:3:5: "), "{}", run.stderr);
    std::fs::write(&dealer, "Dealer(name: \"X\")\n").expect("write");
    let not_png = scratch.path("render.png");
    std::fs::write(&not_png, "not a picture").expect("write");
    let run = room_planner(&[
        "quote",
        "saves/showroom.ron",
        "--format",
        "pdf",
        "-o",
        &scratch.path("x.pdf"),
        "--settings",
        &settings,
        "--image",
        &not_png,
    ]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("render.png:1:1: not a PNG picture"),
        "{}",
        run.stderr
    );
    assert!(
        !Path::new(&scratch.path("x.pdf")).exists(),
        "nothing is written on bad input"
    );
}

#[test]
fn a_design_picture_goes_on_the_pdf() {
    let scratch = Scratch::new("image");
    let logo = root().join("settings/logo.png");
    let logo = logo.to_str().expect("utf-8");
    let with = write_quote(
        &scratch,
        "saves/kitchen.ron",
        "pdf",
        "with.pdf",
        &["--image", logo, "--date", "2026-12-01"],
    );
    let without = write_quote(
        &scratch,
        "saves/kitchen.ron",
        "pdf",
        "without.pdf",
        &["--date", "2026-12-01"],
    );
    let text = flat(&pdf_extract::extract_text_from_mem(&with).expect("text"));
    assert!(text.contains("Your design"));
    let text = flat(&pdf_extract::extract_text_from_mem(&without).expect("text"));
    assert!(!text.contains("Your design"));
}

#[test]
fn the_shipped_dealer_and_the_readme_example_load() {
    let settings = load_dealer(&root().join("settings")).unwrap_or_else(|error| panic!("{error}"));
    assert!(settings.logo.is_some());
    assert!(!settings.dealer.terms.is_empty());
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README");
    let start = readme.find("```ron\nDealer(").expect("a dealer example") + "```ron\n".len();
    let end = start + readme[start..].find("```").expect("closed");
    let example = parse_dealer(
        Path::new("README.md"),
        &readme[start..end],
        &root().join("settings"),
    )
    .unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(example.dealer.numbering.prefix, "Q-{year}-");
}
