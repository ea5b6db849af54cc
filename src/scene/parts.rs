//! Parametric product models: each catalog shape is built from parts placed in proportion to
//! the configured dimensions (a wider wardrobe gets more doors, a longer sofa more seat
//! cushions), never a stretched box. Pure geometry, in metres, in the product's local frame:
//! x across the width (centred), y up from the underside, z from the front (−depth/2) to the
//! back (+depth/2).

use bevy::math::Vec3;
use room_planner_core::domain::catalog::ShapeKind;

/// The primitive a part is drawn with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartShape {
    /// An axis-aligned box.
    Box,
    /// An upright cylinder filling the part's box.
    Cylinder,
}

/// What a part is made of; picks the catalog material slot that colours it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// Carcass or main body.
    Body,
    /// Doors, drawer fronts, door leaves.
    Front,
    /// Upholstery.
    Fabric,
    /// Legs, frames, bases.
    Frame,
    /// Table tops, worktops, shelf boards.
    Top,
    /// Plinths and kick boards.
    Plinth,
    /// Mattress and bed linen.
    Linen,
    /// Bed headboards.
    Headboard,
    /// Lamp shades.
    Shade,
    /// Handles and knobs.
    Handle,
    /// Glazing.
    Glass,
}

impl Role {
    /// Catalog material slot names that colour this role, most specific first.
    #[must_use]
    pub fn slot_names(self) -> &'static [&'static str] {
        match self {
            Role::Body => &["carcass", "body", "front", "cover", "board", "top", "frame"],
            Role::Front => &["front", "leaf", "board", "carcass", "body"],
            Role::Fabric => &["fabric", "cover", "seat", "upholstery"],
            Role::Frame => &["legs", "frame", "base", "board", "carcass"],
            Role::Top => &["top", "board", "front", "body"],
            Role::Plinth => &["plinth", "carcass", "base"],
            Role::Linen => &["linen", "mattress"],
            Role::Headboard => &["headboard", "fabric", "cover", "frame"],
            Role::Shade => &["shade"],
            Role::Handle => &["handles", "handle"],
            Role::Glass => &["glass"],
        }
    }

    /// Colour used when the catalog names none of the role's slots (sRGB).
    #[must_use]
    pub fn default_colour(self) -> [u8; 3] {
        match self {
            Role::Body | Role::Front => [0xe8, 0xe4, 0xdc],
            Role::Fabric => [0x9a, 0x96, 0x8e],
            Role::Frame => [0x5a, 0x4a, 0x3c],
            Role::Top => [0xc8, 0xa8, 0x80],
            Role::Plinth => [0x3a, 0x3a, 0x3a],
            Role::Linen => [0xf4, 0xf1, 0xea],
            Role::Headboard => [0x8a, 0x86, 0x80],
            Role::Shade => [0xf0, 0xe6, 0xd0],
            Role::Handle => [0xb8, 0xb8, 0xb4],
            Role::Glass => [0xb8, 0xd4, 0xe0],
        }
    }
}

/// One piece of a product model.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Part {
    /// Box or cylinder.
    pub shape: PartShape,
    /// Centre in the product's local frame (metres).
    pub centre: Vec3,
    /// Full size along x, y, z (metres).
    pub size: Vec3,
    /// What it is made of.
    pub role: Role,
}

/// A box part between two corners.
fn cuboid(role: Role, min: Vec3, max: Vec3) -> Part {
    Part {
        shape: PartShape::Box,
        centre: (min + max) / 2.0,
        size: (max - min).abs(),
        role,
    }
}

fn cylinder(role: Role, min: Vec3, max: Vec3) -> Part {
    Part {
        shape: PartShape::Cylinder,
        ..cuboid(role, min, max)
    }
}

/// How many equal panels of about `target` metres fit across `width`, at least one.
fn panels(width: f32, target: f32, most: usize) -> usize {
    ((width / target).round() as usize).clamp(1, most)
}

