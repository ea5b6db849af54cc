//! The recipes of the larger furniture shapes (sofa, chair, fronted carcasses, shelf, bed,
//! lamp), built from the primitives in the parent module.

use super::{Part, Role, cuboid, cylinder, legs, panels};
use bevy::math::Vec3;

pub(super) fn sofa(w: f32, d: f32, h: f32) -> Vec<Part> {
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

pub(super) fn chair(w: f32, d: f32, h: f32) -> Vec<Part> {
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
pub(super) fn fronted_carcass(
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

pub(super) fn shelf(w: f32, d: f32, h: f32) -> Vec<Part> {
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

pub(super) fn bed(w: f32, d: f32, h: f32) -> Vec<Part> {
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

pub(super) fn lamp(w: f32, d: f32, h: f32) -> Vec<Part> {
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
