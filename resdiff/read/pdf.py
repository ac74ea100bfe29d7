"""Read a PDF draft from its characters' sizes and places, with pdfminer.six.

Text extraction flattens a page into lines and leaves the reader to guess; the characters
themselves say more. What is read, and how:

* lines: characters on one baseline, in reading order (top to bottom, left to right); a
  smaller character raised above the baseline is a superscript: digits there are footnote
  markers (exact, `blocks.Marker`), other letters (``no``, ``1er``) are kept as text;
  spaces come from the gaps between characters where the PDF draws none;
* running headers and footers: lines in the top or bottom band of the page whose text (digits
  aside) comes back on other pages, and page furniture `pages.is_furniture` knows; symbols
  among them are kept, as the parser keeps those of extracted text;
* footnote blocks: the lines under a short rule at the foot of a page (or, without a rule,
  smaller lines at the foot that open with the next footnote number), read as numbered notes;
* paragraphs: a new one starts at an indented line, after a gap wider than the line spacing,
  after a line that stops short of the right margin, or where the font size changes; a
  paragraph goes on across a page break otherwise;
* hyphenation at line ends: a word broken by a hyphen is joined when the joined word stands
  elsewhere in the document, or when a part is no word of the document; a hyphen is kept when
  the hyphenated form stands elsewhere or both parts are words (``celles-ci``).

Guarantees: a `Source` of format ``pdf`` whose text `blocks.render` wrote; a PDF that
cannot be read (damaged, password-protected, a scan without a text layer) is refused with one
`InputError` line that says what to do.
"""

from __future__ import annotations

import logging
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from io import BytesIO
from typing import Any

from ..model import InputError
from .blocks import Block, Marker, Note, render
from .pages import SYMBOL_RE, is_furniture
from .source import Source

SUPERSCRIPT_SIZE = 0.8
"""A character at most this share of its line's size, raised above its baseline, is a
superscript."""
BAND = 0.1
"""Share of the page height, at the top and at the bottom, where running headers and footers
stand."""


@dataclass
class _Char:
    text: str
    x0: float
    x1: float
    base: float
    size: float
    top: float


@dataclass
class _Line:
    chars: list[_Char]
    base: float
    size: float
    page: int
    height: float
    pieces: list[str | Marker] = field(default_factory=list)

    @property
    def x0(self) -> float:
        return min(c.x0 for c in self.chars)

    @property
    def x1(self) -> float:
        return max(c.x1 for c in self.chars)

    def text(self) -> str:
        return "".join(p for p in self.pieces if isinstance(p, str))


def read_pdf(data: bytes, name: str) -> Source:
    """Read a PDF's bytes (see the module docstring)."""
    pages, rules = _characters(data, name)
    if not any(chars for chars, _ in pages):
        raise InputError(
            f"{name}: the PDF has no text layer (a scan?): it needs OCR first, for example "
            "`ocrmypdf FILE.pdf FILE-ocr.pdf`")
    lines = [_lines(chars, number, height) for number, (chars, height) in enumerate(pages)]
    body_size = _body_size(pages)
    furniture, symbols = _furniture(lines)
    blocks: list[Block] = []
    notes: list[Note] = []
    body: list[_Line] = []
    for number, page_lines in enumerate(lines):
        kept = [ln for ln in page_lines if id(ln) not in furniture]
        text_lines, note_lines = _split_notes(kept, rules[number], body_size, notes)
        _read_notes(note_lines, notes)
        body.extend(text_lines)
    blocks = _paragraphs(body, body_size)
    text, warnings = render(blocks, notes, symbols)
    return Source(name=name, text=text, format="pdf",
                  warnings=tuple(f"{name}: {w}" for w in warnings))


# --- characters -------------------------------------------------------------------------------


