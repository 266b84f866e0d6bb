#!/usr/bin/env bash
# onus benchmark: files/s, MB/s and peak RSS for reading only, parsing only
# (`onus scan --parse-only`) and a full scan, on generated corpora of small
# files and of realistic sizes (cached under $BENCH_OUT, default bench/out/;
# the realistic 50k corpus takes about 470 MB) and on ../shared/corpus when
# present; then, on the first realistic corpus, every output format (time,
# peak RSS, output size) and several at once.
#   bench/run.sh [SIZES...]     default: 1000 10000 50000
#   REAL="10000 50000"          realistic corpus sizes ("" for none)
#   FORMATS=0                   skip the per-format table
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${BENCH_OUT:-bench/out}
SIZES=("${@:-1000 10000 50000}")
read -r -a SIZES <<<"${SIZES[*]}"
read -r -a REAL <<<"${REAL-10000 50000}"
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
for n in "${REAL[@]}"; do
  dir=$OUT/real-$n
  [ -d "$dir" ] || "$GEN" --files "$n" --out "$dir" --seed 7 --profile realistic
  corpora+=("$dir")
done
for d in ../shared/corpus/cloudformation ../shared/corpus/terraform ../shared/corpus; do
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

[ "${FORMATS:-1}" = 0 ] && exit 0
formats_on=(../shared/corpus)
[ ${#REAL[@]} -gt 0 ] && formats_on=("$OUT/real-${REAL[0]}" ../shared/corpus)
for dir in "${formats_on[@]}"; do
  [ -d "$dir" ] || continue
  bytes=$(find "$dir" -type f \( -name '*.yaml' -o -name '*.yml' -o -name '*.json' -o -name '*.template' -o -name '*.tf' \) -print0 | du -cb --files0-from=- | tail -1 | cut -f1)
  echo
  echo "$(basename "$dir"): every format (report to a file in $OUT, size / input size)"
  printf '| output | median s | peak RSS MB | MB written | × input |\n|---|---:|---:|---:|---:|\n'
  for f in text json sarif csv github junit markdown html "text -o json -o sarif -o html" "json --json-v1"; do
    read -r -a words <<<"$f"
    args=(--format "${words[0]}")
    for ((i = 1; i < ${#words[@]}; i++)); do
      case ${words[$i]} in
        -o) i=$((i + 1)); args+=(-o "${words[$i]}=$OUT/extra.${words[$i]}") ;;
        *) args+=("${words[$i]}") ;;
      esac
    done
    read -r t rss < <(measure sh -c "'$ONUS' scan ${args[*]} '$dir' > '$OUT/report.out'")
    written=$(stat -c %s "$OUT/report.out")
    for x in "$OUT"/extra.*; do [ -f "$x" ] && written=$((written + $(stat -c %s "$x"))); done
    rm -f "$OUT"/extra.*
    awk -v f="$f" -v t="$t" -v r="$rss" -v w="$written" -v b="$bytes" 'BEGIN{
      printf "| %s | %.2f | %.0f | %.1f | %.2f |\n", f, t, r/1024, w/1e6, w/b }'
  done
  rm -f "$OUT/report.out"
done
