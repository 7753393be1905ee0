#!/usr/bin/env bash
# The Debian package: builds it (scripts/bundle.sh), installs it with dpkg, checks what it
# installed (the folio CLI, the app, its desktop entry and icon), starts the installed app
# under Xvfb on the bundled sample until its window shows the sample's page, then removes
# the package. Nothing of it is left installed, even when a step fails.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
sudo_() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
fail() { echo "deb test: FAIL: $*" >&2; exit 1; }

# A Folio package the machine already has is someone's installation: never replace it.
if dpkg-query -W -f='${Status}' folio 2>/dev/null | grep -q "ok installed"; then
  echo "deb test: SKIPPED: a folio package is installed here; remove it to run this test" >&2
  exit 0
fi

deb=$("$root/scripts/bundle.sh")
[ -f "$deb" ] || fail "scripts/bundle.sh built no .deb"
package=$(dpkg-deb --field "$deb" Package)
echo "deb test: $deb (package $package, $(du -h "$deb" | cut -f1))"

tmp=$(mktemp -d /tmp/folio-deb-test.XXXXXX)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  sudo_ dpkg -r "$package" >/dev/null 2>&1 || true
  rm -rf "$tmp"
}
trap cleanup EXIT

sudo_ dpkg -i "$deb" >/dev/null
dpkg -s "$package" | grep -q '^Status: install ok installed' || fail "dpkg did not install $package"

# The CLI beside the app.
for bin in folio folio-desktop; do
  [ -x "/usr/bin/$bin" ] || fail "the package installed no /usr/bin/$bin"
done
version=$(/usr/bin/folio --version)
[ "$version" = "folio $(dpkg-deb --field "$deb" Version)" ] || fail "folio --version said '$version'"
/usr/bin/folio check "$root/content" >/dev/null || fail "the installed folio cannot check the sample"

# The desktop entry and its icon.
entry=$(dpkg -L "$package" | grep '^/usr/share/applications/.*\.desktop$' | head -n1)
[ -n "$entry" ] || fail "no desktop entry"
grep -q '^Exec=folio-desktop' "$entry" || fail "$entry does not start folio-desktop"
icon=$(sed -n 's/^Icon=//p' "$entry")
dpkg -L "$package" | grep -q "/usr/share/icons/hicolor/.*/apps/$icon.png" || fail "no icon named $icon"

# The installed app, on the sample, under its own X display and data folders.
for n in $(seq 130 160); do
  [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] || { display=":$n"; break; }
done
Xvfb "$display" -screen 0 1440x900x24 -nolisten tcp >/dev/null 2>&1 &
pids+=($!)
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done
DISPLAY=$display FOLIO_DATA_DIR=$tmp/data XDG_CONFIG_HOME=$tmp/config XDG_DATA_HOME=$tmp/share \
  XDG_CACHE_HOME=$tmp/cache WEBKIT_DISABLE_COMPOSITING_MODE=1 \
  /usr/bin/folio-desktop --sample >"$tmp/app.log" 2>&1 &
pids+=($!)
# The window's title is set by the page's view once the window has loaded and opened it.
for _ in $(seq 300); do
  title=$(DISPLAY=$display xdotool search --name '^about\.md — .* — Folio$' getwindowname 2>/dev/null | head -n1 || true)
  [ -n "$title" ] && break
  kill -0 "${pids[1]}" 2>/dev/null || { cat "$tmp/app.log" >&2; fail "the installed app exited"; }
  sleep 0.1
done
[ -n "$title" ] || { cat "$tmp/app.log" >&2; fail "the installed app showed no page in 30 s"; }
echo "deb test: the installed app shows '$title'"

kill "${pids[1]}"
sudo_ dpkg -r "$package" >/dev/null
[ ! -e /usr/bin/folio ] && [ ! -e /usr/bin/folio-desktop ] || fail "dpkg -r left the binaries"
echo "deb test: ok (installed, ran, removed)"
