#!/usr/bin/env bash
# binhluan-server against Isso, side by side on loopback (not a test; nothing asserts on timings).
#
# Issue 15's goals: the uncached server does at least 20x Isso's reads and 3x its durable
# posts, and its metrics cost at most 3 % of throughput. In one run, this script:
#   1. starts Isso 0.14.0 under gunicorn, 2 sync workers with --preload (the deployment Isso
#      documents; --preload makes its write lock one for both workers), on a fresh temporary
#      SQLite file, moderation off and its guard (rate limits) off, so it publishes every post;
#   2. starts binhluan-server, built with `--release`, on a fresh
#      temporary SQLite file with --post-rate-limit 0 --auto-publish, as load.sh does;
#   3. seeds both with the same thread: 30 top-level Vietnamese comments;
#   4. drives each with wrk, the same threads and connections for both:
#        reads  binhluan GET /api/articles/{slug}/comments?limit=30 (the whole thread, as Isso;
#               its widget asks for 20 at a time)
#               Isso     GET /?uri=/{slug} (the whole thread: all 30, what Isso's widget loads by
#               default)
#        posts  binhluan POST /api/articles/{slug}/comments (post_comment.lua)
#               Isso     POST /new?uri=/{slug}, JSON with a title (post_comment.lua, POST_FORMAT=isso)
#      binhluan's reads are measured in rounds, metrics off then on (--metrics-addr), alternating
#      (off, on, off, on with METRICS_ROUNDS=2), each round a fresh process on the same database;
#      the reads ratio uses the mean of the "off" rounds. The metrics endpoint is scraped once
#      after the last "on" round to show it was on;
#   5. prints a summary: req/s, p99 and errors per scenario, and the ratios.
#
# Durability, both on SQLite with every acknowledged post committed and synced to disk:
#   * binhluan-server: WAL, synchronous=FULL (crates/server/src/db/mod.rs): every commit syncs
#     the WAL; one writer at a time per process.
#   * Isso: it sets no PRAGMA, so SQLite's defaults: a rollback journal (journal_mode=DELETE) and
#     synchronous=FULL (2); every commit syncs the journal and the database file. It opens a new
#     connection per statement and holds a lock shared by its workers while it adds a comment.
# The script prints the journal mode and synchronous setting it finds, and the file system the
# databases are on (on tmpfs, syncs cost nothing and "durable" means nothing).
# Isso's sync workers close the connection after every response (no keep-alive): wrk reconnects
# for each Isso request. That is part of what the documented setup costs.
#
# Usage: crates/server/bench/isso.sh
# Environment: DURATION (10s), THREADS (2), CONNECTIONS (32), METRICS_ROUNDS (2),
#              ISSO_VENV (/tmp/isso-venv: a venv with isso==0.14.0 and gunicorn), CARGO_TARGET_DIR.
# Needs wrk (apt-get install wrk); nothing is downloaded.
set -euo pipefail

bench_dir="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=lib.sh
source "$bench_dir/lib.sh"
duration="${DURATION:-10s}"
threads="${THREADS:-2}"
connections="${CONNECTIONS:-32}"
metrics_rounds="${METRICS_ROUNDS:-2}"
venv="${ISSO_VENV:-/tmp/isso-venv}"

if [[ ! -x "$venv/bin/gunicorn" ]] || ! "$venv/bin/python" -c 'import isso' 2>/dev/null; then
    echo "Isso and gunicorn are required in $venv; create it with:" >&2
    echo "  python3 -m venv $venv && $venv/bin/pip install isso==0.14.0 gunicorn" >&2
    exit 1
fi

(cd "$repo" && cargo build --release -p binhluan-server)
binary="$target_dir/release/binhluan-server"

work="$(mktemp -d)"
isso_pid=""
binhluan_pid=""
cleanup() {
    for pid in "$isso_pid" "$binhluan_pid"; do
        if [[ -n "$pid" ]]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
    done
    rm -rf "$work"
}
trap cleanup EXIT

mapfile -t ports < <(free_ports 3 28500)
isso="http://127.0.0.1:${ports[0]}"
binhluan="http://127.0.0.1:${ports[1]}"
metrics_addr="127.0.0.1:${ports[2]}"

# Isso's configuration: what differs from its defaults (isso/isso.cfg in the venv).
cat >"$work/isso.cfg" <<EOF
[general]
dbpath = $work/isso.db
host = $isso/
[moderation]
enabled = false
[guard]
enabled = false
EOF
echo "Starting Isso $("$venv/bin/python" -c 'import isso; print(isso.__version__)') under $("$venv/bin/gunicorn" --version) on $isso ..."
ISSO_SETTINGS="$work/isso.cfg" "$venv/bin/gunicorn" --bind "${isso#http://}" --workers 2 --preload \
    isso.run:application >"$work/isso.log" 2>&1 &
isso_pid=$!
wait_ready "$isso/config" "$work/isso.log"

