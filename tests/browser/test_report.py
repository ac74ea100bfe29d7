"""The HTML report in a real headless Chromium: it opens cleanly from a file, its marks and
badges match the JSON of the same comparison, the views and the keyboard work, it fits a phone,
Arabic reads right to left, hostile text stays text, and it prints to an A4 PDF.

Screenshots (desktop 1280 px wide, phone 390 px) and the PDF are saved in test-artifacts/html/.
"""

from __future__ import annotations

import re

import pytest

from resdiff.compare import Comparison, compare
from resdiff.render_html import render_html
from tests.browser.conftest import DESKTOP, PHONE
from tests.test_html import arabic, expected, family, generated, hostile_pair

CASES = {
    "family-L2-RES1": lambda: family("A_80_L.2_en", "A_RES_80_1_en"),
    "family-RES79-7-L6": lambda: family("A_RES_79_7_en", "A_80_L.6_en"),
    "seed-generated-rev5": lambda: generated("A_C.3_77_L.6_fr", 5),
    "seed-generated-rev11": lambda: generated("A_C.3_77_L.6_fr", 11),
    "arabic": arabic,
    "hostile": lambda: compare(*hostile_pair()),
}

COUNT = """([selector, visible]) => Array.from(document.querySelectorAll(selector))
    .filter(e => !visible || e.getClientRects().length > 0).length"""


def count(page, selector: str, visible: bool = False) -> int:
    return page.evaluate(COUNT, [selector, visible])


def counts(page, visible: bool = False) -> dict[str, int]:
    """The page's marks and badges, in the keys of `tests.test_html.expected`."""
    out = {"ins": count(page, "#document ins.ins", visible),
           "del": count(page, "#document del.del", visible),
           "fn ins": count(page, "#footnotes ins.ins", visible),
           "fn del": count(page, "#footnotes del.del", visible),
           "paragraphs": count(page, "#document .para", visible),
           "footnotes": count(page, "#footnotes .para", visible)}
    for kind in ("amended", "added", "deleted", "moved", "split", "merged", "technical"):
        out[f"badge {kind}"] = count(page, f"#document .badge[data-badge={kind}]", visible)
    for kind in ("amended", "added", "deleted", "technical"):
        out[f"fn badge {kind}"] = count(page, f"#footnotes .badge[data-badge={kind}]", visible)
    return out


def changes(comparison: Comparison) -> int:
    return sum(c.kind != "unchanged" or c.moved for c in comparison.changes) + sum(
        f.kind != "unchanged" for f in comparison.footnotes)


@pytest.mark.parametrize("name", CASES)
def test_opens_cleanly_and_counts_match_the_json(open_report, name: str) -> None:
    comparison = CASES[name]()
    report = open_report(comparison, name)
    page = report.page
    assert report.errors == []
    assert report.dialogs == []
    # Works offline: the file itself is the only thing loaded.
    assert report.requests == [report.path.as_uri()]
    assert page.evaluate("document.documentElement.classList.contains('no-js')") is False
    assert counts(page) == expected(comparison)
    assert counts(page, visible=True) == expected(comparison)
    assert count(page, "ins") == expected(comparison)["ins"] + expected(comparison)["fn ins"]
    assert count(page, "del") == expected(comparison)["del"] + expected(comparison)["fn del"]


def test_reads_without_script(browser, artifacts) -> None:
    """Some mail readers open attachments with scripts off: the page is then the whole redline,
    without the view switches that would not work."""
    comparison = generated("A_C.3_77_L.6_fr", 5)
    path = artifacts / "seed-generated-rev5-no-script.html"
    path.write_text(render_html(comparison), "utf-8")
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(path.as_uri())
        assert count(page, ".toolbar", visible=True) == 0
        assert counts(page, visible=True) == expected(comparison)
        page.screenshot(path=artifacts / "seed-generated-rev5-no-script-desktop.png")
    finally:
        context.close()


def test_opens_in_the_view_it_was_made_for(open_report) -> None:
    """`resdiff diff --format html --only-changes` makes a report that opens on the changes."""
    comparison = generated("A_C.3_77_L.6_fr", 5)
    page = open_report(comparison, "seed-generated-rev5-changes-only", start_view="changes-only").page
    assert page.get_attribute("body", "data-view") == "changes-only"
    assert page.get_attribute("button[data-view=changes-only]", "aria-pressed") == "true"
    assert count(page, "#document .para", visible=True) == sum(
        c.kind != "unchanged" or c.moved for c in comparison.changes)
    page.keyboard.press("1")
    assert page.get_attribute("body", "data-view") == "redline"


