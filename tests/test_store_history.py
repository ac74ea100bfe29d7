"""Blame and paragraph history follow paragraphs as negotiators move them.

Chains of generated negotiation rounds (`tests.support.negotiate`: amendments, insertions,
deletions, moves, splits, merges, technical updates, renumbering), laid out as PDF extraction
gives them and read back, whose true mapping is known: the blame computed from comparisons must
equal the blame the truth gives; the history of a split or merged paragraph must go through the
split or merge. The last test runs the same through a real store.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from resdiff.history import blame, comparisons, paragraph_history
from resdiff.model import Draft
from resdiff.parse import parse_file
from resdiff.versions import Version
from tests.conftest import DRAFTS, SEED
from tests.support.cli import run
from tests.support.negotiate import TrueLink, lay_out, readable_labels, revise
from tests.test_store import add, make_store

pytestmark = pytest.mark.usefixtures("git_identity")

ROUNDS = 4


def chain(path: Path, start: int) -> tuple[list[Draft], list[tuple[TrueLink, ...]]]:
    drafts, links = [parse_file(path)], []
    for k in range(start, start + ROUNDS):
        revision = revise(drafts[-1], seed=k)
        _, read = lay_out(revision.new, seed=k)
        assert readable_labels(read, revision.new)
        drafts.append(read)
        links.append(revision.links)
    return drafts, links


def versions(drafts: list[Draft]) -> list[Version]:
    return [Version(commit=f"{i:040d}", series="s", language=drafts[0].language or "en",
                    stage="informal", round=i) for i in range(len(drafts))]


def true_blame(links: list[tuple[TrueLink, ...]], first: Draft) -> dict[str, tuple[int, int]]:
    origin = {p.label: (0, 0) for p in first.paragraphs}
    for i, step in enumerate(links, start=1):
        now = {}
        for link in step:
            before = [origin[label] for label in link.old]
            born = min((b[0] for b in before), default=i)
            for label in link.new:
                now[label] = before[0] if link.kind == "unchanged" else (born, i)
        origin = now
    return origin


@pytest.fixture(scope="module", params=[(SEED, 1), (DRAFTS / "A_80_L.9_en.txt", 1)],
                ids=["seed-fr", "L.9-en"])
def rounds(request: pytest.FixtureRequest):
    drafts, links = chain(*request.param)
    return drafts, links, comparisons(drafts)


def test_the_chain_holds_every_kind_of_edit(rounds) -> None:
    _, links, _ = rounds
    kinds = {link.kind for step in links for link in step}
    assert {"amended", "split", "merged", "deleted"} <= kinds
    assert any(link.moved for step in links for link in step)


def test_blame_equals_the_true_blame(rounds) -> None:
    drafts, links, steps = rounds
    vs = versions(drafts)
    got = {b.label: (vs.index(b.introduced), vs.index(b.changed))
           for b in blame(vs, drafts, steps)}
    assert got == true_blame(links, drafts[0])
    assert len(got) == len(drafts[-1].paragraphs)


def test_history_goes_through_splits_and_merges(rounds) -> None:
    drafts, links, steps = rounds
    vs = versions(drafts)
    checked = 0
    for i, step in enumerate(links, start=1):
        for link in step:
            if link.kind not in ("split", "merged"):
                continue
            history = paragraph_history(vs, drafts, i, link.new[0], steps)
            assert history[i].change is not None and history[i].change.kind == link.kind
            assert set(history[i - 1].labels) == set(link.old)
            assert set(history[i].labels) >= {link.new[0]}
            assert len(history) == len(vs)
            checked += 1
    assert checked >= 2


def test_history_of_a_paragraph_absent_before_it_was_added(rounds) -> None:
    drafts, links, steps = rounds
    vs = versions(drafts)
    for i, step in enumerate(links, start=1):
        added = [link for link in step if link.kind == "added"]
        if added:
            history = paragraph_history(vs, drafts, i, added[0].new[0], steps)
            assert all(s.labels == () for s in history[:i])
            assert history[i].change is not None and history[i].change.kind == "added"
            return
    pytest.skip("no paragraph added in this chain")


def test_blame_through_the_store_follows_renumbering(tmp_path: Path) -> None:
    drafts, links = chain(SEED, 1)
    store = make_store(tmp_path)
    for i, draft in enumerate(drafts):
        path = tmp_path / f"generated-round{i}.txt"
        path.write_text(lay_out(draft, seed=i)[0] if i else SEED.read_text("utf-8"))
        stage = "zero" if i == 0 else "informal"
        add(store, path, "--stage", stage, "--symbol", "", "--series", "traite")
    code, out, err = run("blame", "traite@latest", "--store", str(store), "--format", "json")
    assert code == 0, err
    want = true_blame(links, drafts[0])
    got = {b["label"]: (b["introduced"]["stage"], b["changed"]["stage"])
           for b in json.loads(out)}
    names = ["zero"] + [f"informal-{i}" for i in range(1, ROUNDS + 1)]
    assert got == {label: (names[a], names[c]) for label, (a, c) in want.items()}
