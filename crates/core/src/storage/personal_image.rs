//! Customers' images for `Image` personalizations: kept in an `images/` folder beside the layout
//! file (copied there under a fresh name when chosen, so the layout and its folder travel
//! together), named in the layout by a path relative to the layout's folder, read back with
//! their pixel size checked against the print.

use crate::domain::catalog::{ImageProblem, ImageSpec, is_layout_image_path};
use crate::domain::pricing::quote::Quote;
use crate::storage::inside_folder::resolve_inside;
use crate::storage::png_image::PngImage;
use std::path::{Path, PathBuf};
use thiserror::Error;

/// The folder beside the layout that holds its images.
pub const IMAGES_FOLDER: &str = "images";

/// Largest image file accepted.
const MAX_IMAGE_BYTES: u64 = 50 * 1024 * 1024;

/// Why an image cannot be used.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum ImageFileError {
    /// Not `images/<name>.png|.jpg|.jpeg` relative to the layout.
    #[error("`{0}` is not a PNG or JPEG file in the layout's images/ folder")]
    BadPath(String),
    /// Missing or unreadable.
    #[error("`{path}` cannot be read: {reason}")]
    Unreadable {
        /// The file.
        path: String,
        /// Why.
        reason: String,
    },
    /// Not a PNG or JPEG picture.
    #[error("`{0}` is not a PNG or JPEG picture")]
    NotPicture(String),
    /// Too large a file.
    #[error("`{0}` is larger than 50 MB")]
    TooLarge(String),
    /// Too few pixels or the wrong shape for the print.
    #[error("{0}")]
    Refused(ImageProblem),
}

/// Checks that a layout's image path is `images/<file>.png|.jpg|.jpeg` with nothing climbing out.
///
/// # Errors
/// Any other path.
pub fn check_image_path(file: &str) -> Result<(), ImageFileError> {
    if is_layout_image_path(file) {
        Ok(())
    } else {
        Err(ImageFileError::BadPath(file.to_owned()))
    }
}

/// The pixel size of a PNG or JPEG file.
///
/// # Errors
/// Unreadable, too large, or not a PNG/JPEG picture.
pub fn image_size(path: &Path) -> Result<(u32, u32), ImageFileError> {
    let shown = path.display().to_string();
    let unreadable = |error: std::io::Error| ImageFileError::Unreadable {
        path: shown.clone(),
        reason: error.to_string(),
    };
    let length = std::fs::metadata(path).map_err(unreadable)?.len();
    if length > MAX_IMAGE_BYTES {
        return Err(ImageFileError::TooLarge(shown));
    }
    let reader = image::ImageReader::open(path)
        .map_err(unreadable)?
        .with_guessed_format()
        .map_err(unreadable)?;
    match reader.format() {
        Some(image::ImageFormat::Png | image::ImageFormat::Jpeg) => {}
        _ => return Err(ImageFileError::NotPicture(shown)),
    }
    reader
        .into_dimensions()
        .map_err(|_| ImageFileError::NotPicture(shown))
}

/// Where a layout's image lies on disk (inside the layout's folder, links followed).
///
/// # Errors
/// A bad path or a file that is missing or leads out of the folder.
pub fn locate_image(layout_folder: &Path, file: &str) -> Result<PathBuf, ImageFileError> {
    check_image_path(file)?;
    resolve_inside(layout_folder, Path::new(file)).map_err(|error| ImageFileError::Unreadable {
        path: file.to_owned(),
        reason: error.to_string(),
    })
}

/// Reads a layout's image and checks it against the print: its pixel size when it fits.
///
/// # Errors
/// As [`locate_image`] and [`image_size`], or too small / wrong shape for the print.
pub fn check_layout_image(
    layout_folder: &Path,
    file: &str,
    spec: &ImageSpec,
) -> Result<(u32, u32), ImageFileError> {
    let path = locate_image(layout_folder, file)?;
    let size = image_size(&path)?;
    spec.check(size).map_err(ImageFileError::Refused)?;
    Ok(size)
}

