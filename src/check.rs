//! `folio check`: every problem in a page or site, each located at file:line:col — parse
//! errors, shortcodes with no template (with the nearest known name) or whose template does
//! not parse, parameters their template never reads, unknown icon names in a parameter the
//! template uses as Font Awesome icons (with the nearest real ones), malformed
//! repositories, `param` shortcodes whose key is set nowhere and `ref`/`relref` calls that
//! name no page (errors in Hugo too).

use std::path::{Path, PathBuf};

use serde_json::{Map, Value as Json};

use crate::error::Error;
use crate::icons;
use crate::page::tree::Shortcode;
use crate::page::{is_card, Page, CARD};
use crate::render::{Findings, Surprise};
use crate::site::{lookup_param, Site};
use crate::templates::Catalogue;
use crate::templates::{FieldKind, ParamKey};
use crate::text;

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Hugo would fail to build the page, or Folio cannot open it.
    Error,
    /// Hugo builds it, but the output is probably not what was meant.
    Warning,
}

/// One problem, located.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Diagnostic {
    /// The file the problem is in.
    pub path: PathBuf,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub col: usize,
    /// How bad it is.
    pub severity: Severity,
    /// What is wrong, lowercase.
    pub message: String,
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(
            f,
            "{}:{}:{}: {sev}: {}",
            self.path.display(),
            self.line,
            self.col,
            self.message
        )
    }
}

impl Diagnostic {
    /// An error diagnostic from a core error (syntax errors keep their location).
    pub fn from_error(e: &Error) -> Diagnostic {
        match e {
            Error::Syntax {
                path,
                line,
                col,
                message,
            } => Diagnostic {
                path: path.clone(),
                line: *line,
                col: *col,
                severity: Severity::Error,
                message: message.clone(),
            },
            Error::Io { path, source } => at_start(path, source.to_string()),
            Error::Model { path, at, message } => at_start(path, format!("{at}: {message}")),
            Error::Site { path, message } => at_start(path, message.clone()),
        }
    }
}

fn at_start(path: &Path, message: String) -> Diagnostic {
    Diagnostic {
        path: path.to_path_buf(),
        line: 1,
        col: 1,
        severity: Severity::Error,
        message,
    }
}

/// Checks a page file or a site folder.
pub fn check_path(path: &Path) -> Vec<Diagnostic> {
    if path.is_dir() {
        return check_site(path);
    }
    match Site::for_page(path) {
        Ok(site) => {
            let mut found = site_problems(&site);
            found.extend(check_page(path, &site));
            found
        }
        Err(e) => vec![Diagnostic::from_error(&e)],
    }
}

/// What of the whole site (not of one page) `check` reports: in its config, what fails
/// Hugo's build before any page is read (a `timeZone` its time zone database does not
/// know, once per language; a `defaultContentLanguage` it refuses; a `[permalinks]`
/// token it does not know; a data or translation file Hugo cannot load; a theme's config
/// that does not parse), and what the preview and the export write otherwise than Hugo
/// (render hooks Folio does not run, templates that do not parse). The app shows them as a notice when a page opens.
pub fn site_problems(site: &Site) -> Vec<Diagnostic> {
    let mut found: Vec<Diagnostic> = site
        .languages()
        .iter()
        .filter_map(|l| site.time_zone(&l.code).err())
        .map(refused_setting)
        .collect();
    // A zone the site names fails once, whichever language reads it.
    found.dedup_by(|a, b| (&a.path, a.line, a.col) == (&b.path, b.line, b.col));
    found.extend(
        site.default_language_problem()
            .into_iter()
            .chain(site.missing_theme_problem())
            .chain(crate::site::refs::unknown_permalink_tokens(site))
            .chain(site.render_hook_problems())
            .map(refused_setting),
    );
    found.extend(
        site.theme_config_errors()
            .iter()
            .map(Diagnostic::from_error),
    );
    found.extend(unrun_render_hooks(site));
    found.extend(front_matter_dates(site));
    found.extend(unfollowed_markup(site));
    found.extend(site.html_content_files().into_iter().map(|file| {
        at_start(
            &file,
            "an HTML file in the content folder stops Hugo's build (\"text/html\" is not \
             allowed in policy security.allowContent): move it to static/, or rename it"
                .into(),
        )
    }));
    found.extend(unparsed_templates(site));
    found.extend(unknown_functions(site));
    found.extend(file_problems(site));
    found
}

/// The site's data and translation files Hugo cannot read. A data file stops Hugo's
/// build once a template reads `.Site.Data` (`site.Data`, `hugo.Data`): an error when one
/// of the site's templates names it, else a warning (review 57a, 15).
fn file_problems(site: &Site) -> Vec<Diagnostic> {
    use crate::site::Stops;
    let mut reader = None;
    let mut reads_data = || {
        reader
            .get_or_insert_with(|| {
                let words = ["site.Data", "Site.Data", "hugo.Data"];
                site.shortcodes.layout_holding(&words)
            })
            .clone()
    };
    site.files
        .problems
        .iter()
        .map(|p| {
            let read_by = (p.stops == Stops::OnceDataIsRead)
                .then(&mut reads_data)
                .flatten();
            let message = match &read_by {
                Some(file) => format!(
                    "{} ({} reads it)",
                    p.message,
                    file.strip_prefix(&site.root).unwrap_or(file).display()
                ),
                None => p.message.clone(),
            };
            Diagnostic {
                path: p.path.clone(),
                line: p.line,
                col: p.col,
                severity: if p.stops == Stops::Always || read_by.is_some() {
                    Severity::Error
                } else {
                    Severity::Warning
                },
                message,
            }
        })
        .collect()
}

/// A config setting Hugo refuses, as the error at its place.
fn refused_setting(bad: crate::site::BadSetting) -> Diagnostic {
    Diagnostic {
        path: bad.file,
        line: bad.line,
        col: bad.col,
        severity: Severity::Error,
        message: bad.message,
    }
}

/// The Markdown settings Folio does not follow, each a warning at its place: the CJK
/// extension's "css3draft" style of line breaks, which Folio breaks by the "simple" style
/// (`render/markdown/cjk.rs`), and footnotes' `enableAutoIDPrefix`.
fn unfollowed_markup(site: &Site) -> Vec<Diagnostic> {
    let extensions = ["markup", "goldmark", "extensions"];
    let at = |keys: &[&str]| site.setting(&[&extensions[..], keys].concat());
    let is = |keys: &[&str], value: &dyn Fn(&Json) -> bool| {
        at(keys).filter(|(_, n)| value(&n.to_json()))
    };
    let on = |keys: &[&str]| is(keys, &|v| *v == Json::Bool(true)).is_some();
    let css3 = |v: &Json| {
        v.as_str()
            .is_some_and(|s| s.eq_ignore_ascii_case("css3draft"))
    };
    let cjk_on = on(&["cjk", "enable"]) && on(&["cjk", "eastAsianLineBreaks"]);
    let said = [
        is(&["cjk", "eastAsianLineBreaksStyle"], &css3)
            .filter(|_| cjk_on)
            .map(|s| {
                (
                    s,
                    "the preview and the export break lines between East Asian characters by the \
                 \"simple\" style, not \"css3draft\": a line break next to other wide characters \
                 (full-width punctuation, emoji) may show as a space where Hugo joins the lines",
                )
            }),
        is(&["footnote", "enableAutoIDPrefix"], &|v| {
            *v == Json::Bool(true)
        })
        .map(|s| {
            (
                s,
                "the preview and the export write footnote ids without Hugo's prefix (`h` and \
                 a hash of the page's path: `fn:1` where Hugo writes `h9593d1ab2dd3c908fn:1`); \
                 the links between notes and references work the same",
            )
        }),
    ];
    said.into_iter()
        .flatten()
        .map(|((file, node), message)| {
            let (line, col) = crate::text::line_col(&file.src, node.span.start);
            Diagnostic {
                path: file.path.clone(),
                line,
                col,
                severity: Severity::Warning,
                message: message.into(),
            }
        })
        .collect()
}

