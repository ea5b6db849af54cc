//! Benchmark: a 2,000-line quote (shipped catalog, 2,000 products in a 60 m hall, each on its own
//! line) priced, checked and drawn, then written as PDF and as XLSX. Prints the median of a few
//! runs of each step. Run with `cargo bench -p room-planner-core --bench quote_export`.

use room_planner_core::domain::catalog::{CatalogSet, ProductKind};
use room_planner_core::domain::layout::{
    CatalogRef, Customer, FORMAT_VERSION, Layout, PlacedProduct, QuoteInfo, Wall,
};
use room_planner_core::domain::pricing::dealer::Dealer;
use room_planner_core::domain::pricing::quote_document::{QuoteDocument, quote_document};
use room_planner_core::domain::values::date::IsoDate;
use room_planner_core::domain::values::ids::{CatalogId, ProductInstanceId, WallId};
use room_planner_core::domain::values::units::{Mm, PointMm};
use room_planner_core::storage::catalog::load_catalog;
use room_planner_core::storage::pdf_quote::{QuotePictures, quote_pdf};
use room_planner_core::storage::xlsx_quote::quote_xlsx;
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::path::Path;
use std::time::{Duration, Instant};

const LINES: usize = 2_000;
const RUNS: usize = 5;

fn hall(catalogs: &CatalogSet) -> Layout {
    let side = 60_000;
    let corners = [(0, 0), (side, 0), (side, side), (0, side)];
    let walls = (0..4)
        .map(|index| Wall {
            id: WallId(format!("w{index}")),
            start: PointMm::new(corners[index].0, corners[index].1),
            end: PointMm::new(corners[(index + 1) % 4].0, corners[(index + 1) % 4].1),
            thickness: Mm(300),
            height: Mm(3000),
        })
        .collect();
    let floor_products: Vec<_> = catalogs.catalogs[0]
        .products
        .iter()
        .filter(|product| product.kind == ProductKind::Floor)
        .collect();
    let products = (0..LINES)
        .map(|index| PlacedProduct {
            id: ProductInstanceId(format!("p{index}")),
            product: floor_products[index % floor_products.len()].id.clone(),
            options: BTreeMap::new(),
            position: PointMm::new(
                1_500 + (index as i64 % 45) * 1_300,
                1_500 + (index as i64 / 45) * 1_300,
            ),
            rotation: 0.0,
            elevation: None,
            // A distinct discount keeps every product on its own line.
            discount_percent: Decimal::new(index as i64, 2),
            personal: Default::default(),
        })
        .collect();
    Layout {
        format_version: FORMAT_VERSION,
        catalogs: vec![CatalogRef {
            id: CatalogId("nordhaus-living".into()),
            version: "2026.1".into(),
        }],
        walls,
        openings: Vec::new(),
        rooms: Vec::new(),
        products,
        customer: Customer {
            name: "Benchmark Customer".into(),
            ..Customer::default()
        },
        quote: QuoteInfo::default(),
    }
}

fn median<T>(mut step: impl FnMut() -> T) -> (Duration, T) {
    let start = Instant::now();
    let value = step();
    let mut times = vec![start.elapsed()];
    for _ in 1..RUNS {
        let start = Instant::now();
        step();
        times.push(start.elapsed());
    }
    times.sort();
    (times[RUNS / 2], value)
}

fn main() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../catalogs/nordhaus.ron");
    let catalog = match load_catalog(&path) {
        Ok(catalog) => catalog,
        Err(error) => {
            eprintln!("{error}");
            std::process::exit(2);
        }
    };
    let catalogs = CatalogSet {
        catalogs: vec![catalog],
    };
    let layout = hall(&catalogs);
    let dealer = Dealer {
        name: "Benchmark Dealer".into(),
        ..Dealer::default()
    };
    let Ok(date) = IsoDate::parse("2026-11-22") else {
        std::process::exit(2);
    };
    let (build, document) = median(|| {
        quote_document(&layout, &catalogs, &dealer, "Q-BENCH", date).map_err(|e| e.to_string())
    });
    let document: QuoteDocument = match document {
        Ok(document) => document,
        Err(error) => {
            eprintln!("{error}");
            std::process::exit(2);
        }
    };
    assert_eq!(document.quote.lines.len(), LINES);
    let (pdf, pdf_bytes) =
        median(|| quote_pdf(&document, QuotePictures::default()).map(|b| b.len()));
    let (xlsx, xlsx_bytes) = median(|| quote_xlsx(&document).map(|b| b.len()));
    println!("quote_export: {LINES} lines, median of {RUNS} runs");
    println!(
        "  price, check and draw the layout: {:>8.1} ms",
        build.as_secs_f64() * 1e3
    );
    println!(
        "  write PDF:                        {:>8.1} ms ({} bytes)",
        pdf.as_secs_f64() * 1e3,
        pdf_bytes.unwrap_or(0)
    );
    println!(
        "  write XLSX:                       {:>8.1} ms ({} bytes)",
        xlsx.as_secs_f64() * 1e3,
        xlsx_bytes.unwrap_or(0)
    );
}
