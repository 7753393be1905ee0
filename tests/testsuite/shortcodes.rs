//! A site's own shortcodes, learned from its templates (`tests/fixtures/sites/learned`: a
//! theme with `grid`, `section` and a paired `card`; the site's standalone `card` in
//! `layouts/_shortcodes/` overriding it; positional `experience`, inline `tag`, `note`
//! used in percent notation; one page with LF and one with CRLF line endings).

use std::collections::BTreeSet;
use std::path::Path;

use folio::templates::{FieldKind, Origin, ParamKey};
use folio::{OpenPage, Site};

use crate::support::{copy_dir, folio_tree, hugo_tree, root};

fn fixture() -> std::path::PathBuf {
    root().join("tests/fixtures/sites/learned")
}

/// A copy of the fixture site, with `about.md` replaced by `text` (and `crlf.md`, its
/// CRLF twin, removed) when given.
fn site_with(text: Option<&str>) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixture(), dir.path());
    if let Some(t) = text {
        std::fs::write(dir.path().join("content/about.md"), t).unwrap();
        std::fs::remove_file(dir.path().join("content/crlf.md")).unwrap();
    }
    dir
}

#[test]
fn the_catalogue_prints_each_shortcode_with_its_file_pairing_and_parameter_kinds() {
    let site = Site::open_dir(&fixture()).unwrap();
    let mut text = String::new();
    for t in site
        .shortcodes
        .iter()
        .filter(|t| t.origin != Origin::BuiltIn)
    {
        text.push_str(&format!(
            "{} {:?} {} paired={}\n",
            t.name,
            t.origin,
            t.files[0].display(),
            t.schema.paired
        ));
        for p in &t.schema.params {
            text.push_str(&format!("  {} {} {:?}\n", p.key, p.kind.name(), p.default));
        }
    }
    insta::assert_snapshot!("learned_catalogue", text);
}

#[test]
fn the_sites_own_template_overrides_the_themes() {
    let site = Site::open_dir(&fixture()).unwrap();
    let card = site.shortcodes.get("card").unwrap();
    assert_eq!(card.origin, Origin::Site);
    assert_eq!(card.files, [Path::new("layouts/_shortcodes/card.html")]);
    assert!(!card.schema.paired, "the site's card takes no body");
    let grid = site.shortcodes.get("grid").unwrap();
    assert_eq!(grid.origin, Origin::Theme("base".into()));
    assert!(grid.schema.paired);
    let icons = card.schema.param(&ParamKey::Named("icons".into())).unwrap();
    assert_eq!(icons.kind, FieldKind::Icons);
}

#[test]
fn standalone_cards_in_a_paired_grid_nest_as_hugo_nests_them_with_lf_and_crlf() {
    let dir = site_with(None);
    let written: BTreeSet<String> = ["card", "grid", "section", "experience", "note", "tag"]
        .map(String::from)
        .into();
    for (page, out) in [
        ("about.md", "about/index.html"),
        ("crlf.md", "crlf/index.html"),
    ] {
        let hugo = hugo_tree(dir.path(), Some(out)).unwrap();
        let doc = OpenPage::open(&dir.path().join("content").join(page)).unwrap();
        assert_eq!(folio_tree(&doc, &written), hugo, "{page}");
        let plan = doc.plan(&doc.model(), Path::new("<model>")).unwrap();
        assert!(plan.is_empty(), "{page}: dump | apply changes nothing");
    }
    assert_eq!(
        hugo_tree(dir.path(), Some("about/index.html")).unwrap(),
        "tag tag section(grid(card card)) note(tag) experience experience"
    );
}

/// Folio's error for the page, or `None` when it accepts it; Hugo must agree.
fn refused_by_both(text: &str) -> Option<String> {
    let dir = site_with(Some(text));
    let hugo = hugo_tree(dir.path(), Some("about/index.html"));
    let folio = OpenPage::open(&dir.path().join("content/about.md"));
    assert_eq!(hugo.is_err(), folio.is_err(), "hugo: {hugo:?}");
    folio.err().map(|e| e.to_string())
}

#[test]
fn a_closing_tag_for_a_standalone_template_is_refused_as_hugo_refuses_it() {
    let e = refused_by_both("---\ntitle: x\n---\n{{< card name=\"a\" >}}\nbody\n{{< /card >}}\n")
        .unwrap();
    assert!(
        e.ends_with("about.md:6:1: shortcode `card` does not use a body, yet a closing tag was provided (opened at 4:1): its template does not read .Inner"),
        "{e}"
    );
}

#[test]
fn a_closing_tag_closes_the_innermost_open_body_whatever_name_it_gives_as_hugo_closes_it() {
    // Hugo's lexer asks only that a closing tag's name was met before; its parser ends the
    // shortcode being read (trial 62: `{{< tabs >}}…{{< /tab >}}` opened in Hugo, not in
    // Folio). `folio check` warns at the closing tag.
    let written: BTreeSet<String> = ["card", "grid", "section"].map(String::from).into();
    for (body, tree, warned) in [
        // `/card`, of a template that takes no body, closes the open grid.
        (
            "{{< section >}}\n{{< grid >}}\n{{< card name=\"a\" >}}\n{{< /card >}}\n\
             {{< /section >}}\n",
            "section(grid(card))",
            vec!["7:1"],
        ),
        // Closed crosswise: `/section` closes the grid, `/grid` the section.
        (
            "{{< section >}}\n{{< grid >}}\n{{< card name=\"a\" >}}\n{{< /section >}}\n\
             {{< /grid >}}\n\n{{< card name=\"b\" >}}\n",
            "section(grid(card)) card",
            vec!["7:1", "8:1"],
        ),
    ] {
        let dir = site_with(Some(&format!("---\ntitle: x\n---\n{body}")));
        let hugo = hugo_tree(dir.path(), Some("about/index.html")).unwrap();
        let doc = OpenPage::open(&dir.path().join("content/about.md")).unwrap();
        assert_eq!(hugo, tree);
        assert_eq!(folio_tree(&doc, &written), tree, "{body}");
        let found: Vec<String> = folio::check::check_path(&dir.path().join("content/about.md"))
            .iter()
            .filter(|d| d.message.contains("whatever name its closing tag gives"))
            .map(|d| format!("{}:{}", d.line, d.col))
            .collect();
        assert_eq!(found, warned, "{body}");
    }
}

#[test]
fn a_closing_tag_left_without_its_shortcode_says_which_tag_closed_it() {
    // Review 63c, r2: the errors named no tag that closed the shortcode first.
    let e = refused_by_both(
        "---\ntitle: x\n---\n{{< section >}}\n{{< card name=\"a\" >}}\n{{< /card >}}\n{{< /section >}}\n",
    )
    .unwrap();
    assert!(
        e.ends_with("about.md:7:1: closing tag for shortcode `section` with nothing open to close: the `{{< /card >}}` at 6:1 closed `section` (opened at 4:1), as Hugo closes the innermost open shortcode that reads .Inner whatever name its closing tag gives"),
        "{e}"
    );
    let e =
        refused_by_both("---\ntitle: x\n---\n{{< section >}}\n{{< grid >}}\n{{< /section >}}\n")
            .unwrap();
    assert!(
        e.contains("about.md:4:1: unclosed shortcode `section`")
            && e.ends_with("; the `{{< /section >}}` at 6:1 closed `grid` (opened at 5:1), as Hugo closes the innermost open shortcode that reads .Inner whatever name its closing tag gives"),
        "{e}"
    );
}

#[test]
fn a_new_call_copied_from_one_closed_by_another_name_closes_with_its_own() {
    // Review 63c, r1: the copy kept the other name (`{{< grid >}}…{{< /section >}}`), which
    // does not parse alone, and a new section was refused.
    let text = "---\ntitle: x\n---\n{{< section >}}\n{{< grid >}}\n{{< card name=\"a\" >}}\n\
                {{< /section >}}\n{{< /grid >}}\n";
    let dir = site_with(Some(text));
    let doc = OpenPage::open(&dir.path().join("content/about.md")).unwrap();
    let mut model = doc.model();
    // Written from their fields (no `source`), like their siblings.
    let mut grid = block_at(&mut model, &[0, 0]).clone();
    let mut section = block_at(&mut model, &[0]).clone();
    (grid.source, section.source, section.body) = (None, None, None);
    section.children = Some(Vec::new());
    let (mut grid, mut section) = (
        folio::Block::Shortcode(grid),
        folio::Block::Shortcode(section),
    );
    grid.set_id(None);
    section.set_id(None);
    block_at(&mut model, &[0])
        .children
        .as_mut()
        .unwrap()
        .push(grid);
    model.blocks.push(section);
    let plan = doc.plan(&model, Path::new("<model>")).unwrap();
    assert_eq!(
        plan.page.unwrap(),
        text.replace(
            "{{< /section >}}\n{{< /grid >}}\n",
            "{{< /section >}}\n{{< grid >}}\n{{< card name=\"a\" >}}\n{{< /grid >}}\n\
             {{< /grid >}}\n\n{{< section >}}\n\n{{< /section >}}\n"
        )
    );
}

#[test]
fn a_self_closed_call_of_a_standalone_template_is_an_error_of_check_as_hugo_refuses_it() {
    let dir = site_with(Some(
        "---\ntitle: x\n---\nText.\n\n{{< card name=\"a\" />}}\n\n{{< figure src=\"a.png\" />}}\n",
    ));
    let hugo = hugo_tree(dir.path(), Some("about/index.html"));
    assert!(
        hugo.as_ref()
            .is_err_and(|e| e.contains("does not evaluate .Inner or .InnerDeindent")),
        "{hugo:?}"
    );
    let found: Vec<String> = folio::check::check_path(&dir.path().join("content/about.md"))
        .iter()
        .filter(|d| d.message.contains("/>"))
        .map(|d| format!("{}:{}: {:?}", d.line, d.col, d.severity))
        .collect();
    assert_eq!(found, ["6:1: Error", "8:1: Error"]);
}

#[test]
fn an_unclosed_call_of_a_paired_template_is_refused_as_hugo_refuses_it() {
    let e = refused_by_both("---\ntitle: x\n---\n{{< grid >}}\n{{< card name=\"a\" >}}\n").unwrap();
    assert!(e.contains("about.md:4:1: unclosed shortcode `grid`"), "{e}");
    assert_eq!(refused_by_both("---\ntitle: x\n---\n{{< grid />}}\n"), None);
    // The fix is said in the notation the call is written in (trial 52a-8).
    let e = refused_by_both("---\ntitle: x\n---\n{{% grid %}}\n{{< card name=\"a\" >}}\n").unwrap();
    assert!(
        e.contains("expected `{{% /grid %}}` after its body") && e.contains("`{{% grid … /%}}`"),
        "{e}"
    );
}

#[test]
fn without_the_sites_override_the_themes_paired_card_takes_a_body() {
    let text = "---\ntitle: x\n---\n{{< card heading=\"a\" >}}\nbody\n{{< /card >}}\n";
    let dir = site_with(Some(text));
    std::fs::remove_file(dir.path().join("layouts/_shortcodes/card.html")).unwrap();
    assert!(hugo_tree(dir.path(), Some("about/index.html")).is_ok());
    let doc = OpenPage::open(&dir.path().join("content/about.md")).unwrap();
    let card = &doc.page.shortcodes().all[0];
    assert!(card.close.is_some(), "the theme's card is paired");
}

#[test]
fn a_nested_call_of_a_shortcode_with_no_template_is_said_where_hugo_says_it() {
    // Review 65: Hugo 0.168 says "template for shortcode \"nosuch\" not found" at the
    // top-level call it is in (about.md:5:1 here); Folio said the nested call's place.
    let text = "---\ntitle: x\n---\n\n{{< note >}}\n  in {{< nosuch >}}\n{{< /note >}}\n";
    let dir = site_with(Some(text));
    let page = dir.path().join("content/about.md");
    let found = crate::support::check_lines(&page, "about.md");
    assert!(
        found
            .iter()
            .any(|l| l.starts_with("about.md:5:1: error: shortcode `nosuch` has no template")),
        "{found:#?}"
    );
}

#[test]
fn check_names_unknown_shortcodes_and_parameters_their_template_never_reads() {
    let text = "---\ntitle: x\n---\n{{< crad name=\"a\" >}}\n\n{{< card nmae=\"a\" icons=\"rust gihtub\" >}}\n\n{{< tag a b >}}\n";
    let dir = site_with(Some(text));
    let page = dir.path().join("content/about.md");
    let found = crate::support::check_lines(&page, "about.md");
    assert_eq!(
        found,
        [
            "about.md:4:1: error: shortcode `crad` has no template: none in layouts/_shortcodes, layouts/shortcodes, the theme or Hugo's built-ins (Hugo fails the build on this): did you mean `card`?",
            "about.md:6:10: warning: `card` sets `nmae`, which its template never reads: did you mean `name`?",
            "about.md:6:31: warning: unknown tech icon `gihtub`: did you mean `github`?",
            "about.md:8:11: warning: `tag` gets a parameter at position 1, which its template never reads",
        ]
    );
}

