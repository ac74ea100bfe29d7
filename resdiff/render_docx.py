"""Write a comparison as a Word redline: the new version, its differences as tracked changes.

`render_docx(comparison)` returns the bytes of a .docx written as plain WordprocessingML with
the standard library (python-docx cannot write tracked changes). What it guarantees:

* the body is the title, the organ line, the paragraphs in the new draft's order;
* footnotes are Word footnotes (``word/footnotes.xml``, with its separators) whose references
  (``w:footnoteReference`` runs in the ``FootnoteReference`` style) stand in the new text where
  the new draft's markers stand (`Paragraph.note_at`, carried through the word diff). A
  footnote's own text shows its changes as tracked changes too. The reference of an added
  footnote is inserted; a deleted footnote keeps its reference where its marker stood in the
  old text, deleted. So footnotes.xml holds one footnote per footnote of the new draft whose
  marker place is known, plus one per deleted footnote whose old place is known; footnotes
  without a known place (a draft built by hand, a marker not found) are listed after the body
  under a rule as ``N text`` paragraphs, as before. Deleted text (a deleted or moved-away
  paragraph) carries the references of deleted footnotes only: the others stand in the new
  text, and a footnote is referenced once;
* every difference is a tracked change by `author` at `date`: one ``w:ins`` per ``"+"``
  segment and one ``w:del`` per ``"-"`` segment of the comparison's word diffs; an added
  paragraph is one ``w:ins`` and a deleted one one ``w:del``; a split or merge also inserts or
  deletes the paragraph mark between its two paragraphs (a ``w:ins``/``w:del`` in the mark's
  properties) and the second paragraph's number;
* a moved paragraph is shown as a deletion at its old place plus an insertion at its new place
  (one ``w:del`` and one ``w:ins``, whatever its word diff), each with a comment naming the
  move, so that rejecting every change gives the old order;
* accepting every change gives exactly the new text; rejecting every change gives the old
  text, paragraph by paragraph, and so for each footnote's text. Operative and footnote
  numbers are those of the new version and are not tracked, but for paragraphs that exist on
  one side only (their number is inserted or deleted with them); Word numbers the footnotes
  from their references, starting at the new draft's first footnote number.

Pure: the output depends on the comparison, `author` and `date` only (zip entries carry a fixed
time), so the same call gives the same bytes.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from xml.etree import ElementTree as ET

from .compare import JOIN, Change, Comparison
from .model import Draft, Paragraph
from .subitems import sub_items

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PR = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
_RULE = "__________________"

Op = str
"""``=`` (kept), ``+`` (inserted) or ``-`` (deleted)."""


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


@dataclass(frozen=True)
class _Ref:
    """A footnote reference: the footnote is ``comparison.footnotes[note]``."""

    note: int


@dataclass(frozen=True)
class _Break:
    """Where a sub-paragraph (``(a)``, ``(ii)``) starts: a line break in the Word paragraph."""


_Mark = _Ref | _Break
"""What stands at a place in a paragraph's text: a footnote reference or a sub-paragraph's
start."""
Piece = str | _Mark
Run = tuple[Op, tuple[Piece, ...]]
"""Pieces of text and footnote references under one op: one ``w:ins`` or ``w:del`` each."""


@dataclass
class _Para:
    """A paragraph of the redline: its runs, the state of its mark, a comment."""

    runs: list[Run] = field(default_factory=list)
    mark: Op = "="
    comment: str | None = None
    bold: bool = False
    centred: bool = False


def render_docx(comparison: Comparison, *, author: str = "resdiff",
                date: datetime | None = None) -> bytes:
    """The redline of `comparison` as the bytes of a .docx (see the module docstring)."""
    stamp = (date or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
    paras = _layout(comparison)
    writer = _Writer(author, stamp)
    document = writer.document(paras)
    notes = writer.footnotes_xml(comparison)
    first = min((f.number for f in comparison.new.footnotes), default=1)
    return _package(document, writer.comments_xml(), notes, comparison.new.title, first)


# --- what goes where -----------------------------------------------------------------------


def _number(p: Paragraph) -> str:
    """``5.`` or ``5 bis.`` before an operative (or annex) paragraph's text, else ""."""
    if p.number is None or p.part not in ("operative", "annex"):
        return ""
    suffix = p.label[len(f"OP{p.number}"):] if p.label.startswith(f"OP{p.number}") else ""
    return f"{p.number}{' ' + suffix if suffix else ''}.\t"


