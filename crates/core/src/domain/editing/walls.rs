//! Wall edits: drawing walls, moving an end or a whole wall (joined ends follow), splitting,
//! deleting, thickness and height. Each keeps the doors and windows inside their walls, or is
//! refused when they would no longer fit.

use super::EditError;
use super::checks::{check_new_id, check_position};
use super::keep_openings::{keep_openings, split_openings};
use super::openings::opening_width;
use crate::domain::catalog::CatalogSet;
use crate::domain::geometry::wall_rules::{is_too_short, lie_over_each_other};
use crate::domain::geometry::walls::JOIN_TOLERANCE_MM;
use crate::domain::geometry::{coord, length};
use crate::domain::layout::Changes;
use crate::domain::layout::{
    Layout, MAX_WALL_HEIGHT_MM, MAX_WALL_THICKNESS_MM, MIN_WALL_HEIGHT_MM, MIN_WALL_LENGTH_MM,
    MIN_WALL_THICKNESS_MM, Opening, Wall,
};
use crate::domain::values::ids::WallId;
use crate::domain::values::units::{Mm, PointMm};
use std::collections::{BTreeMap, BTreeSet};

/// Shortest part a wall may be split into, in millimetres.
pub const MIN_SPLIT_PART_MM: i64 = MIN_WALL_LENGTH_MM;

/// One end of a wall.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WallEnd {
    /// The wall's start point.
    Start,
    /// The wall's end point.
    End,
}

pub(super) fn add(
    layout: &mut Layout,
    catalogs: &CatalogSet,
    new_walls: &[Wall],
) -> Result<Changes, EditError> {
    let mut fresh = BTreeSet::new();
    for wall in new_walls {
        let id = wall.id.as_str();
        check_new_id(layout, id)?;
        if !fresh.insert(id) {
            return Err(EditError::DuplicateId(id.to_owned()));
        }
    }
    let mut walls = layout.walls.clone();
    walls.extend_from_slice(new_walls);
    commit(layout, catalogs, walls, layout.openings.clone())
}

pub(super) fn move_end(
    layout: &mut Layout,
    catalogs: &CatalogSet,
    id: &WallId,
    end: WallEnd,
    to: PointMm,
) -> Result<Changes, EditError> {
    wall_index(layout, id)?;
    check_position(to)?;
    let ends = corner_ends(layout, id, end);
    place_ends(layout, catalogs, &ends, |_| to)
}

pub(super) fn move_by(
    layout: &mut Layout,
    catalogs: &CatalogSet,
    id: &WallId,
    by: PointMm,
) -> Result<Changes, EditError> {
    wall_index(layout, id)?;
    let ends = wall_and_corner_ends(layout, id);
    move_ends(layout, catalogs, &ends, by)
}

/// The wall ends meeting at one end of wall `id`: that end and every other wall end joined
/// there. Empty for an unknown wall.
#[must_use]
pub fn corner_ends(layout: &Layout, id: &WallId, end: WallEnd) -> Vec<(WallId, WallEnd)> {
    let Some(wall) = layout.wall(id) else {
        return Vec::new();
    };
    let corner = match end {
        WallEnd::Start => wall.start,
        WallEnd::End => wall.end,
    };
    let mut ends = vec![(id.clone(), end)];
    for other in layout.walls.iter().filter(|other| &other.id != id) {
        for (point, which) in [(other.start, WallEnd::Start), (other.end, WallEnd::End)] {
            if joined(point, corner) {
                ends.push((other.id.clone(), which));
            }
        }
    }
    ends
}

/// Both ends of wall `id` with every other wall end joined to either.
#[must_use]
pub fn wall_and_corner_ends(layout: &Layout, id: &WallId) -> Vec<(WallId, WallEnd)> {
    let mut ends = corner_ends(layout, id, WallEnd::Start);
    for end in corner_ends(layout, id, WallEnd::End) {
        if !ends.contains(&end) {
            ends.push(end);
        }
    }
    ends
}

pub(super) fn move_ends(
    layout: &mut Layout,
    catalogs: &CatalogSet,
    ends: &[(WallId, WallEnd)],
    by: PointMm,
) -> Result<Changes, EditError> {
    place_ends(layout, catalogs, ends, |point| PointMm {
        x: point.x + by.x,
        y: point.y + by.y,
    })
}

/// Puts each of the listed wall ends (once, however often listed) where `place` says, then
/// commits the walls (positions and lengths are checked there).
fn place_ends(
    layout: &mut Layout,
    catalogs: &CatalogSet,
    ends: &[(WallId, WallEnd)],
    place: impl Fn(PointMm) -> PointMm,
) -> Result<Changes, EditError> {
    let mut moving: BTreeSet<(usize, bool)> = BTreeSet::new();
    for (id, end) in ends {
        moving.insert((wall_index(layout, id)?, *end == WallEnd::Start));
    }
    let mut walls = layout.walls.clone();
    for (index, at_start) in moving {
        let wall = &mut walls[index];
        let point = if at_start {
            &mut wall.start
        } else {
            &mut wall.end
        };
        *point = place(*point);
    }
    commit(layout, catalogs, walls, layout.openings.clone())
}

