//! Goldmark's typographer and linkify passes over the text between Markdown's elements: bare URLs
//! and e-mail addresses become links; quotes, dashes and ellipses are typeset by Goldmark's
//! rules (`substitutions.rs`), and `<<` / `>>` become « and ».
//!
//! pulldown-cmark hands text over in pieces, split at every delimiter-like character.
//! Goldmark's linkify reads the source, before the typographer, so a URL's path keeps a
//! quote or `>>` it runs into; its typographer decides each quote from the source around it.
//! Each run of pieces is therefore matched back to its source through the parser's offsets:
//! links are found in the source ([`linkify`]) and written with their source text; the rest
//! is typeset from its source, block by block.
//!
//! Goldmark's typographer reads `<<` before raw HTML and autolinks (`<<tag>` is « and the
//! text `tag>`); pulldown-cmark reads `<tag>` as HTML, so a lone `<` before inline HTML or an
//! linkify gets that construct's source text back.

use std::ops::Range;

use pulldown_cmark::{CowStr, Event, LinkType, Tag, TagEnd};

use super::linkify::{self, Link};
use super::substitutions::{substitute, Substitution, Unclosed};

/// A piece of text and the source it came from.
type Piece<'a> = (CowStr<'a>, Range<usize>);

/// Whether `html` is a page's own tag (not one Markdown's `<mark>` or `<ins>` put).
fn is_raw_tag(html: &str) -> bool {
    html.starts_with('<') && !super::markdown::extras::is_tag(html)
}

/// Finishes the text in `events` (pulldown-cmark's, with offsets into `md`).
/// `extensions` says whether links are found and text is typeset at all.
pub fn finish<'a>(
    md: &'a str,
    events: impl Iterator<Item = (Event<'a>, Range<usize>)>,
    extensions: crate::site::Extensions,
) -> Vec<Event<'a>> {
    let mut out = Vec::new();
    let mut run: Vec<Piece<'a>> = Vec::new();
    let mut block = Block::new(extensions);
    let mut in_code_block = false;
    let mut in_link = 0usize;
    let mut in_autolink = false;
    let mut events = events;
    while let Some((ev, range)) = events.next() {
        match ev {
            // A `<…>` link's text is its address, as written.
            Event::Text(t) if in_autolink => {
                out.push(Event::Text(match t.strip_prefix(linkify::WWW) {
                    Some(www) => CowStr::from(www.to_string()),
                    None => t,
                }))
            }
            Event::Text(t) if !in_code_block => run.push((t, range)),
            Event::InlineHtml(h) if block.typographer && odd_angle(&run) && is_raw_tag(&h) => {
                run.push((source(md, &range), range))
            }
            Event::Start(Tag::Link {
                link_type: LinkType::Autolink | LinkType::Email,
                ..
            }) if block.typographer && odd_angle(&run) => {
                for (inner, _) in events.by_ref() {
                    if matches!(inner, Event::End(TagEnd::Link)) {
                        break;
                    }
                }
                run.push((source(md, &range), range));
            }
            other => {
                block.nest(&other, &range);
                flush(md, &mut run, in_link > 0, &mut block, &mut out);
                block.follow(md, &other, &range);
                match &other {
                    Event::Start(Tag::CodeBlock(_)) => in_code_block = true,
                    Event::End(TagEnd::CodeBlock) => in_code_block = false,
                    Event::Start(Tag::Link {
                        link_type: LinkType::Autolink | LinkType::Email,
                        ..
                    }) => {
                        in_link += 1;
                        in_autolink = true;
                    }
                    Event::Start(Tag::Link { .. } | Tag::Image { .. }) => in_link += 1,
                    Event::End(TagEnd::Link | TagEnd::Image) => {
                        in_link = in_link.saturating_sub(1);
                        in_autolink = false;
                    }
                    _ => {}
                }
                out.push(linkify::unprotect(other, extensions.linkify_protocol));
            }
        }
    }
    flush(md, &mut run, in_link > 0, &mut block, &mut out);
    out
}

/// The block the text is in, as the typographer needs it: where it ends, and the quotes it
/// left open.
#[derive(Default)]
struct Block {
    start: usize,
    end: usize,
    unclosed: Unclosed,
    /// Whether a link label is open, read on through the block.
    label: linkify::LabelCursor,
    /// Whether text is typeset (the site's typographer is on).
    typographer: bool,
    /// Whether bare URLs become links (the site's linkify is on).
    linkify: bool,
    /// The site's extensions (where a bare URL may start depends on its delimiters).
    extensions: crate::site::Extensions,
}

impl Block {
    /// The first block, with the site's `extensions`.
    fn new(extensions: crate::site::Extensions) -> Block {
        Block {
            typographer: extensions.typographer,
            linkify: extensions.linkify,
            extensions,
            ..Block::default()
        }
    }

