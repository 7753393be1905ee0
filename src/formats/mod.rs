//! Hugo's metadecoders, made lossless: front matter and site configs in YAML, TOML or JSON
//! read into a [`Tree`] of values with byte spans (Hugo: `parser/metadecoders`),
//! and the one way Folio changes it: compare the model's values with the parsed tree and
//! splice new text over exactly the values that differ.
//!
//! Each format module builds a [`Node`] tree from its own parser and knows how to write a
//! value in its syntax (its `Syntax`); `diff.rs` holds the format-independent diff.

mod diff;
mod json;
mod toml;
pub(crate) use toml::is_zoned;
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
    /// YAML 1.2 (`---` front matter, `hugo.yaml`).
    Yaml,
    /// TOML 1.0 (`+++` front matter, `hugo.toml`).
    Toml,
    /// JSON (`{ … }` front matter, `hugo.json`).
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
    /// The value as written: a scalar with its quotes, a collection from its first to its
    /// last byte (for a block collection, without the line ending after it).
    pub span: Range<usize>,
    /// What the value is.
    pub kind: Kind,
}

/// What a node holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    /// A string, number, boolean, date or null.
    Scalar {
        /// The value as Hugo reads it (dates as their text).
        value: Json,
        /// How it was written.
        style: Style,
    },
    /// A sequence (YAML) or array (TOML, JSON).
    Seq {
        /// The items in order.
        items: Vec<Node>,
        /// `[a, b]` rather than one item per line (YAML block sequence `- a`).
        flow: bool,
    },
    /// A mapping, table or object.
    Map(Map),
    /// A value Folio shows but cannot rewrite piecewise (YAML aliases): replaced whole
    /// when changed, if the format allows.
    Opaque(Json),
    /// A TOML array of tables (`[[talk]]`), each table read as a map: shown, never
    /// rewritten (TOML has no way to replace it whole in place).
    Tables(Vec<Node>),
}

/// A mapping with what is needed to add and remove its keys.
#[derive(Debug, Clone, PartialEq)]
pub struct Map {
    /// The keys in file order.
    pub entries: Vec<Entry>,
    /// How it is written.
    pub layout: Layout,
    /// Where a new key is inserted.
    pub insert_at: usize,
    /// Indentation of the keys (block layouts).
    pub indent: String,
    /// A YAML merge key (`<<: *base`) and what it brings in.
    pub merge: Option<Merge>,
}

/// A YAML mapping's merge key (`<<: *base`, `<<: [*a, *b]`, YAML 1.1's merge, which Hugo
/// reads): which entry holds it, and the keys it brings in that the mapping does not set
/// itself, with their values (of a list, the later mapping's value wins, as in Hugo).
#[derive(Debug, Clone, PartialEq)]
pub struct Merge {
    /// The index of the `<<` entry in [`Map::entries`].
    pub entry: usize,
    /// The keys merged in, in the order their mappings list them.
    pub values: Vec<(String, Json)>,
}

/// How a mapping is written.
#[derive(Debug, Clone, PartialEq)]
pub enum Layout {
    /// One key per line: YAML block mappings, TOML root and `[table]`s. `prefix` is a TOML
    /// dotted-key prefix (`params.`) for keys of a dotted table.
    Lines {
        /// Written before each new key: empty, or a TOML dotted-key prefix.
        prefix: String,
    },
    /// `{a: 1, b: 2}` or a JSON object: keys separated by commas.
    Braces {
        /// Byte offset of the closing `}`.
        close: usize,
    },
    /// Keys cannot be added (an implicit TOML table, an array of tables).
    Fixed,
}

/// One key of a mapping.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The key as Hugo reads it (unquoted, unescaped).
    pub key: String,
    /// The key as written, quotes included.
    pub key_span: Range<usize>,
    /// What to delete to remove the entry from a `Lines` layout: its whole lines.
    pub lines: Range<usize>,
    /// For YAML: the byte after the `:`; a block collection is replaced from here.
    pub after_colon: usize,
    /// The entry's value.
    pub value: Node,
}

/// A parsed front matter or config file: its format, the tree of values with their spans,
/// and the line ending it uses. It does not hold the source: spans are offsets into the text
/// it was parsed from, which callers keep and pass back to [`Tree::edits`] and [`Tree::set`].
#[derive(Debug, Clone, PartialEq)]
pub struct Tree {
    /// The format it was parsed as.
    pub format: Format,
    /// The top-level mapping (always a [`Kind::Map`]).
    pub root: Node,
    /// The line ending new lines get.
    pub eol: &'static str,
}

