//! Byte-level helpers shared by every parser and editor: line/column lookup, line endings,
//! applying a set of splices to a source text, and the longest common subsequence that
//! aligns two versions of a list (a front matter list's items, a page's blocks); and Go's
//! character classes (`unicode.IsLetter`, …), which Hugo's and Goldmark's rules are
//! written in.

use std::ops::Range;

/// 1-based line and column (in characters) of byte `offset` in `text`.
///
/// An offset past the end, or inside a multi-byte character, is clamped to a valid position.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = text.get(..offset).unwrap_or_default();
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let col = before
        .rsplit('\n')
        .next()
        .unwrap_or_default()
        .chars()
        .count()
        + 1;
    (line, col)
}

/// "L:C" for messages that point at another place in the same file.
pub fn position(text: &str, offset: usize) -> String {
    let (l, c) = line_col(text, offset);
    format!("{l}:{c}")
}

/// The line ending most used in `text`: `"\r\n"` if CR-LF lines outnumber LF-only lines.
pub fn dominant_eol(text: &str) -> &'static str {
    let b = text.as_bytes();
    let (mut lf, mut crlf) = (0usize, 0usize);
    for i in memchr::memchr_iter(b'\n', b) {
        lf += 1;
        if i.checked_sub(1).and_then(|j| b.get(j)) == Some(&b'\r') {
            crlf += 1;
        }
    }
    if crlf > 0 && crlf * 2 >= lf {
        "\r\n"
    } else {
        "\n"
    }
}

/// The columns the blanks (spaces and tabs) at the start of `line` reach ([`columns`]):
/// what tells an indented code block.
pub fn indent_columns(line: &str) -> usize {
    let blanks = line.len() - line.trim_start_matches([' ', '\t']).len();
    columns(line.get(..blanks).unwrap_or_default(), 0)
}

/// The column `text` ends at when it starts at column `col`, a tab going to the next
/// multiple of four (CommonMark's tab stops), any other character one column.
pub fn columns(text: &str, col: usize) -> usize {
    text.chars().fold(col, |col, c| {
        if c == '\t' {
            col + 4 - col % 4
        } else {
            col + 1
        }
    })
}

/// How many items `a` and `b` share at their start, and then at their end (never
/// overlapping the start in either): the unchanged ends of an edit.
pub fn shared_ends<T: PartialEq>(a: &[T], b: &[T]) -> (usize, usize) {
    let head = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let tail = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take(a.len().min(b.len()) - head)
        .take_while(|(x, y)| x == y)
        .count();
    (head, tail)
}

/// Converts CR-LF to LF: the form every text in the model takes.
pub fn normalize_eol(text: &str) -> String {
    if memchr::memchr(b'\r', text.as_bytes()).is_none() {
        return text.to_string();
    }
    text.replace("\r\n", "\n")
}

/// Whether `raw` equals the LF-only `text` once its CR-LFs are read as LFs (without
/// allocating when `raw` has no CR, the usual case).
pub fn same_text(raw: &str, text: &str) -> bool {
    if memchr::memchr(b'\r', raw.as_bytes()).is_none() {
        raw == text
    } else {
        normalize_eol(raw) == text
    }
}

/// Converts LF to `eol` (a no-op for `"\n"`). CR-LF already in `text` is left as it is.
pub fn with_eol(text: &str, eol: &str) -> String {
    if eol == "\n" {
        return text.to_string();
    }
    normalize_eol(text).replace('\n', eol)
}

/// `%XX` escapes of a URL path decoded (invalid UTF-8 replaced), by the `percent-encoding`
/// crate: a `%` not followed by two hex digits stays as it is (WHATWG URL, percent-decode).
pub fn percent_decode(s: &str) -> String {
    percent_encoding::percent_decode_str(s)
        .decode_utf8_lossy()
        .into_owned()
}

/// A URL split at its scheme, `(scheme, rest)`, when it starts with one: a letter, then
/// letters, digits, `+`, `-` or `.`, then `:` (RFC 3986, section 3.1; Go's `url.Parse`
/// reads it so). `mailto:a@b` is `("mailto", "a@b")`; `/a:b` and `1a:b` have none.
pub fn split_scheme(url: &str) -> Option<(&str, &str)> {
    let (scheme, rest) = url.split_once(':')?;
    let mut chars = scheme.chars();
    let valid = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then_some((scheme, rest))
}

