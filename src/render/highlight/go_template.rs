//! Go templates (Hugo's own layouts) as Chroma's `go-text-template` and
//! `go-html-template` lexers split them (`lexers/embedded/go_template.xml`, read with
//! Chroma's regexp2, and `lexers/go.go`), for the code blocks of theme docs: an action's
//! `{{`, `}}` and `{{/* comment */}}`, its keywords (`range`, `end`, `printf`…), names
//! (`$x`, `partial`), fields (`.Title`, `.`), operators (`|`, `:=`, `(`), strings.
//!
//! What lies between actions is `Other` text (class `x`) in a text template; in an HTML
//! template it is joined and highlighted as HTML as one text (Chroma's `DelegatingLexer`),
//! and its tokens are cut where the actions were.
//!
//! As regexp2 reads Chroma's `[^\W\d]` (as `\w`), a name may start with a digit (`1` is a
//! name, `2.5` a name and a field), and a number is only one that starts with `-`.

use std::ops::Range;

use super::lexers::{push, Token};

/// The words Chroma's lexer gives the class `k` (`\b` after them).
const KEYWORDS: &[&str] = &[
    "range", "if", "else", "while", "with", "template", "end", "true", "false", "nil", "and",
    "call", "html", "index", "js", "len", "not", "or", "print", "printf", "println", "urlquery",
    "eq", "ne", "lt", "le", "gt", "ge", "block", "break", "continue", "define", "slice",
];

/// Tokens as classes and where they are in their text.
pub type Ranges = Vec<(Option<&'static str>, Range<usize>)>;

/// A piece of the template: an action's token (its class; `None` for white space), or
/// text between actions.
enum Piece {
    Action(Option<&'static str>),
    Other,
}

/// `code` cut into tokens; `html` lexes the text between actions (`Other`, joined) with
/// `html`, as `go-html-template` does; without it, that text is class `x`.
pub fn tokens<'a>(code: &'a str, html: Option<&dyn Fn(&str) -> Ranges>) -> Vec<Token<'a>> {
    let pieces = pieces(code);
    let mut out = Vec::new();
    let Some(html) = html else {
        for (piece, range) in pieces {
            let class = match piece {
                Piece::Action(class) => class,
                Piece::Other => Some("x"),
            };
            push(&mut out, class, code.get(range).unwrap_or_default(), code);
        }
        return out;
    };
    // The text between actions, joined, and where each part of it is in `code`.
    let mut joined = String::new();
    let mut parts: Vec<(usize, Range<usize>)> = Vec::new();
    for (piece, range) in &pieces {
        if let Piece::Other = piece {
            parts.push((joined.len(), range.clone()));
            joined.push_str(code.get(range.clone()).unwrap_or_default());
        }
    }
    let html_tokens = html(&joined);
    // Each HTML token's part of each piece of text, in order.
    let mut next = html_tokens.iter().peekable();
    let mut other = parts.iter();
    for (piece, range) in pieces {
        match piece {
            Piece::Action(class) => {
                push(&mut out, class, code.get(range).unwrap_or_default(), code)
            }
            Piece::Other => {
                let Some((base, at)) = other.next() else {
                    continue;
                };
                let end = base + at.len();
                while let Some((class, r)) = next.peek() {
                    let (from, to) = (r.start.max(*base), r.end.min(end));
                    if from < to {
                        let text = code.get(at.start + from - base..at.start + to - base);
                        push(&mut out, *class, text.unwrap_or_default(), code);
                    }
                    if r.end > end {
                        break;
                    }
                    next.next();
                }
            }
        }
    }
    out
}

/// The template's pieces in order, covering every byte.
fn pieces(code: &str) -> Vec<(Piece, Range<usize>)> {
    let mut out: Vec<(Piece, Range<usize>)> = Vec::new();
    let mut at = 0;
    while at < code.len() {
        let rest = code.get(at..).unwrap_or_default();
        if rest.starts_with("{{") {
            at = action(code, at, &mut out);
            continue;
        }
        // Text up to the next `{{` (a lone `{` is text too).
        let len = rest.find("{{").unwrap_or(rest.len());
        out.push((Piece::Other, at..at + len));
        at += len;
    }
    out
}

/// The action starting at `start` (`{{`): its tokens into `out`; where it ends.
fn action(code: &str, start: usize, out: &mut Vec<(Piece, Range<usize>)>) -> usize {
    let rest = code.get(start..).unwrap_or_default();
    // `{{/* … */}}`, with `-` trims, is one comment.
    let comment = rest
        .strip_prefix("{{- /*")
        .map(|r| (r, 6))
        .or_else(|| rest.strip_prefix("{{/*").map(|r| (r, 4)));
    if let Some((body, open)) = comment {
        if let Some(close) = body.find("*/") {
            let after = body.get(close + 2..).unwrap_or_default();
            let tail = if after.starts_with(" -}}") {
                Some(4)
            } else if after.starts_with("}}") {
                Some(2)
            } else {
                None
            };
            if let Some(tail) = tail {
                let end = start + open + close + 2 + tail;
                out.push((Piece::Action(Some("cm")), start..end));
                return end;
            }
        }
    }
    let open = if rest.starts_with("{{-") { 3 } else { 2 };
    out.push((Piece::Action(Some("cp")), start..start + open));
    let mut at = start + open;
    let mut depth = 0usize;
    while at < code.len() {
        let rest = code.get(at..).unwrap_or_default();
        let close = if rest.starts_with("-}}") {
            3
        } else if rest.starts_with("}}") {
            2
        } else {
            0
        };
        if close > 0 && (depth == 0 || rest.starts_with("}}")) {
            out.push((Piece::Action(Some("cp")), at..at + close));
            return at + close;
        }
        let (class, len) = expression_token(rest, &mut depth);
        out.push((Piece::Action(class), at..at + len));
        at += len;
    }
    at
}

