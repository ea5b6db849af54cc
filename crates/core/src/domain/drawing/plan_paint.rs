//! The plan drawing and its placed labels as a list of shapes to paint, in plan millimetres with
//! line widths in device units (screen pixels, PNG pixels, PDF points), so a hairline stays a
//! hairline at every zoom. The screen, the PNG render and the PDF quote each turn the same list
//! into their own drawing calls: floors, furniture, dark walls, windows as glass lines, door
//! leaves with swing arcs, dimension lines with extension lines and ticks, leaders and text.

use super::dimensions::{DimensionMark, Offset};
use super::labels::{LabelKind, PlacedLabel};
use super::plan_drawing::{OpeningMark, PlanDrawing, ProductMark};
use crate::domain::catalog::ProductKind;
use crate::domain::geometry::Coord;
use crate::domain::values::ids::ProductInstanceId;
use std::collections::BTreeSet;

/// A colour with alpha.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgba(pub u8, pub u8, pub u8, pub u8);

/// The plan's colours.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Palette {
    /// Behind everything.
    pub paper: Rgba,
    /// Room floors.
    pub floor: Rgba,
    /// Walls, filled.
    pub wall: Rgba,
    /// Window glass.
    pub glass: Rgba,
    /// Door leaves and swing arcs.
    pub door: Rgba,
    /// Furniture footprints.
    pub footprint: Rgba,
    /// Furniture outlines.
    pub outline: Rgba,
    /// The selected product's fill and outline.
    pub selected: (Rgba, Rgba),
    /// A product breaking a rule: fill and outline.
    pub violating: (Rgba, Rgba),
    /// Dimension lines and their text.
    pub dimension: Rgba,
    /// Names.
    pub ink: Rgba,
    /// Sizes and opening names.
    pub muted: Rgba,
    /// Behind label text, over whatever lies under it.
    pub knockout: Rgba,
}

impl Palette {
    /// Print colours: dark walls, pale blue furniture, grey dimensions on white.
    pub const PRINT: Palette = Palette {
        paper: Rgba(255, 255, 255, 255),
        floor: Rgba(246, 243, 236, 255),
        wall: Rgba(52, 56, 62, 255),
        glass: Rgba(70, 140, 200, 255),
        door: Rgba(58, 96, 134, 255),
        footprint: Rgba(226, 235, 244, 255),
        outline: Rgba(58, 96, 134, 255),
        selected: (Rgba(255, 226, 160, 255), Rgba(214, 140, 20, 255)),
        violating: (Rgba(250, 214, 208, 255), Rgba(190, 45, 35, 255)),
        dimension: Rgba(84, 92, 102, 255),
        ink: Rgba(33, 37, 41, 255),
        muted: Rgba(96, 104, 113, 255),
        knockout: Rgba(255, 255, 255, 190),
    };
}

/// How a line is stroked.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pen {
    /// Width in device units.
    pub width: f32,
    /// Colour.
    pub colour: Rgba,
    /// Dashed (wall units hanging above the floor).
    pub dashed: bool,
}

impl Pen {
    fn solid(width: f32, colour: Rgba) -> Self {
        Self {
            width,
            colour,
            dashed: false,
        }
    }
}

/// One thing to paint.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    /// A room floor: any simple polygon (a window that shows its own floors may skip it).
    Floor {
        /// Corners.
        points: Vec<Coord<f64>>,
        /// Fill.
        colour: Rgba,
    },
    /// A convex polygon, filled and/or outlined.
    Polygon {
        /// Corners.
        points: Vec<Coord<f64>>,
        /// Fill.
        fill: Option<Rgba>,
        /// Outline.
        pen: Option<Pen>,
    },
    /// An open line through points.
    Line {
        /// Points.
        points: Vec<Coord<f64>>,
        /// Stroke.
        pen: Pen,
    },
    /// One line of text centred on a point, running at an angle.
    Text {
        /// What it says.
        text: String,
        /// Middle of the text.
        centre: Coord<f64>,
        /// Direction, degrees anticlockwise from +x.
        angle_deg: f64,
        /// Size (em) in plan millimetres.
        size_mm: f64,
        /// Bold face.
        bold: bool,
        /// Colour.
        colour: Rgba,
    },
}

/// What the painting needs besides the drawing.
#[derive(Debug, Clone, Copy)]
pub struct PaintSettings<'a> {
    /// Device units per plan millimetre.
    pub units_per_mm: f64,
    /// Multiplies every line width (PDF points are thinner than screen pixels).
    pub line_scale: f32,
    /// Colours.
    pub palette: &'a Palette,
    /// The selected product.
    pub selected: Option<&'a ProductInstanceId>,
    /// Products that break a rule.
    pub violating: &'a BTreeSet<ProductInstanceId>,
    /// Paint the floors (the PNG and PDF do; the window shows its own).
    pub floors: bool,
}

