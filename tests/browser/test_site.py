"""The site of a store in a real headless Chromium, opened from disk (file:// addresses): every
page opens without a console error, dialog or request beyond its own file; every link names a
page that exists and following one lands there; hostile text stays text; screenshots at desktop
and phone widths go to test-artifacts/site/ for a person to look at.

The store: the Cuba family (A/80/L.6 recorded before A/RES/79/7, so that its base page exists),
the Palestine pair, the French seed with a generated revision (labelled as generated in its
file name and symbol), and a draft full of markup.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from resdiff.cli import main
from resdiff.demo import GENERATED_FILE, GENERATED_SYMBOL, generated_revision, pasted_text
from resdiff.parse import parse_file
from tests.browser.conftest import ARGS, DESKTOP, PHONE, ROOT  # noqa: F401
from tests.conftest import DRAFTS, SEED
from tests.test_site import CUBA_SERIES, HOSTILE_TEXT

ARTIFACTS = ROOT / "test-artifacts" / "site"


def _run(*args: str) -> None:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    work = tmp_path_factory.mktemp("site")
    with pytest.MonkeyPatch.context() as env:
        for who in ("AUTHOR", "COMMITTER"):
            env.setenv(f"GIT_{who}_NAME", "Test Facilitator")
            env.setenv(f"GIT_{who}_EMAIL", "facilitator@example.org")
        env.setenv("GIT_CONFIG_NOSYSTEM", "1")
        env.delenv("RESDIFF_STORE", raising=False)
        store = work / "store"
        _run("init", str(store))
        for name in ("A_RES_77_7_en", "A_RES_78_7_en", "A_80_L.6_en", "A_RES_79_7_en",
                     "A_RES_80_4_en", "A_80_L.2_en", "A_RES_80_1_en", "A_C.3_77_L.6_fr"):
            _run("add", str(DRAFTS / f"{name}.txt"), "--store", str(store))
        generated = work / GENERATED_FILE
        generated.write_text(pasted_text(generated_revision(parse_file(SEED))), "utf-8")
        _run("add", str(generated), "--store", str(store), "--symbol", GENERATED_SYMBOL,
             "--stage", "L-rev", "--series", "traite-des-femmes")
        hostile = work / "hostile.txt"
        hostile.write_text(HOSTILE_TEXT, "utf-8")
        _run("add", str(hostile), "--store", str(store), "--symbol", "A/C.3/80/L.99",
             "--series", "hostile")
        shutil.rmtree(ARTIFACTS, ignore_errors=True)
        ARTIFACTS.parent.mkdir(parents=True, exist_ok=True)
        _run("site", str(ARTIFACTS), "--store", str(store))
    yield ARTIFACTS


def _open(browser, url: str, viewport: dict = DESKTOP):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    seen: dict[str, list[str]] = {"errors": [], "requests": [], "dialogs": []}
    page.on("console", lambda m: seen["errors"].append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    page.on("request", lambda r: seen["requests"].append(r.url))
    page.on("dialog", lambda d: (seen["dialogs"].append(d.message), d.dismiss()))
    page.goto(url)
    page.wait_for_load_state("load")
    return context, page, seen


LINKS = "() => Array.from(document.querySelectorAll('a[href]')).map(a => [a.getAttribute('href'), a.href])"


def test_every_page_opens_cleanly_and_every_link_lands(browser, site: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 30
    context = None
    try:
        for path in pages:
            if context:
                context.close()
            context, page, seen = _open(browser, path.as_uri())
            assert seen == {"errors": [], "requests": [path.as_uri()], "dialogs": []}, path
            for raw, absolute in page.evaluate(LINKS):
                assert not raw.startswith(("/", "http:", "https:", "file:")), (path, raw)
                target = absolute.split("#")[0]
                assert target.startswith("file://"), (path, raw)
                assert Path(target.removeprefix("file://")).is_file(), (path, raw)
    finally:
        if context:
            context.close()


def test_following_links_from_the_index_to_a_comparison_and_back(browser, site: Path) -> None:
    context, page, seen = _open(browser, (site / "index.html").as_uri())
    try:
        page.click(f"a[href='{CUBA_SERIES}/index.html']")
        assert page.url.endswith(f"{CUBA_SERIES}/index.html")
        page.click("a[href='en-03-A_80_L.6-base.html']")
        assert "Changes against its base" in page.inner_text(".compared")
        # The report's own script works inside the site: its views switch.
        page.click("button[data-view=side-by-side]")
        assert page.get_attribute("body", "data-view") == "side-by-side"
        page.click(".compared a[href='en-03-A_80_L.6-blame.html']")
        assert page.locator(".para.blame").count() == 13
        page.click("a[href='../index.html']")
        assert page.url.endswith("/site/index.html")
        assert seen["errors"] == [] and seen["dialogs"] == []
    finally:
        context.close()


def test_hostile_text_is_shown_as_text(browser, site: Path) -> None:
    path = next((site / "hostile").glob("en-01-*.html"))
    context, page, seen = _open(browser, path.as_uri())
    try:
        assert seen["dialogs"] == [] and page.locator("img, b, main script").count() == 0
        text = page.inner_text("#document")
        assert "<script>alert('pp1')</script>" in text and "<b>bold</b>" in text
        assert "<img src=x onerror=alert(1)>" in text
        page.screenshot(path=str(ARTIFACTS.parent / "site-hostile-phone.png"))
    finally:
        context.close()


SHOTS = {
    "index": "index.html",
    "timeline": f"{CUBA_SERIES}/index.html",
    "version": f"{CUBA_SERIES}/en-03-A_80_L.6.html",
    "comparison": f"{CUBA_SERIES}/en-03-A_80_L.6-base.html",
    "blame": f"{CUBA_SERIES}/en-05-A_RES_80_4-blame.html",
    "generated": "traite-des-femmes-et-des-filles/fr-02-"
                 "A_C.3_77_L.6_generated_rev1_not_a_UN_document-previous.html",
}


@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_screenshots_fit_the_width(browser, site: Path, width: str) -> None:
    viewport = DESKTOP if width == "desktop" else PHONE
    shots = ARTIFACTS.parent / "site-screenshots"
    shots.mkdir(exist_ok=True)
    for name, page_path in SHOTS.items():
        context, page, seen = _open(browser, (site / page_path).as_uri(), viewport)
        try:
            assert seen["errors"] == []
            # Nothing wider than the screen: no sideways scrolling on a phone.
            assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
            page.screenshot(path=str(shots / f"{name}-{width}.png"))
        finally:
            context.close()
    generated = (site / SHOTS["generated"]).read_text("utf-8")
    assert "generated-rev1 (not a UN document)" in generated
