"""The versions of a negotiated resolution, as the history store records them: values and rules.

Pure: no git, no I/O. `resdiff.store` reads and writes these values in a git repository; this
module says what a version is, how its metadata is written into a commit message, how users
name versions, and which version a one-version ``resdiff diff`` compares with.

Guarantees:

* `slugify` returns a non-empty string of ``[a-z0-9-]`` that neither starts nor ends with ``-``
  (or raises `StoreError`): a series name can never become ``..``, an absolute path or a git
  option, whatever the user typed.
* `symbol_file_name` returns ``[A-Za-z0-9._-]`` only, never starting with ``.`` or ``-``.
* `trailers` and `parse_trailers` round-trip every `Version` field; a value holding a line
  break or a control character is refused before anything is written.
* `base_of` follows the Secretariat's rules (an L-document against the previous session's
  adopted resolution, a revision against the document it revises, an adopted text against its
  last draft) and looks only at metadata, never at the order in which versions were added.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from .model import LANGUAGES, Draft, ResdiffError


class StoreError(ResdiffError):
    """A problem with the history store or with a version name: one line, exit code 2."""


Stage = Literal["previous", "zero", "informal", "L", "L-rev", "oral", "adopted"]
STAGES: tuple[Stage, ...] = ("previous", "zero", "informal", "L", "L-rev", "oral", "adopted")
_DRAFT_STAGES = ("zero", "informal", "L", "L-rev", "oral")
_ADOPTED_STAGES = ("previous", "adopted")

FORMAT = "1"
"""The value of the ``Resdiff-Version`` trailer that marks a commit as a version."""


@dataclass(frozen=True)
class Version:
    """One stored version: one language of one document at one stage of one series."""

    commit: str
    """The full id of the commit that recorded it."""
    series: str
    """The series slug (``traite-des-femmes-et-des-filles``)."""
    language: str
    stage: Stage
    round: int | None = None
    """The informal round number (``informal-2``); None for other stages."""
    symbol: str | None = None
    date: str | None = None
    """``YYYY-MM-DD`` when known."""
    session: int | None = None
    title: str = ""
    preamble: int = 0
    """Number of preambular paragraphs."""
    operative: int = 0
    adopted_from: str | None = None
    original: str | None = None
    """Path in the store of the file the version was read from."""
    base: str | None = None
    """The commit of the version the summary was computed against (the file's previous one)."""
    summary: str | None = None
    """`Comparison.summary()` against `base`, as ``amended=2 added=1 …``."""

    @property
    def path(self) -> str:
        return version_path(self.series, self.language)

    @property
    def stage_name(self) -> str:
        return f"informal-{self.round}" if self.stage == "informal" and self.round else self.stage

    @property
    def name(self) -> str:
        """What a user calls it: its symbol, else ``series@stage``."""
        return self.symbol or f"{self.series}@{self.stage_name}"

    @property
    def short(self) -> str:
        return self.commit[:10]


def version_path(series: str, language: str) -> str:
    if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", series) or language not in LANGUAGES:
        raise StoreError(f"not a series/language pair: {series!r}/{language!r}")
    return f"series/{series}/{language}.txt"


def slugify(text: str) -> str:
    """``Traite des femmes et des filles`` → ``traite-des-femmes-et-des-filles``."""
    spaced = re.sub(r"[^\w]+", " ", text)  # apostrophes and dashes part words: d’Ivoire
    ascii_text = unicodedata.normalize("NFKD", spaced).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if not slug:
        raise StoreError(f"{text!r} gives no series name (letters or digits needed): "
                         "give one with --series NAME")
    if len(slug) > 60:
        slug = slug[:61].rsplit("-", 1)[0] if "-" in slug[:61] else slug[:60]
    return slug


def symbol_file_name(symbol: str | None) -> str:
    """A file name for a symbol: ``A/C.3/77/L.6`` → ``A_C.3_77_L.6``."""
    name = re.sub(r"[^A-Za-z0-9.]+", "_", symbol or "").strip("._")
    return re.sub(r"\.{2,}", ".", name)[:80] or "untitled"


def check_value(key: str, value: str) -> str:
    """A metadata value fit for one trailer line, or a `StoreError` naming it."""
    if any(unicodedata.category(c).startswith("C") for c in value) or len(value) > 500:
        raise StoreError(f"{key} {value!r}: holds a line break or control character, or is "
                         "too long")
    return value.strip()


_SYMBOL = re.compile(r"""
    ^(?P<base>.*?/L\.\d+)           # the L-document: A/C.3/77/L.6, A/80/L.2
    (?:/Rev\.(?P<rev>\d+))?         # a revision: /Rev.1
    (?:/(?:Corr|Add)\.\d+)*         # corrigenda and additions do not change the stage
    \*?$                            # a reissue
""", re.VERBOSE | re.IGNORECASE)


def normal_symbol(symbol: str) -> str:
    """Symbols compared the way people write them: spaces and a reissue ``*`` ignored."""
    return re.sub(r"\s+", "", symbol).rstrip("*").upper()


def stage_of(symbol: str | None, document_kind: str | None) -> Stage | None:
    """The stage a symbol or a masthead's document kind names, or None."""
    if symbol:
        if re.match(r"^A/RES/", symbol, re.IGNORECASE):
            return "adopted"
        m = _SYMBOL.match(symbol.strip())
        if m:
            return "L-rev" if m.group("rev") else "L"
    kind = (document_kind or "").casefold()
    if re.search(r"revis|révis|пересмотр|订正|منقح", kind):
        return "L-rev"
    if re.search(r"draft|projet|proyecto|проект|草案|مشروع", kind):
        return "L"
    if re.search(r"resolution|résolution|resolución|резолюция|决议|قرار", kind):
        return "adopted"
    return None


def parse_stage(text: str) -> tuple[Stage, int | None]:
    """``L-rev`` → (``L-rev``, None); ``informal-2`` → (``informal``, 2); ``informal`` → round
    None (the store numbers it)."""
    m = re.fullmatch(r"informal(?:[- ]?(\d{1,3}))?", text.strip(), re.IGNORECASE)
    if m:
        return "informal", int(m.group(1)) if m.group(1) else None
    for stage in STAGES:
        if text.strip().casefold() == stage.casefold():
            return stage, None
    raise StoreError(f"unknown stage {text!r}: use one of previous, zero, informal-N, L, "
                     "L-rev, oral, adopted")


_MONTHS = {
    name: i + 1 for names in (
        "january february march april may june july august september october november december",
        "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
        "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre "
        "diciembre",
    ) for i, name in enumerate(names.split())
}


def iso_date(text: str | None) -> str | None:
    """``15 September 2025`` / ``7 octobre 2022`` / ``2025-09-15`` → ``2025-09-15``; None when
    the text is not a date these languages write."""
    if not text:
        return None
    text = text.strip()
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text)
    if m:
        year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        m = re.fullmatch(r"(\d{1,2})(?:er|º)?\s+(?:de\s+)?(\w+)\.?\s+(?:de\s+)?(\d{4})", text)
        if not m or m.group(2).casefold() not in _MONTHS:
            return None
        day, month, year = int(m.group(1)), _MONTHS[m.group(2).casefold()], int(m.group(3))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


