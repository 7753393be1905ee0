#[test]
fn scratch() {
    let src = std::fs::read_to_string("content/content/en/about.md").unwrap();
    let page = folio::Page::parse(&src).unwrap();
    let mut m = page.to_model();
    println!("{}", serde_json::to_string_pretty(&m).unwrap());
    assert_eq!(page.apply(&m).unwrap(), src);
    if let folio::Block::Card(c) = &mut m.blocks[1] { c.title = "New \"title\"".into(); c.body.push_str("\n- one more"); c.repository = Some("a/b".into()); }
    m.front_matter.insert("title".into(), "About me".into());
    m.front_matter.insert("draft".into(), true.into());
    let out = page.apply(&m).unwrap();
    println!("{}", out);
    m.blocks.swap(1, 3);
    m.blocks.remove(5);
    let out = page.apply(&m).unwrap();
    println!("=====\n{}", out);
}
