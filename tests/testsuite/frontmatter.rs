//! Front matter read with Hugo's types: each plain YAML spelling in a page, built with Hugo
//! 0.168 (the oracle: `{{ printf "%T|%v" }}` of each param) and dumped by Folio.

use crate::support::hugo_build;

/// What Hugo renders of the page `text` through the single-page layout `layout` (a site of
/// that one page).
fn hugo_page(layout: &str, text: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir_all(d.join("content")).unwrap();
    std::fs::create_dir_all(d.join("layouts/_default")).unwrap();
    std::fs::write(d.join("hugo.toml"), "baseURL = \"http://x/\"\ndisableKinds = [\"taxonomy\", \"term\", \"RSS\", \"sitemap\", \"home\"]\n").unwrap();
    std::fs::write(d.join("layouts/_default/single.html"), layout).unwrap();
    std::fs::write(d.join("content/p.md"), text).unwrap();
    hugo_build(d, "the front matter page");
    std::fs::read_to_string(d.join("public/p/index.html")).unwrap()
}

/// Plain YAML spellings whose reading differs between YAML 1.1, 1.2 and Hugo's library.
const SPELLINGS: &[&str] = &[
    "10",
    "-0",
    "+12",
    "1_000",
    "1__0",
    "1_",
    "_1",
    "0b101",
    "-0b11",
    "0B11",
    "0o17",
    "0O17",
    "017",
    "-017",
    "00",
    "09",
    "0x_F",
    "0x1F",
    "-0x1F",
    "0X1F",
    "0x",
    "9223372036854775808",
    "-9223372036854775809",
    "3.5",
    ".5",
    "5.",
    "1.0e3",
    "1.5E+3",
    "1e3",
    "1E3",
    "0.1_5",
    "1_0.5",
    ".5e1",
    "12e",
    "1.2.3",
    "true",
    "True",
    "TRUE",
    "tRUE",
    "false",
    "yes",
    "no",
    "on",
    "off",
    "y",
    "~",
    "null",
    "Null",
    "NULL",
    "nULL",
    "1:20",
    "v1.2",
    "2024-01-02",
];

#[test]
fn plain_yaml_scalars_are_read_as_hugo_reads_them() {
    let mut page = String::from("---\ntitle: t\n");
    for (i, s) in SPELLINGS.iter().enumerate() {
        page.push_str(&format!("k{i:02}: {s}\n"));
    }
    page.push_str("---\nx\n");
    let html = hugo_page(
        "{{ range $k, $v := .Params }}{{ $k }}={{ printf \"%T|%v\" $v $v }}\n{{ end }}",
        &page,
    );
    let hugo: std::collections::HashMap<&str, &str> =
        html.lines().filter_map(|l| l.split_once('=')).collect();
    let doc = folio::Page::parse(&page).unwrap().to_model();
    let mut differ = Vec::new();
    for (i, s) in SPELLINGS.iter().enumerate() {
        let key = format!("k{i:02}");
        let (ty, text) = hugo[key.as_str()].split_once('|').unwrap();
        let folio = &doc.front_matter[&key];
        let same = match ty {
            "string" => folio.as_str() == Some(&*text.replace("&#43;", "+")),
            "int64" | "int" => folio.as_i64().map(|n| n.to_string()) == Some(text.to_string()),
            "uint64" => folio.as_u64().map(|n| n.to_string()) == Some(text.to_string()),
            "float64" => folio
                .as_f64()
                .is_some_and(|f| (f - text.parse::<f64>().unwrap()).abs() < 1e-9),
            "bool" => folio.as_bool().map(|b| b.to_string()) == Some(text.to_string()),
            // Dates: Hugo reads them as time values; Folio keeps the text as written.
            "time.Time" => folio.as_str() == Some(s),
            "&lt;nil&gt;" => folio.is_null(),
            other => panic!("{s}: Hugo type {other}"),
        };
        if !same {
            differ.push(format!("{s}: hugo {ty} {text}, folio {folio}"));
        }
    }
    assert!(differ.is_empty(), "{}", differ.join("\n"));
}

#[test]
fn a_string_hugo_would_read_as_a_number_is_written_quoted() {
    let page = folio::Page::parse("---\ntitle: plain\ncount: x\n---\nbody\n").unwrap();
    for s in ["1_000", "017", "0b101", "1.5"] {
        let out = page
            .set_front_matter("count", Some(serde_json::json!(s)))
            .unwrap();
        let again = folio::Page::parse(out.source()).unwrap().to_model();
        assert_eq!(
            again.front_matter["count"],
            serde_json::json!(s),
            "{}",
            out.source()
        );
        assert!(
            !out.source().contains(&format!("count: {s}\n")),
            "{s} is quoted: {}",
            out.source()
        );
    }
    let out = page
        .set_front_matter("count", Some(serde_json::json!("1e3")))
        .unwrap();
    assert!(
        out.source().contains("count: 1e3\n"),
        "Hugo reads 1e3 as a string: plain is fine"
    );
}

