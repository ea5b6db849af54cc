//! The GUI benchmark (`ROOM_PLANNER_BENCHMARK=1`, run by `tools/gui_bench.sh`): opens the layout
//! in the window as usual, then measures the time from launch to the first complete frame
//! (every product spawned, every pipeline compiled, every model loaded, and that frame read
//! back from the window), frame times while orbiting the camera and while dragging one product
//! (both synthesised, through the same messages and snapping as the mouse), the process's CPU
//! over 10 s at rest, and its peak RSS; prints one line and quits. With
//! `ROOM_PLANNER_BENCHMARK_SHOT=file.png` it saves the first complete frame there and a frame
//! from the middle of the orbit beside it (`file.moving.png`).

use crate::document::{Document, EditRequested, Gesture};
use crate::files::recovery::Recovery;
use crate::live::LiveState;
use crate::pacing::render_busy::RenderBusy;
use crate::pacing::wake::Wakeups;
use crate::scene::products::SceneIndex;
use crate::viewport::camera::OrbitCamera;
use crate::viewport::quality::GraphicsQuality;
use crate::viewport::render_scale::Motion;
use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, ScreenshotCaptured, save_to_disk};
use bevy::window::RequestRedraw;
use room_planner_core::domain::editing::Edit;
use room_planner_core::domain::editing::snapping::{SnapSettings, snap_product};
use room_planner_core::domain::values::ids::ProductInstanceId;
use room_planner_core::domain::values::units::PointMm;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Environment variable: run the benchmark and quit.
pub const BENCHMARK_ENV: &str = "ROOM_PLANNER_BENCHMARK";
/// Environment variable: where the benchmark saves its first complete frame (PNG), if anywhere.
pub const BENCHMARK_SHOT_ENV: &str = "ROOM_PLANNER_BENCHMARK_SHOT";

/// Frames measured while orbiting and while dragging.
const FRAMES: usize = 16;
/// How long the window is left alone to measure its CPU at rest.
const IDLE: Duration = Duration::from_secs(10);
/// How long no frame must come before the idle CPU is measured (at least).
const SETTLE: Duration = Duration::from_secs(3);
/// Gives up on a layout that never completes its first frame.
const GIVE_UP: Duration = Duration::from_secs(600);

#[derive(Debug, Default)]
enum Phase {
    #[default]
    Loading,
    /// The first complete frame is being read back.
    Capturing,
    Orbit,
    Drag,
    Idle,
}

/// The benchmark's progress and figures.
#[derive(Resource, Debug, Default)]
struct Bench {
    phase: Phase,
    launched: Option<Instant>,
    first_frame: Option<Duration>,
    captured: Arc<Mutex<Option<Instant>>>,
    frame_started: Option<Instant>,
    orbit_ms: Vec<f64>,
    orbit_step: usize,
    drag_ms: Vec<f64>,
    drag_step: usize,
    dragged: Option<ProductInstanceId>,
    idle_cpu: Arc<Mutex<Option<(f64, u64)>>>,
    frames: u64,
    /// The frame count, for the idle thread to see when the window has come to rest.
    frame_count: Arc<AtomicU64>,
    idle_started: bool,
}

/// Adds the benchmark to the planner window.
pub fn plugin(app: &mut App) {
    app.insert_resource(Bench {
        launched: Some(launch_instant()),
        ..default()
    })
    .add_systems(Last, run_benchmark);
}

/// When the process started, read from `/proc` (so loading the binary counts); now elsewhere.
fn launch_instant() -> Instant {
    let read = || -> Option<Duration> {
        let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
        let after_name = stat.rsplit_once(')')?.1;
        // Field 22 (starttime) is the 20th after the name: ticks since boot.
        let start_ticks: f64 = after_name.split_whitespace().nth(19)?.parse().ok()?;
        let uptime_s: f64 = std::fs::read_to_string("/proc/uptime")
            .ok()?
            .split_whitespace()
            .next()?
            .parse()
            .ok()?;
        let age_s = uptime_s - start_ticks / ticks_per_second();
        Some(Duration::from_secs_f64(age_s.max(0.0)))
    };
    let now = Instant::now();
    read().and_then(|age| now.checked_sub(age)).unwrap_or(now)
}

/// Clock ticks per second of `/proc` times (100 on Linux unless configured otherwise).
fn ticks_per_second() -> f64 {
    100.0
}

/// CPU time used by this process so far (user + system, in ticks).
fn cpu_ticks() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let after_name = stat.rsplit_once(')')?.1;
    let mut fields = after_name.split_whitespace().skip(11);
    let user: u64 = fields.next()?.parse().ok()?;
    let system: u64 = fields.next()?.parse().ok()?;
    Some(user + system)
}

/// Peak resident memory (MB) from `/proc/self/status`.
fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

#[derive(bevy::ecs::system::SystemParam)]
struct Scene<'w, 's> {
    document: Res<'w, Document>,
    live: Res<'w, LiveState>,
    index: Res<'w, SceneIndex>,
    busy: Res<'w, RenderBusy>,
    models: Query<'w, 's, &'static WorldAssetRoot>,
    asset_server: Res<'w, AssetServer>,
    cameras: Query<'w, 's, &'static mut OrbitCamera>,
    quality: Option<Res<'w, GraphicsQuality>>,
    motion: Option<Res<'w, Motion>>,
}