# -- commit message trailers -------------------------------------------------------------------

_FIELDS = (
    ("Resdiff-Series", "series"), ("Resdiff-Language", "language"), ("Resdiff-Stage", "stage"),
    ("Resdiff-Round", "round"), ("Resdiff-Symbol", "symbol"), ("Resdiff-Date", "date"),
    ("Resdiff-Session", "session"), ("Resdiff-Title", "title"),
    ("Resdiff-Preamble", "preamble"), ("Resdiff-Operative", "operative"),
    ("Resdiff-Adopted-From", "adopted_from"), ("Resdiff-Original", "original"),
    ("Resdiff-Base", "base"), ("Resdiff-Summary", "summary"),
)
_INT_FIELDS = {"round", "session", "preamble", "operative"}


def trailers(version: Version) -> str:
    """The trailer block that marks a commit as `version` (without its commit id)."""
    lines = [f"Resdiff-Version: {FORMAT}"]
    for key, attr in _FIELDS:
        value = getattr(version, attr)
        if value is not None and value != "":
            lines.append(f"{key}: {check_value(key, str(value))}")
    return "\n".join(lines)


def commit_message(version: Version, message: str | None) -> str:
    subject = f"Add {version.name} ({version.language}, {version.stage_name})"
    body = (message or "").strip()
    return "\n\n".join(x for x in (subject, body, trailers(version)) if x) + "\n"


