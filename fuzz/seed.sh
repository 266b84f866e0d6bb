#!/usr/bin/env bash
# Builds the seed corpora of every target from the project's own fixtures and
# examples into fuzz/corpus/<target>/ (not committed; regenerate with this).
set -euo pipefail
cd "$(dirname "$0")/.."
out=fuzz/corpus
mkdir -p "$out"/{cfn_yaml,cfn_json,hcl_module,plan_json,pipeline}
n=0
add() { # target file [prefix-byte]
  n=$((n + 1))
  if [ $# -eq 3 ]; then
    { printf "\\x$3"; cat "$2"; } > "$out/$1/seed-$n"
  else
    cp "$2" "$out/$1/seed-$n"
  fi
}
while IFS= read -r -d '' f; do
  case "$f" in
    *.yaml|*.yml|*.template) add cfn_yaml "$f"; add pipeline "$f" 00 ;;
    *.tf) add hcl_module "$f"; add pipeline "$f" 01 ;;
    *.json)
      if grep -q '"format_version"\|"planned_values"\|"resource_changes"' "$f"; then
        add plan_json "$f"; add pipeline "$f" 02
      else
        add cfn_json "$f"; add pipeline "$f" 00
      fi ;;
  esac
done < <(find crates/onus-ingest/tests/fixtures examples tests/regressions -type f -print0 2>/dev/null)
for t in "$out"/*; do echo "$(basename "$t"): $(ls "$t" | wc -l) seeds"; done
