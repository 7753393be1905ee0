//! The shortcodes Folio renders itself: `project-card` (the sample site's template),
//! `param` (Hugo's built-in), and a visible, labelled placeholder for any other.

use maud::{html, PreEscaped};

use super::Renderer;
use crate::icons::{Icon, Style};
use crate::page::tree::Shortcodes;
use crate::page::{is_card, Notation};
use crate::site::lookup_param;

/// Whether the shortcode renders as a placeholder even in `{{% %}}` notation: its output
/// is Folio's stand-in, not Markdown the site would produce, or its template asks Hugo to
/// keep its output out of the Markdown (Hugo's legacy config,
/// [`crate::templates::Catalogue::legacy_markup`]). A built-in Folio renders as Hugo does
/// goes into the Markdown like a site template's output: with raw HTML off, its HTML is
/// then dropped, as Hugo drops it.
pub fn is_placeholder_only(
    shortcodes: &Shortcodes,
    i: usize,
    catalogue: &crate::templates::Catalogue,
) -> bool {
    let sc = shortcodes.all.get(i);
    sc.is_some_and(|sc| {
        let stand_in = !is_card(sc, catalogue)
            && sc.name() != "param"
            && !super::templates::has_site_template(catalogue, sc.name())
            && !super::builtins::AS_HUGO.contains(&sc.name().to_ascii_lowercase().as_str());
        stand_in || catalogue.legacy_markup(sc.name())
    })
}

