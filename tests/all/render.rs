//! `room-planner render` on the showroom: a PNG of the asked size that is a real picture.
//! Needs a graphics adapter (software Vulkan is enough), so it runs when
//! `ROOM_PLANNER_RENDER_TESTS=1`, as `.ci/run` sets after installing Mesa's Vulkan driver.

use crate::support::room_planner;

fn enabled() -> bool {
    std::env::var("ROOM_PLANNER_RENDER_TESTS").is_ok_and(|value| value == "1")
}

/// Distinct colours in a sample of the picture: a blank or single-colour image has one or two.
fn distinct_colours(image: &image::RgbImage) -> usize {
    let mut seen = std::collections::BTreeSet::new();
    for (x, y, pixel) in image.enumerate_pixels() {
        if x % 7 == 0 && y % 7 == 0 {
            seen.insert(pixel.0);
        }
    }
    seen.len()
}

#[test]
fn render_draws_the_showroom_in_3d_and_in_plan() {
    if !enabled() {
        eprintln!(
            "render test not run: set ROOM_PLANNER_RENDER_TESTS=1 on a machine with a Vulkan driver"
        );
        return;
    }
    let folder = std::env::temp_dir().join(format!("room-planner-render-{}", std::process::id()));
    std::fs::create_dir_all(&folder).expect("temp folder");
    for view in ["3d", "plan"] {
        let path = folder.join(format!("showroom-{view}.png"));
        let path_text = path.to_str().expect("utf-8 path");
        let run = room_planner(&[
            "render",
            "saves/showroom.ron",
            "-o",
            path_text,
            "--view",
            view,
            "--size",
            "800x450",
        ]);
        assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
        let picture = image::open(&path).expect("a PNG").to_rgb8();
        assert_eq!((picture.width(), picture.height()), (800, 450));
        let colours = distinct_colours(&picture);
        assert!(
            colours > 50,
            "{view}: only {colours} colours: blank picture?"
        );
    }
    std::fs::remove_dir_all(&folder).expect("cleanup");
}

/// The pixels drawn in the plan's wall colour: their bounding box, as shares of the picture's
/// width and height.
fn wall_span(picture: &image::RgbImage) -> (f64, f64) {
    let wall = [52u8, 56, 62];
    let (mut low, mut high) = ((u32::MAX, u32::MAX), (0, 0));
    for (x, y, pixel) in picture.enumerate_pixels() {
        if pixel.0 == wall {
            low = (low.0.min(x), low.1.min(y));
            high = (high.0.max(x), high.1.max(y));
        }
    }
    (
        f64::from(high.0.saturating_sub(low.0)) / f64::from(picture.width()),
        f64::from(high.1.saturating_sub(low.1)) / f64::from(picture.height()),
    )
}

#[test]
fn the_plan_render_needs_no_adapter_and_fills_the_picture_with_a_margin() {
    let folder = std::env::temp_dir().join(format!("room-planner-plan-{}", std::process::id()));
    std::fs::create_dir_all(&folder).expect("temp folder");
    for layout in ["kitchen", "showroom", "problems"] {
        let path = folder.join(format!("{layout}-plan.png"));
        let path_text = path.to_str().expect("utf-8 path");
        let source = format!("saves/{layout}.ron");
        let run = room_planner(&["render", &source, "-o", path_text, "--view", "plan"]);
        assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
        let picture = image::open(&path).expect("a PNG").to_rgb8();
        assert_eq!((picture.width(), picture.height()), (1600, 900));
        let (across, down) = wall_span(&picture);
        assert!(
            across.max(down) >= 0.8 && across < 1.0 && down < 1.0,
            "{layout}: the walls span {across:.2} × {down:.2} of the picture"
        );
    }
    std::fs::remove_dir_all(&folder).expect("cleanup");
}
