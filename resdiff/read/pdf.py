"""Read a PDF draft from its characters' boxes and fonts, with PDFium (pypdfium2).

Text extraction flattens a page into lines and leaves the reader to guess; the characters say
more. PDFium gives each character with its origin, box, size and font, for a nine-page draft in
about a tenth of a second (pdfminer.six, pure Python, took more than ten times as long), under
the Apache and BSD licences. What is read, and how:

* lines: characters on one baseline, left to right; a smaller character raised above the
  baseline is a superscript: digits there are footnote markers (exact, `blocks.Marker`), other
  letters (``no``, ``1er``) are kept as text; spaces come from the gaps between characters;
* running headers and footers: lines in the top or bottom band of the page whose text (digits
  aside) comes back on other pages, or that `pages.is_furniture` knows; symbols among them are
  kept, as the parser keeps those of extracted text;
* the footnote block of every page: the lines under the rule (printed as a row of underscores
  or drawn as a short line), read as numbered notes; a note whose text runs onto the next page
  goes on there, before that page's first number;
* paragraphs: a new one starts after a gap wider than the line spacing, at a line indented from
  the page's left margin after a finished line, at a printed operative number, or where the
  style of whole lines changes (a bold heading, the masthead's parts); a paragraph goes on
  across a page break otherwise. An operative number printed without its full stop (``25``
  then a tab) is written ``25.``;
* the masthead's parts (session, committee, agenda item and title, sponsors line, title) are
  each one line, however many lines they take on the page;
* hyphens at line ends: kept where the document writes the compound so, where the second part
  opens with a capital (``Secretary-General``), where both parts are words of the document
  (``celles-ci``) or the first part heads other compounds of it (``self-government`` beside
  ``Non-Self-Governing``); a word divided there is joined (when the joined word stands elsewhere
  in the document, or in any other case).

Guarantees: a `Source` of format ``pdf`` whose text `blocks.render` wrote; a PDF that cannot be
read (damaged, password-protected, a scan without a text layer) is refused with one
`InputError` line that says what to do. Only this module imports pypdfium2.
"""

from __future__ import annotations

import ctypes
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..model import InputError
from .blocks import Block, Marker, Note, render
from .pages import SYMBOL_RE, is_furniture
from .source import Source

SUPERSCRIPT_SIZE = 0.85
"""A character at most this share of its line's size, raised above its baseline, is a
superscript (body 10 pt with 6.5 pt markers; notes 8 pt with 6.5 pt numbers)."""
BAND = 0.1
"""Share of the page height, at the top and at the bottom, where running headers and footers
stand."""
_RULE_TEXT = re.compile(r"^_{5,}$")


@dataclass(slots=True)
class _Char:
    text: str
    x0: float
    x1: float
    base: float
    size: float
    bold: bool
    """The font's weight is 600 or more."""
    space_before: bool = False


@dataclass
class _Line:
    chars: list[_Char]
    base: float
    size: float
    page: int
    pieces: list[str | Marker] = field(default_factory=list)
    number_gap: bool = False
    """The line opens with a number standing alone before a tab (an operative number)."""

    x0: float = 0.0
    x1: float = 0.0
    bold: bool = False
    """Most of the line's characters (its superscripts aside) are bold."""
    plain: str = ""
    """The line's text, markers aside."""

    def settle(self) -> None:
        """Compute what is read of the characters once they are all in place."""
        self.x0 = min(c.x0 for c in self.chars)
        self.x1 = max(c.x1 for c in self.chars)
        body = [c for c in self.chars if c.size >= 0.9 * self.size]
        self.bold = bool(body) and sum(c.bold for c in body) > 0.6 * len(body)

    def text(self) -> str:
        return self.plain


@dataclass
class _Page:
    number: int
    width: float
    height: float
    chars: list[_Char]
    rules: list[float]
    """Heights of the short horizontal rules drawn on the page."""


