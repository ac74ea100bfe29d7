"""Print resdiff's performance measures as a plain-text table: measure, value, target, ok?.

Each bench module lists its rows in its own ``MEASURES``; this one puts them together. The table
is printed whatever the outcome and the exit code is 0: the ``ok?`` column is the verdict, for a
person to read.
"""

from __future__ import annotations

from collections.abc import Callable

from bench import alignment, html, office, parsing, realpdf, site, store
from bench.common import Row

MEASURES: list[Callable[[], Row]] = [*parsing.MEASURES, *alignment.MEASURES, *html.MEASURES,
                                     *store.MEASURES, *office.MEASURES, *realpdf.MEASURES,
                                     *site.MEASURES]


def table(rows: list[Row]) -> str:
    cells = [("measure", "value", "target", "ok?")] + [
        (r.measure, r.value, r.target, "yes" if r.ok else "NO") for r in rows
    ]
    widths = [max(len(c[i]) for c in cells) for i in range(4)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip()
             for row in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def main() -> None:
    print(table([measure() for measure in MEASURES]))


if __name__ == "__main__":
    main()
