"""`resdiff diff` as a user runs it, on real pairs of the bundled drafts."""

from __future__ import annotations

import json
from pathlib import Path

from tests.support.cli import run

from .conftest import DRAFTS, SEED

L2, RES1 = str(DRAFTS / "A_80_L.2_en.txt"), str(DRAFTS / "A_RES_80_1_en.txt")
CUBA_79, CUBA_L6 = str(DRAFTS / "A_RES_79_7_en.txt"), str(DRAFTS / "A_80_L.6_en.txt")


def test_piped_text_marks_words_with_brackets() -> None:
    code, out, err = run("diff", L2, RES1)
    assert code == 0 and err == ""
    assert out.splitlines()[0] == "resdiff A/80/L.2 [en] → A/RES/80/1 [en]"
    assert out.splitlines()[1].startswith(
        "summary: 3 unchanged, 4 amended, 1 added, 0 deleted, 0 moved, 0 split, 0 merged")
    assert "[-Deploring-]{+Regretting+}, in this regard" in out
    assert "opener: Deploring → Regretting" in out
    assert "\n  PP3 → PP4  unchanged\n" in out
    assert "\n+ PP3  added\n    Taking note of the meeting of the Committee" in out
    assert "\x1b[" not in out


def test_colour_when_asked() -> None:
    code, out, _ = run("diff", L2, RES1, "--color", "always")
    assert code == 0
    assert "\x1b[31;9mDeploring\x1b[0m\x1b[32;4mRegretting\x1b[0m" in out
    assert "[-" not in out


def test_only_changes_and_no_technical() -> None:
    _, out, _ = run("diff", CUBA_79, CUBA_L6, "--only-changes", "--no-technical")
    assert "technical updates (5): PP6, PP8, OP1, OP4, OP5" in out
    assert "unchanged" not in out.split("\n", 2)[2]
    _, full, _ = run("diff", CUBA_79, CUBA_L6, "--only-changes")
    assert "[-eightieth-]{+eighty-first+} session" in full
    assert "~ OP5  amended, technical" in full


def test_exit_code() -> None:
    assert run("diff", L2, RES1, "--exit-code")[0] == 1
    assert run("diff", L2, L2, "--exit-code")[0] == 0
    assert run("diff", L2, RES1)[0] == 0


def test_json_to_a_file(tmp_path: Path) -> None:
    target = tmp_path / "changes.json"
    code, out, _ = run("diff", L2, RES1, "--format", "json", "-o", str(target))
    assert code == 0 and out == ""
    data = json.loads(target.read_text("utf-8"))
    assert data["old"]["symbol"] == "A/80/L.2" and data["new"]["symbol"] == "A/RES/80/1"
    assert data["summary"]["added"] == 1 and data["summary"]["amended"] == 4
    kinds = {tuple(c["new"]): c["kind"] for c in data["changes"]}
    assert kinds[("PP3",)] == "added" and kinds[("PP4",)] == "unchanged"
    assert not list(tmp_path.glob(".resdiff-*"))


def test_two_languages_refused_unless_forced(tmp_path: Path) -> None:
    code, out, err = run("diff", str(SEED), L2)
    assert code == 2 and out == ""
    assert "'fr'" in err and "'en'" in err and "--force" in err and err.count("\n") == 1
    assert run("diff", str(SEED), L2, "--force")[0] == 0


def test_bad_input_names_the_file(tmp_path: Path) -> None:
    code, out, err = run("diff", L2, str(tmp_path / "missing.txt"))
    assert code == 2 and out == ""
    assert err == f"resdiff: {tmp_path / 'missing.txt'}: no such file\n"


def test_unwritable_output(tmp_path: Path) -> None:
    code, _, err = run("diff", L2, RES1, "-o", str(tmp_path / "no" / "such" / "dir.json"))
    assert code == 2 and "cannot be written" in err and "Traceback" not in err


def test_output_onto_a_folder_leaves_nothing_behind(tmp_path: Path) -> None:
    code, out, err = run("diff", L2, RES1, "-o", str(tmp_path))
    assert code == 2 and out == "" and err == f"resdiff: {tmp_path}: cannot be written (Is a directory)\n"
    assert list(tmp_path.iterdir()) == []


def test_html_report_opens_on_the_changes_with_only_changes(tmp_path: Path) -> None:
    plain, focused = tmp_path / "all.html", tmp_path / "changes.html"
    assert run("diff", L2, RES1, "--format", "html", "-o", str(plain))[0] == 0
    assert run("diff", L2, RES1, "--format", "html", "--only-changes", "-o", str(focused))[0] == 0
    assert 'data-start="redline"' in plain.read_text("utf-8")
    assert 'data-start="changes-only"' in focused.read_text("utf-8")
