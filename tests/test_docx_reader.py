"""Reading Word (.docx) drafts: the same `Draft` as from the text, whatever Word does with it.

Fixtures are built from the seed and the English corpus (`tests.support.fixtures_office`):
automatic and typed operative numbering, real Word footnotes, italic openers, the symbol in the
page header, tracked changes. What is compared is what the Word file carries: symbol, title,
organ line, paragraphs (label, part, text, notes, number) and footnotes.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from resdiff.cli import main
from resdiff.model import Draft, InputError
from resdiff.parse import parse_file, parse_source
from resdiff.read.docx import read_docx
from tests.conftest import CORPUS, SEED
from tests.support.fixtures_office import Tracked, build_docx, carried, encrypt_docx


def read(data: bytes, **kwargs: str) -> Draft:
    return parse_source(read_docx(data, "draft.docx", **kwargs))  # type: ignore[arg-type]


@pytest.mark.parametrize("numbering", ["automatic", "typed"])
def test_seed_as_word_reads_as_the_text(seed: Draft, numbering: str) -> None:
    got = read(build_docx(seed, numbering=numbering))
    assert carried(got) == carried(seed)
    assert got.warnings == ()


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.stem)
def test_corpus_as_word_reads_as_the_text(path: Path) -> None:
    original = parse_file(path)
    assert carried(read(build_docx(original))) == carried(original)


def test_footnotes_are_word_footnotes_and_markers_exact(seed: Draft) -> None:
    source = read_docx(build_docx(seed), "draft.docx")
    # The footnote texts come from the footnotes part, under one rule at the end.
    assert source.text.count("__________________") == 1
    assert "\n1 Nations Unies, Recueil des Traités, vol. 2225, no 39574.\n" in source.text


TRACKED = Tracked(replace=("OP2", "Invite"), inserted="PP3", deleted_after="OP5",
                  deleted_text="6. Décide de rester saisie de la question.")


def test_tracked_changes_read_as_the_current_text_by_default(seed: Draft) -> None:
    assert carried(read(build_docx(seed, tracked=TRACKED))) == carried(seed)


def test_tracked_changes_base_reads_the_text_before_them(seed: Draft) -> None:
    base = read(build_docx(seed, tracked=TRACKED), tracked="base")
    texts = [p.text for p in base.paragraphs]
    new = {p.label: p for p in seed.paragraphs}
    assert new["PP3"].text not in texts  # inserted since
    op2 = next(p for p in base.paragraphs if p.number == 2)
    assert op2.text == "Invite" + new["OP2"].text[len(new["OP2"].text.split(" ")[0]):]
    assert "Décide de rester saisie de la question." in texts  # deleted since
    assert len(base.paragraphs) == len(seed.paragraphs)  # one gone, one back


def test_tables_are_skipped_with_a_warning(seed: Draft) -> None:
    got = read(build_docx(seed, table=True))
    assert carried(got) == carried(seed)
    assert any("1 table skipped" in w for w in got.warnings)


def test_cli_parse_of_word_gives_the_same_json(tmp_path: Path, seed: Draft) -> None:
    path = tmp_path / "L6.docx"
    path.write_bytes(build_docx(seed))
    runner = CliRunner()
    from_word = runner.invoke(main, ["parse", str(path), "--format", "json"])
    from_text = runner.invoke(main, ["parse", str(SEED), "--format", "json"])
    assert from_word.exit_code == 0, from_word.output
    a, b = json.loads(from_word.stdout), json.loads(from_text.stdout)
    a.pop("warnings"), b.pop("warnings")
    assert a == b


@pytest.mark.parametrize(("content", "says"), [
    (b"PK\x03\x04 this is not a zip at all", "damaged or not a Word file"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "old binary Word (.doc)"),
])
def test_bad_word_files_get_one_line_and_exit_2(tmp_path: Path, content: bytes,
                                                says: str) -> None:
    path = tmp_path / "bad.docx"
    path.write_bytes(content)
    result = CliRunner().invoke(main, ["parse", str(path)])
    assert result.exit_code == 2
    assert says in result.stderr and result.stderr.count("\n") == 1
    assert result.stdout == ""


def test_password_protected_word_file_is_refused(tmp_path: Path, seed: Draft) -> None:
    path = tmp_path / "locked.docx"
    path.write_bytes(encrypt_docx(build_docx(seed), "secret"))
    result = CliRunner().invoke(main, ["parse", str(path)])
    assert result.exit_code == 2
    assert "password-protected" in result.stderr and result.stderr.count("\n") == 1


def test_truncated_word_file_is_refused(seed: Draft) -> None:
    data = build_docx(seed)
    with pytest.raises(InputError, match="damaged"):
        read_docx(data[: len(data) // 2], "cut.docx")


def test_old_doc_says_how_to_convert(tmp_path: Path) -> None:
    path = tmp_path / "old.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    result = CliRunner().invoke(main, ["parse", str(path)])
    assert result.exit_code == 2 and "--convert-to docx" in result.stderr


def test_text_path_does_not_import_the_office_readers() -> None:
    code = (
        "import sys; from resdiff.cli import main; from resdiff.parse import parse_file; "
        f"parse_file({str(SEED)!r}); "
        "bad = [m for m in ('resdiff.read.docx', 'resdiff.read.pdf', 'pypdfium2', "
        "'resdiff.render_docx') if m in sys.modules]; print(bad); sys.exit(bool(bad))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_tracked_option_on_the_command_line(seed: Draft, tmp_path: Path) -> None:
    """`--tracked base` on parse: the Word file as it stood before its changes."""
    path = tmp_path / "A_C.3_77_L.6_fr.generated-tracked.docx"
    path.write_bytes(build_docx(seed, tracked=TRACKED))
    runner = CliRunner()
    now = runner.invoke(main, ["parse", str(path), "--format", "json"])
    before = runner.invoke(main, ["parse", str(path), "--format", "json", "--tracked", "base"])
    assert now.exit_code == 0 and before.exit_code == 0
    texts_now = [p["text"] for p in json.loads(now.stdout)["paragraphs"]]
    texts_before = [p["text"] for p in json.loads(before.stdout)["paragraphs"]]
    assert seed.paragraph("PP3").text in texts_now  # type: ignore[union-attr]
    assert seed.paragraph("PP3").text not in texts_before  # type: ignore[union-attr]


def test_tracked_base_when_adding_to_the_store(seed: Draft, tmp_path: Path) -> None:
    path = tmp_path / "A_C.3_77_L.6_fr.generated-tracked.docx"
    path.write_bytes(build_docx(seed, tracked=TRACKED))
    runner = CliRunner()
    store = tmp_path / "store"
    env = {"GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
           "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org"}
    assert runner.invoke(main, ["init", str(store)], env=env).exit_code == 0
    added = runner.invoke(main, ["add", str(path), "--tracked", "base", "--store", str(store),
                                 "--symbol", "A/C.3/77/L.6"], env=env)
    assert added.exit_code == 0, added.output
    added = runner.invoke(main, ["add", str(path), "--store", str(store), "--stage", "L-rev",
                                 "--symbol", "A/C.3/77/L.6/Rev.1"], env=env)
    assert added.exit_code == 0, added.output
    diff = runner.invoke(main, ["diff", "A/C.3/77/L.6", "A/C.3/77/L.6/Rev.1", "--store",
                                str(store), "--format", "json"], env=env)
    assert diff.exit_code == 0, diff.output
    summary = json.loads(diff.stdout)["summary"]
    assert summary["added"] >= 1  # PP3, inserted as a tracked change
