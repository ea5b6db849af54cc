//! The editor's one selection without a window: Escape selects nothing, Delete removes what
//! is selected whatever its kind, a selection whose element is gone is dropped, and drawing
//! walls selects nothing.

use crate::support::test_app;
use bevy::input::ButtonState;
use bevy::input::keyboard::{Key, KeyboardInput, NativeKey};
use bevy::prelude::*;
use room_planner::document::{Document, UndoRequested};
use room_planner::domain::constraints::ConstraintRule;
use room_planner::domain::values::ids::{ElementId, OpeningId, ProductInstanceId, WallId};
use room_planner::editor::selection::Selection;
use room_planner::editor::tool::{PlanTool, WallDraft};
use room_planner::live::LiveState;

/// The keyboard message for `key` going down or up.
fn key_message(key: KeyCode, state: ButtonState) -> KeyboardInput {
    KeyboardInput {
        key_code: key,
        logical_key: Key::Unidentified(NativeKey::Unidentified),
        state,
        text: None,
        repeat: false,
        window: Entity::PLACEHOLDER,
    }
}

/// Presses and releases the keys in order, all within one frame (as a slow frame sees them).
fn strokes_in_one_frame(app: &mut App, keys: &[(KeyCode, ButtonState)]) {
    for (key, state) in keys {
        app.world_mut().write_message(key_message(*key, *state));
    }
    app.update();
    app.update();
}

/// Presses and releases `key` within one frame.
fn press(app: &mut App, key: KeyCode) {
    strokes_in_one_frame(
        app,
        &[(key, ButtonState::Pressed), (key, ButtonState::Released)],
    );
}

fn keyboard_app() -> App {
    let mut app = test_app("showroom.ron");
    app.init_resource::<ButtonInput<KeyCode>>();
    app
}

fn select(app: &mut App, selection: Selection) {
    *app.world_mut().resource_mut::<Selection>() = selection;
    app.update();
}

fn selection(app: &App) -> Selection {
    app.world().resource::<Selection>().clone()
}

#[test]
fn one_selection_holds_a_product_or_a_wall_never_both() {
    let mut app = keyboard_app();
    select(
        &mut app,
        Selection::Product(ProductInstanceId::from("p-sofa")),
    );
    assert_eq!(
        selection(&app).product(),
        Some(&ProductInstanceId::from("p-sofa"))
    );
    select(&mut app, Selection::Wall(WallId::from("w-north")));
    assert_eq!(selection(&app), Selection::Wall(WallId::from("w-north")));
    assert_eq!(selection(&app).product(), None);
    select(
        &mut app,
        Selection::Product(ProductInstanceId::from("p-sofa")),
    );
    assert_eq!(
        selection(&app),
        Selection::Product(ProductInstanceId::from("p-sofa"))
    );
}

#[test]
fn escape_selects_nothing_whatever_was_selected() {
    let mut app = keyboard_app();
    for selected in [
        Selection::Product(ProductInstanceId::from("p-sofa")),
        Selection::Wall(WallId::from("w-north")),
        Selection::Opening(OpeningId::from("d-study")),
    ] {
        select(&mut app, selected.clone());
        assert_eq!(selection(&app), selected);
        press(&mut app, KeyCode::Escape);
        assert_eq!(selection(&app), Selection::Nothing);
    }
}

#[test]
fn delete_removes_the_selected_product_wall_or_opening_once() {
    let mut app = keyboard_app();
    let before = app.world().resource::<Document>().layout.clone();

    select(
        &mut app,
        Selection::Product(ProductInstanceId::from("p-sofa")),
    );
    press(&mut app, KeyCode::Delete);
    let layout = &app.world().resource::<Document>().layout;
    assert_eq!(layout.products.len(), before.products.len() - 1);
    assert!(!layout.products.iter().any(|p| p.id.0 == "p-sofa"));
    assert_eq!(selection(&app), Selection::Nothing);

    select(&mut app, Selection::Opening(OpeningId::from("d-study")));
    press(&mut app, KeyCode::Backspace);
    let layout = &app.world().resource::<Document>().layout;
    assert!(layout.opening(&OpeningId::from("d-study")).is_none());
    assert_eq!(layout.openings.len(), before.openings.len() - 1);

    select(&mut app, Selection::Wall(WallId::from("w-bedroom")));
    press(&mut app, KeyCode::Delete);
    let layout = &app.world().resource::<Document>().layout;
    assert!(layout.wall(&WallId::from("w-bedroom")).is_none());
    assert_eq!(layout.walls.len(), before.walls.len() - 1);
    // Each Delete was one step: three undos give the layout back.
    for _ in 0..3 {
        app.world_mut().write_message(UndoRequested);
        app.update();
    }
    assert_eq!(app.world().resource::<Document>().layout, before);
}

