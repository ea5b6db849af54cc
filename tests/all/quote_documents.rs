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
fn the_production_sheet_reads_back_with_every_option_part_and_no_price() {
    let scratch = Scratch::new("production");
    let bytes = write_quote(
        &scratch,
        "saves/showroom.ron",
        "production",
        "showroom-production.pdf",
        &["--date", "2026-12-01"],
    );
    assert!(bytes.starts_with(b"%PDF-"));
    let pages = pdf_extract::extract_text_from_mem_by_pages(&bytes).expect("text extracts");
    let text = flat(&pages.join("\n"));
    for expected in [
        "Production sheet",
        "For the factory: configuration and parts, no prices",
        "Q-2026-0142",
        "1 December 2026",
        "Katharina und Jonas Weber",
        "6 × Vik dining chair",
        "W 2800 × D 1600 × H 820 mm",
        "CONFIGURATION",
        "PARTS FOR THIS LINE",
        "Bill of materials of the order",
    ] {
        assert!(text.contains(expected), "`{expected}` missing");
    }
    let (layout, _) = load_layout(&root().join("saves/showroom.ron")).expect("shipped layout");
    let catalogs = crate::support::shipped_catalogs();
    let date = room_planner::domain::values::date::IsoDate::parse("2026-12-01").expect("date");
    let sheet =
        room_planner::domain::pricing::production::production_sheet(&layout, &catalogs, date)
            .expect("a sheet");
    for line in &sheet.lines {
        assert!(text.contains(&line.sku), "SKU {} missing", line.sku);
        for option in &line.configuration {
            assert!(
                text.contains(&flat(&option.value)),
                "{}: {} missing",
                line.sku,
                option.value
            );
        }
        for part in &line.bom {
            assert!(text.contains(&part.part), "part {} missing", part.part);
        }
    }
    let quote = quote_of("saves/showroom.ron");
    assert!(
        !text.contains(&amount(quote.totals.gross)) && !text.contains('€'),
        "a price is on the production sheet"
    );
    // A production sheet issues and reserves no quote number: the counter is not touched.
    let counter = std::path::Path::new(&scratch.settings()).join("quote-counter.ron");
    assert!(!counter.exists(), "the quote counter was written");
}

#[test]
fn the_production_sheet_prints_engraved_text_verbatim_and_embeds_the_customer_photo() {
    let scratch = Scratch::new("production-personal");
    std::fs::create_dir_all(scratch.0.join("images")).expect("images folder");
    image::RgbImage::from_fn(2000, 800, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 90])
    })
    .save(scratch.0.join("images/headboard.png"))
    .expect("a photo");
    let showroom = std::fs::read_to_string(root().join("saves/showroom.ron")).expect("shipped");
    let added = r#"        PlacedProduct(
            id: "p-eika",
            product: "dining-table-eika",
            options: {"plate": "engraved"},
            position: (3000, 5300),
            rotation: 0.0,
            personal: {"inscription": Text(text: "Anna & Ben\nWeber 2026", font: SansBold, colour: "brass")},
        ),
        PlacedProduct(
            id: "p-lume",
            product: "bed-lume-print",
            options: {},
            position: (8300, 5805),
            rotation: 180.0,
            personal: {"photo": Image(file: "images/headboard.png")},
        ),
"#;
    let at = showroom
        .find("    ],\n    customer:")
        .expect("the products end");
    let layout = format!("{}{added}{}", &showroom[..at], &showroom[at..]);
    std::fs::write(scratch.0.join("personal.ron"), layout).expect("layout");
    let layout_path = scratch.path("personal.ron");
    let bytes = write_quote(
        &scratch,
        &layout_path,
        "production",
        "personal.pdf",
        &[
            "--date",
            "2026-12-01",
            "--catalogs",
            root().join("catalogs").to_str().expect("utf-8"),
        ],
    );
    let text = flat(&pdf_extract::extract_text_from_mem(&bytes).expect("text extracts"));
    for expected in [
        "PERSONALIZATION",
        "Engraving",
        "“Anna & Ben”",
        "“Weber 2026”",
        "Font: Sans Bold",
        "Colour: brass (#b08d57)",
        "On the top",
        "Headboard print",
        "images/headboard.png",
        "On the headboard",
    ] {
        assert!(text.contains(expected), "`{expected}` missing");
    }
    assert!(
        bytes
            .windows(b"/Width 1600".len())
            .any(|w| w == b"/Width 1600"),
        "the photo is not embedded"
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

#[test]
fn the_quotes_of_the_upholstery_layout_name_each_price_table_row() {
    let scratch = Scratch::new("price-tables");
    let layout = "saves/upholstery.ron";
    // Velvet seat (group E) and linen back (group C), 2100 mm, power recliner: group E × the
    // 2000–2199 mm band = 2,610.00, plus 14 % of it = 365.40. COM on both, 2700 mm: 2,040.00.
    let pdf = write_quote(&scratch, layout, "pdf", "q.pdf", &[]);
    // The extracted text joins wrapped lines without a space: compare without spaces.
    let text: String = pdf_extract::extract_text_from_mem(&pdf)
        .expect("text")
        .split_whitespace()
        .collect();
    for row in [
        "Upholstery: group E × 2000–2199 mm: 2,610.00",
        "Function: Power recliner, both end seats (+14 % of 2,610.00): 365.40",
        "Upholstery: group COM × 2600–2799 mm: 2,040.00",
        "Function: Fixed seats: 0.00",
    ] {
        let row: String = row.split_whitespace().collect();
        assert!(text.contains(&row), "`{row}` is not in the PDF:\n{text}");
    }
    assert!(text.contains("2,975.40"), "{text}");

    let xlsx = write_quote(&scratch, layout, "xlsx", "q.xlsx", &[]);
    let mut workbook: Xlsx<_> = Xlsx::new(Cursor::new(xlsx)).expect("an xlsx");
    let lines = workbook.worksheet_range("Lines").expect("Lines");
    assert_eq!(
        lines.get_value((0, 14)),
        Some(&Data::String("Price tables".into()))
    );
    assert_eq!(
        lines.get_value((1, 14)),
        Some(&Data::String(
            "Upholstery: group E × 2000–2199 mm = 2610.00\nFunction: Power recliner, both end seats (+14 % of 2,610.00) = 365.40"
                .into()
        ))
    );
    assert_eq!(cents(number(lines.get_value((1, 5)))), 297_540);

    let csv = write_quote(&scratch, layout, "csv", "q.csv", &[]);
    let mut reader = csv::Reader::from_reader(csv.as_slice());
    let header = reader.headers().expect("header").clone();
    assert_eq!(header.get(16), Some("price_tables"));
    let records: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("record")).collect();
    assert_eq!(records[0].get(7), Some("2975.40"));
    assert_eq!(
        records[0].get(16),
        Some(
            "Upholstery: group E × 2000–2199 mm = 2610.00; Function: Power recliner, both end seats (+14 % of 2,610.00) = 365.40"
        )
    );
    assert_eq!(
        records[1].get(16),
        Some("Upholstery: group COM × 2600–2799 mm = 2040.00; Function: Fixed seats = 0.00")
    );
}
