//! Importing customers' images: copied under fresh names, too-small ones refused, paths kept
//! inside the layout's folder.

use super::*;

fn folder(name: &str) -> PathBuf {
    let root = std::env::temp_dir().join(format!("rp-images-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(&root).unwrap();
    root
}

fn write_png(path: &Path, width: u32, height: u32) {
    let picture = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 128])
    });
    picture.save(path).unwrap();
}

fn print() -> ImageSpec {
    ImageSpec {
        min_px: (300, 200),
        aspect: (3, 2),
        aspect_tolerance_percent: 5,
    }
}

#[test]
fn a_good_image_is_copied_beside_the_layout_under_a_fresh_name() {
    let root = folder("good");
    let source = root.join("Our Photo.png");
    write_png(&source, 300, 200);
    let layout_folder = root.join("saves");
    let first = import_image(&layout_folder, &source, &print()).unwrap();
    let second = import_image(&layout_folder, &source, &print()).unwrap();
    assert_eq!(first, "images/Our-Photo.png");
    assert_eq!(second, "images/Our-Photo-2.png");
    assert_eq!(
        check_layout_image(&layout_folder, &second, &print()),
        Ok((300, 200))
    );
}

#[test]
fn a_too_small_image_is_refused_with_its_size_and_nothing_is_copied() {
    let root = folder("small");
    let source = root.join("small.png");
    write_png(&source, 150, 100);
    let layout_folder = root.join("saves");
    let error = import_image(&layout_folder, &source, &print()).unwrap_err();
    assert_eq!(
        error.to_string(),
        "the image is 150 × 100 pixels; the print needs at least 300 × 200"
    );
    assert!(!layout_folder.join(IMAGES_FOLDER).exists());
    let text = root.join("notes.png");
    std::fs::write(&text, "not a picture").unwrap();
    assert!(matches!(
        import_image(&layout_folder, &text, &print()),
        Err(ImageFileError::NotPicture(_))
    ));
}

#[test]
fn layout_image_paths_stay_in_the_images_folder() {
    assert_eq!(check_image_path("images/a.jpg"), Ok(()));
    assert_eq!(check_image_path("images/b.JPEG"), Ok(()));
    for bad in [
        "a.png",
        "images/../a.png",
        "/tmp/a.png",
        "images/sub/a.png",
        "images/a.gif",
        "images/.png",
    ] {
        assert!(check_image_path(bad).is_err(), "{bad}");
    }
    let root = folder("missing");
    assert!(matches!(
        check_layout_image(&root, "images/gone.png", &print()),
        Err(ImageFileError::Unreadable { .. })
    ));
}
