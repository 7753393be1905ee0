#!/usr/bin/env python3
"""A seeded mutation run over every CLI entry point: pages from tests/fixtures, the sample
and the real pages in ../shared/corpus/hugo-pages (read where they are), mutated as text
(multi-byte pieces, quotes, delimiters, line endings, cut and copied ranges), are put in a
copy of the sample site and driven through `folio check`, `folio dump`, `folio export`
and `folio apply` (with a mutated model). It fails on a panic (exit 101 or "panicked"), a
run over 10 s, a write by check, dump or export, or an apply that exits 0 but leaves a page
`folio dump` refuses.

Usage: scripts/mutation_run.py [--seed N] [--inputs N] [--folio PATH]
"""
import argparse, hashlib, json, os, random, shutil, subprocess, sys, tempfile, time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PIECES = ["é", "e\u0301", "中文", "👩\u200d💻", "\u200f", "\u200d", "\r\n", "\n", "\r", "\t",
          "\0", '"', "\\", '\\"', "`", "'", "%", "%aé", "{{<", ">}}", "{{%", "%}}", "{{</*",
          "*/>}}", "[", "](", ")", "<", ">", "---\n", "+++\n", "=", " ", "project-card",
          'title="', "https://x.io/a", "\ufeff"]

ap = argparse.ArgumentParser()
ap.add_argument("--seed", type=int, default=20261130)
ap.add_argument("--inputs", type=int, default=2000)
ap.add_argument("--folio", default=str(ROOT / "target/debug/folio"))
args = ap.parse_args()
rng = random.Random(args.seed)

seeds = sorted(p for d in ["tests/fixtures/pages", "tests/fixtures/parity", "tests/fixtures/fuzz",
                           "tests/fixtures/errors", "content/content"] for p in (ROOT / d).rglob("*.md"))
corpus = ROOT.parent / "shared/corpus/hugo-pages"
if corpus.is_dir():
    seeds += sorted(corpus.glob("*.md"))
texts = [p.read_bytes() for p in seeds]


def mutate_text(b: bytes) -> bytes:
    s = b.decode("utf-8", "replace")
    for _ in range(rng.randint(1, 6)):
        at = rng.randint(0, len(s))
        op = rng.random()
        if op < 0.5:
            s = s[:at] + rng.choice(PIECES) + s[at:]
        elif op < 0.75 and s:
            end = min(len(s), at + rng.randint(1, 40))
            s = s[:at] + s[end:]
        elif s:
            start = rng.randint(0, len(s) - 1)
            s = s[:at] + s[start:start + rng.randint(1, 80)] + s[at:]
    return s.encode("utf-8", "surrogatepass")


def mutate_model(m):
    def walk(v):
        if isinstance(v, str) and rng.random() < 0.3:
            i = rng.randint(0, len(v))
            return v[:i] + rng.choice(PIECES) + v[i:]
        if isinstance(v, list):
            v = [walk(x) for x in v]
            if v and rng.random() < 0.2:
                v.insert(rng.randint(0, len(v)), dict(v[rng.randrange(len(v))]) if isinstance(v[0], dict) else v[0])
            if v and rng.random() < 0.2:
                v.pop(rng.randrange(len(v)))
            if len(v) > 1 and rng.random() < 0.2:
                v.insert(rng.randrange(len(v)), v.pop(rng.randrange(len(v))))
            return v
        if isinstance(v, dict):
            return {k: (v[k] if k in ("kind", "id", "revision") else walk(v[k])) for k in v}
        return v
    return walk(m)


failures = []
stats = {"runs": 0, "max_s": 0.0}


def run(cmd, stdin=None):
    t = time.time()
    try:
        p = subprocess.run([args.folio] + cmd, input=stdin, capture_output=True, timeout=10)
    except subprocess.TimeoutExpired:
        return None, 10.0
    dt = time.time() - t
    stats["runs"] += 1
    stats["max_s"] = max(stats["max_s"], dt)
    return p, dt


def fingerprint(path):
    st = path.stat()
    return hashlib.sha256(path.read_bytes()).hexdigest(), st.st_mtime_ns


with tempfile.TemporaryDirectory() as tmp:
    site = Path(tmp) / "site"
    shutil.copytree(ROOT / "content", site, ignore=shutil.ignore_patterns(".hugo_build.lock"))
    page = site / "content/en/about.md"
    out = Path(tmp) / "out"
    for i in range(args.inputs):
        text = mutate_text(rng.choice(texts))
        page.write_bytes(text)
        before = fingerprint(page)
        for cmd in (["check", str(page)], ["dump", str(page)], ["export", str(site), "--out", str(out)]):
            p, dt = run(cmd)
            name = cmd[0]
            if p is None:
                failures.append((i, name, "over 10 s", text))
            elif p.returncode == 101 or b"panicked" in p.stderr:
                failures.append((i, name, p.stderr.decode(errors="replace")[-400:], text))
            elif fingerprint(page) != before:
                failures.append((i, name, "wrote the page", text))
            if name == "dump" and p is not None and p.returncode == 0:
                model = json.loads(p.stdout)
        p, _ = run(["dump", str(page)])
        if p is None or p.returncode != 0:
            continue
        model = mutate_model(json.loads(p.stdout))
        p, _ = run(["apply", str(page), "-"], json.dumps(model).encode())
        if p is None:
            failures.append((i, "apply", "over 10 s", text))
        elif p.returncode == 101 or b"panicked" in p.stderr:
            failures.append((i, "apply", p.stderr.decode(errors="replace")[-400:], text))
        elif p.returncode == 0:
            again, _ = run(["dump", str(page)])
            if again is None or again.returncode != 0:
                failures.append((i, "apply", "wrote a page dump refuses: " + (again.stderr.decode(errors="replace") if again else "hang"), text))

print(f"{args.inputs} inputs from {len(seeds)} seeds (seed {args.seed}): {stats['runs']} runs, "
      f"slowest {stats['max_s']:.2f} s, {len(failures)} failures")
for i, name, why, text in failures[:10]:
    print(f"- input {i}, {name}: {why}\n  {text[:300]!r}")
sys.exit(1 if failures else 0)
