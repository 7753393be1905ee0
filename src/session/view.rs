//! What the forms are drawn from: the full [`View`] when a page opens, and a small
//! [`Update`] after each edit.

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::Session;
use crate::check::FieldProblem;
use crate::error::SyntaxError;
use crate::model::Portfolio;
use crate::site::{Language, PageRef};
use crate::templates::ShortcodeTemplate;
use crate::text;

/// Everything the window shows about the open page.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct View {
    /// The page file (absolute).
    pub path: PathBuf,
    /// The site's root folder (where its config is).
    pub site_root: PathBuf,
    /// The site config's `title`, if it has one.
    pub site_title: Option<String>,
    /// The file the params live in, if the site has one.
    pub config_path: Option<PathBuf>,
    /// Params set in the site's other config files, which the forms show but do not edit.
    pub params_elsewhere: Vec<crate::site::ParamElsewhere>,
    /// The site's languages (one, `en`, for a site without `languages`).
    pub languages: Vec<Language>,
    /// The language of the open page.
    pub language: String,
    /// Every portfolio page of the site, then the open page and its translations
    /// ([`crate::Site::pages_and_translations_of`]).
    pub pages: Vec<PageRef>,
    /// When unsaved edits of this page were left behind by a session that did not end
    /// cleanly (milliseconds since the Unix epoch), so they can be restored.
    pub recovery: Option<u128>,
    /// The `op`s of the edits that add, move or remove blocks ([`super::Edit::STRUCTURAL`]):
    /// the forms lock while one is applied, and redraw after it.
    pub structural_edits: [&'static str; 5],
    /// The state every update carries.
    #[serde(flatten)]
    pub update: Update,
}

/// The state after an edit.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Update {
    /// Changes with every edit; the preview is fetched for this version.
    pub version: u64,
    /// Whether the unsaved text differs from the files.
    pub dirty: bool,
    /// Whether there is an edit to undo.
    pub can_undo: bool,
    /// Whether the next undo takes the text back to before a change made outside Folio
    /// ([`super::Session::undo_reverts_outside`]).
    pub undo_reverts_outside: bool,
    /// Whether there is an undone edit to redo.
    pub can_redo: bool,
    /// The window title (the page, the site, a dot while there are unsaved changes).
    pub title: String,
    /// The whole model, when the forms must be redrawn (blocks added, moved, removed…).
    pub model: Option<Portfolio>,
    /// The shortcodes the site can call, with their schemas (the forms are built from
    /// them), sent with `model`.
    pub shortcodes: Option<Vec<ShortcodeTemplate>>,
    /// Themes and modules the config names that are not on disk (their shortcodes are
    /// unknown to Folio), sent with `shortcodes`.
    pub missing_themes: Vec<String>,
    /// What `folio check` reports of the whole site ([`crate::check::site_problems`]),
    /// each as `file:line:col: severity: message` with the file relative to the site's
    /// folder, sent with `model`.
    pub site_problems: Option<Vec<String>>,
    /// Set when the page does not parse: it is shown read-only.
    pub broken: Option<Broken>,
    /// Outside changes waiting for a choice (Save is held back until they are settled).
    pub conflicts: Vec<crate::merge::Conflict>,
    /// Set when the page file was removed or renamed outside Folio (its text is kept).
    pub missing: Option<String>,
    /// Problems of card fields, by the rules of `folio check`: of every block when `model`
    /// is set, else of block `problems_of` only (the one an edit changed).
    pub problems: Vec<FieldProblem>,
    /// The block whose problems `problems` lists, when it is not every block.
    pub problems_of: Option<usize>,
    /// What other config files and tables set of the site params, as
    /// [`View::params_elsewhere`]: sent with `model`, and after a param edit (which of
    /// them wins over the forms' values changes with those values).
    pub params_elsewhere: Option<Vec<crate::site::ParamElsewhere>>,
    /// Where a transfer put the block it moved (the forms put the cursor there).
    pub placed: Option<BlockAt>,
}

/// A block of the page: top-level block `id` (a session id), then the position of a child
/// at each level below it (`path`, empty for the top-level block itself).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BlockAt {
    /// The top-level block's session id.
    pub id: usize,
    /// Child positions from it down to the block.
    pub path: Vec<usize>,
}

/// Where and why a page does not parse, with the source around that place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Broken {
    /// `path:line:col: message`.
    pub message: String,
    /// 1-based line of the error.
    pub line: usize,
    /// 1-based column (in characters) of the error.
    pub col: usize,
    /// Numbered source lines around the error.
    pub excerpt: Vec<(usize, String)>,
}

impl Broken {
    /// Describes an error in a file other than the page (a template, a config file): its
    /// message and place, without an excerpt.
    pub fn from_error(err: &crate::error::Error) -> Broken {
        let (line, col) = err.location().unwrap_or((1, 1));
        Broken {
            message: err.to_string(),
            line,
            col,
            excerpt: Vec::new(),
        }
    }

