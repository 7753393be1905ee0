//! YAML: a span tree built from saphyr-parser's events, and writing values the YAML way.
//!
//! saphyr's spans count characters, and the end of a quoted scalar's span can run past the
//! closing quote (over a trailing comment), so ends of quoted scalars are found here by
//! scanning the quotes, and character indices are turned into byte offsets before use.

use std::collections::HashMap;
use std::ops::Range;

use saphyr_parser::{Event, Parser, ScalarStyle, Span};
use serde_json::{Number, Value as Json};

use super::{double_quoted, Entry, Kind, Layout, Map, Node, Style, MAX_DEPTH};
use crate::error::SyntaxError;
use crate::text::{self, Splice};

/// Parses `src[range]` into a tree whose spans are offsets into `src`.
pub fn parse(src: &str, range: Range<usize>) -> Result<Node, SyntaxError> {
    let text = &src[range.clone()];
    let bytes_of = CharToByte::new(text);
    let mut b = Builder {
        src,
        base: range.start,
        frames: Vec::new(),
        root: None,
    };
    let mut parser = Parser::new_from_str(text);
    while let Some(ev) = parser.next_event() {
        let (ev, span) = ev.map_err(|e| {
            SyntaxError::new(
                range.start + bytes_of.get(e.marker().index()),
                format!("invalid YAML: {}", e.info()),
            )
        })?;
        let at = range.start + bytes_of.get(span.start.index())
            ..range.start + bytes_of.get(span.end.index());
        b.event(ev, at, span)?;
        if b.frames.len() > MAX_DEPTH {
            return Err(SyntaxError::new(
                range.start + bytes_of.get(span.start.index()),
                format!("YAML nested more than {MAX_DEPTH} levels deep"),
            ));
        }
    }
    Ok(b.root.unwrap_or_else(|| Node {
        span: range.start..range.start,
        kind: Kind::Map(Map {
            entries: Vec::new(),
            layout: Layout::Lines {
                prefix: String::new(),
            },
            insert_at: range.start,
            indent: String::new(),
        }),
    }))
}

/// Character index -> byte offset, for saphyr's character-based markers.
struct CharToByte(Option<Vec<usize>>);

impl CharToByte {
    fn new(text: &str) -> Self {
        if text.is_ascii() {
            return CharToByte(None);
        }
        let mut v: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        v.push(text.len());
        CharToByte(Some(v))
    }

    fn get(&self, idx: usize) -> usize {
        match &self.0 {
            None => idx,
            Some(v) => v.get(idx).copied().unwrap_or(*v.last().unwrap_or(&0)),
        }
    }
}

enum Frame {
    Map {
        start: usize,
        flow: bool,
        entries: Vec<Entry>,
        key: Option<(String, Range<usize>)>,
        first_key: HashMap<String, usize>,
    },
    Seq {
        start: usize,
        flow: bool,
        items: Vec<Node>,
    },
}

struct Builder<'a> {
    src: &'a str,
    base: usize,
    frames: Vec<Frame>,
    root: Option<Node>,
}

