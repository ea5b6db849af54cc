//! Every version 1 catalog and layout of the repository's history, kept in `tests/format-v1/`
//! (see its README), read by this build: catalogs load, and again once upgraded to version 2;
//! layouts open against the catalog of their day and today's, and load-save-load gives the same
//! layout in version 2. The deliberately broken version 1 examples of `tests/corpus/` still fail
//! with the message their first line names (`// expect: ...`).

use crate::domain::catalog::CatalogSet;
use crate::storage::catalog::{load_catalog, load_catalog_folder, parse_catalog};
use crate::storage::format_version::{declared_version, upgrade_catalog_text};
use crate::storage::layout_file::{check_references, layout_to_string, load_layout, parse_layout};
use crate::storage::layout_open::open_layout;
use std::path::{Path, PathBuf};

/// Every distinct catalog file of the history: `<name>-<first commit holding it>.ron`.
const CATALOGS: [&str; 5] = [
    "cabinets-64b8f26.ron",
    "nordhaus-51adabb.ron",
    "nordhaus-5c1a6c6.ron",
    "nordhaus-aa69944.ron",
    "nordhaus-efa3a6d.ron",
];

/// Every distinct layout file of the history, with the catalog it was made with (the one in the
/// same commit).
const LAYOUTS: [(&str, &str); 6] = [
    ("kitchen-efa3a6d.ron", "nordhaus-efa3a6d.ron"),
    ("l-shaped-room-7b1eef2.ron", "nordhaus-51adabb.ron"),
    ("made-to-measure-room-64b8f26.ron", "cabinets-64b8f26.ron"),
    ("problems-efa3a6d.ron", "nordhaus-efa3a6d.ron"),
    ("showroom-5f5733e.ron", "nordhaus-51adabb.ron"),
    ("showroom-efa3a6d.ron", "nordhaus-efa3a6d.ron"),
];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn history(folder: &str) -> PathBuf {
    root().join("tests/format-v1").join(folder)
}

/// The `.ron` file names in a folder, sorted.
fn ron_names(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .unwrap_or_else(|error| panic!("{}: {error}", folder.display()))
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".ron"))
        .collect();
    names.sort();
    names
}

fn text(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

#[test]
fn every_fixture_is_named_here_with_its_expectation() {
    assert_eq!(ron_names(&history("catalogs")), CATALOGS);
    let layouts: Vec<&str> = LAYOUTS.iter().map(|(layout, _)| *layout).collect();
    assert_eq!(ron_names(&history("saves")), layouts);
}

#[test]
fn every_historic_catalog_loads_as_version_1_and_as_upgraded_to_version_2() {
    for name in CATALOGS {
        let path = history("catalogs").join(name);
        let text = text(&path);
        assert_eq!(declared_version(&text), None, "{name} is not version 1");
        let catalog = load_catalog(&path).unwrap_or_else(|error| panic!("{error}"));
        let upgraded = upgrade_catalog_text(&text).unwrap_or_default();
        assert_eq!(
            declared_version(&upgraded).map(|declared| declared.version),
            Some(2),
            "{name}"
        );
        let comments = |text: &str| text.lines().filter(|l| l.contains("//")).count();
        assert_eq!(
            comments(&upgraded),
            comments(&text),
            "{name}: comments lost"
        );
        let again = parse_catalog(&path, &upgraded).unwrap_or_else(|error| panic!("{error}"));
        assert_eq!(again, catalog, "{name} changed when upgraded");
    }
}

#[test]
fn every_historic_layout_opens_and_round_trips_to_version_2() {
    let (today, errors) = load_catalog_folder(&root().join("catalogs"));
    assert!(errors.is_empty(), "{errors:?}");
    let today = CatalogSet { catalogs: today };
    for (name, catalog_name) in LAYOUTS {
        let path = history("saves").join(name);
        let catalog = load_catalog(&history("catalogs").join(catalog_name))
            .unwrap_or_else(|error| panic!("{error}"));
        let then = CatalogSet {
            catalogs: vec![catalog],
        };
        let (layout, text) = load_layout(&path).unwrap_or_else(|error| panic!("{error}"));
        assert!(
            text.contains("    format_version: 1,\n"),
            "{name} is not version 1"
        );
        let warnings = check_references(&path, &text, &layout, &then)
            .unwrap_or_else(|error| panic!("{error}"));
        assert!(warnings.is_empty(), "{name}: {warnings:?}");
        if catalog_name.starts_with("nordhaus") {
            open_layout(&path, &today).unwrap_or_else(|error| panic!("with today's: {error}"));
        }
        assert_eq!(layout.format_version, 2, "{name} was not migrated");
        let saved = layout_to_string(&layout).unwrap_or_else(|error| panic!("{error}"));
        assert!(
            saved.starts_with("Layout(\n    format_version: 2,\n"),
            "{name}"
        );
        // The layouts were saved in canonical form: only the version differs.
        assert_eq!(
            saved,
            text.replacen("    format_version: 1,\n", "    format_version: 2,\n", 1),
            "{name}"
        );
        let again = parse_layout(&path, &saved).unwrap_or_else(|error| panic!("{error}"));
        assert_eq!(again, layout, "{name} changed in a load-save-load");
    }
}

/// The message a corpus file must give, from its first line.
fn expectation(path: &Path, text: &str) -> String {
    text.lines()
        .next()
        .and_then(|line| line.strip_prefix("// expect: "))
        .unwrap_or_else(|| panic!("{} has no `// expect:` first line", path.display()))
        .to_owned()
}

#[test]
fn the_broken_version_1_examples_fail_as_they_always_did() {
    let corpus = root().join("tests/corpus");
    let catalogs = ron_names(&corpus.join("catalogs"));
    let layouts = ron_names(&corpus.join("saves"));
    assert!(
        catalogs.len() >= 25 && layouts.len() >= 25,
        "{catalogs:?} {layouts:?}"
    );
    for name in catalogs {
        let path = corpus.join("catalogs").join(name);
        let text = text(&path);
        let expected = expectation(&path, &text);
        let error = parse_catalog(&path, &text)
            .err()
            .map(|error| error.to_string())
            .unwrap_or_default();
        assert!(
            error.contains(&expected),
            "{}: `{error}` lacks `{expected}`",
            path.display()
        );
    }
    let (valid, errors) = load_catalog_folder(&corpus.join("valid-catalog"));
    assert!(errors.is_empty() && valid.len() == 1, "{errors:?}");
    let valid = CatalogSet { catalogs: valid };
    for name in layouts {
        let path = corpus.join("saves").join(name);
        let expected = expectation(&path, &text(&path));
        let error = open_layout(&path, &valid)
            .err()
            .map(|error| error.to_string())
            .unwrap_or_default();
        assert!(
            error.contains(&expected),
            "{}: `{error}` lacks `{expected}`",
            path.display()
        );
    }
}