/// The site's shortcode templates that do not parse, each at its own file: errors, as Hugo
/// stops the whole build on one, even where no page calls it (Folio's parser is Go's,
/// `templates/parse.rs`).
fn unparsed_templates(site: &Site) -> Vec<Diagnostic> {
    site.shortcodes
        .iter()
        .filter(|t| t.origin != crate::templates::Origin::BuiltIn)
        .filter_map(|t| {
            let problem = t.problem.as_deref()?;
            let file = t.files.first()?;
            // The problem is `file:line:col: message`.
            let rest = problem
                .strip_prefix(file.to_string_lossy().as_ref())
                .and_then(|r| r.strip_prefix(':'));
            let mut parts = rest.unwrap_or_default().splitn(3, ':');
            let (line, col) = (
                parts.next().and_then(|n| n.trim().parse().ok()),
                parts.next().and_then(|n| n.trim().parse().ok()),
            );
            let message = parts.next().map_or(problem, str::trim);
            Some(Diagnostic {
                path: site.root.join(file),
                line: line.unwrap_or(1),
                col: col.unwrap_or(1),
                severity: Severity::Error,
                message: format!(
                    "the template of shortcode `{}` does not parse ({message}): Hugo stops the \
                     whole build on it, even where no page calls it",
                    t.name
                ),
            })
        })
        .collect()
}

/// The templates of the site that call a function Hugo does not have
/// ([`Site::unknown_calls`]): errors, as Hugo stops the whole build on one.
fn unknown_functions(site: &Site) -> Vec<Diagnostic> {
    site.unknown_calls()
        .iter()
        .map(|call| Diagnostic {
            path: call.file.clone(),
            line: call.line,
            col: call.col,
            severity: Severity::Error,
            message: call.message.clone(),
        })
        .collect()
}

/// The site's `[frontmatter]` settings that read a page's dates otherwise than Hugo's
/// default (`resources/page/pagemeta/page_frontmatter.go`): Folio reads the default keys
/// only (`templates::engine::objects::DATE_KEYS`), so such a page's dates, and with
/// `:filename` its slug and URL, may differ from Hugo's: a warning at each setting.
fn front_matter_dates(site: &Site) -> Vec<Diagnostic> {
    let defaults = crate::templates::engine::objects::DATE_KEYS;
    ["date", "lastmod", "publishDate", "expiryDate"]
        .into_iter()
        .zip(defaults)
        .filter_map(|(key, (_, default))| {
            let (file, node) = site.setting(&["frontmatter", key])?;
            let value = node.to_json();
            let keys: Vec<&str> = match &value {
                Json::String(one) => vec![one.as_str()],
                Json::Array(list) => list.iter().filter_map(Json::as_str).collect(),
                _ => Vec::new(),
            };
            // The keys read in order, `:default` standing for Hugo's: the same order as
            // the default's is the default (`["date", ":default"]`).
            let mut read: Vec<String> = Vec::new();
            for k in &keys {
                let expanded: Vec<String> = if k.eq_ignore_ascii_case(":default") {
                    default.iter().map(|d| (*d).to_string()).collect()
                } else {
                    vec![k.to_ascii_lowercase()]
                };
                for k in expanded {
                    if !read.contains(&k) {
                        read.push(k);
                    }
                }
            }
            if read == *default {
                return None;
            }
            let filename = keys.iter().any(|k| k.eq_ignore_ascii_case(":filename"));
            let (line, col) = crate::text::line_col(&file.src, node.span.start);
            Some(Diagnostic {
                path: file.path.clone(),
                line,
                col,
                severity: Severity::Warning,
                message: format!(
                    "[frontmatter] {key} = {value}: Folio reads a page's dates by Hugo's \
                     default keys only (`date`, `publishDate`, `lastmod`…), not this \
                     setting's{}, so the preview's .Date and the other dates may differ \
                     from Hugo's",
                    if filename {
                        " (with `:filename` Hugo also takes the date and the slug from a file \
                         name such as `2024-12-01-name.md`, and the page's URL from the slug)"
                    } else {
                        ""
                    }
                ),
            })
        })
        .collect()
}

/// The site's render hooks Folio does not run (passthrough elements' when the site turns
/// that extension on, and a section's, a type's, a language's or an output format's): the
/// preview and the export write those elements as Goldmark does.
fn unrun_render_hooks(site: &Site) -> Vec<Diagnostic> {
    let narrower = site
        .shortcodes
        .narrower_render_hooks()
        .iter()
        .map(|file| Diagnostic {
            path: site.root.join(file),
            line: 1,
            col: 1,
            severity: Severity::Warning,
            message: "Folio runs the site's general render hooks, not a section's, a type's, \
                  a language's or an output format's like this one: the preview and the \
                  export may differ from Hugo's here"
                .into(),
        });
    // Without the passthrough extension (Hugo's default) there is nothing for its hook
    // to render: a theme's hook (Hextra ships one) is no difference.
    let passthrough = site.markup().passthrough.is_some();
    site.shortcodes
        .render_hooks()
        .filter(|name| crate::render::markdown::hooks::HookKind::of_name(name).is_none())
        .filter(|name| *name != "passthrough" || passthrough)
        .filter_map(|name| {
            let file = site.shortcodes.render_hook(name)?;
            Some(Diagnostic {
                path: site.root.join(&file.path),
                line: 1,
                col: 1,
                severity: Severity::Warning,
                message: format!(
                    "Folio does not run this render hook (render-{name}): the preview and \
                     the export write these elements as Goldmark does, so they may look \
                     different from Hugo's"
                ),
            })
        })
        .chain(narrower)
        .chain(hook_positions(site))
        .collect()
}

/// The render hooks Folio runs that read `.Position`, each at the first place: Folio gives
/// a hook no place in the page (line 0, `IsValid` false), where Hugo's names the
/// element's line (hunt AQ-11).
fn hook_positions(site: &Site) -> Vec<Diagnostic> {
    site.shortcodes
        .render_hooks()
        .filter(|name| crate::render::markdown::hooks::HookKind::of_name(name).is_some())
        .filter_map(|name| {
            let file = site.shortcodes.render_hook(name)?;
            let at = file.source.find(".Position")?;
            let (line, col) = text::line_col(&file.source, at);
            Some(Diagnostic {
                path: site.root.join(&file.path),
                line,
                col,
                severity: Severity::Warning,
                message: "Folio gives a render hook's .Position no place in the page (line 0), \
                          where Hugo's names the element's line: what the hook writes of it \
                          differs"
                    .into(),
            })
        })
        .collect()
}

fn check_site(dir: &Path) -> Vec<Diagnostic> {
    let site = match Site::open_dir(dir) {
        Ok(s) => s,
        Err(e) => return vec![Diagnostic::from_error(&e)],
    };
    // The portfolio pages, else every content page (the app offers them all then).
    let pages = match site.pages() {
        portfolio if !portfolio.is_empty() => portfolio,
        _ => site.content_pages(),
    };
    if pages.is_empty() {
        return vec![Diagnostic {
            severity: Severity::Warning,
            ..at_start(dir, "no pages found in the site's content folders".into())
        }];
    }
    let mut found = site_problems(&site);
    found.extend(pages.iter().flat_map(|p| check_page(&p.path, &site)));
    found
}

/// Checks one page against its site: its params and its shortcodes.
pub fn check_page(path: &Path, site: &Site) -> Vec<Diagnostic> {
    match Page::read(path, &site.shortcodes) {
        Ok(page) => check_doc(
            &crate::OpenPage {
                path: path.to_path_buf(),
                page,
                site: std::sync::Arc::new(site.clone()),
            },
            None,
        ),
        Err(e) => vec![Diagnostic::from_error(&e)],
    }
}

/// What stops Hugo's build of the page as it is in memory: the errors [`check_doc`]
/// finds (a date Hugo cannot read, a reference to no page, a template that fails…),
/// each `path:line:col: message` with the path from the site's folder, in the order of
/// the page's text (review 50d, 4). What the app says after a save and an export;
/// `rendered` as [`check_doc`]'s.
pub fn build_stopping(doc: &crate::OpenPage, rendered: Option<Findings>) -> Vec<String> {
    let mut stops: Vec<Diagnostic> = check_doc(doc, rendered)
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    stops.sort_by_key(|d| (d.path.clone(), d.line, d.col));
    stops
        .into_iter()
        .map(|d| {
            let path = d.path.strip_prefix(&doc.site.root).unwrap_or(&d.path);
            format!("{}:{}:{}: {}", path.display(), d.line, d.col, d.message)
        })
        .collect()
}

