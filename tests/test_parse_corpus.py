"""The real English corpus: its block layout, mastheads, running headers and closings."""

from __future__ import annotations

import pytest

from resdiff.parse import parse_file

from .conftest import DRAFTS

# symbol, session, agenda item, PP, OP, footnotes, title
EXPECTED = {
    "A_80_L.2_en": ("A/80/L.2", 80, "7", 4, 3, 1,
                    "Participation by the State of Palestine during the eightieth session"),
    "A_RES_80_1_en": ("A/RES/80/1", 80, "7", 5, 3, 1,
                      "Participation by the State of Palestine during the eightieth session"),
    "A_80_L.7_en": ("A/80/L.7", 80, "89", 4, 5, 3,
                    "Report of the International Atomic Energy Agency"),
    "A_RES_80_7_en": ("A/RES/80/7", 80, "89", 4, 5, 3,
                      "Report of the International Atomic Energy Agency"),
    "A_80_L.9_en": ("A/80/L.9", 80, "74", 14, 32, 10, "Report of the International Criminal Court"),
    "A_RES_79_6_en": ("A/RES/79/6", 79, "74", 14, 32, 10,
                      "Report of the International Criminal Court"),
    "A_RES_80_6_en": ("A/RES/80/6", 80, "74", 14, 32, 10,
                      "Report of the International Criminal Court"),
}
CUBA = ("Necessity of ending the economic, commercial and financial embargo imposed by the "
        "United States of America against Cuba")
for stem, symbol, session, item in [
    ("A_RES_77_7_en", "A/RES/77/7", 77, "36"), ("A_RES_78_7_en", "A/RES/78/7", 78, "38"),
    ("A_RES_79_7_en", "A/RES/79/7", 79, "38"), ("A_80_L.6_en", "A/80/L.6", 80, "38"),
    ("A_RES_80_4_en", "A/RES/80/4", 80, "38"),
]:
    EXPECTED[stem] = (symbol, session, item, 8, 5, 1, CUBA)


@pytest.mark.parametrize("stem", sorted(EXPECTED))
def test_metadata_and_counts(stem: str) -> None:
    symbol, session, item, pps, ops, notes, title = EXPECTED[stem]
    d = parse_file(DRAFTS / f"{stem}.txt")
    assert (d.symbol, d.session, d.agenda_item, d.language) == (symbol, session, item, "en")
    assert (len(d.part("preamble")), len(d.part("operative")), len(d.footnotes)) == (
        pps, ops, notes)
    assert d.title == title
    assert d.organ == "The General Assembly,"
    assert d.warnings == ()
    assert [n for p in d.paragraphs for n in p.notes] == [f.number for f in d.footnotes]
    assert [p.number for p in d.part("operative")] == list(range(1, ops + 1))
    for p in d.paragraphs:
        assert "plenary meeting" not in p.text
        assert symbol not in p.text or p.part == "preamble"
        assert not p.text.startswith(("1.", "2.")), p.label


def test_sponsor_lines() -> None:
    assert parse_file(DRAFTS / "A_80_L.2_en.txt").sponsors == ("State of Palestine",)
    assert parse_file(DRAFTS / "A_80_L.6_en.txt").sponsors == ("Cuba",)
    l9 = parse_file(DRAFTS / "A_80_L.9_en.txt")
    assert len(l9.sponsors) == 60
    assert l9.sponsors[:3] == ("Andorra", "Armenia", "Austria")
    assert "Bosnia and Herzegovina" in l9.sponsors
    assert "Netherlands (Kingdom of the)" in l9.sponsors
    assert "Republic of Korea" in l9.sponsors
    assert "United Kingdom of Great Britain and Northern Ireland" in l9.sponsors
    assert l9.sponsors[-2:] == ("Zambia", "State of Palestine")
    assert l9.document_kind == "draft resolution"
    assert l9.distribution == "Limited" and l9.date == "5 November 2025"


def test_adopted_text_masthead_and_closing() -> None:
    d = parse_file(DRAFTS / "A_RES_80_1_en.txt")
    assert d.document_kind == "resolution"
    assert d.adopted_from == "A/80/L.2/Rev.1"
    assert (d.meeting, d.meeting_date) == ("3rd plenary meeting", "19 September 2025")
    assert d.agenda_title == "Organization of work, adoption of the agenda and allocation of items"
    assert d.sponsors == ()


def test_sub_items_and_number_lines_joined() -> None:
    d = parse_file(DRAFTS / "A_80_L.2_en.txt")
    op1 = d.paragraph("OP1")
    assert op1 is not None
    assert op1.text.startswith("Decides, without setting a precedent")
    assert "in New York, that: (a) The State of Palestine may submit a pre-recorded" in op1.text
    assert "(b) The State of Palestine may deliver" in op1.text
    # (c) is on the next page, after the footnote block and the running header.
    assert op1.text.endswith("from participating in person in the meetings of the United Nations;")


def test_running_title_above_and_below_the_symbol_is_furniture() -> None:
    d = parse_file(DRAFTS / "A_RES_79_6_en.txt")
    for p in d.paragraphs:
        assert not p.text.endswith("Report of the International Criminal Court"), p.label
    pp8, pp9 = d.paragraph("PP8"), d.paragraph("PP9")
    assert pp8 is not None and pp8.text.endswith("to carry out its activities,")
    assert pp9 is not None and pp9.text.startswith("Expressing its appreciation")
    cuba = parse_file(DRAFTS / "A_RES_77_7_en.txt")
    pp6 = cuba.paragraph("PP6")
    assert pp6 is not None and "51/17 of 12 November 1996, 52/10 of 5 November 1997" in pp6.text


def test_markers_after_punctuation() -> None:
    d = parse_file(DRAFTS / "A_80_L.7_en.txt")
    op2 = d.paragraph("OP2")
    assert op2 is not None and op2.notes == (2, 3)
    assert "GC(69)/RES/9 A.2, entitled" in op2.text  # "A.2" is a code, not marker 2
    assert "held from 15 to 19 September 2025; and of the statements" in op2.text
    assert "sixty-ninth regular session" in op2.text
    l9 = parse_file(DRAFTS / "A_80_L.9_en.txt")
    op1 = l9.paragraph("OP1")
    assert op1 is not None and op1.text.endswith("for 2024/25;") and op1.notes == (4,)