/// Four legs inset from the corners.
fn legs(role: Role, width: f32, depth: f32, height: f32, thickness: f32, inset: f32) -> Vec<Part> {
    let x = width / 2.0 - inset - thickness / 2.0;
    let z = depth / 2.0 - inset - thickness / 2.0;
    [(-x, -z), (x, -z), (-x, z), (x, z)]
        .into_iter()
        .map(|(cx, cz)| {
            let half = Vec3::new(thickness / 2.0, 0.0, thickness / 2.0);
            let centre = Vec3::new(cx, 0.0, cz);
            cuboid(role, centre - half, centre + half + Vec3::Y * height)
        })
        .collect()
}

/// The parts of a shape at a size (metres).
#[must_use]
pub fn parts(shape: ShapeKind, width: f32, depth: f32, height: f32) -> Vec<Part> {
    let (w, d, h) = (width.max(0.01), depth.max(0.01), height.max(0.01));
    let (hw, hd) = (w / 2.0, d / 2.0);
    match shape {
        ShapeKind::Block => vec![cuboid(
            Role::Body,
            Vec3::new(-hw, 0.0, -hd),
            Vec3::new(hw, h, hd),
        )],
        ShapeKind::Sofa => sofa(w, d, h),
        ShapeKind::Chair => chair(w, d, h),
        ShapeKind::Table => {
            let top = 0.04_f32.min(h * 0.2);
            let mut parts = vec![cuboid(
                Role::Top,
                Vec3::new(-hw, h - top, -hd),
                Vec3::new(hw, h, hd),
            )];
            parts.extend(legs(
                Role::Frame,
                w,
                d,
                h - top,
                0.06_f32.min(w / 6.0),
                0.06_f32.min(d / 8.0),
            ));
            parts
        }
        ShapeKind::Wardrobe => fronted_carcass(w, d, h, 0.08, 0.5, 6, true),
        ShapeKind::Cabinet => fronted_carcass(w, d, h, 0.1_f32.min(h * 0.15), 0.6, 4, false),
        ShapeKind::Shelf => shelf(w, d, h),
        ShapeKind::Bed => bed(w, d, h),
        ShapeKind::Door => {
            let frame = 0.05_f32.min(w / 6.0);
            vec![
                cuboid(
                    Role::Frame,
                    Vec3::new(-hw, 0.0, -hd),
                    Vec3::new(-hw + frame, h, hd),
                ),
                cuboid(
                    Role::Frame,
                    Vec3::new(hw - frame, 0.0, -hd),
                    Vec3::new(hw, h, hd),
                ),
                cuboid(
                    Role::Frame,
                    Vec3::new(-hw, h - frame, -hd),
                    Vec3::new(hw, h, hd),
                ),
                cuboid(
                    Role::Front,
                    Vec3::new(-hw + frame, 0.0, -0.02),
                    Vec3::new(hw - frame, h - frame, 0.02),
                ),
                cuboid(
                    Role::Handle,
                    Vec3::new(hw - frame - 0.12, 1.0_f32.min(h / 2.0), -0.05),
                    Vec3::new(hw - frame - 0.06, 1.02_f32.min(h / 2.0 + 0.02), 0.05),
                ),
            ]
        }
        ShapeKind::Window => {
            let frame = 0.06_f32.min(w / 6.0).min(h / 6.0);
            let mut parts = vec![
                cuboid(
                    Role::Frame,
                    Vec3::new(-hw, 0.0, -hd),
                    Vec3::new(hw, frame, hd),
                ),
                cuboid(
                    Role::Frame,
                    Vec3::new(-hw, h - frame, -hd),
                    Vec3::new(hw, h, hd),
                ),
                cuboid(
                    Role::Frame,
                    Vec3::new(-hw, 0.0, -hd),
                    Vec3::new(-hw + frame, h, hd),
                ),
                cuboid(
                    Role::Frame,
                    Vec3::new(hw - frame, 0.0, -hd),
                    Vec3::new(hw, h, hd),
                ),
            ];
            let casements = panels(w, 0.8, 4);
            let pane = (w - 2.0 * frame) / casements as f32;
            for index in 1..casements {
                let x = -hw + frame + pane * index as f32;
                parts.push(cuboid(
                    Role::Frame,
                    Vec3::new(x - frame / 3.0, 0.0, -hd),
                    Vec3::new(x + frame / 3.0, h, hd),
                ));
            }
            parts.push(cuboid(
                Role::Glass,
                Vec3::new(-hw + frame, frame, -0.006),
                Vec3::new(hw - frame, h - frame, 0.006),
            ));
            parts
        }
        ShapeKind::Lamp => lamp(w, d, h),
    }
}

