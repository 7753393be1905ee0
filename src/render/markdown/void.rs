//! Goldmark's HTML for the void elements Markdown makes: `<br>`, `<hr>` and
//! `<img src="…" alt="…" title="…">`, written the HTML way unless the site asks for XHTML
//! (`markup.goldmark.renderer.xhtml`: `<br />`), where pulldown-cmark's writer always
//! closes them the XHTML way. The source of each rule is Goldmark's HTML renderer
//! (`renderer/html/html.go`: `renderText` for a hard line break, `renderThematicBreak`,
//! `renderImage` and `renderTexts` for an image's alt text). A link's title is escaped as
//! Goldmark escapes it too (`'` as it is). Raw HTML the page writes itself is left as
//! written, as Goldmark leaves it.

use pulldown_cmark::{CowStr, Event, LinkType, Tag, TagEnd};
use pulldown_cmark_escape::escape_href;

use crate::render::entities;
use crate::render::Typography;

/// Markdown's events as HTML, appended to `out`: pulldown-cmark's writer, with hard line
/// breaks, thematic breaks and images written as Goldmark writes them, closed the XHTML
/// way when the site's `markup` says so, and text escaped as Goldmark escapes it, its
/// typographer's substitutions and emoji as Goldmark writes them (`entities.rs`).
pub fn push_html<'a>(
    out: &mut String,
    events: impl IntoIterator<Item = Event<'a>>,
    markup: &crate::site::Markup,
) {
    pulldown_cmark::html::push_html(
        out,
        Void {
            events: events.into_iter(),
            xhtml: markup.xhtml,
            typography: markup.extensions.typography,
            embedded: (markup.link_hook, markup.image_hook),
        },
    );
}

/// The events with each void element made the HTML Goldmark writes for it.
struct Void<I> {
    events: I,
    xhtml: bool,
    typography: &'static Typography,
    /// Whether Hugo's embedded link hook, and its image hook, write the links and images
    /// ([`embedded_tag`]). A site's own hook writes its elements before they get here.
    embedded: (bool, bool),
}

impl<'a, I: Iterator<Item = Event<'a>>> Iterator for Void<I> {
    type Item = Event<'a>;

    fn next(&mut self) -> Option<Event<'a>> {
        Some(match self.events.next()? {
            // pulldown-cmark's writer escapes `&`, `<` and `>` as Goldmark does: text
            // without a `"` or a mark is left to it, unallocated.
            Event::Text(t) if !goldmark_writes_otherwise(&t) => Event::Text(t),
            Event::Code(t) if !goldmark_writes_otherwise(&t) => Event::Code(t),
            Event::Text(t) => Event::InlineHtml(entities::html(&t, self.typography).into()),
            Event::Code(t) => Event::InlineHtml(
                format!("<code>{}</code>", entities::html(&t, self.typography)).into(),
            ),
            Event::HardBreak => Event::InlineHtml(CowStr::Borrowed(line_break(self.xhtml))),
            Event::Rule => Event::Html(CowStr::Borrowed(if self.xhtml {
                "<hr />\n"
            } else {
                "<hr>\n"
            })),
            Event::Start(Tag::Image {
                dest_url, title, ..
            }) => {
                let (xhtml, typography) = (self.xhtml, self.typography);
                let html = if self.embedded.1 {
                    // The hook's `.PlainText`: a line break as a line break, no `<br>`.
                    let alt = alt_text(&mut self.events, (None, typography));
                    let alt = html_escape::decode_html_entities(&alt);
                    embedded_tag(EmbeddedTag::Image, &dest_url, &title, &alt)
                } else {
                    let alt = alt_text(&mut self.events, (Some(xhtml), typography));
                    image(&dest_url, &title, &alt, xhtml)
                };
                Event::InlineHtml(html.into())
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                ..
            }) if self.embedded.0 => {
                let dest = super::link_destination(link_type, &dest_url);
                Event::InlineHtml(embedded_tag(EmbeddedTag::Link, &dest, &title, "").into())
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                ..
            }) => Event::InlineHtml(link(link_type, &dest_url, &title).into()),
            other => other,
        })
    }
}

/// Whether Goldmark writes `text` otherwise than pulldown-cmark's writer: it holds a `"`
/// (Goldmark's `&quot;`) or one of the typographer's or the emoji's marks.
fn goldmark_writes_otherwise(text: &str) -> bool {
    memchr::memchr(b'"', text.as_bytes()).is_some() || entities::has_marks(text)
}

