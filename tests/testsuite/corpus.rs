//! The real pages in `../shared/corpus/hugo-pages/` (read where they are, never copied), each
//! put in a site of its own whose shortcode templates are minimal ones written here from
//! the corpus README's table: they read the same parameters as the site's real template
//! and read `.Inner` exactly when it does. Shortcodes the table lists as "not in the
//! repository" that are not Hugo built-ins (a theme's `cards`, `timeline`…) get a template
//! that is paired when the page closes them.
//!
//! For each page: when Hugo builds it, Folio accepts it, and its shortcodes nest as Hugo
//! nests them (each template prints a `div` naming its shortcode around `.Inner`, so
//! Hugo's HTML shows the tree it built); whenever Folio accepts it, `dump | apply` gives
//! back every byte, and `folio check` finds no error in a page Hugo builds.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use folio::OpenPage;

use crate::support::{folio_tree, hugo_tree, root};

/// The corpus folder: `$FOLIO_CORPUS`, else `../shared/corpus/hugo-pages` beside the
/// repository, else where the project's machines keep it.
fn corpus() -> Option<PathBuf> {
    let candidates = [
        std::env::var_os("FOLIO_CORPUS").map(PathBuf::from),
        Some(root().join("../shared/corpus/hugo-pages")),
        // Where the shared folder is on the project's machines, for a checkout elsewhere.
        Some(PathBuf::from("/work/shared/corpus/hugo-pages")),
    ];
    candidates.into_iter().flatten().find(|d| d.is_dir())
}

/// What the README's table says of one shortcode on one page.
#[derive(Debug, Clone)]
struct Row {
    page: String,
    name: String,
    template: Option<String>,
    paired: bool,
    params: Vec<String>,
}

fn table(readme: &str) -> Vec<Row> {
    readme
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| page") && !l.starts_with("|---"))
        .filter_map(|l| {
            let cells: Vec<&str> = l.trim_matches('|').split('|').map(str::trim).collect();
            let [page, name, place, paired, params] = cells.as_slice() else {
                return None;
            };
            let template = place
                .starts_with("layouts/")
                .then(|| place.to_string())
                .or_else(|| place.contains("/layouts/").then(|| place.to_string()));
            Some(Row {
                page: page.to_string(),
                name: name.trim_matches('`').to_string(),
                template,
                paired: *paired == "yes",
                params: params
                    .split(',')
                    .map(str::trim)
                    .filter(|p| {
                        *p != "none"
                            && !p.is_empty()
                            && p.chars().all(|c| c.is_alphanumeric() || "_-#".contains(c))
                    })
                    .map(str::to_string)
                    .collect(),
            })
        })
        .collect()
}

/// A minimal template of our own that reads `params` and, when `paired`, `.Inner`.
fn template(name: &str, params: &[String], paired: bool) -> String {
    let mut t = format!("<div class=\"sc\" data-name=\"{name}\">");
    for p in params {
        let get = match p.strip_prefix('#') {
            Some(n) => format!(".Get {n}"),
            None => format!(".Get {p:?}"),
        };
        t.push_str(&format!(
            "{{{{ with {get} }}}}<span>{{{{ . }}}}</span>{{{{ end }}}}"
        ));
    }
    if paired {
        t.push_str("{{ .Inner }}");
    }
    t.push_str("</div>\n");
    t
}

/// A site holding `page` as its only content page, with templates for `rows`.
fn site_for(page: &Path, rows: &[&Row]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(
        d.join("hugo.toml"),
        "baseURL = \"https://example.org/\"\ntitle = \"corpus\"\n\
         disableKinds = [\"taxonomy\", \"term\", \"RSS\", \"sitemap\"]\n\
         [markup.goldmark.renderer]\nunsafe = true\n[params]\nemail = \"someone@example.org\"\nauthor = \"someone\"\n",
    )
    .unwrap();
    std::fs::create_dir_all(d.join("layouts/_default")).unwrap();
    std::fs::write(d.join("layouts/_default/single.html"), "{{ .Content }}\n").unwrap();
    std::fs::write(d.join("layouts/_default/list.html"), "{{ .Content }}\n").unwrap();
    std::fs::create_dir_all(d.join("content")).unwrap();
    let text = std::fs::read(page).unwrap();
    std::fs::write(d.join("content/page.md"), &text).unwrap();
    let text = String::from_utf8_lossy(&text);
    let built_in = folio::templates::Catalogue::built_in();
    for row in rows {
        if row.template.is_none() && built_in.get(&row.name).is_some() {
            continue;
        }
        let closed = text.contains(&format!("/{} ", row.name))
            || text.contains(&format!("/{}>", row.name))
            || text.contains(&format!("/{}%", row.name));
        let paired = if row.template.is_some() {
            row.paired
        } else {
            closed
        };
        let file = d
            .join("layouts/shortcodes")
            .join(format!("{}.html", row.name));
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(file, template(&row.name, &row.params, paired)).unwrap();
    }
    dir
}

