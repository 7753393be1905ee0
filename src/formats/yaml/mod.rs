//! YAML: a span tree built from saphyr-parser's events ([`plain`] reads plain scalars the
//! way YAML 1.2's core schema does), and writing values the YAML way ([`write`]).
//!
//! saphyr's spans count characters, and the end of a quoted scalar's span can run past the
//! closing quote (over a trailing comment), so ends of quoted scalars are found here by
//! scanning the quotes, and character indices are turned into byte offsets before use.

use std::collections::HashMap;
use std::ops::Range;

mod folded;
mod plain;
#[cfg(test)]
mod tests;
mod write;

use saphyr_parser::{Event, Parser, ScalarStyle};
use serde_json::Value as Json;

use super::{Entry, Kind, Layout, Map, Merge, Node, Style, MAX_DEPTH};
use crate::error::SyntaxError;
use crate::text;
use plain::{looks_like_timestamp, resolve_plain};
pub(crate) use write::YamlSyntax;

/// Parses `src[range]` into a tree whose spans are offsets into `src`.
///
/// A tab after a mapping's `:` (`title:<tab>Tabbed`) is read as a blank, as go-yaml
/// and YAML 1.2 read it, where saphyr refuses it; a flow collection's lines at or left of
/// its key's indentation (`tags: [` … `]` at the margin) are read as go-yaml reads them. A quoted scalar whose lines go on at or
/// left of its key's indentation (`description:
/// "first line` then `second line."` at the left margin) is read as Hugo's YAML parser
/// (go-yaml) reads it, where YAML 1.2 and saphyr refuse it: saphyr is given the text with
/// those lines indented one column past the key ([`Padding`]), which changes no value
/// (a quoted scalar's line breaks fold with the blanks around them).
pub fn parse(src: &str, range: Range<usize>) -> Result<Node, SyntaxError> {
    let mut padding = Padding::default();
    // Each round indents one more scalar's lines, and parses again: a page with more such
    // scalars than [`PADDED_SCALARS`] gets the error, in time.
    for _ in 0..PADDED_SCALARS {
        match parse_padded(src, range.clone(), &padding) {
            Err(e) if e.message.ends_with(QUOTED_INDENTATION) => {
                if !padding.indent_scalar_at(src, range.clone(), e.offset) {
                    return Err(e);
                }
            }
            // A flow collection's line at or left of its key (`tags: [` … `]` at the
            // margin): go-yaml reads it, saphyr does not.
            Err(e) if FLOW_INDENTATION.iter().any(|m| e.message.ends_with(m)) => {
                if !padding.indent_flow_line_at(src, range.clone(), e.offset) {
                    return Err(e);
                }
            }
            // `key:<tab>value`: YAML 1.2 and go-yaml take a tab after the `:`, saphyr
            // does not.
            Err(e) if e.message.ends_with(COLON_BLANK) => {
                if !padding.tabs_after_colon(src, e.offset) {
                    return Err(e);
                }
            }
            done => return done,
        }
    }
    parse_padded(src, range, &padding)
}

/// How many quoted scalars [`parse`] indents at most.
const PADDED_SCALARS: usize = 100;

/// How saphyr ends the message of a flow collection's line not indented past its key.
const FLOW_INDENTATION: [&str; 2] = [
    "invalid indentation",
    "invalid indentation in flow construct",
];

/// How saphyr ends the message of a `:` followed by a tab.
const COLON_BLANK: &str = "':' must be followed by a valid YAML whitespace";

/// How saphyr ends the message of a quoted scalar whose lines are not indented past its
/// parent's.
const QUOTED_INDENTATION: &str = "invalid indentation in quoted scalar";

/// What [`parse`] changes in the text saphyr reads, none of which changes a value: spaces
/// put at line starts (`(offset in src, count)`, by offset), and tabs after a mapping's
/// `:` read as spaces (offsets in src).
#[derive(Default)]
struct Padding {
    spaces: Vec<(usize, usize)>,
    tabs: Vec<usize>,
}

