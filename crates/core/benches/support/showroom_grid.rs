//! A generated showroom: a grid of closed, furnished rooms from the shipped catalogs (20 products
//! per room, a door on the west wall, a window on the south wall, a wall cabinet on the north
//! wall, floor products in a grid with a few pushed together). Shared by the `check_scaling`
//! benchmark and the `showroom_grid` example that writes such layouts for the GUI benchmark.

use room_planner_core::domain::catalog::Configuration;
use room_planner_core::domain::catalog::configuration::ConfigurationEngine;
use room_planner_core::domain::catalog::{CatalogSet, Product, ProductKind};
use room_planner_core::domain::layout::{
    CatalogRef, Customer, FORMAT_VERSION, HingeSide, Layout, Opening, PlacedProduct, QuoteInfo,
    Swing, Wall,
};
use room_planner_core::domain::values::ids::{OpeningId, ProductInstanceId, WallId};
use room_planner_core::domain::values::units::{Mm, PointMm};
use rust_decimal::Decimal;
use std::error::Error;

/// Product cells per room: columns and rows.
const COLUMNS: i64 = 5;
const ROWS: i64 = 4;
/// One product's cell (product plus its front access), millimetres.
const CELL_X: i64 = 1600;
const CELL_Y: i64 = 1500;
/// Free floor on the room's west side, where the door swings, and the gap between rooms.
const WEST_MARGIN: i64 = 1000;
const ROOM_GAP: i64 = 1000;
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
        personal: Default::default(),
    }
}

/// A grid of closed rooms of 20 products each: a door on the west wall, a window on the south
/// wall, a wall cabinet on the north wall, floor products in a grid (a few pushed together).
pub fn generate(catalogs: &CatalogSet, count: usize) -> Result<Layout, Box<dyn Error>> {
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
