"""The HTML report (`resdiff.render_html`) on real comparisons and on hostile text.

The page is read back with the standard library's HTML parser: the counts of ``<ins>``,
``<del>`` and badges must equal those of the JSON of the same comparison, every tag must close,
every link of the change list must reach a paragraph, and nothing a document holds may become
markup. The same page in a real browser: ``tests/browser``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cache
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path

import pytest
from click.testing import CliRunner

from resdiff.cli import main
from resdiff.compare import Comparison, compare, to_json
from resdiff.model import Draft, Paragraph
from resdiff.parse import parse_file, parse_text
from resdiff.render_html import environment, render_html
from tests.support.negotiate import lay_out, revise

ROOT = Path(__file__).resolve().parent.parent
DRAFTS = ROOT / "drafts"
SNIPPETS = ROOT / "tests" / "data" / "snippets"

FAMILIES = [("A_80_L.2_en", "A_RES_80_1_en"), ("A_RES_79_6_en", "A_80_L.9_en"),
            ("A_80_L.9_en", "A_RES_80_6_en"), ("A_RES_77_7_en", "A_RES_78_7_en"),
            ("A_RES_78_7_en", "A_RES_79_7_en"), ("A_RES_79_7_en", "A_80_L.6_en"),
            ("A_80_L.6_en", "A_RES_80_4_en")]
"""Real steps of the bundled families, old → new."""
GENERATED = [("A_C.3_77_L.6_fr", s) for s in (1, 2, 5, 11, 12, 13)] + [
    ("A_80_L.9_en", s) for s in (1, 2)]
"""Generated negotiation rounds that between them hold every kind of change."""
VOID = {"meta", "link", "br", "img", "input", "hr", "wbr"}


@cache
def draft(name: str) -> Draft:
    return parse_file(DRAFTS / f"{name}.txt")


@cache
def family(old: str, new: str) -> Comparison:
    return compare(draft(old), draft(new))


@cache
def generated(name: str, seed: int) -> Comparison:
    old = lay_out(draft(name), 0)[1]
    new = lay_out(revise(draft(name), seed).new, seed)[1]
    # A generated revision is never passed off as a UN document: its report says so.
    return compare(old, replace(new, symbol=f"{new.symbol} (generated revision {seed}, not a UN "
                                            "document)"))


def arabic_pair() -> tuple[Draft, Draft]:
    """The Arabic snippet and a revision of it: an amended, an added and a deleted paragraph."""
    text = (SNIPPETS / "ar.txt").read_text("utf-8")
    edited = (text.replace("تحث الدول الأعضاء", "تحث بقوة جميع الدول الأعضاء")
              .replace("وإذ تسلم بالأهمية البالغة", "وإذ تسلم أيضا بالأهمية البالغة"))
    lines = edited.split("\n")
    gone = next(i for i, line in enumerate(lines) if line.startswith("وإذ يساورها"))
    lines[gone] = ("وإذ ترحب بالجهود التي تبذلها الدول الأعضاء والمنظمات الإقليمية لمكافحة "
                   "الاتجار بالنساء والفتيات وحماية الضحايا،")
    return parse_text(text, name="ar.txt"), parse_text("\n".join(lines), name="ar-rev.txt")


@cache
def arabic() -> Comparison:
    return compare(*arabic_pair())


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    within: tuple[str, ...]
    """The ids of the elements it stands in, outermost first."""
    text: list[str] = field(default_factory=list)


class Page(HTMLParser):
    """A rendered report as a list of elements, checking that every tag closes."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self.open: list[Element] = []
        self.scripts: list[str] = []
        self.feed(html)
        self.close()
        assert not self.open, f"unclosed: {[e.tag for e in self.open]}"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        within = tuple(e.attrs["id"] for e in self.open if "id" in e.attrs)
        element = Element(tag, {k: v or "" for k, v in attrs}, within)
        self.elements.append(element)
        if tag not in VOID:
            self.open.append(element)

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open[-1].tag == tag, (
            f"</{tag}> closes <{self.open[-1].tag if self.open else None}>")
        element = self.open.pop()
        if tag == "script":
            self.scripts.append("".join(element.text))

    def handle_data(self, data: str) -> None:
        for element in self.open:
            element.text.append(data)

    def find(self, tag: str | None = None, within: str | None = None, **attrs: str
             ) -> list[Element]:
        return [e for e in self.elements
                if (tag is None or e.tag == tag) and (within is None or within in e.within)
                and all(e.attrs.get(k.rstrip("_")) == v for k, v in attrs.items())]

    def classed(self, name: str, within: str | None = None) -> list[Element]:
        return [e for e in self.find(within=within) if name in e.attrs.get("class", "").split()]


