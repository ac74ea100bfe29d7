"""The six official languages as data: one table per language, and language detection.

Everything that differs between English, French, Spanish, Russian, Chinese and Arabic (organ
lines, preambular and operative openers, session ordinals, masthead phrases) lives in
``resdiff/data/languages/<code>.json``; this is the one module that reads those tables. It does
no other I/O. Tables are read on first use and cached; they are immutable.

What it guarantees:

- ``table(code)`` knows exactly the codes of ``resdiff.model.LANGUAGES`` and raises ``KeyError``
  for any other; a table file with missing or unknown keys raises ``ValueError`` naming it.
- Words are compared after the same normalisation everywhere (``_key``): case-folded, Unicode
  NFC, combining marks dropped (Arabic vowel signs), any run of spaces (no-break included) and
  hyphens (- ‐ ‑ ‒ –) read as one space, ASCII apostrophe read as ’. So ``session_from_ordinal``
  inverts ``ordinal_forms`` for every listed form, however it is spaced or hyphenated.
- ``find_ordinals`` returns non-overlapping whole-word matches in text order, preferring the
  longest form at each place: "seventh" is never found inside "seventy-seventh". Forms in a
  script written without spaces (第七十七届) are matched without word boundaries.
- ``detect`` decides by script first, counting letters only, after removing ASCII runs that
  hold a digit or a slash (symbols such as A/77/292, links); only within a script shared by
  several tables (Latin) does it count stopwords. It answers None rather than guess.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Literal

from .model import LANGUAGES

_KEYS = frozenset({
    "_sources", "code", "name", "direction", "organ_lines", "preamble_openers",
    "operative_openers", "ordinals", "session_patterns", "agenda_item_patterns",
    "document_kinds", "conjunction", "resolution_adopted", "annex_headings",
    "plenary_meeting_pattern", "stopwords", "sub_item_style", "opener_patterns",
    "amendment_patterns", "note_lines", "instruction_openers",
})

_MIN_LETTERS = 20
"""Fewer letters than this (after removing symbols) is too little text to detect a language."""
_MIN_STOPWORDS, _MARGIN = 3, 2.0
"""Within one script, the winner needs this many times the stopword hits of the runner-up."""


@dataclass(frozen=True)
class LanguageTable:
    """One official language's table, as read from its JSON file (lists become tuples)."""

    code: str
    name: str
    direction: Literal["ltr", "rtl"]
    organ_lines: tuple[str, ...]
    """"The General Assembly", without the trailing comma; the first is the usual one."""
    preamble_openers: tuple[str, ...]
    operative_openers: tuple[str, ...]
    ordinals: Mapping[int, tuple[str, ...]] = field(hash=False)
    """1 … 100 → the written forms of that session ordinal, lower-case."""
    session_patterns: tuple[re.Pattern[str], ...]
    """Match a masthead session line; group ``ordinal``."""
    agenda_item_patterns: tuple[re.Pattern[str], ...]
    """Match a masthead agenda line; group ``item``."""
    document_kinds: tuple[str, ...]
    """Phrases that end a sponsor line ("draft resolution"), longest first."""
    conjunction: str
    resolution_adopted: str
    annex_headings: tuple[str, ...]
    plenary_meeting_pattern: re.Pattern[str]
    stopwords: tuple[str, ...]
    sub_item_style: str
    """How the first sub-item is labelled: "(a)", "a)", "а)", "(أ)"."""
    sources: str
    opener_patterns: tuple[re.Pattern[str], ...] = ()
    """The shape of a preambular opener the lists may lack (an English participle, "Urging",
    "Strongly convinced"): used to see where a paragraph starts, never to name an opener."""
    amendment_patterns: tuple[re.Pattern[str], ...] = ()
    """Search the sponsors line of an amendment: groups ``kind`` (``amendment to draft
    resolution``) and ``symbol`` (the draft it amends)."""
    note_lines: tuple[str, ...] = ()
    """A masthead line that makes the document a note (``Note by the Secretariat``)."""
    instruction_openers: tuple[str, ...] = ()
    """How an amendment's instruction opens (``After``, ``In``, ``Delete``, ``Replace``)."""


