#!/usr/bin/env bash
# action.yml's scan step: annotations on standard output (--format github),
# SARIF for code scanning, Markdown for the job summary. It never fails on
# findings itself: the SARIF is uploaded first, then the last step exits
# with the code recorded here.
set -uo pipefail
sarif="${ONUS_SARIF:-onus.sarif}"
summary="${RUNNER_TEMP:-/tmp}/onus-summary.md"
args=(scan --format github --output "sarif=$sarif" --output "markdown=$summary")
if [ -n "${ONUS_FAIL_ON:-}" ]; then
  args+=(--fail-on "$ONUS_FAIL_ON")
fi
read -r -a extra <<< "${ONUS_ARGS:-}"
read -r -a paths <<< "${ONUS_PATHS:-.}"
onus "${args[@]}" "${extra[@]}" -- "${paths[@]}"
code=$?
if [ -f "$summary" ] && [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  cat "$summary" >> "$GITHUB_STEP_SUMMARY"
fi
{
  echo "exit-code=$code"
  if [ -s "$sarif" ]; then
    echo "sarif-file=$sarif"
  else
    echo "sarif-file="
  fi
} >> "$GITHUB_OUTPUT"
exit 0
