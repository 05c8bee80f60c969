# khabar — the two commands of the README:
#   make          set up what is missing, build, then data/articles → data/store → exports/
#   make test     set up what the tests need, then run the whole test suite
# Binary and tests are built with one profile (release), so RocksDB is compiled once.

CARGO ?= cargo
KHABAR = $(or $(CARGO_TARGET_DIR),target)/release/khabar

.PHONY: all build graph test setup setup-test clean-store

all: graph

setup:
	@bash scripts/setup.sh build

setup-test:
	@bash scripts/setup.sh test

build: setup
	$(CARGO) build --release --locked

graph: build
	$(KHABAR) build data/articles

test: setup-test
	$(CARGO) test --release --locked

clean-store:
	rm -rf data/store exports/*.graphml exports/*.gexf exports/*.csv exports/*.nq exports/reports
