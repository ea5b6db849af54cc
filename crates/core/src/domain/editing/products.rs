//! Edits of placed products: adding, deleting, moving, lifting, option choices and discounts.

use super::EditError;
use super::checks::{
    check_choices, check_discount, check_elevation, check_new_id, check_position, checked_rotation,
    list_catalog_of,
};
use super::grow_from_walls::centre_after_resize;
use crate::domain::catalog::{
    CatalogSet, OptionValue, PersonalDef, PersonalKind, PersonalValue, Product,
    is_layout_image_path,
};
use crate::domain::geometry::walls::wall_geometries;
use crate::domain::layout::Changes;
use crate::domain::layout::{Layout, PlacedProduct};
use crate::domain::measured::ProductPlacement;
use crate::domain::values::ids::{OptionId, ProductInstanceId};
use crate::domain::values::units::{Mm, PointMm};
use rust_decimal::Decimal;

pub(super) fn add(
    layout: &mut Layout,
    catalogs: &CatalogSet,
    placed: &PlacedProduct,
) -> Result<Changes, EditError> {
    check_new_id(layout, placed.id.as_str())?;
    let product = catalog_product(catalogs, placed)?;
    check_position(placed.position)?;
    let rotation = checked_rotation(placed.rotation)?;
    check_elevation(placed.elevation)?;
    check_discount(placed.discount_percent)?;
    check_choices(product, &placed.options)?;
    list_catalog_of(layout, catalogs, &placed.product);
    let mut placed = placed.clone();
    placed.rotation = rotation;
    let mut changes = Changes::default();
    changes.added.insert(placed.id.clone());
    layout.products.push(placed);
    Ok(changes)
}

pub(super) fn delete(layout: &mut Layout, id: &ProductInstanceId) -> Result<Changes, EditError> {
    let index = product_index(layout, id)?;
    layout.products.remove(index);
    let mut changes = Changes::default();
    changes.removed.insert(id.clone());
    Ok(changes)
}

pub(super) fn move_to(
    layout: &mut Layout,
    id: &ProductInstanceId,
    position: PointMm,
    rotation_deg: f64,
) -> Result<Changes, EditError> {
    let index = product_index(layout, id)?;
    check_position(position)?;
    let rotation = checked_rotation(rotation_deg)?;
    let placed = &mut layout.products[index];
    let mut changes = Changes::default();
    if placed.position != position || placed.rotation.to_bits() != rotation.to_bits() {
        placed.position = position;
        placed.rotation = rotation;
        changes.moved.insert(id.clone());
    }
    Ok(changes)
}

pub(super) fn set_elevation(
    layout: &mut Layout,
    id: &ProductInstanceId,
    elevation: Option<Mm>,
) -> Result<Changes, EditError> {
    let index = product_index(layout, id)?;
    check_elevation(elevation)?;
    let placed = &mut layout.products[index];
    let mut changes = Changes::default();
    if placed.elevation != elevation {
        placed.elevation = elevation;
        changes.moved.insert(id.clone());
    }
    Ok(changes)
}

pub(super) fn set_option(
    layout: &mut Layout,
    catalogs: &CatalogSet,
    id: &ProductInstanceId,
    option: &OptionId,
    value: &OptionValue,
) -> Result<Changes, EditError> {
    let index = product_index(layout, id)?;
    let placed = &layout.products[index];
    let mut changes = Changes::default();
    if placed.options.get(option) != Some(value) {
        let product = catalog_product(catalogs, placed)?;
        let mut options = placed.options.clone();
        options.insert(option.clone(), value.clone());
        check_choices(product, &options)?;
        let before = ProductPlacement::new(placed, product);
        let mut resized = placed.clone();
        resized.options = options;
        let after = ProductPlacement::new(&resized, product);
        // Against a wall, a product made wider or deeper grows away from the wall.
        if after.dimensions.width != before.dimensions.width
            || after.dimensions.depth != before.dimensions.depth
        {
            let centre = centre_after_resize(
                &wall_geometries(&layout.walls),
                &before.footprint,
                after.dimensions.width.as_f64(),
                after.dimensions.depth.as_f64(),
            );
            let moved = PointMm::new(centre.x.round() as i64, centre.y.round() as i64);
            if moved != resized.position {
                resized.position = moved;
                changes.moved.insert(id.clone());
            }
        }
        layout.products[index] = resized;
        changes.reconfigured.insert(id.clone());
    }
    Ok(changes)
}