impl Padding {
    /// `src[range]` with the spaces put in.
    fn apply(&self, src: &str, range: Range<usize>) -> String {
        let mut out = String::with_capacity(range.len() + self.spaces.len());
        let mut from = range.start;
        for &(at, n) in &self.spaces {
            out.push_str(src.get(from..at).unwrap_or_default());
            out.extend(std::iter::repeat_n(' ', n));
            from = at;
        }
        out.push_str(src.get(from..range.end).unwrap_or_default());
        for &tab in &self.tabs {
            let shift: usize = self
                .spaces
                .iter()
                .filter(|(at, _)| *at <= tab)
                .map(|(_, n)| n)
                .sum();
            let at = tab - range.start + shift;
            if out.get(at..=at) == Some("\t") {
                out.replace_range(at..=at, " ");
            }
        }
        out
    }

    /// Indents the line holding `at` (an offset in `src`) one column past the line that
    /// opens the flow collection it is in (the last line before it with an unclosed `[` or
    /// `{`). Gives whether it needed it.
    fn indent_flow_line_at(&mut self, src: &str, range: Range<usize>, at: usize) -> bool {
        let start = text::line_start(src, at).max(range.start);
        let indent = |line: &str| line.len() - line.trim_start_matches(' ').len();
        let has = indent(src.get(start..).unwrap_or_default());
        // Back from the line, to the one whose brackets open more than the lines after it
        // close.
        let before = src.get(range.start..start).unwrap_or_default();
        let mut depth = 0i32;
        let opener = before.split('\n').rev().find(|line| {
            depth -= open_brackets(line);
            depth < 0
        });
        let Some(opener) = opener else {
            return false;
        };
        let wanted = indent(opener) + 1;
        if has >= wanted || self.spaces.iter().any(|(o, _)| *o == start) {
            return false;
        }
        let i = self.spaces.partition_point(|(o, _)| *o < start);
        self.spaces.insert(i, (start, wanted - has));
        true
    }

    /// Reads the tabs between a `:` and `at` (where saphyr wanted a blank after the `:`,
    /// an offset in `src`) as spaces. Gives whether there were any.
    fn tabs_after_colon(&mut self, src: &str, at: usize) -> bool {
        let before = src.get(..at).unwrap_or_default();
        let blanks = before.trim_end_matches([' ', '\t']);
        if !blanks.ends_with(':') || !before.ends_with('\t') {
            return false;
        }
        for (i, b) in before.bytes().enumerate().skip(blanks.len()) {
            if b == b'\t' && !self.tabs.contains(&i) {
                self.tabs.push(i);
            }
        }
        true
    }

    /// The offset in `src` of byte `padded` of the text [`Padding::apply`] wrote from
    /// `src[base..]`: an added space is where its line starts.
    fn original(&self, base: usize, padded: usize) -> usize {
        let mut shift = 0;
        for &(at, n) in &self.spaces {
            let there = at - base + shift;
            if padded < there {
                break;
            }
            if padded < there + n {
                return at;
            }
            shift += n;
        }
        base + padded - shift
    }

    /// Indents the lines after the first of the quoted scalar at `at` (an offset in `src`)
    /// one column past its key (or its item's `- `). Gives whether a line needed it.
    fn indent_scalar_at(&mut self, src: &str, range: Range<usize>, at: usize) -> bool {
        let Some(quote) = src
            .as_bytes()
            .get(at)
            .copied()
            .filter(|q| matches!(q, b'"' | b'\''))
        else {
            return false;
        };
        let end = quoted_end(src, at, quote).min(range.end);
        let line_start = src
            .get(..at)
            .and_then(|s| s.rfind('\n'))
            .map_or(range.start, |n| n + 1)
            .max(range.start);
        let indent = |line: &str| line.len() - line.trim_start_matches(' ').len();
        // One column past the key (past the `- ` of the items the line opens).
        let mut rest = src.get(line_start..at).unwrap_or_default();
        let mut key = indent(rest);
        rest = rest.get(key..).unwrap_or_default();
        while let Some(after) = rest.strip_prefix('-').filter(|a| a.starts_with(' ')) {
            let spaces = indent(after);
            key += 1 + spaces;
            rest = after.get(spaces..).unwrap_or_default();
        }
        let wanted = key + 1;
        let mut added = false;
        let mut k = at;
        while let Some(nl) = src.get(k..end).and_then(|s| s.find('\n')) {
            let start = k + nl + 1;
            let line = src.get(start..end).unwrap_or_default();
            let line = line.split('\n').next().unwrap_or_default();
            let has = indent(line);
            if has < wanted && !line.trim().is_empty() {
                match self.spaces.binary_search_by_key(&start, |(o, _)| *o) {
                    Ok(i) => {
                        if let Some((_, n)) = self.spaces.get_mut(i) {
                            *n = (*n).max(wanted - has);
                        }
                    }
                    Err(i) => self.spaces.insert(i, (start, wanted - has)),
                }
                added = true;
            }
            k = start;
        }
        added
    }
}

