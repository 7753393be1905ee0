//! Goldmark's block attributes (`markup.goldmark.parser.attribute.block`, off by default;
//! Hugo's `markup/goldmark/internal/extensions/attributes/attributes.go`): a line
//! `{.class #id name="value"}` right under a block gives that block those attributes.
//!
//! Goldmark reads the line as a block of its own. It may interrupt a paragraph, it sits at
//! the nesting level its line is written at (an unindented `{.x}` under `- item` is the
//! list's, and ends it), and it gives its attributes to the block before it at that level,
//! unless a blank line comes between, that block is a fenced code block, or the block has
//! the attribute already (a heading keeps its id and its `{.class}`). pulldown-cmark has no
//! such block, so Folio
//! 1. finds the lines pulldown-cmark reads as text that Goldmark reads as attributes
//!    ([`mark_lines`]) and writes each as an HTML comment: a comment, too, interrupts a
//!    paragraph and ends a list at the level it is written at;
//! 2. gives the attributes to the block the comment follows, as the events are read
//!    ([`Found::apply`]), and
//! 3. writes them into that block's opening tag ([`Found::place`]), filtered as Goldmark's
//!    renderer filters them (`renderer/html/html.go`: `RenderAttributes` and the element's
//!    `…AttributeFilter`), or, for a table, as Hugo's embedded `_markup/render-table.html`
//!    writes them.
//!
//! The attribute syntax is Goldmark's (`parser/attribute.go`): `#id`, `.class` (classes
//! add up), `name=value` with a value in double quotes, a bare word, a number, `true`,
//! `false`, `null`, a list or a map; anything after the closing `}` is dropped. A page
//! that holds this module's mark characters (U+E004, U+E005) gets no block attributes.
//!
//! Left, each rare: a block of attributes broken over lines, and a list item that starts
//! with one (`- {.x}`), which Folio shows as text; a line inside an inline span that
//! crosses it (`*em` / `{.x}*`), which Goldmark ends the paragraph at; a `null` value
//! given to a hook, which fails Hugo's build.

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};

/// A value as Goldmark reads it. Goldmark's renderer writes only text; any other value
/// as `""`.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Value {
    /// A quoted string (its escapes read) or a bare word.
    Text(String),
    /// A number (Go's `float64`).
    Number(f64),
    /// `true` or `false`.
    Bool(bool),
    /// A list (`[1, "a"]`) or a map (`{k=v}`).
    Composite,
    /// `null`.
    Null,
}

impl Value {
    /// The value as Hugo makes it text (`cast.ToString`: a number written the shortest
    /// way, `1000` for `1e3`); `None` for `null`, and empty for a list or map.
    fn as_hugo_text(&self) -> Option<String> {
        match self {
            Value::Text(t) => Some(t.clone()),
            Value::Number(n) => Some(format!("{n}")),
            Value::Bool(b) => Some(b.to_string()),
            Value::Composite => Some(String::new()),
            Value::Null => None,
        }
    }

    /// The value as a render hook's `.Attributes` hold it: a bool, a number (a float64) or
    /// text (a list or map as empty text); `None` for `null`.
    fn as_hugo_value(&self) -> Option<serde_json::Value> {
        match self {
            Value::Number(n) => serde_json::Number::from_f64(*n).map(serde_json::Value::Number),
            Value::Bool(b) => Some(serde_json::Value::Bool(*b)),
            other => other.as_hugo_text().map(serde_json::Value::String),
        }
    }

    /// Whether Go's templates take the value as false (`if`): empty text, 0, false, nil.
    fn is_falsy(&self) -> bool {
        match self {
            Value::Text(t) => t.is_empty(),
            Value::Number(n) => *n == 0.0,
            Value::Bool(b) => !b,
            Value::Composite => false,
            Value::Null => true,
        }
    }
}

/// How deep lists and maps in a value may nest before Folio reads the line as text (Hugo
/// reads deeper ones, which no site writes).
const MAX_DEPTH: usize = 64;

/// A block's attributes, in the order Goldmark keeps them.
pub(super) type Attributes = Vec<(String, Value)>;

/// Starts the comment a line of attributes is written as, and the mark before a block's
/// opening tag; [`CLOSE`] ends them. Both are private-use characters; between them, the
/// process's random key (`mark_key`, never written out, so a page cannot forge a mark)
/// and the mark's number. A page that holds either character gets no block attributes.
const OPEN: char = '\u{E004}';
const CLOSE: char = '\u{E005}';

