//! The one place a wall is cut around its doors and windows: full-height pieces between the
//! gaps (what the plan draws), the pieces below each sill and above each head (what the 3D view
//! adds), each with its footprint on the plan.

use crate::domain::geometry::Coord;
use crate::domain::geometry::walls::WallGeometry;

/// Where a piece of wall stands relative to the openings in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PieceKind {
    /// From the floor to the top of the wall, between openings.
    FullHeight,
    /// Under an opening, from the floor to its sill.
    BelowSill,
    /// Over an opening, from its head to the top of the wall.
    AboveHead,
}

/// An opening's gap in its wall, in millimetres along the wall and above the floor.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Gap {
    /// Distance along the wall to the near edge.
    pub from_mm: f64,
    /// Distance along the wall to the far edge.
    pub to_mm: f64,
    /// Height of the sill above the floor.
    pub sill_mm: f64,
    /// Height of the head (the top of the opening) above the floor.
    pub head_mm: f64,
}

/// A solid piece of a wall.
#[derive(Debug, Clone, PartialEq)]
pub struct WallPiece {
    /// Index of its wall in the layout.
    pub wall: usize,
    /// Where it stands relative to the openings.
    pub kind: PieceKind,
    /// Distance along the wall where it starts.
    pub from_mm: f64,
    /// Distance along the wall where it ends.
    pub to_mm: f64,
    /// Height of its underside above the floor.
    pub bottom_mm: f64,
    /// Height of its top above the floor.
    pub top_mm: f64,
    /// Its footprint on the plan (the wall's mitred ends kept on the first and last piece).
    pub footprint: [Coord<f64>; 4],
}

impl WallPiece {
    /// True for a piece from the floor to the top of the wall (one the plan draws).
    #[must_use]
    pub fn is_full_height(&self) -> bool {
        self.kind == PieceKind::FullHeight
    }
}

/// Wall `wall_index` (geometry `wall`) cut around `gaps`, in any order: full-height pieces
/// between the gaps, a piece below each sill above the floor and one above each head below the
/// top of the wall, in order along the wall. Gaps that overlap share their stretch.
#[must_use]
pub fn cut_wall(wall_index: usize, wall: &WallGeometry, gaps: &[Gap]) -> Vec<WallPiece> {
    let mut gaps = gaps.to_vec();
    gaps.sort_by(|a, b| a.from_mm.total_cmp(&b.from_mm));
    let piece = |kind, from_mm, to_mm, bottom_mm, top_mm| WallPiece {
        wall: wall_index,
        kind,
        from_mm,
        to_mm,
        bottom_mm,
        top_mm,
        footprint: wall.piece(from_mm, to_mm),
    };
    let mut pieces = Vec::new();
    let mut from_mm = 0.0;
    for gap in gaps {
        if gap.from_mm > from_mm {
            pieces.push(piece(
                PieceKind::FullHeight,
                from_mm,
                gap.from_mm,
                0.0,
                wall.height,
            ));
        }
        let (start_mm, end_mm) = (gap.from_mm.max(from_mm), gap.to_mm.min(wall.length));
        if end_mm > start_mm {
            if gap.sill_mm > 0.0 {
                let sill_mm = gap.sill_mm.min(wall.height);
                pieces.push(piece(PieceKind::BelowSill, start_mm, end_mm, 0.0, sill_mm));
            }
            if gap.head_mm < wall.height {
                let (head_mm, top_mm) = (gap.head_mm, wall.height);
                pieces.push(piece(
                    PieceKind::AboveHead,
                    start_mm,
                    end_mm,
                    head_mm,
                    top_mm,
                ));
            }
        }
        from_mm = from_mm.max(gap.to_mm);
    }
    if wall.length > from_mm {
        let length_mm = wall.length;
        pieces.push(piece(
            PieceKind::FullHeight,
            from_mm,
            length_mm,
            0.0,
            wall.height,
        ));
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::geometry::walls::wall_geometries;
    use crate::domain::layout::Wall;
    use crate::domain::values::units::{Mm, PointMm};

    fn wall_4000_by_2600() -> WallGeometry {
        let walls = [Wall {
            id: "w".into(),
            start: PointMm::new(0, 0),
            end: PointMm::new(4000, 0),
            thickness: Mm(200),
            height: Mm(2600),
        }];
        wall_geometries(&walls).remove(0)
    }

    /// (kind, from, to, bottom, top) in mm.
    fn summary(pieces: &[WallPiece]) -> Vec<(PieceKind, f64, f64, f64, f64)> {
        pieces
            .iter()
            .map(|p| (p.kind, p.from_mm, p.to_mm, p.bottom_mm, p.top_mm))
            .collect()
    }

    #[test]
    fn a_door_and_a_window_cut_a_wall_into_full_height_pieces_and_pieces_over_and_under() {
        use PieceKind::{AboveHead, BelowSill, FullHeight};
        let wall = wall_4000_by_2600();
        // Given window first: the cut sorts along the wall.
        let window = Gap {
            from_mm: 2400.0,
            to_mm: 3600.0,
            sill_mm: 900.0,
            head_mm: 2100.0,
        };
        let door = Gap {
            from_mm: 500.0,
            to_mm: 1400.0,
            sill_mm: 0.0,
            head_mm: 2000.0,
        };
        let pieces = cut_wall(3, &wall, &[window, door]);
        assert_eq!(
            summary(&pieces),
            vec![
                (FullHeight, 0.0, 500.0, 0.0, 2600.0),
                (AboveHead, 500.0, 1400.0, 2000.0, 2600.0),
                (FullHeight, 1400.0, 2400.0, 0.0, 2600.0),
                (BelowSill, 2400.0, 3600.0, 0.0, 900.0),
                (AboveHead, 2400.0, 3600.0, 2100.0, 2600.0),
                (FullHeight, 3600.0, 4000.0, 0.0, 2600.0),
            ]
        );
        assert!(pieces.iter().all(|piece| piece.wall == 3));
        let full: Vec<&WallPiece> = pieces.iter().filter(|p| p.is_full_height()).collect();
        assert_eq!(full.len(), 3);
        // The middle piece's footprint is the wall's body from 1400 to 2400 mm, 200 mm thick.
        let middle = full[1].footprint;
        let xs = middle.map(|corner| corner.x);
        let ys = middle.map(|corner| corner.y);
        assert_eq!(xs.iter().copied().fold(f64::MAX, f64::min), 1400.0);
        assert_eq!(xs.iter().copied().fold(f64::MIN, f64::max), 2400.0);
        assert_eq!(ys.iter().copied().fold(f64::MIN, f64::max), 100.0);
        assert_eq!(ys.iter().copied().fold(f64::MAX, f64::min), -100.0);
    }

    #[test]
    fn a_tall_opening_at_the_wall_end_leaves_nothing_over_it_or_after_it() {
        let wall = wall_4000_by_2600();
        let gap = Gap {
            from_mm: 3000.0,
            to_mm: 4200.0,
            sill_mm: 0.0,
            head_mm: 2700.0,
        };
        let pieces = cut_wall(0, &wall, &[gap]);
        assert_eq!(
            summary(&pieces),
            vec![(PieceKind::FullHeight, 0.0, 3000.0, 0.0, 2600.0)]
        );
    }
}
