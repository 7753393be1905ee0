//! Goldmark's CJK extension as Hugo configures it (`markup.goldmark.extensions.cjk`;
//! Goldmark's `extension/cjk.go`, Hugo's `markup/goldmark/convert.go`), off unless
//! `enable`:
//! - `eastAsianLineBreaks`: a soft line break between two East Asian wide characters is
//!   written as nothing (Goldmark's `renderText`, the "simple" style; Pandoc's
//!   `east_asian_line_breaks`), so Chinese or Japanese lines joined in the source join in
//!   the page. As Goldmark does, a break followed by anything but text (emphasis, a link,
//!   code) is written as nothing too.
//! - `escapedSpace`: a backslash before a space (`**太郎**\ は`, which lets emphasis open or
//!   close next to East Asian punctuation) is written as nothing, neither the backslash
//!   nor the space (Goldmark's writer).
//!
//! The "css3draft" style of line breaks (`eastAsianLineBreaksStyle`) reads Unicode's East
//! Asian Width; Folio breaks lines by the "simple" style then, and `folio check` says so.

use std::ops::Range;
use std::sync::LazyLock;

use pulldown_cmark::{CowStr, Event};
use serde_json::Value as Json;

/// The site's CJK settings.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Cjk {
    /// `eastAsianLineBreaks`: soft line breaks between East Asian wide characters dropped.
    pub line_breaks: bool,
    /// `escapedSpace`: `\ ` written as nothing.
    pub escaped_space: bool,
}

impl Cjk {
    /// The settings from `markup.goldmark.extensions.cjk`, each key read by `get` (in any
    /// case): nothing unless `enable` is true.
    pub fn from_config(get: impl Fn(&str) -> Option<Json>) -> Cjk {
        let on = |key: &str| get(key) == Some(Json::Bool(true));
        if !on("enable") {
            return Cjk::default();
        }
        Cjk {
            line_breaks: on("eastAsianLineBreaks"),
            escaped_space: on("escapedSpace"),
        }
    }
}

/// Whether `c` is an East Asian wide character to Goldmark (`util.IsEastAsianWideRune`):
/// Hiragana, Katakana, Han or Hangul, a modifier letter (Lm), or CJK Symbols and
/// Punctuation (U+3000 to U+303F).
fn is_east_asian_wide(c: char) -> bool {
    static WIDE: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"^[\p{Hiragana}\p{Katakana}\p{Han}\p{Lm}\p{Hangul}\u{3000}-\u{303F}]$")
            .expect("a valid pattern")
    });
    WIDE.is_match(c.encode_utf8(&mut [0; 4]))
}

/// Whether Goldmark writes the soft line break between `before` (the event before it)
/// and `after` (the one after it) with `eastAsianLineBreaks` on: after text that is not
/// empty, only when text follows, and not when both characters next to it are East Asian
/// wide ones.
pub(super) fn keeps_soft_break(before: Option<&Event>, after: Option<&Event>) -> bool {
    let last = match before {
        Some(Event::Text(t)) => t.chars().next_back(),
        _ => None,
    };
    let Some(last) = last else {
        return true;
    };
    match after {
        Some(Event::Text(t)) => t
            .chars()
            .next()
            .is_some_and(|first| !(is_east_asian_wide(last) && is_east_asian_wide(first))),
        _ => false,
    }
}

/// A parser's event with `escapedSpace`: text that is its own source (`md[range]`) cut
/// around its `\ ` pairs whose backslash is not itself escaped, each piece with its own
/// source (which the typographer reads).
pub(super) fn without_escaped_spaces<'m>(
    md: &'m str,
    (event, range): (Event<'m>, Range<usize>),
) -> Vec<(Event<'m>, Range<usize>)> {
    let own = matches!(&event, Event::Text(t) if t.contains("\\ ") && md.get(range.clone()) == Some(&**t));
    if !own {
        return vec![(event, range)];
    }
    let source = md.get(range.clone()).unwrap_or_default();
    let mut pieces = Vec::new();
    let mut from = 0;
    for (at, _) in source.match_indices("\\ ") {
        // The second backslash of `\\ ` is an escaped one, text (pulldown-cmark's piece
        // may start at it).
        if crate::text::escaped(md, range.start + at) {
            continue;
        }
        if at > from {
            let piece = source.get(from..at).unwrap_or_default();
            pieces.push((
                Event::Text(CowStr::Borrowed(piece)),
                range.start + from..range.start + at,
            ));
        }
        from = at + 2;
    }
    if let Some(rest) = source.get(from..).filter(|r| !r.is_empty()) {
        pieces.push((
            Event::Text(CowStr::Borrowed(rest)),
            range.start + from..range.end,
        ));
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_break_between_two_wide_characters_is_dropped_and_one_before_other_text_kept() {
        let text = |s: &'static str| Event::Text(CowStr::Borrowed(s));
        assert!(!keeps_soft_break(
            Some(&text("工程师")),
            Some(&text("专注"))
        ));
        assert!(keeps_soft_break(
            Some(&text("engineer")),
            Some(&text("专注"))
        ));
        assert!(!keeps_soft_break(Some(&text("工程师")), None));
        assert!(keeps_soft_break(None, Some(&text("专注"))));
    }
}
