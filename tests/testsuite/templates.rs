//! The site's own templates, rendered by Folio as real Hugo renders them: a fixture site
//! (`tests/fixtures/templates/site`) whose shortcodes cover each context field, each
//! function family, partials (with `return` and `partialCached`), site data, i18n, a
//! theme and a site override of it, nesting with `.Inner` and `.Parent`, `{{% %}}`
//! notation, `define`/`template`, and html/template's escaping by context. Each case
//! sits in its own `<div class="case">`; its HTML from Hugo and from Folio's export are
//! compared after whitespace between tags is dropped and runs of whitespace made one.

use std::collections::BTreeMap;
use std::path::Path;

use scraper::{Html, Selector};

use crate::support::{copy_dir, hugo_build, root};

/// `case id -> normalised inner HTML` of a rendered page.
fn cases(html: &str) -> BTreeMap<String, String> {
    let doc = Html::parse_document(html);
    let sel = Selector::parse("div.case").expect("valid selector");
    doc.select(&sel)
        .map(|el| {
            let id = el.value().attr("id").unwrap_or_default().to_string();
            (id, normalise(&el.inner_html()))
        })
        .collect()
}

/// Whitespace that HTML does not show: between tags dropped, elsewhere one space.
fn normalise(html: &str) -> String {
    let collapsed = html.split_whitespace().collect::<Vec<_>>().join(" ");
    collapsed
        .replace("> <", "><")
        .replace(" <", "<")
        .replace("> ", ">")
}

fn fixture_site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&root().join("tests/fixtures/templates/site"), dir.path());
    dir
}

fn folio_export(site: &Path) -> String {
    let doc = folio::OpenPage::open(&site.join("content/page.md")).unwrap();
    let out = site.join("folio-out");
    folio::export::export(&doc, &out).unwrap();
    std::fs::read_to_string(out.join("index.html")).unwrap()
}

#[test]
fn every_shortcode_of_the_fixture_site_renders_as_hugo_renders_it() {
    let site = fixture_site();
    hugo_build(site.path(), "the template fixture site");
    let hugo = cases(&std::fs::read_to_string(site.path().join("public/page/index.html")).unwrap());
    let folio = cases(&folio_export(site.path()));
    assert!(hugo.len() >= 14, "the fixture page has its cases: {hugo:?}");
    let mut differ = Vec::new();
    for (id, want) in &hugo {
        let got = folio.get(id).map(String::as_str).unwrap_or("(missing)");
        if got != want {
            differ.push(format!("{id}:\n  hugo:  {want}\n  folio: {got}"));
        }
    }
    assert!(
        differ.is_empty(),
        "{} of {} cases differ:\n{}",
        differ.len(),
        hugo.len(),
        differ.join("\n")
    );
}
