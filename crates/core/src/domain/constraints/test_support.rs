//! Small catalogs and rooms for the constraint rules' tests.

use crate::domain::catalog::{
    Appearance, Catalog, CatalogSet, Clearance, Currency, Dimension, Product, ProductKind,
    ShapeKind, Size,
};
use crate::domain::layout::{
    CatalogRef, Customer, FORMAT_VERSION, HingeSide, Layout, Opening, PlacedProduct, QuoteInfo,
    Swing, Wall,
};
use crate::domain::values::ids::{CatalogId, OpeningId, ProductId, ProductInstanceId, WallId};
use crate::domain::values::units::{Mm, PointMm};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

fn product(
    id: &str,
    kind: ProductKind,
    size: (i64, i64, i64),
    elevation: i64,
    front: i64,
) -> Product {
    Product {
        derived: Vec::new(),
        id: ProductId::from(id),
        name: id.to_owned(),
        category: "Test".into(),
        kind,
        size: Size {
            width: Dimension::Fixed(Mm(size.0)),
            depth: Dimension::Fixed(Mm(size.1)),
            height: Dimension::Fixed(Mm(size.2)),
        },
        elevation: Mm(elevation),
        appearance: Appearance::Shape {
            shape: ShapeKind::Block,
            materials: BTreeMap::new(),
        },
        clearance: Clearance { front: Mm(front) },
        stackable: id == "sideboard",
        options: Vec::new(),
        rules: Vec::new(),
        base_price: Decimal::ONE_HUNDRED,
        prices: Vec::new(),
        vat_percent: Decimal::from(19),
        sku: Vec::new(),
        bom: Vec::new(),
    }
}

/// A catalog with a cabinet (front clearance 600), a sideboard that takes stacking, a lamp,
/// a wall cabinet, a tall wardrobe, a door and a window.
pub fn catalogs() -> CatalogSet {
    CatalogSet {
        catalogs: vec![Catalog {
            id: CatalogId::from("test"),
            name: "Test".into(),
            version: "1".into(),
            price_date: None,
            currency: Currency {
                code: "EUR".into(),
                decimals: 2,
            },
            products: vec![
                product("cabinet", ProductKind::Floor, (1000, 500, 800), 0, 600),
                product("sideboard", ProductKind::Floor, (1600, 450, 750), 0, 0),
                product("lamp", ProductKind::Floor, (300, 300, 400), 0, 0),
                product(
                    "wall-cabinet",
                    ProductKind::WallMounted,
                    (600, 350, 700),
                    1400,
                    0,
                ),
                product("wardrobe", ProductKind::Floor, (1000, 600, 2700), 0, 0),
                product("door", ProductKind::Door, (900, 100, 2000), 0, 0),
                product("window", ProductKind::Window, (1200, 100, 1200), 900, 0),
            ],
        }],
    }
}

/// A wall 100 mm thick and 2600 mm high, like the test room's.
pub fn wall(id: &str, start: (i64, i64), end: (i64, i64)) -> Wall {
    Wall {
        id: WallId::from(id),
        start: PointMm::new(start.0, start.1),
        end: PointMm::new(end.0, end.1),
        thickness: Mm(100),
        height: Mm(2600),
    }
}

/// A 5 m by 4 m room (centre lines), walls 100 mm thick and 2600 mm high, drawn anticlockwise
/// with ids `south`, `east`, `north`, `west`; no products.
pub fn room() -> Layout {
    Layout {
        format_version: FORMAT_VERSION,
        catalogs: vec![CatalogRef {
            id: CatalogId::from("test"),
            version: "1".into(),
        }],
        walls: vec![
            wall("south", (0, 0), (5000, 0)),
            wall("east", (5000, 0), (5000, 4000)),
            wall("north", (5000, 4000), (0, 4000)),
            wall("west", (0, 4000), (0, 0)),
        ],
        openings: Vec::new(),
        rooms: Vec::new(),
        products: Vec::new(),
        customer: Customer::default(),
        quote: QuoteInfo::default(),
    }
}

/// A placed product at a position and rotation.
pub fn placed(id: &str, product: &str, at: (i64, i64), rotation: f64) -> PlacedProduct {
    PlacedProduct {
        id: ProductInstanceId::from(id),
        product: ProductId::from(product),
        options: BTreeMap::new(),
        position: PointMm::new(at.0, at.1),
        rotation,
        elevation: None,
        discount_percent: Decimal::ZERO,
    }
}

/// An opening on a wall at an offset.
pub fn opening(id: &str, product: &str, wall: &str, offset: i64) -> Opening {
    Opening {
        id: OpeningId::from(id),
        product: ProductId::from(product),
        options: BTreeMap::new(),
        wall: WallId::from(wall),
        offset: Mm(offset),
        sill: Mm(if product == "window" { 900 } else { 0 }),
        hinge: HingeSide::Start,
        swing: Swing::In,
    }
}