/// The attributes Goldmark's renderer writes on any element (`GlobalAttributeFilter`), and
/// any `data-*`.
const GLOBAL: &[&str] = &[
    "accesskey",
    "autocapitalize",
    "autofocus",
    "class",
    "contenteditable",
    "dir",
    "draggable",
    "enterkeyhint",
    "hidden",
    "id",
    "inert",
    "inputmode",
    "is",
    "itemid",
    "itemprop",
    "itemref",
    "itemscope",
    "itemtype",
    "lang",
    "part",
    "role",
    "slot",
    "spellcheck",
    "style",
    "tabindex",
    "title",
    "translate",
];

/// Reads `{…}` at the start of `line` (spaces first allowed) as Goldmark's `ParseAttributes`
/// does; `None` when it is not a block of attributes (Goldmark then reads the line as
/// text). What follows the `}` is not read.
pub(super) fn parse(line: &str) -> Option<Attributes> {
    let start = skip_spaces(line.as_bytes(), 0);
    attributes(line, start, 0).map(|(attrs, _)| attrs)
}

/// The attributes of the `{…}` at `at`, and where it ends.
fn attributes(line: &str, at: usize, depth: usize) -> Option<(Attributes, usize)> {
    let b = line.as_bytes();
    if b.get(at) != Some(&b'{') {
        return None;
    }
    let mut i = at + 1;
    let mut attrs = Attributes::new();
    loop {
        match b.get(i) {
            Some(b'}') => return Some((attrs, i + 1)),
            None => return None,
            Some(_) => {}
        }
        let (name, value, next) = attribute(line, i, depth)?;
        set(&mut attrs, name, value);
        i = skip_spaces(b, next);
        if b.get(i) == Some(&b',') {
            i = skip_spaces(b, i + 1);
        }
    }
}

/// Adds an attribute as Goldmark does: a class to the classes before it, another name in
/// place of the same name's value.
fn set(attrs: &mut Attributes, name: String, value: Value) {
    match attrs.iter_mut().find(|(n, _)| *n == name) {
        Some((_, Value::Text(old))) if name == "class" => {
            if let Value::Text(new) = value {
                old.push(' ');
                old.push_str(&new);
            }
        }
        Some((_, old)) => *old = value,
        None => attrs.push((name, value)),
    }
}

fn skip_spaces(b: &[u8], mut i: usize) -> usize {
    while matches!(b.get(i), Some(b' ' | b'\t')) {
        i += 1;
    }
    i
}

/// The end of a run of bytes from `from` that `keep` keeps.
fn run(b: &[u8], from: usize, keep: impl Fn(u8) -> bool) -> usize {
    from + b
        .get(from..)
        .unwrap_or_default()
        .iter()
        .take_while(|c| keep(**c))
        .count()
}

/// A name Goldmark reads: `[A-Za-z_:][A-Za-z0-9_:.-]*`.
fn name_end(b: &[u8], from: usize) -> Option<usize> {
    let first = *b.get(from)?;
    (first.is_ascii_alphabetic() || first == b'_' || first == b':').then(|| {
        run(b, from, |c| {
            c.is_ascii_alphanumeric() || matches!(c, b'_' | b':' | b'.' | b'-')
        })
    })
}

/// One attribute from `at`: `#id`, `.class` or `name=value`, and where it ends. `depth`:
/// how many maps deep the attribute is.
fn attribute(line: &str, at: usize, depth: usize) -> Option<(String, Value, usize)> {
    let b = line.as_bytes();
    let i = skip_spaces(b, at);
    let sigil = *b.get(i)?;
    if sigil == b'#' || sigil == b'.' {
        // An id or class ends at a space or an ASCII punctuation mark but `_-:.`.
        let end = run(b, i + 1, |c| {
            !c.is_ascii_whitespace()
                && (!c.is_ascii_punctuation() || matches!(c, b'_' | b'-' | b':' | b'.'))
        });
        let name = if sigil == b'#' { "id" } else { "class" };
        return Some((name.into(), Value::Text(line.get(i + 1..end)?.into()), end));
    }
    let end = name_end(b, i)?;
    let name = line.get(i..end)?;
    let eq = skip_spaces(b, end);
    if b.get(eq) != Some(&b'=') {
        return None;
    }
    let (value, next) = value(line, skip_spaces(b, eq + 1), depth)?;
    if name == "class" && !matches!(value, Value::Text(_)) {
        return None;
    }
    Some((name.into(), value, next))
}

/// A value from `i`, and where it ends (Goldmark's `parseAttributeValue`).
fn value(line: &str, i: usize, depth: usize) -> Option<(Value, usize)> {
    if depth > MAX_DEPTH {
        return None;
    }
    let b = line.as_bytes();
    match *b.get(i)? {
        b'"' => quoted(line, i + 1),
        b'[' => list(line, i + 1, depth + 1).map(|end| (Value::Composite, end)),
        b'{' => attributes(line, i, depth + 1).map(|(_, end)| (Value::Composite, end)),
        c if c == b'-' || c == b'+' || c.is_ascii_digit() => number(line, i),
        _ => {
            let end = name_end(b, i)?;
            let value = match line.get(i..end)? {
                "true" => Value::Bool(true),
                "false" => Value::Bool(false),
                "null" => Value::Null,
                word => Value::Text(word.into()),
            };
            Some((value, end))
        }
    }
}

/// The end of a list whose items start at `from` (after its `[`): values, a comma between
/// them allowed, no space before the `]` (Goldmark's `parseAttributeArray`).
fn list(line: &str, from: usize, depth: usize) -> Option<usize> {
    let b = line.as_bytes();
    let mut i = from;
    let mut first = true;
    loop {
        let mut comma = false;
        if !first && b.get(i) == Some(&b',') {
            i += 1;
            comma = true;
        }
        if !comma && b.get(i) == Some(&b']') {
            return Some(i + 1);
        }
        let (_, end) = value(line, skip_spaces(b, i), depth)?;
        i = skip_spaces(b, end);
        first = false;
    }
}

/// A number: a sign, digits, then `.` and digits, then `e`, a sign and digits, as Go's
/// `ParseFloat` reads them (Goldmark's `parseAttributeNumber`).
fn number(line: &str, i: usize) -> Option<(Value, usize)> {
    let b = line.as_bytes();
    let digits = |from: usize| run(b, from, |c| c.is_ascii_digit());
    let start = if matches!(b.get(i), Some(b'-' | b'+')) {
        i + 1
    } else {
        i
    };
    if !b.get(start).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let mut end = digits(start);
    if b.get(end) == Some(&b'.') {
        end = digits(end + 1);
    }
    if matches!(b.get(end), Some(b'e' | b'E')) {
        end += 1;
        if matches!(b.get(end), Some(b'-' | b'+')) {
            end += 1;
        }
        end = digits(end);
    }
    let n: f64 = line.get(start..end)?.parse().ok()?;
    let n = if b.get(i) == Some(&b'-') { -n } else { n };
    Some((Value::Number(n), end))
}

/// A double-quoted string from just after its quote: JSON's one-letter escapes read, any
/// other backslash kept, as Goldmark reads it.
fn quoted(line: &str, from: usize) -> Option<(Value, usize)> {
    let mut out = String::new();
    let mut chars = line.get(from..)?.char_indices();
    while let Some((k, c)) = chars.next() {
        match c {
            '"' => return Some((Value::Text(out), from + k + 1)),
            '\\' => match chars.next() {
                Some((_, e @ ('"' | '\\' | '/'))) => out.push(e),
                Some((_, 'n')) => out.push('\n'),
                Some((_, 't')) => out.push('\t'),
                Some((_, 'r')) => out.push('\r'),
                Some((_, 'b')) => out.push('\u{8}'),
                Some((_, 'f')) => out.push('\u{c}'),
                Some((_, other)) => {
                    out.push('\\');
                    out.push(other);
                }
                None => return None,
            },
            other => out.push(other),
        }
    }
    None
}

/// Where the content of a line's quotes starts in `prefix` (the line up to some point):
/// its byte offset past the last `>` marker and the one blank after it, and that column
/// (a tab to the next stop of 4; a tab after `>` gives the marker one of its columns).
fn quote_content(prefix: &str) -> (usize, usize) {
    let Some(k) = prefix.rfind('>') else {
        return (0, 0);
    };
    let col = crate::text::columns(prefix.get(..k).unwrap_or_default(), 0) + 1;
    match prefix.as_bytes().get(k + 1) {
        Some(b' ') => (k + 2, col + 1),
        // The tab's first column is the marker's; its others are the content's.
        Some(b'\t') => (k + 1, col + 1),
        _ => (k + 1, col),
    }
}

