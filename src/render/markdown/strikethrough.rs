//! Strikethrough as Goldmark reads it (`extension/strikethrough.go`): a run of one or two
//! `~` opens only where it is left-flanking and closes only where it is right-flanking, as
//! `*` does; runs of three or more are text. pulldown-cmark pairs tildes more freely
//! (`em~~<br>~~` is struck through there, not in Hugo), so each run Goldmark leaves as text
//! is escaped in the source before pulldown-cmark reads it ([`literal_tildes`]).

use std::borrow::Cow;
use std::ops::Range;

use super::Fences;
use crate::render::substitutions::{flanks, following, preceding};

/// A run of tildes: where it starts, how long it is, whether it may open and close.
struct Run {
    at: usize,
    len: usize,
    open: bool,
    close: bool,
}

/// `md` with every `~` that Goldmark would not read as strikethrough escaped, and each
/// single `~` it pairs doubled: pulldown-cmark refuses a single one inside a word (`H~2~O`,
/// struck through by Goldmark), and pairs `~~` wherever a paired `~` stands.
pub fn literal_tildes(md: &str) -> Cow<'_, str> {
    if !md.contains('~') {
        return Cow::Borrowed(md);
    }
    let mut inserts: Vec<(usize, char)> = Vec::new();
    for block in blocks(md) {
        let (literal, single) = unpaired(runs(md, block));
        inserts.extend(literal.into_iter().map(|at| (at, '\\')));
        inserts.extend(single.into_iter().map(|at| (at, '~')));
    }
    if inserts.is_empty() {
        return Cow::Borrowed(md);
    }
    inserts.sort_unstable();
    let mut out = String::with_capacity(md.len() + inserts.len());
    let mut from = 0;
    for (at, c) in inserts {
        out.push_str(md.get(from..at).unwrap_or_default());
        out.push(c);
        from = at;
    }
    out.push_str(md.get(from..).unwrap_or_default());
    Cow::Owned(out)
}

/// The paragraphs of `md` as byte ranges: runs of non-blank lines outside fenced code
/// (a fence closes on a line of the same character, at least as long), leaving out indented
/// code and HTML blocks (one of the kinds that may end a paragraph too:
/// [`super::interrupts_paragraph`]), which Goldmark does not read as Markdown either.
fn blocks(md: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let (mut start, mut at) = (None, 0);
    let mut fences = Fences::default();
    let mut skip = false;
    for line in md.split_inclusive('\n') {
        let t = line.trim_start_matches(' ');
        let indent = line.len() - t.len();
        let (fenced, blank) = (fences.line(line), t.trim().is_empty());
        if fenced || blank {
            out.extend(start.take().map(|s| s..at));
            // A blank line ends an indented code or HTML block; one in a fence does not.
            skip &= fenced;
        } else if start.is_some()
            && indent < 4
            && t.starts_with('<')
            && super::interrupts_paragraph(t)
        {
            // HTML that starts a block even after a line of text (review 59d: a `~` in a
            // `<blockquote>` right after a paragraph was escaped).
            out.extend(start.take().map(|s| s..at));
            skip = true;
        } else if start.is_none() && !skip {
            // A line starting with a tag starts an HTML block only when CommonMark says
            // so: `<kbd>Ctrl</kbd> and H~2~O` is a paragraph (review 61b).
            skip = indent >= 4 || (t.starts_with('<') && starts_html_block(t));
            if !skip {
                start = Some(at);
            }
        }
        at += line.len();
    }
    out.extend(start.map(|s| s..at));
    out
}

/// Whether the line `t` (its indent taken off) starts an HTML block (CommonMark's seven
/// kinds), as pulldown-cmark reads it.
fn starts_html_block(t: &str) -> bool {
    use pulldown_cmark::{Event, Parser, Tag};
    matches!(Parser::new(t).next(), Some(Event::Start(Tag::HtmlBlock)))
}

/// The tilde runs of a block, outside code spans and escapes.
fn runs(md: &str, block: Range<usize>) -> Vec<Run> {
    let b = md.as_bytes();
    let mut out = Vec::new();
    let (mut i, mut code) = (block.start, 0usize);
    let mut last_link = None;
    while i < block.end {
        let c = b.get(i).copied().unwrap_or(0);
        let run = || b.iter().skip(i).take_while(|&&x| x == c).count().max(1);
        match c {
            b'\\' => i += 2,
            // A tag or `<…>` link (its address may hold a `~`) is not Markdown.
            b'<' if code == 0 => i += tag_len(md, i),
            b'`' => {
                let run = run();
                code = if code == run {
                    0
                } else if code == 0 {
                    run
                } else {
                    code
                };
                i += run;
            }
            // A fence's line, info string and all, is not text.
            b'~' if code == 0 && may_open_fence(md, i) => {
                i += md
                    .get(i..)
                    .and_then(|r| r.find('\n'))
                    .map_or(block.end - i, |n| n + 1);
            }
            b'~' if code == 0
                && super::extras::in_bare_link(
                    md,
                    i,
                    block.start,
                    Default::default(),
                    &mut last_link,
                ) =>
            {
                i += run()
            }
            b'~' if code == 0 => {
                let run = run();
                let (open, close) = flanks(preceding(md, i, block.start), following(md, i + run));
                out.push(Run {
                    at: i,
                    len: run,
                    open: open && run <= 2,
                    close: close && run <= 2,
                });
                i += run;
            }
            _ => i += 1,
        }
    }
    out
}

