//! Writing values the YAML way: scalars in the style they had, flow collections, new
//! entries, block scalars, and replacing a block collection whole.

use std::ops::Range;

use serde_json::Value as Json;

use super::plain::plain_ok;
use crate::error::SyntaxError;
use crate::formats::{double_quoted, At, Entry, Kind, Layout, Map, Node, Style, Syntax};
use crate::text::{self, Splice};

/// `'…'`, where `''` is a quote.
fn single_quoted(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

/// A scalar written in `style` where it can be read back unchanged, else the nearest style
/// that can hold it.
pub(super) fn scalar(v: &Json, style: Option<Style>) -> String {
    match v {
        Json::Null => "null".to_string(),
        Json::Bool(b) => b.to_string(),
        Json::Number(n) => number(n),
        Json::String(s) => string(s, style.unwrap_or(Style::Plain)),
        Json::Array(_) | Json::Object(_) => flow(v),
    }
}

/// A number as YAML's core schema reads it back as one: a float with an exponent has a
/// `.` before it (`1.0e-7`; Hugo reads `1e-7` as text, [`super::plain::resolve_plain`]).
fn number(n: &serde_json::Number) -> String {
    let text = n.to_string();
    match text.split_once(['e', 'E']) {
        Some((mantissa, exponent)) if !mantissa.contains('.') => format!("{mantissa}.0e{exponent}"),
        _ => text,
    }
}

/// A string in `style` where it reads back unchanged: double-quoted when it holds line
/// breaks or control characters, single-quoted when plain would change its type.
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

/// A mapping key, plain where possible.
fn key(k: &str) -> String {
    if plain_ok(k, false) && !k.contains([',', '[', ']', '{', '}']) {
        k.to_string()
    } else {
        double_quoted(k)
    }
}

/// `key: value` for a new entry (without indentation or line ending).
fn entry(k: &str, v: &Json, prefer: Style) -> String {
    let value = match v {
        Json::String(s) => string(s, prefer),
        Json::Array(_) | Json::Object(_) => flow(v),
        other => scalar(other, None),
    };
    format!("{}: {value}", key(k))
}

/// Replaces a node whose kind changes, or a block scalar / block collection, keeping block
/// style where the new value allows it.
fn replace(src: &str, node: &Node, new: &Json, eol: &str, entry: Option<&Entry>) -> Splice {
    let block_collection = matches!(&node.kind, Kind::Seq { flow: false, .. })
        || matches!(
            &node.kind,
            Kind::Map(Map {
                layout: Layout::Lines { .. },
                ..
            })
        );
    let Some(entry) = entry.filter(|_| block_collection) else {
        // A value where there was none (`main:`): after one space, as [`Syntax::scalar`]
        // writes one.
        let empty = src
            .get(node.span.clone())
            .is_some_and(|t| t.trim().is_empty());
        let space = if empty { " " } else { "" };
        return Splice::new(node.span.clone(), format!("{space}{}", flow(new)));
    };
    let region = entry.after_colon..node.span.end;
    let scalars = new
        .as_array()
        .is_some_and(|a| a.iter().all(|v| !v.is_array() && !v.is_object()));
    if matches!(node.kind, Kind::Seq { .. })
        && scalars
        && !new.as_array().is_some_and(Vec::is_empty)
    {
        let line = src.get(text::line_start(src, node.span.start)..node.span.start);
        let indent = " ".repeat(line.map_or(0, |l| l.chars().count()));
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
pub(super) fn block(s: &str, (indent, parent): (usize, usize), eol: &str) -> String {
    let (indicator, content) = match s.strip_suffix('\n') {
        Some(rest) if rest.ends_with('\n') => ("|+", rest),
        Some(rest) => ("|", rest),
        None => ("|-", s),
    };
    // A first line that starts with blanks would be read as the block's indentation: the
    // indentation is then given, as one digit past the parent's (`|2`).
    let explicit = content
        .split('\n')
        .find(|l| !l.is_empty())
        .is_some_and(|l| l.starts_with(' '));
    let digit = indent
        .checked_sub(parent)
        .filter(|d| (1..=9).contains(d))
        .unwrap_or(2);
    let width = if explicit {
        parent + digit
    } else {
        indent.max(1)
    };
    let pad = " ".repeat(width);
    let mut out = if explicit {
        format!("|{digit}{}", indicator.trim_start_matches('|'))
    } else {
        indicator.to_string()
    };
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
fn block_indent(src: &str, node: &Node) -> usize {
    let after_header = text::line_end_after_eol(src, node.span.start);
    src.get(after_header..)
        .unwrap_or_default()
        .lines()
        .find(|l| !l.trim().is_empty())
        .map_or(2, |l| l.len() - l.trim_start_matches(' ').len())
}

/// The indentation a block scalar's indentation indicator counts from: the column of the
/// key its header line gives it to (`  k: |`: 2), or of the `-` of the item it is (`  - |`:
/// 2; `- k: |`: 2, the key's).
fn block_parent(src: &str, node: &Node) -> usize {
    let line = src
        .get(text::line_start(src, node.span.start)..node.span.start)
        .unwrap_or_default();
    let mut col = line.len() - line.trim_start_matches(' ').len();
    let mut rest = line.trim_start_matches(' ');
    let mut dash = None;
    while let Some(after) = rest
        .strip_prefix('-')
        .filter(|a| a.starts_with([' ', '\t']))
    {
        dash = Some(col);
        let blanks = after.len() - after.trim_start_matches([' ', '\t']).len();
        col += 1 + blanks;
        rest = after.trim_start_matches([' ', '\t']);
    }
    match dash {
        Some(d) if rest.is_empty() || rest.starts_with(['&', '!', '|', '>']) => d,
        _ => col,
    }
}

/// YAML's [`Syntax`].
pub(crate) struct YamlSyntax;

impl Syntax for YamlSyntax {
    fn parse(&self, src: &str, range: Range<usize>) -> Result<Node, SyntaxError> {
        super::parse(src, range)
    }

    fn new_string_style(&self) -> Style {
        Style::Plain
    }

    /// A string that was a block scalar stays one, at its indentation.
    fn scalar(&self, at: &At<'_>, v: &Json, style: Style) -> Result<String, String> {
        Ok(match v {
            // Empty, or ending in a blank without a line break (which a stripped block
            // would lose to Hugo's reader): no block can hold it.
            Json::String(s)
                if style == Style::Block
                    && (s.is_empty() || (!s.ends_with('\n') && s.ends_with([' ', '\t']))) =>
            {
                double_quoted(s)
            }
            Json::String(s) if style == Style::Block => {
                let indent = (block_indent(at.src, at.node), block_parent(at.src, at.node));
                let old = match &at.node.kind {
                    Kind::Scalar {
                        value: Json::String(old),
                        ..
                    } => old.as_str(),
                    _ => "",
                };
                // A folded block (`>`) stays one where it can; else it is written literally.
                let text = super::folded::write(at.src, at.node, (old, s), indent, at.tree.eol)
                    .unwrap_or_else(|| block(s, indent, at.tree.eol));
                keep_header_comment(&text, at.src, at.node.span.start)
            }
            // A value where there was none (`title:`): after one space.
            _ if at
                .src
                .get(at.node.span.clone())
                .is_some_and(|t| t.trim().is_empty()) =>
            {
                format!(" {}", scalar(v, Some(style)))
            }
            _ => scalar(v, Some(style)),
        })
    }

    fn item(&self, v: &Json) -> Result<String, String> {
        Ok(flow(v))
    }

    fn entry(&self, key: &str, v: &Json, prefer: Style) -> Result<String, String> {
        Ok(entry(key, v, prefer))
    }

    fn replace(&self, at: &At<'_>, new: &Json) -> Result<Splice, String> {
        let entry = at.tree.parent_entry(at.node);
        Ok(replace(at.src, at.node, new, at.tree.eol, entry))
    }
}

/// `text` (a new block scalar, header line first) with the comment the old header line
/// carried (`| # note`), which the block's span covers but no value holds.
fn keep_header_comment(text: &str, src: &str, header: usize) -> String {
    let old_line = src
        .get(header..)
        .map(|rest| rest.split(['\n', '\r']).next().unwrap_or(""))
        .unwrap_or("");
    // The old header line itself (a folded block edited in its own lines) has it already.
    if text.split(['\n', '\r']).next() == Some(old_line) {
        return text.to_string();
    }
    let comment = old_line
        .match_indices('#')
        .map(|(i, _)| i)
        .find(|&i| old_line.get(..i).is_some_and(|b| b.ends_with([' ', '\t'])));
    let Some(comment) = comment.and_then(|i| old_line.get(i..)) else {
        return text.to_string();
    };
    let blank = old_line
        .get(..old_line.len() - comment.len())
        .and_then(|b| b.get(b.trim_end_matches([' ', '\t']).len()..))
        .unwrap_or(" ");
    match text.split_once(['\n', '\r']) {
        Some((head, _)) => {
            let rest = text.get(head.len()..).unwrap_or("");
            format!("{head}{blank}{comment}{rest}")
        }
        None => format!("{text}{blank}{comment}"),
    }
}
