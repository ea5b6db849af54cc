//! The headless command line: validate catalogs, check layouts, write quotes.
//!
//! Exit codes: 0 all good, 1 violations found, 2 bad input (every problem printed with
//! file:line:column). Output goes to stdout, problems to stderr.

mod catalog_check;
mod catalog_upgrade;
mod layout_check;
mod layout_format;
mod model_check;
pub mod quote_document;
mod quote_export;
mod render;
mod workspace;

use crate::domain::values::date::IsoDate;
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Everything went as asked.
pub const EXIT_OK: u8 = 0;
/// The input was read, and constraint violations were found.
pub const EXIT_VIOLATIONS: u8 = 1;
/// The input could not be used: unreadable, malformed or inconsistent files.
pub const EXIT_BAD_INPUT: u8 = 2;

/// Room Planner: plan rooms, configure products, price them and write quotes.
///
/// Without a command, opens the planner window on LAYOUT (the demo showroom if none).
#[derive(Debug, Parser)]
#[command(name = "room-planner", version, about, long_about = None, args_conflicts_with_subcommands = true)]
pub struct Arguments {
    /// What to do; none opens the planner window.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Layout file to open in the planner window.
    pub layout: Option<PathBuf>,
    /// Folder of catalog files.
    #[arg(long, default_value = "catalogs")]
    pub catalogs: PathBuf,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Catalog tools.
    Catalog {
        /// What to do with catalogs.
        #[command(subcommand)]
        command: CatalogCommand,
    },
    /// List the constraint violations of a layout, one per line.
    Check {
        /// The layout file (.ron).
        layout: PathBuf,
        /// Folder of catalog files the layout's products come from.
        #[arg(long, default_value = "catalogs")]
        catalogs: PathBuf,
    },
    /// Rewrite layout files in the canonical form the planner saves (after checking them).
    Format {
        /// Layout files (.ron) to rewrite in place.
        #[arg(required = true)]
        layouts: Vec<PathBuf>,
        /// Folder of catalog files the layouts' products come from.
        #[arg(long, default_value = "catalogs")]
        catalogs: PathBuf,
    },
    /// Render one picture of a layout to a PNG file, without a window.
    Render {
        /// The layout file (.ron).
        layout: PathBuf,
        /// The PNG file to write.
        #[arg(short, long)]
        output: PathBuf,
        /// Perspective 3D view or top-down plan view.
        #[arg(long, value_enum, default_value_t = RenderView::ThreeD)]
        view: RenderView,
        /// Image size in pixels, WIDTHxHEIGHT.
        #[arg(long, default_value = "1600x900", value_parser = parse_size)]
        size: (u32, u32),
        /// Folder of catalog files the layout's products come from.
        #[arg(long, default_value = "catalogs")]
        catalogs: PathBuf,
    },
    /// Write the quote of a layout: PDF for the customer, XLSX or CSV for an ERP, the BOM, or
    /// the production sheet for the factory.
    Quote {
        /// The layout file (.ron).
        layout: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = QuoteFormat::Csv)]
        format: QuoteFormat,
        /// Write to this file instead of stdout (required for pdf, xlsx and production).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Folder of catalog files the layout's products come from.
        #[arg(long, default_value = "catalogs")]
        catalogs: PathBuf,
        /// Folder with the dealer settings (dealer.ron) and the quote number counter.
        #[arg(long, default_value = "settings")]
        settings: PathBuf,
        /// A picture of the design (PNG) to put on the PDF quote.
        #[arg(long, value_name = "PNG")]
        image: Option<PathBuf>,
        /// Issue date (YYYY-MM-DD) instead of the layout's quote date; fixes the output bytes.
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        date: Option<IsoDate>,
    },
}

