//! Rendering a page as Hugo shows it: the Markdown through [`markdown`] (Goldmark's
//! defaults), shortcodes with Hugo's semantics, `project-card` with the markup and class
//! names of the sample site's template, and Font Awesome icons as inline SVG.
//!
//! Hugo's pipeline, followed here: `{{< >}}` shortcodes are rendered first and stand in the
//! Markdown as placeholders, merged back after rendering (a `<p>` holding only a placeholder
//! is dropped); `{{% %}}` shortcodes' output is part of the Markdown. A shortcode's `.Inner`
//! has its nested shortcodes already rendered.

pub mod abs_urls;
pub mod baseof;
mod builtins;
mod entities;
pub mod highlight;
pub(crate) mod linkify;
pub mod markdown;
mod nested_anchors;
mod placeholders;
mod shortcodes;
mod substitutions;
mod templates;

pub(crate) use builtins::{ref_args, reference_param};
pub(crate) use templates::has_raw_html;
mod typographer;

use std::collections::BTreeSet;
use std::ops::Range;

use serde_json::{Map, Value as Json};

pub use markdown::Markdown;
pub use substitutions::Typography;

use crate::icons::Icon;
use crate::page::tree::{Escape, Shortcodes};
use crate::page::{Notation, Page};
pub use placeholders::Html;
use placeholders::{anchor_token, merge_placeholders, placeholder};
pub use templates::HOOK_CALLER;

/// Text with its shortcodes: a page body, or text handed to `markdownify`.
#[derive(Clone, Copy)]
struct Source<'a> {
    text: &'a str,
    shortcodes: &'a Shortcodes,
    escapes: &'a [Escape],
    body_start: usize,
    /// Where the page's summary divider is: its body's first `<!--more-->` (Hugo's page
    /// lexer takes only the first, wherever it is, `parser/pageparser/pagelexer.go`; later
    /// ones are text); none in text handed to `markdownify`.
    divider: Option<usize>,
    /// The site's shortcodes: how shortcodes in re-parsed text pair.
    catalogue: &'a crate::templates::Catalogue,
    /// In the preview, the anchor names of the page's nested calls, by call
    /// ([`nested_anchors::names`]); `None` for text handed to `markdownify`.
    nested: Option<&'a std::collections::HashMap<usize, String>>,
    /// Where each line of `text` starts, once a template asks for a `.Position`: built
    /// once for the text, whichever thread of a [`templates::Pool`] asks first (a page of
    /// 1000 calls holds 25,000 lines).
    line_starts: &'a std::sync::OnceLock<Vec<usize>>,
}

/// How deep `markdownify` may find shortcodes in shortcode output before it stops looking.
const MAX_REPARSE: usize = 8;

/// What rendering needs besides the page.
#[derive(Clone)]
pub struct RenderOptions<'a> {
    /// The site's Markdown settings (`Site::markup`).
    pub markup: crate::site::Markup,
    /// The site's `[params]`, for `{{< param >}}`.
    pub site_params: &'a Map<String, Json>,
    /// Rewrites image/link URLs (`(url, is_image) -> new url`).
    pub rewrite_url: Option<RewriteUrlFn>,
    /// The URL the document reaches a local file by (a template's resource: an `assets/`
    /// or page bundle file); `None` leaves resources at the URL Hugo publishes them at.
    pub publish: Option<PublishFn>,
    /// Put an anchor `#folio-block-ID` before each block (the preview scrolls to them),
    /// with each block's id given by position (the session's block ids); a block the list
    /// does not reach (all of them, with an empty list) is named by its position. `None`:
    /// no anchors.
    pub anchors: Option<&'a [usize]>,
    /// Render only these blocks (the preview of a very long page shows the part being
    /// edited), with a note of how many are left out before and after.
    pub window: Option<Range<usize>>,
    /// Cards rendered before, reused when their source is unchanged (the app re-renders on
    /// every keystroke, usually with one card changed).
    pub cache: Option<&'a CardCache>,
    /// Show the editor's marks: an unknown icon name as a labelled, dashed chip. Off for
    /// the export, which renders what Hugo renders (an empty icon element).
    pub marks: bool,
    /// What the site's templates see of the site and the page (`.Site`, the page's URL);
    /// `None`: a site with nothing configured. Shared with the Markdown host, which renders
    /// the text a template hands it with the same context.
    pub hugo: Option<std::sync::Arc<crate::templates::engine::HugoContext>>,
    /// How many threads render a long page's calls ([`templates::Pool`]); `None`:
    /// `FOLIO_THREADS`, else the machine's cores (at most 8).
    pub threads: Option<usize>,
}

