//! Benchmark of live editing: a grid of rooms furnished from the shipped catalog (1,000 and
//! 10,000 products, mostly valid, a few violations); time to load the live checker and quote,
//! and the time of one product move and one option change (apply the edit, update the checker,
//! update the quote), median and 95th percentile; and a door slide and a wall-corner move,
//! which measure everything again. Run with
//! `cargo bench -p room-planner-core --bench live_edit`.

use room_planner_core::domain::catalog::Configuration;
use room_planner_core::domain::catalog::configuration::ConfigurationEngine;
use room_planner_core::domain::catalog::{
    CatalogSet, Dimension, OptionValue, Product, ProductKind,
};
use room_planner_core::domain::constraints::{LiveChecker, check_layout};
use room_planner_core::domain::editing::{Edit, WallEnd, apply_edit};
use room_planner_core::domain::layout::{
    CatalogRef, Customer, FORMAT_VERSION, HingeSide, Layout, Opening, PlacedProduct, QuoteInfo,
    Swing, Wall,
};
use room_planner_core::domain::pricing::quote::quote_for_layout;
use room_planner_core::domain::pricing::quote_live::LiveQuote;
use room_planner_core::domain::values::ids::{OpeningId, OptionId, ProductInstanceId, WallId};
use room_planner_core::domain::values::units::{Mm, PointMm};
use room_planner_core::storage::catalog::load_catalog_folder;
use rust_decimal::Decimal;
use std::error::Error;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// Product cells per room: columns and rows.
const COLUMNS: i64 = 5;
const ROWS: i64 = 4;
/// Size of one product's cell (product plus its front access), millimetres.
const CELL_X: i64 = 1600;
const CELL_Y: i64 = 1500;
/// Free floor on the room's west side, where the door swings.
const WEST_MARGIN: i64 = 1000;
/// Gap between neighbouring rooms' walls.
const ROOM_GAP: i64 = 1000;
/// Timed edits of each product kind.
const SAMPLES: usize = 2000;
/// Timed opening edits (each measures the whole layout again).
const OPENING_SAMPLES: usize = 20;

/// A small deterministic random number generator (no dependency needed).
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, bound: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % bound.max(1)
    }

    fn between(&mut self, low: i64, high: i64) -> i64 {
        low + self.below((high - low) as u64) as i64
    }
}

/// A catalog product that fits a cell, with the choice options that do not change its size.
struct Furniture<'c> {
    product: &'c Product,
    depth_mm: i64,
    free_options: Vec<(OptionId, Vec<OptionValue>)>,
}

fn furniture(catalogs: &CatalogSet) -> Vec<Furniture<'_>> {
    let mut found = Vec::new();
    for product in catalogs
        .catalogs
        .iter()
        .flat_map(|catalog| &catalog.products)
    {
        if product.kind != ProductKind::Floor {
            continue;
        }
        let engine = ConfigurationEngine::new(product);
        let Ok(defaults) = engine.resolve(&Configuration::new()) else {
            continue;
        };
        let size = product.dimensions(&defaults);
        let needs = size.depth.0 + product.clearance.front.0;
        if size.width.0 > CELL_X - 200 || needs > CELL_Y - 150 || size.height.0 > 2400 {
            continue;
        }
        let sizing: Vec<&OptionId> = [
            &product.size.width,
            &product.size.depth,
            &product.size.height,
        ]
        .into_iter()
        .filter_map(|dimension| match dimension {
            Dimension::Fixed(_) | Dimension::Derived(_) => None,
            Dimension::FromOption(option) | Dimension::ByChoice(option, _) => Some(option),
        })
        .collect();
        let free_options = product
            .options
            .iter()
            .filter(|def| !sizing.contains(&&def.id) && def.values().len() > 1)
            .filter(|def| matches!(def.default, OptionValue::Choice(_)))
            .map(|def| (def.id.clone(), def.values()))
            .collect();
        found.push(Furniture {
            product,
            depth_mm: size.depth.0,
            free_options,
        });
    }
    found
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

