"""`resdiff site`: the static site of a history store, on real git stores of the bundled drafts.

What is checked here without a browser: every page is written, every link is relative and
names a page of the site, nothing is fetched, document text is escaped, OUTDIR is replaced
whole or not at all, and the command speaks as the others do. `tests/browser/test_site.py`
opens the pages in Chromium.
"""

from __future__ import annotations

import os
import pty
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from resdiff.site import MARKER, SiteError, read_chains, render_site, write_site
from resdiff.store import Store
from tests.conftest import DRAFTS, SEED
from tests.support.cli import run

CUBA = ["A_RES_77_7_en", "A_RES_78_7_en", "A_RES_79_7_en", "A_80_L.6_en", "A_RES_80_4_en"]
CUBA_SERIES = "necessity-of-ending-the-economic-commercial-and-financial"

HOSTILE_TEXT = """<script>alert('title')</script> Trafficking in women and girls

The General Assembly,

Recalling its resolution <script>alert('pp1')</script> 77/194 of 15 December 2022,

Noting "quotes" & <b>bold</b> and </p></main> and {{ 7 * 7 }},

1. Urges <img src=x onerror=alert(1)> all States to act;

2. Decides to remain seized of the matter.
"""


pytestmark = pytest.mark.usefixtures("git_identity")


def make_store(folder: Path, files: list[Path | str], *options: list[str]) -> Path:
    """A store in `folder` holding `files` in order; options[i] are extra `add` options."""
    code, _, err = run("init", str(folder))
    assert code == 0, err
    for i, file in enumerate(files):
        extra = options[i] if i < len(options) else []
        code, _, err = run("add", str(file), "--store", str(folder), *extra)
        assert code == 0, err
    return folder


@pytest.fixture
def cuba(tmp_path: Path) -> Path:
    return make_store(tmp_path / "store", [DRAFTS / f"{n}.txt" for n in CUBA])


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """Three series: Cuba, with A/80/L.6 recorded before A/RES/79/7 (so that its base is not
    the previous version), Palestine, and a hostile draft."""
    hostile = tmp_path / "hostile.txt"
    hostile.write_text(HOSTILE_TEXT, "utf-8")
    files = [DRAFTS / f"{n}.txt" for n in ("A_RES_77_7_en", "A_RES_78_7_en", "A_80_L.6_en",
                                           "A_RES_79_7_en", "A_80_L.2_en", "A_RES_80_1_en")]
    return make_store(tmp_path / "store", [*files, hostile], *[[]] * 6,
                      ["--symbol", "A/C.3/80/L.99", "--series", "hostile"])


