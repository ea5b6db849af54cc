//! File formats: RON catalogs and layouts read into validated domain values, layouts written
//! back atomically, dealer settings and the quote counter, quotes exported as CSV, XLSX and
//! PDF. No GUI code; errors name file, line and column.

pub mod atomic_write;
pub mod catalog;
pub mod csv_quote;
pub mod dealer_settings;
pub mod engraving_picture;
pub mod error;
pub mod fonts;
pub mod format_version;
pub mod inside_folder;
pub mod layout_file;
pub mod layout_open;
mod locate;
pub mod pdf_quote;
pub mod personal_image;
pub mod plan_png;
pub mod png_image;
pub mod production_prepare;
pub mod quote_counter;
pub mod quote_prepare;
mod ron_keys;
mod ron_text;
pub use ron_text::parse as parse_ron;
pub mod xlsx_quote;
