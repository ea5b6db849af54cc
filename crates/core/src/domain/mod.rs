//! The pure core: units, geometry, catalogs, configuration, pricing, quotes, the layout
//! document and its constraint checks. No Bevy, egui, rfd or file IO in here.

pub mod catalog;
pub mod configuration;
pub mod constraints;
pub mod dealer;
pub mod edits;
pub mod geometry;
pub mod history;
pub mod ids;
pub(crate) mod layout_order;
pub mod length_units;
pub mod message_text;
pub mod money;
pub mod new_opening;
pub mod plan;
pub mod plan_drawing;
pub mod plan_hit;
pub mod pricing;
pub mod quote;
pub mod quote_document;
pub mod quote_live;
pub mod room_keys;
pub mod room_name;
pub mod room_templates;
pub mod snapping;
pub mod units;
pub mod wall_drawing;
pub mod wall_rules;
