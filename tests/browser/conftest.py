"""A real headless Chromium for the HTML report: Debian's ``chromium`` driven by playwright.

`make test` installs the browser (apt-get) when it is missing; playwright never downloads one.
Without it these tests fail, loudly, rather than skip: a report nobody opened is not tested.
Screenshots and the printed PDF go to ``test-artifacts/html/`` (git-ignored) for a person to
look at.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from resdiff.compare import Comparison
from resdiff.render_html import render_html

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts" / "html"
CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: the HTML report's browser tests need Debian's "
                    "chromium; `make test` installs it (apt-get install chromium, as root)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@dataclass
class Report:
    """A report open in a browser page, with everything the page complained about."""

    page: object
    path: Path
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


@pytest.fixture
def open_report(browser, artifacts: Path) -> Iterator[Callable[..., Report]]:
    """Write the report of a comparison to test-artifacts/html/NAME.html and open it from the
    file, as a user opens an e-mail attachment."""
    contexts = []

    def open_(comparison: Comparison, name: str, viewport: dict = DESKTOP,
              start_view: str = "redline") -> Report:
        path = artifacts / f"{name}.html"
        path.write_text(render_html(comparison, start_view), "utf-8")
        context = browser.new_context(viewport=viewport)
        contexts.append(context)
        page = context.new_page()
        report = Report(page, path)
        page.on("console", lambda m: report.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: report.errors.append(str(e)))
        page.on("request", lambda r: report.requests.append(r.url))
        page.on("dialog", lambda d: (report.dialogs.append(d.message), d.dismiss()))
        page.goto(path.as_uri())
        page.wait_for_load_state("load")
        return report

    yield open_
    for context in contexts:
        context.close()