/// A URL rewriter (`(url, is_image) -> new url`), shared with the renders the site's
/// templates start (`markdownify`) and with the threads that render a long page's calls
/// ahead: it must give the same answer to the same question whatever the order in which
/// the questions come.
pub type RewriteUrlFn = std::sync::Arc<dyn Fn(&str, bool) -> Option<String> + Send + Sync>;

/// A URL rewriter as [`Markdown`] takes it.
fn unsend(
    f: &(dyn Fn(&str, bool) -> Option<String> + Send + Sync),
) -> &dyn Fn(&str, bool) -> Option<String> {
    f
}

/// Where a local file is reached from the document (`path -> url`); like
/// [`RewriteUrlFn`], the same answer whatever the order of the questions.
pub type PublishFn = std::sync::Arc<dyn Fn(&std::path::Path) -> Option<String> + Send + Sync>;

/// Rendered cards by their source text and the site's markup settings (raw HTML, link and
/// image render hooks: the three flags of [`crate::site::Markup`]). Only self-contained
/// cards (no nested shortcodes, no URL rewriting) are kept, so their output depends on
/// nothing else.
#[derive(Default)]
pub struct CardCache {
    entries: std::sync::Mutex<std::collections::HashMap<String, (String, Vec<Icon>)>>,
}

impl CardCache {
    /// Most cards a cache holds before it starts over (a long session must not grow it
    /// without bound; a 1000-card page fits).
    const MAX: usize = 4096;

    fn get(&self, key: &str) -> Option<(String, Vec<Icon>)> {
        self.entries.lock().ok()?.get(key).cloned()
    }

    fn put(&self, key: String, value: (String, Vec<Icon>)) {
        if let Ok(mut map) = self.entries.lock() {
            if map.len() >= Self::MAX {
                map.clear();
            }
            map.insert(key, value);
        }
    }
}

/// A rendered page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    /// The page title from its front matter.
    pub title: String,
    /// The content, as Hugo's `.Content`, in pieces.
    pub html: Html,
    /// Font Awesome icons drawn, for the SVG sprite.
    pub icons: BTreeSet<Icon>,
    /// What the render found to say of the page's calls.
    pub findings: Findings,
    /// Whether the calls were first rendered on several threads, then again in Hugo's
    /// order on one (a template keeps state from call to call): URL hooks that record what they
    /// are asked ([`RenderOptions::publish`]) were also asked by the dropped attempt.
    pub rendered_again: bool,
    /// How many threads rendered the page's calls: 1 when the walk rendered them all.
    pub threads: usize,
}

/// What a render found to say of the page's calls, apart from its HTML: what `folio
/// check` says of them, and of an export without rendering the page a second time
/// (`check::check_doc`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Findings {
    /// Shortcodes whose site template could not run (shown as Folio's card instead): the
    /// call's byte offset in the page, and why.
    pub template_problems: Vec<(usize, crate::templates::engine::Problem)>,
    /// What Hugo will do that the author may not expect (`{{% %}}` HTML dropped, a body
    /// read as code), with the fix, and code a template highlighted: the call's byte
    /// offset, and what.
    pub surprises: Vec<(usize, Surprise)>,
}

/// One thing [`Findings::surprises`] holds of a call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Surprise {
    /// What Hugo will do that the author may not expect, with the fix (the preview shows
    /// it above the call's output too).
    Hugo(String),
    /// The language of code a template of the call highlighted (`transform.Highlight`,
    /// `transform.HighlightCodeBlock`), which `folio check` says Folio may colour otherwise
    /// ([`highlight::colour_difference`]).
    Highlighted(String),
}

