//! Export: the page as a static folder that opens from disk — `index.html`, `assets/` with
//! the stylesheet, the Font Awesome licence and the images the page references — using
//! relative URLs only and no JavaScript.
//!
//! The folder is built beside the target and renamed into place, so a failed export leaves
//! the previous one intact. An existing target is replaced only if it holds nothing but
//! files a previous export wrote (listed in its `.folio-export` manifest); Folio never
//! deletes a file it did not write. The same input gives the same bytes.

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use crate::error::{Error, Result};
use crate::open_page::OpenPage;
use crate::render::baseof::{self, Chrome, Styles, THEME_CSS};
use crate::render::{render_page, RenderOptions};

/// Lists the files an export wrote; its presence marks a folder Folio may replace.
pub const MANIFEST: &str = ".folio-export";

/// What an export did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// The folder written.
    pub dir: PathBuf,
    /// Files written, relative to `dir`, sorted.
    pub files: Vec<String>,
    /// Things the user should know (a referenced image that was not found, …), in the
    /// order of their words, the site's stylesheets' last.
    pub warnings: Vec<Warning>,
    /// The language of the page exported (the export holds that one page).
    pub language: crate::site::Language,
    /// The site's other languages, by name: each is exported from its own page.
    pub other_languages: Vec<String>,
    /// What the export's render found of the page's calls: `folio check`'s problems of
    /// the page as exported come from it (`check::check_doc`), not from a second render.
    pub findings: crate::render::Findings,
}

/// A file's bytes, in parts written one after another: the page's document is the HTML
/// before its body, the body's pieces as rendered ([`crate::render::Html`]), and the HTML
/// after, so a long body is written as it is rather than copied into one string first.
type Contents = Vec<Vec<u8>>;

/// Local files the page references, and where they go in the export.
#[derive(Default)]
struct Assets {
    /// The site's folder: a file's place in the export follows its place in the site.
    root: PathBuf,
    /// The site's content folders, one per language (several may share one): what Hugo
    /// publishes of them is narrower ([`unpublished`]).
    contents: Vec<PathBuf>,
    /// The site's own static folders, the first winning ([`crate::Site::own_static_dirs`],
    /// absolute): a file of one goes where the site serves it.
    statics: Vec<PathBuf>,
    /// source file -> path relative to the export folder
    files: BTreeMap<PathBuf, String>,
    /// What to say, each with the URL it is about and whether Hugo's site has the same
    /// fault ([`Warning::on_site`]).
    warnings: Vec<(String, String, bool)>,
}

impl Assets {
    /// Says `message` of `url`, a URL of the page's HTML, a fault of Hugo's site too
    /// (`on_site`) or of the export alone.
    fn warn(&mut self, url: &str, message: String, on_site: bool) {
        self.warnings.push((url.to_string(), message, on_site));
    }

    /// What was said, each once, placed in `src`, the page's source. A render may meet the
    /// page's files in any order (it renders a long page's calls on several threads): the
    /// warnings are sorted by their words so the report is the same every time.
    fn take_warnings(&mut self, src: &str) -> Vec<Warning> {
        let mut said = std::mem::take(&mut self.warnings);
        said.sort_by(|a, b| a.1.cmp(&b.1));
        said.dedup_by(|a, b| a.1 == b.1);
        said.into_iter()
            .map(|(url, message, on_site)| Warning {
                on_site,
                ..Warning::of_url(&url, message, src)
            })
            .collect()
    }
}

/// One thing an export says of the page ([`Report::warnings`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// Where the page's source writes the URL the warning is about, as a byte offset, when
    /// it writes it as it is (a template may make a URL the page does not hold); its line
    /// and column are [`Warning::at`].
    pub offset: Option<usize>,
    /// Whether the page as Hugo builds it has the same fault (an image the site does not
    /// have or does not publish), which `folio check` says too; not an export's own
    /// matter, or one it cannot be sure of: a link to a page the folder does not hold, to
    /// a file Hugo may make (`/index.xml`) or publish from elsewhere, a path that climbs
    /// (`../a.png`), the site's stylesheets.
    pub on_site: bool,
    /// The words.
    pub message: String,
}

impl Warning {
    /// `message`, of no place in the page, of the export alone.
    fn unlocated(message: String) -> Warning {
        Warning {
            offset: None,
            on_site: false,
            message,
        }
    }

    /// `message` of `url`, placed where `src` (the page's source) writes the URL as a
    /// whole (not inside a longer name: `a.png` is not found in `data.png`): first as a
    /// Markdown link's or image's destination (`](url`), else anywhere.
    fn of_url(url: &str, message: String, src: &str) -> Warning {
        let part = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || "/._-".contains(c));
        let whole = || {
            src.match_indices(url).map(|(i, _)| i).filter(|&i| {
                let before = src.get(..i).and_then(|b| b.chars().next_back());
                let after = src.get(i + url.len()..).and_then(|a| a.chars().next());
                !part(before) && !part(after)
            })
        };
        let destination = |&i: &usize| src.get(..i).is_some_and(|b| b.ends_with("]("));
        let offset = (!url.is_empty())
            .then(|| whole().find(destination).or_else(|| whole().next()))
            .flatten();
        Warning {
            offset,
            on_site: true,
            message,
        }
    }
}

impl Warning {
    /// Its place in `src`, the page's source it was found in: 1-based line and column (in
    /// characters, as [`crate::text::line_col`] counts); `None` when it has none.
    pub fn at(&self, src: &str) -> Option<(usize, usize)> {
        self.offset.map(|offset| crate::text::line_col(src, offset))
    }
}

impl Assets {
    /// None yet, for a page of `site`.
    fn of(site: &crate::Site) -> Assets {
        Assets {
            root: std::path::absolute(&site.root).unwrap_or_else(|_| site.root.clone()),
            contents: site
                .languages()
                .into_iter()
                .map(|l| l.content_dir)
                .collect(),
            statics: site
                .own_static_dirs()
                .iter()
                .map(|d| std::path::absolute(d).unwrap_or_else(|_| d.clone()))
                .collect(),
            ..Assets::default()
        }
    }
}