def read_pdf(data: bytes, name: str) -> Source:
    """Read a PDF's bytes (see the module docstring)."""
    pages = _load(data, name)
    if not any(page.chars for page in pages):
        raise InputError(
            f"{name}: the PDF has no text layer (a scan?): it needs OCR first, for example "
            "`ocrmypdf FILE.pdf FILE-ocr.pdf`")
    lines = [_lines(page) for page in pages]
    body_size = _body_size(pages)
    notes: list[Note] = []
    body: list[_Line] = []
    kept_pages: list[list[_Line]] = []
    opened: list[set[int]] = []
    for page, page_lines in zip(pages, lines, strict=True):
        text_lines, note_lines = _split_notes(page_lines, page, body_size)
        before = {n.mark for n in notes}
        _read_notes(note_lines, notes)
        opened.append({n.mark for n in notes if isinstance(n.mark, int)} - before)
        kept_pages.append(text_lines)
    furniture, symbols = _furniture(kept_pages, pages)
    doubts: list[str] = []
    for number, page_lines in enumerate(kept_pages):
        kept = [ln for ln in page_lines if id(ln) not in furniture]
        body.extend(kept)
        markers = {p.number for ln in kept for p in ln.pieces if isinstance(p, Marker)}
        if markers != opened[number]:
            doubts.append(f"page {number + 1}: footnote markers "
                          f"{_numbers(markers)} but notes {_numbers(opened[number])}")
    blocks = _paragraphs(body, pages, body_size)
    text, warnings = render(blocks, notes, symbols)
    return Source(name=name, text=text, format="pdf",
                  warnings=tuple(f"{name}: {w}" for w in warnings), doubts=tuple(doubts))


def _numbers(numbers: set[int]) -> str:
    return ", ".join(map(str, sorted(numbers))) or "none"


# --- characters -------------------------------------------------------------------------------


