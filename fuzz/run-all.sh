#!/usr/bin/env bash
# Runs every fuzz target in turn, one process at a time, for SECONDS each
# (default 600). Logs go to fuzz/logs/<target>.log; crashes to fuzz/artifacts/.
set -uo pipefail
cd "$(dirname "$0")"
secs=${1:-600}
shift || true
targets=${*:-cfn_yaml cfn_json hcl_module plan_json pipeline}
mkdir -p logs
export FUZZ_TMP=${FUZZ_TMP:-/dev/shm}
for t in $targets; do
  mkdir -p "corpus/$t"
  timeout $((secs + 120)) cargo +nightly fuzz run -O "$t" "corpus/$t" -- \
    -max_total_time="$secs" -rss_limit_mb=2048 -max_len=65536 -timeout=20 \
    -print_final_stats=1 > "logs/$t.log" 2>&1
  echo "$t: exit $?" >> logs/summary
done
