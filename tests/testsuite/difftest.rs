//! The differential test against Hugo: Markdown documents generated from a small grammar
//! biased to where Folio and Goldmark have differed (quotes and apostrophes next to every
//! other inline construct, emphasis, links, bare URLs with brackets and trailing
//! punctuation, tables, lists, raw HTML, definition lists, headings), all built in one Hugo
//! site, each rendered by Folio, and the normalised HTML compared (`goldmark::normalise`).
//!
//! Each differing document is then minimised (pieces removed while it still differs, every
//! round of candidates built in one Hugo run) and printed with Hugo's and Folio's HTML.
//!
//! `make test` runs [`DOCS`] documents from [`SEED`]; `make difftest` runs thousands
//! (`DIFFTEST_DOCS`, `DIFFTEST_SEED`). The documents left differing must be under 1%, and
//! each must be one of the known differences in [`KNOWN`], which say why.

use std::collections::BTreeMap;

use crate::goldmark::{folio_render, hugo_renders, normalise};

/// Documents and seed of the run in `make test`.
const DOCS: usize = 1000;
const SEED: u64 = 0x5eed_f011_0001;

/// Tells a minimised case of a known difference.
type Known = fn(&str) -> bool;

/// Differences known and left: why, and how to tell a minimised case of it.
const KNOWN: &[(&str, Known)] = &[
    (
        "A bare URL running into `_`, `*`, `~`, a code span or `[…](…)`, or an address with \
         them before its `@`: Goldmark's linkify takes the URL \
         before emphasis and links are read; pulldown-cmark reads those first, and Folio \
         links the text between them.",
        |md| {
            let into = |rest: &str| {
                let word: String = rest.chars().take_while(|c| !c.is_whitespace()).collect();
                word.contains(['_', '*', '~', '[', '`'])
            };
            ["http://", "https://", "www."]
                .iter()
                .any(|scheme| md.split(scheme).skip(1).any(into))
                || md.split_whitespace().any(|w| {
                    w.split_once('@')
                        .is_some_and(|(local, _)| local.contains(['_', '*', '~', '`']))
                })
        },
    ),
    (
        "A header cell Goldmark adds to a short header row has no alignment; pulldown-cmark \
         gives it the column's.",
        |md| {
            let lines: Vec<&str> = md.lines().collect();
            lines.windows(2).any(|w| {
                let short =
                    w[0].trim() == "|" || w[0].matches('|').count() < w[1].matches('|').count();
                w[1].contains(':') && short
            })
        },
    ),
    (
        "Strikethrough (`~~`) where Goldmark's flanking rules let no run open or close: \
         pulldown-cmark's are looser (`em~~<br>~~`, `x~~a@b.c~~`).",
        |md| md.contains("~~"),
    ),
    (
        "A table without pipes inside a list item or a quote (`* a` / `--:`): Folio adds the \
         pipes pulldown-cmark needs at the top level only.",
        |md| {
            md.lines()
                .any(|l| l.trim_start().starts_with(['>', '*', '-', '+']))
                && md
                    .lines()
                    .any(|l| l.contains(":-") || l.contains("-:") || l.contains("- |"))
        },
    ),
    (
        "Definitions of one term separated by a blank line: Goldmark keeps the first tight \
         (no `<p>`), pulldown-cmark makes both loose.",
        |md| md.contains("\n\n: "),
    ),
    (
        "Text Goldmark leaves out of an image's alt or a heading's id (a `<…>` link, an HTML \
         comment) is in Folio's.",
        |md| {
            (md.contains("![") || md.starts_with('#')) && (md.contains("<!--") || md.contains(">"))
        },
    ),
    (
        "A list item starting with `[x](…)` or `[ ](…)`: Goldmark reads a task checkbox \
         even with no space after `]`; pulldown-cmark reads a link.",
        |md| {
            md.contains("* [x](")
                || md.contains("- [x](")
                || md.contains("* [ ](")
                || md.contains("- [ ](")
                || md.contains(". [x](")
        },
    ),
];

/// SplitMix64: a small, fixed, portable generator (the run must be the same everywhere).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.below(from.len())]
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

const WORDS: &[&str] = &[
    "alpha", "Hugo", "it's", "don't", "rock", "n", "em", "twas", "90s", "5", "10", "data",
    "Smiths", "I'm", "you're", "ok", "x",
];
const PUNCT: &[&str] = &[
    ",", ".", "!", "?", ":", ";", "(", ")", "[", "]", "--", "---", "...", "<<", ">>", "&", "&amp;",
    "&quot;", "\\'", "\\*", "'", "\"", "-", "/",
];
const TRAILING: &[&str] = &["", ".", ",", ")", "'", "\"", "!", "?", ">", "*", "_"];

