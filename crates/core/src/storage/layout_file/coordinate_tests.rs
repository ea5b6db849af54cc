//! Coordinates across the whole `i64` range: a layout either loads and checks consistently or is
//! refused at the element's line, never silently accepted with a wrapped bound.

use super::*;
use crate::domain::constraints::test_support::{catalogs, placed, room, wall};
use crate::domain::constraints::{LiveChecker, check_layout};
use crate::domain::values::units::MAX_COORDINATE_MM;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use std::path::PathBuf;

/// Coordinates from the whole range, with the ends of `i64` and of the plan bound often.
fn coordinate() -> impl Strategy<Value = i64> {
    prop_oneof![
        12 => -MAX_COORDINATE_MM..=MAX_COORDINATE_MM,
        1 => any::<i64>(),
        1 => prop::sample::select(vec![
            i64::MIN,
            i64::MIN + 1,
            i64::MAX,
            -MAX_COORDINATE_MM - 1,
            MAX_COORDINATE_MM + 1,
            -MAX_COORDINATE_MM,
            MAX_COORDINATE_MM,
        ]),
    ]
}

fn refused_at(text: &str, what: &str) -> String {
    parse_layout(&PathBuf::from("edge.ron"), text)
        .err()
        .map(|error| error.to_string())
        .unwrap_or_default()
        .replace(what, "")
}

#[test]
fn a_product_or_wall_at_i64_min_is_refused_with_its_line() -> Result<(), ron::Error> {
    let mut layout = room();
    layout
        .products
        .push(placed("far", "cabinet", (i64::MIN, 0), 0.0));
    let text = layout_to_string(&layout)?;
    let error = refused_at(&text, "");
    assert!(
        error.starts_with("edge.ron:")
            && error.contains("product `far` has point (-9223372036854775808, 0), further than 1000000 mm from the origin"),
        "{error}"
    );

    let mut layout = room();
    layout.walls.push(wall("far", (i64::MIN, 0), (0, 0)));
    let text = layout_to_string(&layout)?;
    let error = refused_at(&text, "");
    assert!(
        error.contains("wall `far` has point (-9223372036854775808, 0), further than"),
        "{error}"
    );
    Ok(())
}

#[test]
fn random_coordinates_load_and_check_consistently_or_are_refused_with_a_location() {
    let catalogs = catalogs();
    let mut runner = TestRunner::new(Config::with_cases(400));
    let accepted = std::cell::Cell::new(0_usize);
    let refused = std::cell::Cell::new(0_usize);
    let strategy = (
        coordinate(),
        coordinate(),
        coordinate(),
        coordinate(),
        coordinate(),
        coordinate(),
    );
    let result = runner.run(&strategy, |(x1, y1, x2, y2, px, py)| {
        let mut layout = room();
        layout.walls.push(wall("extra", (x1, y1), (x2, y2)));
        layout.products.push(placed("p", "cabinet", (px, py), 0.0));
        let text = layout_to_string(&layout).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let in_plan = [x1, y1, x2, y2, px, py]
            .iter()
            .all(|value| (-MAX_COORDINATE_MM..=MAX_COORDINATE_MM).contains(value));
        match parse_layout(&PathBuf::from("edge.ron"), &text) {
            Ok(read) => {
                prop_assert!(in_plan, "accepted out-of-plan coordinates");
                let batch = check_layout(&read, &catalogs);
                let live = LiveChecker::new(&read, &catalogs);
                prop_assert_eq!(live.violations(), batch);
                accepted.set(accepted.get() + 1);
            }
            Err(LoadError::Invalid { problems }) => {
                prop_assert!(!problems.is_empty());
                for problem in &problems {
                    prop_assert!(problem.line > 1 && problem.column >= 1, "{}", problem);
                }
                if !in_plan {
                    prop_assert!(
                        problems
                            .iter()
                            .any(|p| p.message.contains("further than 1000000 mm")),
                        "{:?}",
                        problems
                    );
                }
                refused.set(refused.get() + 1);
            }
            Err(other) => return Err(TestCaseError::fail(other.to_string())),
        }
        Ok(())
    });
    if let Err(error) = result {
        panic!("{error}");
    }
    let (accepted, refused) = (accepted.get(), refused.get());
    assert!(accepted >= 60, "only {accepted} layouts accepted");
    assert!(refused >= 60, "only {refused} layouts refused");
}
