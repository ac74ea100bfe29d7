"""Reading drafts: the seed in-process, a draft ten times its size, the command as run."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from bench.common import SEED, Row
from bench.common import median_seconds as _median_seconds
from bench.common import ms as _ms
from resdiff.model import Draft, Footnote, Paragraph
from resdiff.parse import parse_file, parse_text
from tests.support.layout import render_spaced

SEED_RUNS = 20
LARGE_RUNS = 3
CLI_RUNS = 5


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
