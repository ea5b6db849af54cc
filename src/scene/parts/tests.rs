//! Tests of the parametric models: parts follow the configured size, never a stretched box.

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
