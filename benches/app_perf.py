#!/usr/bin/env python3
"""Measures the real app (under Xvfb, through tauri-driver): start -> interactive,
keystroke -> preview updated (performance marks in the UI, read through WebDriver), and the
resident memory of all its processes, on the sample and on a 1000-card page; and start ->
interactive and a card deleted -> forms redrawn on a 12,000-card page (4.6 MB).

Targets: keystroke -> preview median <= 16 ms (sample), <= 50 ms (1000 cards);
start -> interactive <= 1 s; memory <= 150 MB with the sample open; an outside write ->
preview updated median <= 150 ms.

Keystrokes come `--gap` ms apart, as a person types; back to back (--gap 0), each preview
load also waits for WebKit to finish with the previous document (about 50 ms here).

With --real-keys the keystrokes come from the X server (xdotool) and are timed from the
page's `keydown` to the preview's swap: the path a person's typing takes. By default the
page sets the field's value and sends an `input` event itself.

Usage: benches/app_perf.py [--app PATH] [--keys N] [--gap MS] [--compositing] [--real-keys]
"""
import argparse, os, shutil, statistics, subprocess, sys, tempfile, time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests/e2e"))
import webdriver as wd  # noqa: E402

ap = argparse.ArgumentParser()
ap.add_argument("--app", default=str(ROOT / "target/release/folio-desktop"))
ap.add_argument("--keys", type=int, default=40)
ap.add_argument("--gap", type=int, default=150, help="ms between keystrokes (a fast typist: ~150)")
ap.add_argument("--compositing", action="store_true",
                help="WebKit's default (GPU) compositing mode, as on a desktop; software GL under Xvfb")
ap.add_argument("--real-keys", action="store_true",
                help="keystrokes from the X server (xdotool), timed from the page's keydown")
args = ap.parse_args()
if not Path(args.app).exists():
    sys.exit(f"{args.app} not found: build it (cargo build --release -p folio-desktop)")

procs = []
tmp = Path(tempfile.mkdtemp(prefix="folio-perf-"))
env = dict(os.environ, FOLIO_DATA_DIR=str(tmp / "data"))
if not args.compositing:
    env["WEBKIT_DISABLE_COMPOSITING_MODE"] = "1"
if not env.get("DISPLAY"):
    env["DISPLAY"] = ":97"
    procs.append(subprocess.Popen(["Xvfb", ":97", "-screen", "0", "1440x900x24", "-nolisten", "tcp"], stderr=subprocess.DEVNULL))
    time.sleep(1)
