//! Markdown to HTML the way Hugo's Goldmark renders it. This is the only place the
//! pulldown-cmark options are built.
//!
//! Goldmark defaults Hugo uses, and how they are met here: typographer (smart punctuation),
//! tables, strikethrough, task lists, footnotes, definition lists, `{#id}` heading
//! attributes, automatic heading ids (GitHub style), bare-URL autolinks and guillemets
//! (Goldmark's linkify and typographer, in [`super::text`]), and raw HTML replaced by `<!-- raw HTML omitted -->` unless
//! the site sets `markup.goldmark.renderer.unsafe` — then it is kept but sanitised.

use crate::site::Markup;
use std::collections::HashMap;
use std::sync::OnceLock;

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};

/// What Goldmark writes in place of raw HTML when `unsafe` is off.
pub const RAW_HTML_OMITTED: &str = "<!-- raw HTML omitted -->";

/// Rewrites a URL the page uses: `(url, is_image) -> Some(new url)`.
pub type RewriteUrl<'a> = &'a dyn Fn(&str, bool) -> Option<String>;

/// How Markdown is rendered.
#[derive(Clone, Copy, Default)]
pub struct Markdown<'a> {
    /// The site's settings.
    pub markup: Markup,
    /// Rewrites image and link URLs (export: local images to `assets/`).
    pub rewrite_url: Option<RewriteUrl<'a>>,
}

/// The pulldown-cmark options matching Hugo's Goldmark defaults.
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_DEFINITION_LIST
}

impl Markdown<'_> {
    /// Renders Markdown to HTML.
    pub fn render(&self, md: &str) -> String {
        let md = &*indented_definitions(md);
        let mut events: Vec<Event> = Vec::with_capacity(md.len() / 8);
        let mut in_html_block = false;
        let mut in_term = false;
        let parser = Parser::new_ext(md, options());
        // Text needs finishing only where a link or a guillemet can be.
        let finish = ["<<", ">>", "://", "www.", "@"]
            .iter()
            .any(|p| md.contains(p));
        let events_in: Box<dyn Iterator<Item = Event>> = if finish {
            Box::new(super::typographer::finish(md, parser.into_offset_iter()).into_iter())
        } else {
            Box::new(parser)
        };
        let mut source = events_in.peekable();
        while let Some(ev) = source.next() {
            match ev {
                // Goldmark writes one marker per raw HTML block, and one per inline tag; Hugo
                // drops HTML comments without a marker.
                Event::Start(Tag::HtmlBlock) if !self.markup.unsafe_html => {
                    in_html_block = true;
                    if !matches!(source.peek(), Some(Event::Html(h)) if is_comment(h)) {
                        events.push(Event::Html(CowStr::Borrowed("<!-- raw HTML omitted -->\n")));
                    }
                }
                Event::End(TagEnd::HtmlBlock) if !self.markup.unsafe_html => in_html_block = false,
                _ if in_html_block => {}
                Event::InlineHtml(h) if !self.markup.unsafe_html => {
                    if !is_comment(&h) {
                        events.push(Event::InlineHtml(CowStr::Borrowed(RAW_HTML_OMITTED)));
                    }
                }
                // Goldmark gives each line of a definition list's terms its own `<dt>`.
                Event::Start(Tag::DefinitionListTitle) => {
                    in_term = true;
                    events.push(Event::Start(Tag::DefinitionListTitle));
                }
                Event::End(TagEnd::DefinitionListTitle) => {
                    in_term = false;
                    events.push(Event::End(TagEnd::DefinitionListTitle));
                }
                Event::SoftBreak if in_term => {
                    events.push(Event::End(TagEnd::DefinitionListTitle));
                    events.push(Event::Start(Tag::DefinitionListTitle));
                }
                // Goldmark's checkbox, with an accessible name.
                Event::TaskListMarker(done) => {
                    events.push(Event::InlineHtml(CowStr::Borrowed(if done {
                        "<input checked=\"\" disabled=\"\" type=\"checkbox\" aria-label=\"Done\"> "
                    } else {
                        "<input disabled=\"\" type=\"checkbox\" aria-label=\"To do\"> "
                    })))
                }
                other => events.push(other),
            }
        }
        // Every destination, linkify's too, as Goldmark (or Hugo's render hooks) write it.
        for ev in &mut events {
            let (dest_url, image) = match ev {
                Event::Start(Tag::Link { dest_url, .. }) => (dest_url, false),
                Event::Start(Tag::Image { dest_url, .. }) => (dest_url, true),
                _ => continue,
            };
            let url = std::mem::replace(dest_url, CowStr::Borrowed(""));
            *dest_url = self.destination(url, image);
        }
        heading_ids(&mut events);
        let notes = footnotes(&mut events);
        let mut html = String::with_capacity(md.len() * 3 / 2);
        pulldown_cmark::html::push_html(&mut html, events.into_iter());
        html.push_str(&notes);
        if self.markup.unsafe_html {
            html = sanitizer(self.rewrite_url.is_some())
                .clean(&html)
                .to_string();
        }
        html
    }

    /// Hugo's `markdownify` (without shortcodes): rendered, without the `<p>` around a
    /// single paragraph.
    pub fn markdownify(&self, md: &str) -> String {
        trim_single_paragraph(self.render(md))
    }

    /// A link or image destination as Hugo writes it, then rewritten for where the HTML goes
    /// (the export's `assets/`, the preview's `folio:` files).
    fn destination<'s>(&self, url: CowStr<'s>, image: bool) -> CowStr<'s> {
        let hooked = if image {
            self.markup.image_hook
        } else {
            self.markup.link_hook
        };
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
        match self.rewrite_url.and_then(|f| f(&url, image)) {
            Some(new) => CowStr::from(new),
            None => url,
        }
    }
}