#[test]
fn a_parameter_a_call_inside_reads_through_its_parent_is_not_said_to_be_unread() {
    // A grandchild's `.Parent.Parent.Get`, a child's `.Parent.Params.x` and a child's
    // `$p := .Parent` read the container's parameters, which Hugo prints (hunt AS, 2).
    let site = crate::support::hugo_site(&[
        ("hugo.toml", ""),
        ("layouts/_shortcodes/section.html", "<section>{{ .Inner }}</section>"),
        ("layouts/_shortcodes/group.html", "<div>{{ .Inner }}</div>"),
        (
            "layouts/_shortcodes/role.html",
            "<p>{{ .Get \"title\" }} ({{ .Parent.Parent.Get \"org\" }})</p>",
        ),
        (
            "layouts/_shortcodes/tag.html",
            "<p>{{ .Get \"name\" }} in {{ .Parent.Params.accent }}</p>",
        ),
        (
            "layouts/_shortcodes/tag2.html",
            "<p>{{ .Get \"name\" }}{{ $p := .Parent }} size {{ $p.Get \"size\" }}</p>",
        ),
        (
            "content/p.md",
            "---\ntitle: P\n---\n{{< section org=\"Acme\" >}}\n{{< group >}}\n{{< role title=\"Engineer\" >}}\n\
             {{< /group >}}\n{{< /section >}}\n\n{{< group accent=\"teal\" extra=\"x\" >}}\n{{< tag name=\"Go\" >}}\n\
             {{< /group >}}\n\n{{< group size=\"L\" >}}\n{{< tag2 name=\"Rust\" >}}\n{{< /group >}}\n",
        ),
    ]);
    crate::support::hugo_build(site.path(), "parents' parameters");
    let hugo = std::fs::read_to_string(site.path().join("public/p/index.html")).unwrap();
    for printed in ["Engineer (Acme)", "Go in teal", "Rust size L"] {
        assert!(hugo.contains(printed), "{hugo}");
    }
    // `extra` is read by nothing: the child reads the group's `accent` by name.
    let found = crate::support::check_lines(&site.path().join("content/p.md"), "p.md");
    assert_eq!(
        found,
        ["p.md:10:25: warning: `group` sets `extra`, which its template never reads"]
    );
}

#[test]
fn a_template_change_on_disk_re_reads_the_shortcodes_and_re_parses_the_page() {
    use folio::session::{Outside, Session};
    use folio::watch::Change;
    let text = "---\ntitle: x\n---\n{{< card name=\"a\" >}}\nbody\n{{< /card >}}\n";
    let dir = site_with(Some(text));
    let mut s = Session::open(&dir.path().join("content/about.md")).unwrap();
    assert!(
        s.view().update.broken.is_some(),
        "the site's card takes no body"
    );
    let template = dir.path().join("layouts/_shortcodes/card.html");
    std::fs::write(&template, "<div>{{ .Get \"name\" }}{{ .Inner }}</div>").unwrap();
    let outside = s
        .outside_change(&[Change::Templates(template.clone())])
        .unwrap();
    assert_eq!(outside, Outside::TemplatesReloaded);
    assert!(s.view().update.broken.is_none(), "now it does");
    assert_eq!(s.site().shortcodes.paired("card"), Some(true));
    let again = s.outside_change(&[Change::Templates(template)]).unwrap();
    assert_eq!(again, Outside::Nothing, "the same templates change nothing");
}

/// The fixture page with `edit` made to its model, and the page's text before.
fn edited(page: &str, edit: impl FnOnce(&mut folio::Portfolio)) -> (String, String) {
    let doc = OpenPage::open(&fixture().join("content").join(page)).unwrap();
    let mut model = doc.model();
    edit(&mut model);
    let plan = doc.plan(&model, Path::new("<model>")).unwrap();
    let before = doc.page.source().to_string();
    (before.clone(), plan.page.unwrap_or(before))
}

/// Block `path` of the model: the top-level position, then a child position per level.
fn block_at<'a>(m: &'a mut folio::Portfolio, path: &[usize]) -> &'a mut folio::model::Shortcode {
    let (first, rest) = path.split_first().unwrap();
    let mut b = &mut m.blocks[*first];
    for &i in rest {
        let folio::Block::Shortcode(s) = b else {
            panic!("not a shortcode")
        };
        b = &mut s.children.as_mut().unwrap()[i];
    }
    match b {
        folio::Block::Shortcode(s) => s,
        _ => panic!("not a shortcode"),
    }
}

fn set_param(s: &mut folio::model::Shortcode, name: &str, value: &str) {
    let p = s.params.as_mut().unwrap();
    match p.iter_mut().find(|p| p.name.as_deref() == Some(name)) {
        Some(p) => p.value = value.into(),
        None => p.push(folio::model::ParamValue {
            name: Some(name.into()),
            value: value.into(),
            kind: None,
            on: None,
            word: None,
        }),
    }
}

#[test]
fn a_parameter_of_a_card_three_levels_deep_changes_only_its_value_with_lf_and_crlf() {
    for page in ["about.md", "crlf.md"] {
        let (before, after) = edited(page, |m| {
            set_param(block_at(m, &[1, 0, 0]), "stack", "Rust, Tauri, Svelte");
        });
        assert_eq!(
            after,
            before.replace("stack=\"Rust, Tauri\"", "stack=\"Rust, Tauri, Svelte\""),
            "{page}"
        );
    }
}

#[test]
fn a_positional_parameter_changes_in_its_own_quoting() {
    let (before, after) = edited("about.md", |m| {
        let s = block_at(m, &[4]);
        s.params.as_mut().unwrap()[1].value = "Initech Ltd".into();
        s.params.as_mut().unwrap()[3].value = "Lead".into();
    });
    assert_eq!(
        after,
        before.replace(
            "initech Initech \"2015 - 2019\" Engineer",
            "initech \"Initech Ltd\" \"2015 - 2019\" Lead"
        )
    );
}

#[test]
fn a_percent_body_changes_only_its_lines() {
    let (before, after) = edited("about.md", |m| {
        block_at(m, &[2]).body =
            Some("A *Markdown* body with {{< tag inline >}} inside.\n\nAnd more.".into());
    });
    assert_eq!(
        after,
        before.replace(
            "{{< tag inline >}} inside.\n",
            "{{< tag inline >}} inside.\n\nAnd more.\n"
        )
    );
}

#[test]
fn a_card_added_to_the_grid_is_written_like_its_sibling() {
    let (before, after) = edited("about.md", |m| {
        let grid = block_at(m, &[1, 0]);
        let new = folio::model::Shortcode {
            name: "card".into(),
            params: Some(vec![
                folio::model::ParamValue {
                    name: Some("name".into()),
                    value: "Third".into(),
                    kind: None,
                    on: None,
                    word: None,
                },
                folio::model::ParamValue {
                    name: Some("stack".into()),
                    value: "C".into(),
                    kind: None,
                    on: None,
                    word: None,
                },
            ]),
            ..Default::default()
        };
        grid.children
            .as_mut()
            .unwrap()
            .push(folio::Block::Shortcode(new));
    });
    assert_eq!(
        after,
        before.replace(
            "  {{< card name=\"Other\" stack=\"Go\" >}}\n",
            "  {{< card name=\"Other\" stack=\"Go\" >}}\n  {{< card name=\"Third\" stack=\"C\" >}}\n"
        )
    );
}

#[test]
fn cards_in_a_grid_are_reordered_duplicated_and_deleted_by_their_exact_source() {
    let first = "  {{< card name=\"Folio\" url=\"https://example.org/folio\" thumb=\"/img/folio.png\"\n           desc=\"Edits **Hugo** pages\" stack=\"Rust, Tauri\" icons=\"rust github\" featured=\"true\" >}}\n";
    let second = "  {{< card name=\"Other\" stack=\"Go\" >}}\n";
    let (before, swapped) = edited("about.md", |m| {
        block_at(m, &[1, 0]).children.as_mut().unwrap().reverse();
    });
    assert_eq!(
        swapped,
        before.replace(&format!("{first}{second}"), &format!("{second}{first}"))
    );
    let (_, deleted) = edited("about.md", |m| {
        block_at(m, &[1, 0]).children.as_mut().unwrap().remove(0);
    });
    assert_eq!(deleted, before.replace(first, ""));
    let (_, copied) = edited("about.md", |m| {
        let kids = block_at(m, &[1, 0]).children.as_mut().unwrap();
        let mut copy = kids[1].clone();
        copy.set_id(None);
        kids.push(copy);
    });
    assert_eq!(copied, before.replace(second, &format!("{second}{second}")));
}

#[test]
fn a_changed_source_replaces_the_call_verbatim_and_other_fields_are_then_ignored() {
    let (before, after) = edited("about.md", |m| {
        let s = block_at(m, &[3]);
        s.source = Some("{{< experience acme \"Acme\" >}}".into());
        s.params.as_mut().unwrap()[0].value = "ignored".into();
    });
    assert_eq!(
        after,
        before.replace(
            "{{< experience acme \"Acme Corp\" \"2019 - Present\" `Staff \"engineer\"` >}}",
            "{{< experience acme \"Acme\" >}}"
        )
    );
}

/// An edit as the forms send it (JSON), applied to a session on a copy of the fixture.
fn session_edits(edits: &[serde_json::Value]) -> (String, String) {
    use folio::session::Session;
    let dir = site_with(None);
    let page = dir.path().join("content/about.md");
    let before = std::fs::read_to_string(&page).unwrap();
    let mut s = Session::open(&page).unwrap();
    for e in edits {
        let edit = edit_json(e.clone());
        s.edit(edit, None).unwrap();
    }
    (before, s.current().page.clone())
}

#[test]
fn the_forms_edit_a_nested_card_field_and_restructure_a_grid_through_the_session() {
    let section = |stack: &str| {
        serde_json::json!({"kind": "shortcode", "id": 1, "name": "section", "params": [{"name": "title", "value": "Projects"}],
            "children": [{"kind": "shortcode", "id": 0, "name": "grid", "params": [], "children": [
                {"kind": "shortcode", "id": 0, "name": "card", "params": [
                    {"name": "name", "value": "Folio"}, {"name": "url", "value": "https://example.org/folio"},
                    {"name": "thumb", "value": "/img/folio.png"}, {"name": "desc", "value": "Edits **Hugo** pages"},
                    {"name": "stack", "value": stack}, {"name": "icons", "value": "rust github"},
                    {"name": "featured", "value": "true"}]},
                {"kind": "shortcode", "id": 1, "name": "card", "params": [{"name": "name", "value": "Other"}, {"name": "stack", "value": "Go"}]}]}]})
    };
    // Two keystrokes in a row: the second names the same block, without `source`.
    let (before, after) = session_edits(&[
        serde_json::json!({"op": "block", "id": 1, "block": section("Rust, Tauri,")}),
        serde_json::json!({"op": "block", "id": 1, "block": section("Rust, Tauri, Go")}),
    ]);
    assert_eq!(
        after,
        before.replace("stack=\"Rust, Tauri\"", "stack=\"Rust, Tauri, Go\"")
    );
    let second = "  {{< card name=\"Other\" stack=\"Go\" >}}\n";
    let within = serde_json::json!({"id": 1, "path": [0]});
    let (_, copied) =
        session_edits(&[serde_json::json!({"op": "duplicate", "id": 1, "within": within})]);
    assert_eq!(copied, before.replace(second, &format!("{second}{second}")));
    let (_, moved) =
        session_edits(&[serde_json::json!({"op": "move", "id": 1, "to": 0, "within": within})]);
    assert!(
        moved.contains(&format!(
            "{{{{< grid >}}}}\n{second}  {{{{< card name=\"Folio\""
        )),
        "{moved}"
    );
    let (_, deleted) =
        session_edits(&[serde_json::json!({"op": "delete", "id": 1, "within": within})]);
    assert_eq!(deleted, before.replace(second, ""));
    let (_, added) = session_edits(&[
        serde_json::json!({"op": "insert", "index": 2, "within": within,
        "block": {"kind": "shortcode", "name": "card", "params": [{"name": "name", "value": "New"}]}}),
    ]);
    assert_eq!(
        added,
        before.replace(
            second,
            &format!("{second}  {{{{< card name=\"New\" >}}}}\n")
        )
    );
}

#[test]
fn prose_inside_an_indented_container_is_given_and_written_without_its_indentation() {
    // Trial 51a, 5: a child's text showed the file's indentation, and a line typed there
    // was written at the margin, inside the indented call.
    let page = "---\ntitle: N\n---\n\n{{< section title=\"S\" >}}\n  {{< grid >}}\n  Intro *line*\n\n  - a\n  {{< card name=\"X\" >}}\n  {{< /grid >}}\n{{< /section >}}\n";
    let dir = site_with(Some(page));
    let path = dir.path().join("content/about.md");
    let doc = OpenPage::open(&path).unwrap();
    let mut model = doc.model();
    let grid = block_at(&mut model, &[0, 0]);
    let children = grid.children.as_mut().unwrap();
    let folio::Block::Markdown { text, .. } = &mut children[0] else {
        panic!("not prose: {children:?}")
    };
    assert_eq!(text, "Intro *line*\n\n- a");
    text.push_str("\n- b");
    let plan = doc.plan(&model, Path::new("<model>")).unwrap();
    assert_eq!(
        plan.page.unwrap(),
        page.replace("  - a\n", "  - a\n  - b\n")
    );
}