@dataclass
class _Notes:
    """Which footnote each marker of either draft refers to, and which markers are shown."""

    new: dict[int, int]
    """New footnote number → index in ``comparison.footnotes``."""
    deleted: dict[int, int]
    """Old number of a deleted footnote → index in ``comparison.footnotes``."""
    added: set[int]
    """Indices of the added footnotes (their references are inserted)."""
    placed: set[int] = field(default_factory=set)
    """Indices of the footnotes given a reference in the body."""

    @classmethod
    def of(cls, comparison: Comparison) -> _Notes:
        def number(label: str) -> int:
            return int(label[2:])

        changes = comparison.footnotes
        return cls(
            {number(label): i for i, f in enumerate(changes) for label in f.new},
            {number(label): i for i, f in enumerate(changes) if f.kind == "deleted"
             for label in f.old},
            {i for i, f in enumerate(changes) if f.kind == "added"})

    def of_new(self, paragraphs: list[Paragraph | None]) -> list[tuple[int, _Mark]]:
        """References of the new draft's markers, and the starts of its sub-paragraphs, as
        offsets in the paragraphs' texts joined by `JOIN` (the text a split's diff rebuilds)."""
        out: list[tuple[int, _Mark]] = list(self._refs(paragraphs, self.new))
        base = 0
        for p in paragraphs:
            if p is None:
                continue
            out += [(base + item.start, _Break()) for item in sub_items(p.text) if item.start]
            base += len(p.text) + len(JOIN)
        return sorted(out, key=lambda item: (item[0], isinstance(item[1], _Break)))

    def of_old(self, paragraphs: list[Paragraph | None]) -> list[tuple[int, _Mark]]:
        """References of the deleted footnotes' markers in the old paragraphs."""
        return self._refs(paragraphs, self.deleted)

    def _refs(self, paragraphs: list[Paragraph | None], index: dict[int, int]
              ) -> list[tuple[int, _Mark]]:
        out: list[tuple[int, _Mark]] = []
        base = 0
        for p in paragraphs:
            if p is None:
                continue
            for number, at in zip(p.notes, p.note_at, strict=False):
                if number in index:
                    out.append((base + min(at, len(p.text)), _Ref(index[number])))
                    self.placed.add(index[number])
            base += len(p.text) + len(JOIN)
        return sorted(out, key=lambda item: item[0])


def _cut(text: str, refs: list[tuple[int, _Mark]], start: int) -> list[Piece]:
    """`text` (standing at `start` of its side) with the references whose offsets fall in it
    put after the character they follow."""
    pieces: list[Piece] = []
    done = 0
    for at, ref in refs:
        cut = at - start
        if text[done:cut]:
            pieces.append(text[done:cut])
        pieces.append(ref)
        done = cut
    if text[done:]:
        pieces.append(text[done:])
    return pieces


def _take(pending: list[tuple[int, _Mark]], end: int) -> list[tuple[int, _Mark]]:
    """The pending references up to offset `end` (a reference goes with the character before
    it, so one at the end of a segment belongs to that segment)."""
    taken = []
    while pending and pending[0][0] <= end:
        taken.append(pending.pop(0))
    return taken


def _weave(diff: tuple[tuple[str, str], ...], new_refs: list[tuple[int, _Mark]],
           old_refs: list[tuple[int, _Mark]], notes: _Notes) -> list[Run]:
    """The diff's segments as runs, with the footnote references put in: new ones in ``=``
    and ``+`` text, deleted ones in ``=`` and ``-`` text. In unchanged text the reference of
    an added footnote is inserted and that of a deleted one deleted, each on its own."""
    new_pending, old_pending = list(new_refs), list(old_refs)
    new_pos = old_pos = 0
    runs: list[Run] = []
    for op, text in diff:
        end_new, end_old = new_pos + len(text), old_pos + len(text)
        if op == "+":
            runs.append(("+", tuple(_cut(text, _take(new_pending, end_new), new_pos))))
            new_pos = end_new
        elif op == "-":
            runs.append(("-", tuple(_cut(text, _take(old_pending, end_old), old_pos))))
            old_pos = end_old
        else:
            # Both sides' references, by their place in this common text.
            both = [(at - new_pos, ref) for at, ref in _take(new_pending, end_new)]
            gone = [(at - old_pos, ref) for at, ref in _take(old_pending, end_old)]
            marks = sorted([(at, 0, ref) for at, ref in gone] + [(at, 1, ref) for at, ref in both],
                           key=lambda m: (m[0], m[1]))
            done = 0
            for at, side, ref in marks:
                if text[done:at]:
                    runs.append(("=", (text[done:at],)))
                op_ref = "-" if side == 0 else "+" if (
                    isinstance(ref, _Ref) and ref.note in notes.added) else "="
                runs.append((op_ref, (ref,)))
                done = at
            if text[done:]:
                runs.append(("=", (text[done:],)))
            new_pos, old_pos = end_new, end_old
    runs += [("+", (ref,)) for _, ref in new_pending]
    runs += [("-", (ref,)) for _, ref in old_pending]
    return runs