/// Parses a whole data file (Hugo's `data/` and `i18n/`, `transform.Unmarshal`'s text)
/// as `format`: unlike front matter and configs, its top level may be any value (a list
/// of projects, say). Its numbers are typed as Hugo's decoder of `format` types them
/// ([`hugo_numbers`]). A TOML date-time is go-toml's value, marked [`TIME`] (a time to
/// the templates when it has an offset, else a local date, time or date-time).
///
/// # Errors
/// Invalid syntax, or data nested deeper than [`MAX_DEPTH`].
pub fn parse_data(src: &str, format: Format) -> Result<Json, SyntaxError> {
    let tree = syntax(format).parse(src, 0..src.len())?;
    Ok(hugo_json(&tree, format))
}

/// `node`, read from `format`, as Hugo's decoder of that format gives it to the
/// templates: its numbers typed ([`hugo_numbers`]), a TOML date-time marked [`TIME`].
pub fn hugo_json(node: &Node, format: Format) -> Json {
    match format {
        Format::Toml => toml_json(node, true),
        Format::Json | Format::Yaml => hugo_numbers(node.to_json(), format),
    }
}

/// `data` read from `format`, its numbers typed as Hugo's decoder of that format types
/// them (`parser/metadecoders`; checked with Hugo 0.168's `printf "%T"`):
/// - JSON: every number a float, as Go's `encoding/json` reads numbers into `any`
///   (`float64`): `{"x": 10}` gives `div .x 4` = `2.5` ([`numbers_as_floats`]);
/// - YAML: a whole number of zero or more a `uint64`, marked [`UINT`] (goccy/go-yaml's
///   type for it: `sub .x 50` of `x: 42` wraps round to 18446744073709551608, and an
///   `i18n` count of it has no `.Count`), a negative one an `int64`;
/// - TOML: as read (`int64`, `float64`).
pub fn hugo_numbers(data: Json, format: Format) -> Json {
    match format {
        Format::Json => numbers_as_floats(data),
        Format::Yaml => unsigned_whole_numbers(data),
        Format::Toml => data,
    }
}

/// The key of the one-entry map [`hugo_numbers`] makes of a YAML whole number of zero or
/// more, which Hugo holds as a `uint64`; a template's value of it is one
/// (`values::from_json`).
pub const UINT: &str = "__folio_uint";

/// `data` with each whole number of zero or more marked [`UINT`].
fn unsigned_whole_numbers(data: Json) -> Json {
    each_number(data, &|n| {
        if n.is_u64() {
            Json::Object(std::iter::once((UINT.to_string(), Json::Number(n))).collect())
        } else {
            Json::Number(n)
        }
    })
}

/// `data` with each number made what `f` makes of it, through lists and maps.
fn each_number(data: Json, f: &impl Fn(serde_json::Number) -> Json) -> Json {
    match data {
        Json::Number(n) => f(n),
        Json::Array(items) => Json::Array(items.into_iter().map(|v| each_number(v, f)).collect()),
        Json::Object(fields) => Json::Object(
            fields
                .into_iter()
                .map(|(k, v)| (k, each_number(v, f)))
                .collect(),
        ),
        other => other,
    }
}

/// The key of the one-entry map [`parse_data`] makes of a TOML date-time, which Hugo's
/// data files and `transform.Unmarshal` hold as a time when it has an offset, else as
/// go-toml's local date, time or date-time (checked with Hugo 0.168: `{{ .when.Year }}`,
/// `printf "%T"`); a template's value of it is one of those (`values::from_json`).
pub const TIME: &str = "__folio_time";

/// A TOML tree's values as Hugo's templates see them: a date-time as go-toml's value
/// prints ([`toml::hugo_datetime_text`]), marked [`TIME`] when `times`.
fn toml_json(node: &Node, times: bool) -> Json {
    let walk = |n: &Node| toml_json(n, times);
    match &node.kind {
        Kind::Scalar {
            value: Json::String(text),
            style: Style::Datetime,
        } => {
            let text = toml::hugo_datetime_text(text);
            if times {
                Json::Object(std::iter::once((TIME.to_string(), Json::String(text))).collect())
            } else {
                Json::String(text)
            }
        }
        Kind::Seq { items, .. } | Kind::Tables(items) => {
            Json::Array(items.iter().map(walk).collect())
        }
        Kind::Map(m) if m.merge.is_none() => Json::Object(
            m.entries
                .iter()
                .map(|e| (e.key.clone(), walk(&e.value)))
                .collect(),
        ),
        _ => node.to_json(),
    }
}