/// Catalog subcommands.
#[derive(Debug, Subcommand)]
pub enum CatalogCommand {
    /// Validate catalog files or folders and count their products, options and rules.
    Check {
        /// Catalog files or folders of them.
        #[arg(default_value = "catalogs")]
        paths: Vec<PathBuf>,
        /// Fail (exit 2) when there are warnings, not only errors.
        #[arg(long)]
        deny_warnings: bool,
    },
    /// Write a catalog in the current format version (2), keeping its comments (a version 1
    /// catalog is still read; upgrading only writes its version).
    Upgrade {
        /// The catalog file (.ron).
        file: PathBuf,
        /// Write here instead of back to FILE.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
}

/// Formats a quote can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum QuoteFormat {
    /// Quote lines and totals as CSV.
    Csv,
    /// The bill of materials (parts summed over all lines) as CSV.
    BomCsv,
    /// A PDF quote for the customer: letterhead, plan, lines, totals, terms, bill of materials.
    Pdf,
    /// An XLSX workbook: lines, bill of materials and quote details, with total formulas.
    Xlsx,
    /// A PDF production sheet for the factory: per line the product, quantity, SKU, size, every
    /// option with its value and code, and its parts; no prices, no quote number issued.
    Production,
}

/// Quote settings and options of `room-planner quote` beyond the layout and format.
#[derive(Debug, Clone, Default)]
pub struct QuoteOptions {
    /// Folder of dealer settings and the quote counter.
    pub settings: PathBuf,
    /// Picture of the design.
    pub image: Option<PathBuf>,
    /// Issue date replacing the layout's quote date.
    pub date: Option<IsoDate>,
}

fn parse_date(text: &str) -> Result<IsoDate, String> {
    IsoDate::parse(text).map_err(|_| format!("`{text}` is not a date in the form YYYY-MM-DD"))
}

/// Views `render` can draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RenderView {
    /// Perspective view from above the rooms.
    #[value(name = "3d")]
    ThreeD,
    /// Orthographic top-down plan with door swings and product outlines.
    Plan,
}

/// Reads `1600x900`.
fn parse_size(text: &str) -> Result<(u32, u32), String> {
    let (width, height) = text
        .split_once(['x', 'X'])
        .ok_or_else(|| format!("`{text}` is not WIDTHxHEIGHT, e.g. 1600x900"))?;
    let parse = |part: &str| {
        part.trim()
            .parse::<u32>()
            .ok()
            .filter(|pixels| (16..=8192).contains(pixels))
            .ok_or_else(|| format!("`{part}` is not a size from 16 to 8192 pixels"))
    };
    Ok((parse(width)?, parse(height)?))
}

/// Runs a parsed command line and returns the exit code.
#[must_use]
pub fn run(arguments: Arguments) -> u8 {
    let Some(command) = arguments.command else {
        let options = crate::app::StartOptions {
            layout: arguments.layout,
            catalogs: arguments.catalogs,
        };
        return match crate::app::run_planner(&options) {
            bevy::app::AppExit::Success => EXIT_OK,
            bevy::app::AppExit::Error(code) => code.get(),
        };
    };
    match command {
        Command::Render {
            layout,
            output,
            view,
            size,
            catalogs,
        } => render::run(&layout, &output, view, size, &catalogs),
        Command::Catalog {
            command:
                CatalogCommand::Check {
                    paths,
                    deny_warnings,
                },
        } => catalog_check::run(&paths, deny_warnings),
        Command::Catalog {
            command: CatalogCommand::Upgrade { file, output },
        } => catalog_upgrade::run(&file, output.as_deref()),
        Command::Check { layout, catalogs } => layout_check::run(&layout, &catalogs),
        Command::Format { layouts, catalogs } => layout_format::run(&layouts, &catalogs),
        Command::Quote {
            layout,
            format,
            output,
            catalogs,
            settings,
            image,
            date,
        } => quote_export::run(
            &layout,
            format,
            output.as_deref(),
            &catalogs,
            &QuoteOptions {
                settings,
                image,
                date,
            },
        ),
    }
}
