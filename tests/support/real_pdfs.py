"""The thirty real UN PDFs of ../shared/corpus/pdf, their true structure, and the text each
common extraction tool makes of them.

`truth.json` gives, per document, the first words of every PP and OP, the footnote count and the
footnotes each paragraph cites (see that folder's README). `problems(draft, record)` says where a
reading departs from it, in the words of a person checking it; an empty list is an exact
reading. `layout_text(name, layout)` makes a layout with the real tool: poppler's `pdftotext`
(plain and ``-layout``), pypdf, pdfplumber; ``pymupdf`` is the text the corpus ships.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from functools import cache

from resdiff.model import Draft

from ..conftest import ROOT

PDF_DIR = ROOT.parent / "shared" / "corpus" / "pdf"
LAYOUTS = ("pymupdf", "pdftotext", "pdftotext-layout", "pypdf", "pdfplumber")


@cache
def truth() -> dict[str, dict]:
    return json.loads((PDF_DIR / "truth.json").read_text("utf-8"))


def documents() -> list[str]:
    """The documents whose structure is known for sure (the amendment is not one)."""
    return sorted(name for name, record in truth().items() if "unsure" not in record)


def _words(text: str) -> str:
    return " ".join(re.findall(r"[^\W\d_]+", text.lower())[:6])


def problems(draft: Draft, record: dict) -> list[str]:
    """Where `draft` departs from the true structure `record`."""
    out: list[str] = []
    pp = draft.part("preamble")
    op = draft.part("operative")
    if len(pp) != len(record["pp"]):
        out.append(f"{len(pp)} PPs, not {len(record['pp'])}")
    if len(op) != len(record["op"]):
        out.append(f"{len(op)} OPs, not {len(record['op'])}")
    if len(draft.footnotes) != record["footnotes"]:
        out.append(f"{len(draft.footnotes)} footnotes, not {record['footnotes']}")
    for p, words in zip(pp, record["pp"], strict=False):
        if _words(p.text) != _words(words):
            out.append(f"{p.label} opens {p.text[:50]!r}, not {words[:50]!r}")
            break
    for p, (number, words) in zip(op, record["op"], strict=False):
        if _words(p.text) != _words(words) or str(p.number) != number:
            out.append(f"{p.label} opens {p.text[:50]!r}, not OP{number} {words[:50]!r}")
            break
    cited = {p.label: list(p.notes) for p in pp + op if p.notes}
    if cited != record["notes_per_paragraph"]:
        wrong = sorted(k for k in set(cited) | set(record["notes_per_paragraph"])
                       if cited.get(k) != record["notes_per_paragraph"].get(k))
        out.append(f"footnotes cited wrongly in {', '.join(wrong[:4])}")
    return out


def layout_text(name: str, layout: str) -> str:
    """The text `layout` makes of the PDF `name`."""
    pdf = PDF_DIR / f"{name}.pdf"
    if layout == "pymupdf":
        return (PDF_DIR / f"{name}.txt").read_text("utf-8")
    if layout in ("pdftotext", "pdftotext-layout"):
        tool = shutil.which("pdftotext")
        if tool is None:
            raise RuntimeError("pdftotext (Debian's poppler-utils) is missing: run make test")
        extra = ["-layout"] if layout == "pdftotext-layout" else []
        return subprocess.run([tool, *extra, str(pdf), "-"], check=True, capture_output=True,
                              text=True).stdout
    if layout == "pypdf":
        import pypdf

        return "\n".join(page.extract_text() for page in pypdf.PdfReader(pdf).pages)
    if layout == "pdfplumber":
        import pdfplumber

        with pdfplumber.open(pdf) as document:
            return "\n".join(page.extract_text() or "" for page in document.pages)
    raise ValueError(f"unknown layout {layout!r}")


PASTES = ("paste", "paste-blank-lines")
"""Text a person makes by copying a draft out of Word or a PDF viewer: its masthead lines, then
one paragraph per line (operative numbers and footnote markers as printed, the markers glued to
the word before them), the footnotes at the end under a rule; with or without a blank line
between paragraphs."""


def paste_text(name: str, layout: str) -> str:
    """The paste `layout` of the document `name`, from the words its PDF holds."""
    from resdiff.parse import parse_file

    draft = parse_file(PDF_DIR / f"{name}.pdf")
    head = [draft.symbol or "", f"Distr.: {draft.distribution}" if draft.distribution else "",
            draft.date or ""]
    if draft.session:
        head.append(f"Agenda item {draft.agenda_item}" if draft.agenda_item else "")
    if draft.agenda_title:
        head.append(draft.agenda_title)
    if draft.sponsors:
        names = list(draft.sponsors)
        joined = ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else names[0]
        head.append(f"{joined}: {draft.document_kind or 'draft resolution'}")
    head.append(draft.title)
    lines = [h for h in head if h] + [draft.organ]
    for p in draft.paragraphs:
        if p.part == "annex" and p is draft.part("annex")[0]:
            lines.append("Annex")
        text = p.text
        for number, at in sorted(zip(p.notes, p.note_at, strict=False), reverse=True):
            text = text[:at] + str(number) + text[at:]
        prefix = f"{p.number}. " if p.part in ("operative", "annex") and p.number else ""
        lines.append(prefix + text)
    if draft.meeting:
        lines.append(draft.meeting)
    if draft.footnotes:
        lines.append("__________________")
        lines += [f"{f.number} {f.text}" for f in draft.footnotes]
    return ("\n\n" if layout == "paste-blank-lines" else "\n").join(lines) + "\n"
