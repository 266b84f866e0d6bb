#!/usr/bin/env python3
"""Checks the Guard ports of onus rules against onus's own examples.

Each top-level Guard rule in bench/guard-rules/*.guard is preceded by a
`# onus: <rule id>` comment naming the onus rule it ports. For every port, the
CloudFormation pass/fail examples in that rule's documentation
(`onus rules --format json`) are run through cfn-guard, and the port must
PASS the pass examples and FAIL the fail examples. A `# differs: <why>` comment
above a rule records a known difference: its mismatches are listed but do not
fail the check.

  python3 bench/guard-rules/check.py [FILE.guard ...]   (from the repository root)
"""

import json
import os
import re
import subprocess
import sys
import tempfile

ONUS = os.environ.get("ONUS", "target/release/onus")
GUARD = os.environ.get("GUARD", "bench/out/cargo/bin/cfn-guard")
HERE = os.path.dirname(os.path.abspath(__file__))

EXAMPLE = re.compile(r"```(yaml|json) (pass|fail)\n(.*?)```", re.S)
STATUS = re.compile(r"^\S*?/(\w+)\s+(PASS|FAIL|SKIP)\s*$", re.M)


def ports(path):
    """(guard rule name, onus id, differs note) for each ported rule in a file."""
    found, onus_id, differs = [], None, None
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if line.startswith("# onus:"):
            onus_id = line.split(":", 1)[1].strip()
        elif line.startswith("# differs:"):
            differs = line.split(":", 1)[1].strip()
        elif m := re.match(r"rule\s+(\w+)", line):
            if onus_id:
                found.append((m.group(1), onus_id, differs))
            onus_id, differs = None, None
    return found


def statuses(guard_file, data_file):
    out = subprocess.run(
        [GUARD, "validate", "-r", guard_file, "-d", data_file, "-S", "all"],
        capture_output=True,
        text=True,
    )
    if out.returncode not in (0, 19):
        return None, out.stderr.strip() or out.stdout.strip()
    return dict(STATUS.findall(out.stdout)), None


def main():
    files = sys.argv[1:] or sorted(
        os.path.join(HERE, f) for f in os.listdir(HERE) if f.endswith(".guard")
    )
    rules = {r["id"]: r for r in json.loads(subprocess.check_output([ONUS, "rules", "--format", "json"]))}
    cfn_rules = {i for i, r in rules.items() if r["cfn_types"]}
    ported, failures, differences, checked = {}, [], [], 0
    with tempfile.TemporaryDirectory() as tmp:
        for guard_file in files:
            for name, onus_id, differs in ports(guard_file):
                where = f"{os.path.basename(guard_file)}/{name}"
                if onus_id not in rules:
                    failures.append(f"{where}: no onus rule {onus_id}")
                    continue
                if onus_id in ported:
                    failures.append(f"{where}: {onus_id} is already ported by {ported[onus_id]}")
                    continue
                ported[onus_id] = where
                for n, (lang, expect, text) in enumerate(EXAMPLE.findall(rules[onus_id]["doc"])):
                    data = os.path.join(tmp, f"{onus_id}-{n}.{lang}")
                    with open(data, "w", encoding="utf-8") as f:
                        f.write(text)
                    got, error = statuses(guard_file, data)
                    checked += 1
                    want = "PASS" if expect == "pass" else "FAIL"
                    if error is not None:
                        problem = f"{where}: example {n} ({expect}): cfn-guard failed: {error[:300]}"
                    elif got.get(name) != want:
                        problem = f"{where}: example {n} ({expect}): {got.get(name, 'no status')}, expected {want}"
                    else:
                        continue
                    (differences if differs else failures).append(problem + (f" [differs: {differs}]" if differs else ""))
    print(f"{len(ported)} of {len(cfn_rules)} onus CloudFormation rules ported; {checked} examples run")
    missing = sorted(cfn_rules - ported.keys())
    if missing:
        print(f"not ported ({len(missing)}): {', '.join(missing)}")
    for d in differences:
        print(f"known difference: {d}")
    for f in failures:
        print(f"FAIL {f}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