#[test]
fn an_unknown_icon_in_a_nested_cards_icon_list_is_reported_for_its_field() {
    use folio::session::{Edit, Session};
    let dir = site_with(None);
    let mut s = Session::open(&dir.path().join("content/about.md")).unwrap();
    let mut block = s.open_page().unwrap().page.block_model_at(1).unwrap();
    let folio::Block::Shortcode(section) = &mut block else {
        panic!()
    };
    let folio::Block::Shortcode(grid) = &mut section.children.as_mut().unwrap()[0] else {
        panic!()
    };
    let folio::Block::Shortcode(card) = &mut grid.children.as_mut().unwrap()[0] else {
        panic!()
    };
    card.params.as_mut().unwrap()[5].value = "rust gihtub".into();
    let u = s.edit(Edit::Block { id: 1, block }, None).unwrap();
    let said: Vec<(&str, &str)> = u
        .problems
        .iter()
        .map(|p| (p.field.as_str(), p.value.as_str()))
        .collect();
    assert_eq!(said, [("children.0.children.0.params.icons", "gihtub")]);
}

#[test]
fn folio_toml_renames_hides_and_picks_the_widget_of_a_field() {
    let dir = site_with(None);
    std::fs::write(
        dir.path().join("folio.toml"),
        "[shortcodes.card.fields.desc]\nlabel = \"Description\"\nwidget = \"text\"\n\n\
         [shortcodes.card.fields.thumb]\nhidden = true\n\n\
         [shortcodes.experience.fields.0]\nlabel = \"Logo\"\nwidget = \"image\"\n",
    )
    .unwrap();
    let site = Site::open_dir(dir.path()).unwrap();
    let card = &site.shortcodes.get("card").unwrap().schema;
    let desc = card.param(&ParamKey::Named("desc".into())).unwrap();
    assert_eq!(
        (desc.label.as_deref(), desc.kind),
        (Some("Description"), FieldKind::Text)
    );
    assert!(card.param(&ParamKey::Named("thumb".into())).unwrap().hidden);
    let logo = site
        .shortcodes
        .get("experience")
        .unwrap()
        .schema
        .param(&ParamKey::Positional(0))
        .cloned()
        .unwrap();
    assert_eq!(
        (logo.label.as_deref(), logo.kind),
        (Some("Logo"), FieldKind::Image)
    );
}

#[test]
fn a_bad_widget_in_folio_toml_is_an_error_at_its_line_and_column() {
    let dir = site_with(None);
    std::fs::write(
        dir.path().join("folio.toml"),
        "[shortcodes.card.fields.desc]\nwidget = \"wysiwyg\"\n",
    )
    .unwrap();
    let e = Site::open_dir(dir.path()).unwrap_err().to_string();
    assert!(e.ends_with("folio.toml:2:10: `widget` must be one of text, markdown, words, commaList, url, image, flag, icons, choice"), "{e}");
}

#[test]
fn folio_toml_gives_a_choice_its_words_before_those_the_template_compares_with() {
    let dir = site_with(None);
    std::fs::write(
        dir.path().join("layouts/shortcodes/badge.html"),
        r#"{{ if eq (.Get "tone") "info" }}i{{ end }}"#,
    )
    .unwrap();
    std::fs::write(
        dir.path().join("folio.toml"),
        "[shortcodes.badge.fields.tone]\nchoices = [\"warning\", \"info\"]\n",
    )
    .unwrap();
    let site = Site::open_dir(dir.path()).unwrap();
    let badge = &site.shortcodes.get("badge").unwrap().schema;
    let tone = badge.param(&ParamKey::Named("tone".into())).unwrap();
    assert_eq!(
        (tone.kind, tone.choices.clone()),
        (
            FieldKind::Choice,
            vec!["warning".to_string(), "info".to_string()]
        )
    );
    std::fs::write(
        dir.path().join("folio.toml"),
        "[shortcodes.badge.fields.tone]\nchoices = \"warning\"\n",
    )
    .unwrap();
    let e = Site::open_dir(dir.path()).unwrap_err().to_string();
    assert!(
        e.ends_with("folio.toml:2:11: `choices` must be a list of strings"),
        "{e}"
    );
    // Review 48a and 48b, 7: a menu of no words left the value uneditable.
    std::fs::write(
        dir.path().join("folio.toml"),
        "[shortcodes.badge.fields.label]\nwidget = \"choice\"\n",
    )
    .unwrap();
    let e = Site::open_dir(dir.path()).unwrap_err().to_string();
    assert!(
        e.ends_with("folio.toml:2:10: a `choice` widget needs `choices`, the words it offers"),
        "{e}"
    );
}

#[test]
fn an_image_fields_picker_offers_static_assets_and_the_pages_bundle() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for f in [
        "static/img/me.png",
        "static/.hidden/x.png",
        "static/notes.txt",
        "assets/images/b.JPG",
        "content/work/index.md",
        "content/work/shot.webp",
    ] {
        std::fs::create_dir_all(d.join(f).parent().unwrap()).unwrap();
        std::fs::write(d.join(f), "x").unwrap();
    }
    let listed: Vec<(String, folio::site::images::ImageFolder)> =
        folio::site::images::list(d, &[d.join("static")], &d.join("content/work/index.md"))
            .into_iter()
            .map(|i| (i.value, i.folder))
            .collect();
    use folio::site::images::ImageFolder::{Assets, Bundle, Static};
    assert_eq!(
        listed,
        [
            ("/img/me.png".into(), Static),
            ("images/b.JPG".into(), Assets),
            ("shot.webp".into(), Bundle)
        ]
    );
    let leaf = folio::site::images::list(d, &[d.join("static")], &d.join("content/about.md"));
    assert_eq!(
        leaf.len(),
        2,
        "a page that is not a bundle has no images of its own"
    );
}

/// A site of its own: `box` (paired, Markdown body), `badge` (named), `yt` (positional),
/// `fl` (a flag compared with `true`).
fn small_site(page: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir_all(d.join("layouts/shortcodes")).unwrap();
    std::fs::create_dir_all(d.join("content")).unwrap();
    std::fs::write(d.join("hugo.toml"), "title = \"small\"\n").unwrap();
    for (name, t) in [
        ("box", "<div class=\"box\">{{ .Inner | markdownify }}</div>"),
        ("badge", "<span>{{ .Get \"label\" }}</span>"),
        (
            "fl",
            "{{ if eq (.Get \"f\") true }}YES{{ else }}NO{{ end }}",
        ),
        (
            "yt",
            "<iframe src=\"https://youtube.com/embed/{{ .Get 0 }}\"></iframe>",
        ),
    ] {
        std::fs::write(d.join(format!("layouts/shortcodes/{name}.html")), t).unwrap();
    }
    std::fs::write(d.join("content/x.md"), page).unwrap();
    std::fs::create_dir_all(d.join("layouts/_default")).unwrap();
    std::fs::write(d.join("layouts/_default/single.html"), "{{ .Content }}").unwrap();
    dir
}

/// The page of [`small_site`] after `edit`.
fn small_edit(page: &str, edit: impl FnOnce(&mut folio::Portfolio)) -> String {
    let dir = small_site(page);
    let doc = OpenPage::open(&dir.path().join("content/x.md")).unwrap();
    let mut m = doc.model();
    edit(&mut m);
    doc.plan(&m, Path::new("<model>"))
        .unwrap()
        .page
        .unwrap_or_else(|| page.to_string())
}

#[test]
fn a_positional_value_that_would_read_as_a_name_is_quoted() {
    let page = "---\ntitle: x\n---\n{{< yt abc >}}\n";
    let out = small_edit(page, |m| {
        block_at(m, &[0]).params.as_mut().unwrap()[0].value = "v=xyz".into()
    });
    assert_eq!(out, page.replace("yt abc", "yt \"v=xyz\""));
    let out = small_edit(page, |m| {
        block_at(m, &[0]).params.as_mut().unwrap()[0].value = "a-b.c".into()
    });
    assert_eq!(out, page.replace("yt abc", "yt a-b.c"));
}

#[test]
fn a_bare_value_changed_to_text_hugo_would_read_as_a_number_or_a_bool_is_quoted() {
    // Hugo types a bare value (`Item.ValTyped`): `1.10` written bare is the float 1.1,
    // `007` the int 7 (hunt AA, 4). A number edited into another number stays bare.
    let page =
        "---\ntitle: x\n---\n{{< pos first latest >}}\n{{< img w=300 alt=cat >}}\n{{< n d=1.5 >}}\n";
    let edit = |block: usize, i: usize, v: &str| {
        small_edit(page, |m| {
            block_at(m, &[block]).params.as_mut().unwrap()[i].value = v.into()
        })
    };
    assert_eq!(
        edit(0, 1, "1.10"),
        page.replace("first latest", "first \"1.10\"")
    );
    assert_eq!(
        edit(0, 1, "false"),
        page.replace("first latest", "first \"false\"")
    );
    assert_eq!(
        edit(0, 1, "newest"),
        page.replace("first latest", "first newest")
    );
    assert_eq!(edit(1, 0, "400"), page.replace("w=300", "w=400"));
    assert_eq!(edit(1, 0, "007"), page.replace("w=300", "w=\"007\""));
    // A number stays one (`mul` takes an int or a float; the review of 7070b50).
    assert_eq!(edit(1, 0, "2.5"), page.replace("w=300", "w=2.5"));
    assert_eq!(edit(2, 0, "2"), page.replace("d=1.5", "d=2"));
    // Another type, or a float Go prints otherwise (the review of f0d2a95).
    assert_eq!(edit(1, 0, "true"), page.replace("w=300", "w=\"true\""));
    assert_eq!(edit(2, 0, "2.5"), page.replace("d=1.5", "d=2.5"));
    assert_eq!(
        edit(2, 0, "0.00001"),
        page.replace("d=1.5", "d=\"0.00001\"")
    );
    assert_eq!(edit(1, 1, "42"), page.replace("alt=cat", "alt=\"42\""));
    let appended = small_edit(page, |m| {
        let params = block_at(m, &[0]).params.as_mut().unwrap();
        params.push(params[0].clone());
        params[2].value = "3".into();
    });
    assert_eq!(appended, page.replace("first latest", "first latest \"3\""));
}

#[test]
fn blocks_moved_in_an_indented_container_keep_their_indentation() {
    let page =
        "---\ntitle: x\n---\n{{< box >}}\n  Para one.\n\n  {{< badge label=a >}}\n{{< /box >}}\n";
    let swapped = small_edit(page, |m| {
        block_at(m, &[0]).children.as_mut().unwrap().reverse()
    });
    assert_eq!(
        swapped,
        page.replace(
            "  Para one.\n\n  {{< badge label=a >}}\n",
            "  {{< badge label=a >}}\n\n  Para one.\n"
        )
    );
    let added = small_edit(page, |m| {
        let new = folio::model::Shortcode {
            name: "badge".into(),
            params: Some(vec![]),
            ..Default::default()
        };
        block_at(m, &[0])
            .children
            .as_mut()
            .unwrap()
            .insert(0, folio::Block::Shortcode(new));
    });
    assert_eq!(
        added,
        page.replace("  Para one.\n", "  {{< badge >}}\n\n  Para one.\n")
    );
}

#[test]
fn of_a_repeated_parameter_the_last_is_the_one_edited_as_hugo_reads_the_last() {
    let page = "---\ntitle: x\n---\n{{< badge label=a label=b >}}\n";
    let out = small_edit(page, |m| {
        block_at(m, &[0]).params.as_mut().unwrap()[1].value = "c".into()
    });
    assert_eq!(out, page.replace("label=b", "label=c"));
}

#[test]
fn a_body_written_into_an_empty_container_keeps_the_closing_tag_on_its_line() {
    let page = "---\ntitle: x\n---\n{{< box >}}\n{{< /box >}}\n";
    let out = small_edit(page, |m| {
        block_at(m, &[0]).body = Some("hello\nworld".into())
    });
    assert_eq!(
        out,
        "---\ntitle: x\n---\n{{< box >}}\n  hello\n  world\n{{< /box >}}\n"
    );
}

#[test]
fn a_new_container_is_written_with_its_children() {
    let page = "---\ntitle: x\n---\nText.\n";
    let out = small_edit(page, |m| {
        let badge = folio::model::Shortcode {
            name: "badge".into(),
            params: Some(vec![folio::model::ParamValue {
                name: Some("label".into()),
                value: "new".into(),
                kind: None,
                on: None,
                word: None,
            }]),
            ..Default::default()
        };
        let container = folio::model::Shortcode {
            name: "box".into(),
            children: Some(vec![
                folio::Block::Shortcode(badge),
                folio::Block::Markdown {
                    id: None,
                    text: "Hello".into(),
                },
            ]),
            ..Default::default()
        };
        m.blocks.push(folio::Block::Shortcode(container));
    });
    // A body written into an empty call is indented two spaces, as the sample's cards are.
    assert_eq!(out, "---\ntitle: x\n---\nText.\n\n{{< box >}}\n  {{< badge label=\"new\" >}}\n\n  Hello\n{{< /box >}}\n");
}

#[test]
fn an_edit_that_changes_the_blocks_inside_a_container_redraws_the_forms() {
    use folio::session::{Edit, Session};
    let page = "---\ntitle: x\n---\n{{< box >}}\nIntro text.\n\n{{< badge label=a >}}\n\n{{< badge label=b >}}\n{{< /box >}}\n";
    let dir = small_site(page);
    let mut s = Session::open(&dir.path().join("content/x.md")).unwrap();
    let mut block = s.open_page().unwrap().page.block_model_at(0).unwrap();
    let folio::Block::Shortcode(sc) = &mut block else {
        panic!()
    };
    let kids = sc.children.as_mut().unwrap();
    kids[0] = folio::Block::Markdown {
        id: Some(0),
        text: String::new(),
    };
    sc.body = None;
    let u = s
        .edit(
            Edit::Block {
                id: 0,
                block: block.clone(),
            },
            None,
        )
        .unwrap();
    let model = u.model.expect("the forms get the new blocks");
    assert_eq!(
        model.blocks[0].children().len(),
        2,
        "the prose went: two badges are left"
    );
    let folio::Block::Shortcode(sc) = &mut block else {
        panic!()
    };
    sc.params = Some(vec![]);
    let u = s
        .edit(
            Edit::Block {
                id: 0,
                block: model.blocks[0].clone(),
            },
            None,
        )
        .unwrap();
    assert!(
        u.model.is_none(),
        "an edit that leaves the shape alone does not redraw"
    );
}