/// A link's opening tag, its title escaped as Goldmark escapes it (`renderLink`; an
/// autolinked email address gets `mailto:`, `renderAutoLink`). pulldown-cmark's writer
/// closes it (`</a>`).
fn link(link_type: LinkType, dest_url: &str, title: &str) -> String {
    let mut out = String::from("<a href=\"");
    href(&mut out, &super::link_destination(link_type, dest_url));
    if !title.is_empty() {
        out.push_str("\" title=\"");
        escape(&mut out, title);
    }
    out.push_str("\">");
    out
}

/// A link's or image's destination as Goldmark writes it (`util.URLEscape`, then
/// `EscapeHTML`): pulldown-cmark's `escape_href`, which percent-encodes as Goldmark does,
/// but an apostrophe left as it is (pulldown-cmark writes `&#x27;`).
fn href(out: &mut String, url: &str) {
    let mut escaped = String::with_capacity(url.len());
    // Writing to a String does not fail.
    let _ = escape_href(&mut escaped, url);
    out.push_str(&escaped.replace("&#x27;", "'"));
}

/// Goldmark's hard line break.
fn line_break(xhtml: bool) -> &'static str {
    if xhtml {
        "<br />\n"
    } else {
        "<br>\n"
    }
}

/// The alt text of an image whose inner events follow in `events` (taken through its
/// end): their text as Goldmark's `renderTexts` writes it, text and code escaped, a soft
/// line break as a line break and a hard one as Goldmark's `<br>` with it (`xhtml`: the
/// site's way of closing it; `None`: a line break, as a render hook's `.PlainText` has
/// it), raw HTML left out.
fn alt_text<'a>(
    events: &mut impl Iterator<Item = Event<'a>>,
    (xhtml, typography): (Option<bool>, &Typography),
) -> String {
    let mut alt = String::new();
    let mut depth = 0usize;
    for event in events.by_ref() {
        match event {
            Event::Start(_) => depth += 1,
            Event::End(TagEnd::Image) if depth == 0 => break,
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::Text(t) | Event::Code(t) => alt.push_str(&entities::html(&t, typography)),
            Event::InlineMath(t) => escape(&mut alt, &format!("${t}$")),
            Event::DisplayMath(t) => escape(&mut alt, &format!("$${t}$$")),
            Event::SoftBreak => alt.push('\n'),
            Event::HardBreak => match xhtml {
                Some(xhtml) => alt.push_str(line_break(xhtml)),
                None => alt.push('\n'),
            },
            Event::Rule => alt.push(' '),
            Event::TaskListMarker(done) => alt.push_str(if done { "[x]" } else { "[ ]" }),
            Event::Html(_) | Event::InlineHtml(_) | Event::FootnoteReference(_) => {}
        }
    }
    alt
}

/// The `<img>` Goldmark writes of an image, `alt` its [`alt_text`].
fn image(dest_url: &str, title: &str, alt: &str, xhtml: bool) -> String {
    let mut out = String::from("<img src=\"");
    href(&mut out, dest_url);
    out.push_str("\" alt=\"");
    out.push_str(alt);
    if !title.is_empty() {
        out.push_str("\" title=\"");
        escape(&mut out, title);
    }
    out.push_str(if xhtml { "\" />" } else { "\">" });
    out
}

/// Which of Hugo's embedded render hooks writes a tag.
#[derive(Clone, Copy)]
enum EmbeddedTag {
    Link,
    Image,
}

