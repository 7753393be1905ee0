//! Strikethrough as Goldmark reads it (`extension/strikethrough.go`): a run of one or two
//! `~` opens only where it is left-flanking and closes only where it is right-flanking, as
//! `*` does; runs of three or more are text. pulldown-cmark pairs tildes more freely
//! (`em~~<br>~~` is struck through there, not in Hugo), so each run Goldmark leaves as text
//! is escaped in the source before pulldown-cmark reads it ([`literal_tildes`]).

use std::borrow::Cow;
use std::ops::Range;

use crate::render::substitutions::flanking;

/// A run of tildes: where it starts, how long it is, whether it may open and close.
struct Run {
    at: usize,
    len: usize,
    open: bool,
    close: bool,
}

/// `md` with every `~` that Goldmark would not read as strikethrough escaped.
pub fn literal_tildes(md: &str) -> Cow<'_, str> {
    if !md.contains('~') {
        return Cow::Borrowed(md);
    }
    let mut literal: Vec<usize> = Vec::new();
    for block in blocks(md) {
        literal.extend(unpaired(runs(md, block)));
    }
    if literal.is_empty() {
        return Cow::Borrowed(md);
    }
    literal.sort_unstable();
    let mut out = String::with_capacity(md.len() + literal.len());
    let mut from = 0;
    for at in literal {
        out.push_str(md.get(from..at).unwrap_or_default());
        out.push('\\');
        from = at;
    }
    out.push_str(md.get(from..).unwrap_or_default());
    Cow::Owned(out)
}

/// The paragraphs of `md` (runs of non-blank lines outside fenced code), as byte ranges.
fn blocks(md: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let (mut start, mut at, mut fence) = (None, 0, false);
    for line in md.split_inclusive('\n') {
        let t = line.trim_start();
        if t.starts_with("```") || t.starts_with("~~~") {
            fence = !fence;
            out.extend(start.take().map(|s| s..at));
        } else if fence || t.trim().is_empty() {
            out.extend(start.take().map(|s| s..at));
        } else if start.is_none() {
            start = Some(at);
        }
        at += line.len();
    }
    out.extend(start.map(|s| s..at));
    out
}

/// The tilde runs of a block, outside code spans and escapes.
fn runs(md: &str, block: Range<usize>) -> Vec<Run> {
    let b = md.as_bytes();
    let mut out = Vec::new();
    let (mut i, mut code) = (block.start, 0usize);
    while i < block.end {
        let c = b.get(i).copied().unwrap_or(0);
        let run = b.iter().skip(i).take_while(|&&x| x == c).count().max(1);
        match c {
            b'\\' => i += 2,
            b'`' => {
                code = if code == run {
                    0
                } else if code == 0 {
                    run
                } else {
                    code
                };
                i += run;
            }
            b'~' if code == 0 => {
                let (open, close) = flanking(md, i, block.start);
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

/// The positions of the tildes in runs that pair with no other run (the delimiter stack
/// of CommonMark's emphasis, with runs of the same length matching; the openers passed
/// over by a match are left unpaired).
fn unpaired(runs: Vec<Run>) -> Vec<usize> {
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
    runs.iter()
        .zip(paired)
        .filter(|(_, p)| !p)
        .flat_map(|(r, _)| r.at..r.at + r.len)
        .collect()
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
    fn runs_of_three_and_tildes_in_code_are_left_alone_or_text() {
        assert_eq!(literal_tildes("`~~a~~`"), "`~~a~~`");
        assert_eq!(literal_tildes("a ~~~b~~~"), "a \\~\\~\\~b\\~\\~\\~");
    }
}
