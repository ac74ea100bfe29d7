"""Running the `resdiff` command in-process, as the CLI tests do."""

from __future__ import annotations

from click.testing import CliRunner

from resdiff.cli import main


def run(*args: str) -> tuple[int, str, str]:
    """Exit code, standard output and standard error of ``resdiff ARGS``. A user error is an
    exit code and a message; an unexpected exception is raised, so that the test shows it."""
    result = CliRunner().invoke(main, list(args))
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr
