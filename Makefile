# Folio — every command sets up what it needs on Debian 12 (see scripts/deps.sh).
SHELL := /bin/bash
TOOLS := $(CURDIR)/target/tools
export PATH := $(TOOLS)/bin:$(TOOLS)/hugo/bin:$(HOME)/.cargo/bin:$(PATH)

.PHONY: run test lint deps deps-test check-toolchain bundle difftest bench bench-app fuzz mutate

check-toolchain:
	@command -v cargo >/dev/null || { echo "Folio needs Rust (cargo): install it with rustup (https://rustup.rs), then re-run."; exit 1; }

deps: check-toolchain
	@scripts/deps.sh build

deps-test: check-toolchain
	@scripts/deps.sh test

## The desktop app on the bundled sample (a copy in the app data folder; content/ is never written).
run: deps
	cargo build -p folio-desktop
	scripts/run-app.sh

## Every test: the gate (rustfmt, clippy with warnings as errors, missing docs), unit,
## integration (parity with Hugo, HTML validity, accessibility), CLI, property tests,
## end-to-end tests of the real window under Xvfb, and the Debian package (built,
## installed with dpkg, started, removed).
test: deps-test lint
	cargo test --workspace
	cargo build -p folio-desktop
	tests/e2e/run.sh
	tests/package/test_deb.sh

## The Debian package, with the Tauri bundler: target/dist/bundle/deb/Folio_<version>_amd64.deb
## (the app, the folio CLI, a desktop entry and icon). Install: sudo apt install ./<that file>
bundle: deps
	scripts/bundle.sh

## The gate: formatting, and clippy (warnings, missing docs and over-long functions are
## errors) on every crate and target.
lint: deps-test
	@rustup component list --installed 2>/dev/null | grep -q '^rustfmt' || rustup component add rustfmt clippy
	cargo fmt --all --check
	cargo clippy --workspace --all-targets -- -D warnings

## The differential test against Hugo at length (make test runs 1000 documents): 5000
## generated Markdown documents on each of three seeds, each difference minimised and
## printed; fails on a difference not listed as known, or on 1% or more differing.
difftest: deps-test
	for seed in 104376027906049 7 99; do \
	  DIFFTEST_SEED=$$seed DIFFTEST_DOCS=5000 cargo test --test testsuite difftest -- --nocapture || exit 1; \
	done

## Benchmarks: criterion (engine, render), whole-process timings of the CLI, and
## `folio export` against `hugo` on the same page, with the release build and with the
## command the package ships (profile-guided: scripts/pgo.sh).
bench: deps-test
	cargo bench --bench engine
	cargo build --release --bin folio
	python3 benches/cli_timing.py
	python3 benches/hugo_timing.py
	scripts/pgo.sh
	python3 benches/hugo_timing.py --folio target/dist/folio

## The real app under Xvfb: start -> interactive, keystroke -> preview, outside write ->
## preview, memory; keystrokes typed from the page, then the X server's (xdotool).
bench-app: deps-test
	cargo build --release -p folio-desktop --bin folio-desktop
	cargo build --release --bin folio
	python3 benches/app_perf.py
	python3 benches/app_perf.py --real-keys

## Fuzz every entry point in turn (not in CI): parse, check, render, export, apply, merge
## and the site loader, FUZZ_SECONDS each (600 by default); FUZZ_TARGETS picks some.
## Seeds: fuzz/seeds, the test fixtures, the sample, and the real pages in
## ../shared/corpus/hugo-pages (read where they are, never copied).
FUZZ_SECONDS ?= 600
FUZZ_TARGETS ?= parse check render export apply merge site
fuzz: deps
	@command -v cargo-fuzz >/dev/null || cargo install --locked --root $(TOOLS) cargo-fuzz
	scripts/fuzz.sh $(FUZZ_SECONDS) $(FUZZ_TARGETS)

## A seeded mutation run of the CLI over the fixtures, the sample and the shared corpus:
## check, dump, export and apply never panic, hang or (but for apply) write (not in CI).
MUTATE_INPUTS ?= 3000
mutate: deps
	cargo build --bin folio
	python3 scripts/mutation_run.py --inputs $(MUTATE_INPUTS)
