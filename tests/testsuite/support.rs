//! Helpers shared by the test modules.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use folio::{Block, Card, Page, Portfolio};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The bundled sample page.
pub fn sample_page() -> PathBuf {
    root().join("content/content/en/about.md")
}

/// The sample page's text.
pub fn sample_text() -> String {
    std::fs::read_to_string(sample_page()).expect("the sample page is readable")
}

/// Every page fixture, plus the sample.
pub fn page_fixtures() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(root().join("tests/fixtures/pages"))
        .expect("fixtures folder")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    v.sort();
    v.push(sample_page());
    v
}

/// A fixture file's bytes as text.
pub fn read(path: &Path) -> String {
    String::from_utf8(std::fs::read(path).expect("fixture readable")).expect("fixture is UTF-8")
}

/// A copy of the sample site in a temporary folder.
pub fn sample_site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_dir(&root().join("content"), dir.path());
    dir
}

/// Copies a folder tree.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create dir");
    for e in std::fs::read_dir(from).expect("read dir") {
        let e = e.expect("entry");
        let target = to.join(e.file_name());
        if e.file_type().expect("type").is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), &target).expect("copy");
        }
    }
}

/// What changed between two texts: the differing middle of each, after the longest common
/// prefix and suffix.
#[derive(Debug, PartialEq, Eq)]
pub struct Change<'a> {
    pub at: usize,
    pub old: &'a str,
    pub new: &'a str,
}

/// The single changed region between `old` and `new`.
pub fn change<'a>(old: &'a str, new: &'a str) -> Change<'a> {
    let prefix = old
        .char_indices()
        .zip(new.chars())
        .take_while(|((_, a), b)| a == b)
        .last()
        .map_or(0, |((i, a), _)| i + a.len_utf8());
    let (o, n) = (&old[prefix..], &new[prefix..]);
    let suffix = o
        .chars()
        .rev()
        .zip(n.chars().rev())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .sum::<usize>()
        .min(o.len())
        .min(n.len());
    Change {
        at: prefix,
        old: &o[..o.len() - suffix],
        new: &n[..n.len() - suffix],
    }
}

/// Parses text that must parse.
pub fn parse(text: &str) -> Page {
    Page::parse(text).unwrap_or_else(|e| panic!("fixture should parse: {e}"))
}

/// The card at block index `i` of a model.
pub fn card_mut(m: &mut Portfolio, i: usize) -> &mut Card {
    match &mut m.blocks[i] {
        Block::Card(c) => c,
        other => panic!("block {i} is a {} block, not a card", other.kind()),
    }
}

/// Applies a model that must apply.
pub fn apply(page: &Page, m: &Portfolio) -> String {
    page.apply(m)
        .unwrap_or_else(|e| panic!("apply failed at {}: {}", e.at, e.message))
        .to_string()
}

/// The Hugo binary the tests compare with: `$HUGO`, else the one `make deps-test` installs.
pub fn hugo_bin() -> PathBuf {
    if let Some(p) = std::env::var_os("HUGO") {
        return PathBuf::from(p);
    }
    let local = root().join("target/tools/hugo/bin/hugo");
    if local.exists() {
        return local;
    }
    panic!("Hugo is needed for the parity tests: run `make deps-test` (or set HUGO=/path/to/hugo)");
}

/// Builds the Hugo site at `site` into `site/public`, quietly (errors only), with `flags`
/// added; Hugo's errors when it refuses.
pub fn hugo_run(site: &Path, flags: &[&str]) -> Result<(), String> {
    let out = std::process::Command::new(hugo_bin())
        .arg("--source")
        .arg(site)
        .args(["--destination", "public", "--logLevel", "error"])
        .args(flags)
        .output()
        .expect("hugo runs");
    if out.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).into_owned())
    }
}

/// Builds the Hugo site at `site` into `site/public`; fails the test with Hugo's errors,
/// after `what`, when Hugo refuses it.
pub fn hugo_build(site: &Path, what: &str) {
    if let Err(e) = hugo_run(site, &[]) {
        panic!("{what}: hugo failed: {e}");
    }
}

/// Hugo's build of the site (drafts and future pages too) and the shortcode tree of the
/// page at `page` (its output path under `public/`, or `None` for the first page found)
/// as its HTML shows it: each test template names its shortcode in a `data-name` attribute
/// around its `.Inner`.
pub fn hugo_tree(site: &Path, page: Option<&str>) -> Result<String, String> {
    hugo_run(site, &["--buildDrafts", "--buildFuture", "--buildExpired"])?;
    // The page's own output: where its front matter's `url` or `slug` put it.
    if let Some(page) = page {
        let html = std::fs::read_to_string(site.join("public").join(page)).unwrap();
        return Ok(html_shortcodes(&html));
    }
    let html = walkdir::WalkDir::new(site.join("public"))
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .filter(|p| !p.ends_with("public/index.html") && !p.ends_with("404.html"))
        .find_map(|p| std::fs::read_to_string(p).ok())
        .unwrap_or_default();
    Ok(html_shortcodes(&html))
}

