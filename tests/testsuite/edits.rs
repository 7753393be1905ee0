//! Every kind of edit changes exactly the bytes it should: asserted as the one region that
//! differs between the old and new text.

use folio::{Block, Card, Page};
use serde_json::json;

use crate::support::{apply, card_mut, change, parse, read, root, sample_text, Change};

fn fixture(name: &str) -> String {
    read(&root().join("tests/fixtures/pages").join(name))
}

#[test]
fn a_card_title_change_rewrites_only_the_title() {
    let text = sample_text();
    let page = parse(&text);
    let mut m = page.to_model();
    card_mut(&mut m, 1).title = "Ad-tech platform at scale".into();
    let out = apply(&page, &m);
    assert_eq!(
        change(&text, &out),
        Change {
            at: text.find("Ad-tech platform\"").unwrap() + 16,
            old: "",
            new: " at scale"
        }
    );
}

#[test]
fn a_title_with_quotes_is_escaped_the_way_hugo_reads_it() {
    let text = sample_text();
    let page = parse(&text);
    let mut m = page.to_model();
    card_mut(&mut m, 2).title = "The \"Emoji\" cluster".into();
    let out = apply(&page, &m);
    let c = change(&text, &out);
    assert_eq!(
        (c.old, c.new),
        ("Emoji keyboard rendering", "The \\\"Emoji\\\"")
    );
    let again = parse(&out).to_model();
    assert_eq!(
        card_mut(&mut again.clone(), 2).title,
        "The \"Emoji\" cluster"
    );
}

#[test]
fn changing_tech_icons_rewrites_only_that_value() {
    let text = sample_text();
    let page = parse(&text);
    let mut m = page.to_model();
    card_mut(&mut m, 1).tech_icons = vec!["python".into(), "golang".into(), "aws".into()];
    let out = apply(&page, &m);
    assert_eq!(change(&text, &out).old, "docker ");
    assert_eq!(change(&text, &out).new, "");
}

#[test]
fn a_word_of_a_cards_list_that_holds_a_blank_or_is_empty_is_refused_at_its_place() {
    // `otherTech: ["Google Cloud"]` was written as two words (hunt AA, 16).
    let page = parse(&sample_text());
    for word in ["Google Cloud", ""] {
        let mut m = page.to_model();
        card_mut(&mut m, 1).other_tech.push(word.into());
        let e = page.apply(&m).unwrap_err();
        let n = card_mut(&mut m, 1).other_tech.len() - 1;
        assert!(
            e.at.ends_with(&format!(".otherTech[{n}]")),
            "{}: {}",
            e.at,
            e.message
        );
    }
}

#[test]
fn setting_a_repository_adds_one_parameter_before_the_closing_delimiter() {
    let text = sample_text();
    let page = parse(&text);
    let mut m = page.to_model();
    card_mut(&mut m, 1).repository = Some("acme/adtech".into());
    let out = apply(&page, &m);
    let c = change(&text, &out);
    assert_eq!(c.old, "");
    assert_eq!(c.new, " repository=\"acme/adtech\"");
    assert_eq!(&out[c.at + c.new.len()..c.at + c.new.len() + 3], ">}}");
}

#[test]
fn clearing_a_repository_removes_the_parameter_and_its_space() {
    let text = sample_text();
    let page = parse(&text);
    let mut m = page.to_model();
    card_mut(&mut m, 6).repository = None;
    let out = apply(&page, &m);
    assert_eq!(
        change(&text, &out).old,
        " repository=\"rviscarra/webrtc-speech-to-text\""
    );
    assert_eq!(change(&text, &out).new, "");
}

#[test]
fn a_body_edit_rewrites_one_line_and_keeps_the_indentation() {
    let text = sample_text();
    let page = parse(&text);
    let mut m = page.to_model();
    let card = card_mut(&mut m, 3);
    card.body = card.body.replace(
        "- Interacting with a distributed mesh network.",
        "- Interacting with a mesh network.",
    );
    let out = apply(&page, &m);
    let c = change(&text, &out);
    assert_eq!((c.old, c.new), ("distributed ", ""));
}

#[test]
fn a_line_added_to_a_body_gets_the_body_indentation() {
    let text = sample_text();
    let page = parse(&text);
    let mut m = page.to_model();
    card_mut(&mut m, 1).body.push_str("\n- Cost control.");
    let out = apply(&page, &m);
    let c = change(&text, &out);
    assert_eq!((c.old, c.new), ("", "  - Cost control.\n"));
    assert!(out
        .contains("  - Logging and monitoring at scale.\n  - Cost control.\n{{</project-card>}}"));
}

#[test]
fn a_body_edit_in_a_crlf_file_writes_crlf() {
    let text = fixture("crlf.md");
    let page = parse(&text);
    let mut m = page.to_model();
    card_mut(&mut m, 1).body = "Line one.\n\nLine two.\nLine three.".into();
    let out = apply(&page, &m);
    assert_eq!(change(&text, &out).new.trim(), "Line three.");
    assert!(out.contains("  Line two.\r\n  Line three.\r\n{{</project-card>}}"));
    assert!(
        !out.replace("\r\n", "").contains('\n'),
        "no bare LF in {out:?}"
    );
}

