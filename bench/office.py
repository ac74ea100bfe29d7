"""Word and PDF, for ``make bench``: reading the seed as .docx and as .pdf, writing the redline.

The seed's Word and PDF files are built as the reader tests build them
(`tests.support.fixtures_office`): Word list numbering, real footnotes; a 14-page PDF with
superscript markers, running headers and footers and footnote blocks. Each reading row also says
whether the structure read equals the text's. The redline is the seed against a negotiated
round of it (a move, a split, a merge, an addition, a deletion), as `tests/test_docx_redline.py`
makes it.
"""

from __future__ import annotations

from functools import cache

from bench.common import SEED, Row, median_seconds, ms
from resdiff.compare import Comparison, compare
from resdiff.model import Draft
from resdiff.parse import parse_file, parse_source
from resdiff.read.docx import read_docx
from resdiff.read.pdf import read_pdf
from resdiff.render_docx import render_docx
from tests.support.fixtures_office import build_docx, build_pdf, negotiated

DOCX_RUNS = 10
PDF_RUNS = 3
REDLINE_RUNS = 10


@cache
def _seed() -> Draft:
    return parse_file(SEED)


def _same(read: Draft) -> str:
    seed = _seed()
    fields = ("symbol", "title", "organ", "paragraphs", "footnotes")
    return "same structure" if all(getattr(read, f) == getattr(seed, f) for f in fields) \
        else "STRUCTURE DIFFERS"


def docx_read_time() -> Row:
    data = build_docx(_seed())
    seconds = median_seconds(lambda: parse_source(read_docx(data, "seed.docx")), DOCX_RUNS)
    same = _same(parse_source(read_docx(data, "seed.docx")))
    return Row(f"read + parse the seed as .docx ({len(data) // 1000} kB, median of {DOCX_RUNS})",
               f"{ms(seconds)}, {same}", "< 300 ms, same", seconds < 0.3 and same[0] == "s")


def pdf_read_time() -> Row:
    data = build_pdf(_seed())
    seconds = median_seconds(lambda: parse_source(read_pdf(data, "seed.pdf")), PDF_RUNS)
    same = _same(parse_source(read_pdf(data, "seed.pdf")))
    return Row(f"read + parse the seed as .pdf (14 pages, median of {PDF_RUNS})",
               f"{ms(seconds)}, {same}", "< 5 s, same", seconds < 5.0 and same[0] == "s")


@cache
def _round() -> Comparison:
    return compare(_seed(), negotiated(_seed()))


def redline_time() -> Row:
    comparison = _round()
    seconds = median_seconds(lambda: render_docx(comparison), REDLINE_RUNS)
    size = len(render_docx(comparison))
    return Row(f"write the .docx redline of the seed vs a round ({size // 1000} kB, median of "
               f"{REDLINE_RUNS})", ms(seconds), "< 200 ms", seconds < 0.2)


MEASURES = [docx_read_time, pdf_read_time, redline_time]
