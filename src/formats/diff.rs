//! The one way Folio changes data: compare the model's values with the parsed [`Tree`] and
//! splice new text over exactly the values that differ, written in the tree's [`Syntax`].
//! Unchanged values keep their bytes; a new key is written like its neighbours.

use serde_json::{Map as JsonMap, Value as Json};

use super::{syntax, At, EditError, Entry, Kind, Layout, Map, Node, Style, Syntax, Tree};
use crate::text::{self, Splice};

/// The splices that make the data of `tree` (parsed from `src`) equal `new`.
pub(super) fn edits(tree: &Tree, src: &str, new: &Json) -> Result<Vec<Splice>, EditError> {
    let mut out = Vec::new();
    let ctx = Ctx {
        src,
        doc: tree,
        syntax: syntax(tree.format),
    };
    ctx.diff(&tree.root, new, "", &mut out)?;
    Ok(out)
}

/// What every step of one diff needs.
struct Ctx<'a> {
    /// The text the tree was parsed from.
    src: &'a str,
    doc: &'a Tree,
    syntax: &'static dyn Syntax,
}

/// `path.key`, or `key` at the top.
fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

impl Ctx<'_> {
    /// Where `node` is, for the format's writer.
    fn at<'n>(&'n self, node: &'n Node) -> At<'n> {
        At {
            src: self.src,
            tree: self.doc,
            node,
        }
    }

    /// Pushes onto `out` the splices that turn `node` (at key path `path`) into `new`.
    fn diff(
        &self,
        node: &Node,
        new: &Json,
        path: &str,
        out: &mut Vec<Splice>,
    ) -> Result<(), EditError> {
        match (&node.kind, new) {
            (Kind::Map(m), Json::Object(o)) => self.diff_map(m, o, path, out),
            (Kind::Seq { items, flow }, Json::Array(a)) if !items.is_empty() && !a.is_empty() => {
                self.diff_seq(items, *flow, a, path, out)
            }
            (Kind::Scalar { value, style }, v) if !v.is_array() && !v.is_object() => {
                if value != v {
                    let text = self
                        .syntax
                        .scalar(&self.at(node), v, *style)
                        .map_err(|m| EditError::new(path, m))?;
                    out.push(Splice::new(node.span.clone(), text));
                }
                Ok(())
            }
            // A YAML alias kept as it is reads as its anchor's value: one whose anchored
            // value was changed above it (anchors come first) is written out in full.
            _ if node.to_json() == *new => {
                if self.anchor_changed(node, out) {
                    out.push(
                        self.syntax
                            .replace(&self.at(node), new)
                            .map_err(|m| EditError::new(path, m))?,
                    );
                }
                Ok(())
            }
            _ => {
                let splice = self
                    .syntax
                    .replace(&self.at(node), new)
                    .map_err(|m| EditError::new(path, m))?;
                out.push(splice);
                Ok(())
            }
        }
    }

    /// Whether `node` is a YAML alias (`*name`) whose anchored value (`&name`, the last
    /// before it) a splice of `out` changes.
    fn anchor_changed(&self, node: &Node, out: &[Splice]) -> bool {
        let Kind::Opaque(_) = node.kind else {
            return false;
        };
        let Some(name) = self
            .src
            .get(node.span.clone())
            .and_then(|t| t.strip_prefix('*'))
        else {
            return false;
        };
        let token = format!("&{name}");
        let before = self.src.get(..node.span.start).unwrap_or_default();
        let Some(defined) = before
            .rmatch_indices(&token)
            .map(|(i, _)| i + token.len())
            .find(|&end| {
                self.src
                    .get(end..)
                    .and_then(|rest| rest.chars().next())
                    .is_none_or(|c| c.is_whitespace() || ",[]{}".contains(c))
            })
        else {
            return false;
        };
        let Some(anchored) = first_node_from(&self.doc.root, defined) else {
            return false;
        };
        // A splice inside the anchored value, one cutting it out (its entry removed), or
        // one adding to it: a key or item inserted after the last line of a block map or
        // list, at the column of its first key or item or deeper.
        let (start, end) = (anchored.span.start, anchored.span.end);
        let block = matches!(
            &anchored.kind,
            Kind::Map(Map {
                layout: Layout::Lines { .. },
                ..
            }) | Kind::Seq { flow: false, .. }
        );
        let reach = text::line_end_after_eol(self.src, end);
        let column = start - text::line_start(self.src, start);
        // At its column or deeper: into it or into a map or list in it (not its parent's).
        let at_column = |t: &str| t.len() - t.trim_start_matches(' ').len() >= column;
        out.iter().any(|s| {
            start < end && s.range.start < end && s.range.end > start
                || block && s.range.is_empty() && s.range.start == reach && at_column(&s.text)
        })
    }

    /// Entries are diffed key by key; removed ones are cut out, new ones inserted together.
    /// A YAML merge key (`<<`) is not in the model: its keys are, and one changed is
    /// written as a key of the mapping's own, which overrides the merge.
    fn diff_map(
        &self,
        m: &Map,
        new: &JsonMap<String, Json>,
        path: &str,
        out: &mut Vec<Splice>,
    ) -> Result<(), EditError> {
        let null_removes = self.syntax.null_removes_key();
        let merged = |key: &str| {
            m.merge
                .as_ref()
                .and_then(|mg| mg.values.iter().find(|(k, _)| k == key))
                .map(|(_, v)| v)
        };
        if let Some((key, _)) = m
            .merge
            .iter()
            .flat_map(|mg| &mg.values)
            .find(|(k, _)| new.get(k).is_none_or(|v| v.is_null() && null_removes))
        {
            return Err(EditError::new(
                join(path, key),
                "comes from a YAML merge key (`<<`): remove it where it is defined, or set \
                 it here to override it",
            ));
        }
        let removed: Vec<bool> = m
            .entries
            .iter()
            .enumerate()
            .map(|(i, e)| match new.get(&e.key) {
                _ if m.merge.as_ref().is_some_and(|mg| mg.entry == i) => false,
                None => true,
                Some(Json::Null) => null_removes,
                Some(_) => false,
            })
            .collect();
        // Removed first, so that an alias after a removed anchor sees it gone.
        self.remove_entries(m, &removed, out);
        for (i, (e, gone)) in m.entries.iter().zip(&removed).enumerate() {
            let merge_key = m.merge.as_ref().is_some_and(|mg| mg.entry == i);
            if !gone && !merge_key {
                self.diff_entry(m, e, &new[&e.key], &join(path, &e.key), out)?;
            }
        }
        let added: Vec<(&String, &Json)> = new
            .iter()
            .filter(|(k, v)| {
                !m.entries.iter().any(|e| &e.key == *k)
                    && (!v.is_null() || !null_removes)
                    && merged(k) != Some(*v)
            })
            .collect();
        if !added.is_empty() {
            out.push(self.insert_entries(m, &added, path)?);
        }
        Ok(())
    }

    /// Items are matched to the new values by an alignment that keeps the unchanged ones
    /// (their text and comments stay theirs); between two kept items, the old and new ones
    /// are diffed in order, the extra old ones cut out (whole lines in a block sequence,
    /// with a comma in a flow one) and the extra new ones written before the next kept
    /// item, like the first item. A block sequence whose items do not each start their
    /// line (`- - a`) is diffed by position, and what is added or removed is at its end.
    fn diff_seq(
        &self,
        items: &[Node],
        flow: bool,
        new: &[Json],
        path: &str,
        out: &mut Vec<Splice>,
    ) -> Result<(), EditError> {
        let lines = flow || items.iter().all(|item| self.starts_its_line(item));
        let steps = if lines {
            align(items, new)
        } else {
            positional(items.len(), new.len())
        };
        let mut removed = vec![false; items.len()];
        let mut pending: Vec<usize> = Vec::new();
        for step in steps {
            match step {
                Step::Pair(i, j) | Step::Same(i, j) => {
                    self.insert_items(items, flow, Some(i), &pending, new, path, out)?;
                    pending.clear();
                    // An unchanged item is diffed too: an alias in it may need writing out.
                    if let (Some(item), Some(v)) = (items.get(i), new.get(j)) {
                        self.diff(item, v, &format!("{path}[{j}]"), out)?;
                    }
                }
                Step::Remove(i) => {
                    if let Some(r) = removed.get_mut(i) {
                        *r = true;
                    }
                }
                Step::Add(j) => pending.push(j),
            }
        }
        self.insert_items(items, flow, None, &pending, new, path, out)?;
        self.remove_items(items, flow, lines, &removed, out);
        Ok(())
    }

    /// Whether a block sequence's item starts its line after its `-` (`  - a`, `  - &x a`,
    /// `  - !!str a`: an anchor or a tag is the item's).
    fn starts_its_line(&self, item: &Node) -> bool {
        let start = text::line_start(self.src, item.span.start);
        self.src.get(start..item.span.start).is_some_and(|lead| {
            lead.trim()
                .strip_prefix('-')
                .is_some_and(|rest| rest.split_whitespace().all(|w| w.starts_with(['&', '!'])))
        })
    }

    /// Writes the new values `adds` (indices into `new`) before item `before`, or after the
    /// last item.
    #[allow(
        clippy::too_many_arguments,
        reason = "one step of diff_seq, which owns all of these"
    )]
    fn insert_items(
        &self,
        items: &[Node],
        flow: bool,
        before: Option<usize>,
        adds: &[usize],
        new: &[Json],
        path: &str,
        out: &mut Vec<Splice>,
    ) -> Result<(), EditError> {
        let (Some(first), Some(last)) = (items.first(), items.last()) else {
            return Ok(());
        };
        if adds.is_empty() {
            return Ok(());
        }
        let line0 = text::line_start(self.src, first.span.start);
        let line = self.src.get(line0..first.span.start).unwrap_or_default();
        // The indentation and the `- ` of the first item, without its anchor or tag.
        let lead = match line.find('-').filter(|_| !flow) {
            Some(dash) => {
                let after = line.get(dash + 1..).unwrap_or_default();
                let blanks = after.len() - after.trim_start_matches([' ', '\t']).len();
                line.get(..dash + 1 + blanks.max(1)).unwrap_or(line)
            }
            None => line,
        };
        let eol = self.doc.eol;
        let mut written = Vec::new();
        for &j in adds {
            let v = new.get(j).unwrap_or(&Json::Null);
            let item = self
                .syntax
                .item(v)
                .map_err(|m| EditError::new(format!("{path}[{j}]"), m))?;
            written.push(item);
        }
        let before = before.and_then(|i| items.get(i));
        let after_last = text::line_end_after_eol(self.src, last.span.end);
        let last_line_ends = self
            .src
            .get(..after_last)
            .is_some_and(|t| t.ends_with('\n'));
        let (at, text) = match (flow, before) {
            (true, Some(item)) => (
                item.span.start,
                written.iter().map(|w| format!("{w}, ")).collect(),
            ),
            (true, None) => (
                last.span.end,
                written.iter().map(|w| format!(", {w}")).collect(),
            ),
            (false, Some(item)) if self.starts_its_line(item) => (
                text::line_start(self.src, item.span.start),
                written.iter().map(|w| format!("{lead}{w}{eol}")).collect(),
            ),
            (false, None) if self.starts_its_line(last) && last_line_ends => (
                after_last,
                written.iter().map(|w| format!("{lead}{w}{eol}")).collect(),
            ),
            _ => (
                last.span.end,
                written
                    .iter()
                    .map(|w| format!("{eol}{lead}{w}"))
                    .collect::<String>(),
            ),
        };
        out.push(Splice::insert(at, text));
        Ok(())
    }

    /// The cut of the last items `a..=b` of a flow list one to a line: their lines, and
    /// (pushed onto `out`) the comma of the item now last when they had none after them
    /// (JSON allows no trailing comma).
    fn last_lines_cut(
        &self,
        items: &[Node],
        (a, b): (usize, usize),
        out: &mut Vec<Splice>,
    ) -> std::ops::Range<usize> {
        let (Some(first), Some(last), Some(kept)) = (
            items.get(a),
            items.get(b),
            a.checked_sub(1).and_then(|k| items.get(k)),
        ) else {
            return 0..0;
        };
        let end = text::line_end_after_eol(self.src, last.span.end);
        let rest = self.src.get(last.span.end..end).unwrap_or_default();
        // Only a comma, a comment or nothing may follow on its line (not the `]`).
        let after = rest.trim_start_matches([',', ' ', '\t']);
        let alone = after.trim_end().is_empty() || after.starts_with('#');
        if !rest.ends_with('\n') {
            return kept.span.end..last.span.end;
        }
        let kept_rest = self.src.get(kept.span.end..).unwrap_or_default();
        if !rest.trim_start().starts_with(',') && kept_rest.trim_start().starts_with(',') {
            let comma = kept.span.end + kept_rest.find(',').unwrap_or(0);
            out.push(Splice::new(comma..comma + 1, ""));
        }
        // The `]` (and what follows it) on the last item's line stays, on its own line.
        let cut_end = if alone { end } else { last.span.end };
        text::line_start(self.src, first.span.start)..cut_end
    }

    /// Cuts out each run of removed items: in a flow sequence with the comma after it (before
    /// it, for a run at the end), its whole lines when the items are one to a line; in a
    /// block one whose items start their lines, its whole lines; else (a run at the end) the
    /// text from the last kept item's end.
    #[allow(
        clippy::indexing_slicing,
        reason = "`removed` has one flag per item (diff_seq builds it so); `a..=b` is a run of \
                  indices below `n`, `a - 1` is taken only when `a > 0` and `b + 1` only \
                  when it is below `n`"
    )]
    fn remove_items(
        &self,
        items: &[Node],
        flow: bool,
        lines: bool,
        removed: &[bool],
        out: &mut Vec<Splice>,
    ) {
        let n = items.len();
        let mut a = 0;
        while a < n {
            if !removed[a] {
                a += 1;
                continue;
            }
            let mut b = a;
            while b + 1 < n && removed[b + 1] {
                b += 1;
            }
            let next = (b + 1 < n).then(|| &items[b + 1]);
            let own_line = |item: &Node| {
                let start = text::line_start(self.src, item.span.start);
                self.src
                    .get(start..item.span.start)
                    .is_some_and(|lead| lead.trim().is_empty())
            };
            let cut = match (flow, lines, next) {
                // Items one to a line (`[⏎  "a", # note⏎  "b",⏎]`): the run's lines.
                (true, _, Some(next)) if own_line(&items[a]) && own_line(next) => {
                    text::line_start(self.src, items[a].span.start)
                        ..text::line_start(self.src, next.span.start)
                }
                (true, _, Some(next)) => items[a].span.start..next.span.start,
                (true, _, None) if a > 0 && own_line(&items[a]) && own_line(&items[a - 1]) => {
                    self.last_lines_cut(items, (a, b), out)
                }
                (true, _, None) if a > 0 => items[a - 1].span.end..items[b].span.end,
                (false, true, Some(next)) => {
                    text::line_start(self.src, items[a].span.start)
                        ..text::line_start(self.src, next.span.start)
                }
                (false, true, None) if a > 0 => {
                    let end = text::line_end_after_eol(self.src, items[b].span.end);
                    if self.src.get(..end).is_some_and(|t| t.ends_with('\n')) {
                        text::line_start(self.src, items[a].span.start)..end
                    } else {
                        items[a - 1].span.end..items[b].span.end
                    }
                }
                (false, false, None) if a > 0 => items[a - 1].span.end..items[b].span.end,
                // `diff` sends only a non-empty new sequence here, so something is kept.
                _ => a..a,
            };
            if !cut.is_empty() {
                out.push(Splice::new(cut, ""));
            }
            a = b + 1;
        }
    }

    /// Cuts out each run of removed entries: whole lines, or an entry with the comma
    /// before it (after it, for the first entry of a braced mapping).
    #[allow(
        clippy::indexing_slicing,
        reason = "`removed` has one flag per entry (`diff_map` builds it from `m.entries`); \
                  `a..=b` is a run of indices below `n`, `a - 1` is taken only when `a > 0` \
                  and `b + 1` only when it is below `n`"
    )]
    fn remove_entries(&self, m: &Map, removed: &[bool], out: &mut Vec<Splice>) {
        let n = m.entries.len();
        let mut i = 0;
        while i < n {
            if !removed[i] {
                i += 1;
                continue;
            }
            let a = i;
            while i < n && removed[i] {
                i += 1;
            }
            let b = i - 1;
            let range = match m.layout {
                Layout::Lines { .. } | Layout::Fixed => {
                    m.entries[a].lines.start..m.entries[b].lines.end
                }
                Layout::Braces { .. } if a > 0 => {
                    m.entries[a - 1].value.span.end..m.entries[b].value.span.end
                }
                Layout::Braces { .. } if b + 1 < n => {
                    m.entries[a].key_span.start..m.entries[b + 1].key_span.start
                }
                Layout::Braces { .. } => m.entries[a].key_span.start..m.entries[b].value.span.end,
            };
            // A TOML table's sub-tables (`[params.deep]` of `[params]`) stand apart from
            // its lines: they go too.
            let mut cuts = vec![range];
            for e in m.entries.get(a..=b).unwrap_or_default() {
                sub_table_lines(&e.value, &mut cuts);
            }
            cuts.sort_by_key(|r| (r.start, r.end));
            let mut merged: Vec<std::ops::Range<usize>> = Vec::new();
            for cut in cuts {
                match merged.last_mut() {
                    Some(last) if cut.start <= last.end => last.end = last.end.max(cut.end),
                    _ => merged.push(cut),
                }
            }
            out.extend(merged.into_iter().map(|r| Splice::new(r, "")));
        }
    }

    /// The splice that adds `added` to `m`, after its last entry, written like its entries.
    fn insert_entries(
        &self,
        m: &Map,
        added: &[(&String, &Json)],
        path: &str,
    ) -> Result<Splice, EditError> {
        let eol = self.doc.eol;
        let prefer = self.preferred_string_style(m);
        let mut text = String::new();
        match &m.layout {
            Layout::Fixed => {
                return Err(EditError::new(
                    join(path, added.first().map_or("", |(k, _)| k.as_str())),
                    "keys cannot be added here: the table is only implied by its sub-tables; \
                     add it explicitly first",
                ))
            }
            Layout::Lines { prefix } => {
                let before = self.src.get(..m.insert_at).unwrap_or_default();
                if m.insert_at > 0 && !before.ends_with('\n') {
                    text.push_str(eol);
                }
                for (k, v) in added {
                    let p = join(path, k);
                    text.push_str(&m.indent);
                    text.push_str(prefix);
                    text.push_str(&self.entry(k, v, prefer, &p)?);
                    text.push_str(eol);
                }
            }
            Layout::Braces { .. } => {
                let sep = self.brace_separator(m);
                for (i, (k, v)) in added.iter().enumerate() {
                    if i > 0 || !m.entries.is_empty() {
                        text.push(',');
                        text.push_str(&sep);
                    }
                    text.push_str(&self.entry(k, v, prefer, &join(path, k))?);
                }
            }
        }
        Ok(Splice::insert(m.insert_at, text))
    }

    /// The whitespace written after the comma between two entries of a braced mapping.
    fn brace_separator(&self, m: &Map) -> String {
        let ws = match m.entries.as_slice() {
            [] => "",
            [only] => {
                // Between `{` and the first key, e.g. "\n  " in a pretty-printed object.
                let before = self.src.get(..only.key_span.start).unwrap_or_default();
                before.rsplit_once('{').map_or("", |(_, ws)| ws)
            }
            [.., a, b] => {
                let between = self.src.get(a.value.span.end..b.key_span.start);
                between
                    .and_then(|t| t.split_once(','))
                    .map_or("", |(_, ws)| ws)
            }
        };
        if ws.is_empty() {
            " ".to_string()
        } else {
            ws.to_string()
        }
    }

    /// An entry `e` of the mapping `m` turned into `new` at `path`. An empty string is
    /// quoted (plain, it would be null): given a value, it is written as the mapping's
    /// strings are (a key added empty in the forms, then typed into).
    fn diff_entry(
        &self,
        m: &Map,
        e: &Entry,
        new: &Json,
        path: &str,
        out: &mut Vec<Splice>,
    ) -> Result<(), EditError> {
        match (&e.value.kind, new) {
            (
                Kind::Scalar {
                    value: Json::String(old),
                    style,
                },
                Json::String(v),
            ) if old.is_empty() && !v.is_empty() && *style != Style::Block => {
                let text = self
                    .syntax
                    .scalar(&self.at(&e.value), new, self.preferred_string_style(m))
                    .map_err(|m| EditError::new(path, m))?;
                out.push(Splice::new(e.value.span.clone(), text));
                Ok(())
            }
            _ => self.diff(&e.value, new, path, out),
        }
    }

    /// The style of the mapping's first string (not a date or block scalar), so new strings
    /// match it; the format's default when it has none.
    fn preferred_string_style(&self, m: &Map) -> Style {
        m.entries
            .iter()
            .find_map(|e| match &e.value.kind {
                Kind::Scalar {
                    value: Json::String(_),
                    style,
                } if *style != Style::Datetime && *style != Style::Block => Some(*style),
                _ => None,
            })
            .unwrap_or(self.syntax.new_string_style())
    }

    /// A new entry, errors located at `path`.
    fn entry(&self, key: &str, v: &Json, prefer: Style, path: &str) -> Result<String, EditError> {
        self.syntax
            .entry(key, v, prefer)
            .map_err(|m| EditError::new(path, m))
    }
}

