//! Everything the constraint rules measure, worked out once per check: wall bodies, rooms,
//! product footprints and clearance zones, opening positions and door swings.

use crate::domain::catalog::{CatalogSet, Dimensions, Product, ProductKind};
use crate::domain::configuration::{Configuration, ConfigurationEngine};
use crate::domain::geometry::rooms::{Room, detect_rooms};
use crate::domain::geometry::walls::{WallGeometry, wall_geometries};
use crate::domain::geometry::{Coord, OrientedRect, coord, sector};
use crate::domain::plan::{HingeSide, Layout, Opening, PlacedProduct, Swing};

/// Arc segments used to draw a door swing.
const SWING_SEGMENTS: usize = 12;

/// A placed product with its catalog entry, configuration and footprint.
#[derive(Debug, Clone)]
pub struct ProductPlacement<'a> {
    /// The placed product from the layout.
    pub placed: &'a PlacedProduct,
    /// Its catalog entry.
    pub product: &'a Product,
    /// The full configuration used (explicit choices plus defaults).
    pub configuration: Configuration,
    /// Rule messages when the explicit choices break catalog rules.
    pub configuration_conflicts: Vec<String>,
    /// Concrete size.
    pub dimensions: Dimensions,
    /// Footprint on the floor plan.
    pub footprint: OrientedRect,
    /// Height of the underside above the floor.
    pub bottom_mm: f64,
    /// Height of the top above the floor.
    pub top_mm: f64,
}

impl ProductPlacement<'_> {
    /// "Name (id)" for messages.
    #[must_use]
    pub fn label(&self) -> String {
        format!("{} ({})", self.product.name, self.placed.id)
    }

    /// True when the two products' vertical extents overlap.
    #[must_use]
    pub fn overlaps_vertically(&self, other: &ProductPlacement<'_>) -> bool {
        self.bottom_mm < other.top_mm - 0.5 && other.bottom_mm < self.top_mm - 0.5
    }
}

/// A door or window with its place on the wall.
#[derive(Debug, Clone)]
pub struct OpeningPlacement<'a> {
    /// The opening from the layout.
    pub opening: &'a Opening,
    /// Its catalog entry.
    pub product: &'a Product,
    /// Rule messages when the explicit choices break catalog rules.
    pub configuration_conflicts: Vec<String>,
    /// Index of its wall in the layout.
    pub wall: usize,
    /// Distance along the wall to the near edge.
    pub from_mm: f64,
    /// Distance along the wall to the far edge.
    pub to_mm: f64,
    /// Opening height.
    pub height_mm: f64,
    /// Sill height.
    pub sill_mm: f64,
    /// The floor area a door leaf sweeps, as a convex polygon (doors only).
    pub swing_zone: Option<Vec<Coord<f64>>>,
}

impl OpeningPlacement<'_> {
    /// "Name (id)" for messages.
    #[must_use]
    pub fn label(&self) -> String {
        format!("{} ({})", self.product.name, self.opening.id)
    }
}

/// A layout with every measured quantity the rules need.
#[derive(Debug)]
pub struct PlanContext<'a> {
    /// The layout checked.
    pub layout: &'a Layout,
    /// Wall geometry, in layout order.
    pub walls: Vec<WallGeometry>,
    /// Rooms formed by the walls.
    pub rooms: Vec<Room>,
    /// Placed products whose catalog entry was found, in layout order.
    pub products: Vec<ProductPlacement<'a>>,
    /// Openings whose product and wall were found, in layout order.
    pub openings: Vec<OpeningPlacement<'a>>,
    /// Solid stretches of wall (doorways left out) with the index of their wall.
    pub wall_solids: Vec<(usize, [Coord<f64>; 4])>,
}

