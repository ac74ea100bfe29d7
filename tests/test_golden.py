"""Golden tests: the whole structure of every bundled real draft, as `resdiff parse --format
json` prints it, and its readable view. A change to these files is reviewed by a person:
run `pytest tests/test_golden.py --update-golden`, then read `git diff tests/cases`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from resdiff.parse import parse_file
from resdiff.views import draft_json, draft_text

from .conftest import DRAFTS, ROOT

CASES = ROOT / "tests" / "cases"
INPUTS = sorted(DRAFTS.glob("*.txt"))


def _check(path: Path, actual: str, update: bool) -> None:
    if update or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, "utf-8")
        if not update:
            pytest.fail(f"{path} did not exist: written now, review it and commit it")
    assert actual == path.read_text("utf-8"), f"{path} differs (see --update-golden)"


@pytest.mark.parametrize("source", INPUTS, ids=[p.stem for p in INPUTS])
def test_structure_matches_golden(source: Path, update_golden: bool) -> None:
    draft = parse_file(source)
    # The warnings name the file by the path it was read from: keep the golden independent of
    # the folder the tests run in.
    data = draft_json(draft)
    data["warnings"] = [w.replace(str(source), source.name) for w in data["warnings"]]
    actual = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    _check(CASES / source.stem / "structure.json", actual, update_golden)


@pytest.mark.parametrize("source", INPUTS, ids=[p.stem for p in INPUTS])
def test_text_view_matches_golden(source: Path, update_golden: bool) -> None:
    _check(CASES / source.stem / "view.txt", draft_text(parse_file(source)), update_golden)
