"""The history store's commands: init, add, log, show, blame, history, site.

Thin like `resdiff.cli`, which registers them: options in, one store call, output out. Errors
are `StoreError`s, turned into one line and exit code 2 by the group. The store (and git) are
imported inside each command, so that the other commands start without them.
"""

from __future__ import annotations

import json
from typing import Any

import click

store_option = click.option(
    "--store", "store", metavar="DIR", default=None,
    help="The store to use (default: $RESDIFF_STORE, else the store around this folder).")
format_option = click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
    help="text: for reading; json: for other tools.")


def _warn(store: Any) -> None:
    for warning in store.warnings:
        click.echo(f"warning: {warning}", err=True)


@click.command()
@click.argument("directory", default=".")
def init(directory: str) -> None:
    """Create a history store: a git repository with a README of its layout.

    \b
    Example:
      resdiff init ~/negotiations
      export RESDIFF_STORE=~/negotiations
    """
    from .store import init_store

    root = init_store(directory)
    click.echo(f"Made a resdiff store in {root}")


@click.command()
@click.argument("file", type=click.Path(dir_okay=True))
@click.option("--symbol", help="The document symbol, when the file does not show it.")
@click.option("--stage", help="previous, zero, informal-N, L, L-rev, oral or adopted "
                              "(default: from the symbol and masthead).")
@click.option("--date", metavar="YYYY-MM-DD", help="The version's date (default: the masthead's).")
@click.option("--series", metavar="NAME",
              help="The series (one resolution across rounds and sessions); default: the one "
                   "of the same symbol in another language, else from the title.")
@click.option("-m", "--message", help="A note kept with the version.")
@click.option("--tracked", type=click.Choice(["current", "base"]), default="current",
              show_default=True,
              help="A Word file with tracked changes: its current text, or the text before them.")
@store_option
def add(file: str, symbol: str | None, stage: str | None, date: str | None,
        series: str | None, message: str | None, tracked: str, store: str | None) -> None:
    """Record FILE as a new version in the store.

    FILE is any draft `resdiff parse` reads; its symbol, title, language and session are read
    from it, its canonical form committed, the file itself kept beside it.

    \b
    Example:
      resdiff add drafts/A_RES_79_7_en.txt
      resdiff add round2.txt --series traite-des-femmes --stage informal-2 -m "after Tuesday"
    """
    from .store import open_store

    opened = open_store(store)
    added = opened.add(file, symbol=symbol, stage=stage, date=date, series=series,
                       message=message, tracked=tracked)  # type: ignore[arg-type]  # a Choice
    v = added.version
    for warning in added.reading:
        click.echo(f"warning: {warning}", err=True)
    click.echo(f"Added {v.name} ({v.language}, {v.stage_name}) to series {v.series} as "
               f"{v.short}")
    if added.warning:
        click.echo(f"warning: {added.warning}", err=True)


@click.command()
@click.argument("series", required=False)
@store_option
def log(series: str | None, store: str | None) -> None:
    """The timeline of a series (all series without one).

    One line per version: commit, date, stage, symbol, language, PP/OP counts and the changes
    against the previous version in the same language.

    \b
    Example:
      resdiff log traite-des-femmes
    """
    from .history import log_rows, table
    from .store import open_store, summaries
    from .versions import StoreError, match_series

    opened = open_store(store)
    versions = opened.versions()
    names = opened.series()
    chosen = names
    if series is not None:
        slug = match_series(series, names)
        if slug is None:
            raise StoreError(f"no series {series!r} in the store "
                             f"(series: {', '.join(names) or 'none yet'})")
        chosen = [slug]
    sums = summaries(opened, versions)
    for i, name in enumerate(chosen):
        rows = log_rows([v for v in versions if v.series == name], sums)
        title = next((v.title for v in versions if v.series == name), "")
        click.echo(("\n" if i else "") + f"{name}: {title}")
        click.echo(table(rows), nl=False)
    if not versions:
        click.echo("The store holds no version yet: add one with `resdiff add FILE`.")
    _warn(opened)


