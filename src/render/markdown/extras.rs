//! Goldmark's extras, as Hugo turns them on (`markup.goldmark.extensions.extras.NAME.enable`,
//! Hugo's `hugo-goldmark-extensions/extras`, `inline.go` and `ast.go`, off by default):
//! `^sup^`, `~sub~`, `++ins++`, `==mark==` and `~~del~~`.
//!
//! Each is a Goldmark delimiter: at a `^`, `~`, `+` or `=` not preceded by the same
//! character, a run of that character at least as long as the tag's (one for `^` and a
//! single `~`, two for the others) and at most two long opens where it is left-flanking
//! and closes where it is right-flanking (`parser.ScanDelimiter`; a `+`, `-` or `'` after a
//! single `^` counts as a letter, Hugo's issue 30). Openers and closers of the same
//! character pair as Goldmark's `parser.ProcessDelimiters` pairs them: a closer takes the
//! nearest opener, one or two characters at a time (`Delimiter.CalcComsumption`, with
//! CommonMark's rule of three), and the delimiters between them become text. Where tags
//! share a character (`~~` delete and `~` subscript), the one Goldmark tries first (by its
//! parser's priority) reads the run, and a pair takes the opener's tag. With strikethrough
//! on (Hugo's default), `~` is strikethrough's (pulldown-cmark's, `strikethrough.rs`), as in
//! Hugo, whose strikethrough parser comes before both and writes `<del>` too. A delimiter
//! inside a bare URL is text: linkify took the URL first.
//!
//! This runs on pulldown-cmark's events, with their offsets: delimiters are found in text
//! that is its own source (not an escape's or an entity's), and they pair within one
//! inline container (a paragraph's text, an emphasis, a link's text), which Goldmark's
//! `ProcessDelimiters` at a link's end and at a block's end also keeps apart. Each
//! container pairs its own delimiters once, over a list that drops those used up, so a
//! page stays linear however its containers nest. The tags are written as Goldmark writes
//! them (`<del>`, `<mark>`…).
//!
//! Left: emphasis and one of these that cross (`**==a**==`, `==**a==**`) are paired by
//! pulldown-cmark's emphasis first here, where Goldmark pairs all delimiters in one pass.

use std::ops::Range;

use pulldown_cmark::{CowStr, Event, LinkType, Tag, TagEnd};

use crate::site::Extensions;

use crate::render::linkify;
use crate::render::substitutions::{flanks, following, preceding};

/// The extras a site turns on (`markup.goldmark.extensions.extras`, all off by default).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Extras {
    /// `superscript`: `x^2^` is `x<sup>2</sup>`.
    pub superscript: bool,
    /// `subscript`: `H~2~O` is `H<sub>2</sub>O` (when strikethrough is off).
    pub subscript: bool,
    /// `insert`: `++new++` is `<ins>new</ins>`.
    pub insert: bool,
    /// `mark`: `==key==` is `<mark>key</mark>`.
    pub mark: bool,
    /// `delete`: `~~old~~` is `<del>old</del>` (when strikethrough is off).
    pub delete: bool,
}

impl Extras {
    /// The kinds on that read `c`, in the order Goldmark tries their parsers (by priority:
    /// delete 400, insert 501, mark 550, superscript 600, subscript 602); none reads `~`
    /// while `strikethrough` is on (its parser, at 500, takes every run first).
    fn kinds_for(self, c: u8, strikethrough: bool) -> impl Iterator<Item = Kind> {
        [
            // With strikethrough on, `~` is pulldown-cmark's strikethrough, read as Goldmark
            // reads it (`strikethrough.rs`): it pairs with emphasis in one pass, as in Hugo.
            (Kind::Delete, self.delete && !strikethrough),
            (Kind::Insert, self.insert),
            (Kind::Mark, self.mark),
            (Kind::Superscript, self.superscript),
            (Kind::Subscript, self.subscript && !strikethrough),
        ]
        .into_iter()
        .filter(move |&(kind, on)| on && kind.char() == c)
        .map(|(kind, _)| kind)
    }
}

