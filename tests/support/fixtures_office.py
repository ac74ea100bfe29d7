"""Build Word and PDF files of a `Draft` as our users receive them, for the reader tests.

* `build_docx` (python-docx, plus the WordprocessingML python-docx has no API for): the title,
  the organ line, each paragraph with its opener in italics, operative numbers typed
  (``1.<tab>``) or as Word list numbering, real Word footnotes whose references stand where
  a reader expects them, the symbol in the page header; optionally tracked changes.
* `redline_paragraphs`, `redline_notes`: a Word redline's paragraphs and footnotes as Word
  shows them after "Accept all" or "Reject all", read from its XML (a paragraph whose mark is
  dropped runs on into the next; a footnote whose reference is dropped goes).
* `build_pdf` (reportlab, DejaVu fonts from Debian's fonts-dejavu packages): pages with a
  running header (symbol and folio) and footer (job number and running title), paragraphs with
  the first line indented, justified lines, long words hyphenated at line ends, superscript
  footnote markers, and each page's footnotes under a rule in a smaller size.

Footnote markers stand where the draft's `Paragraph.note_at` puts them; without those places,
after a word that ends a phrase (`layout._places`), before the punctuation in French and
Spanish, after it in English. Everything is deterministic.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, replace
from pathlib import Path
from xml.etree import ElementTree as ET

from resdiff import languages
from resdiff.model import Draft, Paragraph
from tests.support.layout import _TRAILING, _places, annex_heading, op_prefix

AUTHOR = "Facilitator"
DATE = "2022-10-03T10:00:00Z"
FONTS = Path("/usr/share/fonts/truetype/dejavu")

Piece = str | int
"""A paragraph piece: text, or the number of the footnote whose marker stands there."""


def pieces(p: Paragraph, english: bool) -> list[Piece]:
    """The paragraph's text with its footnote markers, as (text | note number) pieces: at
    their places when known (`Paragraph.note_at`), else where a reader expects them."""
    if p.note_at and len(p.note_at) == len(p.notes):
        out: list[Piece] = []
        done = 0
        for number, a in zip(p.notes, p.note_at, strict=True):
            if p.text[done:a]:
                out.append(p.text[done:a])
            out.append(number)
            done = a
        if p.text[done:]:
            out.append(p.text[done:])
        return out
    words = p.text.split(" ") if p.text else []
    places = dict(zip(_places(words, len(p.notes)), p.notes, strict=True))
    out: list[Piece] = []
    text = ""
    for i, raw in enumerate(words):
        text += (" " if i else "")
        if i in places:
            m = _TRAILING.match(raw)
            assert m is not None
            word, punct = m.group("word"), m.group("punct")
            if english:
                out += [text + word + punct, places[i]]
            else:
                out += [text + word, places[i]]
                text = punct
                continue
            text = ""
        else:
            text += raw
    if text:
        out.append(text)
    return out


def encrypt_docx(data: bytes, password: str) -> bytes:
    """`data` encrypted as Word does when a document is given a password."""
    from msoffcrypto.format.ooxml import OOXMLFile

    out = io.BytesIO()
    OOXMLFile(io.BytesIO(data)).encrypt(password, out)
    return out.getvalue()


def opener_length(draft: Draft, p: Paragraph) -> int:
    if not draft.language or p.part not in ("preamble", "operative"):
        return 0
    found = languages.opener(draft.language, p.text, p.part)  # type: ignore[arg-type]
    return len(found) if found else 0


def _notes_between(p: Paragraph, low: int, high: int, shift: int) -> dict[str, tuple[int, ...]]:
    """The notes of `p` whose markers stand in ``text[low:high]``, their places shifted."""
    kept = [(n, a) for n, a in zip(p.notes, p.note_at, strict=True) if low <= a <= high]
    return {"notes": tuple(n for n, _ in kept), "note_at": tuple(a + shift for _, a in kept)}


def carried(d: Draft) -> dict[str, object]:
    """What a Word or PDF file carries of a draft, to compare with the same draft's text."""
    return {"symbol": d.symbol, "title": d.title, "organ": d.organ, "language": d.language,
            "paragraphs": d.paragraphs, "footnotes": d.footnotes}


