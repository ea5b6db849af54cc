//! A layout checked against the catalogs it names: the catalogs present, every product known and
//! of the right kind, option values allowed; a catalog version other than the one the layout was
//! priced with is a warning.

use crate::domain::catalog::{CatalogSet, ProductKind};
use crate::domain::catalog::{Configuration, Personalization};
use crate::domain::layout::Layout;
use crate::domain::values::ids::ProductId;
use crate::domain::values::units::Mm;
use crate::storage::error::{FileProblem, LoadError};
use crate::storage::locate::{Needle, SourceText};
use std::path::Path;

/// Checks a parsed layout against the catalogs: catalogs present, products known and of the
/// right kind, option values allowed. Returns warnings (a catalog version differs from the one
/// the layout was priced with).
///
/// # Errors
/// Every reference problem, located in the layout text.
pub fn check_references(
    path: &Path,
    text: &str,
    layout: &Layout,
    catalogs: &CatalogSet,
) -> Result<Vec<String>, LoadError> {
    let source = SourceText::new(text);
    let mut problems = Vec::new();
    let mut warnings = Vec::new();
    let mut report = |place: &[(Needle<'_>, usize)], message: String| {
        let (line, column) = source.locate(place);
        problems.push(FileProblem {
            path: path.to_owned(),
            line,
            column,
            message,
        });
    };
    for reference in &layout.catalogs {
        match catalogs.catalog(&reference.id) {
            None => report(
                &[
                    (Needle::Key("catalogs"), 0),
                    (Needle::KeyValue("id", reference.id.as_str()), 0),
                ],
                format!(
                    "catalog `{}` is not among the loaded catalogs",
                    reference.id
                ),
            ),
            Some(catalog) if catalog.version != reference.version => warnings.push(format!(
                "{}: priced with catalog `{}` version {}, now loaded version {}: prices may differ",
                path.display(),
                reference.id,
                reference.version,
                catalog.version
            )),
            Some(_) => {}
        }
    }
    // Each element with its sill (openings) or none (products), and its personalizations.
    type Used<'l> = (
        &'l str,
        &'l ProductId,
        &'l Configuration,
        Option<Mm>,
        Option<&'l Personalization>,
    );
    let used: Vec<Used<'_>> = layout
        .openings
        .iter()
        .map(|o| (o.id.as_str(), &o.product, &o.options, Some(o.sill), None))
        .chain(layout.products.iter().map(|p| {
            (
                p.id.as_str(),
                &p.product,
                &p.options,
                None,
                (!p.personal.is_empty()).then_some(&p.personal),
            )
        }))
        .collect();
    for (id, product_id, options, sill, personal) in used {
        let is_opening = sill.is_some();
        let anchor = (Needle::KeyValue("id", id), 0);
        let product_place = [
            anchor,
            (Needle::KeyValue("product", product_id.as_str()), 0),
        ];
        let Some((catalog, product)) = catalogs.product(product_id) else {
            report(
                &product_place,
                format!(
                    "`{id}` uses product `{product_id}`, which is in none of the loaded catalogs"
                ),
            );
            continue;
        };
        if !layout
            .catalogs
            .iter()
            .any(|reference| reference.id == catalog.id)
        {
            report(
                &product_place,
                format!(
                    "product `{product_id}` comes from catalog `{}`, which the layout does not list",
                    catalog.id
                ),
            );
        }
        if is_opening != product.kind.is_opening() {
            let expected = if is_opening {
                "a door or window"
            } else {
                "a floor or wall product"
            };
            report(
                &product_place,
                format!(
                    "`{id}` needs {expected}, but `{product_id}` is a {:?} product",
                    product.kind
                ),
            );
        }
        for (option, value) in options {
            match product.option(option) {
                None => report(
                    &[anchor, (Needle::Quoted(option.as_str()), 0)],
                    format!("product `{product_id}` has no option `{option}`"),
                ),
                Some(def) if !def.allows(value) => report(
                    &[anchor, (Needle::Quoted(option.as_str()), 0)],
                    format!(
                        "`{value}` is not a value of option `{option}` of `{product_id}` (allowed: {})",
                        allowed_values(def)
                    ),
                ),
                Some(_) => {}
            }
        }
        if let Some(personal) = personal {
            super::personal::check_personal(
                &mut report,
                &mut warnings,
                path,
                id,
                product,
                personal,
            );
        }
        if product.kind == ProductKind::Door
            && let Some(sill) = sill
            && sill.0 != 0
        {
            report(
                &[anchor],
                format!(
                    "door `{id}` has a sill of {} mm; doors start at the floor",
                    sill.0
                ),
            );
        }
    }
    if problems.is_empty() {
        Ok(warnings)
    } else {
        Err(LoadError::Invalid { problems })
    }
}

pub(super) fn allowed_values(def: &crate::domain::catalog::OptionDef) -> String {
    use crate::domain::catalog::OptionDomain;
    match &def.domain {
        OptionDomain::Choice(values) => values
            .iter()
            .map(|v| v.id.to_string())
            .collect::<Vec<_>>()
            .join(", "),
        OptionDomain::Range(range) => {
            format!("{} to {} in steps of {}", range.min, range.max, range.step)
        }
    }
}
