"""The history store on real git repositories in temporary folders, with the bundled drafts.

No mocks: every store is a real git repository made by `resdiff init`, with a fixed identity;
git is also run directly, as users do (``git log -p``, ``git blame``, push and pull to a bare
remote, hand edits).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DRAFTS, SEED
from tests.support.cli import run

CUBA = ["A_RES_77_7_en.txt", "A_RES_78_7_en.txt", "A_RES_79_7_en.txt", "A_80_L.6_en.txt",
        "A_RES_80_4_en.txt"]
CUBA_SERIES = "necessity-of-ending-the-economic-commercial-and-financial"


pytestmark = pytest.mark.usefixtures("git_identity")


def git(store: Path, *args: str, check: bool = True) -> str:
    return subprocess.run(["git", "-C", str(store), *args], capture_output=True, text=True,
                          check=check).stdout


def make_store(tmp_path: Path, name: str = "store") -> Path:
    store = tmp_path / name
    code, out, err = run("init", str(store))
    assert (code, err) == (0, ""), err
    return store


def add(store: Path, file: Path | str, *options: str) -> str:
    code, out, err = run("add", str(file), "--store", str(store), *options)
    assert code == 0, err
    return out


def state(store: Path) -> tuple[str, str, str]:
    """What must not move when an add fails: the branch, the status, the files."""
    files = sorted(str(p.relative_to(store)) for p in store.rglob("*") if ".git" not in p.parts)
    return git(store, "rev-parse", "HEAD"), git(store, "status", "--porcelain"), "\n".join(files)


@pytest.fixture
def cuba(tmp_path: Path) -> Path:
    store = make_store(tmp_path)
    for name in CUBA:
        add(store, DRAFTS / name)
    return store


# -- init and finding the store ------------------------------------------------------------------

def test_init_makes_a_git_repository_with_a_readme(tmp_path: Path) -> None:
    store = make_store(tmp_path)
    assert "series/<series>/<lang>.txt" in (store / "README.md").read_text()
    assert git(store, "status", "--porcelain") == ""
    assert len(git(store, "log", "--oneline").splitlines()) == 1
    code, _, err = run("init", str(store))
    assert code == 2 and "already a resdiff store" in err


def test_without_a_store_the_message_says_how_to_make_one(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run("log")
    assert code == 2 and out == ""
    assert err.startswith("resdiff: no resdiff store here: make one with `resdiff init DIR`")
    git(tmp_path, "init", "-q")
    code, _, err = run("log", "--store", str(tmp_path))
    assert code == 2 and "is not a resdiff store" in err


def test_store_from_option_environment_or_enclosing_folder(cuba: Path, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch
                                                           ) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert "A/RES/77/7" in run("log", "--store", str(cuba))[1]
    monkeypatch.setenv("RESDIFF_STORE", str(cuba))
    assert "A/RES/77/7" in run("log")[1]
    monkeypatch.delenv("RESDIFF_STORE")
    monkeypatch.chdir(cuba / "series")
    assert "A/RES/77/7" in run("log")[1]


# -- a real family -----------------------------------------------------------------------------

def test_cuba_family_log(cuba: Path) -> None:
    code, out, err = run("log", "--store", str(cuba))
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].startswith(f"{CUBA_SERIES}: Necessity of ending")
    rows = [line.split() for line in lines[1:]]
    assert [(r[1], r[2], r[3], r[4]) for r in rows] == [
        ("2022-11-08", "adopted", "A/RES/77/7", "en"),
        ("2023-11-03", "adopted", "A/RES/78/7", "en"),
        ("2024-11-01", "adopted", "A/RES/79/7", "en"),
        ("2025-10-07", "L", "A/80/L.6", "en"),
        ("2025-10-31", "adopted", "A/RES/80/4", "en")]
    assert all(" ".join(r[5:9]) == "8 PP 5 OP" for r in rows)
    assert lines[1].endswith("first version")
    assert lines[4].endswith("5 amended, 5 technical")
    assert lines[5].endswith("no change")


def test_each_series_and_language_is_one_file_whose_versions_are_commits(cuba: Path) -> None:
    path = f"series/{CUBA_SERIES}/en.txt"
    assert len(git(cuba, "log", "--format=%H", "--", path).split()) == 5
    patch = git(cuba, "log", "-p", "-1", "--format=", "--", path)
    assert "-symbol: A/80/L.6" in patch and "+symbol: A/RES/80/4" in patch
    blame = git(cuba, "blame", "--", path)
    assert "Reiterates its call upon all States" in blame
    originals = git(cuba, "ls-files", "originals").split()
    assert len(originals) == 5 and all(o.startswith(f"originals/{CUBA_SERIES}/en/") for o in originals)
    kept = [o for o in originals if "A_80_L.6-" in o]
    assert (cuba / kept[0]).read_bytes() == (DRAFTS / "A_80_L.6_en.txt").read_bytes()


def test_adding_the_same_text_again_is_refused(cuba: Path) -> None:
    before = state(cuba)
    code, out, err = run("add", str(DRAFTS / "A_80_L.6_en.txt"), "--store", str(cuba))
    assert code == 2 and out == ""
    assert err.startswith("resdiff: this text is already stored: it equals version A/80/L.6 (en, L")
    assert state(cuba) == before


def test_versions_by_symbol_series_stage_and_git_revision(cuba: Path) -> None:
    def name(version: str) -> str:
        code, out, err = run("show", version, "--store", str(cuba), "--format", "json")
        assert code == 0, err
        return json.loads(out)["version"]["symbol"]

    assert name("A/RES/79/7") == "A/RES/79/7"
    assert name("a/res/79/7") == "A/RES/79/7"
    assert name("necessity-of-ending@L") == "A/80/L.6"
    assert name("necessity-of-ending@adopted") == "A/RES/80/4"
    assert name("necessity-of-ending") == "A/RES/80/4"
    assert name("HEAD~1") == "A/80/L.6"
    assert name("HEAD~4") == "A/RES/77/7"
    code, _, err = run("show", "HEAD~5", "--store", str(cuba))
    assert code == 2 and "records no version" in err
    code, _, err = run("show", "A/RES/81/7", "--store", str(cuba))
    assert code == 2 and "no version 'A/RES/81/7'" in err


def test_show_text_and_json(cuba: Path) -> None:
    code, out, err = run("show", "A/80/L.6", "--store", str(cuba))
    assert code == 0 and "stage L" in out and "OP2" in out
    data = json.loads(run("show", "A/80/L.6", "--store", str(cuba), "--format", "json")[1])
    assert data["version"]["stage"] == "L" and data["draft"]["counts"]["operative"] == 5


def test_one_version_diff_uses_the_rules_base(cuba: Path) -> None:
    code, out, err = run("diff", "A/80/L.6", "--store", str(cuba))
    assert code == 0, err
    assert out.startswith("resdiff A/RES/79/7 [en] → A/80/L.6 [en]")
    out = run("diff", "A/RES/80/4", "--store", str(cuba))[1]
    assert out.startswith("resdiff A/80/L.6 [en] → A/RES/80/4 [en]")
    out = run("diff", "A/RES/79/7", "--store", str(cuba))[1]
    assert out.startswith("resdiff A/RES/78/7 [en] → A/RES/79/7 [en]")
    code, _, err = run("diff", "A/RES/77/7", "--store", str(cuba))
    assert code == 2 and "holds no version to compare it with" in err


def test_diff_mixes_files_and_versions(cuba: Path) -> None:
    code, out, err = run("diff", "A/RES/79/7", str(DRAFTS / "A_80_L.6_en.txt"), "--store",
                         str(cuba), "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert (data["old"]["symbol"], data["new"]["symbol"]) == ("A/RES/79/7", "A/80/L.6")
    assert data["summary"]["technical"] == 5
    code, out, _ = run("diff", str(DRAFTS / "A_80_L.6_en.txt"), "--store", str(cuba))
    assert code == 0 and out.startswith("resdiff A/RES/79/7 [en] → A/80/L.6 [en]")


def test_diff_of_two_files_does_not_import_git() -> None:
    code = ("import sys; from click.testing import CliRunner; from resdiff.cli import main; "
            f"r = CliRunner().invoke(main, ['diff', {str(DRAFTS / 'A_80_L.2_en.txt')!r}, "
            f"{str(DRAFTS / 'A_RES_80_1_en.txt')!r}]); assert r.exit_code == 0, r.output; "
            "print('git' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "False"


def test_blame_and_history_of_the_cuba_family(cuba: Path) -> None:
    data = json.loads(run("blame", "A/RES/80/4", "--store", str(cuba), "--format", "json")[1])
    assert [b["label"] for b in data][:3] == ["PP1", "PP2", "PP3"]
    assert {b["introduced"]["symbol"] for b in data} == {"A/RES/77/7"}
    op1 = next(b for b in data if b["label"] == "OP1")
    assert op1["changed"]["symbol"] == "A/80/L.6" and op1["technical"]
    op2 = next(b for b in data if b["label"] == "OP2")
    assert op2["changed"]["symbol"] == "A/RES/77/7"
    steps = json.loads(run("history", "A/RES/80/4", "OP1", "--store", str(cuba), "--format",
                           "json")[1])
    assert [s["version"]["symbol"] for s in steps] == [
        "A/RES/77/7", "A/RES/78/7", "A/RES/79/7", "A/80/L.6", "A/RES/80/4"]
    assert [s["change"] and s["change"]["kind"] for s in steps] == [
        None, "amended", "amended", "amended", None]
    assert "resolution 79/7" in steps[-1]["text"]
    text = run("history", "A/RES/79/7", "OP1", "--store", str(cuba))[1]
    assert "[-78/7-]{+79/7+}" in text
    code, _, err = run("history", "A/RES/80/4", "OP9", "--store", str(cuba))
    assert code == 2 and "has no paragraph 'OP9'" in err


def test_palestine_draft_and_its_adoption_from_a_revision(tmp_path: Path) -> None:
    store = make_store(tmp_path)
    add(store, DRAFTS / "A_80_L.2_en.txt", "--date", "2025-09-15", "-m", "tabled")
    add(store, DRAFTS / "A_RES_80_1_en.txt")
    out = run("log", "--store", str(store))[1]
    assert out.count("participation-by-the-state-of-palestine") == 1
    # Adopted from A/80/L.2/Rev.1, which the store lacks: compared with its last draft, L.2.
    code, out, err = run("diff", "A/RES/80/1", "--store", str(store))
    assert code == 0 and out.startswith("resdiff A/80/L.2 [en] → A/RES/80/1 [en]")
    data = json.loads(run("blame", "A/RES/80/1", "--store", str(store), "--format", "json")[1])
    changed = {b["label"] for b in data if b["changed"]["symbol"] == "A/RES/80/1"}
    introduced = {b["label"] for b in data if b["introduced"]["symbol"] == "A/RES/80/1"}
    assert changed and introduced <= changed
    assert "tabled" in git(store, "log", "-1", "--skip=1", "--format=%B")


# -- stages, rounds and languages ----------------------------------------------------------------

ENGLISH_L6 = """\
United Nations
A/C.3/77/L.6

