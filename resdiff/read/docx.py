"""Read a Word (.docx) draft into the text the parser reads, with the standard library only.

A .docx is a zip of WordprocessingML parts. What is read, and how:

* the body's paragraphs in order, runs joined as Word shows them (tabs and line breaks become
  spaces, hidden text is left out, fields show their result);
* list numbering that Word computes (``1.``, ``(a)``) is written before the paragraph's text as
  if typed, from ``numbering.xml`` and the paragraph styles, so automatic and typed operative
  numbers read alike;
* Word footnotes come out as exact markers with their texts (`blocks`); typed superscript
  digits are taken as markers too;
* tracked changes: the current text by default (insertions kept, deletions left out, moved text
  at its new place); with ``tracked="base"`` the text before the changes. Paragraph marks that
  were inserted or deleted join or split paragraphs accordingly;
* tables are skipped with a warning; symbols (``A/C.3/77/L.6``) in the page headers are kept,
  as the running headers of a PDF are.

Guarantees: the `Source` has format ``docx`` and text as `blocks.render` writes it. Every
file that is not a readable .docx (damaged, password-protected, an old .doc renamed) is refused
with one `InputError` line that says what to do.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import PurePosixPath
from typing import Literal
from xml.etree import ElementTree as ET

from ..model import InputError
from .blocks import Block, Marker, Note, render
from .pages import standalone_symbol
from .source import Source

Tracked = Literal["current", "base"]
TRACKED: tuple[Tracked, ...] = ("current", "base")

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptionInfo".encode("utf-16-le")


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _attr(el: ET.Element | None, name: str) -> str | None:
    return None if el is None else el.get(_w(name))


# Elements whose children are read as if they stood in the paragraph itself.
_TRANSPARENT = {_w(t) for t in ("hyperlink", "smartTag", "customXml", "sdt", "sdtContent",
                                "fldSimple", "dir", "bdo")}
_CURRENT_ONLY = {_w("ins"), _w("moveTo")}
_BASE_ONLY = {_w("del"), _w("moveFrom")}
_SPACE = {_w(t) for t in ("tab", "br", "cr", "ptab")}


def read_docx(data: bytes, name: str, tracked: Tracked = "current") -> Source:
    """Read a .docx file's bytes (see the module docstring)."""
    package = _open(data, name)
    reader = _Reader(package, name, tracked)
    blocks, notes, symbols, warnings = reader.read()
    text, more = render(blocks, notes, symbols)
    found = warnings + [f"{name}: {w}" for w in more]
    if not text.strip():
        raise InputError(f"{name}: the Word document holds no text")
    return Source(name=name, text=text, format="docx", warnings=tuple(found))


def _open(data: bytes, name: str) -> zipfile.ZipFile:
    if data.startswith(_OLE_MAGIC):
        if _ENCRYPTED in data:
            raise InputError(
                f"{name}: the Word file is password-protected: open it in Word, remove the "
                "password (File > Info > Protect Document) and save it again")
        raise InputError(
            f"{name}: this is old binary Word (.doc) named .docx: save it as .docx in Word or "
            "LibreOffice, or run `libreoffice --headless --convert-to docx FILE`")
    try:
        package = zipfile.ZipFile(BytesIO(data))
    except zipfile.BadZipFile:
        raise InputError(f"{name}: damaged or not a Word file (not a .docx package)") from None
    return package


