//! Shortcodes rendered through the site's own templates ([`crate::templates::engine`]):
//! the call's context built from the page, the template's output with Font Awesome brand
//! icons drawn (the export has no icon font), and Folio's generic card, with a one-line
//! note of why, when the template cannot run.

use std::borrow::Cow;
use std::cell::Cell;
use std::collections::{BTreeSet, HashMap};
use std::rc::Rc;
use std::sync::Arc;

use gotmpl::Value;
use maud::{html, PreEscaped};
use serde_json::{Map, Value as Json};

use super::{highlight, markdown, Renderer, Source, Surprise, MAX_REPARSE};
use crate::icons::Icon;
use crate::page::lexer::Quote;
use crate::page::tree::Shortcodes;
use crate::page::{is_card, Notation};
use crate::templates::engine::objects::deindent;
use crate::templates::engine::{
    self, values, HighlightOptions, Host, Position, Problem, ShortcodeCall,
};
use crate::templates::Catalogue;
use markdown::hooks::HookKind;

/// The Markdown renderer as the templates' [`Host`]: owns what a render of a piece of
/// Markdown (with its shortcodes) needs, since it runs inside a template function.
pub(super) struct MarkdownHost {
    pub markup: crate::site::Markup,
    pub catalogue: Arc<Catalogue>,
    pub front: Map<String, Json>,
    pub site_params: Map<String, Json>,
    pub rewrite_url: Option<super::RewriteUrlFn>,
    pub publish: Option<super::PublishFn>,
    pub marks: bool,
    pub depth: Cell<usize>,
    /// The texts being rendered, outermost first (a hash of each): one met again is a
    /// loop.
    pub texts: std::cell::RefCell<Vec<u64>>,
    /// What the page's templates see of the site, for the calls in the text it renders
    /// (`ref` and `relref` in `.Page.RenderString`'s text find their page through it).
    pub hugo: Option<Arc<crate::templates::engine::HugoContext>>,
    /// Font Awesome icons drawn in the Markdown it rendered (for the page's sprite).
    pub icons: std::cell::RefCell<BTreeSet<Icon>>,
}

impl MarkdownHost {
    /// `md` rendered as the page's Markdown, its shortcodes through the site's templates.
    ///
    /// # Errors
    /// `md` holds shortcodes and is a text being rendered already (a shortcode that reads
    /// its own page, minimo's `file`), which Hugo stops on too; or it holds shortcodes
    /// past the deepest re-parse ([`MAX_REPARSE`]), which Folio does not render. Either
    /// fails each call on the way out.
    fn render(&self, md: &str) -> Result<String, String> {
        let plain = || {
            markdown::Markdown {
                markup: self.markup,
                rewrite_url: self.rewrite_url.as_deref().map(super::unsend),
                hooks: Some(&SiteHooks),
                // The call's whole output is pointed at the files (`local_urls`).
                hook_urls: None,
                for_toc: false,
            }
            .render(md)
        };
        if memchr::memmem::find(md.as_bytes(), b"{{").is_none() {
            return Ok(plain());
        }
        let Ok(scs) = Shortcodes::parse(md, 0, &self.catalogue) else {
            return Ok(plain());
        };
        let key = self.refuse_loops(md, &scs)?;
        let opts = super::RenderOptions {
            markup: self.markup,
            site_params: &self.site_params,
            rewrite_url: self.rewrite_url.clone(),
            anchors: None,
            window: None,
            cache: None,
            marks: self.marks,
            hugo: self.hugo.clone(),
            publish: self.publish.clone(),
            // Text rendered inside a call's template stays on that call's thread.
            threads: Some(1),
        };
        let src = Source {
            text: md,
            shortcodes: &scs,
            // Hugo renders a re-parsed text's calls but writes its escaped calls
            // (`{{</* x */>}}`) as they are.
            escapes: &[],
            body_start: 0,
            divider: None,
            catalogue: &self.catalogue,
            nested: None,
            line_starts: &std::sync::OnceLock::new(),
        };
        self.depth.set(self.depth.get() + 1);
        self.texts.borrow_mut().push(key);
        let mut r = Renderer::new(src, &opts, &self.front);
        r.depth = self.depth.get();
        r.id_base = super::fresh_id_base();
        let html = r.content(0..md.len(), &scs.top).into_string();
        self.texts.borrow_mut().pop();
        self.depth.set(self.depth.get() - 1);
        self.icons.borrow_mut().extend(r.icons);
        text_problems(&r.template_problems)?;
        Ok(html)
    }
}

/// What the calls in a text a template rendered (`markdownify`, `.RenderString`) found,
/// for the call that rendered it. A text too deep fails each call on the way out, as in
/// Hugo, not the deepest alone: the message from where it was found. A call that fails
/// (an `errorf`, a `ref` to no page) stops Hugo's build: it fails the call rendering the
/// text, where check can say it. One Folio cannot run shows its card in the text, and
/// is said as that call's warning.
fn text_problems(problems: &[(usize, Problem)]) -> Result<(), String> {
    if let Some(why) = problems.iter().find_map(|(_, p)| {
        let at = p.message.find(TOO_DEEP)?;
        p.message.get(at..)
    }) {
        return Err(why.to_string());
    }
    if let Some((_, p)) = problems.iter().find(|(_, p)| p.function.is_none()) {
        return Err(format!("a shortcode in the text it renders fails: {p}"));
    }
    for (_, p) in problems {
        let _ = engine::warn(format!(
            "a shortcode in the text it renders shows Folio's card: {p}"
        ));
    }
    Ok(())
}

impl MarkdownHost {
    /// The hash of `md`, a text to render whose shortcodes `scs` are, when it may be
    /// rendered: not one being rendered already, nor one past [`MAX_REPARSE`].
    ///
    /// # Errors
    /// What to say of a loop, or of a text too deep.
    fn refuse_loops(&self, md: &str, scs: &Shortcodes) -> Result<u64, String> {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        md.hash(&mut h);
        let key = h.finish();
        if scs.top.is_empty() {
            return Ok(key);
        }
        if self.texts.borrow().contains(&key) {
            return Err(format!(
                "{TOO_DEEP}: the text renders shortcodes that render it again (a shortcode \
                 that renders the page it is on), which Hugo stops on too"
            ));
        }
        if self.depth.get() >= MAX_REPARSE {
            return Err(format!(
                "{TOO_DEEP}: Folio renders shortcodes in text rendered as Markdown \
                 {MAX_REPARSE} deep at most, and this text is deeper"
            ));
        }
        Ok(key)
    }
}

/// How a text too deep to render starts its message, to know it again on the way out.
const TOO_DEEP: &str = "too deep";

impl Host for MarkdownHost {
    fn markdownify(&self, md: &str) -> Result<String, String> {
        self.render(md).map(markdown::trim_single_paragraph)
    }

    fn render_string(&self, md: &str, block: bool) -> Result<String, String> {
        let html = self.render(md)?;
        Ok(if block {
            html
        } else {
            markdown::trim_single_paragraph(html)
        })
    }

    fn anchorize(&self, text: &str) -> String {
        markdown::headings::anchorize(text, self.markup.heading_ids)
    }

    fn highlight(
        &self,
        code: &str,
        lang: &str,
        options: HighlightOptions,
        attributes: &[(String, String)],
    ) -> Result<String, String> {
        let settings = self.markup.highlight;
        let (mut code, mut lang) = (code.to_string(), lang.to_string());
        let ordinal = match &options {
            HighlightOptions::CodeBlock(_, ordinal) => Some(*ordinal),
            _ => None,
        };
        let mut options = match options {
            HighlightOptions::Written(w) => highlight::Options::parse(settings, &w)?,
            HighlightOptions::CodeBlock(mut m, _) | HighlightOptions::Map(mut m) => {
                // `type` and `code` in the map stand for the language and the code
                // (Hugo's `applyOptions`).
                let text = |v: Json| match v {
                    Json::String(s) => s,
                    other => other.to_string(),
                };
                if let Some(t) = m.remove("type") {
                    lang = text(t);
                }
                if let Some(c) = m.remove("code") {
                    code = text(c);
                }
                highlight::Options::from_map(settings, &m)?
            }
        };
        match ordinal {
            Some(ordinal) => options.name_lines_of_block(ordinal),
            // A fenced block's guess is said by `check` (`guessed`), also when its hook
            // highlights it; code a template highlights, at the call.
            None if options.guesses(&lang) && !engine::in_code_block_hook() => {
                engine::warn(highlight::guess_note(&lang, false)).map_err(|e| e.to_string())?;
            }
            None => {}
        }
        Ok(highlight::highlight(&code, &lang, &options, attributes))
    }
}

/// The site's render hooks, run through the templates of the frame the render is in
/// ([`engine::with_frame`]): none outside one. A hook that fails leaves its element as
/// Goldmark writes it, and the frame keeps why ([`engine::Frame::take_hook_problems`]).
pub(super) struct SiteHooks;

/// What the message of a problem in a partial a render hook called ends with (before the
/// hook's file name).
pub const HOOK_CALLER: &str = "called by the site's render hook";

impl SiteHooks {
    /// Where Hugo's embedded link hook points a destination without a path
    /// (`render-link.html`): `#id` alone at the page whose text it is (`.PageInner`, the
    /// home page's inside `markdownify`), `#` alone nowhere (`""`), and a query or `./`
    /// at `.GetPage ""`, the home page (whose URL is `""` when the site does not render
    /// it). `rest` is the destination before its `#`.
    fn pathless_destination(
        frame: &engine::Frame,
        rest: &str,
        query: &str,
        fragment: &str,
    ) -> String {
        let url = |page: Option<Value>| {
            page.and_then(|p| p.field("RelPermalink").map(engine::values::to_string))
        };
        let base = if rest.is_empty() {
            if fragment.is_empty() {
                return String::new();
            }
            url(Some(frame.page_of_text()))
        } else {
            url(frame.find_page("/", false).ok().flatten())
        }
        .unwrap_or_default();
        let with_query = if query.is_empty() {
            base
        } else {
            format!("{base}?{query}")
        };
        if fragment.is_empty() {
            with_query
        } else {
            format!("{with_query}#{fragment}")
        }
    }
}

impl markdown::hooks::RenderHooks for SiteHooks {
    fn embedded_destination(&self, destination: &str, image: bool) -> Option<String> {
        let frame = engine::frame().ok()?;
        let (rest, fragment) = destination.split_once('#').unwrap_or((destination, ""));
        let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
        let path = path.strip_prefix("./").unwrap_or(path);
        if path.is_empty() {
            return (!image).then(|| Self::pathless_destination(&frame, rest, query, fragment));
        }
        // `.PageInner.GetPage`: from the page, or inside `markdownify` from the home page
        // (its folder the root), never by a name alone (review 49b, 5).
        let page = || {
            let found = if frame.renders_another_page() {
                let rooted = if path.starts_with('/') {
                    path.to_string()
                } else {
                    format!("/{path}")
                };
                frame.find_page(&rooted, false)
            } else {
                frame.find_page(path, true)
            };
            let page = found.ok().flatten()?;
            page.field("RelPermalink").map(engine::values::to_string)
        };
        let url = (!image)
            .then(page)
            .flatten()
            .or_else(|| engine::funcs::embedded_hook_file(&frame, path))?;
        let with_query = if query.is_empty() {
            url
        } else {
            format!("{url}?{query}")
        };
        Some(if fragment.is_empty() {
            with_query
        } else {
            format!("{with_query}#{fragment}")
        })
    }

    fn has(&self, kind: markdown::hooks::HookKind) -> bool {
        // Code blocks' and blockquotes' hooks may be for one kind only
        // (`render-codeblock-go.html`, `render-blockquote-alert.html`).
        engine::frame().is_ok_and(|f| match kind {
            HookKind::CodeBlock | HookKind::Blockquote => f
                .catalogue
                .render_hooks()
                .any(|name| HookKind::of_name(name) == Some(kind)),
            _ => f.catalogue.render_hook(kind.name()).is_some(),
        })
    }

