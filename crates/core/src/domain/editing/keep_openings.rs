//! Keeps doors and windows inside their walls when walls change: an opening keeps its place
//! relative to the wall end that stayed put, then is clamped into the stretch clear of corners
//! and pushed clear of its neighbours (keeping their order along the wall), and one crossed by
//! a wall ending on its wall (a T-junction) moves to the nearest free place. Pure functions of
//! walls and openings; refused, naming the wall, when the openings no longer fit.

use super::EditError;
use crate::domain::geometry::walls::{WallGeometry, wall_geometries};
use crate::domain::layout::{Opening, Wall};
use crate::domain::values::ids::WallId;
use crate::domain::values::units::Mm;
use std::collections::BTreeMap;

/// The stretch of a wall's centre line clear of the corners, as whole millimetres from its
/// start: an opening may run from `.0` to `.1`.
pub(super) fn usable_stretch(geometry: &WallGeometry) -> (i64, i64) {
    // Rounded inwards, so a whole-millimetre opening inside never touches a corner.
    let (from, to) = geometry.usable_stretch();
    (from.ceil() as i64, to.floor() as i64)
}

/// Re-fits the openings of every wall whose usable stretch may differ between `before` and
/// `after` (walls matched by id; a wall missing from `before` is new). On a wall whose start
/// moved while its end stayed, an opening keeps its distance from the end; otherwise its
/// offset. Then the openings of the wall are clamped into its usable stretch and apart from
/// each other, in their order along the wall. Openings of unchanged walls are left as they are.
///
/// # Errors
/// [`EditError::OpeningsDoNotFit`] for the first wall too short for its openings, or what
/// `width_of` returns; `openings` may then be partly changed.
pub(super) fn keep_openings(
    before: &[Wall],
    after: &[Wall],
    openings: &mut [Opening],
    width_of: &mut dyn FnMut(&Opening) -> Result<Mm, EditError>,
) -> Result<(), EditError> {
    let old_geometry = wall_geometries(before);
    let new_geometry = wall_geometries(after);
    let old_index: BTreeMap<&WallId, usize> = before
        .iter()
        .enumerate()
        .map(|(index, wall)| (&wall.id, index))
        .collect();
    let new_index: BTreeMap<&WallId, usize> = after
        .iter()
        .enumerate()
        .map(|(index, wall)| (&wall.id, index))
        .collect();
    let mut on_wall: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (index, opening) in openings.iter().enumerate() {
        if let Some(&wall) = new_index.get(&opening.wall) {
            on_wall.entry(wall).or_default().push(index);
        }
    }
    for (wall_index, members) in on_wall {
        let (wall, geometry) = (&after[wall_index], &new_geometry[wall_index]);
        let old = old_index
            .get(&wall.id)
            .map(|&index| (&before[index], &old_geometry[index]));
        let shift_mm = match old {
            None => 0,
            Some((old_wall, old_geometry)) => {
                if same_stretch(old_wall, old_geometry, wall, geometry) {
                    continue;
                }
                if old_wall.start != wall.start && old_wall.end == wall.end {
                    (geometry.length - old_geometry.length).round() as i64
                } else {
                    0
                }
            }
        };
        let mut spans = Vec::with_capacity(members.len());
        for &index in &members {
            let opening = &openings[index];
            let wanted = opening.offset.0.saturating_add(shift_mm);
            spans.push((wanted, width_of(opening)?.0, index));
        }
        spans.sort_by_key(|&(wanted, _, index)| (wanted, index));
        let (from, to) = usable_stretch(geometry);
        let sizes: Vec<(i64, i64)> = spans.iter().map(|&(at, width, _)| (at, width)).collect();
        let offsets =
            fit_in_stretch(from, to, &sizes).ok_or_else(|| EditError::OpeningsDoNotFit {
                wall: wall.id.clone(),
                needed: Mm(sizes.iter().map(|&(_, width)| width).sum()),
                usable: Mm((to - from).max(0)),
            })?;
        for (&(_, _, index), offset) in spans.iter().zip(offsets) {
            openings[index].offset = Mm(offset);
        }
        clear_joined_walls(geometry, &spans, openings).map_err(|()| {
            EditError::OpeningsDoNotFit {
                wall: wall.id.clone(),
                needed: Mm(sizes.iter().map(|&(_, width)| width).sum()),
                usable: Mm((to - from - occupied_within(geometry, from, to)).max(0)),
            }
        })?;
    }
    Ok(())
}

