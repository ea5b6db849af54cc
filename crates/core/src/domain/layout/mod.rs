//! The layout document: walls, openings, placed products, customer and quote fields (here),
//! with what lives beside it: room names, starting rooms, what an edit changed, product order.
//!
//! The document is exactly what a save file holds; every element has a stable id.

mod changes;
pub(crate) mod order;
pub mod room_name;
pub mod room_templates;

pub use changes::Changes;
pub use room_name::RoomName;

use crate::domain::catalog::{Configuration, Personalization};
use crate::domain::values::date::IsoDate;
use crate::domain::values::ids::{CatalogId, OpeningId, ProductId, ProductInstanceId, WallId};
use crate::domain::values::money::decimal_number;
use crate::domain::values::units::{Mm, PointMm};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The save-file format version this build writes.
pub const FORMAT_VERSION: u32 = 2;

/// Shortest wall an edit may make: shorter ones would fall inside the tolerance within which
/// wall ends count as one corner.
pub const MIN_WALL_LENGTH_MM: i64 = 10;

/// Thinnest wall accepted (in save files and edits).
pub const MIN_WALL_THICKNESS_MM: i64 = 10;

/// Thickest wall accepted (in save files and edits).
pub const MAX_WALL_THICKNESS_MM: i64 = 2_000;

/// Lowest wall accepted (in save files and edits).
pub const MIN_WALL_HEIGHT_MM: i64 = 100;

/// Highest wall accepted (in save files and edits).
pub const MAX_WALL_HEIGHT_MM: i64 = 10_000;

/// Highest sill of a window accepted (in save files and edits).
pub const MAX_SILL_MM: i64 = 5_000;

/// A whole plan: what the user edits and saves.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Layout {
    /// Save-file format version.
    pub format_version: u32,
    /// Catalogs (and their versions) the layout's products come from.
    pub catalogs: Vec<CatalogRef>,
    /// Walls in drawing order.
    #[serde(default)]
    pub walls: Vec<Wall>,
    /// Doors and windows set into walls.
    #[serde(default)]
    pub openings: Vec<Opening>,
    /// Names given to rooms, each keyed by one of the room's walls and the side it lies on
    /// (rooms themselves are found from closed wall loops). Left out of files when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rooms: Vec<RoomName>,
    /// Products placed in the rooms.
    #[serde(default)]
    pub products: Vec<PlacedProduct>,
    /// Who the quote is for.
    #[serde(default)]
    pub customer: Customer,
    /// Quote number, date, validity and discount.
    #[serde(default)]
    pub quote: QuoteInfo,
}

impl Layout {
    /// An empty layout of this build's format that may use products of these catalogs.
    #[must_use]
    pub fn new(catalogs: Vec<CatalogRef>) -> Self {
        Self {
            format_version: FORMAT_VERSION,
            catalogs,
            walls: Vec::new(),
            openings: Vec::new(),
            rooms: Vec::new(),
            products: Vec::new(),
            customer: Customer::default(),
            quote: QuoteInfo::default(),
        }
    }

    /// The wall with this id.
    #[must_use]
    pub fn wall(&self, id: &WallId) -> Option<&Wall> {
        self.walls.iter().find(|wall| &wall.id == id)
    }

    /// The placed product with this id.
    #[must_use]
    pub fn product(&self, id: &ProductInstanceId) -> Option<&PlacedProduct> {
        self.products.iter().find(|product| &product.id == id)
    }

    /// The opening with this id.
    #[must_use]
    pub fn opening(&self, id: &OpeningId) -> Option<&Opening> {
        self.openings.iter().find(|opening| &opening.id == id)
    }

    /// True when a wall, opening or product already has this id.
    #[must_use]
    pub fn uses_id(&self, id: &str) -> bool {
        self.walls.iter().any(|wall| wall.id.as_str() == id)
            || self
                .openings
                .iter()
                .any(|opening| opening.id.as_str() == id)
            || self
                .products
                .iter()
                .any(|product| product.id.as_str() == id)
    }

    /// A fresh product id `p-<n>`, unique among the ids of walls, openings and products: one
    /// more than the largest `n` in use.
    #[must_use]
    pub fn next_product_id(&self) -> ProductInstanceId {
        ProductInstanceId(self.next_id("p-"))
    }

