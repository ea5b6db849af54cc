//! Benchmark of how loading, checking and quoting grow with the layout: a grid of furnished rooms
//! (each with a door, a window and a wall cabinet) from the shipped catalogs at 1,000, 10,000
//! and 100,000 products, written in the canonical form and then read back (parse and reference
//! checks), checked, priced, and written as CSV and XLSX. Prints each step's time and its growth
//! from one size to the next (linear growth is 10× for 10× the products). Run with
//! `cargo bench -p room-planner-core --bench check_scaling`; `-- --pdf` adds the PDF quote.

use room_planner_core::domain::catalog::Configuration;
use room_planner_core::domain::catalog::configuration::ConfigurationEngine;
use room_planner_core::domain::catalog::{CatalogSet, Product, ProductKind};
use room_planner_core::domain::constraints::check_layout;
use room_planner_core::domain::layout::{
    CatalogRef, Customer, FORMAT_VERSION, HingeSide, Layout, Opening, PlacedProduct, QuoteInfo,
    Swing, Wall,
};
use room_planner_core::domain::pricing::dealer::Dealer;
use room_planner_core::domain::pricing::quote::quote_for_layout;
use room_planner_core::domain::pricing::quote_document::quote_document;
use room_planner_core::domain::values::date::IsoDate;
use room_planner_core::domain::values::ids::{OpeningId, ProductInstanceId, WallId};
use room_planner_core::domain::values::units::{Mm, PointMm};
use room_planner_core::storage::catalog::load_catalog_folder;
use room_planner_core::storage::csv_quote::quote_csv;
use room_planner_core::storage::layout_file::{check_references, layout_to_string, parse_layout};
use room_planner_core::storage::pdf_quote::{QuotePictures, quote_pdf};
use room_planner_core::storage::xlsx_quote::quote_xlsx;
use rust_decimal::Decimal;
use std::error::Error;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Product cells per room: columns and rows.
const COLUMNS: i64 = 5;
const ROWS: i64 = 4;
/// One product's cell (product plus its front access), millimetres.
const CELL_X: i64 = 1600;
const CELL_Y: i64 = 1500;
/// Free floor on the room's west side, where the door swings, and the gap between rooms.
const WEST_MARGIN: i64 = 1000;
const ROOM_GAP: i64 = 1000;
/// Sizes measured.
const SIZES: [usize; 3] = [1_000, 10_000, 100_000];

/// A product with its depth in millimetres.
type Piece<'c> = (&'c Product, i64);

/// Floor products that fit a cell with their access space, and one wall cabinet.
fn pieces(catalogs: &CatalogSet) -> (Vec<Piece<'_>>, Option<Piece<'_>>) {
    let mut floor = Vec::new();
    let mut wall_unit = None;
    for product in catalogs.catalogs.iter().flat_map(|c| &c.products) {
        let Ok(defaults) = ConfigurationEngine::new(product).resolve(&Configuration::new()) else {
            continue;
        };
        let size = product.dimensions(&defaults);
        match product.kind {
            ProductKind::Floor
                if size.width.0 <= CELL_X - 200
                    && size.depth.0 + product.clearance.front.0 <= CELL_Y - 150
                    && size.height.0 <= 2400 =>
            {
                floor.push((product, size.depth.0));
            }
            ProductKind::WallMounted if wall_unit.is_none() && size.width.0 <= 1200 => {
                wall_unit = Some((product, size.depth.0));
            }
            _ => {}
        }
    }
    (floor, wall_unit)
}

fn opening_of(kind: ProductKind, catalogs: &CatalogSet) -> Option<String> {
    catalogs
        .catalogs
        .iter()
        .flat_map(|c| &c.products)
        .find(|product| product.kind == kind)
        .map(|product| product.id.to_string())
}

fn wall(id: String, start: (i64, i64), end: (i64, i64)) -> Wall {
    Wall {
        id: WallId(id),
        start: PointMm::new(start.0, start.1),
        end: PointMm::new(end.0, end.1),
        thickness: Mm(100),
        height: Mm(2600),
    }
}