#[test]
fn a_flag_the_template_compares_with_true_is_written_bare_and_hugo_reads_it_so() {
    let page = "---\ntitle: x\n---\n{{< fl >}}\n";
    let out = small_edit(page, |m| {
        block_at(m, &[0]).params = Some(vec![folio::model::ParamValue {
            name: Some("f".into()),
            value: "true".into(),
            kind: None,
            on: None,
            word: None,
        }]);
    });
    assert_eq!(out, page.replace("{{< fl >}}", "{{< fl f=true >}}"));
    let dir = small_site(&out);
    crate::support::hugo_build(dir.path(), "the page with the flag set");
    let html = std::fs::read_to_string(dir.path().join("public/x/index.html")).unwrap_or_default();
    assert!(html.contains("YES"), "{html}");
}

#[test]
fn a_flag_written_bare_last_in_a_call_closed_without_a_space_gets_one_as_hugo_reads_it() {
    // Hunt AJ, 1: ticking a flag on `{{% fl f2="A"%}}` wrote `f=true%}}`, which Hugo reads
    // as the value `true%}}…` up to the next space: the edit was refused, unsaid why.
    for (page, want) in [
        (
            "---\ntitle: x\n---\n{{% fl g=\"A\"%}}\n",
            "---\ntitle: x\n---\n{{% fl g=\"A\" f=true %}}\n",
        ),
        (
            "---\ntitle: x\n---\n{{< fl g=\"A\">}}\n",
            "---\ntitle: x\n---\n{{< fl g=\"A\" f=true >}}\n",
        ),
        // The flag was not last; the value after it goes.
        (
            "---\ntitle: x\n---\n{{< fl f=true g=\"A\">}}\n",
            "---\ntitle: x\n---\n{{< fl f=true >}}\n",
        ),
    ] {
        let out = small_edit(page, |m| {
            let sc = block_at(m, &[0]);
            let params = sc.params.as_mut().unwrap();
            params.retain(|p| p.name.as_deref() != Some("g") || !page.contains("f=true"));
            set_param(sc, "f", "true");
        });
        assert_eq!(out, want);
        let dir = small_site(&out);
        let html = hugo_content(dir.path());
        assert!(html.contains("YES"), "{html}");
    }
}

#[test]
fn a_number_the_template_compares_is_written_bare_and_a_text_false_quoted_as_hugo_reads_them() {
    // Review 47b, 1 and 3: `cols` typed 2 was saved `cols="2"`, which never equals 2; a
    // flag on unless it is the text "false" could not be turned off.
    let page = "---\ntitle: x\n---\n{{< grid >}}\n";
    let dir = crate::support::site_of(&[
        ("hugo.toml", ""),
        ("layouts/_default/single.html", "{{ .Content }}"),
        (
            "layouts/shortcodes/grid.html",
            "{{ $cols := .Get \"cols\" | default 3 }}{{ if eq $cols 2 }}TWO{{ end }}{{ if ne (.Get \"copy\") \"false\" }}COPY{{ end }}",
        ),
        ("content/x.md", page),
    ]);
    let doc = OpenPage::open(&dir.path().join("content/x.md")).unwrap();
    let mut model = doc.model();
    block_at(&mut model, &[0]).params = Some(vec![]);
    set_param(block_at(&mut model, &[0]), "cols", "2");
    set_param(block_at(&mut model, &[0]), "copy", "false");
    let out = doc
        .plan(&model, Path::new("<model>"))
        .unwrap()
        .page
        .unwrap();
    assert_eq!(
        out,
        page.replace("{{< grid >}}", "{{< grid cols=2 copy=\"false\" >}}")
    );
    std::fs::write(dir.path().join("content/x.md"), &out).unwrap();
    let html = hugo_content(dir.path());
    assert!(html.contains("TWO") && !html.contains("COPY"), "{html}");
}

#[test]
fn a_shortcode_of_a_module_that_is_not_vendored_is_a_warning_not_an_error() {
    let dir = small_site("---\ntitle: x\n---\n{{< callout >}}\nHi\n{{< /callout >}}\n\n{{< box >}}\nx\n{{< /box >}}\n");
    let config =
        "title = \"small\"\n[module]\n[[module.imports]]\npath = \"github.com/example/theme\"\n";
    std::fs::write(dir.path().join("hugo.toml"), config).unwrap();
    let page = dir.path().join("content/x.md");
    let found: Vec<String> = folio::check::check_path(&page)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains(":4:1: warning: shortcode `callout` has no template: none in the site or Hugo's built-ins, and github.com/example/theme is not on disk"), "{found:?}");
}

#[test]
fn a_theme_vendored_by_hugo_mod_vendor_is_read_from_vendor_first_as_hugo_reads_it() {
    // `hugo mod vendor` writes `_vendor/PATH/` and lists it in `_vendor/modules.txt`; Hugo
    // then builds without `go.mod` or a fetch, and prefers that copy to `themes/`. Folio
    // called the theme missing, an error that hid the page's preview.
    let dir = crate::support::hugo_site(&[
        (
            "hugo.toml",
            "title = \"T\"\ntheme = [\"github.com/a/b\", \"t\"]\n",
        ),
        ("layouts/_default/single.html", "{{ .Content }}"),
        (
            "_vendor/modules.txt",
            "# github.com/a/b v1.0.0\n# t v0.1.0\n",
        ),
        (
            "_vendor/github.com/a/b/layouts/shortcodes/s.html",
            "<p>vendored b</p>",
        ),
        ("_vendor/t/layouts/shortcodes/u.html", "<p>vendored t</p>"),
        ("themes/t/layouts/shortcodes/u.html", "<p>themes t</p>"),
        (
            "content/p.md",
            "---\ntitle: P\n---\n\n{{< s >}}\n\n{{< u >}}\n",
        ),
    ]);
    let p = dir.path();
    crate::support::hugo_build(p, "a vendored theme");
    let hugo = std::fs::read_to_string(p.join("public/p/index.html")).unwrap();
    assert!(
        hugo.contains("<p>vendored b</p>") && hugo.contains("<p>vendored t</p>"),
        "{hugo}"
    );
    let page = p.join("content/p.md");
    let html = OpenPage::open(&page).unwrap().render().html.to_string();
    assert!(
        html.contains("<p>vendored b</p>") && html.contains("<p>vendored t</p>"),
        "{html}"
    );
    assert_eq!(folio::check::check_path(&page), vec![]);
}

#[test]
fn a_module_imported_by_a_local_themes_name_is_read_from_the_themes_folder() {
    // `[[module.imports]] path = "t1"` with `themes/t1` on disk: Hugo reads it there, its
    // shortcodes and its params; Folio looked in `_vendor/` only (hunt Z, F7).
    let dir = crate::support::hugo_site(&[
        (
            "hugo.toml",
            "title = \"T\"\n[module]\n[[module.imports]]\npath = \"t1\"\n",
        ),
        ("layouts/_default/single.html", "{{ .Content }}"),
        ("themes/t1/hugo.toml", "[params]\nfrom = \"t1\"\n"),
        (
            "themes/t1/layouts/shortcodes/s.html",
            "<p>module shortcode|{{ site.Params.from }}</p>",
        ),
        ("content/p.md", "---\ntitle: P\n---\n\n{{< s >}}\n"),
    ]);
    let p = dir.path();
    crate::support::hugo_build(p, "a local module");
    let hugo = std::fs::read_to_string(p.join("public/p/index.html")).unwrap();
    assert!(hugo.contains("<p>module shortcode|t1</p>"), "{hugo}");
    let page = p.join("content/p.md");
    let html = OpenPage::open(&page).unwrap().render().html.to_string();
    assert!(html.contains("<p>module shortcode|t1</p>"), "{html}");
    assert!(folio::check::check_path(&page).is_empty());
}

/// The error applying `edit` to the page of [`small_site`] gives.
fn small_refusal(page: &str, edit: impl FnOnce(&mut folio::Portfolio)) -> String {
    let dir = small_site(page);
    let doc = OpenPage::open(&dir.path().join("content/x.md")).unwrap();
    let mut m = doc.model();
    edit(&mut m);
    doc.plan(&m, Path::new("m.json")).unwrap_err().to_string()
}

fn new_call(name: &str, body: Option<&str>) -> folio::Block {
    folio::Block::Shortcode(folio::model::Shortcode {
        name: name.into(),
        params: Some(vec![]),
        body: body.map(str::to_string),
        ..Default::default()
    })
}

#[test]
fn a_new_calls_name_is_checked_before_it_is_written() {
    let page = "---\ntitle: x\n---\nText.\n";
    let e = small_refusal(page, |m| {
        m.blocks
            .push(new_call("badge >}} injected {{< badge", None))
    });
    assert!(
        e.contains(
            "m.json: blocks[1].name: \"badge >}} injected {{< badge\" is not a shortcode name"
        ),
        "{e}"
    );
    let e = small_refusal(page, |m| m.blocks.push(new_call("nosuch", None)));
    assert!(
        e.contains("blocks[1].name: the site has no template for shortcode `nosuch`"),
        "{e}"
    );
}

#[test]
fn a_body_for_a_new_call_of_a_standalone_shortcode_is_refused_not_dropped() {
    let page = "---\ntitle: x\n---\n{{< badge label=a >}}\n";
    let e = small_refusal(page, |m| m.blocks.push(new_call("badge", Some("BODY"))));
    assert!(e.contains("blocks[1]"), "{e}");
}

#[test]
fn a_page_nested_deeper_than_the_models_children_still_round_trips() {
    let n = folio::page::MAX_MODEL_DEPTH + 20;
    let page = format!(
        "---\ntitle: x\n---\n{}x\n{}",
        "{{< box >}}\n".repeat(n),
        "{{< /box >}}\n".repeat(n)
    );
    let dir = small_site(&page);
    let doc = OpenPage::open(&dir.path().join("content/x.md")).unwrap();
    let json = serde_json::to_string(&doc.model()).unwrap();
    let back: folio::Portfolio = serde_json::from_str(&json).expect("the model reads back as JSON");
    assert!(doc.plan(&back, Path::new("<model>")).unwrap().is_empty());
}

#[test]
fn a_source_with_crlf_line_endings_is_written_with_the_pages_own() {
    let page = "---\r\ntitle: x\r\n---\r\n{{< badge label=a >}}\r\n";
    let out = small_edit(page, |m| {
        block_at(m, &[0]).source = Some("{{< box >}}\r\nhi\r\n{{< /box >}}".into())
    });
    assert_eq!(
        out,
        "---\r\ntitle: x\r\n---\r\n{{< box >}}\r\nhi\r\n{{< /box >}}\r\n"
    );
}

/// A site whose about page links to other pages with `ref` and `relref`, each way Hugo
/// reads a reference: from the content folder, from the page's folder, by file name, with
/// a fragment, a slug, a bundle with its own `url`, a named `path`, a base URL's path,
/// sections with no `_index.md` (the home page among them), a name not in ASCII; and the
/// `ref`/`relref` functions in a template.
fn site_with_references(body: &str) -> tempfile::TempDir {
    let about = format!("---\ntitle: About\n---\n\n{body}\n");
    crate::support::hugo_site(&[
        ("hugo.toml", "baseURL = \"https://ex.org/sub/\"\ntitle = \"T\"\n"),
        ("content/blog/post-one.md", "---\ntitle: One\nslug: first\n---\nx\n"),
        ("content/blog/two.md", "---\ntitle: Two\n---\nx\n"),
        ("content/blog/bund/index.md", "---\ntitle: B\nurl: /custom/place/\n---\nx\n"),
        ("content/blog/café.md", "---\ntitle: C\n---\nx\n"),
        (
            "layouts/shortcodes/lnk.html",
            "<b>{{ relref .Page \"blog/two.md\" }}|{{ ref .Page (dict \"path\" \"blog/post-one.md\") }}</b>",
        ),
        ("content/about/index.md", &about),
    ])
}

