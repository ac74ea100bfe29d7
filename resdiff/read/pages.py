"""First stage of reading: strip page furniture and lift footnote blocks out of extracted text.

PDF text extraction interleaves a draft's paragraphs with what is printed around them on each
page: running headers (symbol, page ``5/15``, job number ``22-22988``, the running title of an
adopted text), barcodes, ``https://undocs.org/…`` link lines, and the footnotes printed at the
foot of each page under a rule ``__________________``.

Other tools than PyMuPDF give the same page otherwise, and this module reads them all: a
symbol and its running title on one line (pdfplumber, pypdf), a running title printed before or
after its symbol with the folio elsewhere (poppler), known by repeating the masthead's words;
footnote numbers on lines of their own, sometimes away from their texts (poppler), read by
their sequence; a rule glued to the end of the page's last line; a note marked by a star under
the page's last line whose rule was lost.

Guarantees of `split_pages`: the returned body lines keep the document's order and their
indentation, carry no furniture line, and know whether a page break or footnote block stood just
before them (`Line.after_break`), so that paragraphs can be rejoined across it; the footnotes come
out in document order with their lines joined, numbered as printed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

SYMBOL_RE = re.compile(
    r"(?P<symbol>(?:A|E|S)/(?:[A-Z]+(?:\.\d+)?/)*\d+/[A-Za-z0-9./]*[A-Za-z0-9])(?P<star>\*)?"
)
"""A UN document symbol: organ / optional body (``C.3``, ``RES``, ``HRC``) / session /
document (``L.6``, ``194``) / optional ``Rev.1``, ``Corr.1``, ``Add.1``; a trailing ``*`` marks a
reissue."""

_STANDALONE_SYMBOL = re.compile(rf"^\s*{SYMBOL_RE.pattern}\s*$")
_JOB = r"\d{2}-\d{5}\*?(?:\s*\([A-Z]\))?(?:\s+\d{6})?"
_PAGE = r"\d{1,3}/\d{1,3}"
_JOB_OR_PAGE = re.compile(rf"^\s*(?:{_PAGE}\s+)?{_JOB}(?:\s+{_PAGE})?\s*$|^\s*{_PAGE}\s*$"
                          r"|^\s*\d{6}\s*$")
"""A job number (with its language, date stamp and folio), a folio alone, or the date stamp
alone on its line (``121125``, as poppler splits the job line)."""
_BARCODE = re.compile(r"^\s*\*\d{6,}\*\s*$")
_URL = re.compile(r"^\s*https?://\S+\s*$")
_RECYCLE = re.compile(r"^\s*(please recycle|merci de recycler)\b", re.IGNORECASE)
_RULE = re.compile(r"^\s*_{5,}\s*$")
FOOTNOTE_START = re.compile(r"^\s*(?P<number>\d{1,3})(?!\.)\s+(?P<text>\S.*)$")
STAR_NOTE = re.compile(r"^\s*(?P<stars>\*{1,3})\s*(?P<text>\S.*)$")


@dataclass(frozen=True)
class Line:
    """One non-blank line of body text."""

    text: str
    """The line without its leading and trailing whitespace."""
    indent: int
    blank_before: bool
    after_break: bool
    """True when page furniture or a footnote block stood between this line and the previous
    body line: the line may continue a paragraph even if it looks like it starts one."""


@dataclass(frozen=True)
class Pages:
    lines: tuple[Line, ...]
    footnotes: tuple[tuple[int, str], ...]
    star_notes: tuple[str, ...]
    """Notes marked ``*`` (``* Any changes to the list of sponsors …``, ``* Reissued …``)."""
    symbols: tuple[str, ...]
    """Every standalone symbol line seen (masthead and running headers), in order."""
    layout: str
    """``spaced`` (a blank line after every line, indentation starts paragraphs), ``block``
    (blank lines between paragraphs) or ``lines`` (one paragraph per line, as pasted)."""


def detect_layout(raw: list[str]) -> str:
    """Tell the three layouts apart by how blank lines and line widths fall.

    Text laid out on a page is wrapped at about 80–90 columns (Chinese characters count two), so
    when most of the text stands in lines much wider than that, each line is a paragraph."""
    nonblank = [i for i, line in enumerate(raw) if line.strip()]
    if not nonblank:
        return "block"
    widths = [_width(raw[i].strip()) for i in nonblank]
    if sum(w for w in widths if w > 125) >= 0.5 * sum(widths):
        return "lines"
    followed = sum(1 for i in nonblank if i + 1 >= len(raw) or not raw[i + 1].strip())
    if followed < 0.8 * len(nonblank):
        return "block"
    # A blank line after every line: PDF extraction marks paragraph starts by indenting them;
    # pasted text with blank lines between paragraphs indents nothing.
    indented = sum(1 for i in nonblank if raw[i][:1].isspace())
    return "spaced" if indented >= 0.05 * len(nonblank) else "lines"


def _width(text: str) -> int:
    """Columns the line takes: East Asian wide characters count two."""
    if not text or max(text) < "\u2e80":  # below the CJK blocks (Hangul Jamo aside)
        return len(text)
    return len(text) + sum(1 for ch in text if unicodedata.east_asian_width(ch) in "WF")


def is_furniture(text: str) -> bool:
    """A line that is page furniture wherever it stands (job numbers, pages, barcodes, links)."""
    return bool(
        _JOB_OR_PAGE.match(text) or _BARCODE.match(text) or _URL.match(text)
        or _RECYCLE.match(text)
    )


def standalone_symbol(text: str) -> str | None:
    m = _STANDALONE_SYMBOL.match(text)
    return m.group("symbol") if m else None


_SYMBOL_AND_TITLE = (re.compile(rf"^\s*{SYMBOL_RE.pattern}\s+(?P<rest>\S.*?)\s*$"),
                     re.compile(rf"^\s*(?P<rest>\S.*?)\s+{SYMBOL_RE.pattern}\s*$"))
"""A running header printed on one line: the symbol and the running title, either way round."""


def _running_headers(raw: list[str]) -> set[str]:
    """Lines that join a symbol and a running title (``A/RES/79/92 Comprehensive review…``),
    as pdfplumber and pypdf give the header: those whose title, or whose symbol with any
    title, comes back on other pages."""
    seen: dict[tuple[str, str], int] = {}
    for line in raw:
        if "/" not in line:
            continue
        for pattern in _SYMBOL_AND_TITLE:
            if (m := pattern.match(line)) and not m.group("rest")[:1].isdigit():
                key = (m.group("symbol"), " ".join(m.group("rest").split()))
                seen[key] = seen.get(key, 0) + 1
    titles = {rest for (_, rest), count in seen.items() if count >= 2}
    out: set[str] = set()
    for line in raw if titles else ():
        for pattern in _SYMBOL_AND_TITLE:
            if (m := pattern.match(line)) and " ".join(m.group("rest").split()) in titles:
                out.add(line)
    return out


_RULE_AT_END = re.compile(r"^(?P<text>.*\S)\s+(?P<rule>_{10,})$")
"""A body line with the footnote rule glued to its end, as poppler sometimes writes it."""


def split_pages(text: str) -> Pages:
    raw = []
    for line in text.split("\n"):
        line = line.rstrip()
        if m := _RULE_AT_END.match(line):
            raw += [m.group("text"), m.group("rule")]
        else:
            raw.append(line)
    layout = detect_layout(raw)
    headers = _running_headers(raw)
    front = _front(raw)
    body: list[Line] = []
    notes: list[list[str | int]] = []  # [number, text]
    stars: list[str] = []
    symbols: list[str] = []
    running_titles: set[str] = set()
    pending_break = False
    blank = False
    i = 0
    n = len(raw)
    while i < n:
        line = raw[i]
        stripped = line.strip()
        if not stripped:
            blank = True
            i += 1
            continue
        symbol = standalone_symbol(stripped)
        if symbol:
            symbols.append(symbol)
            # The masthead prints the symbol among its first lines; later it is a running header.
            running = len(body) > 5
            if running:
                # Odd pages print the running title above the symbol, even pages below it.
                while body and body[-1].text in running_titles:
                    popped = body.pop()
                    pending_break = pending_break or popped.after_break
                # A running title of one or more lines above the symbol, repeating the masthead.
                above = next((k for k in range(min(6, len(body)), 0, -1) if _in_front(
                    " ".join(line.text for line in body[-k:]), front)), 0)
                for _ in range(above):
                    popped = body.pop()
                    pending_break = pending_break or popped.after_break
                i, title = _skip_running_header(raw, i + 1)
                if not title:
                    i, title = _skip_front_lines(raw, i, front)
                running_titles.update(title)
                pending_break = blank = True
            else:
                i += 1
            continue
        if is_furniture(stripped) or line in headers:
            if line in headers:
                m = _SYMBOL_AND_TITLE[0].match(line) or _SYMBOL_AND_TITLE[1].match(line)
                if m:
                    symbols.append(m.group("symbol"))
                # A running title of several lines: those above the one with the symbol.
                while body and _in_front(body[-1].text, front):
                    popped = body.pop()
                    pending_break = pending_break or popped.after_break
            pending_break = pending_break or bool(body)
            i += 1
            continue
        if _RULE.match(stripped):
            i = _read_footnotes(raw, i + 1, layout, notes, stars)
            pending_break = blank = True
            continue
        if body and re.match(r"^\*{1,3} [A-Z]", stripped) and (
                after := _read_footnotes(raw, i, layout, notes, stars)) > i:
            # A note marked by a star under the page's last line, its rule lost on the way
            # (``* On behalf of the States…``).
            i = after
            pending_break = blank = True
            continue
        indent = len(line) - len(line.lstrip())
        body.append(Line(stripped, indent, blank, pending_break and bool(body)))
        pending_break = False
        blank = False
        i += 1
    footnotes = tuple((int(num), " ".join(str(t).split())) for num, t in notes)
    return Pages(tuple(body), footnotes, tuple(stars), tuple(symbols), layout)


def _front(raw: list[str]) -> str:
    """The masthead's words (what stands above the organ line, ``The General Assembly,``), one
    space between them: where a running title is printed first. Empty without an organ line."""
    from ..languages import organ_lines

    organs = organ_lines()
    for k, line in enumerate(raw[:120]):
        if line.strip().rstrip(" ,،，").replace("'", "’").casefold() in organs:
            return " ".join(" ".join(raw[:k]).split())
    return ""


def _in_front(text: str, front: str) -> bool:
    """A line that repeats a stretch of the masthead (the running title) and reads as no
    paragraph's words: several words, a capital first, no closing punctuation."""
    text = " ".join(text.split())
    return bool(front) and (len(text.split()) >= 2 and not text.endswith((".", ";", ",", ":"))
            and text[:1].isupper() and f" {text} " in f" {front} ")