/// How far `prefix` (a line up to its first other character) is indented inside its
/// quotes, in columns.
fn indent(prefix: &str) -> usize {
    let (at, col) = quote_content(prefix);
    crate::text::columns(prefix.get(at..).unwrap_or_default(), col).saturating_sub(col)
}

/// The column, within its quote, where the content of the list item whose marker is at
/// `at` starts (CommonMark's list items: the marker, then 1 to 4 spaces, or 1 when there
/// are more or none).
fn item_column(md: &str, at: usize) -> usize {
    let line_start = md
        .get(..at)
        .and_then(|s| s.rfind('\n'))
        .map_or(0, |n| n + 1);
    let marker_col = indent(md.get(line_start..at).unwrap_or_default());
    let b = md.as_bytes();
    let marker_end = if matches!(b.get(at), Some(b'-' | b'*' | b'+')) {
        at + 1
    } else {
        run(b, at, |c| c.is_ascii_digit()) + 1
    };
    let spaces = run(b, marker_end, |c| c == b' ') - marker_end;
    let at_eol = matches!(b.get(marker_end + spaces), None | Some(b'\n' | b'\r'));
    let gap = if (1..=4).contains(&spaces) && !at_eol {
        spaces
    } else {
        1
    };
    marker_col + (marker_end - at) + gap
}

/// The column where the content of a container that starts at `at` starts, for those
/// whose lines need it: a list item's, a definition's (past its `: `, as an item's), a
/// footnote's (four columns in, Goldmark's footnote parser).
fn content_column(md: &str, tag: &Tag<'_>, at: usize) -> Option<usize> {
    match tag {
        Tag::Item | Tag::DefinitionListDefinition => Some(item_column(md, at)),
        Tag::FootnoteDefinition(_) => {
            let line_start = md
                .get(..at)
                .and_then(|s| s.rfind('\n'))
                .map_or(0, |n| n + 1);
            Some(indent(md.get(line_start..at).unwrap_or_default()) + 4)
        }
        _ => None,
    }
}

/// Whether the line before the one starting at `line_start` is blank at the level of a
/// line inside `quotes` block quotes (a `>` alone is blank inside its quote, not outside
/// it), or there is none.
fn blank_before(md: &str, line_start: usize, quotes: usize) -> bool {
    let Some(before) = line_start.checked_sub(1).and_then(|end| md.get(..end)) else {
        return true;
    };
    let line = before.rsplit('\n').next().unwrap_or_default();
    let mut rest = line.trim_start_matches([' ', '\t']);
    let mut seen = 0;
    while let Some(r) = rest.strip_prefix('>') {
        seen += 1;
        rest = r.trim_start_matches([' ', '\t']);
    }
    seen <= quotes && rest.trim().is_empty()
}