/// What a tab the YAML scanner stops on is said as: where Hugo's YAML parser (goccy's)
/// says it, at the tab itself ("found character '\t' that cannot start any token"),
/// where the scanner Folio uses names the scalar it was reading (trial 52a-5).
const TAB_ERROR: &str =
    "invalid YAML: a tab, which cannot start any token here: YAML indents with spaces only";

/// The YAML scanner's words for an error, where they are wrong: saphyr-parser (0.3,
/// `scanner.rs`, `scan_flow_scalar`) says "after double-quoted scalar" of text after
/// the closing quote of a single-quoted scalar too.
fn scanner_words(info: &str) -> std::borrow::Cow<'_, str> {
    const WRONG: &str = "invalid trailing content after double-quoted scalar";
    if info == WRONG {
        "invalid trailing content after a quoted scalar (text after its closing quote)".into()
    } else {
        info.into()
    }
}

/// The first tab in `src[range]` (from the start of the line a scanner error about a tab
/// is on): the one it stopped on.
fn tab_from(src: &str, range: Range<usize>) -> Option<usize> {
    let text = src.get(range.clone())?;
    memchr::memchr(b'\t', text.as_bytes()).map(|i| range.start + i)
}

/// [`parse`] of `src[range]` with `padding` put in.
#[allow(
    clippy::string_slice,
    reason = "`range` is the front matter's body as `frontmatter::split` found it (or a \
              whole config file), so it lies on char boundaries of `src`"
)]
fn parse_padded(src: &str, range: Range<usize>, padding: &Padding) -> Result<Node, SyntaxError> {
    let padded;
    let text = if padding.spaces.is_empty() && padding.tabs.is_empty() {
        &src[range.clone()]
    } else {
        padded = padding.apply(src, range.clone());
        padded.as_str()
    };
    let bytes_of = CharToByte::new(text);
    let offset = |char_index: usize| padding.original(range.start, bytes_of.get(char_index));
    let mut b = Builder {
        src,
        base: range.start,
        end: range.end,
        frames: Vec::new(),
        root: None,
        anchors: HashMap::new(),
        frame_anchors: Vec::new(),
        visits: AliasVisits::new(range.len()),
    };
    let mut parser = Parser::new_from_str(text);
    while let Some(ev) = parser.next_event() {
        let (ev, span) = ev.map_err(|e| {
            let at = offset(e.marker().index());
            let line = crate::text::line_start(src, at).max(range.start);
            // The scanner's words name the tab, or the line it stopped on is indented with
            // one (review 52b, 8: "did not find expected key" for a block scalar's line).
            let indented_with_tab = src
                .get(line..at.max(line))
                .is_some_and(|lead| lead.trim_start_matches(' ').starts_with('\t'));
            let about_a_tab = e.info().contains("tab") || indented_with_tab;
            match tab_from(src, line..range.end).filter(|_| about_a_tab) {
                Some(tab) => SyntaxError::new(tab, TAB_ERROR.to_string()),
                None => SyntaxError::new(at, format!("invalid YAML: {}", scanner_words(e.info()))),
            }
        })?;
        let at = offset(span.start.index())..offset(span.end.index());
        b.event(ev, at)?;
        if b.frames.len() > MAX_DEPTH {
            return Err(SyntaxError::new(
                offset(span.start.index()),
                format!("YAML nested more than {MAX_DEPTH} levels deep"),
            ));
        }
    }
    Ok(b.root.unwrap_or_else(|| Node {
        span: range.start..range.start,
        kind: Kind::Map(Map {
            entries: Vec::new(),
            layout: Layout::Lines {
                prefix: String::new(),
            },
            insert_at: range.start,
            indent: String::new(),
            merge: None,
        }),
    }))
}

