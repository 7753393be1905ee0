#!/usr/bin/env bash
# Runs each fuzz target for SECONDS, one after another, and prints its final stats line.
# Usage: scripts/fuzz.sh SECONDS TARGET...   (from the repository root; see `make fuzz`)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=$1
shift
seeds=("$root/fuzz/seeds" "$root/tests/fixtures/pages" "$root/tests/fixtures/errors"
       "$root/tests/fixtures/fuzz" "$root/tests/fixtures/parity" "$root/content/content/en")
corpus=$(cd "$root/.." && pwd)/shared/corpus/hugo-pages
[ -d "$corpus" ] && seeds+=("$corpus")
cd "$root/fuzz"
failed=()
for target in "$@"; do
  mkdir -p "corpus/$target"
  extra=()
  # The site loader reads configs: seed it with the sample's.
  [ "$target" = site ] && extra=("$root/content")
  echo "== $target (${seconds}s)"
  # A crash is reported (its input is in fuzz/artifacts/TARGET/) and the next target runs.
  if ! cargo fuzz run --sanitizer none "$target" "corpus/$target" "${seeds[@]}" "${extra[@]}" -- \
    -max_total_time="$seconds" -max_len=8192 -timeout=10 -print_final_stats=1 \
    >"corpus/$target.log" 2>&1; then
    failed+=("$target")
  fi
  grep -E "DONE|SUMMARY|panicked at" "corpus/$target.log" | tail -3
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "crashed: ${failed[*]} (inputs in fuzz/artifacts/)"
  exit 1
fi