    fn render(&self, hook: &markdown::hooks::Hook) -> Option<String> {
        let frame = engine::frame().ok()?;
        // A code block's hook is its language's (`render-codeblock-mermaid.html`), a
        // blockquote's its type's (`render-blockquote-alert.html`), else the one for all
        // (Hugo's lookup, with the type as the variant).
        let variant = matches!(hook.kind, HookKind::CodeBlock | HookKind::Blockquote)
            .then(|| hook.type_name());
        // A GoAT diagram is Hugo's own hook's (`_markup/render-codeblock-goat.html`, an SVG),
        // not the site's hook for every language: Folio writes its text (`folio check`
        // says so).
        if is_goat(hook) && frame.catalogue.render_hook("codeblock-goat").is_none() {
            return None;
        }
        let base = hook.kind.name();
        let name = variant
            .map(|v| format!("{base}-{v}"))
            .into_iter()
            .chain([base.to_string()])
            .find(|n| frame.catalogue.render_hook(n).is_some())?;
        let context = hook_context(hook, &frame);
        // What finds the hook's element in the page, for what it warns or why it fails.
        let near = match hook.kind {
            HookKind::Link | HookKind::Image if !hook.destination.is_empty() => {
                Some(engine::HookElement::Destination(hook.destination.clone()))
            }
            HookKind::CodeBlock => Some(engine::HookElement::Fence(hook.ordinal)),
            HookKind::Blockquote => Some(engine::HookElement::Blockquote(hook.ordinal)),
            HookKind::Heading => Some(engine::HookElement::Heading(hook.ordinal)),
            _ => None,
        };
        let warned = frame.warning_count();
        let out = engine::render_hook(&name, &context);
        for warning in frame.warnings_since(warned) {
            frame.record_hook_warning(warning, near.clone());
        }
        match out {
            Ok(html) => Some(html),
            Err(mut problem) => {
                // A partial the hook called failed: the problem is the partial's, and says
                // which hook ran it.
                if !crate::templates::is_render_hook(&problem.file) {
                    problem.message =
                        format!("{} ({HOOK_CALLER} render-{name}.html)", problem.message);
                }
                frame.record_hook_problem(problem, near);
                None
            }
        }
    }
}

/// Whether `hook` is a GoAT diagram's code block (```` ```goat ````).
fn is_goat(hook: &markdown::hooks::Hook) -> bool {
    hook.kind == HookKind::CodeBlock && hook.lang.eq_ignore_ascii_case("goat")
}

/// What a hook template's dot holds: Hugo's `LinkContext`, `ImageLinkContext` or
/// `HeadingContext` (`markup/converter/hooks`), `.Text` as trusted HTML; the fields of
/// every kind of hook, and its Go type ([`engine::objects::HOOK_TYPE`]), which a name no
/// hook has stops on, as in Hugo (review 62c, r4: `.PlainTxt`).
fn hook_context(hook: &markdown::hooks::Hook, frame: &engine::Frame) -> Value {
    let attributes = values::map(
        hook.attributes
            .iter()
            .map(|(k, v)| (k.as_str(), values::from_json(v))),
    );
    values::map([
        (values::KIND, values::string("hook")),
        (
            engine::objects::HOOK_TYPE,
            values::string(hook.kind.go_type()),
        ),
        ("Destination", values::string(&hook.destination)),
        ("Title", values::string(&hook.title)),
        ("Text", values::html(&hook.text)),
        ("PlainText", values::string(&hook.plain_text)),
        ("Level", Value::Int(i64::from(hook.level))),
        ("Anchor", values::string(&hook.anchor)),
        ("Attributes", attributes),
        ("Ordinal", Value::Int(hook.ordinal as i64)),
        ("Type", values::string(hook.type_name())),
        (
            "AlertType",
            values::string(hook.alert.as_deref().unwrap_or_default()),
        ),
        ("AlertTitle", values::html(&hook.alert_title)),
        ("AlertSign", values::string(&hook.alert_sign)),
        ("Inner", values::string(&hook.inner)),
        (
            "Options",
            values::map(
                hook.options
                    .iter()
                    .map(|(k, v)| (k.as_str(), values::from_json(v))),
            ),
        ),
        ("IsBlock", Value::Bool(hook.is_block)),
        ("THead", table_rows(&hook.rows.head)),
        ("TBody", table_rows(&hook.rows.body)),
        // Hugo's names the element's place in the page; Folio has no place for it, and
        // gives an invalid position (line 0), said by `folio check` (hunt AQ-11: nil made
        // `.Position.LineNumber` fail).
        ("Position", Position::default().to_value()),
        ("Page", frame.page_of_text()),
        ("PageInner", frame.page_of_text()),
    ])
}

/// A table hook's `.THead` or `.TBody`: rows of cells, each with `.Text` (trusted HTML)
/// and `.Alignment`.
fn table_rows(rows: &[Vec<markdown::hooks::TableCell>]) -> Value {
    let row = |cells: &Vec<markdown::hooks::TableCell>| {
        Value::List(
            cells
                .iter()
                .map(|c| {
                    values::map([
                        ("Text", values::html(&c.text)),
                        ("Alignment", values::string(c.alignment)),
                    ])
                })
                .collect::<Vec<_>>()
                .into(),
        )
    };
    Value::List(rows.iter().map(row).collect::<Vec<_>>().into())
}

#[allow(
    clippy::indexing_slicing,
    reason = "`i` is always an index into `self.src.shortcodes.all`"
)]
impl Renderer<'_> {
    /// Whether call `i` starts a block of the page's Markdown: nothing but fewer than four
    /// columns of blanks before it on its line, and before that line a blank line, the
    /// body's start, or a line no paragraph goes on from (an ATX heading, a thematic
    /// break, a fence). An output put there begins a block; one put in the middle of a
    /// paragraph, a list item or a quote goes on that text until its first blank line.
    fn starts_a_paragraph(&self, i: usize) -> bool {
        let start = self.src.shortcodes.all[i].span.start;
        let text = self.src.text;
        let line = crate::text::line_start(text, start);
        let before = text.get(line..start).unwrap_or("x");
        let blanks_only = before.chars().all(|c| c == ' ' || c == '\t');
        let above = text.get(self.src.body_start..line).unwrap_or_default();
        let above = above.strip_suffix('\n').unwrap_or(above);
        let above = above.strip_suffix('\r').unwrap_or(above);
        let previous = above.rsplit('\n').next().unwrap_or_default();
        let closed = {
            let p = previous.trim();
            p.is_empty()
                || p.starts_with('#')
                || p.starts_with("```")
                || p.starts_with("~~~")
                || ['-', '*', '_']
                    .iter()
                    .any(|&m| p.chars().all(|c| c == ' ' || c == m) && p.matches(m).count() >= 3)
        };
        blanks_only
            && crate::text::indent_columns(before) < 4
            && (line <= self.src.body_start || closed)
    }

    /// The part of call `i`'s output that is blocks of Markdown of its own: all of it when
    /// the call starts a block; after its first blank line when it goes on the text
    /// before it; none when it has no blank line then.
    fn blocks_of<'o>(&self, i: usize, output: &'o str) -> Option<&'o str> {
        if self.starts_a_paragraph(i) {
            Some(output)
        } else {
            output.find("\n\n").and_then(|k| output.get(k..))
        }
    }

    /// The spaces and tabs before call `i`'s opening tag when nothing else is before it on
    /// its line, or nothing but another call's tag (`{{< a >}} {{< b >}}`): what
    /// `.InnerDeindent` takes off each line of `.Inner`, and what goes before each later
    /// line of the call's output. Hugo's page lexer makes the blanks that end the text
    /// before a tag its indentation when they start a line or the text itself
    /// (`parser/pageparser/pagelexer.go`, `emit`).
    pub(super) fn indentation(&self, i: usize) -> &str {
        let start = self.src.shortcodes.all[i].span.start;
        let text = self.src.text;
        let before = text
            .get(crate::text::line_start(text, start)..start)
            .unwrap_or("");
        let blanks = before.len() - before.trim_end_matches([' ', '\t']).len();
        let from = start - blanks;
        let after_a_tag = blanks > 0
            && self.src.shortcodes.all.iter().any(|sc| {
                sc.open.span.end == from || sc.close.as_ref().is_some_and(|c| c.span.end == from)
            });
        if blanks == before.len() || after_a_tag {
            before.get(before.len() - blanks..).unwrap_or("")
        } else {
            ""
        }
    }
}

/// Whether the site has its own template for this shortcode, or it is one of Hugo's that
/// Folio runs as a template ([`crate::templates::builtin::source`]): Folio then executes it.
pub fn has_site_template(catalogue: &Catalogue, name: &str) -> bool {
    catalogue.get(name).is_some_and(|t| t.source.is_some())
}

