//! Writes a generated showroom layout (a grid of furnished rooms from the shipped catalogs, the
//! same as the `check_scaling` benchmark's) for the GUI benchmark (`tools/gui_bench.sh`):
//! `cargo run -p room-planner-core --example showroom_grid -- 1000 saves/bench-1000.ron`.

#[path = "../benches/support/showroom_grid.rs"]
mod showroom_grid;

use room_planner_core::domain::catalog::CatalogSet;
use room_planner_core::storage::catalog::load_catalog_folder;
use room_planner_core::storage::layout_file::layout_to_string;
use std::error::Error;
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn Error>> {
    let mut args = std::env::args().skip(1);
    let usage = "usage: showroom_grid PRODUCTS OUTPUT.ron [CATALOG_FOLDER]";
    let count: usize = args.next().ok_or(usage)?.parse()?;
    let output = PathBuf::from(args.next().ok_or(usage)?);
    let folder = args.next().map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../catalogs"),
        PathBuf::from,
    );
    let (catalogs, errors) = load_catalog_folder(&folder);
    if let Some(error) = errors.first() {
        return Err(error.to_string().into());
    }
    let layout = showroom_grid::generate(&CatalogSet { catalogs }, count)?;
    std::fs::write(&output, layout_to_string(&layout)?)?;
    println!(
        "{}: {} products, {} walls, {} doors and windows",
        output.display(),
        layout.products.len(),
        layout.walls.len(),
        layout.openings.len()
    );
    Ok(())
}
