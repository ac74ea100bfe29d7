"""`make demo`: read every bundled draft, then compare the real families round by round.

Run as ``python -m resdiff.demo DRAFTS_DIR``."""

from __future__ import annotations

import sys
from pathlib import Path

from .compare import compare
from .model import Draft, ResdiffError
from .parse import parse_file
from .render_text import TextOptions, render_text

FAMILIES = (
    ("Participation by the State of Palestine", ("A_80_L.2_en", "A_RES_80_1_en")),
    ("Embargo against Cuba",
     ("A_RES_77_7_en", "A_RES_78_7_en", "A_RES_79_7_en", "A_80_L.6_en", "A_RES_80_4_en")),
    ("Report of the International Criminal Court",
     ("A_RES_79_6_en", "A_80_L.9_en", "A_RES_80_6_en")),
    ("Report of the International Atomic Energy Agency", ("A_80_L.7_en", "A_RES_80_7_en")),
)
"""The bundled families, each in the order its versions were issued (see drafts/SOURCES.md)."""


def main(argv: list[str]) -> int:
    folder = Path(argv[0] if argv else "drafts")
    files = sorted(p for p in folder.glob("*.txt"))
    if not files:
        print(f"resdiff demo: no drafts (*.txt) in {folder}", file=sys.stderr)
        return 2
    drafts: dict[str, Draft] = {}
    print(f"{'symbol':<16} {'lang':<4} {'sess':>4} {'PP':>3} {'OP':>3} {'FN':>3}  title")
    for path in files:
        try:
            d = parse_file(path)
        except ResdiffError as err:
            print(f"resdiff demo: {err}", file=sys.stderr)
            return 2
        drafts[path.stem] = d
        print(
            f"{d.symbol or '?':<16} {d.language or '?':<4} {d.session or '?':>4} "
            f"{len(d.part('preamble')):>3} {len(d.part('operative')):>3} {len(d.footnotes):>3}  "
            f"{d.title[:70]}"
        )
        for warning in d.warnings:
            print(f"    warning: {warning}")
    for name, stems in FAMILIES:
        if not all(s in drafts for s in stems):
            continue
        print(f"\n== {name}")
        for a, b in zip(stems, stems[1:], strict=False):
            header, summary = render_text(compare(drafts[a], drafts[b])).splitlines()[:2]
            print(header.removeprefix("resdiff "))
            print(f"   {summary}")
    first, second = folder / "A_80_L.2_en.txt", folder / "A_RES_80_1_en.txt"
    if first.exists() and second.exists():
        print(f"\n== The redline of {drafts[first.stem].symbol} → {drafts[second.stem].symbol}, "
              "changes only\n")
        print(render_text(compare(drafts[first.stem], drafts[second.stem]),
                          TextOptions(only_changes=True)), end="")
        print(f"\nTry: resdiff diff {first} {second}   (or --format json)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