#[allow(
    clippy::indexing_slicing,
    reason = "`i` is always an index into `self.src.shortcodes.all`, which `Shortcodes::parse` \
              built from `self.src.text`"
)]
impl Renderer<'_> {
    /// The shortcode through the site's template, or (when the template cannot run)
    /// Folio's card with a note; `None` when the site has no template for it.
    pub(super) fn site_template(&mut self, i: usize) -> Option<String> {
        let sc = &self.src.shortcodes.all[i];
        if !has_site_template(self.src.catalogue, sc.name()) || engine::frame().is_err() {
            return None;
        }
        // The site's templates of a name of Hugo's own are for other languages: Hugo's runs.
        if self.src.catalogue.no_variant_in(sc.name(), self.lang()) {
            return None;
        }
        if let Some(problem) = self.plain_text_only(i) {
            return Some(self.fallback(i, &problem));
        }
        let call = self.call(i);
        let (out, warned) = match engine::frame() {
            Ok(frame) => {
                let out = engine::render_shortcode(&call.name, &call.to_value(&frame));
                // The code the call highlighted, its nested calls' too, said at it.
                if self.depth == 0 {
                    let at = self.src.shortcodes.all[i].span.start;
                    for lang in frame.take_highlighted() {
                        self.surprises.push((at, Surprise::Highlighted(lang)));
                    }
                }
                (out, frame.take_warnings())
            }
            Err(e) => (
                Err(Problem::unlocated(std::path::PathBuf::new(), e.to_string())),
                Vec::new(),
            ),
        };
        Some(match out {
            Ok(html) => {
                // A `{{% %}}` call's output is Markdown: its icons are drawn after it is
                // rendered, as the page's raw HTML is, not into text it may show as code.
                // (A legacy template's output is kept out of the Markdown: drawn here.)
                let sc = &self.src.shortcodes.all[i];
                let markdown = sc.open.notation == Notation::Percent
                    && !self.src.catalogue.legacy_markup(sc.name());
                let html = if markdown {
                    self.local_urls(&html).into_owned()
                } else {
                    self.pointed_icons(html)
                };
                // What the template's `warnf` said (Hugo prints it as a WARN of the build),
                // and where Folio wrote what Hugo writes otherwise.
                let own = self.surprises(i, &html);
                let mut surprises = warned;
                // Said of the body or the calls in it, in words of their own.
                if own
                    .iter()
                    .any(|s| s.starts_with(BODY_RAW_HTML) || s.starts_with(NESTED_RAW_HTML))
                {
                    surprises.retain(|s| s != engine::funcs::RAW_HTML_IN_MARKDOWN);
                }
                surprises.extend(own);
                self.note_surprises(i, surprises, html)
            }
            Err(problem) => self.fallback(i, &problem),
        })
    }

    /// The page's language code (empty outside a site).
    pub(super) fn lang(&self) -> &str {
        self.opts.hugo.as_deref().map_or("", |h| h.lang.as_str())
    }

    /// Why a call of a shortcode with plain-text templates only (`kbd.md`) is Folio's
    /// card: a `{{< >}}` call stops Hugo, in its words; a `{{% %}}` one Hugo runs as text
    /// (Go's `text/template`, no escaping), which Folio does not.
    fn plain_text_only(&self, i: usize) -> Option<Problem> {
        let sc = &self.src.shortcodes.all[i];
        let files = self.src.catalogue.plain_text_only(sc.name())?;
        let list: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
        let file = files.first().cloned().unwrap_or_default();
        Some(if sc.open.notation == Notation::Angle {
            Problem::unlocated(
                file,
                format!(
                    "no compatible template found for shortcode \"{}\" in [{}]; note that to \
                     use plain text template shortcodes in HTML you need to use the shortcode \
                     {{{{% delimiter",
                    sc.name(),
                    list.join(" ")
                ),
            )
        } else {
            Problem {
                function: Some("plain text template".into()),
                ..Problem::unlocated(
                    file,
                    "Folio does not run a plain-text shortcode template, which Hugo runs as \
                     text for a {{% %}} call",
                )
            }
        })
    }

    /// An inline shortcode's output (`{{< year.inline >}}TEMPLATE{{< /year.inline >}}`,
    /// and a later `{{< year.inline />}}` that runs it again): its template run with the
    /// call's context, as Hugo runs it with `enableInlineShortcodes`; with that off,
    /// nothing, as Hugo writes nothing, and a note saying so. `None` for any other call.
    pub(super) fn inline_shortcode(&mut self, i: usize) -> Option<String> {
        let sc = &self.src.shortcodes.all[i];
        let name = sc.name().to_string();
        if !name.ends_with(".inline") {
            return None;
        }
        if !self.opts.hugo.as_ref().is_some_and(|h| h.inline_shortcodes) {
            let note = format!(
                "Hugo writes nothing for {name}: inline shortcodes are off (set \
                 enableInlineShortcodes = true in the site's config to run them)"
            );
            return Some(self.note_surprises(i, vec![note], String::new()));
        }
        let page = std::path::PathBuf::from(self.opts.hugo.as_ref().map_or("", |h| &*h.file));
        let defined = match sc.inner() {
            Some(body) => {
                let text = self
                    .src
                    .text
                    .get(body.clone())
                    .unwrap_or_default()
                    .to_string();
                self.inline_templates
                    .insert(name.clone(), (text.clone(), body.start));
                Some((text, body.start))
            }
            None => self.inline_templates.get(&name).cloned(),
        };
        let Some((source, start)) = defined else {
            let message = format!("{name} is not defined before this call (Hugo: no template)");
            return Some(self.fallback(i, &Problem::unlocated(page, message)));
        };
        let call = self.call(i);
        let file = engine::TemplateFile {
            path: page,
            source: source.into(),
        };
        let out = match engine::frame() {
            Ok(frame) => engine::render_inline(&file, &call.to_value(&frame)),
            Err(e) => Err(Problem::unlocated(file.path.clone(), e.to_string())),
        };
        Some(match out {
            Ok(html) => self.local_urls(&html).into_owned(),
            Err(mut problem) => {
                // Located in the page: the template starts at `start`.
                let (line, col) = self.line_col(start);
                if problem.line == 1 {
                    problem.col += col - 1;
                }
                if problem.line > 0 {
                    problem.line += line - 1;
                }
                self.fallback(i, &problem)
            }
        })
    }

    /// Why the site's render hooks failed in what was just rendered, from bytes `range` of
    /// the page, recorded as problems (by the page's own render, not a nested one's): at a
    /// link's or an image's destination, the first place in `range` it is written, at a
    /// code block's fence, else at the start of `range`. What the hooks warned (`warnf`,
    /// which Hugo prints as a WARN of the build) is recorded at its element the same way.
    pub(super) fn hook_problems_at(&mut self, range: std::ops::Range<usize>) {
        if self.depth > 0 {
            return;
        }
        let Ok(frame) = engine::frame() else { return };
        for warning in frame.take_warnings() {
            self.surprises.push((range.start, Surprise::Hugo(warning)));
        }
        for lang in frame.take_highlighted() {
            self.surprises
                .push((range.start, Surprise::Highlighted(lang)));
        }
        let text = self.src.text.get(range.clone()).unwrap_or_default();
        for (warning, near) in frame.take_hook_warnings() {
            let at = near
                .and_then(|near| element_at(text, &near))
                .map_or(range.start, |i| range.start + i);
            self.surprises.push((at, Surprise::Hugo(warning)));
        }
        for (mut problem, near, elements) in frame.take_hook_problems() {
            let at = near
                .and_then(|near| element_at(text, &near))
                .map_or(range.start, |i| range.start + i);
            if elements > 1 {
                let more = elements - 1;
                let places = if more == 1 { "place" } else { "places" };
                problem.message = format!(
                    "{} (and at {more} more {places} after it in this text)",
                    problem.message
                );
            }
            self.template_problems.push((at, problem));
        }
    }

    /// Why call `i`'s output is shown as code, with the fix: its body's indentation, which
    /// its template passes on, or its template's.
    fn shown_as_code(&self, i: usize) -> String {
        let sc = &self.src.shortcodes.all[i];
        let name = sc.name();
        let body_indented = sc
            .inner()
            .and_then(|r| self.src.text.get(r))
            .is_some_and(indented_as_code);
        if body_indented {
            format!(
                "Hugo shows part of this call's output as code: its body is indented 4 \
                 spaces or more, which the page's Markdown reads as a code block: unindent \
                 the body, or call it as {{{{< {name} >}}}}"
            )
        } else {
            format!(
                "Hugo shows part of this call's output as code: its template writes lines \
                 indented 4 spaces or more, which the page's Markdown reads as a code \
                 block: call it as {{{{< {name} >}}}}, or unindent the template's lines"
            )
        }
    }

    /// What is said when call `i`'s output takes its body's first paragraph into an HTML
    /// block ([`body_in_html_block`]), else `None`.
    fn body_as_written(&self, i: usize, output: &str) -> Option<String> {
        let sc = &self.src.shortcodes.all[i];
        let body = sc.inner().and_then(|r| self.src.text.get(r))?;
        // A call in the middle of a list item's or a blockquote's text: HTML that starts a
        // block even there starts one all the same (hunt AS, 7).
        let out = self
            .blocks_of(i, output)
            .or_else(|| markdown::interrupts_paragraph(output).then_some(output))?;
        body_in_html_block(out, body).then(|| {
            format!(
                "Hugo shows the first paragraph of this body as written, its Markdown \
                 unrendered: the template's HTML starts a block right before the body, which \
                 Markdown keeps as HTML up to the next blank line: start the body with a \
                 blank line, or put blank lines around {{{{ .Inner }}}} in the {} template",
                sc.name()
            )
        })
    }

    /// What Hugo will do with this call that its author may not expect, each with its fix
    /// in one line: raw HTML from a `{{% %}}` call dropped (`unsafe` off), a body indented
    /// as code for `markdownify`, nested shortcodes' HTML omitted by `markdownify`.
    fn surprises(&mut self, i: usize, output: &str) -> Vec<String> {
        let sc = &self.src.shortcodes.all[i];
        let name = sc.name();
        let unsafe_html = self.opts.markup.unsafe_html;
        // Raw HTML Goldmark omits, unless the site lets it through or silences Hugo's
        // warning of it (`ignoreLogs`), in which case Folio's words go too.
        let omits_html =
            !unsafe_html && !engine::frame().is_ok_and(|f| f.ignores(engine::funcs::RAW_HTML_LOG));
        let mut found = Vec::new();
        // Only a top-level call's output is the page's Markdown: a nested one's is its
        // parent's `.Inner` (Hugo's `renderShortcode`, `level > 0`), whose own output the
        // parent's surprise is about.
        let markdown_output = sc.open.notation == Notation::Percent
            && sc.parent.is_none()
            && !self.src.catalogue.legacy_markup(name);
        if markdown_output && omits_html && has_raw_html(output) {
            found.push(html_dropped(name));
        }
        if markdown_output && self.blocks_of(i, output).is_some_and(shown_as_code) {
            found.push(self.shown_as_code(i));
        }
        if markdown_output && unsafe_html {
            found.extend(self.body_as_written(i, output));
        }
        if sc.open.notation == Notation::Angle && sc.parent.is_none() && sc.children.is_empty() {
            found.extend(markdown_printed_as_written(
                name,
                sc.inner().and_then(|r| self.src.text.get(r)),
                output,
            ));
        }
        found.extend(self.body_surprises(i, omits_html, output));
        found
    }

    /// How the template a call of `name` runs on this page gives the body to Markdown, if
    /// it does ([`body_to_markdown`]), found once per render.
    fn inner_markdown(&mut self, name: &str) -> Option<InnerRead> {
        let catalogue = self.src.catalogue;
        let lang = self.opts.hugo.as_deref().map_or("", |h| h.lang.as_str());
        if let Some(&read) = self.inner_markdown.get(name) {
            return read;
        }
        let read = body_to_markdown(catalogue, name, lang);
        self.inner_markdown.insert(name.to_string(), read);
        read
    }

    /// What Hugo does to call `i`'s body when it reaches Markdown (its template's
    /// `markdownify`, or Hugo itself for a nested `{{% %}}` call): its first line shown as
    /// code, its raw HTML or its calls' HTML omitted (`omits_html`). The first two are
    /// said only when the call's `output` shows them: a template may render the body as
    /// Markdown for some calls only, or its variant for the page's language not at all
    /// (review 53b, 2 and 6).
    fn body_surprises(&mut self, i: usize, omits_html: bool, output: &str) -> Vec<String> {
        let sc = &self.src.shortcodes.all[i];
        let name = sc.name();
        let mut found = Vec::new();
        let markdown = self.inner_markdown(name);
        let nested_markdown = self.hugo_renders_inner(sc);
        let read = if nested_markdown {
            Some(InnerRead::AsWritten)
        } else {
            markdown
        };
        let (Some(read), Some(inner)) = (read, sc.inner()) else {
            return Vec::new();
        };
        let body = self.src.text.get(inner).unwrap_or_default();
        // `.InnerDeindent` is the body without the call's own indentation.
        let body = match read {
            InnerRead::Deindented => deindent(body, self.indentation(i)),
            InnerRead::AsWritten => Cow::Borrowed(body),
        };
        let renders = if nested_markdown {
            "Hugo renders the body of a {{% %}} call inside another call as Markdown"
        } else {
            "its template renders the body as Markdown"
        };
        if starts_as_code(&body, output) {
            found.push(format!(
                "Hugo shows this body as code (<pre><code>): {renders}, which reads a first \
                 line indented 4 spaces or more as a code block: unindent the body"
            ));
        }
        // The body's own tags (its calls' are the next surprise's).
        if omits_html
            && has_raw_html(&self.body_without_calls(i))
            && output.contains(engine::funcs::RAW_HTML_OMITTED)
        {
            found.push(format!(
                "{BODY_RAW_HTML}{renders}, and raw HTML is off \
                 (markup.goldmark.renderer.unsafe): write it in Markdown, or set unsafe = true"
            ));
        }
        // A child whose output has raw HTML, of either notation (`ref`, `relref` and
        // `param` write text; a `{{% %}}` call's Markdown is no HTML).
        let nested_html = sc.children.iter().any(|c| self.raw_html_calls.contains(c));
        if nested_html && omits_html {
            found.push(format!(
                "{NESTED_RAW_HTML}{name}: {renders}, which reads their HTML as raw HTML, \
                 and that is off (markup.goldmark.renderer.unsafe): set unsafe = true"
            ));
        }
        found
    }

    /// Call `i`'s body without the calls in it: the text Markdown reads as the body's own
    /// (a call's parameters are no tags of the body's; review 53b, 5).
    fn body_without_calls(&self, i: usize) -> Cow<'_, str> {
        let all = &self.src.shortcodes.all;
        let text = self.src.text;
        let Some(inner) = all.get(i).and_then(|sc| sc.inner()) else {
            return Cow::Borrowed("");
        };
        let children = &all[i].children;
        if children.is_empty() {
            return Cow::Borrowed(text.get(inner).unwrap_or_default());
        }
        let mut own = String::new();
        let mut at = inner.start;
        for span in children.iter().filter_map(|&c| all.get(c)).map(|c| &c.span) {
            own.push_str(text.get(at..span.start).unwrap_or_default());
            at = span.end;
        }
        own.push_str(text.get(at..inner.end).unwrap_or_default());
        Cow::Owned(own)
    }

    /// Keeps the surprises for `folio check`, and in the preview shows them above the
    /// output (for a `{{% %}}` call, through `pending_notes`: its output is Markdown).
    pub(super) fn note_surprises(
        &mut self,
        i: usize,
        surprises: Vec<String>,
        html: String,
    ) -> String {
        if surprises.is_empty() {
            return html;
        }
        let sc = &self.src.shortcodes.all[i];
        if self.depth == 0 {
            for s in &surprises {
                self.surprises
                    .push((sc.span.start, Surprise::Hugo(s.clone())));
            }
        }
        if !self.opts.marks {
            return html;
        }
        let note = html! {
            @for s in &surprises { p.folio-template-note role="note" { "Hugo: " (s) } }
        }
        .into_string();
        if sc.open.notation == Notation::Percent {
            self.pending_notes.push(note);
            html
        } else {
            format!("{note}{html}")
        }
    }

    /// The images the template writes pointed where the document finds the files: each
    /// URL of a `src`, `poster` or `srcset` attribute, and each `url(…)` of a `style`
    /// attribute (a `background-image`). A resource's URL goes to the file it publishes
    /// (through `RenderOptions::publish`), any other local image where the page's
    /// Markdown images go (`rewrite_url`).
    fn local_urls<'h>(&mut self, html: &'h str) -> Cow<'h, str> {
        local_urls(html, self.opts, &mut self.pointed)
    }

    /// A template's output with its icons drawn ([`Renderer::draw_icons`]) and its URLs
    /// pointed at the files ([`Renderer::local_urls`]), copied only where either changes it.
    fn pointed_icons(&mut self, html: String) -> String {
        let drawn = match self.draw_icons(&html) {
            Cow::Owned(drawn) => Some(drawn),
            Cow::Borrowed(_) => None,
        };
        let drawn = drawn.unwrap_or(html);
        match self.local_urls(&drawn) {
            Cow::Owned(pointed) => pointed,
            Cow::Borrowed(_) => drawn,
        }
    }

    /// Whether Hugo renders call `sc`'s `.Inner` as Markdown itself: a `{{% %}}` call's
    /// when it is nested, or when its template asks for Hugo's legacy markup
    /// (`doRenderShortcode`).
    fn hugo_renders_inner(&self, sc: &crate::page::tree::Shortcode) -> bool {
        sc.open.notation == Notation::Percent
            && (sc.parent.is_some() || self.src.catalogue.legacy_markup(sc.name()))
    }

    /// The call's context: its parameters typed as Hugo types them, its inner text with
    /// nested shortcodes rendered, where it is, and its parent's context.
    fn call(&mut self, i: usize) -> ShortcodeCall {
        let sc = &self.src.shortcodes.all[i];
        let params = params_of(&sc.open);
        let ordinal = self.ordinal(i);
        let parent = sc.parent.map(|p| self.parent_value(p));
        let name = sc.name().to_string();
        let markdown_inner = self.hugo_renders_inner(sc);
        let inner = sc.inner().is_some().then(|| {
            let inner = self.inner(i);
            if markdown_inner {
                self.inner_rendered(&inner)
            } else {
                inner
            }
        });
        let indentation = self.indentation(i).to_string();
        ShortcodeCall {
            name,
            params,
            inner,
            ordinal,
            parent,
            position: self.position(i),
            indentation,
            id: self.call_id(i),
        }
    }

    /// The call's `.Position` as Hugo's `text.Position` prints it (`"FILE:LINE:COL"`, the
    /// quotes Hugo's default `HUGO_FILE_LOG_FORMAT` writes; `common/text/position.go`):
    /// where its opening tag starts, the column counted in bytes from 1
    /// (`hugolib/page.go`, `posFromInput`). A nested call's is the file's start, as Hugo
    /// sets the position of a top-level call only (`page__content.go`: `currShortcode.pos
    /// = it.Pos()`).
    fn position(&mut self, i: usize) -> Position {
        let sc = &self.src.shortcodes.all[i];
        let (nested, start) = (sc.parent.is_some(), sc.span.start);
        let (offset, line, column) = if nested {
            (0, 1, 1)
        } else {
            let (line, _) = self.line_col(start);
            let line_start = self.src.text.get(..start).map_or(0, |before| {
                memchr::memrchr(b'\n', before.as_bytes()).map_or(0, |n| n + 1)
            });
            (start, line, start - line_start + 1)
        };
        let filename = self.opts.hugo.as_ref().map(|h| h.file.clone());
        Position {
            filename: filename.unwrap_or_default(),
            offset,
            line,
            column,
        }
    }

    /// The `.Inner` of a `{{% %}}` call nested in another call, or of a legacy template:
    /// its text (nested calls rendered) rendered as the page's Markdown, and, when that
    /// text is one line, the `<p>` of a one-paragraph result dropped
    /// (`hugolib/shortcode.go`, `doRenderShortcode`: `sc.doMarkup && (level > 0 ||
    /// configVersion == 1)`, `innerCleanupRegexp`).
    fn inner_rendered(&self, inner: &str) -> String {
        let html = self.markdown().render(inner);
        if inner.contains('\n') {
            return html;
        }
        match html
            .strip_prefix("<p>")
            .and_then(|h| h.strip_suffix("</p>\n"))
        {
            Some(line) if !line.contains('\n') => line.to_string(),
            _ => html,
        }
    }

    /// Hugo's `.Ordinal` of call `i`: its place among its siblings (the calls of its
    /// container, or the page's top-level calls), from 0.
    fn ordinal(&self, i: usize) -> usize {
        let siblings = match self.src.shortcodes.all[i].parent {
            Some(p) => &self.src.shortcodes.all[p].children,
            None => &self.src.shortcodes.top,
        };
        // Siblings are in source order, as their indices are.
        siblings.binary_search(&i).unwrap_or(0)
    }

    /// A number for call `i` of this text, unique in the page's render: the text's own
    /// shortcodes at depth 0, re-parsed text (`markdownify`) at deeper ones, each re-parse
    /// from its own base.
    fn call_id(&self, i: usize) -> i64 {
        let depth = i64::try_from(self.depth).unwrap_or(0);
        let i = i64::try_from(i).unwrap_or(0);
        self.id_base + (depth << 32) + i + 1
    }

    /// 1-based line and column (chars) of an offset in the text, from a table of line
    /// starts built once per text (a page of 1000 calls would scan its text 1000 times).
    fn line_col(&self, offset: usize) -> (usize, usize) {
        let text = self.src.text;
        let starts = self.src.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1))
                .collect()
        });
        let line = starts.partition_point(|&s| s <= offset).max(1);
        let start = starts.get(line - 1).copied().unwrap_or(0);
        let col = text.get(start..offset).map_or(0, |t| t.chars().count()) + 1;
        (line, col)
    }

    /// A parent's context as `.Parent` gives it (its parameters and its own parent; its
    /// `.Inner` is not rendered again for the child).
    fn parent_value(&mut self, p: usize) -> Value {
        let sc = &self.src.shortcodes.all[p];
        let params = params_of(&sc.open);
        let call = ShortcodeCall {
            name: sc.name().to_string(),
            params,
            inner: None,
            ordinal: self.ordinal(p),
            parent: sc.parent.map(|pp| self.parent_value(pp)),
            position: self.position(p),
            indentation: String::new(),
            id: self.call_id(p),
        };
        engine::frame().map_or(Value::Nil, |f| call.to_value(&f))
    }

    /// Font Awesome Free icons the template writes as empty elements (`<span class="fab
    /// fa-python"></span>`, `<i class="fas fa-envelope"></i>`, which the site's icon font
    /// draws) drawn as Folio's inline SVG, inside the element the template wrote. In the
    /// preview, a brand name Font Awesome Free has no icon for shows as a labelled chip.
    pub(super) fn draw_icons<'h>(&mut self, html: &'h str) -> Cow<'h, str> {
        // An icon element starts `<span class="` or `<i class="` (see [`empty_icon`]): the
        // walk goes from one ` class="` to the next, not through every tag.
        static CLASS: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
            std::sync::LazyLock::new(|| memchr::memmem::Finder::new(CLASS_ATTRIBUTE));
        // The elements to replace, as (start, end) in `html`, each drawn once per render
        // (a page repeats its icons) into `icon_html` under the element as written; and
        // the length of the text once they are replaced, so it is allocated once, at its
        // size: a long page's output is mostly new memory, each page of it a page fault.
        let mut found: Vec<(usize, usize)> = Vec::new();
        let mut len = html.len();
        for at in CLASS.find_iter(html.as_bytes()) {
            let before = html.as_bytes().get(..at).unwrap_or_default();
            let Some(start) = ICON_TAGS
                .into_iter()
                .find(|tag| before.ends_with(tag.as_bytes()))
                .and_then(|tag| at.checked_sub(tag.len() + 1))
                .filter(|&lt| before.get(lt) == Some(&b'<'))
            else {
                continue;
            };
            if found.last().is_some_and(|&(_, end)| start < end) {
                continue;
            }
            let Some(icon) = empty_icon(html, start) else {
                continue;
            };
            let drawn = match self.icon_html.get(icon.whole) {
                Some(drawn) => drawn.len(),
                None => {
                    let drawn = self.icon_element(&icon);
                    let drawn_len = drawn.len();
                    self.icon_html.insert(icon.whole.to_string(), drawn);
                    drawn_len
                }
            };
            len = len - (icon.end - start) + drawn;
            found.push((start, icon.end));
        }
        if found.is_empty() {
            return Cow::Borrowed(html);
        }
        let mut out = String::with_capacity(len);
        // `html[..done]` is in `out`.
        let mut done = 0;
        for (start, end) in found {
            out.push_str(html.get(done..start).unwrap_or(""));
            let whole = html.get(start..end).unwrap_or("");
            out.push_str(self.icon_html.get(whole).map_or(whole, String::as_str));
            done = end;
        }
        out.push_str(html.get(done..).unwrap_or(""));
        Cow::Owned(out)
    }

    /// An empty Font Awesome element with its icon drawn, or marked when unknown.
    fn icon_element(&mut self, icon: &EmptyIcon<'_>) -> String {
        let EmptyIcon {
            tag,
            class,
            rest,
            whole,
            ..
        } = icon;
        let Some(found) = crate::icons::from_classes(class) else {
            return whole.to_string();
        };
        match found {
            Ok(drawn) => {
                self.icons.insert(drawn);
                let name = drawn.name;
                // Named for readers unless the template hides it, as Folio's own card does.
                let label = if rest.contains("aria-hidden") || rest.contains("aria-label") {
                    String::new()
                } else {
                    format!(" role=\"img\" aria-label=\"{name}\" title=\"{name}\"")
                };
                format!(
                    "<{tag} class=\"{class}\"{rest}{label}><svg class=\"fa-svg\" viewBox=\"{}\" aria-hidden=\"true\" focusable=\"false\"><use href=\"#{}\"></use></svg></{tag}>",
                    drawn.view_box(),
                    drawn.id()
                )
            }
            // Only a brand name is marked: a solid or regular name Folio lacks may be a Pro
            // icon, a newer one, or another icon font's (Fork Awesome's `fa`), which the
            // site's own stylesheet draws.
            Err(unknown)
                if self.opts.marks && unknown.style == Some(crate::icons::Style::Brands) =>
            {
                format!(
                    "<{tag} class=\"{class} folio-unknown-icon\"{rest} title=\"{UNKNOWN_BRAND}\">{}</{tag}>",
                    html_escape::encode_text(unknown.name)
                )
            }
            Err(_) => whole.to_string(),
        }
    }

    /// What the preview and export show for a shortcode whose template cannot run: the
    /// sample's card as Folio draws it, or Folio's generic card (the name, each parameter,
    /// the body); in the preview, with the reason in one line.
    pub(super) fn fallback(&mut self, i: usize, problem: &Problem) -> String {
        self.fell_back.insert(i);
        let sc = &self.src.shortcodes.all[i];
        // A re-parsed text's are read by the text's renderer (`MarkdownHost::render`).
        self.template_problems
            .push((sc.span.start, problem.clone()));
        let note = self.opts.marks.then(|| {
            html! {
                p.folio-template-note role="note" {
                    "Shown as Folio’s card: " (problem.to_string())
                }
            }
        });
        if is_card(sc, self.src.catalogue) {
            let card = self.card(i);
            return format!(
                "{}{card}",
                note.map(|n| n.into_string()).unwrap_or_default()
            );
        }
        let name = sc.name().to_string();
        let params: Vec<(String, String)> = sc
            .open
            .params
            .iter()
            .enumerate()
            .map(|(k, p)| {
                let key = p
                    .key
                    .as_ref()
                    .map_or_else(|| k.to_string(), |(n, _)| n.to_string());
                (key, p.value.clone())
            })
            .collect();
        let percent = sc.open.notation == Notation::Percent;
        let body = match sc.inner() {
            Some(_) => {
                let inner = self.inner(i);
                Some(if percent {
                    self.markdown().render(&inner)
                } else {
                    self.markdownify(&inner)
                })
            }
            None => None,
        };
        html! {
            div.folio-card data-shortcode=(name) {
                @if let Some(note) = note { (note) }
                p.folio-card-name { (name) }
                @if !params.is_empty() {
                    dl.folio-card-params {
                        @for (k, v) in &params { dt { (k) } dd { (v) } }
                    }
                }
                @if let Some(body) = body { div.folio-card-body { (PreEscaped(body)) } }
            }
        }
        .into_string()
    }
}

