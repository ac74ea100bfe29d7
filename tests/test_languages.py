"""The per-language tables and what is built on them: ordinals, openers, detection."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from resdiff import languages
from resdiff.languages import (
    detect,
    find_ordinals,
    opener,
    ordinal_forms,
    session_from_ordinal,
    table,
    tables,
)
from resdiff.model import LANGUAGES

ROOT = Path(__file__).resolve().parent.parent
DRAFTS = ROOT / "drafts"
SNIPPETS = Path(__file__).resolve().parent / "data" / "snippets"
KEYS = {
    "_sources", "code", "name", "direction", "organ_lines", "preamble_openers",
    "operative_openers", "ordinals", "session_patterns", "agenda_item_patterns",
    "document_kinds", "conjunction", "resolution_adopted", "annex_headings",
    "plenary_meeting_pattern", "stopwords", "sub_item_style", "opener_patterns",
    "amendment_patterns", "note_lines", "instruction_openers",
}
ALL_FORMS = [(code, n, form) for code in LANGUAGES
             for n in range(1, 101) for form in ordinal_forms(code, n)]


def raw(code: str) -> dict:
    path = resources.files("resdiff").joinpath("data", "languages", f"{code}.json")
    return json.loads(path.read_text(encoding="utf-8"))


def snippet(code: str) -> str:
    return (SNIPPETS / f"{code}.txt").read_text(encoding="utf-8")


def body(code: str) -> tuple[str, list[str], list[str]]:
    """A snippet's organ line, preambular paragraphs and operative paragraphs."""
    blocks = [b.strip() for b in snippet(code).split("\n\n") if b.strip()]
    organ = next(i for i, b in enumerate(blocks) if b.rstrip(",،，") in table(code).organ_lines)
    rest = blocks[organ + 1:]
    operative = [b for b in rest if re.match(r"\d+\s*[.\-]", b)]
    return blocks[organ], [b for b in rest if b not in operative], operative


# --- the tables -----------------------------------------------------------------------------

@pytest.mark.parametrize("code", LANGUAGES)
def test_table_has_exactly_the_documented_keys(code):
    assert set(raw(code)) == KEYS
    assert raw(code)["code"] == code


@pytest.mark.parametrize("code", LANGUAGES)
def test_table_contents_are_well_formed(code):
    t = table(code)
    assert t.code == code and t.direction in ("ltr", "rtl")
    assert (t.direction == "rtl") == (code == "ar")
    assert sorted(t.ordinals) == list(range(1, 101))
    for forms in t.ordinals.values():
        assert forms and all(f == f.lower() == f.strip() for f in forms)
    least = 80 if code in ("en", "fr", "es") else 40
    for openers in (t.preamble_openers, t.operative_openers):
        assert len(openers) >= least
        assert len(set(openers)) == len(openers)
        assert all(o == o.strip() and not o.endswith(",") for o in openers)
    assert all(not line.endswith((",", "،", "，")) for line in t.organ_lines)
    assert [len(k) for k in t.document_kinds] == sorted(map(len, t.document_kinds), reverse=True)
    assert all("ordinal" in p.groupindex for p in t.session_patterns)
    assert all("item" in p.groupindex for p in t.agenda_item_patterns)
    assert 20 <= len(t.stopwords) <= 60
    assert t.conjunction and t.resolution_adopted and t.annex_headings and t.sub_item_style
    assert t.sources


def test_tables_come_in_the_order_of_the_official_languages():
    assert tuple(t.code for t in tables()) == LANGUAGES
    assert table("fr") is table("fr")
    assert len(set(tables())) == 6


def test_unknown_language_is_a_key_error():
    with pytest.raises(KeyError, match="de"):
        table("de")


def test_french_openers_are_the_feminine_forms_the_assembly_takes():
    t = table("fr")
    for word in ("Consciente", "Préoccupée", "Convaincue", "Profondément préoccupée"):
        assert word in t.preamble_openers
    assert "Consciente" in t.preamble_openers and "Conscient" not in t.preamble_openers


def test_russian_openers_are_lower_case():
    t = table("ru")
    assert all(o == o.lower() for o in t.preamble_openers + t.operative_openers)


# --- ordinals -------------------------------------------------------------------------------

