//! Test support: the shipped showroom and catalogs, and proptest strategies for random edit
//! sequences on it (moves anywhere, into walls and outside, option changes, adds, duplicates,
//! deletes, opening and quote edits, wall edits, room names).
//!
//! Here: the showroom and the steps; `edits` turns a step into an edit of the current layout.

mod edits;

pub(crate) use edits::edit_for;

use crate::domain::catalog::CatalogSet;
use crate::domain::layout::Layout;
use crate::storage::catalog::load_catalog_folder;
use crate::storage::layout_file::load_layout;
use proptest::prelude::*;
use std::path::PathBuf;
use std::sync::OnceLock;

/// The shipped showroom layout and the shipped catalogs, loaded once.
pub(crate) fn showroom() -> &'static (Layout, CatalogSet) {
    static SHOWROOM: OnceLock<(Layout, CatalogSet)> = OnceLock::new();
    SHOWROOM.get_or_init(|| {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
        let (catalogs, errors) = load_catalog_folder(&root.join("catalogs"));
        assert!(errors.is_empty(), "shipped catalogs load: {errors:?}");
        let (layout, _) =
            load_layout(&root.join("saves/showroom.ron")).expect("the shipped showroom loads");
        (layout, CatalogSet { catalogs })
    })
}

/// One random step, turned into an edit against the current layout by [`edit_for`].
#[derive(Debug, Clone)]
pub(crate) enum Step {
    /// Moves a product anywhere (inside, into walls, outside) and turns it.
    Move {
        pick: usize,
        x: i64,
        y: i64,
        rotation: f64,
    },
    /// Moves a product a little.
    Nudge { pick: usize, dx: i64, dy: i64 },
    /// Chooses an option value (the edit may be refused).
    SetOption {
        pick: usize,
        option: usize,
        value: usize,
    },
    /// Back to the catalog's defaults.
    Reset { pick: usize },
    /// A line discount.
    Discount { pick: usize, percent: u8 },
    /// Lifts a product, or resets its elevation.
    Elevation { pick: usize, elevation: Option<i64> },
    /// Places a catalog product with its defaults.
    Add {
        product: usize,
        x: i64,
        y: i64,
        rotation: f64,
    },
    /// Copies a product beside itself.
    Duplicate { pick: usize, dx: i64, dy: i64 },
    /// Removes a product.
    Delete { pick: usize },
    /// Slides an opening along its wall.
    MoveOpening { pick: usize, offset: i64 },
    /// Flips a door's hinge or swing.
    Flip { pick: usize, swing: bool },
    /// Chooses an opening option value.
    OpeningOption {
        pick: usize,
        option: usize,
        value: usize,
    },
    /// The whole-quote discount.
    QuoteDiscount { percent: u8 },
    /// Moves one end of a wall by a displacement.
    MoveWallEnd {
        pick: usize,
        start: bool,
        dx: i64,
        dy: i64,
    },
    /// Moves one end of a wall onto an end of another wall.
    JoinWallEnd {
        pick: usize,
        start: bool,
        other: usize,
        other_start: bool,
    },
    /// Moves a whole wall.
    MoveWall { pick: usize, dx: i64, dy: i64 },
    /// One step of a drag: a wall with the ends joined to it (or one of its corners, when
    /// `corner` is set) moves by an offset.
    DragWallEnds {
        pick: usize,
        corner: Option<bool>,
        dx: i64,
        dy: i64,
    },
    /// Splits a wall at a fraction (in thousandths) of its length.
    SplitWall { pick: usize, permille: u16 },
    /// Sets a wall's thickness (the edit may be refused).
    WallThickness { pick: usize, thickness: i64 },
    /// Sets a wall's height (the edit may be refused).
    WallHeight { pick: usize, height: i64 },
    /// Removes a wall.
    DeleteWall { pick: usize },
    /// Draws a chain of two walls from an end of a wall.
    DrawWalls {
        pick: usize,
        start: bool,
        dx: i64,
        dy: i64,
        thickness: i64,
    },
    /// Draws a partition ending on a wall's side (a T-junction) at a fraction (in
    /// thousandths) of its length, `reach` long to the wall's left (negative: its right).
    DrawPartition {
        pick: usize,
        permille: u16,
        reach: i64,
    },
    /// Sets a catalog door or window into a wall.
    AddOpening {
        wall: usize,
        product: usize,
        offset: i64,
    },
    /// Removes a door or window.
    DeleteOpening { pick: usize },
    /// Names (or, with an empty name, unnames) the room on one side of a wall.
    RoomName {
        pick: usize,
        left: bool,
        name: usize,
    },
}

/// Room names the steps choose from: plain, padded, empty (removes) and too long (refused).
const ROOM_NAMES: [&str; 4] = [
    "Kitchen",
    "  Bed room ",
    "",
    "a name far too long for a room, more than eighty characters in all, so refused",
];

fn rotation() -> impl Strategy<Value = f64> {
    prop_oneof![
        Just(0.0),
        Just(90.0),
        Just(180.0),
        Just(270.0),
        Just(45.0),
        Just(-30.0),
        Just(400.5),
        0.0..360.0_f64,
    ]
}

