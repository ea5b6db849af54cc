//! Architectural dimension lines on the plan: every outside wall face measured outside the
//! walls and chained at its doors and windows (so each opening's width is on the chain), each
//! room's clear lengths along its floor's edges inside the room (moved past the furniture
//! standing against that wall, chained at the doors of partitions), and the overall width and
//! depth further out.

use crate::domain::geometry::extent;
use crate::domain::geometry::walls::WallGeometry;
use crate::domain::geometry::{Coord, dot, left_normal, length};
use crate::domain::measured::Structure;
use rstar::primitives::{GeomWithData, Rectangle};
use rstar::{AABB, RTree};

/// Distance from an outside wall face to its chained dimension line, in text sizes (so the
/// lines keep their distance on paper and on screen at every zoom).
pub const CHAIN_OFFSET_TEXTS: f64 = 2.2;
/// Distance from the outermost wall face to the overall dimension lines, in text sizes.
pub const OVERALL_OFFSET_TEXTS: f64 = 4.4;
/// The text size the lines are first laid out for (until [`set_text_size`] is called).
pub const DEFAULT_TEXT_MM: f64 = 100.0;
/// Distance from an inner face to its clear-length line when no furniture is in the way.
pub const INNER_OFFSET_MM: f64 = 350.0;
/// Furniture whose nearest side is this close to a face is standing against it.
const AGAINST_WALL_MM: f64 = 200.0;
/// An inner line is not pushed further into the room than this.
const MAX_INNER_OFFSET_MM: f64 = 900.0;
/// Chain points closer than this are one point.
const SAME_POINT_MM: f64 = 1.0;

/// What a dimension line measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DimensionKind {
    /// A stretch of wall face between corners and openings.
    Wall,
    /// The width of a door or window.
    Opening,
    /// A room side's clear length between the inner corners.
    Inner,
    /// The overall width or depth of the plan.
    Overall,
}

/// How far a dimension line lies from what it measures.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Offset {
    /// A fixed distance in plan millimetres (inside rooms, clear of the furniture).
    Fixed(f64),
    /// A number of text sizes (outside the walls).
    Texts(f64),
}

impl Offset {
    fn mm(self, text_mm: f64) -> f64 {
        match self {
            Offset::Fixed(mm) => mm,
            Offset::Texts(texts) => texts * text_mm,
        }
    }
}

/// One dimension: two measured points, the dimension line drawn parallel to them at an offset,
/// extension lines between, ticks at the line's ends and the length written beside the line.
#[derive(Debug, Clone, PartialEq)]
pub struct DimensionMark {
    /// What is measured.
    pub kind: DimensionKind,
    /// How far the line lies from the measured points.
    pub offset: Offset,
    /// The measured points (on a wall face, or at the plan's edge).
    pub measured: (Coord<f64>, Coord<f64>),
    /// The dimension line's ends, `measured` moved along `outward`.
    pub line: (Coord<f64>, Coord<f64>),
    /// Unit vector from the measured points towards the line; the text sits on this side.
    pub outward: Coord<f64>,
    /// The measured length.
    pub length_mm: f64,
}

impl DimensionMark {
    fn new(
        kind: DimensionKind,
        from: Coord<f64>,
        to: Coord<f64>,
        outward: Coord<f64>,
        offset: Offset,
    ) -> Self {
        let mut mark = Self {
            kind,
            offset,
            measured: (from, to),
            line: (from, to),
            outward,
            length_mm: length(to - from),
        };
        mark.set_text_size(DEFAULT_TEXT_MM);
        mark
    }

    /// Moves the line to its offset for text `text_mm` high.
    pub fn set_text_size(&mut self, text_mm: f64) {
        let offset = self.outward * self.offset.mm(text_mm);
        self.line = (self.measured.0 + offset, self.measured.1 + offset);
    }

    /// The two extension lines, each from `gap_mm` off its measured point to `overshoot_mm`
    /// past the dimension line.
    #[must_use]
    pub fn extension_lines(&self, gap_mm: f64, overshoot_mm: f64) -> [(Coord<f64>, Coord<f64>); 2] {
        let offset = dot(self.line.0 - self.measured.0, self.outward);
        let gap = gap_mm.min(offset / 2.0).max(0.0);
        [
            (self.measured.0, self.line.0),
            (self.measured.1, self.line.1),
        ]
        .map(|(from, to)| (from + self.outward * gap, to + self.outward * overshoot_mm))
    }

