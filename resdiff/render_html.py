"""The HTML report of a comparison, as `resdiff diff --format html` writes it.

One self-contained page: the style sheet and the script stand inside it, nothing is fetched, so
the file works offline and opened from an e-mail attachment. It holds a header naming both
versions, a summary (counts per kind, technical against substantive), a list of the changes
linking to each, the whole document in the new version's order (deleted paragraphs where they
stood) and the footnote changes in a section of their own. The script adds the side-by-side
and "changes only" views and keyboard navigation; without it the page is a complete redline.

What the page guarantees, and the browser tests check:

* every text that comes from a document is escaped (autoescape is on everywhere): a draft
  containing ``<script>`` shows it as text;
* inside ``#document`` there is one ``<ins class="ins">`` for each ``"+"`` segment of the
  paragraph changes' diffs and one ``<del class="del">`` for each ``"-"`` segment; inside
  ``#footnotes`` the same for the footnote changes. An added paragraph is one ``<ins>``, a
  deleted one one ``<del>``;
* each paragraph carries one ``.badge`` per kind it has: its kind (but none when unchanged),
  ``moved`` and ``technical``; so the counts of badges equal `Comparison.summary`;
* ``lang`` and ``dir`` of the page come from the document's language (Arabic: right to left);
* footnote markers stand where the drafts put them (`Paragraph.note_at`), as
  ``<sup class="fn fn-new">N</sup>`` (the new number) in unchanged and inserted text and
  ``<sup class="fn fn-old">N</sup>`` (the old number) in deleted text, inside the ``<ins>`` or
  ``<del>`` of their segment, which they never split: the counts above do not change.

Pure: `render_html(comparison) -> str`. Only this module imports jinja2, when it first renders;
the templates are package data in ``resdiff/templates``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, ClassVar

from . import __version__, languages
from .compare import JOIN, Change, Comparison, FootnoteChange
from .model import LANGUAGES, Draft, Paragraph, Part
from .subitems import sub_items
from .worddiff import Segment

if TYPE_CHECKING:
    import jinja2

_PART_TITLES: dict[Part, str] = {"preamble": "Preamble", "operative": "Operative part",
                                 "annex": "Annex", "text": "Text"}
_KINDS = ("amended", "added", "deleted", "moved", "split", "merged")
_EXCERPT = 90
"""Characters of a paragraph shown in the change list."""


@cache
def environment() -> jinja2.Environment:
    """The one jinja2 environment of resdiff: package templates, autoescape on, strict."""
    import jinja2

    return jinja2.Environment(
        loader=jinja2.PackageLoader("resdiff", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


@dataclass(frozen=True)
class Version:
    """What the header says about one side of the comparison."""

    symbol: str
    stage: str | None
    """``draft resolution``, ``revised draft resolution``, ``resolution``."""
    date: str | None
    language: str | None
    """The language's English name (``French``), or None when it could not be told."""
    title: str


@dataclass(frozen=True)
class Marker:
    """A footnote marker in the text: its number on the side it belongs to."""

    number: int
    side: str
    """``new`` (in unchanged or inserted text) or ``old`` (in deleted text)."""


@dataclass(frozen=True)
class Break:
    """Where a sub-paragraph (``(a)``, ``(ii)``) starts: the page puts it on a line of its
    own."""

    side: str


Piece = str | Marker | Break


@dataclass(frozen=True)
class Item:
    """One paragraph (or a split or merged pair, or a footnote) as the page shows it."""

    labels: str
    """``OP5``, ``OP5 → OP6``, ``OP5 → OP5+OP6``; ``FN3 → FN4`` for a footnote."""
    kind: str
    badges: tuple[str, ...]
    details: tuple[str, ...]
    """Plain English words after the badges: a move between parts, the similarity."""
    diff: tuple[Segment, ...]
    """The segments to show; an unchanged paragraph is one ``"="`` segment of its text."""
    anchor: str | None
    """The id that the change list and keyboard navigation go to; None when unchanged."""
    technical: bool
    excerpt: str
    opener: tuple[str, str] | None = None
    """The old and new opening words, in the document's language, when they changed."""
    marked: tuple[tuple[str, tuple[Piece, ...]], ...] = ()
    """`diff` with the footnote markers put in: (op, text and markers) per segment."""
    folded: ClassVar[bool] = False


