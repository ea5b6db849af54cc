//! The planner's ECS without a window or renderer: entities spawned from a layout, live
//! violations and prices following edits, undo/redo, and a smoke test of the whole app.

use crate::support::{document, test_app};
use bevy::prelude::*;
use room_planner::document::{Document, EditRequested, Gesture, RedoRequested, UndoRequested};
use room_planner::domain::catalog::OptionValue;
use room_planner::domain::constraints::ConstraintRule;
use room_planner::domain::editing::Edit;
use room_planner::domain::values::ids::{ElementId, OptionId, ProductInstanceId, ValueId};
use room_planner::domain::values::units::PointMm;
use room_planner::live::LiveState;
use room_planner::scene::highlight::Violating;
use room_planner::scene::products::{ProductEntity, SceneIndex};
use room_planner::scene::structure::WallPiece;

fn edit(app: &mut App, edit: Edit) {
    app.world_mut().write_message(EditRequested {
        edit,
        gesture: Gesture::Single,
    });
    app.update();
}

fn violations_of(app: &App, id: &str) -> Vec<ConstraintRule> {
    app.world()
        .resource::<LiveState>()
        .checker
        .violations_of(&ElementId::Product(ProductInstanceId::from(id)))
        .iter()
        .map(|violation| violation.rule)
        .collect()
}

fn product_entity(app: &mut App, id: &str) -> Entity {
    *app.world()
        .resource::<SceneIndex>()
        .products
        .get(&ProductInstanceId::from(id))
        .expect("spawned")
}

#[test]
fn the_layout_becomes_entities_keyed_by_id() {
    let mut app = test_app("showroom.ron");
    let products = app.world().resource::<Document>().layout.products.len();
    let mut query = app.world_mut().query::<&ProductEntity>();
    assert_eq!(query.iter(app.world()).count(), products);
    let mut walls = app.world_mut().query::<&WallPiece>();
    assert!(walls.iter(app.world()).count() >= 6);
}

#[test]
fn moving_a_product_into_a_wall_shows_a_violation_and_moving_it_back_clears_it() {
    let mut app = test_app("showroom.ron");
    let id = ProductInstanceId::from("p-dresser");
    let placed = app
        .world()
        .resource::<Document>()
        .layout
        .products
        .iter()
        .find(|placed| placed.id == id)
        .cloned()
        .expect("the showroom has a dresser");
    assert!(violations_of(&app, "p-dresser").is_empty());

    // The dresser backs onto the east wall: 400 mm further east is inside it.
    let into_wall = PointMm::new(placed.position.x.0 + 400, placed.position.y.0);
    assert!(violations_after_move(&mut app, &placed, into_wall));
    let rules = violations_of(&app, "p-dresser");
    assert!(
        rules.contains(&ConstraintRule::WallOverlap),
        "{rules:?} at {into_wall}"
    );
    let entity = product_entity(&mut app, "p-dresser");
    assert!(app.world().entity(entity).contains::<Violating>());

    edit(
        &mut app,
        Edit::MoveProduct {
            id: id.clone(),
            position: placed.position,
            rotation_deg: placed.rotation,
        },
    );
    assert!(violations_of(&app, "p-dresser").is_empty());
    let entity = product_entity(&mut app, "p-dresser");
    assert!(!app.world().entity(entity).contains::<Violating>());
}

fn violations_after_move(
    app: &mut App,
    placed: &room_planner::domain::layout::PlacedProduct,
    to: PointMm,
) -> bool {
    edit(
        app,
        Edit::MoveProduct {
            id: placed.id.clone(),
            position: to,
            rotation_deg: placed.rotation,
        },
    );
    violations_of(app, placed.id.as_str()).contains(&ConstraintRule::WallOverlap)
}

#[test]
fn changing_an_option_updates_size_and_price() {
    let mut app = test_app("showroom.ron");
    let id = ProductInstanceId::from("p-sofa");
    let before = app
        .world()
        .resource::<LiveState>()
        .checker
        .product(&id)
        .expect("sofa")
        .dimensions;
    let price_before = gross(&app);
    let breakdown_before = unit_price(&app, &id);
    edit(
        &mut app,
        Edit::SetOption {
            id: id.clone(),
            option: OptionId::from("width"),
            value: OptionValue::Number(2400),
        },
    );
    let after = app
        .world()
        .resource::<LiveState>()
        .checker
        .product(&id)
        .expect("sofa")
        .dimensions;
    assert_eq!(after.width.0, 2400);
    assert_ne!(before.width, after.width);
    assert!(unit_price(&app, &id) < breakdown_before);
    assert!(gross(&app) < price_before);
    // The entity was rebuilt for the new size.
    let entity = product_entity(&mut app, "p-sofa");
    assert!(app.world().entity(entity).contains::<ProductEntity>());
}