    /// The architectural ticks: a short stroke at 45° through each end of the line.
    #[must_use]
    pub fn ticks(&self, half_mm: f64) -> [(Coord<f64>, Coord<f64>); 2] {
        let along = self.direction();
        let slash = (along + self.outward) * (half_mm / std::f64::consts::SQRT_2);
        [self.line.0, self.line.1].map(|end| (end - slash, end + slash))
    }

    /// Unit vector along the line, from its first end to its second.
    #[must_use]
    pub fn direction(&self) -> Coord<f64> {
        let span = self.line.1 - self.line.0;
        let size = length(span);
        if size > 0.0 {
            span / size
        } else {
            Coord { x: 1.0, y: 0.0 }
        }
    }
}

/// The dimension lines of a measured plan; `footprints` are the floor products, which push a
/// room's inner lines clear of the furniture along its walls.
#[must_use]
pub fn dimension_marks(
    structure: &Structure,
    footprints: &[[Coord<f64>; 4]],
) -> Vec<DimensionMark> {
    let furniture: RTree<GeomWithData<Rectangle<[f64; 2]>, usize>> = RTree::bulk_load(
        footprints
            .iter()
            .enumerate()
            .filter_map(|(index, corners)| {
                let (low, high) = extent(corners.iter())?;
                Some(GeomWithData::new(
                    Rectangle::from_corners([low.x, low.y], [high.x, high.y]),
                    index,
                ))
            })
            .collect(),
    );
    let mut marks = Vec::new();
    let room_on = |wall: usize, left: bool| {
        structure
            .rooms
            .iter()
            .any(|room| room.sides.contains(&(wall, left)))
    };
    for (index, wall) in structure.walls.iter().enumerate() {
        let (left_room, right_room) = (room_on(index, true), room_on(index, false));
        for left in [true, false] {
            let (has_room, other_has_room) = if left {
                (left_room, right_room)
            } else {
                (right_room, left_room)
            };
            // An outside face (or a free-standing wall, measured on its left only).
            if !has_room && (other_has_room || left) {
                let corner = usize::from(left);
                let normal = if left { wall.left } else { wall.left * -1.0 };
                let edge = Edge::new(wall.start_corners[corner], wall.end_corners[corner], normal);
                let cuts = structure.openings_on(index).iter().map(|opening| {
                    let placement = &structure.openings[*opening];
                    (
                        wall.point_at(placement.from_mm),
                        wall.point_at(placement.to_mm),
                    )
                });
                marks.extend(edge.chain(
                    &edge.cuts(cuts),
                    DimensionKind::Wall,
                    Offset::Texts(CHAIN_OFFSET_TEXTS),
                ));
            }
        }
    }
    // Each room's clear lengths along its floor's edges, chained at the doors of partitions
    // (on the partition's left side only, so each door is measured once).
    let partition_doors: Vec<(Coord<f64>, Coord<f64>, f64)> = structure
        .openings
        .iter()
        .filter(|placement| room_on(placement.wall, true) && room_on(placement.wall, false))
        .map(|placement| {
            let wall = &structure.walls[placement.wall];
            let shift = wall.left * wall.half_thickness;
            (
                wall.point_at(placement.from_mm) + shift,
                wall.point_at(placement.to_mm) + shift,
                wall.half_thickness,
            )
        })
        .collect();
    for room in &structure.rooms {
        let floor = &room.floor;
        for index in 0..floor.len() {
            let (start, end) = (floor[index], floor[(index + 1) % floor.len()]);
            let span = end - start;
            if length(span) < SAME_POINT_MM {
                continue;
            }
            let edge = Edge::new(start, end, left_normal(span) / length(span));
            let doors = partition_doors
                .iter()
                .filter(|(from, to, _)| edge.distance(*from) < 1.0 && edge.distance(*to) < 1.0)
                .map(|(from, to, _)| (*from, *to));
            let cuts = edge.cuts(doors);
            let offset = edge.clear_offset(footprints, &furniture);
            marks.extend(edge.chain(&cuts, DimensionKind::Inner, Offset::Fixed(offset)));
        }
    }
    marks.extend(overall(structure));
    marks
}

