//! TOML: a span tree built from toml_edit's parsed (not re-printed) document, and writing
//! values the TOML way (`write.rs`). Folio never prints a document through toml_edit, so nothing it did
//! not change is re-formatted (toml_edit would, for instance, turn CR-LF into LF).

mod write;

use std::ops::Range;

use serde_json::{Number, Value as Json};
use toml_edit::{Document, InlineTable, Item, Table, Value};

use super::{Entry, Kind, Layout, Map, Node, Style};
use crate::error::SyntaxError;
use crate::text;
use write::bare_or_quoted;
pub(crate) use write::TomlSyntax;

/// Parses `src[range]` into a tree whose spans are offsets into `src`.
#[allow(
    clippy::string_slice,
    reason = "`range` is the front matter's body as `frontmatter::split` found it (or a \
              whole config file), so it lies on char boundaries of `src`"
)]
pub fn parse(src: &str, range: Range<usize>) -> Result<Node, SyntaxError> {
    let doc = Document::parse(&src[range.clone()]).map_err(|e| {
        let at = e.span().map_or(0, |s| s.start);
        let msg = e.message().trim().trim_end_matches('.').to_string();
        SyntaxError::new(
            range.start + at,
            format!("invalid TOML: {}", first_lower(&msg)),
        )
    })?;
    let b = Builder {
        src,
        base: range.start,
    };
    let mut root = b.table(doc.as_table(), "", true);
    root.span = range;
    Ok(root)
}

/// `s` with its first letter in lower case (toml_edit's messages start upper-case).
fn first_lower(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Builds nodes from toml_edit's tree; spans are offset by `base` into `src`.
struct Builder<'a> {
    src: &'a str,
    base: usize,
}

