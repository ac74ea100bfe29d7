"""The comparison against negotiations whose outcome is known.

1. Generated revisions (`tests.support.negotiate`): the French seed and two English drafts go
   through the edits of a negotiation round, both versions are laid out again as PDF extraction
   gives them and read back, and `compare` must recover the true mapping: every true link with
   its kind, no false addition or deletion, every move, the technical flags.
2. Real families from ``drafts/``: what reading the texts side by side shows changed between
   them (checked by hand, written down here).
"""

from __future__ import annotations

from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from resdiff.compare import Comparison, compare
from resdiff.model import Draft
from resdiff.parse import parse_file
from tests.support.negotiate import lay_out, readable_labels, revise, score

ROOT = Path(__file__).resolve().parent.parent
DRAFTS = ROOT / "drafts"

GENERATED = [
    *(("A_C.3_77_L.6_fr", s) for s in range(1, 7)),
    *(("A_80_L.9_en", s) for s in range(1, 5)),
    *(("A_80_L.6_en", s) for s in range(1, 5)),
]


@cache
def _draft(name: str) -> Draft:
    return parse_file(DRAFTS / f"{name}.txt")


@cache
def _seen(name: str) -> Draft:
    """The original as the comparison sees it: laid out again and read back."""
    return lay_out(_draft(name), 0)[1]


# --- 1. generated revisions -------------------------------------------------------------------


def test_a_revision_is_deterministic_and_maps_every_paragraph_once() -> None:
    draft = _draft("A_C.3_77_L.6_fr")
    first, again = revise(draft, 3), revise(draft, 3)
    assert first == again
    olds = Counter(label for link in first.links for label in link.old)
    news = Counter(label for link in first.links for label in link.new)
    assert olds == Counter(p.label for p in draft.paragraphs)
    assert news == Counter(p.label for p in first.new.paragraphs)
    ops = first.new.part("operative")
    assert [p.number for p in ops] == list(range(1, len(ops) + 1))
    numbers = [n for p in first.new.paragraphs for n in p.notes]
    assert numbers == list(range(1, len(first.new.footnotes) + 1))


def test_revisions_make_every_kind_of_edit() -> None:
    kinds: Counter[str] = Counter()
    for name, seed in GENERATED:
        revision = revise(_draft(name), seed)
        kinds.update(link.kind for link in revision.links)
        kinds.update("moved" for link in revision.links if link.moved)
        kinds.update("technical" for link in revision.links if link.technical)
        kinds.update("footnote added" for link in revision.footnotes if link.kind == "added")
    for kind in ("amended", "added", "deleted", "split", "merged", "moved", "technical",
                 "footnote added"):
        assert kinds[kind] >= 2, kind


@pytest.mark.parametrize(("name", "seed"), GENERATED, ids=[f"{n}-{s}" for n, s in GENERATED])
def test_compare_recovers_the_true_mapping(name: str, seed: int) -> None:
    revision = revise(_draft(name), seed)
    new = lay_out(revision.new, seed)[1]
    assert readable_labels(_seen(name), _draft(name))
    assert readable_labels(new, revision.new), "the laid-out revision reads differently"
    s = score(revision.links, compare(_seen(name), new))
    edits = "; ".join(revision.edits)
    assert not s.missed_links, f"missed {sorted(s.missed_links)} after: {edits}"
    assert not s.false_links, f"false {sorted(s.false_links)} after: {edits}"
    assert not s.wrong_kind, f"{s.wrong_kind} after: {edits}"
    assert s.false_added == () and s.false_deleted == (), edits
    assert s.missed_added == () and s.missed_deleted == (), edits
    assert s.moves_found == s.moves_true, edits
    assert s.wrong_technical == (), edits


# --- 2. real families ---------------------------------------------------------------------------


def _compare(old: str, new: str) -> Comparison:
    return compare(_draft(old), _draft(new))


def _kinds(c: Comparison) -> dict[tuple[tuple[str, ...], tuple[str, ...]], str]:
    return {(ch.old, ch.new): ch.kind for ch in c.changes}


def _no_false_additions_or_deletions(c: Comparison) -> None:
    s = c.summary()
    assert s["deleted"] == 0 and s["moved"] == 0 and s["split"] == 0 and s["merged"] == 0


