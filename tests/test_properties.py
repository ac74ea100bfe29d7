"""Invariants of reading and storing a draft, checked on the real drafts and generated values.

1. The layout a draft arrives in does not change what is read from it: the seed re-wrapped at
   other widths and page lengths (spaced layout), each English draft re-printed in the block
   layout, with or without page furniture, and both as pasted from Word, read as the same draft.
2. The canonical form keeps a draft whole: ``deserialize(serialize(d)) == d``.

What a layout carries, and so what is compared: the symbol (masthead or running header, so only
with furniture), the title, the organ line, every paragraph (label, part, text, footnote numbers,
printed number) and the footnotes. Not compared, because the layouts do not carry it: the
language (detected, not printed), warnings (they name the input), and the masthead metadata
(sponsors, session, agenda item and title, date, distribution, document kind, adopted-from,
meeting, extra) that the spaced layout of the seed, the pasted text and the block layout without
furniture do not print.

Parser bugs these properties once found are kept as regression tests on the smallest inputs
that showed them.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resdiff.canonical import deserialize, serialize
from resdiff.model import PARTS, Draft, Footnote, Paragraph
from resdiff.parse import parse_file, parse_text
from tests.support.layout import render_block, render_pasted, render_spaced

ROOT = Path(__file__).resolve().parent.parent
DRAFTS = ROOT / "drafts"
SEED = DRAFTS / "A_C.3_77_L.6_fr.txt"
CORPUS = sorted(DRAFTS.glob("*_en.txt"))
ALL = [SEED, *CORPUS]

# Each example parses a whole draft (about 0.1 s for the seed): few examples, no deadline, and
# the same examples on every run so that a failure is reproducible.
BOUNDED = settings(
    max_examples=8, deadline=None, derandomize=True, database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)


@cache
def _parsed(path: Path) -> Draft:
    return parse_file(path)


def _carried(draft: Draft, *, symbol: bool) -> dict[str, object]:
    """The fields of `draft` that a layout carries (see the module docstring)."""
    fields: dict[str, object] = {
        "title": draft.title,
        "organ": draft.organ,
        "paragraphs": draft.paragraphs,
        "footnotes": draft.footnotes,
    }
    if symbol:
        fields["symbol"] = draft.symbol
    return fields


def _assert_same(read: Draft, original: Draft, *, symbol: bool) -> None:
    got, expected = _carried(read, symbol=symbol), _carried(original, symbol=symbol)
    for key in expected:
        if key == "paragraphs":
            got_labels = [p.label for p in read.paragraphs]
            assert got_labels == [p.label for p in original.paragraphs]
            for a, b in zip(read.paragraphs, original.paragraphs, strict=True):
                assert a == b, f"{b.label} differs"
        else:
            assert got[key] == expected[key], f"{key} differs"


# --- 1. the seed, re-wrapped in its own (spaced) layout --------------------------------------


@BOUNDED
@given(width=st.integers(60, 110), seed=st.integers(0, 2**16))
def test_seed_rewrapped_reads_the_same(width: int, seed: int) -> None:
    seed_draft = _parsed(SEED)
    text = render_spaced(seed_draft, width=width, lines_per_page=10_000, furniture=False,
                         seed=seed)
    _assert_same(parse_text(text), seed_draft, symbol=False)


@BOUNDED
@given(
    width=st.integers(60, 110), lines_per_page=st.integers(12, 60), seed=st.integers(0, 2**16)
)
def test_seed_in_pages_without_furniture_reads_the_same(
    width: int, lines_per_page: int, seed: int
) -> None:
    seed_draft = _parsed(SEED)
    text = render_spaced(seed_draft, width=width, lines_per_page=lines_per_page,
                         furniture=False, seed=seed)
    _assert_same(parse_text(text), seed_draft, symbol=False)


@BOUNDED
@given(
    width=st.integers(60, 110), lines_per_page=st.integers(12, 60), seed=st.integers(0, 2**16)
)
def test_seed_in_pages_with_furniture_reads_the_same(
    width: int, lines_per_page: int, seed: int
) -> None:
    seed_draft = _parsed(SEED)
    text = render_spaced(seed_draft, width=width, lines_per_page=lines_per_page, seed=seed)
    _assert_same(parse_text(text), seed_draft, symbol=True)


def test_seed_as_printed_by_default_reads_the_same_without_furniture() -> None:
    """The renderer's defaults (width 85, 22 lines a page) without links and headers."""
    seed_draft = _parsed(SEED)
    text = render_spaced(seed_draft, furniture=False)
    _assert_same(parse_text(text), seed_draft, symbol=False)


