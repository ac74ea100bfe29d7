"""The thirty real UN PDFs of ../shared/corpus/pdf, read as PDF and as the text each common tool
makes of them, against their true structure (PP and OP first words, footnote counts, the
footnotes each paragraph cites).

Readings not yet exact are listed in `NOT_YET`, each a strict expected failure: the day one
reads exactly, its test fails until it is taken off the list.
"""

from __future__ import annotations

from functools import cache

import pytest

from resdiff.compare import compare
from resdiff.model import Draft
from resdiff.parse import parse_file, parse_text
from tests.support.real_pdfs import (
    LAYOUTS,
    PASTES,
    PDF_DIR,
    documents,
    layout_text,
    paste_text,
    problems,
    truth,
)

NOT_YET: dict[str, set[str]] = {
    # L.46: OP3 and OP24 open with their sub-items (a), (b)…; the text keeps them whole (its
    # items are in `items`), the truth's first words stop at the colon.
    "pdf": {"A_C.3_80_L.46"},
    "pymupdf": {"A_C.3_80_L.46"},
    "pdftotext": {"A_C.3_80_L.46"},
    "pdftotext-layout": {"A_C.3_80_L.46"},
    "pypdf": {"A_C.3_80_L.46"},
    "pdfplumber": {"A_C.3_80_L.46"},
    "paste": {"A_C.3_80_L.46"},
    "paste-blank-lines": {"A_C.3_80_L.46"},
}

pytestmark = pytest.mark.skipif(not (PDF_DIR / "truth.json").exists(),
                                reason="../shared/corpus/pdf is not beside the project")


@cache
def _pdf(name: str) -> Draft:
    return parse_file(PDF_DIR / f"{name}.pdf")


def _cases(kind: str) -> list:
    return [pytest.param(name, marks=pytest.mark.xfail(strict=True, reason="not yet exact"))
            if name in NOT_YET[kind] else name for name in documents()]


@pytest.mark.parametrize("name", _cases("pdf"))
def test_pdf_reads_exactly(name: str) -> None:
    assert problems(_pdf(name), truth()[name]) == []


@pytest.mark.parametrize(("layout", "name"), [
    pytest.param(layout, name, marks=pytest.mark.xfail(strict=True, reason="not yet exact"))
    if name in NOT_YET[layout] else (layout, name)
    for layout in LAYOUTS for name in documents()])
def test_text_layout_reads_exactly(layout: str, name: str) -> None:
    draft = parse_text(layout_text(name, layout), name=f"{name}.{layout}.txt")
    assert problems(draft, truth()[name]) == []


@pytest.mark.parametrize(("layout", "name"), [
    pytest.param(layout, name, marks=pytest.mark.xfail(strict=True, reason="not yet exact"))
    if name in NOT_YET[layout] else (layout, name)
    for layout in PASTES for name in documents()])
def test_a_paste_reads_exactly(layout: str, name: str) -> None:
    """One paragraph per line, as copied out of Word or a PDF viewer, with or without blank
    lines between paragraphs."""
    draft = parse_text(paste_text(name, layout), name=f"{name}.{layout}.txt")
    assert problems(draft, truth()[name]) == []


def test_masthead_read_whole_from_the_pdf() -> None:
    draft = _pdf("A_C.3_80_L.2")
    assert draft.symbol == "A/C.3/80/L.2"
    assert draft.title == ("Combating glorification of Nazism, neo-Nazism and other practices "
                           "that contribute to fuelling contemporary forms of racism, racial "
                           "discrimination, xenophobia and related intolerance")
    assert draft.sponsors == ("Belarus", "Democratic People’s Republic of Korea",
                              "Lao People’s Democratic Republic", "Russian Federation")
    assert draft.agenda_item == "69 (a)" and draft.session == 80
    assert draft.document_kind == "draft resolution"


def test_adopted_masthead_and_closing_from_the_pdf() -> None:
    draft = _pdf("A_RES_80_88")
    assert draft.symbol == "A/RES/80/88"
    assert draft.meeting == "55th plenary meeting" and draft.meeting_date == "5 December 2025"
    assert not any("plenary meeting" in p.text for p in draft.paragraphs)


def test_footnotes_go_on_across_pages() -> None:
    """L.2 prints 22 footnotes over eleven pages; their texts are whole, none read as a PP."""
    draft = _pdf("A_C.3_80_L.2")
    assert [f.number for f in draft.footnotes] == list(range(1, 23))
    assert draft.footnotes[3].text.startswith("See Official Records of the Economic and Social")
    assert draft.footnotes[3].text.endswith("chap. II, sect. A.")
    assert not any(p.text.startswith(("Ibid", "See ")) for p in draft.part("preamble"))