/// Exports `doc` into `out`, with Folio's styles.
pub fn export(doc: &OpenPage, out: &Path) -> Result<Report> {
    export_styled(doc, out, false)
}

/// Exports `doc` into `out`, with the site's own stylesheets (`site_styles`, see
/// [`crate::site::Stylesheet`]) or Folio's. A site stylesheet that does not compile is
/// left out with a warning.
///
/// # Errors
/// As [`prepare`] and [`Prepared::write`].
pub fn export_styled(doc: &OpenPage, out: &Path, site_styles: bool) -> Result<Report> {
    prepare(doc, out, site_styles)?.write()
}

/// An export rendered and not yet written ([`prepare`]): its files, and the report
/// [`Prepared::write`] gives once they are in their folder.
pub struct Prepared {
    files: BTreeMap<String, Contents>,
    report: Report,
}

impl Prepared {
    /// What the render found ([`Report::findings`]), taken out of the report: `folio
    /// export` checks the page with it on one thread while [`Prepared::write`] writes the
    /// files on another.
    pub fn take_findings(&mut self) -> crate::render::Findings {
        std::mem::take(&mut self.report.findings)
    }

    /// Writes the files into the report's folder: built beside it and renamed into place
    /// (see the module's documentation).
    ///
    /// # Errors
    /// A file that cannot be written, or a folder Folio may not replace (it holds files
    /// no export wrote), named with its path.
    pub fn write(self) -> Result<Report> {
        replace_dir(&self.report.dir, &self.files)?;
        Ok(self.report)
    }
}

/// Renders `doc` for an export into `out` (see [`export_styled`]), reading the files it
/// references, and writes nothing.
///
/// # Errors
/// `out` inside a folder Hugo reads, or a referenced file that cannot be read.
pub fn prepare(doc: &OpenPage, out: &Path, site_styles: bool) -> Result<Prepared> {
    refuse_site_folders(doc, out)?;
    let mut sheets = if site_styles {
        site_sheets(doc)
    } else {
        SiteSheets::default()
    };
    // A site none of whose stylesheets Folio finds is exported in Folio's styles.
    let css = (site_styles && !sheets.hrefs.is_empty()).then_some(&sheets.hrefs[..]);
    let (html, mut assets, findings) = rendered(doc, css);
    let mut warnings = assets.take_warnings(doc.page.source());
    warnings.append(&mut sheets.warnings);

    let mut files: BTreeMap<String, Contents> = sheets
        .files
        .into_iter()
        .map(|(rel, bytes)| (rel, vec![bytes]))
        .collect();
    files.insert("index.html".into(), html);
    files.insert(
        "assets/folio.css".into(),
        vec![THEME_CSS.as_bytes().to_vec()],
    );
    files.insert(
        "assets/LICENSE-fontawesome.txt".into(),
        vec![crate::icons::LICENSE.as_bytes().to_vec()],
    );
    for (src, rel) in &assets.files {
        let bytes = crate::fs::read(src).map_err(|e| Error::io(src, e))?;
        files.insert(rel.clone(), vec![bytes]);
    }
    let manifest: String = files.keys().map(|k| format!("{k}\n")).collect();
    files.insert(MANIFEST.into(), vec![manifest.into_bytes()]);
    let code = doc.language();
    let languages = doc.site.languages();
    let language = languages
        .iter()
        .find(|l| l.code == code)
        .cloned()
        .unwrap_or_else(|| crate::site::Language {
            code: code.clone(),
            name: code.clone(),
            weight: 0,
            content_dir: doc.site.root.join("content"),
        });
    let report = Report {
        dir: out.to_path_buf(),
        files: files.keys().filter(|k| *k != MANIFEST).cloned().collect(),
        warnings,
        other_languages: languages
            .into_iter()
            .filter(|l| l.code != code)
            .map(|l| l.name)
            .collect(),
        language,
        findings,
    };
    Ok(Prepared { files, report })
}

/// [`page_html`], rendered again on one thread when an attempt on several was dropped: the
/// files and warnings of a dropped attempt are not the page's, so it is rendered afresh,
/// in page order, with nothing recorded.
fn rendered(doc: &OpenPage, css: Option<&[String]>) -> (Contents, Assets, crate::render::Findings) {
    let (html, assets, findings, again) = page_html(doc, css, None);
    if again {
        let (html, assets, findings, _) = page_html(doc, css, Some(1));
        return (html, assets, findings);
    }
    (html, assets, findings)
}

/// What an export of `doc` would find, without reading or writing a file: the render's
/// findings (`folio check`'s), and the export's warnings ([`Report::warnings`]), of which
/// `folio check` says those of Hugo's site too ([`Warning::on_site`]: an image the site
/// does not have, trial 59b, 2).
pub fn rehearse(doc: &OpenPage) -> (crate::render::Findings, Vec<Warning>) {
    let (_, mut assets, findings) = rendered(doc, None);
    (findings, assets.take_warnings(doc.page.source()))
}

/// Refuses an export folder inside one of the folders Hugo reads (its content, `static/`,
/// `assets/`, `layouts/`, `data/`, `i18n/`, `archetypes/`, the themes folder, each where the
/// config puts it; both paths resolved, links followed: [`crate::fs::resolved`]): Hugo would
/// publish the export with the site from `static/`, fail on its HTML in `content/`, and
/// the next export would take the last one's stylesheets for the site's.
///
/// # Errors
/// A site error naming the folder.
fn refuse_site_folders(doc: &OpenPage, out: &Path) -> Result<()> {
    let root = crate::fs::resolved(&doc.site.root);
    let out_abs = crate::fs::resolved(out);
    let site = &doc.site;
    // Each folder setting, as the config names it (`staticDir` may list several), else
    // Hugo's default.
    let setting = |key: &str, default: &str| -> Vec<PathBuf> {
        let named = site
            .folder_setting(key)
            .unwrap_or_else(|| vec![default.to_string()]);
        named.into_iter().map(|d| root.join(d)).collect()
    };
    let named = [
        ("contentDir", "content"),
        ("staticDir", "static"),
        ("assetDir", "assets"),
        ("layoutDir", "layouts"),
        ("dataDir", "data"),
        ("i18nDir", "i18n"),
        ("archetypeDir", "archetypes"),
        ("themesDir", "themes"),
    ]
    .into_iter()
    .flat_map(|(key, default)| setting(key, default))
    .chain(site.languages().into_iter().map(|l| l.content_dir))
    .map(|d| crate::fs::resolved(&d));
    for dir in named {
        if out_abs.starts_with(&dir) {
            let shown = dir.strip_prefix(&root).unwrap_or(&dir);
            return Err(Error::site(
                out,
                format!(
                    "the export folder is inside the site's `{}` folder, which Hugo reads: \
                     export outside the site's content, static, assets, layouts, data, i18n, \
                     archetypes and themes folders",
                    shown.display()
                ),
            ));
        }
    }
    Ok(())
}

