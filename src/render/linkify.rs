//! Bare URLs and e-mail addresses found in text the way Goldmark's linkify extension finds
//! them, so a link shows up in Folio exactly where it shows up in Hugo.
//!
//! The rules, as Goldmark applies them: a link starts only at the start of a word (after
//! whitespace, `(`, `*`, `_`, `~`, a typographer's quote or guillemet, or at the start of
//! the text); a URL is `http://`, `https://` or `ftp://` (or `www.`), a host ending in `.`
//! and lower-case letters, an optional port, then a path of URL characters; trailing
//! `?!.,:*_~`, a `)` that closes nothing and an entity-like `&name;` are left out. An
//! address is a local part, `@`, and dot-separated labels with at least one dot, and must
//! not run on into `-` or `_`.

use std::ops::Range;

/// A link found in text: where it is and where it goes.
#[derive(Debug, PartialEq, Eq)]
pub struct Link {
    pub range: Range<usize>,
    pub href: String,
}

/// Every link in `md[span]`, read as Goldmark reads the source (so the characters before
/// the span decide whether a link may start at its beginning).
pub fn find(md: &str, span: Range<usize>) -> Vec<Link> {
    let mut found = Vec::new();
    let mut i = span.start;
    while i < span.end {
        if md.get(..i).is_some_and(starts_word) {
            if let Some(link) = md.get(i..span.end).and_then(link_at) {
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

/// Whether a link may start after `before`: at the start, after whitespace, `(`, `*`,
/// `_`, `~`, a quote, or a typographer's `<<`.
fn starts_word(before: &str) -> bool {
    let mut back = before.chars().rev();
    match back.next() {
        None => true,
        Some('<') => back.next() == Some('<'),
        Some(c) => c.is_whitespace() || "(*_~\"'“‘”’«»".contains(c),
    }
}

struct Found {
    len: usize,
    href: String,
}

fn link_at(s: &str) -> Option<Found> {
    if let Some(end) = url_end(s) {
        let len = trim_url(s.as_bytes(), end);
        let text = s.get(..len)?;
        let href = if text.starts_with("www.") {
            format!("https://{text}")
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
    let run = b.iter().skip(scheme).take_while(|&&c| is_host(c)).count();
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

/// Leaves out what GFM's extended autolinks leave out, until nothing changes: trailing
/// `?!.,:*_~`, a `)` that closes nothing, and an entity-like `&name;`.
fn trim_url(b: &[u8], end: usize) -> usize {
    let mut end = trim_trailing_punctuation(b, end);
    loop {
        let before = end;
        let head = b.get(..end).unwrap_or_default();
        match head.split_last() {
            Some((b')', _))
                if head.iter().filter(|&&c| c == b')').count()
                    > head.iter().filter(|&&c| c == b'(').count() =>
            {
                end -= 1
            }
            Some((b';', rest)) => {
                let name = rest
                    .iter()
                    .rev()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .count();
                let amp = rest.len() - name;
                if name > 0 && amp > 0 && rest.get(amp - 1) == Some(&b'&') {
                    end = amp - 1;
                }
            }
            _ => {}
        }
        end = trim_trailing_punctuation(b, end);
        if end == before {
            return end;
        }
    }
}

/// The end of an e-mail address at the start of `s`, if there is one.
fn email_end(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    if b.first().is_none_or(u8::is_ascii_punctuation) {
        return None;
    }
    let local = b
        .iter()
        .take_while(|&&c| c.is_ascii_alphanumeric() || b".!#$%&'*+/=?^_`{|}~-".contains(&c))
        .count();
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
        find(text, 0..text.len())
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
        assert_eq!(find("[https://e.com", 1..14), []);
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