/// Runs `render` with the page's frame set when the page calls a shortcode the site has
/// a template for, or the site has render hooks (so the templates can run), or Hugo's
/// embedded link or image hook is on (its links and images find pages and files through
/// the frame); as it is otherwise.
pub(super) fn with_templates<R>(
    page: &crate::page::Page,
    opts: &super::RenderOptions,
    front: &Map<String, Json>,
    render: impl FnOnce() -> R,
) -> (R, BTreeSet<Icon>) {
    let inline = opts.hugo.as_ref().is_some_and(|h| h.inline_shortcodes);
    let uses_templates = page.shortcodes().all.iter().any(|sc| {
        has_site_template(page.catalogue(), sc.name()) || (inline && sc.name().ends_with(".inline"))
    }) || page
        .catalogue()
        .render_hooks()
        .any(|name| HookKind::of_name(name).is_some())
        || opts.markup.link_hook
        || opts.markup.image_hook;
    if !uses_templates {
        return (render(), Default::default());
    }
    let host = Rc::new(host_for(opts, page.catalogue(), front));
    let raw = page.source().get(page.body_start()..);
    let frame = frame_for(opts, page.catalogue(), front, host.clone(), raw);
    let out = engine::with_frame(Rc::new(frame), render);
    (out, host.icons.take())
}