def parse_trailers(commit: str, message: str) -> Version | None:
    """The version a commit message records, None for a commit that records none (made with
    plain git); a `StoreError` naming the commit for a version whose trailers are broken."""
    block = message.rstrip().rsplit("\n\n", 1)[-1]
    values: dict[str, str] = {}
    for line in block.splitlines():
        key, sep, value = line.partition(": ")
        if sep and key.startswith("Resdiff-"):
            values[key] = value.strip()
    if values.get("Resdiff-Version") is None:
        return None
    if values["Resdiff-Version"] != FORMAT:
        raise StoreError(f"commit {commit[:10]} records a version in format "
                         f"{values['Resdiff-Version']!r}, which this resdiff does not read "
                         "(a newer resdiff wrote it?)")
    fields: dict[str, object] = {}
    try:
        for key, attr in _FIELDS:
            if key in values:
                fields[attr] = int(values[key]) if attr in _INT_FIELDS else values[key]
        version = Version(commit=commit, **fields)  # type: ignore[arg-type]
        parse_stage(version.stage)
        version_path(version.series, version.language)
    except (TypeError, ValueError, StoreError) as err:
        raise StoreError(f"commit {commit[:10]} has broken resdiff trailers ({err}): it was "
                         "edited by hand") from None
    return version


def summary_text(summary: dict[str, int]) -> str:
    return " ".join(f"{k}={v}" for k, v in summary.items() if v)


def describe_summary(text: str | None) -> str:
    """``amended=2 technical=1`` → ``2 amended, 1 technical``; ``""`` → ``no change``."""
    if text is None:
        return "first version"
    if text.startswith("!"):
        return text[1:]
    items = [pair.split("=", 1) for pair in text.split()]
    parts = [f"{v} {k}" for k, v in items if k != "unchanged"]
    return ", ".join(parts) if parts else "no change"


# -- names -------------------------------------------------------------------------------------

def split_language(name: str) -> tuple[str, str | None]:
    """``A/C.3/77/L.6:fr`` → (``A/C.3/77/L.6``, ``fr``)."""
    head, sep, tail = name.rpartition(":")
    if sep and tail in LANGUAGES:
        return head, tail
    return name, None


def match_series(name: str, series: list[str]) -> str | None:
    """The series a user means: an exact slug, else the only one the slug is a prefix of."""
    slug = slugify(name)
    if slug in series:
        return slug
    found = sorted(s for s in series if s.startswith(slug + "-"))
    if len(found) > 1:
        raise StoreError(f"{name!r} may name several series: {', '.join(found)}")
    return found[0] if found else None


def select(versions: list[Version], name: str, series: list[str]) -> list[Version]:
    """The stored versions that `name` designates (by symbol, ``series@stage`` or series), in
    the order of `versions`; empty when it names none of them."""
    name, language = split_language(name.strip())
    if language:
        versions = [v for v in versions if v.language == language]
    if "@" in name:
        series_name, _, stage_text = name.rpartition("@")
        slug = match_series(series_name, series)
        if slug is None:
            raise StoreError(f"no series {series_name!r} in the store "
                             f"(series: {', '.join(series) or 'none yet'})")
        in_series = [v for v in versions if v.series == slug]
        if stage_text in ("latest", "first"):
            return _one_per_language(in_series, stage_text == "first")
        stage, round_ = parse_stage(stage_text)
        hits = [v for v in in_series if v.stage == stage and (round_ is None or v.round == round_)]
        return _one_per_language(hits, first=False)
    if "/" in name:
        want = normal_symbol(name)
        return _one_per_language([v for v in versions
                                  if v.symbol and normal_symbol(v.symbol) == want], first=False)
    slug = match_series(name, series) if re.search(r"[a-z]", name) else None
    if slug is not None:
        return _one_per_language([v for v in versions if v.series == slug], first=False)
    return []


