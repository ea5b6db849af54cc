//! Edits of doors and windows: setting them into walls, removing, sliding, option choices, hinge
//! and swing; and the width of an opening, which keeping openings in their walls needs.

use super::EditError;
use super::checks::{check_choices, check_new_id, list_catalog_of};
use super::keep_openings::free_offset_nearest;
use crate::domain::catalog::Configuration;
use crate::domain::catalog::configuration::ConfigurationEngine;
use crate::domain::catalog::{CatalogSet, OptionValue, Product, ProductKind};
use crate::domain::geometry::walls::{WallGeometry, wall_geometries};
use crate::domain::layout::Changes;
use crate::domain::layout::{HingeSide, Layout, MAX_SILL_MM, Opening, Swing};
use crate::domain::values::ids::{OpeningId, OptionId, WallId};
use crate::domain::values::units::{MAX_COORDINATE_MM, Mm};

pub(super) fn add(
    layout: &mut Layout,
    catalogs: &CatalogSet,
    opening: &Opening,
) -> Result<Changes, EditError> {
    check_new_id(layout, opening.id.as_str())?;
    let product = opening_product(catalogs, opening)?;
    if !product.kind.is_opening() {
        return Err(EditError::NotAnOpeningProduct(product.id.clone()));
    }
    let wall = layout
        .walls
        .iter()
        .position(|wall| wall.id == opening.wall)
        .ok_or_else(|| EditError::UnknownWall(opening.wall.clone()))?;
    check_offset(opening.offset)?;
    if !(0..=MAX_SILL_MM).contains(&opening.sill.0) {
        return Err(EditError::SillOutOfRange(opening.sill));
    }
    if product.kind == ProductKind::Door && opening.sill.0 != 0 {
        return Err(EditError::DoorWithSill(opening.sill));
    }
    check_choices(product, &opening.options)?;
    let width = product_width(product, &opening.options);
    let geometry = &wall_geometries(&layout.walls)[wall];
    let offset = free_place_on_wall(
        layout,
        catalogs,
        geometry,
        &opening.wall,
        None,
        opening.offset.0,
        width.0,
    )?
    .ok_or_else(|| EditError::NoRoomForOpening {
        wall: opening.wall.clone(),
        width,
    })?;
    list_catalog_of(layout, catalogs, &opening.product);
    let mut opening = opening.clone();
    opening.offset = Mm(offset);
    layout.openings.push(opening);
    Ok(Changes::all())
}

/// The place on wall `wall` (measured as `geometry`) nearest `wanted` where an opening `width`
/// mm wide fits, clear of the corners, of walls ending on it and of its other doors and windows
/// (`moving`, the one being placed, left out); `None` when no free stretch is wide enough.
///
/// # Errors
/// A door or window on the wall whose product no loaded catalog has.
pub fn free_place_on_wall(
    layout: &Layout,
    catalogs: &CatalogSet,
    geometry: &WallGeometry,
    wall: &WallId,
    moving: Option<&OpeningId>,
    wanted: i64,
    width: i64,
) -> Result<Option<i64>, EditError> {
    let mut taken = Vec::new();
    for other in layout
        .openings
        .iter()
        .filter(|other| &other.wall == wall && Some(&other.id) != moving)
    {
        taken.push((other.offset.0, opening_width(catalogs, other)?.0));
    }
    Ok(free_offset_nearest(geometry, &taken, wanted, width))
}

pub(super) fn delete(layout: &mut Layout, id: &OpeningId) -> Result<Changes, EditError> {
    let index = opening_index(layout, id)?;
    layout.openings.remove(index);
    Ok(Changes::all())
}

/// Slides an opening: to `offset` if it is free there, else to the nearest free place on its
/// wall clear of the corners and of its neighbours (a drag stops against them).
pub(super) fn move_to(
    layout: &mut Layout,
    catalogs: &CatalogSet,
    id: &OpeningId,
    offset: Mm,
) -> Result<Changes, EditError> {
    let index = opening_index(layout, id)?;
    check_offset(offset)?;
    let moving = &layout.openings[index];
    let offset = match layout.walls.iter().position(|wall| wall.id == moving.wall) {
        Some(wall) => {
            let width = opening_width(catalogs, moving)?;
            let geometry = &wall_geometries(&layout.walls)[wall];
            free_place_on_wall(
                layout,
                catalogs,
                geometry,
                &moving.wall,
                Some(id),
                offset.0,
                width.0,
            )?
            .map_or(moving.offset, Mm)
        }
        None => offset,
    };
    let opening = &mut layout.openings[index];
    let mut changes = Changes::default();
    if opening.offset != offset {
        opening.offset = offset;
        changes.openings.insert(id.clone());
    }
    Ok(changes)
}

pub(super) fn set_option(
    layout: &mut Layout,
    catalogs: &CatalogSet,
    id: &OpeningId,
    option: &OptionId,
    value: &OptionValue,
) -> Result<Changes, EditError> {
    let index = opening_index(layout, id)?;
    let opening = &layout.openings[index];
    let mut changes = Changes::default();
    if opening.options.get(option) != Some(value) {
        let product = opening_product(catalogs, opening)?;
        let mut options = opening.options.clone();
        options.insert(option.clone(), value.clone());
        check_choices(product, &options)?;
        layout.openings[index].options = options;
        changes.openings.insert(id.clone());
    }
    Ok(changes)
}

pub(super) fn flip_hinge(layout: &mut Layout, id: &OpeningId) -> Result<Changes, EditError> {
    let index = opening_index(layout, id)?;
    let opening = &mut layout.openings[index];
    opening.hinge = match opening.hinge {
        HingeSide::Start => HingeSide::End,
        HingeSide::End => HingeSide::Start,
    };
    let mut changes = Changes::default();
    changes.openings.insert(id.clone());
    Ok(changes)
}

pub(super) fn flip_swing(layout: &mut Layout, id: &OpeningId) -> Result<Changes, EditError> {
    let index = opening_index(layout, id)?;
    let opening = &mut layout.openings[index];
    opening.swing = match opening.swing {
        Swing::In => Swing::Out,
        Swing::Out => Swing::In,
    };
    let mut changes = Changes::default();
    changes.openings.insert(id.clone());
    Ok(changes)
}

/// The width of an opening as configured (explicit choices completed with defaults).
///
/// # Errors
/// The opening's product is in no catalog.
pub(super) fn opening_width(catalogs: &CatalogSet, opening: &Opening) -> Result<Mm, EditError> {
    let product = opening_product(catalogs, opening)?;
    Ok(product_width(product, &opening.options))
}

fn product_width(product: &Product, explicit: &Configuration) -> Mm {
    let (configuration, _) = ConfigurationEngine::new(product).resolve_or_defaults(explicit);
    product.dimensions(&configuration).width
}

fn check_offset(offset: Mm) -> Result<(), EditError> {
    if (0..=MAX_COORDINATE_MM).contains(&offset.0) {
        Ok(())
    } else {
        Err(EditError::OffsetOutOfRange(offset))
    }
}

fn opening_index(layout: &Layout, id: &OpeningId) -> Result<usize, EditError> {
    layout
        .openings
        .iter()
        .position(|opening| &opening.id == id)
        .ok_or_else(|| EditError::UnknownOpening(id.clone()))
}

fn opening_product<'c>(
    catalogs: &'c CatalogSet,
    opening: &Opening,
) -> Result<&'c Product, EditError> {
    catalogs
        .product(&opening.product)
        .map(|(_, product)| product)
        .ok_or_else(|| EditError::UnknownCatalogProduct(opening.product.clone()))
}

#[cfg(test)]
mod tests;
