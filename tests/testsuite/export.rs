//! Export: a self-contained folder that opens from disk, valid and accessible, written
//! atomically, never touching files Folio did not write.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use folio::export::{export, MANIFEST};
use folio::OpenPage;

use crate::support::{copy_dir, root, sample_site};

fn sample_doc(site: &Path) -> OpenPage {
    OpenPage::open(&site.join("content/en/about.md")).expect("sample opens")
}

/// The sample at `site`, `more` added to its page (unsaved), exported to `site/export`: the
/// report, the folder and its `index.html`.
fn export_sample_with(site: &Path, more: &str) -> (folio::export::Report, PathBuf, String) {
    let doc = sample_doc(site);
    let text = format!("{}\n{more}", doc.page.source());
    let out = site.join("export");
    let report = export(&doc.with_text(&text).unwrap(), &out).unwrap();
    let html = fs::read_to_string(out.join("index.html")).unwrap();
    (report, out, html)
}

/// Exports the sample with `more` after its page's text, asserting that the page holds
/// each of `wanted` and that the export warned of nothing.
fn exports_cleanly(site: &Path, more: &str, wanted: &[&str]) {
    let (report, _, html) = export_sample_with(site, more);
    for want in wanted {
        assert!(html.contains(want), "{want} in {html}");
    }
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
}

/// Rewrites the site's `hugo.toml` at `site` with `edit` of its text.
fn edit_config(site: &Path, edit: impl FnOnce(String) -> String) {
    let config = site.join("hugo.toml");
    let text = fs::read_to_string(&config).unwrap();
    fs::write(&config, edit(text)).unwrap();
}

fn all_files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push((
                    p.strip_prefix(dir).unwrap().display().to_string(),
                    fs::read(&p).unwrap(),
                ));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn the_sample_exports_a_page_a_stylesheet_and_the_icon_licence() {
    let site = sample_site();
    let out = site.path().join("export");
    let report = export(&sample_doc(site.path()), &out).unwrap();
    assert_eq!(
        report.files,
        [
            "assets/LICENSE-fontawesome.txt",
            "assets/folio.css",
            "index.html"
        ]
    );
    let html = fs::read_to_string(out.join("index.html")).unwrap();
    assert!(html.contains("<link rel=\"stylesheet\" href=\"assets/folio.css\">"));
    assert!(!html.to_lowercase().contains("<script"), "no JavaScript");
    assert!(
        html.contains("style=\"display:none\"><!--! Font Awesome Free 6.7.2")
            && html.contains("<symbol id=\"fa-python\" viewBox=\"0 0 448 512\"><path d=\"M"),
        "icons inline after their licence comment"
    );
    assert!(
        html.contains("href=\"assets/LICENSE-fontawesome.txt\""),
        "credit links the licence"
    );
    assert!(html.contains(
        "<a class=\"project-repo\" href=\"https://github.com/rviscarra/webrtc-speech-to-text\""
    ));
    assert!(
        fs::read_to_string(out.join("assets/LICENSE-fontawesome.txt"))
            .unwrap()
            .contains("CC BY 4.0")
    );
    assert!(
        !html.contains("src=\"/") && !html.contains("href=\"/"),
        "relative URLs only"
    );
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    let site = sample_site();
    let doc = sample_doc(site.path());
    export(&doc, &site.path().join("a")).unwrap();
    export(&doc, &site.path().join("b")).unwrap();
    assert_eq!(
        all_files(&site.path().join("a")),
        all_files(&site.path().join("b"))
    );
}

#[test]
fn an_earlier_export_is_replaced_and_nothing_is_left_beside_it() {
    let site = sample_site();
    let out = site.path().join("export");
    let doc = sample_doc(site.path());
    export(&doc, &out).unwrap();
    let edited = doc
        .with_text(&doc.page.source().replace("Game backends", "Game servers"))
        .unwrap();
    export(&edited, &out).unwrap();
    assert!(fs::read_to_string(out.join("index.html"))
        .unwrap()
        .contains("Game servers"));
    assert_no_staging_folders(site.path());
}

#[test]
fn a_folder_holding_other_files_is_refused_and_left_alone() {
    let site = sample_site();
    let out = site.path().join("mine");
    fs::create_dir(&out).unwrap();
    fs::write(out.join("notes.txt"), "keep me").unwrap();
    let err = export(&sample_doc(site.path()), &out).unwrap_err();
    assert!(
        err.to_string().contains("was not written by Folio"),
        "{err}"
    );
    assert_eq!(
        all_files(&out),
        [("notes.txt".to_string(), b"keep me".to_vec())]
    );
}

#[test]
fn an_earlier_export_with_a_file_added_by_hand_is_refused() {
    let site = sample_site();
    let out = site.path().join("export");
    let doc = sample_doc(site.path());
    export(&doc, &out).unwrap();
    fs::write(out.join("CNAME"), "example.dev").unwrap();
    let before = all_files(&out);
    let err = export(&doc, &out).unwrap_err();
    assert!(err.to_string().contains("CNAME"), "{err}");
    assert_eq!(all_files(&out), before);
}

#[test]
fn a_failed_export_leaves_the_previous_one_intact() {
    let site = sample_site();
    let out = site.path().join("export");
    let doc = sample_doc(site.path());
    export(&doc, &out).unwrap();
    let before = all_files(&out);
    // An image whose copy cannot be written: its name has a space, so the copy's name
    // gets a hash, and that is past the file system's 255 bytes.
    let images = site.path().join("static/images");
    fs::create_dir_all(&images).unwrap();
    let name = format!("a {}.png", "x".repeat(246));
    fs::write(images.join(&name), b"png").unwrap();
    let broken = doc
        .with_text(&format!(
            "{}\n![me](/images/{})\n",
            doc.page.source(),
            name.replace(' ', "%20")
        ))
        .unwrap();
    let err = export(&broken, &out).unwrap_err();
    assert!(err.to_string().contains("xxxxx"), "{err}");
    assert_eq!(all_files(&out), before);
    assert_no_staging_folders(site.path());
}

