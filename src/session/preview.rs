//! The preview and the export of the unsaved text, taken from the session as snapshots so
//! they render with the session lock released.

use std::sync::{Arc, Mutex};

use super::{view, Broken, PreviewKey, Session, PREVIEW_ALL};
use crate::error::{Error, Result};
use crate::open_page::OpenPage;
use crate::render::CardCache;

impl Session {
    /// The preview document of the unsaved text (kept until the next edit): see
    /// [`Session::preview_job`], which lets the caller render without holding the session.
    pub fn preview(&self, files_base: Option<&str>, anchor: Option<usize>) -> String {
        self.preview_job(anchor).render(files_base, false)
    }

    /// What the preview of the unsaved text is rendered from. A page longer than
    /// [`PREVIEW_ALL`] blocks is previewed around the block whose id is `anchor` only: a
    /// browser lays a thousand cards out far slower than a person types.
    pub fn preview_job(&self, anchor: Option<usize>) -> PreviewJob {
        let n = self.ids.len();
        let window = (self.open.is_some() && n > PREVIEW_ALL).then(|| {
            let at = anchor
                .and_then(|id| self.ids.iter().position(|&i| i == id))
                .unwrap_or(0);
            let start = at.saturating_sub(PREVIEW_ALL / 2).min(n - PREVIEW_ALL);
            start..start + PREVIEW_ALL
        });
        PreviewJob {
            key: (self.version, window.clone()),
            window,
            open: self.open.clone(),
            ids: self.ids.clone(),
            broken: self.broken.clone(),
            cache: Arc::clone(&self.cache),
            memo: Arc::clone(&self.preview),
        }
    }

    /// The version the preview and forms are at (it changes with every edit).
    pub fn version(&self) -> u64 {
        self.version
    }

    /// The unsaved page to export, parsed with its site (export it with
    /// [`crate::export::export`] once the session is released).
    ///
    /// # Errors
    /// A site error when the unsaved page does not parse.
    pub fn export_source(&self) -> Result<Arc<OpenPage>> {
        self.open.clone().ok_or_else(|| {
            Error::site(&self.path, "the page has an error; fix it before exporting")
        })
    }
}

/// A preview to render: a snapshot of the session's unsaved page, so the session lock need
/// not be held while it renders.
pub struct PreviewJob {
    key: PreviewKey,
    window: Option<std::ops::Range<usize>>,
    open: Option<Arc<OpenPage>>,
    ids: Vec<usize>,
    broken: Option<Broken>,
    cache: Arc<CardCache>,
    memo: Arc<Mutex<Option<(PreviewKey, bool, String)>>>,
}

impl PreviewJob {
    /// The session version this preview shows.
    pub fn version(&self) -> u64 {
        self.key.0
    }

    /// The preview document for the app's sandboxed frame; `files_base` is where the app
    /// serves the site's images from; `site_styles` links the site's stylesheets instead of
    /// Folio's. The last document is kept: asking again for the same version, window and
    /// styles costs nothing.
    pub fn render(&self, files_base: Option<&str>, site_styles: bool) -> String {
        if let Some((k, styles, html)) = lock(&self.memo).as_ref() {
            if *k == self.key && *styles == site_styles {
                return html.clone();
            }
        }
        let html = match &self.open {
            Some(open) => open.preview_styled(
                Some(&self.cache),
                files_base,
                self.window.clone(),
                Some(&self.ids),
                site_styles,
            ),
            None => view::broken_preview(self.broken.as_ref()),
        };
        *lock(&self.memo) = Some((self.key.clone(), site_styles, html.clone()));
        html
    }
}

/// A lock that a panic elsewhere cannot poison for good: what it guards is replaced whole.
fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}
