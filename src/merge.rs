//! Three-way merge of a page edited in Folio (mine) and on disk (theirs) since both left
//! the same text (base), at the granularity of front-matter keys, site params, prose blocks
//! and card fields.
//!
//! The result is a model of *theirs* with my changes laid over it, to be applied to their
//! text: their bytes stay as they are and mine are spliced in the usual lossless way. Blocks
//! are matched across versions by a longest common subsequence of unchanged blocks; between
//! those anchors, blocks of the same kind pair up as edited, the rest as added or removed.
//! A block I added keeps its exact source text.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value as Json};

use crate::model::{Block, Card, Portfolio};

/// A field both sides changed differently.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Conflict {
    /// Stable name of the field (`frontMatter.title`, `params.email`, `blocks[3].title`).
    pub at: String,
    /// What a person calls it ("Card “Game backends”: title").
    pub label: String,
    pub base: Json,
    pub mine: Json,
    pub theirs: Json,
}

/// How a conflict is settled.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(tag = "pick", content = "value", rename_all = "camelCase")]
pub enum Resolution {
    Mine,
    Theirs,
    /// A value typed in the conflict view.
    Value(Json),
}

/// The outcome of a merge.
#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    /// Theirs, with my changes (and the resolutions) applied.
    pub model: Portfolio,
    /// Fields still to settle; the model holds theirs there meanwhile.
    pub conflicts: Vec<Conflict>,
}

/// The three versions' models, and my blocks' source text (for blocks I added).
pub struct Sides<'a> {
    pub base: &'a Portfolio,
    pub mine: &'a Portfolio,
    pub theirs: &'a Portfolio,
    pub mine_sources: &'a [String],
}

/// Merges, settling conflicts named in `resolutions`.
pub fn merge(s: &Sides, resolutions: &HashMap<String, Resolution>) -> Merged {
    let mut m = Merger {
        resolutions,
        conflicts: Vec::new(),
    };
    let front_matter = m.map(
        "frontMatter",
        "Front matter",
        &s.base.front_matter,
        &s.mine.front_matter,
        &s.theirs.front_matter,
    );
    let params = m.map(
        "params",
        "Site param",
        &s.base.params,
        &s.mine.params,
        &s.theirs.params,
    );
    let blocks = m.blocks(s);
    Merged {
        model: Portfolio {
            revision: None,
            format: s.theirs.format,
            front_matter,
            blocks,
            params,
        },
        conflicts: m.conflicts,
    }
}

struct Merger<'a> {
    resolutions: &'a HashMap<String, Resolution>,
    conflicts: Vec<Conflict>,
}

