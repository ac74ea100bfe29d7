"""The `resdiff` command: options in, one core call, output out.

Exit codes follow diff: 0 success (or no difference), 1 difference (with --exit-code), 2 trouble.
Every `ResdiffError` becomes one line on stderr and exit code 2, here and nowhere else;
``--traceback`` shows the Python traceback instead, for debugging.
"""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from .model import ResdiffError


class _Group(click.Group):
    """Turns user errors into one line and exit code 2, in one place."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ResdiffError as err:
            if ctx.params.get("traceback"):
                raise
            click.echo(f"resdiff: {err}", err=True)
            ctx.exit(2)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--traceback", is_flag=True, help="Show the Python traceback of an error.")
@click.version_option(package_name="resdiff")
def main(traceback: bool) -> None:
    """Compare the drafts of UN General Assembly resolutions paragraph by paragraph.

    \b
    Example:
      resdiff parse drafts/A_C.3_77_L.6_fr.txt
    """


_TRACKED = click.option(
    "--tracked", type=click.Choice(["current", "base"]), default="current", show_default=True,
    help="A Word file with tracked changes: its current text, or the text before the changes.")


@main.command()
@click.argument("file", type=click.Path(dir_okay=True, allow_dash=False))
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json", "canonical"]), default="text",
    show_default=True,
    help="text: a readable view; json: the structure; canonical: the stored form.",
)
@_TRACKED
def parse(file: str, fmt: str, tracked: str) -> None:
    """Read one draft and print its structure.

    FILE is a draft as PDF text extraction, Word's "save as text" or a paste gives it.

    \b
    Example:
      resdiff parse drafts/A_C.3_77_L.6_fr.txt --format json
    """
    from .parse import parse_file
    from .views import draft_json, draft_text

    draft = parse_file(file, tracked=tracked)  # type: ignore[arg-type]  # a click Choice
    if fmt == "json":
        click.echo(json.dumps(draft_json(draft), ensure_ascii=False, indent=2))
    elif fmt == "canonical":
        from .canonical import serialize

        click.echo(serialize(draft), nl=False)
    else:
        click.echo(draft_text(draft), nl=False)
    for warning in draft.warnings:
        click.echo(f"warning: {warning}", err=True)


@main.command()
@click.argument("old", type=click.Path(dir_okay=True))
@click.argument("new", type=click.Path(dir_okay=True), required=False)
@click.option("--format", "fmt", type=click.Choice(["text", "json", "html", "docx"]),
              default="text", show_default=True,
              help="text: a git-like redline; json: the comparison; html: a report for a browser;"
              " docx: a Word redline with tracked changes (needs -o).")
@click.option("-o", "--output", metavar="FILE",
              help="Write to this file instead of standard output.")
@click.option("--exit-code", is_flag=True, help="Exit with 1 when the drafts differ.")
@click.option("--only-changes", is_flag=True, help="Leave out unchanged paragraphs.")
@click.option("--no-technical", is_flag=True,
              help="Fold technical updates (session ordinals, symbols, dates) into one line.")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto",
              show_default=True, help="Colour the text view (auto: on a terminal).")
@click.option("--force", is_flag=True, help="Compare drafts in two different languages.")
@click.option("--store", metavar="DIR", help="The history store that versions are taken from.")
@_TRACKED
def diff(old: str, new: str | None, fmt: str, output: str | None, exit_code: bool,
         only_changes: bool, no_technical: bool, color: str, force: bool,
         store: str | None, tracked: str) -> None:
    """Compare two drafts paragraph by paragraph.

    OLD and NEW are drafts as `resdiff parse` reads them. Renumbering is not a change; moved,
    split and merged paragraphs are found; technical updates between sessions are told apart.

    OLD and NEW may also be versions of the history store (A/C.3/77/L.6, series@L). With one
    version, it is compared with the base the UN's rules name: an L-document with the previous
    session's adopted resolution, a revision with the document it revises, an adopted text
    with its last draft.

    \b
    Example:
      resdiff diff drafts/A_80_L.2_en.txt drafts/A_RES_80_1_en.txt
      resdiff diff drafts/A_RES_79_7_en.txt drafts/A_80_L.6_en.txt --no-technical
      resdiff diff old.txt new.txt --format json -o changes.json
      resdiff diff old.txt new.txt --format html -o report.html
      resdiff diff old.docx new.docx --format docx -o redline.docx
      resdiff diff A/C.3/77/L.6/Rev.1
    """
    from os.path import exists

    from .compare import compare, to_json
    from .parse import parse_file

    if new is not None and exists(old) and exists(new):
        old_draft = parse_file(old, tracked=tracked)  # type: ignore[arg-type]  # a click Choice
        new_draft = parse_file(new, tracked=tracked)  # type: ignore[arg-type]
    else:
        from .store import load_pair

        old_draft, old, new_draft, new = load_pair(old, new, store, tracked)  # type: ignore[arg-type]
    if (old_draft.language and new_draft.language and old_draft.language != new_draft.language
            and not force):
        raise ResdiffError(
            f"{old} is in {old_draft.language!r} and {new} in {new_draft.language!r}: "
            "comparing two languages says little (use --force to compare them anyway)")
    comparison = compare(old_draft, new_draft)
    text: str | bytes
    if fmt == "json":
        text = json.dumps(to_json(comparison), ensure_ascii=False, indent=2) + "\n"
    elif fmt == "html":
        from .render_html import render_html

        text = render_html(comparison, "changes-only" if only_changes else "redline")
    elif fmt == "docx":
        from .render_docx import render_docx

        if output is None:
            raise ResdiffError("--format docx writes a Word file: name it with -o FILE.docx")
        text = render_docx(comparison)
    else:
        from .render_text import TextOptions, render_text

        to_terminal = output is None and sys.stdout.isatty()
        use_color = color == "always" or (color == "auto" and to_terminal)
        text = render_text(comparison, TextOptions(use_color, only_changes, no_technical))
    _write(text, output)
    for warning in old_draft.warnings + new_draft.warnings:
        click.echo(f"warning: {warning}", err=True)
    s = comparison.summary()
    differ = any(s[k] for k in ("amended", "added", "deleted", "moved", "split", "merged")) or any(
        f.kind != "unchanged" for f in comparison.footnotes)
    if exit_code and differ:
        raise SystemExit(1)


def _write(text: str | bytes, output: str | None) -> None:
    """Write the whole output at once, so that a failure leaves no half-written file."""
    if output is None:
        click.echo(text, nl=False, color=True)
        return
    import os
    import tempfile

    folder = os.path.dirname(os.path.abspath(output))
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".resdiff-", suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            f.write(text if isinstance(text, bytes) else text.encode("utf-8"))
        os.replace(tmp, output)
    except OSError as err:
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)
        raise ResdiffError(f"{output}: cannot be written ({err.strerror or err})") from None


from .store_cli import COMMANDS  # noqa: E402 - the store's commands, registered on the group

for _command in COMMANDS:
    main.add_command(_command)

if __name__ == "__main__":  # pragma: no cover
    main(prog_name="resdiff")
