//! The page shell around rendered content, the part a Hugo theme keeps in `baseof.html`: the
//! preview (one self-contained document for the app's sandboxed frame: styles inline, no
//! scripts allowed, links inert) and the export page (styles in `assets/folio.css`, no
//! scripts).

use maud::{html, Markup, PreEscaped, DOCTYPE};
use serde_json::{Map, Value as Json};

use super::shortcodes::sprite;
use super::Rendered;
use crate::icons::{Icon, Style};

/// Brand icon `name`, which Font Awesome Free has.
fn brand(name: &str) -> Option<Icon> {
    Icon::find(Style::Brands, name)
}

/// Folio's theme.
pub const THEME_CSS: &str = include_str!("folio.css");

/// Added in the preview: links do nothing (the frame must not navigate), block anchors
/// (a nested call's out of its container's layout: `render/nested_anchors.rs`).
pub const PREVIEW_CSS: &str = "a{pointer-events:none;cursor:default}\
    .folio-anchor{display:block;scroll-margin-top:1rem}.folio-nested{position:absolute}";

/// With the site's stylesheets, which do not know the icons Folio draws: an icon as tall as
/// its text and in its colour, as Font Awesome's own SVG icons are (`.svg-inline--fa` in
/// its `css/svg-with-js.css`), and no glyph from the site's icon font beside it. Linked
/// before the site's sheets, so they can restyle it.
pub const SITE_ICON_CSS: &str = ".fa-svg{height:1em;width:auto;overflow:visible;\
    vertical-align:-.125em;fill:currentColor}:has(>.fa-svg)::before{content:none!important}";

/// The preview's policy: no script of any kind, nothing loaded but inline styles and images.
pub const PREVIEW_CSP: &str = "default-src 'none'; script-src 'none'; \
    style-src 'unsafe-inline' folio: http://folio.localhost; \
    font-src folio: http://folio.localhost; \
    img-src data: https: http: folio: http://folio.localhost; base-uri 'none'; form-action 'none'";

/// The export's policy: no scripts, plugins or base changes; styles and images from files.
pub const EXPORT_CSP: &str =
    "script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'";

/// What the page chrome shows besides the content.
pub struct Chrome<'a> {
    /// The site's `title`, shown as the page's `h1`.
    pub site_title: Option<&'a str>,
    /// The page's language code, for `<html lang>`.
    pub lang: &'a str,
    /// The language's writing direction (`rtl`), for `<html dir>`.
    pub dir: Option<&'a str>,
    /// The site's params: `email`, `github` and `linkedin` become contact links.
    pub params: &'a Map<String, Json>,
    /// How the site highlights code: with Chroma's classes (`noClasses = false`), Folio's
    /// styles carry the style's stylesheet, which a site keeps in its own CSS.
    pub highlight: crate::render::highlight::Settings,
}

/// How the stylesheet is included.
pub enum Styles<'a> {
    /// Inline `<style>` (preview).
    Inline,
    /// `<link rel="stylesheet">` to this URL: the export's `assets/folio.css`, or the theme
    /// the app serves to its preview (a blob: document takes the app's own CSP as well as
    /// its own; the app's allows inline styles, which Hugo's highlighting and site templates
    /// write as `style` attributes, but the theme is served once rather than in every
    /// document).
    Linked(&'a str),
    /// The site's own stylesheets ("Site styles"), linked in order, and in the preview the
    /// stylesheet of the editor's marks (`marks`).
    Site {
        /// The stylesheets' URLs.
        sheets: &'a [String],
        /// The marks' stylesheet URL, for the preview.
        marks: Option<&'a str>,
    },
}

/// The preview's full document for rendered content: HTML5, with the preview's policy.
pub fn preview(r: &Rendered, chrome: &Chrome, styles: Styles) -> String {
    // The preview's links are inert (no pointer events, no navigation): no Tab stop
    // either, so the preview is one stop in the window, scrolled with the keyboard.
    document(r, chrome, styles, true, &r.html.pieces().concat())
        .replace("<a ", "<a tabindex=\"-1\" ")
}

