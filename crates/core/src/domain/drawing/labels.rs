//! Label placement on the plan drawing: every label (room name and area, dimension text, product
//! name, product size, opening name) gets a box; the pass places them in that order of
//! priority, trying each label's spots in turn (inside its room or footprint or beside its
//! dimension line first, then out along a leader line), preferring spots off walls, furniture,
//! door swings and dimension lines, and never letting two boxes touch. A label that finds no
//! free spot is left out; room labels search until they find one. Text is kept as written
//! (ä, ö, ß, m², ×) and never shrinks below the size asked for.

use super::dimensions::DimensionMark;
use super::label_board::{Board, Obstacle, Region, nearest_on_box};
use super::label_spots::{Spot, dimension_spots, opening_spots, product_spots, room_spots};
use super::plan_drawing::PlanDrawing;
use crate::domain::geometry::{Coord, direction};
use crate::domain::values::length_units::LengthUnit;
use geo::Contains;

/// Line height as a multiple of the text size.
pub const LINE_SPACING: f64 = 1.25;
/// Space left around the text inside its box, in em.
const PADDING_EM: f64 = 0.2;

/// Widths of text in the font the drawing is drawn with.
pub trait TextMeasure {
    /// Width of `text` set at size 1 (in em).
    fn width_em(&self, text: &str, bold: bool) -> f64;
}

/// A measure for a condensed sans-serif font without the font at hand (tests, estimates).
#[derive(Debug, Clone, Copy, Default)]
pub struct ApproximateMeasure;

impl TextMeasure for ApproximateMeasure {
    fn width_em(&self, text: &str, bold: bool) -> f64 {
        text.chars().count() as f64 * if bold { 0.62 } else { 0.56 }
    }
}

/// What a label says, in the order labels are placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LabelKind {
    /// A room's name and net floor area.
    Room,
    /// A dimension line's length.
    Dimension,
    /// A product's name.
    ProductName,
    /// A product's width × depth.
    ProductSize,
    /// A door's or window's name.
    Opening,
}

impl LabelKind {
    /// Text size as a multiple of the drawing's text size.
    #[must_use]
    pub fn scale(self) -> f64 {
        match self {
            LabelKind::Room => 1.15,
            LabelKind::Dimension => 0.9,
            LabelKind::ProductName => 1.0,
            LabelKind::ProductSize | LabelKind::Opening => 0.85,
        }
    }

    /// Whether the label's first line is set in bold.
    #[must_use]
    pub fn bold_first(self) -> bool {
        matches!(self, LabelKind::Room | LabelKind::ProductName)
    }
}

/// What a label belongs to: an index into the drawing's rooms, dimensions, products or
/// openings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LabelOwner {
    /// `PlanDrawing::rooms[index]`.
    Room(usize),
    /// `PlanDrawing::dimensions[index]`.
    Dimension(usize),
    /// `PlanDrawing::products[index]`.
    Product(usize),
    /// `PlanDrawing::openings[index]`.
    Opening(usize),
}

/// A label with its place: a box of `width_mm` × `height_mm` centred on `centre`, turned by
/// `angle_deg` (never upside down), lines set from the top.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedLabel {
    /// What it says.
    pub kind: LabelKind,
    /// What it belongs to.
    pub owner: LabelOwner,
    /// The lines of text, top first.
    pub lines: Vec<String>,
    /// Text size (em) in plan millimetres.
    pub text_mm: f64,
    /// Centre of the box.
    pub centre: Coord<f64>,
    /// Direction the text runs, degrees anticlockwise from +x, in (-90, 90].
    pub angle_deg: f64,
    /// Box width along the text.
    pub width_mm: f64,
    /// Box height across the text.
    pub height_mm: f64,
    /// A line from what the label names to the label, when it had to move away.
    pub leader: Option<(Coord<f64>, Coord<f64>)>,
}

impl PlacedLabel {
    /// Whether the first line is bold.
    #[must_use]
    pub fn bold_first(&self) -> bool {
        self.kind.bold_first()
    }

    /// The box's corners, anticlockwise from bottom left (in the text's direction).
    #[must_use]
    pub fn corners(&self) -> [Coord<f64>; 4] {
        quad(self.centre, self.angle_deg, self.width_mm, self.height_mm)
    }

