#!/usr/bin/env bash
# onus benchmark: files/s, MB/s and peak RSS for reading only, parsing only
# (`onus scan --parse-only`) and a full scan, on generated corpora
# (cached under bench/out/) and on ../shared/corpus when present.
#   bench/run.sh [SIZES...]     default: 1000 10000 50000
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=bench/out
SIZES=("${@:-1000 10000 50000}")
read -r -a SIZES <<<"${SIZES[*]}"
RUNS=${RUNS:-3}
cargo build --release -q -p onus-cli -p onus-corpus
ONUS=$PWD/target/release/onus
GEN=$PWD/target/release/onus-corpus
mkdir -p "$OUT"

corpora=()
for n in "${SIZES[@]}"; do
  dir=$OUT/corpus-$n
  [ -d "$dir" ] || "$GEN" --files "$n" --out "$dir" --seed 7
  corpora+=("$dir")
done
for d in ../shared/corpus/cloudformation ../shared/corpus/terraform; do
  [ -d "$d" ] && corpora+=("$d")
done

# median wall seconds and max RSS (KB) of RUNS runs of a command
measure() {
  local times=() rss=0 t m
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -f "%e %M" -o "$OUT/time.txt" "$@" >/dev/null 2>&1 || true
    read -r t m < <(tail -n 1 "$OUT/time.txt")
    times+=("$t"); [ "$m" -gt "$rss" ] && rss=$m
  done
  printf '%s %s\n' "$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p")" "$rss"
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '| corpus | files | MB | mode | median s | files/s | MB/s | peak RSS MB |\n|---|---:|---:|---|---:|---:|---:|---:|\n'
for dir in "${corpora[@]}"; do
  files=$(find "$dir" -type f \( -name '*.yaml' -o -name '*.yml' -o -name '*.json' -o -name '*.template' -o -name '*.tf' \) | wc -l)
  bytes=$(find "$dir" -type f \( -name '*.yaml' -o -name '*.yml' -o -name '*.json' -o -name '*.template' -o -name '*.tf' \) -print0 | du -cb --files0-from=- | tail -1 | cut -f1)
  mb=$(awk "BEGIN{printf \"%.1f\", $bytes/1e6}")
  for mode in read parse full; do
    case $mode in
      read) cmd=(sh -c "find '$dir' -type f -print0 | xargs -0 cat >/dev/null") ;;
      parse) cmd=("$ONUS" scan --parse-only "$dir") ;;
      full) cmd=("$ONUS" scan "$dir") ;;
    esac
    read -r t rss < <(measure "${cmd[@]}")
    awk -v c="$(basename "$dir")" -v f="$files" -v mb="$mb" -v m="$mode" -v t="$t" -v r="$rss" 'BEGIN{
      s = (t > 0 ? t : 0.001); printf "| %s | %d | %s | %s | %.2f | %.0f | %.1f | %.0f |\n", c, f, mb, m, t, f/s, mb/s, r/1024 }'
  done
done
