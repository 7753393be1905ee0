//! Engine benchmarks: parse + print, model, and apply, on the sample and on a generated
//! 1000-card page (~400 KB); the shortcode catalogue of a site with 60 templates; and the
//! engine's share of a keystroke in the app, a card's title edited in the session and the
//! preview document rendered (the rest of the app's keystroke → preview is the window's
//! IPC and WebKit's load: `benches/app_perf.py`).
//! Targets: parse + print of the 1000-card page <= 2 ms; catalogue + schemas <= 20 ms;
//! the engine's share of a keystroke on the sample <= 2 ms.

#![allow(
    clippy::indexing_slicing,
    clippy::string_slice,
    reason = "benches slice the sample pages by spans the parser just produced; a bad one \
              should stop the bench loudly"
)]

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use folio::Page;
use std::hint::black_box;

fn inputs() -> Vec<(&'static str, String)> {
    vec![
        ("sample", folio::sample::PAGE.to_string()),
        ("1000-cards", folio::sample::many_cards(1000)),
    ]
}

fn parse_print(c: &mut Criterion) {
    let mut g = c.benchmark_group("parse+print");
    for (name, text) in inputs() {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(name), &text, |b, t| {
            b.iter(|| Page::parse(black_box(t)).expect("parses").to_string())
        });
    }
    g.finish();
}

fn model_and_apply(c: &mut Criterion) {
    let mut g = c.benchmark_group("model+apply");
    for (name, text) in inputs() {
        let page = Page::parse(&text).expect("parses");
        let mut model = page.to_model();
        if let Some(folio::Block::Card(card)) = model.blocks.get_mut(1) {
            card.title.push_str(" (edited)");
        }
        g.bench_with_input(BenchmarkId::new("to_model", name), &page, |b, p| {
            b.iter(|| p.to_model())
        });
        g.bench_with_input(
            BenchmarkId::new("apply one title edit", name),
            &page,
            |b, p| b.iter(|| p.apply(black_box(&model)).expect("applies")),
        );
    }
    g.finish();
}

/// The Markdown a plain renderer would see: the page body with every shortcode tag removed.
fn plain_markdown(text: &str) -> String {
    let page = Page::parse(text).expect("parses");
    let src = page.source();
    let mut out = String::with_capacity(src.len());
    let mut pos = page.body_start();
    for sc in &page.shortcodes().all {
        for tag in std::iter::once(&sc.open).chain(sc.close.as_ref()) {
            if tag.span.start >= pos {
                out.push_str(&src[pos..tag.span.start]);
                pos = tag.span.end;
            }
        }
    }
    out.push_str(&src[pos..]);
    out
}

#[allow(
    clippy::too_many_lines,
    reason = "one bench group: its cases read best side by side"
)]
fn render(c: &mut Criterion) {
    let mut g = c.benchmark_group("render");
    let params = serde_json::Map::new();
    for (name, text) in inputs() {
        let md = plain_markdown(&text);
        g.bench_with_input(
            BenchmarkId::new("pulldown-cmark alone", name),
            &md,
            |b, md| {
                b.iter(|| {
                    let mut html = String::new();
                    pulldown_cmark::html::push_html(
                        &mut html,
                        pulldown_cmark::Parser::new_ext(
                            black_box(md),
                            folio::render::markdown::options(),
                        ),
                    );
                    html
                })
            },
        );
        // The same Markdown as Hugo's markdownify sees it: each card body a document of its own.
        let page = Page::parse(&text).expect("parses");
        let bodies: Vec<String> = page
            .shortcodes()
            .all
            .iter()
            .filter_map(|sc| sc.inner().map(|r| page.source()[r].to_string()))
            .collect();
        g.bench_with_input(
            BenchmarkId::new("pulldown-cmark per card body", name),
            &bodies,
            |b, bodies| {
                b.iter(|| {
                    let mut html = String::new();
                    for body in bodies {
                        pulldown_cmark::html::push_html(
                            &mut html,
                            pulldown_cmark::Parser::new_ext(
                                black_box(body),
                                folio::render::markdown::options(),
                            ),
                        );
                    }
                    html
                })
            },
        );
        g.bench_with_input(
            BenchmarkId::new("folio parse+render", name),
            &text,
            |b, t| {
                b.iter(|| {
                    let page = Page::parse(black_box(t)).expect("parses");
                    let opts = folio::render::RenderOptions {
                        markup: Default::default(),
                        site_params: &params,
                        rewrite_url: None,
                        anchors: Some(&[]),
                        window: None,
                        cache: None,
                        marks: true,
                        hugo: None,
                        publish: None,
                        threads: None,
                    };
                    folio::render::render_page(&page, &opts)
                })
            },
        );
        // What the app does on a keystroke: one card changed, the others from the cache.
        let cache = folio::render::CardCache::default();
        let warm = Page::parse(&text).expect("parses");
        let opts = folio::render::RenderOptions {
            markup: Default::default(),
            site_params: &params,
            rewrite_url: None,
            anchors: Some(&[]),
            window: None,
            cache: Some(&cache),
            marks: true,
            hugo: None,
            publish: None,
            threads: None,
        };
        folio::render::render_page(&warm, &opts);
        let mut n = 0u64;
        g.bench_with_input(
            BenchmarkId::new("folio parse+render, one card edited", name),
            &text,
            |b, t| {
                b.iter(|| {
                    n += 1;
                    let edited = t.replacen("Spearheaded", &format!("Spearheaded {n}"), 1);
                    let page = Page::parse(black_box(&edited)).expect("parses");
                    folio::render::render_page(&page, &opts)
                })
            },
        );
    }
    g.finish();
}

