//! Bare URLs and e-mail addresses found in text the way Goldmark's linkify extension finds
//! them, so a link shows up in Folio exactly where it shows up in Hugo.
//!
//! The rules, as Goldmark applies them: a link starts only at the start of a word (after
//! whitespace, `(`, `*`, `_`, `~`, a typographer's quote or guillemet, or at the start of
//! the text); a URL is `http://`, `https://` or `ftp://` (or `www.`), a host ending in `.`
//! and lower-case letters, an optional port, then a path of URL characters; trailing
//! `?!.,:*_~`, then a `)` that closes nothing or an entity-like `&name;`, are left out;
//! no link starts inside an open link label (`[` not yet closed). An
//! address is a local part, `@`, and dot-separated labels with at least one dot, and must
//! not run on into `-` or `_`.

use std::ops::Range;

/// A link found in text: where it is and where it goes.
#[derive(Debug, PartialEq, Eq)]
pub struct Link {
    pub range: Range<usize>,
    pub href: String,
}

/// Every link in `md[span]`, a stretch of text that starts a line or follows an element
/// (Goldmark tries its linkify wherever a new piece of text starts), read as Goldmark reads
/// the source; `block` is the block holding the span (an open link label in it stops
/// linking; a quote's typesetting depends on the rest of its line there); `extensions`:
/// the site's (its typographer and its delimiters start links too).
pub fn find(
    md: &str,
    span: Range<usize>,
    block: Range<usize>,
    label: &mut LabelCursor,
    extensions: crate::site::Extensions,
) -> Vec<Link> {
    let typographer = extensions.typographer;
    let mut found = Vec::new();
    // Every link holds `://`, `www.` or (an address) `@`: text without them has none, and
    // is not walked character by character.
    let text = md.get(span.clone()).unwrap_or_default().as_bytes();
    if memchr::memchr(b'@', text).is_none()
        && memchr::memmem::find(text, b"://").is_none()
        && memchr::memmem::find(text, b"www.").is_none()
    {
        return found;
    }
    let mut i = span.start;
    while i < span.end {
        // A link here at all (cheap), then where it stands.
        let at = md.get(i..span.end);
        if let Some(link) = at.and_then(|s| link_at(s, extensions.linkify_protocol)) {
            let quote = |q: usize| super::substitutions::is_typeset_quote(md, q, block.clone());
            let word = i == span.start
                || md
                    .get(..i)
                    .is_some_and(|b| starts_word(b, quote, typographer))
                || super::markdown::extras::delimiter_ends_at(md, i, block.start, extensions);
            // An address must not run on into `-` or `_`, even where an element begins.
            let runs_on = link.href.starts_with("mailto:")
                && md
                    .get(i + link.len..)
                    .is_some_and(|r| r.starts_with(['-', '_']));
            if word && !runs_on && !label.open_at(md, i) {
                found.push(Link {
                    range: i..i + link.len,
                    href: link.href,
                });
                i += link.len;
                continue;
            }
        }
        i += md
            .get(i..)
            .and_then(|r| r.chars().next())
            .map_or(1, char::len_utf8);
    }
    found
}

/// Whether a bare link may start after `before` as far as the text before it says (a quote
/// there taken as typeset): [`starts_word`] with the site's `extensions`.
pub fn may_start(before: &str, extensions: crate::site::Extensions) -> bool {
    starts_word(before, |_| true, extensions.typographer)
}

