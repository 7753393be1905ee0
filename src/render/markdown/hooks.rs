//! Hugo's render hooks: a site's `layouts/_markup/render-link.html`,
//! `render-image.html`, `render-heading.html`, `render-blockquote.html`,
//! `render-table.html` and `render-codeblock.html` (or `render-codeblock-LANG.html`; or
//! under `layouts/_default/_markup/`) write a Markdown link, image, heading, blockquote (or
//! GitHub alert), table or fenced code block in place of Goldmark's HTML.
//!
//! The Markdown layer finds each element and what Hugo gives its hook (Hugo's
//! `markup/converter/hooks`: `LinkContext`, `ImageLinkContext`, `HeadingContext`,
//! `BlockquoteContext`, `TableContext`, `CodeblockContext`); running
//! the template is the caller's ([`RenderHooks`]). Images go first (an image can sit in a
//! link's text), then links, then headings, then blockquotes (innermost first) and
//! tables, so a hook's `.Text` (a table's cells) holds its children as their own hooks
//! wrote them, as in Hugo.

use std::borrow::Cow;
use std::collections::HashMap;

use std::sync::LazyLock;

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use crate::render::entities;

/// Which element a hook writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HookKind {
    /// `render-link.html`.
    Link,
    /// `render-image.html`.
    Image,
    /// `render-heading.html`.
    Heading,
    /// `render-codeblock-LANG.html`, else `render-codeblock.html`: a fenced code block
    /// (`render/markdown/mod.rs` finds them, as it reads the fences).
    CodeBlock,
    /// `render-blockquote.html`: a blockquote, or a GitHub alert (`> [!NOTE]`).
    Blockquote,
    /// `render-table.html`: a table (Hugo 0.134 on).
    Table,
}

impl HookKind {
    /// The Go type of the hook template's dot, as Hugo's errors name it (checked with
    /// Hugo 0.168: `can't evaluate field Nope in type goldmark.headingContext`).
    pub fn go_type(self) -> &'static str {
        match self {
            HookKind::Link => "goldmark.linkContext",
            HookKind::Image => "goldmark.imageLinkContext",
            HookKind::Heading => "goldmark.headingContext",
            HookKind::CodeBlock => "codeblocks.codeBlockContext",
            HookKind::Blockquote => "blockquotes.blockquoteContext",
            HookKind::Table => "tables.tableContext",
        }
    }

    /// The hook's name: the template is `render-NAME.html`.
    pub fn name(self) -> &'static str {
        match self {
            HookKind::Link => "link",
            HookKind::Image => "image",
            HookKind::Heading => "heading",
            HookKind::CodeBlock => "codeblock",
            HookKind::Blockquote => "blockquote",
            HookKind::Table => "table",
        }
    }

    /// Every kind Folio runs.
    pub const ALL: [HookKind; 6] = [
        HookKind::Link,
        HookKind::Image,
        HookKind::Heading,
        HookKind::CodeBlock,
        HookKind::Blockquote,
        HookKind::Table,
    ];

    /// The kind a hook's name (`link`, `codeblock-go`, `blockquote-alert`: what follows
    /// `render-`) is for, by the part before its first `-`; `None` for a kind Folio does
    /// not run (`passthrough`).
    pub fn of_name(name: &str) -> Option<HookKind> {
        let base = name.split('-').next()?;
        HookKind::ALL.into_iter().find(|k| k.name() == base)
    }
}

