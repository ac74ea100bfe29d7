"""The canonical text form of a `Draft`: what the history store keeps, one paragraph per line.

Layout (UTF-8, ``\\n`` line ends)::

    resdiff-draft 1
    symbol: A/C.3/77/L.6
    language: fr
    …                                one ``key: value`` per line; lists repeat their key
    labels: PP1 PP2/1,2,3@120,188,240 … OP1:1/17@52 OP2:2 …
                                     (blank line)
    ## preamble
    Condamnant de nouveau énergiquement …
    ## operative
    Prend note avec satisfaction …
    ## footnotes
    Nations Unies, Recueil des Traités, vol. 2225, no 39574.

A paragraph's line holds its text alone, so that plain ``git diff`` and ``git blame`` on the
store line up with paragraphs and renumbering touches only the ``labels:`` header line. A
label token is ``LABEL[:NUMBER][/NOTES[@PLACES]]``: the paragraph's label, its printed number,
its footnotes and where their markers stand in its text (`Paragraph.note_at`). A token without
``@PLACES`` (as files written before marker places were kept) reads with places unknown. A
text line that would start with ``#`` or ``\\`` is written with a leading ``\\``.

Guarantee: ``deserialize(serialize(d)) == d`` for every `Draft`; `deserialize` refuses anything
else with a `ValueError` naming the line.
"""

from __future__ import annotations

import json

from .model import PARTS, Draft, Footnote, Paragraph

MAGIC = "resdiff-draft 1"
_SCALARS = (
    "symbol", "language", "title", "organ", "session", "agenda_item", "date", "distribution",
    "agenda_title", "document_kind", "adopted_from", "meeting", "meeting_date",
)
_INTS = {"session"}


def serialize(draft: Draft) -> str:
    lines = [MAGIC]
    for key in _SCALARS:
        value = getattr(draft, key)
        if value is not None:
            lines.append(f"{key}: {_one_line(str(value), key)}")
    lines += [f"sponsor: {_one_line(s, 'sponsor')}" for s in draft.sponsors]
    lines += [f"warning: {_one_line(w, 'warning')}" for w in draft.warnings]
    lines += [f"extra: {json.dumps([k, v], ensure_ascii=False)}" for k, v in draft.extra]
    lines.append("labels: " + " ".join(_label(p) for p in draft.paragraphs))
    lines.append("footnote-numbers: " + " ".join(str(f.number) for f in draft.footnotes))
    lines.append("")
    for part in PARTS:
        texts = [p.text for p in draft.paragraphs if p.part == part]
        if texts:
            lines.append(f"## {part}")
            lines += [_escape(t) for t in texts]
    if draft.footnotes:
        lines.append("## footnotes")
        lines += [_escape(f.text) for f in draft.footnotes]
    return "\n".join(lines) + "\n"


def _label(p: Paragraph) -> str:
    token = p.label if p.number is None else f"{p.label}:{p.number}"
    if not p.notes:
        return token
    token += "/" + ",".join(map(str, p.notes))
    return token + "@" + ",".join(map(str, p.note_at)) if p.note_at else token


def _one_line(value: str, key: str) -> str:
    if "\n" in value or "\r" in value:
        raise ValueError(f"{key} holds a line break: {value!r}")
    return value


def _escape(text: str) -> str:
    _one_line(text, "paragraph")
    return "\\" + text if text.startswith(("#", "\\")) or not text else text


