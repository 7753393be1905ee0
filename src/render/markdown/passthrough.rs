//! Goldmark's passthrough extension as Hugo configures it
//! (`markup.goldmark.extensions.passthrough`, `hugo-goldmark-extensions/passthrough`): the
//! text between a pair of delimiters (`\(…\)` inline, `$$…$$` as a block) is written as it
//! is, delimiters and all, for KaTeX or MathJax to read in the browser.

use std::borrow::Cow;
use std::sync::{Mutex, PoisonError};

/// A site's passthrough delimiters, each an (opening, closing) pair.
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct Passthrough {
    /// Pairs that make a block of their own (`$$`, `\[`), also when written inside a
    /// paragraph, which they then split.
    pub block: Vec<(String, String)>,
    /// Pairs inside a paragraph (`\(`, `$`).
    pub inline: Vec<(String, String)>,
}

impl Passthrough {
    /// The one copy of these settings for the life of the process (a site has one set of
    /// delimiters, so only as many are kept as sites were opened with different ones),
    /// which [`crate::site::Markup`] can hold and copy.
    pub fn interned(self) -> &'static Passthrough {
        static ALL: Mutex<Vec<&'static Passthrough>> = Mutex::new(Vec::new());
        let mut all = ALL.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(known) = all.iter().find(|p| ***p == self) {
            return known;
        }
        let new: &'static Passthrough = Box::leak(Box::new(self));
        all.push(new);
        new
    }

    /// Every pair, the block ones first and the longer openings before the shorter (`$$`
    /// before `$`), with whether it is a block pair.
    fn pairs(&self) -> Vec<(&str, &str, bool)> {
        let mut all: Vec<(&str, &str, bool)> = self
            .block
            .iter()
            .map(|(o, c)| (o.as_str(), c.as_str(), true))
            .chain(
                self.inline
                    .iter()
                    .map(|(o, c)| (o.as_str(), c.as_str(), false)),
            )
            .filter(|(o, c, _)| !o.is_empty() && !c.is_empty())
            .collect();
        all.sort_by_key(|(o, _, block)| (!block, std::cmp::Reverse(o.len())));
        all
    }
}

/// What [`protect`] found: the Markdown with each passthrough span replaced by what
/// `mark` made of its text, the marks that stand for blocks on lines of their own
/// (written without the paragraph the Markdown parser puts around them), and those of
/// block delimiters inside a paragraph (which split it, as Goldmark's do).
pub(super) struct Protected<'a> {
    pub md: Cow<'a, str>,
    pub blocks: Vec<String>,
    pub splits: Vec<String>,
}

/// `md` with each passthrough span as the mark `mark` makes of its text as written (`<`
/// before a letter, `/`, `!` or `?` escaped, so it starts no element): what Hugo writes
/// for it. Fenced code, code spans and backslash-escaped characters are not read; a span
/// does not cross a blank line, and one without its closing delimiter is text.
pub(super) fn protect<'a>(
    md: &'a str,
    pt: &Passthrough,
    mark: impl FnMut(String) -> String,
) -> Protected<'a> {
    let pairs = pt.pairs();
    if pairs.iter().all(|(o, _, _)| !md.contains(o)) {
        return Protected {
            md: Cow::Borrowed(md),
            blocks: Vec::new(),
            splits: Vec::new(),
        };
    }
    let mut scan = Scan {
        md,
        pairs,
        mark,
        out: String::with_capacity(md.len()),
        blocks: Vec::new(),
        splits: Vec::new(),
        fence: None,
        at: 0,
    };
    let mut line_start = true;
    while let Some(rest) = md.get(scan.at..).filter(|r| !r.is_empty()) {
        if line_start && scan.code_line(rest) {
            continue;
        }
        let Some(c) = rest.chars().next() else { break };
        line_start = c == '\n';
        let taken = if rest.starts_with("\\\\") {
            2
        } else if let Some((taken, starts_line)) = scan.span(rest) {
            line_start = starts_line;
            scan.at += taken;
            continue;
        } else if c == '\\' {
            rest.chars()
                .nth(1)
                .filter(char::is_ascii_punctuation)
                .map_or(1, |next| 1 + next.len_utf8())
        } else if c == '`' {
            code_span(rest)
        } else {
            c.len_utf8()
        };
        scan.out.push_str(rest.get(..taken).unwrap_or_default());
        scan.at += taken;
    }
    Protected {
        md: Cow::Owned(scan.out),
        blocks: scan.blocks,
        splits: scan.splits,
    }
}

/// [`protect`]'s state: where it is in `md`, what it wrote, inside which fence.
struct Scan<'m, 'p, F> {
    md: &'m str,
    pairs: Vec<(&'p str, &'p str, bool)>,
    mark: F,
    out: String,
    blocks: Vec<String>,
    splits: Vec<String>,
    fence: Option<(char, usize)>,
    at: usize,
}

