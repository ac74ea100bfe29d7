"""`make demo`: from the bundled drafts alone, a store, its site and a real redline; the generated
revision of the French seed is labelled as generated wherever it appears; git's identity is
named for the demo's own process only when none is configured."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from resdiff.compare import compare
from resdiff.demo import (
    FAMILIES,
    GENERATED_FILE,
    GENERATED_SYMBOL,
    generated_revision,
    pasted_text,
)
from resdiff.parse import parse_text
from tests.conftest import DRAFTS, ROOT


def test_pasted_text_reads_back_to_the_same_draft(seed) -> None:
    again = parse_text(pasted_text(seed))
    assert again.paragraphs == seed.paragraphs
    assert again.footnotes == seed.footnotes
    assert again.warnings == ()


def test_generated_revision_holds_the_edits_it_names(seed) -> None:
    revised = parse_text(pasted_text(generated_revision(seed)))
    assert revised.warnings == () and revised.footnotes == seed.footnotes
    s = compare(seed, revised).summary()
    assert (s["amended"], s["added"], s["deleted"], s["moved"]) == (2, 1, 1, 1)
    assert generated_revision(seed) == generated_revision(seed)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, Path]:
    """`python -m resdiff.demo drafts OUT` as `make demo` runs it, on a machine where git knows
    nobody: no user configuration, no identity in the environment."""
    home = tmp_path_factory.mktemp("home")
    out = tmp_path_factory.mktemp("repo") / "out"
    config = home / ".gitconfig"
    config.write_text("")
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(HOME=str(home), GIT_CONFIG_GLOBAL=str(config), GIT_CONFIG_NOSYSTEM="1",
               EMAIL="", XDG_CONFIG_HOME=str(home))
    # git may still guess an identity from the host name; refuse guesses, as a fresh machine
    # without a mail domain does.
    config.write_text("[user]\n\tuseConfigOnly = true\n")
    before = config.read_text()
    for _ in range(2):  # a second run starts afresh
        done = subprocess.run([sys.executable, "-m", "resdiff.demo", str(DRAFTS), str(out)],
                              capture_output=True, text=True, env=env, cwd=ROOT)
        assert done.returncode == 0, done.stderr
    assert config.read_text() == before
    return out, done.stdout, home


def test_demo_writes_store_site_and_redline(demo) -> None:
    out, stdout, _ = demo
    site, redline = out / "demo-site" / "index.html", out / "redline-A_80_L.2-A_RES_80_1.html"
    assert site.is_file() and redline.is_file()
    assert str(site.resolve()) in stdout and str(redline.resolve()) in stdout
    assert "<del class=\"del\">Deploring</del>" in redline.read_text("utf-8")
    log = subprocess.run(["git", "-C", str(out / "demo-store"), "log", "--format=%s%n%an"],
                         capture_output=True, text=True, check=True).stdout.splitlines()
    stored = sum(len(stems) for _, stems in FAMILIES) + 2
    assert len([line for line in log if line.startswith("Add ")]) == stored
    assert "resdiff demo" in log
    # The identity was the process's own: the store's configuration names nobody.
    local = (out / "demo-store" / ".git" / "config").read_text()
    assert "[user]" not in local


def test_demo_store_holds_each_family_in_order(demo) -> None:
    out, stdout, _ = demo
    added = [line.split()[1] for line in stdout.splitlines() if line.startswith("   added ")]
    assert added[:2] == ["A/80/L.2", "A/RES/80/1"]
    assert added[2:7] == ["A/RES/77/7", "A/RES/78/7", "A/RES/79/7", "A/80/L.6", "A/RES/80/4"]
    assert added[-2:] == ["A/C.3/77/L.6", "A/C.3/77/L.6"]


def test_generated_revision_is_labelled_everywhere(demo) -> None:
    out, stdout, _ = demo
    generated = out / GENERATED_FILE
    assert generated.is_file() and "generated" in generated.name
    assert GENERATED_SYMBOL in stdout
    folder = out / "demo-site" / "traite-des-femmes-et-des-filles"
    pages = sorted(p.name for p in folder.glob("fr-02-*"))
    assert pages and all("generated" in name for name in pages)
    for page in pages:
        text = (folder / page).read_text("utf-8")
        assert "A/C.3/77/L.6 generated-rev1 (not a UN document)" in text
    report = (folder / next(p for p in pages if p.endswith("-previous.html"))).read_text("utf-8")
    # The report's header names the new version by that symbol.
    assert '<td class="symbol" dir="ltr">A/C.3/77/L.6 generated-rev1 (not a UN document)</td>' \
        in report


def test_demo_refuses_to_remove_a_folder_it_did_not_make(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "demo-store").mkdir(parents=True)
    (out / "demo-store" / "mine.txt").write_text("keep")
    done = subprocess.run([sys.executable, "-m", "resdiff.demo", str(DRAFTS), str(out)],
                          capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 2
    assert "is not a resdiff store: the demo leaves it alone" in done.stderr
    assert (out / "demo-store" / "mine.txt").read_text() == "keep"