def test_l2_to_res_80_1() -> None:
    """PP1 ("Expressing grave concern" → "Expressing concern") and PP2 ("Deploring" →
    "Regretting") amended, a PP added on the Committee on Relations with the Host Country, OP1
    and OP2 amended, PP3 and PP4 unchanged as PP4 and PP5, OP3 unchanged."""
    c = _compare("A_80_L.2_en", "A_RES_80_1_en")
    assert _kinds(c) == {
        (("PP1",), ("PP1",)): "amended", (("PP2",), ("PP2",)): "amended",
        ((), ("PP3",)): "added",
        (("PP3",), ("PP4",)): "unchanged", (("PP4",), ("PP5",)): "unchanged",
        (("OP1",), ("OP1",)): "amended", (("OP2",), ("OP2",)): "amended",
        (("OP3",), ("OP3",)): "unchanged",
    }
    added = next(ch for ch in c.changes if ch.kind == "added")
    assert added.diff[0][1].startswith("Taking note of the meeting of the Committee on "
                                       "Relations with the Host Country")
    assert {ch.opener for ch in c.changes if ch.old in (("PP1",), ("PP2",))} == {
        ("Expressing grave concern", "Expressing concern"), ("Deploring", "Regretting")}
    _no_false_additions_or_deletions(c)


def test_res_79_6_to_l9_to_res_80_6() -> None:
    """A/RES/79/6 → A/80/L.9: every paragraph in place; the session updates (PP1, OP1, OP13,
    OP20, OP32) technical; "States parties" capitalised to "States Parties" in twelve
    paragraphs and OP30 reworded, as substance. L.9 was adopted unchanged as A/RES/80/6."""
    c = _compare("A_RES_79_6_en", "A_80_L.9_en")
    assert all(ch.old == ch.new for ch in c.changes)
    assert {ch.new[0] for ch in c.changes if ch.technical} == {"PP1", "OP1", "OP13", "OP20",
                                                                "OP32"}
    capitalised = {ch.new[0] for ch in c.changes if ch.kind == "amended"
                   and all(text.lower() in ("parties", "party")
                           for op, text in ch.diff if op != "=")}
    assert capitalised == {"PP7", "OP2", "OP3", "OP7", "OP10", "OP11", "OP15", "OP16", "OP18",
                           "OP19", "OP25", "OP27"}
    assert c.summary()["amended"] == 18
    _no_false_additions_or_deletions(c)

    adopted = _compare("A_80_L.9_en", "A_RES_80_6_en")
    assert set(_kinds(adopted).values()) == {"unchanged"}
    assert all(f.kind == "unchanged" for f in adopted.footnotes)


@pytest.mark.parametrize(("old", "new"), [("A_RES_77_7_en", "A_RES_78_7_en"),
                                          ("A_RES_78_7_en", "A_RES_79_7_en"),
                                          ("A_RES_79_7_en", "A_80_L.6_en")])
def test_embargo_family_year_to_year(old: str, new: str) -> None:
    """Each year the same thirteen paragraphs: PP6 and PP8 (the lists of resolutions), OP1
    (the report on the previous resolution), OP4 and OP5 (the sessions) updated, nothing else.
    From 77/7 to 78/7, OP1 moves from resolution 75/289 to 77/7, two sessions where the rest
    moves by one: by `compare`'s rule (one interval per document) that is substance."""
    c = _compare(old, new)
    assert all(ch.old == ch.new for ch in c.changes)
    amended = {ch.new[0] for ch in c.changes if ch.kind == "amended"}
    assert amended == {"PP6", "PP8", "OP1", "OP4", "OP5"}
    technical = {ch.new[0] for ch in c.changes if ch.technical}
    expected = amended - {"OP1"} if old == "A_RES_77_7_en" else amended
    assert technical == expected
    _no_false_additions_or_deletions(c)


def test_l6_adopted_unchanged_as_res_80_4() -> None:
    c = _compare("A_80_L.6_en", "A_RES_80_4_en")
    assert set(_kinds(c).values()) == {"unchanged"}
    assert all(f.kind == "unchanged" for f in c.footnotes)