def _characters(data: bytes, name: str
                ) -> tuple[list[tuple[list[_Char], float]], list[list[float]]]:
    """Per page: its characters and height; and the heights of the short rules drawn on it."""
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.pdfdocument import PDFDocument, PDFPasswordIncorrect
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser
    from pdfminer.psparser import PSException

    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise InputError(f"{name}: damaged or not a PDF (it does not start with %PDF)")
    pages: list[tuple[list[_Char], float]] = []
    rules: list[list[float]] = []
    try:
        document = PDFDocument(PDFParser(BytesIO(data)), password="")
        manager = PDFResourceManager(caching=True)
        device = PDFPageAggregator(manager, laparams=None)
        interpreter = PDFPageInterpreter(manager, device)
        for page in PDFPage.create_pages(document):
            interpreter.process_page(page)
            layout = device.get_result()
            chars, page_rules = _page_content(layout, layout.width)
            pages.append((chars, layout.height))
            rules.append(page_rules)
    except PDFPasswordIncorrect:
        raise InputError(
            f"{name}: the PDF is password-protected: open it with its password and save or "
            "print it to a PDF without one") from None
    except InputError:
        raise
    except (PSException, ValueError, KeyError, TypeError, AttributeError, IndexError,
            AssertionError, EOFError) as err:
        raise InputError(f"{name}: damaged PDF ({_one_line(err)})") from None
    except Exception as err:  # pdfminer raises many kinds on damaged files
        if type(err).__module__.startswith("pdfminer"):
            raise InputError(f"{name}: damaged or encrypted PDF ({_one_line(err)})") from None
        raise
    if not pages:
        raise InputError(f"{name}: damaged PDF (no pages)")
    return pages, rules


def _one_line(err: Exception) -> str:
    return " ".join(f"{type(err).__name__}: {err}".split())[:160]


def _page_content(items: Any, width: float) -> tuple[list[_Char], list[float]]:
    """The printed characters of a page (or figure) and the heights of its short rules."""
    from pdfminer.layout import LTChar, LTCurve, LTFigure, LTLine, LTRect

    chars: list[_Char] = []
    rules: list[float] = []
    for item in items:
        if isinstance(item, LTChar):
            text = item.get_text()
            if text.strip():
                # The glyph's origin: its baseline, raised by the text rise if any.
                chars.append(_Char(text, item.x0, item.x1, item.matrix[5], item.size, item.y1))
        elif isinstance(item, LTFigure):
            more, more_rules = _page_content(item, width)
            chars += more
            rules += more_rules
        elif isinstance(item, (LTLine, LTRect, LTCurve)):
            if item.height < 2 and 0.05 * width < item.width < 0.6 * width:
                rules.append(item.y0)
    return chars, rules


def _body_size(pages: list[tuple[list[_Char], float]]) -> float:
    sizes = Counter(round(c.size, 1) for chars, _ in pages for c in chars)
    return sizes.most_common(1)[0][0] if sizes else 10.0


# --- lines ------------------------------------------------------------------------------------


def _lines(chars: list[_Char], page: int, height: float) -> list[_Line]:
    """Characters grouped into lines, superscripts put on the line they stand above."""
    rows: list[list[_Char]] = []
    for c in sorted(chars, key=lambda c: (-c.base, c.x0)):
        if rows and abs(rows[-1][0].base - c.base) <= 0.15 * max(c.size, rows[-1][0].size):
            rows[-1].append(c)
        else:
            rows.append([c])
    lines = [_Line(r, r[0].base, max(c.size for c in r), page, height) for r in rows]
    # A row of small characters just above a row of larger ones holds its superscripts.
    merged: list[_Line] = []
    for line in sorted(lines, key=lambda ln: ln.base):
        host = next((m for m in merged[::-1] if _superscripts_of(line, m)), None)
        if host is not None:
            host.chars.extend(line.chars)
        else:
            merged.append(line)
    out = sorted(merged, key=lambda ln: -ln.base)
    split: list[_Line] = []
    for line in out:
        split.extend(_columns(line))
    for line in split:
        line.pieces = _pieces(line)
    return split


def _superscripts_of(small: _Line, line: _Line) -> bool:
    rise = small.base - line.base
    return (small.size <= SUPERSCRIPT_SIZE * line.size and 0 < rise <= 0.7 * line.size
            and small.x0 >= line.x0 - line.size and small.x1 <= line.x1 + 3 * line.size)


