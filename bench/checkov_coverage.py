#!/usr/bin/env python3
"""Share of Checkov's failed checks that belong to checks an onus rule maps.

Runs Checkov on a CloudFormation corpus (default: ../shared/corpus/cloudformation
next to the repository) and counts its failed checks: how many come from a
check that an onus rule maps as a peer (`checkov(...)` in the rule, either
relation), out of all of them, and out of those left once the checks that
docs/COVERAGE.md excludes with a reason are set aside.

Checkov comes from `--checkov-json` (its `-o json` output, already run), or is
installed here: Checkov 3.3.30 into a virtual environment (`--venv`, default
~/.cache/onus-bench/checkov-3.3.30) with pip, the first time, which needs
PyPI. Checkov 3.3.30 crashes on templates whose resource `Type` is not a
string; the run patches its check registry in memory to skip such entities
(as the published figures did), without touching the installed files.

onus's mappings come from `onus rules --coverage --format json` (`--onus`,
default the most recently built of target/release/onus and target/debug/onus,
else `cargo run`).

Python 3 standard library only.
"""

import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from onus_bench import REPO, onus_command, shared_corpus

CHECKOV_VERSION = "3.3.30"

# Runs Checkov with BaseCheckRegistry.get_checks skipping entities whose type
# is not a string (a `Type: !Ref X` or a list), which 3.3.30 crashes on.
PATCHED_CHECKOV = """
import sys, warnings
from checkov.common.checks import base_check_registry as registry
original = registry.BaseCheckRegistry.get_checks
def get_checks(self, entity):
    return original(self, entity) if isinstance(entity, str) else []
registry.BaseCheckRegistry.get_checks = get_checks
from checkov.main import Checkov
with warnings.catch_warnings():
    warnings.simplefilter("ignore", category=SyntaxWarning)
    sys.exit(Checkov().run())
"""


def onus_checkov_entries(onus):
    out = subprocess.run(
        onus_command(onus) + ["rules", "--coverage", "--format", "json"],
        cwd=REPO,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(out)["checkov"]


def checkov_python(venv):
    python = venv / "bin" / "python"
    if not python.exists():
        print(
            f"Checkov {CHECKOV_VERSION} is not installed: installing it into {venv} (needs PyPI)",
            file=sys.stderr,
        )
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", f"checkov=={CHECKOV_VERSION}"],
            check=True,
        )
    return python


def run_checkov(venv, corpus):
    python = checkov_python(venv)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "results_json.json"
        print(f"running Checkov on {corpus}", file=sys.stderr)
        run = subprocess.run(
            [
                str(python),
                "-c",
                PATCHED_CHECKOV,
                "-d",
                str(corpus),
                "--framework",
                "cloudformation",
                "--skip-download",
                "--soft-fail",
                "--quiet",
                "-o",
                "json",
                "--output-file-path",
                tmp,
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "BC_SKIP_MAPPING": "TRUE"},
        )
        if not out.exists():
            sys.exit(f"Checkov wrote no results:\n{run.stderr[-4000:]}")
        return json.loads(out.read_text())


def failed_checks(report):
    reports = report if isinstance(report, list) else [report]
    for r in reports:
        yield from r.get("results", {}).get("failed_checks", [])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--checkov-json", type=Path, help="Checkov's JSON output, already run")
    parser.add_argument(
        "--corpus",
        type=Path,
        default=shared_corpus() / "cloudformation",
        help="CloudFormation templates to run Checkov on",
    )
    parser.add_argument(
        "--venv",
        type=Path,
        default=Path.home() / ".cache" / "onus-bench" / f"checkov-{CHECKOV_VERSION}",
        help="where Checkov is (or gets) installed",
    )
    parser.add_argument("--onus", help="the onus binary")
    parser.add_argument("--top", type=int, default=15, help="unmapped checks to list")
    args = parser.parse_args()

    if args.checkov_json:
        report = json.loads(args.checkov_json.read_text())
    elif args.corpus.is_dir():
        report = run_checkov(args.venv, args.corpus)
    else:
        sys.exit(f"no corpus at {args.corpus} (give --corpus or --checkov-json)")

    entries = {e["id"]: e for e in onus_checkov_entries(args.onus)}
    mapped = {i for i, e in entries.items() if e["state"] == "mapped"}
    excluded = {i for i, e in entries.items() if e["state"] == "excluded"}

    failed = [f["check_id"] for f in failed_checks(report)]
    by_check = collections.Counter(failed)
    total = len(failed)
    hit = sum(1 for c in failed if c in mapped)
    left_out = sum(1 for c in failed if c in excluded)
    considered = total - left_out

    def pct(n, d):
        return f"{100.0 * n / d:.1f}%" if d else "n/a"

    print(f"Checkov failed checks: {total} from {len(by_check)} distinct checks")
    print(f"  from checks mapped by an onus rule: {hit} = {pct(hit, total)} of all")
    print(
        f"  leaving out the {left_out} from checks docs/COVERAGE.md excludes "
        f"({len(excluded & set(by_check))} checks): {hit} of {considered} = {pct(hit, considered)}"
    )
    unmapped = [(c, n) for c, n in by_check.most_common() if c not in mapped and c not in excluded]
    if unmapped:
        print(f"  failed checks neither mapped nor excluded ({len(unmapped)} checks), most first:")
        for c, n in unmapped[: args.top]:
            title = entries.get(c, {}).get("title", "")
            print(f"    {n:5}  {c:<12} {title}")


if __name__ == "__main__":
    main()
