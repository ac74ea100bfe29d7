"""Word-level diffs on real resolution wording: whole words, exact rebuild, bounded work."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from resdiff import worddiff
from resdiff.worddiff import diff_words, diff_words_with_stats, similarity, tokenize

OP4 = ("Engage instamment les États Membres qui ne l’ont pas encore fait à envisager de ratifier à "
       "titre prioritaire la Convention des Nations Unies contre la criminalité transnationale "
       "organisée et le Protocole additionnel y relatif visant à prévenir, réprimer et punir la "
       "traite des personnes, en particulier des femmes et des enfants, ou d’y adhérer ;")
CUBA_OLD = ("1 November 2018, 74/7 of 7 November 2019, 75/289 of 23 June 2021, 77/7 of 3 November "
            "2022 and 78/7 of 2 November 2023 and its decision 76/563 of 11 May 2022,")
CUBA_NEW = ("1 November 2018, 74/7 of 7 November 2019, 75/289 of 23 June 2021, 77/7 of 3 November "
            "2022, 78/7 of 2 November 2023 and 79/7 of 30 October 2024 and its decision 76/563 of "
            "11 May 2022,")


def rebuild(segments, side):
    keep = {"old": "=-", "new": "=+"}[side]
    return "".join(text for op, text in segments if op in keep)


def test_replaced_word_is_shown_whole():
    new = OP4.replace("Engage instamment", "Engage vivement")
    d = diff_words(OP4, new)
    assert d[:3] == (("=", "Engage "), ("-", "instamment"), ("+", "vivement"))
    assert d[3][0] == "=" and d[3][1].startswith(" les États Membres")
    assert len(d) == 4


def test_deleted_word_takes_its_following_space():
    d = diff_words("Engage instamment les États Membres", "Engage les États Membres")
    assert d == (("=", "Engage "), ("-", "instamment "), ("=", "les États Membres"))


def test_appended_resolution_reads_as_an_insertion():
    d = diff_words(CUBA_OLD, CUBA_NEW)
    assert [s for s in d if s[0] != "="] == [
        ("-", " and"), ("+", ","), ("+", "and 79/7 of 30 October 2024 ")]
    assert rebuild(d, "old") == CUBA_OLD and rebuild(d, "new") == CUBA_NEW


def test_ordinals_symbols_and_compounds_are_single_tokens():
    toks = tokenize("à sa soixante-dix-neuvième session (A/C.3/77/L.6/Rev.1), COVID-19 et "
                    "l’exploitation")
    for word in ("soixante-dix-neuvième", "A/C.3/77/L.6/Rev.1", "COVID-19", "exploitation"):
        assert word in toks
    assert "".join(toks).startswith("à sa")


def test_chinese_is_compared_by_character():
    d = diff_words("请秘书长向大会第七十七届会议提交报告", "请秘书长向大会第七十九届会议提交报告")
    assert d == (("=", "请秘书长向大会第七十"), ("-", "七"), ("+", "九"), ("=", "届会议提交报告"))


def test_arabic_and_russian_by_word():
    d = diff_words("تحث الدول الأعضاء على", "تشجع الدول الأعضاء على")
    assert d == (("-", "تحث"), ("+", "تشجع"), ("=", " الدول الأعضاء على"))
    d = diff_words("настоятельно призывает государства", "призывает государства")
    assert d == (("-", "настоятельно "), ("=", "призывает государства"))


def test_equal_and_empty_texts():
    assert diff_words(OP4, OP4) == (("=", OP4),)
    assert diff_words("", "") == ()
    assert diff_words("", "Décide") == (("+", "Décide"),)


def test_similarity_separates_amended_from_unrelated():
    other = ("Invite les États à continuer de contribuer au fonds de contributions volontaires des "
             "Nations Unies pour la lutte contre les formes contemporaines d’esclavage ;")
    assert similarity(OP4, OP4.replace("instamment", "vivement")) > 0.9
    assert similarity(OP4, other) < 0.3
    assert similarity(OP4, OP4) == 1.0
    assert similarity("", "") == 1.0


def test_large_unrelated_texts_fall_back_to_coarser_levels():
    def text(stem, every):
        return " ".join(f"{stem}{i}" + ("," if i % every == every - 1 else "")
                        for i in range(3000))

    for every, level in ((10, "clause"), (1, "whole")):
        old, new = text("mot", every), text("autre", every)
        d, stats = diff_words_with_stats(old, new)
        assert stats.level == level
        assert rebuild(d, "old") == old and rebuild(d, "new") == new


def test_long_texts_are_cut_at_anchors_and_stay_exact():
    words = [f"mot{i}" for i in range(3000)]
    old = " ".join(words)
    new = " ".join(reversed(words))
    d, stats = diff_words_with_stats(old, new)
    assert rebuild(d, "old") == old and rebuild(d, "new") == new
    long = " ".join(words)
    edited = long.replace("mot1500 ", "mot1500 nouveau ")
    d, stats = diff_words_with_stats(long, edited)
    assert stats.level == "word"
    assert [s for s in d if s[0] != "="] == [("+", "nouveau ")]


def test_budget_is_content_based_not_timed(monkeypatch):
    monkeypatch.setattr(worddiff, "WORD_BUDGET", 10)
    d, stats = diff_words_with_stats(OP4, OP4.replace("instamment", "vivement").replace(
        "prioritaire", "urgent"))
    assert stats.level in ("clause", "whole")
    assert rebuild(d, "old") == OP4


TEXT = st.lists(st.sampled_from(list("ab éÉ’-/.,;:七九") + ["États", " de ", "la", "  "]),
                max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(TEXT, TEXT)
def test_segments_rebuild_both_texts_and_never_cut_a_word(old, new):
    d = diff_words(old, new)
    assert rebuild(d, "old") == old
    assert rebuild(d, "new") == new
    assert all(text for _, text in d)
    assert all(a[0] != b[0] for a, b in zip(d, d[1:], strict=False))
    # every boundary in the old text is a token boundary of the old text
    bounds, pos = set(), 0
    for tok in tokenize(old):
        pos += len(tok)
        bounds.add(pos)
    pos = 0
    for op, text in d:
        if op in "=-":
            pos += len(text)
            assert pos in bounds or pos == 0


def test_no_boundary_inside_a_word_on_real_text():
    new = OP4.replace("prioritaire", "prioritairement").replace("punir", "sanctionner")
    for op, text in diff_words(OP4, new):
        if op != "=":
            assert re.fullmatch(r"[\w’ ,;-]+", text)
            assert text.strip() in {"prioritaire", "prioritairement", "punir", "sanctionner"}


def test_a_resolution_appended_to_a_list_is_marked_as_a_person_would():
    # Real: A/RES/78/7 → A/RES/79/7, preambular paragraph 8.
    old = "its resolutions 73/8, 74/7, 75/289, 77/7 and 78/7, the economic"
    new = "its resolutions 73/8, 74/7, 75/289, 77/7, 78/7 and 79/7, the economic"
    assert diff_words(old, new) == (
        ("=", "its resolutions 73/8, 74/7, 75/289, 77/7"), ("-", " and"), ("+", ","),
        ("=", " 78/7"), ("+", " and 79/7"), ("=", ", the economic"))


def test_an_unchanged_word_between_two_changes_stays_unmarked():
    # Real: A/RES/79/6 → A/80/L.9, preambular paragraph 1.
    d = diff_words("Recalling its resolution 78/6 of 1 November 2023 and all",
                   "Recalling its resolution 79/6 of 29 October 2024 and all")
    assert ("=", " of ") in d
    assert [s for s in d if s[0] != "="] == [
        ("-", "78/6"), ("+", "79/6"), ("-", "1 November 2023"), ("+", "29 October 2024")]


def test_a_short_word_between_two_larger_changes_does_not_cut_them_up():
    # " par " weighs less than half of either change around it: one change, as a person reads it.
    d = diff_words("selon les mesures prises par l’État concerné",
                   "selon des actions menées par chaque pays concerné")
    assert d == (("=", "selon "), ("-", "les mesures prises par l’État"),
                 ("+", "des actions menées par chaque pays"), ("=", " concerné"))