/// Steps that touch products only.
pub(crate) fn product_step() -> impl Strategy<Value = Step> {
    let pick = 0..1000_usize;
    prop_oneof![
        3 => (pick.clone(), -1500..11500_i64, -1500..8500_i64, rotation())
            .prop_map(|(pick, x, y, rotation)| Step::Move { pick, x, y, rotation }),
        3 => (pick.clone(), -400..400_i64, -400..400_i64)
            .prop_map(|(pick, dx, dy)| Step::Nudge { pick, dx, dy }),
        3 => (pick.clone(), 0..8_usize, 0..8_usize)
            .prop_map(|(pick, option, value)| Step::SetOption { pick, option, value }),
        1 => pick.clone().prop_map(|pick| Step::Reset { pick }),
        1 => (pick.clone(), 0..=100_u8).prop_map(|(pick, percent)| Step::Discount { pick, percent }),
        1 => (pick.clone(), proptest::option::of(0..2000_i64))
            .prop_map(|(pick, elevation)| Step::Elevation { pick, elevation }),
        2 => (0..100_usize, -1000..11000_i64, -1000..8000_i64, rotation())
            .prop_map(|(product, x, y, rotation)| Step::Add { product, x, y, rotation }),
        2 => (pick.clone(), -1200..1200_i64, -1200..1200_i64)
            .prop_map(|(pick, dx, dy)| Step::Duplicate { pick, dx, dy }),
        2 => pick.prop_map(|pick| Step::Delete { pick }),
    ]
}

/// Steps that touch anything: products, openings and quote fields.
pub(crate) fn any_step() -> impl Strategy<Value = Step> {
    let pick = 0..1000_usize;
    prop_oneof![
        12 => product_step(),
        1 => (pick.clone(), 0..9000_i64)
            .prop_map(|(pick, offset)| Step::MoveOpening { pick, offset }),
        1 => (pick.clone(), any::<bool>()).prop_map(|(pick, swing)| Step::Flip { pick, swing }),
        1 => (pick, 0..4_usize, 0..6_usize)
            .prop_map(|(pick, option, value)| Step::OpeningOption { pick, option, value }),
        1 => (0..=20_u8).prop_map(|percent| Step::QuoteDiscount { percent }),
    ]
}

/// Steps that change the shape of walls: moving ends and walls, splitting, thickness.
pub(crate) fn wall_shape_step() -> impl Strategy<Value = Step> {
    let pick = 0..1000_usize;
    prop_oneof![
        4 => (pick.clone(), any::<bool>(), -3000..3000_i64, -3000..3000_i64)
            .prop_map(|(pick, start, dx, dy)| Step::MoveWallEnd { pick, start, dx, dy }),
        2 => (pick.clone(), any::<bool>(), pick.clone(), any::<bool>()).prop_map(
            |(pick, start, other, other_start)| Step::JoinWallEnd { pick, start, other, other_start }
        ),
        3 => (pick.clone(), -2000..2000_i64, -2000..2000_i64)
            .prop_map(|(pick, dx, dy)| Step::MoveWall { pick, dx, dy }),
        2 => (pick.clone(), proptest::option::of(any::<bool>()), -2000..2000_i64, -2000..2000_i64)
            .prop_map(|(pick, corner, dx, dy)| Step::DragWallEnds { pick, corner, dx, dy }),
        2 => (pick.clone(), 0..=1000_u16).prop_map(|(pick, permille)| Step::SplitWall { pick, permille }),
        2 => (pick, 0..2200_i64).prop_map(|(pick, thickness)| Step::WallThickness { pick, thickness }),
    ]
}

/// Steps that change walls, doors and windows and room names.
pub(crate) fn structure_step() -> impl Strategy<Value = Step> {
    let pick = 0..1000_usize;
    prop_oneof![
        6 => wall_shape_step(),
        1 => (pick.clone(), 0..11_000_i64).prop_map(|(pick, height)| Step::WallHeight { pick, height }),
        1 => pick.clone().prop_map(|pick| Step::DeleteWall { pick }),
        1 => (pick.clone(), any::<bool>(), -4000..4000_i64, -4000..4000_i64, 0..500_i64).prop_map(
            |(pick, start, dx, dy, thickness)| Step::DrawWalls { pick, start, dx, dy, thickness }
        ),
        1 => (pick.clone(), 0..=1000_u16, -3000..3000_i64)
            .prop_map(|(pick, permille, reach)| Step::DrawPartition { pick, permille, reach }),
        2 => (pick.clone(), 0..100_usize, 0..8000_i64)
            .prop_map(|(wall, product, offset)| Step::AddOpening { wall, product, offset }),
        1 => pick.clone().prop_map(|pick| Step::DeleteOpening { pick }),
        2 => (pick, any::<bool>(), 0..ROOM_NAMES.len())
            .prop_map(|(pick, left, name)| Step::RoomName { pick, left, name }),
    ]
}

/// Steps that touch anything: products, openings, quote fields, walls and room names.
pub(crate) fn document_step() -> impl Strategy<Value = Step> {
    prop_oneof![2 => any_step(), 1 => structure_step()]
}