# binhluan-server with the flags of load.sh, and any extra ones given.
start_binhluan() {
    RUST_LOG=warn "$binary" --addr "${binhluan#http://}" --database-url "sqlite://$work/binhluan.db" \
        --post-rate-limit 0 --auto-publish --content "$repo/content/articles" --dist "$work/no-dist" \
        "$@" >>"$work/binhluan.log" 2>&1 &
    binhluan_pid=$!
    wait_ready "$binhluan/api/policy" "$work/binhluan.log"
}
stop_binhluan() {
    kill "$binhluan_pid"
    wait "$binhluan_pid" || true
    binhluan_pid=""
}
echo "Starting binhluan-server ($binary) on $binhluan ..."
start_binhluan

echo "Seeding both with a 30-comment thread ..."
for n in $(seq 1 30); do
    text="Bình luận mẫu số $n: bài viết rất hay và ý nghĩa, cảm ơn tòa soạn đã đưa tin về Sa Pa."
    curl -fs -o /dev/null -X POST "$binhluan/api/articles/$slug/comments" -H 'Content-Type: application/json' \
        -H "Idempotency-Key: isso-bench-$n-$$" -d "{\"author_name\":\"Người đọc $n\",\"content\":\"$text\"}"
    curl -fs -o /dev/null -X POST "$isso/new?uri=/$slug" -H 'Content-Type: application/json' \
        -d "{\"author\":\"Người đọc $n\",\"title\":\"Lan tỏa việc học và làm theo Bác ở Sa Pa\",\"text\":\"$text\"}"
done
stop_binhluan

# Isso's connections get what a new connection of the venv's Python gets; binhluan's journal
# mode is kept in its file (its synchronous=FULL is per connection, set by the server).
"$venv/bin/python" - "$work" <<'EOF'
import sqlite3, sys
isso = sqlite3.connect(sys.argv[1] + "/isso.db")
mode, = isso.execute("PRAGMA journal_mode").fetchone()
sync, = isso.execute("PRAGMA synchronous").fetchone()
print(f"Isso's SQLite {sqlite3.sqlite_version}: journal_mode={mode}, synchronous={sync} (2 = FULL)")
mode, = sqlite3.connect(sys.argv[1] + "/binhluan.db").execute("PRAGMA journal_mode").fetchone()
print(f"binhluan's SQLite file: journal_mode={mode}, synchronous=FULL (set on every connection)")
EOF
echo "Databases on $(findmnt -no FSTYPE -T "$work") ($work)"

run isso-read "$isso/?uri=/$slug"
for round in $(seq 1 "$metrics_rounds"); do
    start_binhluan
    run "binhluan-read-off-$round" "$binhluan/api/articles/$slug/comments?limit=30"
    stop_binhluan
    start_binhluan --metrics-addr "$metrics_addr"
    run "binhluan-read-on-$round" "$binhluan/api/articles/$slug/comments?limit=30"
    if [[ "$round" -eq "$metrics_rounds" ]]; then curl -fs "http://$metrics_addr/metrics" >"$work/metrics.txt"; fi
    stop_binhluan
done

POST_FORMAT=isso run isso-post -s "$bench_dir/post_comment.lua" "$isso/new?uri=/$slug"
start_binhluan
run binhluan-post -s "$bench_dir/post_comment.lua" "$binhluan/api/articles/$slug/comments"
stop_binhluan

echo
echo "== The metrics endpoint after the last round with metrics on (http://$metrics_addr/metrics):"
grep '^binhluan_http_requests_total' "$work/metrics.txt"

mean_rps() {
    local kind="$1"
    for round in $(seq 1 "$metrics_rounds"); do rps "binhluan-read-$kind-$round"; done \
        | awk '{ sum += $1 } END { printf "%.2f", sum / NR }'
}
off="$(mean_rps off)"
on="$(mean_rps on)"
echo
echo "== Summary (loopback, wrk $threads threads, $connections connections, $duration each)"
summary isso-read
for round in $(seq 1 "$metrics_rounds"); do
    summary "binhluan-read-off-$round"
    summary "binhluan-read-on-$round"
done
summary isso-post
summary binhluan-post
awk -v off="$off" -v isso="$(rps isso-read)" -v rounds="$metrics_rounds" 'BEGIN {
    printf "reads:   binhluan %.1fx Isso (binhluan: mean of the %d rounds with metrics off, %.2f req/s)\n", off / isso, rounds, off
}'
awk -v binhluan="$(rps binhluan-post)" -v isso="$(rps isso-post)" \
    'BEGIN { printf "posts:   binhluan %.1fx Isso (durable, SQLite synchronous=FULL on both)\n", binhluan / isso }'
awk -v off="$off" -v on="$on" -v rounds="$metrics_rounds" 'BEGIN {
    printf "metrics: on %.2f req/s against off %.2f (mean of %d rounds each): %+.1f %% throughput\n", on, off, rounds, (on - off) / off * 100
}'
