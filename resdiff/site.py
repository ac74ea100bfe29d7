"""A static web site of a whole history store, as ``resdiff site OUTDIR`` writes it.

The pages, all relative to the site's folder::

    index.html                          every series: title, languages, versions, dates
    <series>/index.html                 the series' timeline, all languages in history order
    <series>/<lang>-<NN>-<symbol>.html  the text of one version (NN: its place in its language)
      …-previous.html                   its comparison with the previous version (the report of
                                        `resdiff.render_html`, with the site's links added)
      …-base.html                       its comparison with the base the UN's rules name, when
                                        that is not the previous version
      …-blame.html                      for each paragraph, the versions that introduced it and
                                        last changed it
    .resdiff-site                       marks the folder as a resdiff site

What a site guarantees, and the tests check:

* every page is standalone: its style sheet (and the report's script) stand inside it; nothing
  is fetched, no JSON is loaded, so the site works opened from disk (``file://``) as well as
  served by any web server;
* every link between pages is relative (``../index.html``, ``en-02-A_80_L.6.html``) and names
  a page of the site; file names are made of ``[A-Za-z0-9._-]`` only (series slugs, language
  codes and `versions.symbol_file_name`), so no document text becomes a path;
* every text that comes from a document is escaped (the one jinja2 environment of
  `resdiff.render_html`, autoescape on): a draft containing ``<script>`` shows it as text;
* `write_site` replaces OUTDIR whole or not at all: the pages are written to a temporary
  sibling folder that is then swapped in, so a failed build leaves the previous site (or
  nothing) in place. It refuses an OUTDIR that exists and is neither empty nor a resdiff site.

`read_chains` reads the store; `render_site` is pure (store data in, page strings out);
`write_site` alone writes files. Cost: one comparison per pair of successive versions of a
language, one more for each version whose base is not the previous one, one report per
comparison.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__, languages
from .compare import Comparison, compare
from .history import Blame, blame
from .model import LANGUAGES, PARTS, Draft, Part, ResdiffError
from .render_html import environment, render_html
from .versions import Version, describe_summary, summary_text, symbol_file_name

if TYPE_CHECKING:
    from .store import Store

MARKER = ".resdiff-site"
MARKER_TEXT = "resdiff-site 1\n"

_PART_TITLES: dict[Part, str] = {"preamble": "Preamble", "operative": "Operative part",
                                 "annex": "Annex", "text": "Text"}
_BASE_RULES = {
    "previous": "the session's resolution before it",
    "zero": "the previous session's adopted resolution",
    "L": "the previous session's adopted resolution",
    "L-rev": "the document it revises",
    "informal": "the round before it",
    "oral": "the text revised orally",
    "adopted": "the draft it was adopted from",
}
"""Why a stage is compared with its base, in the words of the Secretariat's rules."""


class SiteError(ResdiffError):
    """OUTDIR cannot take the site: one line, exit code 2."""


@dataclass(frozen=True)
class Chain:
    """One series in one language: its versions in history order, with their drafts."""

    versions: tuple[Version, ...]
    drafts: tuple[Draft, ...]
    bases: tuple[int | None, ...]
    """For each version, the index in `versions` of the version the UN's rules compare it with;
    None when the store holds none."""
    order: tuple[int, ...]
    """For each version, its place in the store's whole history: the timeline of a series
    shows its languages interleaved in that order."""


@dataclass(frozen=True)
class Page:
    """The file names of one version's pages, relative to its series folder."""

    text: str
    previous: str | None
    base: str | None
    """None when the version has no base, or when its base is the previous version (the
    comparison is then the ``previous`` page)."""
    blame: str


@dataclass(frozen=True)
class Link:
    """A link as a page shows it: relative address and the words of the link."""

    href: str
    label: str


@dataclass(frozen=True)
class Entry:
    """One version on its series' timeline."""

    version: Version
    stage: str
    language: str
    """The language's English name."""
    page: Page
    previous: Version | None
    base: Version | None
    base_rule: str
    changes: str
    """The changes against the previous version, as ``5 amended, 4 technical``."""


def read_chains(store: Store) -> list[Chain]:
    """Every series-language chain of `store`, with its drafts and bases."""
    by_path: dict[str, list[Version]] = {}
    place = {}
    for i, v in enumerate(store.versions()):
        by_path.setdefault(v.path, []).append(v)
        place[v.commit] = i
    chains = []
    for path in sorted(by_path):
        versions = by_path[path]
        index = {v.commit: i for i, v in enumerate(versions)}
        bases = []
        for v in versions:
            base = store.base(v)
            bases.append(index.get(base.commit) if base else None)
        chains.append(Chain(tuple(versions), tuple(store.draft(v) for v in versions),
                            tuple(bases), tuple(place[v.commit] for v in versions)))
    return chains