/// Stands for the body in [`around`]'s document: a tag. What the document writes before
/// it is escaped text or Folio's own markup, neither of which holds it, and the body
/// itself is not there.
const BODY: &str = "<folio-body>";

/// The export's document, with the export's policy, without its body: the HTML before
/// `r.html` and the HTML after it. A long page's body is written to its file as it is,
/// not copied into the document first.
pub fn around(r: &Rendered, chrome: &Chrome, styles: Styles) -> (String, String) {
    let mut html = document(r, chrome, styles, false, BODY);
    let at = html.find(BODY).unwrap_or(html.len());
    let after = html.get(at + BODY.len()..).unwrap_or_default().to_string();
    html.truncate(at);
    (html, after)
}

/// The document with `body` in its `<main>`: the preview's or the export's (`preview`).
fn document(r: &Rendered, chrome: &Chrome, styles: Styles, preview: bool, body: &str) -> String {
    let mut icons = r.icons.clone();
    let contact = contact_links(chrome.params);
    icons.extend(contact.iter().filter_map(|(icon, _, _)| *icon));
    let title = match (r.title.is_empty(), chrome.site_title) {
        (false, Some(site)) => format!("{} · {site}", r.title),
        (false, None) => r.title.clone(),
        (true, Some(site)) => site.to_string(),
        (true, None) => "Portfolio".to_string(),
    };
    let markup: Markup = html! {
        (DOCTYPE)
        html lang=(chrome.lang) dir=[chrome.dir] {
            (head(&title, &styles, preview, chrome.highlight))
            body class=(if preview { "folio-preview" } else { "folio-export" }) {
                (PreEscaped(sprite(&icons)))
                div.site {
                    header.site-header {
                        // The site's title (usually the owner's name) heads the page and the
                        // page title follows, so the cards' h3 keep a proper heading order.
                        @match (chrome.site_title, r.title.is_empty()) {
                            (Some(site), false) => { h1 { (site) } h2 { (r.title) } },
                            (Some(site), true) => h1 { (site) },
                            (None, _) => h1 {
                                (if r.title.is_empty() { "Portfolio" } else { &r.title })
                            },
                        }
                    }
                    main #content { (PreEscaped(body)) }
                    (footer(&contact, chrome.lang, preview))
                }
            }
        }
    };
    markup.into_string()
}

/// The document's `<head>`: policy, title and styles.
fn head(
    title: &str,
    styles: &Styles,
    preview: bool,
    highlight: crate::render::highlight::Settings,
) -> Markup {
    let csp = if preview { PREVIEW_CSP } else { EXPORT_CSP };
    let code_css = (!highlight.no_classes && !matches!(styles, Styles::Site { .. }))
        .then(|| crate::render::highlight::styles::get(highlight.style).stylesheet());
    html! {
        head {
            meta charset="utf-8";
            meta http-equiv="Content-Security-Policy" content=(csp);
            meta name="viewport" content="width=device-width, initial-scale=1";
            meta name="generator" content="Folio";
            title { (title) }
            @match styles {
                Styles::Inline => style { (PreEscaped(THEME_CSS)) (PreEscaped(PREVIEW_CSS)) },
                Styles::Linked(href) => link rel="stylesheet" href=(href);,
                Styles::Site { sheets, marks } => {
                    style { (PreEscaped(SITE_ICON_CSS)) }
                    @for href in *sheets { link rel="stylesheet" href=(href); }
                    @if let Some(href) = marks { link rel="stylesheet" href=(href); }
                },
            }
            @if preview && matches!(styles, Styles::Linked(_)) {
                style { (PreEscaped(PREVIEW_CSS)) }
            }
            @if let Some(css) = code_css {
                style { (PreEscaped(css)) }
            }
        }
    }
}