impl Builder<'_> {
    /// A toml_edit span as an offset range into `src` (empty at `base` when it has none).
    fn span(&self, r: Option<Range<usize>>) -> Range<usize> {
        r.map_or(self.base..self.base, |r| {
            self.base + r.start..self.base + r.end
        })
    }

    /// A table (the root, a `[header]` table, or a dotted one whose keys carry `prefix`) as
    /// a mapping node whose span runs from its header to its last line.
    fn table(&self, t: &Table, prefix: &str, root: bool) -> Node {
        let header = self.span(t.span());
        let mut entries = Vec::new();
        let mut lines = KvLines::default();
        for (k, item) in t.iter() {
            let Some((key, _)) = t.get_key_value(k) else {
                continue;
            };
            let key_span = self.span(key.span());
            let Some((value, entry_lines)) = self.item(k, item, &key_span, prefix, &mut lines)
            else {
                continue;
            };
            entries.push(Entry {
                key: k.to_string(),
                key_span,
                lines: entry_lines,
                after_colon: value.span.start,
                value,
            });
        }
        let header_line_end = text::line_end_after_eol(self.src, header.end.min(self.src.len()));
        let insert_at = lines
            .end
            .unwrap_or(if root { self.base } else { header_line_end });
        let layout = if t.is_dotted() {
            Layout::Lines {
                prefix: prefix.to_string(),
            }
        } else if t.is_implicit() && !root {
            Layout::Fixed
        } else {
            Layout::Lines {
                prefix: String::new(),
            }
        };
        Node {
            span: self.extent(t, &entries, header, header_line_end),
            kind: Kind::Map(Map {
                entries,
                layout,
                insert_at,
                indent: lines.indent.unwrap_or_default(),
                merge: None,
            }),
        }
    }

    /// The value of key `k` (written at `key_span`) in a table, and the bytes to delete to
    /// remove the entry; `None` for an empty item. Records key-value lines in `lines`.
    fn item(
        &self,
        k: &str,
        item: &Item,
        key_span: &Range<usize>,
        prefix: &str,
        lines: &mut KvLines,
    ) -> Option<(Node, Range<usize>)> {
        Some(match item {
            Item::Value(v) => {
                let node = self.value(v);
                let line0 = text::line_start(self.src, key_span.start);
                let end = text::line_end_after_eol(self.src, node.span.end.max(key_span.end));
                lines.extend_to(end);
                if lines.indent.is_none() {
                    // The line's leading blanks only: a dotted key's own key starts after
                    // its prefix (`params.a`), which the table's layout writes itself.
                    let before = self.src.get(line0..key_span.start).unwrap_or_default();
                    let blanks = before.len() - before.trim_start_matches([' ', '\t']).len();
                    lines.indent = Some(before.get(..blanks).unwrap_or_default().to_string());
                }
                (node, line0..end)
            }
            Item::Table(sub) if sub.is_dotted() => {
                let node = self.table(sub, &format!("{prefix}{}.", bare_or_quoted(k)), false);
                if let Kind::Map(m) = &node.kind {
                    if let Some(e) = m.entries.iter().map(|e| e.lines.end).max() {
                        lines.extend_to(e);
                    }
                }
                let span = node.span.clone();
                (node, span)
            }
            Item::Table(sub) => {
                let node = self.table(sub, "", false);
                let span = node.span.clone();
                (node, span)
            }
            Item::ArrayOfTables(a) => {
                let span = self.span(a.span());
                let tables = a.iter().map(|t| self.table(t, "", false));
                let node = Node {
                    span: span.clone(),
                    kind: Kind::Tables(tables.collect()),
                };
                (node, span)
            }
            Item::None => return None,
        })
    }

    /// A table's extent, for removing it whole: from its header (a dotted table: its first
    /// key) to its last line.
    fn extent(
        &self,
        t: &Table,
        entries: &[Entry],
        header: Range<usize>,
        header_line_end: usize,
    ) -> Range<usize> {
        let end = entries
            .iter()
            .filter(|e| {
                !matches!(
                    e.value.kind,
                    Kind::Map(Map {
                        layout: Layout::Lines { .. } | Layout::Fixed,
                        ..
                    })
                ) || t.is_dotted()
            })
            .map(|e| e.lines.end)
            .max()
            .unwrap_or(header_line_end)
            .max(header.end);
        let start = if t.is_dotted() {
            entries
                .iter()
                .map(|e| e.lines.start)
                .min()
                .unwrap_or(header.start)
        } else {
            text::line_start(self.src, header.start.min(self.src.len()))
        };
        start..end
    }

    /// A value as a node: scalars with their style, arrays, inline tables.
    fn value(&self, v: &Value) -> Node {
        let span = self.span(v.span());
        let raw = self.src.get(span.clone()).unwrap_or_default();
        let kind = match v {
            Value::String(s) => Kind::Scalar {
                value: Json::String(s.value().clone()),
                style: string_style(raw),
            },
            Value::Integer(i) => Kind::Scalar {
                value: Json::from(*i.value()),
                style: Style::Plain,
            },
            Value::Float(f) => match Number::from_f64(*f.value()) {
                Some(n) => Kind::Scalar {
                    value: Json::Number(n),
                    style: Style::Plain,
                },
                None => Kind::Opaque(Json::String(raw.trim().to_string())),
            },
            Value::Boolean(b) => Kind::Scalar {
                value: Json::Bool(*b.value()),
                style: Style::Plain,
            },
            // As written (`2031-01-01 10:00:00` keeps its space; toml_edit would print a `T`).
            Value::Datetime(d) => Kind::Scalar {
                value: Json::String(
                    Some(raw.trim())
                        .filter(|r| !r.is_empty())
                        .map_or_else(|| d.value().to_string(), str::to_string),
                ),
                style: Style::Datetime,
            },
            Value::Array(a) => Kind::Seq {
                items: a.iter().map(|v| self.value(v)).collect(),
                flow: true,
            },
            Value::InlineTable(t) => self.inline_table(t, &span),
        };
        Node { span, kind }
    }

    /// `{ k = v, … }` spanning `span`, as a braced mapping.
    fn inline_table(&self, t: &InlineTable, span: &Range<usize>) -> Kind {
        let mut entries = Vec::new();
        for (k, v) in t.iter() {
            let Some((key, _)) = t.get_key_value(k) else {
                continue;
            };
            let node = self.value(v);
            let key_span = self.span(key.span());
            entries.push(Entry {
                key: k.to_string(),
                lines: key_span.start..node.span.end,
                key_span,
                after_colon: node.span.start,
                value: node,
            });
        }
        let close = span.end.saturating_sub(1);
        let insert_at = entries.last().map_or(close, |e| e.value.span.end);
        Kind::Map(Map {
            entries,
            layout: Layout::Braces { close },
            insert_at,
            indent: String::new(),
            merge: None,
        })
    }
}

