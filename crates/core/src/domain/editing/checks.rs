//! Checks shared by several edits: points, angles, elevations and discounts in range, option
//! choices allowed by the catalog, and the catalog list a new element's product joins.

use super::{EditError, MAX_ELEVATION_MM};
use crate::domain::catalog::Configuration;
use crate::domain::catalog::configuration::{ConfigurationEngine, ConfigurationError};
use crate::domain::catalog::{CatalogSet, Product};
use crate::domain::layout::{CatalogRef, Layout};
use crate::domain::values::ids::{ProductId, is_valid_id};
use crate::domain::values::units::{Mm, PointMm, normalize_deg};
use rust_decimal::Decimal;

/// A valid id that no wall, opening or product uses yet.
pub(super) fn check_new_id(layout: &Layout, id: &str) -> Result<(), EditError> {
    if !is_valid_id(id) {
        return Err(EditError::InvalidId(id.to_owned()));
    }
    if layout.uses_id(id) {
        return Err(EditError::DuplicateId(id.to_owned()));
    }
    Ok(())
}

/// Lists the catalog a product comes from among the layout's catalogs, so the saved layout
/// names every catalog it needs.
pub(super) fn list_catalog_of(layout: &mut Layout, catalogs: &CatalogSet, product: &ProductId) {
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

pub(super) fn check_position(position: PointMm) -> Result<(), EditError> {
    if !position.is_within_plan() {
        return Err(EditError::PositionOutOfRange(position));
    }
    Ok(())
}

pub(super) fn checked_rotation(rotation_deg: f64) -> Result<f64, EditError> {
    if rotation_deg.is_finite() {
        Ok(normalize_deg(rotation_deg))
    } else {
        Err(EditError::RotationNotFinite)
    }
}

pub(super) fn check_elevation(elevation: Option<Mm>) -> Result<(), EditError> {
    match elevation {
        Some(height) if !(0..=MAX_ELEVATION_MM).contains(&height.0) => {
            Err(EditError::ElevationOutOfRange(height))
        }
        _ => Ok(()),
    }
}

pub(super) fn check_discount(percent: Decimal) -> Result<(), EditError> {
    if percent.is_sign_negative() && !percent.is_zero() || percent > Decimal::ONE_HUNDRED {
        return Err(EditError::DiscountOutOfRange(percent));
    }
    Ok(())
}

/// Every explicit choice is an option and value of the product, and together they can still be
/// completed into a configuration that breaks no rule.
pub(super) fn check_choices(product: &Product, explicit: &Configuration) -> Result<(), EditError> {
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
