//! Every edit of the document, as data, and the one pure function that applies it: checked
//! against the catalogs first, so an invalid edit leaves the layout untouched.

mod changes;
mod error;

pub use changes::Changes;
pub use error::EditError;

use crate::domain::catalog::{CatalogSet, OptionValue, Product};
use crate::domain::configuration::{Configuration, ConfigurationEngine, ConfigurationError};
use crate::domain::ids::{OpeningId, OptionId, ProductId, ProductInstanceId, is_valid_id};
use crate::domain::plan::{
    CatalogRef, Customer, HingeSide, Layout, Opening, PlacedProduct, QuoteInfo, Swing,
};
use crate::domain::units::{MAX_COORDINATE_MM, Mm, PointMm, normalize_deg};
use rust_decimal::Decimal;

/// Highest elevation of a product's underside accepted (as in save files).
pub const MAX_ELEVATION_MM: i64 = 5_000;

/// Longest quote validity accepted, in days (as in save files).
pub const MAX_VALID_DAYS: u32 = 3_650;

/// A change to the document.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// Replaces the whole layout (new, open, recover).
    ReplaceLayout(Box<Layout>),
    /// Places a product; its id must be new (see [`Layout::next_product_id`]). The product's
    /// catalog joins the layout's list of catalogs when it is not yet there.
    AddProduct(PlacedProduct),
    /// Removes a placed product.
    DeleteProduct(ProductInstanceId),
    /// Moves and turns a placed product; the rotation is brought into `[0, 360)`.
    MoveProduct {
        /// The product.
        id: ProductInstanceId,
        /// New centre.
        position: PointMm,
        /// New rotation in degrees anticlockwise.
        rotation_deg: f64,
    },
    /// Sets (or, with `None`, resets to the catalog's default) the height of a product's underside.
    SetElevation {
        /// The product.
        id: ProductInstanceId,
        /// New elevation.
        elevation: Option<Mm>,
    },
    /// Makes an explicit option choice; refused when the explicit choices could then no longer
    /// be completed into a product that can be made.
    SetOption {
        /// The product.
        id: ProductInstanceId,
        /// The option.
        option: OptionId,
        /// The chosen value.
        value: OptionValue,
    },
    /// Clears every explicit choice: the product goes back to the catalog's defaults.
    ResetOptions(ProductInstanceId),
    /// Sets a product's line discount.
    SetDiscount {
        /// The product.
        id: ProductInstanceId,
        /// Discount in percent, 0 to 100.
        discount_percent: Decimal,
    },
    /// Slides a door or window along its wall.
    MoveOpening {
        /// The opening.
        id: OpeningId,
        /// New distance from the wall's start to the near edge.
        offset: Mm,
    },
    /// Makes an explicit option choice for a door or window (checked like [`Edit::SetOption`]).
    SetOpeningOption {
        /// The opening.
        id: OpeningId,
        /// The option.
        option: OptionId,
        /// The chosen value.
        value: OptionValue,
    },
    /// Hangs a door leaf from the other side.
    FlipHinge(OpeningId),
    /// Makes a door swing to the other side of its wall.
    FlipSwing(OpeningId),
    /// Replaces the customer fields.
    SetCustomer(Customer),
    /// Replaces the quote fields.
    SetQuoteInfo(QuoteInfo),
}