/// Whether a link may start after `before`: at the start, after whitespace, `(`, `*`,
/// `_`, `~`, where an element ends (a code span, an HTML tag or `<…>` link), or after a
/// typographer's character: a quote it typesets (`typeset(position)` says), `<<`, `--`,
/// `...`, or one written as it (“‘”’«»). With the typographer off (`typographer`), the
/// characters it would have typeset start nothing: Goldmark looks for a link again only
/// after a node the typographer made.
fn starts_word(before: &str, typeset: impl Fn(usize) -> bool, typographer: bool) -> bool {
    // An escaped character is text, never a trigger (`\*https://…` is not linked).
    if !before.is_empty() && crate::text::escaped(before, before.len() - 1) {
        return false;
    }
    let mut back = before.chars().rev();
    match back.next() {
        None => true,
        Some('<') => typographer && back.next() == Some('<'),
        Some('-') => typographer && back.next() == Some('-'),
        Some('.') => typographer && before.ends_with("..."),
        Some(q @ ('\'' | '"')) => typographer && typeset(before.len() - q.len_utf8()),
        Some('`') => true,
        Some('>') if back.next() == Some('>') => typographer,
        Some('>') => {
            // The end of a tag: a `<` earlier in the same word (looked for a little way).
            crate::text::last_word(before, 256).contains('<')
        }
        Some(c) => c.is_whitespace() || "(*_~“‘”’«»".contains(c),
    }
}

/// Whether a block's source leaves a link label open at a place: an unescaped `[`
/// outside code spans that no `]` closed. Goldmark links nothing inside one
/// (`pc.IsInLinkLabel()`), even when the label never closes. Read forward once: each
/// place asked for is read on from the last (a block with many links stays linear).
#[derive(Debug, Clone, Default)]
pub struct LabelCursor {
    /// Where the block starts, and how far it has been read.
    start: usize,
    pos: usize,
    /// Open `[`s, and the length of the open code span's backtick run (0: none).
    depth: usize,
    code: usize,
}

impl LabelCursor {
    /// A cursor at the start of a block at `start`.
    pub fn new(start: usize) -> Self {
        LabelCursor {
            start,
            pos: start,
            ..LabelCursor::default()
        }
    }

    /// Whether a label is open at `md[at]`.
    pub fn open_at(&mut self, md: &str, at: usize) -> bool {
        if at < self.pos {
            *self = LabelCursor::new(self.start);
        }
        let b = md.as_bytes();
        while self.pos < at {
            let Some(&c) = b.get(self.pos) else { break };
            let mut step = 1;
            match c {
                b'\\' => step = 2,
                b'`' => {
                    let run = b.iter().skip(self.pos).take_while(|&&x| x == b'`').count();
                    self.code = match self.code {
                        0 => run,
                        open if open == run => 0,
                        open => open,
                    };
                    step = run.max(1);
                }
                b'[' if self.code == 0 => self.depth += 1,
                b']' if self.code == 0 => self.depth = self.depth.saturating_sub(1),
                _ => {}
            }
            self.pos += step;
        }
        self.depth > 0
    }
}

/// The scheme [`protect`] gives a `www.` link so it can be written as an autolink
/// (`<folio-www:www.x.io/a_b_>`); [`unprotect`] takes it off again.
pub const WWW: &str = "folio-www:";

/// A `<…>` link [`protect`] wrote for a `www.` link, made the link Goldmark makes of it
/// (`https://www.…`, the site's `protocol`); any other event as it is.
pub fn unprotect<'e>(
    event: pulldown_cmark::Event<'e>,
    protocol: &str,
) -> pulldown_cmark::Event<'e> {
    use pulldown_cmark::{CowStr, Event, LinkType, Tag};
    match event {
        Event::Start(Tag::Link {
            link_type: LinkType::Autolink,
            dest_url,
            title,
            id,
        }) if dest_url.starts_with(WWW) => {
            let href = format!(
                "{protocol}://{}",
                dest_url.get(WWW.len()..).unwrap_or_default()
            );
            Event::Start(Tag::Link {
                link_type: LinkType::Autolink,
                dest_url: CowStr::from(href),
                title,
                id,
            })
        }
        other => other,
    }
}

