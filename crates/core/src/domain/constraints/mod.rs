//! Placement constraints: pure checks over a layout's measured plan (`domain::measured`), one
//! rule per file.
//! Violations are data: the rule, the elements involved, the measured amount and a message whose
//! names and lengths are filled in where it is shown.
//!
//! Each rule measures one element or one pair at a time; the batch check ([`check_layout`])
//! and the incremental [`LiveChecker`] run the same measurements, so they always agree.

mod capped;
mod configuration_valid;
mod door_swing_clear;
mod front_clearance;
mod height_fits;
mod inside_room;
pub mod live;
mod opening_fits_wall;
mod openings_apart;
mod product_overlap;
mod wall_mounted_on_wall;
mod wall_overlap;

use crate::domain::measured::PlanContext;
pub use live::LiveChecker;

use crate::domain::catalog::CatalogSet;
use crate::domain::layout::Layout;
use crate::domain::values::ids::ElementId;
use crate::domain::values::message::Message;
use std::fmt;

/// The kinds of constraint a layout must satisfy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ConstraintRule {
    /// A product's or opening's option choices break a catalog rule.
    ConfigurationValid,
    /// A floor or wall product stands inside a room.
    InsideRoom,
    /// Products do not overlap (unless stacked where the catalog allows).
    ProductOverlap,
    /// Products do not stand in walls.
    WallOverlap,
    /// An opening lies within its wall's length and height.
    OpeningFitsWall,
    /// Openings on one wall do not overlap.
    OpeningsApart,
    /// Door swing areas are free of products.
    DoorSwingClear,
    /// Access space in front of products is free.
    FrontClearance,
    /// Wall-mounted products hang on a wall.
    WallMountedOnWall,
    /// Products fit under the room's height.
    HeightFits,
}

impl ConstraintRule {
    /// Every rule, in check order.
    pub const ALL: [ConstraintRule; 10] = [
        ConstraintRule::ConfigurationValid,
        ConstraintRule::InsideRoom,
        ConstraintRule::ProductOverlap,
        ConstraintRule::WallOverlap,
        ConstraintRule::OpeningFitsWall,
        ConstraintRule::OpeningsApart,
        ConstraintRule::DoorSwingClear,
        ConstraintRule::FrontClearance,
        ConstraintRule::WallMountedOnWall,
        ConstraintRule::HeightFits,
    ];

    /// The rule's name on the command line and in files.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            ConstraintRule::ConfigurationValid => "configuration-valid",
            ConstraintRule::InsideRoom => "inside-room",
            ConstraintRule::ProductOverlap => "product-overlap",
            ConstraintRule::WallOverlap => "wall-overlap",
            ConstraintRule::OpeningFitsWall => "opening-fits-wall",
            ConstraintRule::OpeningsApart => "openings-apart",
            ConstraintRule::DoorSwingClear => "door-swing-clear",
            ConstraintRule::FrontClearance => "front-clearance",
            ConstraintRule::WallMountedOnWall => "wall-mounted-on-wall",
            ConstraintRule::HeightFits => "height-fits",
        }
    }
}

impl fmt::Display for ConstraintRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A broken constraint, with the evidence.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Violation {
    /// Which rule.
    pub rule: ConstraintRule,
    /// The elements involved, the offending one first.
    pub elements: Vec<ElementId>,
    /// How much the rule is broken by, in millimetres, where that can be measured.
    pub amount_mm: Option<i64>,
    /// What the user reads, with slots for element names and lengths: the window fills them
    /// in with [`crate::domain::drawing::names::Names`] and the user's unit.
    pub message: Message,
}

impl Violation {
    /// The machine-readable part of a line about this violation: the rule, the elements' ids
    /// and the amount in millimetres (`wall-overlap: product p-1, wall w-2: by 80 mm`).
    #[must_use]
    pub fn evidence(&self) -> String {
        let elements: Vec<String> = self.elements.iter().map(ToString::to_string).collect();
        let mut evidence = format!("{}: {}", self.rule, elements.join(", "));
        if let Some(amount) = self.amount_mm {
            evidence.push_str(&format!(": by {amount} mm"));
        }
        evidence
    }
}

/// The evidence and the message with ids for names, in millimetres.
impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.evidence(), self.message)
    }
}

/// Rounds a measured overlap or gap up to whole millimetres for reporting, ignoring
/// floating-point noise below a micrometre.
fn whole_mm(amount: f64) -> i64 {
    (amount - 1e-3).ceil() as i64
}

/// Every violation in the layout, sorted by rule, then elements.
#[must_use]
pub fn check_layout(layout: &Layout, catalogs: &CatalogSet) -> Vec<Violation> {
    let context = PlanContext::new(layout, catalogs);
    check_context(&context)
}

/// Every violation for an already built context.
#[must_use]
pub fn check_context(context: &PlanContext) -> Vec<Violation> {
    let mut violations = Vec::new();
    violations.extend(configuration_valid::check(context));
    violations.extend(inside_room::check(context));
    violations.extend(product_overlap::check(context));
    violations.extend(wall_overlap::check(context));
    violations.extend(opening_fits_wall::check(context));
    violations.extend(openings_apart::check(context));
    violations.extend(door_swing_clear::check(context));
    violations.extend(front_clearance::check(context));
    violations.extend(wall_mounted_on_wall::check(context));
    violations.extend(height_fits::check(context));
    violations.sort();
    violations.dedup();
    violations
}

#[cfg(test)]
pub(crate) mod test_support;
