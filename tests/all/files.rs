//! The file flows without a window: the built-in dialog takes over when the system's fails,
//! a failed save keeps the work and what was asked for waits, recent files are remembered,
//! and autosave follows the wall clock at 1 and at 60 frames a second.

use crate::support::test_app;
use bevy::prelude::*;
use bevy::time::TimeUpdateStrategy;
use bevy::window::WindowCloseRequested;
use room_planner::document::{Document, EditRequested};
use room_planner::domain::editing::Edit;
use room_planner::domain::values::ids::ProductInstanceId;
use room_planner::domain::values::units::PointMm;
use room_planner::files::dialogs::{DialogSpec, FileDialogs, NativeDialogs, NativeOutcome};
use room_planner::files::recovery::Recovery;
use room_planner::files::{DialogAnswer, DialogAnswered, FileRequested, PendingQuestion, Question};
use room_planner::notices::Notices;
use room_planner::preferences::Preferences;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// A system dialog that answers from a script: each call takes the next answer.
struct Scripted(Mutex<Vec<NativeOutcome>>);

impl NativeDialogs for Scripted {
    fn show(&self, _spec: &DialogSpec) -> NativeOutcome {
        self.0
            .lock()
            .map(|mut answers| {
                if answers.is_empty() {
                    NativeOutcome::Cancelled
                } else {
                    answers.remove(0)
                }
            })
            .unwrap_or(NativeOutcome::Cancelled)
    }
}

fn scratch(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("room-planner-files-{name}-{}", std::process::id()));
    std::fs::remove_dir_all(&dir).ok();
    std::fs::create_dir_all(&dir).ok();
    dir
}

fn files_app(dir: &Path, answers: Vec<NativeOutcome>) -> App {
    let mut app = test_app("showroom.ron");
    app.add_message::<WindowCloseRequested>()
        .insert_resource(FileDialogs::with_native(Arc::new(Scripted(Mutex::new(
            answers,
        )))))
        .insert_resource(Recovery::in_folder(&dir.join("recovery")))
        .add_plugins(room_planner::files::plugin);
    app.update();
    app
}

