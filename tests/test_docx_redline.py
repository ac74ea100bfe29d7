"""The Word redline (`resdiff diff --format docx`): real tracked changes that give back both texts.

Checked by reading the XML: accepting every change gives the new draft's text, rejecting every
change the old one (operative numbers follow the new version); the footnotes are Word footnotes
referenced where the markers stand, whose texts accept to the new draft's and reject to the old
one's; the count of ``w:ins`` and ``w:del`` follows from the JSON comparison by the rules in
`resdiff.render_docx`. LibreOffice (headless) converts the redline to PDF without error, and its
first page is saved as a PNG in test-artifacts/ for a person to look at.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from resdiff.cli import main
from resdiff.compare import JOIN, Comparison, FootnoteChange, compare
from resdiff.model import Draft, Footnote, Paragraph
from resdiff.parse import parse_file
from resdiff.render_docx import render_docx
from tests.support.fixtures_office import (
    W,
    negotiated,
    redline_count,
    redline_document,
    redline_footnote_ids,
    redline_notes,
    redline_paragraphs,
)

ROOT = Path(__file__).resolve().parent.parent
DRAFTS = ROOT / "drafts"
ARTIFACTS = ROOT / "test-artifacts"
DATE = datetime(2022, 10, 3, 10, 0, tzinfo=UTC)
PAIRS = [("A_RES_79_7_en.txt", "A_80_L.6_en.txt"), ("A_80_L.2_en.txt", "A_RES_80_1_en.txt"),
         ("A_RES_79_6_en.txt", "A_80_L.9_en.txt"), ("A_80_L.7_en.txt", "A_RES_80_7_en.txt"),
         ("A_RES_79_6_en.txt", "A_80_L.7_en.txt")]  # the last: two unrelated drafts


def placed(d: Draft) -> set[int]:
    """Numbers of the footnotes whose marker place is known."""
    return {n for p in d.paragraphs for n, _ in zip(p.notes, p.note_at, strict=False)}


def listed(c: Comparison) -> list[FootnoteChange]:
    """The footnote changes the redline lists after the body: those without a known place."""
    return [f for f in c.footnotes
            if not (int(f.old[0][2:]) in placed(c.old) if f.kind == "deleted"
                    else int(f.new[0][2:]) in placed(c.new))]


def texts(c: Comparison, *, accept: bool) -> list[str]:
    """Title, organ line, paragraphs, then the footnotes without a known place as the redline
    lists them (``N<tab>text``, numbered as in the new version)."""
    d = c.new if accept else c.old
    out = [d.title, d.organ, *(p.text for p in d.paragraphs)]
    shown = [f for f in listed(c) if f.kind != ("deleted" if accept else "added")]
    if shown:
        out.append("__________________")
    for f in shown:
        label = (f.new or f.old)[0]
        side = {n.number: n.text for n in d.footnotes}
        out.append(f"{label[2:]}\t{side[int((f.new if accept else f.old)[0][2:])]}")
    return out


def note_texts(d: Draft, paragraphs: list[Paragraph]) -> list[str]:
    by_number = {f.number: f.text for f in d.footnotes}
    return [by_number[n] for p in paragraphs for n, _ in zip(p.notes, p.note_at, strict=False)]


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
    assert unnumbered(redline_paragraphs(data, accept=True), c.new) == texts(c, accept=True)
    assert unnumbered(redline_paragraphs(data, accept=False), c.old) == texts(c, accept=False)
    assert (redline_count(data, "ins"), redline_count(data, "del")) == expected_counts(c)
    # Word footnotes: accepting every change leaves the new draft's, in the order of its markers.
    assert redline_notes(data, accept=True) == note_texts(c.new, list(c.new.paragraphs))
    deleted = [f for f in c.footnotes if f.kind == "deleted" and f not in listed(c)]
    assert len(redline_footnote_ids(data)) == len(placed(c.new)) + len(deleted)
    # Rejecting every change shows old footnote texts only, every deleted footnote among them.
    rejected = redline_notes(data, accept=False)
    old_texts = {f.text for f in c.old.footnotes}
    assert set(rejected) <= old_texts
    assert all(f.diff[0][1] in rejected for f in deleted)
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
    for old in ARTIFACTS.glob("redline*-page*.png"):
        old.unlink()
    subprocess.run([pdftoppm, "-png", "-r", "80", "-f", "1", "-l", "1", str(pdf),
                    str(ARTIFACTS / "redline-generated-page")], check=True, timeout=120)
    shutil.copy(redline, ARTIFACTS / "redline-generated.docx")
    assert list(ARTIFACTS.glob("redline-generated-page*.png"))


def renumbered(seed: Draft) -> Draft:
    """The seed with footnote 3 (in PP2) deleted and a footnote added at the end of OP1's text,
    the footnotes renumbered in the order of their markers."""
    def number(n: int) -> int:
        return n if n < 3 or n >= 18 else n - 1

    paragraphs = []
    for p in seed.paragraphs:
        kept = [(number(n), a) for n, a in zip(p.notes, p.note_at, strict=True) if n != 3]
        if p.label == "OP1":
            kept.append((17, len(p.text)))
        paragraphs.append(replace(p, notes=tuple(n for n, _ in kept),
                                  note_at=tuple(a for _, a in kept)))
    notes = [replace(f, number=number(f.number)) for f in seed.footnotes if f.number != 3]
    notes.insert(16, Footnote(17, "Voir A/77/292."))
    return replace(seed, paragraphs=tuple(paragraphs), footnotes=tuple(notes))


def test_added_and_deleted_footnotes_in_unchanged_text(seed: Draft) -> None:
    c = compare(seed, renumbered(seed))
    assert [f.kind for f in c.footnotes if f.kind != "unchanged"] == ["deleted", "added"]
    assert c.summary()["unchanged"] == len(seed.paragraphs)  # markers are not text
    data = check(c)
    # The new footnote's reference is inserted, the deleted one's deleted, each on its own.
    assert redline_count(data, "ins", references=True) == 1
    assert redline_count(data, "del", references=True) == 1
    assert redline_notes(data, accept=False) == note_texts(seed, list(seed.paragraphs))
    assert redline_notes(data, accept=True)[16] == "Voir A/77/292."


def test_footnotes_without_known_places_are_listed_after_the_body(seed: Draft) -> None:
    def unplaced(d: Draft) -> Draft:
        return replace(d, paragraphs=tuple(replace(p, note_at=()) for p in d.paragraphs))

    c = compare(unplaced(seed), unplaced(renumbered(seed)))
    data = check(c)
    assert redline_footnote_ids(data) == []
    assert "word/footnotes.xml" not in zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert redline_paragraphs(data, accept=True)[-35] == "__________________"


def test_footnote_references_stand_where_the_markers_stand(seed: Draft) -> None:
    data = render_docx(compare(seed, seed), date=DATE)
    body = redline_document(data).find(W + "body")
    assert body is not None
    op1 = next(p for p in body.iter(W + "p")
               if "".join(t.text or "" for t in p.iter(W + "t")).startswith("1.Prend note"))
    before = ""
    for run in op1.iter(W + "r"):
        if run.find(W + "footnoteReference") is not None:
            style = run.find(f"{W}rPr/{W}rStyle")
            assert style is not None and style.get(W + "val") == "FootnoteReference"
            break
        before += "".join(t.text or "" for t in run.iter(W + "t"))
    assert before.endswith("du rapport du Secrétaire général")