#[test]
fn a_selection_whose_element_is_gone_is_dropped() {
    let mut app = keyboard_app();
    select(&mut app, Selection::Wall(WallId::from("w-nowhere")));
    assert_eq!(selection(&app), Selection::Nothing);
    select(
        &mut app,
        Selection::Product(ProductInstanceId::from("p-sofa")),
    );
    press(&mut app, KeyCode::Delete);
    app.world_mut().write_message(UndoRequested);
    app.update();
    select(
        &mut app,
        Selection::Product(ProductInstanceId::from("p-sofa")),
    );
    assert_eq!(
        selection(&app),
        Selection::Product(ProductInstanceId::from("p-sofa"))
    );
}

#[test]
fn drawing_walls_selects_nothing_and_delete_then_deletes_nothing() {
    let mut app = keyboard_app();
    let walls = app.world().resource::<Document>().layout.walls.len();
    select(&mut app, Selection::Wall(WallId::from("w-north")));
    *app.world_mut().resource_mut::<PlanTool>() = PlanTool::DrawWalls(WallDraft::default());
    app.update();
    assert_eq!(selection(&app), Selection::Nothing);
    press(&mut app, KeyCode::Delete);
    assert_eq!(app.world().resource::<Document>().layout.walls.len(), walls);
}

fn clipboard_app() -> App {
    let mut app = keyboard_app();
    app.add_plugins(room_planner::interaction::clipboard::plugin);
    app.update();
    app
}

/// Ctrl down, `key` down and up, Ctrl up: the whole shortcut within one frame, which a
/// per-frame key state would miss.
fn press_with_ctrl(app: &mut App, key: KeyCode) {
    strokes_in_one_frame(
        app,
        &[
            (KeyCode::ControlLeft, ButtonState::Pressed),
            (key, ButtonState::Pressed),
            (key, ButtonState::Released),
            (KeyCode::ControlLeft, ButtonState::Released),
        ],
    );
}

/// The product added last, its placement rules broken, and its distance (mm) from `from`.
fn newest_product(app: &App, from: &str) -> (ProductInstanceId, Vec<ConstraintRule>, f64) {
    let layout = &app.world().resource::<Document>().layout;
    let newest = layout.products.last().expect("a product");
    let original = layout
        .products
        .iter()
        .find(|p| p.id.0 == from)
        .expect("original");
    let live = app.world().resource::<LiveState>();
    let broken = live
        .checker
        .violations_of(&ElementId::Product(newest.id.clone()))
        .iter()
        .map(|violation| violation.rule)
        .collect();
    let distance = ((newest.position.x.0 - original.position.x.0) as f64)
        .hypot((newest.position.y.0 - original.position.y.0) as f64);
    (newest.id.clone(), broken, distance)
}

#[test]
fn duplicate_and_paste_land_beside_the_original_in_free_space() {
    let mut app = clipboard_app();
    let products = app.world().resource::<Document>().layout.products.len();
    for original in ["p-coffee-table", "p-armchair-1", "p-chair-1"] {
        select(
            &mut app,
            Selection::Product(ProductInstanceId::from(original)),
        );
        press_with_ctrl(&mut app, KeyCode::KeyD);
        let (copy, broken, distance) = newest_product(&app, original);
        assert_eq!(selection(&app), Selection::Product(copy.clone()));
        for rule in [
            ConstraintRule::ProductOverlap,
            ConstraintRule::WallOverlap,
            ConstraintRule::InsideRoom,
        ] {
            assert!(
                !broken.contains(&rule),
                "{original}: {copy} breaks {rule:?}"
            );
        }
        assert!(
            distance > 100.0 && distance < 6000.0,
            "{original}: {distance} mm"
        );

        select(
            &mut app,
            Selection::Product(ProductInstanceId::from(original)),
        );
        press_with_ctrl(&mut app, KeyCode::KeyC);
        press_with_ctrl(&mut app, KeyCode::KeyV);
        let (pasted, broken, distance) = newest_product(&app, original);
        assert_ne!(pasted, copy);
        assert!(
            !broken.contains(&ConstraintRule::ProductOverlap),
            "{original}: {broken:?}"
        );
        assert!(distance > 100.0, "{original}: pasted on top");
    }
    assert_eq!(
        app.world().resource::<Document>().layout.products.len(),
        products + 6
    );
}

#[test]
fn a_copy_with_no_free_floor_near_stays_in_the_room_and_says_so() {
    let mut app = clipboard_app();
    // The showroom's living room has no free 2.8 m stretch beside the sofa.
    select(
        &mut app,
        Selection::Product(ProductInstanceId::from("p-sofa")),
    );
    press_with_ctrl(&mut app, KeyCode::KeyD);
    let (copy, broken, _) = newest_product(&app, "p-sofa");
    assert_eq!(selection(&app), Selection::Product(copy));
    assert!(!broken.contains(&ConstraintRule::WallOverlap), "{broken:?}");
    assert!(!broken.contains(&ConstraintRule::InsideRoom), "{broken:?}");
    let said = &app
        .world()
        .resource::<room_planner::notices::Notices>()
        .list;
    assert!(
        said.iter().any(|notice| notice
            .text
            .starts_with("No free floor near the Oslo modular sofa")),
        "{said:?}"
    );
}
