"""Render a `Draft` back into text as our users receive it, to make realistic variations.

Three layouts, each the way a real source prints a draft:

* `render_spaced`: PDF text extraction of a French draft, as ``drafts/A_C.3_77_L.6_fr.txt``:
  a blank line after every line, paragraph starts indented by one space, OP numbers inline
  (`` 5. Engage …``), footnotes at the foot of each page under a ``__________________`` rule,
  ``https://undocs.org/…`` link lines, a running header, and the first line of every page
  indented even when it continues a paragraph.
* `render_block`: PDF text extraction of an English draft, as ``drafts/A_80_L.9_en.txt``: the
  masthead on the first page, blank lines between paragraphs, ``1.`` alone on its line, footnotes
  under a rule, running headers ``SYMBOL`` / ``25-17846`` / ``2/5`` (with the running title above
  or below the symbol on adopted texts).
* `render_pasted`: clean text pasted from Word: one paragraph per line, footnotes at the end.

Footnote markers are put back into the paragraph texts where they stood (`Paragraph.note_at`),
glued to the word (``organisée1``) or loose (``Convention 3 ,``), in a form the parser takes at
exactly that place. A paragraph whose places are not known gets them where a reader expects
them: after a word that ends a phrase (preferably before a comma), French and Spanish before
punctuation, English after it (``Court,2``). The forms (and those places) are chosen from
`seed`, so one call always gives the same text.

Everything here is pure and deterministic: no I/O, no clock, no global random state. Only what a
layout really carries is printed; `Draft` fields a layout has no place for are left out (the
module docstrings of the tests say which).
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from resdiff import languages
from resdiff.model import Draft, Footnote, Paragraph
from resdiff.repair import find_marker

RULE = "__________________"
SPACED_JOB = "22-22988"
BLOCK_JOB = "25-17846"

_LETTERS = re.compile(r"[^\W\d_]+(?:[’'\-][^\W\d_]+)*")
_TRAILING = re.compile(r"^(?P<word>.*?)(?P<punct>[,;.:]*)$")
_LOOSE_JOIN = "\x00"
"""Joins a loose marker to its word while lines are wrapped: a marker never starts a line."""
_NOT_AFTER_LOOSE = re.compile(
    r"^(january|february|march|april|may|june|july|august|september|october|november|december|"
    r"janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|"
    r"per|pour|%|years?|ans?|days?|jours?|million|millions|billion|milliards?|states|états|"
    r"countries|pays|members|membres)\b",
    re.IGNORECASE,
)
"""Words that read as the unit of a number before them (``4 États``): no loose marker there."""
_STOPWORDS = frozenset(
    """with from than over about between until under pour dans avec entre sans vers sous chez
    paragraph paragraphs article articles section chapter annex annexe resolution resolutions
    résolution résolutions decision decisions décision session sessions item items number
    numéro page pages vol. goal target objective objectif cible principle principe rule règle
    and the of to""".split()
)
_SYMBOL = re.compile(r"(?<![\w/])(?:A|E|S)/(?:[A-Z]+(?:\.\d+)?/)*\d+/[A-Za-z0-9./]*[A-Za-z0-9]")
_RESOLUTION = re.compile(r"\b(?:résolutions?|resolutions?) (\d{2,3}/\d{1,4})\b")


@dataclass(frozen=True)
class _Token:
    """A word as printed, with the footnotes whose markers it carries."""

    text: str
    notes: tuple[int, ...] = ()


# --- footnote markers ---------------------------------------------------------------------------


def _candidates(words: list[str]) -> tuple[list[int], list[int]]:
    """Word positions where a marker may stand: those before a comma (where markers mostly
    stand), then any other word that ends a phrase, as a fallback."""
    before_comma: list[int] = []
    others: list[int] = []
    for i, raw in enumerate(words):
        m = _TRAILING.match(raw)
        assert m is not None
        word, punct = m.group("word"), m.group("punct")
        following = words[i + 1] if i + 1 < len(words) else ""
        if not _LETTERS.fullmatch(word) or len(word) < 4 or word.casefold() in _STOPWORDS:
            continue
        if word.isupper() or following[:1].isdigit():
            continue
        (before_comma if punct == "," else others).append(i)
    return before_comma, others


def _places(words: list[str], count: int) -> list[int]:
    """`count` strictly increasing word positions, spread through the paragraph."""
    if not count:
        return []
    before_comma, others = _candidates(words)
    for pool in (before_comma, sorted(before_comma + others)):
        if len(pool) >= count:
            return [pool[(2 * j + 1) * len(pool) // (2 * count)] for j in range(count)]
    # Too few natural places: the last words of the paragraph.
    start = max(0, len(words) - count)
    return list(range(start, start + count))[:count]


def _marked(
    p: Paragraph, text: str, *, english: bool, rng: random.Random | None
) -> list[_Token]:
    """The paragraph's words with its footnote markers put back. `rng` None: always glued."""
    if p.note_at and len(p.note_at) == len(p.notes):
        return _marked_at(text, p.notes, p.note_at, rng)
    return _marked_by_words(text, p.notes, english=english, rng=rng)


