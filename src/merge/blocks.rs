//! Merging the block lists: blocks matched across the three versions ([`super::align`]), my
//! added blocks placed after the base block they follow, and removals against changes.

use std::collections::HashMap;

use serde_json::Value as Json;

use super::align::{align, invert};
use super::{Merger, Sides};
use crate::model::{Block, ParamValue, Shortcode};

impl Merger<'_> {
    /// Their blocks in their order, each merged with mine, my added blocks after the base
    /// block they follow, and conflicts where one side removed what the other changed.
    #[allow(
        clippy::indexing_slicing,
        reason = "`align` and `invert` index these same lists: `mine_of`/`theirs_of` have one \
                  entry per base block, pointing into mine/theirs, and their inverses one per \
                  side block, pointing into base"
    )]
    pub(super) fn blocks(&mut self, s: &Sides) -> Vec<Block> {
        let sources: Vec<Option<String>> = s.mine_sources.iter().cloned().map(Some).collect();
        let lists = Lists {
            base: &s.base.blocks,
            mine: &s.mine.blocks,
            theirs: &s.theirs.blocks,
            mine_sources: &sources,
        };
        self.block_list("blocks", &lists)
    }

    /// [`Merger::blocks`] of one list of blocks, the page's (`at` = `blocks`) or a
    /// container's children (`blocks[2].children`).
    #[allow(
        clippy::indexing_slicing,
        reason = "`align` and `invert` index these same lists: `mine_of`/`theirs_of` have one \
                  entry per base block, pointing into mine/theirs, and their inverses one per \
                  side block, pointing into base"
    )]
    fn block_list(&mut self, at: &str, s: &Lists) -> Vec<Block> {
        let b = strip(s.base);
        let m = strip(s.mine);
        let t = strip(s.theirs);
        // A block their side moved is found where they put it (the output is in their
        // order); one I moved stays mine to place, as removed there and added here.
        let mine_of = align(&b, &m, false);
        let theirs_of = align(&b, &t, true);
        let base_of_theirs = invert(&theirs_of, t.len());
        let base_of_mine = invert(&mine_of, m.len());
        let mut out: Vec<Block> = Vec::new();
        // My added blocks, by the base block they follow (None: at the start).
        let mut added_after: HashMap<Option<usize>, Vec<usize>> = HashMap::new();
        let mut anchor: Option<usize> = None;
        for (j, base) in base_of_mine.iter().enumerate() {
            match base {
                Some(i) => anchor = Some(*i),
                None => added_after.entry(anchor).or_default().push(j),
            }
        }
        let push_added = |out: &mut Vec<Block>, after: Option<usize>| {
            for &j in added_after.get(&after).map(Vec::as_slice).unwrap_or(&[]) {
                out.push(raw(&m[j], s.mine_sources.get(j).and_then(Option::as_ref)));
            }
        };
        push_added(&mut out, None);
        // Base blocks their side removed: mine may still need them (or a conflict).
        let mut removed_by_them: Vec<usize> =
            (0..b.len()).filter(|i| theirs_of[*i].is_none()).collect();
        removed_by_them.reverse();
        for (ti, tb) in t.iter().enumerate() {
            if let Some(i) = base_of_theirs[ti] {
                while removed_by_them.last().is_some_and(|&r| r < i) {
                    let r = removed_by_them.pop().expect("checked");
                    self.removed_by_them((at, r), (&b, &m), &mine_of, s, &mut out);
                    push_added(&mut out, Some(r));
                }
                match mine_of[i] {
                    None if b[i] == *tb => {}
                    None => {
                        let here = format!("{at}[{ti}]");
                        if self.kept_though_removed_here(&here, &b[i], tb) {
                            out.push(with_id(tb.clone(), ti));
                        }
                    }
                    Some(j) => {
                        let here = format!("{at}[{ti}]");
                        out.push(with_id(self.block(&here, &b[i], &m[j], tb), ti));
                    }
                }
                push_added(&mut out, Some(i));
            } else {
                out.push(with_id(tb.clone(), ti));
            }
        }
        while let Some(r) = removed_by_them.pop() {
            self.removed_by_them((at, r), (&b, &m), &mine_of, s, &mut out);
            push_added(&mut out, Some(r));
        }
        out
    }

    /// Whether their block `theirs` stays, which I removed and they changed from `base`: a
    /// conflict, where `null` stands for the removal.
    fn kept_though_removed_here(&mut self, at: &str, base: &Block, theirs: &Block) -> bool {
        let keep = self.value(
            at,
            &label(theirs, "removed here, changed on disk"),
            &json(base),
            &Json::Null,
            &json(theirs),
        );
        !keep.is_null()
    }

    /// Base block `r`, which their side removed: gone, unless I changed it.
    #[allow(
        clippy::indexing_slicing,
        reason = "`align` and `invert` index these same lists: `mine_of`/`theirs_of` have one \
                  entry per base block, pointing into mine/theirs, and their inverses one per \
                  side block, pointing into base"
    )]
    fn removed_by_them(
        &mut self,
        (list, r): (&str, usize),
        (b, m): (&[Block], &[Block]),
        mine_of: &[Option<usize>],
        s: &Lists,
        out: &mut Vec<Block>,
    ) {
        let Some(j) = mine_of[r] else { return };
        if m[j] == b[r] {
            return;
        }
        // Changed here, removed on disk: `null` stands for the removal.
        let at = match list {
            "blocks" => format!("removed[{r}]"),
            _ => format!("{list}.removed[{r}]"),
        };
        let keep = self.value(
            &at,
            &label(&m[j], "changed here, removed on disk"),
            &json(&b[r]),
            &json(&m[j]),
            &Json::Null,
        );
        if !keep.is_null() {
            out.push(raw(&m[j], s.mine_sources.get(j).and_then(Option::as_ref)));
        }
    }

    /// One block both sides kept (at `at`): field by field for cards, whole for prose, and a
    /// shortcode by its parameters and its body or children ([`Merger::shortcode`]).
    fn block(&mut self, at: &str, base: &Block, mine: &Block, theirs: &Block) -> Block {
        match (base, mine, theirs) {
            (Block::Card(b), Block::Card(m), Block::Card(t)) => Block::Card(self.card(at, b, m, t)),
            (
                Block::Markdown { text: b, .. },
                Block::Markdown { text: m, .. },
                Block::Markdown { text: t, .. },
            ) => {
                let v = self.value(
                    &format!("{at}.text"),
                    &label(base, "text"),
                    &Json::from(b.as_str()),
                    &Json::from(m.as_str()),
                    &Json::from(t.as_str()),
                );
                Block::Markdown {
                    id: None,
                    text: v.as_str().unwrap_or_default().to_string(),
                }
            }
            (Block::Shortcode(b), Block::Shortcode(m), Block::Shortcode(t))
                if b != m && b != t && structured(b, m, t) =>
            {
                Block::Shortcode(self.shortcode(at, (b, m, t)))
            }
            (Block::Shortcode(b), Block::Shortcode(m), Block::Shortcode(t)) => {
                let text =
                    |s: &crate::model::Shortcode| Json::from(s.source.clone().unwrap_or_default());
                let v = self.value(
                    &format!("{at}.source"),
                    &label(base, "source"),
                    &text(b),
                    &text(m),
                    &text(t),
                );
                // Merged as text: written verbatim (the other fields follow from it).
                Block::Shortcode(crate::model::Shortcode {
                    name: t.name.clone(),
                    source: Some(v.as_str().unwrap_or_default().to_string()),
                    ..Default::default()
                })
            }
            // A block that changed kind on one side: theirs holds (their text is the base).
            _ => theirs.clone(),
        }
    }
}

