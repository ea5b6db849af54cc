//! The top-down plan as shapes to draw, in plan millimetres: the one drawing the screen, the PNG
//! render and the PDF quote all draw. The measured plan's full-height wall pieces (gaps at every
//! opening), its door leaves with their swing arcs, window marks, product footprints, room floors
//! with their names and areas, and architectural dimension lines ([`super::dimensions`]); the
//! labels are placed on it for one text size by [`super::labels`].

use super::dimensions::{DimensionMark, dimension_marks};
use super::room_keys::room_name;
use crate::domain::catalog::ProductKind;
use crate::domain::geometry::{Coord, extent};
use crate::domain::layout::Layout;
pub use crate::domain::measured::DoorLeaf;
use crate::domain::measured::{PlanContext, ProductPlacement, Structure, WallPiece};
use crate::domain::values::ids::ProductInstanceId;
use std::collections::BTreeMap;

/// A door or window, drawn in the gap it cuts through its wall.
#[derive(Debug, Clone, PartialEq)]
pub struct OpeningMark {
    /// The opening's catalog name.
    pub name: String,
    /// Door or window.
    pub kind: ProductKind,
    /// Centre-line point at the opening's near edge.
    pub from: Coord<f64>,
    /// Centre-line point at the opening's far edge.
    pub to: Coord<f64>,
    /// Unit vector across the wall (to its left side).
    pub across: Coord<f64>,
    /// Half the wall's thickness.
    pub half_thickness: f64,
    /// For doors: the open leaf (hinge to leaf tip) and the arc its tip sweeps from closed to open.
    pub leaf: Option<DoorLeaf>,
}

/// A product's footprint with what its label says.
#[derive(Debug, Clone, PartialEq)]
pub struct ProductMark {
    /// The placed product.
    pub id: ProductInstanceId,
    /// Corners anticlockwise: back-left, back-right, front-right, front-left.
    pub corners: [Coord<f64>; 4],
    /// Centre of the footprint.
    pub centre: Coord<f64>,
    /// Rotation in degrees, anticlockwise.
    pub rotation_deg: f64,
    /// The quote line this product is on.
    pub position: Option<usize>,
    /// Product name.
    pub name: String,
    /// Width (side to side).
    pub width_mm: i64,
    /// Depth (back to front).
    pub depth_mm: i64,
    /// Hangs on a wall above the floor (drawn dashed).
    pub wall_mounted: bool,
}

/// A room's floor with what its label says.
#[derive(Debug, Clone, PartialEq)]
pub struct RoomMark {
    /// The floor inside the walls' inner faces, anticlockwise.
    pub floor: Vec<Coord<f64>>,
    /// The name given to the room, if any.
    pub name: Option<String>,
    /// Net floor area in mm².
    pub net_area_mm2: f64,
    /// A point well inside the floor, clear of the furniture where the floor has room.
    pub label_at: Coord<f64>,
}

/// Everything drawn on the plan.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PlanDrawing {
    /// Room floors, largest first.
    pub rooms: Vec<RoomMark>,
    /// Solid wall pieces as convex polygons.
    pub walls: Vec<[Coord<f64>; 4]>,
    /// Doors and windows.
    pub openings: Vec<OpeningMark>,
    /// Products, floor ones first, in layout order.
    pub products: Vec<ProductMark>,
    /// Dimension lines: wall faces chained at their openings, inner lengths, overall sizes.
    pub dimensions: Vec<DimensionMark>,
}

impl PlanDrawing {
    /// Moves the dimension lines outside the walls to their distance for text `text_mm` high.
    pub fn set_text_size(&mut self, text_mm: f64) {
        for mark in &mut self.dimensions {
            mark.set_text_size(text_mm);
        }
    }

    /// Lowest and highest corner of everything drawn, or `None` for an empty plan.
    #[must_use]
    pub fn bounds(&self) -> Option<(Coord<f64>, Coord<f64>)> {
        let points = self
            .walls
            .iter()
            .flatten()
            .chain(self.products.iter().flat_map(|mark| mark.corners.iter()))
            .chain(
                self.dimensions
                    .iter()
                    .flat_map(|mark| [&mark.line.0, &mark.line.1]),
            )
            .chain(
                self.openings
                    .iter()
                    .filter_map(|mark| mark.leaf.as_ref())
                    .flat_map(|leaf| leaf.arc().iter()),
            );
        extent(points)
    }
}

/// The drawing of a measured layout; `positions` gives each product's quote line.
#[must_use]
pub fn plan_drawing(
    layout: &Layout,
    context: &PlanContext,
    positions: &BTreeMap<ProductInstanceId, usize>,
) -> PlanDrawing {
    plan_drawing_of(layout, &context.structure, &context.products, positions)
}

