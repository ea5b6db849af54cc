//! Choosing a customer's image for the photo headboard without a window: the chosen file is
//! copied beside the layout and set by an undoable edit; a too-small one is refused with one
//! clear message and changes nothing; the built-in dialog (where the system has none) carries
//! the same request; a layout never saved is saved first, then the image is asked for.

use crate::support::test_app;
use bevy::prelude::*;
use bevy::window::WindowCloseRequested;
use room_planner::document::{Document, UndoRequested};
use room_planner::domain::catalog::PersonalValue;
use room_planner::files::FileRequested;
use room_planner::files::dialogs::{
    DialogPurpose, DialogSpec, FileChosen, FileDialogs, NativeDialogs, NativeOutcome,
};
use room_planner::files::recovery::Recovery;
use room_planner::notices::Notices;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// A system dialog that answers from a script and remembers what it was asked.
struct Scripted {
    answers: Mutex<Vec<NativeOutcome>>,
    asked: Arc<Mutex<Vec<DialogSpec>>>,
}

impl NativeDialogs for Scripted {
    fn show(&self, spec: &DialogSpec) -> NativeOutcome {
        if let Ok(mut asked) = self.asked.lock() {
            asked.push(spec.clone());
        }
        self.answers
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
        std::env::temp_dir().join(format!("room-planner-image-{name}-{}", std::process::id()));
    std::fs::remove_dir_all(&dir).ok();
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

/// A plain PNG of the given size.
fn picture(dir: &Path, name: &str, width: u32, height: u32) -> PathBuf {
    let path = dir.join(name);
    image::RgbImage::from_pixel(width, height, image::Rgb([200, 120, 60]))
        .save(&path)
        .expect("test picture written");
    path
}

/// The personalized demo layout, its file moved to `layout` (None: never saved), with a
/// scripted system dialog.
fn app(
    dir: &Path,
    layout: Option<PathBuf>,
    answers: Vec<NativeOutcome>,
) -> (App, Arc<Mutex<Vec<DialogSpec>>>) {
    let asked = Arc::new(Mutex::new(Vec::new()));
    let mut app = test_app("personalized.ron");
    app.world_mut().resource_mut::<Document>().path = layout;
    app.add_message::<WindowCloseRequested>()
        .insert_resource(FileDialogs::with_native(Arc::new(Scripted {
            answers: Mutex::new(answers),
            asked: Arc::clone(&asked),
        })))
        .insert_resource(Recovery::in_folder(&dir.join("recovery")))
        .add_plugins(room_planner::files::plugin);
    app.update();
    (app, asked)
}

fn choose(app: &mut App) {
    app.world_mut().write_message(FileRequested::ChooseImage {
        product: "p-bed".into(),
        personal: "photo".to_owned(),
    });
    for _ in 0..300 {
        app.update();
        if !app.world().resource::<FileDialogs>().is_open()
            || app.world().resource::<FileDialogs>().in_app.is_some()
        {
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    app.update();
    app.update();
}

fn bed_image(app: &App) -> Option<String> {
    let document = app.world().resource::<Document>();
    let bed = document
        .layout
        .products
        .iter()
        .find(|placed| placed.id.as_str() == "p-bed")
        .expect("the bed");
    match bed.personal.get("photo") {
        Some(PersonalValue::Image { file }) => Some(file.clone()),
        _ => None,
    }
}

fn notices(app: &App) -> Vec<String> {
    app.world()
        .resource::<Notices>()
        .list
        .iter()
        .map(|notice| notice.text.clone())
        .collect()
}

#[test]
fn a_chosen_photo_is_copied_beside_the_layout_and_set_by_an_undoable_edit() {
    let dir = scratch("chosen");
    let photo = picture(&dir, "holiday photo.png", 1800, 720);
    let (mut app, asked) = app(
        &dir,
        Some(dir.join("bedroom.ron")),
        vec![NativeOutcome::Chosen(photo)],
    );
    assert_eq!(bed_image(&app).as_deref(), Some("images/sample-photo.png"));
    choose(&mut app);
    let specs = asked.lock().expect("asked").clone();
    assert_eq!(
        specs.first().map(|spec| spec.filters.clone()),
        Some(vec![("PNG or JPEG image", vec!["png", "jpg", "jpeg"])]),
        "the dialog offers PNG and JPEG"
    );
    assert_eq!(
        bed_image(&app).as_deref(),
        Some("images/holiday-photo.png"),
        "{:?}",
        notices(&app)
    );
    assert!(dir.join("images/holiday-photo.png").is_file());
    assert!(app.world().resource::<Document>().is_dirty());
    app.world_mut().write_message(UndoRequested);
    app.update();
    assert_eq!(
        bed_image(&app).as_deref(),
        Some("images/sample-photo.png"),
        "undo brings the earlier image back"
    );
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn a_too_small_photo_is_refused_once_with_its_reason_and_nothing_changes() {
    let dir = scratch("small");
    let photo = picture(&dir, "small.png", 800, 320);
    let (mut app, _) = app(
        &dir,
        Some(dir.join("bedroom.ron")),
        vec![NativeOutcome::Chosen(photo)],
    );
    choose(&mut app);
    let said = notices(&app);
    assert_eq!(
        said.iter()
            .filter(|text| text.contains(
                "not used for “Headboard print”: the image is 800 × 320 pixels; the print needs at least 1600 × 640"
            ))
            .count(),
        1,
        "{said:?}"
    );
    assert_eq!(bed_image(&app).as_deref(), Some("images/sample-photo.png"));
    assert!(!app.world().resource::<Document>().is_dirty());
    assert!(!dir.join("images").exists(), "nothing copied");
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn the_built_in_dialog_carries_the_image_request_where_the_system_has_none() {
    let dir = scratch("built-in");
    let photo = picture(&dir, "wide.png", 2000, 800);
    let (mut app, _) = app(
        &dir,
        Some(dir.join("bedroom.ron")),
        vec![NativeOutcome::Unavailable("No portal here".into())],
    );
    choose(&mut app);
    let purpose = {
        let dialogs = app.world().resource::<FileDialogs>();
        let open = dialogs
            .in_app
            .as_ref()
            .expect("the built-in dialog is open");
        assert_eq!(
            open.spec.filters,
            vec![("PNG or JPEG image", vec!["png", "jpg", "jpeg"])]
        );
        open.purpose.clone()
    };
    assert_eq!(
        purpose,
        DialogPurpose::ChooseImage {
            product: "p-bed".into(),
            personal: "photo".to_owned()
        }
    );
    // What the built-in dialog sends when the user picks the file in it.
    app.world_mut().resource_mut::<FileDialogs>().in_app = None;
    app.world_mut().write_message(FileChosen {
        purpose,
        path: photo,
    });
    app.update();
    assert_eq!(bed_image(&app).as_deref(), Some("images/wide.png"));
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn a_layout_never_saved_is_saved_first_then_the_image_is_asked_for() {
    let dir = scratch("unsaved");
    let photo = picture(&dir, "photo.jpg.png", 1600, 640);
    let (mut app, asked) = app(
        &dir,
        None,
        vec![
            NativeOutcome::Chosen(dir.join("bedroom")),
            NativeOutcome::Chosen(photo),
        ],
    );
    choose(&mut app);
    assert!(
        notices(&app)
            .iter()
            .any(|text| text.contains("Save the layout first")),
        "{:?}",
        notices(&app)
    );
    // The save dialog answered; the image dialog follows on its own thread.
    for _ in 0..300 {
        app.update();
        if bed_image(&app).as_deref() == Some("images/photo-jpg.png") {
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let titles: Vec<&str> = asked
        .lock()
        .expect("asked")
        .iter()
        .map(|spec| spec.title)
        .collect();
    assert_eq!(titles, vec!["Save layout", "Choose the customer's image"]);
    assert!(dir.join("bedroom.ron").is_file());
    assert_eq!(
        bed_image(&app).as_deref(),
        Some("images/photo-jpg.png"),
        "{:?}",
        notices(&app)
    );
    assert!(dir.join("images/photo-jpg.png").is_file());
    std::fs::remove_dir_all(dir).ok();
}