/// The site's stylesheets as export files: their hrefs in order, the files (the CSS,
/// and the files its `url()`s name next to a static stylesheet), and what failed.
#[derive(Default)]
struct SiteSheets {
    hrefs: Vec<String>,
    files: BTreeMap<String, Vec<u8>>,
    warnings: Vec<Warning>,
}

fn site_sheets(doc: &OpenPage) -> SiteSheets {
    let mut out = SiteSheets::default();
    let sheets = doc.site.stylesheets();
    // A sheet another names (`@import url(…)`) is copied as a sheet, its URLs rewritten,
    // not again as a plain file over that copy.
    let sheet_rels: Vec<String> = sheets
        .iter()
        .map(|s| format!("assets/site/{}", s.url))
        .collect();
    for sheet in sheets {
        let css = match sheet.css() {
            Ok(css) => css,
            Err(e) => {
                out.warnings
                    .push(Warning::unlocated(format!("site stylesheet left out: {e}")));
                continue;
            }
        };
        let rel = format!("assets/site/{}", sheet.url);
        for url in css_urls(&css) {
            let target = Path::new(&rel).parent().map(|p| p.join(&url));
            let inside = Path::new(&url).components().all(|c| {
                matches!(
                    c,
                    Component::Normal(_) | Component::CurDir | Component::ParentDir
                )
            });
            if let (true, Some(target), Some(bytes)) =
                (inside, target, sheet_file(doc, &sheet, &url))
            {
                let target = normalise(&target);
                if target.starts_with("assets/site/") && !sheet_rels.contains(&target) {
                    out.files.insert(target, bytes);
                }
            }
        }
        let (css, served) = root_urls(&css, &sheet.url, &doc.site);
        for (target, file) in served {
            if sheet_rels.contains(&target) {
                continue;
            }
            if let Ok(bytes) = crate::fs::read(&file) {
                out.files.insert(target, bytes);
            }
        }
        out.files.insert(rel.clone(), css.into_bytes());
        out.hrefs.push(rel);
    }
    if out.hrefs.is_empty() {
        out.warnings.push(Warning::unlocated(NO_SHEETS.to_string()));
    }
    out
}

/// What an export with the site's styles says when it finds none of the site's sheets.
const NO_SHEETS: &str = "no stylesheet of the site's was found (Folio links the sheets in \
    static/, and those in assets/ its templates name or match with resources.Match): \
    exported with Folio's styles";

/// A stylesheet's text with each `url(/…)` from the site root that names one of the
/// site's static files pointing at the file's copy, relative to the sheet's own copy
/// (`url(/img/bg.png)` in `css/main.css` → `url(../img/bg.png)`: both go under
/// `assets/site/` at the path the site serves them at; a base URL's path is taken off
/// first), and the files to copy as (export path, file). Other URLs stay as written.
fn root_urls(
    css: &str,
    sheet_url: &str,
    site: &crate::site::Site,
) -> (String, Vec<(String, PathBuf)>) {
    let base_url = site.base_url();
    let up = "../".repeat(sheet_url.matches('/').count());
    let mut out = String::with_capacity(css.len());
    let mut files = Vec::new();
    let mut done = 0;
    for (k, _) in css.match_indices("url(") {
        let Some((start, end)) = url_span(css, k + 4) else {
            continue;
        };
        let Some(url) = css.get(start..end) else {
            continue;
        };
        if !url.starts_with('/') || url.starts_with("//") || start < done {
            continue;
        }
        let url = site_path(url, &base_url);
        let Some(rest) = url.strip_prefix('/') else {
            continue;
        };
        let path = rest.split(['?', '#']).next().unwrap_or(rest);
        let Some(file) = site.static_file(&crate::text::percent_decode(path)) else {
            continue;
        };
        files.push((
            format!("assets/site/{}", crate::text::percent_decode(path)),
            file,
        ));
        out.push_str(css.get(done..start).unwrap_or_default());
        out.push_str(&up);
        out.push_str(rest);
        done = end;
    }
    out.push_str(css.get(done..).unwrap_or_default());
    (out, files)
}

/// Where the URL inside `url(` starting at `from` is in `css` (without its quotes and
/// spaces), `None` when the `url(` is not closed.
fn url_span(css: &str, from: usize) -> Option<(usize, usize)> {
    let rest = css.get(from..)?;
    let close = rest.find(')')?;
    let inner = rest.get(..close)?;
    let lead = inner.len() - inner.trim_start().len();
    let trimmed = inner.trim();
    let quote = trimmed.starts_with(['"', '\'']) as usize;
    let unquoted = trimmed.trim_matches(['"', '\'']);
    let start = from + lead + quote;
    Some((start, start + unquoted.len()))
}

/// The relative file URLs a stylesheet's `url(…)`s name (fonts, images).
fn css_urls(css: &str) -> Vec<String> {
    css.match_indices("url(")
        .filter_map(|(k, _)| {
            let rest = css.get(k + 4..)?;
            let inner = rest
                .get(..rest.find(')')?)?
                .trim()
                .trim_matches(['"', '\'']);
            let path = inner.split(['?', '#']).next()?;
            let local = !path.is_empty() && !path.contains(':') && !path.starts_with('/');
            local.then(|| crate::text::percent_decode(path))
        })
        .collect()
}