def expected(comparison: Comparison) -> dict[str, int]:
    """What the JSON of the comparison says the page must hold."""
    data = json.loads(json.dumps(to_json(comparison)))
    ops = Counter(op for c in data["changes"] for op, _ in c["diff"])
    fn_ops = Counter(op for f in data["footnotes"] for op, _ in f["diff"])
    summary = data["summary"]
    counts = {f"badge {k}": summary[k] for k in
              ("amended", "added", "deleted", "moved", "split", "merged", "technical")}
    counts |= {"ins": ops["+"], "del": ops["-"], "fn ins": fn_ops["+"], "fn del": fn_ops["-"],
               "paragraphs": len(data["changes"]), "footnotes": len(data["footnotes"])}
    for kind in ("amended", "added", "deleted", "technical"):
        counts[f"fn badge {kind}"] = sum(
            f["technical"] if kind == "technical" else f["kind"] == kind
            for f in data["footnotes"])
    return counts


def found(page: Page) -> dict[str, int]:
    badges = Counter(e.attrs["data-badge"] for e in page.classed("badge", "document"))
    fn_badges = Counter(e.attrs["data-badge"] for e in page.classed("badge", "footnotes"))
    counts = {f"badge {k}": badges[k] for k in
              ("amended", "added", "deleted", "moved", "split", "merged", "technical")}
    counts |= {"ins": len(page.find("ins", "document", class_="ins")),
               "del": len(page.find("del", "document", class_="del")),
               "fn ins": len(page.find("ins", "footnotes", class_="ins")),
               "fn del": len(page.find("del", "footnotes", class_="del")),
               "paragraphs": len(page.classed("para", "document")),
               "footnotes": len(page.classed("para", "footnotes"))}
    for kind in ("amended", "added", "deleted", "technical"):
        counts[f"fn badge {kind}"] = fn_badges[kind]
    return counts


def check_report(comparison: Comparison) -> Page:
    """Everything a report of any comparison must satisfy; returns the parsed page."""
    page = Page(render_html(comparison))
    assert found(page) == expected(comparison)
    assert len(page.find("ins")) == expected(comparison)["ins"] + expected(comparison)["fn ins"]
    assert len(page.find("del")) == expected(comparison)["del"] + expected(comparison)["fn del"]
    ids = [e.attrs["id"] for e in page.elements if "id" in e.attrs]
    assert len(ids) == len(set(ids))
    links = [e.attrs["href"] for e in page.find("a", "changes")]
    changed = [e.attrs["id"] for e in page.classed("change")]
    assert links == [f"#{i}" for i in changed]
    assert len(links) == sum(c.kind != "unchanged" or c.moved for c in comparison.changes) + sum(
        f.kind != "unchanged" for f in comparison.footnotes)
    # Self-contained: one inline style sheet, one inline script, nothing fetched.
    assert not page.find("link", rel="stylesheet")
    assert [e for e in page.find("script") if "src" in e.attrs] == []
    assert len(page.find("script")) == 1 and len(page.find("style")) == 1
    assert not [e for e in page.elements if e.attrs.get("src") or
                e.attrs.get("href", "#").split(":")[0] in ("http", "https", "file")]
    return page


@pytest.mark.parametrize(("old", "new"), FAMILIES)
def test_real_families(old: str, new: str) -> None:
    check_report(family(old, new))


@pytest.mark.parametrize(("name", "seed"), GENERATED)
def test_generated_rounds(name: str, seed: int) -> None:
    comparison = generated(name, seed)
    page = check_report(comparison)
    text = "".join(page.find("html")[0].text)
    for change in comparison.changes:
        for label in change.old + change.new:
            assert label in text


def test_generated_rounds_hold_every_kind() -> None:
    kinds = Counter()
    for name, seed in GENERATED:
        kinds.update({k: v for k, v in generated(name, seed).summary().items() if v})
    assert set(kinds) == {"unchanged", "amended", "added", "deleted", "moved", "split", "merged",
                          "technical"}


def test_header_summary_and_labels() -> None:
    page = Page(render_html(family("A_80_L.2_en", "A_RES_80_1_en")))
    header = " ".join("".join(e.text) for e in page.find("td"))
    for words in ("A/80/L.2", "A/RES/80/1", "draft resolution", "15 September 2025",
                  "19 September 2025", "English"):
        assert words in header
    counts = {e.attrs["data-count"]: "".join(e.text) for e in page.find("td")
              if "data-count" in e.attrs}
    assert counts["amended"] == "4" and counts["added"] == "1" and counts["unchanged"] == "3"
    labels = ["".join(e.text) for e in page.classed("labels", "document")]
    assert labels == ["PP1", "PP2", "PP3", "PP3 → PP4", "PP4 → PP5", "OP1", "OP2", "OP3"]
    html = render_html(family("A_80_L.2_en", "A_RES_80_1_en"))
    assert ('<del class="del">Deploring</del><ins class="ins">Regretting</ins>, in this regard'
            in html)
    openers = ["".join(e.text) for e in page.classed("opener", "document")]
    assert openers == ["opener: Expressing grave concern → Expressing concern",
                       "opener: Deploring → Regretting"]
    assert '<p class="organ">The General Assembly,</p>' in html


