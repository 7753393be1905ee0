#!/usr/bin/env bash
# Builds Folio's Debian package with the Tauri bundler (tauri-cli): the app, its desktop
# entry and icon, and the `folio` command-line tool beside it in /usr/bin.
# Usage: scripts/bundle.sh        prints the path of the .deb it built
#
# The Tauri CLI reads its configuration from the app crate's folder (src-tauri/), while
# Folio keeps one tauri.conf.json at the top level (tauri-build reads it from there). This
# script writes the CLI's copy for the length of the build, with the paths rebased onto
# src-tauri/ and the package's own settings added, and removes it afterwards.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tools="$root/target/tools"
cd "$root"

if [ ! -x "$tools/bin/cargo-tauri" ]; then
  echo "bundle: installing the Tauri CLI (tauri-cli, once)" >&2
  cargo install --quiet --locked --root "$tools" tauri-cli --version '=2.12.4'
fi

# Built with the `dist` profile (release, stripped: see Cargo.toml); the `folio` command
# also with profile-guided optimisation (scripts/pgo.sh).
"$root/scripts/pgo.sh" >/dev/null

generated="$root/src-tauri/tauri.conf.json"
[ -e "$generated" ] && { echo "bundle: $generated exists; remove it first" >&2; exit 1; }
trap 'rm -f "$generated"' EXIT
python3 - "$root/tauri.conf.json" "$generated" <<'EOF'
import json, sys
conf = json.load(open(sys.argv[1]))
conf["build"]["frontendDist"] = "../" + conf["build"]["frontendDist"]
bundle = conf["bundle"]
bundle.update({
    "active": True,
    "targets": ["deb"],
    "icon": ["../" + i for i in bundle["icon"]],
    "category": "DeveloperTool",
    "shortDescription": "Edit your Hugo site's portfolio page through forms, with a live preview",
    "longDescription": "Folio opens a Hugo site, shows forms for the page's front matter, prose, "
                       "site params and every shortcode its templates define, previews the unsaved "
                       "text, saves only the bytes you edited, and exports a static HTML folder. "
                       "The folio command does the same headless (check, dump, apply, export).",
    "license": "MIT",
    "linux": {"deb": {
        "section": "editors",
        "files": {"/usr/bin/folio": "../target/dist/folio"},
    }},
})
json.dump(conf, open(sys.argv[2], "w"), indent=2)
EOF

TAURI_APP_PATH="$root/src-tauri" "$tools/bin/cargo-tauri" build --bundles deb --ci -- --profile dist >&2
ls -t "$root"/target/dist/bundle/deb/*.deb | head -n1