GENERATED = "generated revision, not a UN document"
"""The label every revision the tests make of a real draft carries, so that none of them, nor a
redline made from one, is ever taken for a UN document."""


def negotiated(seed: Draft) -> Draft:
    """The seed after a round: PP3 moved after PP7 and amended, PP10 deleted, OP3 split, OP5
    and OP6 merged, a closing OP added; numbers and labels follow. Its symbol and title say it
    is generated."""
    pp = list(seed.part("preamble"))
    op = list(seed.part("operative"))
    moved = replace(pp[2], text=pp[2].text.replace("cruciale", "essentielle"))
    pp = pp[:2] + pp[3:7] + [moved] + pp[7:9] + pp[10:]
    text = op[2].text
    cut = text.find(", ", len(text) // 2)
    split = [replace(op[2], text=text[:cut] + ".", **_notes_between(op[2], 0, cut, 0)),
             replace(op[2], text="Souligne " + text[cut + 2:],
                     **_notes_between(op[2], cut + 1, len(text), len("Souligne ") - cut - 2))]
    head = op[4].text.rstrip(";.") + " et "
    merged = replace(op[4], text=head + op[5].text, notes=op[4].notes + op[5].notes,
                     note_at=op[4].note_at + tuple(a + len(head) for a in op[5].note_at))
    closing = Paragraph("OP0", "operative", "Décide de poursuivre l’examen de la question à sa "
                        "quatre-vingt-unième session.", (), 0)
    op = op[:2] + split + [op[3], merged] + op[6:] + [closing]
    paragraphs = [replace(p, label=f"PP{i}") for i, p in enumerate(pp, 1)]
    paragraphs += [replace(p, label=f"OP{i}", number=i) for i, p in enumerate(op, 1)]
    return replace(seed, paragraphs=tuple(paragraphs), symbol=f"{seed.symbol} ({GENERATED})",
                   title=f"{seed.title} ({GENERATED})")


# --- Word ---------------------------------------------------------------------------------------

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@dataclass(frozen=True)
class Tracked:
    """Tracked changes to put in: `replace` (label, old word, new word) — the paragraph's first
    word after its number is shown replaced; `inserted` / `deleted`: labels of paragraphs shown
    as wholly inserted, and an extra paragraph shown as wholly deleted after `deleted_after`."""

    replace: tuple[str, str] | None = None
    inserted: str | None = None
    deleted_after: str | None = None
    deleted_text: str = ""


def build_docx(draft: Draft, *, numbering: str = "automatic", tracked: Tracked | None = None,
               table: bool = False) -> bytes:
    """A .docx of `draft`; `numbering` is ``automatic`` (Word list numbering) or ``typed``."""
    import docx
    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml

    english = draft.language not in ("fr", "es")
    document = docx.Document()
    if draft.symbol:
        document.sections[0].header.paragraphs[0].text = draft.symbol
    title = document.add_paragraph()
    title.add_run(draft.title).bold = True
    document.add_paragraph(draft.organ)
    if table:
        grid = document.add_table(rows=1, cols=2)
        grid.cell(0, 0).text = "Sponsors"
        grid.cell(0, 1).text = "Argentina, Chile"
    num_id = _add_list(document, parse_xml) if numbering == "automatic" else None
    notes: list[tuple[int, str]] = []
    by_number = {f.number: f.text for f in draft.footnotes}
    change = 0
    in_annex = False
    for p in draft.paragraphs:
        if p.part == "annex" and not in_annex:
            document.add_paragraph(annex_heading(draft))
            in_annex = True
        para = document.add_paragraph()
        prefix = op_prefix(p)
        if prefix and num_id is not None and p.part == "operative":
            ppr = para._p.get_or_add_pPr()
            ppr.append(parse_xml(
                f'<w:numPr xmlns:w="{_W}"><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/>'
                "</w:numPr>"))
        elif prefix:
            para.add_run(prefix + "\t")
        italic = opener_length(draft, p)
        shown = 0
        replace = tracked.replace if tracked and tracked.replace and \
            tracked.replace[0] == p.label else None
        for piece in pieces(p, english):
            if isinstance(piece, int):
                notes.append((piece, by_number.get(piece, "")))
                para._p.append(parse_xml(
                    f'<w:r xmlns:w="{_W}"><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                    f'<w:footnoteReference w:id="{len(notes)}"/></w:r>'))
                continue
            if replace and shown == 0:
                first = piece.split(" ")[0]
                change += 2
                para._p.append(parse_xml(
                    f'<w:del xmlns:w="{_W}" w:id="{900 + change}" w:author="{AUTHOR}" '
                    f'w:date="{DATE}"><w:r><w:rPr><w:i/></w:rPr>'
                    f'<w:delText>{_esc(replace[1])}</w:delText></w:r></w:del>'))
                para._p.append(parse_xml(
                    f'<w:ins xmlns:w="{_W}" w:id="{901 + change}" w:author="{AUTHOR}" '
                    f'w:date="{DATE}"><w:r><w:rPr><w:i/></w:rPr>'
                    f'<w:t xml:space="preserve">{_esc(first)}</w:t></w:r></w:ins>'))
                shown += len(first)
                piece = piece[len(first):]
            if shown < italic:
                cut = italic - shown
                para.add_run(piece[:cut]).italic = True
                if piece[cut:]:
                    para.add_run(piece[cut:])
            else:
                para.add_run(piece)
            shown += len(piece)
        if tracked and tracked.inserted == p.label:
            _mark_inserted(para._p, parse_xml)
        if tracked and tracked.deleted_after == p.label:
            gone = document.add_paragraph()
            gone._p.append(parse_xml(
                f'<w:del xmlns:w="{_W}" w:id="990" w:author="{AUTHOR}" w:date="{DATE}"><w:r>'
                f'<w:delText xml:space="preserve">{_esc(tracked.deleted_text)}</w:delText>'
                "</w:r></w:del>"))
            ppr = gone._p.get_or_add_pPr()
            ppr.append(parse_xml(
                f'<w:rPr xmlns:w="{_W}"><w:del w:id="991" w:author="{AUTHOR}" w:date="{DATE}"/>'
                "</w:rPr>"))
    if notes:
        body = "".join(
            f'<w:footnote w:id="{i}"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/>'
            f'</w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> {_esc(text)}'
            "</w:t></w:r></w:p></w:footnote>"
            for i, (_, text) in enumerate(notes, 1))
        xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes '
               f'xmlns:w="{_W}"><w:footnote w:type="separator" w:id="-1"><w:p><w:r>'
               '<w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator"'
               ' w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
               f"{body}</w:footnotes>")
        part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, xml.encode("utf-8"),
                    document.part.package)
        document.part.relate_to(part, RT.FOOTNOTES)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _add_list(document, parse_xml) -> str:  # type: ignore[no-untyped-def]
    """A decimal list ``1.``, ``2.`` … in the numbering part; returns its numId."""
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(
        f'<w:abstractNum xmlns:w="{_W}" w:abstractNumId="90"><w:multiLevelType '
        'w:val="hybridMultilevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt '
        'w:val="decimal"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/><w:pPr><w:ind '
        'w:left="0" w:firstLine="567"/></w:pPr></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/>'
        '<w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/><w:lvlJc w:val="left"/></w:lvl>'
        "</w:abstractNum>"))
    numbering.append(parse_xml(
        f'<w:num xmlns:w="{_W}" w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    return "90"


def _mark_inserted(p, parse_xml) -> None:  # type: ignore[no-untyped-def]
    """Show a whole paragraph (its runs and its mark) as a tracked insertion."""
    runs = [child for child in p if child.tag != f"{{{_W}}}pPr"]
    wrapper = parse_xml(f'<w:ins xmlns:w="{_W}" w:id="980" w:author="{AUTHOR}" w:date="{DATE}"/>')
    for run in runs:
        p.remove(run)
        wrapper.append(run)
    p.append(wrapper)
    ppr = p.get_or_add_pPr()
    ppr.append(parse_xml(
        f'<w:rPr xmlns:w="{_W}"><w:ins w:id="981" w:author="{AUTHOR}" w:date="{DATE}"/></w:rPr>'))


def strip_number(text: str) -> str:
    return re.sub(r"^\d+\.\s*", "", text)


# --- reading a redline's XML --------------------------------------------------------------------

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"



def redline_document(data: bytes) -> ET.Element:
    return ET.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))


