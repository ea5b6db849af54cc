//! PNG pictures for quote documents (the dealer's logo, a picture of the design), checked when
//! they are read so that a broken file is reported with its path, not when the PDF is written.
//!
//! The header is read first and pictures larger than a logo or a design picture needs are
//! refused before any pixel is decoded; the check decodes row by row, so it needs memory for one
//! row, not for the whole picture.

use crate::storage::error::LoadError;
use crate::storage::ron_text::MAX_FILE_BYTES;
use std::io::Cursor;
use std::path::Path;
use std::sync::Arc;

/// Largest width or height accepted, in pixels: a 300 dpi print of a whole A4 page is about
/// 2,500 × 3,500; 8,000 leaves room for any camera picture.
pub const MAX_IMAGE_PIXELS: u32 = 8_000;

/// A decodable PNG file and its size in pixels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PngImage {
    /// The file's bytes.
    pub bytes: Arc<Vec<u8>>,
    /// Width in pixels.
    pub width_px: u32,
    /// Height in pixels.
    pub height_px: u32,
}

impl PngImage {
    /// Checks that bytes are a PNG that decodes completely.
    ///
    /// # Errors
    /// What is wrong with the picture, in words.
    pub fn from_bytes(bytes: Vec<u8>) -> Result<Self, String> {
        let decoder = png::Decoder::new(Cursor::new(bytes.as_slice()));
        let mut reader = decoder
            .read_info()
            .map_err(|error| format!("not a PNG picture ({error})"))?;
        let (width_px, height_px) = (reader.info().width, reader.info().height);
        if width_px > MAX_IMAGE_PIXELS || height_px > MAX_IMAGE_PIXELS {
            return Err(format!(
                "the picture is {width_px} × {height_px} pixels; at most {MAX_IMAGE_PIXELS} a side is accepted"
            ));
        }
        let damaged = |error: png::DecodingError| format!("the PNG picture is damaged ({error})");
        while reader.next_row().map_err(damaged)?.is_some() {}
        reader.finish().map_err(damaged)?;
        Ok(Self {
            bytes: Arc::new(bytes),
            width_px,
            height_px,
        })
    }

    /// Reads and checks a PNG file.
    ///
    /// # Errors
    /// An unreadable or oversized file, or one that is not a decodable PNG.
    pub fn load(path: &Path) -> Result<Self, LoadError> {
        let io = |source| LoadError::Io {
            path: path.to_owned(),
            source,
        };
        let size = std::fs::metadata(path).map_err(io)?.len();
        if size > MAX_FILE_BYTES {
            return Err(LoadError::at(
                path,
                1,
                1,
                format!("file is {size} bytes; pictures over {MAX_FILE_BYTES} bytes are refused"),
            ));
        }
        let bytes = std::fs::read(path).map_err(io)?;
        Self::from_bytes(bytes).map_err(|message| LoadError::at(path, 1, 1, message))
    }

    /// Width divided by height.
    #[must_use]
    pub fn aspect_ratio(&self) -> f32 {
        self.width_px.max(1) as f32 / self.height_px.max(1) as f32
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A small valid PNG of `width` × `height` grey pixels.
    pub(crate) fn tiny_png(width: u32, height: u32) -> Vec<u8> {
        let mut bytes = Vec::new();
        {
            let mut encoder = png::Encoder::new(&mut bytes, width, height);
            encoder.set_color(png::ColorType::Rgb);
            encoder.set_depth(png::BitDepth::Eight);
            let mut writer = encoder.write_header().unwrap();
            let pixels: Vec<u8> = (0..width * height * 3).map(|i| (i % 251) as u8).collect();
            writer.write_image_data(&pixels).unwrap();
        }
        bytes
    }

    #[test]
    fn a_png_is_accepted_and_anything_else_is_not() {
        let image = PngImage::from_bytes(tiny_png(4, 2)).unwrap();
        assert_eq!((image.width_px, image.height_px), (4, 2));
        assert!((image.aspect_ratio() - 2.0).abs() < 1e-6);
        let error = PngImage::from_bytes(b"GIF89a not a png".to_vec()).unwrap_err();
        assert!(error.starts_with("not a PNG picture"), "{error}");
        let mut cut = tiny_png(40, 40);
        cut.truncate(cut.len() / 2);
        assert!(PngImage::from_bytes(cut).is_err());
    }

    /// The header of a 16-bit RGBA picture of the given size, with a few bytes of pixel data:
    /// decoding it would need gigabytes and then fail as cut short.
    fn header_only_png(width: u32, height: u32) -> Vec<u8> {
        let mut bytes = Vec::new();
        {
            let mut encoder = png::Encoder::new(&mut bytes, width, height);
            encoder.set_color(png::ColorType::Rgba);
            encoder.set_depth(png::BitDepth::Sixteen);
            let mut writer = encoder.write_header().unwrap();
            writer
                .write_chunk(png::chunk::IDAT, &[0x78, 0x9c, 0x03, 0x00])
                .unwrap();
        }
        bytes
    }

    #[test]
    fn a_picture_bomb_is_refused_from_its_header_before_decoding() {
        let error = PngImage::from_bytes(header_only_png(12_000, 12_000)).unwrap_err();
        assert_eq!(
            error,
            "the picture is 12000 × 12000 pixels; at most 8000 a side is accepted"
        );
        let error = PngImage::from_bytes(header_only_png(8_000, 8_001)).unwrap_err();
        assert!(error.contains("8000 × 8001 pixels"), "{error}");
        // Within the limit, the same cut-short data is found damaged when decoded.
        let error = PngImage::from_bytes(header_only_png(64, 64)).unwrap_err();
        assert!(error.starts_with("the PNG picture is damaged"), "{error}");
    }

    #[test]
    fn a_picture_bomb_file_is_refused_with_its_location() {
        let path = std::env::temp_dir().join(format!("rp-bomb-{}.png", std::process::id()));
        std::fs::write(&path, header_only_png(12_000, 12_000)).unwrap();
        let error = PngImage::load(&path).unwrap_err().to_string();
        std::fs::remove_file(&path).unwrap();
        assert!(
            error.ends_with(
                ".png:1:1: the picture is 12000 × 12000 pixels; at most 8000 a side is accepted"
            ),
            "{error}"
        );
    }
}
