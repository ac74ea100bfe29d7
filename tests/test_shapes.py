"""Shapes real texts take: pasted text, a single unnumbered operative paragraph, annexes,
negotiation drafts with bis/ter labels and brackets, the other official languages."""

from __future__ import annotations

import pytest

from resdiff.parse import parse_file, parse_text

from .conftest import ROOT

PASTED = """Trafficking in women and girls

The General Assembly,

Recalling all international conventions that specifically address the problem of trafficking in women and girls and related matters,

Recognizing the crucial importance of the Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children,

1. Takes note with appreciation of the report of the Secretary-General on trafficking in women and girls;

2. Urges Member States that have not yet done so to consider, as a matter of priority, ratifying or acceding to the United Nations Convention against Transnational Organized Crime;

3. Requests the Secretary-General to submit to the General Assembly at its seventy-ninth session a report on the implementation of the present resolution.
"""


@pytest.mark.parametrize("blank_lines", [True, False])
def test_pasted_text(blank_lines: bool) -> None:
    text = PASTED if blank_lines else "\n".join(s for s in PASTED.splitlines() if s.strip())
    d = parse_text(text)
    assert d.language == "en"
    assert d.title == "Trafficking in women and girls"
    assert [p.label for p in d.paragraphs] == ["PP1", "PP2", "OP1", "OP2", "OP3"]
    assert d.paragraph("OP2").text.startswith("Urges Member States")  # type: ignore[union-attr]
    assert d.warnings == ()


def test_single_unnumbered_operative_paragraph() -> None:
    d = parse_text(
        "The General Assembly,\n\n"
        "Recalling its resolution 79/1 of 10 September 2024,\n\n"
        "Noting the request of the Secretary-General,\n\n"
        "Decides to include in the provisional agenda of its eighty-first session the item "
        "entitled \u201cReport of the Secretary-General on the work of the Organization\u201d.\n"
    )
    assert [(p.label, p.part, p.number) for p in d.paragraphs] == [
        ("PP1", "preamble", None), ("PP2", "preamble", None), ("OP1", "operative", None)]


def test_no_preamble_single_operative() -> None:
    d = parse_text("The General Assembly\n\nDecides to postpone the consideration of the item.\n")
    assert [(p.label, p.part) for p in d.paragraphs] == [("OP1", "operative")]
    assert d.organ == "The General Assembly"


ANNEX = """The General Assembly,

Recalling its resolution 70/1,

1. Adopts the Political Declaration annexed to the present resolution;

2. Decides to review its implementation at its eighty-second session.

80th plenary meeting
10 December 2025

Annex

Political Declaration of the High-level Meeting

We, Heads of State and Government, gathered at United Nations Headquarters,

1. Reaffirm our commitment to the 2030 Agenda for Sustainable Development;

2. Commit to strengthening international cooperation;
"""


def test_annex_paragraphs_are_not_operative() -> None:
    d = parse_text(ANNEX)
    assert [p.label for p in d.part("operative")] == ["OP1", "OP2"]
    annex = d.part("annex")
    assert [p.label for p in annex] == ["AN1", "AN2", "AN3", "AN4"]
    assert annex[0].text == "Political Declaration of the High-level Meeting"
    assert (annex[2].number, annex[2].text) == (
        1, "Reaffirm our commitment to the 2030 Agenda for Sustainable Development;")
    assert d.meeting == "80th plenary meeting" and d.meeting_date == "10 December 2025"


NEGOTIATION = """Trafficking in women and girls
Zero draft, informal consultations, 3 October 2022

The General Assembly,

PP1 Recalling all international conventions that specifically address the problem of trafficking in women and girls,

PP2 Recognizing the crucial importance of the Protocol, [including its provisions on prevention,]

PP2bis [Deeply concerned that the COVID-19 pandemic has exacerbated the vulnerability of women and girls to trafficking,] (EU proposal)

OP1 Takes note with appreciation of the report of the Secretary-General;

OP1bis [Urges] [Encourages] Member States to ratify the Convention; [agreed ad ref]

OP2 Requests the Secretary-General to submit a report at its seventy-ninth session.
"""


