//! Parity with real Hugo: a Hugo site with the sample's project-card template is built over
//! the fixture pages (with raw HTML off and on), Folio exports the same pages, and the two
//! are compared card by card — title, icon names, other-tech words, repository link, body
//! text and the body's elements.
//!
//! Deliberate differences, normalised away: Hugo highlights code (Chroma's `div.highlight`
//! and `span`s), and with `unsafe = true` Hugo keeps `<script>` where Folio removes it.

use std::path::Path;

use scraper::{ElementRef, Html, Node, Selector};

use crate::support::{copy_dir, hugo_run, root};

/// One card as a reader sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeenCard {
    pub title: String,
    pub icons: Vec<String>,
    pub other: Vec<String>,
    pub repository: Option<String>,
    pub text: String,
    pub elements: Vec<String>,
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("valid selector")
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The cards of a rendered page.
pub fn cards(html: &str) -> Vec<SeenCard> {
    let doc = Html::parse_document(html);
    doc.select(&sel("div.project-card")).map(card).collect()
}

fn card(el: ElementRef) -> SeenCard {
    let text_of = |e: ElementRef| collapse(&e.text().collect::<String>());
    let title = el
        .select(&sel(".project-title h3"))
        .next()
        .map(text_of)
        .unwrap_or_default();
    let icons = el
        .select(&sel(".icon-list span.fab"))
        .filter_map(|s| {
            s.value()
                .classes()
                .find(|c| c.starts_with("fa-") && *c != "fa-xl")
                .map(|c| c["fa-".len()..].to_string())
        })
        .collect();
    let other = el
        .select(&sel(".icon-list span.other-tech"))
        .map(text_of)
        .collect();
    let repository = el
        .select(&sel(".project-title a"))
        .next()
        .and_then(|a| a.value().attr("href"))
        .map(str::to_string);
    let mut text = String::new();
    let mut elements = Vec::new();
    for child in el.children() {
        if let Some(e) = ElementRef::wrap(child) {
            if e.value().name() == "header" {
                continue;
            }
        }
        walk(child, false, &mut text, &mut elements);
    }
    SeenCard {
        title,
        icons,
        other,
        repository,
        text: collapse(&text),
        elements,
    }
}

fn walk(
    node: ego_tree::NodeRef<Node>,
    in_pre: bool,
    text: &mut String,
    elements: &mut Vec<String>,
) {
    match node.value() {
        Node::Text(t) => text.push_str(t),
        Node::Element(e) => {
            let name = e.name();
            if name == "script" || name == "style" {
                return;
            }
            let highlight_wrapper = name == "div" && e.classes().any(|c| c == "highlight");
            let chroma_span = in_pre && name == "span";
            if name == "a" {
                // Where a link goes matters as much as that it is one. Hugo's `unsafe` keeps
                // `javascript:` links; Folio drops them on purpose (sanitised raw HTML).
                let href = e.attr("href").unwrap_or_default();
                let href = if href
                    .trim_start()
                    .to_ascii_lowercase()
                    .starts_with("javascript:")
                {
                    ""
                } else {
                    href
                };
                elements.push(format!("a[href={href}]"));
            } else if name == "img" {
                // Local images move to the export's assets/ folder; other sources must match.
                let src = e.attr("src").unwrap_or_default();
                elements.push(if src.contains(':') || src.is_empty() {
                    format!("img[src={src}]")
                } else {
                    "img[src=local]".to_string()
                });
            } else if !highlight_wrapper && !chroma_span {
                elements.push(name.to_string());
            }
            for c in node.children() {
                walk(c, in_pre || name == "pre", text, elements);
            }
            // Element boundaries separate words (table cells carry no whitespace between
            // them in pulldown-cmark's output); inside code, Chroma's spans split nothing.
            if !in_pre {
                text.push(' ');
            }
        }
        _ => {}
    }
}

/// Differences between Hugo's cards and Folio's, described for a failure message.
pub fn compare(page: &str, hugo: &[SeenCard], folio: &[SeenCard]) -> Vec<String> {
    let mut out = Vec::new();
    if hugo.len() != folio.len() {
        out.push(format!(
            "{page}: Hugo shows {} cards, Folio {}",
            hugo.len(),
            folio.len()
        ));
    }
    for (i, (h, f)) in hugo.iter().zip(folio).enumerate() {
        let at = format!("{page} card {} ({:?})", i + 1, h.title);
        let mut diff = |what: &str, a: String, b: String| {
            if a != b {
                out.push(format!(
                    "{at}: {what} differs\n    hugo:  {a}\n    folio: {b}"
                ));
            }
        };
        diff("title", h.title.clone(), f.title.clone());
        diff("icons", format!("{:?}", h.icons), format!("{:?}", f.icons));
        diff(
            "other-tech",
            format!("{:?}", h.other),
            format!("{:?}", f.other),
        );
        diff(
            "repository",
            format!("{:?}", h.repository),
            format!("{:?}", f.repository),
        );
        diff("body text", h.text.clone(), f.text.clone());
        diff("body elements", h.elements.join(" "), f.elements.join(" "));
    }
    out
}

