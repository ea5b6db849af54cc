//! The editor's one selection without a window: Escape selects nothing, Delete removes what
//! is selected whatever its kind, a selection whose element is gone is dropped, and drawing
//! walls selects nothing.

use crate::support::test_app;
use bevy::prelude::*;
use room_planner::document::{Document, UndoRequested};
use room_planner::domain::values::ids::{OpeningId, ProductInstanceId, WallId};
use room_planner::editor::selection::Selection;
use room_planner::editor::tool::{PlanTool, WallDraft};

/// Presses `key` for one frame.
fn press(app: &mut App, key: KeyCode) {
    app.world_mut()
        .resource_mut::<ButtonInput<KeyCode>>()
        .press(key);
    app.update();
    let mut keys = app.world_mut().resource_mut::<ButtonInput<KeyCode>>();
    keys.release(key);
    keys.clear();
    app.update();
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
