//! `folio`: the engine without the window — check, dump, apply, export.
//!
//! Exit status: 0 success, 1 a problem with the input (located on stderr), 2 bad usage.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use folio::check::{self, Severity};
use folio::{Error, OpenPage, Portfolio};

#[derive(Parser)]
#[command(
    name = "folio",
    version,
    about = "Edit the portfolio page of a Hugo site without touching a byte you did not change."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check pages or whole sites: prints `path:line:col: severity: message` per problem.
    ///
    /// Exits 1 if any error was found (warnings alone exit 0).
    Check {
        /// Page files or site folders.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Print a page's model (front matter, blocks, site params) as JSON.
    Dump {
        /// The page file, or a site folder (its page, as `export` finds it).
        page: PathBuf,
    },
    /// Apply a model (as printed by `dump`) to a page, writing only the bytes that differ.
    ///
    /// An unchanged model leaves the files, and their modification times, untouched.
    Apply {
        /// The page file, or a site folder (its page, as `dump` finds it).
        page: PathBuf,
        /// The model JSON file, or `-` (the default) for standard input.
        #[arg(default_value = "-")]
        model: PathBuf,
        /// Print the new page text instead of writing it.
        #[arg(long)]
        dry_run: bool,
    },
    /// Export a page as a static HTML folder that opens from disk.
    ///
    /// PATH is a page file (its site is found by walking up) or a site folder (its first
    /// portfolio page, else its only page). The folder is replaced only if it is new, empty, or an earlier
    /// Folio export; files Folio did not write are never deleted.
    Export {
        /// A page file or a site folder.
        path: PathBuf,
        /// The folder to write (`index.html` and `assets/`).
        #[arg(long, short)]
        out: PathBuf,
        /// Link the site's own stylesheets (its `static/**/*.css`, and the `assets/`
        /// stylesheets its templates name, SCSS compiled) instead of Folio's.
        #[arg(long)]
        site_styles: bool,
    },
    /// List the shortcodes a site can call, learned from its templates: name, template
    /// file, whether calls take a body, and each parameter with the kind of value the
    /// template makes of it.
    Shortcodes {
        /// The site folder (or a page in it).
        site: PathBuf,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Print a generated page with N project cards (for benchmarks).
    #[command(hide = true)]
    BenchPage { cards: usize },
}

/// mimalloc, not glibc's allocator: an export allocates many small values (template
/// values, Markdown events, strings) on several threads. On the 1000-card page, with one
/// thread, it ran 6% fewer instructions (`benches/instructions.py`: 117.9 M with glibc's,
/// 110.7 M), at the cost of about 3 MB more memory at the peak (18.5 MB).
///
/// Its version 2 (the `v2` feature), not 3: with the same instruction counts, 3 took 20%
/// longer on the 1000-card page (medians of 61 interleaved runs: 23.7 against 19.7 ms) and
/// 31% longer on the sample (8.8 against 6.7 ms; glibc's allocator: 7.4 ms).
///
/// mimalloc does not ask for transparent huge pages (`no_thp`): when it did, an export
/// faulted in about eleven 2 MiB pages, each zeroed whole, and right after a Hugo build
/// (memory in small pieces) waited for the kernel to compact memory. Interleaved with
/// Hugo, the 1000-card export's 75th percentile was 50.3 ms with them and 33.8 ms without
/// (medians 32.7 and 29.4 ms). On a machine whose kernel gives huge pages to every large
/// mapping (`transparent_hugepage/enabled` set to `always`), it still gets them.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `mi_option_purge_delay`: the 16th option of `mi_option_t` in its version 2
/// (`include/mimalloc.h`), which the `libmimalloc-sys` crate does not name.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Tells mimalloc to keep the memory the command frees instead of giving it back to the
/// system 10 ms later (its `purge_delay`): a command lives for milliseconds, and memory
/// given back is zeroed again by the kernel when touched. On the 1000-card export this
/// saved 0.5 ms of 14 (medians of 41 runs interleaved with Hugo; the memory given back
/// was also given back again at exit, `madvise` on each of mimalloc's segments).
fn keep_freed_memory() {
    // SAFETY: an option setter of the allocator, called before any thread is started
    // (mimalloc's setters are not thread-safe), with a value the option takes (-1: never).
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1) }
}