impl<F: FnMut(String) -> String> Scan<'_, '_, F> {
    /// Copies the line starting `rest` when it is fenced code (its fences included):
    /// whether it was.
    fn code_line(&mut self, rest: &str) -> bool {
        let line = rest.split_inclusive('\n').next().unwrap_or(rest);
        let trimmed = line.trim_start_matches(' ');
        let here = fence_of(trimmed).filter(|_| line.len() - trimmed.len() < 4);
        let in_code = match (self.fence, here) {
            // A closing fence: the same character, as long or longer, nothing after.
            (Some((c, n)), Some((c2, n2)))
                if c == c2 && n2 >= n && trimmed.trim_start_matches(c).trim().is_empty() =>
            {
                self.fence = None;
                true
            }
            (Some(_), _) => true,
            (None, Some(opened)) => {
                self.fence = Some(opened);
                true
            }
            (None, None) => false,
        };
        if in_code {
            self.out.push_str(line);
            self.at += line.len();
        }
        in_code
    }

    /// Writes the passthrough span `rest` starts with, if any, as its mark: the bytes it
    /// took and whether what follows starts a line.
    fn span(&mut self, rest: &str) -> Option<(usize, bool)> {
        let (len, block) = self.pairs.iter().find_map(|(open, close, block)| {
            let body = rest.strip_prefix(open)?;
            let end = closing(body, close)?;
            Some((open.len() + end + close.len(), *block))
        })?;
        let marked = (self.mark)(escape_tags(rest.get(..len).unwrap_or_default()));
        let alone = self.out.is_empty() || self.out.ends_with('\n');
        if !block || !alone {
            self.out.push_str(&marked);
            if block {
                self.splits.push(marked);
            }
            return Some((len, false));
        }
        // A block of its own: on a line alone, so the parser makes it a paragraph of its
        // own, which the render then takes off; what is left of its closing line starts a
        // line of its own.
        if !self.out.is_empty() && !self.out.ends_with("\n\n") {
            self.out.push('\n');
        }
        self.out.push_str(&marked);
        self.out.push_str("\n\n");
        self.blocks.push(marked);
        let after = self.md.get(self.at + len..).unwrap_or_default();
        let blank = after.len() - after.trim_start_matches([' ', '\t']).len();
        let newline = usize::from(after.get(blank..).is_some_and(|r| r.starts_with('\n')));
        Some((len + blank + newline, true))
    }
}

/// How many bytes the code span (or the run of backticks that opens none) at the start of
/// `rest` takes.
fn code_span(rest: &str) -> usize {
    let run = rest.len() - rest.trim_start_matches('`').len();
    let body = rest.get(run..).unwrap_or_default();
    closing_code(body, &"`".repeat(run)).map_or(run, |e| run + e + run)
}

/// A fence's character and length when `line` (its indentation taken off) opens or
/// closes fenced code: three or more backticks or tildes.
fn fence_of(line: &str) -> Option<(char, usize)> {
    let c = line.chars().next().filter(|c| matches!(c, '`' | '~'))?;
    let n = line.len() - line.trim_start_matches(c).len();
    (n >= 3).then_some((c, n))
}

/// Where `close` starts in `body`, before any blank line.
fn closing(body: &str, close: &str) -> Option<usize> {
    let at = body.find(close)?;
    let before = body.get(..at)?;
    (!has_blank_line(before)).then_some(at)
}

/// Where a code span's closing run of backticks (`ticks`, exactly) starts in `body`,
/// before any blank line.
fn closing_code(body: &str, ticks: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(at) = body.get(from..)?.find(ticks) {
        let start = from + at;
        let end = start + ticks.len();
        let longer = body.get(end..).is_some_and(|r| r.starts_with('`'));
        if has_blank_line(body.get(..start)?) {
            return None;
        }
        if !longer {
            return Some(start);
        }
        from = end + body.get(end..)?.len() - body.get(end..)?.trim_start_matches('`').len();
    }
    None
}

/// Whether `text` holds an empty line (a paragraph's end).
fn has_blank_line(text: &str) -> bool {
    let lines: Vec<&str> = text.split('\n').collect();
    lines.len() > 2
        && lines
            .get(1..lines.len() - 1)
            .unwrap_or_default()
            .iter()
            .any(|l| l.trim().is_empty())
}

/// `text` with each `<` that would start an element (before a letter, `/`, `!` or `?`)
/// written `&lt;`: the browser shows the same text, and no element comes of it.
fn escape_tags(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let tag = c == '<'
            && chars
                .peek()
                .is_some_and(|n| n.is_ascii_alphabetic() || matches!(n, '/' | '!' | '?'));
        if tag {
            out.push_str("&lt;");
        } else {
            out.push(c);
        }
    }
    out
}
