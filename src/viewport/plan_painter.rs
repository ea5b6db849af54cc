//! The plan view on screen: the core's one plan drawing (the one the PNG render and the PDF
//! quote draw) painted as egui vectors over the floors, crisp at every zoom, with its labels
//! placed for a readable text size in screen points. Also the mapping between plan millimetres
//! and screen points that the other plan-view painters use.

use crate::document::Document;
use crate::editor::selection::Selection;
use crate::live::LiveState;
use crate::preferences::Preferences;
use crate::theme;
use crate::viewport::camera::{OrbitCamera, ViewArea, ViewMode};
use bevy::prelude::*;
use bevy_egui::egui;
use room_planner_core::domain::drawing::labels::{LabelSettings, PlacedLabel, place_labels};
use room_planner_core::domain::drawing::plan_drawing::{PlanDrawing, plan_drawing_of};
use room_planner_core::domain::drawing::plan_paint::{
    PaintSettings, Palette, Pen, Rgba, Shape, paint,
};
use room_planner_core::domain::geometry::Coord;
use room_planner_core::domain::geometry::dimensions::distances_to_walls;
use room_planner_core::domain::values::ids::{ElementId, ProductInstanceId};
use room_planner_core::domain::values::length_units::LengthUnit;
use room_planner_core::storage::fonts::Fonts;
use std::collections::{BTreeMap, BTreeSet};

/// Label text size on screen, in points: never smaller, however far the view is zoomed out.
pub const TEXT_PT: f32 = 12.5;
/// The egui font family the plan's text is set in (the embedded DejaVu Sans Condensed, the
/// font the PNG and PDF use, so labels measure the same everywhere).
const FONT: &str = "plan";
const FONT_BOLD: &str = "plan-bold";
/// Layouts with more products than this get labels only around what is in view.
const LABEL_EVERYTHING_UP_TO: usize = 2_000;

/// The egui layer the plan view is painted on (the drawing first, then the tools' marks: one
/// layer keeps them in that order).
#[must_use]
pub fn plan_layer() -> egui::LayerId {
    egui::LayerId::new(egui::Order::Background, egui::Id::new("plan view"))
}

/// Plan millimetres to screen points for the plan view.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlanMapping {
    /// Points per plan millimetre.
    pub points_per_mm: f32,
    /// The view's centre on screen.
    pub centre: egui::Pos2,
    /// The plan point at the view's centre.
    pub focus: Coord<f64>,
    /// The view's area on screen.
    pub area: egui::Rect,
}

impl PlanMapping {
    /// The plan camera's mapping onto `area`.
    #[must_use]
    pub fn of(orbit: &OrbitCamera, area: egui::Rect) -> Self {
        // The plan camera shows `distance × 0.8` metres from top to bottom.
        let points_per_mm = area.height() / (orbit.distance * 0.8 * 1000.0).max(1.0);
        Self {
            points_per_mm,
            centre: area.center(),
            focus: Coord {
                x: f64::from(orbit.focus.x) * 1000.0,
                y: -f64::from(orbit.focus.z) * 1000.0,
            },
            area,
        }
    }

    /// Where a plan point is on screen.
    #[must_use]
    pub fn screen(&self, point: Coord<f64>) -> egui::Pos2 {
        let scale = f64::from(self.points_per_mm);
        egui::pos2(
            self.centre.x + ((point.x - self.focus.x) * scale) as f32,
            self.centre.y - ((point.y - self.focus.y) * scale) as f32,
        )
    }

    /// The plan point under a screen point.
    #[must_use]
    pub fn plan(&self, screen: egui::Pos2) -> Coord<f64> {
        let scale = f64::from(self.points_per_mm).max(1e-9);
        Coord {
            x: self.focus.x + f64::from(screen.x - self.centre.x) / scale,
            y: self.focus.y - f64::from(screen.y - self.centre.y) / scale,
        }
    }

    /// The plan box the view shows (lowest, highest corner).
    #[must_use]
    pub fn visible(&self) -> (Coord<f64>, Coord<f64>) {
        let (a, b) = (
            self.plan(self.area.left_bottom()),
            self.plan(self.area.right_top()),
        );
        (a, b)
    }
}

/// Lowest and highest corner of a part of the plan.
type Bounds = (Coord<f64>, Coord<f64>);