fn sofa(w: f32, d: f32, h: f32) -> Vec<Part> {
    let (hw, hd) = (w / 2.0, d / 2.0);
    let leg = 0.08_f32.min(h * 0.15);
    let seat_top = (h * 0.52).max(leg + 0.1);
    let arm = 0.16_f32.min(w / 6.0);
    let back = 0.2_f32.min(d / 3.0);
    let mut parts = legs(Role::Frame, w, d, leg, 0.05, 0.04);
    // Base frame under the cushions.
    parts.push(cuboid(
        Role::Fabric,
        Vec3::new(-hw, leg, -hd),
        Vec3::new(hw, seat_top - 0.12, hd),
    ));
    // Back rest and arms.
    parts.push(cuboid(
        Role::Fabric,
        Vec3::new(-hw, leg, hd - back),
        Vec3::new(hw, h, hd),
    ));
    parts.push(cuboid(
        Role::Fabric,
        Vec3::new(-hw, leg, -hd),
        Vec3::new(-hw + arm, h * 0.72, hd - back),
    ));
    parts.push(cuboid(
        Role::Fabric,
        Vec3::new(hw - arm, leg, -hd),
        Vec3::new(hw, h * 0.72, hd - back),
    ));
    // Seat cushions, about 0.65 m each, with a small seam between them.
    let inner = w - 2.0 * arm;
    let count = panels(inner, 0.65, 8);
    let cushion = inner / count as f32;
    for index in 0..count {
        let x0 = -hw + arm + cushion * index as f32;
        parts.push(cuboid(
            Role::Fabric,
            Vec3::new(x0 + 0.005, seat_top - 0.12, -hd + 0.02),
            Vec3::new(x0 + cushion - 0.005, seat_top, hd - back),
        ));
        parts.push(cuboid(
            Role::Fabric,
            Vec3::new(x0 + 0.01, seat_top, hd - back - 0.14),
            Vec3::new(x0 + cushion - 0.01, h - 0.04, hd - back),
        ));
    }
    parts
}

fn chair(w: f32, d: f32, h: f32) -> Vec<Part> {
    let (hw, hd) = (w / 2.0, d / 2.0);
    let seat = (h * 0.52).min(0.47);
    let mut parts = legs(Role::Frame, w, d, seat - 0.04, 0.04_f32.min(w / 8.0), 0.02);
    parts.push(cuboid(
        Role::Fabric,
        Vec3::new(-hw, seat - 0.05, -hd),
        Vec3::new(hw, seat, hd),
    ));
    parts.push(cuboid(
        Role::Frame,
        Vec3::new(-hw + 0.02, seat, hd - 0.04),
        Vec3::new(-hw + 0.05, h, hd - 0.01),
    ));
    parts.push(cuboid(
        Role::Frame,
        Vec3::new(hw - 0.05, seat, hd - 0.04),
        Vec3::new(hw - 0.02, h, hd - 0.01),
    ));
    parts.push(cuboid(
        Role::Fabric,
        Vec3::new(-hw + 0.02, h - 0.22_f32.min(h - seat), hd - 0.05),
        Vec3::new(hw - 0.02, h, hd - 0.02),
    ));
    parts
}