/// A call rendered by a [`Pool`]: its output, and what rendering it added to the
/// renderer's lists (the problems and surprises of the call, and the notes of the
/// `{{% %}}` calls inside it).
pub(super) struct Ahead {
    pub html: String,
    /// Its output as the page's table of contents reads it, when a template reads one.
    pub for_toc: Option<String>,
    notes: Vec<String>,
    pub problems: Vec<(usize, Problem)>,
    pub surprises: Vec<(usize, super::Surprise)>,
}

/// What a [`Pool`] rendered: each call by its index, and the Font Awesome icons drawn.
pub(super) struct Pooled {
    pub calls: HashMap<usize, Ahead>,
    pub icons: BTreeSet<Icon>,
}

/// The fewest calls a [`Pool`] takes: below it, starting threads costs more than it saves.
const PARALLEL_FROM: usize = 64;

/// How many threads render a page's calls: `FOLIO_THREADS` when set (1: the walk renders
/// every call itself), else the machine's cores; at most 8.
///
/// As many as the cores: measured on this kind of 2-core machine, the 1000-card export's
/// median over 100 interleaved runs was 14.3 ms with 2 threads and 14.8 ms with 3. A
/// third thread was faster (15.3 ms against 16.9 ms over 60 runs) while the threads
/// shared the keys of every call's context (see `templates::engine::values::Fields`) and
/// the page's check ran after its render (`folio export`).
pub(super) fn threads() -> usize {
    // Asking for the cores reads the process's CPU limits from /sys: once is enough.
    static THREADS: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *THREADS.get_or_init(|| {
        std::env::var("FOLIO_THREADS")
            .ok()
            .and_then(|n| n.trim().parse().ok())
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from))
            .clamp(1, 8)
    })
}

/// A long page's top-level `{{< >}}` calls through site templates, rendered by threads
/// while the walk assembles the page around their placeholders: the threads take calls
/// from one queue, each with a renderer and a template frame ([`engine::Frame::apart`])
/// of its own, and the walk, done with the page's own Markdown, takes calls from it too.
///
/// A call's output depends only on the page, the site and the call, so the result is the
/// walk's alone, with two exceptions that the pool checks: the page's `.Scratch` (state a
/// call leaves for the next) and the page's budget of partial calls. When a thread's
/// template used the page's scratch, or the partial calls together pass the budget, or a
/// thread failed, the pool's results are dropped and the page is rendered again by the
/// walk alone, in order, as Hugo renders it.
pub(super) struct Pool<'a> {
    src: Source<'a>,
    /// The calls, in page order.
    calls: Vec<usize>,
    taken: std::collections::HashSet<usize>,
    next: std::sync::atomic::AtomicUsize,
    /// Set when a thread met state one call leaves for the next: the others stop.
    stop: std::sync::atomic::AtomicBool,
    threads: usize,
}

impl<'a> Pool<'a> {
    /// The pool for the page's top-level calls `top`: those with a site template, written
    /// `{{< >}}` with no `{{% %}}` call inside (whose output is part of the Markdown the
    /// walk assembles); `None` when there are fewer than [`PARALLEL_FROM`] of them, or
    /// fewer than two `threads` (asked only then) to render with.
    pub fn for_page(
        src: Source<'a>,
        catalogue: &Catalogue,
        top: &[usize],
        threads: impl FnOnce() -> usize,
    ) -> Option<Pool<'a>> {
        if top.len() < PARALLEL_FROM {
            return None;
        }
        let all = &src.shortcodes.all;
        let no_percent_inside = |i: usize| {
            let mut stack = vec![i];
            while let Some(k) = stack.pop() {
                let Some(sc) = all.get(k) else { return false };
                if sc.open.notation == Notation::Percent {
                    return false;
                }
                stack.extend(&sc.children);
            }
            true
        };
        let calls: Vec<usize> = top
            .iter()
            .copied()
            .filter(|&i| {
                all.get(i)
                    .is_some_and(|sc| has_site_template(catalogue, sc.name()))
                    && no_percent_inside(i)
            })
            .collect();
        let threads = if calls.len() >= PARALLEL_FROM {
            threads()
        } else {
            1
        };
        (threads >= 2).then(|| Pool {
            src,
            taken: calls.iter().copied().collect(),
            calls,
            next: Default::default(),
            stop: Default::default(),
            threads: threads.min(8),
        })
    }

    /// How many threads the pool renders with (the walk's among them).
    pub fn threads(&self) -> usize {
        self.threads
    }

    /// Whether the pool renders call `i`.
    pub fn has(&self, i: usize) -> bool {
        self.taken.contains(&i)
    }

    /// Runs `walk` (the page's walk, on this thread, in the page's template frame) while
    /// the pool's threads render calls; `walk` calls the function it is given once its own
    /// work is done, which renders calls until none is left and gives them all, or `None`
    /// when they must not be used. Gives what `walk` gives, and the Font Awesome icons drawn in
    /// Markdown the page's templates rendered.
    pub fn run(
        &self,
        page: &crate::page::Page,
        opts: &super::RenderOptions,
        front: &Map<String, Json>,
        walk: impl FnOnce(Box<dyn FnOnce() -> Option<Pooled> + '_>) -> Option<super::Html>,
    ) -> (Option<super::Html>, BTreeSet<Icon>) {
        let catalogue = page.catalogue();
        std::thread::scope(|scope| {
            let workers: Vec<_> = (1..self.threads)
                .filter_map(|_| {
                    let builder =
                        std::thread::Builder::new().stack_size(crate::threads::STACK_BYTES);
                    crate::threads::spawn_scoped(scope, builder, || {
                        self.work(opts, front, catalogue)
                    })
                    .ok()
                })
                .collect();
            with_templates(page, opts, front, || {
                walk(Box::new(move || {
                    let walked = engine::frame().map_or(0, |f| f.partial_calls());
                    let mut runs = vec![Some(self.work(opts, front, catalogue))];
                    runs.extend(workers.into_iter().map(|w| w.join().ok()));
                    gather(runs, walked)
                }))
            })
        })
    }

    /// Renders calls from the queue until none is left.
    fn work(
        &self,
        opts: &super::RenderOptions,
        front: &Map<String, Json>,
        catalogue: &Arc<Catalogue>,
    ) -> Run {
        let host = Rc::new(host_for(opts, catalogue, front));
        let src = self.src;
        let raw = src.text.get(src.body_start..);
        let frame = Rc::new(frame_for(opts, catalogue, front, host.clone(), raw).apart());
        let (calls, mut icons) = engine::with_frame(frame.clone(), || {
            let mut r = Renderer::new(self.src, opts, front);
            let mut calls = Vec::new();
            let ordering = std::sync::atomic::Ordering::Relaxed;
            while let Some(&i) = self.calls.get(self.next.fetch_add(1, ordering)) {
                if self.stop.load(ordering) {
                    break;
                }
                let (html, notes, (problems, surprises)) = r.render_call(i);
                let for_toc = r.angle_outputs.as_mut().and_then(|a| a.remove(&i));
                if engine::frame().is_ok_and(|f| f.shares_state()) {
                    // The results will be dropped: no thread need render more.
                    self.stop.store(true, ordering);
                }
                calls.push((
                    i,
                    Ahead {
                        html,
                        for_toc,
                        notes,
                        problems,
                        surprises,
                    },
                ));
            }
            (calls, r.icons)
        });
        icons.extend(host.icons.take());
        Run {
            calls,
            icons,
            shares_state: frame.shares_state(),
            partial_calls: frame.partial_calls(),
        }
    }
}

/// What one thread of a [`Pool`] rendered.
struct Run {
    calls: Vec<(usize, Ahead)>,
    icons: BTreeSet<Icon>,
    shares_state: bool,
    partial_calls: usize,
}

/// The pool's results, or `None` when they must not be used: a thread failed (`None` in
/// `runs`), a template used the page's scratch, the partial calls of the threads and of
/// the walk (`walked`) pass the page's budget, or a call left notes for the walk.
fn gather(runs: Vec<Option<Run>>, walked: usize) -> Option<Pooled> {
    let runs: Vec<Run> = runs.into_iter().collect::<Option<_>>()?;
    let partial_calls = walked + runs.iter().map(|r| r.partial_calls).sum::<usize>();
    if runs.iter().any(|r| r.shares_state) || partial_calls > engine::MAX_PARTIAL_CALLS {
        return None;
    }
    let mut pooled = Pooled {
        calls: HashMap::with_capacity(runs.iter().map(|r| r.calls.len()).sum()),
        icons: BTreeSet::new(),
    };
    for run in runs {
        pooled.icons.extend(run.icons);
        for (i, call) in run.calls {
            if !call.notes.is_empty() {
                return None;
            }
            pooled.calls.insert(i, call);
        }
    }
    Some(pooled)
}

