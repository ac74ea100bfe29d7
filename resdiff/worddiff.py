"""Word-level differences between two paragraph texts, and a cheap similarity score.

This is the only module that imports ``diff_match_patch`` (for the longer stretches); its
camelCase API and its timeout stay here.

Guarantees of `diff_words(old, new)`:

* The result is a tuple of ``(op, text)`` segments, ``op`` one of ``"="``, ``"-"``, ``"+"``, no
  segment empty, no two neighbours with the same op.
* Concatenating the ``"="`` and ``"-"`` segments gives ``old`` exactly; ``"="`` and ``"+"``
  give ``new`` exactly.
* Every segment boundary falls between two tokens (see `tokenize`), never inside a word: a
  changed word is shown whole ("instamment" → "vivement", not letter soup).
* The output depends on the two texts only. diff-match-patch runs with ``Diff_Timeout = 0``
  (no wall-clock cut); the work is bounded by `WORD_BUDGET` instead, as follows.

Cost: tokenising is linear. Myers' algorithm (inside diff-match-patch) costs at most
``(n + m)²`` steps for ``n`` and ``m`` tokens, whatever the texts. After trimming the common
prefix and suffix, a middle with ``(n + m)² <= WORD_BUDGET`` is diffed whole. A larger one is
first cut at *anchors* — words found exactly once in each text, in the same order (a longest
increasing subsequence of them, as in patience diff) — and each stretch between anchors is
diffed alone if it fits the budget; one that does not is diffed by clause (runs of tokens
ending with a punctuation mark), or, if even that does not fit, shown as one deletion and one
insertion. The total is thus at most ``(n + m) · √WORD_BUDGET`` steps: linear in the length of
the texts. Both fallbacks are exact (they rebuild the texts) and depend on the content only;
`DiffStats.level` says whether one was used. A short stretch (``n · m <= WEIGHTED_CELLS``)
is aligned instead by weight (`_weighted`, ``n · m`` steps), so that what stays unchanged is
what a reader sees as unchanged: the resolution number rather than the "and" beside it. A
semantic clean-up by the same weights (`_clean_up`) then runs once over the whole result.

Tokens (`tokenize`): each Han character is a token of its own (Chinese is compared by
character); a run of letters, digits and combining marks — joined through inner hyphens,
slashes and dots, so ``soixante-dix-septième``, ``A/C.3/77/L.6`` and ``COVID-19`` are single
tokens — is a word (Latin, Cyrillic, Arabic alike); a run of whitespace is a token; any other
character (punctuation, apostrophes, quotes) is a token by itself.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from typing import Literal

from diff_match_patch import diff_match_patch

Op = Literal["=", "-", "+"]
Level = Literal["word", "clause", "whole"]
Segment = tuple[Op, str]

WORD_BUDGET = 360_000
"""Largest ``(n + m)²`` diffed in one piece (600 tokens, about 300 words: almost every
paragraph); see the module docstring."""

_HAN = ("\u2e80-\u2fdf\u3005\u3007\u3021-\u3029\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
        "\U00020000-\U0003134f")
_MARKS = "\u0300-\u036f\u0483-\u0489\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
# A word character: a \w that is not Han, or a combining mark (Arabic vowel signs are not \w).
_WCHAR = rf"(?:[^\W{_HAN}]|[{_MARKS}])"
_TOKEN = re.compile(
    rf"[{_HAN}]"
    rf"|{_WCHAR}+(?:[-\u2010\u2011/.]{_WCHAR}+)*"
    r"|\s+"
    r"|.",
    re.DOTALL,
)
_CLAUSE_END = frozenset(",;:.!?،؛，；：。！？")

# Tokens are encoded as single characters from here on: past the ASCII controls, so that
# nothing in diff-match-patch reads a token as a line break.
_FIRST_CODE = 0x100
_SURROGATES = range(0xD800, 0xE000)


def tokenize(text: str) -> list[str]:
    """Split ``text`` into tokens whose concatenation is ``text`` (see the module docstring)."""
    return _TOKEN.findall(text)


_WORD_TOKEN = re.compile(rf"[{_HAN}]|{_WCHAR}+(?:[-\u2010\u2011/.]{_WCHAR}+)*")
"""The content tokens of `_TOKEN` alone, found without stepping through the others."""


def word_tokens(text: str) -> list[str]:
    """The tokens of ``text`` that carry content: no whitespace, no punctuation."""
    return [t for t in _WORD_TOKEN.findall(text) if t[0].isalnum() or t[0] == "_"]


def similarity(a: str, b: str) -> float:
    """How much of their wording two texts share, in [0, 1]: the Dice coefficient of their
    word-bigram multisets (`bigrams`).

    1.0 for texts with the same words in the same order (case and punctuation aside), 0.0 for
    texts sharing no two neighbouring words. Bigrams rather than single words, because two
    unrelated paragraphs of one resolution share most of their function words ("de la", "of
    the" are rarer): on A/C.3/77/L.6 no two distinct paragraphs score above 0.4, while a
    paragraph with three words replaced keeps 0.93. Linear in the length of the texts.
    """
    return dice(bigrams(a), bigrams(b))


def bigrams(text: str) -> Counter[str]:
    """The multiset of neighbouring word pairs of ``text``, lower-cased, with the start and the
    end of the text counted as words (so a one-word text has two bigrams)."""
    words = ["\x02"] + [t.lower() for t in word_tokens(text)] + ["\x03"]
    return Counter(f"{x} {y}" for x, y in zip(words, words[1:], strict=False))


def dice(a: Counter[str], b: Counter[str]) -> float:
    """Dice coefficient of two multisets, for callers that keep the counters."""
    total = a.total() + b.total()
    if total == 0:
        return 1.0
    if len(a) > len(b):
        a, b = b, a
    common = sum(min(n, b[t]) for t, n in a.items() if t in b)
    return 2.0 * common / total


@dataclass(frozen=True)
class DiffStats:
    """How a diff was computed: ``word``, ``clause`` or ``whole`` (see `WORD_BUDGET`)."""

    level: Level

    @property
    def coarse(self) -> bool:
        return self.level != "word"


def diff_words(old: str, new: str) -> tuple[Segment, ...]:
    """The word-level difference of ``old`` and ``new`` (guarantees in the module docstring)."""
    return diff_words_with_stats(old, new)[0]


def diff_words_with_stats(old: str, new: str) -> tuple[tuple[Segment, ...], DiffStats]:
    """`diff_words`, and the level (word, clause, whole) it had to fall back to, if any."""
    if old == new:
        return ((("=", old),) if old else ()), DiffStats("word")
    a, b = tokenize(old), tokenize(new)
    pre, suf = _common_ends(a, b)
    ma, mb = a[pre:len(a) - suf], b[pre:len(b) - suf]
    enc = _Encoder()
    diffs: list[tuple[int, str]] = [(0, enc(a[:pre]))]
    levels: set[str] = set()
    i0 = j0 = 0
    for i, j in (_anchors(ma, mb) if (len(ma) + len(mb)) ** 2 > WORD_BUDGET else []) + [
            (len(ma), len(mb))]:
        diffs += _piece(ma[i0:i], mb[j0:j], enc, levels)
        if i < len(ma):
            diffs.append((0, enc([ma[i]])))
        i0, j0 = i + 1, j + 1
    diffs.append((0, enc(a[len(a) - suf:])))
    ops: dict[int, Op] = {0: "=", -1: "-", 1: "+"}
    segs = _clean_up([(ops[op], enc.decode(chars)) for op, chars in diffs if chars])
    level: Level = "whole" if "whole" in levels else "clause" if levels else "word"
    return _finish(_slide_single_edits(segs)), DiffStats(level)


class _Encoder:
    """Tokens as single characters (the lines-to-chars trick of diff-match-patch, on tokens):
    past the ASCII controls, so that nothing in diff-match-patch reads one as a line break."""

    def __init__(self) -> None:
        self.codes: dict[str, str] = {}
        self.vocab: list[str] = []

    def __call__(self, tokens: list[str]) -> str:
        out = []
        for t in tokens:
            c = self.codes.get(t)
            if c is None:
                n = _FIRST_CODE + len(self.vocab)
                if n >= _SURROGATES.start:
                    n += len(_SURROGATES)
                c = self.codes[t] = chr(n)
                self.vocab.append(t)
            out.append(c)
        return "".join(out)

    def decode(self, chars: str) -> list[str]:
        return [self.vocab[_index(c)] for c in chars]


def _index(c: str) -> int:
    n = ord(c)
    return n - _FIRST_CODE - (len(_SURROGATES) if n >= _SURROGATES.stop else 0)


WEIGHTED_CELLS = 4_000
"""Largest ``n · m`` (tokens of a stretch, old times new) aligned by `_weighted`; larger
stretches go to diff-match-patch."""


def _weight(token: str) -> float:
    """What keeping a token unchanged is worth: a word or number by its length, a space or a
    punctuation mark little. A person marks "77/7[- and-]{+,+} 78/7{+ and 79/7+}", keeping the
    resolution number, rather than keeping "and" and marking the number."""
    if token[0].isalnum() or token[0] == "_":
        return float(len(token))
    return 0.25 if token.isspace() else 0.5


def _weighted(a: list[str], b: list[str], enc: _Encoder) -> list[tuple[int, str]]:
    """The alignment of two short stretches that keeps the most weight (`_weight`) unchanged:
    a longest common subsequence by weight, ``n · m`` steps. Ties keep the earlier match."""
    n, m = len(a), len(b)
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        row, below = best[i], best[i + 1]
        ai = a[i]
        for j in range(m - 1, -1, -1):
            keep = below[j + 1] + _weight(ai) if ai == b[j] else -1.0
            row[j] = max(keep, below[j], row[j + 1])
    out: list[tuple[int, str]] = []
    i = j = 0
    while i < n and j < m:
        if a[i] == b[j] and best[i][j] == best[i + 1][j + 1] + _weight(a[i]):
            out.append((0, enc([a[i]])))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            out.append((-1, enc([a[i]])))
            i += 1
        else:
            out.append((1, enc([b[j]])))
            j += 1
    out += [(-1, enc(a[i:])), (1, enc(b[j:]))]
    return [d for d in out if d[1]]


def _piece(a: list[str], b: list[str], enc: _Encoder, levels: set[str]) -> list[tuple[int, str]]:
    """Diff one stretch between anchors, at the finest level the budget allows: short
    stretches by weight (`_weighted`), longer ones with diff-match-patch."""
    if not a or not b:
        return [(-1, enc(a)), (1, enc(b))]
    if len(a) * len(b) <= WEIGHTED_CELLS and (len(a) + len(b)) ** 2 <= WORD_BUDGET:
        return _weighted(a, b, enc)
    if (len(a) + len(b)) ** 2 > WORD_BUDGET:
        a, b = _clauses(a), _clauses(b)
        if (len(a) + len(b)) ** 2 > WORD_BUDGET:
            levels.add("whole")
            return [(-1, enc(a)), (1, enc(b))]
        levels.add("clause")
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0
    return dmp.diff_main(enc(a), enc(b), False)


def _anchors(a: list[str], b: list[str]) -> list[tuple[int, int]]:
    """Positions (i, j) of words found once in ``a`` and once in ``b``, a longest run of them
    in the same order in both."""
    count_a, count_b = Counter(a), Counter(b)
    where_b = {t: j for j, t in enumerate(b) if count_b[t] == 1}
    pairs = [(i, where_b[t]) for i, t in enumerate(a)
             if count_a[t] == 1 and t in where_b and t[0].isalnum()]
    # longest increasing subsequence of the j's (pairs are in i order)
    tails: list[int] = []
    tail_at: list[int] = []
    prev = [-1] * len(pairs)
    for k, (_, j) in enumerate(pairs):
        t = bisect_left(tails, j)
        if t == len(tails):
            tails.append(j)
            tail_at.append(k)
        else:
            tails[t], tail_at[t] = j, k
        prev[k] = tail_at[t - 1] if t else -1
    out = []
    k = tail_at[-1] if tail_at else -1
    while k >= 0:
        out.append(pairs[k])
        k = prev[k]
    return out[::-1]


def _common_ends(a: list[str], b: list[str]) -> tuple[int, int]:
    n = min(len(a), len(b))
    pre = 0
    while pre < n and a[pre] == b[pre]:
        pre += 1
    suf = 0
    while suf < n - pre and a[-1 - suf] == b[-1 - suf]:
        suf += 1
    return pre, suf


def _clauses(tokens: list[str]) -> list[str]:
    """Group tokens into clauses: each ends after a punctuation mark (and its whitespace)."""
    out: list[str] = []
    cur: list[str] = []
    for t in tokens:
        if t.isspace() and cur and cur[-1] in _CLAUSE_END:
            cur.append(t)
            out.append("".join(cur))
            cur = []
            continue
        cur.append(t)
    if cur:
        out.append("".join(cur))
    return out


_TAKEN = 0.5
"""An unchanged run is taken into the changes around it when it weighs at most this share of
the lighter of the two."""


def _clean_up(segs: list[tuple[Op, list[str]]]) -> list[tuple[Op, list[str]]]:
    """Semantic clean-up, as a person marks a change: an unchanged run standing between two
    changes, each weighing at least twice as much (`_weight`: words by their length), is taken
    into them, so that a change is not cut up by a lone space, comma or "de", while a word that
    stays ("78/6 of 1 November" → "79/6 of 29 October") stays unmarked. diff-match-patch's own
    semantic clean-up counts tokens, which would let "and" outweigh a resolution number; this
    one weighs what a reader sees."""
    segs = _regroup(segs)
    while True:
        for k in range(1, len(segs) - 1):
            op, tokens = segs[k]
            if op != "=":
                continue
            before, after = _edits_around(segs, k)
            weight = sum(_weight(t) for t in tokens)
            if before and after and weight <= _TAKEN * min(before, after):
                segs = _regroup(segs[:k] + [("-", tokens), ("+", tokens)] + segs[k + 1:])
                break
        else:
            return segs


def _edits_around(segs: list[tuple[Op, list[str]]], k: int) -> tuple[float, float]:
    """The weight of the larger side (deleted or inserted) of the change just before and just
    after the unchanged run at `k` (0 where there is none)."""
    def side(group: list[tuple[Op, list[str]]]) -> float:
        return max((sum(_weight(t) for t in toks) for op, toks in group if op != "="),
                   default=0.0)

    return side(segs[max(k - 2, 0):k]), side(segs[k + 1:k + 3])


def _regroup(segs: list[tuple[Op, list[str]]]) -> list[tuple[Op, list[str]]]:
    """Unchanged runs joined; each change between two of them as one deletion then one
    insertion, with the tokens they begin or end with alike given back to the unchanged runs."""
    out: list[tuple[Op, list[str]]] = []
    i = 0
    while i < len(segs):
        if segs[i][0] == "=":
            _append_equal(out, segs[i][1])
            i += 1
            continue
        dels: list[str] = []
        ins: list[str] = []
        while i < len(segs) and segs[i][0] != "=":
            (dels if segs[i][0] == "-" else ins).extend(segs[i][1])
            i += 1
        pre = 0
        while pre < min(len(dels), len(ins)) and dels[pre] == ins[pre]:
            pre += 1
        suf = 0
        while suf < min(len(dels), len(ins)) - pre and dels[-1 - suf] == ins[-1 - suf]:
            suf += 1
        _append_equal(out, dels[:pre])
        if dels[pre:len(dels) - suf]:
            out.append(("-", dels[pre:len(dels) - suf]))
        if ins[pre:len(ins) - suf]:
            out.append(("+", ins[pre:len(ins) - suf]))
        if suf:
            out.append(("=", dels[len(dels) - suf:]))
    return out


def _append_equal(out: list[tuple[Op, list[str]]], tokens: list[str]) -> None:
    if not tokens:
        return
    if out and out[-1][0] == "=":
        out[-1] = ("=", out[-1][1] + tokens)
    else:
        out.append(("=", tokens))


def _slide_single_edits(segs: list[tuple[Op, list[str]]]) -> list[tuple[Op, list[str]]]:
    """Place a lone insertion or deletion where a person would mark it.

    An edit between two equal runs can often slide over repeated tokens without changing what
    it means ("2023[ and 79/7] and" = "2023 and[ 79/7 and]"). We put it where it starts with a
    word rather than a space and, on a tie, where it ends with the space after its last word,
    as a word processor selects a word. Positions are tried left to right: deterministic.
    """
    segs = [s for s in segs if s[1]]
    for i in range(1, len(segs) - 1):
        (op0, left), (op, mid), (op2, right) = segs[i - 1], segs[i], segs[i + 1]
        if op0 != "=" or op2 != "=" or op == "=":
            continue
        # Slide fully left, then try every position to the right.
        while left and left[-1] == mid[-1]:
            left, mid, right = left[:-1], [left[-1]] + mid[:-1], [mid[-1]] + right
        best: tuple[int, list[str], list[str], list[str]] | None = None
        while True:
            score = (0 if mid[0].isspace() else 2) + (1 if mid[-1].isspace() else 0)
            if best is None or score > best[0]:
                best = (score, left, mid, right)
            if not right or right[0] != mid[0]:
                break
            left, mid, right = left + [mid[0]], mid[1:] + [right[0]], right[1:]
        _, left, mid, right = best
        segs[i - 1], segs[i], segs[i + 1] = ("=", left), (op, mid), ("=", right)
    return segs


def _finish(segs: list[tuple[Op, list[str]]]) -> tuple[Segment, ...]:
    out: list[list] = []
    for op, toks in segs:
        text = "".join(toks)
        if not text:
            continue
        if out and out[-1][0] == op:
            out[-1][1] += text
        else:
            out.append([op, text])
    return tuple((op, text) for op, text in out)
