//! Integration tests in one binary (each test binary links the whole crate): shipped catalogs
//! and saves, the command line, broken inputs, property tests, and PDF/XLSX quotes read back.

// Test code: a failed expectation is a failed test.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod broken_inputs;
mod cli;
mod editor;
mod files;
mod personal_image;
mod planner;
mod properties;
mod quote_documents;
mod render;
mod shipped_catalogs;
mod shipped_saves;
mod support;
mod wall_tool;