#[test]
fn a_value_given_where_there_was_none_and_a_float_read_back_as_they_were_written() {
    // `main:` set to a map was written `main:{weight: 1}`, one key to Hugo; a float
    // `1e-7` was written bare, which Hugo reads as text (hunt AA, 2 and 6).
    let page = folio::Page::parse("---\ntitle: T\nmenu:\n  main:\nratio: 0.5\n---\nB\n").unwrap();
    let cases = [
        (
            "menu",
            serde_json::json!({ "main": { "weight": 1 } }),
            "  main: {weight: 1}\n",
        ),
        (
            "menu",
            serde_json::json!({ "main": ["a", "b"] }),
            "  main: [a, b]\n",
        ),
        ("ratio", serde_json::json!(1e-7), "ratio: 1.0e-7\n"),
        ("ratio", serde_json::json!(1e300), "ratio: 1.0e+300\n"),
    ];
    for (key, value, line) in cases {
        let out = page.set_front_matter(key, Some(value.clone())).unwrap();
        assert!(out.source().contains(line), "{}", out.source());
        let again = folio::Page::parse(out.source()).unwrap().to_model();
        assert_eq!(again.front_matter[key], value, "{}", out.source());
    }
    // An item of nothing but a comment, and an anchored map with a comment after its
    // anchor, take a value and a key (the review of eb32c37).
    assert_eq!(
        set_and_read_back(
            "---\nl:\n  - a\n  - # c\nz: 1\n---\nB\n",
            "l",
            serde_json::json!(["a", "x"])
        ),
        "---\nl:\n  - a\n  - x # c\nz: 1\n---\nB\n"
    );
    let text = "---\nbase: &b # c\n  color: red\n---\nB\n";
    assert_eq!(
        set_and_read_back(text, "base", serde_json::json!({"color": "red", "size": 2})),
        text.replace("red\n", "red\n  size: 2\n")
    );
    // A comment after the key keeps a blank before it (the review of 1a3b900).
    let text = "---\ntitle: T\nmain: # comment\n---\nB\n";
    for (value, line) in [
        (serde_json::json!({ "w": 1 }), "main: {w: 1} # comment\n"),
        (serde_json::json!("x"), "main: x # comment\n"),
    ] {
        assert!(set_and_read_back(text, "main", value).contains(line));
    }
}

#[test]
fn a_tab_after_a_keys_colon_is_a_blank_as_hugo_reads_it_and_stays_when_the_value_is_edited() {
    // go-yaml and YAML 1.2 take `title:<tab>Tabbed`; Folio could not open it (hunt AA, 12).
    // A tab inside a value or a block scalar stays the value's.
    let text = "---\ntitle:\tTabbed\nsub:\n  k:\t\tv w\nq: 'a\tb'\nblock: |\n  x:\ty\n---\nB\n";
    let page = folio::Page::parse(text).unwrap();
    let model = page.to_model();
    assert_eq!(model.front_matter["title"], "Tabbed");
    assert_eq!(model.front_matter["sub"]["k"], "v w");
    assert_eq!(model.front_matter["q"], "a\tb");
    assert_eq!(model.front_matter["block"], "x:\ty\n");
    let out = page
        .set_front_matter("title", Some(serde_json::json!("New")))
        .unwrap();
    assert_eq!(out.source(), text.replace("Tabbed", "New"));
}

/// `text` with front matter key `key` set to `value`, which Folio reads back.
fn set_and_read_back(text: &str, key: &str, value: serde_json::Value) -> String {
    let page = folio::Page::parse(text).unwrap();
    let out = page.set_front_matter(key, Some(value.clone())).unwrap();
    let again = folio::Page::parse(out.source()).unwrap().to_model();
    assert_eq!(again.front_matter[key], value, "{}", out.source());
    out.source().to_string()
}

#[test]
fn an_item_removed_from_a_toml_or_json_array_takes_its_comma_or_its_line() {
    let set = set_and_read_back;
    let toml = "+++\ntags = [\"a\", 'b', \"c\"] # t\nlist = [\n  \"one\", # c1\n  \"two\", # c2\n]\n+++\nB\n";
    assert_eq!(
        set(toml, "tags", serde_json::json!(["a", "c"])),
        toml.replace("'b', ", "")
    );
    assert_eq!(
        set(toml, "tags", serde_json::json!(["b", "c"])),
        toml.replace("\"a\", ", "")
    );
    assert_eq!(
        set(toml, "tags", serde_json::json!(["a", "b"])),
        toml.replace(", \"c\"", "")
    );
    assert_eq!(
        set(toml, "list", serde_json::json!(["two"])),
        toml.replace("  \"one\", # c1\n", "")
    );
    let json = "{\n  \"tags\": [\"a\", \"b\", \"c\"]\n}\nB\n";
    assert_eq!(
        set(json, "tags", serde_json::json!(["a", "c"])),
        json.replace("\"b\", ", "")
    );
}

