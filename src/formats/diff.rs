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
            _ if node.to_json() == *new => Ok(()),
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
        for (i, (e, gone)) in m.entries.iter().zip(&removed).enumerate() {
            let merge_key = m.merge.as_ref().is_some_and(|mg| mg.entry == i);
            if !gone && !merge_key {
                self.diff_entry(m, e, &new[&e.key], &join(path, &e.key), out)?;
            }
        }
        self.remove_entries(m, &removed, out);
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

    /// Items are diffed one by one; added items go after the last one, written like it;
    /// removed items at the end take the text between them and the last kept item.
    fn diff_seq(
        &self,
        items: &[Node],
        flow: bool,
        new: &[Json],
        path: &str,
        out: &mut Vec<Splice>,
    ) -> Result<(), EditError> {
        // `diff` sends only sequences with items here.
        let (Some(first), Some(last)) = (items.first(), items.last()) else {
            return Ok(());
        };
        for (i, (item, v)) in items.iter().zip(new).enumerate() {
            self.diff(item, v, &format!("{path}[{i}]"), out)?;
        }
        if new.len() > items.len() {
            let mut text = String::new();
            let block_prefix = (!flow).then(|| {
                let line0 = text::line_start(self.src, first.span.start);
                let lead = self.src.get(line0..first.span.start).unwrap_or_default();
                format!("{}{lead}", self.doc.eol)
            });
            for (i, v) in new.iter().skip(items.len()).enumerate() {
                let item_path = format!("{path}[{}]", items.len() + i);
                let item = self
                    .syntax
                    .item(v)
                    .map_err(|m| EditError::new(item_path, m))?;
                match &block_prefix {
                    Some(p) => text.push_str(p),
                    None => text.push_str(", "),
                }
                text.push_str(&item);
            }
            out.push(Splice::insert(last.span.end, text));
        } else if new.len() < items.len() {
            if let Some(kept) = new.len().checked_sub(1).and_then(|i| items.get(i)) {
                out.push(Splice::new(kept.span.end..last.span.end, ""));
            }
        }
        Ok(())
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
            out.push(Splice::new(range, ""));
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