/// The bytes of the file a site stylesheet's relative `url` names: where the site serves
/// it from where it serves the sheet (the static folder that wins: a `staticDir` list's
/// later folder), first for a static sheet; next to the sheet's file (a sheet compiled
/// from `assets/`), else the same (its `../fonts/x.woff2` finds the theme's
/// `static/fonts/x.woff2`). Never a file reached through a symbolic link, which Hugo does
/// not publish.
fn sheet_file(doc: &OpenPage, sheet: &crate::site::Stylesheet, url: &str) -> Option<Vec<u8>> {
    let dir = sheet.path.parent()?;
    let file = lexical(&dir.join(url));
    let linked = dir
        .ancestors()
        .find(|a| file.starts_with(a))
        .is_none_or(|a| crate::fs::linked_below(a, &file));
    let served = Path::new(&sheet.url)
        .parent()
        .map(|d| normalise(&d.join(url)))
        .and_then(|served| doc.site.static_file(&served));
    let beside = || (!linked).then(|| crate::fs::read(&file).ok()).flatten();
    match served {
        Some(p) if !sheet.from_assets => crate::fs::read(&p).ok(),
        served => beside().or_else(|| served.and_then(|p| crate::fs::read(&p).ok())),
    }
}

/// `path` with `.` and `..` taken away as written (no link followed).
fn lexical(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            c => out.push(c),
        }
    }
    out
}

