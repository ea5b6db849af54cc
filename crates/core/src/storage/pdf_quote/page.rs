//! The page model: A4 pages as lists of drawing operations in points (origin top left, y down),
//! blocks that are measured before they are placed, and the flow that starts a new page when a
//! block does not fit, so no block (a table row, the totals) is ever split.

use crate::storage::fonts::{FontKind, Fonts};

/// A4 width in points.
pub(super) const PAGE_WIDTH: f32 = 595.28;
/// A4 height in points.
pub(super) const PAGE_HEIGHT: f32 = 841.89;
/// Left and right margin.
pub(super) const MARGIN_X: f32 = 48.0;
/// Top of the content area.
pub(super) const CONTENT_TOP: f32 = 44.0;
/// Bottom of the content area; the footer sits below it.
pub(super) const CONTENT_BOTTOM: f32 = PAGE_HEIGHT - 58.0;
/// Left edge of the content.
pub(super) const LEFT: f32 = MARGIN_X;
/// Right edge of the content.
pub(super) const RIGHT: f32 = PAGE_WIDTH - MARGIN_X;
/// Width of the content.
pub(super) const CONTENT_WIDTH: f32 = RIGHT - LEFT;

/// A colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Rgb(pub u8, pub u8, pub u8);

/// The document's colours, in one place.
pub(super) mod theme {
    use super::Rgb;
    /// Body text.
    pub const INK: Rgb = Rgb(33, 37, 41);
    /// Secondary text: labels, options, footers.
    pub const MUTED: Rgb = Rgb(100, 108, 117);
    /// Rules and table lines.
    pub const RULE: Rgb = Rgb(200, 206, 212);
    /// Headings and the dealer name.
    pub const ACCENT: Rgb = Rgb(28, 72, 112);
    /// Every other table row.
    pub const STRIPE: Rgb = Rgb(244, 246, 249);
    /// The notice box background.
    pub const NOTICE_FILL: Rgb = Rgb(253, 240, 237);
    /// The notice box bar and title.
    pub const NOTICE_INK: Rgb = Rgb(168, 42, 30);
    /// Paper.
    pub const WHITE: Rgb = Rgb(255, 255, 255);
}

/// How a line is stroked.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Pen {
    /// Colour.
    pub colour: Rgb,
    /// Width in points.
    pub width: f32,
    /// Dashed instead of solid.
    pub dashed: bool,
}

impl Pen {
    /// A solid line.
    pub(super) fn solid(colour: Rgb, width: f32) -> Self {
        Self {
            colour,
            width,
            dashed: false,
        }
    }

    /// A dashed line.
    pub(super) fn dashed(colour: Rgb, width: f32) -> Self {
        Self {
            colour,
            width,
            dashed: true,
        }
    }
}

/// Which picture an image operation shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ImageSlot {
    /// The dealer's logo.
    Logo,
    /// The picture of the design.
    Design,
    /// The nth of the document's other pictures (a customer's image on the production sheet).
    Attached(usize),
    /// A customer's printed image on a quote line: the index in [`QuotePictures::thumbnails`](super::QuotePictures).
    Thumbnail(usize),
}

/// One drawing operation.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Op {
    /// A line of text; `x`, `y` is the start of its baseline.
    Text {
        /// Left end of the baseline.
        x: f32,
        /// Baseline.
        y: f32,
        /// The text (one line).
        text: String,
        /// Face.
        font: FontKind,
        /// Size in points.
        size: f32,
        /// Colour.
        colour: Rgb,
        /// Turned anticlockwise by this many degrees about its start.
        angle_deg: f32,
    },
    /// A polygon or polyline.
    Shape {
        /// Corners.
        points: Vec<(f32, f32)>,
        /// Joined back to the first point.
        closed: bool,
        /// Fill colour (closed shapes).
        fill: Option<Rgb>,
        /// Outline.
        pen: Option<Pen>,
    },
    /// A picture fitted into a box.
    Image {
        /// Which picture.
        slot: ImageSlot,
        /// Left.
        x: f32,
        /// Top.
        y: f32,
        /// Width.
        width: f32,
        /// Height.
        height: f32,
    },
}

impl Op {
    fn moved_down(mut self, dy: f32) -> Self {
        match &mut self {
            Op::Text { y, .. } | Op::Image { y, .. } => *y += dy,
            Op::Shape { points, .. } => {
                for point in points {
                    point.1 += dy;
                }
            }
        }
        self
    }
}

/// Text alignment within a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Align {
    /// From the left edge.
    Left,
    /// To the right edge.
    Right,
    /// About the centre.
    Centre,
}

/// A style of text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Style {
    /// Face.
    pub font: FontKind,
    /// Size in points.
    pub size: f32,
    /// Colour.
    pub colour: Rgb,
}