/// The site footer: contact links, then the credits (Font Awesome's licence asks for one).
/// The footer's words in the page's language (`lang`, or its first part: `pt-br` → `pt`):
/// "Contact", the credit before the icons' name, and "see … licence". A language Folio has
/// no words for gets the credit without words.
fn footer_words(lang: &str) -> (&'static str, &'static str, &'static str, &'static str) {
    match crate::templates::engine::base_language(lang).as_str() {
        "en" => ("Contact", "Made with Folio. Icons: ", "see", "licence"),
        "pt" => ("Contato", "Feito com o Folio. Ícones: ", "ver", "licença"),
        "es" => ("Contacto", "Hecho con Folio. Iconos: ", "ver", "licencia"),
        "fr" => ("Contact", "Fait avec Folio. Icônes : ", "voir", "licence"),
        "de" => (
            "Kontakt",
            "Erstellt mit Folio. Symbole: ",
            "siehe",
            "Lizenz",
        ),
        "it" => ("Contatti", "Fatto con Folio. Icone: ", "vedi", "licenza"),
        _ => ("", "Folio · ", "", "LICENSE"),
    }
}

fn footer(contact: &[(Option<Icon>, String, Option<String>)], lang: &str, preview: bool) -> Markup {
    let (contact_label, credit, see, licence) = footer_words(lang);
    html! {
        footer.site-footer {
            @if !contact.is_empty() {
                ul.contact aria-label=(if contact_label.is_empty() { "@" } else { contact_label }) {
                    @for (icon, label, href) in contact {
                        li {
                            @match href {
                                Some(h) => a href=(h) {
                                    @if let Some(i) = icon { (icon_svg(*i)) }
                                    (label)
                                },
                                None => span { (label) },
                            }
                        }
                    }
                }
            }
            p.credit {
                (credit)
                a href="https://fontawesome.com" { "Font Awesome Free" }
                " (CC BY 4.0"
                @if !preview {
                    ", " @if !see.is_empty() { (see) " " } a href="assets/LICENSE-fontawesome.txt" { (licence) }
                }
                ")"
                @if !see.is_empty() { "." }
            }
        }
    }
}

/// An inline SVG using the sprite's symbol for `icon`.
fn icon_svg(icon: Icon) -> Markup {
    let (view_box, href) = (icon.view_box(), format!("#{}", icon.id()));
    html! {
        svg.fa-svg viewBox=(view_box) aria-hidden="true" focusable="false" { use href=(href) {} }
    }
}

/// Contact links from the usual params: (icon, label, href).
fn contact_links(params: &Map<String, Json>) -> Vec<(Option<Icon>, String, Option<String>)> {
    let get = |k: &str| {
        params
            .iter()
            .find(|(pk, _)| pk.eq_ignore_ascii_case(k))
            .and_then(|(_, v)| v.as_str())
            .filter(|s| !s.trim().is_empty())
    };
    let mut out = Vec::new();
    if let Some(email) = get("email") {
        let href = (email.contains('@') && !email.contains(char::is_whitespace))
            .then(|| format!("mailto:{email}"));
        out.push((None, email.to_string(), href));
    }
    if let Some(gh) = get("github") {
        let href = if gh.starts_with("https://") {
            gh.to_string()
        } else {
            format!("https://github.com/{gh}")
        };
        out.push((brand("github"), "GitHub".to_string(), Some(href)));
    }
    if let Some(li) = get("linkedin") {
        let href = if li.starts_with("https://") {
            li.to_string()
        } else {
            format!("https://www.linkedin.com/in/{li}")
        };
        out.push((brand("linkedin"), "LinkedIn".to_string(), Some(href)));
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_frames_own_classes_are_styled_only_inside_the_frame() {
        // Trial 51a, 6: `.contact` (the footer's list) restyled a site's own
        // `<ul class="contact">` in the page's content.
        for rule in super::THEME_CSS.split('}') {
            let Some((selectors, _)) = rule.rsplit_once('{') else {
                continue;
            };
            for selector in selectors.split(',').map(str::trim) {
                let names_frame_class = selector
                    .split([' ', '>', '\n'])
                    .any(|part| part.starts_with(".contact") || part.starts_with(".credit"));
                if names_frame_class {
                    assert!(selector.starts_with(".site-footer "), "{selector}");
                }
            }
        }
    }
}
