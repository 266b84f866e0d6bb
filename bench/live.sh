#!/usr/bin/env bash
# The live scan's benchmark: about N resources (default 1000) over two Regions
# in moto on 127.0.0.1, then `onus scan --aws` timed with its request count.
#   bench/live.sh [N]        PROFILE=release bench/live.sh for a release build
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000}
PROFILE=${PROFILE:-dev}
if [ "$PROFILE" = release ]; then
  cargo build -q --release -p onus-cli --features aws
  dir=release
else
  # The same package selection as scripts/test, so the SDK is not rebuilt.
  cargo test -q --no-run -p onus-aws -p onus-cli --features onus-cli/aws --lib --test read_only --test live
  dir=debug
fi
ONUS=$PWD/target/$dir/onus
read -r url pid python < <(scripts/moto)
trap 'kill "$pid" 2>/dev/null || true' EXIT
start=$(date +%s.%N)
"$python" tests/live/seed.py "$url" --bulk "$N"
echo "seeded in $(echo "$(date +%s.%N) - $start" | bc) s"
export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_REGION=us-east-1 \
  AWS_EC2_METADATA_DISABLED=true AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null
for c in 16 64; do
  /usr/bin/time -f "%e s wall, %M KB max RSS" "$ONUS" scan --aws --endpoint-url "$url" \
    --regions us-east-1,eu-west-1 --aws-concurrency "$c" --format json -o text=/dev/null \
    >target/live-bench.json 2>target/live-bench.err || true
  tail -1 target/live-bench.err
  "$python" - <<'PY' "$c"
import json, sys, collections
r = json.load(open("target/live-bench.json"))
live = r["live"]
types = collections.Counter(x["type"] for x in r["resources"])
print(f"concurrency {sys.argv[1]}: {len(r['resources'])} resources, {live['requests']} requests, "
      f"{live['operations']} operations, {live['seconds']:.1f} s reading, failures {len(live['failures'])}")
print("  ", dict(types.most_common(8)))
s = r["summary"]
print(f"   met {s['met']}, not met {s['not_met']}, unknown {s['unknown']}")
# The seeded verdicts (seed.py --bulk: every fifth resource left non-compliant).
# (Log groups are left out: one without retention keeps its logs forever,
# which meets logs.retention.)
expect = {"AWS::S3::Bucket": "s3.public-access-block", "AWS::SNS::Topic": "sns.encryption-at-rest"}
checked = wrong = 0
for x in r["resources"]:
    rule = expect.get(x["type"])
    name = x["arn"].removesuffix(":*").rsplit(":", 1)[-1].rsplit("/", 1)[-1]
    if not rule or not name.startswith("bulk-"):
        continue
    want = "not-met" if int(name.rsplit("-", 1)[1]) % 5 == 0 else "met"
    got = [v["status"] for d in x["duties"].values() for v in d.get("verdicts", []) if v["rule"] == rule]
    checked += 1
    if got != [want]:
        wrong += 1
        print("   wrong:", x["arn"], rule, got, "expected", want)
print(f"   seeded verdicts checked: {checked}, wrong: {wrong}")
if wrong or not checked:
    sys.exit(1)
PY
done
