//! Goldmark's HTML for the void elements Markdown makes: `<br>`, `<hr>` and
//! `<img src="…" alt="…" title="…">`, written the HTML way, where pulldown-cmark's writer
//! closes them the XHTML way (`<br />`). Hugo's Goldmark renderer has `XHTML` off
//! (`goldmark/renderer/html`: `RenderHardLineBreak`, `renderThematicBreak`,
//! `renderImage`), so a page's HTML matches Hugo's byte for byte here. Raw HTML the page
//! writes itself is left as written, as Goldmark leaves it.

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};
use pulldown_cmark_escape::{escape_href, escape_html};

/// Markdown's events as HTML, appended to `out`: pulldown-cmark's writer, with hard line
/// breaks, thematic breaks and images written as Goldmark writes them.
pub fn push_html<'a>(out: &mut String, events: impl IntoIterator<Item = Event<'a>>) {
    let mut events = events.into_iter();
    let mut html: Vec<Event<'a>> = Vec::new();
    while let Some(event) = events.next() {
        html.push(match event {
            Event::HardBreak => Event::InlineHtml(CowStr::Borrowed("<br>\n")),
            Event::Rule => Event::Html(CowStr::Borrowed("<hr>\n")),
            Event::Start(Tag::Image {
                dest_url, title, ..
            }) => Event::InlineHtml(image(&dest_url, &title, &mut events).into()),
            other => other,
        });
    }
    pulldown_cmark::html::push_html(out, html.into_iter());
}

/// The `<img>` of an image whose inner events follow in `events` (taken through its end):
/// its alt text is their plain text, as pulldown-cmark's writer and Goldmark make it
/// (text, code and inline HTML as written, a line break as a space).
fn image<'a>(dest_url: &str, title: &str, events: &mut impl Iterator<Item = Event<'a>>) -> String {
    let mut alt = String::new();
    let mut depth = 0usize;
    for event in events.by_ref() {
        match event {
            Event::Start(_) => depth += 1,
            Event::End(TagEnd::Image) if depth == 0 => break,
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::Text(t) | Event::Code(t) | Event::InlineHtml(t) => alt.push_str(&t),
            Event::InlineMath(t) => alt.push_str(&format!("${t}$")),
            Event::DisplayMath(t) => alt.push_str(&format!("$${t}$$")),
            Event::SoftBreak | Event::HardBreak | Event::Rule => alt.push(' '),
            Event::TaskListMarker(done) => alt.push_str(if done { "[x]" } else { "[ ]" }),
            Event::Html(_) | Event::FootnoteReference(_) => {}
        }
    }
    let mut out = String::from("<img src=\"");
    // Writing to a String does not fail.
    let _ = escape_href(&mut out, dest_url);
    out.push_str("\" alt=\"");
    let _ = escape_html(&mut out, &alt);
    if !title.is_empty() {
        out.push_str("\" title=\"");
        let _ = escape_html(&mut out, title);
    }
    out.push_str("\">");
    out
}

#[cfg(test)]
mod tests {
    use super::push_html;
    use pulldown_cmark::Parser;

    fn html(md: &str) -> String {
        let mut out = String::new();
        push_html(&mut out, Parser::new(md));
        out
    }

    #[test]
    fn breaks_and_rules_are_written_without_a_closing_slash_as_goldmark_writes_them() {
        assert_eq!(html("a  \nb\n\n***\n"), "<p>a<br>\nb</p>\n<hr>\n");
    }

    #[test]
    fn an_image_is_written_without_a_closing_slash_its_alt_text_plain() {
        assert_eq!(
            html("![alt *x* `c`](<a b.png> \"T & \\\"q\\\"\")\n"),
            "<p><img src=\"a%20b.png\" alt=\"alt x c\" title=\"T &amp; &quot;q&quot;\"></p>\n"
        );
    }

    #[test]
    fn raw_html_keeps_its_own_closing_slash() {
        assert_eq!(html("<br />\n"), "<br />\n");
    }
}
