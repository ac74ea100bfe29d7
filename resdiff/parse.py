"""Read a draft's text into a `Draft`: the core of resdiff, pure (no I/O but `parse_file`).

Stages, each with what its output guarantees:

1. `read.pages.split_pages`: no page furniture left; footnotes lifted out, in order.
2. the organ line (``The General Assembly,``, from the language tables) splits the masthead,
   read by `masthead.read_masthead`, from the body.
3. `segment`: body lines grouped into paragraphs, rejoined across page breaks and footnote
   blocks; sub-items ``(a)``/``a)`` stay inside their paragraph; the closing ``NNth plenary
   meeting`` and the annex heading are taken out.
4. `_assign`: each paragraph gets its part and label (PP by position, OP by its number,
   ``OP5bis``/``PP3ter`` kept where a negotiation draft prints them, AN for annex paragraphs).
5. `repair`: extraction damage repaired from the document's own vocabulary; footnote markers
   taken out into `Paragraph.notes`, where they stood into `Paragraph.note_at` (offsets in the
   final text).

Beside them: headings among numbered paragraphs are kept in `Draft.extra` (``heading``), no
paragraph; an amendment document (its sponsors line names the draft it amends) reads as its
instructions ``I1``, ``I2``… (part ``text``); and `sureness.assess` adds one warning where the
reading does not hold together.

A text with no recognisable resolution structure is still read, as plain paragraphs (part
``text``), with a warning, so that it can be compared.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, replace

from . import languages, repair
from .masthead import Masthead, amendment_of, read_masthead
from .model import Draft, Footnote, InputError, Paragraph, Part
from .read.pages import Line, split_pages
from .read.source import Source, Tracked, read_source
from .sureness import assess

_SPECIAL_SPACES = str.maketrans(
    {"\u00a0": " ", "\u202f": " ", "\u2007": " ", "\u2009": " ", "\u2011": "-", "\u00ad": None,
     "\t": " ", "\ufeff": None}
)
_SUFFIXES = "bis|ter|quater|quinquies|sexies|septies|octies|nonies|decies"
_OP_NUMBER = re.compile(
    rf"^(?P<num>[0-9\u0660-\u0669]{{1,3}})\s*(?P<suffix>{_SUFFIXES})?\s*(?:[.．](?!\d)|\s-(?=\s))\s*"
)
_EXPLICIT_LABEL = re.compile(
    rf"^(?P<part>PP|OP)\s?(?P<num>\d{{1,3}})\s?(?P<suffix>{_SUFFIXES})?\b[.:)]?\s+"
)
_SUB_ITEM = re.compile(r"^\(?(?:[a-z]{1,2}|[ivxl]{1,6}|[а-я]|[أ-ي])\)(?:\s|$)")
_TERMINATORS = tuple(",;.:，；。：،؛")
_ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")
_SESSION_IN_SYMBOL = re.compile(r"^A/(?:[A-Z]+(?:\.\d+)?/)*(?P<session>\d{1,3})/")


@dataclass
class _Block:
    """A paragraph being assembled from lines."""

    text: str
    annex: bool = False
    heading: bool = False
    """A heading among numbered paragraphs (``Security, counter-terrorism and …``,
    ``B. Individualized approaches``): kept, but no paragraph."""

    def add(self, piece: str) -> None:
        self.text = _join(self.text, piece)


def parse_file(path: str | os.PathLike[str], *, tracked: Tracked = "current") -> Draft:
    """Read and parse one file (any format `read.source.read_source` accepts)."""
    return parse_source(read_source(path, tracked=tracked))


def parse_source(source: Source) -> Draft:
    return parse_text(source.text, name=source.name, warnings=source.warnings,
                      doubts=source.doubts)


def parse_text(text: str, *, name: str = "<text>", warnings: tuple[str, ...] = (),
               doubts: tuple[str, ...] = ()) -> Draft:
    """Parse a draft's text. `warnings` (from reading the file) are carried into the draft;
    `doubts` (what the reader could not make agree) go into its reading report, one warning
    that `sureness.assess` writes when something does not hold together."""
    text = text.translate(_SPECIAL_SPACES)
    pages = split_pages(text)
    if not pages.lines:
        raise InputError(f"{name}: no text to read")
    found: list[str] = list(warnings)
    language = languages.detect("\n".join(line.text for line in pages.lines))
    if language is None:
        found.append(f"{name}: the language could not be told")
    organ_at = _find_organ(pages.lines, language)
    instructions_at = _instructions_start(pages.lines, language) if organ_at is None else None
    if instructions_at is not None:
        front, body = list(pages.lines[:instructions_at]), list(pages.lines[instructions_at:])
    else:
        front = list(pages.lines[:organ_at]) if organ_at is not None else []
        body = list(pages.lines[organ_at + 1:]) if organ_at is not None else list(pages.lines)
    head = read_masthead(front, language, pages.layout) if front else Masthead()
    symbol = head.symbol or next(iter(pages.symbols), None)
    body, meeting, meeting_date = _closing(body, language)
    blocks = segment(body, pages.layout, language)
    heading_at = _headings(blocks)
    blocks = [b for b in blocks if not b.heading]
    if instructions_at is not None:
        paragraphs, structured = _instructions(blocks, language), True
    else:
        paragraphs, structured = _assign(blocks, language, has_organ=organ_at is not None)
    headings = [(paragraphs[i].label if i < len(paragraphs) else "end", text)
                for i, text in heading_at]
    amendment = instructions_at is not None  # its instructions are its structure
    if not structured:
        found.append(
            f"{name}: no resolution structure recognised (no organ line, no numbered operative "
            "paragraphs): read as plain paragraphs"
        )
    elif organ_at is None and not amendment:
        found.append(f"{name}: no organ line (such as \"The General Assembly,\") found")
    organ = pages.lines[organ_at].text if organ_at is not None else ""
    paragraphs, footnotes, more = _clean(paragraphs, pages.footnotes, head, organ)
    found.extend(f"{name}: {w}" for w in more)
    session = head.session or _session_from_symbol(symbol)
    extra = list(head.extra) + [("star_note", s) for s in pages.star_notes]
    extra += [("heading", f"{label}: {text}") for label, text in headings]
    draft = Draft(
        symbol=symbol,
        language=language,
        title=repair.tidy(head.title),
        organ=organ,
        sponsors=tuple(head.sponsors),
        session=session,
        agenda_item=head.agenda_item,
        paragraphs=tuple(paragraphs),
        footnotes=tuple(footnotes),
        warnings=tuple(found),
        date=head.date,
        distribution=head.distribution,
        agenda_title=head.agenda_title,
        document_kind=head.document_kind,
        adopted_from=head.adopted_from,
        meeting=meeting,
        meeting_date=meeting_date,
        extra=tuple(extra),
    )
    if structured and not amendment and (report := assess(draft, doubts)):
        draft = replace(draft, warnings=(*draft.warnings, f"{name}: {report}"))
    return draft


def _normalise_organ(text: str) -> str:
    return text.replace("'", "’").rstrip(" ,،，").strip().casefold()


def _find_organ(lines: tuple[Line, ...], language: str | None) -> int | None:
    tables = [languages.table(language)] if language else list(languages.tables())
    organs = {_normalise_organ(o) for t in tables for o in t.organ_lines}
    for i, line in enumerate(lines):
        if _normalise_organ(line.text) in organs:
            return i
    return None


def _instructions_start(lines: tuple[Line, ...], language: str | None) -> int | None:
    """Where the instructions of an amendment start: after its sponsors line (``…: amendment
    to draft resolution A/C.3/80/L.2``) and the title of the draft it amends, at the first line
    that opens as an instruction does. None for any other document."""
    tables = [languages.table(language)] if language else list(languages.tables())
    for i, line in enumerate(lines[:60]):
        joined = f"{line.text} {lines[i + 1].text}" if i + 1 < len(lines) else line.text
        if not any(amendment_of(line.text, t) or amendment_of(joined, t) for t in tables):
            continue
        start = i + 1 if any(amendment_of(line.text, t) for t in tables) else i + 2
        for k in range(start + 1, len(lines)):
            if _opens_instruction(lines[k].text, tables):
                return k
        return None
    return None


def _opens_instruction(text: str, tables: list[languages.LanguageTable]) -> bool:
    if _OP_NUMBER.match(text):
        return True
    return any(re.match(rf"{re.escape(word)}(?:\b|\s|$)", text)
               for t in tables for word in t.instruction_openers)


def _instructions(blocks: list[_Block], language: str | None) -> list[Paragraph]:
    """An amendment's instructions as its paragraphs ``I1``, ``I2``…: each opens with its
    number or an instruction word; the text it inserts (``…, reading:`` then the new
    paragraph) stays with it."""
    tables = [languages.table(language)] if language else list(languages.tables())
    texts: list[str] = []
    numbers: list[int | None] = []
    for block in blocks:
        text = block.text
        if not texts or (_opens_instruction(text, tables)
                         and not texts[-1].rstrip().endswith((":", "："))):
            m = _OP_NUMBER.match(text)
            numbers.append(int(m.group("num").translate(_ARABIC_DIGITS)) if m else None)
            texts.append(text[m.end():] if m else text)
        else:
            texts[-1] = f"{texts[-1]} {text}"
    return [Paragraph(f"I{k}", "text", t, (), n)
            for k, (t, n) in enumerate(zip(texts, numbers, strict=True), 1)]


def _session_from_symbol(symbol: str | None) -> int | None:
    m = _SESSION_IN_SYMBOL.match(symbol or "")
    return int(m.group("session")) if m else None


def _closing(body: list[Line], language: str | None) -> tuple[list[Line], str | None, str | None]:
    """Take out the closing ``NNth plenary meeting`` line and the date under it."""
    tables = [languages.table(language)] if language else list(languages.tables())
    for i, line in enumerate(body):
        if any(t.plenary_meeting_pattern.match(line.text) for t in tables):
            date = None
            rest = body[i + 1:]
            if rest and re.match(r"^\d{1,2}(?:er)? \S+ \d{4}$|^\d{4}年", rest[0].text):
                date = rest[0].text
                rest = rest[1:]
            return body[:i] + rest, line.text, date
    return body, None, None


def segment(lines: list[Line], layout: str, language: str | None) -> list[_Block]:
    """Group body lines into paragraph blocks."""
    table = languages.table(language) if language else None
    annex_words = {a.casefold() for a in (table.annex_headings if table else ("Annex",))}
    blocks: list[_Block] = []
    glue_next = False
    in_annex = False
    operative = False
    last_number = 0
    margins = _usual_indents(lines)
    cued = layout == "block" and _blank_lines_mark_paragraphs(lines, language)
    for k, line in enumerate(lines):
        text = line.text
        first = text.split(" ")[0].casefold()
        if first in annex_words and len(text.split()) <= 2:
            in_annex = True
            glue_next = False
            continue
        if (re.fullmatch(r"\d{1,3}", text) and int(text) == last_number + 1 and blocks
                and _finished(blocks[-1].text) and k + 1 < len(lines)
                and lines[k + 1].text[:1].isupper()):
            # An operative number printed without its full stop, alone on its line.
            text = f"{text}."
        elif ((m := re.match(r"(\d{1,3}) +(?=\S)", text)) and int(m.group(1)) == last_number + 1
              and last_number and blocks and _finished(blocks[-1].text) and language
              and languages.opener(language, text[m.end():], "operative")):
            # The same, on the line of its text: "25 Condemns without reservation …".
            text = f"{m.group(1)}. {text[m.end():]}"
        starts = {"spaced": line.indent > 0, "block": line.blank_before, "lines": True}[layout]
        if layout == "block" and not cued and not starts and blocks and _finished(
                blocks[-1].text) and not blocks[-1].text.rstrip().endswith((":", "：")):
            # Extraction that leaves out the blank lines between paragraphs (pdfplumber, pypdf,
            # poppler): a finished line, then an indented line or one that opens as
            # paragraphs do.
            starts = line.indent > margins[k] or _opens(text, language)
        if not blocks or glue_next:
            starts = not blocks
        elif _SUB_ITEM.match(text):
            starts = False
        elif _OP_NUMBER.match(text) or _EXPLICIT_LABEL.match(text):
            starts = starts or line.blank_before or line.indent > 0 or layout != "spaced"
        elif starts and line.after_break:
            # Across a page break, a paragraph goes on unless the last one was finished and
            # this line opens one; among operative paragraphs only a number opens one.
            starts = (
                _finished(blocks[-1].text)
                and not _continuation_start(text, language)
                and not (operative and not in_annex)
            )
        elif (operative or in_annex) and _is_heading(
                text, blocks[-1].text, lines[k + 1].text if k + 1 < len(lines) else None):
            blocks.append(_Block(text, annex=in_annex, heading=True))
            glue_next = False
            continue
        elif operative and not in_annex:
            # Among numbered operative paragraphs only a number opens one; what else looks like
            # a start is the first line of a page, indented, going on with the paragraph.
            starts = False
        elif starts and layout == "spaced" and not _finished(blocks[-1].text):
            starts = False
        elif starts and text[:1].islower():
            # Paragraphs open with a capital, but for Russian openers (from the tables).
            starts = _is_opener(text, language)
        if starts:
            blocks.append(_Block(text, annex=in_annex))
            operative = operative or bool(_OP_NUMBER.match(text))
            if (m := _OP_NUMBER.match(text)) and not in_annex:
                last_number = int(m.group("num").translate(_ARABIC_DIGITS))
        else:
            blocks[-1].add(text)
        # "1." or "(a)" alone on its line: the text that follows belongs to it.
        glue_next = bool(re.fullmatch(r"\(?[\w\u0660-\u0669]{1,4}[.)]?", text)) and (
            bool(_OP_NUMBER.match(text + " ")) or bool(_SUB_ITEM.match(text))
        )
    return blocks


def _blank_lines_mark_paragraphs(lines: list[Line], language: str | None) -> bool:
    """Whether the text puts a blank line before its paragraphs: most lines that open as a
    paragraph does after a finished line have one (PyMuPDF's text); extraction that leaves
    them out (pdfplumber, pypdf, poppler) has them only at page breaks."""
    candidates = [line for previous, line in zip(lines, lines[1:], strict=False)
                  if _finished(previous.text) and _opens(line.text, language)]
    if len(candidates) < 3:
        return True
    return sum(line.blank_before for line in candidates) >= 0.7 * len(candidates)


def _usual_indents(lines: list[Line]) -> list[int]:
    """For each line, the indentation most body lines of its page have (0 but in poppler's
    ``-layout`` text, which sets odd and even pages at different margins). A page runs from
    one page break (`Line.after_break`) to the next; a page of few lines takes the
    document's."""
    def usual(run: list[Line]) -> int:
        counts: dict[int, int] = {}
        for line in run:
            counts[line.indent] = counts.get(line.indent, 0) + 1
        return max(counts, key=lambda k: counts[k]) if counts else 0

    whole = usual(lines)
    pages: list[list[Line]] = [[]]
    for line in lines:
        if line.after_break and pages[-1]:
            pages.append([])
        pages[-1].append(line)
    out: list[int] = []
    for page in pages:
        out += [usual(page) if len(page) >= 8 else whole] * len(page)
    return out


def _opens(text: str, language: str | None) -> bool:
    """A line that opens as a paragraph does: a number, a label or an opener."""
    if _OP_NUMBER.match(text) or _EXPLICIT_LABEL.match(text):
        return True
    if language is None or (text[:1].islower() and not _lower_openers(language)):
        return False
    return languages.opens_paragraph(language, text)


def _lower_openers(language: str) -> bool:
    """Whether the language writes its openers in lower case (Russian)."""
    return languages.table(language).preamble_openers[0][:1].islower()


_MARKED_END = re.compile(r"[,;.:] ?\d{1,3}$")
"""A line ending in punctuation and the footnote marker after it (``1993,4``), as English
prints markers."""


def _headings(blocks: list[_Block]) -> list[tuple[int, str]]:
    """The headings among the blocks, each with the index (among the other blocks) of the
    paragraph it stands above."""
    out: list[tuple[int, str]] = []
    for block in blocks:
        if block.heading:
            out.append((sum(1 for b in blocks[:blocks.index(block)] if not b.heading),
                        block.text))
    return out


def _is_heading(text: str, previous: str, following: str | None) -> bool:
    """A short unfinished line after a finished paragraph, with a numbered paragraph next:
    a heading among numbered paragraphs."""
    return (following is not None and bool(_OP_NUMBER.match(following + " "))
            and _finished(previous) and not _finished(text) and len(text.split()) <= 15
            and not _OP_NUMBER.match(text) and not _SUB_ITEM.match(text)
            and text[:1].isupper())


def _finished(text: str) -> bool:
    text = text.rstrip()
    return text.endswith(_TERMINATORS) or bool(_MARKED_END.search(text))


def _continuation_start(text: str, language: str | None) -> bool:
    first = text[:1]
    if first.islower():
        return not _is_opener(text, language)
    return first.isdigit() and not _OP_NUMBER.match(text) or first in "(«“\"'’"


def _is_opener(text: str, language: str | None) -> bool:
    return language is not None and any(
        languages.opener(language, text, part) for part in ("preamble", "operative")
    )


def _join(text: str, piece: str) -> str:
    if text.endswith("-") and re.search(r"[^\W\d_] ?-$", text[-3:]) and piece[:1].isalpha():
        # A compound hyphen at the end of a line ("au-" / "delà", "drug -" / "resistant"):
        # UN documents do not break words at line ends, so the hyphen is the word's own.
        return re.sub(r" -$", "-", text) + piece
    return f"{text} {piece}"


def _assign(
    blocks: list[_Block], language: str | None, *, has_organ: bool
) -> tuple[list[Paragraph], bool]:
    """Give each block its part, label and number. Returns (paragraphs, structured?)."""
    last_op: int | None = None
    numbered: list[tuple[int | None, str | None, str]] = []  # (number, label, text)
    for block in blocks:
        text = block.text
        number, label = None, None
        if m := _EXPLICIT_LABEL.match(text):
            label = f"{m.group('part')}{m.group('num')}{m.group('suffix') or ''}"
            if m.group("part") == "OP":
                number = int(m.group("num"))
            text = text[m.end():]
        elif not block.annex and (m := _OP_NUMBER.match(text)):
            n = int(m.group("num").translate(_ARABIC_DIGITS))
            suffix = m.group("suffix")
            if last_op is None or n > last_op or (n == last_op and suffix):
                number = n
                label = f"OP{n}{suffix or ''}"
                text = text[m.end():]
        if number is not None:
            last_op = number
        numbered.append((number, label, text))
    first_op = next(
        (i for i, (n, lab, _) in enumerate(numbered) if n is not None or (lab or "")[:2] == "OP"),
        None,
    )
    paragraphs: list[Paragraph] = []
    annex_index = 0
    if first_op is None:
        if not has_organ and not _looks_like_preamble(numbered, language):
            return [Paragraph(f"P{i}", "text", t) for i, (_, _, t) in enumerate(numbered, 1)], False
        # A resolution with a single, unnumbered operative paragraph: the last, ending in ".".
        main = [b for b in blocks if not b.annex]
        first_op = len(main) - 1 if main and not _ends_with_comma(main[-1].text) else len(main)
    pp = 0
    for i, ((number, label, text), block) in enumerate(zip(numbered, blocks, strict=True)):
        part: Part
        if block.annex:
            annex_index += 1
            m = _OP_NUMBER.match(text)
            number = int(m.group("num").translate(_ARABIC_DIGITS)) if m else None
            text = text[m.end():] if m else text
            part, label = "annex", f"AN{annex_index}"
        elif i < first_op:
            pp += 1
            part, label, number = "preamble", label or f"PP{pp}", None
        else:
            part = "operative"
            label = label or (f"OP{number}" if number is not None else f"OP{i - first_op + 1}")
        paragraphs.append(Paragraph(label, part, text, (), number))
    return paragraphs, True


def _ends_with_comma(text: str) -> bool:
    return text.rstrip().endswith((",", "，", "،"))


def _looks_like_preamble(numbered: list[tuple[int | None, str | None, str]], language: str | None
                         ) -> bool:
    if not language or not numbered:
        return False
    return languages.opener(language, numbered[0][2], "preamble") is not None


def _clean(
    paragraphs: list[Paragraph], raw_notes: tuple[tuple[int, str], ...], head: Masthead, organ: str
) -> tuple[list[Paragraph], list[Footnote], list[str]]:
    """Repair damage and take out footnote markers, with the whole document as evidence."""
    texts = [repair.mend_spacing(repair.tidy(p.text)) for p in paragraphs]
    note_texts = [repair.mend_spacing(repair.tidy(t)) for _, t in raw_notes]
    vocabulary = repair.vocabulary_of(texts + note_texts + [head.title])
    texts = [repair.repair(t, vocabulary) for t in texts]
    texts, notes, note_at, missing = repair.take_markers(texts, [n for n, _ in raw_notes])
    footnotes = [
        Footnote(n, repair.tidy(repair.repair(t, vocabulary)))
        for (n, _), t in zip(raw_notes, note_texts, strict=True)
    ]
    warnings = [f"footnote {n}: its marker was not found in the text" for n in missing]
    out = [
        Paragraph(p.label, p.part, t, ns, p.number, at)
        for p, t, ns, at in zip(paragraphs, texts, notes, note_at, strict=True)
    ]
    labels = [p.label for p in out]
    if len(set(labels)) != len(labels):
        dupes = sorted({lab for lab in labels if labels.count(lab) > 1})
        warnings.append(f"paragraph labels printed twice: {', '.join(dupes)}")
    return out, footnotes, warnings