/// A site with 60 shortcode templates of the kinds real sites write: cards reading named
/// parameters through `with`, `range split` and `default`; positional calls; Markdown
/// bodies and images through `resources.Get`.
fn site_with_templates(n: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let layouts = dir.path().join("layouts/shortcodes");
    std::fs::create_dir_all(&layouts).expect("layouts");
    std::fs::write(dir.path().join("hugo.toml"), "title = \"bench\"\n").expect("config");
    let kinds = [
        folio::sample::FILES
            .iter()
            .find(|(p, _)| p.ends_with("project-card.html"))
            .map_or("", |(_, t)| *t),
        r#"<div class="job"><img src="/logos/{{ .Get 0 }}.png"><b>{{ .Get 1 }}</b> {{ .Get 2 }} {{ .Get 3 }}</div>"#,
        r#"{{ $img := resources.Get (.Get "image") }}<figure>{{ with $img }}<img src="{{ .RelPermalink }}">{{ end }}
<figcaption>{{ .Get "caption" | markdownify }}</figcaption>{{ .Inner | .Page.RenderString }}</figure>"#,
    ];
    for i in 0..n {
        let text = kinds.get(i % kinds.len()).copied().unwrap_or_default();
        std::fs::write(layouts.join(format!("sc{i}.html")), text).expect("template");
    }
    dir
}

fn catalogue(c: &mut Criterion) {
    let site = site_with_templates(60);
    let sources = folio::templates::Sources {
        root: site.path().to_path_buf(),
        themes_dir: "themes".into(),
        ..Default::default()
    };
    c.bench_function("catalogue/60-templates", |b| {
        b.iter(|| folio::templates::Catalogue::load(black_box(&sources)).expect("loads"))
    });
}