/// Applies an edit and says what it touched (nothing, for an edit that changes nothing).
///
/// # Errors
/// An unknown element, a duplicate or invalid id, a product no catalog has, an option or value
/// the catalog does not offer, choices that break the catalog's rules, or a number out of range.
/// The layout is then left untouched.
pub fn apply_edit(
    layout: &mut Layout,
    catalogs: &CatalogSet,
    edit: &Edit,
) -> Result<Changes, EditError> {
    let mut changes = Changes::default();
    match edit {
        Edit::ReplaceLayout(replacement) => {
            *layout = (**replacement).clone();
            return Ok(Changes::all());
        }
        Edit::AddProduct(placed) => {
            let id = placed.id.as_str();
            if !is_valid_id(id) {
                return Err(EditError::InvalidId(id.to_owned()));
            }
            if layout.uses_id(id) {
                return Err(EditError::DuplicateId(id.to_owned()));
            }
            let product = catalog_product(catalogs, placed)?;
            check_position(placed.position)?;
            let rotation = checked_rotation(placed.rotation)?;
            check_elevation(placed.elevation)?;
            check_discount(placed.discount_percent)?;
            check_choices(product, &placed.options)?;
            list_catalog_of(layout, catalogs, &placed.product);
            let mut placed = placed.clone();
            placed.rotation = rotation;
            changes.added.insert(placed.id.clone());
            layout.products.push(placed);
        }
        Edit::DeleteProduct(id) => {
            let index = product_index(layout, id)?;
            layout.products.remove(index);
            changes.removed.insert(id.clone());
        }
        Edit::MoveProduct {
            id,
            position,
            rotation_deg,
        } => {
            let index = product_index(layout, id)?;
            check_position(*position)?;
            let rotation = checked_rotation(*rotation_deg)?;
            let placed = &mut layout.products[index];
            if placed.position != *position || placed.rotation.to_bits() != rotation.to_bits() {
                placed.position = *position;
                placed.rotation = rotation;
                changes.moved.insert(id.clone());
            }
        }
        Edit::SetElevation { id, elevation } => {
            let index = product_index(layout, id)?;
            check_elevation(*elevation)?;
            let placed = &mut layout.products[index];
            if placed.elevation != *elevation {
                placed.elevation = *elevation;
                changes.moved.insert(id.clone());
            }
        }
        Edit::SetOption { id, option, value } => {
            let index = product_index(layout, id)?;
            let placed = &layout.products[index];
            if placed.options.get(option) != Some(value) {
                let product = catalog_product(catalogs, placed)?;
                let mut options = placed.options.clone();
                options.insert(option.clone(), value.clone());
                check_choices(product, &options)?;
                layout.products[index].options = options;
                changes.reconfigured.insert(id.clone());
            }
        }
        Edit::ResetOptions(id) => {
            let index = product_index(layout, id)?;
            let placed = &mut layout.products[index];
            if !placed.options.is_empty() {
                placed.options.clear();
                changes.reconfigured.insert(id.clone());
            }
        }
        Edit::SetDiscount {
            id,
            discount_percent,
        } => {
            let index = product_index(layout, id)?;
            check_discount(*discount_percent)?;
            let placed = &mut layout.products[index];
            // Compared as written: the quote shows 5 and 5.0 differently.
            if placed.discount_percent.serialize() != discount_percent.serialize() {
                placed.discount_percent = *discount_percent;
                changes.reconfigured.insert(id.clone());
            }
        }
        Edit::MoveOpening { id, offset } => {
            let index = opening_index(layout, id)?;
            if !(0..=MAX_COORDINATE_MM).contains(&offset.0) {
                return Err(EditError::OffsetOutOfRange(*offset));
            }
            let opening = &mut layout.openings[index];
            if opening.offset != *offset {
                opening.offset = *offset;
                changes.openings.insert(id.clone());
            }
        }
        Edit::SetOpeningOption { id, option, value } => {
            let index = opening_index(layout, id)?;
            let opening = &layout.openings[index];
            if opening.options.get(option) != Some(value) {
                let product = opening_product(catalogs, opening)?;
                let mut options = opening.options.clone();
                options.insert(option.clone(), value.clone());
                check_choices(product, &options)?;
                layout.openings[index].options = options;
                changes.openings.insert(id.clone());
            }
        }
        Edit::FlipHinge(id) => {
            let index = opening_index(layout, id)?;
            let opening = &mut layout.openings[index];
            opening.hinge = match opening.hinge {
                HingeSide::Start => HingeSide::End,
                HingeSide::End => HingeSide::Start,
            };
            changes.openings.insert(id.clone());
        }
        Edit::FlipSwing(id) => {
            let index = opening_index(layout, id)?;
            let opening = &mut layout.openings[index];
            opening.swing = match opening.swing {
                Swing::In => Swing::Out,
                Swing::Out => Swing::In,
            };
            changes.openings.insert(id.clone());
        }
        Edit::SetCustomer(customer) => {
            if layout.customer != *customer {
                layout.customer = customer.clone();
                changes.quote_fields = true;
            }
        }
        Edit::SetQuoteInfo(info) => {
            check_discount(info.discount_percent)?;
            if info.valid_days > MAX_VALID_DAYS {
                return Err(EditError::ValidDaysOutOfRange(info.valid_days));
            }
            if layout.quote != *info
                || layout.quote.discount_percent.serialize() != info.discount_percent.serialize()
            {
                layout.quote = info.clone();
                changes.quote_fields = true;
            }
        }
    }
    Ok(changes)
}