/// The Markdown host of a page render.
fn host_for(
    opts: &super::RenderOptions,
    catalogue: &Arc<Catalogue>,
    front: &Map<String, Json>,
) -> MarkdownHost {
    MarkdownHost {
        markup: opts.markup,
        catalogue: catalogue.clone(),
        front: front.clone(),
        site_params: opts.site_params.clone(),
        rewrite_url: opts.rewrite_url.clone(),
        publish: opts.publish.clone(),
        marks: opts.marks,
        depth: Cell::new(0),
        texts: Default::default(),
        hugo: opts.hugo.clone(),
        icons: Default::default(),
    }
}

/// What takes the place of a call's text in the Markdown [`page_toc`] reads.
enum By<'o> {
    /// Its line breaks, so that the Markdown's lines stay where they were.
    Lines,
    /// A `{{< >}}` call's placeholder, as in the page's render, so that a heading holding
    /// one gets the same id.
    Placeholder,
    /// A `{{% %}}` call's output.
    Output(&'o str),
}

/// Whether a template of the site reads `.TableOfContents`: only then is a page's made,
/// and the calls' outputs kept for it.
pub(super) fn reads_toc(catalogue: &Catalogue) -> bool {
    catalogue.field_names().contains("TableOfContents")
}

/// The page's `.TableOfContents` (Hugo's `<nav id="TableOfContents">`), when a template
/// of the site reads it: the headings of the body's Markdown (`text` from `body_start`)
/// and of its `{{% %}}` calls' output (`percent`, by call index, as the render made it;
/// a call it did not render, out of the preview's window, as its text), not of `{{< >}}`
/// calls, whose output Hugo does not parse, listed by the site's
/// `markup.tableOfContents`, with the ids the render gives them. A heading's entry has
/// the output of a `{{< >}}` call in it (`angle`, by call index), as Hugo's has (checked:
/// Hugo 0.168); one the render did not make is left out. It takes the place of the calls'
/// [`super::placeholders::TOC`] once the page is rendered.
pub(super) fn page_toc(
    opts: &super::RenderOptions,
    catalogue: &Catalogue,
    (text, body_start): (&str, usize),
    shortcodes: &Shortcodes,
    (percent, angle): (&HashMap<usize, String>, Option<&HashMap<usize, String>>),
) -> Option<String> {
    if !reads_toc(catalogue) {
        return None;
    }
    // A `{{% %}}` call the render made is its output; one it did not make, its tags go
    // (its text stays); a `{{< >}}` call becomes a placeholder. A `{{% %}}` call whose
    // template renders its text itself (as Markdown or code: Hugo's `details`) gives
    // Goldmark HTML, whose headings are no Markdown's: it goes whole too (hunt AO, 9).
    let renders_inner = |name: &str| {
        catalogue.get(name).is_some_and(|t| {
            matches!(
                t.schema.inner,
                Some(
                    crate::templates::schema::InnerKind::Markdown
                        | crate::templates::schema::InnerKind::Code
                )
            )
        })
    };
    let mut cuts: Vec<(std::ops::Range<usize>, By<'_>, usize)> = Vec::new();
    for (i, sc) in shortcodes.all.iter().enumerate() {
        if let Some(output) = percent.get(&i) {
            cuts.push((sc.span.clone(), By::Output(output), i));
        } else if sc.open.notation == Notation::Percent
            && !catalogue.legacy_markup(sc.name())
            && !renders_inner(sc.name())
        {
            cuts.push((sc.open.span.clone(), By::Lines, i));
            if let Some(close) = &sc.close {
                cuts.push((close.span.clone(), By::Lines, i));
            }
        } else {
            cuts.push((sc.span.clone(), By::Placeholder, i));
        }
    }
    cuts.sort_by_key(|(range, ..)| range.start);
    let mut md = String::with_capacity(text.len());
    let mut pos = body_start;
    for (range, by, i) in cuts {
        // What an earlier cut took (a call inside a `{{< >}}` call) is gone already.
        if range.start < pos {
            continue;
        }
        md.push_str(text.get(pos..range.start).unwrap_or_default());
        match by {
            By::Placeholder => md.push_str(&super::placeholder(i)),
            By::Output(output) => md.push_str(output),
            By::Lines => {
                let cut = text.get(range.clone()).unwrap_or_default();
                md.extend(cut.chars().filter(|&c| c == '\n'));
            }
        }
        pos = range.end;
    }
    md.push_str(text.get(pos..).unwrap_or_default());
    let html = markdown::Markdown {
        markup: opts.markup,
        for_toc: true,
        ..Default::default()
    }
    .render(&md);
    let toc = markdown::headings::table_of_contents(&html, opts.markup.toc);
    let output = |i: usize| angle.and_then(|a| a.get(&i)).map(String::as_str);
    Some(super::placeholders::with_outputs(&toc, output).into_owned())
}

/// The frame of a page render; `raw` is its body as written (`.RawContent`). A template
/// that reads the page's `.TableOfContents` gets [`super::placeholders::TOC`], as Hugo's
/// calls get its placeholder.
fn frame_for(
    opts: &super::RenderOptions,
    catalogue: &Arc<Catalogue>,
    front: &Map<String, Json>,
    host: Rc<MarkdownHost>,
    raw: Option<&str>,
) -> engine::Frame {
    let default = engine::HugoContext::default();
    let hugo = opts.hugo.as_deref().unwrap_or(&default);
    let mut page = hugo.page(front);
    if let Value::Map(fields) = &mut page {
        let fields = Arc::make_mut(fields);
        if reads_toc(catalogue) {
            fields.insert(
                Arc::from("TableOfContents"),
                values::html(super::placeholders::TOC),
            );
        }
        if let Some(raw) = raw.filter(|_| catalogue.field_names().contains("RawContent")) {
            fields.insert(Arc::from("RawContent"), values::string(raw));
        }
    }
    let mut frame = engine::Frame::new(
        catalogue.clone(),
        page,
        hugo.site.clone(),
        hugo.translations.clone(),
        host,
        hugo.resources.clone(),
    );
    frame.refs = hugo.refs.clone();
    frame.pages = hugo.pages.clone();
    frame.time_zone = hugo.time_zone.clone();
    frame.getenv = hugo.getenv.clone();
    frame.title_case = hugo.title_case;
    frame.path_style = hugo.path_style;
    frame.aliases = hugo.aliases.clone();
    frame.ignored_logs = hugo.ignored_logs.clone();
    frame.canonify_urls = hugo.canonify_urls;
    frame
}

/// [`Renderer::local_urls`] for a render's options: `pointed` holds the URLs already
/// pointed at their files (not pointed again). `html` itself when no URL changes (a
/// 1000-card page's output is not copied again). The output is read as a browser
/// tokenises it (`lol_html`): a URL attribute's value, or a `url(…)` in a `<style>`
/// element, is pointed, never text that looks like one (`<pre>src="/a.png"</pre>`, hunt
/// AI). A quick look first ([`may_point`]) leaves most outputs unread.
fn local_urls<'h>(
    html: &'h str,
    opts: &super::RenderOptions,
    pointed: &mut std::collections::HashSet<String>,
) -> Cow<'h, str> {
    use lol_html::{element, rewrite_str, text, RewriteStrSettings};
    if opts.rewrite_url.is_none() && opts.publish.is_none() {
        return Cow::Borrowed(html);
    }
    let frame = engine::frame().ok();
    let links_may_be_files = frame.as_ref().is_some_and(|f| f.publishes_any());
    static STYLE: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new("<style"));
    if !may_point(html, links_may_be_files, &base_of(frame.as_ref()))
        && STYLE.find(html.as_bytes()).is_none()
    {
        return Cow::Borrowed(html);
    }
    let pointed = std::cell::RefCell::new(pointed);
    let point = |url: &str, image: bool| {
        let mut pointed = pointed.borrow_mut();
        pointed_url(url, image, opts, frame.as_ref(), &mut pointed)
    };
    let (mut style, mut noscript) = (String::new(), String::new());
    // `data` is a URL on an `<object>` only.
    let selector = URL_ATTRIBUTES
        .map(|a| match a {
            DATA => format!("object[{a}]"),
            _ => format!("[{a}]"),
        })
        .join(",");
    let settings = RewriteStrSettings::new()
        .append_element_content_handler(element!(selector, |el| { point_attributes(el, &point) }))
        // A `<noscript>`'s content is text to the rewriter (it reads as a browser running
        // scripts does), but HTML where scripts do not run (the sandboxed preview, an
        // export opened with them off): pointed as a call's output is, read whole.
        .append_element_content_handler(text!("noscript", |chunk| {
            noscript.push_str(chunk.as_str());
            if chunk.last_in_text_node() {
                let inner = std::mem::take(&mut noscript);
                let mut pointed = pointed.borrow_mut();
                let html = local_urls(&inner, opts, &mut pointed).into_owned();
                chunk.replace(&html, lol_html::html_content::ContentType::Html);
            } else {
                chunk.remove();
            }
            Ok(())
        }))
        // A `<style>` element's text may come in several chunks: read whole, then written.
        .append_element_content_handler(text!("style", |chunk| {
            style.push_str(chunk.as_str());
            if chunk.last_in_text_node() {
                // Raw text: the URL goes in as it is, not escaped as an attribute's.
                let css = rewrite_css_urls(&std::mem::take(&mut style), &mut |url: &str| {
                    point(url, true).map(|u| html_escape::decode_html_entities(&u).into_owned())
                });
                chunk.replace(&css, lol_html::html_content::ContentType::Html);
            } else {
                chunk.remove();
            }
            Ok(())
        }));
    match rewrite_str(html, settings) {
        Ok(out) if out != html => Cow::Owned(out),
        _ => Cow::Borrowed(html),
    }
}

/// An element's URL attributes passed through `point` (a URL and whether it is an
/// image's; the new value escaped for a double-quoted attribute, `None` to keep it).
fn point_attributes(
    el: &mut lol_html::html_content::Element<'_, '_>,
    point: &impl Fn(&str, bool) -> Option<String>,
) -> lol_html::HandlerResult {
    for attribute in URL_ATTRIBUTES {
        let Some(value) = el
            .get_attribute(attribute)
            .filter(|_| attribute != DATA || el.tag_name() == "object")
        else {
            continue;
        };
        let image = attribute != HREF;
        let mut point = |url: &str| point(url, image);
        let new = match attribute {
            SRCSET => Some(rewrite_srcset(&value, &mut point)).filter(|v| *v != value),
            STYLE => Some(rewrite_css_urls(&value, &mut point)).filter(|v| *v != value),
            _ => point(&value),
        };
        if let Some(new) = new {
            el.set_attribute(attribute, &new)?;
        }
    }
    Ok(())
}

/// Where the document finds the file at `url` (as written in an attribute, entities
/// and all; an image's, which is missed aloud, or a link's), escaped for a double-quoted
/// attribute; `None` to keep it as it is.
fn pointed_url(
    url: &str,
    image: bool,
    opts: &super::RenderOptions,
    frame: Option<&Rc<engine::Frame>>,
    pointed: &mut std::collections::HashSet<String>,
) -> Option<String> {
    let raw = html_escape::decode_html_entities(url);
    if pointed.contains(raw.as_ref()) {
        return None;
    }
    let new = pointed_target(&raw, image, opts, frame)?;
    let escaped = html_escape::encode_double_quoted_attribute(&new).into_owned();
    pointed.insert(new);
    Some(escaped)
}