/// [`check_page`] of a page as it is in memory (its unsaved text, for an export). What the
/// page's render finds of its calls is `rendered` when the caller has rendered it already
/// (an export's [`crate::export::Report::findings`]), else the page is rendered here.
pub fn check_doc(doc: &crate::OpenPage, rendered: Option<Findings>) -> Vec<Diagnostic> {
    check_doc_with(doc, || rendered)
}

/// [`check_doc`], asking for what the page's render found (`rendered`) only once the
/// checks of the page's text are done: an export renders the page on other threads
/// while they run (`folio export`), and gives its findings then.
pub fn check_doc_with(
    doc: &crate::OpenPage,
    rendered: impl FnOnce() -> Option<Findings>,
) -> Vec<Diagnostic> {
    let (path, page) = (&doc.path, &doc.page);
    let lang = crate::OpenPage::language_of(&doc.site, path);
    // The site as the page's language renders it (its own `markup`, if it has one).
    let view = doc.site.for_language(&lang);
    let site: &Site = &view;
    let site_params = &site.params_in(&lang);
    let src = page.source();
    let mut found = Vec::new();
    // The front matter `param` reads: with what cascades hand down (read once, if needed);
    // the page's context `ref` looks pages up in (made once, if needed).
    let mut front = None;
    let mut hugo = None;
    let all = &page.shortcodes().all;
    for sc in all {
        if site.config.is_some() {
            template_problems((sc, all), src, &site.shortcodes, &mut found);
        }
        match sc.name() {
            CARD if crate::page::has_sample_card(&site.shortcodes) => {
                card_problems(sc, &site.shortcodes, &mut found);
            }
            "param" if site.shortcodes.is_hugo_own("param") => {
                let hugo = hugo.get_or_insert_with(|| doc.hugo_context());
                let front = front.get_or_insert_with(|| {
                    crate::site::cascade::apply(&page.to_front_matter(), &hugo.cascade)
                });
                param_problems(sc, front, site_params, &mut found);
            }
            "ref" | "relref" if site.config.is_some() && site.shortcodes.is_hugo_own(sc.name()) => {
                ref_problems(
                    sc,
                    hugo.get_or_insert_with(|| doc.hugo_context()),
                    &mut found,
                );
            }
            "highlight" if site.shortcodes.is_hugo_own("highlight") => {
                highlight_problems(sc, site, &mut found)
            }
            _ => {}
        }
    }
    // In the order of the closing tags.
    let mut misnamed: Vec<Problem> = all
        .iter()
        .filter_map(|sc| closed_by_another_name(sc, src))
        .collect();
    misnamed.sort_by_key(|p| p.0);
    found.append(&mut misnamed);
    // Said after what the render finds, and found before it is asked for.
    let mut of_text = text_problems(page, site);
    let mut code = code_of_text(page, site);
    if site.config.is_some() {
        found.extend(render_problems(doc, rendered(), &mut code));
        section_shortcodes(doc, &mut found);
    }
    colour_problems(code, &mut of_text);
    found.append(&mut of_text);
    located(found, path, src)
}

/// `found` in the page at `path` of text `src`, each at its line and column, once each:
/// the calls inside a container Folio draws as its card are rendered for the card too
/// (hunt AT: each nested call's error was said twice).
fn located(mut found: Vec<Problem>, path: &Path, src: &str) -> Vec<Diagnostic> {
    let mut said = std::collections::HashSet::new();
    found.retain(|Problem(offset, _, message)| said.insert((*offset, message.clone())));
    found
        .into_iter()
        .map(|Problem(offset, severity, message)| {
            let (line, col) = text::line_col(src, offset);
            Diagnostic {
                path: path.to_path_buf(),
                line,
                col,
                severity,
                message,
            }
        })
        .collect()
}

/// What the page's render finds (`rendered`, else it is rendered here as an export renders
/// it, for the files it points at that the site does not have: an export says them
/// itself); the languages of the code its templates highlighted go to `highlighted`.
fn render_problems(
    doc: &crate::OpenPage,
    rendered: Option<Findings>,
    highlighted: &mut Vec<(usize, String)>,
) -> Vec<Problem> {
    let (rendered, files) = match rendered {
        Some(findings) => (findings, Vec::new()),
        None => crate::export::rehearse(doc),
    };
    // Where the page writes them: a URL a template made has no place of its own.
    let mut found: Vec<Problem> = files
        .into_iter()
        .filter(|w| w.on_site)
        .filter_map(|w| Some(Problem(w.offset?, Severity::Warning, w.message)))
        .collect();
    found.sort_by_key(|Problem(at, ..)| *at);
    found.extend(rendering_problems(doc, rendered, highlighted));
    found
}

/// What the page's text says wrong, whatever its render finds: its front matter and
/// fences, raw HTML Hugo omits, calls Markdown shows as code or puts in headings.
fn text_problems(page: &crate::page::Page, site: &crate::Site) -> Vec<Problem> {
    let mut found = Vec::new();
    front_matter_and_fence_problems(page, site, &mut found);
    raw_html_problems(page, site, &mut found);
    calls_shown_as_code(page, &mut found);
    calls_in_headings(page, &mut found);
    found
}

/// Calls of a shortcode that has a template of its own for the page's section
/// (`layouts/resume/_shortcodes/event.html`), which Hugo runs and Folio does not (hunt AT,
/// 4).
fn section_shortcodes(doc: &crate::OpenPage, out: &mut Vec<Problem>) {
    let site = &*doc.site;
    let path = doc.content_path();
    let Some((page_dir, _)) = path.rsplit_once('/') else {
        return;
    };
    for sc in &doc.page.shortcodes().all {
        let (at, name) = (sc.open.name_span.start, sc.name());
        let Some((section, file)) = site.shortcodes.section_shortcode(name, page_dir) else {
            continue;
        };
        let shown = if site.shortcodes.get(name).is_some() {
            format!("the site's general template of `{name}`")
        } else {
            // Hugo finds one: no build stops here (`template_problems`).
            let start = hugo_error_at(sc, &doc.page.shortcodes().all);
            out.retain(|Problem(o, _, m)| !(*o == start && m.contains("has no template")));
            "Folio's card".to_string()
        };
        out.push(Problem(
            at,
            Severity::Warning,
            format!(
                "Hugo runs {} for pages in {section}/, a template of the section's own, which \
                 Folio does not choose: the preview and the export show {shown}",
                file.display()
            ),
        ));
    }
}

/// Where Hugo says a call's shortcode has no template ("template for shortcode not
/// found", `hugolib/shortcode.go`): at the opening delimiter of the top-level call it is
/// in, itself if it is one (trial 65: Folio said the name's column, or the nested call's).
fn hugo_error_at(sc: &Shortcode, all: &[Shortcode]) -> usize {
    std::iter::successors(Some(sc), |s| s.parent.and_then(|p| all.get(p)))
        .last()
        .map_or(sc.span.start, |top| top.span.start)
}

/// A problem at a byte offset of the page.
struct Problem(usize, Severity, String);

/// What the page's front matter (dates, `url`) and code fences hold that Hugo refuses
/// or does otherwise: for [`check_page`] and [`build_stops`] alike.
fn front_matter_and_fence_problems(page: &Page, site: &Site, out: &mut Vec<Problem>) {
    fence_problems(page.source(), site, out);
    date_problems(page, out);
    url_problems(page, out);
}