impl Builder<'_> {
    fn event(&mut self, ev: Event, at: Range<usize>, _span: Span) -> Result<(), SyntaxError> {
        match ev {
            Event::Scalar(value, style, _, tag) => {
                let node = self.scalar(&value, style, at, tag.is_some_and(|t| t.suffix == "str"));
                self.add(node)
            }
            Event::Alias(_) => self.add(Node {
                span: at.clone(),
                kind: Kind::Opaque(Json::String(self.src[at].to_string())),
            }),
            Event::MappingStart(..) => {
                let flow = self.src[at.start..].starts_with('{');
                self.frames.push(Frame::Map {
                    start: at.start,
                    flow,
                    entries: Vec::new(),
                    key: None,
                    first_key: HashMap::new(),
                });
                Ok(())
            }
            Event::SequenceStart(..) => {
                let flow = self.src[at.start..].starts_with('[');
                self.frames.push(Frame::Seq {
                    start: at.start,
                    flow,
                    items: Vec::new(),
                });
                Ok(())
            }
            Event::MappingEnd | Event::SequenceEnd => {
                let frame = self
                    .frames
                    .pop()
                    .expect("the parser balances start and end events");
                let node = self.close(frame, at);
                self.add(node)
            }
            _ => Ok(()),
        }
    }

    fn close(&self, frame: Frame, at: Range<usize>) -> Node {
        match frame {
            Frame::Map {
                start,
                flow,
                entries,
                ..
            } => {
                let (end, layout, insert_at) = if flow {
                    let close = at.start;
                    let insert_at = entries.last().map_or(close, |e| e.value.span.end);
                    (at.end, Layout::Braces { close }, insert_at)
                } else {
                    let end = entries.last().map_or(start, |e| e.value.span.end);
                    let insert_at = entries.last().map_or(start, |e| e.lines.end);
                    (
                        end,
                        Layout::Lines {
                            prefix: String::new(),
                        },
                        insert_at,
                    )
                };
                let indent = " ".repeat(self.column(start));
                Node {
                    span: start..end,
                    kind: Kind::Map(Map {
                        entries,
                        layout,
                        insert_at,
                        indent,
                    }),
                }
            }
            Frame::Seq { start, flow, items } => {
                let end = if flow {
                    at.end
                } else {
                    items.last().map_or(start, |i| i.span.end)
                };
                Node {
                    span: start..end,
                    kind: Kind::Seq { items, flow },
                }
            }
        }
    }

    fn column(&self, at: usize) -> usize {
        self.src[text::line_start(self.src, at)..at].chars().count()
    }

    fn add(&mut self, node: Node) -> Result<(), SyntaxError> {
        let src = self.src;
        match self.frames.last_mut() {
            None => {
                self.root = Some(node);
                Ok(())
            }
            Some(Frame::Seq { items, .. }) => {
                items.push(node);
                Ok(())
            }
            Some(Frame::Map {
                key,
                entries,
                first_key,
                ..
            }) => match key.take() {
                None => match node.kind {
                    Kind::Scalar { value, .. } => {
                        let k = match value {
                            Json::String(s) => s,
                            other => other.to_string(),
                        };
                        if let Some(&first) = first_key.get(&k) {
                            return Err(SyntaxError::new(
                                node.span.start,
                                format!(
                                    "duplicate key `{k}` (first defined at {})",
                                    text::position(src, first)
                                ),
                            ));
                        }
                        first_key.insert(k.clone(), node.span.start);
                        *key = Some((k, node.span));
                        Ok(())
                    }
                    _ => Err(SyntaxError::new(
                        node.span.start,
                        "only plain keys are supported in front matter and config mappings",
                    )),
                },
                Some((k, key_span)) => {
                    let after_colon = src[key_span.end..]
                        .find(':')
                        .map_or(node.span.start, |i| key_span.end + i + 1)
                        .min(node.span.start.max(key_span.end));
                    let lines = text::line_start(src, key_span.start)
                        ..text::line_end_after_eol(src, node.span.end.max(key_span.end));
                    entries.push(Entry {
                        key: k,
                        key_span,
                        lines,
                        after_colon,
                        value: node,
                    });
                    Ok(())
                }
            },
        }
    }

    fn scalar(&self, value: &str, style: ScalarStyle, at: Range<usize>, str_tag: bool) -> Node {
        let src = self.src;
        let (span, style, json) = match style {
            ScalarStyle::SingleQuoted => (
                at.start..quoted_end(src, at.start, b'\''),
                Style::Single,
                Json::String(value.to_string()),
            ),
            ScalarStyle::DoubleQuoted => (
                at.start..quoted_end(src, at.start, b'"'),
                Style::Double,
                Json::String(value.to_string()),
            ),
            ScalarStyle::Literal | ScalarStyle::Folded => {
                let header = src[self.base..at.start]
                    .rfind(['|', '>'])
                    .map_or(at.start, |i| self.base + i);
                let end = src[..at.end.max(header)]
                    .trim_end_matches(['\n', '\r'])
                    .len()
                    .max(header + 1);
                (header..end, Style::Block, Json::String(value.to_string()))
            }
            ScalarStyle::Plain if str_tag => (at, Style::Plain, Json::String(value.to_string())),
            ScalarStyle::Plain => {
                let json = resolve_plain(value);
                let style = if json.is_string() && looks_like_timestamp(value) {
                    Style::Datetime
                } else {
                    Style::Plain
                };
                (at, style, json)
            }
        };
        Node {
            span,
            kind: Kind::Scalar { value: json, style },
        }
    }
}

/// End (exclusive) of the quoted scalar starting at `start`.
fn quoted_end(src: &str, start: usize, quote: u8) -> usize {
    let b = src.as_bytes();
    let mut i = start + 1;
    while i < b.len() {
        match b[i] {
            b'\\' if quote == b'"' => i += 2,
            c if c == quote => {
                if quote == b'\'' && b.get(i + 1) == Some(&b'\'') {
                    i += 2;
                } else {
                    return i + 1;
                }
            }
            _ => i += 1,
        }
    }
    b.len()
}