#[test]
fn a_block_scalar_whose_first_line_starts_with_blanks_gives_its_indentation() {
    // It was refused: the blanks would have been read as the block's indentation (hunt
    // AA, 11). `|2` says it, counted from the parent's indentation (the review of
    // 808dd94); a nested block's span ended in the next key's indentation, so its edit
    // glued onto that key (the review of accdd2f). Hugo 0.168 is the oracle.
    let text = "---\ndesc: |\n  Line one\nmeta:\n  nested: |\n    Some text\n  author: me\nl:\n  - |\n    blk\n  - k: |\n      v\n    j: 1\n---\nB\n";
    let cases = [
        ("desc", "/desc"),
        ("meta", "/meta/nested"),
        ("l", "/l/0"),
        ("l", "/l/1/k"),
    ];
    for (key, at) in cases {
        for value in [
            "  indented first\nsecond\n",
            "\n   after a blank line",
            "Other text\n",
        ] {
            let page = folio::Page::parse(text).unwrap();
            let mut fm = serde_json::Value::Object(page.to_model().front_matter);
            *fm.pointer_mut(at).unwrap() = serde_json::json!(value);
            let out = page.set_front_matter(key, Some(fm[key].clone())).unwrap();
            let hugo = hugo_page("{{ .Params | jsonify }}", out.source());
            let read: serde_json::Value = serde_json::from_str(hugo.trim()).unwrap();
            assert_eq!(read[key], fm[key], "{}", out.source());
        }
    }
}

#[test]
fn a_toml_table_removed_takes_its_sub_tables_and_a_multi_line_string_keeps_its_first_line_break() {
    // `[params.deep]` stayed when `params` was removed; a text starting with a line break
    // lost it in `"""`, as TOML drops the one after the opening quotes (hunt AA, 7 and 8).
    let set = set_and_read_back;
    let text = "+++\ntitle = \"T\"\n[params]\ncolor = \"red\"\n[params.deep]\nx = \"y\"\n[other]\nz = 1\n+++\nB\n";
    let page = folio::Page::parse(text).unwrap();
    let out = page.set_front_matter("params", None).unwrap();
    assert_eq!(out.source(), "+++\ntitle = \"T\"\n[other]\nz = 1\n+++\nB\n");
    let text = "+++\nmulti = \"\"\"\nfirst\nsecond\"\"\"\nraw = '''a\nb'''\n+++\nB\n";
    assert_eq!(
        set(text, "multi", serde_json::json!("\nstarts")),
        text.replace("first\nsecond", "\nstarts")
    );
    assert_eq!(
        set(text, "multi", serde_json::json!("one\ntwo")),
        text.replace("first\nsecond", "one\ntwo")
    );
    assert_eq!(
        set(text, "raw", serde_json::json!("\nc")),
        text.replace("'''a\nb'''", "'''\n\nc'''")
    );
}

#[test]
fn a_list_keeps_its_other_items_comments_with_anchors_at_its_end_and_when_it_is_long() {
    // The review of e705751: an item with an anchor made the list be diffed by position
    // (and an overlapping edit); the last item of a list one to a line took the comment of
    // the one before; a list longer than the alignment's bound was diffed by position.
    let set = set_and_read_back;
    let text = "---\nl:\n  - &x a\n  - k: 1\n    j: 2\n  - c\n---\nB\n";
    assert_eq!(
        set(text, "l", serde_json::json!(["a", { "k": 1 }])),
        "---\nl:\n  - &x a\n  - k: 1\n---\nB\n"
    );
    assert_eq!(
        set(
            text,
            "l",
            serde_json::json!(["a", { "k": 1, "j": 2 }, "c", "d"])
        ),
        text.replace("  - c\n", "  - c\n  - d\n")
    );
    let toml = "+++\nlist = [\n  \"one\", # c1\n  \"two\", # c2\n]\n+++\nB\n";
    assert_eq!(
        set(toml, "list", serde_json::json!(["one"])),
        toml.replace("  \"two\", # c2\n", "")
    );
    // The `]` on the last item's line stays, and the comment of the item now last (the
    // reviews of 6788cb5 and 172a306).
    assert_eq!(
        set(
            "---\ntags: [\n  a, # c1\n  b] # c2\n---\nB\n",
            "tags",
            serde_json::json!(["a"])
        ),
        "---\ntags: [\n  a # c1\n] # c2\n---\nB\n"
    );
    let json = "{\n  \"list\": [\n    \"a\",\n    \"b\"\n  ]\n}\nB\n";
    assert_eq!(
        set(json, "list", serde_json::json!(["a"])),
        json.replace("\"a\",\n    \"b\"\n", "\"a\"\n")
    );
    let long: String = (0..3000).map(|i| format!("- t{i} # c{i}\n")).collect();
    let text = format!("---\nl:\n{long}---\nB\n");
    let values: Vec<String> = (1..3000).map(|i| format!("t{i}")).collect();
    assert_eq!(
        set(&text, "l", serde_json::json!(values)),
        text.replace("- t0 # c0\n", "")
    );
}