/// Whether `md` may hold a delimiter of these kinds: a character one of them reads.
pub fn may_apply(md: &str, extensions: Extensions) -> bool {
    let (extras, strikethrough) = (extensions.extras, extensions.strikethrough);
    let read: Vec<u8> = b"~+=^"
        .iter()
        .copied()
        .filter(|&c| extras.kinds_for(c, strikethrough).next().is_some())
        .collect();
    let md = md.as_bytes();
    match read.as_slice() {
        [] => false,
        [a] => memchr::memchr(*a, md).is_some(),
        [a, b] => memchr::memchr2(*a, *b, md).is_some(),
        [a, b, c] => memchr::memchr3(*a, *b, *c, md).is_some(),
        _ => md.iter().any(|c| b"~+=^".contains(c)),
    }
}

/// One of these delimiters' elements.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Superscript,
    Subscript,
    Insert,
    Mark,
    Delete,
}

impl Kind {
    fn char(self) -> u8 {
        match self {
            Kind::Superscript => b'^',
            Kind::Subscript | Kind::Delete => b'~',
            Kind::Insert => b'+',
            Kind::Mark => b'=',
        }
    }

    /// The shortest run that is this delimiter (`InlineTag.Number`).
    fn number(self) -> usize {
        match self {
            Kind::Superscript | Kind::Subscript => 1,
            Kind::Insert | Kind::Mark | Kind::Delete => 2,
        }
    }

    /// The element's start: pulldown-cmark's tag where it has one (`<del>`, `<sup>`,
    /// `<sub>`), else the HTML Goldmark writes.
    fn start(self) -> Event<'static> {
        match self {
            Kind::Delete => Event::Start(Tag::Strikethrough),
            Kind::Superscript => Event::Start(Tag::Superscript),
            Kind::Subscript => Event::Start(Tag::Subscript),
            Kind::Insert => Event::InlineHtml(CowStr::Borrowed(TAGS[0])),
            Kind::Mark => Event::InlineHtml(CowStr::Borrowed(TAGS[2])),
        }
    }

    /// The element's end, as [`Kind::start`].
    fn end(self) -> Event<'static> {
        match self {
            Kind::Delete => Event::End(TagEnd::Strikethrough),
            Kind::Superscript => Event::End(TagEnd::Superscript),
            Kind::Subscript => Event::End(TagEnd::Subscript),
            Kind::Insert => Event::InlineHtml(CowStr::Borrowed(TAGS[1])),
            Kind::Mark => Event::InlineHtml(CowStr::Borrowed(TAGS[3])),
        }
    }
}

/// The tags written as HTML (pulldown-cmark has no element for them), for [`is_tag`]: a
/// static, so each is one string at one address.
static TAGS: [&str; 4] = ["<ins>", "</ins>", "<mark>", "</mark>"];

/// Whether `html`, an inline HTML event's text, is a tag this module writes (the very
/// string, not a page's own `<mark>`): Markdown's, kept where raw HTML is not.
pub fn is_tag(html: &str) -> bool {
    TAGS.iter()
        .any(|t| std::ptr::eq(t.as_ptr(), html.as_ptr()) && t.len() == html.len())
}

/// Whether `html` is a start tag this module writes ([`is_tag`]).
pub fn is_start_tag(html: &str) -> bool {
    is_tag(html) && !html.starts_with("</")
}

/// A delimiter run found in a text event.
struct Delimiter {
    /// The text event's index, and the run's byte offset in it.
    event: usize,
    at: usize,
    kind: Kind,
    original: usize,
    /// Characters not yet used by a pair.
    left: usize,
    open: bool,
    close: bool,
    /// The pairs it closes, innermost first, and those it opens, innermost first.
    ends: Vec<Kind>,
    starts: Vec<Kind>,
}

impl Delimiter {
    /// Goldmark's `Delimiter.CalcComsumption`: how many characters a pair of this opener
    /// and `closer` uses (0: none, by the rule of three).
    fn consumption(&self, closer: &Delimiter) -> usize {
        if (self.close || closer.open)
            && (self.original + closer.original).is_multiple_of(3)
            && !closer.original.is_multiple_of(3)
        {
            return 0;
        }
        if self.left >= 2 && closer.left >= 2 {
            2
        } else {
            1
        }
    }
}

