"""Sub-paragraphs (a), (b)… and (i), (ii)… as parts of their paragraph: found, named, shown on
lines of their own, and compared as part of their paragraph."""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace

import pytest

from resdiff.compare import compare
from resdiff.parse import parse_file
from resdiff.render_docx import render_docx
from resdiff.render_html import render_html
from resdiff.render_text import render_text
from resdiff.subitems import chapeau, sub_items
from resdiff.views import draft_json, draft_text
from tests.support.real_pdfs import PDF_DIR


def _labels(text: str) -> list[str]:
    return [item.label for item in sub_items(text)]


def test_the_seed_pp1_items_french_style(seed) -> None:
    text = seed.paragraph("PP1").text
    items = sub_items(text)
    assert [i.label for i in items] == ["a)", "b)"]
    assert chapeau(text, items).endswith("et qui exige :")
    assert items[1].text(text) == "b) une action pénale proportionnelle à la gravité de " \
                                  "l’infraction,"


def test_nested_items_and_i_after_h() -> None:
    text = ("Requests States: (a) To act; (b) To report, including: (i) on the first; (ii) on "
            "the second; (c) To review; (d) To x; (e) To x; (f) To x; (g) To x; (h) To x; "
            "(i) To consider, in paragraph 4 (b) of resolution 69 (a), the matter; (j) To end.")
    assert _labels(text) == ["(a)", "(b)", "(b)(i)", "(b)(ii)", "(c)", "(d)", "(e)", "(f)",
                             "(g)", "(h)", "(i)", "(j)"]


@pytest.mark.parametrize("text", [
    "Recalling resolution 69 (a) of the Assembly and article 4 (b) of the Covenant,",
    "Taking note of subparagraphs (a) and (b) of paragraph 3 of its resolution 78/1,",
    "Decides to consider, under item 69 (i) the question at its next session;",
])
def test_references_are_no_items(text: str) -> None:
    assert sub_items(text) == ()


def test_real_pdf_items_in_json_and_view() -> None:
    draft = parse_file(PDF_DIR / "A_C.3_80_L.46.pdf")
    op3 = next(p for p in draft_json(draft)["paragraphs"] if p["label"] == "OP3")
    assert [i["label"] for i in op3["items"]] == ["(a)", "(b)", "(c)", "(d)", "(e)", "(f)"]
    assert op3["items"][0]["text"].startswith("(a) To consider developing or maintaining")
    assert op3["text"].startswith("Calls upon all Member States: (a) To consider")
    view = draft_text(draft)
    assert "OP3    Calls upon all Member States:\n           (a) To consider developing" in view


def test_an_inserted_item_is_an_amendment_shown_where_it_stands() -> None:
    old = parse_file(PDF_DIR / "A_C.3_80_L.46.pdf")
    op3 = old.paragraph("OP3")
    cut = sub_items(op3.text)[2].start
    rest = op3.text[cut:]
    for letter in "fedc":  # relabel the items after the new one, last first
        rest = rest.replace(f"({letter}) ", f"({chr(ord(letter) + 1)}) ", 1)
    new_text = op3.text[:cut] + "(c) To protect journalists online; " + rest
    assert _labels(new_text) == ["(a)", "(b)", "(c)", "(d)", "(e)", "(f)", "(g)"]
    new = replace(old, paragraphs=tuple(replace(p, text=new_text, notes=(), note_at=())
                                        if p.label == "OP3" else p for p in old.paragraphs))
    comparison = compare(old, new)
    changed = [c for c in comparison.changes if c.kind != "unchanged"]
    assert [(c.kind, c.old, c.new) for c in changed] == [("amended", ("OP3",), ("OP3",))]
    text = render_text(comparison)
    op3_view = text[text.index("~ OP3"):text.index("OP4")]
    assert op3_view.count("\n      (") == 7  # each item on a line of its own
    assert "To protect journalists online;" in op3_view
    html = render_html(comparison)
    article = html[html.index('data-kind="amended"'):]
    article = article[:article.index("</article>")]
    assert article.count('<br class="sub-item">') == 7  # before each of the 7 items
    assert "To protect journalists online;" in article.split("<ins")[1]
    with zipfile.ZipFile(io.BytesIO(render_docx(comparison))) as package:
        document = package.read("word/document.xml").decode()
    assert document.count("<w:br />") >= 7
