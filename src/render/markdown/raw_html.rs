//! Raw HTML when the site sets `markup.goldmark.renderer.unsafe`: Hugo writes it as it
//! is, and so does Folio, byte for byte, but for what runs code. A streaming rewriter
//! (`lol_html`) reads the HTML as a browser tokenises it and removes only:
//! - `<script>` elements, with their content (in HTML, SVG and MathML), and `<object>`,
//!   `<embed>` and `<base>` (a document or code of their own; every link moved);
//! - event handler attributes (`on…`), `srcdoc` (a frame's page, which may run script),
//!   `nonce`, `http-equiv`, and `autofocus` (which would take the focus from Folio's form);
//! - an attribute whose URL has the `javascript:` or `vbscript:` scheme, or a `data:` URL
//!   that opens a document (a link's, a form's action, a frame's page);
//! - an SVG animation's `values`/`to`/`from`/`by` naming such a URL;
//! - the `opener` token of a `rel` (a page a link opens could move this one).
//!
//! Everything else stays as written, custom elements (`<lite-youtube>`), `<noscript>`,
//! `<template>` and attributes such as `x-data` or `hx-get` included, and tags are not
//! balanced: an element opened by one shortcode and closed by the Markdown after it
//! stays one element, as in Hugo's page.

use std::sync::LazyLock;

use lol_html::html_content::Element;
use lol_html::{element, rewrite_str, RewriteStrSettings};

use crate::text;

/// `html` without what runs code (the module's list). HTML the rewriter cannot read
/// safely (a raw-text element such as `<style>` inside `<select>`: `lol_html`'s parsing
/// ambiguity), or whose cleaned form a browser's parse still finds code in, is escaped
/// whole, so it shows as text and runs nothing.
pub fn clean(html: &str) -> String {
    let settings = RewriteStrSettings::new().append_element_content_handler(element!("*", |el| {
        clean_element(el);
        Ok(())
    }));
    // The rewriter guesses the tree from tokens; where its guess and a browser's parse
    // differ (a self-closed `<svg/>` then `<![CDATA[`), the browser's parse decides.
    match rewrite_str(html, settings) {
        Ok(clean) if runs_nothing(&clean) => clean,
        _ => html_escape::encode_text(html).into_owned(),
    }
}

/// Whether `html`, parsed as a browser parses part of a page's body (html5ever, through
/// `scraper`), holds nothing the module's list removes.
fn runs_nothing(html: &str) -> bool {
    scraper::Html::parse_fragment(html)
        .tree
        .values()
        .all(|node| match node {
            scraper::Node::Element(e) => {
                let tag = e.name().to_ascii_lowercase();
                !removed(&tag)
                    && e.attrs()
                        .all(|(name, value)| !runs_code(&tag, &name.to_ascii_lowercase(), value))
            }
            _ => true,
        })
}

/// The elements removed whole: scripts, and what loads a document or code of its own or
/// moves every link of the page (`object`, `embed`, `base`).
fn removed(tag: &str) -> bool {
    matches!(tag, "script" | "object" | "embed" | "base")
}

/// Removes `el` when it is [`removed`], else the attributes of it that run code.
fn clean_element(el: &mut Element<'_, '_>) {
    let tag = el.tag_name();
    if removed(&tag) {
        el.remove();
        return;
    }
    let mut drop = Vec::new();
    let mut rel = None;
    for attribute in el.attributes() {
        let name = attribute.name();
        let value = decoded(&attribute.value());
        if runs_code(&tag, &name, &value) {
            drop.push(name);
        } else if name == "rel" && value.split_ascii_whitespace().any(is_opener) {
            rel = Some(
                value
                    .split_ascii_whitespace()
                    .filter(|t| !is_opener(t))
                    .collect::<Vec<_>>()
                    .join(" "),
            );
        }
    }
    for name in drop {
        el.remove_attribute(&name);
    }
    if let Some(rel) = rel {
        // A name that was read from the element is a valid attribute name.
        let _ = el.set_attribute("rel", &rel);
    }
}

/// An attribute's `value` with its character references decoded as a browser decodes
/// them for a URL: numeric ones with or without their `;` (`&#106avascript:` is
/// `javascript:`; 0, surrogates, C1 controls and values past Unicode's last as U+FFFD),
/// then named ones (`&colon;`). Decoding more than a browser would only ever drops an
/// attribute that was harmless.
fn decoded(value: &str) -> String {
    static NUMERIC: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new("&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));?").expect("a valid pattern")
    });
    let numeric = NUMERIC.replace_all(value, |c: &regex::Captures<'_>| {
        let code = match (c.get(1), c.get(2)) {
            (Some(hex), _) => u32::from_str_radix(hex.as_str(), 16).ok(),
            (_, Some(dec)) => dec.as_str().parse::<u32>().ok(),
            _ => None,
        };
        code.filter(|&n| n != 0 && !(0x80..=0x9f).contains(&n))
            .and_then(char::from_u32)
            .unwrap_or('\u{fffd}')
            .to_string()
    });
    html_escape::decode_html_entities(&numeric).into_owned()
}

fn is_opener(token: &str) -> bool {
    token.eq_ignore_ascii_case("opener")
}

/// Whether the attribute `name="value"` (entities decoded) of element `tag` runs code or
/// opens a document that may: the module's list.
fn runs_code(tag: &str, name: &str, value: &str) -> bool {
    if name.starts_with("on") || matches!(name, "srcdoc" | "nonce" | "http-equiv" | "autofocus") {
        return true;
    }
    let scheme = url_scheme(value);
    let is = |s: &str| scheme.as_deref() == Some(s);
    if is("javascript") || is("vbscript") {
        return true;
    }
    if is("data") && opens_a_document(tag, name) {
        return true;
    }
    // `<animate attributeName="href" values="x;javascript:…">` sets a link to a script.
    let animates = matches!(
        tag,
        "animate" | "set" | "animatemotion" | "animatetransform"
    );
    animates && matches!(name, "values" | "to" | "from" | "by") && names_a_script(value)
}

/// Whether `value`, read as a browser reads URLs (tabs, line breaks and spaces dropped,
/// any case), names a `javascript:` or `vbscript:` URL anywhere in it.
fn names_a_script(value: &str) -> bool {
    let squeezed: String = value
        .chars()
        .filter(|c| !c.is_whitespace() && *c > ' ')
        .collect::<String>()
        .to_ascii_lowercase();
    squeezed.contains("javascript:") || squeezed.contains("vbscript:")
}

/// Whether the URL in `element`'s `attribute` is a document the browser opens (a link, a
/// form's action, a frame's page, an object's data), not a resource the page shows.
fn opens_a_document(element: &str, attribute: &str) -> bool {
    let link = matches!(
        attribute,
        "href" | "xlink:href" | "action" | "formaction" | "ping"
    );
    let frame = matches!(element, "iframe" | "frame" | "embed") && attribute == "src";
    let object = element == "object" && attribute == "data";
    (link && element != "image") || frame || object
}

/// The scheme of the URL `value` as a browser reads it (the URL standard's parsing: C0
/// controls and spaces at the ends dropped, tabs and line breaks dropped anywhere), in
/// lower case, when it has one: `da\tta:` is `data`.
fn url_scheme(value: &str) -> Option<String> {
    let cleaned: String = value
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    text::split_scheme(&cleaned).map(|(scheme, _)| scheme.to_ascii_lowercase())
}