/// Checks a customer's image against the print and copies it into the `images/` folder beside
/// the layout under a name not yet used there (its own name, with `-2`, `-3`… added when taken).
/// Returns the path to store in the layout, relative to the layout's folder.
///
/// # Errors
/// Unreadable, not PNG/JPEG, too small or the wrong shape (nothing is copied then), or the
/// folder cannot be written.
pub fn import_image(
    layout_folder: &Path,
    source: &Path,
    spec: &ImageSpec,
) -> Result<String, ImageFileError> {
    let size = image_size(source)?;
    spec.check(size).map_err(ImageFileError::Refused)?;
    let extension = match image::ImageFormat::from_path(source) {
        Ok(image::ImageFormat::Jpeg) => "jpg",
        Ok(image::ImageFormat::Png) => "png",
        // The content was read as PNG or JPEG above; name it after what it is.
        _ => match image::ImageReader::open(source)
            .ok()
            .and_then(|reader| reader.with_guessed_format().ok())
            .and_then(|reader| reader.format())
        {
            Some(image::ImageFormat::Jpeg) => "jpg",
            _ => "png",
        },
    };
    let stem: String = source
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .take(60)
        .collect();
    let stem = if stem.is_empty() {
        "image".to_owned()
    } else {
        stem
    };
    let folder = layout_folder.join(IMAGES_FOLDER);
    let write_error = |error: std::io::Error| ImageFileError::Unreadable {
        path: folder.display().to_string(),
        reason: error.to_string(),
    };
    std::fs::create_dir_all(&folder).map_err(write_error)?;
    let name = (1..)
        .map(|n| {
            if n == 1 {
                format!("{stem}.{extension}")
            } else {
                format!("{stem}-{n}.{extension}")
            }
        })
        .find(|name| !folder.join(name).exists())
        .unwrap_or_else(|| format!("{stem}.{extension}"));
    std::fs::copy(source, folder.join(&name)).map_err(write_error)?;
    Ok(format!("{IMAGES_FOLDER}/{name}"))
}

/// Longest side of a quote thumbnail, in pixels (about 200 dpi at its printed size).
const THUMBNAIL_PX: u32 = 320;

/// A small PNG of a layout's image, for the quote.
///
/// # Errors
/// As [`locate_image`], or a picture that does not decode.
pub fn thumbnail(layout_folder: &Path, file: &str) -> Result<PngImage, ImageFileError> {
    let path = locate_image(layout_folder, file)?;
    image_size(&path)?;
    let not_picture = || ImageFileError::NotPicture(file.to_owned());
    let picture = image::ImageReader::open(&path)
        .map_err(|error| ImageFileError::Unreadable {
            path: file.to_owned(),
            reason: error.to_string(),
        })?
        .with_guessed_format()
        .map_err(|_| not_picture())?
        .decode()
        .map_err(|_| not_picture())?
        .thumbnail(THUMBNAIL_PX, THUMBNAIL_PX)
        .to_rgb8();
    let mut bytes = Vec::new();
    picture
        .write_to(
            &mut std::io::Cursor::new(&mut bytes),
            image::ImageFormat::Png,
        )
        .map_err(|_| not_picture())?;
    PngImage::from_bytes(bytes).map_err(|_| not_picture())
}

/// Thumbnails of every image the quote's lines print, by layout path; an image that cannot be
/// read is left out (the layout's warnings already name it) and its line prints its name only.
#[must_use]
pub fn line_thumbnails(layout_folder: &Path, quote: &Quote) -> Vec<(String, PngImage)> {
    let mut thumbnails: Vec<(String, PngImage)> = Vec::new();
    for file in quote.lines.iter().flat_map(|line| &line.images) {
        if thumbnails.iter().any(|(known, _)| known == file) {
            continue;
        }
        if let Ok(picture) = thumbnail(layout_folder, file) {
            thumbnails.push((file.clone(), picture));
        }
    }
    thumbnails
}

#[cfg(test)]
mod tests;