def _whole(op: Op, p: Paragraph, notes: _Notes) -> _Para:
    """A paragraph that is wholly inserted or deleted."""
    refs = notes.of_new([p]) if op == "+" else notes.of_old([p])
    return _Para([(op, (_number(p), *_cut(p.text, refs, 0)))], mark=op)


def _in_place(change: Change, old: Draft, new: Draft, notes: _Notes) -> list[_Para]:
    news = [new.paragraph(label) for label in change.new]
    olds = [old.paragraph(label) for label in change.old]
    if change.kind == "unchanged":
        p = news[0]
        assert p is not None
        return [_Para([("=", (_number(p),)), *_weave((("=", p.text),), notes.of_new([p]),
                                                      notes.of_old(olds), notes)])]
    if not olds or not news:
        return [_whole("+" if news else "-", p, notes) for p in (news or olds) if p is not None]
    first = news[0] if news and news[0] is not None else olds[0]
    assert first is not None
    paras = [_Para([("=", (_number(first),))] if news else [("-", (_number(first),))])]
    for op, pieces in _weave(change.diff, notes.of_new(news), notes.of_old(olds), notes):
        current: list[Piece] = []
        for piece in pieces:
            if isinstance(piece, (_Ref, _Break)):
                current.append(piece)
                continue
            for k, line in enumerate(piece.split(JOIN)):
                if k:
                    # The mark between the two paragraphs of a split (inserted) or merge
                    # (deleted).
                    if current:
                        paras[-1].runs.append((op, tuple(current)))
                        current = []
                    paras[-1].mark = op
                    second = (news if op == "+" else olds)[1]
                    paras.append(_Para([(op, (_number(second),))] if second is not None else []))
                if line:
                    current.append(line)
        if current:
            paras[-1].runs.append((op, tuple(current)))
    return paras


def _in_place_changes(changes: tuple[Change, ...], old: Draft) -> set[int]:
    """Indices of the changes shown where they stand; the others are moves. The old sides of
    the changes shown in place keep the old order, so rejecting every change restores it."""
    position = {p.label: i for i, p in enumerate(old.paragraphs)}
    keyed = [(i, [position[label] for label in c.old]) for i, c in enumerate(changes)
             if c.old]
    # Fewest moves: the longest chain of changes whose old paragraphs stand in order, taking
    # the paragraphs the comparison found unmoved first.
    best: list[tuple[int, int, int]] = []  # per keyed item: (weight of chain, previous, index)
    for k, (_, olds) in enumerate(keyed):
        weight = 1 if changes[keyed[k][0]].moved else 2
        best.append((weight, -1, k))
        for j in range(k):
            if keyed[j][1][-1] < olds[0] and best[j][0] + weight > best[k][0]:
                best[k] = (best[j][0] + weight, j, k)
    chosen: set[int] = {i for i, c in enumerate(changes) if not c.old}
    if best:
        k = max(range(len(best)), key=lambda m: best[m][0])
        while k >= 0:
            chosen.add(keyed[k][0])
            k = best[k][1]
    return chosen


def _layout(comparison: Comparison) -> list[_Para]:
    old, new = comparison.old, comparison.new
    notes = _Notes.of(comparison)
    paras = [*_heading(old.title, new.title, bold=True), *_heading(old.organ, new.organ)]
    changes = comparison.changes
    in_place = _in_place_changes(changes, old) if len(changes) < 3000 else set(
        range(len(changes)))
    position = {p.label: i for i, p in enumerate(old.paragraphs)}
    # Old sides of moved paragraphs, to be shown deleted just before the first paragraph shown
    # in place that stood after them in the old draft.
    pending = sorted(
        (position[c.old[0]], i) for i, c in enumerate(changes) if c.old and i not in in_place)
    for i, change in enumerate(changes):
        if i in in_place and change.old:
            start = position[change.old[0]]
            while pending and pending[0][0] < start:
                paras += _moved_from(changes[pending.pop(0)[1]], old, notes)
        if i in in_place:
            paras += _in_place(change, old, new, notes)
        elif change.new:
            moved_to = [p for label in change.new if (p := new.paragraph(label)) is not None]
            shown = [_whole("+", p, notes) for p in moved_to]
            shown[0].comment = (f"Moved from {' + '.join(change.old)} of the old version"
                                + ("" if change.kind == "unchanged" else ", amended"))
            paras += shown
    while pending:
        paras += _moved_from(changes[pending.pop(0)[1]], old, notes)
    listed = [i for i in range(len(comparison.footnotes)) if i not in notes.placed]
    if listed:
        paras.append(_Para([("=", (_RULE,))]))
        paras += [_listed(comparison, i) for i in listed]
    return paras


