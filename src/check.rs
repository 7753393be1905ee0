//! `folio check`: every problem in a page or site, each located at file:line:col — parse
//! errors, unknown icon names (with the nearest real ones), malformed repositories, `param`
//! shortcodes whose key is set nowhere (an error in Hugo too).

use std::path::{Path, PathBuf};

use serde_json::{Map, Value as Json};

use crate::error::Error;
use crate::icons;
use crate::page::tree::Shortcode;
use crate::page::{is_card, Page, CARD};
use crate::site::{lookup_param, Site};
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
        Ok(site) => check_page(path, &site),
        Err(e) => vec![Diagnostic::from_error(&e)],
    }
}

fn check_site(dir: &Path) -> Vec<Diagnostic> {
    let site = match Site::open_dir(dir) {
        Ok(s) => s,
        Err(e) => return vec![Diagnostic::from_error(&e)],
    };
    let pages = site.pages();
    if pages.is_empty() {
        return vec![at_start(
            dir,
            "no portfolio page found (a page with project-card shortcodes or `layout: about`)"
                .into(),
        )];
    }
    pages
        .iter()
        .flat_map(|p| check_page(&p.path, &site))
        .collect()
}

/// Checks one page against its site: its params and its shortcodes.
pub fn check_page(path: &Path, site: &Site) -> Vec<Diagnostic> {
    let site_params = &site.params();
    let page = match Page::read(path, &site.shortcodes) {
        Ok(p) => p,
        Err(e) => return vec![Diagnostic::from_error(&e)],
    };
    let src = page.source();
    let model = page.to_model();
    let mut found = Vec::new();
    for sc in &page.shortcodes().all {
        match sc.name() {
            CARD => card_problems(sc, src, &mut found),
            "param" => param_problems(sc, &model.front_matter, site_params, &mut found),
            _ => {}
        }
    }
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

/// A problem at a byte offset of the page.
struct Problem(usize, Severity, String);

/// A card's problems: positional parameters, unknown icons, a repository that is not
/// `owner/repo`.
fn card_problems(sc: &Shortcode, src: &str, out: &mut Vec<Problem>) {
    if !is_card(sc) {
        out.push(Problem(
            sc.open.span.start,
            Severity::Warning,
            "project-card takes named parameters (title=\"…\"); this one is shown read-only".into(),
        ));
        return;
    }
    if let Some(p) = sc.open.get("tech-icons") {
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
                    "param `{}` is not set in the page's front matter or the site's [params] \
                     (Hugo fails the build on this)",
                    p.value
                ),
            ))
        }
        Some(_) => {}
    }
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
    /// The model field: `techIcons` or `repository`.
    pub field: &'static str,
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
            field: "techIcons",
            value: w.clone(),
            message: unknown_icon(w),
        })
        .collect();
    if let Some(repo) = card.repository.as_deref().filter(|r| !is_repository(r)) {
        out.push(FieldProblem {
            block,
            field: "repository",
            value: repo.to_string(),
            message: bad_repository(repo),
        });
    }
    out
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
