//! Markdown to HTML the way Hugo's Goldmark renders it. This is the only place the
//! pulldown-cmark options are built.
//!
//! Goldmark defaults Hugo uses, and how they are met here: typographer (Goldmark's own rules,
//! in `render/substitutions.rs`; pulldown-cmark's smart punctuation is off),
//! tables, strikethrough, task lists, footnotes, definition lists, `{#id}` heading
//! attributes, automatic heading ids (GitHub style), bare-URL autolinks and guillemets
//! (Goldmark's linkify and typographer, in `render/linkify.rs` and `render/typographer.rs`),
//! and raw HTML replaced by `<!-- raw HTML omitted -->` unless the site sets
//! `markup.goldmark.renderer.unsafe` — then it is kept as written but for what runs code
//! (`raw_html.rs`).
//!
//! Heading ids are in `headings.rs`, footnotes in `footnotes.rs`, Goldmark's table rules in
//! `tables.rs`, block attributes (`{.class}` under a block, when the site turns them on)
//! in `attributes.rs`.

mod attributes;
pub mod cjk;
pub mod extras;
mod footnotes;
pub mod headings;
pub mod hooks;
pub mod passthrough;
pub(crate) mod raw_html;
mod strikethrough;
mod tables;
#[cfg(test)]
mod tests;
mod void;

use super::entities;
use super::highlight::{self, CodeBlock};
use crate::site::Markup;
use crate::text;
use std::sync::OnceLock;

use footnotes::footnotes;
pub use headings::anchorize;
use headings::heading_ids;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, LinkType, Options, Parser, Tag, TagEnd};

/// What Goldmark writes in place of raw HTML when `unsafe` is off.
pub const RAW_HTML_OMITTED: &str = "<!-- raw HTML omitted -->";

/// [`RAW_HTML_OMITTED`] for a block, on its own line.
const OMITTED_BLOCK: &str = "<!-- raw HTML omitted -->\n";

/// Rewrites a URL the page uses: `(url, is_image) -> Some(new url)`.
pub type RewriteUrl<'a> = &'a dyn Fn(&str, bool) -> Option<String>;

/// How Markdown is rendered.
#[derive(Clone, Copy, Default)]
pub struct Markdown<'a> {
    /// The site's settings.
    pub markup: Markup,
    /// Rewrites image and link URLs (export: local images to `assets/`).
    pub rewrite_url: Option<RewriteUrl<'a>>,
    /// The site's render hooks, when it has any.
    pub hooks: Option<&'a dyn hooks::RenderHooks>,
    /// Points the files the hooks' HTML names at the document's copies.
    pub hook_urls: Option<&'a dyn hooks::HookUrls>,
    /// Marks each of Markdown's headings ([`headings::TOC_MARK`]) for
    /// [`headings::table_of_contents`], which lists only those: raw HTML's `<h2>` is no
    /// heading to Goldmark.
    pub for_toc: bool,
}

/// The pulldown-cmark options matching Hugo's Goldmark defaults.
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_DEFINITION_LIST
}

/// [`options`] for a site's settings (`markup.goldmark.extensions`: strikethrough,
/// tables, footnotes, task lists and definition lists may each be off; so may heading
/// attributes, `markup.goldmark.parser.attribute.title`).
fn options_for(markup: &Markup) -> Options {
    let extensions = markup.extensions;
    let mut options = options();
    options.set(
        Options::ENABLE_HEADING_ATTRIBUTES,
        markup.heading_attributes,
    );
    options.set(Options::ENABLE_STRIKETHROUGH, extensions.strikethrough);
    options.set(Options::ENABLE_TABLES, extensions.table);
    options.set(Options::ENABLE_FOOTNOTES, extensions.footnote);
    options.set(Options::ENABLE_TASKLISTS, extensions.task_list);
    options.set(Options::ENABLE_DEFINITION_LIST, extensions.definition_list);
    options
}

