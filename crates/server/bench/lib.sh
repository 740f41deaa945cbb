# shellcheck shell=bash
# The callers set $work, $threads, $connections and $duration.
# shellcheck disable=SC2154
# What the load benchmarks share (sourced by load.sh, cache.sh and isso.sh): the repository, the
# article, wrk; free ports, waiting for a server, running wrk into $work, and reading its
# figures back.

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
# shellcheck disable=SC2034 # used by the scripts that source this file
slug="lan-toa-viec-hoc-va-lam-theo-bac-o-dang-bo-thi-xa-sa-pa"
# shellcheck disable=SC2034
target_dir="${CARGO_TARGET_DIR:-$repo/target}"
command -v wrk >/dev/null || { echo "wrk is required (apt-get install wrk)" >&2; exit 1; }

# Prints `count` free loopback ports from `first` on (ones nothing answers on), one a line. Callers
# start below Linux's ephemeral range (32768-60999): wrk's many connections would otherwise leave
# a port in TIME_WAIT that a server started later cannot bind.
free_ports() {
    local count="$1" first="$2" found=0
    for candidate in $(seq "$first" $((first + 200))); do
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then
            echo "$candidate"
            found=$((found + 1))
            [[ $found -eq $count ]] && return 0
        fi
    done
    echo "not enough free ports from $first" >&2
    return 1
}

# Waits until `url` answers 2xx; otherwise prints `log` and exits.
wait_ready() {
    local url="$1" log="$2"
    for _ in $(seq 1 100); do
        curl -fs "$url" >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    echo "$url did not answer" >&2
    cat "$log" >&2
    exit 1
}

# `run NAME ARGS…`: wrk with $threads, $connections and $duration, its output kept in $work/NAME.txt.
run() {
    local name="$1"; shift
    echo
    echo "== $name: wrk -t$threads -c$connections -d$duration --latency $*"
    wrk -t"$threads" -c"$connections" -d"$duration" --latency "$@" | tee "$work/$name.txt"
}

# Requests per second of the run NAME.
rps() { awk '/^Requests\/sec:/ { print $2 }' "$work/$1.txt"; }

# One summary line for the run NAME: requests per second, p99 and errors.
summary() {
    local name="$1" p99 errors
    p99="$(awk '$1 == "99%" { print $2 }' "$work/$name.txt")"
    errors="$(awk '/Non-2xx|Socket errors/ { print }' "$work/$name.txt" | sed 's/^ *//' | paste -sd ';' -)"
    printf '%-20s %10s req/s   p99 %9s   %s\n' "$name" "$(rps "$name")" "$p99" "${errors:-no errors}"
}
