//! Fuzzes the page parser: any input either fails with a located error or parses, prints back
//! byte for byte, and survives applying its own model.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match folio::Page::parse(text) {
        Ok(page) => {
            assert_eq!(page.to_string(), text);
            let model = page.to_model();
            let again = page.apply(&model).expect("a page's own model applies");
            assert_eq!(again.to_string(), text);
        }
        Err(e) => assert!(e.offset <= text.len(), "error offset past the end"),
    }
});
