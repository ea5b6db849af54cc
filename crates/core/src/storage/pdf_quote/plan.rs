//! The floor plan drawn as vectors at a standard scale fitted to the space: the one plan drawing
//! the screen and the PNG render also draw (walls as filled polygons, doorways as gaps with the
//! leaf and its swing arc, windows as glass lines, products as outlined footprints labelled with
//! their quote position, name and size, dimension lines, labels that never overlap), and a
//! scale bar.

use super::page::{Align, Block, CONTENT_WIDTH, LEFT, Op, Pen, RIGHT, Rgb, Style, theme};
use crate::domain::drawing::labels::{LabelSettings, place_labels};
use crate::domain::drawing::plan_drawing::PlanDrawing;
use crate::domain::drawing::plan_paint::{
    PaintSettings, Palette, Pen as PaintPen, Rgba, Shape, paint,
};
use crate::domain::geometry::Coord;
use crate::domain::geometry::extent;
use crate::domain::values::length_units::LengthUnit;
use crate::storage::fonts::{FontKind, Fonts};
use std::collections::BTreeSet;

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
/// Room around the drawing.
const MARGIN: f32 = 6.0;
/// Label text size in points.
const TEXT_PT: f32 = 6.0;
/// Height under the drawing for the scale bar.
const BAR_ROOM: f32 = 30.0;

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

/// The plan fitted into a block `height` points tall (or less), or `None` for an empty plan:
/// the shared drawing ([`paint`]) at the finest standard scale that fits, labels placed for
/// 6 pt text (product names with their quote position).
pub(super) fn plan_block(fonts: &Fonts, plan: &PlanDrawing, height: f32) -> Option<Block> {
    let room_width = f64::from(CONTENT_WIDTH - 2.0 * MARGIN);
    let room_height = f64::from(height - 2.0 * MARGIN - BAR_ROOM);
    if room_height <= 0.0 {
        return None;
    }
    let mut drawing = plan.clone();
    let (mut low, mut high) = drawing.bounds()?;
    let mut fitted = (1.0, None, Vec::new());
    // Labels moved out along leaders can reach past the drawing: fit, place, fit again.
    for _ in 0..2 {
        let (width_mm, height_mm) = ((high.x - low.x).max(1.0), (high.y - low.y).max(1.0));
        let fit = (room_width / width_mm).min(room_height / height_mm);
        let (scale, ratio) = SCALES
            .iter()
            .map(|ratio| (PT_PER_MM / f64::from(*ratio), Some(*ratio)))
            .find(|(scale, _)| *scale <= fit)
            .unwrap_or((fit, None));
        let text_mm = f64::from(TEXT_PT) / scale;
        drawing.set_text_size(text_mm);
        let settings = LabelSettings {
            unit: LengthUnit::Millimetres,
            text_mm,
            view: None,
            numbered: true,
        };
        let labels = place_labels(&drawing, &settings, fonts);
        let corners: Vec<Coord<f64>> = labels.iter().flat_map(|label| label.corners()).collect();
        let (drawn_low, drawn_high) = drawing.bounds()?;
        let (label_low, label_high) = extent(corners.iter()).unwrap_or((drawn_low, drawn_high));
        low = Coord {
            x: drawn_low.x.min(label_low.x),
            y: drawn_low.y.min(label_low.y),
        };
        high = Coord {
            x: drawn_high.x.max(label_high.x),
            y: drawn_high.y.max(label_high.y),
        };
        fitted = (scale, ratio, labels);
    }
    let (scale, ratio, labels) = fitted;
    let drawn_width = ((high.x - low.x) * scale) as f32;
    let drawn_height = ((high.y - low.y) * scale) as f32;
    let view = View {
        scale,
        low,
        high,
        origin: (LEFT + (CONTENT_WIDTH - drawn_width) / 2.0, MARGIN),
    };
    let none = BTreeSet::new();
    let settings = PaintSettings {
        units_per_mm: scale,
        line_scale: 0.55,
        palette: &Palette::PRINT,
        selected: None,
        violating: &none,
        floors: true,
    };
    let mut block = Block::default();
    for shape in paint(&drawing, &labels, &settings) {
        push_shape(&mut block, fonts, &view, shape);
    }
    let bar_top = view.origin.1 + drawn_height + MARGIN;
    draw_scale_bar(&mut block, fonts, &view, bar_top, ratio);
    block.height = bar_top + BAR_ROOM - 6.0;
    Some(block)
}

fn rgb(colour: Rgba) -> Rgb {
    // Paper shows through translucent colours.
    let mix = |channel: u8| {
        let alpha = u16::from(colour.3);
        ((u16::from(channel) * alpha + 255 * (255 - alpha)) / 255) as u8
    };
    Rgb(mix(colour.0), mix(colour.1), mix(colour.2))
}

fn pen_of(pen: PaintPen) -> Pen {
    if pen.dashed {
        Pen::dashed(rgb(pen.colour), pen.width)
    } else {
        Pen::solid(rgb(pen.colour), pen.width)
    }
}

/// One painted shape as page operations.
fn push_shape(block: &mut Block, fonts: &Fonts, view: &View, shape: Shape) {
    match shape {
        Shape::Floor { points, colour } => block.ops.push(Op::Shape {
            points: points.iter().map(|point| view.at(*point)).collect(),
            closed: true,
            fill: Some(rgb(colour)),
            pen: None,
        }),
        Shape::Polygon { points, fill, pen } => block.ops.push(Op::Shape {
            points: points.iter().map(|point| view.at(*point)).collect(),
            closed: true,
            fill: fill.map(rgb),
            pen: pen.map(pen_of),
        }),
        Shape::Line { points, pen } => block.ops.push(Op::Shape {
            points: points.iter().map(|point| view.at(*point)).collect(),
            closed: false,
            fill: None,
            pen: Some(pen_of(pen)),
        }),
        Shape::Text {
            text,
            centre,
            angle_deg,
            size_mm,
            bold,
            colour,
        } => {
            let font = if bold {
                FontKind::Bold
            } else {
                FontKind::Regular
            };
            let size = view.length(size_mm);
            let width = fonts.width(font, size, &text);
            let (cx, cy) = view.at(centre);
            // Page y runs down: the text's direction and the way down across it.
            let radians = angle_deg.to_radians() as f32;
            let (along, down) = (
                (radians.cos(), -radians.sin()),
                (radians.sin(), radians.cos()),
            );
            let baseline = size * 0.36;
            block.ops.push(Op::Text {
                x: cx - along.0 * width / 2.0 + down.0 * baseline,
                y: cy - along.1 * width / 2.0 + down.1 * baseline,
                text,
                font,
                size,
                colour: rgb(colour),
                angle_deg: angle_deg as f32,
            });
        }
    }
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
