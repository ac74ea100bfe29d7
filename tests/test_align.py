"""Alignment by content on real paragraphs of A/C.3/77/L.6: renumbering, moves, splits, merges,
cross-part moves, and bounded work on unrelated documents."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from resdiff.align import Link, Unit, align, normalise

PP = [
    "Consciente de l’importance cruciale que revêt le Protocole visant à prévenir, réprimer et "
    "punir la traite des personnes, en particulier des femmes et des enfants, qui donne une "
    "définition arrêtée sur le plan international de l’infraction que constitue la traite des "
    "êtres humains, l’objectif étant de prévenir la traite, d’en protéger les victimes et d’en "
    "poursuivre les auteurs,",
    "Rappelant la résolution intitulée « Lancement du processus d’examen du Mécanisme d’examen de "
    "l’application de la Convention des Nations Unies contre la criminalité transnationale "
    "organisée et des Protocoles s’y rapportant », adoptée à la dixième session de la Conférence "
    "des Parties à la Convention des Nations Unies contre la criminalité transnationale "
    "organisée, tenue à Vienne du 12 au 16 octobre 2020,",
    "Se félicitant de l’engagement qu’ont pris les gouvernements, dans les conclusions concertées "
    "adoptées par la Commission de la condition de la femme à sa soixante-seizième session, "
    "d’éliminer, prévenir et combattre toutes les formes de violence à l’égard des femmes et des "
    "filles dans les sphères publique et privée, en ligne et hors ligne,",
]
OP = [
    "Prend note avec satisfaction du rapport du Secrétaire général, qui présente des informations "
    "sur les mesures prises par les États et les activités menées par les organismes des Nations "
    "Unies pour lutter contre la traite des femmes et des filles ;",
    "Prend note des rapports de la Rapporteuse spéciale du Conseil des droits de l’homme sur la "
    "traite des êtres humains, en particulier les femmes et les enfants ;",
    "Engage instamment les États Membres qui ne l’ont pas encore fait à envisager de ratifier à "
    "titre prioritaire la Convention des Nations Unies contre la criminalité transnationale "
    "organisée et le Protocole additionnel y relatif visant à prévenir, réprimer et punir la "
    "traite des personnes, en particulier des femmes et des enfants, ou d’y adhérer, compte tenu "
    "du rôle central de ces instruments dans la lutte contre la traite des êtres humains, et prie "
    "instamment les États parties à ces instruments de les appliquer pleinement et effectivement ;",
    "Encourage la Commission de la condition de la femme à envisager d’examiner la question des "
    "besoins des femmes et des filles victimes de la traite, notamment, à ses soixante-septième "
    "et soixante-huitième sessions, au titre des thèmes prioritaires ;",
    "Encourage les États Membres, le système des Nations Unies et les autres parties prenantes à "
    "célébrer la Journée mondiale de la lutte contre la traite d’êtres humains, compte tenu de la "
    "nécessité de faire mieux connaître la situation des victimes de la traite des êtres humains "
    "et de promouvoir et de protéger leurs droits ;",
    "Invite les États à continuer de contribuer au fonds de contributions volontaires des Nations "
    "Unies pour la lutte contre les formes contemporaines d’esclavage et au fonds de "
    "contributions volontaires des Nations Unies en faveur des victimes de la traite des "
    "personnes, en particulier des femmes et des enfants ;",
]
NEW_OP = "Décide de rester saisie de la question."


def units(pp, op):
    return [Unit("preamble", t) for t in pp] + [Unit("operative", t) for t in op]


def shape(links: list[Link]):
    return [(lk.old, lk.new, lk.same, lk.moved) for lk in links]


def test_identical_drafts_align_one_to_one():
    u = units(PP, OP)
    assert shape(align(u, u)) == [((i,), (i,), True, False) for i in range(len(u))]


def test_rewrapped_and_retyped_text_is_the_same_paragraph():
    assert normalise("la traite des\n femmes  et l’exploitation") == normalise(
        "la traite des femmes et l'exploitation")
    old = units(PP, OP)
    new = units(PP, [t.replace(" ", "\n", 3).replace("’", "'") for t in OP])
    assert all(lk.same and not lk.moved for lk in align(old, new))


def test_inserted_paragraph_renumbers_without_change():
    old = units(PP, OP)
    new = units(PP, OP[:2] + [NEW_OP] + OP[2:])
    links = align(old, new)
    assert shape(links) == [((0,), (0,), True, False), ((1,), (1,), True, False),
                            ((2,), (2,), True, False), ((3,), (3,), True, False),
                            ((4,), (4,), True, False), ((), (5,), False, False),
                            ((5,), (6,), True, False), ((6,), (7,), True, False),
                            ((7,), (8,), True, False), ((8,), (9,), True, False)]


def test_deleted_paragraph_stands_where_it_stood():
    old = units(PP, OP)
    new = units(PP, OP[:1] + OP[2:])
    links = align(old, new)
    assert [(lk.old, lk.new) for lk in links][3:6] == [((3,), (3,)), ((4,), ()), ((5,), (4,))]


def test_amended_and_moved_paragraph_is_one_link():
    amended = OP[2].replace("Engage instamment", "Engage vivement").replace(
        "à titre prioritaire", "dès que possible")
    old = units(PP, OP)
    new = units(PP, [amended] + OP[:2] + OP[3:])
    links = align(old, new)
    moved = [lk for lk in links if lk.moved]
    assert [(lk.old, lk.new, lk.same) for lk in moved] == [((5,), (3,), False)]
    assert 0.6 < moved[0].similarity < 1
    assert sum(1 for lk in links if lk.old and lk.new) == len(old)


def test_split_and_merge():
    old = units(PP, OP)
    text = OP[2]
    cut = text.index(", et prie instamment")
    first, second = text[:cut] + " ;", "Prie" + text[cut + len(", et prie"):]
    new = units(PP, OP[:2] + [first, second] + OP[3:])
    links = align(old, new)
    split = [lk for lk in links if len(lk.new) == 2]
    assert [(lk.old, lk.new) for lk in split] == [((5,), (5, 6))]
    merged = [lk for lk in align(new, old) if len(lk.old) == 2]
    assert [(lk.old, lk.new) for lk in merged] == [((5, 6), (5,))]


def test_paragraph_moving_between_parts_is_found_in_the_second_pass():
    as_pp = "Prenant note des rapports" + OP[1][len("Prend note des rapports"):].replace(" ;", ",")
    old = units(PP, OP)
    new = units(PP + [as_pp], OP[:1] + OP[2:])
    links = align(old, new)
    cross = [lk for lk in links if lk.cross_part]
    assert [(lk.old, lk.new, lk.moved) for lk in cross] == [((4,), (3,), True)]


def test_unrelated_paragraphs_are_added_and_deleted():
    old = [Unit("operative", OP[0])]
    new = [Unit("operative", OP[5])]
    assert shape(align(old, new)) == [((0,), (), False, False), ((), (0,), False, False)]


def test_repeated_identical_paragraphs_pair_in_order():
    old = [Unit("operative", t) for t in (OP[0], OP[1], OP[1], OP[2])]
    new = [Unit("operative", t) for t in (OP[1], OP[0], OP[1], OP[2])]
    links = align(old, new)
    assert [(lk.old, lk.new) for lk in links] == [((1,), (0,)), ((0,), (1,)), ((2,), (2,)),
                                               ((3,), (3,))]
    assert [lk.moved for lk in links] == [True, False, False, False]


def _random_paragraphs(seed: int, n: int) -> list[Unit]:
    rng = random.Random(seed)
    vocab = [f"{rng.choice('bcdfglmnprstv')}{rng.choice('aeiou')}{i}" for i in range(5000)]
    pool = vocab + "les États Membres de la traite des femmes et des filles".split() * 40
    return [Unit(rng.choice(("preamble", "operative")),
                 " ".join(rng.choice(pool) for _ in range(rng.randint(20, 80))))
            for _ in range(n)]


def test_unrelated_two_thousand_paragraph_documents_are_bounded():
    # How long it takes is measured by `make bench`; here, that every paragraph is accounted
    # for and nothing unrelated is paired.
    old, new = _random_paragraphs(1, 2000), _random_paragraphs(2, 2000)
    links = align(old, new)
    assert sorted(i for lk in links for i in lk.old) == list(range(2000))
    assert sorted(j for lk in links for j in lk.new) == list(range(2000))
    assert not [lk for lk in links if lk.old and lk.new]


def test_same_input_same_output():
    old, new = _random_paragraphs(3, 200), _random_paragraphs(3, 200)[::-1]
    assert align(old, new) == align(old, new)


EDITS = st.lists(st.tuples(st.sampled_from(["keep", "drop", "add", "amend"]),
                           st.integers(0, len(OP) - 1)), max_size=12)


@settings(max_examples=150, deadline=None)
@given(st.permutations(range(len(OP))), EDITS)
def test_every_paragraph_in_exactly_one_link(order, edits):
    new_ops = [OP[i] for i in order]
    for what, k in edits:
        k %= max(len(new_ops), 1)
        if what == "drop" and new_ops:
            new_ops.pop(k)
        elif what == "add":
            new_ops.insert(k, NEW_OP)
        elif what == "amend" and new_ops:
            new_ops[k] = new_ops[k].replace("les", "tous les", 1)
    old, new = units(PP, OP), units(PP, new_ops)
    links = align(old, new)
    assert sorted(i for lk in links for i in lk.old) == list(range(len(old)))
    assert sorted(j for lk in links for j in lk.new) == list(range(len(new)))
    with_new = [min(lk.new) for lk in links if lk.new]
    assert with_new == sorted(with_new)
