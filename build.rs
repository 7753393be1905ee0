//! Links the `folio` command as a position-dependent executable on Linux with GNU tools.
//!
//! A position-independent executable (the default) is relocated by the dynamic loader at
//! every start: this binary has about 47,000 relative relocations, and applying them writes
//! (and so copies) each page of its `.data.rel.ro`, about 1 MiB. Linked with `-no-pie`, the
//! linker resolves them once and the loader has about a hundred left. Measured on the
//! 1000-card export (`benches/hugo_timing.py`'s site, 31 interleaved runs on a 2-core VM):
//! page faults 2,332 -> 2,074, median 25.5 -> 23.0 ms; on the sample page 6.6 -> 5.1 ms.
//!
//! The cost: the kernel loads the command's own code at a fixed address (its heap, stack
//! and libraries stay randomised). Folio's code has no `unsafe` block; the desktop app is
//! linked as before.

fn main() {
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if os == "linux" && env == "gnu" {
        println!("cargo:rustc-link-arg-bin=folio=-no-pie");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
