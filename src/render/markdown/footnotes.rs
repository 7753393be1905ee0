//! Footnotes as Goldmark's footnote extension writes them
//! (`extension/footnote.go` in yuin/goldmark): numbered in order of first reference, with
//! back-links, in a `div.footnotes` list after the text.

use std::collections::HashMap;

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

/// Numbers the references in `events` as Goldmark does (in order of first reference,
/// those inside definitions too), each rewritten as Goldmark's `<sup id="fnref:N">` where
/// it stands (the definitions stay until [`footnotes`]). Returns the labels in order of
/// first reference, each with how many times it is referenced: what [`footnotes`] lists.
/// Done before the render hooks run, so an element holding a reference (an alert) gets
/// its hook with the reference's number.
pub(super) fn number(events: &mut [Event]) -> Vec<(String, usize)> {
    if !events
        .iter()
        .any(|e| matches!(e, Event::FootnoteReference(_)))
    {
        return Vec::new();
    }
    let defined: std::collections::HashSet<String> = events
        .iter()
        .filter_map(|e| match e {
            Event::Start(Tag::FootnoteDefinition(label)) => Some(label.to_string()),
            _ => None,
        })
        .collect();
    number_references(events, &defined)
}

/// Footnotes the way Goldmark writes them: references numbered by [`number`] (`order`),
/// and a `div.footnotes` list of the referenced ones with back-links at the end. Returns
/// that list (empty when nothing is referenced); the definitions are taken out of
/// `events`, referenced or not (Goldmark writes an unreferenced one nowhere).
pub(super) fn footnotes(
    events: &mut Vec<Event>,
    order: &[(String, usize)],
    markup: &crate::site::Markup,
) -> String {
    if !events
        .iter()
        .any(|e| matches!(e, Event::Start(Tag::FootnoteDefinition(_))))
    {
        return String::new();
    }
    let (kept, mut defs) = definitions(events.drain(..));
    *events = kept;
    if order.is_empty() {
        return String::new();
    }
    list(order, &mut defs, markup)
}

/// Footnote bodies by label (the first definition of a label wins), and the other events.
fn definitions<'e>(
    events: impl Iterator<Item = Event<'e>>,
) -> (Vec<Event<'e>>, HashMap<String, Vec<Event<'e>>>) {
    let mut defs: HashMap<String, Vec<Event>> = HashMap::new();
    let mut kept = Vec::with_capacity(events.size_hint().0);
    let mut current: Option<(String, Vec<Event>)> = None;
    for ev in events {
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
    (kept, defs)
}

/// Rewrites each reference in `events` as Goldmark's `<sup>`, in the order Goldmark reads
/// them (the text's, a definition's where it is written; a reference to a label not
/// `defined` stays text). Returns the labels in order of first reference, each with how
/// many times it is referenced.
fn number_references(
    events: &mut [Event],
    defined: &std::collections::HashSet<String>,
) -> Vec<(String, usize)> {
    let mut order: Vec<(String, usize)> = Vec::new();
    for ev in events {
        if let Event::FootnoteReference(label) = ev {
            let label = label.to_string();
            if !defined.contains(&label) {
                *ev = Event::Text(CowStr::from(format!("[^{label}]")));
                continue;
            }
            let found = order.iter_mut().enumerate().find(|(_, (l, _))| *l == label);
            let (n, seen) = match found {
                Some((i, (_, refs))) => {
                    *refs += 1;
                    (i + 1, *refs - 1)
                }
                None => {
                    order.push((label, 1));
                    (order.len(), 0)
                }
            };
            // Goldmark numbers a repeated reference's id: fnref:1, then fnref1:1, fnref2:1, …
            let id = ref_id(n, seen);
            *ev = Event::InlineHtml(CowStr::from(format!(
                "<sup id=\"{id}\"><a href=\"#fn:{n}\" class=\"footnote-ref\" \
                 role=\"doc-noteref\">{n}</a></sup>"
            )));
        }
    }
    order
}

/// The `div.footnotes` list: the bodies of `order`'s labels, each with one back-link per
/// reference, showing the site's `footnote.backlinkHTML`.
fn list(
    order: &[(String, usize)],
    defs: &mut HashMap<String, Vec<Event>>,
    markup: &crate::site::Markup,
) -> String {
    let xhtml = markup.xhtml;
    let shown = markup.extensions.footnote_backlink;
    let rule = if xhtml { "<hr />" } else { "<hr>" };
    let mut out = format!("<div class=\"footnotes\" role=\"doc-endnotes\">\n{rule}\n<ol>\n");
    for (i, (label, refs)) in order.iter().enumerate() {
        let n = i + 1;
        let mut body = String::new();
        super::void::push_html(&mut body, defs.remove(label).unwrap_or_default(), markup);
        let back: String = (0..*refs)
            .map(|k| {
                format!(
                    "&#160;<a href=\"#{}\" class=\"footnote-backref\" role=\"doc-backlink\">\
                     {shown}</a>",
                    ref_id(n, k)
                )
            })
            .collect();
        let body = match body.rsplit_once("</p>") {
            Some((before, after)) => format!("{before}{back}</p>{after}"),
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
