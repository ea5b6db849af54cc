//! Whether the renderer still has work that only more frames finish: render pipelines compile
//! on background threads, and a mesh whose pipeline is not ready is left out of the frame. While
//! any is compiling, the window asks for frames now and then, so the picture completes at rest.

use crate::pacing::wake::Wakeups;
use bevy::prelude::*;
use bevy::render::render_resource::PipelineCache;
use bevy::render::{Render, RenderApp, RenderSystems};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// How often an idle window looks again while pipelines compile.
const POLL: Duration = Duration::from_millis(100);

/// True while the renderer compiles pipelines (written by the render world after each frame).
#[derive(Resource, Clone, Debug, Default)]
pub struct RenderBusy(Arc<AtomicBool>);

impl RenderBusy {
    /// True while some pipeline is still compiling.
    #[must_use]
    pub fn busy(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}

/// Shares the flag between the main and the render world (when there is a renderer).
pub(super) fn plugin(app: &mut App) {
    let busy = RenderBusy::default();
    app.insert_resource(busy.clone())
        .add_systems(Last, poll_while_compiling);
    if let Some(render_app) = app.get_sub_app_mut(RenderApp) {
        render_app
            .insert_resource(busy)
            .add_systems(Render, note_compiling.in_set(RenderSystems::Cleanup));
    }
}

fn note_compiling(cache: Option<Res<PipelineCache>>, busy: Res<RenderBusy>) {
    let compiling = cache.is_some_and(|cache| cache.waiting_pipelines().next().is_some());
    busy.0.store(compiling, Ordering::Relaxed);
}

fn poll_while_compiling(busy: Res<RenderBusy>, wakeups: Res<Wakeups>) {
    if busy.busy() {
        wakeups.after(POLL);
    }
}