/// Whether the byte at `at` follows an odd number of backslashes (CommonMark's escape).
pub fn escaped(text: &str, at: usize) -> bool {
    let before = text.as_bytes().get(..at).unwrap_or_default();
    before.iter().rev().take_while(|&&b| b == b'\\').count() % 2 == 1
}

/// The last word of `text` (after its last white space), looked for in its last `max`
/// bytes at most (a longer word is cut there, at a character boundary).
pub fn last_word(text: &str, max: usize) -> &str {
    let mut from = text.len().saturating_sub(max);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let tail = text.get(from..).unwrap_or_default();
    tail.rsplit(char::is_whitespace).next().unwrap_or_default()
}

/// Start of the line holding byte `offset` (an offset past the end counts as the end).
pub fn line_start(text: &str, offset: usize) -> usize {
    let b = text.as_bytes();
    memchr::memrchr(b'\n', b.get(..offset).unwrap_or(b)).map_or(0, |i| i + 1)
}

/// End of the line holding byte `offset`, after its line ending (or the end of the text).
pub fn line_end_after_eol(text: &str, offset: usize) -> usize {
    let after = text.as_bytes().get(offset..).unwrap_or_default();
    memchr::memchr(b'\n', after).map_or(text.len(), |i| offset + i + 1)
}

/// One replacement of a byte range of a source text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Splice {
    /// The bytes replaced.
    pub range: Range<usize>,
    /// What they are replaced with.
    pub text: String,
}

impl Splice {
    /// Replace `range` with `text`.
    pub fn new(range: Range<usize>, text: impl Into<String>) -> Self {
        Splice {
            range,
            text: text.into(),
        }
    }

    /// Insert `text` at `at`.
    pub fn insert(at: usize, text: impl Into<String>) -> Self {
        Splice::new(at..at, text)
    }
}

/// A splice that cannot be applied: it overlaps the one before it, or its range is reversed,
/// past the end of the text, or off a character boundary. Always a bug in the code that
/// made it, reported as an error so the edit is refused and nothing is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadSplice {
    /// The byte offset of the splice's start.
    pub at: usize,
}

impl std::fmt::Display for BadSplice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "internal error: an edit at byte {} overlaps another or falls outside the text; \
             nothing was changed (please report this)",
            self.at
        )
    }
}

/// Applies splices to `src`. Splices are sorted by position; two inserts at one position keep
/// their given order.
///
/// # Errors
/// [`BadSplice`] when two splices overlap or one does not fit `src`.
pub fn apply_splices(src: &str, mut splices: Vec<Splice>) -> Result<String, BadSplice> {
    splices.sort_by_key(|s| (s.range.start, s.range.end));
    let extra: usize = splices.iter().map(|s| s.text.len()).sum();
    let mut out = String::with_capacity(src.len() + extra);
    let mut at = 0;
    for s in &splices {
        let Range { start, end } = s.range;
        let fits =
            at <= start && start <= end && src.is_char_boundary(start) && src.is_char_boundary(end);
        let (Some(before), true) = (src.get(at..start), fits) else {
            return Err(BadSplice { at: start });
        };
        out.push_str(before);
        out.push_str(&s.text);
        at = end;
    }
    out.push_str(src.get(at..).unwrap_or_default());
    Ok(out)
}