impl Merger<'_> {
    /// One value: whichever side changed it, or a conflict when both did, differently.
    fn value(&mut self, at: &str, label: &str, base: &Json, mine: &Json, theirs: &Json) -> Json {
        if mine == theirs || mine == base {
            return theirs.clone();
        }
        if theirs == base {
            return mine.clone();
        }
        match self.resolutions.get(at) {
            Some(Resolution::Mine) => mine.clone(),
            Some(Resolution::Theirs) => theirs.clone(),
            Some(Resolution::Value(v)) => v.clone(),
            None => {
                self.conflicts.push(Conflict {
                    at: at.to_string(),
                    label: label.to_string(),
                    base: base.clone(),
                    mine: mine.clone(),
                    theirs: theirs.clone(),
                });
                theirs.clone()
            }
        }
    }

    /// A map key by key, in their order, my new keys after. A key that is `null` after the
    /// merge is absent.
    fn map(
        &mut self,
        at: &str,
        label: &str,
        base: &Map<String, Json>,
        mine: &Map<String, Json>,
        theirs: &Map<String, Json>,
    ) -> Map<String, Json> {
        let mut keys: Vec<&String> = theirs.keys().collect();
        keys.extend(mine.keys().filter(|k| !theirs.contains_key(*k)));
        keys.extend(
            base.keys()
                .filter(|k| !theirs.contains_key(*k) && !mine.contains_key(*k)),
        );
        let mut out = Map::new();
        for k in keys {
            let get = |m: &Map<String, Json>| m.get(k).cloned().unwrap_or(Json::Null);
            let v = self.value(
                &format!("{at}.{k}"),
                &format!("{label} “{k}”"),
                &get(base),
                &get(mine),
                &get(theirs),
            );
            if !v.is_null()
                || (theirs.get(k) == Some(&Json::Null) && mine.get(k) == Some(&Json::Null))
            {
                out.insert(k.clone(), v);
            }
        }
        out
    }

    fn blocks(&mut self, s: &Sides) -> Vec<Block> {
        let b = strip(&s.base.blocks);
        let m = strip(&s.mine.blocks);
        let t = strip(&s.theirs.blocks);
        let mine_of = align(&b, &m);
        let theirs_of = align(&b, &t);
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
                out.push(raw(&m[j], s.mine_sources.get(j)));
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
                    self.removed_by_them(r, &b, &m, &mine_of, s, &mut out);
                    push_added(&mut out, Some(r));
                }
                match mine_of[i] {
                    None if b[i] == *tb => {}
                    None => {
                        // Removed here, changed on disk: `null` stands for the removal.
                        let at = format!("blocks[{ti}]");
                        let keep = self.value(
                            &at,
                            &label(tb, "removed here, changed on disk"),
                            &json(&b[i]),
                            &Json::Null,
                            &json(tb),
                        );
                        if !keep.is_null() {
                            out.push(with_id(tb.clone(), ti));
                        }
                    }
                    Some(j) => out.push(with_id(self.block(ti, &b[i], &m[j], tb), ti)),
                }
                push_added(&mut out, Some(i));
            } else {
                out.push(with_id(tb.clone(), ti));
            }
        }
        while let Some(r) = removed_by_them.pop() {
            self.removed_by_them(r, &b, &m, &mine_of, s, &mut out);
            push_added(&mut out, Some(r));
        }
        out
    }

    /// Base block `r`, which their side removed: gone, unless I changed it.
    fn removed_by_them(
        &mut self,
        r: usize,
        b: &[Block],
        m: &[Block],
        mine_of: &[Option<usize>],
        s: &Sides,
        out: &mut Vec<Block>,
    ) {
        let Some(j) = mine_of[r] else { return };
        if m[j] == b[r] {
            return;
        }
        // Changed here, removed on disk: `null` stands for the removal.
        let at = format!("removed[{r}]");
        let keep = self.value(
            &at,
            &label(&m[j], "changed here, removed on disk"),
            &json(&b[r]),
            &json(&m[j]),
            &Json::Null,
        );
        if !keep.is_null() {
            out.push(raw(&m[j], s.mine_sources.get(j)));
        }
    }

    /// One block both sides kept: field by field for cards, whole for prose and shortcodes.
    fn block(&mut self, ti: usize, base: &Block, mine: &Block, theirs: &Block) -> Block {
        let at = format!("blocks[{ti}]");
        match (base, mine, theirs) {
            (Block::Card(b), Block::Card(m), Block::Card(t)) => {
                Block::Card(self.card(&at, b, m, t))
            }
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
            (
                Block::Shortcode { source: b, .. },
                Block::Shortcode { source: m, .. },
                Block::Shortcode {
                    source: t, name, ..
                },
            ) => {
                let v = self.value(
                    &format!("{at}.source"),
                    &label(base, "source"),
                    &Json::from(b.as_str()),
                    &Json::from(m.as_str()),
                    &Json::from(t.as_str()),
                );
                Block::Shortcode {
                    id: None,
                    name: name.clone(),
                    source: v.as_str().unwrap_or_default().to_string(),
                }
            }
            // A block that changed kind on one side: theirs holds (their text is the base).
            _ => theirs.clone(),
        }
    }

    fn card(&mut self, at: &str, b: &Card, m: &Card, t: &Card) -> Card {
        let field = |c: &Card| -> Json { serde_json::to_value(c).unwrap_or(Json::Null) };
        let (bj, mj, tj) = (field(b), field(m), field(t));
        let mut out = t.clone();
        // Named as both sides knew it before either changed it.
        let name = [&b.title, &t.title, &m.title]
            .into_iter()
            .find(|s| !s.is_empty())
            .map_or_else(|| "Untitled card".to_string(), |s| s.to_string());
        for key in ["title", "techIcons", "otherTech", "repository", "body"] {
            let v = self.value(
                &format!("{at}.{key}"),
                &format!("Card “{name}”: {key}"),
                &bj[key],
                &mj[key],
                &tj[key],
            );
            match key {
                "title" => out.title = v.as_str().unwrap_or_default().to_string(),
                "techIcons" => out.tech_icons = serde_json::from_value(v).unwrap_or_default(),
                "otherTech" => out.other_tech = serde_json::from_value(v).unwrap_or_default(),
                "repository" => out.repository = v.as_str().map(str::to_string),
                _ => out.body = v.as_str().unwrap_or_default().to_string(),
            }
        }
        out.extra = self.map(
            &format!("{at}.extra"),
            &format!("Card “{name}”: parameter"),
            &b.extra,
            &m.extra,
            &t.extra,
        );
        out
    }
}

