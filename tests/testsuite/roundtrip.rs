//! The round-trip law: an unedited page prints back byte for byte, and so does a page
//! whose model went out as JSON and came back unchanged.

use crate::support::{page_fixtures, parse, read};

#[test]
fn every_fixture_prints_back_byte_for_byte() {
    for path in page_fixtures() {
        let text = read(&path);
        assert_eq!(parse(&text).to_string(), text, "{}", path.display());
    }
}

#[test]
fn every_fixture_survives_its_model_going_through_json_and_back() {
    for path in page_fixtures() {
        let text = read(&path);
        let page = parse(&text);
        let json = serde_json::to_string(&page.to_model()).expect("serializes");
        let model: folio::Portfolio = serde_json::from_str(&json).expect("deserializes");
        assert_eq!(
            page.apply(&model).expect("applies").to_string(),
            text,
            "{}",
            path.display()
        );
    }
}

#[test]
fn the_sample_has_the_blocks_a_reader_sees() {
    let model = parse(&crate::support::sample_text()).to_model();
    let kinds: Vec<&str> = model.blocks.iter().map(|b| b.kind()).collect();
    assert_eq!(
        kinds,
        ["markdown", "card", "card", "card", "card", "markdown", "card", "card", "markdown"]
    );
    let folio::Block::Card(first) = &model.blocks[1] else {
        unreachable!()
    };
    assert_eq!(first.title, "Ad-tech platform");
    assert_eq!(first.tech_icons, ["python", "golang", "docker", "aws"]);
    assert_eq!(first.other_tech, ["Kubernetes"]);
    assert_eq!(first.repository, None);
    assert!(
        first.body.starts_with("Spearheaded the development"),
        "{}",
        first.body
    );
    assert!(
        first
            .body
            .contains("\n\n**Main challenges**\n- High volume"),
        "dedented: {}",
        first.body
    );
    let folio::Block::Card(game) = &model.blocks[4] else {
        unreachable!()
    };
    assert_eq!(game.other_tech, ["C#", "F#", "Elixir"]);
    let folio::Block::Card(oss) = &model.blocks[6] else {
        unreachable!()
    };
    assert_eq!(
        oss.repository.as_deref(),
        Some("rviscarra/webrtc-speech-to-text")
    );
    assert_eq!(model.front_matter["weight"], 10);
    assert_eq!(model.front_matter["comments"], false);
}

#[test]
fn comment_escapes_stay_text_and_are_not_cards() {
    let text = read(&crate::support::root().join("tests/fixtures/pages/comment-escapes.md"));
    let page = parse(&text);
    assert!(page.shortcodes().all.is_empty());
    assert_eq!(page.escapes().len(), 4);
    assert!(page
        .to_model()
        .blocks
        .iter()
        .all(|b| b.kind() == "markdown"));
}

#[test]
fn nested_shortcodes_belong_to_their_parents() {
    let text = read(&crate::support::root().join("tests/fixtures/pages/nesting.md"));
    let page = parse(&text);
    let scs = page.shortcodes();
    let names = |ids: &[usize]| {
        ids.iter()
            .map(|&i| scs.all[i].name().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(names(&scs.top), ["columns", "a", "project-card"]);
    let outer = &scs.all[scs.top[0]];
    assert_eq!(names(&outer.children), ["columns", "box"]);
    let card = &scs.all[scs.top[2]];
    assert_eq!(names(&card.children), ["param", "badge"]);
}

#[test]
fn inputs_the_fuzzer_found_round_trip() {
    let dir = crate::support::root().join("tests/fixtures/fuzz");
    for e in std::fs::read_dir(dir).unwrap() {
        let path = e.unwrap().path();
        let text = String::from_utf8(std::fs::read(&path).unwrap()).unwrap();
        let page = folio::Page::parse(&text)
            .unwrap_or_else(|e| panic!("{} no longer parses: {}", path.display(), e.message));
        assert_eq!(page.to_string(), text, "{}", path.display());
        assert_eq!(
            page.apply(&page.to_model()).unwrap().to_string(),
            text,
            "{}",
            path.display()
        );
    }
}