/// The YAML 1.2 core schema's reading of a plain scalar.
fn resolve_plain(s: &str) -> Json {
    match s {
        "" | "~" | "null" | "Null" | "NULL" => return Json::Null,
        "true" | "True" | "TRUE" => return Json::Bool(true),
        "false" | "False" | "FALSE" => return Json::Bool(false),
        _ => {}
    }
    if is_int(s) {
        if let Ok(n) = s.parse::<i64>() {
            return Json::Number(n.into());
        }
    }
    if let Some(h) = s.strip_prefix("0x") {
        if let Ok(n) = i64::from_str_radix(h, 16) {
            return Json::Number(n.into());
        }
    }
    if let Some(o) = s.strip_prefix("0o") {
        if let Ok(n) = i64::from_str_radix(o, 8) {
            return Json::Number(n.into());
        }
    }
    if is_float(s) {
        if let Some(n) = s.parse::<f64>().ok().and_then(Number::from_f64) {
            return Json::Number(n);
        }
    }
    Json::String(s.to_string())
}

fn is_int(s: &str) -> bool {
    let d = s.strip_prefix(['-', '+']).unwrap_or(s);
    !d.is_empty() && d.bytes().all(|c| c.is_ascii_digit())
}

fn is_float(s: &str) -> bool {
    let d = s.strip_prefix(['-', '+']).unwrap_or(s);
    let (mant, exp) = match d.find(['e', 'E']) {
        Some(i) => (&d[..i], Some(&d[i + 1..])),
        None => (d, None),
    };
    let digits = mant.bytes().filter(|c| c.is_ascii_digit()).count();
    let dots = mant.bytes().filter(|&c| c == b'.').count();
    let mant_ok = digits > 0 && dots <= 1 && mant.bytes().all(|c| c.is_ascii_digit() || c == b'.');
    let exp_ok = exp.is_none_or(is_int);
    mant_ok && exp_ok && (dots == 1 || exp.is_some())
}

fn looks_like_timestamp(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[7] == b'-'
        && b[8..10].iter().all(u8::is_ascii_digit)
}

/// Whether `s` can be written as a plain scalar and read back as the same string.
fn plain_ok(s: &str, allow_timestamp: bool) -> bool {
    if s.is_empty() || s.trim() != s || s.contains(['\n', '\r', '\t']) {
        return false;
    }
    if !resolve_plain(s).is_string() {
        return false;
    }
    if looks_like_timestamp(s) && !allow_timestamp {
        return false;
    }
    // YAML 1.1 readers (Hugo has used them) take these as booleans.
    let lower = s.to_ascii_lowercase();
    if ["yes", "no", "on", "off", "y", "n"].contains(&lower.as_str()) {
        return false;
    }
    let first = s.chars().next().unwrap_or(' ');
    if "-?:,[]{}#&*!|>'\"%@`".contains(first) {
        return false;
    }
    !(s.contains(": ") || s.contains(" #") || s.ends_with(':') || s.chars().any(char::is_control))
}