/// Lists the catalog a product comes from among the layout's catalogs, so the saved layout
/// names every catalog it needs.
fn list_catalog_of(layout: &mut Layout, catalogs: &CatalogSet, product: &ProductId) {
    let Some((catalog, _)) = catalogs.product(product) else {
        return;
    };
    if !layout.catalogs.iter().any(|known| known.id == catalog.id) {
        layout.catalogs.push(CatalogRef {
            id: catalog.id.clone(),
            version: catalog.version.clone(),
        });
    }
}

fn product_index(layout: &Layout, id: &ProductInstanceId) -> Result<usize, EditError> {
    layout
        .products
        .iter()
        .position(|placed| &placed.id == id)
        .ok_or_else(|| EditError::UnknownProduct(id.clone()))
}

fn opening_index(layout: &Layout, id: &OpeningId) -> Result<usize, EditError> {
    layout
        .openings
        .iter()
        .position(|opening| &opening.id == id)
        .ok_or_else(|| EditError::UnknownOpening(id.clone()))
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

fn opening_product<'c>(
    catalogs: &'c CatalogSet,
    opening: &Opening,
) -> Result<&'c Product, EditError> {
    catalogs
        .product(&opening.product)
        .map(|(_, product)| product)
        .ok_or_else(|| EditError::UnknownCatalogProduct(opening.product.clone()))
}

fn check_position(position: PointMm) -> Result<(), EditError> {
    if position.x.0.abs() > MAX_COORDINATE_MM || position.y.0.abs() > MAX_COORDINATE_MM {
        return Err(EditError::PositionOutOfRange(position));
    }
    Ok(())
}

fn checked_rotation(rotation_deg: f64) -> Result<f64, EditError> {
    if rotation_deg.is_finite() {
        Ok(normalize_deg(rotation_deg))
    } else {
        Err(EditError::RotationNotFinite)
    }
}

fn check_elevation(elevation: Option<Mm>) -> Result<(), EditError> {
    match elevation {
        Some(height) if !(0..=MAX_ELEVATION_MM).contains(&height.0) => {
            Err(EditError::ElevationOutOfRange(height))
        }
        _ => Ok(()),
    }
}

fn check_discount(percent: Decimal) -> Result<(), EditError> {
    if percent.is_sign_negative() && !percent.is_zero() || percent > Decimal::ONE_HUNDRED {
        return Err(EditError::DiscountOutOfRange(percent));
    }
    Ok(())
}

/// Every explicit choice is an option and value of the product, and together they can still be
/// completed into a configuration that breaks no rule.
fn check_choices(product: &Product, explicit: &Configuration) -> Result<(), EditError> {
    for (option, value) in explicit {
        let def = product
            .option(option)
            .ok_or_else(|| EditError::UnknownOption {
                product: product.id.clone(),
                option: option.clone(),
            })?;
        if !def.allows(value) {
            return Err(EditError::ValueNotAllowed {
                product: product.id.clone(),
                option: option.clone(),
                value: value.clone(),
            });
        }
    }
    let engine = ConfigurationEngine::new(product);
    let refused = |error| configuration_error(product, error);
    if engine.is_completable(explicit).map_err(refused)? {
        return Ok(());
    }
    // Not completable: the engine's resolution names the rules to blame.
    match engine.resolve(explicit) {
        Err(error) => Err(refused(error)),
        Ok(_) => Err(EditError::Conflict {
            messages: Vec::new(),
        }),
    }
}

fn configuration_error(product: &Product, error: ConfigurationError) -> EditError {
    match error {
        ConfigurationError::UnknownOption(option) => EditError::UnknownOption {
            product: product.id.clone(),
            option,
        },
        ConfigurationError::ValueNotAllowed { option, value } => EditError::ValueNotAllowed {
            product: product.id.clone(),
            option,
            value,
        },
        ConfigurationError::Conflict { messages } => EditError::Conflict { messages },
        ConfigurationError::TooComplex => EditError::TooComplex(product.id.clone()),
    }
}

#[cfg(test)]
pub(crate) mod strategies;
#[cfg(test)]
mod tests;