@dataclass
class _Numbering:
    """Word's list definitions, and the counters of the lists met so far."""

    levels: dict[str, dict[int, ET.Element]] = field(default_factory=dict)
    """abstractNumId → level → w:lvl."""
    nums: dict[str, str] = field(default_factory=dict)
    """numId → abstractNumId."""
    overrides: dict[str, dict[int, ET.Element]] = field(default_factory=dict)
    """numId → level → w:lvlOverride."""
    counters: dict[str, dict[int, int]] = field(default_factory=dict)
    started: set[str] = field(default_factory=set)

    def label(self, num_id: str, ilvl: int) -> str:
        abstract = self.nums.get(num_id)
        if abstract is None:
            return ""
        level = self._level(num_id, abstract, ilvl)
        counters = self.counters.setdefault(abstract, {})
        override = self.overrides.get(num_id, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for lvl, el in override.items():
                start = el.find(_w("startOverride"))
                if start is not None:
                    counters[lvl] = int(_attr(start, "val") or "1") - 1
        current = counters.get(ilvl, self._start(num_id, abstract, ilvl) - 1) + 1
        counters[ilvl] = current
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if level is None:
            return f"{current}."
        fmt = _attr(level.find(_w("numFmt")), "val") or "decimal"
        if fmt in ("bullet", "none"):
            return ""
        text = _attr(level.find(_w("lvlText")), "val") or ""

        def value(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            lvl = self._level(num_id, abstract, k)
            kfmt = _attr(lvl.find(_w("numFmt")), "val") if lvl is not None else "decimal"
            n = counters.get(k, self._start(num_id, abstract, k))
            return _format(n, kfmt or "decimal")

        return re.sub(r"%([1-9])", value, text)

    def _level(self, num_id: str, abstract: str, ilvl: int) -> ET.Element | None:
        override = self.overrides.get(num_id, {}).get(ilvl)
        if override is not None and (lvl := override.find(_w("lvl"))) is not None:
            return lvl
        return self.levels.get(abstract, {}).get(ilvl)

    def _start(self, num_id: str, abstract: str, ilvl: int) -> int:
        level = self._level(num_id, abstract, ilvl)
        start = level.find(_w("start")) if level is not None else None
        return int(_attr(start, "val") or "1")


def _format(n: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(n)
        return roman.upper() if fmt == "upperRoman" else roman
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"),
                           (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"),
                           (4, "iv"), (1, "i")):
        while n >= value:
            out += letters
            n -= value
    return out


@dataclass
class _Paragraph:
    """One w:p as it shows in the chosen view."""

    block: Block
    ppr: ET.Element | None
    joins_next: bool
    """Its paragraph mark is absent in this view: its text runs on into the next paragraph."""


class _Reader:
    def __init__(self, package: zipfile.ZipFile, name: str, tracked: Tracked) -> None:
        self.package = package
        self.name = name
        self.tracked = tracked
        self.warnings: list[str] = []
        self.note_order: list[tuple[str, str | None]] = []  # (footnote id, custom mark)
        self.endnotes = 0
        main = self._main_part()
        self.main = main
        self.rels = self._rels(main)
        self.styles = self._styles()
        self.note_start = self._footnote_start()

    # --- the package ----------------------------------------------------------------------

    def _xml(self, part: str) -> ET.Element | None:
        try:
            data = self.package.read(part)
        except KeyError:
            return None
        except (zipfile.BadZipFile, OSError, EOFError, RuntimeError) as err:
            raise InputError(f"{self.name}: damaged Word file ({part}: {err})") from None
        try:
            return ET.fromstring(data)
        except ET.ParseError:
            raise InputError(f"{self.name}: damaged Word file ({part} is not well-formed XML)"
                             ) from None

    def _main_part(self) -> str:
        rels = self._xml("_rels/.rels")
        if rels is not None:
            for rel in rels.iter(f"{{{_REL}}}Relationship"):
                if rel.get("Type", "").endswith("/officeDocument"):
                    return rel.get("Target", "").lstrip("/")
        if "word/document.xml" in self.package.namelist():
            return "word/document.xml"
        raise InputError(f"{self.name}: not a Word document (the package has no document part)")

    def _rels(self, part: str) -> dict[str, list[str]]:
        """Relationship type (last path segment) → targets, for `part`."""
        path = PurePosixPath(part)
        rels = self._xml(str(path.parent / "_rels" / f"{path.name}.rels"))
        out: dict[str, list[str]] = {}
        if rels is None:
            return out
        for rel in rels.iter(f"{{{_REL}}}Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            kind = rel.get("Type", "").rsplit("/", 1)[-1]
            target = rel.get("Target", "")
            full = target.lstrip("/") if target.startswith("/") else str(path.parent / target)
            out.setdefault(kind, []).append(_normpath(full))
        return out

    def _part(self, kind: str) -> ET.Element | None:
        targets = self.rels.get(kind)
        return self._xml(targets[0]) if targets else None

    # --- styles and numbering ---------------------------------------------------------------

    def _styles(self) -> dict[str, ET.Element]:
        root = self._part("styles")
        if root is None:
            return {}
        return {s.get(_w("styleId"), ""): s for s in root.iter(_w("style"))}

    def _numbering(self) -> _Numbering:
        numbering = _Numbering()
        root = self._part("numbering")
        if root is None:
            return numbering
        for abstract in root.iter(_w("abstractNum")):
            levels = {int(_attr(lvl, "ilvl") or "0"): lvl for lvl in abstract.iter(_w("lvl"))}
            numbering.levels[_attr(abstract, "abstractNumId") or ""] = levels
        for num in root.iter(_w("num")):
            num_id = _attr(num, "numId") or ""
            numbering.nums[num_id] = _attr(num.find(_w("abstractNumId")), "val") or ""
            numbering.overrides[num_id] = {
                int(_attr(o, "ilvl") or "0"): o for o in num.iter(_w("lvlOverride"))}
        return numbering

    def _num_pr(self, ppr: ET.Element | None) -> tuple[str, int] | None:
        """The paragraph's list and level, from its own properties or its style's."""
        if ppr is not None and self.tracked == "base":
            change = ppr.find(_w("pPrChange"))
            if change is not None and (old := change.find(_w("pPr"))) is not None:
                ppr = old
        num_id: str | None = None
        ilvl: int | None = None
        direct = ppr.find(_w("numPr")) if ppr is not None else None
        if direct is not None:
            num_id = _attr(direct.find(_w("numId")), "val")
            level = _attr(direct.find(_w("ilvl")), "val")
            ilvl = int(level) if level is not None else None
        style_id = _attr(ppr.find(_w("pStyle")), "val") if ppr is not None else None
        seen: set[str] = set()
        while (num_id is None or ilvl is None) and style_id and style_id not in seen:
            seen.add(style_id)
            style = self.styles.get(style_id)
            if style is None:
                break
            snum = style.find(f"{_w('pPr')}/{_w('numPr')}")
            if snum is not None:
                if num_id is None:
                    num_id = _attr(snum.find(_w("numId")), "val")
                if ilvl is None and (lvl := _attr(snum.find(_w("ilvl")), "val")) is not None:
                    ilvl = int(lvl)
            style_id = _attr(style.find(_w("basedOn")), "val")
        if not num_id or num_id == "0":
            return None
        return num_id, ilvl or 0

    # --- text -------------------------------------------------------------------------------

    def read(self) -> tuple[list[Block], list[Note], list[str], list[str]]:
        document = self._xml(self.main)
        if document is None:
            raise InputError(f"{self.name}: not a Word document (no {self.main})")
        body = document.find(_w("body"))
        if body is None:
            raise InputError(f"{self.name}: not a Word document (no body in {self.main})")
        paragraphs: list[_Paragraph] = []
        tables = 0
        for el in _body_elements(body):
            if el.tag == _w("tbl"):
                tables += 1
            elif el.tag == _w("p"):
                paragraphs.append(self._paragraph(el, in_body=True))
        blocks = self._numbered(paragraphs)
        notes = self._footnotes()
        if tables:
            self.warnings.append(
                f"{self.name}: {tables} table{'s' if tables > 1 else ''} skipped: the text in "
                "tables is not compared")
        if self.endnotes:
            self.warnings.append(f"{self.name}: {self.endnotes} endnote references skipped: "
                                 "endnotes are not read")
        return blocks, notes, self._header_symbols(), self.warnings

    def _numbered(self, paragraphs: list[_Paragraph]) -> list[Block]:
        """Join paragraphs whose mark is absent in this view; put list numbers in front."""
        numbering = self._numbering()
        blocks: list[Block] = []
        pending: list[_Paragraph] = []
        for para in paragraphs:
            pending.append(para)
            if para.joins_next:
                continue
            shown = next((p for p in pending if p.block.text().strip()), pending[-1])
            merged = Block()
            num = self._num_pr(shown.ppr)
            if num is not None and (label := numbering.label(*num)):
                merged.add(label + " ")
            for p in pending:
                for piece in p.block.pieces:
                    merged.add(piece)
            blocks.append(merged)
            pending = []
        if pending:
            merged = Block()
            for p in pending:
                for piece in p.block.pieces:
                    merged.add(piece)
            blocks.append(merged)
        return blocks

    def _paragraph(self, p: ET.Element, *, in_body: bool) -> _Paragraph:
        block = Block()
        self._walk(p, block, in_body)
        ppr = p.find(_w("pPr"))
        mark = ppr.find(_w("rPr")) if ppr is not None else None
        joins = False
        if mark is not None:
            inserted = mark.find(_w("ins")) is not None or mark.find(_w("moveTo")) is not None
            deleted = mark.find(_w("del")) is not None or mark.find(_w("moveFrom")) is not None
            joins = inserted if self.tracked == "base" else deleted
        return _Paragraph(block, ppr, joins)

    def _walk(self, el: ET.Element, block: Block, in_body: bool) -> None:
        skip = _CURRENT_ONLY if self.tracked == "base" else _BASE_ONLY
        custom_mark = False
        for child in el:
            tag = child.tag
            if tag in skip:
                continue
            if tag in _CURRENT_ONLY or tag in _BASE_ONLY or tag in _TRANSPARENT:
                self._walk(child, block, in_body)
            elif tag == _w("r"):
                custom_mark = self._run(child, block, in_body, custom_mark)

    def _run(self, run: ET.Element, block: Block, in_body: bool, custom_mark: bool) -> bool:
        """Add a run's text to `block`. Returns whether the next run holds a custom footnote
        mark (its text is then the mark, kept as printed)."""
        rpr = run.find(_w("rPr"))
        if rpr is not None and _on(rpr.find(_w("vanish"))):
            return custom_mark
        superscript = rpr is not None and _attr(rpr.find(_w("vertAlign")), "val") == "superscript"
        text = ""
        next_custom = False
        for child in run:
            tag = child.tag
            if tag in (_w("t"), _w("delText")):
                text += child.text or ""
            elif tag in _SPACE:
                text += " "
            elif tag == _w("noBreakHyphen"):
                text += "\u2011"
            elif tag == _w("sym"):
                char = _attr(child, "char") or ""
                if re.fullmatch(r"[0-9A-Fa-f]{4}", char):
                    code = int(char, 16)
                    text += chr(code - 0xF000 if code >= 0xF000 else code)
            elif tag == _w("footnoteReference") and in_body:
                custom = _attr(child, "customMarkFollows") in ("1", "true", "on")
                if text:
                    block.add(text)
                    text = ""
                if custom:
                    self.note_order.append((_attr(child, "id") or "", "*"))
                    next_custom = True
                else:
                    self.note_order.append((_attr(child, "id") or "", None))
                    numbered = sum(1 for _, mark in self.note_order if mark is None)
                    block.add(Marker(self.note_start + numbered - 1))
            elif tag == _w("endnoteReference"):
                self.endnotes += 1
        if superscript and in_body and re.fullmatch(r"\d{1,3}", text.strip()) and not custom_mark:
            # A marker typed by hand as a superscript number.
            block.add(Marker(int(text.strip())))
            return next_custom
        block.add(text)
        return next_custom

    def _footnotes(self) -> list[Note]:
        root = self._part("footnotes")
        texts: dict[str, str] = {}
        if root is not None:
            for note in root.iter(_w("footnote")):
                if _attr(note, "type") in ("separator", "continuationSeparator",
                                           "continuationNotice"):
                    continue
                parts = []
                for p in note.iter(_w("p")):
                    block = Block()
                    self._walk(p, block, in_body=False)
                    parts.append(block.text())
                texts[_attr(note, "id") or ""] = " ".join(" ".join(parts).split())
        notes: list[Note] = []
        number = self.note_start - 1
        for note_id, custom in self.note_order:
            if custom:
                notes.append(Note(custom, texts.get(note_id, "")))
            else:
                number += 1
                notes.append(Note(number, texts.get(note_id, "")))
        # Star notes come first under the rule, as UN documents print them.
        return [n for n in notes if isinstance(n.mark, str)] + [
            n for n in notes if isinstance(n.mark, int)]

    def _footnote_start(self) -> int:
        settings = self._part("settings")
        if settings is not None:
            start = settings.find(f"{_w('footnotePr')}/{_w('numStart')}")
            if start is not None:
                return int(_attr(start, "val") or "1")
        return 1

    def _header_symbols(self) -> list[str]:
        symbols: list[str] = []
        for part in self.rels.get("header", []):
            root = self._xml(part)
            if root is None:
                continue
            for p in root.iter(_w("p")):
                block = Block()
                self._walk(p, block, in_body=False)
                symbol = standalone_symbol(" ".join(block.text().split()))
                if symbol:
                    symbols.append(symbol)
        return symbols


def _on(el: ET.Element | None) -> bool:
    """A Word on/off property: present and not switched off."""
    return el is not None and _attr(el, "val") not in ("0", "false", "off")


def _body_elements(body: ET.Element) -> Iterator[ET.Element]:
    """The body's paragraphs and tables in order, looking into content controls."""
    for el in body:
        if el.tag in (_w("sdt"), _w("sdtContent"), _w("customXml")):
            yield from _body_elements(el)
        elif el.tag in (_w("p"), _w("tbl")):
            yield el


def _normpath(path: str) -> str:
    parts: list[str] = []
    for part in path.split("/"):
        if part == "..":
            if parts:
                parts.pop()
        elif part not in ("", "."):
            parts.append(part)
    return "/".join(parts)
