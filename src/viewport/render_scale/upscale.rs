//! The render side of a reduced render scale: the main 3D pass drawn at a smaller size (Bevy's
//! `MainPassResolutionOverride`, which leaves it in the top-left corner of the viewport) and a
//! pass over the viewport only (scissored) that stretches it back with bilinear filtering before
//! the picture reaches the window (`upscale.wgsl`). The egui panels are drawn afterwards, at full
//! size.

use bevy::asset::io::embedded::EmbeddedAssetRegistry;
use bevy::asset::{embedded_asset, load_embedded_asset};
use bevy::camera::MainPassResolutionOverride;
use bevy::core_pipeline::FullscreenShader;
use bevy::core_pipeline::schedule::{Core3d, Core3dSystems};
use bevy::core_pipeline::tonemapping::tonemapping;
use bevy::ecs::query::QueryItem;
use bevy::prelude::*;
use bevy::render::camera::ExtractedCamera;
use bevy::render::diagnostic::RecordDiagnostics;
use bevy::render::extract_component::{ExtractComponent, ExtractComponentPlugin};
use bevy::render::render_resource::binding_types::{sampler, texture_2d, uniform_buffer_sized};
use bevy::render::render_resource::{
    BindGroupEntries, BindGroupLayoutDescriptor, BindGroupLayoutEntries, BufferInitDescriptor,
    BufferUsages, CachedRenderPipelineId, ColorTargetState, ColorWrites, FilterMode, FragmentState,
    Operations, PipelineCache, RenderPassColorAttachment, RenderPassDescriptor,
    RenderPipelineDescriptor, Sampler, SamplerBindingType, SamplerDescriptor, ShaderStages,
    SpecializedRenderPipeline, SpecializedRenderPipelines, TextureFormat, TextureSampleType,
};
use bevy::render::renderer::{RenderContext, RenderDevice, ViewQuery};
use bevy::render::sync_component::SyncComponent;
use bevy::render::view::{ExtractedView, ViewTarget};
use bevy::render::{Render, RenderApp, RenderStartup, RenderSystems};
use bevy::shader::Shader;
use std::num::NonZeroU64;

/// Bytes of the shader's `Upscale` uniform: three `vec4<f32>`.
const UNIFORM_BYTES: u64 = 48;

/// On the main camera while its main pass is drawn at `reduced` physical pixels: stretched back
/// over the camera's viewport.
#[derive(Component, Clone, Copy, Debug, PartialEq, Eq)]
pub struct Upscale {
    /// The size the main pass is drawn at (at most the viewport's).
    pub reduced: UVec2,
}

impl SyncComponent for Upscale {
    type Target = (Upscale, MainPassResolutionOverride);
}

impl ExtractComponent for Upscale {
    type QueryData = &'static Self;
    type QueryFilter = With<Camera>;
    type Out = (Upscale, MainPassResolutionOverride);

    fn extract_component(item: QueryItem<'_, '_, Self::QueryData>) -> Option<Self::Out> {
        Some((*item, MainPassResolutionOverride(item.reduced)))
    }
}

/// The shader's uniform for a viewport at `position` of `size` pixels drawn at `reduced` in a
/// texture of `texture` pixels: the viewport origin and the scale, the reduced picture's texel
/// centres at its edges (so filtering never reads outside it), and the texel size.
#[must_use]
pub fn uniform(position: UVec2, size: UVec2, reduced: UVec2, texture: UVec2) -> [f32; 12] {
    let origin = position.as_vec2();
    let ratio = reduced.as_vec2() / size.max(UVec2::ONE).as_vec2();
    let first = origin + 0.5;
    let last = origin + reduced.max(UVec2::ONE).as_vec2() - 0.5;
    let texel = Vec2::ONE / texture.max(UVec2::ONE).as_vec2();
    [
        origin.x, origin.y, ratio.x, ratio.y, first.x, first.y, last.x, last.y, texel.x, texel.y,
        0.0, 0.0,
    ]
}

/// Registers the shader and the render-world side (only in apps that render to a window).
pub(super) fn plugin(app: &mut App) {
    if app.get_sub_app(RenderApp).is_none()
        || !app.world().contains_resource::<EmbeddedAssetRegistry>()
    {
        return;
    }
    embedded_asset!(app, "upscale.wgsl");
    app.add_plugins(ExtractComponentPlugin::<Upscale>::default());
    let Some(render_app) = app.get_sub_app_mut(RenderApp) else {
        return;
    };
    render_app
        .init_resource::<SpecializedRenderPipelines<UpscalePipeline>>()
        .add_systems(RenderStartup, init_pipeline)
        .add_systems(Render, prepare_pipelines.in_set(RenderSystems::Prepare))
        .add_systems(
            Core3d,
            upscale
                .in_set(Core3dSystems::PostProcess)
                .before(tonemapping),
        );
}

/// The stretch pipeline's parts.
#[derive(Resource)]
struct UpscalePipeline {
    layout: BindGroupLayoutDescriptor,
    sampler: Sampler,
    fullscreen: FullscreenShader,
    shader: Handle<Shader>,
}

