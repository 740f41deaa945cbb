#!/usr/bin/env bash
# Load benchmark of binhluan-server (not a test; nothing asserts on timings).
#
# Builds the server in release with speed settings, starts it on loopback with a fresh
# temporary SQLite database (or the empty PostgreSQL database in BENCH_DATABASE_URL), the
# post rate limit off and --auto-publish, seeds comments, then drives it with wrk for a
# bounded time per scenario and prints requests/second and p99 latency:
#   1. GET  /api/articles/{slug}/comments   (a page of 20 with replies: the public page, the same for every reader)
#   2. POST /api/articles/{slug}/comments   (unique Idempotency-Key, valid comment; see post_comment.lua)
#
# Usage: crates/server/bench/load.sh
# Environment: DURATION (10s), THREADS (2), CONNECTIONS (32), SEED_COMMENTS (200),
#              BENCH_DATABASE_URL (default: a temporary SQLite file), CARGO_TARGET_DIR.
set -euo pipefail

bench_dir="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$bench_dir/../../.." && pwd)"
duration="${DURATION:-10s}"
threads="${THREADS:-2}"
connections="${CONNECTIONS:-32}"
seed_comments="${SEED_COMMENTS:-200}"
slug="lan-toa-viec-hoc-va-lam-theo-bac-o-dang-bo-thi-xa-sa-pa"
target_dir="${CARGO_TARGET_DIR:-$repo/target}"

command -v wrk >/dev/null || { echo "wrk is required (apt-get install wrk)" >&2; exit 1; }

# The workspace's release profile is tuned for a small wasm bundle; the server wants speed.
(cd "$repo" && cargo build --release -p binhluan-server \
    --config 'profile.release.opt-level=3' \
    --config 'profile.release.panic="unwind"' \
    --config 'profile.release.lto="thin"' \
    --config 'profile.release.codegen-units=16')
binary="$target_dir/release/binhluan-server"

work="$(mktemp -d)"
server_pid=""
cleanup() {
    if [[ -n "$server_pid" ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

# A free loopback port: one nothing answers on.
port=""
for candidate in $(seq 38000 38100); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port="$candidate"; break; fi
done
[[ -n "$port" ]] || { echo "no free port in 38000-38100" >&2; exit 1; }
base="http://127.0.0.1:$port"
database_url="${BENCH_DATABASE_URL:-sqlite://$work/bench.db}"

RUST_LOG=warn "$binary" --addr "127.0.0.1:$port" --database-url "$database_url" \
    --post-rate-limit 0 --auto-publish --dist "$work/no-dist" >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do
    curl -fs "$base/api/policy" >/dev/null 2>&1 && break
    sleep 0.1
done
curl -fs "$base/api/policy" >/dev/null || { cat "$work/server.log" >&2; exit 1; }

echo "Seeding $seed_comments comments (every fifth a reply) on $database_url ..."
parent=""
for n in $(seq 1 "$seed_comments"); do
    body="{\"author_name\":\"Người đọc $n\",\"content\":\"Bình luận mẫu số $n: bài viết rất hay và ý nghĩa, cảm ơn tòa soạn đã đưa tin về Sa Pa.\""
    if [[ -n "$parent" && $((n % 5)) -eq 0 ]]; then body="$body,\"parent_id\":$parent"; fi
    id="$(curl -fs -X POST "$base/api/articles/$slug/comments" -H 'Content-Type: application/json' \
        -H "Idempotency-Key: seed-$n-$$" -d "$body}" | sed -E 's/^\{"id":([0-9]+).*/\1/')"
    if [[ $((n % 5)) -eq 1 ]]; then parent="$id"; fi
done

run() {
    local name="$1"; shift
    echo
    echo "== $name: wrk -t$threads -c$connections -d$duration --latency $*"
    wrk -t"$threads" -c"$connections" -d"$duration" --latency "$@" | tee "$work/$name.txt"
}
run get-comments "$base/api/articles/$slug/comments"
run post-comments -s "$bench_dir/post_comment.lua" "$base/api/articles/$slug/comments"

summary() {
    local name="$1"
    local rps p99
    rps="$(awk '/^Requests\/sec:/ { print $2 }' "$work/$name.txt")"
    p99="$(awk '$1 == "99%" { print $2 }' "$work/$name.txt")"
    errors="$(awk '/Non-2xx|Socket errors/ { print }' "$work/$name.txt" | tr '\n' ' ')"
    printf '%-14s %10s req/s   p99 %8s   %s\n' "$name" "$rps" "$p99" "$errors"
}
echo
echo "== Summary ($database_url, $threads threads, $connections connections, $duration each)"
summary get-comments
summary post-comments