/// Goldmark's "potentially dangerous" destinations, written as `""` unless raw HTML is
/// allowed: `javascript:`, `vbscript:`, `file:` and `data:` (but for raster and SVG images).
fn is_dangerous_url(url: &str) -> bool {
    let starts = |s: &str, p: &str| {
        s.len() >= p.len() && s.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes())
    };
    if starts(url, "data:image/") {
        let kind = &url["data:image/".len()..];
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
    let scheme_end = url.find(':').filter(|&i| {
        let s = &url[..i];
        !s.is_empty()
            && s.as_bytes()[0].is_ascii_alphabetic()
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"+-.".contains(&b))
    });
    if let Some(i) = scheme_end {
        let scheme = url[..i].to_ascii_lowercase();
        if !["http", "https", "mailto"].contains(&scheme.as_str()) {
            return CowStr::Borrowed("#ZgotmplZ");
        }
    }
    let keep = |b: u8| b.is_ascii_alphanumeric() || b"!#$&*+,/:;=?@[]-._~%".contains(&b);
    if url.bytes().all(keep)
        && scheme_end.is_none_or(|i| !url[..i].bytes().any(|b| b.is_ascii_uppercase()))
    {
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

/// Goldmark reads a definition line (`: text`) only at the start of a line; pulldown-cmark
/// also takes one indented by up to three spaces. Outside fenced code, such a line gets its
/// colon escaped so it stays paragraph text, as in Hugo.
fn indented_definitions(md: &str) -> std::borrow::Cow<'_, str> {
    let candidate = |line: &str| {
        let t = line.trim_start_matches(' ');
        let indent = line.len() - t.len();
        (1..=3).contains(&indent) && t.starts_with(':') && t[1..].starts_with([' ', '\t'])
    };
    if memchr::memchr(b':', md.as_bytes()).is_none() || !md.split('\n').any(candidate) {
        return std::borrow::Cow::Borrowed(md);
    }
    let mut out = String::with_capacity(md.len() + 8);
    let mut fence: Option<&str> = None;
    for (i, line) in md.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let t = line.trim_start_matches(' ');
        let indent = line.len() - t.len();
        if indent <= 3 && (t.starts_with("```") || t.starts_with("~~~")) {
            let marker = &t[..3];
            fence = match fence {
                Some(open) if open == marker => None,
                Some(open) => Some(open),
                None => Some(marker),
            };
        } else if fence.is_none() && candidate(line) {
            out.push_str(&line[..indent]);
            out.push('\\');
            out.push_str(t);
            continue;
        }
        out.push_str(line);
    }
    std::borrow::Cow::Owned(out)
}

fn is_comment(html: &str) -> bool {
    html.trim_start().starts_with("<!--")
}

/// What `markdownify` does after rendering (Hugo's `TrimShortHTML`): drops the `<p>` of
/// output that is a single paragraph.
pub fn trim_single_paragraph(html: String) -> String {
    let trimmed = html.trim();
    if trimmed.matches("<p>").count() == 1
        && trimmed.starts_with("<p>")
        && trimmed.ends_with("</p>")
    {
        trimmed["<p>".len()..trimmed.len() - "</p>".len()]
            .trim()
            .to_string()
    } else {
        html
    }
}