def page_names(chain: Chain) -> list[Page]:
    """The file names of the pages of each version of `chain`."""
    out = []
    for k, v in enumerate(chain.versions):
        stem = f"{v.language}-{k + 1:02d}-{symbol_file_name(v.symbol or v.stage_name)}"
        base = chain.bases[k]
        out.append(Page(f"{stem}.html", f"{stem}-previous.html" if k else None,
                        f"{stem}-base.html" if base is not None and base != k - 1 else None,
                        f"{stem}-blame.html"))
    return out


def render_site(chains: list[Chain], progress: Callable[[int], None] | None = None
                ) -> dict[str, str]:
    """Every page of the site, by its path relative to the site's folder. `progress` is told
    of each version done (one call per version, with 1)."""
    pages: dict[str, str] = {MARKER: MARKER_TEXT}
    timelines: dict[str, list[Entry]] = {}
    order = {v.commit: i for c in chains for v, i in zip(c.versions, c.order, strict=True)}
    for chain in chains:
        names = page_names(chain)
        title = _title_of(chain)
        steps = [compare(a, b) for a, b in zip(chain.drafts, chain.drafts[1:], strict=False)]
        for k, v in enumerate(chain.versions):
            folder = v.series
            page = names[k]
            base = chain.bases[k]
            entry = Entry(v, v.stage_name, _language_name(v.language), page,
                          chain.versions[k - 1] if k else None,
                          chain.versions[base] if base is not None else None,
                          _BASE_RULES.get(v.stage, "its base"),
                          describe_summary(summary_text(steps[k - 1].summary()) if k else None))
            timelines.setdefault(folder, []).append(entry)
            pages[f"{folder}/{page.text}"] = _version_page(chain, k, names)
            if k:
                pages[f"{folder}/{page.previous}"] = _comparison_page(
                    steps[k - 1], entry, names[k - 1], "previous", title)
            if page.base and base is not None:
                pages[f"{folder}/{page.base}"] = _comparison_page(
                    compare(chain.drafts[base], chain.drafts[k]), entry, names[base], "base",
                    title)
            blames = blame(list(chain.versions[:k + 1]), list(chain.drafts[:k + 1]), steps[:k])
            pages[f"{folder}/{page.blame}"] = _blame_page(chain, k, names, blames)
            if progress:
                progress(1)
    for series, entries in timelines.items():
        entries.sort(key=lambda e: order[e.version.commit])
        pages[f"{series}/index.html"] = _render("site_series.html", root="../",
                                                series=series, title=_title(entries),
                                                entries=entries)
    summaries = [_series_summary(series, entries) for series, entries in sorted(
        timelines.items(), key=lambda item: order[item[1][0].version.commit])]
    pages["index.html"] = _render("site_index.html", root="", series=summaries,
                                  versions=sum(len(c.versions) for c in chains))
    return pages


def _render(template: str, **context: object) -> str:
    return environment().get_template(template).render(version=__version__, **context)


def _title(entries: list[Entry]) -> str:
    return next((e.version.title for e in reversed(entries) if e.version.title),
                entries[-1].version.series)


@dataclass(frozen=True)
class SeriesSummary:
    """One series as the index lists it."""

    slug: str
    title: str
    languages: tuple[str, ...]
    versions: int
    first: str | None
    last: str | None
    latest: Entry


def _series_summary(series: str, entries: list[Entry]) -> SeriesSummary:
    dates = sorted(e.version.date for e in entries if e.version.date)
    langs = tuple(dict.fromkeys(_language_name(e.version.language) for e in entries))
    return SeriesSummary(series, _title(entries), langs, len(entries),
                         dates[0] if dates else None, dates[-1] if dates else None,
                         entries[-1])


def _language_name(code: str | None) -> str:
    return languages.table(code).name if code in LANGUAGES else (code or "unknown")


def _direction(code: str | None) -> str:
    return languages.table(code).direction if code in LANGUAGES else "ltr"


def _neighbours(chain: Chain, k: int, names: list[Page], kind: str) -> dict[str, Link | None]:
    """The same page (`kind`: ``text`` or ``blame``) of the versions before and after."""
    def link(i: int) -> Link | None:
        if 0 <= i < len(chain.versions):
            return Link(getattr(names[i], kind), chain.versions[i].name)
        return None

    return {"before": link(k - 1), "after": link(k + 1)}


