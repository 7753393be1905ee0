#!/usr/bin/env python3
"""Times `folio dump` and `folio apply` as whole processes on the sample and on a generated
1000-card page: medians of interleaved runs. Target: each <= 10 ms on the 1000-card page.

Usage: benches/cli_timing.py [--runs N] [--folio PATH]
"""
import argparse, os, shutil, statistics, subprocess, sys, tempfile, time

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ap = argparse.ArgumentParser()
ap.add_argument("--runs", type=int, default=40)
ap.add_argument("--folio", default=os.path.join(root, "target/release/folio"))
args = ap.parse_args()

if not os.path.exists(args.folio):
    subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "folio"], cwd=root, check=True)

tmp = tempfile.mkdtemp(prefix="folio-bench-")
try:
    pages = {"sample": os.path.join(tmp, "sample.md"), "1000 cards": os.path.join(tmp, "big.md")}
    shutil.copy(os.path.join(root, "content/content/en/about.md"), pages["sample"])
    with open(pages["1000 cards"], "wb") as f:
        f.write(subprocess.run([args.folio, "bench-page", "1000"], check=True, capture_output=True).stdout)
    models = {}
    for name, page in pages.items():
        models[name] = page + ".json"
        with open(models[name], "wb") as f:
            f.write(subprocess.run([args.folio, "dump", page], check=True, capture_output=True).stdout)

    devnull = os.open(os.devnull, os.O_WRONLY)

    def once(cmd):
        # posix_spawn + waitpid: far less harness overhead than subprocess.run.
        t = time.perf_counter()
        pid = os.posix_spawn(cmd[0], cmd, os.environ, file_actions=[(os.POSIX_SPAWN_DUP2, devnull, 1)])
        _, status = os.waitpid(pid, 0)
        ms = (time.perf_counter() - t) * 1000
        if status != 0:
            sys.exit(f"{' '.join(cmd)} failed ({status})")
        return ms

    times = {(n, c): [] for n in pages for c in ("dump", "apply")}
    times[("(harness)", "true")] = []
    for _ in range(args.runs):
        times[("(harness)", "true")].append(once(["/bin/true"]))
        for name, page in pages.items():
            times[(name, "dump")].append(once([args.folio, "dump", page]))
            times[(name, "apply")].append(once([args.folio, "apply", page, models[name]]))
    print(f"{'page':<12} {'command':<8} {'median ms':>10} {'min ms':>8}  ({args.runs} interleaved runs)")
    for (name, cmd), ts in times.items():
        print(f"{name:<12} {cmd:<8} {statistics.median(ts):>10.2f} {min(ts):>8.2f}")
finally:
    shutil.rmtree(tmp)