/// Gives headings without an `{#id}` the id Hugo's Goldmark gives them (its "github"
/// anchorizer: lower case, spaces to `-`, punctuation dropped), unique within the render.
fn heading_ids(events: &mut [Event]) {
    let mut used: HashMap<String, usize> = HashMap::new();
    let mut i = 0;
    while i < events.len() {
        if let Event::Start(Tag::Heading { id: None, .. }) = &events[i] {
            let mut text = String::new();
            let mut j = i + 1;
            while j < events.len() && !matches!(events[j], Event::End(TagEnd::Heading(_))) {
                if let Event::Text(t) | Event::Code(t) = &events[j] {
                    text.push_str(t);
                }
                j += 1;
            }
            let mut id = anchorize(&text);
            let n = used.entry(id.clone()).or_insert(0);
            if *n > 0 {
                id = format!("{id}-{n}");
            }
            *n += 1;
            if let Event::Start(Tag::Heading { id: slot, .. }) = &mut events[i] {
                *slot = Some(CowStr::from(id));
            }
            i = j;
        }
        i += 1;
    }
}

/// Footnotes the way Goldmark writes them: numbered in order of first reference,
/// `<sup id="fnref:N">` references, and a `div.footnotes` list with back-links at the end.
/// Returns that list (empty without footnotes); references are rewritten in `events`.
fn footnotes(events: &mut Vec<Event>) -> String {
    if !events
        .iter()
        .any(|e| matches!(e, Event::FootnoteReference(_)))
    {
        events.retain(|e| {
            !matches!(
                e,
                Event::Start(Tag::FootnoteDefinition(_)) | Event::End(TagEnd::FootnoteDefinition)
            )
        });
        return String::new();
    }
    let mut defs: HashMap<String, Vec<Event>> = HashMap::new();
    let mut kept = Vec::with_capacity(events.len());
    let mut current: Option<(String, Vec<Event>)> = None;
    for ev in events.drain(..) {
        match ev {
            Event::Start(Tag::FootnoteDefinition(label)) => {
                current = Some((label.to_string(), Vec::new()))
            }
            Event::End(TagEnd::FootnoteDefinition) => {
                if let Some((label, body)) = current.take() {
                    defs.entry(label).or_insert(body);
                }
            }
            ev => match &mut current {
                Some((_, body)) => body.push(ev),
                None => kept.push(ev),
            },
        }
    }
    // Labels in order of first reference, each with how many times it is referenced.
    let mut order: Vec<(String, usize)> = Vec::new();
    for ev in &mut kept {
        if let Event::FootnoteReference(label) = ev {
            let label = label.to_string();
            if !defs.contains_key(&label) {
                *ev = Event::Text(CowStr::from(format!("[^{label}]")));
                continue;
            }
            let (n, seen) = match order.iter().position(|(l, _)| *l == label) {
                Some(i) => {
                    order[i].1 += 1;
                    (i + 1, order[i].1 - 1)
                }
                None => {
                    order.push((label, 1));
                    (order.len(), 0)
                }
            };
            // Goldmark numbers a repeated reference's id: fnref:1, then fnref1:1, fnref2:1, …
            let id = ref_id(n, seen);
            *ev = Event::InlineHtml(CowStr::from(format!(
                "<sup id=\"{id}\"><a href=\"#fn:{n}\" class=\"footnote-ref\" role=\"doc-noteref\">{n}</a></sup>"
            )));
        }
    }
    *events = kept;
    let mut out = String::from("<div class=\"footnotes\" role=\"doc-endnotes\">\n<hr>\n<ol>\n");
    for (i, (label, refs)) in order.iter().enumerate() {
        let n = i + 1;
        let mut body = String::new();
        pulldown_cmark::html::push_html(
            &mut body,
            defs.remove(label).unwrap_or_default().into_iter(),
        );
        let back: String = (0..*refs)
            .map(|k| format!("&#160;<a href=\"#{}\" class=\"footnote-backref\" role=\"doc-backlink\">&#x21a9;&#xfe0e;</a>", ref_id(n, k)))
            .collect();
        let body = match body.rfind("</p>") {
            Some(at) => format!("{}{back}{}", &body[..at], &body[at..]),
            None => format!("{body}{back}"),
        };
        out.push_str(&format!("<li id=\"fn:{n}\">\n{body}</li>\n"));
    }
    out.push_str("</ol>\n</div>\n");
    out
}

/// The id of the `seen`-th earlier reference to footnote `n` (0 for the first).
fn ref_id(n: usize, seen: usize) -> String {
    if seen == 0 {
        format!("fnref:{n}")
    } else {
        format!("fnref{seen}:{n}")
    }
}

