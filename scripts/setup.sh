#!/usr/bin/env bash
# Installs what khabar needs on a fresh Debian machine, where it can (root and apt present), and
# otherwise says exactly what to install. Usage: scripts/setup.sh [build|test]
#   build: libclang (RocksDB's bindgen needs it; without it `cargo build` fails after ~15 minutes)
#   test:  also xmllint, Chromium, and the Python clients the tests use (networkx, igraph, rdflib,
#          SPARQLWrapper, the oxigraph server)
set -euo pipefail
what=${1:-build}

apt_packages=()
have_libclang() {
    [ -n "${LIBCLANG_PATH:-}" ] && return 0
    # (libclang-cpp, which LLVM installs on its own, is not the C library bindgen loads)
    for f in /usr/lib/llvm-*/lib/libclang.so* /usr/lib/llvm-*/lib/libclang-[0-9]*.so* /usr/lib/*-linux-gnu/libclang.so* /usr/lib/*-linux-gnu/libclang-[0-9]*.so*; do
        [ -e "$f" ] && return 0
    done
    return 1
}
have_libclang || apt_packages+=(libclang-dev)
command -v cc >/dev/null || apt_packages+=(build-essential)
if [ "$what" = test ]; then
    command -v xmllint >/dev/null || apt_packages+=(libxml2-utils)
    command -v chromium >/dev/null || apt_packages+=(chromium)
fi

if [ ${#apt_packages[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "setup: installing ${apt_packages[*]}" >&2
        export DEBIAN_FRONTEND=noninteractive
        apt-get install -y -q "${apt_packages[@]}" >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q "${apt_packages[@]}" >/dev/null; }
    else
        echo "setup: missing system packages: ${apt_packages[*]}" >&2
        echo "setup: install them first, e.g.  sudo apt-get install ${apt_packages[*]}" >&2
        echo "setup: (libclang is needed to compile RocksDB; on other systems install clang/libclang and set LIBCLANG_PATH)" >&2
        exit 1
    fi
fi

if [ "$what" = test ]; then
    # the Python clients the tests drive (versions pinned for repeatable CI runs)
    py_missing=$(python3 - <<'PY'
import importlib.util
mods = {"networkx": "networkx==3.7", "igraph": "igraph==1.0.0", "rdflib": "rdflib==7.6.0",
        "SPARQLWrapper": "SPARQLWrapper==2.0.0", "pyoxigraph": "pyoxigraph==0.5.13"}
print(" ".join(spec for mod, spec in mods.items() if importlib.util.find_spec(mod) is None))
PY
)
    if [ -n "$py_missing" ]; then
        echo "setup: pip install $py_missing" >&2
        python3 -m pip install -q $py_missing
    fi
    # the `oxigraph` server binary for the push test (PyPI package `oxigraph`)
    if ! command -v oxigraph >/dev/null; then
        python3 -m pip install -q "oxigraph==0.5.13" >/dev/null 2>&1 || echo "setup: note: could not install the oxigraph server (pip install oxigraph)" >&2
    fi
fi
