"""Markdown in records: one shared converter, sanitised, headings fitted into the page's outline."""

from __future__ import annotations

import re

import pytest

from catalogue.render.markdown import fit_headings, render_markdown


def levels(html: str) -> list[int]:
    return [int(level) for level in re.findall(r"<h([1-6])>", html)]


@pytest.mark.parametrize(
    ("markdown", "under", "expected"),
    [
        ("# A\n\n## B\n\n### C\n", 2, [3, 4, 5]),
        ("# A\n\n## B\n\n### C\n", 1, [2, 3, 4]),
        ("## A\n\n### B\n", 2, [3, 4]),  # the top-most level used, not h1, becomes the first level below
        ("### A\n\n### B\n", 1, [2, 2]),
        ("## A\n\n#### B\n\n### C\n\n## D\n", 2, [3, 4, 4, 3]),  # a skipped level is closed up
        ("#### A\n\n# B\n\n## C\n", 1, [2, 2, 3]),  # the first heading is never deeper than one below
        ("# A\n\n## B\n\n### C\n\n#### D\n\n##### E\n\n###### F\n", 2, [3, 4, 5, 6, 6, 6]),  # HTML stops at h6
        ("# A\n\n## B\n", 0, [1, 2]),
    ],
)
def test_headings_start_one_below_the_surrounding_heading_and_never_skip(markdown, under, expected):
    html = render_markdown(markdown, under=under)
    assert levels(html) == expected
    opened = re.findall(r"<h([1-6])>", html)
    closed = re.findall(r"</h([1-6])>", html)
    assert opened == closed  # every heading closes with its own level


def test_without_a_surrounding_level_the_headings_stay_as_written():
    assert levels(render_markdown("## A\n\n#### B\n", under=None)) == [2, 4]


def test_the_default_suits_text_right_below_the_h1():
    assert levels(render_markdown("## A\n\n### B\n")) == [2, 3]


def test_text_without_headings_is_untouched():
    html = render_markdown("Text a **tučně**.\n\n---\n\n- bod\n", under=3)
    assert html == fit_headings(html, 1) and "<hr>" in html and "<strong>tučně</strong>" in html


def test_headings_written_as_html_are_sanitised_and_fitted_too():
    html = render_markdown('<h2 class="x" onclick="alert(1)">A</h2>\n\n### B\n\n<h6>C</h6>\n', under=2)
    assert "onclick" not in html and 'class="x"' not in html
    assert levels(html) == [3, 4, 5]


def test_heading_text_that_looks_like_a_tag_is_not_a_heading():
    html = render_markdown("# Nadpis\n\nNapište `<h2>` nebo &lt;h3&gt; do textu.\n", under=2)
    assert levels(html) == [3] and "&lt;h2&gt;" in html
