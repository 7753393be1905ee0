//! The `folio:` URI scheme the window loads icons and the site's images from:
//! `folio://localhost/theme.css` (the preview's stylesheet), `folio://localhost/icon/NAME.svg`, `folio://localhost/site/PATH` (the site's `static/`
//! folder: images, and CSS and fonts for the site's styles), `folio://localhost/compiled/URL`
//! (an `assets/` stylesheet, compiled), `folio://localhost/preview.css` (the editor's marks),
//! `folio://localhost/processed/NAME` (an image a template resized, from
//! `folio::templates::engine::images::output_dir`),
//! `folio://localhost/assets/PATH` (its `assets/`) and `folio://localhost/page/PATH`
//! (the page's folder), images only.

use std::borrow::Cow;
use std::path::{Component, Path, PathBuf};

use tauri::http::{Request, Response, StatusCode};
use tauri::{Manager, Runtime, UriSchemeContext, UriSchemeResponder};

use crate::state::AppState;

/// Where the scheme's files are, as the webview sees it (WebKitGTK and WKWebView use the
/// scheme itself; WebView2 maps it to http).
#[cfg(windows)]
pub const BASE: &str = "http://folio.localhost/";
#[cfg(not(windows))]
pub const BASE: &str = "folio://localhost/";

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
pub fn handle<R: Runtime>(
    ctx: UriSchemeContext<'_, R>,
    request: Request<Vec<u8>>,
    responder: UriSchemeResponder,
) {
    let app = ctx.app_handle().clone();
    let path = folio::percent_decode(request.uri().path());
    tauri::async_runtime::spawn_blocking(move || {
        let state = app.state::<AppState>();
        responder.respond(respond(&state, &path));
    });
}

fn respond(state: &AppState, path: &str) -> Response<Cow<'static, [u8]>> {
    if path == "/theme.css" {
        let css = format!(
            "{}{}",
            folio::render::baseof::THEME_CSS,
            folio::render::baseof::PREVIEW_CSS
        );
        return ok("text/css; charset=utf-8", css.into_bytes());
    }
    if path == "/preview.css" {
        let css = folio::render::baseof::PREVIEW_CSS;
        return ok("text/css; charset=utf-8", css.as_bytes().to_vec());
    }
    if let Some(url) = path.strip_prefix("/compiled/") {
        return compiled_sheet(state, url).unwrap_or_else(|| status(StatusCode::NOT_FOUND));
    }
    if let Some(response) = site_style_file(state, path) {
        return response;
    }
    if let Some(name) = path
        .strip_prefix("/icon/")
        .and_then(|n| n.strip_suffix(".svg"))
    {
        return match folio::icons::Icon::find(folio::icons::Style::Brands, name) {
            Some(icon) => ok("image/svg+xml", icon.svg().into_bytes()),
            None => status(StatusCode::NOT_FOUND),
        };
    }
    site_image(state, path).unwrap_or_else(|| status(StatusCode::NOT_FOUND))
}

/// One of the site's `assets/` stylesheets, compiled ("Site styles"); a stylesheet that
/// does not compile is answered with a CSS comment saying why.
fn compiled_sheet(state: &AppState, url: &str) -> Option<Response<Cow<'static, [u8]>>> {
    let site = {
        let guard = state.lock();
        guard.as_ref()?.site().clone()
    };
    let sheet = site
        .stylesheets()
        .into_iter()
        .find(|s| s.from_assets && s.url == url)?;
    let css = sheet
        .css()
        .unwrap_or_else(|e| format!("/* {} */", e.to_string().replace("*/", "* /")));
    Some(ok("text/css; charset=utf-8", css.into_bytes()))
}

/// What a site stylesheet reads besides images: itself and its fonts
/// (`/site/css/main.css`, `/site/fonts/x.woff2`), from the static folder of the site or
/// of one of its themes ([`folio::Site::static_file`]).
fn site_style_file(state: &AppState, path: &str) -> Option<Response<Cow<'static, [u8]>>> {
    let served = path.strip_prefix("/site/")?;
    let rel = Path::new(served);
    if !rel.components().all(|c| matches!(c, Component::Normal(_))) {
        return None;
    }
    let ext = rel.extension()?.to_str()?.to_ascii_lowercase();
    let mime = STYLE_FILES.iter().find(|(e, _)| *e == ext)?.1;
    let file = {
        let guard = state.lock();
        guard.as_ref()?.site().static_file(served)?
    };
    let bytes = folio::fs::read(&file).ok()?;
    Some(ok(mime, bytes))
}