def test_technical_and_substantive_apart() -> None:
    comparison = family("A_RES_79_7_en", "A_80_L.6_en")
    page = Page(render_html(comparison))
    notes = sum(f.technical for f in comparison.footnotes)
    assert notes == 1
    # Paragraphs and footnotes together: 5 technical paragraphs, 1 technical footnote.
    assert "".join(page.classed("technical", "summary")[0].text) == "6"
    assert "".join(page.classed("substantive", "summary")[0].text) == "0"
    assert len(page.classed("is-technical", "document")) == 5
    assert len(page.classed("is-technical", "footnotes")) == 1


def test_split_and_merge_show_both_paragraphs() -> None:
    comparison = generated("A_C.3_77_L.6_fr", 5)
    page = Page(render_html(comparison))
    joined = [c for c in comparison.changes if c.kind in ("split", "merged")]
    assert joined and len(page.classed("join", "document")) == sum(
        text.count("\n") for c in joined for _, text in c.diff)
    labels = {"".join(e.text) for e in page.classed("labels", "document")}
    for c in joined:
        assert f"{'+'.join(c.old)} → {'+'.join(c.new)}" in labels


def test_arabic_reads_right_to_left() -> None:
    comparison = arabic()
    assert comparison.new.language == "ar"
    assert {c.kind for c in comparison.changes} >= {"amended", "added", "deleted"}
    page = check_report(comparison)
    html = page.find("html")[0]
    assert html.attrs["lang"] == "ar" and html.attrs["dir"] == "rtl"
    assert "Arabic" in "".join(page.find("table")[0].text)
    assert len(page.find("ins", "document")) >= 2


def test_french_is_left_to_right() -> None:
    html = Page(render_html(generated("A_C.3_77_L.6_fr", 1))).find("html")[0]
    assert html.attrs["lang"] == "fr" and html.attrs["dir"] == "ltr"


HOSTILE = [
    "<script>alert('pp')</script> Recalling its resolution 77/194,",
    'Noting "quotes", \'apostrophes\', & ampersands, </p></article></main> and <!-- comments -->,',
    "Stressing {{ 7 * 7 }} and {% raw %} and ${injection} and `ticks`,",
    "Welcoming " + "Antidisestablishmentarianism" * 12 + " as a word,",
    "Recognizing the text هذا نص عربي من اليمين إلى اليسار in the middle of English,",
]


def hostile_pair() -> tuple[Draft, Draft]:
    paragraphs = tuple(Paragraph(f"PP{k}", "preamble", t) for k, t in enumerate(HOSTILE, 1))
    operative = Paragraph("OP1", "operative", "Decides <b>to</b> remain <i>seized</i>.",
                          number=1)
    old = Draft("A/C.3/80/L.1<script>", "en", "Title <img src=x onerror=alert(1)>",
                "The General Assembly,", paragraphs=paragraphs + (operative,),
                warnings=("<script>warn()</script>",))
    changed = list(paragraphs)
    changed[0] = replace(changed[0], text=HOSTILE[0].replace("77/194", "<b>79/1</b>"))
    changed[3] = replace(changed[3], text=HOSTILE[3].replace("Welcoming", "Welcoming <u>"))
    changed.insert(2, Paragraph("PP6", "preamble", "Alarmed by <iframe src=javascript:x>,"))
    new = replace(old, symbol="A/C.3/80/L.1/Rev.1\"><script>", paragraphs=(
        *changed, replace(operative, text=operative.text.replace("remain", "</ins>stay"))))
    return old, new


