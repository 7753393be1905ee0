//! Bad input gets a located error with a message that says what was expected and where the
//! construct was opened — never a panic, a hang or a write. Messages are snapshots,
//! reviewed like code.

use std::path::Path;

use folio::Page;

use crate::support::root;

/// The broken fixtures are read as pages of the sample site: its templates say which
/// shortcodes are paired (`project-card` is).
fn read(path: &Path) -> folio::Result<Page> {
    let site = folio::Site::open_dir(&root().join("content")).unwrap();
    Page::read(path, &site.shortcodes)
}

fn message(path: &Path) -> String {
    let err = read(path).expect_err("the fixture is broken on purpose");
    let rel = path.strip_prefix(root()).unwrap_or(path);
    err.to_string()
        .replace(&path.display().to_string(), &rel.display().to_string())
}

#[test]
fn every_broken_fixture_gets_a_located_message() {
    let dir = root().join("tests/fixtures/errors");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    let mut all = String::new();
    for p in &paths {
        let m = message(p);
        let err = read(p).unwrap_err();
        let (line, col) = err
            .location()
            .unwrap_or_else(|| panic!("{m} has no line:col"));
        // The place is in the file: a line it has (or the one after its last), a column on
        // that line (or just past its end), and it is the place the message names.
        let text = String::from_utf8_lossy(&std::fs::read(p).unwrap()).into_owned();
        let lines: Vec<&str> = text.split('\n').collect();
        assert!(
            (1..=lines.len()).contains(&line),
            "{m}: line {line} of {}",
            lines.len()
        );
        let width = lines[line - 1].chars().count();
        assert!(
            (1..=width + 1).contains(&col),
            "{m}: col {col} on a line of {width}"
        );
        assert!(
            m.contains(&format!(":{line}:{col}: ")),
            "{m} names {line}:{col}"
        );
        all.push_str(&m);
        all.push('\n');
    }
    insta::assert_snapshot!("error_messages", all);
}

#[test]
fn deep_nesting_is_refused_quickly_in_every_format() {
    let n = 20_000;
    let cases = [
        (
            "shortcodes",
            format!(
                "---\ntitle: x\n---\n{}x{}\n",
                "{{< a >}}".repeat(n),
                "{{< /a >}}".repeat(n)
            ),
        ),
        (
            "yaml flow",
            format!("---\na: {}{}\n---\n", "[".repeat(n), "]".repeat(n)),
        ),
        (
            "yaml block",
            format!(
                "---\n{}---\n",
                (0..3000)
                    .map(|i| format!("{}k{i}:\n", "  ".repeat(i)))
                    .collect::<String>()
            ),
        ),
        (
            "json",
            format!("{{\"a\": {}{}}}\n", "[".repeat(n), "]".repeat(n)),
        ),
        (
            "toml",
            format!("+++\na = {}{}\n+++\n", "[".repeat(n), "]".repeat(n)),
        ),
    ];
    for (what, text) in cases {
        let err = Page::parse(&text).expect_err(what);
        assert!(
            err.message.contains("nested more than") || err.message.contains("recurs"),
            "{what}: {}",
            err.message
        );
    }
}

#[test]
fn twenty_thousand_unclosed_standalone_shortcodes_are_fine() {
    let text = format!("---\ntitle: x\n---\n{}\n", "{{< br >}}\n".repeat(20_000));
    let page = Page::parse(&text).expect("standalone shortcodes nest nothing");
    assert_eq!(page.to_model().blocks.len(), 20_000);
}

#[test]
fn a_model_with_a_json_error_is_reported_at_its_line_and_column() {
    let err = serde_json::from_str::<folio::Portfolio>(
        "{\n  \"blocks\": [\n    {\"kind\": \"card\", \"title\": 3}\n  ]\n}",
    )
    .unwrap_err();
    assert_eq!((err.line(), err.column()), (3, 31));
}

