"""Plain views of a parsed draft: the JSON contract of `resdiff parse` and a readable text view.

The JSON keys ``symbol, language, title, organ, sponsors, session, agenda_item, paragraphs
(label, part, number for operative paragraphs, text, notes), footnotes (number, text),
warnings`` are a contract other tools read; further keys may be added, none renamed. Added
since: each paragraph's ``note_at`` (where its footnote markers stand in ``text``, one offset
per note; empty when not known); ``amends``, the draft an amendment amends (null for any other
document); ``items``, the paragraph's sub-paragraphs ``(a)``, ``(c)(ii)`` (label, text, and
where it starts in ``text``, which still holds the whole paragraph).
"""

from __future__ import annotations

import textwrap
from typing import Any

from .model import Draft
from .subitems import chapeau, sub_items


def draft_json(draft: Draft) -> dict[str, Any]:
    paragraphs = []
    for p in draft.paragraphs:
        item: dict[str, Any] = {"label": p.label, "part": p.part}
        if p.part in ("operative", "annex") or p.number is not None:
            item["number"] = p.number
        item["text"] = p.text
        item["notes"] = list(p.notes)
        item["note_at"] = list(p.note_at)
        item["items"] = [{"label": sub.label, "text": sub.text(p.text), "start": sub.start}
                         for sub in sub_items(p.text)]
        paragraphs.append(item)
    return {
        "symbol": draft.symbol,
        "language": draft.language,
        "title": draft.title,
        "organ": draft.organ,
        "sponsors": list(draft.sponsors),
        "session": draft.session,
        "agenda_item": draft.agenda_item,
        "paragraphs": paragraphs,
        "footnotes": [{"number": f.number, "text": f.text} for f in draft.footnotes],
        "warnings": list(draft.warnings),
        "date": draft.date,
        "distribution": draft.distribution,
        "agenda_title": draft.agenda_title,
        "document_kind": draft.document_kind,
        "adopted_from": draft.adopted_from,
        "meeting": draft.meeting,
        "meeting_date": draft.meeting_date,
        "amends": dict(draft.extra).get("amends"),
        "counts": {
            "preamble": len(draft.part("preamble")),
            "operative": len(draft.part("operative")),
            "annex": len(draft.part("annex")),
            "footnotes": len(draft.footnotes),
        },
    }


def draft_text(draft: Draft, width: int = 100) -> str:
    """A readable view: metadata, then each paragraph under its label, then the footnotes."""
    head = [
        f"{draft.symbol or '(no symbol)'}  [{draft.language or '?'}]  {draft.title}",
        f"session {draft.session if draft.session is not None else '?'}"
        + (f", agenda item {draft.agenda_item}" if draft.agenda_item else "")
        + (f", {draft.date}" if draft.date else ""),
    ]
    if draft.sponsors:
        head.append("sponsors: " + "; ".join(draft.sponsors))
    amends = dict(draft.extra).get("amends")
    if amends:
        n = len(draft.paragraphs)
        head.append(f"amendment to {amends}: {n} instruction{'' if n == 1 else 's'}")
    counts = (
        f"{len(draft.part('preamble'))} preambular, {len(draft.part('operative'))} operative"
        + (f", {len(draft.part('annex'))} annex" if draft.part("annex") else "")
        + (f", {len(draft.part('text'))} plain" if draft.part("text") else "")
        + f" paragraphs, {len(draft.footnotes)} footnotes"
    )
    head.append(counts)
    lines = head + ["", draft.organ] if draft.organ else head + [""]
    indent = " " * 7
    for p in draft.paragraphs:
        notes = f"  [notes {', '.join(map(str, p.notes))}]" if p.notes else ""
        subs = sub_items(p.text)
        body = textwrap.fill(chapeau(p.text, subs), width=width,
                             initial_indent=f"{p.label:<6} ", subsequent_indent=indent)
        for sub in subs:
            # Each sub-paragraph on a line of its own, under its paragraph.
            deeper = indent + "    " * sub.label.count(")")
            body += "\n" + textwrap.fill(sub.text(p.text), width=width,
                                          initial_indent=deeper,
                                          subsequent_indent=deeper + "    ")
        lines += ["", body + notes]
    if draft.footnotes:
        lines += ["", "Footnotes"]
        for f in draft.footnotes:
            lines.append(textwrap.fill(f.text, width=width, initial_indent=f"{f.number:>4}   ",
                                       subsequent_indent=indent))
    return "\n".join(lines) + "\n"