#[test]
fn a_sections_slug_and_ugly_urls_move_pages_where_hugo_publishes_them() {
    let about = "---\ntitle: About\n---\n1 {{< relref \"blog/post.md\" >}} 2 {{< relref \"blog/s.md\" >}} \
                 3 {{< relref \"blog/bund\" >}} 4 {{< relref \"blog\" >}} 5 {{< relref \"/\" >}} \
                 6 {{< relref \"docs/sub\" >}} 7 {{< relref \"docs/sub/d.md\" >}} 8 {{< relref \"docs\" >}} \
                 9 {{< relref \"top\" >}} 10 {{< relref \"plain\" >}} \
                 11 {{< relref \"blog/p2.md\" >}} 12 {{< relref \"blog/My File (1).md\" >}}\n";
    for config in [
        "uglyURLs = true\n",
        "uglyurls = true\n",
        "uglyURLs = false\n",
        "[uglyURLs]\nBlog = true\n",
    ] {
        let site = crate::support::hugo_site(&[
            (
                "hugo.toml",
                &format!("baseURL = \"https://e.org/\"\n{config}"),
            ),
            (
                "content/blog/_index.md",
                "---\ntitle: Blog\nslug: weblog\n---\n",
            ),
            ("content/blog/post.md", "---\ntitle: P\n---\nx\n"),
            ("content/blog/s.md", "---\ntitle: S\nslug: sluggy\n---\nx\n"),
            ("content/blog/bund/index.md", "---\ntitle: B\n---\nx\n"),
            ("content/docs/_index.md", "---\ntitle: Docs\n---\n"),
            (
                "content/docs/sub/_index.md",
                "---\ntitle: Sub\nslug: subby\n---\n",
            ),
            ("content/docs/sub/d.md", "---\ntitle: D\n---\n"),
            ("content/top/index.md", "---\ntitle: Top\n---\n"),
            ("content/plain/x.md", "---\ntitle: X\n---\n"),
            (
                "content/blog/p2.md",
                "---\ntitle: P2\nslug: \"Hi, You! (2)+é\"\n---\n",
            ),
            ("content/blog/My File (1).md", "---\ntitle: F\n---\n"),
            ("content/about.md", about),
        ]);
        crate::support::hugo_build(site.path(), config);
        let out = if config.to_lowercase().starts_with("uglyurls = true") {
            "public/about.html"
        } else {
            "public/about/index.html"
        };
        let hugo = std::fs::read_to_string(site.path().join(out)).unwrap();
        let doc = folio::OpenPage::open(&site.path().join("content/about.md")).unwrap();
        assert_eq!(
            doc.render().html.to_string().trim(),
            hugo.trim(),
            "{config}"
        );
    }
}

#[test]
fn a_reference_is_read_without_regard_to_case_and_without_its_query_as_hugo_reads_it() {
    let about = "---\ntitle: About\n---\n1 {{< relref \"Blog/POST.md\" >}} 2 {{< relref \"POST\" >}} \
                 3 {{< relref \"blog/post.md?x=1#f\" >}} 4 {{< ref \"/BLOG\" >}} 5 {{< relref \"Blog/Bund\" >}} \
                 6 {{< relref \"BLOG/POST.MD\" >}} 7 {{< relref \"blog/caf%C3%A9.md\" >}} \
                 8 [{{< relref \"?x=1\" >}}] 9 {{< relref \"?#frag\" >}}\n";
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "baseURL = \"https://e.org/\"\n"),
        ("content/blog/post.md", "---\ntitle: P\n---\nx\n"),
        ("content/blog/bund/index.md", "---\ntitle: B\n---\nx\n"),
        ("content/blog/café.md", "---\ntitle: C\n---\nx\n"),
        ("content/about.md", about),
    ]);
    crate::support::hugo_build(site.path(), "references");
    let hugo = std::fs::read_to_string(site.path().join("public/about/index.html")).unwrap();
    let page = site.path().join("content/about.md");
    let doc = folio::OpenPage::open(&page).unwrap();
    assert_eq!(doc.render().html.to_string().trim(), hugo.trim());
    assert!(
        folio::check::check_path(&page).is_empty(),
        "no reference is missing"
    );
}

#[test]
fn ref_and_relref_give_the_url_hugo_gives_the_page_they_name() {
    let body = "1 [a]({{< relref \"blog/post-one.md\" >}})\n\
                2 {{< relref \"/blog/two\" >}}\n\
                3 {{< relref \"two.md#sec\" >}}\n\
                4 {{< ref \"blog/bund\" >}}\n\
                5 {{< relref \"../blog/two.md\" >}}\n\
                6 {{< relref path=\"blog/two.md\" >}}\n\
                7 {{< relref \"/\" >}} {{< relref \"..\" >}} {{< relref \"blog\" >}} {{< relref \"/blog/\" >}}\n\
                8 {{< relref \"#part\" >}} {{< ref \"#part\" >}} [{{< relref \"\" >}}] {{< relref \"two.md#\" >}}\n\
                9 {{< relref \"café.md\" >}}\n\
                10 {{< lnk >}}";
    let site = site_with_references(body);
    crate::support::hugo_build(site.path(), "references");
    let hugo = std::fs::read_to_string(site.path().join("public/about/index.html")).unwrap();
    let doc = folio::OpenPage::open(&site.path().join("content/about/index.md")).unwrap();
    let folio = doc.render().html.to_string();
    assert_eq!(folio.trim(), hugo.trim());
    assert!(
        folio.contains("4 https://ex.org/sub/custom/place/"),
        "{folio}"
    );
}

#[test]
fn a_reference_naming_a_language_finds_the_page_in_the_pages_own_language() {
    // Review 63b, r11: `index.fr.md` from an English page names the English page in
    // Hugo, and `contact.fr.md` (French only) no page; Folio made `/…/index.fr/` URLs.
    let site = crate::support::hugo_site(&[
        (
            "hugo.toml",
            "baseURL = \"https://e.org/\"\ndefaultContentLanguage = \"en\"\n\
             [languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n",
        ),
        (
            "content/projects/alpha/index.md",
            "---\ntitle: Alpha\n---\n",
        ),
        (
            "content/projects/alpha/index.fr.md",
            "---\ntitle: Alpha FR\n---\n",
        ),
        ("content/contact.fr.md", "---\ntitle: Contact\n---\n"),
        (
            "content/about.md",
            "---\ntitle: About\n---\n[a]({{< relref \"/projects/alpha/index.fr.md\" >}})\n",
        ),
    ]);
    crate::support::hugo_build(site.path(), "a reference naming a language");
    let hugo = std::fs::read_to_string(site.path().join("public/about/index.html")).unwrap();
    let page = site.path().join("content/about.md");
    let folio = folio::OpenPage::open(&page)
        .unwrap()
        .render()
        .html
        .to_string();
    assert!(hugo.contains("<a href=\"/projects/alpha/\">"), "{hugo}");
    assert_eq!(folio.trim(), hugo.trim());
    std::fs::write(
        &page,
        "---\ntitle: About\n---\n{{< relref \"contact.fr.md\" >}}\n",
    )
    .unwrap();
    assert!(crate::support::hugo_run(site.path(), &[]).is_err());
    let found = folio::check::check_path(&page);
    assert!(
        found
            .iter()
            .any(|d| d.message.contains("Ref \"contact.fr.md\": page not found")),
        "{found:?}"
    );
}

#[test]
fn a_reference_to_no_page_or_to_several_is_an_error_where_hugo_stops_the_build() {
    let site = site_with_references("7 {{< relref \"nope.md\" >}}\n8 {{< ref \"two.md\" >}}");
    std::fs::create_dir_all(site.path().join("content/x")).unwrap();
    std::fs::write(site.path().join("content/x/two.md"), "---\ntitle: X\n---\n").unwrap();
    assert!(
        crate::support::hugo_run(site.path(), &[]).is_err(),
        "Hugo stops the build"
    );
    let page = site.path().join("content/about/index.md");
    let found: Vec<String> = folio::check::check_path(&page)
        .iter()
        .map(|d| format!("{}:{}: {}", d.line, d.col, d.message))
        .collect();
    assert_eq!(
        found,
        [
            "5:14: Ref \"nope.md\": page not found (Hugo stops the build: REF_NOT_FOUND; the call gives nothing)",
            "6:11: Ref \"two.md\": page reference \"two.md\" is ambiguous (Hugo stops the build: REF_NOT_FOUND; the call gives nothing)",
        ]
    );
    let html = folio::OpenPage::open(&page)
        .unwrap()
        .render()
        .html
        .to_string();
    assert_eq!(html.trim(), "<p>7 \n8 </p>");
}

#[test]
fn a_draft_is_no_page_to_a_reference_or_a_link_as_hugo_builds_none() {
    // Hunt AI: `[a](draft.md)` was exported as a link to `/draft/`, a page Hugo does not
    // build, and a `relref` to a draft was not the error that stops Hugo's build.
    let site = site_with_references("7 {{< relref \"plan.md\" >}}\n\n[a](plan.md)");
    let draft = "---\ntitle: Plan\ndraft: true\n---\n";
    std::fs::write(site.path().join("content/plan.md"), draft).unwrap();
    let config = "baseURL = \"https://ex.org/sub/\"\ntitle = \"T\"\n\
                  [markup.goldmark.renderHooks.link]\nuseEmbedded = \"always\"\n";
    std::fs::write(site.path().join("hugo.toml"), config).unwrap();
    let hugo = crate::support::hugo_run(site.path(), &[]).unwrap_err();
    assert!(hugo.contains("REF_NOT_FOUND"), "{hugo}");
    let page = site.path().join("content/about/index.md");
    let found: Vec<String> = folio::check::check_path(&page)
        .iter()
        .map(|d| format!("{}:{}: {}", d.line, d.col, d.message))
        .collect();
    assert_eq!(
        found,
        ["5:14: Ref \"plan.md\": page not found (Hugo stops the build: REF_NOT_FOUND; the call gives nothing)"]
    );
    let html = folio::OpenPage::open(&page)
        .unwrap()
        .render()
        .html
        .to_string();
    assert!(html.contains("<a href=\"plan.md\">a</a>"), "{html}");
}

#[test]
fn a_page_the_build_holds_is_found_a_never_rendered_one_a_draft_from_a_draft_a_future_one_with_build_future(
) {
    // Review 47a, 1, 2 and 11: `build.render: never` is found (its URL is empty); a draft's
    // references resolve as in `hugo -D`, the only build that renders it; `buildFuture`
    // holds future pages; `draft: "true"` is a draft as Hugo's cast reads it.
    let site = site_with_references(
        "1 [{{< relref \"note\" >}}] 2 {{< relref \"plan.md\" >}} 3 {{< relref \"later.md\" >}}",
    );
    let p = site.path();
    for (file, front) in [
        ("note/index.md", "build:\n  render: never\n  list: never"),
        ("plan.md", "draft: true"),
        ("later.md", "date: 2999-01-01"),
        ("text.md", "draft: \"true\""),
    ] {
        std::fs::create_dir_all(p.join("content").join(file).parent().unwrap()).unwrap();
        std::fs::write(
            p.join("content").join(file),
            format!("---\ntitle: X\n{front}\n---\n"),
        )
        .unwrap();
    }
    let page = p.join("content/about/index.md");
    let errors = |page: &Path| -> Vec<String> {
        folio::check::check_path(page)
            .iter()
            .map(|d| format!("{}:{}", d.line, d.col))
            .collect()
    };
    // Plain `hugo`: the draft and the future page are no pages; the never-rendered one is.
    assert!(crate::support::hugo_run(p, &[])
        .unwrap_err()
        .contains("later.md"));
    assert_eq!(errors(&page), ["5:40", "5:67"]);
    // The page a draft: it renders only in `hugo -D`, where the draft is a page.
    let about = std::fs::read_to_string(&page).unwrap();
    std::fs::write(
        &page,
        about.replace("title: About", "title: About\ndraft: true"),
    )
    .unwrap();
    assert_eq!(errors(&page), ["6:67"]);
    // With `buildFuture`, the future page is one too; `draft: "true"` is still a draft.
    std::fs::write(
        &page,
        about.replace(
            "3 {{< relref \"later.md\" >}}",
            "3 {{< relref \"text.md\" >}}",
        ),
    )
    .unwrap();
    std::fs::write(
        p.join("hugo.toml"),
        "baseURL = \"https://ex.org/sub/\"\ntitle = \"T\"\nbuildFuture = true\n",
    )
    .unwrap();
    let hugo = crate::support::hugo_run(p, &[]).unwrap_err();
    assert!(hugo.contains("text.md") && !hugo.contains("note"), "{hugo}");
    assert_eq!(errors(&page), ["5:40", "5:67"]);
}

/// Hugo's build of the site at `site` (`what` names it if it fails) and Folio's render of
/// its page `page`: (Hugo's file `public`, Folio's content).
fn built_and_rendered(site: &Path, what: &str, public: &str, page: &str) -> (String, String) {
    crate::support::hugo_build(site, what);
    let hugo = std::fs::read_to_string(site.join(public)).unwrap();
    let folio = OpenPage::open(&site.join(page))
        .unwrap()
        .render()
        .html
        .to_string();
    (hugo, folio)
}

#[test]
fn a_reference_from_a_translation_names_the_page_in_its_language() {
    let dir = crate::support::hugo_site(&[
        (
            "hugo.toml",
            "baseURL = \"https://ex.org/\"\ntitle = \"T\"\ndefaultContentLanguage = \"en\"\n\
             [languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n",
        ),
        ("content/x.md", "---\ntitle: X\n---\nx\n"),
        (
            "content/x.fr.md",
            "---\ntitle: X\nurl: /custom/place/\n---\nx\n",
        ),
        (
            "content/two.fr.md",
            "---\ntitle: Deux\nslug: deux\n---\nx\n",
        ),
        (
            "content/y.fr.md",
            "---\ntitle: Y\nslug: why\n---\n1 {{< relref \"x.md\" >}}\n2 {{< relref \"two\" >}}\n",
        ),
    ]);
    let (hugo, folio) = built_and_rendered(
        dir.path(),
        "translations",
        "public/fr/why/index.html",
        "content/y.fr.md",
    );
    assert_eq!(folio.trim(), hugo.trim());
    assert!(folio.contains("1 /custom/place/\n2 /fr/deux/"), "{folio}");
}