/// Wardrobes and cabinets: a carcass on a plinth with evenly split fronts and handles.
fn fronted_carcass(
    w: f32,
    d: f32,
    h: f32,
    plinth: f32,
    door_width: f32,
    most: usize,
    tall: bool,
) -> Vec<Part> {
    let (hw, hd) = (w / 2.0, d / 2.0);
    let front = 0.02;
    let mut parts = vec![
        cuboid(
            Role::Plinth,
            Vec3::new(-hw + 0.02, 0.0, -hd + 0.05),
            Vec3::new(hw - 0.02, plinth, hd),
        ),
        cuboid(
            Role::Body,
            Vec3::new(-hw, plinth, -hd + front),
            Vec3::new(hw, h, hd),
        ),
    ];
    let count = panels(w, door_width, most);
    let panel = w / count as f32;
    for index in 0..count {
        let x0 = -hw + panel * index as f32;
        parts.push(cuboid(
            Role::Front,
            Vec3::new(x0 + 0.002, plinth + 0.002, -hd),
            Vec3::new(x0 + panel - 0.002, h - 0.002, -hd + front),
        ));
        // Handles sit on the edge where doors meet (or on the free edge of a single door).
        let handle_x = if count == 1 || index % 2 == 1 {
            x0 + 0.05
        } else {
            x0 + panel - 0.05
        };
        let (low, high) = if tall {
            ((h * 0.45).max(plinth), (h * 0.45).max(plinth) + 0.3)
        } else {
            (h - 0.09, h - 0.05)
        };
        let (x_low, x_high) = if tall {
            (handle_x - 0.006, handle_x + 0.006)
        } else {
            (x0 + panel / 2.0 - 0.08, x0 + panel / 2.0 + 0.08)
        };
        parts.push(cuboid(
            Role::Handle,
            Vec3::new(x_low, low, -hd - 0.025),
            Vec3::new(x_high, high.min(h), -hd),
        ));
    }
    parts
}

fn shelf(w: f32, d: f32, h: f32) -> Vec<Part> {
    let (hw, hd) = (w / 2.0, d / 2.0);
    let board = 0.022;
    let mut parts = vec![
        cuboid(
            Role::Frame,
            Vec3::new(-hw, 0.0, -hd),
            Vec3::new(-hw + board, h, hd),
        ),
        cuboid(
            Role::Frame,
            Vec3::new(hw - board, 0.0, -hd),
            Vec3::new(hw, h, hd),
        ),
        cuboid(
            Role::Body,
            Vec3::new(-hw + board, 0.0, hd - 0.008),
            Vec3::new(hw - board, h, hd),
        ),
    ];
    let count = ((h / 0.36).round() as usize).clamp(1, 12);
    for index in 0..=count {
        let y = (h - board) * index as f32 / count as f32;
        parts.push(cuboid(
            Role::Top,
            Vec3::new(-hw + board, y, -hd),
            Vec3::new(hw - board, y + board, hd - 0.008),
        ));
    }
    parts
}

fn bed(w: f32, d: f32, h: f32) -> Vec<Part> {
    let (hw, hd) = (w / 2.0, d / 2.0);
    let frame_top = (h * 0.35).min(0.4);
    let headboard = 0.08_f32.min(d / 10.0);
    // Mattress, duvet and pillows stack on the frame but never above the headboard.
    let level = |above: f32| (frame_top + above).min(h);
    vec![
        cuboid(
            Role::Frame,
            Vec3::new(-hw, 0.0, -hd),
            Vec3::new(hw, frame_top, hd - headboard),
        ),
        cuboid(
            Role::Linen,
            Vec3::new(-hw + 0.03, frame_top, -hd + 0.03),
            Vec3::new(hw - 0.03, level(0.22), hd - headboard),
        ),
        cuboid(
            Role::Linen,
            Vec3::new(-hw + 0.02, level(0.15), -hd + 0.02),
            Vec3::new(
                hw - 0.02,
                level(0.25),
                hd - headboard - 0.55_f32.min(d / 3.0),
            ),
        ),
        cuboid(
            Role::Headboard,
            Vec3::new(-hw, 0.0, hd - headboard),
            Vec3::new(hw, h, hd),
        ),
        cuboid(
            Role::Linen,
            Vec3::new(
                -hw + 0.12_f32.min(w / 8.0),
                level(0.22),
                hd - headboard - 0.45_f32.min(d / 4.0),
            ),
            Vec3::new(-0.05_f32.min(w / 16.0), level(0.34), hd - headboard - 0.05),
        ),
        cuboid(
            Role::Linen,
            Vec3::new(
                0.05_f32.min(w / 16.0),
                level(0.22),
                hd - headboard - 0.45_f32.min(d / 4.0),
            ),
            Vec3::new(
                hw - 0.12_f32.min(w / 8.0),
                level(0.34),
                hd - headboard - 0.05,
            ),
        ),
    ]
}