def test_operative_numbers_printed_without_full_stop() -> None:
    numbers = [p.number for p in _pdf("A_C.3_80_L.2").part("operative")]
    assert numbers == list(range(1, 75))


OWN_TEXT_NOT_YET = {
    "A_C.3_80_L.8",  # the annex's unnumbered headings and principles, read apart in the PDF
    "A_RES_78_143",  # a footnote of PyMuPDF's text whose number stands after its text
    "A_RES_79_317",  # the heading "International cooperation" at a page break of the text
}


@pytest.mark.parametrize("name", [n for n in documents() if n not in OWN_TEXT_NOT_YET])
def test_pdf_against_its_own_text_shows_no_change(name: str) -> None:
    text = parse_file(PDF_DIR / f"{name}.txt")
    changes = [c for c in compare(_pdf(name), text).changes if c.kind != "unchanged"]
    assert changes == []


RESOLUTIONS = PDF_DIR.parent / "resolutions"

ADOPTED = [
    # (draft, adopted text, the changes a reader of both finds, as (kind, old, new))
    ("A_C.3_80_L.26", "A_RES_80_195", []),
    ("A_C.3_80_L.29", "A_RES_80_220", []),
    ("A_C.3_80_L.38", "A_RES_80_207", []),
    ("A_C.3_80_L.42", "A_RES_80_194", []),
    ("A_C.3_80_L.53", "A_RES_80_196", []),
    # the oral revision of OP23
    ("A_C.3_80_L.52", "A_RES_80_218", [("amended", ("OP23",), ("OP23",))]),
    # the amendment L.56 adopted as OP4; OP68 lists paragraph numbers, renumbered after it
    ("A_C.3_80_L.2", "A_RES_80_192", [("added", (), ("OP4",)),
                                      ("amended", ("OP68",), ("OP69",))]),
    # OP2 taken out, so OP1 ends the resolution with a full stop
    ("A_C.3_80_L.24", "A_RES_80_189", [("amended", ("OP1",), ("OP1",)),
                                       ("deleted", ("OP2",), ())]),
    ("A_C.3_80_L.49", "A_RES_80_198", [("amended", ("OP21",), ("OP21",))]),
    # OP22 and OP23 on climate change replaced by one OP22 on environmental degradation
    ("A_C.3_80_L.13", "A_RES_80_183", [("deleted", ("OP22",), ()), ("deleted", ("OP23",), ()),
                                       ("added", (), ("OP22",)),
                                       ("amended", ("OP24",), ("OP23",))]),
    # four edits in the wording, and PP36 taken out
    ("A_C.3_80_L.46", "A_RES_80_215", [("amended", ("PP8",), ("PP8",)),
                                       ("deleted", ("PP36",), ()),
                                       ("amended", ("OP7",), ("OP7",)),
                                       ("amended", ("OP15",), ("OP15",))]),
]


@pytest.mark.parametrize(("draft", "adopted", "expected"), ADOPTED,
                         ids=[f"{d}-{a}" for d, a, _ in ADOPTED])
def test_draft_and_its_adopted_text_differ_by_the_real_edits(draft: str, adopted: str,
                                                            expected: list) -> None:
    """The PDF of each draft against its adopted text (as PDF where the corpus has it, else
    as text): nothing where the wording is the same, exactly the real edits where not."""
    pdf = PDF_DIR / f"{adopted}.pdf"
    other = _pdf(adopted) if pdf.exists() else parse_file(RESOLUTIONS / f"{adopted}.txt")
    changes = [c for c in compare(_pdf(draft), other).changes if c.kind != "unchanged"]
    assert [(c.kind, c.old, c.new) for c in changes] == expected


@pytest.mark.parametrize("layout", LAYOUTS)
def test_masthead_whole_in_every_layout(layout: str) -> None:
    """Symbol, title, sponsors and agenda item read from each tool's text as from the PDF,
    for all thirty documents (titles over three lines in Title Case, sponsors over six lines,
    the symbol beside "United Nations", the kind on a line of its own)."""
    for name in documents():
        pdf = _pdf(name)
        text = parse_text(layout_text(name, layout), name=f"{name}.txt")
        assert (text.symbol, text.title, text.sponsors, text.agenda_item, text.document_kind) \
            == (pdf.symbol, pdf.title, pdf.sponsors, pdf.agenda_item, pdf.document_kind), name


def test_sponsors_whole_from_the_pdf() -> None:
    sponsors = _pdf("A_C.3_80_L.53").sponsors
    assert len(sponsors) == 29 and sponsors[0] == "Algeria" and sponsors[-1] == "State of Palestine"
    assert "Iran (Islamic Republic of)" in sponsors
    assert "Venezuela (Bolivarian Republic of)" in sponsors
    assert _pdf("A_C.3_80_L.7").document_kind == "draft resolution"  # submitted by the Chair
