//! The `folio` binary, run as a user would: exit codes, output, and what it writes.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use crate::support::{change, sample_site};

fn folio(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("folio runs");
    let mut input = child.stdin.take().expect("stdin");
    if let Some(s) = stdin {
        // folio may exit (on a broken page) before it reads its input.
        match input.write_all(s.as_bytes()) {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
            other => other.expect("write stdin"),
        }
    }
    drop(input);
    child.wait_with_output().expect("folio exits")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn about_path(dir: &Path) -> PathBuf {
    dir.join("content/en/about.md")
}

fn about(dir: &Path) -> String {
    about_path(dir).display().to_string()
}

/// `folio export` of the site's about page into its folder `out`: what it printed and
/// its exit, and the folder.
fn export_about(dir: &Path) -> (Output, PathBuf) {
    let out_dir = dir.join("out");
    let out = folio(
        &["export", &about(dir), "--out", out_dir.to_str().unwrap()],
        None,
    );
    (out, out_dir)
}

#[test]
fn dump_then_apply_leaves_the_page_and_its_mtime_untouched() {
    let dir = sample_site();
    let page = about(dir.path());
    let before = fs::metadata(&page).unwrap().modified().unwrap();
    let dump = folio(&["dump", &page], None);
    assert_eq!(dump.status.code(), Some(0), "{}", text(&dump.stderr));
    std::thread::sleep(std::time::Duration::from_millis(20));
    let apply = folio(&["apply", &page, "-"], Some(&text(&dump.stdout)));
    assert_eq!(apply.status.code(), Some(0), "{}", text(&apply.stderr));
    assert_eq!(fs::metadata(&page).unwrap().modified().unwrap(), before);
    assert_eq!(
        fs::read_to_string(&page).unwrap(),
        crate::support::sample_text()
    );
}

#[test]
fn a_title_change_through_apply_changes_only_the_title_bytes() {
    let dir = sample_site();
    let page = about(dir.path());
    let dump = folio(&["dump", &page], None);
    let edited = text(&dump.stdout).replace(
        "\"title\": \"Game backends\"",
        "\"title\": \"Game servers\"",
    );
    let model = dir.path().join("model.json");
    fs::write(&model, edited).unwrap();
    let out = folio(&["apply", &page, model.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let old = crate::support::sample_text();
    let new = fs::read_to_string(&page).unwrap();
    let c = change(&old, &new);
    assert_eq!((c.old, c.new), ("backend", "server"));
}

#[test]
fn every_page_fixture_survives_dump_piped_into_apply() {
    for path in crate::support::page_fixtures() {
        let dir = tempfile::tempdir().unwrap();
        let copy = dir.path().join("page.md");
        fs::copy(&path, &copy).unwrap();
        let p = copy.to_str().unwrap();
        let dump = folio(&["dump", p], None);
        assert_eq!(
            dump.status.code(),
            Some(0),
            "{}: {}",
            path.display(),
            text(&dump.stderr)
        );
        let apply = folio(&["apply", p], Some(&text(&dump.stdout)));
        assert_eq!(
            apply.status.code(),
            Some(0),
            "{}: {}",
            path.display(),
            text(&apply.stderr)
        );
        assert_eq!(
            fs::read(&copy).unwrap(),
            fs::read(&path).unwrap(),
            "{}",
            path.display()
        );
    }
}

#[test]
fn a_bad_model_is_a_located_error_and_the_page_is_untouched() {
    let dir = sample_site();
    let page = about(dir.path());
    let out = folio(
        &["apply", &page, "-"],
        Some("{\n  \"blocks\": [\n    {\"kind\": \"card\", \"id\": 1, \"title\": 3}\n  ]\n}\n"),
    );
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains("<stdin>:3:40: invalid model: invalid type: integer `3`, expected a string"),
        "{err}"
    );
    assert!(err.contains("invalid model"), "{err}");
    assert_eq!(
        fs::read_to_string(&page).unwrap(),
        crate::support::sample_text()
    );
}

#[test]
fn a_model_cut_off_after_a_line_break_is_an_error_at_column_one_of_the_next_line() {
    // Trial 65 (CLI): `trunc.json:2:0`, serde_json's column before the line's first
    // character.
    let dir = sample_site();
    let out = folio(&["apply", &about(dir.path()), "-"], Some("{\n"));
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains("<stdin>:2:1: invalid model: EOF"), "{err}");
}

#[test]
fn an_unknown_block_id_names_its_place_in_the_model() {
    let dir = sample_site();
    let page = about(dir.path());
    let out = folio(
        &["apply", &page, "-"],
        Some("{\"blocks\": [{\"kind\": \"markdown\", \"id\": 40, \"text\": \"x\"}]}"),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("<stdin>: blocks[0].id: block 40 does not exist"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn check_reports_unknown_icons_with_suggestions_and_exits_zero_for_warnings() {
    let dir = sample_site();
    let page = about_path(dir.path());
    let t = fs::read_to_string(&page).unwrap().replace(
        "tech-icons=\"python golang docker aws\"",
        "tech-icons=\"pyhton golang docker aws\"",
    );
    fs::write(&page, t).unwrap();
    let out = folio(&["check", dir.path().to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(0));
    let o = text(&out.stdout);
    assert!(
        o.contains("about.md:15:54: warning: unknown tech icon `pyhton`: did you mean `python`"),
        "{o}"
    );
}

#[test]
fn check_reports_a_parse_error_and_a_missing_param_with_exit_one() {
    let dir = sample_site();
    let page = about_path(dir.path());
    fs::write(&page, "---\ntitle: x\n---\n\n{{< param phone >}}\n").unwrap();
    let out = folio(&["check", page.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stdout).contains("about.md:5:11: error: param `phone` is not set"),
        "{}",
        text(&out.stdout)
    );
    fs::write(&page, "---\ntitle: x\n").unwrap();
    let out = folio(&["check", page.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stdout).contains("about.md:1:1: error: unclosed YAML front matter"),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn check_finds_a_param_in_the_front_matters_params_map() {
    let dir = sample_site();
    let page = about_path(dir.path());
    fs::write(
        &page,
        "---\ntitle: x\nparams:\n  phone: 555\n---\n\n{{< param phone >}}\n",
    )
    .unwrap();
    let out = folio(&["check", page.to_str().unwrap()], None);
    assert!(
        !text(&out.stdout).contains("phone"),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn the_machine_zone_named_local_or_utc_in_tz_is_read_without_hanging() {
    // The sample's page has a date: reading it asks for the machine's zone.
    let page = crate::support::root().join("content/content/en/about.md");
    for tz in ["Local", "UTC", ":Europe/Paris", "No/Such_Zone", ""] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_folio"))
            .args(["check", page.to_str().unwrap()])
            .env("TZ", tz)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("folio runs");
        let started = std::time::Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().unwrap() {
                break status;
            }
            if started.elapsed() > std::time::Duration::from_secs(20) {
                child.kill().unwrap();
                panic!("folio hangs with TZ={tz}");
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        };
        assert!(status.success(), "TZ={tz}");
    }
}

#[test]
fn check_of_the_clean_sample_prints_nothing() {
    let out = folio(
        &[
            "check",
            crate::support::root().join("content").to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(text(&out.stdout), "");
}

#[test]
fn usage_errors_exit_two_and_every_command_has_help() {
    assert_eq!(folio(&["frobnicate"], None).status.code(), Some(2));
    assert_eq!(folio(&["check"], None).status.code(), Some(2));
    for cmd in ["check", "dump", "apply"] {
        let out = folio(&[cmd, "--help"], None);
        assert_eq!(out.status.code(), Some(0), "{cmd}");
        assert!(text(&out.stdout).contains("Usage: folio"), "{cmd}");
    }
}

#[test]
fn a_model_of_the_front_matter_alone_leaves_the_body_and_the_sites_params_as_they_are() {
    // A model without `blocks` and `params` emptied the page's body and the config's
    // `[params]` (hunt AA, 1); `{}` changes nothing.
    let dir = sample_site();
    let page = about(dir.path());
    let config = dir.path().join("hugo.toml");
    let config_before = fs::read_to_string(&config).unwrap();
    let out = folio(&["apply", &page, "-"], Some("{}"));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        fs::read_to_string(&page).unwrap(),
        crate::support::sample_text()
    );
    let dump = text(&folio(&["dump", &page], None).stdout);
    let mut model: serde_json::Value = serde_json::from_str(&dump).unwrap();
    let front_matter = model["frontMatter"].take();
    let mut front_matter = front_matter.as_object().unwrap().clone();
    front_matter.insert("title".into(), "Only the title".into());
    let model = serde_json::json!({ "frontMatter": front_matter });
    let out = folio(&["apply", &page, "-"], Some(&model.to_string()));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let new = fs::read_to_string(&page).unwrap();
    let old = crate::support::sample_text();
    let c = change(&old, &new);
    assert!(c.new.contains("Only the title"), "{c:?}");
    assert!(!c.old.contains('\n'), "{c:?}");
    assert_eq!(fs::read_to_string(&config).unwrap(), config_before);
}

#[test]
fn apply_refuses_an_edit_that_would_stop_hugos_build_and_writes_nothing() {
    // A call of a shortcode the site has no template for typed into prose, and a date
    // Hugo cannot read, were written (hunt AA, 10).
    let dir = sample_site();
    let page = about(dir.path());
    let dump = text(&folio(&["dump", &page], None).stdout);
    let model: serde_json::Value = serde_json::from_str(&dump).unwrap();
    let mut prose = model.clone();
    prose["blocks"][0]["text"] = "Some text {{< nosuch >}}.".into();
    let mut date = model.clone();
    date["frontMatter"]["date"] = "soon".into();
    let cases = [
        (prose, "blocks: the page as edited would stop Hugo's build, at 9:11 of it: shortcode `nosuch` has no template"),
        (date, "frontMatter: the page as edited would stop Hugo's build, at 3:7 of it: the \"date\" front matter field is not a parsable date"),
    ];
    for (model, message) in cases {
        let out = folio(&["apply", &page, "-"], Some(&model.to_string()));
        assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
        assert!(text(&out.stderr).contains(message), "{}", text(&out.stderr));
        assert_eq!(
            fs::read_to_string(&page).unwrap(),
            crate::support::sample_text()
        );
    }
}

#[test]
fn a_broken_page_is_not_written_by_apply() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("p.md");
    fs::write(&page, "---\ntitle: x\n---\n{{< /project-card >}}\n").unwrap();
    let out = folio(&["apply", page.to_str().unwrap(), "-"], Some("{}"));
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("p.md:4:5: got closing shortcode, but none is open"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(
        fs::read_to_string(&page).unwrap(),
        "---\ntitle: x\n---\n{{< /project-card >}}\n"
    );
}

#[test]
fn check_survives_an_escaped_quote_before_a_multibyte_character_in_a_value() {
    let dir = sample_site();
    let page = about_path(dir.path());
    let card = "{{<project-card title=\"T\" tech-icons=\"a\\\"é\">}}body{{</project-card>}}";
    fs::write(&page, format!("---\ntitle: x\n---\n\n{card}\n")).unwrap();
    let out = folio(&["check", &about(dir.path())], None);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("about.md:5:39: warning: unknown tech icon `a\\\"é`"),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn export_survives_a_percent_sign_before_a_multibyte_character_in_a_link() {
    let dir = sample_site();
    let page = about_path(dir.path());
    let bio = "![x](%aé.png) and [](%\u{200d})";
    fs::write(&page, format!("---\ntitle: x\n---\n\n{bio}\n")).unwrap();
    let (out, out_dir) = export_about(dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let html = fs::read_to_string(out_dir.join("index.html")).unwrap();
    // Written as html/template normalises it for Hugo's embedded image hook, on for the
    // sample (a `%` before no two hex digits as `%25`); Hugo itself stops there, its
    // hook's `urls.Parse` failing.
    assert!(
        html.contains(r#"<img src="%25a%C3%A9.png" alt="x">"#),
        "{html}"
    );
}

#[test]
fn export_says_located_where_the_folder_is_not_what_hugo_builds() {
    // Hunt AI, 3 and 7: Folio's card for a call whose template it cannot run, and a
    // reference to no page, were exported with exit 0 and not a word.
    let dir = sample_site();
    fs::write(
        dir.path().join("layouts/shortcodes/hero.html"),
        "{{ with resources.Get \"h.png\" | fingerprint }}<img src=\"{{ .RelPermalink }}\">{{ end }}",
    )
    .unwrap();
    let page = about_path(dir.path());
    fs::write(
        &page,
        "---\ntitle: x\n---\n\n{{< hero >}}\n\n[a]({{< relref \"nope.md\" >}})\n\n\
         Me: ![m](/img/missing.png)\n",
    )
    .unwrap();
    let (out, _) = export_about(dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let said = text(&out.stderr);
    assert!(
        said.contains(&format!(
            "{}:5:1: warning: the preview and the export show Folio's card here",
            page.display()
        )),
        "{said}"
    );
    assert!(
        said.contains(&format!(
            "{}:7:16: error: Ref \"nope.md\": page not found",
            page.display()
        )),
        "{said}"
    );
    // An export's own warnings are located too, where the page writes the URL.
    assert!(
        said.contains(&format!(
            "{}:9:10: warning: file `/img/missing.png` was not found",
            page.display()
        )),
        "{said}"
    );
}

#[test]
fn export_says_what_check_says_of_a_template_that_stops_hugos_build() {
    // Trial 65 (CLI): with `{{ .Get "title" }` in the card's template, `folio check` said
    // the template does not parse and that Hugo stops its build; the export said only
    // that Folio drew its own cards.
    let dir = sample_site();
    let template = dir.path().join("layouts/shortcodes/project-card.html");
    let text_of = fs::read_to_string(&template).unwrap();
    fs::write(
        &template,
        text_of.replacen("{{ .Get \"title\" }}", "{{ .Get \"title\" }", 1),
    )
    .unwrap();
    let (out, out_dir) = export_about(dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let said = text(&out.stderr);
    assert!(
        said.contains(&format!(
            "{}:8:27: error: the template of shortcode `project-card` does not parse",
            template.display()
        )),
        "{said}"
    );
    assert!(out_dir.join("index.html").is_file());
}

#[test]
fn a_site_checked_from_inside_its_folder_finds_the_pages_its_calls_get_relative_to_theirs() {
    // Review 64b, r3: `folio check .` warned that `.Page.GetPage "intro"` from
    // `docs/_index.md` found nothing, which `folio check content/docs/_index.md` found.
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "baseURL = \"https://e.org/\"\n"),
        (
            "layouts/shortcodes/pagelink.html",
            "{{ with .Page.GetPage (.Get 0) }}<a href=\"{{ .RelPermalink }}\">{{ .Title }}</a>\
             {{ else }}{{ warnf \"pagelink: %q not found\" ($.Get 0) }}{{ end }}",
        ),
        (
            "content/docs/_index.md",
            "---\ntitle: Docs\n---\nSee {{< pagelink \"intro\" >}}.\n",
        ),
        ("content/docs/intro.md", "---\ntitle: Intro\n---\nHi.\n"),
    ]);
    let out = Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(["check", "."])
        .current_dir(site.path())
        .output()
        .expect("folio runs");
    let said = format!("{}{}", text(&out.stdout), text(&out.stderr));
    assert!(!said.contains("not found"), "{said}");
    assert_eq!(out.status.code(), Some(0), "{said}");
}

#[test]
fn an_export_refused_into_a_folder_hugo_reads_ends_with_the_reason_and_writes_nothing() {
    // The export checks the page while it renders it: a refused export must not leave
    // the check waiting for a render that never comes.
    let dir = sample_site();
    let out_dir = dir.path().join("static/out");
    let mut child = Command::new(env!("CARGO_BIN_EXE_folio"))
        .args([
            "export",
            &about(dir.path()),
            "--out",
            out_dir.to_str().unwrap(),
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("folio runs");
    let started = std::time::Instant::now();
    while child.try_wait().expect("folio is waited for").is_none() {
        if started.elapsed() > std::time::Duration::from_secs(60) {
            child.kill().expect("folio is stopped");
            panic!("the refused export did not end within a minute");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let out = child.wait_with_output().expect("folio exits");
    assert_eq!(out.status.code(), Some(1));
    let said = text(&out.stderr);
    assert!(said.contains("static"), "{said}");
    assert_eq!(said.lines().count(), 1, "{said}");
    assert!(!out_dir.exists());
}

#[test]
fn apply_refuses_a_model_whose_text_holds_a_nul_and_writes_nothing() {
    let dir = sample_site();
    let page = about(dir.path());
    let dump = folio(&["dump", &page], None);
    let mut model: serde_json::Value = serde_json::from_slice(&dump.stdout).unwrap();
    model["blocks"][0]["text"] = serde_json::json!("Bio\u{0}.");
    let before = fs::read_to_string(&page).unwrap();
    let out = folio(&["apply", &page, "-"], Some(&model.to_string()));
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr)
            .contains("blocks: the edited page would not parse at 9:4: a NUL character"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(fs::read_to_string(&page).unwrap(), before);
    assert_eq!(folio(&["check", &page], None).status.code(), Some(0));
}

#[test]
fn shortcodes_prints_the_sites_catalogue_as_text_and_as_json() {
    let site = crate::support::root().join("tests/fixtures/sites/learned");
    let out = folio(&["shortcodes", site.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let listing = text(&out.stdout);
    assert!(
        listing.contains("card  layouts/_shortcodes/card.html  standalone\n  name: text  (default \"Untitled\")\n  thumb: image\n  url: url\n"),
        "{listing}"
    );
    assert!(
        listing.contains("grid  themes/base/layouts/shortcodes/grid.html  paired\n"),
        "{listing}"
    );
    assert!(
        listing.contains("figure  built into Hugo  standalone\n"),
        "{listing}"
    );
    let out = folio(&["shortcodes", "--json", site.to_str().unwrap()], None);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let card = json
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == "card")
        .unwrap();
    assert_eq!(card["origin"], serde_json::json!({"kind": "site"}));
    assert_eq!(card["schema"]["paired"], false);
    assert_eq!(card["schema"]["params"][5]["key"], "icons");
    assert_eq!(card["schema"]["params"][5]["kind"], "icons");
    let out = folio(&["shortcodes", "/nonexistent"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("/nonexistent"),
        "{}",
        text(&out.stderr)
    );
}

#[cfg(unix)]
#[test]
fn apply_writes_through_a_symlinked_page_and_keeps_the_link_and_the_targets_mode() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    fs::create_dir_all(site.join("content")).unwrap();
    fs::write(site.join("hugo.toml"), "title = \"x\"\n").unwrap();
    let real = dir.path().join("real.md");
    fs::write(&real, "---\ntitle: Old\n---\n\nHello\n").unwrap();
    fs::set_permissions(&real, fs::Permissions::from_mode(0o640)).unwrap();
    let link = site.join("content/p.md");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let model =
        text(&folio(&["dump", link.to_str().unwrap()], None).stdout).replace("\"Old\"", "\"New\"");
    let out = folio(&["apply", link.to_str().unwrap(), "-"], Some(&model));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(
        fs::read_to_string(&real).unwrap(),
        "---\ntitle: New\n---\n\nHello\n"
    );
    assert_eq!(
        fs::metadata(&real).unwrap().permissions().mode() & 0o777,
        0o640
    );
}

#[test]
fn check_of_a_site_without_a_portfolio_page_checks_its_content_pages() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("hugo.toml"), "title = \"t\"\n").unwrap();
    let site = dir.path().to_str().unwrap();
    let out = folio(&["check", site], None);
    assert_eq!(out.status.code(), Some(0), "no pages is no error");
    assert!(
        text(&out.stdout).contains("warning: no pages found"),
        "{}",
        text(&out.stdout)
    );
    fs::create_dir_all(dir.path().join("content")).unwrap();
    fs::write(
        dir.path().join("content/post.md"),
        "---\ntitle: x\n---\n{{< param phone >}}\n",
    )
    .unwrap();
    let out = folio(&["check", site], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stdout).contains("post.md:4:11: error: param `phone` is not set"),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn export_and_dump_of_a_site_folder_take_its_only_page_and_name_the_pages_when_there_are_several() {
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "baseURL = \"https://e.org/\"\n"),
        ("content/about/_index.md", "---\ntitle: Me\n---\nHello.\n"),
    ]);
    let root = site.path().to_str().unwrap();
    let out_dir = site.path().join("out");
    let out = folio(&["export", root, "--out", out_dir.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(fs::read_to_string(out_dir.join("index.html"))
        .unwrap()
        .contains("Hello."));
    let dumped = folio(&["dump", root], None);
    assert_eq!(dumped.status.code(), Some(0), "{}", text(&dumped.stderr));
    assert!(
        text(&dumped.stdout).contains("Hello."),
        "{}",
        text(&dumped.stdout)
    );
    fs::write(
        site.path().join("content/other.md"),
        "---\ntitle: O\n---\nO.\n",
    )
    .unwrap();
    let out = folio(&["export", root, "--out", out_dir.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr)
            .contains("name one of its pages (content/about/_index.md, content/other.md)"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn apply_refuses_a_page_its_user_may_not_write_and_leaves_it_and_its_folder_as_they_were() {
    // A read-only page in a folder its user may write was replaced by the rename (hunt AB,
    // 4). Run as `nobody`, as root may write any file; where that cannot be done (not
    // root, no runuser), there is nothing to check.
    use std::os::unix::fs::PermissionsExt;
    let runuser = Path::new("/usr/sbin/runuser");
    let root =
        fs::metadata("/proc/self").is_ok_and(|m| std::os::unix::fs::MetadataExt::uid(&m) == 0);
    if !root || !runuser.exists() {
        eprintln!("skipped: needs root and runuser");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o777)).unwrap();
    let page = dir.path().join("p.md");
    fs::write(&page, "---\ntitle: x\n---\nBody\n").unwrap();
    fs::set_permissions(&page, fs::Permissions::from_mode(0o444)).unwrap();
    let model = dir.path().join("m.json");
    fs::write(&model, "{\"frontMatter\": {\"title\": \"y\"}}").unwrap();
    fs::set_permissions(&model, fs::Permissions::from_mode(0o444)).unwrap();
    let out = Command::new(runuser)
        .args(["-u", "nobody", "--", env!("CARGO_BIN_EXE_folio"), "apply"])
        .arg(&page)
        .arg(&model)
        .output()
        .expect("runuser runs");
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("Permission denied"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(
        fs::read_to_string(&page).unwrap(),
        "---\ntitle: x\n---\nBody\n"
    );
    let names: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 2, "no temporary file is left: {names:?}");
}