/// What [`mark_lines`] found, and the blocks given attributes so far.
#[derive(Debug, Default)]
pub(super) struct Found {
    /// By the comment's number: the line's attributes, or `None` when they go nowhere (a
    /// blank line before).
    lines: Vec<Option<Attributes>>,
    /// By the mark's number: the block's element and attributes.
    placed: Vec<(&'static str, Attributes)>,
    /// How many events had been read when the last thing read was an HTML block or a line
    /// of attributes: nothing Goldmark gives attributes to.
    opaque_at: Option<usize>,
}

/// `md` with each line Goldmark reads as block attributes written as an HTML comment
/// holding its number, and what the lines say; `None` when there is none (or the page holds
/// Folio's mark characters). `options` are the parser's.
pub(super) fn mark_lines(md: &str, options: Options) -> Option<(String, Found)> {
    let candidate = |l: &str| l.trim_start_matches([' ', '\t', '>']).starts_with('{');
    if md.contains(OPEN) || md.contains(CLOSE) || !md.lines().any(candidate) {
        return None;
    }
    // What holds the text being read (only a paragraph's, a tight item's, a cell's, a
    // term's or a definition's may be attributes), and the content columns of the open
    // items and definitions.
    let mut holders: Vec<bool> = Vec::new();
    let mut items: Vec<usize> = Vec::new();
    let mut spans: Vec<Span> = Vec::new();
    for (event, range) in Parser::new_ext(md, options).into_offset_iter() {
        match event {
            Event::Start(tag) => {
                items.extend(content_column(md, &tag, range.start));
                if matches!(tag, Tag::Heading { .. }) {
                    spans.extend(setext_lines(md, range, &items));
                }
                holders.push(matches!(
                    tag,
                    Tag::Paragraph
                        | Tag::Item
                        | Tag::TableCell
                        | Tag::DefinitionListTitle
                        | Tag::DefinitionListDefinition
                ));
            }
            Event::End(end) => {
                if matches!(
                    end,
                    TagEnd::Item | TagEnd::DefinitionListDefinition | TagEnd::FootnoteDefinition
                ) {
                    items.pop();
                }
                holders.pop();
            }
            Event::Text(_) if holders.last() == Some(&true) => {
                spans.extend(line_at(md, range.start, &items));
            }
            _ => {}
        }
    }
    if spans.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(md.len() + spans.len() * 16);
    let mut from = 0;
    let mut found = Found::default();
    for (n, span) in spans.into_iter().enumerate() {
        out.push_str(md.get(from..span.replaced.start).unwrap_or_default());
        out.extend(std::iter::repeat_n(' ', span.pad));
        out.push_str(&format!("<!--{}-->", mark(n)));
        from = span.replaced.end;
        found.lines.push(span.attrs);
    }
    out.push_str(md.get(from..).unwrap_or_default());
    Some((out, found))
}

/// The line of attributes whose `{` is at `at`, if it is one: the span its comment
/// replaces, the blanks the comment keeps before it, and its attributes (`None` after a
/// blank line). `items` are the content columns of the open list items, outermost first.
fn line_at(md: &str, at: usize, items: &[usize]) -> Option<Span> {
    if md.as_bytes().get(at) != Some(&b'{') {
        return None;
    }
    let line_start = md
        .get(..at)
        .and_then(|s| s.rfind('\n'))
        .map_or(0, |n| n + 1);
    let prefix = md.get(line_start..at)?;
    if !prefix.chars().all(|c| matches!(c, ' ' | '\t' | '>')) {
        return None;
    }
    // Four columns past the content of the deepest item it is inside (or of its quote),
    // the line is text.
    let col = indent(prefix);
    let inside = items
        .iter()
        .rev()
        .find(|c| col >= **c)
        .copied()
        .unwrap_or(0);
    if col - inside >= 4 {
        return None;
    }
    let line_end = md
        .get(at..)
        .and_then(|s| s.find('\n'))
        .map_or(md.len(), |n| at + n);
    let line = md.get(at..line_end)?.trim_end_matches('\r');
    let attrs = parse(line)?;
    // The comment starts at its container's content column: blanks past it would be text
    // in the comment's block. A tab across that column leaves spaces up to it.
    let (content, content_col) = quote_content(prefix);
    let (mut from, mut col, mut pad) = (line_start + content, content_col, 0);
    for c in prefix.get(content..)?.chars() {
        let next = crate::text::columns(if c == '\t' { "\t" } else { " " }, col);
        if next - content_col > inside {
            pad = inside.saturating_sub(col - content_col);
            break;
        }
        from += c.len_utf8();
        col = next;
    }
    let quotes = prefix.matches('>').count();
    let kept = (!blank_before(md, line_start, quotes)).then_some(attrs);
    Some(Span {
        replaced: from..at + line.len(),
        pad,
        attrs: kept,
    })
}

/// A line of attributes as [`mark_lines`] writes it over.
struct Span {
    /// What the comment replaces.
    replaced: std::ops::Range<usize>,
    /// Spaces before the comment.
    pad: usize,
    /// The line's attributes; `None` when they go nowhere.
    attrs: Option<Attributes>,
}

/// The lines of a setext heading's text after its first (pulldown-cmark takes a last line
/// of attributes for the heading's own), as the lines of attributes among them: Goldmark
/// reads such a line as a block that ends the paragraph, which is then no heading.
fn setext_lines(md: &str, range: std::ops::Range<usize>, items: &[usize]) -> Vec<Span> {
    let text = md.get(range.clone()).unwrap_or_default();
    let underline = text
        .trim_end()
        .rsplit('\n')
        .next()
        .unwrap_or_default()
        .trim();
    let setext = !underline.is_empty()
        && (underline.bytes().all(|c| c == b'=') || underline.bytes().all(|c| c == b'-'));
    if !setext || !text.trim_end().contains('\n') {
        return Vec::new();
    }
    let mut found = Vec::new();
    let mut offset = range.start;
    for (k, line) in text.split_inclusive('\n').enumerate() {
        let first = line.len() - line.trim_start_matches([' ', '\t', '>']).len();
        if k > 0 {
            found.extend(line_at(md, offset + first, items));
        }
        offset += line.len();
    }
    found
}

/// Mark number `n`.
fn mark(n: usize) -> String {
    format!(
        "{OPEN}{}{}{CLOSE}",
        super::mark_key(),
        super::mark_digits(n)
    )
}

/// The number of the mark `text` starts with (after `<!--` for a line's comment), and its
/// length; `None` when `text` does not start with one of this process's marks.
fn mark_number(text: &str) -> Option<(usize, usize)> {
    let text = text.trim_start();
    let text = text.strip_prefix("<!--").unwrap_or(text);
    let keyed = text.strip_prefix(OPEN)?.strip_prefix(super::mark_key())?;
    let end = keyed.find(CLOSE)?;
    let n = super::read_mark_digits(keyed.get(..end)?)?;
    let len = text.len() - keyed.len() + end + CLOSE.len_utf8();
    Some((n, len))
}

impl Found {
    /// Gives the attributes of `mark` (the event before a block's start, when it is a
    /// mark) to the element `element` instead of the block's own: a standalone image's,
    /// whose paragraph is unwrapped.
    pub(super) fn retarget(&mut self, mark: &Event<'_>, element: &'static str) {
        let Event::Html(html) = mark else {
            return;
        };
        if let Some(placed) = mark_number(html).and_then(|(n, _)| self.placed.get_mut(n)) {
            placed.0 = element;
        }
    }