/// What a hook is given: Hugo's hook context, its fields by Hugo's names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hook {
    /// Which hook.
    pub kind: HookKind,
    /// `.Destination`: the link's or image's destination as written (before Goldmark
    /// encodes it); empty for a heading.
    pub destination: String,
    /// `.Title`: the link's or image's title.
    pub title: String,
    /// `.Text`: the element's content as HTML (an image's: its alt text).
    pub text: String,
    /// `.PlainText`: the content's text without markup.
    pub plain_text: String,
    /// `.Level` of a heading, 1 to 6; 0 otherwise.
    pub level: u8,
    /// `.Anchor`: a heading's id.
    pub anchor: String,
    /// `.Attributes`: a heading's `{.class key=value}` attributes and its id, a code
    /// block's attributes (its options aside), in order.
    /// Typed as Goldmark reads them: a bool, a number (Go's float64), or a string.
    pub attributes: Vec<(String, serde_json::Value)>,
    /// `.Ordinal`: how many elements of this kind came before it in the text rendered.
    pub ordinal: usize,
    /// `.Type` of a code block: its language as its info string names it.
    pub lang: String,
    /// `.Inner` of a code block: its code.
    pub inner: String,
    /// `.Options` of a code block: its highlighting options as written.
    pub options: Vec<(String, serde_json::Value)>,
    /// `.AlertType` of a blockquote that is an alert (`note`, `tip`, any word: GitHub's
    /// and Obsidian's), lower-cased; `None` for a plain blockquote.
    pub alert: Option<String>,
    /// `.AlertTitle`: what follows an alert's `[!TYPE]` on its line.
    pub alert_title: String,
    /// `.AlertSign`: an alert's fold sign, `+` or `-`, after `[!TYPE]`.
    pub alert_sign: String,
    /// `.IsBlock`: an image that is its parent's only child (a paragraph's, a link's, a
    /// cell's…), when the site does not wrap an image alone in its paragraph
    /// (`markup.goldmark.parser.wrapStandAloneImageWithinParagraph = false`).
    pub is_block: bool,
    /// `.THead` and `.TBody` of a table: its header row and its body rows.
    pub rows: TableRows,
}

/// A table's rows as Hugo gives its hook (`hooks.Table`): `.THead` and `.TBody`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TableRows {
    /// `.THead`: the header row (one, in Goldmark's tables).
    pub head: Vec<Vec<TableCell>>,
    /// `.TBody`: the body rows.
    pub body: Vec<Vec<TableCell>>,
}

/// One cell of a table (`hooks.TableCell`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableCell {
    /// `.Text`: its content as HTML, its children's hooks run.
    pub text: String,
    /// `.Alignment`: `left`, `center`, `right`, or empty, as its column's delimiter says.
    pub alignment: &'static str,
}

impl Hook {
    /// `.Type`: a code block's language, a blockquote's `alert` or `regular`; empty for
    /// the other kinds. A code block's or a blockquote's hook may be for one type only
    /// (`render-codeblock-go.html`, `render-blockquote-alert.html`).
    pub fn type_name(&self) -> &str {
        match (self.kind, &self.alert) {
            (HookKind::Blockquote, Some(_)) => "alert",
            (HookKind::Blockquote, None) => "regular",
            _ => &self.lang,
        }
    }

    /// An empty context for a hook of `kind`.
    pub fn new(kind: HookKind) -> Hook {
        Hook {
            kind,
            destination: String::new(),
            title: String::new(),
            text: String::new(),
            plain_text: String::new(),
            level: 0,
            anchor: String::new(),
            attributes: Vec::new(),
            ordinal: 0,
            lang: String::new(),
            inner: String::new(),
            options: Vec::new(),
            alert: None,
            alert_title: String::new(),
            alert_sign: String::new(),
            is_block: false,
            rows: TableRows::default(),
        }
    }

    /// Reads a blockquote's rendered `.Text` as Hugo does (`markup/goldmark/blockquotes`,
    /// `resolveBlockQuoteAlert`): a first paragraph that starts `[!TYPE]`, a fold sign
    /// and a title after it, makes the blockquote an alert, whose `.Text` is what follows
    /// that first line.
    fn read_alert(&mut self) {
        static ALERT: LazyLock<regex::Regex> = LazyLock::new(|| {
            regex::Regex::new(r"^<p>\[!([a-zA-Z]+)\](-|\+)?[^\S\r\n]?([^\n]*)\n?")
                .expect("a valid pattern")
        });
        let text = self.text.trim();
        let Some(m) = ALERT.captures(text) else {
            return;
        };
        let group = |k: usize| m.get(k).map_or("", |g| g.as_str());
        self.alert = Some(group(1).to_lowercase());
        self.alert_sign = group(2).to_string();
        let title = group(3).trim();
        self.alert_title = title.strip_suffix("</p>").unwrap_or(title).to_string();
        // The text after the alert's first line, its first paragraph opened again when
        // that line did not close it.
        self.text = match text.split_once('\n') {
            Some((before, after)) if before.ends_with("</p>") => after.to_string(),
            Some((_, after)) => format!("<p>{after}"),
            None => String::new(),
        };
    }
}