/// A straight stretch measured along: a wall face or a floor edge, and the way out of it
/// towards its dimension line.
struct Edge {
    start: Coord<f64>,
    /// Unit vector from start to end.
    along: Coord<f64>,
    length_mm: f64,
    /// Unit vector towards the dimension line.
    normal: Coord<f64>,
}

impl Edge {
    fn new(start: Coord<f64>, end: Coord<f64>, normal: Coord<f64>) -> Self {
        let length_mm = length(end - start);
        Self {
            start,
            along: if length_mm > 0.0 {
                (end - start) / length_mm
            } else {
                Coord { x: 1.0, y: 0.0 }
            },
            length_mm,
            normal,
        }
    }

    fn point(&self, along_mm: f64) -> Coord<f64> {
        self.start + self.along * along_mm
    }

    /// Distance of a point from the edge's line.
    fn distance(&self, point: Coord<f64>) -> f64 {
        dot(point - self.start, self.normal).abs()
    }

    /// Openings (their two edges) as stretches along this edge, clipped to it.
    fn cuts(&self, openings: impl Iterator<Item = (Coord<f64>, Coord<f64>)>) -> Vec<(f64, f64)> {
        openings
            .map(|(from, to)| {
                let (a, b) = (
                    dot(from - self.start, self.along),
                    dot(to - self.start, self.along),
                );
                (
                    a.min(b).clamp(0.0, self.length_mm),
                    a.max(b).clamp(0.0, self.length_mm),
                )
            })
            .filter(|(from, to)| to - from >= SAME_POINT_MM)
            .collect()
    }

    /// The edge measured from end to end, cut at each stretch in `cuts`.
    fn chain(
        &self,
        cuts: &[(f64, f64)],
        kind: DimensionKind,
        offset: Offset,
    ) -> Vec<DimensionMark> {
        if self.length_mm < SAME_POINT_MM {
            return Vec::new();
        }
        let mut points: Vec<(f64, bool)> = vec![(0.0, false)];
        for (from, to) in cuts {
            points.push((*from, true));
            points.push((*to, false));
        }
        points.push((self.length_mm, false));
        points.sort_by(|a, b| a.0.total_cmp(&b.0));
        points.dedup_by(|later, earlier| {
            let same = later.0 - earlier.0 < SAME_POINT_MM;
            earlier.1 |= same && later.1;
            same
        });
        points
            .windows(2)
            .map(|pair| {
                let kind = if pair[0].1 {
                    DimensionKind::Opening
                } else {
                    kind
                };
                DimensionMark::new(
                    kind,
                    self.point(pair[0].0),
                    self.point(pair[1].0),
                    self.normal,
                    offset,
                )
            })
            .collect()
    }

    /// How far from the edge its clear length is drawn: just past the furniture standing
    /// against it (cabinets, a sideboard) where that stays near the wall, else at the usual
    /// offset (the line then runs under the furniture, which is drawn over it).
    fn clear_offset(
        &self,
        footprints: &[[Coord<f64>; 4]],
        furniture: &RTree<GeomWithData<Rectangle<[f64; 2]>, usize>>,
    ) -> f64 {
        let (start, end) = (self.start, self.point(self.length_mm));
        let reach = self.normal * AGAINST_WALL_MM;
        let Some((low, high)) = extent([start, end, start + reach, end + reach].iter()) else {
            return INNER_OFFSET_MM;
        };
        let envelope = AABB::from_corners([low.x, low.y], [high.x, high.y]);
        let mut covered_mm = 0.0;
        let deepest = furniture
            .locate_in_envelope_intersecting(&envelope)
            .filter_map(|found| {
                let corners = &footprints[found.data];
                let depths = corners
                    .iter()
                    .map(|corner| dot(*corner - start, self.normal));
                let nearest = depths.clone().fold(f64::INFINITY, f64::min);
                let (first, last) = corners
                    .iter()
                    .map(|corner| dot(*corner - start, self.along))
                    .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), t| {
                        (a.min(t), b.max(t))
                    });
                let beside = last > 0.0 && first < self.length_mm;
                let against = beside && (-1.0..AGAINST_WALL_MM).contains(&nearest);
                if against {
                    covered_mm += last.min(self.length_mm) - first.max(0.0);
                }
                against.then(|| depths.fold(f64::NEG_INFINITY, f64::max))
            })
            .fold(0.0, f64::max);
        // Only a run of furniture along most of the wall (a kitchen, a wall of wardrobes)
        // moves the line; a single piece in a corner leaves it near the wall, under the piece.
        if covered_mm < self.length_mm * 0.5 {
            return INNER_OFFSET_MM;
        }
        let pushed = deepest + INNER_OFFSET_MM * 0.7;
        if deepest > 0.0 && pushed <= MAX_INNER_OFFSET_MM {
            pushed.max(INNER_OFFSET_MM)
        } else {
            INNER_OFFSET_MM
        }
    }
}