/// A short run of inline content.
fn inline(rng: &mut Rng, depth: usize) -> String {
    let n = 1 + rng.below(if depth == 0 { 8 } else { 3 });
    let mut out = String::new();
    for i in 0..n {
        if i > 0 && !rng.chance(15) {
            out.push(' ');
        }
        out.push_str(&token(rng, depth));
    }
    out
}

fn token(rng: &mut Rng, depth: usize) -> String {
    let deeper = |rng: &mut Rng| {
        if depth < 2 {
            inline(rng, depth + 1)
        } else {
            rng.pick(WORDS).to_string()
        }
    };
    match rng.below(16) {
        0..=3 => rng.pick(WORDS).to_string(),
        4 | 5 => rng.pick(PUNCT).to_string(),
        6 => {
            let q = rng.pick(&["'", "\""]);
            format!("{q}{}{q}", deeper(rng))
        }
        7 => {
            let m = rng.pick(&["*", "_", "**", "~~"]);
            format!("{m}{}{m}", deeper(rng))
        }
        8 => format!("`{}`", rng.pick(WORDS)),
        9 => format!("[{}](https://example.com/{})", deeper(rng), rng.pick(WORDS)),
        10 => {
            let url = rng.pick(&[
                "https://example.com/a",
                "https://example.com/a_(b)",
                "www.example.com/p?q=1",
                "http://x.io",
            ]);
            let wrap = rng.chance(20);
            let t = rng.pick(TRAILING);
            if wrap {
                format!("({url}{t})")
            } else {
                format!("{url}{t}")
            }
        }
        11 => rng
            .pick(&[
                "<https://example.com>",
                "me@example.com",
                "<me@example.com>",
            ])
            .to_string(),
        12 => rng
            .pick(&["<span>x</span>", "<b>", "<!-- c -->", "<br>"])
            .to_string(),
        13 => format!(
            "{}'{}",
            rng.pick(WORDS),
            rng.pick(&["s", "t", "ll", "ve", "", " "])
        ),
        14 => format!("'{}", rng.pick(WORDS)),
        _ => format!("{}\"", rng.pick(WORDS)),
    }
}

/// A table of 2 or 3 columns, with or without outer pipes.
fn table(rng: &mut Rng) -> String {
    let cols = 2 + rng.below(2);
    let pipes = rng.chance(50);
    let row = |rng: &mut Rng, cells: Vec<String>| {
        let inner = cells.join(" | ");
        if pipes {
            format!("| {inner} |")
        } else {
            let _ = rng;
            inner
        }
    };
    let head = (0..cols).map(|_| rng.pick(WORDS).to_string()).collect();
    let delim = (0..cols)
        .map(|_| rng.pick(&["---", ":--", "--:", ":-:"]).to_string())
        .collect();
    let mut lines = vec![row(rng, head), row(rng, delim)];
    for _ in 0..1 + rng.below(2) {
        let cells = (0..cols).map(|_| inline(rng, 2)).collect();
        lines.push(row(rng, cells));
    }
    lines.join("\n")
}

fn block(rng: &mut Rng) -> String {
    match rng.below(12) {
        0..=4 => {
            let mut p = inline(rng, 0);
            if rng.chance(30) {
                p.push('\n');
                p.push_str(&inline(rng, 0));
            }
            p
        }
        5 => format!("{} {}", "#".repeat(1 + rng.below(3)), inline(rng, 1)),
        6 => {
            let marker = rng.pick(&["-", "*", "1."]);
            (0..2 + rng.below(2))
                .map(|_| format!("{marker} {}", inline(rng, 1)))
                .collect::<Vec<_>>()
                .join("\n")
        }
        7 => format!("> {}", inline(rng, 0)),
        8 => {
            let t = table(rng);
            if rng.chance(40) {
                format!("{}\n{t}", inline(rng, 1))
            } else {
                t
            }
        }
        9 => format!("```\n{}\n```", inline(rng, 1)),
        10 => format!("<div>\n{}\n</div>", inline(rng, 1)),
        _ => format!("{}\n: {}", rng.pick(WORDS), inline(rng, 1)),
    }
}

