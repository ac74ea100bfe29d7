"""Repair PDF extraction damage and take footnote markers out of paragraph texts.

Damage is repaired with evidence from the document itself, never from guesses:

* a word broken by a stray space (``la t raite``, ``fil les``, ``Eur ope``) is rejoined only when
  the joined word stands elsewhere in the same document and a fragment does not: a fragment that
  is itself a word of the document is a real word, and two real words are never joined (a short
  fragment of up to three letters that occurs nowhere but in such breaks is not a real word);
* a space before an apostrophe that opens a word (``l ’exercice``) and inside a superscript
  abbreviation (``n o 29``) is removed;
* ``COVID -19`` is rejoined when the hyphenated form stands elsewhere, or the left part is an
  acronym;
* a space before a comma or full stop is removed (it is left by a loose footnote marker).

Footnote markers are found in document order: each footnote's number is looked for after the
previous marker, glued to a word or punctuation (``organisée1``, ``2024,1``, ``203012``) or loose
(``Convention 3 ,``). Guarantee: a marker is only taken where the number is the next footnote's.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable
from typing import NamedTuple

_WORD = re.compile(r"[^\W\d_]+(?:[’'][^\W\d_]+)*")
_COMPOUND = re.compile(r"(?<![^\W_])[^\W_]+(?:-[^\W_]+)+")
_APOSTROPHE = re.compile(r"(?<=[^\W\d_]) (?=[’'][^\W\d_])")
_SUPERSCRIPT_NO = re.compile(r"\b([nN]) (os?)(?= ?\d)")
_HYPHEN_BREAK = re.compile(r"([^\W_]+) -(\d+|[^\W\d_]+)")
_SPACE_BEFORE_STOP = re.compile(r"(?<=\S) +(?=[,.](?:\s|$))")
MAX_FRAGMENT = 3


def _key(word: str) -> str:
    """Words are counted case-insensitively, single letters as printed: a capital ``F`` in a
    code such as ``F.96.IV.13`` is no evidence that a lone ``f`` is a word."""
    return word if len(word) == 1 else word.lower()


_PAIRS = re.compile(
    r"(?<![^\W\d_’'])([^\W\d_]+) (?=([^\W\d_]+)(?![^\W\d_]|[’'][^\W\d_]))"
)
"""Every pair of neighbouring words, overlapping ("t r aite" gives (t, r) and (r, aite)); a word
glued to an apostrophe on either side ("s’y") is never half of a pair."""
_ELIDED_TAIL = re.compile(r"(?<=[^\W\d_])[’']([^\W\d_]+)")


class Vocabulary:
    """How often each word stands in a document (case-insensitive). A word with an elided
    article (``l’Europe``) counts as itself and as the word after the apostrophe."""

    def __init__(self, texts: Iterable[str]) -> None:
        whole = "\n".join(texts)
        counts: Counter[str] = Counter()
        for found in (_WORD.findall(whole), _ELIDED_TAIL.findall(whole)):
            for word, n in Counter(found).items():
                counts[_key(word)] += n
        counts.update(w.lower() for w in _COMPOUND.findall(whole))
        self.counts = counts
        self.in_breaks: Counter[str] = Counter()
        candidates = [(a, b) for a, b in _PAIRS.findall(whole) if (a + b).lower() in counts]
        for a, b in candidates:
            self.in_breaks[_key(a)] += 1
            self.in_breaks[_key(b)] += 1
        self.breaks = frozenset(f"{a} {b}" for a, b in set(candidates) if self.joins(a, b))
        """The broken words of the document, as they stand ("t raite")."""

    def is_word(self, fragment: str) -> bool:
        """True when the fragment stands in the document other than as part of a broken word."""
        key = _key(fragment)
        return self.counts[key] > self.in_breaks[key]

    def joins(self, a: str, b: str) -> bool:
        if (a + b).lower() not in self.counts:
            return False
        real_a, real_b = self.is_word(a), self.is_word(b)
        if real_a and real_b:
            return False
        if not real_a and not real_b:
            return True
        fragment = b if real_a else a
        return len(fragment) <= MAX_FRAGMENT


def mend_spacing(text: str) -> str:
    """The repairs that need no evidence: a space before an apostrophe that opens a word
    (``l ’exercice``), inside a superscript abbreviation (``n o 29``)."""
    if " ’" in text or " '" in text:
        text = _APOSTROPHE.sub("", text)
    if " o" in text:
        text = _SUPERSCRIPT_NO.sub(r"\1\2", text)
    return text


def repair(text: str, vocabulary: Vocabulary) -> str:
    """Repair the extraction damage in one text (already on one line, spacing mended)."""
    if " -" in text:
        text = _HYPHEN_BREAK.sub(lambda m: _hyphen(m, vocabulary), text)
    return _join_fragments(text, vocabulary)


def _hyphen(m: re.Match[str], vocabulary: Vocabulary) -> str:
    left, right = m.group(1), m.group(2)
    joined = f"{left}-{right}"
    if (left.isupper() and len(left) > 1) or vocabulary.counts[joined.lower()]:
        return joined
    return m.group(0)


def _join_fragments(text: str, vocabulary: Vocabulary) -> str:
    """Join the broken words of one text; a word broken into three takes two rounds."""
    if not any(broken in text for broken in vocabulary.breaks):
        return text
    for _ in range(4):
        pairs = {(a, b) for a, b in _PAIRS.findall(text) if vocabulary.joins(a, b)}
        if not pairs:
            break
        text = _PAIRS.sub(functools.partial(_joined, pairs=pairs), text)
    return text


def _joined(m: re.Match[str], pairs: set[tuple[str, str]]) -> str:
    """A pair match consumes its first word and the space; the second word stays in place."""
    return m.group(1) if (m.group(1), m.group(2)) in pairs else m.group(0)


def vocabulary_of(texts: Iterable[str]) -> Vocabulary:
    """The vocabulary of a document, counted over its texts (spacing mended first)."""
    return Vocabulary(texts)


def tidy(text: str) -> str:
    """Collapse whitespace and drop the space a removed marker leaves before ``,`` or ``.``."""
    text = " ".join(text.split())
    return _SPACE_BEFORE_STOP.sub("", text) if " ," in text or " ." in text else text


# --- footnote markers -------------------------------------------------------------------------

_GLUE_BEFORE = (
    r"(?:(?<=[^\W\d_])|(?<=[)\]»”’\"',;:])|(?<=[^\W\d_]{2}[.])|(?<=[)][.]))"
)
"""A marker glued to the end of a word, or after closing punctuation."""
_NUMBER_WORDS = frozenset(
    """no nos n° no. vol vol. paragraph paragraphs para para. paras article articles art art.
    section sections sect sect. chapter chap chap. item items resolution resolutions decision
    decisions annex annexe annexes rule rules règle page pages p p. pp pp. goal goals target
    targets objective objectives objectif objectifs cible cibles principle principles principe
    principes paragraphe paragraphes alinéa point points résolution résolutions décision
    décisions session sessions the of de du des le la les to from à au aux en et and or ou than
    que over about environ between entre until jusqu’au by par per sur on in dans with avec
    numéro number numbers""".split()
)
_MONTHS_OR_UNITS = re.compile(
    r"^(january|february|march|april|may|june|july|august|september|october|november|december|"
    r"janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|"
    r"enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|"
    r"per|pour|por|%|years?|ans?|años|days?|jours?|días|million|millions|billion|milliards?|"
    r"states|états|countries|pays|members|membres)\b"
    r"|^(?:and|et|y|to|à|au|or|ou|-|–)\s+\d",
    re.IGNORECASE,
)


_GLUED = re.compile(rf"{_GLUE_BEFORE}(\d{{1,3}})(?!\d)")
_YEAR_GLUED = re.compile(r"(?<![\d/.,-])(?:1[89]|20)\d\d(\d{1,3})(?!\d)")
_LOOSE = re.compile(r"(?<=\s)(\d{1,3})(?=\s|$|[,;.:](?:\s|$))")


def find_marker(text: str, number: int, start: int = 0) -> tuple[int, int] | None:
    """The span of footnote marker `number` in `text` at or after `start`, or None.

    A glued marker wins over a loose one; among those of one kind the first wins."""
    s = str(number)
    if s not in text[start:]:
        return None
    for m in _GLUED.finditer(text, start):
        if m.group(1) == s and _plausible_glued(text, m.start(1), m.end(1)):
            return m.start(1), m.end(1)
    for m in _YEAR_GLUED.finditer(text, start):
        if m.group(1) == s:
            return m.start(1), m.end(1)
    for m in _LOOSE.finditer(text, start):
        if m.group(1) == s and _plausible_loose(text, m.start(1), m.end(1)):
            return m.start(1), m.end(1)
    return None


def _plausible_glued(text: str, start: int, end: int) -> bool:
    after = text[end:end + 1]
    if after.islower() and text[start - 1] in ",;:)”’" and text[end:end + 2].isalpha():
        return True  # glued on both sides, after punctuation: "Human Rights,1as well"
    if after and (after.isalpha() or after in "/.-" and text[end + 1:end + 2].isdigit()):
        return False  # part of a code such as "8.7" or a symbol
    if not text[start - 1].isalpha():
        return True  # after closing punctuation: "2024/25;4", "resolution 75/289;1", "»9"
    word = text[:start].split(" ")[-1]
    # Letters of a symbol or code (A/HRC/50, GC(69)/RES, UN1): the digits belong to them.
    return "/" not in word and not re.fullmatch(r"[A-Z]{1,3}", word)


def _plausible_loose(text: str, start: int, end: int) -> bool:
    before = text[:start].rstrip()
    if not before:
        return False
    words = before.split(" ")
    prev = words[-1].lower()
    if prev in ("session", "sessions") and len(words) > 1 and re.search(
            r"(?:th|st|nd|rd|first|second|third)$", words[-2].lower()):
        pass  # "at its sixtieth session 6 and": an ordinal session is never numbered after
    elif prev in _NUMBER_WORDS or prev.rstrip(".") in _NUMBER_WORDS:
        return False
    after = text[end:].lstrip()
    if re.fullmatch(r"(?:1[89]|20)\d\d,?", prev) and not re.match(r"\d", after):
        # Straight after a year ("of 6 October 2020 7 and 54/8"), a small number is no
        # range or count: it is the marker of the date's footnote.
        return not _MONTHS_OR_UNITS.match(after) or bool(re.match(r"(?:and|et|y|or|ou)\s", after))
    return not _MONTHS_OR_UNITS.match(after)


def _between(texts: list[str], spans: list[list[tuple[int, int]]], notes: list[list[int]],
             number: int) -> tuple[int, tuple[int, int]] | None:
    """Where the marker of footnote `number`, not found by `find_marker`, stands if the
    numbering leaves one place for it: the only standalone `number` between the markers of the
    notes before and after it (``Sustainable Development Goals 13 and`` when footnote 13 has no
    other place). None when there is no such place or more than one."""
    before = [(k, a, b) for k, ns in enumerate(notes) for n, (a, b) in zip(ns, spans[k],
                                                                          strict=True)
              if n < number]
    after = [(k, a, b) for k, ns in enumerate(notes) for n, (a, b) in zip(ns, spans[k],
                                                                         strict=True)
             if n > number]
    start = max(((k, b) for k, _, b in before), default=(0, 0))
    end = min(((k, a) for k, a, _ in after), default=(len(texts) - 1, len(texts[-1])))
    found: list[tuple[int, tuple[int, int]]] = []
    pattern = re.compile(rf"(?<![\d/.,:-]){number}(?![\d/]|[.,]\d)")
    for k in range(start[0], end[0] + 1):
        low = start[1] if k == start[0] else 0
        high = end[1] if k == end[0] else len(texts[k])
        for m in pattern.finditer(texts[k], low, high):
            if not _MONTHS_OR_UNITS.match(texts[k][m.end():].lstrip()):
                found.append((k, (m.start(), m.end())))
    return found[0] if len(found) == 1 else None


class Taken(NamedTuple):
    """What `take_markers` gives back, one item per text."""

    texts: list[str]
    """The texts without their markers, tidied."""
    notes: list[tuple[int, ...]]
    """The numbers of the markers taken from each text, in order."""
    note_at: list[tuple[int, ...]]
    """For each marker, its offset in the tidied text (see `Paragraph.note_at`)."""
    missing: list[int]
    """The numbers whose marker was not found."""


def take_markers(texts: list[str], numbers: list[int]) -> Taken:
    """Find the markers of `numbers` (in order) through `texts` (in document order), take them
    out, and say where they stood in the final (tidied) texts."""
    notes: list[list[int]] = [[] for _ in texts]
    spans: list[list[tuple[int, int]]] = [[] for _ in texts]
    missing: list[int] = []
    t, pos = 0, 0
    for number in numbers:
        found = None
        for k in range(t, len(texts)):
            span = find_marker(texts[k], number, pos if k == t else 0)
            if span:
                found = (k, span)
                break
        if found is None:
            missing.append(number)
            continue
        t, span = found
        pos = span[1]
        notes[t].append(number)
        spans[t].append(span)
    for number in list(missing):
        if (place := _between(texts, spans, notes, number)) is not None:
            k, span = place
            notes[k].append(number)
            spans[k].append(span)
            missing.remove(number)
    for k in range(len(texts)):
        if len(spans[k]) > 1:
            pairs = sorted(zip(spans[k], notes[k], strict=True))
            spans[k], notes[k] = [a for a, _ in pairs], [b for _, b in pairs]
    out: list[str] = []
    places: list[tuple[int, ...]] = []
    for text, text_spans in zip(texts, spans, strict=True):
        # A marker stands after the last character before it that is not a space. Tidying only
        # removes spaces, so that character is found in the tidied text by counting the
        # characters that are not spaces.
        # The digits of the markers before it go too.
        ordered = sorted(text_spans)
        solid = [_solid_count(text, a) - sum(d - c for c, d in ordered[:k])
                 for k, (a, _) in enumerate(ordered)]
        for a, b in sorted(text_spans, reverse=True):
            text = text[:a] + " " + text[b:] if _needs_space(text, a, b) else text[:a] + text[b:]
        final = tidy(text)
        out.append(final)
        places.append(_offsets(final, solid))
    return Taken(out, [tuple(n) for n in notes], places, missing)


_SPACES = re.compile(r"\s+")


def _solid_count(text: str, end: int) -> int:
    """How many characters of ``text[:end]`` are not spaces."""
    return end - sum(len(m) for m in _SPACES.findall(text, 0, end))


def _offsets(final: str, solid: list[int]) -> tuple[int, ...]:
    """The offsets in `final` just after its n-th character that is not a space, for each n
    of `solid` (0: the start)."""
    out: list[int] = []
    seen = 0
    i = 0
    for n in solid:
        if n == 0:
            out.append(0)
            continue
        while seen < n:
            if not final[i].isspace():
                seen += 1
            i += 1
        out.append(i)
    return tuple(out)


def _needs_space(text: str, a: int, b: int) -> bool:
    """Keep words apart where a glued marker stood between a word and the next one."""
    return a > 0 and not text[a - 1].isspace() and b < len(text) and text[b].isalnum()
