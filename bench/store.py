"""History store cost, for ``make bench``: add a version, log a long series, blame many rounds.

The store is a real git repository in a temporary folder, filled with a chain of generated
negotiation rounds of the French seed (`tests.support.negotiate.revise`, each round revising
the one before, pasted one paragraph per line), 50 versions in one series. Each measure runs
``resdiff`` as a user does — a new process, imports included — and takes the median of a few
runs. The store is built once, the first time a row needs it (about half a minute).
"""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path

from bench.common import SEED, Row, median_seconds, ms
from resdiff.parse import parse_file
from tests.support.layout import render_pasted
from tests.support.negotiate import revise

VERSIONS = 50
BLAME_VERSIONS = 20
RUNS = 3
SERIES = "traite-des-femmes-et-des-filles"
_IDENTITY = {"GIT_AUTHOR_NAME": "resdiff bench", "GIT_AUTHOR_EMAIL": "bench@example.org",
             "GIT_COMMITTER_NAME": "resdiff bench", "GIT_COMMITTER_EMAIL": "bench@example.org"}


def _command() -> list[str]:
    script = shutil.which("resdiff", path=str(Path(sys.executable).parent))
    return [script] if script else [sys.executable, "-m", "resdiff.cli"]


def _run(*args: str) -> None:
    subprocess.run([*_command(), *args], check=True, capture_output=True,
                   env={**os.environ, **_IDENTITY})


@cache
def _rounds() -> tuple[Path, list[Path]]:
    """A folder with the seed and `VERSIONS` + `RUNS` generated rounds after it."""
    folder = Path(tempfile.mkdtemp(prefix="resdiff-bench-store-"))
    atexit.register(shutil.rmtree, folder, True)
    draft = parse_file(SEED)
    files = [SEED]
    for k in range(1, VERSIONS + RUNS):
        draft = revise(draft, seed=k, edits=3).new
        path = folder / f"A_C.3_77_L.6_fr.generated-round{k:02d}.txt"
        path.write_text(render_pasted(draft, blank_lines=True), "utf-8")
        files.append(path)
    return folder, files


@cache
def _store() -> Path:
    """A store holding the first `VERSIONS` rounds as versions of one series."""
    from resdiff.store import Store, init_store

    folder, files = _rounds()
    for key, value in _IDENTITY.items():
        os.environ.setdefault(key, value)
    root = init_store(str(folder / "store"))
    store = Store(root)
    for i, path in enumerate(files[:VERSIONS]):
        stage = "zero" if i == 0 else "informal"
        store.add(str(path), stage=stage, series=SERIES, symbol="")
    return root


def add_time() -> Row:
    _, files = _rounds()
    store = _store()
    extra = iter(files[VERSIONS:])
    seconds = median_seconds(
        lambda: _run("add", str(next(extra)), "--store", str(store), "--stage", "informal",
                     "--series", SERIES), RUNS)
    return Row(f"resdiff add a version of the seed to a {VERSIONS}-version store, wall "
               f"(median of {RUNS})", ms(seconds), "< 1 s", seconds < 1.0)


def log_time() -> Row:
    store = _store()
    seconds = median_seconds(lambda: _run("log", SERIES, "--store", str(store)), RUNS)
    return Row(f"resdiff log of a series of {VERSIONS}+ versions, wall (median of {RUNS})",
               ms(seconds), "< 1 s", seconds < 1.0)


def blame_time() -> Row:
    store = _store()
    version = f"{SERIES}@informal-{BLAME_VERSIONS - 1}"
    seconds = median_seconds(lambda: _run("blame", version, "--store", str(store)), RUNS)
    return Row(f"resdiff blame over {BLAME_VERSIONS} versions of the seed, wall "
               f"(median of {RUNS})", ms(seconds), "< 2 s", seconds < 2.0)


MEASURES: list[Callable[[], Row]] = [add_time, log_time, blame_time]
