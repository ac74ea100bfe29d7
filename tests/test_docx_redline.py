"""The Word redline (`resdiff diff --format docx`): real tracked changes that give back both texts.

Checked by reading the XML: accepting every change gives the new draft's text, rejecting every
change the old one (operative numbers follow the new version); the count of ``w:ins`` and
``w:del`` follows from the JSON comparison by the rules in `resdiff.render_docx`. LibreOffice
(headless) converts the redline to PDF without error, and its first page is saved as a PNG in
test-artifacts/ for a person to look at.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from resdiff.cli import main
from resdiff.compare import JOIN, Comparison, compare
from resdiff.model import Draft
from resdiff.parse import parse_file
from resdiff.render_docx import render_docx
from tests.support.fixtures_office import (
    W,
    negotiated,
    redline_count,
    redline_document,
    redline_paragraphs,
)

ROOT = Path(__file__).resolve().parent.parent
DRAFTS = ROOT / "drafts"
ARTIFACTS = ROOT / "test-artifacts"
DATE = datetime(2022, 10, 3, 10, 0, tzinfo=UTC)
PAIRS = [("A_RES_79_7_en.txt", "A_80_L.6_en.txt"), ("A_80_L.2_en.txt", "A_RES_80_1_en.txt"),
         ("A_RES_79_6_en.txt", "A_80_L.9_en.txt"), ("A_80_L.7_en.txt", "A_RES_80_7_en.txt"),
         ("A_RES_79_6_en.txt", "A_80_L.7_en.txt")]  # the last: two unrelated drafts


def texts(d: Draft) -> list[str]:
    """Title, organ line, paragraphs, then the footnotes as the redline lists them."""
    out = [d.title, d.organ, *(p.text for p in d.paragraphs)]
    if d.footnotes:
        out += ["__________________", *(f"{f.number}\t{f.text}" for f in d.footnotes)]
    return out


def unnumbered(paragraphs: list[str], draft: Draft) -> list[str]:
    """The redline's paragraphs without the operative numbers before their text."""
    body = len(draft.paragraphs) + 2
    return [re.sub(r"^\d+(?: [a-z]+)?\.\t", "", t) if 2 <= i < body else t
            for i, t in enumerate(paragraphs)]


def expected_counts(c: Comparison) -> tuple[int, int]:
    """(w:ins, w:del) as `resdiff.render_docx` promises them from the comparison."""
    old = {p.label: p for p in c.old.paragraphs}
    new = {p.label: p for p in c.new.paragraphs}
    ins = dels = 0
    for change in c.changes:
        if change.kind == "unchanged" and not change.moved:
            continue
        if change.kind in ("added", "deleted") or change.moved:
            ins += 2 * len(change.new)  # the text and the paragraph mark
            dels += 2 * len(change.old)
            continue
        pieces = [(op, piece) for op, text in change.diff for piece in text.split(JOIN)]
        ins += sum(1 for op, piece in pieces if op == "+" and piece)
        dels += sum(1 for op, piece in pieces if op == "-" and piece)
        if change.kind == "split":
            ins += 1 + (new[change.new[1]].number is not None)
        if change.kind == "merged":
            dels += 1 + (old[change.old[1]].number is not None)
    for note in c.footnotes:
        if note.kind in ("added", "deleted"):
            ins, dels = (ins + 2, dels) if note.kind == "added" else (ins, dels + 2)
        elif note.kind == "amended":
            ins += sum(1 for op, _ in note.diff if op == "+")
            dels += sum(1 for op, _ in note.diff if op == "-")
    for a, b in ((c.old.title, c.new.title), (c.old.organ, c.new.organ)):
        if a != b:
            ins, dels = ins + bool(b), dels + bool(a)
    return ins, dels


def check(c: Comparison) -> bytes:
    data = render_docx(c, date=DATE)
    assert unnumbered(redline_paragraphs(data, accept=True), c.new) == texts(c.new)
    assert unnumbered(redline_paragraphs(data, accept=False), c.old) == texts(c.old)
    assert (redline_count(data, "ins"), redline_count(data, "del")) == expected_counts(c)
    return data