def _marked_at(text: str, notes: tuple[int, ...], note_at: tuple[int, ...],
               rng: random.Random | None) -> list[_Token]:
    """Markers written at their known places, each in a form the parser takes there."""
    out = ""
    done = 0  # how much of `text` is in `out`
    start = 0  # where the parser's search for the next marker starts, in `out`
    at: list[tuple[int, int]] = []  # (position in `out`, number)
    for number, a in zip(notes, note_at, strict=True):
        a = min(a, len(text))
        head, rest = out + text[done:a], text[a:]
        digits = str(number)
        glued = (head, digits, "")
        loose_ok = rest[:1] in ("", " ") or rest[:1] in ",." and rest[1:2] in ("", " ")
        loose = (head + _LOOSE_JOIN, digits, _LOOSE_JOIN if rest[:1] in (",", ".") else "")
        forms = [glued]
        if loose_ok and head:
            prefer_loose = (rng is not None and rng.random() < 0.4
                            and not _NOT_AFTER_LOOSE.match(rest.lstrip(" ,.")))
            forms = [loose, glued] if prefer_loose else [glued, loose]
        chosen = forms[0]
        for form in forms:
            written = (form[0] + form[1] + form[2] + rest).replace(_LOOSE_JOIN, " ")
            span = (len(form[0]), len(form[0]) + len(digits))
            if find_marker(written, number, start) == span:
                chosen = form
                break
        at.append((len(chosen[0]), number))
        out = chosen[0] + chosen[1] + chosen[2]
        start = len(chosen[0]) + len(digits)
        done = a
    out += text[done:]
    tokens: list[_Token] = []
    position = 0
    for word in out.split(" ") if out else []:
        end = position + len(word)
        tokens.append(_Token(word, tuple(n for k, n in at if position <= k < end)))
        position = end + 1
    return tokens


def _marked_by_words(
    paragraph_text: str, notes: tuple[int, ...], *, english: bool, rng: random.Random | None
) -> list[_Token]:
    """Markers after words that end a phrase, where a reader expects them."""
    words = paragraph_text.split(" ") if paragraph_text else []
    places = _places(words, len(notes))
    tokens = [_Token(w) for w in words]
    for number, i in zip(notes, places, strict=True):
        m = _TRAILING.match(words[i])
        assert m is not None
        word, punct = m.group("word"), m.group("punct")
        following = words[i + 1] if i + 1 < len(words) else ""
        loose = (
            rng is not None and rng.random() < 0.4 and not _NOT_AFTER_LOOSE.match(following)
        )
        if english:
            text = f"{word}{punct}{_LOOSE_JOIN if loose else ''}{number}"
        elif loose:
            text = f"{word}{_LOOSE_JOIN}{number}" + (f"{_LOOSE_JOIN}{punct}" if punct else "")
        else:
            text = f"{word}{number}{punct}"
        tokens[i] = _Token(text, tokens[i].notes + (number,))
    return tokens


def _wrap(tokens: list[_Token], first: str, width: int) -> list[tuple[str, tuple[int, ...]]]:
    """Greedy wrapping; the first line starts with `first`. Returns (line, notes on it)."""
    lines: list[tuple[str, tuple[int, ...]]] = []
    line, notes = first, ()
    fresh = True
    for token in tokens:
        candidate = line + ("" if fresh else " ") + token.text
        if not fresh and len(candidate.replace(_LOOSE_JOIN, " ")) > width:
            lines.append((line, notes))
            line, notes = token.text, token.notes
        else:
            line, notes = candidate, notes + token.notes
        fresh = False
    lines.append((line, notes))
    return [(text.replace(_LOOSE_JOIN, " "), ns) for text, ns in lines]