def redline_footnotes_part(data: bytes) -> ET.Element | None:
    package = zipfile.ZipFile(io.BytesIO(data))
    if "word/footnotes.xml" not in package.namelist():
        return None
    return ET.fromstring(package.read("word/footnotes.xml"))


def _shown(el: ET.Element, accept: bool) -> str:
    """The text of `el` as Word shows it after "Accept all" (or "Reject all")."""
    dropped = W + ("del" if accept else "ins")
    kept = W + ("ins" if accept else "del")
    t = ""
    for child in el:
        if child.tag == dropped:
            continue
        if child.tag == kept:
            t += _shown(child, accept)
        elif child.tag == W + "r":
            for x in child:
                if x.tag in (W + "t", W + "delText"):
                    t += x.text or ""
                elif x.tag == W + "tab":
                    t += "\t"
    return t


def redline_paragraphs(data: bytes, *, accept: bool) -> list[str]:
    dropped = W + ("del" if accept else "ins")
    out: list[str] = []
    text = ""
    for p in redline_document(data).iter(W + "p"):
        mark = p.find(f"{W}pPr/{W}rPr")
        text += _shown(p, accept)
        if mark is None or mark.find(dropped) is None:
            out.append(text)
            text = ""
    return out


def _references(el: ET.Element, accept: bool) -> list[str]:
    """The ids of the footnote references that stay after accepting (rejecting) all."""
    dropped = W + ("del" if accept else "ins")
    out: list[str] = []
    for child in el:
        if child.tag == dropped:
            continue
        if child.tag == W + "footnoteReference":
            out.append(child.get(W + "id", ""))
        else:
            out += _references(child, accept)
    return out


