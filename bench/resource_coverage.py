#!/usr/bin/env python3
"""Share of resources that get at least one applicable verdict.

Scans a corpus (default: ../shared/corpus next to the repository) with onus
and counts the resources with at least one rule verdict that is met, not met
or unknown (not-applicable verdicts and duties left to attest do not count),
out of every resource onus reads (data sources are not resources).

Reads two outputs meant for spreadsheets, whose columns are documented and
stable: `onus matrix --format csv` (one row per resource: id, type, file) and
`onus scan --format csv` (one row per rule verdict: its resource id and type,
the file it points into, its status). A verdict counts for the resource of
the same id and type declared in the same directory (a Terraform module's
verdict may point into another file of the module).

`--uncovered N` also lists the N most common resource types without an
applicable verdict, with how many of that type there are.

`--onus`: the binary (default the most recently built of target/release/onus
and target/debug/onus, else `cargo run`). Python 3 standard library only.
"""

import argparse
import collections
import csv
import io
import subprocess
import sys
from pathlib import Path

from onus_bench import REPO, onus_command, shared_corpus

APPLICABLE = {"met", "not-met", "unknown"}


def rows(onus, args):
    # Exit 1 (findings) and 2 (some files unreadable) still print the report.
    run = subprocess.run(onus_command(onus) + args, cwd=REPO, capture_output=True, text=True)
    if run.returncode not in (0, 1, 2) or not run.stdout:
        sys.exit(f"onus {' '.join(args)} failed:\n{run.stderr[-2000:]}")
    return list(csv.DictReader(io.StringIO(run.stdout)))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=shared_corpus())
    parser.add_argument("--onus", help="the onus binary")
    parser.add_argument(
        "--uncovered",
        type=int,
        metavar="N",
        default=0,
        help="also list the N most common types without an applicable verdict",
    )
    args = parser.parse_args()
    if not args.corpus.exists():
        sys.exit(f"no corpus at {args.corpus}")
    path = str(args.corpus)
    resources = rows(args.onus, ["matrix", path, "--format", "csv"])
    verdicts = rows(args.onus, ["scan", path, "--format", "csv", "--skip-invalid"])

    def key(resource, rtype, file):
        return (resource, rtype, str(Path(file).parent))

    checked = {
        key(v["resource"], v["type"], v["file"])
        for v in verdicts
        if v["status"] in APPLICABLE
    }
    total = len(resources)
    hit = sum(1 for r in resources if key(r["id"], r["type"], r["file"]) in checked)
    by_category = collections.Counter(r["category"] for r in resources)
    hit_by_category = collections.Counter(
        r["category"] for r in resources if key(r["id"], r["type"], r["file"]) in checked
    )
    print(
        f"resources with at least one applicable verdict: {hit} of {total} = "
        f"{100.0 * hit / total:.1f}%"
        if total
        else "no resources"
    )
    for category, n in sorted(by_category.items()):
        print(f"  {category or 'unclassified':<15} {hit_by_category[category]:5} of {n:5}")
    if args.uncovered:
        missed = collections.Counter(
            r["type"] for r in resources if key(r["id"], r["type"], r["file"]) not in checked
        )
        of_type = collections.Counter(r["type"] for r in resources)
        print("most common types without an applicable verdict (without / of that type):")
        for rtype, n in missed.most_common(args.uncovered):
            print(f"  {n:5} / {of_type[rtype]:5}  {rtype}")


if __name__ == "__main__":
    main()
