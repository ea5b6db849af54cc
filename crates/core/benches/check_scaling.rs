//! Benchmark of how loading, checking and quoting grow with the layout: a grid of furnished rooms
//! (each with a door, a window and a wall cabinet) from the shipped catalogs at 1,000, 10,000
//! and 100,000 products, written in the canonical form and then read back (parse and reference
//! checks), checked, priced, and written as CSV and XLSX. Prints each step's time and its growth
//! from one size to the next (linear growth is 10× for 10× the products). Run with
//! `cargo bench -p room-planner-core --bench check_scaling`; `-- --pdf` adds the PDF quote.

use room_planner_core::domain::catalog::CatalogSet;
use room_planner_core::domain::constraints::check_layout;
use room_planner_core::domain::layout::Layout;
use room_planner_core::domain::pricing::dealer::Dealer;
use room_planner_core::domain::pricing::quote::quote_for_layout;
use room_planner_core::domain::pricing::quote_document::quote_document;
use room_planner_core::domain::values::date::IsoDate;
use room_planner_core::storage::catalog::load_catalog_folder;
use room_planner_core::storage::csv_quote::quote_csv;
use room_planner_core::storage::layout_file::{check_references, layout_to_string, parse_layout};
use room_planner_core::storage::pdf_quote::{QuotePictures, quote_pdf};
use room_planner_core::storage::xlsx_quote::quote_xlsx;
use std::error::Error;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Sizes measured.
const SIZES: [usize; 3] = [1_000, 10_000, 100_000];

#[path = "support/showroom_grid.rs"]
mod showroom_grid;
use showroom_grid::generate;

#[derive(Default)]
struct Timings {
    bytes: usize,
    violations: usize,
    load: Duration,
    check: Duration,
    quote: Duration,
    csv: Duration,
    xlsx: Duration,
    pdf: Option<Duration>,
}

fn timed<T>(work: impl FnOnce() -> T) -> (T, Duration) {
    let started = Instant::now();
    let value = work();
    (value, started.elapsed())
}

fn run(catalogs: &CatalogSet, count: usize, pdf: bool) -> Result<Timings, Box<dyn Error>> {
    let layout = generate(catalogs, count)?;
    let text = layout_to_string(&layout)?;
    let path = Path::new("bench.ron");
    let (loaded, load) = timed(|| -> Result<Layout, Box<dyn Error>> {
        let loaded = parse_layout(path, &text)?;
        check_references(path, &text, &loaded, catalogs)?;
        Ok(loaded)
    });
    let loaded = loaded?;
    let (violations, check) = timed(|| check_layout(&loaded, catalogs));
    let (quote, quote_time) = timed(|| quote_for_layout(&loaded, catalogs));
    let quote = quote?;
    let (csv, csv_time) = timed(|| quote_csv(&quote));
    csv?;
    let date = IsoDate::parse("2026-12-01")?;
    let dealer = Dealer {
        name: "Bench".into(),
        ..Dealer::default()
    };
    let (xlsx, xlsx_time) = timed(|| -> Result<Vec<u8>, Box<dyn Error>> {
        let document = quote_document(&loaded, catalogs, &dealer, "Q-2026-0001", date)?;
        Ok(quote_xlsx(&document)?)
    });
    xlsx?;
    let pdf_time = if pdf {
        let (written, time) = timed(|| -> Result<Vec<u8>, Box<dyn Error>> {
            let document = quote_document(&loaded, catalogs, &dealer, "Q-2026-0001", date)?;
            Ok(quote_pdf(
                &document,
                QuotePictures {
                    logo: None,
                    design: None,
                    thumbnails: &[],
                },
            )?)
        });
        written?;
        Some(time)
    } else {
        None
    };
    Ok(Timings {
        bytes: text.len(),
        violations: violations.len(),
        load,
        check,
        quote: quote_time,
        csv: csv_time,
        xlsx: xlsx_time,
        pdf: pdf_time,
    })
}

fn millis(duration: Duration) -> String {
    format!("{:.1} ms", duration.as_secs_f64() * 1e3)
}

fn main() -> Result<(), Box<dyn Error>> {
    let pdf = std::env::args().any(|arg| arg == "--pdf");
    let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../catalogs");
    let (catalogs, errors) = load_catalog_folder(&folder);
    if let Some(error) = errors.first() {
        return Err(error.to_string().into());
    }
    let catalogs = CatalogSet { catalogs };
    let mut rows: Vec<(usize, Timings)> = Vec::new();
    for count in SIZES {
        let timings = run(&catalogs, count, pdf)?;
        println!(
            "{count:>7} products: {:>6.1} MB layout, {} violations; load {}, check {}, price {}, CSV {}, XLSX {}{}",
            timings.bytes as f64 / 1e6,
            timings.violations,
            millis(timings.load),
            millis(timings.check),
            millis(timings.quote),
            millis(timings.csv),
            millis(timings.xlsx),
            timings
                .pdf
                .map(|pdf| format!(", PDF {}", millis(pdf)))
                .unwrap_or_default()
        );
        rows.push((count, timings));
    }
    println!("growth for 10x the products (linear = 10x):");
    for pair in rows.windows(2) {
        let ((small, a), (large, b)) = (&pair[0], &pair[1]);
        let growth = |x: Duration, y: Duration| y.as_secs_f64() / x.as_secs_f64().max(1e-9);
        println!(
            "  {small} -> {large}: load {:.1}x, check {:.1}x, price {:.1}x, CSV {:.1}x, XLSX {:.1}x{}",
            growth(a.load, b.load),
            growth(a.check, b.check),
            growth(a.quote, b.quote),
            growth(a.csv, b.csv),
            growth(a.xlsx, b.xlsx),
            match (a.pdf, b.pdf) {
                (Some(x), Some(y)) => format!(", PDF {:.1}x", growth(x, y)),
                _ => String::new(),
            }
        );
    }
    Ok(())
}