def _load(data: bytes, name: str) -> list[_Page]:
    """Every page's printed characters, with their fonts, and its short rules."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise InputError(f"{name}: damaged or not a PDF (it does not start with %PDF)")
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as err:
        if "password" in str(err).lower():
            raise InputError(
                f"{name}: the PDF is password-protected: open it with its password and save or "
                "print it to a PDF without one") from None
        raise InputError(f"{name}: damaged PDF ({' '.join(str(err).split())[:160]})") from None
    pages: list[_Page] = []
    x, y = ctypes.c_double(), ctypes.c_double()
    left, right = ctypes.c_double(), ctypes.c_double()
    bottom, top = ctypes.c_double(), ctypes.c_double()
    refs = tuple(ctypes.byref(v) for v in (x, y, left, right, bottom, top))
    try:
        if len(document) == 0:
            raise InputError(f"{name}: damaged PDF (no pages)")
        for number in range(len(document)):
            page = document[number]
            width, height = page.get_size()
            textpage = page.get_textpage()
            handle = textpage.raw
            chars: list[_Char] = []
            space = False
            for i in range(textpage.count_chars()):
                code = raw.FPDFText_GetUnicode(handle, i)
                if code in (0x20, 0xA0, 0x0D, 0x0A):
                    space = space or code != 0x0D and code != 0x0A
                    continue
                if code < 0x20 and code != 0x02:
                    continue
                text = "-" if code == 0x02 else chr(code)
                if not text.strip():
                    space = True
                    continue
                raw.FPDFText_GetCharOrigin(handle, i, refs[0], refs[1])
                raw.FPDFText_GetCharBox(handle, i, refs[2], refs[3], refs[4], refs[5])
                bold = raw.FPDFText_GetFontWeight(handle, i) >= 600
                size = raw.FPDFText_GetFontSize(handle, i)
                chars.append(_Char(text, x.value, max(right.value, x.value), y.value, size,
                                   bold, space))
                space = False
            pages.append(_Page(number, width, height, chars, _rules(page, width, raw)))
    except InputError:
        raise
    except pdfium.PdfiumError as err:
        raise InputError(f"{name}: damaged PDF ({' '.join(str(err).split())[:160]})") from None
    return pages


def _rules(page: Any, width: float, raw: Any) -> list[float]:
    """Heights of the short horizontal lines drawn on the page (a footnote rule)."""
    out: list[float] = []
    for obj in page.get_objects(max_depth=2):
        if obj.type != raw.FPDF_PAGEOBJ_PATH:
            continue
        left, bottom, right, top = obj.get_bounds()
        if top - bottom < 2 and 0.05 * width < right - left < 0.6 * width:
            out.append(bottom)
    return out


def _body_size(pages: list[_Page]) -> float:
    sizes = Counter(round(c.size, 1) for page in pages for c in page.chars)
    return sizes.most_common(1)[0][0] if sizes else 10.0


# --- lines ------------------------------------------------------------------------------------


def _lines(page: _Page) -> list[_Line]:
    """Characters grouped into lines, superscripts put on the line they stand above, lines of
    columns far apart (a masthead) split."""
    rows: list[list[_Char]] = []
    for c in sorted(page.chars, key=lambda c: (-c.base, c.x0)):
        if rows and abs(rows[-1][0].base - c.base) <= 0.15 * max(c.size, rows[-1][0].size):
            rows[-1].append(c)
        else:
            rows.append([c])
    lines: list[_Line] = []
    for row in rows:
        size = statistics.median_high(c.size for c in row)
        lines.extend(_columns(_Line(row, row[0].base, size, page.number)))
    merged: list[_Line] = []
    for line in sorted(lines, key=lambda ln: ln.base):
        host = next((m for m in merged[::-1] if _superscripts_of(line, m)), None)
        if host is not None:
            host.chars.extend(line.chars)
            host.settle()
        else:
            merged.append(line)
    out = sorted(merged, key=lambda ln: (-ln.base, ln.x0))
    for line in out:
        line.chars.sort(key=lambda c: c.x0)
        line.size = max(c.size for c in line.chars if not _raised(c, line))
        line.settle()
        line.pieces, line.number_gap = _pieces(line)
        line.plain = "".join(p for p in line.pieces if isinstance(p, str))
    return out


def _raised(c: _Char, line: _Line) -> bool:
    return c.size <= SUPERSCRIPT_SIZE * line.size and c.base > line.base + 0.1 * line.size


def _superscripts_of(small: _Line, line: _Line) -> bool:
    rise = small.base - line.base
    return (small.size <= SUPERSCRIPT_SIZE * line.size and 0 < rise <= 0.7 * line.size
            and small.x0 >= line.x0 - 2 * line.size and small.x1 <= line.x1 + 3 * line.size)


def _columns(line: _Line) -> list[_Line]:
    """A line whose characters stand in columns far apart (a masthead) is read as several."""
    chars = sorted(line.chars, key=lambda c: c.x0)
    parts = [[chars[0]]]
    for c in chars[1:]:
        if c.x0 - parts[-1][-1].x1 > 5 * line.size:
            parts.append([c])
        else:
            parts[-1].append(c)
    if len(parts) == 1:
        line.chars = chars
        line.settle()
        return [line]
    out = [_Line(p, line.base, line.size, line.page) for p in parts]
    for part in out:
        part.settle()
    return out


def _pieces(line: _Line) -> tuple[list[str | Marker], bool]:
    """The line's text, with superscript numbers as markers; and whether it opens with a
    number alone before a tab."""
    out: list[str | Marker] = []
    text = ""
    sup = ""
    previous: _Char | None = None
    number_gap = False
    for c in line.chars:
        superscript = _raised(c, line)
        if previous is not None:
            gap = c.x0 - previous.x1
            wide = gap > 0.22 * min(c.size, previous.size) * (1.5 if superscript else 1.0)
            if (wide or (c.space_before and gap > -0.5)) and not (superscript and sup):
                if sup:
                    text = _flush(out, text, sup)
                    sup = ""
                if not out and re.fullmatch(r"\d{1,3}", text) and gap > line.size:
                    number_gap = True
                if not text.endswith(" "):
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
    return out, number_gap


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


def _in_band(line: _Line, page: _Page) -> bool:
    return line.base > (1 - BAND) * page.height or line.base < BAND * page.height


def _furniture(pages: list[list[_Line]], info: list[_Page]) -> tuple[set[int], list[str]]:
    """Ids of the lines that are running headers and footers, and the symbols among them."""
    banded: list[tuple[_Line, str]] = []
    for page_lines, page in zip(pages, info, strict=True):
        for line in page_lines:
            if _in_band(line, page):
                banded.append((line, _key(line.text())))
    seen = Counter(k for _, k in {(ln.page, k) for ln, k in banded})
    # The first page's words: a running title repeats the title printed there (a document of
    # two pages prints it once).
    first = " ".join(" ".join(ln.text() for ln in pages[0]).split()) if pages else ""
    furniture: set[int] = set()
    symbols: list[str] = []
    for line, key in banded:
        text = " ".join(line.text().split())
        edge = _EDGE_SYMBOL[0].search(text) or _EDGE_SYMBOL[1].search(text)
        title = (line.page > 0 and line.base > 0.5 * info[line.page].height
                 and len(text.split()) >= 3 and f" {text} " in f" {first} ")
        if (seen[key] >= 2 and line.page > 0) or is_furniture(text) or edge or title:
            furniture.add(id(line))
            if edge:
                symbols.append(edge.group("symbol"))
    # What stands on the baseline of a running header or footer belongs to it (the running
    # title beside the symbol).
    rows = {(ln.page, round(ln.base)) for ln, _ in banded if id(ln) in furniture}
    for line, _ in banded:
        if (line.page, round(line.base)) in rows and line.page > 0:
            furniture.add(id(line))
    return furniture, symbols


def _split_notes(lines: list[_Line], page: _Page, body_size: float
                 ) -> tuple[list[_Line], list[_Line]]:
    """The page's body lines and its footnote lines (those under the footnote rule, less the
    page's footer)."""
    rule: float | None = None
    kept = lines
    for line in lines:
        if _RULE_TEXT.match(line.text().strip()) and line.base < 0.75 * page.height:
            rule = line.base
            kept = [ln for ln in lines if ln is not line]
            break
    if rule is None:
        # The lowest drawn rule with only smaller print under it (a masthead has rules too).
        for candidate in sorted(r for r in page.rules if r < 0.75 * page.height):
            under = [ln for ln in lines if ln.base < candidate and not _footer(ln, page)]
            if under and all(ln.size < body_size * 0.95 for ln in under):
                rule = candidate
                break
    if rule is None:
        return kept, []
    body = [ln for ln in kept if ln.base > rule]
    notes = [ln for ln in kept if ln.base < rule and not _footer(ln, page)]
    footer = [ln for ln in kept if ln.base < rule and _footer(ln, page)]
    return body + footer, notes