def _moved_from(change: Change, old: Draft, notes: _Notes) -> list[_Para]:
    gone = [p for label in change.old if (p := old.paragraph(label)) is not None]
    shown = [_whole("-", p, notes) for p in gone]
    if change.new:
        shown[0].comment = f"Moved to {' + '.join(change.new)} of the new version"
    return shown


def _heading(old: str, new: str, *, bold: bool = False) -> list[_Para]:
    if old == new:
        return [_Para([("=", (new,))], bold=bold)] if new else []
    runs: list[Run] = [(op, (text,)) for op, text in (("-", old), ("+", new)) if text]
    return [_Para(runs, bold=bold)]


def _note_runs(comparison: Comparison, index: int) -> tuple[list[Run], Op]:
    """A footnote's text as runs showing its change, and the state of its paragraph mark."""
    change = comparison.footnotes[index]
    if change.kind in ("added", "deleted"):
        op = "+" if change.kind == "added" else "-"
        return [(op, (change.diff[0][1],))], op
    if change.kind == "unchanged":
        numbers = {f"FN{f.number}": f.text for f in comparison.new.footnotes}
        return [("=", (numbers[change.new[0]],))], "="
    return [(op, (text,)) for op, text in change.diff], "="


def _listed(comparison: Comparison, index: int) -> _Para:
    """A footnote without a known place, listed after the body as ``N<tab>text``."""
    change = comparison.footnotes[index]
    label = (change.new or change.old)[0]
    runs, mark = _note_runs(comparison, index)
    if mark != "=":
        return _Para([(mark, (f"{label[2:]}\t", *runs[0][1]))], mark=mark)
    return _Para([("=", (f"{label[2:]}\t",)), *runs])


# --- WordprocessingML ----------------------------------------------------------------------


