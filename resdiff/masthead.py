"""Read the front matter of a draft: everything printed above its organ line.

A masthead carries the organ (``United Nations`` / ``General Assembly``), the distribution and
date, the session and agenda item (with the agenda item's title), the sponsor line ending in
``draft resolution`` (or, for an adopted text, ``Resolution adopted by the General Assembly on
…`` and ``[without reference to a Main Committee (A/80/L.2/Rev.1)]``), and last the title.

Guarantee of `read_masthead`: every line is either recognised as one of these elements or ends
up in the title; the title is the last group of unrecognised lines, without the ``80/1.``
resolution-number prefix.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from . import languages
from .read.pages import SYMBOL_RE, Line

_ORG_NAMES = frozenset(
    s.casefold()
    for s in (
        "United Nations", "Nations Unies", "Naciones Unidas", "Организация Объединенных Наций",
        "联合国", "الأمم المتحدة", "General Assembly", "Assemblée générale", "Asamblea General",
        "Генеральная Ассамблея", "大会", "الجمعية العامة", "Economic and Social Council",
        "Conseil économique et social", "Consejo Económico y Social",
    )
)
_DISTR = re.compile(r"^Distr\.?\s*:?\s*(?P<value>.+)$", re.IGNORECASE)
_ORIGINAL = re.compile(r"^(?:Original|Original\s*:|Подлинный текст|原文)\s*:?\s*(?P<value>.+)$")
_DATE = re.compile(
    r"^(?:on\s+|le\s+|el\s+)?(?P<date>\d{1,2}(?:er|º)?\s+(?:de\s+)?\w+\.?\s+(?:de\s+)?\d{4}"
    r"|\d{4}年\d{1,2}月\d{1,2}日)\s*$",
    re.IGNORECASE,
)
_COMMITTEE = re.compile(
    r"^(?:(?:First|Second|Third|Fourth|Fifth|Sixth) Committee"
    r"|(?:Première|Deuxième|Troisième|Quatrième|Cinquième|Sixième) Commission"
    r"|(?:Primera|Segunda|Tercera|Cuarta|Quinta|Sexta) Comisión"
    r"|(?:Первый|Второй|Третий|Четвертый|Пятый|Шестой) комитет"
    r"|第[一二三四五六]委员会|اللجنة (?:الأولى|الثانية|الثالثة|الرابعة|الخامسة|السادسة))$",
    re.IGNORECASE,
)
_RESOLUTION_NUMBER = re.compile(r"^\d{1,3}/\d{1,4}\.(?:\s+|$)")
_BRACKET = re.compile(r"^\[(?P<text>.*)\]$")


@dataclass
class Masthead:
    title: str = ""
    symbol: str | None = None
    sponsors: list[str] = field(default_factory=list)
    session: int | None = None
    agenda_item: str | None = None
    agenda_title: str | None = None
    date: str | None = None
    distribution: str | None = None
    document_kind: str | None = None
    adopted_from: str | None = None
    extra: list[tuple[str, str]] = field(default_factory=list)


def read_masthead(lines: list[Line], language: str | None, layout: str) -> Masthead:
    out = Masthead()
    table = languages.table(language) if language else None
    groups: list[list[str]] = []
    current: list[str] = []
    agenda_group: list[str] | None = None
    expecting_agenda_title = False
    in_bracket: list[str] | None = None
    after_adopted = False

    def close() -> None:
        nonlocal current, expecting_agenda_title, agenda_group
        if current:
            if expecting_agenda_title:
                agenda_group = current
                expecting_agenda_title = False
            else:
                groups.append(current)
        current = []

    # Blank lines mark the masthead's parts where the extraction kept them; where it left
    # them out (pdfplumber, poppler), a part is also told from where the lines break.
    blanks = layout == "block"
    previous = ""
    for line in lines:
        text = line.text
        if in_bracket is not None:
            in_bracket.append(text)
            if text.endswith("]"):
                _bracket(" ".join(in_bracket)[1:-1], out)
                in_bracket = None
            continue
        alone_number = bool(current) and bool(re.fullmatch(r"\d{1,3}/\d{1,4}\.", current[-1]))
        if ((blanks and line.blank_before) or layout == "lines") and not alone_number:
            close()
        elif current and _starts_group(current[-1], text) and not _RESOLUTION_NUMBER.match(
                current[0]):
            # (A title under its resolution number, "80/68. Convention on …", runs to the
            # organ line, however its words are capitalised.)
            close()
        if after_adopted and (m := _DATE.match(text)):
            out.extra.append(("adopted_on", m.group("date")))
            after_adopted = False
            continue
        after_adopted = False
        kind = _classify(text, table, out, previous)
        previous = text
        if kind is None and current and current[-1].endswith(":") and (
                printed := _kind_alone(text, table)):
            # The sponsors line broken before its last words ("…State of Palestine:" /
            # "draft resolution").
            out.document_kind = printed
            kind = "sponsors"
        if kind == "bracket":
            close()
            if text.endswith("]"):
                _bracket(text[1:-1], out)
            else:
                in_bracket = [text]
        elif kind == "agenda":
            close()
            expecting_agenda_title = True
        elif kind == "adopted":
            close()
            out.document_kind = "resolution"
            after_adopted = True
        elif kind == "sponsors":
            current.append(text)
            _sponsors(" ".join(current), table, out)
            current = []
            expecting_agenda_title = False
        elif kind is None:
            current.append(text)
        else:
            close()
    close()
    if agenda_group is not None:
        out.agenda_title = " ".join(agenda_group)
    if groups:
        out.title = _RESOLUTION_NUMBER.sub("", " ".join(groups[-1]))
    elif out.agenda_title:
        out.title = out.agenda_title
    return out


def _starts_group(previous: str, text: str) -> bool:
    """In layouts without blank lines between blocks: a capital after a finished line. A long
    line that stops on a word goes on (``…Lao People’s Democratic`` / ``Republic and…``)."""
    first = text[:1]
    if len(previous) >= 60 and not previous.endswith((".", ";", ":")):
        return False
    return first.isupper() and not re.search(r"(?:,|\b(?:of|and|the|de|et|la|y|del))$", previous)


_NAME_AND_SYMBOL = re.compile(r"^(?P<name>.+?)\s+(?P<letter>[AES]?)(?P<rest>/\S+)$")
"""The organ's name and the symbol on one line (``United Nations   A/RES/80/88``), as poppler's
``-layout`` and pypdf give the masthead; pdfplumber puts the symbol's large first letter on a
line of its own (``A`` / ``United Nations /C.3/80/L.24``)."""


def _classify(text: str, table: languages.LanguageTable | None, out: Masthead,
              previous: str = "") -> str | None:
    if text.casefold() in _ORG_NAMES:
        return "name"
    if (m := _NAME_AND_SYMBOL.match(text)) and m.group("name").casefold() in _ORG_NAMES:
        letter = m.group("letter") or (previous if previous in ("A", "E", "S") else "")
        if sym := SYMBOL_RE.fullmatch(letter + m.group("rest")):
            out.symbol = out.symbol or sym.group("symbol")
            return "name"
    if text in ("A", "E", "S"):
        return "name"
    if m := SYMBOL_RE.fullmatch(text):
        out.symbol = out.symbol or m.group("symbol")
        return "symbol"
    if m := _DISTR.match(text):
        out.distribution = m.group("value").strip()
        return "distr"
    if m := _ORIGINAL.match(text):
        out.extra.append(("original", m.group("value").strip()))
        return "original"
    if m := _DATE.match(text):
        out.date = out.date or m.group("date")
        return "date"
    if _COMMITTEE.match(text):
        out.extra.append(("committee", text))
        return "committee"
    if _BRACKET.match(text) or (text.startswith("[") and "]" not in text):
        return "bracket"
    for tab in [table] if table else languages.tables():
        # The session line stands above the agenda item and the sponsors, capitalised: a
        # title wrapped before "eightieth session" is no session line.
        early = out.agenda_item is None and out.document_kind is None and out.session is None
        for pattern in tab.session_patterns:
            if early and not text[:1].islower() and (m := pattern.match(text)) and (
                n := languages.session_from_ordinal(tab.code, m.group("ordinal"))
            ):
                out.session = n
                return "session"
        for pattern in tab.agenda_item_patterns:
            if m := pattern.match(text):
                out.agenda_item = m.group("item").strip()
                return "agenda"
        if tab.resolution_adopted and text.casefold().startswith(
            tab.resolution_adopted.casefold()
        ):
            rest = text[len(tab.resolution_adopted):].strip()
            if m := _DATE.match(rest):
                out.extra.append(("adopted_on", m.group("date")))
            return "adopted"
        if m := amendment_of(text, tab):
            out.document_kind = "amendment"
            out.extra.append(("amends", m.group("symbol")))
            out.extra.append(("kind_as_printed", m.group("kind")))
            return "sponsors"
        if any(text.casefold() == note.casefold() for note in tab.note_lines):
            out.document_kind = "note"
            return "note"
        stripped = text.rstrip(" *").rstrip()
        for kind in tab.document_kinds:
            if re.match(rf"{re.escape(kind)}\s+(?:submitted|présenté|presentado)\b",
                        stripped, re.IGNORECASE):
                # "Draft resolution submitted by the Chair …": no sponsors.
                out.document_kind = kind
                return "kind"
            if stripped.casefold().endswith(kind.casefold()) and ":" in stripped:
                out.document_kind = kind
                return "sponsors"
    return None


def _kind_alone(text: str, table: languages.LanguageTable | None) -> str | None:
    """A line that is a document kind alone (``draft resolution``, ``draft resolution*``)."""
    stripped = text.rstrip(" *").rstrip().casefold()
    for tab in [table] if table else languages.tables():
        for kind in tab.document_kinds:
            if stripped == kind.casefold():
                return kind
    return None


def amendment_of(text: str, table: languages.LanguageTable) -> re.Match[str] | None:
    """The sponsors line of an amendment (``…: amendment to draft resolution A/C.3/80/L.2``):
    groups ``kind`` and ``symbol``."""
    if ":" not in text:
        return None
    return next((m for p in table.amendment_patterns if (m := p.search(text))), None)


def _bracket(text: str, out: Masthead) -> None:
    """``without reference to a Main Committee (A/80/L.2/Rev.1)`` or ``on the report of the
    Third Committee (A/77/463)``."""
    out.extra.append(("reference", text))
    symbols = [m.group("symbol") for m in SYMBOL_RE.finditer(text)]
    drafts = [s for s in symbols if "/L." in s]
    if drafts:
        out.adopted_from = drafts[0]


def _sponsors(text: str, table: languages.LanguageTable | None, out: Masthead) -> None:
    head = text.rsplit(":", 1)[0].strip()
    parts = [p.strip() for p in head.split(",") if p.strip()]
    if not parts:
        return
    conj = table.conjunction if table else "and"
    last = parts.pop()
    out.sponsors = parts + _split_last(last, conj, _compound_names(table.code if table else "en"))


def _split_last(text: str, conj: str, compounds: tuple[str, ...]) -> list[str]:
    """Split "Zambia and State of Palestine" at the conjunction that is not inside a name such
    as "Trinidad and Tobago"."""
    protected = [(m.start(), m.end()) for name in compounds for m in re.finditer(re.escape(name),
                                                                                  text)]
    sep = f" {conj} "
    pos = text.find(sep)
    while pos != -1:
        if not any(a <= pos < b for a, b in protected):
            return [text[:pos].strip(), text[pos + len(sep):].strip()]
        pos = text.find(sep, pos + 1)
    return [text]


@cache
def _compound_names(code: str) -> tuple[str, ...]:
    data = json.loads(
        resources.files("resdiff").joinpath("data/compound_names.json").read_text("utf-8")
    )
    return tuple(data.get(code, ()))