/// The overall width above the plan and the overall depth to its left.
fn overall(structure: &Structure) -> Vec<DimensionMark> {
    let corners: Vec<Coord<f64>> = structure
        .walls
        .iter()
        .flat_map(WallGeometry::outline)
        .collect();
    let Some((low, high)) = extent(corners.iter()) else {
        return Vec::new();
    };
    if structure.rooms.is_empty() {
        return Vec::new();
    }
    let up = Coord { x: 0.0, y: 1.0 };
    let left = Coord { x: -1.0, y: 0.0 };
    vec![
        DimensionMark::new(
            DimensionKind::Overall,
            Coord {
                x: low.x,
                y: high.y,
            },
            high,
            up,
            Offset::Texts(OVERALL_OFFSET_TEXTS),
        ),
        DimensionMark::new(
            DimensionKind::Overall,
            low,
            Coord {
                x: low.x,
                y: high.y,
            },
            left,
            Offset::Texts(OVERALL_OFFSET_TEXTS),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::constraints::test_support::{catalogs, opening, room};

    #[test]
    fn an_outside_face_is_chained_at_its_window_outside_the_wall() {
        let mut plan = room();
        plan.openings.push(opening("win", "window", "south", 1000));
        let structure = Structure::new(&plan, &catalogs());
        let marks = dimension_marks(&structure, &[]);
        let south: Vec<&DimensionMark> = marks
            .iter()
            .filter(|mark| mark.kind != DimensionKind::Overall && mark.line.0.y < -200.0)
            .collect();
        assert_eq!(south.len(), 3, "corner to window, window, window to corner");
        assert_eq!(
            south
                .iter()
                .filter(|mark| mark.kind == DimensionKind::Opening)
                .count(),
            1
        );
        let total: f64 = south.iter().map(|mark| mark.length_mm).sum();
        let wall = &structure.walls[0];
        assert!((total - crate::domain::geometry::dimensions::face_lengths(wall).1).abs() < 1e-6);
        let opening_mark = south
            .iter()
            .find(|mark| mark.kind == DimensionKind::Opening)
            .expect("window");
        assert!((opening_mark.length_mm - 1200.0).abs() < 1e-6);
        let inner = marks
            .iter()
            .filter(|mark| mark.kind == DimensionKind::Inner)
            .count();
        assert_eq!(inner, 4, "one clear length per room side");
        assert_eq!(
            marks
                .iter()
                .filter(|mark| mark.kind == DimensionKind::Overall)
                .count(),
            2
        );
        let ticks = opening_mark.ticks(50.0);
        assert!((length(ticks[0].1 - ticks[0].0) - 100.0).abs() < 1e-6);
    }

    #[test]
    fn a_clear_length_moves_past_a_run_of_cabinets_but_not_past_one_in_a_corner() {
        let structure = Structure::new(&room(), &catalogs());
        let cabinets = |from: f64, to: f64| {
            [
                Coord { x: from, y: 50.0 },
                Coord { x: to, y: 50.0 },
                Coord { x: to, y: 650.0 },
                Coord { x: from, y: 650.0 },
            ]
        };
        let south_inner = |footprints: &[[Coord<f64>; 4]]| {
            dimension_marks(&structure, footprints)
                .into_iter()
                .find(|mark| mark.kind == DimensionKind::Inner && mark.outward.y > 0.5)
                .expect("the south wall's clear length")
                .line
                .0
                .y
        };
        assert!(south_inner(&[cabinets(50.0, 4000.0)]) > 650.0);
        assert!(south_inner(&[cabinets(50.0, 1000.0)]) < 650.0);
    }
}