pub(super) fn set_personal(
    layout: &mut Layout,
    catalogs: &CatalogSet,
    id: &ProductInstanceId,
    personal: &str,
    value: Option<&PersonalValue>,
) -> Result<Changes, EditError> {
    let index = product_index(layout, id)?;
    let placed = &layout.products[index];
    let mut changes = Changes::default();
    if placed.personal.get(personal) == value {
        return Ok(changes);
    }
    let product = catalog_product(catalogs, placed)?;
    let def = product.personal_def(personal).ok_or_else(|| {
        EditError::Personalization(format!(
            "product `{}` offers no personalization `{personal}`",
            product.id
        ))
    })?;
    if let Some(value) = value {
        check_personal_value(def, value).map_err(EditError::Personalization)?;
    }
    let placed = &mut layout.products[index];
    match value {
        Some(value) => {
            placed.personal.insert(personal.to_owned(), value.clone());
        }
        None => {
            placed.personal.remove(personal);
        }
    }
    changes.reconfigured.insert(id.clone());
    Ok(changes)
}

/// A value the personalization accepts: a text that can be engraved in an offered font and
/// colour, or an image under the layout's `images/` folder (its pixels are checked when it is
/// chosen and when the layout opens).
fn check_personal_value(def: &PersonalDef, value: &PersonalValue) -> Result<(), String> {
    match (&def.kind, value) {
        (PersonalKind::Text(spec), PersonalValue::Text { text, font, colour }) => {
            spec.check(text)
                .map_err(|problem| format!("{}: {problem}", def.label))?;
            if !spec.fonts.contains(font) {
                return Err(format!(
                    "{}: font {} is not offered",
                    def.label,
                    font.label()
                ));
            }
            if spec.colour(colour).is_none() {
                return Err(format!("{}: colour `{colour}` is not offered", def.label));
            }
            Ok(())
        }
        (PersonalKind::Image(_), PersonalValue::Image { file }) => {
            if is_layout_image_path(file) {
                Ok(())
            } else {
                Err(format!(
                    "{}: `{file}` is not in the layout's images/ folder",
                    def.label
                ))
            }
        }
        (PersonalKind::Text(_), PersonalValue::Image { .. }) => {
            Err(format!("{} is a text, not an image", def.label))
        }
        (PersonalKind::Image(_), PersonalValue::Text { .. }) => {
            Err(format!("{} is an image, not a text", def.label))
        }
    }
}

pub(super) fn reset_options(
    layout: &mut Layout,
    id: &ProductInstanceId,
) -> Result<Changes, EditError> {
    let index = product_index(layout, id)?;
    let placed = &mut layout.products[index];
    let mut changes = Changes::default();
    if !placed.options.is_empty() {
        placed.options.clear();
        changes.reconfigured.insert(id.clone());
    }
    Ok(changes)
}

pub(super) fn set_discount(
    layout: &mut Layout,
    id: &ProductInstanceId,
    discount_percent: Decimal,
) -> Result<Changes, EditError> {
    let index = product_index(layout, id)?;
    check_discount(discount_percent)?;
    let placed = &mut layout.products[index];
    let mut changes = Changes::default();
    // Compared as written: the quote shows 5 and 5.0 differently.
    if placed.discount_percent.serialize() != discount_percent.serialize() {
        placed.discount_percent = discount_percent;
        changes.reconfigured.insert(id.clone());
    }
    Ok(changes)
}

fn product_index(layout: &Layout, id: &ProductInstanceId) -> Result<usize, EditError> {
    layout
        .products
        .iter()
        .position(|placed| &placed.id == id)
        .ok_or_else(|| EditError::UnknownProduct(id.clone()))
}

/// The catalog entry of a placed product, which must be a floor or wall product.
fn catalog_product<'c>(
    catalogs: &'c CatalogSet,
    placed: &PlacedProduct,
) -> Result<&'c Product, EditError> {
    let (_, product) = catalogs
        .product(&placed.product)
        .ok_or_else(|| EditError::UnknownCatalogProduct(placed.product.clone()))?;
    if product.kind.is_opening() {
        return Err(EditError::OpeningProduct(product.id.clone()));
    }
    Ok(product)
}
