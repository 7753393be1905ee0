//! Fuzzes `folio check`: any page text in a real site gives diagnostics located inside the
//! file, and never writes it.
#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let page = common::site();
    std::fs::write(page, data).expect("the page is written");
    let lines = data.split(|&b| b == b'\n').count();
    for d in folio::check::check_path(page) {
        assert!(d.line >= 1 && d.line <= lines + 1, "{d}: the file has {lines} lines");
    }
    assert_eq!(common::bytes_of(page), data, "check wrote the page");
});
