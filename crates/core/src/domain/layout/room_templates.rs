//! Starting rooms for a new layout: a rectangle or an L-shaped room given by its inner (clear)
//! dimensions, or nothing at all. The walls are drawn anticlockwise, so rooms are on their left.

use crate::domain::layout::{
    MAX_WALL_HEIGHT_MM, MAX_WALL_THICKNESS_MM, MIN_WALL_HEIGHT_MM, MIN_WALL_THICKNESS_MM, Wall,
};
use crate::domain::values::ids::WallId;
use crate::domain::values::units::{MAX_SIZE_MM, Mm, PointMm};

/// A room to start a new layout from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoomTemplate {
    /// No walls.
    Empty,
    /// A rectangular room, inner width × inner depth.
    Rectangle {
        /// Clear width between the inner faces (along x).
        width: Mm,
        /// Clear depth between the inner faces (along y).
        depth: Mm,
    },
    /// An L-shaped room: a rectangle with its back-right corner cut away.
    LShaped {
        /// Overall clear width (along x).
        width: Mm,
        /// Overall clear depth (along y).
        depth: Mm,
        /// Clear width of the narrow back leg, from the left wall.
        leg_width: Mm,
        /// Clear depth of the wide front part, from the front wall.
        leg_depth: Mm,
    },
}

/// The walls' build-up shared by a template's walls.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WallBuild {
    /// Thickness of every wall.
    pub thickness: Mm,
    /// Height of every wall.
    pub height: Mm,
}

impl Default for WallBuild {
    fn default() -> Self {
        Self {
            thickness: Mm(100),
            height: Mm(2500),
        }
    }
}

/// Why a template cannot be built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TemplateError {
    /// A dimension is not between 500 mm and the largest size.
    #[error("the {name} must be between 500 mm and {MAX_SIZE_MM} mm, not {value}")]
    OutOfRange {
        /// Which dimension.
        name: &'static str,
        /// The value given.
        value: Mm,
    },
    /// The L's leg is not smaller than the whole room.
    #[error("the L's {name} must be smaller than the room's {whole}")]
    LegTooLarge {
        /// The leg dimension.
        name: &'static str,
        /// The whole-room dimension it must stay under.
        whole: &'static str,
    },
    /// The wall thickness or height is out of range.
    #[error(
        "walls must be {MIN_WALL_THICKNESS_MM} to {MAX_WALL_THICKNESS_MM} mm thick and {MIN_WALL_HEIGHT_MM} to {MAX_WALL_HEIGHT_MM} mm high"
    )]
    BadWalls,
}

/// The walls of a template, with ids `w-1`, `w-2`, … in drawing order.
///
/// # Errors
/// Dimensions under 500 mm or over the largest size, an L leg as large as the room, or walls
/// with an impossible thickness or height.
pub fn template_walls(
    template: RoomTemplate,
    build: WallBuild,
) -> Result<Vec<Wall>, TemplateError> {
    if !(MIN_WALL_THICKNESS_MM..=MAX_WALL_THICKNESS_MM).contains(&build.thickness.0)
        || !(MIN_WALL_HEIGHT_MM..=MAX_WALL_HEIGHT_MM).contains(&build.height.0)
    {
        return Err(TemplateError::BadWalls);
    }
    // Centre lines sit half a thickness outside the clear dimensions.
    let half = build.thickness.0 as f64 / 2.0;
    let corners: Vec<(f64, f64)> = match template {
        RoomTemplate::Empty => return Ok(Vec::new()),
        RoomTemplate::Rectangle { width, depth } => {
            let (w, d) = (in_range("width", width)?, in_range("depth", depth)?);
            vec![(0.0, 0.0), (w, 0.0), (w, d), (0.0, d)]
        }
        RoomTemplate::LShaped {
            width,
            depth,
            leg_width,
            leg_depth,
        } => {
            let (w, d) = (in_range("width", width)?, in_range("depth", depth)?);
            let (lw, ld) = (
                in_range("leg width", leg_width)?,
                in_range("leg depth", leg_depth)?,
            );
            if lw + 2.0 * half >= w {
                return Err(TemplateError::LegTooLarge {
                    name: "leg width",
                    whole: "width",
                });
            }
            if ld + 2.0 * half >= d {
                return Err(TemplateError::LegTooLarge {
                    name: "leg depth",
                    whole: "depth",
                });
            }
            vec![(0.0, 0.0), (w, 0.0), (w, ld), (lw, ld), (lw, d), (0.0, d)]
        }
    };
    let count = corners.len();
    let centre_line: Vec<PointMm> = (0..count)
        .map(|index| {
            centre_line_corner(
                corners[(index + count - 1) % count],
                corners[index],
                corners[(index + 1) % count],
                half,
            )
        })
        .collect();
    Ok((0..count)
        .map(|index| Wall {
            id: WallId(format!("w-{}", index + 1)),
            start: centre_line[index],
            end: centre_line[(index + 1) % count],
            thickness: build.thickness,
            height: build.height,
        })
        .collect())
}