fn single_quoted(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

/// A scalar written in `style` where it can be read back unchanged, else the nearest style
/// that can hold it.
pub fn scalar(v: &Json, style: Option<Style>) -> String {
    match v {
        Json::Null => "null".to_string(),
        Json::Bool(b) => b.to_string(),
        Json::Number(n) => n.to_string(),
        Json::String(s) => string(s, style.unwrap_or(Style::Plain)),
        Json::Array(_) | Json::Object(_) => flow(v),
    }
}

fn string(s: &str, style: Style) -> String {
    if s.contains(['\n', '\r']) || s.chars().any(|c| c.is_control() && c != '\t') {
        return double_quoted(s);
    }
    match style {
        Style::Plain | Style::Datetime if plain_ok(s, style == Style::Datetime) => s.to_string(),
        Style::Double => double_quoted(s),
        _ => single_quoted(s),
    }
}

/// A value in flow style: `[a, b]`, `{k: v}`.
fn flow(v: &Json) -> String {
    match v {
        Json::Array(items) => format!(
            "[{}]",
            items.iter().map(flow).collect::<Vec<_>>().join(", ")
        ),
        Json::Object(o) => format!(
            "{{{}}}",
            o.iter()
                .map(|(k, v)| format!("{}: {}", key(k), flow(v)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Json::String(s) if s.contains([',', '[', ']', '{', '}']) => double_quoted(s),
        other => scalar(other, None),
    }
}

/// A sequence item or nested value, in flow style.
pub fn flow_value(v: &Json) -> String {
    flow(v)
}

/// A mapping key, plain where possible.
fn key(k: &str) -> String {
    if plain_ok(k, false) && !k.contains([',', '[', ']', '{', '}']) {
        k.to_string()
    } else {
        double_quoted(k)
    }
}

/// `key: value` for a new entry (without indentation or line ending).
pub fn entry(k: &str, v: &Json, _indent: &str, prefer: Style, _eol: &str) -> String {
    let value = match v {
        Json::String(s) => string(s, prefer),
        Json::Array(_) | Json::Object(_) => flow(v),
        other => scalar(other, None),
    };
    format!("{}: {value}", key(k))
}

/// Replaces a node whose kind changes, or a block scalar / block collection, keeping block
/// style where the new value allows it.
pub fn replace(src: &str, node: &Node, new: &Json, eol: &str, entry: Option<&Entry>) -> Splice {
    let block_collection = matches!(&node.kind, Kind::Seq { flow: false, .. })
        || matches!(
            &node.kind,
            Kind::Map(Map {
                layout: Layout::Lines { .. },
                ..
            })
        );
    let Some(entry) = entry.filter(|_| block_collection) else {
        return Splice::new(node.span.clone(), flow(new));
    };
    let region = entry.after_colon..node.span.end;
    let scalars = new
        .as_array()
        .is_some_and(|a| a.iter().all(|v| !v.is_array() && !v.is_object()));
    if matches!(node.kind, Kind::Seq { .. })
        && scalars
        && !new.as_array().is_some_and(Vec::is_empty)
    {
        let indent = " ".repeat(
            src[text::line_start(src, node.span.start)..node.span.start]
                .chars()
                .count(),
        );
        let mut out = String::new();
        for item in new.as_array().into_iter().flatten() {
            out.push_str(eol);
            out.push_str(&indent);
            out.push_str("- ");
            out.push_str(&flow(item));
        }
        return Splice::new(region, out);
    }
    Splice::new(region, format!(" {}", flow(new)))
}

/// A block scalar (`|`) holding `s`, its lines indented by `indent` columns.
pub fn block(s: &str, indent: usize, eol: &str) -> String {
    let (indicator, content) = match s.strip_suffix('\n') {
        Some(rest) if rest.ends_with('\n') => ("|+", rest),
        Some(rest) => ("|", rest),
        None => ("|-", s),
    };
    let pad = " ".repeat(indent.max(1));
    let mut out = indicator.to_string();
    for line in content.split('\n') {
        out.push_str(eol);
        if !line.is_empty() {
            out.push_str(&pad);
            out.push_str(line);
        }
    }
    out
}

/// Column (in characters) where the content of the block scalar at `node` is indented.
pub fn block_indent(src: &str, node: &Node) -> usize {
    let after_header = text::line_end_after_eol(src, node.span.start);
    src[after_header..]
        .lines()
        .find(|l| !l.trim().is_empty())
        .map_or(2, |l| l.len() - l.trim_start_matches(' ').len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_scalars_resolve_like_the_core_schema() {
        assert_eq!(resolve_plain("10"), Json::from(10));
        assert_eq!(resolve_plain("false"), Json::Bool(false));
        assert_eq!(resolve_plain("3.5"), Json::from(3.5));
        assert_eq!(resolve_plain("1e3"), Json::from(1000.0));
        assert_eq!(resolve_plain("~"), Json::Null);
        assert_eq!(resolve_plain("2019-06-23"), Json::from("2019-06-23"));
        assert_eq!(resolve_plain("v1.2"), Json::from("v1.2"));
    }

    #[test]
    fn strings_that_would_change_type_are_quoted() {
        assert_eq!(scalar(&Json::from("10"), Some(Style::Plain)), "'10'");
        assert_eq!(scalar(&Json::from("yes"), Some(Style::Plain)), "'yes'");
        assert_eq!(scalar(&Json::from("a: b"), Some(Style::Plain)), "'a: b'");
        assert_eq!(
            scalar(&Json::from("About me"), Some(Style::Plain)),
            "About me"
        );
        assert_eq!(scalar(&Json::from("It's"), Some(Style::Single)), "'It''s'");
        assert_eq!(
            scalar(&Json::from("a\"b"), Some(Style::Double)),
            "\"a\\\"b\""
        );
        assert_eq!(
            scalar(&Json::from("two\nlines"), Some(Style::Single)),
            "\"two\\nlines\""
        );
    }

    #[test]
    fn block_scalars_keep_their_chomping() {
        assert_eq!(block("a\nb\n", 2, "\n"), "|\n  a\n  b");
        assert_eq!(block("a", 2, "\n"), "|-\n  a");
    }
}