def _version_page(chain: Chain, k: int, names: list[Page]) -> str:
    v, draft = chain.versions[k], chain.drafts[k]
    base = chain.bases[k]
    parts = [(_PART_TITLES[part], draft.part(part)) for part in PARTS if draft.part(part)]
    return _render(
        "site_version.html", root="../", v=v, draft=draft, page=names[k],
        series_title=_title_of(chain), language=_language_name(v.language),
        lang=v.language if v.language in LANGUAGES else None,
        direction=_direction(v.language), parts=parts,
        base=Link(names[base].text, chain.versions[base].name) if base is not None else None,
        base_rule=_BASE_RULES.get(v.stage, "its base"), **_neighbours(chain, k, names, "text"))


def _title_of(chain: Chain) -> str:
    return next((v.title for v in reversed(chain.versions) if v.title), chain.versions[0].series)


def _blame_page(chain: Chain, k: int, names: list[Page], blames: list[Blame]) -> str:
    index = {v.commit: i for i, v in enumerate(chain.versions)}
    rows = []
    for b in blames:
        born, changed = index[b.introduced.commit], index[b.changed.commit]
        rows.append((b, Link(names[born].text, b.introduced.name),
                     Link(names[changed].previous or names[changed].text, b.changed.name)
                     if changed != born else None))
    v = chain.versions[k]
    base = chain.bases[k]
    return _render("site_blame.html", root="../", v=v, page=names[k], rows=rows,
                   base=Link(names[base].text, chain.versions[base].name)
                   if base is not None else None,
                   series_title=_title_of(chain), language=_language_name(v.language),
                   lang=v.language if v.language in LANGUAGES else None,
                   direction=_direction(v.language), first=chain.versions[0], count=k + 1,
                   **_neighbours(chain, k, names, "blame"))


def _comparison_page(comparison: Comparison, entry: Entry, old: Page, against: str,
                     series_title: str) -> str:
    """The report of `comparison` with the site's style and links put into it."""
    report = render_html(comparison)
    other = entry.previous if against == "previous" else entry.base
    head = _render("site_head.html")
    nav = _render("site_comparison_nav.html", root="../", entry=entry, against=against,
                  series_title=series_title,
                  old=Link(old.text, other.name if other else ""),
                  new=Link(entry.page.text, entry.version.name))
    before, sep, after = report.partition("</head>")
    body = re.search(r"<body[^>]*>\n?", after)
    if not sep or body is None:
        raise AssertionError("the report has no </head> or <body>")
    return before + head + sep + after[:body.end()] + nav + after[body.end():]


# -- writing -----------------------------------------------------------------------------------

def check_outdir(outdir: Path) -> None:
    """Refuse an OUTDIR that the site must not replace: a file, or a folder with something in
    it that is not a resdiff site."""
    if outdir.is_symlink() or (outdir.exists() and not outdir.is_dir()):
        raise SiteError(f"{outdir} exists and is not a folder: name a new folder for the site")
    if outdir.is_dir() and not (outdir / MARKER).is_file() and any(outdir.iterdir()):
        raise SiteError(f"{outdir} exists and is not a resdiff site (no {MARKER} in it): name "
                        "a new or empty folder, so that nothing else is replaced")


def write_site(outdir: Path, pages: dict[str, str]) -> None:
    """Write `pages` as the folder `outdir`, replacing the site that was there: written in full
    to a temporary sibling folder first, then swapped in."""
    outdir = Path(os.path.abspath(outdir))
    check_outdir(outdir)
    parent = outdir.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        fresh = Path(tempfile.mkdtemp(dir=parent, prefix=f".{outdir.name}.new-"))
    except OSError as err:
        raise SiteError(f"{outdir}: cannot write the site there ({err.strerror or err})"
                        ) from None
    try:
        for name, text in pages.items():
            path = fresh / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, "utf-8")
        fresh.chmod(0o755)
        _swap(fresh, outdir)
    except OSError as err:
        shutil.rmtree(fresh, ignore_errors=True)
        raise SiteError(f"{outdir}: cannot write the site there ({err.strerror or err}); "
                        "nothing was changed") from None
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise


def _swap(fresh: Path, outdir: Path) -> None:
    """Put `fresh` in the place of `outdir`; the old site goes only once the new one is in."""
    if not outdir.exists():
        fresh.rename(outdir)
        return
    old = Path(tempfile.mkdtemp(dir=outdir.parent, prefix=f".{outdir.name}.old-"))
    old.rmdir()
    outdir.rename(old)
    try:
        fresh.rename(outdir)
    except OSError:
        old.rename(outdir)
        raise
    shutil.rmtree(old, ignore_errors=True)
