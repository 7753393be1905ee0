//! Hugo's metadecoders, made lossless: front matter and site configs in YAML, TOML or JSON
//! read into a [`Tree`] of values with byte spans (Hugo: `parser/metadecoders`),
//! and the one way Folio changes it: compare the model's values with the parsed tree and
//! splice new text over exactly the values that differ.
//!
//! Each format module builds a [`Node`] tree from its own parser and knows how to write a
//! value in its syntax; this module holds the format-independent diff.

mod json;
mod toml;
mod yaml;

use std::ops::Range;

use serde_json::{Map as JsonMap, Value as Json};

use crate::error::SyntaxError;
use crate::text::{self, Splice};

/// A `"…"` string with `"`, `\` and control characters escaped: the same in YAML
/// double-quoted scalars, TOML basic strings (and JSON).
pub(crate) fn double_quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Deepest nesting accepted in front matter or config data.
pub const MAX_DEPTH: usize = 64;

/// The three formats Hugo reads front matter and config from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Yaml,
    Toml,
    Json,
}

impl Format {
    /// Upper-case name for messages.
    pub fn name(self) -> &'static str {
        match self {
            Format::Yaml => "YAML",
            Format::Toml => "TOML",
            Format::Json => "JSON",
        }
    }

    /// The format a file extension means.
    pub fn from_extension(ext: &str) -> Option<Format> {
        match ext {
            "yaml" | "yml" => Some(Format::Yaml),
            "toml" => Some(Format::Toml),
            "json" => Some(Format::Json),
            _ => None,
        }
    }
}

/// How a scalar was written, so a new value can be written the same way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// YAML plain scalar; TOML/JSON bare number, boolean or null.
    Plain,
    /// YAML `'…'`; TOML literal `'…'`.
    Single,
    /// YAML/TOML/JSON `"…"`.
    Double,
    /// YAML `|` or `>` block scalar.
    Block,
    /// TOML `"""…"""`.
    TripleDouble,
    /// TOML `'''…'''`.
    TripleSingle,
    /// A TOML date-time, or a YAML plain scalar that is a timestamp.
    Datetime,
}

/// A parsed value with its byte span in the source file.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub span: Range<usize>,
    pub kind: Kind,
}

/// What a node holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    Scalar {
        value: Json,
        style: Style,
    },
    Seq {
        items: Vec<Node>,
        flow: bool,
    },
    Map(Map),
    /// A value Folio shows but cannot rewrite piecewise (TOML arrays of tables, YAML
    /// aliases): replaced whole when changed, if the format allows.
    Opaque(Json),
}

/// A mapping with what is needed to add and remove its keys.
#[derive(Debug, Clone, PartialEq)]
pub struct Map {
    pub entries: Vec<Entry>,
    pub layout: Layout,
    /// Where a new key is inserted.
    pub insert_at: usize,
    /// Indentation of the keys (block layouts).
    pub indent: String,
}

/// How a mapping is written.
#[derive(Debug, Clone, PartialEq)]
pub enum Layout {
    /// One key per line: YAML block mappings, TOML root and `[table]`s. `prefix` is a TOML
    /// dotted-key prefix (`params.`) for keys of a dotted table.
    Lines { prefix: String },
    /// `{a: 1, b: 2}` or a JSON object: keys separated by commas, closed at `close`.
    Braces { close: usize },
    /// Keys cannot be added (an implicit TOML table, an array of tables).
    Fixed,
}

/// One key of a mapping.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub key: String,
    pub key_span: Range<usize>,
    /// What to delete to remove the entry from a `Lines` layout: its whole lines.
    pub lines: Range<usize>,
    /// For YAML: the byte after the `:`; a block collection is replaced from here.
    pub after_colon: usize,
    pub value: Node,
}

/// A parsed front matter or config file: its format, the tree and the source it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Tree {
    pub format: Format,
    pub root: Node,
    /// The line ending new lines get.
    pub eol: &'static str,
}

impl Tree {
    /// Parses `src[range]` as `format`. Spans in the tree are offsets into `src`.
    pub fn parse(src: &str, range: Range<usize>, format: Format) -> Result<Tree, SyntaxError> {
        let root = match format {
            Format::Yaml => yaml::parse(src, range.clone())?,
            Format::Toml => toml::parse(src, range.clone())?,
            Format::Json => json::parse(src, range.clone())?,
        };
        if !matches!(root.kind, Kind::Map(_)) {
            return Err(SyntaxError::new(
                range.start,
                format!("{} data must be a mapping of keys to values", format.name()),
            ));
        }
        Ok(Tree {
            format,
            root,
            eol: text::dominant_eol(&src[range]),
        })
    }

    /// The values as JSON, keys in file order.
    pub fn to_json(&self) -> Json {
        self.root.to_json()
    }