/// Refuses `edited`, the text `folio apply` would write over `doc`'s page, when it adds a
/// problem that stops Hugo's build ([`build_stops`]) that the page did not have; at the
/// model's field (`frontMatter` or `blocks`) and the place in the page as edited.
///
/// # Errors
/// [`Error::Model`] at `model_path` naming the problem; the edited text's syntax error
/// when it does not parse.
pub fn refuse_new_build_stops(
    doc: &crate::OpenPage,
    edited: &str,
    model_path: &Path,
) -> crate::Result<()> {
    let edited =
        Page::parse_in(edited, &doc.site.shortcodes).map_err(|e| e.at(&doc.path, edited))?;
    let before: Vec<String> = build_stops(&doc.page, &doc.site)
        .into_iter()
        .map(|(_, message)| message)
        .collect();
    let added = build_stops(&edited, &doc.site)
        .into_iter()
        .find(|(_, message)| !before.contains(message));
    let Some((offset, message)) = added else {
        return Ok(());
    };
    let (line, col) = text::line_col(edited.source(), offset);
    let at = if edited.body_start() > offset {
        "frontMatter"
    } else {
        "blocks"
    };
    Err(Error::model(
        model_path,
        at,
        format!("the page as edited would stop Hugo's build, at {line}:{col} of it: {message}"),
    ))
}

/// What in `page`'s own text stops Hugo's build, found without rendering it: a call of a
/// shortcode the site has no template for, a date Hugo cannot read, a code fence whose
/// options it cannot read. Each as its byte offset in the page and the message
/// [`check_page`] gives. `folio apply` refuses an edit that adds one
/// ([`refuse_new_build_stops`]).
pub fn build_stops(page: &Page, site: &Site) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    let all = &page.shortcodes().all;
    if site.config.is_some() {
        for sc in all {
            template_problems((sc, all), page.source(), &site.shortcodes, &mut found);
        }
    }
    front_matter_and_fence_problems(page, site, &mut found);
    found
        .into_iter()
        .filter(|Problem(_, severity, _)| *severity == Severity::Error)
        .map(|Problem(offset, _, message)| (offset, message))
        .collect()
}

/// What rendering the page finds: Hugo's surprises (warnings, each with its fix), and
/// calls whose site template Folio cannot run (the preview and the export show Folio's
/// card for them): a function Folio does not have is a warning (Hugo runs it); a template
/// that fails (`errorf`, a wrong argument) an error, as Hugo fails the build on it. A
/// template that does not parse is reported by [`template_problems`] already.
fn rendering_problems(
    doc: &crate::OpenPage,
    rendered: Findings,
    highlighted: &mut Vec<(usize, String)>,
) -> Vec<Problem> {
    let page = &doc.page;
    let unparsed = |offset: usize| {
        page.shortcodes()
            .all
            .iter()
            .find(|sc| sc.span.start == offset)
            .and_then(|sc| doc.site.shortcodes.get(sc.name()))
            .is_some_and(|t| t.problem.is_some())
    };
    let mut surprises = Vec::new();
    for (offset, surprise) in rendered.surprises {
        match surprise {
            Surprise::Hugo(message) => surprises.push(Problem(offset, Severity::Warning, message)),
            Surprise::Highlighted(lang) => highlighted.push((offset, lang)),
        }
    }
    rendered
        .template_problems
        .into_iter()
        .filter(|(offset, _)| !unparsed(*offset))
        .map(|(offset, p)| {
            let severity = match p.function {
                Some(_) => Severity::Warning,
                None => Severity::Error,
            };
            let shown = if crate::templates::is_render_hook(&p.file)
                || p.message.contains(crate::render::HOOK_CALLER)
            {
                "the preview and the export write this element as Goldmark does, not through \
                 the site's render hook"
            } else {
                "the preview and the export show Folio's card here"
            };
            Problem(offset, severity, format!("{shown}: {p}"))
        })
        .chain(surprises)
        .collect()
}

/// What the site's templates say of a call (for a site with a config: a page alone has no
/// templates to go by): no template (Hugo fails: "template for shortcode not found"), a
/// template that does not parse, parameters the template never reads (with the nearest
/// one it reads), unknown names in a parameter it prints as Font Awesome icons.
fn template_problems(
    (sc, all): (&Shortcode, &[Shortcode]),
    src: &str,
    catalogue: &Catalogue,
    out: &mut Vec<Problem>,
) {
    let name = sc.name();
    let Some(template) = catalogue.get(name) else {
        if name.ends_with(".inline") {
            // An inline shortcode, defined where it is called (`enableInlineShortcodes`).
            return;
        }
        let near = nearest(name, catalogue.iter().map(|t| t.name.as_str()));
        let (severity, why) = match catalogue.missing_sources() {
            [] if catalogue.site_mounts() => (
                Severity::Warning,
                "none in the folders Folio reads, and the site's config mounts folders of its \
                 own (module.mounts), which Folio does not follow"
                    .to_string(),
            ),
            [] => (
                Severity::Error,
                "none in layouts/_shortcodes, layouts/shortcodes, the theme or Hugo's built-ins \
                 (Hugo fails the build on this)"
                    .to_string(),
            ),
            missing => (
                Severity::Warning,
                format!(
                    "none in the site or Hugo's built-ins, and {} is not on disk (run `hugo mod \
                     vendor` to let Folio read its templates)",
                    missing.join(", ")
                ),
            ),
        };
        out.push(Problem(
            hugo_error_at(sc, all),
            severity,
            format!("shortcode `{name}` has no template: {why}{near}"),
        ));
        return;
    };
    if let Some(problem) = &template.problem {
        // Hugo may read what Folio's template parser cannot (a template nested deeper than
        // it goes, say), and stops with its own error on a broken one: a warning here.
        out.push(Problem(
            sc.open.name_span.start,
            Severity::Warning,
            format!(
                "Folio cannot read the template of shortcode `{name}`, so it does not know its \
                 parameters, and the preview and the export show Folio's card: {problem}"
            ),
        ));
        return;
    }
    let schema = &template.schema;
    if sc.open.self_closing && !schema.paired {
        out.push(self_closed_standalone(sc));
    }
    call_param_problems((sc, all), src, (catalogue, schema), out);
}

/// The problems of the parameters of call `sc` (`all` the page's calls) whose template's
/// schema is `schema`: values in single quotes, icon names, parameters never read.
fn call_param_problems(
    (sc, all): (&Shortcode, &[Shortcode]),
    src: &str,
    (catalogue, schema): (&Catalogue, &crate::templates::schema::Schema),
    out: &mut Vec<Problem>,
) {
    let name = sc.name();
    for (i, p) in sc.open.params.iter().enumerate() {
        let key = match &p.key {
            Some((k, _)) => ParamKey::Named(k.to_string()),
            None => ParamKey::Positional(i),
        };
        out.extend(single_quoted(p));
        match schema.param(&key) {
            Some(ps) if ps.kind == FieldKind::Icons => icon_problems(p, src, out),
            Some(_) => {}
            None if schema.reads_all_params => {}
            None if read_inside(sc, all, catalogue, &key) => {}
            None => {
                let at = p.key.as_ref().map_or(p.span.start, |(_, span)| span.start);
                out.push(Problem(at, Severity::Warning, unread(name, &key, schema)));
            }
        }
    }
}

/// A bare value written in single quotes (`role='Intern'`): Hugo's shortcode lexer has
/// no single quotes (`pagelexer_shortcode.go` quotes with `"` and `` ` `` only), so the
/// quotes are the value's, and the page shows them (trial 50a, 11).
fn single_quoted(p: &crate::page::lexer::Param) -> Option<Problem> {
    let inner = p.value.strip_prefix('\'')?.strip_suffix('\'')?;
    (p.quote == crate::page::lexer::Quote::Bare && !inner.is_empty()).then(|| {
        Problem(
            p.span.start,
            Severity::Warning,
            format!(
                "`{}` is the value with its single quotes, which Hugo shows: Hugo quotes with \
                 \" or ` only; write \"{inner}\"",
                p.value
            ),
        )
    })
}