procs.append(subprocess.Popen([str(ROOT / "target/tools/bin/tauri-driver"), "--port", "4455",
                               "--native-driver", shutil.which("WebKitWebDriver")], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
base = "http://127.0.0.1:4455"


def memory_of(app_name):
    """RSS and PSS (MB) of the app and the WebKit processes it started."""
    pids = {}
    for p in Path("/proc").iterdir():
        if p.name.isdigit():
            try:
                stat = (p / "stat").read_text()
                ppid = int(stat.rsplit(")", 1)[1].split()[1])
                pids[int(p.name)] = (ppid, (p / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace"))
            except OSError:
                pass
    roots = [pid for pid, (_, cmd) in pids.items() if app_name in cmd.split(" ")[0]]
    family = set(roots)
    changed = True
    while changed:
        changed = False
        for pid, (ppid, _) in pids.items():
            if ppid in family and pid not in family:
                family.add(pid)
                changed = True
    rss = pss = 0
    for pid in family:
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Rss:"):
                    rss += int(line.split()[1])
                elif line.startswith("Pss:"):
                    pss += int(line.split()[1])
        except OSError:
            pass
    return rss / 1024, pss / 1024, len(family)


def synthetic_keys(s):
    """Keystrokes typed from inside the page (an input event per character, `gap` ms apart):
    a WebDriver command in flight slows the app's own IPC, which would skew what is measured.
    Returns each keystroke's time to the preview (ms) and the stages' marks."""
    result = s.execute_async("""
        const [keys, gap, done] = arguments;
        const el = document.querySelector('[data-key="b1:title"]');
        el.focus();
        window.folioTimings.length = 0; window.folioStages.length = 0;
        const settled = () => document.body.dataset.version === document.body.dataset.previewVersion;
        const sleep = (ms) => new Promise(r => setTimeout(r, ms));
        (async () => {
          for (let i = 0; i < keys; i++) {
            el.value += i % 2 ? 'y' : 'x';
            el.dispatchEvent(new Event('input', { bubbles: true }));
            await sleep(1);
            while (!settled()) await sleep(1);
            await sleep(gap);
          }
          done({ timings: window.folioTimings, stages: window.folioStages });
        })();
    """, args.keys, args.gap)
    return result["timings"], result["stages"]


def real_keys(s):
    """Keystrokes from the X server into the focused title field, `gap` ms apart, each timed
    from the page's keydown to the swap of a preview newer than the one shown then. Returns as
    `synthetic_keys` does."""
    s.execute("""
        const el = document.querySelector('[data-key="b1:title"]');
        el.focus();
        window.folioKeys = [];
        window.folioStages.length = 0;
        const version = () => Number(document.body.dataset.previewVersion);
        document.addEventListener('keydown', () => window.folioKeys.push({ t0: performance.now(), before: version() }), true);
        new MutationObserver(() => {
          const now = performance.now();
          for (const k of window.folioKeys) if (k.shown === undefined && version() > k.before) k.shown = now - k.t0;
        }).observe(document.body, { attributes: true, attributeFilter: ['data-preview-version'] });
    """)
    x = dict(os.environ, DISPLAY=env["DISPLAY"])
    wid = subprocess.run(["xdotool", "search", "--name", "Folio$"], env=x, capture_output=True, text=True).stdout.split()[0]
    subprocess.run(["xdotool", "windowfocus", "--sync", wid], env=x, check=False, timeout=10)
    time.sleep(0.5)
    for i in range(args.keys):
        subprocess.run(["xdotool", "key", "y" if i % 2 else "x"], env=x, check=True, timeout=10)
        time.sleep(max(args.gap, 150) / 1000)
    time.sleep(1)
    keys, stages = s.execute("return [window.folioKeys, window.folioStages]")
    shown = [k["shown"] for k in keys if k.get("shown") is not None]
    if len(keys) != args.keys or len(shown) != len(keys):
        sys.exit(f"real keys: {len(keys)} of {args.keys} keydowns seen, {len(shown)} of them shown")
    return shown, stages


def measure(name, page_text):
    site = tmp / name.replace(" ", "-")
    shutil.copytree(ROOT / "content", site, ignore=shutil.ignore_patterns(".hugo_build.lock"))
    if page_text is not None:
        (site / "content/en/about.md").write_text(page_text)
    t0 = time.perf_counter()
    s = wd.Session(base, args.app, [str(site)])
    try:
        s.wait(lambda: s.execute("return document.body.dataset.previewVersion"), timeout=60, what="first preview")
        interactive = time.perf_counter() - t0
        time.sleep(1.0)
        rss, pss, n = memory_of(Path(args.app).name)
        # A long page opens folded, and a folded card's fields are built when it unfolds.
        s.execute("""document.querySelector('.block[data-id="1"] button[aria-expanded="false"]')?.click()""")
        s.find('[data-key="b1:title"]')
        timings, stages = (real_keys if args.real_keys else synthetic_keys)(s)
        outside = []
        page = site / "content/en/about.md"
        original = page.read_text()
        for i in range(10):
            before = s.execute("return window.folioSwaps.length")
            t = time.time() * 1000
            page.write_text(original.replace('title="', f'title="Outside {i} ', 1))
            s.wait(lambda: s.execute("return window.folioSwaps.length") > before, timeout=10, what="outside edit in preview")
            outside.append(s.execute("return window.folioSwaps[window.folioSwaps.length - 1]") - t)
            time.sleep(0.3)
        print(f"{name}: outside write -> preview updated: median {statistics.median(outside):.0f} ms, max {max(outside):.0f} ms over {len(outside)} writes")
        for key in ("answered", "requested"):
            print(f"{name}:   median time to '{key}': {statistics.median(st[key] for st in stages):.1f} ms")
    finally:
        s.close()
    return interactive, timings, rss, pss, n


def huge(n):
    """Start -> forms and preview shown, and a card deleted -> forms redrawn (seconds), on
    an `n`-card page."""
    site = tmp / "huge"
    shutil.copytree(ROOT / "content", site, ignore=shutil.ignore_patterns(".hugo_build.lock"))
    (site / "content/en/about.md").write_text(bench_page(n))
    t0 = time.perf_counter()
    s = wd.Session(base, args.app, [str(site)])
    try:
        s.wait(lambda: s.execute("return document.body.dataset.previewVersion && document.querySelectorAll('.block').length"), timeout=300, what="first preview")
        interactive = time.perf_counter() - t0
        n0 = s.execute("return document.querySelectorAll('.block').length")
        t1 = time.perf_counter()
        s.execute("document.querySelectorAll('.block')[3].querySelector('button[aria-label^=Delete]').click()")
        s.wait(lambda: s.execute("return document.querySelectorAll('.block').length") < n0, timeout=300, what="forms redrawn")
        return interactive, time.perf_counter() - t1
    finally:
        s.close()


def bench_page(n):
    page = subprocess.run([str(ROOT / "target/release/folio"), "bench-page", str(n)], capture_output=True, text=True)
    if page.returncode != 0:
        page = subprocess.run(["cargo", "run", "--quiet", "--release", "--bin", "folio", "--", "bench-page", str(n)], cwd=ROOT, capture_output=True, text=True, check=True)
    return page.stdout


try:
    wd.wait_for_server(base)
    for name, text in [("sample", None), ("1000 cards", bench_page(1000))]:
        interactive, t, rss, pss, n = measure(name, text)
        print(f"{name}: start -> interactive {interactive * 1000:.0f} ms (includes WebDriver session set-up)")
        print(f"{name}: keystroke -> preview: median {statistics.median(t):.1f} ms, p90 {sorted(t)[int(len(t) * 0.9)]:.1f} ms, min {min(t):.1f} ms over {len(t)} keystrokes")
        print(f"{name}: memory of {n} processes: RSS {rss:.0f} MB, PSS {pss:.0f} MB")
    interactive, deleted = huge(12000)
    print(f"12000 cards: start -> forms and preview shown {interactive:.1f} s; a card deleted -> forms redrawn {deleted:.1f} s")
finally:
    for p in procs:
        p.terminate()
    shutil.rmtree(tmp, ignore_errors=True)
