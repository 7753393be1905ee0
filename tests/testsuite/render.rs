//! Rendering: Hugo's shortcode semantics, the card markup, and snapshots of the preview and
//! export documents (reviewed like code).

use folio::render::{render_page, RenderOptions};
use folio::Page;
use serde_json::{json, Map, Value};

fn params() -> Map<String, Value> {
    json!({"email": "me@example.dev", "social": {"github": "me"}})
        .as_object()
        .unwrap()
        .clone()
}

fn render(text: &str) -> String {
    let page = Page::parse(text).expect("parses");
    let p = params();
    render_page(
        &page,
        &RenderOptions {
            markup: Default::default(),
            site_params: &p,
            rewrite_url: None,
            anchors: None,
            window: None,
            cache: None,
            marks: true,
            hugo: None,
            publish: None,
            threads: None,
        },
    )
    .html
    .to_string()
}

#[test]
fn a_paragraph_holding_only_an_angle_shortcode_is_dropped() {
    let html = render(
        "---\ntitle: x\n---\n\n{{< project-card title=\"T\" >}}\nBody\n{{< /project-card >}}\n",
    );
    assert!(html.starts_with("<div class=\"project-card\">"), "{html}");
    assert!(!html.contains("<p><div"), "{html}");
}

#[test]
fn a_single_paragraph_body_loses_its_p_like_markdownify() {
    let html = render("---\ntitle: x\n---\n\n{{< project-card title=\"T\" >}}\n  Just **one** paragraph.\n{{< /project-card >}}\n");
    assert!(
        html.contains("</header>Just <strong>one</strong> paragraph.</div>"),
        "{html}"
    );
}

#[test]
fn param_is_looked_up_page_first_case_insensitively_and_by_dotted_path() {
    let html = render("---\ntitle: x\nEmail: page@example.dev\n---\n\n{{< param email >}} {{< param \"social.github\" >}}\n");
    assert_eq!(html, "<p>page@example.dev me</p>\n");
}

#[test]
fn a_missing_param_is_shown_not_hidden() {
    let html = render("---\ntitle: x\n---\n\nCall {{< param phone >}}.\n");
    assert!(
        html.contains("<span class=\"folio-error\" role=\"note\">param “phone” is not set"),
        "{html}"
    );
}

#[test]
fn param_values_are_html_escaped() {
    let html = render("---\ntitle: x\nnote: \"<b>bold</b>\"\n---\n\n{{< param note >}}\n");
    assert_eq!(html, "&lt;b&gt;bold&lt;/b&gt;\n");
}

#[test]
fn nested_shortcodes_are_rendered_inside_a_card_body() {
    let html = render("---\ntitle: x\n---\n\n{{< project-card title=\"T\" >}}\n  Mail {{< param email >}}.\n{{< /project-card >}}\n");
    // The address then goes through markdownify, whose linkify makes it a link, as in Hugo.
    assert!(
        html.contains("</header>Mail <a href=\"mailto:me@example.dev\">me@example.dev</a>.</div>"),
        "{html}"
    );
}

#[test]
fn unknown_shortcodes_render_as_visible_labelled_boxes() {
    let html = render(
        "---\ntitle: x\n---\n\n{{< gallery w7Ft2ymGmfc >}}\n\nText {{< icon \"x\" >}} here.\n",
    );
    assert!(html.contains("<div class=\"folio-shortcode\" role=\"note\" data-shortcode=\"gallery\"><span class=\"folio-shortcode-label\">Shortcode <code>{{&lt; gallery w7Ft2ymGmfc &gt;}}</code>"), "{html}");
    assert!(
        html.contains(
            "<p>Text <span class=\"folio-shortcode\" role=\"note\" data-shortcode=\"icon\"><code>"
        ),
        "{html}"
    );
}

#[test]
fn an_unknown_angle_call_shows_its_body_as_written_and_a_percent_call_as_markdown() {
    let html = render(
        "---\ntitle: x\n---\n\n{{< mystery go >}}\nfunc main() {\n    say(\"it's *here*\")\n}\n{{< /mystery >}}\n\n\
         Text {{< tip >}}don't *panic*{{< /tip >}} here.\n\n{{% note %}}\n**bold**\n{{% /note %}}\n",
    );
    assert!(
        html.contains(
            "<pre class=\"folio-shortcode-raw\"><code>func main() {\n    say(&quot;it's *here*&quot;)\n}</code></pre>"
        ),
        "{html}"
    );
    assert!(
        html.contains("<code class=\"folio-shortcode-raw\">don't *panic*</code>"),
        "{html}"
    );
    assert!(html.contains("<p><strong>bold</strong></p>"), "{html}");
}

