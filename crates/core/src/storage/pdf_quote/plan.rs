//! The floor plan drawn as vectors at a standard scale fitted to the space: walls as filled
//! polygons, doorways as gaps with the leaf and its swing arc, windows as glass marks in the
//! wall, products as outlined footprints labelled with their quote position, name and size,
//! overall dimensions and a scale bar.

use super::page::{Align, Block, CONTENT_WIDTH, LEFT, Op, Pen, RIGHT, Style, theme};
use super::text::{fit, wrap};
use crate::domain::catalog::ProductKind;
use crate::domain::drawing::plan_drawing::{PlanDrawing, ProductMark};
use crate::domain::geometry::Coord;
use crate::storage::fonts::{FontKind, Fonts};
use rstar::primitives::Rectangle;
use rstar::{AABB, RTree};

/// Points per millimetre of paper.
const PT_PER_MM: f64 = 72.0 / 25.4;
/// Standard drawing scales, finest first.
const SCALES: [u32; 18] = [
    10, 20, 25, 30, 40, 50, 75, 100, 125, 150, 200, 250, 300, 400, 500, 750, 1000, 2000,
];
/// Scale-bar segment lengths to choose from, in plan millimetres.
const BAR_STEPS_MM: [f64; 10] = [
    100.0, 200.0, 250.0, 500.0, 1000.0, 2000.0, 5000.0, 10_000.0, 20_000.0, 50_000.0,
];
/// Room around the drawing for the overall dimension lines.
const DIMENSION_ROOM: f32 = 22.0;
/// Height under the drawing for the scale bar.
const BAR_ROOM: f32 = 30.0;

const LABEL: Style = Style::new(FontKind::Bold, 6.0, theme::INK);
const SIZE: Style = Style::new(FontKind::Regular, 5.5, theme::MUTED);
const DIMENSION: Style = Style::new(FontKind::Regular, 7.0, theme::MUTED);
const CAPTION: Style = Style::new(FontKind::Regular, 7.5, theme::MUTED);

/// Plan millimetres to page points.
#[derive(Debug, Clone, Copy)]
struct View {
    /// Points per plan millimetre.
    scale: f64,
    /// Plan point drawn at `origin`.
    low: Coord<f64>,
    high: Coord<f64>,
    /// Page point of the plan's top-left (low x, high y).
    origin: (f32, f32),
}

impl View {
    fn at(&self, point: Coord<f64>) -> (f32, f32) {
        (
            self.origin.0 + ((point.x - self.low.x) * self.scale) as f32,
            self.origin.1 + ((self.high.y - point.y) * self.scale) as f32,
        )
    }

    fn length(&self, millimetres: f64) -> f32 {
        (millimetres * self.scale) as f32
    }
}

/// The plan fitted into a block `height` points tall (or less), or `None` for an empty plan.
pub(super) fn plan_block(fonts: &Fonts, plan: &PlanDrawing, height: f32) -> Option<Block> {
    let (low, high) = plan.bounds()?;
    let (width_mm, height_mm) = ((high.x - low.x).max(1.0), (high.y - low.y).max(1.0));
    let room_width = f64::from(CONTENT_WIDTH - 2.0 * DIMENSION_ROOM);
    let room_height = f64::from(height - 2.0 * DIMENSION_ROOM - BAR_ROOM);
    if room_height <= 0.0 {
        return None;
    }
    let fitted = (room_width / width_mm).min(room_height / height_mm);
    let (scale, ratio) = SCALES
        .iter()
        .map(|ratio| (PT_PER_MM / f64::from(*ratio), Some(*ratio)))
        .find(|(scale, _)| *scale <= fitted)
        .unwrap_or((fitted, None));
    let drawn_width = (width_mm * scale) as f32;
    let drawn_height = (height_mm * scale) as f32;
    let view = View {
        scale,
        low,
        high,
        origin: (
            LEFT + (CONTENT_WIDTH - drawn_width) / 2.0,
            DIMENSION_ROOM + 4.0,
        ),
    };
    let mut block = Block::default();
    draw_walls(&mut block, plan, &view);
    draw_products(&mut block, fonts, plan, &view);
    draw_openings(&mut block, plan, &view);
    draw_dimensions(&mut block, fonts, &view, drawn_width, drawn_height);
    let bar_top = view.origin.1 + drawn_height + DIMENSION_ROOM;
    draw_scale_bar(&mut block, fonts, &view, bar_top, ratio);
    block.height = bar_top + BAR_ROOM - 6.0;
    Some(block)
}

