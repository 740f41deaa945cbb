#!/usr/bin/env bash
# A viral thread, with and without nginx's cache (not a test; nothing asserts on timings).
#
# Starts, on loopback, exactly what crates/server/README.md's "Deploying" section describes:
# a throwaway PostgreSQL cluster, two binhluan-server processes on it (built with
# `--release`), and Debian's nginx in front with crates/server/deploy/
# nginx-proxy.conf and nginx-cache.conf. Seeds a 30-comment thread, then drives the thread's
# first page (`GET /api/articles/{slug}/comments`) with wrk, one scenario after the other:
#   1. one server, directly (uncached);
#   2. nginx in front of both servers, without its cache;
#   3. nginx in front of both servers, with its cache (the server's `public, max-age=5,
#      stale-while-revalidate=5` and ETag decide what it keeps).
# Then checks that a newly published comment reaches the cached page, and how soon.
#
# Usage: crates/server/bench/cache.sh
# Environment: DURATION (10s), THREADS (2), CONNECTIONS (256), CARGO_TARGET_DIR.
# Needs wrk, nginx and PostgreSQL's server binaries (apt-get install wrk nginx-light
# postgresql); nothing is downloaded.
set -euo pipefail

bench_dir="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=lib.sh
source "$bench_dir/lib.sh"
deploy="$repo/crates/server/deploy"
duration="${DURATION:-10s}"
threads="${THREADS:-2}"
connections="${CONNECTIONS:-256}"

nginx="$(command -v nginx || echo /usr/sbin/nginx)"
[[ -x "$nginx" ]] || { echo "nginx is required (apt-get install nginx-light)" >&2; exit 1; }
pg_bin="$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin 2>/dev/null | sort -V | tail -n 1)"
[[ -x "$pg_bin/initdb" ]] || { echo "PostgreSQL is required (apt-get install postgresql)" >&2; exit 1; }

(cd "$repo" && cargo build --release -p binhluan-server)
binary="$target_dir/release/binhluan-server"

work="$(mktemp -d)"
pids=()
# initdb refuses root: as root, PostgreSQL runs as the `postgres` user, in a folder it owns.
as_pg=()
mkdir "$work/pg"
if [[ "$(id -u)" -eq 0 ]]; then
    as_pg=(runuser -u postgres --)
    chmod 755 "$work"
    chown postgres:postgres "$work/pg"
fi
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    if [[ -f "$work/pg/data/postmaster.pid" ]]; then
        "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$work/pg/data" -m fast stop >/dev/null 2>&1 || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

mapfile -t ports < <(free_ports 5 28200)
pg_port="${ports[0]}" server_a="${ports[1]}" server_b="${ports[2]}"
plain_port="${ports[3]}" cached_port="${ports[4]}"

echo "Starting PostgreSQL on 127.0.0.1:$pg_port ..."
"${as_pg[@]}" "$pg_bin/initdb" -D "$work/pg/data" -U bench --auth=trust >"$work/initdb.log" 2>&1
"${as_pg[@]}" "$pg_bin/pg_ctl" -D "$work/pg/data" -l "$work/pg/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $work/pg -c max_connections=200" start >/dev/null
"$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U bench binhluan
database_url="postgres://bench@127.0.0.1:$pg_port/binhluan"

# The second process starts once the first has applied the migrations.
for port in "$server_a" "$server_b"; do
    RUST_LOG=warn "$binary" --addr "127.0.0.1:$port" --database-url "$database_url" \
        --post-rate-limit 0 --auto-publish --trusted-proxies 127.0.0.1 \
        --dist "$work/no-dist" >"$work/server-$port.log" 2>&1 &
    pids+=("$!")
    wait_ready "http://127.0.0.1:$port/readyz" "$work/server-$port.log"
done

cat >"$work/nginx.conf" <<EOF
worker_processes auto;
daemon off;
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
events { worker_connections 4096; }
http {
    # As Debian's /etc/nginx/nginx.conf, whose http block the README's conf.d file joins.
    sendfile on;
    tcp_nopush on;
    access_log off;
    proxy_cache_path $work/cache levels=1:2 keys_zone=binhluan:10m max_size=100m inactive=10m use_temp_path=off;
    upstream binhluan { server 127.0.0.1:$server_a; server 127.0.0.1:$server_b; keepalive 64; }
    server {
        listen 127.0.0.1:$plain_port;
        location / { include $deploy/nginx-proxy.conf; }
    }
    server {
        listen 127.0.0.1:$cached_port;
        location / { include $deploy/nginx-proxy.conf; include $deploy/nginx-cache.conf; }
    }
}
EOF
"$nginx" -p "$work" -c "$work/nginx.conf" -t >/dev/null 2>&1 \
    || { "$nginx" -p "$work" -c "$work/nginx.conf" -t; exit 1; }
"$nginx" -p "$work" -c "$work/nginx.conf" &
pids+=("$!")
for _ in $(seq 1 100); do
    curl -fs "http://127.0.0.1:$cached_port/healthz" >/dev/null 2>&1 && break
    sleep 0.1
done

post() {
    local n="$1"
    curl -fs -X POST "http://127.0.0.1:$server_a/api/articles/$slug/comments" \
        -H 'Content-Type: application/json' -H "Idempotency-Key: cache-bench-$n-$$" \
        -d "{\"author_name\":\"Người đọc $n\",\"content\":\"Bình luận mẫu số $n: bài viết rất hay và ý nghĩa, cảm ơn tòa soạn đã đưa tin về Sa Pa.\"}" \
        | sed -E 's/^\{"id":([0-9]+).*/\1/'
}
echo "Seeding a 30-comment thread ..."
for n in $(seq 1 30); do post "$n" >/dev/null; done

path="/api/articles/$slug/comments"
cache_status() { curl -s -o /dev/null -D - "http://127.0.0.1:$cached_port$path" | awk -F': ' 'tolower($1) == "x-cache-status" { print $2 }' | tr -d '\r'; }
cache_status >/dev/null
echo "nginx's cache, asked twice: $(cache_status)"

run direct-one-server "http://127.0.0.1:$server_a$path"
run nginx-no-cache "http://127.0.0.1:$plain_port$path"
run nginx-cache "http://127.0.0.1:$cached_port$path"

# A comment published now: how long until a reader of the cached page sees it.
id="$(post 31)"
start_ns="$(date +%s%N)"
until curl -fs "http://127.0.0.1:$cached_port$path" | grep -q "\"id\":$id,"; do
    (( $(date +%s%N) - start_ns < 30000000000 )) || { echo "not shown within 30 s" >&2; exit 1; }
    sleep 0.05
done
shown_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))

echo
echo "== Summary (PostgreSQL, 2 server processes, $threads wrk threads, $connections connections, $duration each)"
summary direct-one-server
summary nginx-no-cache
summary nginx-cache
awk -v cached="$(rps nginx-cache)" -v direct="$(rps direct-one-server)" -v plain="$(rps nginx-no-cache)" \
    'BEGIN { printf "cache: %.1fx one server directly, %.1fx nginx without its cache\n", cached / direct, cached / plain }'
echo "a new comment reached the cached page after ${shown_ms} ms (at most max-age 5 s + stale-while-revalidate 5 s)"