#[test]
fn a_manifest_naming_files_outside_its_folder_or_a_folder_never_has_them_removed() {
    // Hunt AI, 1: an export folder received from someone else, its manifest edited, made
    // the next export delete `../victim.txt` and an absolute path.
    let site = sample_site();
    let out = site.path().join("export");
    let doc = sample_doc(site.path());
    export(&doc, &out).unwrap();
    let victim = site.path().join("victim.txt");
    fs::write(&victim, "precious").unwrap();
    let elsewhere = tempfile::NamedTempFile::new().unwrap();
    let manifest = out.join(MANIFEST);
    let listed = fs::read_to_string(&manifest).unwrap();
    fs::write(
        &manifest,
        format!(
            "{listed}../victim.txt\n{}\nassets\n",
            elsewhere.path().display()
        ),
    )
    .unwrap();
    export(&doc, &out).unwrap();
    assert_eq!(fs::read_to_string(&victim).unwrap(), "precious");
    assert!(elsewhere.path().is_file());
    assert!(out.join("index.html").is_file());
    assert_no_staging_folders(site.path());
}

#[test]
fn an_export_through_a_link_to_an_earlier_one_replaces_the_folder_it_names_and_keeps_the_link() {
    // Hunt AI, 4: the link was replaced by a folder, the one it named emptied, and the
    // export called failed.
    let site = sample_site();
    let served = site.path().join("served");
    let doc = sample_doc(site.path());
    export(&doc, &served).unwrap();
    let link = site.path().join("link");
    std::os::unix::fs::symlink(&served, &link).unwrap();
    let edited = doc
        .with_text(&doc.page.source().replace("Game backends", "Game servers"))
        .unwrap();
    export(&edited, &link).unwrap();
    assert!(link.is_symlink());
    assert!(fs::read_to_string(served.join("index.html"))
        .unwrap()
        .contains("Game servers"));
    assert_no_staging_folders(site.path());
}

#[test]
fn files_hugo_does_not_publish_are_not_copied_and_the_report_says_why() {
    // Hunt AI, 6: a draft's source, a dotfile and files reached through links out of the
    // site were copied; Hugo 0.168 publishes none of them (a bundle's other files, yes).
    let site = sample_site();
    let outside = tempfile::tempdir().unwrap();
    fs::write(outside.path().join("secret.txt"), "secret").unwrap();
    fs::write(outside.path().join("pic.png"), "png").unwrap();
    let dir = site.path().join("content/en");
    fs::write(dir.join("draft.md"), "---\ndraft: true\n---\nunpublished").unwrap();
    fs::write(dir.join(".env"), "TOKEN=1").unwrap();
    fs::write(dir.join("notes.txt"), "notes").unwrap();
    std::os::unix::fs::symlink(outside.path(), dir.join("linked")).unwrap();
    let img = site.path().join("static/img");
    fs::create_dir_all(&img).unwrap();
    std::os::unix::fs::symlink(outside.path().join("pic.png"), img.join("ext.png")).unwrap();
    let (report, out, _) = export_sample_with(
        site.path(),
        "[a](draft.md) [b](.env) [c](linked/secret.txt) [d](notes.txt) ![e](/img/ext.png)\n",
    );
    let copied: Vec<String> = all_files(&out).into_iter().map(|(p, _)| p).collect();
    assert!(
        copied.contains(&"assets/root/content/en/notes.txt".to_string()),
        "{copied:?}"
    );
    for gone in ["draft", "env", "secret", "ext"] {
        assert!(
            !copied.iter().any(|p| p.contains(gone)),
            "{gone}: {copied:?}"
        );
    }
    let said = report
        .warnings
        .iter()
        .map(|w| w.message.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    for (file, why) in [
        ("draft.md", "a page's source"),
        (".env", "hidden"),
        ("linked/secret.txt", "symbolic link"),
        ("/img/ext.png", "symbolic link"),
    ] {
        assert!(
            said.contains(&format!("file `{file}` is not copied: it is")),
            "{said}"
        );
        assert!(said.contains(why), "{said}");
    }
}

#[test]
fn a_bundles_image_is_the_sites_only_at_the_url_hugo_publishes_it_at() {
    // Review 59e: with the pages under `/en/`, `/posts/trip/map.png` is no file of the
    // site, though `content/en/posts/trip/map.png` is.
    let site = crate::support::hugo_site(&[
        (
            "hugo.toml",
            "baseURL = \"https://e.org/\"\ndefaultContentLanguage = \"en\"\n\
             defaultContentLanguageInSubdir = true\n[languages.en]\ncontentDir = \"content/en\"\n\
             weight = 1\n",
        ),
        ("content/en/posts/trip/index.md", "---\ntitle: Trip\n---\n"),
        ("content/en/posts/trip/map.png", "PNG"),
        (
            "content/en/about.md",
            "---\ntitle: A\n---\n\n![a](/posts/trip/map.png)\n\n![b](/en/posts/trip/map.png)\n",
        ),
    ]);
    crate::support::hugo_build(site.path(), "a bundle under /en/");
    assert!(site.path().join("public/en/posts/trip/map.png").is_file());
    assert!(!site.path().join("public/posts/trip/map.png").exists());
    let page = site.path().join("content/en/about.md");
    let found = crate::support::check_lines(&page, "about.md");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].starts_with("about.md:5:6: warning: file `/posts/trip/map.png` was not found"),
        "{found:#?}"
    );
}

#[test]
fn an_email_autolink_is_no_file_of_the_site() {
    // Review 59d: `<me@example.dev>` was said to name a file the site does not have.
    let site = sample_site();
    let (report, _, html) = export_sample_with(site.path(), "Write <me@example.dev>.\n");
    assert!(
        html.contains("<a href=\"mailto:me@example.dev\">me@example.dev</a>"),
        "{html:.300}"
    );
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
}

#[test]
fn check_says_where_the_page_shows_an_image_the_site_does_not_have() {
    // Trial 59b, 2: only an export said so, and with no line. Not of a link, which may go
    // to a file Hugo makes or publishes from a bundle (review 59c, 2), nor of an image in
    // a bundle, which Hugo publishes at its page's path.
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "baseURL = \"/\"\n"),
        (
            "layouts/shortcodes/tile.html",
            "<figure><img src=\"{{ .Get \"image\" }}\" alt=\"\"></figure>",
        ),
        ("static/images/yes.png", "PNG"),
        ("content/trip/index.md", "---\ntitle: Trip\n---\n"),
        ("content/trip/map.png", "PNG"),
        (
            "content/about.md",
            "---\ntitle: x\n---\n\n{{< tile image=\"/images/nope.jpg\" >}}\n\n\
             {{< tile image=\"/images/yes.png\" >}} ![m](/trip/map.png)\n\n\
             [doc](/files/guide.pdf) [work](/work/) [feed](/index.xml)\n",
        ),
    ]);
    crate::support::hugo_build(site.path(), "images");
    assert!(site.path().join("public/trip/map.png").is_file());
    let page = site.path().join("content/about.md");
    let found = crate::support::check_lines(&page, "about.md");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].starts_with("about.md:5:17: warning: file `/images/nope.jpg` was not found"),
        "{found:#?}"
    );
    // The export copies the bundle's image from where Hugo publishes it.
    let out = site.path().join("export");
    let report = export(&folio::OpenPage::open(&page).unwrap(), &out).unwrap();
    let html = fs::read_to_string(out.join("index.html")).unwrap();
    assert!(
        html.contains("src=\"assets/root/content/trip/map.png\""),
        "{html}"
    );
    assert!(
        report
            .warnings
            .iter()
            .all(|w| !w.message.contains("map.png")),
        "{:?}",
        report.warnings
    );
}