/// Where the document finds the file at `raw` (a URL, not escaped), not escaped; `None`
/// to keep it as it is ([`pointed_url`]).
fn pointed_target(
    raw: &str,
    image: bool,
    opts: &super::RenderOptions,
    frame: Option<&Rc<engine::Frame>>,
) -> Option<String> {
    // A call's output fills it later (raw HTML's `href="{{< relref … >}}"`), and is pointed
    // then (`placeholders::point_destinations`).
    if super::placeholders::starts_with_placeholder(raw) {
        return None;
    }
    // A resource's URL with a `?query` or `#fragment` added by its template (PaperMod's
    // image hook keeps the Markdown's): the file is the resource's, the suffix is kept.
    let published = frame.and_then(|f| {
        let whole = f.published(raw).map(|path| (path, ""));
        whole.or_else(|| {
            let (file_url, suffix) = raw.split_at(raw.find(['?', '#'])?);
            f.published(file_url).map(|path| (path, suffix))
        })
    });
    match (published, &opts.publish, &opts.rewrite_url) {
        (Some((path, suffix)), Some(publish), _) => {
            publish(&path).map(|new| format!("{new}{suffix}"))
        }
        // (A link elsewhere, or within the page, is no file: no call for it.)
        (None, _, _) if !image && elsewhere(raw.as_bytes(), &base_of(frame)) => None,
        (None, _, Some(rewrite)) => rewrite(raw, image),
        _ => None,
    }
}

/// Where in Markdown `text` the element `near` finds starts, read as CommonMark reads it:
/// the first link or image to a destination (one in `<…>` or with escapes, a reference's,
/// none in code), or the fenced code block, blockquote or heading of an ordinal (a
/// blockquote's in the order they end, as their hooks count them); `None` when there is
/// none.
fn element_at(text: &str, near: &engine::HookElement) -> Option<usize> {
    use pulldown_cmark::{CodeBlockKind, Event, Tag, TagEnd};
    let mut fences = 0;
    let (mut quotes, mut open_quotes, mut headings) = (0, Vec::new(), 0);
    pulldown_cmark::Parser::new_ext(text, markdown::options())
        .into_offset_iter()
        .find_map(|(event, at)| match (event, near) {
            (Event::Start(Tag::BlockQuote(_)), engine::HookElement::Blockquote(_)) => {
                open_quotes.push(at.start);
                None
            }
            (Event::End(TagEnd::BlockQuote(_)), engine::HookElement::Blockquote(n)) => {
                quotes += 1;
                let start = open_quotes.pop();
                (quotes - 1 == *n).then_some(start).flatten()
            }
            (Event::Start(Tag::Heading { .. }), engine::HookElement::Heading(n)) => {
                headings += 1;
                (headings - 1 == *n).then_some(at.start)
            }
            (
                Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }),
                engine::HookElement::Destination(destination),
            ) if *dest_url == **destination => Some(at.start),
            (
                Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(_))),
                engine::HookElement::Fence(n),
            ) => {
                fences += 1;
                (fences - 1 == *n).then_some(at.start)
            }
            _ => None,
        })
}

/// A render hook's HTML pointed at the files, as a template's is: the export copies the
/// images a hook writes (a page resource's `.RelPermalink`, say) and points at the copies.
impl markdown::hooks::HookUrls for super::RenderOptions<'_> {
    fn point(&self, html: String) -> String {
        match local_urls(&html, self, &mut Default::default()) {
            Cow::Owned(pointed) => pointed,
            Cow::Borrowed(_) => html,
        }
    }

    fn point_url(&self, url: &str, image: bool) -> Option<String> {
        pointed_target(url, image, self, engine::frame().ok().as_ref())
    }
}

/// What is said of a body with raw HTML that its template renders as Markdown.
const BODY_RAW_HTML: &str = "Hugo omits the raw HTML in this body: ";

/// How what is said of the calls with HTML inside a body rendered as Markdown starts.
const NESTED_RAW_HTML: &str = "Hugo omits the HTML of the shortcodes inside this ";

/// The surprise of a `{{% name %}}` call whose HTML Hugo drops (raw HTML off), with the
/// fix.
pub(super) fn html_dropped(name: &str) -> String {
    format!(
        "Hugo drops the HTML this {{{{% {name} %}}}} call writes, as raw HTML is off \
         (markup.goldmark.renderer.unsafe): call it as {{{{< {name} >}}}}"
    )
}

/// Whether a `{{% %}}` call's output holds raw HTML that Goldmark omits when `unsafe` is
/// off: rendered as Markdown with Goldmark's defaults, it has a `<!-- raw HTML omitted -->`.
/// A tag inside a code fence, a code span or an autolink is text, not raw HTML.
pub(crate) fn has_raw_html(output: &str) -> bool {
    let tag_like = output.match_indices('<').any(|(k, _)| {
        output
            .get(k + 1..)
            .and_then(|r| r.chars().next())
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '/' || c == '!' || c == '?')
    });
    tag_like
        && super::markdown::Markdown::default()
            .render(output)
            .contains(engine::funcs::RAW_HTML_OMITTED)
}

/// Whether a `{{% %}}` call's output takes its body's first line into an HTML block
/// (`<div class="callout">{{ .Inner }}</div>`: CommonMark's HTML block of kind 6 runs to
/// the first blank line), where Markdown in it (emphasis, a link, code) shows as written.
pub(super) fn body_in_html_block(output: &str, body: &str) -> bool {
    use pulldown_cmark::{Event, Parser, Tag};
    // The body's first paragraph, line by line: Markdown in any of them (emphasis, a
    // link, code; not HTML, which shows as written either way).
    let first: Vec<&str> = body
        .trim_start_matches(['\n', '\r'])
        .lines()
        .take_while(|l| !l.trim().is_empty())
        .map(str::trim)
        .collect();
    let marked = |line: &str| shows_markdown(line, pulldown_cmark::Options::empty());
    let blocks: Vec<std::ops::Range<usize>> = Parser::new_ext(output, super::markdown::options())
        .into_offset_iter()
        .filter(|(e, _)| matches!(e, Event::Start(Tag::HtmlBlock)))
        .map(|(_, range)| range)
        .collect();
    first.iter().any(|line| {
        marked(line)
            && output
                .find(line)
                .is_some_and(|at| blocks.iter().any(|b| b.contains(&at)))
    })
}

/// Whether a `{{% %}}` call's output has lines Goldmark shows as an indented code block:
/// rendered as Markdown alone, a `<pre><code>` that the output did not write itself (as a
/// `<pre>` element or a fence).
pub(super) fn shown_as_code(output: &str) -> bool {
    let indented = output
        .lines()
        .any(|l| !l.trim().is_empty() && crate::text::indent_columns(l) >= 4);
    indented
        && !output.contains("<pre")
        && !output.contains("```")
        && !output.contains("~~~")
        && super::markdown::Markdown::default()
            .render(output)
            .contains("<pre><code")
}

/// Whether a template renders `.Inner` as Markdown (`.Inner | markdownify`,
/// `markdownify .Inner`, `.Inner | .Page.RenderString`).
fn markdownified_inner(template: &str) -> Option<InnerRead> {
    // Spaces removed, the forms read: `.Inner|markdownify`, `markdownify .Inner`…
    let compact: String = template.split_whitespace().collect();
    let any = |forms: &[&str]| forms.iter().any(|form| compact.contains(form));
    if any(&[
        ".Inner|markdownify",
        ".Inner|.Page.RenderString",
        ".Inner|$.Page.RenderString",
        "markdownify.Inner)",
        "markdownify.Inner}",
        "RenderString.Inner)",
        "RenderString.Inner}",
    ]) {
        Some(InnerRead::AsWritten)
    } else if any(&[
        ".InnerDeindent|markdownify",
        ".InnerDeindent|.Page.RenderString",
        ".InnerDeindent|$.Page.RenderString",
        "markdownify.InnerDeindent",
        "RenderString.InnerDeindent",
    ]) {
        Some(InnerRead::Deindented)
    } else {
        None
    }
}

/// How a template reads the body it gives Markdown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum InnerRead {
    /// `.Inner`: as written.
    AsWritten,
    /// `.InnerDeindent`: without the call's own indentation.
    Deindented,
}

/// How the template a call of `name` runs on a page in `lang` gives the body to Markdown,
/// if it does: as its schema infers ([`crate::templates::InnerKind::Markdown`]: `.Inner |
/// markdownify`, through a variable or `with .Inner`, `transform.Markdownify`,
/// `.RenderString`; hunt AS, 4), the body as written unless the template reads
/// `.InnerDeindent` only. A language's own variant (`note.fr.html`) is read on its own:
/// the shortcode's schema merges every variant's (review 53b, 6).
fn body_to_markdown(catalogue: &Catalogue, name: &str, lang: &str) -> Option<InnerRead> {
    use crate::templates::schema::InnerKind;
    let template = catalogue.get(name)?;
    let (inner, source) = if template.files.len() > 1 {
        let runs = catalogue.shortcode_file_in(name, lang).ok()??;
        // As the catalogue infers it: through the partials it hands the call to.
        let schema = catalogue.infer_schema(&runs.source).ok()?;
        (schema.inner, &*runs.source)
    } else {
        let source = template.source.as_ref().map_or("", |f| &*f.source);
        (template.schema.inner, source)
    };
    if inner != Some(InnerKind::Markdown) {
        return None;
    }
    markdownified_inner(source).or_else(|| {
        let reads_inner = source.match_indices(".Inner").any(|(at, _)| {
            !source
                .get(at + ".Inner".len()..)
                .is_some_and(|rest| rest.starts_with("Deindent"))
        });
        Some(if reads_inner {
            InnerRead::AsWritten
        } else {
            InnerRead::Deindented
        })
    })
}

/// What to say of a `{{< >}}` call `name` whose template prints its `body` as it is (it
/// is in the `output` as written) when the body is written in Markdown: a `{{< >}}` call's
/// output is not Markdown to Hugo, so the reader sees the Markdown's signs (hunt AS, 9;
/// corpus page 21's shape). A body of plain paragraphs or of HTML is left alone, and so is
/// an indented code block, which shows no signs.
fn markdown_printed_as_written(name: &str, body: Option<&str>, output: &str) -> Option<String> {
    use pulldown_cmark::Options;
    let body = body?.trim();
    if body.is_empty() || !contains_text(output, body) {
        return None;
    }
    let markdown = shows_markdown(body, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH);
    markdown.then(|| {
        format!(
            "Hugo shows this body as written, its Markdown unrendered: the template prints \
             .Inner as it is, and a {{{{< {name} >}}}} call's output is no Markdown: have the \
             template render it ({{{{ .Inner | markdownify }}}}), or call it as {{{{% {name} %}}}} \
             (whose HTML needs markup.goldmark.renderer.unsafe)"
        )
    })
}

/// Whether `text`, written in Markdown (with `options`) and shown as it is, shows the
/// signs of its Markdown: any element but a paragraph, an HTML block and an indented code
/// block (which shows none), or a code span.
fn shows_markdown(text: &str, options: pulldown_cmark::Options) -> bool {
    use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag};
    Parser::new_ext(text, options).any(|e| match e {
        Event::Start(t) => !matches!(
            t,
            Tag::Paragraph | Tag::HtmlBlock | Tag::CodeBlock(CodeBlockKind::Indented)
        ),
        Event::Code(_) => true,
        _ => false,
    })
}

/// Whether `haystack` holds `needle`: where its first 16 bytes are, a comparison of the
/// rest. As `str::contains`, without building a searcher for a long needle (a card's
/// body, searched for in each card's output).
fn contains_text(haystack: &str, needle: &str) -> bool {
    let (haystack, needle) = (haystack.as_bytes(), needle.as_bytes());
    let head = needle.get(..needle.len().min(16)).unwrap_or_default();
    memchr::memmem::find_iter(haystack, head).any(|at| {
        haystack
            .get(at..)
            .is_some_and(|rest| rest.starts_with(needle))
    })
}