    /// The node at a path of keys.
    pub fn get(&self, path: &[&str]) -> Option<&Node> {
        let mut node = &self.root;
        for key in path {
            let Kind::Map(m) = &node.kind else {
                return None;
            };
            node = &m.entries.iter().find(|e| e.key == *key)?.value;
        }
        Some(node)
    }

    /// The splices that make the data equal `new` (a JSON object), touching only values that
    /// differ. `src` is the text the tree was parsed from.
    pub fn edits(&self, src: &str, new: &Json) -> Result<Vec<Splice>, EditError> {
        let mut out = Vec::new();
        let ctx = Ctx { src, doc: self };
        ctx.diff(&self.root, new, "", &mut out)?;
        Ok(out)
    }

    /// The splices that set the value at `path` to `new`, creating keys as needed.
    pub fn set(&self, src: &str, path: &[&str], new: &Json) -> Result<Vec<Splice>, EditError> {
        let mut target = new.clone();
        for (i, key) in path.iter().enumerate().rev() {
            let mut whole = self
                .get(&path[..i])
                .map(Node::to_json)
                .unwrap_or_else(|| Json::Object(JsonMap::new()));
            match &mut whole {
                Json::Object(o) => {
                    o.insert((*key).to_string(), target);
                }
                _ => {
                    return Err(EditError::new(
                        path[..i].join("."),
                        "is not a mapping, so it cannot hold keys",
                    ))
                }
            }
            target = whole;
        }
        self.edits(src, &target)
    }
}

impl Node {
    /// The node's value as JSON.
    pub fn to_json(&self) -> Json {
        match &self.kind {
            Kind::Scalar { value, .. } => value.clone(),
            Kind::Opaque(v) => v.clone(),
            Kind::Seq { items, .. } => Json::Array(items.iter().map(Node::to_json).collect()),
            Kind::Map(m) => Json::Object(
                m.entries
                    .iter()
                    .map(|e| (e.key.clone(), e.value.to_json()))
                    .collect(),
            ),
        }
    }
}

/// A value that cannot be written, with the key path it was found at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditError {
    /// Dotted key path (`params.social.github`).
    pub at: String,
    pub message: String,
}

impl EditError {
    /// An error at key path `at`.
    pub fn new(at: impl Into<String>, message: impl Into<String>) -> Self {
        EditError {
            at: at.into(),
            message: message.into(),
        }
    }

    /// The core error for a model read from `path`.
    pub fn in_model(self, path: &std::path::Path) -> crate::Error {
        crate::Error::model(path, self.at, self.message)
    }
}

struct Ctx<'a> {
    src: &'a str,
    doc: &'a Tree,
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

