#!/usr/bin/env bash
# Builds the `folio` command as the Debian package ships it (the `dist` profile) with
# profile-guided optimisation: an instrumented build first does Folio's own work (export,
# check and dump of the bundled sample, of a generated 1000-card page, and of the test
# fixtures' pages and sites), then the build is optimised with the profile it recorded
# (rustc's -Cprofile-generate / -Cprofile-use, LLVM's PGO). The result is
# target/dist/folio, where scripts/bundle.sh takes it from.
#
# Measured on the 2-core build machine (the 1000-card export): 112.1 M instructions with
# the release build, 98.4 M with this one (benches/instructions.py); 15.8 -> 14.6 ms, 8.7x
# -> 9.2x Hugo (benches/hugo_timing.py --runs 31). The builds go to target/pgo/ (their
# flags differ from the app's build, which must not be rebuilt for them); this adds
# about 8 minutes to a cold package build.
#
# Every build here links glibc statically (`+crt-static`, position-dependent as build.rs links the
# dynamic one): the command then starts without the dynamic loader mapping and relocating
# libc, libm and libgcc_s. Measured on the 2-core build machine, medians of 61 exports
# interleaved with Hugo: sample 6.5 -> 5.2 ms, 1000 cards 18.8 -> 17.8 ms. The command
# resolves no host or user names, so static glibc's caveat for NSS does not apply; the
# other is that a glibc security update reaches it with a new Folio package, not with
# Debian's libc6.
# `--target` keeps these flags off build scripts and proc macros, which must stay dynamic.
#
# Without LLVM's profile tool (rustup's llvm-tools component, added here when rustup is
# there), the command is built without a profile, and the script says so.
# Usage: scripts/pgo.sh        prints the path of the binary it built
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

host=$(rustc -vV | sed -n 's/^host: //p')
profdata="$(rustc --print sysroot)/lib/rustlib/$host/bin/llvm-profdata"
if [ ! -x "$profdata" ] && command -v rustup >/dev/null; then
  echo "pgo: adding rustup's llvm-tools (llvm-profdata, once)" >&2
  rustup component add llvm-tools >&2 || true
fi
pgo="$root/target/pgo"
static="-Ctarget-feature=+crt-static -Crelocation-model=static"
if [ ! -x "$profdata" ]; then
  echo "pgo: llvm-profdata not found (rustup component add llvm-tools): building without a profile" >&2
  CARGO_TARGET_DIR="$pgo/use" RUSTFLAGS="$static" \
    cargo build --profile dist --target "$host" --bin folio >&2
  mkdir -p "$root/target/dist"
  cp --remove-destination "$pgo/use/$host/dist/folio" "$root/target/dist/folio"
  echo "$root/target/dist/folio"
  exit 0
fi

rm -rf "$pgo/data"
mkdir -p "$pgo/data"
CARGO_TARGET_DIR="$pgo/generate" RUSTFLAGS="$static -Cprofile-generate=$pgo/data" \
  cargo build --profile dist --target "$host" --bin folio >&2
folio="$pgo/generate/$host/dist/folio"

work=$(mktemp -d /tmp/folio-pgo.XXXXXX)
trap 'rm -rf "$work"' EXIT
# Each run's failure is part of the work (bad pages are in the fixtures), not the script's.
run() { "$folio" "$@" >/dev/null 2>&1 || true; }
site="$work/site"
cp -r content "$site"
rm -f "$site/.hugo_build.lock"
page="$site/content/en/about.md"
run check "$page"
run dump "$page"
run export "$page" --out "$work/out"
"$folio" bench-page 1000 > "$site/content/en/many.md"
for _ in 1 2 3; do run export "$site/content/en/many.md" --out "$work/out"; done
for fixture in tests/fixtures/pages/*.md tests/fixtures/parity/*.md; do
  cp "$fixture" "$site/content/en/fixture.md"
  run check "$site/content/en/fixture.md"
  run export "$site/content/en/fixture.md" --out "$work/out"
done
cp -r tests/fixtures/sites/learned "$work/learned"
for p in "$work"/learned/content/*.md; do
  run check "$p"
  run export "$p" --out "$work/out"
done

"$profdata" merge -o "$pgo/folio.profdata" "$pgo/data"
CARGO_TARGET_DIR="$pgo/use" \
  RUSTFLAGS="$static -Cprofile-use=$pgo/folio.profdata -Cllvm-args=-pgo-warn-missing-function=false" \
  cargo build --profile dist --target "$host" --bin folio >&2
mkdir -p "$root/target/dist"
# A new file, not written through a hard link cargo may have left there.
cp --remove-destination "$pgo/use/$host/dist/folio" "$root/target/dist/folio"
echo "$root/target/dist/folio"
