//! The one place where plan millimetres become Bevy metres and back.
//!
//! Plan x runs along world +X, plan y along world −Z (so the plan's "up" is away from a camera
//! looking north), heights along +Y. A plan rotation anticlockwise by θ is a world rotation
//! about +Y by θ. A product's front (plan +y at rotation 0) faces world −Z in its local frame.

use bevy::math::{Quat, Vec3};
use room_planner_core::domain::values::units::{Mm, PointMm};

/// Millimetres to metres.
#[must_use]
pub fn metres(mm: f64) -> f32 {
    (mm / 1000.0) as f32
}

/// A length to metres.
#[must_use]
pub fn metres_of(length: Mm) -> f32 {
    metres(length.as_f64())
}

/// A plan point at a height (mm) to a world position.
#[must_use]
pub fn world_point(x_mm: f64, y_mm: f64, height_mm: f64) -> Vec3 {
    Vec3::new(metres(x_mm), metres(height_mm), -metres(y_mm))
}

/// A plan point on the floor to a world position.
#[must_use]
pub fn world_of(point: PointMm) -> Vec3 {
    world_point(point.x.as_f64(), point.y.as_f64(), 0.0)
}

/// A world position to the nearest whole-millimetre plan point.
#[must_use]
pub fn plan_of(world: Vec3) -> PointMm {
    PointMm::new(
        (f64::from(world.x) * 1000.0).round() as i64,
        (-f64::from(world.z) * 1000.0).round() as i64,
    )
}

/// A plan rotation (degrees anticlockwise) as a world rotation.
#[must_use]
pub fn world_rotation(rotation_deg: f64) -> Quat {
    Quat::from_rotation_y(rotation_deg.to_radians() as f32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plan_points_survive_the_trip_to_world_and_back() {
        let point = PointMm::new(1234, -5678);
        assert_eq!(plan_of(world_of(point)), point);
        assert_eq!(
            world_of(PointMm::new(1000, 2000)),
            Vec3::new(1.0, 0.0, -2.0)
        );
    }

    #[test]
    fn a_quarter_turn_anticlockwise_turns_plan_x_into_plan_y() {
        let turned = world_rotation(90.0) * Vec3::X;
        let expected = world_point(0.0, 1000.0, 0.0);
        assert!((turned - expected).length() < 1e-6);
    }
}