impl Markdown<'_> {
    /// Renders Markdown to HTML.
    pub fn render(&self, md: &str) -> String {
        let mut blocks = Vec::new();
        let protected = self.markup.passthrough.map(|pt| {
            passthrough::protect(md, pt, |text| {
                (mark("", text, &mut blocks), blocks.len().saturating_sub(1))
            })
        });
        let (md, placed) = match &protected {
            Some(p) => (&*p.md, Some(&p.placed)),
            None => (md, None),
        };
        // Lines of block attributes first: pulldown-cmark reads them as the text Goldmark
        // would read if the setting were off, which the rewrites below expect.
        let (marked_md, mut found) = self.attribute_lines(md);
        let md = &*self.as_goldmark_reads(marked_md.as_deref().unwrap_or(md));
        let mut fences = Vec::new();
        let mut events =
            tables::cell_breaks(self.events(md, (&mut blocks, &mut fences), &mut found));
        tables::pad_cells(md, options_for(&self.markup), &mut events);
        let raw = self
            .hooks
            .map(|h| hooks::raw_destinations(&events, h))
            .unwrap_or_default();
        self.destinations(&mut events);
        heading_ids(&mut events, &self.markup);
        if self.for_toc {
            headings::mark_for_toc(&mut events);
        }
        // After the ids: Goldmark names a heading by its text as written (`:smile:`).
        if self.markup.emoji {
            emoji_codes(&mut events);
        }
        let notes = footnotes::number(&mut events);
        // Before the hooks, so a blockquote's `.Text` has the image alone.
        let standalone = self.unwrap_standalone_images(&mut events, &mut found);
        hooks::run(
            &mut events,
            &raw,
            self,
            md,
            (&mut blocks, fences),
            (&found, &standalone),
        );
        // Raw HTML's images point where the document finds their files, as Markdown's do:
        // an attribute's URL however it is quoted, a `<style>`'s `url(…)` (hunt AR-7).
        if let (true, Some(urls)) = (self.markup.unsafe_html, self.hook_urls) {
            for ev in &mut events {
                if let Event::Html(html) | Event::InlineHtml(html) = ev {
                    if html.contains('=') || html.contains("url(") {
                        *html = CowStr::from(urls.point(html.to_string()));
                    }
                }
            }
        }
        let notes = footnotes(&mut events, &notes, &self.markup);
        let mut html = String::with_capacity(md.len() * 3 / 2);
        void::push_html(&mut html, events, &self.markup);
        html.push_str(&notes);
        let mut html = found.place(html);
        if self.markup.unsafe_html {
            html = raw_html::clean(&html);
        }
        put_back(html, &blocks, placed)
    }

    /// Unwraps each image alone in its paragraph when the site says so
    /// (`wrapStandAloneImageWithinParagraph = false`); gives those paragraphs' starts and
    /// ends. The paragraph's block attributes go to the image, as Hugo's
    /// `images.Transformer` moves them (`markup/goldmark/images/transform.go`).
    fn unwrap_standalone_images(
        &self,
        events: &mut [Event<'_>],
        found: &mut attributes::Found,
    ) -> Vec<(usize, usize)> {
        if !self.markup.unwrap_standalone_images {
            return Vec::new();
        }
        let standalone = standalone_images(events);
        for &(start, _) in &standalone {
            if let Some(mark) = start.checked_sub(1).and_then(|k| events.get(k)) {
                found.retarget(mark, "img");
            }
        }
        unwrap(events, &standalone);
        standalone
    }

    /// `md` with its lines of block attributes made comments, when the site has block
    /// attributes on and `md` has such lines (`attributes::mark_lines`), and what they say.
    fn attribute_lines(&self, md: &str) -> (Option<String>, attributes::Found) {
        let marked = self
            .markup
            .block_attributes
            .then(|| attributes::mark_lines(md, options_for(&self.markup)))
            .flatten();
        match marked {
            Some((md, found)) => (Some(md), found),
            None => (None, attributes::Found::default()),
        }
    }

    /// `md` rewritten where pulldown-cmark and Goldmark read it apart, for the extensions
    /// the site has on: definitions indented under their term, a table right after a
    /// paragraph, single tildes, and what linkify must leave alone.
    fn as_goldmark_reads<'m>(&self, md: &'m str) -> std::borrow::Cow<'m, str> {
        use std::borrow::Cow;
        let ext = self.markup.extensions;
        let step = |md: Cow<'m, str>, on: bool, f: fn(&str) -> Cow<'_, str>| -> Cow<'m, str> {
            if !on {
                return md;
            }
            match md {
                Cow::Borrowed(b) => f(b),
                Cow::Owned(o) => Cow::Owned(f(&o).into_owned()),
            }
        };
        let md = step(Cow::Borrowed(md), ext.definition_list, indented_definitions);
        let md = step(md, ext.table, tables::tables_after_text);
        let md = step(md, ext.strikethrough, strikethrough::literal_tildes);
        step(md, ext.linkify, super::linkify::protect)
    }

    /// The parser's events with Goldmark's raw HTML markers, definition terms, task
    /// checkboxes and block attributes (the lines `found` by `attributes::mark_lines`).
    fn events<'e>(
        &self,
        md: &'e str,
        (blocks, fences): (&mut Vec<String>, &mut Vec<hooks::PendingFence>),
        found: &mut attributes::Found,
    ) -> Vec<Event<'e>> {
        let mut events: Vec<Event> = Vec::with_capacity(md.len() / 8);
        let mut in_html_block = false;
        let mut html_block = String::new();
        let mut in_term = false;
        let mut in_fence = false;
        let mut count = 0;
        let mut source = parse(md, &self.markup).peekable();
        while let Some(ev) = source.next() {
            let html_block_ends = matches!(ev, Event::End(TagEnd::HtmlBlock));
            match ev {
                Event::Start(Tag::HtmlBlock) if matches!(source.peek(), Some(Event::Html(h)) if attributes::Found::is_line(h)) =>
                {
                    found.apply(&mut source, &mut events);
                    continue;
                }
                // Goldmark writes one marker per raw HTML block (and one more for its
                // closing line, when it `HasClosure`), and one per inline tag; Hugo drops
                // HTML comments without a marker.
                Event::Start(Tag::HtmlBlock) if !self.markup.unsafe_html => {
                    (in_html_block, html_block) = (true, String::new());
                    let comment = matches!(source.peek(), Some(Event::Html(h)) if is_comment(h));
                    events.extend((!comment).then_some(Event::Html(OMITTED_BLOCK.into())));
                }
                Event::End(TagEnd::HtmlBlock) if !self.markup.unsafe_html => {
                    in_html_block = false;
                    let closure = has_closure_line(&html_block);
                    events.extend(closure.then_some(Event::Html(OMITTED_BLOCK.into())));
                }
                Event::Html(h) if in_html_block => html_block.push_str(&h),
                _ if in_html_block => {}
                Event::InlineHtml(h) if !self.markup.unsafe_html && !extras::is_tag(&h) => {
                    events.extend(
                        (!is_comment(&h)).then_some(Event::InlineHtml(RAW_HTML_OMITTED.into())),
                    );
                }
                // Goldmark gives each line of a definition list's terms its own `<dt>`.
                Event::Start(Tag::DefinitionListTitle)
                | Event::End(TagEnd::DefinitionListTitle) => {
                    in_term = matches!(ev, Event::Start(_));
                    events.push(ev);
                }
                Event::TaskListMarker(done) => events.push(task_marker(done)),
                Event::SoftBreak => {
                    let written = self.soft_break(in_term, events.last(), source.peek());
                    events.extend(written.into_iter().flatten());
                }
                Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                    count += 1;
                    let kept = (&mut *blocks, &mut *fences);
                    in_fence = !self.fence(&info, &mut source, count - 1, md, kept, &mut events);
                }
                ev @ (Event::End(TagEnd::CodeBlock) | Event::Text(_)) if in_fence => {
                    in_fence = self.plain_fence(ev, &mut events);
                }
                other => events.push(other),
            }
            if html_block_ends {
                found.html_block(&events);
            }
        }
        events
    }

    /// Writes an event of a fenced block's code left plain (its text escaped, its end
    /// closing the block's `<code>` and `<pre>`); gives whether the block goes on.
    fn plain_fence<'e>(&self, event: Event<'e>, events: &mut Vec<Event<'e>>) -> bool {
        if let Event::Text(code) = event {
            let code = fence_code(&code, self.markup.highlight.code_fences);
            events.push(Event::Html(code.into()));
            return true;
        }
        events.push(Event::Html(CowStr::Borrowed("</code></pre>\n")));
        false
    }

    /// What a soft line break between `before` and `after` is written as: in a definition
    /// list's term (`in_term`), the end of the term and the start of another (Goldmark
    /// gives each line its own `<dt>`); a hard one with `hardWraps`; nothing where the CJK
    /// extension joins the lines ([`cjk`]).
    fn soft_break<'e>(
        &self,
        in_term: bool,
        before: Option<&Event>,
        after: Option<&Event>,
    ) -> [Option<Event<'e>>; 2] {
        if in_term {
            return [
                Some(Event::End(TagEnd::DefinitionListTitle)),
                Some(Event::Start(Tag::DefinitionListTitle)),
            ];
        }
        if self.markup.hard_wraps {
            return [Some(Event::HardBreak), None];
        }
        let joined =
            self.markup.extensions.cjk.line_breaks && !cjk::keeps_soft_break(before, after);
        [(!joined).then_some(Event::SoftBreak), None]
    }

    /// Writes a fenced code block: all of it (its events taken from `source`) when it is
    /// one piece of HTML, a render hook's (`render-codeblock-LANG.html`) or highlighted as
    /// Hugo highlights it (`render/highlight`), else (Hugo leaves it plain: code fences
    /// are off, or Chroma does not know its language) its start only, the code's events
    /// to follow. That HTML is kept out of the sanitiser's way (it would drop the colours'
    /// `style`s): a marker now, the block after. When the site has a code block hook, the
    /// marker's HTML is left to [`hooks::run`] (a [`hooks::PendingFence`] in `fences`),
    /// which runs the hooks in the order Goldmark renders the elements (review 63c, r4).
    /// `ordinal` counts the page's fenced blocks from 0. Gives whether the whole block was
    /// written.
    fn fence<'e>(
        &self,
        info: &str,
        source: &mut impl Iterator<Item = Event<'e>>,
        ordinal: usize,
        md: &str,
        (blocks, fences): (&mut Vec<String>, &mut Vec<hooks::PendingFence>),
        events: &mut Vec<Event<'e>>,
    ) -> bool {
        let code_fences = self.markup.highlight.code_fences;
        let block = CodeBlock::parse(info, self.markup.highlight, ordinal);
        let highlighted = code_fences && block.highlighted();
        let hooked = self.hooks.filter(|h| h.has(hooks::HookKind::CodeBlock));
        if !highlighted && hooked.is_none() {
            events.push(Event::Html(fence_start(info, code_fences)));
            return false;
        }
        let code = code_of(source);
        // The hook's context, when the site has a code block hook.
        let hook = hooked.map(|_| hooks::Hook {
            lang: block.lang.clone(),
            // Hugo's `.Inner` is the code without its last line break (`text.Chomp`).
            inner: code.trim_end_matches(['\r', '\n']).to_string(),
            attributes: block.hook_attributes.clone(),
            options: block.written_options.clone(),
            ordinal,
            ..hooks::Hook::new(hooks::HookKind::CodeBlock)
        });
        let hook = match hook {
            Some(hook) if !md.contains(MARK_OPEN) => {
                // Its HTML when no hook writes it: highlighted, or as Goldmark writes it.
                let plain = (!highlighted).then(|| {
                    let mut html = fence_start(info, code_fences).into_string();
                    html.push_str(&fence_code(&code, code_fences));
                    html.push_str("</code></pre>\n");
                    html
                });
                let marked = mark(md, String::new(), blocks);
                events.push(Event::Html(CowStr::from(marked.clone())));
                fences.push(hooks::PendingFence {
                    slot: blocks.len() - 1,
                    marked,
                    hook,
                    fallback: Box::new(move || plain.unwrap_or_else(|| block.render(&code))),
                });
                return true;
            }
            hook => hook,
        };
        let from_hook = hooked
            .zip(hook.as_ref())
            .and_then(|(h, hook)| h.render(hook).map(|html| hooks::pointed(html, hook, self)));
        let html = match from_hook {
            Some(html) => html,
            None if highlighted => block.render(&code),
            None => {
                events.push(Event::Html(fence_start(info, code_fences)));
                events.push(Event::Html(fence_code(&code, code_fences).into()));
                events.push(Event::Html(CowStr::Borrowed("</code></pre>\n")));
                return true;
            }
        };
        events.push(Event::Html(mark(md, html, blocks).into()));
        true
    }

    /// Hugo's `markdownify` (without shortcodes): rendered, without the `<p>` around a
    /// single paragraph.
    pub fn markdownify(&self, md: &str) -> String {
        trim_single_paragraph(self.render(md))
    }

    /// Every destination of `events`, linkify's too, as Goldmark (or Hugo's render hooks)
    /// write it ([`Self::destination`]).
    fn destinations(&self, events: &mut [Event<'_>]) {
        for ev in events.iter_mut() {
            let (dest_url, image) = match ev {
                // An email autolink's address (written `mailto:` by the writer) names no
                // file (review 59d: the export said the site did not have it).
                Event::Start(Tag::Link {
                    link_type: LinkType::Email,
                    ..
                }) => continue,
                Event::Start(Tag::Link { dest_url, .. }) => (dest_url, false),
                Event::Start(Tag::Image { dest_url, .. }) => (dest_url, true),
                _ => continue,
            };
            let url = std::mem::replace(dest_url, CowStr::Borrowed(""));
            *dest_url = self.destination(url, image);
        }
    }

    /// A link or image destination as Hugo writes it, then rewritten for where the HTML goes
    /// (the export's `assets/`, the preview's `folio:` files).
    fn destination<'s>(&self, url: CowStr<'s>, image: bool) -> CowStr<'s> {
        let (hooked, kind) = if image {
            (self.markup.image_hook, hooks::HookKind::Image)
        } else {
            (self.markup.link_hook, hooks::HookKind::Link)
        };
        // Hugo's embedded hooks point a destination that names one of the site's pages or
        // files at it.
        if hooked && !is_absolute(&url) {
            if let Some(found) = self
                .hooks
                .filter(|h| !h.has(kind))
                .and_then(|h| h.embedded_destination(&url, image))
            {
                // Then pointed as any is (the export's copy of the file, its own page),
                // here or with the whole output of the call that rendered this text.
                let pointed = self
                    .hook_urls
                    .and_then(|urls| urls.point_url(&found, image));
                return CowStr::from(pointed.unwrap_or(found));
            }
        }
        let url = if hooked {
            template_url(url)
        } else if !self.markup.unsafe_html && is_dangerous_url(&url) {
            CowStr::Borrowed("")
        } else if url.contains('^') {
            // Goldmark escapes `^`; pulldown-cmark's writer leaves it.
            CowStr::from(url.replace('^', "%5E"))
        } else {
            url
        };
        // The site's own hook gets the destination as written, and what it writes is
        // pointed at the files afterwards (`hooks::pointed`): looking for the file here
        // would miss one the hook finds elsewhere, and say so.
        if self.hooks.is_some_and(|h| h.has(kind)) {
            return url;
        }
        // A call's output fills it later, and is pointed then.
        if super::placeholders::starts_with_placeholder(&url) {
            return url;
        }
        match self.rewrite_url.and_then(|f| f(&url, image)) {
            Some(new) => CowStr::from(new),
            None => url,
        }
    }
}