def deserialize(text: str) -> Draft:
    lines = text.split("\n")
    if not lines or lines[0] != MAGIC:
        raise ValueError(f"line 1: not a resdiff draft (expected {MAGIC!r})")
    fields: dict[str, object] = {}
    sponsors: list[str] = []
    warnings: list[str] = []
    extra: list[tuple[str, str]] = []
    labels: list[str] = []
    numbers: list[int] = []
    i = 1
    while i < len(lines) and lines[i] != "":
        key, sep, value = lines[i].partition(": ")
        if not sep and lines[i].endswith(":"):
            key, value = lines[i][:-1], ""
        elif not sep:
            raise ValueError(f"line {i + 1}: expected 'key: value', got {lines[i]!r}")
        if key in _SCALARS:
            fields[key] = int(value) if key in _INTS else value
        elif key == "sponsor":
            sponsors.append(value)
        elif key == "warning":
            warnings.append(value)
        elif key == "extra":
            k, v = json.loads(value)
            extra.append((k, v))
        elif key == "labels":
            labels = value.split()
        elif key == "footnote-numbers":
            numbers = [int(n) for n in value.split()]
        else:
            raise ValueError(f"line {i + 1}: unknown key {key!r}")
        i += 1
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for j in range(i + 1, len(lines)):
        line = lines[j]
        if line.startswith("## "):
            current = sections.setdefault(line[3:], [])
        elif current is None:
            if line:
                raise ValueError(f"line {j + 1}: text before any '## part' heading")
        elif line or j < len(lines) - 1:
            current.append(line[1:] if line.startswith("\\") else line)
    paragraphs = _paragraphs(labels, sections)
    footnote_texts = sections.get("footnotes", [])
    if len(footnote_texts) != len(numbers):
        raise ValueError("footnotes: the numbers and the texts do not match")
    return Draft(
        symbol=fields.get("symbol"),  # type: ignore[arg-type]
        language=fields.get("language"),  # type: ignore[arg-type]
        title=str(fields.get("title", "")),
        organ=str(fields.get("organ", "")),
        sponsors=tuple(sponsors),
        session=fields.get("session"),  # type: ignore[arg-type]
        agenda_item=fields.get("agenda_item"),  # type: ignore[arg-type]
        paragraphs=paragraphs,
        footnotes=tuple(Footnote(n, t) for n, t in zip(numbers, footnote_texts, strict=True)),
        warnings=tuple(warnings),
        date=fields.get("date"),  # type: ignore[arg-type]
        distribution=fields.get("distribution"),  # type: ignore[arg-type]
        agenda_title=fields.get("agenda_title"),  # type: ignore[arg-type]
        document_kind=fields.get("document_kind"),  # type: ignore[arg-type]
        adopted_from=fields.get("adopted_from"),  # type: ignore[arg-type]
        meeting=fields.get("meeting"),  # type: ignore[arg-type]
        meeting_date=fields.get("meeting_date"),  # type: ignore[arg-type]
        extra=tuple(extra),
    )


_PREFIX = {"PP": "preamble", "OP": "operative", "AN": "annex", "P": "text"}


def _paragraphs(labels: list[str], sections: dict[str, list[str]]) -> tuple[Paragraph, ...]:
    by_part = {part: iter(sections.get(part, [])) for part in PARTS}
    out = []
    for item in labels:
        item, _, note_list = item.partition("/")
        note_list, _, places = note_list.partition("@")
        label, _, num = item.partition(":")
        notes = tuple(int(n) for n in note_list.split(",")) if note_list else ()
        note_at = tuple(int(n) for n in places.split(",")) if places else ()
        if note_at and len(note_at) != len(notes):
            raise ValueError(f"labels: {label} has {len(note_at)} marker places for "
                             f"{len(notes)} footnotes")
        prefix = label.rstrip("0123456789abcdefghijklmnopqrstuvwxyz")
        prefix = "PP" if label.startswith("PP") else "OP" if label.startswith("OP") else (
            "AN" if label.startswith("AN") else prefix
        )
        part = _PREFIX.get(prefix)
        if part is None:
            raise ValueError(f"labels: unknown paragraph label {label!r}")
        text = next(by_part[part], None)  # type: ignore[index]
        if text is None:
            raise ValueError(f"labels: no text for {label} in section '## {part}'")
        out.append(Paragraph(label, part, text, notes,  # type: ignore[arg-type]
                             int(num) if num else None, note_at))
    for part, rest in by_part.items():
        if next(rest, None) is not None:
            raise ValueError(f"## {part}: more paragraphs than labels")
    return tuple(out)