/// Past the node properties (`&anchor`, `!tag`, in any order) that start at `at`, and the
/// spaces after them; `at` itself when there are none.
fn properties_end(src: &str, mut at: usize) -> usize {
    while let Some(rest) = src.get(at..).filter(|r| r.starts_with(['&', '!'])) {
        let token = rest.find([' ', '\t', '\n', '\r']).unwrap_or(rest.len());
        let after = rest.get(token..).unwrap_or("");
        // A collection's content may start on the next line (`base: &b⏎  color: red`).
        let blanks = after.len() - after.trim_start_matches([' ', '\t', '\n', '\r']).len();
        if blanks == 0 {
            break;
        }
        at += token + blanks;
        // A comment after them (`base: &b # note`), and the line break after it.
        if src.get(at..).is_some_and(|r| r.starts_with('#')) {
            let line_end = text::line_end_after_eol(src, at);
            let rest = src.get(line_end..).unwrap_or_default();
            at = line_end + (rest.len() - rest.trim_start_matches([' ', '\t', '\n', '\r']).len());
        }
    }
    at
}

/// Character index -> byte offset, for saphyr's character-based markers.
/// An index past the end is the end, whether the text is ASCII or not.
struct CharToByte(Option<Vec<usize>>, usize);

impl CharToByte {
    fn new(text: &str) -> Self {
        if text.is_ascii() {
            return CharToByte(None, text.len());
        }
        let mut v: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        v.push(text.len());
        CharToByte(Some(v), text.len())
    }

    fn get(&self, idx: usize) -> usize {
        match &self.0 {
            None => idx.min(self.1),
            Some(v) => v.get(idx).copied().unwrap_or(*v.last().unwrap_or(&0)),
        }
    }
}

enum Frame {
    Map {
        start: usize,
        flow: bool,
        entries: Vec<Entry>,
        key: Option<(String, Range<usize>)>,
        first_key: HashMap<String, usize>,
    },
    Seq {
        start: usize,
        flow: bool,
        items: Vec<Node>,
    },
}

struct Builder<'a> {
    src: &'a str,
    base: usize,
    /// Where the document's text ends in `src`.
    end: usize,
    frames: Vec<Frame>,
    root: Option<Node>,
    /// The value of each anchor (`&name`) by the parser's anchor id, for its aliases
    /// (`*name`), which read as that value, as Hugo reads them.
    anchors: HashMap<usize, Json>,
    /// The anchor id of each open collection, in step with `frames` (0: none).
    frame_anchors: Vec<usize>,
    /// How often each anchored collection is reached, Hugo's bound on it.
    visits: AliasVisits,
}

/// How many collections (maps and lists) the value a YAML text reads as holds at each
/// depth, aliases expanded, counted without building it: Hugo refuses a text that holds
/// more at one depth than its size allows ("too many YAML aliases for non-scalar nodes",
/// against "billion laughs"). Hugo means to count the times each aliased collection is
/// reached (`parser/metadecoders/decoder.go`, `validateAliasLimitForCollections`), but it
/// counts by the address of a local variable, which is one per depth of its walk: so it
/// refuses 101 maps in one list of a short front matter, aliases or not, and this counts
/// as it does. A merge key's map (`<<: *d`) is not in the value (its keys are merged into
/// the map around it), so only what it holds counts.
struct AliasVisits {
    /// 100 for a text under 2 KiB, 5,000 under 10 KiB, else 10,000
    /// (`calculateCollectionAliasLimit`).
    limit: u64,
    /// The collections at each depth so far, the document's own at 0.
    at_depth: Vec<u64>,
    /// For each anchored collection, the collections in it by depth below it (itself at 0).
    within: HashMap<usize, Vec<u64>>,
    /// The same for each open collection, in step with the frames.
    open: Vec<Vec<u64>>,
}

impl AliasVisits {
    fn new(len: usize) -> AliasVisits {
        let limit = match len / 1024 {
            0 | 1 => 100,
            2..=9 => 5_000,
            _ => 10_000,
        };
        AliasVisits {
            limit,
            at_depth: Vec::new(),
            within: HashMap::new(),
            open: Vec::new(),
        }
    }