#[test]
fn local_images_are_copied_into_assets_and_paths_outside_the_site_are_not() {
    let site = sample_site();
    fs::create_dir_all(site.path().join("static/images")).unwrap();
    fs::write(site.path().join("static/images/me.png"), b"PNG").unwrap();
    fs::write(site.path().join("content/en/diagram.svg"), b"<svg/>").unwrap();
    let more = "![me](/images/me.png) ![diagram](diagram.svg) \
                ![secret](../../../../../../etc/passwd) ![gone](/images/missing.png)\n";
    let (report, out, html) = export_sample_with(site.path(), more);
    assert!(report
        .files
        .contains(&"assets/site/images/me.png".to_string()));
    assert!(report
        .files
        .contains(&"assets/root/content/en/diagram.svg".to_string()));
    assert_eq!(report.files.len(), 5, "{:?}", report.files);
    assert!(
        html.contains("src=\"assets/site/images/me.png\"")
            && html.contains("src=\"assets/root/content/en/diagram.svg\"")
    );
    // Said where the page writes it: the line after the sample's text and a blank one.
    let text = format!("{}\n{more}", sample_doc(site.path()).page.source());
    let line = sample_doc(site.path()).page.source().lines().count() + 2;
    let col = more.find("/images/missing.png").unwrap() + 1;
    let missing = report.warnings.iter().find(|w| {
        w.message
            .starts_with("file `/images/missing.png` was not found")
    });
    assert_eq!(
        missing.and_then(|w| w.at(&text)),
        Some((line, col)),
        "{:?}",
        report.warnings
    );
    assert_eq!(
        fs::read(out.join("assets/site/images/me.png")).unwrap(),
        b"PNG"
    );
}

#[test]
fn an_image_a_theme_serves_is_copied_and_the_sites_own_file_wins() {
    let site = sample_site();
    edit_config(site.path(), |settings| format!("theme = \"t\"\n{settings}"));
    let theme_static = site.path().join("themes/t/static/img");
    fs::create_dir_all(&theme_static).unwrap();
    fs::write(theme_static.join("logo.png"), b"THEME").unwrap();
    fs::write(theme_static.join("both.png"), b"THEME").unwrap();
    fs::create_dir_all(site.path().join("static/img")).unwrap();
    fs::write(site.path().join("static/img/both.png"), b"SITE").unwrap();
    let (report, out, html) = export_sample_with(
        site.path(),
        "![logo](/img/logo.png) ![both](/img/both.png)\n",
    );
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
    let copy = "assets/root/themes/t/static/img/logo.png";
    assert!(html.contains(&format!("src=\"{copy}\"")), "{html}");
    assert_eq!(fs::read(out.join(copy)).unwrap(), b"THEME");
    assert!(html.contains("src=\"assets/site/img/both.png\""), "{html}");
    assert_eq!(
        fs::read(out.join("assets/site/img/both.png")).unwrap(),
        b"SITE"
    );
}

#[test]
fn an_images_fragment_and_query_stay_and_raw_html_images_are_copied_too() {
    // PaperMod's `cover.png#center`; an `<img>` written in the page with `unsafe` on.
    let site = sample_site();
    edit_config(site.path(), |settings| {
        format!("{settings}\n[markup.goldmark.renderer]\nunsafe = true\n")
    });
    fs::write(site.path().join("content/en/cover.png"), b"PNG").unwrap();
    let (_, _, html) = export_sample_with(
        site.path(),
        "![a](cover.png#center) ![b](cover.png?v=2)\n\n<img src=\"cover.png\" alt=\"raw\">\n",
    );
    for src in [
        "src=\"assets/root/content/en/cover.png#center\"",
        "src=\"assets/root/content/en/cover.png?v=2\"",
        "src=\"assets/root/content/en/cover.png\" alt=\"raw\"",
    ] {
        assert!(html.contains(src), "{src} in {html}");
    }
}

#[test]
fn files_a_template_links_to_or_styles_with_are_copied_as_its_images_are() {
    // A gallery's link to the full image, a lazy loader's `data-src`, Docsy's cover
    // `<style>`, a CV in `static/`; a link to another page goes to the published site.
    let site = sample_site();
    fs::create_dir_all(site.path().join("assets")).unwrap();
    fs::create_dir_all(site.path().join("static")).unwrap();
    fs::write(site.path().join("assets/bg.png"), b"PNG").unwrap();
    fs::write(site.path().join("static/cv.pdf"), b"PDF").unwrap();
    fs::write(site.path().join("static/a:b.pdf"), b"PDF").unwrap();
    fs::write(
        site.path().join("layouts/shortcodes/gallery.html"),
        "{{ with resources.Get \"bg.png\" }}<a href=\"{{ .RelPermalink }}\">full</a>\
         <img data-src=\"{{ .RelPermalink }}\" alt=\"\">\
         <style>.cover { background: url({{ .RelPermalink }}) }</style>{{ end }}\
         <a href=\"/cv.pdf\">CV</a> <a href=\"/blog/\">Blog</a> <a href=\"/a:b.pdf\">ab</a>\
         <a href=\"https://example.dev/about/#top\">self</a>",
    )
    .unwrap();
    exports_cleanly(
        site.path(),
        "{{< gallery >}}\n",
        &[
            "<a href=\"assets/root/assets/bg.png\">full</a>",
            "data-src=\"assets/root/assets/bg.png\"",
            "url(assets/root/assets/bg.png)",
            "<a href=\"assets/site/cv.pdf\">CV</a>",
            "<a href=\"https://example.dev/blog/\">Blog</a>",
            // A colon that starts no scheme; the page itself by its permalink (review 52b, 7).
            "<a href=\"assets/site/a-b-",
            "<a href=\"#top\">self</a>",
        ],
    );
}

