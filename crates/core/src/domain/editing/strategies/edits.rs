//! Test support: a random step turned into an edit of the current layout, aimed at what the
//! layout holds now (its products, openings, walls and the catalogs' options).

use super::{ROOM_NAMES, Step};
use crate::domain::catalog::{CatalogSet, OptionValue, ProductKind};
use crate::domain::editing::{Edit, WallEnd};
use crate::domain::layout::{HingeSide, Layout, Opening, PlacedProduct, Swing, Wall};
use crate::domain::values::ids::{OptionId, ProductId};
use crate::domain::values::units::{Mm, PointMm};
use rust_decimal::Decimal;

/// The edit a step stands for in the current layout (`None` when it has nothing to act on).
pub(crate) fn edit_for(step: &Step, layout: &Layout, catalogs: &CatalogSet) -> Option<Edit> {
    let product_at = |pick: usize| {
        let count = layout.products.len();
        (count > 0).then(|| &layout.products[pick % count])
    };
    let opening_at = |pick: usize| {
        let count = layout.openings.len();
        (count > 0).then(|| &layout.openings[pick % count])
    };
    let wall_at = |pick: usize| {
        let count = layout.walls.len();
        (count > 0).then(|| &layout.walls[pick % count])
    };
    let end_of = |wall: &Wall, start: bool| if start { wall.start } else { wall.end };
    let which_end = |start: bool| if start { WallEnd::Start } else { WallEnd::End };
    let edit = match step {
        Step::Move {
            pick,
            x,
            y,
            rotation,
        } => Edit::MoveProduct {
            id: product_at(*pick)?.id.clone(),
            position: PointMm::new(*x, *y),
            rotation_deg: *rotation,
        },
        Step::Nudge { pick, dx, dy } => {
            let placed = product_at(*pick)?;
            Edit::MoveProduct {
                id: placed.id.clone(),
                position: PointMm::new(placed.position.x.0 + dx, placed.position.y.0 + dy),
                rotation_deg: placed.rotation,
            }
        }
        Step::SetOption {
            pick,
            option,
            value,
        } => {
            let placed = product_at(*pick)?;
            let (option, value) = option_value(catalogs, &placed.product, *option, *value)?;
            Edit::SetOption {
                id: placed.id.clone(),
                option,
                value,
            }
        }
        Step::Reset { pick } => Edit::ResetOptions(product_at(*pick)?.id.clone()),
        Step::Discount { pick, percent } => Edit::SetDiscount {
            id: product_at(*pick)?.id.clone(),
            discount_percent: Decimal::from(*percent),
        },
        Step::Elevation { pick, elevation } => Edit::SetElevation {
            id: product_at(*pick)?.id.clone(),
            elevation: elevation.map(Mm),
        },
        Step::Add {
            product,
            x,
            y,
            rotation,
        } => {
            let placeable: Vec<&ProductId> = catalogs
                .catalogs
                .iter()
                .flat_map(|catalog| &catalog.products)
                .filter(|product| !product.kind.is_opening())
                .map(|product| &product.id)
                .collect();
            let product = placeable.get(product % placeable.len().max(1))?;
            Edit::AddProduct(PlacedProduct {
                id: layout.next_product_id(),
                product: (*product).clone(),
                options: Default::default(),
                position: PointMm::new(*x, *y),
                rotation: *rotation,
                elevation: None,
                discount_percent: Decimal::ZERO,
                personal: Default::default(),
            })
        }
        Step::Duplicate { pick, dx, dy } => {
            let mut copy = product_at(*pick)?.clone();
            copy.id = layout.next_product_id();
            copy.position = PointMm::new(copy.position.x.0 + dx, copy.position.y.0 + dy);
            Edit::AddProduct(copy)
        }
        Step::Delete { pick } => Edit::DeleteProduct(product_at(*pick)?.id.clone()),
        Step::MoveOpening { pick, offset } => Edit::MoveOpening {
            id: opening_at(*pick)?.id.clone(),
            offset: Mm(*offset),
        },
        Step::Flip { pick, swing } => {
            let id = opening_at(*pick)?.id.clone();
            if *swing {
                Edit::FlipSwing(id)
            } else {
                Edit::FlipHinge(id)
            }
        }
        Step::OpeningOption {
            pick,
            option,
            value,
        } => {
            let opening = opening_at(*pick)?;
            let (option, value) = option_value(catalogs, &opening.product, *option, *value)?;
            Edit::SetOpeningOption {
                id: opening.id.clone(),
                option,
                value,
            }
        }
        Step::QuoteDiscount { percent } => {
            let mut info = layout.quote.clone();
            info.discount_percent = Decimal::from(*percent);
            Edit::SetQuoteInfo(info)
        }
        Step::MoveWallEnd {
            pick,
            start,
            dx,
            dy,
        } => {
            let wall = wall_at(*pick)?;
            let from = end_of(wall, *start);
            Edit::MoveWallEnd {
                id: wall.id.clone(),
                end: which_end(*start),
                to: PointMm::new(from.x.0 + dx, from.y.0 + dy),
            }
        }
        Step::JoinWallEnd {
            pick,
            start,
            other,
            other_start,
        } => {
            let wall = wall_at(*pick)?;
            Edit::MoveWallEnd {
                id: wall.id.clone(),
                end: which_end(*start),
                to: end_of(wall_at(*other)?, *other_start),
            }
        }
        Step::MoveWall { pick, dx, dy } => Edit::MoveWall {
            id: wall_at(*pick)?.id.clone(),
            by: PointMm::new(*dx, *dy),
        },
        Step::DragWallEnds {
            pick,
            corner,
            dx,
            dy,
        } => {
            let id = &wall_at(*pick)?.id;
            Edit::MoveWallEnds {
                ends: match corner {
                    Some(start) => {
                        crate::domain::editing::corner_ends(layout, id, which_end(*start))
                    }
                    None => crate::domain::editing::wall_and_corner_ends(layout, id),
                },
                by: PointMm::new(*dx, *dy),
            }
        }
        Step::SplitWall { pick, permille } => {
            let wall = wall_at(*pick)?;
            let (dx, dy) = (wall.end.x.0 - wall.start.x.0, wall.end.y.0 - wall.start.y.0);
            let length = (dx as f64).hypot(dy as f64);
            Edit::SplitWall {
                id: wall.id.clone(),
                at: Mm((length * f64::from(*permille) / 1000.0).round() as i64),
                new_id: layout.next_wall_id(),
            }
        }
        Step::WallThickness { pick, thickness } => Edit::SetWallThickness {
            id: wall_at(*pick)?.id.clone(),
            thickness: Mm(*thickness),
        },
        Step::WallHeight { pick, height } => Edit::SetWallHeight {
            id: wall_at(*pick)?.id.clone(),
            height: Mm(*height),
        },
        Step::DeleteWall { pick } => Edit::DeleteWall(wall_at(*pick)?.id.clone()),
        Step::DrawWalls {
            pick,
            start,
            dx,
            dy,
            thickness,
        } => {
            let from = end_of(wall_at(*pick)?, *start);
            let corner = PointMm::new(from.x.0 + dx, from.y.0);
            let first = Wall {
                id: layout.next_wall_id(),
                start: from,
                end: corner,
                thickness: Mm(*thickness),
                height: Mm(2500),
            };
            let mut with_first = layout.clone();
            with_first.walls.push(first.clone());
            let second = Wall {
                id: with_first.next_wall_id(),
                start: corner,
                end: PointMm::new(corner.x.0, corner.y.0 + dy),
                ..first.clone()
            };
            Edit::AddWalls(vec![first, second])
        }
        Step::DrawPartition {
            pick,
            permille,
            reach,
        } => {
            let wall = wall_at(*pick)?;
            let (dx, dy) = (wall.end.x.0 - wall.start.x.0, wall.end.y.0 - wall.start.y.0);
            let length = (dx as f64).hypot(dy as f64);
            let fraction = f64::from(*permille) / 1000.0;
            let foot = (
                wall.start.x.0 as f64 + dx as f64 * fraction,
                wall.start.y.0 as f64 + dy as f64 * fraction,
            );
            let scale = *reach as f64 / length.max(1.0);
            // Whole millimetres within the join tolerance of the wall's centre line only on
            // axis-aligned walls; elsewhere the new wall may end just off it, which is fine too.
            Edit::AddWalls(vec![Wall {
                id: layout.next_wall_id(),
                start: PointMm::new(foot.0.round() as i64, foot.1.round() as i64),
                end: PointMm::new(
                    (foot.0 - dy as f64 * scale).round() as i64,
                    (foot.1 + dx as f64 * scale).round() as i64,
                ),
                thickness: Mm(100),
                height: Mm(2500),
            }])
        }
        Step::AddOpening {
            wall,
            product,
            offset,
        } => {
            let wall = wall_at(*wall)?;
            let products: Vec<_> = catalogs
                .catalogs
                .iter()
                .flat_map(|catalog| &catalog.products)
                .filter(|product| product.kind.is_opening())
                .collect();
            let product = products.get(product % products.len().max(1))?;
            Edit::AddOpening(Opening {
                id: layout.next_opening_id(),
                product: product.id.clone(),
                options: Default::default(),
                wall: wall.id.clone(),
                offset: Mm(*offset),
                sill: if product.kind == ProductKind::Door {
                    Mm(0)
                } else {
                    product.elevation
                },
                hinge: HingeSide::Start,
                swing: Swing::In,
            })
        }
        Step::DeleteOpening { pick } => Edit::DeleteOpening(opening_at(*pick)?.id.clone()),
        Step::RoomName { pick, left, name } => Edit::SetRoomName {
            wall: wall_at(*pick)?.id.clone(),
            left: *left,
            name: ROOM_NAMES[name % ROOM_NAMES.len()].to_owned(),
        },
    };
    Some(edit)
}

/// An option of a catalog product and one of its values, picked by index.
fn option_value(
    catalogs: &CatalogSet,
    product: &ProductId,
    option: usize,
    value: usize,
) -> Option<(OptionId, OptionValue)> {
    let (_, product) = catalogs.product(product)?;
    let count = product.options.len();
    let def = product.options.get(option % count.max(1))?;
    let values = def.values();
    let value = values.get(value % values.len().max(1))?.clone();
    Some((def.id.clone(), value))
}