/// A fenced code block whose HTML waits for [`run`], which runs the site's code block
/// hook on it in the order Goldmark renders the elements (a link above it first; review
/// 63c, r4).
pub(super) struct PendingFence {
    /// Where its HTML goes in the blocks kept aside ([`super::mark`]).
    pub slot: usize,
    /// The mark standing for it in the events.
    pub marked: String,
    /// Its hook's context.
    pub hook: Hook,
    /// Its HTML when no hook writes it (none is for its language, or the hook failed).
    pub fallback: Box<dyn FnOnce() -> String>,
}

/// Points the URLs of the files a hook's HTML names where the document finds them (the
/// export's copies), as a shortcode template's are.
pub trait HookUrls {
    /// `html` with its images' URLs pointed at their files.
    fn point(&self, html: String) -> String;
    /// Where the document finds the file at `url` (a resource's `.RelPermalink`, a local
    /// path; an image's when `image`), not escaped; `None` to keep `url`.
    fn point_url(&self, url: &str, image: bool) -> Option<String>;
}

/// Runs a site's render hooks.
pub trait RenderHooks {
    /// Whether the site has a hook for `kind` (for code blocks: for some language).
    fn has(&self, kind: HookKind) -> bool;
    /// The hook's HTML for `hook`; `None` to write the element as Goldmark does (the hook
    /// failed, and the implementation records why; or no hook is for this code block's
    /// language).
    fn render(&self, hook: &Hook) -> Option<String>;
    /// Where Hugo's embedded link or image hook (`image`) points `destination` (as
    /// written, not absolute): for a link, the page it names (`.PageInner.GetPage`), else
    /// for both the file of the page's own (`.PageInner.Resources.Get`), else the
    /// `assets/` file (`resources.Get`), by its `.RelPermalink`, with the destination's
    /// query and fragment (Hugo's `_markup/render-link.html`, `render-image.html`); `None`
    /// when it names none of these.
    fn embedded_destination(&self, destination: &str, image: bool) -> Option<String>;
}

/// The destinations of the links and images a hook will write, as written, by event
/// index: taken before Goldmark's encoding rewrites them. An email autolink's is a
/// `mailto:` URL, as Hugo gives it (`renderAutoLink`).
pub(super) fn raw_destinations(
    events: &[Event<'_>],
    hooks: &dyn RenderHooks,
) -> Vec<(usize, String)> {
    let (links, images) = (hooks.has(HookKind::Link), hooks.has(HookKind::Image));
    events
        .iter()
        .enumerate()
        .filter_map(|(i, ev)| match ev {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                ..
            }) if links => Some((
                i,
                super::link_destination(*link_type, dest_url).into_owned(),
            )),
            Event::Start(Tag::Image { dest_url, .. }) if images => Some((i, dest_url.to_string())),
            _ => None,
        })
        .collect()
}

