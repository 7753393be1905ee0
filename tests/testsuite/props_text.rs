//! Property tests with real text: multi-byte UTF-8 (accents, CJK, emoji with ZWJ, combining
//! marks, RTL marks), CR and CRLF, NUL, tabs, quotes, backslashes and `%` in parameter
//! values, prose and link destinations. The laws: parsed text round-trips; an edit reads
//! back as the edit or is refused naming its field; apply never writes a page Folio cannot
//! read; rendering and `folio check` never panic.

use folio::{Block, Page};
use proptest::prelude::*;

/// Pieces that break naive byte arithmetic or Hugo's grammar.
const PIECES: &[&str] = &[
    "a",
    "Z",
    " ",
    "é",
    "e\u{301}",
    "ñ",
    "中文",
    "日本",
    "👩\u{200d}💻",
    "🏳\u{fe0f}\u{200d}🌈",
    "\u{200f}",
    "\u{202e}",
    "\u{200d}",
    "\r\n",
    "\n",
    "\r",
    "\t",
    "\0",
    "\"",
    "\\",
    "\\\"",
    "`",
    "'",
    "%",
    "%aé",
    "%41",
    "%\u{200d}",
    "<",
    ">",
    "&",
    "#",
    "=",
    "*",
    "_",
    "|",
    "[",
    "]",
    "(",
    ")",
];

/// Text made of those pieces.
fn real_text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..max).prop_map(|v| v.concat())
}

/// A page with a card whose parameters and body hold real text, written so Hugo's lexer
/// reads the values back: backtick-quoted (any text but a backtick), or double-quoted with
/// `\"` escapes (no line breaks).
fn page_with_card() -> impl Strategy<Value = String> {
    (
        prop_oneof![Just("\n"), Just("\r\n")],
        any::<bool>(),
        real_text(6),
        real_text(6),
        real_text(10),
        real_text(10),
    )
        .prop_map(|(eol, backtick, title, icons, body, prose)| {
            let clean = |s: &str| s.replace(['`', '\0'], "");
            let value = |s: &str| {
                if backtick {
                    format!("`{}`", clean(s))
                } else {
                    let one_line = clean(s).replace(['\n', '\r', '\\'], "");
                    format!("\"{}\"", one_line.replace('"', "\\\""))
                }
            };
            format!(
                "---{eol}title: x{eol}---{eol}{eol}{}{eol}{eol}{{{{< project-card title={} tech-icons={} >}}}}{eol}{}{eol}{{{{< /project-card >}}}}{eol}",
                clean(&prose).replace("{{", "{"),
                value(&title),
                value(&icons),
                clean(&body).replace("{{", "{"),
            )
        })
}