#[test]
fn check_says_where_the_export_shows_a_link_in_place_of_an_embed() {
    // Review 59a: the preview said so beside the call, `folio check` nothing.
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "baseURL = \"https://e.org/\"\n"),
        (
            "content/about.md",
            "---\ntitle: x\n---\n\nIntro.\n\n{{< youtube w7Ft2ymGmfc >}}\n",
        ),
    ]);
    let found = crate::support::check_lines(&site.path().join("content/about.md"), "about.md");
    assert_eq!(
        found,
        [
            "about.md:7:1: warning: Hugo embeds the YouTube video here from its site; the preview \
          and the export show a link to it (https://www.youtube.com/watch?v=w7Ft2ymGmfc), as \
          Folio makes no network request"
        ]
    );
}

#[test]
fn embeds_are_offline_link_cards_to_the_same_address() {
    let html = render(concat!(
        "---\ntitle: x\n---\n\n{{< youtube w7Ft2ymGmfc >}}\n\n{{< vimeo id=\"146022717\" >}}\n\n",
        "{{< x user=\"SanDiegoZoo\" id=\"1453110110599868418\" >}}\n\n",
        "{{< instagram CxOWiQNP2MO >}}\n\n{{< vimeo_simple 55073825 >}}\n\n",
        "{{< x_simple user=\"a\" id=\"7\" >}}\n"
    ));
    for href in [
        "https://www.youtube.com/watch?v=w7Ft2ymGmfc",
        "https://vimeo.com/146022717",
        "https://x.com/SanDiegoZoo/status/1453110110599868418",
        "https://www.instagram.com/p/CxOWiQNP2MO/",
        "https://vimeo.com/55073825",
        "https://x.com/a/status/7",
    ] {
        assert!(
            html.contains(&format!("<a href=\"{href}\">")),
            "{href} in {html}"
        );
    }
    assert!(
        !html.contains("<iframe") && !html.contains("<script"),
        "{html}"
    );
    assert_eq!(
        html.matches("the preview makes no network request").count(),
        6
    );
}

#[test]
fn comment_escapes_print_the_shortcode_and_the_more_divider_disappears() {
    let html =
        render("---\ntitle: x\n---\n\nUse `{{</* param email */>}}`.\n\n<!--more-->\n\nRest.\n");
    assert_eq!(
        html,
        "<p>Use <code>{{&lt; param email &gt;}}</code>.</p>\n<p>Rest.</p>\n"
    );
}

#[test]
fn an_unknown_icon_is_a_text_chip_and_known_ones_are_svg() {
    let html = render("---\ntitle: x\n---\n\n{{< project-card title=\"T\" tech-icons=\"rust pyhton\" >}}{{< /project-card >}}\n");
    assert!(html.contains("<span class=\"fab fa-xl fa-rust\" role=\"img\" aria-label=\"rust\" title=\"rust\"><svg class=\"fa-svg\" viewBox=\"0 0 512 512\""), "{html}");
    assert!(html.contains("<span class=\"fab fa-xl fa-pyhton folio-unknown-icon\" title=\"Not a Font Awesome brand icon\">pyhton</span>"), "{html}");
}

#[test]
fn text_in_titles_and_words_is_escaped() {
    let html = render("---\ntitle: x\n---\n\n{{< project-card title=\"<script>x</script>\" other-tech=\"<b>\" >}}{{< /project-card >}}\n");
    assert!(
        html.contains("<h3>&lt;script&gt;x&lt;/script&gt;</h3>"),
        "{html}"
    );
    assert!(
        html.contains("<span class=\"other-tech\">&lt;b&gt;</span>"),
        "{html}"
    );
}

