//! Raw HTML when the site sets `markup.goldmark.renderer.unsafe`: Hugo writes it as it
//! is, and so does Folio, byte for byte, but for what runs code. A streaming rewriter
//! (`lol_html`) reads the HTML as a browser tokenises it and removes only:
//! - `<script>` elements, with their content (in HTML, SVG and MathML);
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

/// `html` without what runs code (the module's list). HTML the rewriter cannot read
/// safely (a `<script>` start tag inside `<select>`, or after `<frameset>`: `lol_html`'s
/// parsing ambiguity) is escaped whole, so it shows as text and runs nothing.
pub fn clean(html: &str) -> String {
    let settings = RewriteStrSettings::new().append_element_content_handler(element!("*", |el| {
        clean_element(el);
        Ok(())
    }));
    rewrite_str(html, settings).unwrap_or_else(|_| html_escape::encode_text(html).into_owned())
}

/// Removes `el` when it is a script, else the attributes of it that run code.
fn clean_element(el: &mut Element<'_, '_>) {
    let tag = el.tag_name();
    if tag == "script" {
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

/// An attribute's `value` with its character references decoded, as a browser reads it
/// for a URL: references `html_escape` leaves as written (those of C0 controls, which a
/// browser decodes, and which a URL's parser then drops at its start) are dropped.
fn decoded(value: &str) -> String {
    static LEFT: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new("&#(?:[xX][0-9a-fA-F]+|[0-9]+);?").expect("a valid pattern")
    });
    let value = html_escape::decode_html_entities(value);
    LEFT.replace_all(&value, "").into_owned()
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
    let (scheme, _) = cleaned.split_once(':')?;
    let mut chars = scheme.chars();
    let valid = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then(|| scheme.to_ascii_lowercase())
}