/// Whether a YAML document holds nothing but blank lines, comments and document markers:
/// null to Go's YAML decoder (a data file Hugo leaves unset, `transform.Unmarshal`'s nil),
/// where Folio's reader, made for front matter, gives an empty map.
pub fn yaml_holds_nothing(text: &str) -> bool {
    text.lines().all(|line| {
        let line = line.trim();
        line.is_empty() || line.starts_with('#') || line == "---" || line == "..."
    })
}

/// `data` with every number made a float (`10` → `10.0`), as Go's `encoding/json` reads
/// numbers into an `any`.
fn numbers_as_floats(data: Json) -> Json {
    each_number(
        data,
        &|n| match n.as_f64().and_then(serde_json::Number::from_f64) {
            Some(float) => Json::Number(float),
            None => Json::Number(n),
        },
    )
}

impl Tree {
    /// Parses `src[range]` as `format`. Spans in the tree are offsets into `src`.
    ///
    /// # Errors
    /// Invalid syntax, data nested deeper than [`MAX_DEPTH`], or a top level that is not a
    /// mapping; the error's offset is into `src`.
    pub fn parse(src: &str, range: Range<usize>, format: Format) -> Result<Tree, SyntaxError> {
        let root = syntax(format).parse(src, range.clone())?;
        if !matches!(root.kind, Kind::Map(_)) {
            return Err(SyntaxError::new(
                range.start,
                format!("{} data must be a mapping of keys to values", format.name()),
            ));
        }
        Ok(Tree {
            format,
            root,
            eol: text::dominant_eol(src.get(range).unwrap_or_default()),
        })
    }

    /// The values as JSON, keys in file order.
    pub fn to_json(&self) -> Json {
        self.root.to_json()
    }

    /// The data as Hugo's templates see it: as [`Tree::to_json`], but a TOML date-time as
    /// go-toml's value prints (`2024-01-02T10:00` is `2024-01-02T10:00:00`; TOML's own
    /// spellings `t`, `z` and a blank for `T` written Hugo's way), which is also the text
    /// Hugo reads a page's dates from ([`toml::hugo_datetime_text`]).
    pub fn to_hugo_json(&self) -> Json {
        if self.format == Format::Toml {
            toml_json(&self.root, false)
        } else {
            self.to_json()
        }
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
    /// differ. `src` is the text the tree was parsed from; splice ranges are offsets into it.
    ///
    /// # Errors
    /// A value the format cannot hold (`null` in TOML), or a change Folio cannot write (keys
    /// added to an implied TOML table, an array of tables or a table replaced whole).
    pub fn edits(&self, src: &str, new: &Json) -> Result<Vec<Splice>, EditError> {
        diff::edits(self, src, new)
    }

    /// The splices that set the value at `path` to `new`, creating keys as needed.
    ///
    /// # Errors
    /// As [`Tree::edits`], and a key on the path whose value is not a mapping.
    pub fn set(&self, src: &str, path: &[&str], new: &Json) -> Result<Vec<Splice>, EditError> {
        let mut target = new.clone();
        for (i, key) in path.iter().enumerate().rev() {
            let mut whole = self
                .get(path.get(..i).unwrap_or_default())
                .map(Node::to_json)
                .unwrap_or_else(|| Json::Object(JsonMap::new()));
            match &mut whole {
                Json::Object(o) => {
                    o.insert((*key).to_string(), target);
                }
                _ => {
                    return Err(EditError::new(
                        path.get(..i).unwrap_or_default().join("."),
                        "is not a mapping, so it cannot hold keys",
                    ))
                }
            }
            target = whole;
        }
        self.edits(src, &target)
    }
}

impl Tree {
    /// The entry whose value is `node`, if any (YAML needs it to rewrite block collections).
    pub(crate) fn parent_entry(&self, node: &Node) -> Option<&Entry> {
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
        find(&self.root, node)
    }
}

impl Node {
    /// The node at a path of keys under this one, each key matched in any ASCII case, an
    /// exact match first: Hugo reads config keys so (`[Params]` is `params`, `baseurl` is
    /// `baseURL`; `config/allconfig`, whose maps are lowercased on loading).
    pub fn get_any_case(&self, path: &[&str]) -> Option<&Node> {
        path.iter()
            .try_fold(self, |node, key| node.entry_any_case(key).map(|e| &e.value))
    }