    /// Counts `counts` (by depth below their top) as met at depth `depth` of the text, and
    /// in the open collection around them, one level below it.
    fn add(&mut self, depth: usize, counts: &[u64]) -> Result<(), &'static str> {
        for (r, n) in counts.iter().enumerate() {
            let d = depth + r;
            if self.at_depth.len() <= d {
                self.at_depth.resize(d + 1, 0);
            }
            if let Some(slot) = self.at_depth.get_mut(d) {
                *slot = slot.saturating_add(*n);
                if *slot > self.limit {
                    return Err("too many YAML aliases for non-scalar nodes");
                }
            }
        }
        if let Some(here) = self.open.last_mut() {
            if here.len() < counts.len() + 1 {
                here.resize(counts.len() + 1, 0);
            }
            for (slot, n) in here.iter_mut().skip(1).zip(counts) {
                *slot = slot.saturating_add(*n);
            }
        }
        Ok(())
    }

    /// A collection opens (counted at once: the text's counts only grow).
    fn start(&mut self) -> Result<(), &'static str> {
        let depth = self.open.len();
        // Counted in the text and in the one around it, one level below it.
        self.add(depth, &[1])?;
        self.open.push(vec![1]);
        Ok(())
    }

    /// A collection closed, with `anchor` (0: none): what it holds counts in the one
    /// around it too (each of its own levels one deeper there; itself is counted there
    /// already), and is kept for its aliases.
    fn close(&mut self, anchor: usize) {
        let counts = self.open.pop().unwrap_or_default();
        if let Some(here) = self.open.last_mut() {
            if here.len() < counts.len() + 1 {
                here.resize(counts.len() + 1, 0);
            }
            for (slot, n) in here.iter_mut().skip(2).zip(counts.iter().skip(1)) {
                *slot = slot.saturating_add(*n);
            }
        }
        if anchor > 0 {
            self.within.insert(anchor, counts);
        }
    }

    /// An alias of `anchor`: the collections in it are met again, where it is. As the
    /// value of a merge key (`<<: *d`), its map is not there (its keys are the map's
    /// around it): only what is in it is, one level up.
    fn alias(&mut self, anchor: usize, merged: bool) -> Result<(), &'static str> {
        let Some(counts) = self.within.get(&anchor).cloned() else {
            return Ok(());
        };
        let depth = self.open.len();
        if merged {
            // Its children are the open map's: at `depth`, one level below it.
            self.add(depth, counts.get(1..).unwrap_or_default())
        } else {
            self.add(depth, &counts)
        }
    }
}