fn json(b: &Block) -> Json {
    serde_json::to_value(b).unwrap_or(Json::Null)
}

fn label(b: &Block, what: &str) -> String {
    match b {
        Block::Card(c) => format!("Card “{}”: {what}", c.title),
        Block::Markdown { text, .. } => {
            let first: String = text.lines().next().unwrap_or("").chars().take(40).collect();
            format!("Text “{first}…”: {what}")
        }
        Block::Shortcode { name, .. } => format!("Shortcode “{name}”: {what}"),
    }
}

/// Blocks without their ids, so equal content compares equal.
fn strip(blocks: &[Block]) -> Vec<Block> {
    blocks.iter().cloned().map(with_no_id).collect()
}

fn with_no_id(mut b: Block) -> Block {
    match &mut b {
        Block::Markdown { id, .. } | Block::Shortcode { id, .. } => *id = None,
        Block::Card(c) => {
            c.id = None;
            c.notation = None;
        }
    }
    b
}

fn with_id(mut b: Block, new: usize) -> Block {
    match &mut b {
        Block::Markdown { id, .. } | Block::Shortcode { id, .. } => *id = Some(new),
        Block::Card(c) => c.id = Some(new),
    }
    b
}

/// A block I added, as its exact source text (written verbatim).
fn raw(b: &Block, source: Option<&String>) -> Block {
    match source {
        Some(src) => Block::Shortcode {
            id: None,
            name: String::new(),
            source: src.clone(),
        },
        None => b.clone(),
    }
}

/// For each block of `base`, the block of `side` it became (None: removed).
fn align(base: &[Block], side: &[Block]) -> Vec<Option<usize>> {
    let mut out = vec![None; base.len()];
    let pre = base.iter().zip(side).take_while(|(a, b)| a == b).count();
    let max_suf = base.len().min(side.len()) - pre;
    let suf = (0..max_suf)
        .take_while(|&k| base[base.len() - 1 - k] == side[side.len() - 1 - k])
        .count();
    for (k, slot) in out.iter_mut().enumerate().take(pre) {
        *slot = Some(k);
    }
    for k in 0..suf {
        out[base.len() - 1 - k] = Some(side.len() - 1 - k);
    }
    let (b0, b1, s0, s1) = (pre, base.len() - suf, pre, side.len() - suf);
    let pairs = lcs(&base[b0..b1], &side[s0..s1]);
    // Between equal anchors, blocks of the same kind pair up in order: those are edits.
    let mut last = (b0, s0);
    for &(i, j) in pairs.iter().chain(std::iter::once(&(b1 - b0, s1 - s0))) {
        let (bi, sj) = (b0 + i, s0 + j);
        pair_gap(base, side, last.0..bi, last.1..sj, &mut out);
        if bi < b1 {
            out[bi] = Some(sj);
        }
        last = (bi + 1, sj + 1);
    }
    out
}

fn pair_gap(
    base: &[Block],
    side: &[Block],
    bs: std::ops::Range<usize>,
    ss: std::ops::Range<usize>,
    out: &mut [Option<usize>],
) {
    let mut next = ss.start;
    for i in bs {
        if let Some(j) = (next..ss.end).find(|&j| side[j].kind() == base[i].kind()) {
            out[i] = Some(j);
            next = j + 1;
        }
    }
}

/// Index pairs of a longest common subsequence of equal blocks.
fn lcs(a: &[Block], b: &[Block]) -> Vec<(usize, usize)> {
    if a.is_empty() || b.is_empty() {
        return Vec::new();
    }
    let mut len = vec![vec![0u32; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            len[i][j] = if a[i] == b[j] {
                len[i + 1][j + 1] + 1
            } else {
                len[i + 1][j].max(len[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() && j < b.len() {
        if a[i] == b[j] {
            out.push((i, j));
            i += 1;
            j += 1;
        } else if len[i + 1][j] >= len[i][j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

fn invert(map: &[Option<usize>], n: usize) -> Vec<Option<usize>> {
    let mut out = vec![None; n];
    for (i, j) in map.iter().enumerate() {
        if let Some(j) = j {
            out[*j] = Some(i);
        }
    }
    out
}
