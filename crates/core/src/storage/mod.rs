//! File formats: RON catalogs and layouts read into validated domain values, layouts written
//! back atomically, quotes exported as CSV. No GUI code; errors name file, line and column.

pub mod catalog;
pub mod csv_quote;
pub mod error;
pub mod layout_file;
mod locate;
mod ron_text;
