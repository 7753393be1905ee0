//! The core schema's reading of plain scalars, and scalars written back.

use serde_json::Value as Json;

use super::plain::resolve_plain;
use super::write::{block, scalar};
use crate::formats::Style;

#[test]
fn plain_scalars_resolve_like_the_core_schema() {
    assert_eq!(resolve_plain("10"), Json::from(10));
    assert_eq!(resolve_plain("false"), Json::Bool(false));
    assert_eq!(resolve_plain("3.5"), Json::from(3.5));
    assert_eq!(resolve_plain("1e3"), Json::from("1e3"));
    assert_eq!(resolve_plain("1.0e3"), Json::from(1000.0));
    assert_eq!(resolve_plain("1_000"), Json::from(1000));
    assert_eq!(resolve_plain("017"), Json::from(15));
    assert_eq!(resolve_plain("0b101"), Json::from(5));
    assert_eq!(resolve_plain("0x_F"), Json::from(15));
    assert_eq!(resolve_plain("09"), Json::from("09"));
    assert_eq!(resolve_plain("~"), Json::Null);
    assert_eq!(resolve_plain("2019-06-23"), Json::from("2019-06-23"));
    assert_eq!(resolve_plain("v1.2"), Json::from("v1.2"));
}

#[test]
fn strings_that_would_change_type_are_quoted() {
    assert_eq!(scalar(&Json::from("10"), Some(Style::Plain)), "'10'");
    assert_eq!(scalar(&Json::from("yes"), Some(Style::Plain)), "'yes'");
    // Hugo reads `.inf` bare as +Inf (hunt AA, 14).
    assert_eq!(scalar(&Json::from(".inf"), Some(Style::Plain)), "'.inf'");
    assert_eq!(scalar(&Json::from("-.Inf"), Some(Style::Plain)), "'-.Inf'");
    assert_eq!(scalar(&Json::from(".NaN"), Some(Style::Plain)), "'.NaN'");
    assert_eq!(scalar(&Json::from("a: b"), Some(Style::Plain)), "'a: b'");
    assert_eq!(
        scalar(&Json::from("About me"), Some(Style::Plain)),
        "About me"
    );
    assert_eq!(scalar(&Json::from("It's"), Some(Style::Single)), "'It''s'");
    assert_eq!(
        scalar(&Json::from("a\"b"), Some(Style::Double)),
        "\"a\\\"b\""
    );
    assert_eq!(
        scalar(&Json::from("two\nlines"), Some(Style::Single)),
        "\"two\\nlines\""
    );
}

#[test]
fn block_scalars_keep_their_chomping() {
    assert_eq!(block("a\nb\n", (2, 0), "\n"), "|\n  a\n  b");
    assert_eq!(block("a", (2, 0), "\n"), "|-\n  a");
    // The indicator counts from the parent's indentation (the review of 808dd94).
    assert_eq!(block("  a\n", (4, 2), "\n"), "|2\n      a");
    assert_eq!(block("  a", (14, 2), "\n"), "|2-\n      a");
}

/// `src` with the value at `path` set to `new`, through the tree's splices.
fn set(src: &str, new: &Json) -> String {
    let tree = crate::formats::Tree::parse(src, 0..src.len(), crate::formats::Format::Yaml)
        .expect("the fixture parses");
    let splices = tree.edits(src, new).expect("the edit is writable");
    crate::text::apply_splices(src, splices).expect("the splices apply")
}

#[test]
fn a_key_written_without_a_value_gets_its_value_after_the_colon() {
    let new = serde_json::json!({"title": "About", "weight": 1, "params": {"x": "Z", "y": 2}});
    assert_eq!(
        set("title: \nweight: 1\nparams:\n  x:\n  y:   \n", &new),
        "title: About\nweight: 1\nparams:\n  x: Z\n  y: 2\n"
    );
    let dashed = serde_json::json!({"my-key": "v", "flow": {"a": 1}});
    assert_eq!(
        set("my-key:\nflow: {a: }\n", &dashed),
        "my-key: v\nflow: {a: 1}\n"
    );
    let list = serde_json::json!({"tags": ["a", "b"]});
    assert_eq!(set("tags:\n  -\n  - b\n", &list), "tags:\n  - a\n  - b\n");
}