/// The shapes of a drawing with its labels, back to front.
#[must_use]
pub fn paint(
    drawing: &PlanDrawing,
    labels: &[PlacedLabel],
    settings: &PaintSettings<'_>,
) -> Vec<Shape> {
    let mut shapes = Vec::new();
    let palette = settings.palette;
    let px = |width: f32| width * settings.line_scale;
    let device_mm = |units: f64| units / settings.units_per_mm.max(1e-9);
    if settings.floors {
        shapes.extend(drawing.rooms.iter().map(|room| Shape::Floor {
            points: room.floor.clone(),
            colour: palette.floor,
        }));
    }
    let dimension_pen = Pen::solid(px(0.8), palette.dimension);
    // Clear lengths inside the rooms run under the furniture; the rest lie outside the walls.
    let (inner, outer): (Vec<&DimensionMark>, Vec<&DimensionMark>) = drawing
        .dimensions
        .iter()
        .partition(|mark| matches!(mark.offset, Offset::Fixed(_)));
    dimension_shapes(&mut shapes, &inner, dimension_pen, device_mm);
    for mark in drawing.products.iter().filter(|mark| !mark.wall_mounted) {
        let (fill, outline) = product_colours(mark, settings);
        shapes.push(Shape::Polygon {
            points: mark.corners.to_vec(),
            fill: Some(fill),
            pen: Some(Pen::solid(px(1.2), outline)),
        });
    }
    shapes.extend(drawing.walls.iter().map(|wall| Shape::Polygon {
        points: wall.to_vec(),
        fill: Some(palette.wall),
        // A hairline in the wall colour closes the seams between touching pieces.
        pen: Some(Pen::solid(px(0.6), palette.wall)),
    }));
    for mark in &drawing.openings {
        opening_shapes(&mut shapes, mark, palette, px);
    }
    for mark in drawing.products.iter().filter(|mark| mark.wall_mounted) {
        let (_, outline) = product_colours(mark, settings);
        shapes.push(Shape::Polygon {
            points: mark.corners.to_vec(),
            fill: None,
            pen: Some(Pen {
                width: px(1.1),
                colour: outline,
                dashed: true,
            }),
        });
    }
    dimension_shapes(&mut shapes, &outer, dimension_pen, device_mm);
    for label in labels {
        label_shapes(&mut shapes, label, palette, px);
    }
    shapes
}

/// Dimension lines with their extension lines and ticks.
fn dimension_shapes(
    shapes: &mut Vec<Shape>,
    marks: &[&DimensionMark],
    pen: Pen,
    device_mm: impl Fn(f64) -> f64,
) {
    for mark in marks {
        shapes.push(Shape::Line {
            points: vec![mark.line.0, mark.line.1],
            pen,
        });
        for (from, to) in mark
            .extension_lines(device_mm(3.0), device_mm(4.0))
            .into_iter()
            .chain(mark.ticks(device_mm(4.0)))
        {
            shapes.push(Shape::Line {
                points: vec![from, to],
                pen,
            });
        }
    }
}

fn product_colours(mark: &ProductMark, settings: &PaintSettings<'_>) -> (Rgba, Rgba) {
    let palette = settings.palette;
    if settings.selected == Some(&mark.id) {
        palette.selected
    } else if settings.violating.contains(&mark.id) {
        palette.violating
    } else {
        (palette.footprint, palette.outline)
    }
}

fn opening_shapes(
    shapes: &mut Vec<Shape>,
    mark: &OpeningMark,
    palette: &Palette,
    px: impl Fn(f32) -> f32,
) {
    let side = mark.across * mark.half_thickness;
    let faces = vec![
        mark.from + side,
        mark.to + side,
        mark.to - side,
        mark.from - side,
    ];
    if mark.kind == ProductKind::Window {
        shapes.push(Shape::Polygon {
            points: faces,
            fill: Some(palette.paper),
            pen: Some(Pen::solid(px(0.8), palette.wall)),
        });
        for offset in [-0.25, 0.25] {
            let shift = mark.across * (mark.half_thickness * offset);
            shapes.push(Shape::Line {
                points: vec![mark.from + shift, mark.to + shift],
                pen: Pen::solid(px(1.4), palette.glass),
            });
        }
        return;
    }
    for jamb in [mark.from, mark.to] {
        shapes.push(Shape::Line {
            points: vec![jamb + side, jamb - side],
            pen: Pen::solid(px(1.0), palette.wall),
        });
    }
    if let Some(leaf) = &mark.leaf {
        shapes.push(Shape::Line {
            points: leaf.arc().to_vec(),
            pen: Pen::solid(px(0.8), palette.door),
        });
        shapes.push(Shape::Line {
            points: vec![leaf.hinge, leaf.open_tip],
            pen: Pen::solid(px(1.8), palette.door),
        });
    }
}

fn label_shapes(
    shapes: &mut Vec<Shape>,
    label: &PlacedLabel,
    palette: &Palette,
    px: impl Fn(f32) -> f32,
) {
    if let Some((from, to)) = label.leader {
        shapes.push(Shape::Line {
            points: vec![from, to],
            pen: Pen::solid(px(0.8), palette.muted),
        });
    }
    let inside_product = label.leader.is_none()
        && matches!(label.kind, LabelKind::ProductName | LabelKind::ProductSize);
    if !inside_product {
        shapes.push(Shape::Polygon {
            points: label.corners().to_vec(),
            fill: Some(palette.knockout),
            pen: None,
        });
    }
    let colour = match label.kind {
        LabelKind::Room | LabelKind::ProductName => palette.ink,
        LabelKind::Dimension => palette.dimension,
        LabelKind::ProductSize | LabelKind::Opening => palette.muted,
    };
    for (index, (line, centre)) in label.lines.iter().zip(label.line_centres()).enumerate() {
        shapes.push(Shape::Text {
            text: line.clone(),
            centre,
            angle_deg: label.angle_deg,
            size_mm: label.text_mm,
            bold: index == 0 && label.bold_first(),
            colour,
        });
    }
}