pub(super) fn split(
    layout: &mut Layout,
    catalogs: &CatalogSet,
    id: &WallId,
    at: Mm,
    new_id: &WallId,
) -> Result<Changes, EditError> {
    let index = wall_index(layout, id)?;
    check_new_id(layout, new_id.as_str())?;
    let wall = &layout.walls[index];
    let (start, end) = (coord(wall.start), coord(wall.end));
    let wall_length = length(end - start);
    let too_near_end =
        at.0 < MIN_SPLIT_PART_MM || at.as_f64() > wall_length - MIN_SPLIT_PART_MM as f64;
    if too_near_end {
        return Err(EditError::SplitTooNearEnd {
            wall: id.clone(),
            at,
        });
    }
    let point = start + (end - start) * (at.as_f64() / wall_length);
    let point = PointMm::new(point.x.round() as i64, point.y.round() as i64);
    let second = Wall {
        id: new_id.clone(),
        start: point,
        ..wall.clone()
    };
    let mut walls = layout.walls.clone();
    walls[index].end = point;
    walls.insert(index + 1, second);
    let mut openings = layout.openings.clone();
    split_openings(&mut openings, id, new_id, at.0, &mut |opening| {
        opening_width(catalogs, opening)
    })?;
    commit(layout, catalogs, walls, openings)
}

pub(super) fn delete(
    layout: &mut Layout,
    catalogs: &CatalogSet,
    id: &WallId,
) -> Result<Changes, EditError> {
    let index = wall_index(layout, id)?;
    let mut walls = layout.walls.clone();
    walls.remove(index);
    let openings: Vec<Opening> = layout
        .openings
        .iter()
        .filter(|opening| &opening.wall != id)
        .cloned()
        .collect();
    // The walls left can meet at a sharper corner than before (three walls meeting become two
    // mitred ones), so their doors and windows are fitted again.
    commit(layout, catalogs, walls, openings)?;
    layout.rooms.retain(|room| &room.wall != id);
    Ok(Changes::all())
}

pub(super) fn set_thickness(
    layout: &mut Layout,
    catalogs: &CatalogSet,
    id: &WallId,
    thickness: Mm,
) -> Result<Changes, EditError> {
    let index = wall_index(layout, id)?;
    check_thickness(thickness)?;
    let mut walls = layout.walls.clone();
    walls[index].thickness = thickness;
    commit(layout, catalogs, walls, layout.openings.clone())
}

pub(super) fn set_height(
    layout: &mut Layout,
    id: &WallId,
    height: Mm,
) -> Result<Changes, EditError> {
    let index = wall_index(layout, id)?;
    check_height(height)?;
    let wall = &mut layout.walls[index];
    if wall.height == height {
        return Ok(Changes::default());
    }
    wall.height = height;
    Ok(Changes::all())
}

/// Puts changed walls in place with the openings kept inside them. Every wall that is new or
/// differs from the one with its id before is checked first; nothing changes when any check or
/// the openings' fit fails.
fn commit(
    layout: &mut Layout,
    catalogs: &CatalogSet,
    walls: Vec<Wall>,
    mut openings: Vec<Opening>,
) -> Result<Changes, EditError> {
    let old: BTreeMap<&WallId, &Wall> = layout.walls.iter().map(|wall| (&wall.id, wall)).collect();
    for wall in &walls {
        if old.get(&wall.id) != Some(&wall) {
            check_wall(wall)?;
            if let Some(other) = walls.iter().find(|other| lie_over_each_other(wall, other)) {
                return Err(EditError::WallsOverlap {
                    wall: wall.id.clone(),
                    other: other.id.clone(),
                });
            }
        }
    }
    keep_openings(&layout.walls, &walls, &mut openings, &mut |opening| {
        opening_width(catalogs, opening)
    })?;
    if walls == layout.walls && openings == layout.openings {
        return Ok(Changes::default());
    }
    layout.walls = walls;
    layout.openings = openings;
    Ok(Changes::all())
}

fn check_wall(wall: &Wall) -> Result<(), EditError> {
    check_position(wall.start)?;
    check_position(wall.end)?;
    if is_too_short(wall) {
        return Err(EditError::WallTooShort(wall.id.clone()));
    }
    check_thickness(wall.thickness)?;
    check_height(wall.height)
}

fn check_thickness(thickness: Mm) -> Result<(), EditError> {
    if (MIN_WALL_THICKNESS_MM..=MAX_WALL_THICKNESS_MM).contains(&thickness.0) {
        Ok(())
    } else {
        Err(EditError::WallThicknessOutOfRange(thickness))
    }
}

fn check_height(height: Mm) -> Result<(), EditError> {
    if (MIN_WALL_HEIGHT_MM..=MAX_WALL_HEIGHT_MM).contains(&height.0) {
        Ok(())
    } else {
        Err(EditError::WallHeightOutOfRange(height))
    }
}

/// True when two wall ends count as one corner.
fn joined(a: PointMm, b: PointMm) -> bool {
    length(coord(a) - coord(b)) <= JOIN_TOLERANCE_MM
}

fn wall_index(layout: &Layout, id: &WallId) -> Result<usize, EditError> {
    layout
        .walls
        .iter()
        .position(|wall| &wall.id == id)
        .ok_or_else(|| EditError::UnknownWall(id.clone()))
}

#[cfg(test)]
mod move_tests;
#[cfg(test)]
mod tests;
