"""The `resdiff` command: options in, one core call, output out.

Exit codes follow diff: 0 success (or no difference), 1 difference (with --exit-code), 2 trouble.
Every `ResdiffError` becomes one line on stderr and exit code 2, here and nowhere else;
``--traceback`` shows the Python traceback instead, for debugging.
"""

from __future__ import annotations

import json
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


@main.command()
@click.argument("file", type=click.Path(dir_okay=True, allow_dash=False))
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json", "canonical"]), default="text",
    show_default=True,
    help="text: a readable view; json: the structure; canonical: the stored form.",
)
def parse(file: str, fmt: str) -> None:
    """Read one draft and print its structure.

    FILE is a draft as PDF text extraction, Word's "save as text" or a paste gives it.

    \b
    Example:
      resdiff parse drafts/A_C.3_77_L.6_fr.txt --format json
    """
    from .parse import parse_file
    from .views import draft_json, draft_text

    draft = parse_file(file)
    if fmt == "json":
        click.echo(json.dumps(draft_json(draft), ensure_ascii=False, indent=2))
    elif fmt == "canonical":
        from .canonical import serialize

        click.echo(serialize(draft), nl=False)
    else:
        click.echo(draft_text(draft), nl=False)
    for warning in draft.warnings:
        click.echo(f"warning: {warning}", err=True)


if __name__ == "__main__":  # pragma: no cover
    main(prog_name="resdiff")