/// The opening `<a>` (or the `<img>`) Hugo's embedded link hook (image hook) writes:
/// the last lines of `_markup/render-link.html` (`render-image.html`) in Hugo's
/// `tpl/tplimpl/embedded/templates/`, run by gotmpl's html/template, which escapes the
/// destination as a URL and each value as an attribute as Go's does (`'` as `&#39;`, `+`
/// as `&#43;`, `"` as `&#34;`, where Goldmark writes `'`, `+` and `&quot;`). `dest` is
/// the destination the hook's first lines give, already through html/template's URL
/// filter and where the document finds its file (`markdown::destination`: the preview's
/// `folio:` URL, which the filter would refuse), so it goes in as a safe URL; `alt` is the
/// image's text (`.PlainText`). An image's block attributes are added after, as for
/// Goldmark's.
fn embedded_tag(tag: EmbeddedTag, dest: &str, title: &str, alt: &str) -> String {
    use gotmpl::html::Template;
    use gotmpl::Value;
    use std::sync::{Arc, LazyLock};
    static LINK: LazyLock<Option<Template>> = LazyLock::new(|| {
        Template::new("render-link.html")
            .parse(r#"<a href="{{ .dest }}" {{- with .title }} title="{{ . }}" {{- end }}>"#)
            .ok()
    });
    static IMAGE: LazyLock<Option<Template>> = LazyLock::new(|| {
        Template::new("render-image.html")
            .parse(
                r#"<img src="{{ .dest }}" alt="{{ .alt }}" {{- with .title }} title="{{ . }}" {{- end }}>"#,
            )
            .ok()
    });
    let template = match tag {
        EmbeddedTag::Link => &*LINK,
        EmbeddedTag::Image => &*IMAGE,
    };
    let string = |s: &str| Value::String(Arc::from(s));
    let url = Value::Safe {
        kind: gotmpl::SafeKind::Url,
        s: Arc::from(dest),
    };
    let values = crate::templates::engine::values::map([
        ("dest", url),
        ("title", string(title)),
        ("alt", string(alt)),
    ]);
    // Both templates parse and run on any strings; written as Goldmark writes them if not.
    template
        .as_ref()
        .and_then(|t| t.execute_to_string(&values).ok())
        .unwrap_or_else(|| match tag {
            EmbeddedTag::Link => link(LinkType::Inline, dest, title),
            EmbeddedTag::Image => {
                let alt = html_escape::encode_double_quoted_attribute(alt);
                image(dest, title, &alt, false)
            }
        })
}

/// `text` escaped as Goldmark escapes HTML (`util.EscapeHTML`): `&`, `<`, `>` and `"`,
/// an apostrophe as it is; the same four `html_escape` escapes in a double-quoted
/// attribute.
fn escape(out: &mut String, text: &str) {
    html_escape::encode_double_quoted_attribute_to_string(text, out);
}

#[cfg(test)]
mod tests {
    use super::push_html;
    use pulldown_cmark::Parser;

    fn html(md: &str, xhtml: bool) -> String {
        let mut out = String::new();
        let markup = crate::site::Markup {
            xhtml,
            ..Default::default()
        };
        push_html(&mut out, Parser::new(md), &markup);
        out
    }

    #[test]
    fn breaks_and_rules_are_written_without_a_closing_slash_as_goldmark_writes_them() {
        assert_eq!(html("a  \nb\n\n***\n", false), "<p>a<br>\nb</p>\n<hr>\n");
    }

    #[test]
    fn with_xhtml_on_breaks_rules_and_images_are_closed_the_xhtml_way() {
        assert_eq!(
            html("a  \nb\n\n***\n\n![i](a.png)\n", true),
            "<p>a<br />\nb</p>\n<hr />\n<p><img src=\"a.png\" alt=\"i\" /></p>\n"
        );
    }

    #[test]
    fn an_image_is_written_without_a_closing_slash_its_alt_text_plain() {
        assert_eq!(
            html("![alt *x* `c` it's](<a b.png> \"T & \\\"q\\\" it's\")\n", false),
            "<p><img src=\"a%20b.png\" alt=\"alt x c it's\" title=\"T &amp; &quot;q&quot; it's\"></p>\n"
        );
    }

    #[test]
    fn an_images_alt_text_leaves_raw_html_out_and_keeps_its_line_breaks() {
        assert_eq!(
            html("![a <b>bold</b> line\nnext\\\nhard](c.png)\n", false),
            "<p><img src=\"c.png\" alt=\"a bold line\nnext<br>\nhard\"></p>\n"
        );
    }

    #[test]
    fn a_links_title_keeps_its_apostrophe_and_an_email_autolink_gets_mailto() {
        assert_eq!(
            html("[a](b \"it's & <x>\") <me@x.org>\n", false),
            "<p><a href=\"b\" title=\"it's &amp; &lt;x&gt;\">a</a> \
             <a href=\"mailto:me@x.org\">me@x.org</a></p>\n"
        );
    }

    #[test]
    fn raw_html_keeps_its_own_closing_slash() {
        assert_eq!(html("<br />\n", false), "<br />\n");
    }
}
