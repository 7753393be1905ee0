#!/usr/bin/env python3
"""Writes Folio's Font Awesome Free tables from the npm package
@fortawesome/fontawesome-free@6.7.2 (`npm pack`, then unpack it), the release the icondata_fa
0.1 crate's drawings are taken from:

- src/icons/svgs.rs: every icon, as `(STYLE, "NAME", icondata_fa::FaNAMEStyle)`, sorted by
  style (brands, solid, regular: the order of `icons::Style`) and then name, for binary
  search. From metadata/icons.yml (`styles`).
- src/icons_names.txt: the other names Font Awesome's stylesheets draw those icons under,
  each line, sorted, one of:
  - `alias OLD NAME`: in any style, `fa-OLD` draws NAME (metadata/icons.yml `aliases`, the
    Font Awesome 5 names such as `home` for `house`);
  - `v4 OLD STYLE NAME`: a Font Awesome 4 class, `fa fa-OLD`, draws NAME in STYLE
    (css/v4-shims.css: `fa fa-envelope-o` is the regular `envelope`).

Usage: scripts/fa-names.py PACKAGE_DIR   (run from the repository's root)
"""
import pathlib
import re
import sys

import yaml

package = pathlib.Path(sys.argv[1])
version = yaml.safe_load((package / "package.json").read_text())["version"]
icons = yaml.safe_load((package / "metadata" / "icons.yml").read_text())
STYLES = ["brands", "solid", "regular"]
drawn = []
names = []
by_code = {}
for name, icon in sorted(icons.items()):
    if not icon.get("styles"):
        continue
    by_code[icon["unicode"]] = name
    for style in icon["styles"]:
        drawn.append((STYLES.index(style), name))
    for old in (icon.get("aliases") or {}).get("names", []):
        names.append(f"alias {old} {name}")
# v4-shims.css: `.fa.fa-OLD { font-family: …; font-weight: … }` picks the style (Free at
# weight 400 is regular, at 900 solid), `.fa.fa-OLD { --fa: "\fNNN" }` the icon (before 6.5:
# `.fa.fa-OLD:before { content: "\fNNN" }`); a class with no such rule keeps its name.
css = (package / "css" / "v4-shims.css").read_text()
shims = {}
for selectors, body in re.findall(r"([^{}]+)\{([^}]*)\}", css):
    for selector in selectors.split(","):
        m = re.fullmatch(r"\s*\.fa\.fa-([a-z0-9-]+)(:before)?\s*", selector)
        if not m:
            continue
        shim = shims.setdefault(m.group(1), {})
        code = re.search(r'(?:--fa|content):\s*"\\([0-9a-f]+)"', body)
        if code:
            shim["name"] = by_code[code.group(1)]
        elif "Brands" in body:
            shim["style"] = "brands"
        elif "font-weight: 400" in body:
            shim["style"] = "regular"
        elif "font-weight: 900" in body:
            shim["style"] = "solid"
for old, shim in sorted(shims.items()):
    names.append(f"v4 {old} {shim.get('style', 'solid')} {shim.get('name', old)}")
pathlib.Path("src/icons_names.txt").write_text("\n".join(sorted(names)) + "\n")


def pascal(name):
    """icondata_fa's name for an icon: `x-twitter` in brands is `FaXTwitterBrands`."""
    return "".join(part[:1].upper() + part[1:] for part in name.split("-"))


rows = [
    f'    ({STYLES[s].capitalize()}, "{name}", icondata_fa::Fa{pascal(name)}{STYLES[s].capitalize()}),'
    for s, name in sorted(drawn)
]
pathlib.Path("src/icons/svgs.rs").write_text(
    f"""//! Every Font Awesome Free {version} icon: its style, its name and its drawing (from the
//! icondata_fa crate), sorted by style and then name. Written by `scripts/fa-names.py`.

use super::Style;
use super::Style::{{Brands, Regular, Solid}};

/// `(style, name, drawing)` for each icon, sorted for binary search.
#[rustfmt::skip]
pub(super) static ICONS: &[(Style, &str, icondata_core::Icon)] = &[
"""
    + "\n".join(rows)
    + "\n];\n"
)
