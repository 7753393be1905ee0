//! Markdown rendered as Hugo's Goldmark renders it, one rule per test.

use super::Markdown;
use crate::site::Markup;

fn md(s: &str) -> String {
    Markdown::default().render(s)
}

/// `s` rendered with raw HTML on (`markup.goldmark.renderer.unsafe`).
fn md_unsafe(s: &str) -> String {
    Markdown {
        markup: Markup {
            unsafe_html: true,
            ..Markup::default()
        },
        ..Markdown::default()
    }
    .render(s)
}

#[test]
fn typographer_quotes_dashes_and_ellipsis() {
    assert_eq!(
        md("\"Hi\" -- it's... done --- ok"),
        "<p>&ldquo;Hi&rdquo; &ndash; it&rsquo;s&hellip; done &mdash; ok</p>\n"
    );
}

#[test]
fn double_angles_are_guillemets_read_before_html_and_autolinks_as_in_goldmark() {
    assert_eq!(
        md("a << b >> c, 1 <<< 2 >>> 3"),
        "<p>a &laquo; b &raquo; c, 1 &laquo;&lt; 2 &raquo;&gt; 3</p>\n"
    );
    assert_eq!(
        md("<<quoted>> and <<x>"),
        "<p>&laquo;quoted&raquo; and &laquo;x&gt;</p>\n"
    );
    assert_eq!(
        md("<<https://e.com>>"),
        "<p>&laquo;<a href=\"https://e.com\">https://e.com</a>&raquo;</p>\n"
    );
    assert_eq!(md("`a << b`\n\n    x >> y\n\n>> nested"), "<p><code>a &lt;&lt; b</code></p>\n<pre><code>x &gt;&gt; y\n</code></pre>\n<blockquote>\n<blockquote>\n<p>nested</p>\n</blockquote>\n</blockquote>\n");
}

#[test]
fn raw_html_is_omitted_like_goldmark_by_default() {
    assert_eq!(
        md("<div>x</div>\n<p>y</p>\n"),
        "<!-- raw HTML omitted -->\n"
    );
    assert_eq!(
        md("a <b>b</b> c"),
        "<p>a <!-- raw HTML omitted -->b<!-- raw HTML omitted --> c</p>\n"
    );
}

#[test]
fn dangerous_destinations_are_emptied_unless_raw_html_is_allowed() {
    assert_eq!(
        md("[a](JavaScript:alert(1)) [b](data:text/html,x) [c](file:///etc/passwd)"),
        "<p><a href=\"\">a</a> <a href=\"\">b</a> <a href=\"\">c</a></p>\n"
    );
    assert_eq!(
        md("![p](data:image/png;base64,AA==)"),
        "<p><img src=\"data:image/png;base64,AA==\" alt=\"p\"></p>\n"
    );
    assert_eq!(
        md("[x](https://e.com/a^b)"),
        "<p><a href=\"https://e.com/a%5Eb\">x</a></p>\n"
    );
}

#[test]
fn with_hugos_render_hooks_destinations_are_filtered_and_encoded_as_html_template_does() {
    let hooked = Markdown {
        markup: Markup {
            link_hook: true,
            image_hook: true,
            ..Markup::default()
        },
        ..Markdown::default()
    };
    assert_eq!(
        hooked.render("[a](HTTPS://e.com/a(b)c'd) [b](tel:1) [c](javascript:x) [d](#top) ![i](my pic.png)"),
        "<p><a href=\"https://e.com/a%28b%29c%27d\">a</a> <a href=\"#ZgotmplZ\">b</a> <a href=\"#ZgotmplZ\">c</a> <a href=\"#top\">d</a> ![i](my pic.png)</p>\n"
    );
    assert_eq!(hooked.render("![i](<my pic.png>) https://e.com/x_(y)"), "<p><img src=\"my%20pic.png\" alt=\"i\"> <a href=\"https://e.com/x_%28y%29\">https://e.com/x_(y)</a></p>\n");
}