/// A grid of closed rooms, each with a door on its west wall and `COLUMNS × ROWS` products.
fn generate(catalogs: &CatalogSet, count: usize, door: &str) -> Layout {
    let pieces = furniture(catalogs);
    let per_room = (COLUMNS * ROWS) as usize;
    let rooms = count.div_ceil(per_room);
    let across = (rooms as f64).sqrt().ceil() as usize;
    let room_width = WEST_MARGIN + COLUMNS * CELL_X + 200;
    let room_depth = ROWS * CELL_Y + 200;
    let mut random = Lcg(7);
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
        layout.openings.push(Opening {
            id: OpeningId(format!("r{room}-door")),
            product: door.into(),
            options: Configuration::new(),
            wall: WallId(name("w")),
            offset: Mm(room_depth / 2 - 450),
            sill: Mm(0),
            hinge: HingeSide::Start,
            swing: Swing::In,
        });
        for cell in 0..per_room as i64 {
            if layout.products.len() == count {
                break;
            }
            let piece = &pieces[random.below(pieces.len() as u64) as usize];
            let (column, row) = (cell % COLUMNS, cell / COLUMNS);
            let x = x0 + WEST_MARGIN + column * CELL_X + CELL_X / 2;
            let y = y0 + 100 + row * CELL_Y + piece.depth_mm / 2;
            let index = layout.products.len();
            let mut options = Configuration::new();
            if let Some((option, values)) = piece.free_options.first()
                && index.is_multiple_of(3)
            {
                let value = values[random.below(values.len() as u64) as usize].clone();
                options.insert(option.clone(), value);
                let engine = ConfigurationEngine::new(piece.product);
                if !engine.is_completable(&options).unwrap_or(false) {
                    options.clear();
                }
            }
            // A few violations: some pushed into their neighbour, some turned.
            let (x, rotation) = if index.is_multiple_of(97) {
                (x + 900, 0.0)
            } else if index.is_multiple_of(211) {
                (x, 45.0)
            } else {
                (x, 0.0)
            };
            layout.products.push(PlacedProduct {
                id: ProductInstanceId(format!("p-{}", index + 1)),
                product: piece.product.id.clone(),
                options,
                position: PointMm::new(x, y),
                rotation,
                elevation: None,
                discount_percent: Decimal::ZERO,
            });
        }
    }
    layout
}

fn percentile(sorted: &[Duration], fraction: f64) -> Duration {
    let index = ((sorted.len() as f64 - 1.0) * fraction).round() as usize;
    sorted.get(index).copied().unwrap_or_default()
}

fn micros(duration: Duration) -> String {
    format!("{:.1} µs", duration.as_secs_f64() * 1e6)
}

fn millis(duration: Duration) -> String {
    format!("{:.1} ms", duration.as_secs_f64() * 1e3)
}

struct Row {
    products: usize,
    violations: usize,
    lines: usize,
    checker_load: Duration,
    quote_load: Duration,
    batch_check: Duration,
    moves: Vec<Duration>,
    options: Vec<Duration>,
    openings: Vec<Duration>,
    walls: Vec<Duration>,
    consistent: bool,
}

fn run(catalogs: &CatalogSet, count: usize, door: &str) -> Result<Row, Box<dyn Error>> {
    let mut layout = generate(catalogs, count, door);
    let started = Instant::now();
    let mut checker = LiveChecker::new(&layout, catalogs);
    let checker_load = started.elapsed();
    let started = Instant::now();
    let mut quote = LiveQuote::new(&layout, catalogs)?;
    let quote_load = started.elapsed();
    let violations = checker.count();
    let started = Instant::now();
    let batch = check_layout(&layout, catalogs);
    let batch_check = started.elapsed();
    let mut consistent = batch == checker.violations();

    let mut random = Lcg(11);
    let mut moves = Vec::with_capacity(SAMPLES);
    for _ in 0..SAMPLES {
        let placed = &layout.products[random.below(layout.products.len() as u64) as usize];
        let edit = Edit::MoveProduct {
            id: placed.id.clone(),
            position: PointMm::new(
                placed.position.x.0 + random.between(-60, 61),
                placed.position.y.0 + random.between(-40, 41),
            ),
            rotation_deg: placed.rotation,
        };
        let started = Instant::now();
        let changes = apply_edit(&mut layout, catalogs, &edit)?;
        checker.update(&layout, catalogs, &changes);
        quote.update(&layout, catalogs, &changes)?;
        moves.push(started.elapsed());
    }

    let pieces = furniture(catalogs);
    let mut options = Vec::with_capacity(SAMPLES);
    let mut attempts = 0;
    while options.len() < SAMPLES && attempts < SAMPLES * 20 {
        attempts += 1;
        let placed = &layout.products[random.below(layout.products.len() as u64) as usize];
        let Some(piece) = pieces
            .iter()
            .find(|piece| piece.product.id == placed.product)
        else {
            continue;
        };
        let Some((option, values)) = piece.free_options.first() else {
            continue;
        };
        let value = values[random.below(values.len() as u64) as usize].clone();
        if placed.options.get(option) == Some(&value) {
            continue;
        }
        let edit = Edit::SetOption {
            id: placed.id.clone(),
            option: option.clone(),
            value,
        };
        let started = Instant::now();
        let Ok(changes) = apply_edit(&mut layout, catalogs, &edit) else {
            continue;
        };
        checker.update(&layout, catalogs, &changes);
        quote.update(&layout, catalogs, &changes)?;
        options.push(started.elapsed());
    }
    let mut openings = Vec::with_capacity(OPENING_SAMPLES);
    for _ in 0..OPENING_SAMPLES {
        let opening = &layout.openings[random.below(layout.openings.len() as u64) as usize];
        let edit = Edit::MoveOpening {
            id: opening.id.clone(),
            offset: Mm(opening.offset.0 + random.between(-50, 51)),
        };
        let started = Instant::now();
        let changes = apply_edit(&mut layout, catalogs, &edit)?;
        checker.update(&layout, catalogs, &changes);
        quote.update(&layout, catalogs, &changes)?;
        openings.push(started.elapsed());
    }
    let walls = wall_corner_moves(&mut layout, catalogs, &mut checker, &mut quote, &mut random)?;
    consistent &= checker.violations() == check_layout(&layout, catalogs);
    consistent &= quote.quote() == &quote_for_layout(&layout, catalogs)?;
    moves.sort();
    options.sort();
    openings.sort();
    Ok(Row {
        products: layout.products.len(),
        violations,
        lines: quote.quote().lines.len(),
        checker_load,
        quote_load,
        batch_check,
        moves,
        options,
        openings,
        walls,
        consistent,
    })
}