/// One step of a sequence's diff: an old item kept as it is, or diffed into a new value
/// (old index, new index); an old item removed; a new value added.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Step {
    Same(usize, usize),
    Pair(usize, usize),
    Remove(usize),
    Add(usize),
}

impl Step {
    /// The step with both its indices `by` further on.
    fn shifted(self, by: usize) -> Step {
        match self {
            Step::Same(i, j) => Step::Same(i + by, j + by),
            Step::Pair(i, j) => Step::Pair(i + by, j + by),
            Step::Remove(i) => Step::Remove(i + by),
            Step::Add(j) => Step::Add(j + by),
        }
    }
}

/// The most old items alignment can keep as they are before it becomes too slow to find
/// (items × values); longer sequences are diffed by position.
const ALIGNED_CELLS: usize = 1_000_000;

/// The steps that turn `items` into `new`: the longest run of unchanged items kept (a
/// longest common subsequence of their values), and between two kept ones the old and new
/// paired in order, the rest removed or added.
fn align(items: &[Node], new: &[Json]) -> Vec<Step> {
    let old: Vec<Json> = items.iter().map(Node::to_json).collect();
    let (n, m) = (old.len(), new.len());
    // The unchanged items at both ends are kept as they are, however long the list.
    let (head, tail) = crate::text::shared_ends(&old, new);
    let mut steps: Vec<Step> = (0..head).map(|i| Step::Same(i, i)).collect();
    let (old_mid, new_mid) = (head..n - tail, head..m - tail);
    if old_mid.len().saturating_mul(new_mid.len()) > ALIGNED_CELLS {
        steps.extend(positional_between((head, head), (n - tail, m - tail)));
    } else {
        let mid_old = old.get(old_mid.clone()).unwrap_or_default();
        let mid_new = new.get(new_mid.clone()).unwrap_or_default();
        steps.extend(
            common_subsequence(mid_old, mid_new)
                .into_iter()
                .map(|step| step.shifted(head)),
        );
    }
    steps.extend((0..tail).map(|k| Step::Same(n - tail + k, m - tail + k)));
    steps
}

