//! JSON: a small span-keeping parser (serde_json keeps no positions) and writing values.
//! Strings and numbers are decoded by serde_json itself, so values read exactly as Hugo's
//! JSON decoder reads them.

use std::collections::HashMap;
use std::ops::Range;

use serde_json::Value as Json;

use super::{At, Entry, Kind, Layout, Map, Node, Style, Syntax, MAX_DEPTH};
use crate::error::SyntaxError;
use crate::text::{self, Splice};

/// Parses `src[range]` (one JSON value, surrounded by whitespace only).
pub fn parse(src: &str, range: Range<usize>) -> Result<Node, SyntaxError> {
    let mut p = P {
        src,
        pos: range.start,
        end: range.end,
    };
    let node = p.value(0)?;
    p.ws();
    if p.pos < p.end {
        return Err(SyntaxError::new(
            p.pos,
            "invalid JSON: unexpected text after the top-level value",
        ));
    }
    Ok(node)
}

struct P<'a> {
    src: &'a str,
    pos: usize,
    end: usize,
}

impl P<'_> {
    fn peek(&self) -> Option<u8> {
        let b = self.src.as_bytes().get(self.pos).copied();
        b.filter(|_| self.pos < self.end)
    }

    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\r' | b'\n')) {
            self.pos += 1;
        }
    }

    fn found(&self) -> String {
        let rest = self.src.get(self.pos..self.end).unwrap_or_default();
        match rest.chars().next() {
            Some(c) => format!("`{}`", c.escape_debug()),
            None => "the end of the data".to_string(),
        }
    }

    fn value(&mut self, depth: usize) -> Result<Node, SyntaxError> {
        if depth > MAX_DEPTH {
            return Err(SyntaxError::new(
                self.pos,
                format!("JSON nested more than {MAX_DEPTH} levels deep"),
            ));
        }
        self.ws();
        match self.peek() {
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => {
                let (s, span) = self.string()?;
                Ok(Node {
                    span,
                    kind: Kind::Scalar {
                        value: Json::String(s),
                        style: Style::Double,
                    },
                })
            }
            Some(b't' | b'f' | b'n' | b'-' | b'0'..=b'9') => self.atom(),
            _ => Err(SyntaxError::new(
                self.pos,
                format!("invalid JSON: expected a value, found {}", self.found()),
            )),
        }
    }

    fn atom(&mut self) -> Result<Node, SyntaxError> {
        let start = self.pos;
        while matches!(
            self.peek(),
            Some(b'a'..=b'z' | b'0'..=b'9' | b'-' | b'+' | b'.' | b'E')
        ) {
            self.pos += 1;
        }
        let raw = self.src.get(start..self.pos).unwrap_or_default();
        let value: Json = serde_json::from_str(raw).map_err(|_| {
            SyntaxError::new(
                start,
                format!("invalid JSON: `{raw}` is not a number, true, false or null"),
            )
        })?;
        Ok(Node {
            span: start..self.pos,
            kind: Kind::Scalar {
                value,
                style: Style::Plain,
            },
        })
    }

    fn string(&mut self) -> Result<(String, Range<usize>), SyntaxError> {
        let start = self.pos;
        let b = self.src.as_bytes();
        let mut i = start + 1;
        loop {
            match b.get(i) {
                _ if i >= self.end => {
                    return Err(SyntaxError::new(
                        start,
                        "invalid JSON: unterminated string (no closing `\"`)",
                    ))
                }
                Some(b'\\') => i += 2,
                Some(b'"') => break,
                _ => i += 1,
            }
        }
        self.pos = i + 1;
        let raw = self.src.get(start..self.pos).unwrap_or_default();
        let s: String = serde_json::from_str(raw).map_err(|e| {
            SyntaxError::new(
                start + e.column().saturating_sub(1),
                format!("invalid JSON string: {}", strip_position(&e.to_string())),
            )
        })?;
        Ok((s, start..self.pos))
    }

    fn array(&mut self, depth: usize) -> Result<Node, SyntaxError> {
        let start = self.pos;
        self.pos += 1;
        let mut items = Vec::new();
        self.ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Node {
                span: start..self.pos,
                kind: Kind::Seq { items, flow: true },
            });
        }
        loop {
            items.push(self.value(depth + 1)?);
            self.ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Node {
                        span: start..self.pos,
                        kind: Kind::Seq { items, flow: true },
                    });
                }
                _ => {
                    return Err(SyntaxError::new(
                        self.pos,
                        format!(
                            "invalid JSON: expected `,` or `]` in the array opened at {}, found {}",
                            text::position(self.src, start),
                            self.found()
                        ),
                    ))
                }
            }
        }
    }

    /// `{ "key": value, … }` starting at `self.pos`; `depth` is its nesting level.
    fn object(&mut self, depth: usize) -> Result<Node, SyntaxError> {
        let start = self.pos;
        self.pos += 1;
        let mut entries: Vec<Entry> = Vec::new();
        let mut seen: HashMap<String, usize> = HashMap::new();
        self.ws();
        if self.peek() != Some(b'}') {
            loop {
                self.ws();
                if self.peek() == Some(b'}') && !entries.is_empty() {
                    return Err(SyntaxError::new(
                        self.pos,
                        "invalid JSON: trailing comma (JSON allows no `,` before `}`)",
                    ));
                }
                let entry = self.member(start, depth, &mut seen)?;
                let key = entry.key.clone();
                entries.push(entry);
                self.ws();
                match self.peek() {
                    Some(b',') => self.pos += 1,
                    Some(b'}') => break,
                    _ => {
                        return Err(SyntaxError::new(
                            self.pos,
                            format!(
                                "invalid JSON: expected `,` or `}}` after the value of `{key}` in \
                                 the object opened at {}, found {}",
                                text::position(self.src, start),
                                self.found()
                            ),
                        ))
                    }
                }
            }
        }
        let close = self.pos;
        self.pos += 1;
        let insert_at = entries.last().map_or(close, |e| e.value.span.end);
        Ok(Node {
            span: start..self.pos,
            kind: Kind::Map(Map {
                entries,
                layout: Layout::Braces { close },
                insert_at,
                indent: String::new(),
                merge: None,
            }),
        })
    }

    /// One `"key": value` of the object opened at `start`; `seen` maps its keys so far to
    /// their offsets, for the duplicate-key error.
    fn member(
        &mut self,
        start: usize,
        depth: usize,
        seen: &mut HashMap<String, usize>,
    ) -> Result<Entry, SyntaxError> {
        if self.peek() != Some(b'"') {
            return Err(SyntaxError::new(
                self.pos,
                format!(
                    "invalid JSON: expected a quoted key in the object opened at {}, found {}",
                    text::position(self.src, start),
                    self.found()
                ),
            ));
        }
        let (key, key_span) = self.string()?;
        if let Some(&first) = seen.get(&key) {
            return Err(SyntaxError::new(
                key_span.start,
                format!(
                    "duplicate key `{key}` (first defined at {})",
                    text::position(self.src, first)
                ),
            ));
        }
        seen.insert(key.clone(), key_span.start);
        self.ws();
        if self.peek() != Some(b':') {
            return Err(SyntaxError::new(
                self.pos,
                format!(
                    "invalid JSON: expected `:` after the key `{key}`, found {}",
                    self.found()
                ),
            ));
        }
        self.pos += 1;
        let after_colon = self.pos;
        let value = self.value(depth + 1)?;
        Ok(Entry {
            key,
            lines: key_span.start..value.span.end,
            key_span,
            after_colon,
            value,
        })
    }
}

