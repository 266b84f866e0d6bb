#!/usr/bin/env bash
# Times onus against Checkov, cfn-lint and cfn-guard on the same corpora with
# hyperfine and prints a ratio table. Installs the peers under bench/out/.
#   bench/compare.sh
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=bench/out
mkdir -p "$OUT"
cargo build --release -q -p onus-cli -p onus-corpus
ONUS=$PWD/target/release/onus
[ -x "$OUT/venv/bin/checkov" ] || { python3 -m venv "$OUT/venv" && "$OUT/venv/bin/pip" install -q checkov cfn-lint; }
[ -x "$OUT/cargo/bin/cfn-guard" ] || cargo install -q --locked cfn-guard --root "$OUT/cargo"
CHECKOV=$OUT/venv/bin/checkov CFNLINT=$OUT/venv/bin/cfn-lint GUARD=$OUT/cargo/bin/cfn-guard
CFN=${CFN:-../shared/corpus/cloudformation}
TF=${TF:-../shared/corpus/terraform}
[ -d "$OUT/corpus-1000" ] || target/release/onus-corpus --files 1000 --out "$OUT/corpus-1000"

echo "versions: onus $($ONUS --version | cut -d' ' -f2), checkov $($CHECKOV --version), $($CFNLINT --version), $($GUARD --version)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "rules: onus $($ONUS rules --format json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))'), cfn-guard $(cat bench/guard-rules/*.guard | grep -c '^rule ') (bench/guard-rules/: Guard ports of onus's CloudFormation rules)"
hf() { hyperfine --style basic -N -i --export-json "$OUT/hf-$1.json" "${@:2}" >/dev/null; }
# onus is fast: warm up and repeat; the peers are slow: one or two runs.
hf onus-cfn --warmup 1 --runs 10 "$ONUS scan $CFN"
hf guard-cfn --runs 2 "$GUARD validate -r bench/guard-rules -d $CFN -S none"
hf cfnlint-cfn --runs 1 "$CFNLINT '$CFN/**/*.yaml' '$CFN/**/*.yml' '$CFN/**/*.json'"
hf checkov-cfn --runs 1 "$CHECKOV -d $CFN --framework cloudformation --quiet --compact -o json"
hf onus-tf --warmup 1 --runs 10 "$ONUS scan $TF"
# Checkov has not finished this corpus in 20 minutes before: stop it after
# TF_LIMIT seconds and report the limit as a lower bound.
TF_LIMIT=${TF_LIMIT:-900}
hf checkov-tf --runs 1 "timeout $TF_LIMIT $CHECKOV -d $TF --framework terraform --quiet --compact -o json"

median() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['results'][0]['median'])" "$OUT/hf-$1.json"; }
ocfn=$(median onus-cfn); otf=$(median onus-tf)
printf '| corpus | tool | median s | onus is N× faster |\n|---|---|---:|---:|\n'
for t in onus guard cfnlint checkov; do
  m=$(median $t-cfn); printf '| cloudformation | %s | %.3f | %.0f |\n' $t "$m" "$(echo "$m / $ocfn" | bc -l)"
done
for t in onus checkov; do
  m=$(median $t-tf)
  bound=""; [ "$t" = checkov ] && awk "BEGIN{exit !($m >= $TF_LIMIT - 1)}" && bound=">"
  printf '| terraform | %s | %s%.3f | %s%.0f |\n' $t "$bound" "$m" "$bound" "$(echo "$m / $otf" | bc -l)"
done