#[test]
fn the_preview_has_block_anchors_and_forbids_scripts() {
    let dir = crate::support::sample_site();
    let doc = folio::OpenPage::open(&dir.path().join("content/en/about.md")).unwrap();
    let html = doc.preview_html(None, None);
    assert!(html.contains("content=\"default-src 'none'; script-src 'none';"));
    for k in 0..doc.page.blocks().len() {
        assert!(
            html.contains(&format!("id=\"folio-block-{k}\"")),
            "anchor {k}"
        );
    }
    assert!(html.contains("a{pointer-events:none"), "links are inert");
}

#[test]
fn the_preview_anchors_each_nested_call_inside_its_own_output_and_the_export_has_none() {
    let site = crate::support::site_of(&[
        ("hugo.toml", "title = \"T\"\n"),
        (
            "layouts/shortcodes/grid.html",
            "<div class=\"grid\">{{ .Inner }}</div>\n",
        ),
        (
            "layouts/shortcodes/tile.html",
            "<a class=\"tile\" href=\"{{ .Get \"link\" }}\"><h3>{{ .Get \"name\" }}</h3></a>\n",
        ),
        (
            "content/about.md",
            "---\ntitle: T\n---\n\nIntro.\n\n{{< grid >}}\n  {{< tile name=\"A\" link=\"/a\" >}}\n\n  \
             Between.\n\n  {{< tile name=\"B\" link=\"/b\" >}}\n{{< /grid >}}\n",
        ),
    ]);
    let doc = folio::OpenPage::open(&site.path().join("content/about.md")).unwrap();
    let html = doc.preview_html(None, None);
    // The grid is block 1; its tiles are its blocks 0 and 2, prose between them.
    for (id, name, link) in [("1-0", "A", "/a"), ("1-2", "B", "/b")] {
        let tile = format!(
            "class=\"tile\" href=\"{link}\"><span class=\"folio-anchor folio-nested\" \
             id=\"folio-block-{id}\"></span><h3>{name}</h3></a>"
        );
        assert!(html.contains(&tile), "{tile} in {html}");
    }
    let out = tempfile::tempdir().unwrap();
    folio::export::export(&doc, &out.path().join("site")).unwrap();
    let exported = std::fs::read_to_string(out.path().join("site/index.html")).unwrap();
    assert!(exported.contains("<a class=\"tile\" href=\"/a\"><h3>A</h3></a>"));
    assert!(!exported.contains("folio-nested"));
}

#[test]
fn a_container_shown_as_folios_card_has_each_nested_anchor_once() {
    let site = crate::support::site_of(&[
        ("hugo.toml", "title = \"T\"\n"),
        (
            "layouts/shortcodes/grid.html",
            "<div class=\"grid\">{{ .Inner }}</div>{{ errorf \"no grid today\" }}\n",
        ),
        (
            "layouts/shortcodes/tile.html",
            "<div class=\"tile\">{{ .Get \"name\" }}</div>\n",
        ),
        (
            "content/about.md",
            "---\ntitle: T\n---\n\nIntro.\n\n{{< grid >}}\n{{< tile name=\"A\" >}}\n{{< /grid >}}\n",
        ),
    ]);
    let doc = folio::OpenPage::open(&site.path().join("content/about.md")).unwrap();
    let html = doc.preview_html(None, None);
    assert!(html.contains("no grid today"), "{html}");
    assert_eq!(html.matches("id=\"folio-block-1-0\"").count(), 1, "{html}");
}

#[test]
fn preview_and_export_documents_match_their_snapshots() {
    let dir = crate::support::sample_site();
    let page = dir.path().join("content/en/about.md");
    std::fs::write(
        &page,
        "---\ntitle: Snapshot\n---\n\nHello, I'm *me*. Mail {{< param email >}}.\n\n{{< project-card title=\"One\" tech-icons=\"rust unknownicon\" other-tech=\"Tokio\" repository=\"me/one\" >}}\n  Did **things**:\n\n  - a\n  - b\n{{< /project-card >}}\n",
    )
    .unwrap();
    let doc = folio::OpenPage::open(&page).unwrap();
    let strip = |h: String| h.replace(folio::render::baseof::THEME_CSS, "/* theme */");
    insta::assert_snapshot!("preview_document", strip(doc.preview_html(None, None)));
    let out = dir.path().join("export");
    folio::export::export(&doc, &out).unwrap();
    insta::assert_snapshot!(
        "export_document",
        std::fs::read_to_string(out.join("index.html")).unwrap()
    );
}