/// The blocks a render shows: (the window, clamped to the page, when there is one; the
/// byte range they cover; their positions).
fn shown_blocks(
    page: &Page,
    window: Option<Range<usize>>,
) -> (Option<Range<usize>>, Range<usize>, Range<usize>) {
    let blocks = page.blocks();
    let window = window
        .map(|w| w.start.min(blocks.len())..w.end.min(blocks.len()))
        .filter(|w| !w.is_empty());
    let ends = window
        .as_ref()
        .and_then(|w| Some((blocks.get(w.start)?, blocks.get(w.end.checked_sub(1)?)?)));
    match (&window, ends) {
        (Some(w), Some((first, last))) => {
            let range = page.block_range(first).start..page.block_range(last).end;
            (window.clone(), range, w.clone())
        }
        _ => (
            None,
            page.body_start()..page.source().len(),
            0..blocks.len(),
        ),
    }
}

/// The page's front matter as Hugo reads it, with what cascades hand down to it (its
/// own, for `{{< param >}}` too).
fn page_front(page: &Page, opts: &RenderOptions) -> Map<String, Json> {
    let front = match page.front_matter().map(|(_, d)| d.to_hugo_json()) {
        Some(Json::Object(m)) => m,
        _ => Map::new(),
    };
    match opts.hugo.as_deref() {
        Some(hugo) if !hugo.cascade.is_empty() => {
            crate::site::cascade::apply(&front, &hugo.cascade)
        }
        _ => front,
    }
}

/// Renders the page's content.
pub fn render_page(page: &Page, opts: &RenderOptions) -> Rendered {
    let front = page_front(page, opts);
    let title = front.get("title").and_then(Json::as_str);
    let title = title.unwrap_or_default().to_string();
    let blocks = page.blocks();
    let (window, range, shown) = shown_blocks(page, opts.window.clone());
    let anchors: Vec<(usize, usize)> = if opts.anchors.is_some() {
        shown
            .clone()
            .filter_map(|k| Some((page.block_range(blocks.get(k)?).start, k)))
            .collect()
    } else {
        Vec::new()
    };
    let nested = match opts.anchors {
        Some(ids) => nested_anchors::names(page, shown.clone(), ids),
        None => std::collections::HashMap::new(),
    };
    let src = Source {
        text: page.source(),
        shortcodes: page.shortcodes(),
        escapes: page.escapes(),
        body_start: range.start,
        divider: divider_of(page),
        catalogue: page.catalogue(),
        nested: Some(&nested).filter(|n| !n.is_empty()),
        line_starts: &std::sync::OnceLock::new(),
    };
    let (html, r, threads, rendered_again) = body(page, opts, &front, src, &anchors, range);
    let mut html = with_toc(
        html,
        page,
        opts,
        (&r.percent_outputs, r.angle_outputs.as_ref()),
    );
    if let Some(path) = opts.hugo.as_ref().and_then(|h| h.abs_url_path.as_deref()) {
        html = Html::from(abs_urls::abs_urls(&html.into_string(), path));
    }
    if window.is_some() {
        html = html.between(
            elided(shown.start, "before"),
            elided(blocks.len() - shown.end, "after"),
        );
    }
    Rendered {
        title,
        html,
        icons: r.icons,
        findings: Findings {
            template_problems: r.template_problems,
            surprises: r.surprises,
        },
        rendered_again,
        threads,
    }
}

/// `html` with the page's table of contents where a call printed its `.TableOfContents`
/// ([`placeholders::TOC`]), made only then: of the whole page, however much of it the
/// preview's window renders, with the outputs of its calls the render made (`outputs`:
/// its `{{% %}}` calls', and its `{{< >}}` calls' when kept, by call index).
fn with_toc(
    html: Html,
    page: &Page,
    opts: &RenderOptions,
    outputs: (
        &std::collections::HashMap<usize, String>,
        Option<&std::collections::HashMap<usize, String>>,
    ),
) -> Html {
    static TOC: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new(placeholders::TOC));
    if !html
        .pieces()
        .iter()
        .any(|p| TOC.find(p.as_bytes()).is_some())
    {
        return html;
    }
    let toc = templates::page_toc(
        opts,
        page.catalogue(),
        (page.source(), page.body_start()),
        page.shortcodes(),
        outputs,
    );
    placeholders::put_toc(html, toc.as_deref().unwrap_or_default())
}