/// `events` (pulldown-cmark's, with offsets into `md`) with the delimiters the site's
/// `extensions` turn on written as their elements.
pub fn tag<'a>(
    md: &'a str,
    events: impl Iterator<Item = (Event<'a>, Range<usize>)>,
    extensions: Extensions,
) -> Vec<(Event<'a>, Range<usize>)> {
    let events: Vec<(Event<'a>, Range<usize>)> = events.collect();
    let mut found: Vec<Delimiter> = Vec::new();
    // Each open container: its own delimiters (not those of the containers in it), by
    // index in `found`; whether text in it is read (not code, not an autolink's address);
    // where its block's text starts.
    let mut containers: Vec<(Vec<usize>, bool, usize)> = vec![(Vec::new(), true, 0)];
    for (i, (event, range)) in events.iter().enumerate() {
        match event {
            Event::Start(tag) => {
                let (read, block) = containers.last().map_or((true, 0), |c| (c.1, c.2));
                let block = if is_text_block(tag) {
                    range.start
                } else {
                    block
                };
                containers.push((Vec::new(), read && reads_text(tag), block));
            }
            Event::End(_) if containers.len() > 1 => {
                if let Some((own, _, _)) = containers.pop() {
                    pair(&mut found, &own);
                }
            }
            Event::Text(text) => {
                let Some((own, read, block)) = containers.last_mut() else {
                    continue;
                };
                if *read && md.get(range.clone()) == Some(&**text) {
                    let from = found.len();
                    scan(md, range.start, *block, (i, text), extensions, &mut found);
                    own.extend(from..found.len());
                }
            }
            _ => {}
        }
    }
    for (own, _, _) in containers.iter().rev() {
        pair(&mut found, own);
    }
    write(events, found)
}

/// Whether `tag` starts a block whose text Goldmark reads as inlines (where a line of
/// text starts).
fn is_text_block(tag: &Tag<'_>) -> bool {
    matches!(
        tag,
        Tag::Paragraph
            | Tag::Heading { .. }
            | Tag::TableCell
            | Tag::Item
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition
    )
}

/// Whether the text inside `tag` may hold delimiters.
fn reads_text(tag: &Tag<'_>) -> bool {
    !matches!(
        tag,
        Tag::CodeBlock(_)
            | Tag::HtmlBlock
            | Tag::MetadataBlock(_)
            | Tag::Link {
                link_type: LinkType::Autolink | LinkType::Email,
                ..
            }
    )
}

/// Finds the delimiters in `text`, event `i`, whose source starts at `md[start]` in a block
/// whose text starts at `md[block]`.
fn scan(
    md: &str,
    start: usize,
    block: usize,
    (i, text): (usize, &str),
    extensions: Extensions,
    found: &mut Vec<Delimiter>,
) {
    let bytes = text.as_bytes();
    let mut at = 0;
    let mut last_link = None;
    while let Some(skip) = bytes
        .get(at..)
        .and_then(|rest| rest.iter().position(|b| b"~+=^".contains(b)))
    {
        at += skip;
        let (run, read) = delimiter_at(md, start + at, block, extensions, &mut last_link);
        // A run going on past this text (into another piece) is text.
        if let (Some((kind, open, close)), true) = (read, at + run <= bytes.len()) {
            found.push(Delimiter {
                event: i,
                at,
                kind,
                original: run,
                left: run,
                open,
                close,
                ends: Vec::new(),
                starts: Vec::new(),
            });
        }
        at += run.max(1);
    }
}

/// Whether a delimiter of the site's `extensions` ends right before `md[end]` (in a block
/// whose text starts at `md[block]`): Goldmark looks for a bare URL after it, as at a
/// line's start (its inline parser starts over after each node it reads).
pub fn delimiter_ends_at(md: &str, end: usize, block: usize, extensions: Extensions) -> bool {
    let head = md.as_bytes().get(..end).unwrap_or_default();
    let Some(&c) = head.last().filter(|c| b"~+=^".contains(c)) else {
        return false;
    };
    let run = head.iter().rev().take(3).take_while(|&&b| b == c).count();
    let read = delimiter_at(md, end - run, block, extensions, &mut None);
    matches!(read, (n, Some(_)) if n == run)
}

/// The run of one character at `md[pos]` (in a block whose text starts at `md[block]`),
/// and the delimiter it is, with whether it can open and close (`parser.ScanDelimiter`
/// as each tag's parser calls it, in their order): none when no tag on reads it, it is
/// escaped or in a bare URL, the same character is before it, or it is too short or
/// longer than two.
fn delimiter_at(
    md: &str,
    pos: usize,
    block: usize,
    extensions: Extensions,
    last_link: &mut Option<Range<usize>>,
) -> (usize, Option<(Kind, bool, bool)>) {
    let rest = md.as_bytes().get(pos..).unwrap_or_default();
    let Some(&c) = rest.first() else {
        return (1, None);
    };
    let run = rest.iter().take(3).take_while(|&&b| b == c).count();
    let mut kinds = extensions
        .extras
        .kinds_for(c, extensions.strikethrough)
        .peekable();
    let before = preceding(md, pos, block);
    if kinds.peek().is_none()
        || before == char::from(c)
        || run > 2
        || crate::text::escaped(md, pos)
        || (extensions.linkify && in_bare_link(md, pos, block, extensions, last_link))
    {
        return (run, None);
    }
    let Some(kind) = kinds.find(|k| run >= k.number()) else {
        return (run, None);
    };
    let after = following(md, pos + run);
    // Hugo's issue 30: `x^+2^`, `x^-^` and `x^'^` are superscripts.
    let after = if kind == Kind::Superscript && run == 1 && matches!(after, '+' | '-' | '\'') {
        'z'
    } else {
        after
    };
    let (open, close) = flanks(before, after);
    (run, Some((kind, open, close)))
}

/// Whether the character at `md[i]` is inside a bare URL (Goldmark's linkify takes the URL
/// first): a link that starts where linkify looks for one (a word's start, after `(`, `*`,
/// `_`, `~`, a typographer's character or a delimiter: [`linkify::may_start`]) and
/// reaches past it (trailing `~` are trimmed off a link, as linkify trims them). `block`:
/// where the block's text starts; `last`, the last link it found in `md` (none at first).
pub(super) fn in_bare_link(
    md: &str,
    i: usize,
    block: usize,
    extensions: Extensions,
    last: &mut Option<Range<usize>>,
) -> bool {
    // The last link found in `md`: a long URL holding many delimiters is measured once, not
    // once for each (which made a page quadratic).
    if last.as_ref().is_some_and(|r| r.contains(&i)) {
        return true;
    }
    let word = crate::text::last_word(md.get(..i).unwrap_or_default(), 256);
    let word_start = i - word.len();
    // The delimiters before a link are read without asking this again.
    let unlinked = Extensions {
        linkify: false,
        ..extensions
    };
    ["http://", "https://", "ftp://", "www."]
        .iter()
        .any(|scheme| {
            word.match_indices(scheme).any(|(at, _)| {
                let start = word_start + at;
                // A link's destination (`](https://…)`) is the link parser's, not linkify's.
                if word.get(..at).is_some_and(|w| w.ends_with("](")) {
                    return false;
                }
                let starts = start == block
                    || linkify::may_start(md.get(..start).unwrap_or_default(), extensions)
                    || delimiter_ends_at(md, start, block, unlinked);
                let len = starts
                    .then(|| md.get(start..).and_then(linkify::link_len))
                    .flatten();
                let covers = len.is_some_and(|len| start + len > i);
                if let (true, Some(len)) = (covers, len) {
                    *last = Some(start..start + len);
                }
                covers
            })
        })
}

/// Pairs one container's delimiters, `own` (indices into `found`, in order), as Goldmark's
/// `parser.ProcessDelimiters` does; each is text afterwards. Those used up or left between
/// a pair leave the list, and a closer that finds no opener stops the next search of a
/// closer like it (same character, whether it can open, its length mod 3: the same openers
/// suit both) at itself: the openers below were all tried. So the work stays linear.
fn pair(found: &mut [Delimiter], own: &[usize]) {
    let mut list = List::new(own.len());
    let mut bottom = [0usize; 24];
    let mut at = (!own.is_empty()).then_some(0);
    while let Some(c) = at {
        let Some(closer) = own.get(c).and_then(|&i| found.get(i)) else {
            break;
        };
        if !closer.close {
            at = list.after(c);
            continue;
        }
        let char = b"~+=^"
            .iter()
            .position(|&x| x == closer.kind.char())
            .unwrap_or(0);
        let like = char * 6 + usize::from(closer.open) * 3 + closer.original % 3;
        let floor = bottom.get(like).copied().unwrap_or(0);
        let Some((o, take)) = opener(found, own, &list, c, floor) else {
            if let Some(b) = bottom.get_mut(like) {
                *b = c;
            }
            let after = list.after(c);
            if !closer.open {
                list.unlink(c);
            }
            at = after;
            continue;
        };
        // The delimiters between the pair are text.
        let mut k = list.after(o);
        while let Some(b) = k.filter(|&b| b != c) {
            k = list.after(b);
            list.unlink(b);
        }
        let kind = own.get(o).and_then(|&i| found.get(i)).map(|d| d.kind);
        let mut used = |k: usize, end: bool| {
            let d = own.get(k).and_then(|&i| found.get_mut(i));
            let (Some(d), Some(kind)) = (d, kind) else {
                return true;
            };
            d.left -= take;
            if end {
                d.ends.push(kind)
            } else {
                d.starts.push(kind)
            }
            d.left == 0
        };
        if used(o, false) {
            list.unlink(o);
        }
        if used(c, true) {
            at = list.after(c);
            list.unlink(c);
        }
    }
}

/// The nearest opener below closer `c` (positions in `own`), down to `floor`, that pairs
/// with it: its position and how many characters the pair takes.
fn opener(
    found: &[Delimiter],
    own: &[usize],
    list: &List,
    c: usize,
    floor: usize,
) -> Option<(usize, usize)> {
    let closer = own.get(c).and_then(|&i| found.get(i))?;
    let mut j = list.before(c).filter(|&j| j >= floor);
    while let Some(k) = j {
        let take = own
            .get(k)
            .and_then(|&i| found.get(i))
            .filter(|o| o.open && o.kind.char() == closer.kind.char())
            .map_or(0, |o| o.consumption(closer));
        if take > 0 {
            return Some((k, take));
        }
        j = list.before(k).filter(|&p| p >= floor);
    }
    None
}

/// The delimiters still in play, by position: a doubly linked list.
struct List {
    prev: Vec<Option<usize>>,
    next: Vec<Option<usize>>,
}

impl List {
    fn new(n: usize) -> List {
        List {
            prev: (0..n).map(|k| k.checked_sub(1)).collect(),
            next: (0..n).map(|k| Some(k + 1).filter(|&x| x < n)).collect(),
        }
    }

    fn before(&self, k: usize) -> Option<usize> {
        self.prev.get(k).copied().flatten()
    }

    fn after(&self, k: usize) -> Option<usize> {
        self.next.get(k).copied().flatten()
    }

    /// Takes position `k` out of the list.
    fn unlink(&mut self, k: usize) {
        let (p, n) = (self.before(k), self.after(k));
        if let Some(slot) = p.and_then(|p| self.next.get_mut(p)) {
            *slot = n;
        }
        if let Some(slot) = n.and_then(|n| self.prev.get_mut(n)) {
            *slot = p;
        }
    }
}

/// `events` with each text event holding paired delimiters split at them: at a delimiter,
/// the pairs it closes end (innermost first), the characters no pair used stay text, and
/// the pairs it opens start (outermost first).
fn write<'a>(
    events: Vec<(Event<'a>, Range<usize>)>,
    found: Vec<Delimiter>,
) -> Vec<(Event<'a>, Range<usize>)> {
    let mut found = found
        .into_iter()
        .filter(|d| !d.ends.is_empty() || !d.starts.is_empty())
        .peekable();
    let mut out = Vec::with_capacity(events.len() + 8);
    for (i, (event, range)) in events.into_iter().enumerate() {
        if found.peek().is_none_or(|d| d.event != i) {
            out.push((event, range));
            continue;
        }
        let Event::Text(text) = event else {
            out.push((event, range));
            continue;
        };
        let mut from = 0;
        let piece = |from: usize, to: usize| {
            let t = text.get(from..to).unwrap_or_default().to_string();
            (
                Event::Text(CowStr::from(t)),
                range.start + from..range.start + to,
            )
        };
        while let Some(d) = found.next_if(|d| d.event == i) {
            if d.at > from {
                out.push(piece(from, d.at));
            }
            let used = range.start + d.at..range.start + d.at + d.original;
            for kind in &d.ends {
                out.push((kind.end(), used.clone()));
            }
            if d.left > 0 {
                out.push(piece(d.at, d.at + d.left));
            }
            for kind in d.starts.iter().rev() {
                out.push((kind.start(), used.clone()));
            }
            from = d.at + d.original;
        }
        if from < text.len() {
            out.push(piece(from, text.len()));
        }
    }
    out
}
