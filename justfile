# Open Minutes Seoul — every task is a recipe here. The README's two lines call `demo` and `ci`.

set shell := ["bash", "-euo", "pipefail", "-c"]

python := ".venv/bin/python"
pip := ".venv/bin/pip"

# List the recipes.
default:
    @just --list

# Create the virtual environment and install the project (runtime only).
setup:
    test -x {{python}} || python3 -m venv .venv
    {{pip}} install -q --upgrade pip
    {{pip}} install -q -e .

# Replica site → crawl → index → portal on http://127.0.0.1:8000 (all local, demo data).
demo *ARGS: setup
    .venv/bin/minutes demo {{ARGS}}

# Debian packages the browser tests need (headless Chromium, a Korean font, npm for axe-core), then the test extras.
test-deps: setup
    #!/usr/bin/env bash
    set -euo pipefail
    if ! dpkg -s chromium fonts-nanum >/dev/null 2>&1 || ! command -v npm >/dev/null; then
        SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
        $SUDO apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-nanum npm >/dev/null
    fi
    {{pip}} install -q -e '.[test]'
    # axe-core for the browser tests' accessibility check: installed here so tests download nothing.
    if [ ! -f .cache/axe/node_modules/axe-core/axe.min.js ]; then
        npm install --no-save --silent --prefix .cache/axe axe-core@4 >/dev/null
    fi
    # Two packages write the same `whoosh` folder: only whoosh-reloaded may be installed.
    if {{pip}} list 2>/dev/null | grep -qE '^Whoosh '; then echo "plain Whoosh is installed beside whoosh-reloaded" >&2; exit 1; fi

# Lint and run the whole test suite.
test *ARGS:
    .venv/bin/ruff check .
    .venv/bin/ruff format --check .
    {{python}} -m pytest {{ARGS}}

# What CI runs: install everything the tests need, then the whole suite.
ci: test-deps test

# Format the code.
fmt:
    .venv/bin/ruff format .
    .venv/bin/ruff check --fix .

# Serve the replica site alone (e.g. `just replica --scale full`).
replica *ARGS: setup
    .venv/bin/minutes replica {{ARGS}}

# All benchmarks.
bench: bench-crawl bench-index bench-portal

# Crawl the full-scale replica: pages/s and extracted-text MB/s beside a plain HTTP client's ceiling.
bench-crawl *ARGS: setup
    {{python}} -m crawler.bench {{ARGS}}

# Search index beside SQLite FTS5 (trigram) on ≥100k generated documents: build, size, p50/p95.
bench-index *ARGS: setup
    {{python}} -m index.bench {{ARGS}}

# Portal search API under loopback load (2 workers, 16 clients) beside a trivial endpoint and direct calls.
bench-portal *ARGS: setup
    {{python}} -m portal.bench {{ARGS}}
