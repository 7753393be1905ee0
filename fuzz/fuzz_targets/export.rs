//! Fuzzes `folio export`: any page that parses exports into a folder that holds an
//! `index.html`, or fails with an error; a failed export leaves no folder behind.
#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let open = folio::OpenPage::open(common::site()).expect("the sample opens");
    let Ok(doc) = open.with_text(text) else { return };
    let out = common::site().parent().expect("a folder").join("export-out");
    match folio::export::export(&doc, &out) {
        Ok(report) => assert!(report.dir.join("index.html").is_file()),
        Err(_) => {}
    }
});