#[test]
fn a_flow_list_or_map_closed_at_its_keys_indentation_opens_as_hugo_reads_it() {
    // `tags: [` … `]` at the margin: go-yaml reads it, saphyr refused it, so the page did
    // not open (the review of e705751).
    // A `]` inside a quoted item, and an apostrophe in a plain one, are no brackets or
    // quotes to the count of what the lines open (the review of 0140d96).
    let text = "---\ntitle: T\ntags: [\n  \"a]\",\n  \"b\"\n]\nm: {\n  \"a\": \"x\"\n}\nl:\n  - [\n    it's,\n  2]\n---\nB\n";
    let page = folio::Page::parse(text).unwrap();
    let hugo = hugo_page("{{ .Params | jsonify }}", text);
    let read: serde_json::Value = serde_json::from_str(hugo.trim()).unwrap();
    let fm = page.to_model().front_matter;
    for key in ["tags", "m", "l"] {
        assert_eq!(fm[key], read[key], "{key}");
    }
    let out = set_and_read_back(text, "m", serde_json::json!({ "a": "y" }));
    assert_eq!(out, text.replace("\"x\"", "\"y\""));
}

#[test]
fn an_item_removed_or_added_in_a_list_takes_only_its_own_lines_and_leaves_the_others_comments() {
    // Items were diffed by position: removing the first moved its comment onto the next,
    // and an item appended took the last one's comment (hunt AA, 5).
    let set = set_and_read_back;
    let yaml = "---\nauthors:\n- name: Ann   # editor\n  url: a\n- name: Bob\n  url: b\nlist:\n  - one   # c1\n  - two   # c2\n  - three # c3\ntags: [a, \"b c\", 'd']\n---\nB\n";
    let cases = [
        (
            "authors",
            serde_json::json!([{ "name": "Bob", "url": "b" }]),
            yaml.replace("- name: Ann   # editor\n  url: a\n", ""),
        ),
        (
            "list",
            serde_json::json!(["one", "two", "three", "four"]),
            yaml.replace("  - three # c3\n", "  - three # c3\n  - four\n"),
        ),
        (
            "list",
            serde_json::json!(["one", "three"]),
            yaml.replace("  - two   # c2\n", ""),
        ),
        (
            "list",
            serde_json::json!(["zero", "one", "two", "three"]),
            yaml.replace("  - one   # c1\n", "  - zero\n  - one   # c1\n"),
        ),
        (
            "list",
            serde_json::json!(["one", "2", "three"]),
            yaml.replace("two   # c2", "'2'   # c2"),
        ),
        (
            "list",
            serde_json::json!(["one", "two"]),
            yaml.replace("  - three # c3\n", ""),
        ),
        (
            "tags",
            serde_json::json!(["a", "d"]),
            yaml.replace("[a, \"b c\", 'd']", "[a, 'd']"),
        ),
        (
            "tags",
            serde_json::json!(["a", "x", "b c", "d"]),
            yaml.replace("[a, \"b c\", 'd']", "[a, x, \"b c\", 'd']"),
        ),
    ];
    for (key, value, want) in cases {
        assert_eq!(set(yaml, key, value), want);
    }
}

#[test]
fn a_key_added_empty_then_typed_into_is_written_as_its_neighbours_are() {
    // The forms add a key empty (quoted, as plain it would be null), then fill it.
    let page =
        folio::Page::parse("---\r\ntitle: Research\r\nmenu: main\r\n---\r\nbody\r\n").unwrap();
    let added = page
        .set_front_matter("description", Some(serde_json::json!("")))
        .unwrap();
    let page = folio::Page::parse(added.source()).unwrap();
    let typed = page
        .set_front_matter("description", Some(serde_json::json!("My research")))
        .unwrap();
    assert!(
        typed.source().contains("description: My research\r\n"),
        "{}",
        typed.source()
    );
    // One that was quoted with a value keeps its quotes.
    let page = folio::Page::parse("---\ntitle: 'Quoted'\nmenu: main\n---\n").unwrap();
    let out = page
        .set_front_matter("title", Some(serde_json::json!("Still")))
        .unwrap();
    assert!(
        out.source().contains("title: 'Still'\n"),
        "{}",
        out.source()
    );
}

