//! Any shortcode call as a form sees it (its parameters and body) and the splices that turn
//! one call into another: a changed value rewrites only its bytes (quoted so Hugo reads it
//! back as written), a removed parameter goes with the space before it, a new one is
//! appended before the closing delimiter, and a changed body rewrites only its changed
//! lines, re-indented like the rest. [`super::card`] builds the sample card's fields on it.

use std::ops::Range;

use super::lexer::{Param, Quote, Typed};
use super::tree::Shortcode;
use crate::formats::EditError;
use crate::model::ParamValue;
use crate::templates::{FieldKind, ParamKey, ParamSchema, Schema};
use crate::text::{self, Splice};

/// A shortcode call and the layout of its body.
pub struct ShortcodeView<'a> {
    src: &'a str,
    sc: &'a Shortcode,
    /// The body's lines, between the line break after the opening tag and the one before the
    /// closing tag (when those exist).
    content: Range<usize>,
    indent: &'a str,
    /// The indentation a body written into an empty call gets ([`Self::with_fresh_indent`]).
    fresh: Option<String>,
}

impl<'a> ShortcodeView<'a> {
    /// Reads the shortcode `sc` of `src`.
    pub fn new(src: &'a str, sc: &'a Shortcode) -> Self {
        let inner = sc.inner().unwrap_or(sc.open.span.end..sc.open.span.end);
        let t = src.get(inner.clone()).unwrap_or_default();
        let lead = leading_break(t);
        let trail = trailing_break(t.get(lead..).unwrap_or_default());
        let content = inner.start + lead..inner.end - trail;
        let indent = text::common_indent(src.get(content.clone()).unwrap_or_default());
        ShortcodeView {
            src,
            sc,
            content,
            indent,
            fresh: None,
        }
    }

    /// This view, with `indent` for a body written into the call while it is empty: the
    /// page's own way of indenting bodies ([`crate::Page::body_indent`]).
    pub fn with_fresh_indent(mut self, indent: String) -> Self {
        self.fresh = Some(indent);
        self
    }