def redline_notes(data: bytes, *, accept: bool) -> list[str]:
    """The footnotes as Word shows them after "Accept all" (or "Reject all"): the text of each
    footnote whose reference stays, in the order of the references."""
    part = redline_footnotes_part(data)
    if part is None:
        return []
    texts = {note.get(W + "id"): " ".join(_shown(p, accept) for p in note.iter(W + "p")).strip()
             for note in part.iter(W + "footnote")}
    return [texts[i] for i in _references(redline_document(data), accept)]


def _reference_only(mark: ET.Element) -> bool:
    runs = list(mark)
    return bool(runs) and all(r.find(W + "footnoteReference") is not None and
                              r.find(W + "t") is None and r.find(W + "delText") is None
                              for r in runs)


def redline_count(data: bytes, tag: str, *, references: bool = False) -> int:
    """How many ``w:ins`` (or ``w:del``) the redline holds, in its body and its footnotes:
    those that hold text or a paragraph mark, or (`references`) those that hold only a
    footnote reference."""
    parts = [redline_document(data), redline_footnotes_part(data)]
    return sum(1 for part in parts if part is not None for mark in part.iter(W + tag)
               if _reference_only(mark) == references)


def redline_footnote_ids(data: bytes) -> list[str]:
    """The ids of the footnotes in footnotes.xml, separators left out."""
    part = redline_footnotes_part(data)
    return [] if part is None else [
        n.get(W + "id", "") for n in part.iter(W + "footnote") if n.get(W + "type") is None]