/// The drawing of a measured structure and products (in the order given, wall units last), as
/// the window's live checker keeps them.
#[must_use]
pub fn plan_drawing_of<'p>(
    layout: &Layout,
    structure: &Structure,
    measured_products: impl IntoIterator<Item = &'p ProductPlacement>,
    positions: &BTreeMap<ProductInstanceId, usize>,
) -> PlanDrawing {
    let walls = structure
        .wall_pieces
        .iter()
        .flatten()
        .filter(|piece| piece.is_full_height())
        .map(|piece: &WallPiece| piece.footprint)
        .collect();
    let openings = structure
        .openings
        .iter()
        .map(|placement| {
            let wall = &structure.walls[placement.wall];
            OpeningMark {
                name: placement.name.clone(),
                kind: placement.kind,
                from: wall.point_at(placement.from_mm),
                to: wall.point_at(placement.to_mm),
                across: wall.left,
                half_thickness: wall.half_thickness,
                leaf: placement.leaf.clone(),
            }
        })
        .collect();
    let mut products: Vec<ProductMark> = measured_products
        .into_iter()
        .map(|placement| ProductMark {
            id: placement.id.clone(),
            corners: placement.footprint.corners(),
            centre: placement.footprint.centre,
            rotation_deg: placement.rotation_deg,
            position: positions.get(&placement.id).copied(),
            // An engraved product's label shows its text: Eika dining table “Anna & Tom”.
            name: if placement.engraved.is_empty() {
                placement.name.clone()
            } else {
                let texts: Vec<String> = placement
                    .engraved
                    .iter()
                    .map(|text| format!("“{text}”"))
                    .collect();
                format!("{} {}", placement.name, texts.join(" "))
            },
            width_mm: placement.dimensions.width.0,
            depth_mm: placement.dimensions.depth.0,
            wall_mounted: placement.kind == ProductKind::WallMounted,
        })
        .collect();
    products.sort_by_key(|mark| mark.wall_mounted);
    let floor_footprints: Vec<[Coord<f64>; 4]> = products
        .iter()
        .filter(|mark| !mark.wall_mounted)
        .map(|mark| mark.corners)
        .collect();
    let rooms = structure
        .rooms
        .iter()
        .enumerate()
        .map(|(index, room)| RoomMark {
            floor: room.floor.clone(),
            name: room_name(layout, structure, index).map(str::to_owned),
            net_area_mm2: room.net_area_mm2,
            label_at: room.label_point_clear_of(&furniture_in(&floor_footprints, &room.floor)),
        })
        .collect();
    let dimensions = dimension_marks(structure, &floor_footprints);
    PlanDrawing {
        rooms,
        walls,
        openings,
        products,
        dimensions,
    }
}

/// The footprints whose bounds meet the bounds of `floor`.
fn furniture_in(footprints: &[[Coord<f64>; 4]], floor: &[Coord<f64>]) -> Vec<[Coord<f64>; 4]> {
    let Some((low, high)) = extent(floor.iter()) else {
        return Vec::new();
    };
    footprints
        .iter()
        .filter(|corners| {
            extent(corners.iter()).is_some_and(|(a, b)| {
                a.x <= high.x && b.x >= low.x && a.y <= high.y && b.y >= low.y
            })
        })
        .copied()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::constraints::test_support::{catalogs, opening, placed, room};
    use crate::domain::geometry::length;

    #[test]
    fn a_door_cuts_its_wall_and_swings_a_quarter_circle() {
        let mut plan = room();
        plan.openings.push(opening("d1", "door", "south", 1000));
        plan.openings.push(opening("win", "window", "north", 1000));
        plan.products
            .push(placed("c1", "cabinet", (2000, 2000), 0.0));
        let catalogs = catalogs();
        let context = PlanContext::new(&plan, &catalogs);
        let positions = BTreeMap::from([(ProductInstanceId::from("c1"), 1)]);
        let drawing = plan_drawing(&plan, &context, &positions);
        assert_eq!(drawing.walls.len(), 6, "four walls, two cut in two");
        assert!(drawing.openings[1].leaf.is_none(), "windows have no leaf");
        let leaf = drawing.openings[0]
            .leaf
            .as_ref()
            .expect("a door has a leaf");
        let radius = length(leaf.open_tip - leaf.hinge);
        assert!(
            leaf.arc()
                .iter()
                .all(|point| (length(*point - leaf.hinge) - radius).abs() < 1e-6)
        );
        assert_eq!(drawing.products[0].position, Some(1));
        assert_eq!(drawing.products[0].width_mm, 1000);
        let (low, high) = drawing.bounds().expect("not empty");
        assert!(low.x < 0.0 && high.x > 5000.0);
    }
}
