//! The `room-planner` executable: the planner window by default, headless subcommands for
//! catalogs, checks, quotes and pictures.

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let arguments = room_planner::cli::Arguments::parse();
    ExitCode::from(room_planner::cli::run(arguments))
}