class _Writer:
    def __init__(self, author: str, date: str) -> None:
        self.author = author
        self.date = date
        self.next_id = 1
        self.comments: list[tuple[int, str]] = []
        self.references: list[int] = []
        """The footnote of each reference written, in order: footnote ids 1, 2, …"""

    def _revision(self, tag: str) -> ET.Element:
        el = ET.Element(_w(tag), {_w("id"): str(self.next_id), _w("author"): self.author,
                                  _w("date"): self.date})
        self.next_id += 1
        return el

    def document(self, paras: list[_Para]) -> bytes:
        root = ET.Element(_w("document"))
        body = ET.SubElement(root, _w("body"))
        for para in paras:
            body.append(self._paragraph(para))
        sect = ET.SubElement(body, _w("sectPr"))
        ET.SubElement(sect, _w("pgSz"), {_w("w"): "11906", _w("h"): "16838"})
        ET.SubElement(sect, _w("pgMar"), {_w(k): v for k, v in (
            ("top", "1440"), ("right", "1247"), ("bottom", "1440"), ("left", "1247"),
            ("header", "708"), ("footer", "708"), ("gutter", "0"))})
        return _xml(root)

    def _paragraph(self, para: _Para) -> ET.Element:
        p = ET.Element(_w("p"))
        ppr = ET.SubElement(p, _w("pPr"))
        ET.SubElement(ppr, _w("spacing"), {_w("after"): "120"})
        if para.centred:
            ET.SubElement(ppr, _w("jc"), {_w("val"): "center"})
        if para.mark != "=":
            rpr = ET.SubElement(ppr, _w("rPr"))
            rpr.append(self._revision("ins" if para.mark == "+" else "del"))
        comment = None
        if para.comment:
            comment = len(self.comments)
            self.comments.append((comment, para.comment))
            ET.SubElement(p, _w("commentRangeStart"), {_w("id"): str(comment)})
        self._runs(p, para.runs, bold=para.bold)
        if comment is not None:
            ET.SubElement(p, _w("commentRangeEnd"), {_w("id"): str(comment)})
            ref = ET.SubElement(p, _w("r"))
            ET.SubElement(ref, _w("commentReference"), {_w("id"): str(comment)})
        return p

    def _runs(self, p: ET.Element, runs: list[Run], *, bold: bool = False) -> None:
        for op, pieces in runs:
            elements = [self._piece(piece, deleted=op == "-", bold=bold) for piece in pieces
                        if piece != ""]
            if not elements:
                continue
            if op == "=":
                p.extend(elements)
            else:
                wrapper = self._revision("ins" if op == "+" else "del")
                wrapper.extend(elements)
                p.append(wrapper)

    def _piece(self, piece: Piece, *, deleted: bool, bold: bool) -> ET.Element:
        if isinstance(piece, str):
            return _run(piece, deleted=deleted, bold=bold)
        if isinstance(piece, _Break):
            run = ET.Element(_w("r"))
            ET.SubElement(run, _w("br"))
            return run
        self.references.append(piece.note)
        run = ET.Element(_w("r"))
        ET.SubElement(ET.SubElement(run, _w("rPr")), _w("rStyle"),
                      {_w("val"): "FootnoteReference"})
        ET.SubElement(run, _w("footnoteReference"), {_w("id"): str(len(self.references))})
        return run

    def footnotes_xml(self, comparison: Comparison) -> bytes | None:
        """The footnotes part: the separators, then one footnote per reference written."""
        if not self.references:
            return None
        root = ET.Element(_w("footnotes"))
        for number, kind, mark in ((-1, "separator", "separator"),
                                   (0, "continuationSeparator", "continuationSeparator")):
            note = ET.SubElement(root, _w("footnote"), {_w("type"): kind, _w("id"): str(number)})
            p = ET.SubElement(note, _w("p"))
            ppr = ET.SubElement(p, _w("pPr"))
            ET.SubElement(ppr, _w("spacing"), {_w("after"): "0", _w("line"): "240",
                                               _w("lineRule"): "auto"})
            ET.SubElement(ET.SubElement(p, _w("r")), _w(mark))
        for number, index in enumerate(self.references, 1):
            note = ET.SubElement(root, _w("footnote"), {_w("id"): str(number)})
            runs, mark = _note_runs(comparison, index)
            p = ET.SubElement(note, _w("p"))
            ppr = ET.SubElement(p, _w("pPr"))
            ET.SubElement(ppr, _w("pStyle"), {_w("val"): "FootnoteText"})
            if mark != "=":
                rpr = ET.SubElement(ppr, _w("rPr"))
                rpr.append(self._revision("ins" if mark == "+" else "del"))
            ref = ET.SubElement(p, _w("r"))
            ET.SubElement(ET.SubElement(ref, _w("rPr")), _w("rStyle"),
                          {_w("val"): "FootnoteReference"})
            ET.SubElement(ref, _w("footnoteRef"))
            p.append(_run(" ", deleted=False))
            self._runs(p, runs)
        return _xml(root)

    def comments_xml(self) -> bytes | None:
        if not self.comments:
            return None
        root = ET.Element(_w("comments"))
        for number, text in self.comments:
            comment = ET.SubElement(root, _w("comment"), {
                _w("id"): str(number), _w("author"): self.author, _w("date"): self.date,
                _w("initials"): "rd"})
            p = ET.SubElement(comment, _w("p"))
            p.append(_run(text, deleted=False))
        return _xml(root)


def _run(text: str, *, deleted: bool, bold: bool = False) -> ET.Element:
    """A run of `text`; tabs become ``w:tab`` (they stand after paragraph numbers)."""
    run = ET.Element(_w("r"))
    if bold:
        ET.SubElement(ET.SubElement(run, _w("rPr")), _w("b"))
    tag = _w("delText") if deleted else _w("t")
    for k, piece in enumerate(_clean(text).split("\t")):
        if k:
            ET.SubElement(run, _w("tab"))
        if piece:
            t = ET.SubElement(run, tag)
            t.text = piece
            if piece != piece.strip():
                t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return run


def _clean(text: str) -> str:
    """Characters XML 1.0 cannot hold are dropped (the drafts hold none, as parsed)."""
    return "".join(ch for ch in text if ch in "\t" or ch >= " ")


