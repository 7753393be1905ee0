//! The `project-card` shortcode as a typed card, and the splices that turn one card into
//! another: a changed parameter rewrites only its value (quoted so Hugo reads it back
//! as written), a changed body rewrites only its changed lines, re-indented like the rest.

use std::ops::Range;

use serde_json::Value as Json;

use super::lexer::{Param, Quote};
use super::tree::Shortcode;
use crate::formats::EditError;
use crate::model::Card;
use crate::text::{self, Splice};

/// Parameters with a field of their own; any other named parameter goes to `extra`.
pub const FIELDS: [&str; 4] = ["title", "tech-icons", "other-tech", "repository"];

/// A card's shortcode and the layout of its body.
pub struct CardView<'a> {
    src: &'a str,
    sc: &'a Shortcode,
    /// The body's lines, between the line break after the opening tag and the one before the
    /// closing tag (when those exist).
    content: Range<usize>,
    indent: &'a str,
}

impl<'a> CardView<'a> {
    /// Reads a paired `project-card` shortcode.
    pub fn new(src: &'a str, sc: &'a Shortcode) -> Self {
        let inner = sc.inner().unwrap_or(sc.open.span.end..sc.open.span.end);
        let t = src.get(inner.clone()).unwrap_or_default();
        let lead = leading_break(t);
        let trail = trailing_break(t.get(lead..).unwrap_or_default());
        let content = inner.start + lead..inner.end - trail;
        let indent = text::common_indent(src.get(content.clone()).unwrap_or_default());
        CardView {
            src,
            sc,
            content,
            indent,
        }
    }

