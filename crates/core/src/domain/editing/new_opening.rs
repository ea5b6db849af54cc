//! A new door or window from the catalog: which wall it goes into (the one nearest the drop
//! point, or the selected wall), where along it, its sill, and which way a door opens.

use crate::domain::catalog::Configuration;
use crate::domain::catalog::configuration::ConfigurationEngine;
use crate::domain::catalog::{CatalogSet, ProductKind};
use crate::domain::editing::free_place_on_wall;
use crate::domain::geometry::{coord, distance_to_segment};
use crate::domain::layout::{HingeSide, Layout, Opening, Swing};
use crate::domain::measured::Structure;
use crate::domain::values::ids::{ProductId, WallId};
use crate::domain::values::units::{Mm, PointMm};

/// Sill height of a new window whose catalog entry names none (mm).
pub const DEFAULT_WINDOW_SILL_MM: i64 = 900;

/// Why no door or window could be made.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum NewOpeningError {
    /// The product is in no loaded catalog.
    #[error("`{0}` is in no loaded catalog")]
    UnknownProduct(ProductId),
    /// There is no wall (or none wide enough near the point) to put it into.
    #[error("{product} needs a wall: draw walls first (Walls and rooms → Draw walls)")]
    NoWall {
        /// The product's name.
        product: String,
    },
    /// The chosen wall has no free stretch as wide as the opening.
    #[error("{product} ({width_mm} mm wide) does not fit into wall {wall}")]
    DoesNotFit {
        /// The product's name.
        product: String,
        /// The opening's width.
        width_mm: i64,
        /// The wall.
        wall: WallId,
    },
}