/// Goldmark's "potentially dangerous" destinations, written as `""` unless raw HTML is
/// allowed: `javascript:`, `vbscript:`, `file:` and `data:` (but for raster and SVG images).
/// A link's destination as Hugo gives it to a hook and Goldmark writes it: an email
/// autolink's (`<me@example.org>`, whose destination pulldown-cmark gives as the address)
/// with `mailto:` before it (Goldmark's `renderAutoLink`), any other as it is.
pub(super) fn link_destination(link_type: LinkType, dest: &str) -> std::borrow::Cow<'_, str> {
    if link_type == LinkType::Email && !dest.starts_with("mailto:") {
        std::borrow::Cow::Owned(format!("mailto:{dest}"))
    } else {
        std::borrow::Cow::Borrowed(dest)
    }
}

/// Whether `url` is absolute (`https:`, `mailto:`, `//host`): what Hugo's embedded link
/// hook leaves as written (`urls.Parse`'s `IsAbs`, and a host).
fn is_absolute(url: &str) -> bool {
    url.starts_with("//")
        || url
            .split(['/', '?', '#'])
            .next()
            .is_some_and(|first| first.contains(':'))
}

fn is_dangerous_url(url: &str) -> bool {
    let starts = |s: &str, p: &str| {
        s.as_bytes()
            .get(..p.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(p.as_bytes()))
    };
    if starts(url, "data:image/") {
        let kind = url.get("data:image/".len()..).unwrap_or_default();
        return !["png;", "gif;", "jpeg;", "webp;", "svg+xml;"]
            .iter()
            .any(|k| starts(kind, k));
    }
    ["javascript:", "vbscript:", "file:", "data:"]
        .iter()
        .any(|p| starts(url, p))
}