/// `md` with each bare URL or address that holds a Markdown delimiter (`*`, `_`, `~`, a
/// backtick, a bracket) written as an autolink (`<https://x.io/a_(b)_>`, a `www.` link with
/// the [`WWW`] scheme), so pulldown-cmark does not read emphasis, code or a link inside it:
/// Goldmark's linkify takes the whole link before those are read.
pub fn protect(md: &str) -> std::borrow::Cow<'_, str> {
    if !md.contains("://") && !md.contains('@') {
        return std::borrow::Cow::Borrowed(md);
    }
    let links = links_to_protect(md);
    if links.is_empty() {
        return std::borrow::Cow::Borrowed(md);
    }
    let mut out = String::with_capacity(md.len() + links.len() * 12);
    let mut copied = 0;
    for link in links {
        let text = md.get(link.clone()).unwrap_or_default();
        out.push_str(md.get(copied..link.start).unwrap_or_default());
        out.push('<');
        if text.starts_with("www.") {
            out.push_str(WWW);
        }
        out.push_str(text);
        out.push('>');
        copied = link.end;
    }
    out.push_str(md.get(copied..).unwrap_or_default());
    std::borrow::Cow::Owned(out)
}

/// Where [`protect`] writes autolinks: bare links outside fenced code, code spans and open
/// link labels, holding a delimiter and no `<` or `>`.
fn links_to_protect(md: &str) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let mut fences = super::markdown::Fences::default();
    let mut code = 0usize;
    let mut label = LabelCursor::new(0);
    let b = md.as_bytes();
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        if i == 0 || b.get(i - 1) == Some(&b'\n') {
            let line = md
                .get(i..)
                .and_then(|r| r.split('\n').next())
                .unwrap_or_default();
            // Fenced code is skipped whole, its backticks included.
            if fences.line(line) {
                i += line.len() + 1;
                continue;
            }
            if line.trim().is_empty() {
                label = LabelCursor::new(i);
            }
        }
        let step = match c {
            b'\\' => 2,
            b'`' => {
                let run = b.iter().skip(i).take_while(|&&x| x == b'`').count();
                code = match code {
                    0 => run,
                    open if open == run => 0,
                    open => open,
                };
                run
            }
            _ if code > 0 => 1,
            _ => match link_to_protect_at(md, i, &mut label) {
                Some((len, protect)) => {
                    if protect {
                        found.push(i..i + len);
                    }
                    len.max(1)
                }
                None => md
                    .get(i..)
                    .and_then(|r| r.chars().next())
                    .map_or(1, char::len_utf8),
            },
        };
        i += step;
    }
    found
}

/// The link starting at `md[i]`, if one does: its length, and whether to protect it.
fn link_to_protect_at(md: &str, i: usize, label: &mut LabelCursor) -> Option<(usize, bool)> {
    // A link here at all (cheap, and it stops at the line's end), then where it stands.
    let rest = md.get(i..).unwrap_or_default();
    let link = link_at(rest, "https")?;
    let before = md.get(..i).unwrap_or_default();
    // After a quote, the typographer reads the character after it: the URL's, not a `<`.
    let after_quote = before.ends_with(['"', '\'']);
    let plain = !before.ends_with('<') && !before.ends_with("](") && !after_quote;
    if !plain || !starts_word(before, |_| true, true) || label.open_at(md, i) {
        return None;
    }
    let text = rest.get(..link.len).unwrap_or_default();
    let delimiter = text.contains(['*', '_', '~', '`', '[', ']']);
    Some((link.len, delimiter && !text.contains(['<', '>'])))
}

struct Found {
    len: usize,
    href: String,
}

/// The bare link at the start of `s`, if one starts there: its length, and its address (a
/// `www.` link's with the site's `protocol`, `markup.goldmark.extensions.linkifyProtocol`:
/// Hugo's `autoLinkURL`, `markup/goldmark/render_hooks.go`).
fn link_at(s: &str, protocol: &str) -> Option<Found> {
    if let Some(end) = url_end(s) {
        let len = trim_url(s.as_bytes(), end);
        let text = s.get(..len)?;
        let href = if text.starts_with("www.") {
            format!("{protocol}://{text}")
        } else {
            text.to_string()
        };
        return Some(Found { len, href });
    }
    let end = email_end(s)?;
    let len = trim_trailing_punctuation(s.as_bytes(), end);
    Some(Found {
        len,
        href: format!("mailto:{}", s.get(..len)?),
    })
}

