//! A corpus of broken catalogs and layouts (`tests/corpus/`): each gives exit 2 and a message
//! located at `file:line:column`, never a panic. Layouts are checked against the small valid
//! catalog in `tests/corpus/valid-catalog/`. Each corpus file's first line says
//! `// expect: <text the message must contain>`.

use crate::support::{ron_files, room_planner};
use std::path::Path;

fn expectation(path: &Path) -> String {
    let text = std::fs::read_to_string(path).expect("corpus file is text");
    text.lines()
        .next()
        .and_then(|line| line.strip_prefix("// expect: "))
        .unwrap_or_else(|| panic!("{} has no `// expect:` first line", path.display()))
        .to_owned()
}

/// True for `file:line:column: message` on one line (`^[^:]+:\d+:\d+: .+$`).
fn is_located_line(line: &str) -> bool {
    let mut parts = line.splitn(4, ':');
    let (Some(file), Some(row), Some(column), Some(message)) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    let number = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    !file.is_empty()
        && number(row)
        && number(column)
        && message
            .strip_prefix(' ')
            .is_some_and(|text| !text.is_empty())
}

#[test]
fn the_located_line_pattern_accepts_only_file_line_column_message() {
    assert!(is_located_line("a/b.ron:3:14: id `x` is used twice"));
    for line in [
        "a/b.ron: cannot save: denied",
        "a/b.ron:3: no column",
        "a/b.ron:3:x: bad column",
        "a/b.ron:3:4:",
        "a/b.ron:3:4: ",
        ":3:4: no file",
        "warning: something",
    ] {
        assert!(!is_located_line(line), "{line}");
    }
}

fn assert_located(run: &crate::support::Run, relative: &str, expected: &str) {
    // Every message of a refused input is one `file:line:column: message` line; warnings and
    // notes may come along.
    for line in run.stderr.lines() {
        if line.starts_with("warning: ") || line.starts_with("note: ") {
            continue;
        }
        assert!(
            is_located_line(line),
            "{relative}: `{line}` is not `file:line:column: message`; stderr:\n{}",
            run.stderr
        );
    }
    assert_eq!(
        run.code, 2,
        "{relative}: exit code; stderr:\n{}",
        run.stderr
    );
    assert!(
        !run.stderr.contains("panicked"),
        "{relative} panicked:\n{}",
        run.stderr
    );
    let located = run.stderr.lines().any(|line| {
        line.strip_prefix(relative)
            .and_then(|rest| rest.strip_prefix(':'))
            .is_some_and(|rest| {
                let mut parts = rest.splitn(3, ':');
                let line_ok = parts
                    .next()
                    .is_some_and(|n| n.parse::<usize>().is_ok_and(|n| n > 0));
                let column_ok = parts
                    .next()
                    .is_some_and(|n| n.parse::<usize>().is_ok_and(|n| n > 0));
                line_ok && column_ok && parts.next().is_some()
            })
    });
    assert!(
        located,
        "{relative}: no file:line:column message in:\n{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(expected),
        "{relative}: expected `{expected}` in:\n{}",
        run.stderr
    );
}

#[test]
fn every_broken_catalog_is_refused_with_a_located_message() {
    let files = ron_files("tests/corpus/catalogs");
    assert!(files.len() >= 10);
    for path in files {
        let relative = format!(
            "tests/corpus/catalogs/{}",
            path.file_name().and_then(|n| n.to_str()).unwrap_or("")
        );
        let run = room_planner(&["catalog", "check", &relative]);
        assert_located(&run, &relative, &expectation(&path));
    }
}

#[test]
fn every_broken_layout_is_refused_with_a_located_message() {
    let files = ron_files("tests/corpus/saves");
    assert!(files.len() >= 10);
    for path in files {
        let relative = format!(
            "tests/corpus/saves/{}",
            path.file_name().and_then(|n| n.to_str()).unwrap_or("")
        );
        for command in ["check", "quote"] {
            let run = room_planner(&[
                command,
                &relative,
                "--catalogs",
                "tests/corpus/valid-catalog",
            ]);
            assert_located(&run, &relative, &expectation(&path));
        }
    }
}

#[test]
fn a_catalog_that_is_not_utf8_is_refused_with_its_position() {
    let folder = std::env::temp_dir().join(format!("room-planner-utf8-{}", std::process::id()));
    std::fs::create_dir_all(&folder).expect("temp folder");
    let path = folder.join("latin1.ron");
    std::fs::write(&path, b"Catalog(\n    name: \"M\xf6bel\",\n)").expect("written");
    let text = path.to_str().expect("utf-8 path");
    let run = room_planner(&["catalog", "check", text]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains(&format!("{text}:2:13: the file is not UTF-8 text")),
        "{}",
        run.stderr
    );
    std::fs::remove_dir_all(&folder).expect("cleanup");
}

#[test]
fn a_folder_with_one_broken_catalog_fails_but_reports_the_good_ones() {
    let run = room_planner(&[
        "catalog",
        "check",
        "catalogs",
        "tests/corpus/catalogs/unknown-option-in-rule.ron",
    ]);
    assert_eq!(run.code, 2);
    assert!(run.stdout.contains(": ok: "), "{}", run.stdout);
}