#[test]
fn a_reference_given_a_language_names_the_page_in_that_language() {
    // Hunt AO, 7: `lang` was not read, so a French page was "not found" from an English
    // one (a false build stop); 6: `outputFormat` was not said.
    let config = "baseURL = \"https://ex.org/\"\ntitle = \"T\"\ndefaultContentLanguage = \"en\"\n\
                  [languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n";
    let about = "---\ntitle: About\n---\n1 {{< relref path=\"/q\" lang=\"fr\" >}}\n\
                 2 {{< ref path=\"q.md#s\" lang=\"fr\" >}}\n3 {{< relref path=\"/about\" lang=\"en\" >}}\n\
                 4 {{< f >}}\n5 {{< relref path=\"/about\" outputFormat=\"HTML\" >}}\n\
                 6 {{< relref lang=\"fr\" >}}\n7 {{< relref \"/about\" \"html\" >}}\n";
    let dir = crate::support::hugo_site(&[
        ("hugo.toml", config),
        ("content/q.fr.md", "---\ntitle: Q\nslug: cue\n---\nx\n"),
        ("content/about.md", about),
        (
            "layouts/shortcodes/f.html",
            "{{ relref .Page (dict \"path\" \"/q\" \"lang\" \"fr\") }} {{ relref .Page (slice \"/about\" \"html\") }}",
        ),
    ]);
    let p = dir.path();
    let (hugo, folio) = built_and_rendered(
        p,
        "references in another language",
        "public/about/index.html",
        "content/about.md",
    );
    assert_eq!(folio.trim(), hugo.trim());
    assert!(
        folio.contains("1 /fr/cue/\n2 https://ex.org/fr/cue/#s"),
        "{folio}"
    );
    let found = crate::support::check_lines(&p.join("content/about.md"), "about.md");
    assert!(found.is_empty(), "{found:?}");
    // A language the site does not have (in another case too) stops Hugo.
    std::fs::write(
        p.join("content/about.md"),
        "---\ntitle: About\n---\n{{< relref path=\"/q\" lang=\"FR\" >}}\n\
         [x]({{< relref path=\"/about\" outputFormat=\"json\" >}})\n",
    )
    .unwrap();
    let hugo = crate::support::hugo_run(p, &[]).unwrap_err();
    assert!(hugo.contains("no site found with lang \"FR\""), "{hugo}");
    let found = crate::support::check_lines(&p.join("content/about.md"), "about.md");
    assert!(
        found[0].contains(":4:")
            && found[0].contains("error: Ref \"/q\": no site found with lang \"FR\""),
        "{found:?}"
    );
    assert!(
        found[1].contains(":5:") && found[1].contains("warning: relref with outputFormat \"json\""),
        "{found:?}"
    );
}

#[test]
fn a_page_of_a_section_with_a_permalink_pattern_is_where_hugo_puts_it() {
    let dir = crate::support::hugo_site(&[
        (
            "hugo.toml",
            "baseURL = \"https://ex.org/\"\ntitle = \"T\"\n[permalinks]\n\
             posts = \"/:year/:month/:day/:title/\"\nnotes = \"/n/:slug/\"\ndocs = \"/d/:filename/\"\n",
        ),
        (
            "content/posts/hello.md",
            "---\ntitle: \"Hello, Wörld & Co!\"\ndate: 2023-04-05T10:00:00Z\n---\nx\n",
        ),
        ("content/notes/n1.md", "---\ntitle: N One\n---\nx\n"),
        ("content/notes/n2.md", "---\ntitle: N Two\nslug: Two-Slug\n---\nx\n"),
        ("content/docs/b/index.md", "---\ntitle: D\n---\nx\n"),
        (
            "content/_index.md",
            "---\ntitle: Home\n---\n{{< relref \"posts/hello.md\" >}} {{< relref \"notes/n1.md\" >}} \
             {{< relref \"notes/n2.md\" >}} {{< relref \"docs/b\" >}} {{< relref \"posts\" >}}\n",
        ),
    ]);
    let p = dir.path();
    crate::support::hugo_build(p, "permalinks");
    let hugo = std::fs::read_to_string(p.join("public/index.html")).unwrap();
    let folio = folio::OpenPage::open(&p.join("content/_index.md"))
        .unwrap()
        .render()
        .html
        .to_string();
    assert_eq!(folio.trim(), hugo.trim());
    assert!(
        folio.contains("/2023/04/05/hello-w%C3%B6rld-co/ /n/n-one/ /n/two-slug/"),
        "{folio}"
    );
}

#[test]
fn every_permalink_token_and_a_front_matter_url_give_the_path_hugo_gives() {
    // Tokens Folio did not know kept the page's own path (hunt Z, F4): the date's other
    // parts, a Go date layout, a cut of the sections; a folder without `_index` is no
    // section; a `url` without a dot is a folder.
    let dir = crate::support::hugo_site(&[
        (
            "hugo.toml",
            "baseURL = \"https://ex.org/\"\ntitle = \"T\"\n[permalinks]\n\
             a = \"/:yearday/:weekday-:weekdayname/:monthname/\"\nb = \"/:2006/:Jan/:02/:slug/\"\n\
             c = \"/:sections[1:]/:sections[last]/:filename/\"\nd = \"/:sections/:filename/\\\\:x/\"\n",
        ),
        ("content/a/p.md", "---\ntitle: P\ndate: 2023-07-09T10:00:00Z\n---\nx\n"),
        ("content/b/p.md", "---\ntitle: T Title\ndate: 2023-07-09\n---\nx\n"),
        ("content/c/_index.md", "---\ntitle: C\n---\n"),
        ("content/c/s/_index.md", "---\ntitle: S\n---\n"),
        ("content/c/s/p.md", "---\ntitle: P\n---\nx\n"),
        ("content/d/sub/p.md", "---\ntitle: P\n---\nx\n"),
        ("content/u1.md", "---\ntitle: U\nurl: foo/bar\n---\nx\n"),
        ("content/u2.md", "---\ntitle: U\nurl: /a/../b/c.html\n---\nx\n"),
        ("content/u3.md", "---\ntitle: U\nurl: /Foo Bar/Été(1)/\n---\nx\n"),
        // A URL's path already: as written (this session's review).
        ("content/u4.md", "---\ntitle: U\nurl: /c++/(x)/\n---\nx\n"),
        // What Go's validEncoded refuses, `#`, and empty parts (the review of 3a49452).
        (
            "content/u5.md",
            "---\ntitle: U\nurl: '/a{b}|c^d\"e<f>`g/'\n---\nx\n",
        ),
        ("content/u6.md", "---\ntitle: U\nurl: '/h#i/'\n---\nx\n"),
        ("content/u7.md", "---\ntitle: U\nurl: //x///y/\n---\nx\n"),
        (
            "content/_index.md",
            "---\ntitle: Home\n---\n{{< relref \"a/p.md\" >}} {{< relref \"b/p.md\" >}} \
             {{< relref \"c/s/p.md\" >}} {{< relref \"d/sub/p.md\" >}} {{< relref \"u1.md\" >}} \
             {{< relref \"u2.md\" >}} {{< relref \"u3.md\" >}} {{< relref \"u4.md\" >}} \
             {{< relref \"u5.md\" >}} {{< relref \"u6.md\" >}} {{< relref \"u7.md\" >}}\n",
        ),
    ]);
    let p = dir.path();
    crate::support::hugo_build(p, "permalinks");
    let hugo = std::fs::read_to_string(p.join("public/index.html")).unwrap();
    let folio = folio::OpenPage::open(&p.join("content/_index.md"))
        .unwrap()
        .render()
        .html
        .to_string();
    assert_eq!(folio.trim(), hugo.trim());
    assert!(
        folio.contains(
            "/190/0-sunday/july/ /2023/jul/09/t-title/ /s/s/p/ /d/p/x/ /foo/bar/ /b/c.html \
             /Foo%20Bar/%C3%89t%C3%A9%281%29/ /c&#43;&#43;/(x)/ \
             /a%7Bb%7D%7Cc%5Ed%22e%3Cf%3E%60g/ /h%23i/ /x/y/"
        ),
        "{folio}"
    );
}

#[test]
fn a_language_in_a_file_name_is_read_in_any_case() {
    // `p.FR.md` is the French `p` to Hugo; Folio published it at `/fr/p.fr/` (the review
    // of f56e7fc). A section's `_index.FR.md` is its French page, whose slug and title its
    // pages read (the review of 6e6a2fb).
    let dir = crate::support::hugo_site(&[
        (
            "hugo.toml",
            "baseURL = \"https://e.org/\"\ntitle = \"T\"\ndefaultContentLanguage = \"en\"\n\
             [languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n",
        ),
        ("layouts/_default/single.html", "{{ .Content }}"),
        (
            "layouts/shortcodes/u.html",
            "<p>{{ .Page.RelPermalink }}|{{ .Page.Lang }}|{{ .Page.Parent.Title }}|\
             {{ .Page.CurrentSection.Title }}</p>",
        ),
        ("content/p.md", "---\ntitle: E\n---\nx\n"),
        ("content/p.FR.md", "---\ntitle: P\n---\n\n{{< u >}}\n"),
        ("content/s/_index.md", "---\ntitle: S\nslug: sen\n---\n"),
        (
            "content/s/_index.FR.md",
            "---\ntitle: SectionFR\nslug: sfr\n---\n",
        ),
        ("content/s/q.FR.md", "---\ntitle: Q\n---\n\n{{< u >}}\n"),
    ]);
    let p = dir.path();
    crate::support::hugo_build(p, "a language in capitals");
    for (page, public, want) in [
        (
            "content/p.FR.md",
            "public/fr/p/index.html",
            "<p>/fr/p/|fr|T|T</p>",
        ),
        (
            "content/s/q.FR.md",
            "public/fr/sfr/q/index.html",
            "<p>/fr/sfr/q/|fr|SectionFR|SectionFR</p>",
        ),
    ] {
        let hugo = std::fs::read_to_string(p.join(public)).unwrap();
        assert!(hugo.contains(want), "{hugo}");
        let html = OpenPage::open(&p.join(page))
            .unwrap()
            .render()
            .html
            .to_string();
        assert!(html.contains(want), "{html}");
    }
}

#[test]
fn a_permalink_token_hugo_does_not_know_is_an_error_of_the_site_config() {
    // Hugo stops its build; Folio kept the page's own path, silently (this session's
    // review). A Go date layout and sectionslug are Hugo's.
    for (pattern, known) in [
        ("/:year/:notatoken/", false),
        ("/:yearx/", false),
        ("/:2006/:Monday/:sectionslug/:sections[1:]/", true),
        // Go's `\w` is ASCII: `:年` is a colon and text.
        ("/:年/:slug/", true),
    ] {
        let dir = crate::support::hugo_site(&[
            (
                "hugo.toml",
                &format!("title = \"T\"\n[permalinks]\nblog = \"{pattern}\"\n"),
            ),
            (
                "content/blog/p.md",
                "---\ntitle: P\ndate: 2024-01-02\n---\nx\n",
            ),
        ]);
        let hugo = crate::support::hugo_run(dir.path(), &[]);
        assert_eq!(hugo.is_ok(), known, "{pattern}: {hugo:?}");
        let found: Vec<String> = folio::check::check_path(&dir.path().join("content/blog/p.md"))
            .iter()
            .map(ToString::to_string)
            .collect();
        if known {
            assert!(found.is_empty(), "{pattern}: {found:?}");
        } else {
            assert!(
                found.len() == 1
                    && found[0].contains("hugo.toml:3:8: error: error expanding")
                    && found[0].contains("permalink attribute not recognised"),
                "{pattern}: {found:?}"
            );
        }
    }
}

#[test]
fn a_value_compared_with_words_is_a_choice_not_a_checkbox_and_one_written_into_a_path_is_no_image()
{
    let schema = folio::templates::Schema::infer(
        "{{ $style := .Get \"style\" | default \"markdown\" }}\
         <div class=\"{{ if eq $style \"code\" }}code{{ end }}\">\
         {{ if eq (.Get \"wide\") \"true\" }}wide{{ end }}\
         {{ with resources.Get (printf \"icons/%s.svg\" (.Get 0)) }}{{ .Content }}{{ end }}\
         {{ with resources.Get (.Get \"cover\") }}<img src=\"{{ .RelPermalink }}\">{{ end }}</div>",
    )
    .unwrap();
    let kind = |key: ParamKey| schema.param(&key).map(|p| p.kind);
    assert_eq!(
        kind(ParamKey::Named("style".into())),
        Some(FieldKind::Choice)
    );
    assert_eq!(kind(ParamKey::Named("wide".into())), Some(FieldKind::Flag));
    assert_eq!(kind(ParamKey::Positional(0)), Some(FieldKind::Text));
    assert_eq!(
        kind(ParamKey::Named("cover".into())),
        Some(FieldKind::Image)
    );
}

#[test]
fn a_comment_call_is_said_to_be_deprecated_as_hugo_warns() {
    let site = crate::support::hugo_site(&[
        ("hugo.toml", ""),
        (
            "content/p.md",
            "---\ntitle: P\n---\n\n{{< comment >}}private{{< /comment >}}\n",
        ),
    ]);
    let found: Vec<String> = folio::check::check_path(&site.path().join("content/p.md"))
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0]
            .contains("p.md:5:1: warning: The \"comment\" shortcode was deprecated in v0.143.0 and will be removed in a future release. Please use HTML comments instead"),
        "{found:?}"
    );
}

