//! The `folio:` URI scheme the window loads previews and icons from:
//! `folio://localhost/preview/VERSION` (the unsaved page, as its own sandboxed document),
//! `folio://localhost/icon/NAME.svg`, and images the preview references, served only from
//! the site's `static/` folder or the page's folder.

use std::borrow::Cow;
use std::path::{Component, Path, PathBuf};

use tauri::http::{Request, Response, StatusCode};
use tauri::{Manager, Runtime, UriSchemeContext, UriSchemeResponder};

use crate::state::AppState;

/// Image types the preview may load from the site.
const IMAGES: &[(&str, &str)] = &[
    ("png", "image/png"),
    ("jpg", "image/jpeg"),
    ("jpeg", "image/jpeg"),
    ("gif", "image/gif"),
    ("svg", "image/svg+xml"),
    ("webp", "image/webp"),
    ("avif", "image/avif"),
    ("ico", "image/x-icon"),
];

/// Answers a `folio:` request off the UI thread.
pub fn handle<R: Runtime>(ctx: UriSchemeContext<'_, R>, request: Request<Vec<u8>>, responder: UriSchemeResponder) {
    let app = ctx.app_handle().clone();
    let path = percent_decode(request.uri().path());
    tauri::async_runtime::spawn_blocking(move || {
        let state = app.state::<AppState>();
        responder.respond(respond(&state, &path));
    });
}

fn respond(state: &AppState, path: &str) -> Response<Cow<'static, [u8]>> {
    if path.starts_with("/preview/") {
        let html = state.lock().as_ref().map(|s| s.preview());
        return match html {
            Some(html) => ok("text/html; charset=utf-8", html.into_bytes())
                .header_csp(folio::render::document::PREVIEW_CSP),
            None => status(StatusCode::NOT_FOUND),
        };
    }
    if let Some(name) = path.strip_prefix("/icon/").and_then(|n| n.strip_suffix(".svg")) {
        return match folio::icons::svg(name) {
            Some(svg) => ok("image/svg+xml", svg.as_bytes().to_vec()),
            None => status(StatusCode::NOT_FOUND),
        };
    }
    site_image(state, path).unwrap_or_else(|| status(StatusCode::NOT_FOUND))
}

/// An image under the site's `static/` folder (`/x.png`) or the page's folder (`/preview/x.png`).
fn site_image(state: &AppState, path: &str) -> Option<Response<Cow<'static, [u8]>>> {
    let (root, page_dir) = {
        let guard = state.lock();
        let s = guard.as_ref()?;
        (s.site().root.join("static"), s.path().parent()?.to_path_buf())
    };
    let rel = Path::new(path.trim_start_matches('/'));
    if !rel.components().all(|c| matches!(c, Component::Normal(_))) {
        return None;
    }
    let ext = rel.extension()?.to_str()?.to_ascii_lowercase();
    let mime = IMAGES.iter().find(|(e, _)| *e == ext)?.1;
    let candidates: Vec<PathBuf> = match rel.strip_prefix("preview") {
        Ok(in_page) => vec![page_dir.join(in_page)],
        Err(_) => vec![root.join(rel)],
    };
    let file = candidates.into_iter().find(|p| p.is_file())?;
    std::fs::read(file).ok().map(|bytes| ok(mime, bytes))
}

fn ok(mime: &str, body: Vec<u8>) -> Response<Cow<'static, [u8]>> {
    Response::builder()
        .status(StatusCode::OK)
        .header("Content-Type", mime)
        .header("Cache-Control", "no-store")
        .header("X-Content-Type-Options", "nosniff")
        .body(Cow::Owned(body))
        .expect("static headers are valid")
}

fn status(code: StatusCode) -> Response<Cow<'static, [u8]>> {
    Response::builder().status(code).body(Cow::Borrowed(&[][..])).expect("a bare status is valid")
}

trait WithCsp {
    fn header_csp(self, csp: &str) -> Self;
}

impl WithCsp for Response<Cow<'static, [u8]>> {
    fn header_csp(mut self, csp: &str) -> Self {
        if let Ok(v) = csp.parse() {
            self.headers_mut().insert("Content-Security-Policy", v);
        }
        self
    }
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            if let Ok(v) = u8::from_str_radix(&s[i + 1..i + 3], 16) {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}