/// A destination written through Hugo's embedded render hooks: Go's `url.Parse` then
/// `html/template`, which turns a scheme other than http, https or mailto into
/// `#ZgotmplZ`, lower-cases the scheme, and percent-encodes what it does not keep (quotes,
/// parentheses, spaces, non-ASCII).
fn template_url(url: CowStr<'_>) -> CowStr<'_> {
    let scheme = text::split_scheme(&url).map(|(s, _)| s);
    if let Some(s) = scheme {
        if !["http", "https", "mailto"].contains(&s.to_ascii_lowercase().as_str()) {
            return CowStr::Borrowed("#ZgotmplZ");
        }
    }
    let scheme_end = scheme.map(str::len);
    let lower_scheme = scheme.is_none_or(|s| !s.bytes().any(|b| b.is_ascii_uppercase()));
    let keep = |b: u8| b.is_ascii_alphanumeric() || b"!#$&*+,/:;=?@[]-._~%".contains(&b);
    if url.bytes().all(keep) && lower_scheme {
        return url;
    }
    let mut out = String::with_capacity(url.len() + 16);
    for (i, b) in url.bytes().enumerate() {
        if scheme_end.is_some_and(|end| i < end) {
            out.push(b.to_ascii_lowercase() as char);
        } else if keep(b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    CowStr::from(out)
}

/// Goldmark reads a definition line only with its colon at the start of the line and a
/// space or tab after it (`: text`); pulldown-cmark also takes one indented by up to three
/// spaces, or with no space after the colon. Outside fenced code, such a line gets its colon
/// escaped so it stays paragraph text, as in Hugo (a table's delimiter row, `:--` under its
/// header, is left to the tables; a line of an HTML block, `:root {` in a `<style>`, is
/// HTML, which would keep the `\`).
fn indented_definitions(md: &str) -> std::borrow::Cow<'_, str> {
    let candidate = |prev: &str, line: &str| {
        let t = line.trim_start_matches(' ');
        let indent = line.len() - t.len();
        let Some(rest) = t.strip_prefix(':') else {
            return false;
        };
        let spaced = rest.starts_with([' ', '\t']);
        let delimiter = tables::starts_table(prev, line);
        indent <= 3 && (indent > 0 || !spaced) && (spaced || !delimiter)
    };
    let lines: Vec<&str> = md.split('\n').collect();
    let prev = |i: usize| {
        i.checked_sub(1)
            .and_then(|p| lines.get(p))
            .copied()
            .unwrap_or("")
    };
    let any = lines.iter().enumerate().any(|(i, l)| candidate(prev(i), l));
    if memchr::memchr(b':', md.as_bytes()).is_none() || !any {
        return std::borrow::Cow::Borrowed(md);
    }
    let html = html_blocks(md);
    // The blocks are in order, as the lines are: one walk through both.
    let mut blocks = html.iter().peekable();
    let mut out = String::with_capacity(md.len() + 8);
    let mut fences = Fences::default();
    let mut start = 0;
    for (i, line) in lines.iter().copied().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        while blocks.next_if(|r| r.end <= start).is_some() {}
        let in_html = blocks.peek().is_some_and(|r| r.contains(&start));
        start += line.len() + 1;
        let t = line.trim_start_matches(' ');
        if !fences.line(line) && !in_html && candidate(prev(i), line) {
            out.push_str(line.strip_suffix(t).unwrap_or_default());
            out.push('\\');
            out.push_str(t);
            continue;
        }
        out.push_str(line);
    }
    std::borrow::Cow::Owned(out)
}

/// The byte ranges of `md`'s HTML blocks (CommonMark's seven kinds), as pulldown-cmark
/// reads them with every extension on.
fn html_blocks(md: &str) -> Vec<std::ops::Range<usize>> {
    Parser::new_ext(md, options())
        .into_offset_iter()
        .filter(|(event, _)| matches!(event, Event::Start(Tag::HtmlBlock)))
        .map(|(_, range)| range)
        .collect()
}

/// Which lines of a document are fenced code, fed its lines in order (CommonMark: a fence
/// is three or more backticks or tildes indented less than four spaces, closed by a line
/// of the same character at least as long). The source passes that read lines before
/// pulldown-cmark does (definitions, tables, strikethrough, bare links) all ask this.
#[derive(Debug, Default)]
pub(crate) struct Fences {
    open: Option<(char, usize)>,
}

impl Fences {
    /// Whether `line` opens, closes or is inside fenced code.
    pub(crate) fn line(&mut self, line: &str) -> bool {
        let t = line.trim_start_matches(' ');
        let indent = line.len() - t.len();
        let marker = ['`', '~']
            .into_iter()
            .map(|c| (c, t.chars().take_while(|&x| x == c).count()))
            .find(|&(_, n)| n >= 3)
            .filter(|_| indent < 4);
        match (self.open, marker) {
            (Some((c, n)), Some((m, k))) if c == m && k >= n => self.open = None,
            (Some(_), _) => {}
            (None, Some(open)) => self.open = Some(open),
            (None, None) => return false,
        }
        true
    }
}

/// The paragraphs that hold one image and nothing else, each as the indices of its start
/// and its end (Goldmark's `wrapStandAloneImageWithinParagraph`, `parser/paragraph.go`).
fn standalone_images(events: &[Event<'_>]) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    for (k, ev) in events.iter().enumerate() {
        if !matches!(ev, Event::Start(Tag::Paragraph)) {
            continue;
        }
        if !matches!(events.get(k + 1), Some(Event::Start(Tag::Image { .. }))) {
            continue;
        }
        let Some(image_end) = events
            .get(k + 1..)
            .and_then(|rest| {
                rest.iter()
                    .position(|e| matches!(e, Event::End(TagEnd::Image)))
            })
            .map(|n| k + 1 + n)
        else {
            continue;
        };
        if matches!(
            events.get(image_end + 1),
            Some(Event::End(TagEnd::Paragraph))
        ) {
            found.push((k, image_end + 1));
        }
    }
    found
}

/// `events` without the paragraphs `standalone` names (their start and end): their
/// images are written alone.
fn unwrap(events: &mut [Event<'_>], standalone: &[(usize, usize)]) {
    for &(start, end) in standalone {
        for k in [start, end] {
            if let Some(ev) = events.get_mut(k) {
                *ev = Event::Text(CowStr::Borrowed(""));
            }
        }
    }
}

/// Whether Goldmark's parser ends the raw HTML block `html` on a line of its own after
/// its first (`ast.HTMLBlock.HasClosure`): a block of the kinds that end at a closing
/// text (CommonMark's 1, 3, 4 and 5: `<script>`, `<pre>`, `<style>`, `<textarea>`, `<?`,
/// `<!X`, `<![CDATA[`) whose first line does not hold it and a later one does. Comments
/// (kind 2) Hugo writes no marker for.
fn has_closure_line(html: &str) -> bool {
    let (first, rest) = html.split_once('\n').unwrap_or((html, ""));
    let lower = first.trim_start().to_ascii_lowercase();
    let tag = |name: &str| {
        lower
            .strip_prefix('<')
            .and_then(|r| r.strip_prefix(name))
            .is_some_and(|after| {
                after.is_empty() || after.starts_with(|c: char| c == '>' || c.is_ascii_whitespace())
            })
    };
    let end: &str = if let Some(name) = ["script", "pre", "style", "textarea"]
        .into_iter()
        .find(|n| tag(n))
    {
        match name {
            "script" => "</script>",
            "pre" => "</pre>",
            "style" => "</style>",
            _ => "</textarea>",
        }
    } else if lower.starts_with("<?") {
        "?>"
    } else if lower.starts_with("<![cdata[") {
        "]]>"
    } else if lower.starts_with("<!")
        && lower
            .chars()
            .nth(2)
            .is_some_and(|c| c.is_ascii_alphabetic())
    {
        ">"
    } else {
        return false;
    };
    // The opening itself does not end it (`<!X` ends at a `>` after the `<!`).
    let first_rest = lower.get(2..).unwrap_or_default();
    !first_rest.contains(end) && rest.to_ascii_lowercase().contains(end)
}

fn is_comment(html: &str) -> bool {
    html.trim_start().starts_with("<!--")
}

/// pulldown-cmark's events for `md`, text runs finished (links, the typographer) where
/// needed.
/// A blockquote's `> [!NOTE]` line stays text: Hugo reads alerts from the rendered
/// blockquote, for a render hook only (`hooks.rs`, `Hook::read_alert`).
fn parse<'m>(md: &'m str, markup: &Markup) -> Box<dyn Iterator<Item = Event<'m>> + 'm> {
    let extensions = markup.extensions;
    let parser = Parser::new_ext(md, options_for(markup));
    let escaped_spaces = extensions.cjk.escaped_space && md.contains("\\ ");
    let definitions = extensions.definition_list && md.contains("\n:");
    let finishing = extras::may_apply(md, extensions) || needs_finishing(md);
    if !(escaped_spaces || definitions || finishing) {
        return Box::new(parser);
    }
    type Offsets<'m> = Box<dyn Iterator<Item = (Event<'m>, std::ops::Range<usize>)> + 'm>;
    let mut offsets: Offsets<'m> = Box::new(parser.into_offset_iter());
    if escaped_spaces {
        offsets = Box::new(offsets.flat_map(move |e| cjk::without_escaped_spaces(md, e)));
    }
    if definitions {
        offsets = Box::new(tight_definitions(md, offsets));
    }
    finished(md, offsets, extensions)
}

