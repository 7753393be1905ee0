//! Which block of one version each base block became: equal prefix and suffix, then a longest
//! common subsequence of equal blocks, with same-kind blocks between those anchors paired as
//! edits.

use crate::model::Block;

/// For each block of `base`, the block of `side` it became (None: removed).
pub(super) fn align(base: &[Block], side: &[Block]) -> Vec<Option<usize>> {
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
    out
}

/// Pairs the blocks of `base[bs]` with those of `side[ss]` of the same kind, in order.
fn pair_gap(
    base: &[Block],
    side: &[Block],
    bs: std::ops::Range<usize>,
    ss: std::ops::Range<usize>,
    out: &mut [Option<usize>],
) {
    let mut next = ss.start;
    for (b, slot) in base.iter().zip(out.iter_mut()).take(bs.end).skip(bs.start) {
        let same_kind = |j: &usize| side.get(*j).is_some_and(|s| s.kind() == b.kind());
        if let Some(j) = (next..ss.end).find(same_kind) {
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