/// The stretches of a wall taken by walls joined along it, as whole-millimetre
/// `(offset, width)` spans rounded outwards.
fn joined_spans(geometry: &WallGeometry) -> Vec<(i64, i64)> {
    geometry
        .occupied
        .iter()
        .map(|&(from, to)| {
            let from = from.floor() as i64;
            (from, to.ceil() as i64 - from)
        })
        .collect()
}

/// How much of the stretch `from..to` walls joined along it take.
fn occupied_within(geometry: &WallGeometry, from: i64, to: i64) -> i64 {
    joined_spans(geometry)
        .iter()
        .map(|&(at, width)| ((at + width).min(to) - at.max(from)).max(0))
        .sum()
}

/// Moves each opening of `spans` (`(_, width, index)`) that a joined wall crosses to the
/// nearest place clear of the joined walls and the wall's other openings. `Err` when one has
/// nowhere to go.
fn clear_joined_walls(
    geometry: &WallGeometry,
    spans: &[(i64, i64, usize)],
    openings: &mut [Opening],
) -> Result<(), ()> {
    let joined = joined_spans(geometry);
    let crosses = |offset: i64, width: i64| {
        joined
            .iter()
            .any(|&(from, span)| offset < from + span && from < offset + width)
    };
    for &(_, width, index) in spans {
        let offset = openings[index].offset.0;
        if !crosses(offset, width) {
            continue;
        }
        let others: Vec<(i64, i64)> = spans
            .iter()
            .filter(|&&(_, _, other)| other != index)
            .map(|&(_, other_width, other)| (openings[other].offset.0, other_width))
            .collect();
        openings[index].offset =
            Mm(free_offset_nearest(geometry, &others, offset, width).ok_or(())?);
    }
    Ok(())
}

/// True when a wall's usable stretch (the angle of its corners included), the walls ending on
/// it and its frame (start, direction) are unchanged.
fn same_stretch(
    old_wall: &Wall,
    old_geometry: &WallGeometry,
    wall: &Wall,
    geometry: &WallGeometry,
) -> bool {
    old_wall.start == wall.start
        && old_wall.end == wall.end
        && old_wall.thickness == wall.thickness
        && old_geometry.start_extension == geometry.start_extension
        && old_geometry.end_extension == geometry.end_extension
        && old_geometry.occupied == geometry.occupied
        && old_geometry.usable_stretch() == geometry.usable_stretch()
}

/// Offsets for spans `(wanted offset, width)` sorted by wanted offset, inside `[from, to]`,
/// in the same order and not overlapping; each as near its wanted offset as the others allow.
/// `None` when their widths add up to more than the stretch.
fn fit_in_stretch(from: i64, to: i64, spans: &[(i64, i64)]) -> Option<Vec<i64>> {
    let needed = spans
        .iter()
        .try_fold(0_i64, |sum, &(_, width)| sum.checked_add(width))?;
    if from.checked_add(needed)? > to {
        return None;
    }
    // Pushed right past the start and each earlier span, then back left of the end and each
    // later span: both bounds hold because the widths fit.
    let mut offsets = Vec::with_capacity(spans.len());
    let mut cursor = from;
    for &(wanted, width) in spans {
        let at = wanted.max(cursor);
        offsets.push(at);
        cursor = at + width;
    }
    let mut limit = to;
    for (offset, &(_, width)) in offsets.iter_mut().zip(spans).rev() {
        *offset = (*offset).min(limit - width);
        limit = *offset;
    }
    Some(offsets)
}