/// A definition list's events with each definition Goldmark reads as tight (no blank line
/// before its `:` line) without its first paragraph's `<p>`: Goldmark decides it for each
/// definition (`<dd>One</dd>` then `<dd><p>Two</p></dd>` after a blank line; checked with
/// Hugo 0.168), pulldown-cmark for the whole list (review 64d, r2).
fn tight_definitions<'m>(
    md: &'m str,
    offsets: impl Iterator<Item = (Event<'m>, std::ops::Range<usize>)> + 'm,
) -> impl Iterator<Item = (Event<'m>, std::ops::Range<usize>)> + 'm {
    let after_blank_line = |at: usize| {
        let before = md.get(..at).unwrap_or_default();
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let above = before
            .get(..line_start.saturating_sub(1))
            .unwrap_or_default();
        line_start > 0
            && above
                .rsplit('\n')
                .next()
                .is_some_and(|l| l.trim().is_empty())
    };
    let (mut opened_tight, mut in_first) = (false, false);
    offsets.filter(move |(event, range)| match event {
        Event::Start(Tag::DefinitionListDefinition) => {
            opened_tight = !after_blank_line(range.start);
            true
        }
        Event::Start(Tag::Paragraph) if opened_tight => {
            (opened_tight, in_first) = (false, true);
            false
        }
        Event::End(TagEnd::Paragraph) if in_first => {
            in_first = false;
            false
        }
        _ => {
            opened_tight = false;
            true
        }
    })
}

/// [`parse`]'s events from the parser's `offsets`: extras tagged, text runs finished
/// where needed.
fn finished<'m>(
    md: &'m str,
    offsets: impl Iterator<Item = (Event<'m>, std::ops::Range<usize>)> + 'm,
    extensions: crate::site::Extensions,
) -> Box<dyn Iterator<Item = Event<'m>> + 'm> {
    let finish = needs_finishing(md);
    if extras::may_apply(md, extensions) {
        let tagged = extras::tag(md, offsets, extensions);
        return if finish {
            Box::new(super::typographer::finish(md, tagged.into_iter(), extensions).into_iter())
        } else {
            Box::new(tagged.into_iter().map(|(event, _)| event))
        };
    }
    if finish {
        Box::new(super::typographer::finish(md, offsets, extensions).into_iter())
    } else {
        Box::new(offsets.map(|(event, _)| event))
    }
}

/// `:name:` emoji codes in the text as their emoji, as Hugo's `enableEmoji` does with
/// Goldmark's emoji extension: not in code (indented, or fenced: the fence is HTML by
/// now), not in an autolink's text, and not in an image's description (Hugo's `alt`
/// leaves them out).
fn emoji_codes(events: &mut [Event<'_>]) {
    let (mut in_code, mut in_image, mut in_autolink) = (false, 0usize, false);
    for ev in events.iter_mut() {
        match ev {
            Event::Start(Tag::CodeBlock(_)) => in_code = true,
            Event::End(TagEnd::CodeBlock) => in_code = false,
            // A code block made HTML opens with its `<pre>` and closes with its `</pre>`,
            // its text between them; raw HTML (`<pre>x</pre>`, or a block of lines)
            // is HTML throughout, and closes what it opens.
            Event::Html(h) if h.contains("</pre>") => in_code = false,
            Event::Html(h) if h.starts_with("<pre") => in_code = true,
            Event::Start(Tag::Link {
                link_type: LinkType::Autolink | LinkType::Email,
                ..
            }) => in_autolink = true,
            Event::End(TagEnd::Link) => in_autolink = false,
            Event::Text(_) if in_autolink => {}
            Event::Start(Tag::Image { .. }) => in_image += 1,
            Event::End(TagEnd::Image) => in_image = in_image.saturating_sub(1),
            Event::Text(text) if !in_code && text.contains(':') => {
                let done =
                    crate::templates::engine::funcs::replace_emoji_codes(text, |out, e, name| {
                        if in_image == 0 {
                            entities::emoji(out, e.as_str(), name);
                        }
                    });
                *text = CowStr::from(done);
            }
            _ => {}
        }
    }
}

/// Whether text in `md` may need finishing: where a link (`://`, `www.`, `@`) or a
/// typographer's substitution (`<<`, `>>`, `'`, `"`, `--`, `...`) can be. This runs on
/// every Markdown text (each card's `markdownify` too): `memchr` finds the bytes a
/// finishing starts with, a few at a time, faster than a look at every byte.
fn needs_finishing(md: &str) -> bool {
    let b = md.as_bytes();
    if memchr::memchr3(b'@', b'\'', b'"', b).is_some() {
        return true;
    }
    let doubled = memchr::memchr3_iter(b'<', b'>', b'-', b)
        .any(|i| b.get(i + 1).is_some_and(|&next| Some(&next) == b.get(i)));
    doubled
        || memchr::memchr3_iter(b':', b'w', b'.', b).any(|i| {
            let rest = b.get(i..).unwrap_or_default();
            rest.starts_with(b"://") || rest.starts_with(b"www.") || rest.starts_with(b"...")
        })
}

/// How Hugo opens a fenced code block it does not highlight (`hugo`: code fences are on):
/// a focusable `<pre>` (it may scroll), and the info string's first word as the language
/// (`<pre tabindex="0"><code class="language-x" data-lang="x">`). Languages Chroma knows
/// are highlighted (`render/highlight`). With `markup.highlight.codeFences` off it is
/// Goldmark's own `<pre><code class="language-x">`.
fn fence_start(info: &str, hugo: bool) -> CowStr<'static> {
    let first = info.split_whitespace().next().unwrap_or_default();
    let lang = first.split('{').next().unwrap_or_default();
    if hugo {
        return CowStr::from(highlight::pre_start(lang, ""));
    }
    if lang.is_empty() {
        return CowStr::Borrowed("<pre><code>");
    }
    let escaped = text::html_escape(lang);
    CowStr::from(format!("<pre><code class=\"language-{escaped}\">"))
}

/// The code of a fenced block that is not coloured, escaped as the one who writes it
/// escapes it: Hugo's highlighter (`hugo`: code fences on) as Go's `html.EscapeString`
/// (`&#34;`, `&#39;`), else Goldmark (`&quot;`, an apostrophe as it is).
fn fence_code(code: &str, hugo: bool) -> String {
    if hugo {
        text::html_escape(code)
    } else {
        html_escape::encode_double_quoted_attribute(code).into_owned()
    }
}

/// The code of a fenced block whose start was read: its text events, up to its end.
fn code_of<'e>(source: &mut impl Iterator<Item = Event<'e>>) -> String {
    let mut code = String::new();
    for ev in source {
        match ev {
            Event::Text(t) => code.push_str(&t),
            Event::End(TagEnd::CodeBlock) => break,
            _ => {}
        }
    }
    code
}