/// The centre-line corner for an inner-face corner of an axis-aligned room drawn anticlockwise:
/// half a thickness out along the right normals of both walls meeting there (outwards at a
/// convex corner, into the notch at the L's inner corner).
fn centre_line_corner(
    previous: (f64, f64),
    corner: (f64, f64),
    next: (f64, f64),
    half: f64,
) -> PointMm {
    // `f64::signum` says 1 for zero; an axis-aligned wall needs 0 across it.
    let sign = |value: f64| {
        if value > 0.0 {
            1.0
        } else if value < 0.0 {
            -1.0
        } else {
            0.0
        }
    };
    let right_normal =
        |from: (f64, f64), to: (f64, f64)| (sign(to.1 - from.1), -sign(to.0 - from.0));
    let (a, b) = (right_normal(previous, corner), right_normal(corner, next));
    PointMm::new(
        (corner.0 + (a.0 + b.0) * half).round() as i64,
        (corner.1 + (a.1 + b.1) * half).round() as i64,
    )
}

fn in_range(name: &'static str, value: Mm) -> Result<f64, TemplateError> {
    if (500..=MAX_SIZE_MM).contains(&value.0) {
        Ok(value.0 as f64)
    } else {
        Err(TemplateError::OutOfRange { name, value })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::geometry::rooms::detect_rooms;

    #[test]
    fn a_rectangle_has_four_walls_around_its_clear_size() {
        let walls = template_walls(
            RoomTemplate::Rectangle {
                width: Mm(4000),
                depth: Mm(3000),
            },
            WallBuild::default(),
        )
        .unwrap_or_default();
        assert_eq!(walls.len(), 4);
        assert_eq!(walls[0].start, PointMm::new(-50, -50));
        assert_eq!(walls[0].end, PointMm::new(4050, -50));
        assert_eq!(walls[2].start, PointMm::new(4050, 3050));
        let rooms = detect_rooms(&walls);
        assert_eq!(rooms.len(), 1);
        assert!((rooms[0].area_mm2 - 4100.0 * 3100.0).abs() < 1.0);
    }

    #[test]
    fn an_l_shaped_room_is_one_room_of_six_walls() {
        let walls = template_walls(
            RoomTemplate::LShaped {
                width: Mm(6000),
                depth: Mm(5000),
                leg_width: Mm(2500),
                leg_depth: Mm(2500),
            },
            WallBuild::default(),
        )
        .unwrap_or_default();
        assert_eq!(walls.len(), 6);
        // The inner corner's centre line is half a thickness inside the L's notch.
        assert_eq!(walls[2].end, PointMm::new(2550, 2550));
        assert_eq!(walls[3].end, PointMm::new(2550, 5050));
        let rooms = detect_rooms(&walls);
        assert_eq!(rooms.len(), 1);
        for pair in walls.windows(2) {
            assert_eq!(pair[0].end, pair[1].start);
        }
    }

    #[test]
    fn impossible_templates_are_refused() {
        let build = WallBuild::default();
        assert!(matches!(
            template_walls(
                RoomTemplate::Rectangle {
                    width: Mm(100),
                    depth: Mm(3000)
                },
                build
            ),
            Err(TemplateError::OutOfRange { name: "width", .. })
        ));
        assert!(matches!(
            template_walls(
                RoomTemplate::LShaped {
                    width: Mm(4000),
                    depth: Mm(4000),
                    leg_width: Mm(3950),
                    leg_depth: Mm(2000)
                },
                build
            ),
            Err(TemplateError::LegTooLarge { .. })
        ));
        assert_eq!(template_walls(RoomTemplate::Empty, build), Ok(Vec::new()));
        assert_eq!(
            template_walls(
                RoomTemplate::Empty,
                WallBuild {
                    thickness: Mm(0),
                    height: Mm(2500)
                }
            ),
            Err(TemplateError::BadWalls)
        );
    }
}