#[test]
fn html_comments_are_dropped_without_a_marker_as_hugo_does() {
    assert_eq!(
        md("<!-- note\nto self -->\n\ntext <!-- inline --> more"),
        "<p>text  more</p>\n"
    );
}

#[test]
fn links_start_only_at_the_start_of_a_word_and_never_take_a_closing_quote() {
    assert_eq!(
        md("\"https://e.com\" (me@e.com) [www.e.com] x:https://e.com mailto:me@e.com"),
        "<p>&ldquo;<a href=\"https://e.com\">https://e.com</a>&rdquo; (<a href=\"mailto:me@e.com\">me@e.com</a>) [www.e.com] x:https://e.com mailto:me@e.com</p>\n"
    );
}

#[test]
fn each_line_of_a_definition_lists_terms_is_a_term() {
    assert_eq!(
        md("One\nTwo\n: Both"),
        "<dl>\n<dt>One</dt>\n<dt>Two</dt>\n<dd>Both</dd>\n</dl>\n"
    );
}

#[test]
fn a_url_split_by_emphasis_characters_is_linked_whole() {
    assert_eq!(
        md("https://e.com/x_(y)."),
        "<p><a href=\"https://e.com/x_(y)\">https://e.com/x_(y)</a>.</p>\n"
    );
}

#[test]
fn a_repeated_footnote_reference_gets_its_own_id_and_back_link() {
    let html = md("a[^n] b[^n]\n\n[^n]: Note.");
    assert!(
        html.contains("<sup id=\"fnref:1\">") && html.contains("<sup id=\"fnref1:1\">"),
        "{html}"
    );
    assert!(
        html.contains("href=\"#fnref:1\"") && html.contains("href=\"#fnref1:1\""),
        "{html}"
    );
}

#[test]
fn unsafe_html_is_kept_but_sanitised() {
    let html = md_unsafe(
        "<b onclick=\"x()\">b</b> <script>alert(1)</script> <a href=\"javascript:alert(1)\">l</a>",
    );
    assert!(html.contains("<b>b</b>"), "{html}");
    assert!(
        !html.contains("script") && !html.contains("onclick") && !html.contains("javascript"),
        "{html}"
    );
}

#[test]
fn raw_links_keep_their_rel_and_target_as_hugo_writes_them() {
    let html =
        md_unsafe("<a href=\"https://example.org/\" rel=\"me noopener\" target=\"_blank\">x</a>");
    assert!(
        html.contains(
            "<a href=\"https://example.org/\" rel=\"me noopener\" target=\"_blank\">x</a>"
        ),
        "{html}"
    );
}

#[test]
fn bare_urls_and_www_names_become_links_but_not_plain_domains() {
    let html = md("see https://example.dev/x, www.example.org and example.com");
    assert!(
        html.contains("<a href=\"https://example.dev/x\">https://example.dev/x</a>"),
        "{html}"
    );
    assert!(
        html.contains("<a href=\"https://www.example.org\">www.example.org</a>"),
        "{html}"
    );
    assert!(!html.contains("href=\"http://example.com"), "{html}");
}

#[test]
fn headings_get_github_style_ids() {
    assert_eq!(md("## Main challenges!\n## Main challenges!"), "<h2 id=\"main-challenges\">Main challenges!</h2>\n<h2 id=\"main-challenges-1\">Main challenges!</h2>\n");
}

#[test]
fn footnotes_are_written_like_goldmark() {
    let html = md("A[^x] b.\n\n[^x]: Note.");
    assert_eq!(
        html,
        "<p>A<sup id=\"fnref:1\"><a href=\"#fn:1\" class=\"footnote-ref\" role=\"doc-noteref\">1</a></sup> b.</p>\n\
         <div class=\"footnotes\" role=\"doc-endnotes\">\n<hr>\n<ol>\n<li id=\"fn:1\">\n\
         <p>Note.&#160;<a href=\"#fnref:1\" class=\"footnote-backref\" role=\"doc-backlink\">&#x21a9;&#xfe0e;</a></p>\n</li>\n</ol>\n</div>\n"
    );
}

