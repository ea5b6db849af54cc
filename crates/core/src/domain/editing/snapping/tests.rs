//! Tests of snapping in the 5 m × 4 m test room (inner faces at x 50 and 4950, y 50 and 3950):
//! each case first where nothing is near enough to snap to, then where it is.

use super::*;
use crate::domain::constraints::check_layout;
use crate::domain::constraints::test_support::{catalogs, placed, room};

fn snap(layout: &Layout, id: &str, at: (i64, i64), rotation: f64) -> Snapped {
    let checker = LiveChecker::new(layout, &catalogs());
    snap_product(
        &checker,
        layout,
        &id.into(),
        PointMm::new(at.0, at.1),
        rotation,
        &SnapSettings::default(),
    )
}

/// The room with one cabinet (1000 wide, 500 deep) to move.
fn with_cabinet() -> Layout {
    let mut layout = room();
    layout
        .products
        .push(placed("c", "cabinet", (2500, 2000), 0.0));
    layout
}

#[test]
fn in_open_floor_only_the_grid_applies() {
    let snapped = snap(&with_cabinet(), "c", (2503, 1996), 30.0);
    assert_eq!(snapped.position, PointMm::new(2500, 2000));
    assert_eq!(snapped.rotation_deg, 30.0);
    assert_eq!(snapped.snapped_to, vec![SnapKind::Grid]);

    let no_grid = SnapSettings {
        grid_mm: 0,
        ..SnapSettings::default()
    };
    let layout = with_cabinet();
    let checker = LiveChecker::new(&layout, &catalogs());
    let free = snap_product(
        &checker,
        &layout,
        &"c".into(),
        PointMm::new(2503, 1996),
        -30.0,
        &no_grid,
    );
    assert_eq!(free.position, PointMm::new(2503, 1996));
    assert_eq!(free.rotation_deg, 330.0);
    assert!(free.snapped_to.is_empty());
}

#[test]
fn near_a_wall_it_faces_the_back_goes_against_it_and_the_rotation_stays() {
    // 400 mm from the south face: too far to snap.
    let far = snap(&with_cabinet(), "c", (2500, 700), 0.0);
    assert_eq!(far.snapped_to, vec![SnapKind::Grid]);
    assert_eq!(far.position, PointMm::new(2500, 700));

    // Square to the wall with its back 100 mm off the face: pushed back.
    let near = snap(&with_cabinet(), "c", (2500, 400), 0.0);
    assert_eq!(near.position, PointMm::new(2500, 300));
    assert_eq!(near.rotation_deg, 0.0);
    assert_eq!(near.snapped_to, vec![SnapKind::Grid, SnapKind::Wall]);

    // Turned 30°: it keeps its turn (only the user turns a product), and a corner that
    // would reach into the wall is pushed out.
    let turned = snap(&with_cabinet(), "c", (2500, 400), 30.0);
    assert_eq!(turned.rotation_deg, 30.0);
    let mut layout = with_cabinet();
    layout.products[0].position = turned.position;
    layout.products[0].rotation = turned.rotation_deg;
    assert!(check_layout(&layout, &catalogs()).is_empty());

    // Facing the east wall: against it.
    let east = snap(&with_cabinet(), "c", (4600, 2000), 90.0);
    assert_eq!(east.position, PointMm::new(4700, 2000));
    assert_eq!(east.rotation_deg, 90.0);
    // Its back to the east near the west wall: not turned round, only kept out of the wall.
    let west = snap(&with_cabinet(), "c", (250, 2000), 90.0);
    assert_eq!(west.position, PointMm::new(300, 2000));
    assert_eq!(west.rotation_deg, 90.0);
    let west_facing = snap(&with_cabinet(), "c", (250, 2000), 270.0);
    assert_eq!(west_facing.position, PointMm::new(300, 2000));
    assert_eq!(west_facing.rotation_deg, 270.0);

    // Pushed into the wall it does not face, it comes back out, still facing north.
    let inside = snap(&with_cabinet(), "c", (2500, 3900), 0.0);
    assert_eq!(inside.position, PointMm::new(2500, 3700));
    assert_eq!(inside.rotation_deg, 0.0);
}

#[test]
fn dragged_along_its_wall_into_a_corner_it_is_not_turned_onto_the_other_wall() {
    // Backed onto the south wall and dragged to the west corner, 30 mm past the west face.
    for x in [900, 700, 560, 520] {
        let along = snap(&with_cabinet(), "c", (x, 300), 0.0);
        assert_eq!(along.rotation_deg, 0.0, "at x {x}");
        assert_eq!(
            along.position.y,
            crate::domain::values::units::Mm(300),
            "at x {x}"
        );
    }
}