fn main() -> ExitCode {
    keep_freed_memory();
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check { paths } => return check(&paths),
        Command::Dump { page } => dump(&page),
        Command::Apply {
            page,
            model,
            dry_run,
        } => apply(&page, &model, dry_run),
        Command::Export {
            path,
            out,
            site_styles,
        } => export(&path, &out, site_styles),
        Command::Shortcodes { site, json } => shortcodes(&site, json),
        Command::BenchPage { cards } => std::io::stdout()
            .write_all(folio::sample::many_cards(cards).as_bytes())
            .map_err(|e| Error::io(Path::new("<stdout>"), e)),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}

fn check(paths: &[PathBuf]) -> ExitCode {
    let mut errors = 0;
    let mut out = std::io::stdout().lock();
    for path in paths {
        for d in check::check_path(path) {
            if d.severity == Severity::Error {
                errors += 1;
            }
            let _ = writeln!(out, "{d}");
        }
    }
    if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn dump(path: &Path) -> Result<(), Error> {
    let doc = OpenPage::open(&folio::site::page_of(path)?)?;
    let json = serde_json::to_string_pretty(&doc.model()).expect("the model always serializes");
    let mut out = std::io::stdout().lock();
    writeln!(out, "{json}").map_err(|e| Error::io(Path::new("<stdout>"), e))
}

fn apply(path: &Path, model_path: &Path, dry_run: bool) -> Result<(), Error> {
    let doc = OpenPage::open(&folio::site::page_of(path)?)?;
    let (text, shown) = if model_path == Path::new("-") {
        let mut s = String::new();
        std::io::stdin()
            .read_to_string(&mut s)
            .map_err(|e| Error::io(Path::new("<stdin>"), e))?;
        (s, PathBuf::from("<stdin>"))
    } else {
        (folio::fs::read_text(model_path)?, model_path.to_path_buf())
    };
    let model = Portfolio::read_over(&text, doc.model()).map_err(|e| Error::Syntax {
        path: shown.clone(),
        line: e.line(),
        // serde_json's column is 0 where the error is at a line's start (the model ends
        // after a line break); a column is counted from 1.
        col: e.column().max(1),
        message: format!("invalid model: {}", strip_position(&e.to_string())),
    })?;
    let plan = doc.plan(&model, &shown)?;
    if let Some(edited) = &plan.page {
        check::refuse_new_build_stops(&doc, edited, &shown)?;
    }
    if dry_run {
        let out = plan.page.as_deref().unwrap_or(doc.page.source());
        return std::io::stdout()
            .write_all(out.as_bytes())
            .map_err(|e| Error::io(Path::new("<stdout>"), e));
    }
    doc.write(&plan)
}

/// What `folio check` says of the page `doc` exported: its site's problems (a template
/// that does not parse, which stops Hugo's build), then the page's, `rendered` giving
/// what the export's render found ([`check::check_doc_with`]).
fn export_problems(
    doc: &OpenPage,
    rendered: impl FnOnce() -> Option<folio::render::Findings>,
) -> Vec<check::Diagnostic> {
    let mut problems = check::site_problems(&doc.site);
    problems.extend(check::check_doc_with(doc, rendered));
    problems
}

fn export(path: &Path, out: &Path, site_styles: bool) -> Result<(), Error> {
    let page = folio::site::page_of(path)?;
    let doc = OpenPage::open(&page)?;
    // What `folio check` says of the page, located, the site's problems first (a template
    // that does not parse, which stops Hugo's build): where the export is not what Hugo
    // builds (Folio's card for a call whose template it cannot run, a reference to no
    // page) is among it. The checks of the page's text run while the page is rendered,
    // and the rest while the files are written.
    let (report, problems) = std::thread::scope(|scope| {
        // Made inside the scope, so a panic of the render drops the sender before the
        // scope waits for the check: the check is then given no findings, and ends.
        let (findings, rendered) = std::sync::mpsc::channel();
        let doc = &doc;
        let checking = folio::threads::spawn_scoped(scope, std::thread::Builder::new(), {
            move || export_problems(doc, move || Some(rendered.recv().unwrap_or_default()))
        })
        .ok();
        let mut found = None;
        let report = folio::export::prepare(doc, out, site_styles).and_then(|mut prepared| {
            found = Some(prepared.take_findings());
            if checking.is_some() {
                let _ = findings.send(found.take().unwrap_or_default());
            }
            prepared.write()
        });
        // A failed export's check is given no findings either: it does not render the
        // page itself.
        drop(findings);
        let problems = match checking {
            Some(thread) => thread
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            // No thread to start: the page is checked after its export.
            None => export_problems(doc, || Some(found.unwrap_or_default())),
        };
        (report, problems)
    });
    let report = report?;
    for problem in problems {
        eprintln!("{problem}");
    }
    for w in &report.warnings {
        match w.at(doc.page.source()) {
            Some((line, col)) => {
                eprintln!("{}:{line}:{col}: warning: {}", page.display(), w.message)
            }
            None => eprintln!("{}: warning: {}", page.display(), w.message),
        }
    }
    eprintln!(
        "exported {} ({}) to {}",
        page.display(),
        report.language.name,
        report.dir.join("index.html").display()
    );
    if !report.other_languages.is_empty() {
        eprintln!(
            "note: the site's other languages ({}) are exported from their own pages: folio export PAGE --out DIR",
            report.other_languages.join(", ")
        );
    }
    Ok(())
}

fn shortcodes(path: &Path, json: bool) -> Result<(), Error> {
    let site = if path.is_dir() {
        folio::Site::open_dir(path)?
    } else if path.is_file() {
        folio::Site::for_page(path)?
    } else {
        let missing = std::io::Error::new(std::io::ErrorKind::NotFound, "no such file or folder");
        return Err(Error::io(path, missing));
    };
    let mut out = std::io::stdout().lock();
    let text = if json {
        let all: Vec<_> = site.shortcodes.iter().collect();
        serde_json::to_string_pretty(&all).expect("the catalogue always serializes") + "\n"
    } else {
        catalogue_text(&site.shortcodes)
    };
    out.write_all(text.as_bytes())
        .map_err(|e| Error::io(Path::new("<stdout>"), e))
}

/// One paragraph per shortcode: `name  file  paired|standalone`, then a line per parameter.
fn catalogue_text(catalogue: &folio::templates::Catalogue) -> String {
    use folio::templates::Origin;
    use std::fmt::Write as _;
    let mut s = String::new();
    for t in catalogue.iter() {
        let from = match &t.origin {
            Origin::BuiltIn => "built into Hugo".to_string(),
            _ => t
                .files
                .iter()
                .map(|f| f.display().to_string())
                .collect::<Vec<_>>()
                .join(", "),
        };
        let pairing = if t.schema.paired {
            "paired"
        } else {
            "standalone"
        };
        let _ = writeln!(s, "{}  {from}  {pairing}", t.name);
        if let Some(p) = &t.problem {
            let _ = writeln!(s, "  error: {p}");
        }
        for p in &t.schema.params {
            let default = p
                .default
                .as_ref()
                .map(|d| format!("  (default {d:?})"))
                .unwrap_or_default();
            let choices = if p.choices.is_empty() {
                String::new()
            } else {
                format!("  (one of {})", p.choices.join(", "))
            };
            let _ = writeln!(s, "  {}: {}{default}{choices}", p.key, p.kind.name());
        }
        if t.schema.reads_all_params {
            let _ = writeln!(s, "  (reads every parameter)");
        }
    }
    s
}

fn strip_position(msg: &str) -> &str {
    msg.split_once(" at line ").map_or(msg, |(m, _)| m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_purge_delay_option_is_the_one_mimalloc_documents_with_a_default_of_10_ms() {
        // SAFETY: reads an option; nothing sets options in this test binary.
        let delay = unsafe { libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY) };
        assert_eq!(delay, 10);
        // Its neighbours, `eager_commit_delay` and `use_numa_nodes`, default to 1 and 0.
        assert_eq!(unsafe { libmimalloc_sys::mi_option_get(14) }, 1);
        assert_eq!(unsafe { libmimalloc_sys::mi_option_get(16) }, 0);
    }
}