def _wrap_plain(text: str, width: int, first: str = "") -> list[str]:
    return [line for line, _ in _wrap([_Token(w) for w in text.split()], first, width)]


def _english(draft: Draft) -> bool:
    return draft.language not in ("fr", "es")


def op_prefix(p: Paragraph) -> str:
    """``5.`` or ``5 bis.`` for numbered operative and annex paragraphs; "" otherwise."""
    if p.number is None or p.part not in ("operative", "annex"):
        return ""
    suffix = p.label[len(f"OP{p.number}"):] if p.label.startswith(f"OP{p.number}") else ""
    return f"{p.number}{' ' + suffix if suffix else ''}."


def annex_heading(draft: Draft) -> str:
    code = draft.language if draft.language in languages.LANGUAGES else "en"
    return languages.table(code).annex_headings[0]


def _footnote(draft: Draft, number: int) -> Footnote | None:
    return next((f for f in draft.footnotes if f.number == number), None)


# --- pages --------------------------------------------------------------------------------------


@dataclass
class _Page:
    lines: list[str]
    notes: list[int]
    body: int = 0
    """Lines counted against the page length."""


def _paginate(
    body: list[tuple[str, tuple[int, ...], bool]], lines_per_page: int
) -> list[_Page]:
    """Cut (line, notes, counts?) into pages of `lines_per_page` counted lines."""
    pages = [_Page([], [])]
    for line, notes, counts in body:
        page = pages[-1]
        if counts and page.body >= lines_per_page:
            page = _Page([], [])
            pages.append(page)
        page.lines.append(line)
        page.notes.extend(notes)
        page.body += counts
    return pages


def _links(texts: list[str], language: str) -> list[str]:
    seen: list[str] = []
    for text in texts:
        found = [m.group() for m in _SYMBOL.finditer(text)]
        found += [f"A/RES/{m.group(1)}" for m in _RESOLUTION.finditer(text)]
        seen += [s for s in found if s not in seen]
    return [f"https://undocs.org/{language}/{s}" for s in seen]


def _notes_of(draft: Draft, page: _Page) -> list[Footnote]:
    return [f for n in page.notes if (f := _footnote(draft, n)) is not None]


def _body_items(draft: Draft) -> list[tuple[Paragraph | None, str]]:
    """The body in print order: paragraphs, with the annex heading (None, heading) before the
    first annex paragraph."""
    items: list[tuple[Paragraph | None, str]] = []
    in_annex = False
    for p in draft.paragraphs:
        if p.part == "annex" and not in_annex:
            items.append((None, annex_heading(draft)))
            in_annex = True
        items.append((p, p.text))
    return items


# --- the layouts --------------------------------------------------------------------------------


def render_spaced(
    draft: Draft, width: int = 85, lines_per_page: int = 22, furniture: bool = True,
    seed: int = 0,
) -> str:
    """The French PDF extraction layout of ``drafts/A_C.3_77_L.6_fr.txt``.

    Title line indented, organ line, then each paragraph with its first line indented by one
    space (`` 5. `` before an OP's text), lines wrapped at `width`, a blank line after every
    line. Every `lines_per_page` lines a page ends: the footnotes whose markers fell on it under a
    rule (`` N text``, continuation lines unindented), the page's ``https://undocs.org/…`` link
    lines and a running header (symbol, then ``5/15 22-22988``). The next page's first line is
    indented by one space even when it continues a paragraph. With `furniture` False the rule
    and the footnotes stay but links and running headers are left out.
    """
    language = draft.language or "fr"
    head = [f"   {draft.title} ", " ", "", " ", "", f" {draft.organ} ", ""]
    pages = _spaced_pages(draft, width, lines_per_page, seed)
    total = len(pages)
    out = list(head)
    for number, page in enumerate(pages, 1):
        for k, line in enumerate(page.lines):
            if k == 0 and number > 1 and not line.startswith(" "):
                line = " " + line
            out += [line, ""]
        notes = _notes_of(draft, page)
        if notes:
            out += [RULE + " ", ""]
            for note in notes:
                lines = _wrap_plain(note.text, width, f" {note.number} ")
                out += [lines[0] + " ", ""]
                out += [line + " " for line in lines[1:]]
        if furniture:
            out += _links([*page.lines, *(n.text for n in notes)], language)
            if number < total:
                folio = f"{number + 1}/{total}"
                pair = f"{folio} {SPACED_JOB}" if number % 2 == 0 else f"{SPACED_JOB} {folio}"
                out += [" ", f"{draft.symbol} " if draft.symbol else " ", " ", pair + " ", " "]
    return "\n".join(out) + "\n"


