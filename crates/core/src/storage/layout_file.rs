//! Layout (save) files: reading with every problem located, checking references against the
//! catalogs, and writing atomically in one canonical form (load then save gives the same bytes).

use crate::domain::catalog::Configuration;
use crate::domain::catalog::{CatalogSet, ProductKind};
use crate::domain::geometry::wall_rules::{is_too_short, walls_lying_over_others};
use crate::domain::layout::room_name::tidy_room_name;
use crate::domain::layout::{
    FORMAT_VERSION, Layout, MAX_SILL_MM, MAX_WALL_HEIGHT_MM, MAX_WALL_THICKNESS_MM,
    MIN_WALL_HEIGHT_MM, MIN_WALL_LENGTH_MM, MIN_WALL_THICKNESS_MM,
};
use crate::domain::values::ids::{ProductId, is_valid_id};
use crate::domain::values::units::{MAX_COORDINATE_MM, Mm, PointMm};
use crate::storage::atomic_write::write_atomically;
use crate::storage::error::{FileProblem, LoadError, SaveError};
use crate::storage::locate::{Needle, SourceText};
use crate::storage::ron_text::{MAX_LAYOUT_BYTES, parse, pretty, read_text_up_to};
use rust_decimal::Decimal;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::Path;

/// Most walls, openings or products in one layout.
const MAX_ELEMENTS: usize = 100_000;

/// The format version written in the text and where, read without parsing the whole file, so an
/// old or newer file gets a clear message instead of a complaint about its fields.
fn written_format_version(source: &SourceText<'_>, text: &str) -> Option<(u64, usize, usize)> {
    const KEY: &str = "format_version";
    // The first `format_version:` as a whole word (a plain search: the full index is built only
    // when a problem needs locating).
    let (at, digits) = text.match_indices(KEY).find_map(|(at, _)| {
        let before_ok = text[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
        let after = text[at + KEY.len()..].trim_start_matches([' ', '\t']);
        let digits = after.strip_prefix(':')?.trim_start();
        before_ok.then_some((at, digits))
    })?;
    let end = digits
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(digits.len());
    let version = digits.get(..end)?.parse().ok()?;
    let (line, column) = source.line_column(at);
    Some((version, line, column))
}

/// Parses layout text and checks everything that does not need the catalogs.
///
/// # Errors
/// Syntax errors, a format version this build cannot read, duplicate or invalid ids, walls
/// without length, sizes and coordinates out of range, openings on unknown walls, room names
/// on unknown walls, named twice or unusable.
pub fn parse_layout(path: &Path, text: &str) -> Result<Layout, LoadError> {
    let source = SourceText::new(text);
    if let Some((version, line, column)) = written_format_version(&source, text)
        && version != u64::from(FORMAT_VERSION)
    {
        let message = if version > u64::from(FORMAT_VERSION) {
            format!(
                "format_version {version} was written by a newer Room Planner; this one reads version {FORMAT_VERSION}"
            )
        } else {
            format!(
                "format_version {version} is not a known layout format (this build reads version {FORMAT_VERSION})"
            )
        };
        return Err(LoadError::at(path, line, column, message));
    }
    let layout: Layout = parse(path, text)?;
    let mut problems = Vec::new();
    check_structure(
        &layout,
        &mut |place: &[(Needle<'_>, usize)], message: String| {
            let (line, column) = source.locate(place);
            problems.push(FileProblem {
                path: path.to_owned(),
                line,
                column,
                message,
            });
        },
    );
    if problems.is_empty() {
        Ok(layout)
    } else {
        Err(LoadError::Invalid { problems })
    }
}

type Report<'r> = dyn FnMut(&[(Needle<'_>, usize)], String) + 'r;

