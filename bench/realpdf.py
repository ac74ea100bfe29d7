"""Real UN PDFs (../shared/corpus/pdf): how fast they are read, and how many exactly, as PDF and
as the text each common extraction tool makes of them; and how long a whole command takes beside
a bare Python start.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path

from bench.common import SEED, Row, median_seconds, ms
from resdiff.parse import parse_source, parse_text
from resdiff.read.pdf import read_pdf
from resdiff.read.source import Source
from tests.support.real_pdfs import (
    LAYOUTS,
    PASTES,
    PDF_DIR,
    documents,
    layout_text,
    paste_text,
    problems,
    truth,
)

RUNS = 5
CLI_RUNS = 7
TEN_PAGES = "A_C.3_80_L.2"
"""A draft of eleven pages with 22 footnotes, 21 PPs and 74 OPs."""


def _pdf_bytes(name: str) -> bytes:
    return (PDF_DIR / f"{name}.pdf").read_bytes()


def _bare_extraction(data: bytes) -> int:
    """What PDFium alone needs to give every character with its box: the floor under any
    reader built on it."""
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    box = [ctypes.c_double() for _ in range(4)]
    refs = [ctypes.byref(v) for v in box]
    count = 0
    document = pdfium.PdfDocument(data)
    for number in range(len(document)):
        handle = document[number].get_textpage().raw
        for i in range(raw.FPDFText_CountChars(handle)):
            raw.FPDFText_GetUnicode(handle, i)
            raw.FPDFText_GetCharBox(handle, i, *refs)
            count += 1
    return count


def pdf_time() -> Row:
    data = _pdf_bytes(TEN_PAGES)
    text = (PDF_DIR / f"{TEN_PAGES}.txt").read_text("utf-8")
    pdf = median_seconds(lambda: parse_source(read_pdf(data, "x.pdf")), RUNS)
    plain = median_seconds(lambda: parse_source(Source("x.txt", text, "text")), RUNS)
    bare = median_seconds(lambda: _bare_extraction(data), RUNS)
    ratio = pdf / plain
    return Row(f"read + parse {TEN_PAGES}.pdf (11 pages) / its text; PDFium's bare extraction "
               f"{ms(bare)} (median of {RUNS})",
               f"{ms(pdf)} = {ratio:.1f} x text ({ms(plain)})", "<= 2 x text, < 300 ms",
               ratio <= 2 and pdf < 0.3)


def slowest_pdf() -> Row:
    worst, name = 0.0, ""
    for doc in documents():
        data = _pdf_bytes(doc)
        seconds = median_seconds(lambda data=data: parse_source(read_pdf(data, "x.pdf")), 3)
        if seconds > worst:
            worst, name = seconds, doc
    return Row(f"read + parse the slowest of the {len(documents())} real PDFs (median of 3)",
               f"{ms(worst)} ({name})", "< 1 s", worst < 1.0)


@cache
def _exact(kind: str) -> tuple[int, int]:
    names = documents()
    exact = 0
    for name in names:
        if kind == "pdf":
            draft = parse_source(read_pdf(_pdf_bytes(name), name))
        elif kind in PASTES:
            draft = parse_text(paste_text(name, kind), name=name)
        else:
            draft = parse_text(layout_text(name, kind), name=name)
        exact += not problems(draft, truth()[name])
    return exact, len(names)


def _exactness(kind: str) -> Callable[[], Row]:
    def row() -> Row:
        exact, total = _exact(kind)
        label = "the PDFs" if kind == "pdf" else f"their {kind} text"
        return Row(f"real PDFs read exactly: {label}", f"{exact}/{total}", f"{total}/{total}",
                   exact == total)
    row.__name__ = f"exact_{kind}"
    return row


def _command(*args: str) -> list[str]:
    script = shutil.which("resdiff", path=str(Path(sys.executable).parent))
    return [script, *args] if script else [sys.executable, "-m", "resdiff.cli", *args]


def _wall(command: list[str]) -> float:
    return median_seconds(lambda: subprocess.run(command, check=True, capture_output=True),
                          CLI_RUNS)


def cli_times() -> Row:
    """`resdiff parse` of the seed and `resdiff diff` of the seed and a generated revision of
    it, each a new process as a user runs it, beside a bare Python start."""
    from bench.alignment import _seed_pair

    bare = _wall([sys.executable, "-c", "pass"])
    parse = _wall(_command("parse", str(SEED)))
    with tempfile.TemporaryDirectory() as tmp:
        revised = Path(tmp) / "A_C.3_77_L.6_fr.generated-rev1.txt"
        revised.write_text(_seed_pair()[2], "utf-8")
        diff = _wall(_command("diff", str(SEED), str(revised)))
    return Row(f"resdiff parse SEED / resdiff diff SEED REVISION, wall (median of {CLI_RUNS}), "
               f"beside python -c pass {ms(bare)}",
               f"{ms(parse)} = {parse / bare:.1f} x, {ms(diff)} = {diff / bare:.1f} x",
               "<= 5 x python", max(parse, diff) <= 5 * bare)


MEASURES: list[Callable[[], Row]] = [pdf_time, slowest_pdf, _exactness("pdf"),
                                     *[_exactness(k) for k in (*LAYOUTS, *PASTES)], cli_times]