/// The drawing and its placed labels, kept between frames and redone only when the layout,
/// the unit or the zoom changed (or the view moved past the labelled part of a large layout).
#[derive(Default)]
pub(crate) struct PlanCache {
    drawing: Option<PlanDrawing>,
    violating: BTreeSet<ProductInstanceId>,
    labels: Vec<PlacedLabel>,
    /// The zoom, unit and part of the plan the labels were placed for.
    labelled: Option<(f32, LengthUnit, Option<Bounds>)>,
    fonts: Option<Fonts>,
}

/// Adds the plan's fonts to egui once.
pub(crate) fn install_plan_fonts(ctx: &egui::Context) {
    for (name, data) in [
        (
            FONT,
            include_bytes!("../../assets/fonts/DejaVuSansCondensed.ttf").as_slice(),
        ),
        (
            FONT_BOLD,
            include_bytes!("../../assets/fonts/DejaVuSansCondensed-Bold.ttf").as_slice(),
        ),
    ] {
        ctx.add_font(egui::epaint::text::FontInsert::new(
            name,
            egui::FontData::from_static(data),
            vec![egui::epaint::text::InsertFontFamily {
                family: egui::FontFamily::Name(name.into()),
                priority: egui::epaint::text::FontPriority::Highest,
            }],
        ));
    }
}

/// The colours on screen: the print palette with the theme's selection and violation colours,
/// and no floors (the window shows its own).
fn screen_palette() -> Palette {
    let rgba = |colour: Color, alpha: f32| {
        let srgba = colour.to_srgba();
        Rgba(
            (srgba.red * 255.0) as u8,
            (srgba.green * 255.0) as u8,
            (srgba.blue * 255.0) as u8,
            (alpha * 255.0) as u8,
        )
    };
    let light = |colour: Color| rgba(Color::from(colour.to_srgba().mix(&Srgba::WHITE, 0.75)), 1.0);
    Palette {
        selected: (light(theme::SELECTION), rgba(theme::SELECTION, 1.0)),
        violating: (light(theme::VIOLATION), rgba(theme::VIOLATION, 1.0)),
        ..Palette::PRINT
    }
}

/// Paints the plan drawing while the plan view is shown.
#[allow(clippy::too_many_arguments)]
pub(crate) fn paint_plan_view(
    mut contexts: bevy_egui::EguiContexts,
    mode: Res<ViewMode>,
    document: Res<Document>,
    live: Res<LiveState>,
    preferences: Res<Preferences>,
    selection: Res<Selection>,
    area: Res<ViewArea>,
    cameras: Query<&OrbitCamera>,
    mut cache: Local<PlanCache>,
    mut fonts_installed: Local<bool>,
) -> Result {
    let ctx = contexts.ctx_mut()?.clone();
    if !*fonts_installed {
        install_plan_fonts(&ctx);
        *fonts_installed = true;
    }
    if *mode != ViewMode::Plan || !area.0.is_positive() {
        return Ok(());
    }
    let Ok(orbit) = cameras.single() else {
        return Ok(());
    };
    let mapping = PlanMapping::of(orbit, area.0);
    let unit = preferences.length_unit;
    if live.is_changed() || document.is_changed() || cache.drawing.is_none() {
        let products = document
            .layout
            .products
            .iter()
            .filter_map(|placed| live.checker.product(&placed.id));
        let structure = live.checker.structure();
        cache.drawing = Some(plan_drawing_of(
            &document.layout,
            structure,
            products,
            &BTreeMap::new(),
        ));
        cache.violating = live
            .checker
            .elements_in_violation()
            .into_iter()
            .filter_map(|element| match element {
                ElementId::Product(id) => Some(id),
                _ => None,
            })
            .collect();
        cache.labelled = None;
    }
    if cache.fonts.is_none() {
        cache.fonts = Fonts::new();
    }
    let Some(mut drawing) = cache.drawing.clone() else {
        return Ok(());
    };
    let text_mm = f64::from(TEXT_PT / mapping.points_per_mm);
    drawing.set_text_size(text_mm);
    let visible = mapping.visible();
    let view = (drawing.products.len() > LABEL_EVERYTHING_UP_TO).then(|| {
        let (low, high) = visible;
        let margin = (high.x - low.x).max(high.y - low.y);
        (
            low - Coord {
                x: margin,
                y: margin,
            },
            high + Coord {
                x: margin,
                y: margin,
            },
        )
    });
    let stale = match cache.labelled {
        None => true,
        Some((points_per_mm, labelled_unit, labelled_view)) => {
            (points_per_mm / mapping.points_per_mm - 1.0).abs() > 0.01
                || labelled_unit != unit
                || labelled_view.is_some_and(|(low, high)| {
                    visible.0.x < low.x
                        || visible.0.y < low.y
                        || visible.1.x > high.x
                        || visible.1.y > high.y
                })
        }
    };
    if stale {
        let settings = LabelSettings {
            unit,
            text_mm,
            view,
            numbered: false,
        };
        cache.labels = match &cache.fonts {
            Some(fonts) => place_labels(&drawing, &settings, fonts),
            None => place_labels(
                &drawing,
                &settings,
                &room_planner_core::domain::drawing::labels::ApproximateMeasure,
            ),
        };
        cache.labelled = Some((mapping.points_per_mm, unit, view));
    }
    let palette = screen_palette();
    let selected = selection.product();
    let settings = PaintSettings {
        units_per_mm: f64::from(mapping.points_per_mm),
        line_scale: 1.0,
        palette: &palette,
        selected,
        violating: &cache.violating,
        floors: false,
    };
    let mut shapes = paint(&drawing, &cache.labels, &settings);
    if let Some(placement) = selected.and_then(|id| live.checker.product(id)) {
        shapes.extend(clearance_shapes(
            &distances_to_walls(&placement.footprint, &live.checker.structure().walls),
            unit,
            text_mm,
        ));
    }
    let painter = ctx.layer_painter(plan_layer()).with_clip_rect(mapping.area);
    paint_shapes(&painter, &mapping, &shapes);
    scale_bar(&painter, &mapping, unit);
    Ok(())
}