def _xml(root: ET.Element) -> bytes:
    ET.register_namespace("w", W)
    ET.register_namespace("r", _R)
    return ET.tostring(root, encoding="UTF-8", xml_declaration=True)


_STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman"
 w:hAnsi="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman"/><w:sz w:val="24"/>
<w:szCs w:val="24"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:jc w:val="both"/></w:pPr>
</w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal">
<w:name w:val="Normal"/><w:qFormat/></w:style><w:style w:type="character" w:default="1"
 w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority
 w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style><w:style w:type="paragraph"
 w:styleId="FootnoteText"><w:name w:val="footnote text"/><w:basedOn w:val="Normal"/><w:pPr>
<w:spacing w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="left"/></w:pPr><w:rPr>
<w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style><w:style w:type="character"
 w:styleId="FootnoteReference"><w:name w:val="footnote reference"/><w:basedOn
 w:val="DefaultParagraphFont"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>
</w:styles>"""


def _settings(first_note: int) -> bytes:
    """Track changes on; the footnotes' separators, and their numbering from the new draft's
    first footnote number."""
    start = f'<w:numStart w:val="{first_note}"/>' if first_note > 1 else ""
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:settings '
            f'xmlns:w="{W}"><w:trackRevisions/><w:defaultTabStop w:val="567"/><w:footnotePr>'
            f'{start}<w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>'
            "</w:settings>").encode()


def _package(document: bytes, comments: bytes | None, footnotes: bytes | None, title: str,
             first_note: int = 1) -> bytes:
    overrides = {
        "/word/document.xml":
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        "/word/styles.xml": "application/vnd.openxmlformats-officedocument.wordprocessingml"
                            ".styles+xml",
        "/word/settings.xml": "application/vnd.openxmlformats-officedocument.wordprocessingml"
                              ".settings+xml",
        "/docProps/core.xml": "application/vnd.openxmlformats-package.core-properties+xml",
    }
    doc_rels = [("rId1", "styles", "styles.xml"), ("rId2", "settings", "settings.xml")]
    if comments is not None:
        overrides["/word/comments.xml"] = (
            "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml")
        doc_rels.append(("rId3", "comments", "comments.xml"))
    if footnotes is not None:
        overrides["/word/footnotes.xml"] = (
            "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml")
        doc_rels.append(("rId4", "footnotes", "footnotes.xml"))
    types = "".join(
        [f'<Default Extension="{ext}" ContentType="{kind}"/>' for ext, kind in (
            ("rels", "application/vnd.openxmlformats-package.relationships+xml"),
            ("xml", "application/xml"))]
        + [f'<Override PartName="{name}" ContentType="{kind}"/>'
           for name, kind in overrides.items()])
    office = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    package_rels = _rels([("rId1", office + "officeDocument", "word/document.xml"),
                          ("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/"
                           "metadata/core-properties", "docProps/core.xml")])
    parts = {
        "[Content_Types].xml": _DECLARATION + f'<Types xmlns="{_CT}">{types}</Types>'.encode(),
        "_rels/.rels": package_rels,
        "word/document.xml": document,
        "word/_rels/document.xml.rels": _rels([(i, office + k, t) for i, k, t in doc_rels]),
        "word/styles.xml": _STYLES.encode("utf-8"),
        "word/settings.xml": _settings(first_note),
        "docProps/core.xml": _core(title),
    }
    if comments is not None:
        parts["word/comments.xml"] = comments
    if footnotes is not None:
        parts["word/footnotes.xml"] = footnotes
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            package.writestr(info, data)
    return out.getvalue()


_DECLARATION = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def _rels(items: list[tuple[str, str, str]]) -> bytes:
    """A relationships part (fixed names only: nothing in it needs escaping)."""
    body = "".join(f'<Relationship Id="{rid}" Type="{kind}" Target="{target}"/>'
                   for rid, kind, target in items)
    return _DECLARATION + f'<Relationships xmlns="{_PR}">{body}</Relationships>'.encode()


def _core(title: str) -> bytes:
    dc = "http://purl.org/dc/elements/1.1/"
    cp = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
    ET.register_namespace("dc", dc)
    ET.register_namespace("cp", cp)
    root = ET.Element(f"{{{cp}}}coreProperties")
    ET.SubElement(root, f"{{{dc}}}title").text = f"Redline: {title}" if title else "Redline"
    ET.SubElement(root, f"{{{dc}}}creator").text = "resdiff"
    return ET.tostring(root, encoding="UTF-8", xml_declaration=True)
