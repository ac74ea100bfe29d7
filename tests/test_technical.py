"""Technical updates between sessions versus substance, on real wording (French and English
first, then the other languages through their tables)."""

from __future__ import annotations

import pytest

from resdiff.technical import explain, opener

OP52 = ("Prie le Secrétaire général de lui présenter, à sa soixante-dix-neuvième session, un "
        "rapport qui réunisse des informations sur les interventions et stratégies ayant donné de "
        "bons résultats quant à la lutte contre la traite des êtres humains")
PP_PACT = ("Rappelant le Pacte mondial pour des migrations sûres, ordonnées et régulières, adopté à "
           "la Conférence intergouvernementale chargée d’adopter le Pacte mondial pour des "
           "migrations sûres, ordonnées et régulières, tenue à Marrakech (Maroc), les 10 et "
           "11 décembre 2018, qu’elle a approuvé dans sa résolution 73/195 du 19 décembre 2018,")
CUBA_PP6_OLD = ("Recalling its resolutions 47/19 of 24 November 1992, 48/16 of 3 November 1993, "
                "74/7 of 7 November 2019, 75/289 of 23 June 2021, 77/7 of 3 November 2022 and "
                "78/7 of 2 November 2023 and its decision 76/563 of 11 May 2022,")
CUBA_PP6_NEW = ("Recalling its resolutions 47/19 of 24 November 1992, 48/16 of 3 November 1993, "
                "74/7 of 7 November 2019, 75/289 of 23 June 2021, 77/7 of 3 November 2022, "
                "78/7 of 2 November 2023 and 79/7 of 30 October 2024 and its decision 76/563 of "
                "11 May 2022,")
CUBA_OP4 = ("Requests the Secretary-General, in consultation with the appropriate organs and "
            "agencies of the United Nations system, to prepare a report on the implementation of "
            "the present resolution and to submit it to the General Assembly at its {} session;")


def test_french_session_ordinal_moves():
    new = OP52.replace("soixante-dix-neuvième", "quatre-vingt-unième")
    v = explain(OP52, new, "fr")
    assert (v.technical, v.delta) == (True, 2)


def test_english_session_ordinal_moves():
    v = explain(CUBA_OP4.format("eightieth"), CUBA_OP4.format("eighty-first"), "en")
    assert (v.technical, v.delta) == (True, 1)
    v = explain(CUBA_OP4.format("seventy-sixth"), CUBA_OP4.format("seventy-eighth"), "en")
    assert (v.technical, v.delta) == (True, 2)


def test_report_symbol_and_resolution_number_move_with_the_session():
    v = explain("Prend note du rapport du Secrétaire général (A/75/158) ;",
                "Prend note du rapport du Secrétaire général (A/77/292) ;", "fr")
    assert (v.technical, v.delta) == (True, 2)
    v = explain("Takes note of the report on the implementation of resolution 78/7;",
                "Takes note of the report on the implementation of resolution 79/7;", "en")
    assert (v.technical, v.delta) == (True, 1)
    v = explain("Rappelant le projet A/C.3/75/L.6,", "Rappelant le projet A/C.3/77/L.6,", "fr")
    assert (v.technical, v.delta) == (True, 2)


def test_dated_reference_and_years_shift_together():
    new = PP_PACT.replace("73/195 du 19 décembre 2018", "75/190 du 16 décembre 2020").replace(
        "11 décembre 2018, qu", "11 décembre 2020, qu")
    v = explain(PP_PACT, new, "fr")
    assert (v.technical, v.delta) == (True, 2)


def test_shift_inconsistent_with_the_rest_is_substantive():
    new = (OP52.replace("soixante-dix-neuvième", "quatre-vingt-unième") + " (A/78/292)")
    old = OP52 + " (A/77/292)"
    assert not explain(old, new, "fr").technical


def test_same_session_different_document_is_substantive():
    v = explain("Prend note du rapport (A/77/170) ;", "Prend note du rapport (A/77/292) ;", "fr")
    assert not v.technical


def test_appended_resolution_in_a_list_is_technical():
    v = explain(CUBA_PP6_OLD, CUBA_PP6_NEW, "en")
    assert v.technical and v.delta is None
    v = explain("… 74/7 du 7 novembre 2019 et 75/289,", "… 74/7 du 7 novembre 2019, 75/289 et 76/5,",
                "fr")
    assert v.technical


def test_older_or_removed_resolution_in_a_list_is_substantive():
    assert not explain("ses résolutions 75/289 et 77/7,", "ses résolutions 75/289, 77/7 et 76/7,",
                       "fr").technical
    assert not explain(CUBA_PP6_NEW, CUBA_PP6_OLD, "en").technical


@pytest.mark.parametrize(("old", "new"), [
    ("Engage instamment les États Membres", "Engage vivement les États Membres"),
    ("Encourages States to consider", "Urges States to consider"),
    ("to submit it at its eightieth session;", "to submit it at its eightieth session, as appropriate;"),
])
def test_wording_changes_are_substantive(old, new):
    assert not explain(old, new, "fr" if "à" in old else "en").technical


def test_a_dated_meeting_moving_by_a_year_is_technical():
    v = explain("tenue à Vienne du 12 au 16 octobre 2020,", "tenue à Vienne du 12 au 16 octobre 2021,",
                "fr")
    assert (v.technical, v.delta) == (True, 1)


def test_unchanged_day_but_changed_date_is_substantive():
    assert not explain("adopted on 12 March 1996,", "adopted on 13 March 1996,", "en").technical


def test_other_languages_through_the_tables():
    assert explain("请秘书长向大会第七十九届会议提交报告", "请秘书长向大会第八十一届会议提交报告",
                   "zh").delta == 2
    v = explain("представить Генеральной Ассамблее на ее семьдесят девятой сессии доклад",
                "представить Генеральной Ассамблее на ее восемьдесят первой сессии доклад", "ru")
    assert (v.technical, v.delta) == (True, 2)
    v = explain("en su septuagésimo noveno período de sesiones", "en su octogésimo primer período "
                "de sesiones", "es")
    assert (v.technical, v.delta) == (True, 2)


def test_openers_from_the_tables():
    assert opener("Engage instamment les États Membres", "fr", "operative") == "Engage instamment"
    assert opener("Deeply concerned that", "en", "preamble") == "Deeply concerned"
    assert opener("Anything", "en", "annex") is None


def test_reporting_periods_shift_with_the_session():
    old = ("Welcomes the report of the Court on its activities in 2024/25 and decides to consider "
           "it at its eightieth session;")
    new = old.replace("2024/25", "2025/26").replace("eightieth", "eighty-first")
    assert (explain(old, new, "en").technical, explain(old, new, "en").delta) == (True, 1)
    assert not explain(old, old.replace("2024/25", "2024/26"), "en").technical
    assert explain(old, old.replace("2024/25", "2026/27"), "en").delta == 2
