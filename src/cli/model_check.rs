//! Checks the glTF models a catalog names: the file exists under `assets/`, parses as glTF,
//! and its size is close to the product's fixed dimensions.

use room_planner_core::domain::catalog::{Appearance, Catalog, Dimension};
use room_planner_core::domain::units::Mm;
use std::path::Path;

/// Largest relative difference between a model's size and the catalog size still accepted.
const SIZE_TOLERANCE: f64 = 0.15;

/// What checking one catalog's models found.
#[derive(Debug, Default)]
pub(super) struct ModelReport {
    /// Models that loaded.
    pub checked: usize,
    /// Problems, each naming the product and the file.
    pub problems: Vec<String>,
}

/// Checks every model of a catalog against the files in `assets`.
pub(super) fn check_models(catalog: &Catalog, assets: &Path) -> ModelReport {
    let mut report = ModelReport::default();
    for product in &catalog.products {
        let Appearance::Model { path } = &product.appearance else {
            continue;
        };
        let file = assets.join(path);
        let bytes = match std::fs::read(&file) {
            Ok(bytes) => bytes,
            Err(error) => {
                report.problems.push(format!(
                    "product `{}`: model {}: {error}",
                    product.id,
                    file.display()
                ));
                continue;
            }
        };
        let gltf = match gltf::Gltf::from_slice(&bytes) {
            Ok(gltf) => gltf,
            Err(error) => {
                report.problems.push(format!(
                    "product `{}`: model {} is not valid glTF: {error}",
                    product.id,
                    file.display()
                ));
                continue;
            }
        };
        let (mut low, mut high) = ([f32::MAX; 3], [f32::MIN; 3]);
        for mesh in gltf.document.meshes() {
            for primitive in mesh.primitives() {
                let bounds = primitive.bounding_box();
                for axis in 0..3 {
                    low[axis] = low[axis].min(bounds.min[axis]);
                    high[axis] = high[axis].max(bounds.max[axis]);
                }
            }
        }
        report.checked += 1;
        // glTF: x across, y up, z front to back.
        let model_mm = [0, 2, 1].map(|axis| f64::from(high[axis] - low[axis]) * 1000.0);
        let catalog_mm = [
            &product.size.width,
            &product.size.depth,
            &product.size.height,
        ]
        .map(|d| match d {
            Dimension::Fixed(Mm(size)) => Some(*size as f64),
            _ => None,
        });
        for ((name, model), catalog) in ["width", "depth", "height"]
            .iter()
            .zip(model_mm)
            .zip(catalog_mm)
        {
            if let Some(catalog) = catalog
                && (model - catalog).abs() > catalog * SIZE_TOLERANCE
            {
                report.problems.push(format!(
                    "product `{}`: model {} is {model:.0} mm in {name}, the catalog says {catalog:.0} mm",
                    product.id,
                    file.display()
                ));
            }
        }
    }
    report
}