#[test]
fn an_alias_reads_as_its_anchors_value_and_an_anchored_value_keeps_its_anchor_when_edited() {
    // What Hugo 0.168 reads (checked with `{{ .Params | jsonify }}`): aliases resolved.
    let text = "---\ntitle: &t About\nalias: *t\nlist: &l [a, b]\nother: *l\ntagged: !!str &n 017\n---\nbody\n";
    let page = folio::Page::parse(text).unwrap();
    let fm = page.to_model().front_matter;
    assert_eq!(fm["alias"], serde_json::json!("About"));
    assert_eq!(fm["other"], serde_json::json!(["a", "b"]));
    assert_eq!(fm["tagged"], serde_json::json!("017"));
    let out = page
        .set_front_matter("title", Some(serde_json::json!("Hi")))
        .unwrap();
    // The alias read `About` in the model, so it is written out, where it kept `*t` and
    // read `Hi` (hunt AA, 9).
    assert_eq!(
        out.source(),
        text.replace("&t About", "&t Hi")
            .replace("alias: *t", "alias: About")
    );
    let out = page
        .set_front_matter("tagged", Some(serde_json::json!("018")))
        .unwrap();
    assert_eq!(out.source(), text.replace("&n 017", "&n 018"));
    assert!(
        page.apply(&page.to_model()).unwrap().source() == text,
        "dump | apply changes nothing"
    );
}

#[test]
fn an_edit_hugo_would_read_otherwise_is_refused_and_an_alias_of_a_changed_anchor_is_written_out() {
    // Prose starting with `---` in a page without front matter became its front matter
    // (hunt AA, 13); a map's alias read the anchor's new value (hunt AA, 9).
    let page = folio::Page::parse("Body only\n").unwrap();
    let mut model = page.to_model();
    let folio::model::Block::Markdown { text, .. } = &mut model.blocks[0] else {
        panic!("one text block")
    };
    *text = "---\ntitle: sneaky\n---\nhello".into();
    let e = page.apply(&model).unwrap_err();
    assert_eq!(e.at, "blocks[0]", "{}", e.message);
    assert!(e.message.contains("as front matter"), "{}", e.message);
    let e = page.apply_block(0, &model.blocks[0]).unwrap_err();
    assert_eq!(e.at, "blocks[0]", "{}", e.message);
    let text = "---\nbase: &b\n  color: red\nother: *b\n---\nB\n";
    let page = folio::Page::parse(text).unwrap();
    let mut model = page.to_model();
    model.front_matter["base"]["color"] = "green".into();
    let out = page.apply(&model).unwrap();
    assert_eq!(
        out.source(),
        text.replace("color: red", "color: green")
            .replace("*b", "{color: red}")
    );
    // The anchor's key removed: the alias is written out, where the page would not parse.
    let page = folio::Page::parse("---\nbase: &b red\nother: *b\n---\nB\n").unwrap();
    let mut model = page.to_model();
    model.front_matter.remove("base");
    assert_eq!(
        page.apply(&model).unwrap().source(),
        "---\nother: red\n---\nB\n"
    );
}

#[test]
fn anchors_on_lists_and_maps_keep_their_aliases_reading_what_the_model_says() {
    // The review of accdd2f: a list's or map's span began at its anchor, so a flow list
    // read as a block one, a new key was indented to the anchor, and an alias of a map's
    // second key or in a list was not written out. Hugo 0.168 reads each result as the
    // model says.
    let cases = [
        (
            "---\nmain: &m\n  k: a\n  j: b\nsecond: *m\n---\nB\n",
            serde_json::json!({"main": {"k": "a", "j": "z"}, "second": {"k": "a", "j": "b"}}),
            "---\nmain: &m\n  k: a\n  j: z\nsecond: {k: a, j: b}\n---\nB\n",
        ),
        (
            "---\nmain: &m blue\nlist: [*m, b]\n---\nB\n",
            serde_json::json!({"main": "red", "list": ["blue", "b"]}),
            "---\nmain: &m red\nlist: [blue, b]\n---\nB\n",
        ),
        // A key added to a map inside an anchored one (the review of 172a306).
        (
            "---\nbase: &b\n  color: red\n  sub:\n    x: 1\nc: *b\n---\nB\n",
            serde_json::json!({"base": {"color": "red", "sub": {"x": 1, "w": 2}}, "c": {"color": "red", "sub": {"x": 1}}}),
            "---\nbase: &b\n  color: red\n  sub:\n    x: 1\n    w: 2\nc: {color: red, sub: {x: 1}}\n---\nB\n",
        ),
        // A neighbour of an anchored value changed: the alias stays (the review of eb32c37).
        (
            "---\nm: {a: &x 1, b: 2}\nc: *x\n---\nB\n",
            serde_json::json!({"m": {"a": 1, "b": 3}, "c": 1}),
            "---\nm: {a: &x 1, b: 3}\nc: *x\n---\nB\n",
        ),
        (
            "---\ntags: &t [a, b]\n---\nB\n",
            serde_json::json!({"tags": ["a", "b", "c"]}),
            "---\ntags: &t [a, b, c]\n---\nB\n",
        ),
        (
            "---\nbase: &b\n  color: red\nother: *b\n---\nB\n",
            serde_json::json!({"base": {"color": "red", "size": 2}, "other": {"color": "red"}}),
            "---\nbase: &b\n  color: red\n  size: 2\nother: {color: red}\n---\nB\n",
        ),
    ];
    for (text, front_matter, want) in cases {
        let page = folio::Page::parse(text).unwrap();
        let mut model = page.to_model();
        model.front_matter = front_matter.as_object().unwrap().clone();
        let out = page.apply(&model).unwrap();
        assert_eq!(out.source(), want);
        let hugo = hugo_page("{{ .Params | jsonify }}", out.source());
        let read: serde_json::Value = serde_json::from_str(hugo.trim()).unwrap();
        for (key, value) in model.front_matter {
            assert_eq!(read[&key], value, "{key} in {want}");
        }
    }
}