/// Hugo's default ("github") heading anchor for `text`.
pub fn anchorize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.trim().chars() {
        if c.is_alphanumeric() || c == '_' || c == '-' {
            out.extend(c.to_lowercase());
        } else if c.is_whitespace() {
            out.push('-');
        }
    }
    out
}

/// The HTML sanitiser for raw HTML when `unsafe` is on: no scripts, no event handlers, no
/// `javascript:` URLs; the elements Markdown produces and common inline HTML stay.
fn sanitizer(_export: bool) -> &'static ammonia::Builder<'static> {
    static CLEAN: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    CLEAN.get_or_init(|| {
        let mut b = ammonia::Builder::default();
        b.add_tags([
            "input",
            "section",
            "figure",
            "figcaption",
            "details",
            "summary",
            "mark",
            "kbd",
            "dl",
            "dt",
            "dd",
        ])
        .add_generic_attributes([
            "class",
            "id",
            "title",
            "lang",
            "dir",
            "role",
            "aria-label",
            "aria-hidden",
        ])
        .add_tag_attributes("input", ["type", "checked", "disabled"])
        .add_tag_attributes("a", ["href", "title"])
        .add_tag_attributes("img", ["src", "alt", "title", "width", "height", "loading"])
        .add_tag_attributes("th", ["align", "style"])
        .add_tag_attributes("td", ["align", "style"])
        .url_schemes(["http", "https", "mailto", "tel"].into_iter().collect())
        .link_rel(None)
        .strip_comments(false);
        b
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn md(s: &str) -> String {
        Markdown::default().render(s)
    }

    #[test]
    fn typographer_quotes_dashes_and_ellipsis() {
        assert_eq!(
            md("\"Hi\" -- it's... done --- ok"),
            "<p>“Hi” – it’s… done — ok</p>\n"
        );
    }

    #[test]
    fn double_angles_are_guillemets_read_before_html_and_autolinks_as_in_goldmark() {
        assert_eq!(
            md("a << b >> c, 1 <<< 2 >>> 3"),
            "<p>a « b » c, 1 «&lt; 2 »&gt; 3</p>\n"
        );
        assert_eq!(md("<<quoted>> and <<x>"), "<p>«quoted» and «x&gt;</p>\n");
        assert_eq!(
            md("<<https://e.com>>"),
            "<p>«<a href=\"https://e.com\">https://e.com</a>»</p>\n"
        );
        assert_eq!(md("`a << b`\n\n    x >> y\n\n>> nested"), "<p><code>a &lt;&lt; b</code></p>\n<pre><code>x &gt;&gt; y\n</code></pre>\n<blockquote>\n<blockquote>\n<p>nested</p>\n</blockquote>\n</blockquote>\n");
    }

    #[test]
    fn raw_html_is_omitted_like_goldmark_by_default() {
        assert_eq!(
            md("<div>x</div>\n<p>y</p>\n"),
            "<!-- raw HTML omitted -->\n"
        );
        assert_eq!(
            md("a <b>b</b> c"),
            "<p>a <!-- raw HTML omitted -->b<!-- raw HTML omitted --> c</p>\n"
        );
    }

    #[test]
    fn dangerous_destinations_are_emptied_unless_raw_html_is_allowed() {
        assert_eq!(
            md("[a](JavaScript:alert(1)) [b](data:text/html,x) [c](file:///etc/passwd)"),
            "<p><a href=\"\">a</a> <a href=\"\">b</a> <a href=\"\">c</a></p>\n"
        );
        assert_eq!(
            md("![p](data:image/png;base64,AA==)"),
            "<p><img src=\"data:image/png;base64,AA==\" alt=\"p\" /></p>\n"
        );
        assert_eq!(
            md("[x](https://e.com/a^b)"),
            "<p><a href=\"https://e.com/a%5Eb\">x</a></p>\n"
        );
    }

    #[test]
    fn with_hugos_render_hooks_destinations_are_filtered_and_encoded_as_html_template_does() {
        let hooked = Markdown {
            markup: Markup {
                link_hook: true,
                image_hook: true,
                ..Markup::default()
            },
            ..Markdown::default()
        };
        assert_eq!(
            hooked.render("[a](HTTPS://e.com/a(b)c'd) [b](tel:1) [c](javascript:x) [d](#top) ![i](my pic.png)"),
            "<p><a href=\"https://e.com/a%28b%29c%27d\">a</a> <a href=\"#ZgotmplZ\">b</a> <a href=\"#ZgotmplZ\">c</a> <a href=\"#top\">d</a> ![i](my pic.png)</p>\n"
        );
        assert_eq!(hooked.render("![i](<my pic.png>) https://e.com/x_(y)"), "<p><img src=\"my%20pic.png\" alt=\"i\" /> <a href=\"https://e.com/x_%28y%29\">https://e.com/x_(y)</a></p>\n");
    }

    #[test]
    fn html_comments_are_dropped_without_a_marker_as_hugo_does() {
        assert_eq!(
            md("<!-- note\nto self -->\n\ntext <!-- inline --> more"),
            "<p>text  more</p>\n"
        );
    }

    #[test]
    fn links_start_only_at_the_start_of_a_word_and_never_take_a_closing_quote() {
        assert_eq!(
            md("\"https://e.com\" (me@e.com) [www.e.com] x:https://e.com mailto:me@e.com"),
            "<p>“<a href=\"https://e.com\">https://e.com</a>” (<a href=\"mailto:me@e.com\">me@e.com</a>) [www.e.com] x:https://e.com mailto:me@e.com</p>\n"
        );
    }

    #[test]
    fn each_line_of_a_definition_lists_terms_is_a_term() {
        assert_eq!(
            md("One\nTwo\n: Both"),
            "<dl>\n<dt>One</dt>\n<dt>Two</dt>\n<dd>Both</dd>\n</dl>\n"
        );
    }

    #[test]
    fn a_url_split_by_emphasis_characters_is_linked_whole() {
        assert_eq!(
            md("https://e.com/x_(y)."),
            "<p><a href=\"https://e.com/x_(y)\">https://e.com/x_(y)</a>.</p>\n"
        );
    }

    #[test]
    fn a_repeated_footnote_reference_gets_its_own_id_and_back_link() {
        let html = md("a[^n] b[^n]\n\n[^n]: Note.");
        assert!(
            html.contains("<sup id=\"fnref:1\">") && html.contains("<sup id=\"fnref1:1\">"),
            "{html}"
        );
        assert!(
            html.contains("href=\"#fnref:1\"") && html.contains("href=\"#fnref1:1\""),
            "{html}"
        );
    }

    #[test]
    fn unsafe_html_is_kept_but_sanitised() {
        let html = Markdown { markup: Markup { unsafe_html: true, ..Markup::default() }, ..Markdown::default() }
            .render("<b onclick=\"x()\">b</b> <script>alert(1)</script> <a href=\"javascript:alert(1)\">l</a>");
        assert!(html.contains("<b>b</b>"), "{html}");
        assert!(
            !html.contains("script") && !html.contains("onclick") && !html.contains("javascript"),
            "{html}"
        );
    }

    #[test]
    fn bare_urls_and_www_names_become_links_but_not_plain_domains() {
        let html = md("see https://example.dev/x, www.example.org and example.com");
        assert!(
            html.contains("<a href=\"https://example.dev/x\">https://example.dev/x</a>"),
            "{html}"
        );
        assert!(
            html.contains("<a href=\"https://www.example.org\">www.example.org</a>"),
            "{html}"
        );
        assert!(!html.contains("href=\"http://example.com"), "{html}");
    }

    #[test]
    fn headings_get_github_style_ids() {
        assert_eq!(md("## Main challenges!\n## Main challenges!"), "<h2 id=\"main-challenges\">Main challenges!</h2>\n<h2 id=\"main-challenges-1\">Main challenges!</h2>\n");
    }

    #[test]
    fn footnotes_are_written_like_goldmark() {
        let html = md("A[^x] b.\n\n[^x]: Note.");
        assert_eq!(
            html,
            "<p>A<sup id=\"fnref:1\"><a href=\"#fn:1\" class=\"footnote-ref\" role=\"doc-noteref\">1</a></sup> b.</p>\n\
             <div class=\"footnotes\" role=\"doc-endnotes\">\n<hr>\n<ol>\n<li id=\"fn:1\">\n\
             <p>Note.&#160;<a href=\"#fnref:1\" class=\"footnote-backref\" role=\"doc-backlink\">&#x21a9;&#xfe0e;</a></p>\n</li>\n</ol>\n</div>\n"
        );
    }

    #[test]
    fn markdownify_drops_the_paragraph_of_a_single_paragraph() {
        let m = Markdown::default();
        assert_eq!(m.markdownify("**x**"), "<strong>x</strong>");
        assert_eq!(m.markdownify("a\n\nb"), "<p>a</p>\n<p>b</p>\n");
    }
}