General Assembly
Distr.: Limited
4 October 2022
Original: English

Seventy-seventh session
Third Committee
Agenda item 66
Advancement of women

Trafficking in women and girls

The General Assembly,

Strongly condemning once again trafficking in persons, especially women and girls,

Recalling all international conventions relevant to trafficking in persons,

1. Takes note with appreciation of the report of the Secretary-General;

2. Urges Governments to take appropriate measures to address the root causes of trafficking in women and girls;

3. Requests the Secretary-General to submit to the General Assembly at its seventy-ninth session a report on the implementation of the present resolution.
"""


def test_languages_of_one_symbol_are_linked(tmp_path: Path) -> None:
    store = make_store(tmp_path)
    add(store, SEED)
    english = tmp_path / "A_C.3_77_L.6_en.txt"
    english.write_text(ENGLISH_L6)
    out = add(store, english)
    assert "to series traite-des-femmes-et-des-filles" in out
    lines = run("log", "--store", str(store))[1].splitlines()
    assert [line.split()[3:5] for line in lines[1:]] == [["A/C.3/77/L.6", "fr"],
                                                         ["A/C.3/77/L.6", "en"]]
    code, _, err = run("show", "A/C.3/77/L.6", "--store", str(store))
    assert code == 2 and "A/C.3/77/L.6:fr" in err
    data = json.loads(run("show", "A/C.3/77/L.6:en", "--store", str(store), "--format",
                          "json")[1])
    assert data["version"]["language"] == "en" and data["draft"]["counts"]["operative"] == 3
    assert (store / "series/traite-des-femmes-et-des-filles/en.txt").exists()


def test_stages_and_informal_rounds(tmp_path: Path) -> None:
    from tests.support.negotiate import lay_out, revise

    store = make_store(tmp_path)
    add(store, SEED, "--stage", "zero", "--symbol", "", "--date", "2022-09-01")
    previous = None
    from resdiff.parse import parse_file

    draft = parse_file(SEED)
    for k in (1, 2):
        draft = revise(draft, seed=k).new
        text, _ = lay_out(draft, seed=k)
        path = tmp_path / f"A_C.3_77_L.6_fr.generated-round{k}.txt"
        path.write_text(text)
        out = add(store, path, "--stage", "informal", "--series", "traite-des-femmes",
                  "--symbol", "")
        assert f"traite-des-femmes-et-des-filles@informal-{k}" in out
        previous = path
    assert previous is not None
    add(store, SEED)  # the L-document, stage from its symbol
    rows = [line.split() for line in run("log", "--store", str(store))[1].splitlines()[1:]]
    assert [r[2] for r in rows] == ["zero", "informal-1", "informal-2", "L"]
    out = run("diff", "traite-des-femmes@informal-2", "--store", str(store))[1]
    assert out.splitlines()[0].startswith("resdiff (no symbol) [fr] → (no symbol) [fr]")
    data = json.loads(run("show", "traite-des-femmes@informal-1", "--store", str(store),
                          "--format", "json")[1])
    assert data["version"]["stage"] == "informal-1"
    code, _, err = run("add", str(SEED), "--store", str(store), "--stage", "draft")
    assert code == 2 and "unknown stage 'draft'" in err
    code, _, err = run("add", str(SEED), "--store", str(store), "--date", "1 May 2022")
    assert code == 2 and "expected YYYY-MM-DD" in err


# -- safety ------------------------------------------------------------------------------------

def test_a_failed_add_leaves_the_store_as_it_was(cuba: Path, tmp_path: Path) -> None:
    before = state(cuba)
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    for args in ([str(empty)], [str(tmp_path / "missing.txt")],
                 [str(DRAFTS / "A_RES_80_6_en.txt"), "--stage", "bogus"],
                 [str(DRAFTS / "A_RES_80_6_en.txt"), "--symbol", "A/RES/80/6\nResdiff-Stage: L"]):
        code, out, err = run("add", *args, "--store", str(cuba))
        assert code == 2 and err.startswith("resdiff: ") and err.count("\n") == 1, err
        assert state(cuba) == before
    lock = cuba / ".git" / "index.lock"
    lock.write_text("")
    code, _, err = run("add", str(DRAFTS / "A_RES_80_6_en.txt"), "--store", str(cuba))
    lock.unlink()
    assert code == 2 and "index.lock" in err
    assert state(cuba) == before


def test_two_adds_at_the_same_moment(tmp_path: Path) -> None:
    store = make_store(tmp_path)
    script = Path(sys.executable).parent / "resdiff"
    command = [str(script)] if script.exists() else [sys.executable, "-m", "resdiff.cli"]
    files = ["A_RES_79_6_en.txt", "A_RES_80_7_en.txt", "A_80_L.9_en.txt", "A_80_L.7_en.txt"]
    procs = [subprocess.Popen([*command, "add", str(DRAFTS / f), "--store", str(store)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for f in files]
    results = [(p.wait(), p.stdout.read(), p.stderr.read()) for p in procs]  # type: ignore[union-attr]
    for code, out, err in results:
        assert (code == 0 and out.startswith("Added")) or (
            code == 2 and err.startswith("resdiff: ") and err.count("\n") == 1), (code, out, err)
    added = sum(code == 0 for code, _, _ in results)
    assert added == len(files)  # serialised by the store's lock: all succeed
    assert len(git(store, "log", "--format=%H").split()) == 1 + added
    assert git(store, "status", "--porcelain") == ""
    git(store, "fsck", "--strict")


def test_push_and_pull_through_a_bare_remote(tmp_path: Path) -> None:
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", str(remote)], check=True)
    mine = make_store(tmp_path, "mine")
    add(mine, DRAFTS / "A_RES_79_7_en.txt")
    git(mine, "remote", "add", "origin", str(remote))
    git(mine, "push", "-q", "-u", "origin", "main")
    theirs = tmp_path / "theirs"
    subprocess.run(["git", "clone", "-q", str(remote), str(theirs)], check=True)
    # Both add at once on their clones, to two series and to the same one.
    add(theirs, DRAFTS / "A_RES_79_6_en.txt")
    add(mine, DRAFTS / "A_80_L.6_en.txt")
    git(theirs, "push", "-q")
    assert git(mine, "push", "-q", check=False) == ""  # rejected: not a fast-forward
    git(mine, "pull", "-q", "--no-edit")
    git(mine, "push", "-q")
    git(theirs, "pull", "-q")
    for store in (mine, theirs):
        out = run("log", "--store", str(store))
        assert out[0] == 0 and out[2] == ""
        assert all(s in out[1] for s in ("A/RES/79/7", "A/80/L.6", "A/RES/79/6"))
        assert run("diff", "A/80/L.6", "--store", str(store))[0] == 0
    add(theirs, DRAFTS / "A_RES_80_4_en.txt")
    assert "no change" in run("log", CUBA_SERIES, "--store", str(theirs))[1].splitlines()[-1]


@pytest.mark.parametrize("series", ["../../etc", "--upload-pack=x", "/tmp/x", "..", "-"])
def test_hostile_series_names_stay_inside_the_store(tmp_path: Path, series: str) -> None:
    store = make_store(tmp_path)
    outside = sorted(p.name for p in tmp_path.iterdir())
    code, out, err = run("add", str(DRAFTS / "A_RES_79_7_en.txt"), "--store", str(store),
                         f"--series={series}")
    if code == 2:
        assert "gives no series name" in err
        return
    assert sorted(p.name for p in tmp_path.iterdir()) == outside
    for path in git(store, "ls-files").split():
        assert ".." not in path.split("/") and not path.startswith("-")
        assert (store / path).resolve().is_relative_to(store.resolve())


@pytest.mark.parametrize("symbol", ["../../etc/passwd", "--upload-pack=x", "A/RES/79/7/../../..",
                                    "-n"])
def test_hostile_symbols_are_data_never_paths_or_options(tmp_path: Path, symbol: str) -> None:
    store = make_store(tmp_path)
    outside = sorted(p.name for p in tmp_path.iterdir())
    add(store, DRAFTS / "A_RES_79_7_en.txt", f"--symbol={symbol}", "--stage", "adopted")
    assert sorted(p.name for p in tmp_path.iterdir()) == outside
    for path in git(store, "ls-files").split():
        name = path.rsplit("/", 1)[-1]
        assert not name.startswith(("-", ".")) or name in (".resdiff-store",)
        assert (store / path).resolve().is_relative_to(store.resolve())
    code, out, err = run("show", "--store", str(store), "--format", "json", "--", symbol)
    if code == 0:
        assert json.loads(out)["version"]["symbol"] == symbol
    else:
        assert err.startswith("resdiff: ") and err.count("\n") == 1
    assert git(store, "status", "--porcelain") == ""


def test_a_hand_edited_store_is_read_with_warnings_or_refused(cuba: Path) -> None:
    path = cuba / "series" / CUBA_SERIES / "en.txt"
    # Uncommitted hand edit: add refuses, the edit stays.
    path.write_text("scribbled\n")
    code, _, err = run("add", str(DRAFTS / "A_RES_79_6_en.txt"), "--store", str(cuba))
    assert code == 0, err  # another series: untouched by the edit
    code, _, err = run("add", str(DRAFTS / "A_80_L.9_en.txt"), "--store", str(cuba),
                       "--series", CUBA_SERIES, "--symbol", "A/80/L.99")
    assert code == 2 and "has changes not committed" in err
    assert path.read_text() == "scribbled\n"
    # Committed with plain git: read through, named in a warning.
    git(cuba, "commit", "-q", "-am", "scribble")
    code, out, err = run("log", CUBA_SERIES, "--store", str(cuba))
    assert code == 0 and "A/RES/80/4" in out
    assert "changed series/" in err and "with plain git" in err
    assert run("show", "A/RES/80/4", "--store", str(cuba))[0] == 0
    # A commit that claims to be a version but is not in canonical form: refused clearly.
    path.write_text("scribbled again\n")
    git(cuba, "commit", "-q", "-am",
        f"fake\n\nResdiff-Version: 1\nResdiff-Series: {CUBA_SERIES}\nResdiff-Language: en\n"
        "Resdiff-Stage: oral\nResdiff-Symbol: A/80/L.6/Oral")
    code, _, err = run("show", "A/80/L.6/Oral", "--store", str(cuba))
    assert code == 2 and "not in resdiff's canonical form" in err and "edited by hand" in err
    # Broken trailers: left out with a warning.
    git(cuba, "commit", "-q", "--allow-empty", "-m",
        "odd\n\nResdiff-Version: 1\nResdiff-Series: ../x\nResdiff-Language: en\n"
        "Resdiff-Stage: bogus")
    code, out, err = run("log", "--store", str(cuba))
    assert code == 0 and "broken resdiff trailers" in err
    # Adding goes on from there, and the history is only extended.
    head = git(cuba, "rev-parse", "HEAD").strip()
    add(cuba, DRAFTS / "A_80_L.9_en.txt")
    subprocess.run(["git", "-C", str(cuba), "merge-base", "--is-ancestor", head, "HEAD"],
                   check=True)


def test_a_failed_init_leaves_nothing_behind(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    for who in ("AUTHOR", "COMMITTER"):
        monkeypatch.delenv(f"GIT_{who}_NAME")
        monkeypatch.delenv(f"GIT_{who}_EMAIL")
    config = tmp_path / "gitconfig"
    config.write_text(config.read_text() + "[user]\n\tuseConfigOnly = true\n")
    code, out, err = run("init", str(tmp_path / "store"))
    assert code == 2 and "tell git who you are" in err and err.count("\n") == 1
    assert not (tmp_path / "store").exists()


def test_init_never_overwrites(tmp_path: Path) -> None:
    """A file, or a folder with something in it, is refused in one line; nothing is touched."""
    mine = tmp_path / "notes"
    mine.mkdir()
    (mine / "README.md").write_text("my own notes")
    code, out, err = run("init", str(mine))
    assert code == 2 and out == "" and err.count("\n") == 1
    assert "is not empty" in err and str(mine) in err
    assert (mine / "README.md").read_text() == "my own notes"
    assert sorted(p.name for p in mine.iterdir()) == ["README.md"]
    afile = tmp_path / "draft.txt"
    afile.write_text("text")
    code, _, err = run("init", str(afile))
    assert code == 2 and "is a file" in err and afile.read_text() == "text"
