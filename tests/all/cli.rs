//! The command line on the demo files: exit codes, what it prints, and the CSV it writes.

use crate::support::{room_planner, root};
use room_planner::domain::constraints::ConstraintRule;
use rust_decimal::Decimal;
use std::str::FromStr;

#[test]
fn every_command_has_help() {
    for arguments in [
        vec!["--help"],
        vec!["catalog", "--help"],
        vec!["catalog", "check", "--help"],
        vec!["catalog", "upgrade", "--help"],
        vec!["check", "--help"],
        vec!["quote", "--help"],
        vec!["format", "--help"],
    ] {
        let run = room_planner(&arguments);
        assert_eq!(run.code, 0, "{arguments:?}");
        assert!(
            run.stdout.contains("Usage: room-planner"),
            "{arguments:?}: {}",
            run.stdout
        );
    }
}

#[test]
fn catalog_check_passes_on_the_shipped_catalogs_and_counts_them() {
    let run = room_planner(&["catalog", "check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains(": ok: catalog `"), "{}", run.stdout);
    assert!(run.stdout.contains(" products in "), "{}", run.stdout);
}

#[test]
fn check_passes_on_the_showroom() {
    let run = room_planner(&["check", "saves/showroom.ron"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.contains(": 0 violations"), "{}", run.stdout);
}

#[test]
fn check_lists_every_rule_kind_of_the_problem_layout_and_exits_1() {
    let run = room_planner(&["check", "saves/problems.ron"]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    for rule in ConstraintRule::ALL {
        assert!(
            run.stdout
                .lines()
                .any(|line| line.starts_with(&format!("{rule}: "))),
            "{rule} missing from:\n{}",
            run.stdout
        );
    }
    assert!(
        run.stdout
            .lines()
            .all(|line| line.contains("product ") || line.contains("opening "))
    );
    assert!(run.stdout.contains(" mm: "), "amounts are printed");
}

fn money(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap_or_else(|_| panic!("`{text}` is not an amount"))
}

#[test]
fn the_quote_csv_totals_equal_the_sum_of_its_lines() {
    let run = room_planner(&["quote", "saves/showroom.ron", "--format", "csv"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut reader = csv::Reader::from_reader(run.stdout.as_bytes());
    let header = reader.headers().expect("header").clone();
    let column = |name: &str| header.iter().position(|h| h == name).expect(name);
    let records: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("record")).collect();
    let (lines, totals): (Vec<_>, Vec<_>) = records.iter().partition(|r| &r[0] == "line");
    assert_eq!(totals.len(), 1);
    assert!(lines.len() >= 10);
    assert!(
        lines
            .iter()
            .any(|line| line[column("quantity")].parse::<u32>().unwrap_or(0) > 1),
        "identical products merge"
    );
    for name in ["amount", "quote_discount", "net", "vat", "gross"] {
        let sum: Decimal = lines.iter().map(|line| money(&line[column(name)])).sum();
        assert_eq!(sum, money(&totals[0][column(name)]), "{name}");
    }
    for line in &lines {
        assert_eq!(
            money(&line[column("net")]) + money(&line[column("vat")]),
            money(&line[column("gross")])
        );
        assert!(!line[column("sku")].is_empty());
    }
}

#[test]
fn the_quote_written_to_a_file_is_the_same_every_time() {
    let folder = std::env::temp_dir().join(format!("room-planner-cli-{}", std::process::id()));
    std::fs::create_dir_all(&folder).expect("temp folder");
    let file = folder.join("quote.csv");
    let file_text = file.to_str().expect("utf-8 path");
    let run = room_planner(&["quote", "saves/kitchen.ron", "-o", file_text]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let written = std::fs::read_to_string(&file).expect("written");
    assert_eq!(
        written,
        room_planner(&["quote", "saves/kitchen.ron"]).stdout
    );
    let bom = room_planner(&["quote", "saves/kitchen.ron", "--format", "bom-csv"]);
    assert_eq!(bom.code, 0);
    assert!(bom.stdout.starts_with("part,description,quantity\n"));
    assert!(bom.stdout.lines().count() > 2);
    std::fs::remove_dir_all(&folder).expect("cleanup");
}

#[test]
fn quoting_the_problem_layout_still_works_but_warns() {
    let run = room_planner(&["quote", "saves/problems.ron"]);
    assert_eq!(run.code, 0);
    assert!(
        run.stderr.contains("constraint violation"),
        "{}",
        run.stderr
    );
}

#[test]
fn format_rewrites_a_layout_in_canonical_form_without_changing_it() {
    let folder = std::env::temp_dir().join(format!("room-planner-format-{}", std::process::id()));
    std::fs::create_dir_all(&folder).expect("temp folder");
    let copy = folder.join("showroom.ron");
    let original = std::fs::read_to_string(root().join("saves/showroom.ron")).expect("shipped");
    std::fs::write(&copy, &original).expect("copy");
    let run = room_planner(&["format", copy.to_str().expect("utf-8 path")]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        std::fs::read_to_string(&copy).expect("still there"),
        original
    );
    std::fs::remove_dir_all(&folder).expect("cleanup");
}

#[test]
fn a_version_1_catalog_is_upgraded_with_its_comments_and_a_version_1_layout_formatted_as_2() {
    let folder = std::env::temp_dir().join(format!("room-planner-upgrade-{}", std::process::id()));
    std::fs::create_dir_all(&folder).expect("temp folder");
    let old = root().join("tests/format-v1/catalogs/nordhaus-efa3a6d.ron");
    let original = std::fs::read_to_string(&old).expect("fixture");
    let upgraded = folder.join("nordhaus.ron");
    let out = upgraded.to_str().expect("utf-8 path");
    let run = room_planner(&[
        "catalog",
        "upgrade",
        old.to_str().expect("utf-8"),
        "-o",
        out,
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("format 1 written as format 2"),
        "{}",
        run.stdout
    );
    let text = std::fs::read_to_string(&upgraded).expect("written");
    // The one inserted line; every comment and line of the dealer's file kept in order.
    let inserted: Vec<&str> = text
        .lines()
        .filter(|line| !original.contains(*line))
        .collect();
    assert_eq!(inserted, ["    format_version: 2,"]);
    assert_eq!(text.lines().count(), original.lines().count() + 1);
    let check = room_planner(&["catalog", "check", out]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    // Upgrading again leaves the file as it is.
    let again = room_planner(&["catalog", "upgrade", out]);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert!(
        again.stdout.contains("already format 2"),
        "{}",
        again.stdout
    );
    assert_eq!(std::fs::read_to_string(&upgraded).expect("kept"), text);
    let broken = room_planner(&[
        "catalog",
        "upgrade",
        "tests/corpus/catalogs/empty-domain.ron",
    ]);
    assert_eq!(broken.code, 2, "{}", broken.stdout);
    // A version 1 layout is written as version 2, and nothing else changes.
    let layout = folder.join("kitchen.ron");
    let old_layout =
        std::fs::read_to_string(root().join("tests/format-v1/saves/kitchen-efa3a6d.ron"))
            .expect("fixture");
    std::fs::write(&layout, &old_layout).expect("copy");
    let old_catalogs = folder.join("catalogs");
    std::fs::create_dir_all(&old_catalogs).expect("catalog folder");
    std::fs::copy(&old, old_catalogs.join("nordhaus.ron")).expect("copy");
    let run = room_planner(&[
        "format",
        layout.to_str().expect("utf-8"),
        "--catalogs",
        old_catalogs.to_str().expect("utf-8"),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        std::fs::read_to_string(&layout).expect("formatted"),
        old_layout.replacen("format_version: 1,", "format_version: 2,", 1)
    );
    std::fs::remove_dir_all(&folder).expect("cleanup");
}

#[test]
fn a_missing_layout_is_bad_input() {
    let run = room_planner(&["check", "saves/no-such-layout.ron"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("no-such-layout.ron:1:1: cannot read"),
        "{}",
        run.stderr
    );
}

#[test]
fn made_to_measure_products_load_with_warnings_and_are_checked_in_a_layout() {
    let folder = "tests/made-to-measure/catalogs";
    let run = room_planner(&["catalog", "check", folder]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains(", 6 warnings"), "{}", run.stdout);
    for line in run.stderr.lines() {
        let (place, message) = line.split_once(": warning: ").expect("a warning");
        let mut parts = place.rsplitn(3, ':');
        let column: usize = parts.next().and_then(|c| c.parse().ok()).expect("column");
        let line_number: usize = parts.next().and_then(|l| l.parse().ok()).expect("line");
        assert_eq!(
            parts.next(),
            Some("tests/made-to-measure/catalogs/cabinets.ron")
        );
        assert!(
            line_number > 1 && column > 0 && !message.is_empty(),
            "{line}"
        );
    }
    assert!(
        run.stderr.contains(
            "Width 300 mm to 595 mm (60 values) of product `cabinet` can never be chosen: Narrow cabinets need a carcass under 300 mm deep"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(
            "Width 2500 mm to 2900 mm (81 values) of product `wall-unit` can never be chosen: Units over 2500 mm wide need 800 mm depth"
        ),
        "{}",
        run.stderr
    );
    let denied = room_planner(&["catalog", "check", "--deny-warnings", folder]);
    assert_eq!(denied.code, 2, "{}", denied.stderr);

    let check = room_planner(&[
        "check",
        "tests/made-to-measure/room.ron",
        "--catalogs",
        folder,
    ]);
    assert_eq!(check.code, 1, "{}{}", check.stdout, check.stderr);
    assert!(
        check.stdout.contains(
            "configuration-valid: product cabinet-narrow: Cabinet made to measure 2 cannot be made as configured: Narrow cabinets need a carcass under 300 mm deep"
        ),
        "{}",
        check.stdout
    );
    assert!(
        check.stderr.contains("3 products: 1 violation\n"),
        "{}",
        check.stderr
    );
}

#[test]
fn the_shipped_catalogs_have_no_warnings() {
    let run = room_planner(&["catalog", "check", "--deny-warnings"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stderr, "");
}
