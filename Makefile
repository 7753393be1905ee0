# Folio — every command sets up what it needs on Debian 12 (see scripts/deps.sh).
SHELL := /bin/bash
TOOLS := $(CURDIR)/target/tools
export PATH := $(TOOLS)/bin:$(TOOLS)/hugo/bin:$(HOME)/.cargo/bin:$(PATH)

.PHONY: run test deps deps-test check-toolchain bench fuzz

check-toolchain:
	@command -v cargo >/dev/null || { echo "Folio needs Rust (cargo): install it with rustup (https://rustup.rs), then re-run."; exit 1; }

deps: check-toolchain
	@scripts/deps.sh build

deps-test: check-toolchain
	@scripts/deps.sh test

## The sample, through the engine (the desktop app replaces this when it lands).
run: deps
	cargo run --quiet --bin folio -- check content
	cargo run --quiet --bin folio -- dump content/content/en/about.md

## Every test: unit, integration, CLI, property tests.
test: deps-test
	cargo test --workspace

## Benchmarks: criterion (engine) and whole-process timings of the CLI.
bench: deps
	cargo bench --bench engine
	cargo build --release --bin folio
	python3 benches/cli_timing.py

## Fuzz the page parser (not in CI). FUZZ_SECONDS=600 by default.
FUZZ_SECONDS ?= 600
fuzz: deps
	@command -v cargo-fuzz >/dev/null || cargo install --locked --root $(TOOLS) cargo-fuzz
	mkdir -p fuzz/corpus/parse
	cd fuzz && cargo fuzz run --sanitizer none parse corpus/parse seeds -- -max_total_time=$(FUZZ_SECONDS) -max_len=4096
