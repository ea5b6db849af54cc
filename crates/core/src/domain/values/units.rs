//! Lengths in whole millimetres and angles in degrees: the units of every file and of the domain.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A length in whole millimetres.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Mm(pub i64);

impl Mm {
    /// The length as floating-point millimetres, for geometry.
    #[must_use]
    pub fn as_f64(self) -> f64 {
        self.0 as f64
    }
}

impl fmt::Display for Mm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} mm", self.0)
    }
}

impl std::ops::Add for Mm {
    type Output = Mm;
    fn add(self, rhs: Mm) -> Mm {
        Mm(self.0.saturating_add(rhs.0))
    }
}

impl std::ops::Sub for Mm {
    type Output = Mm;
    fn sub(self, rhs: Mm) -> Mm {
        Mm(self.0.saturating_sub(rhs.0))
    }
}

/// A point on the floor plan in millimetres; x to the right, y up (towards the back of the plan).
/// Written in files as a pair `(x, y)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(from = "(Mm, Mm)", into = "(Mm, Mm)")]
pub struct PointMm {
    /// Distance along the x axis.
    pub x: Mm,
    /// Distance along the y axis.
    pub y: Mm,
}

impl PointMm {
    /// A point from whole millimetres.
    #[must_use]
    pub fn new(x_mm: i64, y_mm: i64) -> Self {
        Self {
            x: Mm(x_mm),
            y: Mm(y_mm),
        }
    }
}

impl From<(Mm, Mm)> for PointMm {
    fn from((x, y): (Mm, Mm)) -> Self {
        Self { x, y }
    }
}

impl From<PointMm> for (Mm, Mm) {
    fn from(point: PointMm) -> Self {
        (point.x, point.y)
    }
}

impl fmt::Display for PointMm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "({}, {})", self.x.0, self.y.0)
    }
}

/// Largest coordinate accepted anywhere in a plan: one kilometre from the origin.
pub const MAX_COORDINATE_MM: i64 = 1_000_000;

/// True when a coordinate lies within [`MAX_COORDINATE_MM`] of the origin. Compares without
/// `abs()`, which wraps (or panics) for `i64::MIN` and would let it through.
#[must_use]
pub fn is_within_plan_mm(coordinate_mm: i64) -> bool {
    (-MAX_COORDINATE_MM..=MAX_COORDINATE_MM).contains(&coordinate_mm)
}

impl PointMm {
    /// True when both coordinates lie within [`MAX_COORDINATE_MM`] of the origin.
    #[must_use]
    pub fn is_within_plan(self) -> bool {
        is_within_plan_mm(self.x.0) && is_within_plan_mm(self.y.0)
    }
}

/// An angle in degrees brought into `[0, 360)`; non-finite angles come back unchanged.
#[must_use]
pub fn normalize_deg(angle_deg: f64) -> f64 {
    let turned = angle_deg.rem_euclid(360.0);
    // A tiny negative angle rounds up to a full turn; -0 becomes +0.
    if turned >= 360.0 || turned == 0.0 {
        0.0
    } else {
        turned
    }
}

/// Largest single size (width, depth, height, thickness) accepted: twenty metres.
pub const MAX_SIZE_MM: i64 = 20_000;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn angles_come_into_one_turn() {
        assert_eq!(normalize_deg(0.0), 0.0);
        assert_eq!(normalize_deg(-0.0).to_bits(), 0.0_f64.to_bits());
        assert_eq!(normalize_deg(360.0), 0.0);
        assert_eq!(normalize_deg(-90.0), 270.0);
        assert_eq!(normalize_deg(725.5), 5.5);
        assert_eq!(normalize_deg(-1e-20), 0.0);
        assert!(normalize_deg(f64::NAN).is_nan());
    }

    #[test]
    fn the_plan_bound_holds_at_both_ends_of_i64() {
        assert!(PointMm::new(MAX_COORDINATE_MM, -MAX_COORDINATE_MM).is_within_plan());
        assert!(!PointMm::new(i64::MIN, 0).is_within_plan());
        assert!(!PointMm::new(0, i64::MIN).is_within_plan());
        assert!(!PointMm::new(i64::MAX, 0).is_within_plan());
        assert!(!PointMm::new(-MAX_COORDINATE_MM - 1, 0).is_within_plan());
    }
}