@dataclass(frozen=True)
class Run:
    """Unchanged paragraphs standing together: "changes only" folds them into one line."""

    items: tuple[Item, ...]
    folded: ClassVar[bool] = True

    @property
    def labels(self) -> str:
        first, last = self.items[0].labels, self.items[-1].labels
        return first if len(self.items) == 1 else f"{first} … {last}"


@dataclass(frozen=True)
class Section:
    """The paragraphs of one part of the document, in order."""

    title: str
    blocks: tuple[Item | Run, ...]


START_VIEWS = ("redline", "side-by-side", "changes-only")


def render_html(comparison: Comparison, start_view: str = "redline") -> str:
    """The whole report, one self-contained HTML page, opening in `start_view` (one of
    `START_VIEWS`; without script, the page is the whole redline whatever the view)."""
    if start_view not in START_VIEWS:
        raise ValueError(f"unknown view {start_view!r}: one of {', '.join(START_VIEWS)}")
    code = comparison.new.language or comparison.old.language
    items = [_item(c, k, comparison) for k, c in enumerate(comparison.changes, 1)]
    notes = [_footnote_item(f, comparison.new, k) for k, f in enumerate(comparison.footnotes, 1)]
    changed = [i for i in items if i.anchor]
    changed_notes = [i for i in notes if i.anchor]
    return environment().get_template("report.html").render(
        version=__version__,
        start_view=start_view,
        lang=code if code in LANGUAGES else None,
        direction=languages.table(code).direction if code in LANGUAGES else "ltr",
        old=_version(comparison.old),
        new=_version(comparison.new),
        organ=comparison.new.organ or comparison.old.organ,
        counts=_counts(comparison),
        substantive=sum(not i.technical for i in changed + changed_notes),
        technical=sum(i.technical for i in changed + changed_notes),
        notes=comparison.notes,
        warnings=[("old", w) for w in comparison.old.warnings]
        + [("new", w) for w in comparison.new.warnings],
        changes=changed,
        footnote_changes=changed_notes,
        sections=list(_sections(comparison.changes, items)),
        footnotes=notes,
    )


def _version(d: Draft) -> Version:
    language = languages.table(d.language).name if d.language in LANGUAGES else None
    return Version(d.symbol or "(no symbol)", _stage(d), d.date or d.meeting_date, language,
                   d.title)


def _stage(d: Draft) -> str | None:
    if d.document_kind:
        return d.document_kind
    symbol = d.symbol or ""
    if "/RES/" in symbol:
        return "resolution"
    if "/Rev." in symbol:
        return "revised draft resolution"
    if "/L." in symbol:
        return "draft resolution"
    return None


def _counts(comparison: Comparison) -> list[tuple[str, int, int]]:
    """(kind, paragraphs, footnotes) for each kind, then unchanged; technical apart."""
    s = comparison.summary()
    fn = {k: sum(f.kind == k for f in comparison.footnotes)
          for k in ("amended", "added", "deleted", "unchanged")}
    fn["technical"] = sum(f.technical for f in comparison.footnotes)
    rows = [(k, s[k], fn.get(k, 0)) for k in _KINDS]
    rows.append(("technical", s["technical"], fn["technical"]))
    rows.append(("unchanged", s["unchanged"], fn["unchanged"]))
    return rows


def _labels(old: tuple[str, ...], new: tuple[str, ...]) -> str:
    a, b = "+".join(old), "+".join(new)
    if not a:
        return b
    if not b or a == b:
        return a
    return f"{a} → {b}"


def _plain(diff: tuple[Segment, ...], side: str) -> str:
    return "".join(t for op, t in diff if op in ("=", side)).replace("\n", " ")


def _excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _EXCERPT else text[:_EXCERPT].rstrip() + "…"


def _places(paragraphs: list[Paragraph | None], side: str
            ) -> list[tuple[int, Marker | Break]]:
    """The markers of `paragraphs` and the starts of their sub-paragraphs, as offsets in their
    texts joined by `JOIN` (a marker before a break at the same place: it ends the words
    before)."""
    out: list[tuple[int, Marker | Break]] = []
    base = 0
    for p in paragraphs:
        if p is None:
            continue
        out += [(base + min(at, len(p.text)), Marker(n, side))
                for n, at in zip(p.notes, p.note_at, strict=False)]
        out += [(base + item.start, Break(side)) for item in sub_items(p.text) if item.start]
        base += len(p.text) + len(JOIN)
    return sorted(out, key=lambda item: (item[0], isinstance(item[1], Break)))


