"""Alignment quality and comparison cost, for ``make bench``.

Quality is measured on generated negotiation rounds whose true mapping is known
(`tests.support.negotiate`): the French seed and English drafts, each revised, laid out again as
PDF extraction gives it and read back. A link is an (old label, new label) pair — a split or a
merge gives two. Precision = correct links found / links found; recall = correct links found /
true links. Beside each measure stands a plain baseline: paragraphs paired by equal text
wherever they stand, then greedily by `difflib.SequenceMatcher` ratio (no splits, merges or
moves).

Cost: the seed against one revision in-process, the ``resdiff diff`` command on that pair as a
user runs it, a 500-paragraph pair built from the drafts' paragraphs, the growth of the time
when the input grows four times, and the peak memory of that comparison in a fresh process.

Every measure is a function returning one `Row`; `MEASURES` lists them in table order. Files
written for a generated revision of the seed carry "generated" in their name.
"""

from __future__ import annotations

import difflib
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache, partial
from pathlib import Path

from bench.common import Row
from bench.common import median_seconds as _median_seconds
from bench.common import ms as _ms
from resdiff.compare import compare
from resdiff.model import Draft, Paragraph
from resdiff.parse import parse_file
from tests.support.negotiate import Score, lay_out, revise, score

ROOT = Path(__file__).resolve().parent.parent
DRAFTS = ROOT / "drafts"
SEED = DRAFTS / "A_C.3_77_L.6_fr.txt"
CORPUS = [("A_C.3_77_L.6_fr", range(1, 17)), ("A_80_L.9_en", range(1, 9)),
          ("A_80_L.6_en", range(1, 5)), ("A_RES_80_7_en", range(1, 5))]
"""Drafts and revision seeds: 32 generated rounds."""
FAMILIES = [
    ("A/80/L.2 → A/RES/80/1", "A_80_L.2_en", "A_RES_80_1_en",
     "3 unchanged, 4 amended, 1 added, 0 deleted"),
    ("A/RES/79/6 → A/80/L.9", "A_RES_79_6_en", "A_80_L.9_en",
     "28 unchanged, 18 amended (5 technical), 0 added, 0 deleted"),
    ("A/80/L.9 → A/RES/80/6", "A_80_L.9_en", "A_RES_80_6_en",
     "46 unchanged, 0 amended, 0 added, 0 deleted"),
    ("A/RES/77/7 → A/RES/78/7", "A_RES_77_7_en", "A_RES_78_7_en",
     "8 unchanged, 5 amended (4 technical), 0 added, 0 deleted"),
    ("A/RES/78/7 → A/RES/79/7", "A_RES_78_7_en", "A_RES_79_7_en",
     "8 unchanged, 5 amended (5 technical), 0 added, 0 deleted"),
    ("A/RES/79/7 → A/80/L.6", "A_RES_79_7_en", "A_80_L.6_en",
     "8 unchanged, 5 amended (5 technical), 0 added, 0 deleted"),
    ("A/80/L.6 → A/RES/80/4", "A_80_L.6_en", "A_RES_80_4_en",
     "13 unchanged, 0 amended, 0 added, 0 deleted"),
]
"""Each real family step and what reading the two texts shows (see tests/test_negotiation.py)."""
TIMING_RUNS = 11
CLI_RUNS = 5


# --- the baseline -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Change:
    kind: str
    old: tuple[str, ...]
    new: tuple[str, ...]
    moved: bool = False
    technical: bool = False


@dataclass(frozen=True)
class _Baseline:
    changes: tuple[_Change, ...]


def baseline(old: Draft, new: Draft, cutoff: float = 0.5) -> _Baseline:
    """Paragraphs paired by equal text wherever they stand, then each remaining old paragraph
    with the remaining new one of highest `SequenceMatcher` ratio (at least `cutoff`)."""
    olds, news = list(old.paragraphs), list(new.paragraphs)
    free = {j: p for j, p in enumerate(news)}
    changes: list[_Change] = []
    left: list[Paragraph] = []
    for p in olds:
        j = next((j for j, q in free.items() if q.text == p.text), None)
        if j is None:
            left.append(p)
        else:
            changes.append(_Change("unchanged", (p.label,), (free.pop(j).label,)))
    for p in left:
        best, best_j = cutoff, None
        for j, q in free.items():
            ratio = difflib.SequenceMatcher(None, p.text, q.text).ratio()
            if ratio >= best:
                best, best_j = ratio, j
        if best_j is None:
            changes.append(_Change("deleted", (p.label,), ()))
        else:
            changes.append(_Change("amended", (p.label,), (free.pop(best_j).label,)))
    changes += [_Change("added", (), (q.label,)) for q in free.values()]
    return _Baseline(tuple(changes))