impl Scene<'_, '_> {
    fn complete(&self) -> bool {
        let models_loaded = self.models.iter().all(|model| {
            self.asset_server.is_loaded_with_dependencies(&model.0)
                || self.asset_server.load_state(&model.0).is_failed()
        });
        // At rest: the frame is drawn at full size, not at the moving view's reduced scale.
        let full_size = !self.motion.as_deref().is_some_and(|motion| motion.reduced);
        self.index.products.len() == self.document.layout.products.len()
            && !self.busy.busy()
            && models_loaded
            && full_size
    }
}

#[allow(clippy::too_many_arguments)]
fn run_benchmark(
    mut commands: Commands,
    mut bench: ResMut<Bench>,
    mut scene: Scene,
    mut edits: MessageWriter<EditRequested>,
    mut redraw: MessageWriter<RequestRedraw>,
    mut exit: MessageWriter<AppExit>,
    wakeups: Res<Wakeups>,
    mut recovery: Option<ResMut<Recovery>>,
) {
    let now = Instant::now();
    let since_last = bench.frame_started.map(|last| ms(now - last));
    bench.frame_started = Some(now);
    bench.frames += 1;
    bench.frame_count.fetch_add(1, Ordering::Relaxed);
    let launched = bench.launched.unwrap_or(now);
    match bench.phase {
        Phase::Loading => {
            redraw.write(RequestRedraw);
            if now - launched > GIVE_UP {
                println!("benchmark: the first frame did not complete within {GIVE_UP:?}");
                exit.write(AppExit::error());
            } else if bench.frames > 3 && scene.complete() {
                let captured = Arc::clone(&bench.captured);
                let mut screenshot = commands.spawn(Screenshot::primary_window());
                screenshot.observe(move |_: On<ScreenshotCaptured>| {
                    if let Ok(mut at) = captured.lock() {
                        at.get_or_insert_with(Instant::now);
                    }
                });
                if let Some(path) = std::env::var_os(BENCHMARK_SHOT_ENV) {
                    screenshot.observe(save_to_disk(PathBuf::from(path)));
                }
                bench.phase = Phase::Capturing;
            }
        }
        Phase::Capturing => {
            redraw.write(RequestRedraw);
            let captured = bench.captured.lock().ok().and_then(|at| *at);
            if let Some(at) = captured {
                bench.first_frame = Some(at - launched);
                bench.phase = Phase::Orbit;
            }
        }
        Phase::Orbit => {
            redraw.write(RequestRedraw);
            if bench.orbit_step > 0
                && let Some(ms) = since_last
            {
                bench.orbit_ms.push(ms);
            }
            for mut orbit in &mut scene.cameras {
                orbit.yaw += 0.04;
            }
            // Halfway through, the moving view as the window shows it (beside the first frame).
            if bench.orbit_step == FRAMES / 2
                && let Some(path) = std::env::var_os(BENCHMARK_SHOT_ENV)
            {
                let mut moving = PathBuf::from(path);
                moving.set_extension("moving.png");
                commands
                    .spawn(Screenshot::primary_window())
                    .observe(save_to_disk(moving));
            }
            bench.orbit_step += 1;
            if bench.orbit_step > FRAMES {
                bench.phase = Phase::Drag;
            }
        }
        Phase::Drag => {
            redraw.write(RequestRedraw);
            if bench.drag_step > 0
                && let Some(ms) = since_last
            {
                bench.drag_ms.push(ms);
            }
            drag_step(&mut bench, &scene, &mut edits);
            if bench.drag_step > FRAMES {
                bench.phase = Phase::Idle;
            }
        }
        Phase::Idle => {
            if !bench.idle_started {
                // The last drag step is applied by now. It left unsaved work: copy it, as the
                // minute's autosave would, so that autosave does not fall into the measurement.
                if let Some(recovery) = recovery.as_deref_mut()
                    && let Err(problem) = recovery.autosave_now(&scene.document)
                {
                    println!("benchmark: autosave failed: {problem}");
                }
                // Rest means no frame for several of the slowest drag frames.
                let settle = SETTLE.max(Duration::from_secs_f64(
                    4.0 * percentile(&bench.drag_ms, 1.0).max(0.0) / 1e3,
                ));
                measure_idle_cpu(&bench.idle_cpu, &bench.frame_count, settle, wakeups.clone());
                bench.idle_started = true;
            }
            let idle = bench.idle_cpu.lock().ok().and_then(|idle| *idle);
            if let Some((percent, frames)) = idle {
                report(&bench, &scene, percent, frames);
                exit.write(AppExit::Success);
            }
        }
    }
}