impl Merger<'_> {
    /// A shortcode both sides kept, read with its parameters and its body or children: the
    /// parameters one by one ([`Merger::params`]), the body as text, the children as a
    /// list of blocks merged as the page's are, so two cards of one grid changed on the
    /// two sides both stay. (A shortcode read as its source only is merged as text.)
    fn shortcode(
        &mut self,
        at: &str,
        (b, m, t): (&Shortcode, &Shortcode, &Shortcode),
    ) -> Shortcode {
        let base = Block::Shortcode(b.clone());
        let mut out = Shortcode {
            id: None,
            name: t.name.clone(),
            notation: t.notation,
            params: self.params(at, &base, (b, m, t)),
            body: None,
            children: None,
            source: None,
        };
        match (&b.children, &m.children, &t.children) {
            (Some(bc), Some(mc), Some(tc)) => {
                let sources: Vec<Option<String>> = mc
                    .iter()
                    .map(|c| match c {
                        Block::Shortcode(s) => s.source.clone(),
                        _ => None,
                    })
                    .collect();
                let lists = Lists {
                    base: bc,
                    mine: mc,
                    theirs: tc,
                    mine_sources: &sources,
                };
                let before = self.conflicts.len();
                out.children = Some(self.block_list(&format!("{at}.children"), &lists));
                // Said with the container they are in (`Card “A”: title, in “grid”`).
                for c in self.conflicts.iter_mut().skip(before) {
                    c.label = format!("{}, in “{}”", c.label, t.name);
                }
            }
            _ if t.body.is_some() => {
                let body = |s: &Shortcode| Json::from(s.body.clone().unwrap_or_default());
                let v = self.value(
                    &format!("{at}.body"),
                    &label(&base, "body"),
                    &body(b),
                    &body(m),
                    &body(t),
                );
                out.body = Some(v.as_str().unwrap_or_default().to_string());
            }
            // A call without a body: its parameters are all of it.
            _ => {}
        }
        out
    }
}