def _columns(line: _Line) -> list[_Line]:
    """A line whose characters stand in columns far apart (a masthead) is read as several."""
    chars = sorted(line.chars, key=lambda c: c.x0)
    parts = [[chars[0]]]
    for c in chars[1:]:
        if c.x0 - parts[-1][-1].x1 > 4 * line.size:
            parts.append([c])
        else:
            parts[-1].append(c)
    if len(parts) == 1:
        line.chars = chars
        return [line]
    return [_Line(p, line.base, line.size, line.page, line.height) for p in parts]


def _pieces(line: _Line) -> list[str | Marker]:
    """The line's text, with superscript numbers as markers."""
    out: list[str | Marker] = []
    text = ""
    sup = ""
    previous: _Char | None = None
    for c in line.chars:
        superscript = (c.size <= SUPERSCRIPT_SIZE * line.size
                       and c.base > line.base + 0.1 * line.size)
        if previous is not None:
            gap = c.x0 - previous.x1
            if gap > 0.2 * min(c.size, previous.size) * (1.5 if superscript else 1.0):
                if sup:
                    text = _flush(out, text, sup)
                    sup = ""
                text += " "
        if superscript:
            sup += c.text
        else:
            if sup:
                text = _flush(out, text, sup)
                sup = ""
            text += c.text
        previous = c
    if sup:
        text = _flush(out, text, sup)
    if text:
        out.append(text)
    return out


def _flush(out: list[str | Marker], text: str, sup: str) -> str:
    """Put a superscript down: numbers (``3`` or ``2,3``) as markers, other text as text."""
    if re.fullmatch(r"\d{1,3}(?:[,\s]+\d{1,3})*", sup):
        if text:
            out.append(text)
        for number in re.findall(r"\d+", sup):
            out.append(Marker(int(number)))
        return ""
    return text + sup


# --- page furniture and footnotes ---------------------------------------------------------------


def _key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.split()))


_EDGE_SYMBOL = (re.compile(rf"^{SYMBOL_RE.pattern}(?=\s|$)"),
                re.compile(rf"(?<=\s){SYMBOL_RE.pattern}$"))
"""A symbol opening or closing a header line (``A/80/L.6   Running title``)."""


def _furniture(pages: list[list[_Line]]) -> tuple[set[int], list[str]]:
    """Ids of the lines that are running headers and footers, and the symbols among them."""
    banded: list[tuple[_Line, str]] = []
    for page_lines in pages:
        for line in page_lines:
            if line.base > (1 - BAND) * line.height or line.base < BAND * line.height:
                banded.append((line, _key(line.text())))
    seen = Counter(k for _, k in {(ln.page, k) for ln, k in banded})
    furniture: set[int] = set()
    symbols: list[str] = []
    for line, key in banded:
        text = " ".join(line.text().split())
        edge = _EDGE_SYMBOL[0].search(text) or _EDGE_SYMBOL[1].search(text)
        if seen[key] >= 2 or is_furniture(text) or edge:
            furniture.add(id(line))
            if edge:
                symbols.append(edge.group("symbol"))
    # What stands on the baseline of a running header or footer belongs to it (the running
    # title beside the symbol, on a document of two pages).
    rows = {(ln.page, round(ln.base)) for ln, _ in banded if id(ln) in furniture}
    for line, _ in banded:
        if (line.page, round(line.base)) in rows and line.page > 0:
            furniture.add(id(line))
    return furniture, symbols


def _split_notes(lines: list[_Line], rules: list[float], body_size: float, notes: list[Note]
                 ) -> tuple[list[_Line], list[_Line]]:
    """The page's body lines and its footnote lines (those under the footnote rule)."""
    if rules and lines:
        rule = max(rules)
        below = [ln for ln in lines if ln.base < rule]
        if below and all(ln.size < body_size * 0.95 for ln in below):
            return [ln for ln in lines if ln.base >= rule], below
    # No rule: smaller lines at the foot, the first opening with the next footnote number.
    expected = _next_number(notes)
    k = len(lines)
    while k > 0 and lines[k - 1].size < body_size * 0.95:
        k -= 1
    tail = lines[k:]
    if tail and re.match(rf"^\s*{expected}\s", tail[0].text() + " "):
        return lines[:k], tail
    return lines, []


def _next_number(notes: list[Note]) -> int:
    numbered = [n.mark for n in notes if isinstance(n.mark, int)]
    return numbered[-1] + 1 if numbered else 1