/// What stands for a highlighted block until the page's HTML is sanitised: characters of
/// Unicode's private use area around [`mark_key`] and its number, or the block itself when
/// the Markdown holds such characters already.
fn mark(md: &str, html: String, blocks: &mut Vec<String>) -> String {
    if md.contains(MARK_OPEN) {
        return html;
    }
    blocks.push(html);
    format!(
        "{MARK_OPEN}{}{}{MARK_CLOSE}",
        mark_key(),
        mark_digits(blocks.len() - 1)
    )
}

/// [`mark`] for the HTML a hook writes in place of a block (a heading, a blockquote),
/// written as it is, as Goldmark writes it: the mark ends in a newline, so that the
/// writer puts none of its own before the next block, and [`put_back`] takes that newline
/// away again (Hugo writes `<h2>A</h2><p>b</p>` for a hook without a final newline and
/// one newline between them for a hook with it; checked with Hugo 0.168, hunt AN, 5).
fn mark_block(md: &str, html: String, blocks: &mut Vec<String>) -> String {
    if md.contains(MARK_OPEN) {
        return html;
    }
    let mut marked = mark(md, html + &String::from(ONE_LINE), blocks);
    marked.push('\n');
    marked
}

/// The end of a [`mark_block`]'s block: the newline after its mark is not written.
const ONE_LINE: char = '\u{E002}';

