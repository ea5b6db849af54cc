//! Why an edit is refused. A refused edit leaves the layout untouched.

use super::walls::MIN_SPLIT_PART_MM;
use crate::domain::catalog::OptionValue;
use crate::domain::layout::room_name::RoomNameError;
use crate::domain::layout::{
    MAX_WALL_HEIGHT_MM, MAX_WALL_THICKNESS_MM, MIN_WALL_HEIGHT_MM, MIN_WALL_LENGTH_MM,
    MIN_WALL_THICKNESS_MM,
};
use crate::domain::values::ids::{OpeningId, OptionId, ProductId, ProductInstanceId, WallId};
use crate::domain::values::units::{MAX_COORDINATE_MM, Mm, PointMm};
use rust_decimal::Decimal;
use thiserror::Error;

/// Why an edit cannot be applied.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum EditError {
    /// No placed product has this id.
    #[error("there is no product `{0}` in the layout")]
    UnknownProduct(ProductInstanceId),
    /// No opening has this id.
    #[error("there is no door or window `{0}` in the layout")]
    UnknownOpening(OpeningId),
    /// A wall, opening or product already has this id.
    #[error("id `{0}` is already used in the layout")]
    DuplicateId(String),
    /// The id is not usable in a save file.
    #[error("`{0}` is not a valid id: use 1 to 64 letters, digits, `-`, `_` or `.`")]
    InvalidId(String),
    /// No loaded catalog has this product.
    #[error("product `{0}` is in none of the loaded catalogs")]
    UnknownCatalogProduct(ProductId),
    /// Doors and windows are set into walls as openings, not placed as products.
    #[error("`{0}` is a door or window: it is set into a wall, not placed in the room")]
    OpeningProduct(ProductId),
    /// A personalization the product does not offer, a text that cannot be engraved, a font or
    /// colour not offered, or an image path outside the layout's `images/` folder.
    #[error("{0}")]
    Personalization(String),
    /// The catalog product has no such option.
    #[error("product `{product}` has no option `{option}`")]
    UnknownOption {
        /// The catalog product.
        product: ProductId,
        /// The option asked for.
        option: OptionId,
    },
    /// The value is not in the option's domain.
    #[error("`{value}` is not a value of option `{option}` of `{product}`")]
    ValueNotAllowed {
        /// The catalog product.
        product: ProductId,
        /// The option.
        option: OptionId,
        /// The value given.
        value: OptionValue,
    },
    /// The choices could not be completed into a product that can be made.
    #[error("{}", messages.join("; "))]
    Conflict {
        /// Messages of the catalog rules that forbid the combination.
        messages: Vec<String>,
    },
    /// Checking the product's options ran past the engine's time limit.
    #[error("checking the options of `{0}` took too long; its rules are too involved")]
    TooComplex(ProductId),
    /// A point too far from the origin.
    #[error("position {0} is further than {MAX_COORDINATE_MM} mm from the origin")]
    PositionOutOfRange(PointMm),
    /// A rotation that is not a number of degrees.
    #[error("the rotation is not a finite number of degrees")]
    RotationNotFinite,
    /// An elevation outside 0 to 5000 mm.
    #[error("elevation {0} is outside 0 to 5000 mm")]
    ElevationOutOfRange(Mm),
    /// A discount outside 0 to 100 %.
    #[error("discount {0}% is outside 0 to 100%")]
    DiscountOutOfRange(Decimal),
    /// An opening offset outside 0 to the largest coordinate.
    #[error("opening offset {0} is outside 0 to {MAX_COORDINATE_MM} mm")]
    OffsetOutOfRange(Mm),
    /// A quote validity of more than ten years.
    #[error("the quote is valid for {0} days; at most 3650")]
    ValidDaysOutOfRange(u32),
    /// No wall has this id.
    #[error("there is no wall `{0}` in the layout")]
    UnknownWall(WallId),
    /// A wall would lie along another one.
    #[error(
        "wall `{wall}` would lie over wall `{other}`; draw only the walls that are not there yet"
    )]
    WallsOverlap {
        /// The new or moved wall.
        wall: WallId,
        /// The wall it would lie over.
        other: WallId,
    },
    /// The wall would be shorter than [`MIN_WALL_LENGTH_MM`] (or have no length at all).
    #[error("wall `{0}` would be shorter than {MIN_WALL_LENGTH_MM} mm")]
    WallTooShort(WallId),
    /// A wall thickness outside the accepted range.
    #[error("wall thickness {0} is outside {MIN_WALL_THICKNESS_MM} to {MAX_WALL_THICKNESS_MM} mm")]
    WallThicknessOutOfRange(Mm),
    /// A wall height outside the accepted range.
    #[error("wall height {0} is outside {MIN_WALL_HEIGHT_MM} to {MAX_WALL_HEIGHT_MM} mm")]
    WallHeightOutOfRange(Mm),
    /// A split point that would leave a part of the wall too short.
    #[error(
        "splitting wall `{wall}` at {at} would leave a part shorter than {MIN_SPLIT_PART_MM} mm"
    )]
    SplitTooNearEnd {
        /// The wall.
        wall: WallId,
        /// The distance from its start asked for.
        at: Mm,
    },
    /// After the edit the doors and windows of a wall would no longer fit in it, side by side
    /// and clear of its corners.
    #[error(
        "the doors and windows of wall `{wall}` need {needed} but only {usable} of it would be free"
    )]
    OpeningsDoNotFit {
        /// The wall.
        wall: WallId,
        /// Their widths added up.
        needed: Mm,
        /// The length of wall clear of corners.
        usable: Mm,
    },
    /// No free stretch of the wall is wide enough for a new door or window.
    #[error("wall `{wall}` has no free stretch of {width} for another door or window")]
    NoRoomForOpening {
        /// The wall.
        wall: WallId,
        /// The new opening's width.
        width: Mm,
    },
    /// Only doors and windows are set into walls.
    #[error("`{0}` is not a door or window: it is placed in the room, not set into a wall")]
    NotAnOpeningProduct(ProductId),
    /// A sill outside 0 to 5000 mm.
    #[error("sill {0} is outside 0 to 5000 mm")]
    SillOutOfRange(Mm),
    /// Doors start at the floor.
    #[error("a door starts at the floor; it cannot have a sill of {0}")]
    DoorWithSill(Mm),
    /// A room name that cannot be used.
    #[error(transparent)]
    RoomName(#[from] RoomNameError),
}