/// The token that `rest` (inside an action) starts with: its class and length; `depth`
/// counts the open parentheses.
fn expression_token(rest: &str, depth: &mut usize) -> (Option<&'static str>, usize) {
    let Some(first) = rest.chars().next() else {
        return (None, 0);
    };
    if first.is_whitespace() {
        let len = rest
            .find(|c: char| !c.is_whitespace())
            .unwrap_or(rest.len());
        return (None, len);
    }
    if let Some(token) = punctuation_or_literal(rest, first, depth) {
        return token;
    }
    let keyword = KEYWORDS.iter().find(|k| {
        rest.starts_with(**k)
            && !rest
                .get(k.len()..)
                .and_then(|r| r.chars().next())
                .is_some_and(|c| c.is_alphanumeric() || c == '_')
    });
    if let Some(k) = keyword {
        return (Some("k"), k.len());
    }
    let word_len = |s: &str| {
        s.find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(s.len())
    };
    let after_dollar = rest.strip_prefix('$').unwrap_or(rest);
    let dollar = rest.len() - after_dollar.len();
    let name = word_len(after_dollar);
    if name > 0 {
        return (Some("nx"), dollar + name);
    }
    if let Some(field) = after_dollar.strip_prefix('.') {
        return (Some("na"), dollar + 1 + word_len(field));
    }
    if dollar > 0 {
        return (Some("na"), 1);
    }
    (Some("err"), first.len_utf8())
}

/// An operator, a parenthesis, a string or a number that `rest` starts with (`first`, its
/// first character): its class and length.
fn punctuation_or_literal(
    rest: &str,
    first: char,
    depth: &mut usize,
) -> Option<(Option<&'static str>, usize)> {
    match first {
        '(' => {
            *depth += 1;
            Some((Some("o"), 1))
        }
        ')' if *depth > 0 => {
            *depth -= 1;
            Some((Some("o"), 1))
        }
        '|' | ',' | '=' => Some((Some("o"), 1)),
        ':' if rest.starts_with(":=") => Some((Some("o"), 2)),
        '"' => Some((Some("s"), quoted(rest, '"'))),
        '`' => {
            let len = rest.get(1..).and_then(|r| r.find('`'))? + 2;
            Some((Some("s"), len))
        }
        '\'' => Some((Some("sc"), quoted(rest, '\''))).filter(|(_, len)| *len > 2),
        '-' => {
            let number = rest.get(1..)?;
            let digits = number
                .find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E')))
                .unwrap_or(number.len());
            if !number.starts_with(|c: char| c.is_ascii_digit()) {
                return None;
            }
            let float = number
                .get(..digits)
                .is_some_and(|d| d.contains(['.', 'e', 'E']));
            Some((Some(if float { "mf" } else { "mi" }), 1 + digits))
        }
        _ => None,
    }
}

/// The length of the string that `rest` starts with (its quote `q`, `\` escapes), or 1
/// when it is not closed.
fn quoted(rest: &str, q: char) -> usize {
    let mut escaped = false;
    for (i, c) in rest.char_indices().skip(1) {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            c if c == q => return i + 1,
            _ => {}
        }
    }
    1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classes(code: &str) -> Vec<(Option<&'static str>, &str)> {
        tokens(code, None)
    }

    #[test]
    fn an_actions_words_fields_and_operators_get_chromas_classes() {
        assert_eq!(
            classes("{{ $x := .Title | upper }}a"),
            vec![
                (Some("cp"), "{{"),
                (None, " "),
                (Some("nx"), "$x"),
                (None, " "),
                (Some("o"), ":="),
                (None, " "),
                (Some("na"), ".Title"),
                (None, " "),
                (Some("o"), "|"),
                (None, " "),
                (Some("nx"), "upper"),
                (None, " "),
                (Some("cp"), "}}"),
                (Some("x"), "a"),
            ]
        );
    }

    #[test]
    fn keywords_strings_comments_and_trims() {
        let t = classes("{{- range .Pages -}}{{/* c */}}{{ printf \"%d\" (len $a) }}");
        let class = |s: &str| t.iter().find(|(_, x)| *x == s).and_then(|(c, _)| *c);
        assert_eq!(class("{{-"), Some("cp"));
        assert_eq!(class("-}}"), Some("cp"));
        assert_eq!(class("range"), Some("k"));
        assert_eq!(class("{{/* c */}}"), Some("cm"));
        assert_eq!(class("printf"), Some("k"));
        assert_eq!(class("\"%d\""), Some("s"));
        assert_eq!(class("("), Some("o"));
        assert_eq!(class(")"), Some("o"));
        assert_eq!(
            t.iter().map(|(_, s)| *s).collect::<String>(),
            "{{- range .Pages -}}{{/* c */}}{{ printf \"%d\" (len $a) }}"
        );
    }

    #[test]
    fn an_unclosed_action_or_string_still_covers_every_byte() {
        for code in ["{{ \"abc", "{{ (x", "{{", "a { b {{ é ü }}", "{{ `x"] {
            let t = classes(code);
            assert_eq!(t.iter().map(|(_, s)| *s).collect::<String>(), code);
        }
    }
}