@pytest.mark.parametrize(("code", "n", "form"), ALL_FORMS)
def test_every_ordinal_form_reads_back_as_its_number(code, n, form):
    assert session_from_ordinal(code, form) == n
    assert session_from_ordinal(code, form.upper()) == n


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_two_numbers_share_a_written_form(code):
    seen: dict[str, int] = {}
    for n, forms in table(code).ordinals.items():
        for form in forms:
            key = languages._key(form)
            assert seen.setdefault(key, n) == n, f"{form!r} is both {seen[key]} and {n}"


@pytest.mark.parametrize(("code", "n", "form"), [
    ("en", 77, "seventy-seventh"), ("en", 100, "one hundredth"), ("en", 12, "twelfth"),
    ("fr", 1, "première"), ("fr", 21, "vingt et unième"), ("fr", 71, "soixante et onzième"),
    ("fr", 77, "soixante-dix-septième"), ("fr", 80, "quatre-vingtième"),
    ("fr", 81, "quatre-vingt-unième"), ("fr", 91, "quatre-vingt-onzième"),
    ("es", 1, "primer"), ("es", 11, "undécimo"), ("es", 21, "vigésimo primer"),
    ("es", 77, "septuagésimo séptimo"), ("es", 80, "octogésimo"),
    ("ru", 77, "семьдесят седьмая"), ("ru", 77, "семьдесят седьмой"),
    ("ru", 77, "семьдесят седьмую"), ("ru", 3, "третьей"), ("ru", 40, "сороковой"),
    ("zh", 10, "第十届"), ("zh", 20, "第二十届"), ("zh", 77, "第七十七届"), ("zh", 100, "第一百届"),
    ("ar", 10, "العاشرة"), ("ar", 11, "الحادية عشرة"), ("ar", 77, "السابعة والسبعون"),
    ("ar", 77, "السابعة والسبعين"), ("ar", 100, "المائة"),
])
def test_hand_checked_ordinals(code, n, form):
    assert form in ordinal_forms(code, n)


def test_ordinals_tolerate_case_spaces_and_hyphen_variants():
    assert session_from_ordinal("en", "Seventy-seventh") == 77
    assert session_from_ordinal("en", "Seventy\u2011seventh") == 77
    assert session_from_ordinal("en", " SEVENTY\u2010SEVENTH ") == 77
    assert session_from_ordinal("fr", "Vingt\u00a0et\u00a0unième") == 21
    assert session_from_ordinal("fr", "vingt-et-unième") == 21
    assert session_from_ordinal("es", "Septuagésimo\u00a0séptimo") == 77
    assert session_from_ordinal("ar", "السابعةُ والسبعون") == 77
    assert session_from_ordinal("en", "seventy") is None
    assert session_from_ordinal("en", "") is None
    assert ordinal_forms("en", 0) == () and ordinal_forms("en", 101) == ()


separators = st.sampled_from([" ", "\u00a0", "  ", "-", "\u2010", "\u2011", " - "])


@given(n=st.integers(1, 100), code=st.sampled_from(["en", "fr", "es", "ru", "ar"]),
       sep=separators)
def test_any_separator_between_the_words_of_an_ordinal(n, code, sep):
    for form in ordinal_forms(code, n):
        respaced = sep.join(re.split(r"[ -]", form))
        assert session_from_ordinal(code, respaced) == n
        assert [hit[2] for hit in find_ordinals(code, f"à sa {respaced} session")] == [n]


def test_find_ordinals_in_a_french_sentence():
    text = ("Prie le Secrétaire général de lui présenter à sa soixante-dix-neuvième session "
            "un rapport sur l’application de la résolution adoptée à sa soixante-dix-septième "
            "session ainsi qu’à ses soixante-septième et soixante-huitième sessions,")
    found = find_ordinals("fr", text)
    assert [n for _, _, n in found] == [79, 77, 67, 68]
    assert [text[a:b] for a, b, _ in found][:2] == ["soixante-dix-neuvième",
                                                   "soixante-dix-septième"]


def test_find_ordinals_never_finds_a_shorter_ordinal_inside_a_longer_one():
    text = "Decides to include in the provisional agenda of its seventy-eighth session"
    found = find_ordinals("en", text)
    assert found == [(text.index("seventy"), text.index(" session"), 78)]
    assert find_ordinals("en", "the Seventh Committee and the eighth") == [(4, 11, 7), (30, 36, 8)]
    assert find_ordinals("en", "seventhly, eighthly") == []


def test_find_ordinals_reads_across_a_line_end_hyphen():
    text = "at its seventy-\nninth session"
    assert find_ordinals("en", text) == [(7, len(text) - len(" session"), 79)]


