//! Fuzzes the three-way merge: a page (base), a change made in Folio (mine) and one made
//! outside (theirs), both random; the merge never panics, and when nothing conflicts its
//! result applies to their text or is refused with an error.
#![no_main]

#[path = "common.rs"]
mod common;

use std::collections::HashMap;

use folio::merge::{merge, Sides};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((text, mut b)) = common::split(data) else { return };
    let Ok(base_page) = folio::Page::parse(text) else { return };
    let base = base_page.to_model();
    let side = |b: &mut common::Bytes| {
        let mut m = base.clone();
        m.revision = None;
        common::mutate(&mut m, b);
        base_page.apply(&m).ok()
    };
    let (Some(mine_page), Some(theirs_page)) = (side(&mut b), side(&mut b)) else { return };
    let mine = mine_page.to_model();
    let theirs = theirs_page.to_model();
    let sources: Vec<String> = mine_page
        .blocks()
        .iter()
        .map(|blk| mine_page.source()[mine_page.block_range(blk)].to_string())
        .collect();
    let merged = merge(
        &Sides { base: &base, mine: &mine, theirs: &theirs, mine_sources: &sources },
        &HashMap::new(),
    );
    if merged.conflicts.is_empty() {
        let _ = theirs_page.apply(&merged.model);
    }
});