impl Builder<'_> {
    fn event(&mut self, ev: Event, at: Range<usize>) -> Result<(), SyntaxError> {
        match ev {
            Event::Scalar(value, style, anchor, tag) => {
                let node = self.scalar(&value, style, at, tag.is_some_and(|t| t.suffix == "str"));
                if anchor > 0 {
                    self.anchors.insert(anchor, node.to_json());
                }
                self.add(node)
            }
            // An alias reads as its anchor's value; it is written over only as a whole.
            Event::Alias(anchor) => self.alias(anchor, at),
            Event::MappingStart(anchor, _) => {
                self.frame_anchors.push(anchor);
                self.visits
                    .start()
                    .map_err(|e| SyntaxError::new(at.start, e))?;
                // The content, past an anchor or a tag (`&m {a: 1}`, `&m⏎  a: 1`).
                let at = properties_end(self.src, at.start)..at.end;
                let flow = self.src.as_bytes().get(at.start) == Some(&b'{');
                self.frames.push(Frame::Map {
                    start: at.start,
                    flow,
                    entries: Vec::new(),
                    key: None,
                    first_key: HashMap::new(),
                });
                Ok(())
            }
            Event::SequenceStart(anchor, _) => {
                self.frame_anchors.push(anchor);
                self.visits
                    .start()
                    .map_err(|e| SyntaxError::new(at.start, e))?;
                let at = properties_end(self.src, at.start)..at.end;
                let flow = self.src.as_bytes().get(at.start) == Some(&b'[');
                self.frames.push(Frame::Seq {
                    start: at.start,
                    flow,
                    items: Vec::new(),
                });
                Ok(())
            }
            Event::MappingEnd | Event::SequenceEnd => {
                let frame = self
                    .frames
                    .pop()
                    .expect("the parser balances start and end events");
                let anchor = self.frame_anchors.pop().unwrap_or(0);
                self.visits.close(anchor);
                let node = self.close(frame, at);
                if anchor > 0 {
                    self.anchors.insert(anchor, node.to_json());
                }
                self.add(node)
            }
            _ => Ok(()),
        }
    }

    /// An alias (`*name`) at `at`: its anchor's value, counted against Hugo's bound.
    fn alias(&mut self, anchor: usize, at: Range<usize>) -> Result<(), SyntaxError> {
        // The value of a merge key (`<<: *d`) lends its keys to the map it is in.
        let merged =
            matches!(self.frames.last(), Some(Frame::Map { key: Some((k, _)), .. }) if k == "<<");
        self.visits
            .alias(anchor, merged)
            .map_err(|e| SyntaxError::new(at.start, e))?;
        let value = self.anchors.get(&anchor).cloned().unwrap_or_else(|| {
            Json::String(self.src.get(at.clone()).unwrap_or_default().to_string())
        });
        self.add(Node {
            span: at,
            kind: Kind::Opaque(value),
        })
    }

    fn close(&self, frame: Frame, at: Range<usize>) -> Node {
        match frame {
            Frame::Map {
                start,
                flow,
                entries,
                ..
            } => {
                let (end, layout, insert_at) = if flow {
                    let close = at.start;
                    let insert_at = entries.last().map_or(close, |e| e.value.span.end);
                    (at.end, Layout::Braces { close }, insert_at)
                } else {
                    let end = entries.last().map_or(start, |e| e.value.span.end);
                    let insert_at = entries.last().map_or(start, |e| e.lines.end);
                    (
                        end,
                        Layout::Lines {
                            prefix: String::new(),
                        },
                        insert_at,
                    )
                };
                let indent = " ".repeat(self.column(start));
                let merge = self.merge(&entries);
                Node {
                    span: start..end,
                    kind: Kind::Map(Map {
                        entries,
                        layout,
                        insert_at,
                        indent,
                        merge,
                    }),
                }
            }
            Frame::Seq { start, flow, items } => {
                let end = if flow {
                    at.end
                } else {
                    items.last().map_or(start, |i| i.span.end)
                };
                Node {
                    span: start..end,
                    kind: Kind::Seq { items, flow },
                }
            }
        }
    }

    /// The mapping's merge key, if one of its keys is a plain `<<` whose value is a mapping
    /// or a list of them (an alias or written in place). Of a list, a later mapping's value
    /// wins, as Hugo 0.168 reads it (YAML 1.1 says the earlier).
    fn merge(&self, entries: &[Entry]) -> Option<Merge> {
        let entry = entries
            .iter()
            .position(|e| self.src.get(e.key_span.clone()) == Some("<<"))?;
        let sources = match entries.get(entry)?.value.to_json() {
            Json::Object(m) => vec![m],
            Json::Array(items) => items
                .into_iter()
                .map(|i| match i {
                    Json::Object(m) => Some(m),
                    _ => None,
                })
                .collect::<Option<Vec<_>>>()?,
            _ => return None,
        };
        let mut values: Vec<(String, Json)> = Vec::new();
        for source in sources {
            for (k, v) in source {
                if entries.iter().any(|e| e.key == k) {
                    continue;
                }
                match values.iter_mut().find(|(seen, _)| *seen == k) {
                    Some(slot) => slot.1 = v,
                    None => values.push((k, v)),
                }
            }
        }
        Some(Merge { entry, values })
    }

    fn column(&self, at: usize) -> usize {
        let line = self.src.get(text::line_start(self.src, at)..at);
        line.map_or(0, |l| l.chars().count())
    }

    fn add(&mut self, node: Node) -> Result<(), SyntaxError> {
        let src = self.src;
        match self.frames.last_mut() {
            None => {
                self.root = Some(node);
                Ok(())
            }
            Some(Frame::Seq { items, .. }) => {
                items.push(node);
                Ok(())
            }
            Some(Frame::Map {
                key,
                entries,
                first_key,
                ..
            }) => match key.take() {
                None => match node.kind {
                    Kind::Scalar { value, .. } => {
                        let k = match value {
                            Json::String(s) => s,
                            other => other.to_string(),
                        };
                        if let Some(&first) = first_key.get(&k) {
                            return Err(SyntaxError::new(
                                node.span.start,
                                format!(
                                    "duplicate key `{k}` (first defined at {})",
                                    text::position(src, first)
                                ),
                            ));
                        }
                        first_key.insert(k.clone(), node.span.start);
                        *key = Some((k, node.span));
                        Ok(())
                    }
                    _ => Err(SyntaxError::new(
                        node.span.start,
                        "only plain keys are supported in front matter and config mappings",
                    )),
                },
                Some((k, key_span)) => {
                    let after_colon = src
                        .get(key_span.end..)
                        .and_then(|s| s.find(':'))
                        .map_or(node.span.start, |i| key_span.end + i + 1)
                        .min(node.span.start.max(key_span.end));
                    let lines = text::line_start(src, key_span.start)
                        ..text::line_end_after_eol(src, node.span.end.max(key_span.end));
                    entries.push(Entry {
                        key: k,
                        key_span,
                        lines,
                        after_colon,
                        value: node,
                    });
                    Ok(())
                }
            },
        }
    }

    fn scalar(&self, value: &str, style: ScalarStyle, at: Range<usize>, str_tag: bool) -> Node {
        let src = self.src;
        // The value only: an anchor (`&t`) or tag (`!!str`) before it stays when it is
        // rewritten.
        let at = properties_end(src, at.start).min(at.end.max(at.start))..at.end;
        let (span, style, json) = match style {
            ScalarStyle::SingleQuoted => (
                at.start..quoted_end(src, at.start, b'\''),
                Style::Single,
                Json::String(value.to_string()),
            ),
            ScalarStyle::DoubleQuoted => (
                at.start..quoted_end(src, at.start, b'"'),
                Style::Double,
                Json::String(value.to_string()),
            ),
            ScalarStyle::Literal | ScalarStyle::Folded => {
                let header = src
                    .get(self.base..at.start)
                    .and_then(block_header)
                    .map_or(at.start, |i| self.base + i);
                let end = block_end(src.get(..at.end.max(header)).unwrap_or(src)).max(header + 1);
                let end = if keeps_line_breaks(src, header) {
                    kept_block_end(src, end, self.end)
                } else {
                    end
                };
                // Hugo's YAML reader ends a stripped block (`|-`, `>-`) at its last
                // character that is no blank: `a ` reads `a`.
                let value = if chomp_indicator(src, header) == Some('-') {
                    value.trim_end_matches([' ', '\t'])
                } else {
                    value
                };
                (header..end, Style::Block, Json::String(value.to_string()))
            }
            // A key or item written without a value (`title:`, `-`): the parser puts the
            // empty value at the key's end, before its `:`; it is after the `:` or `-`,
            // over the blanks there, which a value written there replaces.
            ScalarStyle::Plain if value.is_empty() && at.is_empty() => {
                (empty_value_span(src, at.start), Style::Plain, Json::Null)
            }
            ScalarStyle::Plain if str_tag => (at, Style::Plain, Json::String(value.to_string())),
            ScalarStyle::Plain => {
                let json = resolve_plain(value);
                let style = if json.is_string() && looks_like_timestamp(value) {
                    Style::Datetime
                } else {
                    Style::Plain
                };
                (at, style, json)
            }
        };
        Node {
            span,
            kind: Kind::Scalar { value: json, style },
        }
    }
}