#[test]
fn a_toml_date_time_reads_and_is_rewritten_as_written() {
    let text = "+++\ntitle = \"x\"\ndate = 2031-01-01 10:00:00 # local\nz = 1979-05-27t07:32:00Z\n+++\nbody\n";
    let page = folio::Page::parse(text).unwrap();
    let fm = page.to_model().front_matter;
    assert_eq!(fm["date"], serde_json::json!("2031-01-01 10:00:00"));
    assert_eq!(fm["z"], serde_json::json!("1979-05-27t07:32:00Z"));
    let out = page
        .set_front_matter("date", Some(serde_json::json!("2031-01-02 11:00:00")))
        .unwrap();
    assert_eq!(
        out.source(),
        text.replace("2031-01-01 10:00:00", "2031-01-02 11:00:00")
    );
}

#[test]
fn a_merge_key_reads_as_hugo_reads_it_and_a_merged_value_edited_is_overridden_in_place() {
    let text = "---\ntitle: About\nbase: &base\n  a: 1\n  c: x\nmore: &more\n  d: 4\n  a: 9\nderived:\n  <<: [*base, *more]\n  b: 2\n  c: own\n---\nbody\n";
    // What Hugo 0.168 reads (`{{ .Params | jsonify }}`): the merged keys, the mapping's own
    // winning, then the later mapping of the list (YAML 1.1 says the earlier).
    let hugo: serde_json::Value =
        serde_json::from_str(&hugo_page("{{ .Params.derived | jsonify }}", text)).unwrap();

    let page = folio::Page::parse(text).unwrap();
    let model = page.to_model();
    assert_eq!(model.front_matter["derived"], hugo);
    assert!(
        page.apply(&model).unwrap().source() == text,
        "dump | apply changes nothing"
    );

    // A merged value changed: written as the mapping's own key; the anchored one is kept.
    let mut changed = model.clone();
    changed.front_matter["derived"]["d"] = serde_json::json!(5);
    let out = page.apply(&changed).unwrap();
    assert_eq!(
        out.source(),
        text.replace("  c: own\n", "  c: own\n  d: 5\n")
    );
    assert_eq!(
        out.to_model().front_matter["more"]["d"],
        serde_json::json!(4)
    );

    // A merged key removed cannot be written here: refused, naming it.
    let mut removed = model.clone();
    removed.front_matter["derived"]
        .as_object_mut()
        .unwrap()
        .remove("a");
    let err = page.apply(&removed).unwrap_err();
    assert_eq!(err.at, "frontMatter.derived.a");
    assert!(err.message.contains("merge key"), "{}", err.message);
}

/// Front matter date lines, and whether Hugo 0.168 reads them. A date typed without its seconds, an impossible day, a blank before the offset
/// after a `T`: Hugo 0.168 stops; the same spellings it reads pass.
const DATES: [(&str, bool); 38] = [
    ("date: 2025-01-01T10:00", false),
    ("date: 2025-02-30", false),
    ("lastmod: '2025-1-2'", false),
    ("expiryDate: soon", false),
    ("date: 2025-01-01T10:00:00 +02:00", false),
    ("date: 2025-01-01", true),
    ("date: 2025-01-01 10:00:00 +0200", true),
    ("date: 2025-01-01T10:00:00.5+0200", true),
    ("publishDate: '2025-01-01 10:00:00 +0000 UTC'", true),
    ("date: 02 Jan 2006", true),
    // An empty date is Go's zero time; Go's `15` takes an hour of one digit (the
    // review).
    ("date: \"\"", true),
    ("date: 2025-01-31T9:30:00", true),
    // A zone's name Go's parseTimeZone takes; an offset to 24 hours and 60 minutes;
    // digits in ASCII; year 0, a leap year (the review of 47df165).
    ("date: '2025-01-01 10:00:00 +0000 utc'", false),
    ("date: '2025-01-01 10:00:00 +0000 ABCD'", false),
    ("date: '2025-01-01 10:00:00 +0000 UT'", false),
    ("date: '2025-01-01 10:00:00 +0100 ABCDE'", false),
    ("date: '2025-01-01 10:00:00 +02:00 CEST'", false),
    ("date: '2025-01-01 10:00:00 +0100 GMT+1'", true),
    ("date: '2025-01-01 10:00:00 +0200 CEST'", true),
    ("date: '2025-01-01 10:00:00 +1000 ChST'", true),
    ("date: '2025-01-01 10:00:00 +0800 ACWST'", true),
    ("date: '2025-01-01 10:00:00 +0100 +5'", false),
    ("date: '2025-01-01 10:00:00 +0500 +05'", true),
    ("date: '2025-01-01T10:00:00+25:00'", false),
    ("date: '2025-01-01T10:00:00+00:61'", false),
    ("date: '2025-01-01 10:00:00 +9900'", false),
    ("date: '2025-01-01T10:00:00+24:00'", true),
    ("date: '2025-01-01T10:00:00+00:60'", true),
    ("date: '2025-01-01T10:00:00.\u{663}Z'", false),
    ("date: '0000-02-29'", true),
    // cast's layouts that do not start with the year (RFC 1123, ANSIC, Kitchen …), and
    // near misses.
    ("date: Jan 2, 2024", false),
    ("date: 2 Jan 2024", false),
    ("date: 'Mon, 02 Jan 2006 15:04:05 MST'", true),
    ("date: 'Mon, 2 Jan 2006 15:04:05 MST'", false),
    ("date: 'Tue, 02 Jan 2006 15:04:05 GMT+1'", true),
    ("date: Mon Jan  2 15:04:05 2006", true),
    ("date: 3:04PM", true),
    ("date: 13:04PM", false),
];