#[test]
fn a_percent_card_is_edited_in_its_own_notation() {
    let text = fixture("both-notations.md");
    let page = parse(&text);
    let mut m = page.to_model();
    let i = m
        .blocks
        .iter()
        .position(|b| matches!(b, Block::Card(c) if c.title == "Percent"))
        .unwrap();
    card_mut(&mut m, i).title = "Percent card".into();
    let out = apply(&page, &m);
    assert_eq!(change(&text, &out).new, " card");
    assert!(out.contains("{{% project-card title=\"Percent card\" tech-icons=\"python\" %}}"));
}

#[test]
fn values_keep_their_quoting_style_when_they_can() {
    let text = fixture("params.md");
    let page = parse(&text);
    let mut m = page.to_model();
    let card = card_mut(&mut m, 4);
    card.tech_icons = vec!["rust".into()];
    card.other_tech = vec!["Plain".into()];
    let out = apply(&page, &m);
    assert!(out.contains("tech-icons=`rust` other-tech=Plain "), "{out}");
}

#[test]
fn extra_parameters_survive_and_can_be_removed() {
    let text = fixture("params.md");
    let page = parse(&text);
    let mut m = page.to_model();
    let card = card_mut(&mut m, 4);
    assert_eq!(card.extra["demo"], "https://example.dev");
    card.extra.remove("weight");
    let out = apply(&page, &m);
    assert_eq!(
        change(&text, &out),
        Change {
            at: text.find("weight=3").unwrap(),
            old: "weight=3 ",
            new: ""
        }
    );
    assert!(out.contains("demo=\"https://example.dev\" >}}"));
}

#[test]
fn a_value_that_needs_a_line_break_becomes_a_raw_string() {
    let text = sample_text();
    let page = parse(&text);
    let mut m = page.to_model();
    card_mut(&mut m, 1).title = "Two\nlines".into();
    let out = apply(&page, &m);
    assert!(out.contains("title=`Two\nlines`"));
    assert_eq!(card_mut(&mut parse(&out).to_model(), 1).title, "Two\nlines");
}

#[test]
fn a_value_hugo_cannot_read_back_is_refused_with_its_place() {
    let page = parse(&sample_text());
    let mut m = page.to_model();
    card_mut(&mut m, 1).title = "back`tick and\nnewline".into();
    let err = page.apply(&m).unwrap_err();
    assert_eq!(err.at, "blocks[1].title");
    assert!(err.message.contains("backtick"), "{}", err.message);
}

#[test]
fn a_new_card_is_written_like_its_neighbour() {
    let text = sample_text();
    let page = parse(&text);
    let mut m = page.to_model();
    let card = Card {
        title: "New project".into(),
        tech_icons: vec!["rust".into()],
        other_tech: vec!["Tauri".into()],
        repository: Some("acme/new".into()),
        body: "What it does.\n\n- A point.".into(),
        ..Card::default()
    };
    m.blocks.insert(5, Block::Card(card));
    let out = apply(&page, &m);
    let c = change(&text, &out);
    assert_eq!(c.old, "");
    assert_eq!(
        c.new,
        "{{<project-card title=\"New project\" tech-icons=\"rust\" other-tech=\"Tauri\" repository=\"acme/new\">}}\n  What it does.\n\n  - A point.\n{{</project-card>}}\n\n"
    );
}

#[test]
fn a_new_card_leaves_out_the_fields_left_empty() {
    let text = sample_text();
    let page = parse(&text);
    let mut m = page.to_model();
    let card = Card {
        title: "Bare".into(),
        tech_icons: vec!["rust".into()],
        body: "Text.".into(),
        ..Card::default()
    };
    m.blocks.insert(5, Block::Card(card));
    let out = apply(&page, &m);
    let c = change(&text, &out);
    assert_eq!(
        c.new,
        "{{<project-card title=\"Bare\" tech-icons=\"rust\">}}\n  Text.\n{{</project-card>}}\n\n"
    );
    // A card already on the page keeps an emptied field as written.
    let mut m = parse(&out).to_model();
    card_mut(&mut m, 1).other_tech.clear();
    let cleared = apply(&parse(&out), &m);
    assert!(cleared.contains("other-tech=\"\""), "{cleared}");
}

#[test]
fn a_duplicated_card_is_an_exact_copy_of_its_source() {
    let text = sample_text();
    let page = parse(&text);
    let mut m = page.to_model();
    let mut copy = card_mut(&mut m, 2).clone();
    copy.id = None;
    m.blocks.insert(3, Block::Card(copy));
    let out = apply(&page, &m);
    let start = text.find("{{<project-card title=\"Emoji").unwrap();
    let end =
        text[start..].find("{{</project-card>}}").unwrap() + start + "{{</project-card>}}".len();
    let source = &text[start..end];
    assert_eq!(out.matches(source).count(), 2);
    assert_eq!(out.len(), text.len() + source.len() + 2);
}