/// Whether a call inside `sc` (its children in `all`) reads `sc`'s parameter `key`: then
/// it means something, whatever `sc`'s template reads. A child reads it by name
/// (`.Parent.Get "name"`, `.Parent.Params.name`); a call at any depth may read it in a way
/// Folio does not follow to a name (`.Parent.Parent.Get`, `$p := .Parent`: hunt AS, 2).
fn read_inside(sc: &Shortcode, all: &[Shortcode], catalogue: &Catalogue, key: &ParamKey) -> bool {
    let schema = |call: &Shortcode| catalogue.get(call.name()).map(|t| &t.schema);
    let children = || sc.children.iter().filter_map(|&i| all.get(i));
    if children().any(|child| schema(child).is_some_and(|s| s.parent_params.contains(key))) {
        return true;
    }
    let mut inside: Vec<&Shortcode> = children().collect();
    while let Some(call) = inside.pop() {
        if schema(call).is_some_and(|s| s.reads_ancestor_params) {
            return true;
        }
        inside.extend(call.children.iter().filter_map(|&i| all.get(i)));
    }
    false
}

/// A shortcode closed by a closing tag that names another (`{{< tabs >}}…{{< /tab >}}`):
/// Hugo closes the innermost open shortcode that reads `.Inner` whatever name its closing
/// tag gives (`hugolib/shortcode.go`, `extractShortcode`), so the page builds, but the
/// body is likely not the one meant.
fn closed_by_another_name(sc: &Shortcode, src: &str) -> Option<Problem> {
    let close = sc.close.as_ref().filter(|c| c.name != sc.open.name)?;
    let (open, other) = (sc.name(), &*close.name);
    let (l, r) = (sc.open.notation.left(), sc.open.notation.right());
    Some(Problem(
        close.span.start,
        Severity::Warning,
        format!(
            "this closing tag names `{other}` but closes `{open}` (opened at {}): Hugo closes \
             the innermost open shortcode whatever name its closing tag gives; write \
             `{l} /{open} {r}` here if that is what you meant",
            crate::text::position(src, sc.open.span.start)
        ),
    ))
}

/// A call self-closed (`{{< x />}}`) whose template does not read `.Inner`: the `/>`
/// closes the call as a closing tag does (`hugolib/shortcode.go`, `extractShortcode`),
/// which Hugo refuses for such a template.
fn self_closed_standalone(sc: &Shortcode) -> Problem {
    let name = sc.name();
    Problem(
        sc.open.span.start,
        Severity::Error,
        format!(
            "shortcode `{name}` does not read .Inner, so Hugo refuses the `/>` that closes \
             this call (\"does not evaluate .Inner or .InnerDeindent, yet a closing tag was \
             provided\"): write it as {{{{< {name} … >}}}}"
        ),
    )
}

/// "`card` sets `titel`, which its template never reads: did you mean `title`?"
fn unread(name: &str, key: &ParamKey, schema: &crate::templates::Schema) -> String {
    let what = match key {
        ParamKey::Named(k) => format!("`{name}` sets `{k}`, which its template never reads"),
        ParamKey::Positional(i) => {
            format!("`{name}` gets a parameter at position {i}, which its template never reads")
        }
    };
    let named = schema.params.iter().filter_map(|p| match &p.key {
        ParamKey::Named(n) => Some(n.as_str()),
        ParamKey::Positional(_) => None,
    });
    let near = match key {
        ParamKey::Named(k) => nearest(k, named),
        ParamKey::Positional(_) => String::new(),
    };
    format!("{what}{near}")
}

/// ": did you mean `x`?" for the closest of `known` to `word`, or nothing.
fn nearest<'a>(word: &str, known: impl Iterator<Item = &'a str>) -> String {
    let lower = word.to_lowercase();
    known
        .map(|k| (strsim::osa_distance(&lower, &k.to_lowercase()), k))
        .filter(|(d, k)| *d <= (k.chars().count() / 3).max(1))
        .min()
        .map(|(_, k)| format!(": did you mean `{k}`?"))
        .unwrap_or_default()
}

/// Unknown Font Awesome names in a parameter a template prints as icons.
fn icon_problems(p: &crate::page::lexer::Param, src: &str, out: &mut Vec<Problem>) {
    // Offsets come from the value as written (`inner`), never from the decoded value.
    let content_start = p.inner.start;
    let raw = src.get(p.inner.clone()).unwrap_or_default();
    for (off, word) in words(raw) {
        if !icons::is_brand(word) {
            out.push(Problem(
                content_start + off,
                Severity::Warning,
                unknown_icon(word),
            ));
        }
    }
}

/// A sample card's problems: positional parameters, a repository that is not
/// `owner/repo`.
fn card_problems(sc: &Shortcode, catalogue: &Catalogue, out: &mut Vec<Problem>) {
    if !is_card(sc, catalogue) {
        out.push(Problem(
            sc.open.span.start,
            Severity::Warning,
            "project-card takes named parameters (title=\"…\"); this one is shown read-only".into(),
        ));
        return;
    }
    if let Some(p) = sc.open.get("repository") {
        if !is_repository(&p.value) {
            out.push(Problem(
                p.span.start,
                Severity::Warning,
                bad_repository(&p.value),
            ));
        }
    }
}

/// A `param` shortcode without a key, or whose key is set nowhere: Hugo's `param` fails the
/// build then (its embedded `param` shortcode calls `errorf` for a missing key).
fn param_problems(
    sc: &Shortcode,
    front_matter: &Map<String, Json>,
    site_params: &Map<String, Json>,
    out: &mut Vec<Problem>,
) {
    match sc.open.params.first() {
        None => out.push(Problem(
            sc.open.span.start,
            Severity::Error,
            "the param shortcode needs a key: {{< param KEY >}}".into(),
        )),
        Some(p) if lookup_param(front_matter, site_params, &p.value).is_none() => {
            out.push(Problem(
                p.span.start,
                Severity::Error,
                format!(
                    "param `{}` is not set, or is empty, in the page's front matter or the site's \
                     [params] (Hugo fails the build on this)",
                    p.value
                ),
            ))
        }
        Some(_) => {}
    }
}

/// A `ref` or `relref` whose reference names no page, or several, or a language the site
/// does not have: Hugo stops the build (`REF_NOT_FOUND`, at `refLinksErrorLevel`
/// `ERROR`), and the call gives nothing. Found as the preview finds it
/// ([`crate::templates::engine::HugoContext::relref`]).
fn ref_problems(
    sc: &Shortcode,
    hugo: &crate::templates::engine::HugoContext,
    out: &mut Vec<Problem>,
) {
    let tag = &sc.open;
    let Some(args) = crate::render::ref_args(tag) else {
        out.push(Problem(
            tag.span.start,
            Severity::Error,
            format!(
                "{} needs the page it links to: {{{{< {} \"blog/post.md\" >}}}}",
                sc.name(),
                sc.name()
            ),
        ));
        return;
    };
    // Hugo gives nothing for an empty reference, and a fragment alone as it is.
    if crate::templates::engine::objects::no_path(&args.path) {
        return;
    }
    let Err(message) = hugo.relref(&args) else {
        return;
    };
    // At the reference's value.
    let at = crate::render::reference_param(tag).map_or(tag.span.start, |p| p.span.start);
    out.push(Problem(
        at,
        Severity::Error,
        format!("{message} (Hugo stops the build: REF_NOT_FOUND; the call gives nothing)"),
    ));
}

/// Options of Hugo's own `highlight` that Hugo cannot read, which stop its build
/// (`markup/highlight/config.go`).
fn highlight_problems(sc: &Shortcode, site: &Site, out: &mut Vec<Problem>) {
    let params = &sc.open.params;
    let positional = !sc.open.is_named();
    let Some(options) = params.get(1).filter(|_| positional && params.len() == 2) else {
        return;
    };
    let settings = site.markup().highlight;
    if let Err(e) = crate::render::highlight::Options::parse(settings, &options.value) {
        out.push(Problem(
            options.span.start,
            Severity::Error,
            format!("highlight: {e} (Hugo stops the build); write options as \"linenos=table,hl_lines=2-3\""),
        ));
    }
}