def _with_markers(diff: tuple[Segment, ...], new: list[tuple[int, Marker | Break]],
                  old: list[tuple[int, Marker | Break]]
                  ) -> tuple[tuple[str, tuple[Piece, ...]], ...]:
    """Each segment with the markers that fall in it: a marker goes with the character before
    it. New markers in ``=`` and ``+`` text, old ones in ``-`` text."""
    pending = {"new": list(new), "old": list(old)}
    position = {"new": 0, "old": 0}
    out: list[tuple[str, tuple[Piece, ...]]] = []
    for op, text in diff:
        sides = {"=": ("new", "old"), "+": ("new",), "-": ("old",)}[op]
        shown = "old" if op == "-" else "new"
        start = position[shown]
        taken = []
        for side in sides:
            end = position[side] + len(text)
            while pending[side] and pending[side][0][0] <= end:
                at, marker = pending[side].pop(0)
                if side == shown:
                    taken.append((at - start, marker))
            position[side] = end
        pieces: list[Piece] = []
        done = 0
        for at, marker in taken:
            if text[done:at]:
                pieces.append(text[done:at])
            pieces.append(marker)
            done = at
        if text[done:] or not pieces:
            pieces.append(text[done:])
        out.append((op, tuple(pieces)))
    return tuple(out)


def _item(c: Change, k: int, comparison: Comparison) -> Item:
    badges: list[str] = [c.kind] if c.kind != "unchanged" else []
    badges += ["moved"] * c.moved + ["technical"] * c.technical
    details: list[str] = []
    if c.old_part and c.new_part and c.old_part != c.new_part:
        details.append(f"from {c.old_part} to {c.new_part}")
    if c.technical:
        details.append("technical update" if c.shift is None
                       else f"technical update ({c.shift:+d} sessions)")
    if c.kind in ("amended", "split", "merged"):
        details.append(f"similarity {c.similarity:.2f}")
    diff = c.diff if c.kind != "unchanged" else (("=", c.text),)
    changed = c.kind != "unchanged" or c.moved
    text = _plain(diff, "-" if c.kind == "deleted" else "+")
    marked = _with_markers(
        diff, _places([comparison.new.paragraph(label) for label in c.new], "new"),
        _places([comparison.old.paragraph(label) for label in c.old], "old"))
    return Item(_labels(c.old, c.new), c.kind, tuple(badges), tuple(details), diff,
                f"c{k}" if changed else None, c.technical, _excerpt(text), c.opener, marked)


def _footnote_item(f: FootnoteChange, new: Draft, k: int) -> Item:
    diff = f.diff
    if f.kind == "unchanged":
        numbers = {f"FN{n.number}": n.text for n in new.footnotes}
        diff = (("=", numbers.get(f.new[0], "") if f.new else ""),)
    badges: list[str] = [f.kind] if f.kind != "unchanged" else []
    badges += ["technical"] * f.technical
    details = ["technical update"] if f.technical else []
    return Item(_labels(f.old, f.new), f.kind, tuple(badges), tuple(details), diff,
                f"f{k}" if f.kind != "unchanged" else None, f.technical,
                _excerpt(_plain(diff, "-" if f.kind == "deleted" else "+")),
                marked=tuple((op, (text,)) for op, text in diff))


def _sections(changes: tuple[Change, ...], items: list[Item]) -> Iterator[Section]:
    """Consecutive paragraphs of one part make a section; unchanged ones standing together a
    run inside it."""
    blocks: list[Item | Run] = []
    run: list[Item] = []
    part: Part | None = None
    for change, item in zip(changes, items, strict=True):
        if change.part != part:
            if run:
                blocks.append(Run(tuple(run)))
                run = []
            if part is not None:
                yield Section(_PART_TITLES[part], tuple(blocks))
            part, blocks = change.part, []
        if item.anchor is None:
            run.append(item)
            continue
        if run:
            blocks.append(Run(tuple(run)))
            run = []
        blocks.append(item)
    if run:
        blocks.append(Run(tuple(run)))
    if part is not None:
        yield Section(_PART_TITLES[part], tuple(blocks))
