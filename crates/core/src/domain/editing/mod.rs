//! Editing the layout: every edit as data and the one pure function that applies it (here:
//! checked against the catalogs first, so an invalid edit leaves the layout untouched), undo
//! and redo, and where a gesture puts things (snapping, wall drawing, a new door or window).

mod checks;
mod error;
mod grow_from_walls;
mod keep_openings;
mod openings;
mod products;
mod rooms;
mod walls;

pub mod history;
pub mod new_opening;
pub mod snapping;
pub mod wall_drawing;

pub use error::EditError;
pub use openings::free_place_on_wall;
pub use walls::{MIN_SPLIT_PART_MM, WallEnd, corner_ends, wall_and_corner_ends};

use crate::domain::catalog::{CatalogSet, OptionValue, PersonalValue};
use crate::domain::layout::{Changes, Customer, Layout, Opening, PlacedProduct, QuoteInfo, Wall};
use crate::domain::values::ids::{OpeningId, OptionId, ProductInstanceId, WallId};
use crate::domain::values::units::{Mm, PointMm};
use rust_decimal::Decimal;

/// Highest elevation of a product's underside accepted (as in save files).
pub const MAX_ELEVATION_MM: i64 = 5_000;

/// Longest quote validity accepted, in days (as in save files).
pub const MAX_VALID_DAYS: u32 = 3_650;

/// A change to the document.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// Replaces the whole layout (new, open, recover).
    ReplaceLayout(Box<Layout>),
    /// Places a product; its id must be new (see [`Layout::next_product_id`]). The product's
    /// catalog joins the layout's list of catalogs when it is not yet there.
    AddProduct(PlacedProduct),
    /// Removes a placed product.
    DeleteProduct(ProductInstanceId),
    /// Moves and turns a placed product; the rotation is brought into `[0, 360)`.
    MoveProduct {
        /// The product.
        id: ProductInstanceId,
        /// New centre.
        position: PointMm,
        /// New rotation in degrees anticlockwise.
        rotation_deg: f64,
    },
    /// Sets (or, with `None`, resets to the catalog's default) the height of a product's underside.
    SetElevation {
        /// The product.
        id: ProductInstanceId,
        /// New elevation.
        elevation: Option<Mm>,
    },
    /// Makes an explicit option choice; refused when the explicit choices could then no longer
    /// be completed into a product that can be made.
    SetOption {
        /// The product.
        id: ProductInstanceId,
        /// The option.
        option: OptionId,
        /// The chosen value.
        value: OptionValue,
    },
    /// Sets (or, with `None`, removes) an engraved text or printed image of a product; a text
    /// that cannot be engraved, a font or colour not offered, or an image path outside the
    /// layout's `images/` folder is refused.
    SetPersonal {
        /// The product.
        id: ProductInstanceId,
        /// The personalization's id.
        personal: String,
        /// The new value.
        value: Option<PersonalValue>,
    },
    /// Clears every explicit choice: the product goes back to the catalog's defaults.
    ResetOptions(ProductInstanceId),
    /// Sets a product's line discount.
    SetDiscount {
        /// The product.
        id: ProductInstanceId,
        /// Discount in percent, 0 to 100.
        discount_percent: Decimal,
    },
    /// Slides a door or window along its wall; it stops at the nearest free place clear of the
    /// wall's corners and of the other openings.
    MoveOpening {
        /// The opening.
        id: OpeningId,
        /// New distance from the wall's start to the near edge.
        offset: Mm,
    },
    /// Makes an explicit option choice for a door or window (checked like [`Edit::SetOption`]).
    SetOpeningOption {
        /// The opening.
        id: OpeningId,
        /// The option.
        option: OptionId,
        /// The chosen value.
        value: OptionValue,
    },
    /// Hangs a door leaf from the other side.
    FlipHinge(OpeningId),
    /// Makes a door swing to the other side of its wall.
    FlipSwing(OpeningId),
    /// Replaces the customer fields.
    SetCustomer(Customer),
    /// Replaces the quote fields.
    SetQuoteInfo(QuoteInfo),
    /// Draws walls (a chain, say): every id new and valid (see [`Layout::next_wall_id`]), every
    /// wall at least [`MIN_WALL_LENGTH_MM`](crate::domain::layout::MIN_WALL_LENGTH_MM) long and
    /// not lying over another, points within reach and thickness and height in range. Doors and
    /// windows of existing walls that the new walls join are moved clear of the new corners.
    AddWalls(Vec<Wall>),
    /// Moves one end of a wall; every other wall end joined at that point (within
    /// [`JOIN_TOLERANCE_MM`](crate::domain::geometry::walls::JOIN_TOLERANCE_MM)) follows to
    /// the same point.
    MoveWallEnd {
        /// The wall.
        id: WallId,
        /// Which of its ends.
        end: WallEnd,
        /// Where the end goes.
        to: PointMm,
    },
    /// Moves a whole wall; the ends of other walls joined to either of its ends move with it
    /// (those walls stretch).
    MoveWall {
        /// The wall.
        id: WallId,
        /// Displacement.
        by: PointMm,
    },
    /// Moves exactly these wall ends by an offset, and no others: a drag in progress, whose
    /// corners keep the walls they had when it began (see [`corner_ends`] and
    /// [`wall_and_corner_ends`]), so a corner dragged across another does not pick it up.
    MoveWallEnds {
        /// The ends to move.
        ends: Vec<(WallId, WallEnd)>,
        /// Displacement.
        by: PointMm,
    },
    /// Splits a wall in two at a distance from its start: the first part keeps the id, the
    /// second gets `new_id`; both keep thickness and height. Each door or window goes to the
    /// part holding its centre. Both parts must be at least [`MIN_SPLIT_PART_MM`] long.
    SplitWall {
        /// The wall.
        id: WallId,
        /// Distance from the wall's start along its centre line.
        at: Mm,
        /// Id of the second part.
        new_id: WallId,
    },
    /// Removes a wall with the doors and windows set into it and the room names kept on it.
    /// The walls it was joined to can meet at a sharper corner afterwards: their doors and
    /// windows are fitted again, and the edit is refused when they no longer fit.
    DeleteWall(WallId),
    /// Sets a wall's thickness (which also changes how far joined walls reach into the corner).
    SetWallThickness {
        /// The wall.
        id: WallId,
        /// New thickness.
        thickness: Mm,
    },
    /// Sets a wall's height.
    SetWallHeight {
        /// The wall.
        id: WallId,
        /// New height.
        height: Mm,
    },
    /// Sets a door or window into a wall; its id must be new (see [`Layout::next_opening_id`])
    /// and its product a door or window. It goes to the free place on the wall nearest its
    /// offset, clear of corners and other openings; refused when there is none.
    AddOpening(Opening),
    /// Removes a door or window.
    DeleteOpening(OpeningId),
    /// Names the room on one side of a wall (trimmed; an empty name removes the name).
    SetRoomName {
        /// A wall bounding the room.
        wall: WallId,
        /// True for the room to the left of the wall's direction (start to end).
        left: bool,
        /// The name.
        name: String,
    },
}