def test_hostile_text_is_shown_as_text() -> None:
    comparison = compare(*hostile_pair())
    html = render_html(comparison)
    page = check_report(comparison)
    # The only script is the report's own, and no element came from a document.
    assert len(page.scripts) == 1 and "alert" not in page.scripts[0]
    tags = {e.tag for e in page.elements}
    assert not tags & {"b", "i", "u", "img", "iframe"}
    for raw in ("<script>alert", "<b>79/1</b>", "<iframe", "<img src=x", "</ins>stay",
                "<script>warn"):
        assert raw not in html
    for shown in ("&lt;script&gt;alert(&#39;pp&#39;)&lt;/script&gt;", "&lt;b&gt;79/1&lt;/b&gt;",
                  "{{ 7 * 7 }}", "{% raw %}", "&lt;iframe src=javascript:x&gt;",
                  "A/C.3/80/L.1/Rev.1&#34;&gt;&lt;script&gt;", "&lt;/ins&gt;stay",
                  "هذا نص عربي"):
        assert shown in html
    text = "".join(page.find("html")[0].text)
    assert "<script>alert('pp')</script>" in text and "{{ 7 * 7 }}" in text


def test_environment_is_strict_and_escapes() -> None:
    import jinja2

    env = environment()
    assert env is environment()
    assert env.undefined is jinja2.StrictUndefined
    assert env.from_string("{{ x }}").render(x="<b>") == "&lt;b&gt;"
    with pytest.raises(jinja2.UndefinedError):
        env.from_string("{{ missing }}").render()


def test_templates_ship_inside_the_package() -> None:
    folder = resources.files("resdiff") / "templates"
    for name in ("base.html", "report.html", "macros.html", "report.css", "report.js"):
        assert (folder / name).is_file()
    assert "resdiff/templates" in (ROOT / "templates" / "README.md").read_text("utf-8")


def test_rendering_is_pure_and_repeatable() -> None:
    comparison = generated("A_C.3_77_L.6_fr", 2)
    assert render_html(comparison) == render_html(comparison)


def test_cli_writes_one_html_file(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["diff", str(DRAFTS / "A_80_L.2_en.txt"),
                                       str(DRAFTS / "A_RES_80_1_en.txt"),
                                       "--format", "html", "-o", str(target)])
    assert result.exit_code == 0 and result.stdout == "" and result.stderr == ""
    assert target.read_text("utf-8") == render_html(family("A_80_L.2_en", "A_RES_80_1_en"))
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


def test_cli_html_to_standard_output_and_help() -> None:
    result = CliRunner().invoke(main, ["diff", str(DRAFTS / "A_80_L.2_en.txt"),
                                       str(DRAFTS / "A_RES_80_1_en.txt"), "--format", "html"])
    assert result.exit_code == 0 and result.stderr == ""
    assert result.stdout.startswith("<!DOCTYPE html>") and result.stdout.endswith("</html>\n")
    help_text = CliRunner().invoke(main, ["diff", "--help"]).stdout
    assert "html" in help_text and "--format html -o report.html" in help_text


def test_cli_imports_jinja2_only_for_html() -> None:
    code = ("import sys; from click.testing import CliRunner; from resdiff.cli import main; "
            "r = CliRunner().invoke(main, ['diff', sys.argv[1], sys.argv[2], '--format', "
            "sys.argv[3]]); assert r.exit_code == 0, r.output; "
            "print('jinja2' in sys.modules)")
    pair = [str(DRAFTS / "A_80_L.2_en.txt"), str(DRAFTS / "A_RES_80_1_en.txt")]

    def imports(fmt: str) -> str:
        return subprocess.run([sys.executable, "-c", code, *pair, fmt], check=True,
                              capture_output=True, text=True, cwd=ROOT).stdout.strip()

    assert imports("text") == "False"
    assert imports("json") == "False"
    assert imports("html") == "True"


def test_footnote_markers_stand_where_the_drafts_put_them(seed: Draft) -> None:
    page = check_report(compare(seed, seed))
    markers = page.classed("fn-new", "document")
    assert ["".join(m.text) for m in markers] == [str(n) for n in range(1, 35)]
    assert all(m.tag == "sup" for m in markers) and not page.classed("fn-old", "document")
    html = render_html(compare(seed, seed))
    assert 'du rapport du Secrétaire général<sup class="fn fn-new">17</sup>, qui' in html
    assert 'organisée<sup class="fn fn-new">1</sup> et les Protocoles' in html


def test_old_markers_stand_in_deleted_text(seed: Draft) -> None:
    """PP2 deleted with its eight footnotes: their old numbers stand inside its <del>."""
    new = replace(seed, paragraphs=tuple(p for p in seed.paragraphs if p.label != "PP2"),
                  footnotes=seed.footnotes[8:])
    page = check_report(compare(seed, new))
    old = page.classed("fn-old", "document")
    assert ["".join(m.text) for m in old] == [str(n) for n in range(1, 9)]
    deleted = [e for e in page.find("del", "document") if "organisée" in "".join(e.text)]
    assert len(deleted) == 1 and "".join(deleted[0].text).count("organisée1") == 1
    assert len(page.classed("fn-new", "document")) == 26
