#!/usr/bin/env bash
# What the rules add to the app's wasm, gzip -9, tables included.
#
# Builds examples/size_probe (an export that calls `check`) and examples/size_probe_baseline
# (the same export without the rules) for wasm32 with the app's profile (`wasm-release`),
# shrinks both with `wasm-opt -Oz` when it is available (WASM_OPT=path, or binaryen from npm:
# `npm install binaryen@132` and WASM_OPT=node_modules/.bin/wasm-opt), and prints the sizes.
#
#   crates/rules/tools/wasm-size.sh
set -euo pipefail
cd "$(dirname "$0")/../../.."
target="${CARGO_TARGET_DIR:-target}"
cargo build --quiet -p binhluan-rules --profile wasm-release --target wasm32-unknown-unknown \
  --example size_probe --example size_probe_baseline --config 'profile.wasm-release.strip=true'
wasm_opt="${WASM_OPT:-$(command -v wasm-opt || true)}"
declare -A gz
for probe in size_probe size_probe_baseline; do
  wasm="$target/wasm32-unknown-unknown/wasm-release/examples/$probe.wasm"
  out="$(mktemp)"
  if [ -n "$wasm_opt" ]; then
    "$wasm_opt" -Oz --enable-bulk-memory --enable-sign-ext --enable-nontrapping-float-to-int \
      --enable-mutable-globals "$wasm" -o "$out"
  else
    cp "$wasm" "$out"
  fi
  gz[$probe]=$(gzip -9 -c "$out" | wc -c)
  echo "$probe: $(wc -c < "$wasm") bytes built, $(wc -c < "$out") after wasm-opt, ${gz[$probe]} gzip -9"
  rm -f "$out"
done
echo "rules contribution: $(( gz[size_probe] - gz[size_probe_baseline] )) bytes gzip -9"
