"""Write a comparison as a Word redline: the new version, its differences as tracked changes.

`render_docx(comparison)` returns the bytes of a .docx written as plain WordprocessingML with
the standard library (python-docx cannot write tracked changes). What it guarantees:

* the body is the title, the organ line, the paragraphs in the new draft's order, then the
  footnotes under a rule as ``N text`` paragraphs (the draft keeps no marker positions, so the
  notes are listed, not anchored);
* every difference is a tracked change by `author` at `date`: one ``w:ins`` per ``"+"``
  segment and one ``w:del`` per ``"-"`` segment of the comparison's word diffs; an added
  paragraph is one ``w:ins`` and a deleted one one ``w:del``; a split or merge also inserts or
  deletes the paragraph mark between its two paragraphs (a ``w:ins``/``w:del`` in the mark's
  properties) and the second paragraph's number;
* a moved paragraph is shown as a deletion at its old place plus an insertion at its new place
  (one ``w:del`` and one ``w:ins``, whatever its word diff), each with a comment naming the
  move, so that rejecting every change gives the old order;
* accepting every change gives exactly the new text; rejecting every change gives the old
  text, paragraph by paragraph. Operative and footnote numbers are those of the new version
  and are not tracked, but for paragraphs that exist on one side only (their number is inserted
  or deleted with them).

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

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PR = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
_RULE = "__________________"

Op = str
"""``=`` (kept), ``+`` (inserted) or ``-`` (deleted)."""


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


@dataclass
class _Para:
    """A paragraph of the redline: runs of (op, text), the state of its mark, a comment."""

    runs: list[tuple[Op, str]] = field(default_factory=list)
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
    return _package(document, writer.comments_xml(), comparison.new.title)


# --- what goes where -----------------------------------------------------------------------


def _number(p: Paragraph) -> str:
    """``5.`` or ``5 bis.`` before an operative (or annex) paragraph's text, else ""."""
    if p.number is None or p.part not in ("operative", "annex"):
        return ""
    suffix = p.label[len(f"OP{p.number}"):] if p.label.startswith(f"OP{p.number}") else ""
    return f"{p.number}{' ' + suffix if suffix else ''}.\t"


def _whole(op: Op, p: Paragraph) -> _Para:
    """A paragraph that is wholly inserted or deleted."""
    return _Para([(op, _number(p) + p.text)], mark=op)


def _in_place(change: Change, old: Draft, new: Draft) -> list[_Para]:
    news = [new.paragraph(label) for label in change.new]
    olds = [old.paragraph(label) for label in change.old]
    if change.kind == "unchanged":
        p = news[0]
        assert p is not None
        return [_Para([("=", _number(p)), ("=", p.text)])]
    if not olds or not news:
        return [_whole("+" if news else "-", p) for p in (news or olds) if p is not None]
    first = news[0] if news and news[0] is not None else olds[0]
    assert first is not None
    paras = [_Para([("=", _number(first))] if news else [("-", _number(first))])]
    for op, text in change.diff:
        pieces = text.split(JOIN)
        for k, piece in enumerate(pieces):
            if k:
                # The mark between the two paragraphs of a split (inserted) or merge (deleted).
                paras[-1].mark = op
                second = (news if op == "+" else olds)[1]
                paras.append(_Para([(op, _number(second))] if second is not None else []))
            if piece:
                paras[-1].runs.append((op, piece))
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
                paras += _moved_from(changes[pending.pop(0)[1]], old, new)
        if i in in_place:
            paras += _in_place(change, old, new)
        elif change.new:
            moved_to = [p for label in change.new if (p := new.paragraph(label)) is not None]
            shown = [_whole("+", p) for p in moved_to]
            shown[0].comment = (f"Moved from {' + '.join(change.old)} of the old version"
                                + ("" if change.kind == "unchanged" else ", amended"))
            paras += shown
    while pending:
        paras += _moved_from(changes[pending.pop(0)[1]], old, new)
    if comparison.footnotes:
        paras.append(_Para([("=", _RULE)]))
        paras += _footnotes(comparison)
    return paras


def _moved_from(change: Change, old: Draft, new: Draft) -> list[_Para]:
    gone = [p for label in change.old if (p := old.paragraph(label)) is not None]
    shown = [_whole("-", p) for p in gone]
    if change.new:
        shown[0].comment = f"Moved to {' + '.join(change.new)} of the new version"
    return shown


def _heading(old: str, new: str, *, bold: bool = False) -> list[_Para]:
    if old == new:
        return [_Para([("=", new)], bold=bold)] if new else []
    runs = [r for r in (("-", old), ("+", new)) if r[1]]
    return [_Para(runs, bold=bold)]


def _footnotes(comparison: Comparison) -> list[_Para]:
    old = {f"FN{f.number}": f for f in comparison.old.footnotes}
    new = {f"FN{f.number}": f for f in comparison.new.footnotes}
    out = []
    for change in comparison.footnotes:
        if change.kind == "added":
            note = new[change.new[0]]
            out.append(_Para([("+", f"{note.number}\t{note.text}")], mark="+"))
        elif change.kind == "deleted":
            note = old[change.old[0]]
            out.append(_Para([("-", f"{note.number}\t{note.text}")], mark="-"))
        elif change.kind == "unchanged":
            note = new[change.new[0]]
            out.append(_Para([("=", f"{note.number}\t"), ("=", note.text)]))
        else:
            note = new[change.new[0]]
            out.append(_Para([("=", f"{note.number}\t"), *change.diff]))
    return out


# --- WordprocessingML ----------------------------------------------------------------------


class _Writer:
    def __init__(self, author: str, date: str) -> None:
        self.author = author
        self.date = date
        self.next_id = 1
        self.comments: list[tuple[int, str]] = []

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
        for op, text in para.runs:
            if not text:
                continue
            run = _run(text, deleted=op == "-", bold=para.bold)
            if op == "=":
                p.append(run)
            else:
                wrapper = self._revision("ins" if op == "+" else "del")
                wrapper.append(run)
                p.append(wrapper)
        if comment is not None:
            ET.SubElement(p, _w("commentRangeEnd"), {_w("id"): str(comment)})
            ref = ET.SubElement(p, _w("r"))
            ET.SubElement(ref, _w("commentReference"), {_w("id"): str(comment)})
        return p

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
<w:name w:val="Normal"/><w:qFormat/></w:style></w:styles>"""

_SETTINGS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="{W}"><w:trackRevisions/><w:defaultTabStop w:val="567"/></w:settings>"""


def _package(document: bytes, comments: bytes | None, title: str) -> bytes:
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
        "word/settings.xml": _SETTINGS.encode("utf-8"),
        "docProps/core.xml": _core(title),
    }
    if comments is not None:
        parts["word/comments.xml"] = comments
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
