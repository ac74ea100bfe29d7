"""The reading report: one warning, when it matters, that says where a reading does not hold
together, so that a user knows when to distrust a redline; `add` shows it as `parse` does."""

from __future__ import annotations

from pathlib import Path

import pytest

from resdiff.parse import parse_file, parse_text
from resdiff.sureness import assess
from tests.support.cli import run
from tests.support.real_pdfs import PDF_DIR, documents

pytestmark = pytest.mark.skipif(not (PDF_DIR / "truth.json").exists(),
                                reason="../shared/corpus/pdf is not beside the project")


def _report(warnings: tuple[str, ...]) -> list[str]:
    return [w for w in warnings if "the reading may be wrong here" in w]


def test_no_report_on_the_real_pdfs_read_right() -> None:
    for name in documents():
        assert _report(parse_file(PDF_DIR / f"{name}.pdf").warnings) == [], name


def test_an_operative_number_lost_is_reported() -> None:
    text = (PDF_DIR / "A_C.3_80_L.2.txt").read_text("utf-8").replace(
        "\n25 \nCondemns without reservation", "\nCondemns without reservation")
    report = _report(parse_text(text, name="L2.txt").warnings)
    assert len(report) == 1
    assert "operative numbers missing: 25" in report[0]
    assert report[0].startswith("L2.txt: the reading may be wrong here")


def test_a_footnote_whose_marker_is_lost_is_reported() -> None:
    text = (PDF_DIR / "A_RES_80_88.txt").read_text("utf-8")
    marked = next(line for line in text.splitlines() if "Council,1" in line
                  or "General,1" in line or line.rstrip().endswith(",1"))
    damaged = text.replace(marked, marked.replace(",1", ",", 1))
    report = _report(parse_text(damaged, name="x.txt").warnings)
    assert len(report) == 1 and "no marker found for footnote 1" in report[0]


def test_guessed_paragraphs_and_reader_doubts_are_named(seed) -> None:
    from dataclasses import replace

    broken = replace(seed, paragraphs=tuple(
        replace(p, text=p.text.rstrip(",") + " and") if p.label == "PP3" else p
        for p in seed.paragraphs))
    report = assess(broken, ("page 4: footnote markers 9, 10 but notes 9",))
    assert report is not None
    assert "page 4: footnote markers 9, 10 but notes 9" in report
    assert "1 paragraph guessed (PP3 does not end with a comma)" in report
    assert assess(seed) is None


def test_add_shows_the_warnings_parse_shows(tmp_path: Path, git_identity: None) -> None:
    text = (PDF_DIR / "A_C.3_80_L.2.txt").read_text("utf-8").replace(
        "\n25 \nCondemns without reservation", "\nCondemns without reservation")
    draft = tmp_path / "A_C.3_80_L.2.txt"
    draft.write_text(text, "utf-8")
    _, _, parse_err = run("parse", str(draft))
    assert "operative numbers missing: 25" in parse_err
    store = tmp_path / "store"
    assert run("init", str(store))[0] == 0
    code, out, add_err = run("add", str(draft), "--store", str(store))
    assert code == 0 and out.startswith("Added ")
    assert add_err == parse_err