/// A Hugo site holding the parity fixtures, with raw HTML `unsafe` or not. The sample's
/// config has a `languages` table, which turns Hugo's embedded link and image render hooks
/// on; without it (`multilingual: false`) they stay off.
fn site(unsafe_html: bool, multilingual: bool) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_dir(&root().join("content/layouts"), &dir.path().join("layouts"));
    let mut config =
        std::fs::read_to_string(root().join("content/hugo.toml")).expect("sample config");
    if !multilingual {
        let start = config
            .find("[languages.en]")
            .expect("the sample config has a languages table");
        let end = config[start..]
            .find("\n[")
            .map_or(config.len(), |e| start + e + 1);
        config.replace_range(start..end, "");
        config.insert_str(0, "contentDir = \"content/en\"\n");
    }
    config.push_str(&format!(
        "\n[markup.goldmark.renderer]\nunsafe = {unsafe_html}\n"
    ));
    std::fs::write(dir.path().join("hugo.toml"), config).expect("write config");
    copy_dir(
        &root().join("tests/fixtures/parity"),
        &dir.path().join("content/en"),
    );
    dir
}

fn fixtures() -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(root().join("tests/fixtures/parity"))
        .expect("parity fixtures")
        .map(|e| {
            e.expect("entry")
                .file_name()
                .to_string_lossy()
                .trim_end_matches(".md")
                .to_string()
        })
        .collect();
    v.sort();
    v
}

fn build_with_hugo(site: &Path) {
    if let Err(e) = hugo_run(site, &["--cleanDestinationDir"]) {
        panic!("hugo failed:\n{e}");
    }
}

fn folio_export(site: &Path, name: &str) -> String {
    let page = site.join("content/en").join(format!("{name}.md"));
    let doc = folio::OpenPage::open(&page).expect("fixture opens");
    let out = site.join("folio-export").join(name);
    folio::export::export(&doc, &out).expect("export");
    std::fs::read_to_string(out.join("index.html")).expect("index.html")
}

fn check_parity(unsafe_html: bool, multilingual: bool) {
    let dir = site(unsafe_html, multilingual);
    build_with_hugo(dir.path());
    let mut problems = Vec::new();
    let mut compared = 0;
    for name in fixtures() {
        let hugo_html =
            std::fs::read_to_string(dir.path().join("public").join(&name).join("index.html"))
                .unwrap_or_else(|e| panic!("Hugo did not render {name}: {e}"));
        let h = cards(&hugo_html);
        let f = cards(&folio_export(dir.path(), &name));
        compared += h.len();
        problems.extend(compare(&name, &h, &f));
    }
    assert!(
        compared >= 15,
        "the fixtures should hold many cards, found {compared}"
    );
    assert!(
        problems.is_empty(),
        "Folio differs from Hugo (unsafe = {unsafe_html}, multilingual = {multilingual}):\n{}",
        problems.join("\n")
    );
}

#[test]
fn cards_match_hugo_with_raw_html_omitted() {
    check_parity(false, true);
}

#[test]
fn cards_match_hugo_with_raw_html_allowed() {
    check_parity(true, true);
}

#[test]
fn cards_match_hugo_in_a_site_without_languages_where_no_render_hooks_run() {
    check_parity(false, false);
}

#[test]
fn the_comparison_reports_a_real_difference() {
    let dir = site(false, true);
    let html = folio_export(dir.path(), "sample");
    let original = cards(&html);
    let changed = html
        .replacen("<h3>Game backends</h3>", "<h3>Game servers</h3>", 1)
        .replacen("fa-xl fa-erlang", "fa-xl fa-elixir", 1)
        .replacen("Several backend services", "Several services", 1);
    let diffs = compare("sample", &original, &cards(&changed));
    assert_eq!(diffs.len(), 3, "{diffs:#?}");
    assert!(
        diffs[0].contains("title differs") && diffs[0].contains("Game servers"),
        "{}",
        diffs[0]
    );
    assert!(diffs[1].contains("icons differs"), "{}", diffs[1]);
    assert!(diffs[2].contains("body text differs"), "{}", diffs[2]);
    let fewer = html.replacen("class=\"project-card\"", "class=\"other-card\"", 1);
    assert!(compare("sample", &original, &cards(&fewer))[0].contains("Hugo shows 6 cards, Folio 5"));
}
