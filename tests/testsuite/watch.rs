//! Watching with a real file system: plain writes, editors' temp-file-and-rename saves,
//! deletion and re-creation, bursts; temp files of editors never count.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use folio::watch::{Change, Watch};

struct Watched {
    _dir: tempfile::TempDir,
    file: PathBuf,
    other: PathBuf,
    /// A shortcode template, in the watched `layouts/` tree.
    template: PathBuf,
    rx: mpsc::Receiver<Vec<Change>>,
    _watch: Watch,
}

fn watched() -> Watched {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("about.md");
    let other = dir.path().join("hugo.toml");
    fs::write(&file, "one").unwrap();
    fs::write(&other, "a = 1").unwrap();
    let layouts = dir.path().join("layouts");
    let template = layouts.join("shortcodes/card.html");
    fs::create_dir_all(template.parent().unwrap()).unwrap();
    fs::write(&template, "{{ .Get \"a\" }}").unwrap();
    let (tx, rx) = mpsc::channel();
    let watch = Watch::start(&[file.clone(), other.clone()], &[layouts], move |c| {
        let _ = tx.send(c);
    })
    .unwrap();
    std::thread::sleep(Duration::from_millis(100));
    Watched {
        _dir: dir,
        file,
        other,
        template,
        rx,
        _watch: watch,
    }
}

impl Watched {
    /// Every change reported within a moment. A loaded machine may split one save's
    /// events over two debounce windows, each then reporting the file: the same change
    /// twice in a row is one change (the session reads the file once either way).
    fn changes(&self) -> Vec<Change> {
        let mut all = Vec::new();
        if let Ok(c) = self.rx.recv_timeout(Duration::from_secs(5)) {
            all.extend(c);
        }
        while let Ok(c) = self.rx.recv_timeout(Duration::from_millis(300)) {
            all.extend(c);
        }
        all.dedup();
        all
    }

    fn nothing_within(&self, ms: u64) -> bool {
        self.rx.recv_timeout(Duration::from_millis(ms)).is_err()
    }
}

fn modified(p: &Path) -> Change {
    Change::Modified(p.to_path_buf())
}

#[test]
fn a_plain_write_is_one_modification() {
    let w = watched();
    fs::write(&w.file, "two").unwrap();
    assert_eq!(w.changes(), [modified(&w.file)]);
}

#[test]
fn a_vim_style_save_through_a_temp_file_and_rename_is_seen() {
    let w = watched();
    let dir = w.file.parent().unwrap();
    fs::write(dir.join(".about.md.swp"), "swap").unwrap();
    fs::write(dir.join("4913"), "").unwrap();
    fs::remove_file(dir.join("4913")).unwrap();
    fs::rename(&w.file, dir.join("about.md~")).unwrap();
    fs::write(&w.file, "written by vim").unwrap();
    assert_eq!(w.changes(), [modified(&w.file)]);
    // The watch survives the rename: a second save is seen too.
    let tmp = dir.join(".about.md.tmp1234");
    fs::write(&tmp, "written by VS Code").unwrap();
    fs::rename(&tmp, &w.file).unwrap();
    assert_eq!(w.changes(), [modified(&w.file)]);
}

#[test]
fn editor_temp_files_alone_are_ignored() {
    let w = watched();
    let dir = w.file.parent().unwrap();
    fs::write(dir.join(".about.md.swp"), "swap").unwrap();
    fs::write(dir.join("about.md~"), "backup").unwrap();
    assert!(w.nothing_within(500));
    // And the watch is alive: the page itself is still seen.
    fs::write(&w.file, "changed").unwrap();
    assert_eq!(w.changes(), [modified(&w.file)]);
}

#[test]
fn deletion_and_re_creation_are_told_apart() {
    let w = watched();
    fs::remove_file(&w.file).unwrap();
    assert_eq!(w.changes(), [Change::Removed(w.file.clone())]);
    fs::write(&w.file, "back").unwrap();
    assert_eq!(w.changes(), [modified(&w.file)]);
}

#[test]
fn a_rename_away_says_where_it_went() {
    let w = watched();
    let to = w.file.parent().unwrap().join("about-me.md");
    fs::rename(&w.file, &to).unwrap();
    assert_eq!(
        w.changes(),
        [Change::Renamed {
            from: w.file.clone(),
            to
        }]
    );
}