@click.command()
@click.argument("version")
@format_option
@store_option
def show(version: str, fmt: str, store: str | None) -> None:
    """Show one stored version: its metadata and its text.

    VERSION is a symbol (A/C.3/77/L.6, with :fr for one language), series@stage
    (traite-des-femmes@L, …@informal-2) or a git revision.

    \b
    Example:
      resdiff show A/RES/79/7
      resdiff show traite-des-femmes@L --format json
    """
    from .history import version_json
    from .store import open_store
    from .views import draft_json, draft_text

    opened = open_store(store)
    v = opened.resolve(version)
    draft = opened.draft(v)
    if fmt == "json":
        click.echo(json.dumps({"version": version_json(v), "draft": draft_json(draft)},
                              ensure_ascii=False, indent=2))
    else:
        click.echo(f"version {v.short}  series {v.series}  stage {v.stage_name}  "
                   f"date {v.date or '-'}  original {v.original or '-'}")
        click.echo(draft_text(draft), nl=False)
    _warn(opened)


@click.command()
@click.argument("version")
@format_option
@store_option
def blame(version: str, fmt: str, store: str | None) -> None:
    """For each paragraph of VERSION, the version that introduced it and the last that changed it.

    Paragraphs are followed through renumbering, moves, splits and merges by comparing each
    version of the series (in VERSION's language) with the next.

    \b
    Example:
      resdiff blame A/RES/80/4
    """
    from .history import blame as run_blame
    from .history import blame_json, blame_text
    from .store import open_store

    opened = open_store(store)
    chain = opened.chain(opened.resolve(version))
    result = run_blame(chain, [opened.draft(v) for v in chain])
    if fmt == "json":
        click.echo(json.dumps(blame_json(result), ensure_ascii=False, indent=2))
    else:
        click.echo(blame_text(result), nl=False)
    _warn(opened)


@click.command()
@click.argument("version")
@click.argument("paragraph")
@format_option
@store_option
def history(version: str, paragraph: str, fmt: str, store: str | None) -> None:
    """One paragraph's text in every version of the series, with the change at each step.

    PARAGRAPH is a label of VERSION (PP3, OP12); it is followed backwards and forwards through
    renumbering, moves, splits and merges.

    \b
    Example:
      resdiff history A/RES/80/4 OP2
    """
    from .history import history_json, history_text, paragraph_history
    from .store import open_store

    opened = open_store(store)
    v = opened.resolve(version)
    chain = opened.file_versions(v)
    steps = paragraph_history(chain, [opened.draft(c) for c in chain], chain.index(v),
                              paragraph.strip())
    if fmt == "json":
        click.echo(json.dumps(history_json(steps), ensure_ascii=False, indent=2))
    else:
        click.echo(history_text(steps), nl=False)
    _warn(opened)


@click.command()
@click.argument("outdir")
@store_option
def site(outdir: str, store: str | None) -> None:
    """Write a static web site of the whole store into OUTDIR.

    An index of the series; per series a timeline of its versions; each version's text, its
    comparisons with the previous version and with the base the UN's rules name, and its blame.
    Pages link to each other by relative addresses and fetch nothing: open OUTDIR/index.html
    from disk or serve the folder with any web server. A site already in OUTDIR is replaced
    whole; a folder holding anything else is refused.

    \b
    Example:
      resdiff site ~/negotiations-site --store ~/negotiations
    """
    import sys
    from pathlib import Path

    from .site import check_outdir, read_chains, render_site, write_site
    from .store import open_store

    opened = open_store(store)
    check_outdir(Path(outdir))  # before the long part, not after it
    chains = read_chains(opened)
    total = sum(len(c.versions) for c in chains)
    if sys.stderr.isatty():
        with click.progressbar(length=total, label="Building the site", file=sys.stderr,
                               show_pos=True) as bar:
            pages = render_site(chains, bar.update)
    else:
        pages = render_site(chains)
    write_site(Path(outdir), pages)
    series = len({c.versions[0].series for c in chains})
    click.echo(f"Wrote a site of {series} series and {total} versions to {outdir}: open "
               f"{Path(outdir).resolve() / 'index.html'}")
    _warn(opened)


COMMANDS: tuple[click.Command, ...] = (init, add, log, show, blame, history, site)