#[test]
fn a_pull_that_would_put_it_onto_a_neighbour_is_dropped_when_its_own_spot_is_free() {
    // A lamp (300 × 300) stands against the south wall at x 2510 to 2810; the cabinet's back
    // is 350 mm from the wall, inside a 600 mm wall pull that would put it onto the lamp.
    let mut layout = with_cabinet();
    layout.products.push(placed("n", "lamp", (2660, 200), 0.0));
    let settings = SnapSettings {
        wall_distance_mm: 600.0,
        ..SnapSettings::default()
    };
    let checker = LiveChecker::new(&layout, &catalogs());
    let pull = |at: (i64, i64)| {
        snap_product(
            &checker,
            &layout,
            &"c".into(),
            PointMm::new(at.0, at.1),
            0.0,
            &settings,
        )
    };
    let snapped = pull((2660, 650));
    assert_eq!(snapped.position, PointMm::new(2660, 650));
    assert_eq!(snapped.snapped_to, vec![SnapKind::Grid]);
    // Clear of the lamp along the wall, the same pull puts it against the wall.
    let clear = pull((3900, 650));
    assert_eq!(clear.position, PointMm::new(3900, 300));
}

#[test]
fn near_a_corner_the_side_goes_against_the_other_wall() {
    let clear = snap(&with_cabinet(), "c", (700, 300), 0.0);
    assert_eq!(clear.position, PointMm::new(700, 300));
    let corner = snap(&with_cabinet(), "c", (600, 320), 0.0);
    assert_eq!(corner.position, PointMm::new(550, 300));
    let mut layout = with_cabinet();
    layout.products[0].position = corner.position;
    assert!(check_layout(&layout, &catalogs()).is_empty());
}

#[test]
fn next_to_a_neighbour_it_abuts_and_lines_up() {
    let mut layout = with_cabinet();
    layout
        .products
        .push(placed("n", "cabinet", (1550, 300), 0.0));
    // Along the wall, 200 mm from the neighbour: stays.
    let apart = snap(&layout, "c", (2750, 320), 0.0);
    assert_eq!(apart.position, PointMm::new(2750, 300));
    assert!(!apart.snapped_to.contains(&SnapKind::Neighbour));
    // 40 mm away: pushed against it.
    let close = snap(&layout, "c", (2590, 320), 0.0);
    assert_eq!(close.position, PointMm::new(2550, 300));
    assert_eq!(
        close.snapped_to,
        vec![SnapKind::Grid, SnapKind::Wall, SnapKind::Neighbour]
    );
    layout.products[0].position = close.position;
    assert!(check_layout(&layout, &catalogs()).is_empty());

    // Free-standing 50 mm beside a lamp (x 850 to 1150, y 1850 to 2150): pushed against its
    // side, and the backs (y 1790 and 1850) lined up.
    let mut free = with_cabinet();
    free.products.push(placed("n", "lamp", (1000, 2000), 0.0));
    let lined = snap(&free, "c", (1700, 2040), 0.0);
    assert_eq!(lined.position, PointMm::new(1650, 2100));
    assert_eq!(lined.snapped_to, vec![SnapKind::Grid, SnapKind::Neighbour]);
}

#[test]
fn a_wall_cabinet_above_a_floor_cabinet_lines_up_with_it_instead_of_moving_aside() {
    let mut layout = room();
    layout
        .products
        .push(placed("base", "cabinet", (1550, 300), 0.0));
    layout
        .products
        .push(placed("w", "wall-cabinet", (3000, 225), 0.0));
    // 100 mm off the base cabinet's left edge (x 1050): too far to line up.
    let apart = snap(&layout, "w", (1450, 230), 0.0);
    assert_eq!(apart.position, PointMm::new(1450, 225));
    // 20 mm off: lined up above it.
    let lined = snap(&layout, "w", (1370, 230), 0.0);
    assert_eq!(lined.position, PointMm::new(1350, 225));
    assert_eq!(
        lined.snapped_to,
        vec![SnapKind::Grid, SnapKind::Wall, SnapKind::Neighbour]
    );
    layout.products[1].position = lined.position;
    assert!(check_layout(&layout, &catalogs()).is_empty());
}

#[test]
fn a_wall_cabinet_keeps_its_rotation_and_hangs_on_the_wall_its_back_faces() {
    let mut layout = room();
    layout
        .products
        .push(placed("w", "wall-cabinet", (2500, 3700), 0.0));
    // Facing the north wall: not turned round.
    let facing_the_wall = snap(&layout, "w", (2500, 3700), 0.0);
    assert_eq!(facing_the_wall.rotation_deg, 0.0);
    // Turned by the user to back onto it: hung on it.
    let snapped = snap(&layout, "w", (2500, 3700), 180.0);
    assert_eq!(snapped.position, PointMm::new(2500, 3775));
    assert_eq!(snapped.rotation_deg, 180.0);
    layout.products[0].position = snapped.position;
    layout.products[0].rotation = snapped.rotation_deg;
    assert!(check_layout(&layout, &catalogs()).is_empty());
}

#[test]
fn an_unknown_product_only_snaps_to_the_grid() {
    let snapped = snap(&with_cabinet(), "nope", (2503, 404), 0.0);
    assert_eq!(snapped.position, PointMm::new(2500, 400));
    assert_eq!(snapped.snapped_to, vec![SnapKind::Grid]);
}