/// Where a table's own key-value lines end (new keys go after them), and their indentation.
#[derive(Default)]
struct KvLines {
    end: Option<usize>,
    indent: Option<String>,
}

impl KvLines {
    /// Records key-value lines running to `end`.
    fn extend_to(&mut self, end: usize) {
        self.end = Some(self.end.map_or(end, |e| e.max(end)));
    }
}

/// How a string was quoted, from its raw text.
fn string_style(raw: &str) -> Style {
    if raw.starts_with("\"\"\"") {
        Style::TripleDouble
    } else if raw.starts_with("'''") {
        Style::TripleSingle
    } else if raw.starts_with('\'') {
        Style::Single
    } else {
        Style::Double
    }
}

/// Whether a TOML date-time has an offset (`2024-01-02T03:04:05Z`, `…+02:00`): go-toml
/// reads it as a Go `time.Time`; a local date, time or date-time as its own types, which
/// print as their text ([`hugo_datetime_text`]).
pub(crate) fn is_zoned(text: &str) -> bool {
    text.trim()
        .parse::<toml_edit::Datetime>()
        .is_ok_and(|d| d.offset.is_some())
}

/// A TOML date-time as Hugo's templates see it, from go-toml's value: a local date
/// (`2006-01-02`), local time (`15:04:05`, a fraction as written) or local date-time
/// (`2006-01-02T15:04:05`) as go-toml's `String` prints it, with its seconds even where
/// TOML 1.1 lets them out; a date-time with an offset in RFC 3339 (`T` and `Z` upper case).
/// Text toml_edit does not read as a date-time is returned as it is.
pub(crate) fn hugo_datetime_text(text: &str) -> String {
    let Ok(d) = text.trim().parse::<toml_edit::Datetime>() else {
        return text.to_string();
    };
    // The fraction's digits as written (go-toml keeps the written precision).
    let fraction = text
        .split_once(['.', ','])
        .map(|(_, rest)| {
            rest.chars()
                .take_while(char::is_ascii_digit)
                .collect::<String>()
        })
        .filter(|f| !f.is_empty())
        .map_or_else(String::new, |f| format!(".{f}"));
    let date = d
        .date
        .map(|d| format!("{:04}-{:02}-{:02}", d.year, d.month, d.day));
    let time = d.time.map(|t| {
        format!(
            "{:02}:{:02}:{:02}{fraction}",
            t.hour,
            t.minute,
            t.second.unwrap_or(0)
        )
    });
    let offset = d.offset.map(|o| match o {
        toml_edit::Offset::Z => "Z".to_string(),
        toml_edit::Offset::Custom { minutes } => {
            let sign = if minutes < 0 { '-' } else { '+' };
            let m = minutes.unsigned_abs();
            format!("{sign}{:02}:{:02}", m / 60, m % 60)
        }
    });
    match (date, time) {
        (Some(date), Some(time)) => format!("{date}T{time}{}", offset.unwrap_or_default()),
        (Some(date), None) => date,
        (None, Some(time)) => time,
        (None, None) => text.to_string(),
    }
}