    /// Whether `html`, an HTML block's first event, is a line of attributes' comment.
    pub(super) fn is_line(html: &str) -> bool {
        html.trim_start().starts_with("<!--") && mark_number(html).is_some()
    }

    /// Notes that `events` now end with an HTML block: Goldmark gives no attributes to one.
    pub(super) fn html_block(&mut self, events: &[Event<'_>]) {
        self.opaque_at = Some(events.len());
    }

    /// Reads a line of attributes' HTML block from `source` (its start read already) and
    /// gives its attributes to the block `events` end with: a heading's own (those it has not got), or a mark before any other block's
    /// start for [`Found::place`]. Nothing when the block is one Goldmark writes no
    /// attributes for (code, HTML, a tight item's text) or there is none.
    pub(super) fn apply<'e>(
        &mut self,
        source: &mut impl Iterator<Item = Event<'e>>,
        events: &mut Vec<Event<'e>>,
    ) {
        let mut html = String::new();
        for event in source.by_ref() {
            match event {
                Event::End(TagEnd::HtmlBlock) => break,
                Event::Html(h) => html.push_str(&h),
                _ => {}
            }
        }
        let html = html.as_str();
        let after_opaque = self.opaque_at == Some(events.len());
        let attrs = mark_number(html)
            .and_then(|(n, _)| self.lines.get(n))
            .cloned()
            .flatten();
        // Inside a tight item's text, Goldmark writes the line break between the text
        // before the line and the text after it.
        let inline = !matches!(
            events.last(),
            None | Some(Event::Start(_) | Event::End(_) | Event::Rule | Event::Html(_))
        ) || matches!(events.last(), Some(Event::End(end)) if is_inline(end));
        if inline {
            events.push(Event::SoftBreak);
        } else if let (Some(attrs), false) = (attrs, after_opaque) {
            self.give(attrs, events);
        }
        // A line of attributes after this one gives them to this one: to nothing.
        self.opaque_at = Some(events.len());
    }

    /// Gives `attrs` to the block `events` end with ([`Found::apply`]).
    fn give(&mut self, attrs: Attributes, events: &mut Vec<Event<'_>>) {
        let element = match events.last() {
            Some(Event::Rule) => {
                let at = events.len() - 1;
                self.mark_block(events, at, "hr", attrs);
                return;
            }
            Some(Event::End(TagEnd::Heading(_))) => {
                if let Some(Event::Start(Tag::Heading {
                    classes,
                    attrs: own,
                    ..
                })) = start_of_last(events).and_then(|k| events.get_mut(k))
                {
                    give_heading(classes, own, attrs);
                }
                return;
            }
            Some(Event::End(TagEnd::Paragraph)) => "p",
            Some(Event::End(TagEnd::BlockQuote(_))) => "blockquote",
            Some(Event::End(TagEnd::List(true))) => "ol",
            Some(Event::End(TagEnd::List(false))) => "ul",
            Some(Event::End(TagEnd::DefinitionList)) => "dl",
            Some(Event::End(TagEnd::Table)) => "table",
            _ => return,
        };
        if let Some(at) = start_of_last(events) {
            self.mark_block(events, at, element, attrs);
        }
    }