#[test]
fn a_resource_url_with_a_query_or_fragment_added_by_its_template_points_at_the_copy_and_keeps_them()
{
    // PaperMod's image hook appends the Markdown's `?query` and `#fragment` to the
    // resource's `.RelPermalink`.
    let site = sample_site();
    fs::create_dir_all(site.path().join("assets/img")).unwrap();
    fs::write(site.path().join("assets/img/a.png"), b"PNG").unwrap();
    fs::write(
        site.path().join("layouts/shortcodes/pic.html"),
        "{{ with resources.Get \"img/a.png\" }}<img src=\"{{ .RelPermalink }}?v=2#top\" alt=\"\">{{ end }}",
    )
    .unwrap();
    let (report, dir, html) = export_sample_with(site.path(), "{{< pic >}}\n");
    assert!(
        html.contains("<img src=\"assets/root/assets/img/a.png?v=2#top\""),
        "{html}"
    );
    assert!(dir.join("assets/root/assets/img/a.png").is_file());
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
}

#[test]
fn urls_in_single_quoted_or_unquoted_attributes_and_in_tags_over_lines_point_at_the_copies() {
    // toha's `rimg` writes `srcset='…'`, which a browser prefers to `src`.
    let site = sample_site();
    fs::create_dir_all(site.path().join("assets/img")).unwrap();
    fs::write(site.path().join("assets/img/a.png"), b"PNG").unwrap();
    fs::write(
        site.path().join("layouts/shortcodes/pic.html"),
        "{{ with resources.Get \"img/a.png\" }}<img srcset='{{ .RelPermalink }} 500w' alt=\"\">\
         <img src={{ .RelPermalink }} alt=\"\"><img\n  src=\"{{ .RelPermalink }}\" alt=\"\">\
         <a href='{{ .RelPermalink }}'>full</a>{{ end }}\
         <pre>&lt;img src=\"/img/a.png\"&gt;</pre><p>Write src=\"/img/a.png\" in it.</p>",
    )
    .unwrap();
    let (report, _, html) = export_sample_with(site.path(), "{{< pic >}}\n");
    // A tag whose URL changed is written again, its attributes double-quoted.
    for wanted in [
        "<img srcset=\"assets/root/assets/img/a.png 500w\" alt=\"\">",
        "<img src=\"assets/root/assets/img/a.png\" alt=\"\"><img src=\"assets/root/assets/img/a.png\"",
        "<a href=\"assets/root/assets/img/a.png\">full</a>",
        // Hunt AI, 5: text that looks like an attribute is text, left as written.
        "<pre>&lt;img src=\"/img/a.png\"&gt;</pre><p>Write src=\"/img/a.png\" in it.</p>",
    ] {
        assert!(html.contains(wanted), "{wanted} in {html}");
    }
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
}

fn unsafe_site_with_scripts() -> tempfile::TempDir {
    let site = sample_site();
    edit_config(site.path(), |c| {
        format!("{c}\n[markup.goldmark.renderer]\nunsafe = true\n")
    });
    fs::copy(
        root().join("tests/fixtures/parity/raw-html.md"),
        site.path().join("content/en/about.md"),
    )
    .unwrap();
    site
}

#[test]
fn scripts_handlers_and_javascript_links_never_reach_the_export_or_preview() {
    let site = unsafe_site_with_scripts();
    let doc = sample_doc(site.path());
    let out = site.path().join("export");
    export(&doc, &out).unwrap();
    for html in [
        fs::read_to_string(out.join("index.html")).unwrap(),
        doc.preview_html(None, None),
    ] {
        let lower = html.to_lowercase();
        assert!(!lower.contains("<script"), "script in output");
        assert!(!lower.contains("onerror"), "event handler in output");
        assert!(!lower.contains("javascript:"), "javascript: URL in output");
        assert!(html.contains("<kbd>Ctrl</kbd>"), "safe raw HTML stays");
        assert!(
            html.contains("<span style=\"font-style: italic\" tabindex=\"0\">Styled</span>"),
            "inline styles stay, as Hugo keeps them: {html}"
        );
        for element in [
            "<video controls",
            "<svg viewBox=\"0 0 2 2\"",
            "<iframe src=",
        ] {
            assert!(html.contains(element), "{element} stays: {html}");
        }
    }
}

#[test]
fn raw_html_is_omitted_by_default() {
    let site = sample_site();
    fs::copy(
        root().join("tests/fixtures/parity/raw-html.md"),
        site.path().join("content/en/about.md"),
    )
    .unwrap();
    let html = sample_doc(site.path()).preview_html(None, None);
    assert!(html.contains("<!-- raw HTML omitted -->"));
    assert!(!html.contains("<kbd>"));
}

fn exports_of_every_fixture(dir: &Path) -> Vec<PathBuf> {
    let mut pages = vec![];
    for (i, name) in ["sample", "markdown-features", "shortcodes", "raw-html"]
        .iter()
        .enumerate()
    {
        let site = dir.join(format!("site{i}"));
        copy_dir(&root().join("content"), &site);
        if *name == "raw-html" {
            edit_config(&site, |c| {
                format!("{c}\n[markup.goldmark.renderer]\nunsafe = true\n")
            });
        }
        fs::copy(
            root().join(format!("tests/fixtures/parity/{name}.md")),
            site.join("content/en/about.md"),
        )
        .unwrap();
        let out = dir.join(format!("export-{name}"));
        export(&sample_doc(&site), &out).unwrap();
        pages.push(out.join("index.html"));
    }
    pages
}