    /// Describes `err` in `src` of the page at `path`.
    pub fn new(path: &Path, src: &str, err: &SyntaxError) -> Broken {
        let (line, col) = text::line_col(src, err.offset);
        let first = line.saturating_sub(3).max(1);
        let excerpt = src
            .lines()
            .enumerate()
            .skip(first - 1)
            .take(line + 3 - first + 1)
            .map(|(i, l)| (i + 1, l.to_string()))
            .collect();
        Broken {
            message: format!("{}:{line}:{col}: {}", path.display(), err.message),
            line,
            col,
            excerpt,
        }
    }
}

impl Session {
    /// The full view (on open, and when the site or page changes).
    pub fn view(&self) -> View {
        let site = &self.site;
        View {
            path: self.path.clone(),
            site_root: site.root.clone(),
            site_title: site.title(),
            config_path: site.params_file().map(|f| f.path.clone()),
            params_elsewhere: self.params_elsewhere(),
            languages: site.languages(),
            language: self
                .open
                .as_ref()
                .map_or_else(|| "en".to_string(), |d| d.language()),
            pages: site.pages_and_translations_of(&self.path),
            recovery: None,
            structural_edits: super::Edit::STRUCTURAL,
            update: self.update(true),
        }
    }

    /// [`Update::site_problems`].
    fn site_problems(&self) -> Vec<String> {
        crate::check::site_problems(&self.site)
            .into_iter()
            .map(|d| {
                let path = d.path.strip_prefix(&self.site.root).unwrap_or(&d.path);
                crate::check::Diagnostic {
                    path: path.to_path_buf(),
                    ..d
                }
                .to_string()
            })
            .collect()
    }

    /// The window title: the page, the site, and a dot while there are unsaved changes.
    pub fn window_title(&self) -> String {
        let name = self
            .path
            .file_name()
            .map_or_else(|| "page".into(), |n| n.to_string_lossy().into_owned());
        let site = self.site.title().unwrap_or_else(|| {
            self.site
                .root
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
        });
        let dirty = if self.is_dirty() { "● " } else { "" };
        format!("{dirty}{name} — {site} — Folio")
    }

    /// `model` with each block's `id` set to its session id (see [`Session::block_ids`]):
    /// the ids the forms name blocks by in their edits.
    fn with_ids(&self, mut model: Portfolio) -> Portfolio {
        for (block, &id) in model.blocks.iter_mut().zip(&self.ids) {
            block.set_id(Some(id));
        }
        model
    }

    /// What other config files and tables set of the site params, for the open page's
    /// language ([`crate::Site::params_elsewhere`]), with the unsaved params.
    pub(super) fn params_elsewhere(&self) -> Vec<crate::site::ParamElsewhere> {
        let lang = self.open.as_ref().map_or_else(
            || crate::OpenPage::language_of(&self.site, &self.path),
            |d| d.language(),
        );
        self.site.params_elsewhere(&lang)
    }

    /// The state after an edit; with the model when the forms must be redrawn.
    pub fn update(&self, with_model: bool) -> Update {
        let model = if with_model {
            self.open.as_ref().map(|open| self.with_ids(open.model()))
        } else {
            None
        };
        let problems = model.as_ref().map_or_else(Vec::new, |m| {
            m.blocks
                .iter()
                .filter_map(|b| Some(crate::check::block_problems(b.id()?, b)))
                .flatten()
                .collect()
        });
        Update {
            version: self.version,
            dirty: self.is_dirty(),
            can_undo: self.can_undo(),
            undo_reverts_outside: self.undo_reverts_outside(),
            can_redo: self.can_redo(),
            title: self.window_title(),
            shortcodes: model
                .as_ref()
                .map(|_| self.site.shortcodes.iter().cloned().collect()),
            missing_themes: self.site.shortcodes.missing_sources().to_vec(),
            site_problems: model.as_ref().map(|_| self.site_problems()),
            model,
            problems,
            problems_of: None,
            params_elsewhere: with_model.then(|| self.params_elsewhere()),
            placed: None,
            broken: self.broken.clone(),
            conflicts: self
                .pending
                .as_ref()
                .map(|p| p.conflicts.clone())
                .unwrap_or_default(),
            missing: self.missing.as_ref().map(|m| match m {
                super::outside::Missing::Removed => "removed".to_string(),
                super::outside::Missing::Renamed(to) => format!("renamed to {}", to.display()),
            }),
        }
    }
}

/// The preview shown for a page that does not parse.
pub fn broken_preview(broken: Option<&Broken>) -> String {
    let message = broken.map_or("The page could not be read.", |b| b.message.as_str());
    maud::html! {
        (maud::DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta http-equiv="Content-Security-Policy" content=(crate::render::baseof::PREVIEW_CSP);
                title { "Page has an error" }
                style { "body{font:16px system-ui,sans-serif;margin:2rem;color:#b42318}" }
            }
            body { h1 { "This page has an error" } p { (message) } }
        }
    }
    .into_string()
}