#[test]
fn the_built_ins_hugo_removed_are_hugos_error_in_check() {
    for (call, message) in [
        (
            "{{< gist spf13 7896402 >}}",
            "The \"gist\" shortcode was deprecated in v0.143.0 and removed in v0.156.0.",
        ),
        (
            "{{< twitter user=\"a\" id=\"1\" >}}",
            "The \"twitter\", \"tweet\", and \"twitter_simple\" shortcodes were deprecated",
        ),
        (
            "{{< tweet user=\"a\" id=\"1\" >}}",
            "The \"twitter\", \"tweet\", and \"twitter_simple\" shortcodes were deprecated",
        ),
        (
            "{{< twitter_simple user=\"a\" id=\"1\" >}}",
            "The \"twitter\", \"tweet\", and \"twitter_simple\" shortcodes were deprecated",
        ),
        // Hunt AS, 8.
        (
            "{{< instagram_simple BWNjjyYFxVx >}}",
            "The \"instagram_simple\" shortcode was removed in v0.123.0. Use the \"instagram\" shortcode instead.",
        ),
    ] {
        let site = crate::support::hugo_site(&[
            ("hugo.toml", ""),
            ("content/p.md", &format!("---\ntitle: P\n---\n\n{call}\n")),
        ]);
        let hugo = crate::support::hugo_run(site.path(), &[]).expect_err("Hugo stops the build");
        assert!(hugo.contains(message), "{call}: {hugo}");
        let found = crate::support::check_lines(&site.path().join("content/p.md"), "p.md");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].starts_with("p.md:5:1: error: ") && found[0].contains(message),
            "{found:?}"
        );
    }
}

#[test]
fn a_theme_shortcode_that_hands_itself_to_a_partial_has_the_partials_fields() {
    let dir = crate::support::site_of(&[
        ("hugo.toml", "theme = \"t\"\n"),
        (
            "themes/t/layouts/shortcodes/fig.html",
            "{{ partial \"shortcodes/fig.html\" . }}\n",
        ),
        (
            "themes/t/layouts/partials/shortcodes/fig.html",
            "<img src=\"{{ .Get \"src\" }}\"><p>{{ .Get \"caption\" }}</p>\n",
        ),
        // The site's own partial wins over the theme's, as in Hugo.
        (
            "layouts/partials/shortcodes/fig.html",
            "<img src=\"{{ .Get \"src\" }}\" alt=\"{{ .Get \"alt\" }}\">\n",
        ),
    ]);
    let site = Site::open_dir(dir.path()).unwrap();
    let fig = site.shortcodes.get("fig").unwrap();
    assert!(!fig.schema.reads_all_params);
    let params: Vec<(String, FieldKind)> = fig
        .schema
        .params
        .iter()
        .map(|p| (p.key.to_string(), p.kind))
        .collect();
    assert_eq!(
        params,
        [
            ("src".to_string(), FieldKind::Image),
            ("alt".to_string(), FieldKind::Text)
        ]
    );
}

#[test]
fn a_shortcode_that_runs_another_files_define_has_the_defines_fields() {
    // `template "card" .` runs the `card` a partial defines, which runs `more` beside it;
    // `badge` is handed a dict (review 56a, 10: the fields were missing, and `check` said
    // each parameter was never read).
    let defines =
        "{{ define \"card\" }}<h3>{{ .Get \"title\" }}</h3>{{ template \"more\" . }}{{ end }}\
        {{ define \"more\" }}<p>{{ .Get \"note\" | default \"none\" }}</p>{{ end }}\
        {{ define \"badge\" }}<b class=\"{{ .tone }}\">{{ .ctx.Get \"label\" }}</b>{{ end }}";
    let dir = crate::support::site_of(&[
        ("hugo.toml", ""),
        (
            "layouts/shortcodes/card.html",
            "{{ template \"card\" . }}{{ template \"badge\" (dict \"ctx\" . \"tone\" (.Get \"tone\")) }}",
        ),
        ("layouts/partials/defs.html", defines),
        (
            "content/p.md",
            "---\ntitle: P\n---\n\n{{< card title=\"T\" note=\"N\" tone=\"red\" label=\"L\" >}}\n",
        ),
    ]);
    let site = Site::open_dir(dir.path()).unwrap();
    let card = site.shortcodes.get("card").unwrap();
    assert!(!card.schema.reads_all_params);
    let params: Vec<(String, Option<&str>)> = card
        .schema
        .params
        .iter()
        .map(|p| (p.key.to_string(), p.default.as_deref()))
        .collect();
    assert_eq!(
        params,
        [
            ("title".to_string(), None),
            ("note".to_string(), Some("none")),
            ("tone".to_string(), None),
            ("label".to_string(), None),
        ]
    );
    let found = crate::support::check_lines(&dir.path().join("content/p.md"), "p.md");
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_parameter_added_to_a_call_written_one_per_line_goes_on_a_line_of_its_own() {
    for eol in ["\n", "\r\n"] {
        // The line before the last parameter ends with a blank (hunt AJ, 11: the new line's
        // separator took it, and the last parameter's line gained one).
        let call =
            "{{< link\n  url=\"https://a.dev\" \n  label=\"A\"\n>}}\n{{< link url=\"b\" >}}\n";
        let page = format!("---\ntitle: T\n---\n\n{call}").replace('\n', eol);
        let dir = crate::support::site_of(&[
            ("hugo.toml", ""),
            (
                "layouts/shortcodes/link.html",
                "<a href=\"{{ .Get \"url\" }}\" title=\"{{ .Get \"note\" }}\">{{ .Get \"label\" }}</a>",
            ),
            ("content/p.md", &page),
        ]);
        let doc = OpenPage::open(&dir.path().join("content/p.md")).unwrap();
        let mut model = doc.model();
        set_param(block_at(&mut model, &[0]), "note", "new");
        set_param(block_at(&mut model, &[1]), "note", "too");
        let after = doc
            .plan(&model, Path::new("<model>"))
            .unwrap()
            .page
            .unwrap();
        assert_eq!(
            after,
            page.replace(
                &format!("  label=\"A\"{eol}>}}"),
                &format!("  label=\"A\"{eol}  note=\"new\"{eol}>}}")
            )
            .replace("url=\"b\" >}}", "url=\"b\" note=\"too\" >}}"),
            "{eol:?}"
        );
    }
}

#[test]
fn each_language_variant_handing_itself_to_a_partial_adds_the_partials_fields() {
    let dir = crate::support::site_of(&[
        ("hugo.toml", ""),
        (
            "layouts/shortcodes/fig.html",
            "<img src=\"{{ .Get \"src\" }}\">\n",
        ),
        (
            "layouts/shortcodes/fig.fr.html",
            "{{ partial \"figfr\" . }}\n",
        ),
        (
            "layouts/partials/figfr.html",
            "<img src=\"{{ .Get \"src\" }}\"><p>{{ .Get \"legende\" }}</p>\n",
        ),
    ]);
    let site = Site::open_dir(dir.path()).unwrap();
    let fig = site.shortcodes.get("fig").unwrap();
    assert!(!fig.schema.reads_all_params);
    let keys: Vec<String> = fig
        .schema
        .params
        .iter()
        .map(|p| p.key.to_string())
        .collect();
    assert_eq!(keys, ["src", "legende"]);
}

#[test]
fn check_says_a_front_matter_url_with_a_percent_that_is_no_escape_stops_hugo() {
    // Hugo panics on `url: /a%zz/` (invalid URL escape); Folio published it (the review
    // of 3a49452).
    let dir = crate::support::hugo_site(&[
        ("hugo.toml", "baseURL = \"https://e.org/\"\ntitle = \"T\"\n"),
        ("layouts/_default/single.html", "{{ .Content }}"),
        ("content/p.md", "---\ntitle: P\nurl: '/a%zz/'\n---\nx\n"),
        ("content/q.md", "---\ntitle: Q\nurl: '/a%20b/'\n---\nx\n"),
        // Hugo builds a query's `%` (the review of 166a3f9).
        ("content/r.md", "---\ntitle: R\nurl: '/r/?q=50%'\n---\nx\n"),
    ]);
    let p = dir.path();
    // Hugo's own build of it is not always the same: under load its panic is sometimes
    // lost in a race and it exits 0 (2 of 16 builds run at once here; CI saw it once), so
    // it is asked up to five times.
    let hugo = (0..5)
        .find_map(|_| crate::support::hugo_run(p, &[]).err())
        .expect("Hugo stops the build");
    assert!(hugo.contains("invalid URL escape \"%zz\""), "{hugo}");
    let found: Vec<String> = folio::check::check_path(p)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains("p.md:3:6: error: this url has a `%`"),
        "{found:?}"
    );
}

/// A form edit written as the forms send it (JSON).
fn edit_json(value: serde_json::Value) -> folio::session::Edit {
    serde_json::from_value(value).unwrap()
}

/// `page` as `edits` (JSON, as the forms send them) leave it, through a session on
/// [`small_site`]; with the site, to build it with Hugo.
fn small_session(page: &str, edits: &[serde_json::Value]) -> (tempfile::TempDir, String) {
    use folio::session::Session;
    let dir = small_site(page);
    let mut s = Session::open(&dir.path().join("content/x.md")).unwrap();
    for e in edits {
        let edit = edit_json(e.clone());
        s.edit(edit, None).unwrap();
    }
    let text = s.current().page.clone();
    std::fs::write(dir.path().join("content/x.md"), &text).unwrap();
    (dir, text)
}

/// What Hugo renders of `x.md` in `dir`.
fn hugo_content(dir: &Path) -> String {
    crate::support::hugo_build(dir, "the edited page");
    std::fs::read_to_string(dir.join("public/x/index.html")).unwrap()
}

const BOXED: &str = "---\ntitle: x\n---\nIntro.\n\n{{< box >}}\n  {{< badge label=a >}}\n\n  Text *inside*\n  on two lines.\n{{< /box >}}\n\n{{< badge label=b >}}\n";

#[test]
fn a_call_moved_out_of_its_container_stands_at_the_margin_where_it_went() {
    let (dir, out) = small_session(
        BOXED,
        &[serde_json::json!({"op": "transfer", "id": 0, "within": {"id": 1}, "to": 2})],
    );
    assert_eq!(
        out,
        "---\ntitle: x\n---\nIntro.\n\n{{< box >}}\n  Text *inside*\n  on two lines.\n{{< /box >}}\n\n{{< badge label=a >}}\n\n{{< badge label=b >}}\n"
    );
    assert_eq!(
        hugo_content(dir.path()),
        "<p>Intro.</p>\n<div class=\"box\">Text <em>inside</em>\non two lines.</div>\n<span>a</span>\n<span>b</span>\n"
    );
}

#[test]
fn prose_moved_out_of_its_container_loses_the_containers_indentation_and_stays_prose() {
    let (dir, out) = small_session(
        BOXED,
        &[serde_json::json!({"op": "transfer", "id": 1, "within": {"id": 1}, "to": 1})],
    );
    assert_eq!(
        out,
        "---\ntitle: x\n---\nIntro.\n\nText *inside*\non two lines.\n\n{{< box >}}\n  {{< badge label=a >}}\n{{< /box >}}\n\n{{< badge label=b >}}\n"
    );
    assert!(
        hugo_content(dir.path()).contains("<p>Text <em>inside</em>\non two lines.</p>"),
        "prose, not code"
    );
}

#[test]
fn a_call_moved_into_a_container_takes_its_indentation_and_its_exact_text() {
    let page = "---\ntitle: x\n---\n{{< box >}}\n  Inside.\n{{< /box >}}\n\n{{< box >}}\nMoved *body*\n  kept as written.\n{{< /box >}}\n";
    let (dir, out) = small_session(
        page,
        &[serde_json::json!({"op": "transfer", "id": 1, "into": {"id": 0}, "to": 0})],
    );
    assert_eq!(
        out,
        "---\ntitle: x\n---\n{{< box >}}\n  {{< box >}}\n  Moved *body*\n    kept as written.\n  {{< /box >}}\n\n  Inside.\n{{< /box >}}\n"
    );
    // Hugo omits the inner box's HTML from the outer's markdownified `.Inner` (as it
    // would have it written by hand there); that it builds is what is checked here.
    hugo_content(dir.path());
}

#[test]
fn a_block_cannot_be_moved_into_itself_or_past_the_end_of_a_list() {
    use folio::session::Session;
    let dir = small_site(BOXED);
    let mut s = Session::open(&dir.path().join("content/x.md")).unwrap();
    let into_itself =
        edit_json(serde_json::json!({"op": "transfer", "id": 1, "into": {"id": 1}, "to": 0}));
    let e = s.edit(into_itself, None).unwrap_err().to_string();
    assert!(e.contains("cannot be moved into itself"), "{e}");
    let past =
        edit_json(serde_json::json!({"op": "transfer", "id": 0, "within": {"id": 1}, "to": 9}));
    let e = s.edit(past, None).unwrap_err().to_string();
    assert!(e.contains("position 9 is past the end"), "{e}");
    assert_eq!(s.current().page, BOXED, "nothing written");
}

