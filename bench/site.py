"""The static site's cost, for ``make bench``: ``resdiff site`` on a store of 50 versions.

The store is `bench.store`'s (50 generated negotiation rounds of the French seed in one series,
built once). The measure runs ``resdiff site`` as a user does, a new process with its imports,
once: the site holds 49 comparison reports and 50 blame pages, so one run already averages
many renders.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.common import Row
from bench.store import VERSIONS, _run, _store


def site_time() -> Row:
    store = _store()
    folder = Path(tempfile.mkdtemp(prefix="resdiff-bench-site-"))
    atexit.register(shutil.rmtree, folder, True)
    start = time.perf_counter()
    _run("site", str(folder / "site"), "--store", str(store))
    seconds = time.perf_counter() - start
    pages = sum(1 for _ in (folder / "site").rglob("*.html"))
    return Row(f"resdiff site of a {VERSIONS}-version store ({pages} pages), wall",
               f"{seconds:.1f} s", "< 30 s", seconds < 30.0)


MEASURES: list[Callable[[], Row]] = [site_time]
