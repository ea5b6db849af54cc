//! The `room-planner` executable: parses the command line and hands over to `cli`.

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let arguments = room_planner::cli::Arguments::parse();
    ExitCode::from(room_planner::cli::run(arguments))
}