impl Merger<'_> {
    /// A shortcode's parameters on the three sides merged: named ones name by name (their
    /// order, my new ones after), positional ones place by place when each side has as
    /// many; else all of them as one value.
    fn params(
        &mut self,
        at: &str,
        base: &Block,
        (b, m, t): (&Shortcode, &Shortcode, &Shortcode),
    ) -> Option<Vec<ParamValue>> {
        let at = format!("{at}.params");
        if let (Some(bn), Some(mn), Some(tn)) = (by_name(b), by_name(m), by_name(t)) {
            let merged = self.map(&at, &label(base, "parameter"), &bn, &mn, &tn);
            let kind = |name: &str| {
                [t, m]
                    .iter()
                    .flat_map(|s| s.params.iter().flatten())
                    .find(|p| p.name.as_deref() == Some(name))
                    .and_then(|p| p.kind)
            };
            return Some(
                merged
                    .into_iter()
                    .map(|(name, v)| {
                        let value = v.as_str().unwrap_or_default().to_string();
                        ParamValue {
                            kind: kind(&name),
                            on: kept(named(b, &name), named(m, &name), &value, |p| p.on),
                            word: kept(named(b, &name), named(m, &name), &value, |p| p.word),
                            value,
                            name: Some(name),
                        }
                    })
                    .collect(),
            );
        }
        let positional = |s: &Shortcode| {
            s.params
                .as_ref()
                .filter(|ps| ps.iter().all(|p| p.name.is_none()))
                .cloned()
        };
        if let (Some(bp), Some(mp), Some(tp)) = (positional(b), positional(m), positional(t)) {
            if bp.len() == mp.len() && mp.len() == tp.len() {
                let mut out = tp.clone();
                for (i, ((bv, mv), tv)) in bp.iter().zip(&mp).zip(out.iter_mut()).enumerate() {
                    let v = self.value(
                        &format!("{at}[{i}]"),
                        &label(base, &format!("value {}", i + 1)),
                        &Json::from(bv.value.as_str()),
                        &Json::from(mv.value.as_str()),
                        &Json::from(tv.value.as_str()),
                    );
                    tv.value = v.as_str().unwrap_or_default().to_string();
                    tv.on = kept(Some(bv), Some(mv), &tv.value, |p| p.on);
                    tv.word = kept(Some(bv), Some(mv), &tv.value, |p| p.word);
                }
                return Some(out);
            }
        }
        let params = |s: &Shortcode| serde_json::to_value(&s.params).unwrap_or(Json::Null);
        let merged = self.value(
            &at,
            &label(base, "parameters"),
            &params(b),
            &params(m),
            &params(t),
        );
        serde_json::from_value(merged).unwrap_or_else(|_| t.params.clone())
    }
}

