"""compare() and to_json() on hand-built drafts of real paragraphs and on the bundled real
documents: the exact changes, the JSON contract, and the invariants."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resdiff.compare import JOIN, CompareOptions, compare, to_json
from resdiff.model import Draft, Footnote, Paragraph

DRAFTS = Path(__file__).resolve().parent.parent / "drafts"

PP = [
    ("Consciente de l’importance cruciale que revêt le Protocole visant à prévenir, réprimer et "
     "punir la traite des personnes, en particulier des femmes et des enfants, qui donne une "
     "définition arrêtée sur le plan international de l’infraction que constitue la traite des "
     "êtres humains, l’objectif étant de prévenir la traite, d’en protéger les victimes et d’en "
     "poursuivre les auteurs,", ()),
    ("Se félicitant de l’engagement qu’ont pris les gouvernements, dans les conclusions concertées "
     "adoptées par la Commission de la condition de la femme à sa soixante-seizième session, "
     "d’éliminer, prévenir et combattre toutes les formes de violence à l’égard des femmes et des "
     "filles dans les sphères publique et privée, en ligne et hors ligne,", (13,)),
]
OP = [
    ("Prend note avec satisfaction du rapport du Secrétaire général, qui présente des informations "
     "sur les mesures prises par les États et les activités menées par les organismes des Nations "
     "Unies pour lutter contre la traite des femmes et des filles ;", (17,)),
    ("Prend note des rapports de la Rapporteuse spéciale du Conseil des droits de l’homme sur la "
     "traite des êtres humains, en particulier les femmes et les enfants ;", (18,)),
    ("Engage instamment les États Membres qui ne l’ont pas encore fait à envisager de ratifier à "
     "titre prioritaire la Convention des Nations Unies contre la criminalité transnationale "
     "organisée et le Protocole additionnel y relatif visant à prévenir, réprimer et punir la "
     "traite des personnes, en particulier des femmes et des enfants, ou d’y adhérer, compte tenu "
     "du rôle central de ces instruments dans la lutte contre la traite des êtres humains, et prie "
     "instamment les États parties à ces instruments de les appliquer pleinement et "
     "effectivement ;", ()),
    ("Encourage la Commission de la condition de la femme à envisager d’examiner la question des "
     "besoins des femmes et des filles victimes de la traite, notamment, à ses soixante-septième "
     "et soixante-huitième sessions, au titre des thèmes prioritaires ;", ()),
    ("Encourage les États Membres, le système des Nations Unies et les autres parties prenantes à "
     "célébrer la Journée mondiale de la lutte contre la traite d’êtres humains, compte tenu de la "
     "nécessité de faire mieux connaître la situation des victimes de la traite des êtres humains "
     "et de promouvoir et de protéger leurs droits ;", ()),
    ("Prie le Secrétaire général de lui présenter, à sa soixante-dix-neuvième session, un rapport "
     "qui réunisse des informations sur les interventions et stratégies ayant donné de bons "
     "résultats quant à la lutte contre la traite des êtres humains au regard des inégalités entre "
     "femmes et hommes, ainsi que sur les lacunes à combler.", ()),
]
FOOTNOTES = [(13, "Documents officiels du Conseil économique et social, 2022, Supplément no 7 "
                  "(E/2022/27), chap. I, sect. A."),
             (17, "A/77/292."), (18, "A/77/170 et A/HRC/50/33.")]


def draft(pp, op, footnotes=FOOTNOTES, symbol="A/C.3/77/L.6") -> Draft:
    paragraphs = [Paragraph(f"PP{k}", "preamble", t, notes) for k, (t, notes) in enumerate(pp, 1)]
    paragraphs += [Paragraph(f"OP{k}", "operative", t, notes, number=k)
                   for k, (t, notes) in enumerate(op, 1)]
    return Draft(symbol=symbol, language="fr", title="Traite des femmes et des filles",
                 organ="L’Assemblée générale,", session=77, paragraphs=tuple(paragraphs),
                 footnotes=tuple(Footnote(n, t) for n, t in footnotes))


OLD = draft(PP, OP)


def rows(comparison):
    return [(c.kind, c.old, c.new) for c in comparison.changes if c.kind != "unchanged"
            or c.old != c.new or c.moved]


def rebuild(diff, side):
    return "".join(t for op, t in diff if op in {"old": "=-", "new": "=+"}[side])


def test_a_draft_against_itself_is_all_unchanged():
    c = compare(OLD, OLD)
    assert {ch.kind for ch in c.changes} == {"unchanged"}
    assert c.summary() == {"unchanged": 8, "amended": 0, "added": 0, "deleted": 0, "moved": 0,
                           "split": 0, "merged": 0, "technical": 0}
    assert [(f.kind, f.old, f.new) for f in c.footnotes] == [
        ("unchanged", ("FN13",), ("FN13",)), ("unchanged", ("FN17",), ("FN17",)),
        ("unchanged", ("FN18",), ("FN18",))]


def test_renumbered_operative_paragraphs_are_unchanged_with_both_labels():
    new = draft(PP, OP[:2] + [("Décide de rester saisie de la question.", ())] + OP[2:])
    c = compare(OLD, new)
    assert rows(c) == [("added", (), ("OP3",)),
                       ("unchanged", ("OP3",), ("OP4",)), ("unchanged", ("OP4",), ("OP5",)),
                       ("unchanged", ("OP5",), ("OP6",)), ("unchanged", ("OP6",), ("OP7",))]
    added = [ch for ch in c.changes if ch.kind == "added"]
    assert [(ch.new, ch.part, ch.diff) for ch in added] == [
        (("OP3",), "operative", (("+", "Décide de rester saisie de la question."),))]
    assert [(ch.old, ch.new) for ch in c.changes if ch.part == "operative"] == [
        (("OP1",), ("OP1",)), (("OP2",), ("OP2",)), ((), ("OP3",)), (("OP3",), ("OP4",)),
        (("OP4",), ("OP5",)), (("OP5",), ("OP6",)), (("OP6",), ("OP7",))]
    assert c.summary()["unchanged"] == 8 and c.summary()["amended"] == 0


def test_amended_operative_verb_is_named_and_substantive():
    text, notes = OP[2]
    new = draft(PP, OP[:2] + [(text.replace("Engage instamment", "Engage vivement"), notes)]
                + OP[3:])
    c = compare(OLD, new)
    (ch,) = [ch for ch in c.changes if ch.kind == "amended"]
    assert (ch.old, ch.new, ch.technical, ch.moved) == (("OP3",), ("OP3",), False, False)
    assert ch.opener == ("Engage instamment", "Engage vivement")
    assert ch.diff[:3] == (("=", "Engage "), ("-", "instamment"), ("+", "vivement"))
    assert 0.9 < ch.similarity < 1


def test_session_update_is_technical_and_counted():
    text, notes = OP[5]
    new = draft(PP, OP[:5] + [(text.replace("soixante-dix-neuvième", "quatre-vingt-unième"), notes)])
    c = compare(OLD, new)
    (ch,) = [ch for ch in c.changes if ch.kind == "amended"]
    assert (ch.technical, ch.shift, ch.opener) == (True, 2, None)
    assert c.summary()["technical"] == 1


def test_moved_and_amended_paragraph():
    text, notes = OP[4]
    amended = (text.replace("célébrer", "célébrer chaque année"), notes)
    new = draft(PP, [amended] + OP[:4] + OP[5:])
    c = compare(OLD, new)
    ops = [(ch.kind, ch.moved, ch.old, ch.new) for ch in c.changes if ch.part == "operative"]
    assert ops[0] == ("amended", True, ("OP5",), ("OP1",))
    assert all(not moved for _, moved, _, _ in ops[1:])
    assert c.summary()["moved"] == 1


def test_split_and_merge_are_single_changes():
    text, notes = OP[2]
    cut = text.index(", et prie instamment")
    halves = [(text[:cut] + " ;", notes), ("Prie" + text[cut + len(", et prie"):], ())]
    split_draft = draft(PP, OP[:2] + halves + OP[3:])
    (ch,) = [ch for ch in compare(OLD, split_draft).changes if ch.kind == "split"]
    assert (ch.old, ch.new, ch.part) == (("OP3",), ("OP3", "OP4"), "operative")
    assert rebuild(ch.diff, "old") == text
    assert rebuild(ch.diff, "new") == JOIN.join(t for t, _ in halves)
    (ch,) = [ch for ch in compare(split_draft, OLD).changes if ch.kind == "merged"]
    assert (ch.old, ch.new) == (("OP3", "OP4"), ("OP3",))


def test_deleted_paragraph_stands_where_it_stood():
    c = compare(OLD, draft(PP, OP[:3] + OP[4:]))
    assert [(ch.kind, ch.old, ch.new) for ch in c.changes][4:7] == [
        ("unchanged", ("OP3",), ("OP3",)), ("deleted", ("OP4",), ()),
        ("unchanged", ("OP5",), ("OP4",))]


def test_paragraph_moved_from_operative_to_preamble():
    as_pp = ("Prenant note des rapports de la Rapporteuse spéciale du Conseil des droits de "
             "l’homme sur la traite des êtres humains, en particulier les femmes et les enfants,",
             (18,))
    c = compare(OLD, draft(PP + [as_pp], OP[:1] + OP[2:]))
    (ch,) = [ch for ch in c.changes if ch.old_part]
    assert (ch.kind, ch.moved, ch.old, ch.new, ch.old_part, ch.new_part, ch.technical) == (
        "amended", True, ("OP2",), ("PP3",), "operative", "preamble", False)
    assert ch.opener == ("Prend note", "Prenant note")


def test_inserted_footnote_renumbers_nothing_of_substance():
    """A new footnote 14 shifts 17 → 18 and 18 → 19 and the markers in OP1 and OP2."""
    renumbered_op = [(OP[0][0], (18,)), (OP[1][0], (19,))] + OP[2:]
    pp = [PP[0], (PP[1][0], (13,)),
          ("Prenant note des contributions pertinentes de la Rapporteuse spéciale sur la traite "
           "des êtres humains, en particulier les femmes et les enfants,", (14,))]
    footnotes = [FOOTNOTES[0], (14, "Dont la plus récente est le document A/77/170."),
                 (18, "A/77/292."), (19, "A/77/170 et A/HRC/50/33.")]
    c = compare(OLD, draft(pp, renumbered_op, footnotes))
    assert rows(c) == [("added", (), ("PP3",))]
    assert [(f.kind, f.old, f.new, f.diff) for f in c.footnotes] == [
        ("unchanged", ("FN13",), ("FN13",), ()),
        ("added", (), ("FN14",), (("+", "Dont la plus récente est le document A/77/170."),)),
        ("unchanged", ("FN17",), ("FN18",), ()), ("unchanged", ("FN18",), ("FN19",), ())]


def test_rewrapped_copy_is_unchanged():
    rewrapped = draft([(t.replace(" ", "  ", 5).replace("’", "'"), n) for t, n in PP],
                      [(t.replace(" ;", "\u202f;"), n) for t, n in OP])
    assert {ch.kind for ch in compare(OLD, rewrapped).changes} == {"unchanged"}


def test_json_contract():
    text, notes = OP[2]
    new = replace(draft(PP, OP[:2] + [(text.replace("instamment", "vivement", 1), notes)] + OP[3:]),
                  symbol="A/C.3/77/L.6/Rev.1")
    out = to_json(compare(OLD, new))
    assert json.loads(json.dumps(out, ensure_ascii=False)) == out
    assert out["old"] == {"symbol": "A/C.3/77/L.6", "title": "Traite des femmes et des filles",
                          "language": "fr"}
    assert out["new"]["symbol"] == "A/C.3/77/L.6/Rev.1"
    assert list(out["summary"]) == ["unchanged", "amended", "added", "deleted", "moved", "split",
                                    "merged", "technical"]
    (amended,) = [ch for ch in out["changes"] if ch["kind"] == "amended"]
    assert {k: amended[k] for k in ("kind", "moved", "technical", "part", "old", "new",
                                    "opener")} == {
        "kind": "amended", "moved": False, "technical": False, "part": "operative",
        "old": ["OP3"], "new": ["OP3"], "opener": ["Engage instamment", "Engage vivement"]}
    assert amended["diff"][:3] == [["=", "Engage "], ["-", "instamment"], ["+", "vivement"]]
    assert isinstance(amended["similarity"], float)
    assert out["footnotes"][0] == {"kind": "unchanged", "old": ["FN13"], "new": ["FN13"],
                                   "diff": [], "similarity": 1.0, "technical": False}


def test_unrelated_drafts_say_so():
    rng_words = [f"mot{i}" for i in range(4000)]
    other = draft([(" ".join(rng_words[k * 40:(k + 1) * 40]), ()) for k in range(50)], [])
    c = compare(OLD, other)
    assert c.notes and "may not be versions of one text" in c.notes[0]


# Property tests: invariants over random edits of the real paragraphs.

EDIT = st.tuples(st.sampled_from(["drop", "insert", "amend", "swap", "rewrap"]),
                 st.integers(0, 20))


def edited(edits) -> Draft:
    op = list(OP)
    pp = list(PP)
    for what, k in edits:
        target = op if k % 2 else pp
        if not target:
            continue
        k %= len(target)
        if what == "drop":
            target.pop(k)
        elif what == "insert":
            target.insert(k, ("Décide de rester saisie de la question.", ()))
        elif what == "amend":
            target[k] = (target[k][0].replace("les", "tous les", 1) + " (nouveau)", target[k][1])
        elif what == "swap" and len(target) > 1:
            target[k], target[k - 1] = target[k - 1], target[k]
        elif what == "rewrap":
            target[k] = (target[k][0].replace(" ", "\n", 4), target[k][1])
    return draft(pp, op)


@settings(max_examples=80, deadline=None)
@given(st.lists(EDIT, max_size=6))
def test_invariants(edits):
    new = edited(edits)
    c = compare(OLD, new)
    old_labels = sorted(label for ch in c.changes for label in ch.old)
    new_labels = sorted(label for ch in c.changes for label in ch.new)
    assert old_labels == sorted(p.label for p in OLD.paragraphs)
    assert new_labels == sorted(p.label for p in new.paragraphs)
    order = [new.paragraphs.index(new.paragraph(ch.new[0])) for ch in c.changes if ch.new]
    assert order == sorted(order)
    for ch in c.changes:
        if ch.kind == "unchanged":
            continue
        old_text = JOIN.join(OLD.paragraph(label).text for label in ch.old)
        new_text = JOIN.join(new.paragraph(label).text for label in ch.new)
        assert rebuild(ch.diff, "old") == old_text
        assert rebuild(ch.diff, "new") == new_text
    assert {ch.kind for ch in compare(new, new).changes} == {"unchanged"}


# The real bundled documents, read by the parser.

def parsed(name):
    parse = pytest.importorskip("resdiff.parse")
    return parse.parse_file(DRAFTS / name)


def test_cuba_resolution_against_next_sessions_draft_is_all_technical():
    c = compare(parsed("A_RES_79_7_en.txt"), parsed("A_80_L.6_en.txt"))
    assert c.summary() == {"unchanged": 8, "amended": 5, "added": 0, "deleted": 0, "moved": 0,
                           "split": 0, "merged": 0, "technical": 5}
    amended = {ch.new[0]: ch for ch in c.changes if ch.kind == "amended"}
    assert sorted(amended) == ["OP1", "OP4", "OP5", "PP6", "PP8"]
    assert [s for s in amended["OP4"].diff if s[0] != "="] == [
        ("-", "eightieth"), ("+", "eighty-first")]
    assert amended["OP1"].shift == 1 and amended["PP6"].shift is None
    (fn,) = c.footnotes
    assert (fn.kind, fn.old, fn.new, fn.technical, fn.diff) == (
        "amended", ("FN1",), ("FN1",), True, (("-", "A/79/80"), ("+", "A/80/83"), ("=", ".")))


def test_cuba_draft_against_its_adopted_resolution():
    c = compare(parsed("A_80_L.6_en.txt"), parsed("A_RES_80_4_en.txt"))
    assert c.summary()["added"] == 0 and c.summary()["deleted"] == 0
    assert c.summary()["unchanged"] + c.summary()["amended"] == 13


def test_seed_draft_against_itself_and_a_revision():
    seed = parsed("A_C.3_77_L.6_fr.txt")
    assert {ch.kind for ch in compare(seed, seed).changes} == {"unchanged"}
    ops = [p for p in seed.paragraphs if p.part == "operative"]
    first = ops[0]
    revised_ops = [replace(ops[3], text=ops[3].text.replace("Engage instamment",
                                                             "Engage vivement"))]
    paragraphs = [p for p in seed.paragraphs if p.part != "operative"] + [
        first, *ops[1:3], *revised_ops, *ops[4:]]
    c = compare(seed, replace(seed, paragraphs=tuple(paragraphs)))
    assert c.summary()["amended"] == 1 and c.summary()["unchanged"] == len(seed.paragraphs) - 1


def test_options_are_frozen_and_tunable():
    opts = CompareOptions(threshold=0.99)
    with pytest.raises(AttributeError):
        opts.threshold = 0.1  # type: ignore[misc]
    text, notes = OP[4]
    new = draft(PP, OP[:4] + [(text.replace("célébrer", "célébrer chaque année"), notes)] + OP[5:])
    kinds = {ch.kind for ch in compare(OLD, new, opts).changes}
    assert "amended" not in kinds and {"added", "deleted"} <= kinds


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 7), st.integers(1, 30),
                          st.sampled_from([" ", "\n", "  ", "\n "])), max_size=8))
def test_rewrapped_copies_are_unchanged(breaks):
    texts = [t for t, _ in PP + OP]
    for k, at, ws in breaks:
        words = texts[k].split(" ")
        at %= len(words)
        texts[k] = " ".join(words[:at]) + ws + " ".join(words[at:]) if at else texts[k]
    new = draft([(t, n) for t, (_, n) in zip(texts[:2], PP, strict=True)],
                [(t, n) for t, (_, n) in zip(texts[2:], OP, strict=True)])
    assert {ch.kind for ch in compare(OLD, new).changes} == {"unchanged"}


def test_icc_report_resolution_against_next_sessions_draft():
    c = compare(parsed("A_RES_79_6_en.txt"), parsed("A_80_L.9_en.txt"))
    technical = {ch.new[0]: ch for ch in c.changes if ch.technical}
    assert sorted(technical) == ["OP1", "OP13", "OP20", "OP32", "PP1"]
    assert {ch.shift for ch in technical.values()} == {1}
    # Assembly of States Parties sessions move by other intervals than the General Assembly's
    (op30,) = [ch for ch in c.changes if ch.new == ("OP30",)]
    assert (op30.kind, op30.technical) == ("amended", False)
    assert [(f.old, f.technical) for f in c.footnotes if f.kind == "amended"] == [
        (("FN4",), True), (("FN8",), True), (("FN10",), True)]
    assert c.summary()["added"] == c.summary()["deleted"] == 0