    /// A fresh wall id `w-<n>`, unique among the ids of walls, openings and products: one more
    /// than the largest `n` in use.
    #[must_use]
    pub fn next_wall_id(&self) -> WallId {
        WallId(self.next_id("w-"))
    }

    /// A fresh opening id `o-<n>`, unique among the ids of walls, openings and products: one
    /// more than the largest `n` in use.
    #[must_use]
    pub fn next_opening_id(&self) -> OpeningId {
        OpeningId(self.next_id("o-"))
    }

    /// The name given to the room on one side of a wall (`left` of its start-to-end direction).
    #[must_use]
    pub fn room_name(&self, wall: &WallId, left: bool) -> Option<&str> {
        self.rooms
            .iter()
            .find(|room| &room.wall == wall && room.left == left)
            .map(|room| room.name.as_str())
    }

    /// `<prefix><n>` with `n` one more than the largest number any element id with that prefix
    /// carries (or the first free number when that would overflow).
    fn next_id(&self, prefix: &str) -> String {
        let ids = self
            .walls
            .iter()
            .map(|wall| wall.id.as_str())
            .chain(self.openings.iter().map(|opening| opening.id.as_str()))
            .chain(self.products.iter().map(|product| product.id.as_str()));
        let used: std::collections::BTreeSet<u64> = ids
            .filter_map(|id| id.strip_prefix(prefix))
            .filter(|digits| !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
            .filter_map(|digits| digits.parse::<u64>().ok())
            .collect();
        let next = match used.last() {
            None => 1,
            Some(largest) => largest.checked_add(1).unwrap_or_else(|| {
                // Every number up to the largest cannot be in use: take the first gap.
                (1..).find(|n| !used.contains(n)).unwrap_or(0)
            }),
        };
        format!("{prefix}{next}")
    }
}

/// A catalog a layout depends on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogRef {
    /// The catalog's id.
    pub id: CatalogId,
    /// The catalog version the layout was priced with.
    pub version: String,
}

/// A straight wall between two points (its centre line), with a thickness and height.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Wall {
    /// Stable id.
    pub id: WallId,
    /// Start of the centre line.
    pub start: PointMm,
    /// End of the centre line.
    pub end: PointMm,
    /// Thickness, centred on the line.
    pub thickness: Mm,
    /// Height above the floor.
    pub height: Mm,
}

/// Which end of the opening the door leaf hangs from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum HingeSide {
    /// The edge nearer the wall's start point.
    Start,
    /// The edge nearer the wall's end point.
    End,
}

/// Which side of the wall the door leaf swings to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Swing {
    /// To the left of the wall's direction (start to end): inside a room drawn anticlockwise.
    In,
    /// To the right of the wall's direction: outside a room drawn anticlockwise.
    Out,
}

/// A door or window set into a wall.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Opening {
    /// Stable id.
    pub id: OpeningId,
    /// The door or window product; its configuration gives width and height.
    pub product: ProductId,
    /// Explicit option choices for the product.
    #[serde(default)]
    pub options: Configuration,
    /// The wall it is set into.
    pub wall: WallId,
    /// Distance along the wall's centre line from the wall's start to the opening's near edge.
    pub offset: Mm,
    /// Height of the opening's bottom above the floor (0 for doors).
    #[serde(default)]
    pub sill: Mm,
    /// Hinge side of a door leaf.
    #[serde(default = "default_hinge")]
    pub hinge: HingeSide,
    /// Swing direction of a door leaf.
    #[serde(default = "default_swing")]
    pub swing: Swing,
}

fn default_hinge() -> HingeSide {
    HingeSide::Start
}

fn default_swing() -> Swing {
    Swing::In
}

/// A product placed in the plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlacedProduct {
    /// Stable id.
    pub id: ProductInstanceId,
    /// The catalog product.
    pub product: ProductId,
    /// Explicit option choices; unset options take their defaults.
    #[serde(default)]
    pub options: Configuration,
    /// Centre of the footprint.
    pub position: PointMm,
    /// Anticlockwise rotation in degrees; at 0 the product's front faces +y.
    #[serde(default)]
    pub rotation: f64,
    /// Height of the product's underside above the floor; absent means the catalog's default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub elevation: Option<Mm>,
    /// Line discount in percent.
    #[serde(default, with = "decimal_number")]
    pub discount_percent: Decimal,
    /// Engraved texts and printed images, by personalization id. Left out of files when empty.
    #[serde(default, skip_serializing_if = "Personalization::is_empty")]
    pub personal: Personalization,
}