/// Rewrites `raw` (lines that may each start with `indent`) so that its dedented form becomes
/// `new`, keeping the original bytes of every line that did not change.
///
/// Lines of `new` are LF-separated (a CR-LF counts as an LF); lines written anew get
/// `indent` (unless empty) and `eol`.
/// Unchanged leading and trailing lines keep their own indentation, trailing spaces and line
/// endings, so a one-line edit in a CR-LF file with odd whitespace changes one line.
pub fn rewrite_lines(raw: &str, indent: &str, new: &str, eol: &str) -> String {
    // A model's text is LF-only; one given with CR-LFs is read as such, not written with
    // a CR before each `eol`.
    let new = &normalize_eol(new);
    let old: Vec<(&str, &str)> = split_lines(raw);
    let new_lines: Vec<&str> = new.split('\n').collect();
    let old_content: Vec<&str> = old.iter().map(|(l, _)| dedent_line(l, indent)).collect();
    let (prefix, suffix) = shared_ends(&old_content, &new_lines);
    // Kept lines carry their own ending; lines written anew end with `eol`; the last line
    // ends like the original's last line (often with nothing).
    let mut lines: Vec<(String, &str)> = Vec::with_capacity(new_lines.len());
    lines.extend(old.iter().take(prefix).map(|(l, e)| (l.to_string(), *e)));
    // Between them, a line that is one of the old ones (a blank line holding spaces
    // among them, which reads as empty: review 51b, 1) keeps its bytes too.
    let old_mid = prefix..old.len() - suffix;
    let new_mid = prefix..new_lines.len() - suffix;
    let kept: std::collections::HashMap<usize, usize> =
        if old_mid.len().saturating_mul(new_mid.len()) <= MAX_LINE_PAIRS {
            let a = old_content.get(old_mid.clone()).unwrap_or_default();
            let b = new_lines.get(new_mid.clone()).unwrap_or_default();
            common_subsequence(a, b)
                .into_iter()
                .map(|(i, j)| (j + prefix, i + prefix))
                .collect()
        } else {
            std::collections::HashMap::new()
        };
    for (j, line) in new_lines.iter().enumerate().take(new_mid.end).skip(prefix) {
        if let Some((l, e)) = kept.get(&j).and_then(|&i| old.get(i)) {
            lines.push((l.to_string(), *e));
            continue;
        }
        let text = if line.is_empty() {
            String::new()
        } else {
            format!("{indent}{line}")
        };
        lines.push((text, ""));
    }
    lines.extend(
        old.iter()
            .skip(old.len() - suffix)
            .map(|(l, e)| (l.to_string(), *e)),
    );
    let last_end = old.last().map_or("", |(_, e)| *e);
    let mut out = String::with_capacity(raw.len() + new.len());
    let n = lines.len();
    for (i, (line, end)) in lines.iter().enumerate() {
        out.push_str(line);
        if i + 1 == n {
            out.push_str(last_end);
        } else if end.is_empty() {
            out.push_str(eol);
        } else {
            out.push_str(end);
        }
    }
    out
}

/// How many (old, new) line pairs [`rewrite_lines`] compares at most to keep the lines an
/// edit did not change between those it did (its table is as large): beyond, the lines
/// between the first and the last change are written anew.
const MAX_LINE_PAIRS: usize = 250_000;

/// Splits `text` into (line, ending) pairs; the last pair has ending `""`. An empty text is
/// one empty line.
pub fn split_lines(text: &str) -> Vec<(&str, &str)> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some((line, after)) = rest.split_once('\n') {
        out.push(match line.strip_suffix('\r') {
            Some(line) => (line, "\r\n"),
            None => (line, "\n"),
        });
        rest = after;
    }
    out.push((rest, ""));
    out
}

/// A line without `indent`; a whitespace-only line is empty.
pub fn dedent_line<'a>(line: &'a str, indent: &str) -> &'a str {
    if line.trim().is_empty() {
        ""
    } else {
        line.strip_prefix(indent).unwrap_or(line)
    }
}

/// The longest run of spaces and tabs that starts every non-blank line of `text`.
pub fn common_indent(text: &str) -> &str {
    let mut indent: Option<&str> = None;
    for line in text.split('\n') {
        let line = line.strip_suffix('\r').unwrap_or(line);
        let content = line.trim_start_matches([' ', '\t']);
        if content.trim().is_empty() {
            continue;
        }
        let ws = line.strip_suffix(content).unwrap_or_default();
        indent = Some(match indent {
            None => ws,
            Some(cur) => {
                let n = cur
                    .bytes()
                    .zip(ws.bytes())
                    .take_while(|(a, b)| a == b)
                    .count();
                // `ws` and `cur` are spaces and tabs, so any byte count is a boundary.
                cur.get(..n).unwrap_or_default()
            }
        });
        if indent == Some("") {
            break;
        }
    }
    indent.unwrap_or("")
}