# --- the generated corpus -----------------------------------------------------------------------


@dataclass(frozen=True)
class _Round:
    name: str
    seed: int
    ours: Score
    theirs: Score
    seconds: float
    baseline_seconds: float


@cache
def _seen(name: str) -> Draft:
    return lay_out(parse_file(DRAFTS / f"{name}.txt"), 0)[1]


@cache
def corpus() -> tuple[_Round, ...]:
    rounds = []
    for name, seeds in CORPUS:
        old = _seen(name)
        for seed in seeds:
            revision = revise(parse_file(DRAFTS / f"{name}.txt"), seed)
            new = lay_out(revision.new, seed)[1]
            start = time.perf_counter()
            ours = compare(old, new)
            middle = time.perf_counter()
            theirs = baseline(old, new)
            end = time.perf_counter()
            rounds.append(_Round(name, seed, score(revision.links, ours),
                                 score(revision.links, theirs),  # type: ignore[arg-type]
                                 middle - start, end - middle))
    return tuple(rounds)


def _ratio(num: int, den: int) -> float:
    return num / den if den else 1.0


def _precision(which: str) -> float:
    scores = [getattr(r, which) for r in corpus()]
    return _ratio(sum(s.correct for s in scores), sum(len(s.found_pairs) for s in scores))


def _recall(which: str) -> float:
    scores = [getattr(r, which) for r in corpus()]
    return _ratio(sum(s.correct for s in scores), sum(len(s.true_pairs) for s in scores))


def precision() -> Row:
    p, b = _precision("ours"), _precision("theirs")
    return Row(f"link precision, {len(corpus())} generated rounds (difflib baseline)",
               f"{p:.4f} ({b:.4f})", ">= 0.99", p >= 0.99)


def recall() -> Row:
    r, b = _recall("ours"), _recall("theirs")
    return Row(f"link recall, {len(corpus())} generated rounds (difflib baseline)",
               f"{r:.4f} ({b:.4f})", ">= 0.99", r >= 0.99)


def false_additions_deletions() -> Row:
    def count(which: str) -> int:
        return sum(len(getattr(r, which).false_added) + len(getattr(r, which).false_deleted)
                   for r in corpus())

    ours = count("ours")
    return Row("false additions + deletions, generated rounds (difflib baseline)",
               f"{ours} ({count('theirs')})", "0", ours == 0)


def moves_found() -> Row:
    found = sum(r.ours.moves_found for r in corpus())
    true = sum(r.ours.moves_true for r in corpus())
    extra = sum(len(r.ours.moves_extra) for r in corpus())
    return Row("moves found / true, generated rounds (baseline: none)",
               f"{found}/{true} (+{extra} extra)", "all", found == true)


def kinds_and_technical() -> Row:
    wrong = sum(len(r.ours.wrong_kind) + len(r.ours.wrong_technical) for r in corpus())
    return Row("wrong kind or technical flag, generated rounds", str(wrong), "0", wrong == 0)


def family(label: str, old: str, new: str, expected: str) -> Row:
    c = compare(parse_file(DRAFTS / f"{old}.txt"), parse_file(DRAFTS / f"{new}.txt"))
    s = c.summary()
    amended = f"{s['amended']} amended"
    if s["technical"]:
        amended += f" ({s['technical']} technical)"
    value = f"{s['unchanged']} unchanged, {amended}, {s['added']} added, {s['deleted']} deleted"
    for kind in ("moved", "split", "merged"):
        if s[kind]:
            value += f", {s[kind]} {kind}"
    return Row(f"real family {label}", value, "as read", value == expected)


# --- cost ---------------------------------------------------------------------------------------


@cache
def _seed_pair() -> tuple[Draft, Draft, str]:
    """The seed as read, and its first generated revision as read and as text."""
    text, new = lay_out(revise(parse_file(SEED), 1).new, 1)
    return parse_file(SEED), new, text


def seed_time() -> Row:
    old, new, _ = _seed_pair()
    ours = _median_seconds(lambda: compare(old, new), TIMING_RUNS)
    theirs = _median_seconds(lambda: baseline(old, new), TIMING_RUNS)
    return Row(f"compare seed vs revision in-process (median of {TIMING_RUNS}; difflib)",
               f"{_ms(ours)} ({_ms(theirs)})", "< 100 ms", ours < 0.100)