/// How many more flow brackets (`[`, `{`) `line` opens than it closes, outside quoted text
/// and a comment.
fn open_brackets(line: &str) -> i32 {
    let (mut net, mut quote, mut escaped, mut before) = (0, None, false, ' ');
    for c in line.chars() {
        match quote {
            Some('"') if escaped => escaped = false,
            Some('"') if c == '\\' => escaped = true,
            Some(q) if c == q => quote = None,
            Some(_) => {}
            // A quote opens a quoted scalar at a token's start only (`it's` is plain).
            None => match c {
                '"' | '\'' if " \t[{,:".contains(before) => quote = Some(c),
                '#' if before == ' ' || before == '\t' => break,
                '[' | '{' => net += 1,
                ']' | '}' => net -= 1,
                _ => {}
            },
        }
        before = c;
    }
    net
}

/// Where a block scalar that the parser ends at the end of `text` ends in the page: before
/// the line breaks and blank lines after its last line, and the blanks of the next line's
/// indentation (where the parser ends a nested one), not before blanks its last line ends
/// with.
fn block_end(text: &str) -> usize {
    let mut t = text;
    loop {
        let trimmed = t.trim_end_matches(['\n', '\r']);
        let last_line = trimmed.rsplit('\n').next().unwrap_or(trimmed);
        if trimmed.len() != t.len() || !last_line.trim_matches([' ', '\t']).is_empty() {
            if trimmed.len() == t.len() {
                return t.len();
            }
            t = trimmed;
            continue;
        }
        // A last line of blanks only: the next line's indentation, or a blank line.
        match trimmed.rfind('\n') {
            Some(nl) => t = trimmed.get(..nl).unwrap_or_default(),
            None => return trimmed.len(),
        }
    }
}