def _read(code: str) -> LanguageTable:
    name = f"{code}.json"
    raw = json.loads(resources.files("resdiff").joinpath("data", "languages", name).read_text(
        encoding="utf-8"))
    if set(raw) != _KEYS:
        raise ValueError(f"language table {name}: missing keys {sorted(_KEYS - set(raw))}, "
                         f"unknown keys {sorted(set(raw) - _KEYS)}")
    return LanguageTable(
        code=raw["code"],
        name=raw["name"],
        direction=raw["direction"],
        organ_lines=tuple(raw["organ_lines"]),
        preamble_openers=tuple(raw["preamble_openers"]),
        operative_openers=tuple(raw["operative_openers"]),
        ordinals=MappingProxyType({int(n): tuple(f) for n, f in raw["ordinals"].items()}),
        session_patterns=tuple(re.compile(p) for p in raw["session_patterns"]),
        agenda_item_patterns=tuple(re.compile(p) for p in raw["agenda_item_patterns"]),
        document_kinds=tuple(raw["document_kinds"]),
        conjunction=raw["conjunction"],
        resolution_adopted=raw["resolution_adopted"],
        annex_headings=tuple(raw["annex_headings"]),
        plenary_meeting_pattern=re.compile(raw["plenary_meeting_pattern"]),
        stopwords=tuple(raw["stopwords"]),
        sub_item_style=raw["sub_item_style"],
        sources=raw["_sources"],
        opener_patterns=tuple(re.compile(p) for p in raw["opener_patterns"]),
        amendment_patterns=tuple(re.compile(p) for p in raw["amendment_patterns"]),
        note_lines=tuple(raw["note_lines"]),
        instruction_openers=tuple(raw["instruction_openers"]),
    )


@cache
def table(code: str) -> LanguageTable:
    """The table of one official language ("en", "fr", "es", "ru", "zh", "ar")."""
    if code not in LANGUAGES:
        raise KeyError(f"no language table for {code!r}; the official languages are "
                       f"{', '.join(LANGUAGES)}")
    return _read(code)


@cache
def organ_lines() -> frozenset[str]:
    """Every table's organ lines, case-folded, read without building the tables (the page
    reader looks for the end of a masthead before it knows the language)."""
    out: set[str] = set()
    for code in LANGUAGES:
        raw = json.loads(resources.files("resdiff").joinpath(
            "data", "languages", f"{code}.json").read_text(encoding="utf-8"))
        out.update(o.casefold() for o in raw["organ_lines"])
    return frozenset(out)


def tables() -> tuple[LanguageTable, ...]:
    """The six tables, in the order of ``resdiff.model.LANGUAGES``."""
    return tuple(table(code) for code in LANGUAGES)


# --- words ------------------------------------------------------------------------------------

_SEPARATORS = re.compile(r"[\s\-\u2010\u2011\u2012\u2013]+")
_SEPARATOR_PATTERN = r"(?:\s*[\-\u2010\u2011\u2012\u2013]\s*|\s+)"


def _key(words: str) -> str:
    """The normalised form under which words are compared (see the module docstring)."""
    text = unicodedata.normalize("NFC", words).casefold().replace("'", "’")
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    return _SEPARATORS.sub(" ", text).strip()


@lru_cache(maxsize=8192)
def _script(ch: str) -> str:
    """The script of a letter, as the first word of its Unicode name: LATIN, CJK, ARABIC, …"""
    return unicodedata.name(ch, "UNKNOWN").split(" ", 1)[0]


def _spaced(ch: str) -> bool:
    """Whether words of this letter's script are separated by spaces (not so for Han)."""
    return _script(ch) not in {"CJK", "HIRAGANA", "KATAKANA"}


# --- ordinals ---------------------------------------------------------------------------------

@cache
def _ordinal_index(code: str) -> dict[str, int]:
    return {_key(form): n for n, forms in table(code).ordinals.items() for form in forms}


@cache
def _ordinal_regex(code: str) -> re.Pattern[str]:
    forms = sorted({f for fs in table(code).ordinals.values() for f in fs}, key=len, reverse=True)
    spaced: list[str] = []
    unspaced: list[str] = []
    for form in forms:
        body = _SEPARATOR_PATTERN.join(re.escape(w) for w in _SEPARATORS.split(form) if w)
        (spaced if _spaced(form[0]) and _spaced(form[-1]) else unspaced).append(body)
    # The word-boundary checks stand once outside the alternation, so that a position inside a
    # word is given up at once instead of once per form.
    alternatives = []
    if spaced:
        alternatives.append(r"(?<![\w\-\u2010\u2011])(?:" + "|".join(spaced) + r")(?!\w)")
    if unspaced:
        alternatives.append("(?:" + "|".join(unspaced) + ")")
    return re.compile("|".join(alternatives), re.IGNORECASE)


def ordinal_forms(code: str, n: int) -> tuple[str, ...]:
    """The written forms of session ordinal ``n``; empty outside 1 … 100."""
    return table(code).ordinals.get(n, ())