/// `n` in hexadecimal written with characters of the private use area (`U+E010` is 0):
/// no letter or digit, so a mark inside a heading adds nothing to its id.
fn mark_digits(mut n: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(char::from_u32(0xE010 + (n % 16) as u32).unwrap_or(MARK_OPEN));
        n /= 16;
        if n == 0 {
            break;
        }
    }
    out.into_iter().rev().collect()
}

/// The number [`mark_digits`] wrote.
fn read_mark_digits(digits: &str) -> Option<usize> {
    digits.chars().try_fold(0usize, |n, c| {
        let d = (c as u32).checked_sub(0xE010).filter(|d| *d < 16)?;
        n.checked_mul(16)?.checked_add(d as usize)
    })
}

/// `text` without the [`mark`]s in it.
fn without_marks(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains(MARK_OPEN) {
        return text.into();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find(MARK_OPEN) {
        out.push_str(rest.get(..start).unwrap_or_default());
        let after = rest.get(start..).unwrap_or_default();
        rest = match after.find(MARK_CLOSE) {
            Some(end) => after.get(end + MARK_CLOSE.len_utf8()..).unwrap_or_default(),
            None => after.get(MARK_OPEN.len_utf8()..).unwrap_or_default(),
        };
    }
    out.push_str(rest);
    out.into()
}

/// The ends of a [`mark`].
const MARK_OPEN: char = '\u{E000}';
const MARK_CLOSE: char = '\u{E001}';

/// What makes a [`mark`] Folio's: 64 random bits drawn once per process ([`mark_digits`])
/// and never written out, so a page that writes the mark's characters itself
/// (`&#xE000;0&#xE001;` in an attribute, which the parser and the sanitiser decode) gets
/// no block put back there.
pub(super) fn mark_key() -> &'static str {
    static KEY: OnceLock<String> = OnceLock::new();
    KEY.get_or_init(|| {
        use std::hash::{BuildHasher, Hasher};
        // `RandomState` is seeded from the system's randomness.
        let mut h = std::hash::RandomState::new().build_hasher();
        h.write_u32(std::process::id());
        let key = h.finish();
        (0..16)
            .map(|i| char::from_u32(0xE010 + ((key >> (4 * i)) & 0xF) as u32).unwrap_or(MARK_OPEN))
            .collect()
    })
}