def test_views_toggle(open_report, artifacts) -> None:
    comparison = generated("A_C.3_77_L.6_fr", 5)
    want = expected(comparison)
    page = open_report(comparison, "seed-generated-rev5-views").page

    page.click("button[data-view=side-by-side]")
    assert page.get_attribute("body", "data-view") == "side-by-side"
    assert page.get_attribute("button[data-view=side-by-side]", "aria-pressed") == "true"
    assert count(page, ".sbs") == want["paragraphs"] + want["footnotes"]
    assert count(page, ".para > .text", visible=True) == 0
    # The old side holds the deletions only, the new side the insertions only.
    assert count(page, "#document .sbs .old del", visible=True) == want["del"]
    assert count(page, "#document .sbs .new ins", visible=True) == want["ins"]
    assert count(page, ".sbs .old ins") == count(page, ".sbs .new del") == 0
    boxes = page.evaluate("""() => { const s = document.querySelector('.kind-amended .sbs');
        return Array.from(s.children).map(c => c.getBoundingClientRect().left); }""")
    assert boxes[0] < boxes[1]

    page.click("button[data-view=changes-only]")
    assert count(page, ".sbs") == 0
    assert count(page, "#document .para", visible=True) == sum(
        c.kind != "unchanged" or c.moved for c in comparison.changes)
    folds = count(page, ".fold", visible=True)
    assert folds > 0
    before = count(page, "#document .para", visible=True)
    page.click(".fold >> nth=0")
    assert count(page, "#document .para", visible=True) > before
    assert page.get_attribute(".fold >> nth=0", "aria-expanded") == "true"

    page.click("button[data-view=redline]")
    assert count(page, ".fold", visible=True) == 0
    assert counts(page, visible=True) == want


def test_keyboard_goes_from_change_to_change(open_report) -> None:
    comparison = generated("A_C.3_77_L.6_fr", 11)
    total = changes(comparison)
    page = open_report(comparison, "seed-generated-rev11-keyboard").page
    ids = page.evaluate("Array.from(document.querySelectorAll('.para.change')).map(e => e.id)")
    assert len(ids) == total

    def current() -> str:
        return page.evaluate("document.querySelector('.para.current').id")

    def in_view() -> bool:
        return page.evaluate("""() => { const r = document.querySelector('.para.current')
            .getBoundingClientRect(); return r.top < innerHeight && r.bottom > 0; }""")

    page.keyboard.press("j")
    assert current() == ids[0] and in_view()
    assert page.evaluate("document.activeElement.id") == ids[0]
    assert page.inner_text(".position").startswith(f"Change 1 of {total}: ")
    page.keyboard.press("n")
    page.keyboard.press("j")
    assert current() == ids[2] and in_view()
    page.keyboard.press("k")
    assert current() == ids[1]
    page.keyboard.press("p")
    page.keyboard.press("p")
    assert current() == ids[0]  # stays at the first
    for _ in range(total + 2):
        page.keyboard.press("j")
    assert current() == ids[-1] and in_view()  # stays at the last
    assert page.inner_text(".position").startswith(f"Change {total} of {total}: ")

    page.keyboard.press("3")
    assert page.get_attribute("body", "data-view") == "changes-only"
    page.keyboard.press("k")
    assert current() == ids[-2] and in_view()
    page.keyboard.press("2")
    assert page.get_attribute("body", "data-view") == "side-by-side"
    page.keyboard.press("j")
    assert current() == ids[-1] and in_view()
    page.keyboard.press("1")
    assert page.get_attribute("body", "data-view") == "redline"
    # The change list goes to the change, and so do the buttons.
    page.click(f"#changes a[href='#{ids[3]}']")
    assert current() == ids[3] and in_view()
    page.click("button[data-move='1']")
    assert current() == ids[4]


def test_opened_at_a_change(open_report) -> None:
    report = open_report(family("A_80_L.2_en", "A_RES_80_1_en"), "address")
    page = report.page
    page.goto("about:blank")  # a new load, not a jump within the page
    page.goto(report.path.as_uri() + "#c6")
    assert page.evaluate("document.querySelector('.para.current').id") == "c6"
    assert page.inner_text(".position").startswith("Change 4 of 5: OP1")
    assert report.errors == []


def _fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= innerWidth")


