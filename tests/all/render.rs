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