/// Calls of the page's body that Markdown reads inside an indented code block (indented 4
/// columns or more where a block may start, after a blank line, outside a list): Hugo
/// puts their output in a `<pre><code>`, as the page's Markdown reads the line before any
/// call runs (CommonMark 4.4, "Indented code blocks").
#[allow(
    clippy::indexing_slicing,
    clippy::string_slice,
    reason = "`top` indexes the page's own shortcodes, whose spans lie on char boundaries \
              of its source, after its body's start"
)]
fn calls_shown_as_code(page: &Page, out: &mut Vec<Problem>) {
    let (src, all) = (page.source(), &page.shortcodes().all);
    let top = &page.shortcodes().top;
    let indented = |i: usize| {
        let start = all[i].span.start;
        let line = src[..start].rfind('\n').map_or(0, |n| n + 1);
        let lead = &src[line..start];
        lead.chars().all(|c| c == ' ' || c == '\t') && text::indent_columns(lead) >= 4
    };
    if !top.iter().any(|&i| indented(i)) {
        return;
    }
    // The body with each top-level call a word of its own, read as Markdown.
    let mut md = String::with_capacity(src.len());
    let mut pos = page.body_start();
    for (k, &i) in top.iter().enumerate() {
        md.push_str(&src[pos..all[i].span.start.max(pos)]);
        md.push_str(&format!("FOLIOCALL{k}X"));
        pos = all[i].span.end.max(pos);
    }
    md.push_str(&src[pos..]);
    let html = crate::render::markdown::Markdown::default().render(&md);
    let mut code = html
        .split("<pre><code")
        .skip(1)
        .map(|c| c.split("</code></pre>").next().unwrap_or(c));
    let in_code: Vec<&str> = code.by_ref().collect();
    for (k, &i) in top.iter().enumerate() {
        let token = format!("FOLIOCALL{k}X");
        if indented(i) && in_code.iter().any(|c| c.contains(&token)) {
            out.push(Problem(
                all[i].span.start,
                Severity::Warning,
                "Hugo puts this call's output in a code block (<pre><code>): it is indented \
                 4 spaces or more where Markdown reads an indented code block; remove the \
                 indentation"
                    .into(),
            ));
        }
    }
}

/// The page's blocks of prose, each with its byte range in the page and its text with
/// every call in it written over by `fill` bytes (so the text's offsets are the page's,
/// less the range's start).
fn prose_without_calls(page: &Page, fill: u8) -> Vec<(std::ops::Range<usize>, String)> {
    let calls = &page.shortcodes().all;
    page.blocks()
        .iter()
        .filter(|b| matches!(b, crate::page::BlockSpan::Markdown(_)))
        .map(|b| {
            let range = page.block_range(b);
            let mut bytes = page.block_source(b).as_bytes().to_vec();
            for sc in calls {
                let from = sc.span.start.max(range.start) - range.start;
                let to = sc.span.end.min(range.end).saturating_sub(range.start);
                for byte in bytes.get_mut(from..to).into_iter().flatten() {
                    *byte = fill;
                }
            }
            (range, String::from_utf8_lossy(&bytes).into_owned())
        })
        .collect()
}

/// A `{{< >}}` call in a heading of the page's prose whose id is made from its text:
/// Hugo makes the id before the call's output is in, from the placeholder that stands for
/// it (`hahahugoshortcode…`, `hugolib/shortcode.go`), so `#experience` finds no
/// `## {{< icon >}} Experience`, and the table of contents lists the placeholder's
/// text; Folio's id is made from the output. One warning per such heading, at its call
/// (hunt AL, 5). A heading with an id of its own (`{#experience}`) is none.
fn calls_in_headings(page: &Page, out: &mut Vec<Problem>) {
    use pulldown_cmark::{Event, Tag, TagEnd};
    let calls = &page.shortcodes().all;
    // The calls as words of their own length (`xxx`), so that one in a link's destination
    // leaves the link one to CommonMark (review 49g, 2).
    for (range, text) in prose_without_calls(page, b'x') {
        let parser = pulldown_cmark::Parser::new_ext(&text, crate::render::markdown::options());
        // In a heading without an id of its own: where its text is (a call in a link's
        // destination is no part of the id: review 49f, 4).
        let mut heading_text: Option<Vec<std::ops::Range<usize>>> = None;
        for (event, at) in parser.into_offset_iter() {
            match event {
                Event::Start(Tag::Heading {
                    id: None, attrs, ..
                }) if !attrs.iter().any(|(k, _)| k.as_ref() == "id") => {
                    heading_text = Some(Vec::new());
                }
                Event::Text(_) => {
                    if let Some(parts) = heading_text.as_mut() {
                        parts.push((range.start + at.start)..(range.start + at.end));
                    }
                }
                Event::End(TagEnd::Heading(_)) => {
                    let parts = heading_text.take().unwrap_or_default();
                    let first = calls.iter().find(|sc| {
                        sc.open.notation == crate::page::Notation::Angle
                            && parts.iter().any(|p| p.contains(&sc.span.start))
                    });
                    if let Some(sc) = first {
                        out.push(Problem(
                            sc.span.start,
                            Severity::Warning,
                            "Hugo makes this heading's id from a placeholder of the call, not \
                             from its output, so a link to the heading's words finds nothing: \
                             give the heading an id of its own ({#name} at its end), or move \
                             the call out of it"
                                .into(),
                        ));
                    }
                }
                _ => {}
            }
        }
    }
}

/// Raw HTML in the page's prose that Goldmark omits while `unsafe` is off (a tag, not a
/// comment, which Hugo drops quietly): Hugo warns "Raw HTML omitted while rendering",
/// unless the site silences it ([`Site::ignored_logs`] holds `warning-goldmark-raw-html`). One warning per
/// block of prose, at its first tag; none for a page outside a site.
fn raw_html_problems(page: &Page, site: &Site, out: &mut Vec<Problem>) {
    let ignored = site
        .ignored_logs()
        .iter()
        .any(|id| id == crate::templates::engine::funcs::RAW_HTML_LOG);
    if site.config.is_none() || ignored || site.unsafe_html() {
        return;
    }
    // The prose without the calls in it (`{{<param email>}}`, a call's own HTML argument):
    // their text is no raw HTML to Goldmark.
    for (range, text) in prose_without_calls(page, b' ') {
        if !crate::render::has_raw_html(&text) {
            continue;
        }
        let tag = text
            .match_indices('<')
            .map(|(i, _)| i)
            .find(|&i| {
                text.get(i + 1..)
                    .and_then(|r| r.chars().next())
                    .is_some_and(|c| c.is_ascii_alphabetic() || c == '/' || c == '?')
            })
            .unwrap_or(0);
        out.push(Problem(
            range.start + tag,
            Severity::Warning,
            "Hugo omits this raw HTML, as markup.goldmark.renderer.unsafe is off (its build \
             warns \"Raw HTML omitted\"): write it in Markdown, or set unsafe = true"
                .into(),
        ));
    }
}

/// The front matter's dates that stop Hugo's build: each key Hugo reads a date from
/// (`DATE_KEYS`: `date`, `publishDate` and their kin, in any case) whose text
/// Hugo does not read as one ([`Moment::hugo_reads_date`]). A TOML date-time with a date
/// is read by the TOML parser, and a number is a Unix time: both are dates; a TOML local
/// time alone is not.
fn date_problems(page: &Page, out: &mut Vec<Problem>) {
    use crate::formats::{Kind, Style};
    use crate::templates::engine::objects::DATE_KEYS;
    use crate::templates::engine::time::Moment;
    let is_date_key = |key: &str| DATE_KEYS.iter().any(|(_, keys)| keys.contains(&key));
    let Some((_, tree)) = page.front_matter() else {
        return;
    };
    let Kind::Map(map) = &tree.root.kind else {
        return;
    };
    for entry in &map.entries {
        let key = entry.key.to_lowercase();
        let Kind::Scalar {
            value: Json::String(text),
            style,
        } = &entry.value.kind
        else {
            continue;
        };
        // A TOML date-time with a date is one to Hugo; a local time alone (`10:00:00`)
        // is not.
        let toml_datetime = tree.format == crate::formats::Format::Toml
            && *style == Style::Datetime
            && text.contains('-');
        if !is_date_key(&key) || toml_datetime || Moment::hugo_reads_date(text) {
            continue;
        }
        out.push(Problem(
            entry.value.span.start,
            Severity::Error,
            format!(
                "the \"{key}\" front matter field is not a parsable date, and Hugo stops the \
                 build here: write it as 2025-01-31, 2025-01-31T09:30:00 or \
                 2025-01-31T09:30:00+01:00"
            ),
        ));
    }
}