/// `text` with `indent` removed from each line, blank lines emptied, and lines LF-joined.
pub fn dedent(text: &str, indent: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let line = line.strip_suffix('\r').unwrap_or(line);
        out.push_str(dedent_line(line, indent));
    }
    out
}

/// Go's `html.EscapeString`: `&'<>"` as `&amp;` `&#39;` `&lt;` `&gt;` `&#34;`.
pub fn html_escape(s: &str) -> String {
    escape_html(s, false)
}

/// Text as Go's `html/template` escapes it in HTML text (`htmlEscaper`, what a template
/// writes with `{{ . }}`): as [`html_escape`], and `+` as `&#43;`, NUL as U+FFFD.
pub fn html_template_text(s: &str) -> String {
    escape_html(s, true)
}

/// The escaper behind [`html_escape`] and (`template`) [`html_template_text`].
fn escape_html(s: &str, template: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '\'' => out.push_str("&#39;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&#34;"),
            '+' if template => out.push_str("&#43;"),
            '\0' if template => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// Index pairs `(i, j)`, in order, of a longest common subsequence of equal items of `a`
/// and `b`: what stays of a list from one version to the next. Of equally long ones, the
/// one that keeps the earliest items of `a`.
#[allow(
    clippy::indexing_slicing,
    reason = "`len` is (a.len() + 1) × (b.len() + 1) and both loops keep i < a.len() and \
              j < b.len(), so every index, `+ 1` included, is in range"
)]
pub fn common_subsequence<T: PartialEq>(a: &[T], b: &[T]) -> Vec<(usize, usize)> {
    if a.is_empty() || b.is_empty() {
        return Vec::new();
    }
    let mut len = vec![vec![0u32; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            len[i][j] = if a[i] == b[j] {
                len[i + 1][j + 1] + 1
            } else {
                len[i + 1][j].max(len[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() && j < b.len() {
        if a[i] == b[j] {
            out.push((i, j));
            i += 1;
            j += 1;
        } else if len[i + 1][j] >= len[i][j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

/// Whether `url` starts with a scheme (`https:`, `mailto:`, `data:`): RFC 3986's letters
/// before the first `:`, which comes before any `/`, `?` or `#` (`/files/a:b.pdf` and
/// `cv.pdf?v=1:2` have none).
pub fn has_scheme(url: &[u8]) -> bool {
    let end = url
        .iter()
        .position(|b| matches!(b, b':' | b'/' | b'?' | b'#'))
        .unwrap_or(url.len());
    let scheme = url.get(..end).unwrap_or_default();
    url.get(end) == Some(&b':')
        && scheme.first().is_some_and(u8::is_ascii_alphabetic)
        && scheme
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'))
}

/// Go's `unicode.IsLetter`: Unicode's category L. Not Rust's `is_alphabetic`, which also
/// takes combining marks (a Devanagari vowel sign), letter numbers (`Ⅻ`) and circled
/// letters (`Ⓐ`).
pub fn go_letter(c: char) -> bool {
    use unicode_properties::{GeneralCategoryGroup, UnicodeGeneralCategory};
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    c.general_category_group() == GeneralCategoryGroup::Letter
}

/// Go's `unicode.IsDigit`: category Nd, a decimal digit (`٣`, `２`; not `²`, `½`, `Ⅻ`,
/// `〇`, which Rust's `is_numeric` takes).
pub fn go_digit(c: char) -> bool {
    use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    c.general_category() == GeneralCategory::DecimalNumber
}

/// Go's `unicode.IsMark`: category M, a combining mark (the virama of `नमस्ते`).
pub fn go_mark(c: char) -> bool {
    use unicode_properties::{GeneralCategoryGroup, UnicodeGeneralCategory};
    !c.is_ascii() && c.general_category_group() == GeneralCategoryGroup::Mark
}

/// Go's `unicode.IsPunct`: category P (`$+<=>^`|~` are symbols, not punctuation).
pub fn go_punct(c: char) -> bool {
    use unicode_properties::{GeneralCategoryGroup, UnicodeGeneralCategory};
    if c.is_ascii() {
        return c.is_ascii_punctuation() && !"$+<=>^`|~".contains(c);
    }
    c.general_category_group() == GeneralCategoryGroup::Punctuation
}

/// Go's `unicode.IsPunct(c) || unicode.IsSymbol(c)`: categories P and S (Goldmark's
/// `util.IsPunctRune`).
pub fn go_punct_or_symbol(c: char) -> bool {
    use unicode_properties::{GeneralCategoryGroup, UnicodeGeneralCategory};
    if c.is_ascii() {
        return c.is_ascii_punctuation();
    }
    matches!(
        c.general_category_group(),
        GeneralCategoryGroup::Punctuation | GeneralCategoryGroup::Symbol
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_from_one() {
        let t = "ab\ncé d";
        assert_eq!(line_col(t, 0), (1, 1));
        assert_eq!(line_col(t, 3), (2, 1));
        assert_eq!(line_col(t, 6), (2, 3));
        assert_eq!(line_col(t, 99), (2, 5));
    }

    #[test]
    fn rewriting_one_line_keeps_the_others_bytes() {
        let raw = "  a  \r\n\r\n  b\r\n  c";
        let out = rewrite_lines(raw, "  ", "a  \n\nB\nc", "\r\n");
        assert_eq!(out, "  a  \r\n\r\n  B\r\n  c");
    }

    #[test]
    fn rewriting_with_no_change_gives_back_the_same_bytes() {
        let raw = "  x \n \n  y\n";
        let body = dedent(raw, common_indent(raw));
        assert_eq!(rewrite_lines(raw, "  ", &body, "\n"), raw);
    }

    #[test]
    fn a_blank_line_of_spaces_between_two_changed_lines_keeps_its_bytes() {
        // Review 51b, 1: it reads as empty, and was written empty.
        let raw = "  x\n      \n  y\n    \n  z";
        let body = dedent(raw, "  ");
        let edited = body.replace('x', "X").replace('z', "Z");
        assert_eq!(
            rewrite_lines(raw, "  ", &edited, "\n"),
            "  X\n      \n  y\n    \n  Z"
        );
    }

    #[test]
    fn removing_trailing_lines_keeps_the_final_ending() {
        assert_eq!(rewrite_lines("a\nb\nc", "", "a", "\n"), "a");
        assert_eq!(rewrite_lines("a\nb\n", "", "a\n", "\n"), "a\n");
        assert_eq!(rewrite_lines("a\nb", "", "a\nb\nc", "\n"), "a\nb\nc");
    }

    #[test]
    fn splices_apply_in_position_order() {
        let out = apply_splices(
            "hello world",
            vec![Splice::new(6..11, "there"), Splice::insert(0, ">")],
        );
        assert_eq!(out.unwrap(), ">hello there");
    }

    #[test]
    fn percent_decoding_leaves_a_percent_before_a_multibyte_character_alone() {
        assert_eq!(percent_decode("%aé.png"), "%aé.png");
        assert_eq!(percent_decode("%\u{200d}"), "%\u{200d}");
        assert_eq!(percent_decode("a%20b%C3%A9"), "a bé");
        assert_eq!(percent_decode("end%41"), "endA");
        assert_eq!(percent_decode("%FF"), "\u{fffd}");
    }

    #[test]
    fn splices_that_overlap_or_do_not_fit_are_refused_not_a_panic() {
        let overlap = vec![Splice::new(0..5, "a"), Splice::new(3..8, "b")];
        assert_eq!(
            apply_splices("hello world", overlap),
            Err(BadSplice { at: 3 })
        );
        let past_end = vec![Splice::new(9..20, "x")];
        assert_eq!(
            apply_splices("hello world", past_end),
            Err(BadSplice { at: 9 })
        );
        let mid_char = vec![Splice::new(1..2, "x")];
        assert_eq!(apply_splices("é", mid_char), Err(BadSplice { at: 1 }));
    }
}