/// The customer the quote is addressed to.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Customer {
    /// Name of person or company.
    #[serde(default)]
    pub name: String,
    /// Postal address, lines separated by newlines.
    #[serde(default)]
    pub address: String,
    /// E-mail address.
    #[serde(default)]
    pub email: String,
    /// Phone number.
    #[serde(default)]
    pub phone: String,
}

/// Fields of the quote itself.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuoteInfo {
    /// Quote reference or number.
    #[serde(default)]
    pub reference: String,
    /// Date of the quote.
    pub date: IsoDate,
    /// Days the quote stays valid.
    pub valid_days: u32,
    /// Discount on the whole quote in percent.
    #[serde(default, with = "decimal_number")]
    pub discount_percent: Decimal,
}

impl Default for QuoteInfo {
    fn default() -> Self {
        Self {
            reference: String::new(),
            date: IsoDate(time::Date::MIN),
            valid_days: 30,
            discount_percent: Decimal::ZERO,
        }
    }
}

impl QuoteInfo {
    /// The last day the quote is valid.
    #[must_use]
    pub fn valid_until(&self) -> IsoDate {
        let days = time::Duration::days(i64::from(self.valid_days));
        IsoDate(self.date.0.checked_add(days).unwrap_or(time::Date::MAX))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validity_counts_days_from_the_quote_date() -> Result<(), time::error::Parse> {
        let info = QuoteInfo {
            date: IsoDate::parse("2026-11-22")?,
            valid_days: 30,
            ..QuoteInfo::default()
        };
        assert_eq!(info.valid_until().to_string(), "2026-12-22");
        assert!(IsoDate::parse("2026-02-30").is_err());
        Ok(())
    }

    #[test]
    fn the_next_product_id_follows_the_largest_number_in_use() {
        let mut layout = Layout::new(Vec::new());
        assert_eq!(layout.next_product_id().as_str(), "p-1");
        for id in ["p-sofa", "p-7", "p-3", "p-", "p-9x"] {
            layout.products.push(PlacedProduct {
                id: ProductInstanceId::from(id),
                product: ProductId::from("sofa"),
                options: Configuration::new(),
                position: PointMm::new(0, 0),
                rotation: 0.0,
                elevation: None,
                discount_percent: Decimal::ZERO,
                personal: Default::default(),
            });
        }
        assert_eq!(layout.next_product_id().as_str(), "p-8");
        assert!(layout.uses_id("p-7") && !layout.uses_id("p-8"));
        // Numbers too large to count up from are stepped over: the result is still unused.
        layout.products[0].id = ProductInstanceId::from("p-99999999999999999999999");
        assert!(!layout.uses_id(layout.next_product_id().as_str()));
        layout.products[0].id = ProductInstanceId(format!("p-{}", u64::MAX));
        assert_eq!(layout.next_product_id().as_str(), "p-1");
    }

    #[test]
    fn wall_and_opening_ids_count_on_from_their_own_prefix_across_all_elements() {
        let mut layout = Layout::new(Vec::new());
        assert_eq!(layout.next_wall_id().as_str(), "w-1");
        assert_eq!(layout.next_opening_id().as_str(), "o-1");
        layout.walls.push(Wall {
            id: WallId::from("w-4"),
            start: PointMm::new(0, 0),
            end: PointMm::new(1000, 0),
            thickness: Mm(100),
            height: Mm(2500),
        });
        // A product that happens to carry a wall-like id still takes the number.
        layout.products.push(PlacedProduct {
            id: ProductInstanceId::from("w-9"),
            product: ProductId::from("sofa"),
            options: Configuration::new(),
            position: PointMm::new(0, 0),
            rotation: 0.0,
            elevation: None,
            discount_percent: Decimal::ZERO,
            personal: Default::default(),
        });
        layout.products.push(PlacedProduct {
            id: ProductInstanceId::from("o-2"),
            ..layout.products[0].clone()
        });
        assert_eq!(layout.next_wall_id().as_str(), "w-10");
        assert_eq!(layout.next_opening_id().as_str(), "o-3");
        assert_eq!(layout.next_product_id().as_str(), "p-1");
        assert_eq!(layout.room_name(&WallId::from("w-4"), true), None);
    }
}