#[test]
fn markdownify_drops_the_paragraph_of_a_single_paragraph() {
    let m = Markdown::default();
    assert_eq!(m.markdownify("**x**"), "<strong>x</strong>");
    assert_eq!(m.markdownify("a\n\nb"), "<p>a</p>\n<p>b</p>\n");
}

#[test]
fn a_heading_of_deeply_nested_emphasis_gets_an_id_without_running_out_of_stack() {
    let text = format!("# {}a{}", "*".repeat(50_000), "*".repeat(50_000));
    let html = md(&text);
    assert!(
        html.starts_with("<h1 id="),
        "{}",
        html.get(..80).unwrap_or_default()
    );
}

#[test]
fn escaped_angle_brackets_and_entities_are_never_guillemets() {
    let html = md("a \\>> b \\<< c &gt;> d &lt;< e >> f");
    assert!(
        html.contains("a &gt;&gt; b &lt;&lt; c &gt;&gt; d &lt;&lt; e &raquo; f"),
        "{html}"
    );
}

#[test]
fn a_fence_closes_only_on_a_run_of_its_character_at_least_as_long() {
    let mut fences = super::Fences::default();
    let fenced: Vec<bool> = ["a", "````", "```", "~~~", "````", "b", "    ```", "c"]
        .iter()
        .map(|l| fences.line(l))
        .collect();
    assert_eq!(fenced, [false, true, true, true, true, false, false, false]);
}

#[test]
fn each_substitution_and_link_alone_is_finished() {
    // One text per trigger of `needs_finishing`: none may be skipped.
    for (text, html) in [
        ("a -- b", "<p>a &ndash; b</p>\n"),
        ("a... b", "<p>a&hellip; b</p>\n"),
        ("it's", "<p>it&rsquo;s</p>\n"),
        ("\"q\"", "<p>&ldquo;q&rdquo;</p>\n"),
        ("<<q>>", "<p>&laquo;q&raquo;</p>\n"),
        ("q >> r", "<p>q &raquo; r</p>\n"),
        (
            "see www.e.com",
            "<p>see <a href=\"https://www.e.com\">www.e.com</a></p>\n",
        ),
        (
            "see https://e.com",
            "<p>see <a href=\"https://e.com\">https://e.com</a></p>\n",
        ),
        (
            "me@e.com",
            "<p><a href=\"mailto:me@e.com\">me@e.com</a></p>\n",
        ),
    ] {
        assert_eq!(md(text), html, "{text}");
    }
}

#[test]
fn with_enable_emoji_codes_in_the_text_are_emoji_but_not_in_code_or_an_images_alt() {
    // Hugo 0.168 with `enableEmoji = true` writes the same, as entities (`&#x1f389;`).
    let emoji = Markdown {
        markup: Markup {
            emoji: true,
            ..Markup::default()
        },
        ..Markdown::default()
    };
    assert_eq!(
        emoji.render("Party :tada: and `code :tada:` and :nope: and a:tada:b and **:smile:** :+1:"),
        "<p>Party &#x1f389; and <code>code :tada:</code> and :nope: and a&#x1f389;b and <strong>&#x1f604;</strong> &#x1f44d;</p>\n"
    );
    assert_eq!(
        emoji.render("    :tada: block\n\n[link :tada:](http://x) ![img :tada:](/a.png)"),
        "<pre><code>:tada: block\n</code></pre>\n<p><a href=\"http://x\">link &#x1f389;</a> <img src=\"/a.png\" alt=\"img \"></p>\n"
    );
    assert_eq!(
        emoji.render("# Heading :smile:\n\n```\n:smile: in code\n```\n\nhttps://e.com/:smile:/x"),
        "<h1 id=\"heading-smile\">Heading &#x1f604;</h1>\n<pre tabindex=\"0\"><code>:smile: in code\n</code></pre>\n<p><a href=\"https://e.com/:smile:/x\">https://e.com/:smile:/x</a></p>\n"
    );
    assert_eq!(md(":tada:"), "<p>:tada:</p>\n", "off by default");
}

