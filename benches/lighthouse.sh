#!/usr/bin/env bash
# Lighthouse benchmark of the server-rendered article page (a benchmark, not a test).
#
# Builds the release bundle and server as scripts/run does, starts the server on loopback with
# a fresh SQLite database holding the sample articles and COMMENTS approved comments on the
# seed article, and runs Lighthouse 12.2.3 (node_modules, installed by scripts/setup) with its
# mobile defaults (simulated slow 4G, 4x CPU slowdown, a Moto G Power screen) RUNS times on
# /bai-viet/{seed}. Prints the median run's scores and metrics, the bytes a reader needs
# before the article is readable (the page's HTML and stylesheet, gzip), and each target.
#
# Usage: benches/lighthouse.sh
# Environment: RUNS (3), COMMENTS (20), CHROME_PATH (/usr/bin/chromium), OUT (target/lighthouse).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
runs="${RUNS:-3}"
comments="${COMMENTS:-20}"
out="${OUT:-target/lighthouse}"
slug="lan-toa-viec-hoc-va-lam-theo-bac-o-dang-bo-thi-xa-sa-pa"
token="lighthouse-bench-token-0123456789abcdef"

scripts/setup build
trunk build --release
cargo build --locked --release -p binhluan-server

work="$(mktemp -d)"
server_pid=""
cleanup() {
    if [[ -n "$server_pid" ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

port=""
for candidate in $(seq 38200 38300); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port="$candidate"; break; fi
done
[[ -n "$port" ]] || { echo "no free port in 38200-38300" >&2; exit 1; }
base="http://127.0.0.1:$port"

RUST_LOG=warn target/release/binhluan-server --addr "127.0.0.1:$port" \
    --database-url "sqlite://$work/bench.db" --dist dist --post-rate-limit 0 \
    --moderation-token "$token" >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do
    curl -fs "$base/api/policy" >/dev/null 2>&1 && break
    sleep 0.1
done
curl -fs "$base/api/policy" >/dev/null || { cat "$work/server.log" >&2; exit 1; }

# Readers' comments, approved, so the page carries a full first page of them.
for n in $(seq 1 "$comments"); do
    id=$(curl -fs -X POST "$base/api/articles/$slug/comments" \
        -H 'Content-Type: application/json' -H "Idempotency-Key: lighthouse-$n" \
        -d "{\"author_name\":\"Bạn đọc $n\",\"content\":\"Bài viết số $n rất hay, cảm ơn tòa soạn đã đưa tin về phong trào học tập ở Sa Pa.\"}" |
        node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).id))')
    curl -fs -X POST "$base/api/moderation/comments/$id/approve" -H "Authorization: Bearer $token" \
        -H 'Content-Type: application/json' -d '{}' >/dev/null
done

page="$base/bai-viet/$slug"
stylesheet=$(ls dist/main-*.css | head -1)
html_gz=$(curl -fs -H 'Accept-Encoding: gzip' "$page" | wc -c)
css_gz=$(curl -fs -H 'Accept-Encoding: gzip' "$base/$(basename "$stylesheet")" | wc -c)
wasm_gz=$(gzip -9c dist/binhluan-*_bg.wasm | wc -c)

mkdir -p "$out"
for run in $(seq 1 "$runs"); do
    lighthouse "$page" --quiet --output=json --output-path="$out/run-$run.json" \
        --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run" \
        >/dev/null
done

node - "$out" "$runs" "$html_gz" "$css_gz" "$wasm_gz" <<'EOF'
const [out, runs, htmlGz, cssGz, wasmGz] = process.argv.slice(2);
const fs = require("fs");
const reports = [];
for (let run = 1; run <= Number(runs); run++) {
  reports.push(JSON.parse(fs.readFileSync(`${out}/run-${run}.json`, "utf8")));
}
const score = (r, c) => Math.round(r.categories[c].score * 100);
reports.sort((a, b) => score(a, "performance") - score(b, "performance"));
const median = reports[Math.floor(reports.length / 2)];
const audit = (id) => median.audits[id].numericValue;
const rows = [
  ["performance", score(median, "performance"), ">= 98", score(median, "performance") >= 98],
  ["accessibility", score(median, "accessibility"), "100", score(median, "accessibility") === 100],
  ["best practices", score(median, "best-practices"), "100", score(median, "best-practices") === 100],
  ["SEO", score(median, "seo"), "100", score(median, "seo") === 100],
  ["FCP (ms)", Math.round(audit("first-contentful-paint")), "", true],
  ["LCP (ms)", Math.round(audit("largest-contentful-paint")), "<= 1500", audit("largest-contentful-paint") <= 1500],
  ["TBT (ms)", Math.round(audit("total-blocking-time")), "<= 50", audit("total-blocking-time") <= 50],
  ["CLS", audit("cumulative-layout-shift").toFixed(3), "<= 0.01", audit("cumulative-layout-shift") <= 0.01],
  ["transferred (KiB)", (audit("total-byte-weight") / 1024).toFixed(1), "", true],
  ["HTML + CSS gzip (B)", Number(htmlGz) + Number(cssGz), "<= 15000", Number(htmlGz) + Number(cssGz) <= 15000],
  ["  of which HTML", htmlGz, "", true],
  ["wasm gzip (B)", wasmGz, "<= 200000", Number(wasmGz) <= 200000],
];
console.log(`Lighthouse ${median.lighthouseVersion}, ${median.configSettings.formFactor}, median of ${runs} runs by performance (all: ${reports.map((r) => score(r, "performance")).join(", ")})`);
for (const [name, value, target, met] of rows) {
  console.log(`${name.padEnd(22)} ${String(value).padStart(9)}  ${target ? (met ? "ok " : "MISSED ") + target : ""}`);
}
const failed = Object.values(median.audits).filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === "binary");
if (failed.length) console.log(`failed audits: ${failed.map((a) => a.id).join(", ")}`);
console.log(`reports: ${out}/run-*.json`);
EOF