/// Front matters of the YAML alias bound's cases, each with whether Hugo refuses it.
fn alias_cases() -> Vec<(String, bool)> {
    // Hunt AF 1: a 330-byte "billion laughs" took every command past 8 GB and 20 s.
    let mut bomb = String::from("---\ntitle: A\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (name, prev) in ["b", "c", "d", "e", "f", "g", "h"]
        .iter()
        .zip(["a", "b", "c", "d", "e", "f", "g"])
    {
        bomb.push_str(&format!(
            "{name}: &{name} [{}]\n",
            vec![format!("*{prev}"); 9].join(",")
        ));
    }
    bomb.push_str("---\nHello\n");
    // A map shared by 99 keys is read (100 visits of it, Hugo's bound under 2 KiB); by 100,
    // refused, by Hugo as by Folio.
    let shared = |n: usize| {
        let keys: String = (0..n).map(|i| format!("k{i}: *m\n")).collect();
        format!("---\ntitle: A\nm: &m {{x: 1}}\n{keys}---\nHello\n")
    };
    // Hugo counts the collections at each depth (its walk counts by a local variable's
    // address: the review of 0a204a0): 101 maps in one list are refused, aliases or not,
    // and 101 aliases of one map spread over two depths are not.
    let maps: String = (0..101).map(|i| format!("- {{src: i{i}.png}}\n")).collect();
    let many_maps = format!("---\ntitle: A\nresources:\n{maps}---\nHello\n");
    let empties = |n: usize| vec!["[]"; n].join(", ");
    let two_lists = format!(
        "---\ntitle: A\nx: [{}]\ny: [{}]\n---\nHello\n",
        empties(60),
        empties(60)
    );
    let keys: String = (0..50).map(|i| format!("k{i}: *m\n")).collect();
    let deep = format!(
        "---\ntitle: A\nm: &m {{x: 1}}\n{keys}deep: [{}]\n---\nHello\n",
        vec!["*m"; 51].join(", ")
    );
    // Nested under its anchor (the review of a6307c7 brought the blow-up back this way),
    // and merge keys, whose maps are not there once merged (Hugo builds 51 of them).
    let mut nested = String::from("---\ntitle: A\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (name, prev) in ["b", "c", "d", "e", "f", "g", "h"]
        .iter()
        .zip(["a", "b", "c", "d", "e", "f", "g"])
    {
        nested.push_str(&format!(
            "{name}: &{name} [[{}]]\n",
            vec![format!("*{prev}"); 9].join(",")
        ));
    }
    nested.push_str("---\nHello\n");
    let items: String = (0..51)
        .map(|i| format!("  - <<: *d\n    name: P{i}\n    tags: [a]\n"))
        .collect();
    let merged =
        format!("---\ntitle: A\ndefaults: &d {{draft: false}}\nprojects:\n{items}---\nHello\n");
    vec![
        (bomb, true),
        (nested, true),
        (merged, false),
        (shared(99), false),
        (shared(100), true),
        (many_maps, true),
        (two_lists, true),
        (deep, false),
    ]
}

#[test]
fn yaml_holding_more_collections_at_one_depth_than_hugo_allows_is_refused_at_once() {
    for (text, refused) in alias_cases() {
        let site = crate::support::hugo_site(&[("hugo.toml", ""), ("content/p.md", &text)]);
        let hugo = crate::support::hugo_run(site.path(), &[]);
        assert_eq!(hugo.is_err(), refused, "{hugo:?}");
        let started = std::time::Instant::now();
        let found: Vec<String> = folio::check::check_path(&site.path().join("content/p.md"))
            .iter()
            .map(ToString::to_string)
            .collect();
        assert!(started.elapsed().as_secs() < 5, "at once");
        let said = found
            .iter()
            .any(|f| f.contains("too many YAML aliases for non-scalar nodes"));
        assert_eq!(said, refused, "{found:?}");
    }
}

/// `f()` on a thread, its result within five seconds (a hang fails the test).
fn within_seconds<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(std::time::Duration::from_secs(5))
        .expect("an answer, not a hang")
}

/// What `folio check` says of `page`, within five seconds ([`within_seconds`]).
fn checked_in_time(page: std::path::PathBuf) -> Vec<String> {
    within_seconds(move || {
        folio::check::check_path(&page)
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
    })
}

#[cfg(unix)]
#[test]
fn a_fifo_or_a_device_is_refused_as_not_a_regular_file_and_never_waited_on_or_written() {
    // Hunt AF 2 and 4: a FIFO page or data file waited forever; a page linked to a device
    // was replaced by a text file.
    let site = crate::support::hugo_site(&[
        ("hugo.toml", ""),
        ("content/p.md", "---\ntitle: P\n---\nHello\n"),
    ]);
    let fifo = |path: &Path| {
        let made = std::process::Command::new("mkfifo")
            .arg(path)
            .status()
            .unwrap();
        assert!(made.success());
    };
    fifo(&site.path().join("content/fifo.md"));
    std::fs::create_dir_all(site.path().join("data")).unwrap();
    fifo(&site.path().join("data/d.yaml"));
    let page = site.path().join("content/fifo.md");
    let found = checked_in_time(page);
    assert!(
        found.iter().any(|f| f.contains("not a regular file")),
        "{found:?}"
    );
    let page = site.path().join("content/p.md");
    let found = checked_in_time(page);
    assert!(
        found
            .iter()
            .any(|f| f.contains("data/d.yaml") && f.contains("not a regular file")),
        "{found:?}"
    );
    // Written through a link to a FIFO: refused, the FIFO left as it is.
    let link = site.path().join("content/link.md");
    std::os::unix::fs::symlink(site.path().join("data/d.yaml"), &link).unwrap();
    let e = within_seconds(move || {
        folio::fs::write_atomic(&link, b"text")
            .unwrap_err()
            .to_string()
    });
    assert!(e.contains("not a regular file"), "{e}");
    let kind = std::fs::metadata(site.path().join("data/d.yaml"))
        .unwrap()
        .file_type();
    assert!(
        std::os::unix::fs::FileTypeExt::is_fifo(&kind),
        "still a FIFO"
    );
}

#[cfg(unix)]
#[test]
fn files_written_together_are_all_left_as_they_were_when_one_may_not_be_written() {
    // Hunt AF 3: `apply` wrote the page, then failed on the config, and said it failed.
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.md");
    std::fs::write(&page, "old").unwrap();
    let config = dir.path().join("hugo.toml");
    let made = std::process::Command::new("mkfifo")
        .arg(&config)
        .status()
        .unwrap();
    assert!(made.success());
    let e = folio::fs::write_all_atomic(&[
        (page.as_path(), b"new".as_slice()),
        (config.as_path(), b"x".as_slice()),
    ])
    .unwrap_err()
    .to_string();
    assert!(
        e.contains("hugo.toml") && e.contains("not a regular file"),
        "{e}"
    );
    assert_eq!(std::fs::read_to_string(&page).unwrap(), "old");
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left.len(), 2, "no temporary file left: {left:?}");
}