/// One step of a drag of the product nearest the middle of the view, 50 mm to the right.
fn drag_step(bench: &mut Bench, scene: &Scene, edits: &mut MessageWriter<EditRequested>) {
    if bench.dragged.is_none() {
        let focus = scene
            .cameras
            .iter()
            .next()
            .map_or(Vec3::ZERO, |orbit| orbit.focus);
        let middle = crate::world_units::plan_of(focus);
        let distance = |p: &room_planner_core::domain::measured::ProductPlacement| {
            (p.footprint.centre.x - middle.x.as_f64())
                .hypot(p.footprint.centre.y - middle.y.as_f64())
        };
        bench.dragged = scene
            .live
            .checker
            .products()
            .min_by(|a, b| distance(a).total_cmp(&distance(b)))
            .map(|placement| placement.id.clone());
    }
    let Some(placed) = scene
        .document
        .layout
        .products
        .iter()
        .find(|placed| Some(&placed.id) == bench.dragged.as_ref())
    else {
        bench.drag_step = usize::MAX;
        return;
    };
    let wanted = PointMm::new(placed.position.x.0 + 50, placed.position.y.0);
    let snapped = snap_product(
        &scene.live.checker,
        &scene.document.layout,
        &placed.id,
        wanted,
        placed.rotation,
        &SnapSettings::default(),
    );
    edits.write(EditRequested {
        edit: Edit::MoveProduct {
            id: placed.id.clone(),
            position: snapped.position,
            rotation_deg: snapped.rotation_deg,
        },
        gesture: if bench.drag_step == 0 {
            Gesture::Start
        } else {
            Gesture::Continue
        },
    });
    bench.drag_step += 1;
}

/// Measures this process's CPU over [`IDLE`] on a thread of its own, once no frame has come for
/// `settle` (the last drag frames are done), counting the frames meanwhile; then wakes the
/// window to report.
fn measure_idle_cpu(
    result: &Arc<Mutex<Option<(f64, u64)>>>,
    frames: &Arc<AtomicU64>,
    settle: Duration,
    wakeups: Wakeups,
) {
    let result = Arc::clone(result);
    let frames = Arc::clone(frames);
    let spawned = std::thread::Builder::new()
        .name("benchmark idle".into())
        .spawn(move || {
            let mut seen = frames.load(Ordering::Relaxed);
            let mut still_since = Instant::now();
            while still_since.elapsed() < settle {
                std::thread::sleep(Duration::from_millis(250));
                let now = frames.load(Ordering::Relaxed);
                if now != seen {
                    seen = now;
                    still_since = Instant::now();
                }
            }
            let before = cpu_ticks();
            std::thread::sleep(IDLE);
            let after = cpu_ticks();
            let drawn = frames.load(Ordering::Relaxed) - seen;
            let percent = match (before, after) {
                (Some(before), Some(after)) => {
                    (after - before) as f64 / ticks_per_second() / IDLE.as_secs_f64() * 100.0
                }
                _ => f64::NAN,
            };
            if let Ok(mut slot) = result.lock() {
                *slot = Some((percent, drawn));
            }
            wakeups.now();
        });
    if let Err(error) = spawned {
        println!("benchmark: cannot measure the idle CPU: {error}");
    }
}

fn report(bench: &Bench, scene: &Scene, idle_percent: f64, idle_frames: u64) {
    let layout = &scene.document.layout;
    println!(
        "benchmark: {} products, {} walls, {} openings; quality {}; moving scale {}; \
         first complete frame {:.2} s; \
         orbit frame median {:.0} ms, p95 {:.0} ms; drag frame median {:.0} ms, p95 {:.0} ms; \
         idle CPU {:.1} % over {} s ({} frames); peak RSS {:.0} MB",
        layout.products.len(),
        layout.walls.len(),
        layout.openings.len(),
        scene
            .quality
            .as_deref()
            .map_or_else(|| "?".to_string(), ToString::to_string),
        scene
            .motion
            .as_deref()
            .filter(|motion| motion.scale > 0.0)
            .map_or_else(|| "-".to_string(), |motion| format!("{:.2}", motion.scale)),
        bench.first_frame.map_or(f64::NAN, |d| d.as_secs_f64()),
        percentile(&bench.orbit_ms, 0.5),
        percentile(&bench.orbit_ms, 0.95),
        percentile(&bench.drag_ms, 0.5),
        percentile(&bench.drag_ms, 0.95),
        idle_percent,
        IDLE.as_secs(),
        idle_frames,
        peak_rss_mb().unwrap_or(f64::NAN),
    );
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1e3
}

/// The `fraction` percentile (nearest rank) of `values`; NaN when empty.
fn percentile(values: &[f64], fraction: f64) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = ((sorted.len() as f64 * fraction).ceil() as usize).clamp(1, sorted.len());
    sorted[rank - 1]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_take_the_nearest_rank() {
        let values = [5.0, 1.0, 4.0, 2.0, 3.0];
        assert_eq!(percentile(&values, 0.5), 3.0);
        assert_eq!(percentile(&values, 0.95), 5.0);
        assert!(percentile(&[], 0.5).is_nan());
    }

    #[test]
    fn this_process_reads_its_own_cpu_time_and_memory() {
        assert!(cpu_ticks().is_some());
        assert!(peak_rss_mb().is_some_and(|mb| mb > 0.0));
        assert!(launch_instant() <= Instant::now());
    }
}
