//! Which block of one version each base block became: equal prefix and suffix, then a longest
//! common subsequence of equal blocks, with like blocks between those anchors paired as
//! edits ([`alike`]), then (for their side: [`align`]'s `moves`) a block left over on both
//! sides with the very same content paired as moved.

use crate::model::Block;

/// For each block of `base`, the block of `side` it became (None: removed); with `moves`,
/// a block left over on both sides with the very same content is paired as moved.
pub(super) fn align(base: &[Block], side: &[Block], moves: bool) -> Vec<Option<usize>> {
    let mut out = vec![None; base.len()];
    let (pre, suf) = crate::text::shared_ends(base, side);
    for (k, slot) in out.iter_mut().enumerate().take(pre) {
        *slot = Some(k);
    }
    for (slot, k) in out.iter_mut().rev().zip((0..side.len()).rev()).take(suf) {
        *slot = Some(k);
    }
    let (b0, b1, s0, s1) = (pre, base.len() - suf, pre, side.len() - suf);
    let pairs = crate::text::common_subsequence(
        base.get(b0..b1).unwrap_or_default(),
        side.get(s0..s1).unwrap_or_default(),
    );
    // Between equal anchors, blocks of the same kind pair up in order: those are edits.
    let mut last = (b0, s0);
    for &(i, j) in pairs.iter().chain(std::iter::once(&(b1 - b0, s1 - s0))) {
        let (bi, sj) = (b0 + i, s0 + j);
        pair_gap(base, side, last.0..bi, last.1..sj, &mut out);
        if let Some(slot) = out.get_mut(bi).filter(|_| bi < b1) {
            *slot = Some(sj);
        }
        last = (bi + 1, sj + 1);
    }
    if !moves {
        return out;
    }
    // A block moved past others (two cards swapped): the common subsequence keeps one of
    // them in place, and the other is left over on both sides, unchanged.
    let mut taken = vec![false; side.len()];
    for j in out.iter().flatten() {
        if let Some(t) = taken.get_mut(*j) {
            *t = true;
        }
    }
    for (b, slot) in base.iter().zip(out.iter_mut()) {
        if slot.is_some() {
            continue;
        }
        let moved = side
            .iter()
            .zip(taken.iter_mut())
            .position(|(s, t)| !*t && s == b);
        if let Some(j) = moved {
            *slot = Some(j);
            if let Some(t) = taken.get_mut(j) {
                *t = true;
            }
        }
    }
    out
}

/// Whether `side` can be `base` edited: of one kind; a shortcode of the same name; a card
/// with one of its fields that is not empty the same, so a card written in another's
/// place (a page replaced whole) is not taken for an edit of it.
fn alike(base: &Block, side: &Block) -> bool {
    match (base, side) {
        (Block::Markdown { .. }, Block::Markdown { .. }) => true,
        (Block::Card(b), Block::Card(s)) => {
            let same = |x: bool, empty: bool| x && !empty;
            same(b.title == s.title, b.title.is_empty())
                || same(b.body == s.body, b.body.trim().is_empty())
                || same(b.tech_icons == s.tech_icons, b.tech_icons.is_empty())
                || same(b.other_tech == s.other_tech, b.other_tech.is_empty())
                || same(b.repository == s.repository, b.repository.is_none())
        }
        // A shortcode's parameters are few: one changed on each side leaves nothing the
        // same, and is still an edit of it (a conflict, when of one parameter).
        (Block::Shortcode(b), Block::Shortcode(s)) => b.name == s.name,
        _ => false,
    }
}

/// Pairs the blocks of `base[bs]` with those of `side[ss]` that are like them ([`alike`]),
/// in order.
fn pair_gap(
    base: &[Block],
    side: &[Block],
    bs: std::ops::Range<usize>,
    ss: std::ops::Range<usize>,
    out: &mut [Option<usize>],
) {
    let mut next = ss.start;
    for (b, slot) in base.iter().zip(out.iter_mut()).take(bs.end).skip(bs.start) {
        let like = |j: &usize| side.get(*j).is_some_and(|s| alike(b, s));
        if let Some(j) = (next..ss.end).find(like) {
            *slot = Some(j);
            next = j + 1;
        }
    }
}

/// The inverse of `map` (base index to side index): side index to base index, for `n` side
/// blocks.
pub(super) fn invert(map: &[Option<usize>], n: usize) -> Vec<Option<usize>> {
    let mut out = vec![None; n];
    for (i, j) in map.iter().enumerate() {
        if let Some(slot) = j.and_then(|j| out.get_mut(j)) {
            *slot = Some(i);
        }
    }
    out
}
