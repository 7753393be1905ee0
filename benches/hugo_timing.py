#!/usr/bin/env python3
"""Times `folio export` against `hugo` building the same page: interleaved runs, medians,
on the sample and on a generated 1000-card page. Target: Folio >= 10x faster on both.
`make bench` runs it on the release build and on the command the package ships
(`--folio target/dist/folio`, built with profile-guided optimisation by scripts/pgo.sh).

Usage: benches/hugo_timing.py [--runs N] [--folio PATH] [--hugo PATH]
"""
import argparse, os, shutil, statistics, subprocess, sys, tempfile, time

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ap = argparse.ArgumentParser()
ap.add_argument("--runs", type=int, default=15)
ap.add_argument("--folio", default=os.path.join(root, "target/release/folio"))
ap.add_argument("--hugo", default=os.environ.get("HUGO", os.path.join(root, "target/tools/hugo/bin/hugo")))
args = ap.parse_args()

if not os.path.exists(args.folio):
    subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "folio"], cwd=root, check=True)
if not os.path.exists(args.hugo):
    sys.exit("Hugo not found: run `make deps-test` or pass --hugo")

devnull = os.open(os.devnull, os.O_WRONLY)

def once(cmd):
    t = time.perf_counter()
    pid = os.posix_spawn(cmd[0], cmd, os.environ, file_actions=[(os.POSIX_SPAWN_DUP2, devnull, 1), (os.POSIX_SPAWN_DUP2, devnull, 2)])
    _, status = os.waitpid(pid, 0)
    ms = (time.perf_counter() - t) * 1000
    if status != 0:
        sys.exit(f"{' '.join(cmd)} failed ({status})")
    return ms

tmp = tempfile.mkdtemp(prefix="folio-hugo-bench-")
try:
    sites = {}
    for name in ("sample", "1000 cards"):
        site = os.path.join(tmp, name.replace(" ", "-"))
        shutil.copytree(os.path.join(root, "content"), site, ignore=shutil.ignore_patterns(".hugo_build.lock"))
        if name == "1000 cards":
            page = subprocess.run([args.folio, "bench-page", "1000"], check=True, capture_output=True).stdout
            with open(os.path.join(site, "content/en/about.md"), "wb") as f:
                f.write(page)
        sites[name] = site
    times = {}
    for _ in range(args.runs):
        for name, site in sites.items():
            page = os.path.join(site, "content/en/about.md")
            times.setdefault((name, "folio export"), []).append(
                once([args.folio, "export", page, "--out", os.path.join(site, "folio-out")]))
            times.setdefault((name, "hugo"), []).append(
                once([args.hugo, "--source", site, "--destination", os.path.join(site, "hugo-out"), "--quiet"]))
    print(f"{'page':<12} {'tool':<14} {'median ms':>10} {'min ms':>8}   ({args.runs} interleaved runs)")
    for (name, tool), ts in times.items():
        print(f"{name:<12} {tool:<14} {statistics.median(ts):>10.1f} {min(ts):>8.1f}")
    for name in sites:
        f = statistics.median(times[(name, "folio export")])
        h = statistics.median(times[(name, "hugo")])
        print(f"{name}: Folio is {h / f:.1f}x faster than Hugo")
finally:
    shutil.rmtree(tmp)