    /// Follows the blocks that hold text. The count of open quotes runs on over the whole
    /// document: Goldmark's typographer means to reset it when a block closes, but its
    /// `CloseBlock` does not match the parser's interface, so it never runs (Hugo 0.168:
    /// `'a` then a list item `b'` closes the quote).
    fn follow(&mut self, md: &str, event: &Event, range: &Range<usize>) {
        if let Event::Start(
            Tag::Paragraph
            | Tag::Heading { .. }
            | Tag::TableCell
            | Tag::Item
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition,
        ) = event
        {
            self.start = range.start;
            self.end = range.end;
            self.label = linkify::LabelCursor::new(range.start);
            if let Event::Start(Tag::Heading { .. }) = event {
                self.end =
                    range.start + heading_text_len(md.get(range.clone()).unwrap_or_default());
            }
        }
    }

    /// Ends the text of the block before a block nested in it (a list in a list item):
    /// Goldmark's text block ends there.
    fn nest(&mut self, event: &Event, range: &Range<usize>) {
        if let Event::Start(
            Tag::List(_) | Tag::BlockQuote(_) | Tag::CodeBlock(_) | Tag::Table(_) | Tag::HtmlBlock,
        ) = event
        {
            if (self.start..self.end).contains(&range.start) {
                self.end = range.start;
            }
        }
    }

    /// A piece of text with the typographer's substitutions, when it is its own source
    /// (text pulldown-cmark made from an escape or an entity is left as it is, as Goldmark
    /// leaves it).
    fn typeset<'a>(&mut self, md: &'a str, (t, r): Piece<'a>) -> CowStr<'a> {
        if !self.typographer {
            return t;
        }
        if md.get(r.clone()) != Some(&*t) {
            return mark_literal(t, true);
        }
        // pulldown-cmark starts a piece at an escaped character (after its backslash) and
        // may run on: that character is text as written, the rest is typeset.
        let escaped = crate::text::escaped(md, r.start);
        let first = if escaped {
            t.chars().next().map_or(0, char::len_utf8)
        } else {
            0
        };
        let (Some(head), Some(rest)) = (t.get(..first), t.get(first..)) else {
            return t;
        };
        let block = self.start.min(r.start)..self.end.max(r.end);
        let typeset = substitute(md, r.start + first, rest, block, &mut self.unclosed);
        match (first, typeset) {
            (0, None) => t,
            (0, Some(s)) => CowStr::from(s),
            (_, typeset) => {
                let mut out = mark_literal(CowStr::from(head.to_string()), true).into_string();
                out.push_str(typeset.as_deref().unwrap_or(rest));
                CowStr::from(out)
            }
        }
    }
}

/// Whether the run's text ends in an odd number of `<` (one left over after pairing).
fn odd_angle(run: &[Piece]) -> bool {
    let mut n = 0;
    for (t, _) in run.iter().rev() {
        let tail = t.len() - t.trim_end_matches('<').len();
        n += tail;
        if tail < t.len() {
            break;
        }
    }
    n % 2 == 1
}

/// Writes a run of text: its links, and the text around them.
fn flush<'a>(
    md: &'a str,
    run: &mut Vec<Piece<'a>>,
    in_link: bool,
    block: &mut Block,
    out: &mut Vec<Event<'a>>,
) {
    if run.is_empty() {
        return;
    }
    let links = if in_link || !block.linkify {
        Vec::new()
    } else {
        links_in(md, run, block)
    };
    let mut links = links.into_iter().peekable();
    let mut text: Vec<CowStr<'a>> = Vec::new();
    let typographer = block.typographer;
    let mut typeset = |piece: Piece<'a>| block.typeset(md, piece);
    for (mut t, mut r) in run.drain(..) {
        // A piece that is its own source can be cut anywhere; one pulldown-cmark made (a
        // smart quote, an entity, an escape) is whole.
        let cuttable = md.get(r.clone()) == Some(&*t);
        loop {
            let Some(link) = links.peek() else {
                text.push(typeset((t, r.clone())));
                break;
            };
            if r.end <= link.range.start || (r.start < link.range.start && !cuttable) {
                text.push(typeset((t, r.clone())));
                break;
            }
            if r.start < link.range.start {
                let Some((head, tail)) = split(&t, link.range.start - r.start) else {
                    text.push(typeset((t, r.clone())));
                    break;
                };
                text.push(typeset((head, r.start..link.range.start)));
                t = tail;
                r.start = link.range.start;
            }
            if r.end < link.range.end {
                break; // inside the link, which is written from the source
            }
            let link = links.next().expect("peeked");
            write_text(&mut text, typographer, out);
            out.push(Event::Start(Tag::Link {
                link_type: LinkType::Autolink,
                dest_url: CowStr::from(link.href),
                title: CowStr::Borrowed(""),
                id: CowStr::Borrowed(""),
            }));
            out.push(Event::Text(source(md, &link.range)));
            out.push(Event::End(TagEnd::Link));
            if r.end == link.range.end {
                break;
            }
            let tail = cuttable
                .then(|| split(&t, link.range.end - r.start))
                .flatten();
            let Some((_, tail)) = tail else {
                text.push(typeset((t, r.clone())));
                break;
            };
            t = tail;
            r.start = link.range.end;
        }
    }
    write_text(&mut text, typographer, out);
}

