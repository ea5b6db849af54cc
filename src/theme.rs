//! Every colour the program chooses itself (catalog colours come from the catalog).

use bevy::color::Color;
use bevy::color::LinearRgba;

/// Background behind the rooms.
pub const BACKGROUND: Color = Color::srgb(0.86, 0.87, 0.88);
/// Wall surfaces.
pub const WALL: Color = Color::srgb(0.95, 0.94, 0.91);
/// Wall cut tops seen in the plan view.
pub const WALL_TOP: Color = Color::srgb(0.32, 0.32, 0.34);
/// Floors.
pub const FLOOR: Color = Color::srgb(0.88, 0.78, 0.63);
/// The ground around the building.
pub const GROUND: Color = Color::srgb(0.80, 0.81, 0.80);
/// Window glass.
pub const GLASS: Color = Color::srgba(0.70, 0.84, 0.92, 0.35);
/// Products breaking a constraint.
pub const VIOLATION: Color = Color::srgb(0.86, 0.16, 0.12);
/// Glow on products breaking a constraint, so they read red in shadow too.
pub const VIOLATION_GLOW: LinearRgba = LinearRgba::rgb(0.35, 0.02, 0.01);
/// Outline of the selected product.
pub const SELECTION: Color = Color::srgb(1.0, 0.72, 0.0);
/// Plan-view lines: door swings, footprints.
pub const PLAN_LINE: Color = Color::srgb(0.15, 0.2, 0.3);
/// Dimension lines and labels.
pub const DIMENSION: Color = Color::srgb(0.1, 0.35, 0.75);
/// The plan view's metre grid.
pub const GRID: Color = Color::srgba(0.35, 0.4, 0.5, 0.25);
/// Distances from the selected product to the walls.
pub const CLEARANCE: Color = Color::srgb(0.75, 0.25, 0.55);
/// Rotation handle.
pub const HANDLE: Color = Color::srgb(0.1, 0.55, 0.95);

/// egui colours of the sidebar.
pub mod ui {
    use bevy_egui::egui::Color32;

    /// Error and violation text.
    pub const ERROR: Color32 = Color32::from_rgb(200, 40, 30);
    /// Warnings.
    pub const WARNING: Color32 = Color32::from_rgb(190, 120, 0);
    /// Good news: no violations, saved.
    pub const GOOD: Color32 = Color32::from_rgb(30, 140, 60);
    /// Secondary text.
    pub const MUTED: Color32 = Color32::from_rgb(120, 120, 120);
    /// Accent for totals.
    pub const ACCENT: Color32 = Color32::from_rgb(20, 80, 160);
}