# --- PDF ----------------------------------------------------------------------------------------

PAGE_W, PAGE_H = 595.0, 842.0
LEFT, RIGHT, TOP, BOTTOM = 72.0, 523.0, 770.0, 80.0
BODY, LEADING, NOTE, NOTE_LEADING, INDENT = 10.0, 13.0, 8.0, 10.0, 28.0
JOB = "22-22988"


def _fonts() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for name, file in (("Serif", "DejaVuSerif.ttf"), ("Serif-Bold", "DejaVuSerif-Bold.ttf"),
                       ("Serif-Italic", "DejaVuSerif-Italic.ttf")):
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(FONTS / file)))


@dataclass
class _Word:
    text: str
    font: str = "Serif"
    notes: tuple[int, ...] = ()
    """Markers printed as superscripts right after the word's text."""
    tail: str = ""
    """Punctuation printed after the markers (French: ``organisée¹,``)."""


def _words(draft: Draft, p: Paragraph) -> list[_Word]:
    english = draft.language not in ("fr", "es")
    italic = opener_length(draft, p)
    out: list[_Word] = []
    shown = 0
    text = ""
    for piece in pieces(p, english):
        if isinstance(piece, int):
            last = out[-1] if out else _Word("")
            m = re.match(r"^(.*?)([,;.:]*)$", last.text)
            assert m is not None
            if english or not m.group(2):
                last.notes += (piece,)
            else:
                last.text, last.tail = m.group(1), m.group(2)
                last.notes += (piece,)
            continue
        text = piece
        for k, word in enumerate(text.split(" ")):
            if k == 0 and out and word and not text.startswith(" "):
                # Text glued to the marker before it (French punctuation after a marker).
                out[-1].tail += word
                shown += len(word)
                continue
            if word:
                out.append(_Word(word, "Serif-Italic" if shown < italic else "Serif"))
            shown += len(word) + 1
    prefix = op_prefix(p)
    if prefix:
        out.insert(0, _Word(prefix))
    return out