@pytest.mark.parametrize(("code", "text", "numbers"), [
    ("es", "en su septuagésimo séptimo y su septuagésimo noveno período de sesiones", [77, 79]),
    ("ru", "на ее семьдесят седьмой сессии и в ходе семьдесят девятой сессии", [77, 79]),
    ("zh", "大会第七十七届会议和第七届会议以及第一百届会议", [77, 7, 100]),
    ("ar", "في دورتها السابعة والسبعين وفي الدورة الثانية عشرة", [77, 12]),
])
def test_find_ordinals_in_every_script(code, text, numbers):
    assert [n for _, _, n in find_ordinals(code, text)] == numbers


def test_the_snippets_ask_for_a_report_at_the_seventy_ninth_session():
    for code in ("es", "ru", "zh", "ar"):
        assert 79 in [n for _, _, n in find_ordinals(code, snippet(code))]


# --- mastheads ------------------------------------------------------------------------------

@pytest.mark.parametrize("code", ["es", "ru", "zh", "ar"])
def test_snippet_masthead_matches_the_session_and_agenda_patterns(code):
    session, agenda = snippet(code).splitlines()[:2]
    t = table(code)
    match = next(m for p in t.session_patterns if (m := p.match(session)))
    assert session_from_ordinal(code, match["ordinal"]) == 77
    assert next(m for p in t.agenda_item_patterns if (m := p.match(agenda)))["item"] == "28"


@pytest.mark.parametrize(("name", "line", "n"), [
    ("A_RES_77_7_en.txt", 12, 77), ("A_RES_79_6_en.txt", 10, 79), ("A_80_L.2_en.txt", 13, 80),
])
def test_english_masthead_session_lines(name, line, n):
    text = (DRAFTS / name).read_text(encoding="utf-8").splitlines()[line].strip()
    match = table("en").session_patterns[0].match(text)
    assert match and session_from_ordinal("en", match["ordinal"]) == n


@pytest.mark.parametrize(("code", "line"), [
    ("en", "28th plenary meeting"), ("fr", "42e séance plénière"),
    ("es", "42a sesión plenaria"), ("ru", "42-е пленарное заседание"),
    ("zh", "第42次全体会议"), ("ar", "الجلسة العامة 42"),
])
def test_plenary_meeting_lines(code, line):
    assert table(code).plenary_meeting_pattern.match(line)


def test_french_agenda_item_accepts_both_apostrophes():
    pattern = table("fr").agenda_item_patterns[0]
    assert pattern.match("Point 28 de l’ordre du jour")["item"] == "28"
    assert pattern.match("Points 28 et 29 de l'ordre du jour")["item"] == "28 et 29"


# --- openers --------------------------------------------------------------------------------

@pytest.mark.parametrize(("code", "text", "part", "expected"), [
    ("en", "Recalling also that the Rome Statute of the International", "preamble",
     "Recalling also"),
    ("en", "Recalling its resolution 78/6 of 1 November 2023", "preamble", "Recalling"),
    ("en", "Deeply concerned  that", "preamble", "Deeply concerned"),
    ("en", "Convinced that ending impunity is essential", "preamble", "Convinced"),
    ("en", "Decides to include in the provisional agenda", "operative", "Decides"),
    ("en", "3. Also requests the Secretary-General", "operative", "Also requests"),
    ("en", "Urges all States", "operative", "Urges"),
    ("en", "Urgently needed", "operative", None),
    ("en", "The General Assembly,", "preamble", None),
    ("fr", "Condamnant de nouveau énergiquement la traite", "preamble", "Condamnant de nouveau"),
    ("fr", "Consciente également du rôle que les hommes", "preamble", "Consciente également"),
    ("fr", "Consciente de l’importance cruciale", "preamble", "Consciente"),
    ("fr", " Vivement préoccupée par le fait", "preamble", "Vivement préoccupée"),
    ("fr", "Se félicitant de la Déclaration politique", "preamble", "Se félicitant"),
    ("fr", "2. Prend également note avec satisfaction des informations", "operative",
     "Prend également note avec satisfaction"),
    ("fr", "19. Engage instamment de même les gouvernements", "operative",
     "Engage instamment de même"),
    ("fr", "Engage les milieux d’affaires", "operative", "Engage"),
    ("fr", "34. Demande avec insistance aux gouvernements", "operative",
     "Demande avec insistance"),
    ("fr", "52. Prie le Secrétaire général de lui présenter", "operative", "Prie"),
    ("fr", "Prierait le Secrétaire général", "operative", None),
    ("zh", "1.请秘书长提交报告", "operative", "请"),
    ("zh", "又请秘书长", "operative", "又请"),
    ("ar", "٣ - تطلب إلى الأمين العام", "operative", "تطلب"),
])
def test_opener_on_real_paragraph_starts(code, text, part, expected):
    assert opener(code, text, part) == expected