#[test]
fn deleting_a_card_removes_its_text_and_one_gap() {
    let text = sample_text();
    let page = parse(&text);
    let mut m = page.to_model();
    m.blocks.remove(2);
    let out = apply(&page, &m);
    let c = change(&text, &out);
    assert!(c.old.contains("Emoji keyboard rendering cluster"));
    assert_eq!(c.new, "");
    assert_eq!(c.old.matches("{{</project-card>}}").count(), 1);
    assert_eq!(out.len(), text.len() - c.old.len());
    assert!(!out.contains("\n\n\n"), "no blank line left behind");
}

#[test]
fn reordering_cards_moves_their_exact_source_text() {
    let text = sample_text();
    let page = parse(&text);
    let mut m = page.to_model();
    m.blocks.swap(1, 4);
    let out = apply(&page, &m);
    let mut sorted_old: Vec<char> = text.chars().collect();
    let mut sorted_new: Vec<char> = out.chars().collect();
    sorted_old.sort_unstable();
    sorted_new.sort_unstable();
    assert_eq!(sorted_old, sorted_new, "a move adds and drops nothing");
    let again = parse(&out).to_model();
    let titles: Vec<String> = again
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Card(c) => Some(c.title.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(titles[0], "Game backends");
    assert_eq!(titles[3], "Ad-tech platform");
    // Moving back gives the original bytes.
    let page2 = parse(&out);
    let mut m2 = page2.to_model();
    m2.blocks.swap(1, 4);
    assert_eq!(apply(&page2, &m2), text);
}

#[test]
fn a_prose_edit_replaces_only_that_paragraph_text() {
    let text = sample_text();
    let page = parse(&text);
    let mut m = page.to_model();
    let Block::Markdown { text: t, .. } = &mut m.blocks[5] else {
        panic!()
    };
    *t = t.replace("open-source enthusiast", "open source enthusiast");
    let out = apply(&page, &m);
    assert_eq!(
        change(&text, &out),
        Change {
            at: text.find("-source enthusiast").unwrap(),
            old: "-",
            new: " "
        }
    );
}

#[test]
fn prose_keeps_its_trailing_spaces_when_another_line_changes() {
    let text = sample_text();
    let page = parse(&text);
    let mut m = page.to_model();
    let Block::Markdown { text: t, .. } = &mut m.blocks[0] else {
        panic!()
    };
    *t = t.replace("Canada.", "Canada!");
    let out = apply(&page, &m);
    assert_eq!(change(&text, &out).old, ".");
    assert!(out.contains("weightlifting and \nlearning"));
}

#[test]
fn blanks_typed_at_the_end_of_prose_are_its_own_and_do_not_pile_up() {
    let mut text = sample_text();
    for typed in [" abc ", "def ", " ghi", "\n\n"] {
        let page = parse(&text);
        let mut m = page.to_model();
        let Block::Markdown { text: t, .. } = &mut m.blocks[0] else {
            panic!()
        };
        t.push_str(typed);
        // Line breaks after the prose are the gap's, not the block's.
        let want = t.trim_end_matches('\n').to_string();
        text = apply(&page, &m);
        let Block::Markdown {
            text: read_back, ..
        } = &parse(&text).to_model().blocks[0]
        else {
            panic!()
        };
        assert_eq!(*read_back, want, "what the form gave is what it reads back");
    }
    assert!(
        text.contains("worked on: abc def  ghi\n\n{{<project-card"),
        "{text}"
    );
}

#[test]
fn a_new_prose_block_goes_between_blocks_with_a_blank_line() {
    let text = sample_text();
    let page = parse(&text);
    let mut m = page.to_model();
    m.blocks.insert(
        6,
        Block::Markdown {
            id: None,
            text: "A new paragraph.".into(),
        },
    );
    let out = apply(&page, &m);
    assert_eq!(change(&text, &out).new, "A new paragraph.\n\n");
}

#[test]
fn an_unchanged_model_gives_back_the_same_text() {
    for name in [
        "crlf.md",
        "mixed-eol.md",
        "yaml-rich.md",
        "toml-front-matter.md",
        "json-front-matter.md",
        "bom.md",
    ] {
        let text = fixture(name);
        let page = parse(&text);
        assert_eq!(apply(&page, &page.to_model()), text, "{name}");
    }
}

mod front_matter {
    use super::*;

    fn set(
        name: &str,
        f: impl FnOnce(&mut serde_json::Map<String, serde_json::Value>),
    ) -> (String, String) {
        let text = if name == "sample" {
            sample_text()
        } else {
            fixture(name)
        };
        let page = parse(&text);
        let mut m = page.to_model();
        f(&mut m.front_matter);
        let out = apply(&page, &m);
        (text, out)
    }

    #[test]
    fn yaml_title_keeps_its_single_quotes() {
        let (old, new) = set("sample", |fm| {
            fm.insert("title".into(), json!("About me"));
        });
        assert_eq!(
            change(&old, &new),
            Change {
                at: 17,
                old: "",
                new: " me"
            }
        );
        assert!(new.starts_with("---\ntitle: 'About me'\n"));
    }

    #[test]
    fn yaml_number_boolean_and_date_are_written_plain() {
        let (old, new) = set("sample", |fm| {
            fm.insert("weight".into(), json!(20));
        });
        assert_eq!((change(&old, &new).old, change(&old, &new).new), ("1", "2"));
        let (old, new) = set("sample", |fm| {
            fm.insert("comments".into(), json!(true));
        });
        assert_eq!(
            (change(&old, &new).old, change(&old, &new).new),
            ("fals", "tru")
        );
        let (old, new) = set("sample", |fm| {
            fm.insert("date".into(), json!("2024-01-02T03:04:05-06:00"));
        });
        assert!(
            new.contains("\ndate: 2024-01-02T03:04:05-06:00\n"),
            "{}",
            change(&old, &new).new
        );
    }

    #[test]
    fn a_new_yaml_key_is_appended_in_the_style_of_its_neighbours() {
        let (old, new) = set("sample", |fm| {
            fm.insert("draft".into(), json!(true));
            fm.insert("description".into(), json!("My work"));
        });
        let c = change(&old, &new);
        assert_eq!(c.new, "draft: true\ndescription: 'My work'\n");
        assert_eq!(&new[c.at + c.new.len()..c.at + c.new.len() + 4], "---\n");
    }

    #[test]
    fn removing_a_yaml_key_removes_its_line() {
        let (old, new) = set("sample", |fm| {
            fm.remove("comments");
        });
        assert_eq!(change(&old, &new).old, "comments: false\n");
    }

    #[test]
    fn yaml_comments_and_block_scalars_survive_a_change_next_to_them() {
        let (old, new) = set("yaml-rich.md", |fm| {
            fm.insert("title".into(), json!("Still double"));
            fm.insert(
                "description".into(),
                json!("A literal block\nover three\nlines.\n"),
            );
        });
        assert!(new.contains("title:   \"Still double\"   # trailing comment\n"));
        assert!(
            new.contains("description: |\n  A literal block\n  over three\n  lines.\nfolded"),
            "{new}"
        );
        assert!(new.starts_with("---\n# Leading comment\n"));
        assert_eq!(
            parse(&new).to_model().front_matter["description"],
            "A literal block\nover three\nlines.\n"
        );
        let _ = old;
    }

    #[test]
    fn appending_to_a_yaml_list_writes_one_item_like_the_others() {
        let (old, new) = set("yaml-rich.md", |fm| {
            fm["tags"].as_array_mut().unwrap().push(json!("three"));
            fm["flow"].as_array_mut().unwrap().pop();
        });
        assert!(
            new.contains("  - 'two'\n  - three\nflow: [a, \"b\"]\n"),
            "{new}"
        );
        let _ = old;
    }

    #[test]
    fn a_string_that_looks_like_a_number_is_quoted() {
        let (_, new) = set("yaml-rich.md", |fm| {
            fm.insert("subtitle".into(), json!("42"));
        });
        assert!(new.contains("\nsubtitle: '42'\n"));
        assert_eq!(parse(&new).to_model().front_matter["subtitle"], "42");
    }

    #[test]
    fn toml_values_are_rewritten_in_place_and_new_keys_go_before_tables() {
        let (old, new) = set("toml-front-matter.md", |fm| {
            fm.insert("title".into(), json!("TOML page, edited"));
            fm.insert("draft".into(), json!(true));
            fm.insert("author".into(), json!("Me"));
            fm["params"]["accent"] = json!("red");
        });
        assert!(new.contains("# A comment that must survive\ntitle = \"TOML page, edited\"\n"));
        assert!(new.contains("draft = true\n"));
        assert!(
            new.contains(
                "description = 'literal string'\nauthor = \"Me\"\n\n[params]\n  accent = \"red\"\n"
            ),
            "{new}"
        );
        let _ = old;
    }

    #[test]
    fn toml_datetimes_stay_bare() {
        let (_, new) = set("toml-front-matter.md", |fm| {
            fm.insert("date".into(), json!("2025-05-06T07:08:09Z"));
        });
        assert!(new.contains("\ndate = 2025-05-06T07:08:09Z\n"));
    }

    #[test]
    fn json_values_are_rewritten_in_place_and_new_keys_follow_the_indentation() {
        let (old, new) = set("json-front-matter.md", |fm| {
            fm.insert("weight".into(), json!(8));
            fm.insert("draft".into(), json!(false));
            fm.insert("links".into(), json!({"a": [1, 2], "b": "x"}));
        });
        // A new map or list is written as one writes it by hand, not compact (hunt AA, 15).
        assert!(
            new.contains("\"links\": {\"a\": [1, 2], \"b\": \"x\"}"),
            "{new}"
        );
        assert!(new.starts_with(
            "{\n  \"title\": \"JSON page\",\n  \"date\": \"2024-01-15\",\n  \"weight\": 8,"
        ));
        assert!(
            new.contains("\"nested\": {\"a\": 1},\n  \"draft\": false,\n"),
            "{new}"
        );
        let _ = old;
    }

    #[test]
    fn crlf_front_matter_gets_crlf_for_a_new_key() {
        let (old, new) = set("crlf.md", |fm| {
            fm.insert("draft".into(), json!(true));
        });
        assert_eq!(change(&old, &new).new, "draft: true\r\n");
    }

    #[test]
    fn a_crlf_page_without_front_matter_gets_one_with_crlf_lines() {
        let page = parse("Hello\r\n\r\nWorld\r\n");
        let mut m = page.to_model();
        m.front_matter.insert("title".into(), json!("T"));
        m.front_matter.insert("tags".into(), json!(["a", "b"]));
        let out = apply(&page, &m);
        let fm = &out[..out.find("Hello").unwrap()];
        assert!(fm.starts_with("---\r\ntitle: T\r\n"), "{out:?}");
        assert_eq!(
            fm.matches('\n').count(),
            fm.matches("\r\n").count(),
            "{out:?}"
        );
    }

    #[test]
    fn a_page_without_front_matter_gets_a_yaml_one() {
        let (old, new) = set("no-front-matter.md", |fm| {
            fm.insert("title".into(), json!("Now titled"));
        });
        assert_eq!(
            change(&old, &new),
            Change {
                at: 0,
                old: "",
                new: "---\ntitle: Now titled\n---\n"
            }
        );
    }
}

#[test]
fn an_empty_page_opens_with_no_blocks_and_takes_a_title_and_text() {
    // Hugo builds an empty content file as a page with no title and no content.
    for name in ["empty.md", "blank.md"] {
        let text = fixture(name);
        let page = parse(&text);
        let mut m = page.to_model();
        assert!(m.front_matter.is_empty() && m.blocks.is_empty(), "{name}");
        m.front_matter.insert("title".into(), json!("Projects"));
        m.blocks.push(Block::Markdown {
            id: None,
            text: "What I built.".into(),
        });
        let out = apply(&page, &m);
        assert!(
            out.starts_with("---\ntitle: Projects\n---\n") && out.contains("What I built."),
            "{name}: {out:?}"
        );
        assert_eq!(parse(&out).to_model().blocks.len(), 1, "{name}");
    }
}

#[test]
fn a_page_of_only_a_bom_has_no_blocks_and_keeps_its_bom_before_new_front_matter() {
    for text in ["\u{feff}", "\u{feff}\n\n", "\u{feff}Hello\n"] {
        let page = parse(text);
        let mut m = page.to_model();
        assert!(
            m.blocks
                .iter()
                .all(|b| !matches!(b, Block::Markdown { text, .. } if text.contains('\u{feff}'))),
            "{text:?}: {:?}",
            m.blocks
        );
        m.front_matter.insert("title".into(), json!("T"));
        match m.blocks.first_mut() {
            Some(Block::Markdown { text, .. }) => *text = "Hi".into(),
            _ => m.blocks.push(Block::Markdown {
                id: None,
                text: "Hi".into(),
            }),
        }
        let out = apply(&page, &m);
        assert!(
            out.starts_with("\u{feff}---\ntitle: T\n---\n") && out.contains("Hi"),
            "{text:?}: {out:?}"
        );
        let again = parse(&out).to_model();
        assert_eq!(
            again.front_matter.get("title"),
            Some(&json!("T")),
            "{out:?}"
        );
    }
}

#[test]
fn the_first_block_of_a_page_of_spaces_starts_its_own_line() {
    for text in ["    ", "\t", "\n\n   "] {
        let page = parse(text);
        let mut m = page.to_model();
        m.blocks.push(Block::Markdown {
            id: None,
            text: "New".into(),
        });
        let out = apply(&page, &m);
        assert!(
            out.starts_with(text) && out.ends_with("\nNew\n"),
            "{text:?}: {out:?}"
        );
        assert_eq!(
            parse(&out).to_model().blocks,
            vec![Block::Markdown {
                id: Some(0),
                text: "New".into()
            }],
            "{text:?}"
        );
    }
}

#[test]
fn a_model_from_another_version_of_the_page_is_refused() {
    let page = parse(&sample_text());
    let mut m = page.to_model();
    m.revision = Some("0000000000000000".into());
    let err = page.apply(&m).unwrap_err();
    assert_eq!(err.at, "revision");
}

#[test]
fn an_edit_that_would_break_the_page_is_refused() {
    let page = parse(&sample_text());
    let mut m = page.to_model();
    let Block::Markdown { text, .. } = &mut m.blocks[0] else {
        panic!()
    };
    text.push_str(" {{< unclosed");
    let err = page.apply(&m).unwrap_err();
    assert!(err.message.contains("would not parse"), "{}", err.message);
}

#[test]
fn block_ids_must_exist_be_unique_and_match_their_kind() {
    let page = parse(&sample_text());
    let m = page.to_model();
    let mut bad = m.clone();
    card_mut(&mut bad, 1).id = Some(99);
    assert_eq!(page.apply(&bad).unwrap_err().at, "blocks[1].id");
    let mut twice = m.clone();
    card_mut(&mut twice, 2).id = Some(1);
    assert!(page
        .apply(&twice)
        .unwrap_err()
        .message
        .contains("appears twice"));
    let mut kind = m;
    kind.blocks[0] = Block::Markdown {
        id: Some(1),
        text: "x".into(),
    };
    assert!(page
        .apply(&kind)
        .unwrap_err()
        .message
        .contains("not a markdown block"));
}

#[test]
fn cards_in_a_page_with_no_cards_use_hugo_docs_style() {
    let text = "---\ntitle: x\n---\n\nIntro.\n";
    let page = Page::parse(text).unwrap();
    let mut m = page.to_model();
    m.blocks.push(Block::Card(Card {
        title: "First".into(),
        body: "Hello.".into(),
        ..Card::default()
    }));
    let out = apply(&page, &m);
    assert_eq!(out, "---\ntitle: x\n---\n\nIntro.\n\n{{< project-card title=\"First\" >}}\n  Hello.\n{{< /project-card >}}\n");
}

#[test]
fn a_repeated_parameter_reads_as_its_last_value_and_goes_entirely_when_removed() {
    let text = "---\ntitle: x\n---\n\n{{< project-card title=\"A\" repository=\"o/one\" repository=\"o/two\" >}}\n  Body\n{{< /project-card >}}\n";
    let page = parse(text);
    let mut m = page.to_model();
    assert_eq!(
        card_mut(&mut m, 0).repository.as_deref(),
        Some("o/two"),
        "Hugo reads the last one"
    );
    assert_eq!(apply(&page, &m), text);
    card_mut(&mut m, 0).repository = None;
    let out = apply(&page, &m);
    assert!(out.contains("{{< project-card title=\"A\" >}}"), "{out}");
}

#[test]
fn a_yaml_block_scalar_whose_header_comment_holds_a_chevron_keeps_its_comment() {
    let text = "---\ntitle: x\ndesc: | # a > b\n  line one\n---\n\nbody\n";
    let page = folio::Page::parse(text).unwrap();
    let out = page
        .set_front_matter("desc", Some(serde_json::json!("line two\n")))
        .unwrap();
    assert_eq!(
        out.to_string(),
        "---\ntitle: x\ndesc: | # a > b\n  line two\n---\n\nbody\n"
    );
}

#[test]
fn text_added_after_front_matter_closed_at_the_end_of_the_file_starts_on_its_own_line() {
    // Hunt AC: `---- item one`, `++++ item` (Hugo happened to read them; other tools do not).
    for (text, fence) in [
        ("---\ntitle: t\n---", "---"),
        ("+++\ntitle = \"t\"\n+++", "+++"),
    ] {
        let page = parse(text);
        let mut m = page.to_model();
        m.blocks.push(Block::Markdown {
            id: None,
            text: "- item one\n- item two".into(),
        });
        let out = apply(&page, &m);
        assert_eq!(out, format!("{text}\n- item one\n- item two\n"), "{fence}");
    }
}

#[test]
fn prose_given_with_crlf_line_breaks_is_written_with_the_pages_own() {
    // Hunt AC: every `\r\n` became `\r\r\n`, and a hard break (two blanks) was lost.
    let text = "---\r\ntitle: t\r\n---\r\nLine  \r\nnext.\r\n\r\n{{< fig >}}\r\n";
    let page = parse(text);
    let mut m = page.to_model();
    let Block::Markdown { text: t, .. } = &mut m.blocks[0] else {
        panic!("prose first")
    };
    *t = "Line  \r\nnext, edited.".into();
    let out = apply(&page, &m);
    assert_eq!(out, text.replace("next.", "next, edited."));
}

#[test]
fn removing_the_text_before_a_call_at_the_top_of_a_page_without_front_matter_is_refused_at_the_blocks(
) {
    // Hugo reads a page beginning with `{` as JSON front matter, and stops.
    let page = parse("Some text\n\n{{< fig >}}\n");
    let mut m = page.to_model();
    m.blocks.remove(0);
    let err = page.apply(&m).unwrap_err();
    assert_eq!(err.at, "blocks[0]");
    assert!(err.message.contains("as front matter"), "{}", err.message);
}

#[test]
fn a_call_indented_into_a_list_item_and_moved_away_from_it_is_not_left_a_code_block() {
    // Hunt AC 1: four columns kept at the page's end made Hugo render it as code.
    let text =
        "Intro.\n\n- item one\n\n    {{< figure src=\"deep\" >}}\n\n- item two\n\nLast para.\n";
    let page = parse(text);
    let mut m = page.to_model();
    let fig = m.blocks.remove(first_call(&m));
    m.blocks.push(fig);
    assert_eq!(
        apply(&page, &m),
        "Intro.\n\n- item one\n\n- item two\n\nLast para.\n\n{{< figure src=\"deep\" >}}\n"
    );
}

#[test]
fn removing_a_call_glued_to_its_neighbours_keeps_them_glued() {
    // Hunt AC 3: a tight list went loose, a paragraph split in two.
    for (text, without) in [
        (
            "List:\n\n- item one\n  {{< figure src=\"li\" >}}\n- item two\n",
            "List:\n\n- item one\n- item two\n",
        ),
        (
            "First line\n{{< figure src=\"a\" >}}\nsame paragraph.\n",
            "First line\nsame paragraph.\n",
        ),
        // A blank line on either side stays one.
        ("A\n{{< figure >}}\n\nB\n", "A\n\nB\n"),
        ("A\n\n{{< figure >}}\nB\n", "A\n\nB\n"),
    ] {
        let page = parse(text);
        let mut m = page.to_model();
        m.blocks.remove(first_call(&m));
        assert_eq!(apply(&page, &m), without, "{text:?}");
    }
}

#[test]
fn a_copy_of_a_call_glued_in_a_list_item_is_written_beside_it_in_the_item() {
    // Hunt AC 3c: the copy went to column 0 with a blank line after it (a loose list).
    let text = "List:\n\n- item one\n  {{< figure src=\"li\" >}}\n- item two\n";
    let page = parse(text);
    let mut m = page.to_model();
    let at = first_call(&m);
    let mut copy = m.blocks[at].clone();
    copy.set_id(None);
    m.blocks.insert(at + 1, copy);
    assert_eq!(
        apply(&page, &m),
        "List:\n\n- item one\n  {{< figure src=\"li\" >}}\n  {{< figure src=\"li\" >}}\n- item two\n"
    );
}

/// The position of a model's first block that is not prose.
fn first_call(m: &folio::model::Portfolio) -> usize {
    m.blocks
        .iter()
        .position(|b| !matches!(b, Block::Markdown { .. }))
        .expect("a call")
}

#[test]
fn a_card_moved_into_another_container_keeps_its_notation_and_takes_the_containers_indentation() {
    // Hunt AC 6: written `{{% card %}}` like its new sibling, so Hugo read its body as
    // Markdown; its body and closing tag kept the old container's indentation.
    let text = "Intro.\n\n{{< grid >}}\n  {{< card name=\"A\" >}}\n  Body A\n  {{< /card >}}\n  \
                {{< card name=\"B\" >}}\n  Body B\n  {{< /card >}}\n{{< /grid >}}\n\n{{% grid %}}\n\
                {{% card name=\"D\" %}}\n**Body D**\n{{% /card %}}\n{{% /grid %}}\n";
    let page = parse(text);
    let children = |m: &mut folio::model::Portfolio, i: usize| match &mut m.blocks[i] {
        Block::Shortcode(sc) => sc.children.take().unwrap(),
        _ => panic!("a container"),
    };
    // Written from its parameters and body (the forms send no `source`), and from its
    // `source` as `folio dump` gives it (the review of 5cbd7e6): the same.
    for keep_source in [false, true] {
        let mut m = page.to_model();
        let mut first = children(&mut m, 1);
        let mut moved = first.remove(0);
        moved.set_id(None);
        if let Block::Shortcode(sc) = &mut moved {
            if !keep_source {
                sc.source = None;
            }
        }
        let mut second = children(&mut m, 2);
        second.push(moved);
        for (i, list) in [(1, first), (2, second)] {
            if let Block::Shortcode(sc) = &mut m.blocks[i] {
                sc.children = Some(list);
                sc.body = None;
            }
        }
        assert_eq!(
            apply(&page, &m),
            "Intro.\n\n{{< grid >}}\n  {{< card name=\"B\" >}}\n  Body B\n  {{< /card >}}\n{{< /grid >}}\n\n\
             {{% grid %}}\n{{% card name=\"D\" %}}\n**Body D**\n{{% /card %}}\n{{< card name=\"A\" >}}\n\
             Body A\n{{< /card >}}\n{{% /grid %}}\n",
            "source kept: {keep_source}"
        );
    }
}

#[test]
fn a_call_glued_in_a_list_item_moved_up_a_place_keeps_the_list_tight() {
    // The review of b896128: going up, the gap fell back to a blank line, and every item
    // of the list became a paragraph.
    let text =
        "List:\n\n- one\n  {{< figure src=\"a\" >}}\n- two\n  {{< figure src=\"b\" >}}\n- three\n";
    let page = parse(text);
    let mut m = page.to_model();
    let b = m.blocks.remove(3);
    m.blocks.insert(2, b);
    assert_eq!(
        apply(&page, &m),
        "List:\n\n- one\n  {{< figure src=\"a\" >}}\n  {{< figure src=\"b\" >}}\n- two\n- three\n"
    );
}

#[test]
fn a_call_indented_into_a_list_item_moved_to_stand_apart_starts_at_the_margin() {
    // The review of b896128: two columns kept put it in the last list item.
    let text = "Intro.\n\n- item one\n  {{< figure src=\"a\" >}}\n- item two\n";
    let page = parse(text);
    let mut m = page.to_model();
    let fig = m.blocks.remove(first_call(&m));
    let mut copy = fig.clone();
    copy.set_id(None);
    m.blocks.push(fig);
    m.blocks.push(copy);
    assert_eq!(
        apply(&page, &m),
        "Intro.\n\n- item one\n- item two\n\n{{< figure src=\"a\" >}}\n\n{{< figure src=\"a\" >}}\n"
    );
}

#[test]
fn prose_added_to_an_indented_container_with_its_own_indentation_is_indented_once() {
    // Hunt AC 4: a child copied as `folio dump` gives it (`"  Intro…"`) was indented
    // twice, a code block inside `{{% box %}}`.
    let text = "---\ntitle: t\n---\n{{% box %}}\n  Intro prose for the box.\n\n  {{% card name=\"A\" %}}\n  Body A\n  {{% /card %}}\n{{% /box %}}\n";
    let page = parse(text);
    let mut m = page.to_model();
    let Block::Shortcode(sc) = &mut m.blocks[0] else {
        panic!("the box")
    };
    let children = sc.children.as_mut().unwrap();
    let mut copy = children[0].clone();
    copy.set_id(None);
    children.insert(1, copy);
    children.insert(
        2,
        Block::Markdown {
            id: None,
            text: "Two lines\nof new prose.".into(),
        },
    );
    sc.body = None;
    assert_eq!(
        apply(&page, &m),
        text.replace(
            "  Intro prose for the box.\n\n",
            "  Intro prose for the box.\n\n  Intro prose for the box.\n\n  Two lines\n  of new prose.\n\n"
        )
    );
}

#[test]
fn a_body_typed_into_an_empty_call_is_indented_as_the_pages_other_bodies_are() {
    // Trial 52a-4: an `entry` added with the form came with its body indented two
    // spaces, the sample's way, beside flush siblings.
    let typed = |text: &str| {
        let page = parse(text);
        let mut m = page.to_model();
        let timeline = m
            .blocks
            .iter_mut()
            .find_map(|b| match b {
                Block::Shortcode(t) if t.name == "timeline" => Some(t),
                _ => None,
            })
            .expect("the timeline");
        let Block::Shortcode(empty) = &mut timeline.children.as_mut().unwrap()[1] else {
            panic!("the empty entry")
        };
        empty.body = Some("Tutorials.\n\n- Pascal".into());
        apply(&page, &m)
    };
    let text = "---\ntitle: t\n---\n{{% timeline %}}\n{{% entry year=\"2020\" %}}\nLed a team.\n{{% /entry %}}\n{{% entry year=\"2014\" %}}\n{{% /entry %}}\n{{% /timeline %}}\n";
    assert_eq!(
        typed(text),
        text.replace(
            "\"2014\" %}}\n{{% /entry %}}",
            "\"2014\" %}}\nTutorials.\n\n- Pascal\n{{% /entry %}}"
        )
    );
    // A call in a list item passes on how far its body goes past its own line, not the
    // list's indentation (review 52b, 5: the new body joined the list).
    let listed = "---\ntitle: t\n---\n1. Step\n\n    {{% entry year=\"2020\" %}}\n    Led a team.\n    {{% /entry %}}\n\n{{% timeline %}}\n{{% entry year=\"2021\" %}}\n{{% /entry %}}\n{{% entry year=\"2014\" %}}\n{{% /entry %}}\n{{% /timeline %}}\n";
    assert_eq!(
        typed(listed),
        listed.replace(
            "\"2014\" %}}\n{{% /entry %}}",
            "\"2014\" %}}\nTutorials.\n\n- Pascal\n{{% /entry %}}"
        )
    );
    // A page whose bodies are indented keeps its own way too.
    let indented = text.replace("\nLed a team.", "\n    Led a team.");
    assert_eq!(
        typed(&indented),
        indented.replace(
            "\"2014\" %}}\n{{% /entry %}}",
            "\"2014\" %}}\n    Tutorials.\n\n    - Pascal\n{{% /entry %}}"
        )
    );
}

#[test]
fn calls_kept_where_their_list_or_paragraph_is_when_reordered_or_added() {
    // The review of b54473b: swapped calls glued in a paragraph came apart; calls standing
    // apart in a loose list item jumped to the margin (two lists to Hugo); a new call after
    // a list item's glued call went on that item.
    let swap = |text: &str, a: usize| {
        let page = parse(text);
        let mut m = page.to_model();
        m.blocks.swap(a, a + 1);
        apply(&page, &m)
    };
    let glued = "Some text\n{{< figure src=\"b\" >}}\n{{< figure src=\"c\" >}}\n\nEnd.\n";
    assert_eq!(
        swap(glued, 1),
        "Some text\n{{< figure src=\"c\" >}}\n{{< figure src=\"b\" >}}\n\nEnd.\n"
    );
    let loose =
        "List:\n\n- one\n\n  {{< figure src=\"b\" >}}\n\n  {{< figure src=\"c\" >}}\n\n- two\n";
    assert_eq!(
        swap(loose, 1),
        "List:\n\n- one\n\n  {{< figure src=\"c\" >}}\n\n  {{< figure src=\"b\" >}}\n\n- two\n"
    );
    let item = "List:\n\n- item\n  {{< figure src=\"a\" >}}\n";
    let page = parse(item);
    let mut m = page.to_model();
    let mut new = m.blocks[first_call(&m)].clone();
    new.set_id(None);
    if let Block::Shortcode(sc) = &mut new {
        sc.source = Some("{{< figure src=\"n\" >}}".into());
    }
    m.blocks.push(new);
    assert_eq!(
        apply(&page, &m),
        "List:\n\n- item\n  {{< figure src=\"a\" >}}\n\n{{< figure src=\"n\" >}}\n"
    );
}
