//! Checks the glTF models a catalog names: the file exists under `assets/` (also after following
//! links), parses as glTF, and its size is close to the product's fixed dimensions. Every problem
//! is located at the product's `model` in the catalog file.

use room_planner_core::domain::catalog::{Appearance, Catalog, Dimension};
use room_planner_core::domain::values::units::Mm;
use room_planner_core::storage::error::LoadError;
use room_planner_core::storage::inside_folder::resolve_inside;
use std::path::Path;

/// Largest relative difference between a model's size and the catalog size still accepted.
const SIZE_TOLERANCE: f64 = 0.15;

/// What checking one catalog's models found.
#[derive(Debug, Default)]
pub(super) struct ModelReport {
    /// Models that loaded.
    pub checked: usize,
    /// Problems, each located at the product's model in the catalog file.
    pub problems: Vec<LoadError>,
}

/// Checks every model of a catalog (read from `catalog_file`, whose text is `text`) against the
/// files in `assets`.
pub(super) fn check_models(
    catalog: &Catalog,
    catalog_file: &Path,
    text: &str,
    assets: &Path,
) -> ModelReport {
    let mut report = ModelReport::default();
    for product in &catalog.products {
        let Appearance::Model { path } = &product.appearance else {
            continue;
        };
        let file = assets.join(path);
        let problem = |message: String| {
            LoadError::at_field(
                catalog_file,
                text,
                &[("id", Some(product.id.as_str())), ("appearance", None)],
                format!(
                    "product `{}`: model {}{message}",
                    product.id,
                    file.display()
                ),
            )
        };
        let bytes = match resolve_inside(assets, Path::new(path))
            .map_err(|error| error.to_string())
            .and_then(|real| {
                std::fs::read(real).map_err(|error| format!("cannot be read: {error}"))
            }) {
            Ok(bytes) => bytes,
            Err(error) => {
                report.problems.push(problem(format!(" {error}")));
                continue;
            }
        };
        let gltf = match gltf::Gltf::from_slice(&bytes) {
            Ok(gltf) => gltf,
            Err(error) => {
                report
                    .problems
                    .push(problem(format!(" is not valid glTF: {error}")));
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
                report.problems.push(problem(format!(
                    " is {model:.0} mm in {name}, the catalog says {catalog:.0} mm"
                )));
            }
        }
    }
    report
}
