"""Each repair on its own, with the evidence it needs and without it."""

from __future__ import annotations

from resdiff.repair import find_marker, mend_spacing, repair, take_markers, vocabulary_of


def fix(text: str, *evidence: str) -> str:
    """The repairs in the order the parser makes them: spacing, then evidence."""
    texts = [mend_spacing(t) for t in (text, *evidence)]
    return repair(texts[0], vocabulary_of(texts))


def test_split_word_joined_when_the_document_has_the_word() -> None:
    assert fix("contre la t raite des femmes", "la traite") == "contre la traite des femmes"
    assert fix("des f emmes", "les femmes") == "des femmes"
    assert fix("des fil les", "les filles") == "des filles"
    assert fix("leur s droits", "leurs enfants") == "leurs droits"
    assert fix("en Eur ope", "l’Europe") == "en Europe"
    assert fix("dans ce doma ine", "le domaine") == "dans ce domaine"


def test_split_word_kept_without_evidence() -> None:
    assert fix("contre la t raite des femmes") == "contre la t raite des femmes"


def test_two_real_words_never_joined() -> None:
    # "pour" and "suivre" are both words of this document: "poursuivre" elsewhere is no reason.
    assert fix("pour suivre les progrès", "poursuivre", "suivre") == "pour suivre les progrès"
    assert fix("Protocole facultatif s’y rapportant", "facultatifs") == (
        "Protocole facultatif s’y rapportant")


def test_long_unattested_fragment_beside_a_real_word_is_not_joined() -> None:
    assert fix("pour suivre", "poursuivre", "pour les femmes") == "pour suivre"


def test_apostrophe_superscript_and_hyphen() -> None:
    assert fix("à l ’exercice et qu ’il") == "à l’exercice et qu’il"
    assert fix("sur le travail forcé (n o 29)") == "sur le travail forcé (no 29)"
    assert fix("la pandémie de COVID -19.") == "la pandémie de COVID-19."
    assert fix("un x -y", "le x-y") == "un x-y"
    assert fix("de 2 -3 jours") == "de 2 -3 jours"


def test_markers_glued_loose_after_punctuation_and_after_a_year() -> None:
    assert find_marker("organisée1 et", 1) == (9, 10)
    assert find_marker("la Convention 3 , la", 3) == (14, 15)
    assert find_marker("l’horizon 203012 vise", 12) == (14, 16)
    assert find_marker("for 2024,1 the", 1) == (9, 10)
    assert find_marker("Nations 1 are", 1) == (8, 9)


def test_numbers_that_are_not_markers() -> None:
    assert find_marker("l’Alliance 8.7, du", 7) is None
    assert find_marker("GC(69)/RES/9 A.2, entitled", 2) is None
    assert find_marker("les 10 et 11 décembre", 10) is None
    assert find_marker("le 11 décembre", 11) is None
    assert find_marker("résolution 25/1 du 27 mai", 1) is None
    assert find_marker("paragraph 3 of the resolution", 3) is None
    assert find_marker("A/77/292 et", 2) is None


def test_take_markers_in_order_across_paragraphs() -> None:
    texts, notes, note_at, missing = take_markers(
        ["la Convention 3 , la Convention 4 et le Protocole5", "d’autrui6, ainsi que"],
        [3, 4, 5, 6, 7],
    )
    assert texts == ["la Convention, la Convention et le Protocole", "d’autrui, ainsi que"]
    assert notes == [(3, 4, 5), (6,)]
    assert missing == [7]
    # Places in the tidied texts: after "Convention" (the space before "," gone), after the
    # second "Convention", at the end; after "d’autrui".
    assert note_at == [(13, 28, 44), (8,)]


def test_marker_places_survive_collapsed_spaces_and_glued_words() -> None:
    texts, _, note_at, _ = take_markers(
        ["  Rappelant   la   Convention1 et  2030 12  vise,3  fin.4"], [1, 12, 3, 4])
    assert texts == ["Rappelant la Convention et 2030 vise, fin."]
    text = texts[0]
    assert [text[:a] for a in note_at[0]] == [
        "Rappelant la Convention", "Rappelant la Convention et 2030",
        "Rappelant la Convention et 2030 vise,", text]


def test_loose_markers_after_a_date_and_an_ordinal_session() -> None:
    # A/RES/78/207 PP5 and A/C.3/80/L.42 OP15, as PyMuPDF and poppler extract them.
    text = "resolutions 36/7 of 28 September 2017, 45/10 of 6 October 2020 7 and 54/8 of 11"
    assert find_marker(text, 7) == (text.index(" 7 and") + 1, text.index(" 7 and") + 2)
    text = "submitted to the Commission on Human Rights at its sixtieth session 6 and the"
    assert find_marker(text, 6) == (text.index(" 6 ") + 1, text.index(" 6 ") + 2)
    # But a count or a range stays text.
    assert find_marker("on 6 October 2020 7 days later", 7) is None
    assert find_marker("at its session 6 and 7", 6) is None


def test_a_marker_found_by_the_place_the_numbering_leaves_it() -> None:
    """A/C.3/80/L.29 PP21 as pypdf extracts it: "Goals 13" reads as a goal's number, but
    footnote 13 has no other place between the markers of 12 and 14."""
    texts = ["Recalling the report,12 of the Council,",
             "Taking note of the framework and the Sustainable Development Goals 13 and in line "
             "with its commitments,",
             "Noting the report,14"]
    taken = take_markers(texts, [12, 13, 14])
    assert taken.notes == [(12,), (13,), (14,)] and taken.missing == []
    assert "Goals and in line" in taken.texts[1]
    # Two places for it: none is taken.
    texts[1] = texts[1].replace("in line", "with goal 13 in line")
    assert take_markers(texts, [12, 13, 14]).missing == [13]