/// The text of a front matter line's value, unquoted (`date: '2025-01-01'`).
fn value_of(line: &str) -> String {
    let v = line.split_once(": ").map_or("", |(_, v)| v);
    v.trim_matches(['\'', '"']).to_string()
}

/// Whether the date field (`ui/dates.js`, run by node) takes each text as a date.
fn the_date_fields_reading(texts: impl Iterator<Item = String>) -> Vec<bool> {
    let texts: Vec<String> = texts.collect();
    let script = format!(
        "import {{ parseDate }} from {};\nconsole.log(JSON.stringify({}.map((t) => parseDate(t) !== null)));",
        serde_json::to_string(&crate::support::root().join("ui/dates.js").display().to_string()).unwrap(),
        serde_json::to_string(&texts).unwrap(),
    );
    let out = std::process::Command::new("node")
        .args(["--input-type=module", "-e", &script])
        .output()
        .expect("node runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("a list of booleans")
}

#[test]
fn check_says_a_date_hugo_cannot_read_stops_the_build_exactly_where_hugo_stops() {
    let cases = DATES;
    let typed = the_date_fields_reading(cases.iter().map(|(line, _)| value_of(line)));
    for ((line, reads), field_reads) in cases.into_iter().zip(typed) {
        // The date field writes what Hugo reads, and nothing else (`ui/dates.js`).
        let value = value_of(line);
        let year_first = value
            .get(..5)
            .is_some_and(|y| y.ends_with('-') && y.bytes().take(4).all(|b| b.is_ascii_digit()));
        if year_first {
            assert_eq!(field_reads, reads, "{line}: the date field");
        } else {
            assert!(!field_reads || reads, "{line}: the date field writes it");
        }
        let site = crate::support::hugo_site(&[
            ("hugo.toml", "title = \"T\"\n"),
            ("layouts/_default/single.html", "{{ .Date }}"),
            (
                "content/p.md",
                &format!("---\ntitle: P\n{line}\n---\nBody.\n"),
            ),
        ]);
        let hugo = crate::support::hugo_run(site.path(), &[]);
        assert_eq!(hugo.is_ok(), reads, "{line}: Hugo said {hugo:?}");
        let found: Vec<String> = folio::check::check_path(&site.path().join("content/p.md"))
            .iter()
            .map(ToString::to_string)
            .collect();
        let stops = found.iter().any(|f| {
            f.contains("p.md:3:") && f.contains("front matter field is not a parsable date")
        });
        assert_eq!(stops, !reads, "{line}: {found:?}");
    }
    // A TOML date-time is the TOML parser's: one without seconds is a date to Hugo.
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "title = \"T\"\n"),
        ("layouts/_default/single.html", "{{ .Date }}"),
        (
            "content/p.md",
            "+++\ntitle = \"P\"\ndate = 2025-01-01T10:00\n+++\nBody.\n",
        ),
    ]);
    assert!(crate::support::hugo_run(site.path(), &[]).is_ok());
    assert!(folio::check::check_path(&site.path().join("content/p.md")).is_empty());
    // A TOML local time alone is no date to Hugo (the review of 8ce1e28).
    let time = "+++\ntitle = \"P\"\ndate = 10:00:00\n+++\nBody.\n";
    std::fs::write(site.path().join("content/p.md"), time).unwrap();
    assert!(crate::support::hugo_run(site.path(), &[]).is_err());
    let found: Vec<String> = folio::check::check_path(&site.path().join("content/p.md"))
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(
        found
            .iter()
            .any(|f| f.contains("p.md:3:") && f.contains("not a parsable date")),
        "{found:?}"
    );
}

