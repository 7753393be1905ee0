//! Fuzzes the site loader: any config text (TOML, YAML or JSON, as `hugo.*`) loads with an
//! error or gives params, languages and a params edit that keeps the config readable.
#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else { return };
    let page = common::site();
    let root = page.parent().and_then(|p| p.parent()).and_then(|p| p.parent()).expect("the site root");
    for name in ["hugo.toml", "hugo.yaml", "hugo.json"] {
        let _ = std::fs::remove_file(root.join(name));
    }
    let name = ["hugo.toml", "hugo.yaml", "hugo.json"][usize::from(which % 3)];
    std::fs::write(root.join(name), rest).expect("the config is written");
    let Ok(site) = folio::Site::for_page(page) else { return };
    let _ = site.languages();
    let mut params = site.params();
    params.insert("email".into(), serde_json::Value::String("é\"\\ x".into()));
    if let Ok(Some((path, text))) = site.params_edit(&params) {
        assert_eq!(path, root.join(name));
        let _ = site.with_params_text(&text);
    }
});
