//! Frames only when something changes: the window sleeps until input, an edit, a finished
//! background answer, a model or pipeline that became ready, or a clock (autosave, egui's timed
//! repaints) needs one. Each module asks for its own frames: [`RequestRedraw`] for the next one,
//! [`wake::Wakeups`] for one at a time or from another thread.
//!
//! Messages and resources the sidebar changes after `Update` are read by `Update` systems in the
//! next frame; [`redraw_for_late_messages`] and [`redraw_for_late_changes`] make sure that frame
//! comes.

pub mod render_busy;
pub mod wake;

use bevy::ecs::change_detection::Tick;
use bevy::ecs::message::MessageCursor;
use bevy::ecs::system::SystemChangeTick;
use bevy::prelude::*;
use bevy::window::RequestRedraw;
use bevy::winit::{EventLoopProxyWrapper, UpdateMode, WinitSettings, WinitUserEvent};
use bevy_egui::EguiInput;
use bevy_egui::{EguiContext, EguiPreUpdateSet, egui};
use std::collections::HashMap;
use std::time::Duration;
use wake::Wakeups;

/// How long the window may sleep with nothing to do: a frame every so often is only a safety
/// net; every real need asks for its own frame.
const IDLE_WAIT: Duration = Duration::from_secs(3600);

/// The pacing plugin: reactive updates and the wakeup timer (with a window), the render-busy
/// flag (with a renderer); nothing changes for headless apps but the resources.
pub fn plugin(app: &mut App) {
    let wakeups = match app.world().get_resource::<EventLoopProxyWrapper>() {
        Some(proxy) => {
            let proxy = (**proxy).clone();
            Wakeups::start(move || {
                // Fails only once the event loop has ended: then nothing is left to draw.
                proxy.send_event(WinitUserEvent::WakeUp).ok();
            })
        }
        None => Wakeups::default(),
    };
    app.insert_resource(WinitSettings {
        // Mouse motion outside the window (device events) wakes nothing.
        focused_mode: UpdateMode::reactive_low_power(IDLE_WAIT),
        unfocused_mode: UpdateMode::reactive_low_power(IDLE_WAIT),
    })
    .insert_resource(wakeups)
    // Registered by the window plugin; headless apps (tests) need it for the systems that ask.
    .add_message::<RequestRedraw>()
    .init_resource::<UpdateEnd>()
    .add_plugins(render_busy::plugin)
    .add_systems(Update, mark_update_end.after(crate::AppSystems::Highlight))
    .add_systems(
        PreUpdate,
        drop_unchanged_modifiers
            .after(EguiPreUpdateSet::ProcessInput)
            .before(EguiPreUpdateSet::BeginPass),
    )
    .add_systems(Last, time_egui_repaints);
}

/// bevy_egui reports the modifier keys to egui every frame, and egui repaints at once on any
/// event: an idle window would never rest. Only a real change of the modifiers is passed on.
fn drop_unchanged_modifiers(
    mut inputs: Query<(Entity, &mut EguiInput)>,
    mut last: Local<HashMap<Entity, egui::Modifiers>>,
) {
    for (entity, mut input) in &mut inputs {
        let mut known = last.get(&entity).copied();
        input.0.events.retain(|event| match event {
            egui::Event::ModifiersChanged(modifiers) => {
                let modifiers = *modifiers;
                let changed = known != Some(modifiers);
                known = Some(modifiers);
                changed
            }
            // egui forgets the modifiers when the window loses focus: tell it again after.
            egui::Event::WindowFocused(_) => {
                known = None;
                true
            }
            _ => true,
        });
        match known {
            Some(modifiers) => last.insert(entity, modifiers),
            None => last.remove(&entity),
        };
    }
}

/// The change tick at the end of `Update`: later changes need one more frame.
#[derive(Resource, Debug, Default)]
struct UpdateEnd(Tick);

fn mark_update_end(ticks: SystemChangeTick, mut end: ResMut<UpdateEnd>) {
    end.0 = ticks.this_run();
}

/// Messages of type `M` written after `Update` (by the sidebar) get a frame to be read in.
pub fn redraw_for_late_messages<M: Message>(app: &mut App) {
    app.add_message::<M>()
        .insert_resource(LateCursor::<M>(MessageCursor::default()))
        .add_systems(Update, skip_update_messages::<M>.after(mark_update_end))
        .add_systems(Last, redraw_after_late_messages::<M>);
}

#[derive(Resource)]
struct LateCursor<M: Message>(MessageCursor<M>);

fn skip_update_messages<M: Message>(mut cursor: ResMut<LateCursor<M>>, messages: Res<Messages<M>>) {
    cursor.0.read(&messages).for_each(drop);
}

fn redraw_after_late_messages<M: Message>(
    mut cursor: ResMut<LateCursor<M>>,
    messages: Res<Messages<M>>,
    mut redraw: MessageWriter<RequestRedraw>,
) {
    if cursor.0.read(&messages).count() > 0 {
        redraw.write(RequestRedraw);
    }
}

/// A resource `R` changed after `Update` (by the sidebar) gets a frame for `Update` to see it.
pub fn redraw_for_late_changes<R: Resource>(app: &mut App) {
    app.add_systems(Last, redraw_after_late_change::<R>);
}

fn redraw_after_late_change<R: Resource>(
    resource: Option<Res<R>>,
    end: Res<UpdateEnd>,
    ticks: SystemChangeTick,
    mut redraw: MessageWriter<RequestRedraw>,
) {
    if resource.is_some_and(|resource| {
        resource
            .last_changed()
            .is_newer_than(end.0, ticks.this_run())
    }) {
        redraw.write(RequestRedraw);
    }
}

/// egui's repaints: bevy_egui wakes the loop for immediate ones only; timed ones (tooltips,
/// blinking text cursors) are handed to the wakeup timer too.
fn time_egui_repaints(
    mut contexts: Query<&mut EguiContext, Added<EguiContext>>,
    wakeups: Res<Wakeups>,
) {
    if !wakeups.is_live() {
        return;
    }
    for mut context in &mut contexts {
        let wakeups = wakeups.clone();
        // Replaces bevy_egui's callback (which handles only zero delays) by one doing both.
        context
            .get_mut()
            .set_request_repaint_callback(move |repaint| wakeups.after(repaint.delay));
    }
}