#[allow(
    clippy::indexing_slicing,
    clippy::string_slice,
    reason = "`i` is always an index into `self.src.shortcodes.all`, which `Shortcodes::parse` \
              built from `self.src.text`, so it is in range and its spans lie on char \
              boundaries of that text"
)]
impl Renderer<'_> {
    /// A shortcode's output; why the site's render hooks failed in Markdown it rendered
    /// is recorded at the call.
    pub(super) fn shortcode(&mut self, i: usize) -> String {
        let out = self.shortcode_output(i);
        let sc = &self.src.shortcodes.all[i];
        self.hook_problems_at(sc.span.start..sc.span.start);
        let out = if sc.inner().is_none_or(|body| body.is_empty()) {
            indent_later_lines(out, self.indentation(i))
        } else {
            out
        };
        if sc.open.notation == crate::page::Notation::Percent && self.depth == 0 {
            self.percent_outputs.insert(i, out.clone());
        } else if let Some(angle) = self.angle_outputs.as_mut().filter(|_| self.depth == 0) {
            angle.insert(i, out.clone());
        }
        match self.src.nested {
            Some(names) => self.anchor_nested(i, out, names),
            None => out,
        }
    }

    /// In the preview: keeps the output of a nested call that has an anchor name, and
    /// places its nested calls' anchors in a top-level `{{< >}}` call's output (a `{{% %}}`
    /// one's is Markdown, where they would be raw HTML): `render/nested_anchors.rs`.
    fn anchor_nested(
        &mut self,
        i: usize,
        out: String,
        names: &std::collections::HashMap<usize, String>,
    ) -> String {
        let sc = &self.src.shortcodes.all[i];
        if sc.parent.is_some() {
            if names.contains_key(&i) {
                self.nested_outputs.push((i, out.clone()));
            }
            return out;
        }
        let mut inside = std::mem::take(&mut self.nested_outputs);
        if sc.open.notation == Notation::Percent || inside.is_empty() {
            return out;
        }
        // Finished inside out; placed in source order. A call rendered twice (its container's
        // template failed, and Folio's card rendered the body again) has its last output.
        inside.reverse();
        let mut seen = std::collections::HashSet::new();
        inside.retain(|(j, _)| seen.insert(*j));
        inside.sort_by_key(|(j, _)| self.src.shortcodes.all[*j].span.start);
        let calls: Vec<(&str, &str)> = inside
            .iter()
            .filter_map(|(j, o)| Some((names.get(j)?.as_str(), o.as_str())))
            .collect();
        super::nested_anchors::place(out, &calls)
    }

    fn shortcode_output(&mut self, i: usize) -> String {
        if let Some(out) = self.inline_shortcode(i) {
            return out;
        }
        if let Some(out) = self.site_template(i) {
            return out;
        }
        let sc = &self.src.shortcodes.all[i];
        if is_card(sc, self.src.catalogue) {
            self.card(i)
        } else if sc.name() == "param" {
            self.param(i)
        } else if let Some(out) = self.builtin(i) {
            let sc = &self.src.shortcodes.all[i];
            let dropped = sc.open.notation == Notation::Percent
                && !self.opts.markup.unsafe_html
                && super::templates::has_raw_html(&out);
            let surprises = if dropped {
                vec![super::templates::html_dropped(sc.name())]
            } else {
                Vec::new()
            };
            self.note_surprises(i, surprises, out)
        } else {
            self.unknown(i)
        }
    }

    /// `project-card`, as the sample site's template renders it.
    pub(super) fn card(&mut self, i: usize) -> String {
        let sc = &self.src.shortcodes.all[i];
        let source = &self.src.text[sc.span.clone()];
        let inner = sc.inner().map_or("", |r| &self.src.text[r]);
        // Text that markdownify would re-parse for shortcodes is rendered fresh.
        let cacheable =
            sc.children.is_empty() && !inner.contains("{{") && self.opts.rewrite_url.is_none();
        let key = match (self.opts.cache, cacheable) {
            (Some(cache), true) => {
                let m = self.opts.markup;
                let flags = [
                    m.unsafe_html,
                    m.link_hook,
                    m.image_hook,
                    m.emoji,
                    m.hard_wraps,
                    m.extensions.typographer,
                    m.extensions.linkify,
                    m.extensions.strikethrough,
                    m.extensions.extras.superscript,
                    m.extensions.extras.subscript,
                    m.extensions.extras.insert,
                    m.extensions.extras.mark,
                    m.extensions.extras.delete,
                ];
                let mut key: String = flags
                    .iter()
                    .map(|&f| char::from(b'0' + u8::from(f)))
                    .collect();
                key.push_str(source);
                if let Some((html, icons)) = cache.get(&key) {
                    self.icons.extend(icons);
                    return html;
                }
                Some(key)
            }
            _ => None,
        };
        let html = self.card_fresh(i);
        if let (Some(cache), Some(key)) = (self.opts.cache, key) {
            let sc = &self.src.shortcodes.all[i];
            let value = |k: &str| sc.open.get(k).map_or("", |p| p.value.as_str());
            let repo = (!value("repository").is_empty()).then_some("github");
            let used = value("tech-icons")
                .split(' ')
                .chain(repo)
                .filter_map(|n| Icon::find(Style::Brands, n))
                .collect();
            cache.put(key, (html.clone(), used));
        }
        html
    }

    fn card_fresh(&mut self, i: usize) -> String {
        let sc = &self.src.shortcodes.all[i];
        let get = |k: &str| sc.open.get(k).map(|p| p.value.clone()).unwrap_or_default();
        let title = get("title");
        let repo = get("repository");
        // The template splits on single spaces and skips empty words, like Hugo's `split`.
        let icons: Vec<String> = get("tech-icons")
            .split(' ')
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect();
        let other: Vec<String> = get("other-tech")
            .split(' ')
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect();
        let body_md = self.inner(i);
        let body = self.markdownify(&body_md);
        let markup = html! {
            div.project-card {
                header {
                    div.project-title {
                        @if !repo.is_empty() {
                            a.project-repo
                                href=(format!("https://github.com/{repo}"))
                                aria-label=(format!("{repo} on GitHub")) {
                                (self.icon("github", "fab fa-github", true))
                            }
                        }
                        h3 { (title) }
                    }
                    div.icon-list {
                        @for name in &icons {
                            (self.icon(name, &format!("fab fa-xl fa-{name}"), false))
                        }
                        @for word in &other {
                            span.other-tech { (word) }
                        }
                    }
                }
                (PreEscaped(body))
            }
        };
        markup.into_string()
    }

    /// A Font Awesome brand icon as inline SVG (drawn from the page's sprite), or the name
    /// as a text chip when Font Awesome has no such brand. Pages repeat icons, so each
    /// (icon, class) is built once per render.
    pub(super) fn icon(&mut self, name: &str, class: &str, decorative: bool) -> PreEscaped<String> {
        if let Some(html) = self.icon_html.get(class) {
            return PreEscaped(html.clone());
        }
        let markup = match Icon::find(Style::Brands, name) {
            Some(icon) => {
                self.icons.insert(icon);
                let (view_box, href) = (icon.view_box(), format!("#{}", icon.id()));
                html! {
                    @if decorative {
                        span class=(class) aria-hidden="true" {
                            svg.fa-svg viewBox=(view_box) focusable="false" {
                                use href=(href) {}
                            }
                        }
                    } @else {
                        span class=(class) role="img" aria-label=(name) title=(name) {
                            svg.fa-svg viewBox=(view_box) aria-hidden="true" focusable="false" {
                                use href=(href) {}
                            }
                        }
                    }
                }
            }
            None if self.opts.marks => html! {
                span
                    class=(format!("{class} folio-unknown-icon"))
                    title=(super::templates::UNKNOWN_BRAND) { (name) }
            },
            // What the site's template prints: Font Awesome draws nothing for it.
            None => html! { span class=(class) {} },
        };
        let html = markup.into_string();
        self.icon_html.insert(class.to_string(), html.clone());
        PreEscaped(html)
    }

    /// `{{< param KEY >}}`: the value, looked up page-then-site, HTML-escaped as Go templates do.
    fn param(&self, i: usize) -> String {
        let sc = &self.src.shortcodes.all[i];
        let key = sc
            .open
            .params
            .first()
            .map(|p| p.value.as_str())
            .unwrap_or("");
        // The page's numbers as Hugo's decoder of its front matter's format types them (a
        // JSON number is a float64: `1000000` is written `1e+06`).
        let format = self.opts.hugo.as_ref().and_then(|h| h.front_format);
        let typed = format.map(|f| {
            match crate::formats::hugo_numbers(serde_json::Value::Object(self.front.clone()), f) {
                serde_json::Value::Object(m) => m,
                _ => self.front.clone(),
            }
        });
        use crate::templates::engine::values;
        match lookup_param(typed.as_ref().unwrap_or(self.front), self.opts.site_params, key) {
            // Hugo's `param.html` writes the value with `{{ . }}`: Go's `%v` of it (a float
            // in a map `1.9e+06`, a date as Go's time prints), escaped by html/template (`'`
            // as `&#39;`, `+` as `&#43;`). The value is the page's `.Param` where the site's
            // templates give one (its dates times, its TOML date-times typed: review 62d).
            Some(v) => {
                let typed = self.opts.hugo.as_deref().and_then(|hugo| {
                    // The render's `.Page`, made once for it; else made here.
                    let page = crate::templates::engine::frame()
                        .map_or_else(|_| hugo.page(self.front), |f| f.page.clone());
                    // (A key set to nothing is not set: the site's is read.)
                    let at = |root: Option<&gotmpl::Value>| {
                        key.to_lowercase()
                            .split('.')
                            .try_fold(root?.clone(), |v, k| v.field(k).cloned())
                            .filter(|v| !matches!(v, gotmpl::Value::Nil))
                    };
                    at(page.field("Params")).or_else(|| {
                        at(page.field("Site").and_then(|s| s.field("Params")))
                    })
                });
                let v = typed.unwrap_or_else(|| values::from_json(&v));
                crate::text::html_template_text(&values::go_print(&values::without_aliases(&v, true)))
            }
            None => html! {
                span.folio-error role="note" {
                    "param “" (key) "” is not set, or is empty, in the front matter or the site’s [params]"
                }
            }
            .into_string(),
        }
    }

    /// Any other shortcode: a labelled box showing its tag, with its inner content rendered.
    fn unknown(&mut self, i: usize) -> String {
        let sc = &self.src.shortcodes.all[i];
        let src = self.src.text;
        let tag: String = src[sc.open.span.clone()].chars().take(120).collect();
        let block = crate::page::stands_alone(src, &sc.span, self.src.body_start, src.len());
        // Hugo hands a `{{< >}}` call's body to its template as written (its nested calls
        // rendered): with no nested calls it is shown as written, not read as Markdown.
        let raw = sc.open.notation == Notation::Angle && sc.children.is_empty();
        let inner = match sc.inner() {
            Some(range) if raw => {
                let text = src[range].trim_matches('\n');
                Some(if block {
                    html! { pre.folio-shortcode-raw { code { (text) } } }.into_string()
                } else {
                    html! { code.folio-shortcode-raw { (text) } }.into_string()
                })
            }
            Some(range) => {
                let children = sc.children.clone();
                Some(self.content(range, &children).into_string())
            }
            None => None,
        };
        let markup = if block {
            html! {
                div.folio-shortcode role="note" data-shortcode=(sc.name()) {
                    span.folio-shortcode-label { "Shortcode " code { (tag) } }
                    @if let Some(inner) = &inner {
                        div.folio-shortcode-inner { (PreEscaped(inner)) }
                    }
                }
            }
        } else {
            html! {
                span.folio-shortcode role="note" data-shortcode=(sc.name()) {
                    code { (tag) }
                    @if let Some(inner) = &inner {
                        " "
                        (PreEscaped(
                            inner.trim().trim_start_matches("<p>").trim_end_matches("</p>")
                        ))
                    }
                }
            }
        };
        markup.into_string()
    }
}