    /// Where each line's middle is, top line first.
    #[must_use]
    pub fn line_centres(&self) -> Vec<Coord<f64>> {
        let up = direction(self.angle_deg + 90.0);
        let step = self.text_mm * LINE_SPACING;
        (0..self.lines.len())
            .map(|line| self.centre + up * (self.height_mm / 2.0 - (line as f64 + 0.5) * step))
            .collect()
    }
}

/// A box centred on `centre`, turned by `angle_deg`.
pub(super) fn quad(centre: Coord<f64>, angle_deg: f64, width: f64, height: f64) -> [Coord<f64>; 4] {
    let along = direction(angle_deg) * (width / 2.0);
    let up = direction(angle_deg + 90.0) * (height / 2.0);
    [
        centre - along - up,
        centre + along - up,
        centre + along + up,
        centre - along + up,
    ]
}

/// What the placement needs besides the drawing.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LabelSettings {
    /// The unit lengths and areas are written in.
    pub unit: LengthUnit,
    /// The drawing's text size in plan millimetres (on screen: the readable pixel size divided
    /// by the zoom, so labels never shrink below it).
    pub text_mm: f64,
    /// Only labels of things inside this box (lowest, highest corner) are placed.
    pub view: Option<(Coord<f64>, Coord<f64>)>,
    /// Product names start with their quote position ("3 Sofa"), as in the PDF.
    pub numbered: bool,
}

/// The plan's labels, placed so that no two touch; see the module docs.
#[must_use]
pub fn place_labels(
    drawing: &PlanDrawing,
    settings: &LabelSettings,
    measure: &dyn TextMeasure,
) -> Vec<PlacedLabel> {
    let mut pass = Pass::new(drawing, settings, measure);
    pass.rooms();
    pass.dimensions();
    let names = pass.product_names();
    pass.product_sizes(&names);
    pass.openings();
    pass.placed
}

/// Lowest and highest corner.
type Bounds = (Coord<f64>, Coord<f64>);

/// Where a label may go besides its spots: the region its `within` spots must lie in, the
/// obstacle it may cover (its own footprint or swing), the room its `in_room` spots must lie in.
struct Limits<'r> {
    region: Region<'r>,
    except: Option<usize>,
    room: Option<&'r geo::Polygon<f64>>,
}

/// The state of one placement pass.
struct Pass<'a> {
    drawing: &'a PlanDrawing,
    settings: &'a LabelSettings,
    measure: &'a dyn TextMeasure,
    board: Board,
    /// Each product's footprint among the obstacles (floor products only).
    product_obstacle: Vec<Option<usize>>,
    /// Each opening's swing zone among the obstacles.
    swing_obstacle: Vec<Option<usize>>,
    /// Room floors with their bounds, to keep product labels in their product's room.
    floors: Vec<(geo::Polygon<f64>, Bounds)>,
    placed: Vec<PlacedLabel>,
}

impl<'a> Pass<'a> {
    fn new(
        drawing: &'a PlanDrawing,
        settings: &'a LabelSettings,
        measure: &'a dyn TextMeasure,
    ) -> Self {
        let mut shapes: Vec<Obstacle> = drawing
            .walls
            .iter()
            .map(|wall| Obstacle {
                points: wall.to_vec(),
                hard: true,
            })
            .collect();
        let mut product_obstacle = Vec::with_capacity(drawing.products.len());
        for mark in &drawing.products {
            product_obstacle.push((!mark.wall_mounted).then(|| {
                shapes.push(Obstacle {
                    points: mark.corners.to_vec(),
                    hard: false,
                });
                shapes.len() - 1
            }));
        }
        let mut swing_obstacle = Vec::with_capacity(drawing.openings.len());
        for mark in &drawing.openings {
            swing_obstacle.push(mark.leaf.as_ref().map(|leaf| {
                shapes.push(Obstacle {
                    points: leaf.zone().to_vec(),
                    hard: false,
                });
                shapes.len() - 1
            }));
        }
        shapes.extend(
            drawing
                .dimensions
                .iter()
                .map(|mark: &DimensionMark| Obstacle {
                    points: vec![mark.line.0, mark.line.1],
                    hard: false,
                }),
        );
        Self {
            drawing,
            settings,
            measure,
            board: Board::new(shapes),
            product_obstacle,
            swing_obstacle,
            floors: drawing
                .rooms
                .iter()
                .filter_map(|room| {
                    let bounds = crate::domain::geometry::extent(room.floor.iter())?;
                    Some((crate::domain::geometry::polygon(&room.floor), bounds))
                })
                .collect(),
            placed: Vec::new(),
        }
    }