fn draw_walls(block: &mut Block, plan: &PlanDrawing, view: &View) {
    for wall in &plan.walls {
        block.ops.push(Op::Shape {
            points: wall.iter().map(|corner| view.at(*corner)).collect(),
            closed: true,
            fill: Some(theme::WALL),
            // A hairline in the wall colour closes the seams between touching pieces.
            pen: Some(Pen::solid(theme::WALL, 0.3)),
        });
    }
}

fn draw_openings(block: &mut Block, plan: &PlanDrawing, view: &View) {
    for opening in &plan.openings {
        let side = opening.across * opening.half_thickness;
        let faces = [
            opening.from + side,
            opening.to + side,
            opening.to - side,
            opening.from - side,
        ];
        match opening.kind {
            ProductKind::Window => {
                block.ops.push(Op::Shape {
                    points: faces.iter().map(|point| view.at(*point)).collect(),
                    closed: true,
                    fill: Some(theme::WHITE),
                    pen: Some(Pen::solid(theme::WALL, 0.5)),
                });
                for offset in [-0.2, 0.2] {
                    let shift = opening.across * (opening.half_thickness * offset);
                    block.line(
                        view.at(opening.from + shift),
                        view.at(opening.to + shift),
                        Pen::solid(theme::GLASS, 0.6),
                    );
                }
            }
            _ => {
                for jamb in [opening.from, opening.to] {
                    block.line(
                        view.at(jamb + side),
                        view.at(jamb - side),
                        Pen::solid(theme::WALL, 0.5),
                    );
                }
                if let Some(leaf) = &opening.leaf {
                    block.line(
                        view.at(leaf.hinge),
                        view.at(leaf.open_tip),
                        Pen::solid(theme::OUTLINE, 1.0),
                    );
                    block.ops.push(Op::Shape {
                        points: leaf.arc().iter().map(|point| view.at(*point)).collect(),
                        closed: false,
                        fill: None,
                        pen: Some(Pen::solid(theme::OUTLINE, 0.45)),
                    });
                }
            }
        }
    }
}

fn draw_products(block: &mut Block, fonts: &Fonts, plan: &PlanDrawing, view: &View) {
    for mark in &plan.products {
        let points: Vec<(f32, f32)> = mark.corners.iter().map(|corner| view.at(*corner)).collect();
        let (fill, pen) = if mark.wall_mounted {
            (None, Pen::dashed(theme::OUTLINE, 0.5))
        } else {
            (Some(theme::FOOTPRINT), Pen::solid(theme::OUTLINE, 0.6))
        };
        block.ops.push(Op::Shape {
            points,
            closed: true,
            fill,
            pen: Some(pen),
        });
    }
    let mut taken = Taken::default();
    for mark in plan.products.iter().filter(|mark| !mark.wall_mounted) {
        label_floor_product(block, fonts, mark, view, &mut taken);
    }
    for mark in plan.products.iter().filter(|mark| mark.wall_mounted) {
        label_wall_product(block, fonts, mark, view, &mut taken);
    }
}

/// A box on the page taken by a label: left, top, right, bottom.
type Area = (f32, f32, f32, f32);

fn overlaps(a: Area, b: Area) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

/// The label boxes drawn so far, in an R-tree, so each new label is tested only against the
/// labels near it (a plan of 100,000 products stays n log n).
#[derive(Default)]
struct Taken {
    tree: RTree<Rectangle<[f32; 2]>>,
}

impl Taken {
    fn push(&mut self, area: Area) {
        self.tree
            .insert(Rectangle::from_corners([area.0, area.1], [area.2, area.3]));
    }

    /// True when `area` overlaps no label drawn so far.
    fn is_clear(&self, area: Area) -> bool {
        let envelope = AABB::from_corners([area.0, area.1], [area.2, area.3]);
        self.tree
            .locate_in_envelope_intersecting(&envelope)
            .all(|other| {
                let (low, high) = (other.lower(), other.upper());
                !overlaps(area, (low[0], low[1], high[0], high[1]))
            })
    }
}

/// The label box: the footprint's horizontal and vertical extent on paper, for products turned
/// by quarter turns; a smaller square inside for products at other angles.
fn label_room(mark: &ProductMark, view: &View) -> (f32, f32) {
    let (width, depth) = (
        view.length(mark.width_mm as f64),
        view.length(mark.depth_mm as f64),
    );
    let quarter_turns = mark.rotation_deg / 90.0;
    if (quarter_turns - quarter_turns.round()).abs() < 1e-6 {
        if (quarter_turns.round() as i64).rem_euclid(2) == 0 {
            (width, depth)
        } else {
            (depth, width)
        }
    } else {
        let side = width.min(depth) * 0.7;
        (side, side)
    }
}