#[test]
fn folded_and_kept_block_scalars_are_edited_in_their_own_style_and_read_by_hugo_as_set() {
    // A folded `>-` was rewritten `|-` on one line; a `|+` block's edit, or a key added
    // after one, was refused (hunt AA, 14).
    let text = "---\ntitle: T\nsummary: >- # wrapped\n  This is a long folded summary that\n  \
                wraps over several lines in the source\n  and reads as one line.\n\n  A second \
                paragraph.\nkeep: |+\n  kept\n\nfold: >\n  a\n  b\n---\nBody.\n";
    let summary = "This is a long folded summary that wraps over many lines in the source and \
                   reads as one line.\nA second paragraph.";
    let cases = [
        // One word: its line alone changes.
        (
            "summary",
            serde_json::json!(summary),
            text.replace("over several lines", "over many lines"),
        ),
        // A paragraph added: written anew, folded.
        (
            "summary",
            serde_json::json!("One.\nTwo.\n\nThree."),
            text.replace(
                "  This is a long folded summary that\n  wraps over several lines in the source\n  \
                 and reads as one line.\n\n  A second paragraph.\n",
                "  One.\n\n  Two.\n\n\n  Three.\n",
            ),
        ),
        (
            "keep",
            serde_json::json!("kept!\n\n"),
            text.replace("  kept\n", "  kept!\n"),
        ),
        (
            "fold",
            serde_json::json!("a c\n"),
            text.replace("  a\n  b\n", "  a\n  c\n"),
        ),
    ];
    for (key, value, want) in cases {
        let out = set_and_read_back(text, key, value.clone());
        assert_eq!(out, want, "{key}");
        let read = hugo_page(
            &format!("{{{{ index .Params \"{key}\" | jsonify }}}}"),
            &out,
        );
        assert_eq!(read, value.to_string(), "{key}: {out}");
    }
    // A key added after a kept block goes after its blank lines.
    let page = folio::Page::parse(text).unwrap();
    let added = page
        .set_front_matter("after", Some(serde_json::json!("x")))
        .unwrap();
    let read = hugo_page("{{ .Params.keep | jsonify }}", added.source());
    assert_eq!(read, "\"kept\\n\\n\"", "{}", added.source());
}

#[test]
fn block_scalars_hugo_would_read_otherwise_are_read_and_written_as_hugo_reads_them() {
    // The review of 77f3f30: a stripped block's trailing blanks are not Hugo's value, and
    // an emptied block in a list item stopped Hugo's build.
    let text = "---\ntitle: T\nd: |-\n  a \nl:\n  - >-\n    one\n  - last\n---\nBody.\n";
    let page = folio::Page::parse(text).unwrap();
    let read = hugo_page("{{ .Params.d | jsonify }}", text);
    assert_eq!(read, "\"a\"");
    assert_eq!(page.to_model().front_matter["d"], serde_json::json!("a"));
    for (key, value) in [
        ("d", serde_json::json!("a b ")),
        ("l", serde_json::json!(["", "last"])),
        ("d", serde_json::json!("")),
    ] {
        let out = set_and_read_back(text, key, value.clone());
        let read = hugo_page(
            &format!("{{{{ index .Params \"{key}\" | jsonify }}}}"),
            &out,
        );
        assert_eq!(read, value.to_string(), "{key}: {out}");
    }
}

#[test]
fn a_tab_in_yaml_front_matter_is_said_at_the_tab_where_hugo_says_it() {
    // Trial 52a-5: a tab-indented list item was said at the item above it (5:5).
    let cases = [
        "---\ntitle: x\ntags:\n  - rust\n\t- go\n---\nHi\n",
        "---\ntitle: x\nparams:\n  a: 1\n\tb: 2\n---\nHi\n",
        "---\ntitle: x\ntags:\n\t- rust\n---\nHi\n",
        // Review 52b, 8: a block scalar's line.
        "---\ntitle: x\nk: |\n  line\n\tline2\n---\nHi\n",
    ];
    for page in cases {
        let site =
            crate::support::hugo_site(&[("hugo.toml", "title = \"T\"\n"), ("content/p.md", page)]);
        let hugo = crate::support::hugo_run(site.path(), &[]).unwrap_err();
        // Hugo names the page's place first: `"…/content/p.md:5:1": [4:1] …`.
        let at = hugo
            .split("p.md:")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .unwrap_or_else(|| panic!("{page:?}: Hugo said {hugo}"));
        let found = crate::support::check_lines(&site.path().join("content/p.md"), "p.md");
        assert!(
            found
                .iter()
                .any(|f| f.contains(&format!("p.md:{at}: error: invalid YAML"))),
            "{page:?}: Hugo at {at}, Folio {found:?}"
        );
    }
}
