"""Compare two drafts paragraph by paragraph: aligned, classified, word-level.

`compare(old, new)` returns a `Comparison`; `to_json` turns it into the JSON contract. Pure: no
I/O, and the result depends on the two drafts and the options only (no clock).

What a `Comparison` guarantees:

* every paragraph of both drafts appears in exactly one `Change`, every footnote in exactly one
  `FootnoteChange`;
* changes follow the new draft's order; a deleted paragraph stands after the new paragraph
  that took the place of the one before it (see `resdiff.align`);
* ``unchanged`` means equal texts up to whitespace, line wrapping and typographic variants
  (`align.normalise`), whatever the labels: old OP5 = new OP6 is unchanged, with both labels.
  Footnote markers are not part of the text, so renumbered footnotes change nothing; footnotes
  are compared by content, apart;
* for every change but ``unchanged``, the ``"="`` and ``"-"`` segments of ``diff`` rebuild the
  old text and ``"="`` and ``"+"`` the new one; for a split or a merge the two texts of the
  pair are joined by ``"\\n"`` (`JOIN`);
* ``technical`` is set on an amended paragraph (or footnote) whose every difference is a
  technical update (`resdiff.technical`) and whose interval agrees with the interval most
  amended paragraphs of the document shift by;
* ``opener`` names the old and new opening words when they changed.

Cost: the alignment is bounded as `resdiff.align` says, each word diff as `resdiff.worddiff`
says; the rest is linear. When the two drafts share almost nothing, `Comparison.notes` says
so.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Literal

from resdiff.align import AlignOptions, Link, Unit, align, normalise
from resdiff.model import Draft, Footnote, Paragraph, Part
from resdiff.technical import Verdict, explain, opener
from resdiff.worddiff import Segment, diff_words_with_stats, similarity, word_tokens

ChangeKind = Literal["unchanged", "amended", "added", "deleted", "split", "merged"]
FootnoteKind = Literal["unchanged", "amended", "added", "deleted"]

JOIN = "\n"
"""What stands between the two texts of a split or merged pair in its diff."""


@dataclass(frozen=True)
class CompareOptions:
    threshold: float = AlignOptions.threshold
    """Least similarity (`worddiff.similarity`) for a paragraph to count as amended rather than
    deleted and added."""
    split_threshold: float = AlignOptions.split_threshold
    candidates: int = AlignOptions.candidates
    max_df: int = AlignOptions.max_df
    window: int = AlignOptions.window
    unrelated_below: float = 0.2
    """Share of matched paragraphs under which a note says the drafts look unrelated."""

    def align_options(self, splits: bool = True) -> AlignOptions:
        return AlignOptions(threshold=self.threshold, split_threshold=self.split_threshold,
                            candidates=self.candidates, max_df=self.max_df, window=self.window,
                            splits=splits)


@dataclass(frozen=True)
class Change:
    """What became of one paragraph (or, for a split or merge, of two)."""

    kind: ChangeKind
    moved: bool
    """Its order relative to the others changed, or it moved to another part."""
    technical: bool
    part: Part
    """The new part (the old one for a deleted paragraph)."""
    old: tuple[str, ...]
    """Old labels: one, two for a merge, none for an added paragraph."""
    new: tuple[str, ...]
    similarity: float
    opener: tuple[str, str] | None
    diff: tuple[Segment, ...]
    old_part: Part | None = None
    """Set, with `new_part`, when the paragraph moved between parts."""
    new_part: Part | None = None
    shift: int | None = None
    """For a technical change, the number of sessions it moves by (None: a list extended)."""
    text: str = ""
    """The new text of an unchanged paragraph (whose diff is empty)."""


@dataclass(frozen=True)
class FootnoteChange:
    kind: FootnoteKind
    old: tuple[str, ...]
    new: tuple[str, ...]
    similarity: float
    technical: bool
    diff: tuple[Segment, ...]
    shift: int | None = None


@dataclass(frozen=True)
class Comparison:
    old: Draft
    new: Draft
    changes: tuple[Change, ...]
    footnotes: tuple[FootnoteChange, ...]
    notes: tuple[str, ...] = field(default=())
    """Remarks on the comparison as a whole: unrelated drafts, diffs shown coarser."""

    def summary(self) -> dict[str, int]:
        kinds = Counter(c.kind for c in self.changes)
        return {
            "unchanged": kinds["unchanged"], "amended": kinds["amended"],
            "added": kinds["added"], "deleted": kinds["deleted"],
            "moved": sum(c.moved for c in self.changes),
            "split": kinds["split"], "merged": kinds["merged"],
            "technical": sum(c.technical for c in self.changes),
        }


def compare(old: Draft, new: Draft, options: CompareOptions = CompareOptions()) -> Comparison:
    """Align, diff and classify the paragraphs and footnotes of ``old`` and ``new``."""
    language = new.language or old.language
    notes: list[str] = []
    links = align([Unit(p.part, p.text) for p in old.paragraphs],
                  [Unit(p.part, p.text) for p in new.paragraphs], options.align_options())
    links = _pair_technical(links, old.paragraphs, new.paragraphs, language)
    raw = [_change(link, old.paragraphs, new.paragraphs, language, notes) for link in links]
    fn_links = align([Unit("footnote", f.text) for f in old.footnotes],
                     [Unit("footnote", f.text) for f in new.footnotes],
                     options.align_options(splits=False))
    fn_links = _pair_technical(fn_links, old.footnotes, new.footnotes, language)
    fn_raw = [_footnote(link, old.footnotes, new.footnotes, language) for link in fn_links]

    interval = _document_interval([v for _, v in raw + fn_raw if v is not None])
    changes = tuple(_settle(c, v, interval) for c, v in raw)
    footnotes = tuple(_settle(c, v, interval) for c, v in fn_raw)

    matched = sum(len(c.old) for c in changes if c.old and c.new)
    smaller = min(len(old.paragraphs), len(new.paragraphs))
    if smaller >= 5 and matched < options.unrelated_below * smaller:
        notes.append(f"The drafts share few paragraphs ({matched} of {len(old.paragraphs)} old "
                     f"and {len(new.paragraphs)} new paragraphs matched): they may not be "
                     "versions of one text.")
    return Comparison(old, new, changes, footnotes, tuple(notes))


def _change(link: Link, olds: tuple[Paragraph, ...], news: tuple[Paragraph, ...],
            language: str | None, notes: list[str]) -> tuple[Change, Verdict | None]:
    o = [olds[i] for i in link.old]
    n = [news[j] for j in link.new]
    labels = (tuple(p.label for p in o), tuple(p.label for p in n))
    part = n[0].part if n else o[0].part
    parts = (o[0].part, n[0].part) if link.cross_part else (None, None)
    if not n:
        return Change("deleted", False, False, part, *labels, 0.0, None,
                      (("-", o[0].text),)), None
    if not o:
        return Change("added", False, False, part, *labels, 0.0, None,
                      (("+", n[0].text),)), None
    sim = round(link.similarity, 4)
    if link.same:
        return Change("unchanged", link.moved, False, part, labels[0], labels[1], 1.0, None, (),
                      parts[0], parts[1], text=n[0].text), None
    old_text, new_text = JOIN.join(p.text for p in o), JOIN.join(p.text for p in n)
    diff, stats = diff_words_with_stats(old_text, new_text)
    if stats.coarse:
        notes.append(f"{'+'.join(labels[0])} → {'+'.join(labels[1])}: shown by "
                     f"{stats.level}, the difference is too large for a word-level diff.")
    if len(o) == 1 and len(n) == 1:
        verdict = explain(old_text, new_text, language)
        change = Change("amended", link.moved, verdict.technical, part, *labels, sim,
                        _opener_change(o[0], n[0], language, diff), diff, *parts)
        return change, verdict
    kind: ChangeKind = "split" if len(n) == 2 else "merged"
    return Change(kind, link.moved, False, part, *labels, sim, None, diff, *parts), None


def _footnote(link: Link, olds: tuple[Footnote, ...], news: tuple[Footnote, ...],
              language: str | None) -> tuple[FootnoteChange, Verdict | None]:
    o = [olds[i] for i in link.old]
    n = [news[j] for j in link.new]
    labels = (tuple(f"FN{f.number}" for f in o), tuple(f"FN{f.number}" for f in n))
    if not n:
        return FootnoteChange("deleted", *labels, 0.0, False, (("-", o[0].text),)), None
    if not o:
        return FootnoteChange("added", *labels, 0.0, False, (("+", n[0].text),)), None
    if link.same:
        return FootnoteChange("unchanged", *labels, 1.0, False, ()), None
    verdict = explain(o[0].text, n[0].text, language)
    diff, _ = diff_words_with_stats(o[0].text, n[0].text)
    return FootnoteChange("amended", *labels, round(link.similarity, 4), verdict.technical,
                          diff), verdict


def _pair_technical(links: list[Link], olds, news, language: str | None) -> list[Link]:
    """Read a deleted paragraph and an added one standing next to each other as one amended
    paragraph when the difference is a technical update ("A/79/80." → "A/80/83."): such short
    texts share too few words for the similarity to pair them."""
    out: list[Link] = []
    for link in links:
        prev = out[-1] if out else None
        if (prev is not None and len(prev.old) + len(prev.new) == 1 and
                len(link.old) + len(link.new) == 1 and bool(prev.old) != bool(link.old)):
            gone, came = (prev, link) if prev.old else (link, prev)
            o, n = olds[gone.old[0]], news[came.new[0]]
            if (getattr(o, "part", None) == getattr(n, "part", None)
                    and explain(o.text, n.text, language).technical):
                out[-1] = Link(gone.old, came.new, similarity(o.text, n.text), False)
                continue
        out.append(link)
    return out


def _document_interval(verdicts: list[Verdict]) -> int | None:
    """The interval most technical shifts agree on; ties go to the smaller interval."""
    counts = Counter(v.delta for v in verdicts if v.technical and v.delta is not None)
    if not counts:
        return None
    return min(counts, key=lambda d: (-counts[d], abs(d), d))


def _settle(change, verdict: Verdict | None, interval: int | None):
    """Record the verdict on ``change``, holding its shift to the document's interval."""
    if verdict is None or not verdict.technical:
        return change
    if verdict.delta is not None and verdict.delta != interval:
        return replace(change, technical=False)
    return replace(change, shift=verdict.delta)


