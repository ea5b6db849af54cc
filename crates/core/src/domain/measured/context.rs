//! A whole layout measured at once (for the batch check, the plan drawing and the PDF plan): the
//! plan's structure and every product's placement, with a spatial index of the footprints.

use super::placement::ProductPlacement;
use super::structure::Structure;
use crate::domain::catalog::CatalogSet;
use crate::domain::catalog::configuration::ResolveMemo;
use crate::domain::geometry::{Bounds, Indexed, indexed};
use crate::domain::layout::Layout;
use rstar::RTree;

/// A layout with every measured quantity the rules need. Owns its data.
#[derive(Debug, Clone)]
pub struct PlanContext {
    /// Walls, rooms and openings.
    pub structure: Structure,
    /// Placed products whose catalog entry was found, in layout order.
    pub products: Vec<ProductPlacement>,
    product_index: RTree<Indexed<usize>>,
}

impl PlanContext {
    /// Measures a layout. Products or openings whose catalog entry or wall is missing are left
    /// out: loading reports those as errors before any check runs.
    #[must_use]
    pub fn new(layout: &Layout, catalogs: &CatalogSet) -> Self {
        let structure = Structure::new(layout, catalogs);
        let mut memo = ResolveMemo::default();
        let products: Vec<ProductPlacement> = layout
            .products
            .iter()
            .filter_map(|placed| {
                let (_, product) = catalogs.product(&placed.product)?;
                let resolved = memo.resolve(product, &placed.options);
                Some(ProductPlacement::with_resolved(placed, product, resolved))
            })
            .collect();
        let product_index = RTree::bulk_load(
            products
                .iter()
                .enumerate()
                .map(|(position, placement)| indexed(placement.bounds(), position))
                .collect(),
        );
        Self {
            structure,
            products,
            product_index,
        }
    }

    /// Positions in `products` of the footprints whose bounds meet `bounds`, ascending.
    pub(crate) fn products_touching(&self, bounds: &Bounds) -> Vec<usize> {
        let mut found: Vec<usize> = self
            .product_index
            .locate_in_envelope_intersecting(bounds)
            .map(|entry| entry.data)
            .collect();
        found.sort_unstable();
        found
    }
}