/// Files a site stylesheet may load from `static/` besides images.
const STYLE_FILES: &[(&str, &str)] = &[
    ("css", "text/css; charset=utf-8"),
    ("woff2", "font/woff2"),
    ("woff", "font/woff"),
    ("ttf", "font/ttf"),
    ("otf", "font/otf"),
];

/// An image under the static folder of the site or of one of its themes (`/site/x.png`,
/// [`folio::Site::static_file`]), the site's `assets/` folder (`/assets/x.png`) or the
/// page's folder (`/page/x.png`).
fn site_image(state: &AppState, path: &str) -> Option<Response<Cow<'static, [u8]>>> {
    let (root, page_dir, served) = {
        let guard = state.lock();
        let s = guard.as_ref()?;
        let served = path
            .strip_prefix("/site/")
            .and_then(|rel| s.site().static_file(rel));
        (
            s.site().root.clone(),
            s.path().parent()?.to_path_buf(),
            served,
        )
    };
    let (file, mime) = match path.strip_prefix("/assets/") {
        Some(rel) => image_file(&root.join("assets"), &page_dir, &format!("/site/{rel}"))?,
        None if path.starts_with("/processed/") => image_file(
            &folio::templates::engine::images::output_dir(),
            &page_dir,
            &format!("/site/{}", path.trim_start_matches("/processed/")),
        )?,
        // A static file is the one the site serves (none through a link out of it).
        None if path.starts_with("/site/") => {
            let (_, mime) = image_file(&root, &page_dir, path)?;
            (served?, mime)
        }
        None => image_file(&root, &page_dir, path)?,
    };
    if !file.is_file() {
        return None;
    }
    folio::fs::read(&file).ok().map(|bytes| ok(mime, bytes))
}

/// Where a `/site/…` or `/page/…` request points, and its type: only image types, and only
/// plain names below the folder (no `..`, no root, no prefix).
fn image_file(static_dir: &Path, page_dir: &Path, path: &str) -> Option<(PathBuf, &'static str)> {
    let (dir, rel) = if let Some(rel) = path.strip_prefix("/site/") {
        (static_dir, rel)
    } else {
        (page_dir, path.strip_prefix("/page/")?)
    };
    let rel = Path::new(rel);
    if rel.as_os_str().is_empty() || !rel.components().all(|c| matches!(c, Component::Normal(_))) {
        return None;
    }
    let ext = rel.extension()?.to_str()?.to_ascii_lowercase();
    let mime = IMAGES.iter().find(|(e, _)| *e == ext)?.1;
    Some((dir.join(rel), mime))
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
    Response::builder()
        .status(code)
        .body(Cow::Borrowed(&[][..]))
        .expect("a bare status is valid")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolve(path: &str) -> Option<(PathBuf, &'static str)> {
        image_file(
            Path::new("/site/static"),
            Path::new("/site/content/en"),
            path,
        )
    }

    #[test]
    fn site_and_page_images_resolve_inside_their_folders() {
        assert_eq!(
            resolve("/site/img/me.PNG"),
            Some((PathBuf::from("/site/static/img/me.PNG"), "image/png"))
        );
        assert_eq!(
            resolve("/page/photo.jpg"),
            Some((PathBuf::from("/site/content/en/photo.jpg"), "image/jpeg"))
        );
    }

    #[test]
    fn paths_that_climb_out_or_start_at_the_root_are_refused() {
        assert_eq!(resolve("/site/../secret.png"), None);
        assert_eq!(resolve("/page/a/../../b.png"), None);
        assert_eq!(resolve("/site//etc/x.png"), None);
        assert_eq!(resolve("/site/./x.png"), None);
    }

    #[test]
    fn only_image_types_are_served() {
        assert_eq!(resolve("/page/about.md"), None);
        assert_eq!(resolve("/site/config.toml"), None);
        assert_eq!(resolve("/site/noext"), None);
        assert_eq!(resolve("/site/"), None);
        assert_eq!(resolve("/other/x.png"), None);
    }
}