/// `html` with each [`mark`] replaced by its block; a passthrough block (`placed`) is
/// written without the paragraph the parser put around it, and one inside a paragraph's
/// text splits the paragraph (not a list item's, a heading's or a cell's text), as
/// Goldmark writes them. One pass.
fn put_back(
    html: String,
    blocks: &[String],
    placed: Option<&std::collections::HashMap<usize, passthrough::Placement>>,
) -> String {
    use passthrough::Placement;
    if blocks.is_empty() || !html.contains(MARK_OPEN) {
        return html;
    }
    let mut out = String::with_capacity(html.len() + blocks.iter().map(String::len).sum::<usize>());
    let mut rest = html.as_str();
    let mut in_paragraph = false;
    while let Some(start) = rest.find(MARK_OPEN) {
        let (before, from) = rest.split_at(start);
        out.push_str(before);
        if placed.is_some() {
            in_paragraph = passthrough::opens_a_paragraph(before).unwrap_or(in_paragraph);
        }
        let body = from.get(MARK_OPEN.len_utf8()..).unwrap_or_default();
        let block = body.find(MARK_CLOSE).and_then(|end| {
            let number = read_mark_digits(body.get(..end)?.strip_prefix(mark_key())?)?;
            Some((
                number,
                blocks.get(number)?,
                body.get(end + MARK_CLOSE.len_utf8()..)?,
            ))
        });
        let Some((number, block, after)) = block else {
            out.push(MARK_OPEN);
            rest = body;
            continue;
        };
        rest = after;
        match placed.and_then(|p| p.get(&number)) {
            Some(Placement::Block) if out.ends_with("<p>") && after.starts_with("</p>\n") => {
                out.truncate(out.len() - "<p>".len());
                out.push_str(block);
                rest = after.get("</p>\n".len()..).unwrap_or_default();
                in_paragraph = false;
            }
            Some(Placement::Split) if in_paragraph => {
                out.push_str("</p>\n");
                out.push_str(block);
                out.push_str("<p>");
            }
            _ => match block.strip_suffix(ONE_LINE) {
                Some(block) => {
                    out.push_str(block);
                    rest = rest.strip_prefix('\n').unwrap_or(rest);
                }
                None => out.push_str(block),
            },
        }
    }
    out.push_str(rest);
    out
}

/// Goldmark's task-list checkbox, with an accessible name.
fn task_marker(done: bool) -> Event<'static> {
    Event::InlineHtml(CowStr::Borrowed(if done {
        "<input checked=\"\" disabled=\"\" type=\"checkbox\" aria-label=\"Done\"> "
    } else {
        "<input disabled=\"\" type=\"checkbox\" aria-label=\"To do\"> "
    }))
}

/// What `markdownify` and `.RenderString` do after rendering (Hugo's `TrimShortHTML`,
/// `helpers/content.go`): output with exactly one `<p>` loses its surrounding white space,
/// and that paragraph's tags too when they wrap it all. Output with no paragraph, or with
/// more, is left as it is.
pub fn trim_single_paragraph(html: String) -> String {
    if html.matches("<p>").count() != 1 {
        return html;
    }
    let trimmed = html.trim();
    match trimmed
        .strip_prefix("<p>")
        .and_then(|t| t.strip_suffix("</p>"))
    {
        Some(inner) => inner.trim().to_string(),
        None => trimmed.to_string(),
    }
}

/// Whether `output` begins with HTML that starts a block even in the middle of a
/// paragraph (CommonMark 4.6, kinds 1 to 6: `<div`, `<section`, `<!--`…; a lone tag of
/// kind 7 does not), as pulldown-cmark reads it after a line of text.
pub(crate) fn interrupts_paragraph(output: &str) -> bool {
    use pulldown_cmark::{Event, Parser, Tag};
    const BEFORE: &str = "x\n";
    let text = format!("{BEFORE}{}", output.trim_start_matches([' ', '\t']));
    Parser::new(&text)
        .into_offset_iter()
        .any(|(e, at)| matches!(e, Event::Start(Tag::HtmlBlock)) && at.start == BEFORE.len())
}
