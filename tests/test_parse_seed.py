"""The real French draft A/C.3/77/L.6 must read exactly (issue: "On the seed the result must
be exact")."""

from __future__ import annotations

import re

from resdiff.model import Draft


def _all_text(d: Draft) -> str:
    return "\n".join([p.text for p in d.paragraphs] + [f.text for f in d.footnotes] + [d.title])


def test_counts_and_metadata(seed: Draft) -> None:
    assert len(seed.part("preamble")) == 36
    assert len(seed.part("operative")) == 52
    assert len(seed.footnotes) == 34
    assert seed.symbol == "A/C.3/77/L.6"
    assert seed.language == "fr"
    assert seed.title == "Traite des femmes et des filles"
    assert seed.organ == "L’Assemblée générale,"
    assert seed.session == 77
    assert seed.agenda_item is None
    assert seed.sponsors == ()
    assert seed.warnings == ()


def test_labels(seed: Draft) -> None:
    assert [p.label for p in seed.part("preamble")] == [f"PP{i}" for i in range(1, 37)]
    assert [p.label for p in seed.part("operative")] == [f"OP{i}" for i in range(1, 53)]
    assert [p.number for p in seed.part("operative")] == list(range(1, 53))
    assert [f.number for f in seed.footnotes] == list(range(1, 35))


def test_first_and_last_paragraphs(seed: Draft) -> None:
    pp1 = seed.paragraph("PP1")
    assert pp1 is not None
    assert pp1.text.startswith("Condamnant de nouveau énergiquement la traite des êtres humains")
    # Sub-items stay inside their paragraph.
    assert "qui exige : a) la mise en œuvre" in pp1.text
    assert pp1.text.endswith("; b) une action pénale proportionnelle à la gravité de l’infraction,")
    op1 = seed.paragraph("OP1")
    assert op1 is not None and op1.notes == (17,)
    assert op1.text == (
        "Prend note avec satisfaction du rapport du Secrétaire général, qui présente des "
        "informations sur les mesures prises par les États et les activités menées par les "
        "organismes des Nations Unies pour lutter contre la traite des femmes et des filles ;"
    )
    op52 = seed.paragraph("OP52")
    assert op52 is not None
    assert op52.text.endswith("dans le contexte de la pandémie de COVID-19.")
    assert seed.footnotes[0].text == "Nations Unies, Recueil des Traités, vol. 2225, no 39574."


def test_no_page_furniture_in_any_text(seed: Draft) -> None:
    text = _all_text(seed)
    assert "22-22988" not in text
    assert "undocs.org" not in text
    assert "___" not in text
    assert "A/C.3/77/L.6" not in text
    assert "5/15" not in text


def test_paragraphs_rejoined_across_page_breaks_and_footnote_blocks(seed: Draft) -> None:
    pp2 = seed.paragraph("PP2")
    assert pp2 is not None
    # The page ends inside PP2, its footnotes 1-7 follow, and the next page goes on with it.
    assert "l’exploitation de la prostitution d’autrui, ainsi que ses résolutions" in pp2.text
    pp9 = seed.paragraph("PP9")
    assert pp9 is not None and "du 19 décembre 2018, qui porte notamment" in pp9.text
    op2 = seed.paragraph("OP2")
    assert op2 is not None and "qui ne l’ont pas encore fait à communiquer les informations" in (
        op2.text
    )
    op30 = seed.paragraph("OP30")
    assert op30 is not None and "connaître les lois, réglementations et sanctions" in op30.text


def test_every_footnote_marker_found(seed: Draft) -> None:
    notes = [n for p in seed.paragraphs for n in p.notes]
    assert notes == list(range(1, 35))
    by_label = {p.label: p.notes for p in seed.paragraphs if p.notes}
    assert by_label["PP2"] == (1, 2, 3, 4, 5, 6, 7, 8)  # organisée1, Convention 3 , femmes 4 …
    assert by_label["PP7"] == (12,)  # "l’horizon 203012 vise" is "2030" + note 12
    assert by_label["OP5"] == tuple(range(19, 30))  # "(no 29)21", "(n o 143) 26 ,"
    pp7 = seed.paragraph("PP7")
    assert pp7 is not None and "à l’horizon 2030 vise notamment" in pp7.text
    pp2 = seed.paragraph("PP2")
    assert pp2 is not None
    assert "criminalité transnationale organisée et les Protocoles" in pp2.text
    assert "additionnel à la Convention, la Convention sur l’élimination" in pp2.text
    assert "à l’égard des femmes et le Protocole facultatif s’y rapportant" in pp2.text
    # No marker digit is left glued to a word.
    assert not re.search(r"[^\W\d_]\d", _all_text(seed).replace("efficaces1", ""))


def _before_markers(seed: Draft, label: str) -> list[str]:
    """The words just before each marker of a paragraph, with what follows them."""
    p = seed.paragraph(label)
    assert p is not None and len(p.note_at) == len(p.notes)
    return [p.text[:a].split(" ")[-1] + "|" + p.text[a:a + 2] for a in p.note_at]


def test_marker_places_in_the_final_text(seed: Draft) -> None:
    # French puts the marker before the punctuation: "organisée1 et", "enfants2,", "Convention 3 ,".
    assert _before_markers(seed, "PP2") == [
        "organisée| e", "enfants|, ", "Convention|, ", "femmes| e", "rapportant|, ",
        "l’enfant| e", "enfants|, ", "d’autrui|, "]
    assert _before_markers(seed, "PP7") == ["2030| v"]  # "l’horizon 203012": 2030 + note 12
    op1 = seed.paragraph("OP1")
    assert op1 is not None
    assert op1.text[:op1.note_at[0]].endswith("du rapport du Secrétaire général")
    # "(n o 29)21" and "(no 143) 26 ,": after the closing bracket, before the comma.
    assert _before_markers(seed, "OP5")[2:4] == ["29)| e", "81)|, "]
    for p in seed.paragraphs:
        assert len(p.note_at) == len(p.notes)
        assert list(p.note_at) == sorted(p.note_at)
        assert all(0 < a <= len(p.text) and not p.text[a - 1].isspace() for a in p.note_at)


def test_extraction_damage_repaired(seed: Draft) -> None:
    text = _all_text(seed)
    for damaged, repaired in [
        ("la t raite", "la traite"),
        ("des f emmes", "des femmes"),
        ("fil les", "filles"),
        ("leur s droits", "leurs droits"),
        ("COVID -19", "COVID-19"),
        ("l ’exercice", "l’exercice"),
        ("n o 29", "no 29"),
        ("Eur ope", "Europe"),
        ("doma ine", "domaine"),
        ("influence e t leur", "influence et leur"),
    ]:
        assert damaged not in text, damaged
        assert repaired in text, repaired
    assert " ’" not in text
    assert "  " not in text


def test_real_words_never_joined(seed: Draft) -> None:
    text = _all_text(seed)
    # Two real words of the document side by side stay apart.
    for phrase in ["les filles", "de la", "à la traite", "Protocole facultatif s’y rapportant",
                   "des êtres humains", "y compris"]:
        assert phrase in text, phrase
    assert "facultatifs’y" not in text


def test_compound_hyphen_at_line_end_kept(seed: Draft) -> None:
    pp21 = seed.paragraph("PP21")
    assert pp21 is not None and "personnes déplacées au-delà des frontières" in pp21.text