/// Whether the block scalar whose header (`|` or `>`) is at `header` keeps its trailing
/// line breaks (`|+`, `>2+`: YAML's "keep" chomping).
fn keeps_line_breaks(src: &str, header: usize) -> bool {
    chomp_indicator(src, header) == Some('+')
}

/// The chomping indicator (`-` strip, `+` keep) of the block scalar whose header is at
/// `header`; none for "clip".
fn chomp_indicator(src: &str, header: usize) -> Option<char> {
    src.get(header + 1..)
        .unwrap_or_default()
        .split([' ', '\t', '\r', '\n', '#'])
        .next()
        .and_then(|indicators| indicators.chars().find(|c| matches!(c, '-' | '+')))
}

/// The end of a kept block scalar whose last line with text ends at `end`: past the blank
/// lines after it, which are its value's ("keep"), up to the line break of the last of
/// them; a blank line is one with only blanks, ended by a line break before `doc_end`.
fn kept_block_end(src: &str, end: usize, doc_end: usize) -> usize {
    let mut end = end;
    loop {
        let rest = src.get(end..doc_end).unwrap_or_default();
        let Some(after_break) = rest
            .strip_prefix("\r\n")
            .or_else(|| rest.strip_prefix('\n'))
        else {
            return end;
        };
        let next = after_break.find('\n').map(|i| {
            let line = after_break.get(..i).unwrap_or_default();
            line.strip_suffix('\r').unwrap_or(line)
        });
        match next {
            Some(line) if line.chars().all(|c| c == ' ' || c == '\t') => {
                end = doc_end - after_break.len() + line.len();
            }
            _ => return end,
        }
    }
}

/// Where an empty value at `at` (as the parser places it) is written: after the `:` (or
/// the `-`) at or after `at` on its line, spanning the blanks that follow; `at` itself
/// when the line has neither.
fn empty_value_span(src: &str, at: usize) -> Range<usize> {
    // After an item's `-` and a comment (`- # note`), the parser puts it at the line's end,
    // past the comment: it belongs after the `-`.
    let line_start = text::line_start(src, at);
    let before = src.get(line_start..at).unwrap_or_default();
    let code = before.split(" #").next().unwrap_or_default().trim_end();
    let at = if code.len() < before.trim_end().len() && code.ends_with('-') {
        line_start + code.len() - 1
    } else {
        at
    };
    let rest = src.get(at..).unwrap_or_default();
    let line = rest.split(['\n', '\r']).next().unwrap_or_default();
    let Some(mark) = line.find(':').or_else(|| line.find('-')) else {
        return at..at;
    };
    let start = at + mark + 1;
    let rest = src.get(start..).unwrap_or_default();
    let blanks = rest
        .bytes()
        .take_while(|b| matches!(b, b' ' | b'\t'))
        .count();
    // A comment after it (`main: # note`) keeps the blank before its `#`, or a value
    // written there would take the comment in.
    let keep = usize::from(blanks > 0 && rest.as_bytes().get(blanks) == Some(&b'#'));
    start..start + blanks - keep
}

/// End (exclusive) of the quoted scalar starting at `start`.
fn quoted_end(src: &str, start: usize, quote: u8) -> usize {
    let b = src.as_bytes();
    let mut i = start + 1;
    while let Some(&c) = b.get(i) {
        match c {
            b'\\' if quote == b'"' => i += 2,
            c if c == quote => {
                if quote == b'\'' && b.get(i + 1) == Some(&b'\'') {
                    i += 2;
                } else {
                    return i + 1;
                }
            }
            _ => i += 1,
        }
    }
    b.len()
}

/// Where the `|` or `>` of a block scalar is in `before` (the text up to the scalar's
/// content): on the last line that holds more than blanks, before any comment (a `#` at the
/// line's start or after a blank, YAML 1.2 §6.6), so a `>` in `key: | # a > b` is not taken.
fn block_header(before: &str) -> Option<usize> {
    let end = before.trim_end_matches([' ', '\t', '\r', '\n']).len();
    let line_start = before.get(..end)?.rfind('\n').map_or(0, |i| i + 1);
    let line = before.get(line_start..end)?;
    let code_end = line
        .match_indices('#')
        .map(|(i, _)| i)
        .find(|&i| i == 0 || line.get(..i).is_some_and(|b| b.ends_with([' ', '\t'])))
        .unwrap_or(line.len());
    line.get(..code_end)?
        .rfind(['|', '>'])
        .map(|i| line_start + i)
}
