//! The spots a label may take, best first, in tiers: the placement takes a spot of a later tier
//! only when no spot of an earlier one is free. Room labels: inside the floor, nearest the room's
//! label point first, then out along a leader; dimension text: beside the middle of its line,
//! then along it, past its ends and further out; opening names: beside the opening inside, then
//! outside.

use super::dimensions::DimensionMark;
use super::plan_drawing::{OpeningMark, ProductMark, RoomMark};
use crate::domain::geometry::extent;
use crate::domain::geometry::{Coord, direction, length};
use geo::Contains;

/// Rings of leader spots tried around a point before giving up.
const LEADER_RINGS: usize = 6;
/// Directions tried on each ring.
const LEADER_DIRECTIONS: usize = 16;
/// Spots tried inside a room's floor.
const FLOOR_SPOTS: usize = 240;

/// A spot for a label's centre.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Spot {
    pub centre: Coord<f64>,
    pub angle_deg: f64,
    /// Spots of a lower tier are preferred.
    pub tier: u8,
    /// The label must lie inside its region (floor or footprint).
    pub within: bool,
    /// The label must lie inside the room of what it names.
    pub in_room: bool,
    /// Where a leader line starts, for spots away from what the label names.
    pub leader_from: Option<Coord<f64>>,
}

impl Spot {
    pub(super) fn new(centre: Coord<f64>, angle_deg: f64, tier: u8) -> Self {
        Self {
            centre,
            angle_deg: readable(angle_deg),
            tier,
            within: false,
            in_room: false,
            leader_from: None,
        }
    }

    pub(super) fn within(mut self, within: bool) -> Self {
        self.within = within;
        self
    }

    pub(super) fn in_room(mut self) -> Self {
        self.in_room = true;
        self
    }

    fn leader(mut self, from: Coord<f64>) -> Self {
        self.leader_from = Some(from);
        self
    }
}

/// An angle turned by half a turn where needed so text never reads upside down: (-90, 90].
#[must_use]
pub(super) fn readable(angle_deg: f64) -> f64 {
    let mut angle = angle_deg.rem_euclid(360.0);
    if angle > 90.0 && angle <= 270.0 {
        angle -= 180.0;
    } else if angle > 270.0 {
        angle -= 360.0;
    }
    if angle <= -90.0 + 1e-9 {
        angle + 180.0
    } else {
        angle
    }
}

/// Spots on rings around `centre`, each out of a circle of `reach`, the label's box just
/// beyond the ring, with a leader back to `centre`.
pub(super) fn leader_ring(
    centre: Coord<f64>,
    reach: f64,
    (width, height): (f64, f64),
    text_mm: f64,
    tier: u8,
) -> Vec<Spot> {
    let mut spots = Vec::with_capacity(LEADER_RINGS * LEADER_DIRECTIONS);
    for ring in 1..=LEADER_RINGS {
        let distance = reach + ring as f64 * text_mm * 1.5;
        for step in 0..LEADER_DIRECTIONS {
            // Right, left, up, down first: leaders read best straight.
            let angle = [0.0, 180.0, 90.0, 270.0, 45.0, 135.0, 225.0, 315.0]
                .get(step)
                .copied()
                .unwrap_or_else(|| 22.5 + 45.0 * step.saturating_sub(8) as f64);
            let out = direction(angle);
            let offset = Coord {
                x: out.x * (distance + width / 2.0),
                y: out.y * (distance + height / 2.0),
            };
            spots.push(Spot::new(centre + offset, 0.0, tier).leader(centre));
        }
    }
    spots
}

/// Spots for a room's name and area: on a grid over the floor, nearest the label point first,
/// then out along a leader from it, and finally further and further out (a room label is
/// always placed).
pub(super) fn room_spots(
    room: &RoomMark,
    floor: &geo::Polygon<f64>,
    (width, height): (f64, f64),
    text_mm: f64,
) -> Vec<Spot> {
    let mut spots = vec![Spot::new(room.label_at, 0.0, 0).within(true)];
    if let Some((low, high)) = extent(room.floor.iter()) {
        let step = ((high.x - low.x).max(high.y - low.y) / 24.0).max(height / 2.0);
        let mut grid = Vec::new();
        let mut y = low.y + height / 2.0;
        while y <= high.y - height / 2.0 {
            let mut x = low.x + width / 2.0;
            while x <= high.x - width / 2.0 {
                let point = Coord { x, y };
                if floor.contains(&geo::Point(point)) {
                    grid.push(point);
                }
                x += step;
            }
            y += step;
        }
        grid.sort_by(|a, b| length(*a - room.label_at).total_cmp(&length(*b - room.label_at)));
        grid.truncate(FLOOR_SPOTS);
        spots.extend(
            grid.into_iter()
                .map(|point| Spot::new(point, 0.0, 0).within(true)),
        );
    }
    let reach = width.max(height) / 2.0;
    spots.extend(leader_ring(
        room.label_at,
        reach,
        (width, height),
        text_mm,
        1,
    ));
    let far = reach + LEADER_RINGS as f64 * text_mm * 1.5;
    for ring in 1..=40 {
        spots.extend(leader_ring(
            room.label_at,
            far * ring as f64,
            (width, height),
            text_mm,
            2,
        ));
    }
    spots
}