def session_from_ordinal(code: str, words: str) -> int | None:
    """The number a written ordinal stands for ("Seventy-seventh" → 77), or None."""
    return _ordinal_index(code).get(_key(words))


@cache
def _ordinal_words(code: str) -> frozenset[str]:
    """Every word that is part of an ordinal form: a text with none of them has no ordinal."""
    forms = [f for fs in table(code).ordinals.values() for f in fs]
    return frozenset(
        variant
        for form in forms
        for w in _SEPARATORS.split(form)
        if w
        for variant in (w.casefold(), _key(w))
    )


_WORDS = re.compile(r"\w+")


def find_ordinals(code: str, text: str) -> list[tuple[int, int, int]]:
    """Every session ordinal in ``text`` as (start, end, number), in text order."""
    words = _ordinal_words(code)
    if _spaced(next((ch for ch in text if ch.isalpha()), "a")) and words.isdisjoint(
        w.casefold() for w in _WORDS.findall(text)
    ):
        return []
    index = _ordinal_index(code)
    return [(m.start(), m.end(), index[_key(m.group())])
            for m in _ordinal_regex(code).finditer(text)]


# --- openers ----------------------------------------------------------------------------------

_PARAGRAPH_NUMBER = re.compile(r"^\s*(?:\d+\s*[.\-\u2013]?\s*)?")


@cache
def _openers(code: str, part: str) -> tuple[tuple[str, str], ...]:
    t = table(code)
    listed = t.preamble_openers if part == "preamble" else t.operative_openers
    return tuple(sorted(((_key(o), o) for o in listed), key=lambda kv: len(kv[0]), reverse=True))


def opener(code: str, text: str, part: Literal["preamble", "operative"]) -> str | None:
    """The longest listed opener that the paragraph starts with, as the table spells it.

    A leading paragraph number ("3.", "١ -", "1.") is skipped. The opener must end at a word
    boundary, except in scripts written without spaces ("请秘书长" opens with "请").
    """
    start = _key(_PARAGRAPH_NUMBER.sub("", text, count=1)[:200])
    for key, listed in _openers(code, part):
        if start.startswith(key):
            rest = start[len(key):]
            if not rest or not rest[0].isalnum() or not _spaced(key[-1]):
                return listed
    return None


def opens_paragraph(code: str, text: str) -> bool:
    """Whether `text` opens with a preambular or operative opener: listed in the table, or of
    the shape its `opener_patterns` give."""
    if opener(code, text, "preamble") or opener(code, text, "operative"):
        return True
    return any(p.match(text) for p in table(code).opener_patterns)


# --- detection --------------------------------------------------------------------------------

_SYMBOL = re.compile(r"[A-Za-z0-9./:_\-]*[/\d][A-Za-z0-9./:_\-]*")
_WORD = re.compile(r"[^\W\d_]+")


@cache
def _table_scripts() -> dict[str, str]:
    """Each table's script, read from the letters of its usual organ line."""
    return {t.code: _script(next(ch for ch in t.organ_lines[0] if ch.isalpha()))
            for t in tables()}


@cache
def _distinctive_stopwords(code: str) -> frozenset[str]:
    """The table's stopwords that no other table of the same script lists."""
    scripts = _table_scripts()
    others = {_key(w) for t in tables() if t.code != code and scripts[t.code] == scripts[code]
              for w in t.stopwords}
    return frozenset(_key(w) for w in table(code).stopwords) - others


DETECT_SAMPLE = 8_000
"""Characters `detect` reads at most: a page or two tells the language as well as a volume."""


def detect(text: str) -> str | None:
    """The official language of ``text``, or None when there is too little text to tell."""
    text = text[:DETECT_SAMPLE]
    letters = Counter(_script(ch) for ch in _SYMBOL.sub(" ", text) if ch.isalpha())
    total = sum(letters.values())
    if total < _MIN_LETTERS:
        return None
    script, count = letters.most_common(1)[0]
    if count * 2 <= total:
        return None
    candidates = [code for code, s in _table_scripts().items() if s == script]
    if len(candidates) <= 1:
        return candidates[0] if candidates else None
    raw = Counter(w.casefold() for w in _WORD.findall(text))
    words: Counter[str] = Counter()
    for word, n in raw.items():
        words[_key(word)] += n
    hits = sorted(((sum(words[w] for w in _distinctive_stopwords(c)), c) for c in candidates),
                  reverse=True)
    (best, code), (second, _) = hits[0], hits[1]
    if best < _MIN_STOPWORDS or best < _MARGIN * second:
        return None
    return code