/// The names of the templates [`site_for`] wrote.
fn written_templates(site: &Path) -> BTreeSet<String> {
    let templates = site.join("layouts/shortcodes");
    walkdir::WalkDir::new(&templates)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(&templates).unwrap();
            rel.to_string_lossy().trim_end_matches(".html").to_string()
        })
        .collect()
}

/// What is wrong with a page Folio accepted, given Hugo's shortcode tree when Hugo built it.
fn problems(name: &str, doc: &OpenPage, hugo: Option<&String>) -> Vec<String> {
    let site = doc.site.root.clone();
    let mut out = Vec::new();
    if let Some(tree) = hugo {
        let ours = folio_tree(doc, &written_templates(&site));
        if &ours != tree {
            out.push(format!(
                "{name}: shortcodes nest differently\n  hugo:  {tree}\n  folio: {ours}"
            ));
        }
        let errors: Vec<String> = folio::check::check_path(&doc.path)
            .into_iter()
            .filter(|d| d.severity == folio::check::Severity::Error)
            .map(|d| d.to_string())
            .collect();
        if !errors.is_empty() {
            out.push(format!("{name}: Hugo builds it, folio check: {errors:?}"));
        }
    }
    let plan = doc.plan(&doc.model(), Path::new("<model>")).unwrap();
    if plan.page.is_some() {
        out.push(format!("{name}: dump | apply changes the page"));
    }
    out.extend(every_call_edits_in_place(name, doc));
    out
}

/// The paths (top-level position, then child positions) of every shortcode block with
/// parameters, at any depth.
fn calls(blocks: &[folio::Block], prefix: &[usize], out: &mut Vec<Vec<usize>>) {
    for (i, b) in blocks.iter().enumerate() {
        let mut path = prefix.to_vec();
        path.push(i);
        if let folio::Block::Shortcode(s) = b {
            if s.params.as_ref().is_some_and(|p| !p.is_empty()) {
                out.push(path.clone());
            }
        }
        calls(b.children(), &path, out);
    }
}

fn call_at<'a>(blocks: &'a mut [folio::Block], path: &[usize]) -> &'a mut folio::model::Shortcode {
    let (first, rest) = path.split_first().unwrap();
    let folio::Block::Shortcode(s) = &mut blocks[*first] else {
        panic!("not a shortcode")
    };
    if rest.is_empty() {
        s
    } else {
        call_at(s.children.as_mut().unwrap(), rest)
    }
}

/// Each call's first parameter, at whatever depth, edited alone: the page changes by
/// exactly the inserted character.
fn every_call_edits_in_place(name: &str, doc: &OpenPage) -> Vec<String> {
    let model = doc.model();
    let mut paths = Vec::new();
    calls(&model.blocks, &[], &mut paths);
    let before = doc.page.source();
    let mut out = Vec::new();
    let deepest = paths.iter().map(Vec::len).max().unwrap_or(0);
    eprintln!(
        "{name}: {} calls edited in place, the deepest {deepest} levels down",
        paths.len()
    );
    for path in paths {
        let mut m = model.clone();
        let call = call_at(&mut m.blocks, &path);
        let p = &mut call.params.as_mut().unwrap()[0];
        p.value.insert(0, 'Z');
        let after = match doc.plan(&m, Path::new("<model>")) {
            Ok(plan) => plan.page.unwrap_or_default(),
            Err(e) => {
                out.push(format!("{name}: editing the call at {path:?}: {e}"));
                continue;
            }
        };
        let at = before
            .bytes()
            .zip(after.bytes())
            .take_while(|(a, b)| a == b)
            .count();
        let one_more = after.len() == before.len() + 1
            && after.get(at..=at) == Some("Z")
            && after.get(at + 1..) == before.get(at..);
        if !one_more {
            out.push(format!(
                "{name}: editing the call at {path:?} changed more than its value"
            ));
        }
    }
    out
}