    /// Puts a mark for `element`'s `attrs` before `events[at]`.
    fn mark_block(
        &mut self,
        events: &mut Vec<Event<'_>>,
        at: usize,
        element: &'static str,
        attrs: Attributes,
    ) {
        events.insert(at, Event::Html(CowStr::from(mark(self.placed.len()))));
        self.placed.push((element, attrs));
    }

    /// The attributes given to the block whose start follows `event`, when `event` is its
    /// mark, as Hugo gives them to a render hook (`.Attributes`; Hugo's
    /// `markup/internal/attributes`): every name but an event handler's, typed
    /// ([`Value::as_hugo_value`]), `null` left out.
    pub(super) fn given(&self, event: &Event<'_>) -> Option<Vec<(String, serde_json::Value)>> {
        let Event::Html(html) = event else {
            return None;
        };
        let (n, _) = mark_number(html)?;
        let (_, attrs) = self.placed.get(n)?;
        Some(
            attrs
                .iter()
                .filter(|(name, _)| !name.to_ascii_lowercase().starts_with("on"))
                .filter_map(|(name, value)| Some((name.clone(), value.as_hugo_value()?)))
                .collect(),
        )
    }

    /// `html` with each block's mark gone and its attributes written into the opening tag
    /// after it, those the tag has not got already.
    pub(super) fn place(&self, html: String) -> String {
        if self.placed.is_empty() {
            return html;
        }
        let mut out = String::with_capacity(html.len() + self.placed.len() * 24);
        let mut rest = html.as_str();
        while let Some(k) = rest.find(OPEN) {
            out.push_str(rest.get(..k).unwrap_or_default());
            let after = rest.get(k..).unwrap_or_default();
            let found = mark_number(after).and_then(|(n, len)| Some((self.placed.get(n)?, len)));
            let Some(((element, attrs), len)) = found else {
                // Not Folio's mark: the character as written.
                out.push(OPEN);
                rest = after.get(OPEN.len_utf8()..).unwrap_or_default();
                continue;
            };
            rest = after.get(len..).unwrap_or_default();
            let lead = rest.len() - rest.trim_start_matches('\n').len();
            out.push_str(rest.get(..lead).unwrap_or_default());
            rest = rest.get(lead..).unwrap_or_default();
            let Some(tag_end) = opening_tag_end(rest, element) else {
                continue;
            };
            let tag = rest.get(..tag_end).unwrap_or_default();
            out.push_str(tag);
            out.push_str(&written(element, attrs, tag));
            rest = rest.get(tag_end..).unwrap_or_default();
        }
        out.push_str(rest);
        out
    }
}

/// Whether `end` ends an inline element (text's, not a block's).
fn is_inline(end: &TagEnd) -> bool {
    matches!(
        end,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            | TagEnd::Image
    )
}

/// Where, in `html` (which starts with the opening tag of `element`), the tag's attributes
/// end: before its `>`, or its ` />`.
fn opening_tag_end(html: &str, element: &str) -> Option<usize> {
    let name_end = html
        .strip_prefix('<')?
        .strip_prefix(element)
        .map(|_| element.len() + 1)?;
    if !matches!(
        html.as_bytes().get(name_end),
        Some(b'>' | b' ' | b'/' | b'\n')
    ) {
        return None;
    }
    let close = html.find('>')?;
    let tag = html.get(..close)?;
    Some(tag.trim_end_matches('/').trim_end().len())
}

/// The index of the start of the element `events` end with.
fn start_of_last(events: &[Event<'_>]) -> Option<usize> {
    let mut depth = 0usize;
    for (k, event) in events.iter().enumerate().rev() {
        match event {
            Event::End(_) => depth += 1,
            Event::Start(_) => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(k);
                }
            }
            _ => {}
        }
    }
    None
}

/// Gives a heading the attributes it has not got: never the id (Hugo gives every heading
/// its id before it reads the attributes), the class only when it has none, no event
/// handler (Hugo's `markup/internal/attributes` drops `on…`).
fn give_heading<'a>(
    classes: &mut Vec<CowStr<'a>>,
    own: &mut Vec<(CowStr<'a>, Option<CowStr<'a>>)>,
    attrs: Attributes,
) {
    for (name, value) in attrs {
        let Some(text) = value.as_hugo_text() else {
            continue;
        };
        let has = own.iter().any(|(n, _)| **n == *name);
        match name.as_str() {
            "id" => {}
            "class" if classes.is_empty() && !has => {
                classes.extend(text.split_whitespace().map(|c| CowStr::from(c.to_string())));
            }
            "class" => {}
            _ if has || name.to_ascii_lowercase().starts_with("on") => {}
            _ => own.push((CowStr::from(name), Some(CowStr::from(text)))),
        }
    }
}

