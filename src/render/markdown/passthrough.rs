//! Goldmark's passthrough extension as Hugo configures it
//! (`markup.goldmark.extensions.passthrough`, `hugo-goldmark-extensions/passthrough`): the
//! text between a pair of delimiters (`\(…\)` inline, `$$…$$` as a block) is written as it
//! is, delimiters and all, for KaTeX or MathJax to read in the browser.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};

use crate::text;

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

/// Where a passthrough mark stands in the HTML: what `put_back` does with it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Placement {
    /// A block on lines of its own: written without the paragraph around it.
    Block,
    /// Block delimiters inside text: they split a paragraph (not a list item's, a
    /// heading's or a cell's text, where the block stays in the text).
    Split,
}

/// What [`protect`] found: the Markdown with each passthrough span replaced by its mark,
/// and where each block's mark stands, by the mark's number.
pub(super) struct Protected<'a> {
    pub md: Cow<'a, str>,
    pub placed: HashMap<usize, Placement>,
}

/// `md` with each passthrough span as the mark `mark` makes of its text as written
/// (HTML-escaped, so it is the same text in an element or an attribute and makes no
/// element), `mark` giving the mark and its number: what Hugo writes for it. Fenced
/// code, code spans, link destinations, autolinks and backslash-escaped characters are
/// not read; a span does not cross a blank line, and one without its closing delimiter
/// is text. Linear in `md`'s length.
pub(super) fn protect<'a>(
    md: &'a str,
    pt: &Passthrough,
    mark: impl FnMut(String) -> (String, usize),
) -> Protected<'a> {
    let pairs = pt.pairs();
    if pairs.iter().all(|(o, _, _)| !md.contains(o)) {
        return Protected {
            md: Cow::Borrowed(md),
            placed: HashMap::new(),
        };
    }
    let mut scan = Scan {
        md,
        pairs,
        mark,
        out: String::with_capacity(md.len()),
        placed: HashMap::new(),
        fence: None,
        at: 0,
        next: HashMap::new(),
        blank: None,
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
        } else if let Some(taken) = link_target(rest) {
            taken
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
            scan.code_span(rest)
        } else {
            c.len_utf8()
        };
        scan.out.push_str(rest.get(..taken).unwrap_or_default());
        scan.at += taken;
    }
    Protected {
        md: Cow::Owned(scan.out),
        placed: scan.placed,
    }
}

/// [`protect`]'s state: where it is in `md`, what it wrote, inside which fence, and
/// where the next of each closing delimiter and the next blank line are (found once,
/// looked for again only when passed: the scan stays linear).
struct Scan<'m, 'p, F> {
    md: &'m str,
    pairs: Vec<(&'p str, &'p str, bool)>,
    mark: F,
    out: String,
    placed: HashMap<usize, Placement>,
    fence: Option<(char, usize)>,
    at: usize,
    next: HashMap<&'p str, Option<usize>>,
    blank: Option<Option<usize>>,
}