def _opener_change(o: Paragraph, n: Paragraph, language: str | None,
                   diff: tuple[Segment, ...]) -> tuple[str, str] | None:
    """(old opener, new opener) when the opening words changed, else None.

    The opener is the table's opener (`technical.opener`) on each side, stretched to the end
    of the first changed stretch when that stretch begins inside it ("Engage instamment" →
    "Engage vivement", though the tables know only "Engage"). When the tables know neither
    side, a change that begins within the first two words and is at most three words long is
    read as a change of opener.
    """
    if o.part not in ("preamble", "operative") or n.part not in ("preamble", "operative"):
        return None
    a = opener(o.text, language, o.part) or ""
    b = opener(n.text, language, n.part) or ""
    pos_old = pos_new = 0
    k = 0
    while k < len(diff) and diff[k][0] == "=":
        pos_old += len(diff[k][1])
        pos_new += len(diff[k][1])
        k += 1
    if k == len(diff):
        return None
    start_old, start_new = pos_old, pos_new
    removed = added = ""
    while k < len(diff) and diff[k][0] != "=":
        if diff[k][0] == "-":
            removed += diff[k][1]
        else:
            added += diff[k][1]
        k += 1
    short = max(len(word_tokens(removed)), len(word_tokens(added))) <= 3
    if a or b:
        inside = start_old < len(a.rstrip()) or start_new < len(b.rstrip())
    else:
        inside = len(word_tokens(o.text[:start_old])) <= 1
    if not inside:
        return None
    if short:
        a = o.text[: max(len(a), start_old + len(removed))]
        b = n.text[: max(len(b), start_new + len(added))]
    a, b = a.strip(), b.strip()
    if not (a and b) or normalise(a) == normalise(b):
        return None
    return a, b