/// `a/b/../c` → `a/c`, with `/` separators (the root, if any, left out).
fn normalise(path: &Path) -> String {
    let parts: Vec<String> = lexical(path)
        .components()
        .filter_map(|c| match c {
            Component::Normal(p) => Some(p.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect();
    parts.join("/")
}

/// The export's `index.html` (with the site's stylesheets when `site_css` lists them),
/// the local files it references, what the render found of the page's calls, and whether
/// the render was done again after a dropped attempt on several threads
/// ([`crate::render::Rendered::rendered_again`]); `threads` as [`RenderOptions::threads`].
/// The document comes in parts, as [`Contents`].
fn page_html(
    doc: &OpenPage,
    site_css: Option<&[String]>,
    threads: Option<usize>,
) -> (Contents, Assets, crate::render::Findings, bool) {
    let assets = Arc::new(Mutex::new(Assets::of(&doc.site)));
    let params = doc.site.params_in(&doc.language());
    let hugo = doc.hugo_context();
    let rewrite = rewriter(doc, &hugo, assets.clone());
    let publish = publisher(assets.clone());
    let opts = RenderOptions {
        markup: doc.site.markup_in(&doc.language()),
        site_params: &params,
        rewrite_url: Some(Arc::new(rewrite)),
        anchors: None,
        window: None,
        cache: None,
        marks: false,
        hugo: Some(Arc::new(hugo)),
        publish: Some(Arc::new(publish)),
        threads,
    };
    let mut rendered = render_page(&doc.page, &opts);
    let findings = std::mem::take(&mut rendered.findings);
    let lang = doc.language();
    let site_title = doc.site.title_in(&lang);
    let dir = doc.site.direction_in(&lang);
    let chrome = Chrome {
        site_title: site_title.as_deref(),
        lang: &lang,
        dir: dir.as_deref(),
        params: &params,
        highlight: opts.markup.highlight,
    };
    let styles = site_css.map_or(Styles::Linked("assets/folio.css"), |sheets| Styles::Site {
        sheets,
        marks: None,
    });
    let (before, after) = baseof::around(&rendered, &chrome, styles);
    drop(opts);
    let assets = std::mem::take(&mut *assets.lock().unwrap_or_else(PoisonError::into_inner));
    let again = rendered.rendered_again;
    let html = rendered
        .html
        .between(before, after)
        .into_pieces()
        .into_iter()
        .map(String::into_bytes)
        .collect();
    (html, assets, findings, again)
}

/// What the render calls to point a URL the page writes (`RenderOptions::rewrite_url`),
/// for the page of `hugo`: a link to the page itself within the export, a local file at
/// its copy in `collected`, a link to another page of the site at the published page
/// ([`page_link`]), and a path from the host's root at the host.
fn rewriter(
    doc: &OpenPage,
    hugo: &crate::templates::engine::HugoContext,
    collected: Arc<Mutex<Assets>>,
) -> impl Fn(&str, bool) -> Option<String> + Send + Sync + 'static {
    let (site, page) = (doc.site.clone(), doc.path.clone());
    let base_url = doc.site.base_url_in(&doc.language());
    // The page's URL from the site's root (a base URL's path taken off, as `site_path` does).
    let page_url = site_path(&hugo.rel_permalink, &base_url);
    // A path from the root without the base URL's path names the host's root, not the
    // site's, where Hugo leaves it as written (neither `canonifyURLs` nor `relativeURLs`
    // puts it under the base URL): `/pubs/` or `/img/a.png` on a site at
    // `https://h.edu/~me/` is `https://h.edu/pubs/`, as a browser resolves it on the
    // published page, a file of the site's neither (review 57a, 5).
    let base_path = crate::templates::engine::objects::base_path(&base_url);
    let below_host = base_path.len() > 1 && hugo.abs_url_path.is_none();
    let origin = crate::templates::engine::objects::origin(&base_url).to_string();
    move |written: &str, image: bool| {
        let url = site_path(written, &base_url);
        let host_root =
            below_host && url == written && written.starts_with('/') && !written.starts_with("//");
        if host_root {
            return (!origin.is_empty()).then(|| format!("{origin}{written}"));
        }
        if let Some(own) = (!image).then(|| own_link(&url, &page_url)).flatten() {
            return Some(own);
        }
        let url = served_relative(&site, &page, &page_url, &url);
        let mut assets = collected.lock().unwrap_or_else(PoisonError::into_inner);
        local_asset(&site, &page, &url, image, &mut assets).or_else(|| {
            let link = (!image).then(|| page_link(&url, &page_url, &base_url, &mut assets));
            link.flatten().filter(|l| l != written)
        })
    }
}

/// What the render calls to publish a resource's file (`RenderOptions::publish`): copied
/// into `assets`, unless Hugo does not publish it (a bundle's page, a draft's text).
fn publisher(assets: Arc<Mutex<Assets>>) -> impl Fn(&Path) -> Option<String> + Send + Sync {
    move |path: &Path| {
        let mut assets = assets.lock().unwrap_or_else(PoisonError::into_inner);
        if unpublished(&assets.root, &assets.contents, path).is_some() {
            return None;
        }
        copy_in(path, &mut assets)
    }
}

/// A site URL without the base URL's path (`/repo/img/a.png` → `/img/a.png` for a site
/// at `https://user.github.io/repo/`), as `relURL` writes them, and a URL on the base URL
/// itself as that path (`https://user.github.io/repo/img/a.png`, as `absURL` and a
/// theme's image hook write them); others as they are. `base_url` is the site's
/// ([`crate::Site::base_url`]).
pub(crate) fn site_path(url: &str, base_url: &str) -> String {
    if base_url.contains("://") {
        if let Some(rest) = url.strip_prefix(base_url) {
            return format!("/{rest}");
        }
    }
    let base_path = crate::templates::engine::objects::base_path(base_url);
    match url.strip_prefix(base_path) {
        Some(rest) if base_path.len() > 1 && base_path.starts_with('/') => format!("/{rest}"),
        _ => url.to_string(),
    }
}

/// A link to the exported page itself (its URL from the site's root, `page_url`, with a
/// `#fragment` or not: `/about/#top`) as the link within the export's one page (`#top`,
/// `index.html`); `None` for any other link.
fn own_link(url: &str, page_url: &str) -> Option<String> {
    let (path, fragment) = url
        .split_once('#')
        .map_or((url, None), |(p, f)| (p, Some(f)));
    let path = path.split('?').next().unwrap_or(path);
    let trimmed = path.strip_suffix("index.html").unwrap_or(path);
    let own = !page_url.is_empty() && (trimmed == page_url || format!("{trimmed}/") == page_url);
    own.then(|| fragment.map_or_else(|| "index.html".to_string(), |f| format!("#{f}")))
}

/// Whether a file of this name is one Hugo's build makes of its own in a site's or a
/// section's folder: the RSS feed of the home page, each section, taxonomy and term
/// (`index.xml`, Hugo's default outputs), and the sitemap (`sitemap.xml`), linked on the
/// base URL as a page is (review 62b: `/episodes/index.xml` was said to be missing).
fn hugo_makes(name: &str) -> bool {
    matches!(name, "index.xml" | "sitemap.xml")
}

/// A link to another page of the site (a site path that names no file the export copies:
/// `/en/work/`, as `relref` writes it, or a relative one, `../work/`, read from the page's
/// URL `page_url`) on the site's base URL (`https://example.org/en/work/`): the export
/// holds one page, and a site path opened from disk names the disk's root (trial 52a-3,
/// hunt AR-2); one to the page itself stays in the export ([`own_link`]). `url` has the
/// base URL's path taken off ([`site_path`]); `base_url` is the page language's
/// ([`crate::Site::base_url_in`]). Kept as it is, and said in `assets`' warnings: a link to a
/// file (a name with an extension other than a page's) the site does not have, which
/// Hugo's build leaves broken too (AR-8), and any link when the base URL names no host.
fn page_link(url: &str, page_url: &str, base_url: &str, assets: &mut Assets) -> Option<String> {
    let scheme = crate::text::has_scheme(url.as_bytes());
    if url.is_empty() || url.starts_with(['#', '?']) || url.starts_with("//") || scheme {
        return None;
    }
    let site_url = match url.starts_with('/') {
        true => url.to_string(),
        false => from_page(page_url, url)?,
    };
    // The page itself (`./#top`, `../about/`): within the export (review 52b, 2).
    if let Some(own) = own_link(&site_url, page_url) {
        return Some(own);
    }
    let (path, _) = path_and_suffix(&site_url);
    let name = path.rsplit('/').next().unwrap_or_default();
    let file = name
        .rsplit_once('.')
        .is_some_and(|(stem, ext)| !stem.is_empty() && !matches!(ext, "html" | "htm"));
    if file && !hugo_makes(name) {
        // Hugo publishes page bundles' files: said by the export alone (review 59c, 2).
        assets.warn(
            url,
            format!(
                "link `{url}` names a file the site does not have (Hugo's build links to it \
                 too)"
            ),
            false,
        );
        return None;
    }
    let host = base_url
        .split_once("://")
        .filter(|(scheme, _)| {
            scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https")
        })
        .and_then(|(_, rest)| rest.split('/').next())
        .filter(|host| !host.is_empty());
    if host.is_none() {
        assets.warn(
            url,
            format!(
                "link `{url}` goes to another page of the site, which the export does not \
                 hold: with a `baseURL` naming the site's address, it would go to the \
                 published page"
            ),
            false,
        );
        return None;
    }
    Some(format!("{}{site_url}", base_url.trim_end_matches('/')))
}

/// A relative URL (`../work/#top`) as the site path a browser resolves it to from the
/// page's URL (`page_url`, from the site's root: `/about/`): `/work/#top`, its trailing
/// slash and suffix kept. `None` when it climbs above the root, or the page has no URL.
fn from_page(page_url: &str, url: &str) -> Option<String> {
    let dir = page_url.strip_prefix('/')?;
    let dir = dir.rsplit_once('/').map_or("", |(dir, _)| dir);
    let (path, suffix) = path_and_suffix(url);
    let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
    for segment in path.split('/') {
        match segment {
            "." | "" => {}
            ".." => {
                parts.pop()?;
            }
            other => parts.push(other),
        }
    }
    let slash = if path.ends_with('/') || path.ends_with("/.") || path.ends_with("/..") {
        "/"
    } else {
        ""
    };
    let joined = parts.join("/");
    Some(match joined.is_empty() {
        true => format!("/{suffix}"),
        false => format!("/{joined}{slash}{suffix}"),
    })
}

/// `url`'s path and what follows it: its `?query` and `#fragment`, if any.
fn path_and_suffix(url: &str) -> (&str, &str) {
    let path = url.split(['?', '#']).next().unwrap_or(url);
    (path, url.get(path.len()..).unwrap_or_default())
}

/// A relative URL (`../img/a.png`) that names no file beside the page as the site path a
/// browser resolves it to from the page's URL (`page_url`, from the site's root: `/about/`
/// → `/img/a.png` for `../img/a.png`), when the site serves a static file there; else as
/// it is. (A file beside the page is its bundle's: found there first.)
fn served_relative(site: &crate::Site, page: &Path, page_url: &str, url: &str) -> String {
    let relative = !url.is_empty()
        && !url.starts_with(['/', '#', '?'])
        && !crate::text::has_scheme(url.as_bytes())
        && page_url.starts_with('/');
    if !relative {
        return url.to_string();
    }
    let (path_part, suffix) = path_and_suffix(url);
    let decoded = crate::text::percent_decode(path_part);
    if page.parent().is_some_and(|d| d.join(&decoded).is_file()) {
        return url.to_string();
    }
    let base = page_url.rsplit_once('/').map_or("", |(dir, _)| dir);
    let resolved = normalise(&Path::new(base).join(&decoded));
    match site.static_file(&resolved) {
        Some(_) => format!("/{resolved}{suffix}"),
        None => url.to_string(),
    }
}

/// Maps a URL the page uses to a file copied into `assets/`, when it names a local file:
/// `/x` in the static folder of the site or of one of its themes, `x` next to the page.
fn local_asset(
    site: &crate::Site,
    page: &Path,
    url: &str,
    image: bool,
    assets: &mut Assets,
) -> Option<String> {
    let scheme = crate::text::has_scheme(url.as_bytes());
    if url.is_empty() || url.starts_with('#') || url.starts_with("//") || scheme {
        return None;
    }
    // A `?query` or `#fragment` stays on the copy's URL (PaperMod's `#center`).
    let (path_part, suffix) = path_and_suffix(url);
    // Already a copy's place (Markdown a template rendered, met again in its output).
    if assets.files.values().any(|rel| rel == path_part) {
        return Some(url.to_string());
    }
    let decoded = crate::text::percent_decode(path_part);
    let safe = Path::new(&decoded).components().all(|c| {
        matches!(
            c,
            Component::Normal(_) | Component::RootDir | Component::CurDir
        )
    });
    let (candidate, linked) = match decoded.strip_prefix('/') {
        Some(rest) => match static_candidate(site, &assets.statics, rest) {
            // Not a static file: a page bundle's file, which Hugo publishes under its page's
            // URL (`/posts/trip/map.png` from `content/posts/trip/map.png`; review 59c).
            (missing, None) if safe && !missing.is_file() => {
                (bundled(site, page, rest, assets).unwrap_or(missing), None)
            }
            found => found,
        },
        None => (page.parent().unwrap_or(Path::new(".")).join(&decoded), None),
    };
    // A file Hugo does not publish is not copied either.
    let why = match decoded.strip_prefix('/') {
        Some(_) => linked,
        None => safe
            .then(|| unpublished(&assets.root, &assets.contents, &candidate))
            .flatten(),
    };
    if let Some(why) = why {
        // An image is missing from Hugo's site too; a link may be to a page Hugo makes of
        // the file (a page's source), which the export does not hold.
        assets.warn(
            url,
            format!("file `{url}` is not copied: it is {why}"),
            image,
        );
        return None;
    }
    if !safe || !candidate.is_file() {
        if image {
            let themes = if decoded.starts_with('/') {
                " and its themes'"
            } else {
                ""
            };
            let message = format!(
                "file `{url}` was not found (looked for {}{themes})",
                candidate.display()
            );
            // A path that climbs (`../other/a.png`) may reach a file Hugo publishes
            // elsewhere: said by the export alone.
            assets.warn(url, message, safe);
        }
        return None;
    }
    copy_in(&candidate, assets).map(|copy| format!("{copy}{suffix}"))
}

/// The page bundle's file Hugo publishes at the site path `/rest` for a page of the
/// language of `page` ([`bundle_file_at`]): looked for at that path in the content
/// folders, and at it without the language's prefix (`/en/posts/…`).
fn bundled(site: &crate::Site, page: &Path, rest: &str, assets: &Assets) -> Option<PathBuf> {
    let lang = OpenPage::language_of(site, page);
    let prefix = site.url_prefix(&lang).map(|p| format!("{p}/"));
    let unprefixed = prefix.as_deref().and_then(|p| rest.strip_prefix(p));
    std::iter::once(rest)
        .chain(unprefixed)
        .flat_map(|path| assets.contents.iter().map(move |dir| dir.join(path)))
        .find(|f| {
            f.is_file()
                && unpublished(&assets.root, &assets.contents, f).is_none()
                && bundle_file_at(site, &lang, f, rest)
        })
}

/// Whether Hugo publishes `file`, a file in a page bundle, at the site path `/rest`: the
/// URL of its bundle's page (the nearest folder above it with an `index` or `_index`
/// file, in `lang` or of no language), its language's prefix and its `slug` or `url`
/// counted ([`crate::site::refs::page_url`]), followed by its path in the bundle (review
/// 59e: `/posts/trip/map.png` is no file of a site whose pages are under `/en/`).
fn bundle_file_at(site: &crate::Site, lang: &str, file: &Path, rest: &str) -> bool {
    // `index.md`, or `index.LANG.md` in `lang` (the file-name rule's one home,
    // `split_language`).
    let is_index = |p: &Path| {
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        let (logical, _) = crate::site::split_language(name, [lang]);
        logical
            .rsplit_once('.')
            .is_some_and(|(stem, _)| stem == "index" || stem == "_index")
    };
    for dir in file.ancestors().skip(1) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return false;
        };
        let mut indexes: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file() && is_index(p))
            .collect();
        if indexes.is_empty() {
            continue;
        }
        // The language's own index first (`index.fr.md` before `index.md`).
        indexes.sort_by_key(|p| p.to_string_lossy().matches('.').count() < 2);
        let Some(index) = indexes.first() else {
            return false;
        };
        let front = crate::site::refs::front_of(index);
        let url = crate::site::refs::page_url(site, lang, index, front.as_ref());
        let inside = file.strip_prefix(dir).unwrap_or(file);
        let inside: Vec<_> = inside.iter().map(|c| c.to_string_lossy()).collect();
        let base_url = site.base_url_in(lang);
        let base = crate::templates::engine::objects::base_path(&base_url);
        let url = url.strip_prefix(base.trim_end_matches('/')).unwrap_or(&url);
        return format!("{}/{}", url.trim_end_matches('/'), inside.join("/")) == format!("/{rest}");
    }
    false
}