#[test]
fn exports_are_valid_html5() {
    let jar = root().join("target/tools/node/node_modules/vnu-jar/build/dist/vnu.jar");
    assert!(
        jar.exists(),
        "the Nu HTML checker is needed: run `make deps-test`"
    );
    let dir = tempfile::tempdir().unwrap();
    let pages = exports_of_every_fixture(dir.path());
    let out = Command::new("java")
        .arg("-jar")
        .arg(&jar)
        .args(["--errors-only", "--format", "text"])
        .args(&pages)
        .output()
        .expect("java runs");
    assert!(
        out.status.success(),
        "vnu found errors:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn exports_have_no_axe_violations_in_chromium() {
    let modules = root().join("target/tools/node/node_modules");
    assert!(
        modules.join("axe-core").exists(),
        "axe-core is needed: run `make deps-test`"
    );
    let dir = tempfile::tempdir().unwrap();
    let pages = exports_of_every_fixture(dir.path());
    let out = Command::new("node")
        .arg(root().join("tests/a11y/axe.mjs"))
        .args(&pages)
        .env("NODE_PATH", &modules)
        .output()
        .expect("node runs");
    assert!(
        out.status.success(),
        "axe-core violations:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn the_cli_exports_a_site_folder() {
    let site = sample_site();
    let out = site.path().join("public-folio");
    let status = Command::new(env!("CARGO_BIN_EXE_folio"))
        .args([
            "export",
            site.path().to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ])
        .status()
        .unwrap();
    assert!(status.success());
    assert!(out.join("index.html").is_file() && out.join(MANIFEST).is_file());
}

/// Asserts that no export staging folder (`.NAME.folio-new-…`, `.folio-old-…`) is left in
/// `dir`.
fn assert_no_staging_folders(dir: &Path) {
    let beside: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        beside.iter().all(|n| !n.contains("folio-")),
        "no temp folders left: {beside:?}"
    );
}

#[test]
fn an_unknown_icon_is_exported_as_hugo_renders_it_and_flagged_only_in_the_preview() {
    let site = sample_site();
    let page = site.path().join("content/en/about.md");
    let text =
        fs::read_to_string(&page)
            .unwrap()
            .replacen("tech-icons=\"", "tech-icons=\"kubernetes ", 1);
    fs::write(&page, text).unwrap();
    let doc = sample_doc(site.path());
    let out = site.path().join("out");
    export(&doc, &out).unwrap();
    let html = fs::read_to_string(out.join("index.html")).unwrap();
    assert!(
        html.contains(r#"<span class="fab fa-xl fa-kubernetes"></span>"#),
        "Hugo's empty icon element"
    );
    assert!(
        !html.contains("folio-unknown-icon") && !html.contains("Not a Font Awesome"),
        "no editor mark in the export"
    );
    let preview = doc.preview_html(None, None);
    assert!(
        preview.contains("folio-unknown-icon"),
        "the preview marks it for the editor"
    );
}

#[test]
fn a_pages_export_is_in_its_language_and_names_the_sites_other_languages() {
    let site = sample_site();
    edit_config(site.path(), |text| {
        format!("{text}\n[languages.pt]\ncontentDir = \"content/pt\"\nlanguageName = \"Português\"\nweight = 2\n")
    });
    fs::create_dir_all(site.path().join("content/pt")).unwrap();
    let sobre = site.path().join("content/pt/about.md");
    fs::copy(site.path().join("content/en/about.md"), &sobre).unwrap();
    let out = site.path().join("out");
    let report = export(&OpenPage::open(&sobre).unwrap(), &out).unwrap();
    assert_eq!(
        (
            report.language.code.as_str(),
            report.other_languages.clone()
        ),
        ("pt", vec!["English".to_string()])
    );
    let html = fs::read_to_string(out.join("index.html")).unwrap();
    assert!(html.contains(r#"<html lang="pt">"#));
    assert!(
        html.contains("Feito com o Folio. Ícones: "),
        "the footer in Portuguese"
    );
    assert!(html.contains(r#"aria-label="Contato""#));
    assert!(!html.contains("Made with Folio"));
}

#[test]
fn a_right_to_left_languages_export_and_preview_say_so_on_the_html_element() {
    // Hunt AI, 10: Hugo's themes write `dir="rtl"` from the language's direction; the
    // export's page had none, and Hebrew text ran left to right.
    let site = sample_site();
    edit_config(site.path(), |text| {
        text.replace("weight = 1\n", "weight = 1\nlanguageDirection = \"rtl\"\n")
    });
    let (_, _, html) = export_sample_with(site.path(), "");
    assert!(
        html.contains("<html lang=\"en\" dir=\"rtl\">"),
        "{html:.300}"
    );
    let preview = sample_doc(site.path()).preview_html(None, None);
    assert!(preview.contains("dir=\"rtl\""), "{preview:.300}");
}

#[test]
fn an_export_folder_inside_a_folder_hugo_reads_is_refused() {
    // Hunt AI, 9: in `static/` Hugo published it, and each export took the last one's
    // stylesheets for the site's; in `content/` Hugo failed on its HTML.
    let site = sample_site();
    let doc = sample_doc(site.path());
    for inside in ["static/export", "content/en/export", "layouts/x"] {
        let out = site.path().join(inside);
        let err = export(&doc, &out).unwrap_err().to_string();
        assert!(err.contains("inside the site's"), "{err}");
        assert!(!out.exists(), "{inside}");
    }
    export(&doc, &site.path().join("public-folio")).unwrap();
}

#[test]
fn an_export_folder_is_judged_where_it_resolves_and_where_the_config_puts_the_folders() {
    // Review 47a, 9 and 47b, 4: a link into `static/` and a `staticDir` of the config got
    // through; `static/../../y`, outside the site, was refused.
    let site = sample_site();
    let doc = sample_doc(site.path());
    fs::create_dir_all(site.path().join("static/served")).unwrap();
    let link = site.path().join("served-link");
    std::os::unix::fs::symlink(site.path().join("static/served"), &link).unwrap();
    let err = export(&doc, &link).unwrap_err().to_string();
    assert!(err.contains("inside the site's `static` folder"), "{err}");
    let outside = tempfile::tempdir().unwrap();
    let name = outside.path().file_name().unwrap().to_str().unwrap();
    let around = site.path().join("static/../..").join(name).join("y");
    export(&doc, &around).unwrap();
    edit_config(site.path(), |text| {
        format!("staticDir = [\"files\", \"more\"]\n{text}")
    });
    let doc = sample_doc(site.path());
    let err = export(&doc, &site.path().join("more/x"))
        .unwrap_err()
        .to_string();
    assert!(err.contains("inside the site's `more` folder"), "{err}");
}

#[test]
fn a_bundles_files_are_copied_from_a_content_folder_that_is_a_link() {
    // Review 47a, 3: Hugo publishes them; the content folder's own link was taken for one
    // the files are reached through.
    let site = sample_site();
    let real = tempfile::tempdir().unwrap();
    let en = site.path().join("content/en");
    copy_dir(&en, real.path());
    fs::write(real.path().join("me.png"), b"png").unwrap();
    fs::remove_dir_all(&en).unwrap();
    std::os::unix::fs::symlink(real.path(), &en).unwrap();
    let (report, out, html) = export_sample_with(site.path(), "![me](me.png)\n");
    assert!(
        html.contains("<img src=\"assets/root/content/en/me.png\""),
        "{html:.200}"
    );
    assert!(out.join("assets/root/content/en/me.png").is_file());
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
}

#[test]
fn a_noscript_image_and_an_attribute_named_in_capitals_are_pointed_at_their_copies() {
    // Review 47a, 7 and 8: a `<noscript>` is HTML where scripts do not run (the sandboxed
    // preview); `<IMG SRC=…>` is a URL attribute too.
    let site = sample_site();
    fs::create_dir_all(site.path().join("static/img")).unwrap();
    for name in ["a", "b", "c"] {
        fs::write(site.path().join(format!("static/img/{name}.png")), b"png").unwrap();
    }
    fs::write(
        site.path().join("layouts/shortcodes/lazy.html"),
        "<img data-src=\"/img/a.png\" class=\"lazy\"><noscript><img src=\"/img/b.png\"></noscript><IMG SRC=\"/img/c.png\">",
    )
    .unwrap();
    let (report, out, html) = export_sample_with(site.path(), "{{< lazy >}}\n");
    for name in ["a", "b", "c"] {
        assert!(
            html.contains(&format!("\"assets/site/img/{name}.png\"")),
            "{name} in {html:.300}"
        );
        assert!(
            out.join(format!("assets/site/img/{name}.png")).is_file(),
            "{name}"
        );
    }
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
}

#[test]
fn a_static_file_comes_from_the_folders_static_dir_names_the_last_winning_as_in_hugo() {
    // `staticDir` was ignored: 7 places assumed `static/` (note 47, E).
    let site = sample_site();
    edit_config(site.path(), |text| {
        text.replace("title = ", "staticDir = [\"static\", \"more\"]\ntitle = ")
    });
    for (dir, body) in [("static", "static's"), ("more", "more's")] {
        fs::create_dir_all(site.path().join(dir).join("img")).unwrap();
        fs::write(site.path().join(dir).join("img/a.png"), body).unwrap();
    }
    fs::write(site.path().join("more/img/b.png"), "b").unwrap();
    // Hugo serves the union, the later folder's file over the earlier's.
    crate::support::hugo_build(site.path(), "staticDir");
    assert_eq!(
        fs::read_to_string(site.path().join("public/img/a.png")).unwrap(),
        "more's"
    );
    let (report, out, html) =
        export_sample_with(site.path(), "![a](/img/a.png) ![b](/img/b.png)\n");
    assert!(
        html.contains("src=\"assets/site/img/a.png\"")
            && html.contains("src=\"assets/site/img/b.png\""),
        "{html:.400}"
    );
    assert_eq!(
        fs::read_to_string(out.join("assets/site/img/a.png")).unwrap(),
        "more's"
    );
    assert!(out.join("assets/site/img/b.png").is_file());
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
    // The image picker offers each once, from the folder that wins.
    let doc = OpenPage::open(&site.path().join("content/en/about.md")).unwrap();
    let listed: Vec<(String, PathBuf)> = folio::site::images::list(
        site.path(),
        &doc.site.own_static_dirs(),
        &site.path().join("content/en/about.md"),
    )
    .into_iter()
    .filter(|i| i.value.starts_with("/img/"))
    .map(|i| (i.value, i.file))
    .collect();
    assert_eq!(
        listed,
        [
            ("/img/a.png".into(), site.path().join("more/img/a.png")),
            ("/img/b.png".into(), site.path().join("more/img/b.png")),
        ]
    );
}

#[test]
fn a_static_stylesheets_relative_url_is_the_file_the_site_serves_from_its_winning_folder() {
    // Review 48f, 3: `url(../img/bg.png)` in `static/css/base.css` took `static/img/bg.png`
    // beside it; Hugo serves `more/img/bg.png` at `/img/bg.png`.
    let site = sample_site();
    edit_config(site.path(), |text| {
        text.replace("title = ", "staticDir = [\"static\", \"more\"]\ntitle = ")
    });
    for (dir, body) in [("static", "red"), ("more", "blue")] {
        fs::create_dir_all(site.path().join(dir).join("img")).unwrap();
        fs::write(site.path().join(dir).join("img/bg.png"), body).unwrap();
    }
    fs::create_dir_all(site.path().join("static/css")).unwrap();
    fs::write(
        site.path().join("static/css/base.css"),
        "body { background-image: url(../img/bg.png); }\n",
    )
    .unwrap();
    crate::support::hugo_build(site.path(), "staticDir");
    assert_eq!(
        fs::read_to_string(site.path().join("public/img/bg.png")).unwrap(),
        "blue"
    );
    let out = site.path().join("export");
    folio::export::export_styled(&sample_doc(site.path()), &out, true).unwrap();
    assert_eq!(
        fs::read_to_string(out.join("assets/site/img/bg.png")).unwrap(),
        "blue"
    );
}

#[test]
fn a_stylesheets_font_reached_through_a_link_out_of_the_site_is_not_copied() {
    // Review 48e, 2: `url(../fonts/x.woff2)` beside the sheet, a link to a file outside
    // the site: Hugo publishes no font; the export copied the outside file.
    let site = sample_site();
    let outside = tempfile::tempdir().unwrap();
    fs::write(outside.path().join("secret.woff2"), "SECRET").unwrap();
    fs::create_dir_all(site.path().join("static/css")).unwrap();
    fs::create_dir_all(site.path().join("static/fonts")).unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("secret.woff2"),
        site.path().join("static/fonts/x.woff2"),
    )
    .unwrap();
    fs::write(
        site.path().join("static/css/a.css"),
        "@font-face { src: url(../fonts/x.woff2); }\n",
    )
    .unwrap();
    crate::support::hugo_build(site.path(), "linked font");
    assert!(!site.path().join("public/fonts/x.woff2").exists());
    let out = site.path().join("export");
    folio::export::export_styled(&sample_doc(site.path()), &out, true).unwrap();
    assert!(
        all_files(&out).iter().all(|(_, bytes)| bytes != b"SECRET"),
        "the outside file was copied"
    );
}

#[test]
fn an_objects_data_is_pointed_at_its_copy_and_another_elements_data_is_no_url() {
    // Hunt AK, 7: an embedded CV (`<object data=…>`) stayed `/files/cv.pdf`, uncopied.
    let site = sample_site();
    fs::create_dir_all(site.path().join("static/files")).unwrap();
    fs::write(site.path().join("static/files/cv.pdf"), b"%PDF").unwrap();
    fs::write(
        site.path().join("layouts/shortcodes/cv.html"),
        "<object data=\"{{ \"files/cv.pdf\" | relURL }}\" type=\"application/pdf\"></object><div data=\"/files/cv.pdf\"></div>",
    )
    .unwrap();
    let (report, out, html) = export_sample_with(site.path(), "{{< cv >}}\n");
    assert!(
        html.contains("<object data=\"assets/site/files/cv.pdf\" type=\"application/pdf\"></object><div data=\"/files/cv.pdf\">"),
        "{html:.400}"
    );
    assert!(out.join("assets/site/files/cv.pdf").is_file());
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
}

#[test]
fn a_relative_url_to_no_file_beside_the_page_is_the_static_file_its_url_resolves_to() {
    // Hunt AI, 7: `![up](../img/a.png)` on the page at `/sub/about/` is `/sub/img/a.png` to
    // a browser; Folio looked beside the page's file, warned, and left it pointing out of
    // the folder.
    let site = sample_site();
    edit_config(site.path(), |text| {
        text.replace("https://example.dev/", "https://example.dev/sub/")
    });
    fs::create_dir_all(site.path().join("static/img")).unwrap();
    fs::write(site.path().join("static/img/a.png"), b"png").unwrap();
    let (report, out, html) = export_sample_with(site.path(), "![up](../img/a.png?v=1)\n");
    assert!(
        html.contains("<img src=\"assets/site/img/a.png?v=1\" alt=\"up\">"),
        "{html:.300}"
    );
    assert!(out.join("assets/site/img/a.png").is_file());
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
}

#[test]
fn a_link_to_the_exported_page_itself_stays_within_the_export_under_a_base_path_too() {
    // Hunt AI, 7: under `https://x.org/blog/` a link to the page's own `#top` left the
    // folder for the site.
    let site = sample_site();
    edit_config(site.path(), |text| {
        text.replace("https://example.dev/", "https://example.dev/sub/")
    });
    let (_, _, html) = export_sample_with(
        site.path(),
        "[a](/sub/about/#top) [b](https://example.dev/sub/about/#x) [c](/sub/about/) [d](/sub/posts/)\n",
    );
    for want in [
        "<a href=\"#top\">a</a>",
        "<a href=\"#x\">b</a>",
        "<a href=\"index.html\">c</a>",
        "<a href=\"https://example.dev/sub/posts/\">d</a>",
    ] {
        assert!(html.contains(want), "{want} in {html:.300}");
    }
}

/// The sample with raw HTML on and a second page, `/work/`, to link to.
fn sample_with_a_work_page() -> tempfile::TempDir {
    let site = sample_site();
    edit_config(site.path(), |text| {
        text + "\n[markup.goldmark.renderer]\nunsafe = true\n"
    });
    fs::create_dir_all(site.path().join("content/en/work")).unwrap();
    fs::write(
        site.path().join("content/en/work/index.md"),
        "---\ntitle: Work\n---\n",
    )
    .unwrap();
    site
}

#[test]
fn a_relative_link_to_the_page_itself_stays_in_the_export_and_a_hooks_call_url_is_pointed() {
    let site = sample_with_a_work_page();
    // A relative link to the page itself stays within the export (review 52b, 2). (In
    // Markdown, Hugo's embedded link hook, on for the sample, makes `./` the home page.)
    let (_, _, html) = export_sample_with(
        site.path(),
        "<a href=\"./\">a</a> <a href='./#top'>b</a> <a href=../about/#top>c</a>\n",
    );
    for want in [
        "<a href=\"index.html\">a</a>",
        "<a href=\"#top\">b</a>",
        "<a href=\"#top\">c</a>",
    ] {
        assert!(html.contains(want), "{want} in {html:.300}");
    }
    // A site's link hook gets the call's placeholder as its destination; the call's URL is
    // pointed once it is in (review 52b, 1).
    fs::create_dir_all(site.path().join("layouts/_markup")).unwrap();
    fs::write(
        site.path().join("layouts/_markup/render-link.html"),
        "<a href=\"{{ .Destination | safeURL }}\">{{ .Text }}</a>",
    )
    .unwrap();
    let (_, _, html) = export_sample_with(site.path(), "[h]({{< relref \"work\" >}}#x)\n");
    assert!(
        html.contains("<a href=\"https://example.dev/work/#x\">h</a>"),
        "{html:.300}"
    );
}

#[test]
fn a_link_to_another_page_of_the_site_goes_to_the_published_page_which_the_folder_does_not_hold() {
    // Trial 52a-3: `relref` wrote `/en/work/`, which names the disk's root when the
    // export is opened from its folder.
    let site = sample_with_a_work_page();
    exports_cleanly(
        site.path(),
        "[w]({{< relref \"work\" >}}) [f](/work/?p=2#top) [mail](mailto:a@b.c) \
         [t]({{< relref \"work\" >}}#top)\n\n<a href='{{< relref \"work\" >}}?tab=2'>q</a>\n",
        &[
            "<a href=\"https://example.dev/work/\">w</a>",
            "<a href=\"https://example.dev/work/?p=2#top\">f</a>",
            "<a href=\"mailto:a@b.c\">mail</a>",
            // Hunt AR-1: a fragment or a query after the call's URL.
            "<a href=\"https://example.dev/work/#top\">t</a>",
            "<a href='https://example.dev/work/?tab=2'>q</a>",
        ],
    );
    // A relative link to a page is read from the page's URL (`/about/`, hunt AR-2); one to
    // a file the site does not have stays, said (AR-8).
    // The feeds and the sitemap Hugo makes of its own are on the site (review 62b).
    let (report, _, html) = export_sample_with(
        site.path(),
        "[r](../work/#x) [m](missing.pdf) [feed](/work/index.xml) [map](/sitemap.xml)\n",
    );
    assert!(
        html.contains("<a href=\"https://example.dev/work/#x\">r</a>")
            && html.contains("<a href=\"missing.pdf\">m</a>")
            && html.contains("<a href=\"https://example.dev/work/index.xml\">feed</a>")
            && html.contains("<a href=\"https://example.dev/sitemap.xml\">map</a>"),
        "{html:.300}"
    );
    assert!(
        report.warnings.iter().any(|w| w
            .message
            .contains("link `missing.pdf` names a file the site does not have")),
        "{:?}",
        report.warnings
    );
    assert_eq!(report.warnings.len(), 1, "{:?}", report.warnings);
    // With no address to link to, the link stays and the export says so.
    edit_config(site.path(), |text| {
        text.replace("baseURL = \"https://example.dev/\"", "baseURL = \"/\"")
    });
    let (report, _, html) = export_sample_with(site.path(), "[w](/work/)\n");
    assert!(html.contains("<a href=\"/work/\">w</a>"), "{html:.300}");
    assert!(
        report
            .warnings
            .iter()
            .any(|w| w.message.contains("link `/work/` goes to another page")),
        "{:?}",
        report.warnings
    );
}

#[test]
fn a_link_from_the_hosts_root_on_a_site_below_it_goes_where_a_browser_takes_it() {
    // On a site at `https://example.dev/~me/`, `/pubs/talk/` is the host's, as Hugo leaves
    // it and a browser resolves it; `relref` and a relative link are the site's, and so is
    // `/about/`, which Hugo's link hook finds as the page itself (checked with Hugo 0.168:
    // `/~me/about/`). Review 57a, 5: Folio put the host's path under the site's.
    let site = sample_with_a_work_page();
    edit_config(site.path(), |text| {
        text.replace(
            "baseURL = \"https://example.dev/\"",
            "baseURL = \"https://example.dev/~me/\"",
        )
    });
    // An image from the host's root is the host's too, not the site's file (review 57b, 8).
    fs::create_dir_all(site.path().join("static/img")).unwrap();
    fs::write(site.path().join("static/img/a.png"), b"png").unwrap();
    exports_cleanly(
        site.path(),
        "[h](/pubs/talk/) [w]({{< relref \"work\" >}}) [r](../work/#x) [a](/about/) \
         ![i](/img/a.png)\n",
        &[
            "<a href=\"https://example.dev/pubs/talk/\">h</a>",
            "<a href=\"https://example.dev/~me/work/\">w</a>",
            "<a href=\"https://example.dev/~me/work/#x\">r</a>",
            "<a href=\"index.html\">a</a>",
            "<img src=\"https://example.dev/img/a.png\" alt=\"i\">",
        ],
    );
    // `canonifyURLs` puts them under the base URL, as Hugo writes them (review 57b, 1).
    edit_config(site.path(), |text| format!("canonifyURLs = true\n{text}"));
    let (_, _, html) = export_sample_with(site.path(), "[h](/pubs/talk/)\n");
    let want = "<a href=\"https://example.dev/~me/pubs/talk/\">h</a>";
    assert!(html.contains(want), "{want} in {html}");
}

#[test]
fn raw_html_images_are_pointed_at_their_copies_however_their_attributes_are_quoted() {
    // Hunt AR-7: only a block with a double-quoted URL attribute was read.
    let site = sample_site();
    edit_config(site.path(), |text| {
        text + "\n[markup.goldmark.renderer]\nunsafe = true\n"
    });
    fs::create_dir_all(site.path().join("static/img")).unwrap();
    fs::write(site.path().join("static/img/a.png"), b"png").unwrap();
    exports_cleanly(
        site.path(),
        "<style>.m{background:url(/img/a.png)}</style>\n\n\
         <p><a href='/img/a.png'>s</a> <img src=/img/a.png alt=u></p>\n",
        &[
            ".m{background:url(assets/site/img/a.png)}",
            "<a href=\"assets/site/img/a.png\">s</a>",
            "<img src=\"assets/site/img/a.png\" alt=u>",
        ],
    );
}

#[test]
fn a_sites_title_set_for_its_language_heads_the_export() {
    let site = sample_site();
    edit_config(site.path(), |settings| {
        settings
            .replace("title = \"Sample portfolio\"\n", "")
            .replace(
                "[languages.en]\n",
                "[languages.en]\ntitle = \"Per-language title\"\n",
            )
    });
    let out = site.path().join("export");
    export(&sample_doc(site.path()), &out).unwrap();
    let html = fs::read_to_string(out.join("index.html")).unwrap();
    assert!(html.contains("<h1>Per-language title</h1>"), "{html}");
}

#[test]
fn an_image_written_on_the_sites_own_base_url_is_copied_as_its_path_is() {
    // A theme's image hook that writes `absURL`s (hugo-clarity's).
    let site = sample_site();
    let hooks = site.path().join("layouts/_default/_markup");
    fs::create_dir_all(&hooks).unwrap();
    fs::write(
        hooks.join("render-image.html"),
        "<img src=\"{{ .Destination | absURL }}\" alt=\"{{ .Text }}\">",
    )
    .unwrap();
    fs::create_dir_all(site.path().join("static/images")).unwrap();
    fs::write(site.path().join("static/images/n.gif"), b"GIF").unwrap();
    let (report, out, html) = export_sample_with(site.path(), "![note](images/n.gif)\n");
    assert!(html.contains("src=\"assets/site/images/n.gif\""), "{html}");
    assert_eq!(
        fs::read(out.join("assets/site/images/n.gif")).unwrap(),
        b"GIF"
    );
    assert!(
        report.warnings.iter().all(|w| !w.message.contains("n.gif")),
        "{:?}",
        report.warnings
    );
}

#[test]
fn a_site_with_a_host_per_language_links_other_pages_on_the_pages_own_host() {
    // Review 52b, 3: the export took the site's baseURL (none here) for the language's.
    let site = crate::support::site_of(&[
        (
            "hugo.toml",
            "[languages.en]\nbaseURL = \"https://a.com/\"\ncontentDir = \"content/en\"\nweight = 1\n\
             [languages.fr]\nbaseURL = \"https://b.fr/sub/\"\ncontentDir = \"content/fr\"\nweight = 2\n",
        ),
        ("content/fr/about.md", "---\ntitle: A\n---\n[w](/sub/work/)\n"),
        ("content/fr/work.md", "---\ntitle: W\n---\n"),
    ]);
    let doc = folio::OpenPage::open(&site.path().join("content/fr/about.md")).unwrap();
    let outside = tempfile::tempdir().unwrap();
    let out = outside.path().join("export");
    let report = export(&doc, &out).unwrap();
    let html = fs::read_to_string(out.join("index.html")).unwrap();
    assert!(
        html.contains("<a href=\"https://b.fr/sub/work/\">w</a>"),
        "{html:.300}"
    );
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
}