# --- 1. the English drafts, re-printed in the block layout ----------------------------------


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.stem)
@settings(BOUNDED, max_examples=4)
@given(
    width=st.integers(60, 110), lines_per_page=st.integers(20, 60), furniture=st.booleans(),
    seed=st.integers(0, 2**16),
)
def test_block_layout_reads_the_same(
    path: Path, width: int, lines_per_page: int, furniture: bool, seed: int
) -> None:
    draft = _parsed(path)
    text = render_block(draft, width=width, lines_per_page=lines_per_page, furniture=furniture,
                        seed=seed)
    _assert_same(parse_text(text), draft, symbol=furniture)


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.stem)
def test_block_layout_as_printed_by_default_reads_the_same(path: Path) -> None:
    draft = _parsed(path)
    _assert_same(parse_text(render_block(draft)), draft, symbol=True)


# --- 1. pasted from Word ---------------------------------------------------------------------


@pytest.mark.parametrize("blank_lines", [True, False], ids=["blank-lines", "no-blank-lines"])
@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem)
def test_pasted_text_reads_the_same(path: Path, blank_lines: bool) -> None:
    draft = _parsed(path)
    read = parse_text(render_pasted(draft, blank_lines=blank_lines))
    assert read.paragraphs == draft.paragraphs
    assert read.footnotes == draft.footnotes


# --- 1. regressions: parser bugs on the smallest inputs that showed them -------------------------


def _spaced(*lines: str) -> str:
    return "".join(f"{line} \n\n" for line in lines)


def test_decimal_number_at_line_start_continues_the_paragraph() -> None:
    text = _spaced(
        "   Traite des femmes et des filles",
        " L’Assemblée générale,",
        " Consciente qu’il importe de revitaliser le partenariat mondial, et prenant note de "
        "l’Alliance",
        "8.7, du Partenariat mondial pour l’élimination de la violence envers les enfants,",
        " 1. Prie le Secrétaire général de lui présenter un rapport.",
    )
    draft = parse_text(text)
    assert [p.label for p in draft.paragraphs] == ["PP1", "OP1"]
    assert "l’Alliance 8.7, du Partenariat" in draft.paragraphs[0].text


def test_running_header_after_footnotes_is_furniture() -> None:
    text = _spaced(
        "   Traite des femmes et des filles",
        " L’Assemblée générale,",
        " Rappelant la Convention des Nations Unies contre la criminalité transnationale",
        "organisée1, et les Protocoles additionnels y relatifs, plus spécialement le Protocole",
        "__________________",
        " 1 Nations Unies, Recueil des Traités, vol. 2225, no 39574.",
    ) + " \nA/C.3/77/L.6 \n \n22-22988 2/3 \n \n" + _spaced(
        " additionnel à la Convention,",
        " 1. Prie le Secrétaire général de lui présenter un rapport.",
    )
    draft = parse_text(text)
    assert draft.footnotes == (
        Footnote(1, "Nations Unies, Recueil des Traités, vol. 2225, no 39574."),
    )
    assert draft.symbol == "A/C.3/77/L.6"


def test_hidden_page_break_inside_an_operative_paragraph() -> None:
    text = _spaced(
        "   Traite des femmes et des filles",
        " L’Assemblée générale,",
        " Rappelant sa résolution 75/158,",
        " 1. Réaffirme l’importance d’une coopération continue, notamment entre la",
        " Rapporteuse spéciale sur la traite des êtres humains et les États ;",
        " 2. Prie le Secrétaire général de lui présenter un rapport.",
    )
    draft = parse_text(text)
    assert [p.label for p in draft.paragraphs] == ["PP1", "OP1", "OP2"]


def test_title_wrapped_before_its_session_ordinal() -> None:
    text = (
        "Participation by the State of Palestine during the\neightieth session\n\n"
        "The General Assembly,\n\nRecalling its resolutions,\n\n"
        "1.\nDecides that the State of Palestine may participate;\n\n"
        "2.\nAlso decides to remain seized of the matter.\n"
    )
    draft = parse_text(text)
    assert draft.title == "Participation by the State of Palestine during the eightieth session"