def _spaced_pages(draft: Draft, width: int, lines_per_page: int, seed: int) -> list[_Page]:
    rng = random.Random(seed)
    english = _english(draft)
    body: list[tuple[str, tuple[int, ...], bool]] = []
    for p, text in _body_items(draft):
        if p is None:
            body.append((f" {text} ", (), True))
            continue
        prefix = op_prefix(p)
        tokens = _marked(p, text, english=english, rng=rng)
        wrapped = _wrap(tokens, f" {prefix} " if prefix else " ", width)
        body += [(line + " ", notes, True) for line, notes in wrapped]
    return _paginate(body, lines_per_page)


def hidden_page_breaks(
    draft: Draft, width: int = 85, lines_per_page: int = 22, seed: int = 0
) -> list[str]:
    """The first lines of the pages of `render_spaced` (same arguments) that continue a
    paragraph after a page with no footnotes: without furniture only their indentation shows
    the break (as in the seed at its lines 1104 and 1302)."""
    pages = _spaced_pages(draft, width, lines_per_page, seed)
    return [
        page.lines[0].strip()
        for before, page in zip(pages, pages[1:], strict=False)
        if not before.notes and not page.lines[0].startswith(" ")
    ]


def _masthead(draft: Draft, width: int, job: str) -> list[str]:
    """The first page's masthead, as ``drafts/A_80_L.9_en.txt`` (draft) or
    ``drafts/A_RES_80_6_en.txt`` (adopted text) print it."""
    code = draft.language if draft.language in languages.LANGUAGES else "en"
    table = languages.table(code)
    adopted = draft.document_kind == "resolution"
    extra = dict(draft.extra)
    out = ["United Nations ", draft.symbol or "", " ", " ", "General Assembly "]
    if draft.distribution:
        out.append(f"Distr.: {draft.distribution} ")
    if draft.date:
        out.append(f"{draft.date} ")
    if "original" in extra:
        out.append(f"Original: {extra['original']} ")
    digits = job.replace("-", "")
    out += [" ", f"{job} (E)    101125     ", f"*{digits}*", " ", " "]
    if draft.session and (forms := languages.ordinal_forms(code, draft.session)):
        out.append(f"{forms[0][:1].upper()}{forms[0][1:]} session ")
    if draft.agenda_item:
        out.append(f"Agenda item {draft.agenda_item} ")
        out += [f"{line} " for line in _wrap_plain(draft.agenda_title or draft.title, width)]
    out += [" "] * 5
    if adopted:
        out.append(f" {table.resolution_adopted} ")
        if "adopted_on" in extra:
            out.append(f"on {extra['adopted_on']} ")
        out += [" ", " "]
        if "reference" in extra:
            out += [f"[{extra['reference']}] ", " ", " "]
        number = draft.symbol.split("/RES/")[-1] if draft.symbol and "/RES/" in draft.symbol \
            else None
        title = f"{number}. {draft.title}" if number else draft.title
        out += [f"{line} " for line in _wrap_plain(title, width)]
    else:
        if draft.sponsors:
            names = list(draft.sponsors)
            listed = ", ".join(names[:-1]) + f" {table.conjunction} {names[-1]}" \
                if len(names) > 1 else names[0]
            star = "*" if any(k == "star_note" for k, _ in draft.extra) else ""
            kind = draft.document_kind or "draft resolution"
            out += [f"{line} " for line in _wrap_plain(f"{listed}:{star} {kind}", width)]
        out += [" ", " ", " "]
        out += [f"{line} " for line in _wrap_plain(draft.title, width, " ")]
    out += [" ", " ", " ", f"{draft.organ}  ", " "]
    return out