/// Labels a floor product with the richest text that fits inside it and clear of the labels
/// already drawn: number and name (on one or two lines, or shortened) over the size, number over
/// size, or the number alone.
fn label_floor_product(
    block: &mut Block,
    fonts: &Fonts,
    mark: &ProductMark,
    view: &View,
    taken: &mut Taken,
) {
    let (room_width, room_height) = label_room(mark, view);
    let inner = room_width - 4.0;
    let (cx, cy) = view.at(mark.centre);
    let number = mark
        .position
        .map(|position| position.to_string())
        .unwrap_or_default();
    let size_text = format!("{} × {}", mark.width_mm, mark.depth_mm);
    let titled = format!("{number} {}", mark.name);
    let shortened = fit(fonts, LABEL, &titled, inner);
    let name_chars = shortened
        .chars()
        .count()
        .saturating_sub(number.chars().count() + 2);
    let mut variants: Vec<Vec<String>> = vec![vec![titled.clone()]];
    let wrapped = wrap(fonts, LABEL, &titled, inner);
    if wrapped.len() == 2 {
        variants.push(wrapped);
    }
    if name_chars >= 4 {
        variants.push(vec![shortened]);
    }
    variants.push(vec![number.clone()]);
    let sized: Vec<Vec<(Style, String)>> = variants
        .into_iter()
        .map(|lines| {
            let mut styled: Vec<(Style, String)> =
                lines.into_iter().map(|line| (LABEL, line)).collect();
            styled.push((SIZE, size_text.clone()));
            styled
        })
        .collect();
    let bare = vec![(LABEL, number.clone())];
    let area_of = |lines: &[(Style, String)]| {
        let height: f32 = lines.iter().map(|(style, _)| style.leading()).sum::<f32>() - 2.0;
        let width = lines
            .iter()
            .map(|(style, text)| fonts.width(style.font, style.size, text))
            .fold(0.0, f32::max);
        (width, height)
    };
    let clear = |(x, y): (f32, f32), width: f32, height: f32| {
        let area = (
            x - width / 2.0,
            y - height / 2.0,
            x + width / 2.0,
            y + height / 2.0,
        );
        taken.is_clear(area)
    };
    let rich = sized.into_iter().find(|lines| {
        let (width, height) = area_of(lines);
        width <= inner && height + 2.0 <= room_height && clear((cx, cy), width, height)
    });
    let (lines, (x, y)) = match rich {
        Some(lines) => (lines, (cx, cy)),
        None => {
            // The number alone, moved off any label it would cover: within the footprint, else
            // just beside it.
            let (width, height) = area_of(&bare);
            let (dx, dy) = (room_width / 4.0, room_height / 4.0);
            let (ox, oy) = (
                (room_width + width) / 2.0 + 2.0,
                (room_height + height) / 2.0 + 2.0,
            );
            let spot = [
                (0.0, 0.0),
                (dx, dy),
                (-dx, dy),
                (dx, -dy),
                (-dx, -dy),
                (ox, 0.0),
                (0.0, oy),
                (-ox, 0.0),
                (0.0, -oy),
            ]
            .into_iter()
            .map(|(dx, dy)| (cx + dx, cy + dy))
            .find(|spot| clear(*spot, width, height))
            .unwrap_or((cx, cy));
            (bare, spot)
        }
    };
    let (width, height) = area_of(&lines);
    let mut baseline = y - height / 2.0 + LABEL.size * 0.8;
    for (style, text) in &lines {
        block.text(fonts, x, baseline, Align::Centre, *style, text);
        baseline += style.leading();
    }
    taken.push((
        x - width / 2.0,
        y - height / 2.0,
        x + width / 2.0,
        y + height / 2.0,
    ));
}