def _footer(line: _Line, page: _Page) -> bool:
    text = " ".join(line.text().split())
    return line.base < BAND * page.height and (
        is_furniture(text) or bool(SYMBOL_RE.fullmatch(text)) or line.size > 9.5
        or bool(re.fullmatch(r"[\d\s/()A-Z-]+", text)))


def _next_number(notes: list[Note]) -> int:
    numbered = [n.mark for n in notes if isinstance(n.mark, int)]
    return numbered[-1] + 1 if numbered else 1


def _read_notes(lines: list[_Line], notes: list[Note]) -> None:
    """Footnote lines in order: a note opens with the next number (printed raised or plain);
    any other line goes on with the note before it, on this page or the one before."""
    for line in lines:
        first = line.pieces[0] if line.pieces else ""
        expected = _next_number(notes)
        text = line.text()
        if isinstance(first, Marker) and first.number == expected:
            notes.append(Note(expected, _note_text(line.pieces[1:])))
            continue
        m = re.match(r"^\s*(\d{1,3})\s+(.*)$", text)
        if m and int(m.group(1)) == expected and not isinstance(first, Marker):
            notes.append(Note(expected, m.group(2)))
        elif m2 := re.match(r"^\s*(\*{1,3})\s*(.*)$", text):
            notes.insert(0, Note(m2.group(1), m2.group(2)))
        elif notes:
            last = notes[-1]
            notes[-1] = Note(last.mark, _join_text(last.text, _note_text(line.pieces), None))


def _note_text(pieces: list[str | Marker]) -> str:
    return "".join(p if isinstance(p, str) else str(p.number) for p in pieces).strip()


# --- paragraphs -------------------------------------------------------------------------------

_OP_START = re.compile(r"^\s*\d{1,3}\s?(?:[.．]\s|\s)(?=\S)")
_ITEM_START = re.compile(r"^\s*\(?(?:[a-z]{1,2}|[ivxl]{1,6})\)\s")
_TERMINATORS = tuple(",;.:")


def _paragraphs(lines: list[_Line], pages: list[_Page], body_size: float) -> list[Block]:
    if not lines:
        return []
    left = _margins(lines, pages, body_size)
    right = _right_margin(lines, body_size)
    spacing = _spacing(lines, body_size)
    vocabulary = _vocabulary(lines)
    blocks: list[Block] = []
    previous: _Line | None = None
    for line in lines:
        if previous is None or _starts(previous, line, left, right, spacing):
            blocks.append(Block())
            pieces = list(line.pieces)
            if line.number_gap and pieces and isinstance(pieces[0], str):
                pieces[0] = re.sub(r"^(\s*\d{1,3})\s+", r"\1. ", pieces[0], count=1)
            for piece in pieces:
                blocks[-1].add(piece)
        else:
            _continue(blocks[-1], line, vocabulary)
        previous = line
    return blocks