def test_negotiation_draft_labels_and_brackets() -> None:
    d = parse_text(NEGOTIATION)
    assert [p.label for p in d.paragraphs] == ["PP1", "PP2", "PP2bis", "OP1", "OP1bis", "OP2"]
    assert [p.number for p in d.part("operative")] == [1, 1, 2]
    assert d.paragraph("OP1bis").text == (  # type: ignore[union-attr]
        "[Urges] [Encourages] Member States to ratify the Convention; [agreed ad ref]")
    assert d.paragraph("PP2bis").text.startswith("[Deeply concerned")  # type: ignore[union-attr]


def test_numbered_bis_paragraphs() -> None:
    d = parse_text(
        "The General Assembly,\n\nRecalling its resolutions,\n\n1. Urges States to act;\n\n"
        "1 bis. Encourages States to cooperate;\n\n2. Decides to remain seized of the matter.\n"
    )
    assert [(p.label, p.number) for p in d.part("operative")] == [
        ("OP1", 1), ("OP1bis", 1), ("OP2", 2)]


def test_unstructured_text_is_read_as_plain_paragraphs_with_a_warning() -> None:
    d = parse_text("Minutes of the informal meeting\n\nThe facilitator opened the meeting.\n\n"
                   "Delegations exchanged views on the draft.\n", name="notes.txt")
    assert [p.part for p in d.paragraphs] == ["text", "text", "text"]
    assert [p.label for p in d.paragraphs] == ["P1", "P2", "P3"]
    assert any("no resolution structure recognised" in w for w in d.warnings)
    assert d.warnings[-1].startswith("notes.txt: ")


@pytest.mark.parametrize("lang,organ", [
    ("es", "La Asamblea General,"), ("ru", "Генеральная Ассамблея,"), ("zh", "大会，"),
    ("ar", "إن الجمعية العامة،"),
])
def test_other_official_languages(lang: str, organ: str) -> None:
    d = parse_file(ROOT / "tests" / "data" / "snippets" / f"{lang}.txt")
    assert d.language == lang
    assert d.organ == organ
    assert (len(d.part("preamble")), len(d.part("operative"))) == (3, 3)
    assert d.session == 77 and d.agenda_item == "28"
    assert [p.number for p in d.part("operative")] == [1, 2, 3]
    assert all("A/77/292" not in p.text or p.part == "operative" for p in d.paragraphs)


def test_russian_lower_case_openers_start_paragraphs() -> None:
    d = parse_file(ROOT / "tests" / "data" / "snippets" / "ru.txt")
    assert [p.text.split()[0] for p in d.part("preamble")] == ["ссылаясь", "признавая", "будучи"]




def test_french_masthead_above_the_seed(seed_text: str) -> None:
    """The seed as issued, with the masthead its PDF extraction left out: the same paragraphs,
    and the masthead's metadata read in French."""
    from resdiff.parse import parse_file
    from tests.conftest import SEED

    masthead = (ROOT / "tests" / "data" / "fr_masthead.txt").read_text("utf-8")
    d = parse_text(masthead + seed_text)
    assert (d.symbol, d.session, d.agenda_item, d.agenda_title) == (
        "A/C.3/77/L.6", 77, "68", "Promotion des femmes")
    assert d.sponsors == ("Argentine", "Bosnie-Herzégovine", "Chili", "Trinité-et-Tobago",
                          "Uruguay")
    assert (d.date, d.distribution, d.document_kind) == (
        "12 octobre 2022", "limitée", "projet de résolution")
    assert d.title == "Traite des femmes et des filles" and d.warnings == ()
    assert d.paragraphs == parse_file(SEED).paragraphs