    /// The body's lines as they are in the source.
    fn content_text(&self) -> &'a str {
        self.src.get(self.content.clone()).unwrap_or_default()
    }

    fn param(&self, key: &str) -> Option<&'a Param> {
        self.sc.open.get(key)
    }

    /// The card's fields.
    pub fn to_card(&self) -> Card {
        let words = |k: &str| {
            self.param(k)
                .map(|p| p.value.split_whitespace().map(str::to_string).collect())
                .unwrap_or_default()
        };
        let extra = self
            .sc
            .open
            .params
            .iter()
            .filter_map(|p| p.key.as_ref().map(|(k, _)| (k, p)))
            .filter(|(k, _)| !FIELDS.contains(&&***k))
            .map(|(k, p)| (k.to_string(), Json::String(p.value.clone())))
            .collect();
        Card {
            id: None,
            title: self
                .param("title")
                .map(|p| p.value.clone())
                .unwrap_or_default(),
            tech_icons: words("tech-icons"),
            other_tech: words("other-tech"),
            repository: self.param("repository").map(|p| p.value.clone()),
            body: text::normalize_eol(&text::dedent(self.content_text(), self.indent)),
            extra,
            notation: Some(self.sc.open.notation),
        }
    }

    /// Whether this card already holds `c`'s fields, checked without building a model
    /// (applying a model to a large page compares every card).
    pub fn matches(&self, c: &Card) -> bool {
        let value = |k: &str| self.param(k).map(|p| p.value.as_str());
        let words_eq = |k: &str, want: &[String]| {
            value(k)
                .unwrap_or("")
                .split_whitespace()
                .eq(want.iter().map(String::as_str))
        };
        let mut extra_keys: Vec<&str> = self
            .sc
            .open
            .params
            .iter()
            .filter_map(|p| p.key.as_ref().map(|(k, _)| &**k))
            .filter(|k| !FIELDS.contains(k))
            .collect();
        extra_keys.sort_unstable();
        extra_keys.dedup();
        let named_extra = extra_keys.len();
        value("title").unwrap_or("") == c.title
            && words_eq("tech-icons", &c.tech_icons)
            && words_eq("other-tech", &c.other_tech)
            && value("repository") == c.repository.as_deref()
            && named_extra == c.extra.len()
            && c.extra
                .iter()
                .all(|(k, v)| matches!((value(k), v), (Some(a), Json::String(b)) if a == b))
            && self
                .content_text()
                .split('\n')
                .map(|l| text::dedent_line(l.strip_suffix('\r').unwrap_or(l), self.indent))
                .eq(c.body.split('\n'))
    }

    /// Splices that make this card hold `new`'s fields. `at` names the card in errors.
    ///
    /// # Errors
    /// An [`EditError`] at the field (`blocks[1].title`) whose value cannot be written as a
    /// shortcode parameter, or at `….body` for a body given to a self-closing card.
    pub fn edits(&self, new: &Card, eol: &str, at: &str) -> Result<Vec<Splice>, EditError> {
        let old = self.to_card();
        let mut out = self.param_edits(&old, new, at)?;
        if new.body != old.body {
            if self.sc.close.is_none() {
                return Err(EditError::new(
                    format!("{at}.body"),
                    "a self-closing card has no body to edit",
                ));
            }
            let raw = self.content_text();
            let indent = if raw.trim().is_empty() {
                self.fresh_indent()
            } else {
                self.indent.to_string()
            };
            out.push(Splice::new(
                self.content.clone(),
                text::rewrite_lines(raw, &indent, &new.body, eol),
            ));
        }
        Ok(out)
    }

    /// The parameters `new` wants, as written in the shortcode (`None`: absent).
    fn wanted(new: &Card) -> Vec<(String, Option<String>)> {
        let mut wanted: Vec<(String, Option<String>)> = vec![
            ("title".into(), Some(new.title.clone())),
            ("tech-icons".into(), Some(new.tech_icons.join(" "))),
            ("other-tech".into(), Some(new.other_tech.join(" "))),
            (
                "repository".into(),
                new.repository.clone().filter(|r| !r.is_empty()),
            ),
        ];
        for (k, v) in &new.extra {
            let s = match v {
                Json::String(s) => s.clone(),
                Json::Null => continue,
                other => other.to_string(),
            };
            wanted.push((k.clone(), Some(s)));
        }
        wanted
    }

    /// Splices over the opening tag: changed values in place, parameters removed with the
    /// space before them, new ones appended before the closing delimiter.
    fn param_edits(&self, old: &Card, new: &Card, at: &str) -> Result<Vec<Splice>, EditError> {
        let mut out = Vec::new();
        // Parameters the model no longer has go, every occurrence of a repeated key too.
        let mut removed: Vec<&Param> = self
            .sc
            .open
            .params
            .iter()
            .filter(|p| {
                p.key.as_ref().is_some_and(|(k, _)| {
                    !FIELDS.contains(&&**k) && new.extra.get(&**k).is_none_or(Json::is_null)
                })
            })
            .collect();
        let mut appended = String::new();
        for (key, value) in Self::wanted(new) {
            let field_at = format!("{at}.{}", field_name(&key));
            match (self.param(&key), value) {
                (Some(p), Some(v)) => {
                    if !same_value(old, &key, p, &v) {
                        let q = quote(&v, p.quote).map_err(|m| EditError::new(&field_at, m))?;
                        out.push(Splice::new(p.span.clone(), q));
                    }
                }
                (Some(_), None) => {
                    let all = self.sc.open.params.iter();
                    for p in all.filter(|p| p.key.as_ref().is_some_and(|(k, _)| **k == *key)) {
                        if !removed.iter().any(|r| std::ptr::eq(*r, p)) {
                            removed.push(p);
                        }
                    }
                }
                (None, Some(v)) if !v.is_empty() => {
                    let q = quote(&v, Quote::Double).map_err(|m| EditError::new(&field_at, m))?;
                    appended.push_str(&format!(" {key}={q}"));
                }
                (None, _) => {}
            }
        }
        for p in removed {
            out.push(Splice::new(self.param_with_space(p), ""));
        }
        if !appended.is_empty() {
            out.push(Splice::insert(self.sc.open.inner_end(self.src), appended));
        }
        Ok(out)
    }

    /// Indentation for a body written into an empty card: that of the closing tag's line
    /// plus two spaces when the card's tags stand on their own lines, as in the sample.
    fn fresh_indent(&self) -> String {
        if self.content.start > self.sc.open.span.end {
            "  ".to_string()
        } else {
            String::new()
        }
    }

    /// A parameter with the whitespace before it, for removal.
    fn param_with_space(&self, p: &Param) -> Range<usize> {
        let start = p.key.as_ref().map_or(p.span.start, |(_, r)| r.start);
        let before = self
            .src
            .get(..start)
            .unwrap_or_default()
            .trim_end_matches([' ', '\t', '\r', '\n'])
            .len();
        before..p.span.end
    }
}

