"""The HTML report's cost, for ``make bench``.

The seed against its first generated revision (`tests.support.negotiate`, as in
`bench.alignment`): the whole report in-process, from the two drafts as read (compare, then
`render_html`), and the size of the page that a user sends by e-mail.

Every measure is a function returning one `Row`; `MEASURES` lists them in table order.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from bench.common import SEED, Row, median_seconds, ms
from resdiff.compare import Comparison, compare
from resdiff.model import Draft
from resdiff.parse import parse_file
from resdiff.render_html import render_html
from tests.support.negotiate import lay_out, revise

RUNS = 11


@cache
def _pair() -> tuple[Draft, Draft]:
    return parse_file(SEED), lay_out(revise(parse_file(SEED), 1).new, 1)[1]


@cache
def _comparison() -> Comparison:
    return compare(*_pair())


def report_time() -> Row:
    old, new = _pair()
    render_html(_comparison())  # the first call loads jinja2 and compiles the templates
    whole = median_seconds(lambda: render_html(compare(old, new)), RUNS)
    render = median_seconds(lambda: render_html(_comparison()), RUNS)
    return Row(f"HTML report seed vs revision in-process, compare + render (render alone; "
               f"median of {RUNS})", f"{ms(whole)} ({ms(render)})", "< 200 ms", whole < 0.200)


def report_size() -> Row:
    size = len(render_html(_comparison()).encode("utf-8"))
    return Row("HTML report seed vs revision, size of the one file", f"{size / 1024:.0f} kB",
               "< 1 MB", size < 1024 * 1024)


MEASURES: list[Callable[[], Row]] = [report_time, report_size]