def _read_notes(lines: list[_Line], notes: list[Note]) -> None:
    """Footnote lines in order: a note opens with the next number (printed plain or raised)."""
    for line in lines:
        first = line.pieces[0] if line.pieces else ""
        expected = _next_number(notes)
        text = line.text()
        if isinstance(first, Marker) and first.number == expected:
            notes.append(Note(expected, text.strip()))
            continue
        m = re.match(r"^\s*(\d{1,3})\s+(.*)$", text)
        if m and int(m.group(1)) == expected:
            notes.append(Note(expected, m.group(2)))
        elif m2 := re.match(r"^\s*(\*{1,3})\s*(.*)$", text):
            notes.insert(0, Note(m2.group(1), m2.group(2)))
        elif notes:
            last = notes[-1]
            notes[-1] = Note(last.mark, _join_text(last.text, text.strip(), None))


# --- paragraphs -------------------------------------------------------------------------------


def _paragraphs(lines: list[_Line], body_size: float) -> list[Block]:
    if not lines:
        return []
    body = [ln for ln in lines if abs(ln.size - body_size) < 0.5]
    left = _mode([round(ln.x0) for ln in body or lines])
    right = statistics.quantiles([ln.x1 for ln in body or lines], n=20)[-1] if len(
        body or lines) > 1 else lines[0].x1
    spacing = _mode([round(a.base - b.base, 1) for a, b in zip(lines, lines[1:], strict=False)
                     if a.page == b.page and a.base > b.base]) or 1.2 * body_size
    vocabulary = _vocabulary(lines)
    blocks: list[Block] = []
    previous: _Line | None = None
    for line in lines:
        starts = previous is None
        if previous is not None:
            same_page = previous.page == line.page
            gap = previous.base - line.base if same_page else spacing
            starts = (
                line.x0 > left + 0.8 * body_size
                or gap > 1.3 * spacing
                or previous.x1 < right - 2.5 * body_size
                or abs(previous.size - line.size) > 0.1 * body_size
            )
        if starts:
            blocks.append(Block())
            for piece in line.pieces:
                blocks[-1].add(piece)
        else:
            _continue(blocks[-1], line, vocabulary)
        previous = line
    return blocks


def _mode(values: list[float]) -> float:
    return Counter(values).most_common(1)[0][0] if values else 0.0


_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def _vocabulary(lines: list[_Line]) -> set[str]:
    """Words (and hyphenated compounds) of the document, but the parts of line-end breaks."""
    words: set[str] = set()
    broken = False
    for line in lines:
        text = line.text().rstrip()
        found = _WORD.findall(text)
        if broken and found:
            found = found[1:]
        broken = text.endswith("-")
        if broken and found:
            found = found[:-1]
        words.update(w.casefold() for w in found)
    return words


def _continue(block: Block, line: _Line, vocabulary: set[str]) -> None:
    """Add a line to the paragraph it goes on."""
    pieces = list(line.pieces)
    last = block.pieces[-1] if block.pieces else ""
    first = pieces[0] if pieces else ""
    if isinstance(last, str) and isinstance(first, str):
        joined = _join_text(last, first, vocabulary)
        block.pieces[-1] = joined
        pieces = pieces[1:]
    else:
        block.add(" ")
    for piece in pieces:
        block.add(piece)


def _join_text(text: str, next_text: str, vocabulary: set[str] | None) -> str:
    text = text.rstrip()
    if text.endswith("\u00ad"):
        return text[:-1] + next_text.lstrip()
    m = re.search(r"([^\W\d_]+)-$", text)
    n = re.match(r"\s*([^\W\d_]+)", next_text)
    if m and n and vocabulary is not None:
        left, right = m.group(1), n.group(1)
        hyphenated = f"{left}-{right}".casefold()
        whole = (left + right).casefold()
        if hyphenated in vocabulary:
            return text + next_text.lstrip()
        if whole in vocabulary or not (left.casefold() in vocabulary
                                       and right.casefold() in vocabulary):
            return text[:-1] + next_text.lstrip()
        return text + next_text.lstrip()
    return f"{text} {next_text.lstrip()}"
