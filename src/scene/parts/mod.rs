//! Parametric product models: each catalog shape is built from parts placed in proportion to
//! the configured dimensions (a wider wardrobe gets more doors, a longer sofa more seat
//! cushions), never a stretched box. Pure geometry, in metres, in the product's local frame:
//! x across the width (centred), y up from the underside, z from the front (−depth/2) to the
//! back (+depth/2).

use bevy::math::Vec3;
use room_planner_core::domain::catalog::ShapeKind;

mod furniture;
use furniture::{bed, chair, fronted_carcass, lamp, shelf, sofa};

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

#[cfg(test)]
mod tests;