#[test]
fn a_quoted_scalar_going_on_at_its_keys_indentation_is_read_as_hugo_reads_it() {
    let src = "title: T\ndescription: \"first line\nsecond line.\"\nx:\n  d: 'a\n  b'\n  e: \"c\n\n d\"\n\
               projects:\n  - title: \"A long project\n    title\"\n    year: 2020\nlast: 1\n";
    let tree = super::parse(src, 0..src.len()).unwrap();
    assert_eq!(
        tree.to_json(),
        serde_json::json!({
            "title": "T",
            "description": "first line second line.",
            "x": {"d": "a b", "e": "c\nd"},
            "projects": [{"title": "A long project title", "year": 2020}],
            "last": 1
        })
    );
    // Spans are the page's own bytes, so an edit elsewhere leaves them as written.
    let described = tree.get_any_case(&["description"]).unwrap();
    assert_eq!(
        src.get(described.span.clone()).unwrap(),
        "\"first line\nsecond line.\""
    );
    let d = tree.get_any_case(&["x", "d"]).unwrap();
    assert_eq!(src.get(d.span.clone()).unwrap(), "'a\n  b'");
    let last = tree.get_any_case(&["last"]).unwrap();
    assert_eq!(src.get(last.span.clone()).unwrap(), "1");
}

#[test]
fn a_quoted_scalar_that_never_closes_is_still_an_error() {
    let src = "description: \"first line\nsecond line.\nother: 1\n";
    let e = super::parse(src, 0..src.len()).unwrap_err();
    assert!(e.message.contains("invalid YAML"), "{}", e.message);
}

#[test]
fn text_after_a_single_quoted_scalar_is_not_said_to_follow_a_double_quoted_one() {
    // Trial 65 (CLI): `title: 'About' me` was "after double-quoted scalar", the scanner's
    // words for either quote.
    for src in ["title: 'About' me\n", "title: \"About\" me\n"] {
        let e = super::parse(src, 0..src.len()).unwrap_err();
        assert_eq!(
            e.message,
            "invalid YAML: invalid trailing content after a quoted scalar (text after its \
             closing quote)",
            "{src}"
        );
    }
}

#[test]
fn a_kept_block_scalar_is_edited_with_its_trailing_blank_lines_and_keys_go_after_them() {
    let src = "keep: |+\n  kept\n\nnext: 1\n";
    assert_eq!(
        set(src, &serde_json::json!({"keep": "kept!\n\n", "next": 1})),
        "keep: |+\n  kept!\n\nnext: 1\n"
    );
    assert_eq!(
        set(src, &serde_json::json!({"keep": "kept\n", "next": 1})),
        "keep: |\n  kept\nnext: 1\n"
    );
    assert_eq!(
        set(src, &serde_json::json!({"keep": "kept\n\n", "next": 2})),
        "keep: |+\n  kept\n\nnext: 2\n"
    );
    let last = "a: 1\nkeep: |+\n  kept\n\n";
    let added = set(
        last,
        &serde_json::json!({"a": 1, "keep": "kept\n\n", "z": 2}),
    );
    let read = super::parse(&added, 0..added.len()).unwrap().to_json();
    assert_eq!(
        read,
        serde_json::json!({"a": 1, "keep": "kept\n\n", "z": 2}),
        "{added:?}"
    );
    let nested = "m:\n  keep: |+\n    kept\n\n  next: 1\n";
    let edited = set(
        nested,
        &serde_json::json!({"m": {"keep": "more\n\n", "next": 1}}),
    );
    assert_eq!(edited, "m:\n  keep: |+\n    more\n\n  next: 1\n");
}
