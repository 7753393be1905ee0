#!/usr/bin/env bash
# Opens the desktop app on the bundled sample. Without a display (a headless machine), it
# starts Xvfb, runs the app there, and saves a screenshot so you can see it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
app="$root/target/debug/folio-desktop"
if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  exec "$app" --sample "$@"
fi
display=":$(( 90 + RANDOM % 30 ))"
Xvfb "$display" -screen 0 1440x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
export DISPLAY=$display WEBKIT_DISABLE_COMPOSITING_MODE=1
sleep 1
"$app" --sample "$@" &
app_pid=$!
sleep 5
mkdir -p "$root/target"
import -window root "$root/target/run-screenshot.png" || true
echo "No display here: Folio is running under Xvfb on $DISPLAY (pid $app_pid)."
echo "Screenshot: $root/target/run-screenshot.png. Press Ctrl+C to quit."
wait "$app_pid"
