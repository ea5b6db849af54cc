//! The plan view's tool (select, or draw walls) and the build-up of newly drawn walls.

use bevy::prelude::*;
use room_planner_core::domain::editing::wall_drawing::SnappedCorner;
use room_planner_core::domain::layout::room_templates::WallBuild;
use room_planner_core::domain::values::units::PointMm;

/// The plan view's tool.
#[derive(Resource, Debug, Default, Clone, PartialEq)]
pub enum PlanTool {
    /// Select and drag (products, walls, openings, rooms).
    #[default]
    Select,
    /// Draw walls by clicking corners.
    DrawWalls(WallDraft),
}

impl PlanTool {
    /// True while walls are being drawn: clicks place corners instead of selecting.
    #[must_use]
    pub fn is_drawing(&self) -> bool {
        matches!(self, Self::DrawWalls(_))
    }
}

/// A chain of walls being drawn.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct WallDraft {
    /// Corners placed so far; each corner after the first ended a wall.
    pub corners: Vec<PointMm>,
    /// Where the next corner would go, under the pointer.
    pub next: Option<SnappedCorner>,
    /// A length being typed for the next wall.
    pub typed: String,
    /// Walls added by this chain (the first starts an undo step, the rest join it).
    pub walls_added: usize,
    /// Seconds (app time) of the last click, for double-click detection.
    pub last_click_s: Option<f64>,
}

/// Thickness and height of newly drawn walls (the same build-up a room template uses).
#[derive(Resource, Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct WallDefaults(pub WallBuild);