def test_screenshots_desktop_and_phone(open_report, artifacts) -> None:
    comparison = generated("A_C.3_77_L.6_fr", 11)
    for width, viewport in (("desktop", None), ("phone", PHONE)):
        report = (open_report(comparison, f"seed-generated-rev11-{width}", viewport) if viewport
                  else open_report(comparison, f"seed-generated-rev11-{width}"))
        page = report.page
        assert _fits(page)
        page.screenshot(path=artifacts / f"seed-generated-rev11-{width}-top.png")
        page.keyboard.press("j")
        page.keyboard.press("j")
        page.keyboard.press("j")
        page.screenshot(path=artifacts / f"seed-generated-rev11-{width}-redline.png")
        page.keyboard.press("2")
        assert _fits(page)
        page.screenshot(path=artifacts / f"seed-generated-rev11-{width}-side-by-side.png")
        page.keyboard.press("3")
        page.evaluate("document.getElementById('document').scrollIntoView()")
        page.screenshot(path=artifacts / f"seed-generated-rev11-{width}-changes-only.png")
        assert report.errors == []
    for name in ("top", "redline", "side-by-side", "changes-only"):
        for width in ("desktop", "phone"):
            assert (artifacts / f"seed-generated-rev11-{width}-{name}.png").stat().st_size > 10_000


def test_arabic_reads_right_to_left(open_report, artifacts) -> None:
    for width, viewport in (("desktop", None), ("phone", PHONE)):
        report = (open_report(arabic(), f"arabic-{width}", viewport) if viewport
                  else open_report(arabic(), f"arabic-{width}"))
        page = report.page
        assert page.evaluate("getComputedStyle(document.querySelector('.para .text')).direction"
                             ) == "rtl"
        # The labels of a paragraph stand at its right edge, its border on the right.
        side = page.evaluate("""() => { const p = document.querySelector('#document .para');
            const l = p.querySelector('.labels').getBoundingClientRect();
            const r = p.getBoundingClientRect();
            return [r.right - l.right, l.left - r.left,
                    getComputedStyle(p).borderRightWidth]; }""")
        assert side[0] < side[1] and side[2] == "4px"
        assert _fits(page)
        page.keyboard.press("j")
        page.screenshot(path=artifacts / f"arabic-{width}.png")
        page.keyboard.press("2")
        page.screenshot(path=artifacts / f"arabic-{width}-side-by-side.png")
        assert report.errors == []


def test_hostile_text_stays_text(open_report, artifacts) -> None:
    report = open_report(compare(*hostile_pair()), "hostile-phone", PHONE)
    page = report.page
    assert report.dialogs == [] and report.errors == []
    assert count(page, "#document b, #document i, #document u, img, iframe") == 0
    assert count(page, "script") == 1
    text = page.inner_text("#document")
    assert "<script>alert('pp')</script>" in text
    assert "{{ 7 * 7 }}" in text and "<iframe src=javascript:x>" in text
    assert "A/C.3/80/L.1/Rev.1\"><script>" in page.inner_text(".versions")
    assert _fits(page)  # the 336-letter word wraps
    page.keyboard.press("2")
    assert _fits(page)
    page.keyboard.press("1")
    page.screenshot(path=artifacts / "hostile-phone.png", full_page=True)


def test_prints_a_clean_a4_redline(open_report, artifacts) -> None:
    report = open_report(family("A_RES_79_7_en", "A_80_L.6_en"), "print")
    page = report.page
    page.emulate_media(media="print")
    for hidden in (".toolbar", "#changes", ".fold"):
        assert count(page, hidden, visible=True) == 0
    assert count(page, "#document .para", visible=True) == count(page, "#document .para")
    decoration = page.evaluate("""() => [
        getComputedStyle(document.querySelector('ins.ins')).textDecorationLine,
        getComputedStyle(document.querySelector('del.del')).textDecorationLine]""")
    assert decoration == ["underline", "line-through"]
    page.set_viewport_size({"width": 794, "height": 1123})  # A4 at 96 dpi
    page.screenshot(path=artifacts / "print-preview.png", full_page=True)
    # As a user's "print to PDF": the page size comes from the style sheet's @page rule.
    pdf = page.pdf(path=artifacts / "report.pdf", prefer_css_page_size=True)
    assert pdf.startswith(b"%PDF-")
    pages = re.findall(rb"/Type\s*/Page\b", pdf)
    assert len(pages) >= 2
    box = re.search(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    # A4 is 595.3 x 841.9 points; Chromium rounds the page to whole CSS pixels.
    assert box and abs(float(box[1]) - 595.3) < 1.5 and abs(float(box[2]) - 841.9) < 1.5
    assert report.errors == []
