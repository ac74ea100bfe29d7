"""What every bench module shares: the row of the table and how time is taken.

Timings are medians of repeated runs (`time.perf_counter`), so that one slow run (a cold cache,
another process) does not decide the result.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DRAFTS = ROOT / "drafts"
SEED = DRAFTS / "A_C.3_77_L.6_fr.txt"


@dataclass(frozen=True)
class Row:
    """One line of the `make bench` table."""

    measure: str
    value: str
    target: str
    ok: bool


def median_seconds(run: Callable[[], object], times: int) -> float:
    samples = []
    for _ in range(times):
        start = time.perf_counter()
        run()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"