/// How far a `<` at `md[i]` reaches: to its `>` on the same line when it opens a tag or a
/// `<…>` link, else just itself.
fn tag_len(md: &str, i: usize) -> usize {
    let rest = md.get(i..).unwrap_or_default();
    let opens = rest
        .get(1..)
        .and_then(|r| r.chars().next())
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '/' || c == '!');
    match rest.find(['>', '\n']) {
        Some(end) if opens && rest.get(end..).is_some_and(|r| r.starts_with('>')) => end + 1,
        _ => 1,
    }
}

/// Whether the tildes at `md[i]` may open a code fence: three or more, with only
/// container markers (`>`, `-`, `*`, `+`, `1.`) and spaces before them on their line.
fn may_open_fence(md: &str, i: usize) -> bool {
    let head = md.get(..i).unwrap_or_default();
    let lead = head
        .get(head.rfind('\n').map_or(0, |n| n + 1)..)
        .unwrap_or_default();
    let long = md.get(i..).is_some_and(|r| r.starts_with("~~~"));
    long && lead
        .chars()
        .all(|c| c.is_whitespace() || ">-*+.)".contains(c) || c.is_ascii_digit())
}

/// The positions of the tildes in runs that pair with no other run (the delimiter stack
/// of CommonMark's emphasis, with runs of the same length matching; the openers passed
/// over by a match are left unpaired), and where each paired run of one tilde is.
fn unpaired(runs: Vec<Run>) -> (Vec<usize>, Vec<usize>) {
    let mut paired = vec![false; runs.len()];
    let mut openers: Vec<usize> = Vec::new();
    for (k, run) in runs.iter().enumerate() {
        let same = |o: &usize| runs.get(*o).is_some_and(|r| r.len == run.len);
        let matched = run.close.then(|| openers.iter().rposition(same)).flatten();
        if let Some(pos) = matched {
            for p in [openers.get(pos).copied(), Some(k)].into_iter().flatten() {
                if let Some(slot) = paired.get_mut(p) {
                    *slot = true;
                }
            }
            openers.truncate(pos);
        } else if run.open {
            openers.push(k);
        }
    }
    let single = runs
        .iter()
        .zip(&paired)
        .filter(|(r, p)| **p && r.len == 1)
        .map(|(r, _)| r.at)
        .collect();
    let literal = runs
        .iter()
        .zip(paired)
        .filter(|(_, p)| !p)
        .flat_map(|(r, _)| r.at..r.at + r.len)
        .collect();
    (literal, single)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tildes_that_cannot_open_are_text() {
        assert_eq!(literal_tildes("em~~<br>~~"), "em\\~\\~<br>\\~\\~");
        assert_eq!(literal_tildes("a ~~struck~~ b"), "a ~~struck~~ b");
    }

    #[test]
    fn tildes_in_links_tags_indented_code_and_html_blocks_are_left_alone() {
        for md in [
            "<https://x.io/~user>",
            "see https://x.io/~user ok",
            "~~https://example.com/a_~~ struck",
            "'~~[5](https://example.com/rock)~~'",
            "1. ~~~~em~~",
            "    ~/bin/run",
            "<div>\n~x~ and ~~y\n</div>",
            "a <a href=\"https://e.org/~me/\">me</a> b",
            "````\n```\n~x\n````",
        ] {
            assert_eq!(literal_tildes(md), md);
        }
    }

    #[test]
    fn a_paired_single_tilde_is_doubled_so_it_strikes_through_inside_a_word_too() {
        assert_eq!(literal_tildes("H~2~O and ~a~"), "H~~2~~O and ~~a~~");
        assert_eq!(literal_tildes("x ~~y~~"), "x ~~y~~");
    }

    #[test]
    fn runs_of_three_and_tildes_in_code_are_left_alone_or_text() {
        assert_eq!(literal_tildes("`~~a~~`"), "`~~a~~`");
        assert_eq!(literal_tildes("a ~~~b~~~"), "a \\~\\~\\~b\\~\\~\\~");
    }
}
