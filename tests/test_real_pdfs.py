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
    "pdftotext": {"A_C.3_80_L.29", "A_C.3_80_L.38", "A_C.3_80_L.46", "A_RES_78_229",
                  "A_RES_79_186", "A_RES_79_78", "A_RES_80_68"},
    "pdftotext-layout": {"A_C.3_80_L.13", "A_C.3_80_L.29", "A_C.3_80_L.46", "A_C.3_80_L.52",
                         "A_RES_79_78"},
    "pypdf": {"A_C.3_80_L.29", "A_C.3_80_L.46", "A_RES_79_78"},
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


@pytest.mark.parametrize("name", ["A_C.3_80_L.26", "A_C.3_80_L.29", "A_C.3_80_L.53",
                                  "A_RES_79_92", "A_RES_80_218"])
def test_pdf_against_its_own_text_shows_no_change(name: str) -> None:
    text = parse_file(PDF_DIR / f"{name}.txt")
    changes = [c for c in compare(_pdf(name), text).changes if c.kind != "unchanged"]
    assert changes == []


@pytest.mark.parametrize(("draft", "adopted"), [
    ("A_C.3_80_L.52", "A_RES_80_218"),
])
def test_draft_and_its_adopted_pdf_differ_only_by_the_real_edit(draft: str, adopted: str
                                                                 ) -> None:
    """L.52 was adopted with one oral revision of OP23; its closing line is no paragraph."""
    changes = [c for c in compare(_pdf(draft), _pdf(adopted)).changes if c.kind != "unchanged"]
    assert [(c.kind, c.old, c.new) for c in changes] == [("amended", ("OP23",), ("OP23",))]


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