fn gross(app: &App) -> rust_decimal::Decimal {
    app.world()
        .resource::<LiveState>()
        .quote
        .as_ref()
        .expect("priced")
        .quote()
        .totals
        .gross
}

fn unit_price(app: &App, id: &ProductInstanceId) -> rust_decimal::Decimal {
    app.world()
        .resource::<LiveState>()
        .quote
        .as_ref()
        .expect("priced")
        .breakdown(id)
        .expect("priced product")
        .unit_price
}

#[test]
fn undo_and_redo_give_back_the_same_documents() {
    let mut app = test_app("showroom.ron");
    let original = app.world().resource::<Document>().layout.clone();
    let id = ProductInstanceId::from("p-armchair-1");
    edit(
        &mut app,
        Edit::SetOption {
            id: id.clone(),
            option: OptionId::from("colour"),
            value: OptionValue::Choice(ValueId::from("black")),
        },
    );
    // A drag: three moves, one undo step.
    for (step, x) in [
        (Gesture::Start, 1500),
        (Gesture::Continue, 1600),
        (Gesture::Continue, 1700),
    ] {
        app.world_mut().write_message(EditRequested {
            edit: Edit::MoveProduct {
                id: id.clone(),
                position: PointMm::new(x, 2500),
                rotation_deg: 0.0,
            },
            gesture: step,
        });
        app.update();
    }
    edit(
        &mut app,
        Edit::DeleteProduct(ProductInstanceId::from("p-footstool")),
    );
    let edited = app.world().resource::<Document>().layout.clone();
    assert_ne!(edited, original);
    for _ in 0..3 {
        app.world_mut().write_message(UndoRequested);
        app.update();
    }
    assert_eq!(app.world().resource::<Document>().layout, original);
    assert!(!app.world().resource::<Document>().can_undo());
    for _ in 0..3 {
        app.world_mut().write_message(RedoRequested);
        app.update();
    }
    assert_eq!(app.world().resource::<Document>().layout, edited);
    let mut query = app.world_mut().query::<&ProductEntity>();
    assert_eq!(query.iter(app.world()).count(), edited.products.len());
}

#[test]
fn the_whole_app_runs_without_a_window_or_renderer() {
    use bevy::render::RenderPlugin;
    use bevy::render::settings::WgpuSettings;
    use bevy::window::ExitCondition;
    use bevy::winit::WinitPlugin;
    let (document, catalogs) = document("showroom.ron");
    let mut app = App::new();
    app.add_plugins(
        DefaultPlugins
            .set(WindowPlugin {
                primary_window: None,
                exit_condition: ExitCondition::DontExit,
                ..default()
            })
            .set(RenderPlugin {
                render_creation: WgpuSettings {
                    backends: None,
                    ..default()
                }
                .into(),
                ..default()
            })
            .disable::<WinitPlugin>(),
    );
    room_planner::app::insert_start_resources(&mut app, catalogs, document);
    app.add_plugins((room_planner::core_plugin, room_planner::interactive_plugin));
    app.add_systems(Startup, |mut commands: Commands| {
        commands.spawn(room_planner::viewport::camera::camera_bundle());
    });
    app.finish();
    app.cleanup();
    for _ in 0..5 {
        app.update();
    }
    let mut query = app.world_mut().query::<&ProductEntity>();
    assert!(query.iter(app.world()).count() >= 30);
    edit(
        &mut app,
        Edit::DeleteProduct(ProductInstanceId::from("p-footstool")),
    );
    assert!(app.world().resource::<Document>().is_dirty());
    // "Add" from the catalog puts the product on free floor in the room looked at.
    let products = app.world().resource::<Document>().layout.products.len();
    app.world_mut()
        .write_message(room_planner::interaction::placing::PlaceRequested {
            product: "armchair-bergen".into(),
            dropped_at: None,
        });
    app.update();
    app.update();
    let layout = &app.world().resource::<Document>().layout;
    assert_eq!(layout.products.len(), products + 1);
    let added = layout.products.last().expect("added").id.clone();
    let broken = violations_of(&app, &added.0);
    assert!(broken.is_empty(), "{broken:?}");
}
