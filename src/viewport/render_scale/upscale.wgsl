// Stretches the 3D view drawn at a reduced size (in the top-left part of its viewport) over the
// whole viewport with bilinear filtering: the render scale of a software renderer while the view
// moves. The pass is scissored to the viewport.

#import bevy_core_pipeline::fullscreen_vertex_shader::FullscreenVertexOutput

struct Upscale {
    // xy: the viewport's top-left pixel; zw: reduced size / viewport size.
    region: vec4<f32>,
    // The centres of the reduced picture's first (xy) and last (zw) texels, in pixels.
    limits: vec4<f32>,
    // xy: the size of one texel in texture coordinates.
    texel: vec4<f32>,
}

@group(0) @binding(0) var source: texture_2d<f32>;
@group(0) @binding(1) var source_sampler: sampler;
@group(0) @binding(2) var<uniform> upscale: Upscale;

@fragment
fn fragment(in: FullscreenVertexOutput) -> @location(0) vec4<f32> {
    let at = upscale.region.xy + (in.position.xy - upscale.region.xy) * upscale.region.zw;
    let inside = clamp(at, upscale.limits.xy, upscale.limits.zw);
    return textureSampleLevel(source, source_sampler, inside * upscale.texel.xy, 0.0);
}
