"""What the bench scripts share: where the checkout, the shared corpus and
the onus binary are. Python 3 standard library only."""

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def shared_corpus():
    """`../shared/corpus` from the checkout, or from a directory above it (a
    worktree sits deeper than the main checkout)."""
    for up in REPO.parents:
        corpus = up / "shared" / "corpus"
        if corpus.is_dir():
            return corpus
    return REPO.parent / "shared" / "corpus"


def onus_command(onus=None):
    """The onus binary given, else the most recently built one, else
    `cargo run`."""
    if onus:
        return [onus]
    built = [REPO / "target" / b / "onus" for b in ("release", "debug")]
    built = [b for b in built if b.exists()]
    if built:
        return [str(max(built, key=lambda b: b.stat().st_mtime))]
    return ["cargo", "run", "-q", "-p", "onus-cli", "--"]