/// Before splitting `wall` at `at_mm` from its start: every opening on it whose centre lies
/// beyond the split point moves to `new_wall`, its offset re-based on the split point (an
/// opening straddling the point is clamped into its part afterwards by [`keep_openings`]).
///
/// # Errors
/// What `width_of` returns.
pub(super) fn split_openings(
    openings: &mut [Opening],
    wall: &WallId,
    new_wall: &WallId,
    at_mm: i64,
    width_of: &mut dyn FnMut(&Opening) -> Result<Mm, EditError>,
) -> Result<(), EditError> {
    for opening in openings.iter_mut().filter(|opening| &opening.wall == wall) {
        let width = width_of(opening)?.0;
        // Centre beyond the split point, in half millimetres to stay whole.
        if 2 * opening.offset.0 + width > 2 * at_mm {
            opening.wall = new_wall.clone();
            opening.offset = Mm(opening.offset.0 - at_mm);
        }
    }
    Ok(())
}

/// The offset nearest `wanted` where a new opening of `width_mm` fits on a wall, clear of its
/// corners, of walls joined along it and of the openings already there (`taken`: offset and
/// width of each). `None` when no free stretch is wide enough.
pub(super) fn free_offset_nearest(
    geometry: &WallGeometry,
    taken: &[(i64, i64)],
    wanted: i64,
    width_mm: i64,
) -> Option<i64> {
    let (from, to) = usable_stretch(geometry);
    let mut taken = taken.to_vec();
    taken.extend(joined_spans(geometry));
    taken.sort_unstable();
    let mut gaps = Vec::with_capacity(taken.len() + 1);
    let mut cursor = from;
    for (offset, width) in taken {
        gaps.push((cursor, offset.min(to)));
        cursor = cursor.max(offset.saturating_add(width));
    }
    gaps.push((cursor, to));
    gaps.into_iter()
        .filter(|(start, end)| end - start >= width_mm)
        .map(|(start, end)| wanted.clamp(start, end - width_mm))
        .min_by_key(|at| (at.abs_diff(wanted), *at))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::constraints::test_support::{opening, room};
    use crate::domain::values::units::PointMm;

    /// Doors are 900 wide, windows 1200.
    fn width_of(opening: &Opening) -> Result<Mm, EditError> {
        Ok(Mm(if opening.product.as_str() == "door" {
            900
        } else {
            1200
        }))
    }

    fn offsets(openings: &[Opening]) -> Vec<(&str, &str, i64)> {
        openings
            .iter()
            .map(|o| (o.id.as_str(), o.wall.as_str(), o.offset.0))
            .collect()
    }

    #[test]
    fn an_unchanged_wall_keeps_its_openings_even_out_of_place() {
        let before = room().walls;
        let mut openings = vec![opening("w1", "window", "south", 4500)];
        keep_openings(&before, &before, &mut openings, &mut width_of).expect("fits");
        assert_eq!(openings[0].offset, Mm(4500));
    }

    #[test]
    fn a_thicker_neighbour_pushes_an_opening_out_of_the_corner() {
        let before = room().walls;
        let mut after = before.clone();
        after[1].thickness = Mm(300);
        // 1200 wide ending at 4950, where the 100 mm east wall began; it now begins at 4850.
        let mut openings = vec![
            opening("w1", "window", "south", 3750),
            opening("d1", "door", "north", 1000),
        ];
        keep_openings(&before, &after, &mut openings, &mut width_of).expect("fits");
        assert_eq!(
            offsets(&openings),
            [("w1", "south", 3650), ("d1", "north", 1000)]
        );
    }

    #[test]
    fn moving_the_start_keeps_the_distance_from_the_end_and_moving_the_end_the_offset() {
        let before = room().walls;
        let mut openings = vec![opening("d1", "door", "south", 1000)];
        let mut after = before.clone();
        after[0].start = PointMm::new(-1000, 0);
        keep_openings(&before, &after, &mut openings, &mut width_of).expect("fits");
        assert_eq!(openings[0].offset, Mm(2000));

        let mut openings = vec![opening("d1", "door", "south", 1000)];
        let mut after = before.clone();
        after[0].end = PointMm::new(6000, 0);
        keep_openings(&before, &after, &mut openings, &mut width_of).expect("fits");
        assert_eq!(openings[0].offset, Mm(1000));

        // Moved as a whole: the offset is kept.
        let mut openings = vec![opening("d1", "door", "south", 1000)];
        let mut after = before.clone();
        after[0].start = PointMm::new(0, 500);
        after[0].end = PointMm::new(5000, 500);
        keep_openings(&before, &after, &mut openings, &mut width_of).expect("fits");
        assert_eq!(openings[0].offset, Mm(1000));
    }

    #[test]
    fn a_shortened_wall_pushes_its_openings_together_in_their_order() {
        let before = room().walls;
        let mut after = before.clone();
        after[0].end = PointMm::new(3500, 0);
        let mut openings = vec![
            opening("w2", "window", "south", 3200),
            opening("d1", "door", "south", 100),
            opening("w1", "window", "south", 1500),
        ];
        keep_openings(&before, &after, &mut openings, &mut width_of).expect("fits");
        // Usable stretch 50 to 3500 (the east wall no longer meets the south wall's end).
        assert_eq!(
            offsets(&openings),
            [
                ("w2", "south", 2300),
                ("d1", "south", 100),
                ("w1", "south", 1100)
            ]
        );
    }

    #[test]
    fn openings_that_no_longer_fit_refuse_the_change_and_name_the_wall() {
        let before = room().walls;
        let mut after = before.clone();
        after[0].end = PointMm::new(2000, 0);
        let mut openings = vec![
            opening("d1", "door", "south", 100),
            opening("w1", "window", "south", 1500),
        ];
        assert_eq!(
            keep_openings(&before, &after, &mut openings, &mut width_of),
            Err(EditError::OpeningsDoNotFit {
                wall: "south".into(),
                needed: Mm(2100),
                usable: Mm(1950),
            })
        );
    }

    #[test]
    fn splitting_sends_each_opening_to_the_part_holding_its_centre() {
        let before = room().walls;
        let mut openings = vec![
            opening("d1", "door", "south", 500),
            opening("w1", "window", "south", 2000),
            opening("w2", "window", "south", 3500),
        ];
        split_openings(
            &mut openings,
            &"south".into(),
            &"south-2".into(),
            2500,
            &mut width_of,
        )
        .expect("widths");
        // w1's centre is at 2600: it goes to the second part, straddling its start.
        assert_eq!(
            offsets(&openings),
            [
                ("d1", "south", 500),
                ("w1", "south-2", -500),
                ("w2", "south-2", 1000)
            ]
        );
        let mut after = before.clone();
        after[0].end = PointMm::new(2500, 0);
        after.insert(
            1,
            Wall {
                id: "south-2".into(),
                start: PointMm::new(2500, 0),
                ..before[0].clone()
            },
        );
        keep_openings(&before, &after, &mut openings, &mut width_of).expect("fits");
        // The parts join at 2500: each reaches 50 mm into the other.
        assert_eq!(
            offsets(&openings),
            [
                ("d1", "south", 500),
                ("w1", "south-2", 50),
                ("w2", "south-2", 1250)
            ]
        );
    }

    #[test]
    fn a_new_opening_goes_to_the_free_place_nearest_its_offset() {
        let walls = room().walls;
        let south = &wall_geometries(&walls)[0];
        let taken = [(1000, 1200), (2500, 900)];
        assert_eq!(free_offset_nearest(south, &taken, 3000, 900), Some(3400));
        assert_eq!(free_offset_nearest(south, &taken, 1900, 300), Some(2200));
        assert_eq!(free_offset_nearest(south, &taken, 0, 900), Some(50));
        assert_eq!(free_offset_nearest(south, &taken, 2000, 1550), Some(3400));
        assert_eq!(free_offset_nearest(south, &taken, 2000, 1551), None);
    }
}
