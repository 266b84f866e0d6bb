#!/usr/bin/env bash
# What custom policies cost: `onus scan` of the generated corpus with the
# built-in rules only, and with N Rego policies (bench/policies.py) on top, in
# alternating runs (the machine may be shared: alternating spreads its load
# over both commands), then the cost of one policy on one resource: from the
# wall time, and from the CPU time (user + system), which a shared machine
# inflates less.
#   bench/policies.sh [N] [FILES]        default: 50 policies, 10000 files
#   RUNS=9 bench/policies.sh             runs of each command (default 7)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-50}
FILES=${2:-10000}
RUNS=${RUNS:-7}
OUT=bench/out
cargo build --release -q -p onus-cli -p onus-corpus
ONUS=$PWD/target/release/onus
CORPUS=$OUT/corpus-$FILES
POLICIES=$OUT/policies-$N
mkdir -p "$OUT"
[ -d "$CORPUS" ] || target/release/onus-corpus --files "$FILES" --out "$CORPUS" --seed 7
rm -rf "$POLICIES"
python3 bench/policies.py "$N" "$POLICIES"
"$ONUS" policy check "$POLICIES" | tail -n 1

# Policy evaluations: one per (policy, resource of a type it reads).
evaluations=$("$ONUS" scan "$CORPUS" --policy "$POLICIES" --rule 'bench.*' --format csv | grep -c ',bench\.' || true)

seconds() { # wall seconds, peak RSS KB and CPU seconds of one run
  /usr/bin/time -f "%e %M %U %S" -o "$OUT/time.txt" "$@" >/dev/null 2>&1 || true
  tail -n 1 "$OUT/time.txt" | awk '{ printf "%s %s %.2f\n", $1, $2, $3 + $4 }'
}
median() { sort -n | sed -n "$(( (RUNS + 1) / 2 ))p"; }

echo "machine: $(nproc) cores, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
: >"$OUT/builtin.txt"
: >"$OUT/policies.txt"
"$ONUS" scan "$CORPUS" >/dev/null 2>&1 || true # warm the page cache
for i in $(seq "$RUNS"); do
  seconds "$ONUS" scan "$CORPUS" >>"$OUT/builtin.txt"
  seconds "$ONUS" scan "$CORPUS" --policy "$POLICIES" >>"$OUT/policies.txt"
  echo "run $i: built-in $(tail -n 1 "$OUT/builtin.txt" | cut -d' ' -f1,3 --output-delimiter=' s, CPU ') s; with policies $(tail -n 1 "$OUT/policies.txt" | cut -d' ' -f1,3 --output-delimiter=' s, CPU ') s; load $(cut -d' ' -f1 /proc/loadavg)"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
base=$(cut -d' ' -f1 "$OUT/builtin.txt" | median)
with=$(cut -d' ' -f1 "$OUT/policies.txt" | median)
base_rss=$(cut -d' ' -f2 "$OUT/builtin.txt" | sort -n | tail -n 1)
with_rss=$(cut -d' ' -f2 "$OUT/policies.txt" | sort -n | tail -n 1)
base_cpu=$(cut -d' ' -f3 "$OUT/builtin.txt" | median)
with_cpu=$(cut -d' ' -f3 "$OUT/policies.txt" | median)
awk -v b="$base" -v w="$with" -v bc="$base_cpu" -v wc="$with_cpu" -v n="$N" -v e="$evaluations" -v br="$base_rss" -v wr="$with_rss" 'BEGIN {
  printf "| | built-in rules | + %d Rego policies | added |\n", n
  printf "|---|---:|---:|---:|\n"
  printf "| wall (median of %d) | %.2f s | %.2f s | %+.0f%% |\n", '"$RUNS"', b, w, (w - b) / b * 100
  printf "| CPU, user + system (median) | %.2f s | %.2f s | %+.0f%% |\n", bc, wc, (wc - bc) / bc * 100
  printf "| peak RSS (max) | %.0f MB | %.0f MB | |\n", br / 1024, wr / 1024
  printf "\n%d policy evaluations (a policy on a resource of a type it names): %.1f µs of CPU each, %.1f µs of wall time on 2 cores\n", e, (wc - bc) / e * 1e6, (w - b) / e * 1e6
}'