/// The end of a URL at the start of `s` (before the final trim), if there is one.
fn url_end(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let (scheme, www) = ["http://", "https://", "ftp://"]
        .iter()
        .find(|p| s.starts_with(**p))
        .map(|p| (p.len(), false))
        .or_else(|| s.starts_with("www.").then_some((4, true)))?;
    // The host: the longest run of host characters (at most 256) that is followed by `.`
    // and a lower-case letter, then those letters.
    let run = b
        .iter()
        .skip(scheme)
        .take(257)
        .take_while(|&&c| is_host(c))
        .count();
    let dot = (1..run.min(257)).rev().find(|&k| {
        b.get(scheme + k) == Some(&b'.')
            && b.get(scheme + k + 1).is_some_and(u8::is_ascii_lowercase)
    })?;
    let mut end = scheme + dot + 1;
    end += b
        .iter()
        .skip(end)
        .take_while(|c| c.is_ascii_lowercase())
        .count();
    if !www && b.get(end) == Some(&b':') {
        let digits = b
            .iter()
            .skip(end + 1)
            .take_while(|c| c.is_ascii_digit())
            .count();
        if digits > 0 {
            end += 1 + digits;
        }
    }
    if b.get(end).is_some_and(|c| b"/#?".contains(c)) {
        end += 1;
        end += b.iter().skip(end).take_while(|&&c| is_path(c, www)).count();
    }
    Some(end)
}

fn is_host(c: u8) -> bool {
    c.is_ascii_alphanumeric() || b"-@:%._+~#=".contains(&c)
}

fn is_path(c: u8, www: bool) -> bool {
    c.is_ascii_alphanumeric() || b"-@:%_+.~#!?&/=();,'\">^{}[]`".contains(&c) || (c == b'$' && !www)
}

/// Leaves out what Hugo's linkify leaves out, in its order: trailing `?!.,:*_~`; then,
/// when what is left ends in `)`, as many characters as there are `)` closing nothing, or
/// when it ends in an entity-like `&name;`, that; and nothing more (checked against Hugo
/// 0.168: `(https://x.io/a!)` links `https://x.io/a!`, `https://x.io/a).` links
/// `https://x.io/a`).
fn trim_url(b: &[u8], end: usize) -> usize {
    let end = trim_trailing_punctuation(b, end);
    let head = b.get(..end).unwrap_or_default();
    match head.split_last() {
        Some((b')', _)) => {
            let closing = head.iter().filter(|&&c| c == b')').count();
            let opening = head.iter().filter(|&&c| c == b'(').count();
            end - closing.saturating_sub(opening)
        }
        Some((b';', rest)) => {
            let name = rest
                .iter()
                .rev()
                .take_while(|c| c.is_ascii_alphanumeric())
                .count();
            let amp = rest.len() - name;
            if name > 0 && amp > 0 && rest.get(amp - 1) == Some(&b'&') {
                amp - 1
            } else {
                end
            }
        }
        _ => end,
    }
}

/// The length of the bare link (URL or address) at the start of `s`, if one starts there.
pub fn link_len(s: &str) -> Option<usize> {
    link_at(s, "https").map(|l| l.len)
}

/// The longest local part (before the `@`) an address is looked for with.
const MAX_LOCAL: usize = 64;

/// The end of an e-mail address at the start of `s`, if there is one.
fn email_end(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    if b.first().is_none_or(u8::is_ascii_punctuation) {
        return None;
    }
    // A local part is at most 64 characters (RFC 5321): looking no further keeps a long
    // run of such characters linear.
    let local = b
        .iter()
        .take(MAX_LOCAL + 1)
        .take_while(|&&c| c.is_ascii_alphanumeric() || b".!#$%&'*+/=?^_`{|}~-".contains(&c))
        .count();
    if local > MAX_LOCAL {
        return None;
    }
    if local == 0 || b.get(local) != Some(&b'@') {
        return None;
    }
    let after_at = b.get(local + 1..).unwrap_or_default();
    let domain = domain_len(after_at);
    if !after_at.iter().take(domain).any(|&c| c == b'.') {
        return None;
    }
    let end = local + 1 + domain;
    if b.get(end).is_some_and(|c| *c == b'-' || *c == b'_') {
        return None;
    }
    Some(end)
}