/// A new door or window for `product` in the wall nearest `near` (or in `wall` when no point
/// is given): at the free place nearest the point (or the wall's middle), clear of corners,
/// walls ending on it and other openings, as `AddOpening` would put it.
///
/// # Errors
/// [`NewOpeningError`]: an unknown product, no wall, or a wall too short for it.
pub fn opening_in_wall(
    layout: &Layout,
    catalogs: &CatalogSet,
    structure: &Structure,
    product: &ProductId,
    near: Option<PointMm>,
    wall: Option<&WallId>,
) -> Result<Opening, NewOpeningError> {
    let Some((_, catalog_product)) = catalogs.product(product) else {
        return Err(NewOpeningError::UnknownProduct(product.clone()));
    };
    let (configuration, _) =
        ConfigurationEngine::new(catalog_product).resolve_or_defaults(&Configuration::new());
    let width = catalog_product.dimensions(&configuration).width;
    // Where on wall `index` it goes: the free place nearest the point (or the wall's middle),
    // clear of corners, partitions and the doors and windows already there.
    let place = |index: usize| {
        let geometry = structure.walls.get(index)?;
        let id = structure.wall_ids.get(index)?;
        let centre = near.map_or(geometry.length / 2.0, |point| {
            geometry.offset_of(coord(point))
        });
        let wanted = (centre - width.as_f64() / 2.0).max(0.0).round() as i64;
        free_place_on_wall(layout, catalogs, geometry, id, None, wanted, width.0)
            .ok()
            .flatten()
    };
    let index = match (wall, near) {
        (Some(id), None) => structure.wall_ids.iter().position(|known| known == id),
        (_, Some(point)) => {
            let point = coord(point);
            structure
                .walls
                .iter()
                .enumerate()
                .filter(|(index, _)| place(*index).is_some())
                .min_by(|(_, a), (_, b)| {
                    distance_to_segment(point, a.start, a.end)
                        .total_cmp(&distance_to_segment(point, b.start, b.end))
                })
                .map(|(index, _)| index)
        }
        (None, None) => None,
    };
    let found = index.and_then(|index| Some((index, structure.wall_ids.get(index)?)));
    let Some((index, wall_id)) = found else {
        return Err(NewOpeningError::NoWall {
            product: catalog_product.name.clone(),
        });
    };
    let Some(offset) = place(index) else {
        return Err(NewOpeningError::DoesNotFit {
            product: catalog_product.name.clone(),
            width_mm: width.0,
            wall: wall_id.clone(),
        });
    };
    let sill_mm = match catalog_product.kind {
        ProductKind::Window if catalog_product.elevation.0 == 0 => DEFAULT_WINDOW_SILL_MM,
        ProductKind::Window => catalog_product.elevation.0,
        _ => 0,
    };
    let room_on = |left: bool| {
        structure
            .rooms
            .iter()
            .any(|room| room.sides.contains(&(index, left)))
    };
    Ok(Opening {
        id: layout.next_opening_id(),
        product: product.clone(),
        options: Configuration::new(),
        wall: wall_id.clone(),
        offset: Mm(offset),
        sill: Mm(sill_mm),
        hinge: HingeSide::Start,
        // A door opens into the room beside it: `In` is the wall's left.
        swing: if !room_on(true) && room_on(false) {
            Swing::Out
        } else {
            Swing::In
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::constraints::test_support::{catalogs, room, wall};

    fn new_opening(
        layout: &Layout,
        product: &str,
        near: Option<PointMm>,
        wall: Option<&str>,
    ) -> Result<Opening, NewOpeningError> {
        let catalogs = catalogs();
        let structure = Structure::new(layout, &catalogs);
        opening_in_wall(
            layout,
            &catalogs,
            &structure,
            &ProductId::from(product),
            near,
            wall.map(WallId::from).as_ref(),
        )
    }

    #[test]
    fn a_dropped_door_goes_into_the_nearest_wall_centred_on_the_point() {
        let opening = new_opening(&room(), "door", Some(PointMm::new(4700, 2100)), None)
            .expect("the east wall has room");
        assert_eq!(opening.wall, WallId::from("east"));
        // 900 mm wide, centred 2100 mm along the east wall.
        assert_eq!(opening.offset, Mm(1650));
        assert_eq!(opening.sill, Mm(0));
        // The room lies to the left of its anticlockwise walls.
        assert_eq!(opening.swing, Swing::In);
    }

    #[test]
    fn a_window_without_a_drop_point_is_centred_in_the_selected_wall_at_its_sill() {
        let opening =
            new_opening(&room(), "window", None, Some("north")).expect("the north wall has room");
        assert_eq!(opening.wall, WallId::from("north"));
        assert_eq!(opening.offset, Mm(1900));
        assert_eq!(opening.sill, Mm(900));
    }

    #[test]
    fn a_door_in_a_clockwise_room_opens_to_the_walls_right() {
        let mut layout = room();
        for wall in &mut layout.walls {
            std::mem::swap(&mut wall.start, &mut wall.end);
        }
        let opening =
            new_opening(&layout, "door", None, Some("south")).expect("the south wall has room");
        assert_eq!(opening.swing, Swing::Out);
    }

    #[test]
    fn a_wall_whose_free_stretches_are_all_too_narrow_is_passed_over() {
        let mut layout = room();
        // Partitions every 900 mm along the south wall leave no gap a 900 mm door fits.
        for x in [900, 1800, 2700, 3600, 4500] {
            layout
                .walls
                .push(wall(&format!("p-{x}"), (x, 0), (x, 1500)));
        }
        let opening = new_opening(&layout, "door", Some(PointMm::new(2200, 100)), None)
            .expect("a partition has room");
        assert_eq!(opening.wall, WallId::from("p-1800"));
        assert!(matches!(
            new_opening(&layout, "door", None, Some("south")),
            Err(NewOpeningError::DoesNotFit { width_mm: 900, .. })
        ));
    }

    #[test]
    fn no_walls_a_short_wall_and_an_unknown_product_are_explained() {
        let mut empty = room();
        empty.walls.clear();
        assert_eq!(
            new_opening(&empty, "door", Some(PointMm::new(0, 0)), None),
            Err(NewOpeningError::NoWall {
                product: "door".into()
            })
        );
        let mut short = room();
        short.walls[0].end = PointMm::new(800, 0);
        assert!(matches!(
            new_opening(&short, "door", None, Some("south")),
            Err(NewOpeningError::DoesNotFit { .. })
        ));
        assert_eq!(
            new_opening(&room(), "sofa", None, Some("south")),
            Err(NewOpeningError::UnknownProduct(ProductId::from("sofa")))
        );
        assert!(matches!(
            new_opening(&room(), "door", None, Some("nowhere")),
            Err(NewOpeningError::NoWall { .. })
        ));
    }
}
