#!/usr/bin/env python3
"""Counts the instructions `folio export` runs on a generated 1000-card page, with
valgrind's callgrind: the whole process and the functions the export's time goes to.

Wall times on a shared machine move by 15% from run to run; instruction counts move by
about 1% (the hash maps' random seeds), so a change of a few percent shows here first.
Counts are not times: they miss page faults, cache misses and the other threads. For
counts that do not depend on how calls are shared between threads, run it with
`FOLIO_THREADS=1` (the figures in the issue notes say which).

Usage: benches/instructions.py [--folio PATH] [--keep FILE]
Needs valgrind (`apt-get install valgrind`).
"""
import argparse, os, re, shutil, subprocess, sys, tempfile

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ap = argparse.ArgumentParser()
ap.add_argument("--folio", default=os.path.join(root, "target/release/folio"))
ap.add_argument("--keep", help="where to keep callgrind's output, for callgrind_annotate")
args = ap.parse_args()

if shutil.which("valgrind") is None:
    sys.exit("valgrind not found: apt-get install valgrind")
if not os.path.exists(args.folio):
    subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "folio"], cwd=root, check=True)

# The functions whose inclusive counts say where an export's work goes. callgrind lists a
# function once per source file its inlined code comes from; the largest line (the first,
# as the report is sorted) is the whole function. A function's count covers the calls it
# makes on its own thread: the page's render is left out, as the pool's thread renders
# calls outside it, and how many varies from run to run.
WATCHED = [
    ("page read and parsed", r":folio::page::Page::read\b"),
    ("calls rendered", r":folio::render::shortcodes::<impl folio::render::Renderer>::shortcode\b"),
    ("  site templates run", r":folio::templates::engine::render_shortcode\b"),
    ("    markdownify", r":<folio::render::templates::MarkdownHost as folio::templates::engine::Host>::markdownify\b"),
    ("  call contexts built", r":folio::templates::engine::objects::ShortcodeCall::to_value\b"),
    ("Markdown rendered (all)", r":folio::render::markdown::Markdown::render\b"),
    # The `folio` command allocates with mimalloc (`src/bin/folio.rs`).
    ("allocator: malloc", r":mi_malloc_aligned\b"),
    ("allocator: free", r":mi_free\b"),
]

tmp = tempfile.mkdtemp(prefix="folio-instructions-")
try:
    site = os.path.join(tmp, "site")
    shutil.copytree(os.path.join(root, "content"), site, ignore=shutil.ignore_patterns(".hugo_build.lock"))
    page = os.path.join(site, "content/en/about.md")
    with open(page, "wb") as f:
        f.write(subprocess.run([args.folio, "bench-page", "1000"], check=True, capture_output=True).stdout)
    out = args.keep or os.path.join(tmp, "callgrind.out")
    subprocess.run(
        ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", "--separate-threads=no",
         args.folio, "export", page, "--out", os.path.join(site, "out")],
        check=True, capture_output=True)
    report = subprocess.run(["callgrind_annotate", "--inclusive=yes", out],
                            check=True, capture_output=True, text=True).stdout
    total = re.search(r"^\s*([\d,]+) \([^)]*\)\s+PROGRAM TOTALS", report, re.M)
    print(f"{'1000-card export':<28} {total.group(1) if total else '?':>14} instructions")
    for label, pattern in WATCHED:
        line = next((l for l in report.splitlines() if re.search(pattern, l)), None)
        count = line.split()[0] if line else "-"
        print(f"{label:<28} {count:>14}")
finally:
    shutil.rmtree(tmp)
