//! The room-drawing flow through the ECS, without a window: corners clicked with the wall tool
//! become walls, a closed loop becomes a room with its floor, doors and windows go into the
//! walls, a dragged corner takes its joined walls and openings along, and undo takes back a
//! whole chain of walls in one step.

use crate::support::root;
use bevy::prelude::*;
use room_planner::catalogs::Catalogs;
use room_planner::document::{Document, EditRequested, Gesture, UndoRequested};
use room_planner::domain::editing::new_opening::opening_in_wall;
use room_planner::domain::editing::{Edit, WallEnd};
use room_planner::domain::values::ids::{ProductId, WallId};
use room_planner::domain::values::units::PointMm;
use room_planner::editor::tool::{PlanTool, WallDraft};
use room_planner::files::empty_layout;
use room_planner::live::LiveState;
use room_planner::plan_edit::draw_walls::ToolInput;
use room_planner::scene::structure::{Floor, OpeningEntity, WallPiece};

fn drawing_app() -> App {
    let catalogs = Catalogs::load(&root().join("catalogs"));
    let document = Document::new(empty_layout(&catalogs), None);
    let mut app = App::new();
    app.add_plugins((
        MinimalPlugins,
        AssetPlugin::default(),
        bevy::mesh::MeshPlugin,
        TransformPlugin,
        bevy::gizmos::GizmoPlugin,
        bevy::input::InputPlugin,
    ))
    .init_asset::<StandardMaterial>()
    .init_asset::<Image>();
    room_planner::app::insert_start_resources(&mut app, catalogs, document);
    app.add_plugins((room_planner::core_plugin, room_planner::plan_edit::plugin));
    app.insert_resource(PlanTool::DrawWalls(WallDraft::default()));
    app.update();
    app
}

fn click(app: &mut App, x: i64, y: i64, now_s: f64) {
    app.world_mut().write_message(ToolInput {
        pointer: Some(PointMm::new(x, y)),
        click: true,
        now_s,
        ..ToolInput::default()
    });
    app.update();
}

fn count<C: Component>(app: &mut App) -> usize {
    let mut query = app.world_mut().query::<&C>();
    query.iter(app.world()).count()
}

/// The corners of an L-shaped room, 6 m × 5 m with the back-right quarter cut away.
const L_CORNERS: [(i64, i64); 7] = [
    (0, 0),
    (6000, 0),
    (6000, 2500),
    (2500, 2500),
    (2500, 5000),
    (0, 5000),
    // Near the first corner: snaps onto it and closes the room.
    (40, -30),
];

/// The L-shaped room clicked corner by corner, one frame each.
fn draw_l_shape(app: &mut App) {
    for (index, (x, y)) in L_CORNERS.iter().enumerate() {
        click(app, *x, *y, index as f64);
    }
}

#[test]
fn clicked_corners_become_walls_and_a_closed_loop_becomes_a_room() {
    let mut app = drawing_app();
    draw_l_shape(&mut app);
    let layout = app.world().resource::<Document>().layout.clone();
    assert_eq!(layout.walls.len(), 6);
    assert_eq!(layout.walls[5].end, PointMm::new(0, 0));
    let live = app.world().resource::<LiveState>();
    let rooms = live.checker.rooms();
    assert_eq!(rooms.len(), 1);
    // Centre lines 6 × 2.5 + 2.5 × 2.5 m; the floor is inset by half of the 100 mm walls.
    assert!((rooms[0].area_mm2 - 21_250_000.0).abs() < 1.0);
    let net = 5_900.0 * 2_400.0 + 2_400.0 * 2_500.0;
    assert!(
        (rooms[0].net_area_mm2 - net).abs() < 1.0,
        "{}",
        rooms[0].net_area_mm2
    );
    assert_eq!(count::<Floor>(&mut app), 1);
    assert!(count::<WallPiece>(&mut app) >= 6);
    assert_eq!(
        *app.world().resource::<PlanTool>(),
        PlanTool::DrawWalls(WallDraft::default()),
        "closing the loop ends the chain and keeps the tool"
    );

    // The whole chain is one undo step.
    app.world_mut().write_message(UndoRequested);
    app.update();
    assert!(app.world().resource::<Document>().layout.walls.is_empty());
}

#[test]
fn clicks_that_all_arrive_in_one_slow_frame_draw_the_same_room() {
    // A slow frame: every corner's click is read in the same update, at the same app time.
    let mut app = drawing_app();
    for (x, y) in L_CORNERS {
        app.world_mut().write_message(ToolInput {
            pointer: Some(PointMm::new(x, y)),
            click: true,
            now_s: 7.0,
            ..ToolInput::default()
        });
    }
    app.update();
    let layout = app.world().resource::<Document>().layout.clone();
    assert_eq!(layout.walls.len(), 6, "{:?}", layout.walls);
    let mut ids: Vec<&WallId> = layout.walls.iter().map(|wall| &wall.id).collect();
    ids.dedup();
    assert_eq!(ids.len(), 6, "each wall has its own id");
    assert_eq!(layout.walls[5].end, PointMm::new(0, 0));
    assert_eq!(app.world().resource::<LiveState>().checker.rooms().len(), 1);
    // Still one undo step.
    app.world_mut().write_message(UndoRequested);
    app.update();
    assert!(app.world().resource::<Document>().layout.walls.is_empty());
}

#[test]
fn doors_and_windows_go_into_walls_and_follow_a_dragged_corner() {
    let mut app = drawing_app();
    draw_l_shape(&mut app);
    let catalogs = app.world().resource::<Catalogs>().set.clone();
    for (product, near) in [
        ("door-interior", PointMm::new(1200, 0)),
        ("window-tilt-turn", PointMm::new(6000, 1200)),
        ("window-tilt-turn", PointMm::new(0, 3000)),
    ] {
        let opening = {
            let layout = &app.world().resource::<Document>().layout;
            let live = app.world().resource::<LiveState>();
            opening_in_wall(
                layout,
                &catalogs,
                live.checker.structure(),
                &ProductId::from(product),
                Some(near),
                None,
            )
            .expect("the wall has room")
        };
        app.world_mut()
            .write_message(EditRequested::single(Edit::AddOpening(opening)));
        app.update();
    }
    let layout = app.world().resource::<Document>().layout.clone();
    assert_eq!(layout.openings.len(), 3);
    assert_eq!(layout.openings[0].wall, WallId::from("w-1"));
    assert_eq!(count::<OpeningEntity>(&mut app), 3);

    // Pull the front-right corner 1 m to the left: both walls meeting there follow, and the
    // window in the right wall stays inside it.
    app.world_mut().write_message(EditRequested {
        edit: Edit::MoveWallEnd {
            id: WallId::from("w-1"),
            end: WallEnd::End,
            to: PointMm::new(5000, 0),
        },
        gesture: Gesture::Single,
    });
    app.update();
    let layout = app.world().resource::<Document>().layout.clone();
    assert_eq!(layout.walls[1].start, PointMm::new(5000, 0));
    assert_eq!(layout.openings.len(), 3);
    let live = app.world().resource::<LiveState>();
    assert_eq!(live.checker.rooms().len(), 1);
    for placement in &live.checker.structure().openings {
        let wall = &live.checker.structure().walls[placement.wall];
        assert!(placement.from_mm >= 0.0 && placement.to_mm <= wall.length);
    }
}