/// A front matter `url` that Go's `url.Parse` refuses (a `%` in its path not followed by
/// two hex digits), on which Hugo panics (`paths.URLEscape`, `resources/page/page_paths.go`).
fn url_problems(page: &Page, out: &mut Vec<Problem>) {
    use crate::formats::Kind;
    let Some((_, tree)) = page.front_matter() else {
        return;
    };
    let Kind::Map(map) = &tree.root.kind else {
        return;
    };
    for entry in map
        .entries
        .iter()
        .filter(|e| e.key.eq_ignore_ascii_case("url"))
    {
        let Kind::Scalar {
            value: Json::String(url),
            ..
        } = &entry.value.kind
        else {
            continue;
        };
        // Go's `url.Parse` checks the escapes of the path, not of the query (`?q=50%`).
        let path = url.split('?').next().unwrap_or_default();
        let bytes = path.as_bytes();
        let bad = bytes.iter().enumerate().any(|(i, b)| {
            *b == b'%'
                && !(bytes.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
                    && bytes.get(i + 2).is_some_and(u8::is_ascii_hexdigit))
        });
        if bad {
            out.push(Problem(
                entry.value.span.start,
                Severity::Error,
                "this url has a `%` that is no escape (no two hex digits follow it), and Hugo \
                 stops the build on it (invalid URL escape): write `%25` for a percent sign"
                    .to_string(),
            ));
        }
    }
}

/// Fenced code blocks whose `{…}` options Hugo cannot read, which stop its build
/// (`markup/highlight/config.go`), GoAT diagrams, which Hugo draws and Folio does not, and
/// blocks of no language Chroma knows when the site has Hugo guess one (`guessSyntax`:
/// Chroma's analysers, which Folio lacks): found by their opening line (``` or ~~~ and
/// an info string).
fn fence_problems(src: &str, site: &Site, out: &mut Vec<Problem>) {
    let settings = site.markup().highlight;
    for (at, info) in opening_fences(src) {
        let block = crate::render::highlight::CodeBlock::parse(info, settings, 0);
        if block.lang.eq_ignore_ascii_case("goat")
            && site.shortcodes.render_hook("codeblock-goat").is_none()
        {
            out.push(Problem(
                at,
                Severity::Warning,
                "Hugo draws this GoAT diagram as an SVG (its own \
                 _markup/render-codeblock-goat.html); the preview and the export \
                 show its text"
                    .to_string(),
            ));
        }
        if let Some(why) = guessed(&block.lang, settings, site) {
            out.push(Problem(at, Severity::Warning, why));
        }
        if let (Err(e), Some(brace)) = (block.options, info.find('{')) {
            out.push(Problem(
                info_offset(src, info) + brace,
                Severity::Error,
                format!("code block options: {e} (Hugo stops the build)"),
            ));
        }
    }
}

/// Where `part`, a slice of `src`, starts in it.
fn info_offset(src: &str, part: &str) -> usize {
    part.as_ptr() as usize - src.as_ptr() as usize
}

/// The opening fences of the page's code blocks (``` or ~~~, 3 or more): each as the
/// offset of its first fence character and its info string, trimmed. A fence closes its
/// block when it is of the same character, as long or longer, with nothing after it.
fn opening_fences(src: &str) -> Vec<(usize, &str)> {
    let mut found = Vec::new();
    let mut open: Option<(char, usize)> = None;
    // Only lines holding a backtick or a tilde can be fences: a long page has few.
    let mut done = 0;
    for candidate in memchr::memchr2_iter(b'`', b'~', src.as_bytes()) {
        if candidate < done {
            continue;
        }
        let at = src
            .get(..candidate)
            .and_then(|before| memchr::memrchr(b'\n', before.as_bytes()))
            .map_or(0, |n| n + 1);
        done = src
            .get(candidate..)
            .and_then(|rest| memchr::memchr(b'\n', rest.as_bytes()))
            .map_or(src.len(), |n| candidate + n + 1);
        let line = src.get(at..done).unwrap_or_default();
        let trimmed = line.trim_start();
        let Some(fence) = trimmed.chars().next().filter(|c| *c == '`' || *c == '~') else {
            continue;
        };
        let run = trimmed.chars().take_while(|c| *c == fence).count();
        if run < 3 {
            continue;
        }
        let info = trimmed.get(run..).unwrap_or_default().trim();
        match open {
            // A closing fence: as long as the opening one, and nothing after it.
            Some((c, n)) if c == fence && run >= n && info.is_empty() => open = None,
            Some(_) => {}
            None => {
                open = Some((fence, run));
                found.push((at + (line.len() - trimmed.len()), info));
            }
        }
    }
    found
}

/// The code of the page's text that Hugo colours with a Chroma lexer, each as its offset
/// and its language: fenced blocks Hugo highlights (`codeFences`, no render hook of their
/// own), and calls of Hugo's own `highlight` whose HTML Hugo keeps (probably: with raw
/// HTML off, a call nested in another is taken as dropped). Not of a block whose options
/// stop Hugo's build. Found while the page renders (`folio export` renders it on other
/// threads): what its templates highlight is added after ([`colour_problems`]).
fn code_of_text(page: &Page, site: &Site) -> Vec<(usize, String)> {
    let settings = site.markup().highlight;
    let mut code = Vec::new();
    if settings.code_fences {
        for (at, info) in markdown_fences(page, &site.shortcodes) {
            let block = crate::render::highlight::CodeBlock::parse(&info, settings, 0);
            if !hooked(&block.lang, site) && block.options.is_ok() {
                code.push((at, block.lang));
            }
        }
    }
    if site.shortcodes.is_hugo_own("highlight") {
        // Its language is its first positional parameter (`builtins.rs`). While raw HTML
        // is off, only a `{{< >}}` call's in no body rendered as Markdown: Hugo drops a
        // `{{% %}}` call's HTML, and a call's in such a body (see `surprises` in
        // render/templates.rs).
        let all = &page.shortcodes().all;
        let kept = |sc: &Shortcode| {
            let mut above = std::iter::successors(sc.parent, |&p| all.get(p)?.parent);
            sc.open.notation == crate::page::Notation::Angle
                && !above.any(|p| {
                    all.get(p)
                        .is_some_and(|a| markdown_body(a, &site.shortcodes))
                })
        };
        let shown = |sc: &&Shortcode| {
            sc.name() == "highlight" && !sc.open.is_named() && (kept(sc) || site.unsafe_html())
        };
        for lang in all
            .iter()
            .filter(shown)
            .filter_map(|sc| sc.open.params.first())
        {
            code.push((lang.span.start, lang.value.clone()));
        }
    }
    code
}

/// Code Hugo colours with a Chroma lexer where Folio colours it with a syntect grammar,
/// or not at all ([`crate::render::highlight::colour_difference`]): `code`, each as its
/// offset and language, is the page text's ([`code_of_text`]) and the code the render
/// found templates highlighting (at the call, or the text a hook ran in).
/// Said once a lexer, at the page's first code of it (review 58a: 22 calls coloured
/// otherwise, and nothing said why).
fn colour_problems(mut code: Vec<(usize, String)>, out: &mut Vec<Problem>) {
    code.sort_by_key(|(at, _)| *at);
    let mut said = std::collections::HashSet::new();
    for (at, lang) in code {
        match crate::render::highlight::colour_difference(&lang) {
            Some((lexer, why)) if said.insert(lexer) => {
                out.push(Problem(at, Severity::Warning, why));
            }
            _ => {}
        }
    }
}

/// Whether Hugo renders call `sc`'s body as Markdown: one its template hands to
/// `markdownify` or `.RenderString` (its schema's `inner`), or a `{{% %}}` call's unless
/// its template highlights it.
fn markdown_body(sc: &Shortcode, catalogue: &Catalogue) -> bool {
    use crate::templates::schema::InnerKind;
    let inner = catalogue.get(sc.name()).and_then(|t| t.schema.inner);
    // A body handed to `highlight` is code, whatever the notation (review 59e).
    match inner {
        Some(InnerKind::Markdown) => true,
        Some(InnerKind::Code) => false,
        _ => sc.open.notation == crate::page::Notation::Percent,
    }
}

