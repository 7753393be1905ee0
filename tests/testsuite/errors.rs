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

#[test]
fn yaml_aliases_reaching_a_collection_more_often_than_hugo_allows_are_refused_at_once() {
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
    for (text, refused) in [(bomb, true), (shared(99), false), (shared(100), true)] {
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
