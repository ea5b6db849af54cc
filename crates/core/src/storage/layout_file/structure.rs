//! What a layout must hold on its own, before any catalog is read: counts, valid and unique ids,
//! walls that are long enough, in range and apart, openings on walls that exist, usable
//! rotations, elevations and discounts, and room names on known walls.

use super::MAX_ELEMENTS;
use crate::domain::geometry::wall_rules::{is_too_short, walls_lying_over_others};
use crate::domain::layout::room_name::tidy_room_name;
use crate::domain::layout::{
    Layout, MAX_SILL_MM, MAX_WALL_HEIGHT_MM, MAX_WALL_THICKNESS_MM, MIN_WALL_HEIGHT_MM,
    MIN_WALL_LENGTH_MM, MIN_WALL_THICKNESS_MM,
};
use crate::domain::values::ids::is_valid_id;
use crate::domain::values::units::{MAX_COORDINATE_MM, Mm, PointMm};
use crate::storage::locate::Needle;
use rust_decimal::Decimal;
use std::collections::{BTreeSet, HashMap, HashSet};

pub(super) type Report<'r> = dyn FnMut(&[(Needle<'_>, usize)], String) + 'r;

pub(super) fn check_structure(layout: &Layout, report: &mut Report<'_>) {
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
pub(super) fn check_walls_apart(layout: &Layout, report: &mut Report<'_>) {
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
pub(super) fn check_room_names(layout: &Layout, report: &mut Report<'_>) {
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

pub(super) fn check_point(
    report: &mut Report<'_>,
    place: &[(Needle<'_>, usize)],
    what: &str,
    point: PointMm,
) {
    if !point.is_within_plan() {
        report(
            place,
            format!(
                "{what} has point {point}, further than {MAX_COORDINATE_MM} mm from the origin"
            ),
        );
    }
}

pub(super) fn check_size(
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

pub(super) fn check_percent(
    report: &mut Report<'_>,
    place: &[(Needle<'_>, usize)],
    what: &str,
    percent: Decimal,
) {
    if percent.is_sign_negative() && !percent.is_zero() || percent > Decimal::ONE_HUNDRED {
        report(place, format!("{what} is {percent}%; it must be 0 to 100"));
    }
}