def _skip_front_lines(raw: list[str], i: int, front: str) -> tuple[int, list[str]]:
    """After a running-header symbol: the running title lines that repeat the masthead (as
    poppler puts them, with the page's furniture before the symbol), skipped."""
    j = i
    title: list[str] = []
    while j < len(raw) and len(title) < 6:
        stripped = raw[j].strip()
        if not stripped:
            j += 1
            continue
        # The first line opens as a title does; the next ones go on with it.
        if not _in_front(" ".join([*title, stripped]) if title else stripped, front):
            break
        title.append(stripped)
        j += 1
    return (j, title) if title else (i, [])


def _skip_running_header(raw: list[str], i: int) -> tuple[int, list[str]]:
    """After a running-header symbol line: skip the running title lines (adopted texts print
    them) and the job-number/page lines, when they follow within a few lines. Returns where the
    page's text starts and the running title lines skipped."""
    j = i
    title: list[str] = []
    while j < len(raw) and len(title) < 6:
        stripped = raw[j].strip()
        if not stripped:
            j += 1
            continue
        if is_furniture(stripped):
            k = j + 1
            while k < len(raw) and (not raw[k].strip() or is_furniture(raw[k].strip())):
                k += 1
            return k, title
        if re.match(r"\d{1,3}\.\s", stripped) or stripped.endswith((".", ";", ",")):
            return i, []  # a paragraph's words, not a running title
        title.append(stripped)
        j += 1
    return i, []