/// Applies an edit and says what it touched (nothing, for an edit that changes nothing).
/// Edits of walls, of the set of openings and of room names touch everything.
///
/// Whenever walls change, the doors and windows on them stay inside: an opening keeps its
/// distance from the end of its wall that stayed put, and is then moved clear of corners and
/// of its neighbours (keeping their order along the wall).
///
/// # Errors
/// An unknown element, a duplicate or invalid id, a product no catalog has, an option or value
/// the catalog does not offer, choices that break the catalog's rules, a number out of range,
/// a wall shorter than [`MIN_WALL_LENGTH_MM`](crate::domain::layout::MIN_WALL_LENGTH_MM) or
/// lying over another, or doors and windows that would no longer fit in their wall. The
/// layout is then left untouched.
pub fn apply_edit(
    layout: &mut Layout,
    catalogs: &CatalogSet,
    edit: &Edit,
) -> Result<Changes, EditError> {
    match edit {
        Edit::ReplaceLayout(replacement) => {
            *layout = (**replacement).clone();
            Ok(Changes::all())
        }
        Edit::AddProduct(placed) => products::add(layout, catalogs, placed),
        Edit::DeleteProduct(id) => products::delete(layout, id),
        Edit::MoveProduct {
            id,
            position,
            rotation_deg,
        } => products::move_to(layout, id, *position, *rotation_deg),
        Edit::SetElevation { id, elevation } => products::set_elevation(layout, id, *elevation),
        Edit::SetOption { id, option, value } => {
            products::set_option(layout, catalogs, id, option, value)
        }
        Edit::SetPersonal {
            id,
            personal,
            value,
        } => products::set_personal(layout, catalogs, id, personal, value.as_ref()),
        Edit::ResetOptions(id) => products::reset_options(layout, id),
        Edit::SetDiscount {
            id,
            discount_percent,
        } => products::set_discount(layout, id, *discount_percent),
        Edit::MoveOpening { id, offset } => openings::move_to(layout, catalogs, id, *offset),
        Edit::SetOpeningOption { id, option, value } => {
            openings::set_option(layout, catalogs, id, option, value)
        }
        Edit::FlipHinge(id) => openings::flip_hinge(layout, id),
        Edit::FlipSwing(id) => openings::flip_swing(layout, id),
        Edit::SetCustomer(customer) => Ok(set_customer(layout, customer)),
        Edit::SetQuoteInfo(info) => set_quote_info(layout, info),
        Edit::AddWalls(walls) => walls::add(layout, catalogs, walls),
        Edit::MoveWallEnd { id, end, to } => walls::move_end(layout, catalogs, id, *end, *to),
        Edit::MoveWall { id, by } => walls::move_by(layout, catalogs, id, *by),
        Edit::MoveWallEnds { ends, by } => walls::move_ends(layout, catalogs, ends, *by),
        Edit::SplitWall { id, at, new_id } => walls::split(layout, catalogs, id, *at, new_id),
        Edit::DeleteWall(id) => walls::delete(layout, catalogs, id),
        Edit::SetWallThickness { id, thickness } => {
            walls::set_thickness(layout, catalogs, id, *thickness)
        }
        Edit::SetWallHeight { id, height } => walls::set_height(layout, id, *height),
        Edit::AddOpening(opening) => openings::add(layout, catalogs, opening),
        Edit::DeleteOpening(id) => openings::delete(layout, id),
        Edit::SetRoomName { wall, left, name } => rooms::set_name(layout, wall, *left, name),
    }
}

fn set_customer(layout: &mut Layout, customer: &Customer) -> Changes {
    let mut changes = Changes::default();
    if layout.customer != *customer {
        layout.customer = customer.clone();
        changes.quote_fields = true;
    }
    changes
}

fn set_quote_info(layout: &mut Layout, info: &QuoteInfo) -> Result<Changes, EditError> {
    checks::check_discount(info.discount_percent)?;
    if info.valid_days > MAX_VALID_DAYS {
        return Err(EditError::ValidDaysOutOfRange(info.valid_days));
    }
    let mut changes = Changes::default();
    if layout.quote != *info
        || layout.quote.discount_percent.serialize() != info.discount_percent.serialize()
    {
        layout.quote = info.clone();
        changes.quote_fields = true;
    }
    Ok(changes)
}

#[cfg(test)]
pub(crate) mod strategies;
#[cfg(test)]
mod tests;