impl<'a> PlanContext<'a> {
    /// Measures a layout. Products or openings whose catalog entry or wall is missing are left
    /// out: loading reports those as errors before any check runs.
    #[must_use]
    pub fn new(layout: &'a Layout, catalogs: &'a CatalogSet) -> Self {
        let walls = wall_geometries(&layout.walls);
        let rooms = detect_rooms(&layout.walls);
        let products = layout
            .products
            .iter()
            .filter_map(|placed| {
                let (_, product) = catalogs.product(&placed.product)?;
                Some(place_product(placed, product))
            })
            .collect();
        let openings: Vec<OpeningPlacement<'a>> = layout
            .openings
            .iter()
            .filter_map(|opening| {
                let (_, product) = catalogs.product(&opening.product)?;
                let wall = layout
                    .walls
                    .iter()
                    .position(|wall| wall.id == opening.wall)?;
                Some(place_opening(opening, product, wall, &walls[wall]))
            })
            .collect();
        let wall_solids = solid_stretches(&walls, &openings);
        Self {
            layout,
            walls,
            rooms,
            products,
            openings,
            wall_solids,
        }
    }
}

/// Each wall body cut at its doorways: products may stand in a doorway's gap but not in the wall.
fn solid_stretches(
    walls: &[WallGeometry],
    openings: &[OpeningPlacement<'_>],
) -> Vec<(usize, [Coord<f64>; 4])> {
    let mut solids = Vec::new();
    for (index, wall) in walls.iter().enumerate() {
        let mut doorways: Vec<(f64, f64)> = openings
            .iter()
            .filter(|placement| {
                placement.wall == index && placement.product.kind == ProductKind::Door
            })
            .map(|placement| (placement.from_mm, placement.to_mm))
            .collect();
        doorways.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut from = -wall.start_extension;
        for (gap_from, gap_to) in doorways {
            if gap_from > from {
                solids.push((index, wall.body_between(from, gap_from)));
            }
            from = from.max(gap_to);
        }
        let end = wall.length + wall.end_extension;
        if end > from {
            solids.push((index, wall.body_between(from, end)));
        }
    }
    solids
}

/// Works out a product's footprint from its configuration and placement.
#[must_use]
pub fn place_product<'a>(placed: &'a PlacedProduct, product: &'a Product) -> ProductPlacement<'a> {
    let (configuration, configuration_conflicts) =
        ConfigurationEngine::new(product).resolve_or_defaults(&placed.options);
    let dimensions = product.dimensions(&configuration);
    let footprint = OrientedRect::new(
        coord(placed.position),
        dimensions.width.as_f64(),
        dimensions.depth.as_f64(),
        placed.rotation,
    );
    let bottom_mm = placed.elevation.unwrap_or(product.elevation).as_f64();
    ProductPlacement {
        placed,
        product,
        configuration,
        configuration_conflicts,
        dimensions,
        footprint,
        bottom_mm,
        top_mm: bottom_mm + dimensions.height.as_f64(),
    }
}

fn place_opening<'a>(
    opening: &'a Opening,
    product: &'a Product,
    wall_index: usize,
    wall: &WallGeometry,
) -> OpeningPlacement<'a> {
    let (configuration, configuration_conflicts) =
        ConfigurationEngine::new(product).resolve_or_defaults(&opening.options);
    let dimensions = product.dimensions(&configuration);
    let from_mm = opening.offset.as_f64();
    let width = dimensions.width.as_f64();
    let to_mm = from_mm + width;
    let swing_zone = (product.kind == ProductKind::Door).then(|| {
        let side = match opening.swing {
            Swing::In => wall.left,
            Swing::Out => -wall.left,
        };
        let (hinge_at, closed_towards) = match opening.hinge {
            HingeSide::Start => (from_mm, wall.along),
            HingeSide::End => (to_mm, -wall.along),
        };
        let hinge = wall.point_at(hinge_at) + side * wall.half_thickness;
        sector(hinge, width, closed_towards, side, SWING_SEGMENTS)
    });
    OpeningPlacement {
        opening,
        product,
        configuration_conflicts,
        wall: wall_index,
        from_mm,
        to_mm,
        height_mm: dimensions.height.as_f64(),
        sill_mm: opening.sill.as_f64(),
        swing_zone,
    }
}
