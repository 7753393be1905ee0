//! Fuzzes the renderer with random site params and markup settings: any page that parses
//! renders to a whole document whose links open and close in pairs.
#![no_main]

#[path = "common.rs"]
mod common;

use folio::render::{baseof, render_page, RenderOptions};
use folio::site::Markup;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((text, mut b)) = common::split(data) else { return };
    let Ok(page) = folio::Page::parse(text) else { return };
    let flags = b.byte();
    let mut params = serde_json::Map::new();
    for _ in 0..b.below(4) {
        params.insert(b.text(), serde_json::Value::String(b.text()));
    }
    let markup = Markup { unsafe_html: flags & 1 != 0, link_hook: flags & 2 != 0, image_hook: flags & 4 != 0 };
    let rewrite = |url: &str, _image: bool| Some(folio::percent_decode(url));
    let ids: Vec<usize> = (0..page.blocks().len()).rev().collect();
    let n = page.blocks().len();
    let opts = RenderOptions {
        markup,
        site_params: &params,
        rewrite_url: (flags & 8 != 0).then_some(&rewrite as &dyn Fn(&str, bool) -> Option<String>),
        anchors: (flags & 16 != 0).then_some(&ids[..]),
        window: (flags & 32 != 0).then(|| b.below(n + 1)..b.below(n + 2)),
        cache: None,
        marks: flags & 64 != 0,
    };
    let rendered = render_page(&page, &opts);
    // Text inside an HTML comment (raw HTML, kept when `unsafe` is on; an unclosed one runs
    // to the end, as in a browser) is not markup.
    let mut html = String::new();
    let html = rendered.html.to_string();
    let mut rest = html.as_str();
    while let Some((before, after)) = rest.split_once("<!--") {
        html.push_str(before);
        rest = after.split_once("-->").map_or("", |(_, r)| r);
    }
    html.push_str(rest);
    let opened = html.matches("<a ").count() + html.matches("<a>").count();
    assert_eq!(opened, html.matches("</a>").count(), "unbalanced links in {html}");
    let chrome = baseof::Chrome { site_title: Some("t"), lang: "en", params: &params };
    let _ = baseof::page(&rendered, &chrome, baseof::Styles::Inline, flags & 64 != 0);
});