@pytest.mark.parametrize("code", ["es", "ru", "zh", "ar"])
def test_every_snippet_paragraph_opens_with_a_listed_opener(code):
    organ, preamble, operative = body(code)
    assert preamble and operative
    assert all(opener(code, p, "preamble") for p in preamble), preamble
    assert all(opener(code, p, "operative") for p in operative), operative


@pytest.mark.parametrize(("code", "expected"), [
    ("es", ["Recordando", "Reconociendo", "Profundamente preocupada",
            "Toma nota con aprecio", "Insta", "Solicita"]),
    ("ru", ["ссылаясь", "признавая", "будучи глубоко обеспокоена",
            "с удовлетворением принимает к сведению", "настоятельно призывает", "просит"]),
    ("zh", ["回顾", "认识到", "深为关切", "赞赏地注意到", "敦促", "请"]),
    ("ar", ["إذ تشير", "وإذ تسلم", "وإذ يساورها بالغ القلق", "تحيط علما مع التقدير", "تحث",
            "تطلب"]),
])
def test_snippet_openers_are_the_longest_listed(code, expected):
    _, preamble, operative = body(code)
    found = [opener(code, p, "preamble") for p in preamble]
    found += [opener(code, p, "operative") for p in operative]
    assert found == expected


# --- detection ------------------------------------------------------------------------------

def test_detects_the_french_draft():
    assert detect((DRAFTS / "A_C.3_77_L.6_fr.txt").read_text(encoding="utf-8")) == "fr"


@pytest.mark.parametrize("path", sorted(DRAFTS.glob("*_en.txt")), ids=lambda p: p.name)
def test_detects_every_english_draft(path):
    assert detect(path.read_text(encoding="utf-8")) == "en"


@pytest.mark.parametrize("code", ["es", "ru", "zh", "ar"])
def test_detects_each_snippet_whole_and_paragraph_by_paragraph(code):
    assert detect(snippet(code)) == code
    _, preamble, operative = body(code)
    for paragraph in preamble + operative:
        assert detect(paragraph) == code, paragraph


@pytest.mark.parametrize("code", ["zh", "ar"])
def test_latin_symbols_and_links_do_not_tip_detection(code):
    _, _, operative = body(code)
    symbols = " A/77/292 A/RES/75/158 E/CN.6/2022/L.7 https://undocs.org/en/A/RES/73/195 " * 6
    assert detect(operative[0] + symbols) == code


@pytest.mark.parametrize("text", [
    "", "A/77/292", "The General Assembly,", "大会，", "1. Urges;",
    "Paris, Madrid, Berlin, Roma, Lisboa, Wien, Praha, Budapest, Warszawa",
])
def test_too_little_or_unclear_text_is_not_detected(text):
    assert detect(text) is None


def test_short_spanish_and_french_paragraphs_are_told_apart():
    es = ("Reconociendo la importancia de la cooperación internacional para prevenir y combatir "
          "la trata de personas, en particular de mujeres y niñas, y para proteger a las víctimas,")
    fr = ("Reconnaissant l’importance de la coopération internationale pour prévenir et combattre "
          "la traite des personnes, en particulier des femmes et des filles, et pour protéger "
          "les victimes,")
    assert detect(es) == "es"
    assert detect(fr) == "fr"


@pytest.mark.parametrize(("code", "text", "opens"), [
    ("en", "Urging Member States to consider", True),           # a participle no list names
    ("en", "Strongly convinced that", True),
    ("en", "Unequivocally condemning the use", True),
    ("en", "Recalling its resolution 79/1", True),              # listed
    ("en", "Convention on the Elimination of All Forms", False),
    ("en", "Human Rights Council resolutions,", False),
    ("en", "further recalling the adoption", True),             # listed, whatever its case
    ("fr", "Considérant que", True),
    ("fr", "Profondément préoccupée par", True),
    ("fr", "Convention relative aux droits", False),
    ("es", "Reconociendo que", True),
    ("es", "Convención sobre los Derechos", False),
])
def test_opens_paragraph_knows_openers_the_lists_lack(code: str, text: str, opens: bool) -> None:
    from resdiff.languages import opens_paragraph

    assert opens_paragraph(code, text) is opens