def _read_footnotes(
    raw: list[str], i: int, layout: str, notes: list[list[str | int]], stars: list[str]
) -> int:
    """Read the footnotes under a rule; return the index of the first line after the block.

    A footnote starts with the next number in sequence (or ``*``). A line that continues it is
    unindented (spaced layout) or follows it without a blank line (other layouts). Anything else
    ends the block: the body goes on there."""
    if _numbers_on_own_lines(raw, i, notes):
        return _read_number_lines(raw, i, notes, stars)
    current: list[str | int] | None = None
    star_current: int | None = None
    blank = False
    while i < len(raw):
        line = raw[i]
        stripped = line.strip()
        if not stripped:
            blank = True
            i += 1
            continue
        if _URL.match(stripped):
            i += 1
            continue
        if is_furniture(stripped) or standalone_symbol(stripped):
            return i  # the running header of the next page: the block is over
        expected = int(notes[-1][0]) + 1 if notes else None
        m = FOOTNOTE_START.match(line)
        if m and (expected is None or int(m.group("number")) == expected):
            current = [int(m.group("number")), m.group("text")]
            notes.append(current)
            star_current = None
        elif (s := STAR_NOTE.match(line)) and (layout != "spaced"
                                                or not line.startswith(" " * 4)):
            stars.append(s.group("text"))
            star_current = len(stars) - 1
            current = None
        elif _continues(line, layout, blank) and (current is not None or star_current is not None):
            if current is not None:
                current[1] = f"{current[1]} {stripped}"
            elif star_current is not None:
                stars[star_current] = f"{stars[star_current]} {stripped}"
        else:
            return i
        blank = False
        i += 1
    return i


