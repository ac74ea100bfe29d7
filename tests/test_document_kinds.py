"""What a document is, from its masthead: draft, revised draft, adopted resolution, note, and
an amendment with the draft it amends, whose instructions are its paragraphs."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from resdiff.cli import main
from resdiff.parse import parse_file, parse_text
from tests.support.real_pdfs import LAYOUTS, PDF_DIR, layout_text

pytestmark = pytest.mark.skipif(not (PDF_DIR / "truth.json").exists(),
                                reason="../shared/corpus/pdf is not beside the project")

L56_SPONSORS = ("Albania", "Australia", "Japan", "Liechtenstein", "Marshall Islands",
                "New Zealand", "Norway", "Ukraine")
L2_TITLE = ("Combating glorification of Nazism, neo-Nazism and other practices that contribute "
            "to fuelling contemporary forms of racism, racial discrimination, xenophobia and "
            "related intolerance")


def _check_l56(draft) -> None:
    assert draft.document_kind == "amendment"
    assert dict(draft.extra)["amends"] == "A/C.3/80/L.2"
    assert draft.sponsors == L56_SPONSORS
    assert draft.title == L2_TITLE
    assert [(p.label, p.part) for p in draft.paragraphs] == [("I1", "text")]
    instruction = draft.paragraphs[0].text
    assert instruction.startswith("After operative paragraph 3, insert a new operative "
                                  "paragraph, reading: Notes with alarm that the Russian")
    assert instruction.endswith("genuine attempts to combat neo-Nazism;")
    assert not any("no resolution structure" in w for w in draft.warnings)


def test_the_real_amendment_as_pdf() -> None:
    _check_l56(parse_file(PDF_DIR / "A_C.3_80_L.56.pdf"))


@pytest.mark.parametrize("layout", LAYOUTS)
def test_the_real_amendment_in_every_layout(layout: str) -> None:
    _check_l56(parse_text(layout_text("A_C.3_80_L.56", layout), name="L56.txt"))


def test_amends_in_the_json_and_the_view() -> None:
    path = str(PDF_DIR / "A_C.3_80_L.56.pdf")
    data = json.loads(CliRunner().invoke(main, ["parse", path, "--format", "json"]).stdout)
    assert data["document_kind"] == "amendment" and data["amends"] == "A/C.3/80/L.2"
    view = CliRunner().invoke(main, ["parse", path]).stdout
    assert "amendment to A/C.3/80/L.2: 1 instruction\n" in view


def test_other_kinds_have_no_amends() -> None:
    draft = parse_file(PDF_DIR / "A_C.3_80_L.2.pdf")
    assert draft.document_kind == "draft resolution" and "amends" not in dict(draft.extra)
    assert parse_file(PDF_DIR / "A_RES_80_88.pdf").document_kind == "resolution"


NUMBERED = """\
A/C.3/80/L.61

Eightieth session
Third Committee
Agenda item 71 (b)

Belarus and Russian Federation: amendments to revised draft resolution A/C.3/80/L.20/Rev.1

Situation of human rights in the Islamic Republic of Iran

1. In the fourteenth preambular paragraph, replace "which notes that" with "and taking note of".

2. Delete the fifteenth preambular paragraph.

3. After operative paragraph 7, insert a new operative paragraph, reading:

"Calls upon all States to cooperate;"
"""

FRENCH = """\
A/C.3/77/L.60

Soixante-dix-septième session
Troisième Commission
Point 68 de l’ordre du jour

Bélarus et Fédération de Russie : amendement au projet de résolution A/C.3/77/L.6

Traite des femmes et des filles

Au troisième alinéa du préambule, remplacer « toutes » par « les ».
"""


def test_numbered_instructions_are_each_a_paragraph() -> None:
    draft = parse_text(NUMBERED)
    assert draft.document_kind == "amendment"
    assert dict(draft.extra)["amends"] == "A/C.3/80/L.20/Rev.1"
    assert draft.sponsors == ("Belarus", "Russian Federation")
    assert draft.title == "Situation of human rights in the Islamic Republic of Iran"
    assert [(p.label, p.number) for p in draft.paragraphs] == [("I1", 1), ("I2", 2), ("I3", 3)]
    assert draft.paragraphs[1].text == "Delete the fifteenth preambular paragraph."
    assert draft.paragraphs[2].text.endswith('reading: "Calls upon all States to cooperate;"')


def test_a_french_amendment() -> None:
    draft = parse_text(FRENCH)
    assert draft.language == "fr" and draft.document_kind == "amendment"
    assert dict(draft.extra)["amends"] == "A/C.3/77/L.6"
    assert draft.title == "Traite des femmes et des filles"
    assert [p.text for p in draft.paragraphs] == [
        "Au troisième alinéa du préambule, remplacer « toutes » par « les »."]