#[test]
fn a_burst_of_writes_is_reported_without_losing_the_last() {
    let w = watched();
    for i in 0..50 {
        fs::write(&w.file, format!("version {i}")).unwrap();
    }
    let changes = w.changes();
    assert!(
        !changes.is_empty() && changes.iter().all(|c| *c == modified(&w.file)),
        "{changes:?}"
    );
    assert_eq!(fs::read_to_string(&w.file).unwrap(), "version 49");
}

#[test]
fn the_config_is_watched_too() {
    let w = watched();
    fs::write(&w.other, "a = 2").unwrap();
    assert_eq!(w.changes(), [modified(&w.other)]);
}

#[test]
fn reading_a_watched_file_is_not_a_change() {
    let w = watched();
    for _ in 0..5 {
        let _ = fs::read_to_string(&w.file).unwrap();
    }
    assert!(w.nothing_within(500), "reading must not look like writing");
    fs::write(&w.file, "changed").unwrap();
    assert_eq!(
        w.changes(),
        [modified(&w.file)],
        "a write after the reads is seen"
    );
}

#[test]
fn a_template_written_or_added_anywhere_under_layouts_is_a_template_change() {
    let w = watched();
    fs::write(&w.template, "{{ .Inner }}").unwrap();
    assert_eq!(w.changes(), [Change::Templates(w.template.clone())]);
    let nested = w.template.parent().unwrap().join("hextra/badge.html");
    fs::create_dir_all(nested.parent().unwrap()).unwrap();
    fs::write(&nested, "x").unwrap();
    assert!(
        w.changes()
            .iter()
            .all(|c| matches!(c, Change::Templates(_))),
        "a new folder and file under layouts/ are template changes"
    );
}

#[test]
fn an_editor_swap_file_beside_a_template_is_not_a_change() {
    let w = watched();
    fs::write(w.template.with_file_name(".card.html.swp"), "swap").unwrap();
    fs::write(w.template.with_file_name("card.html~"), "backup").unwrap();
    assert!(w.nothing_within(400));
}

#[test]
fn a_folder_that_cannot_be_watched_is_named_and_the_others_are_still_watched() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("about.md");
    fs::write(&page, "one").unwrap();
    let gone = dir.path().join("no-such-folder/folio.toml");
    let (tx, rx) = mpsc::channel();
    let watch = Watch::start(&[gone, page.clone()], &[], move |c| {
        let _ = tx.send(c);
    })
    .unwrap();
    assert_eq!(watch.unwatched.len(), 1);
    let message = watch.unwatched[0].to_string();
    assert!(
        message.contains("no-such-folder") && message.contains("cannot watch"),
        "{message}"
    );
    std::thread::sleep(Duration::from_millis(100));
    fs::write(&page, "two").unwrap();
    let seen = rx.recv_timeout(Duration::from_secs(5)).unwrap();
    assert!(seen.contains(&modified(&page)), "{seen:?}");
}

#[test]
fn a_file_among_the_trees_is_watched_alone_and_a_write_to_it_is_a_template_change() {
    let dir = tempfile::tempdir().unwrap();
    let theme = dir.path().join("themes/base");
    fs::create_dir_all(&theme).unwrap();
    let config = theme.join("hugo.toml");
    fs::write(&config, "[params]\na = 1\n").unwrap();
    let (tx, rx) = mpsc::channel();
    let watch = Watch::start(&[], std::slice::from_ref(&config), move |c| {
        let _ = tx.send(c);
    })
    .unwrap();
    assert!(watch.unwatched.is_empty());
    std::thread::sleep(Duration::from_millis(100));
    fs::write(theme.join("README.md"), "not a setting").unwrap();
    assert!(
        rx.recv_timeout(Duration::from_millis(600)).is_err(),
        "another file in the theme's folder is no change"
    );
    fs::write(&config, "[params]\na = 2\n").unwrap();
    let seen = rx.recv_timeout(Duration::from_secs(5)).unwrap();
    assert_eq!(seen, [Change::Templates(config)]);
}
