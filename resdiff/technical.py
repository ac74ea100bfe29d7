"""Is an amendment a technical update between sessions, or a change of substance?

`explain(old, new, language)` answers for one amended paragraph (or footnote). It is technical
when every difference between the two texts is one of:

* a session ordinal moving ("soixante-dix-septième" → "soixante-dix-neuvième",
  "seventy-sixth" → "seventy-eighth", "103e" → "105e");
* a document symbol or resolution number moving with the session (A/75/158 → A/77/194,
  A/C.3/75/L.6 → A/C.3/77/L.6, 75/158 → 77/194): the session part shifts, the document number
  is free, everything else in the symbol stays;
* a year, a period ("2023/24", "2023-2025") or a date whose year shifts (the day and month of
  a dated reference may change with it: resolutions are adopted on different days each year);
* resolutions appended at the end of a list of resolutions ("…, 77/7 and 78/7" → "…, 77/7, 78/7
  and 79/7"), the appended ones newer than every one already listed;

and every shift found agrees on one interval (sessions and years move together). The interval
is returned, so that a caller can hold a whole document to one interval: a shift inconsistent
with the rest of the document is substance too.

How: each text is scanned for those items (lists of resolutions first, then symbols, dates,
years, ordinals); the text with each item replaced by a placeholder of its kind — its
*skeleton* — must be the same on both sides (whitespace and typographic variants aside), and
the items are then compared pairwise. Linear in the length of the texts.

Languages: ordinals, openers and list conjunctions come from `resdiff.languages`. Dates are
recognised in English, French, Spanish, Russian and Chinese; lists of resolutions in languages
whose list separators are commas and the table's conjunction (all but Chinese). Elsewhere a
changed day or an appended resolution reads as substance.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from resdiff import languages
from resdiff.align import normalise
from resdiff.model import LANGUAGES

_MONTHS = {
    "en": "January February March April May June July August September October November December",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre "
          "diciembre",
    "ru": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
}
_DATE = {
    "en": r"\d{1,2}\s+(?:{m})\s+\d{{4}}",
    "fr": r"(?:1er|\d{1,2})\s+(?:{m})\s+\d{{4}}",
    "es": r"\d{1,2}\s+de\s+(?:{m})\s+de\s+\d{{4}}",
    "ru": r"\d{1,2}\s+(?:{m})\s+\d{{4}}(?:\s+года)?",
}
_DATE_OF = {"en": r"of", "fr": r"(?:en\s+date\s+)?du|de", "es": r"de", "ru": r"от"}
_RESOLUTION_WORD = re.compile(r"(?<!\w)(?:resolutions?|résolutions?|resoluci(?:ón|ones)|"
                              r"резолюци[яиюей]|резолюциях|резолюциям)(?!\w)", re.IGNORECASE)
_REF = r"(?<![\w/.])(\d{1,3})/(\d{1,4})(?![\w/])"
_SYMBOL = re.compile(r"(?<![\w/])[A-Z][A-Za-z0-9\-]*(?:\.[A-Za-z0-9\-]+)*"
                     r"(?:/[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*)+")
_YEAR_RANGE = re.compile(r"(?<![\d/.])((?:19|20)\d\d)[/\u2013-]((?:19|20)?\d\d)(?![\d/])")
_YEAR = re.compile(r"(?<![\d/.])(1[89]\d\d|20\d\d)(?![\d/])")
_ZH_DATE = re.compile(r"(\d{4})年\d{1,2}月(?:\d{1,2}日)?")
_NUMERIC_ORDINAL = re.compile(r"(?<![\w/])(\d{1,3})(?:e|ème|er|re|th|st|nd|rd)(?!\w)")


@dataclass(frozen=True)
class Verdict:
    """Whether an amendment is technical, the interval its shifts agree on, and why."""

    technical: bool
    delta: int | None
    """The number of sessions (= years) everything moved by; None when nothing shifted."""
    reason: str


@dataclass(frozen=True)
class _Item:
    start: int
    end: int
    kind: str
    """``list``, ``symbol``, ``date``, ``years`` (a period), ``year`` or ``ordinal``."""
    value: tuple
    shape: str = ""


def explain(old: str, new: str, language: str | None) -> Verdict:
    """Classify the change from ``old`` to ``new`` (rules in the module docstring)."""
    code = language if language in LANGUAGES else "en"
    a, b = _items(old, code), _items(new, code)
    if _skeleton(old, a) != _skeleton(new, b):
        return Verdict(False, None, "wording changed")
    deltas: set[int] = set()
    for x, y in zip(a, b, strict=True):
        if x.value == y.value:
            continue
        problem = _compare(x, y, deltas)
        if problem:
            return Verdict(False, None, problem)
    if len(deltas) > 1:
        return Verdict(False, None, "shifts disagree: " + ", ".join(map(str, sorted(deltas))))
    delta = next(iter(deltas)) if deltas else None
    return Verdict(True, delta, "technical update" if delta is None else f"shift by {delta}")


def _compare(x: _Item, y: _Item, deltas: set[int]) -> str | None:
    """Add the interval ``x`` → ``y`` shifts by to ``deltas``; say why when it is no shift."""
    if x.kind == "list":
        old, new = x.value, y.value
        if len(new) > len(old):
            if new[: len(old)] != old:
                return "list of resolutions changed"
            newest = max(r[0] for r in old)
            if any(r[0] <= newest for r in new[len(old):]):
                return "older resolution added to a list"
            return None
        if len(new) < len(old):
            return "resolution removed from a list"
        for r, s in zip(old, new, strict=True):
            if r == s:
                continue
            if r[0] == s[0]:
                return f"resolution {r[0]}/{r[1]} replaced within its session"
            deltas.add(s[0] - r[0])
            if r[2] is not None and s[2] is not None and r[2] != s[2]:
                deltas.add(s[2] - r[2])
        return None
    if x.kind == "symbol":
        (s0, y0, _), (s1, y1, _) = x.value, y.value
        if s0 == s1 and y0 == y1:
            return "a different document cited"
        if s0 is not None:
            deltas.add(s1 - s0)
        if y0 is not None:
            deltas.add(y1 - y0)
        return None
    if x.kind == "years":
        (a0, a1), (b0, b1) = x.value, y.value
        if (b1 - a1) % 100 != (b0 - a0) % 100 or a0 == b0:
            return "period changed"
        deltas.add(b0 - a0)
        return None
    # ordinal, year, date: the first value is the number that shifts
    if x.value[0] == y.value[0]:
        return f"{x.kind} changed"
    deltas.add(y.value[0] - x.value[0])
    return None


def _skeleton(text: str, items: list[_Item]) -> str:
    parts, pos = [], 0
    for it in items:
        parts.append(text[pos:it.start])
        parts.append(f"\x00{it.kind}:{it.shape}\x00")
        pos = it.end
    parts.append(text[pos:])
    return normalise(_RESOLUTION_WORD.sub("resolution", "".join(parts)))


def _items(text: str, code: str) -> list[_Item]:
    taken: list[tuple[int, int]] = []
    found: list[_Item] = []

    def add(item: _Item) -> None:
        if any(s < item.end and item.start < e for s, e in taken):
            return
        taken.append((item.start, item.end))
        found.append(item)

    date = _date_pattern(code)
    lst = _list_pattern(code)
    if lst is not None:
        dated = (rf"(?:\s+(?:{_DATE_OF[code]})\s+({date.pattern}))?"
                 if date is not None and code in _DATE_OF else "")
        ref = re.compile(_REF + dated, re.IGNORECASE)
        for m in lst.finditer(text):
            refs = []
            for r in ref.finditer(m.group(0)):
                when = r.group(3) if dated else None
                refs.append((int(r.group(1)), int(r.group(2)), _year_of(when) if when else None))
            add(_Item(m.start(), m.end(), "list", tuple(refs)))
    for m in _SYMBOL.finditer(text):
        shape, session, year = _symbol_shape(m.group(0))
        if shape is not None:
            add(_Item(m.start(), m.end(), "symbol", (session, year, m.group(0)), shape))
    if date is not None:
        for m in date.finditer(text):
            add(_Item(m.start(), m.end(), "date", (_year_of(m.group(0)), m.group(0))))
    for m in _YEAR_RANGE.finditer(text):
        add(_Item(m.start(), m.end(), "years", (int(m.group(1)), int(m.group(2)) % 100)))
    for m in _YEAR.finditer(text):
        add(_Item(m.start(), m.end(), "year", (int(m.group(1)),)))
    for start, end, n in _find_ordinals(code, text):
        add(_Item(start, end, "ordinal", (n, text[start:end].lower())))
    for m in _NUMERIC_ORDINAL.finditer(text):
        add(_Item(m.start(), m.end(), "ordinal", (int(m.group(1)), m.group(0))))
    return sorted(found, key=lambda it: it.start)


def _year_of(date_text: str) -> int:
    m = re.search(r"\d{4}", date_text)
    if m is None:
        raise ValueError(f"no year in the date {date_text!r}")
    return int(m.group(0))


def _symbol_shape(symbol: str) -> tuple[str | None, int | None, int | None]:
    """``A/C.3/77/L.6`` → (``A/C.3/{S}/L.{N}``, 77, None); None when nothing in it can shift."""
    shape, session, year = [], None, None
    for comp in symbol.split("/"):
        if re.fullmatch(r"(?:19|20)\d\d", comp) and year is None:
            shape.append("{Y}")
            year = int(comp)
        elif re.fullmatch(r"\d{1,3}", comp):
            if session is None:
                shape.append("{S}")
                session = int(comp)
            else:
                shape.append("{N}")
        elif re.fullmatch(r"L\.\d+", comp) and session is not None:
            shape.append("L.{N}")
        else:
            shape.append(comp)
    if session is None and year is None:
        return None, None, None
    return "/".join(shape), session, year


@cache
def _date_pattern(code: str) -> re.Pattern[str] | None:
    if code == "zh":
        return _ZH_DATE
    if code not in _DATE:
        return None
    months = "|".join(_MONTHS[code].split())
    return re.compile(_DATE[code].replace("{m}", months).replace("{{4}}", "{4}"),
                      re.IGNORECASE)


@cache
def _list_pattern(code: str) -> re.Pattern[str] | None:
    """A run of resolution numbers (each with its date, if any) joined by commas and the
    language's conjunction."""
    if code == "zh":
        return None
    conj = re.escape(languages.table(code).conjunction)
    date = _date_pattern(code)
    item = _REF + (rf"(?:\s+(?:{_DATE_OF[code]})\s+{date.pattern})?"
                   if date is not None and code in _DATE_OF else "")
    sep = rf"(?:\s*[,،]\s*(?:{conj}\s+)?|\s+{conj}\s*)"
    return re.compile(rf"{item}(?:{sep}{item})*", re.IGNORECASE)


def _find_ordinals(code: str, text: str) -> list[tuple[int, int, int]]:
    return languages.find_ordinals(code, text)


def opener(text: str, language: str | None, part: str) -> str | None:
    """The opening words of a paragraph ("Engage instamment", "Deeply concerned") when the
    language's table knows them."""
    if language not in LANGUAGES:
        return None
    if part == "preamble":
        return languages.opener(language, text, "preamble")
    if part == "operative":
        return languages.opener(language, text, "operative")
    return None