# --- 2. the canonical form --------------------------------------------------------------------


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem)
def test_canonical_round_trip_of_real_drafts(path: Path) -> None:
    draft = _parsed(path)
    assert deserialize(serialize(draft)) == draft


_LINE = st.text(st.characters(blacklist_characters="\n\r"), max_size=40)
"""Any text on one line (the canonical form refuses line breaks, by design)."""
_SUFFIX = st.sampled_from(["", "", "bis", "ter"])
_PREFIX = {"preamble": "PP", "operative": "OP", "annex": "AN", "text": "P"}


@st.composite
def _paragraphs(draw: st.DrawFn) -> Paragraph:
    part = draw(st.sampled_from(PARTS))
    n = draw(st.integers(1, 120))
    number = draw(st.one_of(st.none(), st.integers(0, 999)))
    label = f"{_PREFIX[part]}{n}{draw(_SUFFIX) if part in ('preamble', 'operative') else ''}"
    notes = tuple(draw(st.lists(st.integers(1, 300), max_size=4)))
    text = draw(_LINE)
    # Marker places: none known, or one per note, never decreasing, inside the text.
    places = st.lists(st.integers(0, len(text)), min_size=len(notes), max_size=len(notes))
    note_at = tuple(sorted(draw(places))) if notes and draw(st.booleans()) else ()
    return Paragraph(label, part, text, notes, number, note_at)


_OPTIONAL = st.one_of(st.none(), _LINE)
_EXTRA_KEY = st.text(st.characters(blacklist_characters="\n\r"), max_size=15)

_DRAFTS = st.builds(
    Draft,
    symbol=_OPTIONAL,
    language=_OPTIONAL,
    title=_LINE,
    organ=_LINE,
    sponsors=st.lists(_LINE, max_size=3).map(tuple),
    session=st.one_of(st.none(), st.integers(-5, 200)),
    agenda_item=_OPTIONAL,
    paragraphs=st.lists(_paragraphs(), max_size=8).map(tuple),
    footnotes=st.lists(st.builds(Footnote, st.integers(0, 300), _LINE), max_size=4).map(tuple),
    warnings=st.lists(_LINE, max_size=2).map(tuple),
    date=_OPTIONAL,
    distribution=_OPTIONAL,
    agenda_title=_OPTIONAL,
    document_kind=_OPTIONAL,
    adopted_from=_OPTIONAL,
    meeting=_OPTIONAL,
    meeting_date=_OPTIONAL,
    extra=st.lists(st.tuples(_EXTRA_KEY, _LINE), max_size=3).map(tuple),
)


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(_DRAFTS)
def test_canonical_round_trip_of_generated_drafts(draft: Draft) -> None:
    assert deserialize(serialize(draft)) == draft


def test_canonical_form_without_marker_places_still_reads() -> None:
    """Files written before marker places were kept: the places read as unknown."""
    old = ("resdiff-draft 1\ntitle: T\norgan: O\nlabels: PP1/1,2 OP1:1/3\nfootnote-numbers: 1 2 3"
           "\n\n## preamble\nRecalling,\n## operative\nDecides.\n## footnotes\na\nb\nc\n")
    draft = deserialize(old)
    assert [(p.notes, p.note_at) for p in draft.paragraphs] == [((1, 2), ()), ((3,), ())]
    assert serialize(draft) == old


def test_canonical_form_keeps_marker_places(seed: Draft) -> None:
    line = next(x for x in serialize(seed).split("\n") if x.startswith("labels: "))
    op1 = seed.paragraph("OP1")
    assert op1 is not None
    assert f" OP1:1/17@{op1.note_at[0]} " in line
    with pytest.raises(ValueError, match="OP1 has 2 marker places for 1 footnotes"):
        deserialize(serialize(seed).replace(f"OP1:1/17@{op1.note_at[0]}", "OP1:1/17@1,2"))


def test_canonical_round_trip_of_an_extra_key_with_equals_sign() -> None:
    draft = Draft(symbol=None, language=None, title="", organ="", extra=(("a=b", "c"),))
    assert deserialize(serialize(draft)) == draft