fn opening(id: String, product: &str, wall: String, offset: i64, sill: i64) -> Opening {
    Opening {
        id: OpeningId(id),
        product: product.into(),
        options: Configuration::new(),
        wall: WallId(wall),
        offset: Mm(offset),
        sill: Mm(sill),
        hinge: HingeSide::Start,
        swing: Swing::In,
    }
}

fn placed(index: usize, product: &Product, at: (i64, i64), rotation: f64) -> PlacedProduct {
    PlacedProduct {
        id: ProductInstanceId(format!("p-{}", index + 1)),
        product: product.id.clone(),
        options: Configuration::new(),
        position: PointMm::new(at.0, at.1),
        rotation,
        elevation: None,
        // Distinct discounts keep every product on its own quote line.
        discount_percent: Decimal::new((index % 5000) as i64, 3),
    }
}

/// A grid of closed rooms of 20 products each: a door on the west wall, a window on the south
/// wall, a wall cabinet on the north wall, floor products in a grid (a few pushed together).
fn generate(catalogs: &CatalogSet, count: usize) -> Result<Layout, Box<dyn Error>> {
    let (floor, wall_unit) = pieces(catalogs);
    let door = opening_of(ProductKind::Door, catalogs).ok_or("no door in the catalogs")?;
    let window = opening_of(ProductKind::Window, catalogs).ok_or("no window in the catalogs")?;
    let per_room = (COLUMNS * ROWS) as usize;
    let rooms = count.div_ceil(per_room);
    let across = (rooms as f64).sqrt().ceil() as usize;
    let room_width = WEST_MARGIN + COLUMNS * CELL_X + 200;
    let room_depth = ROWS * CELL_Y + 1000;
    let mut layout = Layout {
        format_version: FORMAT_VERSION,
        catalogs: catalogs
            .catalogs
            .iter()
            .map(|catalog| CatalogRef {
                id: catalog.id.clone(),
                version: catalog.version.clone(),
            })
            .collect(),
        walls: Vec::new(),
        openings: Vec::new(),
        rooms: Vec::new(),
        products: Vec::new(),
        customer: Customer::default(),
        quote: QuoteInfo::default(),
    };
    for room in 0..rooms {
        let x0 = (room % across) as i64 * (room_width + ROOM_GAP);
        let y0 = (room / across) as i64 * (room_depth + ROOM_GAP);
        let (x1, y1) = (x0 + room_width, y0 + room_depth);
        let name = |side: &str| format!("r{room}-{side}");
        layout.walls.push(wall(name("s"), (x0, y0), (x1, y0)));
        layout.walls.push(wall(name("e"), (x1, y0), (x1, y1)));
        layout.walls.push(wall(name("n"), (x1, y1), (x0, y1)));
        layout.walls.push(wall(name("w"), (x0, y1), (x0, y0)));
        layout.openings.push(opening(
            name("door"),
            &door,
            name("w"),
            room_depth / 2 - 450,
            0,
        ));
        layout
            .openings
            .push(opening(name("window"), &window, name("s"), 200, 900));
        for cell in 0..per_room as i64 {
            if layout.products.len() == count {
                break;
            }
            let index = layout.products.len();
            if cell == 0
                && let Some((unit, depth)) = wall_unit
            {
                // Backed onto the north wall's inner face, facing into the room.
                let at = (x0 + WEST_MARGIN + 800, y1 - 50 - depth / 2);
                layout.products.push(placed(index, unit, at, 180.0));
                continue;
            }
            let (piece, depth) = floor[index % floor.len()];
            let (column, row) = (cell % COLUMNS, cell / COLUMNS);
            let mut x = x0 + WEST_MARGIN + column * CELL_X + CELL_X / 2;
            if index.is_multiple_of(97) {
                x += 900;
            }
            let y = y0 + 100 + row * CELL_Y + depth / 2;
            layout.products.push(placed(index, piece, (x, y), 0.0));
        }
    }
    Ok(layout)
}

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
