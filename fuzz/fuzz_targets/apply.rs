//! Fuzzes apply: a random page and a random change to its model (any Unicode in strings,
//! blocks added, removed, moved and copied, keys added and removed) either gives a page that
//! parses and that Folio's reader accepts, or is refused with an error naming the field.
#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((text, mut b)) = common::split(data) else { return };
    let Ok(page) = folio::Page::parse(text) else { return };
    let mut model = page.to_model();
    model.revision = None;
    common::mutate(&mut model, &mut b);
    match page.apply(&model) {
        Ok(edited) => {
            let out = edited.to_string();
            folio::fs::decode(std::path::Path::new("fuzz.md"), out.clone().into_bytes())
                .expect("apply wrote text the reader refuses");
            let again = folio::Page::parse(&out).expect("apply returned a page that does not parse");
            assert_eq!(again.to_string(), out);
        }
        Err(e) => assert!(!e.at.is_empty(), "an error that names no field: {}", e.message),
    }
});