/// Whether a body starts as an indented code block (CommonMark 4.4) in the call's
/// `output`: its first line is indented 4 columns or more, and the output has a code
/// block (`<pre><code>`, no language) starting with that line's text (hunt AS, 5). A line
/// indented after prose is left alone: it may be code on purpose (review 53b, 4), and a
/// line of a call inside the body is the call's (review 53b, 1).
fn starts_as_code(body: &str, output: &str) -> bool {
    let Some(first) = body.lines().find(|l| !l.trim().is_empty()) else {
        return false;
    };
    if crate::text::indent_columns(first) < 4 {
        return false;
    }
    let text = html_escape::encode_text(first.trim());
    output.match_indices("<pre><code>").any(|(at, tag)| {
        output
            .get(at + tag.len()..)
            .is_some_and(|code| code.trim_start().starts_with(&*text))
    })
}

/// Whether every non-blank line of a body is indented 4 columns or more (an indented code
/// block to Markdown, CommonMark 4.4).
fn indented_as_code(body: &str) -> bool {
    let mut lines = body.lines().filter(|l| !l.trim().is_empty()).peekable();
    lines.peek().is_some() && lines.all(|l| crate::text::indent_columns(l) >= 4)
}

/// A call's `.Params`: a map of its named parameters, or a list of its positional ones,
/// each typed as Hugo types it.
fn params_of(tag: &crate::page::lexer::Tag) -> Value {
    let typed =
        |p: &crate::page::lexer::Param| values::typed_param(&p.value, p.quote != Quote::Bare);
    if tag.is_named() {
        // The lexer's names are shared already: the map takes them as they are.
        Value::Map(Arc::new(
            tag.params
                .iter()
                .filter_map(|p| Some((p.key.as_ref()?.0.clone(), typed(p))))
                .collect(),
        ))
    } else {
        Value::List(tag.params.iter().map(typed).collect())
    }
}

/// An empty element that Font Awesome draws: `<span class="fab fa-x" …></span>` or `<i …></i>`.
struct EmptyIcon<'h> {
    tag: &'static str,
    class: &'h str,
    rest: &'h str,
    whole: &'h str,
    /// Where the element ends in the text.
    end: usize,
}

/// The editor's note on an element whose brand icon Font Awesome Free does not have.
pub(super) const UNKNOWN_BRAND: &str = "Not a Font Awesome brand icon";

/// The elements Font Awesome icons are written as.
const ICON_TAGS: [&str; 2] = ["span", "i"];

/// What follows an icon element's tag name.
const CLASS_ATTRIBUTE: &str = " class=\"";

/// The empty Font Awesome Free icon element starting at `start` (a `<`), if there is one
/// ([`crate::icons::from_classes`]).
fn empty_icon(html: &str, start: usize) -> Option<EmptyIcon<'_>> {
    let after = html.get(start + 1..)?;
    let tag = ICON_TAGS.into_iter().find(|t| {
        after
            .strip_prefix(t)
            .is_some_and(|r| r.starts_with(CLASS_ATTRIBUTE))
    })?;
    let class_start = start + 1 + tag.len() + CLASS_ATTRIBUTE.len();
    let class_len = html.get(class_start..)?.find('"')?;
    let class = html.get(class_start..class_start + class_len)?;
    if !crate::icons::is_free_icon(class) {
        return None;
    }
    let rest_start = class_start + class_len + 1;
    let rest_len = html.get(rest_start..)?.find('>')?;
    let rest = html.get(rest_start..rest_start + rest_len)?;
    let inner_start = rest_start + rest_len + 1;
    let inner = html.get(inner_start..)?;
    let trimmed = inner.trim_start();
    let close = if tag == "span" { "</span>" } else { "</i>" };
    if !trimmed.starts_with(close) || rest.ends_with('/') {
        return None;
    }
    let end = inner_start + (inner.len() - trimmed.len()) + close.len();
    Some(EmptyIcon {
        tag,
        class,
        rest,
        whole: html.get(start..end)?,
        end,
    })
}

/// The attributes whose URLs [`Renderer::local_urls`] points at files: images (a lazy
/// loader's `data-src` too), an `<object>`'s `data` (an embedded PDF), and a link's or a
/// `<link>`'s `href` (a gallery's link to the full image, a preload), which a missing file
/// leaves as it is, unwarned.
const SRC: &str = "src";
const DATA: &str = "data";
const DATA_SRC: &str = "data-src";
const POSTER: &str = "poster";
const SRCSET: &str = "srcset";
const STYLE: &str = "style";
const HREF: &str = "href";

const URL_ATTRIBUTES: [&str; 7] = [SRC, DATA_SRC, POSTER, SRCSET, STYLE, HREF, DATA];

/// Whether a call's output may hold a URL attribute whose value pointing could change
/// ([`local_urls`] reads only such output): one pass over its `=` signs (`memchr`), each
/// checked for a name before it in any case (after white space: a template may break a
/// tag over lines; blanks may stand before the `=`). A call's output has a few dozen
/// attributes, most of them `class`, which the letter before `=` turns away (no name ends
/// in `s`). Unless the call published resources (`links_may_be_files`), an `href` that is
/// a link elsewhere or within the page ([`elsewhere`], on the site's `base_url`), which
/// [`pointed_target`] keeps as it is, does not count (its entities decoded, a value keeps
/// its scheme and a leading `#`): the sample's GitHub links leave its cards unread.
fn may_point(html: &str, links_may_be_files: bool, base_url: &str) -> bool {
    let bytes = html.as_bytes();
    memchr::memchr_iter(b'=', bytes).any(|at| {
        let Some(before) = bytes.get(..at) else {
            return false;
        };
        // A name in any case (`SRC=`), blanks allowed before the `=`.
        let name_end = before
            .iter()
            .rposition(|b| !b.is_ascii_whitespace())
            .map_or(0, |i| i + 1);
        let before = before.get(..name_end).unwrap_or_default();
        let named = |a: &str| {
            before.len() > a.len()
                && before
                    .get(before.len() - a.len()..)
                    .is_some_and(|n| n.eq_ignore_ascii_case(a.as_bytes()))
                && before
                    .get(before.len() - a.len() - 1)
                    .is_some_and(u8::is_ascii_whitespace)
        };
        match URL_ATTRIBUTES.into_iter().find(|a| named(a)) {
            Some(HREF) if !links_may_be_files => {
                let value = attribute_value(bytes.get(at + 1..).unwrap_or_default());
                !elsewhere(value, base_url)
            }
            found => found.is_some(),
        }
    })
}

/// Whether a link's URL (as written) goes elsewhere or within the page, never to a file
/// of the site: it starts with `#`, or has a scheme ([`crate::text::has_scheme`]:
/// `/files/a:b.pdf` has none) and is not on the site's `base_url` (review 52b, 7).
fn elsewhere(url: &[u8], base_url: &str) -> bool {
    if url.first() == Some(&b'#') {
        return true;
    }
    crate::text::has_scheme(url) && (base_url.is_empty() || !url.starts_with(base_url.as_bytes()))
}

/// The site's base URL in a render's frame (empty without one).
fn base_of(frame: Option<&Rc<engine::Frame>>) -> String {
    frame.map(|f| f.base_url()).unwrap_or_default()
}

/// The value of an attribute as written after its `=` (`after`): blanks skipped, then up
/// to the closing quote, or an unquoted value up to a blank or `>` (the HTML standard's
/// attribute value states).
fn attribute_value(after: &[u8]) -> &[u8] {
    let start = after
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(after.len());
    let after = after.get(start..).unwrap_or_default();
    match after.first() {
        Some(&quote @ (b'"' | b'\'')) => {
            let rest = after.get(1..).unwrap_or_default();
            let end = memchr::memchr(quote, rest).unwrap_or(rest.len());
            rest.get(..end).unwrap_or_default()
        }
        _ => {
            let end = after
                .iter()
                .position(|b| b.is_ascii_whitespace() || *b == b'>')
                .unwrap_or(after.len());
            after.get(..end).unwrap_or_default()
        }
    }
}

/// A `srcset` with each candidate's URL passed through `point` (`a.jpg 1x, b.jpg 2x`; the
/// HTML standard's image candidate strings), its descriptors kept.
fn rewrite_srcset(value: &str, point: &mut impl FnMut(&str) -> Option<String>) -> String {
    // A `data:` URL holds commas of its own: such a list is left as it is.
    if value.contains("data:") {
        return value.to_string();
    }
    value
        .split(',')
        .map(|candidate| {
            let start = candidate.len() - candidate.trim_start().len();
            let (lead, rest) = candidate.split_at(start);
            let url_len = rest.find(char::is_whitespace).unwrap_or(rest.len());
            let (url, descriptor) = rest.split_at(url_len);
            match point(url) {
                Some(new) if !url.is_empty() => format!("{lead}{new}{descriptor}"),
                _ => candidate.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join(",")
}

/// A `style` attribute with the URL of each `url(…)` passed through `point`; quotes
/// around it (written as entities in an attribute, or not) kept.
fn rewrite_css_urls(value: &str, point: &mut impl FnMut(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    // CSS reads `URL(` as `url(`.
    while let Some(at) = rest.to_ascii_lowercase().find("url(") {
        let (before, from) = rest.split_at(at + "url(".len());
        out.push_str(before);
        let Some(end) = from.find(')') else {
            rest = from;
            break;
        };
        let inside = from.get(..end).unwrap_or("");
        let quote = ["&#34;", "&#39;", "&quot;", "'", "\""]
            .into_iter()
            .find(|q| inside.trim().starts_with(q) && inside.trim().ends_with(q))
            .unwrap_or("");
        let url = inside
            .trim()
            .get(quote.len()..inside.trim().len().saturating_sub(quote.len()))
            .unwrap_or("");
        match point(url) {
            Some(new) if !url.is_empty() => out.push_str(&format!("{quote}{new}{quote}")),
            _ => out.push_str(inside),
        }
        rest = from.get(end..).unwrap_or("");
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_elsewhere_and_within_the_page_leave_an_output_unread() {
        let cards = [
            r#"<a class="repo" href="https://github.com/a/b" aria-label="b">x</a>"#,
            r##"<a HREF = '#top'>top</a> <a href=mailto:me@e.org>mail</a>"##,
        ];
        for html in cards {
            assert!(!may_point(html, false, "https://e.org/"), "{html}");
        }
    }

    #[test]
    fn a_local_link_an_image_or_a_published_resource_is_read() {
        let outputs = [
            r#"<a href="/files/cv.pdf">CV</a>"#,
            r#"<a href="https://github.com/a">x</a><a href=docs/a.pdf>a</a>"#,
            r#"<a href="&#35;top">an entity may start a path</a>"#,
            r#"<img src="https://e.org/a.png">"#,
            // A colon that starts no scheme; a URL on the site itself (review 52b, 7).
            r#"<a href="/files/a:b.pdf">f</a>"#,
            r#"<a href="cv.pdf?v=1:2">f</a>"#,
            r#"<a href="https://e.org/about/#top">self</a>"#,
            r#"<div style="background: url(a.png)"></div>"#,
        ];
        for html in outputs {
            assert!(may_point(html, false, "https://e.org/"), "{html}");
        }
        // A resource's `.Permalink` holds a colon and is pointed at its file.
        assert!(may_point(
            r#"<a href="https://x.org/cv.pdf">CV</a>"#,
            true,
            ""
        ));
    }

    #[test]
    fn an_attribute_value_ends_at_its_quote_or_at_a_blank() {
        assert_eq!(attribute_value(br#" "a b" c"#), b"a b");
        assert_eq!(attribute_value(b"'x'>"), b"x");
        assert_eq!(attribute_value(b"a.pdf>CV"), b"a.pdf");
        assert_eq!(attribute_value(b"\"open"), b"open");
        assert_eq!(attribute_value(b""), b"");
    }
}