/// The file a site path (`rest`, after its `/`) is served from: the first static folder
/// that has it ([`crate::Site::static_file`]: the site's own, `statics`, then its themes'),
/// else where the winning one would have it (said when missing); with [`LINKED`] when the
/// file there is reached through a symbolic link, which Hugo does not publish.
fn static_candidate(
    site: &crate::Site,
    statics: &[PathBuf],
    rest: &str,
) -> (PathBuf, Option<&'static str>) {
    if let Some(file) = site.static_file(rest) {
        return (file, None);
    }
    let linked = statics.iter().any(|dir| {
        let file = dir.join(rest);
        file.is_file() && crate::fs::linked_below(dir, &file)
    });
    let first = statics.first().cloned();
    let candidate = first.unwrap_or_else(|| site.root.join("static")).join(rest);
    (candidate, linked.then_some(LINKED))
}

/// Why Hugo does not publish a file reached through a symbolic link.
const LINKED: &str = "reached through a symbolic link, which Hugo does not publish";

/// Why Hugo does not publish `file`, a file of the site's content beside a page (`root`,
/// the site's folder; `contents`, its content folders), or `None` when it does: a
/// page's source (a content format's extension: Hugo renders it as a page, and a draft's
/// text is not for the reader), a hidden file or one in a hidden folder, or a file reached
/// through a symbolic link (checked against Hugo 0.168, which publishes a leaf bundle's
/// other files).
fn unpublished(root: &Path, contents: &[PathBuf], file: &Path) -> Option<&'static str> {
    let absolute = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let (root, file) = (absolute(root), absolute(file));
    file.strip_prefix(&root).ok()?;
    // The content folder the file is in (which may itself be a link, as Hugo allows).
    let content = contents
        .iter()
        .map(|d| absolute(d))
        .find(|d| file.starts_with(d));
    let Some(content) = content else {
        return (file.exists() && crate::fs::linked_below(&root, &file)).then_some(LINKED);
    };
    let rel = file.strip_prefix(&content).unwrap_or(&file);
    if crate::templates::engine::bundle::is_content_file(&file.to_string_lossy()) {
        Some("a page's source, which Hugo renders as a page")
    } else if rel.components().any(|c| {
        let part = c.as_os_str().to_string_lossy();
        part.starts_with(['.', '#']) || part.ends_with('~')
    }) {
        Some("hidden, and Hugo does not publish hidden content files")
    } else if file.exists() && crate::fs::linked_below(&content, &file) {
        Some(LINKED)
    } else {
        None
    }
}

