//! The preview's anchors for shortcodes inside a container (a card in a grid, a tab in a
//! tabs shortcode), so that the preview opens at the nested block being edited, not at
//! its container's top.
//!
//! A nested call's output reaches the page through its container's template, which may
//! wrap, reorder or rewrite it: the anchors are placed in the top-level call's finished
//! output (never in a `.Inner` a template reads), each where its call's own output is found
//! there, in source order; one that is not found is placed where the one before it was.
//! Each anchor is a `<span>` (a link may hold it) inside the first element of its call's
//! output, out of the layout (`position:absolute`: a grid or flex container gains no item),
//! so the browser scrolls to the top of that element.

use std::collections::HashMap;
use std::ops::Range;

use crate::page::{BlockSpan, Page};

/// The class of a nested call's anchor (styled in `baseof.rs`).
pub(super) const CLASS: &str = "folio-anchor folio-nested";

/// The anchor names of the calls inside the shortcodes of blocks `shown`, by call index:
/// `ID-K-…`, the block's id (`ids`, by position; else its position), then at each level
/// the call's position among its container's blocks (the forms' path to it).
pub(super) fn names(page: &Page, shown: Range<usize>, ids: &[usize]) -> HashMap<usize, String> {
    let mut out = HashMap::new();
    let mut containers: Vec<(usize, String)> = shown
        .filter_map(|k| match page.blocks().get(k) {
            Some(BlockSpan::Shortcode(i)) => {
                Some((*i, ids.get(k).copied().unwrap_or(k).to_string()))
            }
            _ => None,
        })
        .collect();
    while let Some((i, name)) = containers.pop() {
        for (k, b) in page.region_of(i).blocks.iter().enumerate() {
            if let BlockSpan::Shortcode(j) | BlockSpan::Card(j) = b {
                let child = format!("{name}-{k}");
                out.insert(*j, child.clone());
                containers.push((*j, child));
            }
        }
    }
    out
}

/// `html` (a top-level call's output) with an anchor for each of `calls` (its nested
/// calls' anchor names and outputs, in source order) placed as the module says.
pub(super) fn place(html: String, calls: &[(&str, &str)]) -> String {
    if calls.is_empty() {
        return html;
    }
    let mut cuts: Vec<(usize, &str)> = Vec::with_capacity(calls.len());
    let mut from = 0;
    // A search that misses reads to the end: past a few readings of the whole output (a
    // template that rewrites every nested output), the rest stay where the last one was.
    let mut budget = html.len().saturating_mul(8);
    for &(name, output) in calls {
        let trimmed = output.trim_start();
        let rest = html.get(from..).unwrap_or_default();
        // Only an output that starts with an element is looked for: text may be found
        // inside an attribute or a comment, where an anchor would break the markup.
        let found = if !trimmed.starts_with('<') || budget == 0 {
            None
        } else if let Some(at) = rest.find(trimmed) {
            budget = budget.saturating_sub(at);
            Some(from + at)
        } else {
            budget = budget.saturating_sub(rest.len());
            None
        };
        let at = match found {
            Some(at) => inside_first_element(&html, at),
            None => from,
        };
        from = from.max(at);
        cuts.push((at, name));
    }
    let mut out = String::with_capacity(html.len() + cuts.len() * 64);
    let mut done = 0;
    for (at, name) in cuts {
        out.push_str(html.get(done..at).unwrap_or_default());
        out.push_str(&format!(
            "<span class=\"{CLASS}\" id=\"folio-block-{name}\"></span>"
        ));
        done = at;
    }
    out.push_str(html.get(done..).unwrap_or_default());
    out
}

/// Where an anchor for output found at `at` goes: just inside the element that starts
/// there (after its start tag) when it is one of the flow containers a `<span>` may stand
/// in and be drawn; else before it (an SVG, which a `<span>` would close; a `<style>` or a
/// `<textarea>`, which would take it as text; a `<template>`, a `<select>`, a `<video>`).
fn inside_first_element(html: &str, at: usize) -> usize {
    let rest = html.get(at..).unwrap_or_default();
    let Some(tag) = rest.strip_prefix('<') else {
        return at;
    };
    let name: String = tag
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase();
    const CONTAINERS: &[&str] = &[
        "a",
        "article",
        "aside",
        "blockquote",
        "dd",
        "div",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "li",
        "main",
        "nav",
        "p",
        "section",
        "span",
        "td",
        "th",
    ];
    if !CONTAINERS.contains(&name.as_str()) {
        return at;
    }
    // The start tag ends at the first `>` outside a quoted attribute value.
    let mut quote = None;
    for (k, c) in rest.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return at + k + 1,
            _ => {}
        }
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_nested_output_gets_its_anchor_inside_its_first_element_in_order() {
        let html = "<div class=\"grid\">\n<a class=\"tile\" href=\"x>y\"><h3>A</h3></a>\n<a class=\"tile\"><h3>B</h3></a>\n</div>".to_string();
        let placed = place(
            html,
            &[
                ("1-0", "<a class=\"tile\" href=\"x>y\"><h3>A</h3></a>"),
                ("1-1", "\n<a class=\"tile\"><h3>B</h3></a>"),
            ],
        );
        assert_eq!(
            placed,
            "<div class=\"grid\">\n<a class=\"tile\" href=\"x>y\"><span class=\"folio-anchor folio-nested\" id=\"folio-block-1-0\"></span><h3>A</h3></a>\n\
             <a class=\"tile\"><span class=\"folio-anchor folio-nested\" id=\"folio-block-1-1\"></span><h3>B</h3></a>\n</div>"
        );
    }

    #[test]
    fn an_output_the_template_changed_is_anchored_where_the_one_before_it_was() {
        let html = "<ul><li>A</li><li>b</li></ul>".to_string();
        let placed = place(html, &[("2-0", "<li>A</li>"), ("2-1", "<li>B</li>")]);
        assert_eq!(
            placed,
            "<ul><li><span class=\"folio-anchor folio-nested\" id=\"folio-block-2-0\"></span>\
             <span class=\"folio-anchor folio-nested\" id=\"folio-block-2-1\"></span>A</li><li>b</li></ul>"
        );
    }

    #[test]
    fn an_element_a_span_cannot_stand_in_is_anchored_before_it() {
        for first in [
            "<img src=a.png>",
            "<svg viewBox=\"0 0 8 8\"><path d=\"M0 0\"/></svg>",
            "<style>p{}</style>",
            "<textarea>x</textarea>",
        ] {
            let html = format!("<div>{first}</div>");
            assert_eq!(
                place(html.clone(), &[("0-0", first)]),
                format!("<div><span class=\"folio-anchor folio-nested\" id=\"folio-block-0-0\"></span>{first}</div>"),
                "{first}"
            );
        }
    }

    #[test]
    fn a_text_output_is_not_looked_for_and_goes_where_the_one_before_it_went() {
        // `2024` is in the title attribute too: an anchor there would break the tag.
        let html = "<div title=\"2024\"><span>x</span> 2024</div>".to_string();
        assert_eq!(
            place(html, &[("0-0", "<span>x</span>"), ("0-1", "2024")]),
            "<div title=\"2024\"><span><span class=\"folio-anchor folio-nested\" id=\"folio-block-0-0\"></span>\
             <span class=\"folio-anchor folio-nested\" id=\"folio-block-0-1\"></span>x</span> 2024</div>"
        );
    }
}
