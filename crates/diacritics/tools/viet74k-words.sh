#!/usr/bin/env bash
# Fetches underthesea's Viet74K word list (underthesea 9.5.0 on PyPI,
# underthesea/corpus/data/Viet74K.txt, Apache-2.0, © Vu Anh and the underthesea contributors)
# into target/diacritics/viet74k-words.txt, where examples/derive.rs reads it. Run from anywhere.
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
out="$root/target/diacritics"
mkdir -p "$out"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
python3 -m pip download --quiet --no-deps --dest "$tmp" underthesea==9.5.0
python3 - "$tmp"/underthesea-9.5.0-*.whl "$out/viet74k-words.txt" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as wheel:
    data = wheel.read("underthesea/corpus/data/Viet74K.txt")
open(sys.argv[2], "wb").write(data)
PY
echo "$out/viet74k-words.txt"