/// The named parameter `name` of `s`.
fn named<'s>(s: &'s Shortcode, name: &str) -> Option<&'s ParamValue> {
    s.params
        .iter()
        .flatten()
        .find(|p| p.name.as_deref() == Some(name))
}

/// A flag's `on` or a menu value's `word` (`of`) as I set it, when I changed it (a box
/// ticked, a word chosen, that changes only how the value is written: `t=true` to
/// `t="true"`) and my value is the merged `value`; else `None` (the value as written says).
fn kept(
    base: Option<&ParamValue>,
    mine: Option<&ParamValue>,
    value: &str,
    of: impl Fn(&ParamValue) -> Option<bool>,
) -> Option<bool> {
    let mine = mine.filter(|m| m.value == value)?;
    (of(mine) != base.and_then(&of)).then(|| of(mine)).flatten()
}

/// A shortcode's named parameters as a map of their values (`None` when one is positional,
/// or a name is given twice).
fn by_name(s: &Shortcode) -> Option<serde_json::Map<String, Json>> {
    let mut out = serde_json::Map::new();
    for p in s.params.as_ref()? {
        if out
            .insert(p.name.clone()?, Json::from(p.value.as_str()))
            .is_some()
        {
            return None;
        }
    }
    Some(out)
}

/// Whether a shortcode both sides changed can be merged by its parts ([`Merger::shortcode`]):
/// one name on the three sides, read with parameters (and the same body or children on
/// each), and every block I added among its children a call with its source text, which
/// is written verbatim. Else it is merged as its source text (a block replaced by another
/// of its kind, or prose or a card added inside, whose text the container's indentation
/// and notation would change).
fn structured(b: &Shortcode, m: &Shortcode, t: &Shortcode) -> bool {
    let parts = [b, m, t].iter().all(|s| {
        s.name == t.name
            && s.params.is_some()
            && s.children.is_some() == t.children.is_some()
            && s.body.is_some() == t.body.is_some()
    });
    let mine = m.children.as_deref().unwrap_or_default();
    let base_of_mine = invert(
        &align(
            &strip(b.children.as_deref().unwrap_or_default()),
            &strip(mine),
            false,
        ),
        mine.len(),
    );
    let added_verbatim = mine
        .iter()
        .zip(&base_of_mine)
        .all(|(c, base)| base.is_some() || matches!(c, Block::Shortcode(s) if s.source.is_some()));
    parts && added_verbatim
}

/// One list of blocks on the three sides, and the source text of each of mine (for blocks
/// I added, written verbatim; `None`: written from the block).
struct Lists<'a> {
    base: &'a [Block],
    mine: &'a [Block],
    theirs: &'a [Block],
    mine_sources: &'a [Option<String>],
}

/// A block as JSON, for conflict values.
fn json(b: &Block) -> Json {
    serde_json::to_value(b).unwrap_or(Json::Null)
}

/// What a person calls `what` of block `b` in a conflict.
fn label(b: &Block, what: &str) -> String {
    match b {
        Block::Card(c) => format!("Card “{}”: {what}", c.title),
        Block::Markdown { text, .. } => {
            let first: String = text.lines().next().unwrap_or("").chars().take(40).collect();
            format!("Text “{first}…”: {what}")
        }
        Block::Shortcode(s) => format!("Shortcode “{}”: {what}", s.name),
    }
}

/// Blocks without their ids, so equal content compares equal.
fn strip(blocks: &[Block]) -> Vec<Block> {
    blocks.iter().cloned().map(with_no_id).collect()
}

/// `b` without its id (and a card without its notation).
fn with_no_id(mut b: Block) -> Block {
    b.set_id(None);
    if let Block::Card(c) = &mut b {
        c.notation = None;
    }
    b
}

/// `b` with id `new`: its index in their blocks.
fn with_id(mut b: Block, new: usize) -> Block {
    b.set_id(Some(new));
    b
}

/// A block I added, as its exact source text (written verbatim).
fn raw(b: &Block, source: Option<&String>) -> Block {
    match source {
        Some(src) => Block::Shortcode(crate::model::Shortcode {
            source: Some(src.clone()),
            ..Default::default()
        }),
        None => b.clone(),
    }
}