def to_json(comparison: Comparison) -> dict:
    """The comparison as the JSON contract: ``old``, ``new``, ``summary``, ``changes``,
    ``footnotes`` (plus ``notes``, and per change ``old_part``/``new_part`` when a paragraph
    moved between parts, ``shift`` for a technical one, ``text`` for an unchanged one)."""

    def draft(d: Draft) -> dict:
        return {"symbol": d.symbol, "title": d.title, "language": d.language}

    def change(c: Change) -> dict:
        out: dict = {
            "kind": c.kind, "moved": c.moved, "technical": c.technical, "part": c.part,
            "old": list(c.old), "new": list(c.new), "similarity": round(c.similarity, 2),
            "opener": list(c.opener) if c.opener else None,
            "diff": [[op, text] for op, text in c.diff],
        }
        if c.old_part is not None:
            out["old_part"], out["new_part"] = c.old_part, c.new_part
        if c.technical:
            out["shift"] = c.shift
        if c.kind == "unchanged":
            out["text"] = c.text
        return out

    def footnote(f: FootnoteChange) -> dict:
        out: dict = {"kind": f.kind, "old": list(f.old), "new": list(f.new),
                     "diff": [[op, text] for op, text in f.diff],
                     "similarity": round(f.similarity, 2), "technical": f.technical}
        if f.technical:
            out["shift"] = f.shift
        return out

    return {
        "old": draft(comparison.old),
        "new": draft(comparison.new),
        "summary": comparison.summary(),
        "changes": [change(c) for c in comparison.changes],
        "footnotes": [footnote(f) for f in comparison.footnotes],
        "notes": list(comparison.notes),
    }
