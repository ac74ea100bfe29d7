"""Which paragraph of the old draft became which paragraph of the new one.

`align(old, new)` pairs up two sequences of `Unit` (a part and a text) by content, not by
position, and returns `Link` values. Its output guarantees:

* every old and every new index appears in exactly one link;
* a link is one old ↔ one new (same or amended text), one old ↔ two consecutive new of the same
  part (a split), two consecutive old of the same part ↔ one new (a merge), one old ↔ nothing
  (deleted) or nothing ↔ one new (added);
* links come in the new text's order; a deleted paragraph comes right after the new
  paragraph that took the place of the old paragraph before it;
* ``moved`` is set on a link whose position relative to the others changed (it is not on one
  longest increasing subsequence of the matched pairs) and on a link whose two ends lie in
  different parts;
* the result depends on the input only: every choice is made by score, then by index.

How. Paragraphs are paired part by part (preamble with preamble, operative with operative, ...):
first paragraphs whose normalised texts (`normalise`) are equal, in order; then, among the
others, the best-scoring candidates (`worddiff.similarity`, on word bigrams) above
``threshold``, picked greedily, splits and merges competing with one-to-one pairs. A second
pass pairs what is left across parts. Moves are the matched pairs outside a longest increasing
subsequence.

Cost bound. Similarity is never computed for all pairs. The candidates of an old paragraph are
(a) the at most ``candidates`` new paragraphs sharing the most *rare* word bigrams with it — a
bigram is rare when at most ``max_df`` unmatched paragraphs contain it, so every posting list
read has at most ``max_df`` entries — and (b) at most ``window`` unmatched new paragraphs
around its expected position between the exact matches. Each candidate costs one similarity
and at most two split or merge trials. For ``n`` paragraphs of ``L`` words the work is
``O(n · L · (max_df + candidates + window))``: two unrelated 2,000-paragraph documents cost a
few hundred thousand counter operations, not four million comparisons.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict, deque
from collections.abc import Sequence
from dataclasses import dataclass, replace

from resdiff.worddiff import bigrams, dice

# Characters that PDF extraction and typing render in several ways: read as one.
_FOLD = str.maketrans({
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'",
    "\u2010": "-", "\u2011": "-", "\u00ad": None,
    "\u201c": '"', "\u201d": '"',
})

_FOLDED = re.compile("[" + "".join(chr(c) for c in _FOLD) + "]")


def normalise(text: str) -> str:
    """The text with typographic variants folded and all whitespace removed.

    Two paragraphs with equal normal forms are the same paragraph: they differ at most in
    whitespace, line wrapping, apostrophe or hyphen shapes and soft hyphens.
    """
    folded = unicodedata.normalize("NFC", text)
    if _FOLDED.search(folded):
        folded = folded.translate(_FOLD)
    return "".join(folded.split())


@dataclass(frozen=True)
class Unit:
    """What the alignment sees of a paragraph or footnote."""

    part: str
    text: str


@dataclass(frozen=True)
class AlignOptions:
    threshold: float = 0.45
    """Least similarity for two paragraphs to be one paragraph amended."""
    split_threshold: float = 0.7
    """Least similarity of a paragraph with the joined text of two for a split or merge."""
    split_margin: float = 0.01
    """How much better than either half alone the joined text must match. Kept small: the
    other condition, that most of each half's bigrams come from the one paragraph, is what
    tells a split from an amended paragraph next to a new one."""
    candidates: int = 8
    max_df: int = 8
    window: int = 4
    splits: bool = True
    """Look for splits and merges (off for footnotes)."""


@dataclass(frozen=True)
class Link:
    old: tuple[int, ...]
    new: tuple[int, ...]
    similarity: float
    """1.0 for equal normal forms, 0.0 for added and deleted paragraphs."""
    same: bool
    """The normal forms are equal (only possible for one-to-one links)."""
    moved: bool = False
    cross_part: bool = False


class _Index:
    """Per-unit data computed once: normal form, token counts, bigram set."""

    def __init__(self, units: Sequence[Unit]):
        self.units = units
        self.keys = [normalise(u.text) for u in units]
        self.counts = [bigrams(u.text) for u in units]
        self.shingles = [frozenset(c) for c in self.counts]
        self.by_part: dict[str, list[int]] = defaultdict(list)
        for i, u in enumerate(units):
            self.by_part[u.part].append(i)
        self.part_pos = {i: k for idxs in self.by_part.values() for k, i in enumerate(idxs)}


def align(old: Sequence[Unit], new: Sequence[Unit], options: AlignOptions = AlignOptions()
          ) -> list[Link]:
    """Pair ``old`` with ``new`` (guarantees and cost in the module docstring)."""
    a, b = _Index(old), _Index(new)
    links: list[Link] = []
    used_a: set[int] = set()
    used_b: set[int] = set()

    def take(link: Link) -> None:
        links.append(link)
        used_a.update(link.old)
        used_b.update(link.new)

    parts = sorted(set(a.by_part) | set(b.by_part))
    for part in parts:
        for i, j in _exact(a.by_part.get(part, []), b.by_part.get(part, []), a, b):
            take(Link((i,), (j,), 1.0, True))
    for part in parts:
        olds = [i for i in a.by_part.get(part, []) if i not in used_a]
        news = [j for j in b.by_part.get(part, []) if j not in used_b]
        if olds and news:
            anchors = sorted((lk.old[0], lk.new[0]) for lk in links if lk.same
                             and old[lk.old[0]].part == part)
            for link in _similar(olds, news, a, b, options, anchors):
                take(link)
    # Second pass: what is left, across parts.
    olds = [i for i in range(len(old)) if i not in used_a]
    news = [j for j in range(len(new)) if j not in used_b]
    for i, j in _exact(olds, news, a, b):
        take(Link((i,), (j,), 1.0, True, moved=True, cross_part=True))
    olds = [i for i in olds if i not in used_a]
    news = [j for j in news if j not in used_b]
    if olds and news:
        cross = replace(options, splits=False, window=0)
        for link in _similar(olds, news, a, b, cross, []):
            if old[link.old[0]].part != new[link.new[0]].part:
                take(Link(link.old, link.new, link.similarity, False, True, True))
    links = _mark_moves(links)
    links += [Link((i,), (), 0.0, False) for i in range(len(old)) if i not in used_a]
    links += [Link((), (j,), 0.0, False) for j in range(len(new)) if j not in used_b]
    return _in_new_order(links)


def _exact(olds: list[int], news: list[int], a: _Index, b: _Index) -> list[tuple[int, int]]:
    """Pairs with equal normal forms; repeated texts pair in order of appearance."""
    waiting: dict[str, deque[int]] = defaultdict(deque)
    for j in news:
        waiting[b.keys[j]].append(j)
    pairs = []
    for i in olds:
        q = waiting.get(a.keys[i])
        if q:
            pairs.append((i, q.popleft()))
    return pairs


def _candidates(olds: list[int], news: list[int], a: _Index, b: _Index, options: AlignOptions,
                anchors: list[tuple[int, int]]) -> dict[int, list[int]]:
    df: Counter = Counter()
    for i in olds:
        df.update(a.shingles[i])
    for j in news:
        df.update(b.shingles[j])
    postings: dict[str, list[int]] = defaultdict(list)
    for j in news:
        for s in b.shingles[j]:
            if df[s] <= options.max_df:
                postings[s].append(j)
    out: dict[int, list[int]] = {}
    for i in olds:
        shared: Counter = Counter()
        for s in a.shingles[i]:
            for j in postings.get(s, ()):
                shared[j] += 1
        found = sorted(shared, key=lambda j: (-shared[j], j))[: options.candidates]
        for j in _window(i, anchors, news, options.window):
            if j not in shared:
                found.append(j)
        out[i] = found
    return out


def _window(i: int, anchors: list[tuple[int, int]], news: list[int], width: int) -> list[int]:
    """Up to ``width`` of the (free) ``news`` nearest to where old unit ``i`` would stand: between
    the new ends of the exact matches around it, shifted like the match before it."""
    if width <= 0 or not news:
        return []
    k = bisect_left(anchors, (i, -1))
    lo_old, lo_new = anchors[k - 1] if k > 0 else (-1, -1)
    hi_new = anchors[k][1] if k < len(anchors) else news[-1] + 1
    lo, hi = bisect_right(news, lo_new), bisect_left(news, hi_new)
    if lo >= hi:
        return []
    expected = lo_new + (i - lo_old) if lo_old >= 0 else news[lo]
    start = min(max(bisect_left(news, expected), lo), hi - 1)
    got = [news[start]]
    left, right = start - 1, start + 1
    while len(got) < width and (left >= lo or right < hi):
        if right < hi:
            got.append(news[right])
            right += 1
        if len(got) < width and left >= lo:
            got.append(news[left])
            left -= 1
    return got


def _similar(olds: list[int], news: list[int], a: _Index, b: _Index, options: AlignOptions,
             anchors: list[tuple[int, int]]) -> list[Link]:
    cands = _candidates(olds, news, a, b, options, anchors)
    free_old, free_new = set(olds), set(news)
    sims: dict[tuple[int, int], float] = {}

    def sim(i: int, j: int) -> float:
        if (i, j) not in sims:
            sims[(i, j)] = dice(a.counts[i], b.counts[j])
        return sims[(i, j)]

    entries: list[tuple[float, tuple[int, ...], tuple[int, ...]]] = []
    for i, js in cands.items():
        for j in js:
            s = sim(i, j)
            if s >= options.threshold:
                entries.append((s, (i,), (j,)))
    if options.splits:
        entries += _splits(cands, a, b, free_old, free_new, sim, options)
    entries.sort(key=lambda e: (-e[0], len(e[1]) + len(e[2]), e[1], e[2]))
    links = []
    used_a: set[int] = set()
    used_b: set[int] = set()
    for s, o, n in entries:
        if used_a.intersection(o) or used_b.intersection(n):
            continue
        used_a.update(o)
        used_b.update(n)
        links.append(Link(o, n, s, False))
    return links


def _splits(cands: dict[int, list[int]], a: _Index, b: _Index, free_old: set[int],
            free_new: set[int], sim, options: AlignOptions):
    """Split and merge entries: one unit against two consecutive units of one part."""
    out: list[tuple[float, tuple[int, ...], tuple[int, ...]]] = []
    seen: set[tuple[object, object]] = set()
    for i, js in cands.items():
        n_i = a.counts[i].total()
        for j in js:
            n_j = b.counts[j].total()
            common = sim(i, j) * (n_i + n_j) / 2
            # j must be mostly made of i's wording to be half of a split (of i), and i mostly
            # of j's to be half of a merge (into j): most candidates fail both at once.
            splits = ((_neighbour(b, j, -1), j), (j, _neighbour(b, j, 1))) \
                if common >= 0.6 * n_j else ()
            merges = ((_neighbour(a, i, -1), i), (i, _neighbour(a, i, 1))) \
                if common >= 0.6 * n_i else ()
            for maybe in splits:
                pair = _both(maybe)
                if pair and all(x in free_new for x in pair) and (i, pair) not in seen:
                    seen.add((i, pair))
                    e = _two(a.counts[i], [b.counts[x] for x in pair],
                             [sim(i, x) for x in pair], options)
                    if e is not None:
                        out.append((e, (i,), pair))
            for maybe in merges:
                pair = _both(maybe)
                if pair and all(x in free_old for x in pair) and (pair, j) not in seen:
                    seen.add((pair, j))
                    e = _two(b.counts[j], [a.counts[x] for x in pair],
                             [sim(x, j) for x in pair], options)
                    if e is not None:
                        out.append((e, pair, (j,)))
    return out


def _both(pair: tuple[int | None, int | None]) -> tuple[int, int] | None:
    """The pair of neighbours, or None where one side has no neighbour."""
    first, second = pair
    return None if first is None or second is None else (first, second)


def _two(one: Counter, halves: list[Counter], sims: list[float], options: AlignOptions):
    """The similarity of ``one`` with the two ``halves`` joined, if it makes a split or merge:
    at least ``split_threshold``, better than either half alone, and most of each half's
    bigrams found in ``one``. The shares come from the halves' own similarities, so the joined
    counter is built only for pairs that pass them."""
    n = one.total()
    shared = []
    for h, s in zip(halves, sims, strict=True):
        t = h.total()
        common = s * (n + t) / 2
        if t == 0 or common / t < 0.6:
            return None
        shared.append(common)
    if 2 * sum(shared) / (n + halves[0].total() + halves[1].total()) < options.split_threshold:
        return None
    score = dice(one, halves[0] + halves[1])
    if score < options.split_threshold or score < max(sims) + options.split_margin:
        return None
    return score


def _neighbour(ix: _Index, i: int, step: int) -> int | None:
    idxs = ix.by_part[ix.units[i].part]
    k = ix.part_pos[i] + step
    return idxs[k] if 0 <= k < len(idxs) else None


def _mark_moves(links: list[Link]) -> list[Link]:
    """Set ``moved`` on matched pairs outside one longest increasing subsequence."""
    inside = sorted((lk for lk in links if not lk.cross_part), key=lambda lk: lk.new)
    seq = [lk.old[0] for lk in inside]
    keep = _lis(seq)
    out = [lk for lk in links if lk.cross_part]
    for k, lk in enumerate(inside):
        out.append(lk if k in keep else Link(lk.old, lk.new, lk.similarity, lk.same, True, False))
    return out


def _lis(seq: list[int]) -> set[int]:
    """Positions of a longest strictly increasing subsequence of ``seq`` (patience sorting)."""
    tails: list[int] = []
    tail_pos: list[int] = []
    prev = [-1] * len(seq)
    for k, x in enumerate(seq):
        t = bisect_left(tails, x)
        if t == len(tails):
            tails.append(x)
            tail_pos.append(k)
        else:
            tails[t] = x
            tail_pos[t] = k
        prev[k] = tail_pos[t - 1] if t > 0 else -1
    keep = set()
    k = tail_pos[-1] if tail_pos else -1
    while k >= 0:
        keep.add(k)
        k = prev[k]
    return keep


def _in_new_order(links: list[Link]) -> list[Link]:
    # Where each old index went, for links that stayed in place.
    anchor_of_old = {i: max(lk.new) for lk in links if lk.new and not lk.moved for i in lk.old}
    olds_sorted = sorted(anchor_of_old)

    def key(lk: Link) -> tuple[int, int, int]:
        if lk.new:
            return (min(lk.new), 0, 0)
        k = bisect_left(olds_sorted, lk.old[0])
        return (anchor_of_old[olds_sorted[k - 1]] if k > 0 else -1, 1, lk.old[0])

    return sorted(links, key=key)