/// [`align`] of `old` and `new` by a longest common subsequence of their values
/// ([`text::common_subsequence`]), the items between two kept ones paired in order.
fn common_subsequence(old: &[Json], new: &[Json]) -> Vec<Step> {
    let mut steps = Vec::new();
    let mut gap = (0, 0);
    for (i, j) in text::common_subsequence(old, new) {
        steps.extend(positional_between(gap, (i, j)));
        steps.push(Step::Same(i, j));
        gap = (i + 1, j + 1);
    }
    steps.extend(positional_between(gap, (old.len(), new.len())));
    steps
}

/// Old items `from.0..to.0` and new values `from.1..to.1` paired in order, the rest of the
/// longer removed or added.
fn positional_between(from: (usize, usize), to: (usize, usize)) -> Vec<Step> {
    let (olds, news) = (from.0..to.0, from.1..to.1);
    let paired = olds.len().min(news.len());
    let mut steps: Vec<Step> = olds
        .clone()
        .zip(news.clone())
        .map(|(i, j)| Step::Pair(i, j))
        .collect();
    steps.extend(olds.skip(paired).map(Step::Remove));
    steps.extend(news.skip(paired).map(Step::Add));
    steps
}

/// `n` old items and `m` new values paired by position.
fn positional(n: usize, m: usize) -> Vec<Step> {
    positional_between((0, 0), (n, m))
}

/// The first node (outermost first, in document order) that starts at or after `at`: the
/// node an anchor ending at `at` is on.
fn first_node_from(node: &Node, at: usize) -> Option<&Node> {
    if node.span.start >= at {
        return Some(node);
    }
    match &node.kind {
        Kind::Map(m) => m.entries.iter().find_map(|e| first_node_from(&e.value, at)),
        Kind::Seq { items, .. } => items.iter().find_map(|i| first_node_from(i, at)),
        _ => None,
    }
}

/// The lines of every entry under `node` that is a table of its own lines (TOML's
/// `[a.b]`, which may stand anywhere after `[a]`), pushed onto `out`.
fn sub_table_lines(node: &Node, out: &mut Vec<std::ops::Range<usize>>) {
    if let Kind::Map(m) = &node.kind {
        for e in &m.entries {
            if matches!(
                &e.value.kind,
                Kind::Map(Map {
                    layout: Layout::Lines { .. },
                    ..
                })
            ) {
                out.push(e.lines.clone());
            }
            sub_table_lines(&e.value, out);
        }
    }
}
