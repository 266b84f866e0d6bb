#!/usr/bin/env bash
# action.yml's install step: use the onus on PATH, or build it from the
# action's own source (the repository the workflow's `uses:` checked out).
# ONUS_INSTALL: auto (default) | build | path.
set -euo pipefail
mode="${ONUS_INSTALL:-auto}"
case "$mode" in
  auto | build | path) ;;
  *)
    echo "::error title=onus::install must be auto, build or path, not '$mode'"
    exit 2
    ;;
esac
if [ "$mode" != build ] && command -v onus >/dev/null 2>&1; then
  echo "using $(command -v onus): $(onus --version)"
  exit 0
fi
if [ "$mode" = path ]; then
  echo "::error title=onus::install is 'path' but there is no onus on PATH"
  exit 2
fi
if ! command -v cargo >/dev/null 2>&1; then
  echo "::error title=onus::building onus needs a Rust toolchain (e.g. a rust-toolchain step before this one)"
  exit 2
fi
root="${RUNNER_TEMP:-/tmp}/onus"
echo "building onus from ${GITHUB_ACTION_PATH} into ${root}"
cargo install --locked --quiet --path "${GITHUB_ACTION_PATH}/crates/onus-cli" --root "$root"
echo "$root/bin" >> "$GITHUB_PATH"
"$root/bin/onus" --version