/// Times dragging wall corners a little (the joined walls follow, openings are kept inside,
/// everything is measured again), as one frame of a corner drag does.
fn wall_corner_moves(
    layout: &mut Layout,
    catalogs: &CatalogSet,
    checker: &mut LiveChecker,
    quote: &mut LiveQuote,
    random: &mut Lcg,
) -> Result<Vec<Duration>, Box<dyn Error>> {
    let mut walls = Vec::with_capacity(OPENING_SAMPLES);
    let mut attempts = 0;
    while walls.len() < OPENING_SAMPLES && attempts < OPENING_SAMPLES * 20 {
        attempts += 1;
        let wall = &layout.walls[random.below(layout.walls.len() as u64) as usize];
        let edit = Edit::MoveWallEnd {
            id: wall.id.clone(),
            end: WallEnd::End,
            to: PointMm::new(
                wall.end.x.0 + random.between(-30, 31),
                wall.end.y.0 + random.between(-30, 31),
            ),
        };
        let started = Instant::now();
        // A refused step (an opening would no longer fit) is what a drag meets too: time it.
        if let Ok(changes) = apply_edit(layout, catalogs, &edit) {
            checker.update(layout, catalogs, &changes);
            quote.update(layout, catalogs, &changes)?;
        }
        walls.push(started.elapsed());
    }
    walls.sort();
    Ok(walls)
}

fn main() -> Result<(), Box<dyn Error>> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let (catalogs, errors) = load_catalog_folder(&root.join("catalogs"));
    if let Some(error) = errors.first() {
        return Err(error.to_string().into());
    }
    let catalogs = CatalogSet { catalogs };
    let door = catalogs
        .catalogs
        .iter()
        .flat_map(|catalog| &catalog.products)
        .find(|product| product.kind == ProductKind::Door)
        .map(|product| product.id.as_str().to_owned())
        .ok_or("the shipped catalogs have no door")?;
    println!(
        "| products | violations at load | quote lines | load: LiveChecker::new | load: LiveQuote::new | batch check_layout | move median | move p95 | option median | option p95 | opening edit median (full rebuild) | wall corner move median (full rebuild) | live = batch |"
    );
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---:|");
    for count in [1_000, 10_000] {
        let row = run(&catalogs, count, &door)?;
        println!(
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} ({} samples) | {} | {} | {} | {} |",
            row.products,
            row.violations,
            row.lines,
            millis(row.checker_load),
            millis(row.quote_load),
            millis(row.batch_check),
            micros(percentile(&row.moves, 0.5)),
            micros(percentile(&row.moves, 0.95)),
            micros(percentile(&row.options, 0.5)),
            row.options.len(),
            micros(percentile(&row.options, 0.95)),
            millis(percentile(&row.openings, 0.5)),
            millis(percentile(&row.walls, 0.5)),
            if row.consistent { "yes" } else { "NO" },
        );
    }
    Ok(())
}