#[test]
fn every_real_page_hugo_builds_is_accepted_and_round_trips_byte_for_byte() {
    let Some(dir) = corpus() else {
        eprintln!("the shared corpus is not beside this checkout: skipped");
        return;
    };
    let rows = table(&std::fs::read_to_string(dir.join("README.md")).unwrap());
    let mut by_page: BTreeMap<&str, Vec<&Row>> = BTreeMap::new();
    for r in &rows {
        by_page.entry(r.page.as_str()).or_default().push(r);
    }
    let mut pages: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md") && !p.ends_with("README.md"))
        .collect();
    pages.sort();
    assert!(pages.len() >= 29, "{} pages", pages.len());
    let mut failures = Vec::new();
    let mut refused_by_hugo = BTreeSet::new();
    for page in &pages {
        let name = page.file_name().unwrap().to_string_lossy().into_owned();
        let number = name.split('-').next().unwrap();
        let site = site_for(page, by_page.get(number).map_or(&[][..], Vec::as_slice));
        let copy = site.path().join("content/page.md");
        let hugo = hugo_tree(site.path(), None);
        if hugo.is_err() {
            refused_by_hugo.insert(name.clone());
        }
        match OpenPage::open(&copy) {
            Ok(doc) => failures.extend(problems(&name, &doc, hugo.as_ref().ok())),
            Err(e) if hugo.is_ok() => failures.push(format!("{name}: Hugo builds it, Folio: {e}")),
            Err(_) => {}
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    eprintln!(
        "corpus: {} pages, {} built by Hugo in their minimal sites; refused by Hugo: {refused_by_hugo:?}",
        pages.len(),
        pages.len() - refused_by_hugo.len()
    );
    // Hugo refuses only pages that need what a minimal site lacks; the list is reviewed.
    assert!(
        refused_by_hugo.len() <= 4,
        "Hugo refused: {refused_by_hugo:?}"
    );
}

/// The texts of a document's `div.highlight` code blocks, and its `figure`s' HTML with
/// white space between tags dropped.
fn built_in_output(html: &str) -> (Vec<String>, Vec<String>) {
    let doc = scraper::Html::parse_document(html);
    let code = scraper::Selector::parse("div.highlight pre code").unwrap();
    let figure = scraper::Selector::parse("figure").unwrap();
    let squeeze = |s: String| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .replace("> <", "><")
    };
    (
        doc.select(&code).map(|c| c.text().collect()).collect(),
        doc.select(&figure).map(|f| squeeze(f.html())).collect(),
    )
}

/// A document's `div.highlight` blocks as HTML, without the tokens' colour spans (the
/// tokens come from another tokeniser than Hugo's; the lines, numbers and styles of the
/// block are Hugo's).
fn highlight_blocks(html: &str) -> Vec<String> {
    let doc = scraper::Html::parse_document(html);
    let block = scraper::Selector::parse("div.highlight").unwrap();
    doc.select(&block)
        .map(|b| crate::support::without_token_spans(&b.html()))
        .collect()
}

#[test]
fn real_pages_calling_hugos_highlight_and_figure_show_what_hugo_shows() {
    let Some(dir) = corpus() else {
        eprintln!("the shared corpus is not beside this checkout: skipped");
        return;
    };
    let rows = table(&std::fs::read_to_string(dir.join("README.md")).unwrap());
    let (mut blocks, mut figures) = (0, 0);
    for entry in std::fs::read_dir(&dir).unwrap() {
        let page = entry.unwrap().path();
        let text = std::fs::read_to_string(&page).unwrap_or_default();
        let calls = ["{{<highlight", "{{< highlight", "{{<figure", "{{< figure"];
        if !calls.iter().any(|c| text.contains(c)) {
            continue;
        }
        let name = page.file_name().unwrap().to_string_lossy().into_owned();
        let number = name.split('-').next().unwrap();
        let own: Vec<&Row> = rows.iter().filter(|r| r.page == number).collect();
        let site = site_for(&page, &own);
        crate::support::hugo_build(site.path(), &name);
        let hugo = std::fs::read_to_string(site.path().join("public/page/index.html")).unwrap();
        let doc = OpenPage::open(&site.path().join("content/page.md")).unwrap();
        let folio = doc.preview_html(None, None);
        let (want, got) = (built_in_output(&hugo), built_in_output(&folio));
        let hugo_blocks = highlight_blocks(&hugo);
        assert_eq!(
            hugo_blocks.len(),
            want.0.len(),
            "{name}: every code block compared"
        );
        assert_eq!(highlight_blocks(&folio), hugo_blocks, "{name}");
        assert!(
            !want.0.is_empty() || !want.1.is_empty(),
            "{name}: Hugo showed none"
        );
        assert_eq!(got, want, "{name}");
        blocks += want.0.len();
        figures += want.1.len();
    }
    // The corpus's calls: 10 highlight blocks and a figure, on one page.
    assert!(
        blocks >= 10 && figures >= 1,
        "{blocks} code blocks, {figures} figures"
    );
}