/// `text` without the spaces and tabs that all its non-blank lines start with, and with its
/// blank lines empty, and a CR before a line break read as part of it (how the model shows a
/// card body: docs/model.md).
/// `text` without the CRs that end its lines, and with blank lines (white space only,
/// CRs and tabs included) empty: what a Markdown body's line is, as Folio reads it back.
fn crs_before_lf(text: &str) -> String {
    text.split('\n')
        .map(|l| {
            if l.trim().is_empty() {
                ""
            } else {
                l.trim_end_matches('\r')
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn dedent(text: &str) -> String {
    let indent = text
        .split('\n')
        .filter(|l| !l.trim().is_empty())
        .map(|l| &l[..l.len() - l.trim_start_matches([' ', '\t']).len()])
        .reduce(|a, b| {
            let n = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
            &a[..n]
        })
        .unwrap_or("");
    text.split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .map(|l| {
            if l.trim_matches([' ', '\t']).is_empty() {
                ""
            } else {
                l.strip_prefix(indent)
                    .unwrap_or(l.trim_start_matches([' ', '\t']))
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn pages_with_real_text_round_trip_or_are_refused_with_a_place(text in page_with_card()) {
        match Page::parse(&text) {
            Ok(page) => {
                prop_assert_eq!(page.to_string(), text.clone());
                prop_assert_eq!(page.apply(&page.to_model()).unwrap().to_string(), text);
            }
            Err(e) => prop_assert!(e.offset <= text.len()),
        }
    }

    #[test]
    fn a_card_edit_with_real_text_reads_back_or_is_refused_naming_the_field(
        text in page_with_card(),
        title in real_text(8),
        body in real_text(12),
    ) {
        let Ok(page) = Page::parse(&text) else { return Ok(()) };
        let mut m = page.to_model();
        let Some(i) = m.blocks.iter().position(|b| matches!(b, Block::Card(_))) else { return Ok(()) };
        let Block::Card(c) = &mut m.blocks[i] else { unreachable!() };
        c.title = title.clone();
        c.body = body.clone();
        match page.apply(&m) {
            Ok(out) => {
                let out = out.to_string();
                // What apply writes, Folio reads back: no NUL, valid UTF-8, and it parses.
                prop_assert!(folio::fs::decode(std::path::Path::new("p.md"), out.clone().into_bytes()).is_ok());
                let again = Page::parse(&out).unwrap().to_model();
                let Block::Card(got) = &again.blocks[i] else { panic!("block {i} is no longer a card") };
                prop_assert_eq!(&got.title, &title);
                // A card's body is shown without the indentation its lines share, with LF
                // line endings: CRs that end a line are part of its line ending
                // (docs/model.md).
                let want = dedent(&crs_before_lf(&body));
                let got = dedent(&crs_before_lf(&got.body));
                prop_assert_eq!(got.trim_end(), want.trim_end());
            }
            Err(e) => {
                prop_assert!(e.at.starts_with(&format!("blocks[{i}]")) || e.at == "blocks", "{} {}", e.at, e.message);
                prop_assert!(
                    title.contains('`') || title.contains('\0') || body.contains('\0') || body.contains("{{"),
                    "refused {:?} / {:?}: {}", title, body, e.message
                );
            }
        }
    }

    #[test]
    fn front_matter_edits_with_real_text_never_write_an_unreadable_page(
        text in page_with_card(),
        value in real_text(10),
        key in prop::sample::select(&["title", "summary", "é-key"][..]),
    ) {
        let Ok(page) = Page::parse(&text) else { return Ok(()) };
        match page.set_front_matter(key, Some(serde_json::Value::String(value.clone()))) {
            Ok(out) => {
                let again = Page::parse(&out.to_string()).unwrap();
                let model = again.to_model();
                prop_assert_eq!(model.front_matter.get(key), Some(&serde_json::Value::String(value)));
            }
            Err(e) => prop_assert!(e.at.starts_with("frontMatter"), "{}", e.at),
        }
    }

    #[test]
    fn markdown_and_links_with_real_text_render_without_panicking(
        prose in real_text(16),
        dest in real_text(6),
        hooks in any::<bool>(),
    ) {
        let md = format!("{prose}\n\n[link]({dest}) ![img]({dest}) <{dest}>\n");
        let markup = folio::site::Markup { link_hook: hooks, image_hook: hooks, ..Default::default() };
        let rewrite = |url: &str, _image: bool| Some(folio::percent_decode(url));
        let html = folio::render::Markdown { markup, rewrite_url: Some(&rewrite), hooks: None, hook_urls: None, for_toc: false }.render(&md);
        prop_assert_eq!(html.matches("<a ").count(), html.matches("</a>").count());
    }

    #[test]
    fn check_never_panics_on_real_text(text in page_with_card(), extra in real_text(12)) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.md");
        std::fs::write(&path, format!("{text}{extra}")).unwrap();
        for d in folio::check::check_page(&path, &folio::Site::for_page(&path).unwrap()) {
            prop_assert!(d.line >= 1 && d.col >= 1);
        }
    }
}