fn html_shortcodes(html: &str) -> String {
    let doc = scraper::Html::parse_fragment(html);
    let mut s = String::new();
    html_tree(doc.root_element(), &mut s);
    s
}

/// `name(child child) name` for the elements naming a shortcode (`data-name`) under `el` (also those Hugo printed
/// inside an HTML comment, as shortcodes in a commented-out part of a page are).
fn html_tree(el: scraper::ElementRef, out: &mut String) {
    for node in el.children() {
        if let scraper::Node::Comment(c) = node.value() {
            let doc = scraper::Html::parse_fragment(c);
            html_tree(doc.root_element(), out);
            continue;
        }
        let Some(child) = scraper::ElementRef::wrap(node) else {
            continue;
        };
        match child.value().attr("data-name") {
            Some(name) => {
                let mut inner = String::new();
                html_tree(child, &mut inner);
                push_node(out, name, &inner);
            }
            _ => html_tree(child, out),
        }
    }
}

fn push_node(out: &mut String, name: &str, inner: &str) {
    if !out.is_empty() {
        out.push(' ');
    }
    out.push_str(name);
    if !inner.is_empty() {
        out.push('(');
        out.push_str(inner);
        out.push(')');
    }
}

/// Folio's shortcode tree, in the same notation, for the shortcodes `written` names.
pub fn folio_tree(doc: &folio::OpenPage, written: &BTreeSet<String>) -> String {
    fn walk(
        all: &[folio::page::tree::Shortcode],
        ids: &[usize],
        written: &BTreeSet<String>,
        out: &mut String,
    ) {
        for &i in ids {
            let sc = &all[i];
            let mut inner = String::new();
            walk(all, &sc.children, written, &mut inner);
            if written.contains(sc.name()) {
                push_node(out, sc.name(), &inner);
            } else if !inner.is_empty() {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(&inner);
            }
        }
    }
    let scs = doc.page.shortcodes();
    let mut out = String::new();
    walk(&scs.all, &scs.top, written, &mut out);
    out
}

/// A Hugo site of `files` (path in the site, text) whose pages render their content alone.
pub fn hugo_site(files: &[(&str, &str)]) -> tempfile::TempDir {
    let layouts = [
        ("layouts/_default/single.html", "{{ .Content }}"),
        ("layouts/_default/list.html", "{{ .Content }}"),
    ];
    site_of(&[&layouts[..], files].concat())
}

/// A temporary folder holding `files` (path in it, text), their folders made.
pub fn site_of(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (rel, text) in files {
        let path = dir.path().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

/// `html` with each token's `<span>` taken out (leaving its text): the spans of Chroma's
/// token classes, or with inline styles of colours and fonts only. What is left is the
/// block, its lines, numbers and highlighted lines, which must be Hugo's exactly. A line
/// break after a block, which HTML does not show, is dropped (Goldmark writes none after
/// a code block; pulldown-cmark starts the next block on a line of its own).
pub fn without_token_spans(html: &str) -> String {
    let breaks = regex::Regex::new(r"(</pre>|</div>)\n+<").unwrap();
    // Again until none is left: a match takes the `<` of the next `</div>` along.
    let mut html = html.trim().to_string();
    while breaks.is_match(&html) {
        html = breaks.replace_all(&html, "$1<").into_owned();
    }
    const PARTS: &[&str] = &["line", "line hl", "cl", "ln", "lnt", "hl", "chroma", "lntd"];
    let span = regex::Regex::new(r#"<span (style|class)="([^"]*)">([^<]*)</span>"#).unwrap();
    loop {
        let next = span.replace_all(&html, |c: &regex::Captures| {
            let is_token = match &c[1] {
                "class" => !PARTS.contains(&&c[2]),
                _ => c[2].starts_with("color:") || c[2].starts_with("font-"),
            };
            if is_token {
                c[3].to_string()
            } else {
                c[0].to_string()
            }
        });
        if next == html {
            return html;
        }
        html = next.into_owned();
    }
}

/// `folio check`'s diagnostics for the page `path`, a line each, the path shown as `name`.
pub fn check_lines(path: &Path, name: &str) -> Vec<String> {
    folio::check::check_path(path)
        .iter()
        .map(|d| d.to_string().replace(&path.display().to_string(), name))
        .collect()
}

/// An element's attributes but those named in `except`, sorted: what two HTML writers that
/// order attributes differently both say.
pub fn sorted_attributes(
    element: scraper::ElementRef<'_>,
    except: &[&str],
) -> Vec<(String, String)> {
    let mut attributes: Vec<(String, String)> = element
        .value()
        .attrs()
        .filter(|(k, _)| !except.contains(k))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    attributes.sort();
    attributes
}