#[test]
fn with_enable_emoji_codes_after_a_raw_pre_block_are_emoji_again() {
    // Review 61b: a raw `<pre>x</pre>` left the codes after it as written, to the page's end.
    let emoji = Markdown {
        markup: Markup {
            emoji: true,
            unsafe_html: true,
            ..Markup::default()
        },
        ..Markdown::default()
    };
    // Hugo 0.168 writes the same, the emoji as entities.
    assert_eq!(
        emoji.render("<pre>x</pre>\n\n:warning: after\n\n<pre>\n:tada:\n</pre>\n\n:tada: two\n"),
        "<pre>x</pre>\n<p>&#x26a0;&#xfe0f; after</p>\n<pre>\n:tada:\n</pre>\n<p>&#x1f389; two</p>\n"
    );
}

#[test]
fn a_page_that_writes_folios_block_marks_itself_gets_no_block_put_in_an_attribute() {
    // A highlighted block is kept out of the sanitiser's way by a mark; a page writing
    // such a mark as an entity must not get the block's HTML (and the attributes its
    // fence gives it) pasted into one of its own attributes.
    let fence = "```go {class=\"x onerror=alert(1) y\"}\npackage main\n```\n\n";
    for page in [
        format!("{fence}<img src=\"a.png\" alt=\"&#xE000;0&#xE001;\">"),
        format!("{fence}![p](a.png \"&#57344;0&#57345;\")"),
        format!("{fence}[l](https://a.org/ \"&#xe000;0&#xe001;\")"),
    ] {
        for html in [md_unsafe(&page), md(&page)] {
            let tags: Vec<&str> = html
                .split('<')
                .filter(|t| t.starts_with("img") || t.starts_with("a "))
                .collect();
            for tag in tags {
                assert!(
                    !tag.contains("onerror") && !tag.contains("highlight"),
                    "{tag}\n{html}"
                );
            }
            assert_eq!(html.matches("package").count(), 1, "{html}");
        }
    }
}

#[test]
fn a_data_url_that_opens_a_document_is_dropped_however_it_is_written() {
    for attack in [
        "<iframe src=\"da\tta:text/html,&lt;script&gt;alert(1)&lt;/script&gt;\"></iframe>",
        "<iframe src=\"&#x01;data:text/html,x\"></iframe>",
        "<a href=\"d\nata:text/html,x\">l</a>",
        "<a href=\" DATA:text/html,x\">l</a>",
        "<form action=\"data:text/html,x\"><button formaction=\"DATA:text/html,y\">b</button></form>",
    ] {
        let html = md_unsafe(attack);
        assert!(
            !html
                .to_lowercase()
                .replace(['\t', '\n'], "")
                .contains("ata:"),
            "{attack}: {html}"
        );
    }
    // As an image, or as text, it stays.
    for kept in [
        "<img src=\"data:image/png;base64,AA==\" alt=\"Data: sales 2024\" title=\"data:x\">",
        "<video poster=\"data:image/png;base64,AA==\"></video>",
        "<svg><image href=\"data:image/png;base64,AA==\"></image></svg>",
    ] {
        let html = md_unsafe(kept);
        assert!(html.contains(kept), "{kept}: {html}");
    }
}

#[test]
fn script_urls_are_dropped_from_every_attribute_that_holds_a_url_and_rel_opener_from_links() {
    let html = md_unsafe(
        "<table background=\"javascript:alert(1)\"><tr><td>x</td></tr></table>\
         <blockquote cite=\" javascript:alert(2)\">q</blockquote>\
         <img srcset=\"javascript:alert(3) 1x\" src=\"a.png\" alt=\"\">\
         <div itemscope itemtype=\"vbscript:x\" itemid=\"javascript:y\">i</div>\
         <a href=\"https://e.org/\" rel=\"opener noreferrer\" target=\"_blank\">e</a>",
    );
    assert!(!html.contains("script:"), "{html}");
    assert!(html.contains("rel=\"noreferrer\""), "{html}");
}