def cli_time() -> Row:
    _, _, text = _seed_pair()
    script = Path(sys.executable).parent / "resdiff"
    with tempfile.TemporaryDirectory() as tmp:
        revised = Path(tmp) / "A_C.3_77_L.6_fr.generated-rev1.txt"
        revised.write_text(text, "utf-8")
        command = [str(script), "diff", str(SEED), str(revised)]
        seconds = _median_seconds(
            lambda: subprocess.run(command, check=True, capture_output=True), CLI_RUNS)
    return Row(f"resdiff diff seed vs generated revision, wall (median of {CLI_RUNS})",
               _ms(seconds), "<= 0.3 s", seconds <= 0.3)


@cache
def _pool() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Every distinct preambular and operative text of the bundled drafts."""
    pp: list[str] = []
    op: list[str] = []
    for path in sorted(DRAFTS.glob("*.txt")):
        for p in parse_file(path).paragraphs:
            into = pp if p.part == "preamble" else op if p.part == "operative" else None
            if into is not None and p.text not in into:
                into.append(p.text)
    return tuple(pp), tuple(op)


@cache
def big_pair(size: int) -> tuple[Draft, Draft]:
    """A `size`-paragraph draft (two fifths preamble) from the drafts' paragraphs, taken in turn,
    and a revision of it with one edit for every ten paragraphs."""
    pp, op = _pool()
    n_pp = size * 2 // 5
    paragraphs = [Paragraph(f"PP{k + 1}", "preamble", pp[k % len(pp)]) for k in range(n_pp)]
    paragraphs += [Paragraph(f"OP{k + 1}", "operative", op[k % len(op)], number=k + 1)
                   for k in range(size - n_pp)]
    base = parse_file(DRAFTS / "A_80_L.9_en.txt")
    old = replace(base, paragraphs=tuple(paragraphs), footnotes=())
    return old, revise(old, 1).new


def big_time() -> Row:
    old, new = big_pair(500)
    ours = _median_seconds(lambda: compare(old, new), 3)
    theirs = _median_seconds(lambda: baseline(old, new), 1)
    return Row("compare a 500-paragraph pair in-process (median of 3; difflib)",
               f"{_ms(ours)} ({_ms(theirs)})", "< 1 s", ours < 1.0)


def growth() -> Row:
    small, large = big_pair(125), big_pair(500)
    a = _median_seconds(lambda: compare(*small), 5)
    b = _median_seconds(lambda: compare(*large), 3)
    return Row("growth: 500- vs 125-paragraph pair (4x input)", f"{b / a:.1f} x", "<= 6 x",
               b / a <= 6)


def peak_memory() -> Row:
    code = ("import resource; from bench.alignment import big_pair; from resdiff.compare import "
            "compare; compare(*big_pair(500)); "
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True,
                         capture_output=True, text=True).stdout
    mb = int(out.split()[-1]) / 1024
    return Row("peak memory, 500-paragraph comparison (whole process)", f"{mb:.0f} MB",
               "< 300 MB", mb < 300)


def _unrelated(seed: int, size: int, base: Draft) -> Draft:
    """A draft of `size` paragraphs of random words: no two such drafts share a paragraph."""
    rng = random.Random(seed)
    words = [f"{rng.choice('bcdfglmnprstv')}{rng.choice('aeiou')}{i}" for i in range(5000)]
    paragraphs = [
        Paragraph(f"OP{k + 1}", "operative", " ".join(rng.choices(words, k=rng.randint(20, 80))),
                  number=k + 1)
        for k in range(size)
    ]
    return replace(base, paragraphs=tuple(paragraphs), footnotes=())


def unrelated_time() -> Row:
    """The work is bounded on any input: two unrelated 2,000-paragraph drafts."""
    base = parse_file(DRAFTS / "A_80_L.9_en.txt")
    old, new = _unrelated(1, 2000, base), _unrelated(2, 2000, base)
    start = time.perf_counter()
    result = compare(old, new)
    seconds = time.perf_counter() - start
    said = any("share few paragraphs" in note for note in result.notes)
    return Row("two unrelated 2,000-paragraph drafts (the comparison says so)",
               f"{seconds:.2f} s, {'said' if said else 'NOT said'}", "< 5 s, said",
               seconds < 5 and said)


MEASURES: list[Callable[[], Row]] = [
    precision, recall, false_additions_deletions, moves_found, kinds_and_technical,
    *(partial(family, *f) for f in FAMILIES),
    seed_time, cli_time, big_time, growth, peak_memory, unrelated_time,
]