fn check_structure(layout: &Layout, report: &mut Report<'_>) {
    let counts = [
        ("walls", layout.walls.len()),
        ("openings", layout.openings.len()),
        ("products", layout.products.len()),
    ];
    for (what, count) in counts {
        if count > MAX_ELEMENTS {
            report(
                &[(Needle::Key(what), 0)],
                format!("{count} {what}; a layout holds at most {MAX_ELEMENTS}"),
            );
            return;
        }
    }
    // How often each id was seen so far: the nth repeat is located at the nth occurrence.
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut check_id = |report: &mut Report<'_>, id: &str| {
        let earlier = seen.entry(id.to_owned()).or_insert(0);
        let place = [(Needle::KeyValue("id", id), *earlier)];
        *earlier += 1;
        if !is_valid_id(id) {
            report(
                &place,
                format!("`{id}` is not a valid id: use 1 to 64 letters, digits, `-`, `_` or `.`"),
            );
        } else if *earlier > 1 {
            report(&place, format!("id `{id}` is used twice"));
        }
    };
    for wall in &layout.walls {
        check_id(report, wall.id.as_str());
        let place = [(Needle::KeyValue("id", wall.id.as_str()), 0)];
        for point in [wall.start, wall.end] {
            check_point(report, &place, &format!("wall `{}`", wall.id), point);
        }
        if wall.start == wall.end {
            report(
                &place,
                format!("wall `{}` starts and ends at the same point", wall.id),
            );
        } else if wall.start.is_within_plan() && wall.end.is_within_plan() && is_too_short(wall) {
            report(
                &place,
                format!(
                    "wall `{}` is shorter than {MIN_WALL_LENGTH_MM} mm; walls that short are corners, not walls",
                    wall.id
                ),
            );
        }
        check_size(
            report,
            &place,
            &format!("thickness of wall `{}`", wall.id),
            wall.thickness,
            MIN_WALL_THICKNESS_MM,
            MAX_WALL_THICKNESS_MM,
        );
        check_size(
            report,
            &place,
            &format!("height of wall `{}`", wall.id),
            wall.height,
            MIN_WALL_HEIGHT_MM,
            MAX_WALL_HEIGHT_MM,
        );
    }
    check_walls_apart(layout, report);
    let wall_ids: HashSet<&str> = layout.walls.iter().map(|wall| wall.id.as_str()).collect();
    for opening in &layout.openings {
        check_id(report, opening.id.as_str());
        let place = [(Needle::KeyValue("id", opening.id.as_str()), 0)];
        if !wall_ids.contains(opening.wall.as_str()) {
            report(
                &[
                    place[0],
                    (Needle::KeyValue("wall", opening.wall.as_str()), 0),
                ],
                format!(
                    "opening `{}` is on wall `{}`, which does not exist",
                    opening.id, opening.wall
                ),
            );
        }
        check_size(
            report,
            &place,
            &format!("offset of opening `{}`", opening.id),
            opening.offset,
            0,
            MAX_COORDINATE_MM,
        );
        check_size(
            report,
            &place,
            &format!("sill of opening `{}`", opening.id),
            opening.sill,
            0,
            MAX_SILL_MM,
        );
    }
    check_room_names(layout, report);
    for product in &layout.products {
        check_id(report, product.id.as_str());
        let place = [(Needle::KeyValue("id", product.id.as_str()), 0)];
        let what = format!("product `{}`", product.id);
        check_point(report, &place, &what, product.position);
        if !product.rotation.is_finite() || product.rotation.abs() > 360_000.0 {
            report(
                &place,
                format!("rotation of {what} is not a usable angle in degrees"),
            );
        }
        if let Some(elevation) = product.elevation {
            check_size(
                report,
                &place,
                &format!("elevation of {what}"),
                elevation,
                0,
                5_000,
            );
        }
        check_percent(
            report,
            &place,
            &format!("discount of {what}"),
            product.discount_percent,
        );
    }
    check_percent(
        report,
        &[
            (Needle::Key("quote"), 0),
            (Needle::Key("discount_percent"), 0),
        ],
        "quote discount",
        layout.quote.discount_percent,
    );
    if layout.quote.valid_days > 3_650 {
        report(
            &[(Needle::Key("valid_days"), 0)],
            "valid_days is more than ten years".to_owned(),
        );
    }
}

/// No wall lies along another (the editor refuses to draw one over another as well).
fn check_walls_apart(layout: &Layout, report: &mut Report<'_>) {
    let usable: Vec<_> = layout
        .walls
        .iter()
        .filter(|wall| wall.start.is_within_plan() && wall.end.is_within_plan())
        .cloned()
        .collect();
    for (first, second) in walls_lying_over_others(&usable) {
        let (first, second) = (&usable[first], &usable[second]);
        report(
            &[(Needle::KeyValue("id", second.id.as_str()), 0)],
            format!(
                "wall `{}` lies over wall `{}`; walls meet end to end (draw an adjacent room from the shared wall's ends, not along it)",
                second.id, first.id
            ),
        );
    }
}