/// Updates until the system dialog's thread has answered (or two seconds passed).
fn until_dialogs_settle(app: &mut App) {
    for _ in 0..200 {
        app.update();
        if !app.world().resource::<FileDialogs>().is_open()
            || app.world().resource::<FileDialogs>().in_app.is_some()
        {
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    app.update();
}

fn notices(app: &App) -> Vec<String> {
    app.world()
        .resource::<Notices>()
        .list
        .iter()
        .map(|notice| notice.text.clone())
        .collect()
}

fn move_sofa(app: &mut App) {
    app.world_mut()
        .write_message(EditRequested::single(Edit::MoveProduct {
            id: ProductInstanceId::from("p-sofa"),
            position: PointMm::new(2000, 2000),
            rotation_deg: 0.0,
        }));
    app.update();
    assert!(app.world().resource::<Document>().is_dirty());
}

#[test]
fn a_failing_system_dialog_opens_the_built_in_one_and_says_so_once() {
    let dir = scratch("fallback");
    let mut app = files_app(
        &dir,
        vec![NativeOutcome::Unavailable("No portal here".into())],
    );
    app.world_mut().write_message(FileRequested::SaveAs);
    until_dialogs_settle(&mut app);
    let dialogs = app.world().resource::<FileDialogs>();
    assert!(dialogs.in_app.is_some(), "the built-in dialog is open");
    let said = notices(&app);
    assert_eq!(
        said.iter()
            .filter(|text| text.contains("No portal here; using Room Planner's own file dialog"))
            .count(),
        1,
        "{said:?}"
    );
    // A second request while it is open is refused with a message, not dropped.
    app.world_mut().write_message(FileRequested::ExportImage);
    app.update();
    assert!(
        notices(&app)
            .iter()
            .any(|text| text.contains("another file dialog is still open"))
    );
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn save_as_writes_the_chosen_file_adds_the_extension_and_remembers_it() {
    let dir = scratch("save-as");
    let chosen = dir.join("kitchen");
    let mut app = files_app(&dir, vec![NativeOutcome::Chosen(chosen.clone())]);
    move_sofa(&mut app);
    app.world_mut().write_message(FileRequested::SaveAs);
    until_dialogs_settle(&mut app);
    let written = dir.join("kitchen.ron");
    assert!(written.is_file(), "{:?}", notices(&app));
    let document = app.world().resource::<Document>();
    assert!(!document.is_dirty());
    assert_eq!(document.path.as_deref(), Some(written.as_path()));
    let recent = &app.world().resource::<Preferences>().recent_files;
    assert_eq!(recent.first(), Some(&written));
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn a_failed_save_before_open_keeps_the_work_and_its_recovery_copy() {
    let dir = scratch("failed-save");
    // The chosen folder does not exist: the save fails.
    let mut app = files_app(
        &dir,
        vec![NativeOutcome::Chosen(dir.join("missing/folder/plan.ron"))],
    );
    app.world_mut().resource_mut::<Document>().path = None;
    move_sofa(&mut app);
    let edited = app.world().resource::<Document>().layout.clone();
    app.world_mut().write_message(FileRequested::Open);
    app.update();
    assert!(matches!(
        app.world().resource::<PendingQuestion>().0,
        Some(Question::DiscardChanges {
            then: FileRequested::Open,
            ..
        })
    ));
    // Before the question, the work was copied for recovery.
    let recovery = app.world().resource::<Recovery>().layout_file.clone();
    assert!(recovery.is_file());
    app.world_mut()
        .write_message(DialogAnswered(DialogAnswer::Save));
    until_dialogs_settle(&mut app);
    let said = notices(&app);
    assert!(
        said.iter()
            .any(|text| text.starts_with("Not saved; the work is kept")),
        "{said:?}"
    );
    let document = app.world().resource::<Document>();
    assert!(document.is_dirty());
    assert_eq!(document.layout, edited);
    // Open did not go on: no second dialog was asked for, the recovery copy is still there.
    assert!(!app.world().resource::<FileDialogs>().is_open());
    assert!(recovery.is_file());
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn discarding_explicitly_removes_the_recovery_copy() {
    let dir = scratch("discard");
    let mut app = files_app(&dir, Vec::new());
    move_sofa(&mut app);
    app.world_mut().write_message(FileRequested::Quit);
    app.update();
    let recovery = app.world().resource::<Recovery>().layout_file.clone();
    assert!(recovery.is_file());
    app.world_mut()
        .write_message(DialogAnswered(DialogAnswer::Proceed));
    app.update();
    assert!(!recovery.exists());
    std::fs::remove_dir_all(dir).ok();
}

/// Frames until the recovery file appears after an edit, at `frame` of wall-clock time each.
fn seconds_until_autosave(frame: Duration) -> f64 {
    let dir = scratch(&format!("autosave-{}", frame.as_millis()));
    let mut app = files_app(&dir, Vec::new());
    app.insert_resource(TimeUpdateStrategy::ManualDuration(frame));
    app.update();
    move_sofa(&mut app);
    let recovery = app.world().resource::<Recovery>().layout_file.clone();
    let frames = (90.0 / frame.as_secs_f64()) as usize;
    let mut seconds = f64::INFINITY;
    for index in 1..=frames {
        app.update();
        if recovery.is_file() {
            seconds = index as f64 * frame.as_secs_f64();
            break;
        }
    }
    std::fs::remove_dir_all(dir).ok();
    seconds
}

#[test]
fn autosave_follows_the_wall_clock_at_one_and_at_sixty_frames_a_second() {
    for frame in [Duration::from_secs(1), Duration::from_micros(16_667)] {
        let seconds = seconds_until_autosave(frame);
        assert!(
            (59.0..=62.0).contains(&seconds),
            "{frame:?} a frame: autosaved after {seconds} s"
        );
    }
}

#[test]
fn a_version_1_layout_opened_is_saved_as_version_2() {
    let dir = scratch("version-1");
    let old = std::fs::read_to_string(
        crate::support::root().join("tests/format-v1/saves/kitchen-efa3a6d.ron"),
    )
    .expect("fixture");
    assert!(old.contains("    format_version: 1,\n"));
    let path = dir.join("kitchen.ron");
    std::fs::write(&path, &old).expect("copy");
    let mut app = files_app(&dir, vec![NativeOutcome::Chosen(path.clone())]);
    app.world_mut().write_message(FileRequested::Open);
    until_dialogs_settle(&mut app);
    app.update();
    assert_eq!(
        app.world().resource::<Document>().path.as_deref(),
        Some(path.as_path()),
        "{:?}",
        notices(&app)
    );
    app.world_mut().write_message(FileRequested::Save);
    app.update();
    app.update();
    let saved = std::fs::read_to_string(&path).expect("saved");
    assert_eq!(
        saved,
        old.replacen("    format_version: 1,\n", "    format_version: 2,\n", 1),
        "{:?}",
        notices(&app)
    );
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn export_production_sheet_writes_the_pdf_and_issues_no_quote_number() {
    let dir = scratch("production");
    let chosen = dir.join("order");
    let mut app = files_app(&dir, vec![NativeOutcome::Chosen(chosen)]);
    let reference = app
        .world()
        .resource::<Document>()
        .layout
        .quote
        .reference
        .clone();
    app.world_mut()
        .write_message(FileRequested::ExportProduction);
    until_dialogs_settle(&mut app);
    let written = dir.join("order.pdf");
    let bytes = std::fs::read(&written).unwrap_or_default();
    assert!(bytes.starts_with(b"%PDF"), "{:?}", notices(&app));
    assert!(
        notices(&app)
            .iter()
            .any(|text| text.starts_with("Production sheet written to")),
        "{:?}",
        notices(&app)
    );
    let document = app.world().resource::<Document>();
    assert_eq!(document.layout.quote.reference, reference);
    assert!(!document.is_dirty());
    std::fs::remove_dir_all(dir).ok();
}
