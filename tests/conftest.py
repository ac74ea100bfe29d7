"""Shared fixtures: the real drafts bundled in drafts/."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

# Speed is judged by `make bench`, never by a test: no example may fail for being slow on a
# busy machine.
settings.register_profile("resdiff", deadline=None)
settings.load_profile("resdiff")

ROOT = Path(__file__).resolve().parent.parent
DRAFTS = ROOT / "drafts"
SEED = DRAFTS / "A_C.3_77_L.6_fr.txt"
CORPUS = sorted(DRAFTS.glob("*_en.txt"))


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text("utf-8")


@pytest.fixture(scope="session")
def seed():
    from resdiff.parse import parse_file

    return parse_file(SEED)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite the golden files under tests/cases/ from the current output "
        "(a person reviews the change with git diff before committing it)",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture
def git_identity(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A fixed git identity and no user or system git configuration, for tests that make real
    git repositories (the history store, the site)."""
    config = tmp_path / "gitconfig"
    config.write_text("[pull]\n\trebase = false\n[init]\n\tdefaultBranch = main\n")
    for who in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{who}_NAME", "Test Facilitator")
        monkeypatch.setenv(f"GIT_{who}_EMAIL", "facilitator@example.org")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(config))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.delenv("RESDIFF_STORE", raising=False)
