//! Crash-safe saving: a saving process killed with SIGKILL at random moments leaves the page
//! holding either its old bytes or its new bytes, never a mix. The new text is written to an
//! unnamed temp file (O_TMPFILE), so a kill leaves nothing behind, except in the instant
//! between naming it and renaming it over the page.

use std::fs;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[test]
#[allow(
    clippy::too_many_lines,
    reason = "one scenario, read top to bottom: spawn, kill, check, repeat"
)]
fn a_save_killed_at_random_moments_leaves_old_or_new_bytes_never_a_mix() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("about.md");
    let old = folio::sample::many_cards(1000);
    fs::write(&page, &old).unwrap();
    let p = folio::Page::parse(&old).unwrap();
    let mut model = p.to_model();
    for b in &mut model.blocks {
        if let folio::Block::Card(c) = b {
            c.title.push_str(" (new)");
        }
    }
    let new = p.apply(&model).unwrap().to_string();
    let model_file = dir.path().join("model.json");
    fs::write(&model_file, serde_json::to_string(&model).unwrap()).unwrap();
    let folio = env!("CARGO_BIN_EXE_folio");
    // How long one save takes here, to spread the kills over it.
    let t = Instant::now();
    assert!(Command::new(folio)
        .arg("apply")
        .arg(&page)
        .arg(&model_file)
        .status()
        .unwrap()
        .success());
    let span = t.elapsed().as_micros().max(1000) as u64;
    assert_eq!(fs::read_to_string(&page).unwrap(), new);
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let (mut saw_old, mut saw_new, mut leftovers) = (0, 0, 0);
    // At least 100 kills; more (with longer delays) if a busy machine made every kill land
    // on the same side of the commit, so both outcomes are really exercised.
    let mut round = 0;
    while round < 100 || (saw_old == 0 || saw_new == 0) && round < 400 {
        let stretch = 1 + round as u64 / 100;
        fs::write(&page, &old).unwrap();
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let delay = Duration::from_micros(seed % (span * 12 / 10 * stretch));
        let mut child = Command::new(folio)
            .arg("apply")
            .arg(&page)
            .arg(&model_file)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(delay);
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        let now = fs::read_to_string(&page).unwrap();
        assert!(
            now == old || now == new,
            "round {round}: the page holds neither the old nor the new bytes ({} bytes)",
            now.len()
        );
        if now == old {
            saw_old += 1
        } else {
            saw_new += 1
        }
        for e in fs::read_dir(dir.path()).unwrap() {
            let name = e.unwrap().file_name().to_string_lossy().into_owned();
            if name == "about.md" || name == "model.json" {
                continue;
            }
            assert!(
                name.starts_with(".about.md."),
                "round {round}: an unexpected file appeared: {name}"
            );
            fs::remove_file(dir.path().join(&name)).unwrap();
            leftovers += 1;
        }
        round += 1;
    }
    // The kills really landed before and after the commit.
    assert!(saw_old > 0 && saw_new > 0, "old {saw_old}, new {saw_new}");
    assert!(
        leftovers * 10 < round,
        "{leftovers} named temp files left in {round} kills"
    );
}