/// Markdown built to find quadratic time in the passes over text (typographer, linkify,
/// tables, strikethrough, the extras' delimiters): each about 200 KB, rendered with
/// Hugo's defaults and every Goldmark extra on; each should take about as long as plain
/// text.
fn adversarial(c: &mut Criterion) {
    let mut g = c.benchmark_group("render/adversarial");
    g.sample_size(10);
    let cases = [
        ("quotes", "'".repeat(200_000)),
        ("word-quote", "a'".repeat(100_000)),
        ("tag-ends", format!("{} @", "a>".repeat(100_000))),
        ("quoted-x-then-tilde", format!("{}~", "'x'".repeat(66_000))),
        ("links", "http://a.io/ ".repeat(15_000)),
        ("addresses", "a@b.co ".repeat(28_000)),
        (
            "prose",
            "See https://e.io/a and it's \"ok\" -- mail a@b.io.\n".repeat(4_000),
        ),
        ("plain", "Plain words, nothing to do here. ".repeat(6_000)),
        (
            "nested-strikethrough",
            format!("{}{}", "~~a ".repeat(20_000), "b~~ ".repeat(20_000)),
        ),
        (
            "emphasis-holding-tildes",
            format!("{}{}", "*~a ".repeat(20_000), "b* ".repeat(20_000)),
        ),
        // The extras' delimiters nested, and in one long bare URL.
        (
            "nested-extras",
            format!("{}{}", "==a ^b ".repeat(20_000), "c^ d== ".repeat(20_000)),
        ),
        ("delimiters-in-a-url", "https://a.b/==".repeat(10_000)),
    ];
    let extras = folio::render::markdown::extras::Extras {
        superscript: true,
        subscript: true,
        insert: true,
        mark: true,
        delete: true,
    };
    let all_extras = folio::render::Markdown {
        markup: folio::site::Markup {
            extensions: folio::site::Extensions {
                extras,
                ..Default::default()
            },
            ..Default::default()
        },
        ..Default::default()
    };
    for (name, md) in cases {
        g.throughput(Throughput::Bytes(md.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(name), &md, |b, md| {
            b.iter(|| all_extras.render(black_box(md)))
        });
    }
    g.finish();
}

/// The preview as the app renders it, through the sample site's own `project-card`
/// template (`content/layouts/shortcodes/project-card.html`): the sample page, and a
/// 1000-card page in the same site. Target (issue 11): the sample <= 16 ms.
fn site_templates(c: &mut Criterion) {
    let mut g = c.benchmark_group("render/site-template");
    let site = tempfile::tempdir().expect("temp dir");
    copy_tree(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content"),
        site.path(),
    );
    let page = site.path().join("content/en/about.md");
    for (name, text) in inputs() {
        std::fs::write(&page, &text).expect("writes the page");
        let doc = folio::OpenPage::open(&page).expect("opens");
        g.bench_function(BenchmarkId::new("preview", name), |b| {
            b.iter(|| doc.preview_window(None, None, None, None))
        });
    }
    g.finish();
}

fn copy_tree(from: &std::path::Path, to: &std::path::Path) {
    for e in walkdir::WalkDir::new(from)
        .into_iter()
        .filter_map(Result::ok)
    {
        let rel = e.path().strip_prefix(from).expect("under from");
        if e.file_type().is_dir() {
            std::fs::create_dir_all(to.join(rel)).expect("mkdir");
        } else {
            std::fs::copy(e.path(), to.join(rel)).expect("copy");
        }
    }
}

/// Markdown with three 40-line fenced code blocks (Go, Python, Rust) highlighted as Hugo
/// highlights them, against the same blocks left plain (`codeFences = false`).
fn highlight(c: &mut Criterion) {
    let mut g = c.benchmark_group("render/highlight");
    let go = "func f(a, b int) int {\n\t// sum\n\treturn a + b * 2\n}\n".repeat(10);
    let py = "def f(x):\n    \"\"\"Doc.\"\"\"\n    return str(x) + 'a'  # c\n\n".repeat(10);
    let rs = "fn f(x: u32) -> u32 {\n    let y = x + 1; // c\n    y * 2\n}\n".repeat(10);
    let md = format!("# Code\n\n```go\n{go}```\n\n```python\n{py}```\n\n```rust\n{rs}```\n");
    for (name, fences) in [("highlighted", true), ("plain", false)] {
        let mut markup = folio::site::Markup::default();
        markup.highlight.code_fences = fences;
        let markdown = folio::render::markdown::Markdown {
            markup,
            ..Default::default()
        };
        g.bench_function(BenchmarkId::new("3 blocks of 40 lines", name), |b| {
            b.iter(|| markdown.render(black_box(&md)))
        });
    }
    // Every block edited between two renders, so none is in the highlighter's memory.
    let markdown = folio::render::markdown::Markdown::default();
    let mut n = 0u64;
    g.bench_function(
        BenchmarkId::new("3 blocks of 40 lines", "each edited"),
        |b| {
            b.iter(|| {
                n += 1;
                markdown.render(black_box(&md.replace("sum", &n.to_string())))
            })
        },
    );
    g.finish();
}

/// A keystroke in a card's title as the app makes it: the edit (`Session::edit`, a field
/// run's text from before its first edit included) and the preview document of the
/// version it makes.
fn keystroke(c: &mut Criterion) {
    use folio::model::Block;
    use folio::session::{Edit, Session};
    let dir = tempfile::tempdir().unwrap();
    let page = folio::sample::install(&dir.path().join("site")).unwrap();
    let mut s = Session::open(&page).unwrap();
    let id = s.block_ids()[1];
    let Block::Card(card) = s.open_page().unwrap().model().blocks[1].clone() else {
        panic!("block 1 is a card")
    };
    let mut n = 0usize;
    c.bench_function("session/keystroke: edit + preview (sample)", |b| {
        b.iter(|| {
            n += 1;
            // The title one letter longer, then back: every edit changes the text.
            let mut card = card.clone();
            if n.is_multiple_of(2) {
                card.title.push('x');
            }
            s.edit(
                Edit::Block {
                    id,
                    block: Block::Card(card),
                },
                Some("title".into()),
            )
            .unwrap();
            black_box(s.preview_job(Some(id)).render(Some("folio://x/"), false));
        });
    });
}

criterion_group!(
    benches,
    highlight,
    parse_print,
    model_and_apply,
    render,
    site_templates,
    catalogue,
    adversarial,
    keystroke
);
criterion_main!(benches);
