//! Product previews drawn from the parametric model: a front elevation of every part in its
//! catalog colour, painted with egui (used as catalog thumbnails and the large preview).

use crate::scene::materials::slot_colour;
use crate::scene::parts::{Role, parts};
use bevy_egui::egui;
use room_planner_core::domain::catalog::Configuration;
use room_planner_core::domain::catalog::{Appearance, Product, ShapeKind};

fn colour_of(product: &Product, configuration: &Configuration, role: Role) -> egui::Color32 {
    let [r, g, b] =
        slot_colour(product, configuration, role).unwrap_or_else(|| role.default_colour());
    egui::Color32::from_rgb(r, g, b)
}

/// Paints the front view of a configured product into `rect`, scaled to fit.
pub fn paint_front_view(
    painter: &egui::Painter,
    rect: egui::Rect,
    product: &Product,
    configuration: &Configuration,
) {
    let dimensions = product.dimensions(configuration);
    let (w, d, h) = (
        dimensions.width.as_f64() as f32 / 1000.0,
        dimensions.depth.as_f64() as f32 / 1000.0,
        dimensions.height.as_f64() as f32 / 1000.0,
    );
    let shape = match &product.appearance {
        Appearance::Shape { shape, .. } => *shape,
        Appearance::Model { .. } => ShapeKind::Block,
    };
    let scale = (rect.width() / w).min(rect.height() / h) * 0.92;
    let origin = egui::pos2(rect.center().x, rect.center().y + h * scale / 2.0);
    let mut pieces = parts(shape, w, d, h);
    // Paint back to front so fronts and handles cover the carcass.
    pieces.sort_by(|a, b| b.centre.z.total_cmp(&a.centre.z));
    for part in pieces {
        let min = egui::pos2(
            origin.x + (part.centre.x - part.size.x / 2.0) * scale,
            origin.y - (part.centre.y + part.size.y / 2.0) * scale,
        );
        let size = egui::vec2(part.size.x * scale, part.size.y * scale);
        let fill = colour_of(product, configuration, part.role);
        let piece = egui::Rect::from_min_size(min, size);
        painter.rect_filled(piece, 0.0, fill);
        painter.rect_stroke(
            piece,
            0.0,
            egui::Stroke::new(0.5, fill.gamma_multiply(0.6)),
            egui::StrokeKind::Inside,
        );
    }
}
