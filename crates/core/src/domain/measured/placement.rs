//! Placed products and openings measured once for every reader (rules, 3D scene, plan views,
//! PDF): owned values (no borrow of the layout or catalogs), so a long-lived checker can keep
//! them between edits.

use crate::domain::catalog::Configuration;
use crate::domain::catalog::configuration::{ConfigurationEngine, Resolved};
use crate::domain::catalog::{Dimensions, PersonalValue, Product, ProductKind};
use crate::domain::geometry::walls::WallGeometry;
use crate::domain::geometry::{Bounds, bounds_of};
use crate::domain::geometry::{Coord, OrientedRect, coord};
use crate::domain::layout::{Opening, PlacedProduct};
use crate::domain::values::ids::{ElementId, OpeningId, ProductId, ProductInstanceId};
use crate::domain::values::units::{Mm, PointMm};

use super::door_leaf::DoorLeaf;
use super::wall_pieces::Gap;

/// A placed product with its resolved configuration, size and footprint.
#[derive(Debug, Clone, PartialEq)]
pub struct ProductPlacement {
    /// The placed product's id in the layout.
    pub id: ProductInstanceId,
    /// The catalog product.
    pub product_id: ProductId,
    /// The catalog product's name.
    pub name: String,
    /// The engraved texts that apply, for the plan label (in catalog order).
    pub engraved: Vec<String>,
    /// How the product is placed.
    pub kind: ProductKind,
    /// Other products may stand on top of this one.
    pub stackable: bool,
    /// Free depth the product needs in front.
    pub front_clearance: Mm,
    /// Centre of the footprint, as placed.
    pub position: PointMm,
    /// Rotation as placed, in degrees anticlockwise.
    pub rotation_deg: f64,
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

impl ProductPlacement {
    /// Measures a placed product, resolving its configuration.
    #[must_use]
    pub fn new(placed: &PlacedProduct, product: &Product) -> Self {
        let resolved = ConfigurationEngine::new(product).resolve_or_defaults(&placed.options);
        Self::with_resolved(placed, product, resolved)
    }

    /// Measures a placed product whose configuration is already resolved (as
    /// [`ConfigurationEngine::resolve_or_defaults`] gives it for `placed.options`).
    #[must_use]
    pub fn with_resolved(placed: &PlacedProduct, product: &Product, resolved: Resolved) -> Self {
        let (configuration, configuration_conflicts) = resolved;
        let dimensions = product.dimensions(&configuration);
        let footprint = OrientedRect::new(
            coord(placed.position),
            dimensions.width.as_f64(),
            dimensions.depth.as_f64(),
            placed.rotation,
        );
        let bottom_mm = placed.elevation.unwrap_or(product.elevation).as_f64();
        let engraved = if placed.personal.is_empty() {
            Vec::new()
        } else {
            product
                .applied_personal(&configuration, &placed.personal)
                .into_iter()
                .filter_map(|(_, value)| match value {
                    PersonalValue::Text { text, .. } => Some(text.replace('\n', " / ")),
                    PersonalValue::Image { .. } => None,
                })
                .collect()
        };
        Self {
            id: placed.id.clone(),
            product_id: product.id.clone(),
            name: product.name.clone(),
            engraved,
            kind: product.kind,
            stackable: product.stackable,
            front_clearance: product.clearance.front,
            position: placed.position,
            rotation_deg: placed.rotation,
            configuration,
            configuration_conflicts,
            dimensions,
            footprint,
            bottom_mm,
            top_mm: bottom_mm + dimensions.height.as_f64(),
        }
    }

    /// The same product moved: only position, rotation and height change.
    #[must_use]
    pub fn moved_to(&self, placed: &PlacedProduct, product: &Product) -> Self {
        let resolved = (
            self.configuration.clone(),
            self.configuration_conflicts.clone(),
        );
        Self::with_resolved(placed, product, resolved)
    }

    /// The placed element, as a message names it.
    #[must_use]
    pub fn element(&self) -> ElementId {
        self.id.clone().into()
    }

    /// True when the two products' vertical extents overlap.
    #[must_use]
    pub fn overlaps_vertically(&self, other: &ProductPlacement) -> bool {
        self.bottom_mm < other.top_mm - 0.5 && other.bottom_mm < self.top_mm - 0.5
    }

    /// The access zone in front, when the product needs one.
    #[must_use]
    pub fn front_zone(&self) -> Option<OrientedRect> {
        let front = self.front_clearance.as_f64();
        (front > 0.0).then(|| self.footprint.front_zone(front))
    }