fn init_pipeline(
    mut commands: Commands,
    device: Res<RenderDevice>,
    fullscreen: Res<FullscreenShader>,
    assets: Res<AssetServer>,
) {
    let layout = BindGroupLayoutDescriptor::new(
        "upscale_bind_group_layout",
        &BindGroupLayoutEntries::sequential(
            ShaderStages::FRAGMENT,
            (
                texture_2d(TextureSampleType::Float { filterable: true }),
                sampler(SamplerBindingType::Filtering),
                uniform_buffer_sized(false, NonZeroU64::new(UNIFORM_BYTES)),
            ),
        ),
    );
    let sampler = device.create_sampler(&SamplerDescriptor {
        label: Some("upscale_sampler"),
        mag_filter: FilterMode::Linear,
        min_filter: FilterMode::Linear,
        ..default()
    });
    commands.insert_resource(UpscalePipeline {
        layout,
        sampler,
        fullscreen: fullscreen.clone(),
        shader: load_embedded_asset!(assets.as_ref(), "upscale.wgsl"),
    });
}

impl SpecializedRenderPipeline for UpscalePipeline {
    type Key = TextureFormat;

    fn specialize(&self, format: TextureFormat) -> RenderPipelineDescriptor {
        RenderPipelineDescriptor {
            label: Some("upscale".into()),
            layout: vec![self.layout.clone()],
            vertex: self.fullscreen.to_vertex_state(),
            fragment: Some(FragmentState {
                shader: self.shader.clone(),
                targets: vec![Some(ColorTargetState {
                    format,
                    blend: None,
                    write_mask: ColorWrites::ALL,
                })],
                ..default()
            }),
            ..default()
        }
    }
}

/// The pipeline of a view being upscaled.
#[derive(Component)]
struct ViewUpscalePipeline(CachedRenderPipelineId);

/// Prepares the stretch pipeline for every 3D view, stretched or not, so that its shader is
/// compiled while the window loads rather than in the first moving frame.
fn prepare_pipelines(
    mut commands: Commands,
    cache: Res<PipelineCache>,
    mut pipelines: ResMut<SpecializedRenderPipelines<UpscalePipeline>>,
    pipeline: Option<Res<UpscalePipeline>>,
    views: Query<(Entity, &ExtractedView, Option<&ViewUpscalePipeline>), With<ExtractedCamera>>,
) {
    let Some(pipeline) = pipeline else {
        return;
    };
    for (entity, view, current) in &views {
        let id = pipelines.specialize(&cache, &pipeline, view.target_format);
        if current.is_none_or(|current| current.0 != id) {
            commands.entity(entity).insert(ViewUpscalePipeline(id));
        }
    }
}

/// Stretches the reduced picture over the viewport (the rest of the texture is left alone).
fn upscale(
    view: ViewQuery<(
        &ViewTarget,
        &ExtractedCamera,
        &Upscale,
        &ViewUpscalePipeline,
    )>,
    upscale_pipeline: Res<UpscalePipeline>,
    cache: Res<PipelineCache>,
    mut ctx: RenderContext,
) {
    let (target, camera, stretch, pipeline_id) = view.into_inner();
    let Some(pipeline) = cache.get_render_pipeline(pipeline_id.0) else {
        return;
    };
    let (position, size) = camera.viewport.as_ref().map_or(
        (
            UVec2::ZERO,
            camera.physical_target_size.unwrap_or(UVec2::ONE),
        ),
        |viewport| (viewport.physical_position, viewport.physical_size),
    );
    let written = target.post_process_write();
    let texture = written.source_texture.size();
    let values = uniform(
        position,
        size,
        stretch.reduced,
        UVec2::new(texture.width, texture.height),
    );
    let bytes: Vec<u8> = values
        .iter()
        .flat_map(|value| value.to_le_bytes())
        .collect();
    let device = ctx.render_device().clone();
    let buffer = device.create_buffer_with_data(&BufferInitDescriptor {
        label: Some("upscale_uniform"),
        contents: &bytes,
        usage: BufferUsages::UNIFORM,
    });
    let bind_group = device.create_bind_group(
        "upscale_bind_group",
        &cache.get_bind_group_layout(&upscale_pipeline.layout),
        &BindGroupEntries::sequential((
            written.source,
            &upscale_pipeline.sampler,
            buffer.as_entire_binding(),
        )),
    );
    let diagnostics = ctx.diagnostic_recorder();
    let diagnostics = diagnostics.as_deref();
    let time_span = diagnostics.time_span(ctx.command_encoder(), "upscale_reduced_3d_view");
    {
        let mut pass = ctx
            .command_encoder()
            .begin_render_pass(&RenderPassDescriptor {
                label: Some("upscale_reduced_3d_view"),
                color_attachments: &[Some(RenderPassColorAttachment {
                    view: written.destination,
                    depth_slice: None,
                    resolve_target: None,
                    ops: Operations::default(),
                })],
                depth_stencil_attachment: None,
                timestamp_writes: None,
                occlusion_query_set: None,
                multiview_mask: None,
            });
        // A viewport reaching past the texture (a resize under way) is cut to it.
        let limit = UVec2::new(texture.width, texture.height).max(UVec2::ONE);
        let corner = position.min(limit - UVec2::ONE);
        let extent = size.min(limit - corner).max(UVec2::ONE);
        pass.set_scissor_rect(corner.x, corner.y, extent.x, extent.y);
        pass.set_pipeline(pipeline);
        pass.set_bind_group(0, &bind_group, &[]);
        pass.draw(0..3, 0..1);
    }
    time_span.end(ctx.command_encoder());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stretch_maps_the_viewport_onto_the_reduced_corner() {
        let values = uniform(
            UVec2::new(360, 40),
            UVec2::new(1240, 860),
            UVec2::new(620, 430),
            UVec2::new(1600, 900),
        );
        assert_eq!(values[..4], [360.0, 40.0, 0.5, 0.5]);
        assert_eq!(values[4..8], [360.5, 40.5, 979.5, 469.5]);
        assert_eq!(values[8..10], [1.0 / 1600.0, 1.0 / 900.0]);
    }
}