    /// The shortcode.
    pub fn shortcode(&self) -> &'a Shortcode {
        self.sc
    }

    /// The body's lines as they are in the source.
    pub fn content_text(&self) -> &'a str {
        self.src.get(self.content.clone()).unwrap_or_default()
    }

    /// The body without its common indentation, LF line endings; `None` when the call is
    /// not paired.
    pub fn body(&self) -> Option<String> {
        self.sc.close.as_ref()?;
        Some(text::normalize_eol(&text::dedent(
            self.content_text(),
            self.indent,
        )))
    }

    /// Whether the body already reads `body` (checked line by line, without building it).
    pub fn body_matches(&self, body: &str) -> bool {
        self.content_text()
            .split('\n')
            .map(|l| text::dedent_line(l.strip_suffix('\r').unwrap_or(l), self.indent))
            .eq(body.split('\n'))
    }

    /// The splice that makes the body read `body`, keeping its indentation and the page's
    /// line ending `eol`. `at` names the body in errors.
    ///
    /// # Errors
    /// An [`EditError`] at `at` for a call that is not paired (it has no body to edit).
    pub fn body_edit(&self, body: &str, eol: &str, at: &str) -> Result<Splice, EditError> {
        if self.sc.close.is_none() {
            return Err(EditError::new(
                at,
                format!(
                    "`{}` is not closed here, so it has no body to edit",
                    self.sc.name()
                ),
            ));
        }
        let raw = self.content_text();
        let indent = if raw.trim().is_empty() {
            self.fresh_indent()
        } else {
            self.indent.to_string()
        };
        let mut new = text::rewrite_lines(raw, &indent, body, eol);
        // An empty body on its own line (`{{< x >}}\n{{< /x >}}`): the closing tag keeps
        // its line.
        let closes_here = self.sc.close.as_ref().map(|c| c.span.start) == Some(self.content.end);
        if raw.is_empty()
            && !new.is_empty()
            && closes_here
            && self.content.start > self.sc.open.span.end
        {
            new.push_str(eol);
        }
        Ok(Splice::new(self.content.clone(), new))
    }

    /// The parameters as written, each typed by `schema` when given.
    pub fn params(&self, schema: Option<&Schema>) -> Vec<ParamValue> {
        self.sc
            .open
            .params
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let key = match &p.key {
                    Some((k, _)) => ParamKey::Named(k.to_string()),
                    None => ParamKey::Positional(i),
                };
                let read = schema.and_then(|s| s.param(&key));
                ParamValue {
                    name: p.key.as_ref().map(|(k, _)| k.to_string()),
                    value: p.value.clone(),
                    kind: read.map(|ps| ps.kind),
                    on: read
                        .filter(|ps| ps.kind == FieldKind::Flag)
                        .map(|ps| ps.test.is_on(&p.value, p.quote == Quote::Bare)),
                    word: read
                        .filter(|ps| ps.kind == FieldKind::Choice)
                        .map(|ps| ps.is_word(&p.value, p.quote == Quote::Bare)),
                }
            })
            .collect()
    }

    /// The named parameter `key` (the first, if repeated).
    pub fn param(&self, key: &str) -> Option<&'a Param> {
        self.sc.open.get(key)
    }

    /// Splices over the opening tag that make the parameters read `new`: changed values in
    /// place, absent ones removed with the space before them, new ones appended before the
    /// closing delimiter (quoted, but a `true`/`false` flag that `schema` says the template
    /// compares with a boolean is written bare). Named parameters are matched by name
    /// (their order is kept as written), positional ones by position. `at` names the
    /// parameter list in errors.
    ///
    /// # Errors
    /// An [`EditError`] at `at[i]` for a value that cannot be written as a shortcode
    /// parameter, or at `at` for a list mixing named and positional parameters (Hugo
    /// refuses such a call) or changing a call from one kind to the other.
    pub fn param_edits(
        &self,
        new: &[ParamValue],
        schema: Option<&Schema>,
        at: &str,
    ) -> Result<Vec<Splice>, EditError> {
        let named = new.iter().filter(|p| p.name.is_some()).count();
        let old = &self.sc.open.params;
        let old_named = old.iter().any(|p| p.key.is_some());
        if named != 0 && named != new.len() {
            return Err(EditError::new(
                at,
                "a shortcode call is either all named (key=\"value\") or all positional: Hugo \
                 refuses a mix",
            ));
        }
        if !old.is_empty() && !new.is_empty() && old_named != (named > 0) {
            return Err(EditError::new(
                at,
                "the call's parameters are named in the page and positional in the model (or \
                 the other way round): change `source` to rewrite the call",
            ));
        }
        if named > 0 || (new.is_empty() && old_named) {
            self.named_edits(new, schema, at)
        } else {
            self.positional_edits(new, schema, at)
        }
    }

    fn named_edits(
        &self,
        new: &[ParamValue],
        schema: Option<&Schema>,
        at: &str,
    ) -> Result<Vec<Splice>, EditError> {
        let mut out = Vec::new();
        // Hugo reads the last of a repeated name: so does the model.
        let wanted = |k: &str| new.iter().rev().find(|p| p.name.as_deref() == Some(k));
        let read = |k: &str| schema.and_then(|s| s.param(&ParamKey::Named(k.to_string())));
        for p in &self.sc.open.params {
            let Some((k, _)) = &p.key else { continue };
            match wanted(k) {
                Some(v)
                    if changed(p, v, read(k))
                        && self.param(k).is_some_and(|f| std::ptr::eq(f, p)) =>
                {
                    let i = new.iter().position(|x| std::ptr::eq(x, v)).unwrap_or(0);
                    let q = quote(&v.value, quote_for(p, v, read(k)))
                        .map_err(|m| EditError::new(format!("{at}[{i}]"), m))?;
                    out.push(Splice::new(p.span.clone(), q));
                }
                Some(_) => {}
                None => out.push(Splice::new(self.param_with_space(p), "")),
            }
        }
        // Whether the call's last parameter is written bare: as it is, for now.
        let mut last_bare = self.sc.open.params.iter().rev().find_map(|p| {
            let (k, _) = p.key.as_ref()?;
            match wanted(k) {
                None => None,
                Some(v) if changed(p, v, read(k)) => Some(quote_for(p, v, read(k)) == Quote::Bare),
                Some(_) => Some(p.quote == Quote::Bare),
            }
        });
        let mut appended = String::new();
        for (i, v) in new.iter().enumerate() {
            let Some(k) = &v.name else { continue };
            if self.param(k).is_none() {
                // Bare where the template compares it with what Hugo reads bare: a flag's
                // `true`/`false`, a number (`cols=2`).
                let read = schema.and_then(|s| s.param(&ParamKey::Named(k.clone())));
                let bare = match super::lexer::Typed::of_bare(&v.value) {
                    super::lexer::Typed::Bool(_) => {
                        flag_bare(v, read).unwrap_or_else(|| read.is_some_and(|p| p.boolean))
                    }
                    t @ (super::lexer::Typed::Int(_) | super::lexer::Typed::Float(_)) => {
                        read.is_some_and(|p| p.number) && t.prints_as(&v.value)
                    }
                    super::lexer::Typed::Text => false,
                };
                let style = if bare { Quote::Bare } else { Quote::Double };
                let q =
                    quote(&v.value, style).map_err(|m| EditError::new(format!("{at}[{i}]"), m))?;
                appended.push_str(&format!("{}{k}={q}", self.param_separator()));
                last_bare = Some(style == Quote::Bare);
            }
        }
        // Hugo reads a bare named value up to the next whitespace (`lexShortcodeParamVal`,
        // `parser/pageparser/pagelexer_shortcode.go`): one right before the closing
        // delimiter takes it in (`x=true%}}`), so a space goes between.
        let end = self.sc.open.inner_end(self.src);
        let abuts = !self
            .src
            .get(end..)
            .is_some_and(|rest| rest.starts_with(char::is_whitespace));
        if abuts && last_bare == Some(true) {
            appended.push(' ');
        }
        if !appended.is_empty() {
            out.push(Splice::insert(end, appended));
        }
        Ok(out)
    }

    fn positional_edits(
        &self,
        new: &[ParamValue],
        schema: Option<&Schema>,
        at: &str,
    ) -> Result<Vec<Splice>, EditError> {
        let mut out = Vec::new();
        let old = &self.sc.open.params;
        for (i, p) in old.iter().enumerate() {
            let read = schema.and_then(|s| s.param(&ParamKey::Positional(i)));
            match new.get(i) {
                Some(v) if changed(p, v, read) => {
                    let q = quote_positional(&v.value, quote_for(p, v, read))
                        .map_err(|m| EditError::new(format!("{at}[{i}]"), m))?;
                    out.push(Splice::new(p.span.clone(), q));
                }
                Some(_) => {}
                None => out.push(Splice::new(self.param_with_space(p), "")),
            }
        }
        let mut appended = String::new();
        for (i, v) in new.iter().enumerate().skip(old.len()) {
            let read = schema.and_then(|s| s.param(&ParamKey::Positional(i)));
            let style = match flag_bare(v, read) {
                Some(true) => Quote::Bare,
                Some(false) => Quote::Double,
                None => old
                    .last()
                    .map_or(Quote::Double, |p| quote_keeping_type(p, &v.value)),
            };
            let q = quote_positional(&v.value, style)
                .map_err(|m| EditError::new(format!("{at}[{i}]"), m))?;
            appended.push_str(&self.param_separator());
            appended.push_str(&q);
        }
        if !appended.is_empty() {
            out.push(Splice::insert(self.sc.open.inner_end(self.src), appended));
        }
        Ok(out)
    }

    /// Indentation for a body written into an empty call, when the tags stand on their
    /// own lines: the page's ([`Self::with_fresh_indent`]), else two spaces, as in the
    /// sample.
    fn fresh_indent(&self) -> String {
        if self.content.start > self.sc.open.span.end {
            self.fresh.clone().unwrap_or_else(|| "  ".to_string())
        } else {
            String::new()
        }
    }

    /// What goes before a parameter added at the end of the call: the line break and
    /// indentation before the last one (not the blanks ending the line before it), when
    /// the call writes one per line; else a space.
    fn param_separator(&self) -> String {
        let Some(last) = self.sc.open.params.last() else {
            return " ".to_string();
        };
        let range = self.param_with_space(last);
        let start = last.key.as_ref().map_or(last.span.start, |(_, r)| r.start);
        // From the line break on: the blanks a line before it ends with are that line's.
        match self.src.get(range.start..start) {
            Some(space) if space.contains('\n') => {
                let eol = space.find("\r\n").or_else(|| space.find('\n')).unwrap_or(0);
                space.get(eol..).unwrap_or(space).to_string()
            }
            _ => " ".to_string(),
        }
    }

    /// A parameter with the whitespace before it, for removal.
    pub fn param_with_space(&self, p: &Param) -> Range<usize> {
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

/// How to write `new` in place of (or after) the parameter `old`: in `old`'s quoting, but
/// quoted where `old` is bare and Hugo would read `new` written bare as another value
/// than the text (`Item.ValTyped`: `1.10` is the float 1.1, `007` the int 7, `false` a
/// bool), unless `old` was a value of the same kind and `new` prints as written (`300` →
/// `400` or `2.5` stays a number; `300` → `true`, `1.5` → `0.00001`, printed `1e-05`, are
/// quoted).
pub(super) fn quote_keeping_type(old: &Param, new: &str) -> Quote {
    let typed = Typed::of_bare(new);
    match old.quote {
        Quote::Bare if typed == Typed::Text => Quote::Bare,
        Quote::Bare if Typed::of_bare(&old.value).same_kind(typed) && typed.prints_as(new) => {
            Quote::Bare
        }
        Quote::Bare => Quote::Double,
        q => q,
    }
}

/// Whether `new` changes the parameter `old`, which the template reads as `read`: its
/// value, or, of a flag, whether it is on (`new.on` given and not what `old` as written
/// is: the box ticked on `x="false"` that `if` takes as true, unticked on `x=true` that
/// `eq … "true"` takes as false: the value is written again, in the flag's quoting), or,
/// of a menu, whether it is the word (`new.word` given where `old` is not: `cols=3`
/// chosen as the word "3").
fn changed(old: &Param, new: &ParamValue, read: Option<&ParamSchema>) -> bool {
    let bare = old.quote == Quote::Bare;
    new.value != old.value
        || new.on.is_some_and(|on| {
            read.is_some_and(|r| {
                r.kind == FieldKind::Flag
                    && matches!(Typed::of_bare(&new.value), Typed::Bool(_))
                    && r.test.is_on(&old.value, bare) != on
            })
        })
        || new.word.is_some_and(|word| {
            read.is_some_and(|r| {
                r.kind == FieldKind::Choice && word && !r.is_word(&old.value, bare)
            })
        })
}

/// Whether to write the flag value `new` (`true` or `false`) of a parameter the template
/// reads as `read` bare: as the template's tests ([`crate::templates::schema::FlagTest`])
/// make it what `new.on` asks (else on for `true`), bare first where the template
/// compares it with a boolean or only tests it ([`ParamSchema::boolean`]). `None` for
/// any other value or parameter, or when no quoting makes it so.
fn flag_bare(new: &ParamValue, read: Option<&ParamSchema>) -> Option<bool> {
    let r = read.filter(|r| r.kind == FieldKind::Flag)?;
    if !matches!(Typed::of_bare(&new.value), Typed::Bool(_)) {
        return None;
    }
    let want = new.on.unwrap_or(new.value == "true");
    r.test.quoting_for(&new.value, want, r.boolean)
}

/// How to write `new` in place of the parameter `old` that the template reads as `read`:
/// as [`quote_keeping_type`], but a flag's `true` or `false` as [`flag_bare`] says, so
/// that a box ticked in the forms is on in Hugo (`x="false"` is text, true to `if`), and
/// a word of a menu quoted where the template compares it with text (`cols=3` is a
/// number, which never equals `"3"`).
fn quote_for(old: &Param, new: &ParamValue, read: Option<&ParamSchema>) -> Quote {
    let quoted = if old.quote == Quote::Bare {
        Quote::Double
    } else {
        old.quote
    };
    match (flag_bare(new, read), read) {
        (Some(true), _) => Quote::Bare,
        (Some(false), _) => quoted,
        // A menu's word is text; its `true` or `false` the boolean where the template
        // compares with one.
        (None, Some(r)) if r.kind == FieldKind::Choice && !r.number => {
            if r.boolean && matches!(Typed::of_bare(&new.value), Typed::Bool(_)) {
                Quote::Bare
            } else {
                quoted
            }
        }
        _ => quote_keeping_type(old, &new.value),
    }
}

/// As [`quote`], for a positional value: written bare only when Hugo's lexer reads it back
/// as one positional word (`v=x` would become a named parameter).
///
/// # Errors
/// As [`quote`].
pub fn quote_positional(v: &str, preferred: Quote) -> Result<String, String> {
    let preferred = match preferred {
        Quote::Bare if !super::lexer::is_bare_positional(v) => Quote::Double,
        q => q,
    };
    quote(v, preferred)
}

/// Writes `v` as a shortcode parameter value that Hugo's lexer reads back as `v`, in the
/// `preferred` quoting where possible.
///
/// Hugo drops every backslash of a `"…"` value that holds an escaped quote, cannot end such
/// a value with a backslash, and allows no line break in it; a backtick value cannot hold a
/// backtick.
///
/// # Errors
/// A message when no quoting can hold `v`.
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