@pytest.fixture(scope="module")
def round_trip(seed: Draft) -> Comparison:
    return compare(seed, negotiated(seed))


def test_negotiated_seed_accepts_to_new_and_rejects_to_old(round_trip: Comparison) -> None:
    summary = round_trip.summary()
    assert (summary["moved"], summary["split"], summary["merged"], summary["added"],
            summary["deleted"]) == (1, 1, 1, 1, 1)
    check(round_trip)


@pytest.mark.parametrize(("old", "new"), PAIRS, ids=lambda n: n[:-4])
def test_real_families_accept_to_new_and_reject_to_old(old: str, new: str) -> None:
    check(compare(parse_file(DRAFTS / old), parse_file(DRAFTS / new)))


def test_changes_are_by_resdiff_with_the_date(round_trip: Comparison) -> None:
    data = render_docx(round_trip, date=DATE)
    root = redline_document(data)
    marks = [*root.iter(W + "ins"), *root.iter(W + "del")]
    assert marks and {m.get(W + "author") for m in marks} == {"resdiff"}
    assert {m.get(W + "date") for m in marks} == {"2022-10-03T10:00:00Z"}
    ids = [m.get(W + "id") for m in marks]
    assert len(ids) == len(set(ids))


def test_a_move_is_named_in_comments(round_trip: Comparison) -> None:
    data = render_docx(round_trip, date=DATE)
    comments = zipfile.ZipFile(__import__("io").BytesIO(data)).read("word/comments.xml")
    text = comments.decode("utf-8")
    assert "Moved from PP3 of the old version, amended" in text
    assert "Moved to PP7 of the new version" in text


def test_the_same_comparison_gives_the_same_bytes(round_trip: Comparison) -> None:
    assert render_docx(round_trip, date=DATE) == render_docx(round_trip, date=DATE)


def test_identical_drafts_give_no_tracked_change(seed: Draft) -> None:
    data = check(compare(seed, seed))
    assert redline_count(data, "ins") == redline_count(data, "del") == 0


def test_cli_writes_a_word_redline(tmp_path: Path) -> None:
    out = tmp_path / "redline.docx"
    result = CliRunner().invoke(main, ["diff", str(DRAFTS / PAIRS[0][0]), str(DRAFTS / PAIRS[0][1]),
                                       "--format", "docx", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert redline_count(out.read_bytes(), "ins") > 0


def test_docx_needs_an_output_file() -> None:
    result = CliRunner().invoke(main, ["diff", str(DRAFTS / PAIRS[0][0]), str(DRAFTS / PAIRS[0][1]),
                                       "--format", "docx"])
    assert result.exit_code == 2 and "-o FILE.docx" in result.stderr
    assert result.stdout == ""


def test_libreoffice_opens_the_redline_and_a_page_is_rendered(round_trip: Comparison,
                                                               tmp_path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    pdftoppm = shutil.which("pdftoppm")
    if soffice is None or pdftoppm is None:
        pytest.fail("LibreOffice and poppler-utils are needed: `make test` installs them")
    redline = tmp_path / "redline.docx"
    redline.write_bytes(render_docx(round_trip, date=DATE))
    done = subprocess.run(
        [soffice, "--headless", "--norestore", f"-env:UserInstallation=file://{tmp_path}/lo",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(redline)],
        capture_output=True, text=True, timeout=180)
    pdf = tmp_path / "redline.pdf"
    assert done.returncode == 0 and pdf.exists(), done.stdout + done.stderr
    assert "error" not in done.stderr.lower().replace("failed to launch javaldx", "")
    ARTIFACTS.mkdir(exist_ok=True)
    for old in ARTIFACTS.glob("redline-page*.png"):
        old.unlink()
    subprocess.run([pdftoppm, "-png", "-r", "80", "-f", "1", "-l", "1", str(pdf),
                    str(ARTIFACTS / "redline-page")], check=True, timeout=120)
    shutil.copy(redline, ARTIFACTS / "redline.docx")
    assert list(ARTIFACTS.glob("redline-page*.png"))