/// Dot-separated labels of letters, digits and inner hyphens (63 at most each).
fn domain_len(b: &[u8]) -> usize {
    let label = |b: &[u8]| {
        if !b.first().is_some_and(u8::is_ascii_alphanumeric) {
            return 0;
        }
        let mut n = 1 + b
            .iter()
            .skip(1)
            .take(62)
            .take_while(|c| c.is_ascii_alphanumeric() || **c == b'-')
            .count();
        while n > 1 && b.get(n - 1) == Some(&b'-') {
            n -= 1;
        }
        n
    };
    let mut n = label(b);
    if n == 0 {
        return 0;
    }
    while b.get(n) == Some(&b'.') {
        let m = label(b.get(n + 1..).unwrap_or_default());
        if m == 0 {
            break;
        }
        n += 1 + m;
    }
    n
}

/// Leaves out trailing `?!.,:*_~`.
fn trim_trailing_punctuation(b: &[u8], end: usize) -> usize {
    let mut i = end;
    while i > 1 && b.get(i - 1).is_some_and(|c| b"?!.,:*_~".contains(c)) {
        i -= 1;
    }
    i
}

#[cfg(test)]
#[allow(
    clippy::indexing_slicing,
    clippy::string_slice,
    reason = "tests: an out-of-range index is a test failure, which is what it should be"
)]
mod tests {
    use super::*;

    fn links(text: &str) -> Vec<(&str, String)> {
        find(
            text,
            0..text.len(),
            0..text.len(),
            &mut LabelCursor::new(0),
            crate::site::Extensions::default(),
        )
        .into_iter()
        .map(|l| (&text[l.range], l.href))
        .collect()
    }

    #[test]
    fn urls_take_their_path_but_not_trailing_punctuation() {
        assert_eq!(
            links("see https://e.com/a_(b)."),
            [("https://e.com/a_(b)", "https://e.com/a_(b)".to_string())]
        );
        assert_eq!(
            links("(https://e.com/x))"),
            [("https://e.com/x", "https://e.com/x".to_string())]
        );
        assert_eq!(
            links("(see https://e.com/a)."),
            [("https://e.com/a", "https://e.com/a".to_string())]
        );
        assert_eq!(
            links("https://e.com:8080/p?q=1&a;"),
            [(
                "https://e.com:8080/p?q=1",
                "https://e.com:8080/p?q=1".to_string()
            )]
        );
        assert_eq!(
            links("at www.e.org, then"),
            [("www.e.org", "https://www.e.org".to_string())]
        );
    }

    #[test]
    fn a_path_keeps_quotes_and_angles_as_goldmark_does_but_a_bare_host_stops_at_them() {
        assert_eq!(links("https://e.com/q\", x")[0].0, "https://e.com/q\"");
        assert_eq!(links("https://e.com\" x")[0].0, "https://e.com");
    }

    #[test]
    fn links_start_only_at_the_start_of_a_word() {
        assert!(
            links("x:https://e.com [https://e.com] mailto:me@e.com -www.e.com <https://e.com")
                .is_empty()
        );
        assert_eq!(links("\"https://e.com\" <<www.e.com>>").len(), 2);
        assert_eq!(
            find(
                "[https://e.com",
                1..14,
                0..14,
                &mut LabelCursor::new(0),
                crate::site::Extensions::default()
            ),
            []
        );
    }

    #[test]
    fn addresses_need_a_dotted_domain_and_must_not_run_on() {
        assert_eq!(
            links("mail x.me+tag@e.co.uk."),
            [("x.me+tag@e.co.uk", "mailto:x.me+tag@e.co.uk".to_string())]
        );
        assert!(links("me@localhost me@e.com_ me@e.com- me@.com").is_empty());
    }

    #[test]
    fn a_host_needs_a_lower_case_top_level_name() {
        assert!(links("https://E.COM https://localhost/x ftp:/e.com").is_empty());
    }
}
