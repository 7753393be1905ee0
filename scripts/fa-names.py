#!/usr/bin/env python3
"""Writes src/icons_names.txt: the names of Font Awesome Free 6.2.0's icons in each style, and
the other names its stylesheets draw them under. Read from the npm package
@fortawesome/fontawesome-free@6.2.0 (`npm pack`, then unpack it): its metadata/icons.yml
(`styles`; `aliases`, the Font Awesome 5 names such as `home` for `house`) and
css/v4-shims.css (the Font Awesome 4 classes it draws, such as `fa fa-envelope-o` as the
regular `envelope`).

Each line, sorted, is one of:
- `STYLE NAME`: `brands`, `solid` or `regular` has icon NAME (the same SVGs as the
  font-awesome-as-a-crate package's);
- `alias OLD NAME`: in any style, `fa-OLD` draws NAME;
- `v4 OLD STYLE NAME`: a Font Awesome 4 class, `fa fa-OLD`, draws NAME in STYLE.

Usage: scripts/fa-names.py PACKAGE_DIR > src/icons_names.txt
"""
import pathlib
import re
import sys

import yaml

root = pathlib.Path(sys.argv[1]) / "metadata"
icons = yaml.safe_load((root / "icons.yml").read_text())
rows = []
by_code = {}
for name, icon in sorted(icons.items()):
    if not icon.get("styles"):
        continue
    by_code[icon["unicode"]] = name
    for style in icon["styles"]:
        rows.append(f"{style} {name}")
    for old in (icon.get("aliases") or {}).get("names", []):
        rows.append(f"alias {old} {name}")
# v4-shims.css: `.fa.fa-OLD { font-family: …; font-weight: … }` picks the style (Free at
# weight 400 is regular, at 900 solid), `.fa.fa-OLD:before { content: "\fNNN" }` the icon; a
# class with no `:before` rule keeps its name.
css = (pathlib.Path(sys.argv[1]) / "css" / "v4-shims.css").read_text()
shims = {}
for selectors, body in re.findall(r"([^{}]+)\{([^}]*)\}", css):
    for selector in selectors.split(","):
        m = re.fullmatch(r"\s*\.fa\.fa-([a-z0-9-]+)(:before)?\s*", selector)
        if not m:
            continue
        shim = shims.setdefault(m.group(1), {})
        if m.group(2):
            shim["name"] = by_code[re.search(r'content:\s*"\\([0-9a-f]+)"', body).group(1)]
        elif "Brands" in body:
            shim["style"] = "brands"
        elif "font-weight: 400" in body:
            shim["style"] = "regular"
        elif "font-weight: 900" in body:
            shim["style"] = "solid"
for old, shim in sorted(shims.items()):
    rows.append(f"v4 {old} {shim.get('style', 'solid')} {shim.get('name', old)}")
print("\n".join(sorted(rows)))