_BARE_NUMBER = re.compile(r"^\s*(?P<number>\d{1,3})\s*$")


def _block_end(raw: list[str], i: int) -> int:
    """Where a footnote block that starts at `i` ends: at the page's furniture."""
    while i < len(raw):
        stripped = raw[i].strip()
        if stripped and (is_furniture(stripped) or standalone_symbol(stripped)
                         or "\f" in raw[i]) and not _URL.match(stripped):
            return i
        i += 1
    return i


def _numbers_on_own_lines(raw: list[str], i: int, notes: list[list[str | int]]) -> bool:
    """Whether the block's numbers stand alone on their lines, the next ones in sequence
    (poppler's text puts each note's raised number on a line of its own, not always next to
    its text)."""
    expected = int(notes[-1][0]) + 1 if notes else 1
    numbers: set[int] = set()
    for line in raw[i:_block_end(raw, i)]:
        if m := _BARE_NUMBER.match(line):
            numbers.add(int(m.group("number")))
        elif (m := FOOTNOTE_START.match(line)) and int(m.group("number")) == expected:
            return False
    return bool(numbers) and numbers == set(range(expected, expected + len(numbers)))


def _read_number_lines(raw: list[str], i: int, notes: list[list[str | int]],
                       stars: list[str]) -> int:
    """A footnote block whose numbers stand on lines of their own, sometimes out of place
    (``1``, text, text, ``3``, text, …, ``2``). Its numbers say how many notes it holds; a
    note opens at a text line after a number, and where numbers were moved away, at a line
    opening with a capital after a finished line. Returns where the block ends."""
    end = _block_end(raw, i)
    notes_star: list[list[str]] = []
    numbers: list[int] = []
    texts: list[tuple[str, bool]] = []  # (line, right after a number line)
    after_number = False
    star: list[str] | None = None
    for line in raw[i:end]:
        stripped = line.strip()
        if not stripped or _URL.match(stripped):
            continue
        if m := _BARE_NUMBER.match(stripped):
            numbers.append(int(m.group("number")))
            after_number = True
            star = None
            continue
        if not numbers and (s := STAR_NOTE.match(stripped)):
            star = [s.group("text")]
            notes_star.append(star)
            continue
        if star is not None:
            star.append(stripped)
            continue
        texts.append((stripped, after_number))
        after_number = False
    if len(set(numbers)) > len(texts):
        # The last page: the notes' texts printed after its folio.
        k = end
        while k < len(raw) and len(texts) < len(set(numbers)):
            stripped = raw[k].strip()
            if stripped and not is_furniture(stripped) and not standalone_symbol(stripped):
                texts.append((stripped, False))
            k += 1
        end = k
    expected = int(notes[-1][0]) + 1 if notes else 1
    wanted = sorted(set(numbers))
    if not texts or wanted != list(range(expected, expected + len(wanted))):
        return i
    starts = [k for k, (_, after) in enumerate(texts) if after]
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    for k, (text, _) in enumerate(texts):
        if len(starts) >= len(wanted):
            break
        if k not in starts and texts[k - 1][0].endswith(".") and text[:1].isupper():
            starts.append(k)
    starts = sorted(starts)[:len(wanted)]
    for number, (a, b) in zip(wanted, zip(starts, [*starts[1:], len(texts)], strict=True),
                              strict=False):
        notes.append([number, " ".join(t for t, _ in texts[a:b])])
    stars.extend(" ".join(star) for star in notes_star)
    return end


def _continues(line: str, layout: str, blank_before: bool) -> bool:
    if layout == "spaced":
        return not line[:1].isspace()
    return not blank_before
