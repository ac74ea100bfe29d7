"""A paragraph's life across the versions of a series: blame, paragraph history, the timeline.

Pure: the caller (the store) supplies the versions and their drafts in history order; every
step between two successive versions is a `resdiff.compare.compare`, so a paragraph is followed
through renumbering, moves, splits and merges as a comparison sees them (never by line, as
``git blame`` would).

What `blame` guarantees: every paragraph of the last draft gets exactly one `Blame`; its
`introduced` version is the first one in which the paragraph (or, through a split, the
paragraph it was split from; through a merge, the older of the two merged) stood, and its
`changed` version is the last step whose comparison did not find it unchanged (amended, split,
merged) — `introduced` when it never changed. A move alone is not a change.

What `paragraph_history` guarantees: one `Step` per version, in order; a step names the labels
the paragraph had in that version (none where it did not stand), its text, and how it came from
the previous version (the `Change`, None where it was absent or unchanged).

Cost: one comparison per pair of successive versions.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .compare import Change, Comparison, compare
from .model import Draft
from .versions import StoreError, Version, describe_summary


@dataclass(frozen=True)
class Blame:
    label: str
    text: str
    introduced: Version
    changed: Version
    technical: bool
    """The last change was only a technical update (session ordinals, symbols, dates)."""


@dataclass(frozen=True)
class Step:
    version: Version
    labels: tuple[str, ...]
    text: str
    change: Change | None
    """How the paragraph came from the previous version; None when it did not change or did not
    stand in either."""


def comparisons(drafts: list[Draft]) -> list[Comparison]:
    return [compare(a, b) for a, b in zip(drafts, drafts[1:], strict=False)]


def blame(versions: list[Version], drafts: list[Draft],
          steps: list[Comparison] | None = None) -> list[Blame]:
    if not versions:
        return []
    steps = steps if steps is not None else comparisons(drafts)
    first = versions[0]
    origin: dict[str, tuple[int, int, bool]] = {
        p.label: (0, 0, False) for p in drafts[0].paragraphs}
    for i, comparison in enumerate(steps, start=1):
        now: dict[str, tuple[int, int, bool]] = {}
        for c in comparison.changes:
            before = [origin[label] for label in c.old if label in origin]
            born = min((b[0] for b in before), default=i)
            for label in c.new:
                if c.kind == "unchanged" and before:
                    now[label] = before[0]
                else:
                    now[label] = (born, i, c.technical)
        origin = now
    last = drafts[-1]
    out = []
    for p in last.paragraphs:
        born, changed, technical = origin.get(p.label, (len(versions) - 1,) * 2 + (False,))
        out.append(Blame(p.label, p.text, versions[born] if versions else first,
                         versions[changed], technical))
    return out


def paragraph_history(versions: list[Version], drafts: list[Draft], at: int, label: str,
                      steps: list[Comparison] | None = None) -> list[Step]:
    """The paragraph labelled `label` in version number `at`, through every version."""
    if drafts[at].paragraph(label) is None:
        known = " ".join(p.label for p in drafts[at].paragraphs)
        raise StoreError(f"{versions[at].name} has no paragraph {label!r} (it has: {known})")
    steps = steps if steps is not None else comparisons(drafts)
    labels: list[tuple[str, ...]] = [()] * len(versions)
    labels[at] = (label,)
    for i in range(at, 0, -1):
        labels[i - 1] = _follow(steps[i - 1], labels[i], backward=True)
    for i in range(at, len(versions) - 1):
        labels[i + 1] = _follow(steps[i], labels[i], backward=False)
    out = []
    for i, version in enumerate(versions):
        text = " ¶ ".join(p.text for p in drafts[i].paragraphs if p.label in labels[i])
        change = None
        if i > 0 and (labels[i] or labels[i - 1]):
            found = [c for c in steps[i - 1].changes
                     if set(c.new) & set(labels[i]) or set(c.old) & set(labels[i - 1])]
            moved_only = all(c.kind == "unchanged" for c in found)
            change = None if moved_only or not found else found[0]
        out.append(Step(version, labels[i], text, change))
    return out


def _follow(comparison: Comparison, labels: tuple[str, ...], backward: bool) -> tuple[str, ...]:
    out: list[str] = []
    for c in comparison.changes:
        here, there = (c.new, c.old) if backward else (c.old, c.new)
        if set(here) & set(labels):
            out += [label for label in there if label not in out]
    return tuple(out)


# -- views -------------------------------------------------------------------------------------

def version_json(v: Version) -> dict[str, Any]:
    return {"commit": v.commit, "name": v.name, "series": v.series, "language": v.language,
            "stage": v.stage_name, "symbol": v.symbol, "date": v.date, "session": v.session,
            "title": v.title, "preamble": v.preamble, "operative": v.operative,
            "original": v.original}


def log_rows(versions: list[Version], summaries: dict[str, str | None]) -> list[list[str]]:
    """One row per version, the languages of one document together, in history order."""
    groups: dict[str, list[Version]] = {}
    for v in versions:
        groups.setdefault(f"{v.series}\0{v.symbol or v.commit}", []).append(v)
    rows = []
    for group in groups.values():
        for v in group:
            rows.append([v.short, v.date or "-", v.stage_name, v.symbol or "-", v.language,
                         f"{v.preamble} PP {v.operative} OP",
                         describe_summary(summaries.get(v.commit))])
    return rows


def table(rows: list[list[str]]) -> str:
    if not rows:
        return ""
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]) - 1)]
    return "".join("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=False)) + "  "
                   + r[-1] + "\n" for r in rows)


def blame_text(blames: list[Blame], width: int = 60) -> str:
    rows = []
    for b in blames:
        changed = b.changed.name + (" (technical)" if b.technical else "")
        if b.changed == b.introduced:
            changed = "-"
        text = b.text if len(b.text) <= width else b.text[: width - 1] + "…"
        rows.append([b.label, b.introduced.name, changed, text])
    head = [["paragraph", "introduced", "last changed", "text"]]
    return table(head + rows)


def blame_json(blames: list[Blame]) -> list[dict[str, Any]]:
    return [{"label": b.label, "text": b.text, "introduced": version_json(b.introduced),
             "changed": version_json(b.changed), "technical": b.technical} for b in blames]


def _marked(change: Change) -> str:
    """The change as ``[-deleted-]{+inserted+}`` text, as `resdiff diff` writes it uncoloured."""
    if change.kind in ("added", "deleted"):
        return "".join(text for _, text in change.diff)
    marks = {"=": "{}", "-": "[-{}-]", "+": "{{+{}+}}"}
    return "".join(marks[op].format(text) for op, text in change.diff).replace("\n", " ¶ ")


def history_text(steps: list[Step]) -> str:
    out = []
    for s in steps:
        v = s.version
        head = f"{v.name}  {v.stage_name}  {v.date or '-'}  {'+'.join(s.labels) or '(absent)'}"
        out.append(head)
        if not s.labels:
            out.append("    (not in this version)")
        elif s.change is None:
            out.append(f"    {s.text}")
        else:
            kind = s.change.kind + (", technical" if s.change.technical else "") + (
                ", moved" if s.change.moved else "")
            out.append(f"    {kind}: {_marked(s.change)}")
        out.append("")
    return "\n".join(out)


def history_json(steps: list[Step]) -> list[dict[str, Any]]:
    return [{"version": version_json(s.version), "labels": list(s.labels), "text": s.text,
             "change": None if s.change is None else {
                 "kind": s.change.kind, "moved": s.change.moved,
                 "technical": s.change.technical, "old": list(s.change.old),
                 "new": list(s.change.new),
                 "diff": [[op, t] for op, t in s.change.diff]}} for s in steps]