#[test]
fn passthrough_text_makes_no_element_however_it_is_written() {
    let markdown = Markdown {
        markup: Markup {
            passthrough: Some(
                super::passthrough::Passthrough {
                    block: vec![("$$".into(), "$$".into())],
                    inline: vec![("$".into(), "$".into())],
                }
                .interned(),
            ),
            ..Markup::default()
        },
        ..Markdown::default()
    };
    let html = markdown.render(
        "a $<script>alert(1)</script>$ b $x < y$\n\n$$\n<img src=x onerror=alert(2)>\n$$\n\n\
         ![x $a\" onerror=\"alert(3)$](p.png)\n",
    );
    assert!(
        !html.contains("<script") && !html.contains("<img src=x"),
        "{html}"
    );
    assert!(
        !html.contains("\" onerror"),
        "nothing leaves an attribute: {html}"
    );
    assert!(html.contains("$x &lt; y$"), "{html}");
}

#[test]
fn raw_html_hugo_writes_as_it_is_stays_as_written_custom_elements_and_attributes_included() {
    for kept in [
        "<lite-youtube videoid=\"x\"></lite-youtube>",
        "<div x-data=\"{ open: false }\" @click=\"open = true\" :class=\"c\" hx-get=\"/a\" property=\"name\">a</div>",
        "<noscript><img src=\"/pixel.gif\"></noscript>",
        "<math><mi>x</mi></math>",
        "<template><p>t</p></template>",
    ] {
        let html = md_unsafe(kept);
        assert!(html.contains(kept), "{kept}: {html}");
    }
}

#[test]
fn raw_html_is_not_balanced_so_an_element_a_shortcode_opens_the_markdown_may_close() {
    let html = md_unsafe("Inside.\n\n</div>\n\nAfter.");
    assert!(
        html.contains("<p>Inside.</p>\n</div>\n<p>After.</p>"),
        "{html}"
    );
}

#[test]
fn a_script_inside_svg_and_an_animation_to_a_script_url_are_dropped() {
    let html = md_unsafe(
        "<svg><script>alert(1)</script><a><animate attributeName=\"href\" values=\"x;JavaScript:alert(2)\"/><text>t</text></a></svg>\
         <iframe srcdoc=\"&lt;script&gt;alert(3)&lt;/script&gt;\"></iframe>\
         <a href=\"&#106;avascript:alert(4)\">e</a>",
    );
    assert!(!html.to_lowercase().contains("alert"), "{html}");
    assert!(html.contains("<text>t</text>"), "{html}");
}

#[test]
fn a_script_url_written_with_references_that_lack_their_semicolon_is_dropped() {
    for attack in [
        "<a href=\"&#106avascript:alert(1)\">a</a>",
        "<a href=\"&#x6A\tavascript:alert(2)\">a</a>",
        "<a href=\"javascript&#58alert(3)\">a</a>",
        "<form action=\"javascript&#58alert(4)\"></form>",
        "<iframe src=\"&#100ata:text/html,x\"></iframe>",
    ] {
        let html = md_unsafe(attack);
        assert!(
            !html.contains("href=") && !html.contains("action=") && !html.contains("src="),
            "{attack}: {html}"
        );
    }
}

#[test]
fn html_a_browser_parses_otherwise_than_the_rewriter_reads_it_is_shown_as_text() {
    for attack in [
        "<svg/><![CDATA[><img src=x onerror=alert(1)>]]>",
        "<math/><![CDATA[><img src=x onerror=alert(2)>]]>",
        "<svg><desc><div></desc><![CDATA[><img src=x onerror=alert(3)>]]>",
        "<svg/><style><img title=\"</style><img src=x onerror=alert(4)>\"></style>",
    ] {
        let html = md_unsafe(attack);
        assert!(!html.contains("<img"), "{attack}: {html}");
    }
}

#[test]
fn an_object_an_embed_and_a_base_are_dropped_whole() {
    let html = md_unsafe(
        "<base href=\"https://evil.example/\"><object data=\"x.html\"></object><embed src=\"x.swf\"> kept",
    );
    assert!(
        !html.contains("<base") && !html.contains("<object") && !html.contains("<embed"),
        "{html}"
    );
    assert!(html.contains("kept"), "{html}");
}
