"""The pure rules of the store: slugs, stages from symbols, trailers, names, the diff base."""

from __future__ import annotations

import pytest

from resdiff.versions import (
    StoreError,
    Version,
    base_of,
    commit_message,
    iso_date,
    parse_trailers,
    select,
    slugify,
    stage_of,
    symbol_file_name,
)


def v(n: int, stage: str, symbol: str | None = None, session: int | None = 80,
      round_: int | None = None, language: str = "en", adopted_from: str | None = None) -> Version:
    return Version(commit=f"{n:040x}", series="traite-des-femmes-et-des-filles",
                   language=language, stage=stage, round=round_, symbol=symbol,  # type: ignore[arg-type]
                   session=session, adopted_from=adopted_from)


def test_slugs_are_safe_path_components() -> None:
    assert slugify("Traite des femmes et des filles") == "traite-des-femmes-et-des-filles"
    assert slugify("../../etc") == "etc"
    assert slugify("--upload-pack=x") == "upload-pack-x"
    assert slugify("Participación de Côte d’Ivoire") == "participacion-de-cote-d-ivoire"
    for bad in ("..", "/", "-", "«»"):
        with pytest.raises(StoreError):
            slugify(bad)
    assert symbol_file_name("A/C.3/77/L.6/Rev.1") == "A_C.3_77_L.6_Rev.1"
    assert symbol_file_name("../../etc/passwd") == "etc_passwd"
    assert symbol_file_name("--upload-pack=x") == "upload_pack_x"


@pytest.mark.parametrize(("symbol", "kind", "stage"), [
    ("A/RES/77/194", None, "adopted"), ("A/C.3/77/L.6", None, "L"),
    ("A/C.3/77/L.6/Rev.1", None, "L-rev"), ("A/80/L.2/Rev.1*", None, "L-rev"),
    ("A/C.3/77/L.6/Add.1", None, "L"), (None, "revised draft resolution", "L-rev"),
    (None, "projet de résolution", "L"), (None, "resolution", "adopted"), (None, None, None)])
def test_stage_from_symbol_and_masthead(symbol, kind, stage) -> None:
    assert stage_of(symbol, kind) == stage


def test_dates() -> None:
    assert iso_date("15 September 2025") == "2025-09-15"
    assert iso_date("1er octobre 2022") == "2022-10-01"
    assert iso_date("3 de noviembre de 2023") == "2023-11-03"
    assert iso_date("someday") is None


def test_trailers_round_trip_and_user_messages_cannot_forge_them() -> None:
    version = v(1, "informal", round_=2, session=77)
    message = commit_message(version, "Resdiff-Stage: adopted\n\nafter the Tuesday round")
    assert parse_trailers(version.commit, message) == version
    assert parse_trailers("0" * 40, "plain git commit\n\nSigned-off-by: x") is None
    with pytest.raises(StoreError, match="control character"):
        commit_message(v(1, "L", symbol="A/80/L.6\nResdiff-Stage: adopted"), None)


def test_names() -> None:
    versions = [v(1, "L", "A/C.3/77/L.6", language="fr"), v(2, "L", "A/C.3/77/L.6"),
                v(3, "informal", None, round_=1), v(4, "informal", None, round_=2)]
    series = ["traite-des-femmes-et-des-filles"]
    assert len(select(versions, "A/C.3/77/L.6", series)) == 2
    assert select(versions, "A/C.3/77/L.6:fr", series) == [versions[0]]
    assert select(versions, "traite-des-femmes@informal-1", series) == [versions[2]]
    assert select(versions, "traite@informal:en", series) == [versions[3]]
    with pytest.raises(StoreError, match="no series"):
        select(versions, "cuba@L", series)


def test_the_rules_base() -> None:
    previous = v(1, "adopted", "A/RES/77/194", session=77)
    zero = v(2, "zero", session=79)
    r1, r2 = v(3, "informal", round_=1, session=79), v(4, "informal", round_=2, session=79)
    l6 = v(5, "L", "A/C.3/79/L.6", session=79)
    rev1 = v(6, "L-rev", "A/C.3/79/L.6/Rev.1", session=79)
    rev2 = v(7, "L-rev", "A/C.3/79/L.6/Rev.2", session=79)
    oral = v(8, "oral", session=79)
    adopted = v(9, "adopted", "A/RES/79/100", session=79, adopted_from="A/C.3/79/L.6/Rev.2")
    alone = v(10, "adopted", "A/RES/79/101", session=79)
    all_ = [previous, zero, r1, r2, l6, rev1, rev2, oral, adopted]
    assert base_of(zero, all_) == previous
    assert base_of(r1, all_) == zero
    assert base_of(r2, all_) == r1
    assert base_of(l6, all_) == previous
    assert base_of(rev1, all_) == l6
    assert base_of(rev2, all_) == rev1
    assert base_of(oral, all_) == rev2
    assert base_of(adopted, all_) == rev2
    assert base_of(alone, all_ + [alone]) == oral  # no adopted_from: its last draft
    assert base_of(previous, all_) is None
    assert base_of(v(11, "L", "A/C.3/79/L.6", language="fr"), all_) is None
