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
# shellcheck source=lib.sh
source "$bench_dir/lib.sh"
duration="${DURATION:-10s}"
threads="${THREADS:-2}"
connections="${CONNECTIONS:-32}"
seed_comments="${SEED_COMMENTS:-200}"


(cd "$repo" && cargo build --release -p binhluan-server)
binary="$target_dir/release/binhluan-server"

work="$(mktemp -d)"
server_pid=""
cleanup() {
    if [[ -n "$server_pid" ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

port="$(free_ports 1 28000)"
base="http://127.0.0.1:$port"
database_url="${BENCH_DATABASE_URL:-sqlite://$work/bench.db}"

RUST_LOG=warn "$binary" --addr "127.0.0.1:$port" --database-url "$database_url" \
    --post-rate-limit 0 --auto-publish --dist "$work/no-dist" >"$work/server.log" 2>&1 &
server_pid=$!
wait_ready "$base/api/policy" "$work/server.log"

echo "Seeding $seed_comments comments (every fifth a reply) on $database_url ..."
parent=""
for n in $(seq 1 "$seed_comments"); do
    body="{\"author_name\":\"Người đọc $n\",\"content\":\"Bình luận mẫu số $n: bài viết rất hay và ý nghĩa, cảm ơn tòa soạn đã đưa tin về Sa Pa.\""
    if [[ -n "$parent" && $((n % 5)) -eq 0 ]]; then body="$body,\"parent_id\":$parent"; fi
    id="$(curl -fs -X POST "$base/api/articles/$slug/comments" -H 'Content-Type: application/json' \
        -H "Idempotency-Key: seed-$n-$$" -d "$body}" | sed -E 's/^\{"id":([0-9]+).*/\1/')"
    if [[ $((n % 5)) -eq 1 ]]; then parent="$id"; fi
done

run get-comments "$base/api/articles/$slug/comments"
run post-comments -s "$bench_dir/post_comment.lua" "$base/api/articles/$slug/comments"

echo
echo "== Summary ($database_url, $threads threads, $connections connections, $duration each)"
summary get-comments
summary post-comments