    fn in_view(&self, point: Coord<f64>) -> bool {
        self.settings.view.is_none_or(|(low, high)| {
            let margin = (high.x - low.x).max(high.y - low.y) * 0.1;
            point.x >= low.x - margin
                && point.x <= high.x + margin
                && point.y >= low.y - margin
                && point.y <= high.y + margin
        })
    }

    /// Box size of some lines of a kind of label.
    fn size_of(&self, kind: LabelKind, lines: &[String]) -> (f64, f64, f64) {
        let text_mm = self.settings.text_mm * kind.scale();
        let widest = lines
            .iter()
            .enumerate()
            .map(|(index, line)| self.measure.width_em(line, index == 0 && kind.bold_first()))
            .fold(0.0, f64::max);
        (
            text_mm,
            (widest + 2.0 * PADDING_EM) * text_mm,
            lines.len() as f64 * text_mm * LINE_SPACING,
        )
    }

    /// Places a label at the best of `spots`: in the first tier that has a free spot, the
    /// first spot clear of obstacles, else that tier's spot touching the fewest.
    fn place(
        &mut self,
        kind: LabelKind,
        owner: LabelOwner,
        lines: Vec<String>,
        spots: &[Spot],
        limits: Limits<'_>,
    ) -> Option<usize> {
        let Limits {
            region,
            except,
            room,
        } = limits;
        let (text_mm, width, height) = self.size_of(kind, &lines);
        let mut best: Option<(usize, u8, &Spot, [Coord<f64>; 4])> = None;
        for spot in spots {
            if best.is_some_and(|(_, tier, _, _)| tier < spot.tier) {
                break;
            }
            let corners = quad(spot.centre, spot.angle_deg, width, height);
            let outside_room =
                spot.in_room && room.is_some_and(|floor| !Region::Floor(floor).contains(&corners));
            if spot.within && !region.contains(&corners)
                || outside_room
                || !self.board.is_free(&corners)
            {
                continue;
            }
            let hits = self.board.obstacles_hit(&corners, except);
            if best.is_none_or(|(fewest, _, _, _)| hits < fewest) {
                best = Some((hits, spot.tier, spot, corners));
            }
            if hits == 0 {
                break;
            }
        }
        let (_, _, spot, corners) = best?;
        self.board.take(corners);
        let leader = spot
            .leader_from
            .map(|from| (from, nearest_on_box(&corners, from)));
        if let Some((from, to)) = leader {
            // Later labels keep off the leader (a size under its name must not cross it).
            self.board.add_obstacle(Obstacle {
                points: vec![from, to],
                hard: false,
            });
        }
        self.placed.push(PlacedLabel {
            kind,
            owner,
            lines,
            text_mm,
            centre: spot.centre,
            angle_deg: spot.angle_deg,
            width_mm: width,
            height_mm: height,
            leader,
        });
        Some(self.placed.len() - 1)
    }

    fn rooms(&mut self) {
        let unit = self.settings.unit;
        for (index, room) in self.drawing.rooms.iter().enumerate() {
            if !self.in_view(room.label_at) {
                continue;
            }
            let mut lines: Vec<String> = room.name.iter().cloned().collect();
            lines.push(unit.format_area(room.net_area_mm2));
            let (text_mm, width, height) = self.size_of(LabelKind::Room, &lines);
            let floor = crate::domain::geometry::polygon(&room.floor);
            let spots = room_spots(room, &floor, (width, height), text_mm);
            self.place(
                LabelKind::Room,
                LabelOwner::Room(index),
                lines,
                &spots,
                Limits {
                    region: Region::Floor(&floor),
                    except: None,
                    room: None,
                },
            );
        }
    }

