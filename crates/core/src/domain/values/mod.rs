//! Plain values every other part uses: typed ids, millimetres and degrees, money, dates, the
//! length units a user reads and types, and file text made safe to show in a message.

pub mod date;
pub mod ids;
pub mod length_units;
pub mod message;
pub mod message_text;
pub mod money;
pub mod units;