/// Replaces each image, link and heading the site has a hook for (`markdown.hooks`) by
/// the hook's HTML, kept aside in `blocks` (as [`super::mark`] keeps Folio's own HTML) for
/// the text `md`. `raw` is [`raw_destinations`]'s. The files a hook's HTML names are
/// pointed at the document's copies ([`pointed`]). With raw HTML on, the raw HTML in an
/// element's `.Text` is sanitised as the page's is. Footnote references are numbered by
/// now (`footnotes::number`); an element holding a footnote's definition is left to
/// Goldmark's HTML. `attributes` are the block attributes found (a blockquote's are its
/// hook's `.Attributes`); `unwrapped`, the paragraphs around standalone images taken away
/// (their images are blocks to their hook).
pub(super) fn run(
    events: &mut [Event<'_>],
    raw: &[(usize, String)],
    markdown: &super::Markdown<'_>,
    md: &str,
    (blocks, fences): (&mut Vec<String>, Vec<PendingFence>),
    (attributes, unwrapped): (&super::attributes::Found, &[(usize, usize)]),
) {
    let Some(hooks) = markdown.hooks else {
        return;
    };
    // The code blocks waiting for their hooks, by where their marks are.
    let mut fences: Vec<Option<PendingFence>> = fences.into_iter().map(Some).collect();
    // The plain text of each element a hook wrote, by its event index: part of its
    // parent's `.PlainText`.
    let mut plain: HashMap<usize, String> = HashMap::new();
    let found = hooked_elements(events, hooks, &fences);
    for (kind, ordinal, (i, end)) in found {
        if kind == HookKind::CodeBlock {
            if let Some(fence) = fences.get_mut(ordinal).and_then(Option::take) {
                let slot = fence.slot;
                let html = hooks
                    .render(&fence.hook)
                    .map(|html| pointed(html, &fence.hook, markdown))
                    .unwrap_or_else(fence.fallback);
                if let Some(s) = blocks.get_mut(slot) {
                    *s = html;
                }
            }
            continue;
        }
        let inner = events.get(i + 1..end).unwrap_or_default();
        if holds_footnote(inner) {
            continue;
        }
        let mut hook = context(events, i, end, kind, raw, ordinal, &plain);
        // `.PlainText` has the characters the typographer and the emoji codes put.
        let typography = markdown.markup.extensions.typography;
        if let Cow::Owned(text) = entities::plain(&hook.plain_text, typography) {
            hook.plain_text = text;
        }
        // Hugo's `images.Transformer`: an image that is its parent's only child (a
        // paragraph's, unwrapped by now).
        hook.is_block = kind == HookKind::Image
            && markdown.markup.unwrap_standalone_images
            && (i.checked_sub(1).is_some_and(|b| {
                matches!(events.get(b), Some(Event::Start(_)))
                    && matches!(events.get(end + 1), Some(Event::End(_)))
            }) || unwrapped.iter().any(|&(p, q)| p + 1 == i && q == end + 1));
        let given = attributes_mark(kind, (i, end), unwrapped)
            .and_then(|before| Some((before, attributes.given(events.get(before)?)?)));
        if let Some((_, given)) = &given {
            hook.attributes.extend(given.iter().cloned());
        }
        if kind == HookKind::Table {
            hook.rows = table_rows(events, (i, end), markdown, blocks, attributes);
        } else {
            hook.text = text_of(inner, markdown, blocks, attributes);
        }
        if kind == HookKind::Blockquote {
            hook.read_alert();
        }
        let Some(html) = hooks.render(&hook) else {
            continue;
        };
        let html = pointed(html, &hook, markdown);
        plain.insert(i, std::mem::take(&mut hook.plain_text));
        put_in_place(events, (kind, i, end), html, (md, blocks));
        // The hook was given the attributes: they are not written on its HTML.
        if let Some(ev) = given.and_then(|(before, _)| events.get_mut(before)) {
            *ev = Event::Html(CowStr::Borrowed(""));
        }
    }
}

/// The elements of `events` the site has hooks for (each kind's with its `.Ordinal`, a
/// pending code block's with its place in `fences`), in the order Goldmark renders them,
/// which Hugo's hooks run in (a counter in the page's `.Scratch` numbers them so): each
/// when its content is written, so by where it ends, a child (a link in a heading, a
/// blockquote in a blockquote) before its parent, whose `.Text` holds what the child's
/// hook wrote; the footnotes' last, as Goldmark writes the notes after the text (review
/// 63c, r3).
fn hooked_elements(
    events: &[Event<'_>],
    hooks: &dyn RenderHooks,
    fences: &[Option<PendingFence>],
) -> Vec<(HookKind, usize, (usize, usize))> {
    let mut found: Vec<(HookKind, usize, (usize, usize))> = Vec::new();
    for kind in [
        HookKind::Image,
        HookKind::Link,
        HookKind::Heading,
        HookKind::Blockquote,
        HookKind::Table,
    ] {
        if hooks.has(kind) {
            let spans = elements(events, kind).into_iter().enumerate();
            found.extend(spans.map(|(ordinal, span)| (kind, ordinal, span)));
        }
    }
    if !fences.is_empty() {
        let marks: HashMap<&str, usize> = fences
            .iter()
            .enumerate()
            .filter_map(|(n, f)| Some((f.as_ref()?.marked.as_str(), n)))
            .collect();
        for (k, ev) in events.iter().enumerate() {
            if let Some(&n) = match ev {
                Event::Html(h) => marks.get(&**h),
                _ => None,
            } {
                found.push((HookKind::CodeBlock, n, (k, k)));
            }
        }
    }
    let in_notes = footnote_events(events);
    found.sort_unstable_by_key(|&(_, _, (_, end))| {
        (in_notes.get(end).copied().unwrap_or(false), end)
    });
    found
}

/// Whether each event is inside a footnote's definition (empty when there is none).
fn footnote_events(events: &[Event<'_>]) -> Vec<bool> {
    if !events
        .iter()
        .any(|e| matches!(e, Event::Start(Tag::FootnoteDefinition(_))))
    {
        return Vec::new();
    }
    let mut depth = 0usize;
    events
        .iter()
        .map(|e| {
            match e {
                Event::Start(Tag::FootnoteDefinition(_)) => depth += 1,
                Event::End(TagEnd::FootnoteDefinition) => depth = depth.saturating_sub(1),
                _ => {}
            }
            depth > 0
        })
        .collect()
}

/// Puts a hook's `html` in place of the element of `kind` at `events[i..=end]`, kept aside
/// in `blocks` ([`super::mark`]) for the text `md`.
fn put_in_place(
    events: &mut [Event<'_>],
    (kind, i, end): (HookKind, usize, usize),
    html: String,
    (md, blocks): (&str, &mut Vec<String>),
) {
    // A block starts on a line of its own, as Goldmark writes it: first in a list item
    // (`<li>\n<h2>`: review 51b, 5) or after the item's text (`<li>a\n<h2>`: 51d, 7), where
    // what the writer wrote last ends no line.
    let item_first = i
        .checked_sub(1)
        .and_then(|b| events.get(b))
        .is_some_and(|e| match e {
            Event::Start(Tag::Item)
            | Event::Code(_)
            | Event::InlineMath(_)
            | Event::FootnoteReference(_)
            | Event::End(
                TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Link
                | TagEnd::Image,
            ) => true,
            Event::Text(t) | Event::InlineHtml(t) => !t.is_empty(),
            Event::Html(html) => !html.is_empty() && !html.ends_with('\n'),
            _ => false,
        });
    for ev in events.iter_mut().take(end + 1).skip(i) {
        *ev = Event::Text(CowStr::Borrowed(""));
    }
    // A block's HTML last, so that the writer reads its final newline (an empty text after
    // it would say there is none, and the writer would add one).
    let (at, marked) = match kind {
        HookKind::Heading | HookKind::Blockquote | HookKind::Table => {
            let marked = super::mark_block(md, html, blocks);
            let marked = if item_first {
                format!("\n{marked}")
            } else {
                marked
            };
            (end, Event::Html(marked.into()))
        }
        _ => (i, Event::InlineHtml(super::mark(md, html, blocks).into())),
    };
    if let Some(ev) = events.get_mut(at) {
        *ev = marked;
    }
}

/// Where the mark of the block attributes a hook is given may be, for the element of
/// `kind` at events `i..=end`: a blockquote's (`{.x}` under it) just before it, as in
/// Hugo; a standalone image's paragraph's, the paragraph unwrapped (its start, now empty,
/// just before the image), before that.
fn attributes_mark(
    kind: HookKind,
    (i, end): (usize, usize),
    unwrapped: &[(usize, usize)],
) -> Option<usize> {
    match kind {
        HookKind::Blockquote | HookKind::Table => i.checked_sub(1),
        HookKind::Image if unwrapped.iter().any(|&(p, q)| p + 1 == i && q == end + 1) => {
            i.checked_sub(2)
        }
        _ => None,
    }
}

/// Whether an element's `inner` events hold a footnote's definition (or a reference not
/// numbered yet).
fn holds_footnote(inner: &[Event<'_>]) -> bool {
    inner.iter().any(|ev| {
        matches!(
            ev,
            Event::FootnoteReference(_) | Event::Start(Tag::FootnoteDefinition(_))
        )
    })
}

/// `.Text`: an element's content (its `inner` events) as HTML, the hooks of its children
/// already run (their HTML put back from `blocks`), block attributes written, raw HTML
/// sanitised as the page's is.
fn text_of(
    inner: &[Event<'_>],
    markdown: &super::Markdown<'_>,
    blocks: &[String],
    attributes: &super::attributes::Found,
) -> String {
    let mut text = String::new();
    super::void::push_html(&mut text, inner.iter().cloned(), &markdown.markup);
    let mut text = attributes.place(text);
    if markdown.markup.unsafe_html {
        text = super::raw_html::clean(&text);
    }
    super::put_back(text, blocks, None)
}

/// `.THead` and `.TBody` of the table at `events[start..=end]`: each cell's `.Text`
/// ([`text_of`]) and `.Alignment`, its column's (Hugo's `markup/goldmark/tables`).
fn table_rows(
    events: &[Event<'_>],
    (start, end): (usize, usize),
    markdown: &super::Markdown<'_>,
    blocks: &[String],
    attributes: &super::attributes::Found,
) -> TableRows {
    let columns: &[pulldown_cmark::Alignment] = match events.get(start) {
        Some(Event::Start(Tag::Table(columns))) => columns,
        _ => &[],
    };
    let mut rows = TableRows::default();
    let mut in_head = false;
    let mut cell_from = None;
    for k in start + 1..end {
        match events.get(k) {
            Some(Event::Start(Tag::TableHead)) => {
                in_head = true;
                rows.head.push(Vec::new());
            }
            Some(Event::End(TagEnd::TableHead)) => in_head = false,
            Some(Event::Start(Tag::TableRow)) => rows.body.push(Vec::new()),
            Some(Event::Start(Tag::TableCell)) => cell_from = Some(k + 1),
            Some(Event::Html(h)) if &**h == super::tables::PADDED_CELL => {
                if let Some(row) = rows.body.last_mut() {
                    row.push(TableCell {
                        text: String::new(),
                        alignment: "",
                    });
                }
            }
            Some(Event::End(TagEnd::TableCell)) => {
                let inner = cell_from
                    .and_then(|from| events.get(from..k))
                    .unwrap_or_default();
                let row = if in_head {
                    rows.head.last_mut()
                } else {
                    rows.body.last_mut()
                };
                if let Some(row) = row {
                    let alignment = match columns.get(row.len()) {
                        Some(pulldown_cmark::Alignment::Left) => "left",
                        Some(pulldown_cmark::Alignment::Center) => "center",
                        Some(pulldown_cmark::Alignment::Right) => "right",
                        _ => "",
                    };
                    let text = text_of(inner, markdown, blocks, attributes);
                    row.push(TableCell { text, alignment });
                }
            }
            _ => {}
        }
    }
    rows
}

/// The `kind` elements of `events`, each as the indices of its start and its end, in
/// the order they end: the order Hugo runs their hooks in, and so their `.Ordinal`s (an
/// inner blockquote's hook runs before its parent's).
fn elements(events: &[Event<'_>], kind: HookKind) -> Vec<(usize, usize)> {
    let mut open = Vec::new();
    let mut spans = Vec::new();
    for (k, ev) in events.iter().enumerate() {
        match (kind, ev) {
            (HookKind::Link, Event::Start(Tag::Link { .. }))
            | (HookKind::Image, Event::Start(Tag::Image { .. }))
            | (HookKind::Heading, Event::Start(Tag::Heading { .. }))
            | (HookKind::Blockquote, Event::Start(Tag::BlockQuote(_)))
            | (HookKind::Table, Event::Start(Tag::Table(_))) => open.push(k),
            (HookKind::Link, Event::End(TagEnd::Link))
            | (HookKind::Image, Event::End(TagEnd::Image))
            | (HookKind::Heading, Event::End(TagEnd::Heading(_)))
            | (HookKind::Blockquote, Event::End(TagEnd::BlockQuote(_)))
            | (HookKind::Table, Event::End(TagEnd::Table)) => {
                if let Some(start) = open.pop() {
                    spans.push((start, k));
                }
            }
            _ => {}
        }
    }
    spans
}

/// A hook's `html` with the files it names pointed at the document's copies: its own
/// destination where an attribute holds it whole (as written or as `html/template`
/// encodes it: a link's `href`, a lightbox's), when `rewrite_url` moves it (the export's
/// local files); then its images, by `markdown.hook_urls` (a page resource's
/// `.RelPermalink`, say).
pub(super) fn pointed(html: String, hook: &Hook, markdown: &super::Markdown<'_>) -> String {
    let quoted = |url: &str| format!("\"{}\"", html_escape::encode_double_quoted_attribute(url));
    let encoded = super::template_url(hook.destination.as_str().into());
    // Only a destination the hook wrote as it is: one it made into another URL (`absURL`)
    // is pointed with its images below, and looking for the file as written would miss it.
    let written = html.contains(&quoted(&hook.destination)) || html.contains(&quoted(&encoded));
    // A destination that is a call's placeholder is pointed once the call's output is in
    // (`placeholders::point_destinations`; review 52b, 1).
    let placeholder = crate::render::placeholders::starts_with_placeholder(&hook.destination);
    let moved = markdown
        .rewrite_url
        .filter(|_| {
            written && !placeholder && matches!(hook.kind, HookKind::Link | HookKind::Image)
        })
        .and_then(|rewrite| rewrite(&hook.destination, hook.kind == HookKind::Image));
    let html = match moved {
        Some(new) => html
            .replace(&quoted(&hook.destination), &quoted(&new))
            .replace(&quoted(&encoded), &quoted(&new)),
        None => html,
    };
    match markdown.hook_urls {
        Some(urls) => urls.point(html),
        None => html,
    }
}

/// The hook context of the element `events[start..=end]`, but its `.Text` (`run` writes
/// it).
fn context(
    events: &[Event<'_>],
    start: usize,
    end: usize,
    kind: HookKind,
    raw: &[(usize, String)],
    ordinal: usize,
    plain: &HashMap<usize, String>,
) -> Hook {
    let inner = events.get(start + 1..end).unwrap_or_default();
    let plain_text: String = inner
        .iter()
        .enumerate()
        .filter_map(|(k, ev)| match ev {
            Event::Text(t) | Event::Code(t) => Some(&**t),
            Event::InlineHtml(_) => plain.get(&(start + 1 + k)).map(String::as_str),
            _ => None,
        })
        .collect();
    let mut hook = Hook {
        destination: raw
            .binary_search_by_key(&start, |(i, _)| *i)
            .ok()
            .and_then(|k| raw.get(k))
            .map(|(_, d)| d.clone())
            .unwrap_or_default(),
        plain_text,
        ordinal,
        ..Hook::new(kind)
    };
    match events.get(start) {
        Some(Event::Start(Tag::Link { title, .. } | Tag::Image { title, .. })) => {
            hook.title = title.to_string();
        }
        Some(Event::Start(Tag::Heading {
            level,
            id,
            classes,
            attrs,
        })) => {
            hook.level = *level as u8;
            hook.anchor = id.as_deref().unwrap_or_default().to_string();
            if !classes.is_empty() {
                let classes: Vec<&str> = classes.iter().map(|c| &**c).collect();
                hook.attributes
                    .push(("class".into(), classes.join(" ").into()));
            }
            for (k, v) in attrs {
                hook.attributes
                    .push((k.to_string(), v.as_deref().unwrap_or_default().into()));
            }
            // Hugo's `.Attributes` hold the id too.
            if !hook.anchor.is_empty() {
                hook.attributes
                    .push(("id".into(), hook.anchor.clone().into()));
            }
        }
        _ => {}
    }
    hook
}
