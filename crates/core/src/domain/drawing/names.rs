//! Elements named in the user's words for messages: a product by its catalog name (numbered when
//! the layout holds more than one of that name), a wall by the side of the room it bounds
//! ("the north wall of Living room"), a door or window by its name and wall ("Entrance door in
//! the south wall of Hall"). North is +y in plan coordinates (the plan is drawn with +y up).
//!
//! One [`Names`] serves every message of a layout: [`Names::message`] fills a message's name
//! and length slots.

use super::room_keys::{room_name, room_on_side};
use crate::domain::catalog::CatalogSet;
use crate::domain::layout::Layout;
use crate::domain::measured::Structure;
use crate::domain::values::ids::ElementId;
use crate::domain::values::length_units::LengthUnit;
use crate::domain::values::message::{Message, Part};
use std::collections::HashMap;

/// Every element of a layout with its name, as a message without element slots (a wall in no
/// room is named by its ends, which are lengths in the reader's unit).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Names {
    names: HashMap<ElementId, Message>,
}

impl Names {
    /// Names the walls, openings and products of a layout measured as `structure`.
    #[must_use]
    pub fn new(layout: &Layout, catalogs: &CatalogSet, structure: &Structure) -> Self {
        let mut names = HashMap::new();
        let walls: Vec<Message> = (0..structure.walls.len())
            .map(|wall| wall_name(layout, structure, wall))
            .collect();
        for (id, name) in structure.wall_ids.iter().zip(&walls) {
            names.insert(ElementId::Wall(id.clone()), name.clone());
        }
        let products: Vec<(ElementId, String)> = layout
            .products
            .iter()
            .filter_map(|placed| {
                let (_, product) = catalogs.product(&placed.product)?;
                Some((placed.id.clone().into(), product.name.clone()))
            })
            .collect();
        for (id, name) in numbered(products) {
            names.insert(id, Message::from(name));
        }
        let openings: Vec<((ElementId, usize), String)> = structure
            .openings
            .iter()
            .map(|opening| ((opening.element(), opening.wall), opening.name.clone()))
            .collect();
        // Doors or windows are told apart by number only among those of one name on one wall.
        let mut by_wall: HashMap<usize, Vec<(ElementId, String)>> = HashMap::new();
        for ((id, wall), name) in openings {
            by_wall.entry(wall).or_default().push((id, name));
        }
        for (wall, on_wall) in by_wall {
            for (id, name) in numbered(on_wall) {
                let in_wall = Message::from(format!("{name} in "));
                let wall_name = walls.get(wall).cloned().unwrap_or_default();
                names.insert(id, append(in_wall, wall_name));
            }
        }
        Self { names }
    }

    /// An element's name in `unit` (its id when the layout does not hold it).
    #[must_use]
    pub fn name(&self, element: &ElementId, unit: LengthUnit) -> String {
        self.names.get(element).map_or_else(
            || element.to_string(),
            |name| name.render_within(unit, ToString::to_string),
        )
    }

    /// A message with every element named and every length in `unit`.
    #[must_use]
    pub fn message(&self, message: &Message, unit: LengthUnit) -> String {
        message.render(unit, |element| self.name(element, unit))
    }
}

/// Names made unique by a number after each name that more than one element carries, in the
/// given order: "Vik dining chair 1", "Vik dining chair 2".
fn numbered<T>(named: Vec<(T, String)>) -> Vec<(T, String)> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for (_, name) in &named {
        *counts.entry(name.clone()).or_default() += 1;
    }
    let mut seen: HashMap<String, usize> = HashMap::new();
    named
        .into_iter()
        .map(|(id, name)| {
            if counts.get(&name).copied().unwrap_or(0) < 2 {
                return (id, name);
            }
            let number = seen.entry(name.clone()).or_default();
            *number += 1;
            let numbered = format!("{name} {number}");
            (id, numbered)
        })
        .collect()
}

fn append(mut first: Message, second: Message) -> Message {
    for part in second.parts() {
        first = match part {
            Part::Text(text) => first.text(text.clone()),
            Part::Length(length) => first.length(*length),
            Part::Element(element) => first.element(element.clone()),
        };
    }
    first
}

/// "the north wall of Living room": the side of a room the wall bounds, a named room before an
/// unnamed one; "the wall from (x, y) to (x, y)" for a wall that bounds no room.
fn wall_name(layout: &Layout, structure: &Structure, wall: usize) -> Message {
    let (Some(id), Some(geometry)) = (structure.wall_ids.get(wall), structure.walls.get(wall))
    else {
        return Message::new();
    };
    let sides: Vec<(bool, usize)> = [true, false]
        .into_iter()
        .filter_map(|left| Some((left, room_on_side(structure, id, left)?)))
        .collect();
    let chosen = sides
        .iter()
        .find(|(_, room)| room_name(layout, structure, *room).is_some())
        .or(sides.first());
    let Some(&(left, room)) = chosen else {
        let point = |corner: geo::Coord<f64>| {
            Message::new()
                .text("(")
                .length(corner.x.round() as i64)
                .text(", ")
                .length(corner.y.round() as i64)
                .text(")")
        };
        let from = append(Message::from("the wall from "), point(geometry.start));
        return append(from.text(" to "), point(geometry.end));
    };
    // The room lies on the wall's `left` side when `left`; the wall faces out the other way.
    let outward = if left {
        geometry.left * -1.0
    } else {
        geometry.left
    };
    let room_words = match room_name(layout, structure, room) {
        Some(name) => name.to_owned(),
        None if structure.rooms.len() == 1 => "the room".to_owned(),
        None => format!("Room {}", room + 1),
    };
    Message::from(format!(
        "the {} wall of {room_words}",
        compass(outward.x, outward.y)
    ))
}

/// The compass point nearest a direction in plan coordinates (+x east, +y north).
fn compass(x: f64, y: f64) -> &'static str {
    const POINTS: [&str; 8] = [
        "east",
        "north-east",
        "north",
        "north-west",
        "west",
        "south-west",
        "south",
        "south-east",
    ];
    let eighths = (y.atan2(x).to_degrees() / 45.0).round().rem_euclid(8.0) as usize;
    POINTS[eighths % 8]
}

#[cfg(test)]
#[path = "names_tests.rs"]
mod tests;