/// The page's body from `range` rendered: by the walk alone, or with a pool of threads for
/// a long page's calls ([`templates::Pool`]) when it has one and its results stand. Gives
/// the HTML, the renderer with what it gathered (icons, problems, surprises), how many
/// threads rendered the calls, and whether the pool's results were dropped for the walk's.
fn body<'a>(
    page: &'a Page,
    opts: &'a RenderOptions<'a>,
    front: &'a Map<String, Json>,
    src: Source<'a>,
    anchors: &[(usize, usize)],
    range: Range<usize>,
) -> (Html, Renderer<'a>, usize, bool) {
    let top: Vec<usize> = page
        .shortcodes()
        .top
        .iter()
        .copied()
        .filter(|&i| {
            let sc = page.shortcodes().all.get(i);
            sc.is_some_and(|sc| sc.span.start >= range.start && sc.span.end <= range.end)
        })
        .collect();
    let threads = || opts.threads.unwrap_or_else(templates::threads);
    let pool = templates::Pool::for_page(src, page.catalogue(), &top, threads);
    if let Some(pool) = &pool {
        let mut r = Renderer::new(src, opts, front);
        r.anchors = anchors.to_vec();
        let (html, icons) = pool.run(page, opts, front, |finish| {
            r.content_with(range.clone(), &top, Some(pool), finish)
        });
        if let Some(html) = html {
            r.icons.extend(icons);
            return (html, r, pool.threads(), false);
        }
    }
    let mut r = Renderer::new(src, opts, front);
    r.anchors = anchors.to_vec();
    let (html, icons) =
        templates::with_templates(page, opts, front, || r.content(range.clone(), &top));
    r.icons.extend(icons);
    (html, r, 1, pool.is_some())
}

/// A call's problems and surprises, each with the byte it is at.
type CallLists = (
    Vec<(usize, crate::templates::engine::Problem)>,
    Vec<(usize, Surprise)>,
);

struct Renderer<'a> {
    src: Source<'a>,
    opts: &'a RenderOptions<'a>,
    front: &'a Map<String, Json>,
    icons: BTreeSet<Icon>,
    /// (start offset, block number) of the blocks to anchor, in order; consumed in order.
    anchors: Vec<(usize, usize)>,
    next_anchor: usize,
    /// How many `markdownify` re-parses this renderer is inside.
    depth: usize,
    /// Added to the ids of this text's calls: 0 for the page's text, a fresh one for each
    /// text re-parsed (two `.RenderString`s of their own bodies hold calls apart, and
    /// each call's `.Scratch` is its own, as in Hugo).
    id_base: i64,
    /// Icon markup already built: by its class (which names the icon) for Folio's card,
    /// by the element as written for a template's (`<span class="fab fa-x"></span>`).
    icon_html: rustc_hash::FxHashMap<String, String>,
    /// Calls whose site template could not run, by the call's offset in `src.text`.
    template_problems: Vec<(usize, crate::templates::engine::Problem)>,
    /// What Hugo will do that the author may not expect, by the call's offset.
    surprises: Vec<(usize, Surprise)>,
    /// Preview notes for a `{{% %}}` call, placed before its output.
    pending_notes: Vec<String>,
    /// How each template (by shortcode name) gives its body to Markdown, if it does.
    inner_markdown: std::collections::HashMap<String, Option<templates::InnerRead>>,
    /// Image URLs this render already pointed at their files (a nested call's, met again
    /// in its container's output).
    pointed: std::collections::HashSet<String>,
    /// The calls shown as Folio's card because their template could not run: a
    /// `{{% %}}` one's card stays out of the page's Markdown, which may omit raw HTML.
    fell_back: std::collections::HashSet<usize>,
    /// The nested calls whose output, as their parent's `.Inner` holds it, has raw HTML
    /// (what Goldmark omits where the parent renders its body as Markdown).
    raw_html_calls: std::collections::HashSet<usize>,
    /// The inline shortcodes' templates met so far, by name (`year.inline`): each one's
    /// text and where it starts in `src.text`, for a later call that reuses it.
    inline_templates: std::collections::HashMap<String, (String, usize)>,
    /// In the preview, the outputs of the nested calls of the top-level call being
    /// rendered that have anchor names ([`Source::nested`]), as they finish.
    nested_outputs: Vec<(usize, String)>,
    /// The outputs of the page's top-level `{{% %}}` calls, by index: Markdown the page's
    /// table of contents reads as Hugo's does ([`with_toc`]).
    percent_outputs: std::collections::HashMap<usize, String>,
    /// The outputs of the page's top-level `{{< >}}` calls, by index, when a template of
    /// the site reads `.TableOfContents`: a heading's entry has them, as Hugo's does.
    angle_outputs: Option<std::collections::HashMap<usize, String>>,
}