/// Every room name is on a known wall, at most one per side of a wall, and usable as written.
fn check_room_names(layout: &Layout, report: &mut Report<'_>) {
    let mut sides = BTreeSet::new();
    let mut named_on: HashMap<&str, usize> = HashMap::new();
    let wall_ids: HashSet<&str> = layout.walls.iter().map(|wall| wall.id.as_str()).collect();
    for room in &layout.rooms {
        let wall = room.wall.as_str();
        let count = named_on.entry(wall).or_insert(0);
        let earlier = *count;
        *count += 1;
        let place = [
            (Needle::Key("rooms"), 0),
            (Needle::KeyValue("wall", wall), earlier),
        ];
        if !wall_ids.contains(wall) {
            report(
                &place,
                format!(
                    "room `{}` is named on wall `{wall}`, which does not exist",
                    room.name
                ),
            );
        }
        if !sides.insert((wall, room.left)) {
            let side = if room.left { "left" } else { "right" };
            report(
                &place,
                format!("the room {side} of wall `{wall}` is named twice"),
            );
        }
        match tidy_room_name(&room.name) {
            Err(error) => report(&place, format!("room on wall `{wall}`: {error}")),
            Ok("") => report(&place, format!("the room name on wall `{wall}` is empty")),
            Ok(tidy) if tidy != room.name => report(
                &place,
                format!("room name `{}` has spaces at either end", room.name),
            ),
            Ok(_) => {}
        }
    }
}

fn check_point(report: &mut Report<'_>, place: &[(Needle<'_>, usize)], what: &str, point: PointMm) {
    if !point.is_within_plan() {
        report(
            place,
            format!(
                "{what} has point {point}, further than {MAX_COORDINATE_MM} mm from the origin"
            ),
        );
    }
}

fn check_size(
    report: &mut Report<'_>,
    place: &[(Needle<'_>, usize)],
    what: &str,
    size: Mm,
    min: i64,
    max: i64,
) {
    if !(min..=max).contains(&size.0) {
        report(
            place,
            format!("{what} is {} mm; it must be {min} to {max} mm", size.0),
        );
    }
}

fn check_percent(
    report: &mut Report<'_>,
    place: &[(Needle<'_>, usize)],
    what: &str,
    percent: Decimal,
) {
    if percent.is_sign_negative() && !percent.is_zero() || percent > Decimal::ONE_HUNDRED {
        report(place, format!("{what} is {percent}%; it must be 0 to 100"));
    }
}

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
    // Each element with its sill (openings) or none (products).
    let used: Vec<(&str, &ProductId, &Configuration, Option<Mm>)> = layout
        .openings
        .iter()
        .map(|o| (o.id.as_str(), &o.product, &o.options, Some(o.sill)))
        .chain(
            layout
                .products
                .iter()
                .map(|p| (p.id.as_str(), &p.product, &p.options, None)),
        )
        .collect();
    for (id, product_id, options, sill) in used {
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

fn allowed_values(def: &crate::domain::catalog::OptionDef) -> String {
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

/// Reads and parses a layout file (without catalog checks).
///
/// # Errors
/// As [`parse_layout`], plus unreadable files.
pub fn load_layout(path: &Path) -> Result<(Layout, String), LoadError> {
    let text = read_text_up_to(
        path,
        MAX_LAYOUT_BYTES,
        " (a layout holds at most 100,000 walls, openings and products each)",
    )?;
    let layout = parse_layout(path, &text)?;
    Ok((layout, text))
}

/// The canonical text of a layout.
///
/// # Errors
/// Only if serialization itself fails (it does not for valid layouts).
pub fn layout_to_string(layout: &Layout) -> Result<String, ron::Error> {
    let mut text = ron::ser::to_string_pretty(layout, pretty())?;
    text.push('\n');
    Ok(text)
}

/// Writes a layout atomically (see [`write_atomically`]) in its canonical form.
///
/// # Errors
/// The file or its folder cannot be written.
pub fn save_layout(path: &Path, layout: &Layout) -> Result<(), SaveError> {
    let text = layout_to_string(layout).map_err(|error| SaveError {
        path: path.to_owned(),
        message: error.to_string(),
    })?;
    write_atomically(path, text.as_bytes())
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod coordinate_tests;