/// The page's fenced code blocks as Goldmark reads them (CommonMark 4.5: in lists and
/// quotes too, never inside indented code), in its prose and in each call's body Hugo
/// renders as Markdown ([`markdown_body`]; not a `highlight` call's, nor one a template
/// prints as it is), the calls inside each written over: each as the offset of its
/// opening fence and its info string (review 59c, 3: the line scan found fences in
/// indented code and in bodies Hugo does not render).
///
/// Text with no run of three backticks or tildes has none (an opening fence is one,
/// CommonMark 4.5), and is not parsed: on a page of 1000 cards, parsing their bodies
/// again was most of `folio export`'s check, done after the render.
fn markdown_fences(page: &Page, catalogue: &Catalogue) -> Vec<(usize, String)> {
    use pulldown_cmark::{CodeBlockKind, Event, Tag};
    let (src, all) = (page.source(), &page.shortcodes().all);
    let may_hold_fence = |text: &str| text.contains("```") || text.contains("~~~");
    if !may_hold_fence(src) {
        return Vec::new();
    }
    let mut texts: Vec<(usize, String)> = prose_without_calls(page, b'x')
        .into_iter()
        .map(|(range, text)| (range.start, text))
        .collect();
    for sc in all.iter().filter(|sc| markdown_body(sc, catalogue)) {
        let Some(inner) = sc.inner() else { continue };
        if !src.get(inner.clone()).is_some_and(may_hold_fence) {
            continue;
        }
        let mut bytes = src
            .get(inner.clone())
            .unwrap_or_default()
            .as_bytes()
            .to_vec();
        for child in sc.children.iter().filter_map(|&c| all.get(c)) {
            let from = child.span.start.saturating_sub(inner.start);
            let to = child.span.end.saturating_sub(inner.start);
            for byte in bytes.get_mut(from..to).into_iter().flatten() {
                *byte = b'x';
            }
        }
        texts.push((inner.start, String::from_utf8_lossy(&bytes).into_owned()));
    }
    let mut found = Vec::new();
    for (start, text) in texts.into_iter().filter(|(_, text)| may_hold_fence(text)) {
        let parser = pulldown_cmark::Parser::new_ext(&text, crate::render::markdown::options());
        for (event, at) in parser.into_offset_iter() {
            if let Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) = event {
                found.push((start + at.start, info.to_string()));
            }
        }
    }
    found
}

/// Whether a render hook takes fenced code of language `lang` from Chroma: the hook for
/// the language (GoAT's, Mermaid's), or the hook for all blocks unless it highlights
/// (`transform.HighlightCodeBlock`); and GoAT's diagrams, which Hugo draws.
fn hooked(lang: &str, site: &Site) -> bool {
    let generic_plain = site
        .shortcodes
        .render_hook("codeblock")
        .is_some_and(|h| !h.source.contains("ighlight"));
    site.shortcodes
        .render_hook(&format!("codeblock-{lang}"))
        .is_some()
        || generic_plain
        || lang.eq_ignore_ascii_case("goat")
}

/// Why a code block of language `lang` (empty: none) shows otherwise than in Hugo when the
/// site has Hugo guess languages (`guessSyntax`): Chroma's analysers pick one for a block
/// of no language it knows, where Folio shows it plain. `None` when Hugo does not guess:
/// the language is known, a render hook takes the block (GoAT's, Mermaid's; the hook for
/// all blocks unless it highlights), or fences are not highlighted.
fn guessed(
    lang: &str,
    settings: crate::render::highlight::Settings,
    site: &Site,
) -> Option<String> {
    if !settings.guess_syntax
        || !settings.code_fences
        || hooked(lang, site)
        || crate::render::highlight::highlights(lang)
    {
        return None;
    }
    Some(crate::render::highlight::guess_note(lang, true))
}

/// "unknown tech icon …" with suggestions.
pub fn unknown_icon(word: &str) -> String {
    let near = icons::suggest(word);
    if near.is_empty() {
        format!("unknown tech icon `{word}`: not a Font Awesome Free brand icon")
    } else {
        let list = near
            .iter()
            .map(|n| format!("`{n}`"))
            .collect::<Vec<_>>()
            .join(", ");
        format!("unknown tech icon `{word}`: did you mean {list}?")
    }
}

/// What is wrong with one field of a card, for the forms (the same rules and words as
/// `folio check`, so the app never decides them itself).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FieldProblem {
    /// The card's block id (see `Session::block_ids`).
    pub block: usize,
    /// The model field: `techIcons` or `repository` of a card; `params.NAME` (`params.#N`
    /// for a positional one) of a shortcode, prefixed with `children.I.` per level for a
    /// shortcode inside another.
    pub field: String,
    /// The value at fault: one icon name, or the repository.
    pub value: String,
    /// What is wrong, with the fix (nearest icon names, the expected form).
    pub message: String,
}

/// The problems of `card`'s fields, for the card with block id `block`: unknown icon names
/// (with the nearest real ones) and a repository that is not `owner/repo`.
pub fn field_problems(block: usize, card: &crate::model::Card) -> Vec<FieldProblem> {
    let mut out: Vec<FieldProblem> = card
        .tech_icons
        .iter()
        .filter(|w| !icons::is_brand(w))
        .map(|w| FieldProblem {
            block,
            field: "techIcons".into(),
            value: w.clone(),
            message: unknown_icon(w),
        })
        .collect();
    if let Some(repo) = card.repository.as_deref().filter(|r| !is_repository(r)) {
        out.push(FieldProblem {
            block,
            field: "repository".into(),
            value: repo.to_string(),
            message: bad_repository(repo),
        });
    }
    out
}

/// The problems of block `b`'s fields (block id `block`): a card's (see
/// [`field_problems`]), and unknown icon names in every parameter a shortcode's template
/// prints as Font Awesome icons, at any depth.
pub fn block_problems(block: usize, b: &crate::model::Block) -> Vec<FieldProblem> {
    let mut out = Vec::new();
    collect_block_problems(block, b, "", &mut out);
    out
}

fn collect_block_problems(
    block: usize,
    b: &crate::model::Block,
    prefix: &str,
    out: &mut Vec<FieldProblem>,
) {
    use crate::model::Block;
    match b {
        Block::Card(c) => out.extend(field_problems(block, c).into_iter().map(|mut p| {
            p.field = format!("{prefix}{}", p.field);
            p
        })),
        Block::Shortcode(sc) => {
            for (i, p) in sc.params.iter().flatten().enumerate() {
                if p.kind != Some(FieldKind::Icons) {
                    continue;
                }
                let name = p.name.clone().unwrap_or_else(|| format!("#{i}"));
                for (_, w) in words(&p.value).filter(|(_, w)| !icons::is_brand(w)) {
                    out.push(FieldProblem {
                        block,
                        field: format!("{prefix}params.{name}"),
                        value: w.to_string(),
                        message: unknown_icon(w),
                    });
                }
            }
            for (i, child) in sc.children.iter().flatten().enumerate() {
                collect_block_problems(block, child, &format!("{prefix}children.{i}."), out);
            }
        }
        Block::Markdown { .. } => {}
    }
}

/// "repository `x` is not of the form owner/repo …".
fn bad_repository(repo: &str) -> String {
    format!(
        "repository `{repo}` is not of the form owner/repo (it becomes https://github.com/{repo})"
    )
}

/// Whether `s` is `owner/repo`.
pub fn is_repository(s: &str) -> bool {
    let ok = |p: &str| {
        !p.is_empty()
            && p.chars()
                .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c))
    };
    matches!(s.split_once('/'), Some((o, r)) if ok(o) && ok(r))
}

/// Whitespace-separated words with their byte offsets.
fn words(s: &str) -> impl Iterator<Item = (usize, &str)> {
    s.split(char::is_whitespace)
        .scan(0usize, |pos, w| {
            let at = *pos;
            *pos += w.len() + 1;
            Some((at, w))
        })
        .filter(|(_, w)| !w.is_empty())
}