/// Spots for a dimension's text: beside the middle of the line on its outer side, along the
/// line, on its inner side; then past either end; then further out with a leader.
pub(super) fn dimension_spots(
    mark: &DimensionMark,
    (width, height): (f64, f64),
    text_mm: f64,
) -> Vec<Spot> {
    let along = mark.direction();
    let angle = along.y.atan2(along.x).to_degrees();
    let middle = (mark.line.0 + mark.line.1) / 2.0;
    let gap = text_mm * 0.15;
    let beside = mark.outward * (height / 2.0 + gap);
    let shift = (mark.length_mm - width).max(0.0) / 2.0;
    let mut spots = vec![
        Spot::new(middle + beside, angle, 0),
        Spot::new(middle + beside + along * (shift / 2.0), angle, 0),
        Spot::new(middle + beside - along * (shift / 2.0), angle, 0),
        Spot::new(middle + beside + along * shift, angle, 0),
        Spot::new(middle + beside - along * shift, angle, 0),
        Spot::new(middle - beside, angle, 0),
    ];
    let past = width / 2.0 + text_mm * 0.6;
    spots.push(Spot::new(mark.line.1 + along * past + beside, angle, 1));
    spots.push(Spot::new(mark.line.0 - along * past + beside, angle, 1));
    for step in 1..=3 {
        let out = mark.outward * (height / 2.0 + gap + step as f64 * height * 1.1);
        spots.push(Spot::new(middle + out, angle, 2).leader(middle));
    }
    spots
}

/// Spots for an opening's name: beside it on the side a door opens to (either side for a
/// window), then further out on both sides.
pub(super) fn opening_spots(
    mark: &OpeningMark,
    (_, height): (f64, f64),
    text_mm: f64,
) -> Vec<Spot> {
    let along = mark.to - mark.from;
    let angle = along.y.atan2(along.x).to_degrees();
    let middle = (mark.from + mark.to) / 2.0;
    let inside = match &mark.leaf {
        Some(leaf) if crate::domain::geometry::dot(leaf.open_tip - middle, mark.across) < 0.0 => {
            -1.0
        }
        _ => 1.0,
    };
    let mut spots = Vec::new();
    for (tier, distance) in [(0, 0.0), (1, height * 1.2), (1, height * 2.4)] {
        for side in [inside, -inside] {
            let out = mark.across
                * (side * (mark.half_thickness + height / 2.0 + text_mm * 0.2 + distance));
            spots.push(Spot::new(middle + out, angle, tier));
        }
    }
    spots
}

/// Spots for a product's name: inside the footprint (a little above the middle, leaving room
/// for the size under it; across or along), then out along a leader.
pub(super) fn product_spots(
    mark: &ProductMark,
    (width, height): (f64, f64),
    size_height: f64,
    text_mm: f64,
) -> Vec<Spot> {
    let mut spots = Vec::new();
    let up = Coord { x: 0.0, y: 1.0 };
    let right = Coord { x: 1.0, y: 0.0 };
    for angle_deg in [0.0, 90.0] {
        let lift = if angle_deg == 0.0 { up } else { right * -1.0 };
        for shift in [size_height / 2.0, 0.0, -size_height / 2.0] {
            spots.push(Spot::new(mark.centre + lift * shift, angle_deg, 0).within(true));
        }
    }
    let reach = mark
        .corners
        .iter()
        .map(|corner| crate::domain::geometry::length(*corner - mark.centre))
        .fold(0.0, f64::max);
    let ring = leader_ring(mark.centre, reach, (width, height), text_mm, 1);
    spots.extend(ring.iter().map(|spot| spot.in_room()));
    spots.extend(ring.into_iter().map(|spot| Spot { tier: 2, ..spot }));
    spots
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_never_reads_upside_down() {
        for (angle, expected) in [
            (0.0, 0.0),
            (90.0, 90.0),
            (180.0, 0.0),
            (270.0, 90.0),
            (-90.0, 90.0),
            (135.0, -45.0),
            (-45.0, -45.0),
        ] {
            assert!(
                (readable(angle) - expected).abs() < 1e-9,
                "{angle} -> {}",
                readable(angle)
            );
        }
    }
}