    /// Axis-aligned bounds of the footprint.
    #[must_use]
    pub fn bounds(&self) -> Bounds {
        bounds_of(&self.footprint.corners())
    }

    /// Axis-aligned bounds of the front access zone, when there is one.
    #[must_use]
    pub fn front_zone_bounds(&self) -> Option<Bounds> {
        self.front_zone().map(|zone| bounds_of(&zone.corners()))
    }
}

/// Works out a product's footprint from its configuration and placement.
#[must_use]
pub fn place_product(placed: &PlacedProduct, product: &Product) -> ProductPlacement {
    ProductPlacement::new(placed, product)
}

/// A door or window with its place on the wall.
#[derive(Debug, Clone, PartialEq)]
pub struct OpeningPlacement {
    /// The opening's id in the layout.
    pub id: OpeningId,
    /// The door or window product.
    pub product_id: ProductId,
    /// The product's name.
    pub name: String,
    /// Door or window.
    pub kind: ProductKind,
    /// The full configuration used (explicit choices plus defaults).
    pub configuration: Configuration,
    /// Rule messages when the explicit choices break catalog rules.
    pub configuration_conflicts: Vec<String>,
    /// Concrete size of the opening.
    pub dimensions: Dimensions,
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
    /// The door's leaf: hinge, open tip and the floor area it sweeps (doors only).
    pub leaf: Option<DoorLeaf>,
}

impl OpeningPlacement {
    /// Measures an opening on its wall (`wall_index` in the layout, `wall` its geometry).
    #[must_use]
    pub fn new(
        opening: &Opening,
        product: &Product,
        wall_index: usize,
        wall: &WallGeometry,
    ) -> Self {
        let resolved = ConfigurationEngine::new(product).resolve_or_defaults(&opening.options);
        Self::with_resolved(opening, product, resolved, wall_index, wall)
    }

    /// As [`OpeningPlacement::new`], with the configuration already resolved (from a memo
    /// shared by many openings of the same product).
    #[must_use]
    pub fn with_resolved(
        opening: &Opening,
        product: &Product,
        resolved: Resolved,
        wall_index: usize,
        wall: &WallGeometry,
    ) -> Self {
        let (configuration, configuration_conflicts) = resolved;
        let dimensions = product.dimensions(&configuration);
        let from_mm = opening.offset.as_f64();
        let width = dimensions.width.as_f64();
        let to_mm = from_mm + width;
        let leaf = (product.kind == ProductKind::Door)
            .then(|| DoorLeaf::new(wall, from_mm, to_mm, opening.hinge, opening.swing));
        Self {
            id: opening.id.clone(),
            product_id: product.id.clone(),
            name: product.name.clone(),
            kind: product.kind,
            configuration,
            configuration_conflicts,
            dimensions,
            wall: wall_index,
            from_mm,
            to_mm,
            height_mm: dimensions.height.as_f64(),
            sill_mm: opening.sill.as_f64(),
            leaf,
        }
    }

    /// The placed element, as a message names it.
    #[must_use]
    pub fn element(&self) -> ElementId {
        self.id.clone().into()
    }

    /// The gap the opening cuts in its wall.
    #[must_use]
    pub fn gap(&self) -> Gap {
        Gap {
            from_mm: self.from_mm,
            to_mm: self.to_mm,
            sill_mm: self.sill_mm,
            head_mm: self.sill_mm + self.height_mm,
        }
    }

    /// The door leaf's swept floor area, as a convex polygon (none for windows).
    #[must_use]
    pub fn swing_zone(&self) -> Option<&[Coord<f64>]> {
        self.leaf.as_ref().map(DoorLeaf::zone)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::constraints::test_support::{catalogs, placed};

    #[test]
    fn a_placement_owns_what_the_rules_read_and_a_move_keeps_the_configuration() {
        let catalogs = catalogs();
        let (_, cabinet) = catalogs.product(&"cabinet".into()).expect("test product");
        let mut at = placed("p1", "cabinet", (1000, 1000), 90.0);
        let placement = ProductPlacement::new(&at, cabinet);
        assert_eq!(placement.element().to_string(), "product p1");
        assert_eq!(placement.front_clearance, Mm(600));
        assert!(placement.front_zone().is_some());
        assert_eq!(placement.top_mm, 800.0);

        at.position = PointMm::new(2000, 1000);
        let moved = placement.moved_to(&at, cabinet);
        assert_eq!(moved, ProductPlacement::new(&at, cabinet));
        assert!((moved.footprint.centre.x - 2000.0).abs() < 1e-9);
    }
}