    /// The key of this mapping that `key` names in any ASCII case, as written (an exact
    /// match first); `None` when there is none or this is no mapping.
    pub fn key_any_case(&self, key: &str) -> Option<&str> {
        self.entry_any_case(key).map(|e| e.key.as_str())
    }

    /// The entry of this mapping whose key is `key` in any ASCII case, an exact match
    /// first (the one rule of [`Node::get_any_case`] and [`Node::key_any_case`]).
    fn entry_any_case(&self, key: &str) -> Option<&Entry> {
        let Kind::Map(m) = &self.kind else {
            return None;
        };
        m.entries
            .iter()
            .find(|e| e.key == key)
            .or_else(|| m.entries.iter().find(|e| e.key.eq_ignore_ascii_case(key)))
    }

    /// The node's value as JSON.
    pub fn to_json(&self) -> Json {
        match &self.kind {
            Kind::Scalar { value, .. } => value.clone(),
            Kind::Opaque(v) => v.clone(),
            Kind::Tables(tables) => Json::Array(tables.iter().map(Node::to_json).collect()),
            Kind::Seq { items, .. } => Json::Array(items.iter().map(Node::to_json).collect()),
            Kind::Map(m) => {
                let mut out = serde_json::Map::new();
                for (i, e) in m.entries.iter().enumerate() {
                    match &m.merge {
                        // The merge key stands for the keys it brings in, where it is.
                        Some(merge) if merge.entry == i => {
                            for (k, v) in &merge.values {
                                out.insert(k.clone(), v.clone());
                            }
                        }
                        _ => {
                            out.insert(e.key.clone(), e.value.to_json());
                        }
                    }
                }
                Json::Object(out)
            }
        }
    }
}

/// A value that cannot be written, with the key path it was found at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditError {
    /// Dotted key path (`params.social.github`).
    pub at: String,
    /// What is wrong, lowercase, without the path.
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

/// What Folio does differently for each format: reading it, and writing a value in it. One
/// zero-sized implementation per format module, chosen by [`syntax`]; errors are messages
/// without a key path, which [`diff`] adds.
pub(crate) trait Syntax: Sync {
    /// Parses `src[range]` into a tree whose spans are offsets into `src`.
    fn parse(&self, src: &str, range: Range<usize>) -> Result<Node, SyntaxError>;

    /// Whether a key set to `null` is removed rather than written (TOML has no null).
    fn null_removes_key(&self) -> bool {
        false
    }

    /// The style of a new string in a mapping whose other strings give no hint.
    fn new_string_style(&self) -> Style {
        Style::Double
    }

    /// The text that replaces the scalar `at.node` (written in `style`) by the scalar `v`.
    fn scalar(&self, at: &At<'_>, v: &Json, style: Style) -> Result<String, String>;

    /// Any value, written as a new item of a sequence.
    fn item(&self, v: &Json) -> Result<String, String>;

    /// `key` and `v` written as a new entry of a mapping, without indentation or line ending;
    /// a string in style `prefer` where it can hold it.
    fn entry(&self, key: &str, v: &Json, prefer: Style) -> Result<String, String>;

    /// The splice that replaces `at.node` whole by `new`: its kind changes, or it cannot be
    /// edited piecewise.
    fn replace(&self, at: &At<'_>, new: &Json) -> Result<Splice, String>;
}

/// A value being rewritten: its node, the tree holding it, and the text both were parsed from.
pub(crate) struct At<'a> {
    /// The text the tree was parsed from.
    pub src: &'a str,
    /// The tree holding `node`.
    pub tree: &'a Tree,
    /// The value being rewritten.
    pub node: &'a Node,
}

/// The [`Syntax`] of `format`.
pub(crate) fn syntax(format: Format) -> &'static dyn Syntax {
    match format {
        Format::Yaml => &yaml::YamlSyntax,
        Format::Toml => &toml::TomlSyntax,
        Format::Json => &json::JsonSyntax,
    }
}
