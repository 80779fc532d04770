#!/usr/bin/env bash
# The cohort dashboard at scale (BENCHMARKS.md, "Cohort"): N students'
# coverage.json read from local files and fetched from a local HTTP server,
# wall time and peak memory of `cohort`, for N = 500, 1000, 2000.
#
#   benches/cohort/run.sh [BINARY]
#
# BINARY must be built with the test-support feature for the HTTP half
# (plain HTTP on 127.0.0.1 is refused otherwise, SECURITY.md):
#   cargo build --release --locked --features test-support
# The documents are one real `coverage --format json` of the example book,
# each student's copy with its own skills' report counts and dates
# (deterministic, seeded), so that every figure of the dashboard varies.
set -euo pipefail
cd "$(dirname "$0")/../.."
binary=${1:-target/release/mdbook-technical-file}
work=$(mktemp -d)
trap 'kill "${server:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
"$binary" coverage --format json > "$work/example.json"
python3 benches/cohort/students.py "$work/example.json" "$work" 2000
(cd "$work/sites" && exec python3 -u -m http.server --bind 127.0.0.1 0 > "$work/server.log" 2>&1) &
server=$!
for _ in $(seq 50); do
    port=$(grep -o 'port [0-9]*' "$work/server.log" | grep -o '[0-9]*' || true)
    [ -n "$port" ] && break
    sleep 0.1
done
printf '| students | source | wall time (s) | peak memory (MB) |\n|---:|---|---:|---:|\n'
for n in 500 1000 2000; do
    for source in files http; do
        python3 benches/cohort/students.py --cohort "$work" "$n" "$source" "$port" > "$work/COHORT.toml"
        /usr/bin/time -f '%e %M' -o "$work/time" "$binary" cohort "$work/COHORT.toml" \
            --output "$work/out" --date 2026-12-01 2> "$work/err" || { cat "$work/err"; exit 1; }
        read -r wall kb < "$work/time"
        printf '| %d | %s | %s | %.1f |\n' "$n" "$source" "$wall" "$(echo "$kb / 1024" | bc -l)"
    done
done