impl Ctx<'_> {
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
                    let text = match v {
                        Json::String(s)
                            if self.doc.format == Format::Yaml && *style == Style::Block =>
                        {
                            yaml::block(s, yaml::block_indent(self.src, node), self.doc.eol)
                        }
                        _ => self.scalar(v, Some(*style), path)?,
                    };
                    out.push(Splice::new(node.span.clone(), text));
                }
                Ok(())
            }
            _ if node.to_json() == *new => Ok(()),
            _ => {
                if matches!(node.kind, Kind::Opaque(_)) && self.doc.format == Format::Toml {
                    return Err(EditError::new(
                        path,
                        "arrays of tables cannot be edited in Folio",
                    ));
                }
                out.push(self.replace(node, new, path)?);
                Ok(())
            }
        }
    }

    fn diff_map(
        &self,
        m: &Map,
        new: &JsonMap<String, Json>,
        path: &str,
        out: &mut Vec<Splice>,
    ) -> Result<(), EditError> {
        let removed: Vec<bool> = m
            .entries
            .iter()
            .map(|e| match new.get(&e.key) {
                None => true,
                Some(Json::Null) => self.doc.format == Format::Toml,
                Some(_) => false,
            })
            .collect();
        for (e, gone) in m.entries.iter().zip(&removed) {
            if !gone {
                self.diff(&e.value, &new[&e.key], &join(path, &e.key), out)?;
            }
        }
        self.remove_entries(m, &removed, out);
        let added: Vec<(&String, &Json)> = new
            .iter()
            .filter(|(k, v)| {
                !m.entries.iter().any(|e| &e.key == *k)
                    && (!v.is_null() || self.doc.format != Format::Toml)
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
        let common = items.len().min(new.len());
        for i in 0..common {
            self.diff(&items[i], &new[i], &format!("{path}[{i}]"), out)?;
        }
        let last = &items[items.len() - 1];
        if new.len() > items.len() {
            let mut text = String::new();
            let block_prefix = (!flow).then(|| {
                let line0 = text::line_start(self.src, items[0].span.start);
                let lead = &self.src[line0..items[0].span.start];
                format!("{}{lead}", self.doc.eol)
            });
            for (i, v) in new[items.len()..].iter().enumerate() {
                let item = self.item(v, &format!("{path}[{}]", items.len() + i))?;
                match &block_prefix {
                    Some(p) => text.push_str(p),
                    None => text.push_str(", "),
                }
                text.push_str(&item);
            }
            out.push(Splice::insert(last.span.end, text));
        } else if new.len() < items.len() {
            out.push(Splice::new(items[common - 1].span.end..last.span.end, ""));
        }
        Ok(())
    }

    /// One sequence item in the document's format.
    fn item(&self, v: &Json, path: &str) -> Result<String, EditError> {
        match self.doc.format {
            Format::Yaml => Ok(yaml::flow_value(v)),
            Format::Toml => toml::value(v).map_err(|m| EditError::new(path, m)),
            Format::Json => Ok(json::scalar(v)),
        }
    }

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
                    join(path, added[0].0),
                    "keys cannot be added here: the table is only implied by its sub-tables; add it explicitly first",
                ))
            }
            Layout::Lines { prefix } => {
                if m.insert_at > 0 && !self.src[..m.insert_at].ends_with('\n') {
                    text.push_str(eol);
                }
                for (k, v) in added {
                    let p = join(path, k);
                    text.push_str(&m.indent);
                    text.push_str(prefix);
                    text.push_str(&self.entry(k, v, &m.indent, prefer, &p)?);
                    text.push_str(eol);
                }
            }
            Layout::Braces { close } => {
                let sep = self.brace_separator(m, *close);
                for (i, (k, v)) in added.iter().enumerate() {
                    if i > 0 || !m.entries.is_empty() {
                        text.push(',');
                        text.push_str(&sep);
                    }
                    text.push_str(&self.entry(k, v, "", prefer, &join(path, k))?);
                }
                if m.entries.is_empty() {
                    let at = m.insert_at;
                    return Ok(Splice::insert(at, text));
                }
            }
        }
        Ok(Splice::insert(m.insert_at, text))
    }

    /// The whitespace written after the comma between two entries of a braced mapping.
    fn brace_separator(&self, m: &Map, _close: usize) -> String {
        let ws = match m.entries.len() {
            0 => "",
            1 => {
                // Between `{` and the first key, e.g. "\n  " in a pretty-printed object.
                let key = m.entries[0].key_span.start;
                let open = self.src[..key].rfind('{').map_or(key, |i| i + 1);
                &self.src[open..key]
            }
            n => {
                let between =
                    &self.src[m.entries[n - 2].value.span.end..m.entries[n - 1].key_span.start];
                between.find(',').map_or("", |i| &between[i + 1..])
            }
        };
        if ws.is_empty() {
            " ".to_string()
        } else {
            ws.to_string()
        }
    }

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
            .unwrap_or(match self.doc.format {
                Format::Yaml => Style::Plain,
                _ => Style::Double,
            })
    }

    fn scalar(&self, v: &Json, style: Option<Style>, path: &str) -> Result<String, EditError> {
        match self.doc.format {
            Format::Yaml => Ok(yaml::scalar(v, style)),
            Format::Toml => toml::scalar(v, style).map_err(|m| EditError::new(path, m)),
            Format::Json => Ok(json::scalar(v)),
        }
    }

    fn entry(
        &self,
        key: &str,
        v: &Json,
        indent: &str,
        prefer: Style,
        path: &str,
    ) -> Result<String, EditError> {
        match self.doc.format {
            Format::Yaml => Ok(yaml::entry(key, v, indent, prefer, self.doc.eol)),
            Format::Toml => toml::entry(key, v, prefer).map_err(|m| EditError::new(path, m)),
            Format::Json => Ok(json::entry(key, v)),
        }
    }

    fn replace(&self, node: &Node, new: &Json, path: &str) -> Result<Splice, EditError> {
        match self.doc.format {
            Format::Yaml => Ok(yaml::replace(
                self.src,
                node,
                new,
                self.doc.eol,
                self.parent_entry(node),
            )),
            Format::Toml
                if matches!(
                    &node.kind,
                    Kind::Map(Map {
                        layout: Layout::Lines { .. } | Layout::Fixed,
                        ..
                    })
                ) =>
            {
                Err(EditError::new(
                    path,
                    "is a TOML table; it can only be changed key by key",
                ))
            }
            Format::Toml => toml::value(new)
                .map(|t| Splice::new(node.span.clone(), t))
                .map_err(|m| EditError::new(path, m)),
            Format::Json => Ok(Splice::new(node.span.clone(), json::scalar(new))),
        }
    }

    /// The entry whose value is `node`, if any (YAML needs it to rewrite block collections).
    fn parent_entry(&self, node: &Node) -> Option<&Entry> {
        fn find<'n>(at: &'n Node, target: &Node) -> Option<&'n Entry> {
            match &at.kind {
                Kind::Map(m) => m.entries.iter().find_map(|e| {
                    if std::ptr::eq(&e.value, target) {
                        Some(e)
                    } else {
                        find(&e.value, target)
                    }
                }),
                Kind::Seq { items, .. } => items.iter().find_map(|i| find(i, target)),
                _ => None,
            }
        }
        find(&self.doc.root, node)
    }
}