class Links(HTMLParser):
    """The addresses a page links to or loads, and its scripts."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.sources: list[str] = []
        self.tags: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for key, value in attrs:
            if key == "href" and tag == "a":
                self.hrefs.append(value or "")
            elif key in ("src", "href", "action", "data"):
                self.sources.append(value or "")


def check_links(pages: dict[str, str]) -> int:
    """Every link of every page is relative and names a page (and, with a #, an id on it);
    nothing but data: is loaded. Returns the number of links between pages."""
    ids = {name: set(re.findall(r'\bid="([^"]+)"', html)) for name, html in pages.items()}
    between = 0
    for name, html in pages.items():
        if not name.endswith(".html"):
            continue
        links = Links(html)
        assert all(s.startswith("data:") for s in links.sources), (name, links.sources)
        for href in links.hrefs:
            assert not re.match(r"^[a-z]+:|^/", href), (name, href)
            target, _, anchor = href.partition("#")
            if not target:
                assert anchor in ids[name], (name, href)
                continue
            resolved = os.path.normpath(os.path.join(os.path.dirname(name), target))
            assert resolved in pages, (name, href)
            assert not anchor or anchor in ids[resolved], (name, href)
            between += 1
    return between


def build(store: Path) -> dict[str, str]:
    return render_site(read_chains(Store(store)))


def test_pages_of_a_series(cuba: Path) -> None:
    pages = build(cuba)
    folder = CUBA_SERIES
    names = sorted(p for p in pages if p.startswith(folder + "/"))
    assert names == sorted([f"{folder}/index.html"] + [
        f"{folder}/en-{k:02d}-{stem}{suffix}.html"
        for k, stem in enumerate(["A_RES_77_7", "A_RES_78_7", "A_RES_79_7", "A_80_L.6",
                                  "A_RES_80_4"], 1)
        for suffix in ("", "-blame") + (("-previous",) if k > 1 else ())])
    # Each base is the previous version here: one comparison page per step, no more.
    assert not any(p.endswith("-base.html") for p in pages)
    assert pages[MARKER] == "resdiff-site 1\n"
    assert check_links(pages) > 50
    timeline = pages[f"{folder}/index.html"]
    for symbol in ("A/RES/77/7", "A/80/L.6", "A/RES/80/4"):
        assert symbol in timeline
    assert timeline.index("A/RES/77/7") < timeline.index("A/80/L.6") < timeline.index(
        "A/RES/80/4")
    assert "5 amended, 5 technical" in timeline


def test_comparison_pages_are_the_report_with_the_site_around(cuba: Path) -> None:
    from resdiff.compare import compare
    from resdiff.parse import parse_file
    from resdiff.render_html import render_html

    pages = build(cuba)
    page = pages[f"{CUBA_SERIES}/en-04-A_80_L.6-previous.html"]
    report = render_html(compare(parse_file(DRAFTS / "A_RES_79_7_en.txt"),
                                 parse_file(DRAFTS / "A_80_L.6_en.txt")))
    # The whole report is there, the site's links and style added around it.
    marks = re.findall(r'<(?:ins|del) class="(?:ins|del)">', page)
    assert marks == re.findall(r'<(?:ins|del) class="(?:ins|del)">', report)
    assert page.count("<script>") == 1
    assert 'href="../index.html"' in page and 'href="en-03-A_RES_79_7.html"' in page
    assert "which is also its base" in page


def test_base_page_when_the_base_is_not_the_previous_version(mixed: Path) -> None:
    pages = build(mixed)
    check_links(pages)
    folder = CUBA_SERIES
    # A/80/L.6 was recorded after A/RES/78/7, but its base is A/RES/79/7, recorded later.
    assert f"{folder}/en-03-A_80_L.6-base.html" in pages
    base = pages[f"{folder}/en-03-A_80_L.6-base.html"]
    assert "Changes against its base" in base and "A/RES/79/7" in base
    version = pages[f"{folder}/en-03-A_80_L.6.html"]
    assert 'href="en-04-A_RES_79_7.html"' in version
    assert "the previous session&#39;s adopted resolution" in version
    index = pages["index.html"]
    assert index.count('class="card"') == 3


def test_document_text_is_escaped(mixed: Path) -> None:
    pages = build(mixed)
    hostile = {name: html for name, html in pages.items() if name.startswith("hostile/")}
    assert hostile
    for name, html in {**hostile, "index.html": pages["index.html"]}.items():
        links = Links(html)
        assert not {"b", "img", "p"} & set(links.tags) or "<b>bold</b>" not in html, name
        assert "<script>alert" not in html and "<img src=x" not in html, name
        assert "<b>bold</b>" not in html, name
        assert "img" not in links.tags and "b" not in links.tags, name
    text = hostile["hostile/en-01-A_C.3_80_L.99.html"]
    assert "&lt;script&gt;alert(&#39;pp1&#39;)&lt;/script&gt;" in text
    assert "{{ 7 * 7 }}" in text
    assert "<script>" not in text  # the site's own pages need no script at all


def test_write_site_replaces_a_site_whole(cuba: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    write_site(out, {MARKER: "resdiff-site 1\n", "index.html": "one", "a/b.html": "two"})
    write_site(out, {MARKER: "resdiff-site 1\n", "index.html": "three"})
    assert sorted(p.name for p in out.rglob("*")) == [MARKER, "index.html"]
    assert (out / "index.html").read_text() == "three"
    # Nothing is left beside it.
    assert sorted(p.name for p in tmp_path.iterdir() if "site" in p.name) == ["site"]


def test_a_failed_build_leaves_the_old_site(tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "site"
    write_site(out, {MARKER: "resdiff-site 1\n", "index.html": "old"})

    real = Path.write_text

    def full_disk(self: Path, data: str, *args: object) -> int:
        if self.name == "z.html":
            raise OSError(28, "No space left on device")
        return real(self, data, *args)  # type: ignore[arg-type]

    with monkeypatch.context() as patch:
        patch.setattr(Path, "write_text", full_disk)
        with pytest.raises(SiteError, match="No space left on device.*nothing was changed"):
            write_site(out, {MARKER: "resdiff-site 1\n", "index.html": "new", "z.html": "x"})
    assert (out / "index.html").read_text() == "old"
    assert [p.name for p in tmp_path.iterdir() if "site" in p.name] == ["site"]


def test_refuses_a_folder_that_is_not_a_site(cuba: Path, tmp_path: Path) -> None:
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("keep me")
    code, stdout, stderr = run("site", str(out), "--store", str(cuba))
    assert code == 2 and stdout == ""
    assert stderr == (f"resdiff: {out} exists and is not a resdiff site (no .resdiff-site in "
                      "it): name a new or empty folder, so that nothing else is replaced\n")
    assert (out / "notes.txt").read_text() == "keep me"
    file = tmp_path / "file.html"
    file.write_text("x")
    code, _, stderr = run("site", str(file), "--store", str(cuba))
    assert code == 2 and stderr == (f"resdiff: {file} exists and is not a folder: name a new "
                                    "folder for the site\n")
    assert (tmp_path / "file.html").read_text() == "x"


def test_cli_writes_the_site(cuba: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    code, stdout, stderr = run("site", str(out), "--store", str(cuba))
    assert (code, stderr) == (0, "")
    assert stdout == (f"Wrote a site of 1 series and 5 versions to {out}: open "
                      f"{out.resolve() / 'index.html'}\n")
    assert (out / MARKER).is_file() and (out / CUBA_SERIES / "index.html").is_file()
    # Again: the site is replaced, an empty folder is taken.
    assert run("site", str(out), "--store", str(cuba))[0] == 0
    empty = tmp_path / "empty"
    empty.mkdir()
    assert run("site", str(empty), "--store", str(cuba))[0] == 0
    assert (empty / "index.html").is_file()


def test_cli_help_has_an_example() -> None:
    code, stdout, _ = run("site", "--help")
    assert code == 0 and "Example:" in stdout and "resdiff site" in stdout


def test_progress_bar_only_on_a_terminal(cuba: Path, tmp_path: Path) -> None:
    command = [sys.executable, "-m", "resdiff.cli", "site", str(tmp_path / "site"),
               "--store", str(cuba)]
    piped = subprocess.run(command, capture_output=True, text=True, check=True)
    assert piped.stderr == ""
    leader, follower = pty.openpty()
    done = subprocess.run(command, stdout=subprocess.PIPE, stderr=follower, text=True,
                          check=True)
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    assert b"Building the site" in shown and b"5/5" in shown
    assert done.stdout.startswith("Wrote a site of 1 series and 5 versions")


def test_an_empty_store_has_an_index(tmp_path: Path) -> None:
    store = make_store(tmp_path / "store", [])
    pages = build(store)
    assert sorted(pages) == [MARKER, "index.html"]
    assert "holds no version yet" in pages["index.html"]


def test_french_seed_pages_carry_its_language(tmp_path: Path) -> None:
    store = make_store(tmp_path / "store", [SEED])
    pages = build(store)
    text = next(v for k, v in pages.items() if k.endswith("-A_C.3_77_L.6.html"))
    assert '<main id="document" lang="fr" dir="ltr"' in text
    assert "Traite des femmes et des filles" in text and "PP1" in text and "FN34" in text