fn lamp(w: f32, d: f32, h: f32) -> Vec<Part> {
    let (hw, hd) = (w / 2.0, d / 2.0);
    let shade = (h * 0.3).min(0.4);
    let pole = 0.025_f32.min(w / 4.0);
    vec![
        cylinder(
            Role::Frame,
            Vec3::new(-hw * 0.6, 0.0, -hd * 0.6),
            Vec3::new(hw * 0.6, 0.02, hd * 0.6),
        ),
        cylinder(
            Role::Frame,
            Vec3::new(-pole / 2.0, 0.02, -pole / 2.0),
            Vec3::new(pole / 2.0, h - shade * 0.5, pole / 2.0),
        ),
        cylinder(
            Role::Shade,
            Vec3::new(-hw, h - shade, -hd),
            Vec3::new(hw, h, hd),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count(parts: &[Part], role: Role) -> usize {
        parts.iter().filter(|part| part.role == role).count()
    }

    #[test]
    fn a_wider_wardrobe_gets_more_doors_of_the_same_width() {
        let narrow = parts(ShapeKind::Wardrobe, 1.0, 0.6, 2.2);
        let wide = parts(ShapeKind::Wardrobe, 2.4, 0.6, 2.2);
        assert_eq!(count(&narrow, Role::Front), 2);
        assert_eq!(count(&wide, Role::Front), 5);
        let door_width = |parts: &[Part]| {
            parts
                .iter()
                .find(|p| p.role == Role::Front)
                .map(|p| p.size.x)
        };
        let (a, b) = (
            door_width(&narrow).unwrap_or(0.0),
            door_width(&wide).unwrap_or(0.0),
        );
        assert!((a - b).abs() < 0.05, "{a} vs {b}");
    }

    #[test]
    fn every_part_stays_inside_the_product_box() {
        let shapes = [
            ShapeKind::Block,
            ShapeKind::Sofa,
            ShapeKind::Chair,
            ShapeKind::Table,
            ShapeKind::Wardrobe,
            ShapeKind::Cabinet,
            ShapeKind::Shelf,
            ShapeKind::Bed,
            ShapeKind::Window,
            ShapeKind::Lamp,
        ];
        for shape in shapes {
            for (w, d, h) in [(0.4, 0.4, 0.5), (2.4, 0.95, 0.82), (1.6, 2.1, 1.1)] {
                for part in parts(shape, w, d, h) {
                    let min = part.centre - part.size / 2.0;
                    let max = part.centre + part.size / 2.0;
                    assert!(
                        min.x >= -w / 2.0 - 1e-4 && max.x <= w / 2.0 + 1e-4,
                        "{shape:?} x {part:?}"
                    );
                    assert!(min.y >= -1e-4 && max.y <= h + 1e-4, "{shape:?} y {part:?}");
                    // Handles may stand proud of the front by a few centimetres.
                    assert!(
                        min.z >= -d / 2.0 - 0.03 && max.z <= d / 2.0 + 1e-4,
                        "{shape:?} z {part:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_longer_sofa_gets_more_cushions() {
        let short = parts(ShapeKind::Sofa, 1.8, 0.95, 0.82);
        let long = parts(ShapeKind::Sofa, 3.2, 0.95, 0.82);
        assert!(count(&long, Role::Fabric) > count(&short, Role::Fabric));
    }
}
