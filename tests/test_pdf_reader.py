"""Reading PDF drafts from their characters: the same `Draft` as from the text.

The PDF fixtures (`tests.support.fixtures_office.build_pdf`) are printed from the seed and the
English corpus the way the UN prints a draft: justified lines drawn word by word (no space
characters), long words hyphenated at line ends, superscript footnote markers, a running header
(symbol and running title) and footer (job number and folio), each page's footnotes under a rule.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from resdiff.cli import main
from resdiff.model import Draft, InputError
from resdiff.parse import parse_file, parse_source
from resdiff.read.pdf import read_pdf
from tests.conftest import CORPUS, SEED
from tests.support.fixtures_office import build_pdf, carried


@pytest.fixture(scope="module")
def seed_pdf(seed: Draft) -> bytes:
    return build_pdf(seed)


def test_seed_as_pdf_reads_as_the_text(seed: Draft, seed_pdf: bytes) -> None:
    got = parse_source(read_pdf(seed_pdf, "L6.pdf"))
    assert carried(got) == carried(seed)
    assert got.warnings == ()


def test_the_seed_pdf_has_what_text_extraction_stumbles_on(seed_pdf: bytes) -> None:
    from pdfminer.high_level import extract_text

    lines = extract_text(io.BytesIO(seed_pdf)).splitlines()
    assert sum(1 for line in lines if line.rstrip().endswith("-")) >= 10  # hyphenated breaks
    assert sum(1 for line in lines if "Traite des femmes et des filles" in line) > 5  # header
    assert any(line.strip() == "22-22988" for line in lines)


def test_markers_are_read_from_superscripts(seed: Draft, seed_pdf: bytes) -> None:
    source = read_pdf(seed_pdf, "L6.pdf")
    assert source.text.count("__________________") == 1
    assert "organisée1 et" in source.text or "organisée 1 et" in source.text or all(
        p.notes for p in seed.paragraphs if p.label == "PP2")
    numbers = [n for p in parse_source(source).paragraphs for n in p.notes]
    assert numbers == [f.number for f in seed.footnotes]


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.stem)
def test_corpus_as_pdf_reads_as_the_text(path: Path) -> None:
    original = parse_file(path)
    assert carried(parse_source(read_pdf(build_pdf(original), "x.pdf"))) == carried(original)


def test_cli_parse_of_a_pdf_gives_the_same_json(tmp_path: Path, seed_pdf: bytes) -> None:
    path = tmp_path / "L6.pdf"
    path.write_bytes(seed_pdf)
    runner = CliRunner()
    from_pdf = runner.invoke(main, ["parse", str(path), "--format", "json"])
    from_text = runner.invoke(main, ["parse", str(SEED), "--format", "json"])
    assert from_pdf.exit_code == 0, from_pdf.output
    a, b = json.loads(from_pdf.stdout), json.loads(from_text.stdout)
    a.pop("warnings"), b.pop("warnings")
    assert a == b


def _scanned() -> bytes:
    """A page with a picture and no text, as a scanner makes it."""
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    canvas = Canvas(out)
    canvas.drawImage(ImageReader(Image.new("L", (200, 280), 230)), 50, 50, 400, 560)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def _locked() -> bytes:
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    canvas = Canvas(out, encrypt=StandardEncryption("secret", canPrint=0))
    canvas.drawString(72, 720, "L’Assemblée générale,")
    canvas.showPage()
    canvas.save()
    return out.getvalue()


@pytest.mark.parametrize(("make", "says"), [
    (_scanned, "needs OCR"),
    (_locked, "password-protected"),
    (lambda: b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage", "damaged"),
    (lambda: b"plain text named .pdf\n", "not a PDF"),
])
def test_bad_pdfs_get_one_line_and_exit_2(tmp_path: Path, make, says: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "bad.pdf"
    path.write_bytes(make())
    result = CliRunner().invoke(main, ["parse", str(path)])
    assert result.exit_code == 2, result.output
    assert says in result.stderr and result.stderr.count("\n") == 1
    assert result.stdout == ""


def test_truncated_pdf_is_refused(seed_pdf: bytes) -> None:
    with pytest.raises(InputError):
        read_pdf(seed_pdf[:2000], "cut.pdf")
