//! Finds the front matter at the top of a page, as Hugo's intro lexer does
//! (`parser/pageparser/pagelexer_intro.go`): an optional BOM and blank space, then YAML
//! between `---` lines, TOML between `+++` lines, or a JSON object starting with `{`.

use std::ops::Range;

use crate::error::SyntaxError;
use crate::formats::Format;

/// Where the front matter is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontMatterSpan {
    /// YAML (`---`), TOML (`+++`) or JSON (`{`).
    pub format: Format,
    /// The data itself: for YAML and TOML the lines between the delimiters (the last line's
    /// ending included), for JSON the object from `{` to `}`.
    pub inner: Range<usize>,
}

/// Where front matter may start in `src`: after a byte order mark and blank space.
fn start(src: &str) -> usize {
    let bytes = src.as_bytes();
    let mut pos = if src.starts_with('\u{feff}') { 3 } else { 0 };
    while matches!(bytes.get(pos), Some(b' ' | b'\t' | b'\r' | b'\n')) {
        pos += 1;
    }
    pos
}

/// The format of the front matter `src` begins with, by its opening (`---` YAML, `+++`
/// TOML, `{` JSON), as [`split`] tells them; `None` for none. Whether it is well formed
/// is not looked at.
pub fn format_of(src: &str) -> Option<Format> {
    match src.as_bytes().get(start(src)) {
        Some(b'-') => Some(Format::Yaml),
        Some(b'+') => Some(Format::Toml),
        Some(b'{') => Some(Format::Json),
        _ => None,
    }
}

/// Splits `src` into front matter (if any) and the offset where the body starts.
pub fn split(src: &str) -> Result<(Option<FrontMatterSpan>, usize), SyntaxError> {
    let bytes = src.as_bytes();
    let pos = start(src);
    match bytes.get(pos) {
        Some(b'-') => delimited(src, pos, "---", Format::Yaml),
        Some(b'+') => delimited(src, pos, "+++", Format::Toml),
        Some(b'{') => json(src, pos),
        Some(b'<') if !src.get(pos..).is_some_and(|s| s.starts_with("<!--")) => {
            Err(SyntaxError::new(
                pos,
                "plain HTML documents are not supported: a Hugo content file cannot start with `<`",
            ))
        }
        // No front matter: the body starts after the BOM, which Hugo drops.
        _ => Ok((None, if src.starts_with('\u{feff}') { 3 } else { 0 })),
    }
}

fn delimited(
    src: &str,
    start: usize,
    delim: &str,
    format: Format,
) -> Result<(Option<FrontMatterSpan>, usize), SyntaxError> {
    if !src.get(start..).is_some_and(|s| s.starts_with(delim)) {
        return Err(SyntaxError::new(
            start,
            format!(
                "invalid {} delimiter: front matter must open with a `{delim}` line",
                format.name()
            ),
        ));
    }
    let mut pos = start + 3;
    let at_eol = consume_eol(src, &mut pos);
    let inner_start = pos;
    let mut check = at_eol;
    loop {
        let rest = src.get(pos..).unwrap_or_default();
        if check && rest.starts_with(delim) {
            let inner = inner_start..pos;
            let mut body = pos + 3;
            consume_eol(src, &mut body);
            return Ok((Some(FrontMatterSpan { format, inner }), body));
        }
        let Some(c) = rest.chars().next() else {
            return Err(SyntaxError::new(
                start,
                format!(
                    "unclosed {} front matter: reached the end of the file looking for the closing `{delim}` line",
                    format.name()
                ),
            ));
        };
        pos += c.len_utf8();
        check = c == '\n' || c == '\r';
    }
}

fn consume_eol(src: &str, pos: &mut usize) -> bool {
    let mut consumed = false;
    for b in [b'\r', b'\n'] {
        if src.as_bytes().get(*pos) == Some(&b) {
            *pos += 1;
            consumed = true;
        }
    }
    consumed
}

fn json(src: &str, start: usize) -> Result<(Option<FrontMatterSpan>, usize), SyntaxError> {
    let bytes = src.as_bytes();
    let mut level = 0usize;
    let mut in_quote = false;
    let mut pos = start;
    loop {
        let Some(&b) = bytes.get(pos) else {
            return Err(SyntaxError::new(
                start,
                "unclosed JSON front matter: reached the end of the file looking for the `}` that closes the `{` here",
            ));
        };
        pos += 1;
        match b {
            b'{' if !in_quote => level += 1,
            b'}' if !in_quote => level -= 1,
            b'"' => in_quote = !in_quote,
            b'\\' => pos += 1,
            _ => {}
        }
        if level == 0 {
            break;
        }
    }
    let pos = pos.min(src.len());
    let mut body = pos;
    consume_eol(src, &mut body);
    Ok((
        Some(FrontMatterSpan {
            format: Format::Json,
            inner: start..pos,
        }),
        body,
    ))
}

#[cfg(test)]
#[allow(
    clippy::indexing_slicing,
    clippy::string_slice,
    reason = "tests: an out-of-range index is a test failure, which is what it should be"
)]
mod tests {
    use super::*;

    #[test]
    fn yaml_front_matter_keeps_its_last_line_ending_inside() {
        let src = "---\ntitle: x\n---\nbody";
        let (fm, body) = split(src).unwrap();
        let fm = fm.unwrap();
        assert_eq!(&src[fm.inner], "title: x\n");
        assert_eq!(&src[body..], "body");
    }

    #[test]
    fn empty_front_matter_is_found() {
        let (fm, body) = split("---\n---\n").unwrap();
        assert_eq!(fm.unwrap().inner, 4..4);
        assert_eq!(body, 8);
    }

    #[test]
    fn crlf_bom_and_leading_blank_lines_are_accepted() {
        let src = "\u{feff}\r\n+++\r\na = 1\r\n+++\r\nbody";
        let (fm, body) = split(src).unwrap();
        assert_eq!(&src[fm.unwrap().inner], "a = 1\r\n");
        assert_eq!(&src[body..], "body");
    }

    #[test]
    fn json_front_matter_ends_at_its_matching_brace() {
        let src = "{\"a\": \"}\\\"\", \"b\": {}}\nbody";
        let (fm, body) = split(src).unwrap();
        assert_eq!(fm.unwrap().inner, 0..21);
        assert_eq!(&src[body..], "body");
    }

    #[test]
    fn a_page_without_front_matter_is_all_body() {
        assert_eq!(split("# Hi\n").unwrap(), (None, 0));
    }

    #[test]
    fn an_unclosed_front_matter_is_an_error_at_its_opening() {
        let err = split("\n---\ntitle: x\n").unwrap_err();
        assert_eq!(err.offset, 1);
        assert!(err.message.contains("closing `---`"), "{}", err.message);
    }
}