/// Records a local file for the export's `assets/` and gives its path there, a path that
/// follows from where the file is, so that two files never share it and it does not depend
/// on the files met before (a render may meet them in any order):
/// - a file of one of the site's own static folders (`staticDir`, `static/` by default):
///   `assets/site/` then the path the site serves it at (`static/img/me.png` →
///   `assets/site/img/me.png`, where the site's stylesheets also go);
/// - another file of the site: `assets/root/` then its path in the site
///   (`content/about/me.png` → `assets/root/content/about/me.png`);
/// - an image Folio processed: `assets/processed/` then its name (which the processing
///   makes unique);
/// - any other file: `assets/outside/`, a hash of its folder, then its name.
///
/// A character other than a letter, a digit, `.`, `_` or `-` becomes `-`, and the name then
/// gets a hash of the whole path before its extension.
fn copy_in(candidate: &Path, assets: &mut Assets) -> Option<String> {
    if !candidate.is_file() {
        return None;
    }
    if let Some(rel) = assets.files.get(candidate) {
        return Some(rel.clone());
    }
    // Both absolute, however the page's path was written.
    let absolute = std::path::absolute(candidate).unwrap_or_else(|_| candidate.to_path_buf());
    let served = assets
        .statics
        .iter()
        .find_map(|d| absolute.strip_prefix(d).ok());
    let (dir, place) = match (served, absolute.strip_prefix(&assets.root)) {
        (Some(served), _) => ("assets/site".to_string(), served.to_path_buf()),
        (None, Ok(p)) => ("assets/root".to_string(), p.to_path_buf()),
        (None, Err(_)) => {
            let name = PathBuf::from(absolute.file_name()?);
            let folder = absolute.parent().unwrap_or(Path::new(""));
            if folder == crate::templates::engine::images::output_dir() {
                ("assets/processed".to_string(), name)
            } else {
                (format!("assets/outside/{:08x}", path_hash(folder)), name)
            }
        }
    };
    let parts: Vec<String> = place
        .components()
        .filter_map(|c| match c {
            Component::Normal(p) => Some(p.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect();
    let mut clean: Vec<String> = parts
        .iter()
        .map(|p| {
            p.chars()
                .map(|c| {
                    if c.is_alphanumeric() || "._-".contains(c) {
                        c
                    } else {
                        '-'
                    }
                })
                .collect()
        })
        .collect();
    if clean != parts {
        if let Some(name) = clean.last_mut() {
            let (stem, ext) = match name.rfind('.') {
                Some(k) if k > 0 => name.split_at(k),
                _ => (name.as_str(), ""),
            };
            *name = format!("{stem}-{:08x}{ext}", path_hash(candidate));
        }
    }
    let rel = format!("{dir}/{}", clean.join("/"));
    assets.files.insert(candidate.to_path_buf(), rel.clone());
    Some(rel)
}

/// A short hash of a path that is the same on every run (FNV-1a, 32 bits).
fn path_hash(path: &Path) -> u64 {
    use std::hash::Hasher;
    let mut h = fnv::FnvHasher::default();
    h.write(path.as_os_str().as_encoded_bytes());
    h.finish() & 0xffff_ffff
}

/// Writes `files` into a new folder beside `out` and swaps it into place. A symbolic
/// link to a folder (one a web server serves, say) is followed: the folder it names is
/// the one replaced, and the link stays.
fn replace_dir(out: &Path, files: &BTreeMap<String, Contents>) -> Result<()> {
    let linked;
    let out = if out.is_symlink() && out.is_dir() {
        linked = std::fs::canonicalize(out).map_err(|e| Error::io(out, e))?;
        linked.as_path()
    } else {
        out
    };
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = out
        .file_name()
        .ok_or_else(|| Error::site(out, "the export folder needs a name"))?
        .to_string_lossy()
        .into_owned();
    std::fs::create_dir_all(&parent).map_err(|e| Error::io(&parent, e))?;
    let previous = check_target(out)?;
    // Beside the target, so the final rename stays on one file system.
    let tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}.folio-new-"))
        .tempdir_in(&parent)
        .map_err(|e| Error::io(&parent, e))?
        .keep();
    let written = write_tree(&tmp, files);
    if let Err(e) = written {
        let _ = remove_tree(&tmp, files.keys());
        return Err(e);
    }
    // Any failure from here leaves the new folder beside the target removed.
    let discard = |e: Error| {
        let _ = remove_tree(&tmp, files.keys());
        e
    };
    match previous {
        Target::Missing => rename(&tmp, out, files),
        Target::Empty => {
            std::fs::remove_dir(out).map_err(|e| discard(Error::io(out, e)))?;
            rename(&tmp, out, files)
        }
        Target::Export(old_files) => {
            let old = tmp.with_file_name(
                tmp.file_name()
                    .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
                    .replacen(".folio-new-", ".folio-old-", 1),
            );
            std::fs::rename(out, &old).map_err(|e| discard(Error::io(out, e)))?;
            if let Err(e) = rename(&tmp, out, files) {
                let _ = std::fs::rename(&old, out);
                return Err(e);
            }
            remove_tree(&old, old_files.iter()).map_err(|e| Error::io(&old, e))
        }
    }
}

fn rename(tmp: &Path, out: &Path, files: &BTreeMap<String, Contents>) -> Result<()> {
    std::fs::rename(tmp, out).map_err(|e| {
        let _ = remove_tree(tmp, files.keys());
        Error::io(out, e)
    })
}

enum Target {
    Missing,
    Empty,
    /// A previous export, with its files (every one its manifest lists).
    Export(Vec<String>),
}

/// Decides whether `out` may be replaced.
fn check_target(out: &Path) -> Result<Target> {
    if !out.exists() {
        return Ok(Target::Missing);
    }
    if !out.is_dir() {
        return Err(Error::site(
            out,
            "the export target exists and is not a folder",
        ));
    }
    let present = list_files(out).map_err(|e| Error::io(out, e))?;
    if present.is_empty() {
        return Ok(Target::Empty);
    }
    let manifest = out.join(MANIFEST);
    let Ok(listed) = crate::fs::read_to_string(&manifest) else {
        return Err(Error::site(
            out,
            "this folder is not empty and was not written by Folio; export into a new or empty \
             folder (Folio never deletes files it did not write)",
        ));
    };
    let listed: Vec<String> = listed
        .lines()
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect();
    let foreign: Vec<&String> = present
        .iter()
        .filter(|p| *p != MANIFEST && !listed.contains(p))
        .collect();
    if !foreign.is_empty() {
        let names: Vec<&str> = foreign.iter().take(3).map(|s| s.as_str()).collect();
        return Err(Error::site(
            out,
            format!(
                "this earlier export now also holds files Folio did not write ({}); move them \
                 or export elsewhere",
                names.join(", ")
            ),
        ));
    }
    // The files found in the folder, each listed: a manifest's line naming a path outside
    // the folder (`../x`, `/x`) or a folder is never something to remove.
    Ok(Target::Export(present))
}

/// Every file under `dir`, relative, with `/` separators.
fn list_files(dir: &Path) -> std::io::Result<Vec<String>> {
    let mut out = Vec::new();
    for e in walkdir::WalkDir::new(dir).min_depth(1) {
        let e = e.map_err(std::io::Error::from)?;
        if !e.file_type().is_dir() {
            let rel = e.path().strip_prefix(dir).unwrap_or(e.path());
            out.push(
                rel.components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/"),
            );
        }
    }
    out.sort();
    Ok(out)
}

/// Writes each file under `root`. Nothing is synced to disk: the folder is renamed into
/// place whole, so a crash of Folio never leaves a half-written file in it (at worst the
/// previous export waits beside it, renamed), and an export lost to a crash of the machine
/// is made again by exporting again (Hugo does not sync its output either).
fn write_tree(root: &Path, files: &BTreeMap<String, Contents>) -> Result<()> {
    for (rel, parts) in files {
        let path = root.join(rel);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        }
        let mut file = std::fs::File::create(&path).map_err(|e| Error::io(&path, e))?;
        crate::fs::write_parts(&mut file, parts).map_err(|e| Error::io(&path, e))?;
    }
    Ok(())
}

/// Removes the listed files under `root`, then the folders left empty; anything else stays.
/// Each file is tried (one that could not be written cannot be removed either: its name
/// was too long, say); the first error other than a file not found is returned.
fn remove_tree<'a>(root: &Path, files: impl Iterator<Item = &'a String>) -> std::io::Result<()> {
    let mut first = None;
    for rel in files {
        match std::fs::remove_file(root.join(rel)) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                first.get_or_insert(e);
            }
            _ => {}
        }
    }
    let emptied = remove_empty_dirs(root);
    first.map_or(emptied, Err)
}

fn remove_empty_dirs(dir: &Path) -> std::io::Result<()> {
    if !dir.is_dir() {
        return Ok(());
    }
    for e in std::fs::read_dir(dir)? {
        let e = e?;
        if e.file_type()?.is_dir() {
            remove_empty_dirs(&e.path())?;
        }
    }
    match std::fs::remove_dir(dir) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::DirectoryNotEmpty => Ok(()),
        Err(e) => Err(e),
    }
}