/// Round lengths a scale bar segment may have, in millimetres.
const BAR_STEPS_MM: [f64; 12] = [
    10.0, 20.0, 50.0, 100.0, 200.0, 250.0, 500.0, 1_000.0, 2_000.0, 5_000.0, 10_000.0, 20_000.0,
];

/// A scale bar in the view's bottom-left corner: two segments of a round length.
fn scale_bar(painter: &egui::Painter, mapping: &PlanMapping, unit: LengthUnit) {
    let points_per_mm = f64::from(mapping.points_per_mm);
    let step_mm = BAR_STEPS_MM
        .iter()
        .copied()
        .find(|step| step * points_per_mm >= 55.0)
        .unwrap_or(BAR_STEPS_MM[BAR_STEPS_MM.len() - 1]);
    let step = (step_mm * points_per_mm) as f32;
    let origin = mapping.area.left_bottom() + egui::vec2(16.0, -22.0);
    let ink = egui::Color32::from_rgb(33, 37, 41);
    let label = unit.format(step_mm * 2.0);
    let galley = painter.layout_no_wrap(label, egui::FontId::proportional(12.0), ink);
    let backdrop = egui::Rect::from_min_max(
        origin + egui::vec2(-8.0, -8.0 - galley.size().y),
        origin + egui::vec2(2.0 * step + 10.0 + galley.size().x + 6.0, 12.0),
    );
    painter.rect_filled(backdrop, 4.0, egui::Color32::from_white_alpha(210));
    for segment in 0..2 {
        let left = origin.x + step * segment as f32;
        let rect = egui::Rect::from_min_max(
            egui::pos2(left, origin.y),
            egui::pos2(left + step, origin.y + 6.0),
        );
        let fill = if segment == 0 {
            ink
        } else {
            egui::Color32::WHITE
        };
        painter.rect(
            rect,
            0.0,
            fill,
            egui::Stroke::new(1.0, ink),
            egui::StrokeKind::Inside,
        );
    }
    painter.galley(
        origin + egui::vec2(2.0 * step + 8.0, 3.0 - galley.size().y / 2.0),
        galley,
        ink,
    );
}