#[cfg(unix)]
#[test]
fn a_fifo_a_template_reads_with_read_file_is_an_error_not_a_hang() {
    // The review of 3130f49: `readFile` of a FIFO still waited forever.
    let site = crate::support::hugo_site(&[
        ("hugo.toml", ""),
        ("layouts/shortcodes/rf.html", "{{ readFile \"note.txt\" }}"),
        ("content/p.md", "---\ntitle: P\n---\n{{< rf >}}\n"),
    ]);
    let made = std::process::Command::new("mkfifo")
        .arg(site.path().join("note.txt"))
        .status()
        .unwrap();
    assert!(made.success());
    let page = site.path().join("content/p.md");
    let found = checked_in_time(page);
    assert!(
        found
            .iter()
            .any(|f| f.contains("note.txt") && f.contains("not a regular file")),
        "{found:?}"
    );
}

/// A page of the sample site from [`folio::open_page::READ_APART_FROM`] bytes on, which
/// [`folio::OpenPage::open`] reads while the site loads: prose, then `call` and a line.
fn long_page_ending_with(site: &Path, call: &str) -> std::path::PathBuf {
    let prose = "A paragraph of the bio, long enough to be read apart from the site.\n\n";
    let repeats = folio::open_page::READ_APART_FROM as usize / prose.len() + 1;
    let text = format!(
        "---\ntitle: About\n---\n\n{}{call}\nits body\n",
        prose.repeat(repeats)
    );
    let page = site.join("content/en/about.md");
    std::fs::write(&page, text).unwrap();
    page
}

#[test]
fn a_long_page_read_while_its_site_loads_is_paired_as_the_sites_templates_say() {
    let site = crate::support::sample_site();
    let page = long_page_ending_with(site.path(), r#"{{< project-card title="Left open" >}}"#);
    // Outside the site, `project-card` left open would be a standalone call.
    let err = folio::OpenPage::open(&page).expect_err("the sample's card reads .Inner");
    let message = err.to_string();
    assert!(
        message.contains("unclosed shortcode `project-card`"),
        "{message}"
    );
    let lines = std::fs::read_to_string(&page).unwrap().lines().count();
    assert_eq!(
        err.location().map(|(line, _)| line),
        Some(lines - 1),
        "{message}"
    );
}

#[test]
fn a_long_pages_site_error_comes_before_its_own() {
    let site = crate::support::sample_site();
    // An error of the page's tags, found before the site is known.
    let page = long_page_ending_with(site.path(), r#"{{< project-card title="unterminated >}}"#);
    let config = site.path().join("hugo.toml");
    std::fs::write(&config, "title = \n").unwrap();
    let message = folio::OpenPage::open(&page).unwrap_err().to_string();
    assert!(
        message.starts_with(&config.display().to_string()),
        "{message}"
    );
}
