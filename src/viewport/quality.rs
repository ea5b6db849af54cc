//! The 3D view's quality, chosen from the graphics adapter: on a software renderer (Mesa's
//! llvmpipe / lavapipe, a VM's or remote desktop's adapter) every pixel is shaded by the CPU, so
//! the fast tier leaves out what costs most there: shadow maps, multisampling and the second
//! light. A real GPU gets the full tier. View → 3D quality (kept in the preferences) or
//! `ROOM_PLANNER_GRAPHICS=fast|full` overrides the choice. The sidebar and the plan's labels
//! are drawn by egui either way and stay crisp.

use crate::preferences::{GraphicsChoice, Preferences};
use crate::viewport::lights::{FillLight, Sun};
use bevy::prelude::*;
use bevy::render::renderer::RenderAdapterInfo;
use std::fmt;

/// Environment variable overriding the quality: `fast` or `full`.
pub const GRAPHICS_ENV: &str = "ROOM_PLANNER_GRAPHICS";

/// How the 3D view is drawn now.
#[derive(Resource, Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum GraphicsQuality {
    /// Shadows, 4× multisampling, sun and fill light.
    #[default]
    Full,
    /// No shadows, no multisampling, the sun alone with more ambient light.
    Fast,
}

impl fmt::Display for GraphicsQuality {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            GraphicsQuality::Full => "full",
            GraphicsQuality::Fast => "fast",
        })
    }
}

/// What an adapter is, as far as the choice goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AdapterKind {
    /// The adapter's name (e.g. "llvmpipe (LLVM 19.1.7, 256 bits)").
    pub name: String,
    /// The CPU draws (wgpu reports a CPU device type, or the name is a known software one).
    pub software: bool,
}

impl AdapterKind {
    /// Reads the adapter wgpu picked.
    #[must_use]
    pub fn of(info: &RenderAdapterInfo) -> Self {
        let name = info.name.clone();
        let lower = name.to_lowercase();
        // wgpu's `DeviceType` is not re-exported by Bevy; its name is stable (`Cpu`).
        let software = format!("{:?}", info.device_type) == "Cpu"
            || [
                "llvmpipe",
                "lavapipe",
                "softpipe",
                "swiftshader",
                "software",
                "basic render",
            ]
            .iter()
            .any(|known| lower.contains(known));
        Self { name, software }
    }
}

/// The quality for a choice on an adapter (`None`: not known yet, taken as a real GPU).
#[must_use]
pub fn quality_for(
    choice: GraphicsChoice,
    adapter: Option<&AdapterKind>,
    env: Option<&str>,
) -> GraphicsQuality {
    match env.map(str::to_ascii_lowercase).as_deref() {
        Some("fast") => return GraphicsQuality::Fast,
        Some("full") => return GraphicsQuality::Full,
        _ => {}
    }
    match choice {
        GraphicsChoice::Full => GraphicsQuality::Full,
        GraphicsChoice::Fast => GraphicsQuality::Fast,
        GraphicsChoice::Automatic if adapter.is_some_and(|adapter| adapter.software) => {
            GraphicsQuality::Fast
        }
        GraphicsChoice::Automatic => GraphicsQuality::Full,
    }
}

/// Chooses the quality at start and whenever the preference changes; logs the adapter once.
pub(crate) fn choose_quality(
    preferences: Res<Preferences>,
    adapter: Option<Res<RenderAdapterInfo>>,
    mut quality: ResMut<GraphicsQuality>,
    mut known: Local<Option<AdapterKind>>,
) {
    if known.is_none()
        && let Some(adapter) = adapter.as_deref()
    {
        let kind = AdapterKind::of(adapter);
        info!(
            "graphics adapter: {} ({})",
            kind.name,
            if kind.software {
                "software"
            } else {
                "hardware"
            }
        );
        *known = Some(kind);
    } else if !preferences.is_changed() {
        return;
    }
    let env = std::env::var(GRAPHICS_ENV).ok();
    let wanted = quality_for(preferences.graphics, known.as_ref(), env.as_deref());
    quality.set_if_neq(wanted);
}

/// Puts the quality into effect on cameras (multisampling) and lights (shadows, fill light).
pub(crate) fn apply_quality(
    quality: Res<GraphicsQuality>,
    mut cameras: Query<(Entity, Option<&Msaa>), With<Camera>>,
    new_cameras: Query<(), Added<Camera>>,
    mut suns: Query<&mut DirectionalLight, (With<Sun>, Without<FillLight>)>,
    mut fills: Query<&mut Visibility, With<FillLight>>,
    mut ambient: ResMut<GlobalAmbientLight>,
    mut commands: Commands,
) {
    if !quality.is_changed() && new_cameras.is_empty() {
        return;
    }
    let fast = *quality == GraphicsQuality::Fast;
    let msaa = if fast { Msaa::Off } else { Msaa::Sample4 };
    for (camera, current) in &mut cameras {
        if current != Some(&msaa) {
            commands.entity(camera).insert(msaa);
        }
    }
    for mut sun in &mut suns {
        sun.shadow_maps_enabled = !fast;
    }
    for mut fill in &mut fills {
        *fill = if fast {
            Visibility::Hidden
        } else {
            Visibility::Inherited
        };
    }
    // Without the fill light the shaded sides would go dark: more even ambient light instead.
    ambient.brightness = if fast {
        crate::viewport::lights::AMBIENT_FAST
    } else {
        crate::viewport::lights::AMBIENT_FULL
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn software_adapters_get_the_fast_tier_unless_the_user_or_environment_says_otherwise() {
        let llvmpipe = AdapterKind {
            name: "llvmpipe (LLVM 19.1.7, 256 bits)".into(),
            software: true,
        };
        let gpu = AdapterKind {
            name: "NVIDIA H200".into(),
            software: false,
        };
        let auto = GraphicsChoice::Automatic;
        assert_eq!(
            quality_for(auto, Some(&llvmpipe), None),
            GraphicsQuality::Fast
        );
        assert_eq!(quality_for(auto, Some(&gpu), None), GraphicsQuality::Full);
        assert_eq!(quality_for(auto, None, None), GraphicsQuality::Full);
        assert_eq!(
            quality_for(GraphicsChoice::Full, Some(&llvmpipe), None),
            GraphicsQuality::Full
        );
        assert_eq!(
            quality_for(GraphicsChoice::Fast, Some(&gpu), None),
            GraphicsQuality::Fast
        );
        assert_eq!(
            quality_for(auto, Some(&gpu), Some("FAST")),
            GraphicsQuality::Fast
        );
        assert_eq!(
            quality_for(GraphicsChoice::Fast, Some(&llvmpipe), Some("full")),
            GraphicsQuality::Full
        );
    }
}