def _starts(previous: _Line, line: _Line, left: dict[int, float], right: float,
            spacing: float) -> bool:
    """Whether `line` opens a new paragraph after `previous`."""
    size = line.size
    if previous.bold != line.bold or abs(previous.size - line.size) > 0.1 * size:
        return True
    text = previous.text().rstrip()
    finished = text.endswith(_TERMINATORS)
    short = previous.x1 < right - 2.5 * size
    indented = line.x0 > left[line.page] + 0.8 * size
    numbered = line.number_gap or bool(_OP_START.match(line.text()))
    if previous.page == line.page:
        gap = previous.base - line.base
        if gap > 1.4 * spacing:
            return True
        if gap < 0:  # a column to the right of the one before (masthead)
            return True
    far = left[line.page] + 0.4 * (right - left[line.page])
    if line.x0 > far or (previous.x0 > far and previous.page == line.page):
        # Lines set to the right (the date under "55th plenary meeting", the masthead's
        # right column) stand alone.
        return True
    if line.bold and previous.bold and not short:
        return False
    return (indented and (finished or short)) or (numbered and (finished or short)) or (
        bool(_ITEM_START.match(line.text())) and finished)


def _margins(lines: list[_Line], pages: list[_Page], body_size: float) -> dict[int, float]:
    """The left margin of each page: where most body lines of pages of its parity start."""
    by_parity: dict[int, Counter[int]] = {0: Counter(), 1: Counter()}
    for line in lines:
        if abs(line.size - body_size) < 0.5:
            by_parity[line.page % 2][round(line.x0)] += 1
    every = by_parity[0] + by_parity[1]
    fallback = every.most_common(1)[0][0] if every else 0
    out: dict[int, float] = {}
    for page in pages:
        counts = by_parity[page.number % 2]
        out[page.number] = counts.most_common(1)[0][0] if counts else fallback
    return out


def _right_margin(lines: list[_Line], body_size: float) -> float:
    body = [ln.x1 for ln in lines if abs(ln.size - body_size) < 0.5] or [ln.x1 for ln in lines]
    return statistics.quantiles(body, n=20)[-1] if len(body) > 1 else body[0]


def _spacing(lines: list[_Line], body_size: float) -> float:
    gaps = [round(a.base - b.base, 1) for a, b in zip(lines, lines[1:], strict=False)
            if a.page == b.page and a.base > b.base and abs(a.size - body_size) < 0.5
            and abs(b.size - body_size) < 0.5]
    return Counter(gaps).most_common(1)[0][0] if gaps else 1.2 * body_size


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


_COMPOUND_FORMERS = frozenset("""
    self multi non co cross well above anti counter cyber long short socio semi quasi vice ex
    auto sous
    """.split())
"""First parts that make hyphenated compounds in UN English and French ("self-employment",
"multi-stakeholder", "above-mentioned", "non-governmental", "auto-détermination"): a hyphen
after one of them at a line end is the compound's own."""


def _compound_heads(vocabulary: set[str]) -> set[str]:
    """Every part of the document's hyphenated compounds that stands before a hyphen, with
    it (``non-``, ``self-`` from ``non-self-governing``)."""
    return {f"{part}-" for word in vocabulary if "-" in word for part in word.split("-")[:-1]}


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
        if hyphenated in vocabulary or right[:1].isupper():
            # A compound the document writes so, or one whose second part is a name
            # ("Secretary-General"): a divided word never goes on with a capital.
            return text + next_text.lstrip()
        if whole in vocabulary:
            return text[:-1] + next_text.lstrip()
        parts = left.casefold() in vocabulary
        if (parts or left.casefold() in _COMPOUND_FORMERS
                or f"{left.casefold()}-" in _compound_heads(vocabulary)):
            # Two words of the document ("celles-ci"), or a first part the document uses in
            # compounds ("self-government" beside "Non-Self-Governing").
            return text + next_text.lstrip()
        return text[:-1] + next_text.lstrip()
    return f"{text} {next_text.lstrip()}"
