#!/usr/bin/env bash
# Fetches pyvi's word list (MIT; pyvi 0.1.1 on PyPI, pyvi/models/words.txt) into
# target/diacritics/pyvi-words.txt, where examples/derive.rs reads it. Run from anywhere.
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
out="$root/target/diacritics"
mkdir -p "$out"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
python3 -m pip download --quiet --no-deps --dest "$tmp" pyvi==0.1.1
python3 - "$tmp"/pyvi-0.1.1-*.whl "$out/pyvi-words.txt" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as wheel:
    data = wheel.read("pyvi/models/words.txt")
open(sys.argv[2], "wb").write(data)
PY
echo "$out/pyvi-words.txt"
