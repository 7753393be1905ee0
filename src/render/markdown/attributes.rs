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
//! `false`, `null` or a list; anything after the closing `}` is dropped. Left: a block of
//! attributes broken over lines, which Goldmark reads and Folio shows as text.

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};

/// A value as Goldmark reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Value {
    /// A quoted string (its escapes read) or a bare word.
    Text(String),
    /// A number, `true`, `false` or a list, as written: Goldmark writes it as `""`.
    Literal(String),
    /// `null`.
    Null,
}

/// A block's attributes, in the order Goldmark keeps them.
pub(super) type Attributes = Vec<(String, Value)>;

/// Starts the comment a line of attributes is written as, and the mark before a block's
/// opening tag; [`CLOSE`] ends them. Both are private-use characters, and a page that holds
/// one gets no block attributes.
const OPEN: char = '\u{E002}';
const CLOSE: char = '\u{E003}';

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
    let b = line.as_bytes();
    let mut i = skip_spaces(b, 0);
    if b.get(i) != Some(&b'{') {
        return None;
    }
    i += 1;
    let mut attrs = Attributes::new();
    loop {
        match b.get(i) {
            Some(b'}') => return Some(attrs),
            None => return None,
            Some(_) => {}
        }
        let (name, value, next) = attribute(line, i)?;
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

/// One attribute from `at`: `#id`, `.class` or `name=value`, and where it ends.
fn attribute(line: &str, at: usize) -> Option<(String, Value, usize)> {
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
    let (value, next) = value(line, skip_spaces(b, eq + 1))?;
    if name == "class" && !matches!(value, Value::Text(_)) {
        return None;
    }
    Some((name.into(), value, next))
}

/// A value from `i`, and where it ends.
fn value(line: &str, i: usize) -> Option<(Value, usize)> {
    let b = line.as_bytes();
    match *b.get(i)? {
        b'"' => quoted(line, i + 1),
        b'[' => {
            let end = i + line.get(i..)?.find(']')? + 1;
            Some((Value::Literal(line.get(i..end)?.into()), end))
        }
        b'{' => {
            let end = i + line.get(i..)?.find('}')? + 1;
            parse(line.get(i..end)?)?;
            Some((Value::Literal(line.get(i..end)?.into()), end))
        }
        c if c == b'-' || c == b'+' || c.is_ascii_digit() => {
            let end = run(b, i + 1, |c| {
                c.is_ascii_digit() || matches!(c, b'.' | b'e' | b'E' | b'-' | b'+')
            });
            Some((Value::Literal(line.get(i..end)?.into()), end))
        }
        _ => {
            let end = name_end(b, i)?;
            let word = line.get(i..end)?;
            let value = match word {
                "true" | "false" => Value::Literal(word.into()),
                "null" => Value::Null,
                _ => Value::Text(word.into()),
            };
            Some((value, end))
        }
    }
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

/// The columns of white space and `>` markers that start `prefix` (a tab to the next stop
/// of 4), counting only what follows the last `>`: how far a line is indented inside its
/// quote.
fn indent(prefix: &str) -> usize {
    let inside = prefix.rfind('>').map_or(prefix, |k| {
        let rest = prefix.get(k + 1..).unwrap_or_default();
        // The one space after `>` belongs to the marker.
        rest.strip_prefix(' ').unwrap_or(rest)
    });
    inside.chars().fold(0, |col, c| {
        if c == '\t' {
            col + 4 - col % 4
        } else {
            col + 1
        }
    })
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

/// Whether the line before the one starting at `line_start` is blank (but for `>`
/// markers), or there is none.
fn blank_before(md: &str, line_start: usize) -> bool {
    let Some(before) = line_start.checked_sub(1).and_then(|end| md.get(..end)) else {
        return true;
    };
    let line = before.rsplit('\n').next().unwrap_or_default();
    line.trim_matches(|c: char| c.is_whitespace() || c == '>')
        .is_empty()
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
    // What holds the text being read (only a paragraph's, a tight item's, a cell's or a
    // definition's may be attributes), and the open items' content columns.
    let mut holders: Vec<bool> = Vec::new();
    let mut items: Vec<usize> = Vec::new();
    let mut spans: Vec<(std::ops::Range<usize>, Option<Attributes>)> = Vec::new();
    for (event, range) in Parser::new_ext(md, options).into_offset_iter() {
        match event {
            Event::Start(tag) => {
                if matches!(tag, Tag::Item) {
                    items.push(item_column(md, range.start));
                }
                holders.push(matches!(
                    tag,
                    Tag::Paragraph | Tag::Item | Tag::TableCell | Tag::DefinitionListDefinition
                ));
            }
            Event::End(end) => {
                if matches!(end, TagEnd::Item) {
                    items.pop();
                }
                holders.pop();
            }
            Event::Text(_) if holders.last() == Some(&true) => {
                spans.extend(line_at(md, range.start, items.last().copied()));
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
    for (n, (span, attrs)) in spans.into_iter().enumerate() {
        out.push_str(md.get(from..span.start).unwrap_or_default());
        out.push_str(&format!("<!--{}-->", mark(n)));
        from = span.end;
        found.lines.push(attrs);
    }
    out.push_str(md.get(from..).unwrap_or_default());
    Some((out, found))
}

/// The line of attributes whose `{` is at `at`, where pulldown-cmark's text starts, if it
/// is one: the span its comment replaces, and its attributes (`None` after a blank line).
/// `item` is the content column of the innermost open list item.
fn line_at(
    md: &str,
    at: usize,
    item: Option<usize>,
) -> Option<(std::ops::Range<usize>, Option<Attributes>)> {
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
    // Four columns in, past its item's content column or not, the line is text.
    let col = indent(prefix);
    let inside = item.filter(|c| col >= *c).unwrap_or(0);
    let beyond = col - inside;
    if beyond >= 4 {
        return None;
    }
    // The comment goes where its container's content starts: spaces beyond that would be
    // text in the comment's block.
    let spaces = prefix.len() - prefix.trim_end_matches(' ').len();
    let from = at - spaces.min(beyond);
    let line_end = md
        .get(at..)
        .and_then(|s| s.find('\n'))
        .map_or(md.len(), |n| at + n);
    let line = md.get(at..line_end)?.trim_end_matches('\r');
    let attrs = parse(line)?;
    let kept = (!blank_before(md, line_start)).then_some(attrs);
    Some((from..at + line.len(), kept))
}

/// Mark number `n`.
fn mark(n: usize) -> String {
    format!("{OPEN}{}{CLOSE}", super::mark_digits(n))
}

/// The number of the mark `text` starts with (after `<!--` for a line's comment).
fn mark_number(text: &str) -> Option<usize> {
    let text = text.trim_start();
    let text = text.strip_prefix("<!--").unwrap_or(text);
    let digits = text.strip_prefix(OPEN)?;
    super::read_mark_digits(digits.get(..digits.find(CLOSE)?)?)
}

impl Found {
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
            .and_then(|n| self.lines.get(n))
            .cloned()
            .flatten();
        if let (Some(attrs), false) = (attrs, after_opaque) {
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
            let end = after
                .find(CLOSE)
                .map_or(after.len(), |e| e + CLOSE.len_utf8());
            let found = mark_number(after).and_then(|n| self.placed.get(n));
            rest = after.get(end..).unwrap_or_default();
            let Some((element, attrs)) = found else {
                continue;
            };
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
        let text = match value {
            Value::Text(t) | Value::Literal(t) => t,
            Value::Null => String::new(),
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
            let text = match value {
                Value::Text(t) => t.as_str(),
                Value::Literal(l)
                    if !matches!(l.as_str(), "false" | "0") && !l.starts_with('[') =>
                {
                    l
                }
                _ => continue,
            };
            if text.is_empty() || name.to_ascii_lowercase().starts_with("on") || has(name) {
                continue;
            }
            let escaped = html_escape::encode_safe(text);
            let quoted = escaped
                .replace('\\', "\\\\")
                .replace('\n', "\\n")
                .replace('\t', "\\t")
                .replace('\r', "\\r");
            out.push_str(&format!(" {name}=\"{quoted}\""));
        }
        return out;
    }
    let extra: &[&str] = match element {
        "blockquote" => &["cite"],
        "ol" | "ul" => &["start", "reversed", "type"],
        "hr" => &["align", "color", "noshade", "size", "width"],
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
                ("n".into(), Value::Literal("3".into())),
                ("on".into(), Value::Literal("true".into())),
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
