"""The `resdiff` command as a user runs it: exit codes, stdout and stderr apart, one-line
errors that name the file."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from resdiff.cli import main
from tests.support.cli import run

from .conftest import SEED


def test_parse_json_contract() -> None:
    code, out, err = run("parse", str(SEED), "--format", "json")
    assert code == 0 and err == ""
    data = json.loads(out)
    for key in ["symbol", "language", "title", "organ", "sponsors", "session", "agenda_item",
                "paragraphs", "footnotes", "warnings"]:
        assert key in data
    assert data["symbol"] == "A/C.3/77/L.6" and data["session"] == 77
    pp1 = data["paragraphs"][0]
    assert pp1 == {
        "label": "PP1", "part": "preamble", "text": pp1["text"], "notes": [],
        "note_at": [], "items": pp1["items"]}
    # Added key: the sub-paragraphs a) and b) of PP1, each where it stands in the text.
    assert [(i["label"], i["text"][:25]) for i in pp1["items"]] == [
        ("a)", "a) la mise en œuvre d’une"), ("b)", "b) une action pénale prop")]
    assert all(pp1["text"][i["start"]:].startswith(i["text"]) for i in pp1["items"])
    op1 = data["paragraphs"][36]
    assert (op1["label"], op1["part"], op1["number"], op1["notes"]) == (
        "OP1", "operative", 1, [17])
    # Added key: where the marker stands in the text.
    assert op1["text"][:op1["note_at"][0]].endswith("du rapport du Secrétaire général")
    assert data["footnotes"][0] == {
        "number": 1, "text": "Nations Unies, Recueil des Traités, vol. 2225, no 39574."}


def test_parse_text_view() -> None:
    code, out, _ = run("parse", str(SEED))
    assert code == 0
    assert out.startswith("A/C.3/77/L.6  [fr]  Traite des femmes et des filles\n")
    assert "36 preambular, 52 operative paragraphs, 34 footnotes" in out
    assert "\nOP52   Prie le Secrétaire général" in out


def test_parse_canonical_round_trips() -> None:
    from resdiff.canonical import deserialize
    from resdiff.parse import parse_file

    code, out, _ = run("parse", str(SEED), "--format", "canonical")
    assert code == 0
    assert deserialize(out) == parse_file(SEED)


def _error(args: list[str]) -> str:
    code, out, err = run(*args)
    assert code == 2, (code, out, err)
    assert out == ""
    assert "Traceback" not in err
    assert err.count("\n") == 1, err
    return err


def test_missing_file(tmp_path: Path) -> None:
    err = _error(["parse", str(tmp_path / "nope.txt")])
    assert "nope.txt: no such file" in err


def test_directory(tmp_path: Path) -> None:
    assert "is a directory" in _error(["parse", str(tmp_path)])


def test_empty_file(tmp_path: Path) -> None:
    f = tmp_path / "empty.txt"
    f.write_text("   \n\n")
    assert f"{f}: the file is empty" in _error(["parse", str(f)])


def test_binary_file(tmp_path: Path) -> None:
    f = tmp_path / "scan.txt"
    f.write_bytes(bytes(range(256)) * 4)
    assert f"{f}: binary data" in _error(["parse", str(f)])


@pytest.mark.parametrize("ext,words", [
    (".doc", "old binary Word"), (".xlsx", "unknown file type '.xlsx'"),
])
def test_unknown_or_unsupported_extension(tmp_path: Path, ext: str, words: str) -> None:
    f = tmp_path / f"draft{ext}"
    f.write_bytes(b"anything")
    err = _error(["parse", str(f)])
    assert str(f) in err and words in err


@pytest.mark.parametrize("encoding,bom,warning", [
    ("utf-8", codecs.BOM_UTF8, "UTF-8 with a byte order mark"),
    ("utf-16-le", codecs.BOM_UTF16_LE, "UTF-16"),
    ("cp1252", b"", "Windows-1252"),
])
def test_other_encodings_are_read_and_named(
    tmp_path: Path, encoding: str, bom: bytes, warning: str
) -> None:
    f = tmp_path / "draft.txt"
    text = SEED.read_text("utf-8")
    if encoding == "cp1252":
        text = text.replace("œ", "oe").encode("cp1252", errors="replace").decode("cp1252")
    f.write_bytes(bom + text.replace("\n", "\r\n").encode(encoding))
    code, out, err = run("parse", str(f), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert any(warning in w and str(f) in w for w in data["warnings"])
    assert f"warning: {f}: " in err
    assert len([p for p in data["paragraphs"] if p["part"] == "operative"]) == 52


def test_traceback_switch_shows_the_traceback(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["--traceback", "parse", str(tmp_path / "nope.txt")])
    assert result.exit_code != 0 and result.exception is not None


def test_every_command_has_help_with_an_example() -> None:
    for name in main.commands:
        result = CliRunner().invoke(main, [name, "--help"])
        assert result.exit_code == 0
        assert "Example:" in result.stdout, name
