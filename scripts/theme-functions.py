#!/usr/bin/env python3
"""Counts the template functions that the shortcodes and partials of Hugo themes call, and
how many of those calls Folio runs (its functions as registered in
src/templates/engine/funcs/*.rs, and Go's built-ins that gotmpl runs).

Usage: scripts/theme-functions.py THEMES_DIR
THEMES_DIR holds one folder per theme with its `layouts/` (for instance from
`git archive HEAD layouts` of each theme's repository). Field chains on Hugo's objects
(`site.Title`, `hugo.IsProduction`, `page.Store`) are not function calls and are left out.
"""
import collections
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1]
folio = set()
for f in (ROOT / "src/templates/engine/funcs").glob("*.rs"):
    for names in re.findall(r'^\s*\("([a-zA-Z0-9_. ]+)",', f.read_text(), re.M):
        folio.update(names.split())
folio |= {"fmt.Printf", "fmt.Print", "fmt.Println"}  # rewritten to Go's own (rewrite.rs)
go = {"and", "or", "not", "len", "index", "slice", "print", "printf", "println", "eq", "ne",
      "lt", "le", "gt", "ge", "call", "html", "js", "urlquery"}
keywords = {"if", "else", "end", "range", "with", "define", "template", "block", "return",
            "break", "continue", "true", "false", "nil", "try"}
calls = collections.Counter()
themes = [t for t in sorted(pathlib.Path(sys.argv[1]).iterdir()) if t.is_dir()]
for theme in themes:
    for f in theme.rglob("*.html"):
        if "shortcodes" not in str(f) and "partials" not in str(f):
            continue
        for action in re.findall(r"\{\{-?(.*?)-?\}\}", f.read_text(errors="ignore"), re.S):
            action = re.sub(r"/\*.*?\*/", "", action, flags=re.S)
            action = re.sub(r'"(\\.|[^"\\])*"|`[^`]*`', '""', action)
            for m in re.finditer(r"(?<![\w.$])([a-z][A-Za-z0-9]*(?:\.[A-Z][A-Za-z0-9]*)?)\b(?!\s*:?=)", action):
                name = m.group(1)
                if name in keywords or name.split(".")[0] in ("site", "hugo", "page", "now") and "." in name:
                    continue
                calls[name] += 1
total = sum(calls.values())
run = sum(n for k, n in calls.items() if k in folio or k in go)
print(f"{total} calls of {len(calls)} functions in the shortcodes and partials of {len(themes)} themes; "
      f"Folio runs {run} ({100 * run / total:.1f}%)")
missing = [(k, n) for k, n in calls.most_common() if k not in folio and k not in go]
print("not run by Folio (calls):", ", ".join(f"{k} {n}" for k, n in missing[:30]))