def _running_header(draft: Draft, number: int, total: int, job: str) -> list[str]:
    """Even pages: symbol, (running title,) job, folio; odd pages: (running title,) symbol,
    folio, job — as the English corpus prints them."""
    folio = f"{number}/{total}"
    symbol = draft.symbol or ""
    title = [draft.title] if draft.document_kind == "resolution" and draft.title else []
    if number % 2 == 0:
        return [f"{symbol} ", *title, " ", job, f"{folio} ", " "]
    return [*(f"{t} " for t in title), symbol, " ", folio, f"{job} ", " ", " "]


def render_block(
    draft: Draft, width: int = 85, lines_per_page: int = 45, furniture: bool = True,
    seed: int = 0,
) -> str:
    """The English PDF extraction layout of ``drafts/A_80_L.9_en.txt``.

    The masthead first (an adopted text's own masthead when ``document_kind`` is
    ``resolution``), a blank line between paragraphs, ``1.`` alone on its line before an OP's
    text (numbers from 10 inline, ``10. Calls upon``, as the corpus prints them), the closing
    ``NNth plenary meeting`` of an adopted text. Every `lines_per_page` lines a page ends: the
    footnotes whose markers fell on it under a rule (``*`` notes on the first page), then a
    running header. With `furniture` False, the masthead keeps only the title and running
    headers are left out (the rule and footnotes stay).
    """
    rng = random.Random(seed)
    english = _english(draft)
    job = BLOCK_JOB
    if furniture:
        head = _masthead(draft, width, job)
    else:
        head = [f"{line} " for line in _wrap_plain(draft.title, width, " ")] + [
            " ", f"{draft.organ} ", " "]
    body: list[tuple[str, tuple[int, ...], bool]] = [(line, (), bool(line.strip()))
                                                     for line in head]
    for p, text in _body_items(draft):
        if p is None:
            body += [(f"{text} ", (), True), (" ", (), False)]
            continue
        prefix = op_prefix(p)
        tokens = _marked(p, text, english=english, rng=rng)
        if prefix and len(prefix) <= 2:
            body.append((f"{prefix} ", (), True))
            wrapped = _wrap(tokens, "", width)
        else:
            wrapped = _wrap(tokens, f"{prefix} " if prefix else "", width)
        body += [(line + " ", notes, True) for line, notes in wrapped]
        body.append((" ", (), False))
    if draft.meeting:
        body.append((f"{draft.meeting} ", (), True))
        if draft.meeting_date:
            # Not counted: the date never goes to the next page without its meeting line.
            body.append((f"{draft.meeting_date} ", (), False))
        body.append((" ", (), False))
    pages = _paginate(body, lines_per_page)
    stars = [text for key, text in draft.extra if key == "star_note"] if furniture else []
    out: list[str] = []
    for number, page in enumerate(pages, 1):
        out += page.lines
        notes = _notes_of(draft, page)
        page_stars = stars if number == 1 else []
        if notes or page_stars:
            out += [RULE + " ", " "]
            for star in page_stars:
                out += [f"{line} " for line in _wrap_plain(star, width, "* ")] + [" "]
            for note in notes:
                lines = _wrap_plain(note.text, width, f"{note.number}  ")
                out += [f"{line} " for line in lines] + [" "]
        if notes or page_stars or furniture:
            out.append("")
        if furniture and number < len(pages):
            out += _running_header(draft, number + 1, len(pages), job)
    return "\n".join(out) + "\n"


def render_pasted(draft: Draft, blank_lines: bool) -> str:
    """Clean text as pasted from Word: the title, the organ line, one paragraph per line
    (``1. `` before an OP's text), with or without blank lines between them; the footnotes at the
    end as ``N text`` lines under a rule. Markers are glued, as superscripts lose their size."""
    english = _english(draft)
    lines = [draft.title, draft.organ]
    for p, text in _body_items(draft):
        if p is None:
            lines.append(text)
            continue
        tokens = _marked(p, text, english=english, rng=None)
        prefix = op_prefix(p)
        lines.append((f"{prefix} " if prefix else "") + " ".join(t.text for t in tokens))
    if draft.footnotes:
        lines.append(RULE)
        lines += [f"{f.number} {f.text}" for f in draft.footnotes]
    return ("\n\n" if blank_lines else "\n").join(lines) + "\n"