impl<'a> Renderer<'a> {
    fn new(src: Source<'a>, opts: &'a RenderOptions<'a>, front: &'a Map<String, Json>) -> Self {
        Renderer {
            opts,
            front,
            icons: BTreeSet::new(),
            anchors: Vec::new(),
            next_anchor: 0,
            depth: 0,
            id_base: 0,
            icon_html: Default::default(),
            template_problems: Vec::new(),
            surprises: Vec::new(),
            pending_notes: Vec::new(),
            inner_markdown: Default::default(),
            pointed: Default::default(),
            fell_back: Default::default(),
            raw_html_calls: Default::default(),
            inline_templates: Default::default(),
            nested_outputs: Vec::new(),
            percent_outputs: std::collections::HashMap::new(),
            angle_outputs: templates::reads_toc(src.catalogue).then(std::collections::HashMap::new),
            src,
        }
    }

    fn markdown(&self) -> Markdown<'_> {
        Markdown {
            markup: self.opts.markup,
            rewrite_url: self.opts.rewrite_url.as_deref().map(unsend),
            hooks: Some(&templates::SiteHooks),
            hook_urls: Some(self.opts),
            for_toc: false,
        }
    }

    /// The page's Markdown (its calls' outputs as placeholders) as HTML, with the Font
    /// Awesome icons its raw HTML and its render hooks write drawn, as shortcodes' are
    /// ([`Renderer::draw_icons`]).
    fn page_markdown(&mut self, md: &str) -> String {
        let html = self.markdown().render(md);
        match self.draw_icons(&html) {
            std::borrow::Cow::Owned(drawn) => drawn,
            std::borrow::Cow::Borrowed(_) => html,
        }
    }

    /// Renders a range of the body (the page, or a shortcode's inner) as Markdown content.
    fn content(&mut self, range: Range<usize>, children: &[usize]) -> Html {
        self.content_with(range, children, None, || None)
            .unwrap_or_default()
    }

    /// [`Renderer::content`], where a pool of threads may render some of the top-level
    /// calls (`children`; [`templates::Pool`]): the walk leaves a placeholder for each of
    /// those, renders the others and the page's Markdown, then `finish` (which helps the
    /// pool and waits for it) gives their outputs. `None` when the pool's results must not
    /// be used (see [`templates::Pool::run`]).
    ///
    /// Hugo renders a text's `{{% %}}` calls first, as it builds the Markdown, then the
    /// Markdown (its render hooks run then), and its `{{< >}}` calls last, as it puts their
    /// outputs in, in the order their placeholders come in the HTML (a footnote's last;
    /// `hugolib/page__content.go`, `contentToRender`, then `expandShortcodeTokens`):
    /// templates that keep state (`.Page.Store` counters, a stylesheet written by the first
    /// call, a flag a hook sets for a call above it) see them in that order, here too.
    /// Each call's problems and surprises join the lists in page order, then the render
    /// hooks'.
    #[allow(
        clippy::indexing_slicing,
        reason = "shortcode indices (`children`, a shortcode's own) come from \
                  `Shortcodes::parse` of this same `src.text`, so they index its `all`, and \
                  each slot was pushed into `outputs` before it was recorded"
    )]
    fn content_with(
        &mut self,
        range: Range<usize>,
        children: &[usize],
        pool: Option<&templates::Pool>,
        finish: impl FnOnce() -> Option<templates::Pooled>,
    ) -> Option<Html> {
        let mut md = String::with_capacity(range.len());
        let mut outputs = Vec::new();
        let mut pos = range.start;
        let mut anchored = Vec::new();
        // Per call in page order: its lists once rendered, and its slot in `outputs` if
        // it is rendered after the Markdown.
        let mut lists: Vec<Option<CallLists>> = vec![None; children.len()];
        let mut later = Vec::new();
        for (k, &i) in children.iter().enumerate() {
            let sc = &self.src.shortcodes.all[i];
            let span = sc.span.clone();
            self.push_anchored(&mut md, pos..span.start, &mut anchored);
            if sc.open.notation == Notation::Percent && !pool.is_some_and(|p| p.has(i)) {
                let (out, notes, found) = self.render_call(i);
                lists[k] = Some(found);
                self.place_call(i, out, notes, &mut md, &mut outputs);
            } else {
                later.push((k, outputs.len()));
                md.push_str(&placeholder(outputs.len()));
                outputs.push(String::new());
            }
            pos = span.end;
        }
        self.push_anchored(&mut md, pos..range.end, &mut anchored);
        let html = self.page_markdown(&md);
        let hooks = self.taken(|r| r.hook_problems_at(range.clone()));
        let pooled_slots =
            self.render_later(&html, children, later, pool, &mut outputs, &mut lists);
        if pool.is_some() {
            let mut pooled = finish()?;
            self.icons.append(&mut pooled.icons);
            for (k, slot) in pooled_slots {
                let done = pooled.calls.remove(&children[k])?;
                if let (Some(toc), Some(text)) = (&mut self.angle_outputs, done.for_toc) {
                    toc.insert(children[k], text);
                }
                outputs[slot] = done.html;
                lists[k] = Some((done.problems, done.surprises));
            }
        }
        for (problems, surprises) in lists.into_iter().flatten() {
            self.template_problems.extend(problems);
            self.surprises.extend(surprises);
        }
        self.template_problems.extend(hooks.0);
        self.surprises.extend(hooks.1);
        if let Some(rewrite) = &self.opts.rewrite_url {
            placeholders::point_destinations(&html, &mut outputs, &**rewrite);
        }
        Some(merge_placeholders(
            html,
            outputs,
            &anchored,
            self.opts.anchors.unwrap_or(&[]),
        ))
    }

    /// Renders the calls of `later` (by position in `children`, each with its slot in
    /// `outputs`) that `pool` does not, in the order their placeholders come in `html`
    /// ([`placeholders::order_in`]; one whose placeholder `html` lost is not run, as Hugo
    /// runs none whose token it does not find), and gives back those it does.
    #[allow(
        clippy::indexing_slicing,
        reason = "positions in `children` and slots in `outputs` (and `lists`, one per \
                  child) were recorded as they were pushed"
    )]
    fn render_later(
        &mut self,
        html: &str,
        children: &[usize],
        mut later: Vec<(usize, usize)>,
        pool: Option<&templates::Pool>,
        outputs: &mut [String],
        lists: &mut [Option<CallLists>],
    ) -> Vec<(usize, usize)> {
        if !later.is_empty() {
            let mut rank = vec![None; outputs.len()];
            for (r, slot) in placeholders::order_in(html, outputs.len())
                .into_iter()
                .enumerate()
            {
                rank[slot] = Some(r);
            }
            later.retain(|&(_, slot)| rank[slot].is_some());
            later.sort_by_key(|&(_, slot)| rank[slot]);
        }
        let mut pooled_slots = Vec::new();
        for (k, slot) in later {
            if pool.is_some_and(|p| p.has(children[k])) {
                pooled_slots.push((k, slot));
                continue;
            }
            let (out, notes, found) = self.render_call(children[k]);
            lists[k] = Some(found);
            outputs[slot] = notes.concat() + &out;
        }
        pooled_slots
    }

    /// Renders call `i` on its own: its output, its preview notes, and the problems and
    /// surprises it found (taken from the lists, for the caller to put in page order).
    fn render_call(&mut self, i: usize) -> (String, Vec<String>, CallLists) {
        let mut out = String::new();
        let found = self.taken(|r| out = r.shortcode(i));
        (out, std::mem::take(&mut self.pending_notes), found)
    }

    /// Runs `f`, and takes the problems and surprises it added from the lists.
    fn taken(&mut self, f: impl FnOnce(&mut Self)) -> CallLists {
        let before = (self.template_problems.len(), self.surprises.len());
        f(self);
        (
            self.template_problems.split_off(before.0),
            self.surprises.split_off(before.1),
        )
    }

    /// Puts call `i`'s output (`out`, with its preview `notes`) into the Markdown being
    /// assembled: in the text for a `{{% %}}` call (its output is Markdown), or as a
    /// placeholder in `outputs`, with its notes before it.
    #[allow(
        clippy::indexing_slicing,
        reason = "`i` comes from `Shortcodes::parse` of this same `src.text`"
    )]
    fn place_call(
        &self,
        i: usize,
        out: String,
        notes: Vec<String>,
        md: &mut String,
        outputs: &mut Vec<String>,
    ) {
        for note in notes {
            md.push_str(&placeholder(outputs.len()));
            md.push_str("\n\n");
            outputs.push(note);
        }
        let sc = &self.src.shortcodes.all[i];
        if sc.open.notation == Notation::Percent
            && !self.fell_back.contains(&i)
            && !shortcodes::is_placeholder_only(self.src.shortcodes, i, self.src.catalogue)
        {
            md.push_str(&out);
        } else {
            md.push_str(&placeholder(outputs.len()));
            outputs.push(out);
        }
    }

    /// Pushes text, with an anchor paragraph at each block start in `range` (its end
    /// included: a shortcode block starts there) that follows a blank line.
    fn push_anchored(&mut self, md: &mut String, range: Range<usize>, anchored: &mut Vec<usize>) {
        let mut pos = range.start;
        while let Some(&(at, k)) = self.anchors.get(self.next_anchor) {
            if at > range.end {
                break;
            }
            self.next_anchor += 1;
            let at = at.max(pos);
            self.push_text(md, pos..at);
            pos = at;
            let before = self.src.text.get(..at).unwrap_or_default();
            let before = before.trim_end_matches([' ', '\t']);
            let after_blank =
                at == self.src.body_start || before.ends_with("\n\n") || before.ends_with("\n\r\n");
            if after_blank {
                md.push_str(&anchor_token(k));
                md.push_str("\n\n");
                anchored.push(k);
            }
        }
        self.push_text(md, pos..range.end);
    }

    /// Hugo's `markdownify`, which renders through the page's renderer and so expands
    /// shortcodes it finds in its input (an escaped `{{</* x */>}}` in a card's `.Inner`
    /// arrives there as `{{< x >}}` and is rendered).
    fn markdownify(&mut self, text: &str) -> String {
        let html = match self.depth < MAX_REPARSE
            && memchr::memmem::find(text.as_bytes(), b"{{").is_some()
        {
            true => self
                .reparsed(text)
                .unwrap_or_else(|| self.markdown().render(text)),
            false => self.markdown().render(text),
        };
        markdown::trim_single_paragraph(html)
    }

    /// `text` rendered with its own shortcodes; `None` when they do not parse (then it is
    /// rendered as plain Markdown).
    fn reparsed(&mut self, text: &str) -> Option<String> {
        let scs = Shortcodes::parse(text, 0, self.src.catalogue).ok()?;
        let src = Source {
            text,
            shortcodes: &scs,
            // Hugo renders a re-parsed text's calls but writes its escaped calls
            // (`{{</* x */>}}`) as they are.
            escapes: &[],
            body_start: 0,
            divider: None,
            catalogue: self.src.catalogue,
            nested: None,
            line_starts: &std::sync::OnceLock::new(),
        };
        let mut sub = Renderer::new(src, self.opts, self.front);
        sub.icons = std::mem::take(&mut self.icons);
        sub.depth = self.depth + 1;
        sub.id_base = fresh_id_base();
        sub.icon_html = std::mem::take(&mut self.icon_html);
        let top = scs.top.clone();
        let html = sub.content(0..text.len(), &top).into_string();
        self.icons = sub.icons;
        self.icon_html = sub.icon_html;
        Some(html)
    }

    /// A shortcode's inner text with nested shortcodes rendered in place (Hugo's `.Inner`).
    #[allow(
        clippy::indexing_slicing,
        reason = "shortcode indices (`children`, a shortcode's own) come from \
                  `Shortcodes::parse` of this same `src.text`, so they index its `all`"
    )]
    fn inner(&mut self, i: usize) -> String {
        let sc = &self.src.shortcodes.all[i];
        let Some(range) = sc.inner() else {
            return String::new();
        };
        let children = sc.children.clone();
        let mut out = String::with_capacity(range.len());
        let mut pos = range.start;
        for c in children {
            let span = self.src.shortcodes.all[c].span.clone();
            self.push_text(&mut out, pos..span.start);
            let output = self.shortcode(c);
            // Read only where Goldmark omits raw HTML (`surprises`).
            if !self.opts.markup.unsafe_html && templates::has_raw_html(&output) {
                self.raw_html_calls.insert(c);
            }
            out.push_str(&output);
            pos = span.end;
        }
        self.push_text(&mut out, pos..range.end);
        out
    }

    /// Source text as Hugo reads it: comment-escaped shortcodes printed without their
    /// comment markers, and the `<!--more-->` summary divider removed.
    fn push_text(&self, out: &mut String, range: Range<usize>) {
        let src = self.src.text;
        let escapes = self.src.escapes;
        let first = escapes.partition_point(|e| e.span.start < range.start);
        let mut pos = range.start;
        for Escape {
            span,
            notation,
            inner,
        } in escapes.iter().skip(first)
        {
            if span.start >= range.end {
                break;
            }
            self.push_without_divider(out, pos..span.start);
            out.push_str(notation.left());
            out.push_str(src.get(inner.clone()).unwrap_or_default());
            out.push_str(notation.right());
            pos = span.end;
        }
        self.push_without_divider(out, pos..range.end);
    }

    /// The source text of `range`, the summary divider left out if it is there.
    fn push_without_divider(&self, out: &mut String, range: Range<usize>) {
        let src = self.src.text;
        match self.src.divider.filter(|&d| range.contains(&d)) {
            Some(d) => {
                out.push_str(src.get(range.start..d).unwrap_or_default());
                out.push_str(src.get(d + DIVIDER.len()..range.end).unwrap_or_default());
            }
            None => out.push_str(src.get(range).unwrap_or_default()),
        }
    }
}

/// A base for the call ids of a re-parsed text ([`Renderer::id_base`]): above every id of
/// the page's own calls (`depth << 32` plus the call), different from the last 2^22 ones.
fn fresh_id_base() -> i64 {
    static NEXT: std::sync::atomic::AtomicI64 = std::sync::atomic::AtomicI64::new(1);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed) % (1 << 22);
    (n + 1) << 40
}

/// The note standing for blocks a windowed preview leaves out.
fn elided(n: usize, side: &str) -> String {
    if n == 0 {
        return String::new();
    }
    let blocks = if n == 1 { "block" } else { "blocks" };
    maud::html! {
        p.folio-elided role="note" { (n) " " (blocks) " " (side) " this part of the page are not shown: the preview of a long page follows the part being edited." }
    }
    .into_string()
}

/// Hugo's summary divider.
const DIVIDER: &str = "<!--more-->";

/// Where `page`'s summary divider is ([`Source::divider`]).
fn divider_of(page: &Page) -> Option<usize> {
    let start = page.body_start();
    let body = page.source().get(start..)?;
    memchr::memmem::find(body.as_bytes(), DIVIDER.as_bytes()).map(|at| start + at)
}