impl<'p, F: FnMut(String) -> (String, usize)> Scan<'_, 'p, F> {
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

    /// How many bytes the code span (or the run of backticks that opens none) at the
    /// start of `rest` takes, within its paragraph.
    fn code_span(&mut self, rest: &str) -> usize {
        let run = rest.len() - rest.trim_start_matches('`').len();
        let end = self
            .next_blank(self.at)
            .map_or(rest.len(), |b| b.saturating_sub(self.at));
        let body = rest.get(run..end.max(run)).unwrap_or_default();
        closing_code(body, &"`".repeat(run)).map_or(run, |e| run + e + run)
    }

    /// Where the next `close` at or after byte `from` of `md` is.
    fn next_close(&mut self, close: &'p str, from: usize) -> Option<usize> {
        let md = self.md;
        let known = self.next.get(close).copied();
        let found = match known {
            Some(None) => None,
            Some(Some(at)) if at >= from => Some(at),
            _ => md
                .get(from..)
                .and_then(|r| r.find(close))
                .map(|at| from + at),
        };
        self.next.insert(close, found);
        found
    }

    /// Where the next blank line (a paragraph's end) at or after byte `from` starts.
    fn next_blank(&mut self, from: usize) -> Option<usize> {
        if let Some(known) = self.blank {
            if known.is_none_or(|at| at >= from) {
                return known;
            }
        }
        let found = blank_line_from(self.md, from);
        self.blank = Some(found);
        found
    }

    /// Writes the passthrough span `rest` starts with, if any, as its mark: the bytes it
    /// took and whether what follows starts a line.
    fn span(&mut self, rest: &str) -> Option<(usize, bool)> {
        let pairs = self.pairs.clone();
        let at = self.at;
        let (len, block) = pairs.iter().find_map(|&(open, close, block)| {
            rest.starts_with(open).then_some(())?;
            let end = self.next_close(close, at + open.len())?;
            let paragraph_end = self.next_blank(at + open.len()).unwrap_or(usize::MAX);
            (end < paragraph_end).then_some((end + close.len() - at, block))
        })?;
        // HTML-escaped: the browser shows what Hugo's raw text shows (MathJax and KaTeX
        // read the text), in an element or in an attribute (an image's alt text), and no
        // element or attribute can come of it.
        let text = crate::text::html_escape(rest.get(..len).unwrap_or_default());
        let (marked, number) = (self.mark)(text);
        let alone = self.out.is_empty() || self.out.ends_with('\n');
        if !block || !alone {
            self.out.push_str(&marked);
            if block {
                self.placed.insert(number, Placement::Split);
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
        self.placed.insert(number, Placement::Block);
        let after = self.md.get(at + len..).unwrap_or_default();
        let blank = after.len() - after.trim_start_matches([' ', '\t']).len();
        let newline = usize::from(after.get(blank..).is_some_and(|r| r.starts_with('\n')));
        Some((len + blank + newline, true))
    }
}

/// How many bytes a link's destination (`](…)`) or an autolink (`<https://…>`) at the
/// start of `rest` takes, on its line: Goldmark reads no passthrough there.
fn link_target(rest: &str) -> Option<usize> {
    let line = rest.split('\n').next().unwrap_or(rest);
    if line.starts_with("](") {
        return line.find(')').map(|end| end + 1);
    }
    let inner = line.strip_prefix('<')?;
    // CommonMark's autolink: a scheme of 2 to 32 characters.
    let (scheme, _) = text::split_scheme(inner)?;
    (2..=32).contains(&scheme.len()).then_some(())?;
    line.find('>').map(|end| end + 1)
}

/// Whether the last element `html` opens or closes that passthrough blocks care about is
/// a paragraph's start (`<p>`); `None` when it has none of them.
pub(super) fn opens_a_paragraph(html: &str) -> Option<bool> {
    const OTHERS: &[&str] = &[
        "</p>",
        "<li>",
        "<li ",
        "<h1",
        "<h2",
        "<h3",
        "<h4",
        "<h5",
        "<h6",
        "<td",
        "<th",
        "<blockquote",
        "<dd",
        "<dt",
        "</li>",
        "</h",
    ];
    let paragraph = html.rfind("<p>");
    let other = OTHERS.iter().filter_map(|t| html.rfind(t)).max();
    match (paragraph, other) {
        (None, None) => None,
        (Some(p), Some(o)) => Some(p > o),
        (p, _) => Some(p.is_some()),
    }
}

/// A fence's character and length when `line` (its indentation taken off) opens or
/// closes fenced code: three or more backticks or tildes.
fn fence_of(line: &str) -> Option<(char, usize)> {
    let c = line.chars().next().filter(|c| matches!(c, '`' | '~'))?;
    let n = line.len() - line.trim_start_matches(c).len();
    (n >= 3).then_some((c, n))
}

/// Where the next blank line after byte `from` of `md` starts (a line break followed by
/// a line of spaces only).
fn blank_line_from(md: &str, from: usize) -> Option<usize> {
    let mut at = from;
    while let Some(n) = md.get(at..).and_then(|r| r.find('\n')) {
        let line_start = at + n + 1;
        let line = md.get(line_start..).unwrap_or_default();
        let line = line.split('\n').next().unwrap_or(line);
        if line.trim().is_empty() && line_start < md.len() {
            return Some(line_start);
        }
        at = line_start;
    }
    None
}

/// Where a code span's closing run of backticks (`ticks`, exactly) starts in `body` (the
/// rest of its paragraph).
fn closing_code(body: &str, ticks: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(at) = body.get(from..)?.find(ticks) {
        let start = from + at;
        let end = start + ticks.len();
        if !body.get(end..).is_some_and(|r| r.starts_with('`')) {
            return Some(start);
        }
        from = end + body.get(end..)?.len() - body.get(end..)?.trim_start_matches('`').len();
    }
    None
}