def _one_per_language(versions: list[Version], first: bool) -> list[Version]:
    """The latest (or first) of each language."""
    out: dict[str, Version] = {}
    for v in versions:
        if not (first and v.language in out):
            out[v.language] = v
    return list(out.values())


# -- which version a one-version diff compares with --------------------------------------------

def base_of(version: Version, versions: list[Version]) -> Version | None:
    """The version the UN's rules compare `version` with, among `versions` of its series and
    language: an L-document (and a zero draft) against the previous session's adopted
    resolution; a revision against the document it revises; an informal round against the
    round before it (the zero draft for the first); an oral revision against the L-document or
    revision it revises; an adopted text against its last draft. None when there is none."""
    pool = [v for v in versions if v.series == version.series
            and v.language == version.language and v.commit != version.commit]
    before = pool[:_position(version, versions, pool)]
    if version.stage in ("L", "zero", "previous"):
        return _previous_adopted(version, pool)
    if version.stage == "L-rev" and version.symbol:
        m = _SYMBOL.match(version.symbol.strip())
        if m:
            rev = int(m.group("rev") or 1)
            wanted = [f"{m.group('base')}/Rev.{rev - 1}" if rev > 1 else m.group("base")]
            wanted.append(m.group("base"))
            for symbol in wanted:
                hits = [v for v in pool if v.symbol and
                        normal_symbol(v.symbol) == normal_symbol(symbol)]
                if hits:
                    return hits[-1]
        return _last(before, ("L-rev", "L"))
    if version.stage == "informal":
        earlier = [v for v in before if v.stage == "informal" and version.round and v.round
                   and v.round < version.round and v.session == version.session]
        return earlier[-1] if earlier else _last(before, ("zero",)) or _previous_adopted(
            version, pool)
    if version.stage == "oral":
        return _last(before, ("L-rev", "L"))
    if version.stage == "adopted":
        if version.adopted_from:
            for symbol in (version.adopted_from, _SYMBOL.sub(r"\g<base>",
                                                            version.adopted_from.strip())):
                hits = [v for v in pool if v.symbol and
                        normal_symbol(v.symbol) == normal_symbol(symbol)]
                if hits:
                    return hits[-1]
        drafts = [v for v in before if v.stage in _DRAFT_STAGES
                  and (version.session is None or v.session in (None, version.session))]
        # Without a draft of its session (a store of adopted texts only), the rule of its
        # drafts applies: the previous session's resolution.
        return drafts[-1] if drafts else _previous_adopted(version, pool)
    return before[-1] if before else None


def _position(version: Version, versions: list[Version], pool: list[Version]) -> int:
    """How many of `pool` were recorded before `version` (all of them for a file's version that
    is not stored yet)."""
    order = {v.commit: i for i, v in enumerate(versions)}
    here = order.get(version.commit, len(versions))
    return sum(order[v.commit] < here for v in pool)


def _previous_adopted(version: Version, pool: list[Version]) -> Version | None:
    adopted = [v for v in pool if v.stage in _ADOPTED_STAGES and v.session is not None
               and (version.session is None or v.session < version.session)]
    if not adopted:
        return None
    return max(adopted, key=lambda v: (v.session or 0, v.date or ""))


def _last(versions: list[Version], stages: tuple[str, ...]) -> Version | None:
    hits = [v for v in versions if v.stage in stages]
    return hits[-1] if hits else None


def version_of_draft(draft: Draft, *, commit: str, series: str, stage: Stage,
                     round_: int | None = None, date: str | None = None) -> Version:
    """The metadata of `draft` as a version (its counts, symbol, session, title)."""
    return Version(
        commit=commit, series=series, language=draft.language or "", stage=stage, round=round_,
        symbol=draft.symbol, date=date or iso_date(draft.date), session=draft.session,
        title=draft.title, preamble=len(draft.part("preamble")),
        operative=len(draft.part("operative")), adopted_from=draft.adopted_from,
    )