impl Style {
    /// A style.
    pub(super) const fn new(font: FontKind, size: f32, colour: Rgb) -> Self {
        Self { font, size, colour }
    }

    /// Baseline-to-baseline distance for this size.
    pub(super) fn leading(&self) -> f32 {
        self.size * 1.25
    }
}

/// Drawing operations with a height: what is measured before it is placed. `y` in its
/// operations counts from the block's top.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Block {
    /// Operations, relative to the block's top.
    pub ops: Vec<Op>,
    /// Height the block takes.
    pub height: f32,
}

impl Block {
    /// Adds a line of text with its baseline at `y`, aligned at `x` (left edge, right edge or
    /// centre).
    pub(super) fn text(
        &mut self,
        fonts: &Fonts,
        x: f32,
        y: f32,
        align: Align,
        style: Style,
        text: &str,
    ) {
        if text.is_empty() {
            return;
        }
        let width = fonts.width(style.font, style.size, text);
        let left = match align {
            Align::Left => x,
            Align::Right => x - width,
            Align::Centre => x - width / 2.0,
        };
        self.ops.push(Op::Text {
            x: left,
            y,
            text: text.to_owned(),
            font: style.font,
            size: style.size,
            colour: style.colour,
            angle_deg: 0.0,
        });
    }

    /// Adds a filled and/or outlined rectangle.
    pub(super) fn rect(
        &mut self,
        (x, y, width, height): (f32, f32, f32, f32),
        fill: Option<Rgb>,
        pen: Option<Pen>,
    ) {
        self.ops.push(Op::Shape {
            points: vec![
                (x, y),
                (x + width, y),
                (x + width, y + height),
                (x, y + height),
            ],
            closed: true,
            fill,
            pen,
        });
    }

    /// Adds a straight line.
    pub(super) fn line(&mut self, from: (f32, f32), to: (f32, f32), pen: Pen) {
        self.ops.push(Op::Shape {
            points: vec![from, to],
            closed: false,
            fill: None,
            pen: Some(pen),
        });
    }

    /// Adds another block's operations below `top`.
    pub(super) fn append(&mut self, other: Block, top: f32) {
        self.ops
            .extend(other.ops.into_iter().map(|op| op.moved_down(top)));
    }
}

/// A page: its drawing operations in page coordinates.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Page {
    /// Operations in drawing order.
    pub ops: Vec<Op>,
}

/// Blocks placed down pages, a new page started whenever the next block does not fit.
pub(super) struct Flow<'f> {
    /// The fonts, for measuring.
    pub fonts: &'f Fonts,
    /// Pages so far.
    pub pages: Vec<Page>,
    /// Where the next block goes on the last page.
    pub y: f32,
    /// Drawn at the top of every page after the first.
    running_head: Block,
}

impl<'f> Flow<'f> {
    /// A flow with its first page started.
    pub(super) fn new(fonts: &'f Fonts, running_head: Block) -> Self {
        Self {
            fonts,
            pages: vec![Page::default()],
            y: CONTENT_TOP,
            running_head,
        }
    }

    /// Space left on the current page.
    pub(super) fn remaining(&self) -> f32 {
        CONTENT_BOTTOM - self.y
    }

    /// True when nothing has been placed on the current page yet (besides its running head).
    pub(super) fn at_page_top(&self) -> bool {
        let top = if self.pages.len() == 1 {
            CONTENT_TOP
        } else {
            CONTENT_TOP + self.running_head.height
        };
        self.y <= top + 0.01
    }

    /// Starts a new page with the running head.
    pub(super) fn new_page(&mut self) {
        let mut page = Page::default();
        page.ops.extend(
            self.running_head
                .ops
                .iter()
                .cloned()
                .map(|op| op.moved_down(CONTENT_TOP)),
        );
        self.pages.push(page);
        self.y = CONTENT_TOP + self.running_head.height;
    }

    /// Starts a new page unless `height` still fits on this one.
    pub(super) fn ensure(&mut self, height: f32) {
        if height > self.remaining() && !self.at_page_top() {
            self.new_page();
        }
    }

    /// Places a block, on a new page if it does not fit on this one.
    pub(super) fn place(&mut self, block: Block) {
        self.ensure(block.height);
        let top = self.y;
        if let Some(page) = self.pages.last_mut() {
            page.ops
                .extend(block.ops.into_iter().map(|op| op.moved_down(top)));
        }
        self.y += block.height;
    }

    /// Leaves vertical space (never past the page's end).
    pub(super) fn space(&mut self, height: f32) {
        self.y = (self.y + height).min(CONTENT_BOTTOM);
    }
}