/// The selected product's distances to the nearest walls, as lines with their lengths.
fn clearance_shapes(
    clearances: &[room_planner_core::domain::geometry::dimensions::Clearance],
    unit: LengthUnit,
    text_mm: f64,
) -> Vec<Shape> {
    let colour = {
        let srgba = theme::CLEARANCE.to_srgba();
        Rgba(
            (srgba.red * 255.0) as u8,
            (srgba.green * 255.0) as u8,
            (srgba.blue * 255.0) as u8,
            255,
        )
    };
    clearances
        .iter()
        .flat_map(|clearance| {
            // Near the product, where the line starts, rather than in the middle of the room
            // where the room's name sits.
            let text = unit.format(clearance.distance_mm);
            let at = clearance.from + (clearance.to - clearance.from) * 0.3;
            let size_mm = text_mm * 0.9;
            let half = Coord {
                x: text.chars().count() as f64 * size_mm * 0.3 + size_mm * 0.3,
                y: size_mm * 0.7,
            };
            [
                Shape::Line {
                    points: vec![clearance.from, clearance.to],
                    pen: Pen {
                        width: 1.4,
                        colour,
                        dashed: false,
                    },
                },
                Shape::Polygon {
                    points: vec![
                        at - half,
                        at + Coord {
                            x: half.x,
                            y: -half.y,
                        },
                        at + half,
                        at + Coord {
                            x: -half.x,
                            y: half.y,
                        },
                    ],
                    fill: Some(Rgba(255, 255, 255, 235)),
                    pen: Some(Pen {
                        width: 1.0,
                        colour,
                        dashed: false,
                    }),
                },
                Shape::Text {
                    text,
                    centre: at,
                    angle_deg: 0.0,
                    size_mm,
                    bold: true,
                    colour,
                },
            ]
        })
        .collect()
}

fn colour32(rgba: Rgba) -> egui::Color32 {
    egui::Color32::from_rgba_unmultiplied(rgba.0, rgba.1, rgba.2, rgba.3)
}

fn stroke(pen: &Pen) -> egui::Stroke {
    egui::Stroke::new(pen.width, colour32(pen.colour))
}

/// Paints shapes in plan millimetres onto the screen.
pub fn paint_shapes(painter: &egui::Painter, mapping: &PlanMapping, shapes: &[Shape]) {
    let area = mapping.area.expand(200.0);
    // Fonts added to egui are bound from the next frame on.
    let bound = painter.ctx().fonts(|fonts| {
        fonts
            .definitions()
            .families
            .contains_key(&egui::FontFamily::Name(FONT_BOLD.into()))
    });
    for shape in shapes {
        match shape {
            Shape::Floor { .. } => {}
            Shape::Polygon { points, fill, pen } => {
                let points: Vec<egui::Pos2> =
                    points.iter().map(|point| mapping.screen(*point)).collect();
                if !points.iter().any(|point| area.contains(*point)) && !crosses(&points, area) {
                    continue;
                }
                let outline = match pen {
                    Some(pen) if pen.dashed => {
                        let mut closed = points.clone();
                        closed.extend(points.first().copied());
                        painter.extend(egui::Shape::dashed_line(
                            &closed,
                            stroke(pen),
                            pen.width * 5.0,
                            pen.width * 3.5,
                        ));
                        egui::Stroke::NONE
                    }
                    Some(pen) => stroke(pen),
                    None => egui::Stroke::NONE,
                };
                let fill = fill.map_or(egui::Color32::TRANSPARENT, colour32);
                painter.add(egui::Shape::convex_polygon(points, fill, outline));
            }
            Shape::Line { points, pen } => {
                let points: Vec<egui::Pos2> =
                    points.iter().map(|point| mapping.screen(*point)).collect();
                if pen.dashed {
                    painter.extend(egui::Shape::dashed_line(
                        &points,
                        stroke(pen),
                        pen.width * 5.0,
                        pen.width * 3.5,
                    ));
                } else {
                    painter.add(egui::Shape::line(points, stroke(pen)));
                }
            }
            Shape::Text {
                text,
                centre,
                angle_deg,
                size_mm,
                bold,
                colour,
            } => {
                let centre = mapping.screen(*centre);
                if !area.contains(centre) {
                    continue;
                }
                let family = if bound {
                    egui::FontFamily::Name(if *bold { FONT_BOLD } else { FONT }.into())
                } else {
                    egui::FontFamily::Proportional
                };
                let size = (*size_mm * f64::from(mapping.points_per_mm)) as f32;
                let galley = painter.layout_no_wrap(
                    text.clone(),
                    egui::FontId::new(size, family),
                    colour32(*colour),
                );
                let half = galley.size() / 2.0;
                let angle = -(*angle_deg as f32).to_radians();
                let turned = egui::emath::Rot2::from_angle(angle) * half;
                let position = centre - turned;
                painter.add(
                    egui::epaint::TextShape::new(position, galley, colour32(*colour))
                        .with_angle(angle),
                );
            }
        }
    }
}

/// Whether a polygon's bounds cross an area (a long wall through the view).
fn crosses(points: &[egui::Pos2], area: egui::Rect) -> bool {
    let bounds = egui::Rect::from_points(points);
    bounds.intersects(area)
}