def build_pdf(draft: Draft, *, hyphenate: bool = True, running_title: bool = True) -> bytes:
    """A PDF of `draft` as the UN prints a draft (see the module docstring)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen.canvas import Canvas

    _fonts()
    notes = {f.number: f.text for f in draft.footnotes}

    def width(word: _Word) -> float:
        w = stringWidth(word.text, word.font, BODY)
        if word.notes:
            w += stringWidth(",".join(map(str, word.notes)), "Serif", BODY * 0.6)
        return w + stringWidth(word.tail, "Serif", BODY)

    # Lines of (words, first-line indent, last line of its paragraph?, space before).
    lines: list[tuple[list[_Word], float, bool, float]] = []
    lines.append(([_Word(draft.title, "Serif-Bold")], 0.0, True, 0.0))
    lines.append(([_Word(w) for w in draft.organ.split()], 0.0, True, 12.0))
    for p in draft.paragraphs:
        words = _words(draft, p)
        indent = INDENT
        current: list[_Word] = []
        room = RIGHT - LEFT - indent
        first = True
        queue = list(words)
        while queue:
            word = queue.pop(0)
            space = stringWidth(" ", "Serif", BODY)
            used = sum(width(w) for w in current) + space * len(current)
            if not current or used + width(word) <= room:
                current.append(word)
                continue
            if hyphenate and len(word.text) >= 9 and word.text.isalpha() and not word.notes:
                for cut in range(len(word.text) - 3, 3, -1):
                    head = _Word(word.text[:cut] + "-", word.font)
                    if used + width(head) <= room:
                        current.append(head)
                        word = _Word(word.text[cut:], word.font, word.notes, word.tail)
                        break
            lines.append((current, indent if first else 0.0, False, 6.0 if first else 0.0))
            current, first, indent, room = [word], False, 0.0, RIGHT - LEFT
        lines.append((current, indent if first else 0.0, True, 6.0 if first else 0.0))

    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(PAGE_W, PAGE_H), invariant=1)
    pages: list[list[tuple[list[_Word], float, bool, float]]] = [[]]
    page_notes: list[list[int]] = [[]]
    y = TOP

    def notes_height(numbers: list[int]) -> float:
        if not numbers:
            return 0.0
        count = sum(len(_wrap_note(f"{n} {notes.get(n, '')}", stringWidth)) for n in numbers)
        return 14.0 + count * NOTE_LEADING

    for line in lines:
        words, _, _, before = line
        new_notes = [n for w in words for n in w.notes]
        need = y - before - LEADING
        if pages[-1] and need < BOTTOM + notes_height(page_notes[-1] + new_notes):
            pages.append([])
            page_notes.append([])
            y = TOP
            before = 0.0
        y -= before + LEADING
        pages[-1].append((words, line[1], line[2], y))
        page_notes[-1].extend(new_notes)

    total = len(pages)
    for number, (page, numbers) in enumerate(zip(pages, page_notes, strict=True), 1):
        if number == 1 and draft.symbol:
            # The masthead's symbol, top right.
            canvas.setFont("Serif-Bold", 12)
            canvas.drawRightString(RIGHT, 800, draft.symbol)
        elif draft.symbol:
            canvas.setFont("Serif-Bold", 9)
            canvas.drawString(LEFT, 800, draft.symbol)
            if running_title:
                canvas.setFont("Serif", 9)
                canvas.drawRightString(RIGHT, 800, _shortened(draft.title, 80))
        canvas.setFont("Serif", 8)
        canvas.drawString(LEFT, 40, JOB)
        canvas.drawRightString(RIGHT, 40, f"{number}/{total}")
        for words, indent, last, y in page:
            _draw_line(canvas, words, indent, last, y, width, stringWidth)
        if numbers:
            y = BOTTOM + notes_height(numbers) - 4
            canvas.setLineWidth(0.5)
            canvas.line(LEFT, y, LEFT + 130, y)
            y -= 12
            for n in numbers:
                for k, text in enumerate(_wrap_note(f"{n} {notes.get(n, '')}", stringWidth)):
                    canvas.setFont("Serif", NOTE)
                    canvas.drawString(LEFT + (0 if k else 0), y, text)
                    y -= NOTE_LEADING
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def _shortened(text: str, length: int) -> str:
    return text if len(text) <= length else text[:length].rsplit(" ", 1)[0] + " …"


def _wrap_note(text: str, string_width) -> list[str]:  # type: ignore[no-untyped-def]
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if current and string_width(candidate, "Serif", NOTE) > RIGHT - LEFT:
            lines.append(current)
            current = word
        else:
            current = candidate
    lines.append(current)
    return lines


def _draw_line(canvas, words: list[_Word], indent: float, last: bool, y: float, width,  # type: ignore[no-untyped-def]
               string_width) -> None:
    """Words drawn one by one (no space glyphs, as many PDFs), justified but the last line."""
    total = sum(width(w) for w in words)
    room = RIGHT - LEFT - indent
    normal = string_width(" ", "Serif", BODY)
    gap = normal if last or len(words) < 2 else (room - total) / (len(words) - 1)
    x = LEFT + indent
    if len(words) == 1 and words[0].font == "Serif-Bold":
        x = (PAGE_W - width(words[0])) / 2
    for word in words:
        canvas.setFont(word.font, BODY)
        canvas.drawString(x, y, word.text)
        x += string_width(word.text, word.font, BODY)
        if word.notes:
            marks = ",".join(map(str, word.notes))
            canvas.setFont("Serif", BODY * 0.6)
            canvas.drawString(x, y + BODY * 0.35, marks)
            x += string_width(marks, "Serif", BODY * 0.6)
        if word.tail:
            canvas.setFont("Serif", BODY)
            canvas.drawString(x, y, word.tail)
            x += string_width(word.tail, "Serif", BODY)
        x += gap
