"""`make demo`: read every bundled draft and show what resdiff finds in it.

Run as ``python -m resdiff.demo DRAFTS_DIR``."""

from __future__ import annotations

import sys
from pathlib import Path

from .model import ResdiffError
from .parse import parse_file


def main(argv: list[str]) -> int:
    folder = Path(argv[0] if argv else "drafts")
    files = sorted(p for p in folder.glob("*.txt"))
    if not files:
        print(f"resdiff demo: no drafts (*.txt) in {folder}", file=sys.stderr)
        return 2
    print(f"{'symbol':<16} {'lang':<4} {'sess':>4} {'PP':>3} {'OP':>3} {'FN':>3}  title")
    for path in files:
        try:
            d = parse_file(path)
        except ResdiffError as err:
            print(f"resdiff demo: {err}", file=sys.stderr)
            return 2
        print(
            f"{d.symbol or '?':<16} {d.language or '?':<4} {d.session or '?':>4} "
            f"{len(d.part('preamble')):>3} {len(d.part('operative')):>3} {len(d.footnotes):>3}  "
            f"{d.title[:70]}"
        )
        for warning in d.warnings:
            print(f"    warning: {warning}")
    first = files[0]
    print(f"\nThe whole structure of one draft: resdiff parse {first} (add --format json)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