#[test]
fn a_moved_block_is_said_to_be_where_it_went_after_the_blocks_before_it_shifted() {
    // The forms put the cursor on the moved block; where it went is the engine's to say
    // (a block leaving from above its new container moves that container up one).
    use folio::session::{BlockAt, Session};
    let page = "---\ntitle: x\n---\n{{< badge label=a >}}\n\n{{< box >}}\n  {{< box >}}\n    {{< badge label=b >}}\n  {{< /box >}}\n{{< /box >}}\n";
    let dir = small_site(page);
    let mut s = Session::open(&dir.path().join("content/x.md")).unwrap();
    let ids = s.block_ids().to_vec();
    let edit = edit_json(
        serde_json::json!({"op": "transfer", "id": ids[0], "into": {"id": ids[1], "path": [0]}, "to": 1}),
    );
    let u = s.edit(edit, None).unwrap();
    assert_eq!(
        u.placed,
        Some(BlockAt {
            id: ids[1],
            path: vec![0, 1]
        })
    );
    let into_top = edit_json(
        serde_json::json!({"op": "transfer", "id": 0, "within": {"id": ids[1]}, "to": 1}),
    );
    let u = s.edit(into_top, None).unwrap();
    let new_id = s.block_ids()[1];
    assert_eq!(
        u.placed,
        Some(BlockAt {
            id: new_id,
            path: vec![]
        })
    );
}

#[test]
fn a_card_moves_from_one_grid_into_another_and_the_top_level_blocks_keep_their_ids() {
    use folio::session::Session;
    let page = "---\ntitle: x\n---\n{{< box >}}\n  {{< badge label=a >}}\n  {{< badge label=b >}}\n{{< /box >}}\n\nBetween.\n\n{{< box >}}\n  {{< badge label=c >}}\n{{< /box >}}\n";
    let dir = small_site(page);
    let mut s = Session::open(&dir.path().join("content/x.md")).unwrap();
    let ids = s.block_ids().to_vec();
    let edit = edit_json(
        serde_json::json!({"op": "transfer", "id": 1, "within": {"id": ids[0]}, "into": {"id": ids[2]}, "to": 1}),
    );
    let u = s.edit(edit, None).unwrap();
    assert!(u.model.is_some(), "the forms are redrawn");
    assert_eq!(s.block_ids(), ids, "no top-level block came or went");
    assert_eq!(
        s.current().page,
        page.replace("  {{< badge label=b >}}\n", "").replace(
            "{{< badge label=c >}}\n",
            "{{< badge label=c >}}\n  {{< badge label=b >}}\n"
        )
    );
}

/// Templates that tell a flag's on from off each way (as it is, with `true`, with
/// `"true"`, unless `false`, unless `"false"`, and mixes real templates write), each
/// printing `[on]` or `[off]`.
const FLAG_TESTS: [(&str, &str); 16] = [
    ("truth", r#"{{ if .Get "a" }}[on]{{ else }}[off]{{ end }}"#),
    (
        "is-true",
        r#"{{ if eq (.Get "a") true }}[on]{{ else }}[off]{{ end }}"#,
    ),
    (
        "is-true-text",
        r#"{{ if eq (.Get "a") "true" }}[on]{{ else }}[off]{{ end }}"#,
    ),
    (
        "not-false",
        r#"{{ if not (eq (.Get "a") false) }}[on]{{ else }}[off]{{ end }}"#,
    ),
    (
        "not-false-text",
        r#"{{ if ne (.Get "a") "false" }}[on]{{ else }}[off]{{ end }}"#,
    ),
    // Review 48a, 1 and 6; review 48b, 5.
    (
        "truth-and-not-false-text",
        r#"{{ if and (.Get "a") (ne (.Get "a") "false") }}[on]{{ else }}[off]{{ end }}"#,
    ),
    (
        "truth-and-is-true-text",
        r#"{{ if and (.Get "a") (eq (.Get "a") "true") }}[on]{{ else }}[off]{{ end }}"#,
    ),
    (
        "default-true",
        r#"{{ $a := .Get "a" | default true }}{{ if $a }}[on]{{ else }}[off]{{ end }}"#,
    ),
    (
        "isset",
        r#"{{ if isset .Params "a" }}[on]{{ else }}[off]{{ end }}"#,
    ),
    (
        "lower-is-true-text",
        r#"{{ if eq (lower (.Get "a")) "true" }}[on]{{ else }}[off]{{ end }}"#,
    ),
    ("with", r#"{{ with .Get "a" }}[on]{{ else }}[off]{{ end }}"#),
    // Two tests apart (review 48a, 1): on where both pass, and unticked, off at both.
    (
        "apart-truth-is-true-text",
        r#"{{ if .Get "a" }}[on]{{ else }}[off]{{ end }}{{ if eq (.Get "a") "true" }}strict{{ end }}"#,
    ),
    // Defaults (review 48c, 3): applied before the tests, in place of an empty value.
    (
        "default-true-is-true-text",
        r#"{{ $a := .Get "a" | default true }}{{ if eq $a "true" }}[on]{{ else }}[off]{{ end }}"#,
    ),
    (
        "default-yes",
        r#"{{ $a := .Get "a" | default "yes" }}{{ if $a }}[on]{{ else }}[off]{{ end }}"#,
    ),
    (
        "or-true",
        r#"{{ if or (.Get "a") true }}[on]{{ else }}[off]{{ end }}"#,
    ),
    (
        "in-slice",
        r#"{{ if in (slice "true" true) (.Get "a") }}[on]{{ else }}[off]{{ end }}"#,
    ),
];

/// Values as written, bare and quoted.
const FLAG_VALUES: [&str; 9] = [
    r#""true""#,
    "true",
    r#""false""#,
    "false",
    "0",
    "1",
    r#""""#,
    r#""yes""#,
    "1.0",
];

/// A site with a shortcode per [`FLAG_TESTS`] and a page calling each as `body` has it.
fn flag_site(body: &str) -> tempfile::TempDir {
    let mut files: Vec<(String, String)> = FLAG_TESTS
        .iter()
        .map(|(n, t)| (format!("layouts/shortcodes/{n}.html"), (*t).to_string()))
        .collect();
    files.push(("hugo.toml".into(), String::new()));
    files.push((
        "content/p.md".into(),
        format!("---\ntitle: P\n---\n\n{body}"),
    ));
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    crate::support::hugo_site(&refs)
}

/// Whether each call of the page at `site` rendered on, in Hugo's build, in page order.
fn hugo_ons(site: &Path) -> Vec<bool> {
    crate::support::hugo_build(site, "flags");
    let html = std::fs::read_to_string(site.join("public/p/index.html")).unwrap();
    html.split("[o")
        .skip(1)
        .map(|rest| rest.starts_with("n]"))
        .collect()
}

/// Each call of a flag test with each value, a paragraph each.
fn every_flag_call() -> String {
    let mut body = String::new();
    for (name, _) in FLAG_TESTS {
        for v in FLAG_VALUES {
            body.push_str(&format!("{{{{< {name} a={v} >}}}}\n\n"));
        }
    }
    body
}

#[test]
fn a_flags_box_is_on_exactly_when_hugo_renders_it_on_as_the_value_is_written() {
    // Review 47b, 2: `x="false"` (text, true to `if`) showed unticked; `x=true` against
    // `eq … "true"` showed ticked.
    let site = flag_site(&every_flag_call());
    let hugo = hugo_ons(site.path());
    let doc = OpenPage::open(&site.path().join("content/p.md")).unwrap();
    let folio: Vec<(String, bool)> = doc
        .model()
        .blocks
        .iter()
        .filter_map(|b| match b {
            folio::Block::Shortcode(s) => {
                let p = s.params.as_ref()?.first()?;
                Some((format!("{} a={}", s.name, p.value), p.on?))
            }
            _ => None,
        })
        .collect();
    assert_eq!(hugo.len(), FLAG_TESTS.len() * FLAG_VALUES.len());
    // A template testing apart has states between on and off: the box is on where every
    // test passes (`[on]` and `strict`).
    let html = std::fs::read_to_string(site.path().join("public/p/index.html")).unwrap();
    let strict = html.matches("[on]strict").count();
    let wrong: Vec<&String> = folio
        .iter()
        .zip(&hugo)
        .filter(|((call, on), hugo)| on != *hugo && !(call.starts_with("apart") && !on && **hugo))
        .map(|((call, _), _)| call)
        .collect();
    assert_eq!(folio.len(), hugo.len());
    assert!(
        wrong.is_empty(),
        "the box is not what Hugo renders: {wrong:?}"
    );
    let apart_on = folio
        .iter()
        .filter(|(call, on)| call.starts_with("apart") && *on)
        .count();
    assert_eq!((apart_on, strict), (1, 1));
}

#[test]
fn ticking_or_unticking_a_flag_writes_a_value_hugo_renders_so() {
    // Review 48a, 1: unticking wrote `"false"`, which `if` takes as true.
    let site = flag_site(&every_flag_call());
    let doc = OpenPage::open(&site.path().join("content/p.md")).unwrap();
    let mut model = doc.model();
    let mut wanted = Vec::new();
    for b in &mut model.blocks {
        let folio::Block::Shortcode(s) = b else {
            continue;
        };
        let test = site_schema(&doc, &s.name).test;
        let p = &mut s.params.as_mut().unwrap()[0];
        // The other state, where some quoting of `true` or `false` reaches it.
        let want = !p.on.unwrap();
        let value = if want { "true" } else { "false" };
        let reachable = test.quoting_for(value, want, true).is_some();
        (p.on, p.value) = (Some(want), value.into());
        // Unreachable, it stays as it was.
        let renders = if reachable { want } else { !want };
        wanted.push((format!("{} {want}", s.name), renders, reachable));
    }
    let after = doc
        .plan(&model, Path::new("<model>"))
        .unwrap()
        .page
        .unwrap();
    std::fs::write(site.path().join("content/p.md"), &after).unwrap();
    let hugo = hugo_ons(site.path());
    let wrong: Vec<&String> = wanted
        .iter()
        .zip(&hugo)
        .filter(|((_, renders, _), hugo)| renders != *hugo)
        .map(|((call, _, _), _)| call)
        .collect();
    assert_eq!(hugo.len(), wanted.len());
    assert!(
        wrong.is_empty(),
        "Hugo renders another state: {wrong:?}\n{after}"
    );
    // Only `isset` and `or … true` cannot be turned off by a value (the forms remove the
    // parameter; nothing turns the second off).
    let unreachable: BTreeSet<&str> = wanted
        .iter()
        .filter(|(_, _, reachable)| !reachable)
        .map(|(call, _, _)| call.split(' ').next().unwrap())
        .collect();
    assert_eq!(unreachable, BTreeSet::from(["isset", "or-true"]));
}

/// The schema of parameter `a` of shortcode `name` of the page's site.
fn site_schema(doc: &OpenPage, name: &str) -> folio::templates::ParamSchema {
    doc.site
        .shortcodes
        .get(name)
        .unwrap()
        .schema
        .param(&ParamKey::Named("a".into()))
        .cloned()
        .unwrap()
}

#[test]
fn a_bare_number_is_no_word_of_a_menu_the_template_compares_as_text_and_choosing_it_quotes_it() {
    // Reviews 48b, 3 and 48d, 4: `cols=3` showed "3" chosen; Hugo took the else branch.
    let site = crate::support::hugo_site(&[
        ("hugo.toml", ""),
        (
            "layouts/shortcodes/grid.html",
            r#"{{ $c := .Get "cols" }}{{ if eq $c "2" }}[two]{{ else if eq $c "3" }}[three]{{ else }}[auto]{{ end }}"#,
        ),
        (
            "content/p.md",
            "---\ntitle: P\n---\n\n{{< grid cols=3 >}}\n",
        ),
    ]);
    crate::support::hugo_build(site.path(), "grid");
    let html = || std::fs::read_to_string(site.path().join("public/p/index.html")).unwrap();
    assert!(html().contains("[auto]"), "{}", html());
    let doc = OpenPage::open(&site.path().join("content/p.md")).unwrap();
    let mut model = doc.model();
    let folio::Block::Shortcode(grid) = &mut model.blocks[0] else {
        panic!("a shortcode")
    };
    let cols = &mut grid.params.as_mut().unwrap()[0];
    assert_eq!((cols.value.as_str(), cols.word), ("3", Some(false)));
    cols.word = Some(true);
    let after = doc
        .plan(&model, Path::new("<model>"))
        .unwrap()
        .page
        .unwrap();
    assert_eq!(after, "---\ntitle: P\n---\n\n{{< grid cols=\"3\" >}}\n");
    std::fs::write(site.path().join("content/p.md"), &after).unwrap();
    crate::support::hugo_build(site.path(), "grid chosen");
    assert!(html().contains("[three]"), "{}", html());
}

#[test]
fn a_quoted_true_is_no_word_of_a_menu_that_compares_with_the_boolean() {
    // Review 48f, 4: `m="true"` showed "true" chosen; Hugo took the else branch.
    let site = crate::support::hugo_site(&[
        ("hugo.toml", ""),
        (
            "layouts/shortcodes/bmenu.html",
            r#"{{ $m := .Get "m" }}{{ if eq $m true }}[t]{{ else if eq $m "auto" }}[a]{{ else }}[n]{{ end }}"#,
        ),
        (
            "content/p.md",
            "---\ntitle: P\n---\n\n{{< bmenu m=\"true\" >}}\n\n{{< bmenu m=true >}}\n",
        ),
    ]);
    crate::support::hugo_build(site.path(), "bmenu");
    let html = std::fs::read_to_string(site.path().join("public/p/index.html")).unwrap();
    assert!(html.contains("[n]") && html.contains("[t]"), "{html}");
    let doc = OpenPage::open(&site.path().join("content/p.md")).unwrap();
    let words: Vec<Option<bool>> = doc
        .model()
        .blocks
        .iter()
        .filter_map(|b| match b {
            folio::Block::Shortcode(s) => Some(s.params.as_ref()?.first()?.word),
            _ => None,
        })
        .collect();
    assert_eq!(words, [Some(false), Some(true)]);
}