/// The sprite of the icons a page uses: one `<symbol>` per icon, after Font Awesome's
/// licence comment (none when there is no icon); hidden by its own `style`, as the site's stylesheets may stand in for
/// Folio's (it took a blank band at the top of the page then).
pub fn sprite<'a>(icons: impl IntoIterator<Item = &'a Icon>) -> String {
    let mut out = String::from(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"folio-sprite\" aria-hidden=\"true\" style=\"display:none\">",
    );
    for (k, icon) in icons.into_iter().enumerate() {
        if k == 0 {
            out.push_str(crate::icons::LICENSE_COMMENT);
        }
        out.push_str(&format!(
            "<symbol id=\"{}\" viewBox=\"{}\">{}</symbol>",
            icon.id(),
            icon.view_box(),
            icon.paths()
        ));
    }
    out.push_str("</svg>");
    out
}

/// A call's output with every line after the first indented as the call is, for a call
/// with no body (`hugolib/shortcode.go`, `doRenderShortcode`: `len(sc.inner) == 0 &&
/// len(sc.indentation) > 0`, `text.VisitLinesAfter`): a `{{% %}}` call in a list item
/// keeps its paragraphs and fences in the item. A final line break stays as it is.
fn indent_later_lines(out: String, indentation: &str) -> String {
    if indentation.is_empty() || !out.trim_end_matches('\n').contains('\n') {
        return out;
    }
    let mut indented = String::with_capacity(out.len() + 16 * indentation.len());
    let mut lines = out.split_inclusive('\n');
    if let Some(first) = lines.next() {
        indented.push_str(first);
    }
    for line in lines {
        indented.push_str(indentation);
        indented.push_str(line);
    }
    indented
}
