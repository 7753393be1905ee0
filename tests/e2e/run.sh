#!/usr/bin/env bash
# Runs the end-to-end tests against the built app: Xvfb, tauri-driver, then the tests.
# Usage: tests/e2e/run.sh [unittest args]   (FOLIO_APP defaults to target/debug/folio-desktop)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
export FOLIO_APP=${FOLIO_APP:-$root/target/debug/folio-desktop}
export FOLIO_SCREENSHOTS=${FOLIO_SCREENSHOTS:-$root/target/e2e-screenshots}
driver=${TAURI_DRIVER:-$root/target/tools/bin/tauri-driver}
port=${WEBDRIVER_PORT:-4444}
# WebKitWebDriver's own port, next to tauri-driver's: its default (4445) would be shared
# with any other tauri-driver on the machine, whose sessions would then be refused.
native_port=${WEBDRIVER_NATIVE_PORT:-$((port + 1))}
data=$(mktemp -d /tmp/folio-e2e-data.XXXXXX)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; cp "$data/tauri-driver.log" /tmp/td-last.log 2>/dev/null; rm -rf "$data"; }
trap cleanup EXIT

if [ -z "${DISPLAY:-}" ]; then
  for n in $(seq 90 120); do
    [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] || { display=":$n"; break; }
  done
  Xvfb "$display" -screen 0 1440x900x24 -nolisten tcp >/dev/null 2>&1 &
  pids+=($!)
  export DISPLAY=$display
  for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done
fi
export WEBKIT_DISABLE_COMPOSITING_MODE=1
export FOLIO_DATA_DIR=$data
# The webview's own storage (localStorage: the forms' width) goes with the run, never into
# the user's profile.
export XDG_DATA_HOME=$data/xdg-data XDG_CONFIG_HOME=$data/xdg-config XDG_CACHE_HOME=$data/xdg-cache
# An edit holding this text makes the debug app panic (see src-tauri/src/error.rs).
export FOLIO_TEST_PANIC=FOLIO-TEST-PANIC
"$driver" --port "$port" --native-port "$native_port" --native-driver "$(command -v WebKitWebDriver)" >"$data/tauri-driver.log" 2>&1 &
pids+=($!)
export WEBDRIVER="http://127.0.0.1:$port"
python3 -c "import sys; sys.path.insert(0, '$root/tests/e2e'); import webdriver; webdriver.wait_for_server('$WEBDRIVER')"
cd "$root/tests/e2e"
export PYTHONPATH="$root/target/tools/py${PYTHONPATH:+:$PYTHONPATH}"
python3 -m unittest -v "${@:-test_app}"