    fn dimensions(&mut self) {
        for (index, mark) in self.drawing.dimensions.iter().enumerate() {
            let middle = (mark.line.0 + mark.line.1) / 2.0;
            if !self.in_view(middle) || mark.length_mm < 1.0 {
                continue;
            }
            let lines = vec![self.settings.unit.format_number(mark.length_mm)];
            let (text_mm, width, height) = self.size_of(LabelKind::Dimension, &lines);
            let spots = dimension_spots(mark, (width, height), text_mm);
            self.place(
                LabelKind::Dimension,
                LabelOwner::Dimension(index),
                lines,
                &spots,
                Limits {
                    region: Region::Anywhere,
                    except: None,
                    room: None,
                },
            );
        }
    }

    /// The floor of the room a point lies in.
    fn room_of(&self, point: Coord<f64>) -> Option<geo::Polygon<f64>> {
        self.floors
            .iter()
            .find(|(floor, (low, high))| {
                point.x >= low.x
                    && point.x <= high.x
                    && point.y >= low.y
                    && point.y <= high.y
                    && floor.contains(&geo::Point(point))
            })
            .map(|(floor, _)| floor.clone())
    }

    /// Places every product's name; returns each product's name label, if placed.
    fn product_names(&mut self) -> Vec<Option<usize>> {
        let mut names = vec![None; self.drawing.products.len()];
        for (index, mark) in self.drawing.products.iter().enumerate() {
            if !self.in_view(mark.centre) {
                continue;
            }
            let text = match (self.settings.numbered, mark.position) {
                (true, Some(position)) => format!("{position} {}", mark.name),
                _ => mark.name.clone(),
            };
            let lines = vec![text];
            let (text_mm, width, height) = self.size_of(LabelKind::ProductName, &lines);
            let size_height = text_mm * LabelKind::ProductSize.scale()
                / LabelKind::ProductName.scale()
                * LINE_SPACING;
            let spots = product_spots(mark, (width, height), size_height, text_mm);
            let room = self.room_of(mark.centre);
            names[index] = self.place(
                LabelKind::ProductName,
                LabelOwner::Product(index),
                lines,
                &spots,
                Limits {
                    region: Region::Convex(&mark.corners),
                    except: self.product_obstacle[index],
                    room: room.as_ref(),
                },
            );
        }
        names
    }

    /// Places each named product's size under (or over) its name.
    fn product_sizes(&mut self, names: &[Option<usize>]) {
        for (index, mark) in self.drawing.products.iter().enumerate() {
            let Some(name) = names[index].map(|label| self.placed[label].clone()) else {
                continue;
            };
            let lines = vec![
                self.settings
                    .unit
                    .format_size(&[mark.width_mm as f64, mark.depth_mm as f64]),
            ];
            let (_, _, height) = self.size_of(LabelKind::ProductSize, &lines);
            let room = self.room_of(mark.centre);
            let up = direction(name.angle_deg + 90.0);
            let step = (name.height_mm + height) / 2.0;
            let within = name.leader.is_none();
            let spots: Vec<Spot> = [-1.0, 1.0]
                .into_iter()
                .map(|side| {
                    Spot::new(name.centre + up * (side * step), name.angle_deg, 0).within(within)
                })
                .collect();
            self.place(
                LabelKind::ProductSize,
                LabelOwner::Product(index),
                lines,
                &spots,
                Limits {
                    region: Region::Convex(&mark.corners),
                    except: self.product_obstacle[index],
                    room: room.as_ref(),
                },
            );
        }
    }

    fn openings(&mut self) {
        for (index, mark) in self.drawing.openings.iter().enumerate() {
            let middle = (mark.from + mark.to) / 2.0;
            if !self.in_view(middle) || mark.name.is_empty() {
                continue;
            }
            let lines = vec![mark.name.clone()];
            let (text_mm, width, height) = self.size_of(LabelKind::Opening, &lines);
            let spots = opening_spots(mark, (width, height), text_mm);
            self.place(
                LabelKind::Opening,
                LabelOwner::Opening(index),
                lines,
                &spots,
                Limits {
                    region: Region::Anywhere,
                    except: self.swing_obstacle[index],
                    room: None,
                },
            );
        }
    }
}