/// Labels a wall unit with its number in brackets, in front of it where no other label is
/// (wall units hang above floor units, whose labels come first).
fn label_wall_product(
    block: &mut Block,
    fonts: &Fonts,
    mark: &ProductMark,
    view: &View,
    taken: &mut Taken,
) {
    let Some(position) = mark.position else {
        return;
    };
    let text = format!("({position})");
    let width = fonts.width(SIZE.font, SIZE.size, &text);
    let height = SIZE.size;
    let front = -back_direction(mark);
    let along = Coord {
        x: -front.y,
        y: front.x,
    };
    let half_depth = mark.depth_mm as f64 / 2.0;
    let half_width = mark.width_mm as f64 / 2.0;
    let step = 1.0 / view.scale;
    let candidates = [
        (0.0, half_depth + 6.0 * step),
        (0.0, half_depth + 14.0 * step),
        (-half_width * 0.6, half_depth + 6.0 * step),
        (half_width * 0.6, half_depth + 6.0 * step),
        (0.0, half_depth + 24.0 * step),
    ];
    let area_at = |(sideways, forwards): (f64, f64)| {
        let (x, y) = view.at(mark.centre + along * sideways + front * forwards);
        (
            x - width / 2.0,
            y - height / 2.0,
            x + width / 2.0,
            y + height / 2.0,
        )
    };
    let chosen = candidates
        .iter()
        .map(|candidate| area_at(*candidate))
        .find(|area| taken.is_clear(*area))
        .unwrap_or_else(|| area_at(candidates[0]));
    block.text(
        fonts,
        (chosen.0 + chosen.2) / 2.0,
        chosen.3 - SIZE.size * 0.15,
        Align::Centre,
        SIZE,
        &text,
    );
    taken.push(chosen);
}

/// Unit vector from a footprint's centre towards its back (the side against the wall).
fn back_direction(mark: &ProductMark) -> Coord<f64> {
    let back_mid = (mark.corners[0] + mark.corners[1]) / 2.0;
    let towards = back_mid - mark.centre;
    let length = towards.x.hypot(towards.y);
    if length > 0.0 {
        towards / length
    } else {
        Coord { x: 0.0, y: -1.0 }
    }
}

/// Overall width above the drawing and overall depth to its left, in millimetres.
fn draw_dimensions(block: &mut Block, fonts: &Fonts, view: &View, width: f32, height: f32) {
    let pen = Pen::solid(theme::MUTED, 0.4);
    let (left, top) = view.origin;
    let y = top - 10.0;
    block.line((left, y), (left + width, y), pen);
    for x in [left, left + width] {
        block.line((x, y - 3.0), (x, y + 3.0), pen);
    }
    let width_mm = (view.high.x - view.low.x).round();
    block.text(
        fonts,
        left + width / 2.0,
        y - 2.5,
        Align::Centre,
        DIMENSION,
        &format!("{width_mm}"),
    );
    let x = left - 10.0;
    block.line((x, top), (x, top + height), pen);
    for y in [top, top + height] {
        block.line((x - 3.0, y), (x + 3.0, y), pen);
    }
    let depth_mm = format!("{}", (view.high.y - view.low.y).round());
    let text_width = fonts.width(DIMENSION.font, DIMENSION.size, &depth_mm);
    block.ops.push(Op::Text {
        x: x - 2.5,
        y: top + height / 2.0 + text_width / 2.0,
        text: depth_mm,
        font: DIMENSION.font,
        size: DIMENSION.size,
        colour: DIMENSION.colour,
        angle_deg: 90.0,
    });
}

/// Four alternating segments of a round length, labelled in metres, and the scale.
fn draw_scale_bar(block: &mut Block, fonts: &Fonts, view: &View, top: f32, ratio: Option<u32>) {
    let step_mm = BAR_STEPS_MM
        .iter()
        .copied()
        .find(|step| view.length(*step) >= 28.0)
        .unwrap_or(BAR_STEPS_MM[BAR_STEPS_MM.len() - 1]);
    let step = view.length(step_mm);
    let segments = (1..=4)
        .rev()
        .find(|count| step * *count as f32 <= CONTENT_WIDTH * 0.5)
        .unwrap_or(1);
    let pen = Pen::solid(theme::INK, 0.5);
    for index in 0..segments {
        let x = LEFT + step * index as f32;
        let fill = if index % 2 == 0 {
            theme::INK
        } else {
            theme::WHITE
        };
        block.rect((x, top, step, 4.0), Some(fill), Some(pen));
    }
    for index in 0..=segments {
        let metres = step_mm * index as f64 / 1000.0;
        let mut label = format!("{metres}");
        if index == segments {
            label.push_str(" m");
        }
        block.text(
            fonts,
            LEFT + step * index as f32,
            top + 13.0,
            Align::Centre,
            DIMENSION,
            &label,
        );
    }
    let caption = match ratio {
        Some(ratio) => format!(
            "Scale 1:{ratio} on A4 · dimensions in mm · numbers refer to the item positions"
        ),
        None => "Not to scale · dimensions in mm · numbers refer to the item positions".to_owned(),
    };
    block.text(fonts, RIGHT, top + 6.0, Align::Right, CAPTION, &caption);
}