/// serde_json's message without its ` at line L column C` (the error carries the offset).
fn strip_position(msg: &str) -> &str {
    msg.split_once(" at line ").map_or(msg, |(m, _)| m)
}

/// A value in JSON, on one line with a blank after each `,` and `:` (`{"a": [1, 2]}`), as
/// the entries Folio adds are written.
fn scalar(v: &Json) -> String {
    match v {
        Json::Array(items) => format!(
            "[{}]",
            items.iter().map(scalar).collect::<Vec<_>>().join(", ")
        ),
        Json::Object(m) => format!(
            "{{{}}}",
            m.iter()
                .map(|(k, x)| entry(k, x))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        other => serde_json::to_string(other).expect("a JSON value always serializes"),
    }
}

/// `"key": value` for a new entry.
fn entry(k: &str, v: &Json) -> String {
    format!("{}: {}", scalar(&Json::String(k.to_string())), scalar(v))
}

/// JSON's [`Syntax`]: every value is written the one way JSON has.
pub(crate) struct JsonSyntax;

impl Syntax for JsonSyntax {
    fn parse(&self, src: &str, range: Range<usize>) -> Result<Node, SyntaxError> {
        parse(src, range)
    }

    fn scalar(&self, _at: &At<'_>, v: &Json, _style: Style) -> Result<String, String> {
        Ok(scalar(v))
    }

    fn item(&self, v: &Json) -> Result<String, String> {
        Ok(scalar(v))
    }

    fn entry(&self, key: &str, v: &Json, _prefer: Style) -> Result<String, String> {
        Ok(entry(key, v))
    }

    fn replace(&self, at: &At<'_>, new: &Json) -> Result<Splice, String> {
        let node = at.node;
        Ok(Splice::new(node.span.clone(), scalar(new)))
    }
}