/// The length of an ATX heading's source without its closing `#`s and trailing spaces.
fn heading_text_len(source: &str) -> usize {
    let t = source.trim_end();
    let hashes = t.len() - t.trim_end_matches('#').len();
    let rest = t.get(..t.len() - hashes).unwrap_or(t);
    if hashes > 0 && rest.ends_with([' ', '\t']) {
        rest.trim_end().len()
    } else {
        t.len()
    }
}

/// The links in a run, found in the stretches of source its pieces cover without gaps.
fn links_in(md: &str, run: &[Piece], block: &mut Block) -> Vec<Link> {
    let (extensions, label) = (block.extensions, &mut block.label);
    let block = block.start..block.end;
    let mut links = Vec::new();
    let mut span: Option<Range<usize>> = None;
    for (_, r) in run {
        span = match span {
            Some(s) if s.end == r.start => Some(s.start..r.end),
            Some(s) => {
                links.extend(linkify::find(md, s, block.clone(), label, extensions));
                Some(r.clone())
            }
            None => Some(r.clone()),
        };
    }
    if let Some(s) = span {
        links.extend(linkify::find(md, s, block.clone(), label, extensions));
    }
    links
}

/// The source text of `range` (pulldown-cmark's or linkify's offsets into `md`, so always
/// there; empty otherwise rather than a panic).
fn source<'a>(md: &'a str, range: &Range<usize>) -> CowStr<'a> {
    CowStr::Borrowed(md.get(range.clone()).unwrap_or_default())
}

/// `t` cut in two at byte `at`; `None` if `at` is not a character boundary of `t`.
fn split<'a>(t: &CowStr<'a>, at: usize) -> Option<(CowStr<'a>, CowStr<'a>)> {
    match t {
        CowStr::Borrowed(s) => {
            let (a, b) = s.split_at_checked(at)?;
            Some((CowStr::Borrowed(a), CowStr::Borrowed(b)))
        }
        other => {
            let (a, b) = other.split_at_checked(at)?;
            Some((CowStr::from(a.to_string()), CowStr::from(b.to_string())))
        }
    }
}

/// Stand-ins for a `<` or `>` that came from an escape or an entity (`\>`, `&gt;`): text
/// that is never half of a guillemet.
const LITERAL_LT: char = '\u{E002}';
const LITERAL_GT: char = '\u{E003}';

/// A piece's text with its `<` and `>` made [`LITERAL_LT`] / [`LITERAL_GT`] when it is
/// `literal` (an escape or an entity).
fn mark_literal(t: CowStr<'_>, literal: bool) -> CowStr<'_> {
    if literal && t.contains(['<', '>']) {
        CowStr::from(
            t.replace('<', &LITERAL_LT.to_string())
                .replace('>', &LITERAL_GT.to_string()),
        )
    } else {
        t
    }
}

/// Writes text as one event, with `<<` and `>>` as guillemets, each its own event (one pass
/// over the text).
/// With the typographer off, the text as it is.
fn write_text<'a>(text: &mut Vec<CowStr<'a>>, typographer: bool, out: &mut Vec<Event<'a>>) {
    let joined: CowStr<'a> = match text.len() {
        0 => return,
        1 => text.pop().expect("one piece"),
        _ => CowStr::from(text.drain(..).map(|t| t.into_string()).collect::<String>()),
    };
    text.clear();
    let literal = joined.contains([LITERAL_LT, LITERAL_GT]);
    if !(typographer && (joined.contains("<<") || joined.contains(">>") || literal)) {
        if !joined.is_empty() {
            out.push(Event::Text(joined));
        }
        return;
    };
    let restore = |s: &str| CowStr::from(s.replace(LITERAL_LT, "<").replace(LITERAL_GT, ">"));
    let mut from = 0;
    let mut i = 0;
    let b = joined.as_bytes();
    while i + 1 < b.len() {
        let mark = match (b.get(i), b.get(i + 1)) {
            (Some(b'<'), Some(b'<')) => Substitution::LeftAngleQuote,
            (Some(b'>'), Some(b'>')) => Substitution::RightAngleQuote,
            _ => {
                i += 1;
                continue;
            }
        };
        if let Some(before) = joined.get(from..i).filter(|t| !t.is_empty()) {
            out.push(Event::Text(restore(before)));
        }
        out.push(Event::Text(CowStr::from(super::entities::substitution(
            mark,
        ))));
        i += 2;
        from = i;
    }
    if let Some(rest) = joined.get(from..).filter(|t| !t.is_empty()) {
        out.push(Event::Text(restore(rest)));
    }
}