fn field_name(key: &str) -> &str {
    match key {
        "tech-icons" => "techIcons",
        "other-tech" => "otherTech",
        k => k,
    }
}

/// Whether the parameter already holds `v`: the same string, or for word lists the same
/// words (so `"a  b"` is left alone when the list is unchanged).
fn same_value(old: &Card, key: &str, p: &Param, v: &str) -> bool {
    match key {
        "tech-icons" => old.tech_icons.join(" ") == v,
        "other-tech" => old.other_tech.join(" ") == v,
        _ => p.value == v,
    }
}

fn leading_break(t: &str) -> usize {
    let rest = t.trim_start_matches([' ', '\t']);
    let ws = t.len() - rest.len();
    if rest.starts_with("\r\n") {
        ws + 2
    } else if rest.starts_with('\n') {
        ws + 1
    } else {
        0
    }
}

fn trailing_break(t: &str) -> usize {
    let rest = t.trim_end_matches([' ', '\t']);
    let ws = t.len() - rest.len();
    if rest.ends_with("\r\n") {
        ws + 2
    } else if rest.ends_with('\n') {
        ws + 1
    } else {
        0
    }
}

/// Writes `v` as a shortcode parameter value that Hugo's lexer reads back as `v`, in the
/// `preferred` quoting where possible.
///
/// Hugo drops every backslash of a `"…"` value that holds an escaped quote, cannot end such
/// a value with a backslash, and allows no line break in it; a backtick value cannot hold a
/// backtick.
pub fn quote(v: &str, preferred: Quote) -> Result<String, String> {
    let double_ok = !v.contains('\n')
        && !v.ends_with('\\')
        && !v.contains("\\`")
        && (!v.contains('"') || !v.contains('\\'));
    let raw_ok = !v.contains('`');
    let bare_ok = !v.is_empty()
        && !v.chars().any(char::is_whitespace)
        && !v.starts_with(['"', '`', '\\'])
        && !v.contains("}}");
    match preferred {
        Quote::Bare if bare_ok => Ok(v.to_string()),
        Quote::Raw if raw_ok => Ok(format!("`{v}`")),
        _ if double_ok => Ok(format!("\"{}\"", v.replace('"', "\\\""))),
        _ if raw_ok => Ok(format!("`{v}`")),
        _ => Err(format!(
            "{:?} cannot be written as a shortcode parameter: it holds a backtick and also a line break, a trailing backslash, or both `\"` and `\\`",
            v
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_quoted_so_hugo_reads_them_back() {
        assert_eq!(quote("Ad-tech", Quote::Double).unwrap(), "\"Ad-tech\"");
        assert_eq!(
            quote("say \"hi\"", Quote::Double).unwrap(),
            "\"say \\\"hi\\\"\""
        );
        assert_eq!(quote("C:\\path", Quote::Double).unwrap(), "\"C:\\path\"");
        assert_eq!(
            quote("a \"b\" \\c", Quote::Double).unwrap(),
            "`a \"b\" \\c`"
        );
        assert_eq!(quote("two\nlines", Quote::Double).unwrap(), "`two\nlines`");
        assert_eq!(quote("x", Quote::Bare).unwrap(), "x");
        assert_eq!(quote("a b", Quote::Bare).unwrap(), "\"a b\"");
        assert!(quote("`\n", Quote::Double).is_err());
    }
}
