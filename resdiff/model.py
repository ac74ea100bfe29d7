"""The values resdiff reads drafts into: frozen, comparable, free of I/O.

A `Draft` is one version of a resolution as our users name its parts: preambular paragraphs
(PP1…PPn, by position), operative paragraphs (OPn, by their number), annex paragraphs, and
footnotes. Every text in it is one line, with whitespace collapsed, footnote markers taken out
(their numbers are in `Paragraph.notes`, their places in `Paragraph.note_at`) and PDF extraction
damage repaired.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Part = Literal["preamble", "operative", "annex", "text"]
"""Where a paragraph stands. ``text`` is a paragraph of a document whose resolution structure
could not be recognised (read as plain paragraphs, with a warning)."""

PARTS: tuple[Part, ...] = ("preamble", "operative", "annex", "text")

LANGUAGES: tuple[str, ...] = ("en", "fr", "es", "ru", "zh", "ar")
"""The six official languages, as ISO 639-1 codes."""


class ResdiffError(Exception):
    """A problem the user can fix (bad input, a missing file): shown as one line, exit code 2."""


class InputError(ResdiffError):
    """A file that cannot be read as a draft. The message names the file and the problem."""


@dataclass(frozen=True)
class Paragraph:
    """One preambular, operative or annex paragraph."""

    label: str
    """``PP3``, ``OP5``; ``OP5bis`` / ``PP3ter`` where a negotiation draft labels them so;
    ``AN2`` for annex paragraphs; ``P4`` for plain text."""
    part: Part
    text: str
    """The whole paragraph on one line, without its OP number and footnote markers."""
    notes: tuple[int, ...] = ()
    """Numbers of the footnotes whose markers stand in this paragraph, in order."""
    number: int | None = None
    """The printed number of an operative (or numbered annex) paragraph; None for PPs."""
    note_at: tuple[int, ...] = ()
    """Where each marker of `notes` stood: the offset in `text` just after the word or
    punctuation the marker followed, as printed (``organisée¹,`` in French: before the comma;
    ``Court,²`` in English: after it), 0 when nothing stood before it. One offset per note, in
    the same order, never decreasing; empty when the places are not known (a draft built by
    hand). Offsets are no part of the text: comparing drafts never reports them."""

    def __post_init__(self) -> None:
        if self.note_at and len(self.note_at) != len(self.notes):
            raise ValueError(f"{self.label}: {len(self.note_at)} marker places for "
                             f"{len(self.notes)} footnotes")


@dataclass(frozen=True)
class Footnote:
    number: int
    text: str


@dataclass(frozen=True)
class Draft:
    """One version of a resolution, as read from a file."""

    symbol: str | None
    """``A/C.3/77/L.6``, ``A/RES/80/1``; None when the document does not show one."""
    language: str | None
    """One of `LANGUAGES`; None when it cannot be told."""
    title: str
    organ: str
    """The organ line as printed: ``The General Assembly,`` / ``L’Assemblée générale,``."""
    sponsors: tuple[str, ...] = ()
    session: int | None = None
    agenda_item: str | None = None
    """As printed after "Agenda item": ``74``, ``69 (b)``."""
    paragraphs: tuple[Paragraph, ...] = ()
    footnotes: tuple[Footnote, ...] = ()
    warnings: tuple[str, ...] = ()
    date: str | None = None
    """The document's date as printed in its masthead (``15 September 2025``)."""
    distribution: str | None = None
    """``Limited`` (drafts) or ``General`` (adopted texts)."""
    agenda_title: str | None = None
    document_kind: str | None = None
    """What the masthead calls the text: ``draft resolution``, ``revised draft resolution``,
    ``resolution``."""
    adopted_from: str | None = None
    """For an adopted text, the draft it was adopted from (``A/80/L.2/Rev.1``)."""
    meeting: str | None = None
    """The closing line of an adopted text: ``3rd plenary meeting``."""
    meeting_date: str | None = None
    extra: tuple[tuple[str, str], ...] = field(default=())
    """Further metadata a reader found, as (key, value) pairs, kept through the canonical form."""

    def part(self, part: Part) -> tuple[Paragraph, ...]:
        return tuple(p for p in self.paragraphs if p.part == part)

    def paragraph(self, label: str) -> Paragraph | None:
        for p in self.paragraphs:
            if p.label == label:
                return p
        return None
