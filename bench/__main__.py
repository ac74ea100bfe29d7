"""Print resdiff's performance measures as a plain-text table: measure, value, target, ok?.

Timings are medians of repeated runs (`time.perf_counter`), so that one slow run (a cold cache,
another process) does not decide the result. The table is printed whatever the outcome and the
exit code is 0: the ``ok?`` column is the verdict, for a person to read.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from bench import alignment
from resdiff.model import Draft, Footnote, Paragraph
from resdiff.parse import parse_file, parse_text
from tests.support.layout import render_spaced

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "drafts" / "A_C.3_77_L.6_fr.txt"
SEED_RUNS = 20
LARGE_RUNS = 3
CLI_RUNS = 5


@dataclass(frozen=True)
class Row:
    measure: str
    value: str
    target: str
    ok: bool


def _median_seconds(run: Callable[[], object], times: int) -> float:
    samples = []
    for _ in range(times):
        start = time.perf_counter()
        run()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def repeated(draft: Draft, times: int) -> Draft:
    """`draft` with its preamble, then its operative part, repeated `times` times: operative
    paragraphs renumbered on, footnotes renumbered in order of their markers."""
    texts = {f.number: f.text for f in draft.footnotes}
    paragraphs: list[Paragraph] = []
    footnotes: list[Footnote] = []
    counts = {"preamble": 0, "operative": 0, "annex": 0, "text": 0}
    prefix = {"preamble": "PP", "operative": "OP", "annex": "AN", "text": "P"}
    for part in ("preamble", "operative", "annex", "text"):
        for _ in range(times):
            for p in draft.part(part):
                counts[part] += 1
                notes = []
                for n in p.notes:
                    footnotes.append(Footnote(len(footnotes) + 1, texts.get(n, "")))
                    notes.append(len(footnotes))
                number = counts[part] if p.number is not None else None
                label = f"{prefix[part]}{counts[part]}"
                paragraphs.append(replace(p, label=label, notes=tuple(notes), number=number))
    return replace(draft, paragraphs=tuple(paragraphs), footnotes=tuple(footnotes))


def seed_parse_time() -> Row:
    text = SEED.read_text("utf-8")
    seconds = _median_seconds(lambda: parse_text(text, name=SEED.name), SEED_RUNS)
    return Row(f"parse the seed in-process (median of {SEED_RUNS})", _ms(seconds), "< 50 ms",
               seconds < 0.050)


def large_parse_time() -> Row:
    seed = parse_file(SEED)
    one = render_spaced(seed)
    ten = render_spaced(repeated(seed, 10))
    base = _median_seconds(lambda: parse_text(one), CLI_RUNS)
    large = _median_seconds(lambda: parse_text(ten), LARGE_RUNS)
    ratio = large / base
    return Row(
        f"parse the seed x10 ({len(ten) // 1000} kB, median of {LARGE_RUNS}) / x1, same layout",
        f"{_ms(large)} = {ratio:.1f} x", "<= 12 x", ratio <= 12,
    )


def cli_parse_time() -> Row:
    """`resdiff parse` as a user runs it: a new process, imports included."""
    script = shutil.which("resdiff", path=str(Path(sys.executable).parent))
    command = [script] if script else [sys.executable, "-m", "resdiff.cli"]
    command += ["parse", str(SEED)]
    seconds = _median_seconds(
        lambda: subprocess.run(command, check=True, capture_output=True), CLI_RUNS
    )
    return Row(f"resdiff parse SEED, wall time (median of {CLI_RUNS})", _ms(seconds), "< 1 s",
               seconds < 1.0)


MEASURES: list[Callable[[], Row]] = [seed_parse_time, large_parse_time, cli_parse_time]
MEASURES += alignment.MEASURES  # type: ignore[arg-type]  # rows of the same shape


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
