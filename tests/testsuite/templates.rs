//! The site's own templates, rendered by Folio as real Hugo renders them: a fixture site
//! (`tests/fixtures/templates/site`) whose shortcodes cover each context field, each
//! function family, partials (with `return` and `partialCached`), site data, i18n, a
//! theme and a site override of it, nesting with `.Inner` and `.Parent`, `{{% %}}`
//! notation, `define`/`template`, and html/template's escaping by context. Each case
//! sits in its own `<div class="case">`; its HTML from Hugo and from Folio's export are
//! compared after whitespace between tags is dropped and runs of whitespace made one.

use std::collections::BTreeMap;
use std::path::Path;

use scraper::{Html, Selector};

use crate::support::{copy_dir, hugo_build, root, without_token_spans};

/// `case id -> normalised inner HTML` of a rendered page.
fn cases(html: &str) -> BTreeMap<String, String> {
    let doc = Html::parse_document(html);
    let sel = Selector::parse("div.case").expect("valid selector");
    doc.select(&sel)
        .map(|el| {
            let id = el.value().attr("id").unwrap_or_default().to_string();
            (id, normalise(&el.inner_html()))
        })
        .collect()
}

/// Whitespace that HTML does not show: between tags dropped, elsewhere one space.
fn normalise(html: &str) -> String {
    let collapsed = html.split_whitespace().collect::<Vec<_>>().join(" ");
    collapsed
        .replace("> <", "><")
        .replace(" <", "<")
        .replace("> ", ">")
}

/// The text of each `<p>…</p>` in `html`, in order.
fn paragraphs(html: &str) -> Vec<String> {
    html.split("<p>")
        .skip(1)
        .map(|p| p.split("</p>").next().unwrap_or_default().to_string())
        .collect()
}

/// [`paragraphs`], each [`normalise`]d.
fn normalised_paragraphs(html: &str) -> Vec<String> {
    paragraphs(html).iter().map(|p| normalise(p)).collect()
}

fn fixture_site() -> tempfile::TempDir {
    fixture("site")
}

fn fixture(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(
        &root().join("tests/fixtures/templates").join(name),
        dir.path(),
    );
    dir
}

/// The page rendered as the export renders it, with resources at the URLs Hugo
/// publishes them at (the export itself points them at its copies).
fn folio_render(page: &Path) -> String {
    let doc = folio::OpenPage::open(page).unwrap();
    doc.render().html.to_string()
}

/// Hugo's build of the site at `site` (`what` names it if it fails) and Folio's render
/// of its page `page` (`content/about.md`): (Hugo's `public/about/index.html`, Folio's
/// content).
fn hugo_and_folio(site: &Path, what: &str, page: &str) -> (String, String) {
    hugo_build(site, what);
    let hugo = std::fs::read_to_string(site.join("public/about/index.html")).unwrap();
    (hugo, folio_render(&site.join(page)))
}

/// Hugo's build and Folio's render of a site of `config` (its `hugo.toml`), the shortcode
/// `f` of `template` and `content/about.md` of `page`: (Hugo's, Folio's), as
/// [`hugo_and_folio`].
fn shortcode_f(config: &str, template: &str, page: &str) -> (String, String) {
    let site = crate::support::hugo_site(&[
        ("hugo.toml", config),
        ("layouts/shortcodes/f.html", template),
        ("content/about.md", page),
    ]);
    hugo_and_folio(site.path(), "the shortcode f", "content/about.md")
}

fn folio_export(site: &Path) -> String {
    let doc = folio::OpenPage::open(&site.join("content/page.md")).unwrap();
    let out = site.join("folio-out");
    folio::export::export(&doc, &out).unwrap();
    std::fs::read_to_string(out.join("index.html")).unwrap()
}

/// A fixture site (`tests/fixtures/templates/NAME`), a setting put first in its config,
/// and its pages with where Hugo publishes them.
type FixtureBuild = (
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str)],
);

/// The fixture sites the parity test builds: one page is read under each `titleCaseStyle`.
const FIXTURE_BUILDS: &[FixtureBuild] = &[
    (
        "site",
        "",
        &[
            ("page.md", "page"),
            ("bundle/index.md", "bundle"),
            ("gallery/index.md", "gallery"),
            ("many/index.md", "many"),
            ("params.md", "params"),
        ],
    ),
    (
        "multilingual",
        "",
        &[
            ("page.md", "page"),
            ("page.fr.md", "fr/page"),
            ("page.fr-ca.md", "fr-ca/page"),
            ("bundle/index.md", "bundle"),
            ("bundle/index.fr.md", "fr/bundle"),
            ("solo.md", "solo"),
            ("blog/sub/x.md", "blog/sub/x"),
            ("blog/sub/x.fr.md", "fr/blog/sub/x"),
        ],
    ),
    (
        "zoned",
        "",
        &[("p.en.md", "p"), ("t.en.md", "t"), ("p.fr.md", "fr/p")],
    ),
    (
        "tree",
        "",
        &[
            ("docs/install.md", "docs/install"),
            ("blog/2024/post.md", "blog/2024/post"),
            ("blog/sub/p.md", "blog/sub/p"),
            ("p.md", "p"),
            ("bundle/index.md", "bundle"),
            ("docs/guide/bund/index.md", "docs/guide/bund"),
            ("docs/guide/g.md", "docs/guide/g"),
            ("blog/_index.md", "blog"),
            ("blog/sub/_index.md", "blog/sub"),
            ("docs/guide/_index.md", "docs/guide"),
            ("_index.md", ""),
            ("post/p.md", "post/p"),
            ("child/c.md", "child/c"),
        ],
    ),
    ("titles", "", &[("page.md", "page")]),
    (
        "titles",
        "titleCaseStyle = \"Chicago\"",
        &[("page.md", "page")],
    ),
    ("titles", "titleCaseStyle = \"go\"", &[("page.md", "page")]),
    (
        "titles",
        "titleCaseStyle = \"firstupper\"",
        &[("page.md", "page")],
    ),
    (
        "titles",
        "titlecasestyle = \"none\"",
        &[("page.md", "page")],
    ),
    (
        "locales",
        "",
        &[
            ("p.en.md", "p"),
            ("p.fr.md", "fr/p"),
            ("p.de.md", "de/p"),
            ("p.es.md", "es/p"),
            ("p.pt-br.md", "pt-br/p"),
            ("p.it.md", "it/p"),
            ("p.nl.md", "nl/p"),
            ("p.gb.md", "gb/p"),
            ("p.ch.md", "ch/p"),
        ],
    ),
];

/// Cases by name, with their HTML.
type Cases = Vec<(String, String)>;

/// The cases of a fixture build's pages as Hugo and as Folio render them, each named by
/// its site and setting too (one page is read under several settings).
fn built_cases(&(name, setting, pages): &FixtureBuild) -> (Cases, Cases) {
    let site = fixture(name);
    let config = site.path().join("hugo.toml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, format!("{setting}\n{text}")).unwrap();
    hugo_build(site.path(), name);
    // Named by the page too: two pages may hold a case of the same id.
    let named = |found: BTreeMap<String, String>, public: &str| {
        found
            .into_iter()
            .map(|(id, html)| (format!("{name} {setting} {public} {id}"), html))
            .collect::<Vec<_>>()
    };
    let (mut hugo, mut folio) = (Vec::new(), Vec::new());
    for (page, public) in pages {
        let by_hugo = cases(&hugo_page(site.path(), public));
        assert!(!by_hugo.is_empty(), "{name} {page} has cases");
        hugo.extend(named(by_hugo, public));
        folio.extend(named(
            cases(&folio_render(&site.path().join("content").join(page))),
            public,
        ));
    }
    (hugo, folio)
}

#[test]
fn every_shortcode_of_the_fixture_site_renders_as_hugo_renders_it() {
    let mut hugo = BTreeMap::new();
    let mut folio = BTreeMap::new();
    for build in FIXTURE_BUILDS {
        let (by_hugo, by_folio) = built_cases(build);
        hugo.extend(by_hugo);
        folio.extend(by_folio);
    }
    assert!(
        hugo.len() >= 30,
        "the fixture pages have their cases: {hugo:?}"
    );
    let mut differ = Vec::new();
    for (id, want) in &hugo {
        let got = folio.get(id).map(String::as_str).unwrap_or("(missing)");
        if got != want {
            differ.push(format!("{id}:\n  hugo:  {want}\n  folio: {got}"));
        }
    }
    assert!(
        differ.is_empty(),
        "{} of {} cases differ:\n{}",
        differ.len(),
        hugo.len(),
        differ.join("\n")
    );
}

/// A one-page site whose `layouts/shortcodes/` holds `templates` (name, text), and whose
/// page is `body`.
fn site_with(templates: &[(&str, &str)], body: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::write(p.join("hugo.toml"), "title = \"T\"\n").unwrap();
    std::fs::create_dir_all(p.join("layouts/shortcodes")).unwrap();
    std::fs::create_dir_all(p.join("layouts/_default")).unwrap();
    std::fs::write(p.join("layouts/_default/single.html"), "{{ .Content }}").unwrap();
    std::fs::create_dir_all(p.join("content")).unwrap();
    for (name, text) in templates {
        std::fs::write(p.join(format!("layouts/shortcodes/{name}.html")), text).unwrap();
    }
    std::fs::write(
        p.join("content/page.md"),
        format!("---\ntitle: P\n---\n\n{body}\n"),
    )
    .unwrap();
    dir
}

fn preview(site: &Path) -> String {
    let doc = folio::OpenPage::open(&site.join("content/page.md")).unwrap();
    doc.preview_window(None, None, None, None)
}

#[test]
fn a_template_that_needs_the_network_shows_folios_card_and_says_which_function_and_where() {
    let site = site_with(
        &[(
            "remote",
            "<div class=\"remote\">\n{{ with resources.GetRemote (.Get \"url\") }}{{ .Content }}{{ end }}\n</div>",
        )],
        "{{< remote url=\"https://example.org/x.json\" >}}",
    );
    let html = preview(site.path());
    assert!(
        html.contains(
            "layouts/shortcodes/remote.html:2:9: Folio cannot run `resources.GetRemote`: it fetches a file from the network"
        ),
        "{html}"
    );
    assert!(
        html.contains("<dd>https://example.org/x.json</dd>"),
        "the card shows the call's parameters"
    );
    let exported = folio_export(site.path());
    assert!(
        exported.contains("class=\"folio-card\""),
        "the export shows the card too"
    );
    assert!(
        !exported.contains("class=\"folio-template-note\""),
        "the note is the editor's, not the site's"
    );
}

#[test]
fn a_template_that_lists_the_sites_other_pages_shows_folios_card_and_says_so() {
    let site = site_with(
        &[
            (
                "recent",
                "<ul>\n{{ range first 3 site.RegularPages }}<li>{{ .Title }}</li>{{ end }}</ul>",
            ),
            ("menu", "{{ range .Site.Menus.main }}{{ .Name }}{{ end }}"),
            (
                "next",
                "{{ with $.Page.NextInSection }}<a href=\"{{ .RelPermalink }}\">Next</a>{{ end }}",
            ),
            // What Folio knows renders as in Hugo: a card's own fields and maps of the
            // same names, a regular page's (empty) lists, a branch not taken.
            (
                "own",
                "{{ .Get \"Pages\" }}{{ .Page.Params.Pages }}{{ .Page.Title }}\
                 {{ $m := dict \"Site\" (dict \"Pages\" \"x\") \"Page\" (dict \"Next\" \"n\") }}\
                 {{ $m.Site.Pages }}-{{ $m.Page.Next }}\
                 [{{ range .Page.Pages }}p{{ end }}{{ len .Page.RegularPages }}]\
                 {{ if .Page.IsSection }}{{ range .Page.Sections }}s{{ end }}{{ range site.Menus.main }}m{{ end }}{{ end }}",
            ),
        ],
        "{{< recent >}}\n\n{{< menu >}}\n\n{{< next >}}\n\n{{< own Pages=\"2\" >}}",
    );
    assert!(preview(site.path()).contains("2Px-n[0]"));
    let html = preview(site.path());
    for note in [
        "layouts/shortcodes/recent.html:2:18: Folio cannot run `.RegularPages`: it lists the site's other pages",
        "layouts/shortcodes/menu.html:1:15: Folio cannot run `.Menus`: it reads the site's menus",
        "layouts/shortcodes/next.html:1:10: Folio cannot run `.NextInSection`: it reads the site's other pages",
    ] {
        assert!(html.contains(note), "{note}\n{html}");
    }
    assert_eq!(html.matches("Folio cannot run `").count(), 3, "{html}");
}

/// Templates naming what Hugo's objects do not have, where Folio places the error (Hugo's
/// column plus one), and Hugo's message. A term's fields are placed where the chain after
/// the term starts (`.Titel` in `.Page.Titel`), as Go places them.
const UNKNOWN_NAMES: &[(&str, &str, &str)] = &[
    // A lowercase field of a language or a page's file, structs in Hugo.
    (
        "{{ with .Page.File }}{{ .path }}{{ end }}",
        "1:25",
        "can't evaluate field path in type *source.File",
    ),
    (
        "{{ site.Language.lang }}",
        "1:4",
        "can't evaluate field lang in type *langs.Language",
    ),
    // A method's receiver fails where the method is (zen's `audio` caption).
    (
        "{{ with \"s\" }}{{ . | .Page.RenderString }}{{ end }}",
        "1:27",
        "can't evaluate field Page in type string",
    ),
    (
        "{{ with \"s\" }}{{ .Page.RenderString . }}{{ end }}",
        "1:23",
        "can't evaluate field Page in type string",
    ),
    (
        "<p>\n{{ .Page.Titel }}</p>",
        "2:9",
        "can't evaluate field Titel in type page.Page",
    ),
    (
        "{{ if .Site.IsServer }}dev{{ end }}",
        "1:12",
        "can't evaluate field IsServer in type page.Site",
    ),
    (
        "{{ with .Page }}{{ .Summery }}{{ end }}",
        "1:20",
        "can't evaluate field Summery in type page.Page",
    ),
    (
        "{{ $p := .Page }}{{ $p.Site.Author }}",
        "1:23",
        "can't evaluate field Author in type page.Site",
    ),
    (
        "{{ $.icon }}",
        "1:5",
        "can't evaluate field icon in type *hugolib.ShortcodeWithPage",
    ),
    // A list of the template's own has none of `page.Pages`' methods (Hugo names
    // its type `[]interface {}`, Folio `list`).
    (
        "{{ $l := slice 1 }}{{ $l.Len }}",
        "1:25",
        "can't evaluate field Len in type ",
    ),
    // Hugo names the type `*page.siteWrapper` here, Folio `page.Site`.
    (
        "{{ site.IsServer }}",
        "1:4",
        "can't evaluate field IsServer in type ",
    ),
    (
        "<b>{{ .Titel }}</b>",
        "1:7",
        "can't evaluate field Titel in type *hugolib.ShortcodeWithPage",
    ),
    // A lowercase name too, which a map would have had.
    (
        "{{ if .icon }}<i></i>{{ end }}",
        "1:7",
        "can't evaluate field icon in type *hugolib.ShortcodeWithPage",
    ),
    (
        "{{ with .Page }}{{ .summary }}{{ end }}",
        "1:20",
        "can't evaluate field summary in type page.Page",
    ),
    // Hunt AK, 2: the page's methods, which the shortcode context does not have.
    (
        "<a style=\"color: {{ .Param \"accent\" }}\">x</a>",
        "1:21",
        "can't evaluate field Param in type *hugolib.ShortcodeWithPage",
    ),
    (
        "{{ with .GetPage \"/\" }}{{ .Title }}{{ end }}",
        "1:9",
        "can't evaluate field GetPage in type *hugolib.ShortcodeWithPage",
    ),
    (
        "{{ range .Resources }}{{ .Name }}{{ end }}",
        "1:10",
        "can't evaluate field Resources in type *hugolib.ShortcodeWithPage",
    ),
    // Review 48c, 1: a call without named parameters has a list of them (Docsy's
    // `conditional-text` called with none).
    (
        "{{ if isset .Params \"x\" }}y{{ end }}",
        "1:7",
        "isset unable to use key of type string as index",
    ),
];

#[test]
fn index_with_a_key_of_the_wrong_type_stops_as_in_hugo() {
    // fuji's `img-nz`: `index .Params 0` where the call names its parameters.
    for (template, message) in [
        (
            "<p>[{{ index .Params 0 }}]</p>",
            "value has type int; should be string",
        ),
        (
            "<p>[{{ index (dict \"1\" \"x\") 1 }}]</p>",
            "value has type int; should be string",
        ),
        (
            "<p>[{{ index (slice \"a\" \"b\") \"1\" }}]</p>",
            "cannot index slice/array with type string",
        ),
        // The review of d1badea: nil was read as 0.
        (
            "<p>[{{ index \"abc\" nil }}]</p>",
            "cannot index slice/array with nil",
        ),
        (
            "<p>[{{ index (slice \"a\" \"b\") nil }}]</p>",
            "cannot index slice/array with nil",
        ),
    ] {
        let site = site_with(&[("f", template)], "{{< f x=\"1\" >}}");
        let hugo = crate::support::hugo_run(site.path(), &[]).unwrap_err();
        assert!(
            hugo.contains("_shortcodes/f.html:1:7:") && hugo.contains(message),
            "{hugo}"
        );
        let found = checked(&site.path().join("content/page.md"));
        assert!(
            found
                .iter()
                .any(|f| f.contains("f.html:1:8: index: index of type ")
                    && f.ends_with(&format!("failed: {message}"))),
            "{template}: {found:?}"
        );
    }
}

#[test]
fn an_icon_in_a_percent_calls_output_that_markdown_makes_code_is_shown_as_written() {
    // hugo-scroll's `contact_list` (hunt AD, 4): the output is indented four spaces, a code
    // block to Goldmark; Folio drew the icon's SVG into the code's text.
    let (hugo, folio) = shortcode_f(
        "title = \"T\"\n",
        "    <p><i class=\"fa fa-phone\"></i> phone</p>\n",
        "---\ntitle: About\n---\n\n{{% f %}}\n",
    );
    let code = |html: &str| {
        let start = html.find("<pre><code>").expect("a code block");
        let end = html[start..].find("</code>").unwrap() + start;
        html[start..end].replace("&quot;", "\"")
    };
    assert_eq!(code(&folio), code(&hugo));
    assert!(!code(&folio).contains("svg"), "{folio}");
    // A legacy template's `{{% %}}` output is kept out of the Markdown: its icons are
    // drawn with the call's (the review of 1202b55).
    let (hugo, folio) = shortcode_f(
        "title = \"T\"\n",
        "{{ $_hugo_config := `{ \"version\": 1 }` }}<i class=\"fab fa-github\"></i>",
        "---\ntitle: About\n---\n\n{{% f %}}\n",
    );
    assert!(hugo.contains("<i class=\"fab fa-github\"></i>"), "{hugo}");
    assert!(
        folio.contains("fa-github") && folio.contains("<svg"),
        "{folio}"
    );
}

#[test]
fn check_says_when_a_percent_calls_indented_output_is_shown_as_code() {
    // Tranquilpeak's `blockquote`, hugo-scroll's `contact_list` (hunt AD, 5).
    let alone = "Text.\n\n{{% f %}}\n";
    let four = "    four spaces\n";
    for (template, body, code) in [
        ("\n    <p>x</p>\n\n    <p>y</p>\n", alone, true),
        ("<p>\n    x\n</p>\n", alone, false),
        ("<pre>\n    x\n</pre>\n", alone, false),
        (four, alone, true),
        // Where the output goes on the text before it (the review of 1202b55).
        (four, "Para line\n{{% f %}}\n", false),
        (four, "- item\n  {{% f %}}\n", false),
        (four, "> quote\n> {{% f %}}\n", false),
        (four, "Text {{% f %}} after\n", false),
        // Lines after the output's own blank line are a block of their own, wherever the
        // call is; and no paragraph goes on from a heading (the review of 6f2cbcd).
        ("Text\n\n    indented line\n", "Para.\n{{% f %}}\n", true),
        ("Text\n\n    indented line\n", "- item\n  {{% f %}}\n", true),
        (four, "# Head\n{{% f %}}\n", true),
    ] {
        let site = site_with(&[("f", template)], body);
        crate::support::hugo_run(site.path(), &[]).unwrap();
        let hugo = std::fs::read_to_string(site.path().join("public/page/index.html")).unwrap();
        assert_eq!(
            hugo.contains("<pre><code>"),
            code,
            "{template:?}: Hugo's {hugo}"
        );
        let found = checked(&site.path().join("content/page.md"));
        assert_eq!(
            found.iter().any(|f| f.contains("output as code")),
            code,
            "{template:?} {body:?}: {found:?}"
        );
    }
}

#[test]
fn a_percent_call_whose_indented_body_is_shown_as_code_is_told_to_unindent_the_body() {
    // Hunt AK, 5: the template has no indented line; the message said to unindent it.
    let site = site_with(
        &[("note", "<aside>\n\n{{ .Inner }}\n\n</aside>\n")],
        "Text.\n\n{{% note %}}\n    An indented body.\n{{% /note %}}\n",
    );
    crate::support::hugo_run(site.path(), &[]).unwrap();
    let hugo = std::fs::read_to_string(site.path().join("public/page/index.html")).unwrap();
    assert!(hugo.contains("<pre><code>An indented body."), "{hugo}");
    let found = checked(&site.path().join("content/page.md"));
    assert!(
        found
            .iter()
            .any(|f| f.contains("its body is indented 4 spaces or more")
                && f.contains("unindent the body")),
        "{found:?}"
    );
}

#[test]
fn check_says_where_hugo_omits_raw_html_of_the_pages_prose_as_hugo_warns() {
    // paige's examples, `<kbd>` in prose (hunt AD, 6): Hugo warns, Folio said nothing.
    for (config, prose, warned) in [
        ("", "Press <kbd>x</kbd> now.", true),
        ("", "Text <!-- a comment --> more.", false),
        ("", "Code `<kbd>` only.", false),
        // Calls in the prose are not its raw HTML (the review of 8f10734); a processing
        // instruction is.
        ("", "Mail me at {{<param title>}}.", false),
        ("", "Text <?php x ?> here.", true),
        (
            "ignoreLogs = ['warning-goldmark-raw-html']\n",
            "Press <kbd>x</kbd> now.",
            false,
        ),
        (
            "[markup.goldmark.renderer]\nunsafe = true\n",
            "Press <kbd>x</kbd> now.",
            false,
        ),
    ] {
        let site = site_with(
            &[("f", "<div>{{ .Inner | markdownify }}</div>")],
            &format!("Intro.\n\n{prose}\n\n{{{{< f >}}}}{prose}{{{{< /f >}}}}\n"),
        );
        add_to_config(site.path(), config);
        let (_, log) = hugo_log(site.path());
        assert_eq!(
            log.contains("Raw HTML omitted"),
            warned,
            "{prose}: Hugo said {log}"
        );
        let found = checked(&site.path().join("content/page.md"));
        let said = found
            .iter()
            .filter(|f| f.contains("omits this raw HTML"))
            .collect::<Vec<_>>();
        assert_eq!(!said.is_empty(), warned, "{config}{prose}: {found:?}");
        // The same in a body its template renders as Markdown, said beside the call,
        // and silenced with Hugo's own warning by `ignoreLogs`.
        let body = found
            .iter()
            .any(|f| f.contains("omits the raw HTML in this body"));
        let tag = (prose.contains("<kbd>") || prose.contains("<?"))
            && !prose.contains('`')
            && !config.contains("unsafe")
            && !config.contains("ignoreLogs");
        assert_eq!(body, tag, "{config}{prose}: {found:?}");
        if warned {
            assert!(said[0].contains("page.md:"), "{said:?}");
        }
    }
}

/// The page Hugo built at `public` (`blog/post`: `public/blog/post/index.html`) of the site
/// at `site`.
fn hugo_page(site: &Path, public: &str) -> String {
    std::fs::read_to_string(site.join("public").join(public).join("index.html")).unwrap()
}

/// Hugo's build of the site at `site` with its warnings: (whether it built, what it said).
fn hugo_log(site: &Path) -> (bool, String) {
    let out = std::process::Command::new(crate::support::hugo_bin())
        .arg("--source")
        .arg(site)
        .output()
        .unwrap();
    let log =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (out.status.success(), log)
}

/// Appends `text` to the `hugo.toml` of the site at `site`.
fn add_to_config(site: &Path, text: &str) {
    let hugo_toml = site.join("hugo.toml");
    let before = std::fs::read_to_string(&hugo_toml).unwrap();
    std::fs::write(&hugo_toml, format!("{before}{text}")).unwrap();
}

#[test]
fn check_says_where_a_percent_calls_html_takes_its_bodys_markdown_in_as_written() {
    // Hunt AK, 4: `<div class="callout">{{ .Inner }}</div>` called with {{% %}}: the div's
    // HTML block runs to the first blank line, and the body's Markdown shows as written.
    let one_line = "<div class=\"callout\">{{ .Inner }}</div>";
    for (template, body, as_written) in [
        (
            one_line,
            "\n**Open to work** from *March*.\n\nMore.\n",
            true,
        ),
        (one_line, "\n\n**Open to work** from *March*.\n\n", false),
        (one_line, "\nJust text.\n", false),
        (
            "<div>\n\n{{ .Inner }}\n\n</div>",
            "\n**Open to work**\n",
            false,
        ),
        // Review 48c, 5: HTML shows as written either way; Markdown on a later line of the
        // first paragraph is taken in too.
        (one_line, "\n<p>Plain</p>\n", false),
        (one_line, "\n<!-- note -->\n\nText.\n", false),
        (one_line, "\nPlain line one\nand **Open** two.\n", true),
    ] {
        let page = format!("{{{{% f %}}}}{body}{{{{% /f %}}}}\n");
        let (hugo, found) = hugo_and_check_unsafe(template, &page);
        assert_eq!(
            hugo.contains("**Open"),
            as_written,
            "{template:?} {body:?}: Hugo's {hugo}"
        );
        assert_eq!(
            found.iter().any(|f| f.contains("its Markdown unrendered")),
            as_written,
            "{template:?} {body:?}: {found:?}"
        );
    }
}

/// Hugo's build of a page of `Intro.` and `text`, calling `f` of `template`, with raw HTML
/// on, and what `folio check` says of it.
fn hugo_and_check_unsafe(template: &str, text: &str) -> (String, Vec<String>) {
    let site = site_with(&[("f", template)], &format!("Intro.\n\n{text}"));
    add_to_config(site.path(), "[markup.goldmark.renderer]\nunsafe = true\n");
    crate::support::hugo_run(site.path(), &[]).unwrap();
    let hugo = std::fs::read_to_string(site.path().join("public/page/index.html")).unwrap();
    (hugo, checked(&site.path().join("content/page.md")))
}

#[test]
fn check_says_a_percent_calls_html_block_takes_its_body_in_inside_a_list_item_or_a_quote() {
    // Hunt AS, 7: in a list item's or a blockquote's text, `<div>` starts an HTML block
    // all the same (CommonMark's kinds 1 to 6 interrupt a paragraph); a lone `<span>`
    // (kind 7) does not, and the Markdown renders.
    for (template, page, as_written) in [
        (
            "<div class=\"hl\">{{ .Inner }}</div>",
            "- Role at X\n  {{% f %}}\n  **Led** the team.\n  {{% /f %}}\n",
            true,
        ),
        (
            "<div class=\"hl\">{{ .Inner }}</div>",
            "> {{% f %}}\n> **Led** the team.\n> {{% /f %}}\n",
            true,
        ),
        (
            "<span class=\"hl\">{{ .Inner }}</span>",
            "- Role at X\n  {{% f %}}\n  **Led** the team.\n  {{% /f %}}\n",
            false,
        ),
    ] {
        let (hugo, found) = hugo_and_check_unsafe(template, page);
        assert_eq!(
            hugo.contains("**Led"),
            as_written,
            "{page:?}: Hugo's {hugo}"
        );
        assert_eq!(
            found.iter().any(|f| f.contains("its Markdown unrendered")),
            as_written,
            "{page:?}: {found:?}"
        );
    }
}

#[test]
fn check_says_where_hugo_omits_raw_html_of_a_parameter_its_template_renders_as_markdown() {
    // Hunt AK, 3: Hugo omits `<br>` of a title piped to markdownify, and warns; Folio
    // rendered it the same, unsaid. Said once per call, and once for a body too.
    for (template, call, warned) in [
        (
            "<h3>{{ .Get \"title\" | markdownify }}</h3><p>{{ .Get \"s\" | .Page.RenderString }}</p>",
            "{{< f title=\"Tiny<br>Compiler\" s=\"Press <kbd>F5</kbd>\" >}}",
            true,
        ),
        (
            "<h3>{{ .Get \"title\" | markdownify }}</h3>",
            "{{< f title=\"Tiny *Compiler*\" >}}",
            false,
        ),
        (
            "<div>{{ .Inner | markdownify }}</div>",
            "{{< f >}}Press <kbd>x</kbd>{{< /f >}}",
            true,
        ),
    ] {
        let site = site_with(&[("f", template)], &format!("Intro.\n\n{call}\n"));
        let out = std::process::Command::new(crate::support::hugo_bin())
            .arg("--source")
            .arg(site.path())
            .output()
            .unwrap();
        let log = String::from_utf8_lossy(&out.stderr);
        assert_eq!(log.contains("Raw HTML omitted"), warned, "{call}: Hugo said {log}");
        let found = checked(&site.path().join("content/page.md"));
        let said: Vec<&String> = found.iter().filter(|f| f.contains("omits the raw HTML")).collect();
        assert_eq!(said.len(), usize::from(warned), "{call}: {found:?}");
    }
}

#[test]
fn toml_date_times_are_the_pages_dates_as_go_toml_reads_them() {
    // The review of 9a58cb2: read as text with cast's layouts, `2024-01-02T10:00` (TOML
    // 1.1 lets the seconds out) was no date, and the card showed.
    for written in [
        "2024-01-02T10:00",
        "2024-01-02 10:00",
        "2024-01-02t10:00:00z",
        "2024-01-02T10:00:00.500",
        "2024-01-02",
    ] {
        let (hugo, folio) = shortcode_f(
            "title = \"T\"\nbuildFuture = true\n",
            "<p>{{ .Page.Date.Format \"2006-01-02T15:04:05.999 -0700 MST\" }}|{{ .Page.Params.d2 }}</p>",
            &format!("+++\ntitle = \"About\"\ndate = {written}\nd2 = {written}\n+++\n\n{{{{< f >}}}}\n"),
        );
        assert_eq!(normalise(&folio), normalise(&hugo), "{written}");
        assert!(hugo.contains("<p>2024-01-02T"), "{written}: {hugo}");
    }
}

#[test]
fn index_reads_a_byte_of_text_and_nothing_past_its_end_as_in_hugo() {
    // hugo-cite's `cite` (hunt AD, 1): `with index $pages 0` where `$pages` may be text.
    let (hugo, folio) = shortcode_f(
        "title = \"T\"\n",
        "<p>[{{ index \"abc\" 1 }}][{{ index \"abc\" 9 }}][{{ index (\"xy\" | safeHTML) 0 }}]\
         [{{ with index \"p. 4\" 0 }}{{ . }}{{ end }}]</p>",
        "---\ntitle: About\n---\n\n{{< f >}}\n",
    );
    assert_eq!(normalise(&folio), normalise(&hugo));
    assert!(hugo.contains("<p>[98][][120][112]</p>"), "{hugo}");
}

#[test]
fn a_field_of_a_lookup_that_found_nothing_and_a_scratch_key_that_is_no_text_stop_as_in_hugo() {
    // luna's `link` and `progress` (hunt T, 7).
    for (template, message) in [
        (
            "<p>[{{ (.Page.Resources.Get \"nope.png\").RelPermalink }}]</p>",
            "nil pointer evaluating resource.Resource.RelPermalink",
        ),
        (
            "{{ $img := resources.Get \"nope.png\" }}<p>[{{ $img.RelPermalink }}]</p>",
            "nil pointer evaluating resource.Resource.RelPermalink",
        ),
        (
            "{{ $s := newScratch }}<p>[{{ $s.Get (index .Params 1) }}]</p>",
            "invalid value; expected string",
        ),
        (
            "{{ $s := newScratch }}{{ $s.Set (add 1 2) 4 }}",
            "wrong type for value; expected string; got int",
        ),
    ] {
        let site = site_with(&[("f", template)], "{{< f >}}");
        let hugo = crate::support::hugo_run(site.path(), &[]).unwrap_err();
        assert!(hugo.contains(message), "{template}: Hugo said {hugo}");
        let found = checked(&site.path().join("content/page.md"));
        assert!(
            found
                .iter()
                .any(|f| f.contains("error") && f.contains(message)),
            "{template}: {found:?}"
        );
    }
    // A lookup that finds nothing, tested first, and a missing key's field are nothing.
    let (hugo, folio) = shortcode_f(
        "title = \"T\"\n",
        "<p>[{{ with .Page.Resources.Get \"nope.png\" }}{{ .RelPermalink }}{{ end }}]\
         [{{ $m := dict }}{{ $m.a.b }}][{{ $s := newScratch }}{{ $s.Get \"k\" }}]</p>",
        "---\ntitle: About\n---\n\n{{< f >}}\n",
    );
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn arithmetic_on_text_a_bool_or_nil_stops_as_in_hugo() {
    // `add (.Get "n") 1` with `n="2"`: a quoted parameter is text (hunt U, 1).
    for template in [
        "<p>{{ add (.Get \"n\") 1 }}</p>",
        "<p>{{ mul 2 \"3\" }}</p>",
        "<p>{{ sub \"5\" 1 }}</p>",
        "<p>{{ div \"6\" 2 }}</p>",
        "<p>{{ add 1 2 \"3\" }}</p>",
        "<p>{{ math.Add 1.5 \"2\" }}</p>",
        "<p>{{ add 1 true }}</p>",
        "<p>{{ add 1 nil }}</p>",
        "<p>{{ div \"a\" 0 }}</p>",
        // `.Scratch.Add` to what is not a list is `add` (review 58a, 6).
        "<p>{{ .Scratch.Set \"n\" 1 }}{{ .Scratch.Add \"n\" \"x\" }}</p>",
        "<p>{{ .Scratch.Set \"n\" \"a\" }}{{ .Scratch.Add \"n\" 2 }}</p>",
    ] {
        let site = site_with(&[("f", template)], "{{< f n=\"2\" >}}");
        let hugo = crate::support::hugo_run(site.path(), &[]).unwrap_err();
        assert!(
            hugo.contains("can't apply the operator to the values"),
            "{template}: Hugo said {hugo}"
        );
        let found = checked(&site.path().join("content/page.md"));
        assert!(
            found.iter().any(|f| f.contains("error")
                && f.contains("f.html:1:")
                && f.contains("can't apply the operator to the values")),
            "{template}: {found:?}"
        );
    }
    let (hugo, folio) = shortcode_f(
        "title = \"T\"\n",
        "<p>{{ add \"1\" \"2\" }}|{{ add 1 2.5 }}|{{ sub 5 2 }}|{{ mul 2 3 }}|{{ div 7 2 }}|{{ div 7.0 2 }}\
         |{{ mod 7 \"3\" }}|{{ add (len (slice 1 2)) 1 }}</p>",
        "---\ntitle: About\n---\n\n{{< f >}}\n",
    );
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn len_of_nil_or_of_one_of_hugos_objects_stops_as_in_hugo() {
    // Go's `len` takes strings, lists and maps only: nil (a missing parameter) and a
    // struct (the page, a date, a parsed URL) stop the build. Folio says "len of nil"
    // where Hugo says `reflect.Value.Type`'s panic or "len of nil pointer".
    let nil = "reflect: call of reflect.Value.Type on zero Value";
    for (template, hugo_says) in [
        ("<p>{{ len (.Get \"missing\") }}</p>", nil),
        ("<p>{{ len .Page.Params.tags }}</p>", nil),
        (
            "<p>{{ len (.Page.Resources.Get \"nope.png\") }}</p>",
            "len of nil pointer",
        ),
        ("<p>{{ len .Page.File }}</p>", "len of type source.File"),
        ("<p>{{ len now }}</p>", "len of type time.Time"),
        (
            "<p>{{ len (urls.Parse \"https://a.org/b\") }}</p>",
            "len of type url.URL",
        ),
        ("<p>{{ len .Page.Store }}</p>", "len of type hstore.Scratch"),
        (
            "<p>{{ len . }}</p>",
            "len of type hugolib.ShortcodeWithPage",
        ),
    ] {
        let site = site_with(&[("f", template)], "{{< f >}}");
        let hugo = crate::support::hugo_run(site.path(), &[]).unwrap_err();
        assert!(hugo.contains(hugo_says), "{template}: Hugo said {hugo}");
        let folio_says = if hugo_says.starts_with("len of type") {
            hugo_says
        } else {
            "len of nil"
        };
        let found = checked(&site.path().join("content/page.md"));
        assert!(
            found
                .iter()
                .any(|f| f.contains("error") && f.contains("f.html:1:") && f.contains(folio_says)),
            "{template}: {found:?}"
        );
    }
    // What has a length keeps it: empty results, the page's files, Hugo's maps.
    let (hugo, folio) = shortcode_f(
        "title = \"T\"\n",
        "<p>{{ len .Inner }}|{{ len .Params }}|{{ len .Page.Resources }}|{{ len (findRE \"z\" \"a\") }}\
         |{{ len (where (slice) \"a\" 1) }}|{{ len .Site.Params }}|{{ len .Page.Title }}\
         |{{ len (dict \"a\" 1) }}|{{ len (urls.Parse \"https://a.org/?x=1&y=2\").Query }}\
         |{{ len .Page.Data.Pages }}|{{ .Page.Data }}</p>",
        "---\ntitle: About\n---\n\n{{< f />}}\n",
    );
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn the_size_of_an_svg_stops_the_build_as_in_hugo_and_folio_check_says_so() {
    // Hunt AL, 6: a gallery of a bundle's images wrote width="" for its SVG, where Hugo
    // stops.
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "title = \"T\"\n"),
        (
            "layouts/shortcodes/gallery.html",
            "{{ range .Page.Resources.ByType \"image\" }}<img src=\"{{ .RelPermalink }}\" width=\"{{ .Width }}\">{{ end }}",
        ),
        ("layouts/_default/single.html", "{{ .Content }}"),
        ("content/work/index.md", "---\ntitle: W\n---\n{{< gallery >}}\n"),
        ("content/work/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" height=\"4\"></svg>"),
    ]);
    let message = "error calling Width: resource \"logo.svg\" of media type \"image/svg+xml\" \
                   does not support this method";
    let hugo = crate::support::hugo_run(site.path(), &[]).unwrap_err();
    assert!(hugo.contains(message), "Hugo said {hugo}");
    let found = checked(&site.path().join("content/work/index.md"));
    assert!(
        found
            .iter()
            .any(|f| f.contains("gallery.html:1:") && f.contains(message)),
        "{found:?}"
    );
    // An image whose size cannot be read (a placeholder) is 0 wide to Hugo, which goes on
    // (review 49b, 2).
    std::fs::remove_file(site.path().join("content/work/logo.svg")).unwrap();
    std::fs::write(site.path().join("content/work/shot.png"), "not yet").unwrap();
    hugo_build(site.path(), "a placeholder image");
    let hugo = std::fs::read_to_string(site.path().join("public/work/index.html")).unwrap();
    assert!(hugo.contains("width=\"0\""), "{hugo}");
    let folio = folio_render(&site.path().join("content/work/index.md"));
    assert_eq!(normalise(&folio), normalise(&hugo));
    assert_eq!(
        checked(&site.path().join("content/work/index.md")),
        Vec::<String>::new()
    );
}

#[test]
fn an_errorf_message_is_formatted_as_gos_sprintf_formats_it() {
    // roneo's `ico` warns with `%s` of a lookup that found nothing (hunt U, 5).
    let message =
        "A: %!s(<nil>)|<nil>|%!d(<nil>)| 2.50|\"x\"|[%!s(int=1) %!s(int=2)]|5%|%!s(MISSING)";
    let site = site_with(
        &[(
            "f",
            "{{ errorf \"A: %s|%v|%d|%5.2f|%q|%s|5%%|%s\" nil nil nil 2.5 \"x\" (slice 1 2) }}",
        )],
        "{{< f >}}",
    );
    let hugo = crate::support::hugo_run(site.path(), &[]).unwrap_err();
    assert!(hugo.contains(message), "Hugo said {hugo}");
    let found = checked(&site.path().join("content/page.md"));
    assert!(found.iter().any(|f| f.contains(message)), "{found:?}");
    // Arguments left over, and a `%` that ends the format (the second review).
    let message = "B|one|1%!(EXTRA string=extra, float64=2.5)";
    let site = site_with(
        &[("f", "{{ errorf \"B|%s|%d\" \"one\" 1 \"extra\" 2.5 }}")],
        "{{< f >}}",
    );
    let hugo = crate::support::hugo_run(site.path(), &[]).unwrap_err();
    assert!(hugo.contains(message), "Hugo said {hugo}");
    let found = checked(&site.path().join("content/page.md"));
    assert!(found.iter().any(|f| f.contains(message)), "{found:?}");
    let site = site_with(&[("f", "{{ errorf \"F|%\" }}")], "{{< f >}}");
    let hugo = crate::support::hugo_run(site.path(), &[]).unwrap_err();
    assert!(hugo.contains("F|%!(NOVERB)\n"), "Hugo said {hugo}");
    let found = checked(&site.path().join("content/page.md"));
    assert!(
        found.iter().any(|f| f.ends_with("F|%!(NOVERB)")),
        "{found:?}"
    );
    // The verbs `printf` writes are a message's too, and a date's month is text to `%s`
    // (the review of 8b5323d); a nil left over is `<nil>` alone.
    for (template, message) in [
        (
            "{{ errorf \"G|%x|%c|%s|%d\" 255 65 .Page.Date.Month .Page.Date.Month nil }}",
            "G|ff|A|March|3%!(EXTRA <nil>)",
        ),
        // After `%[1]s` the next argument is the second: Go's bad width.
        (
            "{{ errorf \"H|%[2]s %[1]s|%*d\" \"a\" \"b\" 5 3 }}",
            "H|b a|%!(BADWIDTH)5",
        ),
        ("{{ errorf \"I|%*d|%e\" 5 3 2.5 }}", "I|    3|2.500000e+00"),
    ] {
        let site = site_with(&[("f", template)], "{{< f >}}");
        std::fs::write(
            site.path().join("content/page.md"),
            "---\ntitle: P\ndate: 2024-03-05\n---\n\n{{< f >}}\n",
        )
        .unwrap();
        let hugo = crate::support::hugo_run(site.path(), &[]).unwrap_err();
        assert!(hugo.contains(message), "Hugo said {hugo}");
        let found = checked(&site.path().join("content/page.md"));
        assert!(found.iter().any(|f| f.contains(message)), "{found:?}");
    }
}

#[test]
fn a_render_hooks_warning_is_in_checks_list() {
    // razonyang's hugo-theme-bootstrap warns from its image hook (hunt U, 4).
    let site = site_with(
        &[("f", "<b>{{ .Get 0 }}</b>")],
        "{{< f x >}}\n\n![M](/nope.png)",
    );
    std::fs::create_dir_all(site.path().join("layouts/_default/_markup")).unwrap();
    std::fs::write(
        site.path()
            .join("layouts/_default/_markup/render-image.html"),
        "{{ warnf \"no such image: %s\" .Destination }}<img src=\"{{ .Destination }}\">",
    )
    .unwrap();
    hugo_build(site.path(), "the hook");
    let page = site.path().join("content/page.md");
    let found = checked(&page);
    // At the image, not at the start of the text it is in (the review of 44ee52a).
    let text = std::fs::read_to_string(&page).unwrap();
    let line = text.lines().position(|l| l.starts_with("![M]")).unwrap() + 1;
    assert!(
        found.iter().any(|f| f.contains(&format!(
            "page.md:{line}:1: warning: the template warns (warnf): no such image: /nope.png"
        ))),
        "{found:?}"
    );
}

/// Templates Go stops in (ranging over what it cannot, a command it refuses), where Hugo
/// 0.168 locates the stop (line:col from 1), and its message.
const REFUSED_COMMANDS: &[(&str, &str, &str)] = &[
    (
        "<p>\n{{ range \"abc\" }}[{{ . }}]{{ end }}</p>",
        "2:10",
        "range can't iterate over abc",
    ),
    (
        "<p>\n{{ range 3.5 }}[{{ . }}]{{ end }}</p>",
        "2:10",
        "range can't iterate over 3.5",
    ),
    (
        "<p>\n{{ range true }}x{{ end }}</p>",
        "2:10",
        "range can't iterate over true",
    ),
    (
        "<p>{{ \"x\" 1 }}</p>",
        "1:7",
        "can't give argument to non-function \"x\"",
    ),
    (
        "<p>{{ if .Get 0 }}{{ 2 1 }}{{ end }}</p>",
        "1:22",
        "can't give argument to non-function 2",
    ),
    (
        "<p>{{ nil 1 }}</p>",
        "1:7",
        "can't give argument to non-function nil",
    ),
    ("<p>\n{{ nil }}</p>", "2:4", "nil is not a command"),
    // Review 55b, 1 and 2: Go stops at what it evaluated last, and writes a constant as
    // the template does.
    (
        "<p>{{ range .Page.Title }}x{{ end }}</p>",
        "1:18",
        "range can't iterate over P",
    ),
    (
        "<p>{{ range .Get 0 }}x{{ end }}</p>",
        "1:18",
        "range can't iterate over x",
    ),
    (
        "<p>{{ range printf \"%s\" \"ab\" }}x{{ end }}</p>",
        "1:25",
        "range can't iterate over ab",
    ),
    (
        "<p>{{ range add 1.5 1 }}x{{ end }}</p>",
        "1:21",
        "range can't iterate over 2.5",
    ),
    (
        "<p>{{ range (.Get 0) }}x{{ end }}</p>",
        "1:19",
        "range can't iterate over x",
    ),
    (
        "<p>{{ `x` 1 }}</p>",
        "1:7",
        "can't give argument to non-function `x`",
    ),
    (
        "<p>{{ 0x10 1 }}</p>",
        "1:7",
        "can't give argument to non-function 0x10",
    ),
    (
        "<p>{{ range $.Page.Title }}x{{ end }}</p>",
        "1:14",
        "range can't iterate over P",
    ),
    (
        "<p>{{ $v := .Page }}{{ range $v.Title }}x{{ end }}</p>",
        "1:32",
        "range can't iterate over P",
    ),
    // Review 55b, 6 and 7: in parentheses, the dot, a variable; two variables over a number.
    (
        "<p>{{ print (\"x\" 1) }}</p>",
        "1:14",
        "can't give argument to non-function \"x\"",
    ),
    (
        "<p>{{ default (nil) 1 }}</p>",
        "1:16",
        "nil is not a command",
    ),
    (
        "<p>{{ . 1 }}</p>",
        "1:7",
        "can't give argument to non-function .",
    ),
    (
        "<p>{{ $x := 1 }}{{ $x 2 }}</p>",
        "1:20",
        "can't give argument to non-function $x",
    ),
    (
        "<p>{{ range $i, $e := 3 }}x{{ end }}</p>",
        "1:23",
        "can't use 3 to iterate over more than one variable",
    ),
    (
        "<p>{{ $x := 1 }}{{ $x = nil }}{{ eq $x nil }}</p>",
        "1:25",
        "nil is not a command",
    ),
];

#[test]
fn ranging_over_what_go_cannot_and_giving_arguments_to_a_constant_are_located_as_hugo_locates_them()
{
    // Note 54's last hunt: these stopped with no line:col ("cannot range over float64").
    for &(template, at, message) in REFUSED_COMMANDS {
        let site = site_with(&[("f", template)], "{{< f x >}}");
        let hugo = crate::support::hugo_run(site.path(), &[]).unwrap_err();
        // Hugo's column counts from 0, Folio's from 1.
        let (line, col) = at.split_once(':').unwrap();
        let col: usize = col.parse().unwrap();
        let hugos = format!("_shortcodes/f.html:{line}:{}: executing", col - 1);
        assert!(
            hugo.contains(&hugos) && hugo.contains(message),
            "{template}: Hugo said {hugo}"
        );
        let found = checked(&site.path().join("content/page.md"));
        let located = format!("f.html:{at}: {message}");
        assert!(
            found.iter().any(|f| f.ends_with(&located)),
            "{template}: {found:?}"
        );
    }
}

#[test]
fn what_go_ranges_over_and_a_refused_command_never_reached_render_as_in_hugo() {
    // What Go ranges over, and a constant given arguments where the template never goes.
    let template = "{{ if false }}{{ 2 1 }}{{ end }}{{ range (slice 1 2) }}{{ . }}{{ end }}\
        {{ range (dict \"a\" 1) }}{{ . }}{{ end }}{{ range 2 }}{{ . }}{{ end }}\
        {{ range .Params }}{{ . }}{{ end }}|{{ range $i, $e := seq 2 }}{{ $i }}{{ $e }}{{ end }}\
        {{ range $i := 2 }}{{ $i }}{{ end }}{{ range $k, $v := dict \"a\" 1 }}{{ $k }}{{ end }}|\
        {{ $s := newScratch }}{{ $s.Set \"a\" 1 }}{{ $s.Get \"a\" }}{{ with $s }}{{ .Get \"a\" }}{{ end }}";
    let (hugo, folio) = shortcode_f(
        "title = \"T\"\n",
        template,
        "---\ntitle: About\n---\n\n{{< f a=\"b\" >}}\n",
    );
    assert!(hugo.contains("12101b|011201a|11"), "{hugo}");
    assert_eq!(folio, hugo);
}

#[test]
fn a_template_action_naming_no_template_is_located_at_the_name_as_hugo_locates_it() {
    // Go names the last such action (review 55b, 5); a defined one is none of them.
    for (template, hugos, folios) in [
        ("<p>\n{{ template \"nope\" . }}</p>", "2:12", "2:13"),
        (
            "{{ define \"t\" }}T{{ end }}{{ template \"a1\" }}\n{{ template \"t\" }}{{- template `a2` }}",
            "2:31",
            "2:32",
        ),
    ] {
        let site = site_with(&[("f", template)], "{{< f >}}");
        let hugo = crate::support::hugo_run(site.path(), &[]).unwrap_err();
        let name = if template.contains("a2") { "a2" } else { "nope" };
        // Hugo's column counts from 0, Folio's from 1.
        let said = format!("_shortcodes/f.html:{hugos}: no such template \"{name}\"");
        assert!(hugo.contains(&said), "{hugo}");
        let found = checked(&site.path().join("content/page.md"));
        let located = format!("f.html:{folios}: no such template \"{name}\"");
        assert!(found.iter().any(|f| f.ends_with(&located)), "{found:?}");
    }
}

/// A site whose shortcode `f` is `template`, with partials in both of Hugo's folders
/// (`layouts/partials/`, the older, and `layouts/_partials/`), a partial defining `foo`,
/// and `content/about.md` calling `{{< f x="1" y="2" >}}`.
fn site_with_partials(template: &str) -> tempfile::TempDir {
    crate::support::hugo_site(&[
        ("hugo.toml", "title = \"T\"\n"),
        ("layouts/partials/p.html", "<b>p:{{ .Get \"x\" }}</b>"),
        ("layouts/partials/sub/q.html", "<i>q:{{ . }}</i>"),
        ("layouts/_partials/n.html", "<u>n:{{ . }}</u>"),
        (
            "layouts/partials/defs.html",
            "{{ define \"foo\" }}<s>{{ .Get \"y\" }}</s>{{ end }}",
        ),
        ("layouts/shortcodes/f.html", template),
        (
            "content/about.md",
            "---\ntitle: About\n---\n\n{{< f x=\"1\" y=\"2\" >}}\n",
        ),
    ])
}

#[test]
fn a_partial_or_another_layouts_define_run_by_a_template_action_renders_as_in_hugo() {
    // Hugo's templates hold each partial as `_partials/NAME`, one of the older folder as
    // `partials/NAME` too, and every layout's defines (review 55b, 3: Folio refused all
    // three, and said `x` was unread).
    let template = "{{ template \"partials/p.html\" . }}|{{ template \"_partials/p.html\" . }}|\
        {{ template \"partials/sub/q.html\" \"s\" }}|{{ template \"_partials/n.html\" (.Get \"y\") }}|\
        {{ template \"foo\" . }}";
    let site = site_with_partials(template);
    let (hugo, folio) = hugo_and_folio(site.path(), "partials as templates", "content/about.md");
    assert!(
        hugo.contains("<b>p:1</b>|<b>p:1</b>|<i>q:s</i>|<u>n:2</u>|<s>2</s>"),
        "{hugo}"
    );
    assert_eq!(folio, hugo);
    let found = checked(&site.path().join("content/about.md"));
    assert!(found.is_empty(), "{found:?}");
}

/// A site with `files`, its shortcode `f` of `template`, and `content/about.md` calling
/// `{{< f >}}`.
fn site_calling_f(files: &[(&str, &str)], template: &str) -> tempfile::TempDir {
    let mut all = vec![
        ("hugo.toml", "title = \"T\"\n"),
        ("layouts/shortcodes/f.html", template),
        ("content/about.md", "---\ntitle: About\n---\n\n{{< f >}}\n"),
    ];
    all.extend_from_slice(files);
    crate::support::hugo_site(&all)
}

/// Asserts that Hugo stops on `site` saying `hugos`, and that `folio check` of its
/// `content/about.md` says a problem ending with `folios`.
fn stops_as_hugo(site: &Path, hugos: &str, folios: &str) {
    let hugo = crate::support::hugo_run(site, &[]).unwrap_err();
    assert!(hugo.contains(hugos), "{hugo}");
    let found = checked(&site.join("content/about.md"));
    assert!(found.iter().any(|f| f.ends_with(folios)), "{found:?}");
}

/// Asserts that the shortcode `f` of `template`, with `files` beside it, renders as Hugo
/// renders it, which is `rendered`.
fn renders_as_hugo(files: &[(&str, &str)], template: &str, rendered: &str) {
    let site = site_calling_f(files, template);
    let (hugo, folio) = hugo_and_folio(site.path(), template, "content/about.md");
    assert!(hugo.contains(rendered), "{hugo}");
    assert_eq!(folio, hugo, "{template}");
}

#[test]
fn of_two_files_defining_a_template_the_one_a_template_action_runs_is_hugos_choice() {
    // Review 56a, 3: a layout's over a partial's, then the file name that sorts last; a
    // page layout's is shared in a site with no `baseof`.
    let foo = "[{{ template \"foo\" . }}]";
    renders_as_hugo(
        &[
            ("layouts/partials/a.html", "{{ define \"foo\" }}A{{ end }}"),
            ("layouts/partials/b.html", "{{ define \"foo\" }}B{{ end }}"),
        ],
        foo,
        "[B]",
    );
    renders_as_hugo(
        &[
            ("layouts/_default/a.html", "{{ define \"foo\" }}PA{{ end }}"),
            ("layouts/_default/b.html", "{{ define \"foo\" }}PB{{ end }}"),
        ],
        foo,
        "[PB]",
    );
    renders_as_hugo(
        &[
            ("layouts/partials/a.html", "{{ define \"foo\" }}PA{{ end }}"),
            ("layouts/_default/z.html", "{{ define \"foo\" }}LZ{{ end }}"),
        ],
        foo,
        "[LZ]",
    );
}

#[test]
fn a_template_action_finds_a_block_a_name_in_backquotes_and_an_inline_partial_as_hugo_does() {
    // Review 56a, 4 and 5: a define in a comment is none.
    renders_as_hugo(
        &[
            ("layouts/partials/a.html", "{{/* define \"foo\" */}}"),
            (
                "layouts/partials/b.html",
                "{{ block \"foo\" . }}BLK{{ end }}",
            ),
        ],
        "[{{ template \"foo\" . }}]",
        "[BLK]",
    );
    renders_as_hugo(
        &[("layouts/_partials/c.html", "{{ define `bar` }}BAR{{ end }}")],
        "[{{ template \"bar\" . }}]",
        "[BAR]",
    );
    renders_as_hugo(
        &[(
            "layouts/partials/o.html",
            "{{ define \"partials/x.html\" }}IN{{ end }}",
        )],
        "[{{ template \"partials/x.html\" . }}]",
        "[IN]",
    );
}

#[test]
fn a_template_action_that_names_nothing_hugo_has_stops_as_in_hugo_even_where_never_run() {
    // Review 56a, 2, 6, 7 and 9: a page layout's define is not shared once the site has
    // a baseof, nor the baseof's; Go names a missing template in a branch never taken, and one inside
    // another file's define in that file; a partial run by `template` may not `return` a
    // value.
    let layouts = [
        (
            "layouts/_default/baseof.html",
            "{{ define \"foo\" }}B{{ end }}<main>{{ block \"main\" . }}{{ end }}</main>",
        ),
        (
            "layouts/_default/defs.html",
            "{{ define \"foo\" }}F{{ end }}",
        ),
        ("layouts/partials/r.html", "before{{ return 42 }}"),
        (
            "layouts/partials/a.html",
            "{{ define \"bar\" }}x\n  {{ template \"nope\" . }}{{ end }}",
        ),
    ];
    for (template, hugos, folios) in [
        (
            "A[{{ template \"foo\" . }}]",
            "_shortcodes/f.html:1:14: no such template \"foo\"",
            "f.html:1:15: no such template \"foo\"",
        ),
        (
            "A[{{ if false }}{{ template \"partials/nope.html\" . }}{{ end }}]",
            "_shortcodes/f.html:1:28: no such template \"partials/nope.html\"",
            "f.html:1:29: no such template \"partials/nope.html\"",
        ),
        (
            "A[{{ template \"partials/r.html\" . }}]",
            "return with a value is only supported in partials",
            "return with a value is only supported in partials",
        ),
        (
            "A[{{ template \"bar\" . }}]",
            "_partials/a.html:2:14: no such template \"nope\"",
            "layouts/partials/a.html:2:15: no such template \"nope\"",
        ),
    ] {
        stops_as_hugo(site_calling_f(&layouts, template).path(), hugos, folios);
    }
}

#[test]
fn urlize_takes_accents_off_and_keeps_the_case_as_the_sites_config_says() {
    // `removePathAccents` and `disablePathToLower` (review 57a, 6: Folio ignored both).
    let template = "{{ urlize \"Café Crème\" }}|{{ urlize \"Über straße\" }}";
    let page = "---\ntitle: About\n---\n\n{{< f >}}\n";
    for (config, urlized) in [
        ("", "caf%C3%A9-cr%C3%A8me|%C3%BCber-stra%C3%9Fe"),
        ("removePathAccents = true", "cafe-creme|uber-stra%C3%9Fe"),
        (
            "disablePathToLower = true",
            "Caf%C3%A9-Cr%C3%A8me|%C3%9Cber-stra%C3%9Fe",
        ),
        (
            "removePathAccents = true\ndisablePathToLower = true",
            "Cafe-Creme|Uber-stra%C3%9Fe",
        ),
        // The language's own setting (review 57b, 5).
        (
            "[languages.en]\nweight = 1\nremovePathAccents = true\n",
            "cafe-creme|uber-stra%C3%9Fe",
        ),
    ] {
        let (hugo, folio) = shortcode_f(config, template, page);
        assert!(hugo.contains(urlized), "{config}: {hugo}");
        assert_eq!(folio, hugo, "{config}");
    }
}

#[test]
fn urlize_keeps_letters_decimal_digits_and_every_combining_mark_as_hugo_does() {
    // Review 57a: the Devanagari virama was dropped, and `²`, `½`, `Ⅻ`, `⑤` kept.
    renders_as_hugo(
        &[],
        "[{{ urlize \"x² ½ Ⅻ ٣ ⑤ a͡b\" }}|{{ urlize \"नमस्ते\" }}]",
        "[x-%D9%A3-a%CD%A1b|%E0%A4%A8%E0%A4%AE%E0%A4%B8%E0%A5%8D%E0%A4%A4%E0%A5%87]",
    );
}

#[test]
fn delimit_writes_a_maps_values_in_its_keys_collated_order_as_sort_does() {
    // Hugo's `Delimit` sorts a map first (review 59a, 6: Folio wrote them in byte order).
    renders_as_hugo(
        &[(
            "data/x.yaml",
            "English: fluent\njapanese: native\nPortuguese: B2\ngerman: A2\n",
        )],
        "[{{ delimit site.Data.x \" / \" }}|{{ delimit (dict \"b\" 1 \"B\" 2 \"a\" 3) \",\" \" and \" }}]",
        "[fluent / A2 / native / B2|3,1 and 2]",
    );
}

#[test]
fn where_by_a_key_of_dots_alone_finds_no_value_in_any_item() {
    // Hugo has no key for the item itself (review 59a, 7: Folio took `.` for it).
    renders_as_hugo(
        &[],
        "[{{ where (slice \"go\" \"rust\" \"js\") \".\" \"like\" \"^[gr]\" }}|\
         {{ len (where (slice \"a\" \"b\") \".\" \"!=\" \"x\") }}|\
         {{ len (where (slice \"a\" \"b\") \"\" \"a\") }}]",
        "[[]|2|0]",
    );
}

#[test]
fn urlize_writes_what_follows_a_hash_as_gos_url_writes_a_fragment() {
    // Go's `url.Parse` and `String`: an empty fragment goes (review 59a, 5: `C#` was `c#`,
    // a class name Hugo writes `c`).
    renders_as_hugo(
        &[],
        "[{{ urlize \"C#\" }}|{{ urlize \"F# and C#\" }}|{{ urlize \"a#b#c\" }}|\
         {{ urlize \"#top\" }}|{{ urlize \"x#é\" }}|{{ urlize \"é#\" }}|{{ urlize \"a#%41\" }}]",
        "[c|f#-and-c%23|a#b%23c|#top|x#%C3%A9|%C3%A9|a#%41]",
    );
}

#[test]
fn a_toml_date_time_with_an_offset_in_data_is_a_time() {
    // go-toml reads it as a `time.Time`, in a table, an array of tables and
    // `transform.Unmarshal` alike; a local date stays its text (review 57a, 1: Folio had
    // text, printed otherwise and without `.Year`).
    let data = "[[talk]]\nwhen = 2022-07-01T10:00:00+02:00\nday = 2022-07-01\n\
                [event]\nat = 2023-05-04 18:30:00Z\n";
    renders_as_hugo(
        &[("data/t.toml", data)],
        "{{ range site.Data.t.talk }}{{ .when }}|{{ .when.Year }}|{{ .when.Format \"Jan 2\" }}|\
         {{ .day }}{{ end }}|{{ site.Data.t.event.at }}|{{ jsonify site.Data.t.event }}|\
         {{ (transform.Unmarshal \"a = 2024-01-02T03:04:05Z\").a.Year }}",
        "2022-07-01 10:00:00 &#43;0200 &#43;0200|2022|Jul 1|2022-07-01|2023-05-04 18:30:00 &#43;0000 UTC|",
    );
}

#[test]
fn data_translations_and_assets_are_read_where_the_config_puts_them() {
    // `dataDir`, `i18nDir` and `assetDir` (review 57a, 8: Folio read the default folders
    // and gave nothing, unsaid).
    renders_as_hugo(
        &[
            (
                "hugo.toml",
                "title = \"T\"\ndataDir = \"mydata\"\ni18nDir = \"words\"\nassetDir = \"files\"\n",
            ),
            ("mydata/x.yaml", "from: mydata\n"),
            ("data/x.yaml", "from: data\n"),
            ("words/en.toml", "hi = \"from words\"\n"),
            ("files/a.txt", "from files"),
        ],
        "<p>{{ site.Data.x.from }}|{{ i18n \"hi\" }}|{{ (resources.Get \"a.txt\").Content }}</p>",
        "<p>mydata|from words|from files</p>",
    );
}

#[test]
fn a_maps_keys_differing_only_in_case_are_two_keys_and_sort_collates_them() {
    // Go's maps keep `b` and `B`; Hugo's `sort` orders a map's values by its keys collated
    // (review 57a, 4: Folio dropped `B` and `Go`, and sorted `Mid` first).
    renders_as_hugo(
        &[("data/x.yaml", "Go: 1\ngo: 2\nRust: 3\n")],
        "A {{ range sort (dict \"zeta\" 1 \"alpha\" 2 \"Mid\" 3) }}{{ . }} {{ end }}|\
         {{ dict \"b\" 1 \"B\" 2 \"a\" 3 }}|{{ len (dict \"b\" 1 \"B\" 2) }}|{{ site.Data.x }}",
        "A 2 3 1 |map[B:2 a:3 b:1]|2|map[Go:1 Rust:3 go:2]",
    );
    // A params table read by a capitalised key keeps each key once (review 57b, 2: a mark
    // Folio added to such maps showed in `querify` and a script's JSON).
    renders_as_hugo(
        &[(
            "hugo.toml",
            "title = \"T\"\n[params.search]\nminMatchLength = 3\n",
        )],
        "{{ site.Params.search.minMatchLength }}|{{ querify site.Params.search }}|\
         {{ len site.Params.search }}|{{ site.Params.search }}",
        "3|minmatchlength=3|1|map[minmatchlength:3]",
    );
}

#[test]
fn a_calls_parameters_differing_only_in_case_are_two_though_a_template_reads_title() {
    // A shortcode's `.Params` is Go's map of the names as written; the site's `.Title`
    // elsewhere made Folio take `Title` for a spelling of `title` (review 58a, E07).
    let template = "<code>[{{ len .Params }}][{{ range $k, $v := .Params }}{{ $k }}={{ $v }};\
                    {{ end }}][{{ .Get \"Title\" }}]</code>";
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "baseURL = \"https://e.org/\"\n"),
        ("layouts/partials/t.html", "{{ .Title }}"),
        ("layouts/shortcodes/f.html", template),
        (
            "content/about.md",
            "---\ntitle: About\n---\n\n{{< f title=\"t\" Title=\"T\" n=3 >}}\n",
        ),
    ]);
    let (hugo, folio) = hugo_and_folio(site.path(), "two cases", "content/about.md");
    assert!(
        hugo.contains("<code>[3][Title=T;n=3;title=t;][T]</code>"),
        "{hugo}"
    );
    assert_eq!(folio, hugo);
}

#[test]
fn a_verb_of_the_wrong_kind_writes_the_value_with_the_directives_width_as_go_does() {
    // Review 62b, r2: Go's bad-verb text keeps the width and flags: `%03d` of 43.0 is
    // `%!d(float64=043)`; Folio wrote `%!d(float64=43)`.
    let (hugo, folio) = shortcode_f(
        "title = \"T\"\n",
        "<p>{{ printf \"%03d|%5d|%-5d|%.1d|%4s\" 43.0 2.5 2.5 2.25 true }}</p>\
         <p>{{ printf \"%.2f|%6.1f|%e\" \"3.5\" \"x\" \"1\" }}</p>",
        "---\ntitle: About\n---\n\n{{< f >}}\n",
    );
    assert!(
        hugo.contains("<p>%!d(float64=043)|%!d(float64=  2.5)|"),
        "{hugo}"
    );
    // Review 62c, r6: and of text, cut to the precision.
    assert!(
        hugo.contains("<p>%!f(string=3.)|%!f(string=     x)|"),
        "{hugo}"
    );
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn apply_of_printf_writes_each_directive_as_a_written_printf_does() {
    // Review 62b, r1: `apply LIST "printf" "%gx" "."` ran gotmpl's own printf, which wrote
    // `1x` for Go's `%!g(int=1)x`, and `%v` of 2.5e6 as Rust writes it.
    let (hugo, folio) = shortcode_f(
        "title = \"T\"\n",
        "<p>{{ delimit (apply (slice 1 2.5 2500000.0) \"printf\" \"%gx|%v|%5.1f|%q\" \".\" \".\" \".\" \".\") \" / \" }}</p>",
        "---\ntitle: About\n---\n\n{{< f >}}\n",
    );
    assert!(hugo.contains("<p>%!g(int=1)x|1|%!f(int=    1)|"), "{hugo}");
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn printfs_type_of_a_toml_number_is_said_where_folio_writes_int_for_hugos_int64() {
    // Review 62b, r3: Hugo names a TOML number `int64`; Folio's numbers do not keep the
    // decoder that read them, and wrote `int` saying nothing.
    let site = crate::support::hugo_site(&[
        (
            "hugo.toml",
            "baseURL = \"https://e.org/\"\n[params]\nn = 15\n",
        ),
        (
            "layouts/shortcodes/f.html",
            "<p>{{ printf \"%T\" site.Params.n }}</p>",
        ),
        ("content/about.md", "---\ntitle: About\n---\n{{< f >}}\n"),
    ]);
    let (hugo, folio) = hugo_and_folio(site.path(), "%T of a TOML number", "content/about.md");
    assert!(
        hugo.contains("<p>int64</p>") && folio.contains("<p>int</p>"),
        "{hugo}"
    );
    let found = the_only_problem(&site.path().join("content/about.md"));
    assert!(
        found
            .contains("Hugo names one read from a TOML file (or a negative one from YAML) `int64`"),
        "{found}"
    );
}

#[test]
fn a_float_verb_of_a_whole_number_is_gos_bad_verb_text_and_said() {
    // Review 59d, 1: `printf "%.2f" 5` was `5.00`, where Hugo writes `%!f(int=05)`.
    let template = "<p>[{{ printf \"%.1f\" 1 }}|{{ printf \"%e\" 10 }}|{{ printf \"%.2f\" 2.5 }}|\
                    {{ printf \"%e\" 1234.5 }}|{{ printf \"%g\" 0.000012 }}|{{ printf \"%6.2f\" 5 }}|\
                    {{ printf \"%+.2f\" 5 }}|{{ printf \"%G\" 3.0 }}|{{ printf \"%.3g\" 3.14159 }}]</p>";
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "baseURL = \"https://e.org/\"\n"),
        ("layouts/shortcodes/f.html", template),
        ("content/about.md", "---\ntitle: About\n---\n{{< f >}}\n"),
    ]);
    let (hugo, folio) = hugo_and_folio(site.path(), "float verbs", "content/about.md");
    assert!(hugo.contains("[%!f(int=1)|%!e(int=10)|2.50|"), "{hugo}");
    assert_eq!(normalise(&folio), normalise(&hugo));
    let found = checked(&site.path().join("content/about.md"));
    assert_eq!(found.len(), 4, "{found:#?}");
    assert!(
        found[0].contains("Hugo writes `%!f(int=1)` for printf's `%.1f` of the whole number 1"),
        "{found:#?}"
    );
}

#[test]
fn a_yaml_whole_number_is_a_uint64_to_the_templates_as_in_hugo() {
    // Review 59d: Hugo's YAML decoder reads `left: 42` as a uint64, so `sub` below zero
    // wraps round and an `i18n` count has no `.Count`; Folio read an int. A TOML number
    // and a negative YAML one are signed.
    let template = "{{ $n := site.Data.x.n }}{{ $neg := site.Data.x.neg }}{{ $t := site.Data.t.n }}\
        <p>A {{ printf \"%T %T %T %T\" $n site.Data.x.hex .Page.Params.k .Page.Params.own }}</p>\
        <p>B {{ sub $n 50 }} {{ sub 3 $n }} {{ add $n -50 }} {{ add $n $neg }} {{ sub $neg $n }} \
        {{ mul $n -1 }} {{ div $n 5 }} {{ div 7 $n }} {{ mod $n 5 }} {{ add $n 1.5 }} {{ sub $n $t }} \
        {{ sub $t 50 }} {{ mul $n 9223372036854775807 }} {{ add 9223372036854775807 1 }}</p>\
        <p>C {{ printf \"%T %T\" (add $n 1) (div $n 5) }}</p>\
        <p>D {{ eq $n 42 }} {{ lt $neg $n }} {{ eq $n 42.0 }} {{ in (slice 42) $n }} {{ eq $n $t }}</p>\
        <p>E {{ printf \"%d|%5d|%x|%v|%s|%q|%c|%08d|%-4d|%+d|%.3d|%.1f\" $n $n $n $n $n $n $n $n $n $n $n $n }}</p>\
        <p>F {{ jsonify site.Data.x }} {{ string $n }} {{ math.Max $n 3 }} {{ math.Abs $n }}</p>\
        <p>G {{ first (index site.Data.x.list 1) (slice 1 2 3) }} {{ index (slice \"a\" \"b\" \"c\") (index site.Data.x.list 1) }} \
        {{ len (seq site.Data.x.hex) }} {{ delimit (sort (slice $n $neg $t 7)) \",\" }} {{ uniq (slice $n $t 42) }}</p>\
        <p>H [{{ i18n \"seats\" $n }}] [{{ i18n \"seats\" $t }}] [{{ i18n \"plain\" $n }}] \
        [{{ i18n \"seats\" (dict \"Count\" $n) }}] [{{ i18n \"seats\" (int $n) }}]</p>\
        {{ $big := site.Data.x.big }}<p>J {{ int $big }} {{ seq $big }} {{ substr \"abc\" $big }} {{ mod $big 2 }} \
        [{{ i18n \"plain\" $big }}] {{ dateFormat \"2006\" $big }}</p>\
        <p>I {{ .Page.Scratch.Set \"c\" $n }}{{ .Page.Scratch.Add \"c\" -50 }}{{ .Page.Scratch.Get \"c\" }} \
        {{ humanize $n }} {{ lang.FormatNumber 2 $n }}</p>";
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "baseURL = \"https://e.org/\"\n"),
        (
            "data/x.yaml",
            "n: 42\nneg: -3\nhex: 0x1F\nlist: [1, 2, -1]\nbig: 18446744073709551615\n",
        ),
        ("data/t.toml", "n = 42\n"),
        (
            "i18n/en.toml",
            "[seats]\none = \"one seat\"\nother = \"{{ .Count }} seats\"\n\
             [plain]\none = \"one\"\nother = \"many\"\n",
        ),
        ("layouts/shortcodes/f.html", template),
        (
            "content/about.md",
            "---\ntitle: About\nk: 11\nparams:\n  own: 9\n---\n{{< f >}}\n",
        ),
    ]);
    let (hugo, folio) = hugo_and_folio(site.path(), "YAML numbers", "content/about.md");
    assert!(
        hugo.contains("<p>A uint64 uint64 uint64 uint64</p>"),
        "{hugo}"
    );
    assert!(
        hugo.contains("<p>B 18446744073709551608 18446744073709551577 -8 "),
        "{hugo}"
    );
    assert!(
        hugo.contains("<p>H [] [42 seats] [many] [42 seats] [42 seats]</p>"),
        "{hugo}"
    );
    // Above an int64's range, Go's conversion wraps round (review 60c, 4).
    assert!(hugo.contains("<p>J -1 [-1] c -1 [one] 1969</p>"), "{hugo}");
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn a_toml_date_without_an_offset_is_go_tomls_local_value_as_in_hugo() {
    // Review 61a, r2 and 62b, r5/r6: `2026-04-18` in a TOML data file, front matter or
    // config is a `toml.LocalDate` to Hugo: a time to `sort`, `lt` and `eq`, with `.Year`,
    // printed as written, and not equal to its text. Folio held it as text.
    let template = "{{ $d := site.Data.ev }}\
        <p>A {{ printf \"%T %T %T %T\" $d.ld $d.ldt $d.lt $d.odt }} {{ $d.ld }} {{ $d.ldt }} {{ $d.lt }}</p>\
        <p>B {{ $d.ld.Year }} {{ $d.ld.Month }} {{ $d.ldt.Hour }} {{ $d.lt2.Nanosecond }} {{ $d.lt2.Precision }} {{ $d.ldt.LocalDate }}</p>\
        <p>C {{ range sort $d.e \"d\" }}{{ .n }}{{ end }} {{ range sort $d.e \"d\" \"desc\" }}{{ .n }}{{ end }} \
        {{ range where $d.e \"d\" \"gt\" $d.ld2 }}{{ .n }}{{ end }} {{ range sort $d.t \"t\" }}{{ .n }}{{ end }}</p>\
        <p>D {{ lt $d.ld $d.odt }} {{ lt $d.odt $d.ld }} {{ eq $d.ld \"2026-04-18\" }} {{ eq $d.ld (time.AsTime $d.ld) }} {{ lt $d.lt $d.lt2 }}</p>\
        <p>E {{ $d.ld | time.Format \"Jan 2 2006\" }} {{ dateFormat \"15:04\" $d.ldt }} {{ jsonify (slice $d.ld $d.lt) }} {{ printf \"%#v\" $d.lt }}</p>\
        <p>F {{ with try (time.Format \"15:04\" $d.lt) }}{{ .Err }}{{ end }}</p>\
        <p>G {{ printf \"%T %v\" .Page.Params.event .Page.Params.event }} {{ site.Params.launch.Year }} {{ eq site.Params.launch \"2021-09-14\" }}</p>";
    let site = crate::support::hugo_site(&[
        (
            "hugo.toml",
            "baseURL = \"https://e.org/\"\n[params]\nlaunch = 2021-09-14\n",
        ),
        (
            "data/ev.toml",
            "ld = 2026-04-18\nld2 = 2025-01-02\nldt = 2026-04-18T10:30:00\nlt = 10:30:00\n\
             lt2 = 09:15:00.5\nodt = 2025-11-22T19:00:00Z\n\
             [[e]]\nn = \"B\"\nd = 2026-04-18\n[[e]]\nn = \"A\"\nd = 2025-11-22T19:00:00Z\n\
             [[e]]\nn = \"C\"\nd = 2025-01-02\n[[e]]\nn = \"D\"\nd = 2027-01-02T00:00:00Z\n\
             [[t]]\nn = \"x\"\nt = 10:30:00\n[[t]]\nn = \"y\"\nt = 09:15:00\n",
        ),
        ("layouts/shortcodes/f.html", template),
        (
            "content/about.md",
            "+++\ntitle = \"About\"\nevent = 2026-04-18T10:30:00\n+++\n{{< f >}}\n",
        ),
    ]);
    let (hugo, folio) = hugo_and_folio(site.path(), "TOML local dates", "content/about.md");
    assert!(
        hugo.contains("<p>A toml.LocalDate toml.LocalDateTime toml.LocalTime time.Time "),
        "{hugo}"
    );
    assert!(hugo.contains("<p>C CABD DBAC BAD xy</p>"), "{hugo}");
    assert!(
        hugo.contains("<p>D false true false true false</p>"),
        "{hugo}"
    );
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn another_pages_params_are_typed_by_its_own_front_matter() {
    // Review 60c, 2: only the page rendered had its numbers typed by its format.
    let (hugo, folio) = {
        let site = crate::support::hugo_site(&[
            ("hugo.toml", "baseURL = \"https://e.org/\"\n"),
            ("content/y.md", "---\ntitle: Y\nx: 5\n---\n"),
            ("content/j.md", "{\"title\": \"J\", \"x\": 5}\n"),
            ("content/t.md", "+++\ntitle = \"T\"\nx = 5\n+++\n"),
            (
                "layouts/shortcodes/f.html",
                "<p>{{ with site.GetPage \"/y\" }}{{ sub .Params.x 10 }}{{ end }}|\
                 {{ with site.GetPage \"/j\" }}{{ div .Params.x 2 }}{{ end }}|\
                 {{ with site.GetPage \"/t\" }}{{ sub .Params.x 10 }}{{ end }}</p>",
            ),
            (
                "content/about.md",
                "+++\ntitle = \"About\"\n+++\n{{< f >}}\n",
            ),
        ]);
        hugo_and_folio(site.path(), "other pages", "content/about.md")
    };
    assert!(
        hugo.contains("<p>18446744073709551611|2.5|-5</p>"),
        "{hugo}"
    );
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn a_site_configs_numbers_are_typed_by_its_format_as_in_hugo() {
    // A `hugo.yaml`'s whole number is a uint64, a `hugo.json`'s number a float64; each file
    // of a config folder by its own format (review 60c, 7: `params.yaml` beside a
    // `hugo.toml`).
    let template = "<p>{{ printf \"%T %T\" site.Params.n site.Params.ln }} \
                    {{ sub site.Params.n 50 }} {{ div site.Params.n 4 }} {{ sub site.Params.t 50 }}</p>";
    let page = ("content/about.md", "---\ntitle: About\n---\n{{< f >}}\n");
    let sites: [(&[(&str, &str)], &str); 3] = [
        (
            &[(
                "hugo.yaml",
                "baseURL: https://e.org/\nparams:\n  n: 42\n  t: 1\nlanguages:\n  en:\n    params:\n      ln: 3\n",
            )],
            "<p>uint64 uint64 18446744073709551608 10 18446744073709551567</p>",
        ),
        (
            &[(
                "hugo.json",
                r#"{"baseURL": "https://e.org/", "params": {"n": 42, "t": 1}, "languages": {"en": {"params": {"ln": 3}}}}"#,
            )],
            "<p>float64 float64 -8 10.5 -49</p>",
        ),
        (
            &[
                (
                    "config/_default/hugo.toml",
                    "baseURL = \"https://e.org/\"\n[params]\nt = 1\n[languages.en.params]\nln = 3\n",
                ),
                ("config/_default/params.yaml", "n: 42\n"),
            ],
            "<p>uint64 int 18446744073709551608 10 -49</p>",
        ),
    ];
    for (config, want) in sites {
        let files = [config, &[("layouts/shortcodes/f.html", template), page][..]].concat();
        let site = crate::support::hugo_site(&files);
        let (hugo, folio) = hugo_and_folio(site.path(), want, "content/about.md");
        // Folio names Go's int64 and int alike (`int`).
        let hugo = hugo.replace(" int64", " int");
        assert!(hugo.contains(want), "{want}: {hugo}");
        assert_eq!(normalise(&folio), normalise(&hugo), "{want}");
    }
}

#[test]
fn a_call_in_an_autolinks_address_is_in_its_text_too() {
    // Review 60a, 1: the output went into the `href` only; the text lost it.
    let (hugo, folio) = shortcode_f(
        "baseURL = \"https://e.org/\"\n",
        "{{ .Page.Params.episode }}",
        "---\ntitle: About\nepisode: 42\n---\n\nForum: https://forum.example.org/t/ep-{{< f >}}\n\n\
         Tour: <https://tour.example.org/{{< f >}}>\n\nMail: mailbag+ep{{< f >}}@pod.example.org\n\n\
         Site: www.example.org/{{< f >}}/x\n",
    );
    assert!(
        hugo.contains(">https://forum.example.org/t/ep-42</a>"),
        "{hugo}"
    );
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn every_language_has_a_home_page_and_a_translation_key_pairs_pages_as_in_hugo() {
    // Review 60b, 1: a language switcher missed the home page Hugo makes for a language
    // with no `_index` file, and the page paired by `translationKey`.
    let site = crate::support::hugo_site(&[
        (
            "hugo.toml",
            "baseURL = \"https://e.org/\"\ntitle = \"Fest\"\ndefaultContentLanguage = \"en\"\n\
             [languages.en]\nweight = 1\n[languages.de]\nweight = 2\ntitle = \"Festival\"\n\
             [languages.fr]\nweight = 3\n",
        ),
        ("content/_index.md", "---\ntitle: Home\n---\n"),
        (
            "content/wer.de.md",
            "---\ntitle: Wer\ntranslationKey: who\n---\n",
        ),
        (
            "content/qui.fr.md",
            "---\ntitle: Qui\ntranslationKey: who\ndraft: true\n---\n",
        ),
        (
            "layouts/shortcodes/f.html",
            "<p>{{ range site.Home.AllTranslations }}{{ .Lang }} {{ .Title }} {{ .RelPermalink }} \
             {{ with .File }}file{{ end }}|{{ end }}</p>\
             <p>{{ range .Page.AllTranslations }}{{ .Lang }} {{ .Title }} {{ .RelPermalink }}|{{ end }}\
             {{ .Page.IsTranslated }}</p>",
        ),
        (
            "content/about.md",
            "---\ntitle: About\ntranslationKey: who\n---\n{{< f >}}\n",
        ),
    ]);
    let (hugo, folio) = hugo_and_folio(site.path(), "translations", "content/about.md");
    assert!(
        hugo.contains("<p>en Home / file|de Festival /de/ |fr Fest /fr/ |</p>"),
        "{hugo}"
    );
    assert!(
        hugo.contains("<p>en About /about/|de Wer /de/wer/|true</p>"),
        "{hugo}"
    );
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn querify_of_a_list_value_stops_hugo_and_is_said() {
    // Review 60b, 6: Folio wrote `hashtags=%5Bdevops+ci%5D` and said nothing.
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "baseURL = \"https://e.org/\"\n"),
        (
            "layouts/shortcodes/f.html",
            "<a href=\"?{{ querify (dict \"hashtags\" (split \"devops,ci\" \",\")) }}\">x</a>",
        ),
        ("content/about.md", "---\ntitle: About\n---\n\n{{< f >}}\n"),
    ]);
    let hugo = crate::support::hugo_run(site.path(), &[]).unwrap_err();
    assert!(hugo.contains("unable to cast"), "{hugo}");
    let found = the_only_problem(&site.path().join("content/about.md"));
    assert!(found.contains("about.md:5:1: error: "), "{found}");
    assert!(found.contains("querify: unable to cast"), "{found}");
}

#[test]
fn a_languages_own_markup_table_stands_for_the_sites_for_its_pages() {
    // Review 60a, 2: Folio rendered `fr` with the root `markup` (raw HTML kept, the
    // root's quotes), where Hugo reads `languages.fr.markup` alone.
    let page = "---\ntitle: About\n---\n\nUn \"coup de cœur\".\n\n<b>raw</b>\n\n\
                {{< tip >}}Un \"choix\".{{< /tip >}}\n\n```go\nx := 1\n```\n";
    let site = crate::support::hugo_site(&[
        (
            "hugo.toml",
            "baseURL = \"https://e.org/\"\ndefaultContentLanguage = \"en\"\n\
             [languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n\
             [languages.fr.markup.goldmark.extensions.typographer]\nleftDoubleQuote = \"&laquo;\"\n\
             [languages.fr.markup.highlight]\nstyle = \"dracula\"\n\
             [markup.goldmark.renderer]\nunsafe = true\n\
             [markup.goldmark.extensions.typographer]\nrightDoubleQuote = \"&raquo;\"\n\
             [markup.highlight]\nlineNos = true\n",
        ),
        (
            "layouts/shortcodes/tip.html",
            "<p class=\"tip\">{{ .Inner | .Page.RenderString }}</p>",
        ),
        ("content/about.md", page),
        ("content/about.fr.md", page),
    ]);
    hugo_build(site.path(), "languages' markup");
    for (file, built) in [("about.md", "about"), ("about.fr.md", "fr/about")] {
        let hugo =
            std::fs::read_to_string(site.path().join("public").join(built).join("index.html"))
                .unwrap();
        let folio = folio_render(&site.path().join("content").join(file));
        // Entities as the characters they are (Folio writes `“`, Hugo `&ldquo;`).
        let text = |html: &str| normalise(&crate::goldmark::normalise(&without_token_spans(html)));
        assert_eq!(text(&folio), text(&hugo), "{file}");
    }
    let fr = std::fs::read_to_string(site.path().join("public/fr/about/index.html")).unwrap();
    assert!(
        fr.contains("&laquo;coup de cœur&rdquo;") && fr.contains("raw HTML omitted"),
        "{fr}"
    );
}

#[test]
fn a_translation_that_does_not_run_is_said_at_the_call_with_the_fix() {
    // Hugo writes nothing for it and warns; Folio wrote nothing and said nothing.
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "baseURL = \"https://e.org/\"\n"),
        ("data/x.yaml", "left: 42\n"),
        (
            "i18n/en.toml",
            "[seats]\nother = \"{{ .Count }} seats left\"\n",
        ),
        (
            "layouts/shortcodes/f.html",
            "<p>{{ i18n \"seats\" site.Data.x.left }}</p>",
        ),
        (
            "content/about.md",
            "---\ntitle: About\n---\n\nIntro.\n\n{{< f >}}\n",
        ),
    ]);
    let found = checked(&site.path().join("content/about.md"));
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].contains("about.md:7:1: warning: Hugo writes nothing for `i18n \"seats\"`"),
        "{found:#?}"
    );
    assert!(found[0].contains("pass `(int …)`"), "{found:#?}");
}

#[test]
fn a_date_param_read_with_capitals_is_one_param_of_the_page() {
    // Review 59c, 1: its two spellings became two times apart, and both were listed.
    let (hugo, folio) = shortcode_f(
        "baseURL = \"https://e.org/\"\n",
        "<p>{{ len .Page.Params }}|{{ range $k, $v := .Page.Params }}{{ $k }};{{ end }}|\
         {{ .Page.Params.eventDate.Year }}</p>",
        "+++\ntitle = \"About\"\neventDate = 2024-01-02T10:00:00Z\n+++\n{{< f >}}\n",
    );
    assert!(hugo.contains("|2024</p>"), "{hugo}");
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn a_variable_used_out_of_its_scope_is_located_where_go_refuses_it() {
    // Go's parser refuses the template at the use; `gotmpl` said so with no place (review
    // 57a, 15). `$y` is declared inside the `with`, and in the `range` only from its
    // declaration on.
    for (template, use_of) in [
        (
            "{{ with .Get \"a\" }}{{ $y := 1 }}{{ $y }}{{ end }}<p>{{ $y }}</p>",
            "<p>{{ $y",
        ),
        (
            "{{ range slice 1 2 }}{{ $y }}{{ $y := . }}{{ end }}",
            "{{ $y }}",
        ),
    ] {
        let col = template.find(use_of).unwrap() + use_of.find('$').unwrap() + 1;
        stops_as_hugo(
            site_calling_f(&[], template).path(),
            "undefined variable \"$y\"",
            &format!("layouts/shortcodes/f.html:1:{col}: undefined variable \"$y\""),
        );
    }
    // Declared in the branch not taken: Go's parser has it, the run does not, and says so
    // at the use (review 57b, 6: Folio pointed at the declaration).
    let template = "{{ if .Get \"a\" }}{{ $x := 1 }}{{ else }}<p>{{ $x }}</p>{{ end }}";
    let col = template.find("<p>").unwrap() + 7;
    stops_as_hugo(
        site_calling_f(&[], template).path(),
        "undefined variable: $x",
        &format!("layouts/shortcodes/f.html:1:{col}: undefined variable: $x"),
    );
}

#[test]
fn a_partial_run_by_a_template_action_inside_a_tag_or_a_script_shows_folios_card_and_says_why() {
    // Go escapes the partial's text for the place (review 56a, 1); Folio's call gives HTML.
    for (template, said) in [
        (
            "<a title=\"{{ template \"partials/p.html\" . }}\">x</a>",
            "f.html:1:23",
        ),
        (
            "<script>var x = {{ template \"_partials/n.html\" 1 }};</script>",
            "f.html:1:29",
        ),
    ] {
        let site = site_with_partials(template);
        crate::support::hugo_run(site.path(), &[]).unwrap();
        let found = checked(&site.path().join("content/about.md"));
        let why = format!("{said}: Folio cannot run `template");
        assert!(found.iter().any(|f| f.contains(&why)), "{found:?}");
    }
}

#[test]
fn a_partial_named_where_hugo_holds_none_stops_as_in_hugo() {
    // `partials/` names the older folder's files only, and `partial` takes no such prefix
    // (Hugo 0.146 dropped it; Folio had taken it off).
    for (template, hugos, folios) in [
        (
            "<p>{{ template \"partials/n.html\" . }}</p>",
            "_shortcodes/f.html:1:15: no such template \"partials/n.html\"",
            "f.html:1:16: no such template \"partials/n.html\"",
        ),
        (
            "<p>{{ partial \"partials/p.html\" . }}</p>",
            "partial \"partials/p.html\" not found",
            "f.html:1:7: partial \"partials/p.html\" not found",
        ),
    ] {
        stops_as_hugo(site_with_partials(template).path(), hugos, folios);
    }
}

#[test]
fn a_template_or_partial_hugo_embeds_shows_folios_card_and_says_folio_does_not_have_it() {
    for (template, said) in [
        (
            "<p>{{ template \"_internal/google_analytics.html\" . }}</p>",
            "f.html:1:16: Folio does not have Hugo's embedded template \
             `_internal/google_analytics.html`",
        ),
        (
            "<p>{{ partial \"opengraph.html\" .Page }}</p>",
            "f.html:1:7: Folio does not have Hugo's embedded partial `opengraph.html`",
        ),
    ] {
        let site = site_with_partials(template);
        crate::support::hugo_run(site.path(), &[]).unwrap();
        let found = checked(&site.path().join("content/about.md"));
        assert!(found.iter().any(|f| f.ends_with(said)), "{found:?}");
    }
}

#[test]
fn a_name_hugos_page_site_or_shortcode_does_not_have_stops_hugo_and_is_a_located_error() {
    for &(template, at, message) in UNKNOWN_NAMES {
        let site = site_with(&[("f", template)], "{{< f >}}");
        let hugo = crate::support::hugo_run(site.path(), &[]).unwrap_err();
        assert!(hugo.contains(message), "{template}: Hugo said {hugo}");
        // Hugo's column counts from 0, Folio's from 1.
        let (line, col) = at.split_once(':').unwrap();
        let col: usize = col.parse().unwrap();
        let hugos = format!("_shortcodes/f.html:{line}:{}: executing", col - 1);
        assert!(hugo.contains(&hugos), "{template}: Hugo said {hugo}");
        let html = preview(site.path());
        let located = format!("layouts/shortcodes/f.html:{at}: {message}");
        assert!(html.contains(&located), "{template}\n{html}");
    }
}

#[test]
fn the_same_names_render_as_in_hugo_where_hugo_has_them_or_never_reaches_them() {
    let (hugo, folio) = shortcode_f(
        "title = \"T\"\n",
        "{{ $m := dict \"Titel\" \"t\" \"Page\" (dict \"Next\" \"n\" \"Titel\" \"u\") }}\
         <p>{{ $m.Titel }}-{{ $m.Page.Next }}-{{ $m.Page.Titel }}-{{ .Page.Page.Title }}\
         -{{ if false }}{{ .Page.Titel }}{{ end }}-{{ with .Page }}{{ .Page.Kind }}{{ end }}\
         -{{ .Site.Home.RelPermalink }}-{{ .Page.Parent.Title }}\
         -{{ $d := dict \"BaseURL\" \"b\" \"Languages\" 1 }}{{ $d.Author }}\
         -{{ range slice (dict \"name\" \"x\") }}{{ .name }}{{ .nope }}{{ end }}\
         -{{ $d.missing.deeper }}-{{ with .Page.Params }}{{ .tag }}{{ end }}</p>",
        "---\ntitle: About\ntag: go\n---\n\n{{< f >}}\n",
    );
    let p = |html: &str| normalise(html.split("<p>").nth(1).unwrap_or_default());
    assert_eq!(p(&folio), p(&hugo));
    assert!(p(&hugo).starts_with("t-n-u-About--page-"), "{hugo}");
    assert!(p(&hugo).contains("-x--go"), "{hugo}");
}

#[test]
fn the_sorts_and_length_of_a_regular_pages_empty_lists_render_as_in_hugo() {
    // docport's `children`, ace's `childpages`: `range .Page.Pages.ByWeight`.
    let (hugo, folio) = shortcode_f(
        "title = \"T\"\n",
        "<p>[{{ range .Page.Pages.ByWeight }}x{{ end }}][{{ .Page.Pages.Len }}]\
         [{{ range .Page.Pages.ByDate.Reverse }}y{{ end }}][{{ len .Page.RegularPages.ByTitle }}]\
         [{{ with .Page.Pages.Reverse }}w{{ else }}none{{ end }}]\
         [{{ range $.Page.Translations.ByLanguage }}t{{ end }}]</p>",
        "---\ntitle: About\n---\n\n{{< f >}}\n",
    );
    let p = |html: &str| normalise(html.split("<p>").nth(1).unwrap_or_default());
    assert_eq!(p(&folio), p(&hugo));
    assert_eq!(p(&hugo), "[][0][][0][none][]</p>");
}

#[test]
fn a_regular_pages_empty_lists_keep_their_sorts_when_a_template_stores_them() {
    // docdock's `children` keeps `.Page.Pages` in a variable, a dict and the scratch pad
    // before it sorts it (hunt T, 8); `where` and `first` of a list of pages give one.
    let (hugo, folio) = shortcode_f(
        "title = \"T\"\n",
        "<p>{{ $x := .Page.Pages }}[{{ len $x.ByWeight }}]\
         {{ $d := dict \"pages\" .Page.Pages }}[{{ range $d.pages.ByTitle }}x{{ end }}]\
         {{ .Page.Scratch.Set \"p\" .Page.RegularPages }}[{{ (.Page.Scratch.Get \"p\").ByDate.Reverse.Len }}]\
         [{{ (where .Page.Pages \"Type\" \"post\").ByWeight.Len }}][{{ (first 3 $x).Reverse.Len }}]\
         [{{ ($x).ByLinkTitle.Len }}]</p>",
        "---\ntitle: About\n---\n\n{{< f >}}\n",
    );
    let p = |html: &str| normalise(html.split("<p>").nth(1).unwrap_or_default());
    assert_eq!(p(&hugo), "[0][][0][0][0][0]</p>");
    assert_eq!(p(&folio), p(&hugo));
}

#[test]
fn the_sites_get_page_reads_hugo_0_44s_form_with_a_kind_first() {
    // docdock: `.Site.GetPage "section" "sec"` (hunt T, 2).
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "title = \"T\"\n"),
        (
            "layouts/shortcodes/gp.html",
            "<p>{{ with .Site.GetPage (.Get 0) (.Get 1) }}{{ .Title }}|{{ .Kind }}{{ else }}none{{ end }}</p>",
        ),
        (
            "layouts/shortcodes/home.html",
            "<p>{{ (.Site.GetPage \"home\").Kind }}|{{ .Site.GetPage \"home\" \"/\" }}</p>",
        ),
        ("content/sec/_index.md", "---\ntitle: Section One\n---\n"),
        ("content/sec/a.md", "---\ntitle: Alpha Page\n---\n"),
        (
            "content/about.md",
            "---\ntitle: About\n---\n\n{{< gp \"section\" \"sec\" >}}\n{{< gp \"page\" \"sec/a.md\" >}}\n\
             {{< gp \"section\" \"\" >}}\n{{< gp \"page\" \"/nope\" >}}\n{{< home >}}\n{{< gp \"home\" \"sec\" >}}\n",
        ),
    ]);
    let (hugo, folio) = hugo_and_folio(site.path(), "GetPage", "content/about.md");
    let ps = normalised_paragraphs;
    // The first is the page's empty paragraph before the calls.
    assert_eq!(
        ps(&hugo)[1..5],
        ["Section One|section", "Alpha Page|page", "T|home", "none"]
    );
    assert_eq!(ps(&folio)[1..5], ps(&hugo)[1..5]);
    assert!(ps(&hugo)[5].starts_with("home|"), "{hugo}");
    assert!(ps(&folio)[5].starts_with("home|"), "{folio}");
    // "home" first is the home page, whatever follows (the review).
    assert_eq!(ps(&hugo)[6], "T|home");
    assert_eq!(ps(&folio)[6], ps(&hugo)[6]);
}

#[test]
fn other_pages_are_found_whole_whatever_the_length_of_their_front_matter() {
    // Folio reads a page's first 16 KiB for its front matter, and the rest only when the
    // front matter does not close in them: a front matter longer than that, one whose
    // closing line is cut there, and a long body behind a short one.
    let long = format!(
        "---\npad: \"{}\"\ntitle: Long Front\n---\n",
        "x".repeat(20_000)
    );
    let pad = 16_382 - "---\npad: \"\"\ntitle: Cut Line\n".len();
    let cut = format!(
        "---\npad: \"{}\"\ntitle: Cut Line\n---\nbody\n",
        "y".repeat(pad)
    );
    assert_eq!(cut.find("\n---\nbody").map(|at| at + 1), Some(16_382));
    let body = format!(
        "---\ntitle: Big Body\n---\n{}",
        "Words and words.\n\n".repeat(3_000)
    );
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "title = \"T\"\n"),
        (
            "layouts/shortcodes/gp.html",
            "<p>{{ with .Site.GetPage (.Get 0) }}{{ .Title }}{{ else }}none{{ end }}</p>",
        ),
        ("content/long.md", &long),
        ("content/cut.md", &cut),
        ("content/body.md", &body),
        (
            "content/about.md",
            "---\ntitle: About\n---\n\n{{< gp \"long\" >}}\n{{< gp \"cut\" >}}\n{{< gp \"body\" >}}\n\
             {{< gp \"small-latin\" >}}\n{{< gp \"big-latin\" >}}\n",
        ),
    ]);
    // A byte that is not UTF-8 in the body (Latin-1's `é`), in a file shorter than the
    // bytes read first and in one longer: Hugo reads both front matters (review 53b, 9).
    let latin = |title: &str, lines: usize| {
        let mut text = format!("---\ntitle: {title}\n---\n").into_bytes();
        text.extend(b"Words and words.\n\n".repeat(lines));
        text.extend(b"caf\xe9\n");
        text
    };
    let content = site.path().join("content");
    std::fs::write(content.join("small-latin.md"), latin("Small Latin", 1)).unwrap();
    std::fs::write(content.join("big-latin.md"), latin("Big Latin", 3_000)).unwrap();
    let (hugo, folio) = hugo_and_folio(site.path(), "long pages", "content/about.md");
    let ps = normalised_paragraphs;
    assert_eq!(
        ps(&hugo)[1..],
        [
            "Long Front",
            "Cut Line",
            "Big Body",
            "Small Latin",
            "Big Latin"
        ]
    );
    assert_eq!(ps(&folio)[1..], ps(&hugo)[1..]);
}

#[test]
fn a_shortcode_runs_the_template_hugo_meets_first_in_the_layouts_folders_walked_as_one() {
    // Hugo walks the site's and the themes' layouts as one folder, each subfolder where
    // the first layer having it puts it, and keeps the first template of a name: a
    // theme's `_shortcodes/a.html` beats the site's `shortcodes/a.html` only when the
    // site has a `_shortcodes` folder (hunt AS, 6).
    for site_has_new_folder in [false, true] {
        let mut files = vec![
            ("hugo.toml", "theme = [\"t1\", \"t2\"]\n"),
            ("layouts/shortcodes/a.html", "<p>site-old a</p>"),
            ("themes/t2/layouts/_shortcodes/a.html", "<p>t2-new a</p>"),
            ("themes/t1/layouts/shortcodes/b.html", "<p>t1-old b</p>"),
            ("themes/t2/layouts/_shortcodes/b.html", "<p>t2-new b</p>"),
            ("themes/t1/layouts/_shortcodes/c.html", "<p>t1-new c</p>"),
            ("themes/t2/layouts/_shortcodes/c.html", "<p>t2-new c</p>"),
            (
                "content/about.md",
                "---\ntitle: About\n---\n\n{{< a >}}\n\n{{< b >}}\n\n{{< c >}}\n",
            ),
        ];
        if site_has_new_folder {
            files.push(("layouts/_shortcodes/z.html", "z"));
        }
        let site = crate::support::hugo_site(&files);
        let (hugo, folio) =
            hugo_and_folio(site.path(), "the shortcode folders", "content/about.md");
        let ps = normalised_paragraphs;
        let expected = if site_has_new_folder {
            ["t2-new a", "t2-new b", "t1-new c"]
        } else {
            ["site-old a", "t1-old b", "t1-new c"]
        };
        assert_eq!(ps(&hugo), expected, "{site_has_new_folder}");
        assert_eq!(ps(&folio), ps(&hugo), "{site_has_new_folder}");
    }
}

#[test]
fn a_shortcode_with_no_template_for_every_language_takes_one_from_a_later_layer() {
    // Hugo keeps the first template of each name and variant: the site's `b.fr.html`
    // alone leaves the other languages the theme's `b.html`, and German pages the
    // theme's `b.de.html`. On a site of one language, a variant for it is the template
    // for every language: the site's `c.en.html` wins over the theme's `c.html` (review
    // 53b, 7).
    for several in [true, false] {
        let config = if several {
            "theme = \"t\"\n[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n\
             [languages.de]\nweight = 3\n"
        } else {
            "theme = \"t\"\n"
        };
        let page = "---\ntitle: About\n---\n\n{{< b >}}\n\n{{< c >}}\n";
        let mut files = vec![
            ("hugo.toml", config),
            ("layouts/_shortcodes/b.fr.html", "<p>site-fr b</p>"),
            ("themes/t/layouts/_shortcodes/b.html", "<p>theme-all b</p>"),
            (
                "themes/t/layouts/_shortcodes/b.de.html",
                "<p>theme-de b</p>",
            ),
            ("layouts/_shortcodes/c.en.html", "<p>site-en c</p>"),
            ("themes/t/layouts/_shortcodes/c.html", "<p>theme-all c</p>"),
            ("content/about.md", page),
        ];
        if several {
            files.extend([("content/about.fr.md", page), ("content/about.de.md", page)]);
        }
        let site = crate::support::hugo_site(&files);
        crate::support::hugo_build(site.path(), "the language variants");
        let ps = normalised_paragraphs;
        let hugo = |out: &str| ps(&std::fs::read_to_string(site.path().join(out)).unwrap());
        let folio = |page: &str| ps(&folio_render(&site.path().join(page)));
        let pages: &[(&str, &str, [&str; 2])] = if several {
            &[
                (
                    "content/about.md",
                    "public/about/index.html",
                    ["theme-all b", "site-en c"],
                ),
                (
                    "content/about.fr.md",
                    "public/fr/about/index.html",
                    ["site-fr b", "theme-all c"],
                ),
                (
                    "content/about.de.md",
                    "public/de/about/index.html",
                    ["theme-de b", "theme-all c"],
                ),
            ]
        } else {
            &[(
                "content/about.md",
                "public/about/index.html",
                ["theme-all b", "site-en c"],
            )]
        };
        for (page, out, expected) in pages {
            assert_eq!(hugo(out), expected, "{several} {page}");
            assert_eq!(folio(page), hugo(out), "{several} {page}");
        }
    }
}

#[test]
fn a_module_import_comes_before_the_theme() {
    // Hugo adds the themes to `module.imports`, after the imports the config lists
    // (`modules/config.go`): a vendored module's template wins over the theme's (review
    // 53b, 8).
    let site = crate::support::hugo_site(&[
        (
            "hugo.toml",
            "theme = \"t\"\n[[module.imports]]\npath = \"example.com/m\"\n",
        ),
        ("_vendor/modules.txt", "# example.com/m v1.0.0\n"),
        (
            "_vendor/example.com/m/layouts/_shortcodes/a.html",
            "<p>module a</p>",
        ),
        ("themes/t/layouts/_shortcodes/a.html", "<p>theme a</p>"),
        ("themes/t/layouts/_shortcodes/b.html", "<p>theme b</p>"),
        (
            "content/about.md",
            "---\ntitle: About\n---\n\n{{< a >}}\n\n{{< b >}}\n",
        ),
    ]);
    let (hugo, folio) = hugo_and_folio(site.path(), "the module", "content/about.md");
    assert_eq!(normalised_paragraphs(&hugo), ["module a", "theme b"]);
    assert_eq!(normalised_paragraphs(&folio), normalised_paragraphs(&hugo));
}

#[test]
fn a_method_of_time_now_takes_its_arguments() {
    // Hunt AT, 3: `time.Now.Format "2006"`, `.AddDate` and `.Sub` on `time.Now` were
    // refused ("can't give argument to non-function").
    let (hugo, folio) = shortcode_f(
        "",
        "<p>{{ time.Now.Format \"2006\" | len }} {{ gt (time.Now.AddDate 0 0 1).Year 2000 }} \
         {{ gt (time.Now.Sub (time.AsTime \"2020-01-01\")).Hours 1.0 }}</p>",
        "---\ntitle: About\n---\n\n{{< f >}}\n",
    );
    assert_eq!(normalised_paragraphs(&hugo), ["4 true true"]);
    assert_eq!(normalised_paragraphs(&folio), normalised_paragraphs(&hugo));
}

#[test]
fn hugos_objects_print_as_their_string_methods_write_them() {
    // hello-friend's `code` prints `.Page.File`; a printed page, site, URL or list of
    // pages, and dates inside params, are Go's `String`s, not Folio's maps (hunt T, 3).
    let (hugo, folio) = shortcode_f(
        "baseURL = \"https://example.org/sub/\"\ntitle = \"T\"\n",
        "<p>[{{ .Page.File }}][{{ printf \"%q\" .Page.File }}]</p><p>[{{ .Page }}]</p>\
         <p>[{{ .Page.Params }}]</p><p>[{{ .Page.Permalink | urls.Parse }}]</p>\
         <p>[{{ .Site }}][{{ .Page.Language }}]</p><p>[{{ .Page.File.Dir }}|{{ .Page.File.Path }}]</p>\
         <p>[{{ slice .Page.Date 1 }}][{{ dict \"d\" .Page.Date \"p\" .Page.File }}]</p>\
         <p>[{{ .Page.Sections }}|{{ .Page.Pages }}|{{ printf \"%v\" .Page.RegularPages }}]</p>",
        "---\ntitle: About\ndate: 2024-01-06\ntags: [a, b]\nextra: {x: 1}\n---\n\n{{< f >}}\n",
    );
    let ps = normalised_paragraphs;
    assert_eq!(ps(&folio), ps(&hugo));
    let hugo = ps(&hugo);
    assert_eq!(hugo[0], "[about][&#34;about&#34;]");
    assert!(hugo[1].ends_with("/content/about.md]"), "{hugo:?}");
    assert!(
        hugo[2].contains("date:2024-01-06 00:00:00 &#43;0000 UTC"),
        "{hugo:?}"
    );
    assert_eq!(hugo[7], "[Pages(0)|Pages(0)|Pages(0)]");
}

#[test]
fn the_blanks_between_two_calls_on_a_line_indent_the_second_calls_later_lines() {
    // darths' funge and spotify: `{{< a >}} {{< b >}}` (hunt T, 4).
    let (hugo, folio) = shortcode_f(
        "title = \"T\"\n",
        "<pre>line1\nline2</pre>",
        "---\ntitle: About\n---\n\n{{< f >}} {{< f >}}\n\n{{< f >}}\t {{< f >}}\n\ntext {{< f >}}\n\n{{< f >}}x {{< f >}}\n",
    );
    let pres = |html: &str| -> Vec<String> {
        html.split("<pre>")
            .skip(1)
            .map(|p| p.split("</pre>").next().unwrap_or_default().to_string())
            .collect()
    };
    assert_eq!(pres(&folio), pres(&hugo));
    let hugo = pres(&hugo);
    assert_eq!(hugo[1], "line1\n line2");
    assert_eq!(hugo[3], "line1\n\t line2");
    assert_eq!(hugo[4], "line1\nline2");
    assert_eq!(hugo[6], "line1\nline2");
}

#[test]
fn a_percent_calls_table_of_contents_goes_in_after_the_markdown_is_rendered() {
    // docdock's `toc`: Hugo hands the call a placeholder, which Markdown leaves alone,
    // and puts the table in its place afterwards (hunt T, 1).
    let (hugo, folio) = shortcode_f(
        "title = \"T\"\n",
        "{{ .Page.TableOfContents }}",
        "---\ntitle: About\n---\n\n## H one\n\nText {{% f %}} more *em*\n\n* item {{% f %}}\n\n\
         {{% f %}}\n\n```\n{{% f %}}\n```\n\n## H two\n",
    );
    assert_eq!(normalise(&folio), normalise(&hugo));
    assert!(
        normalise(&hugo).contains("<p>Text<nav id=\"TableOfContents\">"),
        "{hugo}"
    );
}

#[test]
fn a_table_of_contents_entry_has_the_output_of_a_call_in_its_heading() {
    // Review 61a: `## Streams {{< badge >}} {#streams}` was listed as "Streams ".
    let site = site_with(
        &[
            ("toc", "{{ .Page.TableOfContents }}"),
            ("badge", "<span class=\"badge\">{{ .Get 0 }}</span>"),
        ],
        "{{< toc >}}\n\n## Streams {{< badge New >}} {#streams}\n\n## Two {{< badge Old >}} and *em* {#two}\n",
    );
    crate::support::hugo_build(site.path(), "a heading with a call");
    let hugo = hugo_page(site.path(), "page");
    assert!(
        hugo.contains("<a href=\"#streams\">Streams <span class=\"badge\">New</span></a>"),
        "{hugo}"
    );
    let folio = folio_render(&site.path().join("content/page.md"));
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn a_table_of_contents_lists_markdowns_headings_only_without_their_footnote_references() {
    // Review 64b, r4 and r5: the headings of HTML a `{{% %}}` call's template made itself
    // (`markdownify`) and of the page's own raw HTML were listed, and a heading's footnote
    // reference stayed in its entry.
    let site = crate::support::hugo_site(&[
        (
            "hugo.toml",
            "baseURL = \"https://e.org/\"\n[markup.goldmark.renderer]\nunsafe = true\n",
        ),
        ("layouts/shortcodes/toc.html", "{{ .Page.TableOfContents }}"),
        (
            "layouts/shortcodes/note.html",
            "<div class=\"note\">{{ .Inner | markdownify }}</div>",
        ),
        (
            "content/about.md",
            "---\ntitle: About\n---\n{{< toc >}}\n\n## Setup <i class=\"icon\">x</i>\n\n\
             {{% note %}}\n## Inside note\n{{% /note %}}\n\n<h2 id=\"raw\">Raw</h2>\n\n\
             ## Limits[^1]\n\n[^1]: A note.\n\n\
             ## A <span class=\"x\" data-y=\"1\" style=\"color:red\">s</span> <font>f</font> It's *e* & \"q\"\n\n\
             ## Plain It's & \"q\" 5 < 6\n\n## `c \"d\"` it's\n\n\
             ## Before's [link's](/x) after's <!-- note -->\n",
        ),
    ]);
    let (hugo, folio) = hugo_and_folio(site.path(), "toc of Markdown headings", "content/about.md");
    assert!(hugo.contains("<a href=\"#limits\">Limits</a>"), "{hugo}");
    assert!(!hugo.contains("href=\"#inside-note\""), "{hugo}");
    // A title with a tag goes through Hugo's sanitiser: characters, not entities.
    assert!(
        hugo.contains("<code>c &#34;d&#34;</code> it’s</a>"),
        "{hugo}"
    );
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn a_calls_table_of_contents_is_hugos_placeholder_and_the_whole_pages_in_a_window() {
    // The review of hunt T's fix: a template measuring the placeholder sees Hugo's, and the
    // preview's window of the last blocks still lists the headings above it.
    let (hugo, folio) = shortcode_f(
        "title = \"T\"\n",
        "<p>[{{ len .Page.TableOfContents }}|{{ .Page.TableOfContents | lower }}]</p>",
        "---\ntitle: About\n---\n\n## H one\n\n{{< f >}}\n",
    );
    assert_eq!(normalise(&folio), normalise(&hugo));
    assert!(hugo.contains("[26|hahahugoshortcode0toc0hbhb]"), "{hugo}");
    let site = site_with(
        &[("toc", "{{ .Page.TableOfContents }}")],
        "## First\n\nText.\n\n## Second\n\n{{< toc >}}",
    );
    let doc = folio::OpenPage::open(&site.path().join("content/page.md")).unwrap();
    let n = doc.page.blocks().len();
    let last = doc.preview_window(None, None, Some(n - 1..n), None);
    assert!(last.contains("href=\"#first\""), "{last}");
}

#[test]
fn a_collection_functions_result_is_a_list_of_pages_where_hugos_is() {
    // The review of 7de837f: Hugo's result is of its collection's own type (which
    // argument that is differs by function), and a template's `slice` of pages is a plain
    // slice, not a `page.Pages`.
    let (hugo, folio) = shortcode_f(
        "title = \"T\"\n",
        "{{ $e := slice }}{{ $p := .Page.Pages }}<p>[{{ union $e $p }}][{{ union $p $e }}][{{ intersect $p $e }}][{{ intersect $e $p }}][{{ complement $e $p }}][{{ complement $p $e }}][{{ symdiff $p $e }}][{{ symdiff $e $p }}][{{ collections.Reverse $p }}][{{ where $p \"x\" \"y\" }}][{{ first 1 $p }}][{{ sort $p }}][{{ uniq $p }}][{{ shuffle $p }}][{{ after 1 $p }}][{{ last 1 $p }}][{{ slice .Page }}][{{ .Page.Translations }}][{{ .Page.AllTranslations }}]</p>",
        "---\ntitle: About\n---\n\n{{< f >}}\n",
    );
    assert_eq!(normalise(&folio), normalise(&hugo));
    assert!(
        hugo.contains("<p>[[]][Pages(0)][Pages(0)][[]][Pages(0)][[]][[]][Pages(0)]"),
        "{hugo}"
    );
}

#[test]
fn a_pages_file_as_json_is_empty_as_in_hugo_not_its_path() {
    // The review: `jsonify .Page.File` wrote the machine's absolute path into the page.
    let (hugo, folio) = shortcode_f(
        "title = \"T\"\n",
        "<p>[{{ jsonify .Page.File }}][{{ jsonify (dict \"f\" .Page.File \"n\" 1) }}]</p>",
        "---\ntitle: About\n---\n\n{{< f >}}\n",
    );
    assert_eq!(normalise(&folio), normalise(&hugo));
    assert!(!folio.contains("/content/about.md"), "{folio}");
}

#[test]
fn a_parsed_url_prints_and_escapes_as_gos_url_does() {
    // The review: Go rebuilds a URL's text, escaping its path and fragment.
    let (hugo, folio) = shortcode_f(
        "title = \"T\"\n",
        "{{ range slice \"HTTP://Example.com/a b?x=1 2#f g\" \"https://ex.org/caf%C3%A9/x?y=1#fr%20ag\" \
         \"/relative/path b\" \"mailto:a@b.c\" \"//cdn.ex.org/x.js\" \"https://u@ex.org\" \"http://h.com/p?\" }}\
         {{ with urls.Parse . }}<p>[{{ . }}|{{ .EscapedPath }}|{{ .Path }}|{{ .Fragment }}|{{ .RequestURI }}]</p>{{ end }}{{ end }}",
        "---\ntitle: About\n---\n\n{{< f >}}\n",
    );
    assert_eq!(normalise(&folio), normalise(&hugo));
    assert!(
        hugo.contains("[http://Example.com/a%20b?x=1 2#f%20g|/a%20b|/a b|f g|"),
        "{hugo}"
    );
}

#[test]
fn a_collection_functions_result_of_translations_is_a_list_of_pages() {
    // The second review: `first`, `sort` and `where` of `.AllTranslations` gave plain lists,
    // whose `.Len` failed and which printed the pages' paths.
    let site = crate::support::hugo_site(&[
        (
            "hugo.toml",
            "title = \"T\"\ndefaultContentLanguage = \"en\"\n[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n",
        ),
        (
            "layouts/shortcodes/f.html",
            "{{ $a := .Page.AllTranslations }}<p>[{{ (first 1 $a).Len }}][{{ $a.Len }}]\
             [{{ printf \"%v\" (sort $a \"Lang\" \"desc\") }}][{{ len (where $a \"Lang\" \"fr\") }}]</p>",
        ),
        ("content/about.md", "---\ntitle: About\n---\n\n{{< f >}}\n"),
        ("content/about.fr.md", "---\ntitle: À propos\n---\n\nFr.\n"),
    ]);
    let (hugo, folio) = hugo_and_folio(site.path(), "translations", "content/about.md");
    assert!(hugo.contains("<p>[1][2][Pages(2)][1]</p>"), "{hugo}");
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn a_translation_has_its_sections_and_what_they_hand_down() {
    // Review 50b, 4: `.Translations` gave pages without `.Parent`, `.FirstSection` or
    // cascaded params.
    let site = crate::support::hugo_site(&[
        (
            "hugo.toml",
            "title = \"T\"\ndefaultContentLanguage = \"en\"\n[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n",
        ),
        (
            "content/docs/_index.md",
            "---\ntitle: Docs\ncascade:\n  badge: hot\n---\n",
        ),
        ("content/docs/_index.fr.md", "---\ntitle: Documents\n---\n"),
        ("content/docs/guide.md", "---\ntitle: Guide\n---\n"),
        ("content/docs/guide.fr.md", "---\ntitle: Guide FR\n---\n{{< f >}}\n"),
        (
            "layouts/shortcodes/f.html",
            "{{ $en := index .Page.Translations 0 }}<p>parent={{ with $en.Parent }}{{ .Title }}\
             {{ else }}nil{{ end }} first={{ with $en.FirstSection }}{{ .Title }}{{ else }}nil{{ end }} \
             badge={{ $en.Params.badge }} same={{ eq $en.Parent (site.GetPage \"/docs\") }}</p>",
        ),
    ]);
    hugo_build(site.path(), "translations' sections");
    let hugo = hugo_page(site.path(), "fr/docs/guide");
    assert!(
        hugo.contains("<p>parent=Docs first=Docs badge=hot same=false</p>"),
        "{hugo}"
    );
    let folio = folio_render(&site.path().join("content/docs/guide.fr.md"));
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn a_default_content_language_hugo_refuses_is_an_error_of_the_site_config() {
    // The review of f56e7fc: Hugo stops on a code with a capital without a languages
    // table, and on one its table does not have.
    for (config, message) in [
        (
            "defaultContentLanguage = \"DE\"\n",
            Some("language name \"DE\" is invalid"),
        ),
        (
            "defaultContentLanguage = \"De\"\n[languages.en]\nweight = 1\n",
            Some("defaultContentLanguage \"de\" not found in languages configuration"),
        ),
        (
            "defaultContentLanguage = \"DE\"\n[languages.de]\nweight = 1\n",
            None,
        ),
        ("defaultContentLanguage = \"de\"\n", None),
    ] {
        let site = site_with(&[("f", "x")], "");
        std::fs::write(
            site.path().join("hugo.toml"),
            format!("title = \"T\"\n{config}"),
        )
        .unwrap();
        let hugo = crate::support::hugo_run(site.path(), &[]);
        let found = checked(&site.path().join("content/page.md"));
        match message {
            Some(message) => {
                assert!(hugo.unwrap_err().contains(message), "{config}");
                assert!(
                    found.len() == 1
                        && found[0].contains("hugo.toml:2:26: error: ")
                        && found[0].contains(message),
                    "{config}: {found:?}"
                );
            }
            None => {
                assert!(hugo.is_ok(), "{config}");
                assert!(found.is_empty(), "{config}: {found:?}");
            }
        }
    }
}

#[test]
fn a_site_without_default_content_language_has_hugos_default_en_or_its_first_language() {
    // A German and French site that names no default: Hugo's is `en` if there is one,
    // else the first by weight (none last), then by code (hunt W, 1).
    for (languages, default) in [
        (
            "[languages.de]\nweight = 1\n[languages.fr]\nweight = 2\n",
            "de",
        ),
        ("[languages.fr]\n[languages.de]\n", "de"),
        (
            "[languages.fr]\nweight = 1\n[languages.de]\nweight = 2\n",
            "fr",
        ),
        ("[languages.de]\n[languages.fr]\nweight = 3\n", "fr"),
        (
            "[languages.fr]\nweight = 1\n[languages.en]\nweight = 2\n",
            "en",
        ),
        // Hugo lowercases the codes, and an empty default is none (the review).
        (
            "[languages.FR]\nweight = 1\n[languages.EN]\nweight = 2\n",
            "en",
        ),
        (
            "defaultContentLanguage = \"\"\n[languages.fr]\nweight = 1\n[languages.de]\nweight = 2\n",
            "fr",
        ),
    ] {
        let (hugo, folio) = shortcode_f(
            &format!("baseURL = \"https://e.org/\"\n{languages}"),
            "<p>lang={{ .Page.Lang }}</p>",
            "---\ntitle: About\n---\n\n{{< f >}}\n",
        );
        assert!(
            hugo.contains(&format!("lang={default}")),
            "{languages}: {hugo}"
        );
        assert_eq!(normalise(&folio), normalise(&hugo), "{languages}");
    }
}

#[test]
fn a_calls_position_prints_as_hugos_quoted_with_its_column_in_bytes_and_a_nested_one_at_the_start()
{
    let (hugo, folio) = shortcode_f(
        "title = \"T\"\n",
        "<p>[{{ .Position }}|{{ printf \"%s\" .Position }}|{{ .Position.LineNumber }}:{{ .Position.ColumnNumber }}\
         |{{ path.Base .Position.Filename }}]</p>\
         <p>{{ .Position.Offset }}|{{ .Position.IsValid }}|{{ printf \"%T\" .Position }}\
         |{{ jsonify .Position }}</p>{{ .Inner }}",
        "---\ntitle: About\n---\n\nÜnï 日本 {{< f />}}\n\n{{< f >}}\n{{< f />}}\n{{< /f >}}\n",
    );
    let ps = normalised_paragraphs;
    assert_eq!(ps(&folio), ps(&hugo));
    let hugo = ps(&hugo);
    // The first paragraph is the text before the first call; each call writes two.
    assert!(hugo[1].ends_with(":5:14&#34;|5:14|about.md]"), "{hugo:?}");
    assert!(hugo[1].starts_with("[&#34;/"), "{hugo:?}");
    // A struct, which gethinode's argument checks tell by its type (hunt V, 5).
    assert!(hugo[2].starts_with("35|true|text.Position|{"), "{hugo:?}");
    assert!(hugo[5].ends_with(":1:1&#34;|1:1|about.md]"), "{hugo:?}");
}

#[test]
fn get_page_of_a_taxonomy_or_term_page_shows_the_card_saying_so() {
    // w3css-basic's `litt` reads a term page (hunt V, 3): Hugo has it without a content
    // file; Folio, which does not list the site's pages by term, says so.
    let site = site_with(
        &[(
            "f",
            "[{{ with site.GetPage \"tags/go-lang\" }}{{ .Title }}|{{ .Kind }}{{ end }}]",
        )],
        "{{< f >}}",
    );
    std::fs::write(
        site.path().join("content/page.md"),
        "---\ntitle: P\ntags: [\"Go Lang\"]\n---\n\n{{< f >}}\n",
    )
    .unwrap();
    crate::support::hugo_build(site.path(), "a term page");
    let hugo = std::fs::read_to_string(site.path().join("public/page/index.html")).unwrap();
    assert!(hugo.contains("[Go Lang|term]"), "{hugo}");
    let found = the_only_problem(&site.path().join("content/page.md"));
    assert!(
        found.contains("warning")
            && found.contains(
                "Folio cannot run `.GetPage` of a taxonomy or term page (`tags/go-lang`)"
            ),
        "{found}"
    );
}

#[test]
fn another_pages_files_are_its_bundles_as_hugo_lists_them() {
    // nginx's `include` reads another page's bundle (hunt X, 4), and markdownify's render
    // hooks the home page's (hunt Y, 3); the page rendered has files of its own. A
    // section's and the home page's are those of its folder and of folders without a page.
    let list = "{{ range .Resources }}{{ .Name }}={{ .RelPermalink }};{{ end }}";
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "baseURL = \"https://e.org/sub/\"\ntitle = \"T\"\n"),
        ("layouts/_default/single.html", "{{ .Content }}"),
        (
            "layouts/shortcodes/g.html",
            &format!(
                "{{{{ with site.GetPage (.Get 0) }}}}<p>{}|{{{{ with .Resources.GetMatch \"*.json\" }}}}{{{{ .Name }}}}{{{{ end }}}}</p>{{{{ end }}}}",
                list
            ),
        ),
        ("content/_index.md", "---\ntitle: Home\n---\n"),
        ("content/logo.txt", "logo"),
        ("content/imgs/c d.txt", "c"),
        ("content/other/index.md", "---\ntitle: O\nresources:\n- src: note.txt\n  name: the-note\n---\n"),
        ("content/other/note.txt", "other note"),
        ("content/other/sub/d.json", "{}"),
        ("content/blog/_index.md", "---\ntitle: B\n---\n"),
        ("content/blog/x.txt", "x"),
        ("content/blog/post/index.md", "---\ntitle: Post\n---\n"),
        ("content/blog/post/y.txt", "y"),
        ("content/plain.md", "---\ntitle: Plain\n---\n"),
        // A folder with a plain page is no section below the top (this session's review).
        ("content/blog/s/_index.md", "---\ntitle: S\n---\n"),
        ("content/blog/s/own.txt", "o"),
        ("content/blog/s/withpage/w.md", "---\ntitle: W\n---\n"),
        ("content/blog/s/withpage/w.txt", "w"),
        ("content/blog/s/withpage/deeper/z.txt", "z"),
        ("content/blog/s/leaf/index.md", "---\ntitle: L\n---\n"),
        ("content/blog/s/leaf/l.txt", "l"),
        (
            "content/p/index.md",
            "---\ntitle: P\n---\n\n{{< g other >}}\n\n{{< g blog >}}\n\n{{< g \"/\" >}}\n\n{{< g plain >}}\n\n{{< g \"blog/s\" >}}\n",
        ),
        ("content/p/mine.txt", "mine"),
    ]);
    crate::support::hugo_build(site.path(), "another page's files");
    let hugo = std::fs::read_to_string(site.path().join("public/p/index.html")).unwrap();
    let doc = folio::OpenPage::open(&site.path().join("content/p/index.md")).unwrap();
    let folio = doc.preview_window(None, None, None, None);
    assert_eq!(paragraphs(&folio), paragraphs(&hugo));
    assert_eq!(
        paragraphs(&hugo),
        [
            "sub/d.json=/sub/other/sub/d.json;the-note=/sub/other/note.txt;|",
            "x.txt=/sub/blog/x.txt;|",
            "imgs/c d.txt=/sub/imgs/c%20d.txt;logo.txt=/sub/logo.txt;|",
            "|",
            "own.txt=/sub/blog/s/own.txt;withpage/deeper/z.txt=/sub/blog/s/withpage/deeper/z.txt;withpage/w.txt=/sub/blog/s/withpage/w.txt;|"
        ]
    );
    assert!(checked(&site.path().join("content/p/index.md")).is_empty());
}

#[test]
fn markdownifys_render_hooks_see_the_home_page_and_render_strings_the_page() {
    // pocket's `note`: an image in a markdownify'd body is looked up among the home page's
    // files in Hugo, not the page's (hunt Y, 3).
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "title = \"T\"\n"),
        ("layouts/_default/single.html", "{{ .Content }}"),
        (
            "layouts/_default/_markup/render-image.html",
            "<img data-page=\"{{ .Page.Title }}|{{ .Page.RelPermalink }}|{{ len .Page.Resources }}\" \
             src=\"{{ with .Page.Resources.Get .Destination }}found{{ else }}{{ .Destination }}{{ end }}\">",
        ),
        (
            "layouts/shortcodes/md.html",
            "<div class=\"x\">{{ .Inner | markdownify }}</div><div class=\"x\">{{ .Inner | .Page.RenderString }}</div>",
        ),
        ("content/_index.md", "---\ntitle: Home\n---\n"),
        (
            "content/p/index.md",
            "---\ntitle: Leaf\n---\n\n{{< md >}}![i](c.txt){{< /md >}}\n",
        ),
        ("content/p/c.txt", "c"),
    ]);
    crate::support::hugo_build(site.path(), "markdownify's hooks");
    let hugo = std::fs::read_to_string(site.path().join("public/p/index.html")).unwrap();
    let doc = folio::OpenPage::open(&site.path().join("content/p/index.md")).unwrap();
    let folio = doc.preview_window(None, None, None, None);
    let divs = |html: &str| cases_of("div.x", html);
    assert_eq!(divs(&folio), divs(&hugo));
    assert_eq!(
        divs(&hugo),
        [
            "<img data-page=\"Home|/|0\" src=\"c.txt\">",
            "<img data-page=\"Leaf|/p/|1\" src=\"found\">"
        ]
    );
}

#[test]
fn get_page_finds_the_page_hugo_finds_and_gives_its_front_matters_fields() {
    let gp =
        "<p>{{ with .Site.GetPage (.Get 0) }}[{{ .Title }}|{{ .RelPermalink }}|{{ .Permalink }}\
              |{{ .Kind }}|{{ .Params.tag }}|{{ .LinkTitle }}|{{ .Section }}|{{ .Draft }}]\
              {{ else }}none{{ end }}</p>";
    let pp = "<p>{{ with .Page.GetPage (.Get 0) }}[{{ .Title }}|{{ .RelPermalink }}]{{ else }}none{{ end }}</p>";
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "baseURL = \"https://example.org/sub/\"\ntitle = \"T\"\n"),
        ("layouts/shortcodes/gp.html", gp),
        ("layouts/shortcodes/pp.html", pp),
        ("content/blog/_index.md", "---\ntitle: Blog\n---\n"),
        (
            "content/blog/post-a.md",
            "---\ntitle: Post A\ndate: 2024-03-01\ntag: go\n---\nA\n",
        ),
        (
            "content/blog/post-b/index.md",
            "---\ntitle: Post B\nlinkTitle: B!\nslug: bee\n---\nB\n",
        ),
        ("content/news/x.md", "---\ntitle: X\n---\n"),
        ("content/p2.md", "---\ntitle: P2\n---\n"),
        (
            "content/about.md",
            "---\ntitle: About\n---\n\n\
             {{< gp \"/blog/post-a\" >}}\n{{< gp \"blog/post-a\" >}}\n{{< gp \"post-a\" >}}\n\
             {{< gp \"post-a.md\" >}}\n{{< gp \"/blog\" >}}\n{{< gp \"blog/\" >}}\n\
             {{< gp \"/blog/post-b\" >}}\n{{< gp \"/nope\" >}}\n{{< gp \"/\" >}}\n{{< gp \"news\" >}}\n\
             {{< pp \"p2\" >}}\n{{< pp \"./p2.md\" >}}\n{{< pp \"post-a\" >}}\n{{< pp \"blog/post-a\" >}}\n",
        ),
    ]);
    let (hugo, folio) = hugo_and_folio(site.path(), "GetPage", "content/about.md");
    let ps = normalised_paragraphs;
    assert_eq!(ps(&folio), ps(&hugo));
    let hugo = ps(&hugo);
    // The first is the page's empty paragraph before the calls.
    assert_eq!(hugo.len(), 15, "{hugo:?}");
    assert!(
        hugo[1].starts_with("[Post A|/sub/blog/post-a/|"),
        "{hugo:?}"
    );
    assert!(hugo[5].contains("|section|"), "{hugo:?}");
    assert_eq!(hugo[8], "none");
    assert!(hugo[10].starts_with("[News|"), "{hugo:?}");
    assert_eq!(hugo[13], "none", "no name lookup from a page");
}

#[test]
fn a_pages_get_page_reads_a_relative_path_from_where_hugo_reads_it() {
    // From a regular page, a leaf bundle and a branch, each path: Hugo's `ContainerDir`,
    // `Dir` for `../x.md`, the root, never above it.
    let calls: String = [
        "post-c",
        "./post-c",
        "../post-c",
        "post-c.md",
        "./post-c.md",
        "../post-c.md",
        "../top",
        "../../top",
        "top",
        "./bun",
        "bun",
        "../bun",
    ]
    .iter()
    .map(|r| format!("{{{{< pp \"{r}\" >}}}}\n"))
    .collect();
    let page = |title: &str| format!("---\ntitle: {title}\n---\n{calls}");
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "title = \"T\"\n"),
        (
            "layouts/shortcodes/pp.html",
            "<p>{{ .Get 0 }}={{ with .Page.GetPage (.Get 0) }}{{ .Title }}{{ else }}none{{ end }}</p>",
        ),
        ("content/blog/post-c.md", "---\ntitle: C\n---\n"),
        ("content/top.md", "---\ntitle: Top\n---\n"),
        ("content/blog/post-a.md", &page("A")),
        ("content/blog/bun/index.md", &page("Bun")),
        ("content/blog/sec/_index.md", &page("Sec")),
    ]);
    hugo_build(site.path(), "relative GetPage");
    for (page, public) in [
        ("blog/post-a.md", "blog/post-a"),
        ("blog/bun/index.md", "blog/bun"),
        ("blog/sec/_index.md", "blog/sec"),
    ] {
        let hugo = hugo_page(site.path(), public);
        let folio = folio_render(&site.path().join("content").join(page));
        let ps = |html: &str| -> Vec<String> {
            html.split("<p>")
                .skip(1)
                .map(|p| p.split("</p>").next().unwrap_or_default().to_string())
                .filter(|p| !p.is_empty())
                .collect()
        };
        assert_eq!(ps(&folio), ps(&hugo), "{page}");
        assert_eq!(ps(&hugo).len(), 12, "{hugo}");
    }
}

#[test]
fn a_top_level_bundles_relative_paths_and_the_sites_stay_where_hugo_reads_them() {
    // Hunt AL, 2: a top-level leaf bundle's folder is "" to Hugo, so `../x` from it names
    // no page, and the site's GetPage of `./x` none; Folio found /x/ for both, and a
    // `relref` to it, which stops Hugo's build, went unsaid.
    // With review 49b's: a dot in a name is an extension to Hugo (`../v1.2` from the
    // bundle's own folder), a trailing slash is trimmed first, `x.md` names `x/index.md`.
    let calls = "{{< see \"../projects\" \"./projects\" \"projects\" \"./y\" \"../y\" \"y\" \"../work/y\" \"..\" \
                 \"../releases/v1.2\" \"../v1.2\" \"y/\" \"about.md\" \"work/y.md\" \"./../cv.md\" >}}\n";
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "title = \"T\"\n"),
        (
            "layouts/shortcodes/see.html",
            "{{ range .Params }}<p>{{ . }}: {{ with $.Page.GetPage . }}{{ .RelPermalink }}{{ else }}none{{ end }} \
             {{ with site.GetPage . }}{{ .RelPermalink }}{{ else }}none{{ end }}</p>{{ end }}",
        ),
        ("content/projects/_index.md", "---\ntitle: P\n---\n"),
        ("content/work/_index.md", "---\ntitle: W\n---\n"),
        ("content/work/y/index.md", "---\ntitle: Y\n---\n"),
        ("content/releases/v1.2.md", "---\ntitle: V\n---\n"),
        ("content/about/index.md", &format!("---\ntitle: A\n---\n{calls}")),
        ("content/cv.md", &format!("---\ntitle: C\n---\n{calls}")),
        ("content/work/x/index.md", &format!("---\ntitle: X\n---\n{calls}")),
    ]);
    hugo_build(site.path(), "relative GetPage");
    for (page, public) in [
        ("about/index.md", "about"),
        ("cv.md", "cv"),
        ("work/x/index.md", "work/x"),
    ] {
        let hugo = hugo_page(site.path(), public);
        let folio = folio_render(&site.path().join("content").join(page));
        assert_eq!(
            normalised_paragraphs(&folio),
            normalised_paragraphs(&hugo),
            "{page}"
        );
    }
    let hugo = std::fs::read_to_string(site.path().join("public/about/index.html")).unwrap();
    assert!(hugo.contains("../projects: none none"), "{hugo}");
    // A reference from it climbs to no page: Hugo stops, and check says so.
    for (page, stops) in [("content/about/index.md", true), ("content/cv.md", false)] {
        let text = std::fs::read_to_string(site.path().join(page)).unwrap();
        std::fs::write(
            site.path().join(page),
            format!("{text}\n[p]({{{{< relref \"../projects\" >}}}})\n"),
        )
        .unwrap();
        let built = crate::support::hugo_run(site.path(), &[]);
        assert_eq!(built.is_err(), stops, "{page}: {built:?}");
        let found = checked(&site.path().join(page)).join("\n");
        assert_eq!(found.contains("REF_NOT_FOUND"), stops, "{page}: {found}");
        std::fs::write(site.path().join(page), text).unwrap();
    }
}

#[test]
fn a_reference_by_a_name_alone_drops_its_extension_and_trailing_slash_as_hugos_does() {
    // Review 49d, 1: `y.md` names the bundle `y/`, and `y/` is `y`; Folio said neither
    // was found, where Hugo builds.
    // Any extension and a language code go too (review 49f, 2).
    let site = crate::support::hugo_site(&[
        (
            "hugo.toml",
            "title = \"T\"\ndefaultContentLanguage = \"en\"\n\
             [languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n",
        ),
        ("content/work/y/index.md", "---\ntitle: Y\n---\n"),
        (
            "content/cv.md",
            "---\ntitle: C\n---\n[a]({{< relref \"y.md\" >}}) [b]({{< relref \"y/\" >}}) \
             [c]({{< relref \"y.fr.md\" >}}) [d]({{< relref \"y.html\" >}})\n",
        ),
    ]);
    hugo_build(site.path(), "references by name");
    let hugo = std::fs::read_to_string(site.path().join("public/cv/index.html")).unwrap();
    assert!(
        hugo.contains(
            "<a href=\"/work/y/\">a</a> <a href=\"/work/y/\">b</a> \
             <a href=\"/work/y/\">c</a> <a href=\"/work/y/\">d</a>"
        ),
        "{hugo}"
    );
    let page = site.path().join("content/cv.md");
    assert_eq!(
        normalised_paragraphs(&folio_render(&page)),
        normalised_paragraphs(&hugo)
    );
    assert_eq!(checked(&page), Vec::<String>::new());
}

#[test]
fn the_page_get_page_finds_is_the_page_itself_when_it_is_the_one_rendered() {
    // Hunt AL, 4: a menu marking the current page (`eq . $.Page`) marked none, and the
    // page found had no section.
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "title = \"T\"\n"),
        ("content/projects/_index.md", "---\ntitle: Projects\n---\n"),
        ("content/projects/other.md", "---\ntitle: Other\n---\n"),
        (
            "content/projects/sift.md",
            "---\ntitle: Sift\n---\n{{< nav >}}\n",
        ),
        (
            "layouts/shortcodes/nav.html",
            "{{ range slice \"projects/sift\" \"projects/other\" }}{{ with site.GetPage . }}\
             <a{{ if eq . $.Page }} aria-current=\"page\"{{ end }}>{{ .Title }}</a>\
             ({{ with .Parent }}{{ .Title }}{{ end }}){{ end }}{{ end }}",
        ),
    ]);
    hugo_build(site.path(), "the current page by GetPage");
    let hugo =
        std::fs::read_to_string(site.path().join("public/projects/sift/index.html")).unwrap();
    assert!(
        hugo.contains("<a aria-current=\"page\">Sift</a>(Projects)"),
        "{hugo}"
    );
    let folio = folio_render(&site.path().join("content/projects/sift.md"));
    assert!(
        folio.contains("<a aria-current=\"page\">Sift</a>(Projects)"),
        "{folio}"
    );
}

#[test]
fn a_section_is_one_page_however_it_is_reached_and_has_its_own_sections_and_cascade() {
    // Review 49g, 1: a section found by `GetPage` was not `eq` to the page's `.Parent`,
    // had no `.Parent` or `.CurrentSection`, no cascaded params, and a section of a
    // folder alone had an `_index.md` file.
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "title = \"Site\"\n"),
        (
            "content/projects/_index.md",
            "---\ntitle: Projects\ncascade:\n  badge: hot\n---\n",
        ),
        ("content/projects/web/_index.md", "---\ntitle: Web\n---\n"),
        ("content/blog/post.md", "---\ntitle: Post\n---\n"),
        (
            "content/projects/web/app.md",
            "---\ntitle: App\n---\n{{< s >}}\n",
        ),
        (
            "layouts/shortcodes/s.html",
            "{{ $s := site.GetPage \"/projects\" }}{{ $w := site.GetPage \"/projects/web\" }}\
             <p>a={{ eq $w .Page.Parent }} b={{ eq $w .Page.CurrentSection }} \
             c={{ eq $s .Page.FirstSection }} d={{ with $w.Parent }}{{ .Title }}{{ end }} \
             e={{ eq (site.GetPage \"projects\") $s }} f={{ eq $s $w }} \
             g={{ with $s.Parent }}{{ .Title }}|{{ .Kind }}{{ end }} h={{ eq $w.Parent $s }} \
             i={{ with site.GetPage \"/blog\" }}{{ .Title }}|{{ with .File }}{{ .Filename }}\
             {{ else }}no file{{ end }}|{{ with .Parent }}{{ .Kind }}{{ end }}{{ end }} \
             j={{ eq .Page.Parent.Parent $s }} l={{ $w.CurrentSection.Title }} \
             m={{ $w.FirstSection.Title }} n={{ $w.Params.badge }} \
             o={{ in (slice $s $w) .Page.Parent }} \
             p={{ range where (slice $w .Page) \"Parent\" $s }}[{{ .Title }}]{{ end }} \
             q={{ range where (slice $w .Page) \"Parent\" \"ne\" $s }}[{{ .Title }}]{{ end }} \
             r={{ range where (slice (dict \"t\" \"x\" \"n\" \"y\")) \"t\" \"ne\" $s }}[{{ .n }}]{{ end }} \
             s={{ range where (slice (dict \"t\" now \"n\" \"y\")) \"t\" \"ne\" $s }}[{{ .n }}]{{ end }}</p>",
        ),
    ]);
    hugo_build(site.path(), "sections reached by GetPage");
    let hugo = hugo_page(site.path(), "projects/web/app");
    assert!(
        hugo.contains(
            "a=true b=true c=true d=Projects e=true f=false g=Site|home h=true \
             i=Blogs|no file|home j=true l=Web m=Projects n=hot o=true p=[Web] q=[App] r=[y] s=[y]"
        ),
        "{hugo}"
    );
    let folio = folio_render(&site.path().join("content/projects/web/app.md"));
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn a_key_named_only_in_a_where_reads_the_pages_sections() {
    // Review 50f, 1: `where $pages "Parent" $s`, with `.Parent` written nowhere, read nil.
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "title = \"Site\"\n[params]\nauthor = \"x\"\n"),
        ("content/docs/_index.md", "---\ntitle: Docs\n---\n"),
        ("content/docs/a.md", "---\ntitle: A\n---\n{{< w >}}\n"),
        (
            "layouts/shortcodes/w.html",
            "{{ $s := site.GetPage \"/docs\" }}{{ $l := slice .Page }}<p>\
             eq=[{{ range where $l \"Parent\" $s }}{{ .Title }}{{ end }}] \
             ne=[{{ range where $l \"Parent\" \"ne\" now }}{{ .Title }}{{ end }}] \
             cur=[{{ range where $l \"CurrentSection\" $s }}{{ .Title }}{{ end }}] \
             bt=[{{ range where $l `Parent` $s }}{{ .Title }}{{ end }}]</p>\
             <span title=\"Author\"></span><script>var p = {{ site.Params }};</script>",
        ),
    ]);
    hugo_build(site.path(), "where by section");
    let hugo = hugo_page(site.path(), "docs/a");
    assert!(
        hugo.contains("<p>eq=[A] ne=[A] cur=[A] bt=[A]</p>"),
        "{hugo}"
    );
    // Review 50g, 3: a quoted word gave the params a spelling more.
    assert!(hugo.contains(r#"var p = {"author":"x"};"#), "{hugo}");
    let folio = folio_render(&site.path().join("content/docs/a.md"));
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn a_deeper_folder_without_an_index_file_is_no_page_to_get_page_or_ref() {
    // Review 50b, 7: Folio made a section of it ("Plains").
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "title = \"T\"\n"),
        ("content/projects/_index.md", "---\ntitle: Projects\n---\n"),
        ("content/projects/plain/page.md", "---\ntitle: Page\n---\n"),
        ("content/blog/post.md", "---\ntitle: Post\n---\n"),
        (
            "layouts/shortcodes/g.html",
            "<p>{{ range slice \"/projects/plain\" \"/blog\" }}\
             [{{ with site.GetPage . }}{{ .Kind }}{{ else }}nil{{ end }}]{{ end }}</p>",
        ),
        ("content/about.md", "---\ntitle: About\n---\n{{< g >}}\n"),
    ]);
    let (hugo, folio) = hugo_and_folio(site.path(), "folders", "content/about.md");
    assert!(hugo.contains("<p>[nil][section]</p>"), "{hugo}");
    assert_eq!(normalise(&folio), normalise(&hugo));
    let page = site.path().join("content/about.md");
    std::fs::write(
        &page,
        "---\ntitle: About\n---\n[x]({{< relref \"projects/plain\" >}})\n",
    )
    .unwrap();
    assert!(checked(&page)
        .iter()
        .any(|p| p.contains("Ref \"projects/plain\": page not found")));
}

#[test]
fn with_regular_pages_disabled_get_page_finds_none_and_a_ref_to_one_is_not_found() {
    // Review 50c, 2: Folio found them, with empty URLs, and its link hook wrote `href=""`.
    let site = crate::support::hugo_site(&[
        (
            "hugo.toml",
            "disableKinds = [\"page\"]\ndefaultContentLanguage = \"en\"\n\
             [languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n",
        ),
        ("content/docs/a.md", "---\ntitle: A\n---\n"),
        (
            "layouts/shortcodes/g.html",
            "<p>{{ range slice \"/docs\" \"/docs/a\" }}[{{ with site.GetPage . }}{{ .Kind }}\
             {{ else }}nil{{ end }}]{{ end }}</p>",
        ),
        (
            "content/docs/_index.md",
            "---\ntitle: Docs\n---\n{{< g >}}\n\n[a](/docs/a/) [a2](a.md)\n",
        ),
    ]);
    hugo_build(site.path(), "no regular pages");
    let hugo = hugo_page(site.path(), "docs");
    assert!(hugo.contains("<p>[section][nil]</p>"), "{hugo}");
    let page = site.path().join("content/docs/_index.md");
    assert_eq!(normalise(&folio_render(&page)), normalise(&hugo));
    std::fs::write(
        &page,
        "---\ntitle: Docs\n---\n[r]({{< relref \"/docs/a\" >}})\n",
    )
    .unwrap();
    assert!(checked(&page)
        .iter()
        .any(|p| p.contains("Ref \"/docs/a\": page not found")));
}

#[test]
fn a_reference_to_index_names_the_section_the_page_is_in() {
    // Review 49g, 3: `relref "index"` stopped Folio's check where Hugo builds.
    let refs = "[a]({{< relref \"index\" >}}) [b]({{< relref \"_index\" >}})\n";
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "title = \"T\"\n"),
        ("content/t/c.md", &format!("---\ntitle: C\n---\n{refs}")),
        ("content/d/s/_index.md", "---\ntitle: S\n---\n"),
        ("content/d/s/a.md", &format!("---\ntitle: A\n---\n{refs}")),
    ]);
    hugo_build(site.path(), "references to index");
    for (page, public, section) in [("t/c.md", "t/c", "/t/"), ("d/s/a.md", "d/s/a", "/d/s/")] {
        let hugo = hugo_page(site.path(), public);
        assert!(
            hugo.contains(&format!("<a href=\"{section}\">a</a>")),
            "{hugo}"
        );
        let page = site.path().join("content").join(page);
        assert_eq!(
            normalised_paragraphs(&folio_render(&page)),
            normalised_paragraphs(&hugo)
        );
        assert_eq!(checked(&page), Vec::<String>::new());
    }
}

#[test]
fn what_only_rendering_another_page_gives_shows_folios_card_and_says_so() {
    let site = site_with(
        &[(
            "inc",
            "<div>{{ with .Site.GetPage \"/other\" }}{{ .Title }}: {{ .Content }}{{ end }}</div>",
        )],
        "{{< inc >}}",
    );
    std::fs::write(
        site.path().join("content/other.md"),
        "---\ntitle: O\n---\nText\n",
    )
    .unwrap();
    let found = the_only_problem(&site.path().join("content/page.md"));
    assert!(
        found.contains("inc.html:1:")
            && found.contains("Folio cannot run `.Content` of another page"),
        "{found}"
    );
}

#[test]
fn the_sites_config_and_a_pages_own_fields_render_as_in_hugo() {
    let (hugo, folio) = shortcode_f(
        "title = \"T\"\ndisqusShortname = \"old\"\nrssLimit = 7\n\
         [privacy.youtube]\nprivacyEnhanced = true\n[privacy.Vimeo]\nenableDNT = \"true\"\n\
         [services.googleAnalytics]\nid = 12\n",
        "<p>{{ with .Site.Config.Privacy }}{{ .YouTube.PrivacyEnhanced }}|{{ .YouTube.Disable }}\
         |{{ .Vimeo.EnableDNT }}|{{ .GoogleAnalytics.RespectDoNotTrack }}|{{ .X.Simple }}{{ end }}\
         |{{ with site.Config.Services }}{{ .Disqus.Shortname }}|{{ .GoogleAnalytics.ID }}\
         |{{ .RSS.Limit }}|{{ .X.DisableInlineCSS }}{{ end }}\
         |{{ .Page.TranslationKey }}|{{ .Page.Data }}|{{ .Page.IsNode }}|{{ .Page.IsBranch }}\
         |{{ with .Page.GitInfo }}{{ .Hash }}{{ else }}none{{ end }}|{{ .Site.IsDefault }}|{{ .Site.BuildDrafts }}\
         |{{ .Site.Hugo.IsProduction }}</p>",
        "---\ntitle: About\n---\n\n{{< f >}}\n",
    );
    let p = |html: &str| normalise(html.split("<p>").nth(1).unwrap_or_default());
    assert_eq!(p(&folio), p(&hugo));
    assert!(
        p(&hugo).starts_with("true|false|true|true|false|old|12|7|false|/about|map[]"),
        "{hugo}"
    );
}

#[test]
fn a_field_of_hugos_that_folio_does_not_give_shows_folios_card_and_says_which() {
    let site = site_with(
        &[(
            "f",
            "<p>\n{{ range .Site.MainSections }}{{ . }}{{ end }}</p>",
        )],
        "{{< f >}}",
    );
    let html = preview(site.path());
    assert!(
        html.contains(
            "layouts/shortcodes/f.html:2:15: Folio does not have Hugo's method `.MainSections`"
        ),
        "{html}"
    );
}

#[test]
fn a_page_runs_its_languages_own_shortcode_template_as_hugo_does() {
    let site = crate::support::hugo_site(&[
        (
            "hugo.toml",
            "title = \"T\"\ndefaultContentLanguage = \"en\"\n\
             [languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n",
        ),
        ("layouts/_default/single.html", "{{ .Content }}"),
        ("layouts/shortcodes/x.html", "<b>every {{ .Page.Lang }}</b>"),
        ("layouts/shortcodes/x.fr.html", "<b>french {{ .Get 0 }}</b>"),
        ("layouts/shortcodes/y.en.html", "<i>english</i>"),
        ("layouts/shortcodes/z.html.html", "<u>html</u>"),
        ("layouts/shortcodes/w.fr.html", "<s>w french</s>"),
        ("layouts/shortcodes/w.html.html", "<s>w every</s>"),
        (
            "content/about.md",
            "---\ntitle: A\n---\n\n{{< x 1 >}} {{< y >}} {{< z >}} {{< w >}}\n",
        ),
        (
            "content/about.fr.md",
            "---\ntitle: A\n---\n\n{{< x 2 >}} {{< z >}}\n",
        ),
    ]);
    hugo_build(site.path(), "the multilingual site");
    for (hugo, page) in [
        ("public/about/index.html", "content/about.md"),
        ("public/fr/about/index.html", "content/about.fr.md"),
    ] {
        let hugo = std::fs::read_to_string(site.path().join(hugo)).unwrap();
        let folio = folio_render(&site.path().join(page));
        let p = |html: &str| normalise(html.split("<p>").nth(1).unwrap_or_default());
        assert_eq!(p(&folio), p(&hugo), "{page}");
    }
    // A French page calling the shortcode made for English only: Hugo fails, Folio says why.
    std::fs::write(
        site.path().join("content/about.fr.md"),
        "---\ntitle: A\n---\n\n{{< y >}}\n",
    )
    .unwrap();
    assert!(crate::support::hugo_run(site.path(), &[]).is_err());
    let doc = folio::OpenPage::open(&site.path().join("content/about.fr.md")).unwrap();
    let html = doc.preview_window(None, None, None, None);
    assert!(
        html.contains("layouts/shortcodes/y.en.html: no compatible template found for shortcode"),
        "{html}"
    );
}

#[test]
fn values_a_cascade_hands_down_are_the_pages_own_as_in_hugo() {
    let page =
        |title: &str, more: &str| format!("---\ntitle: {title}\n{more}---\n\n{{{{< c >}}}}\n");
    let site = crate::support::hugo_site(&[
        (
            "hugo.toml",
            "title = \"T\"\n[[cascade]]\ncolor = \"blue\"\nsize = \"L\"\n\
             [cascade.target]\npath = \"/projects/**\"\n",
        ),
        ("layouts/_default/single.html", "{{ .Content }}"),
        ("layouts/_default/list.html", "{{ .Content }}"),
        (
            "layouts/shortcodes/c.html",
            "<p>[{{ .Page.Params.toc }}|{{ .Page.Params.color }}|{{ .Page.Params.size }}\
             |{{ .Page.Params.x }}|{{ .Page.Param \"z\" }}|{{ .Page.Title }}]</p>",
        ),
        (
            "content/projects/_index.md",
            &page(
                "Projects",
                "toc: false\ncascade:\n  toc: true\n  color: red\n  params:\n    x: px\n",
            ),
        ),
        (
            "content/projects/deep/_index.md",
            &page(
                "Deep",
                "cascade:\n  - z: deep-z\n    target:\n      path: /projects/deep/b\n  - size: S\n",
            ),
        ),
        ("content/projects/a.md", &page("A", "")),
        ("content/projects/deep/b.md", &page("B", "color: own\n")),
        ("content/projects/deep/c.md", &page("C", "")),
        ("content/o.md", &page("O", "")),
        (
            "content/projects/p.md",
            "---\ntitle: P\n---\n\n{{< param color >}}\n",
        ),
    ]);
    hugo_build(site.path(), "the site with cascades");
    // Hugo's `param` reads them too, so `check` finds the key set.
    let param_page = site.path().join("content/projects/p.md");
    let hugo = std::fs::read_to_string(site.path().join("public/projects/p/index.html")).unwrap();
    assert_eq!(normalise(&hugo), "red");
    assert_eq!(normalise(&folio_render(&param_page)), "red");
    let site_of = folio::Site::for_page(&param_page).unwrap();
    assert!(folio::check::check_page(&param_page, &site_of).is_empty());
    for (out, file) in [
        ("projects", "projects/_index.md"),
        ("projects/a", "projects/a.md"),
        ("projects/deep/b", "projects/deep/b.md"),
        ("projects/deep/c", "projects/deep/c.md"),
        ("o", "o.md"),
    ] {
        let hugo =
            std::fs::read_to_string(site.path().join(format!("public/{out}/index.html"))).unwrap();
        let folio = folio_render(&site.path().join("content").join(file));
        let p = |html: &str| normalise(html.split("<p>").nth(1).unwrap_or_default());
        assert_eq!(p(&folio), p(&hugo), "{file}");
    }
}

#[test]
fn a_function_folio_cannot_run_on_a_branch_never_taken_leaves_the_template_as_hugo_renders_it() {
    let (hugo, folio) = shortcode_f(
        "title = \"T\"\n",
        "<p>{{ with .Get \"image\" }}{{ with resources.Get . }}{{ with .Process \"webp\" }}\
         <img src=\"{{ .RelPermalink }}\">{{ end }}{{ end }}{{ end }}\
         <b>{{ .Get \"title\" }}</b>{{ if false }}{{ resources.GetRemote \"https://x.org\" }}\
         {{ .Page.GetPage \"/x\" }}{{ end }}</p>",
        "---\ntitle: About\n---\n\n{{< f title=\"No image\" >}}\n",
    );
    let p = |html: &str| normalise(html.split("<p>").nth(1).unwrap_or_default());
    assert_eq!(p(&folio), p(&hugo));
    assert_eq!(p(&hugo), "<b>No image</b></p>");
}

#[test]
fn a_function_of_hugos_that_folio_lacks_on_a_branch_never_taken_leaves_the_template_as_hugo_renders_it(
) {
    // Stack's image helper and Relearn's ids: `shuffle`, `math.Counter`, `debug.Dump`
    // where the site turned them off; then the math, path, URL and duration functions.
    let (hugo, folio) = shortcode_f(
        "baseURL = \"https://e.org/\"\n",
        "<p>{{ if false }}{{ debug.Dump . }}{{ keyVals \"a\" 1 }}{{ strings.ReplacePairs \"a\" \"b\" \"c\" }}{{ images.GaussianBlur 6 }}{{ end }}ok\
         |{{ len (shuffle (slice 1 2 3)) }}|{{ math.Pi }}|{{ pow 2 3 }}\
         |{{ isSet (dict \"a\" 1) \"a\" }}|{{ path.BaseName \"a/b.c.md\" }}\
         |{{ path.Split \"a/b.md\" }}|{{ (path.Split \"a/b.md\").File }}\
         |{{ urls.PathEscape \"a b/é?\" }}|{{ urls.PathUnescape \"a%20b\" }}\
         |{{ duration \"minute\" 90 }}|{{ time.ParseDuration \"1h2m3.5s\" }}\
         |{{ (time.ParseDuration \"-1.5us\").Nanoseconds }}\
         |{{ strings.ContainsNonSpace \"  \\n\" }}|{{ math.Atan2 1 1 }}\
         |{{ math.ToDegrees 1 }}|{{ math.Log 10 }}|{{ math.MaxInt64 }}\
         |{{ gt math.Counter 0 }}|{{ lt math.Rand 1.0 }}</p>",
        "---\ntitle: About\n---\n{{< f >}}\n",
    );
    let p = |html: &str| normalise(html.split("<p>").nth(1).unwrap_or_default());
    assert!(p(&hugo).starts_with("ok|3|3.14"), "{hugo}");
    assert_eq!(p(&folio), p(&hugo));
}

#[test]
fn try_catches_the_error_of_the_call_it_is_given_and_reflect_tells_resources_apart() {
    // Stack's image helper: `try (resources.GetRemote …)` for remote images only (which
    // Folio cannot run: not caught, it is said), and `reflect.IsImageResourceProcessable`
    // before it processes a bundle's image.
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "baseURL = \"https://e.org/\"\n"),
        (
            "layouts/shortcodes/f.html",
            "<p>{{ reflect.IsResource \"x\" }}|{{ reflect.IsPage .Page }}|{{ reflect.IsResource .Page }}\
             |{{ range .Page.Resources }}{{ .Name }}:{{ reflect.IsResource . }}\
             {{ reflect.IsImageResource . }}{{ reflect.IsImageResourceProcessable . }}\
             {{ reflect.IsImageResourceWithMeta . }};{{ end }}\
             |{{ with try (urls.PathUnescape \"%zz\") }}\
             {{ with .Err }}failed{{ else }}{{ .Value }}{{ end }}{{ end }}\
             |{{ with try (index (slice 1 2) 1) }}{{ .Value }}{{ end }}\
             |{{ (try (add 1 2)).Value }}|{{ (try 5).Value }}</p>",
        ),
        (
            "content/about/index.md",
            "---\ntitle: About\n---\n{{< f >}}\n",
        ),
        (
            "content/about/b.svg",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>",
        ),
        ("content/about/c.txt", "x"),
    ]);
    let (hugo, folio) = hugo_and_folio(site.path(), "try and reflect", "content/about/index.md");
    let p = |html: &str| normalise(html.split("<p>").nth(1).unwrap_or_default());
    assert!(p(&hugo).contains("b.svg:truetruefalsefalse;"), "{hugo}");
    assert!(p(&hugo).contains("|failed|2|3|5"), "{hugo}");
    // A page is a resource too (review 62c).
    assert!(p(&hugo).starts_with("false|true|true|"), "{hugo}");
    assert_eq!(p(&folio), p(&hugo));
}

#[test]
fn the_param_shortcode_writes_a_json_front_matters_number_as_the_float_hugo_reads() {
    // Review 61a: `{{< param donors >}}` of `"donors": 1000000` is Hugo's `1e+06`.
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "baseURL = \"https://e.org/\"\n"),
        (
            "content/about.md",
            "{\"title\": \"About\", \"donors\": 1000000, \"ratio\": 0.5, \"n\": 42}\n\n\
             {{< param donors >}} {{< param ratio >}} {{< param n >}}\n",
        ),
    ]);
    let (hugo, folio) = hugo_and_folio(site.path(), "param of JSON", "content/about.md");
    assert_eq!(paragraphs(&hugo), ["1e&#43;06 0.5 42"]);
    assert_eq!(paragraphs(&folio), paragraphs(&hugo));
}

#[test]
fn the_param_shortcode_writes_a_date_and_a_map_of_floats_as_hugos_page_param() {
    // Review 62d, r5/r6: `{{< param date >}}` is the page's date, a time Go prints
    // (`2025-04-20 08:00:00 +0200 +0200`), and a table holding 1.9e6 prints it `1.9e+06`;
    // Folio wrote the front matter's text and `1900000`.
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "baseURL = \"https://e.org/\"\n"),
        (
            "content/about.md",
            "+++\ntitle = \"About\"\ndate = 2025-04-20T08:00:00+02:00\nlastmod = 2025-04-28\n\
             [params]\nbench = { small = 412.5, large = 1.9e6 }\n+++\n\n\
             {{< param date >}} / {{< param lastmod >}} / {{< param bench >}} / {{< param \"bench.large\" >}}\n",
        ),
    ]);
    let (hugo, folio) = hugo_and_folio(site.path(), "param of dates", "content/about.md");
    assert_eq!(
        paragraphs(&hugo),
        [
            "2025-04-20 08:00:00 &#43;0200 &#43;0200 / 2025-04-28 00:00:00 &#43;0000 UTC / \
          map[large:1.9e&#43;06 small:412.5] / 1.9e&#43;06"
        ]
    );
    assert_eq!(paragraphs(&folio), paragraphs(&hugo));
}

#[test]
fn each_of_site_languages_has_its_own_params_over_the_sites() {
    // Review 61a: `range site.Languages` gave each language no `.Params`.
    let (hugo, folio) = shortcode_f(
        "baseURL = \"https://e.org/\"\n[params]\nshared = \"s\"\ntagline = \"root\"\n\
         [languages.en]\nweight = 1\n[languages.en.params]\ntagline = \"Food\"\n\
         [languages.fr]\nweight = 2\n[languages.fr.params]\ntagline = \"Nourrir\"\n",
        "<p>{{ range site.Languages }}[{{ .Lang }}: {{ .Params.tagline }} {{ .Params.shared }}]\
         {{ end }}|{{ site.Language.Params.tagline }}</p>",
        "---\ntitle: About\n---\n{{< f >}}\n",
    );
    assert_eq!(paragraphs(&hugo), ["[en: Food s][fr: Nourrir s]|Food"]);
    assert_eq!(paragraphs(&folio), paragraphs(&hugo));
}

#[test]
fn a_themes_language_params_count_for_a_language_the_site_defines() {
    // Review 61b: with no `[languages.en]` of the site's own, Hugo leaves out a theme's
    // `[languages.en.params]`; Folio read them.
    for (languages, want) in [("", "[]"), ("[languages.en]\nweight = 1\n", "[from theme]")] {
        let config = format!("baseURL = \"https://e.org/\"\ntheme = \"t\"\n{languages}");
        let site = crate::support::hugo_site(&[
            ("hugo.toml", &config),
            (
                "themes/t/hugo.toml",
                "[languages.en.params]\ngreeting = \"from theme\"\n",
            ),
            (
                "layouts/shortcodes/f.html",
                "<p>[{{ site.Params.greeting }}]</p>",
            ),
            ("content/about.md", "---\ntitle: About\n---\n{{< f >}}\n"),
        ]);
        let (hugo, folio) =
            hugo_and_folio(site.path(), "theme language params", "content/about.md");
        assert_eq!(paragraphs(&hugo), [want]);
        assert_eq!(paragraphs(&folio), paragraphs(&hugo), "{languages}");
    }
}

#[test]
fn a_try_error_reads_as_hugos_with_the_template_line_column_and_call() {
    // Review 60b: Hugo's `.Err` is Go's template error, "template: FILE:LINE:COL:
    // executing NAME at <CALL>: error calling F: …", where Folio's was its own message.
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "baseURL = \"https://e.org/\"\n"),
        (
            "layouts/shortcodes/f.html",
            "<p>{{ $r := try (time.AsTime \"2025-11-31\") }}[{{ $r.Err }}]</p>\n\
             <p>{{ with try (int   ( printf \"%s\"   \"a b\" )) }}[{{ .Err }}]{{ end }}</p>\n\
             <p>{{ with try (float \"1,5\") }}[{{ .Err }}]{{ end }}</p>\n\
             <p>{{ with try (math.Sqrt \"x\") }}[{{ .Err }}]{{ end }}</p>\n\
             <p>{{ with try (index (dict \"a\" 1) \"a\" \"b\") }}[{{ .Err }}]{{ end }}</p>\n\
             <p>{{ with try (dict 1 2) }}[{{ .Err }}]{{ end }}</p>\n\
             <p>{{ with try (seq 1 0 3) }}[{{ .Err }}]{{ end }}</p>\n\
             <p>{{ with try (strings.Repeat -1 \"x\") }}[{{ .Err }}]{{ end }}</p>\n\
             <p>{{ with try (math.Exp 1) }}[{{ .Err }}]{{ end }}</p>\n\
             <p>{{ with try (\"2025-13-01\" | time.AsTime) }}[{{ .Err }}]{{ end }}</p>\n\
             <p>{{ with try (\"x\" | printf \"%s\" | int) }}[{{ .Err }}]{{ end }}</p>\n\
             {{ partial \"p.html\" . }}\n\
             {{ define \"_partials/inline.html\" }}<p>{{ with try (time \"y\") }}[{{ .Err }}]{{ end }}</p>{{ end }}\
             {{ partial \"inline.html\" . }}",
        ),
        (
            "layouts/partials/p.html",
            "<p>{{ with try (urls.Parse \":x\") }}[{{ .Err }}]{{ end }}</p>",
        ),
        ("content/about.md", "---\ntitle: About\n---\n{{< f >}}\n"),
    ]);
    let (hugo, folio) = hugo_and_folio(site.path(), "try errors", "content/about.md");
    assert!(
        hugo.contains("[template: _shortcodes/f.html:1:21: executing &#34;_shortcodes/f.html&#34; \
                       at &lt;time.AsTime&gt;: error calling AsTime: unable to parse date: 2025-11-31]"),
        "{hugo}"
    );
    // A pipeline given to `try` (review 61, left): the call piped into is caught.
    assert!(
        hugo.contains("at &lt;int&gt;: error calling int: unable to cast &#34;x&#34;"),
        "{hugo}"
    );
    let hugo = paragraphs(&hugo);
    assert_eq!(hugo.len(), 13, "{hugo:?}");
    assert_eq!(paragraphs(&folio), hugo);
}

#[test]
fn a_try_error_in_a_render_hook_of_the_default_folder_names_it_as_hugo_does() {
    // Review 61c: Hugo names `layouts/_default/_markup/render-link.html`
    // `_markup/render-link.html`; Folio named it with its `_default/`.
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "baseURL = \"https://e.org/\"\n"),
        (
            "layouts/_default/_markup/render-link.html",
            "<a href=\"{{ .Destination }}\">{{ with try (int .Destination) }}{{ .Err }}{{ end }}</a>",
        ),
        ("content/about.md", "---\ntitle: About\n---\n[x](/y)\n"),
    ]);
    let (hugo, folio) = hugo_and_folio(site.path(), "try in a hook", "content/about.md");
    assert!(
        hugo.contains("template: _markup/render-link.html:1:"),
        "{hugo}"
    );
    assert_eq!(paragraphs(&folio), paragraphs(&hugo));
}

#[test]
fn reflect_is_map_is_true_of_maps_and_false_of_hugos_objects() {
    // Hunt AQ-2: a date and a page are Go structs, not maps; a theme guards `len` with it.
    let site = crate::support::hugo_site(&[
        (
            "hugo.toml",
            "baseURL = \"https://e.org/\"\n[params.m]\na = 1\n",
        ),
        (
            "layouts/shortcodes/f.html",
            "<p>{{ $d := .Page.Date }}{{ reflect.IsMap $d }}|{{ reflect.IsMap .Page }}\
             |{{ reflect.IsMap .Page.Params.m }}|{{ reflect.IsMap site.Params.m }}\
             |{{ reflect.IsMap (dict \"a\" 1) }}|{{ reflect.IsMap .Page.File }}\
             |{{ reflect.IsMap site.Language }}\
             |{{ if reflect.IsMap $d }}{{ len $d }}{{ else }}scalar{{ end }}</p>",
        ),
        (
            "content/about.md",
            "---\ntitle: About\ndate: 2024-05-01\nm:\n  b: 2\n---\n{{< f >}}\n",
        ),
    ]);
    let (hugo, folio) = hugo_and_folio(site.path(), "reflect.IsMap", "content/about.md");
    let p = |html: &str| normalise(html.split("<p>").nth(1).unwrap_or_default());
    assert!(
        p(&hugo).starts_with("false|false|true|true|true|false|false|scalar"),
        "{hugo}"
    );
    assert_eq!(p(&folio), p(&hugo));
}

#[test]
fn a_site_with_a_host_per_language_has_no_language_prefix_in_its_urls() {
    // Hunt AR-4: Hugo's multihost mode puts each language at the root of its baseURL.
    let site = crate::support::hugo_site(&[
        (
            "hugo.toml",
            "defaultContentLanguage = \"en\"\n[languages.en]\nbaseURL = \"https://example.com/\"\n\
             contentDir = \"content/en\"\nweight = 1\n[languages.fr]\nbaseURL = \"https://example.fr/\"\n\
             contentDir = \"content/fr\"\nweight = 2\n",
        ),
        (
            "layouts/shortcodes/u.html",
            "<p>{{ \"docs/cv.pdf\" | relLangURL }} | {{ \"docs/cv.pdf\" | absLangURL }} | \
             {{ site.Home.Permalink }} | {{ .Page.RelPermalink }} | {{ .Page.Permalink }} | \
             {{ site.LanguagePrefix }}</p>",
        ),
        ("content/en/about.md", "---\ntitle: About\n---\n{{< u >}}\n"),
        ("content/fr/about.md", "---\ntitle: A propos\n---\n{{< u >}}\n"),
    ]);
    hugo_build(site.path(), "a site with a host per language");
    let hugo = std::fs::read_to_string(site.path().join("public/fr/about/index.html")).unwrap();
    let folio = folio_render(&site.path().join("content/fr/about.md"));
    let p = |html: &str| normalise(html.split("<p>").nth(1).unwrap_or_default());
    assert!(
        p(&hugo).starts_with("/docs/cv.pdf | https://example.fr/docs/cv.pdf"),
        "{hugo}"
    );
    assert_eq!(p(&folio), p(&hugo));
}

#[test]
fn render_strings_markup_option_renders_markdown_stops_where_hugo_stops_and_says_the_rest() {
    // Hunt AQ-8: the option was ignored, every text rendered as Markdown.
    let site_with = |markup: &str| {
        crate::support::hugo_site(&[
            ("hugo.toml", "baseURL = \"https://e.org/\"\n"),
            (
                "layouts/shortcodes/r.html",
                &format!(
                    "<p>{{{{ .Page.RenderString (dict \"markup\" \"{markup}\") \"**x**\" }}}}</p>"
                ),
            ),
            ("content/about.md", "---\ntitle: About\n---\n{{< r >}}\n"),
        ])
    };
    for markup in ["md", "Markdown", "goldmark"] {
        let site = site_with(markup);
        let (hugo, folio) = hugo_and_folio(site.path(), markup, "content/about.md");
        let p = |html: &str| normalise(html.split("<p>").nth(1).unwrap_or_default());
        assert_eq!(p(&folio), p(&hugo), "{markup}");
    }
    for (markup, stops) in [("html", true), ("mkd", true), ("org", false)] {
        let site = site_with(markup);
        let hugo = crate::support::hugo_run(site.path(), &[]);
        assert_eq!(hugo.is_err(), stops, "{markup}: {hugo:?}");
        let said: Vec<String> = folio::check::check_path(&site.path().join("content/about.md"))
            .iter()
            .map(|d| format!("{:?}: {}", d.severity, d.message))
            .collect();
        let want = match stops {
            true => "Error: the preview and the export show Folio's card here: layouts/shortcodes/r.html:1:",
            false => "Warning: the preview and the export show Folio's card here",
        };
        assert!(
            said.iter().any(|m| m.starts_with(want)),
            "{markup}: {said:?}"
        );
    }
}

#[test]
fn a_render_hook_reading_its_position_runs_and_the_place_folio_cannot_give_is_said() {
    // Hunt AQ-11: `.Position` was nil in a hook, so `.Position.LineNumber` failed where
    // Hugo renders the heading.
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "baseURL = \"https://e.org/\"\n"),
        (
            "layouts/_markup/render-heading.html",
            "<h{{ .Level }} id=\"{{ .Anchor }}\" data-line=\"{{ .Position.LineNumber }}\">{{ .Text }}</h{{ .Level }}>",
        ),
        ("content/about.md", "---\ntitle: About\n---\n## Hello\n"),
    ]);
    hugo_build(site.path(), "a heading hook reading .Position");
    let said: Vec<String> = folio::check::check_path(&site.path().join("content/about.md"))
        .iter()
        .map(|d| format!("{}:{}:{:?}", d.line, d.col, d.severity))
        .collect();
    assert_eq!(said, ["1:49:Warning"]);
    let folio = folio_render(&site.path().join("content/about.md"));
    assert!(
        folio.contains("<h2 id=\"hello\" data-line=\"0\">Hello</h2>"),
        "{folio}"
    );
}

#[test]
fn a_template_with_hugos_legacy_config_gets_its_inner_as_html_and_its_output_kept_as_written() {
    // Relearn's shortcodes (and the Learn theme's) start with `$_hugo_config` version 1.
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "baseURL = \"https://e.org/\"\n"),
        (
            "layouts/shortcodes/notice.html",
            "{{- $_hugo_config := `{ \"version\": 1 }` }}\n\
             {{- $content := trim .Inner \"\\n\\r\\t \" }}\n\
             {{- if not (hasPrefix $content \"<\") }}{{ $content = printf \"<p>\\n%s\" $content }}{{ end -}}\n\
             <div class=\"box\">\n{{ $content | safeHTML }}\n</div>\n",
        ),
        (
            "layouts/shortcodes/chk.html",
            "{{- $_hugo_config := `{ \"version\": 1 }` }}\n\
             {{- $c := trim .Inner \"\\n\" -}}\n\
             <span data-first=\"{{ substr $c 0 3 }}\">{{ $c | safeHTML }}</span>\n",
        ),
        (
            "content/about.md",
            "---\ntitle: About\n---\n{{% notice %}}\nMarkdown **works** with `code`.\n{{% /notice %}}\n\n\
             Inline {{% chk %}}one *line*{{% /chk %}} here.\n\n{{% chk %}}\n* item\n{{% /chk %}}\n\n\
             {{< chk >}}\n* angle\n{{< /chk >}}\n",
        ),
    ]);
    let (hugo, folio) = hugo_and_folio(site.path(), "legacy config", "content/about.md");
    assert!(hugo.contains("<strong>works</strong>"), "{hugo}");
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn printf_t_names_the_type_as_go_does_for_the_type_guards_themes_write() {
    let site = crate::support::hugo_site(&[
        (
            "hugo.toml",
            "title = \"T\"\n[params]\nlist = [\"a\"]\nn = 2\nf = 2.5\n",
        ),
        ("assets/a.txt", "a"),
        (
            "layouts/shortcodes/f.html",
            "<p>{{ printf \"%T\" (.Get \"code\") }}|{{ printf \"%T\" (.Get \"name\") }}\
         |{{ printf \"%T\" (.Get \"n\") }}|{{ printf \"%T\" site.Params.list }}\
         |{{ printf \"%T\" site.Params.f }}\
         |{{ printf \"%T\" .Page.Date }}|{{ printf \"%T\" .Inner }}|{{ printf \"%T\" nil }}\
         |{{ printf \"%T\" site }}|{{ printf \"%T\" (resources.Get \"a.txt\") }}\
         |{{ printf \"%T\" .Page.File }}|{{ printf \"%T\" .Page.Language }}\
         |{{ printf \"%T\" (urls.Parse \"/a\") }}|{{ printf \"%T\" .Page.Store }}\
         |{{ printf \"%T\" hugo }}|{{ printf \"%T\" site.Config }}|{{ printf \"%T\" (path.Split \"a/b\") }}\
         |{{ $l := dict \"Lang\" \"en\" \"LanguageName\" \"English\" \"Weight\" 1 }}{{ printf \"%T\" $l }} {{ $l }}\
         |{{ if eq (printf \"%T\" (.Get \"code\")) \"bool\" }}guard{{ end }}</p>",
        ),
        (
            "content/about.md",
            "---\ntitle: About\n---\n\n{{< f code=true name=\"x\" n=3 >}}body{{< /f >}}\n",
        ),
    ]);
    let (hugo, folio) = hugo_and_folio(site.path(), "%T", "content/about.md");
    let p = |html: &str| normalise(html.split("<p>").nth(1).unwrap_or_default());
    assert_eq!(p(&folio), p(&hugo));
    assert!(p(&hugo).ends_with("|guard</p>"), "{hugo}");
    // roneo's `ico` tells a resource by its type (hunt U, 2).
    assert!(
        p(&hugo).contains("|*page.siteWrapper|*resources.resourceAdapter|"),
        "{hugo}"
    );
}

#[test]
fn emojify_replaces_the_codes_hugos_replaces_and_passes_over_the_same_ones() {
    // hugo-geekblog's `emojify`.
    let (hugo, folio) = shortcode_f(
        "title = \"T\"\n",
        "{{ range (slice \":smile::smile::smile:\" \":hear_no_evil: and :+1: :smile:\" \
         \"a :smile:b\" \"::smile::\" \"x: y :heart: z\" \"time 10:30 :tada:\" \
         \":email: :umbrella: :tickets: :flag_de: :blue_circle: :admission_tickets: :ninja:\") }}\
         <p>{{ emojify . }}</p>{{ end }}",
        "---\ntitle: About\n---\n\n{{< f >}}\n",
    );
    let ps = paragraphs;
    assert_eq!(ps(&folio), ps(&hugo));
    assert_eq!(ps(&hugo).first().map(String::as_str), Some("😄:smile:😄"));
    // Hugo's table, not GitHub's (review 60b, 2: `:email:` was 📧).
    assert!(ps(&hugo)
        .last()
        .is_some_and(|p| p.starts_with("✉\u{fe0f} ☂\u{fe0f} 🎟 ")));
}

#[test]
fn markdownify_and_render_string_keep_escaped_calls_as_written_and_render_real_ones() {
    // reveal-hugo's slides render site params with markdownify; a shortcode's `.Inner` had
    // its escaped calls made calls by the page, as in Hugo.
    let site = crate::support::hugo_site(&[
        (
            "hugo.toml",
            "title = \"T\"\n[params]\ndemo = \"Use `{{</* foo */>}}` and {{</* bar x=1 */>}} here\"\n\
             real = \"A {{< x >}} B\"\n",
        ),
        ("layouts/shortcodes/x.html", "<b>X</b>"),
        (
            "layouts/shortcodes/f.html",
            "<p>{{ site.Params.demo | markdownify }}</p><p>{{ .Page.RenderString site.Params.demo }}</p>\
             <p>{{ site.Params.real | markdownify }}</p><p>{{ .Inner | markdownify }}</p>",
        ),
        (
            "content/about.md",
            "---\ntitle: About\n---\n\n{{< f >}}inner {{</* x */>}} and {{< x >}}{{< /f >}}\n",
        ),
    ]);
    let (hugo, folio) = hugo_and_folio(site.path(), "markdownify", "content/about.md");
    let ps = paragraphs;
    assert_eq!(ps(&folio), ps(&hugo));
    assert!(
        ps(&hugo)
            .first()
            .is_some_and(|p| p.contains("{{&lt;/* foo */&gt;}}")),
        "{hugo}"
    );
}

#[test]
fn printf_of_a_piped_value_formats_it_as_go_does() {
    // hugo-paper's inline shortcodes: `{{ . | printf "%T" }}`.
    let (hugo, folio) = shortcode_f(
        "title = \"T\"\n",
        "<p>{{ 5 | printf \"%T\" }} {{ \"x\" | printf \"%T\" }} {{ 5 | printf \"%d-%T\" 3 }} \
         {{ $x := 5 }}{{ $x | printf \"%T\" }} {{ $y := 2.5 | printf \"%T|%v\" }}{{ $y }} \
         {{ \"a\" | printf \"%s-%s\" \"b\" | upper }}</p>",
        "---\ntitle: About\n---\n\n{{< f >}}\n",
    );
    let p = |html: &str| normalise(html.split("<p>").nth(1).unwrap_or_default());
    assert_eq!(p(&folio), p(&hugo));
    assert_eq!(
        p(&hugo),
        "int string 3-int int float64|%!v(MISSING) B-A</p>"
    );
}

#[test]
fn read_file_looks_in_the_site_its_themes_and_its_content_folder_and_reads_nothing_for_a_missing_file(
) {
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "title = \"T\"\ntheme = \"t\"\n"),
        ("layouts/_default/single.html", "{{ .Content }}"),
        (
            "themes/t/layouts/shortcodes/f.html",
            "<p>{{ readFile \"/docs/snippet.txt\" }}|{{ fileExists \"docs/snippet.txt\" }}\
             |[{{ readFile \"missing.txt\" }}]|{{ fileExists \"missing.txt\" }}\
             |{{ os.ReadFile \"root.txt\" }}|{{ len (readDir \"nowhere\") }}\
             |{{ readFile \"icons/x.svg\" }}|{{ readFile \"icons/y.svg\" }}\
             |{{ fileExists \"icons/x.svg\" }}|{{ len (readDir \"icons\") }}</p>",
        ),
        ("content/docs/snippet.txt", "from content"),
        ("root.txt", "from the root"),
        ("themes/t/icons/x.svg", "theme x"),
        ("themes/t/icons/y.svg", "theme y"),
        ("icons/y.svg", "site y"),
        ("content/about.md", "---\ntitle: A\n---\n\n{{< f >}}\n"),
    ]);
    let (hugo, folio) = hugo_and_folio(site.path(), "readFile", "content/about.md");
    let p = |html: &str| normalise(html.split("<p>").nth(1).unwrap_or_default());
    assert_eq!(p(&folio), p(&hugo));
    assert_eq!(
        p(&hugo),
        "from content|true|[]|false|from the root|0|theme x|site y|true|1</p>"
    );
}

#[test]
fn read_file_resolves_dot_segments_and_reads_a_path_leaving_the_site_as_a_missing_file() {
    // The site is a folder of the temporary one, which holds a file beside it.
    let dir = crate::support::site_of(&[
        ("outside.txt", "outside"),
        ("site/hugo.toml", "title = \"T\"\n"),
        ("site/layouts/_default/single.html", "{{ .Content }}"),
        (
            "site/layouts/shortcodes/f.html",
            // docport's `attachments`: `readDir (printf "./content/%s%s" …)`.
            "<p>{{ readFile \"./root.txt\" }}|{{ readFile \"content/sub/../docs/a.txt\" }}\
             |{{ fileExists \"./content/docs/a.txt\" }}|{{ range readDir \"./content/docs\" }}{{ .Name }}{{ end }}\
             |[{{ readFile \"../outside.txt\" }}]|{{ fileExists \"content/../../outside.txt\" }}\
             |{{ len (readDir \"../\") }}|[{{ readFile \"link.txt\" }}]|[{{ readFile \"inlink.txt\" }}]\
             |[{{ readFile \"dlink/outside.txt\" }}]|{{ len (readDir \"dlink\") }}</p>",
        ),
        ("site/root.txt", "from the root"),
        ("site/content/docs/a.txt", "a"),
        ("site/content/about.md", "---\ntitle: A\n---\n\n{{< f >}}\n"),
    ]);
    // Links out of the site and within it: Hugo reads nothing through either.
    let site = dir.path().join("site");
    std::os::unix::fs::symlink(dir.path().join("outside.txt"), site.join("link.txt")).unwrap();
    std::os::unix::fs::symlink(site.join("root.txt"), site.join("inlink.txt")).unwrap();
    std::os::unix::fs::symlink(dir.path(), site.join("dlink")).unwrap();
    let (hugo, folio) = hugo_and_folio(&site, "readFile", "content/about.md");
    let p = |html: &str| normalise(html.split("<p>").nth(1).unwrap_or_default());
    assert_eq!(p(&folio), p(&hugo));
    assert_eq!(
        p(&hugo),
        "from the root|a|true|a.txt|[]|false|0|[]|[]|[]|0</p>"
    );
}

#[test]
fn a_pipeline_ending_in_a_pipe_renders_as_in_hugo() {
    let (hugo, folio) = shortcode_f(
        "title = \"T\"\n",
        "<p>{{ $src := .Get \"src\" | }}<i>{{ $src }}</i>{{ .Get \"a\" | upper | -}}</p>",
        "---\ntitle: About\n---\n\n{{< f src=\"x\" a=\"b\" >}}\n",
    );
    let p = |html: &str| normalise(html.split("<p>").nth(1).unwrap_or_default());
    assert_eq!(p(&folio), p(&hugo));
    assert_eq!(p(&hugo), "<i>x</i>B</p>");
}

#[test]
fn pages_reached_through_partials_sections_and_nil_read_as_in_hugo() {
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "title = \"T\"\n"),
        ("layouts/_default/single.html", "{{ .Content }}"),
        ("layouts/_default/list.html", "{{ .Content }}"),
        ("layouts/partials/a.html", "{{ partial \"b.html\" .Page }}"),
        ("layouts/partials/b.html", "{{ .Page.Title }}/{{ .Title }}"),
        (
            "layouts/shortcodes/f.html",
            "<p>{{ partial \"a.html\" .Page }}|{{ .Page.CurrentSection.Params.self }}\
             |{{ $x := index site.Data \"nope\" }}{{ range $x.Pages }}x{{ end }}{{ $x.Next }}ok</p>",
        ),
        (
            "content/books/_index.md",
            "---\ntitle: Books\ncascade:\n  params:\n    self: books\n---\n",
        ),
        ("content/books/b1.md", "---\ntitle: B1\n---\n\n{{< f >}}\n"),
    ]);
    hugo_build(site.path(), "partials and sections");
    let hugo = std::fs::read_to_string(site.path().join("public/books/b1/index.html")).unwrap();
    let folio = folio_render(&site.path().join("content/books/b1.md"));
    let p = |html: &str| normalise(html.split("<p>").nth(1).unwrap_or_default());
    assert_eq!(p(&folio), p(&hugo));
    assert_eq!(p(&hugo), "B1/B1|books|ok</p>");
}

#[test]
fn a_call_folio_cannot_run_is_located_at_itself_and_an_unknown_function_is_said_anywhere() {
    let site = site_with(
        &[
            (
                "get",
                "{{ $s := .Get \"s\" }}<p>\n  {{ with resources.GetRemote $s }}{{ .Title }}{{ end }}</p>",
            ),
            ("typo", "{{ if false }}{{ fooo }}{{ end }}ok"),
        ],
        "{{< get s=\"/x\" >}}\n\n{{< typo >}}",
    );
    let html = preview(site.path());
    assert!(
        html.contains("layouts/shortcodes/get.html:2:11: Folio cannot run `resources.GetRemote`"),
        "{html}"
    );
    assert!(
        html.contains("layouts/shortcodes/typo.html:1:18: function &quot;fooo&quot; not defined"),
        "{html}"
    );
    let typo = site_with(
        &[("typo", "{{ if false }}{{ fooo }}{{ end }}ok")],
        "{{< typo >}}",
    );
    let hugo = crate::support::hugo_run(typo.path(), &[]).unwrap_err();
    assert!(hugo.contains("function \"fooo\" not defined"), "{hugo}");
    // A name a namespace of Hugo's does not have stops Hugo where it is reached, in Go's
    // words (hunt W); an image filter Folio does not run is Folio's card.
    let typo = site_with(&[("typo", "{{ strings.NoSuch \"x\" }}")], "{{< typo >}}");
    let hugo = crate::support::hugo_run(typo.path(), &[]).unwrap_err();
    let said = "can't evaluate field NoSuch in type *strings.Namespace";
    assert!(hugo.contains(said), "{hugo}");
    let found = the_only_problem(&typo.path().join("content/page.md"));
    assert!(found.contains("error") && found.contains(said), "{found}");
    let filter = site_with(&[("f", "{{ images.AutoOrient }}")], "{{< f >}}");
    let found = the_only_problem(&filter.path().join("content/page.md"));
    assert!(
        found.contains("warning")
            && found.contains("Folio does not have Hugo's function `images.AutoOrient`"),
        "{found}"
    );
}

#[test]
fn a_pages_percent_calls_run_before_its_angle_calls_as_in_hugo() {
    // hugo-notice writes its stylesheet in the first call that runs, which Hugo makes the
    // first `{{% notice %}}`, wherever the `{{< notice >}}`s are.
    let site = crate::support::hugo_site(&[
        (
            "hugo.toml",
            "title = \"T\"\n[markup.goldmark.renderer]\nunsafe = true\n",
        ),
        (
            "layouts/shortcodes/f.html",
            "{{- $n := .Page.Store.Get \"n\" | default 0 -}}\
             {{- .Page.Store.Set \"n\" (add $n 1) -}}<span>n={{ $n }}</span>",
        ),
        ("layouts/shortcodes/box.html", "<div>{{ .Inner }}</div>"),
        (
            "content/about.md",
            "---\ntitle: About\n---\n\n{{< f >}}\n\n{{% f %}}\n\n{{< f >}}\n\n\
             {{< box >}}{{% f %}}{{< /box >}}\n\n{{% f %}}\n",
        ),
    ]);
    let (hugo, folio) = hugo_and_folio(site.path(), "the counter", "content/about.md");
    let spans = |html: &str| {
        html.split("<span>")
            .skip(1)
            .filter_map(|s| s.split("</span>").next())
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    assert_eq!(spans(&folio), spans(&hugo));
    assert_eq!(spans(&hugo), ["n=2", "n=0", "n=3", "n=4", "n=1"], "{hugo}");
}

#[test]
fn a_failing_call_is_located_at_itself_where_the_function_is_called_more_than_once() {
    // compose's `chart`: the `unmarshal` that fails is on line 6, but `in` and `default`
    // are called before it, and a message naming the function was placed at its first call.
    let template = "{{ $a := div 4 2 }}<p>{{ printf \"%d\" (div 4 2) }}\n\
                    {{ $b := 0 }}{{ with .Get \"n\" }}{{ $b = div 4 . }}{{ end }}\n\
                    {{ default 1 2 }} {{ div $a $b }}</p>";
    let site = site_with(&[("f", template)], "{{< f n=\"0\" >}}");
    let html = preview(site.path());
    // `n="0"` is text, which `div` does not take.
    assert!(
        html.contains(
            "layouts/shortcodes/f.html:2:41: div: can't apply the operator to the values"
        ),
        "{html}"
    );
    let hugo = crate::support::hugo_run(site.path(), &[]).unwrap_err();
    // Hugo counts columns from 0.
    assert!(
        hugo.contains("f.html:2:40") && hugo.contains("can't apply the operator to the values"),
        "{hugo}"
    );
    let site = site_with(&[("f", template)], "{{< f >}}");
    assert!(
        preview(site.path()).contains("layouts/shortcodes/f.html:3:22: div: can't divide"),
        "the last line's call, where n is not given"
    );
    // A partial's failure that `try` caught is not the later one's place.
    let site = site_with(
        &[(
            "f",
            "<p>{{ with try (partial \"p\" 0) }}[{{ .Err }}]{{ end }}\n{{ div 1 0 }}</p>",
        )],
        "{{< f >}}",
    );
    std::fs::create_dir_all(site.path().join("layouts/partials")).unwrap();
    std::fs::create_dir_all(site.path().join("layouts/partials")).unwrap();
    std::fs::write(
        site.path().join("layouts/partials/p.html"),
        "{{ $x := 1 }}\n{{ div 4 . }}",
    )
    .unwrap();
    let html = preview(site.path());
    assert!(
        html.contains("layouts/shortcodes/f.html:2:4: div: can't divide"),
        "{html}"
    );
}

#[test]
fn a_function_hugo_removed_in_any_template_of_the_site_is_an_error_of_check_as_hugo_fails_the_build(
) {
    // PaperModX's `tweet-ref` and `social_quote_tweet` partial, which no page need call.
    // The theme's own `quote`, which the site overrides, and an editor's backup are
    // templates Hugo never reads.
    let get_json = "{{ with .url }}\n  {{ $j := getJSON \"https://e.org/x.json\" }}{{ end }}";
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "title = \"T\"\ntheme = \"t\"\n"),
        ("layouts/partials/tweet.html", get_json),
        ("themes/t/layouts/partials/quote.html", get_json),
        ("layouts/partials/quote.html", "{{ .url }}"),
        ("layouts/partials/quote.html~", get_json),
        ("layouts/partials/.draft.html", get_json),
        ("content/about.md", "---\ntitle: About\n---\n\nText.\n"),
    ]);
    let hugo = crate::support::hugo_run(site.path(), &[]).unwrap_err();
    assert!(hugo.contains("function \"getJSON\" not defined"), "{hugo}");
    let found: Vec<String> = folio::check::check_path(&site.path().join("content/about.md"))
        .iter()
        .map(|d| {
            format!(
                "{}:{}:{}: {:?}: {}",
                d.path.display(),
                d.line,
                d.col,
                d.severity,
                d.message
            )
        })
        .collect();
    let partial = site.path().join("layouts/partials/tweet.html");
    assert_eq!(
        found,
        [format!(
            "{}:2:12: Error: Hugo removed the function `getJSON` in 0.156 (use \
             `resources.GetRemote`): Hugo does not build a site any of whose templates calls it",
            partial.display()
        )]
    );
}

#[test]
fn the_templates_calling_unknown_functions_are_read_once_until_the_templates_change() {
    let site_dir = crate::support::hugo_site(&[
        ("hugo.toml", "title = \"T\"\n"),
        (
            "layouts/partials/tweet.html",
            "{{ getJSON \"https://e.org/x.json\" }}",
        ),
        ("content/about.md", "---\ntitle: About\n---\n\nText.\n"),
    ]);
    let site = folio::Site::open_dir(site_dir.path()).unwrap();
    assert_eq!(site.unknown_calls().len(), 1);
    let partial = site_dir.path().join("layouts/partials/tweet.html");
    std::fs::write(&partial, "{{ .url }}").unwrap();
    assert_eq!(
        site.unknown_calls().len(),
        1,
        "kept until the templates change"
    );
    site.forget_stylesheets();
    assert!(site.unknown_calls().is_empty());
}

#[test]
fn a_shortcode_template_the_escaper_refuses_is_an_error_of_the_site_as_hugo_stops_on_it() {
    // parsiya's `wp.html`: a stray quote after an attribute.
    let site = site_with(
        &[
            (
                "wp",
                "<a href=\"https://x.org/{{ .Get 0 }} rel=\"noopener\" \">{{ .Get 0 }}</a>",
            ),
            ("fine", "<a href=\"{{ .Get 0 }}\">x</a>"),
            // Valid: a template only the site has, called by name.
            (
                "yt",
                "{{ template \"_internal/shortcodes/youtube.html\" . }}",
            ),
        ],
        "{{< fine \"a\" >}}",
    );
    // A text template, which nothing escapes.
    std::fs::write(
        site.path().join("layouts/shortcodes/t.txt"),
        "<a href=\"{{ .Get 0 }}",
    )
    .unwrap();
    let hugo = crate::support::hugo_run(site.path(), &[]).unwrap_err();
    assert!(hugo.contains("html/template:_shortcodes/wp.html"), "{hugo}");
    assert!(
        !hugo.contains("yt.html") && !hugo.contains("t.txt"),
        "{hugo}"
    );
    let found = the_only_problem(&site.path().join("content/page.md"));
    assert!(
        found.contains("layouts/shortcodes/wp.html:1:1: error: html/template: ")
            && found.contains("in attribute name"),
        "{found}"
    );
    // A partial no page calls, of any suffix but a plain-text format's: iamschulz's
    // TypeScript partial (hunt Y, 2).
    std::fs::remove_file(site.path().join("layouts/shortcodes/wp.html")).unwrap();
    let partials = site.path().join("layouts/partials");
    std::fs::create_dir_all(&partials).unwrap();
    std::fs::write(partials.join("styles.css"), "p > a { x: \"{{ 1 }}\" }").unwrap();
    std::fs::write(
        partials.join("r.ts"),
        "let a: Array<Promise<void>> = {{ 1 }};",
    )
    .unwrap();
    let hugo = crate::support::hugo_run(site.path(), &[]).unwrap_err();
    assert!(hugo.contains("html/template:_partials/r.ts"), "{hugo}");
    let found = the_only_problem(&site.path().join("content/page.md"));
    assert!(
        found.contains("layouts/partials/r.ts:1:1: error: html/template: "),
        "{found}"
    );
    std::fs::remove_file(partials.join("r.ts")).unwrap();
    assert!(crate::support::hugo_run(site.path(), &[]).is_ok());
    assert!(checked(&site.path().join("content/page.md")).is_empty());
}

#[test]
fn a_chain_of_texts_each_including_the_next_renders_as_in_hugo() {
    // Three files, each read and rendered by the shortcode the one before calls: the
    // same shortcode, other texts, so no loop.
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "title = \"T\"\n"),
        (
            "layouts/shortcodes/inc.html",
            "<div>{{ readFile (.Get 0) | markdownify }}</div>",
        ),
        ("parts/a.md", "A {{< inc \"parts/b.md\" >}}"),
        ("parts/b.md", "B {{< inc \"parts/c.md\" >}}"),
        ("parts/c.md", "*C*"),
        (
            "content/about.md",
            "---\ntitle: About\n---\n\n{{< inc \"parts/a.md\" >}}\n",
        ),
    ]);
    let (hugo, folio) = hugo_and_folio(site.path(), "a chain", "content/about.md");
    assert_eq!(normalise(&folio), normalise(&hugo));
    assert!(hugo.contains("<em>C</em>"), "{hugo}");
}

#[test]
fn a_shortcode_that_renders_the_page_it_is_on_fails_as_in_hugo_and_is_located() {
    // minimo's `file`: `readFile` of the page itself, through `markdownify`.
    let site = site_with(
        &[(
            "inc",
            "<div>{{ readFile \"content/page.md\" | markdownify }}</div>",
        )],
        "{{< inc >}}",
    );
    let hugo = crate::support::hugo_run(site.path(), &[]).unwrap_err();
    assert!(hugo.contains("inc.html:1:"), "{hugo}");
    let found = the_only_problem(&site.path().join("content/page.md"));
    assert!(
        found.contains("layouts/shortcodes/inc.html:1:")
            && found.contains(
                "markdownify: too deep: the text renders shortcodes that render it again"
            ),
        "{found}"
    );
}

#[test]
fn get_on_a_string_fails_as_in_hugo_where_the_dot_is_no_longer_the_shortcode() {
    // hugo-easy-gallery's `figure`: `{{ with .Get "link" }}…{{ .Get "text" }}…{{ end }}`.
    let site = site_with(
        &[(
            "cap",
            "<p>{{ with .Get \"link\" }}<a href=\"{{ . }}\">{{ .Get \"text\" }}</a>{{ end }}</p>",
        )],
        "{{< cap text=\"Someone\" link=\"https://example.com\" >}}",
    );
    let hugo = crate::support::hugo_run(site.path(), &[]).unwrap_err();
    assert!(
        hugo.contains("can't evaluate field Get in type string"),
        "{hugo}"
    );
    let found = the_only_problem(&site.path().join("content/page.md"));
    assert!(
        found.contains("layouts/shortcodes/cap.html:1:")
            && found.ends_with("can't evaluate field Get in type string"),
        "{found}"
    );
}

#[test]
fn a_call_that_reads_its_container_outside_one_fails_as_in_hugo_and_is_located() {
    // A tab moved out of its tabs: Hugo stops ("Parent is nil; wrap it in if or with").
    let tab = "{{ with .Parent }}{{ .Name }}{{ end }}\n<div>{{ .Parent.Scratch.Add \"tabs\" 1 }}{{ .Inner }}</div>";
    let site = site_with(
        &[
            ("tab", tab),
            ("tabs", "<div class=\"tabs\">{{ .Inner }}</div>"),
        ],
        "{{< tabs >}}{{< tab >}}in{{< /tab >}}{{< /tabs >}}\n\n{{< tab >}}out{{< /tab >}}",
    );
    let html = preview(site.path());
    assert!(
        html.contains("class=\"tabs\">tabs\n<div>in</div></div>"),
        "{html}"
    );
    assert!(
        // Hugo: `tab.html:2:15` (from 0), at `.Scratch`, where the chain after the term starts.
        html.contains("layouts/shortcodes/tab.html:2:16: .Parent is nil"),
        "{html}"
    );
    let hugo = crate::support::hugo_run(site.path(), &[]).unwrap_err();
    assert!(hugo.contains("is nil; wrap it in if or with"), "{hugo}");
}

#[test]
fn a_container_kept_in_a_variable_fails_as_in_hugo_when_read_outside_one() {
    // Hunt AM, 5: `$era := .Parent` then `$era.Parent` or `$era.Get` stops Hugo when the
    // call is in no container; Folio read nil and rendered. `with $era` is left alone.
    let event = "{{ $era := .Parent }}{{ with $era }}{{ .Name }}{{ end }}\n\
                 <p>{{ $tl := $era.Parent }}{{ if $tl }}nested{{ else }}top{{ end }}</p>";
    let site = site_with(
        &[("event", event), ("era", "<div>{{ .Inner }}</div>")],
        "{{< era >}}{{< event >}}{{< /era >}}\n\n{{< event >}}",
    );
    let html = preview(site.path());
    assert!(html.contains("<div>era\n<p>top</p></div>"), "{html}");
    assert!(
        html.contains(
            "layouts/shortcodes/event.html:2:18: nil pointer evaluating \
             *hugolib.ShortcodeWithPage.Parent"
        ),
        "{html}"
    );
    let hugo = crate::support::hugo_run(site.path(), &[]).unwrap_err();
    assert!(
        hugo.contains("event.html:2:17: executing")
            && hugo.contains("nil pointer evaluating *hugolib.ShortcodeWithPage.Parent"),
        "{hugo}"
    );
}

#[test]
fn a_nil_parent_of_a_page_or_a_map_reads_as_nothing() {
    // Review 50b, 1: a map's missing `Parent` in a partial, or a page's in a `range`,
    // read as nothing in Hugo and failed in Folio.
    let fine = site_with(
        &[(
            "fine",
            "<p>{{ partial \"p.html\" (dict \"Name\" \"x\") }}\
             {{ range slice (dict \"a\" 1) }}{{ $q := .Parent }}[{{ $q.Title }}]{{ end }}\
             {{ with dict \"a\" 1 }}{{ $q := .Parent }}[{{ $q.Name }}]{{ end }}\
             {{ $m := dict \"a\" 1 }}{{ $m = $m.Parent }}[{{ $m.Name }}]</p>",
        )],
        "{{< fine >}}",
    );
    std::fs::create_dir_all(fine.path().join("layouts/partials")).unwrap();
    std::fs::write(
        fine.path().join("layouts/partials/p.html"),
        "{{ $q := .Parent }}<i>{{ $q.Name }}</i>",
    )
    .unwrap();
    crate::support::hugo_build(fine.path(), "nils of other kinds");
    // Review 50g, 1: a map's `.Parent` under `with dict`, or kept, failed in Folio.
    assert!(hugo_page(fine.path(), "page").contains("<p><i></i>[][][]</p>"));
    assert!(preview(fine.path()).contains("<p><i></i>[][][]</p>"));
    // Review 50e, 6: nine aliases of a map, then its `.Parent`, were taken for a container.
    let aliases: String = (1..=9)
        .map(|i| format!("{{{{ $v{i} := $v{} }}}}", i - 1))
        .collect();
    let chain = site_with(
        &[(
            "chain",
            &format!("{{{{ $v0 := dict \"a\" 1 }}}}{aliases}{{{{ $c := $v9.Parent }}}}[{{{{ $c.Title }}}}]"),
        )],
        "{{< chain >}}",
    );
    assert!(
        preview(chain.path()).contains("[]"),
        "{}",
        preview(chain.path())
    );
    assert_eq!(
        checked(&chain.path().join("content/page.md")),
        Vec::<String>::new()
    );
}

/// Templates reading a nil container, each as Hugo stops on it: (name, template, called
/// inside a container, Folio's column; Hugo's is one less).
const CONTAINER_READS: &[(&str, &str, bool, usize)] = &[
    (
        "chain",
        "{{ $p := .Parent }}<p>{{ $p.Parent.Name }}</p>",
        true,
        28,
    ),
    (
        "again",
        "{{ $p := .Parent }}<p>{{ $p.Name }}</p>{{ $p = . }}",
        false,
        28,
    ),
    ("direct", "<p>{{ .Parent.Parent.Get \"x\" }}</p>", true, 14),
    (
        "grand",
        "{{ $p := .Parent }}{{ $g := $p.Parent }}<p>{{ $g.Name }}</p>",
        true,
        49,
    ),
    (
        "up",
        "{{ $p := .Parent }}{{ $p = $p.Parent }}<p>{{ $p.Name }}</p>",
        true,
        48,
    ),
    (
        "kept",
        "{{ $s := $ }}{{ $p := $s.Parent }}<p>{{ $p.Name }}</p>",
        false,
        43,
    ),
    (
        "withdot",
        "{{ with . }}{{ $p := .Parent }}<p>{{ $p.Name }}</p>{{ end }}",
        false,
        40,
    ),
    (
        "declared",
        "{{ $p := \"\" }}{{ $p = .Parent }}<p>{{ $p.Name }}</p>",
        false,
        41,
    ),
    (
        "withparent",
        "{{ with .Parent }}{{ $g := .Parent }}<p>{{ $g.Name }}</p>{{ end }}",
        true,
        46,
    ),
    (
        "newdict",
        "{{ $p := dict }}{{ $p = .Parent }}<p>{{ $p.Name }}</p>",
        false,
        43,
    ),
    (
        "alias",
        "{{ $p := \"\" }}{{ $p = .Parent }}{{ $q := $p }}<p>{{ $q.Name }}</p>",
        false,
        55,
    ),
    (
        "aliasagain",
        "{{ $p := false }}{{ $p = .Parent }}{{ $s := . }}{{ $s = $p }}<p>{{ $s.Name }}</p>",
        false,
        70,
    ),
    (
        "withelse",
        "{{ with .Get \"x\" }}{{ . }}{{ else }}{{ $p := .Parent }}<p>{{ $p.Name }}</p>{{ end }}",
        false,
        64,
    ),
];

#[test]
fn a_container_read_deeper_or_kept_another_way_fails_when_there_is_none() {
    // Review 50b, 6: `$p.Parent.Name`, a variable also assigned `.`, and
    // `.Parent.Parent.Get` read nil where Hugo stops. Review 50c,
    // 1: so did a container's container kept (`$g := $p.Parent`, `$p = $p.Parent`), the
    // shortcode kept (`$s := $`), and `.Parent` under `with .` or in a `with`'s `else`.
    let call = |name: &str, inside: bool| {
        if inside {
            format!("{{{{< era >}}}}{{{{< {name} >}}}}{{{{< /era >}}}}")
        } else {
            format!("{{{{< {name} >}}}}")
        }
    };
    let mut templates = vec![("era", "<div>{{ .Inner }}</div>")];
    templates.extend(
        CONTAINER_READS
            .iter()
            .map(|(name, template, ..)| (*name, *template)),
    );
    let body: Vec<String> = CONTAINER_READS
        .iter()
        .map(|(name, _, inside, _)| call(name, *inside))
        .collect();
    let html = preview(site_with(&templates, &body.join("\n\n")).path());
    for (file, _, _, col) in CONTAINER_READS {
        assert!(
            html.contains(&format!("layouts/shortcodes/{file}.html:1:{col}: ")),
            "{file}: {html}"
        );
    }
    // Hugo stops at the first: each alone.
    for (file, template, inside, col) in CONTAINER_READS {
        let alone = site_with(
            &[("era", "<div>{{ .Inner }}</div>"), (file, template)],
            &call(file, *inside),
        );
        let hugo = crate::support::hugo_run(alone.path(), &[]).unwrap_err();
        assert!(
            hugo.contains(&format!("{file}.html:1:{}: executing", col - 1)),
            "{file}: {hugo}"
        );
    }
}

#[test]
fn a_value_in_single_quotes_is_said_to_keep_them_as_hugo_shows_them() {
    // Trial 50a, 11: `role='Intern'` shows its quotes in Hugo, and check said nothing.
    let site = site_with(
        &[("e", "<p>[{{ .Get \"role\" }}]</p>")],
        "{{< e role='Intern' >}}\n\n{{< e role=\"'kept'\" >}}",
    );
    crate::support::hugo_build(site.path(), "single quotes");
    assert!(hugo_page(site.path(), "page").contains("<p>[&#39;Intern&#39;]</p>"));
    let found = checked(&site.path().join("content/page.md"));
    let [one] = found.as_slice() else {
        panic!("{found:?}")
    };
    assert!(
        one.contains(":5:12: warning: `'Intern'` is the value with its single quotes"),
        "{one}"
    );
}

#[test]
fn a_template_error_is_located_in_its_file() {
    let site = site_with(
        &[
            ("broken", "<p>\n  {{ if .Get \"x\" }}\n</p>"),
            ("fails", "<p>{{ errorf \"no %s given\" \"x\" }}</p>"),
        ],
        "{{< broken >}}\n\n{{< fails >}}",
    );
    let html = preview(site.path());
    assert!(html.contains("layouts/shortcodes/broken.html:3:"), "{html}");
    assert!(
        html.contains("layouts/shortcodes/fails.html:1:7: "),
        "{html}"
    );
    assert!(html.contains("no x given"), "{html}");
    // A field of a function's result, a chain no call of its own locates: where Hugo
    // places it, `<site>` (hunt Z).
    std::fs::write(
        site.path().join("hugo.toml"),
        "title = \"T\"\n[params]\nstr = \"x\"\n[params.m]\nsubtitle = \"y\"\n",
    )
    .unwrap();
    std::fs::write(
        site.path().join("layouts/shortcodes/broken.html"),
        "xx {{ site.Params.m.subtitle }}{{ site.Params.str.sub }}",
    )
    .unwrap();
    std::fs::remove_file(site.path().join("layouts/shortcodes/fails.html")).unwrap();
    std::fs::write(
        site.path().join("content/page.md"),
        "---\ntitle: P\n---\n\n{{< broken >}}\n",
    )
    .unwrap();
    let hugo = crate::support::hugo_run(site.path(), &[]).unwrap_err();
    // Go counts columns from 0.
    assert!(
        hugo.contains("broken.html:1:34: executing \"_shortcodes/broken.html\" at <site>"),
        "{hugo}"
    );
    let found = the_only_problem(&site.path().join("content/page.md"));
    assert!(
        found.contains("broken.html:1:35: can't evaluate field sub "),
        "{found}"
    );
}

#[test]
fn functions_called_only_inside_a_define_a_block_or_an_else_branch_run() {
    // A compiled template is given the functions its tree calls: each of these three is
    // called nowhere else in the file.
    let site = site_with(
        &[(
            "hidden",
            "{{ define \"shout\" }}{{ upper . }}{{ end }}\
             <p>{{ template \"shout\" (.Get \"a\") }}|\
             {{ block \"quiet\" (.Get \"b\") }}{{ lower . }}{{ end }}|\
             {{ with .Get \"missing\" }}x{{ else with .Get \"c\" }}{{ strings.Repeat 2 . }}{{ end }}</p>",
        )],
        "{{< hidden a=\"loud\" b=\"SOFT\" c=\"ab\" >}}",
    );
    let html = preview(site.path());
    assert!(html.contains("<p>LOUD|soft|abab</p>"), "{html}");
}

#[test]
fn a_percent_call_whose_template_fails_shows_its_card_where_raw_html_is_omitted() {
    // Raw HTML is off (Hugo's default): the card must not be put in the Markdown.
    let site = site_with(
        &[("fails", "<p>{{ errorf \"no %s given\" .Inner }}</p>")],
        "Before.\n\n{{% fails %}}**body**{{% /fails %}}\n\nAfter.",
    );
    let html = preview(site.path());
    assert!(
        html.contains("class=\"folio-card\"") && html.contains("fails.html:1:7: "),
        "{html}"
    );
    assert!(!html.contains("raw HTML omitted"), "{html}");
}

#[test]
fn a_time_function_that_fails_is_named_and_located_as_written() {
    let site = site_with(
        &[(
            "dates",
            "<p>{{ dateFormat \"2006\" \"2020-01-02\" }} {{ time.Format \"2006\" \"soon\" }}</p>",
        )],
        "{{< dates >}}",
    );
    let html = preview(site.path());
    assert!(
        html.contains(
            "layouts/shortcodes/dates.html:1:44: time.Format: unable to parse date: soon"
        ),
        "{html}"
    );
}

#[test]
fn a_javascript_url_from_a_parameter_is_filtered_as_go_filters_it() {
    let site = site_with(
        &[("link", "<a href=\"{{ .Get 0 }}\">{{ .Get 1 }}</a>")],
        "{{< link \"javascript:alert(1)\" \"<script>alert(2)</script>\" >}}",
    );
    let html = folio_export(site.path());
    assert!(
        html.contains("<a href=\"#ZgotmplZ\">&lt;script&gt;alert(2)&lt;/script&gt;</a>"),
        "{html}"
    );
}

#[test]
fn partials_loop_no_deeper_than_a_limit() {
    let site = site_with(&[("loop", "{{ partial \"self.html\" . }}")], "{{< loop >}}");
    std::fs::create_dir_all(site.path().join("layouts/partials")).unwrap();
    std::fs::write(
        site.path().join("layouts/partials/self.html"),
        "x{{ partial \"self.html\" . }}",
    )
    .unwrap();
    let html = preview(site.path());
    assert!(html.contains("calls nest more than 64 deep"), "{html}");
}

#[test]
fn folio_check_names_each_call_whose_template_cannot_run() {
    let site = site_with(
        &[
            (
                "remote",
                "<div>\n{{ with resources.GetRemote \"x\" }}{{ end }}</div>",
            ),
            ("fails", "{{ errorf \"bad %s\" \"thing\" }}"),
        ],
        "{{< remote >}}\n\n{{< fails >}}",
    );
    let found: Vec<String> = folio::check::check_path(&site.path().join("content/page.md"))
        .iter()
        .map(|d| format!("{}:{}: {:?}: {}", d.line, d.col, d.severity, d.message))
        .collect();
    assert_eq!(
        found,
        [
            "5:1: Warning: the preview and the export show Folio's card here: layouts/shortcodes/remote.html:2:9: Folio cannot run `resources.GetRemote`: it fetches a file from the network",
            "7:1: Error: the preview and the export show Folio's card here: layouts/shortcodes/fails.html:1:4: errorf: bad thing",
        ]
    );
}

#[test]
fn the_sample_renders_through_its_own_template_so_an_edit_to_the_template_shows() {
    let site = crate::support::sample_site();
    let template = site.path().join("layouts/shortcodes/project-card.html");
    let text = std::fs::read_to_string(&template).unwrap();
    let page = site.path().join("content/en/about.md");
    let doc = folio::OpenPage::open(&page).unwrap();
    let before = doc.preview_window(None, None, None, None);
    assert!(
        !before.contains("class=\"folio-template-note\""),
        "the sample's template runs"
    );
    std::fs::write(
        &template,
        text.replace(
            "<h3>{{ .Get \"title\" }}</h3>",
            "<h3 class=\"mine\">{{ .Get \"title\" | upper }}</h3>",
        ),
    )
    .unwrap();
    let doc = folio::OpenPage::open(&page).unwrap();
    let after = doc.preview_window(None, None, None, None);
    assert!(
        after.contains("<h3 class=\"mine\">AD-TECH PLATFORM</h3>"),
        "{after}"
    );
}

#[test]
fn templates_that_would_run_away_stop_with_a_located_note() {
    let site = site_with(
        &[
            ("branch", "{{ partial \"tree.html\" 0 }}"),
            ("count", "{{ range seq (.Get \"a\") (.Get \"b\") }}.{{ end }}"),
        ],
        "{{< branch >}}\n\n{{< count a=-5000000000000000000 b=5000000000000000000 >}}\n\n{{< count a=9223372036854775806 b=9223372036854775807 >}}",
    );
    std::fs::create_dir_all(site.path().join("layouts/partials")).unwrap();
    std::fs::write(
        site.path().join("layouts/partials/tree.html"),
        "{{ if lt . 40 }}{{ partial \"tree.html\" (add . 1) }}{{ partial \"tree.html\" (add . 1) }}{{ end }}",
    )
    .unwrap();
    let html = preview(site.path());
    assert!(
        html.contains("more than 10000 partial calls in one page"),
        "{html}"
    );
    assert!(html.contains("seq: size of result exceeds limit"), "{html}");
    assert!(
        html.contains(".."),
        "the last two numbers of i64 make two dots: {html}"
    );
}

#[test]
fn check_says_which_bodies_hugo_shows_as_code_or_without_their_html_however_they_reach_markdown() {
    // Hunt AS, 1, 4 and 5: a nested `{{% %}}` call's body (Markdown to Hugo itself), a
    // body handed to markdownify through a variable, `with` or `transform.Markdownify`,
    // and a body whose first line only is indented. Not said (review 53b): code indented
    // after prose, which may be code on purpose; a call's lines inside the body; a
    // template that renders the body as Markdown only when asked.
    let site = crate::support::hugo_site(&[
        ("hugo.toml", ""),
        ("layouts/_shortcodes/box.html", "<div class=\"box\">{{ .Inner }}</div>"),
        ("layouts/_shortcodes/item.html", "<section>{{ .Inner }}</section>"),
        ("layouts/_shortcodes/vb.html", "<div>{{ $b := .Inner }}{{ $b | markdownify }}</div>"),
        ("layouts/_shortcodes/vc.html", "<div>{{ transform.Markdownify .Inner }}</div>"),
        ("layouts/_shortcodes/ve.html", "<div>{{ with .Inner }}{{ . | markdownify }}{{ end }}</div>"),
        ("layouts/_shortcodes/va.html", "<div>{{ .Inner | markdownify }}</div>"),
        (
            "layouts/_shortcodes/cond.html",
            "{{ if .Get \"md\" }}{{ .Inner | markdownify }}{{ else }}<div>{{ .Inner }}</div>{{ end }}",
        ),
        (
            "content/about.md",
            "---\ntitle: About\n---\n{{< box >}}\n{{% item %}}\n    Built the SDK.\n{{% /item %}}\n\
             {{% item %}}\nBuilt the <b>payments</b> SDK.\n{{% /item %}}\n{{% item %}}\nAll **fine**.\n{{% /item %}}\n\
             {{< /box >}}\n\n{{< vb >}}\n    Indented b.\n{{< /vb >}}\n\n{{< vc >}}\n    Indented c.\n{{< /vc >}}\n\n\
             {{< ve >}}\n    Indented e.\n{{< /ve >}}\n\n{{< va >}}\n    First line indented.\nSecond line not.\n{{< /va >}}\n\n\
             {{< va >}}\nIntro paragraph.\n\n    Then indented.\n{{< /va >}}\n\n{{< va >}}\n- a list\n\n    its second paragraph\n{{< /va >}}\n\n\
             {{< box >}}\n{{% item %}}\n{{< highlight go >}}\nfunc main() {\n\n    x := 1\n}\n{{< /highlight >}}\n{{% /item %}}\n\
             {{< /box >}}\n\n{{< cond >}}\n    not asked\n{{< /cond >}}\n",
        ),
    ]);
    let (hugo, _) = hugo_and_folio(site.path(), "bodies as code", "content/about.md");
    let code = |text: &str| format!("<pre><code>{text}\n</code></pre>");
    let shown = [
        "Built the SDK.",
        "Indented b.",
        "Indented c.",
        "Indented e.",
    ];
    for shown in shown.into_iter().chain(["First line indented."]) {
        assert!(hugo.contains(&code(shown)), "{shown}: {hugo}");
    }
    assert!(hugo.contains("<pre><code>Then indented.") && !hugo.contains("<pre><code>its"));
    assert!(hugo.contains("<div>\n    not asked\n</div>") && !hugo.contains("<pre><code>x"));
    assert!(hugo.contains("Built the <!-- raw HTML omitted -->payments"));
    let found = crate::support::check_lines(&site.path().join("content/about.md"), "about.md");
    let at = |l: &String| l.split(": warning: ").next().map(str::to_string);
    let lines: Vec<String> = found.iter().filter_map(at).collect();
    let expected = [5, 8, 16, 20, 24, 28, 46].map(|line| format!("about.md:{line}:1"));
    assert_eq!(lines, expected, "{found:#?}");
    assert!(found[0].contains("Hugo shows this body as code (<pre><code>)"));
    // The highlighted code is HTML in a body Hugo renders as Markdown: omitted, not
    // shown as code (review 53b, 5).
    assert!(hugo.contains("<section><!-- raw HTML omitted -->"));
    assert!(
        found[6].contains("Hugo omits the HTML of the shortcodes inside this item"),
        "{found:#?}"
    );
    assert!(
        found[1].contains("Hugo omits the raw HTML in this body"),
        "{found:#?}"
    );
}

#[test]
fn check_says_where_hugo_omits_the_html_of_calls_in_a_nested_percent_calls_body() {
    // Review 53b, 5: Hugo renders a nested `{{% %}}` call's body as Markdown, and with
    // raw HTML off omits the HTML its `{{< >}}` calls write, and the body's own tags
    // beside them. A call writing text only is fine.
    let site = crate::support::hugo_site(&[
        ("hugo.toml", ""),
        ("layouts/_shortcodes/tabs.html", "<div class=\"tabs\">{{ .Inner }}</div>"),
        ("layouts/_shortcodes/tab.html", "<div class=\"tab\">{{ .Inner }}</div>"),
        ("layouts/_shortcodes/y.html", "<span class=\"y\">Y</span>"),
        ("layouts/_shortcodes/p.html", "P"),
        (
            "content/about.md",
            "---\ntitle: About\n---\n{{< tabs >}}\n{{% tab %}}\nText {{< y >}} more\n{{% /tab %}}\n\
             {{% tab %}}\n<b>bold</b> {{< y >}}\n{{% /tab %}}\n{{% tab %}}\nAll {{< p >}}\n{{% /tab %}}\n\
             {{< /tabs >}}\n",
        ),
    ]);
    let (hugo, _) = hugo_and_folio(site.path(), "nested bodies", "content/about.md");
    assert!(
        hugo.contains("Text <!-- raw HTML omitted -->Y<!-- raw HTML omitted --> more"),
        "{hugo}"
    );
    assert!(hugo.contains("<p>All P</p>"), "{hugo}");
    let found = crate::support::check_lines(&site.path().join("content/about.md"), "about.md");
    let said: Vec<(&str, bool)> = found
        .iter()
        .map(|l| {
            let (at, what) = l.split_once(": warning: ").unwrap_or_default();
            (at, what.starts_with("Hugo omits the raw HTML in this body"))
        })
        .collect();
    assert_eq!(
        said,
        [
            ("about.md:5:1", false),
            ("about.md:8:1", true),
            ("about.md:8:1", false)
        ],
        "{found:#?}"
    );
    assert!(
        found[0].contains("Hugo omits the HTML of the shortcodes inside this"),
        "{found:#?}"
    );
}

#[test]
fn check_judges_a_body_by_the_template_the_pages_language_runs() {
    // Review 53b, 6: `fr.html` renders the body as Markdown in French only, `all.html`
    // everywhere but French: a body indented as code shows as code where each does.
    let page = "---\ntitle: P\n---\n{{< fr >}}\n    fr first\n{{< /fr >}}\n\n\
                {{< all >}}\n    all first\n{{< /all >}}\n";
    let site = crate::support::hugo_site(&[
        (
            "hugo.toml",
            "[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n",
        ),
        ("layouts/_shortcodes/fr.html", "<div>{{ .Inner }}</div>"),
        (
            "layouts/_shortcodes/fr.fr.html",
            "<div>{{ .Inner | markdownify }}</div>",
        ),
        (
            "layouts/_shortcodes/all.html",
            "<div>{{ .Inner | markdownify }}</div>",
        ),
        ("layouts/_shortcodes/all.fr.html", "<div>{{ .Inner }}</div>"),
        ("content/p.md", page),
        ("content/p.fr.md", page),
    ]);
    crate::support::hugo_build(site.path(), "language variants");
    let code = |out: &str, text: &str| {
        std::fs::read_to_string(site.path().join(out))
            .unwrap()
            .contains(&format!("<pre><code>{text}"))
    };
    assert!(!code("public/p/index.html", "fr first") && code("public/p/index.html", "all first"));
    assert!(code("public/fr/p/index.html", "fr first"));
    assert!(!code("public/fr/p/index.html", "all first"));
    // A template with variants that hands the call to a partial is read through it.
    let partial_site = crate::support::hugo_site(&[
        ("hugo.toml", ""),
        (
            "layouts/_shortcodes/card.html",
            "<div>{{ if .Inner }}{{ partial \"body.html\" . }}{{ end }}</div>",
        ),
        (
            "layouts/_shortcodes/card.amp.html",
            "<div>{{ .Inner }}</div>",
        ),
        ("layouts/_partials/body.html", "{{ .Inner | markdownify }}"),
        (
            "content/a.md",
            "---\ntitle: A\n---\n{{< card >}}\n    first\n{{< /card >}}\n",
        ),
    ]);
    crate::support::hugo_build(partial_site.path(), "a partial's markdownify");
    let a = std::fs::read_to_string(partial_site.path().join("public/a/index.html")).unwrap();
    assert!(a.contains("<pre><code>first"), "{a}");
    let found = crate::support::check_lines(&partial_site.path().join("content/a.md"), "a.md");
    assert_eq!(found.len(), 1, "{found:#?}");
    for (page, line) in [("p.md", 8), ("p.fr.md", 4)] {
        let found = crate::support::check_lines(&site.path().join("content").join(page), page);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(
            found[0].starts_with(&format!(
                "{page}:{line}:1: warning: Hugo shows this body as code"
            )),
            "{found:#?}"
        );
    }
}

#[test]
fn check_says_each_problem_of_a_call_inside_a_container_once() {
    // Hunt AT: a container with no template is drawn as Folio's card, whose body renders
    // the calls inside once more; their errors were said twice.
    let site = crate::support::hugo_site(&[
        ("hugo.toml", ""),
        (
            "layouts/_shortcodes/c.html",
            "<div>{{ partial \"nope.html\" . }}</div>",
        ),
        (
            "content/a.md",
            "---\ntitle: A\n---\n\n{{< box >}}\n{{< c >}}\n{{< /box >}}\n",
        ),
    ]);
    let found = crate::support::check_lines(&site.path().join("content/a.md"), "a.md");
    let at: Vec<&str> = found.iter().filter_map(|l| l.split(": ").next()).collect();
    assert_eq!(at, ["a.md:5:1", "a.md:6:1"], "{found:#?}");
}

#[test]
fn a_shortcode_not_found_on_a_site_that_mounts_folders_is_no_build_error() {
    // Hunt AT, 2: Folio does not follow `module.mounts`; a template in a mounted folder
    // was said to stop Hugo's build, which finds it.
    let site = crate::support::hugo_site(&[
        (
            "hugo.toml",
            "[[module.mounts]]\nsource = \"layouts\"\ntarget = \"layouts\"\n\
             [[module.mounts]]\nsource = \"ui/layouts\"\ntarget = \"layouts\"\n",
        ),
        ("ui/layouts/_shortcodes/card.html", "<b>{{ .Get 0 }}</b>"),
        (
            "content/a.md",
            "---\ntitle: A\n---\n\n{{< card \"hi\" >}}\n",
        ),
    ]);
    crate::support::hugo_build(site.path(), "a mounted layouts folder");
    let found = crate::support::check_lines(&site.path().join("content/a.md"), "a.md");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].starts_with("a.md:5:1: warning: shortcode `card` has no template"));
    assert!(
        found[0].contains("(module.mounts), which Folio does not follow"),
        "{found:#?}"
    );
}

#[test]
fn check_says_where_hugo_runs_a_sections_own_shortcode_template() {
    // Hunt AT, 4: Hugo runs `layouts/resume/_shortcodes/event.html` for pages under
    // `resume/`; Folio runs the general one, or draws its card when there is none (no
    // build error then: Hugo finds one). Pages elsewhere run the general one in both.
    let page = "---\ntitle: A\n---\n\n{{< event >}}\n\n{{< only >}}\n";
    let site = crate::support::hugo_site(&[
        ("hugo.toml", ""),
        ("layouts/_shortcodes/event.html", "<b>general</b>"),
        ("layouts/resume/_shortcodes/event.html", "<b>resume</b>"),
        ("layouts/resume/_shortcodes/only.html", "<b>only</b>"),
        ("content/resume/a.md", page),
        ("content/b.md", "---\ntitle: B\n---\n\n{{< event >}}\n"),
    ]);
    crate::support::hugo_build(site.path(), "a section's shortcodes");
    let hugo = std::fs::read_to_string(site.path().join("public/resume/a/index.html")).unwrap();
    assert!(
        hugo.contains("<b>resume</b>") && hugo.contains("<b>only</b>"),
        "{hugo}"
    );
    let found = crate::support::check_lines(&site.path().join("content/resume/a.md"), "a.md");
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(found[0].starts_with(
        "a.md:5:5: warning: Hugo runs layouts/resume/_shortcodes/event.html for pages in resume/"
    ));
    assert!(found[0].ends_with("show the site's general template of `event`"));
    assert!(
        found[1].starts_with("a.md:7:5: warning: Hugo runs layouts/resume/_shortcodes/only.html")
    );
    assert!(found[1].ends_with("show Folio's card"), "{found:#?}");
    assert!(crate::support::check_lines(&site.path().join("content/b.md"), "b.md").is_empty());
}

#[test]
fn check_says_a_markdown_body_a_template_prints_as_it_is_shows_as_written() {
    // Hunt AS, 9 (corpus page 21's shape): a `{{< >}}` call's output is no Markdown, so
    // the list shows with its dashes and stars. A body of plain text or HTML, and one
    // the template renders, are fine.
    let site = crate::support::hugo_site(&[
        ("hugo.toml", ""),
        ("layouts/_shortcodes/raw.html", "<div class=\"raw\">{{ .Inner }}</div>"),
        ("layouts/_shortcodes/md.html", "<div class=\"md\">{{ .Inner | markdownify }}</div>"),
        (
            "layouts/_shortcodes/cond.html",
            "{{ if .Get \"md\" }}{{ .Inner | markdownify }}{{ else }}<div>{{ .Inner }}</div>{{ end }}",
        ),
        (
            "content/about.md",
            "---\ntitle: About\n---\n{{< raw >}}\n\n- *Architect* (2023) leads **network** strategy.\n\n{{< /raw >}}\n\n\
             {{< raw >}}Plain words.{{< /raw >}}\n\n{{< raw >}}<b>bold</b>{{< /raw >}}\n\n\
             {{< md >}}\n- *Architect*\n{{< /md >}}\n\n{{< cond >}}**Kept** as written.{{< /cond >}}\n",
        ),
    ]);
    let (hugo, _) = hugo_and_folio(site.path(), "printed bodies", "content/about.md");
    assert!(
        hugo.contains("- *Architect* (2023) leads **network** strategy."),
        "{hugo}"
    );
    assert!(hugo.contains("<li><em>Architect</em></li>"), "{hugo}");
    // A template that renders the body as Markdown only when asked (review of 5e8921b).
    assert!(hugo.contains("<div>**Kept** as written.</div>"), "{hugo}");
    let found = crate::support::check_lines(&site.path().join("content/about.md"), "about.md");
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(
        found[1].starts_with("about.md:18:1: warning: Hugo shows this body as written"),
        "{found:#?}"
    );
    assert!(
        found[0].starts_with(
            "about.md:4:1: warning: Hugo shows this body as written, its Markdown unrendered"
        ),
        "{found:#?}"
    );
}

#[test]
fn folio_check_says_where_hugo_will_surprise_and_hugo_does() {
    let site = site_with(
        &[
            ("raw", "<div class=\"raw\">from raw</div>"),
            ("box", "<section>{{ .Inner | markdownify }}</section>"),
            ("chip", "<span class=\"chip\">chip</span>"),
            ("wrap", "<div class=\"wrap\">{{ .Inner }}</div>"),
            ("tab", "<div class=\"tab\">tab {{ .Inner }}</div>"),
            ("md", "**md** [l](/x)"),
        ],
        "{{% raw %}}\n\n{{< box >}}\n    indented code\n{{< /box >}}\n\n{{< box >}}\nText {{< chip >}}\n{{< /box >}}\n\n\
         {{< box >}}\nTitled {{< param title >}}\n{{< /box >}}\n\n\
         {{< wrap >}}\n{{% tab %}}**b**{{% /tab %}}\n{{< /wrap >}}\n\n{{< box >}}\nAlso {{% chip %}}\n{{< /box >}}\n\n\
         {{< box >}}\nMarkdown {{% md %}}\n{{< /box >}}",
    );
    let found: Vec<String> = folio::check::check_path(&site.path().join("content/page.md"))
        .iter()
        .map(|d| format!("{}:{}: {}", d.line, d.col, d.message))
        .collect();
    assert_eq!(
        found,
        [
            "5:1: Hugo drops the HTML this {{% raw %}} call writes, as raw HTML is off (markup.goldmark.renderer.unsafe): call it as {{< raw >}}",
            "7:1: Hugo shows this body as code (<pre><code>): its template renders the body as Markdown, which reads a first line indented 4 spaces or more as a code block: unindent the body",
            "11:1: Hugo omits the HTML of the shortcodes inside this box: its template renders the body as Markdown, which reads their HTML as raw HTML, and that is off (markup.goldmark.renderer.unsafe): set unsafe = true",
            // A `{{% %}}` call inside a `{{< >}}` one: its HTML is its parent's `.Inner`,
            // kept; inside one that renders its body as Markdown, omitted.
            "23:1: Hugo omits the HTML of the shortcodes inside this box: its template renders the body as Markdown, which reads their HTML as raw HTML, and that is off (markup.goldmark.renderer.unsafe): set unsafe = true",
        ]
    );
    hugo_build(site.path(), "the surprises site");
    let hugo = std::fs::read_to_string(site.path().join("public/page/index.html")).unwrap();
    assert!(
        !hugo.contains("from raw"),
        "Hugo dropped the raw HTML: {hugo}"
    );
    assert!(hugo.contains("<pre><code>indented code"), "{hugo}");
    assert!(!hugo.contains("class=\"chip\""), "{hugo}");
    let tab = "<div class=\"tab\">tab <strong>b</strong></div>";
    assert!(hugo.contains(tab), "{hugo}");
    // A `{{% %}}` child that writes Markdown: nothing omitted, nothing said.
    assert!(
        hugo.contains("Markdown <strong>md</strong> <a href=\"/x\">l</a>"),
        "{hugo}"
    );
    let folio = folio_export(site.path());
    assert!(
        !folio.contains("from raw")
            && folio.contains("<pre><code>indented code")
            && !folio.contains("class=\"chip\"")
            && folio.contains(tab),
        "Folio renders what Hugo renders: {folio}"
    );
}

#[test]
fn the_export_copies_the_files_a_templates_resources_point_at() {
    let site = fixture_site();
    let out = site.path().join("bundle-out");
    let doc = folio::OpenPage::open(&site.path().join("content/bundle/index.md")).unwrap();
    folio::export::export(&doc, &out).unwrap();
    let html = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(
        html.contains("<img src=\"assets/root/content/bundle/photo.png\" width=\"7\""),
        "{html}"
    );
    assert!(out.join("assets/root/content/bundle/photo.png").is_file());
    let page = folio::OpenPage::open(&site.path().join("content/page.md")).unwrap();
    let preview = page.preview_window(None, Some("folio://x/"), None, None);
    assert!(
        preview.contains("<img src=\"folio://x/assets/images/logo.png\""),
        "the preview reads assets/ through the app"
    );
}

/// A site with its own stylesheets: a static one with a font, an SCSS one its head
/// partial names (with an import and a variable), one no template names, and a broken
/// one a template names.
fn styled_site() -> tempfile::TempDir {
    let site = site_with(
        &[("card", "<div class=\"card\">{{ .Get 0 }}</div>")],
        "{{< card \"x\" >}}",
    );
    let p = site.path();
    for dir in [
        "static/css",
        "static/fonts",
        "assets/scss",
        "layouts/partials",
    ] {
        std::fs::create_dir_all(p.join(dir)).unwrap();
    }
    std::fs::write(
        p.join("static/css/site.css"),
        ".card { font-family: F; }\n@font-face { font-family: F; src: url(\"../fonts/f.woff2\"); }\n",
    )
    .unwrap();
    std::fs::write(p.join("static/fonts/f.woff2"), b"wOF2 font bytes").unwrap();
    std::fs::write(p.join("assets/scss/_vars.scss"), "$accent: #c00;\n").unwrap();
    std::fs::write(
        p.join("assets/scss/main.scss"),
        "@import \"vars\";\n.card { color: $accent; .inner { margin: 0; } }\n\
         @font-face { font-family: G; src: url(../fonts/g.woff2); }\n",
    )
    .unwrap();
    // A font the compiled sheet names from where it is served (`/scss/main.css`), which
    // only the site's static folder holds.
    std::fs::write(p.join("static/fonts/g.woff2"), b"wOF2 served font").unwrap();
    std::fs::write(
        p.join("assets/scss/unused.scss"),
        ".unused { color: red; }\n",
    )
    .unwrap();
    std::fs::write(p.join("assets/scss/broken.scss"), ".x { color: $nope; }\n").unwrap();
    std::fs::write(
        p.join("layouts/partials/head.html"),
        "{{ with resources.Get \"scss/main.scss\" | toCSS }}{{ end }}{{ with resources.Get \"scss/broken.scss\" }}{{ end }}",
    )
    .unwrap();
    site
}

#[test]
fn site_styles_link_the_sites_own_stylesheets_in_the_export_with_scss_compiled() {
    let site = styled_site();
    let doc = folio::OpenPage::open(&site.path().join("content/page.md")).unwrap();
    let out = site.path().join("styled-out");
    let report = folio::export::export_styled(&doc, &out, true).unwrap();
    let html = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(
        html.contains("<link rel=\"stylesheet\" href=\"assets/site/css/site.css\">"),
        "{html}"
    );
    assert!(
        html.contains("<link rel=\"stylesheet\" href=\"assets/site/scss/main.css\">"),
        "{html}"
    );
    assert!(
        !html.contains("folio.css") && !html.contains("unused"),
        "{html}"
    );
    let icon_css = format!("<style>{}</style>", folio::render::baseof::SITE_ICON_CSS);
    let (icons_at, sheets_at) = (html.find(&icon_css), html.find("assets/site/css/site.css"));
    assert!(
        icons_at.is_some() && icons_at < sheets_at,
        "drawn icons are sized before the site's sheets, which do not know them: {html}"
    );
    let compiled = std::fs::read_to_string(out.join("assets/site/scss/main.css")).unwrap();
    assert!(
        compiled.contains("color: #c00") && compiled.contains(".card .inner"),
        "{compiled}"
    );
    assert!(
        out.join("assets/site/fonts/f.woff2").is_file(),
        "the font a stylesheet names is copied"
    );
    assert_eq!(
        std::fs::read(out.join("assets/site/fonts/g.woff2")).unwrap(),
        b"wOF2 served font",
        "and the one a compiled sheet names from where the site serves it"
    );
    assert_eq!(report.warnings.len(), 1, "{:?}", report.warnings);
    assert!(
        report.warnings[0].message.contains("broken.scss")
            && report.warnings[0].message.contains("Undefined variable"),
        "{:?}",
        report.warnings
    );
}

#[test]
fn site_styles_link_the_sheets_a_resources_match_glob_names_and_else_folios_own() {
    // Hunt AI, 2: Terminal's head takes its sheets by `resources.Match "css/*.css"`: none
    // was linked, and with none found the page lost Folio's styles too.
    let site = site_with(
        &[("card", "<div class=\"card\">{{ .Get 0 }}</div>")],
        "{{< card \"x\" >}}",
    );
    let p = site.path();
    let doc = || folio::OpenPage::open(&p.join("content/page.md")).unwrap();
    let report = folio::export::export_styled(&doc(), &p.join("bare"), true).unwrap();
    let html = std::fs::read_to_string(p.join("bare/index.html")).unwrap();
    assert!(
        html.contains("<link rel=\"stylesheet\" href=\"assets/folio.css\">"),
        "{html}"
    );
    assert!(
        report
            .warnings
            .iter()
            .any(|w| w.message.contains("no stylesheet of the site's was found")),
        "{:?}",
        report.warnings
    );
    std::fs::create_dir_all(p.join("assets/css")).unwrap();
    std::fs::create_dir_all(p.join("layouts/partials")).unwrap();
    for name in ["a", "b"] {
        std::fs::write(
            p.join(format!("assets/css/{name}.css")),
            format!(".{name} {{}}\n"),
        )
        .unwrap();
    }
    std::fs::write(
        p.join("layouts/partials/head.html"),
        "{{ range resources.Match \"css/*.css\" }}<link rel=\"stylesheet\" href=\"{{ .RelPermalink }}\">{{ end }}",
    )
    .unwrap();
    folio::export::export_styled(&doc(), &p.join("matched"), true).unwrap();
    let html = std::fs::read_to_string(p.join("matched/index.html")).unwrap();
    for sheet in ["a", "b"] {
        assert!(
            html.contains(&format!(
                "<link rel=\"stylesheet\" href=\"assets/site/css/{sheet}.css\">"
            )),
            "{html}"
        );
    }
    assert!(!html.contains("folio.css"), "{html}");
}

#[test]
fn a_stylesheets_urls_from_the_site_root_point_at_their_copies_in_the_export() {
    let site = site_with(
        &[("card", "<div class=\"card\">{{ .Get 0 }}</div>")],
        "{{< card \"x\" >}}",
    );
    let p = site.path();
    std::fs::write(p.join("hugo.toml"), "baseURL = \"https://e.org/sub/\"\n").unwrap();
    for (rel, bytes) in [
        (
            "static/css/deep/main.css",
            &b"body { background: url(/img/bg.png); }\n\
            @font-face { src: url( \"/sub/fonts/a.woff2?v=1#x\" ); }\n\
            .x { background: url(/missing.png); } .y { background: url(//cdn.example/y.png); }\n"[..],
        ),
        // A sheet that imports the other: the other keeps its rewritten URLs.
        (
            "static/css/b.css",
            b"@import url(/sub/css/deep/main.css);\n",
        ),
        ("static/img/bg.png", b"png bytes"),
        ("static/fonts/a.woff2", b"font bytes"),
    ] {
        std::fs::create_dir_all(p.join(rel).parent().unwrap()).unwrap();
        std::fs::write(p.join(rel), bytes).unwrap();
    }
    let doc = folio::OpenPage::open(&p.join("content/page.md")).unwrap();
    let out = p.join("out");
    folio::export::export_styled(&doc, &out, true).unwrap();
    let css = std::fs::read_to_string(out.join("assets/site/css/deep/main.css")).unwrap();
    assert_eq!(
        css,
        "body { background: url(../../img/bg.png); }\n\
         @font-face { src: url( \"../../fonts/a.woff2?v=1#x\" ); }\n\
         .x { background: url(/missing.png); } .y { background: url(//cdn.example/y.png); }\n"
    );
    assert_eq!(
        std::fs::read(out.join("assets/site/img/bg.png")).unwrap(),
        b"png bytes"
    );
    assert_eq!(
        std::fs::read(out.join("assets/site/fonts/a.woff2")).unwrap(),
        b"font bytes"
    );
}

#[test]
fn site_styles_in_the_preview_are_served_by_the_app_and_folios_by_default() {
    let site = styled_site();
    let doc = folio::OpenPage::open(&site.path().join("content/page.md")).unwrap();
    let styled = doc.preview_styled(None, Some("folio://x/"), None, None, true);
    for href in [
        "folio://x/site/css/site.css",
        "folio://x/compiled/scss/main.css",
        "folio://x/preview.css",
    ] {
        assert!(
            styled.contains(&format!("<link rel=\"stylesheet\" href=\"{href}\">")),
            "{href}: {styled}"
        );
    }
    assert!(!styled.contains("theme.css"));
    let plain = doc.preview_window(None, Some("folio://x/"), None, None);
    assert!(plain.contains("href=\"folio://x/theme.css\"") && !plain.contains("site.css"));
}

#[test]
fn images_a_template_writes_are_found_under_a_base_path_and_inside_containers_once() {
    let site = site_with(
        &[
            ("pic", "<img src=\"{{ .Get \"img\" | relURL }}\" alt=\"\">"),
            ("wrap", "<section>{{ .Inner }}</section>"),
        ],
        "{{< pic img=\"img/pic.png\" >}}\n\n{{< wrap >}}\n{{< pic img=\"img/pic.png\" >}}\n{{< /wrap >}}",
    );
    let p = site.path();
    std::fs::write(
        p.join("hugo.toml"),
        "baseURL = \"https://user.github.io/repo/\"\ntitle = \"T\"\n",
    )
    .unwrap();
    std::fs::create_dir_all(p.join("static/img")).unwrap();
    std::fs::write(p.join("static/img/pic.png"), b"\x89PNG\r\n\x1a\n").unwrap();
    let doc = folio::OpenPage::open(&p.join("content/page.md")).unwrap();
    let out = p.join("out");
    let report = folio::export::export(&doc, &out).unwrap();
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
    let html = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert_eq!(
        html.matches("<img src=\"assets/site/img/pic.png\"").count(),
        2,
        "{html}"
    );
    let preview = doc.preview_window(None, Some("folio://x/"), None, None);
    assert_eq!(
        preview
            .matches("<img src=\"folio://x/site/img/pic.png\"")
            .count(),
        2,
        "{preview}"
    );
}

#[test]
fn icons_drawn_in_markdown_a_template_renders_are_in_the_pages_sprite() {
    let site = site_with(
        &[
            (
                "box",
                "<div class=\"box\">{{ .Get \"text\" | markdownify }}</div>",
            ),
            ("icon", "<span class=\"fab fa-python\"></span>"),
        ],
        "{{< box text=\"Made with {{< icon >}}\" >}}",
    );
    let html = folio_export(site.path());
    assert!(
        html.contains("<use href=\"#fa-python\">"),
        "the icon is drawn: {html}"
    );
    assert!(
        html.contains("<symbol id=\"fa-python\""),
        "and its symbol is in the sprite: {html}"
    );
}

#[test]
fn solid_regular_and_older_font_awesome_icons_are_drawn_as_its_stylesheets_draw_them() {
    let site = site_with(
        &[(
            "contact",
            "<p><i class=\"fas fa-envelope\"></i><i class=\"fa-regular fa-calendar\"></i>\
             <i class=\"fas fa-home\"></i><span class=\"fa fa-envelope-o\"></span>\
             <i class=\"fal fa-phone\"></i><i class=\"fas fa-nothing\"></i>\
             <i class=\"fa-brands fa-x-twitter\"></i><i class=\"fab fa-bluesky\"></i></p>",
        )],
        "{{< contact >}}",
    );
    let html = folio_export(site.path());
    for (href, what) in [
        ("#fa-solid-envelope", "fas"),
        ("#fa-x-twitter", "a brand added in Font Awesome 6.4"),
        ("#fa-bluesky", "a brand added in Font Awesome 6.5"),
        ("#fa-regular-calendar", "fa-regular"),
        ("#fa-solid-house", "Font Awesome 5's name for house"),
        ("#fa-regular-envelope", "Font Awesome 4's envelope-o"),
    ] {
        assert!(
            html.contains(&format!("<use href=\"{href}\">")),
            "{what} is drawn: {html}"
        );
        let id = href.trim_start_matches('#');
        assert!(
            html.contains(&format!("<symbol id=\"{id}\"")),
            "with its symbol in the sprite: {html}"
        );
    }
    assert!(
        html.contains("<i class=\"fal fa-phone\"></i>"),
        "a Pro style is left to the site's kit: {html}"
    );
    assert!(
        html.contains("<i class=\"fas fa-nothing\"></i>"),
        "an icon Font Awesome Free lacks (Pro's, a newer one) is left as Hugo writes it: {html}"
    );
    let doc = folio::OpenPage::open(&site.path().join("content/page.md")).unwrap();
    assert!(
        doc.preview_html(None, None)
            .contains("<i class=\"fas fa-nothing\"></i>"),
        "and in the preview, where only an unknown brand is marked (the site may draw it)"
    );
}

#[test]
fn icons_a_render_hook_or_the_pages_raw_html_writes_are_drawn_too() {
    let site = site_with(
        &[],
        "## Title\n\nA bell <i class=\"fa-solid fa-bell\"></i> rings.\n",
    );
    let p = site.path();
    std::fs::write(
        p.join("hugo.toml"),
        "title = \"T\"\n[markup.goldmark.renderer]\nunsafe = true\n",
    )
    .unwrap();
    std::fs::create_dir_all(p.join("layouts/_default/_markup")).unwrap();
    std::fs::write(
        p.join("layouts/_default/_markup/render-heading.html"),
        "<h{{ .Level }} id=\"{{ .Anchor }}\">{{ .Text }} <a href=\"#{{ .Anchor }}\"><i class=\"fas fa-link\"></i></a></h{{ .Level }}>",
    )
    .unwrap();
    let html = folio_export(p);
    for id in ["fa-solid-link", "fa-solid-bell"] {
        assert!(
            html.contains(&format!("<use href=\"#{id}\">"))
                && html.contains(&format!("<symbol id=\"{id}\"")),
            "{id} is drawn: {html}"
        );
    }
}

/// A site whose leaf bundle `post/` (with the fixtures' photo as `cover.png`) calls
/// shortcode `name` (template `template`), exported: the site, the page, the export's
/// folder and its HTML.
fn exported_bundle(
    name: &str,
    template: &str,
) -> (
    tempfile::TempDir,
    folio::OpenPage,
    std::path::PathBuf,
    String,
) {
    let site = site_with(&[(name, template)], "");
    let p = site.path();
    std::fs::create_dir_all(p.join("content/post")).unwrap();
    std::fs::write(
        p.join("content/post/index.md"),
        format!("---\ntitle: P\n---\n\n{{{{< {name} >}}}}\n"),
    )
    .unwrap();
    let fixtures = fixture_site();
    let cover = fixtures.path().join("content/bundle/photo.png");
    std::fs::copy(&cover, p.join("content/post/cover.png")).unwrap();
    let doc = folio::OpenPage::open(&p.join("content/post/index.md")).unwrap();
    let out = p.join("out");
    folio::export::export(&doc, &out).unwrap();
    let html = std::fs::read_to_string(out.join("index.html")).unwrap();
    (site, doc, out, html)
}

#[test]
fn an_images_content_makes_the_data_url_hugo_makes_for_a_placeholder() {
    // Thulite's images (Doks): a blurred placeholder inlined as a `data:` URL.
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "baseURL = \"https://e.org/\"\n"),
        (
            "layouts/shortcodes/lqip.html",
            "{{ with .Page.Resources.GetMatch \"photo.png\" }}<img src=\"data:{{ .MediaType }};base64,\
             {{ .Content | base64Encode }}\" data-len=\"{{ len .Content }}\">\
             <i>{{ printf \"%T\" .Content }}</i>{{ end }}",
        ),
        ("content/about/index.md", "---\ntitle: About\n---\n\n{{< lqip >}}\n"),
    ]);
    let fixtures = fixture_site();
    std::fs::copy(
        fixtures.path().join("content/bundle/photo.png"),
        site.path().join("content/about/photo.png"),
    )
    .unwrap();
    let (hugo, folio) = hugo_and_folio(site.path(), "lqip", "content/about/index.md");
    let img = |html: &str| {
        html.split("<img ")
            .nth(1)
            .and_then(|s| s.split('>').next())
            .map(str::to_string)
    };
    assert!(img(&hugo).is_some_and(|i| i.len() > 100), "{hugo}");
    assert_eq!(img(&folio), img(&hugo));
    // Anything else reads it as text, never Folio's own value.
    assert!(folio.contains("<i>string</i>"), "{folio}");
}

#[test]
fn a_files_media_type_is_hugos_or_the_machines_with_its_own_suffix() {
    // hugo-video looks for `in .MediaType.Suffixes "mp4"`; `.m4v` is video/mp4 in the
    // machine's MIME database, which Go's `mime` reads for Hugo, as `.zip` and `.py` are.
    let mut files =
        vec![
        ("hugo.toml", "title = \"T\"\n"),
        (
            "layouts/shortcodes/mt.html",
            "{{ range .Page.Resources }}<p>{{ .Name }}|{{ .MediaType }}|{{ .MediaType.Suffixes }}\
             |{{ .MediaType.FirstSuffix.Suffix }}|{{ in .MediaType.Suffixes \"mp4\" }}\
             |{{ .ResourceType }}|{{ .MediaType.SubType }}</p>{{ end }}\
             <p>{{ len (.Page.Resources.ByType \"video\") }}</p>",
        ),
        ("content/about/index.md", "---\ntitle: About\n---\n\n{{< mt >}}\n"),
    ];
    // One of Hugo's own types has all its suffixes (review 64a, r8: `[jpg]` for a JPEG).
    let names = [
        "a.mp4", "b.m4v", "LICENSE", "a.zip", "a.py", "x.meta", "c.jpeg", "d.yml", "e.mjs",
    ];
    let paths: Vec<String> = names.iter().map(|n| format!("content/about/{n}")).collect();
    files.extend(paths.iter().map(|p| (p.as_str(), "x")));
    let site = crate::support::hugo_site(&files);
    let (hugo, folio) = hugo_and_folio(site.path(), "media types", "content/about/index.md");
    let ps = paragraphs;
    assert_eq!(ps(&folio), ps(&hugo));
    assert!(
        ps(&hugo).contains(&"b.m4v|video/mp4|[m4v]|m4v|false|video|mp4".to_string()),
        "{hugo}"
    );
    assert!(
        ps(&hugo).contains(
            &"c.jpeg|image/jpeg|[jpg jpeg jpe jif jfif]|jpg|false|image|jpeg".to_string()
        ),
        "{hugo}"
    );
}

#[test]
fn abs_url_escapes_the_path_and_fragment_as_go_writes_a_url_and_rel_url_does_not() {
    // hugo-swift-theme's `picture`: `srcset="{{ absURL (.Get 0) }}"` of a file name with a
    // space.
    let (hugo, folio) = shortcode_f(
        "baseURL = \"https://example.com/sub/\"\n",
        "{{ range (slice \"a b.jpg\" \"ü.jpg\" \"/x y/z.png\" \"a%20b.jpg\" \"a%2Fb.jpg\" \
         \"q.png?x=a b\" \"f.html#a b!\" \"[x].png\" \"100%.jpg\" \"https://o.org/a b\" \
         \"search/?q=%s\" \"a.jpg#100%\") }}\
         <p>{{ absURL . }}|{{ relURL . }}|{{ absLangURL . }}</p>{{ end }}",
        "---\ntitle: About\n---\n\n{{< f >}}\n",
    );
    let ps = normalised_paragraphs;
    assert_eq!(ps(&folio), ps(&hugo));
    assert_eq!(ps(&hugo).len(), 12, "{hugo}");
    assert!(ps(&hugo).contains(
        &"https://example.com/sub/a%20b.jpg|/sub/a b.jpg|https://example.com/sub/a%20b.jpg"
            .to_string()
    ));
}

#[test]
fn unmarshal_reads_csv_with_hugos_options_as_hugo_does() {
    // compose's `chart`: `unmarshal (dict "delimiter" $separator) (readFile $dataURL)`.
    let (hugo, folio) = shortcode_f(
        "title = \"T\"\n",
        "<p>{{ unmarshal \"a,b\\nc,\\\"d,e\\\"\\n\\nf,\\\"g\\\"\\\"h\\\"\\n\" }}</p>\
         <p>{{ unmarshal (dict \"delimiter\" \";\") \"a;b\\nc;d\" }}</p>\
         <p>{{ unmarshal (dict \"targetType\" \"map\") \"name,age\\nann,3\\nbob,4\" }}</p>\
         <p>{{ unmarshal (dict \"comment\" \"#\") \"a,b\\n#x,y\\nc,d\" }}</p>\
         <p>{{ unmarshal \"a, b\\n c,d\\r\\ne,f\" }}</p>\
         <p>{{ index (index (unmarshal \"a,b\\nc,d\") 1) 0 }}</p>\
         <p>{{ unmarshal (dict \"delimiter\" \",\") \"x: 1, y\" }}</p>",
        "---\ntitle: About\n---\n\n{{< f >}}\n",
    );
    let ps = paragraphs;
    assert_eq!(ps(&folio), ps(&hugo));
    assert_eq!(
        ps(&hugo),
        [
            "[[a b] [c d,e] [f g&#34;h]]",
            "[[a b] [c d]]",
            "[map[age:3 name:ann] map[age:4 name:bob]]",
            "[[a b] [c d]]",
            "[[a  b] [ c d] [e f]]",
            "c",
            "map[x:1, y]"
        ]
    );
}

#[test]
fn a_params_table_in_any_case_and_json_numbers_are_the_params_hugo_gives() {
    // Hugo lower-cases front matter keys, so a `[Params]` table is `params`, whose keys are
    // the page's own; JSON front matter's numbers are Go's float64 (hunt Z, F1 and F3).
    let template =
        "<p>[{{ .Page.Params.params }}][{{ .Page.Params.inner }}][{{ .Page.Params.color }}]\
                    [{{ .Page.Param \"inner\" }}]</p><p>{{ .Page.Params.big }}|{{ .Page.Params.n }}\
                    |{{ div .Page.Params.n 4 }}</p>";
    let toml = "+++\ntitle = \"About\"\nbig = 12345678901\nn = 2\n[Params]\ninner = 1\nColor = \"red\"\n+++\n\n{{< f >}}\n";
    let json = "{\n\"title\": \"About\",\n\"big\": 12345678901,\n\"n\": 2,\n\"Params\": {\"inner\": 1, \"Color\": \"red\"}\n}\n\n{{< f >}}\n";
    for (page, numbers) in [
        (toml, "12345678901|2|0"),
        (json, "1.2345678901e&#43;10|2|0.5"),
    ] {
        let (hugo, folio) = shortcode_f("title = \"T\"\n", template, page);
        assert_eq!(paragraphs(&folio), paragraphs(&hugo));
        assert_eq!(paragraphs(&hugo), ["[][1][red][1]", numbers]);
    }
}

#[test]
fn data_files_of_one_name_merge_as_hugos_do_and_a_null_one_is_not_set() {
    // In one folder a later file's keys win (`dup.yaml` over `dup.json`); an empty file
    // is nil to Hugo (hunt Z, F6 and F11); hugo's build fields.
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "title = \"T\"\n"),
        (
            "layouts/shortcodes/f.html",
            "<p>{{ site.Data.dup }}|{{ site.Data.empty }}|{{ isset site.Data \"empty\" }}\
             |{{ hugo.IsMultihost }}|{{ len hugo.CommitHash }}|{{ hugo.BuildDate }}</p>\
             <p>{{ range $k, $v := site.Data }}{{ $k }}={{ $v }};{{ end }}</p><p>{{ hugo.WorkingDir }}</p>",
        ),
        ("data/dup.json", "{\"a\": \"json\", \"src\": \"json\"}"),
        ("data/dup.toml", "b = \"toml\"\nsrc = \"toml\"\n"),
        ("data/dup.yaml", "c: yaml\nsrc: yaml\n"),
        ("data/empty.yaml", "\n"),
        // An empty file is an empty map; YAML of comments alone, or a null, is nothing
        // (this session's review).
        ("data/zero.yaml", ""),
        ("data/zero.json", ""),
        ("data/comment.yaml", "# c\n"),
        ("data/tilde.yaml", "~\n"),
        ("data/null.json", "null"),
        ("data/comment.toml", "# c\n"),
        ("content/about.md", "---\ntitle: About\n---\n\n{{< f >}}\n"),
    ]);
    let (hugo, folio) = hugo_and_folio(site.path(), "data files", "content/about.md");
    assert_eq!(paragraphs(&folio), paragraphs(&hugo));
    assert!(hugo.contains(&format!(
        "<p>{}</p>",
        std::path::absolute(site.path()).unwrap().display()
    )));
    assert_eq!(
        paragraphs(&hugo)[..2],
        [
            "map[a:json b:toml c:yaml src:yaml]||false|false|40|2026-10-13T16:42:50Z",
            "comment=map[];dup=map[a:json b:toml c:yaml src:yaml];zero=map[];"
        ]
    );
}

#[test]
fn unmarshal_of_blank_text_is_nil_and_its_format_option_says_how_to_read_the_rest() {
    // pocket's `friendlinks`: `.Inner | transform.Unmarshal` of an empty body (hunt Y).
    let (hugo, folio) = shortcode_f(
        "title = \"T\"\n",
        "<p>{{ printf \"%T|%v\" (unmarshal \"\") (unmarshal \" \\n \") }}</p>\
         <p>{{ printf \"%v\" (unmarshal (dict \"format\" \"yaml\") \"# a comment\\n\") }}</p>\
         <p>{{ printf \"%v\" (unmarshal (dict \"format\" \"json\") \"  \") }}</p>\
         <p>{{ unmarshal (dict \"format\" \"YML\") \"a: 1\" }}</p>\
         <p>{{ unmarshal (dict \"Format\" \"data.toml\") \"a = 'x: y'\" }}</p>\
         <p>{{ unmarshal (dict \"format\" \"csv\") \"a:b,c\" }}</p>\
         <p>{{ printf \"%v\" (unmarshal (dict \"format\" \"yaml\") \"null\") }}</p>",
        "---\ntitle: About\n---\n\n{{< f >}}\n",
    );
    let ps = paragraphs;
    assert_eq!(ps(&folio), ps(&hugo));
    assert_eq!(
        ps(&hugo),
        [
            "&lt;nil&gt;|&lt;nil&gt;",
            "&lt;nil&gt;",
            "&lt;nil&gt;",
            "map[a:1]",
            "map[a:x: y]",
            "[[a:b c]]",
            "&lt;nil&gt;"
        ]
    );
    // A format Hugo does not have stops its build, as it stops check.
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "title = \"T\"\n"),
        (
            "layouts/shortcodes/f.html",
            "<p>{{ unmarshal (dict \"format\" \"ini\") \"a=1\" }}</p>",
        ),
        ("content/about.md", "---\ntitle: About\n---\n\n{{< f >}}\n"),
    ]);
    let refused = crate::support::hugo_run(site.path(), &[]).unwrap_err();
    assert!(
        refused.contains("format \"ini\" not supported"),
        "{refused}"
    );
    let found = the_only_problem(&site.path().join("content/about.md"));
    assert!(found.contains("format \"ini\" not supported"), "{found}");
}

#[test]
fn image_config_and_getenv_give_what_hugo_gives_and_getenv_keeps_hugos_security_policy() {
    // gruvbox's `imageConfig` of a static image; hugomods' `getenv`.
    let config = "title = \"T\"\n[security.funcs]\ngetenv = [\"^HOME$\", \"^HUGO_\"]\n";
    let site = crate::support::hugo_site(&[
        ("hugo.toml", config),
        (
            "layouts/shortcodes/f.html",
            "{{ $c := imageConfig \"static/p.png\" }}<p>{{ $c.Width }}x{{ $c.Height }}\
             |{{ (images.Config \"/static/p.png\").Width }}|{{ getenv \"HOME\" }}\
             |{{ os.Getenv \"HUGO_FOLIO_UNSET\" }}</p>",
        ),
        ("content/about.md", "---\ntitle: About\n---\n\n{{< f >}}\n"),
    ]);
    std::fs::create_dir_all(site.path().join("static")).unwrap();
    std::fs::copy(
        fixture_site().path().join("content/bundle/photo.png"),
        site.path().join("static/p.png"),
    )
    .unwrap();
    let (hugo, folio) = hugo_and_folio(site.path(), "imageConfig", "content/about.md");
    let p = |html: &str| normalise(html.split("<p>").nth(1).unwrap_or_default());
    assert_eq!(p(&folio), p(&hugo));
    let home = std::env::var("HOME").unwrap_or_default();
    assert_eq!(p(&hugo), format!("7x6|7|{home}|</p>"));
    // Without the site's policy, Hugo's own allows only HUGO_ and CI.
    std::fs::write(site.path().join("hugo.toml"), "title = \"T\"\n").unwrap();
    let refused = crate::support::hugo_run(site.path(), &[]).unwrap_err();
    assert!(refused.contains("\"HOME\" is not whitelisted"), "{refused}");
    let doc = folio::OpenPage::open(&site.path().join("content/about.md")).unwrap();
    let html = doc.preview_window(None, None, None, None);
    assert!(
        html.contains("getenv: access denied: &quot;HOME&quot; is not whitelisted"),
        "{html}"
    );
    // An icon is no image Hugo's Go decodes.
    let icon: &[u8] = &[
        0, 0, 1, 0, 1, 0, 16, 16, 0, 0, 1, 0, 32, 0, 0, 0, 0, 0, 22, 0, 0, 0,
    ];
    std::fs::write(site.path().join("static/i.ico"), icon).unwrap();
    std::fs::write(
        site.path().join("layouts/shortcodes/f.html"),
        "<p>{{ (imageConfig \"static/i.ico\").Width }}</p>",
    )
    .unwrap();
    let refused = crate::support::hugo_run(site.path(), &[]).unwrap_err();
    assert!(refused.contains("image: unknown format"), "{refused}");
    let doc = folio::OpenPage::open(&site.path().join("content/about.md")).unwrap();
    let html = doc.preview_window(None, None, None, None);
    assert!(
        html.contains("imageConfig: image: unknown format"),
        "{html}"
    );
}

#[test]
fn unmarshal_reads_a_resource_as_its_media_type_says() {
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "title = \"T\"\n"),
        (
            "layouts/shortcodes/f.html",
            "<p>{{ unmarshal (resources.Get \"a.json\") }}</p>\
             <p>{{ unmarshal (resources.Get \"one.csv\") }}</p>\
             <p>{{ len (index (index (unmarshal (resources.Get \"q.csv\")) 0) 0) }}</p>",
        ),
        ("assets/a.json", "[\"x\", \"y\"]"),
        ("assets/one.csv", "name\nann\nbob\n"),
        ("assets/q.csv", "\"a\r\nb\",c\r\n"),
        ("content/about.md", "---\ntitle: About\n---\n\n{{< f >}}\n"),
    ]);
    let (hugo, folio) = hugo_and_folio(site.path(), "unmarshal", "content/about.md");
    let ps = paragraphs;
    assert_eq!(ps(&folio), ps(&hugo));
    assert_eq!(ps(&hugo), ["[x y]", "[[name] [ann] [bob]]", "3"]);
}

#[test]
fn a_file_of_no_known_type_gives_its_text_as_content_and_no_media_type_as_in_hugo() {
    // hugo-shortcode-gallery reads each image's sidecar, `a.png.meta`, as TOML.
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "baseURL = \"https://e.org/\"\n"),
        (
            "layouts/shortcodes/f.html",
            "{{ with resources.Get \"a.png.meta\" }}{{ $m := .Content | unmarshal }}\
             <p>{{ $m.Title }}|{{ len .Content }}|{{ .MediaType }}|{{ .ResourceType }}</p>{{ end }}",
        ),
        ("assets/a.png.meta", "Title = \"Red one\"\n"),
        ("content/about.md", "---\ntitle: About\n---\n\n{{< f >}}\n"),
    ]);
    let (hugo, folio) = hugo_and_folio(site.path(), "the sidecar", "content/about.md");
    let p = |html: &str| normalise(html.split("<p>").nth(1).unwrap_or_default());
    assert_eq!(p(&folio), p(&hugo));
    assert_eq!(p(&hugo), "Red one|18||</p>");
}

#[test]
fn a_bundles_page_and_editors_files_are_not_resources_hugo_publishes() {
    // Review 47a, 4: a draft page of the bundle was copied into the export, its text and
    // all; `#x.png` and `x.png~` were listed, which Hugo skips.
    let site = site_with(
        &[(
            "list",
            "{{ range .Page.Resources }}<a href=\"{{ .RelPermalink }}\">{{ .Name }}</a>{{ end }}",
        )],
        "",
    );
    let p = site.path();
    std::fs::create_dir_all(p.join("content/post")).unwrap();
    for (name, text) in [
        ("index.md", "---\ntitle: P\n---\n\n{{< list >}}\n"),
        (
            "plan.md",
            "---\ntitle: Plan\ndraft: true\n---\nThe secret plan.\n",
        ),
        ("pic.png", "png"),
        ("#x.png", "png"),
        ("x.png~", "png"),
    ] {
        std::fs::write(p.join("content/post").join(name), text).unwrap();
    }
    let doc = folio::OpenPage::open(&p.join("content/post/index.md")).unwrap();
    let out = p.join("out");
    folio::export::export(&doc, &out).unwrap();
    let html = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(
        html.contains(">pic.png</a>") && !html.contains("x.png"),
        "{html}"
    );
    assert!(out.join("assets/root/content/post/pic.png").is_file());
    // A draft Markdown file is listed as Hugo lists it, a page with no URL (review of
    // stop 62), and not copied.
    assert!(html.contains("<a href=\"\">plan.md</a>"), "{html}");
    assert!(!out.join("assets/root/content/post/plan.md").exists());
}

#[test]
fn a_bundles_markdown_file_is_a_page_resource_whose_content_is_rendered_as_in_hugo() {
    // Review 62a, r1: Hugo makes `credits.md` of a bundle a page (`.ResourceType` `page`,
    // its front matter's `.Title`, its `.Content` rendered); Folio gave its raw text as a
    // text file's.
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "baseURL = \"https://e.org/\"\n"),
        (
            "layouts/shortcodes/snippet.html",
            "{{ with .Page.Resources.Get (.Get 0) }}<p>{{ .ResourceType }}|{{ .Title }}|{{ .Name }}|\
             [{{ .RelPermalink }}]|{{ printf \"%T\" . }}|{{ .Params.role }}|{{ .Kind }}</p>\
             <div>{{ .Content }}</div>{{ end }}",
        ),
        ("layouts/shortcodes/b.html", "<b>{{ .Inner }}</b>"),
        (
            "content/album/index.md",
            "---\ntitle: Album\n---\n{{< snippet \"credits.md\" >}}\n",
        ),
        (
            "content/album/credits.md",
            "---\ntitle: Credits & thanks\nrole: Producer\n---\nProduced by **Ailsa**.\n\n## Band\n",
        ),
        (
            "content/album/liner.md",
            "---\ntitle: Liner\n---\nNotes {{< b >}}here{{< /b >}}.\n",
        ),
    ]);
    crate::support::hugo_build(site.path(), "a bundle's Markdown file");
    let hugo = std::fs::read_to_string(site.path().join("public/album/index.html")).unwrap();
    assert!(
        hugo.contains(
            "<p>page|Credits &amp; thanks|credits.md|[]|*hugolib.pageState|Producer|page</p>"
        ),
        "{hugo}"
    );
    let page = site.path().join("content/album/index.md");
    assert_eq!(normalise(&folio_render(&page)), normalise(&hugo));
    assert!(checked(&page).is_empty(), "{:?}", checked(&page));
    // One that calls a shortcode is said: it would run in this page's context.
    std::fs::write(
        &page,
        "---\ntitle: Album\n---\n{{< snippet \"liner.md\" >}}\n",
    )
    .unwrap();
    let found = the_only_problem(&page);
    assert!(
        found.contains("`.Content` of the page bundle's Markdown file `liner.md`"),
        "{found}"
    );
}

#[test]
fn a_hooks_attributes_slice_is_said_as_folios_gap_not_refused_as_a_name_hugo_lacks() {
    // The review of stop 62: every hook's context has `.AttributesSlice` in Hugo; the check
    // of names no hook has refused it.
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "baseURL = \"https://e.org/\"\n"),
        (
            "layouts/_markup/render-codeblock.html",
            "<pre data-a=\"{{ .AttributesSlice }}\">{{ .Inner }}</pre>",
        ),
        (
            "content/about.md",
            "---\ntitle: About\n---\n```go {a=1}\nx\n```\n",
        ),
    ]);
    crate::support::hugo_build(site.path(), "AttributesSlice");
    let found = the_only_problem(&site.path().join("content/about.md"));
    assert!(
        found.contains("Folio does not have Hugo's method `.AttributesSlice`"),
        "{found}"
    );
}

#[test]
fn a_bundles_markdown_files_are_named_in_lower_case_listed_as_drafts_and_keep_their_titles() {
    // The review of stop 62: Hugo lists a draft Markdown file too, names `Z.md` `z.md`, and
    // does not give the front matter's `resources` entries to a page (their `:counter`
    // counts the other files only).
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "baseURL = \"https://e.org/\"\n"),
        (
            "layouts/shortcodes/x.html",
            "<p>{{ range .Page.Resources }}[{{ .Name }}|{{ .Title }}]{{ end }}</p>",
        ),
        (
            "content/post/index.md",
            "---\ntitle: P\nresources:\n- src: \"*\"\n  title: \"F :counter\"\n---\n{{< x >}}\n",
        ),
        ("content/post/b.md", "---\ntitle: B\ndraft: true\n---\nb\n"),
        ("content/post/a.md", "---\ntitle: A\n---\na\n"),
        ("content/post/Z.md", "---\ntitle: Zed\n---\nz\n"),
        ("content/post/notes.txt", "t"),
        ("content/post/img.png", "p"),
    ]);
    crate::support::hugo_build(site.path(), "a bundle's Markdown files");
    let hugo = std::fs::read_to_string(site.path().join("public/post/index.html")).unwrap();
    assert!(
        hugo.contains("<p>[img.png|F 1][a.md|A][b.md|B][z.md|Zed][notes.txt|F 2]</p>"),
        "{hugo}"
    );
    let page = site.path().join("content/post/index.md");
    assert_eq!(normalise(&folio_render(&page)), normalise(&hugo));
}

#[test]
fn a_bundles_markdown_file_is_a_page_of_one_language_as_in_hugo() {
    // Review 62c, r1: `gracias.md` of a bundle is the default language's (Spanish) page;
    // the English page listed it and showed it.
    let site = crate::support::hugo_site(&[
        (
            "hugo.toml",
            "baseURL = \"https://e.org/\"\ndefaultContentLanguage = \"es\"\n\
             [languages.es]\nweight = 1\n[languages.en]\nweight = 2\n",
        ),
        (
            "layouts/shortcodes/x.html",
            "<p class=\"x\">{{ range .Page.Resources }}[{{ .Name }}: {{ .Title }}]{{ end }}</p>",
        ),
        ("content/p/index.md", "---\ntitle: P\n---\n{{< x >}}\n"),
        ("content/p/index.en.md", "---\ntitle: P\n---\n{{< x >}}\n"),
        ("content/p/gracias.md", "---\ntitle: Gracias\n---\nHola.\n"),
        (
            "content/p/thanks.en.md",
            "---\ntitle: Thanks\n---\nHello.\n",
        ),
        ("content/p/pic.png", "png"),
        ("content/p/notes.txt", "notes"),
    ]);
    crate::support::hugo_build(site.path(), "a bilingual bundle");
    for (page, out, want) in [
        // Pages behind the other files (Hugo's `lessFunc`).
        (
            "index.md",
            "p",
            "[pic.png: pic.png][notes.txt: notes.txt][gracias.md: Gracias]",
        ),
        (
            "index.en.md",
            "en/p",
            "[pic.png: pic.png][thanks.md: Thanks][notes.txt: notes.txt]",
        ),
    ] {
        let hugo =
            std::fs::read_to_string(site.path().join(format!("public/{out}/index.html"))).unwrap();
        assert!(hugo.contains(want), "{hugo}");
        let folio = folio_render(&site.path().join("content/p").join(page));
        assert!(folio.contains(want), "{page}: {folio}");
    }
}

#[test]
fn a_call_reads_the_store_a_render_hook_wrote_below_it_as_hugo_runs_the_hooks_first() {
    // Review 62d, r2: Hugo renders the Markdown, hooks included, before the page's
    // `{{< >}}` calls, so a call above a mermaid block reads what its hook stored; Folio
    // ran the call first (and then only said so).
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "baseURL = \"https://e.org/\"\n"),
        (
            "layouts/_markup/render-codeblock-mermaid.html",
            "{{ .Page.Store.Set \"mermaid\" true }}<pre class=\"mermaid\">{{ .Inner }}</pre>",
        ),
        (
            "layouts/shortcodes/x.html",
            "<p class=\"x\">m={{ .Page.Store.Get \"mermaid\" }}</p>",
        ),
        (
            "content/about.md",
            "---\ntitle: About\n---\n{{< x >}}\n\n```mermaid\ngraph\n```\n",
        ),
    ]);
    let (hugo, folio) = hugo_and_folio(site.path(), "a store a hook writes", "content/about.md");
    assert!(hugo.contains("m=true"), "{hugo}");
    assert!(folio.contains("m=true"), "{folio}");
    assert!(checked(&site.path().join("content/about.md")).is_empty());
}

#[test]
fn a_table_render_hook_gets_the_header_and_body_rows_as_hugo_gives_them() {
    // Review 63b, r1: `render-table.html` was not run. Each cell's `.Text` has its
    // children's hooks run; a cell pulldown-cmark adds to a short row has no alignment
    // (63a, r7), with Hugo's embedded hook too.
    let page = "---\ntitle: About\n---\nIntro [x](/x).\n\n\
                | *Name* | `Score` | Link |\n|:-----|------:|:---:|\n| Ann **A** | 10 | [y](/y) |\n\
                | Bob |\n| a \\| b | c | |\n{.striped #t1}\n\n| A |\n|---|\n| 1 |\n";
    let table = "<table data-ordinal=\"{{ .Ordinal }}\"{{ range $k, $v := .Attributes }} data-{{ $k }}=\"{{ $v }}\"{{ end }}>\
                 {{- range .THead }}<tr>{{ range . }}<th{{ with .Alignment }} class=\"{{ . }}\"{{ end }}>{{ .Text }}</th>{{ end }}</tr>{{ end }}\
                 {{- range $i, $r := .TBody }}<tr data-n=\"{{ len $r }}\">{{ range . }}<td data-a=\"{{ .Alignment }}\">{{ .Text }}</td>{{ end }}</tr>{{ end -}}\
                 </table>";
    let config = "baseURL = \"https://e.org/\"\n[markup.goldmark.parser.attribute]\nblock = true\n";
    for hooked in [true, false] {
        let mut files = vec![
            ("hugo.toml", config),
            (
                "layouts/_markup/render-link.html",
                "<a href=\"{{ .Destination }}\" data-o=\"{{ .Ordinal }}\">{{ .Text }}</a>",
            ),
            ("content/about.md", page),
        ];
        if hooked {
            files.push(("layouts/_markup/render-table.html", table));
        }
        let site = crate::support::hugo_site(&files);
        let (hugo, folio) = hugo_and_folio(site.path(), "a table hook", "content/about.md");
        if hooked {
            assert!(
                hugo.contains("<tr data-n=\"3\"><td data-a=\"left\">Bob</td><td data-a=\"\"></td>"),
                "{hugo}"
            );
        }
        let tables = |html: &str| {
            let doc = Html::parse_document(html);
            let sel = Selector::parse("table").unwrap();
            doc.select(&sel)
                .map(|t| normalise(&t.html()))
                .collect::<Vec<_>>()
        };
        assert_eq!(tables(&folio), tables(&hugo), "hooked: {hooked}");
    }
}

#[test]
fn footnote_and_heading_id_settings_change_the_html_as_in_hugo() {
    // Review 63b, r13, r15, r16: `footnote.backlinkHTML`, `footnote.enable = false` and
    // `parser.autoHeadingID = false` were not read; nor `autoIDType`, the name of
    // `autoHeadingIDType` since Hugo 0.144.
    // The table of contents lists a heading without an id too, its link `#` (63d, r3).
    let page = "---\ntitle: About\n---\n{{< toc >}}\n\n## Projects Ünï\n\n## Two {#two}\n\nClaim[^1] and[^1].\n\n[^1]: Source.\n";
    for settings in [
        "[markup.goldmark.parser]\nautoHeadingID = false\n\
         [markup.goldmark.extensions.footnote]\nbacklinkHTML = \"<b>back</b>\"\n",
        "[markup.goldmark.extensions.footnote]\nenable = false\n",
        "[markup.goldmark.extensions]\nfootnote = false\n",
        "[markup.goldmark.parser]\nautoIDType = \"github-ascii\"\n",
    ] {
        let site = crate::support::hugo_site(&[
            (
                "hugo.toml",
                &format!("baseURL = \"https://e.org/\"\n{settings}"),
            ),
            (
                "layouts/shortcodes/toc.html",
                "<aside>{{ .Page.TableOfContents }}</aside>",
            ),
            ("content/about.md", page),
        ]);
        let (hugo, folio) = hugo_and_folio(site.path(), settings, "content/about.md");
        assert_eq!(normalise(&folio), normalise(&hugo), "{settings}");
    }
}

#[test]
fn a_page_hugo_writes_no_file_for_has_no_url() {
    // Review 63b, r10: a headless bundle's and a `build.render: never` page's
    // `.RelPermalink` is empty in Hugo; Folio made one.
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "baseURL = \"https://e.org/\"\n"),
        (
            "layouts/shortcodes/m.html",
            "<p>{{ range slice \"/media\" \"/hidden\" \"/old\" \"/linked\" }}{{ with site.GetPage . }}\
             [{{ .Title }}: {{ .RelPermalink }}|{{ .Permalink }}]{{ end }}{{ end }}\
             |{{ relref $.Page \"/hidden\" }}|{{ ref $.Page \"/media#x\" }}|{{ relref $.Page \"/linked\" }}</p>",
        ),
        ("content/about.md", "---\ntitle: About\n---\n{{< m >}}\n"),
        ("content/media/index.md", "---\ntitle: Media\nheadless: true\n---\n"),
        ("content/hidden.md", "---\ntitle: Hidden\nbuild:\n  render: never\n---\n"),
        ("content/old.md", "---\ntitle: Old\nbuild:\n  render: false\n---\n"),
        ("content/linked.md", "---\ntitle: Linked\nbuild:\n  render: link\n---\n"),
    ]);
    let (hugo, folio) = hugo_and_folio(site.path(), "pages without a file", "content/about.md");
    assert!(hugo.contains("[Media: |]"), "{hugo}");
    assert_eq!(cases_of("p", &folio), cases_of("p", &hugo));
}

#[test]
fn render_hooks_run_in_the_order_goldmark_renders_the_elements() {
    // Review 63c, r4: a code block's hook ran before the link above it, and a footnote's
    // link before the text after it.
    let count =
        "{{- $n := add (.Page.Store.Get \"n\" | default 0) 1 }}{{ .Page.Store.Set \"n\" $n }}";
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "baseURL = \"https://e.org/\"\n"),
        (
            "layouts/_markup/render-link.html",
            &format!("{count}<a href=\"{{{{ .Destination }}}}\">{{{{ .Text }}}}#{{{{ $n }}}}</a>"),
        ),
        (
            "layouts/_markup/render-codeblock-go.html",
            &format!("{count}<pre class=\"go\">{{{{ .Inner }}}}#{{{{ $n }}}}</pre>"),
        ),
        (
            "layouts/_markup/render-blockquote.html",
            &format!("{count}<blockquote data-n=\"{{{{ $n }}}}\">{{{{ .Text }}}}</blockquote>"),
        ),
        (
            "content/about.md",
            "---\ntitle: About\n---\nA [a](/u)[^1]\n\n```go\nx\n```\n\n> [q](/q)\n>\n> ```go\n> y\n> ```\n\n\
             ```python\nz = 1\n```\n\n[^1]: F [f](/v)\n\nB [b](/w)\n",
        ),
    ]);
    let (hugo, folio) = hugo_and_folio(site.path(), "the hooks' order", "content/about.md");
    assert!(hugo.contains("<a href=\"/v\">f#7</a>"), "{hugo}");
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn a_sections_own_page_is_where_permalinks_section_puts_it() {
    // Review 63b, r9: `[permalinks.section]` was not read.
    let site = crate::support::hugo_site(&[
        (
            "hugo.toml",
            "baseURL = \"https://e.org/\"\n[permalinks.section]\nposts = \"/articles/\"\n\
             notes = \"/n/:slug/\"\nguides = \"/g/:sections/\"\n",
        ),
        (
            "layouts/shortcodes/m.html",
            "<p>{{ range slice \"posts\" \"posts/one\" \"notes\" \"posts/deep\" \"guides\" \"guides/a\" }}\
             {{ with site.GetPage . }}[{{ .RelPermalink }}]{{ end }}{{ end }}|{{ relref .Page \"/posts\" }}</p>",
        ),
        ("content/about.md", "---\ntitle: About\n---\n{{< m >}}\n"),
        ("content/posts/_index.md", "---\ntitle: Writing\n---\n"),
        ("content/posts/one.md", "---\ntitle: One\n---\n"),
        ("content/posts/deep/_index.md", "---\ntitle: Deep\n---\n"),
        ("content/notes/_index.md", "---\ntitle: Notes\nslug: jot\n---\n"),
        // `:sections` of a section's own page holds the section (review 63d, r4).
        ("content/guides/_index.md", "---\ntitle: Guides\n---\n"),
        ("content/guides/a/_index.md", "---\ntitle: A\n---\n"),
    ]);
    let (hugo, folio) = hugo_and_folio(site.path(), "permalinks.section", "content/about.md");
    assert!(hugo.contains("[/articles/]"), "{hugo}");
    assert_eq!(cases_of("p", &folio), cases_of("p", &hugo));
}

#[test]
fn a_call_whose_placeholder_the_markdown_drops_is_not_run_as_in_hugo() {
    // Hugo runs a `{{< >}}` call when it finds its token in the rendered HTML: one in a
    // comment Goldmark omits never runs (its error stops no build).
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "baseURL = \"https://e.org/\"\n"),
        ("layouts/shortcodes/x.html", "{{ errorf \"x ran\" }}"),
        (
            "content/about.md",
            "---\ntitle: About\n---\nText.\n\n<!-- {{< x >}} -->\n\nMore <span>{{< x >}}</span>.\n",
        ),
    ]);
    let hugo = crate::support::hugo_run(site.path(), &[]).unwrap_err();
    assert_eq!(hugo.matches("x ran").count(), 1, "{hugo}");
    let found: Vec<String> = checked(&site.path().join("content/about.md"))
        .into_iter()
        .filter(|f| f.contains("x ran"))
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("about.md:8:12"), "{found:?}");
}

#[test]
fn a_hook_in_markdownify_keeps_the_home_pages_store_not_the_pages() {
    // Review 63c, r11 and 63a, r8: `markdownify` renders as the home page, whose store its
    // hooks read and write, kept from call to call; Folio's hooks wrote the page's.
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "baseURL = \"https://e.org/\"\ntitle = \"Home\"\n"),
        (
            "layouts/_markup/render-link.html",
            "{{- .Page.Store.Add \"n\" 1 -}}<a href=\"{{ .Destination }}\" data-n=\"{{ .Page.Store.Get \"n\" }}\">{{ .Text }}</a>",
        ),
        (
            "layouts/shortcodes/w.html",
            "{{ .Page.Store.Set \"n\" 5 }}<div>{{ .Inner | markdownify }}</div><i>n={{ .Page.Store.Get \"n\" }}</i>",
        ),
        (
            "content/about.md",
            "---\ntitle: About\n---\n[a](/a)\n\n{{< w >}}[b](/b){{< /w >}}\n\n{{< w >}}[c](/c){{< /w >}}\n",
        ),
    ]);
    let (hugo, folio) = hugo_and_folio(site.path(), "a hook in markdownify", "content/about.md");
    let seen = |html: &str| {
        let mut n = cases_of("i", html);
        let doc = Html::parse_document(html);
        let sel = Selector::parse("a[data-n]").unwrap();
        n.extend(
            doc.select(&sel)
                .filter_map(|a| a.value().attr("data-n").map(String::from)),
        );
        n
    };
    assert_eq!(seen(&hugo), ["n=5", "n=5", "1", "1", "2"], "{hugo}");
    assert_eq!(seen(&folio), seen(&hugo), "{folio}");
}

#[test]
fn percent_calls_run_before_the_markdown_and_its_hooks_and_angle_calls_after_as_in_hugo() {
    // One counter in `.Page.Store`, added to by `{{% %}}` calls, a link render hook and
    // `{{< >}}` calls, in a page that interleaves them: each prints the count it saw.
    let count = "{{ .Page.Store.Add \"n\" 1 }}{{ .Page.Store.Get \"n\" }}";
    let site = crate::support::hugo_site(&[
        (
            "hugo.toml",
            "baseURL = \"https://e.org/\"\n[markup.goldmark.renderer]\nunsafe = true\n",
        ),
        (
            "layouts/_markup/render-link.html",
            &format!("<a href=\"{{{{ .Destination }}}}\">link {count}</a>"),
        ),
        (
            "layouts/shortcodes/n.html",
            &format!("<b>{{{{ .Get 0 }}}} {count}</b>"),
        ),
        (
            "content/about.md",
            "---\ntitle: About\n---\n{{< n a >}}\n\n[x](/x) {{% n b %}}\n\n\
             {{< n c >}} [y](/y)\n\n{{% n d %}}\n",
        ),
    ]);
    let (hugo, folio) = hugo_and_folio(site.path(), "a counter", "content/about.md");
    let seen = |html: &str| cases_of("b, a", html);
    let want = ["a 5", "link 3", "b 1", "c 6", "link 4", "d 2"].map(String::from);
    assert_eq!(seen(&hugo), want, "{hugo}");
    assert_eq!(seen(&folio), want, "{folio}");
    // A footnote's call runs last: Hugo puts the outputs in in the HTML's order (review
    // 63c, r3).
    std::fs::write(
        site.path().join("content/about.md"),
        "---\ntitle: About\n---\nA {{< n a >}}[^1]\n\n[^1]: F {{< n f >}}\n\nB {{< n b >}}\n",
    )
    .unwrap();
    let (hugo, folio) = hugo_and_folio(site.path(), "a footnote's call", "content/about.md");
    let want = ["a 1", "b 2", "f 3"].map(String::from);
    assert_eq!(cases_of("b", &hugo), want, "{hugo}");
    assert_eq!(cases_of("b", &folio), want, "{folio}");
}

#[test]
fn a_page_bundles_config_file_is_one_of_its_files_not_the_sites_config() {
    // Review 62d, r1: a bundle holding `config.toml` (a code sample) was taken for the site's
    // root, and the page lost the site's templates.
    let site = crate::support::hugo_site(&[
        (
            "hugo.toml",
            "baseURL = \"https://e.org/\"\ntitle = \"Site\"\n",
        ),
        (
            "layouts/shortcodes/x.html",
            "<p class=\"x\">hello {{ len .Page.Resources }}</p>",
        ),
        (
            "content/uses/index.md",
            "---\ntitle: Uses\n---\n{{< x >}}\n",
        ),
        ("content/uses/config.toml", "title = \"a sample\"\n"),
    ]);
    crate::support::hugo_build(site.path(), "a bundle's config.toml");
    let hugo = std::fs::read_to_string(site.path().join("public/uses/index.html")).unwrap();
    assert!(hugo.contains("<p class=\"x\">hello 1</p>"), "{hugo}");
    let page = site.path().join("content/uses/index.md");
    assert_eq!(normalise(&folio_render(&page)), normalise(&hugo));
    assert!(checked(&page).is_empty(), "{:?}", checked(&page));
}

#[test]
fn a_thumbnail_a_template_makes_is_processed_exported_and_shown_in_the_preview() {
    let (_site, doc, out, html) = exported_bundle(
        "thumb",
        "{{ with (.Page.Resources.GetMatch \"cover.png\").Fill \"4x4\" }}<img src=\"{{ .RelPermalink }}\" width=\"{{ .Width }}\">{{ end }}",
    );
    let src = html
        .split("<img src=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .unwrap();
    assert!(
        src.starts_with("assets/processed/cover_hu_") && html.contains("width=\"4\""),
        "{html}"
    );
    let (w, h) = image_size(&out.join(src));
    assert_eq!((w, h), (4, 4), "the exported file is the processed image");
    let preview = doc.preview_window(None, Some("folio://x/"), None, None);
    assert!(
        preview.contains("<img src=\"folio://x/processed/cover_hu_"),
        "{preview}"
    );
}

#[test]
fn check_says_where_hugos_smart_crop_may_keep_another_part_of_the_picture() {
    // Review 61a: Hugo's default anchor, Smart, picks the part to keep by what the picture
    // shows; Folio keeps the centre, and said nothing.
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "title = \"T\"\n"),
        (
            "layouts/shortcodes/pic.html",
            "{{ with resources.Get \"images/photo.png\" }}{{ $p := .Fill ($.Get 0) }}\
             <img src=\"{{ $p.RelPermalink }}\">{{ end }}",
        ),
        (
            "content/about.md",
            "---\ntitle: A\n---\n\n{{< pic \"8x4\" >}}\n\n{{< pic \"8x4 Smart\" >}}\n\n\
             {{< pic \"8x4 Center\" >}}\n\n{{< pic \"8x4 TopLeft\" >}}\n\n{{< pic \"8x8\" >}}\n",
        ),
    ]);
    let images = site.path().join("assets/images");
    std::fs::create_dir_all(&images).unwrap();
    image::RgbImage::from_pixel(16, 16, image::Rgb([200, 0, 0]))
        .save(images.join("photo.png"))
        .unwrap();
    let found = checked(&site.path().join("content/about.md"));
    // (Review 61c: a fill to the picture's own proportions cuts nothing.)
    let smart: Vec<&String> = found
        .iter()
        .filter(|f| f.contains("Smart anchor"))
        .collect();
    assert_eq!(smart.len(), 2, "{found:?}");
    assert!(
        smart[0].contains("about.md:5:1:") && smart[1].contains("about.md:7:1:"),
        "{smart:?}"
    );
}

#[test]
fn a_jpeg_saved_as_png_is_processed_as_hugo_processes_it() {
    // Hunt AJ, 6: HX2003's `smartreflowoven.png` is a JPEG; Hugo reads an image by its
    // content and writes it in the format its name says. Folio's card failed, and
    // `folio check` said an error.
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "title = \"T\"\n"),
        ("layouts/_default/single.html", "{{ .Content }}"),
        (
            "layouts/shortcodes/pic.html",
            "{{ with resources.Get \"images/photo.png\" }}{{ $p := .Resize \"10x\" }}<img src=\"{{ $p.RelPermalink }}\" width=\"{{ $p.Width }}\">{{ end }}",
        ),
        ("content/about.md", "---\ntitle: A\n---\n\n{{< pic >}}\n"),
    ]);
    let images = site.path().join("assets/images");
    std::fs::create_dir_all(&images).unwrap();
    image::RgbImage::from_pixel(16, 16, image::Rgb([200, 0, 0]))
        .save_with_format(images.join("photo.png"), image::ImageFormat::Jpeg)
        .unwrap();
    let (hugo, folio) = hugo_and_folio(site.path(), "a JPEG named .png", "content/about.md");
    let img = |html: &str| {
        let tag = html.split("<img").nth(1).unwrap_or_default();
        (tag.contains(".png\""), tag.contains("width=\"10\""))
    };
    assert_eq!(img(&hugo), (true, true), "{hugo}");
    assert_eq!(img(&folio), (true, true), "{folio}");
    assert_eq!(
        folio::check::check_path(&site.path().join("content/about.md")),
        vec![]
    );
}

#[test]
fn a_processed_image_of_a_file_with_a_blank_in_its_name_is_escaped_as_hugo_escapes_it() {
    // first-folio's `side-by-side`: a srcset of a processed `my photo.png` was `#ZgotmplZ`
    // (hunt Y, 1).
    let site = site_with(
        &[(
            "sbs",
            "{{ with (.Page.Resources.GetMatch \"my photo.png\").Fill \"4x4\" }}\
             <p>{{ .RelPermalink }}</p><img srcset=\"{{ .RelPermalink }} 400w\" alt=\"\">{{ end }}",
        )],
        "",
    );
    let p = site.path();
    std::fs::create_dir_all(p.join("content/post")).unwrap();
    std::fs::write(
        p.join("content/post/index.md"),
        "---\ntitle: P\n---\n\n{{< sbs >}}\n",
    )
    .unwrap();
    let fixtures = fixture_site();
    let cover = fixtures.path().join("content/bundle/photo.png");
    std::fs::copy(&cover, p.join("content/post/my photo.png")).unwrap();
    crate::support::hugo_build(p, "a processed image");
    let hugo = std::fs::read_to_string(p.join("public/post/index.html")).unwrap();
    let doc = folio::OpenPage::open(&p.join("content/post/index.md")).unwrap();
    let preview = doc.preview_window(None, None, None, None);
    // The hash in the name is Hugo's own.
    let unhashed = |html: &str| {
        let p = paragraphs(html).join("");
        p.split("_hu_").next().unwrap_or_default().to_string()
    };
    assert_eq!(unhashed(&preview), unhashed(&hugo));
    assert_eq!(unhashed(&hugo), "/post/my%20photo");
    let out = p.join("out");
    folio::export::export(&doc, &out).unwrap();
    let html = std::fs::read_to_string(out.join("index.html")).unwrap();
    let srcset = html
        .split("srcset=\"")
        .nth(1)
        .and_then(|s| s.split(' ').next())
        .unwrap();
    assert_eq!(image_size(&out.join(srcset)), (4, 4), "{html}");
}

#[test]
fn images_a_template_writes_in_a_srcset_or_a_style_are_exported_with_the_page() {
    let (_site, _doc, out, html) = exported_bundle(
        "hero",
            "{{ $c := .Page.Resources.GetMatch \"cover.png\" }}{{ $s := $c.Fill \"4x4\" }}{{ $l := $c.Fill \"6x6\" }}\
             <div class=\"hero\" style=\"color: red; background-image: url({{ $s.RelPermalink }})\"></div>\
             <div class=\"upper\" style=\"background: URL({{ $l.RelPermalink }})\"></div>\
             <img srcset=\"{{ $s.RelPermalink }} 1x, {{ $l.RelPermalink }} 2x\" alt=\"\">\
             <img srcset=\"data:image/png;base64,AA== 1x, x.png 2x\" alt=\"\">",
    );
    let between = |from: &str, to: &str| {
        html.split(from)
            .nth(1)
            .and_then(|s| s.split(to).next())
            .unwrap_or_else(|| panic!("{from} in {html}"))
            .to_string()
    };
    let background = between("background-image: url(", ")");
    let upper = between("background: URL(", ")");
    assert!(upper.starts_with("assets/processed/cover_hu_"), "{upper}");
    assert!(
        html.contains("srcset=\"data:image/png;base64,AA== 1x, x.png 2x\""),
        "{html}"
    );
    let srcset = between("srcset=\"", "\"");
    let urls: Vec<&str> = srcset
        .split(", ")
        .map(|c| c.split(' ').next().unwrap())
        .collect();
    assert_eq!(urls.len(), 2, "{srcset}");
    for (url, side) in [(background.as_str(), 4), (urls[0], 4), (urls[1], 6)] {
        assert!(
            url.starts_with("assets/processed/cover_hu_"),
            "{url} in {html}"
        );
        assert_eq!(image_size(&out.join(url)), (side, side), "{url}");
    }
    assert!(
        srcset.ends_with(" 2x") && html.contains("style=\"color: red; "),
        "{html}"
    );
}

fn image_size(path: &Path) -> (u32, u32) {
    let bytes = std::fs::read(path).unwrap();
    // PNG: width and height are the IHDR chunk's first two big-endian words.
    let word = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
    (word(16), word(20))
}

#[test]
fn a_change_to_the_sites_data_is_a_template_change_that_the_preview_shows() {
    let site = site_with(
        &[("team", "<p class=\"team\">{{ site.Data.team.lead }}</p>")],
        "{{< team >}}",
    );
    let data = site.path().join("data");
    std::fs::create_dir_all(&data).unwrap();
    std::fs::write(data.join("team.yaml"), "lead: Ada\n").unwrap();
    let page = site.path().join("content/page.md");
    let mut s = folio::session::Session::open(&page).unwrap();
    assert!(s.preview(None, None).contains("<p class=\"team\">Ada</p>"));
    assert!(
        s.template_folders().contains(&data),
        "the watcher watches data/"
    );
    std::fs::write(data.join("team.yaml"), "lead: Grace\n").unwrap();
    let change = [folio::watch::Change::Templates(data.join("team.yaml"))];
    assert_eq!(
        s.outside_change(&change).unwrap(),
        folio::session::Outside::TemplatesReloaded
    );
    assert!(s
        .preview(None, None)
        .contains("<p class=\"team\">Grace</p>"));
}

/// Runs the `folio` command with `FOLIO_THREADS` set: (its exit code, stdout, stderr).
fn folio_on_threads(threads: usize, args: &[&str]) -> (Option<i32>, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(args)
        .env("FOLIO_THREADS", threads.to_string())
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// `folio export PAGE --out OUT` with `FOLIO_THREADS` set: (its exit code, stdout, stderr).
fn export_on(threads: usize, page: &Path, out: &Path) -> (Option<i32>, String, String) {
    let (page, out) = (page.to_str().unwrap(), out.to_str().unwrap());
    folio_on_threads(threads, &["export", page, "--out", out])
}

/// Every file of an export, by its path in the folder.
fn export_files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (rel, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

#[test]
fn a_long_page_renders_on_several_threads_exactly_as_on_one() {
    // 120 calls: each reads its place, draws icons, renders its body as Markdown with an
    // image (two images share a file name), uses a resource; every tenth fails. Each works
    // a while, so that every thread takes some.
    let card = "<div class=\"c\" data-n=\"{{ .Ordinal }}\" data-at=\"{{ .Position }}\">\
        {{ if eq (mod .Ordinal 10) 3 }}{{ errorf \"card %d fails\" .Ordinal }}{{ end }}\
        <span class=\"fab fa-{{ .Get 0 }}\"></span>\
        {{ with resources.Get \"logo.png\" }}<img src=\"{{ .RelPermalink }}\">{{ end }}\
        {{ .Inner | markdownify }}</div>\
        {{ $x := 0 }}{{ range seq 2000 }}{{ $x = add $x . }}{{ end }}";
    let body: String = (0..120)
        .map(|n| {
            let (icon, folder) = if n % 2 == 0 { ("github", "a") } else { ("python", "b") };
            format!("{{{{< card {icon} >}}}}\nCard *{n}* ![l](/img/{folder}/logo.png)\n{{{{< /card >}}}}\n\n")
        })
        .collect();
    let site = site_with(&[("card", card)], &body);
    let p = site.path();
    for folder in ["a", "b"] {
        std::fs::create_dir_all(p.join("static/img").join(folder)).unwrap();
        std::fs::write(p.join("static/img").join(folder).join("logo.png"), folder).unwrap();
    }
    std::fs::create_dir_all(p.join("assets")).unwrap();
    std::fs::write(p.join("assets/logo.png"), "site logo").unwrap();
    let page = p.join("content/page.md");
    let page = page.to_str().unwrap();
    let mut exports = Vec::new();
    for threads in [1, 4] {
        let out = p.join(format!("out-{threads}"));
        let (code, _, stderr) =
            folio_on_threads(threads, &["export", page, "--out", out.to_str().unwrap()]);
        assert_eq!(code, Some(0), "{stderr}");
        let check = folio_on_threads(threads, &["check", page]);
        exports.push((export_files(&out), check));
    }
    let (one, several) = (&exports[0], &exports[1]);
    assert!(one.0 == several.0, "the exports differ");
    assert_eq!(one.1, several.1, "`folio check` says the same");
    let html = String::from_utf8(one.0["index.html"].clone()).unwrap();
    assert_eq!(html.matches("class=\"c\"").count(), 108, "12 of 120 fail");
    assert!(
        html.contains("src=\"assets/site/img/a/logo.png\""),
        "{html}"
    );
    assert!(html.contains("src=\"assets/site/img/b/logo.png\""));
    let said = format!("{}{}", one.1 .1, one.1 .2);
    assert!(
        said.contains("card 3 fails") && said.contains("card 113 fails"),
        "{said}"
    );
}

#[test]
fn a_table_of_contents_holds_the_outputs_of_calls_the_threads_rendered() {
    // Review 63c, r5: with the thread pool, a heading's call was missing from the table
    // of contents.
    let mut body = "{{< toc >}}\n\n## A {{< s >}}\n".to_string();
    for _ in 0..70 {
        body.push_str("\n{{< s >}}\n");
    }
    let site = site_with(
        &[
            ("toc", "<nav>{{ .Page.TableOfContents }}</nav>"),
            ("s", "<em>s</em>"),
        ],
        &body,
    );
    let page = site.path().join("content/page.md");
    let (threads, again) = same_on_four_threads(&page, 2);
    assert!(threads > 1 && !again, "{threads} {again}");
    let html = render_on(&page, 4).html.to_string();
    assert!(html.contains("<li><a href=\"#a\">A <em>s</em>"), "{html}");
}

/// The page rendered as the export renders it (its files where Hugo publishes them), its
/// calls on `threads` threads.
fn render_on(page: &Path, threads: usize) -> folio::render::Rendered {
    folio::OpenPage::open(page)
        .unwrap()
        .render_on(Some(threads))
}

/// Asserts that the page renders on four threads as on one, `times` times; gives how many
/// threads rendered it the last time, and whether the pool's work was dropped.
fn same_on_four_threads(page: &Path, times: usize) -> (usize, bool) {
    let one = render_on(page, 1);
    assert_eq!(one.threads, 1);
    let mut last = (0, false);
    for _ in 0..times {
        let four = render_on(page, 4);
        assert!(four.html == one.html, "the HTML differs");
        assert_eq!(
            four.findings.template_problems,
            one.findings.template_problems
        );
        assert_eq!(four.findings.surprises, one.findings.surprises);
        assert_eq!(four.icons, one.icons);
        last = (four.threads, four.rendered_again);
    }
    last
}

#[test]
fn calls_on_four_threads_render_as_on_one_and_the_pool_is_used() {
    let card = "<p data-n=\"{{ .Ordinal }}\">{{ if eq (mod .Ordinal 7) 3 }}{{ errorf \"no %d\" .Ordinal }}{{ end }}\
        <span class=\"fab fa-{{ .Get 0 }}\"></span>{{ .Inner | markdownify }}\
        {{ $x := 0 }}{{ range seq 2000 }}{{ $x = add $x . }}{{ end }}</p>";
    let body: String = (0..100)
        .map(|n| format!("{{{{< card github >}}}}\n    body {n}\n{{{{< /card >}}}}\n\n"))
        .collect();
    let site = site_with(&[("card", card)], &body);
    let page = site.path().join("content/page.md");
    assert_eq!(same_on_four_threads(&page, 3), (4, false));
}

#[test]
fn templates_that_keep_state_from_call_to_call_render_in_page_order_on_one_thread() {
    let work = "{{ $x := 0 }}{{ range seq 2000 }}{{ $x = add $x . }}{{ end }}";
    let cases = [
        // The page's scratch, counted from call to call.
        (
            vec![("count", format!("{{{{ .Page.Scratch.Add \"n\" 1 }}}}<b>{{{{ .Page.Scratch.Get \"n\" }}}}</b>{work}"))],
            "{{< count >}}\n\n".repeat(100),
        ),
        // partialCached: the first call in page order fills the cache.
        (
            vec![("cached", format!("{{{{ partialCached \"name.html\" . }}}}{work}"))],
            (0..100).map(|n| format!("{{{{< cached n{n} >}}}}\n\n")).collect(),
        ),
        // The scratch of calls in Markdown a template writes and renders.
        (
            vec![
                ("box", format!("<div>{{{{ markdownify \"{{{{< tick >}}}}\" }}}}</div>{work}")),
                ("tick", "{{ .Scratch.Add \"c\" 1 }}<i>{{ .Scratch.Get \"c\" }}</i>".to_string()),
            ],
            "{{< box >}}\n\n".repeat(100),
        ),
    ];
    for (templates, body) in cases {
        let templates: Vec<(&str, &str)> =
            templates.iter().map(|(n, t)| (*n, t.as_str())).collect();
        let site = site_with(&templates, &body);
        std::fs::create_dir_all(site.path().join("layouts/partials")).unwrap();
        std::fs::write(
            site.path().join("layouts/partials/name.html"),
            "<s>{{ .Get 0 }}</s>",
        )
        .unwrap();
        let page = site.path().join("content/page.md");
        assert_eq!(same_on_four_threads(&page, 3), (1, true), "{templates:?}");
    }
}

#[test]
fn calls_that_share_the_pages_scratch_render_in_page_order_whatever_the_threads() {
    // Each call works a while, so that every thread takes some.
    let counter = "{{ .Page.Scratch.Add \"n\" 1 }}<b>{{ .Page.Scratch.Get \"n\" }}</b>\
        {{ $x := 0 }}{{ range seq 2000 }}{{ $x = add $x . }}{{ end }}";
    let body = "{{< count >}}\n\n".repeat(100);
    let site = site_with(&[("count", counter)], &body);
    let out = site.path().join("out");
    let page = site.path().join("content/page.md");
    let (code, _, stderr) = export_on(4, &page, &out);
    assert_eq!(code, Some(0), "{stderr}");
    let html = std::fs::read_to_string(out.join("index.html")).unwrap();
    let counts: Vec<String> = html
        .match_indices("<b>")
        .map(|(k, _)| html[k + 3..].split('<').next().unwrap().to_string())
        .collect();
    let expected: Vec<String> = (1..=100).map(|n| n.to_string()).collect();
    assert_eq!(counts, expected);
}

#[test]
fn an_export_rendered_again_in_page_order_keeps_only_the_files_of_that_render() {
    // `setup` sets the theme in the page's scratch; each card shows the theme's image. On
    // several threads the cards would read no theme (`light`): those files must not stay.
    let card = "{{ $t := .Page.Scratch.Get \"theme\" | default \"light\" }}\
        <img src=\"/img/{{ $t }}.png\">{{ $x := 0 }}{{ range seq 2000 }}{{ $x = add $x . }}{{ end }}";
    let body = format!("{{{{% setup %}}}}\n\n{}", "{{< card >}}\n\n".repeat(80));
    let site = site_with(
        &[
            ("setup", "{{ .Page.Scratch.Set \"theme\" \"dark\" }}"),
            ("card", card),
        ],
        &body,
    );
    let p = site.path();
    std::fs::create_dir_all(p.join("static/img")).unwrap();
    for t in ["light", "dark"] {
        std::fs::write(p.join(format!("static/img/{t}.png")), t).unwrap();
    }
    let out = p.join("out");
    let page = p.join("content/page.md");
    let (code, _, stderr) = export_on(4, &page, &out);
    assert_eq!(code, Some(0), "{stderr}");
    let files: Vec<String> = export_files(&out)
        .into_keys()
        .filter(|f| f.starts_with("assets/site/"))
        .collect();
    assert_eq!(files, ["assets/site/img/dark.png"]);
    assert!(!stderr.contains("warning"), "{stderr}");
}

#[test]
fn an_export_from_a_relative_page_path_places_files_as_from_an_absolute_one() {
    // A bundle's image, in Markdown a template renders (met again in its output).
    let site = site_with(&[("md", "<div>{{ .Inner | markdownify }}</div>")], "");
    let p = site.path();
    std::fs::create_dir_all(p.join("content/post")).unwrap();
    std::fs::write(p.join("content/post/me.png"), "png").unwrap();
    std::fs::write(
        p.join("content/post/index.md"),
        "---\ntitle: P\n---\n\n{{< md >}}\n![me](me.png)\n{{< /md >}}\n",
    )
    .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_folio"))
        .current_dir(p)
        .args(["export", "content/post/index.md", "--out", "out"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(!stderr.contains("warning"), "{stderr}");
    let html = std::fs::read_to_string(p.join("out/index.html")).unwrap();
    assert!(
        html.contains("<img src=\"assets/root/content/post/me.png\""),
        "{html}"
    );
    assert!(p.join("out/assets/root/content/post/me.png").is_file());
}

#[test]
fn the_sites_and_the_builds_stores_keep_values_from_call_to_call_as_in_hugo() {
    let counter = "{{ site.Store.Add \"s\" 1 }}{{ hugo.Store.Add \"h\" 2 }}\
        <b>{{ site.Store.Get \"s\" }}-{{ hugo.Store.Get \"h\" }}</b>";
    let site = site_with(&[("count", counter)], &"{{< count >}}\n\n".repeat(3));
    crate::support::hugo_build(site.path(), "stores");
    let hugo = std::fs::read_to_string(site.path().join("public/page/index.html")).unwrap();
    let folio = folio_render(&site.path().join("content/page.md"));
    assert_eq!(normalise(&folio), normalise(&hugo));
    assert!(folio.contains("<b>3-6</b>"), "{folio}");
}

#[test]
fn hashes_encodings_type_tests_and_paths_that_themes_call_give_hugos_results() {
    let template = "{{ md5 \"a\" }} {{ crypto.SHA1 \"a\" }} {{ sha256 \"a\" }} {{ hash.FNV32a \"a\" }} \
                    {{ base64Encode \"héllo\" }} {{ base64Decode \"aMOpbGxv\" }} \
                    {{ reflect.IsMap (dict) }} {{ reflect.IsSlice (slice 1) }} {{ reflect.IsMap 1 }} \
                    {{ templates.Exists \"partials/p.html\" }} {{ templates.Exists \"partials/nope.html\" }} \
                    {{ urls.JoinPath \"https://e.org/a/\" \"b\" \"../c/\" }} {{ urls.JoinPath \"a\" \"b\" }} \
                    {{ urls.JoinPath \"/work\" \"my project\" \"ü\" \"b?c\" \"#d\" }} \
                    {{ urls.JoinPath \"a(b)\" \"x%20y\" }} {{ urls.JoinPath \"/a b(c)\" \"x%2Fy\" }} \
                    {{ urls.JoinPath \"https://e.org/a?q=1#f\" \"b\" }} {{ urls.JoinPath \"https://e.org/a\" \"\" }} \
                    {{ urls.JoinPath \"//cdn.e.org/lib\" \"x.js\" }} {{ urls.JoinPath \"mailto:x@y\" \"b\" }} \
                    {{ urls.JoinPath \"\" }} {{ urls.JoinPath \"https://e.org\" }} \
                    {{ urls.JoinPath \"///a\" \"b\" }} {{ urls.JoinPath \"https://e.org\" \"\" }} \
                    {{ urls.JoinPath \"HTTPS://e.org/a\" \"b\" }} {{ urls.JoinPath \"file:/x\" \"y\" }} \
                    {{ urls.JoinPath \"//\" \"b\" }} {{ urls.JoinPath \"http://\" \"\" }} \
                    {{ urls.JoinPath \"http:\" \"b\" }} {{ urls.JoinPath \"MAILTO:x@y\" }} \
                    {{ urls.JoinPath \"https://e.org/a#\" \"b\" }} {{ urls.JoinPath \"https://e.org/a#x y\" \"b\" }} \
                    {{ (urls.Parse \"http://\").String }} \
                    {{ symdiff (slice 1 2 3) (slice 3 4) }} {{ fmt.Printf \"%03d\" 7 }} {{ fmt.Print \"x\" 1 }} \
                    {{ page.Title }}";
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "baseURL = \"https://e.org/\"\n"),
        ("layouts/partials/p.html", "P"),
        ("layouts/shortcodes/f.html", template),
        ("content/about.md", "---\ntitle: About\n---\n{{< f >}}\n"),
    ]);
    let (hugo, folio) = hugo_and_folio(site.path(), "functions", "content/about.md");
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn a_parsed_urls_user_redaction_and_flags_are_gos() {
    // Hunt AM, 6: `.User.Username` was an error, `.Redacted`, `.ForceQuery` and
    // `.OmitHost` printed nothing.
    let template = "{{ with urls.Parse \"https://ex.com/p?\" }}<p>a[{{ .User }}]\
                    {{ with .User }}has{{ else }}none{{ end }}|{{ .ForceQuery }}|{{ .Redacted }}</p>{{ end }}\
                    {{ with urls.Parse \"https://a%40b:p%3Aw@h/x\" }}<p>b[{{ .User }}]|{{ .User.Username }}|\
                    {{ .User.String }}|{{ .Redacted }}|{{ .String }}</p>{{ end }}\
                    {{ with urls.Parse \"file:/x/y\" }}<p>c{{ .OmitHost }}|{{ .String }}</p>{{ end }}\
                    {{ with urls.Parse \"https://only@h/\" }}<p>d[{{ .User }}]|{{ .Redacted }}</p>\
                    <a href=\"{{ .User }}\">x</a>{{ end }}";
    let (hugo, folio) = shortcode_f(
        "baseURL = \"https://e.org/\"\n",
        template,
        "---\ntitle: About\n---\n{{< f >}}\n",
    );
    assert!(hugo.contains("https://a%40b:xxxxx@h/x|"), "{hugo}");
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn floats_print_as_go_prints_them_with_an_exponent_from_a_million() {
    let template = "A={{ mul 2.5 1000000 }} B={{ 0.1 }} C={{ 1e21 }} D={{ site.Params.big }} \
                    E={{ site.Params.small }} F={{ div 1.0 3 }} G={{ 100000.0 }} H={{ float 1000000 }} \
                    I={{ printf \"%v\" 2500000.0 }} J={{ slice 1.5 2e6 }} K={{ .Get \"n\" }} \
                    L={{ dict \"a\" 1e7 }} M={{ print 1e7 }} N={{ string 1e7 }} \
                    O={{ printf \"%-9v|%v\" 2.5e6 (slice 1e6) }}\
                    <script>var s = {{ site.Params.big }};</script>\
                    <a onclick=\"f({{ site.Params.big }}, {{ 0.5 }})\">x</a>";
    let (hugo, folio) = shortcode_f(
        "baseURL = \"https://e.org/\"\n[params]\nbig = 2500000.0\nsmall = 0.00001\n",
        template,
        "---\ntitle: About\n---\n{{< f n=3e6 >}} {{< param big >}}\n",
    );
    assert!(hugo.contains("A=2.5e&#43;06"), "{hugo}");
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn the_sites_render_hooks_write_links_images_and_headings_as_in_hugo() {
    let site = crate::support::hugo_site(&[
        (
            "hugo.toml",
            "baseURL = \"https://e.org/\"\ntheme = \"base\"\n[params]\nextIcon = \"↗\"\n",
        ),
        // Beside `_default/_markup`'s, which Hugo takes.
        ("layouts/_markup/render-heading.html", "DECOY"),
        (
            "layouts/_markup/render-link.html",
            "<a href=\"{{ .Destination | safeURL }}\"{{ with .Title }} title=\"{{ . }}\"{{ end }}\
             {{ if strings.HasPrefix .Destination \"http\" }} target=\"_blank\" rel=\"noopener\"{{ end }}\
             >{{ .Text }}{{ site.Params.extIcon }}</a>",
        ),
        (
            "layouts/_default/_markup/render-heading.html",
            "<h{{ .Level }}{{ range $k, $v := .Attributes }} {{ $k }}=\"{{ $v }}\"{{ end }}>\
             {{ .Text }} <a class=\"anchor\" href=\"#{{ .Anchor }}\">#</a> [{{ .PlainText }}] {{ .Page.Params.myKey }}</h{{ .Level }}>",
        ),
        (
            "themes/base/layouts/_default/_markup/render-image.html",
            "<figure><img src=\"{{ .Destination }}\" alt=\"{{ .PlainText }}\" data-n=\"{{ .Ordinal }}\">\
             {{ with .Title }}<figcaption>{{ . }}</figcaption>{{ end }}</figure>",
        ),
        ("layouts/shortcodes/note.html", "<aside>{{ .Inner | markdownify }}</aside>"),
        (
            "layouts/_markup/render-blockquote-alert.html",
            "<aside class=\"v-{{ .AlertType }}\" data-n=\"{{ .Ordinal }}\">{{ .Text }}</aside>",
        ),
        (
            "layouts/_markup/render-blockquote.html",
            "{{ if eq .Type \"alert\" }}<div class=\"alert alert-{{ .AlertType }}\" data-n=\"{{ .Ordinal }}\">\
             {{ .Text }}</div>{{ else }}<blockquote class=\"q\" data-n=\"{{ .Ordinal }}\">{{ .Text }}\
             </blockquote>{{ end }}",
        ),
        (
            "layouts/_markup/render-codeblock-mermaid.html",
            "<pre class=\"mermaid\" data-n=\"{{ .Ordinal }}\" data-type=\"{{ .Type }}\" data-len=\"{{ len .Inner }}\"\
             {{ with .Attributes.class }} data-class=\"{{ . }}\"{{ end }}>{{ .Inner | htmlEscape | safeHTML }}</pre>",
        ),
        (
            "content/about.md",
            "---\ntitle: About\nmyKey: mk\n---\n## Hello *there* {.big}\n\n\
             See [the *docs*](https://gohugo.io \"Hugo\") and [home](/).\n\n\
             ![A cat](cat.png \"Puss\") and ![dog](/d.png)\n\n\
             [![logo](logo.png)](https://e.org/x y)\n\n\
             ## See [the docs](/docs) and `code`\n\nMail <me@example.org>.\n\n\
             > [!NOTE]\n> Useful *info*.\n\n> A quote with [a link](/q).\n>\n> > Nested.\n\n\
             > [!WARNING]\n> Careful.\n\n\
             ```go\nfunc f() {}\n```\n\n```mermaid {.wide}\ngraph TD;\n  A-->B;\n```\n\n\
             {{< note >}}Read [this](https://example.com/a?b=1&c=2).{{< /note >}}\n",
        ),
    ]);
    let (hugo, folio) = hugo_and_folio(site.path(), "render hooks", "content/about.md");
    assert!(hugo.contains("target=\"_blank\""), "{hugo}");
    assert!(hugo.contains("<figure>"), "{hugo}");
    assert!(
        hugo.contains("<pre class=\"mermaid\" data-n=\"1\""),
        "{hugo}"
    );
    assert!(hugo.contains("<aside class=\"v-note\""), "{hugo}");
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn the_export_copies_the_page_resources_an_image_hook_points_at() {
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "baseURL = \"https://e.org/\"\n"),
        (
            "layouts/_markup/render-image.html",
            "<a href=\"{{ .Destination }}\">{{ with .Page.Resources.GetMatch .Destination }}\
             <img src=\"{{ .RelPermalink }}\" alt=\"x\">{{ else }}<img src=\"{{ .Destination }}\">{{ end }}</a>",
        ),
        (
            "layouts/shortcodes/note.html",
            "<aside>{{ .Inner | markdownify }}</aside>",
        ),
        (
            "content/about/index.md",
            "---\ntitle: About\n---\n![a](photo.png)\n\n{{< note >}}![b](photo.png){{< /note >}}\n",
        ),
    ]);
    let png = root().join("tests/fixtures/templates/site/content/bundle/photo.png");
    std::fs::copy(&png, site.path().join("content/about/photo.png")).unwrap();
    let doc = folio::OpenPage::open(&site.path().join("content/about/index.md")).unwrap();
    let out = site.path().join("out");
    folio::export::export(&doc, &out).unwrap();
    let html = std::fs::read_to_string(out.join("index.html")).unwrap();
    let sources: Vec<&str> = html
        .split("<img src=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .collect();
    assert_eq!(sources.len(), 2, "{html}");
    let links: Vec<&str> = html
        .split("<a href=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .filter(|href| href.contains("photo"))
        .collect();
    // The hook's lightbox link to the image too.
    assert_eq!(links.len(), 2, "{html}");
    for src in sources.into_iter().chain(links) {
        assert!(
            src.starts_with("assets/") && out.join(src).is_file(),
            "{html}"
        );
    }
}

#[test]
fn a_render_hook_that_cannot_run_leaves_goldmarks_html_and_says_why() {
    let site = crate::support::hugo_site(&[
        (
            "hugo.toml",
            "baseURL = \"https://e.org/\"\n[markup.goldmark.renderer]\nunsafe = true\n",
        ),
        (
            "layouts/_markup/render-link.html",
            "{{ $p := resources.GetRemote .Destination }}<a href=\"{{ $p.RelPermalink }}\">{{ .Text }}</a>",
        ),
        ("content/about.md", "---\ntitle: About\n---\nSee [home](/).\n"),
    ]);
    let doc = folio::OpenPage::open(&site.path().join("content/about.md")).unwrap();
    let rendered = doc.render();
    let html = rendered.html.to_string();
    assert!(html.contains("<a href=\"/\">home</a>"), "{html}");
    let problems: Vec<String> = rendered
        .findings
        .template_problems
        .iter()
        .map(|(_, p)| p.to_string())
        .collect();
    assert!(
        problems.iter().any(
            |p| p.starts_with("layouts/_markup/render-link.html:1:") && p.contains("GetRemote")
        ),
        "{problems:?}"
    );
    let found = checked(&site.path().join("content/about.md"));
    // At the link, after "See ".
    assert!(
        found.iter().any(
            |d| d.contains("about.md:4:5:") && d.contains("not through the site's render hook")
        ),
        "{found:?}"
    );
}

#[test]
fn a_render_hook_failing_on_several_links_is_reported_at_the_first_with_how_many_more() {
    let site = crate::support::hugo_site(&[
        (
            "hugo.toml",
            "baseURL = \"https://e.org/\"\n[markup.goldmark.renderer]\nunsafe = true\n",
        ),
        (
            "layouts/_markup/render-link.html",
            "{{ $p := resources.GetRemote .Destination }}<a href=\"{{ $p.RelPermalink }}\">{{ .Text }}</a>",
        ),
        (
            "content/about.md",
            "---\ntitle: About\n---\nSee [a](/).\n\nSee [b](/).\n\n- [c](/x/)\n",
        ),
    ]);
    let found = the_only_problem(&site.path().join("content/about.md"));
    assert!(
        found.contains("about.md:4:5:")
            && found.ends_with("(and at 2 more places after it in this text)"),
        "{found}"
    );
}

#[test]
fn a_blockquote_or_heading_hook_that_cannot_run_is_reported_at_its_element() {
    // hugo-admonitions' blockquote hook compiles its stylesheet with `toCSS`.
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "baseURL = \"https://e.org/\"\n"),
        (
            "layouts/_markup/render-blockquote.html",
            "{{ if eq .Ordinal 1 }}{{ toCSS . }}{{ end }}<blockquote>{{ .Text }}</blockquote>",
        ),
        (
            "layouts/_markup/render-heading.html",
            "{{ if eq .Level 3 }}{{ toCSS . }}{{ end }}<h{{ .Level }}>{{ .Text }}</h{{ .Level }}>",
        ),
        (
            "content/about.md",
            "---\ntitle: About\n---\n\nText.\n\n> One.\n\n## Two\n\n> Three.\n\n### Four\n",
        ),
    ]);
    let found = checked(&site.path().join("content/about.md"));
    assert!(
        found
            .iter()
            .any(|d| d.contains("about.md:11:1:") && d.contains("render-blockquote")),
        "the second quote: {found:?}"
    );
    assert!(
        found
            .iter()
            .any(|d| d.contains("about.md:13:1:") && d.contains("render-heading")),
        "the level-3 heading: {found:?}"
    );
}

#[test]
fn a_render_hook_failing_in_a_partial_or_in_a_built_in_shortcode_is_reported_where_it_ran() {
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "baseURL = \"https://e.org/\"\n"),
        (
            "layouts/_markup/render-image.html",
            "{{ partial \"img.html\" . }}",
        ),
        (
            "layouts/partials/img.html",
            "{{ with resources.GetRemote .Destination }}<img src=\"{{ .RelPermalink }}\">{{ end }}",
        ),
        (
            "content/about.md",
            "---\ntitle: About\n---\n![a](https://e.org/a.png)\n\n\
             {{< details summary=\"More\" >}}\n![b](https://e.org/b.png)\n{{< /details >}}\n",
        ),
    ]);
    let page = site.path().join("content/about.md");
    let html = folio::OpenPage::open(&page)
        .unwrap()
        .render()
        .html
        .to_string();
    assert!(
        html.contains("<img src=\"https://e.org/a.png\" alt=\"a\""),
        "{html}"
    );
    let found = checked(&page);
    let at = |place: &str| {
        found.iter().any(|d| {
            d.contains(place)
                && d.contains("not through the site's render hook")
                && d.contains("layouts/partials/img.html:1:")
                && d.contains("render hook render-image.html")
        })
    };
    // At the image; in the shortcode's Markdown, at the call.
    assert!(at("about.md:4:1:") && at("about.md:6:1:"), "{found:?}");
}

#[test]
fn an_alert_no_hook_writes_is_the_blockquote_goldmark_writes() {
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "baseURL = \"https://e.org/\"\n"),
        (
            "layouts/_markup/render-blockquote-regular.html",
            "<blockquote class=\"r\">{{ .Text }}</blockquote>",
        ),
        (
            "content/about.md",
            "---\ntitle: About\n---\n> [!TIP]\n> Try *this*.\n\n> Plain.\n",
        ),
    ]);
    let (hugo, folio) = hugo_and_folio(site.path(), "alerts", "content/about.md");
    assert!(
        hugo.contains("[!TIP]") && hugo.contains("class=\"r\""),
        "{hugo}"
    );
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn check_names_each_render_hook_folio_does_not_run_where_it_has_something_to_render() {
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "baseURL = \"https://e.org/\"\n"),
        (
            "layouts/_markup/render-table.html",
            "<table>{{ range .THead }}{{ end }}</table>",
        ),
        (
            "layouts/_markup/render-link.html",
            "<a href=\"{{ .Destination }}\">{{ .Text }}</a>",
        ),
        // The passthrough extension is off: its hook has nothing to render.
        (
            "layouts/_markup/render-passthrough.html",
            "<span>{{ .Inner }}</span>",
        ),
        (
            "layouts/_markup/render-link.fr.html",
            "<a href=\"{{ .Destination }}\">fr</a>",
        ),
        (
            "layouts/blog/_markup/render-image.html",
            "<img src=\"{{ .Destination }}\">",
        ),
        (
            "layouts/docs/guide/_markup/render-heading.html",
            "<h2>{{ .Text }}</h2>",
        ),
        (
            "content/about.md",
            "---\ntitle: About\n---\nSee [home](/).\n",
        ),
    ]);
    let found = checked(&site.path().join("content/about.md"));
    // A table hook runs (review 63b, r1).
    assert_eq!(found.len(), 3, "{found:?}");
    for (d, file) in found.iter().zip([
        "blog/_markup/render-image.html",
        "docs/guide/_markup/render-heading.html",
        "_markup/render-link.fr.html",
    ]) {
        assert!(
            d.contains(file) && d.contains("not a section's"),
            "{found:?}"
        );
    }
}

#[test]
fn check_names_the_passthrough_render_hook_when_the_extension_gives_it_math_to_render() {
    let site = crate::support::hugo_site(&[
        (
            "hugo.toml",
            "baseURL = \"https://e.org/\"\n\
             [markup.goldmark.extensions.passthrough]\nenable = true\n\
             [markup.goldmark.extensions.passthrough.delimiters]\ninline = [['$', '$']]\n",
        ),
        (
            "layouts/_markup/render-passthrough.html",
            "<span>{{ .Inner }}</span>",
        ),
        ("content/about.md", "---\ntitle: About\n---\n$x$\n"),
    ]);
    let found = checked(&site.path().join("content/about.md"));
    assert!(
        found
            .iter()
            .any(|d| d.contains("render-passthrough.html:1:1") && d.contains("does not run")),
        "{found:?}"
    );
}

#[test]
fn a_time_zone_hugo_cannot_load_is_an_error_at_its_name_and_dates_stay_in_utc() {
    let site = site_with(
        &[(
            "d",
            "<p>{{ (time \"2023-07-14T10:00:00\").Format \"15:04 MST\" }}</p>",
        )],
        "{{< d >}}",
    );
    configure(
        site.path(),
        "title = \"T\"\n[languages.en]\ntimeZone = \"Mars/Olympus\"\n",
    );
    let found = checked(&site.path().join("content/page.md"));
    let expected = "hugo.toml:3:12: error: invalid timeZone for language \"en\": \
                    unknown time zone Mars/Olympus";
    assert!(
        found.iter().any(|d| d.ends_with(expected)),
        "check names the zone where it is written: {found:?}"
    );
    assert!(preview(site.path()).contains("<p>10:00 UTC</p>"));
}

#[test]
fn a_date_without_an_offset_is_in_the_sites_time_zone() {
    let site = site_with(
        &[(
            "d",
            "<p>{{ (time \"2023-07-14T10:00:00\").Format \"15:04 MST -07:00\" }}</p>",
        )],
        "{{< d >}}",
    );
    configure(site.path(), "title = \"T\"\ntimeZone = \"Asia/Kolkata\"\n");
    assert!(preview(site.path()).contains("<p>10:00 IST &#43;05:30</p>"));
}

#[test]
fn settings_are_read_in_any_case_and_a_languages_own_comes_first() {
    let site = site_with(
        &[(
            "d",
            "<p>{{ (time \"2023-07-14T10:00:00\").Format \"MST\" }} {{ title \"up and at them\" }}</p>",
        )],
        "{{< d >}}",
    );
    configure(
        site.path(),
        "title = \"T\"\ntimeZone = \"Europe/Paris\"\ntitleCaseStyle = \"none\"\n\
         [languages.en]\nTIMEZONE = \"Asia/Tokyo\"\ntitlecasestyle = \"go\"\n",
    );
    assert!(preview(site.path()).contains("<p>JST Up And At Them</p>"));
}

#[test]
fn a_zone_is_named_as_the_database_spells_it() {
    let site = site_with(&[("d", "<p>x</p>")], "{{< d >}}");
    configure(site.path(), "title = \"T\"\ntimeZone = \"europe/paris\"\n");
    let found = checked(&site.path().join("content/page.md"));
    assert!(
        found
            .iter()
            .any(|d| d.ends_with("unknown time zone europe/paris")),
        "Go's LoadLocation wants the database's spelling: {found:?}"
    );
}

#[test]
fn a_body_indented_no_further_than_its_call_is_not_code_to_inner_deindent() {
    let site = site_with(
        &[(
            "event",
            "<div class=\"event\">{{ .InnerDeindent | markdownify }}</div>",
        )],
        "- a list\n\n  {{< event >}}\n    two spaces past the call\n  {{< /event >}}",
    );
    let found = checked(&site.path().join("content/page.md"));
    assert!(found.is_empty(), "no code block, so no warning: {found:?}");
    hugo_build(site.path(), "the deindent site");
    let hugo = std::fs::read_to_string(site.path().join("public/page/index.html")).unwrap();
    assert!(
        hugo.contains("two spaces past the call") && !hugo.contains("<pre>"),
        "{hugo}"
    );
}

#[test]
fn the_home_page_of_a_translation_is_its_languages_own_as_in_hugo() {
    let site = site_with(
        &[(
            "home",
            "<p class=\"home\">{{ site.Home.RelPermalink }} {{ site.Home.Permalink }}</p>",
        )],
        "{{< home >}}",
    );
    configure(site.path(), "baseURL = \"https://example.org/docs/\"\n[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n");
    std::fs::write(site.path().join("layouts/_default/home.html"), "home").unwrap();
    std::fs::copy(
        site.path().join("content/page.md"),
        site.path().join("content/page.fr.md"),
    )
    .unwrap();
    hugo_build(site.path(), "the home site");
    for (page, public) in [("page.md", "page"), ("page.fr.md", "fr/page")] {
        let want = cases_of("p.home", &hugo_page(site.path(), public));
        let got = cases_of(
            "p.home",
            &folio_render(&site.path().join("content").join(page)),
        );
        assert_eq!(got, want, "{page}");
    }
}

/// The site's config replaced by `config`.
fn configure(site: &Path, config: &str) {
    std::fs::write(site.join("hugo.toml"), config).unwrap();
}

/// What `folio check` says of `page`, a line per problem.
fn checked(page: &Path) -> Vec<String> {
    folio::check::check_path(page)
        .iter()
        .map(ToString::to_string)
        .collect()
}

/// What `folio check` says of `page`, asserting that it says one thing.
fn the_only_problem(page: &Path) -> String {
    let found = checked(page);
    assert_eq!(found.len(), 1, "{found:?}");
    found.into_iter().next().unwrap_or_default()
}

/// The inner HTML of the elements `selector` picks.
fn cases_of(selector: &str, html: &str) -> Vec<String> {
    let doc = Html::parse_document(html);
    let sel = Selector::parse(selector).expect("valid selector");
    doc.select(&sel).map(|el| el.inner_html()).collect()
}

#[test]
fn the_params_of_the_sites_themes_lie_under_its_own_merged_key_by_key_as_hugo_merges_them() {
    let site = crate::support::hugo_site(&[
        (
            "hugo.toml",
            "baseURL = \"https://e.org/\"\ntheme = [\"base\", \"deeper\"]\n\
             [params]\nown = \"site\"\nnums = [1, 2]\nrate = 1.5\nsum = \"1+1\"\n\
             [params.Colours]\nred = \"#c00\"\n",
        ),
        (
            "themes/base/hugo.toml",
            "[params]\nthemeOnly = \"base\"\n[params.colours]\nblue = \"#00f\"\nred = \"#f00\"\n",
        ),
        (
            "themes/deeper/config/_default/params.toml",
            "themeOnly = \"deeper\"\nextra = \"deeper's\"\n[colours]\ngreen = \"#0f0\"\n",
        ),
        // A theme's config file and its config folder both hold params.
        (
            "themes/deeper/hugo.toml",
            "[params]\nrootOnly = \"deeper root\"\nextra = \"root's\"\n",
        ),
        (
            "layouts/shortcodes/p.html",
            "<b>{{ .Site.Params.colours.blue }}|{{ .Site.Params.colours.red }}|\
             {{ .Site.Params.colours.green }}|{{ site.Params.themeonly }}|{{ .Site.Params.extra }}|\
             {{ .Site.Params.own }}|{{ .Site.Params.rootonly }}</b>",
        ),
        (
            "content/about.md",
            "---\ntitle: About\n---\n{{< p >}} {{< param themeOnly >}} {{< param extra >}} \
             {{< param nums >}} {{< param rate >}} {{< param sum >}}\n",
        ),
    ]);
    let (hugo, folio) = hugo_and_folio(site.path(), "theme params", "content/about.md");
    assert!(
        hugo.contains("#00f|#c00|#0f0|base|deeper&#39;s|site|deeper root"),
        "{hugo}"
    );
    assert_eq!(normalise(&folio), normalise(&hugo));
    // The forms edit the site's own params, never the themes'.
    assert_eq!(
        folio::OpenPage::open(&site.path().join("content/about.md"))
            .unwrap()
            .model()
            .params
            .keys()
            .collect::<Vec<_>>(),
        ["own", "nums", "rate", "sum", "Colours"]
    );
}

#[test]
fn a_change_to_a_themes_params_is_a_template_change_that_the_preview_shows() {
    let site = crate::support::hugo_site(&[
        (
            "hugo.toml",
            "baseURL = \"https://e.org/\"\ntheme = \"base\"\n",
        ),
        ("themes/base/hugo.toml", "[params]\naccent = \"teal\"\n"),
        (
            "layouts/shortcodes/accent.html",
            "<p class=\"accent\">{{ site.Params.accent }}</p>",
        ),
        (
            "content/about.md",
            "---\ntitle: About\n---\n{{< accent >}}\n",
        ),
    ]);
    let config = site.path().join("themes/base/hugo.toml");
    let mut s = folio::session::Session::open(&site.path().join("content/about.md")).unwrap();
    assert!(s
        .preview(None, None)
        .contains("<p class=\"accent\">teal</p>"));
    assert!(
        s.template_folders().contains(&config),
        "the watcher watches the theme's config"
    );
    std::fs::write(&config, "[params]\naccent = \"coral\"\n").unwrap();
    let change = [folio::watch::Change::Templates(config)];
    assert_eq!(
        s.outside_change(&change).unwrap(),
        folio::session::Outside::TemplatesReloaded
    );
    assert!(s
        .preview(None, None)
        .contains("<p class=\"accent\">coral</p>"));
}

#[test]
fn a_pages_slug_link_title_and_keywords_and_whether_the_site_is_multilingual_are_hugos() {
    let template = "<b>[{{ .Page.Slug }}] [{{ .Page.LinkTitle }}] [{{ .Page.Keywords }}] \
                    [{{ range .Page.Keywords }}{{ . }};{{ end }}] [{{ hugo.IsMultilingual }}]</b>";
    for languages in [
        "",
        "[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n",
    ] {
        let site = crate::support::hugo_site(&[
            (
                "hugo.toml",
                &format!("baseURL = \"https://e.org/\"\n{languages}"),
            ),
            ("layouts/shortcodes/t.html", template),
            (
                "content/about.md",
                "---\ntitle: About\nslug: kim\nlinkTitle: Kim\nkeywords: [go, 2024]\n---\n{{< t >}}\n",
            ),
            ("content/plain.md", "---\ntitle: Plain\n---\n{{< t >}}\n"),
        ]);
        crate::support::hugo_build(site.path(), "page fields");
        let hugo = std::fs::read_to_string(site.path().join("public/kim/index.html"))
            .or_else(|_| std::fs::read_to_string(site.path().join("public/en/kim/index.html")))
            .unwrap();
        let doc = folio::OpenPage::open(&site.path().join("content/about.md")).unwrap();
        assert_eq!(
            normalise(&doc.render().html.to_string()),
            normalise(&hugo),
            "{languages}"
        );
        let plain = std::fs::read_to_string(site.path().join("public/plain/index.html"))
            .or_else(|_| std::fs::read_to_string(site.path().join("public/en/plain/index.html")))
            .unwrap();
        let doc = folio::OpenPage::open(&site.path().join("content/plain.md")).unwrap();
        assert_eq!(normalise(&doc.render().html.to_string()), normalise(&plain));
    }
}

#[test]
fn a_time_a_duration_and_a_media_type_print_as_go_writes_them() {
    let template = "<b>{{ .Page.Date }}|{{ .Page.Date.UTC }}|{{ (time \"2023-02-01\").UTC }}|\
                    {{ (time \"2023-03-01\").Sub (time \"2023-02-01\") }}|{{ now | printf \"%T\" | len | lt 0 }}|\
                    {{ with .Page.Resources.GetMatch \"*.png\" }}{{ .MediaType }}{{ end }}|\
                    <time datetime=\"{{ .Page.Lastmod }}\">x</time></b>";
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "baseURL = \"https://e.org/\"\n"),
        ("layouts/shortcodes/t.html", template),
        (
            "content/about/index.md",
            "---\ntitle: About\ndate: 2021-07-04T09:08:07-05:00\nlastmod: 2022-01-02T03:04:05Z\n---\n{{< t >}}\n",
        ),
    ]);
    let png = root().join("tests/fixtures/templates/site/content/bundle/photo.png");
    std::fs::copy(&png, site.path().join("content/about/portrait.png")).unwrap();
    let (hugo, folio) = hugo_and_folio(site.path(), "stringers", "content/about/index.md");
    assert!(hugo.contains("2021-07-04 09:08:07 -0500 -0500|"), "{hugo}");
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn with_hard_wraps_a_line_break_in_a_paragraph_is_a_break_in_the_page_and_in_markdownify() {
    let site = crate::support::hugo_site(&[
        (
            "hugo.toml",
            "baseURL = \"https://e.org/\"\n[markup.goldmark.renderer]\nhardWraps = true\n",
        ),
        (
            "layouts/shortcodes/note.html",
            "<div class=\"note\">{{ .Inner | markdownify }}</div>",
        ),
        (
            "content/about.md",
            "---\ntitle: About\n---\nFirst line\nsecond *line*\n\n{{< note >}}\none\ntwo\n{{< /note >}}\n",
        ),
    ]);
    let (hugo, folio) = hugo_and_folio(site.path(), "hard wraps", "content/about.md");
    assert!(hugo.contains("First line<br>"), "{hugo}");
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn a_json_data_files_numbers_are_floats_as_go_reads_them() {
    let template = "<b>{{ div site.Data.stats.stars 7 }}|{{ site.Data.stats.stars }}|\
                    {{ add site.Data.stats.stars 1 }}|{{ index site.Data.stats.list 0 }}|\
                    {{ printf \"%d\" (int site.Data.stats.stars) }}|\
                    {{ if eq site.Data.stats.stars 120 }}eq{{ end }}|\
                    {{ range first site.Data.stats.n site.Data.stats.list }}{{ . }};{{ end }}|\
                    {{ site.Data.more.stars }}</b>";
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "baseURL = \"https://e.org/\"\n"),
        (
            "data/stats.json",
            "{\"downloads\": 2500000, \"stars\": 120, \"n\": 2, \"list\": [1, 2, 3]}",
        ),
        ("data/more.yaml", "stars: 2500000\n"),
        ("layouts/shortcodes/t.html", template),
        ("content/about.md", "---\ntitle: About\n---\n{{< t >}}\n"),
    ]);
    let (hugo, folio) = hugo_and_folio(site.path(), "json numbers", "content/about.md");
    assert!(hugo.contains("17.142857142857142|120|121|"), "{hugo}");
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn a_site_that_turns_off_the_typographer_linkify_or_strikethrough_gets_text_as_hugo_leaves_it() {
    let page = "---\ntitle: About\n---\nShe said \"hi\" -- then... <<left>> ~~gone~~ \
                www.example.com and https://e.org/x a@b.org, a << b >> c, https://x.io/a_b_ \
                \"https://e.org/q\"\n\n\
                {{< note >}}It's \"quoted\" ~~struck~~ www.example.com{{< /note >}}\n";
    let extensions = [
        "[markup.goldmark.extensions.typographer]\ndisable = true\n",
        "[markup.goldmark.extensions]\nlinkify = false\nstrikethrough = false\n",
        "[markup.goldmark.extensions]\nLinkify = false\n[markup.goldmark.extensions.typographer]\nDisable = true\n",
        "[Markup.Goldmark.Extensions]\ntypographer = false\n",
        "",
    ];
    for config in extensions {
        let site = crate::support::hugo_site(&[
            (
                "hugo.toml",
                &format!("baseURL = \"https://e.org/\"\n{config}"),
            ),
            (
                "layouts/shortcodes/note.html",
                "<div class=\"note\">{{ .Inner | markdownify }}</div>",
            ),
            ("content/about.md", page),
        ]);
        let (hugo, folio) = hugo_and_folio(site.path(), "extensions", "content/about.md");
        // Goldmark writes typeset characters and a quote left as it is as entities
        // (`&ldquo;`, `&quot;`), and so does Folio (review 64a, r1).
        assert_eq!(normalise(&folio), normalise(&hugo), "{config}");
    }
}

#[test]
fn hooks_and_markdownify_see_the_entities_goldmark_writes_for_typography_and_emoji() {
    // Folio wrote the typographer's and the emoji's characters, so a hook that measures or
    // anchorizes its `.Text` got other numbers and ids than Hugo's (review 64a, r1).
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "baseURL = \"https://e.org/\"\nenableEmoji = true\n"),
        (
            "layouts/_markup/render-heading.html",
            "<h{{ .Level }} id=\"{{ .Text | anchorize }}\" data-len=\"{{ len .Text }}\">{{ .Text }}\
             |{{ .PlainText }}</h{{ .Level }}>",
        ),
        (
            "layouts/_markup/render-link.html",
            "<a href=\"{{ .Destination }}\" title=\"{{ .Text | plainify | truncate 8 }}\">{{ .Text }}\
             |{{ .PlainText }}</a>",
        ),
        (
            "layouts/shortcodes/f.html",
            "<p>{{ markdownify \"It's :rocket: \\\"x\\\" <<y>>\" }}|{{ len (markdownify \"a -- b\") }}</p>",
        ),
        (
            "content/about.md",
            "---\ntitle: About\n---\n## Don't \"quote\" -- it... :rocket:\n\n\
             [It's \"a\" -- :tada: link](/x) ![It's \"b\"](/y.png) <<a>> `c \"d\"`\n\n\
             {{< f >}}\n\n```\nq \"r\" 's'\n```\n\n    ind \"a\" 'b'\n",
        ),
    ]);
    let (hugo, folio) = hugo_and_folio(site.path(), "entities", "content/about.md");
    assert!(
        hugo.contains("<h2 id=\"donrsquot-ldquoquoterdquo-ndash-ithellip-x1f680\""),
        "{hugo}"
    );
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn footnote_ids_hugo_prefixes_are_said_where_the_site_asks_for_them() {
    // Review 64a, r4: `enableAutoIDPrefix` was ignored without a word.
    for (on, said) in [("true", true), ("false", false)] {
        let site = crate::support::hugo_site(&[
            (
                "hugo.toml",
                &format!(
                    "baseURL = \"https://e.org/\"\n[markup.goldmark.extensions.footnote]\n\
                     enableAutoIDPrefix = {on}\n"
                ),
            ),
            (
                "content/about.md",
                "---\ntitle: About\n---\nA note[^1].\n\n[^1]: It.\n",
            ),
        ]);
        let found: Vec<String> = folio::check::check_path(&site.path().join("content/about.md"))
            .iter()
            .map(ToString::to_string)
            .collect();
        let warned = found.iter().any(|f| {
            f.contains("hugo.toml:3:22: warning: the preview and the export write footnote ids")
        });
        assert_eq!(warned, said, "{found:?}");
    }
}

#[test]
fn a_www_link_gets_the_sites_linkify_protocol() {
    // Review 63 left `linkifyProtocol`: a `www.` link was always `https://`.
    for protocol in ["http", "https"] {
        let (hugo, folio) = shortcode_f(
            &format!(
                "baseURL = \"https://e.org/\"\n[markup.goldmark.extensions]\n\
                 linkifyProtocol = \"{protocol}\"\n"
            ),
            "<p>{{ markdownify \"see www.e.org/b\" }}</p>",
            "---\ntitle: About\n---\nLinks: www.example.org, http://www.x.org, www.x.org/a_b_, \
             https://www.y.org\n\n{{< f >}}\n",
        );
        assert!(
            hugo.contains(&format!("href=\"{protocol}://www.example.org\"")),
            "{hugo}"
        );
        assert_eq!(normalise(&folio), normalise(&hugo), "{protocol}");
    }
}

#[test]
fn with_the_cjk_extension_lines_of_east_asian_text_join_and_escaped_spaces_go() {
    // Review 64a, r3: `[markup.goldmark.extensions.cjk]` was not read.
    let site = crate::support::hugo_site(&[
        (
            "hugo.toml",
            "baseURL = \"https://e.org/\"\n[markup.goldmark.extensions.cjk]\nenable = true\n\
             eastAsianLineBreaks = true\nescapedSpace = true\n",
        ),
        (
            "content/about.md",
            "---\ntitle: About\n---\n我是一名软件工程师\n专注于分布式系统。\nEnglish line\n中文\n中文行\n\
             English\n行尾\n*强调*开始\n**太郎**\\ は学生です。\n太郎は\\ **「こんにちわ」**\\ といった\n\
             a\\ b and \\\\ c\n「引用」\n『次』\nひらがな\nカタカナ\n한국어\n문장 \"q\" it's\n",
        ),
    ]);
    let (hugo, folio) = hugo_and_folio(site.path(), "cjk", "content/about.md");
    assert!(hugo.contains("工程师专注于"), "{hugo}");
    assert_eq!(normalise(&folio), normalise(&hugo));
    let warned = |site: &Path| {
        folio::check::check_path(&site.join("content/about.md"))
            .iter()
            .any(|d| d.to_string().contains("not \"css3draft\""))
    };
    assert!(!warned(site.path()), "the simple style is Folio's own");
    let config = site.path().join("hugo.toml");
    let mut text = std::fs::read_to_string(&config).unwrap();
    text.push_str("eastAsianLineBreaksStyle = \"css3draft\"\n");
    std::fs::write(&config, text).unwrap();
    assert!(warned(site.path()), "the css3draft style is said");
}

#[test]
fn folios_own_marks_never_reach_the_page_and_plain_code_is_escaped_as_hugo_escapes_it() {
    // Review 64c, r1, r3, r5 and r8: after a raw `<pre tabindex="0">` left open, the
    // typographer's marks were written as they are; a private use character the page
    // writes itself (an icon font's) was read as a mark; a zero-width joiner in an emoji
    // is `&zwj;`; a fence another language's code block hook leaves plain is escaped as
    // Hugo's highlighter escapes it.
    let site = crate::support::hugo_site(&[
        (
            "hugo.toml",
            "baseURL = \"https://e.org/\"\nenableEmoji = true\n[markup.goldmark.renderer]\nunsafe = true\n",
        ),
        ("layouts/_markup/render-codeblock-mermaid.html", "<div class=\"mermaid\">{{ .Inner }}</div>"),
        (
            "content/about.md",
            "---\ntitle: About\n---\nIcon \u{E031} \u{E03A} it's :woman_technologist:\n\n\
             ```\nplain \"q\" 'a' <b>\n```\n\n<div>\n<pre tabindex=\"0\">a\n\nIt's \"x\" -- y.\n",
        ),
    ]);
    let (hugo, folio) = hugo_and_folio(site.path(), "marks", "content/about.md");
    assert!(hugo.contains("&#x1f469;&zwj;&#x1f4bb;"), "{hugo}");
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn a_sites_own_typographer_characters_are_written_for_its_quotes_dashes_and_ellipses() {
    // German quotes, a hyphen for the en dash, no em dash at all.
    let config = "baseURL = \"https://e.org/\"\n\
                  [markup.goldmark.extensions.typographer]\n\
                  leftDoubleQuote = \"&bdquo;\"\nrightDoubleQuote = \"&ldquo;\"\n\
                  leftSingleQuote = \"&sbquo;\"\nrightSingleQuote = \"&lsquo;\"\n\
                  enDash = \"-\"\nemDash = \"\"\nellipsis = \"...\"\n\
                  leftAngleQuote = \"&laquo;&nbsp;\"\nrightAngleQuote = \"&nbsp;&raquo;\"\n\
                  apostrophe = \"&#39;\"\n";
    let text = "She said \"hi\" -- then... <<left>> it's 'x' a---b";
    let site = crate::support::hugo_site(&[
        ("hugo.toml", config),
        (
            "layouts/shortcodes/note.html",
            "<div class=\"note\">{{ .Inner | markdownify }}</div>",
        ),
        (
            "content/about.md",
            &format!("---\ntitle: About\n---\n{text}\n\n{{{{< note >}}}}{text}{{{{< /note >}}}}\n"),
        ),
    ]);
    let (hugo, folio) = hugo_and_folio(site.path(), "typography", "content/about.md");
    // Goldmark writes the strings as they are; Folio the text they stand for.
    let hugo = html_escape::decode_html_entities(&hugo).into_owned();
    let folio = html_escape::decode_html_entities(&folio).into_owned();
    assert_eq!(normalise(&folio), normalise(&hugo));
    assert!(
        folio.contains("She said „hi“ - then... «\u{a0}left\u{a0}» it's ‚x‘ ab"),
        "{folio}"
    );
}

#[test]
fn a_theme_config_that_does_not_parse_leaves_its_params_out_and_check_says_where() {
    let site = crate::support::hugo_site(&[
        (
            "hugo.toml",
            "baseURL = \"https://e.org/\"\ntheme = \"broken\"\n[params]\nown = \"site\"\n",
        ),
        ("themes/broken/hugo.toml", "[params]\naccent = \"teal\n"),
        (
            "layouts/shortcodes/t.html",
            "<b>{{ site.Params.own }}|{{ site.Params.accent }}</b>",
        ),
        ("content/about.md", "---\ntitle: About\n---\n{{< t >}}\n"),
    ]);
    let doc = folio::OpenPage::open(&site.path().join("content/about.md")).unwrap();
    assert!(doc.render().html.to_string().contains("<b>site|</b>"));
    let lines = crate::support::check_lines(&site.path().join("content/about.md"), "page");
    let lines: Vec<String> = lines
        .iter()
        .map(|l| l.replace(&site.path().display().to_string(), ""))
        .collect();
    assert!(
        lines
            .iter()
            .any(|l| l.contains("/themes/broken/hugo.toml:2:")),
        "{lines:?}"
    );
}

#[test]
fn a_config_folders_language_files_and_production_settings_are_read_as_hugo_reads_them() {
    let template = "T={{ site.Title }}|N={{ site.Language.LanguageName }}|A={{ site.Params.author.name }}\
                    |C={{ site.Params.colour }}|E={{ hugo.Environment }}|L={{ site.Params.tagline }}";
    let site = crate::support::hugo_site(&[
        (
            "config/_default/hugo.toml",
            "baseURL = \"https://e.org/\"\ntitle = \"Site\"\ndefaultContentLanguage = \"en\"\n",
        ),
        ("config/_default/params.toml", "colour = \"blue\"\n"),
        (
            "config/_default/languages.en.toml",
            "languageName = \"English\"\nweight = 1\n[params.author]\nname = \"Jane\"\n",
        ),
        // Any other `KEY.LANG` file is the language's own settings, as `languages.LANG`.
        ("config/_default/hugo.en.toml", "title = \"Jane's site\"\n"),
        (
            "config/_default/params.en.toml",
            "tagline = \"Builds things\"\n",
        ),
        ("config/production/params.toml", "colour = \"green\"\n"),
        ("layouts/shortcodes/f.html", template),
        ("content/about.md", "---\ntitle: About\n---\n{{< f >}}\n"),
    ]);
    let (hugo, folio) = hugo_and_folio(site.path(), "a config folder", "content/about.md");
    assert!(
        hugo.contains("T=Jane&#39;s site|N=English|A=Jane|C=green|E=production|L=Builds things"),
        "{hugo}"
    );
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn a_dates_month_prints_by_name_as_gos_time_month_does_and_counts_as_a_number() {
    let template = "A={{ .Page.Date.Month }}|B={{ with .Page.Date }}{{ .Month }}{{ end }}\
                    |C={{ $d := .Page.Date }}{{ $d.Month }}|D={{ sub .Page.Date.Month 1 }}\
                    |E={{ printf \"%d\" .Page.Date.Month }}|F={{ (time \"2024-11-05\").Month }}\
                    |G={{ site.Params.month }}|H={{ if eq .Page.Date.Month 3 }}march{{ end }}\
                    |I={{ .Page.Lastmod.Month }} {{ .Page.Date.Year }}\
                    |J={{ .Page.Date.Month | lower }}|K={{ printf \"%s %d\" .Page.Date.Month .Page.Date.Year }}\
                    |L={{ printf \"%d\" .Page.Date.Month }}";
    let (hugo, folio) = shortcode_f(
        "baseURL = \"https://e.org/\"\n[params]\nmonth = \"May\"\n",
        template,
        "---\ntitle: About\ndate: 2024-03-09\nlastmod: 2024-12-01\n---\n{{< f >}}\n",
    );
    assert!(
        hugo.contains("A=March|B=March|C=March|D=2|E=3|F=November|G=May|H=march|I=December 2024|J=march|K=March 2024|L=3"),
        "{hugo}"
    );
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn heading_ids_follow_the_sites_auto_heading_id_type_as_hugo_gives_them() {
    let headings = "## Héllo Wörld — ça va\n\n## What is C++ / Go?\n\n## 1. Intro_x\n\n## Naïve  café\n\n\
                    ## Hello World\n\n## Hello World\n\n## Hello World-1\n\n## Custom {#my-id}\n\n## My Id\n\n\
                    ## हिन्दी शीर्षक\n\n## x² and ½ and Ⅻ\n\n## Ⓐ 〇 ↅ z\n\n## İstanbul\n\n## Question\u{a0}?\n\n## tab\tsep\n\n{{< a >}}\n";
    for id_type in ["github", "github-ascii", "blackfriday"] {
        let site = crate::support::hugo_site(&[
            (
                "hugo.toml",
                &format!(
                    "baseURL = \"https://e.org/\"\n[markup.goldmark.parser]\nautoHeadingIDType = \"{id_type}\"\n"
                ),
            ),
            (
                "layouts/shortcodes/a.html",
                "<p>{{ anchorize \"Héllo Wörld — ça va\" }}</p>",
            ),
            ("content/about.md", &format!("---\ntitle: About\n---\n{headings}")),
        ]);
        let (hugo, folio) = hugo_and_folio(site.path(), id_type, "content/about.md");
        assert_eq!(normalise(&folio), normalise(&hugo), "{id_type}");
    }
}

#[test]
fn a_shortcode_shows_the_pages_table_of_contents_as_hugo_writes_it() {
    let page =
        "---\ntitle: About\n---\n{{< toc >}}\n\n# Top\n\n## A *b* [c](x) `code` & <b>d</b>\n\n\
                ### Sub one\n\n#### Deep\n\n## Second {#custom}\n\n### Sub two\n\n\
                ## A *b* [c](x) `code` & <b>d</b>\n\nSetext\n------\n\n\
                {{% p %}}\n## In percent\n{{% /p %}}\n\n{{< p >}}\n## In angle\n{{< /p >}}\n\n\
                {{% md %}}\n## Second\n{{% /md %}}\n\n{{% details summary=\"S\" %}}\n## In details\n{{% /details %}}\n";
    // Hunt AO, 9: a `{{% %}}` call whose template renders its text itself (`md`, Hugo's
    // `details`) gives Goldmark HTML: its headings are in no table of contents.
    for config in [
        "",
        "[markup.tableOfContents]\nstartLevel = 1\nendLevel = 4\nordered = true\n",
        // Past `<h6>`: every level down to it (octopress's exampleSite).
        "[markup.tableOfContents]\nstartLevel = 1\nendLevel = 8\n",
    ] {
        let site = crate::support::hugo_site(&[
            (
                "hugo.toml",
                &format!("baseURL = \"https://e.org/\"\n{config}"),
            ),
            (
                "layouts/shortcodes/toc.html",
                "<div class=\"toc\">{{ .Page.TableOfContents }}</div>",
            ),
            ("layouts/shortcodes/p.html", "{{ .Inner }}"),
            (
                "layouts/shortcodes/md.html",
                "<div class=\"md\">{{ .Inner | markdownify }}</div>",
            ),
            ("content/about.md", page),
        ]);
        let (hugo, folio) = hugo_and_folio(site.path(), "a table of contents", "content/about.md");
        assert!(hugo.contains("<a href=\"#sub-two\">Sub two</a>"), "{hugo}");
        let toc = |html: &str| html.split("</nav>").next().unwrap_or_default().to_string();
        assert_eq!(toc(&folio), toc(&hugo), "{config}");
    }
}

#[test]
fn the_sites_home_page_has_its_title_as_hugo_gives_it() {
    let template = "<a href=\"{{ site.Home.RelPermalink }}\">{{ site.Home.Title }}</a>|{{ .Page.Site.Home.Params.tagline }}";
    for home in [
        None,
        Some("---\ntitle: Jane Doe\ntagline: Builds things\n---\n"),
    ] {
        let mut files = vec![
            (
                "hugo.toml",
                "baseURL = \"https://e.org/docs/\"\ntitle = \"Site\"\n",
            ),
            ("layouts/shortcodes/f.html", template),
            ("content/about.md", "---\ntitle: About\n---\n{{< f >}}\n"),
        ];
        files.extend(home.map(|h| ("content/_index.md", h)));
        let site = crate::support::hugo_site(&files);
        let (hugo, folio) = hugo_and_folio(site.path(), "home", "content/about.md");
        assert!(hugo.contains("<a href=\"/docs/\">"), "{hugo}");
        assert_eq!(normalise(&folio), normalise(&hugo), "{home:?}");
    }
}

#[test]
fn a_pages_path_aliases_name_and_raw_content_are_hugos() {
    let template =
        "P={{ .Page.Path }}|A={{ .Page.Aliases }}|N={{ .Page.Name }}|L={{ len .Page.RawContent }}\
                    |R={{ .Page.RawContent | truncate 20 }}|T={{ .Page.Truncated }}";
    let site = crate::support::hugo_site(&[
        (
            "hugo.toml",
            "baseURL = \"https://e.org/blog/\"\ntitle = \"Site\"\n",
        ),
        ("layouts/shortcodes/f.html", template),
        (
            "content/posts/My-Post.md",
            "---\ntitle: My Post\naliases: [/old/, other, /Up/Case/]\n---\nHello *x*\n\n{{< f >}}\n",
        ),
        (
            "content/posts/b/index.md",
            "---\ntitle: B\n---\n{{< f >}}\n",
        ),
    ]);
    hugo_build(site.path(), "page fields");
    for (page, url) in [
        ("content/posts/My-Post.md", "posts/my-post"),
        ("content/posts/b/index.md", "posts/b"),
    ] {
        let hugo =
            std::fs::read_to_string(site.path().join(format!("public/{url}/index.html"))).unwrap();
        let folio = folio_render(&site.path().join(page));
        assert_eq!(normalise(&folio), normalise(&hugo), "{page}");
    }
}

#[test]
fn functions_themes_lean_on_give_what_hugo_gives() {
    // Hugo Coder's notice (`RenderString | chomp`), Congo's profile (`site.Language.Params`),
    // skill maps sorted by name, an index past the end, HTML joined to text.
    let template = "<div class=\"n\">{{ .Inner | .Page.RenderString | chomp }}</div>\
                    |A={{ site.Language.Params.author.name }}\
                    |S={{ range $i, $v := sort .Page.Params.skills }}{{ $i }}:{{ $v }},{{ end }}\
                    |I={{ index .Page.Params.empty 0 }}{{ index (slice 1 2) 5 }}\
                    |P={{ \"<p>Hello <script>x</script><b>World</b></p>\" | plainify }}\
                    |J={{ add (\"<b>x</b>\" | safeHTML) \"y\" }}";
    let (hugo, folio) = shortcode_f(
        "baseURL = \"https://e.org/\"\ntitle = \"T\"\n[languages.en]\nweight = 1\n\
             [languages.en.params.author]\nname = \"Jane Doe\"\n",
        template,
        "---\ntitle: About\nskills: {go: 5, rust: 3, zig: 1}\nempty: []\n---\n\
             {{< f >}}Currently **available**.\n{{< /f >}}\n",
    );
    assert!(
        hugo.contains("Currently <strong>available</strong>."),
        "{hugo}"
    );
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn check_names_a_template_that_does_not_parse_even_where_no_page_calls_it() {
    let site = site_with(
        &[
            ("broken", "<p>\n  {{ if .Get \"x\" }}\n</p>"),
            ("fine", "<p>{{ .Get 0 }}</p>"),
        ],
        "{{< fine \"a\" >}}",
    );
    let found: Vec<String> = folio::check::check_path(&site.path().join("content/page.md"))
        .iter()
        .map(|d| {
            format!(
                "{}:{}:{}: {:?}",
                d.path.display(),
                d.line,
                d.col,
                d.severity
            )
        })
        .collect();
    let broken = site.path().join("layouts/shortcodes/broken.html");
    assert!(
        found
            .iter()
            .any(|f| f.starts_with(&format!("{}:3:", broken.display())) && f.ends_with("Error")),
        "{found:?}"
    );
    assert_eq!(found.len(), 1, "{found:?}");
    // An error, as Hugo stops on it: `folio check` exits 1 on it, as a build would.
    let hugo = crate::support::hugo_run(site.path(), &[]).unwrap_err();
    assert!(hugo.contains("broken.html:3:"), "{hugo}");
}

#[test]
fn an_else_with_in_an_if_is_a_template_that_does_not_parse_as_in_hugo() {
    let site = site_with(
        &[("ew", "{{ if .Get 0 }}a{{ else with .Get 1 }}b{{ end }}")],
        "{{< ew \"\" \"x\" >}}",
    );
    let hugo = crate::support::hugo_run(site.path(), &[]).unwrap_err();
    assert!(hugo.contains("unexpected <with> in input"), "{hugo}");
    let found = checked(&site.path().join("content/page.md"));
    assert!(
        found.iter().any(|f| f.contains("ew.html:1:17: error:")
            && f.contains("unexpected <with> in input")),
        "{found:?}"
    );
}

#[test]
fn printf_writes_each_directive_as_gos_fmt_does() {
    // Hextra's tab ids (`%02v`), skill bars (`%d` of a float from data), lists, precision.
    let template = "A={{ printf \"tabs-%02v\" 6 }}|B={{ printf \"%s\" (slice \"a\" \"b\") }}\
                    |C={{ printf \"%6.2v|\" 3.14159 }}|D={{ printf \"%.2v\" \"abc\" }}|E={{ printf \"%05s\" \"ab\" }}\
                    |F={{ printf \"%d\" 85.0 }}|G={{ printf \"%-5d|%+d|% d\" 7 7 7 }}|H={{ printf \"%3v|%-4v|\" \"x\" true }}\
                    |I={{ printf \"%s-%d\" \"a\" 2 }}|J={{ printf \"%05.1f|%x|%q\" 2.25 255 \"q\" }}\
                    |K={{ printf \"%v %s\" .Page.Date (.Page.Date.Format \"2006\") }}|L={{ printf \"%.3v\" 1234567.0 }}\
                    |M={{ printf \"%s\" 3 }}|N={{ printf \"%d%%\" 5 }}\
                    |O={{ printf \"%+v|%+5v|%+.1v\" 5 5 2.25 }}|P={{ printf \"%5v|%02v\" (slice 1 2) (slice 1 2) }}\
                    |Q={{ printf \"%08.3d|%.0d|%6.1v\" 5 0 (slice 1.55 2.0) }}";
    let (hugo, folio) = shortcode_f(
        "baseURL = \"https://e.org/\"\n",
        template,
        "---\ntitle: About\ndate: 2024-03-09T10:00:00Z\n---\n{{< f >}}\n",
    );
    assert!(hugo.contains("A=tabs-06|"), "{hugo}");
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn printf_of_a_float_in_hexadecimal_or_binary_and_of_a_list_in_any_base_is_gos() {
    // Folio wrote a float's whole part (`%x` of 3.5 was `3`) and a list as a bad verb.
    let template =
        "A={{ printf \"%x|%X|%.2x|%+.1x|%10.3x|%-12x|\" 3.5 1e300 255.0 -0.75 1.0 0.0 }}\
                    |B={{ printf \"%x|%x|%b|%b|%.0x|%.1x\" -0.0 1e-320 2.5 -1.0 1.5 1.96875 }}\
                    |C={{ printf \"%x|%X|%02x|%o|%b|%x\" (slice 1 10 255) (slice 0.5) (slice 1 2) \
                    (slice 8 9) (slice 5) (slice \"hi\" 3) }}|D={{ printf \"%x|%o|%b\" 255 8 5 }}\
                    |E={{ printf \"%08x|%-8x|%8X|% x|%#x|%# X|%.1x|% 8x|%x|%x|%x|%5x|%x|%o\" \"hi\" \"hi\" \
                    \"hi\" \"hi\" \"hi\" \"hi\" \"hi\" \"hi\" \"\" (slice \"a\" nil 2) (dict \"a\" 1.5 \"b\" \"c\") \
                    (slice nil) (safeHTML \"hi\") 2.5 }}\
                    |F={{ printf \"%+x|% x|%x|%010x|%+b|%#x|%#X|%#.0x|%#.2x|%#b|%#08x|% x\" (float \"inf\") \
                    (float \"inf\") (math.Sqrt -1) (float \"-inf\") (float \"inf\") 1.0 1.0 2.0 3.5 2.5 1.0 \
                    (math.Sqrt -1) }}\
                    |G={{ $f := \"%x|%5.1f|%v\" }}{{ printf $f 2.5 2.25 1e21 }}|{{ 3.5 | printf \"%x\" }}\
                    |H={{ printf \"%f|%e|%8g|%+.2f|% E|%08f|%G\" (float \"inf\") (float \"-inf\") (float \"inf\") \
                    (math.Sqrt -1) (float \"inf\") (float \"-inf\") (math.Sqrt -1) }}";
    let (hugo, folio) = shortcode_f(
        "baseURL = \"https://e.org/\"\n",
        template,
        "---\ntitle: About\n---\n{{< f >}}\n",
    );
    assert!(hugo.contains("A=0x1.cp&#43;01|"), "{hugo}");
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn printf_of_a_character_an_o_prefixed_octal_or_a_code_point_is_gos() {
    // gotmpl's `printf` wrote `%O` as a bad verb, `%c` without its width and nothing
    // for `%c` of a float; Folio wrote `%o` of a float without its width.
    let template = "A={{ printf \"%05c|%-3c|%5c|%c|%c|%c\" 65 66 67 0x110000 -1 0x1F680 }}\
                    |B={{ printf \"%O|%06O|%-6O|%+O|%.3O|%O|%#06O|%#O\" 8 8 8 8 8 -8 8 8 }}\
                    |C={{ printf \"%08U|%.6U|%#8U|%-8U|%U|%#U|%#U\" 65 65 65 65 -1 10 0x1F680 }}\
                    |D={{ printf \"%8o|%-6c|%05U|%+7O|%c|%O|%c|%o\" 3.5 2.5 1.5 1e21 \"a\" \"a\" nil true }}\
                    |E={{ printf \"%c|%U|%O|%8c\" (slice 65 66) (slice 65 66) (slice 8 9) (dict \"a\" 66) }}\
                    |F={{ printf \"%+d|% s|%+s|%+q\" 2.5 1.5 3 -2.5 }}\
                    |G={{ printf \"%5o|%-5o|%+8o|%5x|%5b|%4b|%3o\" true true \"gh\" false \"gh\" nil nil }}";
    let (hugo, folio) = shortcode_f(
        "baseURL = \"https://e.org/\"\n",
        template,
        "---\ntitle: About\n---\n{{< f >}}\n",
    );
    assert!(hugo.contains("B=0o10|0o000010|"), "{hugo}");
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn printf_q_quotes_trusted_html_and_text_as_gos_strconv_quote_does() {
    // PaperMod's and Stack's attribute loops: `printf " %s=%q" $k $v` over a hook's `.Text`.
    let template = "A={{ printf \"%q\" (\"<em>x</em>\" | safeHTML) }}|B={{ printf \"alt=%q\" (markdownify \"*a* & b\") | safeHTMLAttr }}\
                    |C={{ printf \"%q\" \"tab\\there\\n\\\\é\" }}|D={{ printf \"%#q|%+q\" \"raw\" \"é\" }}\
                    |E={{ printf \"%q|%q\" 65 (slice \"a\" \"b\") }}|F={{ printf \"%.2q|%8q\" \"abc\" \"x\" }}\
                    |G={{ printf \"%q|%#q\" \"\\u0600\\ue000\" \"\\ufeff\" }}";
    let (hugo, folio) = shortcode_f(
        "baseURL = \"https://e.org/\"\n",
        template,
        "---\ntitle: About\n---\n{{< f >}}\n",
    );
    assert!(
        hugo.contains("A=&#34;&lt;em&gt;x&lt;/em&gt;&#34;|"),
        "{hugo}"
    );
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn a_duration_prints_as_go_prints_it_in_every_directive_and_cast() {
    let template = "A={{ printf \"%s|%d|%v|%q|%T\" (duration \"s\" 90) (duration \"s\" 90) (duration \"s\" 90) (duration \"s\" 90) (duration \"s\" 90) }}\
                    |B={{ print (duration \"s\" 90) }}|C={{ string (time.ParseDuration \"1h30m\") }}\
                    |D={{ (duration \"ms\" 1500) | jsonify }}|E={{ slice (duration \"m\" 2) }}\
                    |F={{ printf \"%s\" (path.Split \"a/b\") }}";
    let (hugo, folio) = shortcode_f(
        "baseURL = \"https://e.org/\"\n",
        template,
        "---\ntitle: About\n---\n{{< f >}}\n",
    );
    assert!(hugo.contains("A=1m30s|90000000000|1m30s|"), "{hugo}");
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn a_printf_width_too_large_to_write_is_bounded_not_a_crash() {
    // Go writes `%!(NOVERB)` past a width of about 10^7; Folio bounds it as gotmpl does.
    let site = site_with(
        &[(
            "f",
            "<p>{{ printf \"%999999999999999999q|%99999999s\" \"ab\" \"c\" }}</p>",
        )],
        "{{< f >}}",
    );
    let html = preview(site.path());
    assert!(html.len() < 400_000, "{}", html.len());
}

#[test]
fn a_time_adds_a_duration_and_moves_its_date_in_its_zone_as_go_does() {
    // An event's end (`$start.Add $length`), a month later across a change of clocks in
    // the site's zone, and Go's other accessors (hunt W, 3 and 4).
    let template = "{{ $t := .Page.Date }}<p>{{ $t.AddDate 0 0 30 }}\
                    |{{ (time.AsTime \"2024-10-01T12:00:00\").AddDate 0 1 0 }}\
                    |{{ $t.Add (time.ParseDuration \"720h\") }}|{{ $t.Add 3600000000000 }}\
                    |{{ (time.AsTime \"2024-03-05T10:20:30+05:00\").AddDate 0 1 0 }}\
                    |{{ $t.UnixMilli }}|{{ $t.UnixMicro }}|{{ $t.UnixNano }}|{{ $t.String }}</p>";
    let (hugo, folio) = shortcode_f(
        "baseURL = \"https://e.org/\"\ntimeZone = \"Europe/Berlin\"\n",
        template,
        "---\ntitle: About\ndate: 2024-03-05T10:20:30.5\n---\n{{< f >}}\n",
    );
    assert!(
        hugo.contains("<p>2024-04-04 10:20:30.5 &#43;0200 CEST|"),
        "{hugo}"
    );
    assert_eq!(normalise(&folio), normalise(&hugo));
    // A name Go's time.Time does not have stops Hugo.
    let site = site_with(
        &[("f", "{{ $t := .Page.Date }}[{{ $t.NoSuch }}]")],
        "{{< f >}}",
    );
    let hugo = crate::support::hugo_run(site.path(), &[]).unwrap_err();
    assert!(
        hugo.contains("can't evaluate field NoSuch in type time.Time"),
        "{hugo}"
    );
    let found = the_only_problem(&site.path().join("content/page.md"));
    assert!(
        found.contains("can't evaluate field NoSuch in type time.Time"),
        "{found}"
    );
}

/// Templates Hugo 0.168 stops on, and the words it says (hunt W, hunt Z and the reviews).
const REFUSALS: &[(&str, &str)] = &[
    (
        "<p>{{ int \"08\" }}</p>",
        "unable to cast \"08\" of type string to int",
    ),
    (
        "<p>{{ int \" 7\" }}</p>",
        "unable to cast \" 7\" of type string to int",
    ),
    // A decimal part is cut off a sign and digits only (the review of f56e7fc).
    (
        "<p>{{ int \"0x1.5\" }}</p>",
        "unable to cast \"0x1.5\" of type string to int",
    ),
    (
        "<p>{{ int \"1_0.\" }}</p>",
        "unable to cast \"1_0.\" of type string to int",
    ),
    ("<p>{{ div 1 0 \"a\" }}</p>", "can't divide the value by 0"),
    // Review 62c, r4: a misspelt field of a render hook's context.
    (
        "<p>{{ .Page.RenderString \"# Head\" }}</p>",
        "can't evaluate field PlainTxt in type goldmark.headingContext",
    ),
    // Review 62c, r3: a map indexed with a key not given.
    (
        "<p>{{ index (dict \"a\" 1) nil }}</p>",
        "value is nil; should be of type string",
    ),
    // Review 62d, r4: `RenderString "block"` for `RenderString (dict "display" "block")`.
    (
        "<p>{{ .Page.RenderString \"block\" \"*x*\" }}</p>",
        "first argument must be a map",
    ),
    // Review 62d, r3: a lowercase field of a resource.
    (
        "<p>{{ with resources.Get \"a.txt\" }}{{ .width }}{{ end }}</p>",
        "can't evaluate field width in type resource.Resource",
    ),
    // Review 62b, r4: `add (len $plans)` was the number alone.
    (
        "<p>{{ add 3 }}</p>",
        "add: must provide at least two numbers",
    ),
    // Review 62a, r2: a shortcode's `sep="\t"` is two characters.
    (
        "<p>{{ transform.Unmarshal (dict \"delimiter\" \"\\\\t\") \"a,b\" }}</p>",
        "failed to decode options: invalid character: \"\\\\t\"",
    ),
    (
        "<p>{{ jsonify (math.Log -1) }}</p>",
        "json: unsupported value: NaN",
    ),
    (
        "<p>{{ merge (dict \"a\" 1) now }}</p>",
        "destination must be a map, got time.Time",
    ),
    // Hunt Z's refusals.
    (
        "<p>{{ i18n \"x\" (dict) \"extra\" }}</p>",
        "wrong number of arguments, expecting at most 2, got 3",
    ),
    (
        "<p>{{ .Page.Date.Format 5 }}</p>",
        "expected string; found 5",
    ),
    (
        "<p>{{ .Page.Date.Format \"2006\" \"x\" }}</p>",
        "wrong number of args for Format: want 1 got 2",
    ),
    (
        "<p>{{ .Page.Params.Get \"color\" }}</p>",
        "Get is not a method but has arguments",
    ),
    (
        "<p>{{ (dict \"a\" 1).Get \"a\" }}</p>",
        "Get is not a method but has arguments",
    ),
    (
        "<p>{{ (dict \"Format\" \"y\").Format \"x\" }}</p>",
        "Format is not a method but has arguments",
    ),
    // A glob Hugo's gobwas/glob cannot read.
    (
        "<p>{{ .Page.Resources.GetMatch \"[\" }}</p>",
        "error calling GetMatch: glob: syntax error",
    ),
    (
        "<p>{{ resources.Match \"a[\" }}</p>",
        "error calling Match: glob: syntax error",
    ),
    // Hugo's objects without a Get (the review of 08338e0).
    (
        "<p>{{ .Page.Get \"title\" }}</p>",
        "can't evaluate field Get in type page.Page",
    ),
    (
        "<p>{{ hugo.Get \"x\" }}</p>",
        "can't evaluate field Get in type page.HugoInfo",
    ),
    (
        "<p>{{ .Page.Date.Get \"x\" }}</p>",
        "can't evaluate field Get in type time.Time",
    ),
    (
        "<p>{{ .Site.Get \"x\" }}</p>",
        "can't evaluate field Get in type page.Site",
    ),
    (
        "<p>{{ .Site.Language.Get \"x\" }}</p>",
        "can't evaluate field Get in type *langs.Language",
    ),
];

#[test]
fn int_lower_querify_seq_div_and_a_list_of_pages_type_follow_hugo() {
    // Hunt W and the review: cast's integers (a leading 0 is octal, `_` between digits,
    // a decimal part of digits cut off), Go's simple lowercase, `url.Values.Encode`'s
    // order, `seq` up to Hugo's limit, `page.Pages`.
    let (hugo, folio) = shortcode_f(
        "title = \"T\"\n",
        "<p>{{ int \"010\" }}|{{ int \"1_000\" }}|{{ int \"2.9\" }}|{{ int \"0_7\" }}|{{ int \"\" }}\
         |{{ int \".5\" }}|{{ int 1e20 }}\
         |{{ lower \"İSTANBUL ΑΣ\" }}|{{ querify \"sp ace\" \"+\" \"é\" \"ü\" \"Z\" 1 \"a\" 2 }}\
         |{{ len (seq 2500) }}|{{ printf \"%T\" .Page.Pages }}\
         |{{ int \"-.5\" }}{{ int \"+.\" }}{{ int (safeHTML \"5\") }}</p>",
        "---\ntitle: About\n---\n\n{{< f >}}\n",
    );
    assert!(
        hugo.contains("<p>8|1000|2|7|0|0|-9223372036854775808|istanbul ασ|Z=1&amp;a=2"),
        "{hugo}"
    );
    assert!(hugo.contains("|005</p>"), "{hugo}");
    assert_eq!(normalise(&folio), normalise(&hugo));
    for (template, message) in REFUSALS {
        let site = site_with(&[("f", template)], "{{< f >}}");
        std::fs::create_dir_all(site.path().join("assets")).unwrap();
        std::fs::write(site.path().join("assets/a.txt"), "a").unwrap();
        std::fs::create_dir_all(site.path().join("layouts/_markup")).unwrap();
        std::fs::write(
            site.path().join("layouts/_markup/render-heading.html"),
            "<h{{ .Level }}>{{ .PlainTxt }}</h{{ .Level }}>",
        )
        .unwrap();
        let hugo = crate::support::hugo_run(site.path(), &[]).unwrap_err();
        assert!(hugo.contains(message), "{template}: Hugo said {hugo}");
        let found = the_only_problem(&site.path().join("content/page.md"));
        assert!(found.contains(message), "{template}: {found}");
    }
}

#[test]
fn a_template_called_without_a_value_has_nil_as_its_dot_and_a_resources_err_is_gone() {
    // Go's `{{ template "x" }}` hands `x` nil (hunt W, 5).
    let (hugo, folio) = shortcode_f(
        "title = \"T\"\n",
        "{{ define \"ctx\" }}[{{ with . }}has{{ else }}none{{ end }}]{{ end }}\
         <p>{{ template \"ctx\" }}|{{ template \"ctx\" . }}</p>",
        "---\ntitle: About\n---\n\n{{< f >}}\n",
    );
    assert!(hugo.contains("<p>[none]|[has]</p>"), "{hugo}");
    assert_eq!(normalise(&folio), normalise(&hugo));
    // iris's `circle` reads `.Err` of `resources.Get`'s result, which Hugo 0.141 removed.
    let site = site_with(
        &[(
            "f",
            "{{ with resources.Get \"a.txt\" }}{{ with .Err }}err{{ end }}ok{{ end }}",
        )],
        "{{< f >}}",
    );
    std::fs::create_dir_all(site.path().join("assets")).unwrap();
    std::fs::write(site.path().join("assets/a.txt"), "a").unwrap();
    let said = "can't evaluate field Err in type resource.Resource: Resource.Err was removed";
    let hugo = crate::support::hugo_run(site.path(), &[]).unwrap_err();
    assert!(hugo.contains(said), "{hugo}");
    let found = the_only_problem(&site.path().join("content/page.md"));
    assert!(found.contains("error") && found.contains(said), "{found}");
}

#[test]
fn jsonify_writes_floats_indents_and_escapes_as_gos_encoder_does() {
    // Go's floats without an exponent from 1e-6 to 1e21, `prefix` and `noHTMLEscape`
    // (hunt W, 7).
    let template = "<pre>A{{ jsonify 0.000001 }}|{{ jsonify 1e20 }}|{{ jsonify 1e21 }}\
                    |{{ jsonify (slice 1.5e-7 -3.25e30 0.1) }}\n\
                    B{{ jsonify (dict \"noHTMLEscape\" true) \"<x>&\" }}|{{ jsonify \"<x>&\" }}\n\
                    C{{ jsonify (dict \"indent\" \"  \") (dict \"a\" (slice 1 2) \"b\" (dict) \"c\" (slice)) }}\n\
                    D{{ jsonify (dict \"prefix\" \"> \" \"indent\" \"\t\") (dict \"a\" (slice 1 (dict \"x\" 2))) }}\n\
                    E{{ jsonify (dict \"prefix\" \"#\") (slice 1 2) }}|{{ jsonify (slice 0.0 -0.0 2.0) }}</pre>";
    let (hugo, folio) = shortcode_f(
        "title = \"T\"\n",
        template,
        "---\ntitle: About\n---\n\n{{< f >}}\n",
    );
    let pre = |html: &str| {
        let start = html.find("<pre>").unwrap_or(0);
        let end = html.find("</pre>").unwrap_or(html.len());
        html.get(start..end).unwrap_or_default().to_string()
    };
    assert!(
        pre(&hugo).starts_with("<pre>A0.000001|100000000000000000000|1e+21|[1.5e-7,"),
        "{hugo}"
    );
    assert_eq!(pre(&folio), pre(&hugo));
}

#[test]
fn merge_passes_over_an_empty_source_and_abs_url_drops_an_empty_query_or_fragment() {
    // scientific-python's `grid` merges the `.Params` of a call without any, and nginx's
    // `icon` makes `sprite.svg#` (hunt X, 1 and 3).
    let (hugo, folio) = shortcode_f(
        "baseURL = \"https://e.org/sub/\"\n",
        "<p>{{ merge .Params (dict \"a\" 1) }}|{{ merge \"\" 0 false (dict \"a\" 1) }}\
         |{{ \"images/s.svg#\" | absURL }}|{{ \"/s.svg?\" | absURL }}|{{ \"/s.svg?a=1#b c\" | absURL }}\
         |{{ \"x#\" | relURL }}</p>",
        "---\ntitle: About\n---\n\n{{< f >}}\n",
    );
    assert!(
        hugo.contains("<p>map[a:1]|map[a:1]|https://e.org/sub/images/s.svg|"),
        "{hugo}"
    );
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn an_images_exif_is_folios_card_and_a_template_of_text_left_inside_a_tag_stops_hugo() {
    // dilex's `photo` reads the camera from `.Exif`; biapy's templates are text (hunt X,
    // 6 and 7).
    let site = site_with(
        &[(
            "f",
            "{{ with .Page.Resources.Get \"a.png\" }}{{ with .Exif }}{{ .Date }}{{ end }}{{ end }}",
        )],
        "{{< f >}}",
    );
    let bundle = site.path().join("content/page");
    std::fs::create_dir_all(&bundle).unwrap();
    std::fs::rename(site.path().join("content/page.md"), bundle.join("index.md")).unwrap();
    std::fs::copy(
        crate::support::root().join("tests/fixtures/templates/site/assets/images/logo.png"),
        bundle.join("a.png"),
    )
    .unwrap();
    let found = the_only_problem(&bundle.join("index.md"));
    assert!(
        found.contains("warning") && found.contains("Folio does not have Hugo's method `.Exif`"),
        "{found}"
    );
    let site = site_with(&[("f", "ok"), ("open", "x <b")], "{{< f >}}");
    let hugo = crate::support::hugo_run(site.path(), &[]).unwrap_err();
    assert!(hugo.contains("ends in a non-text context"), "{hugo}");
    let found = the_only_problem(&site.path().join("content/page.md"));
    assert!(
        found.contains("open.html:1:1: error: html/template: ends in a non-text context"),
        "{found}"
    );
}

#[test]
fn a_call_that_fails_in_a_text_a_template_renders_is_an_error_of_the_call_rendering_it() {
    // nginx's `data-table` runs `markdownify` on cells that hold shortcodes (hunt X, 2):
    // Hugo stops on an `errorf`, or a `ref` to no page, in them.
    let site = site_with(
        &[
            ("boom", "{{ errorf \"boom %s\" (.Get 0) }}"),
            ("ds", "<span>{{ .Get 0 | markdownify }}</span>"),
        ],
        "{{< ds \"a {{< boom \\\"p\\\" >}} b\" >}}\n\n{{< ds \"see {{< ref \\\"/nope\\\" >}}\" >}}",
    );
    let hugo = crate::support::hugo_run(site.path(), &[]).unwrap_err();
    assert!(
        hugo.contains("boom p") && hugo.contains("REF_NOT_FOUND"),
        "{hugo}"
    );
    let found = checked(&site.path().join("content/page.md"));
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(
        found[0].contains("page.md:5:1: error")
            && found[0].contains("a shortcode in the text it renders fails: layouts/shortcodes/boom.html:1:4: errorf: boom p"),
        "{found:?}"
    );
    assert!(
        found[1].contains("page.md:7:1: error") && found[1].contains("REF_NOT_FOUND"),
        "{found:?}"
    );
}

#[test]
fn a_shortcode_template_of_another_suffix_runs_as_html_unless_it_is_plain_text() {
    // dilex keeps its shortcodes in `.gohtml` files; biapy's are `.md` text, which Hugo
    // runs for `{{% %}}` calls only (hunt X, 5).
    for (file, page) in [
        ("g.gohtml", "{{< g \"x\" >}}"),
        ("g.htm", "{{% g \"x\" %}}"),
    ] {
        let site = crate::support::hugo_site(&[
            ("hugo.toml", "title = \"T\"\n"),
            (&format!("layouts/shortcodes/{file}"), "<b>{{ .Get 0 }}</b>"),
            (
                "content/about.md",
                &format!("---\ntitle: A\n---\n\n{page}\n"),
            ),
        ]);
        let (hugo, folio) = hugo_and_folio(site.path(), file, "content/about.md");
        assert!(hugo.contains(">x<"), "{file}: {hugo}");
        assert_eq!(normalise(&folio), normalise(&hugo), "{file}");
    }
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "title = \"T\"\n"),
        ("layouts/_default/single.html", "{{ .Content }}"),
        ("layouts/shortcodes/m.md", "**{{ .Get 0 }}**"),
        (
            "content/about.md",
            "---\ntitle: A\n---\n\n{{< m \"x\" >}}\n",
        ),
    ]);
    let said =
        "note that to use plain text template shortcodes in HTML you need to use the shortcode";
    let hugo = crate::support::hugo_run(site.path(), &[]).unwrap_err();
    assert!(hugo.contains(said), "{hugo}");
    let found = the_only_problem(&site.path().join("content/about.md"));
    assert!(found.contains("error") && found.contains(said), "{found}");
    std::fs::write(
        site.path().join("content/about.md"),
        "---\ntitle: A\n---\n\n{{% m \"x\" %}}\n",
    )
    .unwrap();
    crate::support::hugo_build(site.path(), "a text shortcode");
    let found = the_only_problem(&site.path().join("content/about.md"));
    assert!(
        found.contains("warning")
            && found.contains("Folio does not run a plain-text shortcode template"),
        "{found}"
    );
}

#[test]
fn a_toml_date_time_with_an_offset_is_a_time_in_the_params_as_in_hugo() {
    // An event's date in TOML front matter, read with `.Format` (hunt W, 2); a local
    // date-time and a YAML date stay text.
    let (hugo, folio) = shortcode_f(
        "baseURL = \"https://e.org/\"\n",
        "<p>{{ .Page.Params.dt }}|{{ .Page.Params.ld }}|{{ .Page.Params.eventDate.Format \"Jan 2\" }}\
         |{{ .Page.Params.ev.start.Year }}|{{ gt .Page.Params.dt (time.AsTime \"2024-01-01\") }}\
         |{{ printf \"%T\" .Page.Params.off }}</p>",
        "+++\ntitle = \"About\"\ndt = 2024-01-02T03:04:05Z\nld = 2024-01-02T03:04:05\n\
         eventDate = 2025-05-01T10:00:00+02:00\n[params]\noff = 2024-01-02T03:04:05-05:00\n\
         [ev]\nstart = 2023-02-03T00:00:00Z\n+++\n{{< f >}}\n",
    );
    assert!(hugo.contains("<p>2024-01-02 03:04:05 &#43;0000 UTC|2024-01-02T03:04:05|May 1|2023|true|time.Time</p>"), "{hugo}");
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn gos_html_and_urlquery_print_a_date_or_a_position_as_go_does() {
    // They printed the map Folio builds these as (the review).
    let (hugo, folio) = shortcode_f(
        "title = \"T\"\n",
        "<p>{{ .Position | urlquery }}|{{ hugo.Version | html }}|{{ html .Page.Date }}\
         |{{ .Page.Date | html }}|{{ urlquery \"a b\" \"&\" }}|{{ 2.5e6 | html }}|{{ \"<b>\" | html }}\
         |{{ html .Page.Date .Page.Date }}|{{ html 1 .Page.Date }}|{{ urlquery .Page.Date 2 }}\
         |{{ html \"x\" \"y\" 3 4 }}|{{ html }}|{{ html .Page.Date.Month }}|{{ .Page.Date.Month | urlquery }}\
         |{{ print .Page.Date.Month }}</p>",
        "---\ntitle: About\ndate: 2024-03-05\n---\n\n{{< f >}}\n",
    );
    assert!(
        hugo.contains("|0.168.0|2024-03-05 00:00:00 +0000 UTC|"),
        "{hugo}"
    );
    // Go's Sprint: a blank between two arguments neither of which is a string; a month by
    // its name (the review of 9aab2df).
    assert!(
        hugo.contains("|1 2024-03-05 00:00:00 +0000 UTC|")
            && hugo.contains("|xy3 4||March|March|March</p>"),
        "{hugo}"
    );
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn a_dates_location_is_its_zone_and_a_name_a_time_lacks_stops_as_in_hugo() {
    // `.Page.Date.Location` was empty, and `.Page.Date.Nope` too (hunt Z, F2).
    let (hugo, folio) = shortcode_f(
        "title = \"T\"\ntimeZone = \"America/New_York\"\n",
        "<p>{{ .Page.Date.Location }}|{{ (time \"2024-01-02T00:00:00+02:00\").Location }}\
         |{{ now.UTC.Location }}|{{ .Page.Date.YearDay }}|{{ .Page.Date.UTC.Hour }}</p>",
        "---\ntitle: About\ndate: 2024-03-05\n---\n\n{{< f >}}\n",
    );
    assert_eq!(normalise(&folio), normalise(&hugo));
    assert!(hugo.contains("<p>America/New_York||UTC|65|5</p>"), "{hugo}");
    for (template, message) in [
        (
            "<p>{{ .Page.Date.Nope }}</p>",
            "can't evaluate field Nope in type time.Time",
        ),
        (
            "<p>{{ hugo.NoSuch }}</p>",
            "can't evaluate field NoSuch in type page.HugoInfo",
        ),
    ] {
        let site = site_with(&[("f", template)], "{{< f >}}");
        let hugo = crate::support::hugo_run(site.path(), &[]).unwrap_err();
        assert!(hugo.contains(message), "{hugo}");
        let found = the_only_problem(&site.path().join("content/page.md"));
        assert!(found.contains(message), "{found}");
    }
    // `hugo.Sites` is Hugo's (its embedded provider's): Folio's card, not an error (the
    // review of 1dccd78).
    let site = site_with(
        &[(
            "f",
            "<p>{{ range hugo.Sites }}{{ .Language.Lang }}{{ end }}</p>",
        )],
        "{{< f >}}",
    );
    crate::support::hugo_build(site.path(), "hugo.Sites");
    let found = the_only_problem(&site.path().join("content/page.md"));
    assert!(
        found.contains("warning") && found.contains("Folio cannot run `.Sites`"),
        "{found}"
    );
}

#[test]
fn templates_exists_and_partial_find_a_partial_as_hugo_finds_it() {
    // `partials/` names the older folder's files only, with their suffix, in any case; a
    // partial is found in any case, and one of another output format's suffix when it has
    // no HTML one (hunt Z, F8 and F9).
    let names = [
        "partials/old.html",
        "_partials/old.html",
        "partials/new.html",
        "_partials/new.html",
        "partials/old",
        "partials/OLD.html",
        "shortcodes/f.html",
        "shortcodes/f",
        "partials/partials/c.html",
    ];
    let exists: String = names
        .iter()
        .map(|n| format!("{{{{ templates.Exists \"{n}\" }}}},"))
        .collect();
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "title = \"T\"\n"),
        (
            "layouts/shortcodes/f.html",
            &format!(
                "<p>{exists}</p><p>{{{{ partial \"upper.html\" }}}}|{{{{ partial \"only\" }}}}</p>"
            ),
        ),
        ("layouts/partials/old.html", "old"),
        ("layouts/_partials/new.html", "new"),
        ("layouts/partials/Upper.html", "upper"),
        ("layouts/partials/only.json", "only json"),
        ("layouts/_partials/partials/c.html", "c"),
        ("content/about.md", "---\ntitle: About\n---\n\n{{< f >}}\n"),
    ]);
    let (hugo, folio) = hugo_and_folio(site.path(), "templates.Exists", "content/about.md");
    assert_eq!(paragraphs(&folio), paragraphs(&hugo));
    assert_eq!(
        paragraphs(&hugo),
        [
            "true,true,false,true,false,true,true,false,false,",
            "upper|only json"
        ]
    );
}

#[test]
fn a_block_hooks_html_is_written_as_it_is_with_no_newline_of_folios() {
    // Hunt AN, 5: a heading hook whose file ends in a newline wrote a blank line after the
    // heading, which changed `len` of the HTML and split a `{{% %}}` call's HTML block;
    // review 51b, 5: first in a list item, the hook's HTML starts a line.
    let template = "{{- $h := \"## A\\n\\nb\\n\\n## C\\n> q\\n\\nd\" | .Page.RenderString (dict \"display\" \"block\") -}}\
                    <p>{{ len $h }} {{ $h | jsonify }}</p>\
                    {{- $m := \"## A\\n\\nb\" | markdownify -}}<p>{{ len $m }} {{ $m | jsonify }}</p>\
                    {{- $l := \"- ## a\\n- > b\\n- c\\n- t\\n  ## d\\n- u\\n  > e\" | markdownify -}}<p>{{ len $l }} {{ $l | jsonify }}</p>";
    for newline in ["\n", ""] {
        let site = crate::support::hugo_site(&[
            ("hugo.toml", "title = \"T\"\n"),
            ("layouts/shortcodes/f.html", template),
            (
                "layouts/_markup/render-heading.html",
                &format!("<h{{{{ .Level }}}} id=\"{{{{ .Anchor }}}}\">{{{{ .Text }}}}</h{{{{ .Level }}}}>{newline}"),
            ),
            (
                "layouts/_markup/render-blockquote.html",
                &format!("<blockquote>{{{{ .Text }}}}</blockquote>{newline}"),
            ),
            ("content/about.md", "---\ntitle: About\n---\n\n{{< f >}}\n"),
        ]);
        let (hugo, folio) = hugo_and_folio(site.path(), "block hooks", "content/about.md");
        assert_eq!(paragraphs(&folio), paragraphs(&hugo), "{newline:?}");
    }
}

#[test]
fn hugos_figure_is_written_as_hugo_writes_it_byte_for_byte() {
    // Hunt AO, 1-5: the caption ran into the attribution, a file of `assets/` was not
    // found, a resource kept its query, the alt text was escaped twice, and the missing
    // final newline lost the Markdown after a `{{% figure %}}` call.
    let page = "---\ntitle: About\n---\nA {{< figure src=\"a.png\" >}}\n\n\
                {{< figure src=\"a.png?v=2#x\" alt=\"Al\\\"t'+\" width=\"10\" height=\"20\" loading=\"lazy\" \
                class=\"c\" link=\"https://e.org/x?a=1&b=2\" target=\"_blank\" rel=\"noopener\" \
                title=\"Ti & tle\" caption=\"Salt & *Pepper* <3\" attr=\"Au & thor\" attrlink=\"https://e.org/a\" >}}\n\n\
                {{< figure src=\"img/b.png\" caption=\"Only & caption\" >}}\n\n\
                {{< figure src=\"https://e.org/x.png\" attr=\"Just attr\" link=\"javascript:alert(1)\" >}}\n\n\
                {{< figure src=\"nope.png\" title=\"T only\" >}}\n\n\
                {{% figure src=\"a.png\" caption=\"In percent\" %}}\nSome *markdown* after.\n";
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "baseURL = \"https://e.org/\"\n"),
        ("content/about/index.md", page),
    ]);
    for (file, size) in [("content/about/a.png", 4), ("assets/img/b.png", 5)] {
        let path = site.path().join(file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        image::RgbImage::from_pixel(size, 3, image::Rgb([200, 0, 0]))
            .save(&path)
            .unwrap();
    }
    let (hugo, folio) = hugo_and_folio(site.path(), "figures", "content/about/index.md");
    let content = |html: &str| {
        let from = html.find("A <figure").unwrap();
        let to = html[from..].find("after.</p>").unwrap() + from;
        // Inside a tag, white space is only a separator (Folio's URLs are written anew).
        html[from..to].replace("\n\t\t\talt=", " alt=")
    };
    assert_eq!(content(&folio), content(&hugo));
}

#[test]
fn hugos_own_shortcodes_run_in_the_languages_a_sites_variants_are_not_for() {
    // Review 51d, 3: a site's `highlight.fr.html` or `param.fr.html` was a false build
    // stop on the English page, where Hugo runs its own.
    let page = "---\ntitle: About\nx: 1\n---\n{{< highlight go >}}a := 1{{< /highlight >}}\n\n{{< param x >}}\n";
    let site = crate::support::hugo_site(&[
        ("hugo.toml", EN_FR),
        (
            "layouts/_shortcodes/highlight.fr.html",
            "<span class=\"fr\">{{ .Inner }}</span>",
        ),
        (
            "layouts/_shortcodes/param.fr.html",
            "<span class=\"fr\">{{ .Get 0 }}</span>",
        ),
        ("content/about.md", page),
        ("content/about.fr.md", page),
    ]);
    let (hugo, folio) = hugo_and_folio(site.path(), "variants for French", "content/about.md");
    assert_eq!(
        crate::support::without_token_spans(folio.trim()),
        crate::support::without_token_spans(hugo.trim())
    );
    assert!(checked(&site.path().join("content/about.md")).is_empty());
    let fr = std::fs::read_to_string(site.path().join("public/fr/about/index.html")).unwrap();
    assert_eq!(
        normalise(&folio_render(&site.path().join("content/about.fr.md"))),
        normalise(&fr)
    );
}

#[test]
fn hugos_details_is_written_as_hugo_writes_it_byte_for_byte() {
    // Hunt AP, 4: its output started with no newline and had no tabs, so a `{{% %}}` call
    // in a list item broke the list, and the Markdown after it was left raw.
    let page = "---\ntitle: About\n---\n{{< details >}}\nPlain *body*\n{{< /details >}}\n\n\
                {{< details summary=\"A *b* & c\" open=true class=\"k\" name=\"g\" title=\"T\" >}}\n- x\n- y\n{{< /details >}}\n\n\
                - item\n  {{% details summary=\"In list\" open=\"1\" %}}\n  Body **md**\n  {{% /details %}}\n- next\n\n\
                {{< details open=false summary=\"\" >}}{{< /details >}}\n";
    for unsafe_html in [false, true] {
        let config = format!(
            "baseURL = \"https://e.org/\"\n[markup.goldmark.renderer]\nunsafe = {unsafe_html}\n"
        );
        let site = crate::support::hugo_site(&[("hugo.toml", &config), ("content/about.md", page)]);
        let (hugo, folio) = hugo_and_folio(site.path(), "details", "content/about.md");
        assert_eq!(folio.trim(), hugo.trim(), "{config}");
        assert!(
            hugo.contains("<summary>A <em>b</em> &amp; c</summary>"),
            "{hugo}"
        );
    }
}

#[test]
fn hugos_figure_runs_in_the_languages_a_sites_figure_is_not_for() {
    // Review 51b, 2: a site's `figure.fr.html` was a false build stop on the English page.
    let site = crate::support::hugo_site(&[
        ("hugo.toml", EN_FR),
        ("static/a.png", "PNG"),
        (
            "layouts/_shortcodes/figure.fr.html",
            "<span class=\"fr\">{{ .Get \"src\" }}</span>",
        ),
        (
            "content/about.md",
            "---\ntitle: About\n---\n{{< figure src=\"https://e.org/a.png\" caption=\"C\" >}}\n",
        ),
        (
            "content/about.fr.md",
            "---\ntitle: A\n---\n{{< figure src=\"https://e.org/a.png\" caption=\"C\" >}}\n",
        ),
    ]);
    let (hugo, folio) = hugo_and_folio(site.path(), "figure.fr.html", "content/about.md");
    assert_eq!(normalise(&folio), normalise(&hugo));
    assert!(checked(&site.path().join("content/about.md")).is_empty());
    let fr = std::fs::read_to_string(site.path().join("public/fr/about/index.html")).unwrap();
    assert_eq!(
        normalise(&folio_render(&site.path().join("content/about.fr.md"))),
        normalise(&fr)
    );
}

/// The config of a site in English (the default) and French.
const EN_FR: &str = "baseURL = \"https://e.org/\"\ndefaultContentLanguage = \"en\"\n\
                     [languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n";

/// The paths [`templates_exists_finds_every_layout_as_hugo_names_it`] asks for.
const EXISTS_NAMES: &[&str] = &[
    "_default/single.html",
    "single.html",
    "/single.html",
    "Foo/Bar.HTML",
    "_markup/render-image.html",
    "_default/_markup/render-image.html",
    "_markup/render-heading.html",
    "_markup/render-link.en.html",
    "_partials/old.html",
    "partials/tp.html",
    "_shortcodes/oldsc.html",
    "baseof.list.html",
    "index.html",
    "home.html",
    "_default/list.html", // the test sites' own
    "x.txt",
    ".hidden.html",
    "_partials/.in/h.html",
    "_shortcodes/figure.html",
    "shortcodes/figure.html",
    "_shortcodes/tweet.html",
    "_markup/render-table.html",
    "_markup/render-table.html.html",
    "_partials/opengraph.html",
    "_shortcodes/q",
];

#[test]
fn templates_exists_finds_every_layout_as_hugo_names_it() {
    // Hunt AN, 10: render hooks and page layouts were never found. A file is found at its
    // own path and where Hugo 0.146 moves an older one (`_default/` dropped, `partials/`
    // made `_partials/`, `list-baseof` made `baseof.list`), in a theme too; Hugo's own
    // templates are found by their paths.
    let exists: String = EXISTS_NAMES
        .iter()
        .map(|n| format!("{{{{ templates.Exists \"{n}\" }}}},"))
        .collect();
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "title = \"T\"\ntheme = \"t\"\n"),
        ("layouts/_shortcodes/q.html", &format!("<p>{exists}</p>")),
        ("layouts/_default/single.html", "{{ .Content }}"),
        (
            "layouts/_default/list-baseof.html",
            "{{ block \"main\" . }}{{ end }}",
        ),
        (
            "layouts/_default/_markup/render-image.html",
            "<img src=\"{{ .Destination }}\">",
        ),
        (
            "layouts/_markup/render-link.en.html",
            "<a href=\"{{ .Destination }}\">x</a>",
        ),
        ("layouts/partials/old.html", "old"),
        ("layouts/shortcodes/oldsc.html", "old"),
        ("layouts/foo/bar.html", "bar"),
        ("layouts/index.html", "home"),
        ("layouts/x.txt", "x"),
        ("layouts/.hidden.html", "x"),
        ("layouts/_partials/.in/h.html", "x"),
        ("themes/t/layouts/_partials/tp.html", "tp"),
        (
            "themes/t/layouts/_markup/render-heading.html",
            "<h{{ .Level }}>{{ .Text }}</h{{ .Level }}>",
        ),
        ("content/about.md", "---\ntitle: About\n---\n\n{{< q >}}\n"),
    ]);
    let (hugo, folio) = hugo_and_folio(site.path(), "templates.Exists", "content/about.md");
    assert_eq!(paragraphs(&folio), paragraphs(&hugo));
    assert_eq!(
        paragraphs(&hugo),
        [
            "true,true,true,true,true,true,true,true,true,false,true,true,true,false,true,true,\
          false,true,true,false,true,false,true,true,false,"
        ]
    );
}

#[test]
fn times_and_durations_compare_as_hugo_compares_them() {
    // An "updated" badge, upcoming events, times sorted and filtered, a duration's sign.
    let template = "A={{ if gt .Page.Lastmod .Page.Date }}updated{{ end }}\
                    |B={{ lt (time \"2023-01-01\") (time \"2024-01-01\") }}\
                    |C={{ ge .Page.Date .Page.Date }}\
                    |D={{ range sort (slice (time \"2024-01-02\") (time \"2023-01-02\")) }}{{ .Year }} {{ end }}\
                    |E={{ $d := .Page.Lastmod.Sub .Page.Date }}{{ gt $d 0 }} {{ lt $d 0 }}\
                    |F={{ range where (slice (dict \"n\" \"a\" \"t\" (time \"2024-01-01\")) (dict \"n\" \"b\" \"t\" (time \"2020-01-01\"))) \"t\" \"gt\" (time \"2022-01-01\") }}{{ .n }}{{ end }}";
    let (hugo, folio) = shortcode_f(
        "baseURL = \"https://e.org/\"\n",
        template,
        "---\ntitle: About\ndate: 2023-05-06\nlastmod: 2024-02-03\n---\n{{< f >}}\n",
    );
    assert!(hugo.contains("A=updated|"), "{hugo}");
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn in_reads_a_number_or_a_bool_as_text_and_finds_nothing_of_nil() {
    // Hugo's `In`: a set that is no list is read as text by cast (`in 123 2`); nil is in
    // nothing; a list holds an item of its items' own type (the review of f56e7fc).
    let exprs = [
        "in 123 2",
        "in true \"ru\"",
        "in \"abc\" nil",
        "in nil \"a\"",
        "in (slice hugo.Version) \"0.168.0\"",
        "in (slice hugo.Version) hugo.Version",
        "in (slice 1 2) \"2\"",
        "in (dict \"a\" 1) \"a\"",
    ];
    let template: String = exprs.iter().map(|e| format!("{{{{ {e} }}}}|")).collect();
    let (hugo, folio) = shortcode_f(
        "title = \"T\"\n",
        &format!("<p>{template}</p>"),
        "---\ntitle: About\n---\n\n{{< f >}}\n",
    );
    assert_eq!(paragraphs(&folio), paragraphs(&hugo));
    assert_eq!(
        paragraphs(&hugo),
        ["true|true|false|false|false|true|false|false|"]
    );
}

#[test]
fn in_uniq_and_complement_tell_safe_html_from_text_and_read_a_date_as_its_text() {
    // Hugo's `normalize` compares items as Go's `any`: `template.HTML` is no `string`;
    // `In` reads a `fmt.Stringer` (a date, a duration) as its text (the review of
    // fbc9a0d).
    let exprs = [
        "in .Page.Date \"2024\"",
        "in \"2024-03-04 00:00:00 +0000 UTC\" .Page.Date",
        "in \"x 5s y\" (time.ParseDuration \"5s\")",
        "in (slice (\"a\" | safeHTML)) \"a\"",
        "in (slice \"a\") (\"a\" | safeHTML)",
        "in (slice 1 2) 2.0",
        "uniq (slice \"a\" (\"a\" | safeHTML) 1 1.0)",
        "complement (slice \"a\") (slice (\"a\" | safeHTML) \"a\")",
    ];
    let template: String = exprs.iter().map(|e| format!("{{{{ {e} }}}}|")).collect();
    let (hugo, folio) = shortcode_f(
        "title = \"T\"\n",
        &format!("<p>{template}</p>"),
        "---\ntitle: About\ndate: 2024-03-04\n---\n\n{{< f >}}\n",
    );
    assert_eq!(paragraphs(&folio), paragraphs(&hugo));
    assert_eq!(
        paragraphs(&hugo),
        ["true|true|true|false|false|true|[a a 1]|[a]|"]
    );
}

#[test]
fn format_of_a_map_or_of_nothing_is_its_key_or_nothing() {
    // `.Format` of a map is its key, as Go reads it; Folio took it for a date's and
    // stopped (the review of 3a49452).
    let (hugo, folio) = shortcode_f(
        "title = \"T\"\n",
        "<p>{{ (dict \"Format\" \"y\").Format }}|{{ .Page.Params.Format }}|{{ .Page.Params.nope.Format }}</p>",
        "---\ntitle: About\nFormat: pdf\n---\n\n{{< f >}}\n",
    );
    assert_eq!(paragraphs(&hugo), ["y|pdf|"]);
    assert_eq!(paragraphs(&folio), paragraphs(&hugo));
}

#[test]
fn lt_and_its_kin_compare_lengths_text_and_hugos_version_as_hugo_does() {
    // color-your-world's `kbd` tests `gt $keys 1` on a list, and its images
    // `ge hugo.Version "0.83"` (hunt V, 1 and 2).
    let exprs = [
        "gt (slice \"a\" \"b\") 1",
        "gt (dict \"a\" 1 \"b\" 2) 1",
        "ge (slice 1) 1",
        "lt \"abc\" 5",
        "lt \"10\" \"9\"",
        "lt 9 \"10\"",
        "lt (safeHTML \"10\") \"9\"",
        "lt nil 1",
        "lt true 2",
        "lt \"1e999\" 5",
        "lt 1 2 3",
        "lt 1 2 0",
        "ge hugo.Version \"0.83\"",
        "lt \"0.83\" hugo.Version",
        "ge hugo.Version 0.168",
        "lt hugo.Version \"0.2\"",
        "gt hugo.Version \"0.168.0-DEV\"",
        "le hugo.Version \"v0.168\"",
        "eq hugo.Version \"0.168.0\"",
        "eq hugo.Version 0.168",
        "in (slice \"0.168.0\") hugo.Version",
        "in \"v0.168.0\" hugo.Version",
        "in hugo.Version \"168\"",
        // Go's `ParseFloat`: hexadecimal, `_` between digits (the review).
        "lt \"0x1p4\" 15",
        "gt \"1_000\" 999",
        "gt \"1__0\" 5",
        // A signed NaN is no number to Go, so 0 (the review of 9423fdf).
        "lt \"-nan\" 5",
        "len hugo.Version",
        "jsonify (dict \"v\" hugo.Version)",
        "printf \"%s %T\" hugo.Version hugo.Version",
    ];
    let template: String = exprs.iter().map(|e| format!("|{{{{ {e} }}}}")).collect();
    let (hugo, folio) = shortcode_f(
        "title = \"T\"\n",
        &format!("<p>{template}</p>"),
        "---\ntitle: About\n---\n\n{{< f >}}\n",
    );
    assert!(
        hugo.contains("<p>|true|true|true|true|true|true|false|true|true|false|true|false|true|true|true|false|true|true|true|false|false|true|true|false|true|false|true|7|"),
        "{hugo}"
    );
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn sort_desc_keeps_ties_in_order_and_where_follows_hugos_rules_for_each_kind() {
    // Items without the key, with a string where others have numbers, a float, a bool.
    let template = "{{ $l := slice (dict \"n\" \"a\" \"w\" 1) (dict \"n\" \"b\" \"w\" 2.5) (dict \"n\" \"c\") \
                    (dict \"n\" \"d\" \"w\" \"2\") (dict \"n\" \"e\" \"w\" 2) (dict \"n\" \"f\" \"w\" true) }}\
                    A={{ range where $l \"w\" \">=\" 2 }}{{ .n }}{{ end }}\
                    |B={{ range where $l \"w\" \"ne\" 2 }}{{ .n }}{{ end }}\
                    |C={{ range where $l \"w\" \"eq\" nil }}{{ .n }}{{ end }}\
                    |D={{ range where $l \"w\" \"<\" 3.0 }}{{ .n }}{{ end }}\
                    |E={{ range where $l \"n\" \"in\" \"abc\" }}{{ .n }}{{ end }}\
                    |F={{ range where $l \"n\" \"not in\" \"abc\" }}{{ .n }}{{ end }}\
                    |G={{ range where $l \"w\" \"in\" (slice 1 2) }}{{ .n }}{{ end }}\
                    |H={{ range where $l \"w\" \"ge\" true }}{{ .n }}{{ end }}\
                    |I={{ range where $l \"w\" \"in\" (slice \"2\" 2.5) }}{{ .n }}{{ end }}\
                    |J={{ range where $l \"w\" \"!=\" \"2\" }}{{ .n }}{{ end }}\
                    |K={{ range where $l \"w\" \"not in\" (slice 1 2) }}{{ .n }}{{ end }}\
                    |L={{ range where $l \"w\" \"not in\" (slice) }}{{ .n }}{{ end }}\
                    |M={{ range sort (slice (dict \"n\" \"a\" \"w\" 2) (dict \"n\" \"b\" \"w\" 1) (dict \"n\" \"c\" \"w\" 2)) \"w\" \"desc\" }}{{ .n }}{{ end }}\
                    |N={{ range where (slice (dict \"n\" \"a\" \"t\" (slice 1))) \"t\" \"not in\" (slice) }}{{ .n }}{{ end }}\
                    |O={{ range where (slice (dict \"n\" \"a\" \"t\" (time \"2024-01-01\"))) \"t\" \"gt\" 1600000000 }}{{ .n }}{{ end }}\
                    |P={{ sort (slice 3 1 2) \"value\" \"DESC\" }}";
    let (hugo, folio) = shortcode_f(
        "baseURL = \"https://e.org/\"\n",
        template,
        "---\ntitle: About\n---\n{{< f >}}\n",
    );
    assert!(hugo.contains("A=be|"), "{hugo}");
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn query_get_string_slices_and_jsonified_times_are_as_hugo_writes_them() {
    // A YouTube shortcode reading `v` and `t`, an initial from a name, JSON-LD's dates.
    let template = "{{ $u := urls.Parse (.Get 0) }}A={{ $u.Query.Get \"v\" }}?start={{ $u.Query.Get \"t\" }}|{{ $u.Query.Get \"none\" }}\
                    |B={{ first 1 (.Get 1) }} {{ last 2 \"abcdef\" }} {{ after 2 \"abcdef\" }} {{ first 9 \"ab\" }} {{ after 9 \"ab\" }}\
                    |C={{ upper (first 1 .Page.Title) }}\
                    |D=<script type=\"application/ld+json\">{{ dict \"datePublished\" .Page.Date \"took\" (.Page.Lastmod.Sub .Page.Date) | jsonify | safeJS }}</script>\
                    |E={{ range $k, $v := $u.Query }}{{ $k }}={{ index $v 0 }};{{ end }}{{ $u.Query }}\
                    |F={{ with (urls.Parse \"https://x.org/p\").Query }}q{{ else }}none{{ end }} {{ len (urls.Parse \"https://x.org/p\").Query }}";
    let (hugo, folio) = shortcode_f(
        "baseURL = \"https://e.org/\"\n",
        template,
        "---\ntitle: about\ndate: 2023-05-06T07:08:09Z\nlastmod: 2023-05-06T08:08:09.5Z\n---\n\
         {{< f \"https://www.youtube.com/watch?v=abc123&t=42\" \"Jane\" >}}\n",
    );
    assert!(hugo.contains("A=abc123?start=42|"), "{hugo}");
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn a_camel_case_param_read_by_a_template_is_still_one_key_when_the_map_is_ranged() {
    // A social-links shortcode: one read with the site's spelling, then every link.
    let template = "{{ $x := site.Params.social.gitHub }}A={{ $x }}\
                    |B={{ range $k, $v := site.Params.social }}{{ $k }}={{ $v }} {{ end }}\
                    |C={{ len site.Params.social }}|D={{ site.Params.social | jsonify }}\
                    |E={{ site.Params.social }}|F={{ with site.Params.social }}{{ .gitHub }}{{ end }}\
                    |G={{ range site.Params }}{{ . }};{{ end }}\
                    |H={{ delimit site.Params.social \", \" }}|I={{ range sort site.Params.social }}{{ . }};{{ end }}\
                    |J={{ $z := site.Params.loc.mapZoom }}{{ site.Params.loc }}";
    let (hugo, folio) = shortcode_f(
        "baseURL = \"https://e.org/\"\n[params.social]\ngitHub = \"jane\"\ntwitter = \"jd\"\n\
         [params.loc]\nlat = 51.5\nmapZoom = 3\n",
        template,
        "---\ntitle: About\n---\n{{< f >}}\n",
    );
    assert!(hugo.contains("|C=2|"), "{hugo}");
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn a_language_prints_as_its_code_and_counts_skip_tags() {
    let template = "<blockquote lang=\"{{ .Page.Language }}\">A={{ .Page.Language }}|{{ site.Language }}</blockquote>\
                    |B={{ countrunes \"<b>ab</b> c\" }}|C={{ countwords \"<p>one <b>two</b></p><p>three</p>\" }}\
                    |D={{ countwords \"日本語 と English words\" }}|E={{ countrunes \"a\u{a0}b\u{3000}c\" }}";
    let (hugo, folio) = shortcode_f(
        "baseURL = \"https://e.org/\"\n",
        template,
        "---\ntitle: About\n---\n{{< f >}}\n",
    );
    assert!(hugo.contains("A=en|en"), "{hugo}");
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn a_page_without_a_date_has_go_zero_time_which_tests_false_as_hugo_tests_it() {
    let template = "A={{ with .Page.Lastmod }}Updated {{ .Format \"Jan 2, 2006\" }}{{ end }}\
                    |B={{ if .Page.Date }}posted{{ else }}undated{{ end }}\
                    |C={{ .Page.Date | default \"nodate\" }}|D={{ not .Page.ExpiryDate }}\
                    |E={{ with $d := .Page.PublishDate }}p{{ else }}none{{ end }}\
                    |F={{ if or .Page.Date .Page.Lastmod }}x{{ else }}y{{ end }}\
                    |G={{ $date := time.AsTime \"2024-01-02\" }}{{ with $date }}{{ .Year }}{{ end }}\
                    |H={{ .Page.Date.Year }}|I={{ or .Page.Lastmod .Page.Date }}\
                    |J={{ cond .Page.Date \"y\" \"n\" }}|K={{ (or .Page.Lastmod .Page.Date).Format \"2006\" }}";
    let (hugo, folio) = shortcode_f(
        "baseURL = \"https://e.org/\"\n",
        template,
        "---\ntitle: About\n---\n{{< f >}}\n",
    );
    assert!(
        hugo.contains("A=|B=undated|C=nodate|D=true|E=none|F=y|G=2024|H=1|I=0001-01-01 00:00:00 &#43;0000 UTC|J=n|K=0001"),
        "{hugo}"
    );
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn a_percent_call_indented_in_a_list_item_keeps_its_later_lines_in_the_item_as_hugo_indents_them() {
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "baseURL = \"https://e.org/\"\n"),
        (
            "layouts/shortcodes/multi.html",
            "First para {{ .Get 0 }}.\n\nSecond para.\n",
        ),
        (
            "layouts/shortcodes/fence.html",
            "```\n{{ .Get 0 }}\nsecond line\n```",
        ),
        (
            "content/about.md",
            "---\ntitle: About\n---\n- item\n\n  {{% multi \"x\" %}}\n\n1. Step one\n\n   {{% fence \"echo hi\" %}}\n\n2. Step two\n",
        ),
    ]);
    let (hugo, folio) = hugo_and_folio(site.path(), "indented calls", "content/about.md");
    assert!(
        normalise(&hugo).contains("<li><p>item</p><p>First para x.</p><p>Second para.</p></li>"),
        "{hugo}"
    );
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn sort_orders_strings_by_the_sites_language_as_hugos_collator_does() {
    let template = "A={{ sort (slice \"kubernetes\" \"AWS\" \"Go\" \"docker\" \"Élixir\" \"elm\" \"b\" \"B\" \"a\" \"A\" \"_x\" \"1\" \"zebra\" \"ångström\" \"öl\") }}\
                    |B={{ sort (slice \"b\" \"B\" \"a\" \"A\") \"value\" \"desc\" }}\
                    |C={{ range sort (slice (dict \"name\" \"beta\") (dict \"name\" \"Alpha\") (dict \"name\" \"émile\")) \"name\" }}{{ .name }},{{ end }}\
                    |D={{ lt \"B\" \"a\" }}";
    for (lang, expected) in [
        (
            "en",
            "A=[_x 1 a A ångström AWS b B docker Élixir elm Go kubernetes öl zebra]|B=[B b A a]|C=Alpha,beta,émile,|D=true",
        ),
        (
            "sv",
            "A=[_x 1 a A AWS b B docker Élixir elm Go kubernetes zebra ångström öl]|B=[B b A a]|C=Alpha,beta,émile,|D=true",
        ),
    ] {
        let (hugo, folio) = shortcode_f(
            &format!("baseURL = \"https://e.org/\"\ndefaultContentLanguage = \"{lang}\"\n"),
            template,
            "---\ntitle: About\n---\n{{< f >}}\n",
        );
        assert!(hugo.contains(expected), "{lang}: {hugo}");
        assert_eq!(normalise(&folio), normalise(&hugo), "{lang}");
    }
}

#[test]
fn references_read_only_a_urls_path_and_fragment_and_every_spelling_of_ref_resolves_as_hugos() {
    let template = "{{ $href := .Get 0 }}A={{ cond (hasPrefix $href \"http\") $href (relref .Page $href) }}\
                    |B={{ relref .Page \"https://gohugo.io#x\" }}|C={{ relref .Page \"https://gohugo.io/other\" }}\
                    |D={{ relref .Page \"?q=1\" }}|E={{ relref .Page \"mailto:a@b.c\" }}\
                    |F={{ urls.RelRef .Page \"other\" }}|G={{ .Page.RelRef (dict \"path\" \"other.md#h\") }}|H={{ .Page.Ref (dict \"path\" \"other\") }}\
                    |I={{ int \"\" }}|J={{ float \"\" }}\
                    |K={{ findRESubmatch `(\\w)(\\d)` \"a1 b2 c3\" 2 }}|L={{ findRESubmatch `(\\w)(\\d)` \"a1 b2\" }}";
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "baseURL = \"https://e.org/\"\n"),
        ("layouts/shortcodes/f.html", template),
        ("content/other.md", "---\ntitle: Other\n---\nx\n"),
        (
            "content/about.md",
            "---\ntitle: About\n---\n{{< f \"https://gohugo.io\" >}}\n",
        ),
    ]);
    let (hugo, folio) = hugo_and_folio(site.path(), "references", "content/about.md");
    assert!(
        hugo.contains("A=https://gohugo.io|B=#x|C=/other/|D=|E=|F=/other/|G=/other/#h|H=https://e.org/other/|I=0|J=0|K=[[a1 a 1] [b2 b 2]]|L=[[a1 a 1] [b2 b 2]]"),
        "{hugo}"
    );
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn what_a_template_says_with_warnf_is_a_warning_of_folio_check_at_the_call_as_hugo_warns() {
    let site = site_with(
        &[(
            "fig",
            "{{ with .Get \"alt\" }}{{ else }}{{ warnf \"figure %q has no alt text\" (.Get \"src\") }}{{ end }}\
             {{ warnidf \"fig-id\" \"figure %s: id %s\" (.Get \"src\") \"x\" }}<img src=\"{{ .Get \"src\" }}\">",
        )],
        "{{< fig src=\"a.png\" >}}",
    );
    std::fs::write(site.path().join("content/a.png"), "PNG").unwrap();
    let found: Vec<String> = folio::check::check_path(&site.path().join("content/page.md"))
        .iter()
        .map(|d| format!("{}:{}: {:?}: {}", d.line, d.col, d.severity, d.message))
        .collect();
    assert_eq!(
        found,
        [
            "5:1: Warning: the template warns (warnf): figure \"a.png\" has no alt text",
            "5:1: Warning: the template warns (warnidf): figure a.png: id x",
        ]
    );
    let out = std::process::Command::new(crate::support::hugo_bin())
        .arg("--source")
        .arg(site.path())
        .args(["--destination", "public", "--logLevel", "warn"])
        .output()
        .unwrap();
    let hugo =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(
        hugo.contains("figure \"a.png\" has no alt text") && hugo.contains("figure a.png: id x"),
        "{hugo}"
    );
}

/// The configs of [`warnings_and_errors_the_site_silences_in_ignore_logs_are_not_said_as_hugo_does_not_say_them`],
/// each with what Hugo says, and so Folio.
const IGNORE_LOGS_CASES: &[(&str, &[&str])] = &[
        (
            "",
            &[
                "(warnidf): figure a.png",
                "no alt for a.png",
                "Hugo omits the raw HTML",
            ],
        ),
        // A string alone is a list of one; ids are compared in lower case.
        (
            "ignoreLogs = 'fig-id'\n",
            &["no alt for a.png", "Hugo omits the raw HTML"],
        ),
        (
            "ignoreLogs = ['FIG-ID', 'No-Alt']\n",
            &["Hugo omits the raw HTML"],
        ),
        (
            "ignoreLogs = ['fig-id', 'no-alt', 'warning-goldmark-raw-html']\n",
            &[],
        ),
        // The first language's own setting (by weight, none last) is the build's, whichever
        // is the default; another language's is none (review 49b, 3).
        (
            "defaultContentLanguage = 'en'\n[languages.en]\nweight = 2\n[languages.fr]\nweight = 1\n\
             ignoreLogs = ['fig-id', 'no-alt', 'warning-goldmark-raw-html']\n",
            &[],
        ),
        (
            "defaultContentLanguage = 'en'\n[languages.en]\nignoreLogs = ['fig-id']\n[languages.fr]\nweight = 2\n",
            &["(warnidf): figure a.png", "no alt for a.png", "Hugo omits the raw HTML"],
        ),
        // The old name wins over the new one when both are set.
        (
            "ignoreErrors = ['fig-id', 'no-alt']\nignoreLogs = ['warning-goldmark-raw-html']\n",
            &["Hugo omits the raw HTML"],
        ),
];

#[test]
fn warnings_and_errors_the_site_silences_in_ignore_logs_are_not_said_as_hugo_does_not_say_them() {
    // Reviews 48c-6 and 48e-6: Folio's words for Hugo's raw-HTML warning, `warnidf` and
    // `erroridf` were said (an `erroridf` drew Folio's card) where the site silenced them.
    let fig = "{{ warnidf \"Fig-Id\" \"figure %s\" (.Get \"src\") }}\
               <figure>{{ .Get \"caption\" | markdownify }}</figure>";
    let alt = "{{ with .Get \"alt\" }}{{ else }}{{ erroridf \"no-alt\" \"no alt for %s\" (.Get \"src\") }}{{ end }}\
               <img src=\"{{ .Get \"src\" }}\">";
    let calls =
        "{{< fig src=\"a.png\" caption=\"A <b>bold</b> one\" >}}\n\n{{< alt src=\"a.png\" >}}";
    for &(config, said) in IGNORE_LOGS_CASES {
        let site = site_with(&[("fig", fig), ("alt", alt)], calls);
        add_to_config(site.path(), config);
        let (built, hugo) = hugo_log(site.path());
        let found = checked(&site.path().join("content/page.md")).join("\n");
        for (words, hugos) in [
            ("(warnidf): figure a.png", "figure a.png"),
            ("no alt for a.png", "no alt for a.png"),
            ("Hugo omits the raw HTML", "Raw HTML omitted"),
        ] {
            let expected = said.contains(&words);
            assert_eq!(hugo.contains(hugos), expected, "{config}: Hugo said {hugo}");
            assert_eq!(found.contains(words), expected, "{config}: {found}");
        }
        assert_eq!(built, !said.contains(&"no alt for a.png"), "{hugo}");
        if built {
            let hugo = std::fs::read_to_string(site.path().join("public/page/index.html")).unwrap();
            let folio = folio_render(&site.path().join("content/page.md"));
            assert_eq!(normalise(&folio), normalise(&hugo), "{config}");
        }
    }
}

#[test]
fn html_written_as_code_or_an_autolink_by_a_percent_call_is_not_raw_html_hugo_drops() {
    let site = site_with(
        &[
            ("fence", "```html\n<div class=\"x\">fenced</div>\n```"),
            ("span", "Use `<b>` or <https://e.org/a>."),
            ("raw", "<div class=\"raw\">from raw</div>"),
        ],
        "{{% fence %}}\n\n{{% span %}}\n\n{{% raw %}}",
    );
    let found: Vec<String> = folio::check::check_path(&site.path().join("content/page.md"))
        .iter()
        .map(|d| format!("{}:{}", d.line, d.col))
        .collect();
    assert_eq!(found, ["9:1"], "only the raw call's HTML is dropped");
    hugo_build(site.path(), "the code site");
    let hugo = std::fs::read_to_string(site.path().join("public/page/index.html")).unwrap();
    assert!(
        hugo.contains("fenced") && hugo.contains("&lt;b&gt;"),
        "{hugo}"
    );
    assert!(!hugo.contains("from raw"), "{hugo}");
}

#[test]
fn a_site_that_turns_off_tables_footnotes_task_lists_or_definition_lists_gets_text_as_hugo_leaves_it(
) {
    let page = "---\ntitle: About\n---\n| a | b |\n| - | - |\n| 1 | 2 |\n\n\
                Note[^1].\n\n[^1]: The note.\n\n- [x] done\n- [ ] to do\n\nTerm\n: Definition\n";
    for off in ["table", "footnote", "taskList", "definitionList"] {
        let site = crate::support::hugo_site(&[
            (
                "hugo.toml",
                &format!(
                    "baseURL = \"https://e.org/\"\n[markup.goldmark.extensions]\n{off} = false\n"
                ),
            ),
            ("content/about.md", page),
        ]);
        let (hugo, folio) = hugo_and_folio(site.path(), off, "content/about.md");
        let missing = match off {
            "table" => "<table>",
            "footnote" => "footnote",
            "taskList" => "checkbox",
            _ => "<dl>",
        };
        assert!(!hugo.contains(missing), "{off}: {hugo}");
        // Folio labels its checkboxes for screen readers (the export passes axe-core);
        // Hugo does not.
        let folio = folio
            .replace(" aria-label=\"Done\"", "")
            .replace(" aria-label=\"To do\"", "");
        assert_eq!(normalise(&folio), normalise(&hugo), "{off}");
    }
}

#[test]
fn a_translations_plural_form_follows_the_languages_cldr_rules_as_go_i18n_picks_it() {
    let forms = "[n]\nzero = \"zero\"\none = \"one\"\ntwo = \"two\"\nfew = \"few\"\nmany = \"many\"\nother = \"other\"\n\
                 [m]\none = \"m-one\"\nother = \"m-other\"\n";
    let template = "{{ range slice 0 1 2 3 5 11 21 22 }}{{ . }}:{{ i18n \"n\" . }} {{ end }}\
                    |{{ i18n \"n\" (dict \"Count\" 1.5) }}|{{ i18n \"n\" (dict \"count\" \"1.0\") }}\
                    |{{ i18n \"n\" 1.0 }}|{{ i18n \"m\" 2 }}|{{ i18n \"n\" \"x\" }}";
    for lang in ["en", "fr", "ru", "ja", "ar", "pl"] {
        let site = crate::support::hugo_site(&[
            (
                "hugo.toml",
                &format!("baseURL = \"https://e.org/\"\ndefaultContentLanguage = \"{lang}\"\n"),
            ),
            (&format!("i18n/{lang}.toml"), forms),
            ("layouts/shortcodes/f.html", template),
            ("content/about.md", "---\ntitle: About\n---\n{{< f >}}\n"),
        ]);
        let (hugo, folio) = hugo_and_folio(site.path(), lang, "content/about.md");
        assert_eq!(normalise(&folio), normalise(&hugo), "{lang}");
    }
}

#[test]
fn translations_are_read_as_go_i18n_reads_them_nested_ids_exact_case_and_lent_forms() {
    // hugo-theme-stack's nested ids (`article.reading_time`); a French page borrowing
    // English plural forms picks among them by English rules (0 is "other" there).
    let site = crate::support::hugo_site(&[
        (
            "hugo.toml",
            EN_FR,
        ),
        (
            "i18n/en.yaml",
            "article:\n  reading_time:\n    one: \"{{ .Count }} min\"\n    other: \"{{ .Count }} mins\"\n\
             posts:\n  one: \"{{ .Count }} post\"\n  other: \"{{ .Count }} posts\"\nhome: Home\n",
        ),
        (
            "i18n/fr.toml",
            "[article.reading_time]\none = \"{{ .Count }} minute\"\nother = \"{{ .Count }} minutes\"\n",
        ),
        (
            "layouts/shortcodes/f.html",
            "<p>{{ i18n \"article.reading_time\" 1 }}|{{ T \"article.reading_time\" 4 }}\
             |{{ T \"posts\" 0 }}|{{ T \"posts\" 1 }}|[{{ T \"Home\" }}]|[{{ T \"home\" }}]</p>",
        ),
        ("content/about.md", "---\ntitle: About\n---\n{{< f >}}\n"),
        ("content/about.fr.md", "---\ntitle: À propos\n---\n{{< f >}}\n"),
    ]);
    crate::support::hugo_build(site.path(), "i18n");
    for (page, out) in [("about.md", "about"), ("about.fr.md", "fr/about")] {
        let hugo =
            std::fs::read_to_string(site.path().join(format!("public/{out}/index.html"))).unwrap();
        let folio = folio_render(&site.path().join("content").join(page));
        let p = |html: &str| normalise(html.split("<p>").nth(1).unwrap_or_default());
        assert_eq!(p(&folio), p(&hugo), "{page}");
    }
}

#[test]
fn a_languages_name_is_its_code_and_it_says_whether_it_is_the_default() {
    // Review 62c, r2: `.Language.Name` and `.Language.IsDefault` printed nothing.
    let site = crate::support::hugo_site(&[
        ("hugo.toml", EN_FR),
        (
            "layouts/shortcodes/f.html",
            "<p>{{ .Page.Language.Name }}|{{ site.Language.IsDefault }}\
             {{ range site.Languages }}|{{ .Name }}:{{ .IsDefault }}{{ end }}</p>",
        ),
        ("content/about.md", "---\ntitle: About\n---\n{{< f >}}\n"),
        (
            "content/about.fr.md",
            "---\ntitle: À propos\n---\n{{< f >}}\n",
        ),
    ]);
    crate::support::hugo_build(site.path(), "language names");
    for (page, out, want) in [
        ("about.md", "about", "<p>en|true|en:true|fr:false</p>"),
        (
            "about.fr.md",
            "fr/about",
            "<p>fr|false|en:true|fr:false</p>",
        ),
    ] {
        let hugo =
            std::fs::read_to_string(site.path().join(format!("public/{out}/index.html"))).unwrap();
        assert!(hugo.contains(want), "{hugo}");
        let folio = folio_render(&site.path().join("content").join(page));
        assert!(folio.contains(want), "{page}: {folio}");
    }
}

#[test]
fn a_languages_translations_are_its_locales_file_first_as_in_hugo() {
    // Review 62a, r3: with `languageCode = "en-gb"`, Hugo reads `i18n/en-gb.toml` before
    // `en.toml` (its translator is the locale's, then the code's, then the default
    // language's of each); Folio read `en.toml` only. A French page without a file of its
    // own reads the default language's locale's, by English plural rules.
    let site = crate::support::hugo_site(&[
        (
            "hugo.toml",
            "baseURL = \"https://e.org/\"\nlanguageCode = \"en-gb\"\n\
             [languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n",
        ),
        ("i18n/en.toml", "tickets = \"Tickets\"\ncolour = \"Color\"\n"),
        (
            "i18n/en-gb.toml",
            "colour = \"Colour\"\n[seats]\none = \"{{ .Count }} seat\"\nother = \"{{ .Count }} seats\"\n",
        ),
        (
            "layouts/shortcodes/f.html",
            "<p>{{ T \"tickets\" }}|{{ T \"colour\" }}|{{ T \"seats\" 0 }}|{{ T \"seats\" 1 }}</p>",
        ),
        ("content/about.md", "---\ntitle: About\n---\n{{< f >}}\n"),
        ("content/about.fr.md", "---\ntitle: À propos\n---\n{{< f >}}\n"),
    ]);
    crate::support::hugo_build(site.path(), "i18n by locale");
    for (page, out) in [("about.md", "about"), ("about.fr.md", "fr/about")] {
        let hugo =
            std::fs::read_to_string(site.path().join(format!("public/{out}/index.html"))).unwrap();
        assert!(
            hugo.contains("<p>Tickets|Colour|0 seats|1 seat</p>"),
            "{hugo}"
        );
        let folio = folio_render(&site.path().join("content").join(page));
        let p = |html: &str| normalise(html.split("<p>").nth(1).unwrap_or_default());
        assert_eq!(p(&folio), p(&hugo), "{page}");
    }
}

#[test]
fn with_missing_translation_placeholders_a_translation_the_language_lacks_is_said_as_in_hugo() {
    // anubis's `video` on a German page with no German `videoIsNotSupported`.
    let site = crate::support::hugo_site(&[
        (
            "hugo.toml",
            "baseURL = \"https://e.org/\"\ndefaultContentLanguage = \"en\"\n\
             enableMissingTranslationPlaceholders = true\n\
             [languages.en]\nweight = 1\n[languages.de]\nweight = 2\n",
        ),
        (
            "i18n/en.yaml",
            "video: Your browser does not support video\nhome: Home\n",
        ),
        ("i18n/de.yaml", "home: Start\n"),
        (
            "layouts/shortcodes/f.html",
            "<p>[{{ i18n \"video\" }}|{{ T \"home\" }}|{{ T \"nokey\" }}]</p>",
        ),
        ("content/about.md", "---\ntitle: About\n---\n{{< f >}}\n"),
        ("content/about.de.md", "---\ntitle: Über\n---\n{{< f >}}\n"),
    ]);
    crate::support::hugo_build(site.path(), "i18n placeholders");
    for (page, out, said) in [
        (
            "about.md",
            "about",
            "[Your browser does not support video|Home|[i18n] nokey]",
        ),
        (
            "about.de.md",
            "de/about",
            "[[i18n] video|Start|[i18n] nokey]",
        ),
    ] {
        let hugo =
            std::fs::read_to_string(site.path().join(format!("public/{out}/index.html"))).unwrap();
        let folio = folio_render(&site.path().join("content").join(page));
        let p = |html: &str| normalise(html.split("<p>").nth(1).unwrap_or_default());
        assert_eq!(p(&folio), p(&hugo), "{page}");
        assert!(p(&hugo).starts_with(said), "{hugo}");
    }
}

#[test]
fn a_resource_of_an_application_type_gives_its_text_as_content_as_in_hugo() {
    // Hextra's `jupyter`: `.Content | transform.Unmarshal` of a notebook.
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "baseURL = \"https://e.org/\"\n"),
        ("assets/nb/demo.ipynb", "{\"nbformat\": 4, \"cells\": []}"),
        ("assets/data.geojson", "{\"type\": \"Point\"}"),
        (
            "layouts/shortcodes/f.html",
            "<p>{{ with resources.Get \"nb/demo.ipynb\" }}{{ .MediaType }}|{{ (unmarshal .Content).nbformat }}{{ end }}\
             |{{ with resources.Get \"data.geojson\" }}{{ .MediaType }}|{{ len .Content }}{{ end }}</p>",
        ),
        ("content/about.md", "---\ntitle: About\n---\n{{< f >}}\n"),
    ]);
    let (hugo, folio) = hugo_and_folio(site.path(), "a notebook", "content/about.md");
    let p = |html: &str| normalise(html.split("<p>").nth(1).unwrap_or_default());
    assert_eq!(p(&folio), p(&hugo));
    assert!(
        p(&hugo).starts_with("application/x-ipynb&#43;json|4|"),
        "{hugo}"
    );
}

#[test]
fn a_partial_is_found_by_its_base_name_as_hugo_finds_it() {
    // tufte's `partial "header.includes.html"`: Hugo reads past the parts of a name it
    // does not know, in the call and in the file's name.
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "title = \"T\"\n"),
        ("layouts/partials/aa.html", "A-plain"),
        ("layouts/partials/aa.bb.html", "A-dotted"),
        ("layouts/partials/cc.dd.html", "C-dotted"),
        ("layouts/partials/ee.en.html", "E-en"),
        ("layouts/partials/gg.html", "G-plain"),
        ("layouts/partials/sub/hh.x.html", "H-sub"),
        (
            "layouts/shortcodes/f.html",
            "<p>[{{ partial \"aa.bb.html\" . }}|{{ partial \"cc.dd.html\" . }}|{{ partial \"cc.html\" . }}\
             |{{ partial \"cc\" . }}|{{ partial \"aa.xx.html\" . }}|{{ partial \"aa.bb\" . }}\
             |{{ partial \"ee.html\" . }}|{{ partial \"gg.zz\" . }}|{{ partial \"sub/hh\" . }}]</p>",
        ),
        ("content/about.md", "---\ntitle: About\n---\n{{< f >}}\n"),
    ]);
    let (hugo, folio) = hugo_and_folio(site.path(), "dotted partials", "content/about.md");
    let p = |html: &str| normalise(html.split("<p>").nth(1).unwrap_or_default());
    assert_eq!(p(&folio), p(&hugo));
    assert!(
        p(&hugo)
            .starts_with("[A-plain|C-dotted|C-dotted|C-dotted|A-plain|A-plain|E-en|G-plain|H-sub]"),
        "{hugo}"
    );
}

#[test]
fn a_time_in_a_script_is_written_as_json_writes_it_as_in_hugo() {
    // schema.org markup: `"datePublished": {{ .Page.Date }}` in ld+json; inside a JS
    // string (`"{{ .Date }}"`) and in a script of another type, Go's `String`.
    let (hugo, folio) = shortcode_f(
        "baseURL = \"https://e.org/\"\n",
        "<script type=\"application/ld+json\">{\"d\": {{ .Page.Date }}, \"t\": {{ time.AsTime \"2020-01-02\" }}, \
         \"l\": {{ slice .Page.Date }}, \"n\": {{ duration \"s\" 2 }}, \"m\": {{ slice (duration \"s\" 2) }}, \"f\": {{ 2.5 }}, \"s\": {{ \"a<b\" }}}</script>\
         <p>{{ .Page.Date }}</p><script>var b = \"{{ .Page.Date }}\"; var c = '{{ .Page.Date }}';</script>\
         <script type=\"text/template\"><p>{{ .Page.Date }}</p></script>\
         <a onclick=\"f({{ .Page.Date }})\" href=\"#\">x</a><a onclick=\"f('{{ .Page.Date }}')\" href=\"#\">y</a>",
        "---\ntitle: About\ndate: 2024-03-05T10:00:00+01:00\n---\n{{< f >}}\n",
    );
    assert!(hugo.contains("\"2024-03-05T10:00:00+01:00\""), "{hugo}");
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn a_data_or_translation_file_hugo_cannot_load_is_said_by_check_where_it_fails() {
    // A translation file stops Hugo's build (an error); a data file does once a template
    // reads `.Site.Data` (a warning), `x.YAML` too (review 49f, 3: Hugo 0.168 reads it).
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "baseURL = \"https://e.org/\"\n"),
        ("data/skills.yaml", "- name: Go\n  level: [unclosed\n"),
        ("data/README.md", "# about this folder\n"),
        ("data/.hidden", "ignored"),
        ("data/extra.YAML", "bad: ["),
        ("i18n/en.toml", "home = \"Home\"\nbad = \n"),
        // Not read, and Hugo stops (review 49g, 4).
        ("i18n/fr.YAML", "hi: salut\n"),
        ("i18n/.gitkeep", ""),
        ("content/about.md", "---\ntitle: About\n---\nText.\n"),
    ]);
    let found: Vec<String> = folio::check::check_path(&site.path().join("content/about.md"))
        .iter()
        .map(|d| {
            let file = d
                .path
                .strip_prefix(site.path())
                .unwrap_or(&d.path)
                .display();
            format!("{file}:{}:{}: {:?}", d.line, d.col, d.severity)
        })
        .collect();
    assert_eq!(
        found,
        [
            "data/README.md:1:1: Warning",
            "data/extra.YAML:1:7: Warning",
            "data/skills.yaml:3:1: Warning",
            "i18n/en.toml:2:7: Error",
            "i18n/fr.YAML:1:1: Error"
        ]
    );
    let hugo = crate::support::hugo_run(site.path(), &[]).unwrap_err();
    assert!(hugo.contains("failed to load"), "{hugo}");
}

#[test]
fn a_data_file_hugo_cannot_load_named_only_in_a_comment_is_a_warning() {
    // A comment reads nothing: Hugo builds (review 57b, 3: an error, exit 1).
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "baseURL = \"https://e.org/\"\n"),
        ("data/bad.toml", "a = \n"),
        (
            "layouts/shortcodes/d.html",
            "{{/* site.Data.bad */}}<p>d</p>",
        ),
        ("content/about.md", "---\ntitle: About\n---\n{{< d >}}\n"),
    ]);
    hugo_build(site.path(), "data named in a comment");
    let found = checked(&site.path().join("content/about.md")).join("\n");
    assert!(found.contains("bad.toml:1:5: warning: "), "{found}");
}

#[test]
fn a_csv_data_file_stops_hugo_once_data_is_read_and_an_xml_one_is_said_unread() {
    // Hunt AL, 6: both were passed over in silence.
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "baseURL = \"https://e.org/\"\n"),
        ("data/talks.csv", "name,year\nA,2020\n"),
        ("layouts/shortcodes/d.html", "{{ len hugo.Data }}"),
        ("content/about.md", "---\ntitle: About\n---\n{{< d >}}\n"),
    ]);
    let hugo = crate::support::hugo_run(site.path(), &[]).unwrap_err();
    let message = "unexpected data type [][]string in file talks.csv";
    assert!(hugo.contains(message), "{hugo}");
    // An error: the site's `d.html` reads the data (review 57a, 15: a warning before).
    let found = checked(&site.path().join("content/about.md")).join("\n");
    assert!(
        found.contains(&format!(
            "talks.csv:1:1: error: {message}; Hugo stops its build once a template reads \
             .Site.Data (layouts/shortcodes/d.html reads it)"
        )),
        "{found}"
    );
    std::fs::remove_file(site.path().join("data/talks.csv")).unwrap();
    std::fs::write(
        site.path().join("data/press.xml"),
        "<press><item><title>Wired</title></item></press>\n",
    )
    .unwrap();
    hugo_build(site.path(), "XML data");
    let found = checked(&site.path().join("content/about.md")).join("\n");
    assert!(
        found.contains("press.xml:1:1: warning: Folio does not read XML data"),
        "{found}"
    );
    // An extension in capitals is read as Hugo 0.168 reads it (review 49f, 3).
    std::fs::remove_file(site.path().join("data/press.xml")).unwrap();
    std::fs::write(site.path().join("data/talks.YAML"), "a: hello\n").unwrap();
    std::fs::write(
        site.path().join("layouts/shortcodes/d.html"),
        "<p>{{ hugo.Data.talks.a }}</p>",
    )
    .unwrap();
    let (hugo, folio) = hugo_and_folio(site.path(), "data in capitals", "content/about.md");
    assert!(hugo.contains("<p>hello</p>"), "{hugo}");
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn a_call_in_a_heading_whose_id_hugo_makes_from_a_placeholder_is_said() {
    // Hunt AL, 5: `## {{< icon >}} Experience` is `id="hahahugoshortcode…-experience"` to
    // Hugo, so `#experience` finds nothing; Folio wrote `id="experience"` and said nothing.
    for (heading, said) in [
        ("## {{< icon \"briefcase\" >}} Experience", true),
        (
            "## {{< icon \"briefcase\" >}} Experience {#experience}",
            false,
        ),
        ("## {{% icon \"briefcase\" %}} Experience", false),
        ("    ## {{< icon \"briefcase\" >}} Not a heading", false),
        // Review 49f, 4: a call in a link's destination is no part of the id, and an id
        // given as an attribute is the heading's own.
        ("## [Experience]({{< relref \"page\" >}})", false),
        ("## ![Logo]({{< relref \"page\" >}}) Experience", false),
        (
            "## {{< icon \"briefcase\" >}} Experience {id=\"experience\"}",
            false,
        ),
    ] {
        let site = site_with(
            &[("icon", "<i class=\"{{ .Get 0 }}\"></i>")],
            &format!("Intro.\n\n{heading}\n"),
        );
        hugo_build(site.path(), heading);
        let hugo = std::fs::read_to_string(site.path().join("public/page/index.html")).unwrap();
        assert_eq!(
            hugo.contains("id=\"hahahugoshortcode"),
            said,
            "{heading}: {hugo}"
        );
        let found = checked(&site.path().join("content/page.md")).join("\n");
        assert_eq!(
            found.contains("warning: Hugo makes this heading's id"),
            said,
            "{heading}: {found}"
        );
        if said {
            assert!(found.contains("page.md:7:4: warning"), "{found}");
        }
    }
}

#[test]
fn a_language_turned_off_is_no_language_of_the_site_as_in_hugo() {
    let site = crate::support::hugo_site(&[
        (
            "hugo.toml",
            "baseURL = \"https://e.org/\"\ndisableLanguages = [\"de\"]\n\
             [languages.en]\nweight = 1\n[languages.it]\nweight = 2\ndisabled = true\n\
             [languages.de]\nweight = 3\n",
        ),
        (
            "layouts/shortcodes/f.html",
            "<p>{{ len site.Languages }} {{ range site.Languages }}{{ .Lang }} {{ end }}\
             |{{ range .Page.Translations }}{{ .Lang }} {{ end }}|{{ .Page.IsTranslated }}</p>",
        ),
        ("content/about.md", "---\ntitle: About\n---\n{{< f >}}\n"),
        ("content/about.it.md", "---\ntitle: Chi\n---\n{{< f >}}\n"),
        ("content/about.de.md", "---\ntitle: Über\n---\n{{< f >}}\n"),
    ]);
    let (hugo, folio) = hugo_and_folio(site.path(), "disabled languages", "content/about.md");
    assert!(hugo.contains("<p>1 en ||false</p>"), "{hugo}");
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn a_translation_hugo_writes_no_file_for_is_no_translation_whatever_its_keys_case() {
    // `Build: {Render: never}` was read in exact case, and `render: false` not at all.
    let site = crate::support::hugo_site(&[
        (
            "hugo.toml",
            "baseURL = \"https://e.org/\"\n[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n\
             [languages.de]\nweight = 3\n[languages.it]\nweight = 4\n[languages.es]\nweight = 5\n\
             [languages.nl]\nweight = 6\n[languages.pt]\nweight = 7\n[languages.sv]\nweight = 8\n",
        ),
        (
            "layouts/shortcodes/f.html",
            "<p>{{ range .Page.Translations }}{{ .Lang }}={{ .RelPermalink }};{{ end }}</p>",
        ),
        ("content/about.md", "---\ntitle: A\n---\n{{< f >}}\n"),
        ("content/about.fr.md", "---\ntitle: A\nBuild:\n  Render: never\n---\n"),
        ("content/about.de.md", "---\ntitle: A\nbuild:\n  render: false\n---\n"),
        ("content/about.it.md", "---\ntitle: A\nbuild:\n  render: link\n---\n"),
        ("content/about.es.md", "---\ntitle: A\nheadless: true\n---\n"),
        // Hugo reads the value as text: `"false"` and `Never` render, `0` does not.
        ("content/about.nl.md", "---\ntitle: A\nbuild:\n  render: \"false\"\n---\n"),
        ("content/about.pt.md", "---\ntitle: A\nbuild:\n  render: Never\n---\n"),
        ("content/about.sv.md", "---\ntitle: A\nbuild:\n  render: 0\n---\n"),
    ]);
    let (hugo, folio) = hugo_and_folio(site.path(), "unrendered translations", "content/about.md");
    assert!(
        hugo.contains("<p>it=/it/about/;nl=/nl/about/;pt=/pt/about/;</p>"),
        "{hugo}"
    );
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn a_languages_direction_is_read_as_hugo_reads_it() {
    let site = crate::support::hugo_site(&[
        (
            "hugo.toml",
            "baseURL = \"https://e.org/\"\ndefaultContentLanguage = \"ar\"\n\
             [languages.ar]\nlanguageDirection = \"rtl\"\nweight = 1\n[languages.en]\nweight = 2\n",
        ),
        (
            "layouts/shortcodes/f.html",
            "<p dir=\"{{ .Page.Language.LanguageDirection | default \"ltr\" }}\">\
             {{ site.Language.Direction }}|{{ range site.Languages }}{{ .Lang }}:{{ .LanguageDirection }};{{ end }}</p>",
        ),
        ("content/about.md", "---\ntitle: About\n---\n{{< f >}}\n"),
    ]);
    let (hugo, folio) = hugo_and_folio(site.path(), "direction", "content/about.md");
    assert!(
        hugo.contains("<p dir=\"rtl\">rtl|ar:rtl;en:;</p>"),
        "{hugo}"
    );
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn the_default_language_in_a_subdirectory_is_in_every_url_as_in_hugo() {
    for languages in [
        "",
        "[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n",
    ] {
        let site = crate::support::hugo_site(&[
            (
                "hugo.toml",
                &format!(
                    "baseURL = \"https://e.org/\"\ndefaultContentLanguageInSubdir = true\n{languages}"
                ),
            ),
            (
                "layouts/shortcodes/f.html",
                "<p>{{ \"about/\" | relLangURL }} {{ \"x\" | absLangURL }} {{ .Page.RelPermalink }} \
                 {{ site.Home.RelPermalink }} {{ .Page.Permalink }}</p>",
            ),
            ("content/about.md", "---\ntitle: About\n---\n{{< f >}}\n"),
        ]);
        crate::support::hugo_build(site.path(), "in subdir");
        let hugo = std::fs::read_to_string(site.path().join("public/en/about/index.html")).unwrap();
        let folio = folio_render(&site.path().join("content/about.md"));
        let p = |html: &str| normalise(html.split("<p>").nth(1).unwrap_or_default());
        assert!(p(&hugo).starts_with("/en/about/"), "{hugo}");
        assert_eq!(p(&folio), p(&hugo), "{languages}");
    }
}

#[test]
fn an_inline_shortcode_runs_as_in_hugo_when_the_site_allows_it_and_writes_nothing_otherwise() {
    let page = "---\ntitle: P\n---\n{{< year.inline >}}<i>{{ .Page.Title }} {{ .Get 0 | default \"none\" }}</i>{{< /year.inline >}}\n\n\
                {{< year.inline \"again\" />}}\n";
    for on in [true, false] {
        let site = crate::support::hugo_site(&[
            (
                "hugo.toml",
                &format!("baseURL = \"https://e.org/\"\nenableInlineShortcodes = {on}\n"),
            ),
            ("content/about.md", page),
        ]);
        let (hugo, folio) = hugo_and_folio(site.path(), "inline", "content/about.md");
        assert_eq!(hugo.contains("<i>P none</i>"), on, "{hugo}");
        assert_eq!(normalise(&folio), normalise(&hugo), "{on}");
    }
}

#[test]
fn a_date_written_with_names_in_a_language_folio_has_no_names_for_is_a_warning_of_check() {
    for (lang, warned) in [("ru", true), ("fr", false)] {
        let site = crate::support::hugo_site(&[
            (
                "hugo.toml",
                &format!("baseURL = \"https://e.org/\"\ndefaultContentLanguage = \"{lang}\"\n"),
            ),
            (
                "layouts/shortcodes/f.html",
                "{{ time.Format \":date_long\" \"2024-03-05\" }}|{{ time.Format \"2006-01-02\" \"2024-03-05\" }}",
            ),
            ("content/about.md", "---\ntitle: About\n---\n{{< f >}}\n"),
        ]);
        let found: Vec<String> = folio::check::check_path(&site.path().join("content/about.md"))
            .iter()
            .map(|d| format!("{}:{}: {}", d.line, d.col, d.message))
            .collect();
        let expected: Vec<String> = if warned {
            vec![format!("4:1: Folio has no month and day names or date formats for the language `{lang}`: the preview writes English ones where Hugo writes the language's")]
        } else {
            Vec::new()
        };
        assert_eq!(found, expected, "{lang}");
    }
}

#[test]
fn apply_runs_gos_own_built_ins_as_hugo_does() {
    let (hugo, folio) = shortcode_f(
        "baseURL = \"https://e.org/\"\n",
        "A={{ delimit (apply (slice \"a\" \"b\") \"printf\" \"<li>%s</li>\" \".\") \"\" | safeHTML }}\
         |B={{ apply (slice \"ab\" \"c\") \"len\" \".\" }}|C={{ apply (slice \"a b\") \"urlquery\" \".\" }}",
        "---\ntitle: About\n---\n{{< f >}}\n",
    );
    assert!(
        hugo.contains("A=<li>a</li><li>b</li>|B=[2 1]|C=[a&#43;b]"),
        "{hugo}"
    );
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn an_alert_of_any_type_with_a_title_or_a_fold_sign_reaches_the_blockquote_hook_as_hugo_reads_it() {
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "baseURL = \"https://e.org/\"\n"),
        (
            "layouts/_markup/render-blockquote.html",
            "<div data-type=\"{{ .Type }}\" data-alert=\"{{ .AlertType }}\" data-sign=\"{{ .AlertSign }}\" \
             data-title=\"{{ .AlertTitle }}\">{{ .Text }}</div>\n",
        ),
        (
            "content/about.md",
            "---\ntitle: About\n---\n> [!NOTE]\n> Body *one*.\n\n> [!NOTE] Custom *title*\n> Body two.\n\n\
             > [!TIP]-\n> Folded.\n\n> [!EXAMPLE]+ Worked\n> Example.\n\n> [!warning]\n\n> Plain.\n\n\
             > [!CAUTION]\n> First.\n>\n> Second.\n",
        ),
    ]);
    let (hugo, folio) = hugo_and_folio(site.path(), "alerts", "content/about.md");
    assert!(
        hugo.contains("data-alert=\"example\" data-sign=\"&#43;\" data-title=\"Worked\""),
        "{hugo}"
    );
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn a_code_block_hook_gets_the_highlighting_options_as_written_in_options() {
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "baseURL = \"https://e.org/\"\n"),
        (
            "layouts/_markup/render-codeblock.html",
            "<div data-opts=\"{{ .Options }}\" data-attrs=\"{{ .Attributes }}\">{{ range $k, $v := .Options }}{{ $k }}={{ $v }};{{ end }}</div>\n",
        ),
        (
            "content/about.md",
            "---\ntitle: About\n---\n```go {linenos=table,hl_lines=2,lineNoStart=3,class=\"x\"}\na := 1\n```\n\n\
             ```text {hl_lines=[1,\"3-4\"], anchorLineNos=true}\nt\n```\n\n```go\nplain\n```\n",
        ),
    ]);
    let (hugo, folio) = hugo_and_folio(site.path(), "code block options", "content/about.md");
    assert!(hugo.contains("lineNoStart=3;"), "{hugo}");
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn a_code_block_hook_highlights_through_highlight_code_block_as_hugo_does() {
    // hugo-book's hook: a file name above the block, the block as Hugo would write it.
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "baseURL = \"https://e.org/\"\n"),
        (
            "layouts/_markup/render-codeblock.html",
            "{{ with .Attributes.filename }}<code class=\"name\">{{ . }}</code>{{ end }}\
             {{ (transform.HighlightCodeBlock . .Options).Wrapped }}\
             <i>{{ (transform.HighlightCodeBlock . \"linenos=inline\").Inner }}</i>\
             <u>{{ (transform.HighlightCodeBlock . \"linenos=table\").Inner }}</u>\
             <b>{{ (transform.HighlightCodeBlock . (dict \"type\" \"text\")).Inner }}</b>\n",
        ),
        (
            "content/about.md",
            "---\ntitle: About\n---\n```go {filename=\"main.go\" hl_lines=2}\npackage main\nimport \"fmt\"\n```\n\n\
             ```\nno language <here>\n```\n",
        ),
    ]);
    let (hugo, folio) = hugo_and_folio(site.path(), "HighlightCodeBlock", "content/about.md");
    assert!(
        hugo.contains("<code class=\"name\">main.go</code>"),
        "{hugo}"
    );
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn a_bundle_files_url_is_path_escaped_and_its_media_type_is_hugos() {
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "baseURL = \"https://e.org/\"\n"),
        (
            "layouts/shortcodes/f.html",
            "{{ range .Page.Resources }}{{ .RelPermalink }}|{{ .MediaType.Type }}|{{ .ResourceType }};{{ end }}\
             {{ with .Page.Resources.GetMatch \"*.yaml\" }}{{ .Content }}{{ end }}",
        ),
        ("content/about/index.md", "---\ntitle: About\n---\n{{< f >}}\n"),
        ("content/about/a b.txt", "x"),
        ("content/about/café (1).txt", "x"),
        ("content/about/data.yaml", "k: v"),
        ("content/about/site.webmanifest", "{}"),
        ("content/about/cal.ics", "x"),
    ]);
    let (hugo, folio) = hugo_and_folio(site.path(), "bundle", "content/about/index.md");
    assert!(
        hugo.contains("/about/a%20b.txt|text/plain|text;/about/caf%C3%A9%20%281%29.txt|"),
        "{hugo}"
    );
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn the_table_of_contents_links_to_the_ids_of_headings_that_hold_a_shortcode() {
    let site = site_with(
        &[
            ("icon", "<i class=\"fa\"></i>"),
            ("toc", "<nav>{{ .Page.TableOfContents }}</nav>"),
        ],
        "{{< toc >}}\n\n## {{< icon >}} Experience\n\n## About {{< icon >}} me\n\n## Plain\n\n## {{< icon >}}\n",
    );
    let html = folio_render(&site.path().join("content/page.md"));
    let hrefs: Vec<&str> = html
        .split("href=\"#")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .collect();
    assert_eq!(hrefs[..3], ["experience", "about--me", "plain"], "{html}");
    assert_eq!(
        hrefs.len(),
        4,
        "a heading that is only a call is listed: {html}"
    );
    for id in hrefs {
        assert!(html.contains(&format!("id=\"{id}\"")), "{id}: {html}");
    }
}

#[test]
fn the_table_of_contents_holds_what_a_percent_call_in_a_heading_writes() {
    // Review 59a, 2: the call's output was left out of the entry and of its link, which
    // then named no heading.
    for unsafe_html in ["false", "true"] {
        let site = crate::support::hugo_site(&[
            (
                "hugo.toml",
                &format!(
                    "baseURL = \"https://e.org/\"\n[markup.goldmark.renderer]\nunsafe = {unsafe_html}\n"
                ),
            ),
            (
                "layouts/shortcodes/tech.html",
                "<span class=\"chip\">{{ .Get 0 }}</span>",
            ),
            ("layouts/shortcodes/toc.html", "{{ .Page.TableOfContents }}"),
            (
                "content/about.md",
                "---\ntitle: About\n---\n\n{{< toc >}}\n\n## Open source {{% tech \"OSS\" %}}\n\n## Plain\n",
            ),
        ]);
        let (hugo, folio) = hugo_and_folio(
            site.path(),
            "a percent call in a heading",
            "content/about.md",
        );
        assert!(hugo.contains("<a href=\"#open-source-oss\">"), "{hugo}");
        assert_eq!(
            normalise(&folio),
            normalise(&hugo),
            "unsafe = {unsafe_html}"
        );
    }
}

#[test]
fn a_themes_language_params_are_under_the_sites_and_over_its_top_level_ones() {
    // Review 59a, 3: a theme's `[languages.fr.params]` were left out.
    let site = crate::support::hugo_site(&[
        (
            "hugo.toml",
            "baseURL = \"https://e.org/\"\ntheme = \"t\"\ndefaultContentLanguage = \"en\"\n\
             [params]\na = \"site-root-a\"\nb = \"site-root-b\"\n\
             [languages.en]\nweight = 1\n[languages.en.params]\nd = \"site-en-d\"\n\
             [languages.fr]\nweight = 2\n",
        ),
        (
            "themes/t/hugo.toml",
            "[params]\na = \"theme-root-a\"\nb = \"theme-root-b\"\n\
             [languages.en.params]\na = \"theme-en-a\"\nc = \"theme-en-c\"\n\
             [languages.FR.params]\na = \"theme-fr-a\"\n",
        ),
        (
            "layouts/shortcodes/f.html",
            "<p>[{{ site.Params.a }}|{{ site.Params.b }}|{{ site.Params.c }}|{{ site.Params.d }}]</p>",
        ),
        ("content/about.md", "---\ntitle: About\n---\n{{< f >}}\n"),
        ("content/about.fr.md", "---\ntitle: À propos\n---\n{{< f >}}\n"),
    ]);
    both_show(
        site.path(),
        &[
            (
                "content/about.md",
                "about",
                "[theme-en-a|site-root-b|theme-en-c|site-en-d]",
            ),
            (
                "content/about.fr.md",
                "fr/about",
                "[theme-fr-a|site-root-b||]",
            ),
        ],
    );
}

/// Hugo's build of `site`, each page (`content/…`, built at `public/URL/index.html`)
/// showing `want` in Hugo's HTML and in Folio's render.
fn both_show(site: &Path, pages: &[(&str, &str, &str)]) {
    crate::support::hugo_build(site, "the pages");
    for (page, url, want) in pages {
        let built = site.join("public").join(url).join("index.html");
        let hugo = std::fs::read_to_string(built).unwrap();
        assert!(hugo.contains(want), "{page}: {hugo}");
        let folio = folio_render(&site.join(page));
        assert!(folio.contains(want), "{page}: {folio}");
    }
}

#[test]
fn the_home_page_a_template_reaches_has_its_translations() {
    // Review 59a, 4: `.Site.Home` and `GetPage "/"` had none, and were not translated.
    let site = crate::support::hugo_site(&[
        (
            "hugo.toml",
            "baseURL = \"https://e.org/\"\ndefaultContentLanguage = \"en\"\n\
             [languages.en]\nweight = 1\n[languages.de]\nweight = 2\n",
        ),
        (
            "layouts/shortcodes/f.html",
            "<p>A:{{ range site.Home.Translations }}{{ .Lang }}={{ .Title }};{{ end }}\
             |B:{{ range site.Home.AllTranslations }}{{ .Lang }};{{ end }}\
             |C:{{ with site.GetPage \"/\" }}{{ range .Translations }}{{ .Lang }};{{ end }}{{ end }}\
             |E:{{ site.Home.IsTranslated }}|F:{{ range .Page.Translations }}{{ .Title }};{{ end }}</p>",
        ),
        ("content/_index.md", "---\ntitle: Home\n---\n"),
        ("content/_index.de.md", "---\ntitle: Startseite\n---\n"),
        ("content/about.md", "---\ntitle: About\n---\n{{< f >}}\n"),
        ("content/about.de.md", "---\ntitle: Über\n---\n{{< f >}}\n"),
    ]);
    both_show(
        site.path(),
        &[
            (
                "content/about.md",
                "about",
                "A:de=Startseite;|B:en;de;|C:de;|E:true|F:Über;",
            ),
            (
                "content/about.de.md",
                "de/about",
                "A:en=Home;|B:en;de;|C:en;|E:true|F:About;",
            ),
        ],
    );
}

#[test]
fn a_toml_pages_offset_date_time_is_its_date() {
    let (hugo, folio) = shortcode_f(
        "baseURL = \"https://e.org/\"\n",
        "A={{ .Page.Date.Format \"2006-01-02\" }}|B={{ .Page.Lastmod.Year }}",
        "+++\ntitle = \"About\"\ndate = 2024-06-01T10:00:00Z\nlastmod = 2025-01-02T03:04:05+02:00\n+++\n{{< f >}}\n",
    );
    assert!(hugo.contains("A=2024-06-01|B=2025"), "{hugo}");
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn with_tables_off_a_paragraph_of_pipes_stays_one_paragraph_as_goldmark_leaves_it() {
    let (hugo, folio) = shortcode_f(
        "baseURL = \"https://e.org/\"\n[markup.goldmark.extensions]\ntable = false\n",
        "x",
        "---\ntitle: About\n---\nSome text\n| a | b |\n| - | - |\n",
    );
    assert!(hugo.contains("<p>Some text\n| a | b |"), "{hugo}");
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn config_keys_are_read_in_any_case_as_in_hugo() {
    let (hugo, folio) = shortcode_f(
        "baseurl = \"https://e.org/\"\nTitle = \"Cap\"\nDefaultContentLanguage = \"fr\"\n\
         Copyright = \"(c) Me\"\n\
         [Params]\nsubTitle = \"x\"\n[Params.author]\nname = \"Ann\"\n\
         [Languages]\n[Languages.fr]\nTitle = \"Mon site\"\nWeight = 1\n\
         [Languages.fr.Params]\nGreeting = \"Bonjour\"\n\
         [Languages.en]\nweight = 2\n",
        "<p>{{ site.Title }}|{{ site.BaseURL }}|{{ site.Params.subTitle }}|\
         {{ site.Params.author.name }}|{{ site.Params.greeting }}|{{ site.Language.Lang }}|\
         {{ site.Copyright }}|{{ len site.Languages }}</p>",
        "---\ntitle: About\n---\n{{< f >}}\n",
    );
    assert!(
        hugo.contains("<p>Mon site|https://e.org/|x|Ann|Bonjour|fr|(c) Me|2</p>"),
        "{hugo}"
    );
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn a_param_the_page_sets_to_nothing_is_not_the_sites_as_in_hugo() {
    let (hugo, folio) = shortcode_f(
        "baseURL = \"https://e.org/\"\n[params]\nimage = \"/img/site.png\"\ncolor = \"red\"\n",
        "<p>{{ with .Page.Param \"image\" }}{{ . }}{{ else }}none{{ end }}|{{ .Page.Param \"color\" }}</p>",
        "---\ntitle: About\nimage:\n---\n{{< f >}}\n",
    );
    assert!(hugo.contains("<p>none|red</p>"), "{hugo}");
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn hugos_param_prints_a_map_with_its_keys_in_lower_case_as_hugo_holds_them() {
    // Hunt AO, 13: the keys were printed as written (map[Other:y Value:x]).
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "baseURL = \"https://e.org/\"\n[params.Site]\nKey = 1\n"),
        (
            "content/about.md",
            "---\ntitle: About\nnested:\n  Deep:\n    Value: x\n    Other: y\n  List:\n    - {Aa: 1, Bb: {Cc: 2}}\n---\n\
             {{< param \"nested\" >}} {{< param \"nested.deep\" >}} {{< param \"site\" >}}\n",
        ),
    ]);
    let (hugo, folio) = hugo_and_folio(site.path(), "param of a map", "content/about.md");
    assert!(hugo.contains("map[other:y value:x] map[key:1]"), "{hugo}");
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn canonify_urls_and_relative_urls_point_the_pages_root_relative_urls_as_in_hugo() {
    // Hunt AO, 10: both settings were not read.
    let page =
        "---\ntitle: P\n---\n{{< f >}} and [md](/contact/) ![i](/i.png) [cdn](//cdn.e.org/x)\n";
    let template = "<a href=\"/about/\">a</a> <a href='/blog/b/'>b</a> \
                    <img srcset=\"/s.png 1x, /t.png 2x\"> <a href=\"{{ \"c/\" | relURL }}\">c</a>";
    for config in [
        "canonifyURLs = true\n",
        "relativeURLs = true\n",
        "canonifyURLs = true\nrelativeURLs = true\n",
    ] {
        let site = crate::support::hugo_site(&[
            (
                "hugo.toml",
                &format!("baseURL = \"https://e.org/blog/\"\n{config}"),
            ),
            ("layouts/shortcodes/f.html", template),
            ("content/work/p.md", page),
        ]);
        crate::support::hugo_build(site.path(), config);
        let hugo = std::fs::read_to_string(site.path().join("public/work/p/index.html")).unwrap();
        let folio = folio_render(&site.path().join("content/work/p.md"));
        assert_eq!(normalise(&folio), normalise(&hugo), "{config}");
    }
}

#[test]
fn the_front_matter_keys_hugo_reads_for_the_page_are_in_its_params_as_hugo_keeps_them() {
    // Hunt AN, 7: a `layout` map stayed a map (Hugo: "", and `$l.cols` stops it), and
    // `keywords: "x, y"` a text (Hugo: a list of `x,` and `y`).
    let page =
        "---\ntitle: 5\nlinkTitle: 7\nlayout: {cols: 3}\ndescription: {a: 1}\nsummary: [s]\n\
                keywords: \"x, y\"\nweight: \"3\"\ntype: true\nheadless: \"false\"\n\
                translationKey: 9\nparams:\n  description: own\n---\n{{< f >}}\n";
    let template =
        "<p>{{ with .Page.Params }}{{ .title }}|{{ .linktitle }}|{{ .linkTitle }}|[{{ .layout }}]|\
                    [{{ .description }}]|[{{ .summary }}]|{{ range .keywords }}({{ . }}){{ end }}|\
                    {{ add .weight 1 }}|{{ .type }}|{{ .headless }}|{{ .translationkey }}{{ end }}|\
                    {{ len .Page.Keywords }}</p>";
    let (hugo, folio) = shortcode_f("baseURL = \"https://e.org/\"\n", template, page);
    assert!(
        hugo.contains("<p>5|7|7|[]|[own]|[]|(x,)(y)|4|true|false|9|2</p>"),
        "{hugo}"
    );
    assert_eq!(normalise(&folio), normalise(&hugo));
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "title = \"T\"\n"),
        (
            "layouts/shortcodes/f.html",
            "<p>{{ .Page.Params.layout.cols }}</p>",
        ),
        (
            "content/about.md",
            "---\ntitle: P\nlayout: {cols: 3}\n---\n\n{{< f >}}\n",
        ),
    ]);
    let says = "can't evaluate field cols in type string";
    let hugo = crate::support::hugo_run(site.path(), &[]).unwrap_err();
    assert!(hugo.contains(says), "{hugo}");
    let found = checked(&site.path().join("content/about.md"));
    assert!(
        found
            .iter()
            .any(|f| f.contains("error") && f.contains(says)),
        "{found:?}"
    );
}

#[test]
fn a_base_url_without_a_trailing_slash_gets_one_as_in_hugo() {
    let (hugo, folio) = shortcode_f(
        "baseURL = \"https://e.org/blog\"\n",
        "<p>{{ site.BaseURL }}files/cv.pdf {{ \"x.png\" | relURL }} {{ \"x.png\" | absURL }}</p>",
        "---\ntitle: About\n---\n{{< f >}}\n",
    );
    assert!(
        hugo.contains(
            "<p>https://e.org/blog/files/cv.pdf /blog/x.png https://e.org/blog/x.png</p>"
        ),
        "{hugo}"
    );
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn params_from_every_config_file_are_merged_as_in_hugo() {
    let template = "<p>{{ site.Title }}|{{ site.Params.a }}|{{ site.Params.b }}|\
                    {{ site.Params.n.x }}|{{ site.Params.n.y }}</p>";
    let page = "---\ntitle: About\n---\n{{< f >}}\n";
    // The config folder's hugo.toml with [params] and its params.toml; a root config and
    // the config folder's own config file and params file.
    let sites = [
        vec![
            (
                "config/_default/hugo.toml",
                "baseURL = \"https://e.org/\"\ntitle = \"Dir\"\n\
                 [params]\na = \"inline\"\nb = \"inline\"\n[params.n]\nx = \"ix\"\n",
            ),
            (
                "config/_default/params.toml",
                "a = \"file\"\n[n]\ny = \"fy\"\n",
            ),
        ],
        vec![
            (
                "hugo.yaml",
                "baseURL: https://e.org/\ntitle: Root\nparams:\n  a: root\n  n:\n    x: rx\n",
            ),
            (
                "config/_default/hugo.toml",
                "title = \"Dir\"\n[params]\nb = \"dir\"\n",
            ),
            ("config/_default/params.toml", "[n]\ny = \"fy\"\n"),
        ],
    ];
    for files in sites {
        let mut files = files;
        files.push(("layouts/shortcodes/f.html", template));
        files.push(("content/about.md", page));
        let site = crate::support::hugo_site(&files);
        let (hugo, folio) = hugo_and_folio(site.path(), "params merged", "content/about.md");
        assert!(hugo.contains("<p>Dir|"), "{hugo}");
        assert_eq!(normalise(&folio), normalise(&hugo));
    }
}

#[test]
fn a_themes_markup_settings_apply_as_the_sites_merge_asks_as_in_hugo() {
    let theme_markup = "[goldmark.renderer]\nunsafe = true\n";
    let base = "baseURL = \"https://e.org/\"\ntheme = \"t\"\n";
    // The site asks for the theme's markup shallowly (FixIt's setup) or deeply, from the
    // theme's config or its config folder, in its markup table or at its top; or asks
    // shallowly for a table it has itself, or does not ask, and gets none of it.
    let cases = [
        (
            "[markup]\n_merge = \"shallow\"\n",
            "themes/t/hugo.toml",
            true,
        ),
        (
            "[markup]\n_merge = \"deep\"\n[markup.goldmark.extensions]\ntypographer = true\n",
            "themes/t/config/_default/markup.toml",
            true,
        ),
        ("_merge = \"deep\"\n", "themes/t/hugo.toml", true),
        (
            "[markup]\n_merge = \"Shallow\"\n[markup.goldmark.extensions]\ntypographer = true\n",
            "themes/t/hugo.toml",
            true,
        ),
        (
            "[markup]\n_merge = \"shallow\"\n[markup.goldmark.extensions]\ntypographer = true\n",
            "themes/t/hugo.toml",
            false,
        ),
        (
            "[markup.goldmark.extensions]\ntypographer = true\n",
            "themes/t/hugo.toml",
            false,
        ),
    ];
    for (site_config, theme_file, raw_kept) in cases {
        let config = format!("{base}{site_config}");
        let theme = if theme_file.ends_with("hugo.toml") {
            format!(
                "[markup]\n{}",
                theme_markup.replace("[goldmark", "[markup.goldmark")
            )
        } else {
            theme_markup.to_string()
        };
        let site = crate::support::hugo_site(&[
            ("hugo.toml", config.as_str()),
            (theme_file, theme.as_str()),
            (
                "content/about.md",
                "---\ntitle: About\n---\n<span class=\"x\">raw</span> text\n",
            ),
        ]);
        let (hugo, folio) = hugo_and_folio(site.path(), "theme markup", "content/about.md");
        assert_eq!(
            hugo.contains("<span class=\"x\">"),
            raw_kept,
            "{config}\n{hugo}"
        );
        assert_eq!(normalise(&folio), normalise(&hugo), "{config}");
    }
}

#[test]
fn isset_with_a_key_in_capitals_is_false_as_params_keys_are_lowercase_in_hugo() {
    let (hugo, folio) = shortcode_f(
        "baseURL = \"https://e.org/\"\n[params]\ngithubUser = \"octo\"\n",
        "<p>{{ isset .Site.Params \"githubUser\" }} {{ isset .Site.Params \"githubuser\" }} \
         {{ .Site.Params.githubUser }} {{ isset .Page.Params \"heroImage\" }} \
         {{ .Page.Params.heroImage }} {{ isset (dict \"a\" 1) \"a\" }}</p>",
        "---\ntitle: About\nheroImage: x.jpg\n---\n{{< f >}}\n",
    );
    assert!(
        hugo.contains("<p>false true octo false x.jpg true</p>"),
        "{hugo}"
    );
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn regional_englishes_write_dates_and_times_as_in_hugo() {
    let template = "<p>{{ $t := time.AsTime \"2024-09-05T14:04:05Z\" }}{{ range slice \
                    \":date_full\" \":date_long\" \":date_medium\" \":date_short\" \":time_long\" \
                    \":time_short\" }}{{ $t | time.Format . }}|{{ end }}</p>";
    for code in [
        "en-AU", "en-NZ", "en-IN", "en-IE", "en-CA", "en-ZA", "en-GB", "en-US",
    ] {
        let config = format!("baseURL = \"https://e.org/\"\nlanguageCode = \"{code}\"\n");
        let (hugo, folio) = shortcode_f(&config, template, "---\ntitle: About\n---\n{{< f >}}\n");
        assert!(hugo.contains("2024|"), "{hugo}");
        assert_eq!(normalise(&folio), normalise(&hugo), "{code}");
    }
}

#[test]
fn locales_write_dates_times_and_numbers_as_in_hugo_and_unchecked_regions_are_said() {
    // Reviews 61a and 61b: Spanish `9:05` (Folio `09:05`), English `9:05\u{202f}am`,
    // en-AU `June`, en-ZA `1\u{a0}234,5`; `pt-PT` and `es-MX` written as `pt` and `es`,
    // with nothing said.
    let template = "<p>{{ $t := time.AsTime \"2025-06-12T09:05:00Z\" }}\
                    {{ time.Format \"Mon Monday Jan January\" $t }}|{{ range slice \":date_full\" \
                    \":date_long\" \":date_medium\" \":date_short\" \":time_long\" \":time_medium\" \
                    \":time_short\" }}{{ $t | time.Format . }}|{{ end }}\
                    {{ lang.FormatNumber 2 1234567.891 }}|{{ lang.FormatPercent 1 12.34 }}</p>";
    let page = "---\ntitle: About\n---\n{{< f >}}\n";
    for code in [
        "es", "es-ES", "en-US", "en-AU", "en-ZA", "de-DE", "fr-FR", "pt-BR",
    ] {
        let config = format!("baseURL = \"https://e.org/\"\nlanguageCode = \"{code}\"\n");
        let (hugo, folio) = shortcode_f(&config, template, page);
        assert!(hugo.contains("2025|"), "{hugo}");
        assert_eq!(paragraphs(&folio), paragraphs(&hugo), "{code}");
    }
    // Review 61c: `ja` numbers and `de-CH` dates are CLDR's, and en-DE's numbers are not.
    for (code, said) in [
        ("pt-PT", 2),
        ("es-MX", 2),
        ("de-DE", 0),
        ("en-GB", 0),
        ("de-CH", 0),
        ("en-DE", 2),
    ] {
        let site = crate::support::hugo_site(&[
            (
                "hugo.toml",
                &format!("baseURL = \"https://e.org/\"\nlanguageCode = \"{code}\"\n"),
            ),
            ("layouts/shortcodes/f.html", template),
            ("content/about.md", page),
        ]);
        let found = checked(&site.path().join("content/about.md"));
        let told = found
            .iter()
            .filter(|f| f.contains(&format!("locale `{code}`")))
            .count();
        assert_eq!(told, said, "{code}: {found:?}");
    }
}

#[test]
fn heading_attributes_with_quoted_values_and_id_or_class_keys_are_read_as_goldmark_reads_them() {
    let page = "---\ntitle: About\n---\n## A {#foo .bar data-baz=\"qux\"}\n\n\
                ## B {class=\"foo bar\" title=\"xx yy zz\"}\n\n## C {.x id=plain}\n";
    let hook = "<h{{ .Level }} id=\"{{ .Anchor }}\" data-attrs=\"{{ .Attributes }}\">\
                {{ .Text }}</h{{ .Level }}>\n";
    // Each heading's text and attributes, in any order (Goldmark writes them as written).
    let headings = |html: &str| {
        let doc = scraper::Html::parse_fragment(html);
        let h2 = scraper::Selector::parse("h2").unwrap();
        doc.select(&h2)
            .map(|h| {
                let attributes = crate::support::sorted_attributes(h, &[]);
                (h.text().collect::<String>(), attributes)
            })
            .collect::<Vec<_>>()
    };
    for hook in [None, Some(hook)] {
        let mut files = vec![
            ("hugo.toml", "baseURL = \"https://e.org/\"\n"),
            ("content/about.md", page),
        ];
        if let Some(hook) = hook {
            files.push(("layouts/_default/_markup/render-heading.html", hook));
        }
        let site = crate::support::hugo_site(&files);
        let (hugo, folio) = hugo_and_folio(site.path(), "heading attributes", "content/about.md");
        assert!(
            hugo.contains("plain") && hugo.contains("xx yy zz"),
            "{hugo}"
        );
        assert_eq!(headings(&folio), headings(&hugo), "{folio}");
    }
}

#[test]
fn a_pages_file_has_hugos_unique_id() {
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "baseURL = \"https://e.org/\"\n"),
        (
            "layouts/shortcodes/f.html",
            "<p id=\"tabs-{{ .Page.File.UniqueID }}-{{ .Ordinal }}\">{{ .Page.File.Path }}</p>",
        ),
        (
            "content/work/about.md",
            "---\ntitle: About\n---\n{{< f >}}\n",
        ),
    ]);
    crate::support::hugo_build(site.path(), "unique id");
    let hugo = std::fs::read_to_string(site.path().join("public/work/about/index.html")).unwrap();
    let folio = folio_render(&site.path().join("content/work/about.md"));
    assert!(hugo.contains("<p id=\"tabs-"), "{hugo}");
    let p = |html: &str| html.split("<p").nth(1).unwrap_or_default().to_string();
    assert_eq!(p(&folio), p(&hugo));
}

#[test]
fn guess_syntax_highlights_code_of_no_language_as_chromas_fallback_as_in_hugo() {
    for settings in [
        "guessSyntax = true\n",
        "guessSyntax = true\nlineNos = true\n",
        "",
    ] {
        let config = format!("baseURL = \"https://e.org/\"\n[markup.highlight]\n{settings}");
        let site = crate::support::hugo_site(&[
            ("hugo.toml", config.as_str()),
            (
                "content/about.md",
                "---\ntitle: About\n---\n```\nnpm run build\n```\n\n```nosuchlang\nx = 1\n```\n",
            ),
        ]);
        let (hugo, folio) = hugo_and_folio(site.path(), "guess syntax", "content/about.md");
        assert_eq!(
            hugo.contains("language-fallback"),
            !settings.is_empty(),
            "{hugo}"
        );
        assert_eq!(normalise(&folio), normalise(&hugo), "{settings}");
    }
}

#[test]
fn a_cascade_fills_what_the_page_does_not_set_as_in_hugo() {
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "baseURL = \"https://e.org/\"\n"),
        (
            "layouts/shortcodes/f.html",
            "<p>{{ .Page.Title }}|{{ .Page.Description }}|{{ .Page.Params.title }}|\
             {{ .Page.Params.color }}|{{ .Page.Params.size }}|{{ .Page.Params.x }}</p>",
        ),
        (
            "content/work/_index.md",
            "---\ntitle: Work\ncascade:\n  title: CascadeTitle\n  description: cdesc\n  \
             size: S\n  params:\n    color: red\n    x: 1\n---\n",
        ),
        (
            "content/work/about.md",
            "---\ncolor: green\nparams:\n  title: PT\n  size: L\n---\n{{< f >}}\n",
        ),
    ]);
    crate::support::hugo_build(site.path(), "cascade");
    let hugo = std::fs::read_to_string(site.path().join("public/work/about/index.html")).unwrap();
    let folio = folio_render(&site.path().join("content/work/about.md"));
    assert!(
        hugo.contains("<p>CascadeTitle|cdesc|PT|green|L|1</p>"),
        "{hugo}"
    );
    let p = |html: &str| html.split("<p>").nth(1).unwrap_or_default().to_string();
    assert_eq!(p(&folio), p(&hugo));
}

#[test]
fn a_config_folder_file_is_unwrapped_only_by_its_own_name_as_written_as_in_hugo() {
    for (markup, raw_kept) in [
        ("[markup.goldmark.renderer]\nunsafe = true\n", true),
        ("[goldmark.renderer]\nunsafe = true\n", true),
        ("[Markup.goldmark.renderer]\nunsafe = true\n", false),
    ] {
        let site = crate::support::hugo_site(&[
            (
                "config/_default/hugo.toml",
                "baseURL = \"https://e.org/\"\n",
            ),
            ("config/_default/markup.toml", markup),
            (
                "content/about.md",
                "---\ntitle: About\n---\n<span class=\"x\">raw</span> text\n",
            ),
        ]);
        let (hugo, folio) = hugo_and_folio(site.path(), "markup file", "content/about.md");
        assert_eq!(
            hugo.contains("<span class=\"x\">"),
            raw_kept,
            "{markup}\n{hugo}"
        );
        assert_eq!(normalise(&folio), normalise(&hugo), "{markup}");
    }
}

#[test]
fn the_param_shortcode_finds_what_dot_param_finds_and_check_flags_what_hugo_refuses() {
    let config = "baseURL = \"https://e.org/\"\n[params]\nimage = \"/site.png\"\n\
                  [params.author]\nname = \"SiteAnn\"\n";
    let site = crate::support::hugo_site(&[
        ("hugo.toml", config),
        (
            "content/about.md",
            "---\ntitle: About\nauthor:\n  name:\n---\n[{{< param \"author.name\" >}}]\n",
        ),
    ]);
    let (hugo, folio) = hugo_and_folio(site.path(), "param", "content/about.md");
    assert!(hugo.contains("[SiteAnn]"), "{hugo}");
    assert_eq!(normalise(&folio), normalise(&hugo));
    // A key the page sets to nothing is the page's nil: Hugo's shortcode fails the build.
    let page = site.path().join("content/about.md");
    std::fs::write(
        &page,
        "---\ntitle: About\nimage:\n---\n{{< param image >}}\n",
    )
    .unwrap();
    assert!(crate::support::hugo_run(site.path(), &[]).is_err());
    let problems = folio::check::check_path(&page);
    assert!(
        problems
            .iter()
            .any(|p| p.to_string().contains("param `image` is not set")),
        "{problems:?}"
    );
}

#[test]
fn a_renamed_page_resource_is_matched_by_its_file_name_only_when_no_name_matches_as_in_hugo() {
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "baseURL = \"https://e.org/\"\n"),
        (
            "layouts/shortcodes/f.html",
            "<p>{{ range .Page.Resources.Match \"gallery/*\" }}{{ .Name }};{{ end }}|\
             {{ (.Page.Resources.GetMatch \"gallery/*\").Name }}|\
             {{ range .Page.Resources.Match \"feat*\" }}{{ .Name }};{{ end }}|\
             {{ range .Page.Resources.Match \"gallery/one*\" }}{{ .Name }};{{ end }}</p>",
        ),
        (
            "content/about/index.md",
            "---\ntitle: About\nresources:\n  - src: gallery/one.txt\n    name: featured\n---\n{{< f >}}\n",
        ),
        ("content/about/gallery/one.txt", "one"),
        ("content/about/gallery/two.txt", "two"),
    ]);
    let (hugo, folio) = hugo_and_folio(site.path(), "renamed resources", "content/about/index.md");
    assert!(
        hugo.contains("<p>gallery/two.txt;|gallery/two.txt|featured;|featured;</p>"),
        "{hugo}"
    );
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn get_finds_a_page_resource_through_a_variable_a_with_a_dict_or_a_partials_context_as_in_hugo() {
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "baseURL = \"https://e.org/\"\n"),
        (
            "layouts/shortcodes/f.html",
            "{{- $res := .Page.Resources -}}\
             <p>{{ with $res.Get \"a.txt\" }}{{ .RelPermalink }}{{ end }}|\
             {{ with .Page.Resources }}{{ with .Get \"a.txt\" }}{{ .Name }}{{ end }}{{ end }}|\
             {{ with (.Page.Resources).Get \"a.txt\" }}{{ .Name }}{{ end }}|\
             {{ $d := dict \"r\" .Page.Resources }}{{ with $d.r.Get \"a.txt\" }}{{ .Name }}{{ end }}|\
             {{ partial \"get.html\" .Page.Resources }}|\
             {{ with $res.Get \"missing.txt\" }}found{{ else }}none{{ end }}|\
             {{ with .Page.Resources.Get \"./a.txt\" }}{{ .Name }}{{ end }}|\
             {{ with $res.Get \"./a.txt\" }}{{ .Name }}{{ end }}</p>",
        ),
        (
            "layouts/partials/get.html",
            "{{ with .Get \"a.txt\" }}{{ .Content }}{{ end }}",
        ),
        ("content/about/index.md", "---\ntitle: About\n---\n{{< f >}}\n"),
        ("content/about/a.txt", "alpha"),
    ]);
    let (hugo, folio) = hugo_and_folio(
        site.path(),
        "resources in a variable",
        "content/about/index.md",
    );
    assert!(
        hugo.contains("<p>/about/a.txt|a.txt|a.txt|a.txt|alpha|none|a.txt|a.txt</p>"),
        "{hugo}"
    );
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn line_breaks_rules_images_and_link_titles_are_written_byte_for_byte_as_hugos_goldmark_writes_them(
) {
    let (hugo, folio) = shortcode_f(
        "baseURL = \"https://e.org/\"\n",
        "{{ \"x  \\ny\\n\\n---\\n\\n![in *f*](b.png)\" | markdownify }}",
        "---\ntitle: About\n---\na  \nb\\\nc\n\n***\n\n![alt *x* `c`](a.png \"T\")\n\n\
         ![a <b>bold</b> one](d.png \"T's\")\n\n[l](b \"it's & <x>\") <me@x.org>\n\n{{< f >}}\n",
    );
    for written in [
        "<br>",
        "<hr>",
        "<img src=\"d.png\" alt=\"a bold one\" title=\"T's\">",
        "<a href=\"b\" title=\"it's &amp; &lt;x&gt;\">l</a>",
        "<a href=\"mailto:me@x.org\">me@x.org</a>",
        "<img src=\"a.png\" alt=\"alt x c\" title=\"T\">",
    ] {
        assert!(hugo.contains(written), "{hugo}");
    }
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn a_link_hook_folio_cannot_run_is_reported_at_the_first_link_it_fails_on() {
    let site = crate::support::hugo_site(&[
        (
            "hugo.toml",
            "baseURL = \"https://e.org/\"\n[markup.goldmark.renderer]\nunsafe = true\n",
        ),
        (
            "layouts/_markup/render-link.html",
            "{{ with resources.GetRemote .Destination }}<a href=\"{{ .RelPermalink }}\">\
             {{ else }}<a href=\"{{ .Destination }}\">{{ end }}{{ .Text }}</a>",
        ),
        (
            "content/about.md",
            "---\ntitle: About\n---\n\nSome text, ![p](other.md.png).\n\n    [x](other.md) in code\n\n\
             More text, then [the other page](other.md)\nand [again](other.md).\n",
        ),
        ("content/other.md", "---\ntitle: Other\n---\n"),
    ]);
    let found: Vec<String> = folio::check::check_path(&site.path().join("content/about.md"))
        .iter()
        .map(ToString::to_string)
        .filter(|d| d.contains("render-link.html"))
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
    // Line 9, at the link (not the image to `other.md.png`, nor the link shown as code).
    assert!(found[0].contains("about.md:9:17:"), "{found:?}");
}

#[test]
fn with_xhtml_on_void_elements_are_closed_the_xhtml_way_as_hugos_goldmark_closes_them() {
    let (hugo, folio) = shortcode_f(
        "baseURL = \"https://e.org/\"\n[markup.goldmark.renderer]\nxhtml = true\n",
        "{{ \"x  \\ny\" | markdownify }}",
        "---\ntitle: About\n---\na  \nb\n\n***\n\n![its *x*](a.png \"T's\")\n\n{{< f >}}\n",
    );
    for written in [
        "<br />",
        "<hr />",
        "<img src=\"a.png\" alt=\"its x\" title=\"T's\" />",
    ] {
        assert!(hugo.contains(written), "{hugo}");
    }
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn a_files_translation_base_name_keeps_its_dots_and_drops_only_its_language() {
    let site = crate::support::hugo_site(&[
        (
            "hugo.toml",
            "baseURL = \"https://e.org/\"\n[languages.en]\nweight = 1\n[languages.pt-br]\nweight = 2\n",
        ),
        (
            "layouts/shortcodes/f.html",
            "<p>{{ .Page.File.TranslationBaseName }}|{{ .Page.File.ContentBaseName }}|\
             {{ .Page.File.BaseFileName }}</p>",
        ),
        ("content/v1.2.md", "---\ntitle: One\n---\n{{< f >}}\n"),
        ("content/v1.2.pt-br.md", "---\ntitle: Um\n---\n{{< f >}}\n"),
    ]);
    hugo_build(site.path(), "dotted names");
    for (page, published, hugo_says) in [
        (
            "content/v1.2.md",
            "public/v1.2/index.html",
            "<p>v1.2|v1.2|v1.2</p>",
        ),
        (
            "content/v1.2.pt-br.md",
            "public/pt-br/v1.2/index.html",
            "<p>v1.2|v1.2|v1.2.pt-br</p>",
        ),
    ] {
        let hugo = std::fs::read_to_string(site.path().join(published)).unwrap();
        assert!(hugo.contains(hugo_says), "{hugo}");
        let folio = folio_render(&site.path().join(page));
        assert!(folio.contains(hugo_says), "{folio}");
    }
}

#[test]
fn markdownify_of_a_heading_and_a_paragraph_loses_its_trailing_newline_as_in_hugo() {
    // With the newline, a `{{% %}}` call's output gains a blank line before the template's
    // indented `</div>`, which then reads as code.
    let (hugo, folio) = shortcode_f(
        "baseURL = \"https://e.org/\"\n[markup.goldmark.renderer]\nunsafe = true\n",
        "<div class=\"card\">\n{{ .Inner | markdownify }}\n    </div>\n\
         <div class=\"rs\">\n{{ .Page.RenderString .Inner }}\n    </div>",
        "---\ntitle: About\n---\n{{% f %}}\n## Title\n\nBody text.\n{{% /f %}}\n",
    );
    assert!(!hugo.contains("<pre>"), "{hugo}");
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn with_block_attributes_on_a_line_of_them_gives_the_block_above_its_class_in_the_page_and_in_markdownify(
) {
    let (hugo, folio) = shortcode_f(
        "baseURL = \"https://e.org/\"\n[markup.goldmark.parser.attribute]\nblock = true\n",
        "{{ \"Card text\\n{.card-text}\" | markdownify }}",
        "---\ntitle: About\n---\nLead.\n{.lead}\n\n| a |\n|---|\n| 1 |\n{.table}\n\n{{< f >}}\n",
    );
    for written in [
        "<p class=\"lead\">Lead.</p>",
        "<table class=\"table\">",
        "<p class=\"card-text\">Card text</p>",
    ] {
        assert!(hugo.contains(written), "{hugo}");
    }
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn a_pages_params_hold_its_dates_as_times_and_draft_as_hugo_adds_them() {
    let template = "<p>date={{ .Page.Params.date }}|lastmod={{ .Page.Params.lastmod }}|\
         pd={{ .Page.Params.publishdate }}|ed={{ .Page.Params.expirydate }}|\
         mod={{ .Page.Params.modified }}|pub={{ .Page.Params.pubdate }}|\
         draft={{ .Page.Params.draft }}|cjk={{ .Page.Params.iscjklanguage }}|\
         keys={{ range $k, $v := .Page.Params }}{{ $k }}:{{ printf \"%T\" $v }},{{ end }}</p>";
    for front in [
        "title: A\ndate: 2024-01-15",
        "title: M\nDate: 2024-01-15\nmodified: 2024-02-01T10:00:00Z\npubdate: \"2024-01-20\"\n\
         unpublishdate: 2030-01-01\ndraft: false",
        "title: N",
        "title: S\ndraft: \"false\"\nisCJKLanguage: 1",
        "title: L\nlastmod: 2024-03-01",
        "title: P\npubdate: 2024-01-20\npublishdate: 2024-01-21\nparams:\n  lastmod: kept",
    ] {
        let (hugo, folio) = shortcode_f(
            "baseURL = \"https://e.org/\"\n",
            template,
            &format!("---\n{front}\n---\n{{{{< f >}}}}\n"),
        );
        assert!(hugo.contains("draft:bool"), "{hugo}");
        assert_eq!(normalise(&folio), normalise(&hugo), "{front}");
    }
}

#[test]
fn calls_in_two_texts_given_to_render_string_have_scratches_of_their_own() {
    // Hinode's `example`: each call renders its body, a `nav` whose items add themselves
    // to their parent's Scratch.
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "baseURL = \"https://e.org/\"\n"),
        ("layouts/_default/single.html", "{{ .Content }}"),
        (
            "layouts/shortcodes/box.html",
            r#"{{- $_ := .Inner -}}<ul class="box" data-ord="{{ .Ordinal }}">{{ range .Scratch.Get "items" }}<li>{{ . }}</li>{{ end }}</ul>"#,
        ),
        ("layouts/shortcodes/ex.html", r#"<div class="ex">{{ .Inner | .Page.RenderString }}</div>"#),
        ("layouts/shortcodes/item.html", r#"{{- .Parent.Scratch.Add "items" (slice (.Get 0)) -}}"#),
        (
            "content/about.md",
            "---\ntitle: About\n---\n{{< ex >}}\n{{</* box */>}}{{</* item \"a1\" */>}}{{</* item \"a2\" */>}}{{</* /box */>}}\n{{< /ex >}}\n\n\
             {{< ex >}}\n{{</* box */>}}{{</* item \"b1\" */>}}{{</* /box */>}}\n{{< /ex >}}\n",
        ),
    ]);
    let (hugo, folio) = hugo_and_folio(site.path(), "RenderString scratches", "content/about.md");
    assert!(
        hugo.contains("<li>b1</li></ul>") && !hugo.contains("<li>a2</li><li>b1</li>"),
        "{hugo}"
    );
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn render_hooks_run_in_the_order_goldmark_renders_the_page() {
    // DoIt numbers headings with a counter in the page's Scratch that its hooks share.
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "baseURL = \"https://e.org/\"\n"),
        ("layouts/_default/single.html", "{{ .Content }}"),
        (
            "layouts/_default/_markup/render-heading.html",
            "{{- $n := add (.Page.Scratch.Get \"n\" | default 0) 1 -}}{{- .Page.Scratch.Set \"n\" $n -}}<h{{ .Level }} id=\"{{ .Anchor }}\">{{ $n }} {{ .Text }}</h{{ .Level }}>",
        ),
        ("layouts/_default/_markup/render-image.html", "{{- $n := add (.Page.Scratch.Get \"n\" | default 0) 1 -}}{{- .Page.Scratch.Set \"n\" $n -}}<i>image{{ $n }}</i>"),
        ("layouts/_default/_markup/render-link.html", "{{- $n := add (.Page.Scratch.Get \"n\" | default 0) 1 -}}{{- .Page.Scratch.Set \"n\" $n -}}<b>link{{ $n }} {{ .Text }}</b>"),
        (
            "layouts/_default/_markup/render-blockquote.html",
            "{{- $n := add (.Page.Scratch.Get \"n\" | default 0) 1 -}}{{- .Page.Scratch.Set \"n\" $n -}}<blockquote data-n=\"{{ $n }}\">{{ .Text }}</blockquote>",
        ),
        (
            "content/about.md",
            "---\ntitle: About\n---\n## A\n\n[l1](/a) ![i1](/x.png)\n\n## B [l2](/b)\n\n\
             > q [l3](/c)\n>\n> > inner ![i2](/y.png)\n\n[![i3](/z.png) l4](/d)\n\n## C\n",
        ),
    ]);
    let (hugo, folio) = hugo_and_folio(site.path(), "hook order", "content/about.md");
    assert!(
        hugo.contains("1 A</h2>") && hugo.contains("<b>link4 l2</b>"),
        "{hugo}"
    );
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn a_goat_diagram_is_written_as_code_not_through_the_sites_general_hook_and_check_says_why() {
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "baseURL = \"https://e.org/\"\n"),
        ("layouts/_default/single.html", "{{ .Content }}"),
        (
            "layouts/_default/_markup/render-codeblock.html",
            "<div class=\"theme-code\">{{ .Inner }}</div>",
        ),
        (
            "content/about.md",
            "---\ntitle: About\n---\n```goat\n+--+\n|  |\n+--+\n```\n\n```go\nx\n```\n",
        ),
    ]);
    let (hugo, folio) = hugo_and_folio(site.path(), "goat", "content/about.md");
    assert!(
        hugo.contains("goat svg-container") && !hugo.contains("theme-code\">+--+"),
        "{hugo}"
    );
    assert!(
        !folio.contains("theme-code\">+--+") && folio.contains("+--+"),
        "{folio}"
    );
    assert!(
        folio.contains("<div class=\"theme-code\">x</div>"),
        "{folio}"
    );
    let found = the_only_problem(&site.path().join("content/about.md"));
    assert!(
        found.contains("about.md:4:1: warning: Hugo draws this GoAT diagram as an SVG"),
        "{found}"
    );
}

#[test]
fn ref_and_relref_in_text_given_to_render_string_find_their_page() {
    // Lotus Docs' docs: `{{< alert text="See [q]({{% relref `other` %}})" >}}`.
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "baseURL = \"https://example.org/\"\n"),
        ("layouts/_default/single.html", "{{ .Content }}"),
        (
            "layouts/shortcodes/alert.html",
            r#"<div class="w">{{ .Get "text" | $.Page.RenderString }}</div>"#,
        ),
        ("content/other.md", "---\ntitle: Other\n---\nO.\n"),
        (
            "content/about.md",
            "---\ntitle: About\n---\n{{< alert text=\"A [q]({{% relref `other` %}}) here.\" >}}\n\n\
             {{< alert text=\"B [q]({{< relref `other` >}}) here.\" >}}\n\n\
             {{< alert text=\"C [q]({{< ref `other.md` >}}) here.\" >}}\n",
        ),
    ]);
    let (hugo, folio) = hugo_and_folio(site.path(), "relref in RenderString", "content/about.md");
    assert!(hugo.contains(r#"A <a href="/other/">q</a>"#), "{hugo}");
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn get_of_a_call_with_no_parameters_is_nil_as_printf_shows() {
    // Lotus Docs' `table`: `printf "<table class=\"table %s\">" (.Get 0)`.
    let (hugo, folio) = shortcode_f(
        "baseURL = \"https://e.org/\"\n",
        r#"[{{ printf "table %s" (.Get 0) }}|{{ printf "%s" (.Get "x") }}|{{ printf "%d" (.Get 0) }}|{{ with .Get 0 }}set{{ else }}unset{{ end }}]"#,
        "---\ntitle: About\n---\n{{< f >}}\n\n{{< f a >}}\n\n{{< f k=v >}}\n",
    );
    assert!(hugo.contains("[table %!s(&lt;nil&gt;)|"), "{hugo}");
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn a_code_blocks_attributes_reach_its_hook_typed_as_goldmark_reads_them() {
    // DoIt's code-block hook: `eq .Attributes.header false`, `eq $wrap true`.
    let hook = r#"<pre>{{ range $k, $v := .Attributes }}{{ $k }}={{ printf "%T" $v }}:{{ $v }} {{ end }}| {{ range $k, $v := .Options }}{{ $k }}={{ printf "%T" $v }}:{{ $v }} {{ end }}{{ if eq .Attributes.open true }}open{{ end }}</pre>"#;
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "baseURL = \"https://e.org/\"\n"),
        ("layouts/_default/single.html", "{{ .Content }}"),
        ("layouts/_default/_markup/render-codeblock.html", hook),
        (
            "content/about.md",
            "---\ntitle: About\n---\n\
             ```go {open=true, n=5, f=1.5, q=\"true\", s=abc, lineNos=false, linenostart=3}\na\n```\n\n\
             ```go {.cls #myid data-x=1}\nb\n```\n",
        ),
    ]);
    let (hugo, folio) = hugo_and_folio(site.path(), "code block attributes", "content/about.md");
    assert!(
        hugo.contains("open=bool:true") && hugo.contains("data-x=float64:1"),
        "{hugo}"
    );
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn only_the_first_more_divider_is_the_summary_divider_later_ones_are_text() {
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "baseURL = \"https://e.org/\"\n"),
        ("layouts/_default/single.html", "{{ .Content }}"),
        (
            "content/about.md",
            "---\ntitle: About\n---\nIntro.\n\n<!--more-->\n\n\
             Add the `<!--more-->` divider.\n\n    <!--more--> indented\n",
        ),
    ]);
    let (hugo, folio) = hugo_and_folio(site.path(), "more", "content/about.md");
    assert!(hugo.contains("<code>&lt;!--more--&gt;</code>"), "{hugo}");
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn a_resource_used_as_a_string_is_its_name_as_in_hugo() {
    // Hugoplate's `image` takes `path.Ext` of a resource; its `gallery` looks one up by
    // `printf "*%s*" .`.
    let template = r#"{{ $a := resources.Get "notes/a.txt" }}[{{ path.Ext $a }}|{{ string $a }}|{{ printf "%s|%v" $a $a }}|{{ print $a }}|{{ urlize $a }}|{{ strings.HasSuffix $a "txt" }}|{{ replace $a "a" "b" }}|{{ path.Base $a }}|{{ (resources.Get $a).RelPermalink }}]
{{ range .Page.Resources }}({{ printf "*%s*" . }}|{{ string . }}|{{ path.Ext . }}|{{ with $.Page.Resources.GetMatch (printf "*%s*" .) }}{{ .RelPermalink }}{{ end }}){{ end }}"#;
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "baseURL = \"https://e.org/\"\n"),
        ("layouts/_default/single.html", "{{ .Content }}"),
        ("layouts/shortcodes/r.html", template),
        ("assets/notes/a.txt", "a"),
        ("content/about/gal/b.txt", "b"),
        ("content/about/gal/c.txt", "c"),
        (
            "content/about/index.md",
            "---\ntitle: About\nresources:\n- src: gal/b.txt\n  name: bee\n---\n{{< r >}}\n",
        ),
    ]);
    let (hugo, folio) = hugo_and_folio(site.path(), "resources", "content/about/index.md");
    assert!(hugo.contains("(*bee*|bee||/about/gal/b.txt)"), "{hugo}");
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn a_call_stands_alone_when_the_html_template_reads_no_inner_whatever_other_formats_read() {
    // Hinode's `kbd`: `kbd.html` reads `.Get 0`, `kbd.md` (its Markdown output) `.Inner`.
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "baseURL = \"https://e.org/\"\n"),
        ("layouts/_default/single.html", "{{ .Content }}"),
        ("layouts/shortcodes/kbd.html", "<kbd>{{ .Get 0 }}</kbd>"),
        ("layouts/shortcodes/kbd.md", "`{{ trim .Inner \" \" }}`"),
        ("layouts/shortcodes/note.amp.html", "<b>{{ .Inner }}</b>"),
        ("layouts/shortcodes/note.html", "<i>{{ .Get 0 }}</i>"),
        (
            "content/about.md",
            "---\ntitle: About\n---\nPress {{< kbd \"Ctrl+C\" >}} now, {{< note \"n\" >}}.\n",
        ),
    ]);
    let (hugo, folio) = hugo_and_folio(site.path(), "kbd", "content/about.md");
    assert!(hugo.contains("<kbd>Ctrl&#43;C</kbd>"), "{hugo}");
    assert_eq!(normalise(&folio), normalise(&hugo));
    let found = folio::check::check_path(&site.path().join("content/about.md"));
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn goldmark_extras_a_site_turns_on_render_as_hugo_renders_them_with_no_warning() {
    let site = crate::support::hugo_site(&[
        (
            "hugo.toml",
            "baseURL = \"https://e.org/\"\n\
             [markup.goldmark.extensions.extras.mark]\nenable = true\n\
             [markup.goldmark.extensions.extras.superscript]\nenable = false\n\
             [markup.goldmark.extensions.extras.insert]\nenable = true\n\
             [markup.goldmark.extensions.extras.delete]\nenable = true\n\
             [markup.goldmark.extensions.extras.subscript]\nenable = true\n",
        ),
        ("layouts/_default/single.html", "{{ .Content }}"),
        (
            "content/about.md",
            "---\ntitle: About\n---\nA ==marked== word, ++new++, ~~struck~~, H~2~O, x^2^.\n",
        ),
    ]);
    let (hugo, folio) = hugo_and_folio(site.path(), "extras", "content/about.md");
    // Superscript is off, and strikethrough writes `~~struck~~` and `~2~` as Hugo does.
    assert!(
        hugo.contains("<mark>marked</mark>")
            && hugo.contains("<ins>new</ins>")
            && hugo.contains("H<del>2</del>O")
            && hugo.contains("x^2^"),
        "{hugo}"
    );
    assert_eq!(normalise(&folio), normalise(&hugo));
    let found = folio::check::check_path(&site.path().join("content/about.md"));
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_blockquote_hook_gets_its_block_attributes_and_its_text_those_of_the_blocks_inside() {
    let site = crate::support::hugo_site(&[
        (
            "hugo.toml",
            "baseURL = \"https://e.org/\"\n[markup.goldmark.parser.attribute]\nblock = true\n",
        ),
        (
            "layouts/_default/_markup/render-blockquote.html",
            "<div class=\"q {{ .Attributes.class }}\" id=\"{{ .Attributes.id }}\" \
             data-n=\"{{ .Attributes.title }}\">{{ .Text }}</div>",
        ),
        (
            "content/about.md",
            "---\ntitle: About\n---\n> para\n> {.inner}\n\n> q\n{.outer #qid title=t}\n",
        ),
    ]);
    let (hugo, folio) = hugo_and_folio(site.path(), "blockquote hook", "content/about.md");
    for written in [
        "<p class=\"inner\">para</p>",
        "class=\"q outer\" id=\"qid\" data-n=\"t\"",
    ] {
        assert!(hugo.contains(written), "{hugo}");
    }
    assert!(!folio.contains(['\u{E004}', '\u{E005}']), "{folio}");
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn the_param_shortcode_reads_the_pages_languages_params_over_the_sites() {
    let site = crate::support::hugo_site(&[
        (
            "hugo.toml",
            "baseURL = \"https://e.org/\"\n[params]\nsubtitle = \"site-level\"\nSub = \"site\"\n\
             [languages.en]\nweight = 1\n[languages.en.params]\nsubtitle = \"A simple theme\"\n\
             only = \"in the language\"\nSUB = \"the language's\"\n",
        ),
        (
            "content/about.md",
            "---\ntitle: About\n---\n{{< param subtitle >}} / {{< param only >}} / {{< param sub >}}\n",
        ),
    ]);
    let (hugo, folio) = hugo_and_folio(site.path(), "language params", "content/about.md");
    assert!(
        hugo.contains("A simple theme / in the language / the language&#39;s"),
        "{hugo}"
    );
    assert_eq!(normalise(&folio), normalise(&hugo));
    let found = folio::check::check_path(&site.path().join("content/about.md"));
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn with_standalone_images_unwrapped_an_image_alone_is_a_block_to_its_hook_and_has_no_paragraph() {
    for hook in [
        Some(
            "{{ if .IsBlock }}<figure><img src=\"{{ .Destination }}\"><figcaption>{{ .Title }}\
             </figcaption></figure>{{ else }}<img src=\"{{ .Destination }}\">{{ end }}",
        ),
        None,
    ] {
        let mut files = vec![
            (
                "hugo.toml",
                "baseURL = \"https://e.org/\"\n[markup.goldmark.parser]\n\
                 wrapStandAloneImageWithinParagraph = false\n",
            ),
            (
                "content/about.md",
                "---\ntitle: About\n---\n![Alt](https://cdn.example.net/a.png \"Caption\")\n\n\
                 Inline ![x](https://cdn.example.net/b.png) here.\n\n\
                 [![linked](https://cdn.example.net/c.png)](https://e.org/)\n\n\
                 > ![quoted](https://cdn.example.net/q.png)\n",
            ),
            (
                "layouts/_default/_markup/render-blockquote.html",
                "<div class=\"bq\">{{ .Text }}</div>",
            ),
        ];
        if let Some(hook) = hook {
            files.push(("layouts/_default/_markup/render-image.html", hook));
        }
        let site = crate::support::hugo_site(&files);
        let (hugo, folio) = hugo_and_folio(site.path(), "standalone images", "content/about.md");
        if hook.is_some() {
            assert!(hugo.contains("<figcaption>Caption</figcaption>"), "{hugo}");
        }
        assert!(
            !hugo.contains("<p><img src=\"https://cdn.example.net/a.png\""),
            "{hugo}"
        );
        assert_eq!(normalise(&folio), normalise(&hugo));
    }
}

#[test]
fn a_code_block_hook_folio_cannot_run_is_reported_at_the_blocks_fence() {
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "baseURL = \"https://e.org/\"\n"),
        (
            "layouts/_markup/render-codeblock-math.html",
            "{{ transform.ToMath .Inner }}",
        ),
        (
            "content/about.md",
            "---\ntitle: About\n---\n\nIntro.\n\n```go\nx := 1\n```\n\n```math\nx^2\n```\n",
        ),
    ]);
    let mut found = checked(&site.path().join("content/about.md"));
    found.retain(|l| !l.contains("Hugo colours `go` code"));
    assert!(
        found.len() == 1 && found[0].contains("about.md:11:1:"),
        "{found:?}"
    );
}

#[test]
fn a_processed_image_keeps_its_params_and_is_named_by_its_file_as_in_hugo() {
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "baseURL = \"https://e.org/\"\n"),
        (
            "layouts/shortcodes/gal.html",
            "{{ with .Page.Resources.GetMatch \"cover\" }}{{ $p := .Fill \"4x2\" }}\
             <p>{{ .Params.byline }}|{{ .Title }}|{{ $p.Params.byline }}|{{ $p.Title }}|\
             {{ $p.Name }}|{{ (.Resize \"2x\").Params.byline }}</p>{{ end }}",
        ),
        (
            "content/about/index.md",
            "---\ntitle: Gallery\nresources:\n- src: sunset.png\n  name: cover\n  \
             title: Sunset over the bay\n  params:\n    byline: \"Photo: Jane\"\n---\n{{< gal >}}\n",
        ),
    ]);
    let fixtures = fixture_site();
    std::fs::copy(
        fixtures.path().join("content/bundle/photo.png"),
        site.path().join("content/about/sunset.png"),
    )
    .unwrap();
    let (hugo, folio) = hugo_and_folio(site.path(), "processed images", "content/about/index.md");
    assert!(
        hugo.contains(
            "Photo: Jane|Sunset over the bay|Photo: Jane|sunset.png|sunset.png|Photo: Jane"
        ),
        "{hugo}"
    );
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn process_runs_the_action_its_spec_names_or_converts_at_the_images_size() {
    // DoIt's image partial with `optimise = true`: `.Process "resize 800x webp"`.
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "baseURL = \"https://e.org/\"\n"),
        (
            "layouts/shortcodes/p.html",
            "{{ with .Page.Resources.GetMatch \"photo.png\" }}{{ $r := .Process \"resize 3x webp\" }}\
             {{ $f := .Process \"Fill 2x2\" }}{{ $w := .Process \"webp q50\" }}\
             {{ $q := .Process \"r90\" }}{{ $h := .Process \"R180 webp\" }}{{ $n := .Process \"r-90\" }}\
             <p>{{ $r.Width }}x{{ $r.Height }} {{ $r.MediaType }}|{{ $f.Width }}x{{ $f.Height }}|\
             {{ $w.Width }}x{{ $w.Height }} {{ $w.MediaType }}|{{ .Width }}x{{ .Height }}|\
             {{ $q.Width }}x{{ $q.Height }}|{{ $h.Width }}x{{ $h.Height }}|{{ $n.Width }}x{{ $n.Height }}</p>{{ end }}",
        ),
        ("content/about/index.md", "---\ntitle: Gallery\n---\n{{< p >}}\n"),
    ]);
    let fixtures = fixture_site();
    std::fs::copy(
        fixtures.path().join("content/bundle/photo.png"),
        site.path().join("content/about/photo.png"),
    )
    .unwrap();
    let (hugo, folio) = hugo_and_folio(site.path(), "Process", "content/about/index.md");
    assert!(hugo.contains("image/webp|2x2|"), "{hugo}");
    // A quarter turn: as wide as the photo was high.
    assert!(hugo.contains("|7x6|6x7|7x6|6x7</p>"), "{hugo}");
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn process_with_a_size_and_no_action_is_an_error_as_it_stops_hugos_build() {
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "baseURL = \"https://e.org/\"\n"),
        (
            "layouts/shortcodes/p.html",
            "{{ with .Page.Resources.GetMatch \"photo.png\" }}{{ (.Process \"3x\").Width }}{{ end }}",
        ),
        ("content/about/index.md", "---\ntitle: Gallery\n---\n{{< p >}}\n"),
    ]);
    std::fs::copy(
        fixture_site().path().join("content/bundle/photo.png"),
        site.path().join("content/about/photo.png"),
    )
    .unwrap();
    let refused = crate::support::hugo_run(site.path(), &[]).unwrap_err();
    assert!(
        refused.contains("width or height are not supported"),
        "{refused}"
    );
    let found = checked(&site.path().join("content/about/index.md"));
    assert!(
        found.iter().any(|d| d.contains("index.md:4:1: error:")
            && d.contains("width or height are not supported without an action")),
        "{found:?}"
    );
}

#[test]
fn an_alert_holding_a_footnote_reference_goes_through_its_hook_with_the_references_number() {
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "baseURL = \"https://e.org/\"\n"),
        (
            "layouts/_markup/render-blockquote-alert.html",
            "<div class=\"alert alert-{{ .AlertType }}\">{{ .Text }}</div>",
        ),
        (
            "content/about.md",
            "---\ntitle: About\n---\nFirst [^a].\n\n> [!TIP]\n> A claim with a footnote [^b] \
             and [^a] again.\n\n[^a]: The first.\n[^b]: The second.\n",
        ),
    ]);
    let (hugo, folio) = hugo_and_folio(site.path(), "alert footnotes", "content/about.md");
    assert!(hugo.contains("<div class=\"alert alert-tip\">"), "{hugo}");
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn on_a_multilingual_site_a_link_to_a_page_points_at_the_page_as_hugos_embedded_hook_does() {
    let site = crate::support::hugo_site(&[
        (
            "hugo.toml",
            "baseURL = \"https://e.org/\"\ndefaultContentLanguage = \"en\"\n\
             [languages.en]\nweight = 1\n[languages.pt]\nweight = 2\n",
        ),
        ("content/posts/other.md", "---\ntitle: Other\n---\nx\n"),
        ("content/posts/other.pt.md", "---\ntitle: Outro\n---\nx\n"),
        ("static/files/cv.pdf", "pdf"),
        (
            "content/about.md",
            "---\ntitle: About\n---\nSee [the post](posts/other.md), [its part](posts/other.md#intro), \
             [with a query](posts/other.md?a=1#b), [its URL](/posts/other/), [the CV](/files/cv.pdf), \
             [no page](nowhere.md), [out](https://gohugo.io/x.md) and [mail](mailto:a@b.c).\n",
        ),
    ]);
    let (hugo, folio) = hugo_and_folio(site.path(), "embedded link hook", "content/about.md");
    assert!(hugo.contains("href=\"/posts/other/#intro\""), "{hugo}");
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn on_a_multilingual_site_links_and_images_are_escaped_as_hugos_embedded_hooks_escape_them() {
    // Trial 65 (CLI): Hugo's embedded hooks run through html/template, which writes a `+`
    // as `&#43;` and a title's quotes as `&#39;` and `&#34;`; Folio wrote them as Goldmark
    // does (`+`, `'`, `&quot;`), on the sample's own config.
    let site = crate::support::hugo_site(&[
        ("hugo.toml", EN_FR),
        (
            "content/about.md",
            "---\ntitle: About\n---\nSee [the proposal](https://go.dev/a/+/b?x=1&y=2 (it's \"t\" + u)), \
             <https://a.org/+/b>, <me+x@b.c>, [q](https://a.org/it's 'a <b> & c') and \
             ![i + j](https://a.org/i+j.png \"t+u\").\n\n![a  \nb *c*\\\nd](https://a.org/h.png)\n",
        ),
    ]);
    let (hugo, folio) = hugo_and_folio(site.path(), "embedded hooks", "content/about.md");
    assert!(
        hugo.contains("https://go.dev/a/&#43;/b?x=1&amp;y=2"),
        "{hugo}"
    );
    assert_eq!(normalised_paragraphs(&folio), normalised_paragraphs(&hugo));
}

#[test]
fn on_a_multilingual_site_the_previews_markdown_images_point_at_the_apps_files() {
    // Review 65: the embedded image hook's tag, written by html/template, would have
    // filtered the preview's `folio:` URLs to `#ZgotmplZ`.
    let site = crate::support::hugo_site(&[
        ("hugo.toml", EN_FR),
        ("static/img/a.png", "png"),
        (
            "content/about.md",
            "---\ntitle: About\n---\n![a](/img/a.png) and [f](/img/a.png)\n",
        ),
    ]);
    let page = folio::OpenPage::open(&site.path().join("content/about.md")).unwrap();
    let preview = page.preview_window(None, Some("folio://x/"), None, None);
    assert!(!preview.contains("ZgotmplZ"), "{preview}");
    assert!(preview.contains("<img src=\"folio://x/"), "{preview}");
}

#[test]
fn on_a_multilingual_site_a_link_without_a_path_points_where_hugos_embedded_hook_points_it() {
    // A fragment alone is the page's own (the home page's inside markdownify); a query
    // or `./` alone, the home page's; `#` alone, nothing. Folio left them as written.
    let site = crate::support::hugo_site(&[
        ("hugo.toml", EN_FR),
        (
            "layouts/shortcodes/card.html",
            "<div class=\"card\">{{ .Inner | markdownify }}</div>",
        ),
        (
            "content/about.md",
            "---\ntitle: About\n---\n[top](#top), [none](#), [query](?a=1#x) and [here](./#z).\n\n\
             {{< card >}}[up](#top) and [q](?a=1){{< /card >}}\n",
        ),
    ]);
    let (hugo, folio) = hugo_and_folio(site.path(), "pathless links", "content/about.md");
    for url in ["/about/#top", "", "/?a=1#x", "/#z", "/#top", "/?a=1"] {
        assert!(hugo.contains(&format!("href=\"{url}\"")), "{url}: {hugo}");
    }
    assert_eq!(normalise(&folio), normalise(&hugo));
    // Review 50b, 3: a home page the site does not render has no URL.
    let config = std::fs::read_to_string(site.path().join("hugo.toml")).unwrap();
    std::fs::write(
        site.path().join("hugo.toml"),
        format!("disableKinds = [\"home\"]\n{config}"),
    )
    .unwrap();
    let (hugo, folio) = hugo_and_folio(site.path(), "no home page", "content/about.md");
    for url in ["?a=1#x", "#z", "#top", "?a=1"] {
        assert!(hugo.contains(&format!("href=\"{url}\"")), "{url}: {hugo}");
    }
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn on_a_multilingual_site_images_and_links_to_the_pages_files_or_assets_point_at_them_as_hugos_hooks_do(
) {
    // Hunt AL, 1: Hugo's embedded hooks find a relative destination among the page's
    // files, then in assets/ (`resources.Get`), and publish it; Folio left it as written,
    // and the export warned the file was missing.
    let page = "---\ntitle: About\n---\n![The app](images/app.png) and ![me](./me.png \"Me\"), \
                [the CV](files/cv.pdf?v=2#p1), [gone](images/none.png).\n\n\
                {{< card >}}![Shot](images/app.png) and [CV](files/cv.pdf), [post](/blog/post) \
                [rel](blog/post){{< /card >}}\n";
    let site = crate::support::hugo_site(&[
        ("hugo.toml", EN_FR),
        ("assets/images/app.png", "png"),
        ("assets/files/cv.pdf", "pdf"),
        ("content/about/me.png", "png"),
        // Review 49d, 2: a link in markdownify'd text finds its page from the home page.
        ("content/blog/post.md", "---\ntitle: P\nslug: hello\n---\n"),
        (
            "layouts/shortcodes/card.html",
            "<div class=\"card\">{{ .Inner | markdownify }}</div>",
        ),
        ("content/about/index.md", page),
    ]);
    let (hugo, folio) = hugo_and_folio(site.path(), "embedded hooks", "content/about/index.md");
    for url in [
        "/images/app.png",
        "/about/me.png",
        "/files/cv.pdf?v=2#p1",
        "images/none.png",
        "/blog/hello/",
    ] {
        assert!(hugo.contains(&format!("\"{url}\"")), "{url}: {hugo}");
    }
    assert_eq!(normalise(&folio), normalise(&hugo));
    // The export copies each file Hugo publishes, and finds every one.
    let doc = folio::OpenPage::open(&site.path().join("content/about/index.md")).unwrap();
    let out = site.path().join("folio-out");
    let report = folio::export::export(&doc, &out).unwrap();
    let html = std::fs::read_to_string(out.join("index.html")).unwrap();
    for file in ["images/app.png", "files/cv.pdf", "me.png"] {
        assert!(
            html.contains(&format!("{file}\"")) || html.contains(&format!("{file}?")),
            "{file}: {html}"
        );
    }
    assert!(!html.contains("src=\"/images/app.png\""), "{html}");
    let warnings = format!("{:?}", report.warnings);
    assert!(!warnings.contains("app.png"), "{warnings}");
}

#[test]
fn the_embedded_hooks_run_as_use_embedded_says_and_enable_default_is_the_error_it_is_to_hugo() {
    // Review 49b, 6: Folio read the removed `enableDefault`, not `useEmbedded`, and took a
    // `languages` table of one language for a multilingual site.
    let two =
        "defaultContentLanguage = \"en\"\n[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n";
    let image = "[markup.goldmark.renderHooks.image]\n";
    for (config, pointed) in [
        (format!("{image}useEmbedded = \"fallback\"\n"), true),
        (format!("{image}useEmbedded = \"always\"\n"), true),
        (format!("{two}{image}useEmbedded = \"never\"\n"), false),
        (two.to_string(), true),
        // A table of one language is enough (checked).
        ("[languages.en]\nweight = 1\n".to_string(), true),
        (
            "[languages.en]\nbaseURL = \"https://e.org/\"\n[languages.fr]\nbaseURL = \"https://f.org/\"\n".to_string(),
            false,
        ),
        (format!("{two}[markup.goldmark]\nduplicateResourceFiles = true\n"), false),
    ] {
        let site = crate::support::hugo_site(&[
            ("hugo.toml", &format!("title = \"T\"\n{config}")),
            ("assets/images/app.png", "png"),
            ("content/about.md", "---\ntitle: About\n---\n![The app](images/app.png)\n"),
        ]);
        hugo_build(site.path(), &config);
        // A site of one host per language is published a folder per language.
        let public = site.path().join("public");
        let built = ["about/index.html", "en/about/index.html"]
            .iter()
            .find_map(|p| std::fs::read_to_string(public.join(p)).ok());
        let hugo = built.unwrap_or_default();
        let folio = folio_render(&site.path().join("content/about.md"));
        assert!(hugo.contains("The app"), "{config}: {hugo}");
        assert_eq!(hugo.contains("src=\"/images/app.png\""), pointed, "{config}: {hugo}");
        assert_eq!(normalise(&folio), normalise(&hugo), "{config}");
    }
    let site = crate::support::hugo_site(&[
        (
            "hugo.toml",
            "title = \"T\"\n[markup.goldmark.renderHooks.link]\nenableDefault = true\n",
        ),
        ("content/about.md", "---\ntitle: About\n---\nx\n"),
    ]);
    let hugo = crate::support::hugo_run(site.path(), &[]).unwrap_err();
    assert!(hugo.contains("enableDefault was deprecated"), "{hugo}");
    let found = checked(&site.path().join("content/about.md"));
    assert!(
        found
            .iter()
            .any(|f| f.contains("hugo.toml:3:1") && f.contains("useEmbedded = \"fallback\"")),
        "{found:?}"
    );
}

#[test]
fn a_site_param_shortcode_that_has_a_fallback_is_not_checked_as_hugos_own() {
    // squidfingers/hugo-shortcodes' `param` takes a second argument for a key set nowhere;
    // Hugo's own would stop the build. The site's runs, so Hugo builds the page.
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "title = \"T\"\n"),
        (
            "layouts/_shortcodes/param.html",
            "{{ with .Page.Param (.Get 0) }}{{ . }}{{ else }}{{ .Get 1 }}{{ end }}",
        ),
        ("layouts/single.html", "{{ .Content }}"),
        (
            "content/about.md",
            "---\ntitle: About\n---\n\n{{< param \"description\" \"not set\" >}}\n",
        ),
    ]);
    let page = site.path().join("content/about.md");
    let (hugo, folio) = hugo_and_folio(site.path(), "the site's param", "content/about.md");
    assert_eq!(normalise(&hugo), "not set", "Hugo runs the site's param");
    assert_eq!(normalise(&folio), normalise(&hugo));
    assert_eq!(checked(&page), Vec::<String>::new());
}

#[test]
fn a_parameter_read_through_a_variable_or_by_a_shortcode_inside_is_not_called_unread() {
    // shadocs' treeview reads `$c.Get "display"`; squidfingers' `details` reads the
    // `name` of the `accordion` around it (hunt T, 9).
    let site = site_with(
        &[
            ("tree", "{{ $c := . }}<ul class=\"{{ $c.Get \"display\" }}\"></ul>"),
            ("accordion", "<div>{{ .Inner }}</div>"),
            (
                "details",
                "<details{{ with .Parent }} name=\"{{ .Get \"name\" }}\"{{ end }}>{{ .Inner }}</details>",
            ),
        ],
        "{{< tree display=\"flat\" >}}\n\n{{< accordion name=\"faq\" >}}{{< details >}}x{{< /details >}}{{< /accordion >}}\n\n\
         {{< accordion name=\"lone\" >}}y{{< /accordion >}}",
    );
    let page = site.path().join("content/page.md");
    hugo_build(site.path(), "the site");
    // An accordion with no `details` inside: nothing reads its name (the review).
    let found = checked(&page);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains("page.md:9:15: warning: `accordion` sets `name`"),
        "{found:?}"
    );
}

#[test]
fn a_standalone_images_block_attributes_reach_its_render_hook() {
    // squidfingers' render-image.html writes `.Attributes` (hunt T, 5).
    let site = crate::support::hugo_site(&[
        (
            "hugo.toml",
            "title = \"T\"\n[markup.goldmark.parser]\nwrapStandAloneImageWithinParagraph = false\n\
             [markup.goldmark.parser.attribute]\nblock = true\n",
        ),
        (
            "layouts/_markup/render-image.html",
            "<img src=\"{{ .Destination }}\"{{ range $k, $v := .Attributes }} {{ $k }}=\"{{ $v }}\"{{ end }}>[{{ .IsBlock }}]",
        ),
        ("layouts/single.html", "{{ .Content }}"),
        (
            "content/about.md",
            "---\ntitle: About\n---\n\n![Alt](https://ex.org/i.png \"Cap\")\n{.cls #iid}\n\nText ![In](https://ex.org/j.png)\n{.para}\n",
        ),
    ]);
    let (hugo, folio) = hugo_and_folio(site.path(), "the image hook", "content/about.md");
    assert_eq!(normalise(&folio), normalise(&hugo));
    assert!(
        hugo.contains("<img src=\"https://ex.org/i.png\" class=\"cls\" id=\"iid\">[true]"),
        "{hugo}"
    );
}

#[test]
fn a_time_function_given_nil_reads_gos_zero_time_as_hugo_does() {
    // Hunt AG 5: Folio's card and an error in check, for a page Hugo builds.
    let (hugo, folio) = shortcode_f(
        "title = \"T\"\n",
        "{{ (time .Page.Params.founded).Year }}|{{ time.Format \"2006-01-02\" .Page.Params.founded }}|\
         {{ dateFormat \"Jan 2006\" .Page.Params.updated }}|{{ dateFormat \"2006\" (.Get \"x\") }}",
        "---\ntitle: About\n---\n{{< f >}}\n",
    );
    assert_eq!(normalise(&folio), normalise(&hugo));
    assert_eq!(normalise(&hugo), "1|0001-01-01|Jan 0001|0001");
}

/// Checks that Hugo stops on `call` (in a shortcode, with `$n` nil) saying `says`, and
/// that `folio check` says so at the call's line.
fn stops_as_in_hugo(call: &str, says: &str) {
    let template = format!("{{{{- $n := .Page.Params.nothing -}}}}<p>{{{{ {call} }}}}</p>");
    let site = site_with(&[("f", template.as_str())], "{{< f >}}");
    let hugo = crate::support::hugo_run(site.path(), &[]).unwrap_err();
    assert!(hugo.contains(says), "{call}: Hugo said {hugo}");
    let found = checked(&site.path().join("content/page.md"));
    assert!(
        found
            .iter()
            .any(|f| f.contains("error") && f.contains("f.html:1:") && f.contains(says)),
        "{call}: {found:?}"
    );
}

#[test]
fn a_time_method_whose_results_a_template_cannot_take_stops_as_in_hugo() {
    // Review 61b: `$t.ISOWeek` stops Hugo's build; Folio said it did not have the method.
    for (method, says) in [
        (
            "ISOWeek",
            "invalid function signature for ISOWeek: second return value should be error; is int",
        ),
        (
            "Date",
            "function Date has 3 return values; should be 1 or 2",
        ),
        (
            "Clock",
            "function Clock has 3 return values; should be 1 or 2",
        ),
        (
            "ZoneBounds",
            "invalid function signature for ZoneBounds: second return value should be error",
        ),
    ] {
        stops_as_in_hugo(&format!("(time.AsTime \"2025-06-12\").{method}"), says);
    }
    // Review 61c: a page's date too (Folio printed nothing).
    stops_as_in_hugo(
        ".Page.Date.ISOWeek",
        "invalid function signature for ISOWeek",
    );
}

#[test]
fn a_url_go_cannot_parse_stops_as_in_hugo() {
    // Review 51b, 4: `figure` parses its `src` so, and Hugo stops on `50%.png`.
    for (call, says) in [
        ("urls.Parse \"50%.png\"", "invalid URL escape \"%.p\""),
        (
            "urls.Parse \"1:x.png\"",
            "first path segment in URL cannot contain colon",
        ),
        ("urls.Parse \":x.png\"", "missing protocol scheme"),
        ("urls.Parse \"http://[::1/x\"", "missing ']' in host"),
        (
            "urls.Parse \"http://h:8x/\"",
            "invalid port \":8x\" after host",
        ),
        (
            "urls.Parse \"http://a b/\"",
            "invalid character \" \" in host name",
        ),
        ("urls.Parse \"http://u{x@h/\"", "invalid userinfo"),
        ("urls.Parse \"http://h/#%zz\"", "invalid URL escape \"%zz\""),
    ] {
        stops_as_in_hugo(call, says);
    }
}

#[test]
fn hugos_embeds_and_qr_without_their_arguments_stop_as_in_hugo() {
    // Hunt AO, 8: Hugo stops (its templates' `errorf`); `folio check` said nothing.
    for (call, says) in [
        ("{{< youtube >}}", "The \"youtube\" shortcode requires an id argument"),
        ("{{< vimeo title=\"t\" >}}", "The \"vimeo\" shortcode requires a video id"),
        ("{{< instagram id=\"x\" >}}", "The \"instagram\" shortcode requires a single positional parameter"),
        ("{{< x user=\"a\" >}}", "The \"x\" shortcode requires two named parameters: user and id"),
        ("{{< qr />}}", "The \"qr\" shortcode requires a \"text\" argument"),
        ("{{< qr text=\"hi\" level=\"extreme\" />}}", "The \"level\" argument passed to the \"qr\" shortcode must be one of low, medium, quartile, or high"),
        ("{{< qr text=\"hi\" scale=1 />}}", "The \"scale\" argument passed to the \"qr\" shortcode must be an integer greater than or equal to 2"),
    ] {
        let site = site_with(&[], call);
        let hugo = crate::support::hugo_run(site.path(), &[]).unwrap_err();
        assert!(hugo.contains(says), "{call}: Hugo said {hugo}");
        let found = checked(&site.path().join("content/page.md"));
        assert!(
            found.iter().any(|f| f.contains("error") && f.contains(":5:1:") && f.contains(says)),
            "{call}: {found:?}"
        );
    }
    // A service the site turns off: Hugo's template writes nothing, and stops on nothing.
    let site = site_with(&[], "A\n\n{{< youtube >}}\n\nB");
    std::fs::write(
        site.path().join("hugo.toml"),
        "title = \"T\"\n[privacy.youtube]\ndisable = true\n",
    )
    .unwrap();
    crate::support::hugo_build(site.path(), "a youtube turned off");
    let hugo = std::fs::read_to_string(site.path().join("public/page/index.html")).unwrap();
    assert_eq!(
        normalise(&folio_render(&site.path().join("content/page.md"))),
        normalise(&hugo)
    );
    assert!(checked(&site.path().join("content/page.md")).is_empty());
}

#[test]
fn a_count_of_a_string_function_that_is_no_integer_stops_as_in_hugo() {
    // Hunt AP, 1: `.Content | replaceRE "a" "b" 1` puts the text where the limit goes;
    // Folio read it as no limit and wrote `1`.
    for (call, says) in [
        (
            "replaceRE \"a\" \"b\" 1 \"aaa\"",
            "unable to cast \"aaa\" of type string to int",
        ),
        (
            "replace \"aaa\" \"a\" \"b\" \"x\"",
            "unable to cast \"x\" of type string to int",
        ),
        (
            "findRE \"a\" \"aaa\" \"x\"",
            "unable to cast \"x\" of type string to int",
        ),
        ("substr \"abc\" \"x\"", "start argument must be an integer"),
        (
            "substr \"abc\" 0 \"x\"",
            "length argument must be an integer",
        ),
        (
            "strings.Truncate 2 \"abc\" \"x\" \"y\"",
            "too many arguments passed to truncate",
        ),
        // Review 51d, 12.
        ("substr \"abc\"", "too few arguments"),
        ("substr \"abc\" 0 1 2", "too many arguments"),
    ] {
        stops_as_in_hugo(call, says);
    }
    // What Hugo reads as integers still counts.
    let (hugo, folio) = shortcode_f(
        "title = \"T\"\n",
        "<p>{{ replace \"aaa\" \"a\" \"b\" \"2\" }}|{{ replace \"aaa\" \"a\" \"b\" 2.0 }}|{{ findRE \"a\" \"aaa\" \"2\" }}\
         |{{ substr \"abcd\" \"1\" \"2\" }}|{{ substr \"abcd\" 1.5 }}</p>",
        "---\ntitle: About\n---\n\n{{< f >}}\n",
    );
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn a_field_a_pages_file_does_not_have_stops_as_in_hugo() {
    // Hunt AP, 3: Folio printed nothing, and `.File.Lang`, removed, too.
    stops_as_in_hugo(
        ".Page.File.Nope",
        "can't evaluate field Nope in type *source.File",
    );
    stops_as_in_hugo(
        ".Page.File.Lang",
        ".File.Lang was deprecated in Hugo v0.149.0",
    );
    let (hugo, folio) = shortcode_f(
        "title = \"T\"\n",
        "<p>{{ with .Page.File }}{{ .Path }}|{{ .Dir }}|{{ .Ext }}|{{ .LogicalName }}|{{ .BaseFileName }}|\
         {{ .TranslationBaseName }}|{{ .ContentBaseName }}|{{ .Section }}|{{ .IsZero }}|{{ .IsContentAdapter }}{{ end }}</p>",
        "---\ntitle: About\n---\n\n{{< f >}}\n",
    );
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn a_branch_bundles_file_is_in_its_own_section_and_the_homes_has_no_content_base_name() {
    // Review 61b: the home's `_index.md` had `_index` as its `.ContentBaseName`, and a
    // section's `_index.md` no `.Section`.
    let page = "---\ntitle: P\n---\n\n{{< f >}}\n";
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "baseURL = \"https://e.org/\"\n"),
        (
            "layouts/shortcodes/f.html",
            "<p>{{ with .Page.File }}{{ .ContentBaseName }}|{{ .Section }}|{{ .TranslationBaseName }}{{ end }}</p>",
        ),
        ("layouts/index.html", "{{ .Content }}"),
        ("content/_index.md", page),
        ("content/recipes/_index.md", page),
        ("content/recipes/sub/_index.md", page),
        ("content/recipes/soup/index.md", page),
        ("content/about/index.md", page),
        ("content/note.md", page),
    ]);
    crate::support::hugo_build(site.path(), "bundles' files");
    for (content, public) in [
        ("_index.md", "index.html"),
        ("recipes/_index.md", "recipes/index.html"),
        ("recipes/sub/_index.md", "recipes/sub/index.html"),
        ("recipes/soup/index.md", "recipes/soup/index.html"),
        ("about/index.md", "about/index.html"),
        ("note.md", "note/index.html"),
    ] {
        let hugo = std::fs::read_to_string(site.path().join("public").join(public)).unwrap();
        let folio = folio_render(&site.path().join("content").join(content));
        assert_eq!(paragraphs(&folio), paragraphs(&hugo), "{content}");
    }
}

#[test]
fn check_says_a_dateless_section_pages_date_is_its_newest_pages_in_hugo() {
    // Review 61b: Hugo gives a home or section page with no date its newest page's date;
    // Folio printed Go's zero time and said nothing.
    let page = |front: &str| format!("---\ntitle: P\n{front}---\n\n{{{{< f >}}}}\n");
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "baseURL = \"https://e.org/\"\n"),
        (
            "layouts/shortcodes/f.html",
            "<p>{{ .Page.Date.Format \"2006-01-02\" }}|{{ with .Page }}{{ .Lastmod.Year }}{{ end }}</p>",
        ),
        ("layouts/index.html", "{{ .Content }}"),
        ("content/_index.md", &page("")),
        ("content/blog/_index.md", &page("")),
        ("content/news/_index.md", &page("date: 2024-05-01\n")),
        ("content/blog/p.md", &page("date: 2025-03-08\n")),
        ("content/news/n.md", &page("date: 2025-03-09\n")),
    ]);
    crate::support::hugo_build(site.path(), "dateless sections");
    let hugo = hugo_page(site.path(), "blog");
    assert!(hugo.contains("<p>2025-03-08|2025</p>"), "{hugo}");
    for (content, told) in [
        ("_index.md", 2),
        ("blog/_index.md", 2),
        ("news/_index.md", 0),
        ("blog/p.md", 0),
    ] {
        let found = checked(&site.path().join("content").join(content));
        let said = found
            .iter()
            .filter(|f| f.contains("no date of its own"))
            .count();
        assert_eq!(said, told, "{content}: {found:?}");
        if told > 0 {
            assert!(
                found.iter().all(|f| f.contains(":5:1:")),
                "{content}: {found:?}"
            );
        }
    }
}

#[test]
fn check_says_where_the_frontmatter_setting_reads_dates_folio_does_not() {
    // Review 61b: with `date = [":filename", ":default"]` Hugo dated and named
    // `2024-12-01-nata.md` by its file name; Folio did neither, and said nothing.
    let site = crate::support::hugo_site(&[
        (
            "hugo.toml",
            "title = \"T\"\n[frontmatter]\ndate = [\":filename\", \":default\"]\n\
             lastmod = [\":default\"]\npublishDate = [\"publishDate\", \":default\"]\n\
             expiryDate = \":fileModTime\"\n",
        ),
        (
            "content/2024-12-01-nata.md",
            "---\ntitle: N\n---\n\nText.\n",
        ),
    ]);
    let found = checked(&site.path().join("content/2024-12-01-nata.md"));
    let told: Vec<&String> = found
        .iter()
        .filter(|f| f.contains("[frontmatter]"))
        .collect();
    assert_eq!(told.len(), 2, "{found:?}");
    assert!(
        told[0].contains("hugo.toml:3:8: warning: [frontmatter] date") && told[0].contains("slug"),
        "{told:?}"
    );
    assert!(
        // (`["publishDate", ":default"]` reads what the default reads, in its order.)
        told[1].contains("hugo.toml:6:14: warning: [frontmatter] expiryDate"),
        "{told:?}"
    );
}

#[test]
fn sorting_by_a_key_through_a_map_the_item_holds_gives_nil_for_what_it_lacks_as_in_hugo() {
    // Review 51d, 2: a front matter map lacking the key's middle name was a false stop.
    let (hugo, folio) = shortcode_f(
        "title = \"T\"\n",
        "<p>{{ range sort .Page.Params.team \"role.sub.rank\" }}{{ .n }},{{ end }}</p>",
        "---\ntitle: About\nteam:\n  x: {n: a, role: {sub: {rank: 2}}}\n  y: {n: b, role: {x: 1}}\n\
         \x20 z: {n: c, role: {sub: {rank: 1}}}\n---\n\n{{< f >}}\n",
    );
    assert_eq!(normalise(&folio), normalise(&hugo));
    // In a list, a map is a plain one: Hugo stops on what it lacks.
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "title = \"T\"\n"),
        (
            "layouts/shortcodes/f.html",
            "<p>{{ range sort .Page.Params.team \"role.sub.rank\" }}{{ .n }},{{ end }}</p>",
        ),
        (
            "content/about.md",
            "---\ntitle: About\nteam:\n  - {n: a, role: {sub: {rank: 2}}}\n  - {n: b, role: {x: 1}}\n---\n\n{{< f >}}\n",
        ),
    ]);
    let says = "can't evaluate an invalid value";
    assert!(crate::support::hugo_run(site.path(), &[])
        .unwrap_err()
        .contains(says));
    let found = checked(&site.path().join("content/about.md"));
    assert!(
        found
            .iter()
            .any(|f| f.contains("error") && f.contains(says)),
        "{found:?}"
    );
}

#[test]
fn sorting_by_a_key_an_item_cannot_have_stops_as_in_hugo() {
    // Hunt AN, 1: rows of a CSV sorted by "0" were left in their order.
    for (call, says) in [
        (
            "sort (slice (slice \"b\" \"2\") (slice \"a\" \"1\")) \"0\"",
            "0 is neither a struct field, a method nor a map element of type",
        ),
        (
            "sort (slice (dict \"a\" \"b\") (dict \"a\" \"c\")) \"a.x\"",
            "x is neither a struct field, a method nor a map element of type",
        ),
        (
            "sort (slice $n (dict \"a\" 1)) \"a\"",
            "not supported for interface types",
        ),
        // A map that does not hold the key's first name, or holds null (review 51b, 3).
        (
            "sort (slice (dict \"a\" (dict \"b\" 2)) (dict \"c\" 1)) \"a.b\"",
            "can't evaluate an invalid value",
        ),
        (
            "sort (slice (dict \"a\" (dict \"b\" 2)) (dict \"a\" $n)) \"a.b\"",
            "not supported for interface types",
        ),
    ] {
        stops_as_in_hugo(call, says);
    }
}

#[test]
fn collections_functions_given_nil_text_or_a_bad_count_stop_as_in_hugo() {
    // Hunt AG 2: Folio printed an empty list where Hugo stops the build (a theme's
    // `sort` of a data file read under the wrong name). `$n` is a key the page lacks.
    for (call, says) in [
        ("delimit $n \", \"", "can't iterate over <nil>"),
        ("delimit 5 \", \"", "can't iterate over int"),
        ("first 2 $n", "both limit and seq must be provided"),
        ("after 1 $n", "both limit and seq must be provided"),
        ("last 1 $n", "both limit and seq must be provided"),
        (
            "first -1 (slice 1 2)",
            "sequence length must be non-negative",
        ),
        (
            "last -1 (slice 1 2)",
            "sequence length must be non-negative",
        ),
        ("after -1 (slice 1 2)", "sequence bounds out of range [-1:]"),
        (
            "first 1 (dict \"a\" 1)",
            "can't iterate over map[string]interface {}",
        ),
        // One of Hugo's objects is no sequence either (the review of b4e4e71).
        ("first 1 .Page", "can't iterate over"),
        ("uniq .Page", "not supported"),
        ("where $n \".\" \"eq\" \"x\"", "can't iterate over <nil>"),
        (
            "complement $n (slice 1)",
            "arguments must be slices or arrays",
        ),
        (
            "complement (slice 1) \"ab\"",
            "arguments to complement must be slices or arrays",
        ),
        ("uniq \"abc\"", "type string not supported"),
        ("sort \"abc\"", "can't sort string"),
        ("sort $n \"order\"", "sequence must be provided"),
        ("append (slice 1 2 3) 4 5", "expected a slice, got int"),
    ] {
        stops_as_in_hugo(call, says);
    }
    // What Hugo takes stays as it was: nil to uniq, a string to first, a list to append.
    let (hugo, folio) = shortcode_f(
        "title = \"T\"\n",
        "{{- $n := .Page.Params.nothing -}}<p>{{ uniq $n }}|{{ first 2 \"Jane\" }}|{{ after 1 \"Jane\" }}\
         |{{ append 4 (slice 1 2) }}|{{ append 3 $n }}|{{ delimit (slice 1 2 3) \", \" \" and \" }}\
         |{{ delimit \"Go\" \", \" }}|{{ delimit \"héllo\" \"-\" \" and \" }}|{{ delimit (\"Gé\" | safeHTML) \",\" }}\
         |{{ sort (slice 3 1 2) \"\" }}{{ sort (slice 3 1 2) \"value\" \"desc\" }}\
         {{ range sort (slice (dict \"a\" 2 \"n\" \"x\") (dict \"n\" \"y\") (dict \"a\" 1 \"n\" \"z\")) \"a\" }}{{ .n }}{{ end }}</p>",
        "---\ntitle: About\n---\n\n{{< f >}}\n",
    );
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn a_huge_precision_is_hugos_error_in_its_words_and_never_a_panic() {
    // Hunt AF 5: precision 70,000 panicked in Rust's formatter.
    let site = site_with(
        &[("f", "<p>{{ lang.FormatNumber 70000 1.5 }}</p>")],
        "{{< f >}}",
    );
    let hugo = crate::support::hugo_run(site.path(), &[]).unwrap_err();
    assert!(hugo.contains("invalid precision: 70000"), "{hugo}");
    let found = checked(&site.path().join("content/page.md"));
    assert!(
        found.iter().any(|f| f.contains("invalid precision: 70000")),
        "{found:?}"
    );
    let (hugo, folio) = shortcode_f(
        "title = \"T\"\n",
        "<p>{{ lang.FormatNumberCustom 3 0.1 }}|{{ lang.FormatNumberCustom 25 0.1 }}\
         |{{ len (lang.FormatNumberCustom 300 0.1) }}</p>",
        "---\ntitle: About\n---\n\n{{< f >}}\n",
    );
    assert_eq!(normalise(&folio), normalise(&hugo));
    // Past 308 Hugo's own code fails: so does Folio's, in its words, with no panic.
    for precision in [1200_usize, 70000] {
        let template = format!("<p>{{{{ len (lang.FormatNumberCustom {precision} 1.5) }}}}</p>");
        let site = site_with(&[("f", template.as_str())], "{{< f >}}");
        let hugo = crate::support::hugo_run(site.path(), &[]).unwrap_err();
        let says = format!("slice bounds out of range [:-{}]", precision - 2);
        assert!(hugo.contains(&says), "{hugo}");
        let found = checked(&site.path().join("content/page.md"));
        assert!(found.iter().any(|f| f.contains(&says)), "{found:?}");
    }
}

#[test]
fn a_closing_tag_may_break_its_line_before_the_delimiter_as_hugos_lexer_allows() {
    // Hunt AF 7: `{{</f⏎>}}` was "closing tag takes no parameters"; Hugo's
    // `lexEndOfShortcode` skips any ASCII white space there.
    let (hugo, folio) = shortcode_f(
        "title = \"T\"\n",
        "<b>{{ .Inner }}</b>",
        "---\ntitle: About\n---\n\n{{< f >}}one{{</f\n>}}\n\n{{% f %}}two{{% /f\r\n\t%}}\n",
    );
    assert_eq!(normalise(&folio), normalise(&hugo));
    assert!(normalise(&hugo).contains("<b>one</b>"), "{hugo}");
}

#[test]
fn truncate_cuts_and_closes_html_where_hugo_does() {
    // Hunt AG 7: a cut just after an element's last word put the ellipsis after the
    // element, where Hugo puts it inside (`<a …>link …</a>`).
    let (hugo, folio) = shortcode_f(
        "title = \"T\"\n",
        "{{ $md := \"Some **bold** text and a [link](https://x.org) that goes on and on\" }}\
         <p>{{ $md | markdownify | truncate 25 }}</p><p>{{ \"**Hello** *World* again\" | markdownify | truncate 11 }}</p>\
         <p>{{ truncate 3 (\"a<br>bcdef\" | safeHTML) }}</p><p>{{ truncate 10 \"<b>Keep & my</b> text please\" }}</p>\
         <p>{{ truncate 5 \"日本語の文章です\" }}</p><p>{{ truncate 4 \"[...]\" \"one two three\" }}</p>\
         <p>{{ truncate 40 \"short & sweet\" }}</p><p>{{ truncate 6 (\"<i>x</i> <b>y</b> zzzzz\" | safeHTML) }}</p>",
        "---\ntitle: About\n---\n\n{{< f >}}\n",
    );
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn sort_orders_numbers_and_numeric_text_by_value_as_hugos_lt_collate_does() {
    // Hunt AG 8: `weight: "9"` went after 10, numbers before text, where Hugo compares a
    // numeric string with a number by its value.
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "title = \"T\"\n"),
        ("data/projects.yaml", "- {name: a, weight: 10}\n- {name: b, weight: \"9\"}\n- {name: c, weight: 2}\n- {name: d}\n- {name: e, weight: \"x\"}\n- {name: f, weight: 2.5}\n"),
        ("layouts/shortcodes/f.html", "<p>{{ range sort site.Data.projects \"weight\" }}{{ .name }}{{ end }}|{{ range sort site.Data.projects \"weight\" \"desc\" }}{{ .name }}{{ end }}|{{ sort (slice \"b\" \"A\" \"a\" \"10\" \"9\") }}</p>"),
        ("layouts/_default/single.html", "{{ .Content }}"),
        ("content/about.md", "---\ntitle: About\n---\n\n{{< f >}}\n"),
    ]);
    let (hugo, folio) = hugo_and_folio(site.path(), "the site", "content/about.md");
    assert_eq!(normalise(&folio), normalise(&hugo));
}

#[test]
fn a_call_markdown_reads_in_an_indented_code_block_is_said_to_be_shown_as_code() {
    // Hunt AG 4: Hugo and Folio both put the call's output in a code block; check said
    // nothing.
    let page = "{{< f t=\"top\" >}}\n\nIntro.\n\n    {{< f t=\"indented\" >}}\n\n- item\n\n      {{< f t=\"in a list\" >}}\n\nPara\n    {{< f t=\"lazy\" >}}\n";
    let site = site_with(&[("f", "<div class=\"c\">{{ .Get \"t\" }}</div>")], page);
    crate::support::hugo_build(site.path(), "the page");
    let hugo = std::fs::read_to_string(site.path().join("public/page/index.html")).unwrap();
    assert!(
        hugo.contains("<pre><code><div class=\"c\">indented"),
        "{hugo}"
    );
    assert!(
        hugo.contains("<pre><code><div class=\"c\">in a list"),
        "{hugo}"
    );
    assert!(hugo.contains("<div class=\"c\">lazy</div>"), "{hugo}");
    let found = checked(&site.path().join("content/page.md"));
    let at: Vec<&str> = found
        .iter()
        .filter(|f| f.contains("Hugo puts this call's output in a code block"))
        .map(|f| {
            f.split(": warning")
                .next()
                .unwrap_or_default()
                .rsplit('/')
                .next()
                .unwrap_or_default()
        })
        .collect();
    assert_eq!(at, ["page.md:9:5", "page.md:13:7"], "{found:?}");
}
