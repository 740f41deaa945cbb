#!/usr/bin/env bash
# Fetches wordfreq's Vietnamese word list (wordfreq 3.1.1 on PyPI, wordfreq/data/small_vi.msgpack.gz;
# code Apache-2.0, data CC BY-SA 4.0, © Robyn Speer) into target/diacritics/wordfreq-vi.tsv,
# one word a line with its frequency in centibels below 1 (frequency = 10^(−cB/100)), where
# examples/derive.rs reads it. Run from anywhere.
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
out="$root/target/diacritics"
mkdir -p "$out"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
python3 -m pip download --quiet --no-deps --dest "$tmp" wordfreq==3.1.1
python3 - "$tmp"/wordfreq-3.1.1-*.whl "$out/wordfreq-vi.tsv" <<'PY'
import gzip, struct, sys, zipfile

with zipfile.ZipFile(sys.argv[1]) as wheel:
    data = gzip.decompress(wheel.read("wordfreq/data/small_vi.msgpack.gz"))

# The file is a msgpack array: a header map, then one array of words per centibel.
# A minimal reader of the types it holds (arrays, maps, strings, small integers).
def read(at):
    b = data[at]
    if b <= 0x7F:
        return b, at + 1
    if 0x80 <= b <= 0x8F or b in (0xDE, 0xDF):
        n, at = (b & 0x0F, at + 1) if b <= 0x8F else (
            struct.unpack(">H" if b == 0xDE else ">I", data[at + 1:at + (3 if b == 0xDE else 5)])[0],
            at + (3 if b == 0xDE else 5))
        out = {}
        for _ in range(n):
            k, at = read(at)
            v, at = read(at)
            out[k] = v
        return out, at
    if 0x90 <= b <= 0x9F or b in (0xDC, 0xDD):
        n, at = (b & 0x0F, at + 1) if b <= 0x9F else (
            struct.unpack(">H" if b == 0xDC else ">I", data[at + 1:at + (3 if b == 0xDC else 5)])[0],
            at + (3 if b == 0xDC else 5))
        out = []
        for _ in range(n):
            v, at = read(at)
            out.append(v)
        return out, at
    if 0xA0 <= b <= 0xBF or b in (0xD9, 0xDA, 0xDB):
        if b <= 0xBF:
            n, at = b & 0x1F, at + 1
        else:
            size = {0xD9: 1, 0xDA: 2, 0xDB: 4}[b]
            n = int.from_bytes(data[at + 1:at + 1 + size], "big")
            at += 1 + size
        return data[at:at + n].decode("utf-8"), at + n
    if b in (0xCC, 0xCD, 0xCE):
        size = {0xCC: 1, 0xCD: 2, 0xCE: 4}[b]
        return int.from_bytes(data[at + 1:at + 1 + size], "big"), at + 1 + size
    raise ValueError(f"unexpected msgpack byte {b:#x} at {at}")

bins, end = read(0)
assert end == len(data) and bins[0].get("format") == "cB", "not a wordfreq cB list"
with open(sys.argv[2], "w", encoding="utf-8") as f:
    for cb, words in enumerate(bins[1:]):
        for word in words:
            f.write(f"{word}\t{cb}\n")
PY
echo "$out/wordfreq-vi.tsv"
