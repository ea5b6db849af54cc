//! The PNG plan of every shipped layout: fitted with a margin (the layout's walls and products
//! span at least 80 % of the picture's width or height), walls drawn dark, text drawn.

use super::*;
use crate::domain::catalog::CatalogSet;
use crate::domain::drawing::plan_drawing::plan_drawing;
use crate::domain::measured::PlanContext;
use crate::storage::catalog::load_catalog_folder;
use crate::storage::layout_open::open_layout;
use std::collections::BTreeMap;
use std::path::Path;

fn shipped_drawing(name: &str) -> PlanDrawing {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let (catalogs, errors) = load_catalog_folder(&root.join("catalogs"));
    assert!(errors.is_empty(), "{errors:?}");
    let catalogs = CatalogSet { catalogs };
    let layout = open_layout(&root.join("saves").join(name), &catalogs)
        .expect("a shipped layout opens")
        .layout;
    plan_drawing(
        &layout,
        &PlanContext::new(&layout, &catalogs),
        &BTreeMap::new(),
    )
}

#[test]
fn every_shipped_plan_fills_its_picture_with_a_margin() {
    let none = BTreeSet::new();
    let options = PictureOptions {
        unit: LengthUnit::Millimetres,
        selected: None,
        violating: &none,
    };
    for name in [
        "kitchen.ron",
        "problems.ron",
        "showroom.ron",
        "l-shaped-room.ron",
    ] {
        let drawing = shipped_drawing(name);
        for size in [(1600, 900), (1200, 900)] {
            let picture = plan_picture(&drawing, size, &options).expect("drawn");
            let corners: Vec<Coord<f64>> = drawing
                .walls
                .iter()
                .flatten()
                .chain(drawing.products.iter().flat_map(|mark| mark.corners.iter()))
                .copied()
                .collect();
            let (low, high) = extent(corners.iter()).expect("walls");
            let (left, top) = picture.pixel_of(Coord {
                x: low.x,
                y: high.y,
            });
            let (right, bottom) = picture.pixel_of(Coord {
                x: high.x,
                y: low.y,
            });
            let share =
                ((right - left) / f64::from(size.0)).max((bottom - top) / f64::from(size.1));
            assert!(share >= 0.8, "{name} {size:?}: the layout spans {share:.2}");
            assert!(
                left >= 0.0
                    && top >= 0.0
                    && right <= f64::from(size.0)
                    && bottom <= f64::from(size.1)
            );
            // A wall's middle is drawn in the wall colour.
            let wall = drawing.walls[0];
            let middle = (wall[0] + wall[1] + wall[2] + wall[3]) / 4.0;
            let (x, y) = picture.pixel_of(middle);
            assert_eq!(
                picture.pixel(x as u32, y as u32),
                Some(Palette::PRINT.wall),
                "{name}"
            );
            let png = picture.png().expect("encoded");
            assert!(png.starts_with(b"\x89PNG"));
        }
    }
}

#[test]
fn text_is_drawn_from_the_font_outlines_umlauts_included() {
    let fonts = Fonts::new().expect("fonts");
    for text in ["Kök", "Gäste-WC 12,5 m²", "60 × 60"] {
        let path = text_path(&fonts, FontKind::Regular, text, 20.0).expect("outlines");
        let bounds = path.bounds();
        let width = fonts.width(FontKind::Regular, 20.0, text);
        assert!(
            bounds.width() > width * 0.8 && bounds.width() <= width + 1.0,
            "{text}"
        );
        // Umlaut dots and the ² reach above a lower-case letter.
        assert!(bounds.top() < -0.36 * 20.0 + 20.0 * 0.0, "{text}");
    }
}