/// `attrs` as `element`'s opening tag `tag` gets them, each with a space before it.
fn written(element: &str, attrs: &Attributes, tag: &str) -> String {
    let has = |name: &str| tag.contains(&format!(" {name}="));
    let mut out = String::new();
    if element == "table" {
        // Hugo's `render-table.html`: by name, the empty and false left out, each value
        // HTML-escaped and then quoted as Go's `%q` quotes.
        let mut sorted: Vec<&(String, Value)> = attrs.iter().collect();
        sorted.sort_by(|a, b| a.0.cmp(&b.0));
        for (name, value) in sorted {
            let text = match value.as_hugo_text() {
                Some(text) if !value.is_falsy() => text,
                _ => continue,
            };
            if name.to_ascii_lowercase().starts_with("on") || has(name) {
                continue;
            }
            let escaped = crate::text::html_escape(&text);
            out.push_str(&format!(
                " {name}={}",
                crate::templates::engine::values::go_quote(&escaped, "")
            ));
        }
        return out;
    }
    let extra: &[&str] = match element {
        "blockquote" => &["cite"],
        "ol" | "ul" => &["start", "reversed", "type"],
        "hr" => &["align", "color", "noshade", "size", "width"],
        // Goldmark's `ImageAttributeFilter`.
        "img" => &[
            "align",
            "border",
            "crossorigin",
            "decoding",
            "height",
            "importance",
            "intrinsicsize",
            "ismap",
            "loading",
            "referrerpolicy",
            "sizes",
            "srcset",
            "usemap",
            "width",
        ],
        _ => &[],
    };
    for (name, value) in attrs {
        let allowed = GLOBAL.contains(&name.as_str())
            || extra.contains(&name.as_str())
            || name.starts_with("data-");
        if !allowed || has(name) {
            continue;
        }
        let text = match value {
            Value::Text(t) => t.as_str(),
            _ => "",
        };
        out.push_str(&format!(" {name}=\""));
        html_escape::encode_double_quoted_attribute_to_string(text, &mut out);
        out.push('"');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(name: &str, value: &str) -> (String, Value) {
        (name.into(), Value::Text(value.into()))
    }

    #[test]
    fn ids_classes_and_values_are_read_as_goldmark_reads_them() {
        assert_eq!(
            parse(r#"{.a .b #i1 #i2 data-x="y \"z\"\n" lang=en n=3, on=true}"#),
            Some(vec![
                text("class", "a b"),
                text("id", "i2"),
                text("data-x", "y \"z\"\n"),
                text("lang", "en"),
                ("n".into(), Value::Number(3.0)),
                ("on".into(), Value::Bool(true)),
            ])
        );
        assert_eq!(parse("{}"), Some(vec![]));
        assert_eq!(parse("{.x} tail"), Some(vec![text("class", "x")]));
    }

    #[test]
    fn what_goldmark_does_not_read_as_attributes_is_not() {
        for line in [
            "{w}",
            "{title='s q'}",
            "{.a&b}",
            "{title=a,b",
            "{.x",
            "{ }",
            "{class=3}",
        ] {
            assert_eq!(parse(line), None, "{line}");
        }
    }

    #[test]
    fn a_line_under_a_block_becomes_a_comment_and_one_after_a_blank_line_goes_nowhere() {
        let (md, found) = mark_lines("para\n{.x}\n\n{.y}\nnext", Options::empty()).unwrap();
        assert_eq!(
            md,
            format!("para\n<!--{}-->\n\n<!--{}-->\nnext", mark(0), mark(1))
        );
        assert_eq!(found.lines, vec![Some(vec![text("class", "x")]), None]);
    }

    #[test]
    fn a_line_indented_four_columns_or_written_in_code_is_text() {
        for md in [
            "para\n    {.x}",
            "```\n{.x}\n```",
            "    code\n    {.x}",
            "a `{.x}`",
            "<div>\n{.x}",
        ] {
            assert!(mark_lines(md, Options::empty()).is_none(), "{md:?}");
        }
        assert!(mark_lines("- a\n\n  b\n  {.x}", Options::empty()).is_some());
    }
}
