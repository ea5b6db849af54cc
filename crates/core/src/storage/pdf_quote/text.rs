//! Fitting text into widths: greedy word wrapping (words too long for a line are broken between
//! characters) and shortening a single line with an ellipsis.

use super::page::Style;
use crate::storage::fonts::Fonts;

/// Lines of `text` no wider than `width` points; newlines start new lines.
pub(super) fn wrap(fonts: &Fonts, style: Style, text: &str, width: f32) -> Vec<String> {
    let measure = |part: &str| fonts.width(style.font, style.size, part);
    let space = measure(" ");
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut line_width = 0.0;
        for word in paragraph.split(' ').filter(|word| !word.is_empty()) {
            let word_width = measure(word);
            let needed = if line.is_empty() {
                word_width
            } else {
                line_width + space + word_width
            };
            if needed <= width {
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(word);
                line_width = needed;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            line_width = 0.0;
            for c in word.chars() {
                let c_width = measure(c.encode_utf8(&mut [0; 4]));
                if line_width + c_width > width && !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                    line_width = 0.0;
                }
                line.push(c);
                line_width += c_width;
            }
        }
        lines.push(line);
    }
    lines
}

/// `text` on one line no wider than `width`, shortened with `…` when needed.
pub(super) fn fit(fonts: &Fonts, style: Style, text: &str, width: f32) -> String {
    let measure = |part: &str| fonts.width(style.font, style.size, part);
    if measure(text) <= width {
        return text.to_owned();
    }
    let budget = width - measure("…");
    let mut shortened = String::new();
    let mut used = 0.0;
    for c in text.chars() {
        let c_width = measure(c.encode_utf8(&mut [0; 4]));
        if used + c_width > budget {
            break;
        }
        shortened.push(c);
        used += c_width;
    }
    let mut shortened = shortened.trim_end().to_owned();
    shortened.push('…');
    shortened
}

#[cfg(test)]
mod tests {
    use super::super::page::theme;
    use super::*;
    use crate::storage::fonts::FontKind;

    const STYLE: Style = Style::new(FontKind::Regular, 10.0, theme::INK);

    #[test]
    fn wrapped_lines_fit_and_keep_every_word() {
        let fonts = Fonts::new().unwrap();
        let text = "Width: 2200 mm, Fabric: Forest velvet, Chaise: Left, Frame: Oiled oak";
        let lines = wrap(&fonts, STYLE, text, 90.0);
        assert!(lines.len() > 2);
        assert!(
            lines
                .iter()
                .all(|line| fonts.width(FontKind::Regular, 10.0, line) <= 90.0)
        );
        assert_eq!(lines.join(" "), text);
        let long = wrap(&fonts, STYLE, "KIT-BASE-600-WHITE-OAK-HANDLE-LEFT", 40.0);
        assert!(long.len() > 2 && long.concat() == "KIT-BASE-600-WHITE-OAK-HANDLE-LEFT");
        assert_eq!(wrap(&fonts, STYLE, "a\nb", 100.0), ["a", "b"]);
    }

    #[test]
    fn fitted_text_is_shortened_with_an_ellipsis() {
        let fonts = Fonts::new().unwrap();
        assert_eq!(fit(&fonts, STYLE, "Sofa", 100.0), "Sofa");
        let short = fit(&fonts, STYLE, "Oslo modular sofa with chaise", 50.0);
        assert!(short.ends_with('…') && fonts.width(FontKind::Regular, 10.0, &short) <= 50.0);
    }
}