/// Document `i` of the run from `seed`.
fn document(seed: u64, i: usize) -> String {
    let mut rng = Rng(seed ^ (i as u64).wrapping_mul(0x2545_f491_4f6c_dd1d));
    let n = 1 + rng.below(3);
    (0..n)
        .map(|_| block(&mut rng))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The documents, by name, whose HTML differs from Hugo's.
fn differing(docs: &BTreeMap<String, String>, dir: &std::path::Path) -> BTreeMap<String, String> {
    let hugo = hugo_renders(docs, dir);
    docs.iter()
        .filter_map(|(name, md)| {
            let html = hugo.get(name)?;
            (normalise(html) != normalise(&folio_render(md))).then(|| (name.clone(), html.clone()))
        })
        .collect()
}

/// The pieces of `md` a minimising step may remove: its lines, then its words.
fn without_one_piece(md: &str) -> Vec<String> {
    let lines: Vec<&str> = md.split('\n').collect();
    let mut out: Vec<String> = (0..lines.len())
        .filter(|_| lines.len() > 1)
        .map(|i| {
            let mut l = lines.clone();
            l.remove(i);
            l.join("\n")
        })
        .collect();
    let words: Vec<&str> = md.split(' ').collect();
    out.extend((0..words.len()).filter(|_| words.len() > 1).map(|i| {
        let mut w = words.clone();
        w.remove(i);
        w.join(" ")
    }));
    out.retain(|c| !c.trim().is_empty());
    out
}

/// Shrinks each differing document while it still differs: every round builds all the
/// candidates of every document in one Hugo run.
fn minimise(
    mut cases: BTreeMap<String, String>,
    dir: &std::path::Path,
) -> BTreeMap<String, String> {
    for round in 0..40 {
        let mut candidates = BTreeMap::new();
        for (name, md) in &cases {
            for (j, c) in without_one_piece(md).into_iter().enumerate() {
                candidates.insert(format!("{name}-{j:03}"), c);
            }
        }
        if candidates.is_empty() {
            break;
        }
        let still = differing(&candidates, &dir.join(format!("round-{round}")));
        let mut shrunk = false;
        for (name, md) in cases.iter_mut() {
            let best = still
                .keys()
                .filter(|k| k.strip_prefix(name.as_str()).is_some_and(|r| r.len() == 4))
                .map(|k| &candidates[k])
                .min_by_key(|c| c.len());
            if let Some(best) = best.filter(|b| b.len() < md.len()) {
                *md = best.clone();
                shrunk = true;
            }
        }
        if !shrunk {
            break;
        }
    }
    cases
}

#[test]
fn generated_documents_render_as_hugo_renders_them() {
    let docs_n = std::env::var("DIFFTEST_DOCS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(DOCS);
    let seed = std::env::var("DIFFTEST_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(SEED);
    let dir = tempfile::tempdir().unwrap();
    let docs: BTreeMap<String, String> = (0..docs_n)
        .map(|i| (format!("doc-{i:05}"), document(seed, i)))
        .collect();
    let differ = differing(&docs, &dir.path().join("all"));
    let small = minimise(
        differ
            .keys()
            .map(|k| (k.clone(), docs[k].clone()))
            .collect(),
        dir.path(),
    );
    let hugo = hugo_renders(&small, &dir.path().join("small"));
    let unknown: Vec<String> = small
        .iter()
        .filter(|(_, md)| {
            // DIFFTEST_ALL=1 prints the known ones too.
            std::env::var_os("DIFFTEST_ALL").is_some() || !KNOWN.iter().any(|(_, known)| known(md))
        })
        .map(|(name, md)| {
            format!(
                "{name}: {md:?}\n  hugo:  {}\n  folio: {}",
                normalise(hugo.get(name).map_or("", String::as_str)),
                normalise(&folio_render(md))
            )
        })
        .collect();
    for (reason, known) in KNOWN {
        let n = small.values().filter(|md| known(md)).count();
        let head: String = reason.chars().take(60).collect();
        println!("difftest: {n:4} known: {head}…");
    }
    let rate = differ.len() as f64 * 100.0 / docs_n as f64;
    println!(
        "difftest: {} of {docs_n} documents differ from Hugo ({rate:.1}%), {} not known (seed {seed})",
        differ.len(),
        unknown.len()
    );
    assert!(
        unknown.is_empty() && rate < 1.0,
        "{} of {docs_n} documents differ from Hugo ({rate:.1}%); minimised, the unknown ones:\n{}",
        differ.len(),
        unknown.join("\n")
    );
}
